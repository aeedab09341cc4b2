"""The article's main locality."""
from __future__ import annotations

import functools
import re
from typing import Iterable, NamedTuple, Optional

from unionnlp.extractors.places.gazetteer import (LEVELS, NATIONAL_PLACE, _Gazetteer, _gaz,
                                                  _to_place, _vocab, division, resolve_name,
                                                  url_initials, url_places)
from unionnlp.extractors.places.mentions import find_places
from unionnlp.records import NATIONAL, Place


_DATELINE = re.compile(
    r"^[\s　]*(?:[(（【\[]\s*([^)）】\]\n]{2,24})[)）】\]]|(\S{0,14}?)(?:讯|电)[\s(（:：]|本报\S{0,6}?讯"
    r"|\S{0,8}?\d{1,2}月\d{1,2}日(?:讯|电))")


def place_label(place: Optional[Place]) -> Optional[str]:
    """The division's own full name without its parents (江苏省扬州市 → 扬州市; 全国 → 全国).

    Zones, towns the table lacks and anonymised places have no entry: their written name is
    returned.
    """
    if place is None:
        return None
    if place.level == "country":
        return NATIONAL
    d = division(place.adcode) if place.level in ("province", "city", "county", "town") else None
    return d.name if d else place.name


def main_place(text: str, places: Iterable[Place], *, title: Optional[str] = None,
               outlet: Optional[str] = None, url: Optional[str] = None) -> Optional[Place]:
    """The article's main locality (guidelines: the most specific place the whole article is
    about; 全国 for national pieces).

    Scoring: each mention of a division counts once; mentions in the title, dateline/byline
    (``本报讯``, ``(宝鸡新闻网 …)``, ``新华社北京…电``), the outlet name and the lead sentence
    weigh more, and so does a locality the page URL spells in pinyin (:func:`url_places`)
    (weights in ``resources/places/vocab.json``). A page given without a title: its first
    short line is the headline (weighs as a title), breadcrumb and greeting lines above it weigh
    as the outlet. A wire dateline's city (新华社南京…电) is the desk, weighed as the outlet;
    the capital's alone makes the piece national. Descendants lend a tenth of their score to
    ancestors; a division prefixed to an organization (福建省总工会) loses part of its weight
    when the title or lead names a place below it; a county written only by a short form far
    from every other named place weighs less. Then the winner walks down to a descendant the
    title names or the text names as often (not to one of two children named alike); three or
    more divisions of a level named alike give their common ancestor (or 全国). Anonymised
    places (某县) win when they outweigh real ones; 全国 wins when national markers dominate,
    unless the page speaks of 我省 / 本市. A division the text speaks of as a whole (全区 … 全区)
    is not walked down to a town of its lead; 区总工会 / 县总工会 written without a name on a
    page that names only towns weigh for the towns' county. A title that is the site's own name
    (the dateline repeats it: 济南全搜索讯) weighs as the outlet. A town several counties share,
    named in full (鼓楼街道), beats its own short form (鼓楼) and a stray county short form.
    Below the winning division the main place may be a development zone, a village or
    community, or an enterprise's unit, when the text names the division only as their prefix
    or address (levels ``zone``, ``village``, ``enterprise``, carrying the division's code), or
    a town the table lacks named after its prefecture (玉林市玉林镇, written again, 全镇).

    The returned Place has ``name`` = the division's name as written in the article (its full
    own name when the text writes it, else the most frequent surface form); see
    :func:`place_label` for the table's own full name.
    """
    g = _gaz()
    w = _vocab()["main_place_weights"]
    places = list(places or [])
    text = text or ""
    score: dict[str, float] = {}
    surfaces: dict[str, dict[str, int]] = {}
    protos: dict[str, Place] = {}
    anon: dict[str, float] = {}
    site_title = None
    if title and _site_named_title(title, text):
        # the "title" is the site's own name, which the story's dateline repeats (济南全搜索 …
        # 济南全搜索讯): where the page was published, weighed as the outlet; the page's head
        # is read as if the page came without a title
        site_title, title = title, None
    head = _page_head(text) if not title else _PageHead(0, None, [])
    lead_end = _lead_end(text, head.body)
    dl = _DATELINE.match(text[:80])
    dl_span = (dl.start(), dl.end()) if dl else (0, 0)
    if not dl and head.body:  # the dateline opens the story, after the page's chrome
        dl = _DATELINE.match(text[head.body:head.body + 80])
        dl_span = (head.body + dl.start(), head.body + dl.end()) if dl else (0, 0)

    def add(p: Place, weight: float) -> None:
        key = p.adcode if p.adcode else None
        if p.level == "country":
            return
        if not key:
            if p.adcode is None and p.level in ("zone", "town"):
                return
            anon[p.name] = anon.get(p.name, 0.0) + weight
            protos.setdefault("anon:" + p.name, p)
            return
        score[key] = score.get(key, 0.0) + weight
        protos.setdefault(key, p)
        surfaces.setdefault(key, {})
        surfaces[key][p.name] = surfaces[key].get(p.name, 0) + 1

    as_source: dict[str, float] = {}
    topical: set = set()  # divisions named where the topic is stated (title, headline)
    in_lead: set = set()  # divisions named in the lead sentence
    meta: dict[str, float] = {}  # weight from where the page was published, not what it says
    capital_desk = False
    places.sort(key=lambda p: (p.start if p.start is not None else -1))
    stray = _stray_short_forms(g, places)
    town_spans, town_shorts = _ambiguous_town_spans(g, text, places)
    zones: list = []  # (zone mention, its division's code)
    lacking: list = []  # (mention of a town the table lacks, its division's code)
    for i, p in enumerate(places):
        if _qualifies(p, places[i + 1] if i + 1 < len(places) else None):
            continue  # 江苏省 in 江苏省扬州市: a qualifier of the next mention
        if p.start is None:
            add(p, w["mention"])
            continue
        if p.adcode and p.level in ("city", "county") and (
                any(a <= p.start and p.end <= b for a, b in town_spans)
                or (p.name in town_shorts and not _named_in_full(g, p.adcode, places))):
            continue  # 鼓楼 in (or for) 鼓楼街道, a town of that name the text names in full
        if p.level in ("zone", "town") and not p.adcode and p.parents:
            par = [d for d in resolve_name(p.parents[-1]) if d.name == p.parents[-1]]
            if par:  # a zone or a town the table lacks counts for its county
                add(_to_place(par[0], p.parents[-1], p.start, p.end), w["mention"])
                if p.level == "zone":
                    zones.append((p, par[0].adcode))
                else:
                    lacking.append((p, par[0].adcode))
            continue
        if p.adcode == CAPITAL and p.start > 0 and text[p.start - 1] == "在" and \
                _VENUE_VERB.match(text, p.end):
            capital_desk = True  # 全总…会议在北京召开: the capital as the venue of a national body
            continue
        wt = w["mention"]
        chrome = next(((a, b) for a, b in head.chrome if a <= p.start < b), None)
        if chrome is not None:
            # a breadcrumb or a site's name over the story (中国XX网 > 新闻 > …): where the
            # page was published, weighed as its outlet (a document-sharing site's: nothing)
            if _docshare(text[chrome[0]:chrome[1]]):
                continue
            add(p, w["outlet"])
            if p.adcode:
                meta[p.adcode] = meta.get(p.adcode, 0.0) + w["outlet"]
            continue
        if p.level == "province" and p.adcode and _MEDIA_AFTER.match(text, p.end) \
                and not (head.headline and head.headline[0] <= p.start < head.headline[1]):
            # a province's media named in the byline or the footer (安徽财经网、掌中安徽讯):
            # where the page was published, weighed as its outlet
            add(p, w["outlet"])
            meta[p.adcode] = meta.get(p.adcode, 0.0) + w["outlet"]
            continue
        if head.headline and head.headline[0] <= p.start < head.headline[1]:
            wt += w["headline"]
            if p.adcode:
                topical.add(p.adcode)
        elif dl_span[0] <= p.start < dl_span[1]:
            if p.adcode == CAPITAL and dl and "电" in dl.group():
                capital_desk = True
                continue  # 新华社北京…电: where the desk is, not what the piece is about
            if p.adcode and dl and "电" in dl.group():
                # 新华社南京…电: the desk that filed it, weighed as the outlet
                add(p, w["outlet"])
                meta[p.adcode] = meta.get(p.adcode, 0.0) + w["outlet"]
                continue
            wt += w["dateline"]
            if p.adcode:
                meta[p.adcode] = meta.get(p.adcode, 0.0) + w["dateline"]
        elif p.start < lead_end:
            wt += w["lead"]
            if p.adcode:
                in_lead.add(p.adcode)
        if p.end is not None and g.org_head_re.match(text, p.end) and p.adcode:
            # 福建省总工会 in an article about 南安: a source, not the topic (settled below)
            as_source[p.adcode] = as_source.get(p.adcode, 0.0) + wt * (1 - w["org_prefix"])
        if p.adcode in stray:
            wt *= STRAY_SHORT_WEIGHT
        add(p, wt)
    # divisions named where the topic is stated (the title), not only where the source is;
    # a site's name in the title (陕西工人报官方网站 | …) weighs as an outlet, not as the topic
    tdl = _DATELINE.match(title[:80]) if title else None
    if tdl and "电" in tdl.group():  # a first line taken for the title may open with the dateline
        title = title[tdl.end():]
        capital_desk = capital_desk or any(p.adcode == CAPITAL for p in find_places(tdl.group()))
    topic_parts, site_parts = _title_parts(title)
    # a document-sharing site's name (某某文库, 某某文档网) says nothing of the document's place
    site_parts = [t for t in site_parts if not _docshare(t)]
    for extra, weight, is_topic in ([(t, w["title"], True) for t in topic_parts] +
                                    [(t, w["outlet"], False)
                                     for t in site_parts + [outlet, site_title]]):
        if extra:
            found = find_places(extra, context=places)
            t_spans = _ambiguous_town_spans(g, extra, found)[0] if town_shorts else []
            for i, p in enumerate(found):
                if _qualifies(p, found[i + 1] if i + 1 < len(found) else None):
                    continue  # 西藏 in a title's 西藏拉萨市: the city is the topic
                if p.adcode and p.start is not None and p.level in ("city", "county") and (
                        any(a <= p.start and p.end <= b for a, b in t_spans)
                        or (p.name in town_shorts and not _named_in_full(g, p.adcode, places))):
                    continue  # 鼓楼 of 鼓楼街道 (see above)
                add(p, weight)
                if not is_topic and p.adcode:
                    meta[p.adcode] = meta.get(p.adcode, 0.0) + weight
                if is_topic and p.adcode:
                    topical.add(p.adcode)
    before_self = dict(score)
    topical |= _self_references(g, text, score, w)
    # a division written as an organization's prefix weighs less only when the text also
    # names a division below it: then that body is a source (省总工会 on a county's story)
    # that the title or the lead names, or that the text names about as often (海西州总工会
    # visiting two of its counties is the story's actor, not its source)
    # (a division the text speaks of as a whole again and again, 全区…全区, is the story's own,
    # not a source, unless the title names the place below it)
    scope = _scopes(text)
    for code, minus in as_source.items():
        own = before_self.get(code, 0.0)
        whole = _spoken_whole(g, code, scope)
        if any(c != code and any(a.adcode == code for a in g.chain(c)[:-1])
               and (c in topical or (not whole and (c in in_lead
                                                    or score[c] >= SOURCE_SHARE * own)))
               for c in score):
            score[code] -= minus
    # the page's own address, when it spells a locality in pinyin (metadata, like the outlet)
    for code in url_places(url, mentioned=score):
        d = g.by_code.get(code)
        if d is not None:
            add(_to_place(d, d.name, None, None), w.get("url", 0.0))
            meta[code] = meta.get(code, 0.0) + w.get("url", 0.0)
    if not score and not anon and not capital_desk:
        # no locality in the text, but it refers to its own (我市, 市总工会): the site's address
        # may name it by initials (dtrb: 大同日报)
        levels = {m.group(1) or m.group(2) for m in _SELF_REF.finditer(text)}
        # …or spell it in full pinyin that several divisions share (xinxiang: 新乡市, 新乡县),
        # the one of the level the text speaks of (我市)
        for code in url_places(url, levels=levels):
            d = g.by_code[code]
            add(_to_place(d, d.name, None, None), w.get("url", 0.0))
            meta[code] = meta.get(code, 0.0) + w.get("url", 0.0)
        for code in ([] if score else url_initials(url)):
            d = g.by_code[code]
            if any(d.name.endswith(lvl) for lvl in levels):
                add(_to_place(d, d.name, None, None), w.get("url", 0.0))
                meta[code] = meta.get(code, 0.0) + w.get("url", 0.0)
    if not score and not anon:
        if capital_desk:  # filed from the capital by national media, no locality named
            return NATIONAL_PLACE()
        headline = title or (text[head.headline[0]:head.headline[1]] if head.headline else "")
        town = _unresolved_town(g, text, headline)
        if town is not None:
            return town
        anon_towns = [p for p in places if p.adcode is None and p.level == "town"
                      and g.anon_re.fullmatch(p.name or "")]
        if anon_towns:  # an anonymised page about one town (**街道总工会…, 某镇工会…)
            names = [p.name for p in anon_towns]
            top = max(names, key=names.count)
            return next(p for p in anon_towns if p.name == top)
        # no locality at all: one national marker (全国已建…) is the story's scope
        return _national_or_none(g, text, title, 0.0, capital_desk, least=1.0)
    total = dict(score)
    for code, sc in score.items():
        if sc <= 0:
            continue
        for anc in g.chain(code)[:-1]:
            total[anc.adcode] = total.get(anc.adcode, 0.0) + w["descendant"] * sc
    best = max(total, key=lambda c: (total[c], LEVELS.index(g.by_code[c].level))) if total else None
    if best is not None and best not in topical:
        # three or more divisions of one level named alike (浙江、江苏、广东等地): the story is
        # above them, in their common ancestor, or national when none is and it says 全国
        top, lvl = total[best], g.by_code[best].level
        ties = [c for c in total if abs(total[c] - top) < 1e-9 and g.by_code[c].level == lvl]
        if len(ties) >= SIBLING_TIES:
            common = set.intersection(*({a.adcode for a in g.chain(c)[:-1]} for c in ties))
            if common:
                best = max(common, key=lambda c: LEVELS.index(g.by_code[c].level))
            elif _national_or_none(g, text, title, 0.0, capital_desk, least=1.0) is not None:
                return NATIONAL_PLACE()
    best = _most_specific(g, best, score, topical, meta, scope=scope)
    best_score = total[best] if best else 0.0
    if best is not None and town_spans and best not in topical \
            and not _named_in_full(g, best, places):
        # a page about a town whose name several counties share (西门街道 …) that names no
        # division in full, only a stray short form (同事们的友谊): the town as written
        headline = title or (text[head.headline[0]:head.headline[1]] if head.headline else "")
        found = _unresolved_town_count(g, text, headline)
        if found is not None and found[1] > score.get(best, 0.0) - meta.get(best, 0.0):
            # the winner (the page's address, its outlet) may say which of the namesakes
            return _unresolved_town(g, text, headline, under=best)
    if anon:
        a = max(anon, key=anon.get)
        if anon[a] >= best_score:
            return protos["anon:" + a]
    # a page that speaks of 我省 / 本市 is written from inside that division: national
    # awards and competitions it names (全国…创新成果) do not make it a national piece
    own_voice = best is not None and _OWN_VOICE.search(text) is not None
    nat = None if own_voice else _national_or_none(g, text, title, best_score, capital_desk)
    if nat is not None:
        return nat
    zone = _zone_place(g, zones, places, best, lead_end, topical)
    if zone is not None:
        return zone
    town = _lacking_town_place(text, lacking, best)
    if town is not None:
        return town
    venue = _venue_below(g, text, places, best, lead_end)
    if venue is not None:
        return venue
    head_title = title or (text[head.headline[0]:head.headline[1]] if head.headline else None)
    unit = _enterprise_unit(g, text, head_title, places, best, lead_end)
    if unit is not None:
        return unit
    d = g.by_code[best]
    written = d.name if d.name in text or (title and d.name in title) else None
    if written is None and best in surfaces:
        written = max(surfaces[best], key=surfaces[best].get)
    p = _to_place(d, written or d.name, None, None)
    first = protos.get(best)
    if first is not None:
        p.start, p.end = first.start, first.end
    return p


#: a village or a community written right after its town (德庆镇X村, 天山街道X社区): two to five
#: characters and the unit's suffix, without function words inside
_SUBUNIT = re.compile(r"([\u4e00-\u9fff]{2,5}?)(社区|村|嘎查)")
_SUBUNIT_STOP = re.compile(r"[各全本该每的和与及在是为对把将了着过等级镇乡村区县市省街道党委政府工会]")


def _subunits(g: "_Gazetteer", text: str, places: list) -> dict:
    """Villages and communities written right after a coded town: ``{(town code, name):
    [Place of the town, starts of the unit…]}``."""
    out: dict = {}
    for p in places:
        if p.level != "town" or not p.adcode or p.end is None:
            continue
        m = _SUBUNIT.match(text, p.end)
        if not m or _SUBUNIT_STOP.search(m.group(1)):
            continue
        out.setdefault((p.adcode, m.group()), [p]).append(m.start())
    return out


def _venue_below(g: "_Gazetteer", text: str, places: list, best: Optional[str],
                 lead_end: int) -> Optional[Place]:
    """A village or community (below a town) that the whole article is about: its town, the
    winner or below it, is written only as its address (each mention of the town is followed
    by the unit), and the unit is written twice or in the lead (… 在X镇Y村开展 …). The returned
    Place has level ``village`` and carries its town's code (the smallest coded division)."""
    if not best:
        return None
    units = _subunits(g, text, places)
    if not units:
        return None
    town_count: dict = {}
    for p in places:
        if p.level == "town" and p.adcode and p.start is not None:
            town_count[p.adcode] = town_count.get(p.adcode, 0) + 1
    below = {c for c in town_count if c == best or any(a.adcode == best for a in g.chain(c)[:-1])}
    if len(below) != 1 or len({k for k in units if k[0] in below}) != 1:
        return None  # several towns or units named: the story is above them
    cands = []
    for (code, name), (town, *starts) in units.items():
        if code not in below:
            continue
        if len(starts) != town_count.get(code, 0):
            continue  # the town is named on its own as well: the story is the town's
        if len(starts) >= 2 or starts[0] < lead_end:
            cands.append((len(starts), -starts[0], code, name, starts[0]))
    if not cands:
        return None
    _, _, code, name, start = cands[0]
    d = g.by_code[code]
    chain = g.chain(code)
    return Place(name=name, canonical="".join(x.name for x in chain) + name, level="village",
                 adcode=d.adcode, start=start, end=start + len(name),
                 parents=[x.name for x in chain])


#: an enterprise or a unit inside one, named as the body that holds a union or a party
#: committee (冀中能源某某集团某矿某区工会, 某某控股公司工会): the name up to the enterprise
#: head, then at most a few characters of sub-units
_ENTERPRISE = re.compile(
    r"(?:^|(?<=[\s,，。:：、;；“”\"(（)）】\]]))"
    r"([\u4e00-\u9fff]{2,24}?(?:集团|公司|矿业|煤矿|矿|厂)[\u4e00-\u9fff]{0,10}?)"
    r"(?=工会|党委|团委)")


#: an enterprise head within the reach of :data:`_ENTERPRISE` after a division
_HEAD_AHEAD = re.compile(r"[\u4e00-\u9fff]{0,22}?(?:集团|公司|矿业|煤矿|矿|厂)")

#: the rest of an enterprise's name after a division written at its start
_ENTERPRISE_HEAD = re.compile(r"([\u4e00-\u9fff]{0,10}?)(?:集团|公司|煤矿|矿业|厂)")
_NOT_IN_NAME = re.compile(r"[工会委政府局厅办与和及、的在是对为向省市县区州镇乡]")


def _enterprise_unit(g: "_Gazetteer", text: str, title: Optional[str], places: list,
                     best: Optional[str], lead_end: int) -> Optional[Place]:
    """The enterprise (or its unit) an article is about when the winning division is written
    only as a part of that enterprise's name (北京 in 北京某某控股公司工会, 峰峰 in 某某峰峰集团…):
    the guidelines give the unit then, not a locality. The enterprise must be named in the
    title or the lead. The returned Place has level ``enterprise`` and its division's code."""
    if not best:
        return None
    mine = [p for p in places if p.adcode == best and p.start is not None]
    if not mine or not all(_HEAD_AHEAD.match(text, p.end) for p in mine):
        return None  # some mention is not followed by an enterprise head (quick test)
    spans = [(m.start(1), m.end(1), m.group(1)) for m in _ENTERPRISE.finditer(text)]
    if not spans:
        return None
    holders = []
    for p in mine:
        h = next((sp for sp in spans if sp[0] <= p.start and p.end <= sp[1]), None)
        if h is None:  # 北京某某控股公司总经理: the enterprise without its union
            m = _ENTERPRISE_HEAD.match(text, p.end)
            if not m or _NOT_IN_NAME.search(m.group(1)):
                return None  # the division is also named on its own
            h = (p.start, m.end(), text[p.start:m.end()])
        holders.append(h)
    in_title = [m.group(1) for m in _ENTERPRISE.finditer(title or "")
                if any(p.name in m.group(1) for p in mine)]
    if title and not in_title and any(p.name in title for p in mine):
        # the title names the division outside an enterprise, unless by the enterprise's short
        # name (北京某某 for 北京某某控股公司: the division and two more characters of it)
        shorts = {h[2][h[2].find(p.name):h[2].find(p.name) + len(p.name) + 2]
                  for p, h in zip(mine, holders)}
        if not any(sh in title for sh in shorts if len(sh) >= 4):
            return None
    if not in_title and not any(h[0] < lead_end for h in holders):
        return None
    name = max(in_title or [h[2] for h in holders], key=len)
    d = g.by_code[best]
    chain = g.chain(best)
    return Place(name=name, canonical=name, level="enterprise", adcode=d.adcode, start=None,
                 end=None, parents=[x.name for x in chain])


#: the weight of a stray short form (see :func:`_stray_short_forms`) relative to a mention
STRAY_SHORT_WEIGHT = 0.3


def _stray_short_forms(g: "_Gazetteer", places: list) -> set:
    """Counties written only by their short form (安新, never 安新县), with no ancestor named,
    in a text that names other divisions in full, all in other provinces: most likely a word
    or a brand (某某社区安新驿站 in a story about 远安县), so they weigh less."""
    full_prov: set = set()
    anc: set = set()  # the divisions the text names
    short_only: dict = {}
    for p in places:
        if not p.adcode or p.start is None or p.level == "country":
            continue
        chain = g.chain(p.adcode)
        d = chain[-1]
        anc.add(p.adcode)  # divisions named in the text
        if p.name == d.name or (p.name[-1:] in "省市县区州旗盟" and d.level != "town"):
            full_prov.add(chain[0].adcode)
            short_only[p.adcode] = False
        elif d.level == "county":
            short_only.setdefault(p.adcode, True)
    if not full_prov:
        return set()
    return {c for c, only in short_only.items() if only
            and g.chain(c)[0].adcode not in full_prov
            and not any(a.adcode in anc for a in g.chain(c)[:-1])}


#: this many divisions of one level with the same top score make a list, not a topic
SIBLING_TIES = 3


def _zone_place(g: "_Gazetteer", zones: list, places: list, best: Optional[str], lead_end: int,
                topical: set) -> Optional[Place]:
    """A development zone (五河经济开发区) as the main place: its division is the winner and is
    written only as the zone's prefix, and the zone is written twice or in the lead. The
    returned Place keeps level ``zone`` and carries its division's code."""
    if not best or not zones:
        return None
    mine = [(z, c) for z, c in zones if c == best]
    if not mine:
        return None
    spans = [(z.start, z.end) for z, _ in mine]
    if any(p.adcode == best and p.start is not None
           and not any(a <= p.start and p.end <= b for a, b in spans) for p in places):
        return None  # the division is named on its own too: the story is the division's
    names = {z.name for z, _ in mine}
    if len(names) != 1:
        return None
    z = mine[0][0]
    if len(mine) < 2 and not z.start < lead_end:
        return None
    return Place(name=z.name, canonical=z.canonical, level="zone", adcode=best, start=z.start,
                 end=z.end, parents=list(z.parents))


#: the page speaks of a town as its own (全镇, 该镇, 本镇)
_TOWN_VOICE = re.compile(r"[我本全该](?:镇|乡|街道)")


def _lacking_town_place(text: str, lacking: list, best: Optional[str]) -> Optional[Place]:
    """A town the table lacks (玉林镇 of 玉林市) as the main place: it hangs on the winning
    division, the text writes it at least twice, always the same, and speaks of a town as its
    own (全镇…, 该镇…)."""
    mine = [t for t, c in lacking if c == best and _gaz().by_code[c].level == "city"]
    if len(mine) < 2 or len({t.name for t in mine}) != 1 or not _TOWN_VOICE.search(text):
        return None
    t = mine[0]
    return Place(name=t.name, canonical=t.canonical, level="town", adcode=None, start=t.start,
                 end=t.end, parents=list(t.parents))


def _qualifies(p: Place, nxt: Optional[Place]) -> bool:
    """``p`` is written right before a division below it (江苏省 in 江苏省扬州市, 西藏 in
    西藏拉萨市): a qualifier of that mention, not a mention of its own."""
    return (nxt is not None and bool(p.adcode) and p.end is not None and nxt.start == p.end
            and p.name in "".join(nxt.parents))


#: a media name's end right after a place (安徽财经网, 浙江日报, 四川电视台)
_MEDIA_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:网|日报|晚报|报社|电视台|客户端|在线|讯)")

#: the capital: named in the datelines of national media (新华社北京1月5日电) for any topic
CAPITAL = "110000"

#: a meeting's verb right after its venue (在北京召开)
_VENUE_VERB = re.compile(r".{0,2}?(?:召开|举行|举办|开幕|闭幕)")

#: separators between the parts of a page title (article | site | section)
_TITLE_SEP = re.compile(r"\s*[|｜_]\s*|\s+[-—–]+\s+|\s*——\s*")


@functools.lru_cache(maxsize=1)
def _site_words() -> tuple:
    """(a pattern of ``site_title_words``, the tuple of ``site_title_ends``)."""
    v = _vocab()
    return (re.compile("|".join(map(re.escape, v["site_title_words"]))),
            tuple(v["site_title_ends"]))


def _title_parts(title: Optional[str]) -> tuple:
    """(topical parts, site parts) of a page title: the parts that name a site (陕工网首页,
    XX日报, XX文库) say where the page was published, the rest what it is about."""
    if not title:
        return [], []
    words_re, ends = _site_words()
    topic, site = [], []
    parts = []
    for part in _TITLE_SEP.split(title):
        # 某某总结-豆丁网: a site's name glued to the title by a bare dash
        m = _GLUED_SITE.search(part)
        if m and (words_re.search(m.group(1)) or m.group(1).endswith(ends)):
            parts += [part[:m.start()], m.group(1)]
        else:
            parts.append(part)
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if words_re.search(part) or (len(part) <= SITE_NAME_MAX_LEN and part.endswith(ends)):
            site.append(part)
        else:
            topic.append(part)
    return topic, site


def _site_named_title(title: str, text: str) -> bool:
    """A short one-part title that the text repeats as a dateline (济南全搜索 and
    ``济南全搜索讯``): the name of the site, not the story's headline."""
    t = title.strip()
    if not 2 <= len(t) <= SITE_NAME_MAX_LEN or _TITLE_SEP.search(t):
        return False
    return re.search(re.escape(t) + r"\s*(?:讯|消息)", text) is not None


def _docshare(part: str) -> bool:
    """A document-sharing site's name (``docshare_site_words`` in ``vocab.json``)."""
    return any(x in part for x in _vocab()["docshare_site_words"])


#: a short last part after a bare dash (…总结-豆丁网, …-某某网页版)
_GLUED_SITE = re.compile(r"[-—–]([^-—–]{2,12})$")

#: a title part this short that ends like a site name (…网, …日报) is the site's name
SITE_NAME_MAX_LEN = 12

#: a bare level word that refers to the article's own division: 全县, 我市, 本区, and
#: 县委 / 市总工会 / 区政府 written without a name (not after another word: 据市总工会 is fine,
#: 城市总工会 is not)
#: (the leading lookahead of the characters either branch can start with lets the scan skip
#: every other position at once)
_SELF_REF = re.compile(
    r"(?=[全我本该自街省市县区州旗镇乡])(?:"
    r"(?:[全我本该](自治区|自治州|街道|省|市|县|区|州|旗|镇|乡)(?![\u4e00-\u9fff]{0,1}长))"
    r"|(?:(?:(?<=[据经由在和与及对向将为是])|(?<![\u4e00-\u9fff]))"
    r"(自治区|自治州|街道|省|市|县|区|州|旗|镇|乡)"
    r"(?=委|政府|人民政府|总工会|总|人大|政协|纪委|妇联|团委|工会|直|属)))")


#: the first person of a local division (我省, 我市, 本县): the writer is inside it
_OWN_VOICE = re.compile(r"[我本](?:省|市|县|区|州|旗|盟|镇|乡|街道)(?![\u4e00-\u9fff]{0,1}长)")


def _self_references(g: "_Gazetteer", text: str, score: dict, w: dict) -> set:
    """Add the weight of the article's references to its own division (全县, 我市, 县委) to
    the best-scored division whose name ends with that level word (at most a cap per level).
    When the text names no division of that level but towns, the county above the best town
    gets it, if its name ends with the level word; such counties are returned (the page
    speaks as that county: the towns it names are where it went, not its topic)."""
    own: set = set()
    counts: dict[str, int] = {}
    for m in _SELF_REF.finditer(text):
        lvl = m.group(1) or m.group(2)
        counts[lvl] = counts.get(lvl, 0) + 1
    for lvl, n in counts.items():
        cands = [c for c in score if g.by_code[c].name.endswith(lvl) and score[c] > 0]
        if not cands and lvl in ("县", "区", "市", "旗"):
            # only towns named (区总工会赴南日镇、东庄镇…): the county above the best town,
            # when that county's name ends with the level word, is the page's own division
            towns = [c for c in score if g.by_code[c].level == "town" and score[c] > 0]
            if towns:
                top = max(towns, key=lambda c: score[c])
                up = next((a.adcode for a in reversed(g.chain(top)[:-1])
                           if a.level == "county"), None)
                if up is not None and g.by_code[up].name.endswith(lvl):
                    score[up] = score.get(up, 0.0) + min(w["self_reference_cap"],
                                                         n * w["self_reference"])
                    own.add(up)
            continue
        if not cands:
            continue
        best = max(cands, key=lambda c: score[c])
        score[best] += min(w["self_reference_cap"], n * w["self_reference"])
    return own


#: a descendant needs at least this score to replace a winner that owes its lead to the page's
#: metadata (dateline, outlet, address)
MIN_DESCEND = 2.0


#: a town named this often (in full) is the story's place when nothing else locates the page
UNRESOLVED_TOWN_MENTIONS = 2


def _ambiguous_town_spans(g: "_Gazetteer", text: str, places: list) -> tuple:
    """Spans of the towns the text names in full that several counties share and that no
    context resolved (鼓楼街道 with no county named), and those towns' short forms (鼓楼)."""
    resolved = {p.name for p in places if p.level == "town" and p.adcode}
    spans, shorts = [], set()
    for end_idx, (name, codes) in g.town_auto.iter_long(text):
        if len(codes) > 1 and len(name) >= 3 and name not in resolved:
            spans.append((end_idx + 1 - len(name), end_idx + 1))
            short = g.by_code[codes[0]].short
            if short and short != name:
                shorts.add(short)
    return spans, shorts


def _named_in_full(g: "_Gazetteer", code: str, places: list) -> bool:
    """The text writes the division, or one of its ancestors, by its full name."""
    codes = {d.adcode for d in g.chain(code)}
    return any(p.adcode in codes and p.start is not None
               and p.name == g.by_code[p.adcode].name for p in places)


def _unresolved_town_count(g: "_Gazetteer", text: str, title: Optional[str]) -> Optional[tuple]:
    """(name, weighted count) of the one town named in full that several counties share
    (see :func:`_unresolved_town`), or None."""
    counts: dict = {}
    for hay, weight in ((title or "", UNRESOLVED_TOWN_MENTIONS), (text, 1)):
        for end_idx, (name, codes) in g.town_auto.iter_long(hay):
            if len(codes) > 1 and len(name) >= 3:
                counts[name] = counts.get(name, 0) + weight  # a headline's names the story
    if len(counts) != 1:
        return None
    name, n = next(iter(counts.items()))
    if n < UNRESOLVED_TOWN_MENTIONS:
        return None
    return name, n


def _unresolved_town(g: "_Gazetteer", text: str, title: Optional[str],
                     under: Optional[str] = None) -> Optional[Place]:
    """A page that names no division but one town in full, again and again or in its headline
    (东风镇工会…全镇…该镇), is about that town even when several towns of the country bear the name and nothing
    says which: the name as written, without a code."""
    found = _unresolved_town_count(g, text, title)
    if found is None:
        return None
    name = found[0]
    i = text.find(name)
    if under:  # one namesake below the division the page's metadata names: that town
        mine = [c for c in g.town_keys.get(name, ())
                if any(a.adcode == under for a in g.chain(c)[:-1])]
        if len(mine) == 1:
            return _to_place(g.by_code[mine[0]], name, i if i >= 0 else None,
                             i + len(name) if i >= 0 else None)
    return Place(name=name, canonical=name, level="town", adcode=None,
                 start=i if i >= 0 else None, end=i + len(name) if i >= 0 else None, parents=[])


#: 全区, 全县, 全市 …: the text speaks of a division as a whole (not 全市场, 全区域)
_SCOPE = re.compile(r"全(自治州|自治县|街道|区|县|市|州|旗|盟|镇|乡)(?![场域])")

#: a division spoken of as a whole this often is the story's own (see :func:`_spoken_whole`)
SCOPE_MIN = 2


def _scopes(text: str) -> dict:
    """How often the text speaks of each level as a whole (全区 ×2 → {"区": 2})."""
    out: dict = {}
    for m in _SCOPE.finditer(text):
        out[m.group(1)] = out.get(m.group(1), 0) + 1
    return out


def _spoken_whole(g: "_Gazetteer", code: str, scope: dict) -> bool:
    """The text speaks of this division's level as a whole at least :data:`SCOPE_MIN` times
    (全区 … 全区 for 巴南区), and never of a town's (全镇, 全街道)."""
    d = g.by_code.get(code)
    if d is None or d.level not in ("county", "city"):
        return False
    if scope.get("镇") or scope.get("乡") or scope.get("街道"):
        return False
    return any(d.name.endswith(lvl) and n >= SCOPE_MIN for lvl, n in scope.items())


def _most_specific(g: "_Gazetteer", best: Optional[str], score: dict, topical: set,
                   meta: Optional[dict] = None, share: float = 0.5,
                   scope: Optional[dict] = None) -> Optional[str]:
    """Walk down from the winning division to a descendant the article is about.

    A newspaper's city wins on dateline and outlet weight (聊城日报讯 …) while the title says the
    story is about one of its counties (东阿县总工会推出 …). The guidelines want the most specific
    place the whole article is about, so a descendant named in the title whose own score
    is at least ``share`` of the winner's own score replaces it (repeatedly, down the chain),
    unless the title names the winner too. A descendant the text names at least as often as
    the winner (leaving out what the dateline, the outlet and the address add, ``meta``) also
    replaces it: 梧州新闻网讯 … 万秀区总工会 … 万秀区 is about 万秀区.
    """
    meta = meta or {}
    while best:
        if best in topical:  # the title names the winner itself (阜阳在全市推广颍上…)
            return best
        own = score.get(best, 0.0)
        said = own - meta.get(best, 0.0)  # what the text itself says about the winner
        whole = scope is not None and _spoken_whole(g, best, scope)
        kids = [c for c in score if c != best and any(a.adcode == best for a in g.chain(c)[:-1])
                and (c in topical or (score[c] >= max(MIN_DESCEND, said)
                                      and not (whole and g.by_code[c].level == "town")))]
        if not kids:
            return best
        kid = max(kids, key=lambda c: score[c])
        if score[kid] < share * own:
            return best
        if kid not in topical and sum(1 for c in kids if abs(score[c] - score[kid]) < 1e-9) > 1:
            return best  # two children named alike: the story is the parent's
        best = kid
    return best


#: the end of a lead sentence, of a short navigation line and of a headline line
_LEAD_STOP = re.compile(r"[。！？!?\n]")
_HEAD_STOP = re.compile(r"[。！？!?]")
_HEADLINE_STOP = re.compile(r"[。！？!?；;]")
_NATIONAL_RE = re.compile(re.escape(NATIONAL))


def _lead_end(text: str, start: int = 0) -> int:
    m = _LEAD_STOP.search(text, start, start + 300)
    return m.end() if m else min(len(text), start + 120)


#: a division prefixed to an organization counts as the story's source only when a descendant
#: scores at least this share of it (see :func:`main_place`)
SOURCE_SHARE = 0.5


class _PageHead(NamedTuple):
    """Where the story starts in a page without a separate title: ``body`` (offset of the first
    line that is neither chrome nor headline), ``headline`` (span of the story's headline line,
    or None) and ``chrome`` (spans of breadcrumb and site-name lines above it)."""

    body: int
    headline: Optional[tuple]
    chrome: list


#: a breadcrumb line (首页 > 新闻 > 本地新闻) or a "you are here" line
_BREADCRUMB = re.compile(r"\S\s*[>›»]\s*\S|当前位置|您的位置|所在位置")
#: a line that reports the page's own metadata, not its story
_META_LINE = re.compile(r"发布时间|来源[:：]|作者[:：]|浏览次数|点击[数率]|字号|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}")

#: a breadcrumb line is at most this long (a body paragraph may hold a ">")
CHROME_MAX_LEN = 60

#: a headline is a line of this many characters without a sentence end
HEADLINE_LEN = (6, 40)
#: the head of a page is read over at most this many lines and characters
_HEAD_LINES, _HEAD_CHARS = 6, 400


def _skip_meta_lines(text: str, pos: int) -> int:
    """The offset of the first line from ``pos`` on that is not the page's metadata."""
    for _ in range(_HEAD_LINES):
        while pos < len(text) and text[pos] in "\n\r \t　":
            pos += 1
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        if not line or not _META_LINE.search(line) or len(line) > 60:
            return pos
        pos = end
    return pos


def _chrome_line(line: str) -> bool:
    """A short line of the site's own furniture: a greeting or a navigation word
    (``chrome_words`` in ``vocab.json``: 欢迎来到, 登录 …)."""
    return len(line) <= CHROME_MAX_LEN and any(x in line for x in _vocab()["chrome_words"])


def _page_head(text: str) -> _PageHead:
    """Chrome lines (breadcrumbs, a site's name) and the headline line at the top of a page
    that came without a title: the headline says what the story is about, the chrome only where
    it was published."""
    chrome: list = []
    pos = 0
    for _ in range(_HEAD_LINES):
        if pos >= min(len(text), _HEAD_CHARS):
            break
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end].strip()
        if line:
            topic, site = _title_parts(line)
            if (len(line) <= CHROME_MAX_LEN and _BREADCRUMB.search(line)) or (site and not topic) \
                    or _chrome_line(line):
                chrome.append((pos, end))
            elif _META_LINE.search(line):
                pass  # 发布时间 … 来源: … between the headline and the story
            elif len(line) < HEADLINE_LEN[0] and _HEAD_STOP.search(line) is None:
                pass  # a navigation word (免费发信息, 返回首页)
            elif (HEADLINE_LEN[0] <= len(line) <= HEADLINE_LEN[1]
                  and _HEADLINE_STOP.search(line) is None):
                return _PageHead(_skip_meta_lines(text, end), (pos, end), chrome)
            else:
                return _PageHead(pos if chrome else 0, None, chrome)
        pos = end + 1
    return _PageHead(0, None, chrome)


def _national_or_none(g: _Gazetteer, text: str, title: Optional[str], local: float,
                      capital_desk: bool = False, least: float = 2.0) -> Optional[Place]:
    """全国 when national markers outweigh the best local division (a ``北京…电`` dateline,
    ``capital_desk``, is one such marker: national media file from the capital)."""
    hay = (title or "") * 3 + text
    n = 1.0 if capital_desk else 0.0
    for mk, weight in g.national.items():
        if mk == NATIONAL:
            n += weight * sum(1 for m in _NATIONAL_RE.finditer(hay)
                              if not g.national_not.match(hay, m.end()))
        else:
            n += weight * hay.count(mk)
    # a headline whose subject is the national federation itself (全国总工会机关赴…, 全总部署…)
    if title and _NATIONAL_SUBJECT.match(title.strip()):
        n += 2.0 + capital_desk
    if n and n >= max(least, local):
        return NATIONAL_PLACE()
    return None


#: a headline opening with the national federation as its subject (an optional year before it)
_NATIONAL_SUBJECT = re.compile(r"(?:(?:19|20)\d{2}年)?(?:中华)?(?:全国总工会|全总)(?!.{0,8}(?:表彰|授予|命名|到|来|调研|走访|慰问|看望|考察))")


