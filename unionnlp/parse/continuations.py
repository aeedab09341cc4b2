"""Multi-page articles: which URLs continue which (``1001_2.html`` → ``1001.html``), and the
pages of a crawl grouped into one list per article, in reading order."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..records import Page

__all__ = ["continuation_of", "group_continuations"]

_CONT_RE = re.compile(r"^(?P<base>.*?)(?:_(?P<n>\d{1,2}))(?P<ext>\.s?html?)(?:[?#].*)?$", re.I)


def continuation_of(url: Optional[str]) -> Optional[tuple[str, int]]:
    """``(first-page URL, page number)`` when ``url`` is a continuation page (``1001_2.html`` →
    ``1001.html``, 2; ``content_7_2.htm`` → ``content_7.htm``, 2; ``index_1.html`` →
    ``index.html``, 2), else None. The part before ``_N`` must end in a digit (an article id) or
    be ``index``: ``content_3.htm`` is article 3, not page 3."""
    if not url:
        return None
    m = _CONT_RE.match(url)
    if not m:
        return None
    n = int(m.group("n"))
    base = m.group("base") + m.group("ext")
    stem = m.group("base").rsplit("/", 1)[-1]
    if not (stem == "index" or stem[-1:].isdigit()):
        return None  # content_3.htm is article 3, not page 3
    if stem == "index":
        return base, n + 1  # index_1.html is the second page
    if n < 2:
        return None
    return base, n


def group_continuations(pages: Iterable[Page]) -> list[list[Page]]:
    """Group pages so each group is one article's pages in reading order."""
    pages = list(pages)
    firsts: dict = {}
    groups: list = []
    conts: dict = {}
    for p in pages:
        c = continuation_of(p.url)
        if c:
            conts.setdefault(c[0], []).append((c[1], p))
        else:
            g = [p]
            groups.append(g)
            if p.url:
                firsts[p.url] = g
    for base, items in conts.items():
        items.sort(key=lambda x: x[0])
        if base in firsts:
            firsts[base].extend(p for _, p in items)
        else:
            groups.append([p for _, p in items])
    return groups
