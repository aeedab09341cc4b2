"""Events stated in the headline (EVENTS.md: "Headline statements count like body statements").

The record's text is the body; the headline is kept apart (``Record.title``). A headline often
carries the one statement a page is about (某市总工会启动“X”行动, 扬州推进产业工人“三培养工程”)
while the body goes on with 这一工程 or with other verbs. :func:`headline_events` reads the
headline with the same frames, actors and dating as the body (:func:`~.find_events` over the
headline as a text of its own) and keeps the events the body does not state already: an event
whose (action, campaign) the body has is the body's, with its offsets.

A headline event has no offsets (``start``/``end`` are None: the headline is not part of the
record text); its ``text`` is the headline fragment holding the verb and the campaign. A
headline reports the news of its day: an event it leaves undated takes the year of
publication (``year_basis`` ``publication``), which a body statement without a date does not.
"""
from __future__ import annotations

import dataclasses
from typing import Iterable, Optional

__all__ = ["headline_events"]


def _mentions(title: str, campaigns: Iterable) -> list:
    """Mentions of the document's campaigns in ``title`` (by their written names), with offsets
    in the headline; a mention inside a longer one is dropped."""
    found = []
    seen = set()
    for c in campaigns:
        name = c.name
        if not name or name in seen:
            continue
        seen.add(name)
        i = title.find(name)
        while i >= 0:
            found.append(dataclasses.replace(c, start=i, end=i + len(name)))
            i = title.find(name, i + len(name))
    found.sort(key=lambda c: (c.start, -c.end))
    out, reach = [], -1
    for c in found:
        if c.end <= reach:
            continue  # 送温暖 inside 送温暖工程
        if c.start < reach:
            continue  # overlapping names: the first (longer) one stands
        out.append(c)
        reach = c.end
    return out


def headline_events(title: Optional[str], *, campaigns, body_events=(), place=None,
                    published: Optional[str] = None) -> list:
    """The events of ``title`` (the article's headline) the body's ``body_events`` lack.

    ``campaigns``: the document's campaigns (body and headline ones); ``place``: the
    article's main place; ``published``: its date. Returns :class:`~unionnlp.records.Event`
    items without offsets, in headline order.
    """
    if not title or not isinstance(title, str) or not campaigns:
        return []
    mentions = _mentions(title, campaigns)
    if not mentions:
        return []
    from .. import organizations, places
    from . import find_events

    tplaces = places.find_places(title)
    torgs = organizations.find_organizations(title, place=place, places=tplaces)
    found = find_events(title, campaigns=mentions, organizations=torgs, places=tplaces,
                        place=place, published=published)
    from ..statistics.years import year_of

    year = year_of(published)
    have = {(e.action, e.campaign_id or e.campaign) for e in body_events}
    out = []
    for e in found:
        key = (e.action, e.campaign_id or e.campaign)
        if key in have:
            continue  # the body states it, with offsets
        e.start = e.end = None
        if e.year is None and year is not None:
            e.year, e.year_basis = year, "publication"
        out.append(e)
    return out
