"""The researcher's surface of unionnlp.compare: every documented source, clear errors for the
rest, one place as a string, plots and graphs from a source, undated articles kept visible,
public names (the README's examples run in test_readme.py), and a compare CLI that never substitutes."""
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

import unionnlp
from unionnlp import compare, report, store
from unionnlp.cli import main
from unionnlp.errors import SourceError, UnionNLPError, UnknownName
from unionnlp.records import Campaign, Place, Record, Statistic
from conftest import ROOT
from test_compare import sample_records
from test_query_safety import _write_batch


# --------------------------------------------------------------------------------------------
# sources
# --------------------------------------------------------------------------------------------
def _jsonl(records, path):
    path.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    return path


SOURCE_KINDS = ["records", "dicts", "one record", "jsonl str", "jsonl path", "batch folder",
                "duckdb", "frames"]


def _source(kind, records, tmp_path):
    if kind == "records":
        return records
    if kind == "dicts":
        return [json.loads(r.to_json()) for r in records]
    if kind == "one record":
        return records[0]
    if kind == "jsonl str":
        return str(_jsonl(records, tmp_path / "r.jsonl"))
    if kind == "jsonl path":
        return _jsonl(records, tmp_path / "r.jsonl")
    if kind == "batch folder":
        return _write_batch(records, tmp_path / "out")
    if kind == "duckdb":
        return store.open(_jsonl(records, tmp_path / "r.jsonl"))
    return compare.frames(records)


#: every function of the public surface with the arguments it needs beside the source
CALLS = {
    "frames": (), "coverage": (), "undated": (), "campaign_adoption": (), "adoption_wide": (),
    "event_history": ("三培养工程",), "diffusion_timeline": (), "statistics_panel": (),
    "place_profile": ("扬州",), "org_campaign_links": (), "to_networkx": (), "kwic": ("三培养工程",),
    "plot_diffusion": (), "plot_panel": (), "campaign_identities": ("三培养",),
    "events_table": (), "practice_adoption": (), "learning_network": (), "learning_graph": (),
    "plot_learning_network": (), "who_pushes_what": (),
}


def test_every_public_function_is_called_here():
    takes_source = set(compare.__all__) - {"level_of", "parent_codes", "figure_png", "cjk_font", "Source"}
    assert takes_source == set(CALLS)


@pytest.mark.parametrize("kind", SOURCE_KINDS)
def test_every_function_takes_every_source(kind, tmp_path):
    records = sample_records()
    src = _source(kind, records, tmp_path)
    for name, args in CALLS.items():
        out = getattr(compare, name)(src, *args)
        assert out is not None, name
    if kind != "one record":  # the same answer from every kind of source
        want = compare.campaign_adoption(records)
        got = compare.campaign_adoption(src)
        pd.testing.assert_frame_equal(got.drop(columns="first_date"), want.drop(columns="first_date"))
        assert list(compare.coverage(src)["article_ids"]) == list(compare.coverage(records)["article_ids"])


@pytest.mark.parametrize("bad", [42, None, 3.5, b"bytes", pd.DataFrame({"a": [1]}),
                                 ["r.jsonl"], [1, 2], "江苏省扬州市"])
def test_what_is_not_a_source_is_named(bad):
    for fn in (compare.frames, compare.campaign_adoption, compare.statistics_panel, compare.coverage):
        with pytest.raises(SourceError) as info:
            fn(bad)
        msg = str(info.value)
        assert "JSONL" in msg and "batch output folder" in msg and "DuckDB" in msg
        assert isinstance(info.value, UnionNLPError) and isinstance(info.value, TypeError)


def test_a_folder_that_is_no_batch_output(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text("<p>某市总工会</p>", encoding="utf-8")
    for folder in (tmp_path / "pages", tmp_path / "pages" / "missing"):
        with pytest.raises(SourceError, match="batch output|no such file"):
            compare.campaign_adoption(folder)


def test_import_unionnlp_gives_compare():
    code = ("import sys, unionnlp; assert 'compare' in dir(unionnlp); "
            "assert 'unionnlp.compare' not in sys.modules; "
            "print(unionnlp.compare.campaign_adoption.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "campaign_adoption"
    assert unionnlp.compare is compare


def test_renamed_function_says_its_new_name():
    with pytest.raises(AttributeError, match="org_campaign_links"):
        compare.org_campaign_cooccurrence  # noqa: B018


# --------------------------------------------------------------------------------------------
# one place, tables or sources for graphs and plots
# --------------------------------------------------------------------------------------------
def test_place_profile_one_place_as_a_string():
    records = sample_records()
    one = compare.place_profile(records, "江苏省扬州市")
    assert list(one.columns) == ["江苏省扬州市"]
    both = compare.place_profile(records, ["江苏省扬州市", "泰州"])
    pd.testing.assert_series_equal(one["江苏省扬州市"], both["江苏省扬州市"])
    assert one.at["articles", "江苏省扬州市"] == 3  # a01 a04 a05; the reprint a06 left out
    assert one.at["article_ids", "江苏省扬州市"] == "a01 a04 a05"
    assert "三培养工程 (2019)" in one.at["campaigns", "江苏省扬州市"]
    assert list(compare.place_profile(records, "321200").columns) == ["江苏省泰州市"]


def test_graph_and_plots_from_a_source_or_their_table(tmp_path):
    records = sample_records()
    path = str(_jsonl(records, tmp_path / "r.jsonl"))
    g_src, g_tab = compare.to_networkx(path), compare.to_networkx(compare.org_campaign_links(records))
    assert sorted(g_src.edges) == sorted(g_tab.edges) and g_src.number_of_edges() > 0
    for fig in (compare.plot_panel(path), compare.plot_panel(path, "入会率"),
                compare.plot_panel(compare.statistics_panel(records), "职工入会率"),
                compare.plot_diffusion(path), compare.plot_diffusion(compare.diffusion_timeline(records))):
        assert compare.figure_png(fig)[:4] == b"\x89PNG"
    # part of a metric's name draws the most reported metric containing it (职工入会率)
    assert len(compare.plot_panel(path, "入会率").axes[0].lines) == 3  # 扬州, 江都, 阜宁
    assert len(compare.plot_panel(path, "不存在").axes[0].lines) == 0
    with pytest.raises(SourceError, match="statistics_panel"):
        compare.plot_panel(compare.coverage(records))
    with pytest.raises(SourceError, match="org_campaign_links"):
        compare.to_networkx(pd.DataFrame({"organization": ["x"]}))


# --------------------------------------------------------------------------------------------
# articles without a publication date
# --------------------------------------------------------------------------------------------
def _undated_records():
    """Two records without a publication date: one whose headline states its year, one with no
    year anywhere; and one dated record of the same place."""
    yz = Place(name="扬州", canonical="江苏省扬州市", level="city", adcode="321000")
    jd = Place(name="江都", canonical="江苏省扬州市江都区", level="county", adcode="321012")
    dated = Record(source="m:1", title="扬州推行三培养工程", published="2021-06-01",
                   text="扬州市总工会推行“三培养工程”。", place=yz, id="d1",
                   campaigns=[Campaign(name="三培养工程", start=9, end=14)])
    by_text = Record(source="m:2", title="江都区总工会2020年工作总结",
                     text="一年来,江都区总工会推进“三培养工程”,职工入会率达95%。", place=jd, id="t1",
                     campaigns=[Campaign(name="三培养工程", start=13, end=18)],
                     statistics=[Statistic(value=95.0, unit="%", metric="职工入会率", year=None,
                                           text="职工入会率达95%", start=20, end=29)])
    none = Record(source="m:3", title="江都工会动态", text="近日,江都区总工会开展“三培养工程”宣讲。",
                  place=jd, id="n1", campaigns=[Campaign(name="三培养工程", start=11, end=16)])
    return [dated, by_text, none]


def test_undated_articles_stay_visible():
    recs = _undated_records()
    a = compare.frames(recs)["articles"].set_index("id")
    assert a.at["t1", "year"] == 2020 and a.at["t1", "year_basis"] == "text"
    assert pd.isna(a.at["n1", "year"]) and pd.isna(a.at["n1", "year_basis"])
    assert a.at["d1", "year_basis"] == "published"
    u = compare.undated(recs)
    assert list(u["article_id"]) == ["t1", "n1"]
    assert list(u["status"]) == ["dated by its text", "undated"]
    assert u.loc[0, "year"] == 2020 and pd.isna(u.loc[1, "year"])
    cov = compare.coverage(recs)
    assert set(zip(cov["place_code"], cov["year"])) == {("321000", 2021), ("321012", 2020)}
    wide = compare.coverage(recs, wide=True)
    assert wide.at["江苏省扬州市江都区", "undated"] == 1 and wide.at["江苏省扬州市", "undated"] == 0


def test_adoption_falls_back_to_the_year_in_the_text():
    recs = _undated_records()
    long = compare.campaign_adoption(recs)
    jd = long[long["place_code"] == "321012"]
    first = jd[jd["adopted"]].iloc[0]
    assert first["first_year"] == 2020 and first["first_basis"] == "text" and pd.isna(first["first_date"])
    assert first["article_ids"] == ["t1"]
    assert jd["year"].isna().sum() == 1 and jd[jd["year"].isna()].iloc[0]["article_ids"] == ["n1"]
    tl = compare.diffusion_timeline(recs)
    assert list(tl["place_code"]) == ["321012", "321000"]  # 2020 (text) before 2021-06-01
    assert list(tl["cum_places"]) == [1, 2] and not tl["higher_first"].any()
    eh = compare.event_history(recs, "三培养工程")
    assert set(zip(eh["place_code"], eh["year"], eh["adopted"])) == {("321000", 2021, 1), ("321012", 2020, 1)}
    assert sorted(sum(eh["article_ids"], [])) == ["d1", "t1"]
    assert compare.statistics_panel(recs)["article_year"].tolist() == [2020]


def test_report_counts_and_names_undated_articles():
    text = report.render_text(report.build_sections(_undated_records(), plots=False), width=200)
    assert re.search(r"without publication date\s+2\b", text)
    assert re.search(r"dated by a year in their text\s+1\b", text)
    assert re.search(r"undated \(not compared\)\s+1\b", text)
    assert "江都工会动态" in text and "江都区总工会2020年工作总结" in text
    assert "2020 (year in text)" in text


# --------------------------------------------------------------------------------------------
# the compare CLI never substitutes
# --------------------------------------------------------------------------------------------
def test_cli_unknown_metric_or_campaign_exits_2_with_closest_names(tmp_path, capsys):
    path = str(_jsonl(sample_records(), tmp_path / "r.jsonl"))
    assert main(["compare", path, "--metric", "不存在"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "不存在" in captured.err and "职工入会率" in captured.err
    assert main(["compare", path, "--metric", "入会律"]) == 2
    assert "closest: 职工入会率" in capsys.readouterr().err
    assert main(["compare", path, "--campaign", "三陪养工程"]) == 2
    assert "closest: 三培养工程" in capsys.readouterr().err
    assert main(["compare", path, "--out", str(tmp_path / "x.pdf")]) == 2
    assert not (tmp_path / "x.pdf").exists()
    assert main(["compare", path, "--metric", "入会率", "--campaign", "三培养工程"]) == 0
    assert "Statistics panel: 职工入会率" in capsys.readouterr().out
    with pytest.raises(UnknownName):
        report.write_report(sample_records(), tmp_path / "p.csv", metric="不存在")
    assert not (tmp_path / "p.csv").exists()
