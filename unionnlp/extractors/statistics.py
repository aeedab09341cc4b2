"""Statistics: measured or targeted figures in union news, with metric, kind, year and evidence.

``find_statistics(text, *, place=None, published=None, campaigns=()) -> list[Statistic]``

Method (rule based, following ``devset/GUIDELINES.md`` § statistics):

1. :func:`unionnlp.extractors.numbers.parse` finds every number with its measure word and
   qualifier (values already in base units: 42万余人 → 420000, unit 人, qualifier 余).
2. Figures that are not statistics are dropped: dates, times and durations (unit category
   date/time/age, 5年来, 连续三年), ordinals (第2批, 二十届), document numbers (…35号), numbers
   without a measure word unless written with 万/亿 or a qualifier (194.1万职工, 2万多产业大军),
   the determiner 一 (一个, 一批), fractions, thresholds that define a group (25人以上企业),
   numbers inside campaign spans, short quotations (“42101”) and 《titles》, counts of the
   parts of a text (十一个方面), and page metadata (页数, 大小, 浏览).
3. The metric is the noun phrase naming what is counted: the phrase after the measure word when
   there is one (28个劳模创新工作室), else the clause before the number, stripped of time,
   place, subject and copula words (全市工会组织已达5600余家 → 工会组织); word lists in
   ``resources/statistics/stopwords.tsv``; the result is normalised with
   ``resources/statistics/metrics.tsv``. Coordinated metrics (工会组建率和职工入会率达99%) give
   one statistic each; ``A、B分别为x、y`` pairs values and metrics in order.
4. ``kind`` is change for percentage points and for figures right after 提高/增长/增加/下降…;
   target when the sentence sets a goal before the figure (到…年底, 力争, 确保, 计划, 争取,
   目标, 年内, 要…) without reporting it as reached (已, 累计, 截至); actual otherwise.
5. ``year`` is the nearest year named earlier in the same sentence (2019年, 截至2020年底,
   到2012年年底), with 今年/去年/明年 resolved against ``published``; ``N年来`` / ``YYYY年以来``
   set ``period`` instead. ``place`` is the article's locality for 全市/全县/全省/我市…, 全国 for
   全国, else a named place earlier in the sentence.
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable, Optional

from unionnlp import resources
from unionnlp.extractors import numbers
from unionnlp.records import Statistic

__all__ = ["find_statistics"]

_QUALIFIERS = {"余", "多", "以上", "近", "约"}
_SKIP_CATEGORIES = {"date", "time", "age", "temperature", "size", "doc", "ordinal", "length", "weight"}
_CJK = "\u4e00-\u9fff"


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ln in resources.read_lines("statistics", "stopwords.tsv"):
        w, role = ln.split("\t")[:2]
        out.setdefault(role.strip(), []).append(w.strip())
    for k in out:
        out[k].sort(key=len, reverse=True)
    return out


@functools.lru_cache(maxsize=1)
def _metric_vocab() -> dict[str, str]:
    out: dict[str, str] = {}
    for ln in resources.read_lines("statistics", "metrics.tsv"):
        parts = ln.split("\t")
        canon = parts[0].strip()
        out[canon] = canon
        if len(parts) > 1:
            for a in parts[1].split("|"):
                if a.strip():
                    out[a.strip()] = canon
    return out


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in words)


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    w = _words()
    time_left = (
        r"(?:截至|截止|到|至)?(?:\d{4}[ \t]*年?(?:年度|年底|年末|底|末|上半年|下半年|前|以来)?"
        r"|\d{1,2}[ \t]*月(?:底|末|份)?(?:\d{1,2}[ \t]*日)?|[今去上明本]年(?:年底|底|末|以来)?"
        r"|[一二两三四五六七八九十\d]{1,3}[ \t]*年(?:来|以来|间|内|中)?)"
    )
    return {
        "strip_left": re.compile(
            rf"^(?:[ \t\n,，、：:（(]|{time_left}|(?:{_alt(w['strip-left'])})"
            rf"|[{_CJK}]{{0,10}}总工会|[{_CJK}]{{2,4}}?(?:省|市|县|区)(?![级委直属])(?=[{_CJK}]{{2}}))"
        ),
        "strip_right": re.compile(rf"(?:[ \t\n]|{_alt(w['strip-right'])})$"),
        "stop": re.compile(rf"{_alt(w['stop'])}|[，,。；;：:！!？?、\n（(\d]"),
        "skip_ctx": re.compile(rf"(?:{_alt(w['skip-context'])})[^，,。；;！!？?\n]{{0,4}}$"),
        "part_head": re.compile(rf"^(?:{_alt(w['part-head'])})"),
    }


_SENT_END = re.compile(r"[。！？!?；;]|\n(?=[ \t]*(?:[一二三四五六七八九十]+、|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)]))|(?<=[。！？!?；;：:”」』）)])\n|\n[ \t]*\n")
_CLAUSE_END = re.compile(r"[，,。！？!?；;：:、\n]")
_QUOTE = re.compile(r"“[^“”\n]{1,15}”|‘[^‘’\n]{1,15}’|「[^「」\n]{1,15}」|\"[^\"\n]{1,15}\"|《[^《》\n]{1,60}》")
_DOCNO = re.compile(r"[\[〔【(（]\d{4}[\]〕】)）]\s*\d+\s*号|\d{3,4}-\d{7,8}|1[3-9]\d{9}")
_CHANGE_BEFORE = re.compile(
    r"(?:提高|增长|增加|上升|提升|下降|减少|降低|增幅|降幅|扩大|缩小|下滑|回落|净增|净减)(?:了|为|达)?[ \t]*$"
)
_TARGET = re.compile(
    r"力争|确保|计划|争取|目标|年内|要(?:实现|达到|确保|建成|完成|新建|新增|发展|培训|创建|覆盖|组建|突破|保持|建立)"
    r"|(?<!增长)(?<!增加)(?<!提高)(?<!上升)(?<!提升)(?<!下降)(?<!减少)(?<!降低)(?<!发展)"
    r"到(?:\d{4}[ \t]*年|[今明本]年|年)[^，。；]{0,6}?(?:年底|年末|底|末|前)"
)
_REPORTED = re.compile(r"已|累计|截至|截止")
_YEAR = re.compile(
    r"(?P<y>(?:19|20)\d{2})[ \t]*年(?P<since>以来)?(?:至(?P<y2>(?:19|20)\d{2})[ \t]*年)?"
    r"|(?P<rel>[今去上明前本])年(?:度)?(?P<rsince>以来)?"
    r"|(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})[ \t]*年(?:来|以来)"
)
_PLACE_WORD = re.compile(r"全国|(?:全|我|本|该)(?:市|县|省|区|州|盟|旗)")
_NAMED_PLACE = re.compile(
    rf"(?:^|(?<=[年，,在据]))(?P<p>[{_CJK}]{{2,5}}?(?:自治州|自治县|省|市|县|区))(?!级|委|长|民|场|直)"
)
_CHANGE_ONLY = re.compile(r"(?:净)?(?:提高|增长|增加|上升|提升|下降|减少|降低)(?:了|到)?")
_FENBIE = re.compile(r"分别(?:为|是|达到|达|占|有|增长|提高)?")
_COORD = re.compile(r"^(?P<a>.+?(?:率|比例|占比|覆盖面))(?:和|及|与|、)(?P<b>.+?(?:率|比例|占比|覆盖面))$")


_PAGE_MARKER = re.compile(r"(?<=[^\s。！？；;：:!?”」』）)])\n[ \t]*(?:\n[ \t]*)*\d{1,3}、(?=\S)")
_WRAP = re.compile(
    r"(?<=[^\s。！？；;：:!?”」』）)])\n(?![ \t]*(?:[（(•·\-]|[一二三四五六七八九十\d]{1,3}[、.．)）]))(?=[ \t]*\S)"
)


def _layout_spans(text: str) -> list[tuple[int, int]]:
    """Spans of page-layout artefacts inside sentences: docshare page markers (``达到\\n4、90%``)
    and hard line wraps after long lines that do not end a sentence."""
    spans = [(m.start(), m.end()) for m in _PAGE_MARKER.finditer(text)]
    for m in _WRAP.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start >= 20:
            spans.append((m.start(), m.end()))
    return spans


def _blank(s: str, spans) -> str:
    """``s`` with the given spans replaced by spaces (offsets unchanged)."""
    if not spans:
        return s
    chars = list(s)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _sentence_bounds(text: str) -> list[int]:
    return [m.end() for m in _SENT_END.finditer(text)]


def _sent_start(bounds: list[int], pos: int) -> int:
    i = bisect.bisect_right(bounds, pos) - 1
    return bounds[i] if i >= 0 else 0


def _excluded_spans(text: str, campaigns) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _DOCNO.finditer(text)]
    for c in campaigns or ():
        s = getattr(c, "start", None) if not isinstance(c, dict) else c.get("start")
        e = getattr(c, "end", None) if not isinstance(c, dict) else c.get("end")
        if isinstance(s, int) and isinstance(e, int):
            spans.append((s, e))
    return spans


class _Spans:
    """Sorted, merged spans with a logarithmic overlap test."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e) - 1
        return i >= 0 and self.ends[i] > s


def _overlaps(s: int, e: int, spans: "_Spans") -> bool:
    return spans.overlaps(s, e)


def _clean_metric(phrase: str) -> str:
    pats = _patterns()
    p = re.sub(r"[“”‘’\"「」《》\s]", "", phrase)
    p = re.sub(rf"^[^{_CJK}]+", "", p)  # list markers and page junk before the phrase
    for _ in range(12):
        m = pats["strip_left"].match(p)
        if not m or not m.group(0):
            break
        rest = p[m.end():]
        if len(rest) < 2:
            break
        p = rest
    for _ in range(8):
        m = pats["strip_right"].search(p)
        if not m or not m.group(0) or len(p) - len(m.group(0)) < 2:
            break
        p = p[: m.start()]
    p = re.sub(r"(?:比|较)(?:上年|去年|上一年|同期|年初)(?:同期)?$", "", p)
    # a trailing date (会员数从2021年3月29日的) and leading page junk (ASCII runs) go
    p = re.sub(r"(?:从|自|于|在|截至|截止|到)?(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|初)?的?$", "", p) or p
    junk = re.match(r"^.*[A-Za-z0-9_./\-]{2,}", p)
    if junk and len(p) - junk.end() >= 2:
        p = p[junk.end():]
    p = p.strip("，,、：: ")
    if "的" in p:
        head = p.rsplit("的", 1)[1]
        if len(head) >= 4:
            p = head
    return p


def _after_phrase(text: str, pos: int, limit: int = 24) -> tuple[str, int]:
    """Noun phrase right after a measure word (28个|劳模创新工作室), with its end offset.

    The phrase ends at a verb or preposition of ``stopwords.tsv`` (role stop), at clause
    punctuation, or at a conjunction followed by another counted item (…工作室和10个…); a
    modifier before 的 is dropped (6名勇敢的消防队员 → 消防队员)."""
    window = text[pos:pos + limit + 4]
    lead = re.match(r"[ \t]*(?:的)?[ \t]*[“‘\"「]?", window)
    i = lead.end() if lead else 0
    m = _patterns()["stop"].search(window, i)
    j = m.start() if m else len(window)
    for c in re.finditer(r"[和及与或]", window[i:j]):
        rest = text[pos + i + c.end():pos + i + c.end() + 30]
        rest = re.split(r"[，,。；;：:！!？?\n]", rest, maxsplit=1)[0]
        if re.search(rf"[\d{numbers.CN_DIGITS}]", rest):
            j = i + c.start()
            break
    phrase = re.sub(r"[“”‘’\"「」\s]", "", window[i:j])[:limit]
    if "的" in phrase:
        head = phrase.rsplit("的", 1)[1]
        phrase = head if len(head) >= 2 else phrase.split("的", 1)[0]
    phrase = phrase.rstrip("和及与或")
    if len(re.findall(f"[{_CJK}]", phrase)) < 2:
        return "", pos
    return phrase, pos + j


def _normalise_metric(surface: str) -> str:
    return _metric_vocab().get(surface, surface)


def _year_info(norm: str, sent_start: int, pos: int, published: Optional[str]):
    pub_year = None
    if published:
        m = re.match(r"\s*(\d{4})", published)
        pub_year = int(m.group(1)) if m else None
    year, period = None, None
    for m in _YEAR.finditer(norm, sent_start, pos):
        if m.group("y"):
            if m.group("y2"):
                period, year = f"{m.group('y')}-{m.group('y2')}", None
            elif m.group("since"):
                period = f"{m.group('y')}-{pub_year}" if pub_year else f"{m.group('y')}年以来"
                year = None
            else:
                year, period = int(m.group("y")), None
        elif m.group("rel"):
            rel = m.group("rel")
            before = norm[max(sent_start, m.start() - 2):m.start()]
            if rel == "上" and re.search(r"[比较同]$", before):
                continue
            off = {"今": 0, "本": 0, "去": -1, "上": -1, "明": 1, "前": -2}[rel]
            if m.group("rsince") and rel not in ("今", "本"):
                period = f"{pub_year + off}-{pub_year}" if pub_year else m.group(0)
                year = None
            else:
                year = pub_year + off if pub_year else None
        elif m.group("n"):
            n = numbers.to_number(m.group("n"))
            period = f"{pub_year - int(n)}-{pub_year}" if (pub_year and n) else m.group(0)
            year = None
    return year, period


_CONTINUES = re.compile(r"[ \t\u3000]*(?:其中|同时|此外|另外|其余|全(?:市|县|省|区|州|盟|旗)|并|还)")


def _previous_sentence_year(norm: str, bounds: list[int], s0: int, published: Optional[str]):
    """Year of the sentence before ``s0`` in the same paragraph (for 其中…/全市… continuations)."""
    if s0 <= 0:
        return None, None
    idx = bisect.bisect_left(bounds, s0)
    prev = bounds[idx - 1] if idx >= 1 else 0
    if "\n" in norm[prev:s0].strip():  # a new paragraph does not continue the sentence
        return None, None
    return _year_info(norm, prev, s0, published)


def _place_info(text: str, sent_start: int, pos: int, place) -> Optional[str]:
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


def _is_statistic(q, text: str, norm: str, excl) -> bool:
    if q.kind in ("ordinal", "fraction"):
        return False
    if _overlaps(q.num_start, q.num_end, excl):
        return False
    cat = numbers.unit_category(q.unit) if q.unit else ""
    if cat in _SKIP_CATEGORIES:
        return False
    before = norm[max(0, q.start - 3):q.start]
    if re.search(r"(?:第|前|后|首|每)[ \t]*$", before):
        return False
    # 十三届五次会议, 八届人大五次会议: session numbers
    if q.unit == "次" and re.search(r"届[^，。；]{0,4}$", norm[max(0, q.start - 5):q.start]):
        return False
    if _patterns()["skip_ctx"].search(norm, max(0, q.start - 8), q.start):
        return False
    numtxt = norm[q.num_start:q.num_end]
    has_mag = bool(re.search("[万亿]", numtxt))
    if not q.unit:
        if not (has_mag or q.qualifier in ("余", "多")):
            return False
        nxt = norm[q.end:q.end + 1]
        if not has_mag and not re.match(f"[{_CJK}]", nxt or " "):
            return False
        if re.match(r"[年月日号时点分秒]", nxt or " "):
            return False
    # the determiner 一 (一个, 一批) and 一 in fixed words
    if q.chinese and q.value == 1 and numtxt.strip() in ("一", "壹"):
        return False
    # numbers glued to Latin letters or digits (IDs, model numbers)
    if re.search(r"[A-Za-z]$", norm[max(0, q.num_start - 1):q.num_start]):
        return False
    after = norm[q.end:q.end + 6]
    # thresholds that define a group: 25人以上非公企业, 百人以上的企业
    if re.search(r"以[ \t]?[上下]$", norm[q.start:q.end]) and cat in ("people", "count", "money") and \
            re.match(rf"[ \t]*(?:的)?[{_CJK}]", after) and not re.match(r"[ \t]*的?(?:比例|比重)", after):
        return False
    if q.unit and _patterns()["part_head"].match(after.lstrip()):
        return False
    return True


#: how far back before a figure its sentence is read for kind, year and place (characters)
MAX_LOOKBACK = 240


def find_statistics(text: str, *, place=None, published: Optional[str] = None,
                    campaigns=()) -> list:
    """All statistics in ``text`` (clean, simplified), in text order, each with evidence offsets.

    ``place``: the article's :class:`~unionnlp.records.Place` (全市/全县… resolve to it);
    ``published``: ISO date of the article (resolves 今年/去年); ``campaigns``: campaign items
    whose spans hold no statistics.
    """
    if not text or not isinstance(text, str):
        return []
    try:
        qs = numbers.parse(text)
    except Exception:  # never let a parsing problem lose the document
        return []
    spans = _layout_spans(text)
    view = _blank(text, spans)  # context view: page markers and hard wraps blanked
    norm = _blank(numbers.normalize(text), spans)
    excl = _Spans(_excluded_spans(text, campaigns))
    bounds = _sentence_bounds(norm)
    kept = [q for q in qs if _is_statistic(q, text, norm, excl)]
    # boundaries between figures: statistics and numbers with a measure word (2011年, 25人以上)
    # end a metric phrase; bare numerals inside words (一等奖, 八大群体) do not
    kept_ids = {id(q) for q in kept}
    ends = sorted(q.end for q in qs if id(q) in kept_ids or (
        q.unit and numbers.unit_category(q.unit) not in ("date", "time")))
    fenbie = _fenbie_groups(view, norm, kept)
    out: list[Statistic] = []
    seen: set = set()
    prev_metric: Optional[str] = None
    prev_sent = -1
    for q in kept:
        s0 = _sent_start(bounds, q.start)
        if s0 != prev_sent:
            prev_metric, prev_sent = None, s0
        # context (kind, year, place) is read back to the sentence start, but never further than
        # MAX_LOOKBACK characters: an unpunctuated run of figures would otherwise cost O(n²)
        c0 = max(s0, q.start - MAX_LOOKBACK)
        metrics = fenbie.get(id(q)) or _metrics_for(q, view, norm, ends, prev_metric)
        kind = _kind(q, norm, c0)
        year, period = _year_info(norm, c0, q.start, published)
        if year is None and period is None and _CONTINUES.match(norm, s0):
            year, period = _previous_sentence_year(norm, bounds, s0, published)
        where = _place_info(norm, c0, q.start, place)
        qual = q.qualifier if q.qualifier in _QUALIFIERS else ""
        if not qual and "预计" in re.split(r"[，,。；;：:、\n]", norm[max(s0, q.start - 12):q.start])[-1]:
            qual = "约"  # 预计参与职工3000人
        for metric, surface, ev_start, ev_end in metrics:
            key = (round(q.value, 6), q.unit, metric)
            if key in seen or _repeated(q, metric, out):
                continue
            seen.add(key)
            out.append(Statistic(
                value=q.value, unit=q.unit, metric=metric or None, qualifier=qual, kind=kind,
                year=year, place=where, text=text[ev_start:ev_end], start=ev_start, end=ev_end,
                metric_surface=surface or None, period=period,
            ))
            prev_metric = metric or prev_metric
    return out


def _repeated(q, metric: Optional[str], out: list) -> bool:
    """The same figure written again (headline and body): same value, unit and a metric that
    contains the other."""
    if not metric:
        return False
    for s in out:
        if s.value == q.value and s.unit == q.unit and s.metric and s.metric != metric and (
                s.metric in metric or metric in s.metric):
            return True
    return False


def _metrics_for(q, text: str, norm: str, ends: list, prev_metric: Optional[str]):
    """[(metric, surface, evidence_start, evidence_end)] for one figure."""
    # clause before the number, cut at the previous number
    cs = 0
    for m in _CLAUSE_END.finditer(norm, max(0, q.start - 60), q.start):
        cs = m.end()
    i = bisect.bisect_right(ends, q.start) - 1
    if i >= 0:
        cs = max(cs, ends[i])
    before_raw = text[cs:q.start]
    after, after_end = ("", q.end)
    if q.unit and q.unit not in ("%", "个百分点"):
        after, after_end = _after_phrase(text, q.end)
        if q.unit == "项" and norm[q.end:q.end + 1] == "目":
            after, after_end = _after_phrase(text, q.end - 1)
    elif not q.unit:
        after, after_end = _after_phrase(text, q.end)
    before = _clean_metric(before_raw)
    if len(before) < 2 or _CHANGE_ONLY.fullmatch(before):
        before = (prev_metric or "") if before else ""
    # 占发展总数的18.5% → 发展企业党员占发展总数比例
    if before.startswith("占") and not re.search("比例|比重|占比", before):
        before = (prev_metric or "") + before.rstrip("的") + "比例"
    if after:
        surface, ev = after, (q.start, after_end)
        metric = after
    elif before:
        co = _COORD.match(before)
        bstart = cs + max(0, before_raw.find(before[:2])) if before[:2] in before_raw else cs
        if co:
            return [(_normalise_metric(co.group("a")), co.group("a"), bstart, q.end),
                    (_normalise_metric(co.group("b")), co.group("b"), bstart, q.end)]
        surface, ev = before_raw.strip(), (bstart, q.end)
        metric = before
    else:
        # nothing before or after the measure word: the verb phrase after it (2人任人大代表),
        # else the metric of the previous figure in the sentence (活动4场500余人次)
        np_, np_end = _after_phrase(text, q.end)
        if np_:
            return [(_normalise_metric(np_), np_, q.start, np_end)]
        m = re.match(rf"[ \t]*([{_CJK}][{_CJK} \t\n]{{1,14}})", text[q.end:q.end + 16])
        if m and len(re.sub(r"\s", "", m.group(1))) >= 2:
            seg = re.sub(r"\s", "", m.group(1))[:12]
            stop = re.search(r"[，。；、]", seg)
            seg = seg[: stop.start()] if stop else seg
            return [(_normalise_metric(seg), seg, q.start, q.end + m.end())]
        return [(prev_metric or "", "", q.start, q.end)]
    return [(_normalise_metric(metric), surface, ev[0], ev[1])]


def _kind(q, norm: str, sent_start: int) -> str:
    if q.kind == "points":
        return "change"
    lead = norm[max(sent_start, q.start - 12):q.start]
    if _CHANGE_BEFORE.search(lead):
        return "change"
    seg = norm[sent_start:q.start]
    tm = None
    for tm in _TARGET.finditer(seg):
        pass
    if tm is not None and not _REPORTED.search(seg[tm.end():]):
        return "target"
    return "actual"


def _fenbie_groups(text: str, norm: str, kept: list) -> dict:
    """``A、B分别为x、y``: map each listed figure to its own metric, in order."""
    out: dict = {}
    by_start = sorted(kept, key=lambda q: q.start)
    for fm in _FENBIE.finditer(norm):
        group = []
        pos = fm.end()
        for q in by_start:
            if q.start < pos:
                continue
            gap = norm[pos:q.start]
            if re.fullmatch(r"[ \t、，,和及与]*", gap) and (not group or gap):
                group.append(q)
                pos = q.end
            elif group or q.start > fm.end() + 4:
                break
        if len(group) < 2:
            continue
        w0 = max(0, fm.start() - 80)
        cs = w0
        for m in re.finditer(r"[，,。；;：:\n]", norm[w0: fm.start()]):
            cs = w0 + m.end()
        phrase = text[cs:fm.start()]
        parts = [p for p in (_clean_metric(x) for x in re.split(r"、|和|及|与", phrase)) if p]
        # 外企、私企建会率分别为…: the last part's head (建会率) is shared by the others
        head = re.search(r"[^率]{2}率$", parts[-1]) if parts else None
        if head and len(parts) > 1:
            parts = [p if p.endswith("率") else p + head.group(0) for p in parts]
        if len(parts) == len(group):
            for q, p in zip(group, parts):
                out[id(q)] = [(_normalise_metric(p), p, cs, q.end)]
        else:
            whole = _clean_metric(phrase)
            for q in group:
                out[id(q)] = [(_normalise_metric(whole), whole, cs, q.end)]
    return out


# a year as a reference ("2025年…工作情况", "2024年度"), not a date or the start of a period
_HEAD_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年(?!\d{1,2}月\d{1,2}日|以来|来|起|至|到|—|-)")


def document_year(text: str, *, title: Optional[str] = None,
                  published: Optional[str] = None) -> Optional[int]:
    """The year an article as a whole reports on, when it says so plainly.

    A year written in the headline (``某县2025年…工作情况``, ``2024年度…名单``), else one written
    in the first sentence of the body (``发布了2022年…大赛…名单``); ``None`` otherwise (the
    publication date alone does not date every figure: see :func:`fill_document_year`).
    ``published`` is accepted for symmetry and not used here.
    """
    first_line = text.split("\n", 1)[0]
    is_headline = len(first_line) <= 40 and not re.search(r"[。;；!?！？]", first_line)
    head = (title or "").strip() or (first_line if is_headline else "")
    body = text[len(first_line):].lstrip() if (is_headline and text.startswith(first_line)) else text
    first_sentence = re.split(r"[。!?！？\n]", body, 1)[0]
    for chunk in (head[:80], first_sentence[:160]):
        years = {int(y) for y in _HEAD_YEAR_RE.findall(chunk)}
        if len(years) == 1:
            return years.pop()
    return None


# words that tie a figure to the time of writing: 截至目前, 目前, 截至8月底, 今年以来, 近日, a
# day or month written without its year (9月18日) …
_NOW_CUE = re.compile(r"截至目前|截止目前|目前|当前|现有|至今|截[至止]\d{1,2}月|今年|本年|近日|日前|近期"
                     r"|(?<![\d年])\d{1,2}月(?:\d{1,2}日|底|初|末|上旬|中旬|下旬)")


def fill_document_year(stats: list, year: Optional[int], *, text: Optional[str] = None,
                       published: Optional[str] = None) -> list:
    """Date undated *actual* and *change* figures (targets keep their own year or none).

    A figure takes the article's :func:`document_year` when there is one; otherwise, when its
    clause ties it to the time of writing (目前, 截至8月底, 今年以来 …, up to
    ``MAX_LOOKBACK`` characters back in its sentence), the year of ``published``. Figures with
    neither stay undated: the guidelines ask for a year only when it is plain.
    """
    pub_year = None
    if published:
        m = re.match(r"\s*(\d{4})", published)
        pub_year = int(m.group(1)) if m else None
    if year is None and (pub_year is None or not text):
        return stats
    bounds = _sentence_bounds(text) if text else []
    for s in stats:
        if s.year is not None or s.period is not None or s.kind == "target":
            continue
        if year is not None:
            s.year = year
        elif s.start is not None:
            s0 = max(_sent_start(bounds, s.start), s.start - MAX_LOOKBACK)
            if _NOW_CUE.search(text, s0, s.start):
                s.year = pub_year
    return stats
