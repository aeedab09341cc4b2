"""Which numbers are statistics (``devset/GUIDELINES.md`` § statistics, Exclude).

Not statistics: dates, times, durations and ages (unit categories; 8个小时, 5年来), ordinals
(第2批), document and phone numbers, numbers without a measure word unless written with 万/亿
or a qualifier (194.1万职工, 2万多产业大军), the determiner 一 (一个, 一批), fractions and
tenths written in words (一半, 超六成), thresholds that define a group (25人以上企业), numbers
inside campaign names, short quotations and 《titles》, counts of the parts of a text or a
plan (十一个方面, 六类, 5项共性目标, 三项举措), site furniture (小编为您分享的…总结7篇) and
page metadata (页数, 大小, 浏览).
"""
from __future__ import annotations

import re

from unionnlp.extractors import numbers

from .context import Spans
from .words import CJK, patterns

#: unit categories that are never statistics
SKIP_CATEGORIES = {"date", "time", "age", "temperature", "size", "doc", "ordinal", "length"}
#: a count this small of things named by a part word (举措, 目标, 方面 …) counts parts of a text
STRUCTURE_MAX = 12
#: measure words that count kinds of things (六类, 三种): small counts of them are structure
_KIND_UNITS = {"类", "种"}
#: measure words of the parts of a text or plan (5项共性目标, 三个方面, 十件实事)
_PART_UNITS = {"项", "个", "条", "点", "件", "类", "种"}


def is_statistic(q, norm: str, excl: Spans) -> bool:
    """True when the quantity ``q`` (from :func:`unionnlp.extractors.numbers.parse`) is a
    measured or targeted figure. ``norm``: the normalised text; ``excl``: spans to skip."""
    if q.kind in ("ordinal", "fraction"):
        return False
    if excl.overlaps(q.num_start, q.num_end):
        return False
    cat = numbers.unit_category(q.unit) if q.unit else ""
    if cat in SKIP_CATEGORIES:
        return False
    numtxt = norm[q.num_start:q.num_end]
    if q.kind == "percent" and _RE_IS_STATISTIC_0.search(norm[q.num_end:q.end]):
        return False  # 超六成, 九折: tenths written in words
    before = norm[max(0, q.start - 3):q.start]
    if _RE_IS_STATISTIC_1.search(before):
        return False
    if _ORDINAL_RANGE_END.search(norm, max(0, q.start - 8), q.start):
        return False  # 第四至八名: the end of a range of ranks
    # 十三届五次会议, 八届人大五次会议: session numbers
    if q.unit == "次" and _RE_IS_STATISTIC_2.search(norm[max(0, q.start - 5):q.start]):
        return False
    pats = patterns()
    if pats["skip_ctx"].search(norm, max(0, q.start - 8), q.start):
        return False
    clause = _RE_IS_STATISTIC_3.split(norm[max(0, q.start - 40):q.start])[-1]
    if pats["skip_clause"].search(clause):
        return False
    if q.unit == "个" and _RE_SPAN_AFTER.match(norm, q.end):
        return False  # 历时3个多月, 两个半小时: a duration
    if _COMMENT_COUNT.match(norm, q.end):
        return False  # 已有0人发表了评论: the site's comment counter
    has_mag = bool(_RE_IS_STATISTIC_4.search(numtxt))
    if not q.unit:
        if not (has_mag or q.qualifier in ("余", "多")):
            return False
        nxt = norm[q.end:q.end + 1]
        if not has_mag and not _RE_IS_STATISTIC_5.match(nxt or " "):
            return False
        if _RE_IS_STATISTIC_6.match(nxt or " "):
            return False
    # the determiner 一 (一个, 一批) and 一 in fixed words
    if q.chinese and q.value == 1 and numtxt.strip() in ("一", "壹"):
        return False
    # numbers glued to Latin letters (IDs, model numbers)
    if _RE_IS_STATISTIC_7.search(norm[max(0, q.num_start - 1):q.num_start]):
        return False
    after = norm[q.end:q.end + 6]
    # thresholds that define a group: 25人以上非公企业, 百人以上的企业
    if _RE_IS_STATISTIC_8.search(norm[q.start:q.end]) and cat in ("people", "count", "money") and \
            _RE_IS_STATISTIC_9.match(after) and not _RE_IS_STATISTIC_10.match(after) and \
            not (q.unit in _EVENT_UNITS and not _THRESHOLD_HEAD.match(norm, q.end)):
        return False  # (4.5万人次以上疗休养: visits are counted, not a class of units defined)
    head = pats["part_head"].match(after.lstrip()) if q.unit else None
    if head and not (head.group(0) == "代表" and (cat == "people" or after.lstrip()[2:3] in ("队", "团"))):
        return False  # (三个代表; but 5名代表, 31支代表队, 12个代表团 are counts of people and teams)
    if q.unit == "篇" and _RE_ESSAY_AFTER.match(after) and \
            _RE_ESSAY_BEFORE.search(norm, max(0, q.start - 16), q.start):
        return False  # 做好“产、城、人”三篇文章: a figure of speech for tasks, not a count
    return not _counts_parts(q, norm)


def _counts_parts(q, norm: str) -> bool:
    """六类, 5项共性目标, 三项创新举措: a small count of the parts of a text or plan."""
    if q.unit not in _PART_UNITS or q.value > STRUCTURE_MAX or q.kind != "number":
        return False
    if q.unit in _KIND_UNITS:
        return True
    m = _RE_COUNTS_PARTS_0.match(norm[q.end:q.end + 22])
    if not m:
        return False
    phrase = m.group(1).replace("“", "").replace("”", "")
    # the noun the count is about: before a conjunction, or after the last 的 of a modifier
    # (6个与司机切身利益相关的热点焦点问题)
    first = _RE_COUNTS_PARTS_1.split(phrase)[0]
    named = phrase.rsplit("的", 1)[1] if "的" in phrase else ""
    tail = patterns()["part_tail"]
    return bool(tail.search(first) or (named and tail.search(named)))


# patterns of the functions above, compiled once (they run for every figure)
_RE_IS_STATISTIC_0 = re.compile("[成折]")
_RE_IS_STATISTIC_1 = re.compile(r"(?:第|前|后|首|每)[ \t]*$")
_RE_IS_STATISTIC_2 = re.compile(r"届[^，。；]{0,4}$")
_RE_IS_STATISTIC_3 = re.compile(r"[，,。；;！!？?\n]")
_RE_IS_STATISTIC_4 = re.compile("[万亿]")
_RE_IS_STATISTIC_5 = re.compile(f"[{CJK}]")
_RE_IS_STATISTIC_6 = re.compile(r"[年月日号时点分秒]")
_RE_IS_STATISTIC_7 = re.compile(r"[A-Za-z]$")
_RE_IS_STATISTIC_8 = re.compile(r"以[ \t]?[上下]$")
_RE_IS_STATISTIC_9 = re.compile(rf"[ \t]*(?:的)?[{CJK}]")
_RE_IS_STATISTIC_10 = re.compile(r"[ \t]*的?(?:比例|比重)")
_RE_COUNTS_PARTS_0 = re.compile(rf"[ \t]*(?:的)?([{CJK}“”]{{1,20}})")
_RE_COUNTS_PARTS_1 = re.compile(r"[和及与或、]")
#: a comment counter of the hosting site after a head count (0人发表了评论, 3人参与评论)
_COMMENT_COUNT = re.compile(r"[ \t]*(?:发表了?|参与|参加)?评论")
#: the start of a range of ordinals right before a figure (第四至|八名, 第11-|15名)
_ORDINAL_RANGE_END = re.compile(r"第[ \t]*[一二三四五六七八九十\d]{1,3}[ \t]*(?:至|到|-|—|~|～)[ \t]*$")
#: 做好…三篇文章 / 写好…这篇大文章: the idiom for tasks (after the measure word, and before it)
_RE_ESSAY_AFTER = re.compile(r"[ \t]*(?:大)?文章")
_RE_ESSAY_BEFORE = re.compile(r"(?:做|写|抓|下)(?:好|足|活|实|深)[^，。；！？\n]{0,12}$")
#: measure words of visits and events: "N以上" after them is a count, not a threshold defining a
#: class, unless a unit noun follows (5000人次以上的景区)
_EVENT_UNITS = {"人次", "次", "场", "场次", "期", "批", "批次"}
_THRESHOLD_HEAD = re.compile(r"[ \t]*的?[\u4e00-\u9fff]{0,4}(?:企业|单位|公司|项目|工地|园区|景区|商户|门店|机构|组织|学校|医院|活动)")
#: the rest of a duration after N个 (3个多月, 2个半小时, 5个来月)
_RE_SPAN_AFTER = re.compile(r"[多半来]?(?:月|小时|星期|钟头|工作日)")
