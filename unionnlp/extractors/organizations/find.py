"""``find_organizations``: the rules, the statistical pass the mode asks for, one identity per
body."""
from __future__ import annotations

import re
from typing import Optional, Sequence, Union

from unionnlp.extractors.organizations.abbreviations import _place_chain
from unionnlp.extractors.organizations.canonical import (_unify, assign_identities,
                                                         unify_short_forms)
from unionnlp.extractors.organizations.rules import rule_organizations
from unionnlp.errors import UnionNLPError
from unionnlp.records import Organization, Place

#: ``fast``: the rules, with LAC only on the short clauses where rules and cues disagree;
#: ``accurate``: LAC over every sentence merged with the rules (see the package docstring)
MODES = ("fast", "accurate")
DEFAULT_MODE = "fast"
_BACKENDS = {"rules": "fast", "rules+lac": "accurate"}  # the names of earlier versions


class UnknownMode(UnionNLPError, ValueError):
    """An organization mode other than fast or accurate."""


def resolve_mode(mode: Optional[str] = None, backend: Optional[str] = None) -> str:
    """The mode to run: ``mode`` if given, else the old ``backend`` name, else the default."""

    if mode is None and backend is not None:
        mode = _BACKENDS.get(backend, backend)
    mode = mode or DEFAULT_MODE
    if mode not in MODES:
        raise UnknownMode(f"organization mode must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def find_organizations(text: str, *, place: Union[Place, str, None] = None,
                       places: Sequence[Place] = (), mode: Optional[str] = None,
                       backend: Optional[str] = None, title: Optional[str] = None,
                       outlet: Optional[str] = None) -> list[Organization]:
    """Every organization named in ``text`` (see the package docstring for the method).

    ``name`` is the surface form, ``canonical`` the full form (abbreviations completed with
    ``place``, the article's main place), ``kind`` from the head, ``place`` the canonical place
    of the prefix or of the completion. ``places`` are the place mentions of ``text``
    (computed when empty). ``mode``: ``fast`` (default) or ``accurate`` (:data:`MODES`);
    ``backend`` (``rules`` / ``rules+lac``) is the older name of the same choice.
    ``title`` and ``outlet`` (page metadata): bodies the headline names and the outlet (a
    medium) are added without offsets when the text does not name them.
    """
    mode = resolve_mode(mode, backend)
    if not text or not isinstance(text, str):
        return []
    from unionnlp.extractors import places as pl

    plist = [p for p in (places or pl.find_places(text)) if p.start is not None]
    chain = _town_chain(_place_chain(place), plist)
    out = rule_organizations(text, plist, chain)
    if mode == "accurate":
        from unionnlp.extractors.organizations.statistical import lac_org_spans, merge_statistical

        out = merge_statistical(text, out, lac_org_spans(text), plist, chain)
    out.extend(_page_bodies(out, title, outlet, chain))
    _complete_town_abbreviations(out, plist, chain)
    _complete_renamed_division(out, text, chain)
    _complete_with_the_pages_division(out, plist)
    _complete_zone_abbreviations(out)
    _complete_bare_departments(out, chain)
    by_start = {p.start: p for p in plist if p.adcode}
    _unify(out, plist, by_start)
    unify_short_forms(out, plist, by_start)
    assign_identities(out)
    out.sort(key=lambda o: (o.start if o.start is not None else -1, -(o.end or 0)))
    return out


def _page_bodies(found: list[Organization], title: Optional[str], outlet: Optional[str],
                 chain: list[str]) -> list[Organization]:
    """Organizations of the headline and the outlet that the text does not name (no offsets:
    they are not in the text)."""
    if not title and not outlet:
        return []
    from unionnlp.extractors import places as pl
    from unionnlp.extractors.identity import name_key

    have = {name_key(o.canonical or o.name) for o in found}
    out = []
    if title and isinstance(title, str):
        tplaces = [p for p in pl.find_places(title) if p.start is not None]
        for o in rule_organizations(title, tplaces, chain):
            if name_key(o.canonical or o.name) not in have:
                o.start = o.end = None
                out.append(o)
                have.add(name_key(o.canonical or o.name))
    for name in re.split(r"\s*[-—/|、]\s*", outlet) if isinstance(outlet, str) else []:
        if name and name_key(name) not in have:
            out.extend(_outlet(name))
    return out


#: written after an outlet's name in the page's source field (新疆网原创)
_ORIGINAL = "原创"


def _outlet(outlet: str) -> list[Organization]:
    """The page's outlet as an organization (kind media) when it is named like a medium."""
    from unionnlp.extractors.organizations.lexicon import _lex, org_kind

    lx = _lex()
    ends = tuple(lx.vocab["media_ends"])
    if outlet.endswith(_ORIGINAL) and len(outlet) > len(_ORIGINAL) + 1:
        outlet = outlet[:-len(_ORIGINAL)]  # 新疆网原创: the outlet's own piece
    head = next((outlet[-k:] for k in range(min(len(outlet) - 2, 8), 1, -1)
                 if outlet[-k:] in lx.suffix_kind), None)
    if head is not None and lx.suffix_kind[head] != "media" and outlet not in lx.vocab["media_names"]:
        # 来源:盐城市总工会: a body named as the source (a place or a name before its head)
        return [Organization(name=outlet, canonical=outlet, kind=org_kind(outlet))]
    if (outlet not in lx.vocab["media_names"] and not outlet.endswith(ends)
            and not outlet.startswith(tuple(lx.vocab["media_prefixes"]))
            # 中华网河南: a medium's regional channel (a name ending like a medium, then a place)
            and not any(outlet[:k].endswith(("网", "报", "台")) for k in range(3, len(outlet)))):
        return []
    kind = org_kind(outlet)
    return [Organization(name=outlet, canonical=outlet, kind=kind if kind != "other" else "media")]


#: level characters of a county or city that renamings turn into one another (密云县 → 密云区)
_RENAMED_LEVELS = "县区市"


def _complete_renamed_division(orgs: list[Organization], text: str, chain: list[str]) -> None:
    """An abbreviation the article place could not complete (县安全生产监督管理局 in an article
    about 密云, a 区 today) takes the division's name as the page itself writes it with that
    level character (密云县总工会 → 密云县安全生产监督管理局): pages older than a renaming."""
    if not chain or chain[0][-1:] not in _RENAMED_LEVELS or len(chain[0]) < 3:
        return
    stem = chain[0][:-1]
    for o in orgs:
        name = o.canonical or o.name
        ch = name[:1]
        if (o.canonical not in (None, o.name) or ch not in _RENAMED_LEVELS or ch == chain[0][-1]
                or len(name) < 3):
            continue
        if stem + ch in text:
            o.canonical = stem + name


#: a development zone written without its name (开发区党工委, 开发区管委会)
_ZONE = "开发区"


def _complete_zone_abbreviations(orgs: list[Organization]) -> None:
    """开发区党工委, 开发区管委会 standing alone take the one development zone the page's full
    names hold (杭州经济技术开发区工会 → 杭州经济技术开发区党工委)."""
    todo = [o for o in orgs if (o.canonical or o.name).startswith(_ZONE)
            and len(o.canonical or o.name) > len(_ZONE)]
    if not todo:
        return
    zones = {(o.canonical or o.name)[:(o.canonical or o.name).find(_ZONE) + len(_ZONE)]
             for o in orgs if (o.canonical or o.name).find(_ZONE) > 1}
    if len(zones) == 1:
        zone = zones.pop()
        for o in todo:
            o.canonical = zone + (o.canonical or o.name)[len(_ZONE):]


#: levels of the divisions a bare level character abbreviates (市 → city, 县/区 → county)
_CHAR_LEVELS = {"省": ("province",), "市": ("city",), "县": ("county",), "区": ("county",)}


def _complete_with_the_pages_division(orgs: list[Organization], plist: Sequence[Place]) -> None:
    """An abbreviation that the article place could not complete (区司法局 when the main place
    found is the province; 市邮政管理局 on a page whose main place is unknown) takes the one
    division of that level the page names with that level character (潞州区, 马鞍山市): when
    exactly one such division is named, the page is about it."""
    todo = [o for o in orgs if o.start is not None and o.canonical in (None, o.name)
            and o.name[:1] in _CHAR_LEVELS and len(o.name) >= 3 and o.place is None]
    if not todo:
        return
    named: dict[str, dict[str, str]] = {}
    for p in plist:
        if p.adcode and p.name and len(p.name) >= 2:
            for ch, levels in _CHAR_LEVELS.items():
                if p.level in levels and p.name.endswith(ch) and not p.name.endswith("自治区"):
                    named.setdefault(ch, {})[p.adcode] = p.name
    for o in todo:
        ch = o.name[0]
        got = named.get(ch, {})
        if len(got) == 1:
            o.canonical = next(iter(got.values())) + o.name[1:]


#: level words of a township-level division (what 镇总工会, 乡工会, 街道工会 abbreviate)
_TOWN_ENDS = ("镇", "乡", "街道")


def _town_chain(chain: list[str], plist: Sequence[Place]) -> list[str]:
    """The article place's chain, led by the one township the text names inside it when the
    article place is above township level: 镇总工会 in a city's article about one of its towns is
    that town's (黄桥镇总工会). Several different towns leave the chain as it is."""
    if chain and chain[0].endswith(_TOWN_ENDS):
        return chain
    towns = {p.adcode: p for p in plist if p.level == "town" and p.adcode}
    if len(towns) != 1:
        return chain
    town_chain = _place_chain(next(iter(towns.values())))
    if not town_chain or (chain and chain[0] not in town_chain):
        return chain
    return town_chain


def _complete_town_abbreviations(orgs: list[Organization], plist: Sequence[Place],
                                 chain: list[str]) -> None:
    """镇总工会, 街道工会 left as written (the article place is above township level) are
    completed with the one township the page's full names hold (泰兴市黄桥镇总工会 … 镇总工会 →
    黄桥镇总工会), when there is exactly one and it lies inside the article place; a completion
    with a bare town name takes the longest written form of the same body."""
    town = chain[0] if chain and chain[0].endswith(_TOWN_ENDS) else None
    todo = [o for o in orgs if (o.canonical or o.name).startswith(_TOWN_ENDS)]
    if town is None and todo:
        town = _one_town(orgs, todo, plist, chain)
    if town is None:
        return
    written = [o.canonical or o.name for o in orgs if o.start is not None and o.canonical == o.name]
    for o in orgs:
        cur = o.canonical or o.name
        lvl = next((t for t in _TOWN_ENDS if cur.startswith(t)), None)
        if lvl is not None and town.endswith(lvl):
            cur = town + cur[len(lvl):]
        elif not (cur.startswith(town) and o.name != cur):
            continue
        # the longest written form of the same body (泰兴市黄桥镇总工会) when there is one
        o.canonical = max((w for w in written if w.endswith(cur)), key=len, default=cur)


def _one_town(orgs: list[Organization], todo: list[Organization], plist: Sequence[Place],
              chain: list[str]) -> Optional[str]:
    """The own name of the one township named on the page (in its place mentions or inside the
    full names of its organizations) that lies inside the article place; None otherwise."""
    from unionnlp.extractors import places as pl

    towns: dict[str, Place] = {p.adcode: p for p in plist if p.level == "town" and p.adcode}
    for o in orgs:
        if o not in todo and any(t in o.name[1:] for t in _TOWN_ENDS):
            towns.update({p.adcode: p for p in pl.find_places(o.name)
                          if p.level == "town" and p.adcode})
    if len(towns) != 1:
        return None
    town_chain = _place_chain(next(iter(towns.values())))
    if not town_chain or (chain and chain[0] not in town_chain):
        return None
    return town_chain[0]


#: level characters of the divisions whose departments a bare department name stands for
_BARE_DEPT_LEVELS = "县市区旗"
#: a union head after a bare department (教育局 + 工会)
_DEPT_UNION = ("工会", "工會")


def _complete_bare_departments(orgs: list[Organization], chain: list[str]) -> None:
    """A government department written with neither a place nor a level character (政府办,
    教育局工会) in an article about a county or city (or a township of one) is that division's (衡阳县政府办,
    长武县教育局工会): the page names it as its own division's, the way 县政府办 would be."""
    # (an article about a township: its county's departments, 昭仁街道 → 长武县)
    div = next((c for c in chain if not c.endswith(_TOWN_ENDS)), None)
    if not div or div[-1:] not in _BARE_DEPT_LEVELS or len(div) < 2:
        return
    from unionnlp.extractors.organizations.lexicon import _lex

    lx = _lex()
    lvl = lx.vocab["abbr_level_chars"]
    for o in orgs:
        name = o.name
        if o.start is None or o.canonical not in (None, name) or name[:1] in lvl or o.place:
            continue
        dept = name[:-2] if name.endswith(_DEPT_UNION) else name  # (工會 in traditional text)
        if len(dept) >= 3 and (dept == "政府办" or lx.suffix_kind.get(dept) == "government"):
            o.canonical = div + name
