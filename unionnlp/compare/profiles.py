"""Places side by side, who runs what, and the words around a campaign.

:func:`place_profile` sets places next to each other (articles, years, campaigns, main
organizations, latest figures); :func:`org_campaign_links` pairs organizations and campaigns
named in the same article, and :func:`to_networkx` makes a bipartite graph of them;
:func:`kwic` gives keyword-in-context lines with offsets into the article texts.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence, Union

import pandas as pd

from .adoption import adoption_order, campaign_adoption
from .codes import is_code
from .panels import format_value, format_year, statistics_panel
from .sources import (Source, clean_name, campaign_identities, frames, select_articles,
                      table_or_source)

__all__ = ["place_profile", "org_campaign_links", "to_networkx", "kwic"]

#: endings a short place name may leave out (扬州 designates 江苏省扬州市)
_PLACE_SUFFIXES = ("", "市", "县", "区", "省", "自治区", "自治州", "旗", "盟")

_LINK_COLS = ["organization", "kind", "campaign", "articles", "article_ids", "places"]


def _match_place(a: pd.DataFrame, want: str) -> pd.Series:
    """Articles whose place is ``want``: a code, a full name, or a name's tail (``扬州`` matches
    ``江苏省扬州市`` but not ``江苏省扬州市江都区``)."""
    want = str(want)
    if is_code(want):
        return a["place_code"] == want
    tails = tuple(want + s for s in _PLACE_SUFFIXES)
    return a["place"].map(lambda p: isinstance(p, str) and p.endswith(tails))


def place_profile(source: Source, places: Union[str, Sequence[str]], *, top: int = 8,
                  include_reprints: bool = False) -> pd.DataFrame:
    """Side-by-side profile of one or more places (names, parts of names, or codes); a single
    string is one place.

    Rows: articles, years, campaigns (with first year), organizations (most mentioned),
    key figures (latest report per metric, with year), article_ids; one column per place.
    """
    if isinstance(places, (str, int)) or not hasattr(places, "__iter__"):
        places = [places]
    fr = frames(source)
    a = select_articles(fr, include_reprints)
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
        camps = "; ".join(f"{r.campaign} ({r.first_year})" for r in adoption_order(cf).itertuples())
        o = orgs[orgs["article_id"].isin(ids)]["organization"].value_counts().head(top)
        pf = panel[panel["article_id"].isin(ids) & panel["place_code"].isin(codes)] if codes else \
            panel[panel["article_id"].isin(ids)]
        pf = pf[pf["kind"] == "actual"].sort_values(["year", "published"], na_position="first")
        latest = pf.groupby("metric", sort=False).tail(1).sort_values("metric")
        figs = "; ".join(f"{r.metric} {format_value(r.value)}{r.unit}{r.qualifier} ({format_year(r.year)})"
                         for r in latest.itertuples())
        yrs = sorted(int(y) for y in sel["year"].dropna().unique())
        data[label] = {"articles": len(sel),
                       "years": f"{yrs[0]}–{yrs[-1]}" if yrs else "",
                       "campaigns": camps, "organizations": "; ".join(o.index),
                       "key figures": figs, "article_ids": " ".join(sorted(ids))}
    return pd.DataFrame(data)


def org_campaign_links(source: Source, *, include_reprints: bool = False,
                       kinds: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """Organization × campaign pairs named in the same article (who runs what).

    Columns: organization, kind, campaign, articles, article_ids, places. ``kinds`` keeps
    organizations of those kinds only (e.g. ``["union", "party"]``).
    """
    fr = frames(source)
    ids = set(select_articles(fr, include_reprints)["id"])
    o = fr["organizations"]
    c = fr["campaigns"]
    if o.empty or c.empty:
        return pd.DataFrame(columns=_LINK_COLS)
    o = o[o["article_id"].isin(ids) & o["organization"].notna()]
    if kinds is not None and "kind" in o.columns:
        o = o[o["kind"].isin(list(kinds))]
    if "kind" not in o.columns:
        o = o.assign(kind=None)
    c = c[c["article_id"].isin(ids) & c["campaign"].notna()]
    pairs = (o[["article_id", "organization", "kind"]].drop_duplicates(["article_id", "organization"])
             .merge(c[["article_id", "campaign"]].drop_duplicates(), on="article_id"))
    if pairs.empty:
        return pd.DataFrame(columns=_LINK_COLS)
    place = fr["articles"].set_index("id")["place"]
    pairs["pl"] = pairs["article_id"].map(place)
    g = pairs.groupby(["organization", "campaign"]).agg(
        kind=("kind", "first"), articles=("article_id", "nunique"),
        article_ids=("article_id", lambda s: sorted(set(s))),
        places=("pl", lambda s: sorted({x for x in s if isinstance(x, str)}))).reset_index()
    return g.sort_values(["articles", "organization", "campaign"],
                         ascending=[False, True, True])[_LINK_COLS].reset_index(drop=True)


def to_networkx(links: Union[pd.DataFrame, Source]):
    """Bipartite :class:`networkx.Graph` of organizations and campaigns, from the table of
    :func:`org_campaign_links` or from a source (links computed with the defaults): nodes
    carry ``bipartite`` (``organization``/``campaign``), edges ``weight`` (articles) and
    ``article_ids``."""
    import networkx as nx

    links = table_or_source(links, _LINK_COLS[:5], org_campaign_links, "to_networkx")
    g = nx.Graph()
    for r in links.itertuples():
        g.add_node(("org", r.organization), label=r.organization, bipartite="organization",
                   kind=r.kind)
        g.add_node(("campaign", r.campaign), label=r.campaign, bipartite="campaign")
        g.add_edge(("org", r.organization), ("campaign", r.campaign), weight=int(r.articles),
                   article_ids=list(r.article_ids))
    return g


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
    a = select_articles(fr, include_reprints)
    cols = ["article_id", "place", "published", "left", "match", "right", "start", "end", "source"]
    if "text" not in a.columns or not term:
        return pd.DataFrame(columns=cols)
    texts = dict(zip(a["id"], a["text"]))
    meta = a.set_index("id")[["place", "published"]]
    name = clean_name(term) or term
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
