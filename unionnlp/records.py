"""The data model: what flows between the stages of unionnlp.

``Page`` (raw bytes as read or crawled) → ``Article`` (parsed metadata and clean body) →
``Record`` (the article plus every extracted item, with character offsets into ``Record.text``).

Every item (``Place``, ``Organization``, ``Campaign``, ``Statistic``, ``Event``) carries ``start``/``end``
offsets into the clean text, so ``record.text[item.start:item.end]`` is its evidence.
All classes are plain dataclasses; ``to_dict``/``from_dict`` give a lossless JSON round trip.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Optional

__all__ = [
    "Page",
    "Article",
    "Place",
    "Organization",
    "Campaign",
    "Statistic",
    "Event",
    "ErrorEntry",
    "Record",
    "ITEM_CLASSES",
    "FATAL_STAGES",
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


_REQUIRED = object()


def _f(doc: str, default: Any = None, **kw):
    """A dataclass field with its meaning (read by :mod:`unionnlp.schema` for the JSON Schema,
    the Parquet column list and the documentation); ``_REQUIRED`` as default: no default."""
    if "default_factory" in kw:
        return field(metadata={"doc": doc}, **kw)
    if default is _REQUIRED:
        return field(metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


@dataclass
class Place:
    """A place mention resolved to an administrative division.

    ``canonical`` is the full name with its parent chain (江苏省扬州市), ``adcode`` the
    statistics-bureau / GB/T 2260 code, ``level`` one of province, city, county, town, zone,
    country, or (main place only) village (a village or community, with its town's code) or
    enterprise (a company or a unit inside one, with the code of the division in its name).
    """

    name: str = _f("the place as written", _REQUIRED)
    canonical: Optional[str] = _f("full name with its parent chain (江苏省扬州市)")
    level: Optional[str] = _f("country, province, city, county, town, zone, village or enterprise")
    adcode: Optional[str] = _f("division code: 6 digits (GB/T 2260) to county, 9 or 12 for towns")
    start: Optional[int] = _f("offset of the mention in the record text")
    end: Optional[int] = _f("end offset (exclusive) of the mention")
    parents: list[str] = _f("canonical names of the containing divisions, nearest last",
                            default_factory=list)


@dataclass
class Organization:
    """An organization mention. ``name`` is the surface form, ``canonical`` the full form,
    ``org_id`` the stable identity that compare and batch tables count by."""

    name: str = _f("the organization as written (市总工会)", _REQUIRED)
    canonical: Optional[str] = _f("full form with its place (扬州市总工会)")
    kind: Optional[str] = _f("union, party, government, enterprise, media, social, school, other")
    place: Optional[str] = _f("canonical place the organization belongs to")
    start: Optional[int] = _f("offset of the mention in the record text")
    end: Optional[int] = _f("end offset (exclusive) of the mention")
    org_id: Optional[str] = _f("stable identity: division code and normalised full name "
                               "(321000:扬州市总工会)")
    parent: Optional[str] = _f("the body above it in the union hierarchy, when the name implies one")
    adcode: Optional[str] = _f("division code of the organization's place")


@dataclass
class Campaign:
    """A named campaign, program, mechanism or brand title."""

    name: str = _f("the campaign as written", _REQUIRED)
    kind: Optional[str] = _f("numbered-slogan, program, activity, competition, brand-title, "
                             "honour, mechanism")
    canonical: Optional[str] = _f("the lexicon entry (or normalised form) the name resolves to")
    start: Optional[int] = _f("offset of the mention in the record text; None for a campaign "
                              "named in the headline (Record.title) only")
    end: Optional[int] = _f("end offset (exclusive) of the mention; None as for start")
    campaign_id: Optional[str] = _f("stable identity shared by every variant of one campaign")


@dataclass
class Statistic:
    """A reported or targeted figure, in base units, with its evidence clause."""

    value: float = _f("the figure in base units (42万余人 → 420000); percentages stay in percent", _REQUIRED)
    unit: str = _f("% or the measure word (人, 家, 元 …), 万/亿 removed", "")
    metric: Optional[str] = _f("what is counted, the phrase as written (职工入会率)")
    qualifier: Optional[str] = _f("余, 多, 以上, 近, 约 or empty")
    kind: str = _f("actual, target or change", "actual")
    year: Optional[int] = _f("the year the figure refers to")
    place: Optional[str] = _f("canonical place the figure is about")
    text: str = _f("the evidence clause", "")
    start: Optional[int] = _f("offset of the evidence in the record text")
    end: Optional[int] = _f("end offset (exclusive) of the evidence")
    metric_surface: Optional[str] = _f("the metric phrase before normalisation")
    period: Optional[str] = _f("a period when the figure spans several years (2016-2020)")
    metric_id: Optional[str] = _f("the indicator in the controlled vocabulary (入会率, 会员数 …)")
    population: Optional[str] = _f("the subgroup the figure counts (农民工, 女职工 …), if not all")
    year_basis: Optional[str] = _f("how the year was found: explicit, relative, document, "
                                   "publication or none")
    base_year: Optional[int] = _f("the base year of a comparison (比2020年增长 → 2020)")
    flags: list[str] = _f("repaired_number, inferred_year, long_metric, restated …",
                          default_factory=list)
    mentions: list[list[int]] = _f("[start, end] of every restatement of the same figure",
                                   default_factory=list)


@dataclass
class Event:
    """A practice event: an organization doing something with a named campaign."""

    action: str = _f("launch, promote, commend, learn, inspect or fund", _REQUIRED)
    campaign: Optional[str] = _f("canonical name of the campaign")
    campaign_id: Optional[str] = _f("campaign_id of the campaign")
    actor: Optional[str] = _f("canonical name of the acting organization, or null")
    org_id: Optional[str] = _f("org_id of the actor")
    place: Optional[str] = _f("canonical place where the action happens")
    source_place: Optional[str] = _f("for learn: the place learned from")
    recipient: Optional[str] = _f("for commend: the honoured body")
    year: Optional[int] = _f("the year of the action")
    year_basis: Optional[str] = _f("how the year was found (as for statistics)")
    text: str = _f("the evidence clause", "")
    start: Optional[int] = _f("offset of the evidence in the record text; None for an event "
                              "stated in the headline (Record.title) only")
    end: Optional[int] = _f("end offset (exclusive) of the evidence; None as for start")


@dataclass
class ErrorEntry:
    """Why a document (or one stage of it) failed: never silently dropped."""

    stage: str = _f("read, decode, parse, extract:<kind>, batch …", _REQUIRED)
    message: str = _f("what went wrong, in words", _REQUIRED)
    kind: Optional[str] = _f("a short class of the error (too-large, truncated, exception …)")

    @property
    def fatal(self) -> bool:
        """True when the document produced no usable record because of this error."""
        return self.stage in FATAL_STAGES

    @classmethod
    def coerce(cls, e: Any) -> "ErrorEntry":
        """An ErrorEntry from an ErrorEntry, a dict (``stage``, ``message``, ``kind``) or anything."""
        if isinstance(e, cls):
            return e
        if isinstance(e, dict):
            return cls(stage=str(e.get("stage") or "unknown"), message=str(e.get("message") or ""),
                       kind=e.get("kind"))
        return cls(stage="unknown", message=str(e))


#: stages whose failure means the document produced no usable record
FATAL_STAGES = ("read", "decode", "parse", "batch")


def _from(cls, data):
    if data is None:
        return None
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Record:
    """One input document with everything extracted from it (the JSONL line)."""

    source: str = _f("input path or URL", _REQUIRED)
    url: Optional[str] = _f("the page URL")
    title: Optional[str] = _f("headline")
    published: Optional[str] = _f("publication date, ISO (2020-11-26)")
    outlet: Optional[str] = _f("the newspaper or site (江苏工人报)")
    author: Optional[str] = _f("byline")
    editor: Optional[str] = _f("editor line")
    text: str = _f("clean simplified body; every offset points into it", "")
    place: Optional[Place] = _f("the article's main locality (全国 for national pieces)")
    places: list[Place] = _f("every place mention", default_factory=list)
    organizations: list[Organization] = _f("every organization mention", default_factory=list)
    campaigns: list[Campaign] = _f("every campaign mention", default_factory=list)
    statistics: list[Statistic] = _f("every figure", default_factory=list)
    events: list[Event] = _f("practice events: who did what with which campaign",
                             default_factory=list)
    errors: list[ErrorEntry] = _f("what went wrong, by stage", default_factory=list)
    id: Optional[str] = _f("16 hex digits, stable for the same source, URL and record id")
    meta: dict = _f("other facts about the document (record_id, fetched, corrections …)",
                    default_factory=dict)

    def __post_init__(self):
        if self.id is None:
            self.id = make_id(self.source, self.url, self.meta.get("record_id"))
        if any(not isinstance(e, ErrorEntry) for e in self.errors):
            self.errors = [ErrorEntry.coerce(e) for e in self.errors]

    # -- serialisation -------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The JSON form: fields in their documented order (id and meta last)."""
        return dataclasses.asdict(self)

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
            elif f.name in ITEM_CLASSES:
                v = [_from(ITEM_CLASSES[f.name], x) if isinstance(x, dict) else x for x in (v or [])]
            elif f.name == "errors":
                v = [ErrorEntry.coerce(x) for x in (v or [])]
            elif f.name == "meta":
                v = dict(v or {})
            kwargs[f.name] = v
        return cls(**kwargs)

    @classmethod
    def from_json(cls, line: str) -> "Record":
        return cls.from_dict(json.loads(line))

    @property
    def ok(self) -> bool:
        """True when the document produced text and no fatal error (see :data:`FATAL_STAGES`)."""
        return bool((self.text or "").strip()) and not any(e.fatal for e in self.errors)

    def evidence(self, item) -> str:
        """The exact text an item was extracted from: the record text between its offsets.

        An item of the headline has no offsets (``start``/``end`` None): its evidence is the
        headline fragment it holds (an event's ``text``, else the item's ``name``) when the
        headline (``title``) holds it, else the empty string, never the whole text."""
        if item.start is None or item.end is None:
            frag = getattr(item, "text", "") or getattr(item, "name", "") or ""
            return frag if frag and frag in (self.title or "") else ""
        return self.text[item.start:item.end]


#: item kind (a list field of :class:`Record`) → its class, in record order
ITEM_CLASSES: dict = {"places": Place, "organizations": Organization, "campaigns": Campaign,
                      "statistics": Statistic, "events": Event}


def make_id(source: str, url: Optional[str] = None, record_id: Optional[str] = None) -> str:
    """A stable 16-hex-digit id for a document from where it came from."""
    h = hashlib.sha1("\x1f".join([source or "", url or "", record_id or ""]).encode("utf-8"))
    return h.hexdigest()[:16]
