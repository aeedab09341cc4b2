"""JSONL of input documents: one ``{"text"|"html", "url"?, "title"?, "published"?}`` per line,
from a file or a stream (standard input), read line by line.

(Record files written by ``unionnlp extract`` are read by :mod:`unionnlp.io.records`.)

Each line is capped on its own (``max_page_bytes``): an overlong line becomes one error row and
the reader goes on with the next, so a stream of any length is read in constant memory. A line
that is not JSON, not an object, or has neither ``text`` nor ``html`` is an error row too.
"""
from __future__ import annotations

import json
import zlib
from typing import Iterator, Optional

from .files import describe_limit
from .pages import error_page, page_from_text, utf8
from ..records import Page

__all__ = ["jsonl_pages", "document_object"]

#: optional string fields of a line kept as hints for the parser
_HINTS = ("title", "published")


def document_object(line: bytes) -> Optional[dict]:
    """The JSON object on ``line`` when it is an input document (has a string ``text`` or
    ``html``), else None."""
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError):  # JSONDecodeError is a ValueError
        return None
    if isinstance(obj, dict) and (isinstance(obj.get("text"), str) or isinstance(obj.get("html"), str)):
        return obj
    return None


def _page(obj: dict, src: str, lineno: int) -> Optional[Page]:
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    if isinstance(obj.get("html"), str):
        page = Page(source=src, content=utf8(obj["html"]), url=url, encoding="utf-8",
                    declared_encoding="utf-8", is_html=True, record_id=str(lineno))
    elif isinstance(obj.get("text"), str):
        page = page_from_text(obj["text"], src, url, record_id=str(lineno))
    else:
        return None
    page.meta.update({k: obj[k] for k in _HINTS if isinstance(obj.get(k), str)})
    return page


def jsonl_pages(stream, source: str, max_page_bytes: int) -> Iterator[Page]:
    """Pages from a binary stream of JSONL documents; sources are ``SOURCE:LINE``."""
    lineno = 0
    while True:
        try:
            raw = stream.readline(max_page_bytes + 1)
        except (OSError, EOFError, zlib.error) as e:
            yield error_page(f"{source}:{lineno + 1}", "read", f"cannot read line: {e}", "corrupt")
            return
        if not raw:
            return
        lineno += 1
        src = f"{source}:{lineno}"
        if len(raw) > max_page_bytes:
            # skip the rest of the overlong line
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(max_page_bytes)
            yield error_page(src, "read", f"JSONL line larger than the {describe_limit(max_page_bytes)} "
                             f"page limit", "too-large")
            continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            yield error_page(src, "read", f"invalid JSON on line {lineno}: {e}", "corrupt")
            continue
        if not isinstance(obj, dict):
            yield error_page(src, "read", f"line {lineno} is not a JSON object", "corrupt")
            continue
        page = _page(obj, src, lineno)
        if page is None:
            yield error_page(src, "read", f"line {lineno} has neither 'text' nor 'html'", "corrupt")
            continue
        yield page
