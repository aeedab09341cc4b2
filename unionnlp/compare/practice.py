"""Practice events compared across places: when a place *launched* a campaign, who learned it
from whom, and which bodies pushed it.

Mentions say a place's news named a campaign; practice events (:mod:`unionnlp.extractors.events`)
say an organization did something with it. These tables read the events:

- :func:`practice_adoption`: a place's adoption year is its first ``launch`` event, falling
  back to its first mention where no launch is reported (``basis`` says which);
- :func:`learning_network`: ``learn`` events as directed edges ``source_place → place`` (the
  place that learned), one row per event; :func:`learning_graph` makes the weighted
  :class:`networkx.DiGraph`, :func:`plot_learning_network` draws it;
- :func:`who_pushes_what`: the actors of ``promote`` and ``commend`` events (and ``launch``,
  ``fund``), by campaign, ranked by the places they act in.

Every row keeps the article ids and the evidence of its events.
"""
from __future__ import annotations

from typing import Optional, Sequence, Union

import pandas as pd

from .adoption import campaign_adoption
from .codes import level_of
from .panels import _place_codes
from .sources import Source, campaign_identities, frames, select_articles, table_or_source

__all__ = ["practice_adoption", "learning_network", "learning_graph", "plot_learning_network",
           "who_pushes_what", "events_table"]

_ADOPT_COLS = ["campaign", "place_code", "place", "level", "first_year", "first_date", "basis",
               "launch_year", "mention_year", "actors", "article_ids", "evidence"]
_EDGE_COLS = ["campaign", "source_place", "source_code", "place", "place_code", "year", "actor",
              "article_id", "evidence"]
_WHO_COLS = ["actor", "campaign", "events", "actions", "places", "articles", "article_ids"]
#: the actions that spread or honour a programme (who pushes it), besides launching it
PUSH_ACTIONS = ("promote", "commend", "launch", "fund")


def events_table(source: Source, *, include_reprints: bool = False) -> pd.DataFrame:
    """One row per event with its article's place, code, date and year: ``campaign`` (the name
    the campaign is counted under in the other tables), ``action``, ``actor``, ``place`` and
    ``place_code`` (the event's place, else the article's), ``source_place``/``source_code``,
    ``recipient``, ``year`` (the event's, else the article's), ``date``, ``article_id``,
    ``evidence``."""
    fr = frames(source)
    ev = fr.get("events")
    a = select_articles(fr, include_reprints)
    cols = ["campaign", "action", "actor", "place", "place_code", "source_place", "source_code",
            "recipient", "year", "date", "article_id", "evidence"]
    if ev is None or ev.empty or a.empty:
        return pd.DataFrame(columns=cols)
    m = ev.merge(a[["id", "place", "place_code", "date", "year"]]
                 .rename(columns={"place": "a_place", "place_code": "a_code", "year": "a_year"}),
                 left_on="article_id", right_on="id", how="inner")
    if m.empty:
        return pd.DataFrame(columns=cols)
    names = _campaign_names(fr)
    codes = _place_codes(fr)
    m["campaign"] = [names.get(i, c) if isinstance(i, str) else c
                     for i, c in zip(m.get("campaign_id", [None] * len(m)), m["campaign"])]
    own = m["place"].where(m["place"].notna() & (m["place"].astype(str) != ""), m["a_place"])
    m["place"] = own
    m["place_code"] = [c if p == ap else codes.get(p, c if p == ap else None)
                       for p, ap, c in zip(own, m["a_place"], m["a_code"])]
    m["source_code"] = [codes.get(p) if isinstance(p, str) else None for p in m["source_place"]]
    m["year"] = m["year"].astype("Int64").where(m["year"].notna(), m["a_year"])
    m["evidence"] = m["text"]
    return m[cols].reset_index(drop=True)


def _campaign_names(fr: dict) -> dict:
    """campaign_id → the name the campaign is counted under (the ``campaign`` column)."""
    c = fr["campaigns"]
    if c.empty or "campaign_id" not in c.columns:
        return {}
    return {i: n for i, n in zip(c["campaign_id"], c["campaign"]) if isinstance(i, str)}


def practice_adoption(source: Source, *, campaign: Optional[str] = None,
                      include_reprints: bool = False) -> pd.DataFrame:
    """Campaign × place adoption by first launch, falling back to first mention.

    ``first_year`` is the year of the place's first ``launch`` event when one is reported
    (``basis`` = ``launch``), else the first year its news mentions the campaign (``basis`` =
    ``mention``); ``launch_year`` and ``mention_year`` give both; ``actors`` the bodies that
    launched it there; ``evidence`` the first launch's sentence.
    """
    fr = frames(source)
    ev = events_table(fr, include_reprints=include_reprints)
    mentions = campaign_adoption(fr, campaign=campaign, include_reprints=include_reprints)
    mentions = mentions[mentions["adopted"]] if not mentions.empty else mentions
    launches = ev[(ev["action"] == "launch") & ev["year"].notna()] if not ev.empty else ev
    if campaign and not launches.empty:
        launches = launches[launches["campaign"].isin(campaign_identities(fr, campaign))]
    rows: dict = {}
    for r in mentions.itertuples():
        key = (r.campaign, r.place_code if isinstance(r.place_code, str) else r.place)
        rows[key] = {"campaign": r.campaign, "place_code": r.place_code, "place": r.place,
                     "level": r.level, "first_year": r.first_year, "first_date": r.first_date,
                     "basis": "mention", "launch_year": pd.NA, "mention_year": r.first_year,
                     "actors": [], "article_ids": list(r.article_ids), "evidence": None}
    for (camp, key), g in (launches.groupby(["campaign", launches["place_code"].fillna(launches["place"])])
                           if not launches.empty else []):
        g = g.sort_values(["year", "date"], na_position="last")
        first = g.iloc[0]
        firsts = g[g["year"] == first["year"]]
        row = rows.get((camp, key)) or {
            "campaign": camp, "place_code": first["place_code"], "place": first["place"],
            "level": level_of(first["place_code"]), "mention_year": pd.NA, "article_ids": []}
        row.update(first_year=int(first["year"]), first_date=first["date"], basis="launch",
                   launch_year=int(first["year"]),
                   actors=sorted({a for a in firsts["actor"] if isinstance(a, str)}),
                   article_ids=sorted(set(row.get("article_ids", [])) | set(firsts["article_id"])),
                   evidence=first["evidence"])
        rows[(camp, key)] = row
    if not rows:
        return pd.DataFrame(columns=_ADOPT_COLS)
    out = pd.DataFrame(list(rows.values()), columns=_ADOPT_COLS)
    for col in ("first_year", "launch_year", "mention_year"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("Int64")
    out["first_date"] = pd.to_datetime(out["first_date"])
    return out.sort_values(["campaign", "first_year", "first_date", "place"],
                           na_position="last", kind="stable").reset_index(drop=True)


def learning_network(source: Source, *, campaign: Optional[str] = None,
                     include_reprints: bool = False) -> pd.DataFrame:
    """``learn`` events as edges from the place learned from to the place that learned, one
    row per event (campaign, source_place/source_code, place/place_code, year, actor,
    article_id, evidence), in time order."""
    fr = frames(source)
    ev = events_table(fr, include_reprints=include_reprints)
    if ev.empty:
        return pd.DataFrame(columns=_EDGE_COLS)
    e = ev[(ev["action"] == "learn") & ev["source_place"].notna()]
    if campaign and not e.empty:
        e = e[e["campaign"].isin(campaign_identities(fr, campaign))]
    return e.sort_values(["year", "date"], na_position="last", kind="stable")[_EDGE_COLS] \
        .reset_index(drop=True)


def learning_graph(edges: Union[pd.DataFrame, Source]):
    """The learning network as a :class:`networkx.DiGraph`: places as nodes, an edge
    ``source → learner`` per pair with ``weight`` (events), ``campaigns`` and ``article_ids``.
    Takes the table of :func:`learning_network` or a source."""
    import networkx as nx

    edges = table_or_source(edges, _EDGE_COLS[:6], learning_network, "learning_graph")
    g = nx.DiGraph()
    for r in edges.itertuples():
        a, b = r.source_place, r.place
        for node, code in ((a, r.source_code), (b, r.place_code)):
            g.add_node(node, code=code if isinstance(code, str) else None)
        if g.has_edge(a, b):
            d = g.edges[a, b]
            d["weight"] += 1
            d["campaigns"].add(r.campaign)
            d["article_ids"].add(r.article_id)
        else:
            g.add_edge(a, b, weight=1, campaigns={r.campaign}, article_ids={r.article_id})
    return g


def plot_learning_network(edges: Union[pd.DataFrame, Source]):
    """Draw the learning network: places on a circle (grouped by division code, so no two
    overlap), arrows from the place learned from, line width = events. Returns a
    :class:`matplotlib.figure.Figure`."""
    import networkx as nx

    from .plots import _figure, _label, _short_place

    g = learning_graph(edges)
    fig, font = _figure(width=7.0, height=5.0)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title("Who learned from whom (learn events)")
    if not g.number_of_nodes():
        return fig
    # places on a circle, grouped by division code: nodes never overlap, neighbours sit together
    order = sorted(g.nodes, key=lambda n: (g.nodes[n].get("code") or "~", n))
    pos = nx.circular_layout(nx.DiGraph([(n, n) for n in order]) if len(order) > 1 else g)
    pos = {n: pos[n] for n in order}
    widths = [1 + 1.5 * d["weight"] for _, _, d in g.edges(data=True)]
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, arrows=True, arrowsize=16,
                           edge_color="#4a6fa5", connectionstyle="arc3,rad=0.1",
                           node_size=900)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=900, node_color="#f3d9a4")
    labels = {n: _label(_short_place(n, d.get("code")), d.get("code"), font) for n, d in g.nodes(data=True)}
    nx.draw_networkx_labels(g, pos, labels=labels, ax=ax, font_size=8,
                            font_family=font or "sans-serif")
    return fig


def who_pushes_what(source: Source, *, actions: Sequence[str] = PUSH_ACTIONS,
                    include_reprints: bool = False) -> pd.DataFrame:
    """Actor × campaign table of practice events (by default promote, commend, launch, fund):
    ``events``, ``actions`` (counts by action), ``places`` (where they acted), ``articles``,
    ``article_ids``; ranked by the number of places, then events."""
    ev = events_table(source, include_reprints=include_reprints)
    if ev.empty:
        return pd.DataFrame(columns=_WHO_COLS)
    e = ev[ev["action"].isin(list(actions)) & ev["actor"].notna()]
    if e.empty:
        return pd.DataFrame(columns=_WHO_COLS)
    rows = []
    for (actor, camp), g in e.groupby(["actor", "campaign"]):
        counts = g["action"].value_counts()
        rows.append({"actor": actor, "campaign": camp, "events": len(g),
                     "actions": ", ".join(f"{a} {n}" for a, n in counts.items()),
                     "places": sorted({p for p in g["place"] if isinstance(p, str)}),
                     "articles": g["article_id"].nunique(),
                     "article_ids": sorted(set(g["article_id"]))})
    out = pd.DataFrame(rows, columns=_WHO_COLS)
    out["_n"] = out["places"].map(len)
    return out.sort_values(["_n", "events", "actor", "campaign"], ascending=[False, False, True, True],
                           kind="stable").drop(columns="_n").reset_index(drop=True)
