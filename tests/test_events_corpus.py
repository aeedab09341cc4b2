"""The bundled sample corpus tells its diffusion story in events: “三培养工程” launched in 扬州
before other places learned it there, with learning edges into 泰州, 阜宁 and 聊城, and each
learner launching it after it learned."""
import pytest

from conftest import ROOT

SAMPLE = ROOT / "corpora" / "sample" / "sample.warc.gz"
YANGZHOU, TAIZHOU, LIAOCHENG, FUNING = "江苏省扬州市", "江苏省泰州市", "山东省聊城市", "江苏省盐城市阜宁县"


@pytest.fixture(scope="module")
def events():
    import unionnlp

    out = []
    for rec in unionnlp.extract_many([SAMPLE]):
        assert not rec.errors, rec.errors
        for ev in rec.events:
            assert rec.evidence(ev) == ev.text
            out.append((rec, ev))
    return out


def _of(events, campaign, action):
    return [(r, e) for r, e in events if e.campaign == campaign and e.action == action]


def test_three_cultivations_launched_first_in_yangzhou(events):
    launches = sorted(_of(events, "三培养工程", "launch"),
                      key=lambda x: (x[1].year or 9999, x[0].published or ""))
    first_rec, first = launches[0]
    assert first.place == YANGZHOU and first.year == 2019
    assert first.actor == "扬州市总工会"
    assert {e.place for _, e in launches} >= {YANGZHOU, TAIZHOU, LIAOCHENG, FUNING}


def test_learning_edges_lead_out_of_yangzhou_and_precede_each_launch(events):
    learns = _of(events, "三培养工程", "learn")
    edges = {(e.source_place, e.place) for _, e in learns}
    assert {(YANGZHOU, TAIZHOU), (YANGZHOU, LIAOCHENG), (YANGZHOU, FUNING)} <= edges
    first_launch = {}
    for _, e in _of(events, "三培养工程", "launch"):
        first_launch[e.place] = min(first_launch.get(e.place, 9999), e.year or 9999)
    for _, e in learns:
        assert first_launch[YANGZHOU] <= e.year <= first_launch[e.place], e


def test_other_practices_travel_too(events):
    edges = {(e.campaign, e.source_place, e.place) for _, e in events if e.action == "learn"}
    assert ("三联三促", "山东省聊城市东阿县", "安徽省阜阳市颍上县") in edges
    assert ("四送四进", "安徽省阜阳市", "浙江省湖州市") in edges


def test_the_province_inspects_and_promotes(events):
    inspections = _of(events, "三培养工程", "inspect")
    assert [(e.actor, e.place, e.year) for _, e in inspections] == [("江苏省总工会", TAIZHOU, 2021)]
    promoters = {e.actor for _, e in _of(events, "三培养工程", "promote")}
    assert "江苏省总工会" in promoters
