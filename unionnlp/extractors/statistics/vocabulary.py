"""The indicator a metric phrase names (``Statistic.metric_id``) and the group it counts
(``Statistic.population``).

The vocabulary is ``resources/statistics/indicators.tsv``: each indicator with the unit
categories its figures take, the verbs its phrase opens with (新发展会员: 发展, 新增 …; none for
stock indicators; optional for some: 命名工人先锋号 and 市级工人先锋号 alike) and the heads its
phrase ends with (会员, 工会会员 …). A phrase is read as
``[handling verb][verb][population][head]``: 发展新就业形态劳动者会员 → 新发展会员 for the
population 新就业形态劳动者; 农民工会员 → 会员数 for 农民工; 全市职工入会率 → 入会率 for all.
Words that name the whole membership or place (全市, 职工, 现有 …) and handling verbs that do
not change the indicator (发放帮扶资金 = 帮扶资金) are in ``indicator_words.tsv``. A phrase
whose remainder opens with a verb the indicator does not list gets no id. A researcher adds
ids and aliases through the user lexicon (kind ``metric``, :mod:`unionnlp.lexicon.user`),
which is applied after extraction.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple, Optional

from unionnlp import resources
from unionnlp.extractors import numbers, segmenter

from .words import alt, role_words, seg

__all__ = ["Indicator", "indicators", "classify"]


#: a remainder naming a place or the union that owns the figure, not a subgroup
_PLACE_OR_OWNER = re.compile(r"(?:乡|镇|县|区|市|省|州|街道|社区|村|工会|总工会|公司|集团)$")
_CHANGE_TAIL = re.compile(r"(?:净增|净减|增长|增加|提高|上升|下降|减少|降低)(?:了)?$")


class Indicator(NamedTuple):
    id: str
    units: frozenset
    verbs: tuple
    heads: tuple
    verb_optional: bool = False


@functools.lru_cache(maxsize=1)
def indicators() -> tuple:
    out = []
    for ln in resources.read_lines("statistics", "indicators.tsv"):
        parts = (ln.split("\t") + ["", "", ""])[:4]
        iid, units, verbs, heads = (p.strip() for p in parts)
        split = lambda s: tuple(sorted((w for w in s.split("|") if w), key=len, reverse=True))  # noqa: E731
        optional = verbs.startswith("?")
        out.append(Indicator(iid, frozenset(split(units)), split(verbs.lstrip("?")), split(heads),
                             optional))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _patterns() -> dict:
    w = role_words("indicator_words.tsv")
    flow = {v for ind in indicators() for v in ind.verbs}
    return {
        "neutral": re.compile(rf"^(?:{alt(w['neutral-verb'])})"),
        "generic_left": re.compile(rf"^(?:{alt(w['generic'])})+"),
        "generic_right": re.compile(rf"(?:{alt(w['generic'])})+$"),
        "flow": re.compile(rf"^(?:{alt(flow)})"),
        "population": re.compile(alt(w["population"])),
        "other_body": re.compile(rf"(?:{alt(w['other-body'])})$"),
    }


def _unit_kind(unit: str, is_points: bool = False) -> str:
    if unit == "个百分点" or is_points:
        return "points"
    if not unit:
        return "-"
    cat = numbers.unit_category(unit)
    return cat if cat in ("people", "money", "percent") else "count"


class Reading(NamedTuple):
    metric_id: Optional[str]
    population: Optional[str]


def classify(metric: Optional[str], unit: str = "") -> Reading:
    """(metric_id, population) of a metric phrase as written and the figure's unit."""
    if not metric:
        return Reading(None, None)
    return _classify(_RE_CLASSIFY_0.sub("", metric), _unit_kind(unit))


@functools.lru_cache(maxsize=1)
def _by_last_char() -> dict:
    """last character of a head → the indicators (in file order) with a head ending in it: a
    phrase can only end with the heads of its own last character."""
    out: dict = {}
    for ind in indicators():
        for c in dict.fromkeys(h[-1] for h in ind.heads if h):
            out.setdefault(c, []).append(ind)
    return out


@functools.lru_cache(maxsize=8192)
def _classify(metric: str, unit_kind: str) -> Reading:
    pats = _patterns()
    phrase = pats["neutral"].sub("", metric) or metric
    phrase = _CHANGE_TAIL.sub("", phrase) or phrase  # 会员净增 → 会员: the change of 会员数
    best = None  # (has verb, head length, indicator, verb, head)
    for ind in _by_last_char().get(phrase[-1:], ()):
        if unit_kind not in ind.units and not (unit_kind == "-" and "count" in ind.units):
            continue
        head = next((h for h in ind.heads if phrase.endswith(h)), None)
        if head is None:
            continue
        rest = phrase[:-len(head)]
        verb = ""
        if ind.verbs:
            rest = pats["generic_left"].sub("", rest)
            verb = next((v for v in ind.verbs if rest.startswith(v)), "")
            if not verb and not ind.verb_optional:
                continue
        key = (bool(verb), len(head) + len(verb))
        if best is None or key > best[0]:
            best = (key, ind, verb, head)
    if best is None:
        return Reading(None, None)
    _, ind, verb, head = best
    rest = phrase[:len(phrase) - len(head)]
    rest = pats["generic_left"].sub("", rest)
    rest = rest[len(verb):] if verb and rest.startswith(verb) else rest
    rest = pats["generic_right"].sub("", pats["generic_left"].sub("", rest)).strip("的")
    if not rest:
        return Reading(ind.id, None)
    if (not ind.verbs or ind.verb_optional and not verb) and pats["flow"].match(rest):
        return Reading(None, None)  # 新建工会组织 is not the stock of unions
    if pats["other_body"].search(rest):
        return Reading(None, None)  # 党组织组建率: another body's indicator
    known = pats["population"].search(rest)
    if known and known.group(0) == rest:
        return Reading(ind.id, rest)
    if _has_verb(rest):
        return Reading(None, None)  # 资助困难职工子女…, 被评选为…驿站: not the indicator itself
    if _PLACE_OR_OWNER.search(rest) or "people" not in ind.units:
        # 幸福乡工会会员数: whose members, not which group; 省级工人先锋号: a level, not a group
        return Reading(ind.id, known.group(0) if known else None)
    if _RE_CLASSIFY_1.fullmatch(rest):
        return Reading(ind.id, rest)
    return Reading(None, None)


def _has_verb(s: str) -> bool:
    tags = segmenter.tags()
    # every word is a substring: when none is a verb or a preposition, the words need not be cut
    if len(s) <= 12 and not any((tags.get(s[a:b]) or "").startswith(("v", "p"))
                                for a in range(len(s)) for b in range(a + 1, len(s) + 1)):
        return False
    return any((tags.get(w) or "").startswith(("v", "p")) for w in seg(s))


# patterns of the functions above, compiled once (they run for every figure)
_RE_CLASSIFY_0 = re.compile(r"\s")
_RE_CLASSIFY_1 = re.compile(r"[\u4e00-\u9fff]{2,10}")
