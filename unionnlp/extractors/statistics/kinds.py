"""The kind of a figure: ``actual``, ``target`` or ``change``.

``change`` for percentage points and for figures right after 提高/增长/增加/下降…;
``target`` when the sentence sets a goal, a plan or a requirement before the figure (到…年底,
2025年底前, 力争, 确保, 计划, 拟, 将, 争取, 目标, 年内, 要…, 必须, 应达到/应不少于 …) without
reporting it as reached (已, 累计, 截至) — a deadline already past at the time of writing
(到2014年底 in a 2015 article) reports a result; 以…为目标 states the purpose of what is
reported, not a goal for the figure;
``actual`` otherwise. 其中争取…: the part of a total just reported that was obtained from
elsewhere (共筹集资金170.5万元(其中争取上级慰问金162.5万元…)), not a bid.
"""
from __future__ import annotations

import re
from typing import Optional

from .context import section_end

_CHANGE_BEFORE = re.compile(
    r"(?:提高|增长|增加|上升|提升|下降|减少|降低|增幅|降幅|扩大|缩小|下滑|回落|净增|净减)(?:了|为|达)?[ \t]*$"
)
_TARGET = re.compile(
    r"(?=[力确计预争目年拟将要到必务应\d今明本未下努])(?:"  # the first characters of the branches: a cheap skip
    r"力争|确保|计划|预计|(?<!其中)争取(?![到了得])|努力(?:实现|达到)|(?<!为)目标|年内|拟(?=[\u4e00-\u9fff])|必须|务必"
    r"|今后|未来[一二两三四五六七八九十\d]{0,2}年|下一步|下步"
    r"|(?<![供响反相适回答对效])应(?:当)?(?:达到|达|不低于|不少于|覆盖|确保|建立|实现|$)"
    r"|(?:(?P<yb>\d{4})[ \t]*年(?:年底|底|年末)|[今明本]年(?:年底|底)|年底|年末)前"
    r"|(?<![已即])将(?!近|其|之|此|这|该|[\d])(?=[\u4e00-\u9fff])"
    r"|要(?:实现|达到|确保|建成|完成|新建|新增|发展|培训|创建|覆盖|组建|突破|保持|建立)"
    r"|(?<!增长)(?<!增加)(?<!提高)(?<!上升)(?<!提升)(?<!下降)(?<!减少)(?<!降低)(?<!发展)"
    r"到(?:(?P<y>\d{4})[ \t]*年|[今明本]年|年)[^，。；]{0,6}?(?:年底|年末|底|末|前))"
)
#: a future predicate right after the figure's noun (14500名职工|将参加, 4万人|将享受)
_PLANNED_AFTER = re.compile(
    r"[\u4e00-\u9fff“”]{0,8}?(?<![即])将(?:要)?(?:参加|参与|获得|得到|享受|受益|入住|接受|加入|赴|前往|分批|于|在[^，。；]{0,8}?(?:完成|开展|举行))")
#: words that report a figure as reached after a goal was named (…目标…,目前已建成…); 累计 is
#: not one of them: a plan sums up too (将为700户特困职工累计发放救助物资34万元)
_REPORTED = re.compile(r"已|截至|截止|目前|现有|至今")
#: prepositions of a framing phrase (围绕…目标, 按照…计划): the goal is a frame, not the figure's
_FRAMING = re.compile(r"[ \t]*(?:围绕|按照|对照|紧扣|聚焦|根据|依据|瞄准|结合|对标|锚定)")
#: what follows 目标/计划 in a heading that reports on it (目标完成情况, 计划执行情况)
_RE_PLAN_OUTCOME = re.compile(r"(?:任务)?(?:的)?(?:完成|执行|落实|实现)(?:情况|进展)")
#: verbs that report a goal as met, before 目标/计划 in its clause
_FULFILLED = re.compile(r"完成|实现|达成|超额|超过|突破|兑现")
_RE_CLAUSE = re.compile(r"[，,。；;！!？?\n]")
#: 将 is the disposal construction, not the future, when its clause goes on to one of these
#: verbs (将党组织建设与群团建设有机结合, 将…纳入十件实事)
_DISPOSAL = re.compile(r"纳入|列入|作为|结合|融入|建成|打造成?|转化为|培养成|变成|当作|视为|写入|放在"
                       r"|送到|送至|送往|送给|交到|递到|发放到|发放给|分发给|捐赠给")


def _future(norm: str, pos: int) -> bool:
    clause = _RE_FUTURE_0.split(norm[pos:pos + 40], maxsplit=1)[0]
    return not _DISPOSAL.search(clause)


def _names_a_plan(seg: str, m: re.Match) -> bool:
    """计划/目标 naming a plan or a goal rather than setting one for the figure: inside a
    《title》 or “quotation” (根据《职工素质提升计划》), the start of a span (行动计划实施以来),
    in a framing phrase (围绕…规划目标, 按照…目标要求), or reported as met (已完成年度目标任务的
    120%, 超额完成…计划)."""
    before = seg[:m.start()]
    if before.count("《") > before.count("》") or before.count("“") > before.count("”"):
        return True
    clause_end = _RE_CLAUSE.search(seg, m.end())
    if "以来" in seg[m.end():clause_end.start() if clause_end else len(seg)]:
        return True
    if _RE_PLAN_OUTCOME.match(seg, m.end()):
        return True  # 2020年工作目标完成情况: a report on the goal, not a goal for the figure
    clause = _RE_CLAUSE.split(before)[-1]
    # 已完成年度目标任务的120%, 超额完成…计划: the goal is reported as met
    return bool(_FRAMING.match(clause) or _FULFILLED.search(clause))


def kind_of(q, norm: str, sent_start: int, ref_year: Optional[int] = None) -> str:
    """``actual``, ``target`` or ``change`` for the quantity ``q`` whose sentence (or its
    readable part) starts at ``sent_start``; ``ref_year``: the year of writing, when known."""
    if q.kind == "points":
        return "change"
    lead = norm[max(sent_start, q.start - 12):q.start]
    if _CHANGE_BEFORE.search(lead):
        return "change"
    seg = norm[sent_start:q.start]
    tm = None
    for m in _TARGET.finditer(seg):
        y = m.group("y") or m.group("yb")
        if y and ref_year and int(y) < ref_year:
            continue  # a deadline already past when the text was written
        if m.group(0) == "将" and not _future(norm, sent_start + m.end()):
            continue
        if m.group(0) in ("计划", "目标") and _names_a_plan(seg, m):
            continue
        tm = m
    if tm is not None and not _REPORTED.search(seg[tm.end():]):
        return "target"
    if _PLANNED_AFTER.match(norm, q.end):
        return "target"  # 14500名职工将参加…: the figure's subject will do it
    return "actual"


# patterns of the functions above, compiled once (they run for every figure)
_RE_FUTURE_0 = re.compile(r"[，,。；;！!？?\n]")


#: a heading line that opens the plan part of a report (二、下半年工作安排, 明年工作打算,
#: 2023年工作思路, 下一步工作计划): short, without a sentence inside
_PLAN_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．])?[ \t]*"
    r"[^\n。！？!?；;，,]{0,14}?(?:下半年|明年|来年|下一步|下步|今后|新的一年|(?:19|20)\d{2}年)"
    r"[^\n。！？!?；;，,]{0,8}?(?:工作)?(?:安排|计划|打算|思路|要点|设想|重点|任务|目标)[^\n。！？!?；;，,]{0,8}$",
    re.MULTILINE)
#: a plan heading is a line this short at most
PLAN_HEADING_MAX = 30


def plan_sections(norm: str) -> list:
    """(start, end) of the parts of a report under a plan heading (二、下半年工作安排 … up to
    the next top-level heading): the figures there are planned, not reported."""
    out = []
    for m in _PLAN_HEADING.finditer(norm):
        line = m.group(0).strip()
        if len(line) > PLAN_HEADING_MAX or _RE_PLAN_REPORTED.search(line):
            continue
        out.append((m.end(), section_end(norm, m.end())))
    return out


#: a heading that reports on a plan rather than setting one (2022年工作目标完成情况)
_RE_PLAN_REPORTED = re.compile(r"完成|情况|回顾|总结|成效|成绩")


def reported(norm: str, start: int, pos: int) -> bool:
    """True when ``norm[start:pos]`` reports a figure as reached (已, 截至, 目前 …)."""
    return bool(_REPORTED.search(norm, start, pos))


#: a list of pledged projects announced or adopted (公布…实事项目, 纳入…为民办实事项目, 是…
#: 十件民生实事之一): the figures of such a sentence, and of the list that details it, are planned
_PLEDGE = re.compile(
    r"(?:公布|确定|推出|发布|纳入|列入|列为|之一)[^。！？；\n]{0,30}?(?:实事项目|民生实事|办实事项目|十件实事)"
    r"|(?:实事项目|民生实事|办实事项目|十件实事)[^。！？；\n]{0,6}?(?:之一|包括)")
_DETAIL = re.compile(r"\s*(?:具体|主要)?包括[:：]?")
#: words that report pledged projects as done (全部完成, 已建成)
_PLEDGE_DONE = re.compile(r"完成|已|建成了|兑现|落实了")


def pledged(norm: str, bounds: list, s0: int, pos: int) -> bool:
    """True when the figure at ``pos`` (its sentence starting at ``s0``) belongs to a list of
    pledged projects (实事项目) announced in its sentence or in the sentence before, whose
    detail it gives (…公布了11件实事项目。具体包括:新建200家…)."""
    from .context import sent_start
    sent_end = next((b for b in bounds if b > pos), len(norm))
    here = norm[s0:sent_end]
    if _PLEDGE.search(here):
        return not _PLEDGE_DONE.search(here)
    if s0 > 0 and _DETAIL.match(norm, s0):
        k = s0
        while k > 0 and norm[k - 1] in " \t\n\u3000":
            k -= 1  # the previous sentence ends before the line break (its own bound)
        prev = norm[sent_start(bounds, k - 1) if k > 0 else 0:k]
        return bool(_PLEDGE.search(prev)) and not _PLEDGE_DONE.search(prev)
    return False
