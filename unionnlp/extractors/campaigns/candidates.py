"""Candidate campaign names by shape and context, before anything is decided.

Each generator yields :class:`Candidate` spans; the hard rules (:mod:`.rules`) and the
classifier (:mod:`.classifier`) decide later, so a generator may over-propose. Sources:

- ``quoted``: a span in quotes (“”, ‘’, "", 「」, 『』). Items of a coordinated list
  (“A”“B”、“C”等活动) share the list's outer context, as they share its verb and head noun.
- ``inner``: a longer title around a short quoted name (百万职工“五小”创新大赛, 暖人“心”
  慰问服务, 全国“安康杯”职工安全应急技能知识竞赛), and a quoted distance or duration joined to
  the head noun after it (“1公里”服务圈), so a bare “1公里” never stands alone.
- ``lexicon``: a name or variant from the package lexicon or the user's lexicon, unquoted.
- ``frame``: an unquoted name after a verb that runs or awards it (开展, 实施, 推进, 创建,
  命名, 授予, 评选, 荣获 …) ending in a head noun (…驿站, …之家, …工程, …行动, …竞赛, …号, …奖)
  or before 称号.
- ``code``: an unquoted numbered code in its full form (2+1+N, never a digit cut from it).
- ``song``: the parallel items of a list of named 送-activities (送温暖、送清凉、送文化).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from .grammar import CJK, grammar
from .lexicon import LexiconEntry, non_campaigns, surface_key

__all__ = ["Candidate", "find_candidates", "context", "clean_name", "quoted_candidates", "frame_candidates",
           "code_candidates", "song_candidates", "generator_extras", "CONTEXT_LEFT", "CONTEXT_RIGHT"]

#: characters of context kept on each side of a candidate (for features)
CONTEXT_LEFT = 10
CONTEXT_RIGHT = 8
#: longest unquoted name a frame proposes, and the shortest body before its head noun
MAX_FRAME_NAME = 18
MIN_FRAME_BODY = 2
#: longest honour an award verb names up to the end of its clause
MAX_AWARD_TITLE = 12
#: longest quoted span considered (longer quotes are sentences)
MAX_QUOTED = 40
#: longest head noun phrase joined to a quoted distance (“1公里”工会服务圈)
MAX_JOINED_TAIL = 8
#: a short quoted core written inside a name (暖人“心”慰问服务, 全国“安康杯”职工…竞赛): the
#: longest core of any name, the longest of a name not ending in a competition (a longer core
#: is a name itself, and what is written around it describes it: 基层工会“四个一批”提升工程),
#: and how far the name reaches out on each side
MAX_GLUED_CORE = 4
MAX_GLUED_CORE_ANY_HEAD = 2
#: what a competition title around a longer core adds before its head (职工安全应急技能知识)
MIN_TITLE_DESCRIPTOR = 3
MAX_GLUED_LEFT = 4
#: a two-character word at least this frequent in jieba's dictionary is not cut by a name's left edge
MIN_SPLIT_WORD_FREQ = 1000
MAX_GLUED_RIGHT = 16
#: what the left part of such a name is made of (not digits or dates: 2022年“安康杯”竞赛)
_GLUED_LEFT_CHAR = re.compile("[\u4e00-\u9fff](?<![年届期])")

#: outer quote pairs; ‘’ only counts as outer when not inside “”
QUOTED = re.compile(
    f"“(?P<a>[^“”]{{1,{MAX_QUOTED}}})”"
    f"|「(?P<b>[^「」]{{1,{MAX_QUOTED}}})」"
    f"|『(?P<c>[^『』]{{1,{MAX_QUOTED}}})』"
    f"|＂(?P<d>[^＂\n]{{1,{MAX_QUOTED}}})＂"
    f"|\"(?P<e>[^\"\n]{{1,{MAX_QUOTED}}})\""
    "|‘(?P<f>[^‘’“”]{1,30})’"
)
OPEN_QUOTES = "“‘「『\"＂"
CLOSE_QUOTES = "”’」』\"＂"
#: separators between the items of a coordinated list of quoted names
LIST_GLUE = frozenset({"", "、", ",", "，", "和", "与", "及", " "})
#: characters that end an unquoted name: punctuation, quotes and brackets always; function
#: words (的, 和, 及 …) unless they are inside a word (普及, 和谐, 等级: see :func:`stops_at`)
PUNCT_STOP = frozenset("，。、；：！？,.;:!?（）()《》〈〉【】[]“”‘’\"「」『』＂ \t\r\n")
FUNCTION_STOP = frozenset("的和与及等在对把将向从由并也让使给是为")
STOP = PUNCT_STOP | FUNCTION_STOP
#: two-character words that are themselves function words (they stop a name)
FUNCTION_WORDS = frozenset({"以及", "并且", "或者", "等等", "为了", "对于", "关于", "由于", "并将",
                            "并在", "和在", "是在", "也是", "与会", "在此", "为此"})
#: a quoted name inside a longer competition title: 百万职工“五小”创新大赛
INNER_PREFIX = re.compile("(?:[百千万]+名?(?:职工|员工|农民工|女职工))$")
INNER_SUFFIX = re.compile("^(?:创新大赛|技能大赛|大赛|竞赛|擂台赛|技能比武|比武)")
#: a distance, duration or count with its unit: never a name by itself
MEASURE = re.compile(r"^[0-9０-９.一二三四五六七八九十百千两半]+(?:公里|千米|米|分钟|小时|天|日|周|个月|年|里)$")
#: the title of a document in book-title marks (《关于开展…的通知》)
BOOK_TITLE = re.compile("《[^《》\n]{1,80}》")
#: a count with its measure word (三项, 12个): it starts a new phrase after a name
COUNT_START = re.compile("(?:[一二三四五六七八九十两几多数]|[0-9]+)[项个类种场次批名家所条位支]")
#: a numbered code: digits joined by +, ending in a digit or a letter (6+N, 1+5+N, 2+1+N)
CODE = re.compile(r"(?<![0-9A-Za-z+＋.])\d{1,3}(?:[+＋](?:\d{1,3}|[A-Za-z]))+(?![0-9A-Za-z+＋])")
#: a list of named 送-activities: 送温暖、送清凉、送文化
SONG_LIST = re.compile("送[" + CJK + "]{2}(?:[、,，]送[" + CJK + "]{2})+")
SONG_ITEM = re.compile("送[" + CJK + "]{2}")
#: what may follow a frame verb before the name (开展了, 做好, 获评为)
_VERB_PARTICLE = "了好起为"
#: active award verbs whose object is first the recipient, then the honour (授予A“B”称号,
#: 命名A为B; after 被授予 or 命名为 the object is the honour) …
RECIPIENT_VERBS = ("授予", "命名", "表彰")
#: … when more recipients (等61个单位), the quoted honour or 为 + the honour follow it
RECIPIENT_NEXT = ("等", "“", "‘", "「", "『", "\"", "为")


@dataclass
class Candidate:
    """A span that might name a campaign, with what the decision needs."""

    start: int
    end: int
    name: str
    source: str  # quoted, inner, lexicon, frame, code, song, repeat
    left: str = ""
    right: str = ""
    quoted: bool = False
    outer: tuple = ()  # the span the name claims (with its outer quotes)
    entry: Optional[LexiconEntry] = None  # the package lexicon entry of the name
    user: Optional[object] = None  # the user-lexicon entry of the name (add or block)
    group: int = 1  # size of the coordinated list of quotes it stands in
    frame: str = ""  # the kind of verb that introduced it: run or award (frame candidates)
    own_right: str = ""  # a quoted item's own right context (``right`` is its list's)
    extra: list = field(default_factory=list)  # features known only to the generator
    p: float = 0.0  # probability of being a campaign (set when decided)
    tier: int = 9  # precedence when candidates overlap (lower wins)

    @property
    def claimed(self) -> tuple:
        return self.outer or (self.start, self.end)


def stops_at(text: str, i: int) -> bool:
    """Whether the character at ``i`` ends an unquoted name: punctuation always; a function
    word unless it belongs to a dictionary word with a neighbour (普及, 和谐, 等级)."""
    ch = text[i]
    if ch in PUNCT_STOP:
        return True
    if ch not in FUNCTION_STOP:
        return False
    from ..segmenter import dictionary

    freq = dictionary().FREQ
    for w in (text[i - 1:i + 1] if i > 0 else "", text[i:i + 2]):
        if len(w) == 2 and w not in FUNCTION_WORDS and freq.get(w, 0) > 0:
            return False
    return True


def clean_name(raw: str) -> str:
    """The name without layout line breaks (document-sharing pages break names)."""
    return raw.replace("\r", "").replace("\n", "").strip()


def context(text: str, s: int, e: int) -> tuple:
    return text[max(0, s - CONTEXT_LEFT):s], text[e:e + CONTEXT_RIGHT]


# --- quoted ------------------------------------------------------------------------------------
def quoted_candidates(text: str) -> Iterator[Candidate]:
    """Quoted spans (and the longer titles around some of them)."""
    ldquo_spans: list = []
    quoted: list = []
    for m in QUOTED.finditer(text):
        g = m.lastgroup
        if g == "a":
            ldquo_spans.append(m.span())
        if g == "f" and ldquo_spans and ldquo_spans[-1][0] <= m.start() < ldquo_spans[-1][1]:
            continue  # inner ‘’ of a “” name, already inside that candidate
        if text.count("\n", *m.span(g)) > 1:
            continue
        quoted.append(m)
    groups: list = []
    for m in quoted:
        if groups and text[groups[-1][-1].end():m.start()] in LIST_GLUE:
            groups[-1].append(m)
        else:
            groups.append([m])
    for grp in groups:
        g_left = text[max(0, grp[0].start() - CONTEXT_LEFT):grp[0].start()]
        g_right = text[grp[-1].end():grp[-1].end() + CONTEXT_RIGHT]
        for m in grp:
            s, e = m.span(m.lastgroup)
            name = clean_name(text[s:e])
            own_left, own_right = context(text, m.start(), m.end())
            yield Candidate(s, e, name, "quoted", g_left, g_right, True, m.span(), group=len(grp),
                            own_right=own_right)
            yield from _around_quote(text, m, name, own_left, own_right)
            if not MEASURE.match(name) and surface_key(name) not in non_campaigns():
                yield from _glued(text, m, name)


def _around_quote(text: str, m: re.Match, name: str, left: str, right: str) -> Iterator[Candidate]:
    # a quoted name inside a longer competition title: 百万职工“五小”创新大赛
    pm, sm = INNER_PREFIX.search(left), INNER_SUFFIX.match(right)
    if pm and sm:
        xs, xe = m.start() - len(pm.group(0)), m.end() + len(sm.group(0))
        l2, r2 = context(text, xs, xe)
        yield Candidate(xs, xe, clean_name(text[xs:xe]), "inner", l2, r2, False, (xs, xe),
                        extra=["inner_title"])
        return
    # a quoted distance or duration joined to its head noun: “1公里”工会服务圈
    if MEASURE.match(name):
        tail = ""
        for ch in right[:MAX_JOINED_TAIL]:
            if ch in STOP:
                break
            tail += ch
        h = _last_head(tail)
        if h:
            xe = m.end() + h
            l2, r2 = context(text, m.start(), xe)
            yield Candidate(m.start(), xe, clean_name(text[m.start():xe]), "inner", l2, r2,
                            False, (m.start(), xe), extra=["joined_measure"])


def _splits_word(text: str, i: int) -> bool:
    """Whether position ``i`` cuts a common two-character word (a verb such as 加强, 推进)."""
    from ..segmenter import dictionary

    return dictionary().FREQ.get(text[i - 1:i + 1], 0) >= MIN_SPLIT_WORD_FREQ


#: separators of the items of a list
LIST_SEPARATORS = "、,，"
#: endings of bodies that may stand right before a quote: a glued name starts after them
GLUED_BODY = re.compile("总工会|工会|委员会|公司|集团|协会|党委|党支部")
#: measure words after a number that may stand right before a quote (32个“星级”…)
GLUED_MEASURE = frozenset("个项名家所批类种位")
_NUMERAL_CHAR = re.compile("[0-9０-９一二三四五六七八九十百千万两几多数]")


def _glued(text: str, m: re.Match, name: str) -> Iterator[Candidate]:
    """A name written around a short quoted core, with no break on either side."""
    if len(name) > MAX_GLUED_CORE:
        return
    s, e = m.start(), m.end()
    i = s
    while i > 0 and s - i < MAX_GLUED_LEFT and not stops_at(text, i - 1) and \
            _GLUED_LEFT_CHAR.match(text, i - 1):
        i -= 1
    gr = grammar()
    for rx in (gr.frame_re, gr.left_stop_re):
        for fm in rx.finditer(text, max(0, i - 3), s):
            if fm.end() > i:
                i = fm.end()  # the name starts after a verb that runs, awards or lists it
    k = text.rfind("届", i, s)
    if k != -1:
        i = k + 1  # an edition (第二届) is not part of the name
    om = None
    for om in GLUED_BODY.finditer(text, i, s):
        pass
    if om is not None:
        i = om.end()  # a body before the quote (市总工会“五送”…) is who acts, not part of the name
    if i < s and i > 0 and text[i] in GLUED_MEASURE and _NUMERAL_CHAR.match(text, i - 1):
        i += 1  # a count's measure word (32个“星级”…) opens no name
    if i < s and i > 0 and _splits_word(text, i):
        i += 1  # the name does not start inside a word (加强女职工“四期”… is not 强女职工…)
    if i == s:
        return  # nothing written before the quote belongs to a name (the right side is not read)
    if SONG_ITEM.fullmatch(text, i, s) and text[i - 1:i] in LIST_SEPARATORS:
        return  # the last of a list of 送-activities before its count (送文化、送健康“两送”活动)
    j = e
    n = len(text)
    while j < n and j - e < MAX_GLUED_RIGHT and not (text[j] in STOP and stops_at(text, j)):
        j += 1
    cm = COUNT_START.search(text, e, j)
    if cm:
        j = cm.start()  # a count (三项内容) starts a new phrase
    tail = text[e:j]
    if tail.startswith(grammar().category):
        return  # a quoted label with its noun (大力弘扬“工匠”精神, “两新”组织) names no title
    # a longer core only inside a competition title; a short one before any head noun
    long_core = len(name) > MAX_GLUED_CORE_ANY_HEAD
    h = _last_head(tail, "competition" if long_core else None)
    if h:
        j = e + h
    elif len(tail) > MAX_JOINED_TAIL or long_core:
        return
    if long_core and h - len(grammar().head_of(tail[:h])) < MIN_TITLE_DESCRIPTOR:
        return  # 全省“安康杯”竞赛 is the quoted name with its head, not a title of its own
    if i == s or j == e:
        return
    if grammar().clause_re.search(text, i, s) or grammar().clause_re.search(text, e, j):
        return  # a clause around the quote (按照“六有”标准实现…), not a name
    left, right = context(text, i, j)
    yield Candidate(i, j, clean_name(text[i:j]), "inner", left, right, False, (i, j),
                    extra=["glued"])


def _last_head(s: str, kind: Optional[str] = None) -> int:
    """Length of the longest prefix of ``s`` that ends in a head noun (of that ``kind`` when
    given; 0 when none)."""
    gr = grammar()
    for i in range(len(s), 0, -1):
        h = gr.head_of(s[:i])
        if h and (kind is None or gr.heads[h] == kind):
            return i
    return 0


# --- frames: verbs that run or award, and the head noun that ends the name ----------------------
@functools.lru_cache(maxsize=1)
def _head_shape() -> tuple:
    """Lengths of the head nouns (longest first) and the characters they end with."""
    heads = grammar().heads
    return sorted({len(h) for h in heads}, reverse=True), frozenset(h[-1] for h in heads)


def frame_candidates(text: str) -> Iterator[Candidate]:
    """Unquoted names after a verb that runs or awards them, ending in a head noun or before
    称号 (实施政治强基行动, 荣获省职工体育先进县称号, 开展货拉拉平台司机入会专项行动)."""
    gr = grammar()
    heads, tails = gr.heads, gr.title_tail
    lengths, head_ends = _head_shape()
    n = len(text)
    for m in gr.frame_re.finditer(text):
        verb = m.group(0)
        kind = "award" if m.group("award") else "run"
        s = m.end()
        if s < n and text[s] in _VERB_PARTICLE:
            s += 1
        if s >= n or stops_at(text, s):
            continue
        e = s
        limit = min(n, s + MAX_FRAME_NAME)
        while e < limit:
            ch = text[e]
            if ch in STOP and (ch in PUNCT_STOP or stops_at(text, e)):
                break  # (the common case, a character that never stops, costs no call)
            e += 1
        region = text[s:e]
        seen = set()
        # 授予A等61个单位“B”称号, 命名A为B: what the verb's object starts with is the recipient
        recipient = (kind == "award" and e < limit and verb.endswith(RECIPIENT_VERBS)
                     and not verb.startswith("被") and text[m.start() - 1:m.start()] != "被"
                     and text.startswith(RECIPIENT_NEXT, e))
        tags = ["recipient"] if recipient else []
        if kind == "award" and e < limit and MIN_FRAME_BODY < len(region) <= MAX_AWARD_TITLE:
            # an honour named up to the end of the clause (被评为省职工体育先进区。)
            seen.add(region)
            left, right = context(text, s, e)
            yield Candidate(s, e, region, "frame", left, right, False, (s, e), frame=kind,
                            extra=[f"frame:{kind}", "frameverb:" + verb[-2:], "frame_clause"] + tags)
        for i in range(MIN_FRAME_BODY + 1, len(region) + 1):
            if region[i - 1] not in head_ends and not (kind == "award" and
                                                        region.startswith(tails, i)):
                continue  # no head noun ends here and no 称号 follows
            piece = region[:i]
            h = next((piece[-k:] for k in lengths if piece[-k:] in heads), "")
            if h in gr.award_heads and kind != "award":
                h = ""
            is_tail = kind == "award" and region[i:].startswith(tails)
            if not (h or is_tail) or len(piece) - len(h) < MIN_FRAME_BODY or piece in seen:
                continue
            seen.add(piece)
            left, right = context(text, s, s + i)
            yield Candidate(s, s + i, piece, "frame", left, right, False, (s, s + i),
                            frame=kind, extra=[f"frame:{kind}", "frameverb:" + verb[-2:]] + tags)


# --- numbered codes ----------------------------------------------------------------------------
def code_candidates(text: str) -> Iterator[Candidate]:
    """Unquoted numbered codes, whole (1+5+N)."""
    if "+" not in text and "＋" not in text:
        return
    for m in CODE.finditer(text):
        s, e = m.span()
        left, right = context(text, s, e)
        yield Candidate(s, e, m.group(0), "code", left, right, False, (s, e))


# --- lists of 送-activities ---------------------------------------------------------------------
def song_candidates(text: str) -> Iterator[Candidate]:
    """Each item of a list of named 送-activities (送温暖、送清凉、送文化)."""
    if "送" not in text:
        return
    for m in SONG_LIST.finditer(text):
        for part in SONG_ITEM.finditer(m.group(0)):
            s, e = m.start() + part.start(), m.start() + part.end()
            left, right = context(text, s, e)
            yield Candidate(s, e, part.group(0), "song", left, right, False, (s, e))


def generator_extras(left: str, name: str, source: Optional[str]) -> list:
    """The features a generator adds, recovered from a hand-written context (for training rows
    that carry only left, name, right and source)."""
    if source == "frame":
        m = None
        for m in grammar().frame_re.finditer(left):
            pass
        if m is not None and m.end() >= len(left) - 1:
            kind = "award" if m.group("award") else "run"
            return [f"frame:{kind}", "frameverb:" + m.group(0)[-2:]]
    if source == "inner" and re.search("[“”‘’]", name):
        return ["glued"]
    return []


#: where a 送-activity goes, written right after it as part of its name (送文化到基层, 送法进企业)
SONG_DEST = re.compile("(?:到|进|下|入)(?:基层|企业|工地|万家|一线|社区|园区|乡村|农村|车间|班组|项目|厂矿)")


def _song_destinations(text: str, lexicon_cands: list) -> Iterator[Candidate]:
    """A known 送-activity written with its destination (送文化到基层活动): the longer name, with
    the same entry; it wins over the bare word where both are accepted (longer first)."""
    for c in lexicon_cands:
        if c.quoted or not c.name.startswith("送"):
            continue
        m = SONG_DEST.match(text, c.end)
        if m:
            left, right = context(text, c.start, m.end())
            yield Candidate(c.start, m.end(), c.name + m.group(0), c.source, left, right, False,
                            (c.start, m.end()), entry=c.entry)


def find_candidates(text: str, vocabulary) -> list:
    """Every candidate of ``text``: quoted spans, lexicon names (package and user), frames,
    codes and 送-lists, each with its lexicon entries attached. What the whole page says about
    a name is added by :func:`~.document.add_document_extras` (to the candidates the classifier
    decides)."""
    out = list(quoted_candidates(text))
    bare = vocabulary.lexicon_candidates(text)
    bare += list(_song_destinations(text, bare))
    bare += frame_candidates(text)
    bare += code_candidates(text)
    bare += song_candidates(text)
    if "《" in text:
        titles = [m.span() for m in BOOK_TITLE.finditer(text)]
        if titles:  # a name written bare inside 《a document's title》 is part of that title
            bare = [c for c in bare if not any(a < c.start and c.end < b for a, b in titles)]
    out += bare
    for c in out:
        if c.entry is None:
            c.entry = vocabulary.entry(c.name)
        if c.user is None:
            c.user = vocabulary.user_entry(c.name)
    return out
