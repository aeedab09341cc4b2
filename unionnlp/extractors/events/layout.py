"""Sentences, clauses and paragraphs of a text, seen with its named things masked.

Verbs and frames are looked for in a *masked* copy of the text: every campaign mention and
every quotation is replaced by ``CAMPAIGN_MASK`` and every organization mention by
``ORG_MASK`` (same length, so offsets stay those of the text). A campaign named “培育千名创业者、带动万人再就业” then neither
holds the verb 带动 nor ends a clause at its 、, and 市委组织部 does not read as the verb 组织.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterable

__all__ = ["Layout", "CAMPAIGN_MASK", "ORG_MASK"]

CAMPAIGN_MASK = "□"
ORG_MASK = "◇"

#: a quotation: its content is masked like a campaign name (its commas end no clause)
_QUOTED = re.compile(r"“[^“”\n]{1,60}”")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CLAUSE_END = re.compile(r"[，,：:。！？!?；;\n]")


def _mask(text: str, spans: Iterable[tuple], char: str, chars: list) -> None:
    for start, end in spans:
        if start is None or end is None:
            continue
        start, end = max(0, start), min(len(text), end)
        chars[start:end] = char * max(0, end - start)


class Layout:
    """Offsets of sentence, clause and paragraph boundaries of one text."""

    def __init__(self, text: str, campaigns=(), organizations=()):
        self.text = text
        chars = list(text)
        _mask(text, ((m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(text)),
              CAMPAIGN_MASK, chars)
        _mask(text, ((o.start, o.end) for o in organizations), ORG_MASK, chars)
        _mask(text, ((c.start, c.end) for c in campaigns), CAMPAIGN_MASK, chars)
        self.masked = "".join(chars)
        self._sentence_ends = [m.end() for m in _SENTENCE_END.finditer(self.masked)]
        self._clause_ends = [m.end() for m in _CLAUSE_END.finditer(self.masked)]
        self._paragraph_ends = [m.end() for m in re.finditer(r"\n", self.masked)]

    @staticmethod
    def _around(ends: list, pos: int, n: int) -> tuple:
        i = bisect.bisect_right(ends, pos)
        start = ends[i - 1] if i > 0 else 0
        end = ends[i] if i < len(ends) else n
        return start, end

    def sentence(self, pos: int) -> tuple:
        """(start, end) of the sentence holding ``pos`` (the end includes its punctuation)."""
        return self._around(self._sentence_ends, pos, len(self.text))

    def clause(self, pos: int) -> tuple:
        """(start, end) of the clause holding ``pos``: between commas, colons and sentence ends."""
        return self._around(self._clause_ends, pos, len(self.text))

    def paragraph(self, pos: int) -> tuple:
        """(start, end) of the line holding ``pos``."""
        return self._around(self._paragraph_ends, pos, len(self.text))

    def sentences(self, start: int = 0, end: int = None) -> list:
        """(start, end) of the sentences that begin in [start, end)."""
        end = len(self.text) if end is None else end
        bounds = [0] + self._sentence_ends
        out = []
        for i, s in enumerate(bounds):
            if s >= end:
                break
            e = bounds[i + 1] if i + 1 < len(bounds) else len(self.text)
            if s >= start and e > s:
                out.append((s, e))
        return out

    def clause_starts(self, start: int, end: int) -> list:
        """Starts of the clauses that begin in [start, end) (``start`` itself included)."""
        i = bisect.bisect_right(self._clause_ends, start)
        out = [start]
        while i < len(self._clause_ends) and self._clause_ends[i] < end:
            out.append(self._clause_ends[i])
            i += 1
        return out
