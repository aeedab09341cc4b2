"""Plots of diffusion and panels (matplotlib object API: no pyplot state, works headless).

Each plot takes the table it draws (from :func:`~unionnlp.compare.diffusion_timeline` or
:func:`~unionnlp.compare.statistics_panel`) or any source, and returns a
:class:`matplotlib.figure.Figure`; :func:`figure_png` turns one into PNG bytes. Chinese labels
need a CJK font (:func:`cjk_font`); without one, places are labelled by their codes.
"""
from __future__ import annotations

from typing import Optional, Sequence, Union

import pandas as pd

from .adoption import mention_time, diffusion_timeline
from .panels import statistics_panel
from .sources import Source, table_or_source

__all__ = ["plot_diffusion", "plot_panel", "figure_png", "cjk_font"]

_CJK_FONTS = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
              "Source Han Sans SC", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC",
              "AR PL UMing CN")

_TIMELINE_NEEDS = ["campaign", "first_date", "year", "cum_places", "place", "place_code",
                   "higher_first"]
_PANEL_NEEDS = ["place_code", "place", "year", "metric", "value", "unit", "kind", "conflict"]


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


#: campaigns drawn by :func:`plot_diffusion` at most (one small panel each)
MAX_DIFFUSION_PANELS = 6


def _short_place(place, code) -> str:
    """A place's own name for a plot label (江都区 for 江苏省扬州市江都区): the chain is in the
    table beside the plot, and long labels collide."""
    if isinstance(code, str) and code:
        from ..extractors import places

        d = places.division(code)
        if d is not None:
            return d.name
    return place if isinstance(place, str) else str(code)


def plot_diffusion(timeline: Union[pd.DataFrame, Source], *,
                   campaigns: Optional[Sequence[str]] = None):
    """Cumulative places mentioning each campaign over time: one small step plot per campaign
    (at most :data:`MAX_DIFFUSION_PANELS`, the most widely mentioned first), each step labelled
    with the place's own name (hollow marker when a higher-level place mentioned it first; a
    diamond at the end of the year when the first mention is dated only by the year its text
    states). One panel per campaign keeps labels from colliding across campaigns; within a panel
    every step is one place higher. Takes the table of
    :func:`~unionnlp.compare.diffusion_timeline` or a source. Returns a
    :class:`matplotlib.figure.Figure`."""
    timeline = table_or_source(timeline, _TIMELINE_NEEDS, diffusion_timeline, "plot_diffusion")
    tl = timeline if campaigns is None else timeline[timeline["campaign"].isin(campaigns)]
    order = (tl.groupby("campaign")["cum_places"].max().sort_values(ascending=False, kind="stable")
             .index[:MAX_DIFFUSION_PANELS].tolist()) if len(tl) else []
    cols = 1 if len(order) <= 1 else 2
    rows = max(1, -(-len(order) // cols))
    top = max([int(tl["cum_places"].max())] if len(tl) else [1])
    fig, font = _figure(width=8.0 if cols == 2 else 7.0, height=max(3.0, rows * (1.2 + 0.28 * top)))
    props = {"family": font} if font else {}
    axes = fig.subplots(rows, cols, sharex=True, squeeze=False).ravel()
    for ax, name in zip(axes, order):
        grp = tl[tl["campaign"] == name]
        x = [mention_time(d, y) for d, y in zip(grp["first_date"], grp["year"])]
        line = ax.step(x, list(grp["cum_places"]), where="post")[0]
        for r, when in zip(grp.itertuples(), x):
            ax.plot([when], [r.cum_places], marker="o" if not pd.isna(r.first_date) else "D",
                    color=line.get_color(), fillstyle="none" if r.higher_first else "full")
            ax.annotate(_label(_short_place(r.place, r.place_code), r.place_code, font),
                        (when, r.cum_places), xytext=(4, -3), textcoords="offset points",
                        fontsize=7, va="top", **props)
        ax.set_title(_label(name, name, font), fontsize=9, **props)
        ax.set_ylim(0, top + 1)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.tick_params(labelsize=7)
    for ax in axes[len(order):]:
        ax.set_visible(False)
    fig.supxlabel("first mention", fontsize=8)
    fig.supylabel("places mentioning (cumulative)", fontsize=8)
    return fig


def plot_panel(panel: Union[pd.DataFrame, Source], metric: Optional[str] = None, *,
               kind: str = "actual"):
    """Lines of an indicator's value by year, one per place (whole populations only);
    conflicting reports for a year are drawn as separate crosses, never averaged. Takes the table
    of :func:`~unionnlp.compare.statistics_panel` or a source. ``metric`` is an indicator or a
    metric phrase, or part of one (the most reported indicator containing it); it defaults to
    the most reported indicator. Returns a Figure."""
    panel = table_or_source(panel, _PANEL_NEEDS, statistics_panel, "plot_panel")
    fig, font = _figure()
    ax = fig.add_subplot()
    p = panel[(panel["kind"] == kind) & panel["year"].notna()]
    key = "indicator" if "indicator" in p.columns else "metric"
    if "population" in p.columns:
        p = p[p["population"].fillna("") == ""]
    if metric is not None and len(p) and metric not in set(p[key]):
        within = p[p[key].str.contains(metric, regex=False) | p["metric"].str.contains(metric, regex=False)][key]
        metric = within.value_counts().index[0] if len(within) else metric
    if metric is None and len(p):
        metric = p[key].value_counts().index[0]
    if metric is not None:
        p = p[p[key] == metric]
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
