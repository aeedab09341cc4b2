"""The spaCy pipeline: blank ``zh`` with the jieba segmenter and the project's components.

Components are registered with ``@Language.factory`` (after ``spacy/pipeline/span_ruler.py``):
each declares what it assigns, how it is scored, and writes its items to ``doc.spans[KEY]``
(labels PLACE, ORG, CAMPAIGN, STAT, EVENT) and, as plain dicts that survive ``nlp.pipe(n_process=2)``,
to ``doc._.<kind>``. Context for the extractors travels on the Doc: ``doc._.published``,
``doc._.title``, ``doc._.outlet`` may be set before the pipeline runs (``unionnlp.extract`` does).

Order matters and is fixed by :func:`load`: campaigns (numbers inside names are not statistics),
places (the main locality), organizations (abbreviations need the locality), statistics, events
(who did what with which campaign: they need the campaigns, organizations and places).
"""
from __future__ import annotations

import dataclasses
import functools
import json
import re
from pathlib import Path
from typing import Callable, Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import ITEM_CLASSES, Place

__all__ = ["load", "load_accurate", "SPAN_KEYS", "LABELS", "doc_items", "run_extractors", "extract_text", "Extraction",
           "STEPS", "make_doc"]

#: doc.spans key for each item kind, and the span label used for display
SPAN_KEYS = {"places": "places", "organizations": "organizations", "campaigns": "campaigns",
             "statistics": "statistics", "events": "events"}
LABELS = {"places": "PLACE", "organizations": "ORG", "campaigns": "CAMPAIGN", "statistics": "STAT",
          "events": "EVENT"}

#: the ``doc._`` attributes the components read (context) and write (results)
DOC_EXTENSIONS = ("place", *ITEM_CLASSES, "published", "title", "outlet", "url", "errors")


def register_extensions() -> None:
    """Register the ``doc._`` attributes (idempotent). Called when a pipeline or a component
    is built, not at import, so importing unionnlp changes nothing in spaCy's global state."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _as_dicts(items) -> list:
    return [dataclasses.asdict(i) if dataclasses.is_dataclass(i) else dict(i) for i in items]


def _from_dicts(kind: str, items) -> list:
    cls = ITEM_CLASSES[kind]
    names = {f.name for f in dataclasses.fields(cls)}
    return [cls(**{k: v for k, v in d.items() if k in names}) for d in (items or [])]


def doc_items(doc: Doc, kind: str) -> list:
    """The items of one kind on a processed Doc, as record dataclasses."""
    return _from_dicts(kind, getattr(doc._, kind))


_TEXT_KEY = ("unionnlp", "text")


def _doc_text(doc: Doc) -> str:
    """doc.text, computed once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:  # a Doc's text never changes, so the cached copy stays right
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def _set_spans(doc: Doc, kind: str, items: list, n_chars: int) -> None:
    spans = []
    label = LABELS[kind]
    for it in items:
        start, end = it.get("start"), it.get("end")
        if start is None or end is None or not (0 <= start < end <= n_chars):
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


class Extraction:
    """What the extractors know about one text: its context in, their items out.

    The same steps fill it in the spaCy components (context read from ``doc._``) and in the
    tokenizer-free :func:`extract_text` that :func:`unionnlp.extract` and batch runs use.
    """

    __slots__ = ("text", "title", "published", "outlet", "url", "orgs", "lexicon", "place",
                 "places", "organizations", "campaigns", "statistics", "events", "errors")

    def __init__(self, text: str, *, title=None, published=None, outlet=None, url=None,
                 orgs=None, lexicon=None):
        self.text, self.title, self.published, self.outlet = text, title, published, outlet
        self.url = url
        #: organization mode, ``fast`` or ``accurate`` (None: the default, see
        #: :mod:`unionnlp.extractors.organizations`)
        self.orgs = orgs
        self.lexicon = lexicon  # the researcher's own lexicon, for the steps that use it inside
        self.place: Optional[Place] = None
        self.places: list = []
        self.organizations: list = []
        self.campaigns: list = []
        self.statistics: list = []
        self.events: list = []
        self.errors: list = []

    def fail(self, stage: str, exc: BaseException) -> None:
        self.errors.append({"stage": stage, "message": f"{type(exc).__name__}: {exc}",
                            "kind": "exception"})


def _campaigns_step(x: Extraction) -> None:
    from . import campaigns

    found = campaigns.find_campaigns(x.text, lexicon=x.lexicon)
    # a campaign named in the headline only (扬州推进产业工人“三培养工程”) is the article's
    # too; it has no offsets in the text, so spans, statistics and events never see it
    x.campaigns = campaigns.title_campaigns(x.title, found, lexicon=x.lexicon) + found


def _places_step(x: Extraction) -> None:
    from . import places

    found = places.find_places(x.text)
    # a place word inside a campaign name (安康杯, 江苏省五一劳动奖状) names no locality
    spans = [(c.start, c.end) for c in x.campaigns if c.start is not None and c.end is not None]
    x.places = [p for p in found if p.start is None
                or not any(a < p.end and p.start < b for a, b in spans)] if spans else found
    try:
        # …though a campaign run in a place the text names elsewhere too (大国工匠潍坊行)
        # still says where the story is
        named = {p.adcode for p in x.places if p.adcode}
        kept = {id(p) for p in x.places}
        topical = [p for p in found if id(p) in kept or (p.adcode and p.adcode in named)]
        x.place = places.main_place(x.text, topical, title=x.title, outlet=x.outlet, url=x.url)
        if x.place is None and len(topical) < len(found):
            x.place = _campaign_place(x, found)
    except Exception as e:  # the mentions stay even when choosing the main one fails
        x.fail("extract:place", e)


def _campaign_place(x: Extraction, found: list):
    """A page whose only locality is inside a campaign's name (“德州工会职工书屋示范点”) and
    that speaks of its own division (市总工会, 全市): that locality, when its level is the one
    the page speaks of; else None."""
    from . import places
    from .places.main import _SELF_REF

    levels = tuple({m.group(1) or m.group(2) for m in _SELF_REF.finditer(x.text)})
    if not levels:
        return None
    p = places.main_place(x.text, found, title=x.title, outlet=x.outlet, url=x.url)
    if p is None or not p.adcode or p.level == "country":
        return None
    label = places.place_label(p) or ""
    return p if label.endswith(levels) else None


def _organizations_step(x: Extraction) -> None:
    from . import organizations

    x.organizations = organizations.find_organizations(x.text, place=x.place, places=x.places,
                                                       title=x.title, outlet=x.outlet,
                                                       mode=x.orgs)


def _statistics_step(x: Extraction) -> None:
    from . import numbers, statistics

    if isinstance(x.text, str) and not numbers.may_hold_numbers(x.text):
        x.statistics = []  # no number written: no statistic (the step would find none)
        return
    x.statistics = statistics.find_statistics(x.text, place=x.place, published=x.published,
                                              campaigns=x.campaigns, title=x.title)


def _events_step(x: Extraction) -> None:
    from . import events

    if not x.campaigns:
        x.events = []  # events join a campaign of the text: none named, none to find
        return
    body = events.find_events(x.text, campaigns=x.campaigns, organizations=x.organizations,
                              places=x.places, place=x.place, title=x.title,
                              published=x.published)
    # a headline statement counts like a body one (EVENTS.md); it comes first, without offsets
    x.events = events.headline_events(x.title, campaigns=x.campaigns, body_events=body,
                                      place=x.place, published=x.published) + body


#: (kind, step) in the order they must run: campaigns before statistics (numbers inside names
#: are not figures), places before organizations and statistics (abbreviations and 全市 need
#: the locality), events last (they join campaigns, organizations and places)
STEPS = [("campaigns", _campaigns_step), ("places", _places_step),
         ("organizations", _organizations_step), ("statistics", _statistics_step),
         ("events", _events_step)]
_STEP = dict(STEPS)


def _run_step(x: Extraction, kind: str) -> None:
    try:
        _STEP[kind](x)
    except Exception as e:  # one failing extractor never loses the document
        x.fail(f"extract:{kind}", e)
        setattr(x, kind, [])


def extract_text(text: str, *, title=None, published=None, outlet=None, url=None,
                 kinds: Optional[Iterable[str]] = None, orgs: Optional[str] = None,
                 lexicon=None) -> Extraction:
    """Run the extractors over one clean text without tokenizing it (the fast default path).

    ``orgs``: the organization mode, ``fast`` (default) or ``accurate``. ``lexicon``: a user
    lexicon (:class:`~unionnlp.lexicon.UserLexicon`) whose campaign entries act inside campaign
    extraction (added names trusted, blocks removed before overlaps are settled, a ``model``
    entry's classifier used)."""
    x = Extraction(text, title=title, published=published, outlet=outlet, url=url, orgs=orgs,
                   lexicon=lexicon)
    wanted = set(kinds) if kinds is not None else None
    for kind, _step in STEPS:
        if wanted is None or kind in wanted:
            _run_step(x, kind)
    return x


class _Component:
    """A spaCy component running one extraction step over the Doc's text.

    Context comes from ``doc._`` (title, published, outlet, and what earlier components
    found); results go to ``doc._.<kind>`` as plain dicts and to ``doc.spans[<kind>]``.
    """

    kind: str = ""
    lexicon = None  # a user lexicon acting inside the step (campaigns)

    def __init__(self, nlp: Language, name: str, orgs: Optional[str] = None):
        register_extensions()
        self.name = name
        self.orgs = orgs

    def __call__(self, doc: Doc) -> Doc:
        text = _doc_text(doc)
        x = Extraction(text, title=doc._.title, published=doc._.published, outlet=doc._.outlet,
                       url=doc._.url, orgs=self.orgs, lexicon=self.lexicon)
        x.place = Place(**doc._.place) if doc._.place else None
        for kind in ("places", "campaigns", "organizations"):
            setattr(x, kind, doc_items(doc, kind) if getattr(doc._, kind) else [])
        _run_step(x, self.kind)
        items = _as_dicts(getattr(x, self.kind))
        setattr(doc._, self.kind, items)
        if self.kind == "places":
            doc._.place = dataclasses.asdict(x.place) if x.place is not None else None
        if x.errors:
            doc._.errors = list(doc._.errors or []) + x.errors
        _set_spans(doc, self.kind, items, len(text))
        return doc

    # serialisation: these components hold no learned weights of their own (the campaign
    # classifier is a resource file); to_disk writes the kind so the pipeline round-trips.
    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps({"kind": self.kind}), encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()):
        return self

    def score(self, examples, **kwargs):
        return _score(self.kind)(examples, **kwargs)


class CampaignComponent(_Component):
    """Campaigns; ``lexicon`` (paths of user lexicons) acts inside the candidate logic."""

    kind = "campaigns"

    def __init__(self, nlp: Language, name: str, lexicon: list = ()):
        super().__init__(nlp, name)
        self.paths = [str(p) for p in lexicon]
        if self.paths:
            from ..lexicon.user import UserLexicon

            self.lexicon = UserLexicon.load(self.paths)


class PlaceComponent(_Component):
    kind = "places"


class OrganizationComponent(_Component):
    kind = "organizations"


class StatisticComponent(_Component):
    kind = "statistics"


class EventComponent(_Component):
    kind = "events"


_FACTORIES = [
    ("union_campaigns", CampaignComponent, "campaigns"),
    ("union_places", PlaceComponent, "places"),
    ("union_organizations", OrganizationComponent, "organizations"),
    ("union_statistics", StatisticComponent, "statistics"),
    ("union_events", EventComponent, "events"),
]

def _make_organizations(nlp, name, orgs):
    return OrganizationComponent(nlp, name, orgs=orgs)


for _fname, _cls, _kind in _FACTORIES:
    if not Language.has_factory(_fname):
        Language.factory(
            _fname,
            assigns=[f"doc.spans", f"doc._.{_kind}"],
            # the organization component takes the mode (fast | accurate; None: the default),
            # the campaign component the user lexicons that act inside it
            default_config={"orgs": None} if _kind == "organizations"
            else {"lexicon": []} if _cls is CampaignComponent else {},
            default_score_weights={f"spans_{SPAN_KEYS[_kind]}_f": 1.0,
                                   f"spans_{SPAN_KEYS[_kind]}_p": 0.0,
                                   f"spans_{SPAN_KEYS[_kind]}_r": 0.0},
            func=_make_organizations if _kind == "organizations"
            else (lambda nlp, name, lexicon: CampaignComponent(nlp, name, lexicon))
            if _cls is CampaignComponent else (lambda cls: (lambda nlp, name: cls(nlp, name)))(_cls),
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


def _tokenizer_with_campaign_words():
    """A private jieba tokenizer that keeps campaign names whole (jieba's global one is left
    as it is, so the extractors and the user's own jieba calls see the default dictionary)."""
    from . import segmenter

    return segmenter.private_tokenizer(_jieba_words())


class UserLexiconComponent:
    """Applies a researcher's own lexicon (:mod:`unionnlp.lexicon.user`) to the items the
    other components found: added names, aliases, merges and blocks."""

    def __init__(self, nlp: Language, name: str, paths: list):
        from ..lexicon.user import UserLexicon

        register_extensions()
        self.name = name
        self.paths = list(paths)
        self.lexicon = UserLexicon.load(self.paths)

    def __call__(self, doc: Doc) -> Doc:
        text = _doc_text(doc)
        items = {k: list(getattr(doc._, k) or []) for k in ("campaigns", "organizations",
                                                             "statistics", "events")}
        log = self.lexicon.apply_items(items, text)
        if log:
            for kind, dicts in items.items():
                setattr(doc._, kind, dicts)
                if kind in LABELS:
                    _set_spans(doc, kind, dicts, len(text))
        return doc


if not Language.has_factory("union_user_lexicon"):
    Language.factory("union_user_lexicon", assigns=["doc.spans", "doc._.campaigns", "doc._.events",
                                                    "doc._.organizations", "doc._.statistics"],
                     default_config={"paths": []}, func=UserLexiconComponent)


def load(*, components: Optional[Iterable[str]] = None, max_length: int = 5_000_000,
         lexicon=None, orgs: Optional[str] = None) -> Language:
    """A blank ``zh`` pipeline with the jieba segmenter and the unionnlp components.

    ``components`` picks a subset of places, organizations, campaigns, statistics, events (in
    the fixed order). Results: ``doc.spans["places"|...|"events"]`` and ``doc._.places|place|
    organizations|campaigns|statistics|events`` (plain dicts; :func:`doc_items` turns them
    into dataclasses).
    ``lexicon``: path(s) of a user lexicon, applied by a last component
    (``union_user_lexicon``) to what the others found. ``orgs``: the organization mode,
    ``fast`` (default) or ``accurate`` (see :mod:`unionnlp.extractors.organizations`).
    """
    import spacy

    from . import segmenter

    register_extensions()
    segmenter.jieba()  # quiet before spaCy's tokenizer first touches jieba
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer.jieba_seg = _tokenizer_with_campaign_words()
    nlp.max_length = max_length
    wanted = set(components) if components is not None else {k for _, _, k in _FACTORIES}
    if orgs is not None:
        from .organizations import resolve_mode

        orgs = resolve_mode(orgs)  # a wrong mode is an error now, not on the first text
    paths = [] if lexicon is None else \
        [str(p) for p in ([lexicon] if isinstance(lexicon, (str, Path)) else lexicon)]
    for fname, cls, kind in _FACTORIES:
        if kind in wanted:
            config = {"orgs": orgs} if kind == "organizations" else \
                {"lexicon": paths} if cls is CampaignComponent else {}
            nlp.add_pipe(fname, config=config)
    if paths:
        nlp.add_pipe("union_user_lexicon", config={"paths": paths})
    return nlp


def load_accurate() -> Language:
    """:func:`load` with ``orgs="accurate"`` (a name batch workers can import)."""
    return load(orgs="accurate")


def _words_and_spaces(words: list, text: str) -> tuple:
    """``spacy.util.get_words_and_spaces`` in linear time.

    spaCy's version searches ``text[pos:]``, copying the rest of the text for every word, which
    makes a 400 000-character text take seconds and a 5-million-character one many minutes;
    ``text.index(word, pos)`` finds the same positions without the copies.
    """
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError("the segmenter's words do not match the text")
    out_words: list = []
    spaces: list = []
    pos = 0
    for word in words:
        if word.isspace():
            continue
        start = text.index(word, pos)
        if start > pos:
            out_words.append(text[pos:start])
            spaces.append(False)
            pos = start
        out_words.append(word)
        spaces.append(False)
        pos += len(word)
        if pos < len(text) and text[pos] == " ":
            spaces[-1] = True
            pos += 1
    if pos < len(text):
        out_words.append(text[pos:])
        spaces.append(False)
    return out_words, spaces


#: jieba cuts each run of these characters on its own (``jieba.re_han_default``)
_JIEBA_BLOCK = "[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]"
#: longest run handed to jieba at once: its HMM (``finalseg.viterbi``) copies the path per
#: character, quadratic in the run (25 000 unknown characters: 2.7 s); real sentences are short
MAX_JIEBA_RUN = 1000
_LONG_RUN_RE = re.compile(_JIEBA_BLOCK + "{%d,}" % (MAX_JIEBA_RUN + 1))


def _jieba_cut(seg, text: str) -> list:
    """``seg.cut(text)``, with runs longer than :data:`MAX_JIEBA_RUN` cut into pieces.

    jieba segments each run of word characters independently, so cutting only inside
    over-long runs leaves every ordinary text's segmentation unchanged.
    """
    cuts = []
    for m in _LONG_RUN_RE.finditer(text):
        cuts.extend(range(m.start() + MAX_JIEBA_RUN, m.end(), MAX_JIEBA_RUN))
    if not cuts:
        return [w for w in seg.cut(text, cut_all=False) if w]
    words, pos = [], 0
    for c in cuts + [len(text)]:
        words.extend(w for w in seg.cut(text[pos:c], cut_all=False) if w)
        pos = c
    return words


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` in linear time for the jieba segmenter (alignment of the words
    with the text, and jieba's HMM on over-long runs without punctuation)."""
    tok = nlp.tokenizer
    seg = getattr(tok, "jieba_seg", None)
    if seg is not None and str(getattr(tok, "segmenter", "")).endswith("jieba"):
        if len(text) > nlp.max_length:
            return nlp.make_doc(text)  # let spaCy raise its own length error
        words = _jieba_cut(seg, text)
        words, spaces = _words_and_spaces(words, text)
        return Doc(nlp.vocab, words=words, spaces=spaces)
    return nlp.make_doc(text)


def run_extractors(text: str, *, title=None, published=None, outlet=None, url=None,
                   nlp: Optional[Language] = None) -> Doc:
    """Run the pipeline over one clean text with its context; the Doc carries the results."""
    nlp = nlp or _default_nlp()
    register_extensions()
    doc = make_doc(nlp, text)
    doc._.title, doc._.published, doc._.outlet, doc._.url = title, published, outlet, url
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@functools.lru_cache(maxsize=1)
def _default_nlp() -> Language:
    return load()
