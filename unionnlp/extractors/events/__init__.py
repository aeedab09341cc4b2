"""Practice events: an organization doing something with a named campaign of the document.

What counts is defined by ``devset/EVENTS.md``: the *action* (launch, promote, commend, learn,
inspect, fund), the *campaign* (a campaign mention of the text, by its canonical name and
``campaign_id``), the *actor* (an organization mention of the text, by its full name and
``org_id``, or none), the *place*, the *source place* of a learn event, the *recipient* of a
commend event, the *year* with how it was found, and the evidence with character offsets.

Method (rules over the clause, after event-extraction practice of trigger lexicons and
argument frames, e.g. ACE-style trigger + role patterns):

1. Each campaign mention's clause is read for the frame that governs it
   (:mod:`.frames`: a verb before it, a frame word after it, 把-objects, 以…为载体 …), with
   the action verbs and frames kept as data in ``resources/events/``. A mention with no such
   frame is only mentioned and gives no event.
2. The subject of the frame's verb is found among the organization mentions before it
   (:mod:`.actors`: coordinated and 联合 subjects each act; a clause without subject continues
   the one before it, else the article's own body from headline or lead; plans and calls of a
   body to others stay the calling body's).
3. The year comes from the sentence, its paragraph or the document (:mod:`.dating`; a page
   whose record has no date is dated by its own dateline). The place is the actor's (全国 for
   a national body written without a place, 教育部), else, for an act without a named doer,
   the part of the article's place its clause opens with (下沙街道…), else the article's.
0. Before that, mentions the other extractors leave implicit are written out (:mod:`.coref`):
   anaphors (该活动, 这一做法) as mentions of the campaign they take up, short union names
   (市总工会, 自治区总工会) and names without their place as mentions of the body they stand for.
4. One event per (action, campaign, actor) in a document, with its first evidence.
5. The headline is read the same way (:mod:`.headline`); an event only the headline states
   comes first, without offsets (its ``text`` is the headline fragment).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Optional

from ... import resources
from ...records import NATIONAL, Event
from .. import identity
from .actors import Actors
from .coref import (anaphor_mentions, covered, name_maps, place_union_mentions,
                    placeless_mentions, resolve_short_names, short_union_mentions)
from .dating import Dating
from .frames import frames_for
from .layout import Layout
from .lexicon import ACTIONS, lexicon

__all__ = ["find_events", "headline_events", "ACTIONS"]


def _campaign_names(c) -> tuple:
    name = c.canonical or c.name
    return name, c.campaign_id or identity.campaign_id(name)


def _org_names(o) -> tuple:
    name = o.canonical or o.name
    return name, o.org_id or _org_id(name, o.adcode)


@functools.lru_cache(maxsize=65536)
def _org_id(name: str, adcode) -> str:
    return identity.org_id(name, adcode)


def _place_name(p) -> Optional[str]:
    if p is None:
        return None
    return p.canonical or p.name


#: actions of a programme named as the subject of its verb (“Y”活动已连续开展) that its owner
#: written before it with 的 performs
_OWNED = ("launch", "promote")

#: how the name of a national body begins (国家卫生健康委员会, 中共中央组织部, 国务院国资委)
_NATIONAL_HEADS = ("全国", "中华全国", "中共中央", "国务院", "国家")


@functools.lru_cache(maxsize=1)
def _national_names() -> frozenset:
    return frozenset(resources.read_json("organizations", "vocab.json")["national_orgs"])


def _actor_place(org) -> Optional[str]:
    """The place of an acting organization: its own, or 全国 for a national body written
    without a place (教育部, 应急管理部, 国家卫生健康委员会), which acts for the whole
    country, not in the article's place."""
    if org.place:
        return org.place
    name = org.canonical or org.name or ""
    if name in _national_names() or name.startswith(_NATIONAL_HEADS):
        return NATIONAL
    return None


#: how a place written with its level ends (下沙街道, 海陵区): a bare name (长沙) may stand for
#: the city or for a county of the same name and is not trusted to be a part of the city
_LEVELLED = ("街道", "镇", "乡", "区", "县", "旗", "市", "州", "盟")


def _written_place(p) -> Optional[str]:
    """The canonical name of a place mention written with its level, else None."""
    if p is None or not (p.name or "").endswith(_LEVELLED):
        return None
    return _place_name(p)


def _within(place: Optional[str], doc_place: Optional[str]) -> Optional[str]:
    """``place`` when it lies inside the article's place (or the article has none): an act
    without a named doer happens in the article's place unless its clause opens with a part
    of it (下沙街道某社区…开展 in a page on 钱塘区)."""
    if place is None or doc_place is None:
        return place
    return place if len(place) > len(doc_place) and place.startswith(doc_place) else None


#: shortest organization name whose other occurrences are taken as mentions too
MIN_ECHO_CHARS = 4


def _more_mentions(text: str, organizations) -> tuple:
    """The organization mentions, with the other occurrences of each name written out
    (泰州市总工会 found once is the same body where the text names it again but the
    organization extractor passed it over), and the characters they cover."""
    orgs = [o for o in organizations if o.start is not None and o.end is not None]
    taken = covered(text, [(o.start, o.end) for o in orgs])
    by_name = {}
    for o in orgs:
        if len(o.name) >= MIN_ECHO_CHARS:
            by_name.setdefault(o.name, o)
    extra = []
    for name in sorted(by_name, key=len, reverse=True):
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if taken.find(1, pos, end) < 0:
                extra.append(dataclasses.replace(by_name[name], start=pos, end=end))
                taken[pos:end] = b"\x01" * (end - pos)
            pos = text.find(name, end)
    return (list(organizations) + extra if extra else list(organizations)), taken


def _commend_roles(lay: Layout, actors: Actors, fr, c, subject) -> tuple:
    """(acting organizations, recipient) of a frame: for commend, the honoured body is the
    recipient, the subject of 荣获/被授予 (the giver named after 被 acts) or the organization
    between an active verb and the title (授予A公司“…”)."""
    if fr.action != "commend":
        return subject, None
    if fr.passive:
        s0 = lay.sentence(fr.verb_start)[0]
        recipient = _org_names(subject[0])[0] if subject else _place_name(
            actors.place_at(s0, fr.verb_start))
        return actors.agent_after_bei(fr.start), recipient
    objs = actors.objects(fr.end, c.start)
    return subject, (_org_names(objs[0])[0] if objs else None)


#: the article's own place written as 我市, 本县 … after a verb of coming (来我市学习, 到我县调研)
_OWN_PLACE = re.compile(r"(?<=[来到赴])(?:我|本)(?:省|市|州|盟|县|区|旗|镇|乡|街道)")


def own_place_mentions(lay: Layout, place) -> list:
    """The article's own place where the text names it as 我市/本县 after 来/到/赴: a place
    another body comes to learn from or to inspect (南京市总工会一行来我市学习 …)."""
    if place is None or not (place.canonical or place.name):
        return []
    return [dataclasses.replace(place, name=m.group(0), start=m.start(), end=m.end())
            for m in _OWN_PLACE.finditer(lay.masked)]


def find_events(text: str, *, campaigns, organizations=(), places=(), place=None,
                title: Optional[str] = None, published: Optional[str] = None) -> list:
    """The practice events of one clean text, given the items the other extractors found.

    ``campaigns``, ``organizations`` and ``places`` are the mentions of the text (with
    offsets); ``place`` the article's main place; ``title`` and ``published`` its headline and
    date. Returns :class:`~unionnlp.records.Event` items in the order of their evidence.
    """
    camps = sorted((c for c in campaigns if c.start is not None and c.end is not None
                    and 0 <= c.start < c.end <= len(text)), key=lambda c: c.start)
    if not camps:
        return []
    lex = lexicon()
    organizations, taken = _more_mentions(text, organizations)
    by_form, placeless = name_maps(organizations, places, place)
    organizations = resolve_short_names(organizations, place, by_form=by_form,
                                        placeless=placeless)  # same spans: ``taken`` holds
    organizations += short_union_mentions(text, organizations, taken, place=_place_name(place),
                                          places=places, by_form=by_form)
    organizations += place_union_mentions(text, taken, place)
    organizations += placeless_mentions(text, organizations, taken, places, placeless=placeless)
    for c in camps:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    more = anaphor_mentions(lex, text, camps, taken, title=title)
    if more:
        camps = sorted(camps + more, key=lambda c: c.start)
    lay = Layout(text, camps, organizations)
    actors = Actors(lex, lay, organizations, places, title=title)
    dating = Dating(lay, title=title, published=published)
    places_sorted = actors.places
    own = own_place_mentions(lay, place)
    if own:
        places_sorted = sorted(places_sorted + own, key=lambda p: p.start)
    doc_place = _place_name(place)
    events: list = []
    seen: set = set()
    years: dict = {}
    for i, c in enumerate(camps):
        nxt = camps[i + 1].start if i + 1 < len(camps) else len(text)
        following = camps[i + 1] if i + 1 < len(camps) else None
        for fr in frames_for(lex, lay, c, places_sorted, nxt, following):
            if fr.agent is not None:
                subject = actors.within(*fr.agent) or actors.subject(fr.verb_start)
            elif fr.position == "after" and fr.action in _OWNED and "推广" not in fr.cue and \
                    actors.owner(c.start):
                # X的“Y”活动已连续开展: the owner carries its programme out (推广 of it is
                # another body's act: 某市的“Y”经验在全省推广)
                subject = actors.owner(c.start)
            else:
                subject = actors.subject(fr.verb_start,
                                         fr.end if fr.position == "before" else None)
            subject, recipient = _commend_roles(lay, actors, fr, c, subject)
            group = list(subject) if subject else [None]
            start, end = min(fr.start, c.start), max(fr.end, c.end)
            cname, cid = _campaign_names(c)
            dated = None  # the year is read once, and only for a new event
            for org in group:
                actor, oid = _org_names(org) if org is not None else (None, None)
                key = (fr.action, cid, oid or actor)
                if key in seen:
                    continue
                seen.add(key)
                if dated is None:  # one verb over a list of campaigns is dated once
                    where = (fr.verb_start, lay.clause(max(fr.end, c.end) - 1)[1])
                    dated = years.get(where)
                    if dated is None:
                        dated = years[where] = dating.year(*where)
                year, basis = dated
                ev_place = _place_name(fr.visited) or (
                    _actor_place(org) if org is not None else
                    _within(_written_place(actors.leading_place(fr.verb_start)), doc_place)) \
                    or doc_place
                events.append(Event(
                    action=fr.action, campaign=cname, campaign_id=cid, actor=actor, org_id=oid,
                    place=ev_place,
                    source_place=_place_name(fr.source) if fr.action == "learn" else None,
                    recipient=recipient, year=year, year_basis=basis,
                    text=text[start:end], start=start, end=end))
    events.sort(key=lambda e: (e.start, e.end))
    return events
from .headline import headline_events  # noqa: E402  (uses find_events of this module)
