"""Numbers damaged by document layout, as document-sharing previews and PDF dumps show them.

- a decimal point with layout spaces around it, inside running text (``入会率为95 .5%``,
  ``达95. 5%``; not a list marker at a line start: ``1. 5%的企业``), and a full stop typed for
  the point before a percent sign (``92。3%``): mended in place, and the spans reported so the
  number reader can flag the quantity ``repaired``;
- placeholders that stand for hidden text (``……此处隐藏1695个字……``): noise, never a number.

Every repair keeps the text's length, so offsets into the repaired view are offsets into the
original text.
"""
from __future__ import annotations

import re

__all__ = ["noise_spans", "repaired_view"]

# preview sites hide part of a document behind a placeholder: ……此处隐藏1695个字……
_NOISE = re.compile(r"[.…。·\s]*此处(?:已)?隐藏[ \t]*\d+[ \t]*个?字[.…。·]*")
# a decimal point with layout spaces around it, inside running text (not a list marker at a
# line start): 入会率为95 .5% / 达95. 5%; and a full stop typed for the point before %: 92。3%
# (a digit first, the character before it checked by a lookbehind over both: a pattern that
# opens with a character class lets the regex engine skip to the digits of the text)
_SPACED_POINT = re.compile(
    r"(?P<i>\d(?<=[^\s\d.,]\d)\d{0,3})(?P<gap>[ \t]{1,2}\.[ \t]{0,2}|\.[ \t]{1,2})(?P<f>\d{1,3})"
    r"(?=[ \t]*(?:%|个百分点|百分点|[万亿]|[\u4e00-\u9fff]))")
_STOP_POINT = re.compile(r"(?P<i>\d(?<=[\u4e00-\u9fff]\d)\d{0,2})(?P<gap>。)(?P<f>\d{1,2})(?=[ \t]*%)")


def noise_spans(text: str) -> list:
    """(start, end) of placeholder noise that stands for hidden text (``……此处隐藏1695个字……``):
    not part of any number or phrase."""
    if not text or "隐藏" not in text:
        return []
    return [(m.start(), m.end()) for m in _NOISE.finditer(text)]


def repaired_view(norm: str) -> tuple:
    """``norm`` with broken decimals mended in place (same length: the spaces move behind the
    number, ``。`` becomes ``.``) and noise blanked; returns (view, repaired spans)."""
    spans = []
    chars = None
    for pat in _damage_patterns(norm):
        for m in pat.finditer(norm):
            if chars is None:
                chars = list(norm)
            mended = m.group("i") + "." + m.group("f")
            chars[m.start():m.end()] = mended + " " * (m.end() - m.start() - len(mended))
            spans.append((m.start(), m.end()))
    for a, b in noise_spans(norm):
        if chars is None:
            chars = list(norm)
        chars[a:b] = " " * (b - a)
    return ("".join(chars) if chars is not None else norm), spans


def _damage_patterns(norm: str) -> tuple:
    """The patterns of :func:`repaired_view` that can match in ``norm``: a spaced point needs a
    point beside a space or tab, a full-stop point a digit on both sides of 。 (cheap tests
    that spare scanning every digit of a text without either)."""
    spaced = " ." in norm or ". " in norm or "\t." in norm or ".\t" in norm
    stop = _DIGIT_STOP_DIGIT.search(norm) is not None
    if spaced and stop:
        return (_SPACED_POINT, _STOP_POINT)
    if spaced:
        return (_SPACED_POINT,)
    return (_STOP_POINT,) if stop else ()


# 。 between two digits, found from the 。 (a literal first: the regex engine skips to it)
_DIGIT_STOP_DIGIT = re.compile(r"。(?<=\d。)\d")
