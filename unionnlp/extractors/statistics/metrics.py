"""The metric of a figure: the noun phrase naming what is counted, as written.

The phrase after the measure word when there is one (28个|劳模创新工作室), else the clause
before the number, stripped of time, place, subject and copula words (全市工会组织已达5600余家
→ 工会组织); word lists in ``resources/statistics/stopwords.tsv``. A phrase is cut at verbs,
prepositions and clause edges, at the next figure, after 等 (…书籍等宣传资料 → 宣传资料), and
before a predicate that follows its head noun (滤料企业星罗棋布 → 滤料企业, 一线劳动者蓄能再出发 →
一线劳动者). Coordinated metrics (工会组建率和职工入会率达99%) give one statistic each;
``A、B分别为x、y`` pairs values and metrics in order.

As the gold names them: an amount per head keeps its heads (困难职工每人获得救助金), a total does
not (发放救助金); a named activity framing the figure's clause names it (冬送温暖活动中为248人发放
救助金5万元 → 冬送温暖发放救助金, :func:`activity_frame`); a bare participation count names the
activity counted or organized before it in its sentence (技能竞赛4场,参与职工173人次 → 技能竞赛
参与职工, :func:`participants_of`, :func:`participants_in`); a relative clause after the count
leaves the noun after 的 (20个获得优秀组织奖的单位 → 单位).
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Optional

from unionnlp.extractors import numbers, segmenter

from .context import CLAUSE_END
from .words import CJK, patterns, seg, strip_right_search

_CHANGE_ONLY = re.compile(r"(?:净)?(?:提高|增长|增加|上升|提升|下降|减少|降低|增至|升至|降至)(?:了|到)?")
_FENBIE = re.compile(r"分别(?:为|是|达到|达|占|有|增长|提高)?")
_COORD = re.compile(r"^(?P<a>.+?(?:率|比例|占比|覆盖面))(?:和|及|与|、)(?P<b>.+?(?:率|比例|占比|覆盖面))$")
#: a verb with 了 opening a phrase is narration (印发了…, 发放了…), not part of the name
_NARRATED_VERB = re.compile(rf"^[{CJK}]{{1,3}}了(?=[{CJK}]{{2}})")
#: a modal verb of a requirement at the end of a phrase (面积应|不少于30平方米), not 供应, 反应 …
_MODAL_END = re.compile(r"(?<![供响反相适回答对效])(?:应当?|须|必须)$")
#: a time word inside a metric phrase (the clause before it is a heading or another predicate)
_INNER_TIME = re.compile(
    r"(?:上半年|下半年|全年|今年以来|今年|去年|一季度|前三季度|\d{4}年(?:度|底|末)?)(?![\d一二三四五六七八九十]{1,2}月)")
#: a phrase ending in a list conjunction belongs to the figure before it (先进班组和|4人)
_OPEN_LIST = re.compile(r"(?:和|与|以及|(?<![涉普危惠波顾])及|、|，|,)$")
#: jieba tags of a last word that makes a phrase a predicate (verbs, adverbs, adjectives, idioms)
_PREDICATE_TAGS = {"v", "vd", "vi", "a", "ad", "d", "i", "z", "ul", "uz", "y"}
#: endings that make a phrase a noun whatever jieba tags them (入会率, 占比, 会员数, 经费额)
_NOMINAL_END = re.compile(r"(?:率|比例|比重|占比|数|量|额|面|金|款|费|值|次)$")
#: determiners before the noun a figure counts (3万元的各类常备药品)
_DETERMINER = re.compile(r"^(?:各类|各种|各项|各级|这些|全体)(?=[\u4e00-\u9fff]{2})")
#: a verb phrase read after a figure that has no noun (4人荣获全国“安康杯”…竞赛三等奖)
_VERB_AFTER = re.compile(r"[ \t]*([\u4e00-\u9fff](?:[\u4e00-\u9fff“”‘’《》 \t\n]|\d{4}年度?){1,24})")
#: the verb tags after which a head count's people end (_people_noun)
_VERB_TAGS = ("v", "vd", "vi")
#: phrases up to this long are tested substring by substring before they are cut into words
_SCAN_SUBSTRINGS = 12
#: longest phrase read after a measure word (characters)
AFTER_LIMIT = 24
#: a metric longer than this is flagged ``long_metric``
LONG_METRIC = 16


@functools.lru_cache(maxsize=8192)
def clean(phrase: str) -> str:
    """A metric phrase without quotes, spaces, leading time/place/subject words, trailing
    copulas, narration verbs (印发了) and modifiers before the last 的."""
    if not _RE_CLEAN_0.search(phrase):
        return ""
    pats = patterns()
    p = _RE_CLEAN_1.sub("", phrase)
    # list markers and page junk (ASCII runs) before the phrase; a year stays for strip-left
    junk = _RE_CLEAN_2.match(p)
    if junk and len(p) - junk.end() >= 2 and _RE_CLEAN_3.search(junk.group(0)):
        p = p[junk.end():]
    p = _RE_CLEAN_4.sub("", p)
    for _ in range(12):
        m = pats["strip_left"].match(p)
        if not m or not m.group(0):
            break
        rest = p[m.end():]
        if len(rest) < 2 or (len(m.group(0)) == 1 and _opens_word(p)):
            break  # (在职职工: 在 opens the word 在职, it is no preposition here)
        p = rest
    if pats["strip_left"].fullmatch(p):
        return ""  # only a connective or a time word (其中|412人): no metric of its own
    p = _NARRATED_VERB.sub("", p)
    p = _LEADING_AND.sub("", p)  # (新建工会12家)及职工书屋5个: the conjunction joins the figures
    p = _predicate_of(p)
    for _ in range(8):
        m = strip_right_search(p)
        if not m or not m.group(0) or len(p) - len(m.group(0)) < 2:
            break
        p = p[: m.start()]
    p = _RE_CLEAN_5.sub("", p)
    p = _MODAL_END.sub("", p) or p  # 驿站面积应(不少于…): a requirement's modal verb
    # a trailing date (会员数从2021年3月29日的) and leading page junk (ASCII runs) go
    m = _RE_CLEAN_6.search(p, max(0, len(p) - _CLEAN_6_REACH))  # (= _RE_CLEAN_6.sub: it ends at $)
    p = (p[:m.start()] + p[m.end():]) or p
    # a time word inside the phrase opens a new clause (组织建设全年新建基层工会 → 新建基层工会)
    inner = _INNER_TIME.search(p, 2)
    if inner and len(p) - inner.end() >= 2:
        p = p[inner.end():]
    junk = _RE_CLEAN_7.match(p)
    if junk and len(p) - junk.end() >= 2:
        p = p[junk.end():]
    p = p.strip("，,、：: ")
    if "的" in p:
        head = p.rsplit("的", 1)[1]
        if len(head) >= 4:
            p = head
    return _after_deng(p)


#: the start of a change written before its first value (队伍从最初|100余名, 组建率从原来的|56%)
_FROM_START = re.compile(r"从(?:最初|原来|原先|过去|以前|起初|当初|去年|上年|年初)?(?:的)?[ \t]*$")
_CHANGE_VERB = re.compile(r"(?:发展|扩大|增加|增长|提高|提升|上升|下降|减少|降低|跃升|攀升|壮大)")
#: the verb of a change before its later value (…发展到全市|800余人, …提高到现在的|81%)
_CHANGE_TO_RAW = re.compile(
    r"[，,]?(?:又|再|已|逐步|进一步)?(?:发展|扩大|增加|增长|提高|提升|上升|下降|减少|降低|跃升|攀升|壮大)"
    r"(?:到|至)了?(?:现在|目前|当前|如今|全市|全县|全区|全省|全镇)?(?:的)?")


#: a two-character word this frequent in jieba's dictionary, opened by a one-character strip
#: word (在职, 对口, 为民), keeps that character
OPENS_WORD_FREQ = 300


#: a money noun closing the phrase before a sum (筹集资金, 投入经费, 发放慰问金)
_RE_MONEY_NOUN = re.compile(r"(?:资金|经费|款|金|费|投入|投资|补贴|补助)$")


def _opens_with_verb(p: str) -> bool:
    """True when ``p`` opens with a verb of jieba's dictionary (慰问劳模, 用于帮扶)."""
    words = seg(p[:4])
    return bool(words) and len(words[0]) >= 2 and segmenter.tags().get(words[0]) == "v"


def _opens_word(p: str) -> bool:
    """True when the first character of ``p`` opens a frequent word with the second (在职职工)
    that is no preposition, conjunction or time word itself."""
    w = p[:2]
    if len(w) < 2 or segmenter.dictionary().FREQ.get(w, 0) < OPENS_WORD_FREQ:
        return False
    return (segmenter.tags().get(w) or "").startswith(("v", "n", "a"))


def _predicate_of(p: str) -> str:
    """The predicate of a phrase read before a figure, without its subject: the part after an
    adverb that opens a predicate (大社矿工会积极组织服务队 → 组织服务队; 全镇已建企业工会 →
    建企业工会)."""
    pats = patterns()
    if not pats["predicate_any"].search(p, 2):
        return p
    pos = 0
    for w in seg(p):
        if pos >= 2 and pats["predicate"].fullmatch(w):
            rest = p[pos + len(w):]
            # 建制率均达到: an adverb before a mere copula leaves the subject as the metric
            if len(_strip_right(rest)) >= 2:
                return rest
        pos += len(w)
    return p


def _strip_right(p: str) -> str:
    for _ in range(8):
        m = strip_right_search(p)
        if not m or not m.group(0):
            break
        p = p[:m.start()]
    return p


def _after_deng(p: str) -> str:
    """The part after the last enumeration 等 (…书籍等宣传资料 → 宣传资料)."""
    m = None
    for m in _RE_AFTER_DENG_0.finditer(p):
        pass
    if m is not None and len(p) - m.end() >= 2:
        return p[m.end():]
    return p


@functools.lru_cache(maxsize=8192)
def noun_phrase(p: str) -> str:
    """``p``, a phrase read after a figure, cut to its noun phrase: after the last 等 and
    without a predicate after its head noun (产业大军蹄急步稳 → 产业大军)."""
    p = _before_predicate_word(_after_deng(p))
    pats = patterns()
    heads = list(pats["head"].finditer(p))
    if heads:
        last = heads[-1]
        rest = p[last.end():]
        if len(rest) >= 2 and last.end() >= 2 and _is_predicate(rest):
            return p[:last.end()]
    return _verb_final(p)


def _verb_final(p: str) -> str:
    """A phrase ending in a verb (定制春联礼包分双线派送) is cut before the first word after a
    noun that is not itself a noun (定制春联礼包)."""
    tags = segmenter.tags()
    # the last word is a suffix of p: when no suffix is a predicate word in jieba's dictionary,
    # the words need not be cut
    if not any(tags.get(p[k:]) in _PREDICATE_TAGS for k in range(len(p))):
        return p
    words = seg(p)
    if len(words) < 3 or tags.get(words[-1]) not in _PREDICATE_TAGS:
        return p
    pos, seen_noun = 0, False
    for w in words:
        tag = tags.get(w) or ""
        if seen_noun and pos >= 2 and not (tag.startswith(("n", "s")) or tag == "vn"):
            return p[:pos]
        seen_noun = seen_noun or tag.startswith("n")
        pos += len(w)
    return p


@functools.lru_cache(maxsize=8192)
def _before_predicate_word(p: str) -> str:
    """``p`` up to a word that opens a predicate (9个街道|全部成立了工会联合会)."""
    if not patterns()["predicate_any"].search(p, 1):
        return p
    pos = 0
    for w in seg(p):
        if pos >= 1 and patterns()["predicate"].fullmatch(w):
            return p[:pos]
        pos += len(w)
    return p


def _is_predicate(rest: str) -> bool:
    """True when ``rest`` (what follows a head noun) is a predicate rather than more of the
    noun phrase: it opens with a predicate word (分别, 全部, 积极 …), or its last word is not a
    noun in jieba's dictionary, or it is an unknown four-character run (an idiom: 勠力同心)."""
    if patterns()["predicate"].match(rest):
        return True
    if _NOMINAL_END.search(rest):
        return False
    tags = segmenter.tags()
    if len(rest) != 4 and not any(tags.get(rest[k:]) in _PREDICATE_TAGS or tags.get(rest[:k + 1]) == "v"
                                  for k in range(len(rest))):
        return False  # no suffix a predicate word, no prefix a verb: neither can the words be
    words = seg(rest)
    if words and (tags.get(words[-1]) in _PREDICATE_TAGS or tags.get(words[0]) == "v"):
        return True  # 职工|解决实际困难: a verb after the head opens the predicate
    if len(rest) == 4 and len(words) == 1:  # a four-character word after a noun: an idiom
        return not (tags.get(rest) or "").startswith(("n", "vn")) or tags.get(rest) == "nr"
    return len(rest) == 4 and len(words) >= 3 and rest not in segmenter.dictionary().FREQ


def _is_noun(s: str) -> bool:
    tags = segmenter.tags()
    # the last word is a suffix of s: when no suffix is a noun in jieba's dictionary, the
    # words need not be cut
    if any(_noun_tag(tags.get(s[k:])) for k in range(len(s))):
        words = seg(s)
        if _noun_tag(tags.get(words[-1]) if words else None):
            return True
    return bool(patterns()["head"].search(s[-3:]))


def _noun_tag(tag: Optional[str]) -> bool:
    return bool(tag) and tag.startswith(("n", "zg")) and tag != "nr"


def after_phrase(text: str, pos: int, stops: list, limit: int = AFTER_LIMIT) -> tuple:
    """Noun phrase right after a measure word (28个|劳模创新工作室), with its end offset.

    The phrase ends at a verb or preposition of ``stopwords.tsv`` (role stop), at clause
    punctuation, at the next figure (``stops``: sorted start offsets of numbers), or at a
    conjunction followed by another counted item (…工作室和10个…); a modifier before 的 is
    dropped (6名勇敢的消防队员 → 消防队员)."""
    window = text[pos:pos + limit + 4]
    lead = _RE_AFTER_PHRASE_0.match(window)
    i = lead.end() if lead else 0
    if _RE_AFTER_LIST.match(window, i):
        return "", pos  # 三等奖5名|及优秀奖若干: the next item of a list, not what is counted
    m = patterns()["stop"].search(window, i)
    while m and _RE_TAKING_PART.match(window, m.start()):
        m = patterns()["stop"].search(window, m.end())  # 32个|参赛队: a noun, not the verb 参赛
    if m and m.start() == i:
        rel = _RE_RELATIVE.match(window, i)
        if rel:
            # 20个|获得优秀组织奖的单位, 72名|获得一、二、三等奖的运动员: a relative clause
            # before the noun counted; the noun after 的 is what is counted
            head = rel.group("h")
            hm = patterns()["stop"].search(head)
            head = head[:hm.start()] if hm else head
            head = noun_phrase(_before_predicate_word(head)) if len(head) > 2 else head
            if len(head) >= 2 and _is_noun(head):
                return head, pos + rel.start("h") + len(head)
    j = m.start() if m else len(window)
    k = bisect.bisect_right(stops, pos + i)
    if k < len(stops) and stops[k] < pos + j:
        j = stops[k] - pos
    for c in _RE_AFTER_PHRASE_1.finditer(window[i:j]):
        rest = text[pos + i + c.end():pos + i + c.end() + 30]
        rest = _RE_AFTER_PHRASE_2.split(rest, maxsplit=1)[0]
        if _RE_AFTER_PHRASE_3.search(rest):
            j = i + c.start()
            break
    phrase = _RE_AFTER_PHRASE_4.sub("", window[i:j])[:limit]
    if not _RE_CLEAN_0.match(phrase):
        return "", pos
    first = seg(phrase[:4])[:1] if patterns()["predicate"].match(phrase) else ()
    if first and patterns()["predicate"].fullmatch(first[0]) and len(phrase) - len(first[0]) >= 2:
        phrase = phrase[len(first[0]):]  # 86人|已光荣入党 → 光荣入党
    phrase = _before_predicate_word(phrase)
    manner = _MANNER.search(phrase, 2)
    if manner and _is_noun(phrase[:manner.start()]):
        phrase = phrase[:manner.start()]  # 8000多名农民工|以这种方式加入: how they did it comes after
    if "的" in phrase:
        owner, head = phrase.split("的", 1)[0], phrase.rsplit("的", 1)[1]
        # 8个村的工会主席: the count is of the owner (村); 6名勇敢的消防队员: of the head
        phrase = owner if (_is_noun(owner) or len(head) < 2) else head
    phrase = noun_phrase(_DETERMINER.sub("", phrase).rstrip("和及与或"))
    for _ in range(3):
        m = strip_right_search(phrase)
        if not m or not m.group(0) or len(phrase) - len(m.group(0)) < 2:
            break
        phrase = phrase[:m.start()]
    if len(_RE_CLEAN_0.findall(phrase)) < 2 and not patterns()["single_noun"].match(phrase):
        return "", pos
    return phrase, pos + j


@functools.lru_cache(maxsize=4)
def _clause_marks(norm: str) -> list:
    """Offsets of the clause marks (:data:`CLAUSE_END`, one character each) of a text, found once."""
    return [m.start() for m in CLAUSE_END.finditer(norm)]


def metrics_for(q, text: str, norm: str, ends: list, starts: list, prev_metric: Optional[str]):
    """[(metric, surface, evidence_start, evidence_end)] for one figure ``q``.

    ``text``: the context view of the text; ``ends`` / ``starts``: sorted end / start offsets
    of the figures and measured numbers around (a phrase never runs across another figure);
    ``prev_metric``: the metric of the figure before in the same sentence."""
    cs = 0
    marks = _clause_marks(norm)  # the last clause mark in the 60 characters before the figure
    k = bisect.bisect_left(marks, q.start) - 1
    if k >= 0 and marks[k] >= q.start - 60:
        cs = marks[k] + 1
    i = bisect.bisect_right(ends, q.start) - 1
    if i >= 0:
        cs = max(cs, ends[i])
    before_raw = text[cs:q.start]
    after, after_end = ("", q.end)
    at_end = None  # after_phrase(text, q.end, starts), read once
    if q.unit and q.unit not in ("%", "个百分点"):
        after, after_end = at_end = after_phrase(text, q.end, starts)
        if q.unit == "项" and norm[q.end:q.end + 1] == "目":
            after, after_end = after_phrase(text, q.end - 1, starts)
        if after and _CHANGE_VERB.fullmatch(after) and norm[after_end:after_end + 1] in ("到", "至"):
            after = ""  # 从最初100余名|发展到…: the change's verb, not what is counted
        if after in _WORTH_WORDS:
            # 近300件|价值7000余元的防暑降温物品: the items are named after their worth
            k = bisect.bisect_left(starts, after_end)
            e = bisect.bisect_right(ends, starts[k]) if k < len(starts) else len(ends)
            if k < len(starts) and e < len(ends) and starts[k] - after_end <= 2:
                named, _ = after_phrase(text, ends[e], starts)
                after = named if len(named) >= 2 else after
        if after in _CURRENCY_WORDS or _GOAL_WORD.fullmatch(after):
            # 592万元人民币: the currency; 建会144家的目标: the goal the figure sets, not what it counts
            after, after_end = "", q.end
        if not after:
            after, after_end = _shared_noun(text, norm, q, ends, starts)
        elif numbers.unit_category(q.unit) == "people":
            after = _people_noun(after)
    elif not q.unit:
        after, after_end = at_end = after_phrase(text, q.end, starts)
    # a list closed by 等 before the count (李华同志等6人) names who, not what is counted
    open_list = bool(_OPEN_LIST.search(before_raw.rstrip()) or _LIST_END.search(before_raw.rstrip()))
    before = "" if open_list else clean(_FROM_START.sub("", before_raw))
    if prev_metric and _CHANGE_TO_RAW.fullmatch(before_raw.strip()):
        before = prev_metric  # 志愿者从最初100余名|发展到全市|800余人: the same metric, later
    elif len(before) < 2 or _CHANGE_ONLY.fullmatch(before):
        changed = _CHANGE_ONLY.search(before_raw)
        before = (prev_metric or "") if (before or changed) else ""
    # 占发展总数的18.5% → 发展企业党员占发展总数比例
    if before.startswith("占") and not _RE_METRICS_FOR_0.search(before):
        before = (prev_metric or "") + before.rstrip("的") + "比例"
    if after and q.unit == "元" and len(before) >= 2 and _opens_with_verb(after) \
            and _RE_MONEY_NOUN.search(before):
        after = ""  # 筹集资金18.89万元|慰问劳模: what the money is for, not what it is
    if after:
        return [(after, after, q.start, after_end)]
    if before and q.unit == "元":
        before = _money_of_people(before)
    if before:
        co = _COORD.match(before)
        bstart = cs + max(0, before_raw.find(before[:2])) if before[:2] in before_raw else cs
        if co:
            return [(co.group("a"), co.group("a"), bstart, q.end),
                    (co.group("b"), co.group("b"), bstart, q.end)]
        raw = None if open_list else _COORD_RAW.search(before_raw)
        if raw and not co and q.unit in ("%", ""):
            # 企业建会率和已建会企业职工入会率均保持在95%以上: two rates share the figure (the
            # adverb 已 inside the second would cut the whole phrase to its predicate)
            a, b = clean(raw.group("a")) or raw.group("a"), _RE_CLEAN_1.sub("", raw.group("b"))
            if len(a) >= 3 and len(b) >= 3:
                ostart = cs + raw.start("a")
                return [(a, a, ostart, q.end), (b, b, ostart, q.end)]
        shared = _shared_rate(text, norm, cs, before)
        if shared:
            other, ostart = shared
            return [(other, other, ostart, q.end), (before, before_raw.strip(), ostart, q.end)]
        return [(before, before_raw.strip(), bstart, q.end)]
    # nothing before or after the measure word: the noun phrase after it (20%以上的基层工会…),
    # the verb phrase after it (4人获合理化建议奖, 1人荣获全国“安康杯”…三等奖), else the metric
    # of the previous figure in the sentence (活动4场500余人次)
    np_, np_end = at_end if at_end is not None else after_phrase(text, q.end, starts)
    if np_:
        return [(np_, np_, q.start, np_end)]
    m = _VERB_AFTER.match(text, q.end)
    if m:
        seg = _RE_METRICS_FOR_1.sub("", m.group(1))
        stop = _RE_METRICS_FOR_2.search(seg)
        seg = patterns()["strip_right"].sub("", seg[: stop.start()] if stop else seg)[:20]
        lead = patterns()["strip_left"].match(seg)
        if lead and len(seg) - lead.end() >= 2:
            seg = seg[lead.end():]  # 412人已入党 → 入党
        if len(seg) >= 2:
            return [(seg, seg, q.start, m.start(1) + len(seg))]  # (m.end() is an offset of text)
    return [(prev_metric or "", "", q.start, q.end)]


_RATE_HEAD = re.compile(r"[^率]{2}率$|比例$|覆盖面$")


def _shared_rate(text: str, norm: str, cs: int, before: str):
    """职代会、厂务公开建制率达100%: the item listed before the 、 shares the rate's head
    (职代会建制率). Returns (metric, evidence start) or None."""
    if cs < 2 or norm[cs - 1] != "、":
        return None
    head = _RATE_HEAD.search(before)
    if not head:
        return None
    m = _RE_SHARED_RATE_0.search(norm[max(0, cs - 12):cs - 1])
    if not m:
        return None
    item = clean(text[cs - 1 - len(m.group(1)):cs - 1])
    if len(item) < 2 or _RATE_HEAD.search(item):
        return None
    return item + head.group(0), cs - 1 - len(m.group(1))


def fenbie_groups(text: str, norm: str, kept: list) -> dict:
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
            if _RE_FENBIE_GROUPS_0.fullmatch(gap) and (not group or gap):
                group.append(q)
                pos = q.end
            elif group or q.start > fm.end() + 4:
                break
        if len(group) < 2:
            continue
        w0 = max(0, fm.start() - 80)
        cs = w0
        for m in _RE_FENBIE_GROUPS_1.finditer(norm[w0: fm.start()]):
            cs = w0 + m.end()
        phrase = text[cs:fm.start()]
        parts = [p for p in (clean(x) for x in _RE_FENBIE_GROUPS_2.split(phrase)) if p]
        # 外企、私企建会率分别为…: the last part's head (建会率) is shared by the others
        head = _RE_FENBIE_GROUPS_3.search(parts[-1]) if parts else None
        if head and len(parts) > 1:
            parts = [p if p.endswith("率") else p + head.group(0) for p in parts]
        if len(parts) == len(group):
            for q, p in zip(group, parts):
                out[id(q)] = [(p, p, cs, q.end)]
        else:
            whole = clean(phrase)
            if not whole:
                continue  # nothing named before 分别 (…,分别有280名、201名职工…): read each alone
            for q in group:
                out[id(q)] = [(whole, whole, cs, q.end)]
    return out


#: a goal or a task named after a figure (15万个的工作目标, 1500人的参保任务)
_GOAL_WORD = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:工作)?(?:目标|任务|目标任务|指标)")

#: a preposition of manner or means after the counted noun (农民工|以这种方式, 职工|通过线上)
_MANNER = re.compile(r"(?:以|通过|采取|采用|利用|借助)(?=这|此|各种|不同|多种|线上|线下|网上|[\u4e00-\u9fff]{0,4}(?:方式|形式|途径|渠道))")

#: a worth written between a count and a sum (300件|价值|7000余元的物品)
_WORTH_WORDS = {"价值", "总价值", "价值约", "价值达", "共计价值", "合计价值"}

#: words naming the currency after a sum (万元人民币), not what the sum is
_CURRENCY_WORDS = {"人民币", "人民币元", "现金", "美元", "港币", "港元"}

#: people a sum of money goes to, then the giving verb (困难职工|发放救助金, 劳模|发放专项补助资金,
#: 子女每人|受资助): the sum's metric is what is given, not who gets it
_PEOPLE_THEN_MONEY = re.compile(
    r"^.{0,12}?(?:职工|劳模|工人|农民工|会员|子女|学生|群众|人员|家庭|家属|代表|模范|工匠)"
    r"(?:及[\u4e00-\u9fff]{1,6}?)?(?:每人|每户|人均)?"
    r"(?=(?:发放|获得|领取|受资助|受助|申领|送去|补助|救助)[\u4e00-\u9fff]{0,10}(?:金|款|资金|费|补贴|补助)$)")


#: an amount per head (每人, 每户, 每名…, 人均): gold names it with the heads it is paid to
#: (一等奖每项奖励, 每个省级创新工作室资金支持)
_RE_PER_HEAD = re.compile(r"每[人户名位个项家]|人均")


def _money_of_people(p: str) -> str:
    """The money metric without the people it is paid to in front (困难职工发放救助金 → 发放救助金),
    unless it is an amount per head (困难职工每人获得救助金 stays)."""
    m = _PEOPLE_THEN_MONEY.match(p)
    if m and _RE_PER_HEAD.search(m.group(0)):
        return p  # 困难职工每人获得救助金5000元: an amount per head is named with its heads
    return p[m.end():] if m and len(p) - m.end() >= 3 else p


def _people_noun(p: str) -> str:
    """The people a head count counts, without what is done for them after (45名|困难职工|发放
    救助金 → 困难职工; 16名生活困难劳模申请帮扶资金 → 生活困难劳模): cut before the first verb
    that follows a noun."""
    tags = segmenter.tags()
    if len(p) <= _SCAN_SUBSTRINGS and not any(tags.get(p[a:b]) in _VERB_TAGS for a in range(2, len(p))
                                              for b in range(a + 1, len(p) + 1)):
        return p  # no verb of jieba's dictionary from the third character on: no cut
    words = seg(p)
    if len(words) < 2:
        return p
    pos = 0
    for i, w in enumerate(words):
        if i >= 1 and pos >= 2 and tags.get(w) in _VERB_TAGS and \
                (tags.get(words[i - 1]) or "").startswith(("n", "l")) and \
                not _ROLE_TITLE.fullmatch(p[pos:]):
            return p[:pos]  # (权益保障专干, 安全生产监督员: a verb inside a job title stays)
        pos += len(w)
    return p


def _shared_noun(text: str, norm: str, q, ends: list, starts: list) -> tuple:
    """280名、201名职工 / 5家和8家企业: a figure listed right before another with the same
    measure word counts the noun after the last one. Returns (phrase, evidence end) or ("", q.end)."""
    end = q.end
    for _ in range(_SHARED_CHAIN):  # 3000元、2000元、1000元的奖金: along the list to its last item
        k = bisect.bisect_left(starts, end)
        if k >= len(starts) or not _LIST_GAP.fullmatch(norm[end:starts[k]]):
            return "", q.end
        e = bisect.bisect_right(ends, starts[k])
        if e >= len(ends) or not norm[:ends[e]].endswith(q.unit):
            return "", q.end
        phrase, _ = after_phrase(text, ends[e], starts)
        if phrase:
            return phrase, q.end
        end = ends[e]
    return "", q.end


#: how many listed figures :func:`_shared_noun` walks to find the noun they share
_SHARED_CHAIN = 8


#: the rest of a job title after a verb inside it (保障|专干, 生产监督|员, 援助|律师)
_ROLE_TITLE = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:专干|专员|人员|干部|队员|员|律师|师|志愿者|骨干|代表|联络员|网格员)")

#: the end of an enumeration right before a figure (张三、李四等|6人)
_LIST_END = re.compile(r"(?<!均)等(?:等)?$")
#: what may stand between two listed figures that share their noun (、 和 及 与)
_LIST_GAP = re.compile(r"[ \t]*(?:、|和|及|与|或)[ \t]*")


# patterns of the functions above, compiled once (they run for every figure)
_RE_CLEAN_0 = re.compile(f"[{CJK}]")
_RE_CLEAN_1 = re.compile(r"[“”‘’\"「」《》\s]")
_RE_CLEAN_2 = re.compile(r"^.*?[A-Za-z0-9_./\-]{2,}(?![\d年])")
_RE_CLEAN_3 = re.compile("[A-Za-z_/]")
_RE_CLEAN_4 = re.compile(rf"^[^{CJK}\d]+")
_RE_CLEAN_5 = re.compile(r"(?:比|较)(?:上年|去年|上一年度?|同期|年初)(?:同期)?$")
_RE_CLEAN_6 = re.compile(r"(?:从|自|于|在|截至|截止|到)?(?:\d{4}年|年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|初)?的?$")
#: how far from the end a match of _RE_CLEAN_6 can start (its longest match, and a final \n)
_CLEAN_6_REACH = 2 + 5 + 3 + 3 + 1 + 1 + 1
_RE_CLEAN_7 = re.compile(r"^.*(?<![A-Za-z0-9_./\-])[A-Za-z0-9_./\-]{2,}+(?![强佳])")  # not 世界500强
_RE_AFTER_DENG_0 = re.compile(r"等(?!级|奖|次|同|待)")
# the lead before the noun counted: 的, an opening quote, and a year (11件|2020年|服务职工的实事)
_RE_AFTER_PHRASE_0 = re.compile(r"[ \t]*(?:的)?[ \t]*(?:(?:19|20)\d{2}[ \t]*年度?(?!\d{1,2}月)(?:的)?)?[ \t]*[“‘\"「]?")
_RE_AFTER_PHRASE_1 = re.compile(r"[和及与或]")
#: two rates joined before one figure, read on the raw clause (…率和…率均保持在)
_COORD_RAW = re.compile(
    r"(?P<a>[\u4e00-\u9fff“”]{2,14}?(?:率|比例|占比|覆盖面))(?:和|及|与|、)"
    r"(?P<b>[\u4e00-\u9fff“”]{2,14}?(?:率|比例|占比|覆盖面))(?:均|都|分别|全部|同步|也)?"
    r"[\u4e00-\u9fff \t]{0,10}$")
_LEADING_AND = re.compile(r"^(?:以及|及(?!时))(?=[\u4e00-\u9fff]{2})")
_RE_AFTER_LIST = re.compile(r"(?:以及|及|和|与|或|、)")
_RE_AFTER_PHRASE_2 = re.compile(r"[，,。；;：:！!？?\n]")
_RE_AFTER_PHRASE_3 = re.compile(rf"[\d{numbers.CN_DIGITS}]")
_RE_AFTER_PHRASE_4 = re.compile(r"[“”‘’\"「」\s]")
_RE_METRICS_FOR_0 = re.compile("比例|比重|占比")
_RE_METRICS_FOR_1 = re.compile(r"[\s“”‘’《》]|\d{4}年度?")
_RE_METRICS_FOR_2 = re.compile(r"[，。；、]")
_RE_SHARED_RATE_0 = re.compile(rf"([{CJK}]{{2,10}})$")
_RE_FENBIE_GROUPS_0 = re.compile(r"[ \t、，,和及与]*")
_RE_FENBIE_GROUPS_1 = re.compile(r"[，,。；;：:\n]")
_RE_FENBIE_GROUPS_2 = re.compile(r"、|和|及|与")
_RE_FENBIE_GROUPS_3 = re.compile(r"[^率]{2}率$")


#: a named activity framing the figures of its clause chain (冬送温暖活动中为248人发放救助金,
#: “两节”送温暖活动共筹集资金…): from the last clause mark, an optional 在/本次…, the name,
#: then 活动/行动 and 中/期间 (the frame) or 共/累计/共计 (the activity is the clause's subject)
_ACTIVITY_FRAME = re.compile(
    r"(?:^|(?<=[，,。；;：:\n]))[ \t]*(?:在|于)?[ \t]*(?:本次|此次|这次|今年的?|去年的?|该[市县区镇])?"
    r"(?P<x>[^，,。；;：:\n\d]{2,12}?)(?:活动|行动)(?:中|期间|共计|共|累计)")
#: what opens a frame's name without being part of it (开展, 组织, 持续开展 …)
_FRAME_LEAD = re.compile(r"^(?:持续|深入|积极|广泛|扎实|集中)?(?:开展|组织|举办|举行|实施|启动)(?:了|的)?")
#: a participation count that needs the activity it counts for (参与职工173人次)
_PARTICIPANTS = re.compile(r"(?:参与|参加|参赛|受益|覆盖)(?:职工|人数|人次|会员|群众|者)?")
#: an activity counted before a participation count in the same clause chain (技能竞赛4场)
_ACTIVITY_HEAD = re.compile(r"(?:活动|竞赛|比赛|大赛|赛事|培训|讲座|宣讲|运动会|演出|比武)$")
_ACTIVITY_VERB = re.compile(r"^(?:组织|开展|举办|举行|持续|深入|积极)+(?:了)?")


def activity_frame(norm: str, seg_start: int, pos: int) -> str:
    """The name of the activity whose frame holds the figure at ``pos`` (read from
    ``seg_start``, the start of its sentence or of its ；-part): 冬送温暖 for …；冬送温暖活动中为
    248人发放救助金5万元. Gold names such figures with the activity (冬送温暖救助金); an empty
    string when there is no such frame."""
    seg = norm[seg_start:pos]
    if "活动" not in seg and "行动" not in seg:
        return ""
    x = ""
    for m in _ACTIVITY_FRAME.finditer(seg):
        # the frame holds its own clause only (冬送温暖活动中为248人…); after a comma it opens
        # a list of the whole sentence (在送温暖活动中,走访慰问…), whose figures gold names alone
        x = "" if _RE_FRAME_CLAUSE.search(seg, m.end()) else m.group("x")
    x = _RE_FRAME_QUOTES.sub("", x)
    x = _FRAME_LEAD.sub("", x.rsplit("在", 1)[-1])  # (全市工会系统)在|送温暖活动中
    return x if len(x) >= 2 and not _RE_FRAME_GENERIC.fullmatch(x) else ""


def with_activity(metric: str, activity: str) -> str:
    """``metric`` named with ``activity`` in front, unless it already names it (shares a
    two-character piece with it) or is empty."""
    if not metric or not activity:
        return metric
    if any(activity[i:i + 2] in metric and activity[i:i + 2] not in _FRAME_COMMON
           for i in range(len(activity) - 1)):
        return metric
    return activity + metric


#: pieces an activity and a metric may share without the metric naming the activity
_FRAME_COMMON = {"职工", "活动", "工会", "会员", "参与", "参加", "人员", "群众"}


def participants_of(metric: str, prev_metric: Optional[str]) -> str:
    """A bare participation count (参与职工, 参赛人数) after an activity counted in the same
    clause chain (开展技能竞赛4场,参与职工173人次) names the activity: 技能竞赛参与职工; a head
    count without a noun of its own that took the activity's name (主题教育活动4场500余人次)
    counts its participants: …活动参与."""
    if not prev_metric or not _ACTIVITY_HEAD.search(prev_metric):
        return metric
    # the activity named after its organizing verb (以…为主题举办|职工思想引领活动)
    act = _RE_ORGANIZE.split(prev_metric)[-1]
    act = _ACTIVITY_VERB.sub("", act) if len(act) >= 2 else prev_metric
    if metric == prev_metric:
        return act + "参与"
    if _PARTICIPANTS.fullmatch(metric or ""):
        return act + metric
    return metric


#: a noun made of a verb of taking part and its head (参赛队, 参训学员, 参会代表): not a stop
_RE_TAKING_PART = re.compile(r"参(?:赛|训|会|展|演)(?=队|选手|作品|单位|人员|学员|代表|职工|企业|班组)")
#: a relative clause opened by a verb right after the measure word, up to 的 and the noun
_RE_RELATIVE = re.compile(r"(?:获得|获|荣获|参加|参与|受到)[^，,。；;：:！!？?\n的]{1,16}的(?P<h>(?:(?![及和与或])[\u4e00-\u9fff]){2,8})")
_RE_FRAME_CLAUSE = re.compile(r"[，,]")
_RE_ORGANIZE = re.compile(r"举办了?|开展了?|组织了?|举行了?")
_RE_FRAME_QUOTES = re.compile(r"[“”‘’\"「」《》 \t]")
#: frames that name no activity (各项活动中, 这些活动中, 系列活动中)
_RE_FRAME_GENERIC = re.compile(r"(?:各项|各类|这些|系列|相关|此项|该项|上述|一系列|多项|本次|此次|这次|专项|主题|各种|多种形式的?)")


#: an activity organized earlier in the sentence (成功举办…职工趣味运动会,…参与职工达1500余人)
_ORGANIZED = re.compile(
    r"(?:举办|开展|举行|组织)了?[ \t]*(?P<a>[^，,。；;：:\n\d]{2,20}?(?:活动|竞赛|比赛|大赛|运动会|比武|培训班|讲座))")


def participants_in(norm: str, start: int, pos: int, metric: str) -> str:
    """A bare participation count (参与职工, 参赛人数) named with the activity its sentence says
    was organized before it (…举办…职工趣味运动会,31支代表队参加,参与职工达1500余人 →
    职工趣味运动会参与职工); the metric unchanged otherwise."""
    if not _PARTICIPANTS.fullmatch(metric or ""):
        return metric
    seg = norm[start:pos]
    if "举" not in seg and "开展" not in seg and "组织" not in seg:
        return metric
    act = ""
    for m in _ORGANIZED.finditer(seg):
        act = m.group("a")
    tail = act.rsplit("”", 1)[-1]
    act = _RE_FRAME_QUOTES.sub("", tail if len(tail) >= 2 else act)  # (“主题”|职工趣味运动会)
    return with_activity(metric, act) if len(act) >= 2 else metric
