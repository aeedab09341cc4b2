"""One identity per body: canonical names, codes, parents."""
from __future__ import annotations


from unionnlp.records import Organization, Place


def _unify(orgs: list[Organization], plist: list[Place]) -> None:
    """One canonical per organization: the longest written full form of the same division and
    head (大通县总工会 and 西宁市大通回族土族自治县总工会 → the latter); abbreviations whose
    expansion equals one of the shorter written forms (县总工会 → 大通县总工会) follow it."""
    by_start = {p.start: p for p in plist if p.adcode}
    groups: dict[tuple, list[Organization]] = {}
    for o in orgs:
        # the most specific leading place mention of the written form
        pos, code = o.start, None
        while pos in by_start and by_start[pos].end <= o.end:
            code = by_start[pos].adcode
            pos = by_start[pos].end
        if code is None or pos >= o.end:
            continue
        groups.setdefault((code, o.name[pos - o.start:]), []).append(o)
    redirect: dict[str, str] = {}
    for members in groups.values():
        best = max((m.canonical or m.name for m in members), key=len)
        for m in members:
            if m.name != best:
                redirect[m.name] = best
            m.canonical = best
    for o in orgs:
        if o.canonical in redirect:
            o.canonical = redirect[o.canonical]
