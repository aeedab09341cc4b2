"""Propose campaign names for review: ``unionnlp lexicon discover RECORDS -o names.csv``.

:func:`discover` tallies campaign names over many records. The table it returns (and the CSV
the CLI writes) has the columns of a user lexicon (``kind, action, name, canonical, type,
note``, see :mod:`unionnlp.lexicon.user`) followed by review columns (frequency, documents,
places, first date, an example), so review → load is one step: delete the rows you do not
want (or set their action to ``block``) and pass the file as ``--lexicon``.
"""
from __future__ import annotations

import pathlib
from typing import Iterable, Optional

from ..extractors.campaigns import find_campaigns, lexicon_words
from ..extractors.campaigns.lexicon import entry_for
from ..io.records import iter_records
from ..records import Campaign, Record
from .user import COLUMNS

__all__ = ["discover"]


def _iter_records(records_or_paths: Iterable) -> Iterable[Record]:
    if isinstance(records_or_paths, (str, pathlib.Path, Record, dict)):
        records_or_paths = [records_or_paths]
    for item in records_or_paths:
        if isinstance(item, Record):
            yield item
        elif isinstance(item, dict):
            yield Record.from_dict(item)
        else:
            yield from iter_records(item)


def _place_name(record: Record) -> Optional[str]:
    p = record.place
    if p is None:
        return None
    if isinstance(p, dict):
        return p.get("canonical") or p.get("name")
    return p.canonical or p.name


def discover(records_or_paths: Iterable, *, context: int = 20):
    """Tally campaign names over records, for review as lexicon candidates.

    ``records_or_paths``: :class:`~unionnlp.records.Record` objects, dicts, or JSONL paths.
    A record's own ``campaigns`` are used when present, else :func:`find_campaigns` runs on its
    text. Returns a pandas DataFrame with one row per name, first the user-lexicon columns
    (``kind`` = campaign, ``action`` = add, ``name``, ``canonical``, ``type`` = the campaign
    kind, ``note``) then the review columns ``in_lexicon``, ``frequency`` (mentions),
    ``n_documents``, ``places`` (``; ``-joined), ``first_seen`` (earliest ``published``),
    ``example`` (the first mention in context); sorted by ``n_documents`` then ``frequency``.
    """
    import pandas as pd

    stats: dict = {}
    for rec in _iter_records(records_or_paths):
        text = rec.text or ""
        items = rec.campaigns or find_campaigns(text)
        seen_here = set()
        place = _place_name(rec)
        for c in items:
            if isinstance(c, dict):
                c = Campaign(**{k: c.get(k) for k in
                                           ("name", "kind", "canonical", "start", "end")})
            if not c.name:
                continue
            s = stats.setdefault(c.name, {"name": c.name, "canonical": c.canonical,
                                          "kind": c.kind, "frequency": 0, "n_documents": 0,
                                          "places": set(), "first_seen": None, "example": ""})
            s["frequency"] += 1
            if c.name not in seen_here:
                seen_here.add(c.name)
                s["n_documents"] += 1
            if place:
                s["places"].add(place)
            if rec.published and (s["first_seen"] is None or rec.published < s["first_seen"]):
                s["first_seen"] = rec.published
            if not s["example"] and c.start is not None and text:
                a, b = max(0, c.start - context), min(len(text), (c.end or c.start) + context)
                s["example"] = text[a:b].replace("\n", " ")
    words = set(lexicon_words())
    rows = []
    for s in stats.values():
        s = dict(s)
        s["places"] = "; ".join(sorted(s["places"]))
        s["in_lexicon"] = s["name"] in words or any(
            entry_for(n) is not None for n in (s["name"], s["canonical"]) if n)
        rows.append(s)
    for s in rows:  # the user-lexicon columns: review, then load the same file
        s["type"], s["kind"], s["action"], s["note"] = s["kind"], "campaign", "add", ""
        # a canonical name that is only the name itself says nothing to review
        s["canonical"] = s["canonical"] if s["canonical"] and s["canonical"] != s["name"] else ""
    cols = [*COLUMNS, "in_lexicon", "frequency", "n_documents", "places", "first_seen", "example"]
    df = pd.DataFrame(rows, columns=cols)
    if len(df):
        df = df.sort_values(["n_documents", "frequency", "name"],
                            ascending=[False, False, True]).reset_index(drop=True)
    return df


