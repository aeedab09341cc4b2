"""The campaign lexicon: known names with their variants, kind and when to trust them unquoted.

Rows come from ``resources/campaigns/lexicon.csv`` (curated from domain knowledge) and
``resources/campaigns/mined.csv`` (names mined from real union pages and reviewed by hand,
each with the pages it was seen on). ``non_campaigns.csv`` lists names that look like
campaigns but never are (ideology, category labels, dates, metaphors, generic honours,
mottos).
"""
from __future__ import annotations

import csv
import functools
import pathlib
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from unionnlp import resources

__all__ = ["LexiconEntry", "load_lexicon", "lexicon_words", "non_campaigns", "surface_key",
           "entry_for", "root_entry", "surface_index", "RESOURCES", "KINDS", "LEXICON_FILES"]

#: the folder of the shipped campaign data (read through :mod:`unionnlp.resources`)
RESOURCES = resources.path("campaigns")

#: what a campaign is (``Campaign.kind``)
KINDS = ("numbered-slogan", "program", "activity", "competition", "brand-title", "honour",
         "mechanism")

#: the lexicon files, in the order they are read (an earlier file wins on the same name)
LEXICON_FILES = ("lexicon.csv", "mined.csv")

#: how far a lexicon name is trusted without quotes
TRUST = ("yes", "head", "no")


@dataclass(frozen=True)
class LexiconEntry:
    """One lexicon row: a canonical name, its variants and when to trust it unquoted.

    ``unquoted``: ``yes`` = a campaign wherever written; ``head`` = only before a head noun
    (竞赛, 活动, 创新 …); ``no`` = generic when unquoted (职工之家), so a bare mention is left
    to the classifier. ``parent``: the campaign this name is a seasonal, local or longer form of
    (冬送温暖 → 送温暖): mentions take the parent's identity. ``source``: where the name was
    seen (mined rows).
    """

    name: str
    aliases: tuple
    kind: str
    parent: Optional[str]
    unquoted: str
    note: str = ""
    source: str = ""


_STRIP = re.compile(r"[\s“”‘’\"'「」『』＂·•.\-—、,，]")


@functools.lru_cache(maxsize=50_000)
def surface_key(name: str) -> str:
    """Matching key of a written name: no spaces, quotes, dots, dashes or list commas
    (中国梦·劳动美 = 中国梦劳动美 = 中国梦 劳动美)."""
    return _STRIP.sub("", name)


def _read_csv(path: pathlib.Path) -> list:
    with open(path, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if not (r.get("name") or "").startswith("#")]


def _entries(rows: Iterable[dict]) -> list:
    out = []
    for r in rows:
        name = (r.get("name") or "").strip()
        if not name:
            continue
        aliases = tuple(a.strip() for a in (r.get("aliases") or "").split("|") if a.strip())
        trust = (r.get("unquoted") or "no").strip()
        out.append(LexiconEntry(name, aliases, (r.get("kind") or "program").strip(),
                                (r.get("parent") or "").strip() or None,
                                trust if trust in TRUST else "no", (r.get("note") or "").strip(),
                                (r.get("source") or "").strip()))
    return out


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Optional[str] = None) -> tuple:
    """The campaign lexicon: the shipped files, or the one CSV at ``path``."""
    if path:
        return tuple(_entries(_read_csv(pathlib.Path(path))))
    out: list = []
    for name in LEXICON_FILES:
        out += _entries(resources.read_table("campaigns", name))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def non_campaigns() -> frozenset:
    """Keys of names that are never campaigns (``non_campaigns.csv``)."""
    return frozenset(surface_key(r["name"].strip())
                     for r in resources.read_table("campaigns", "non_campaigns.csv"))


@functools.lru_cache(maxsize=1)
def surface_index() -> dict:
    """surface form (name or alias) → LexiconEntry, also keyed by :func:`surface_key`;
    the first file and row win."""
    idx: dict = {}
    for e in load_lexicon():
        for s in (e.name, *e.aliases):
            idx.setdefault(s, e)
            idx.setdefault(surface_key(s), e)
    return idx


@functools.lru_cache(maxsize=50_000)
def entry_for(name: str) -> Optional[LexiconEntry]:
    """The lexicon entry a written name is (by itself or as a variant), if any."""
    idx = surface_index()
    return idx.get(name) or idx.get(surface_key(name))


def root_entry(entry: LexiconEntry) -> LexiconEntry:
    """The entry at the top of ``entry``'s parent chain (冬送温暖 → 送温暖)."""
    seen = {entry.name}
    while entry.parent:
        up = entry_for(entry.parent)
        if up is None or up.name in seen:
            break
        seen.add(up.name)
        entry = up
    return entry


def lexicon_words() -> list:
    """Every lexicon name and alias, for a segmenter's user dictionary (slogans stay whole)."""
    seen: dict = {}
    for e in load_lexicon():
        for s in (e.name, *e.aliases):
            if " " not in s and s not in seen:
                seen[s] = None
    return list(seen)
