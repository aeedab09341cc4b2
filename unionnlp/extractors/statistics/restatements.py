"""One statistic per fact: the same figure written again in a document (headline and body, a
lead and its paragraph, a count repeated as the story goes on) is kept once, with the evidence
of every other occurrence in ``Statistic.mentions`` and the flag ``restated``.

Two figures restate each other when value, unit and qualifier agree (名/位 count as 人 for
figures that are not small counts), their years do not contradict each other, and their
metrics name the same thing: one contains the other, or, for a value that is not a small
count, they share a two-character word that is not a generic one (职工, 企业 …). The kept occurrence is the first one in the body; a headline's
copy only adds its span.
"""
from __future__ import annotations

import math

#: below this a value is a small count: restatements need the same measure word and metrics
#: that contain each other (1人荣获全国… and 1人荣获市级… are two facts)
SMALL_COUNT = 10
_PEOPLE = {"名": "人", "位": "人"}
#: how many earlier figures of the same value (and metrics of one figure) a figure is compared
#: with: restatements are few, and a page of repeated values must stay linear
RESTATEMENT_WINDOW = 8
#: words too common to tie two metrics together (覆盖职工 and 培训职工 are two facts)
_GENERIC = {"职工", "企业", "工会", "会员", "单位", "人员", "组织", "活动", "资金", "项目",
            "开展", "举办", "发放", "新建", "建成", "培训", "覆盖", "参与", "慰问", "走访", "提供",
            # amounts per head (每人发放助学金5000元 and 将分别资助每年每人5000元 are two facts)
            "每人", "每户", "每名", "人均"}


def merge(stats: list, headline_end: int = 0) -> list:
    """``stats`` (in text order) with restatements folded into the first body occurrence."""
    groups: list = []  # [kept statistic, {metrics of the group}]
    by_value: dict = {}  # (value, unit) → the latest groups with that figure
    for s in stats:
        key = (round(s.value, 6), _PEOPLE.get(s.unit or "", s.unit or ""))
        near = by_value.setdefault(key, [])
        g = next((g for g in reversed(near) if _restates(g, s)), None)
        if g is None:
            g = [s, {s.metric or ""}]
            groups.append(g)
            near.append(g)
            del near[:-RESTATEMENT_WINDOW]
            continue
        kept = g[0]
        if _in_headline(kept, headline_end) and not _in_headline(s, headline_end):
            s.mentions = [[kept.start, kept.end], *kept.mentions, *s.mentions]
            g[0] = s
        else:
            kept.mentions.append([s.start, s.end])
        if len(g[1]) < RESTATEMENT_WINDOW:
            g[1].add(s.metric or "")
    out = []
    for kept, _ in groups:
        if kept.mentions and "restated" not in kept.flags:
            kept.flags.append("restated")
        out.append(kept)
    return out


def _in_headline(s, headline_end: int) -> bool:
    return s.start is not None and s.start < headline_end


def _restates(group: list, s) -> bool:
    kept, metrics = group
    if (kept.start, kept.end) == (s.start, s.end):
        return False  # coordinated metrics sharing one figure (组建率和入会率均达99%)
    if not math.isclose(kept.value, s.value, rel_tol=1e-9, abs_tol=1e-9):
        return False
    small = abs(s.value) < SMALL_COUNT
    unit_a, unit_b = kept.unit or "", s.unit or ""
    if not small:
        unit_a, unit_b = _PEOPLE.get(unit_a, unit_a), _PEOPLE.get(unit_b, unit_b)
    if unit_a != unit_b or (kept.qualifier or "") != (s.qualifier or ""):
        return False
    if _dated(kept) and _dated(s) and kept.year != s.year:
        return False
    m = s.metric or ""
    return any(_same_thing(m, other, small) for other in metrics)


def _dated(s) -> bool:
    return s.year is not None and "inferred_year" not in s.flags


def _same_thing(a: str, b: str, small: bool) -> bool:
    if not a or not b:
        return not small
    if a in b or b in a:
        return True
    if small:
        return False
    shared = {a[i:i + 2] for i in range(len(a) - 1)} & {b[i:i + 2] for i in range(len(b) - 1)}
    return bool(shared - _GENERIC)
