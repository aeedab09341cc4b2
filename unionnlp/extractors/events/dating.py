"""When an event happened: its year and how the year was found (as for statistics).

In order:

1. a year written in the event's sentence (``explicit``: 2019年, 自2012年; the nearest before
   the verb, else the first after it in its clause; a span such as 2011~2012年度 names a
   period, not the date of the act), a year relative to the date of the text (``relative``:
   今年, 去年, and 开展…五年来 after the verb), or a day or moment of the time of writing
   (``publication``: 4月15日, 日前);
2. else the last such date of the sentences before it in its paragraph (not the start of a
   period: 自2012年以来 dates nothing after its sentence); a span of years written before the
   act in its sentence or paragraph (近年来, 五年来) leaves it undated;
3. else the date of the lead when the lead is dated by the time of writing (a news story
   keeps its date: 日前，市总工会召开… dates what the story reports after it);
4. else the year the article as a whole reports on (``document``:
   :func:`unionnlp.extractors.statistics.document_year`, or the year of an official
   document's own number, 沈组〔2010〕35号);
5. else none.

The date of the text is its publication date, except for an official document that carries
its own number near its start: its 今年 is the year of that number, not of the upload.
"""
from __future__ import annotations

import re
from typing import Optional

from .layout import Layout

__all__ = ["Dating", "EXPLICIT", "RELATIVE", "PUBLICATION", "DOCUMENT", "LEAD_CHARS"]

EXPLICIT, RELATIVE, PUBLICATION, DOCUMENT = "explicit", "relative", "publication", "document"

_DATE = re.compile(
    # the lookahead only lets the scan skip quickly past characters no date begins with
    r"(?=[\d今去明本前日近目当昨一二两三四五六七八九十])(?:"
    r"(?P<iso>(?<![\d~～\-—至到])(?:19|20)\d\d)[-/.](?:0?[1-9]|1[0-2])[-/.](?:[0-3]?\d)(?!\d)"
    # a year after 至 ends a span (2011至2012年), after 截至 it dates a total (截至2024年6月)
    r"|(?P<y>(?<![\d~～\-—到])(?<!(?<!截)至)(?:19|20)\d\d)\s*年(?!度?\s*[~～\-—至到])(?P<since>以来)?"
    r"|(?P<n>(?<![\d年])(?:[一二两三四五六七八九十]{1,2}|\d{1,2}))年多?(?:来|以来)"
    r"|(?<![比较同与])(?P<rel>[今去明本前])年(?!度?\s*[~～至])"
    r"|(?P<now>日前|近日|近期|目前|当前|昨天|今天|今日|昨日"
    r"|(?<![\d年])(?P<month>\d{1,2})月(?:\d{1,2}日|份|初|上旬|中旬|下旬|底|末)?(?!\d)))")
#: a span of years the text speaks of (近年来, 五年来, 长期以来): what it reports has no one date
_PERIOD = re.compile(r"(?=[近多历长一二两三四五六七八九十\d])(?:近年来|近几年|多年来|历年来|长期以来"
                     r"|(?<![\d年])(?:[一二两三四五六七八九十]{1,2}|\d{1,2})年多?(?:来|以来))")
#: what a paragraph that speaks of a span of years carries
_SPAN = ("span",)
_OFFSET = {"今": 0, "本": 0, "去": -1, "明": 1, "前": -2}
#: the number of an official document: 沈组〔2010〕35号, 某工发[2021]3号
_DOC_NUMBER = re.compile(r"[〔\[［(（]((?:19|20)\d\d)[〕\]］)）]\s*\d{1,4}\s*号")
#: how far into a text its own document number is looked for
LEAD_CHARS = 300
#: a lead sentence is prose, not a navigation line: at least this long
MIN_LEAD_CHARS = 20


_PUB_YEAR = re.compile(r"\s*((?:19|20)\d\d)")
_PUB_MONTH = re.compile(r"\s*(?:19|20)\d\d[-/.年](\d{1,2})")


def _publication_year(published: Optional[str]) -> Optional[int]:
    m = _PUB_YEAR.match(published or "")
    return int(m.group(1)) if m else None


def _publication_month(published: Optional[str]) -> Optional[int]:
    m = _PUB_MONTH.match(published or "")
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 12 else None


#: a full date written in a page (its dateline or footer): 2023年4月12日, 2023-04-12
_FULL_DATE = re.compile(r"((?:19|20)\d\d)(?:年(\d{1,2})月\d{1,2}日|[-/.](\d{1,2})[-/.]\d{1,2}(?!\d))")
#: how far from either end of a text without a publication date its dateline is looked for
DATELINE_CHARS = 200


def _dateline(text: str) -> tuple:
    """(year, month) of the first full date at the head of a text, else of the last one at its
    foot (发布时间：2023-04-12): the date of a page whose record carries none."""
    def whole(m):  # not the tail of a longer number
        return m.start() == 0 or not text[m.start() - 1].isdigit()

    m = next((m for m in _FULL_DATE.finditer(text, 0, DATELINE_CHARS) if whole(m)), None)
    if m is None:
        tail = [m for m in _FULL_DATE.finditer(text, max(0, len(text) - DATELINE_CHARS))
                if whole(m)]
        m = tail[-1] if tail else None
    if m is None:
        return None, None
    return int(m.group(1)), int(m.group(2) or m.group(3))


class Dating:
    """Years of events in one text."""

    def __init__(self, lay: Layout, *, title=None, published=None):
        self.lay = lay
        m = _DOC_NUMBER.search(lay.text, 0, LEAD_CHARS)
        self.numbered = int(m.group(1)) if m else None
        self._now = self.numbered or _publication_year(published)
        self._month = None if self.numbered else _publication_month(published)
        self._dateline_due = self._now is None  # read its own dateline when first needed
        self._title, self._published = title, published
        self._dates: dict = {}  # sentence start → its dates, read once when first asked
        self._carry: dict = {}  # sentence start → the date the sentences before it carry
        self._lead = self._doc = None
        self._lead_done = self._doc_done = False

    def _read_dateline(self) -> None:
        if self._dateline_due:  # a page without a date in its record: its own dateline
            self._dateline_due = False
            self._now, self._month = _dateline(self.lay.text)

    @property
    def now(self) -> Optional[int]:
        """The year 今年 and 4月15日 refer to."""
        self._read_dateline()
        return self._now

    @property
    def month(self) -> Optional[int]:
        """The month of the date of the text, when known."""
        self._read_dateline()
        return self._month

    def _resolve(self, m: re.Match, *, after: bool = False, carried: bool = False) \
            -> Optional[tuple]:
        y = m.group("y")
        if y:
            if carried and m.group("since"):  # 自2012年以来 starts a period, it dates no story
                return None
            return int(y), EXPLICIT
        if m.group("iso"):
            return int(m.group("iso")), EXPLICIT
        now = self.now
        if now is None:
            return None
        if m.group("n"):  # 开展…五年来: begun five years before the text
            if not after:
                return None
            from ..numbers import to_number

            n = to_number(m.group("n"))
            return (now - int(n), RELATIVE) if n else None
        if m.group("rel"):
            return now + _OFFSET[m.group("rel")], RELATIVE
        month = m.group("month")
        if month and self._month and int(month) > self._month + 1:
            return now - 1, PUBLICATION  # 12月 in a page of January: the year before
        return now, PUBLICATION

    def _sentence_dates(self, s0: int, s1: int) -> list:
        found = self._dates.get(s0)
        if found is None:
            found = self._dates[s0] = list(_DATE.finditer(self.lay.masked, s0, s1))
        return found

    def _in_span(self, start: int, end: int, last: bool, *, carried: bool = False) \
            -> Optional[tuple]:
        """The last (or first) date written in [start, end) that gives a year."""
        s0, s1 = self.lay.sentence(start)
        sentences = ((s0, s1),) if end <= s1 else self.lay.sentences_between(start, end)
        for s0, s1 in (reversed(sentences) if last else sentences):
            dates = [m for m in self._sentence_dates(s0, s1) if start <= m.start() and m.end() <= end]
            for m in (reversed(dates) if last else dates):
                r = self._resolve(m, after=not last, carried=carried)
                if r is not None:
                    return r
        return None

    def _lead_date(self) -> Optional[tuple]:
        """The date of the lead sentence when it is the time of writing (日前, 4月15日)."""
        if not self._lead_done:
            self._lead_done = True
            lead = next((s for s in self.lay.iter_sentences() if s[1] - s[0] >= MIN_LEAD_CHARS),
                        None)
            lead = [lead] if lead else []
            for s0, s1 in lead:
                r = self._in_span(s0, s1, last=False)
                if r is not None and r[1] in (PUBLICATION, RELATIVE):
                    self._lead = r
        return self._lead

    def _document(self) -> Optional[tuple]:
        if not self._doc_done:
            self._doc_done = True
            from .. import statistics

            y = statistics.document_year(self.lay.text, title=self._title,
                                         published=self._published)
            y = y if y is not None else self.numbered
            self._doc = (y, DOCUMENT) if y is not None else None
        return self._doc

    def year(self, verb_start: int, clause_end: int) -> tuple:
        """(year, basis) of an act whose verb starts at ``verb_start``; (None, None) if unknown."""
        s0, _s1 = self.lay.sentence(verb_start)
        found = self._in_span(s0, verb_start, last=True) or \
            self._in_span(verb_start, clause_end, last=False)
        if found is not None and found[1] == PUBLICATION:
            # 2020年，市总工会于6月启动…: the month is of the year written before it
            year = self._year_written(s0, verb_start)
            if year is not None:
                found = (year, EXPLICIT)
        if found is None:
            if _PERIOD.search(self.lay.masked, s0, verb_start):
                return None, None  # 近年来，…推进: a span of years, no date
            found = self._carried(s0)
            if found is _SPAN:
                return None, None
        return found or self._lead_date() or self._document() or (None, None)

    def _year_written(self, start: int, end: int) -> Optional[int]:
        """The last year written out in [start, end) that dates what follows it (not the start
        of a period, 自2012年以来, nor a span, 2011~2012年)."""
        for m in reversed(self._sentence_dates(*self.lay.sentence(start))):
            if m.end() > end or m.start() < start:
                continue
            y = m.group("y") or m.group("iso")
            if y and not m.group("since"):
                return int(y)
        return None

    def _carried(self, s0: int) -> Optional[tuple]:
        """The last date the sentences before ``s0`` in its paragraph carry (remembered per
        sentence, so a long paragraph is read once however many events it holds)."""
        p0 = self.lay.paragraph(s0)[0]
        walked, pos, found = [], s0, None
        while pos > p0:
            if pos in self._carry:
                found = self._carry[pos]
                break
            walked.append(pos)
            prev = max(p0, self.lay.sentence(pos - 1)[0])
            found = self._in_span(prev, pos, last=True, carried=True)
            if found is None and _PERIOD.search(self.lay.masked, prev, pos):
                found = _SPAN
            if found is not None:
                break
            pos = prev
        for w in walked:
            self._carry[w] = found
        return found
