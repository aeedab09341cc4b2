"""Making :class:`~unionnlp.records.Page` objects: from text in hand, from raw bytes, and the
error page a reader yields instead of raising (so the document ends as an error row)."""
from __future__ import annotations

import re
from typing import Optional

from ..records import ErrorEntry, Page
from .files import NotARegularFile, open_regular

__all__ = ["utf8", "page_from_text", "page_from_bytes", "error_page", "looks_html", "open_or_error"]

_SURROGATE_RE = re.compile("[\ud800-\udfff]")

#: bytes of a document looked at to tell HTML from text
_SNIFF_BYTES = 2048
_HTML_STARTS = (b"<!doctype", b"<html", b"<?xml", b"<head", b"<meta", b"<body", b"<div", b"<p>",
                b"<table", b"<!--")


def utf8(text: str) -> bytes:
    """UTF-8 bytes of any ``str``: lone surrogates (from JSON ``\\ud800`` escapes, broken
    notebooks) become U+FFFD instead of raising ``UnicodeEncodeError``."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE_RE.sub("\ufffd", text).encode("utf-8")


def page_from_text(text: str, source: str, url: Optional[str] = None, **kw) -> Page:
    """A Page for text already in hand (notebook strings, JSONL ``text``)."""
    return Page(source=source, content=utf8(text), url=url, encoding="utf-8",
                declared_encoding="utf-8", is_html=False, **kw)


def looks_html(data: bytes) -> bool:
    """True when the first bytes look like markup."""
    head = data[:_SNIFF_BYTES].lstrip().lower()
    return head.startswith(_HTML_STARTS) or b"<html" in head or b"<body" in head


def page_from_bytes(data: bytes, source: str, url: Optional[str] = None, *, is_html=None, **kw) -> Page:
    """A Page for raw bytes; HTML vs text sniffed from the first bytes when not given."""
    if is_html is None:
        is_html = looks_html(data)
    return Page(source=source, content=data, url=url, is_html=bool(is_html), **kw)


def error_page(source: str, stage: str, message: str, kind: str, **kw) -> Page:
    """A Page with no content and one error saying why."""
    return Page(source=source, errors=[ErrorEntry(stage=stage, message=message, kind=kind)], **kw)


def open_or_error(path, source: str, kind: str) -> tuple:
    """``(binary file, None)`` when ``path`` is a regular file that opens, else ``(None, error
    page)`` saying why: ``not-a-file`` for a pipe, device or socket, ``kind`` when it cannot be
    opened."""
    try:
        return open_regular(path), None
    except NotARegularFile as e:
        return None, error_page(source, "read", str(e), "not-a-file")
    except OSError as e:
        return None, error_page(source, "read", f"cannot open {source}: {e}", kind)
