"""Sentences, clauses and paragraphs of a text, seen with its named things masked.

Verbs and frames are looked for in a *masked* copy of the text: every campaign mention and
every quotation is replaced by ``CAMPAIGN_MASK`` and every organization mention by
``ORG_MASK`` (same length, so offsets stay those of the text). A campaign named “培育千名创业者、带动万人再就业” then neither
holds the verb 带动 nor ends a clause at its 、, and 市委组织部 does not read as the verb 组织.
"""
from __future__ import annotations

import bisect
import re

__all__ = ["Layout", "CAMPAIGN_MASK", "ORG_MASK"]

CAMPAIGN_MASK = "□"
ORG_MASK = "◇"

#: a quotation: its content is masked like a campaign name (its commas end no clause)
_QUOTED = re.compile(r"“[^“”\n]{1,60}”")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CLAUSE_END = re.compile(r"[，,：:。！？!?；;\n]")
_SENTENCE_CHARS = frozenset("。！？!?；;\n")


def _masked(text: str, spans: list) -> str:
    """``text`` with each (start, end, char) span overwritten by its char, later spans over
    earlier ones where they overlap."""
    ordered = sorted((max(0, s), min(len(text), e), ch) for s, e, ch in spans
                     if s is not None and e is not None and e > s)
    if any(a[1] > b[0] for a, b in zip(ordered, ordered[1:])):  # overlaps: paint in order
        chars = list(text)
        for s, e, ch in spans:
            if s is not None and e is not None and e > s:
                s, e = max(0, s), min(len(text), e)
                chars[s:e] = ch * (e - s)
        return "".join(chars)
    out, pos = [], 0
    for s, e, ch in ordered:
        out.append(text[pos:s])
        out.append(ch * (e - s))
        pos = e
    out.append(text[pos:])
    return "".join(out)


class Layout:
    """Offsets of sentence, clause and paragraph boundaries of one text."""

    def __init__(self, text: str, campaigns=(), organizations=()):
        self.text = text
        quoted = _QUOTED.sub(lambda m: "“" + CAMPAIGN_MASK * (len(m.group()) - 2) + "”", text)
        spans = [(o.start, o.end, ORG_MASK) for o in organizations]
        spans += [(c.start, c.end, CAMPAIGN_MASK) for c in campaigns]
        self.masked = _masked(quoted, spans)
        # one pass: every sentence end and every line end is a clause end too
        masked = self.masked
        self._clause_ends = [m.end() for m in _CLAUSE_END.finditer(masked)]
        self._sentence_ends = [e for e in self._clause_ends if masked[e - 1] in _SENTENCE_CHARS]
        self._paragraph_ends = [e for e in self._sentence_ends if masked[e - 1] == "\n"]

    @staticmethod
    def _around(ends: list, pos: int, n: int) -> tuple:
        i = bisect.bisect_right(ends, pos)
        start = ends[i - 1] if i > 0 else 0
        end = ends[i] if i < len(ends) else n
        return start, end

    # (the three look-ups below are :meth:`_around` written out: they run thousands of times)
    def sentence(self, pos: int) -> tuple:
        """(start, end) of the sentence holding ``pos`` (the end includes its punctuation)."""
        ends = self._sentence_ends
        i = bisect.bisect_right(ends, pos)
        return (ends[i - 1] if i > 0 else 0), (ends[i] if i < len(ends) else len(self.text))

    def clause(self, pos: int) -> tuple:
        """(start, end) of the clause holding ``pos``: between commas, colons and sentence ends."""
        ends = self._clause_ends
        i = bisect.bisect_right(ends, pos)
        return (ends[i - 1] if i > 0 else 0), (ends[i] if i < len(ends) else len(self.text))

    def paragraph(self, pos: int) -> tuple:
        """(start, end) of the line holding ``pos``."""
        ends = self._paragraph_ends
        i = bisect.bisect_right(ends, pos)
        return (ends[i - 1] if i > 0 else 0), (ends[i] if i < len(ends) else len(self.text))

    def sentences_between(self, start: int, end: int) -> list:
        """(start, end) of the sentences that overlap [start, end), in order."""
        out = []
        pos = start
        while pos < end:
            s0, s1 = self.sentence(pos)
            out.append((s0, s1))
            if s1 <= pos:
                break
            pos = s1
        return out

    def iter_sentences(self):
        """(start, end) of every sentence of the text, in order, read lazily (a lead is
        looked for among the first few, however long the text)."""
        s = 0
        for e in self._sentence_ends:
            if e > s:
                yield s, e
            s = e
        if s < len(self.text):
            yield s, len(self.text)

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
