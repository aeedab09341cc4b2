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


def test_corrections_fix_one_article_and_say_so(tmp_path):
    """A wrong main place, a wrong year and a junk item, fixed by a file; the record lists each
    change with its file and line, and an edit that finds nothing is listed as not applied."""
    text = "临江市总工会推进“三创两争”，2019年全市职工入会率达99%，会员4.2万余人。"
    rec = unionnlp.extract(text, source="pages/lj.txt")
    members = next(s for s in rec.statistics if s.value == 42000)
    fix = tmp_path / "fix.csv"
    fix.write_text("article,item,field,value,note\n"
                   f"pages/lj.txt,,place,泰州市,the story is about Taizhou\n"
                   f"{rec.id},statistics@{members.start},year,2020,\n"
                   f"{rec.id},campaign#0,delete,,\n"
                   f"{rec.id},statistics@9999,year,2020,\n", encoding="utf-8")
    before = records_to_frames([rec])
    lex = UserLexicon.load(fix)
    lex.apply(rec)
    assert rec.place.canonical == "江苏省泰州市" and rec.place.adcode == "321200"
    assert {s.place for s in rec.statistics} == {"江苏省泰州市"}  # figures follow the main place
    assert next(s for s in rec.statistics if s.value == 42000).year == 2020
    assert rec.campaigns == []
    log = rec.meta["corrections"]
    assert [e["applied"] for e in log] == [True, True, True, False]
    assert log[0]["new"] == "江苏省泰州市" and log[0]["old"] != log[0]["new"]
    assert all(e["by"].startswith(str(fix)) for e in log)
    # the same file over the tables of a comparison
    after = lex.apply_frames(before)
    assert after["articles"].loc[0, "place_code"] == "321200"
    assert sorted(after["statistics"]["year"]) == [2019, 2020]
    assert len(after["campaigns"]) == 0


@pytest.mark.parametrize("row, msg", [
    ("x,,nowhere,1,", "article correction sets one of"),
    ("x,statistics@3,colour,red,", "have no field 'colour'"),
    ("x,widgets@3,year,2020,", "is not <kind>@<start>"),
    ("x,,,1,", "needs a field"),
])
def test_bad_corrections_are_named(tmp_path, row, msg):
    p = tmp_path / "fix.csv"
    p.write_text("article,item,field,value,note\n" + row + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="fix.csv:2"):
        UserLexicon.load(p)
    with pytest.raises(LexiconError, match=msg):
        UserLexicon.load(p)


def test_cli_extract_with_corrections(tmp_path):
    doc = tmp_path / "lj.txt"
    doc.write_text("临江市总工会召开会议，2019年全市职工入会率达99%。", encoding="utf-8")
    fix = tmp_path / "fix.yaml"
    fix.write_text(f"corrections:\n  - {{article: {doc}, field: place, value: 泰州市}}\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "unionnlp", "extract", str(doc), "--corrections", str(fix)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert rec["place"]["adcode"] == "321200" and rec["meta"]["corrections"][0]["field"] == "place"


def test_compare_respects_lexicon_and_corrections(tmp_path, lexicon_file):
    """The same files change a comparison of stored records: a made-up campaign appears in
    the adoption table, a blocked one disappears, a corrected place moves an article."""
    from unionnlp import compare

    recs = [unionnlp.extract(TEXT, source="a.txt", published="2021-03-01"),
            unionnlp.extract("泰州市总工会推进党建带工建。", source="b.txt", published="2020-05-01")]
    path = tmp_path / "r.jsonl"
    path.write_text("".join(r.to_json() + "\n" for r in recs), encoding="utf-8")
    plain = compare.campaign_adoption(str(path))
    assert MADE_UP not in set(plain["campaign"]) and "党建带工建" in set(plain["campaign"])
    fix = tmp_path / "fix.csv"
    fix.write_text("article,item,field,value,note\nb.txt,,place,扬州市,\n", encoding="utf-8")
    fr = compare.frames(str(path), lexicon=[lexicon_file, fix])
    ad = compare.campaign_adoption(fr)
    assert MADE_UP in set(ad["campaign"]) and "党建带工建" not in set(ad["campaign"])
    assert "三创争两提升" in set(ad["campaign"]) and "三创两争" not in set(ad["campaign"])
    arts = fr["articles"].set_index("source")
    assert arts.loc["b.txt", "place_code"] == "321000" and arts.loc["b.txt", "place"] == "江苏省扬州市"
    r = subprocess.run([sys.executable, "-m", "unionnlp", "compare", str(path), "--lexicon", str(lexicon_file)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert MADE_UP in r.stdout


def test_variants_with_one_id_are_counted_once():
    """Two spellings that the lexicon gives one campaign_id are one column of adoption."""
    from unionnlp import compare
    from unionnlp.lexicon.user import LexiconEntry

    lex = UserLexicon([LexiconEntry("campaign", "alias", "三创两争", "三创争两提升")])
    recs = [unionnlp.extract("扬州市总工会开展“三创两争”活动。", source="a", published="2020-01-01"),
            unionnlp.extract("扬州市总工会推进“三创争两提升”。", source="b", published="2021-01-01")]
    ad = compare.campaign_adoption(compare.frames(recs, lexicon=lex))
    assert set(ad["campaign"]) == {"三创争两提升"}  # one campaign, mentioned in 2020 and 2021
    assert set(ad["first_year"]) == {2020} and ad["adopted"].sum() == 1
