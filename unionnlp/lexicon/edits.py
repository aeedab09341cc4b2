"""Corrections of single articles: a wrong main place, a year, a metric, an item to drop.

Rows of a corrections file that name an ``article`` (CSV/TSV columns ``article, item, field,
value, note``; in YAML the same keys) are edits of one record; rows without one are user
lexicon entries (global renames, merges and blocks, :mod:`unionnlp.lexicon.user`). One file
may hold both; ``--corrections`` and ``--lexicon`` read the same format::

    article,item,field,value,note
    3f2a9c0d1e2b4a5c,,place,泰州市,the page is about Taizhou; the site is in Yangzhou
    3f2a9c0d1e2b4a5c,statistics@57,year,2020,the report's year
    3f2a9c0d1e2b4a5c,statistics@57,metric_id,入会率,
    3f2a9c0d1e2b4a5c,campaigns@12,delete,,a slogan, not a programme

- ``article``: the record ``id`` (16 hex digits), or its ``source`` or ``url``.
- ``item``: empty for the article itself (fields ``place``, ``published``, ``title``,
  ``outlet``, ``author``, ``editor``); ``<kind>@<start>`` for the item of that kind whose
  evidence starts at that character offset (stable across runs on the same text), or
  ``<kind>#<n>`` for the n-th item (0-based).
- ``field``: the attribute to set (any field of the item, see the record schema), or
  ``delete`` to remove the item.
- ``value``: the new value, read by the field's type (``year`` → integer, ``value`` → number,
  a list field → ``|``-separated); an article ``place`` is a division name, resolved to its
  code and chain, and the figures and events that were placed in the old main place move
  with it.

Every applied edit is listed in the record's ``meta["corrections"]`` (field, old value, new
value, and the file and line it came from); an edit that finds no item is listed there too,
with ``applied: false``, so a correction never fails silently.
"""
from __future__ import annotations

import dataclasses
import re
import typing
from dataclasses import dataclass
from typing import Any, Optional

from ..errors import LexiconError
from ..records import ITEM_CLASSES, Place, Record

__all__ = ["Edit", "parse_edit", "apply_edits", "EDIT_COLUMNS", "ARTICLE_FIELDS"]

#: the columns of an edit row
EDIT_COLUMNS = ("article", "item", "field", "value", "note")
#: article-level fields an edit may set
ARTICLE_FIELDS = ("place", "published", "title", "outlet", "author", "editor")

_ITEM_RE = re.compile(r"^(?P<kind>[a-z]+)(?:@(?P<start>\d+)|#(?P<index>\d+))$")
_KIND_ALIASES = {k[:-1]: k for k in ITEM_CLASSES}  # statistic → statistics …


@dataclass(frozen=True)
class Edit:
    article: str
    item: str
    field: str
    value: Optional[str]
    note: str = ""
    source: str = ""

    @property
    def kind(self) -> Optional[str]:
        m = _ITEM_RE.match(self.item)
        return m and m.group("kind")


def _field_types(cls) -> dict:
    return typing.get_type_hints(cls)


def parse_edit(where: str, r: dict) -> Edit:
    """An :class:`Edit` from one row; a row that cannot be applied raises LexiconError."""
    def get(k):
        v = r.get(k)
        return str(v).strip() if v is not None else ""

    article, item, field, value = get("article"), get("item"), get("field"), get("value")
    if not field:
        raise LexiconError(f"{where}: a correction needs a field (or 'delete')")
    if item:
        m = _ITEM_RE.match(item)
        kind = m and _KIND_ALIASES.get(m.group("kind"), m.group("kind"))
        if not m or kind not in ITEM_CLASSES:
            raise LexiconError(f"{where}: item {item!r} is not <kind>@<start> or <kind>#<n> with "
                               f"kind one of {', '.join(ITEM_CLASSES)}")
        item = kind + item[len(m.group("kind")):]
        names = {f.name for f in dataclasses.fields(ITEM_CLASSES[kind])}
        if field != "delete" and field not in names:
            raise LexiconError(f"{where}: {kind} have no field {field!r} "
                               f"(fields: {', '.join(sorted(names))})")
    elif field not in ARTICLE_FIELDS:
        raise LexiconError(f"{where}: an article correction sets one of "
                           f"{', '.join(ARTICLE_FIELDS)}, not {field!r}")
    return Edit(article, item, field, value if value != "" else None, get("note"), where)


def _coerce(value: Optional[str], tp: Any) -> Any:
    if value is None:
        return None
    inner = tp
    if typing.get_origin(tp) is typing.Union:
        inner = next((a for a in typing.get_args(tp) if a is not type(None)), str)
    if typing.get_origin(inner) is list:
        return [v.strip() for v in value.split("|") if v.strip()]
    if inner is int:
        return int(float(value))
    if inner is float:
        return float(value)
    return value


def _resolve_place(value: Optional[str]) -> Optional[dict]:
    """A Place dict for a division name (the most specific division the name spells)."""
    if not value:
        return None
    from ..extractors import places

    found = [p for p in places.find_places(value) if p.adcode]
    if found:
        best = max(found, key=lambda p: (p.end - p.start, len(p.adcode or "")))
        d = dataclasses.asdict(best)
        d.update(name=value, start=None, end=None)
        return d
    return dataclasses.asdict(Place(name=value, canonical=value))


def _move_items(items: dict, old: str, new: Optional[str]) -> None:
    """Figures and events placed in the article's old main place follow its correction."""
    for kind in ("statistics", "events"):
        for i, d in enumerate(items.get(kind) or []):
            if d.get("place") == old:
                items[kind][i] = {**d, "place": new}


def _find(items: list, item: str) -> Optional[int]:
    m = _ITEM_RE.match(item)
    if m.group("index") is not None:
        i = int(m.group("index"))
        return i if 0 <= i < len(items) else None
    start = int(m.group("start"))
    return next((i for i, d in enumerate(items) if d.get("start") == start), None)


def apply_edits(edits: list, article: dict, items: dict) -> list:
    """Apply the edits of one article to its fields (``article``: a dict with the Record's
    article fields, ``place`` as a Place dict) and items (lists of dicts by kind), in place.
    Returns the log of what was (or could not be) changed."""
    log = []
    types = {k: _field_types(c) for k, c in ITEM_CLASSES.items()}
    deletions: dict = {}
    for e in edits:
        entry = {"item": e.item or None, "field": e.field, "by": e.source}
        if not e.item:
            old = article.get(e.field)
            new = _resolve_place(e.value) if e.field == "place" else e.value
            article[e.field] = new
            old_v = (old or {}).get("canonical") if e.field == "place" and isinstance(old, dict) else old
            new_v = (new or {}).get("canonical") if e.field == "place" else new
            log.append({**entry, "old": old_v, "new": new_v, "applied": True})
            if e.field == "place" and old_v:
                _move_items(items, old_v, new_v)
            continue
        kind = e.item.split("@")[0].split("#")[0]
        lst = items.get(kind)
        i = _find(lst, e.item) if lst is not None else None
        if i is None:
            log.append({**entry, "applied": False, "reason": "no such item"})
            continue
        if e.field == "delete":
            deletions.setdefault(kind, set()).add(i)
            log.append({**entry, "old": lst[i].get("name") or lst[i].get("text"), "new": None,
                        "applied": True})
            continue
        old = lst[i].get(e.field)
        try:
            new = _coerce(e.value, types[kind][e.field])
        except (TypeError, ValueError):
            log.append({**entry, "applied": False, "reason": f"not a value for {e.field}: {e.value!r}"})
            continue
        lst[i] = {**lst[i], e.field: new}
        log.append({**entry, "old": old, "new": new, "applied": True})
    for kind, gone in deletions.items():
        items[kind][:] = [d for i, d in enumerate(items[kind]) if i not in gone]
    return log


def record_keys(record: Record) -> set:
    """The names a correction may use for this record: its id, source and URL."""
    return {k for k in (record.id, record.source, record.url) if k}
