"""A researcher's lexicon inside campaign extraction, retraining from gold folders, and the
classifier a lexicon points at. Texts and names are written for these tests."""
import json
import subprocess
import sys

import pytest

import unionnlp
from unionnlp.errors import LexiconError
from unionnlp.extractors.campaigns import find_campaigns, load_classifier
from unionnlp.lexicon import UserLexicon, train_classifier
from unionnlp.lexicon.train import gold_candidates

# made up for these tests: no package lexicon or shipped classifier knows them
SHOP = "老周修鞋铺"
WEEK = "安康杯竞赛宣传周"


def _lexicon(tmp_path, rows, name="mine.csv"):
    p = tmp_path / name
    p.write_text("kind,action,name,canonical,type,note\n" + "".join(r + "\n" for r in rows),
                 encoding="utf-8")
    return p


def test_an_added_name_wins_over_the_classifier(tmp_path):
    text = f"他常去“{SHOP}”。"
    assert SHOP not in {c.name for c in find_campaigns(text)}  # the classifier says no
    lex = UserLexicon.load(_lexicon(tmp_path, [f"campaign,add,{SHOP},,brand-title,"]))
    found = {c.name: c for c in find_campaigns(text, lexicon=lex)}
    assert found[SHOP].kind == "brand-title" and found[SHOP].campaign_id == SHOP
    assert text[found[SHOP].start:found[SHOP].end] == SHOP


def test_an_added_name_wins_over_an_overlapping_package_name(tmp_path):
    text = f"市总工会举办{WEEK}，普及安全知识。"
    assert "安康杯" in {c.name for c in find_campaigns(text)}
    lex = UserLexicon.load(_lexicon(tmp_path, [f"campaign,add,{WEEK},,activity,"]))
    assert [c.name for c in find_campaigns(text, lexicon=lex)] == [WEEK]


def test_a_block_wins_over_the_package_lexicon_and_is_logged(tmp_path):
    text = "全县深入开展安康杯竞赛，坚持党建带动工建。"
    assert {"安康杯", "党建带动工建"} <= {c.name for c in unionnlp.extract(text).campaigns}
    p = _lexicon(tmp_path, ["campaign,block,安康杯,,,", "campaign,block,党建带工建,,,"])
    rec = unionnlp.extract(text, lexicon=p)
    assert not rec.campaigns  # 党建带动工建 goes with its canonical name
    assert {e["name"] for e in rec.meta["lexicon"] if e["action"] == "block"} == {"安康杯", "党建带动工建"}


def test_an_alias_gives_the_identity(tmp_path):
    lex = UserLexicon.load(_lexicon(tmp_path, ["campaign,alias,双联双帮,双联双帮工程,,"]))
    c = find_campaigns("推行“双联双帮”。", lexicon=lex)[0]
    assert (c.canonical, c.campaign_id) == ("双联双帮工程", "双联双帮工程")


HAND = """label\tleft\tname\tright\tquoted\tsource
0\t推行\t双联双帮\t工作法\t1\tquoted
0\t开展\t三进三访\t活动\t1\tquoted
0\t落实\t四帮四促\t要求\t1\tquoted
1\t深入实施\t职工暖心工程\t，\t0\tframe
1\t启动\t技能强企行动\t。\t0\tframe
0\t开展\t走访慰问活动\t，\t0\tframe
"""


def test_a_lexicon_row_points_extraction_at_a_retrained_classifier(tmp_path):
    hand = tmp_path / "hand.tsv"
    hand.write_text(HAND, encoding="utf-8")
    model = tmp_path / "models" / "mine.json"
    train_classifier(hand, out=model, folds=2)
    text = "县总工会推行“双联双帮”工作法。"
    assert "双联双帮" in {c.name for c in unionnlp.extract(text).campaigns}
    # the path is relative to the lexicon file
    lex = _lexicon(tmp_path, ["campaign,model,models/mine.json,,,"])
    assert "双联双帮" not in {c.name for c in unionnlp.extract(text, lexicon=lex).campaigns}
    nlp = unionnlp.load(lexicon=lex)
    assert "双联双帮" not in {c.name for c in unionnlp.extract(text, nlp=nlp).campaigns}


def test_a_bad_model_row_or_file_is_a_clear_error(tmp_path):
    with pytest.raises(LexiconError, match=r"mine.csv:2.*no campaign classifier"):
        UserLexicon.load(_lexicon(tmp_path, ["campaign,model,nowhere.json,,,"]))
    with pytest.raises(LexiconError, match="only the campaign classifier"):
        UserLexicon.load(_lexicon(tmp_path, ["organization,model,x.json,,,"], "o.csv"))
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"features": "candidate_features/v1", "intercept": 0, "weights": {}}),
                   encoding="utf-8")
    with pytest.raises(LexiconError, match="retrain"):
        load_classifier(str(old))
    junk = tmp_path / "junk.json"
    junk.write_text("not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="not a campaign classifier"):
        load_classifier(str(junk))


def _gold_folder(root):
    """Two small gold documents in the devset format, written for this test."""
    root.mkdir()
    docs = {
        "a01": ("南平县总工会深入实施职工暖心工程，开展“双联双帮”活动，做职工的“知心大姐”。",
                ["职工暖心工程", "双联双帮"]),
        "a02": ("北川镇工会启动技能强企行动，推行“四帮四促”工作法，当好“领头雁”。",
                ["技能强企行动", "四帮四促"]),
    }
    for i, (text, camps) in docs.items():
        (root / f"{i}.txt").write_text(text, encoding="utf-8")
        (root / f"{i}.json").write_text(json.dumps({"id": i, "campaigns": camps}, ensure_ascii=False),
                                        encoding="utf-8")
    return root


def test_gold_folders_give_labelled_features_not_text(tmp_path):
    gold = _gold_folder(tmp_path / "g")
    rows = gold_candidates([gold])
    assert {r["doc"] for r in rows} == {"g/a01", "g/a02"}
    labelled = {(r["label"], f) for r in rows for f in r["features"] if f.startswith("c3:")}
    assert (1, "c3:双联双") in labelled and (0, "c3:知心大") in labelled
    assert not any("南平县总工会深入实施" in f for r in rows for f in r["features"])
    assert not gold_candidates([gold], exclude={"g/a01", "g/a02"})


def test_training_with_gold_records_what_it_was_trained_on(tmp_path):
    gold = _gold_folder(tmp_path / "g")
    hand = tmp_path / "hand.tsv"
    hand.write_text(HAND, encoding="utf-8")
    out = tmp_path / "m.json"
    info = train_classifier(hand, out=out, gold=[gold], exclude={"g/a02"}, folds=2)
    assert info["gold_documents"] == 1 and info["hand_written"] == 6
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["trained_on"]["gold"] == {"folders": ["g"], "documents": 1,
                                          "candidates": info["n"] - 6, "excluded": 1}
    assert data["features"] == "candidate_features/v4"


def test_cli_train_with_gold_and_exclude(tmp_path):
    gold = _gold_folder(tmp_path / "g")
    split = tmp_path / "aside.txt"
    split.write_text("# kept aside\ng/a02\n", encoding="utf-8")
    out = tmp_path / "cli.json"
    r = subprocess.run([sys.executable, "-m", "unionnlp", "lexicon", "train", "--gold", str(gold),
                        "--exclude", str(split), "-o", str(out)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["gold_documents"] == 1
    r = subprocess.run([sys.executable, "-m", "unionnlp", "lexicon", "info", "--model", str(out)],
                       capture_output=True, text=True, timeout=300)
    assert json.loads(r.stdout)["trained_on"]["gold"]["excluded"] == 1
    r = subprocess.run([sys.executable, "-m", "unionnlp", "lexicon", "train", "--gold",
                        str(tmp_path / "nowhere"), "-o", str(out)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "nowhere" in r.stderr
