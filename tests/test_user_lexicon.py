"""A researcher's own lexicon: names the package has never seen, aliases that merge variants,
blocks that remove mistakes; one file format, applied the same way everywhere."""
import json
import subprocess
import sys

import pytest

import unionnlp
from unionnlp.errors import LexiconError
from unionnlp.lexicon import UserLexicon, discover
from unionnlp.records import Campaign, Event, Organization, Record, Statistic
from unionnlp.schema import records_to_frames

# a programme name made up for these tests: no lexicon or classifier has seen it
MADE_UP = "青禾暖工坊"

TEXT = (f"临江市总工会今年推出{MADE_UP}服务品牌，同时推进“三创两争”和党建带工建，"
        "全市职工入会率达95%。")

LEXICON_CSV = f"""kind,action,name,canonical,type,note
campaign,add,{MADE_UP},,brand-title,our county's brand
campaign,alias,三创两争,三创争两提升,,short form
campaign,block,党建带工建,,,not studied here
organization,alias,临江市总工会,临江市工会联合会,union,
metric,alias,职工入会率,入会率,,
"""


@pytest.fixture()
def lexicon_file(tmp_path):
    p = tmp_path / "mine.csv"
    p.write_text(LEXICON_CSV, encoding="utf-8")
    return p


def test_made_up_name_is_found_and_variants_merge(lexicon_file):
    plain = unionnlp.extract(TEXT)
    assert MADE_UP not in {c.name for c in plain.campaigns}
    rec = unionnlp.extract(TEXT, lexicon=lexicon_file)
    by_name = {c.name: c for c in rec.campaigns}
    mine = by_name[MADE_UP]
    assert rec.text[mine.start:mine.end] == MADE_UP and mine.kind == "brand-title"
    assert by_name["三创两争"].canonical == "三创争两提升"
    assert by_name["三创两争"].campaign_id == "三创争两提升"
    assert "党建带工建" not in by_name
    assert {s.metric_id for s in rec.statistics} == {"入会率"}
    log = rec.meta["lexicon"]
    assert {(e["action"], e["name"]) for e in log} >= {("add", MADE_UP), ("alias", "三创两争"),
                                                        ("block", "党建带工建")}
    assert all(e["by"].startswith(str(lexicon_file)) for e in log)


def test_events_follow_their_campaigns_and_actors():
    lex = UserLexicon.load(None)
    assert not lex
    rec = Record(source="x", text="甲乙丙丁", campaigns=[
        Campaign("三创两争", "numbered-slogan", "三创两争", 0, 2, "三创两争"),
        Campaign("党建带工建", "mechanism", "党建带工建", 2, 4, "党建带工建")],
        organizations=[Organization("某总工会", "某总工会", "union", None, 0, 2, "某总工会")],
        events=[Event("launch", "三创两争", "三创两争", "某总工会", "某总工会"),
                Event("promote", "党建带工建", "党建带工建", None, None)])
    from unionnlp.lexicon.user import LexiconEntry

    lex = UserLexicon([LexiconEntry("campaign", "alias", "三创两争", "三创争两提升"),
                       LexiconEntry("campaign", "block", "党建带工建"),
                       LexiconEntry("organization", "block", "某总工会")])
    lex.apply(rec)
    assert [(e.action, e.campaign_id, e.actor) for e in rec.events] == [("launch", "三创争两提升", None)]


def test_two_texts_without_a_source_get_two_ids():
    assert unionnlp.extract("甲市总工会。").id != unionnlp.extract("乙市总工会。").id
    assert unionnlp.extract("甲市总工会。").id == unionnlp.extract("甲市总工会。").id


def test_frames_get_the_same_changes(lexicon_file):
    lex = UserLexicon.load(lexicon_file)
    records = [unionnlp.extract(TEXT), unionnlp.extract("本县启动“三创两争”。")]
    direct = [lex.apply(unionnlp.extract(TEXT)), lex.apply(unionnlp.extract("本县启动“三创两争”。"))]
    fr = lex.apply_frames(records_to_frames(records))
    want = records_to_frames(direct)["campaigns"]
    cols = ["article_id", "name", "canonical", "campaign_id", "start", "end"]
    got = fr["campaigns"][cols].sort_values(["article_id", "start"]).reset_index(drop=True)
    assert got.to_dict("records") == want[cols].sort_values(["article_id", "start"]).reset_index(drop=True).to_dict("records")


def test_yaml_form_and_later_files_win(tmp_path, lexicon_file):
    y = tmp_path / "more.yaml"
    y.write_text("- {kind: campaign, action: alias, name: 三创两争, canonical: 三创两争工程}\n",
                 encoding="utf-8")
    lex = UserLexicon.load([lexicon_file, y])
    assert lex.entry("campaign", "“三创两争”").canonical == "三创两争工程"  # quotes do not matter
    assert len(lex.fingerprint()) == 12 and lex.fingerprint() != UserLexicon.load(lexicon_file).fingerprint()


@pytest.mark.parametrize("body, where", [
    ("kind,action,name,canonical\ncampaign,rename,甲,乙\n", ":2"),
    ("kind,action,name,canonical\nplace,add,甲,\n", ":2"),
    ("kind,action,name,canonical\ncampaign,alias,甲,\n", ":2"),
    ("name,canonical\n甲,乙\n", ":1"),
])
def test_a_bad_line_is_named(tmp_path, body, where):
    p = tmp_path / "bad.csv"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError, match=f"bad.csv{where}"):
        UserLexicon.load(p)
    with pytest.raises(LexiconError, match="no such lexicon"):
        UserLexicon.load(tmp_path / "missing.csv")


def test_cli_extract_with_a_lexicon(tmp_path, lexicon_file):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "unionnlp", "extract", str(doc), "--lexicon", str(lexicon_file)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert MADE_UP in {c["name"] for c in rec["campaigns"]}
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,action,name\nnope,add,甲\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    r = subprocess.run([sys.executable, "-m", "unionnlp", "extract", str(doc), "--lexicon", str(bad),
                        "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "bad.csv:2" in r.stderr and not out.exists()
    assert not list(tmp_path.glob(".o.jsonl.*"))


def test_spacy_pipeline_applies_the_lexicon_last(lexicon_file):
    nlp = unionnlp.load(lexicon=lexicon_file)
    assert nlp.pipe_names[-1] == "union_user_lexicon"
    rec = unionnlp.extract(TEXT, nlp=nlp)
    assert MADE_UP in {c.name for c in rec.campaigns}
    assert "党建带工建" not in {c.name for c in rec.campaigns}


def test_discover_writes_a_lexicon_that_loads(tmp_path):
    recs = [unionnlp.extract("市总工会开展“凤鸣工匠计划”，推进“三创两争”。")]
    df = discover(recs)
    p = tmp_path / "review.csv"
    df.to_csv(p, index=False)
    lex = UserLexicon.load(p)
    assert {e.name for e in lex.entries} == set(df["name"])
    assert all(e.kind == "campaign" and e.action == "add" for e in lex.entries)
