"""A JSONL file in line ranges: where to cut it, and the pages of one range.

A range is given by byte offsets ``[start, end)`` that fall on line starts, plus the number of
lines before ``start``, so that every page keeps the source ``FILE:LINE`` and the record id
(the line number) it gets when :func:`unionnlp.io.readers.read_path` reads the whole file:
records and their ids do not depend on how the file was cut.

Each range is read by :func:`unionnlp.io.jsonl.jsonl_pages` itself, told how many lines come
before it and how many bytes it spans. ``tests/test_batch_jsonl.py`` checks that the ranges of
a file read exactly as the whole file does.
"""
from __future__ import annotations

import os
from typing import Iterator, Optional, Union

from ..io.files import DEFAULT_MAX_PAGE_BYTES
from ..io.jsonl import jsonl_pages
from ..io.pages import error_page
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


def iter_jsonl_range(path: PathLike, start: int = 0, end: Optional[int] = None,
                     lines_before: int = 0, *,
                     max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Iterator[Page]:
    """Pages of the lines in bytes ``[start, end)`` of a JSONL file (``end`` None: to the end).

    ``start`` must be a line start and ``lines_before`` the number of lines before it (see
    :func:`line_starts`). Never raises for bad input: a line that cannot be read or used is an
    error page, and reading stops at an I/O error (one error page says where).
    """
    source = str(path)
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            yield from jsonl_pages(fh, source, max_page_bytes, first_line=lines_before,
                                   limit=None if end is None else end - start)
    except OSError as e:
        yield error_page(f"{source}:{lines_before + 1}", "read", f"cannot read the file: {e}", "corrupt")
