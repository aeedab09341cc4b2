"""What a corpus covers: articles per place and year, and the articles no year can be given.

Coverage is the denominator of every comparison: a campaign not mentioned where there is no
coverage says nothing about that place.
"""
from __future__ import annotations

import pandas as pd

from .sources import Source, frames, place_key, select_articles

__all__ = ["coverage", "undated"]

#: the column of the wide coverage table counting a place's articles without any year
UNDATED_COLUMN = "undated"


def _ids(s) -> list:
    return sorted(set(s))


def coverage(source: Source, *, wide: bool = False, include_reprints: bool = False) -> pd.DataFrame:
    """Articles per place and year: (place_code, place, level, year, articles, article_ids),
    or a place × year count table with ``wide=True``. Use it to tell "not adopted" from "not
    covered".

    An article without a publication date counts in the year its text states (see
    :func:`undated`); articles with no year at all cannot be placed in a year: the wide table
    counts them per place in a last column ``undated`` (present only when there are some).
    """
    fr = frames(source)
    a = select_articles(fr, include_reprints)
    a = a[a["place"].notna() | a["place_code"].notna()]
    no_year = a[a["year"].isna()]
    a = a[a["year"].notna()]
    cols = ["place_code", "place", "level", "year", "articles", "article_ids"]
    if a.empty and (not wide or no_year.empty):
        return pd.DataFrame(columns=cols) if not wide else pd.DataFrame()
    g = pd.DataFrame(columns=cols)
    if not a.empty:
        a = a.assign(pkey=place_key(a))
        g = a.groupby(["pkey", "year"]).agg(place_code=("place_code", "first"), place=("place", "first"),
                                            level=("place_level", "first"), articles=("id", "size"),
                                            article_ids=("id", _ids)).reset_index()
        g = g.sort_values(["pkey", "year"])[cols].reset_index(drop=True)
        g["year"] = g["year"].astype(int)
    if not wide:
        return g
    g["label"] = g["place"].fillna(g["place_code"])
    t = g.pivot_table(index="label", columns="year", values="articles", aggfunc="sum",
                      fill_value=0) if len(g) else pd.DataFrame()
    if len(no_year):
        counts = no_year["place"].fillna(no_year["place_code"]).value_counts()
        t = t.reindex(t.index.union(counts.index), fill_value=0)
        t[UNDATED_COLUMN] = counts.reindex(t.index, fill_value=0).astype(int)
    return t.rename_axis(index="place", columns="year")


def undated(source: Source, *, include_reprints: bool = True) -> pd.DataFrame:
    """The articles without a publication date, named: article_id, title, place, source, url,
    ``year`` (the year their headline or first sentence states, which then stands for the
    date; missing when there is none) and ``status`` (``dated by its text`` or ``undated``:
    left out of every table by year). Reprints included unless ``include_reprints=False``."""
    fr = frames(source)
    a = select_articles(fr, include_reprints)
    a = a[a["date"].isna()]
    cols = ["article_id", "title", "place", "source", "url", "year", "status"]
    if a.empty:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame({
        "article_id": a["id"], "title": a["title"], "place": a["place"].fillna(a["place_code"]),
        "source": a["source"] if "source" in a.columns else None, "url": a["url"],
        "year": a["year"].astype("Int64"),
        "status": ["dated by its text" if b == "text" else "undated" for b in a["year_basis"]]})
    return out.sort_values(["status", "year", "article_id"], na_position="last")[cols].reset_index(drop=True)
