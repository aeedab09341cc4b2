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
import re
import shutil
import unicodedata
from typing import Any, Optional

import pandas as pd

from . import compare
from .errors import UnsupportedFormat
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
    if metric is None or metric not in set(p["indicator"]):
        within = p[p["indicator"].str.contains(metric, regex=False)] if metric else p.iloc[0:0]
        metric = (within if len(within) else p)["indicator"].value_counts().index[0]
    p = p[(p["indicator"] == metric) & (p["population"] == "")].copy()
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


def _launch_table(fr: dict, campaign: Optional[str]) -> pd.DataFrame:
    """Place × campaign: the year of the first launch, or ``(year)`` of the first mention
    where no launch is reported."""
    ad = compare.practice_adoption(fr, campaign=campaign)
    if ad.empty:
        return ad
    ad = ad.assign(where=[_label(p, c) for p, c in zip(ad["place"], ad["place_code"])],
                   cell=[("" if pd.isna(y) else (str(int(y)) if b == "launch" else f"({int(y)})"))
                         for y, b in zip(ad["first_year"], ad["basis"])])
    t = ad.pivot_table(index="where", columns="campaign", values="cell", aggfunc="first")
    order = ad.sort_values(["first_year", "first_date"], na_position="last")["where"].drop_duplicates()
    return t.reindex(order).fillna("").rename_axis(index="place", columns=None)


def _practice_sections(fr: dict, campaign: Optional[str], plots: bool) -> list:
    """Sections read from practice events: adoption by first launch, the learning network,
    who pushes what (none when the records carry no events)."""
    out = []
    launch = _launch_table(fr, campaign)
    if not launch.empty:
        out.append({"title": "Adoption by first launch",
                    "note": "The year a place's bodies first launched the campaign (a launch event: "
                            "启动, 开展, 实施 …); in parentheses the first mention where no launch "
                            "is reported.", "table": launch, "png": None})
    edges = compare.learning_network(fr, campaign=campaign)
    if not edges.empty:
        out.append({"title": "Learning network: who learned from whom",
                    "note": "learn events (赴…学习, 借鉴…经验, 学习考察 …): the place learned from, "
                            "the place that learned, and the body that went.",
                    "table": edges[["campaign", "source_place", "place", "year", "actor", "evidence",
                                    "article_id"]],
                    "png": compare.figure_png(compare.plot_learning_network(edges)) if plots else None})
    who = compare.who_pushes_what(fr)
    if campaign and not who.empty:
        who = who[who["campaign"].isin(compare.campaign_identities(fr, campaign))]
    if not who.empty:
        out.append({"title": f"Who pushes what: actors of practice events (top {WHO_TOP})",
                    "note": "Bodies that launched, promoted, commended under or funded a campaign, "
                            "ranked by the places they acted in.",
                    "table": who.head(WHO_TOP)[["actor", "campaign", "events", "actions", "places"]]
                    .reset_index(drop=True),
                    "png": None})
    return out


#: organizations shown in "who runs what", and campaigns listed per organization
WHO_TOP, WHO_CAMPAIGNS = 15, 5


def _who_runs_what(fr: dict) -> pd.DataFrame:
    """One row per organization: its reach (places, articles) and its main campaigns, so one
    body named beside fifteen campaigns is one row, not fifteen."""
    co = compare.org_campaign_links(fr, kinds=None)
    if co.empty:
        return co
    co = co[co["kind"].fillna("") != "media"]  # outlets report campaigns, they do not run them
    rows = []
    for org, g in co.groupby("organization", sort=False):
        places = {p for ps in g["places"] for p in ps}
        arts = {a for ids in g["article_ids"] for a in ids}
        g = g.sort_values(["articles", "campaign"], ascending=[False, True])
        camps = "、".join(f"{c} ({n})" for c, n in zip(g["campaign"][:WHO_CAMPAIGNS], g["articles"]))
        more = len(g) - WHO_CAMPAIGNS
        rows.append({"organization": org, "kind": g["kind"].iloc[0], "places": len(places),
                     "articles": len(arts), "campaigns": len(g),
                     "main campaigns": camps + (f" … +{more}" if more > 0 else ""),
                     "article_ids": sorted(arts)})
    out = pd.DataFrame(rows).sort_values(["places", "articles", "campaigns", "organization"],
                                         ascending=[False, False, False, True], kind="stable")
    return out.head(WHO_TOP).reset_index(drop=True)


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
                   metric: Optional[str] = None, plots: bool = True, tidy: bool = True) -> list[dict]:
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

    sections.extend(_practice_sections(fr, campaign, plots))

    panel = compare.statistics_panel(fr, metric)
    shown, ptable = _panel_table(panel, by, metric)
    png = None
    if plots and not ptable.empty:
        png = compare.figure_png(compare.plot_panel(panel, shown))
    sections.append({"title": f"Statistics panel: {shown}" if shown else "Statistics panel",
                     "note": "Reported actual values; ⚠ marks conflicting reports for the same "
                             "place and year (all values kept).", "table": ptable, "png": png})
    conflicts = panel[panel["conflict"]] if not panel.empty else panel
    if not conflicts.empty:
        sections.append({"title": "Conflicting reports",
                         "note": "Same place, year, indicator, population, kind and unit, "
                                 "different values.",
                         "table": conflicts[["place", "year", "indicator", "population", "metric",
                                             "kind", "value", "unit", "evidence", "published",
                                             "article_id"]]
                         .reset_index(drop=True),
                         "png": None})
    who = _who_runs_what(fr)
    if not who.empty:
        sections.append({"title": f"Who runs what: organizations by reach (top {WHO_TOP})",
                         "note": "Organizations (media outlets left out) named in the same article as "
                                 "a campaign, ranked by the places and articles they appear in; "
                                 "their most frequent campaigns with the number of articles.",
                         "table": who, "png": None})
    if campaign:
        k = compare.kwic(fr, campaign, window=18)
        if not k.empty:
            sections.append({"title": f"Concordance: {campaign}", "note": "",
                             "table": k[["published", "place", "left", "match", "right"]],
                             "png": None})
    if tidy:  # for reading: lists shortened, dates as days (the CSV output keeps everything)
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
.scroll{overflow-x:auto}tbody th,td:first-child{white-space:nowrap}
table.wide thead th{writing-mode:vertical-rl;white-space:nowrap;vertical-align:bottom}
img{max-width:100%;border:1px solid #eee}.note{color:#555;font-size:13px}"""

#: a table with more columns than this, headed mostly by Chinese names (campaigns), gets
#: upright column headers read top to bottom, so the place names of its rows keep their width
WIDE_COLUMNS = 8


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
            cjk = sum(any("\u4e00" <= ch <= "\u9fff" for ch in str(c)) for c in t.columns)
            classes = "wide" if len(t.columns) > WIDE_COLUMNS and cjk * 2 >= len(t.columns) else None
            parts.append('<div class="scroll">' + t.to_html(escape=True, na_rep="", border=0,
                                                            classes=classes) + "</div>")
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


#: report formats by suffix
FORMATS = (".html", ".htm", ".md", ".csv", ".zip")


def _csv_ready(df: pd.DataFrame) -> pd.DataFrame:
    """Lists joined by spaces (every article id kept), the row labels as a first column."""
    out = df.reset_index() if not isinstance(df.index, pd.RangeIndex) else df.copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = out[c].map(lambda v: " ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return out


def _slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.split(":")[0].lower())
    return "-".join(words) or "table"


def _csv_tables(source, by: str, campaign: Optional[str], metric: Optional[str]) -> list:
    """``[(name, table)]``: the main long table (the statistics panel for a ``metric``, else
    campaign adoption) first, then every table of the report, untruncated."""
    fr = compare.frames(source)
    _check_names(fr, campaign, metric)
    main = (compare.statistics_panel(fr, metric) if metric
            else compare.campaign_adoption(fr, campaign=campaign))
    out, seen = [("main", main)], {"main"}
    for s in build_sections(fr, by=by, campaign=campaign, metric=metric, plots=False, tidy=False):
        t = s["table"]
        if isinstance(t, pd.DataFrame) and not t.empty:
            name = _slug(s["title"])
            while name in seen:
                name += "-2"
            seen.add(name)
            out.append((name, t))
    return [(n, _csv_ready(t)) for n, t in out]


def write_report(frames_or_source, out_path, *, by: str = "place", campaign: Optional[str] = None,
                 metric: Optional[str] = None, title: str = "unionnlp: comparison of places") -> pathlib.Path:
    """Write the comparison report; the format follows the suffix.

    ``.html``/``.htm`` (one self-contained page), ``.md``; ``.csv`` writes the main long table
    (the statistics panel when a ``metric`` is given, else campaign adoption) at ``out_path``
    and every other table of the report beside it as ``<stem>-<table>.csv``; ``.zip`` packs
    all those tables, with ``index.csv`` naming them. Tables in CSV keep every article id.
    """
    out = pathlib.Path(out_path)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedFormat(f"unsupported report format {suffix!r}: use .html, .md, .csv or .zip")
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix in (".csv", ".zip"):
        tables = _csv_tables(frames_or_source, by, campaign, metric)
        if suffix == ".csv":
            for name, t in tables:
                path = out if name == "main" else out.with_name(f"{out.stem}-{name}.csv")
                t.to_csv(path, index=False, encoding="utf-8")
            return out
        import zipfile

        index = pd.DataFrame([{"file": f"{n}.csv", "rows": len(t), "columns": " ".join(map(str, t.columns))}
                              for n, t in tables])
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("index.csv", index.to_csv(index=False))
            for name, t in tables:
                z.writestr(f"{name}.csv", t.to_csv(index=False))
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


def _wrap(text: str, width: int) -> list:
    """Lines of ``text`` no wider than ``width`` display columns, broken at spaces where
    possible (CJK characters count double)."""
    lines, line = [], ""
    for word in re.split(r"(?<= )", text):
        if _display_width(line + word) <= width:
            line += word
            continue
        if line:
            lines.append(line.rstrip())
            line = ""
        while _display_width(word) > width:  # a run without spaces longer than a line
            cut = width
            while _display_width(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line.strip():
        lines.append(line.rstrip())
    return lines


def render_text(sections: list[dict], width: Optional[int] = None) -> str:
    """Plain-text rendering of the sections, tables wrapped to ``width`` display columns
    (terminal width by default; CJK characters count double)."""
    width = width or shutil.get_terminal_size((100, 40)).columns
    out = []
    for s in sections:
        out += [s["title"], "=" * min(width, _display_width(s["title"]))]
        if s["note"]:
            out.extend(_wrap(s["note"], width))
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
