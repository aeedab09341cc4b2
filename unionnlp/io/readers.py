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
import json
import os
import re
import sys
import zlib
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..records import ErrorEntry, Page

__all__ = [
    "iter_pages",
    "list_inputs",
    "read_path",
    "iter_warc",
    "warc_offsets",
    "page_from_text",
    "page_from_bytes",
    "utf8",
    "DEFAULT_MAX_PAGE_BYTES",
    "SUFFIXES",
]

#: pages larger than this (raw bytes, after decompression) become error rows
DEFAULT_MAX_PAGE_BYTES = 32 * 1024 * 1024
#: compressed bytes warcio reads at a time: deflate inflates up to ~1000:1, so this bounds the
#: memory one read of a gzip bomb takes (4 KB → at most ~4 MB per step)
_WARC_BLOCK = 4096

SUFFIXES = (".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".jsonl", ".warc", ".warc.gz",
            ".txt.gz", ".html.gz", ".htm.gz", ".jsonl.gz", ".arc.gz")
_SKIP_NAMES = {"crawl-log.jsonl", "manifest.json"}

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


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


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


def _looks_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<meta", b"<body", b"<div",
                            b"<p>", b"<table", b"<!--")) or b"<html" in head or b"<body" in head


def page_from_bytes(data: bytes, source: str, url: Optional[str] = None, *, is_html=None, **kw) -> Page:
    """A Page for raw bytes; HTML vs text sniffed from the first bytes when not given."""
    if is_html is None:
        is_html = _looks_html(data)
    return Page(source=source, content=data, url=url, is_html=bool(is_html), **kw)


def _error_page(source: str, stage: str, message: str, kind: str, **kw) -> Page:
    return Page(source=source, errors=[ErrorEntry(stage=stage, message=message, kind=kind)], **kw)


def _read_capped(stream, cap: int) -> bytes:
    """Read at most ``cap`` bytes; raise ValueError when the stream holds more."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise ValueError(f"larger than the {cap // (1024 * 1024)} MB page limit")
    return data


def read_path(path: PathLike, *, max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Iterator[Page]:
    """Pages from one file (not a folder)."""
    if str(path) == "-":
        yield from _read_stdin(max_page_bytes)
        return
    path = Path(path)
    source = str(path)
    if not path.exists():
        yield _error_page(source, "read", f"no such file: {source}", "missing")
        return
    if path.is_dir():
        for p in list_inputs([path]):
            yield from read_path(p, max_page_bytes=max_page_bytes)
        return
    suffix = _suffix(path)
    try:
        if suffix in (".warc", ".warc.gz", ".arc.gz"):
            yield from iter_warc(path, max_page_bytes=max_page_bytes)
            return
        if suffix == ".jsonl" or suffix == ".jsonl.gz":
            yield from _iter_jsonl(path, max_page_bytes)
            return
        size = path.stat().st_size
        if suffix.endswith(".gz") or suffix == ".gz":
            with gzip.open(path, "rb") as fh:
                data = _read_capped(fh, max_page_bytes)
            inner = suffix[: -len(".gz")]
        else:
            if size > max_page_bytes:
                yield _error_page(source, "read", f"{size} bytes: larger than the "
                                  f"{max_page_bytes // (1024 * 1024)} MB page limit", "too-large")
                return
            data = path.read_bytes()
            inner = suffix
        is_html = True if inner in (".html", ".htm", ".shtml", ".xhtml") else (
            False if inner in (".txt", ".text") else None)
        yield page_from_bytes(data, source, is_html=is_html)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as e:
        kind = "too-large" if "limit" in str(e) else "corrupt"
        yield _error_page(source, "read", f"cannot read {source}: {e}", kind)


def _read_stdin(max_page_bytes: int) -> Iterator[Page]:
    try:
        data = _read_capped(sys.stdin.buffer, max_page_bytes)
    except ValueError as e:
        yield _error_page("<stdin>", "read", f"standard input {e}", "too-large")
        return
    yield page_from_bytes(data, "<stdin>")


def _iter_jsonl(path: Path, max_page_bytes: int) -> Iterator[Page]:
    opener = gzip.open if str(path).endswith(".gz") else open
    source = str(path)
    with opener(path, "rb") as fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline(max_page_bytes + 1)
            except (OSError, EOFError, zlib.error) as e:
                yield _error_page(f"{source}:{lineno + 1}", "read", f"cannot read line: {e}", "corrupt")
                return
            if not raw:
                return
            lineno += 1
            src = f"{source}:{lineno}"
            if len(raw) > max_page_bytes:
                # skip the rest of the overlong line
                while raw and not raw.endswith(b"\n"):
                    raw = fh.readline(max_page_bytes)
                yield _error_page(src, "read", "JSONL line larger than the page limit", "too-large")
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                yield _error_page(src, "read", f"invalid JSON on line {lineno}: {e}", "corrupt")
                continue
            if not isinstance(obj, dict):
                yield _error_page(src, "read", f"line {lineno} is not a JSON object", "corrupt")
                continue
            url = obj.get("url") if isinstance(obj.get("url"), str) else None
            extra = {k: obj[k] for k in ("title", "published") if isinstance(obj.get(k), str)}
            if isinstance(obj.get("html"), str):
                page = Page(source=src, content=utf8(obj["html"]), url=url,
                            encoding="utf-8", declared_encoding="utf-8", is_html=True,
                            record_id=str(lineno))
            elif isinstance(obj.get("text"), str):
                page = page_from_text(obj["text"], src, url, record_id=str(lineno))
            else:
                yield _error_page(src, "read", f"line {lineno} has neither 'text' nor 'html'", "corrupt")
                continue
            page.meta.update(extra)
            yield page


# -- WARC ---------------------------------------------------------------------------------

def _http_charset(record) -> tuple:
    ctype = None
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type")
    if ctype is None:
        ctype = record.rec_headers.get_header("Content-Type")
    return ctype


def _is_html_type(ctype: Optional[str]) -> Optional[bool]:
    """True/False from a Content-Type; None (sniff the bytes) when it says neither."""
    if not ctype:
        return None
    c = ctype.lower()
    if "html" in c or "xml" in c:
        return True
    if c.startswith("text/plain"):
        return False
    return None


def _content_stream(record):
    """``record.content_stream()`` with a small decompression block (HTTP Content-Encoding).

    warcio's own reader inflates 16 KB of compressed body at once, up to ~16 MB for a
    gzip bomb; reading ``_WARC_BLOCK`` bytes at a time keeps each step to a few MB.
    """
    from warcio.bufferedreaders import BufferedReader, ChunkedDataReader

    if not record.http_headers:
        return record.raw_stream
    encoding = record.http_headers.get_header("content-encoding")
    if encoding:
        encoding = encoding.lower()
        if encoding not in BufferedReader.get_supported_decompressors():
            encoding = None
    if record.http_headers.get_header("transfer-encoding") == "chunked":
        return ChunkedDataReader(record.raw_stream, decomp_type=encoding, block_size=_WARC_BLOCK)
    if encoding:
        return BufferedReader(record.raw_stream, decomp_type=encoding, block_size=_WARC_BLOCK)
    return record.raw_stream


def _leftover(fh, start: int, end: Optional[int]) -> bool:
    """True when the file holds another (cut) record from ``start`` on, before ``end``.

    For gzip files warcio's record lengths can be one byte long, so the check starts a byte
    early and looks for the magic number of a further gzip member; for plain WARC anything
    but blank lines is a record.
    """
    if end is not None and start >= end:
        return False
    try:
        fh.seek(0)
        gz = fh.read(2) == b"\x1f\x8b"
        fh.seek(max(0, start - 1) if gz else start)
        chunk = fh.read(65536)
    except (OSError, ValueError):
        return False
    if gz:
        return b"\x1f\x8b" in chunk
    return bool(chunk.strip(b"\r\n\t \x00"))


def warc_offsets(path: PathLike) -> list:
    """Start offsets of the WARC records in a file (each gzip member holds one record)."""
    from warcio.archiveiterator import ArchiveIterator

    offsets = []
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        try:
            for rec in it:
                offsets.append(it.get_record_offset())
        except Exception:
            pass
    return offsets


def iter_warc(path: PathLike, *, start_offset: int = 0, end_offset: Optional[int] = None,
              max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Iterator[Page]:
    """Pages from the response/resource records of a WARC file.

    ``start_offset``/``end_offset`` restrict reading to the records that start in that byte range
    (for partitioned batch runs). A corrupt or truncated record yields one error Page and ends
    the file (a gzip stream cannot be resynchronised safely).
    """
    from warcio.archiveiterator import ArchiveIterator

    path = Path(path)
    source = str(path)
    try:
        fh = open(path, "rb")
    except OSError as e:
        yield _error_page(source, "read", f"cannot open {source}: {e}", "missing")
        return
    n = 0
    last_end = start_offset  # where the last complete record ended
    with fh:
        if start_offset:
            fh.seek(start_offset)
        it = ArchiveIterator(fh, no_record_parse=False, check_digests=False, block_size=_WARC_BLOCK)
        while True:
            pos = None
            try:
                rec = next(it)
                data = too_large = None
                if rec.rec_type is None or rec.rec_headers.get_header("Content-Length") is None:
                    # warcio yields a record whose header block was cut short (truncated file)
                    raise EOFError("record headers cut short (no WARC-Type or Content-Length)")
                if rec.rec_type in ("response", "resource"):
                    try:
                        data = _read_capped(_content_stream(rec), max_page_bytes)
                    except ValueError as e:
                        too_large = str(e)
                    else:
                        # a record cut short (truncated file) leaves part of its declared length
                        missing = getattr(rec.raw_stream, "limit", 0) or 0
                        if missing > 0:
                            raise EOFError(f"record is {missing} bytes shorter than its "
                                           f"Content-Length (truncated file)")
                # the offset is known once the record is read (warcio reads to its end)
                pos = it.get_record_offset()  # absolute: warcio starts from fh.tell()
                last_end = pos + (it.get_record_length() or 0)
                if end_offset is not None and pos >= end_offset:
                    return
                n += 1
                if rec.rec_type not in ("response", "resource"):
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                rid = rec.rec_headers.get_header("WARC-Record-ID")
                date = rec.rec_headers.get_header("WARC-Date")
                src = url or f"{source}#{pos}"
                if rec.rec_type == "response" and rec.http_headers is None:
                    yield _error_page(src, "read", "WARC response without HTTP headers", "corrupt",
                                      url=url, record_id=rid, fetched=date)
                    continue
                if too_large:
                    yield _error_page(src, "read", f"WARC record {too_large}", "too-large", url=url,
                                      record_id=rid, fetched=date)
                    continue
                status = rec.http_headers.get_statuscode() if rec.http_headers is not None else None
                ctype = _http_charset(rec)
                page = page_from_bytes(data, src, url, record_id=rid, fetched=date,
                                       content_type=ctype, declared_encoding=ctype,
                                       is_html=_is_html_type(ctype))
                if status and not str(status).startswith("2"):
                    page.errors.append(ErrorEntry("read", f"HTTP status {status}", "http-status"))
                yield page
            except StopIteration:
                # warcio stops quietly when a record's headers are cut short (truncated file,
                # truncated gzip member): bytes after the last whole record are a lost document
                if _leftover(fh, last_end, end_offset):
                    yield _error_page(f"{source}#{last_end}", "read", "truncated or corrupt WARC "
                                      f"data after the last complete record (offset {last_end})",
                                      "corrupt")
                return
            except Exception as e:  # warcio/gzip/zlib raise many kinds on corrupt input
                where = f"{source}#{pos if pos is not None else 'record ' + str(n + 1)}"
                yield _error_page(where, "read", f"corrupt or truncated WARC record: "
                                  f"{type(e).__name__}: {e}", "corrupt")
                return


def iter_pages(paths: Iterable[PathLike], *, max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Iterator[Page]:
    """Every input document under ``paths`` as a Page (errors as error Pages, never raised)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in list_inputs(paths):
        yield from read_path(p, max_page_bytes=max_page_bytes)
