"""One identity per campaign: the canonical name of a written variant, and its kind.

:func:`canonical_name` resolves a written name in this order:

1. the user's alias for it (``unionnlp.lexicon.user``), else its package lexicon entry
   (党建带动工建 → 党建带工建; 三创两争 → 三创争两提升);
2. a compound slogan “A、B” whose first part is a known campaign and whose parts are not a
   parallel list (党建带工建、工建服务党建 → 党建带工建; but 送温暖、送文化 stays a list);
3. a known name behind a level or place prefix (全国五一劳动奖状, 江苏省五一劳动奖状 →
   五一劳动奖状) or before a generic head (安康杯竞赛 → 安康杯; 中国梦·劳动美主题教育活动 →
   中国梦·劳动美);
4. otherwise the name itself, without inner quotes and spaces and with one middle dot
   (中国梦 劳动美 → 中国梦·劳动美 only through the lexicon; unknown names keep their form).

:func:`link_short_forms` then gives a compound the identity of its own leading parts when the
same text also names them alone (当好主力军,建功十二五,创新促发展 beside 当好主力军建功十二五).
The ``campaign_id`` of a canonical name is :func:`unionnlp.extractors.identity.campaign_id`.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from .grammar import grammar
from .lexicon import LexiconEntry, entry_for, root_entry, surface_key

__all__ = ["canonical_name", "kind_of", "link_short_forms", "split_parts", "is_place"]

_PARTS = re.compile("[、,，;；]")
_INNER = re.compile(r"[\s“”‘’\"'「」『』＂]")
_DOT = re.compile("[•．・]")
#: level words a title may carry before its name (全国五一劳动奖章, 省级模范职工之家)
_LEVEL = re.compile("^(?:全国|中华全国|全省|全市|全县|全区|省级|市级|县级|区级|自治区|省|市|县|区|州|盟)")
#: the longest place prefix tried in front of a known name (新疆维吾尔自治区)
MAX_PLACE_PREFIX = 8


def split_parts(name: str) -> list:
    """The parts of a compound slogan (one part for a plain name)."""
    return [p for p in _PARTS.split(name) if p]


def _parallel(parts: list) -> bool:
    """A list of parallel items (送温暖、送文化; 一网通办、一站调处), not a slogan with
    complements: the items open with the same characters."""
    return len({p[:1] for p in parts}) == 1


def _known(name: str, vocab) -> Optional[str]:
    """The canonical name of a name the user or the package lexicon knows, else None."""
    if vocab is not None:
        t = vocab.alias_target(name)
        if t:
            return t
        u = vocab.user_entry(name)
        if u is not None and u.action == "add":
            return u.target
    e = entry_for(name)
    if e is None:
        return None
    e = root_entry(e)
    if vocab is not None:
        return vocab.alias_target(e.name) or e.name
    return e.name


def _behind_prefix(name: str, vocab) -> Optional[str]:
    m = _LEVEL.match(name)
    if m:
        rest = name[m.end():]
        hit = _known(rest, vocab) or (_behind_place(rest, vocab) if rest else None)
        if hit:
            return hit
    return _behind_place(name, vocab)


def _behind_place(name: str, vocab) -> Optional[str]:
    """A known name after a division name (江苏省五一劳动奖状)."""
    for i in range(2, min(MAX_PLACE_PREFIX, len(name) - 2) + 1):
        hit = _known(name[i:], vocab)
        if hit and is_place(name[:i]):
            return hit
    return None


#: the places package and its mentions module, imported on the first :func:`is_place` (it runs
#: for every prefix of every quoted name: an import statement per call would cost more than the
#: pre-check it guards)
_PLACES: list = []


def is_place(prefix: str) -> bool:
    """Whether ``prefix`` is exactly a division name (江苏省, 温州)."""
    if not _PLACES:
        from .. import places
        from ..places import mentions

        _PLACES[:] = [places, mentions]
    places, mentions = _PLACES
    if not mentions.may_be_place(prefix):
        return False  # no division, town or marker has that name: skip the full scan
    found = places.find_places(prefix)
    return any(p.start == 0 and p.end == len(prefix) for p in found)


def _before_generic_head(name: str, vocab) -> Optional[str]:
    for h in grammar().generic_head:
        if name.endswith(h) and len(name) > len(h) + 1:
            hit = _known(name[:-len(h)], vocab)
            if hit:
                return hit
    return None


def _resolve(name: str, vocab) -> Optional[str]:
    hit = _known(name, vocab) or _before_generic_head(name, vocab) or _behind_prefix(name, vocab)
    if hit is None:  # both: 全省安康杯竞赛
        for h in grammar().generic_head:
            if name.endswith(h) and len(name) > len(h) + 1:
                hit = _behind_prefix(name[:-len(h)], vocab)
                if hit:
                    break
    return hit


def canonical_name(name: str, vocab=None) -> str:
    """The canonical name of a written campaign name (see the module docstring)."""
    hit = _resolve(name, vocab)
    if hit:
        return hit
    parts = split_parts(name)
    if len(parts) >= 2 and not _parallel(parts):
        hit = _resolve(parts[0], vocab)
        if hit:
            return hit
    return _DOT.sub("·", _INNER.sub("", name)) or name


@functools.lru_cache(maxsize=50_000)
def kind_of(name: str, entry: Optional[LexiconEntry] = None, user=None) -> str:
    """A campaign's kind: the user's type, the lexicon's kind, the kind its ending gives, or
    its form (numbered slogan, list of activities, program)."""
    from .lexicon import KINDS

    if user is not None and getattr(user, "type", None):
        return user.type
    if entry is not None and entry.kind in KINDS:
        return entry.kind
    n = surface_key(name)
    kind = grammar().kind_of(n)
    if kind:
        return kind
    if n[:1] in "一二三四五六七八九十两双百千万零〇0123456789" or re.search("[0-9]", n):
        return "numbered-slogan"
    if len(split_parts(name)) >= 2 or "·" in name:
        return "activity"
    return "program"


def link_short_forms(items: list) -> None:
    """Within one text: a compound whose leading parts are written alone elsewhere in the same
    text takes their identity (``items`` are Campaigns; changed in place)."""
    by_key = {}
    for c in items:
        by_key.setdefault(surface_key(c.name), c)
    for c in items:
        if c.canonical != _DOT.sub("·", _INNER.sub("", c.name)):
            continue  # already resolved through a lexicon
        parts = split_parts(c.name)
        for k in range(len(parts) - 1, 0, -1):
            short = by_key.get(surface_key("".join(parts[:k])))
            if short is not None and short is not c:
                c.canonical, c.campaign_id = short.canonical, short.campaign_id
                break
