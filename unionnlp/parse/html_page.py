"""HTML pages → the fields of an Article.

The body: a site adapter's container (``resources/parse/sites.json``) when its URL pattern
matches and the container holds text, else the generic extractor
(:func:`unionnlp.parse.html.find_main`), else trafilatura when both find almost nothing.
Metadata, in order: the adapter (e-paper URL date, page label), the Founder ``enpproperty``
comment, the info lines between title and body, the body's first/last lines (``本报讯（记者
王槐艾）``, ``（编辑：某某）``), ``<meta>`` tags, the URL, and the lines after the body.
"""
from __future__ import annotations

import logging
import re
from typing import Optional

from ..preprocessing.boilerplate import is_furniture
from ..records import Article
from . import html as H
from . import settings as S
from .adapters import Adapter, adapter_for, select_first
from .dates import date_from_url, normalise_date
from .lines import BYLINE_START, fill, lines_around, strip_body
from .meta import FIELDS, scan_line

__all__ = ["parse_html"]

#: ``<meta>`` names that carry the publication date, the author, the outlet (first wins)
META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:release_date", "publishdate",
    "pubdate", "publish_date", "publishtime", "publish-date", "firstpublishedtime", "datepublished",
    "dc.date.issued", "dc.date", "date", "sitedate", "releasedate", "article:modified_time",
)
META_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "og:article:author", "contentauthor")
META_SOURCE_KEYS = ("source", "contentsource", "og:site_name", "article:source", "mediaid")

_SENTENCE_END = re.compile(r"[。！？]")
_URLISH = re.compile(r"https?:|www\.|\.com")


def _adapter_body(doc, url: Optional[str], stats: dict) -> tuple:
    """``(body nodes, adapter)`` of the first adapter for ``url`` whose container holds text."""
    for ad in adapter_for(url):
        els = select_first(doc, ad.body)
        if els:
            lines = H.render_lines(els[:1] if len(els) == 1 else els, stats)
            if sum(len(x) for x in lines) >= ad.min_chars:
                return els, ad
    return None, None


def _adapter_fields(doc, ad: Adapter, url: Optional[str], found: dict, extra: dict) -> None:
    """Title, pretitle, subtitle, info and page label by the adapter's selectors; e-paper date
    and page from the URL."""
    for name in ("title", "pretitle", "subtitle"):
        sels = getattr(ad, name)
        if sels:
            el = select_first(doc, sels)
            if el:
                v = " ".join(H.render_lines(el[:1], None, skip_junk=False)).strip()
                if v:
                    extra[name] = v
    for el in select_first(doc, ad.info):
        for line in H.render_lines([el], None, skip_junk=False):
            fill(found, scan_line(line))
    for el in select_first(doc, ad.page_label):
        for line in H.render_lines([el], None, skip_junk=False):
            fill(found, scan_line(line), ("page", "issue"))
    if ad.epaper:
        m = ad.url.search(url or "")
        if m:
            d = normalise_date(m.groupdict().get("date", "").replace("/", "-"))
            if d:
                found["published"] = d
            if m.groupdict().get("page") and not found.get("page"):
                found["page"] = m.group("page")


def _enp_fields(enp: dict, found: dict, extra: dict) -> None:
    """Fields of a Founder e-paper property comment, where nothing else set them."""
    extra.setdefault("title", enp.get("title"))
    if enp.get("introtitle"):
        extra.setdefault("pretitle", enp["introtitle"])
    if enp.get("subtitle"):
        extra.setdefault("subtitle", enp["subtitle"])
    if enp.get("date"):
        found.setdefault("published", normalise_date(enp["date"]))
    if enp.get("author"):
        found.setdefault("author", scan_line(enp["author"]).get("author") or enp["author"])
    if enp.get("nodename"):
        found.setdefault("page", enp["nodename"])


def _body_top_bylines(body: list, found: dict) -> None:
    """Short lines at the top of the body: a dateline or byline the container swallowed."""
    authors = []
    for line in body[:S.BODY_TOP_LINES]:
        if len(line) <= S.BODY_TOP_LINE_MAX_CHARS and not _SENTENCE_END.search(line):
            f = scan_line(line)
            fill(found, f, ("published", "outlet"))
            if f.get("author") and BYLINE_START.match(line):
                authors.append(f["author"])
    if authors and not found.get("author"):
        found["author"] = " ".join(authors)


def _meta_tag_fields(meta: dict, found: dict) -> None:
    """Author and outlet from ``<meta>`` tags, where nothing else named them."""
    if not found.get("author"):
        lo, hi = S.META_AUTHOR_CHARS
        for k in META_AUTHOR_KEYS:
            v = meta.get(k)
            if v and lo <= len(v) <= hi and not _URLISH.search(v):
                found["author"] = v.strip()
                break
    if not found.get("outlet"):
        lo, hi = S.META_OUTLET_CHARS
        for k in META_SOURCE_KEYS:
            v = meta.get(k)
            if v and lo <= len(v) <= hi and not v.isdigit():
                found["outlet"] = v.strip()
                break


def _headings(art: Article, title: Optional[str], extra: dict) -> None:
    art.title = extra.get("title") or title
    # a selector can catch a navigation heading (标题导航) instead of the 引题/副题
    art.pretitle = extra.get("pretitle") if not is_furniture(extra.get("pretitle") or "") else None
    art.subtitle = extra.get("subtitle") if not is_furniture(extra.get("subtitle") or "") else None
    if art.pretitle and art.pretitle == art.title:
        art.pretitle = None
    if art.subtitle and art.subtitle == art.title:
        art.subtitle = None


def parse_html(text: str, art: Article) -> Article:
    """Fill ``art`` from HTML text (decoded)."""
    doc = H.build_tree(text)
    if doc is None:
        return art
    meta = H.meta_tags(doc)
    enp = H.enp_properties(doc)
    title = H.page_title(doc, meta)
    found: dict = {}
    extra: dict = {}
    H.strip_tree(doc)
    stats = H.analyse(doc)

    nodes, ad = _adapter_body(doc, art.url, stats)
    if ad is not None:
        _adapter_fields(doc, ad, art.url, found, extra)
    if nodes is None:
        nodes, stats = H.find_main(doc, stats)

    body = H.render_lines(nodes, stats)
    # the document's lines around the body: info bar before it, editor line after it
    everything = H.all_lines(doc)
    head, tail = lines_around(everything, body, title)
    if enp:
        _enp_fields(enp, found, extra)
    for line in head:
        fill(found, scan_line(line))
    if ad is not None and ad.epaper and not found.get("outlet"):
        # an e-paper names its paper in the page header (报刊:扬州日报), above the title
        for line in everything[:S.EPAPER_HEADER_LINES]:
            if len(line) <= S.EPAPER_HEADER_LINE_MAX_CHARS:
                fill(found, scan_line(line), ("outlet",))
    # metadata from the body's own first/last lines, which are then dropped if they are bylines
    body = strip_body(body, title or extra.get("title"), found, extra)
    _body_top_bylines(body, found)
    md = next((normalise_date(meta[k]) for k in META_DATE_KEYS if meta.get(k)), None)
    if md and not found.get("published"):
        found["published"] = md
    if not found.get("published"):
        ud = date_from_url(art.url)
        if ud:
            found["published"] = ud
    for line in tail:
        fill(found, scan_line(line))
    _meta_tag_fields(meta, found)
    _headings(art, title, extra)
    if sum(len(x) for x in body) < S.MIN_BODY_CHARS:
        body = _trafilatura_fallback(text) or body
    art.text = "\n".join(body)
    for k in FIELDS:
        if found.get(k):
            setattr(art, k, found[k])
    return art


def _trafilatura_fallback(text: str) -> list:
    """trafilatura's extraction, used only when ours found (almost) nothing.

    trafilatura failing on one page gives no lines (our own body stands); trafilatura that
    cannot be imported at all (a broken install: lxml without its separate HTML cleaner) is
    said once in the log, never silently for every page."""
    try:
        import trafilatura
    except ImportError as exc:
        _warn_unavailable(exc)
        return []
    try:
        out = trafilatura.extract(text, include_comments=False, include_tables=True) or ""
    except Exception:
        return []
    return [l.strip() for l in out.split("\n") if l.strip()]


_WARNED: list = []


def _warn_unavailable(exc: Exception) -> None:
    if _WARNED:
        return
    _WARNED.append(exc)
    logging.getLogger("unionnlp.parse").warning(
        "trafilatura is unavailable (%s): pages our extractor finds almost empty get no fallback; "
        "reinstall unionnlp's dependencies (pip install lxml_html_clean)", exc)
