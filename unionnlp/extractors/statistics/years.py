"""The year of a figure, how it was found (``year_basis``), and the base year of a comparison.

Read back from the figure through its sentence (``devset/GUIDELINES.md``: a year "when stated or
unambiguously inferable"):

- ``explicit``: the nearest year written before it (2019年, 截至2020年底, 到2012年年底), except
  the base of a comparison (比2020年, 较2019年, 与2003年相比 → ``base_year``);
- ``relative``: 今年/去年/明年/本年度/上半年/一季度 resolved against the text's reference
  year (the document's own date when it has one, else the publication date);
- spans of several years (五年来, 2013年以来, 自竞赛开展以来, 近两年, 每年, 三年内) set ``period``
  when it can be computed and leave the year empty: they are never dated by the document;
- a present-tense cue after a year (建于2005年,现有藏书7000册) means the figure is of the time of
  writing, not of that year.

A sentence without any time expression takes the time of the nearest earlier sentence of its
paragraph and list item (2017年全州清欠…。接待职工来访104起). Figures still undated take the
document's own year (``document``: a document number such as 沈组[2010]35号 at its head, a
closing date line, a report formula 现将…2011年上半年…汇报如下, a year in the headline) or the
publication year (``publication``), flagged ``inferred_year``; the document's own date beats a
hosting site's upload date.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Optional

from unionnlp.extractors import numbers, segmenter

from .context import LIST_ITEM, section_end, sent_start
from .words import seg

__all__ = ["When", "time_before", "carried_time", "continues", "event_this_year", "digest_item", "base_year", "document_date", "document_year",
           "fill_document_year", "year_of"]

_YEAR = re.compile(
    r"(?P<y>(?:19|20)\d{2})[ \t]*年(?:度)?(?P<since>以来|起)?"
    r"(?:[ \t]*(?:至|到|—|-|~|～)[ \t]*(?P<y2>(?:19|20)\d{2})[ \t]*年)?(?P<half>上半年|下半年|[一二三四]季度|前三季度)?"
    r"|(?P<range>(?:19|20)\d{2})[ \t]*(?:—|-|~|～|至)[ \t]*(?P<r2>(?:19|20)\d{2})[ \t]*年"
    r"|(?P<thisyear>(?:今年|本年度?)[^，。；！？\n\d]{0,8}?以来)"
    r"|(?P<rel>[今去上明前本])年(?:度)?(?P<rsince>以来)?"
    r"|(?P<part>(?<![年\d])(?:上半年|下半年|[一二三四]季度|前三季度))"
    r"|[“\"]?(?P<plan>十[一二三四五]五)[”\"]?[ \t]*(?P<pk>期间|时期|以来|末)"
    r"|(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3}|多|几)[ \t]*年(?P<nk>来|以来|间|内|中)"
    r"|(?P<span>近(?P<jn>[一二两三四五六七八九十\d]{1,2})?年来?|近年来|历年|每年"
    r"|连续[^，。；！？\n\d]{0,6}?[一二两三四五六七八九十\d]{1,2}[ \t]*年"
    r"|(?P<event>自[^，。；！？\n]{1,20}?以来|[^，。；！？\n\d年]{2,12}以来))"
    r"|(?P<now>截[至止]目前|目前|现有|现已|至今|当前|如今|现在)"
)
#: the same without the branches that need 以来 (``thisyear``, ``event``), for the many texts
#: without it: those branches can start at any character; without them a first-character
#: lookahead passes over positions no time expression starts at (same matches, much cheaper)
_YEAR_NO_SINCE = re.compile(
    r"(?=[\d今去上明前本下一二两三四五六七八九十多几近历每连截目现至当如“\"])(?:" + _YEAR.pattern
    .replace(r"(?P<thisyear>(?:今年|本年度?)[^，。；！？\n\d]{0,8}?以来)", "(?P<thisyear>(?!))")
    .replace(r"(?P<event>自[^，。；！？\n]{1,20}?以来|[^，。；！？\n\d年]{2,12}以来)", "(?P<event>(?!))") + ")")
#: a clause (between ，。；！？ and line breaks, which no time expression crosses) holding 以来
_SINCE_CLAUSE = re.compile(r"[^，。；！？\n]*以来[^，。；！？\n]*")
#: the marks that end such a clause
_SINCE_EDGE = re.compile(r"[，。；！？\n]")
if _YEAR_NO_SINCE.pattern.count("(?!))") != 2:  # pragma: no cover - a guard for edits of _YEAR
    raise RuntimeError("_YEAR_NO_SINCE out of step with _YEAR")
#: first year of the five-year plans named 十一五 … 十五五
_PLAN_START = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026}
#: words before a year that make it the base of a comparison, and words after it
_BASE_BEFORE = re.compile(r"(?:比|较|与|同|和|相比于|对比)[ \t]*$")
_BASE_AFTER = re.compile(r"[ \t]*(?:相比|同期|同比|相较)")
_CONTINUES = re.compile(r"其中|同时|此外|另外|其余|并|还|全年|全(?:市|县|省|区|州|盟|旗)"
                        r"|当天|当日|同日|此次|本次|会上|活动中|活动现场|仪式上|具体包括|主要包括|具体为|分别是")
#: a date a stock is taken at (截至2008年9月底, 截止去年底)
_AS_OF = re.compile(r"截[至止][ \t]*(?:(?:19|20)\d{2}[ \t]*年|[今去上本]年)")
#: a semicolon right before a sentence start: the parts of one period's report (截至2012年底,…;…)
_RE_SEMICOLON = re.compile(r"[；;][ \t]*$")
#: what stands between two listed years (2018年、2019年, 2018年和2019年)
_YEAR_LIST_GAP = re.compile(r"[ \t]*(?:、|和|及|与)[ \t]*")
_RANGE_END = re.compile(r"(?:至|到|—|-|~|～)[ \t]*$")
#: a change verb before 到/至 and a year: the figure after it is of that later year (会员从2020年的
#: 800人增长到2022年底的2500人), not the end of a span of years
_CHANGE_TO = re.compile(r"(?:增长|增加|提高|提升|上升|发展|扩大|下降|降低|减少|跃升|攀升|增)(?:到|至)[ \t]*$")
CLAUSE_EDGE = re.compile(r"[，,。；;！!？?\n]")
#: a sentence that details the one before (具体包括:…)
_DETAIL_HEAD = re.compile(r"(?:具体|主要)包括|具体为")
#: a stock verb right before a figure (约有5000人, 现有, 共有, 拥有)
_STOCK = re.compile(r"(?<!共)(?:约有|现有|拥有|有)[ \t]*$")
_STOCK_QUALIFIED = re.compile(r"约有|现有|拥有")
_REL_OFFSET = {"今": 0, "本": 0, "去": -1, "上": -1, "明": 1, "前": -2}
_BASE_REL = re.compile(r"(?:比|较|同比)(?:上年|去年|上一年|前一年)?|与(?:上年|去年)(?:同期)?相比")


@dataclass
class When:
    """The time a stretch of text gives its figures."""

    year: Optional[int] = None
    basis: Optional[str] = None  # explicit | relative
    period: Optional[str] = None
    span: bool = False  # several years (or an open start): never dated by the document
    found: bool = False  # some time expression was read
    since_event: bool = False  # a span since an event (自竞赛开展以来, 工作法实施以来)


@functools.lru_cache(maxsize=4)
def _time_expressions(norm: str) -> tuple:
    """Every time expression of a text, found once: (start offsets, matches)."""
    if "以来" not in norm:
        found = list(_YEAR_NO_SINCE.finditer(norm))
    else:
        # no time expression spans a ，。；！？ or a line break: only the clauses holding 以来
        # need the full pattern (same matches, the costly branches tried where they can match)
        found, pos = [], 0
        for a, b in _since_clauses(norm):
            found += _YEAR_NO_SINCE.finditer(norm, pos, a)
            found += _YEAR.finditer(norm, a, b)
            pos = b
        found += _YEAR_NO_SINCE.finditer(norm, pos)
    return [m.start() for m in found], found


def _since_clauses(norm: str) -> list:
    """(start, end) of the clauses (:data:`_SINCE_CLAUSE`: runs without ，。；！？ or a line
    break) that hold 以来, found from each 以来 outwards: the same spans as
    ``_SINCE_CLAUSE.finditer``, without its backtracking over every clause of the text."""
    out = []
    i = norm.find("以来")
    while i >= 0:
        a = max(norm.rfind(c, 0, i) for c in "，。；！？\n") + 1
        edge = _SINCE_EDGE.search(norm, i + 2)
        b = edge.start() if edge else len(norm)
        out.append((a, b))
        i = norm.find("以来", b)
    return out


def time_before(norm: str, start: int, pos: int, ref_year: Optional[int]) -> When:
    """The time that applies at ``pos``, read from the time expressions in ``norm[start:pos]``
    (the last one wins)."""
    w = When()
    last_span_end = None
    w_end = start
    starts, found = _time_expressions(norm)
    i = bisect.bisect_left(starts, start)
    j = bisect.bisect_left(starts, pos)
    for m in found[i:j]:
        if m.end() > pos:
            continue
        if m.group("y") or m.group("range"):
            if m.group("y") and _is_base(norm, m, start):
                continue
            if w.year is not None and _RANGE_END.search(norm, max(start, m.start() - 2), m.start()) \
                    and not CLAUSE_EDGE.search(norm, w_end, m.start()) \
                    and not _CHANGE_TO.search(norm, max(start, m.start() - 5), m.start()):
                continue  # 2007年12月21日至2008年春节前: the span starts in the first year
            listed = (w.year is not None and not w.span and m.group("y") and not m.group("y2")
                      and not m.group("since") and not m.group("half")
                      and _YEAR_LIST_GAP.fullmatch(norm, w_end, m.start()))
            prev_year = w.year
            w.found, w.since_event = True, False
            w_end = m.end()
            y1 = int(m.group("y") or m.group("range"))
            if listed and prev_year != y1:
                # 2018年、2019年 (two years listed): a figure over both, a period
                lo, hi = min(prev_year, y1), max(prev_year, y1)
                w.year, w.basis, w.period, w.span = None, None, f"{lo}-{hi}", True
                continue
            y2 = m.group("y2") or m.group("r2")
            if y2:
                w.year, w.basis, w.period, w.span = None, None, f"{y1}-{y2}", True
            elif m.group("since") == "以来" or (m.group("since") == "起" and not (ref_year and y1 >= ref_year)):
                # 2013年以来, 从2012年起 (a start already past): a span up to the time of writing
                w.year, w.basis, w.span = None, None, True
                w.period = f"{y1}-{ref_year}" if ref_year else f"{y1}年以来"
            else:
                w.year, w.basis, w.period, w.span = y1, "explicit", None, False
        elif m.group("thisyear"):
            w.found, w.since_event = True, False
            w.year, w.basis, w.period, w.span = ref_year, "relative", None, False
        elif m.group("rel"):
            rel = m.group("rel")
            if _RE_TIME_BEFORE_0.search(norm[max(start, m.start() - 2):m.start()]) or (
                    rel in "去上前" and _BASE_AFTER.match(norm, m.end())):
                continue  # 比上年, 较去年, 与去年同期相比, 去年同期: the base of a comparison
            w.found, w.since_event = True, False
            off = _REL_OFFSET[rel]
            if m.group("rsince") and off != 0:
                w.year, w.basis, w.span = None, None, True
                w.period = f"{ref_year + off}-{ref_year}" if ref_year else m.group(0)
            else:
                w.year, w.basis, w.period, w.span = (ref_year + off if ref_year else None), "relative", None, False
        elif m.group("part"):
            w.found, w.since_event = True, False
            w.year, w.basis, w.period, w.span = ref_year, "relative", None, False
        elif m.group("n") or m.group("span"):
            if w.span and w.period and m.group("n") and w_end >= m.start() - 1 and w_end > start \
                    and _RE_DIGIT_PERIOD.match(w.period):
                continue  # 2016年、2017年两年间 / 2016至2018年三年来: the written years say which
            w.found, w.since_event = True, bool(m.group("event"))
            w.year, w.basis, w.span = None, None, True
            last_span_end = m.end()
            count = m.group("n") or m.group("jn")
            n = numbers.to_number(count) if count and count not in "多几" else None
            w.period = (f"{ref_year - int(n)}-{ref_year}" if (ref_year and n and m.group("nk") != "内")
                        else None)
        elif m.group("plan"):
            # a five-year plan period (“十三五”期间 = 2016-2020); its last year for 十三五末
            w.found, w.since_event = True, False
            first = _PLAN_START[m.group("plan")[1]]
            if m.group("pk") == "末":
                w.year, w.basis, w.period, w.span = first + 4, "explicit", None, False
            else:
                w.year, w.basis, w.span = None, None, True
                last = ref_year if (m.group("pk") == "以来" and ref_year) else first + 4
                w.period = f"{first}-{last}"
        elif m.group("now"):
            w.found, w.since_event = True, False
            w.year, w.basis, w.period, w.span = None, None, None, False
    if w.span and last_span_end is not None and (
            _STOCK.search(norm, max(start, pos - 3), pos) or _STOCK_QUALIFIED.match(norm, pos)) \
            and CLAUSE_EDGE.search(norm, last_span_end, pos):
        # 近年来,…,据了解,全县新就业形态劳动者约有5000人: a stock at the time of writing
        w.year, w.basis, w.period, w.span = None, None, None, False
    if w.basis and w.year is None:
        w.basis = None
    return w


def _is_base(norm: str, m: re.Match, start: int) -> bool:
    return bool(_BASE_BEFORE.search(norm[max(start, m.start() - 4):m.start()])
                or _BASE_AFTER.match(norm, m.end()))


def event_this_year(norm: str, bounds: list, s0: int, ref_year: Optional[int], limit: int) -> When:
    """For a span since an event (工作法实施以来): when the text before frames the story in the
    current year (今年以来, 东阿县总工会探索推出…), the event began this year and so do the
    figures; otherwise the span stays open (an empty :class:`When`)."""
    end = s0
    floor = max(0, s0 - limit)
    while end > floor:
        st = max(floor, sent_start(bounds, end - 1))
        w = time_before(norm, st, end, ref_year)
        if w.found:
            return w if (w.basis == "relative" and w.year == ref_year and ref_year) else When()
        end = st
    return When()


def continues(norm: str, s0: int) -> bool:
    """True when the sentence at ``s0`` goes on with the previous one's subject and frame: it
    opens with 其中/同时/此外/全市… or with a verb (接待职工来访104起), not with a new subject."""
    head = norm[s0:s0 + 8].lstrip(" \t\u3000")
    if _CONTINUES.match(head):
        return True
    # the first word is a prefix of head[:4]: when no prefix is a verb or an adverb in jieba's
    # dictionary, the words need not be cut
    tags = segmenter.tags()
    if not any(_opens_predicate(tags.get(head[:k])) for k in range(1, min(4, len(head)) + 1)):
        return False
    words = seg(head[:4])
    return _opens_predicate(tags.get(words[0]) if words else None)


def _opens_predicate(tag: Optional[str]) -> bool:
    """True for the tag of a verb or an adverb (not a verbal noun) opening a sentence."""
    return bool(tag) and tag.startswith(("v", "d")) and tag != "vn"


@functools.lru_cache(maxsize=4)
def _list_items(norm: str) -> list:
    """(start, end) of every list item opening (:data:`LIST_ITEM`) of a text, found once."""
    return [(m.start(), m.end()) for m in LIST_ITEM.finditer(norm)]


def carried_time(norm: str, bounds: list, s0: int, ref_year: Optional[int], limit: int) -> When:
    """The time a sentence without one of its own (starting at ``s0``) takes from its paragraph
    (or list item), at most ``limit`` characters back: a sentence that :func:`continues` the one
    before takes the time of the nearest earlier sentence with one (2017年全州清欠…。接待职工
    来访104起); any other takes the frame set by the paragraph's opening clause (五年来,… /
    自竞赛开展以来,…)."""
    para = norm.rfind("\n", 0, s0) + 1
    if para == s0 and _DETAIL_HEAD.match(norm, s0):
        # 具体包括:… on a line of its own details the paragraph before: it keeps that frame
        para = norm.rfind("\n", 0, max(0, s0 - 1)) + 1
    floor = max(para, s0 - limit)
    items = _list_items(norm)  # the last list item that opens between floor and s0
    k = bisect.bisect_right(items, (s0, s0)) - 1
    while k >= 0 and items[k][1] > s0:
        k -= 1
    if k >= 0 and items[k][0] >= floor:
        floor = items[k][0]
    if floor >= s0:
        return When()
    if continues(norm, s0) or _RE_SEMICOLON.search(norm, max(floor, s0 - 2), s0):
        # a clause after a semicolon is a part of the same sentence: it keeps its frame
        near = _nearest_dated(norm, bounds, s0, floor, ref_year)
        return near[0] if near else When()
    edge = CLAUSE_EDGE.search(norm, floor, s0)
    frame = time_before(norm, floor, edge.start() if edge else s0, ref_year)
    if frame.found:
        if frame.span:
            # a later sentence of the paragraph taking stock at the time of writing (…全会以来,
            # ….目前全区共有…。…其中包含…124家) ends the opening span's frame
            now = _nearest_time(norm, bounds, s0, max(floor, edge.end() if edge else s0), ref_year)
            if now is not None and now.found and now.year is None and not now.span and not now.period:
                return now
        return frame
    # no frame at the paragraph's head: a stock taken as of a date earlier in the paragraph
    # (截至2008年9月底,会员总数达到…。农民工会员达…) dates the figures listed after it; any
    # other dated statement is an event of its own and does not
    near = _nearest_dated(norm, bounds, s0, floor, ref_year)
    if near is None:
        return When()
    w, st, end = near
    ok = w.year is not None and not w.span and _AS_OF.search(norm, st, end)
    return w if ok else When()


def _nearest_dated(norm: str, bounds: list, s0: int, floor: int,
                   ref_year: Optional[int]) -> Optional[tuple]:
    """``(time, start, end)`` of the nearest sentence before ``s0`` (not before ``floor``) that
    has a time, walking back sentence by sentence; None when none has."""
    end = s0
    while end > floor:
        st = max(floor, sent_start(bounds, end - 1))
        w = time_before(norm, st, end, ref_year)
        if w.found:
            return w, st, end
        if st <= floor:
            break
        end = st
    return None


def _nearest_time(norm: str, bounds: list, s0: int, floor: int, ref_year: Optional[int]):
    """The time of the nearest sentence before ``s0`` (not before ``floor``) that has one."""
    near = _nearest_dated(norm, bounds, s0, floor, ref_year)
    return near[0] if near else None


#: a line opening with a bullet: an item of a digest of results (◆新建工会组织316个…)
_BULLET = re.compile(r"[ \t\u3000]*[◆◇•●■□▪►▶★☆]")


def digest_item(norm: str, pos: int) -> bool:
    """True when ``pos`` lies on a bulleted line. Such a digest sums up results over a period
    it does not state (a year, a term of office, since a congress): its undated figures are
    not dated by the publication."""
    return bool(_BULLET.match(norm, norm.rfind("\n", 0, pos) + 1))


def base_year(norm: str, start: int, pos: int, year: Optional[int]) -> Optional[int]:
    """The base year of a comparison written in ``norm[start:pos]`` (比2020年 → 2020; 比上年,
    同比 → the figure's year minus one)."""
    base = None
    for m in _YEAR.finditer(norm, start, pos):
        if m.group("y") and _is_base(norm, m, start):
            base = int(m.group("y"))
    if base is None and year and _BASE_REL.search(norm, start, pos):
        base = year - 1
    return base


# -- the document's own date -----------------------------------------------------------------

#: how far into the text a document number counts as the document's own (its header)
HEAD_CHARS = 300
_DOC_NUMBER = re.compile(r"[\[〔【(（](?P<y>(?:19|20)\d{2})[\]〕】)）][ \t]*\d{1,4}[ \t]*号")
#: a document number is the document's own when it heads a line or follows the word 文件
#: (某县总工会文件 某工发[2013]12号), and not when it is cited (根据…〔2019〕8号文件精神)
_DOC_NUMBER_OWN = re.compile(r"(?:^|\n|文件)[ \t]*[\u4e00-\u9fff]{0,8}$")
_DOC_NUMBER_CITED = re.compile(r"根据|按照|依据|贯彻|落实|《|印发|转发")
_REPORT_FORMULA = re.compile(
    r"现将[^。！？\n]{0,40}?(?P<y>(?:19|20)\d{2})[ \t]*年[^。！？\n]{0,40}?(?:总结|汇报|报告|情况)[^。！？\n]{0,6}如下")
_DATE_LINE = re.compile(r"^[ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*$",
                        re.MULTILINE)
#: a year written as a reference ("2025年…工作情况", "2024年度"), not a date or a period start
_HEAD_YEAR_RE = re.compile(
    r"(?<![比较与同和])((?:19|20)\d\d)\s*年(?!\d{1,2}月\d{1,2}日|以来|来|起|至|到|—|-|相比|同期)")
#: a year opening a text's first sentence, as the frame of what follows (2017年,镇工会… / 2017年镇工会…)
_OPENING_YEAR = re.compile(r"[ \t\u3000]*(?:在|于)?(?P<y>(?:19|20)\d{2})[ \t]*年(?:度)?(?![\d一二三四五六七八九十]{1,2}月|以来|来|起|至|到)")
_DATELINE = re.compile(r"[ \t\u3000]*(?:[^\n。，,；;]{0,30}?(?:讯|电|消息)[)）]?[ \t\u3000]*)?"
                       r"(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*\d{1,2}[ \t]*月[^。\n]{0,6}?[，,]"
                       # a wire dateline with its full date before 电/讯 (某某网甘肃华池2014年4月29日电)
                       r"|[ \t\u3000]*[^\n。，,；;\d]{2,24}?(?P<y2>(?:19|20)\d{2})[ \t]*年[ \t]*\d{1,2}[ \t]*月"
                       r"[ \t]*\d{1,2}[ \t]*日[ \t]*(?:电|讯)")
_SURVEY = re.compile(r"年度|名单|评选|大赛|竞赛|表彰|结果|榜单")
_REPORT_TITLE = re.compile(r"总结|汇报|报告|要点|计划|方案|情况|工作|规划|安排")


#: (document_date and document_year_from are read by the statistics step and again by the events
#: step of the same extraction, through document_year: a few texts are kept, no text repeats)
@functools.lru_cache(maxsize=4)
def document_date(text: str, *, title: Optional[str] = None) -> Optional[int]:
    """The year of the document's own date, when the text carries one: a document number at
    its head (沈组[2010]35号), a report formula (现将…2011年上半年…汇报如下), a closing date
    line, or a year in the title of a report or plan (某区2023年工会工作总结)."""
    for m in _DOC_NUMBER.finditer(text, 0, HEAD_CHARS):
        before = text[max(0, m.start() - 16):m.start()]
        if _DOC_NUMBER_OWN.search(before) and not _DOC_NUMBER_CITED.search(before):
            return int(m.group("y"))
    m = _REPORT_FORMULA.search(text)
    if m:
        return int(m.group("y"))
    tail = text[-200:]
    dates = list(_DATE_LINE.finditer(tail))
    if dates:
        return int(dates[-1].group("y"))
    head = _headline(text, title)
    if head and _REPORT_TITLE.search(head):
        years = {int(y) for y in _HEAD_YEAR_RE.findall(head[:80])}
        if len(years) == 1:
            return years.pop()
        if not years:
            # a report whose title names no year: the year its first sentence opens with
            # (某镇工会工作总结 / 2017年镇工会在总结2016年工作经验的基础上…)
            first_line = text.split("\n", 1)[0]
            body = text[len(first_line):].lstrip() if head == first_line else text.lstrip()
            m = _OPENING_YEAR.match(body)
            if m:
                return int(m.group("y"))
    # a news dateline: the body opens with a year and a month, after at most a source tag
    # (某某网讯 2014年1月,区总工会…): the time of the story, which a repost's upload date is not
    first_line = text.split("\n", 1)[0]
    for line in (text.split("\n", 2)[:2] if head and head == first_line else [first_line]):
        m = _DATELINE.match(line)
        if m:
            return int(m.group("y") or m.group("y2"))
    return None


def _headline(text: str, title: Optional[str]) -> str:
    first_line = text.split("\n", 1)[0]
    is_headline = len(first_line) <= 40 and not _RE_HEADLINE_0.search(first_line)
    return (title or "").strip() or (first_line if is_headline else "")


def document_year(text: str, *, title: Optional[str] = None,
                  published: Optional[str] = None) -> Optional[int]:
    """The year an article as a whole reports on, when it says so plainly: its own date
    (:func:`document_date`), a year in the headline (``某县2025年…工作情况``, ``2024年度…名单``),
    else the year that frames the first sentence when it carries no figures of its own
    (``2021年,某县总工会…各项工作取得优异成绩``) or names a year's list or contest
    (``发布了2022年…大赛…名单``); ``None`` otherwise. ``published`` is accepted for symmetry and not used here.
    """
    return document_year_from(text, document_date(text, title=title), title=title)


@functools.lru_cache(maxsize=4)
def document_year_from(text: str, own: Optional[int], *, title: Optional[str] = None) -> Optional[int]:
    """:func:`document_year` for a text whose own date (:func:`document_date`) is known."""
    if own is not None:
        return own
    first_line = text.split("\n", 1)[0]
    head = _headline(text, title)
    is_headline = head == first_line and bool(head)
    body = text[len(first_line):].lstrip() if (is_headline and text.startswith(first_line)) else text
    years = {int(y) for y in _HEAD_YEAR_RE.findall(head[:80])}
    if len(years) == 1:
        return years.pop()
    # the first sentence frames the article (2021年,某县总工会…各项工作取得优异成绩) or names a
    # year's list or contest (发布了2022年…大赛…名单); a first sentence with its own figures keeps
    # its year to them
    first_sentence = _RE_DOCUMENT_YEAR_0.split(body, 1)[0][:160]
    years = {int(y) for y in _HEAD_YEAR_RE.findall(first_sentence)}
    if len(years) != 1:
        return None
    # dates and session numbers (十三届五次全委会, 1月, 8月27日) are no figures of the sentence
    rest = _RE_NOT_FIGURES.sub("", _HEAD_YEAR_RE.sub("", first_sentence))
    if _SURVEY.search(first_sentence) or not _RE_DOCUMENT_YEAR_1.search(rest):
        return years.pop()
    return None


#: a lead that opens with a day (3月13日,) before naming the event's year
_LEAD_DAY = re.compile(r"[^。！？\n]{0,30}?\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日")
#: a year in a lead that is not the year of the event (a stock date, a span, a base)
_LEAD_NOT_EVENT = re.compile(r"截[至止]|以来|起|相比|同比|比|较")


#: a numbered heading line of a report naming the year its section covers (一、2012年全市工会主要
#: 工作情况, 二、2013年工作安排): short, without a sentence inside
_SECTION_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])[ \t]*[^\n。！？!?；;，,]{0,12}?"
    r"(?P<y>(?:19|20)\d{2})[ \t]*年(?:度)?(?!以来|起|来)[^\n。！？!?；;，,]{0,16}?"
    r"(?:工作|情况|总结|回顾|成绩|成效|安排|计划|打算|要点|思路)[^\n。！？!?；;，,]{0,8}$",
    re.MULTILINE)
#: a section heading is a line this short at most
SECTION_HEADING_MAX = 32


def section_years(norm: str) -> list:
    """(start, end, year) of the sections of a report under a heading that names their year
    (一、2012年全市工会主要工作情况 … up to the next top-level heading): undated figures there
    are of that year."""
    out = []
    for m in _SECTION_HEADING.finditer(norm):
        if len(m.group(0).strip()) > SECTION_HEADING_MAX:
            continue
        out.append((m.end(), section_end(norm, m.end()), int(m.group("y"))))
    return out


def lead_year(text: str, *, title: Optional[str] = None) -> Optional[int]:
    """The year of the event a dated lead reports (3月13日,2024年全省职工疗休养活动…启动),
    for a page that carries no date of its own: the one year its first sentence names after a
    day of the month, unless that year is a stock date, the start of a span or a base."""
    first_line = text.split("\n", 1)[0]
    head = _headline(text, title)
    body = text[len(first_line):].lstrip() if (head and head == first_line and not title) else text.lstrip()
    sentence = _RE_DOCUMENT_YEAR_0.split(body, 1)[0][:160]
    if not _LEAD_DAY.match(sentence):
        return None
    found = list(_RE_LEAD_YEAR.finditer(sentence))
    years = {int(m.group(1)) for m in found}
    if len(years) != 1:
        return None
    m = found[0]
    around = sentence[max(0, m.start() - 4):m.end() + 3]
    if _LEAD_NOT_EVENT.search(around):
        return None
    return years.pop()


def year_of(published: Optional[str]) -> Optional[int]:
    """The year of an ISO date string, or None."""
    m = _RE_YEAR_OF_0.match(published or "")
    return int(m.group(1)) if m else None


def fill_document_year(stats: list, year: Optional[int], *, text: Optional[str] = None,
                       published: Optional[str] = None) -> list:
    """Date the figures whose text gives them no year: with ``year`` (the document's, basis
    ``document``) or else the year of ``published`` (basis ``publication``), flagged
    ``inferred_year``. Figures over several years (``period``, or ``year_basis`` already
    ``none``) and figures already dated are left as they are; a researcher who wants only
    written years drops the ``inferred_year`` ones. ``text`` is accepted for callers of the
    earlier signature and not needed: :func:`find_statistics` has read the time already."""
    pub_year = year_of(published)
    for s in stats:
        if s.year is not None or s.period is not None or s.year_basis is not None:
            if s.year_basis is None:
                s.year_basis = "explicit" if s.year is not None else "none"
            continue
        if year is not None:
            s.year, s.year_basis = year, "document"
        elif pub_year is not None:
            s.year, s.year_basis = pub_year, "publication"
        else:
            s.year_basis = "none"
            continue
        if "inferred_year" not in s.flags:
            s.flags.append("inferred_year")
    return stats


# patterns of the functions above, compiled once (they run for every figure)
_RE_TIME_BEFORE_0 = re.compile(r"[比较同与][ \t]*$")
_RE_HEADLINE_0 = re.compile(r"[。;；!?！？]")
_RE_DOCUMENT_YEAR_0 = re.compile(r"[。!?！？\n]")
_RE_DOCUMENT_YEAR_1 = re.compile(rf"[\d{numbers.CN_DIGITS}十百千万]")
_RE_YEAR_OF_0 = re.compile(r"\s*(\d{4})")
_RE_DIGIT_PERIOD = re.compile(r"\d{4}-\d{4}$")
_RE_LEAD_YEAR = re.compile(r"((?:19|20)\d{2})[ \t]*年")
#: parts of a sentence that hold numerals but are no figures: session numbers of a meeting
#: (四届三次, 第十二次), dates (8月27日, 1月), ordinals (第三批)
_RE_NOT_FIGURES = re.compile(
    r"[一二三四五六七八九十\d]{1,3}[ \t]*届(?:[ \t]*[一二三四五六七八九十\d]{1,3}[ \t]*次)?"
    r"|第[ \t]*[一二三四五六七八九十\d]{1,3}[ \t]*[次届批期]"
    r"|\d{1,2}[ \t]*月(?:[ \t]*\d{1,2}[ \t]*日)?")
