"""Crawling limits against a hostile local site: endless redirects, endless bodies, servers
that hang after the headers, huge declared Content-Length, path-traversal URLs.

The crawl must finish within its documented limits (``timeout``, ``max_size``,
``max_redirects``, ``retries``, ``wall_timeout``), log each failure, keep the good page, and
write nothing outside its output folder.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from unionnlp import scrape

ARTICLE = ("<html><head><meta charset='utf-8'><title>职工入会</title></head><body><h1>职工入会</h1>"
           + "<p>扬州市总工会开展“送温暖”活动，2019年全市职工入会率达99%，会员42万余人。</p>" * 12
           + "</body></html>").encode("utf-8")
D = "/c/2023-11-20"


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    stop = threading.Event()

    def log_message(self, *a):  # quiet
        pass

    def _send(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        if not any(k.lower() == "content-length" for k, _ in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        p = self.path.split("?")[0]
        try:
            if p in ("/", "/index.html"):
                links = ["1001.shtml", "2001.shtml", "3001.shtml", "4001.shtml", "5001.shtml",
                         "..%2f..%2f..%2f..%2fescape6001.shtml", "../../../../../escape7001.shtml",
                         "%2e%2e/%2e%2e/escape8001.shtml", "9001.shtml?id=1&x=/../../../etc/passwd"]
                body = "".join(f'<a href="{D}/{l}">{l}</a><br>' for l in links)
                return self._send(200, f"<html><body>{body}</body></html>".encode(),
                                  [("Content-Type", "text/html; charset=utf-8")])
            if p == "/robots.txt":
                return self._send(404)
            if p == f"{D}/1001.shtml":  # the good article
                return self._send(200, ARTICLE, [("Content-Type", "text/html; charset=utf-8")])
            if p.startswith(f"{D}/2001"):  # redirects forever
                n = int(self.path.rsplit("=", 1)[-1]) if "=" in self.path else 0
                return self._send(302, b"", [("Location", f"{D}/2001.shtml?n={n + 1}")])
            if p == f"{D}/3001.shtml":  # endless body, no length
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = "<p>工会".encode() * 2000
                t0 = time.monotonic()
                while not self.stop.is_set() and time.monotonic() - t0 < 60:
                    self.wfile.write(chunk)
                return
            if p == f"{D}/4001.shtml":  # headers, then nothing
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "5000")
                self.end_headers()
                self.wfile.flush()
                self.stop.wait(60)
                return
            if p == f"{D}/5001.shtml":  # a huge declared length
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(10**12))
                self.end_headers()
                self.wfile.write(b"<p>" + b"a" * 1000)
                self.stop.wait(60)
                return
            return self._send(200, ARTICLE, [("Content-Type", "text/html; charset=utf-8")])
        except (BrokenPipeError, ConnectionResetError):
            return


@pytest.fixture
def hostile():
    _Hostile.stop.clear()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    srv.daemon_threads = True
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}/"
    finally:
        _Hostile.stop.set()
        srv.shutdown()
        srv.server_close()


def _log(out: Path) -> list:
    f = out / "crawl-log.jsonl"
    return [json.loads(l) for l in f.read_text("utf-8").splitlines() if l.strip()] if f.exists() else []


@pytest.mark.timeout(150)
def test_hostile_site_is_cut_off_by_documented_limits(hostile, tmp_path):
    sandbox = tmp_path / "sandbox"
    out = sandbox / "crawl"
    sandbox.mkdir()
    t0 = time.monotonic()
    res = scrape.crawl([hostile], out, delay=0, timeout=2, max_size=64 * 1024, max_redirects=3,
                       retries=0, concurrency=4, obey_robots=False, wall_timeout=90)
    elapsed = time.monotonic() - t0
    assert elapsed < 80, f"the crawl took {elapsed:.0f} s: a limit did not hold"
    assert res.ok, res
    log = _log(out)
    by_url = {r["url"]: r for r in log}
    base = hostile.rstrip("/")
    # each hostile page is logged as a failure, never kept
    for name, words in (("2001", ("redirect",)), ("3001", ("size", "cancel")),
                        ("4001", ("timeout", "longer than")), ("5001", ("size", "cancel"))):
        rows = [r for u, r in by_url.items() if f"/{name}.shtml" in u]
        assert rows, f"{name} is not in the crawl log: {sorted(by_url)}"
        assert all(not r.get("kept") for r in rows), (name, rows)
        assert any(any(w in (r.get("error") or "").lower() for w in words) for r in rows), (name, rows)
    # the good page is in the WARC, and reading it gives a record
    from unionnlp.io.readers import iter_pages

    pages = [p for p in iter_pages([out]) if p.url]
    assert any(p.url == f"{base}{D}/1001.shtml" and not p.errors for p in pages), \
        [(p.url, p.errors) for p in pages]
    # nothing outside the output folder
    outside = [p for p in sandbox.rglob("*") if out not in p.parents and p != out]
    assert not outside, outside


def test_crawl_limits_are_documented_and_configurable():
    from unionnlp.scrape.settings import DEFAULTS, scrapy_settings

    for k in ("timeout", "max_size", "max_redirects", "retries"):
        assert k in DEFAULTS, k
    s = scrapy_settings({"out": "/tmp/x", "timeout": 3, "max_size": 1000, "max_redirects": 2,
                         "retries": 0})
    assert s["DOWNLOAD_TIMEOUT"] == 3 and s["DOWNLOAD_MAXSIZE"] == 1000
    assert s["REDIRECT_MAX_TIMES"] == 2 and s["RETRY_TIMES"] == 0
