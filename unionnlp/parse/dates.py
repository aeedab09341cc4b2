"""Find publication dates in bylines, meta tags and URLs; normalise to ISO ``YYYY-MM-DD``.

Dates are calendar dates in Asia/Shanghai: a timestamp with an explicit offset (``…Z``,
``…+00:00``) is converted to UTC+8 before its date is taken; naive timestamps are taken as
local (Chinese sites publish local time). Only years 1990–2099 with valid month/day are kept.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

__all__ = ["normalise_date", "find_dates", "date_from_url", "SHANGHAI"]

SHANGHAI = _dt.timezone(_dt.timedelta(hours=8))

# 2020-11-26, 2020/11/26, 2020.11.26, 2020年11月26日, optional time and zone
_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s?(?:[-/.]|年)\s?(\d{1,2})\s?(?:[-/.]|月)\s?(\d{1,2})(?!\d)\s?日?"
    r"(?:[\sT]{0,3}(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?(?:\.\d+)?"
    r"\s?(Z|[+-]\d{2}:?\d{2})?)?"
)
# 25.09.2015 (day first, dots only: the European form some sites print; 09/25/2015 stays
# unread, as the order of slashed day-first and month-first dates cannot be told apart)
_DMY_RE = re.compile(
    r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])"
    r"(?:[\sT]{0,3}(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?)?"
)
_COMPACT_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?:\s?(\d{2}):?(\d{2}):?(\d{2})?)?(?!\d)")

# URL shapes: /2020-11/26/, /2020/11/26/, /20201126/, /202011/26/, t20201126_, c_…/2020-02/19/
_URL_RES = [
    re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_]?(\d{2})[-/_](\d{2})(?!\d)"),
    re.compile(r"(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})/(\d{2})(?!\d)"),
]


def _valid(y: int, m: int, d: int) -> Optional[_dt.date]:
    if not (1990 <= y <= 2099):
        return None
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _to_local(date: _dt.date, h, mi, s, tz) -> _dt.date:
    if not tz or h is None:
        return date
    try:
        if tz == "Z":
            off = _dt.timedelta(0)
        else:
            sign = -1 if tz[0] == "-" else 1
            digits = tz[1:].replace(":", "")
            off = sign * _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        stamp = _dt.datetime(date.year, date.month, date.day, int(h) % 24, int(mi or 0) % 60,
                             int(s or 0) % 60, tzinfo=_dt.timezone(off))
        return stamp.astimezone(SHANGHAI).date()
    except (ValueError, OverflowError):
        return date


def find_dates(text: str, compact: bool = False) -> list[tuple[int, str]]:
    """All dates in ``text`` as ``(offset, 'YYYY-MM-DD')`` in order of appearance.

    ``compact`` also accepts ``20201126`` (only sensible in meta values and URLs).
    """
    out = []
    if not text:
        return out
    for m in _DATE_RE.finditer(text):
        d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            d = _to_local(d, m.group(4), m.group(5), m.group(6), m.group(7))
            out.append((m.start(), d.isoformat()))
    for m in _DMY_RE.finditer(text):
        d = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            out.append((m.start(), d.isoformat()))
    out.sort()
    if compact and not out:
        for m in _COMPACT_RE.finditer(text):
            d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                out.append((m.start(), d.isoformat()))
    return out


def normalise_date(value: Optional[str]) -> Optional[str]:
    """The first date in ``value`` as ``YYYY-MM-DD`` (Asia/Shanghai), else None."""
    found = find_dates(value or "", compact=True)
    return found[0][1] if found else None


def date_from_url(url: Optional[str]) -> Optional[str]:
    """A date encoded in a URL path (``html/2020-11/26/``, ``/2020/11/26/``, ``t20201126_``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for rx in _URL_RES:
        for m in rx.finditer(path):
            d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                return d.isoformat()
    return None
