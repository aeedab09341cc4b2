"""Comparisons on practice events: adoption by first launch (falling back to first mention),
the learning network of places, and who pushes what."""
import pytest

from unionnlp import compare, report
from unionnlp.records import Campaign, Event, Organization, Place, Record


def _place(name, canonical, code, level="city"):
    return Place(name=name, canonical=canonical, level=level, adcode=code)


YZ = _place("扬州市", "江苏省扬州市", "321000")
TZ = _place("泰州市", "江苏省泰州市", "321200")
LC = _place("聊城市", "山东省聊城市", "371500")
NT = _place("南通市", "江苏省南通市", "320600")


def _rec(src, published, place, events, campaigns=("三培养工程",), orgs=()):
    camps = [Campaign(c, "program", c, 0, len(c), c) for c in campaigns]
    return Record(source=src, text="甲乙丙丁戊己庚辛", published=published, place=place, campaigns=camps,
                  organizations=[Organization(o, o, "union", place.canonical, None, None, o) for o in orgs],
                  events=events)


@pytest.fixture()
def records():
    return [
        _rec("yz1", "2019-04-01", YZ, [Event("launch", "三培养工程", "三培养工程", "扬州市总工会", "扬州市总工会",
                                               place="江苏省扬州市", year=2019, text="启动三培养工程")],
             orgs=["扬州市总工会"]),
        _rec("tz1", "2020-03-01", TZ, [
            Event("learn", "三培养工程", "三培养工程", "泰州市总工会", "泰州市总工会", place="江苏省泰州市",
                  source_place="江苏省扬州市", year=2019, text="赴扬州学习三培养工程"),
            Event("launch", "三培养工程", "三培养工程", "泰州市总工会", "泰州市总工会", place="江苏省泰州市",
                  year=2020, text="在全市推开三培养工程")], orgs=["泰州市总工会"]),
        _rec("lc1", "2021-09-01", LC, [
            Event("learn", "三培养工程", "三培养工程", "聊城市总工会", "聊城市总工会", place="山东省聊城市",
                  source_place="江苏省扬州市", year=2021, text="赴扬州学习考察三培养工程"),
            Event("promote", "三培养工程", "三培养工程", "聊城市总工会", "聊城市总工会", place="山东省聊城市",
                  year=2021, text="推进三培养工程")], orgs=["聊城市总工会"]),
        _rec("lc2", "2022-01-05", LC, [
            Event("learn", "三培养工程", "三培养工程", "聊城市总工会", "聊城市总工会", place="山东省聊城市",
                  source_place="江苏省扬州市", year=2021, text="学习扬州三培养工程")], orgs=["聊城市总工会"]),
        _rec("nt1", "2022-06-01", NT, []),  # only a mention
    ]


def test_adoption_by_first_launch_falls_back_to_mention(records):
    ad = compare.practice_adoption(records).set_index("place")
    assert ad.loc["江苏省扬州市", "basis"] == "launch" and ad.loc["江苏省扬州市", "first_year"] == 2019
    assert ad.loc["江苏省泰州市", "first_year"] == 2020 and ad.loc["江苏省泰州市", "actors"] == ["泰州市总工会"]
    assert ad.loc["山东省聊城市", "basis"] == "mention" and ad.loc["山东省聊城市", "first_year"] == 2021
    assert ad.loc["江苏省南通市", "basis"] == "mention" and pd_na(ad.loc["江苏省南通市", "launch_year"])
    assert ad.loc["江苏省泰州市", "evidence"] == "在全市推开三培养工程"


def pd_na(v):
    import pandas as pd

    return v is None or pd.isna(v)


def test_learning_network_edges_and_graph(records):
    edges = compare.learning_network(records)
    assert list(zip(edges["source_place"], edges["place"])) == [
        ("江苏省扬州市", "江苏省泰州市"), ("江苏省扬州市", "山东省聊城市"), ("江苏省扬州市", "山东省聊城市")]
    assert set(edges["source_code"]) == {"321000"}
    g = compare.learning_graph(records)
    assert g.edges["江苏省扬州市", "山东省聊城市"]["weight"] == 2
    assert g.in_degree("江苏省扬州市") == 0 and g.out_degree("江苏省扬州市") == 2
    fig = compare.plot_learning_network(edges)
    assert fig.axes and fig.axes[0].get_title().startswith("Who learned")


def test_who_pushes_what_ranks_by_places(records):
    who = compare.who_pushes_what(records)
    assert set(who["actor"]) == {"扬州市总工会", "泰州市总工会", "聊城市总工会"}
    lc = who[who["actor"] == "聊城市总工会"].iloc[0]
    assert lc["actions"] == "promote 1" and lc["places"] == ["山东省聊城市"]
    assert "learn" not in " ".join(who["actions"])  # learning is not pushing


def test_report_has_the_event_sections(records):
    titles = [s["title"] for s in report.build_sections(records, plots=True)]
    assert "Adoption by first launch" in titles
    assert "Learning network: who learned from whom" in titles
    assert any(t.startswith("Who pushes what") for t in titles)
    learn = next(s for s in report.build_sections(records) if s["title"].startswith("Learning"))
    assert learn["png"][:4] == b"\x89PNG"


def test_sample_corpus_story():
    """The bundled corpus: 三培养工程 launched in 扬州 first, then learned from 扬州 by others
    who launch it after learning."""
    import pathlib

    import unionnlp

    root = pathlib.Path(__file__).resolve().parent.parent
    recs = list(unionnlp.extract_many([root / "corpora" / "sample"]))
    ad = compare.practice_adoption(recs, campaign="三培养工程")
    launched = ad[ad["basis"] == "launch"].sort_values("first_year")
    assert launched.iloc[0]["place"] == "江苏省扬州市"
    edges = compare.learning_network(recs, campaign="三培养工程")
    assert set(edges["source_place"]) == {"江苏省扬州市"} and len(set(edges["place"])) >= 2
    first = dict(zip(launched["place"], launched["first_year"]))
    for r in edges.itertuples():
        if r.place in first:
            assert first[r.place] >= first["江苏省扬州市"]
