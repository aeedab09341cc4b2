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
import time
from dataclasses import dataclass, field
from typing import Iterable, Optional, Union

from .settings import DEFAULTS
from .state import LOG_NAME
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
    restarts: int = 0  # stalled runs stopped and resumed in a fresh process

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


def require_scrapy() -> None:
    """Scrapy is an extra (``unionnlp[crawl]``): say so instead of failing in the child."""
    try:
        import scrapy  # noqa: F401 - only whether it imports
    except ImportError as exc:
        from ..errors import BackendUnavailable

        raise BackendUnavailable("crawling needs Scrapy, which is not installed: "
                                 "pip install 'unionnlp[crawl]'") from exc


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
    stall_timeout: Optional[float] = None,
) -> CrawlResult:
    """Crawl ``targets`` into the folder ``out``.

    ``targets``: URLs (crawl that host from there) and/or ``SITE=BASEURL`` (``workercn``,
    ``epaper-founder``, ``epaper-workercn``, ``generic``); see :mod:`unionnlp.scrape.targets`.
    ``max_pages``: network fetches this run (robots.txt excluded); the rest waits for the next
    run. ``since``/``until`` (``YYYY-MM-DD``): e-paper issues to fetch; for other sites, pages
    whose URL carries a date outside the range are skipped. ``delay``: seconds between requests
    to a host (default 1.0; AutoThrottle adapts above it). Limits, with defaults in
    :data:`DEFAULTS`: ``timeout`` (30 s), ``max_size`` (20 MiB), ``max_redirects`` (5),
    ``retries`` (3, exponential ``backoff`` from 1 s). ``wall_timeout``: stop the crawl after
    this many seconds (it can be resumed). ``stall_timeout``: a run in which nothing moves (no
    log line, no page, no WARC growth) for this many seconds (default
    :func:`default_stall_timeout`) is stopped with its state kept and resumed in a fresh process,
    at most :data:`MAX_STALL_RESTARTS` times; ``CrawlResult.restarts`` counts them and
    ``reason`` is ``stalled`` when the last run stalled too.

    The crawl stays on its targets' sites (host, and port when not the default): links to other
    hosts are not followed, and a redirect may only move to a target's host or its ``www.``/``m.``
    twin (a site that moved there is then crawled there too). A redirect anywhere else is not
    fetched and is logged as ``OffsiteRedirect``. ``allowed_hosts``: more hosts (``host`` or
    ``host:port``) to follow links and redirects onto.
    """
    require_scrapy()
    cfg_path, outp = prepare(
        targets, out, max_pages=max_pages, since=since, until=until, delay=delay, timeout=timeout,
        max_size=max_size, max_redirects=max_redirects, retries=retries, backoff=backoff,
        concurrency=concurrency, obey_robots=obey_robots, http_cache=http_cache,
        autothrottle=autothrottle, user_agent=user_agent, log_level=log_level,
        allowed_hosts=allowed_hosts)
    summary_path = outp / ".state" / "summary.json"
    stall = stall_timeout if stall_timeout is not None else default_stall_timeout(
        timeout=timeout, retries=retries, backoff=backoff)
    started = time.monotonic()
    restarts, stalled = 0, False
    while True:
        left = None if wall_timeout is None else max(0.0, wall_timeout - (time.monotonic() - started))
        rc, stalled = _run_child(cfg_path, outp, wall_timeout=left, stall=stall)
        if not stalled or restarts >= MAX_STALL_RESTARTS:
            break
        restarts += 1  # a stalled run is stopped (its state kept) and resumed in a fresh process
    res = CrawlResult(out=str(outp), returncode=rc)
    if summary_path.exists():
        s = json.loads(summary_path.read_text(encoding="utf-8"))
        res.fetched, res.kept, res.errors = s.get("fetched", 0), s.get("kept", 0), s.get("errors", 0)
        res.reason, res.warc, res.repaired = s.get("reason"), s.get("warc"), s.get("repaired") or []
    res.restarts = restarts
    if stalled:
        res.reason = "stalled"
    return res


#: how often a stalled crawl is resumed in a fresh process before :func:`crawl` gives up
MAX_STALL_RESTARTS = 2


def default_stall_timeout(*, timeout=None, retries=None, backoff=None) -> float:
    """Seconds without any sign of progress (a log line, a page's links, the WARC growing) after
    which a crawl run counts as stalled: twice the longest one URL may take with its retries and
    their backoff, and at least a minute."""
    t = float(timeout if timeout is not None else DEFAULTS["timeout"])
    n = int(retries if retries is not None else DEFAULTS["retries"])
    b = float(backoff if backoff is not None else DEFAULTS["backoff"])
    waits = sum(min(30.0, b * 2 ** k) for k in range(n))
    return max(60.0, 2 * (t * (n + 1) + waits))


def _last_activity(outp: pathlib.Path) -> float:
    """The latest modification time of the files a working crawl keeps writing."""
    paths = [outp / LOG_NAME, outp / ".state" / "links.jsonl", *outp.glob("*.warc.gz")]
    times = []
    for p in paths:
        try:
            times.append(p.stat().st_mtime)
        except OSError:
            pass
    return max(times, default=0.0)


def _stop(proc, grace: float = 30.0) -> int:
    """Stop a crawl child: SIGINT (graceful: Scrapy saves JOBDIR), after ``grace`` seconds a
    second SIGINT (Scrapy's forced shutdown: a stuck download holds the graceful one), then
    SIGKILL. Finished pages are in the log and links files either way, so the crawl resumes."""
    for sig, wait in ((signal.SIGINT, grace), (signal.SIGINT, 5.0)):
        try:
            proc.send_signal(sig)
            return proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        except ProcessLookupError:
            break
    proc.kill()
    return proc.wait()


def _run_child(cfg_path, outp: pathlib.Path, *, wall_timeout: Optional[float],
               stall: Optional[float]) -> tuple:
    """Run one crawl child to its end; ``(returncode, stalled)``. The child is stopped (its
    state kept, so the crawl can resume) after ``wall_timeout`` seconds, or when nothing has
    moved for ``stall`` seconds: a download that never answers nor times out (a half-open
    connection, a stuck queue after a kill) must not hold the crawl forever."""
    proc = subprocess.Popen([sys.executable, "-m", "unionnlp.scrape.run", str(cfg_path)],
                            env=child_env())
    t0 = time.monotonic()
    since = time.time()
    try:
        while True:
            try:
                return proc.wait(timeout=1.0), False
            except subprocess.TimeoutExpired:
                pass
            if wall_timeout is not None and time.monotonic() - t0 > wall_timeout:
                return _stop(proc), False
            if stall and time.time() - max(since, _last_activity(outp)) > stall:
                return _stop(proc, grace=min(10.0, stall)), True
    except BaseException:
        _stop(proc)
        raise
