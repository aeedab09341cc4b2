"""Cleaning: small composable functions from raw page text to clean simplified text.

``clean`` applies them in order; each one is usable alone::

    from unionnlp.preprocessing import clean, to_simplified, strip_pinyin
    clean("會(huì)議(yì)")  # → "会议"
"""
from __future__ import annotations

from .boilerplate import classify_lines, drop_boilerplate, is_furniture
from .docshare import (
    join_page_markers,
    join_wrapped_lines,
    looks_like_docshare,
    remove_cjk_spaces,
    remove_stray_page_digits,
    repair_docshare,
)
from .normalize import normalize_whitespace, normalize_width, remove_control_chars
from .script import strip_pinyin, to_simplified, traditional_ratio

__all__ = [
    "clean",
    "clean_inline",
    "normalize_width",
    "normalize_whitespace",
    "remove_control_chars",
    "strip_pinyin",
    "to_simplified",
    "traditional_ratio",
    "repair_docshare",
    "join_page_markers",
    "join_wrapped_lines",
    "remove_stray_page_digits",
    "remove_cjk_spaces",
    "looks_like_docshare",
    "drop_boilerplate",
    "classify_lines",
    "is_furniture",
]


def clean_inline(text: str) -> str:
    """Character-level cleaning only (no line dropping): for titles, bylines, short strings."""
    if not text:
        return ""
    text = remove_control_chars(text)
    text = normalize_width(text)
    text = strip_pinyin(text)
    text = to_simplified(text, threshold=0.005)
    text = remove_cjk_spaces(text)
    return normalize_whitespace(text)


def clean(text: str, *, drop_furniture: bool = True) -> str:
    """Raw page text → clean simplified article text.

    Steps: control characters removed; full-width digits/letters/％ → half-width; pinyin
    annotations removed; traditional → simplified (OpenCC t2s, when the text is traditional);
    document-sharing artifacts repaired; page furniture lines dropped; whitespace normalised.
    """
    if not text:
        return ""
    text = remove_control_chars(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = normalize_width(text)
    text = strip_pinyin(text)
    text = to_simplified(text, threshold=0.005)
    text = normalize_whitespace(text)
    text = repair_docshare(text, spaces=False)
    if drop_furniture:
        text = drop_boilerplate(text)
    text = remove_cjk_spaces(text)
    return normalize_whitespace(text)
