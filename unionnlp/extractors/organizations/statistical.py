"""The statistical pass: Baidu LAC ORG spans merged with the rules."""
from __future__ import annotations

import bisect
from typing import Iterable, Sequence

from unionnlp.records import Organization
from unionnlp.extractors.organizations.abbreviations import expand_abbreviation
from unionnlp.extractors.organizations.lexicon import org_kind


def _lac_organizations(text: str, found: Iterable[Organization], *,
                      chain: Sequence[str] = ()) -> list[Organization]:
    """LAC ORG spans in sentences that hold a rule-found organization, not overlapping them."""
    from unionnlp.extractors.lac_tagger import SENTENCE_RE, lac_spans

    found = list(found)
    if not found:
        return []
    taken = sorted((o.start, o.end) for o in found if o.start is not None)
    starts = [s for s, _ in taken]
    sent_spans = []
    for m in SENTENCE_RE.finditer(text):
        i = bisect.bisect_left(starts, m.start())
        if i < len(starts) and starts[i] < m.end():
            sent_spans.append((m.start(), m.end(), taken[i:bisect.bisect_left(starts, m.end())]))
    out = []
    for a, b, local in sent_spans:
        local = list(local)
        for s, e, _ in lac_spans(text[a:b], labels=("ORG",)):
            s, e = s + a, e + a
            if e - s < 3 or any(ts < e and s < te for ts, te in local):
                continue
            name = text[s:e]
            canonical = name
            if name[0] in "省市县区州" and chain:
                canonical = expand_abbreviation(name, chain[0]) or name
            out.append(Organization(name=name, canonical=canonical, kind=org_kind(name),
                                    place=None, start=s, end=e))
            local.append((s, e))
    return out
