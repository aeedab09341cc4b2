"""Researchers' own lexicons: names, aliases, merges and blocks, without editing the package.

One file format serves campaigns, organizations and metrics (CSV, TSV or YAML), and one
function applies it to records (:meth:`UserLexicon.apply`, used by ``extract``, batch runs and
``compare``) or to the item tables of a comparison (:meth:`UserLexicon.apply_frames`)::

    kind,action,name,canonical,type,note
    campaign,add,幸福微驿站,,brand-title,our county's brand (never in the package lexicon)
    campaign,alias,三创两争,三创争两提升,,short form
    campaign,block,1公里,,,a distance, not a campaign
    organization,alias,全国总工会,中华全国总工会,,
    organization,add,沃尔玛,,enterprise,
    metric,alias,职工入会比率,入会率,,

- ``kind``: ``campaign``, ``organization`` or ``metric``.
- ``action``:
  - ``add``: ``name`` is a campaign / organization wherever it is written (its mentions are
    added with offsets, ``type`` as their kind, ``canonical`` as their canonical name when
    given); for a metric, ``name`` becomes its own indicator id.
  - ``alias`` (or ``merge``): items whose name or canonical is ``name`` take ``canonical``
    (and its id): variants merge into one identity.
  - ``block``: items whose name or canonical is ``name`` are removed (statistics: those whose
    metric is ``name``), with the events that rest on them.
- YAML: a list of mappings with the same keys (or ``{entries: [...]}``).

Rows that name an ``article`` are corrections of one record (a wrong place, a year, an item to
drop; see :mod:`unionnlp.lexicon.edits`); a corrections file is this same format, so
``--corrections`` and ``--lexicon`` read the same files and researchers keep their global
merges and their per-article fixes together or apart as they like.

Names compare after :func:`~unionnlp.extractors.identity.name_key` (full-width, traditional
script, quotes and spaces do not matter). Every change is written to the record's
``meta["lexicon"]`` (what was added, renamed or removed, and by which file and line), so an
output says which values a researcher's lexicon changed. A malformed file raises
:class:`~unionnlp.errors.LexiconError` naming the file and line.
"""
from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import os
import pathlib
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Union

from ..errors import LexiconError
from ..extractors.identity import campaign_id, name_key, org_id
from ..records import ITEM_CLASSES, Place, Record
from .edits import ARTICLE_FIELDS, EDIT_COLUMNS, Edit, apply_edits, parse_edit, record_keys

__all__ = ["LexiconEntry", "UserLexicon", "load_lexicon", "KINDS", "ACTIONS", "COLUMNS"]

#: what a user lexicon can speak about, and what it can do
KINDS = ("campaign", "organization", "metric")
ACTIONS = ("add", "alias", "merge", "block")
#: the columns of the file format (``lexicon discover`` writes them first)
COLUMNS = ("kind", "action", "name", "canonical", "type", "note")

#: record list field of each kind
_FIELD = {"campaign": "campaigns", "organization": "organizations", "metric": "statistics"}
_DEFAULT_TYPE = {"campaign": "program", "organization": "other"}
_ID_FIELD = {"campaign": "campaign_id", "organization": "org_id"}

PathLike = Union[str, os.PathLike]


@dataclass(frozen=True)
class LexiconEntry:
    kind: str
    action: str
    name: str
    canonical: Optional[str] = None
    type: Optional[str] = None
    note: str = ""
    source: str = ""  # file:line, for the record of what changed

    @property
    def target(self) -> str:
        """The canonical name this entry leads to (its own name when none is given)."""
        return self.canonical or self.name


def _rows_from_file(path: pathlib.Path) -> list:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise LexiconError(f"{path}: not valid YAML: {exc}") from exc
        if isinstance(data, dict):
            data = [*(data.get("entries") or []), *(data.get("corrections") or [])]
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise LexiconError(f"{path}: a YAML lexicon is a list of entries "
                               f"(mappings with keys {', '.join(COLUMNS)})")
        return [(i + 1, r) for i, r in enumerate(data)]
    delim = "\t" if path.suffix.lower() == ".tsv" else ","
    lines = text.splitlines()
    rows = []
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delim)
    have = set(reader.fieldnames or [])
    missing = [c for c in ("kind", "action", "name") if c not in have]
    if missing and not {"article", "field"} <= have:
        raise LexiconError(f"{path}:1: the header must name the columns {', '.join(COLUMNS)} "
                           f"(a lexicon; missing: {', '.join(missing)}) or "
                           f"{', '.join(EDIT_COLUMNS)} (corrections)")
    for r in reader:
        rows.append((reader.line_num, r))
    return rows


def _entry(path: pathlib.Path, line: int, r: dict) -> Optional[LexiconEntry]:
    def get(k):
        v = r.get(k)
        return str(v).strip() if v is not None else ""

    kind, action, name = get("kind").lower(), get("action").lower(), get("name")
    if not (kind or action or name) or kind.startswith("#"):
        return None  # blank or comment row
    where = f"{path}:{line}"
    if kind.endswith("s") and kind[:-1] in KINDS:
        kind = kind[:-1]
    if kind not in KINDS:
        raise LexiconError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if action not in ACTIONS:
        raise LexiconError(f"{where}: action {action!r} is not one of {', '.join(ACTIONS)}")
    if not name:
        raise LexiconError(f"{where}: the entry has no name")
    canonical = get("canonical") or None
    if action in ("alias", "merge") and not canonical:
        raise LexiconError(f"{where}: an {action} entry needs the canonical name it leads to")
    return LexiconEntry(kind, "alias" if action == "merge" else action, name, canonical,
                        get("type") or None, get("note"), where)


class UserLexicon:
    """The entries of one or more user lexicon files (later files win on the same name), and
    the per-article corrections they hold."""

    def __init__(self, entries: Iterable[LexiconEntry] = (), edits: Iterable[Edit] = ()):
        self.entries = list(entries)
        self.edits = list(edits)
        self._by = {}
        for e in self.entries:
            self._by[(e.kind, name_key(e.name))] = e
        self._edits_by: dict = {}
        for i, ed in enumerate(self.edits):
            self._edits_by.setdefault(ed.article, []).append((i, ed))

    # -- loading ------------------------------------------------------------------------------
    @classmethod
    def load(cls, paths: Union[PathLike, Iterable[PathLike], "UserLexicon", None]) -> "UserLexicon":
        """Read lexicon files (a path, several, or an existing lexicon, returned as is)."""
        if isinstance(paths, UserLexicon):
            return paths
        if paths is None:
            return cls()
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        entries, edits = [], []
        for p in paths:
            path = pathlib.Path(p)
            if not path.is_file():
                raise LexiconError(f"{path}: no such lexicon file")
            for line, r in _rows_from_file(path):
                if str(r.get("article") or "").strip():
                    edits.append(parse_edit(f"{path}:{line}", r))
                    continue
                e = _entry(path, line, r)
                if e is not None:
                    entries.append(e)
        return cls(entries, edits)

    def __len__(self) -> int:
        return len(self.entries) + len(self.edits)

    def __bool__(self) -> bool:
        return bool(self.entries or self.edits)

    def edits_for(self, *keys) -> list:
        """The corrections of the article known by any of these keys (id, source, URL)."""
        found = {}
        for k in keys:
            found.update(self._edits_by.get(k, ()) if k else ())
        return [ed for _, ed in sorted(found.items())]  # in the order of the files

    def fingerprint(self) -> str:
        """A short hash of the entries (batch outputs made with other lexicons differ)."""
        h = hashlib.sha1()
        for e in self.entries:
            h.update("\x1f".join([e.kind, e.action, e.name, e.canonical or "", e.type or ""]).encode())
            h.update(b"\x1e")
        for ed in self.edits:
            h.update("\x1f".join([ed.article, ed.item, ed.field, ed.value or ""]).encode())
            h.update(b"\x1e")
        return h.hexdigest()[:12]

    def entry(self, kind: str, name: Optional[str]) -> Optional[LexiconEntry]:
        """The entry for a written name of this kind, if any."""
        return self._by.get((kind, name_key(name))) if name else None

    def names(self, kind: str, action: str) -> list:
        return [e.name for e in self.entries if e.kind == kind and e.action == action]

    # -- one item -----------------------------------------------------------------------------
    def _match(self, kind: str, item: dict) -> Optional[LexiconEntry]:
        fields = ("metric_id", "metric", "metric_surface") if kind == "metric" else ("canonical", "name")
        for f in fields:
            e = self.entry(kind, item.get(f))
            # an added campaign or organization is found in the text, not renamed; an added
            # metric names its own indicator
            if e is not None and (kind == "metric" or e.action != "add"):
                return e
        return None

    def resolve(self, kind: str, item: dict) -> Optional[dict]:
        """The item (a dict of its fields) after the lexicon: renamed, unchanged, or None when
        blocked. Returns a new dict when something changed, else the same one."""
        e = self._match(kind, item)
        if e is None:
            return item
        if e.action == "block":
            return None
        out = dict(item)
        if kind == "metric":
            out["metric_id"] = e.target
        elif kind == "campaign":
            out["canonical"] = e.target
            out["campaign_id"] = campaign_id(e.target)
        else:
            out["canonical"] = e.target
            out["org_id"] = org_id(e.target, item.get("adcode"))
            if e.type:
                out["kind"] = e.type
        return out

    def added(self, kind: str, text: str, taken: Iterable[tuple]) -> list:
        """Items for every mention in ``text`` of the names this lexicon adds, as dicts, except
        where an item of that kind already covers the place."""
        if kind == "metric" or not text:
            return []
        spans = sorted(taken)
        out = []
        for e in self.entries:
            if e.kind != kind or e.action != "add":
                continue
            for m in re.finditer(re.escape(e.name), text):
                s, t = m.start(), m.end()
                if any(a < t and s < b for a, b in spans):
                    continue
                spans.append((s, t))
                if kind == "campaign":
                    out.append({"name": e.name, "kind": e.type or _DEFAULT_TYPE[kind],
                                "canonical": e.target, "start": s, "end": t,
                                "campaign_id": campaign_id(e.target), "_source": e.source})
                else:
                    out.append({"name": e.name, "canonical": e.target,
                                "kind": e.type or _DEFAULT_TYPE[kind], "start": s, "end": t,
                                "org_id": org_id(e.target), "_source": e.source})
        return out

    # -- applying -----------------------------------------------------------------------------
    def apply_items(self, items: dict, text: str = "") -> list:
        """Apply the lexicon to the items of one document, given as lists of dicts under
        ``campaigns``, ``organizations``, ``statistics`` and ``events`` (changed in place).
        Returns the log of changes (what was added, renamed or removed, and by which entry)."""
        log: list = []
        ids: dict = {"campaign": {}, "organization": {}}  # old id → (new id, canonical) | None
        for kind, field in _FIELD.items():
            if field not in items:
                continue
            key = _ID_FIELD.get(kind)
            kept = []
            for d in items[field]:
                new = self.resolve(kind, d)
                label = d.get("name") or d.get("metric")
                if new is None:
                    log.append({"kind": kind, "action": "block", "name": label, "start": d.get("start"),
                                "by": self._match(kind, d).source})
                    if key:
                        ids[kind][d.get(key)] = None
                    continue
                if new is not d:
                    e = self._match(kind, d)
                    log.append({"kind": kind, "action": "alias", "name": label, "to": e.target,
                                "start": d.get("start"), "by": e.source})
                    if key:
                        ids[kind][d.get(key)] = (new[key], new["canonical"])
                kept.append(new)
            if kind != "metric":
                taken = [(d["start"], d["end"]) for d in kept if d.get("start") is not None]
                for d in self.added(kind, text or "", taken):
                    log.append({"kind": kind, "action": "add", "name": d["name"],
                                "start": d["start"], "by": d.pop("_source")})
                    kept.append(d)
                kept.sort(key=lambda d: d["start"] if d.get("start") is not None else -1)
            items[field][:] = kept
        if "events" in items and any(ids.values()):
            items["events"][:] = _remap_event_dicts(items["events"], ids)
        return log

    def apply(self, record: Record) -> Record:
        """Apply the lexicon and the record's corrections to one record in place (and return
        it); the changes are listed in ``record.meta["lexicon"]`` and ``["corrections"]``."""
        edits = self.edits_for(*record_keys(record))
        if not self.entries and not edits:
            return record
        fields = tuple(ITEM_CLASSES)
        items = {f: [dataclasses.asdict(i) for i in getattr(record, f)] for f in fields}
        log = self.apply_items(items, record.text or "")
        fixes = []
        if edits:
            article = {f: getattr(record, f) for f in ARTICLE_FIELDS}
            article["place"] = dataclasses.asdict(record.place) if record.place else None
            fixes = apply_edits(edits, article, items)
            for f in ARTICLE_FIELDS:
                setattr(record, f, article[f])
            record.place = Place(**article["place"]) if article["place"] else None
        if not log and not fixes:
            return record
        for f in fields:
            setattr(record, f, [ITEM_CLASSES[f](**d) for d in items[f]])
        record.meta = dict(record.meta or {})
        if log:
            record.meta["lexicon"] = log
        if fixes:
            record.meta["corrections"] = fixes
        return record

    def apply_frames(self, frames: dict) -> dict:
        """Apply the lexicon to the item tables of a comparison (DataFrames ``campaigns``,
        ``organizations``, ``statistics``, ``events`` with ``article_id``; added mentions are
        found in ``articles.text``). Returns new frames; the others are passed through."""
        import pandas as pd

        if not self.entries and not self.edits:
            return frames
        fields = [f for f in ITEM_CLASSES if frames.get(f) is not None]
        arts = frames.get("articles")
        texts = dict(zip(arts["id"], arts["text"])) if arts is not None and "text" in arts.columns else {}
        grouped: dict = {}
        for f in fields:
            for d in frames[f].to_dict("records"):
                grouped.setdefault(d.get("article_id"), {g: [] for g in fields})[f].append(d)
        for aid in texts:
            grouped.setdefault(aid, {g: [] for g in fields})
        out = dict(frames)
        rows: dict = {f: [] for f in fields}
        art_rows = {r["id"]: r for r in arts.to_dict("records")} if arts is not None else {}
        for aid, items in grouped.items():
            text = texts.get(aid)
            self.apply_items(items, text if isinstance(text, str) else "")
            row = art_rows.get(aid)
            if row is not None and self.edits:
                self._edit_article_row(row, items)
            for f in fields:
                rows[f].extend({**d, "article_id": aid} for d in items[f])
        if arts is not None and self.edits:
            out["articles"] = pd.DataFrame(list(art_rows.values()),
                                           columns=list(dict.fromkeys([*arts.columns, "corrections"])))
        for f in fields:
            cols = list(dict.fromkeys([*frames[f].columns, *(k for r in rows[f] for k in r)]))
            out[f] = pd.DataFrame(rows[f], columns=cols)
        return out


    def _edit_article_row(self, row: dict, items: dict) -> None:
        """Corrections of one ``articles`` row (place as canonical/place_code/place_level)."""
        edits = self.edits_for(row.get("id"), row.get("source"), row.get("url"))
        if not edits:
            return
        article = {f: row.get(f) for f in ARTICLE_FIELDS}
        article["place"] = {"canonical": row.get("place"), "adcode": row.get("place_code"),
                            "level": row.get("place_level")}
        fixes = apply_edits(edits, article, items)
        for f in ARTICLE_FIELDS:
            if f != "place" and f in row:
                row[f] = article[f]
        p = article["place"] or {}
        row["place"], row["place_code"] = p.get("canonical") or p.get("name"), p.get("adcode")
        if "place_level" in row:
            row["place_level"] = p.get("level")
        row["corrections"] = fixes


def _remap_event_dicts(events: list, ids: dict) -> list:
    """Events after their campaigns and actors were renamed or removed."""
    out = []
    for ev in events:
        c = ids["campaign"].get(ev.get("campaign_id"), ...)
        if c is None:
            continue  # its campaign was blocked: no event without it
        if c is not ...:
            ev = {**ev, "campaign_id": c[0], "campaign": c[1]}
        o = ids["organization"].get(ev.get("org_id"), ...)
        if o is None:
            ev = {**ev, "org_id": None, "actor": None}  # the actor is no longer an organization
        elif o is not ...:
            ev = {**ev, "org_id": o[0], "actor": o[1]}
        out.append(ev)
    return out


def load_lexicon(paths) -> UserLexicon:
    """:meth:`UserLexicon.load` under a short name."""
    return UserLexicon.load(paths)
