"""The data model: what flows between the stages of unionnlp.

``Page`` (raw bytes as read or crawled) → ``Article`` (parsed metadata and clean body) →
``Record`` (the article plus every extracted item, with character offsets into ``Record.text``).

Every item (``Place``, ``Organization``, ``Campaign``, ``Statistic``) carries ``start``/``end``
offsets into the clean text, so ``record.text[item.start:item.end]`` is its evidence.
All classes are plain dataclasses; ``to_dict``/``from_dict`` give a lossless JSON round trip.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

__all__ = [
    "Page",
    "Article",
    "Place",
    "Organization",
    "Campaign",
    "Statistic",
    "ErrorEntry",
    "Record",
    "records_to_frames",
    "NATIONAL",
]

#: canonical name used for national-level articles (``Record.place``)
NATIONAL = "全国"


@dataclass
class Page:
    """One fetched or read document, before parsing.

    ``content`` holds the raw bytes (HTML or text). ``declared_encoding`` is what the transport
    said (HTTP header); ``encoding`` is what was actually used to decode it (set by
    :func:`unionnlp.io.decode.decode_bytes`).
    """

    source: str
    content: bytes = b""
    url: Optional[str] = None
    fetched: Optional[str] = None
    content_type: Optional[str] = None
    declared_encoding: Optional[str] = None
    encoding: Optional[str] = None
    record_id: Optional[str] = None
    #: when the reader already has text (``.txt``, JSONL ``text``), it is kept here and
    #: ``content`` is its UTF-8 encoding
    is_html: bool = False
    errors: list = field(default_factory=list)
    #: hints a reader found beside the content (JSONL ``title``/``published``, crawl metadata)
    meta: dict = field(default_factory=dict)


@dataclass
class Article:
    """A parsed page: metadata plus the clean, simplified body text."""

    source: str
    text: str = ""
    url: Optional[str] = None
    title: Optional[str] = None
    pretitle: Optional[str] = None
    subtitle: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    editor: Optional[str] = None
    page: Optional[str] = None  # e-paper 版次/版名
    issue: Optional[str] = None  # e-paper 期次
    encoding: Optional[str] = None
    errors: list = field(default_factory=list)


@dataclass
class Place:
    """A place mention resolved to an administrative division.

    ``canonical`` is the full name with its parent chain (江苏省扬州市), ``adcode`` the
    statistics-bureau / GB/T 2260 code, ``level`` one of province, city, county, town, zone,
    country.
    """

    name: str
    canonical: Optional[str] = None
    level: Optional[str] = None
    adcode: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    parents: list = field(default_factory=list)


@dataclass
class Organization:
    """An organization mention. ``name`` is the surface form, ``canonical`` the full form."""

    name: str
    canonical: Optional[str] = None
    kind: Optional[str] = None  # union, party, government, enterprise, media, social, school, other
    place: Optional[str] = None  # canonical place the organization belongs to
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass
class Campaign:
    """A named campaign, program, mechanism or brand title."""

    name: str
    kind: Optional[str] = None  # numbered-slogan, program, activity, competition, brand-title, mechanism
    canonical: Optional[str] = None  # lexicon entry the name resolves to, if any
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass
class Statistic:
    """A reported or targeted figure, in base units, with its evidence clause."""

    value: float
    unit: str = ""
    metric: Optional[str] = None
    qualifier: Optional[str] = None
    kind: str = "actual"  # actual, target, change
    year: Optional[int] = None
    place: Optional[str] = None
    text: str = ""
    start: Optional[int] = None
    end: Optional[int] = None
    #: the metric phrase as written, before normalisation
    metric_surface: Optional[str] = None
    #: a period when the figure spans several years ("2016-2020"), else None
    period: Optional[str] = None


@dataclass
class ErrorEntry:
    """Why a document (or one stage of it) failed: never silently dropped."""

    stage: str
    message: str
    kind: Optional[str] = None


_ITEM_TYPES = {
    "places": Place,
    "organizations": Organization,
    "campaigns": Campaign,
    "statistics": Statistic,
}


def _from(cls, data):
    if data is None:
        return None
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Record:
    """One input document with everything extracted from it (the JSONL line)."""

    source: str
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    editor: Optional[str] = None
    text: str = ""
    place: Optional[Place] = None
    places: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    campaigns: list = field(default_factory=list)
    statistics: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    id: Optional[str] = None
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.id is None:
            self.id = make_id(self.source, self.url, self.meta.get("record_id"))

    # -- serialisation -------------------------------------------------------------------
    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        # keep the documented key order, id and meta last
        order = [
            "source", "url", "title", "published", "outlet", "author", "editor", "text",
            "place", "places", "organizations", "campaigns", "statistics", "errors", "id", "meta",
        ]
        return {k: d[k] for k in order}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> "Record":
        data = dict(data)
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            v = data[f.name]
            if f.name == "place":
                v = _from(Place, v) if isinstance(v, dict) else v
            elif f.name in _ITEM_TYPES:
                v = [_from(_ITEM_TYPES[f.name], x) for x in (v or [])]
            elif f.name == "errors":
                v = [_from(ErrorEntry, x) if isinstance(x, dict) else x for x in (v or [])]
            elif f.name == "meta":
                v = dict(v or {})
            kwargs[f.name] = v
        return cls(**kwargs)

    @classmethod
    def from_json(cls, line: str) -> "Record":
        return cls.from_dict(json.loads(line))

    @property
    def ok(self) -> bool:
        """True when the document produced text and no fatal error."""
        return bool(self.text) and not any(
            (e.stage if isinstance(e, ErrorEntry) else e.get("stage")) in ("read", "decode", "parse")
            for e in self.errors
        )

    def evidence(self, item) -> str:
        """The exact text an item was extracted from."""
        return self.text[item.start:item.end]


def make_id(source: str, url: Optional[str] = None, record_id: Optional[str] = None) -> str:
    """A stable 16-hex-digit id for a document from where it came from."""
    h = hashlib.sha1("\x1f".join([source or "", url or "", record_id or ""]).encode("utf-8"))
    return h.hexdigest()[:16]


def records_to_frames(records: Iterable[Record]) -> dict:
    """Turn records into pandas DataFrames, one per item kind.

    Returns ``{"articles", "places", "organizations", "campaigns", "statistics", "errors"}``;
    every item row carries ``article_id`` (``Record.id``) and ``source``.
    """
    import pandas as pd

    rows: dict[str, list] = {k: [] for k in ("articles", *_ITEM_TYPES, "errors")}
    for r in records:
        if isinstance(r, dict):
            r = Record.from_dict(r)
        p = r.place
        rows["articles"].append(
            {
                "id": r.id, "source": r.source, "url": r.url, "title": r.title,
                "published": r.published, "outlet": r.outlet, "author": r.author,
                "editor": r.editor, "place": p.canonical or p.name if p else None,
                "place_code": p.adcode if p else None, "place_level": p.level if p else None,
                "n_chars": len(r.text or ""), "n_errors": len(r.errors),
            }
        )
        for kind in _ITEM_TYPES:
            for item in getattr(r, kind):
                d = dataclasses.asdict(item)
                rows[kind].append({"article_id": r.id, "source": r.source, **d})
        for e in r.errors:
            d = dataclasses.asdict(e) if isinstance(e, ErrorEntry) else dict(e)
            rows["errors"].append({"article_id": r.id, "source": r.source, **d})
    columns = {
        "places": [f.name for f in dataclasses.fields(Place)],
        "organizations": [f.name for f in dataclasses.fields(Organization)],
        "campaigns": [f.name for f in dataclasses.fields(Campaign)],
        "statistics": [f.name for f in dataclasses.fields(Statistic)],
        "errors": [f.name for f in dataclasses.fields(ErrorEntry)],
    }
    out = {}
    for k, v in rows.items():
        if v:
            out[k] = pd.DataFrame(v)
        elif k == "articles":
            out[k] = pd.DataFrame(columns=["id", "source", "url", "title", "published", "outlet",
                                           "author", "editor", "place", "place_code",
                                           "place_level", "n_chars", "n_errors"])
        else:
            out[k] = pd.DataFrame(columns=["article_id", "source", *columns[k]])
    return out
