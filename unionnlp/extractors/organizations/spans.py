"""Spans sorted by start, for windowed look-ups."""
from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass
from typing import Sequence


_START_END = operator.attrgetter("start", "end")


class _Index:
    """Spans sorted by start, for windowed look-ups (keeps extraction linear in the text)."""

    REACH = 32  # no place or org name is longer than this

    def __init__(self, items: Sequence) -> None:
        self.items = sorted(items, key=_START_END)
        self.starts = [x.start for x in self.items]

    def within(self, lo: int, hi: int) -> list:
        """Items that overlap [lo, hi)."""
        starts = self.starts
        i = bisect.bisect_left(starts, lo - self.REACH)
        j = bisect.bisect_left(starts, hi, i)
        if i == j:
            return []
        return [x for x in self.items[i:j] if x.end > lo]

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether an item overlaps [lo, hi) (:meth:`within` without building the list)."""
        starts = self.starts
        if not starts:
            return False
        items = self.items
        for k in range(bisect.bisect_left(starts, lo - self.REACH), bisect.bisect_left(starts, hi)):
            if items[k].end > lo:
                return True
        return False


@dataclass
class _Span:
    start: int
    end: int
