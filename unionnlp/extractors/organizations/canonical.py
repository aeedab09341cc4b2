"""One identity per body: canonical names, codes, parents."""
from __future__ import annotations


import functools
from typing import Optional

from unionnlp.records import Organization, Place


def _unify(orgs: list[Organization], plist: list[Place], by_start: Optional[dict] = None) -> None:
    """One canonical per organization: the longest written full form of the same division and
    head (大通县总工会 and 西宁市大通回族土族自治县总工会 → the latter); abbreviations whose
    expansion equals one of the shorter written forms (县总工会 → 大通县总工会) follow it."""
    if by_start is None:
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


#: heads of a company's short form (货拉拉公司) and the internal units written after a company
_COMPANY_HEADS = ("公司", "集团")
_INTERNAL_TAILS = ("工会委员会", "工会联合会", "联合工会", "工会", "党委", "党总支", "党支部", "团委")


def _companies(written) -> list[str]:
    """The company names among written names, without an internal union after them."""
    out = []
    for name in written:
        base = name
        if base.endswith(_INTERNAL_TAILS):
            t = next(t for t in _INTERNAL_TAILS if base.endswith(t))
            base = base[:-len(t)]
        if len(base) >= 6 and base.endswith(_COMPANY_HEADS):
            out.append(base)
    return out


#: shortest name that is taken for a longer one ending with it (shorter ones are generic)
SHORT_FORM_MIN = 6


def unify_short_forms(orgs: list[Organization], plist: list[Place],
                      by_start: Optional[dict] = None) -> None:
    """A body named once in full and later without its place or legal form gets the full name:
    纺织控股公司工会 after 北京纺织控股公司工会 (the full name minus leading place mentions);
    货拉拉公司 after 深圳依时货拉拉科技有限公司广州分公司工会 (brand + 公司 inside a company
    name: the company, without its internal union)."""
    if len(orgs) < 2:
        return
    if by_start is None:
        by_start = {p.start: p for p in plist if p.adcode}
    full_forms = []  # (canonical, the same without its leading place mentions)
    for o in orgs:
        if o.start is None:
            continue
        pos = o.start
        while pos in by_start and by_start[pos].end < o.end:
            pos = by_start[pos].end
        if pos > o.start:
            full_forms.append((o.canonical or o.name, o.name[pos - o.start:]))
    written = {o.canonical or o.name for o in orgs if o.start is not None}
    companies = None
    blob = None
    by_rest: dict[str, list[str]] = {}
    for f, rest in full_forms:
        by_rest.setdefault(rest, []).append(f)
    for o in orgs:
        name = o.canonical or o.name
        if o.canonical not in (None, o.name):
            continue  # already completed (an abbreviation)
        if name.endswith("委") and name + _COMMITTEE_TAIL in written:
            o.canonical = name + _COMMITTEE_TAIL  # 滨州市卫生健康委 after 滨州市卫生健康委员会
            continue
        longer = [f for f in by_rest.get(name, ()) if f != name]
        if not longer and len(name) >= SHORT_FORM_MIN:
            # 大社矿风井区工会 after 冀中能源峰峰集团大社矿风井区工会: the unit without its parent
            if blob is None:  # the written names in one string, for a C-level look-up
                blob = "\x00" + "\x00".join(written) + "\x00"
            if blob.count(name + "\x00") > (1 if "\x00" + name + "\x00" in blob else 0):
                longer = [f for f in written if len(f) > len(name) and f.endswith(name)]
        if longer:
            o.canonical = max(longer, key=len)
            continue
        head = next((h for h in _COMPANY_HEADS if name.endswith(h)), None)
        brand = name[:-len(head)] if head else ""
        if len(brand) >= 2 and o.kind == "enterprise":
            if companies is None:
                companies = _companies(written)
            hits = {c for c in companies if brand in c and c != name and len(c) > len(name)}
            if len(hits) == 1:
                o.canonical = hits.pop()


#: what 委 abbreviates at the end of a commission's name (卫生健康委 = 卫生健康委员会)
_COMMITTEE_TAIL = "员会"


#: the national union, top of the hierarchy every local federation of trade unions reports to
NATIONAL_UNION = "中华全国总工会"
#: heads of a division's own union body (the federation of a county, a town's federation)
_FEDERATION_HEADS = ("总工会", "工会联合会", "工会委员会")


def assign_identities(orgs: list[Organization]) -> None:
    """Fill ``org_id``, ``adcode`` and ``parent`` and give every mention of one body the same
    canonical name (the longest full form written for it: 四川自贡市总工会 and 自贡市总工会
    share ``510300:自贡市总工会`` and the canonical 四川自贡市总工会)."""
    groups: dict[str, list[Organization]] = {}
    for o in orgs:
        o.adcode, o.org_id, o.parent = _identity(o.canonical or o.name)
        if o.org_id:
            groups.setdefault(o.org_id, []).append(o)
    for members in groups.values():
        best = max((m.canonical or m.name for m in members), key=len)
        for m in members:
            m.canonical = best


@functools.lru_cache(maxsize=8192)
def _identity(full: str) -> tuple:
    """(division code, org_id, parent) of a full name; one look-up per distinct name (a body is
    named many times, on a page and across pages)."""
    from unionnlp.extractors.identity import NATIONAL_CODE, _division_prefix, name_key, org_id

    key = name_key(full)
    code, rest = _division_prefix(key)
    if code is None and key.startswith(("全国", "中华全国", "中共中央")):
        code = NATIONAL_CODE
    return (code, org_id(full, code),
            _union_parent(code, rest) if code and code != NATIONAL_CODE else None)


def _union_parent(code: str, rest: str) -> Optional[str]:
    """The federation above a division's own union body (镇总工会 → 县总工会 → 市总工会 →
    省总工会 → 中华全国总工会); None for other bodies."""
    from unionnlp.extractors import places as pl

    if rest not in _FEDERATION_HEADS:
        return None
    d = pl.division(code)
    if d is None:
        return None
    if d.level == "province":
        return NATIONAL_UNION
    up = pl.division(d.parent) if d.parent else None
    return up.name + "总工会" if up is not None else None
