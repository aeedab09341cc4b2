"""Crawl targets: ``URL`` or ``SITE=BASEURL`` → start URLs and link rules.

Syntax (CLI and Python alike):

* ``http://host/path`` — a generic crawl of that host from that page, following in-site links
  (pagination included) and keeping article pages;
* ``SITE=BASEURL`` — a named adapter (``workercn``, ``epaper-founder``, ``epaper-workercn``,
  ``generic``) rooted at ``BASEURL``. E-paper adapters generate one start page per date in
  ``since..until`` (``html/YYYY-MM/DD/node_1.htm``; ``papers/grrb/YYYY/MM/DD/1/page.html``);
  without dates they start from ``BASEURL`` itself.

Rules come from ``resources/scrape/sites.json``.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional
from urllib.parse import urljoin, urlsplit

from .. import resources

__all__ = ["Target", "parse_target", "site_rules", "SITES", "date_range", "origin", "host_twins",
           "parse_host"]


@lru_cache(maxsize=1)
def site_rules() -> dict:
    return resources.read_json("scrape", "sites.json")


SITES = ("workercn", "epaper-founder", "epaper-workercn", "generic")


@dataclass
class Target:
    site: str
    base: str
    starts: list = field(default_factory=list)

    @property
    def host(self) -> str:
        return (urlsplit(self.base).hostname or "").lower()

    @property
    def origin(self) -> str:
        return origin(self.base)

    def to_dict(self) -> dict:
        return {"site": self.site, "base": self.base, "starts": list(self.starts)}


_DEFAULT_PORTS = {"http": 80, "https": 443}
#: the names one site goes by: a host is the same site as its www. and m. (mobile) twins
TWIN_PREFIXES = ("www.", "m.")
_HOST_RE = re.compile(r"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$")


def origin(url: str) -> str:
    """The site of a URL as the crawl tells sites apart: the host name, lowercased, with the port
    when it is not the scheme's default (``http://A.cn:8080/x`` → ``a.cn:8080``; ``http://a.cn/``
    and ``https://a.cn/`` are both ``a.cn``)."""
    p = urlsplit(url)
    host = (p.hostname or "").lower()
    try:
        port = p.port
    except ValueError:  # a port that is not a number
        return host
    if port is None or port == _DEFAULT_PORTS.get(p.scheme.lower()):
        return host
    return f"{host}:{port}"


def host_twins(site: str) -> set:
    """``site`` (an :func:`origin`) and its www./m. twins: ``example.cn`` → ``example.cn``,
    ``www.example.cn``, ``m.example.cn`` (the same for ``www.example.cn``). An IP address has
    no twins."""
    host, sep, port = site.partition(":")
    if not host or re.fullmatch(r"[\d.]+|\[.*\]", host) or "." not in host:
        return {site}
    bare = next((host[len(p):] for p in TWIN_PREFIXES if host.startswith(p) and "." in host[len(p):]), host)
    return {p + bare + sep + port for p in ("",) + TWIN_PREFIXES}


def parse_host(spec: str) -> str:
    """A host the user allows the crawl onto (``--allow-host``), as an :func:`origin`:
    ``news.example.cn``, ``example.cn:8080`` or a URL (``http://example.cn/``)."""
    value = (spec or "").strip()
    if "://" in value:
        value = origin(value)
    value = value.lower().rstrip("/")
    if not _HOST_RE.match(value):
        raise ValueError(f"not a host name (want host or host:port): {spec!r}")
    return value


def _parse_day(value) -> Optional[_dt.date]:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    m = re.match(r"^\s*(\d{4})-?(\d{1,2})-?(\d{1,2})\s*$", str(value))
    if not m:
        raise ValueError(f"not a date (want YYYY-MM-DD): {value!r}")
    return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def date_range(since, until, limit: int = 3660) -> list:
    """Days from ``since`` to ``until`` inclusive (``until`` defaults to ``since``)."""
    a, b = _parse_day(since), _parse_day(until)
    if a is None and b is None:
        return []
    a = a or b
    b = b or a
    if b < a:
        raise ValueError(f"until {b} is before since {a}")
    days = (b - a).days + 1
    if days > limit:
        raise ValueError(f"date range of {days} days exceeds {limit}")
    return [a + _dt.timedelta(days=i) for i in range(days)]


def parse_target(spec: str, since=None, until=None) -> Target:
    """Parse one target string (see module docstring)."""
    spec = (spec or "").strip()
    if not spec:
        raise ValueError("empty target")
    site, base = "generic", spec
    m = re.match(r"^([a-z][a-z0-9_-]*)=(.+)$", spec, re.I)
    if m and not re.match(r"^https?://", spec, re.I):
        site, base = m.group(1).lower(), m.group(2).strip()
    elif spec.lower() in SITES:
        raise ValueError(f"site {spec!r} needs a base URL: {spec}=http://host/")
    if site not in site_rules()["sites"]:
        raise ValueError(f"unknown site {site!r}; known: {', '.join(SITES)}")
    if not re.match(r"^https?://[^/\s]+", base, re.I):
        raise ValueError(f"not an http(s) URL: {base!r}")
    rules = site_rules()["sites"][site]
    starts = []
    days = date_range(since, until)
    if rules.get("start") and days:
        root = base if base.endswith("/") else base + "/"
        for d in days:
            starts.append(urljoin(root, rules["start"].format(Y=f"{d.year:04d}", m=f"{d.month:02d}",
                                                                 d=f"{d.day:02d}")))
    else:
        starts.append(base)
    return Target(site=site, base=base, starts=starts)
