"""WARC files (``.warc``, ``.warc.gz``, ``.arc.gz``): response and resource records → Pages, via
warcio.

A corrupt or truncated record yields one error Page and ends the file (a gzip stream cannot be
resynchronised safely); bytes after the last whole record are reported, never dropped. Record
bodies are read with a small decompression block and a byte cap, so a gzip bomb inside a record
or its HTTP ``Content-Encoding`` costs at most the cap.
"""
from __future__ import annotations

from pathlib import Path
import os
from typing import Iterator, Optional, Union

from ..errors import InputTooLarge
from ..records import ErrorEntry, Page
from .files import DEFAULT_MAX_PAGE_BYTES, open_regular, read_capped
from .pages import error_page, open_or_error, page_from_bytes

__all__ = ["iter_warc", "warc_offsets", "WARC_SUFFIXES"]

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")

#: compressed bytes warcio reads at a time: deflate inflates up to ~1000:1, so this bounds the
#: memory one read of a gzip bomb takes (4 KB → at most ~4 MB per step)
_WARC_BLOCK = 4096


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


def warc_offsets(path: Union[str, os.PathLike]) -> list:
    """Start offsets of the WARC records in a file (each gzip member holds one record); empty
    when the path is not a regular file or cannot be opened (reading it then says why)."""
    from warcio.archiveiterator import ArchiveIterator

    offsets = []
    try:
        fh = open_regular(path)
    except OSError:  # NotARegularFile included
        return offsets
    with fh:
        it = ArchiveIterator(fh)
        try:
            for rec in it:
                offsets.append(it.get_record_offset())
        except Exception:
            pass
    return offsets


def iter_warc(path: Union[str, os.PathLike], *, start_offset: int = 0, end_offset: Optional[int] = None,
              max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Iterator[Page]:
    """Pages from the response/resource records of a WARC file.

    ``start_offset``/``end_offset`` restrict reading to the records that start in that byte range
    (for partitioned batch runs). A corrupt or truncated record yields one error Page and ends
    the file (a gzip stream cannot be resynchronised safely).
    """
    from warcio.archiveiterator import ArchiveIterator

    path = Path(path)
    source = str(path)
    fh, failed = open_or_error(path, source, "missing")
    if failed is not None:
        yield failed
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
                        data = read_capped(_content_stream(rec), max_page_bytes)
                    except InputTooLarge as e:
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
                    yield error_page(src, "read", "WARC response without HTTP headers", "corrupt",
                                      url=url, record_id=rid, fetched=date)
                    continue
                if too_large:
                    yield error_page(src, "read", f"WARC record {too_large}", "too-large", url=url,
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
                    yield error_page(f"{source}#{last_end}", "read", "truncated or corrupt WARC "
                                      f"data after the last complete record (offset {last_end})",
                                      "corrupt")
                return
            except Exception as e:  # warcio/gzip/zlib raise many kinds on corrupt input
                where = f"{source}#{pos if pos is not None else 'record ' + str(n + 1)}"
                yield error_page(where, "read", f"corrupt or truncated WARC record: "
                                  f"{type(e).__name__}: {e}", "corrupt")
                return
