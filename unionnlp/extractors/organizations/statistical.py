"""The statistical pass: Baidu LAC ORG spans merged with the rules' organizations.

LAC (:mod:`unionnlp.extractors.lac_tagger`) knows names the rules have no head for (沃尔玛,
五彩碱业, 天津大学福州校区) and where a name starts when no place or stop word marks it; the
rules know the union genre's heads, kinds, places and abbreviations. The merge:

- a LAC span that overlaps rule organizations repairs their boundaries: its left edge wins
  over a rule's when the part it adds or drops is not a place mention (沃尔玛 + 福建晋江店工会;
  联合 + 义海能源有限公司 → 义海能源有限公司), and a rule's right edge (the head it found)
  is kept;
- a LAC span with no rule organization is added when it is not a place, a person, a generic
  body (各级工会) or a fragment (one character, digits), with the kind of its head;
- rule organizations LAC does not see are kept.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from unionnlp.extractors.organizations.abbreviations import expand_abbreviation
from unionnlp.extractors.organizations.lexicon import _CJK, _lex, org_kind
from unionnlp.records import Organization, Place

__all__ = ["merge_statistical", "MIN_LAC_NAME_LEN"]

#: a LAC ORG span shorter than this is not taken on its own (局, 厂 alone are fragments)
MIN_LAC_NAME_LEN = 2

_NOT_A_NAME = re.compile(r"^[\d\W_]+$|^[\d０-９]")


def _is_place_only(name: str, s: int, e: int, plist: Sequence[Place]) -> bool:
    return any(p.start == s and p.end == e for p in plist) or any(
        p.start <= s and e <= p.end for p in plist)


def _acceptable(name: str, s: int, e: int, plist: Sequence[Place]) -> bool:
    from unionnlp.extractors.organizations.rules import _strip_head
    from unionnlp.extractors.organizations.starts import _is_generic

    lx = _lex()
    if len(name) < MIN_LAC_NAME_LEN or _NOT_A_NAME.match(name):
        return False
    if _is_place_only(name, s, e, plist):
        return False
    if name in lx.generic or name.startswith(lx.determiners):
        return False
    body = _strip_head(lx, name)
    if body != name and _is_generic(lx, body) and name[:1] not in lx.vocab["abbr_level_chars"]:
        return False  # 基层工会, 企业工会
    return True


def _place_between(plist: Sequence[Place], a: int, b: int) -> bool:
    """True when [a, b) is made of place mentions (a prefix the rules keep on purpose)."""
    pos = a
    by_start = {p.start: p for p in plist}
    while pos < b and pos in by_start and by_start[pos].end <= b:
        pos = by_start[pos].end
    return pos == b and b > a


def merge_statistical(text: str, found: list[Organization], lac: Sequence[tuple[int, int]],
                      plist: Sequence[Place], chain: Sequence[str]) -> list[Organization]:
    """The rules' organizations ``found`` merged with LAC ORG spans ``lac`` (see module docstring)."""
    rule = sorted((o for o in found if o.start is not None), key=lambda o: (o.start, o.end))
    others = [o for o in found if o.start is None]
    added: list[Organization] = []
    for s, e in sorted(lac):
        over = [o for o in rule if o.start < e and s < o.end]
        if not over:
            name = text[s:e]
            if not _acceptable(name, s, e, plist):
                continue
            added.append(_new(name, s, e, chain))
            continue
        inside = [o for o in over if s <= o.start and o.end <= e]
        if len(inside) >= 2:  # 扬州大学 + 附属医院: LAC reads one name where the rules cut two
            head = max(inside, key=lambda o: o.end)
            _set_span(text, head, min(o.start for o in inside), head.end)
            head.kind = org_kind(head.name)
            rule = [o for o in rule if o is head or not any(o is x for x in inside)]
            over = [head] + [o for o in over if not any(o is x for x in inside)]
        for o in over:
            _repair(text, o, s, e, plist)
    ends = {p.end: p for p in plist if p.adcode and p.level != "country"}
    for o in added:
        _extend_right(text, o)
        while o.start in ends and ends[o.start].start < o.start:
            # 北京 + 保利: the longest written form keeps the place it starts with
            _set_span(text, o, ends[o.start].start, o.end)
    # a rule name LAC does not see at all is kept when the genre vouches for it: a union or
    # party body, a medium, or a name that begins with a place
    lac_cover = sorted(lac)
    rule = [o for o in rule if _overlaps_any(o, lac_cover) or o.kind in TRUSTED_RULE_KINDS
            or any(p.start == o.start and p.adcode for p in plist)]
    merged = rule + added + others
    return _dedupe(merged)


#: kinds of rule-found names kept in the accurate mode even where LAC tags nothing
TRUSTED_RULE_KINDS = ("union", "party", "media")


def _overlaps_any(o: Organization, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < o.end and o.start < e for s, e in spans)


def _extend_right(text: str, o: Organization) -> None:
    """A LAC name right before an organization head takes it (教育部 + 国际合作与交流司 is not
    this; 区信访 + 办 is): the longest head of the vocabulary that starts at its end."""
    lx = _lex()
    for k in range(min(6, len(text) - o.end), 0, -1):
        head = text[o.end:o.end + k]
        if head in lx.suffix_kind and lx.suffix_kind[head] != "media":
            nxt = text[o.end + k:o.end + k + 1]
            if head in lx.right_check and nxt and _CJK.match(nxt) and (
                    lx.freq.get(head[-1] + nxt, 0) >= 200 or lx.freq.get(head + nxt, 0) > 0):
                continue
            _set_span(text, o, o.start, o.end + k)
            o.kind = org_kind(o.name)
            return


def _new(name: str, s: int, e: int, chain: Sequence[str]) -> Organization:
    canonical = name
    lx = _lex()
    if name[0] in lx.vocab["abbr_level_chars"] and chain:
        canonical = expand_abbreviation(name, list(chain)) or name
    return Organization(name=name, canonical=canonical, kind=org_kind(name), place=None,
                        start=s, end=e)


def _repair(text: str, o: Organization, s: int, e: int, plist: Sequence[Place]) -> None:
    """Move a rule organization's left edge to LAC's where the difference is not a place."""
    if s == o.start or e <= o.start:
        return
    if s < o.start:
        extra = text[s:o.start]
        if _place_between(plist, s, o.start) or not all(_CJK.match(c) or c.isalnum() for c in extra):
            return
        if o.name and o.name[0] in _lex().vocab["abbr_level_chars"] and o.canonical != o.name:
            return  # 市总工会 completed from the article: LAC's 我市总工会 adds nothing
        _set_span(text, o, s, o.end)
    elif s < o.end - 1:
        dropped = text[o.start:s]
        if _place_between(plist, o.start, s) or any(p.start < s < p.end for p in plist):
            return  # 西宁市大通…总工会: the longest written form keeps its place prefix
        if e < o.end and e - s < 2:
            return
        if any(ch in "、和与及" for ch in dropped[-1:]):
            return
        _set_span(text, o, s, o.end)


def _set_span(text: str, o: Organization, s: int, e: int) -> None:
    old = o.name
    o.start, o.end = s, e
    o.name = text[s:e]
    if o.canonical == old or not o.canonical:
        o.canonical = o.name
    elif o.canonical.endswith(old):
        o.canonical = o.canonical[: len(o.canonical) - len(old)] + o.name
    if o.kind in (None, "other"):
        o.kind = org_kind(o.name)


def _dedupe(orgs: list[Organization]) -> list[Organization]:
    seen = set()
    out = []
    for o in orgs:
        key = (o.start, o.end, o.canonical)
        if key in seen:
            continue
        seen.add(key)
        out.append(o)
    return out


def lac_org_spans(text: str, windows: Optional[Sequence[tuple[int, int]]] = None) -> list:
    """(start, end) of LAC ORG spans over the whole text, or over the given windows only."""
    from unionnlp.extractors.lac_tagger import lac_spans

    if windows is None:
        return [(s, e) for s, e, _ in lac_spans(text, labels=("ORG",))]
    out = []
    for a, b in windows:
        out.extend((s + a, e + a) for s, e, _ in lac_spans(text[a:b], labels=("ORG",)))
    return out
