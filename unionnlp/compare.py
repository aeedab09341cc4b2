"""Compare places over many records: campaign adoption and diffusion, statistics panels,
place profiles, organization–campaign networks, coverage and concordances.

Every function takes a *source* — a list of :class:`~unionnlp.records.Record` (or their dicts),
a JSONL path of records, a batch output folder of Parquet files, a DuckDB connection over the
views of :mod:`unionnlp.store`, or the dict of DataFrames returned by :func:`frames` — and
returns a pandas DataFrame in which every row keeps the ids of the articles it rests on, so a
figure in a paper can be traced back to its sentence.

Conventions

- A campaign is identified by ``Campaign.canonical`` when set, else by its name.
- A place is the article's main locality (``Record.place``) with its GB/T 2260 code; the admin
  level and the parent places are read from the code (``321012`` → city ``321000`` → province
  ``320000``), see :func:`level_of` and :func:`parent_codes`.
- Reprints (articles whose ``is_canonical`` is false in the batch output or in
  ``Record.meta``; for records without that flag, the near-duplicate clusters of
  :mod:`unionnlp.reprints` when present) are excluded by default so that one story is not
  counted twice.
- Adoption is the first year a place's own news mentions a campaign. Absence of a mention is
  not absence of the campaign: read adoption against :func:`coverage` (and use
  :func:`event_history`, which only keeps place-years with coverage).

The event-history layout follows the discrete-time diffusion models of policy research
(Berry & Berry 1990, "State lottery adoptions as policy innovations"): one row per place and
year at risk, ``adopted`` = 1 in the adoption year, the place leaving the risk set afterwards.
"""
from __future__ import annotations

import json
import os
import pathlib
import re
import unicodedata
from typing import Any, Iterable, Optional, Sequence, Union

import pandas as pd

from .io.records import iter_records
from .records import Record
from .schema import TABLES, records_to_frames

__all__ = [
    "frames",
    "campaign_identities",
    "level_of",
    "parent_codes",
    "campaign_adoption",
    "adoption_wide",
    "event_history",
    "diffusion_timeline",
    "statistics_panel",
    "place_profile",
    "org_campaign_cooccurrence",
    "to_networkx",
    "coverage",
    "kwic",
    "plot_diffusion",
    "plot_panel",
    "figure_png",
    "cjk_font",
]

Source = Union[str, os.PathLike, Iterable[Record], dict, Any]

_QUOTES = "“”\"'‘’「」『』《》〈〉"


# --------------------------------------------------------------------------------------------
# admin codes
# --------------------------------------------------------------------------------------------
def level_of(code: Optional[str]) -> Optional[str]:
    """Admin level of a 6-digit GB/T 2260 code: country, province, city or county."""
    if not code or not isinstance(code, str) or not re.fullmatch(r"\d{6}", code):
        return None
    if code == "000000":
        return "country"
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def parent_codes(code: Optional[str]) -> list[str]:
    """Codes of the higher-level divisions containing ``code``, nearest first, ending with the
    national code ``000000`` (``321012`` → ``["321000", "320000", "000000"]``)."""
    lvl = level_of(code)
    if lvl is None or lvl == "country":
        return []
    out = []
    if lvl == "county":
        out.append(code[:4] + "00")
    if lvl in ("county", "city"):
        out.append(code[:2] + "0000")
    out.append("000000")
    return out


# --------------------------------------------------------------------------------------------
# source adapter
# --------------------------------------------------------------------------------------------
def _clean_name(name: Any) -> Optional[str]:
    if name is None or (isinstance(name, float) and pd.isna(name)):
        return None
    s = unicodedata.normalize("NFKC", str(name)).strip().strip(_QUOTES).strip()
    return s or None


def _reprint_clusters(recs: list) -> dict:
    """``id → (cluster_id, is_canonical)`` from :mod:`unionnlp.reprints` (MinHash near-duplicate
    clusters) when that module is present, else ``{}`` (every article its own story)."""
    try:
        from .reprints import find_reprints  # type: ignore[import-not-found]
    except ImportError:
        return {}
    return find_reprints(recs)


def _from_records(records: Iterable[Any]) -> dict:
    recs = [r if isinstance(r, Record) else Record.from_dict(r) for r in records]
    fr = records_to_frames(recs)
    meta = {r.id: r.meta or {} for r in recs}
    need = any("is_canonical" not in m for m in meta.values())
    found = _reprint_clusters(recs) if need and recs else {}
    arts = fr["articles"]
    cluster, canonical = [], []
    for i in arts["id"]:
        m = meta.get(i, {})
        c, k = found.get(i, (i, True))
        cluster.append(m.get("cluster_id", c))
        canonical.append(m.get("is_canonical", k))
    arts["cluster_id"] = cluster
    arts["is_canonical"] = canonical
    arts["text"] = [r.text for r in recs]
    return fr


def _from_duckdb(con) -> dict:
    names = {row[0] for row in con.execute(
        "select table_name from information_schema.tables").fetchall()}
    out = {}
    for t in TABLES:
        out[t] = con.execute(f"select * from {t}").df() if t in names else pd.DataFrame()
    return out


def _from_parquet_dir(path: pathlib.Path) -> dict:
    try:
        from . import store  # type: ignore[attr-defined]
    except ImportError:
        store = None
    if store is not None:
        con = store.open(path)
        try:
            return _from_duckdb(con)
        finally:
            con.close()
    import duckdb

    con = duckdb.connect()
    out = {}
    for t in TABLES:
        files = [p for p in (path / t).rglob("*.parquet")] if (path / t).is_dir() else []
        files += sorted(path.glob(f"{t}*.parquet"))
        if files:
            lst = ", ".join("'" + str(f).replace("'", "''") + "'" for f in sorted(files))
            out[t] = con.execute(f"select * from read_parquet([{lst}], union_by_name=true)").df()
        else:
            out[t] = pd.DataFrame()
    con.close()
    return out


def frames(source: Source) -> dict:
    """Normalise any supported source into ``{"articles", "places", "organizations",
    "campaigns", "statistics", "errors"}`` DataFrames.

    ``articles`` gains ``year``, ``date``, ``place_level`` (from the code when missing),
    ``is_canonical`` and ``cluster_id``; ``campaigns`` gains ``campaign`` (canonical or name);
    ``organizations`` gains ``organization`` (canonical or name).
    """
    if isinstance(source, dict) and "articles" in source and isinstance(source["articles"], pd.DataFrame):
        if source.get("_normalised"):
            return source
        fr = {k: v.copy() for k, v in source.items() if isinstance(v, pd.DataFrame)}
    elif isinstance(source, (str, os.PathLike)):
        path = pathlib.Path(source)
        if path.is_dir():
            fr = _from_parquet_dir(path)
        else:
            try:  # the store loads JSONL into DuckDB and computes reprints on the way
                from . import store  # type: ignore[attr-defined]
            except ImportError:
                store = None
            if store is not None:
                con = store.open(path)
                try:
                    fr = _from_duckdb(con)
                finally:
                    con.close()
            else:
                fr = _from_records(iter_records(path))
    elif hasattr(source, "execute") and hasattr(source, "sql"):
        fr = _from_duckdb(source)
    else:
        fr = _from_records(source)
    return _normalise(fr)


#: the adapter under the name used in the design notes
_frames = frames


def _normalise(fr: dict) -> dict:
    fr = dict(fr)
    empty = records_to_frames([])
    for t in TABLES:
        if t not in fr or fr[t] is None or (fr[t].empty and len(fr[t].columns) == 0):
            fr[t] = empty[t].copy()
    a = fr["articles"]
    for col in ("place", "place_code", "published", "title", "outlet", "url", "cluster_id"):
        if col not in a.columns:
            a[col] = None
    if "is_canonical" not in a.columns:
        a["is_canonical"] = True
    if "meta" in a.columns:  # a reprint flag set on the record itself wins (store keeps meta as JSON)
        for i, m in a["meta"].items():
            if isinstance(m, str) and m.startswith("{"):
                try:
                    m = json.loads(m)
                except ValueError:
                    continue
            if isinstance(m, dict) and "is_canonical" in m:
                a.at[i, "is_canonical"] = bool(m["is_canonical"])
                a.at[i, "cluster_id"] = m.get("cluster_id", a.at[i, "cluster_id"])
    a["is_canonical"] = a["is_canonical"].map(lambda v: True if v is None or pd.isna(v) else bool(v))
    a["place_code"] = a["place_code"].map(lambda c: None if c is None or pd.isna(c) else str(c))
    lvl = a["place_code"].map(level_of)
    if "place_level" in a.columns:
        a["place_level"] = a["place_level"].where(a["place_level"].notna(), lvl)
    else:
        a["place_level"] = lvl
    a["date"] = pd.to_datetime(a["published"].astype("string").str.slice(0, 10), errors="coerce")
    a["year"] = a["date"].dt.year.astype("Int64")
    a["place"] = a["place"].where(a["place"].notna(), None)
    fr["articles"] = a
    fr["campaigns"] = _with_identity(fr["campaigns"], "campaign")
    fr["organizations"] = _with_identity(fr["organizations"], "organization")
    fr["_normalised"] = True
    return fr


def _with_identity(df, column: str):
    """Add ``column``: an item's identity, its canonical name when set, else its name."""
    if len(df):
        canon = df["canonical"] if "canonical" in df.columns else pd.Series([None] * len(df), index=df.index)
        df[column] = [_clean_name(k) or _clean_name(n) for k, n in zip(canon, df["name"])]
    else:
        df[column] = pd.Series(dtype=object)
    return df


def campaign_identities(source: Source, term: str, *, exact: bool = False) -> set:
    """Campaign identities (canonical, else name) that ``term`` designates: those whose
    identity, surface name or canonical equals ``term`` (``exact=True``) or contains it, so
    that ``三培养工程`` finds a lexicon entry canonicalised as ``三培养`` through its mentions."""
    fr = frames(source)
    c = fr["campaigns"]
    want = _clean_name(term)
    if c.empty or not want:
        return set()
    out = set()
    canon = c["canonical"] if "canonical" in c.columns else pd.Series([None] * len(c), index=c.index)
    for ident, name, can in zip(c["campaign"], c["name"], canon):
        forms = {f for f in (ident, _clean_name(name), _clean_name(can)) if f}
        if (want in forms) if exact else any(want in f for f in forms):
            out.add(ident)
    return out


def _articles(fr: dict, include_reprints: bool) -> pd.DataFrame:
    a = fr["articles"]
    return a if include_reprints else a[a["is_canonical"].astype(bool)]


def _place_key(df: pd.DataFrame) -> pd.Series:
    """A place identity: the code when known, else the name."""
    return df["place_code"].where(df["place_code"].notna(), df["place"])


# --------------------------------------------------------------------------------------------
# adoption
# --------------------------------------------------------------------------------------------
_ADOPTION_COLS = ["campaign", "place_code", "place", "level", "year", "first_date", "first_year",
                  "adopted", "mentions", "articles", "article_ids"]


def campaign_adoption(source: Source, *, campaign: Optional[str] = None,
                      include_reprints: bool = False) -> pd.DataFrame:
    """Long table of campaign mentions by place and year.

    One row per (campaign, place, year) with the number of ``mentions`` (spans), ``articles``
    and their ``article_ids``; ``first_date``/``first_year`` are the place's first mention of
    the campaign and ``adopted`` is True on the row of the first year (event-history ready).
    ``campaign`` keeps the campaigns it designates (see :func:`campaign_identities`).
    """
    fr = frames(source)
    a = _articles(fr, include_reprints)
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
    m = m.assign(pkey=_place_key(m))
    g = m.groupby(["campaign", "pkey", "year"], dropna=False)
    rows = g.agg(place_code=("place_code", "first"), place=("place", "first"),
                 level=("place_level", "first"), mentions=("article_id", "size"),
                 articles=("article_id", "nunique"),
                 article_ids=("article_id", lambda s: sorted(set(s))),
                 date=("date", "min")).reset_index()
    first = m.groupby(["campaign", "pkey"])["date"].min().rename("first_date")
    rows = rows.join(first, on=["campaign", "pkey"])
    rows["first_year"] = rows["first_date"].dt.year.astype("Int64")
    rows["adopted"] = rows["year"] == rows["first_year"]
    rows = rows.sort_values(["campaign", "first_date", "pkey", "year"], kind="stable")
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
    order = firsts.sort_values("first_date").drop_duplicates("label")["label"].tolist()
    return wide.reindex(columns=order).astype("Int64")


def event_history(source: Source, campaign: str, *, include_reprints: bool = False) -> pd.DataFrame:
    """Discrete-time event-history table for one campaign.

    One row per place and year *with coverage* (at least one article), from the place's first
    covered year up to its adoption year; ``adopted`` is 1 in the adoption year, 0 before.
    Places that never mention the campaign stay in the risk set over all their covered years
    (right-censored). Columns: place_code, place, level, year, articles, adopted,
    prior_adopters (places that had adopted in an earlier year), prior_same_province (those of
    them in the same province, the province itself not counted: the regional-diffusion term),
    parent_adopted (a higher-level place had mentioned it in an earlier or the same year).
    """
    fr = frames(source)
    cov = coverage(fr, include_reprints=include_reprints)
    cols = ["place_code", "place", "level", "year", "articles", "adopted", "prior_adopters",
            "prior_same_province", "parent_adopted"]
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
                         "parent_adopted": parent_adopted})
    return pd.DataFrame(rows, columns=cols)


def _k(code, place):
    if code is not None and not (isinstance(code, float) and pd.isna(code)):
        return code
    return place


# --------------------------------------------------------------------------------------------
# diffusion
# --------------------------------------------------------------------------------------------
_TIMELINE_COLS = ["campaign", "order", "place_code", "place", "level", "first_date", "year",
                  "article_id", "cum_places", "cum_share", "higher_first", "higher_place",
                  "higher_date"]


def diffusion_timeline(source: Source, campaign: Optional[str] = None, *,
                       include_reprints: bool = False) -> pd.DataFrame:
    """Ordered first mentions of each campaign by place.

    ``cum_places`` counts places that had mentioned the campaign by that date and ``cum_share``
    divides it by the number of places with any coverage in the source (the population that
    could have been seen adopting). ``higher_first`` says whether a higher-level division
    containing the place (by code prefix: city, province, national) mentioned it earlier;
    ``higher_place``/``higher_date`` name the earliest such one.
    """
    fr = frames(source)
    long = campaign_adoption(fr, campaign=campaign, include_reprints=include_reprints)
    if long.empty:
        return pd.DataFrame(columns=_TIMELINE_COLS)
    a = _articles(fr, include_reprints)
    n_places = max(1, _place_key(a[a["place"].notna() | a["place_code"].notna()]).nunique())
    firsts = long[long["adopted"]].sort_values(["campaign", "first_date"], kind="stable")
    out = []
    for name, grp in firsts.groupby("campaign", sort=True):
        by_code = {r.place_code: (r.first_date, r.place) for r in grp.itertuples() if r.place_code}
        for i, r in enumerate(grp.itertuples(), 1):
            higher = [(by_code[p][0], by_code[p][1]) for p in parent_codes(r.place_code)
                      if p in by_code and by_code[p][0] < r.first_date]
            higher.sort(key=lambda t: t[0])
            cum = int((grp["first_date"] <= r.first_date).sum())
            out.append({"campaign": name, "order": i, "place_code": r.place_code,
                        "place": r.place, "level": r.level, "first_date": r.first_date,
                        "year": r.first_year, "article_id": r.article_ids[0],
                        "cum_places": cum, "cum_share": round(cum / n_places, 4),
                        "higher_first": bool(higher),
                        "higher_place": higher[0][1] if higher else None,
                        "higher_date": higher[0][0] if higher else pd.NaT})
    return pd.DataFrame(out, columns=_TIMELINE_COLS)


# --------------------------------------------------------------------------------------------
# statistics
# --------------------------------------------------------------------------------------------
_PANEL_COLS = ["place_code", "place", "level", "year", "metric", "value", "unit", "qualifier",
               "kind", "evidence", "article_id", "published", "article_year", "conflict",
               "n_values"]


def statistics_panel(source: Source, metric: Optional[str] = None, *,
                     include_reprints: bool = False) -> pd.DataFrame:
    """Place × year × metric panel of reported figures, one row per report.

    The place of a figure is ``Statistic.place`` when given, else the article's place; its code
    is looked up among the place mentions of the source. Reports that disagree for the same
    place, year, metric, kind and unit are all kept and flagged ``conflict`` (``n_values``
    distinct values), never merged; figures whose year is unknown are never flagged (their
    ``article_year`` is given so a user can decide). ``metric`` keeps metrics containing that
    string.
    """
    fr = frames(source)
    a = _articles(fr, include_reprints)
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
    m["pkey"] = _place_key(m)
    keys = ["pkey", "year", "metric", "kind", "unit"]
    nvals = m.groupby(keys, dropna=False)["value"].transform(lambda v: v.round(6).nunique())
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


# --------------------------------------------------------------------------------------------
# profiles, networks, coverage, concordance
# --------------------------------------------------------------------------------------------
def _match_place(a: pd.DataFrame, want: str) -> pd.Series:
    """Articles whose place is ``want``: a code, a full name, or a name's tail (``扬州`` matches
    ``江苏省扬州市`` but not ``江苏省扬州市江都区``)."""
    want = str(want)
    if re.fullmatch(r"\d{6}", want):
        return a["place_code"] == want
    tails = tuple(want + s for s in ("", "市", "县", "区", "省", "自治区", "自治州", "旗", "盟"))
    return a["place"].map(lambda p: isinstance(p, str) and p.endswith(tails))


def place_profile(source: Source, places: Sequence[str], *, top: int = 8,
                  include_reprints: bool = False) -> pd.DataFrame:
    """Side-by-side profile of two or more places (names, parts of names, or codes).

    Rows: articles, years, campaigns (with first year), organizations (most mentioned),
    key figures (latest report per metric, with year); one column per place.
    """
    fr = frames(source)
    a = _articles(fr, include_reprints)
    camp = campaign_adoption(fr, include_reprints=include_reprints)
    panel = statistics_panel(fr, include_reprints=include_reprints)
    orgs = fr["organizations"]
    data = {}
    for want in places:
        sel = a[_match_place(a, want)]
        ids = set(sel["id"])
        label = sel["place"].dropna().mode().iloc[0] if sel["place"].notna().any() else str(want)
        codes = set(sel["place_code"].dropna())
        cf = camp[camp["adopted"] & (camp["place_code"].isin(codes) | camp["place"].isin(sel["place"]))]
        camps = "; ".join(f"{r.campaign} ({r.first_year})" for r in cf.sort_values("first_date").itertuples())
        o = orgs[orgs["article_id"].isin(ids)]["organization"].value_counts().head(top)
        pf = panel[panel["article_id"].isin(ids) & panel["place_code"].isin(codes)] if codes else \
            panel[panel["article_id"].isin(ids)]
        pf = pf[pf["kind"] == "actual"].sort_values(["year", "published"], na_position="first")
        latest = pf.groupby("metric", sort=False).tail(1).sort_values("metric")
        figs = "; ".join(f"{r.metric} {_fmt(r.value)}{r.unit}{r.qualifier} ({_y(r.year)})"
                         for r in latest.itertuples())
        yrs = sorted(int(y) for y in sel["year"].dropna().unique())
        data[label] = {"articles": len(sel),
                       "years": f"{yrs[0]}–{yrs[-1]}" if yrs else "",
                       "campaigns": camps, "organizations": "; ".join(o.index),
                       "key figures": figs}
    return pd.DataFrame(data)


def _fmt(v) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return str(int(f)) if f.is_integer() else f"{f:g}"


def _y(y) -> str:
    return "?" if y is None or pd.isna(y) else str(int(y))


def org_campaign_cooccurrence(source: Source, *, include_reprints: bool = False,
                              kinds: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """Organization × campaign pairs named in the same article (who runs what).

    Columns: organization, kind, campaign, articles, article_ids, places. ``kinds`` keeps
    organizations of those kinds only (e.g. ``["union", "party"]``).
    """
    fr = frames(source)
    ids = set(_articles(fr, include_reprints)["id"])
    o = fr["organizations"]
    c = fr["campaigns"]
    cols = ["organization", "kind", "campaign", "articles", "article_ids", "places"]
    if o.empty or c.empty:
        return pd.DataFrame(columns=cols)
    o = o[o["article_id"].isin(ids) & o["organization"].notna()]
    if kinds is not None and "kind" in o.columns:
        o = o[o["kind"].isin(list(kinds))]
    if "kind" not in o.columns:
        o = o.assign(kind=None)
    c = c[c["article_id"].isin(ids) & c["campaign"].notna()]
    pairs = (o[["article_id", "organization", "kind"]].drop_duplicates(["article_id", "organization"])
             .merge(c[["article_id", "campaign"]].drop_duplicates(), on="article_id"))
    if pairs.empty:
        return pd.DataFrame(columns=cols)
    place = fr["articles"].set_index("id")["place"]
    pairs["pl"] = pairs["article_id"].map(place)
    g = pairs.groupby(["organization", "campaign"]).agg(
        kind=("kind", "first"), articles=("article_id", "nunique"),
        article_ids=("article_id", lambda s: sorted(set(s))),
        places=("pl", lambda s: sorted({x for x in s if isinstance(x, str)}))).reset_index()
    return g.sort_values(["articles", "organization", "campaign"],
                         ascending=[False, True, True])[cols].reset_index(drop=True)


def to_networkx(cooccurrence: pd.DataFrame):
    """Bipartite :class:`networkx.Graph` from :func:`org_campaign_cooccurrence`: nodes carry
    ``bipartite`` (``organization``/``campaign``), edges ``weight`` (articles) and
    ``article_ids``."""
    import networkx as nx

    g = nx.Graph()
    for r in cooccurrence.itertuples():
        g.add_node(("org", r.organization), label=r.organization, bipartite="organization",
                   kind=r.kind)
        g.add_node(("campaign", r.campaign), label=r.campaign, bipartite="campaign")
        g.add_edge(("org", r.organization), ("campaign", r.campaign), weight=int(r.articles),
                   article_ids=list(r.article_ids))
    return g


def coverage(source: Source, *, wide: bool = False, include_reprints: bool = False) -> pd.DataFrame:
    """Articles per place and year: (place_code, place, level, year, articles), or a place ×
    year count table with ``wide=True``. Use it to tell "not adopted" from "not covered"."""
    fr = frames(source)
    a = _articles(fr, include_reprints)
    a = a[(a["place"].notna() | a["place_code"].notna()) & a["year"].notna()]
    cols = ["place_code", "place", "level", "year", "articles"]
    if a.empty:
        return pd.DataFrame(columns=cols) if not wide else pd.DataFrame()
    a = a.assign(pkey=_place_key(a))
    g = a.groupby(["pkey", "year"]).agg(place_code=("place_code", "first"), place=("place", "first"),
                                        level=("place_level", "first"),
                                        articles=("id", "size")).reset_index()
    g = g.sort_values(["pkey", "year"])[cols].reset_index(drop=True)
    g["year"] = g["year"].astype(int)
    if not wide:
        return g
    g["label"] = g["place"].fillna(g["place_code"])
    return g.pivot_table(index="label", columns="year", values="articles", aggfunc="sum",
                         fill_value=0).rename_axis(index="place", columns="year")


def kwic(source: Source, term: str, *, window: int = 20, include_reprints: bool = False,
         campaign_only: bool = False) -> pd.DataFrame:
    """Keyword-in-context lines for a campaign or any term.

    Campaign spans whose identity equals ``term`` are taken from the extracted campaigns
    (offsets into the clean text); with ``campaign_only=False`` every literal occurrence of the
    term in the texts is added too. Needs article texts (records or JSONL; Parquet output only
    when it stores ``text``). Columns: article_id, place, published, left, match, right,
    start, end, source (``campaign`` or ``text``).
    """
    fr = frames(source)
    a = _articles(fr, include_reprints)
    cols = ["article_id", "place", "published", "left", "match", "right", "start", "end", "source"]
    if "text" not in a.columns or not term:
        return pd.DataFrame(columns=cols)
    texts = dict(zip(a["id"], a["text"]))
    meta = a.set_index("id")[["place", "published"]]
    name = _clean_name(term) or term
    spans: dict = {}
    c = fr["campaigns"]
    if not c.empty:
        sel = c[c["campaign"].isin(campaign_identities(fr, term, exact=True))
                & c["article_id"].isin(texts)]
        for r in sel.itertuples():
            if r.start is not None and not pd.isna(r.start):
                spans[(r.article_id, int(r.start), int(r.end))] = "campaign"
    if not campaign_only:
        pat = re.compile(re.escape(name))
        by_article: dict = {}
        for (aid, s, e) in spans:
            by_article.setdefault(aid, []).append((s, e))
        for aid, text in texts.items():
            if not isinstance(text, str):
                continue
            own = by_article.get(aid, ())
            for mt in pat.finditer(text):
                if not any(s <= mt.start() and mt.end() <= e for s, e in own):
                    spans.setdefault((aid, mt.start(), mt.end()), "text")
    rows = []
    for (aid, s, e), src in spans.items():
        text = texts.get(aid) or ""
        rows.append({"article_id": aid, "place": meta.at[aid, "place"],
                     "published": meta.at[aid, "published"],
                     "left": text[max(0, s - window):s].replace("\n", " "), "match": text[s:e],
                     "right": text[e:e + window].replace("\n", " "), "start": s, "end": e,
                     "source": src})
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["published", "article_id", "start"], na_position="last").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# plots (matplotlib object API: no pyplot state, works headless)
# --------------------------------------------------------------------------------------------
_CJK_FONTS = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
              "Source Han Sans SC", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC",
              "AR PL UMing CN")


def cjk_font() -> Optional[str]:
    """Name of an installed font with Chinese glyphs, or None (labels then fall back to codes)."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for n in _CJK_FONTS:
        if n in names:
            return n
    return None


def _figure(width=8.0, height=4.5):
    from matplotlib.figure import Figure

    font = cjk_font()
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig, font


def _label(place, code, font) -> str:
    if font or not isinstance(place, str):
        return str(place if isinstance(place, str) else code)
    return str(code or place.encode("unicode_escape").decode())


def plot_diffusion(timeline: pd.DataFrame, *, campaigns: Optional[Sequence[str]] = None):
    """Step plot of cumulative adopting places over time, one line per campaign, each step
    labelled with the place (hollow marker when a higher-level place mentioned it first).
    Returns a :class:`matplotlib.figure.Figure`."""
    fig, font = _figure()
    ax = fig.add_subplot()
    props = {"family": font} if font else {}
    tl = timeline if campaigns is None else timeline[timeline["campaign"].isin(campaigns)]
    for name, grp in tl.groupby("campaign", sort=True):
        grp = grp.sort_values("first_date")
        x = list(grp["first_date"])
        y = list(grp["cum_places"])
        line = ax.step(x, y, where="post", label=_label(name, name, font))[0]
        for r in grp.itertuples():
            ax.plot([r.first_date], [r.cum_places], marker="o", color=line.get_color(),
                    fillstyle="none" if r.higher_first else "full")
            ax.annotate(_label(r.place, r.place_code, font), (r.first_date, r.cum_places),
                        xytext=(3, 3), textcoords="offset points", fontsize=7, **props)
    ax.set_xlabel("first mention")
    ax.set_ylabel("places mentioning (cumulative)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Campaign diffusion")
    if len(tl):
        ax.legend(prop={"family": font, "size": 8} if font else {"size": 8}, loc="upper left")
    return fig


def plot_panel(panel: pd.DataFrame, metric: Optional[str] = None, *, kind: str = "actual"):
    """Lines of a metric's value by year, one per place; conflicting reports for a year are
    drawn as separate crosses, never averaged. ``metric`` defaults to the most reported one. Returns a Figure."""
    fig, font = _figure()
    ax = fig.add_subplot()
    p = panel[(panel["kind"] == kind) & panel["year"].notna()]
    if metric is None and len(p):
        metric = p["metric"].value_counts().index[0]
    if metric is not None:
        p = p[p["metric"] == metric]
    props = {"family": font} if font else {}
    for (pkey, unit), grp in p.groupby([p["place_code"].fillna(p["place"]), "unit"], sort=True):
        grp = grp.sort_values("year")
        # conflicting years are not averaged: the line joins agreed values only, and every
        # conflicting report is drawn as its own cross
        ok = grp[~grp["conflict"]].groupby("year")["value"].first()
        label = _label(grp["place"].iloc[0], grp["place_code"].iloc[0], font)
        line = ax.plot(ok.index.astype(int), ok.values, marker="o", label=label)[0]
        bad = grp[grp["conflict"]]
        if len(bad):
            ax.scatter(bad["year"].astype(int), bad["value"], marker="x", color=line.get_color(),
                       label="conflicting reports" if not ok.size else None)
    ax.set_xlabel("year")
    unit = p["unit"].iloc[0] if len(p) else ""
    ax.set_ylabel(f"{_label(metric, 'value', font)} ({unit})" if metric else "value", **props)
    ax.set_title(_label(metric or "statistics panel", "statistics panel", font), **props)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if len(p):
        ax.legend(prop={"family": font, "size": 8} if font else {"size": 8})
    return fig


def figure_png(fig) -> bytes:
    """PNG bytes of a Figure (Agg canvas, no display needed)."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
