"""Abbreviations completed with the article's place (市总工会 → 扬州市总工会, 全总 → 全国总工会)."""
from __future__ import annotations

from typing import Optional, Union

from unionnlp.records import NATIONAL, Organization, Place
from unionnlp.extractors.organizations.lexicon import _CJK, _Lex, _lex
from unionnlp.extractors.organizations.spans import _Index


def _place_chain(place: Union[Place, str, None]) -> list[str]:
    """Own full names of the article place and its ancestors, most specific first."""
    if place is None:
        return []
    if isinstance(place, (list, tuple)):
        return list(place)  # already a chain of own names, most specific first
    from unionnlp.extractors import places as pl

    if isinstance(place, str):
        found = [p for p in pl.find_places(place) if p.adcode]
        if not found:
            return []
        place = found[-1]
    if place.level == "country" or not place.adcode:
        return []
    d = pl.division(place.adcode)
    if d is None:
        return []
    return [x.name for x in pl._gaz().chain(d.adcode)][::-1]


def expand_abbreviation(surface: str, place: Union[Place, str, None]) -> Optional[str]:
    """Complete an abbreviation with a bare level character from the article place.

    ``市总工会`` with 扬州 → ``扬州市总工会``; ``县委`` with 沈丘县 → ``沈丘县委``; ``全总`` →
    ``全国总工会``; ``市总`` → ``扬州市总工会``. Returns None when the place cannot complete it.
    """
    lx = _lex()
    full = lx.vocab["abbreviations"].get(surface, surface)
    if full == surface and surface[1:2] == "总":
        # 市总宣传部: a department of the union written with the union's abbreviation
        a = surface[:2] if surface[:2] in lx.vocab["abbreviations"] else None
        nxt = surface[len(a):len(a) + 1] if a else ""
        if a and nxt and not surface.startswith(a + "工") and lx.freq.get("总" + nxt, 0) < 50:
            full = lx.vocab["abbreviations"][a] + surface[len(a):]
    if full.startswith("全国"):
        return full
    ch = full[:3] if full[:3] in lx.level_words else full[:1]  # 自治区, 自治州 or 市, 县 …
    if ch not in lx.vocab["abbr_level_chars"] and ch not in lx.level_words:
        return None
    for name in _place_chain(place):
        if _names_level(name, ch):
            return name + full[len(ch):]
    return None


def _names_level(name: str, ch: str) -> bool:
    """True when a division's own name ends with the bare level character ``ch`` (区 is a
    district: an autonomous region, 自治区, is a province)."""
    return len(name) > 1 and name.endswith(ch) and not (ch == "区" and name.endswith("自治区"))


def chain_place(chain: list[str]) -> Optional[list]:
    """The article place as its chain of own names (what :func:`expand_abbreviation` takes;
    a town's bare name alone could not be resolved again)."""
    return list(chain) if chain else None


def _chain_canonical(chain: list[str], ch: str) -> Optional[str]:
    rev = chain[::-1]
    for i in range(len(rev) - 1, -1, -1):
        if _names_level(rev[i], ch):
            return "".join(rev[: i + 1])
    return None


def _abbreviations(lx: _Lex, text: str, chain: list[str], place_by_end: dict,
                   found: list[Organization]) -> list[Organization]:
    """全总, 省总, 市总 (not followed by 工会) and 晋中市总 (place + 总)."""
    out = []
    taken = _Index([o for o in found if o.start is not None])
    for m in lx.abbr_re.finditer(text):
        s, e = m.span()
        if taken.overlaps(s, e):
            continue
        nxt = text[e:e + 1]
        if nxt and _CJK.match(nxt) and lx.freq.get("总" + nxt, 0) >= 50:
            continue
        full = lx.vocab["abbreviations"][m.group()]
        p = place_by_end.get(s + 1)  # 晋中市总: the place ends with the level char
        if p is not None and p.adcode and p.name.endswith(m.group()[0]):
            ps = p.start
            while place_by_end.get(ps) is not None and place_by_end[ps].level != "country":
                ps = place_by_end[ps].start  # 昆明 + 五华区总: the longest written form
            surface = text[ps:e]
            canonical = text[ps:p.start] + p.name + full[1:]
            out.append(Organization(name=surface, canonical=canonical, kind="union",
                                    place=p.canonical, start=ps, end=e))
            continue
        prv = text[s - 1:s]
        if prv and _CJK.match(prv) and m.group() != "全总":
            continue
        expanded = expand_abbreviation(m.group(), chain_place(chain))
        out.append(Organization(name=m.group(), canonical=expanded or full, kind="union",
                                place=(_chain_canonical(chain, m.group()[0]) if expanded and
                                       m.group() != "全总" else
                                       NATIONAL if m.group() == "全总" else None),
                                start=s, end=e))
    return out
