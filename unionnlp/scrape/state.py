"""Crawl folder layout and resume state.

``DIR/*.warc.gz``     one WARC file per run segment (request + response records, flushed per record)
``DIR/crawl-log.jsonl`` one line per finished or failed URL: url, status, error, retries, time, kept
``DIR/.state/``        JOBDIR (Scrapy scheduler queue), ``links.jsonl`` (out-links of finished pages,
                       so a resumed crawl re-expands them without fetching again), summary.json

On restart the finished set is rebuilt from the WARC response records and the log; a WARC whose
last gzip member was cut by a kill is truncated back to its last complete record first.
"""
from __future__ import annotations

import json
import os
import pathlib
from typing import Iterable

__all__ = ["CrawlState", "repair_warc", "warc_response_uris", "STATE_DIR", "LOG_NAME"]

STATE_DIR = ".state"
LOG_NAME = "crawl-log.jsonl"


def _gzip_good_prefix(path: pathlib.Path, chunk: int = 1 << 20) -> int:
    """Length of the prefix of a multi-member gzip file made of complete members."""
    import zlib

    good = 0
    pos = 0
    d = zlib.decompressobj(31)
    with open(path, "rb") as fh:
        pending = b""
        while True:
            data = pending or fh.read(chunk)
            pending = b""
            if not data:
                break
            try:
                d.decompress(data)
            except zlib.error:
                return good
            if d.eof:
                rest = d.unused_data
                pos += len(data) - len(rest)
                good = pos
                d = zlib.decompressobj(31)
                pending = rest
            else:
                pos += len(data)
    return good


def repair_warc(path: pathlib.Path) -> int:
    """Truncate a ``.warc.gz`` after its last complete gzip member (= record); returns the
    number of bytes removed (0 if intact). The cut tail is kept in ``.state/`` for inspection."""
    path = pathlib.Path(path)
    if not path.name.endswith(".gz"):
        return 0
    size = path.stat().st_size
    good = _gzip_good_prefix(path)
    if good >= size:
        return 0
    with open(path, "r+b") as fh:
        fh.seek(good)
        tail = fh.read()
        fh.truncate(good)
    keep = path.parent / STATE_DIR / f"{path.name}.cut-{good}"
    try:
        keep.parent.mkdir(exist_ok=True)
        keep.write_bytes(tail)
    except OSError:
        pass
    return size - good


def warc_response_uris(path: pathlib.Path) -> set:
    """Target URIs of the response records in one WARC file (tolerates a damaged tail)."""
    from warcio.archiveiterator import ArchiveIterator

    out = set()
    try:
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type == "response":
                    uri = rec.rec_headers.get_header("WARC-Target-URI")
                    if uri:
                        out.add(uri)
    except Exception:
        pass
    return out


def _iter_jsonl(path: pathlib.Path) -> Iterable[dict]:
    if not path.exists():
        return
    with open(path, "r", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by a kill


class CrawlState:
    """The finished-URL set and out-links of a crawl folder (rebuilt from disk)."""

    def __init__(self, out: os.PathLike):
        self.out = pathlib.Path(out)
        self.state = self.out / STATE_DIR
        self.finished: set = set()
        self.links: dict = {}
        self.kept: set = set()
        self.repaired: list = []

    def load(self) -> "CrawlState":
        self.out.mkdir(parents=True, exist_ok=True)
        self.state.mkdir(parents=True, exist_ok=True)
        for w in sorted(self.out.glob("*.warc.gz")) + sorted(self.out.glob("*.warc")):
            cut = repair_warc(w)
            if cut:
                self.repaired.append((w.name, cut))
            uris = warc_response_uris(w)
            self.kept |= uris
            self.finished |= uris
        for rec in _iter_jsonl(self.out / LOG_NAME):
            # finished = fetched (any HTTP status) or refused by rule; transport failures retry
            if rec.get("url") and rec.get("final"):
                if rec.get("kept") and (rec.get("final_url") or rec["url"]) not in self.kept:
                    continue  # its WARC record was lost (cut tail): fetch it again
                self.finished.add(rec["url"])
                if rec.get("final_url"):
                    self.finished.add(rec["final_url"])
        for rec in _iter_jsonl(self.state / "links.jsonl"):
            if rec.get("url"):
                self.links[rec["url"]] = rec.get("links") or []
        return self

    def is_finished(self, url: str) -> bool:
        return url in self.finished
