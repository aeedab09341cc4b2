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


def plot_diffusion(timeline: Union[pd.DataFrame, Source], *,
                   campaigns: Optional[Sequence[str]] = None):
    """Step plot of cumulative adopting places over time, one line per campaign, each step
    labelled with the place (hollow marker when a higher-level place mentioned it first; a
    diamond at the end of the year when the first mention is dated only by the year its text
    states). Takes the table of :func:`~unionnlp.compare.diffusion_timeline` or a source.
    Returns a :class:`matplotlib.figure.Figure`."""
    timeline = table_or_source(timeline, _TIMELINE_NEEDS, diffusion_timeline, "plot_diffusion")
    fig, font = _figure()
    ax = fig.add_subplot()
    props = {"family": font} if font else {}
    tl = timeline if campaigns is None else timeline[timeline["campaign"].isin(campaigns)]
    for name, grp in tl.groupby("campaign", sort=True):
        x = [mention_time(d, y) for d, y in zip(grp["first_date"], grp["year"])]
        y = list(grp["cum_places"])
        line = ax.step(x, y, where="post", label=_label(name, name, font))[0]
        for r, when in zip(grp.itertuples(), x):
            ax.plot([when], [r.cum_places], marker="o" if not pd.isna(r.first_date) else "D",
                    color=line.get_color(), fillstyle="none" if r.higher_first else "full")
            ax.annotate(_label(r.place, r.place_code, font), (when, r.cum_places),
                        xytext=(3, 3), textcoords="offset points", fontsize=7, **props)
    ax.set_xlabel("first mention")
    ax.set_ylabel("places mentioning (cumulative)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Campaign diffusion")
    if len(tl):
        ax.legend(prop={"family": font, "size": 8} if font else {"size": 8}, loc="upper left")
    return fig


def plot_panel(panel: Union[pd.DataFrame, Source], metric: Optional[str] = None, *,
               kind: str = "actual"):
    """Lines of a metric's value by year, one per place; conflicting reports for a year are
    drawn as separate crosses, never averaged. Takes the table of
    :func:`~unionnlp.compare.statistics_panel` or a source. ``metric`` is a metric's name, or
    part of one (the most reported metric containing it); it defaults to the most reported
    metric. Returns a Figure."""
    panel = table_or_source(panel, _PANEL_NEEDS, statistics_panel, "plot_panel")
    fig, font = _figure()
    ax = fig.add_subplot()
    p = panel[(panel["kind"] == kind) & panel["year"].notna()]
    if metric is not None and len(p) and metric not in set(p["metric"]):
        within = p[p["metric"].str.contains(metric, regex=False)]["metric"]
        metric = within.value_counts().index[0] if len(within) else metric
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
