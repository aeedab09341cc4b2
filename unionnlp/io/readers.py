"""Readers: every supported input → a stream of :class:`~unionnlp.records.Page`.

Supported: ``.txt``, ``.html``/``.htm``/``.shtml``, ``.jsonl`` (one ``{"text"|"html", "url"?,
"title"?, "published"?}`` per line), ``.warc``/``.warc.gz`` (response and resource records, via
warcio), ``.gz`` of the others, folders (recursive; hidden entries and crawl logs skipped), and
``-`` for standard input.

Readers never raise for bad input: an unreadable file, a corrupt line or a broken WARC record
yields a ``Page`` whose ``errors`` say why, so the document ends as an error row instead of
vanishing. Sizes are capped (``max_page_bytes``); decompression is streamed and capped too, so a
gzip bomb costs at most the cap.
"""
from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from pathlib import Path
from typing import Iterable, Iterator, Union

from ..errors import InputTooLarge
from ..records import Page
from .files import DEFAULT_MAX_PAGE_BYTES, describe_limit, read_capped
from .jsonl import document_object, jsonl_pages
from .pages import error_page, open_or_error, page_from_bytes, page_from_text, utf8
from .warc import WARC_SUFFIXES, iter_warc, warc_offsets

__all__ = [
    "iter_pages",
    "list_inputs",
    "read_path",
    "read_stdin",
    "iter_warc",
    "warc_offsets",
    "page_from_text",
    "page_from_bytes",
    "utf8",
    "DEFAULT_MAX_PAGE_BYTES",
    "SUFFIXES",
    "STDIN_FORMATS",
]

SUFFIXES = (".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".jsonl", ".warc", ".warc.gz",
            ".txt.gz", ".html.gz", ".htm.gz", ".jsonl.gz", ".arc.gz")
_HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
_TEXT_SUFFIXES = (".txt", ".text")
_SKIP_NAMES = {"crawl-log.jsonl", "manifest.json"}

#: what standard input may hold (``--stdin-format``); ``auto`` detects JSONL by its first line
STDIN_FORMATS = ("auto", "jsonl", "text", "html")
#: the source name of documents read from standard input (``<stdin>:N`` for JSONL lines)
STDIN_SOURCE = "<stdin>"

PathLike = Union[str, os.PathLike]


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for s in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(s):
            return s
    return path.suffix.lower()


def list_inputs(paths: Iterable[PathLike]) -> list:
    """Expand folders (recursively, sorted) into the files unionnlp reads.

    Hidden files and folders (crawl state), crawl logs and manifests are skipped. Missing paths
    are returned as given so that the reader reports them.
    """
    out: list = []
    for p in paths:
        if str(p) == "-":
            out.append("-")
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
                for f in sorted(files):
                    if f.startswith(".") or f in _SKIP_NAMES:
                        continue
                    fp = Path(root) / f
                    if _suffix(fp) in SUFFIXES:
                        out.append(fp)
        else:
            out.append(path)
    return out


def read_path(path: PathLike, *, max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES,
              stdin_format: str = "auto") -> Iterator[Page]:
    """Pages from one file (or a folder, or ``-`` for standard input; see :func:`read_stdin`).

    Only regular files are read (a symlink to one is fine): a named pipe, device or socket is
    one error page of kind ``not-a-file``, never opened for a blocking read.
    """
    if str(path) == "-":
        yield from read_stdin(max_page_bytes=max_page_bytes, stdin_format=stdin_format)
        return
    path = Path(path)
    source = str(path)
    if not path.exists():
        yield error_page(source, "read", f"no such file: {source}", "missing")
        return
    if path.is_dir():
        for p in list_inputs([path]):
            yield from read_path(p, max_page_bytes=max_page_bytes)
        return
    suffix = _suffix(path)
    if suffix in WARC_SUFFIXES:
        yield from iter_warc(path, max_page_bytes=max_page_bytes)
        return
    fh, failed = open_or_error(path, source, "corrupt")
    if failed is not None:
        yield failed
        return
    with fh:
        if suffix in (".jsonl", ".jsonl.gz"):
            stream = gzip.GzipFile(fileobj=fh) if suffix.endswith(".gz") else fh
            yield from jsonl_pages(stream, source, max_page_bytes)
            return
        try:
            if suffix.endswith(".gz"):
                data = read_capped(gzip.GzipFile(fileobj=fh), max_page_bytes)
                inner = suffix[: -len(".gz")]
            else:
                size = os.fstat(fh.fileno()).st_size
                if size > max_page_bytes:  # known too large: say how large, without reading it
                    yield error_page(source, "read", f"{size} bytes: larger than the "
                                     f"{describe_limit(max_page_bytes)} page limit", "too-large")
                    return
                data = read_capped(fh, max_page_bytes)  # stat may say 0 and the file hold more
                inner = suffix
        except InputTooLarge as e:
            yield error_page(source, "read", f"cannot read {source}: {e}", "too-large")
            return
        except (OSError, EOFError, zlib.error) as e:  # gzip.BadGzipFile is an OSError
            yield error_page(source, "read", f"cannot read {source}: {e}", "corrupt")
            return
    is_html = True if inner in _HTML_SUFFIXES else (False if inner in _TEXT_SUFFIXES else None)
    yield page_from_bytes(data, source, is_html=is_html)


# -- standard input -----------------------------------------------------------------------

class _Replay:
    """A binary stream that first gives back the bytes already read from it (the sniffed head),
    then the rest of the stream."""

    def __init__(self, head: bytes, stream):
        self._head = io.BytesIO(head)
        self._stream = stream

    def read(self, n: int = -1) -> bytes:
        data = self._head.read(n)
        if n is None or n < 0:
            return data + self._stream.read()
        if len(data) < n:
            data += self._stream.read(n - len(data))
        return data

    def readline(self, limit: int = -1) -> bytes:
        line = self._head.readline(limit)
        if line.endswith(b"\n") or (limit is not None and 0 <= limit <= len(line)):
            return line
        return line + self._stream.readline(-1 if limit is None or limit < 0 else limit - len(line))


def _sniff_jsonl(stream, max_page_bytes: int) -> tuple:
    """``(is_jsonl, head)``: whether the first non-blank line of ``stream`` is a JSON document
    object (see :func:`unionnlp.io.jsonl.document_object`), and the bytes read to know it
    (at most ``max_page_bytes + 1``: a stream of blank lines is not read to its end here). A
    first line longer than the cap counts as JSONL when it opens an object: the per-line cap
    then reports that line alone."""
    head = b""
    while True:
        line = stream.readline(max_page_bytes + 1 - len(head))
        head += line
        if line.strip():
            if len(head) > max_page_bytes:  # cut at the cap: JSONL if it opens an object
                return line.lstrip().startswith(b"{"), head
            return document_object(line) is not None, head
        if not line or len(head) > max_page_bytes:
            return False, head


def read_stdin(*, max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES, stdin_format: str = "auto",
               stream=None) -> Iterator[Page]:
    """Pages from standard input (or ``stream``, a binary stream).

    ``stdin_format``: ``jsonl`` (one document per line, streamed line by line: each line is
    capped, the stream is not), ``text`` or ``html`` (the whole stream is one document, capped
    at ``max_page_bytes``), or ``auto`` (the default): JSONL when the first non-blank line is a
    JSON object with a ``text`` or ``html`` string, else one document, HTML or text as sniffed.
    """
    if stdin_format not in STDIN_FORMATS:
        raise ValueError(f"stdin_format must be one of {', '.join(STDIN_FORMATS)}, not {stdin_format!r}")
    stream = sys.stdin.buffer if stream is None else stream
    if stdin_format == "auto":
        is_jsonl, head = _sniff_jsonl(stream, max_page_bytes)
        stream = _Replay(head, stream)
        stdin_format = "jsonl" if is_jsonl else "auto"
    if stdin_format == "jsonl":
        yield from jsonl_pages(stream, STDIN_SOURCE, max_page_bytes)
        return
    try:
        data = read_capped(stream, max_page_bytes)
    except InputTooLarge as e:
        yield error_page(STDIN_SOURCE, "read", f"standard input {e}", "too-large")
        return
    is_html = {"html": True, "text": False}.get(stdin_format)
    yield page_from_bytes(data, STDIN_SOURCE, is_html=is_html)


def iter_pages(paths: Iterable[PathLike], *, max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES,
               stdin_format: str = "auto") -> Iterator[Page]:
    """Every input document under ``paths`` as a Page (errors as error Pages, never raised);
    ``stdin_format`` says what ``-`` (standard input) holds, see :func:`read_stdin`."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in list_inputs(paths):
        yield from read_path(p, max_page_bytes=max_page_bytes, stdin_format=stdin_format)
