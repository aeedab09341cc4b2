"""The evaluator: scoring rules on hand-made gold, and a run over ../shared/devset."""
import json

from unionnlp.evaluate import evaluate, format_report, lenient_match, normalise_name
from unionnlp.records import Campaign, Organization, Place, Record, Statistic


def test_normalise_and_lenient():
    assert normalise_name("“三創爭兩提升”") == "三创争两提升"
    assert normalise_name("扬州市 总工会") == "扬州市总工会"
    assert lenient_match("扬州市总工会", "江苏省扬州市总工会")
    assert not lenient_match("工会", "扬州市总工会")


def _gold_dir(tmp_path):
    gold = {"id": "x1", "place": "扬州市", "campaigns": ["三培养工程", "双推"],
            "organizations": ["扬州市总工会", "扬州市委组织部"],
            "statistics": [{"value": 99, "unit": "%", "metric": "职工入会率", "qualifier": "", "kind": "actual",
                            "year": 2019, "evidence": "入会率达99%"},
                           {"value": 964, "unit": "名", "metric": "发展企业党员", "qualifier": "",
                            "kind": "actual", "year": 2019, "evidence": "964名"}]}
    (tmp_path / "x1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "x1.txt").write_text("text", encoding="utf-8")
    return tmp_path


def test_scores_on_known_prediction(tmp_path):
    rec = Record(source="x1.txt", place=Place(name="扬州市", canonical="江苏省扬州市"),
                 campaigns=[Campaign(name="三培养工程"), Campaign(name="顶梁柱")],
                 organizations=[Organization(name="市总工会", canonical="扬州市总工会")],
                 statistics=[Statistic(value=99.0, unit="%", metric="职工入会率", kind="actual", year=2019),
                             Statistic(value=964.0, unit="人", metric="企业党员", year=2019),
                             Statistic(value=5.0, unit="家")])
    s = evaluate(_gold_dir(tmp_path), extract_fn=lambda path: rec)
    d = s.as_dict()
    assert d["campaigns"]["strict"]["tp"] == 1 and d["campaigns"]["strict"]["fp"] == 1
    assert d["organizations"]["strict"]["p"] == 1.0 and d["organizations"]["strict"]["r"] == 0.5
    st = d["statistics"]["strict"]
    assert (st["tp"], st["fp"], st["fn"]) == (2, 1, 0)  # 名 counts as 人
    assert d["statistics_agreement"]["metric"]["strict"] == 0.5
    assert d["place"]["strict"] == 1.0
    assert "campaigns" in format_report(s, errors=True)


def test_devset_runs_and_reports(devset_dir):
    s = evaluate(devset_dir)
    assert s.n_docs >= 10
    d = s.as_dict()
    # floors well under the measured figures: a regression guard, the note reports the figures
    assert d["statistics"]["strict"]["f1"] >= 0.5
    assert d["organizations"]["strict"]["f1"] >= 0.4
    assert d["campaigns"]["strict"]["f1"] >= 0.4
