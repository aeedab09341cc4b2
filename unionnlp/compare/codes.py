"""Administrative division codes (GB/T 2260): the level of a code and the divisions above it.

A 6-digit code carries its own hierarchy: ``321012`` (a county) lies in city ``321000``, which
lies in province ``320000``; ``000000`` stands for the whole country.
"""
from __future__ import annotations

import re
from typing import Optional

__all__ = ["level_of", "parent_codes", "NATIONAL_CODE"]

#: the code of the whole country (national pieces)
NATIONAL_CODE = "000000"

_CODE = re.compile(r"\d{6}")


def level_of(code: Optional[str]) -> Optional[str]:
    """Admin level of a 6-digit GB/T 2260 code: country, province, city or county."""
    if not code or not isinstance(code, str) or not _CODE.fullmatch(code):
        return None
    if code == NATIONAL_CODE:
        return "country"
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def parent_codes(code: Optional[str]) -> list[str]:
    """Codes of the higher-level divisions containing ``code``, nearest first, ending with the
    national code ``000000`` (``321012`` → ``["321000", "320000", "000000"]``)."""
    lvl = level_of(code)
    if lvl is None or lvl == "country":
        return []
    out = []
    if lvl == "county":
        out.append(code[:4] + "00")
    if lvl in ("county", "city"):
        out.append(code[:2] + "0000")
    out.append(NATIONAL_CODE)
    return out


def is_code(value) -> bool:
    """True for a 6-digit division code (``"321000"``)."""
    return isinstance(value, str) and bool(_CODE.fullmatch(value))
