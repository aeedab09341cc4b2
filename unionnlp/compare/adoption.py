"""Campaign adoption and diffusion: when each place's own news first mentions a campaign.

Adoption is the first year a place's own news mentions a campaign; ``first_date`` is the
earliest publication date within that year, missing when the year comes only from articles
without a publication date that state their year in the text (``first_basis`` ``"text"``).
Absence of a mention is not absence of the campaign: read adoption against
:func:`~unionnlp.compare.coverage`, and use :func:`event_history`, which only keeps place-years
with coverage.

The event-history layout follows the discrete-time diffusion models of policy research
(Berry & Berry 1990, "State lottery adoptions as policy innovations"): one row per place and
year at risk, ``adopted`` = 1 in the adoption year, the place leaving the risk set afterwards.
"""
from __future__ import annotations

from typing import Optional

import pandas as pd

from .codes import parent_codes
from .corpus import coverage
from .sources import Source, campaign_identities, frames, place_key, select_articles

__all__ = ["campaign_adoption", "adoption_wide", "event_history", "diffusion_timeline",
           "adoption_order", "mention_time"]

_ADOPTION_COLS = ["campaign", "place_code", "place", "level", "year", "first_date", "first_year",
                  "first_basis", "adopted", "mentions", "articles", "article_ids"]


def _ids(s) -> list:
    return sorted(set(s))


def adoption_order(df: pd.DataFrame, by: tuple = ()) -> pd.DataFrame:
    """Rows in order of first mention: by first year, then first date (a first year known
    only from the text comes after the dated first mentions of that year)."""
    return df.sort_values([*by, "first_year", "first_date"], kind="stable", na_position="last")


def campaign_adoption(source: Source, *, campaign: Optional[str] = None,
                      include_reprints: bool = False) -> pd.DataFrame:
    """Long table of campaign mentions by place and year.

    One row per (campaign, place, year) with the number of ``mentions`` (spans), ``articles``
    and their ``article_ids``; ``first_year`` is the place's first year mentioning the
    campaign, ``first_date`` the earliest publication date in that year (missing when that year
    is known only from the text of undated articles: ``first_basis`` is then ``text``, else
    ``published``), and ``adopted`` is True on the row of the first year (event-history
    ready). Mentions in articles without any year are kept in a row whose ``year`` is missing
    (never ``adopted``). ``campaign`` keeps the campaigns it designates (see
    :func:`~unionnlp.compare.campaign_identities`).
    """
    fr = frames(source)
    a = select_articles(fr, include_reprints)
    c = fr["campaigns"]
    if c.empty or a.empty:
        return pd.DataFrame(columns=_ADOPTION_COLS)
    m = c.merge(a[["id", "place", "place_code", "place_level", "date", "year"]],
                left_on="article_id", right_on="id", how="inner")
    m = m[m["campaign"].notna() & (m["place"].notna() | m["place_code"].notna())]
    if campaign:
        m = m[m["campaign"].isin(campaign_identities(fr, campaign))]
    if m.empty:
        return pd.DataFrame(columns=_ADOPTION_COLS)
    m = m.assign(pkey=place_key(m))
    keys = ["campaign", "pkey"]
    rows = m.groupby([*keys, "year"], dropna=False).agg(
        place_code=("place_code", "first"), place=("place", "first"),
        level=("place_level", "first"), mentions=("article_id", "size"),
        articles=("article_id", "nunique"), article_ids=("article_id", _ids)).reset_index()
    dated = m[m["year"].notna()]
    first_year = dated.groupby(keys)["year"].min().rename("first_year")
    in_first = dated.join(first_year, on=keys)
    in_first = in_first[in_first["year"] == in_first["first_year"]]
    first_date = in_first.groupby(keys)["date"].min().rename("first_date")
    rows = rows.join(first_year, on=keys).join(first_date, on=keys)
    rows["first_date"] = pd.to_datetime(rows["first_date"])
    rows["first_year"] = rows["first_year"].astype("Int64")
    rows["first_basis"] = [None if pd.isna(y) else ("text" if pd.isna(d) else "published")
                           for y, d in zip(rows["first_year"], rows["first_date"])]
    rows["adopted"] = (rows["year"] == rows["first_year"]).fillna(False).astype(bool)
    rows = rows.sort_values(["campaign", "first_year", "first_date", "pkey", "year"],
                            kind="stable", na_position="last")
    return rows[_ADOPTION_COLS].reset_index(drop=True)


def adoption_wide(source: Source, *, campaign: Optional[str] = None,
                  include_reprints: bool = False) -> pd.DataFrame:
    """Campaign × place table of first-mention years (``<NA>`` = never mentioned)."""
    long = campaign_adoption(source, campaign=campaign, include_reprints=include_reprints)
    if long.empty:
        return pd.DataFrame()
    firsts = long[long["adopted"]].copy()
    firsts["label"] = firsts["place"].fillna(firsts["place_code"])
    wide = firsts.pivot_table(index="campaign", columns="label", values="first_year", aggfunc="min")
    order = adoption_order(firsts).drop_duplicates("label")["label"].tolist()
    return wide.reindex(columns=order).astype("Int64")


def _k(code, place):
    if code is not None and not (isinstance(code, float) and pd.isna(code)):
        return code
    return place


def event_history(source: Source, campaign: str, *, include_reprints: bool = False) -> pd.DataFrame:
    """Discrete-time event-history table for one campaign.

    One row per place and year *with coverage* (at least one article), from the place's first
    covered year up to its adoption year; ``adopted`` is 1 in the adoption year, 0 before.
    Places that never mention the campaign stay in the risk set over all their covered years
    (right-censored). Columns: place_code, place, level, year, articles, adopted,
    prior_adopters (places that had adopted in an earlier year), prior_same_province (those of
    them in the same province, the province itself not counted: the regional-diffusion term),
    parent_adopted (a higher-level place had mentioned it in an earlier or the same year),
    article_ids (the place-year's articles).
    """
    fr = frames(source)
    cov = coverage(fr, include_reprints=include_reprints)
    cols = ["place_code", "place", "level", "year", "articles", "adopted", "prior_adopters",
            "prior_same_province", "parent_adopted", "article_ids"]
    if cov.empty:
        return pd.DataFrame(columns=cols)
    adopt = campaign_adoption(fr, include_reprints=include_reprints)
    adopt = adopt[adopt["campaign"].isin(campaign_identities(fr, campaign, exact=True))
                  & adopt["adopted"]]
    first = {(_k(r.place_code, r.place)): int(r.first_year) for r in adopt.itertuples()}
    rows = []
    cov = cov.assign(pkey=[_k(c, p) for c, p in zip(cov["place_code"], cov["place"])])
    for pkey, grp in cov.sort_values("year").groupby("pkey", sort=False):
        fy = first.get(pkey)
        for r in grp.itertuples():
            if fy is not None and r.year > fy:
                break
            prior = sum(1 for k, y in first.items() if k != pkey and y < r.year)
            prov = r.place_code[:2] if isinstance(r.place_code, str) else None
            prior_prov = sum(1 for k, y in first.items() if k != pkey and y < r.year and prov
                             and isinstance(k, str) and k[:2] == prov and k != prov + "0000")
            parents = parent_codes(r.place_code) if r.place_code else []
            parent_adopted = any(first.get(p) is not None and first[p] <= r.year for p in parents)
            rows.append({"place_code": r.place_code, "place": r.place, "level": r.level,
                         "year": int(r.year), "articles": int(r.articles),
                         "adopted": int(fy is not None and r.year == fy),
                         "prior_adopters": prior, "prior_same_province": prior_prov,
                         "parent_adopted": parent_adopted, "article_ids": r.article_ids})
    return pd.DataFrame(rows, columns=cols)


_TIMELINE_COLS = ["campaign", "order", "place_code", "place", "level", "first_date", "year",
                  "first_basis", "article_id", "cum_places", "cum_share", "higher_first",
                  "higher_place", "higher_date"]


def mention_time(first_date, first_year) -> pd.Timestamp:
    """When a place had mentioned a campaign at the latest: its first date, or the end of its
    first year when that year is known only from the text."""
    if not pd.isna(first_date):
        return first_date
    return pd.Timestamp(int(first_year), 12, 31)


def _earlier(a: tuple, b: tuple) -> bool:
    """Whether first mention ``a`` = (date, year) came before ``b``: by date when both are
    dated, else only when its year is earlier."""
    (da, ya), (db, yb) = a, b
    if pd.isna(da) or pd.isna(db):
        return ya < yb
    return da < db


def diffusion_timeline(source: Source, campaign: Optional[str] = None, *,
                       include_reprints: bool = False) -> pd.DataFrame:
    """Ordered first mentions of each campaign by place.

    ``cum_places`` counts places that had mentioned the campaign by that date (a first
    mention known only by the year stated in an undated article counts from the end of that
    year; ``first_basis`` says which) and ``cum_share`` divides it by the number of places with
    any coverage in the source (the population that could have been seen adopting).
    ``higher_first`` says whether a higher-level division containing the place (by code
    prefix: city, province, national) mentioned it earlier; ``higher_place``/``higher_date``
    name the earliest such one. ``article_id`` is one of the articles of the place's first year
(all of them are in the ``article_ids`` of :func:`campaign_adoption`).
    """
    fr = frames(source)
    long = campaign_adoption(fr, campaign=campaign, include_reprints=include_reprints)
    if long.empty:
        return pd.DataFrame(columns=_TIMELINE_COLS)
    a = select_articles(fr, include_reprints)
    n_places = max(1, place_key(a[a["place"].notna() | a["place_code"].notna()]).nunique())
    firsts = adoption_order(long[long["adopted"]], by=("campaign",))
    out = []
    for name, grp in firsts.groupby("campaign", sort=True):
        whens = [mention_time(d, y) for d, y in zip(grp["first_date"], grp["first_year"])]
        by_code = {r.place_code: (r.first_date, r.first_year, r.place)
                   for r in grp.itertuples() if r.place_code}
        for i, (r, when) in enumerate(zip(grp.itertuples(), whens), 1):
            mine = (r.first_date, r.first_year)
            higher = [by_code[p] for p in parent_codes(r.place_code)
                      if p in by_code and _earlier(by_code[p][:2], mine)]
            higher.sort(key=lambda t: (t[1], mention_time(t[0], t[1])))
            cum = sum(1 for w in whens if w <= when)
            out.append({"campaign": name, "order": i, "place_code": r.place_code,
                        "place": r.place, "level": r.level, "first_date": r.first_date,
                        "year": r.first_year, "first_basis": r.first_basis,
                        "article_id": r.article_ids[0],
                        "cum_places": cum, "cum_share": round(cum / n_places, 4),
                        "higher_first": bool(higher),
                        "higher_place": higher[0][2] if higher else None,
                        "higher_date": higher[0][0] if higher else pd.NaT})
    return pd.DataFrame(out, columns=_TIMELINE_COLS)
