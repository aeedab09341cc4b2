"""The division table (provinces to towns), its automaton, and look-ups by code or name."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from unionnlp import resources
from unionnlp.extractors import segmenter
from unionnlp.records import NATIONAL, Place

DIVISIONS_CSV = resources.path("places", "divisions.csv")
#: where :func:`~unionnlp.extractors.places.build.build_towns` writes the township table
TOWNS_CSV = resources.path("places", "towns.csv")

#: township-level suffixes of the MCA table, longest first (民族乡 before 乡); the short form
#: (黄家埠 for 黄家埠镇) strips one of them
TOWN_SUFFIXES = ("街道办事处", "街道", "民族乡", "民族苏木", "苏木", "镇", "乡")


def town_short(name: str) -> str:
    """A town's name without its suffix (黄家埠镇 → 黄家埠); '' when one character would remain."""
    for suf in TOWN_SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return ""

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



class _Gazetteer:
    """The division table plus two dictionary scanners (:mod:`.scan`, leftmost-longest): one
    over the full and short names of provinces, cities and counties, one over the full names of
    towns (towns are looked up apart: their names need context, see :mod:`.towns`)."""

    def __init__(self) -> None:
        from unionnlp.extractors.places.scan import PrefixScanner, SuffixScanner

        self.by_code: dict[str, Division] = {}
        for r in resources.read_table("places", "divisions.csv"):
            d = Division(r["adcode"], r["name"], r["short"], r["level"], r["parent"],
                         r["weak"] == "1", r.get("weak_name") == "1")
            self.by_code[d.adcode] = d
        keys: dict[str, list[tuple[str, bool]]] = {}
        counties = list(self.by_code.values())
        self.town_keys: dict[str, list[str]] = {}
        self.town_shorts: dict[str, list[str]] = {}
        for r in resources.read_table("places", "towns.csv"):
            code = r["adcode"]
            d = Division(code, r["name"], town_short(r["name"]), "town", r["parent"] or code[:6],
                         r["weak"] == "1", r["weak_name"] == "1")
            self.by_code[code] = d
            self.town_keys.setdefault(d.name, []).append(code)
            if len(d.short) >= 3:  # short names that may stand for their town (see towns.py)
                self.town_shorts.setdefault(d.short, []).append(code)
        self.town_auto = SuffixScanner({k: (k, tuple(v)) for k, v in self.town_keys.items()})
        for d in counties:
            keys.setdefault(d.name, []).append((d.adcode, True))
            if d.short:
                keys.setdefault(d.short, []).append((d.adcode, False))
        # full-name readings first
        self.keys = {k: sorted(v, key=lambda x: (not x[1], LEVELS.index(self.by_code[x[0]].level)))
                     for k, v in keys.items()}
        self.auto = PrefixScanner({k: (k, v) for k, v in self.keys.items()})
        v = _vocab()
        self.surnames = set(v["surnames"])
        self.follow = set(v["place_follow_chars"])
        self.non_place_after = re.compile("|".join(
            re.escape(v["non_place_after"][i:i + 2]) for i in range(0, len(v["non_place_after"]), 2)))
        self.freq = None  # jieba's word frequencies, loaded on first use (see word_freq)
        self._chains: dict = {}  # code → its chain (see chain)
        self._named: dict = {}  # code → (canonical name, parents' names) (see _to_place)
        zs = sorted(v["zone_suffixes"], key=len, reverse=True)
        self.zone_re = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:" + "|".join(map(re.escape, zs)) + ")")
        ts = "|".join(map(re.escape, v["town_suffixes"]))
        self.town_re = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:" + ts + ")")
        ap = "|".join(map(re.escape, sorted(v["anonymous_prefixes"], key=len, reverse=True)))
        asuf = "".join(v["anonymous_suffixes"])
        # (a lookahead of the prefixes' first characters lets the scan skip the rest at once)
        firsts = "".join(sorted({re.escape(x[0]) for x in v["anonymous_prefixes"] if x}))
        self.anon_re = re.compile((f"(?=[{firsts}])" if firsts else "")
                                  + r"(?<![A-Za-z0-9])(?:" + ap + r")(?:街道|[" + asuf + r"])")
        self.national = v["national_markers"]
        self.right_ok = frozenset(v["right_words_ok"])
        self.national_not = re.compile("|".join(map(re.escape, v["national_not_followed_by"])))
        self.org_head_re = re.compile("|".join(map(re.escape, v["org_heads_after_place"])))

    def chain(self, code: str) -> tuple:
        """The division and its ancestors, top-down (a tuple, kept per code)."""
        hit = self._chains.get(code)
        if hit is not None:
            return hit
        out = []
        seen = set()
        c = code
        while c and c in self.by_code and c not in seen:
            seen.add(c)
            d = self.by_code[c]
            out.append(d)
            c = d.parent
        res = tuple(out[::-1])
        self._chains[code] = res
        return res

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


@functools.lru_cache(maxsize=1)
def _province_pinyin() -> frozenset:
    """The pinyin of the provinces' names without suffix (hebei, guangxi)."""
    from pypinyin import lazy_pinyin

    return frozenset("".join(lazy_pinyin(d.short or d.name)) for d in _gaz().by_code.values()
                     if d.level == "province")


@functools.lru_cache(maxsize=1)
def _initials_index() -> dict:
    """pinyin initials of a province's or a prefecture's name without suffix (dt for 大同,
    js for 江苏) → its adcode, for initials that name exactly one of them."""
    from pypinyin import Style, pinyin

    seen: dict[str, set] = {}
    for d in _gaz().by_code.values():
        if d.level not in ("province", "city"):
            continue
        name = d.short or d.name
        if len(name) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
            continue
        key = "".join(x[0][:1] for x in pinyin(name, style=Style.FIRST_LETTER))
        seen.setdefault(key, set()).add(d.adcode)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and len(k) >= 2}


#: a URL token made of a locality's initials and a newspaper's or a union's mark (dtrb: 大同日报,
#: dtnews, jszgh: 江苏省总工会)
_URL_INITIALS = re.compile(r"([a-z]{2,3}?)(?:s|sh)?(rb|ribao|wb|news|daily|epaper|zgh|gh)")


def url_initials(url: Optional[str]) -> list:
    """Provinces and prefectures a page URL names by their pinyin initials followed by a
    newspaper's or a union's mark (``epaper.dtnews.cn/dtrb/`` → 大同市): weak evidence, for
    pages that name no locality in their text."""
    if not url or not isinstance(url, str):
        return []
    idx = _initials_index()
    out = []
    for t in re.split(r"[^a-z]+", url.lower().split("?", 1)[0]):
        m = _URL_INITIALS.fullmatch(t)
        if m and m.group(1) in idx and idx[m.group(1)] not in out:
            out.append(idx[m.group(1)])
    return out


#: a URL token made of a locality's full pinyin and a newspaper's or a union's mark
_URL_PINYIN_MARK = re.compile(r"([a-z]{4,}?)(rb|ribao|wb|news|daily|epaper|zgh|gh)")


def url_places(url: Optional[str], mentioned: Iterable[str] = (),
               levels: Iterable[str] = ()) -> list:
    """Divisions a page URL names in pinyin as a whole token (``www.nanan.gov.cn``,
    ``/news/yangzhou/``): local sites put their locality there.

    A pinyin shared by several divisions (nanan: 南安市, 南岸区) counts only when exactly one of
    them is among ``mentioned`` (adcodes the text names), or, for a text that names none of
    them, when exactly one of them ends with one of ``levels`` (the level words the text uses
    for its own division: 市 of 我市 picks 新乡市, not 新乡县)."""
    levels = tuple(levels)
    if not url or not isinstance(url, str):
        return []
    idx = _pinyin_index()
    mentioned = set(mentioned)
    tokens = re.split(r"[^a-z]+", url.lower().split("?", 1)[0])
    out = []
    for t in tokens:
        codes = idx.get(t)
        if not codes:
            # a locality's pinyin glued to a newspaper's or a union's mark (qingdaonews,
            # yangzhough): the locality
            # (not a province's: hebeinews is the province's paper, not 天津河北区)
            m = _URL_PINYIN_MARK.fullmatch(t)
            codes = idx.get(m.group(1)) if m and m.group(1) not in _province_pinyin() else None
        if not codes:
            continue
        if len(codes) > 1:
            named = codes & mentioned
            if not named and levels:
                g = _gaz()
                named = frozenset(c for c in codes if g.by_code[c].name.endswith(levels))
            codes = named
        if len(codes) == 1:
            code = next(iter(codes))
            if code not in out:
                out.append(code)
    return out


def division(adcode: str) -> Optional[Division]:
    """The division with this code (6 digits to county level, 9 for towns), or None."""
    if not adcode:
        return None
    by_code = _gaz().by_code
    return by_code.get(adcode[:9]) if len(adcode) >= 9 and adcode[:9] in by_code \
        else by_code.get(adcode[:6])


def resolve_name(name: str) -> list[Division]:
    """All divisions that a written name (full or short form) can denote, best first."""
    g = _gaz()
    return [g.by_code[c] for c, _ in g.keys.get(name, [])] + \
        [g.by_code[c] for c in g.town_keys.get(name, [])]


def _to_place(d: Division, surface: str, start: int, end: int) -> Place:
    g = _gaz()
    named = g._named.get(d.adcode)
    if named is None:  # (canonical name, parents' names) of a code, built once per process
        ch = g.chain(d.adcode)
        named = g._named[d.adcode] = ("".join(x.name for x in ch), tuple(x.name for x in ch[:-1]))
    return Place(name=surface, canonical=named[0], level=d.level,
                 adcode=d.adcode, start=start, end=end, parents=list(named[1]))


