"""Append request/response pairs to a WARC segment, flushed and fsynced per record."""
from __future__ import annotations

import datetime as _dt
import io
import os
import pathlib
from typing import Optional

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

__all__ = ["WarcSegment"]

_HOP = {"content-encoding", "transfer-encoding", "content-length", "connection", "keep-alive"}


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class WarcSegment:
    """One ``crawl-<UTC time>-<pid>.warc.gz`` file in the crawl folder (name never from a URL)."""

    def __init__(self, out: os.PathLike):
        out = pathlib.Path(out)
        stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        self.path = out / f"crawl-{stamp}-{os.getpid()}.warc.gz"
        self._fh = None
        self._writer = None
        self.records = 0

    def _open(self):
        if self._fh is None:
            self._fh = open(self.path, "ab")
            self._writer = WARCWriter(self._fh, gzip=True)

    def _flush(self):
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def write(self, url: str, status: int, reason: str, resp_headers: list, body: bytes,
              method: str = "GET", req_headers: Optional[list] = None, date: Optional[str] = None) -> None:
        """Write a request record and its response record (body already decoded from gzip etc.)."""
        self._open()
        date = date or _now()
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        rh = [(k, v) for k, v in (req_headers or []) if k.lower() not in _HOP]
        if not any(k.lower() == "host" for k, _ in rh):
            rh.insert(0, ("Host", parts.netloc))
        req = self._writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(f"{method} {path} HTTP/1.1", rh, is_http_request=True),
            warc_headers_dict={"WARC-Date": date},
        )
        headers = [(k, v) for k, v in resp_headers if k.lower() not in _HOP]
        headers.append(("Content-Length", str(len(body))))
        resp = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=StatusAndHeaders(f"{status} {reason or 'OK'}", headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": date},
        )
        req.rec_headers.add_header("WARC-Concurrent-To", resp.rec_headers.get_header("WARC-Record-ID"))
        self._writer.write_record(req)
        self._flush()
        self._writer.write_record(resp)
        self._flush()
        self.records += 1

    def close(self):
        if self._fh is not None:
            self._fh.close()
            self._fh = None
