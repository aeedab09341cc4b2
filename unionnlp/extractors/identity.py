"""Stable identities of campaigns and organizations, so counts group by the thing, not the
spelling.

- :func:`name_key` normalises a written name for comparison: NFKC (full-width → half-width),
  traditional → simplified, and no whitespace, quotes, brackets or middle dots.
- :func:`campaign_id` is the key of a campaign's canonical name (三创争两提升), also without
  list separators and dashes, so a compound written with 、 or ， is one campaign. Variants
  and short forms reach one id through their canonical
  (:mod:`unionnlp.extractors.campaigns.variants`, the lexicon and the user lexicon), never
  through the id function.
- :func:`org_id` is ``<division code>:<key of the full name>`` (``321000:扬州市总工会``): the
  code of the division the full name begins with (a name without a division prefix keeps the
  code it is given, else ``000000`` for national bodies and none at all when unknown).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Optional

from ..records import NATIONAL

__all__ = ["name_key", "campaign_id", "org_id", "NATIONAL_CODE"]

#: the code of national-level bodies and of the country itself
NATIONAL_CODE = "000000"

_DROP = re.compile(r"[\s“”‘’\"'「」『』《》〈〉【】\[\]()（）·•]")
#: a Chinese character (only names holding one are converted to simplified script)
_HAN = re.compile("[\u4e00-\u9fff]")


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=65536)
def name_key(name: Optional[str]) -> str:
    """The comparison form of a name ('' for None)."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", str(name))
    if _HAN.search(s):
        s = _t2s().convert(s)
    return _DROP.sub("", s)


#: separators between the parts of a compound slogan (党建带工建、工建服务党建)
_SEPARATORS = re.compile(r"[、，,;；:：—\-－]")


def campaign_id(canonical: Optional[str]) -> Optional[str]:
    """Identity of a campaign from its canonical name (None for an empty name)."""
    return _SEPARATORS.sub("", name_key(canonical)) or None


def org_id(canonical: Optional[str], adcode: Optional[str] = None) -> Optional[str]:
    """Identity of an organization from its full name and, when the name does not begin with
    a division, the code of the division it belongs to.

    The place prefix is reduced to the most specific division's own name, so 江苏省扬州市总工会,
    扬州市总工会 and 扬州总工会 share ``321000:扬州市总工会``.
    """
    key = name_key(canonical)
    if not key:
        return None
    code, rest = _division_prefix(key)
    if code is not None:
        own = _own_name(code)
        return f"{code}:{own}{rest}" if own else f"{code}:{key}"
    if key.startswith((NATIONAL, "中华全国", "中共中央")):
        return f"{NATIONAL_CODE}:{key}"
    return f"{adcode}:{key}" if adcode else key


@functools.lru_cache(maxsize=65536)
def _division_prefix(key: str) -> tuple:
    """(code of the most specific division the name begins with, the rest of the name)."""
    from . import places
    from .places.mentions import may_open_with_place

    if not may_open_with_place(key):
        return None, key  # nothing that could be a division begins the name
    found = sorted((p for p in places.find_places(key) if p.adcode and p.start is not None
                    and p.level != "country"), key=lambda p: p.start)
    code, pos = None, 0
    for p in found:
        if p.start != pos:
            break
        code, pos = p.adcode, p.end
    return code, key[pos:]


def _own_name(code: str) -> Optional[str]:
    from . import places

    d = places.division(code)
    return d.name if d is not None else None
