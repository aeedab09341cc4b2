"""Site adapters: CSS selectors per site family, loaded from ``resources/parse/sites.json``."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .. import resources

__all__ = ["Adapter", "adapters", "adapter_for", "select_first"]


@dataclass
class Adapter:
    name: str
    url: re.Pattern
    body: list = field(default_factory=list)
    title: list = field(default_factory=list)
    pretitle: list = field(default_factory=list)
    subtitle: list = field(default_factory=list)
    info: list = field(default_factory=list)
    page_label: list = field(default_factory=list)
    epaper: bool = False
    min_chars: int = 20


@lru_cache(maxsize=1)
def adapters() -> tuple:
    data = resources.read_json("parse", "sites.json")
    out = []
    for a in data["adapters"]:
        a = dict(a)
        a["url"] = re.compile(a["url"], re.I)
        out.append(Adapter(**a))
    return tuple(out)


def adapter_for(url: Optional[str]) -> list:
    """Adapters whose URL pattern matches, most specific first (file order)."""
    if not url:
        return [a for a in adapters() if a.url.pattern == "."]
    return [a for a in adapters() if a.url.search(url)]


@lru_cache(maxsize=256)
def _css(sel: str):
    from lxml.cssselect import CSSSelector

    try:
        return CSSSelector(sel)
    except Exception:  # bad selector in data: ignore it
        return None


def select_first(doc, selectors) -> list:
    """Elements of the first selector that matches anything."""
    for sel in selectors:
        c = _css(sel)
        if c is None:
            continue
        found = c(doc)
        if found:
            return found
    return []
