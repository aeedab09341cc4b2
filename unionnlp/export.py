"""Analysis-ready panels for statistics packages: CSV, Parquet, Stata, R.

``export(source, out, format=...)`` writes, into the folder ``out``:

- ``statistics_long``: one row per reported figure (place × year × metric), conflicting
  reports kept and flagged, with the evidence sentence and article id;
- ``statistics_wide``: one row per place and year, one column per metric, the value where
  every report agrees (missing where reports conflict: see ``n_conflicts`` and the long table);
- ``adoption_long``: campaign × place × year mentions (first year, ``adopted``);
- ``adoption_wide``: one row per place, one column per campaign, the first year;
- ``event_history``: the discrete-time event-history table of every campaign (one row per
  place, year at risk and campaign);
- ``codebook``: every variable of every table with its label and type.

Formats: ``csv`` (UTF-8 ``.csv`` files), ``parquet``, ``stata`` (``.dta``, version 118, so
Chinese names and labels survive, with variable labels from the codebook) and ``r`` (CSV files,
the codebook, and ``load.R`` that reads them with their labels). A user lexicon or corrections
file (``lexicon=``) is applied first, so exported figures carry the researcher's fixes.
"""
from __future__ import annotations

import pathlib
import re
from typing import Union

import pandas as pd

from .errors import UnsupportedFormat

__all__ = ["export", "panels", "FORMATS", "LABELS"]

FORMATS = ("csv", "parquet", "stata", "r")

#: variable labels (Stata variable labels, the codebook); columns not listed keep their name
LABELS = {
    "place_code": "division code of the place (GB/T 2260; 9 or 12 digits for towns)",
    "place": "place (canonical name with its parent chain)",
    "level": "administrative level of the place",
    "year": "year the figure or mention refers to",
    "metric": "what is counted, as written",
    "metric_id": "indicator in the controlled vocabulary",
    "population": "subgroup the figure counts, if not all",
    "value": "figure in base units (percent for %)",
    "unit": "unit (% or measure word)",
    "qualifier": "余/多/以上/近/约 or empty",
    "kind": "actual, target or change",
    "year_basis": "how the year was found",
    "evidence": "the sentence the figure was read from",
    "article_id": "record id of the article",
    "article_ids": "record ids of the articles (;-separated)",
    "published": "publication date of the article",
    "article_year": "publication year (or year stated in the text) of the article",
    "conflict": "other reports give another value for this place, year and metric",
    "n_values": "number of distinct values reported for this place, year and metric",
    "n_conflicts": "metrics of this place-year whose reports conflict (left missing)",
    "campaign": "campaign (canonical name)",
    "first_date": "earliest publication date in the first year",
    "first_year": "first year the place's news mentions the campaign",
    "first_basis": "published or text: where the first year comes from",
    "adopted": "1 in the first year the place mentions the campaign",
    "mentions": "mentions of the campaign",
    "articles": "articles",
    "prior_adopters": "places that had adopted in an earlier year",
    "prior_same_province": "places of the same province that had adopted in an earlier year",
    "parent_adopted": "a higher-level place had mentioned it in an earlier or the same year",
}


def _flat(df: pd.DataFrame) -> pd.DataFrame:
    """Lists become ``;``-joined strings (every format keeps them the same way)."""
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object and out[c].map(lambda v: isinstance(v, (list, tuple))).any():
            out[c] = out[c].map(lambda v: ";".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return out


def _wide_statistics(long: pd.DataFrame) -> pd.DataFrame:
    if long.empty:
        return pd.DataFrame(columns=["place_code", "place", "level", "year", "n_conflicts"])
    key = "metric_id" if "metric_id" in long.columns and long["metric_id"].notna().any() else "metric"
    s = long.assign(_m=long[key].fillna(long["metric"]))
    if "population" in s.columns:
        s["_m"] = [m if not isinstance(p, str) or not p else f"{m}:{p}" for m, p in zip(s["_m"], s["population"])]
    s = s[(s["kind"] == "actual") & s["year"].notna()]
    idx = ["place_code", "place", "level", "year"]
    agree = s.groupby([*idx, "_m"], dropna=False)["value"].agg(
        lambda v: v.iloc[0] if v.round(6).nunique() == 1 else float("nan"))
    wide = agree.unstack("_m").reset_index()
    wide.columns.name = None
    conflicts = s.groupby([*idx, "_m"], dropna=False)["value"].agg(lambda v: v.round(6).nunique() > 1)
    n = conflicts.groupby(level=list(range(len(idx)))).sum().rename("n_conflicts").reset_index()
    return wide.merge(n, on=idx, how="left")


def panels(source, *, lexicon=None, include_reprints: bool = False) -> dict:
    """The export tables as DataFrames (see the module docstring), without writing them."""
    from . import compare

    fr = compare.frames(source, lexicon=lexicon)
    long = compare.statistics_panel(fr, include_reprints=include_reprints)
    adoption = compare.campaign_adoption(fr, include_reprints=include_reprints)
    wide_adopt = pd.DataFrame()
    if not adoption.empty:
        firsts = adoption[adoption["adopted"]]
        wide_adopt = firsts.pivot_table(index=["place_code", "place", "level"], columns="campaign",
                                        values="first_year", aggfunc="min").reset_index()
        wide_adopt.columns.name = None
    histories = []
    for c in sorted(set(adoption["campaign"])) if not adoption.empty else []:
        h = compare.event_history(fr, c, include_reprints=include_reprints)
        histories.append(h.assign(campaign=c))
    history = pd.concat(histories, ignore_index=True) if histories else pd.DataFrame()
    return {"statistics_long": long, "statistics_wide": _wide_statistics(long),
            "adoption_long": adoption, "adoption_wide": wide_adopt, "event_history": history}


def _codebook(tables: dict) -> pd.DataFrame:
    rows = []
    for t, df in tables.items():
        for c in df.columns:
            label = LABELS.get(c) or (f"first year the place mentions {c}" if t == "adoption_wide"
                                      else f"value of {c}" if t == "statistics_wide" else c)
            rows.append({"table": t, "variable": c, "label": label, "type": str(df[c].dtype)})
    return pd.DataFrame(rows, columns=["table", "variable", "label", "type"])


_STATA_NAME = re.compile(r"[^\w]")


def _stata_frame(df: pd.DataFrame) -> tuple:
    """A frame Stata can hold, and the map of renamed columns: names ≤ 32 characters of
    letters, digits and ``_``; nullable integers and booleans as floats; text never null."""
    out, names = pd.DataFrame(index=df.index), {}
    used = set()
    for c in df.columns:
        name = _STATA_NAME.sub("_", str(c))[:32] or "v"
        if name[0].isdigit():
            name = ("v" + name)[:32]
        base, i = name, 1
        while name in used:
            name = f"{base[:29]}_{i}"
            i += 1
        used.add(name)
        names[c] = name
        col = df[c]
        if pd.api.types.is_bool_dtype(col) or str(col.dtype) in ("Int64", "boolean"):
            col = col.astype("float64")
        elif pd.api.types.is_datetime64_any_dtype(col):
            pass
        elif col.dtype == object:
            col = col.map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))
        out[name] = col
    return out, names


def export(source, out: Union[str, pathlib.Path], *, format: str = "csv", lexicon=None,
           include_reprints: bool = False) -> dict:
    """Write the panels of ``source`` into the folder ``out``; returns ``{table: path}``.

    ``format``: ``csv``, ``parquet``, ``stata`` or ``r`` (see the module docstring).
    """
    if format not in FORMATS:
        raise UnsupportedFormat(f"unknown export format {format!r}: one of {', '.join(FORMATS)}")
    tables = {k: _flat(v) for k, v in panels(source, lexicon=lexicon,
                                               include_reprints=include_reprints).items()}
    codebook = _codebook(tables)
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, df in tables.items():
        if format == "parquet":
            path = out / f"{name}.parquet"
            df.to_parquet(path, index=False)
        elif format == "stata":
            path = out / f"{name}.dta"
            sdf, names = _stata_frame(df)
            labels = {names[c]: (LABELS.get(c) or str(c))[:80] for c in df.columns}
            sdf.to_stata(path, write_index=False, version=118, variable_labels=labels,
                         data_label=f"unionnlp {name}"[:80])
        else:
            path = out / f"{name}.csv"
            df.to_csv(path, index=False, encoding="utf-8")
        written[name] = path
    cb = out / "codebook.csv"
    codebook.to_csv(cb, index=False, encoding="utf-8")
    written["codebook"] = cb
    if format == "r":
        written["load.R"] = _write_r_loader(out, tables)
    return written


def _write_r_loader(out: pathlib.Path, tables: dict) -> pathlib.Path:
    lines = ["# Read the unionnlp panels into R with their variable labels (base R only).",
             'codebook <- read.csv("codebook.csv", encoding = "UTF-8", stringsAsFactors = FALSE)',
             "read_panel <- function(name) {",
             '  df <- read.csv(paste0(name, ".csv"), encoding = "UTF-8", stringsAsFactors = FALSE,',
             "                 check.names = FALSE)",
             "  cb <- codebook[codebook$table == name, ]",
             '  for (i in seq_len(nrow(cb))) attr(df[[cb$variable[i]]], "label") <- cb$label[i]',
             "  df", "}"]
    lines += [f'{t} <- read_panel("{t}")' for t in tables]
    path = out / "load.R"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
