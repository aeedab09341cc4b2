"""Script conversion: traditional → simplified (OpenCC) and pinyin annotations removed.

Pages for learners print pinyin after every character: ``會(huì)議(yì)``, some after whole words:
``曹县(cáoxiàn)``. The annotation is a
parenthesised run of Latin letters (with or without tone marks) directly after a CJK character;
real parentheses such as ``(兼)``, ``(王槐艾)`` or ``(2019)`` contain no such syllable and stay.
"""
from __future__ import annotations

import functools
import re

__all__ = ["to_simplified", "strip_pinyin", "traditional_ratio"]

_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# one pinyin syllable (lower case, optional tone marks / ü / v / digit tone), after a CJK char
# … or the pinyin of a whole word, 曹县(cáoxiàn) (several syllables: only with a tone mark, so
# that a lower-case abbreviation in parentheses stays)
_PINYIN_RE = re.compile(
    r"(?<=[\u3400-\u9fff\uf900-\ufaff])\((?:[a-z" + _TONES + r"]{1,6}[1-5]?"
    r"|(?=[a-z" + _TONES + r"]*[" + _TONES + r"])[a-z" + _TONES + r"]{2,36})\)"
)


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    try:
        return opencc.OpenCC("t2s")
    except Exception:  # older builds name configs with .json
        return opencc.OpenCC("t2s.json")


def strip_pinyin(text: str) -> str:
    """Remove ``(huì)``-style pinyin annotations that follow CJK characters."""
    if "(" not in text:
        return text
    return _PINYIN_RE.sub("", text)


def traditional_ratio(text: str, converted: str | None = None) -> float:
    """Share of CJK characters that OpenCC t2s changes (0 for simplified text)."""
    if converted is None:
        converted = to_simplified(text)
    cjk = changed = 0
    for a, b in zip(text, converted):
        if "\u4e00" <= a <= "\u9fff":
            cjk += 1
            if a != b:
                changed += 1
    return changed / cjk if cjk else 0.0


def to_simplified(text: str, *, threshold: float = 0.0) -> str:
    """Traditional → simplified with OpenCC's t2s (phrase-aware).

    Conversion is applied when more than ``threshold`` of the CJK characters change, so
    simplified text passes through untouched when ``threshold`` is set (e.g. 0.01).
    """
    if not text:
        return text
    try:
        converted = _converter().convert(text)
    except UnicodeEncodeError:  # OpenCC takes UTF-8: lone surrogates cannot pass, keep them
        parts = re.split("([\ud800-\udfff])", text)
        return "".join(p if len(p) == 1 and "\ud800" <= p <= "\udfff" else
                       to_simplified(p, threshold=threshold) for p in parts)
    if len(converted) != len(text):  # OpenCC t2s is length-preserving in practice; be safe
        return converted
    if threshold and traditional_ratio(text, converted) <= threshold:
        return text
    return converted
