"""Mentions the other extractors leave implicit: a programme named earlier and taken up again
by a phrase (该活动, 这一做法, 此项工作), and a union body written short (市总工会, 衡水市总).

*Anaphors.* A phrase of a demonstrative and a programme noun (该/此/这一/这项/此项/本次 …
活动/做法/工程/行动/项目/模式/机制/品牌 …, listed in ``resources/events/cues.tsv`` as
``anaphor_det`` and ``anaphor_head``) stands for the campaign last named before it, when that
mention is near (:data:`MAX_COREF_CHARS`), else for the article's main campaign: the one its
headline names. Each anaphor becomes a campaign mention of that campaign, so the verbs around it
make events like those around the name itself (…启动了该活动 → launch).

*Short union names.* 市总工会, 县总工会 … (the level and 总工会) and 衡水市总 (the full name
less 工会) stand for the one union body of the text with that ending, preferring the one of the
article's own place when several have it.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from typing import Optional

from ...records import Organization
from .lexicon import Lexicon, alternation

__all__ = ["anaphor_mentions", "short_union_mentions", "place_union_mentions", "placeless_mentions",
           "resolve_short_names", "covered", "MAX_COREF_CHARS"]

#: how far back the campaign an anaphor takes up may be named (else the headline's campaign)
MAX_COREF_CHARS = 300
#: characters before 该/此 that make them part of another word (应该, 因此, 如此 …)
_NOT_BEFORE_DET = "应因如彼从由对"
#: levels of a union body written before 总工会 (市总工会, 县总工会 …)
_LEVELS = "省市州盟县区旗"
#: what a bare ``…市总`` must not run on into (市总体, 市总量, 市总工会 handled apart)
_NOT_AFTER_ZONG = "工体量数额值计结部书经理共和"


@functools.lru_cache(maxsize=4)
def _anaphor_regex(lex: Lexicon) -> re.Pattern:
    dets, heads = lex.words("anaphor_det"), lex.words("anaphor_head")
    if not dets or not heads:
        return re.compile(r"(?!)")
    return re.compile(f"(?:{alternation(dets)})(?:{alternation(heads)})")


def _main_campaign(camps: list, title: Optional[str]):
    if not title:
        return None
    for c in camps:
        if (c.canonical and c.canonical in title) or (c.name and c.name in title):
            return c
    return None


def covered(text: str, spans) -> bytearray:
    """One byte per character of ``text``, 1 where one of ``spans`` (start, end) covers it."""
    out = bytearray(len(text))
    for a, b in spans:
        if a is not None and b is not None and b > a:
            out[a:b] = b"\x01" * (b - a)
    return out


def anaphor_mentions(lex: Lexicon, text: str, camps: list, taken: bytearray, *,
                     title: Optional[str] = None) -> list:
    """Campaign mentions for the anaphors of ``text`` (``camps`` sorted by start; ``taken``:
    the characters already named, :func:`covered`, which an anaphor may not overlap)."""
    found = list(_anaphor_regex(lex).finditer(text))
    if not found:
        return []
    main = _main_campaign(camps, title)
    ends = [c.end for c in camps]
    out = []
    for m in found:
        s, e = m.span()
        if (s > 0 and text[s - 1] in _NOT_BEFORE_DET) or taken.find(1, s, e) >= 0:
            continue
        i = bisect.bisect_right(ends, s)  # camps ending at or before s (sorted by start)
        prev = camps[i - 1] if i > 0 and camps[i - 1].end <= s else None
        ref = prev if prev is not None and s - prev.end <= MAX_COREF_CHARS else main
        if ref is None:
            continue
        out.append(dataclasses.replace(ref, name=m.group(0), start=s, end=e))
    return out


#: characters that may stand right before a short union name (由市总工会…, 。县总工会…): a
#: name character there makes it the tail of another body's full name (朝阳区总工会)
_FREE_BEFORE = frozenset("由在与和及向据经对为是将把等从同的了并合日午前来外时后即再也还又均都"
                         "，,。：:；;、（(“”\"' 　\n")


def _free(text: str, pos: int) -> bool:
    if pos == 0:
        return True
    ch = text[pos - 1]
    return not ("\u4e00" <= ch <= "\u9fff") or ch in _FREE_BEFORE


#: a short union name of a level of the article's place: 自治区总工会, 市总工会, 县总工会 …
_LEVEL_UNION = re.compile(r"(自治区|自治州|[省市州盟县区旗])总工会")
#: one division of a canonical place name (江苏省|泰州市|海陵区; the 州 of 泰州市 ends none)
_SEGMENT = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|地区|省|市|县|区|盟|旗|州(?![市县区]))")


@functools.lru_cache(maxsize=4096)
def _segments(canonical: str) -> tuple:
    """The divisions of a canonical place name, outermost first (江苏省, 泰州市, 海陵区)."""
    return tuple(_SEGMENT.findall(canonical or ""))


def _distinct(organizations: list) -> list:
    """One organization per name (a text names its bodies many times)."""
    seen = {}
    for o in organizations:
        seen.setdefault(o.canonical or o.name, o)
    return list(seen.values())


def _level_of(segs: list, level: str) -> Optional[int]:
    """Index of the most specific division of ``segs`` at ``level`` (区 is no 自治区)."""
    for i in range(len(segs) - 1, -1, -1):
        seg = segs[i]
        if seg.endswith(level) and len(seg) > len(level) and \
                not (level == "区" and seg.endswith("自治区")):
            return i
    return None


def place_union_mentions(text: str, taken: bytearray, place) -> list:
    """Organization mentions for short union names no organization of the text completes,
    completed with the article's place (自治区总工会 in a page on 新疆 → 新疆维吾尔自治区总工会;
    县总工会 in a page on 沈丘县 → 沈丘县总工会), where the short name stands alone."""
    canonical = getattr(place, "canonical", None)
    if not canonical or "总工会" not in text:
        return []
    segs = _segments(canonical)
    out = []
    at = text.find("总工会")
    while at >= 0:
        if taken[at]:  # part of a name found already
            at = text.find("总工会", at + 3)
            continue
        m = _LEVEL_UNION.match(text, max(0, at - 3), at + 3)
        if m is None or m.end() != at + 3:
            m = _LEVEL_UNION.match(text, max(0, at - 1), at + 3)
        at = text.find("总工会", at + 3)
        if m is None or m.end() > len(text):
            continue
        s, e = m.span()
        if taken.find(1, s, e) >= 0 or not _free(text, s):
            continue
        i = _level_of(segs, m.group(1))
        if i is None:
            continue
        adcode = getattr(place, "adcode", None) if i == len(segs) - 1 else None
        out.append(Organization(name=m.group(0), canonical=segs[i] + "总工会", kind="union",
                                place="".join(segs[:i + 1]), adcode=adcode, start=s, end=e))
        taken[s:e] = b"\x01" * (e - s)
    return out


def resolve_short_names(organizations: list, place=None, *, by_form: Optional[dict] = None,
                        placeless: Optional[dict] = None) -> list:
    """Organization mentions whose name is only a short union name (省总工会 with no full form
    found) given the identity of the one body of the text it stands for, when there is one,
    else completed with the article's place (``place``: a Place)."""
    canonical = getattr(place, "canonical", None)
    by_form = dict(by_form if by_form is not None else _by_form(organizations, canonical))
    for short, org in (placeless if placeless is not None
                       else _placeless(organizations, ())).items():
        by_form.setdefault(short, org)
    segs = None
    out = []
    for o in organizations:
        name = o.canonical or o.name
        full = by_form.get(name)
        if full is not None and (full.canonical or full.name) != name:
            o = dataclasses.replace(o, canonical=full.canonical or full.name, place=full.place,
                                    org_id=full.org_id, adcode=full.adcode, kind=full.kind)
        elif full is None and canonical and len(name) <= 6 and name.endswith("总工会") and \
                _LEVEL_UNION.fullmatch(name):
            segs = segs if segs is not None else _segments(canonical)
            i = _level_of(segs, _LEVEL_UNION.fullmatch(name).group(1))
            if i is not None:
                o = dataclasses.replace(o, canonical=segs[i] + "总工会", place="".join(segs[:i + 1]),
                                        org_id=None, kind="union",
                                        adcode=place.adcode if i == len(segs) - 1 else None)
        out.append(o)
    return out


def _by_form(organizations: list, place: Optional[str], *, distinct: bool = False) -> dict:
    """short form → the one union body of ``organizations`` it stands for."""
    by_form: dict = {}
    for o in (organizations if distinct else _distinct(organizations)):
        if o.kind not in (None, "union"):
            continue
        for form in _short_forms(o):
            by_form.setdefault(form, {}).setdefault(o.canonical or o.name, o)
    out = {}
    for form, bodies in by_form.items():
        if len(bodies) > 1 and place:
            bodies = {k: o for k, o in bodies.items() if o.place == place}
        if len(bodies) == 1:
            out[form] = next(iter(bodies.values()))
    return out


def _short_forms(o) -> list:
    name = o.canonical or o.name or ""
    if not name.endswith("总工会") or len(name) < 5 or name[-4] not in _LEVELS:
        return []
    # 市总工会 (市总 and 衡水市总 the organization extractor completes itself)
    return [name[-4:]]


def short_union_mentions(text: str, organizations: list, taken: bytearray, *,
                         place: Optional[str] = None, places=(),
                         by_form: Optional[dict] = None) -> list:
    """Organization mentions for the short union names of ``text`` that stand for one body
    (not where a place is written right before the short name: 泰州市总工会 is 泰州's own)."""
    place_ends = {p.end for p in places if p.end is not None}
    out = []
    by_form = by_form if by_form is not None else _by_form(organizations, place)
    for form, org in by_form.items():
        if form == (org.canonical or org.name):
            continue
        bare = not form.endswith("工会")
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            if (bare and text[end:end + 1] in _NOT_AFTER_ZONG) or pos in place_ends or \
                    (len(form) <= 4 and not _free(text, pos)):
                pos = text.find(form, end)
                continue
            if taken.find(1, pos, end) < 0:
                out.append(dataclasses.replace(org, name=form, start=pos, end=end))
                taken[pos:end] = b"\x01" * (end - pos)
            pos = text.find(form, end)
    return out


#: the shortest name left when a body's name is written without its place (纺织控股公司工会)
MIN_PLACELESS_CHARS = 5
#: what a name without its place must not be: a bare level or kind of union
_GENERIC = re.compile(r"^(?:[省市州盟县区旗镇乡]|自治[区州县]|街道)?(?:总工会|工会|委|委员会|政府)$")


def _place_prefix(name: str, place_names: set, lengths: list) -> str:
    """The longest place name ``name`` begins with, leaving a long enough rest."""
    for n in lengths:  # longest first
        if 1 < n <= len(name) - MIN_PLACELESS_CHARS and name[:n] in place_names:
            return name[:n]
    return ""


def _placeless(organizations: list, places, *, distinct: bool = False) -> dict:
    """name without its place → the one body of ``organizations`` it stands for."""
    organizations = organizations if distinct else _distinct(organizations)
    organizations = [o for o in organizations
                     if len(o.canonical or o.name or "") >= MIN_PLACELESS_CHARS + 2]
    if not organizations:
        return {}
    place_names = {p.name for p in places}
    for o in organizations:
        for seg in _segments(o.place or ""):
            place_names.add(seg)
            if len(seg) > 2:
                place_names.add(seg[:-1])
    if not place_names:
        return {}
    place_names.discard(None)
    lengths = sorted({len(n) for n in place_names}, reverse=True)
    by_short: dict = {}
    for o in organizations:
        name = o.canonical or o.name or ""
        prefix = _place_prefix(name, place_names, lengths)
        short = name[len(prefix):]
        if not prefix or len(short) < MIN_PLACELESS_CHARS or _GENERIC.match(short) or \
                short[0] in _LEVELS:
            continue
        by_short.setdefault(short, {}).setdefault(name, o)
    return {k: next(iter(v.values())) for k, v in by_short.items() if len(v) == 1}


def name_maps(organizations: list, places=(), place=None) -> tuple:
    """(short union form → body, name without place → body) of a text's organizations, read
    once and shared by the functions of this module."""
    distinct = _distinct(organizations)
    return (_by_form(distinct, getattr(place, "canonical", None), distinct=True),
            _placeless(distinct, places, distinct=True))


def placeless_mentions(text: str, organizations: list, taken: bytearray, places=(), *,
                       placeless: Optional[dict] = None) -> list:
    """Organization mentions for a body's name written again without its place
    (北京某某控股公司工会 → 某某控股公司工会), when that shorter name stands for one body of the
    text and is not glued onto another place (上海某某控股公司工会 is another body)."""
    place_ends = {p.end for p in places if p.end is not None}
    out = []
    placeless = placeless if placeless is not None else _placeless(organizations, places)
    for short, org in placeless.items():
        pos = text.find(short)
        while pos >= 0:
            end = pos + len(short)
            if taken.find(1, pos, end) < 0 and pos not in place_ends and _free(text, pos):
                out.append(dataclasses.replace(org, name=short, start=pos, end=end))
                taken[pos:end] = b"\x01" * (end - pos)
            pos = text.find(short, end)
    return out
