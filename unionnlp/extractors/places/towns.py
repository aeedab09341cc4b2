"""Towns, townships and streets (镇, 乡, 街道, 苏木) named in a text.

A town's name alone is often a common word or shared by many counties (先锋镇 names five
towns, 城关镇 eighty), so a gazetteer match (``resources/places/towns.csv``, Ministry of Civil
Affairs codes) counts only with context, strongest first:

1. written right after one of its ancestors (武清区王庆坨镇, 西安市长安区郭杜街道);
2. its county, or its city when no other town of that city has the name, is named elsewhere
   in the text (an article about 江津区 that names 先锋镇);
3. its name is unique in the country and is not a common word (黄家埠镇): the name itself
   is the evidence.

4. the text calls itself 我镇 / 本乡 / 全街道 and names no town in full: a short name of one
   town only (黄家埠 for 黄家埠镇, three characters at least, not a word) names it.

A match must not be glued into a word on either side (幸福乡村 is no 幸福乡). Once a town's
full name is accepted, its short form (郭杜 for 郭杜街道) counts in the same text as well,
under the boundary checks of other short forms.
"""
from __future__ import annotations

import re
from typing import Iterable

from unionnlp.extractors.places.boundaries import _short_ok
from unionnlp.extractors.places.gazetteer import _CJK, Division, _Gazetteer, _to_place
from unionnlp.records import Place

__all__ = ["find_towns"]

#: a town name followed by one of these is a town even when the two characters form a word
#: (镇政府, 乡党委, 街道办); see :func:`_glued_right`
TOWN_FOLLOWERS = ("总工会", "工会", "党委", "党工委", "政府", "人民政府", "人大", "纪委", "办事处",
                  "街道办", "办", "机关", "卫生院", "中心", "派出所", "财政所", "司法所", "综合",
                  "社区", "村", "居委会", "中学", "小学", "学校", "的", "和", "、", "及", "与")

#: a two-character word across a town's right edge at least this frequent in jieba's
#: dictionary means the town's last character belongs to that word (乡村, 镇江)
GLUE_FREQ = 300

_SCORE_ADJACENT, _SCORE_COUNTY, _SCORE_CITY, _SCORE_UNIQUE = 10, 5, 3, 1


def _glued_right(g: _Gazetteer, text: str, e: int) -> bool:
    if e >= len(text) or not _CJK.match(text[e]) or text.startswith(TOWN_FOLLOWERS, e):
        return False
    return g.word_freq(text[e - 1:e + 1]) >= GLUE_FREQ


def _glued_left(g: _Gazetteer, text: str, s: int) -> bool:
    """A dictionary word of three or more characters straddles the left edge (创新城镇)."""
    for k in (2, 1):
        if s - k < 0 or not all(_CJK.match(c) for c in text[s - k:s]):
            continue
        for m in (1, 2):
            w = text[s - k:s + m]
            if len(w) >= 2 and g.word_freq(w) >= GLUE_FREQ and not g.tag(w).startswith("ns"):
                return True
    return False


def _context_score(g: _Gazetteer, d: Division, name_codes: tuple, before: Place | None,
                   mentioned: set) -> int:
    chain = g.chain(d.adcode)
    ancestors = [x.adcode for x in chain[:-1]]
    if before is not None and before.adcode in ancestors:
        return _SCORE_ADJACENT
    if d.parent in mentioned:
        return _SCORE_COUNTY
    city = next((x.adcode for x in chain if x.level == "city"), None)
    if city and city in mentioned and sum(
            1 for c in name_codes if any(x.adcode == city for x in g.chain(c))) == 1:
        return _SCORE_CITY
    if len(name_codes) == 1 and not d.weak_name and not (d.short and d.weak):
        return _SCORE_UNIQUE
    return 0


def find_towns(g: _Gazetteer, text: str, divisions: Iterable[Place], *,
               context: Iterable[Place] = ()) -> list[Place]:
    """Town mentions of ``text`` given its resolved division mentions (see module docstring);
    ``context``: the mentions of a longer text this one belongs to (a title's article).

    Returned Places have level ``town``, the 9-digit code, the parent chain and ``canonical``
    from the province down (陕西省西安市长安区郭杜街道)."""
    divisions = [p for p in divisions if p.adcode and p.start is not None]
    by_end = {p.end: p for p in divisions}
    mentioned: set = set()
    for p in list(divisions) + [p for p in context if p.adcode]:
        mentioned.update(x.adcode for x in g.chain(p.adcode))
    out: list[Place] = []
    for end_idx, (name, codes) in g.town_auto.iter_long(text):
        e = end_idx + 1
        s = e - len(name)
        if _glued_right(g, text, e):
            continue
        before = by_end.get(s)
        if before is None and _glued_left(g, text, s):
            continue
        scored = sorted(((_context_score(g, g.by_code[c], codes, before, mentioned), c)
                         for c in codes), reverse=True)
        if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            continue  # no context, or two towns of that name equally likely
        out.append(_to_place(g.by_code[scored[0][1]], name, s, e))
    if not out and _TOWN_SELF.search(text):
        out.extend(_own_town_short(g, text, divisions, mentioned))
    out.extend(_short_forms(g, text, out, divisions))
    return out


#: a town speaking of itself (我镇, 本乡, 全街道): its short name (黄家埠 for 黄家埠镇) then
#: names it, see :func:`_own_town_short`
_TOWN_SELF = re.compile(r"[我本全该](?:镇|乡|街道)")
#: a run of three or more Chinese characters
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")

#: short names of towns this long at least can stand for their town (shorter ones are words)
OWN_SHORT_MIN = 3


#: the longest town short name looked up (longer ones are rare and stand in full)
_SHORT_MAX = 6


def _short_matches(shorts: dict, text: str):
    """Leftmost-longest matches of the keys of ``shorts`` (3 to ``_SHORT_MAX`` characters) in
    CJK runs of ``text``: (start, end, codes)."""
    for run in _HAN_RUN.finditer(text):
        i, stop = run.start(), run.end()
        while i <= stop - OWN_SHORT_MIN:
            for n in range(min(_SHORT_MAX, stop - i), OWN_SHORT_MIN - 1, -1):
                codes = shorts.get(text[i:i + n])
                if codes:
                    yield i, i + n, codes
                    i += n
                    break
            else:
                i += 1


def _own_town_short(g: _Gazetteer, text: str, divisions: list, mentioned: set) -> list:
    """Short names of towns in a text that calls itself 我镇 / 本乡 and names no town in
    full: the short name must belong to one town only, be at least ``OWN_SHORT_MIN`` characters,
    not be a common word or a person's name, and its county or city must be the one the text
    names (if it names any)."""
    taken = [(p.start, p.end) for p in divisions]
    out = []
    for s, e, codes in _short_matches(g.town_shorts, text):
        d = g.by_code[codes[0]]
        if len(codes) != 1 or len(d.short) < OWN_SHORT_MIN or d.weak or d.short in g.keys:
            continue
        if any(a < e and s < b for a, b in taken):
            continue
        if mentioned and not any(x.adcode in mentioned for x in g.chain(d.adcode)[:-1]):
            continue
        if not _short_ok(g, text, s, e, -1) or _glued_left(g, text, s):
            continue
        out.append(_to_place(d, d.short, s, e))
    return out


def _short_forms(g: _Gazetteer, text: str, towns: list[Place], divisions: list[Place]) -> list[Place]:
    """郭杜 for 郭杜街道, where the full name is accepted in the same text."""
    taken = [(p.start, p.end) for p in towns] + [(p.start, p.end) for p in divisions]
    out = []
    seen = set()
    for t in towns:
        d = g.by_code[t.adcode]
        if not d.short or d.weak or d.adcode in seen:
            continue
        seen.add(d.adcode)
        for m in re.finditer(re.escape(d.short), text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            if not _short_ok(g, text, s, e, -1) or _glued_left(g, text, s):
                continue
            out.append(_to_place(d, d.short, s, e))
            taken.append((s, e))
    return out
