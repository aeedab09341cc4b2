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


def test_usable_figures_events_and_split(tmp_path):
    """Usable = every attribute a panel needs is right; events match on (action, campaign) by
    any name the record gives the campaign, strictly with the actor too; a split file keeps
    documents in or out by folder/id."""
    from unionnlp.evaluate import read_split
    from unionnlp.records import Event

    (tmp_path / "gold").mkdir()
    d = _gold_dir(tmp_path / "gold")
    g = json.loads((d / "x1.json").read_text(encoding="utf-8"))
    g["events"] = [
        {"action": "launch", "campaign": "三培养工程", "actor": "扬州市总工会", "place": "扬州市",
         "source_place": None, "recipient": None, "year": 2019, "evidence": "启动三培养工程"},
        {"action": "promote", "campaign": "双推", "actor": "扬州市委组织部", "place": "扬州市",
         "source_place": None, "recipient": None, "year": 2020, "evidence": "推进双推"}]
    (d / "x1.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    rec = Record(source="x1.txt",
                 campaigns=[Campaign(name="三培养", canonical="三培养工程", campaign_id="三培养工程")],
                 organizations=[Organization(name="市总工会", canonical="扬州市总工会", org_id="321000:扬州市总工会")],
                 statistics=[Statistic(value=99.0, unit="%", metric="职工入会率", kind="actual", year=2019,
                                       qualifier=""),
                             Statistic(value=964.0, unit="人", metric="企业党员", kind="actual", year=2018)],
                 events=[Event("launch", "三培养工程", "三培养工程", "扬州市总工会", "321000:扬州市总工会",
                               place="江苏省扬州市", year=2019),
                         Event("promote", "双推", "双推", "扬州市总工会", "321000:扬州市总工会", year=2020),
                         Event("commend", "双推", "双推", None, None)])
    s = evaluate(d, extract_fn=lambda path: rec).as_dict()
    assert s["statistics_usable"] == {"share": 0.5, "usable": 1, "gold": 2}  # 964: wrong year
    loose, strict = s["events"]["loose"], s["events"]["strict"]
    assert (loose["tp"], loose["fp"], loose["fn"]) == (2, 1, 0)
    assert (strict["tp"], strict["fp"], strict["fn"]) == (1, 2, 1)  # 双推 has the wrong actor
    assert s["events_agreement"]["year"]["agreement"] == 1.0
    assert s["events_agreement"]["place"]["agreement"] == 0.5  # gold 扬州市 ~ 江苏省扬州市; None ≠ 扬州市
    split = tmp_path / "aside.txt"
    split.write_text("# held out\ngold/x1\n", encoding="utf-8")
    assert read_split(split) == {"gold/x1"}
    assert evaluate(d, extract_fn=lambda p: rec, exclude=read_split(split)).n_docs == 0
    assert evaluate(d, extract_fn=lambda p: rec, only=read_split(split)).n_docs == 1
    assert "usable" in format_report(evaluate(d, extract_fn=lambda p: rec))


def test_cli_scores_a_user_lexicon_and_an_organization_mode(tmp_path):
    """`evaluate --lexicon` extracts with the researcher's lexicon (a name only it knows is then
    found); `--orgs` takes the modes extract takes and refuses others."""
    import subprocess
    import sys

    made_up = "青禾暖工坊"
    gold = {"id": "q1", "place": "临江市", "campaigns": [made_up], "organizations": [],
            "statistics": [], "events": []}
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "q1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (folder / "q1.txt").write_text(f"今年，临江市推出{made_up}服务品牌，受到一线职工欢迎。\n",
                                   encoding="utf-8")
    lex = tmp_path / "mine.csv"
    lex.write_text(f"kind,action,name,canonical,type,note\ncampaign,add,{made_up},,brand-title,\n",
                   encoding="utf-8")

    def run(*extra):
        return subprocess.run([sys.executable, "-m", "unionnlp", "evaluate", str(folder), "--json",
                               *extra], capture_output=True, text=True, timeout=300)

    def campaign_recall(r):
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)["campaigns"]["strict"]["r"]

    assert campaign_recall(run()) == 0.0
    assert campaign_recall(run("--lexicon", str(lex))) == 1.0
    assert campaign_recall(run("--orgs", "fast", "--lexicon", str(lex))) == 1.0
    bad = run("--orgs", "best")
    assert bad.returncode != 0 and "--orgs" in bad.stderr
    missing = run("--lexicon", str(tmp_path / "none.csv"))
    assert missing.returncode != 0 and "none.csv" in missing.stderr
