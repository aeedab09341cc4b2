"""Comparison reports: terminal tables, and HTML / Markdown / CSV files.

``write_report(source, "report.html")`` writes one self-contained page (tables, and PNG plots
embedded as base64 ``data:`` URIs, no external files or scripts); ``.md`` writes the same
tables as pipe tables with the plots inlined the same way; ``.csv`` writes the main long table
(statistics panel when a ``metric`` is given, else campaign adoption), the format to load into
R or Stata.

``by`` sets the rows of the summary tables: ``place`` (one row per place, years or campaigns
across) or ``year`` (one row per year, places across).

CLI: ``unionnlp compare RECORDS [--by place|year] [--campaign NAME] [--metric NAME]
[--out report.html|.md|.csv]``; without ``--out`` the tables are printed as plain text fitted
to the terminal width.
"""
from __future__ import annotations

import base64
import datetime as _dt
import html as htmllib
import pathlib
import shutil
import sys
import unicodedata
from typing import Any, Optional

import pandas as pd

from . import compare
from .compare.adoption import adoption_order
from .compare.panels import format_value
from .compare.sources import require_campaign, require_metric

__all__ = ["build_sections", "write_report", "render_text"]


# --------------------------------------------------------------------------------------------
# content
# --------------------------------------------------------------------------------------------
def _cell(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v[:4])) + (f" (+{len(v) - 4})" if len(v) > 4 else "")
    if isinstance(v, pd.Timestamp):
        return "" if pd.isna(v) else v.strftime("%Y-%m-%d")
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _tidy(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype).startswith("datetime"):
            out[col] = out[col].map(_cell)
    return out


def _label(place, code) -> str:
    return place if isinstance(place, str) and place else str(code)


def _adoption_table(fr: dict, by: str, campaign: Optional[str]) -> pd.DataFrame:
    long = compare.campaign_adoption(fr, campaign=campaign)
    if long.empty:
        return pd.DataFrame()
    firsts = long[long["adopted"]].copy()
    firsts["where"] = [_label(p, c) for p, c in zip(firsts["place"], firsts["place_code"])]
    if by == "year":
        t = firsts.groupby(["first_year", "campaign"])["where"].apply(lambda s: "、".join(s))
        return t.unstack("campaign").fillna("").rename_axis(index="year", columns=None)
    t = firsts.pivot_table(index="where", columns="campaign", values="first_year", aggfunc="min")
    order = adoption_order(firsts).drop_duplicates("where")["where"]
    t = t.reindex(order).astype("Int64").astype(str).replace("<NA>", "")
    return t.rename_axis(index="place", columns=None)


def _panel_table(panel: pd.DataFrame, by: str, metric: Optional[str]) -> tuple[str, pd.DataFrame]:
    p = panel[(panel["kind"] == "actual") & panel["year"].notna()]
    if p.empty:
        return metric or "", pd.DataFrame()
    if metric is None or metric not in set(p["metric"]):
        metric = p["metric"].value_counts().index[0]
    p = p[p["metric"] == metric].copy()
    p["where"] = [_label(a, c) for a, c in zip(p["place"], p["place_code"])]

    def cell(g):
        vals = sorted({float(v) for v in g["value"]})
        s = " / ".join(format_value(v) for v in vals)
        return s + (" ⚠" if len(vals) > 1 else "")

    t = p.groupby(["where", "year"]).apply(cell, include_groups=False).unstack("year").fillna("")
    t.columns = [int(c) for c in t.columns]
    if by == "year":
        t = t.T
        t.index.name = "year"
    else:
        t.index.name = "place"
    return metric, t


def _check_names(fr: dict, campaign: Optional[str], metric: Optional[str]) -> None:
    """Refuse a campaign or metric the source does not hold (UnknownName, closest names)."""
    if campaign:
        require_campaign(fr, campaign)
    if metric:
        require_metric(fr, metric)


def _first_when(date, year) -> str:
    """A first mention's date, or its year marked as stated in the text (no publication date)."""
    if not pd.isna(date):
        return date.strftime("%Y-%m-%d")
    return f"{year} (year in text)"


def build_sections(source, *, by: str = "place", campaign: Optional[str] = None,
                   metric: Optional[str] = None, plots: bool = True) -> list[dict]:
    """The report's content as ``[{"title", "note", "table", "png"}]`` (table a DataFrame,
    png bytes or None), in reading order. Reprints are excluded throughout.

    A ``campaign`` or ``metric`` the source does not hold raises
    :class:`~unionnlp.errors.UnknownName` naming the closest ones (never another one shown
    in its place)."""
    if by not in ("place", "year"):
        raise ValueError("by must be 'place' or 'year'")
    fr = compare.frames(source)
    _check_names(fr, campaign, metric)
    arts = fr["articles"]
    canon = arts[arts["is_canonical"].astype(bool)]
    sections: list[dict] = []
    years = canon["year"].dropna()
    no_date = canon[canon["date"].isna()]
    by_text = int((no_date["year_basis"] == "text").sum())
    summary = pd.DataFrame({
        "value": [len(arts), int((~arts["is_canonical"].astype(bool)).sum()),
                  int(canon["place"].isna().sum()), len(no_date), by_text, len(no_date) - by_text,
                  canon["place"].nunique(), f"{int(years.min())}–{int(years.max())}" if len(years) else "",
                  fr["campaigns"]["campaign"].nunique() if len(fr["campaigns"]) else 0,
                  len(fr["statistics"]), len(fr["errors"])]},
        index=["articles", "reprints (excluded)", "without place (not compared)",
               "without publication date", "  dated by a year in their text",
               "  undated (not compared)", "places", "years", "campaigns", "statistics",
               "errors"]).rename_axis("item")
    sections.append({"title": "Corpus", "note": "", "table": summary, "png": None})
    if len(no_date):
        sections.append({"title": "Articles without a publication date",
                         "note": "A year stated in the headline or first sentence stands for the "
                                 "date; undated articles are left out of every table by year.",
                         "table": compare.undated(fr, include_reprints=False)[
                             ["title", "place", "year", "status", "article_id"]],
                         "png": None})

    cov = compare.coverage(fr, wide=True)
    if by == "year" and not cov.empty:
        cov = cov.T
    sections.append({"title": "Coverage: articles per place and year",
                     "note": "Adoption can only be observed where there is coverage.",
                     "table": cov, "png": None})

    adopt = _adoption_table(fr, by, campaign)
    sections.append({"title": "Campaign adoption: first year mentioned"
                     + (" (places listed by first year)" if by == "year" else ""),
                     "note": "A campaign's first mention in a place's own news; names by "
                             "Campaign.canonical when set.", "table": adopt, "png": None})

    tl = compare.diffusion_timeline(fr, campaign)
    if campaign is None and not tl.empty:
        top = tl.groupby("campaign")["cum_places"].max().sort_values(ascending=False).head(4).index
        tl = tl[tl["campaign"].isin(top)]
    png = None
    if plots and not tl.empty:
        png = compare.figure_png(compare.plot_diffusion(tl))
    cols = ["campaign", "order", "place", "level", "first_date", "cum_places", "cum_share",
            "higher_first", "higher_place"]
    shown_tl = tl
    if not tl.empty:
        shown_tl = tl[cols].reset_index(drop=True)
        shown_tl["first_date"] = [_first_when(d, y) for d, y in zip(tl["first_date"], tl["year"])]
    sections.append({"title": "Diffusion timeline" + (f": {campaign}" if campaign else ""),
                     "note": "higher_first: a higher-level division containing the place "
                             "mentioned the campaign earlier (hollow markers in the plot).",
                     "table": shown_tl, "png": png})

    panel = compare.statistics_panel(fr, metric)
    shown, ptable = _panel_table(panel, by, None if metric is None else
                                 (metric if metric in set(panel["metric"]) else None))
    png = None
    if plots and not ptable.empty:
        png = compare.figure_png(compare.plot_panel(panel, shown))
    sections.append({"title": f"Statistics panel: {shown}" if shown else "Statistics panel",
                     "note": "Reported actual values; ⚠ marks conflicting reports for the same "
                             "place and year (all values kept).", "table": ptable, "png": png})
    conflicts = panel[panel["conflict"]] if not panel.empty else panel
    if not conflicts.empty:
        sections.append({"title": "Conflicting reports",
                         "note": "Same place, year, metric, kind and unit, different values.",
                         "table": conflicts[["place", "year", "metric", "kind", "value", "unit",
                                             "evidence", "published", "article_id"]]
                         .reset_index(drop=True),
                         "png": None})
    co = compare.org_campaign_links(fr, kinds=None)
    if not co.empty:
        co = co[co["kind"].fillna("") != "media"]  # outlets report campaigns, they do not run them
    if not co.empty:
        sections.append({"title": "Who runs what: organization × campaign (top 15)",
                         "note": "Organizations (media outlets left out) named in the same article as a "
                                 "campaign.",
                         "table": co.head(15)[["organization", "campaign", "articles", "places"]],
                         "png": None})
    if campaign:
        k = compare.kwic(fr, campaign, window=18)
        if not k.empty:
            sections.append({"title": f"Concordance: {campaign}", "note": "",
                             "table": k[["published", "place", "left", "match", "right"]],
                             "png": None})
    for s in sections:
        if isinstance(s["table"], pd.DataFrame) and not s["table"].empty:
            s["table"] = _tidy(s["table"])
    return sections


# --------------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------------
_CSS = """body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;margin:2em;
max-width:1150px}table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:13px}
th,td{border:1px solid #ccc;padding:3px 7px;text-align:left}th{background:#f0f0f0}
img{max-width:100%;border:1px solid #eee}.note{color:#555;font-size:13px}"""


def _html(sections: list[dict], title: str) -> str:
    parts = [f"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
             f"<title>{htmllib.escape(title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{htmllib.escape(title)}</h1>"]
    for s in sections:
        parts.append(f"<h2>{htmllib.escape(s['title'])}</h2>")
        if s["note"]:
            parts.append(f"<p class=\"note\">{htmllib.escape(s['note'])}</p>")
        t = s["table"]
        if isinstance(t, pd.DataFrame) and not t.empty:
            parts.append(t.to_html(escape=True, na_rep="", border=0))
        else:
            parts.append("<p class=\"note\">(nothing to show)</p>")
        if s["png"]:
            b64 = base64.b64encode(s["png"]).decode("ascii")
            parts.append(f"<img alt=\"{htmllib.escape(s['title'])}\" src=\"data:image/png;base64,{b64}\">")
    parts.append(f"<p class=\"note\">unionnlp report, {_dt.date.today().isoformat()}</p></body></html>")
    return "\n".join(parts)


def _md_escape(v: Any) -> str:
    return str(v).replace("|", "\\|").replace("\n", " ")


def _markdown_table(t: pd.DataFrame) -> str:
    t = t.reset_index() if t.index.name or not isinstance(t.index, pd.RangeIndex) else t
    head = [_md_escape(c) for c in t.columns]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in t.itertuples(index=False):
        lines.append("| " + " | ".join("" if pd.isna(v) is True else _md_escape(v) for v in row) + " |")
    return "\n".join(lines)


def _markdown(sections: list[dict], title: str) -> str:
    out = [f"# {title}", ""]
    for s in sections:
        out += [f"## {s['title']}", ""]
        if s["note"]:
            out += [f"_{s['note']}_", ""]
        t = s["table"]
        out += [_markdown_table(t) if isinstance(t, pd.DataFrame) and not t.empty
                else "(nothing to show)", ""]
        if s["png"]:
            b64 = base64.b64encode(s["png"]).decode("ascii")
            out += [f"![{s['title']}](data:image/png;base64,{b64})", ""]
    return "\n".join(out)


def write_report(frames_or_source, out_path, *, by: str = "place", campaign: Optional[str] = None,
                 metric: Optional[str] = None, title: str = "unionnlp: comparison of places") -> pathlib.Path:
    """Write the comparison report; the format follows the suffix (.html, .htm, .md, .csv)."""
    out = pathlib.Path(out_path)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".md", ".csv"):
        raise ValueError(f"unsupported report format {suffix!r}: use .html, .md or .csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        fr = compare.frames(frames_or_source)
        _check_names(fr, campaign, metric)
        table = (compare.statistics_panel(fr, metric) if metric
                 else compare.campaign_adoption(fr, campaign=campaign))
        if "article_ids" in table.columns:
            table = table.assign(article_ids=table["article_ids"].map(lambda v: " ".join(v)))
        table.to_csv(out, index=False, encoding="utf-8")
        return out
    sections = build_sections(frames_or_source, by=by, campaign=campaign, metric=metric)
    text = _markdown(sections, title) if suffix == ".md" else _html(sections, title)
    out.write_text(text, encoding="utf-8")
    return out


# --------------------------------------------------------------------------------------------
# terminal
# --------------------------------------------------------------------------------------------
def _display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def render_text(sections: list[dict], width: Optional[int] = None) -> str:
    """Plain-text rendering of the sections, tables wrapped to ``width`` display columns
    (terminal width by default; CJK characters count double)."""
    width = width or shutil.get_terminal_size((100, 40)).columns
    out = []
    for s in sections:
        out += [s["title"], "=" * min(width, _display_width(s["title"]))]
        if s["note"]:
            out.append(s["note"])
        t = s["table"]
        if isinstance(t, pd.DataFrame) and not t.empty:
            with pd.option_context("display.unicode.east_asian_width", True,
                                   "display.max_colwidth", 40, "display.max_rows", 200):
                out.append(t.to_string(line_width=width, na_rep="",
                                       index=not isinstance(t.index, pd.RangeIndex)))
        else:
            out.append("(nothing to show)")
        out.append("")
    return "\n".join(out)
