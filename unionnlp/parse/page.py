"""Page → Article: decode, parse as HTML or text, clean; and multi-page articles merged.

``parse_page(page)`` never raises for bad input: problems go to ``Article.errors`` as
:class:`~unionnlp.records.ErrorEntry` (stage ``decode`` or ``parse``, fatal; ``decode:repair``
for NUL bytes removed from otherwise good text, not fatal). Body and title then go through
:func:`unionnlp.preprocessing.clean` / ``clean_inline``.

Multi-page articles: the crawler stores every continuation page (``x_2.html``, ``index_1.html``)
as its own WARC record. ``parse_pages(pages)`` groups continuation pages with their first page
(:func:`~unionnlp.parse.continuations.group_continuations`) and joins them (``merge_pages``)
into one Article.
"""
from __future__ import annotations

from typing import Iterable

from ..errors import DecodeError
from ..io.decode import decode_bytes
from ..preprocessing import clean, clean_inline
from ..records import Article, ErrorEntry, Page
from .continuations import group_continuations
from .html_page import parse_html
from .lines import squash
from .meta import FIELDS
from .text_page import parse_text

__all__ = ["parse_page", "merge_pages", "parse_pages", "NO_BODY"]

#: the message of the error entry of a page in which no body text was found
NO_BODY = "no body text found"
#: the stage of the (non-fatal) error entry of a merged article one of whose continuation
#: pages could not be read, decoded or parsed
CONTINUATION_STAGE = "parse:continuation"
#: fields cleaned by ``clean_inline`` (the body goes through ``clean``)
_INLINE = ("title", "pretitle", "subtitle")
#: fields holding names: each space-separated name is cleaned on its own
_NAMES = ("author", "editor", "outlet", "page")


def _clean(art: Article) -> Article:
    """Body through ``preprocessing.clean``; headings and names through ``clean_inline``."""
    for name in ("text",) + _INLINE + _NAMES:
        v = getattr(art, name)
        if not v:
            continue
        try:
            if name == "text":
                art.text = clean(v) or ""
            elif name in _NAMES:  # keep spaces between names
                setattr(art, name, " ".join(clean_inline(w) for w in v.split()) or None)
            else:
                setattr(art, name, clean_inline(v) or None)
        except Exception as e:  # pragma: no cover - cleaning must not lose the article
            art.errors.append(ErrorEntry("parse", f"clean({name}) failed: {e}", "exception"))
    return art


def _decode_and_parse(page: Page, art: Article) -> None:
    content = page.content or b""
    if isinstance(content, str):
        content = content.encode("utf-8")
    try:
        dec = decode_bytes(content, page.declared_encoding, is_html=bool(page.is_html))
    except DecodeError as e:
        art.errors.append(ErrorEntry("decode", f"not text: {e}", "binary"))
        return
    if dec.nul_stripped:
        # kept: the text is good once they are out; flagged: the file was damaged somewhere
        art.errors.append(ErrorEntry("decode:repair", f"{dec.nul_stripped} NUL byte(s) removed "
                                     f"from otherwise good text", "nul-stripped"))
    art.encoding = dec.encoding
    if page.is_html:
        parse_html(dec.text, art)
    else:
        parse_text(dec.text, art)
    hints = getattr(page, "meta", None) or {}
    for k in ("title", "published"):
        if hints.get(k):
            setattr(art, k, hints[k])


def parse_page(page: Page) -> Article:
    """Parse one page into an :class:`Article` (HTML or text; never raises on bad input)."""
    src = getattr(page, "source", None) or ""
    art = Article(source=src, url=getattr(page, "url", None),
                  errors=[ErrorEntry.coerce(e) for e in getattr(page, "errors", None) or []])
    if art.errors and not page.content:
        return art  # the reader already said why there is nothing
    try:
        _decode_and_parse(page, art)
    except Exception as e:  # never raise for bad pages
        art.errors.append(ErrorEntry("parse", f"{type(e).__name__}: {e}", "exception"))
    had_text = bool(art.text)
    art = _clean(art)
    if not art.text and not any(e.fatal for e in art.errors):
        msg = NO_BODY if not had_text else "all body lines were dropped as page furniture"
        art.errors.append(ErrorEntry("parse", msg, "empty"))
    return art


def merge_pages(pages: list[Page]) -> Article:
    """Parse the pages of one multi-page article (first page first) into one Article: the first
    page's metadata, the bodies joined by newlines (repeated leading/trailing lines removed).

    When the article has text, the errors of its continuation pages name the page, and those
    that would be fatal for a page (unreadable, undecodable) are not fatal for the article:
    they have the stage ``parse:continuation``."""
    pages = list(pages)
    if not pages:
        return Article(source="", errors=[ErrorEntry("parse", "no pages", "empty")])
    arts = [parse_page(p) for p in pages]
    first = arts[0]
    texts = [first.text] if first.text else []
    later: list = []  # (page, error) of the continuation pages
    for page, a in zip(pages[1:], arts[1:]):
        lines = a.text.split("\n") if a.text else []
        if lines and first.title and squash(lines[0]) == squash(first.title):
            lines = lines[1:]
        if lines:
            texts.append("\n".join(lines))
        later.extend((page, e) for e in a.errors)
        for k in FIELDS:
            if not getattr(first, k) and getattr(a, k):
                setattr(first, k, getattr(a, k))
    first.text = "\n".join(texts)
    if not first.text:
        first.errors.extend(e for _, e in later)
        return first
    for page, e in later:
        if e.message == NO_BODY:
            continue  # a page without body text is no loss when the others have it
        # the article stands: a continuation page that failed is said, not fatal for it
        where = page.url or page.source
        first.errors.append(ErrorEntry(CONTINUATION_STAGE if e.fatal else e.stage,
                                       f"continuation page {where}: {e.stage}: {e.message}", e.kind))
    return first


def parse_pages(pages: Iterable[Page]) -> list[Article]:
    """Parse many pages, merging multi-page articles (see :func:`merge_pages`)."""
    return [merge_pages(g) for g in group_continuations(pages)]
