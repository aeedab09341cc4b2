"""A JSONL file in line ranges: where to cut it, and the pages of one range.

A range is given by byte offsets ``[start, end)`` that fall on line starts, plus the number of
lines before ``start``, so that every page keeps the source ``FILE:LINE`` and the record id
(the line number) it gets when :func:`unionnlp.io.readers.read_path` reads the whole file:
records and their ids do not depend on how the file was cut.

Each line becomes a page as :func:`unionnlp.io.jsonl.jsonl_pages` makes it, through the same
page builders (:mod:`unionnlp.io.pages`); that reader numbers lines from the start of its
stream, so the range keeps its own line loop. ``tests/test_batch_jsonl.py`` checks that the
ranges of a file read exactly as the whole file does.
"""
from __future__ import annotations

import json
import os
from typing import Iterator, Optional, Union

from ..io.files import DEFAULT_MAX_PAGE_BYTES, describe_limit
from ..io.pages import error_page, page_from_bytes, page_from_text, utf8
from ..records import Page

__all__ = ["line_starts", "iter_jsonl_range"]

#: bytes read at a time while looking for line starts
_CHUNK = 1 << 20

PathLike = Union[str, os.PathLike]


def line_starts(path: PathLike, every: int) -> list[tuple[int, int]]:
    """``(byte offset, lines before it)`` of lines 1, every+1, 2·every+1 … of a file.

    Lines end at ``\\n`` (so ``\\r\\n`` too), as the reader's ``readline`` splits them; blank
    lines count, as they do in the reader's line numbers. No offset at the very end of the
    file (a range there would be empty).
    """
    starts = [(0, 0)]
    lines = offset = 0
    cut = every
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            n = chunk.count(b"\n")
            if lines + n >= cut:
                pos = -1
                for _ in range(n):
                    pos = chunk.find(b"\n", pos + 1)
                    lines += 1
                    if lines == cut:
                        starts.append((offset + pos + 1, lines))
                        cut += every
            else:
                lines += n
            offset += len(chunk)
    if len(starts) > 1 and starts[-1][0] >= offset:
        starts.pop()
    return starts


def _error(source: str, message: str, kind: str) -> Page:
    return error_page(source, "read", message, kind)


def _line_page(raw: bytes, source: str, lineno: int) -> Optional[Page]:
    """The page of one JSONL line (None for a blank line)."""
    if not raw.strip():
        return None
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        return _error(source, f"invalid JSON on line {lineno}: {e}", "corrupt")
    if not isinstance(obj, dict):
        return _error(source, f"line {lineno} is not a JSON object", "corrupt")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    if isinstance(obj.get("html"), str):
        page = page_from_bytes(utf8(obj["html"]), source, url, is_html=True, encoding="utf-8",
                               declared_encoding="utf-8", record_id=str(lineno))
    elif isinstance(obj.get("text"), str):
        page = page_from_text(obj["text"], source, url, record_id=str(lineno))
    else:
        return _error(source, f"line {lineno} has neither 'text' nor 'html'", "corrupt")
    page.meta.update({k: obj[k] for k in ("title", "published") if isinstance(obj.get(k), str)})
    return page


def iter_jsonl_range(path: PathLike, start: int = 0, end: Optional[int] = None,
                     lines_before: int = 0, *,
                     max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Iterator[Page]:
    """Pages of the lines in bytes ``[start, end)`` of a JSONL file (``end`` None: to the end).

    ``start`` must be a line start and ``lines_before`` the number of lines before it (see
    :func:`line_starts`). Never raises for bad input: a line that cannot be read or used is an
    error page, and reading stops at an I/O error (one error page says where).
    """
    source = str(path)
    lineno = lines_before
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            pos = start
            while end is None or pos < end:
                raw = fh.readline(max_page_bytes + 1)
                if not raw:
                    return
                pos += len(raw)
                lineno += 1
                where = f"{source}:{lineno}"
                if len(raw) > max_page_bytes:
                    while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                        raw = fh.readline(max_page_bytes)
                        pos += len(raw)
                    yield _error(where, f"JSONL line larger than the "
                                 f"{describe_limit(max_page_bytes)} page limit", "too-large")
                    continue
                page = _line_page(raw, where, lineno)
                if page is not None:
                    yield page
    except OSError as e:
        yield _error(f"{source}:{lineno + 1}", f"cannot read line: {e}", "corrupt")
