"""Place mentions in a text: divisions, zones, towns, anonymised and national places."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from unionnlp.extractors.places.gazetteer import (_CJK, _LEVEL_CHARS, LEVELS, NATIONAL_PLACE,
                                                  _Gazetteer, _gaz, _to_place, division)
from unionnlp.extractors.places.boundaries import _crosses_word, _short_ok
from unionnlp.extractors.places.towns import find_towns
from unionnlp.records import NATIONAL, Place


#: a level's rank in LEVELS (the score's tie-break)
_LEVEL_INDEX = {lvl: i for i, lvl in enumerate(LEVELS)}


def find_places(text: str, *, context: Iterable[Place] = ()) -> list[Place]:
    """Every division mention in ``text``, resolved to a division (see module docstring).

    ``name`` is the surface form, ``canonical`` the full chain (江苏省扬州市), ``parents`` the
    ancestors' own full names top-down (["江苏省", "盐城市"] for 阜宁县). Zones, towns and
    anonymised places (某县) are included; zones and towns carry no code of their own.
    """
    if not text or not isinstance(text, str):
        return []
    g = _gaz()
    raw: list[tuple[int, int, str, list[tuple[str, bool]], bool]] = []
    prev_end = -1
    matches = list(g.auto.iter_long(text))
    match_starts = {end_idx + 1 - len(key) for end_idx, (key, _) in matches}
    for end_idx, (key, cands) in matches:
        e = end_idx + 1
        s = e - len(key)
        fell_back = False
        full = [c for c in cands if c[1]]
        if full and e < len(text) and _CJK.match(text[e]) and e not in match_starts:
            two = text[e - 1:e + 1]
            if two not in g.right_ok and g.word_freq(two) >= 1000:
                # 城北区域, 扬州市民: the level character belongs to a word; try the short form
                short = g.by_code[full[0][0]].short
                if not short or not text.startswith(short, s) or short not in g.keys:
                    continue
                key, e = short, s + len(short)
                cands = g.keys[short]
                full = []
                fell_back = True
        if not full and not _short_ok(g, text, s, e, prev_end):
            continue
        if prev_end != s and _crosses_word(g, text, s, e):
            continue
        raw.append((s, e, key, cands, not fell_back))
        prev_end = e
    raw = _city_district_split(g, text, raw)
    # context: divisions and ancestors of unambiguous mentions
    vouched: dict[str, int] = {}
    for s, e, key, cands, extend in raw:
        codes = {c for c, _ in cands}
        d0 = g.by_code[cands[0][0]]
        if d0.weak_name if cands[0][1] else d0.weak:
            continue  # a weak mention cannot vouch for itself
        if len(codes) == 1:
            for d in g.chain(next(iter(codes))):
                vouched[d.adcode] = vouched.get(d.adcode, 0) + 1
    out: list[Place] = []
    last: Optional[Place] = None
    by_code, chain = g.by_code, g.chain
    for s, e, key, cands, extend in raw:
        best, best_score = None, None
        # a short form right before 社区 names a community (龙井社区, 凤山社区): it stands for
        # the county only when the text names the county's parents too
        community = text.startswith(_COMMUNITY, e)
        for code, is_full in cands:
            d = by_code[code]
            anc = [x.adcode for x in chain(code)[:-1]]
            adjacent = last is not None and last.end == s and last.adcode in anc
            in_ctx = sum(1 for a in anc if vouched.get(a)) if vouched else 0
            weak = d.weak_name if is_full else (d.weak or community)
            if weak and not (adjacent or in_ctx):
                continue
            if not is_full and last is not None and last.end == s and not adjacent:
                continue  # 淮安市新安小学: a short form glued to an unrelated place is a name part
            # last, a tie-break among namesakes the text does not tell apart: a district of a
            # municipality (上海宝山区, not 双鸭山宝山区) hangs on the province directly
            # a short form followed by a level character (大通县) is the namesake of that level
            suffixed = not is_full and e < len(text) and d.name.endswith(text[e])
            score = (adjacent * 10 + in_ctx * 3 + is_full * 2 - _LEVEL_INDEX[d.level] * 0.1
                     + suffixed * 0.5 - len(anc) * 0.01)
            if best_score is None or score > best_score:
                best, best_score = d, score
        if best is None:
            continue
        if extend and e < len(text) and text[e] in _LEVEL_CHARS and key != best.name \
                and (best.name.endswith(text[e])
                     or (text[e] == "县" and best.level == "county" and not is_full_key(key))):
            # 大通县 (short form + level character) is one mention; so is a county that has
            # become a district or a city since, written with its old 县 (崇明县, 密云县)
            e += 1
            key = text[s:e]
        p = _to_place(best, key, s, e)
        out.append(p)
        last = p
    towns = find_towns(g, text, out, context=context)
    if towns:
        out = sorted(_without_overlaps(out, towns), key=lambda p: (p.start, -p.end))
    extra = _zones_and_towns(g, text, out, {t.start for t in towns})
    own = [t for t in extra if t.level == "town" and t.adcode is None
           and any(p.end == t.start and p.adcode and p.level == "city"
                   and t.name.startswith(g.by_code[p.adcode].short or p.name) for p in out)]
    if own:
        # the town named after its city (玉林镇 of 玉林市): 玉林 inside 玉林镇 is the town's
        spans = [(i, i + len(t.name)) for t in own for i in _occurrences(text, t.name)]
        out = [p for p in out if p.start is None
               or not any(a <= p.start and p.end <= b for a, b in spans)]
        extra += [Place(name=t.name, canonical=t.canonical, level="town", adcode=None,
                        start=a, end=b, parents=list(t.parents))
                  for t in own for a, b in spans if a != t.start and text[a:b] == t.name]
    out.extend(extra)
    out.extend(_anonymous(g, text))
    out.extend(_national(g, text))
    out.sort(key=lambda p: (p.start, -(p.end or 0)))
    return out


def may_open_with_place(text: str) -> bool:
    """Whether a mention of :func:`find_places` could start at ``text``'s first character: a
    cheap necessary condition (some division, short form, town or town short name is a
    prefix of it, it opens with 全国 or an anonymised place, or it holds a placeholder letter
    or the last character of a town name), so callers that only want a place at the start (a
    name's division prefix) can skip the full scan when it fails."""
    if not text or not isinstance(text, str):
        return False
    g = _gaz()
    lengths = g.__dict__.get("_name_lengths")
    if lengths is None:  # the lengths of the division, town and town short names (read once)
        g.__dict__["_name_lengths"] = lengths = tuple(
            (table, sorted(set(map(len, table)))) for table in (g.keys, g.town_keys, g.town_shorts))
    if text.startswith(NATIONAL) or "X" in text or "Ｘ" in text or g.anon_re.match(text) is not None:
        return True
    if g.town_auto.last_re.search(text) is not None:
        return True  # a town named in the text lets its short form (郭杜 of 郭杜街道) count too
    return any(text[:n] in table for table, ns in lengths for n in ns if n <= len(text))


def may_be_place(text: str) -> bool:
    """Whether :func:`find_places` could read the whole of ``text`` as one mention: a cheap
    necessary condition (it is a division's name or short form, perhaps with its level
    character after it, a town's name or short name, 全国, an anonymised place, or a zone
    name after a division), so a test for an exact place name can skip the full scan."""
    if not text or not isinstance(text, str):
        return False
    g = _gaz()
    zones = g.__dict__.get("_zone_suffixes")
    if zones is None:
        from unionnlp.extractors.places.gazetteer import _vocab

        g.__dict__["_zone_suffixes"] = zones = tuple(_vocab()["zone_suffixes"])
    return (text in g.keys or text[:-1] in g.keys or text in g.town_keys or text in g.town_shorts
            or text == NATIONAL or "X" in text or "Ｘ" in text
            or g.anon_re.match(text) is not None
            or (text.endswith(zones) and may_open_with_place(text)))


_SHI_KIDS: dict = {}


def _shi_districts(g: _Gazetteer) -> dict:
    """City code → its districts whose names start with 市 (市南区, 市中区), built once."""
    if id(g) not in _SHI_KIDS:
        kids: dict = {}
        for d in g.by_code.values():
            if d.level == "county" and d.name.startswith("市"):
                kids.setdefault(d.parent, []).append(d)
        _SHI_KIDS.clear()
        _SHI_KIDS[id(g)] = kids
    return _SHI_KIDS[id(g)]


def is_full_key(key: str) -> bool:
    """``key`` is some division's full name (then a 县 after it is another word)."""
    return any(full for _, full in _gaz().keys.get(key, ()))


#: what follows a community's name (see :func:`find_places`)
_COMMUNITY = "社区"


def _city_district_split(g: _Gazetteer, text: str, raw: list) -> list:
    """A city written in full right before one of its districts whose name starts with 市
    (青岛市南区, 济南市中区): the longest match took 青岛市 and left 南区 (a namesake far away);
    the city is its short form and the district starts at the shared 市."""
    out = []
    skip_until = -1
    for s, e, key, cands, extend in raw:
        if s < skip_until:
            continue
        if key.endswith("市") and len(key) >= 3:
            city = next((c for c, full in cands if full and g.by_code[c].level == "city"), None)
            kid = None
            if city is not None:
                kid = next((d for d in _shi_districts(g).get(city, ())
                            if text.startswith(d.name, e - 1)), None)
            if kid is not None:
                out.append((s, e - 1, key[:-1], [(city, False)], False))
                out.append((e - 1, e - 1 + len(kid.name), kid.name, [(kid.adcode, True)], False))
                skip_until = e - 1 + len(kid.name)
                continue
        out.append((s, e, key, cands, extend))
    return out


def _without_overlaps(divisions: list[Place], towns: list[Place]) -> list[Place]:
    """Division mentions and towns together: a division inside a town's name is a part of it
    (长安 in 长安镇), and a town that cuts a division mention in two is dropped."""
    spans = [(t.start, t.end) for t in towns]
    keep = [p for p in divisions
            if not any(a <= p.start and p.end <= b and (a, b) != (p.start, p.end) for a, b in spans)]
    kept = [(p.start, p.end) for p in keep]
    return keep + [t for t in towns if not any(
        a < t.end and t.start < b and not (t.start <= a and b <= t.end) for a, b in kept)]


def _zones_and_towns(g: _Gazetteer, text: str, places: list[Place],
                     town_starts: frozenset | set = frozenset()) -> list[Place]:
    """Zones (…开发区) and towns (…镇) written right after a resolved division (towns only
    where the town table found none: names it does not list)."""
    out = []
    taken_until = -1
    for i, p in enumerate(places):
        if p.end <= taken_until:
            continue
        nxt_start = places[i + 1].start if i + 1 < len(places) else len(text)
        if p.level == "town":
            continue
        # 玉林市玉林镇: the city's short form opens a town named after it, not a chain
        self_named = (nxt_start == p.end and p.level == "city" and i + 1 < len(places)
                      and places[i + 1].adcode == p.adcode)
        if nxt_start == p.end and not self_named:  # chain continues (江苏省扬州市…)
            continue
        if self_named:
            nxt_start = places[i + 2].start if i + 2 < len(places) else len(text)
        m = g.zone_re.match(text, p.end)
        level = "zone"
        if not m:
            if p.level not in ("county", "city"):
                continue
            if p.end in town_starts:
                continue
            m = g.town_re.match(text, p.end)
            level = "town"
            if not m or any(ch in "各全本该每乡镇村" for ch in m.group()[:-1]):
                continue
            if text[m.end():m.end() + 1] in ("镇", "乡"):
                continue  # 市首个乡镇, 县召开乡镇…: the word 乡镇, no town
            if p.level == "city" and not _town_after_city(g, text, m.group()):
                continue
        if m.end() > nxt_start and nxt_start > p.end:
            continue
        s = p.start if level == "zone" else p.end
        name = text[s:m.end()]
        own = division(p.adcode)
        parents = list(p.parents) + [own.name] if own else list(p.parents)
        if level == "zone" and own:  # 五河经济开发区 → 安徽省蚌埠市五河经济开发区
            canonical = "".join(p.parents) + name
        else:
            canonical = (p.canonical or "") + name
        out.append(Place(name=name, canonical=canonical, level=level, adcode=None, start=s,
                         end=m.end(), parents=parents))
        taken_until = m.end()
    return out


def _occurrences(text: str, name: str) -> list:
    out, i = [], text.find(name)
    while i >= 0:
        out.append(i)
        i = text.find(name, i + len(name))
    return out


#: a town the table lacks, written right after a prefecture, must be written this often
TOWN_AFTER_CITY_MIN = 2


def _town_after_city(g: _Gazetteer, text: str, name: str) -> bool:
    """A town the table lacks right after a prefecture (玉林市玉林镇) is one only when the text
    writes it again and its stem is no dictionary word (not 召开乡 of 市召开乡镇…)."""
    if text.count(name) < TOWN_AFTER_CITY_MIN:
        return False
    stem = name[:-2] if name.endswith("街道") else name[:-1]
    return g.word_freq(stem) == 0 or g.tag(stem).startswith(("ns", "nr"))


_ANON_LEVEL = {"省": "province", "市": "city", "县": "county", "区": "county", "镇": "town", "道": "town",
               "乡": "town"}


#: a lone placeholder letter used for a place in anonymised documents (走在X前列, 在X率先):
#: flanked by CJK characters and not followed by a measure word (XX户 is a number)
#: (the letter comes first in the pattern, so the scan jumps from letter to letter)
_BARE_X = re.compile(r"[XＸ](?:(?<=[\u4e00-\u9fff][XＸ])|(?<=[\u4e00-\u9fff] [XＸ]))"
                     r"(?= ?[\u4e00-\u9fff])(?! ?[个名人户家项次元万亿年月日届批期])")


def _anonymous(g: _Gazetteer, text: str) -> list[Place]:
    out = []
    for m in _BARE_X.finditer(text):
        out.append(Place(name="X", canonical="X", level=None, adcode=None, start=m.start(),
                         end=m.end(), parents=[]))
    for m in g.anon_re.finditer(text):
        # 某市 inside 某某: keep; skip when part of a longer Latin token was excluded by regex
        out.append(Place(name=m.group(), canonical=m.group(), level=_ANON_LEVEL[m.group()[-1]],
                         adcode=None, start=m.start(), end=m.end(), parents=[]))
    return out


def _national(g: _Gazetteer, text: str) -> list[Place]:
    out = []
    start = 0
    while True:
        i = text.find(NATIONAL, start)
        if i < 0:
            break
        out.append(NATIONAL_PLACE(i, i + len(NATIONAL)))
        start = i + len(NATIONAL)
    return out


