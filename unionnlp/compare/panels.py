"""The statistics panel: reported figures by place, year and metric, one row per report.

Reports that disagree are all kept and flagged, never merged or averaged: which figure to
believe is the researcher's decision, made with the evidence sentence and article at hand.
"""
from __future__ import annotations

import re
from typing import Optional

import pandas as pd

from .codes import level_of
from .sources import Source, frames, place_key, select_articles

__all__ = ["statistics_panel", "format_value", "format_year"]

_PANEL_COLS = ["place_code", "place", "level", "year", "metric", "value", "unit", "qualifier",
               "kind", "evidence", "article_id", "published", "article_year", "conflict",
               "n_values"]

#: decimals compared when telling whether two reported values differ
VALUE_DECIMALS = 6


def format_value(v) -> str:
    """A reported value as written in a table: ``95`` not ``95.0``, ``92.5`` as is."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return str(int(f)) if f.is_integer() else f"{f:g}"


def format_year(y) -> str:
    """A year for a table, ``?`` when unknown."""
    return "?" if y is None or pd.isna(y) else str(int(y))


def statistics_panel(source: Source, metric: Optional[str] = None, *,
                     include_reprints: bool = False) -> pd.DataFrame:
    """Place × year × metric panel of reported figures, one row per report.

    The place of a figure is ``Statistic.place`` when given, else the article's place; its code
    is looked up among the place mentions of the source. Reports that disagree for the same
    place, year, metric, kind and unit are all kept and flagged ``conflict`` (``n_values``
    distinct values), never merged; figures whose year is unknown are never flagged (their
    ``article_year`` — the publication year, else the year the article's text states — is
    given so a user can decide). ``metric`` keeps metrics containing that string.
    """
    fr = frames(source)
    a = select_articles(fr, include_reprints)
    s = fr["statistics"]
    if s.empty or a.empty:
        return pd.DataFrame(columns=_PANEL_COLS)
    m = s.merge(a[["id", "place", "place_code", "place_level", "published", "year"]]
                .rename(columns={"place": "a_place", "year": "a_year"}),
                left_on="article_id", right_on="id", how="inner")
    if metric:
        m = m[m["metric"].fillna("").str.contains(re.escape(metric))]
    if m.empty:
        return pd.DataFrame(columns=_PANEL_COLS)
    codes = _place_codes(fr)
    place, code, level = [], [], []
    for r in m.itertuples():
        sp = r.place if isinstance(r.place, str) and r.place else None
        if sp is None or sp == r.a_place:
            place.append(r.a_place)
            code.append(r.place_code)
            level.append(r.place_level)
        else:
            c = codes.get(sp)
            place.append(sp)
            code.append(c)
            level.append(level_of(c))
    m = m.assign(place=place, place_code=code, level=level)
    m["year"] = m["year"].astype("Int64") if "year" in m.columns else pd.NA
    m["evidence"] = m["text"] if "text" in m.columns else None
    for col in ("unit", "qualifier", "kind"):
        m[col] = m[col].fillna("") if col in m.columns else ""
    m["metric"] = m["metric"].fillna("")
    m["pkey"] = place_key(m)
    keys = ["pkey", "year", "metric", "kind", "unit"]
    nvals = m.groupby(keys, dropna=False)["value"].transform(lambda v: v.round(VALUE_DECIMALS).nunique())
    m["n_values"] = nvals.astype(int)
    # figures of unknown year are not comparable with each other: never a conflict
    m["conflict"] = (m["n_values"] > 1) & m["year"].notna()
    m["article_year"] = m["a_year"]
    m = m.sort_values(["pkey", "metric", "year", "published"], kind="stable", na_position="last")
    return m[_PANEL_COLS].reset_index(drop=True)


def _place_codes(fr: dict) -> dict:
    """canonical place name (and surface name) → code, from every place mention and article."""
    out: dict = {}
    p = fr["places"]
    if not p.empty and "adcode" in p.columns:
        for r in p.itertuples():
            if r.adcode:
                for n in (getattr(r, "canonical", None), r.name):
                    if isinstance(n, str) and n:
                        out.setdefault(n, r.adcode)
    a = fr["articles"]
    for n, c in zip(a["place"], a["place_code"]):
        if isinstance(n, str) and c:
            out.setdefault(n, c)
    return out
