"""The spaCy pipeline: blank ``zh`` with the jieba segmenter and the project's components.

Components are registered with ``@Language.factory`` (after ``spacy/pipeline/span_ruler.py``):
each declares what it assigns, how it is scored, and writes its items to ``doc.spans[KEY]``
(labels PLACE, ORG, CAMPAIGN, STAT) and, as plain dicts that survive ``nlp.pipe(n_process=2)``,
to ``doc._.<kind>``. Context for the extractors travels on the Doc: ``doc._.published``,
``doc._.title``, ``doc._.outlet`` may be set before the pipeline runs (``unionnlp.extract`` does).

Order matters and is fixed by :func:`load`: campaigns (numbers inside names are not statistics),
places (the main locality), organizations (abbreviations need the locality), statistics.
"""
from __future__ import annotations

import dataclasses
import functools
import json
from pathlib import Path
from typing import Callable, Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Campaign, Organization, Place, Statistic

__all__ = ["load", "SPAN_KEYS", "LABELS", "doc_items", "run_extractors"]

#: doc.spans key for each item kind, and the span label used for display
SPAN_KEYS = {"places": "places", "organizations": "organizations", "campaigns": "campaigns",
             "statistics": "statistics"}
LABELS = {"places": "PLACE", "organizations": "ORG", "campaigns": "CAMPAIGN", "statistics": "STAT"}
_ITEM_CLASS = {"places": Place, "organizations": Organization, "campaigns": Campaign,
               "statistics": Statistic}

for _name, _default in [("places", None), ("place", None), ("organizations", None),
                        ("campaigns", None), ("statistics", None), ("published", None),
                        ("title", None), ("outlet", None), ("errors", None)]:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _as_dicts(items) -> list:
    return [dataclasses.asdict(i) if dataclasses.is_dataclass(i) else dict(i) for i in items]


def _from_dicts(kind: str, items) -> list:
    cls = _ITEM_CLASS[kind]
    names = {f.name for f in dataclasses.fields(cls)}
    return [cls(**{k: v for k, v in d.items() if k in names}) for d in (items or [])]


def doc_items(doc: Doc, kind: str) -> list:
    """The items of one kind on a processed Doc, as record dataclasses."""
    return _from_dicts(kind, getattr(doc._, kind))


def _add_error(doc: Doc, stage: str, exc: BaseException) -> None:
    errs = list(doc._.errors or [])
    errs.append({"stage": stage, "message": f"{type(exc).__name__}: {exc}", "kind": "exception"})
    doc._.errors = errs


def _set_spans(doc: Doc, kind: str, items: list) -> None:
    spans = []
    label = LABELS[kind]
    for it in items:
        start, end = it.get("start"), it.get("end")
        if start is None or end is None or not (0 <= start < end <= len(doc.text)):
            continue
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPAN_KEYS[kind]] = spans


def _score(kind: str):
    def scorer(examples, **kwargs):
        from spacy.scorer import Scorer

        return Scorer.score_spans(examples, attr=SPAN_KEYS[kind], allow_overlap=True,
                                  getter=lambda doc, key: doc.spans.get(key, []), **kwargs)

    return scorer


class _Component:
    """Base: run one extractor over doc.text, store dicts on doc._ and spans on doc.spans."""

    kind: str = ""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def extract(self, doc: Doc) -> list:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        try:
            items = _as_dicts(self.extract(doc))
        except Exception as e:  # one failing extractor never loses the document
            _add_error(doc, f"extract:{self.kind}", e)
            items = []
        setattr(doc._, self.kind, items)
        _set_spans(doc, self.kind, items)
        return doc

    # serialisation: these components hold no learned weights of their own (the campaign
    # classifier is a resource file); to_disk writes the name so the pipeline round-trips.
    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps({"kind": self.kind}), encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()):
        return self

    def score(self, examples, **kwargs):
        return _score(self.kind)(examples, **kwargs)


class CampaignComponent(_Component):
    kind = "campaigns"

    def extract(self, doc):
        from . import campaigns

        return campaigns.find_campaigns(doc.text)


class PlaceComponent(_Component):
    kind = "places"

    def extract(self, doc):
        from . import places

        found = places.find_places(doc.text)
        try:
            main = places.main_place(doc.text, found, title=doc._.title, outlet=doc._.outlet)
        except Exception as e:
            _add_error(doc, "extract:place", e)
            main = None
        doc._.place = dataclasses.asdict(main) if main is not None else None
        return found


class OrganizationComponent(_Component):
    kind = "organizations"

    def extract(self, doc):
        from . import organizations

        place = _from_dicts("places", [doc._.place])[0] if doc._.place else None
        return organizations.find_organizations(doc.text, place=place,
                                                places=doc_items(doc, "places"))


class StatisticComponent(_Component):
    kind = "statistics"

    def extract(self, doc):
        from . import statistics

        place = _from_dicts("places", [doc._.place])[0] if doc._.place else None
        return statistics.find_statistics(doc.text, place=place, published=doc._.published,
                                          campaigns=doc_items(doc, "campaigns"))


_FACTORIES = [
    ("union_campaigns", CampaignComponent, "campaigns"),
    ("union_places", PlaceComponent, "places"),
    ("union_organizations", OrganizationComponent, "organizations"),
    ("union_statistics", StatisticComponent, "statistics"),
]

for _fname, _cls, _kind in _FACTORIES:
    if not Language.has_factory(_fname):
        Language.factory(
            _fname,
            assigns=[f"doc.spans", f"doc._.{_kind}"],
            default_config={},
            default_score_weights={f"spans_{SPAN_KEYS[_kind]}_f": 1.0,
                                   f"spans_{SPAN_KEYS[_kind]}_p": 0.0,
                                   f"spans_{SPAN_KEYS[_kind]}_r": 0.0},
            func=(lambda cls: (lambda nlp, name: cls(nlp, name)))(_cls),
        )


@functools.lru_cache(maxsize=1)
def _jieba_words() -> tuple:
    """Campaign names and aliases, so jieba keeps slogans whole."""
    try:
        from . import campaigns

        words = getattr(campaigns, "lexicon_words", None)
        return tuple(words()) if words else ()
    except Exception:
        return ()


def _prepare_jieba() -> None:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    for w in _jieba_words():
        jieba.add_word(w)


def load(*, components: Optional[Iterable[str]] = None, max_length: int = 5_000_000) -> Language:
    """A blank ``zh`` pipeline with the jieba segmenter and the unionnlp components.

    ``components`` picks a subset of places, organizations, campaigns, statistics (in the fixed
    order). Results: ``doc.spans["places"|...]`` and ``doc._.places|place|organizations|
    campaigns|statistics`` (plain dicts; :func:`doc_items` turns them into dataclasses).
    """
    import spacy

    _prepare_jieba()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.max_length = max_length
    wanted = set(components) if components is not None else {k for _, _, k in _FACTORIES}
    for fname, _cls, kind in _FACTORIES:
        if kind in wanted:
            nlp.add_pipe(fname)
    return nlp


def run_extractors(text: str, *, title=None, published=None, outlet=None,
                   nlp: Optional[Language] = None) -> Doc:
    """Run the pipeline over one clean text with its context; the Doc carries the results."""
    nlp = nlp or _default_nlp()
    doc = nlp.make_doc(text)
    doc._.title, doc._.published, doc._.outlet = title, published, outlet
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@functools.lru_cache(maxsize=1)
def _default_nlp() -> Language:
    return load()
