"""Retraining the candidate classifier and discovering names over records."""
import json

import pytest

from unionnlp.extractors.campaigns import candidate_features, load_classifier
from unionnlp.lexicon import discover, lexicon_words, read_candidates, train_classifier
from unionnlp.records import Campaign, Place, Record

SMALL = """label\tleft\tname\tright\tquoted
1\t深入开展\t三帮三促\t活动\t1
1\t全面实施\t四个一批\t工程\t1
1\t广泛开展\t双争双评\t活动，\t1
1\t大力推进\t五星班组\t创建\t1
1\t启动\t技能强企\t行动\t1
1\t持续深化\t一企一品\t品牌建设\t1
0\t成为职工的\t贴心人\t。\t1
0\t当好\t领头雁\t，\t1
0\t甘当\t老黄牛\t的角色\t1
0\t他说：\t有困难找工会。\t\t1
0\t树立\t职工至上、服务为本\t的理念\t1
0\t推动\t两新\t组织建会\t1
not-a-label\tbroken line
"""


def test_read_candidates_skips_malformed(tmp_path):
    p = tmp_path / "c.tsv"
    p.write_text(SMALL, encoding="utf-8")
    rows = read_candidates(p)
    assert len(rows) == 12
    assert sum(r["label"] for r in rows) == 6


def test_retraining_on_a_small_file_writes_a_usable_model(tmp_path):
    p = tmp_path / "c.tsv"
    p.write_text(SMALL, encoding="utf-8")
    out = tmp_path / "model.json"
    info = train_classifier(p, out=out, folds=3)
    assert info["n"] == 12 and info["positives"] == 6
    assert 0.0 <= info["cv_accuracy"] <= 1.0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["weights"] and "intercept" in data
    clf = load_classifier(str(out))
    assert clf.predict([candidate_features("深入开展", "三帮三促", "活动", True),
                        candidate_features("成为职工的", "贴心人", "。", True)]) == [True, False]


def test_retraining_needs_both_classes(tmp_path):
    p = tmp_path / "c.tsv"
    p.write_text("label\tleft\tname\tright\tquoted\n1\t开展\t三帮三促\t活动\t1\n", encoding="utf-8")
    with pytest.raises(ValueError):
        train_classifier(p, out=tmp_path / "m.json")


def test_shipped_training_file_and_model_are_consistent():
    rows = read_candidates()
    assert len(rows) >= 300
    assert {r["label"] for r in rows} == {0, 1}
    clf = load_classifier()
    from unionnlp.extractors.campaigns import RESOURCES

    assert (RESOURCES / "classifier.json").stat().st_size < 1_000_000
    pred = clf.predict([candidate_features(r["left"], r["name"], r["right"], r["quoted"]) for r in rows])
    agree = sum(p == bool(r["label"]) for p, r in zip(pred, rows))
    assert agree / len(rows) > 0.9


def _records():
    t1 = "市总工会深入开展“三帮三促”活动，持续推进党建带工建。"
    t2 = "区总工会启动“三帮三促”活动，一线班组获评工人先锋号；“三帮三促”成效初显。"
    r1 = Record(source="a", text=t1, published="2021-03-01",
                place=Place(name="扬州", canonical="江苏省扬州市"))
    r2 = Record(source="b", text=t2, published="2020-05-01",
                place=Place(name="镇江", canonical="江苏省镇江市"))
    # a record that already carries its campaigns is not re-extracted
    r3 = Record(source="c", text="开展工会驿站建设。", published="2022-01-01",
                campaigns=[Campaign(name="工会驿站", kind="brand-title", start=2, end=6)])
    return [r1, r2, r3]


def test_discover_over_records():
    df = discover(_records())
    # a user-lexicon file first (review, then load it), then the review columns
    assert list(df.columns[:9]) == ["kind", "action", "name", "canonical", "type", "note",
                                    "in_lexicon", "frequency", "n_documents"]
    assert set(df["kind"]) == {"campaign"} and set(df["action"]) == {"add"}
    row = df[df["name"] == "三帮三促"].iloc[0]
    assert row["frequency"] == 3 and row["n_documents"] == 2
    assert row["places"] == "江苏省扬州市; 江苏省镇江市"
    assert row["first_seen"] == "2020-05-01"
    assert "三帮三促" in row["example"]
    assert not row["in_lexicon"]
    assert df.iloc[0]["name"] == "三帮三促"  # most documents first
    assert "工会驿站" in set(df["name"])
    assert bool(df[df["name"] == "党建带工建"].iloc[0]["in_lexicon"])


def test_discover_reads_jsonl_paths(tmp_path):
    p = tmp_path / "records.jsonl"
    p.write_text("\n".join(r.to_json() for r in _records()) + "\n\n", encoding="utf-8")
    df = discover([str(p)])
    assert int(df[df["name"] == "三帮三促"].iloc[0]["n_documents"]) == 2
    assert len(discover([])) == 0


def test_discover_names_a_damaged_record_line(tmp_path):
    """A record file with a line that is not a record is damaged output: reading it says
    which line, instead of counting campaigns over a silently shortened corpus."""
    import pytest

    from unionnlp.errors import NotARecord

    p = tmp_path / "records.jsonl"
    p.write_text("\n".join(r.to_json() for r in _records()) + "\nnot json\n", encoding="utf-8")
    with pytest.raises(NotARecord, match=r"records.jsonl:\d+"):
        discover([str(p)])


def test_lexicon_words_for_segmenter():
    import jieba

    words = lexicon_words()
    tok = jieba.Tokenizer()
    for w in words:
        tok.add_word(w)
    assert "产业工人队伍建设改革" in tok.lcut("推进产业工人队伍建设改革取得实效")


def test_lexicon_cli_discover_and_info(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from unionnlp.records import Campaign, Record

    recs = tmp_path / "r.jsonl"
    recs.write_text("\n".join(Record(source=f"{i}.txt", text="某县推行“五联五带”工作法。",
                                     campaigns=[Campaign(name="五联五带", start=5, end=9)]).to_json()
                              for i in range(2)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    out = tmp_path / "cand.csv"
    r = subprocess.run([sys.executable, "-m", "unionnlp", "lexicon", "discover", str(recs), "-o", str(out)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "五联五带" in out.read_text(encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "unionnlp", "lexicon", "info"], capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 0 and json.loads(r.stdout)["n_weights"] > 0
    r = subprocess.run([sys.executable, "-m", "unionnlp", "lexicon"], capture_output=True, text=True, env=env,
                       timeout=120)
    assert r.returncode == 2
