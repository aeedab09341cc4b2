"""Exports a researcher loads into Stata, R or pandas: every table and format written and read
back, labels kept, and corrections carried into the numbers."""
import json
import subprocess
import sys

import pandas as pd
import pytest

import unionnlp
from unionnlp.export import FORMATS, export, panels

TEXTS = [
    ("a.txt", "2021-03-02", "扬州市总工会推进“三创两争”。2020年全市职工入会率达96%，会员42万余人。"),
    ("b.txt", "2021-05-10", "泰州市总工会开展“三创争两提升”活动，2020年全市职工入会率为93%。"),
    ("c.txt", "2021-06-01", "扬州市总工会：2020年全市职工入会率达95%。"),  # conflicts with a.txt
]


@pytest.fixture(scope="module")
def records_path(tmp_path_factory):
    d = tmp_path_factory.mktemp("exp")
    p = d / "r.jsonl"
    p.write_text("".join(unionnlp.extract(t, source=s, published=pub).to_json() + "\n"
                         for s, pub, t in TEXTS), encoding="utf-8")
    return p


def test_panels_keep_conflicts_out_of_the_wide_table(records_path):
    t = panels(str(records_path))
    long, wide = t["statistics_long"], t["statistics_wide"]
    yz = long[(long["place_code"] == "321000") & (long["value"].isin([96.0, 95.0]))]
    assert len(yz) == 2 and yz["conflict"].all()  # both reports kept, flagged
    row = wide[(wide["place_code"] == "321000") & (wide["year"] == 2020)].iloc[0]
    assert row["n_conflicts"] >= 1
    tz = wide[(wide["place_code"] == "321200") & (wide["year"] == 2020)].iloc[0]
    assert 93.0 in set(tz.drop(["place_code", "place", "level", "year", "n_conflicts"]).dropna())
    assert {"statistics_long", "statistics_wide", "adoption_long", "adoption_wide",
            "event_history"} == set(t)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_written_and_read_back(records_path, tmp_path, fmt):
    written = export(str(records_path), tmp_path / fmt, format=fmt)
    assert written["codebook"].exists()
    cb = pd.read_csv(written["codebook"])
    assert {"table", "variable", "label", "type"} <= set(cb.columns)
    long = written["statistics_long"]
    back = {"csv": pd.read_csv, "r": pd.read_csv, "parquet": pd.read_parquet,
            "stata": pd.read_stata}[fmt](long)
    assert sorted(back["value"].tolist()) == sorted(panels(str(records_path))["statistics_long"]["value"].tolist())
    if fmt == "stata":
        labels = pd.io.stata.StataReader(long).variable_labels()
        assert labels["value"].startswith("figure in base units")
    if fmt == "r":
        assert 'read_panel("statistics_long")' in written["load.R"].read_text(encoding="utf-8")


def test_corrections_reach_the_stata_file(records_path, tmp_path):
    """The researcher's path: correct a place and merge two campaigns by files, export Stata,
    read it back with the corrected values."""
    recs = [json.loads(l) for l in records_path.read_text(encoding="utf-8").splitlines()]
    c_id = next(r["id"] for r in recs if r["source"] == "c.txt")
    fix = tmp_path / "fixes.csv"
    fix.write_text("article,item,field,value,note\n"
                   f"{c_id},,place,泰州市,the story is about Taizhou\n", encoding="utf-8")
    lex = tmp_path / "merge.csv"
    lex.write_text("kind,action,name,canonical,type,note\n"
                   "campaign,merge,三创两争,三创争两提升,,short form\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "unionnlp", "export", str(records_path), str(tmp_path / "dta"),
                        "--format", "stata", "--corrections", str(fix), "--lexicon", str(lex)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    long = pd.read_stata(tmp_path / "dta" / "statistics_long.dta")
    moved = long[long["value"] == 95.0].iloc[0]
    assert moved["place_code"] == "321200"  # the figure followed its article to Taizhou
    assert not long[long["value"] == 96.0].iloc[0]["conflict"]  # Yangzhou's report stands alone
    adopt = pd.read_stata(tmp_path / "dta" / "adoption_long.dta")
    assert set(adopt["campaign"]) == {"三创争两提升"}
    assert set(adopt["place_code"]) == {"321000", "321200"}


def test_unknown_format_is_a_usage_error(records_path, tmp_path):
    r = subprocess.run([sys.executable, "-m", "unionnlp", "export", str(records_path), str(tmp_path / "x"),
                        "--format", "spss"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "spss" in r.stderr
