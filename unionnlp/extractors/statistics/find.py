"""``find_statistics``: every statistic of a clean text, with metric, kind, year and evidence."""
from __future__ import annotations

import re
from typing import Optional

from unionnlp.extractors import numbers
from unionnlp.records import Statistic

from . import context, figures, kinds, metrics, restatements, vocabulary, years

_QUALIFIERS = {"余", "多", "以上", "近", "约"}
#: a character every match of _PLACE_WORD and _NAMED_PLACE holds (国 of 全国, a level character)
_PLACE_CHAR = re.compile("[国市县省区州盟旗]")
_PLACE_WORD = re.compile(r"全国|(?:全|我|本|该)(?:市|县|省|区|州|盟|旗)")
_NAMED_PLACE = re.compile(
    r"(?:^|(?<=[年，,在据]))(?P<p>[\u4e00-\u9fff]{2,5}?(?:自治州|自治县|省|市|县|区))(?!级|委|长|民|场|直)"
)

#: bare nouns a figure after a subgroup's figure counts for that subgroup (其中…, 会员…)
#: measure words of counted events (活动4场, 培训班5期): a participation count after one counts
#: that activity's participants
_EVENT_UNITS = {"场", "场次", "次", "期", "届", "轮", "批"}
_BARE_HEADS = {"会员", "职工", "工会会员", "会员数", "职工会员", "工会组织", "基层工会"}
#: how far back before a figure its sentence is read for kind, year and place (characters)
MAX_LOOKBACK = 240
#: how far back a sentence without a time of its own looks for one in its paragraph
MAX_CARRY = 2 * MAX_LOOKBACK


def find_statistics(text: str, *, place=None, published: Optional[str] = None,
                    campaigns=(), title: Optional[str] = None) -> list:
    """All statistics in ``text`` (clean, simplified), in text order, each with evidence offsets.

    ``place``: the article's :class:`~unionnlp.records.Place` (全市/全县… resolve to it);
    ``published``: ISO date of the article (resolves 今年/去年 and dates figures the text
    leaves undated, unless the document carries its own date); ``campaigns``: campaign items
    whose spans hold no statistics; ``title``: the article's headline (a report's year).
    """
    if not text or not isinstance(text, str):
        return []
    try:
        qs = numbers.parse(text)
    except Exception:  # never let a parsing problem lose the document
        return []
    layout = context.layout_spans(text)
    noise = numbers.noise_spans(text)
    # context views: page markers and hard wraps blanked, hidden-text placeholders a clause edge
    view = context.blank(context.blank(text, layout), noise, "，")
    normal = numbers.normalize(text)
    norm = context.blank(context.blank(normal, layout), noise, "，")
    excl = context.Spans(context.excluded_spans(text, campaigns))
    bounds = context.sentence_bounds(norm)
    kept = [q for q in qs if figures.is_statistic(q, norm, excl)]
    # boundaries between figures: statistics and numbers with a measure word (2011年, 25人以上)
    # end a metric phrase; bare numerals inside words (一等奖, 八大群体) do not
    kept_ids = {id(q) for q in kept}
    measured = [q for q in qs if id(q) in kept_ids or (
        q.unit and numbers.unit_category(q.unit) not in ("date", "time"))]
    ends = sorted(q.end for q in measured)
    starts = sorted(q.start for q in measured)
    fenbie = metrics.fenbie_groups(view, norm, kept)
    own_year = years.document_date(text, title=title)
    ref_year = own_year if own_year is not None else years.year_of(published)
    if ref_year is None:
        # an undated page: 今年 is the year its lead names for the event (3月13日,2024年全省…)
        ref_year = years.lead_year(normal, title=title)
    out: list = []
    prev_metric: Optional[str] = None
    sub_population: Optional[str] = None  # the subgroup a 其中 clause of this sentence is about
    prev_sent = -1
    # the plan part of a report, read on the text with its line breaks (a heading's break may
    # look like a layout artefact before a numbered item)
    plans = kinds.plan_sections(normal) if "\n" in text else []
    has_pledge = "实事" in normal
    sections = years.section_years(normal) if "\n" in text else []
    carried: dict = {}  # sentence start → the time it takes from its paragraph (read once)
    started_at: dict = {}  # sentence start → the time an event of its frame started
    last_kind: Optional[str] = None  # the kind of the last figure read
    inherit = False
    prev_unit: Optional[str] = None  # the measure word of the figure before in the sentence
    prev_end = 0
    for q in kept:
        s0 = context.sent_start(bounds, q.start)
        if s0 != prev_sent:
            # a sentence opening with 其中 details the one before: it inherits a plan's kind
            inherit = last_kind == "target" and _RE_DETAILS.match(norm, s0) is not None and \
                not _RE_NEW_PARA.search(norm, prev_sent if prev_sent >= 0 else 0, s0)
            prev_metric, prev_sent, sub_population = None, s0, None
            prev_unit, prev_end = None, s0
        # context (kind, year, place) is read back to the sentence start, but never further than
        # MAX_LOOKBACK characters: an unpunctuated run of figures would otherwise cost O(n²)
        c0 = max(s0, q.start - MAX_LOOKBACK)
        found = fenbie.get(id(q)) or metrics.metrics_for(q, view, norm, ends, starts, prev_metric)
        kind = kinds.kind_of(q, norm, c0, ref_year)
        if kind == "actual" and inherit and not kinds.reported(norm, s0, q.start):
            kind = "target"  # …预计组织约4万名职工疗休养。其中省总工会投入900万元…
        if kind == "actual" and plans and any(a <= q.start < b for a, b in plans) \
                and not kinds.reported(norm, s0, q.start):
            kind = "target"  # 二、下半年工作安排 … 3名金秋助学任务: a report's plan part
        if kind == "actual" and has_pledge and kinds.pledged(norm, bounds, s0, q.start):
            kind = "target"  # 公布了11件实事项目。具体包括:新建200家…: pledged, not done
        when = years.time_before(norm, c0, q.start, ref_year)
        if not when.found:
            when = carried.get(s0)
            if when is None:
                when = carried[s0] = years.carried_time(norm, bounds, s0, ref_year, MAX_CARRY)
        if when.since_event:
            started = started_at.get(s0)
            if started is None:
                started = started_at[s0] = years.event_this_year(norm, bounds, s0, ref_year, MAX_CARRY)
            when = started if started.found else when
        if not when.found and sections:
            y = next((yr for a, b, yr in sections if a <= q.start < b), None)
            if y is not None:  # 一、2012年全市工会主要工作情况 … 一是…292个单位: the section's year
                when = years.When(year=y, basis="explicit", found=True)
        if not when.found and years.digest_item(norm, q.start):
            when = years.When(span=True, found=True)
        if kind == "actual" and when.year is not None and ref_year is not None and when.year > ref_year:
            kind = "target"  # a figure of a year still to come (明年…, 2026年… in a 2024 text) is planned
        base = years.base_year(norm, c0, q.start, when.year) if kind == "change" else None
        where = _place_info(norm, c0, q.start, place)
        qual = q.qualifier if q.qualifier in _QUALIFIERS else ""
        if not qual and norm.find("预计", max(s0, q.start - 12), q.start) >= 0 and \
                "预计" in _RE_FIND_STATISTICS_0.split(norm[max(s0, q.start - 12):q.start])[-1]:
            qual = "约"  # 预计参与职工3000人
        last_kind = kind
        # the ；-part of the sentence the figure is in: an activity named there frames it
        part = max(c0, norm.rfind("；", c0, q.start) + 1, norm.rfind(";", c0, q.start) + 1)
        activity = metrics.activity_frame(norm, part, q.start)
        counts_events = prev_unit in _EVENT_UNITS and part <= prev_end
        detail = norm.find("其中", s0, q.start) >= 0  # (= "其中" in norm[s0:q.start], no copy)
        for metric, surface, ev_start, ev_end in found:
            reading = vocabulary.classify(metric, q.unit)
            named = metric
            if counts_events:
                named = metrics.participants_of(named, prev_metric)  # 技能竞赛4场,参与职工173人次
            if named == metric:
                named = metrics.participants_in(norm, c0, q.start, named)  # 举办…运动会,…参与职工
            named = metrics.with_activity(named, activity)  # 冬送温暖活动中…发放救助金5万元
            population = reading.population
            if detail:
                # 其中八大群体工会组织530家,会员3.7万余人: the members are the subgroup's
                if population is None and reading.metric_id and sub_population and metric in _BARE_HEADS:
                    population = sub_population
                elif population is not None:
                    sub_population = population
            flags = []
            if q.repaired:
                flags.append("repaired_number")
            if metric and len(metric) > metrics.LONG_METRIC:
                flags.append("long_metric")
            out.append(Statistic(
                value=q.value, unit=q.unit, metric=named or None, qualifier=qual, kind=kind,
                year=when.year, place=where, text=text[ev_start:ev_end], start=ev_start, end=ev_end,
                metric_surface=surface or None, period=when.period, metric_id=reading.metric_id,
                population=population, base_year=base,
                year_basis=when.basis if when.year is not None else ("none" if when.span else None),
                flags=flags,
            ))
            prev_metric = metric or prev_metric
        prev_unit, prev_end = q.unit, q.end
    out = restatements.merge(out, context.headline_end(text))
    doc_year = years.document_year_from(text, own_year, title=title)  # (= years.document_year)
    return years.fill_document_year(out, doc_year, published=published)


def _place_info(text: str, sent_start: int, pos: int, place) -> Optional[str]:
    if _PLACE_CHAR.search(text, sent_start, pos) is None:
        return None  # neither pattern below can match (a third of the figures of a page)
    local = None
    if place is not None:
        local = getattr(place, "canonical", None) or getattr(place, "name", None)
    seg = text[sent_start:pos]
    best = None
    for m in _PLACE_WORD.finditer(seg):
        best = ("word", m)
    for m in _NAMED_PLACE.finditer(seg):
        if best is None or m.start() > best[1].start():
            best = ("named", m)
    if best is None:
        return None
    kind, m = best
    if kind == "word":
        return "全国" if m.group(0) == "全国" else local
    name = m.group("p")
    if place is not None:
        pname = getattr(place, "name", None) or ""
        canon = getattr(place, "canonical", None) or ""
        if name and (name == pname or (canon and canon.endswith(name)) or (pname and name.startswith(pname))):
            return canon or pname
    return name


# patterns of the functions above, compiled once (they run for every figure)
#: the opening of a sentence that details the one before
_RE_DETAILS = re.compile(r"[ \t\u3000]*其中")
#: a paragraph break between two sentences
_RE_NEW_PARA = re.compile(r"\n")
_RE_FIND_STATISTICS_0 = re.compile(r"[，,。；;：:、\n]")
