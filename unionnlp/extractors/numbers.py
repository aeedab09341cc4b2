"""Find and resolve numbers in Chinese text: ``parse(text) -> list[Quantity]``.

What is recognised (full-width and traditional forms included, offsets into the input):

- Arabic numbers with thousands separators and decimals (``1,050,000``, ``２．２``, ``.5``),
  signs (``-3``, ``负3``), exponents (``2e5``, ``2^5``) and ``k``/``M`` suffixes;
- Chinese numerals (``四十二万``, ``一百七十点二万``, ``两千零五``, ``壹佰伍拾``, ``萬/億/點``)
  and mixed forms (``549.87万``, ``3.7億``, ``5万4千6百``, ``十余万``, ``二十几万``);
- percentages (``99%``, ``99％``, ``百分之九十三``, ``千分之一`` → 0.1), percentage points
  (``3个百分点``), tenths (``九成``, ``三成多``, ``七五折``), fractions (``三分之一``, ``3/5``,
  ``三百五又三分之一``), ranges (``3至5家``, ``10-15人``: ``low``/``high`` set, ``value`` the
  upper bound), ordinals (``第2批``: ``kind="ordinal"``);
- numbers broken by document-sharing layout, repaired and flagged (``Quantity.repaired``):
  a space around the decimal point (``95 .5%``, ``95. 5%`` → 95.5) and a full stop for the
  point before a percent sign (``92。3%``); ``……此处隐藏1695个字……`` placeholders of
  preview sites are noise (:func:`noise_spans`), never a number;
- the qualifier around the number (``约``/``近``/``超过``/``余``/``多``/``以上``/``左右`` …) and the
  measure word after it (``unit``, table ``resources/statistics/units.tsv``), with 万/亿 folded
  into ``value`` (``42万余人`` → 420000, unit ``人``, qualifier ``余``).

Conversion of Chinese numeral strings is delegated to :func:`cn2an.cn2an` (``smart`` mode);
this module only finds the spans, repairs forms cn2an rejects (``百三``, ``零十``, ``兆``,
trailing ``万亿``/``万万``, approximators ``余/多/几`` inside a number) and adds units and
qualifiers. The determiner ``一`` (一个, 一批) *is* returned here: deciding what is a statistic
is the job of :mod:`unionnlp.extractors.statistics`.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

import cn2an

from unionnlp import resources
from unionnlp.extractors.number_layout import noise_spans, repaired_view

__all__ = ["Quantity", "parse", "may_hold_numbers", "unit_category", "to_number", "normalize",
           "noise_spans"]

@functools.lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    out: dict[str, str] = {}
    for ln in resources.read_lines("statistics", "units.tsv"):
        unit, cat = ln.split("\t")[:2]
        out[unit.strip()] = cat.strip()
    return out


def unit_category(unit: str) -> str:
    """Category of a measure word (count, people, money, percent, date, time, ...); '' if unknown."""
    if unit == "%":
        return "percent"
    return _units().get(unit, "")


@functools.lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    """Same-length normalisation: full-width ASCII → ASCII, traditional numeral/unit chars → simplified."""
    table: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    table[ord("—")] = "-"
    table[ord("－")] = "-"
    for ln in resources.read_lines("statistics", "charmap.tsv"):
        a, b = ln.split("\t")[:2]
        if len(a) == 1 and len(b) == 1:
            table[ord(a)] = b
    return table


@functools.lru_cache(maxsize=1)
def _translation_re() -> tuple:
    """(pattern of the characters :func:`_translation` maps, char → replacement): replacing
    only the few mapped characters is much faster than ``str.translate`` over CJK text."""
    table = _translation()
    chars = "".join(re.escape(chr(c)) for c in sorted(table))
    return re.compile(f"[{chars}]"), {chr(c): v for c, v in table.items()}


@functools.lru_cache(maxsize=4)
def normalize(text: str) -> str:
    """Same-length copy of ``text`` with full-width ASCII and traditional numeral/unit characters
    mapped to their plain forms, so offsets into it are offsets into ``text``."""
    pat, mapping = _translation_re()
    return pat.sub(lambda m: mapping[m.group()], text)


@functools.lru_cache(maxsize=1)
def _non_numeral_re() -> re.Pattern:
    words = sorted(set(resources.read_lines("statistics", "non_numeral_words.txt")), key=len, reverse=True)
    return re.compile("|".join(re.escape(w.strip()) for w in words))


@dataclass
class Quantity:
    """One number found in a text.

    ``value`` is in base units (万/亿 folded in; percentages on the 0–100 scale, ``is_percent``);
    ``unit`` the measure word after it ('' if none); ``qualifier`` the approximation word
    (约, 近, 多, 余, 以上, 以下, 左右 …, '' if none); ``kind`` one of number, percent, points,
    fraction, range, ordinal; ``low``/``high`` the bounds of a range; ``text`` equals
    ``source[start:end]``.
    """

    value: float
    unit: str = ""
    start: int = 0
    end: int = 0
    text: str = ""
    qualifier: str = ""
    is_percent: bool = False
    kind: str = "number"
    low: Optional[float] = None
    high: Optional[float] = None
    #: offsets of the number itself (without qualifier and unit)
    num_start: int = 0
    num_end: int = 0
    #: True when the number is written with Chinese numerals only
    chinese: bool = False
    #: True when the number was read through layout damage (``95 .5%`` → 95.5)
    repaired: bool = False


# --------------------------------------------------------------------------------------------
# patterns (applied to the same-length normalised text)

_CN_DIG = "零〇一二三四五六七八九两俩壹贰叁肆伍陆柒捌玖"
CN_DIGITS = _CN_DIG
_CN_UNIT = "十拾百佰千仟"
_CN_MAG = "万亿兆"
_CN_ALL = _CN_DIG + _CN_UNIT + _CN_MAG
# atomic as a whole: a run of digits is one atom, never re-split between atoms (re-splitting
# "999.999" across the repeated atoms of _NUM was exponential on long decimals)
_ARAB = r"(?>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
_SP = r"[ \t]{0,4}"
# one atom of a numeral run; spaces are allowed only before Chinese atoms
_ATOM = (
    rf"(?:{_ARAB}|[{_CN_ALL}]|点(?=[ \t]{{0,2}}[{_CN_DIG}])"
    rf"|[余多几](?=[ \t]{{0,4}}[{_CN_UNIT}{_CN_MAG}]))"
)
_NUM = rf"(?:{_ATOM}(?:(?:[ \t]{{1,4}}(?=[{_CN_ALL}点余多几]))?{_ATOM}){{0,24}})"
_NEG = rf"(?:负|-(?<![0-9A-Za-z.\-]-)(?=\.?\d|[{_CN_DIG}十]))"

#: every character a number (or a URL, skipped) can start with: a cheap lookahead in front of
#: the alternation, so positions that cannot start one are passed over without trying the
#: branches one by one (same matches, several times faster on running text)
_FIRST_CHAR = rf"(?=[hw\d.\-负第对半{_CN_ALL}点余多几])"

_MASTER = re.compile(
    _FIRST_CHAR + "(?:" + "|".join(
        [
            r"(?P<url>(?:https?://|www\.)[!-~]+)",
            # 三百五又三分之一, 二分之一, 3分之1 (the lookahead before each of the next three
            # branches: only the characters the branch can read before its 分 / slash / exponent
            # mark, then that mark, or a run too long to look through (64 characters: the test
            # stays linear); a cheap test that spares reading the number twice)
            rf"(?=[\d,.\-负 \t又点余多几{_CN_ALL}]{{0,64}}+分|[\d,.\-负 \t又点余多几{_CN_ALL}]{{65}})"
            rf"(?P<frac>(?![百佰千仟万]{{1,3}}[ \t]{{0,2}}分)(?:(?P<fwhole>{_NEG}?{_NUM}){_SP}又{_SP})?(?P<fden>{_NEG}?{_NUM}){_SP}分{_SP}之{_SP}(?P<fnum>{_NEG}?{_NUM}))",
            # 百分之五, 千分之一, 万分之三
            rf"(?P<pre>(?P<pneg>{_NEG})?(?P<pden>百万万|百万|千万|万万|[百佰]|[千仟]|万){_SP}分{_SP}之{_SP}(?P<pnum>{_NEG}?{_NUM})(?:{_SP}(?P<pk>[kK])(?![a-zA-Z]))?)",
            # 1 3/5, 16/5
            r"(?=[\d \t负\-]{0,64}+/|[\d \t负\-]{65})"
            rf"(?P<afrac>(?<![\d/])(?:(?P<aw>\d+)[ \t]+)?(?P<an>{_NEG}?\d+)[ \t]*/[ \t]*(?P<ad>\d+)(?![\d/]))",
            # 2e5, 2^5, 1.1^+23
            r"(?=[\d.负\-]{0,64}+[eE^]|[\d.负\-]{65})"
            rf"(?P<sci>(?<![A-Za-z0-9])(?P<sb>{_NEG}?(?:\d+(?:\.\d+)?|\.\d+))"
            rf"(?:[eE](?P<se>[+-]?\d{{1,3}})(?![\d.A-Za-z])|\^(?P<sp>[+-]*\d{{1,3}})(?!\d)))",
            # ordinals: 第2批, 第十
            rf"(?P<ord>第{_SP}(?P<onum>{_NUM}))",
            # 打对折
            r"(?P<half>(?<=打)对折)",
            # 半成 半折 半百
            r"(?P<halfc>半(?P<hc>[成折百]))",
            # plain number (possibly negative, possibly with k/M)
            rf"(?P<num>(?P<neg>{_NEG})?(?P<n>{_NUM}|(?<![\d.])\.\d+)(?:{_SP}(?P<mult>[kK](?![a-zA-Z])|M(?![a-zA-Z])))?)",
        ]
    )
    + ")"
)

_PREFIX_WORDS = "大约|约|将近|接近|近|超过|超出|逾|多达|高达|不少于|不低于|不到|不足|低于|大概|预计|至少|最多"
_PREFIX_VERBS = "有|达|为|是|计|达到"
_PREFIX_QUAL = re.compile(rf"(?:(?P<q>{_PREFIX_WORDS})(?:{_PREFIX_VERBS})?)[ \t]*$")
#: the characters before a number that a _PREFIX_QUAL match can end with: the last of each
#: word, the spaces after one, and a line break ($ matches before a final one)
_PREFIX_QUAL_LAST = frozenset(w[-1] for w in f"{_PREFIX_WORDS}|{_PREFIX_VERBS}".split("|")) | {" ", "\t", "\n"}
_SUFFIX_QUAL = re.compile(r"[ \t]*(?P<q>及以[ \t]?上|以[ \t]?上|以[ \t]?下|左右|上下|余|多|来)")
_PERCENT = re.compile(r"[ \t]*(?:%|个[ \t]*百[ \t]*分[ \t]*点|百分点)")
_CHENG = re.compile(
    r"[ \t]*(?P<c>成|折)(?!为|立|员|果|功|绩|长|本|就|熟|效|型|都|交|才|风|片|规|网|体|形|年|份|品|全|合|算|射|腾|旧|叠|服|磨|中|返|线)"
    r"(?:(?P<half>半)|[ \t]{0,2}(?P<d>[一二三四五六七八九1-9])(?![\d" + _CN_ALL + r"]))?"
)
_RANGE_SEP = re.compile(r"[ \t]*(?:至|到|~|-|～|—|－)[ \t]*$")

_QUAL_MAP = {
    "大约": "约", "约": "约", "大概": "约", "预计": "约", "左右": "约", "上下": "约",
    "将近": "近", "接近": "近", "近": "近",
    "超过": "多", "超出": "多", "逾": "多", "多达": "多", "多": "多", "来": "多", "高达": "",
    "余": "余",
    "以上": "以上", "及以上": "以上", "不少于": "以上", "不低于": "以上", "至少": "以上",
    "以下": "以下", "不到": "以下", "不足": "以下", "低于": "以下", "最多": "以下",
}

_BIG = {"万": 1e4, "亿": 1e8, "兆": 1e12}
_SMALL_DEN = {"百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 1e4, "百万": 1e6,
              "千万": 1e7, "万万": 1e8, "百万万": 1e10}
_AMBIGUOUS_SINGLE = set("陆伍拾肆佰仟柒捌玖")


@functools.lru_cache(maxsize=4096)
def to_number(s: str) -> Optional[float]:
    """Value of one numeral string (Arabic, Chinese or mixed), None if it is not a number.

    Wraps :func:`cn2an.cn2an` (smart mode) and repairs the forms it rejects.
    """
    s = _RE_TO_NUMBER_0.sub("", s).replace(",", "")
    if not s:
        return None
    if _RE_TO_NUMBER_1.fullmatch(s):
        return float(s)
    s = s.replace("俩", "两").replace("〇", "零")
    if s.startswith("几"):  # 几十个, 几万人: no value can be given
        return None
    s = _RE_TO_NUMBER_2.sub("", s)
    s = _RE_TO_NUMBER_3.sub("", s)
    if not s or not _RE_TO_NUMBER_4.search(s):
        return None
    if s[0] in "百佰千仟":
        s = "一" + s
    s = _RE_TO_NUMBER_5.sub(r"\1一", s)
    s = _RE_TO_NUMBER_6.sub("", s)
    if "兆" in s:
        left, _, right = s.partition("兆")
        lv = to_number(left) if left else 1.0
        rv = to_number(right.lstrip("零")) if right.strip("零") else 0.0
        if lv is None or rv is None:
            return None
        return lv * 1e12 + rv
    if _ARABIC_MAG.fullmatch(s):
        # 86.7万, 3.7亿: what cn2an's smart mode computes for this form, without its checks
        return float(int(Decimal(s[:-1]) * (10000 if s[-1] == "万" else 100000000)))
    mult = 1.0
    for _ in range(3):
        try:
            v = cn2an.cn2an(s, "smart")
            return float(v) * mult
        except Exception:  # cn2an raises ValueError and others on forms it rejects
            pass
        if len(s) > 1 and s[-1] in "万亿":
            mult *= _BIG[s[-1]]
            s = s[:-1]
        else:
            break
    return None


def _is_chinese(s: str) -> bool:
    return not _RE_IS_CHINESE_0.search(s)


#: a digit or a common Chinese numeral: one character class, found at once
_NUMERAL_CHAR = re.compile("[0-9０-９零〇一二三四五六七八九十百千万亿两]")


def may_hold_numbers(text: str) -> bool:
    """False only when :func:`parse` can find no quantity in ``text`` (no digit, no Chinese
    numeral, no 半成 …): a cheap test for callers that skip work on number-free text."""
    if not text:
        return False
    if _NUMERAL_CHAR.search(text):
        return True
    return _MASTER.search(normalize(text)) is not None


def parse(text: str) -> list:
    """All quantities in ``text``, left to right, with offsets into ``text``.

    Never raises on odd input; returns [] for empty or non-string input.
    """
    if not text or not isinstance(text, str):
        return []
    norm, repaired = repaired_view(normalize(text))
    skip_spans = [(m.start(), m.end()) for m in _non_numeral_re().finditer(norm)]
    skip_starts = [a for a, _ in skip_spans]
    out: list[Quantity] = []
    pos, n = 0, len(norm)
    while pos < n:
        m = _MASTER.search(norm, pos)
        if m is None:
            break
        pos = max(m.end(), pos + 1)
        if m.lastgroup == "url":
            continue
        try:
            q = _build(m, norm)
        except (ValueError, OverflowError, ZeroDivisionError, TypeError):
            q = None
        if q is None:
            g = m.group(0)
            if len(g) > 1 and g[0] in _AMBIGUOUS_SINGLE and g[1].isdigit():
                pos = m.start() + 1  # 队伍160名: 伍 ends a word, the number starts after it
                continue
            sp = m.group(0).find(" ")
            if m.group("num") and sp > 0:
                pos = m.start() + sp
            continue
        pos = max(pos, q.end)
        if q.chinese and _inside(q.num_start, q.num_end, skip_spans, skip_starts):
            continue
        if not math.isfinite(q.value):
            continue
        q.text = text[q.start:q.end]
        if repaired and any(a < q.num_end and q.num_start < b for a, b in repaired):
            q.repaired = True
        out.append(q)
    return _merge_ranges(out, norm, text)


def _inside(s: int, e: int, spans: list, starts: list) -> bool:
    """True when [s, e) lies inside one of ``spans`` (sorted by start; ``starts`` their starts)."""
    i = bisect.bisect_right(starts, s) - 1
    while i >= 0 and spans[i][0] > s - 12:
        a, b = spans[i]
        if a <= s and e <= b:
            return True
        i -= 1
    return False


def _signed(num_text: str) -> Optional[float]:
    neg = num_text.startswith(("负", "-"))
    v = to_number(num_text[1:] if neg else num_text)
    if v is None:
        return None
    return -v if neg else v


def _build(m: re.Match, norm: str) -> Optional[Quantity]:
    start, end = m.start(), m.end()
    kind, is_percent, unit = "number", False, ""
    qual = ""
    chinese = False
    branch = m.lastgroup  # the outer named group of the branch that matched (it closes last)
    if branch == "frac":
        den, num = _signed(m.group("fden")), _signed(m.group("fnum"))
        if den in (None, 0) or num is None:
            return None
        value = num / den
        if (num < 0) and (den < 0):
            value = abs(value)
        if m.group("fwhole"):
            whole = _signed(m.group("fwhole"))
            if whole is None:
                return None
            value = whole - value if whole < 0 else whole + value
        kind = "fraction"
        chinese = _is_chinese(m.group(0))
    elif branch == "pre":
        num = _signed(m.group("pnum"))
        if num is None:
            return None
        if m.group("pk"):
            num *= 1000
        value = num * 100 / _SMALL_DEN[m.group("pden").replace("佰", "百").replace("仟", "千")]
        if m.group("pneg"):
            value = -value
        kind, is_percent, unit = "percent", True, "%"
    elif branch == "afrac":
        n, d = float(m.group("an").replace("负", "-")), float(m.group("ad"))
        if d == 0:
            return None
        value = n / d + (float(m.group("aw")) if m.group("aw") else 0.0)
        kind = "fraction"
    elif branch == "sci":
        base = _signed(m.group("sb"))
        if base is None:
            return None
        if m.group("se") is not None:
            value = base * 10.0 ** int(m.group("se"))
        else:
            p = m.group("sp")
            sign = -1 if p.count("-") % 2 else 1
            value = float(base) ** (sign * int(p.strip("+-")))
    elif branch == "ord":
        value = to_number(m.group("onum"))
        if value is None:
            return None
        kind = "ordinal"
        chinese = _is_chinese(m.group("onum"))
        q = Quantity(value=float(value), start=start, end=end, kind=kind, num_start=m.start(),
                     num_end=end, chinese=chinese)
        _attach_qualifiers(q, norm, unit_done=False)
        return q
    elif branch == "half":
        value, kind, is_percent, unit = 50.0, "percent", True, "%"
    elif branch == "halfc":
        c = m.group("hc")
        if c == "百":
            value = 50.0
        else:
            value, kind, is_percent, unit = (5.0 if c == "成" else 50.0), "percent", True, "%"
    else:
        ntext = m.group("n")
        raw = ntext.strip()
        if raw.isascii() and raw.isdigit():
            # plain digits (2021, 12, 300: half the numbers of a page): their value at once,
            # what the general path below gives them (not Chinese, no 余/多/几 inside)
            chinese, value, inner = False, float(raw), None
        else:
            chinese = _is_chinese(raw)
            # 千余名, 百余人, 万余元: a lone 百/千/万 with 余/多 and a measure word is a round number
            round_more = raw in ("百", "千", "万") and _ROUND_MORE.match(norm, end) is not None \
                and not _RE_ROUND_GLUED.search(norm[max(0, start - 1):start])
            if chinese and len(raw) == 1 and raw in _AMBIGUOUS_SINGLE and not round_more:
                return None
            if chinese and len(raw.replace(" ", "")) == 1 and raw in "万亿兆" and not round_more:
                return None
            # 近百名, 逾千人: a lone 百/千 after an approximator is a round number
            if round_more or (raw in ("百", "千") and _RE_BUILD_0.search(norm[max(0, start - 2):start])):
                value = {"百": 100.0, "千": 1000.0, "万": 10000.0}[raw]
            else:
                value = to_number(raw)
            if value is None:
                return None
            inner = _RE_BUILD_1.search(raw)
        if m.group("neg"):
            value = -value
        if m.group("mult"):
            value *= 1000 if m.group("mult") in "kK" else 1e6
        # percent / percentage points / tenths
        pm = _PERCENT.match(norm, end)
        if pm:
            end = pm.end()
            is_percent = True
            if "%" in pm.group(0):
                kind, unit = "percent", "%"
            else:
                kind, unit = "points", "个百分点"
        else:
            cm = _CHENG.match(norm, end) if not m.group("mult") else None
            if cm and not m.group("neg"):
                c = cm.group("c")
                if c == "成":
                    if value > 10:
                        return _plain(m, value, start, end, chinese, norm)
                    value = value * 10
                else:  # 折: 七五折 = 75%, 9.9折 = 99%, 九折 = 90%
                    if _RE_BUILD_2.fullmatch(raw.replace(" ", "")):
                        pass
                    elif value < 10:
                        value = value * 10
                    else:
                        return _plain(m, value, start, end, chinese, norm)
                if cm.group("half"):
                    value += 5
                elif cm.group("d"):
                    value += float(to_number(cm.group("d")) or 0)
                end = cm.end()
                kind, is_percent, unit = "percent", True, "%"
            else:
                q = _plain(m, value, start, end, chinese, norm)
                if inner and not q.qualifier:
                    q.qualifier = "余" if inner.group(0) == "余" else "多"
                return q
        if inner:
            qual = "余" if inner.group(0) == "余" else "多"
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return None
    q = Quantity(value=float(value), unit=unit, start=start, end=end, kind=kind,
                 is_percent=is_percent, qualifier=qual, num_start=m.start(), num_end=m.end(),
                 chinese=chinese)
    _attach_qualifiers(q, norm, unit_done=True)
    if qual and not q.qualifier:
        q.qualifier = qual
    return q


def _plain(m: re.Match, value: float, start: int, end: int, chinese: bool, norm: str) -> Quantity:
    q = Quantity(value=float(value), start=start, end=end, num_start=m.start(), num_end=end,
                 chinese=chinese)
    _attach_qualifiers(q, norm, unit_done=False)
    return q


@functools.lru_cache(maxsize=1)
def _unit_re() -> re.Pattern:
    units = sorted(_units(), key=len, reverse=True)
    return re.compile(r"[ \t]*(?:\n[ \t]*)?(?P<u>" + "|".join(re.escape(u) for u in units) + ")")


def _attach_qualifiers(q: Quantity, norm: str, unit_done: bool) -> None:
    """Extend ``q`` over a qualifier before it and a qualifier/measure word after it."""
    before = norm[q.start - 1] if q.start else ""
    # a qualifier before the number ends in one of a few characters (or spaces follow it)
    pm = _PREFIX_QUAL.search(norm, max(0, q.start - 8), q.start) if before in _PREFIX_QUAL_LAST else None
    if pm:
        q.qualifier = _QUAL_MAP.get(pm.group("q"), "")
        q.start = pm.start("q")
    pos = q.end
    sm = _SUFFIX_QUAL.match(norm, pos)
    if sm and sm.group("q") in ("余", "多", "来") and (
            sm.group("q") != "来" or (not unit_done and _unit_re().match(norm, sm.end()))):
        q.qualifier = q.qualifier or _QUAL_MAP[sm.group("q")]
        pos = sm.end()
        q.end = pos
    if not unit_done:
        um = _unit_re().match(norm, pos)
        if um:
            u = um.group("u")
            if u in ("个百分点", "百分点"):
                q.unit, q.kind, q.is_percent = "个百分点", "points", True
            else:
                q.unit = u
            pos = um.end()
            q.end = pos
            tm = _TIMES_IN_BRACKETS.match(norm, pos) if u in ("人", "户") else None
            if tm:  # 56万多人(次): a count of visits written with its 次 in brackets
                q.unit = u + "次"
                pos = q.end = tm.end()
    sm = _SUFFIX_QUAL.match(norm, pos)
    word = _RE_TO_NUMBER_0.sub("", sm.group("q")) if sm else ""
    if word in ("及以上", "以上", "以下", "左右", "上下"):
        q.qualifier = _QUAL_MAP[word]
        q.end = sm.end()


def _merge_ranges(qs: list, norm: str, text: str) -> list:
    """Join ``3至5家`` / ``10-15人`` / ``5-20%`` into one range quantity (value = upper bound)."""
    out: list[Quantity] = []
    for q in qs:
        if out:
            p = out[-1]
            gap = norm[p.end:q.num_start]
            if (p.kind == "number" and q.kind in ("number", "percent") and (not p.unit or p.unit == q.unit)
                    and not p.qualifier and _RANGE_SEP.fullmatch(gap) and p.value < q.value
                    and not p.text.startswith("0") and (p.value <= 0 or q.value <= p.value * 100)
                    and not _RE_MERGE_RANGES_0.match(norm[q.end:q.end + 3])
                    and not _RE_MERGE_RANGES_1.search(norm[max(0, p.start - 6):p.start])):
                out[-1] = Quantity(value=q.value, unit=q.unit, start=p.start, end=q.end,
                                   text=text[p.start:q.end], qualifier=q.qualifier,
                                   is_percent=q.is_percent, kind="range", low=p.value, high=q.value,
                                   num_start=p.num_start, num_end=q.num_end,
                                   chinese=p.chinese and q.chinese)
                continue
        out.append(q)
    return out


# patterns of the functions above, compiled once (they run for every figure)
_RE_TO_NUMBER_0 = re.compile(r"[ \t]")
#: 余/多 and a measure word after a lone 百/千/万 (千余名, 百余人, 万余元)
_ROUND_MORE = re.compile(r"[余多](?=[名人个家户项次元件场位])")
#: a character before a lone 百/千/万 that makes it part of a word (成千, 数百, 上万, 几千)
_RE_ROUND_GLUED = re.compile(r"[成数上几好]$")
_TIMES_IN_BRACKETS = re.compile(r"[(（]次[)）]")
_RE_TO_NUMBER_1 = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_RE_TO_NUMBER_2 = re.compile("零?几")
_RE_TO_NUMBER_3 = re.compile("[余多]")
_RE_TO_NUMBER_4 = re.compile(rf"[\d{_CN_DIG}十拾]|^[百佰千仟][{_CN_DIG}]")
_RE_TO_NUMBER_5 = re.compile("([百佰])零(?=[十拾])")
_RE_TO_NUMBER_6 = re.compile("^零(?=[十拾])")
#: ASCII digits with 万/亿 (86.7万): read directly, as cn2an would
_ARABIC_MAG = re.compile(r"[0-9]+(?:\.[0-9]+)?[万亿]")
_RE_IS_CHINESE_0 = re.compile(r"\d")
_RE_BUILD_0 = re.compile(r"(?:近|将近|逾|超)$")
_RE_BUILD_1 = re.compile("[余多几]")
_RE_BUILD_2 = re.compile(r"[1-9]\d|[一二三四五六七八九两]{2}")
_RE_MERGE_RANGES_0 = re.compile(r"[ \t]*[-/.]\d")
_RE_MERGE_RANGES_1 = re.compile(r"[-/]\d*$")
