"""Crawling without writing Scrapy code: ``unionnlp.crawl(targets, out, ...)``.

Each call runs Scrapy in a child interpreter (``python -m unionnlp.scrape.run``) because the
Twisted reactor cannot restart within one process; notebooks and tests may call it repeatedly.

Output folder layout (what ``unionnlp.io.readers`` reads):

* ``DIR/crawl-<UTC>-<pid>.warc.gz`` — one WARC per run segment: a ``request`` and a ``response``
  record (``WARC-Target-URI``, ``WARC-Date``) for every kept article page, flushed per record;
* ``DIR/crawl-log.jsonl`` — one line per fetched or failed URL
  (``url, status, error, retries, time, elapsed, kept, final``);
* ``DIR/.state/`` — hidden crawl state: Scrapy ``JOBDIR``, ``links.jsonl`` (out-links of every
  finished page), ``scrapy.log``, ``summary.json``, ``config.json``.

Resume: run again with the same ``out``. Finished URLs (WARC responses + final log lines) are not
fetched again; their stored out-links are re-expanded, so nothing queued but unfetched is lost,
even after a hard kill (a WARC cut mid-record is truncated back to its last whole record).
"""
from __future__ import annotations

import json
import os
import pathlib
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Iterable, Optional, Union

from .settings import DEFAULTS
from .targets import Target, parse_host, parse_target

__all__ = ["crawl", "prepare", "CrawlResult", "parse_target", "Target", "DEFAULTS"]


@dataclass
class CrawlResult:
    """What one crawl run did (``fetched``/``kept``/``errors`` count this run only)."""

    out: str
    returncode: int
    fetched: int = 0
    kept: int = 0
    errors: int = 0
    reason: Optional[str] = None
    warc: Optional[str] = None
    repaired: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def _iso(day) -> Optional[str]:
    from .targets import _parse_day

    d = _parse_day(day)
    return d.isoformat() if d else None


def child_env() -> dict:
    """Environment for the child interpreter: this package importable first."""
    env = dict(os.environ)
    pkg_root = str(pathlib.Path(__file__).resolve().parent.parent.parent)
    env["PYTHONPATH"] = pkg_root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def prepare(targets, out, max_pages=None, since=None, until=None, delay=None, **options):
    """Validate the options and write ``OUT/.state/config.json`` for the child process;
    returns ``(config path, out folder)``. ``python -m unionnlp.scrape.run CONFIG`` runs it."""
    if isinstance(targets, (str, bytes)):
        targets = [targets]
    since_s, until_s = _iso(since), _iso(until)
    parsed = [parse_target(t, since_s, until_s) for t in targets]
    if not parsed:
        raise ValueError("no targets")
    if max_pages is not None and int(max_pages) < 0:
        raise ValueError("max_pages must be >= 0")
    if options.get("allowed_hosts") is not None:
        hosts = options["allowed_hosts"]
        options["allowed_hosts"] = [parse_host(h) for h in ([hosts] if isinstance(hosts, str) else hosts)]
    outp = pathlib.Path(out).expanduser().resolve()
    state = outp / ".state"
    state.mkdir(parents=True, exist_ok=True)
    config = {
        "out": str(outp), "targets": [t.to_dict() for t in parsed],
        "max_pages": int(max_pages) if max_pages is not None else None,
        "since": since_s, "until": until_s, "delay": delay,
        **{k: v for k, v in options.items()},
    }
    cfg_path = state / "config.json"
    cfg_path.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = state / "summary.json"
    if summary.exists():
        summary.unlink()
    return cfg_path, outp


def crawl(
    targets: Union[str, Iterable[str]],
    out: Union[str, os.PathLike],
    max_pages: Optional[int] = None,
    since=None,
    until=None,
    delay: Optional[float] = None,
    *,
    timeout: Optional[float] = None,
    max_size: Optional[int] = None,
    max_redirects: Optional[int] = None,
    retries: Optional[int] = None,
    backoff: Optional[float] = None,
    concurrency: Optional[int] = None,
    obey_robots: Optional[bool] = None,
    http_cache: Optional[bool] = None,
    autothrottle: Optional[bool] = None,
    user_agent: Optional[str] = None,
    log_level: Optional[str] = None,
    wall_timeout: Optional[float] = None,
    allowed_hosts: Optional[Iterable[str]] = None,
) -> CrawlResult:
    """Crawl ``targets`` into the folder ``out``.

    ``targets``: URLs (crawl that host from there) and/or ``SITE=BASEURL`` (``workercn``,
    ``epaper-founder``, ``epaper-workercn``, ``generic``); see :mod:`unionnlp.scrape.targets`.
    ``max_pages``: network fetches this run (robots.txt excluded); the rest waits for the next
    run. ``since``/``until`` (``YYYY-MM-DD``): e-paper issues to fetch; for other sites, pages
    whose URL carries a date outside the range are skipped. ``delay``: seconds between requests
    to a host (default 1.0; AutoThrottle adapts above it). Limits, with defaults in
    :data:`DEFAULTS`: ``timeout`` (30 s), ``max_size`` (20 MiB), ``max_redirects`` (5),
    ``retries`` (3, exponential ``backoff`` from 1 s). ``wall_timeout``: kill the child after
    this many seconds (it can be resumed).

    The crawl stays on its targets' sites (host, and port when not the default): links to other
    hosts are not followed, and a redirect may only move to a target's host or its ``www.``/``m.``
    twin (a site that moved there is then crawled there too). A redirect anywhere else is not
    fetched and is logged as ``OffsiteRedirect``. ``allowed_hosts``: more hosts (``host`` or
    ``host:port``) to follow links and redirects onto.
    """
    cfg_path, outp = prepare(
        targets, out, max_pages=max_pages, since=since, until=until, delay=delay, timeout=timeout,
        max_size=max_size, max_redirects=max_redirects, retries=retries, backoff=backoff,
        concurrency=concurrency, obey_robots=obey_robots, http_cache=http_cache,
        autothrottle=autothrottle, user_agent=user_agent, log_level=log_level,
        allowed_hosts=allowed_hosts)
    summary_path = outp / ".state" / "summary.json"
    env = child_env()
    proc = subprocess.Popen([sys.executable, "-m", "unionnlp.scrape.run", str(cfg_path)], env=env)
    try:
        rc = proc.wait(timeout=wall_timeout)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGINT)  # graceful: Scrapy saves JOBDIR
        try:
            rc = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = proc.wait()
    except BaseException:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        raise
    res = CrawlResult(out=str(outp), returncode=rc)
    if summary_path.exists():
        s = json.loads(summary_path.read_text(encoding="utf-8"))
        res.fetched, res.kept, res.errors = s.get("fetched", 0), s.get("kept", 0), s.get("errors", 0)
        res.reason, res.warc, res.repaired = s.get("reason"), s.get("warc"), s.get("repaired") or []
    return res
