"""compare.py over hand-made records (no extraction involved: fast and exact)."""
import json

import pandas as pd
import pytest

from unionnlp import compare
from unionnlp.records import Campaign, Organization, Place, Record, Statistic

PLACES = {
    "扬州": ("江苏省扬州市", "city", "321000"),
    "江都": ("江苏省扬州市江都区", "county", "321012"),
    "泰州": ("江苏省泰州市", "city", "321200"),
    "江苏": ("江苏省", "province", "320000"),
    "阜宁": ("江苏省盐城市阜宁县", "county", "320923"),
    "聊城": ("山东省聊城市", "city", "371500"),
}


def place(short):
    canonical, level, code = PLACES[short]
    return Place(name=short, canonical=canonical, level=level, adcode=code)


def rec(n, short, date, text, campaigns=(), orgs=(), stats=(), **meta):
    """A record whose items are located in ``text`` by string search (offsets are real)."""
    camps = []
    for name in campaigns:
        canonical = None
        if isinstance(name, tuple):
            name, canonical = name
        i = text.find(name)
        assert i >= 0, name
        camps.append(Campaign(name=name, canonical=canonical, start=i, end=i + len(name)))
    organizations = []
    for name, kind in orgs:
        i = text.find(name)
        organizations.append(Organization(name=name, canonical=name, kind=kind, start=i,
                                          end=i + len(name)))
    statistics = []
    for ev, value, unit, metric, year, *rest in stats:
        i = text.find(ev)
        assert i >= 0, ev
        statistics.append(Statistic(value=value, unit=unit, metric=metric, year=year,
                                    kind=rest[0] if rest else "actual",
                                    place=rest[1] if len(rest) > 1 else PLACES[short][0],
                                    text=ev, start=i, end=i + len(ev)))
    p = place(short)
    return Record(source=f"mem:{n}", url=f"http://example.test/{n}", title=f"t{n}",
                  published=date, text=text, place=p, places=[p], campaigns=camps,
                  organizations=organizations, statistics=statistics, id=f"a{n:02d}",
                  meta=dict(meta))


def sample_records():
    """Ten hand-made records: 三培养工程 spreading 扬州 → 江都 → 泰州 → 江苏 → 阜宁 → 聊城,
    a reprint (a06) and two conflicting 2020 reports for 扬州 (96% / 95.5%)."""
    return [
        rec(1, "扬州", "2019-04-16", "扬州市总工会推行“三培养工程”和“双推”。全市职工入会率达95%。",
            campaigns=["三培养工程", "双推"], orgs=[("扬州市总工会", "union")],
            stats=[("职工入会率达95%", 95, "%", "职工入会率", 2018)]),
        rec(2, "江都", "2019-09-20", "江都区总工会借鉴推开三培养工程,职工入会率为93%。",
            campaigns=[("三培养工程", "三培养工程")], orgs=[("江都区总工会", "union")],
            stats=[("职工入会率为93%", 93, "%", "职工入会率", 2019)]),
        rec(3, "江苏", "2020-06-09", "江苏省总工会推广“三培养工程”。会员1860万人。",
            campaigns=["三培养工程"], orgs=[("江苏省总工会", "union")],
            stats=[("会员1860万人", 18600000, "人", "会员", 2019)]),
        rec(4, "扬州", "2020-08-26", "扬州“三培养工程”一年多,职工入会率升至96%,困难职工1420户。",
            campaigns=["三培养工程"], orgs=[],
            stats=[("职工入会率升至96%", 96, "%", "职工入会率", 2020),
                   ("困难职工1420户", 1420, "户", "困难职工", 2020)]),
        rec(5, "扬州", "2020-09-02", "扬州总结:职工入会率为95.5%。深化“三培养工程”。",
            campaigns=["三培养工程"], stats=[("职工入会率为95.5%", 95.5, "%", "职工入会率", 2020)]),
        # reprint of 4 on another site: must not count by default
        rec(6, "扬州", "2020-08-28", "扬州“三培养工程”一年多,职工入会率升至96%,困难职工1420户。",
            campaigns=["三培养工程"],
            stats=[("职工入会率升至96%", 96, "%", "职工入会率", 2020)],
            cluster_id="c4", is_canonical=False),
        rec(7, "阜宁", "2021-04-22", "阜宁县总工会推行“双推”“三培养工程”,入会率93.6%。",
            campaigns=["双推", "三培养工程"], orgs=[("阜宁县总工会", "union")],
            stats=[("入会率93.6%", 93.6, "%", "职工入会率", 2020)]),
        rec(8, "聊城", "2021-03-30", "聊城市总工会开展送温暖活动,力争入会率达到97%。",
            campaigns=["送温暖"], orgs=[("聊城市总工会", "union")],
            stats=[("入会率达到97%", 97, "%", "职工入会率", 2021, "target")]),
        rec(9, "泰州", "2020-03-18", "泰州市总工会学习“三培养工程”。", campaigns=["三培养工程"],
            orgs=[("泰州市总工会", "union")]),
        rec(10, "聊城", "2022-04-27", "聊城引进“三培养工程”。", campaigns=["三培养工程"]),
    ]


@pytest.fixture()
def records():
    return sample_records()


def test_levels_and_parents():
    assert compare.level_of("321012") == "county"
    assert compare.level_of("321000") == "city"
    assert compare.level_of("320000") == "province"
    assert compare.level_of("000000") == "country"
    assert compare.level_of("abc") is None and compare.level_of(None) is None
    assert compare.parent_codes("321012") == ["321000", "320000", "000000"]
    assert compare.parent_codes("320000") == ["000000"]
    assert compare.parent_codes(None) == []


def test_adoption_long_excludes_reprints(records):
    long = compare.campaign_adoption(records, campaign="三培养工程")
    yz = long[(long["place_code"] == "321000")]
    # 2019 (a01) and 2020 (a04, a05); a06 is a reprint
    assert list(yz["year"]) == [2019, 2020]
    assert list(yz["adopted"]) == [True, False]
    row2020 = yz[yz["year"] == 2020].iloc[0]
    assert row2020["article_ids"] == ["a04", "a05"] and row2020["mentions"] == 2
    assert str(row2020["first_date"].date()) == "2019-04-16"
    with_reprints = compare.campaign_adoption(records, campaign="三培养工程", include_reprints=True)
    assert "a06" in with_reprints[with_reprints["place_code"] == "321000"].iloc[1]["article_ids"]


def test_canonical_identity_and_wide(records):
    wide = compare.adoption_wide(records)
    assert wide.loc["三培养工程", "江苏省扬州市"] == 2019
    assert wide.loc["三培养工程", "山东省聊城市"] == 2022
    assert pd.isna(wide.loc["双推", "山东省聊城市"])
    assert list(wide.columns[:2]) == ["江苏省扬州市", "江苏省扬州市江都区"]


def test_campaign_found_through_surface_names():
    recs = [rec(1, "扬州", "2019-04-16", "推行“三培养工程”。", campaigns=[("三培养工程", "三培养")]),
            rec(2, "泰州", "2020-03-18", "学习三培养工程。", campaigns=[("三培养工程", "三培养")])]
    assert compare.campaign_identities(recs, "三培养工程", exact=True) == {"三培养"}
    tl = compare.diffusion_timeline(recs, "三培养工程")
    assert list(tl["campaign"]) == ["三培养", "三培养"]
    assert compare.event_history(recs, "三培养工程")["adopted"].sum() == 2
    assert set(compare.kwic(recs, "三培养工程")["source"]) == {"campaign"}


def test_diffusion_timeline_order_and_higher_level(records):
    tl = compare.diffusion_timeline(records, "三培养工程")
    assert list(tl["place"]) == ["江苏省扬州市", "江苏省扬州市江都区", "江苏省泰州市", "江苏省",
                                 "江苏省盐城市阜宁县", "山东省聊城市"]
    assert list(tl["order"]) == [1, 2, 3, 4, 5, 6]
    assert list(tl["cum_places"]) == [1, 2, 3, 4, 5, 6]
    by = tl.set_index("place")
    # 江都 follows its city 扬州; 阜宁 follows its province 江苏; 扬州 came before the province
    assert by.loc["江苏省扬州市江都区", "higher_first"]
    assert by.loc["江苏省扬州市江都区", "higher_place"] == "江苏省扬州市"
    assert by.loc["江苏省盐城市阜宁县", "higher_place"] == "江苏省"
    assert not by.loc["江苏省扬州市", "higher_first"]
    assert not by.loc["山东省聊城市", "higher_first"]
    # six covered places, all adopted
    assert tl["cum_share"].iloc[-1] == 1.0


def test_event_history_risk_set(records):
    eh = compare.event_history(records, "双推")
    yz = eh[eh["place_code"] == "321000"]
    assert list(yz["year"]) == [2019] and list(yz["adopted"]) == [1]
    lc = eh[eh["place_code"] == "371500"]  # never adopts: censored over covered years
    assert list(lc["year"]) == [2021, 2022] and lc["adopted"].sum() == 0
    fn = eh[eh["place_code"] == "320923"].iloc[0]
    assert fn["adopted"] == 1 and fn["prior_adopters"] == 1 and fn["prior_same_province"] == 1
    eh3 = compare.event_history(records, "三培养工程")
    fn3 = eh3[eh3["place_code"] == "320923"].iloc[0]
    # 扬州, 江都, 泰州 (same province) and 江苏省 itself adopted before 2021
    assert fn3["prior_adopters"] == 4 and fn3["prior_same_province"] == 3 and fn3["parent_adopted"]
    lc3 = eh3[eh3["place_code"] == "371500"]
    assert list(lc3["adopted"]) == [0, 1] and lc3.iloc[1]["prior_same_province"] == 0


def test_statistics_panel_flags_conflicts_not_merges(records):
    panel = compare.statistics_panel(records, "入会率")
    yz20 = panel[(panel["place_code"] == "321000") & (panel["year"] == 2020)]
    assert sorted(yz20["value"]) == [95.5, 96.0]  # both kept
    assert yz20["conflict"].all() and (yz20["n_values"] == 2).all()
    assert set(yz20["evidence"]) == {"职工入会率升至96%", "职工入会率为95.5%"}
    # a target does not conflict with actuals; a single report is no conflict
    lc = panel[panel["place_code"] == "371500"].iloc[0]
    assert lc["kind"] == "target" and not lc["conflict"]
    assert not panel[panel["place_code"] == "321012"]["conflict"].any()
    # statistic about the province, reported in the province article
    allp = compare.statistics_panel(records)
    js = allp[allp["metric"] == "会员"].iloc[0]
    assert js["place_code"] == "320000" and js["level"] == "province" and js["value"] == 18600000


def test_unknown_years_never_conflict():
    recs = [rec(1, "扬州", "2020-05-01", "职工入会率达96%。", stats=[("职工入会率达96%", 96, "%", "职工入会率", None)]),
            rec(2, "扬州", "2022-05-01", "职工入会率达98%。", stats=[("职工入会率达98%", 98, "%", "职工入会率", None)])]
    panel = compare.statistics_panel(recs)
    assert not panel["conflict"].any() and list(panel["article_year"]) == [2020, 2022]


def test_same_value_twice_is_not_conflict(records):
    panel = compare.statistics_panel(records, "入会率", include_reprints=True)
    yz = panel[(panel["place_code"] == "321000") & (panel["year"] == 2020)]
    assert len(yz) == 3 and (yz["n_values"] == 2).all()


def test_profile_side_by_side(records):
    prof = compare.place_profile(records, ["扬州", "321200"])
    assert list(prof.columns) == ["江苏省扬州市", "江苏省泰州市"]
    assert prof.loc["articles", "江苏省扬州市"] == 3
    assert "三培养工程 (2019)" in prof.loc["campaigns", "江苏省扬州市"]
    assert "职工入会率" in prof.loc["key figures", "江苏省扬州市"]
    assert "扬州市总工会" in prof.loc["organizations", "江苏省扬州市"]
    assert prof.loc["campaigns", "江苏省泰州市"] == "三培养工程 (2020)"


def test_org_campaign_links_and_networkx(records):
    co = compare.org_campaign_links(records)
    row = co[(co["organization"] == "阜宁县总工会") & (co["campaign"] == "双推")].iloc[0]
    assert row["articles"] == 1 and row["article_ids"] == ["a07"]
    g = compare.to_networkx(co)
    assert g.has_edge(("org", "扬州市总工会"), ("campaign", "双推"))
    assert g.nodes[("campaign", "双推")]["bipartite"] == "campaign"
    assert g.degree(("campaign", "三培养工程")) == 5


def test_coverage(records):
    cov = compare.coverage(records)
    yz = cov[cov["place_code"] == "321000"]
    assert dict(zip(yz["year"], yz["articles"])) == {2019: 1, 2020: 2}
    wide = compare.coverage(records, wide=True)
    assert wide.loc["江苏省扬州市", 2020] == 2 and wide.loc["江苏省扬州市", 2022] == 0


def test_kwic(records):
    k = compare.kwic(records, "三培养工程", window=4)
    first = k.iloc[0]
    assert first["article_id"] == "a01" and first["match"] == "三培养工程"
    assert first["left"] == "会推行“" and first["right"] == "”和“双"
    assert set(k["source"]) == {"campaign"}
    assert "a06" not in set(k["article_id"])
    t = compare.kwic(records, "入会率", window=2)
    assert (t["source"] == "text").all() and len(t) == 6  # a01 a02 a04 a05 a07 a08


def test_sources_jsonl_and_frames(records, tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(r.to_json() for r in records) + "\n", encoding="utf-8")
    a = compare.campaign_adoption(str(path))
    b = compare.campaign_adoption(records)
    pd.testing.assert_frame_equal(a, b)
    fr = compare.frames(records)
    assert compare.frames(fr) is fr
    c = compare.campaign_adoption([json.loads(r.to_json()) for r in records])
    pd.testing.assert_frame_equal(c, b)


def test_duckdb_connection_source(records):
    import duckdb
    fr = compare.frames(records)
    con = duckdb.connect()
    arts = fr["articles"][["id", "source", "url", "title", "published", "outlet", "author",
                           "editor", "place", "place_code", "cluster_id", "is_canonical"]]
    con.register("articles_df", arts)
    con.execute("create view articles as select * from articles_df")
    for t in ("places", "organizations", "campaigns", "statistics"):
        df = fr[t].drop(columns=[c for c in ("campaign", "organization") if c in fr[t].columns])
        con.register(f"{t}_df", df)
        con.execute(f"create view {t} as select * from {t}_df")
    tl = compare.diffusion_timeline(con, "三培养工程")
    assert list(tl["place_code"]) == ["321000", "321012", "321200", "320000", "320923", "371500"]
    panel = compare.statistics_panel(con, "入会率")
    assert panel["conflict"].sum() == 2


def test_empty_and_odd_inputs():
    for fn in (compare.campaign_adoption, compare.diffusion_timeline, compare.statistics_panel,
               compare.coverage, compare.org_campaign_links):
        assert fn([]).empty
    assert compare.kwic([], "x").empty
    assert compare.adoption_wide([]).empty
    assert compare.event_history([], "x").empty
    odd = Record(source="x", text="", place=None)
    assert compare.campaign_adoption([odd]).empty
    assert compare.coverage([odd]).empty


def test_plots_render(records):
    tl = compare.diffusion_timeline(records)
    png = compare.figure_png(compare.plot_diffusion(tl))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    panel = compare.statistics_panel(records)
    png2 = compare.figure_png(compare.plot_panel(panel, "职工入会率"))
    assert png2[:4] == b"\x89PNG"
    assert compare.figure_png(compare.plot_panel(panel.iloc[0:0]))[:4] == b"\x89PNG"
