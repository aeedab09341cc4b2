"""Campaign mentions in a text: candidates, hard rules, trust, the classifier, and overlaps.

1. :func:`~.candidates.find_candidates` proposes spans by shape and context.
2. :func:`~.rules.rejection` removes what the guidelines exclude by form (the user's
   ``block`` entries act after extraction, by name or canonical name, and are logged there).
3. Trusted names are accepted as they are: the user's ``add`` entries, lexicon names marked
   ``unquoted=yes`` (or ``head`` before a head noun), quoted names of either, whole lists of
   送-activities and a quoted distance joined to its head noun. A facility brand the lexicon
   marks generic when unquoted (职工书屋, 职工之家) written bare on a page that never quotes it
   is the facility itself and is dropped. The classifier decides the rest, in one batch; the
   items of one coordinated list of quotes share one decision (the mean of their
   probabilities), a quote the page calls a strategy or a 理念 once is dropped everywhere, and
   a bare lexicon word cut from a longer name accepted elsewhere on the page is dropped.
4. Overlaps are settled by precedence: quoted names first (a quoted compound keeps the lexicon
   names inside it), then the user's names, then trusted names, then the classifier's; within
   a tier the more probable, then the longer, then the earlier wins. A longer title around a
   quoted name (百万职工“五小”创新大赛) is kept beside it.
5. Every mention gets its kind, ``canonical`` name and ``campaign_id`` (:mod:`.variants`).
"""
from __future__ import annotations

import re
from typing import Optional

from unionnlp.records import Campaign

from ..identity import campaign_id
from .candidates import Candidate, find_candidates
from .document import add_document_extras
from .classifier import CampaignClassifier, load_classifier
from .features import candidate_feature_parts
from .lexicon import surface_key
from .rules import rejection
from .variants import canonical_name, kind_of, link_short_forms
from .grammar import grammar
from .vocabulary import vocabulary

__all__ = ["find_campaigns", "title_campaigns", "decide", "resolve", "trusted", "TIERS"]

_CJK2 = re.compile("[\u4e00-\u9fff]{2}")
#: precedence of accepted candidates when they overlap (lower wins)
TIERS = {"quoted": 0, "repeat": 1, "user": 2, "trusted": 3, "classified": 4}
#: head nouns after a lexicon name marked ``head`` that make it a program (五小竞赛)
NAME_HEADS = ("竞赛", "活动", "创新", "成果", "创建", "评选", "建设", "行动", "工程")
#: shortest quoted compound that is looked for again where written without quotes
MIN_REPEAT_KEY = 6
#: a quoted contest name (“状元杯”, “楚都工匠杯”): its length bounds
MIN_CONTEST_NAME, MAX_CONTEST_NAME = 3, 8


def trusted(c: Candidate, text: str) -> bool:
    """Whether a candidate is accepted without the classifier."""
    if c.user is not None and c.user.action == "add":
        return True
    e = c.entry
    if e is not None and (e.unquoted == "yes" or
                          (e.unquoted == "head" and text.startswith(NAME_HEADS, c.end))):
        # 送岗位2.3万个 counts the jobs given, it does not name the activity
        return c.quoted or not (c.name.startswith("送") and c.right[:1].isdigit())
    if c.quoted and _contest(c):
        return True
    return c.source == "song" or "joined_measure" in c.extra or "inner_title" in c.extra


#: characters around a quoted name
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ('"', '"'), ("「", "」"))
#: how far left an award verb makes a bare facility word an honour (获评全国、省模范职工之家7个、职工小家7个)
AWARD_REACH = 16


def _bare_facility(c: Candidate, text: str) -> bool:
    """A facility brand the lexicon marks generic when unquoted (职工之家, 职工书屋, 工会驿站,
    劳模创新工作室 …), written bare on a page that never quotes it and with no award verb
    before it: the generic facility (被命名的职工书屋, 推进职工之家建设), not the programme."""
    e = c.entry
    if c.quoted or c.user is not None or e is None or e.unquoted != "no" or \
            e.kind != "brand-title" or c.name != e.name and c.name not in e.aliases:
        return False
    gr = grammar()
    if gr.heads.get(gr.head_of(c.name)) != "brand-title":
        return False  # a title (优秀工会工作者, 大国工匠), not a facility
    if any(o + c.name + q in text for o, q in _QUOTE_PAIRS):
        return False  # the page names it as a programme elsewhere: its bare mentions are it too
    if text[c.start - 1:c.start] == "的" or text.startswith("为", c.end):
        return True  # 被命名的职工书屋, 命名…职工书屋为“…”: the facility itself, not its title
    return gr.award_re.search(text, max(0, c.start - AWARD_REACH), c.start) is None


def _drop_truncated(cands: list) -> list:
    """Unquoted frame names cut at a head inside a longer frame name from the same start
    (命名张三职工创新工作室: not 张三职工) are no names of their own; the longer one is judged."""
    frames = [c for c in cands if c.source == "frame" and not c.quoted]
    if len(frames) < 2:
        return cands
    cut = {id(c) for c in frames
           if any(d.start == c.start and d.end > c.end for d in frames)}
    return [c for c in cands if id(c) not in cut] if cut else cands


def _inside_dated(c: Candidate, dated: list) -> bool:
    """Whether ``c`` is a strict part of a dated span that goes on after it."""
    return any(s <= c.start and c.end < e for s, e in dated)


def _contest(c: Candidate) -> bool:
    """A quoted cup name right before the contest it names (“状元杯”职工技能大赛): in union
    news such a name is always a competition run under that name."""
    gr = grammar()
    return (gr.contest_tail and c.name.endswith(gr.contest_tail) and
            MIN_CONTEST_NAME <= len(c.name) <= MAX_CONTEST_NAME and
            gr.contest_re.match(c.right) is not None)


def _tier(c: Candidate) -> int:
    if c.quoted or c.source == "inner":
        return TIERS["quoted"]
    if c.user is not None:
        return TIERS["user"]
    return TIERS["trusted"] if c.p >= 1.0 else TIERS["classified"]


def decide(text: str, candidates: list, classifier: CampaignClassifier, vocab) -> list:
    """The accepted candidates, each with its probability ``p`` and precedence ``tier``."""
    kept, undecided, dated, mottos = [], [], [], set()
    for c in candidates:
        why = rejection(c)
        if why:
            if why == "dated" and not c.quoted:
                dated.append((c.start, c.end))
            elif why == "motto" and c.quoted:
                mottos.add(surface_key(c.name))
            continue
        if trusted(c, text):
            c.p = 1.0
            kept.append(c)
        else:
            undecided.append(c)
    if undecided:
        undecided = [c for c in undecided if not _bare_facility(c, text)]
    if mottos and undecided:
        # a quote the page calls a strategy, a 理念 or a 格局 once (“同城融圈”战略) is that
        # slogan wherever else it is written (凝聚“同城融圈”合力), not a programme
        undecided = [c for c in undecided if surface_key(c.name) not in mottos]
    if dated:
        # a dated descriptive activity (2026年职工书屋自查自纠行动) names nothing, nor does the
        # unquoted facility or programme word it is about
        undecided = [c for c in undecided if c.quoted or not _inside_dated(c, dated)]
    if undecided:
        undecided = _drop_truncated(undecided)
    if undecided:
        add_document_extras(text, undecided)
        X = [candidate_feature_parts(c.left, c.name, c.right, c.quoted, source=c.source,
                                     extra=c.extra + (["inlist"] if c.group > 1 else []))
             for c in undecided]
        probs = [p for _, p in classifier.predict_proba(X, parts=True)]
        probs = _list_decisions(undecided, probs, kept)
        for c, p in zip(undecided, probs):
            if p >= classifier.threshold:
                c.p = p
                kept.append(c)
    for c in kept:
        c.tier = _tier(c)
    _prefer_modified_names(kept)
    return _drop_cut_mentions(text, kept)


def _drop_cut_mentions(text: str, kept: list) -> list:
    """A bare lexicon word the classifier took where the text goes on into a longer name the
    page has accepted elsewhere (困难职工帮扶|专项行动 beside 全市困难职工帮扶专项行动) is
    a cut mention of that name, which is listed already: it is dropped."""
    longer = [k.name for k in kept if k.source in ("frame", "quoted", "inner")]
    if not longer:
        return kept
    out = []
    for c in kept:
        if c.source == "lexicon" and not c.quoted and c.tier == TIERS["classified"]:
            nxt = text[c.end:c.end + 2]
            if len(nxt) == 2 and _CJK2.fullmatch(nxt) and \
                    any(c.name + nxt in n for n in longer):
                continue
        out.append(c)
    return out


def _list_key(c: Candidate):
    return (c.left, c.right, c.group) if c.quoted and c.source == "quoted" and c.group > 1 \
        else None


def _list_decisions(undecided: list, probs: list, trusted_items: list) -> list:
    """One decision for a coordinated list of quotes (“A”“B”“C”七大主题行动, “A”“B”等7大站点).

    The items of such a list share their context and are things of one kind: all programmes
    or all stations, slogans, labels. Judged one by one, the names' own shapes split the list
    (some items over the threshold, some under); so every item the classifier judges gets the
    mean probability of the list's items that reached the decision (items the lexicon trusts
    count as certain). Items the rules rejected are not part of the mean."""
    groups: dict = {}
    for i, c in enumerate(undecided):
        k = _list_key(c)
        if k is not None:
            groups.setdefault(k, []).append(i)
    if not groups:
        return probs
    sure: dict = {}
    for c in trusted_items:
        k = _list_key(c)
        if k is not None:
            sure[k] = sure.get(k, 0) + 1
    out = list(probs)
    for k, idx in groups.items():
        n = len(idx) + sure.get(k, 0)
        if n < 2:
            continue
        mean = (sum(probs[i] for i in idx) + sure.get(k, 0)) / n
        for i in idx:
            out[i] = mean
    return out


def _prefer_modified_names(kept: list) -> None:
    """An accepted frame name that ends in a trusted lexicon name and adds a modifier before it
    (新业态企业集体协商要约行动 around 集体协商要约行动) is the name written: it takes the
    lexicon name's precedence. A level or place prefix (县五一劳动奖状) does not count."""
    lex_ends = {}
    for c in kept:
        if c.source == "lexicon" and c.tier == TIERS["trusted"]:
            lex_ends.setdefault(c.end, []).append(c)
    if not lex_ends:
        return
    for c in kept:
        if c.source != "frame" or c.tier != TIERS["classified"]:
            continue
        for lex in lex_ends.get(c.end, ()):
            if c.start < lex.start and canonical_name(c.name) != canonical_name(lex.name):
                c.p, c.tier = 1.0, TIERS["trusted"]
                break


class _Taken:
    """Character spans already claimed by accepted names (a mark per character, so overlap
    tests cost the span's length, not the number of names found so far)."""

    def __init__(self, n: int):
        self._mark = bytearray(n + 1)

    def add(self, s: int, e: int) -> None:
        self._mark[s:e] = b"\x01" * (e - s)

    def marked(self, i: int) -> bool:
        return bool(self._mark[i])

    def overlaps(self, s: int, e: int) -> bool:
        return s < e and 1 in self._mark[s:e]

    def covers(self, s: int, e: int) -> bool:
        return s < e and 0 not in self._mark[s:e]


def resolve(text: str, accepted: list) -> list:
    """Non-overlapping mentions by precedence; a longer title around a quoted name is kept
    beside it, and compound quoted names are also taken where written again without quotes."""
    taken = _Taken(len(text))
    out: list = []
    inner = sorted((c for c in accepted if c.source == "inner"),
                   key=lambda c: (-c.p, -(c.end - c.start), c.start))
    ordered = sorted((c for c in accepted if c.source != "inner"),
                     key=lambda c: (c.tier, -c.p, -(c.end - c.start), c.start))
    quoted_done = False
    for c in ordered:
        if not quoted_done and c.tier > TIERS["quoted"]:
            quoted_done = True
            out += _titles_around(inner, out, taken)
            out += _repeats(text, out, taken)
        s, e = c.claimed
        if taken.overlaps(s, e):
            continue
        taken.add(s, e)
        out.append(c)
    if not quoted_done:
        out += _titles_around(inner, out, taken)
        out += _repeats(text, out, taken)
    return out


def _titles_around(inner: list, found: list, taken: _Taken) -> list:
    """Accepted titles written around a quote (百万职工“五小”创新大赛, “1公里”服务圈): kept
    when they overlap nothing but the quoted names inside them."""
    out = []
    for t in inner:
        inside = [c.claimed for c in found if t.start <= c.claimed[0] and c.claimed[1] <= t.end]
        if any(taken.marked(i) and not any(a <= i < b for a, b in inside)
               for i in range(t.start, t.end)):
            continue
        out.append(t)
        taken.add(t.start, t.end)
    return out


def _repeats(text: str, found: list, taken: _Taken) -> list:
    """A quoted compound name written again without quotes is the same name, not its parts."""
    out, seen = [], set()
    for c in found:
        if c.name in seen or not c.quoted:
            continue
        seen.add(c.name)
        if len(surface_key(c.name)) >= MIN_REPEAT_KEY and re.search("[、,，·]", c.name):
            i = text.find(c.name)
            while i != -1:
                j = i + len(c.name)
                if not taken.covers(i, j):
                    r = Candidate(i, j, c.name, "repeat", entry=c.entry, user=c.user, p=c.p,
                                  tier=TIERS["repeat"])
                    out.append(r)
                    taken.add(i, j)
                i = text.find(c.name, j)
    return out


def _mentions(text: str, clf: CampaignClassifier, vocab, *, headline: bool = False) -> list:
    accepted = decide(text, find_candidates(text, vocab), clf, vocab)
    if headline:
        # a headline is telegraphic: a bare descriptive name there (开展公益法律服务行动) has no
        # sentence around it to tell a programme from a description, so only what the body
        # would also take without the classifier counts: quoted names (and titles around
        # them), trusted lexicon names and the user's names
        accepted = [c for c in accepted if c.tier <= TIERS["trusted"]]
    out = []
    for c in resolve(text, accepted):
        canonical = vocab.canonical(c.name)
        out.append(Campaign(c.name, kind_of(c.name, c.entry, c.user), canonical, c.start, c.end,
                            campaign_id(canonical)))
    link_short_forms(out)
    out.sort(key=lambda c: (c.start, -(c.end or 0)))
    return out


def title_campaigns(title: str, found: list = (), *, classifier: Optional[CampaignClassifier] = None,
                    lexicon=None) -> list:
    """Campaigns named in a headline and not among ``found`` (the body's campaigns), without
    offsets (``start``/``end`` are None: the headline is not part of the record text).

    A campaign is often named in the headline only (扬州推进产业工人“三培养工程”, 皋兰县总
    “三举措”推进…) while the body says 这一工程. In the headline only quoted names, the titles
    around them and trusted lexicon names are taken (see :func:`_mentions`); a name the body
    has already (same identity or the same written form) is not repeated.
    """
    if not title or not isinstance(title, str):
        return []
    vocab = vocabulary(lexicon)
    clf = classifier or load_classifier(vocab.model)
    ids = {c.campaign_id for c in found}
    keys = {surface_key(c.name) for c in found}
    out, seen = [], set()
    for c in _mentions(title, clf, vocab, headline=True):
        k = surface_key(c.name)
        if c.campaign_id in ids or k in keys or k in seen:
            continue
        seen.add(k)
        c.start = c.end = None
        out.append(c)
    return out


def find_campaigns(text: str, *, classifier: Optional[CampaignClassifier] = None,
                   lexicon=None) -> list:
    """Every campaign mention in ``text`` (clean simplified text), ordered by position.

    Returns :class:`~unionnlp.records.Campaign` items whose ``start``/``end`` delimit the name
    (outer quotes excluded), with ``kind``, ``canonical`` and ``campaign_id``. ``lexicon`` is
    a researcher's own lexicon (a :class:`~unionnlp.lexicon.UserLexicon` or paths): its added
    names are trusted, its blocks removed, its aliases give identities, and its ``model``
    entry names the classifier (``classifier`` given here wins). Bad or empty input returns
    ``[]``.
    """
    if not text or not isinstance(text, str):
        return []
    vocab = vocabulary(lexicon)
    clf = classifier or load_classifier(vocab.model)
    return _mentions(text, clf, vocab)
