"""Boundary checks shared by division and town mentions (a short form must not be a given name
or a piece of a dictionary word); used by :mod:`.mentions` and :mod:`.towns`, so that neither
imports the other."""
from __future__ import annotations

from unionnlp.extractors.places.gazetteer import _CJK, _Gazetteer

__all__ = ["_short_ok", "_crosses_word"]


def _short_ok(g: _Gazetteer, text: str, s: int, e: int, prev_place_end: int) -> bool:
    """Boundary checks for a short-form (suffix-less) match text[s:e]."""
    nxt = text[e] if e < len(text) else ""
    prv = text[s - 1] if s > 0 else ""
    if nxt == "村" and text[e + 1:e + 2] not in ("民", "镇", "级", ""):
        return False  # 石门村: a village named like a county, not the county (石门村民: its villagers)
    if nxt in g.follow:
        return True
    # a surname right before, not itself the end of a place: the match is a given name
    if prv in g.surnames and prev_place_end != s:
        # …unless the "surname" closes a word with the character before it (平安扬州, 中文)
        if not (s >= 2 and _CJK.match(text[s - 2]) and g.word_freq(text[s - 2:s]) >= 100):
            return False
    if g.non_place_after.match(text, e) and prv and _CJK.match(prv) and prev_place_end != s:
        return False
    # glued into a frequent dictionary word on either side (长安全 → 安全; 大通道 → 通道), or
    # the first part of a longer word that is no place (新会员 → 会员, not 新会)
    if nxt and _CJK.match(nxt) and g.word_freq(text[e - 1] + nxt) >= 1000 and (
            g.word_freq(text[s:e] + nxt) == 0 or not g.tag(text[s:e] + nxt).startswith(("ns", "nt"))):
        return False
    if prv and _CJK.match(prv) and prev_place_end != s and g.word_freq(prv + text[s]) >= 1000:
        return False
    return True


def _crosses_word(g: _Gazetteer, text: str, s: int, e: int) -> bool:
    """True when a frequent dictionary word (not a place) straddles the match's left edge
    (人力资源县 → 人力资源 + 县: 资源县 is not meant)."""
    for k in (2, 1):
        if s - k < 0 or not _CJK.match(text[s - k]):
            continue
        for m in (2, 1):
            if s + m > e:
                continue
            w = text[s - k:s + m]
            if len(w) >= 3 and g.word_freq(w) >= 1 and not g.tag(w).startswith(("ns", "nt")):
                return True
    return False
