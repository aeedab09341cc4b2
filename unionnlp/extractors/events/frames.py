"""The governing verb and frame of a campaign mention: which action a clause states.

For one campaign mention the clause around it (between commas and sentence ends, in the
masked text of :mod:`.layout`) is read in this order, the first that holds giving the action:

1. *after*: a word right after the campaign and its head noun (“三创争两提升”活动推进会 →
   promote, …表彰大会 → commend, “送温暖”工作启动 → launch);
2. *around*: a frame with parts on both sides (以“安康杯”竞赛为载体, 《关于…“X”…的实施意见》);
3. *object*: 把/将 made the campaign an object, the verb follows (把“双推”纳入考核 → launch,
   把…活动引向深入 → promote);
4. *before*: the nearest verb before the campaign (开展“X”), no farther than
   :data:`MAX_BEFORE_GAP` characters (other campaign names in a list do not count), with a
   modifier of continuity turning launch into promote (深入开展, 持续开展, 推进实施, also apart
   from the verb: 已连续19年开展, 继续在全区范围内开展); farther, up to :data:`MAX_LONG_GAP`,
   when what lies between is one modifier of the campaign (开展了形式多样、内容丰富的“X”) or the
   honoured bodies (授予某工会等15个单位“X”称号), or when the campaign is an item of the verb's
   list (开展A、B、“X”竞赛). A promote verb right before the campaign wins over a launch
   predicate after it (推进“X”落地见效); campaigns joined by 、/和/及 share the frame word
   after the last (“A”及“B”的评选); how to do it (如何开展“X”) and doing it as the subject of
   是 (开展“X”活动是…) are no acts.

Besides that one action, a clause may state two more: *learn* when it names a place whose
practice is taken up (赴扬州学习, 借鉴扬州经验, 引入东阿“三联三促”), and *fund* when money or
goods are given under the campaign later in its sentence (“送温暖”活动中…发放帮扶资金). A
learn verb without a place learned from states no learning (学习贯彻 …) and is passed over.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .layout import CAMPAIGN_MASK, ORG_MASK, Layout
from .lexicon import Lexicon, alternation

__all__ = ["Frame", "frames_for", "MAX_BEFORE_GAP", "MAX_AFTER_HEADS", "MAX_AROUND_GAP",
           "MAX_FUND_DISTANCE", "MAX_MONEY_GAP"]

#: the most characters read on either side of a campaign for its frame (a clause of a page
#: without punctuation can run for thousands)
MAX_WINDOW = 120
#: characters between a verb and its campaign (names of other campaigns not counted)
MAX_BEFORE_GAP = 14
#: head nouns between a campaign and a frame word after it (活动, 劳动竞赛 …)
MAX_AFTER_HEADS = 3
#: characters between a campaign and the right part of an around frame
MAX_AROUND_GAP = 16
#: characters from 把/将 to the campaign it makes an object
MAX_OBJECT_GAP = 10
#: characters after a campaign within which a money verb makes a fund event
MAX_FUND_DISTANCE = 150
#: characters between a money verb and the money or goods it gives
MAX_MONEY_GAP = 24
#: an after word that names an occasion or a document (启动仪式, 实施方案): the campaign's own
#: frame, which no verb before it overrides (关于推进“X”的实施方案 launches)
_AFTER_NOUN = re.compile(r"(?:会|仪式|典礼|方案|赛|牌|班)$")
#: characters between a promote verb and its campaign for the verb to win over a launch word
#: after the campaign (推进“X”落地见效)
MAX_COMPLEMENT_GAP = 2
#: characters between a learn verb (or 赴) and the place learned from
MAX_SOURCE_GAP = 8

_SKIP = re.compile(f"[{CAMPAIGN_MASK}“”‘’\"'《》\\s]")
#: 被 and the organization before a verb: 被省总工会授予
_BY_ORG = re.compile(f"被{ORG_MASK}*$")
#: where or when a thing named before its verb happens: “X”决赛在某市举行, “X”活动于3月启动
#: an adverb of time or aspect before it: “X”活动已全面启动, “X”工作已在全市推开
_ADVERB = r"已经|已|正在|正|将|均|都|先后|陆续"
_LOCATIVE = r"[在于][^，,。；;！？\n在于]{1,10}?"
_BACKGROUND_AFTER = re.compile(r"^(?:活动|工作|竞赛|行动|工程)?(?:中|当中|过程中)")
_CLAUSE_STOP = re.compile(r"[，,。；;！？\n]")


@dataclass
class Frame:
    """One action a clause states about a campaign mention."""

    action: str
    position: str
    cue: str
    #: span of the verb or frame word (for around: from its left to its right part)
    start: int
    end: int
    #: where the subject is looked for: the start of the verb and its modifiers
    verb_start: int
    passive: bool = False
    #: for learn: the place mention learned from (a Place)
    source: Optional[object] = None
    #: for inspect: the place visited (到泰州调研), when named
    visited: Optional[object] = None
    #: the span of the organizations named as doers after 由 (“X”由市总工会主办), if any
    agent: Optional[tuple] = None


def _compact(s: str) -> tuple:
    """``s`` without masked campaign names, quotes and spaces, with each kept char's index."""
    idx = [i for i, ch in enumerate(s) if not _SKIP.match(ch)]
    return "".join(s[i] for i in idx), idx


#: the body named after 由 that carries out what the campaign names: “X”活动由市总工会主办
_BY_AGENT = re.compile(f"由({ORG_MASK}+(?:[、和与及]{ORG_MASK}+)*)(?:共同|联合)?"
                       r"(主办|举办|承办|发起|组织开展|组织|牵头|开展|实施|启动)")


#: characters after a campaign read for a frame word after it (head nouns, a place, the word)
MAX_AFTER_CHARS = 80


def _after(lex: Lexicon, lay: Layout, c, k1: int) -> Optional[Frame]:
    right = lay.masked[c.end:min(k1, c.end + MAX_AFTER_CHARS)]
    by = None
    if "由" in right:
        heads = lex.regex(_HEADS_TEMPLATE).match(right)
        by = _BY_AGENT.match(right, heads.end() if heads else 0)
    if by:
        return Frame("launch", "after", by.group(2), c.end + by.start(2), c.end + by.end(2),
                     verb_start=c.start, agent=(c.end + by.start(1), c.end + by.end(1)))
    compact = _SKIP.sub("", right)
    m = lex.regex(_AFTER_TEMPLATE % _CONTINUITY_GAP).match(compact) or \
        _EVENT_AFTER_MODIFIER.match(compact)
    if not m or not lex.frames["after"].get(m.group(1)):
        return None
    _compact_right, idx = _compact(right)
    cue = m.group(1)
    s, e = c.end + idx[m.start(1)], c.end + idx[m.end(1) - 1] + 1
    action = lex.action("after", cue)
    # “X”活动已经连续开展了17年: a programme carried on, not begun
    if action == "launch" and lex.regex("<continuity>" + _CONTINUITY_GAP + "$").search(
            compact, 0, m.start(1)):
        action = "promote"
    return Frame(action, "after", cue, s, e, verb_start=c.start)


#: a campaign, a few words that qualify it, an event noun and the occasion word after it:
#: “X”重点项目劳动竞赛启动仪式, “X”争先创优劳动竞赛启动, “X”职工新春关爱行动启动仪式
MAX_AFTER_MODIFIER = 8
_EVENT_NOUN = r"(?:劳动和技能竞赛|劳动竞赛|技能竞赛|技能大赛|竞赛|大赛|比赛|活动|行动|工程)"
#: a second event joined by 暨 before the occasion word (“X”职工劳动竞赛暨某项目专项劳动竞赛启动仪式)
MAX_JOINED_EVENT = 20
_EVENT_AFTER_MODIFIER = re.compile(
    r"[\u4e00-\u9fff]{1,%d}?%s(?:暨[\u4e00-\u9fff]{1,%d}?%s)?"
    r"(?:(?:已|正式|全面)?(启动仪式|启动大会|启动会|动员大会|动员会|推进会|推进大会|现场推进会|表彰大会"
    r"|表彰会|总结表彰大会|总结表彰会|颁奖典礼|颁奖仪式|启动))" % (
        MAX_AFTER_MODIFIER, _EVENT_NOUN, MAX_JOINED_EVENT, _EVENT_NOUN))
_HEADS_TEMPLATE = "[”’\"\\s]*(?:<head>|%s){0,%d}" % (_LOCATIVE, MAX_AFTER_HEADS)
_AFTER_TEMPLATE = "<head>{0,%d}(?:%s)?(?:<continuity>%s)?(?:%s)?(<@after>)(?!情况|意见|方案|细则|办法|计划|纲要)" % (MAX_AFTER_HEADS, _ADVERB, "%s", _LOCATIVE)


def _modifies_next(lay: Layout, c) -> bool:
    """An unquoted name right before a quoted one qualifies it (党建带工建“三创争两提升”活动)."""
    text = lay.text
    return not text[max(0, c.start - 1):c.start] in ("“", "‘") and \
        text[c.end:c.end + 2].startswith("“") and lay.masked[c.end + 1:c.end + 2] == CAMPAIGN_MASK


def _around(lex: Lexicon, lay: Layout, c, k0: int, k1: int) -> Optional[Frame]:
    left = lay.masked[k0:c.start]
    lefts = list(lex.patterns["around"].finditer(left))
    if not lefts or _modifies_next(lay, c):
        return None
    compact, idx = _compact(lay.masked[c.end:k1])
    for lm in reversed(lefts):
        for right, action in lex.around[lm.group(0)]:
            pos = compact.find(right, 0, MAX_AROUND_GAP + len(right))
            if pos >= 0:
                end = c.end + idx[pos + len(right) - 1] + 1
                # 以“X”为主题，由某县人民政府主办: the body after 由 carries it out
                by = _BY_AGENT.match(lay.masked, _AGENT_GAP.match(lay.masked, end).end())
                verb_start = k0 + lm.start()
                if action == "launch":
                    # 继续在全市开展以“X”为主题的送温暖活动: the verb governing the frame's
                    # noun carries its modifier of continuity over to the theme
                    gov = _governing_verb_start(lex, lay, k0, verb_start)
                    mod = _continuity(lex, lay, k0, gov) if gov < verb_start else None
                    if mod is not None:
                        action, verb_start = "promote", mod
                return Frame(action, "around", f"{lm.group(0)}…{right}", k0 + lm.start(), end,
                             verb_start=verb_start,
                             agent=by.span(1) if by else None)
    return None


def _governing_verb_start(lex: Lexicon, lay: Layout, k0: int, at: int) -> int:
    """Start of a launch verb written right before an around frame (开展|以“X”为主题的…), else
    ``at`` itself (no verb: 坚持以“X”为载体 stays a launch)."""
    for m in lex.patterns["before"].finditer(lay.masked, max(k0, at - 6), at):
        if m.end() == at and lex.action("before", m.group(0)) == "launch":
            return m.start()
    return at


#: what may stand between the right part of an around frame and 由 (a comma)
_AGENT_GAP = re.compile(r"[，,\s]{0,2}")


def _object(lex: Lexicon, lay: Layout, c, k0: int, k1: int) -> Optional[Frame]:
    left = lay.masked[max(k0, c.start - MAX_OBJECT_GAP):c.start]
    ba = max(left.rfind("把"), left.rfind("将"))
    if ba < 0 or lex.patterns["before"].search(left, ba + 1):
        return None
    m = lex.patterns["object"].search(lay.masked, c.end, k1)
    if not m:
        return None
    verb_start = c.start - len(left) + ba
    return Frame(lex.action("object", m.group(0)), "object", m.group(0), m.start(), m.end(),
                 verb_start=verb_start)


#: a run of organization characters: it counts as this many characters in a gap (授予某某机械
#:有限公司等十家企业“五一劳动奖状”: the honoured bodies between verb and title are one noun)
ORG_GAP_CHARS = 2
_ORG_RUN = re.compile(f"{ORG_MASK}+")


def _gap(s: str) -> int:
    return len(_ORG_RUN.sub(ORG_MASK * ORG_GAP_CHARS, _SKIP.sub("", s)))


#: characters a launch, promote or commend verb may stand before its campaign when what lies
#: between is one long modifier of it (开展了形式多样、内容丰富的职工群众性“X”竞赛, 命名表现突出
#: 的二十个班组为“X”)
MAX_LONG_GAP = 32
_LONG_ACTIONS = ("launch", "promote", "commend")
#: what makes the stretch between a verb and its campaign a modifier of the campaign: an
#: attributive 的, a list of modifiers (、), a second name joined by 暨, or 为 ending it (命名…为)
_MODIFIER_STRETCH = re.compile(r"[的、暨]|为$")
#: what makes the stretch between a verb of honouring and its title the honoured: a modifier
#: as above, or a count of bodies or people (等15个单位, 18名)
_HONOURED_STRETCH = re.compile(r"[的、暨]|为$|等|\d+(?:个|名|家|人|位)")


def _long_reach(lex: Lexicon, lay: Layout, m: re.Match, c, gap: int) -> bool:
    """A verb farther than :data:`MAX_BEFORE_GAP` still governs the campaign when what lies
    between is one modifier of it, with no clause break, no organization and no quotation of
    its own (the verb's object is the campaign's noun phrase)."""
    if gap > MAX_LONG_GAP or m.group(0) in lex.gaps:
        return False
    action = lex.action("before", m.group(0))
    if action not in _LONG_ACTIONS:
        return False
    between = lay.masked[m.end():c.start]
    if CAMPAIGN_MASK in between.rstrip(CAMPAIGN_MASK + "“‘\"'"):
        return False
    if action == "commend":  # 授予某公司工会等15个单位“X”称号: the honoured bodies between
        return _HONOURED_STRETCH.search(_SKIP.sub("", between)) is not None
    if ORG_MASK in between:
        return False
    return _MODIFIER_STRETCH.search(_SKIP.sub("", between)) is not None


#: what may stand between a modifier of continuity and its verb besides an adverb of manner:
#: a span of years (连续19年开展) or a place (继续在全区范围内开展)
_CONTINUITY_GAP = (r"(?:(?:\d{1,2}|[一二两三四五六七八九十]{1,3})个?年|在[^，,。；;：:\n在]{1,12}?"
                   r"(?:范围内|内|中|里)?)?")


#: a list governed by one verb: at most this many characters in all, and in one item
MAX_LIST_CHARS = 64
MAX_LIST_ITEM = 16
#: characters of a modifier between the list's last 、 and the campaign (、全国“X”)
MAX_LIST_TAIL = 4


def _list_reach(lex: Lexicon, lay: Layout, m: re.Match, c) -> bool:
    """The campaign is an item of a list the verb governs (开展送法律下基层、互助保障百企行、
    “安康杯”竞赛、“X”乒乓球赛): items joined by 、, each short, the campaign right after the
    last 、, no organization and no clause break between."""
    if m.group(0) in lex.gaps or lex.action("before", m.group(0)) not in _LONG_ACTIONS:
        return False
    between = _QUOTES.sub("", lay.masked[m.end():c.start])
    if ORG_MASK in between or len(between) > MAX_LIST_CHARS or "、" not in between:
        return False
    items = between.split("、")
    return len(items[-1]) <= MAX_LIST_TAIL and all(
        0 < len(it) <= MAX_LIST_ITEM for it in items[:-1])


_QUOTES = re.compile("[“”‘’\"'\\s]")


def _continuity(lex: Lexicon, lay: Layout, k0: int, at: int) -> Optional[int]:
    """Start of a modifier of continuity right before ``at`` (深入|开展), also with an adverb of
    manner between (深入扎实|开展, 持续广泛|开展), else None."""
    before = lay.masked[max(k0, at - 24):at]
    m = lex.regex("<continuity>[地并和、]?(?:<manner>地?)?" + _CONTINUITY_GAP + "$").search(before)
    return at - len(before) + m.start() if m else None


#: 来 that ends a span of time (近年来, 以来) or begins 来自: no coming to a place
_NOT_COMING = re.compile(r"[年以后起]来$|^来自|来自$")


def _visited_place(lex: Lexicon, lay: Layout, places: list, lo: int, verb: re.Match):
    """The place a verb is done at after 赴/到/前往 (赴扬州学习, 到泰州调研), if any."""
    for i, p in enumerate(places):
        if p.start is None or not (lo <= p.start < verb.start()):
            continue
        head = lay.masked[max(lo, p.start - 2):p.start]
        if not lex.pattern("source").search(head) or _NOT_COMING.search(head):
            continue
        for q in places[i + 1:]:  # 到江苏扬州: the most specific of places written together
            if q.start != p.end:
                break
            p = q
        if verb.start() - p.end <= MAX_SOURCE_GAP:
            return p
    return None


def _source_place(lex: Lexicon, lay: Layout, places: list, lo: int, hi: int,
                  verb: re.Match) -> Optional[object]:
    """The place a learn verb takes its practice from: 赴X学习, 借鉴X(等地)经验, 引入X“…”.

    Of places written one inside the other (山东东阿) the last, most specific one counts; of a
    list (扬州、泰州) the first.
    """
    masked = lay.masked
    visited = _visited_place(lex, lay, places, lo, verb)  # 赴/到/前往 X … 学习/考察/观摩
    if visited is not None:
        return visited
    # 借鉴/学习/引进 X (等地)? 经验/做法, or X right before the campaign
    after = sorted((p for p in places if p.start is not None and verb.end() <= p.start < hi
                    and p.start - verb.end() <= MAX_SOURCE_GAP), key=lambda p: p.start)
    if not after:
        return None
    chosen, last = after[0], after[0]
    for q in after[1:]:
        if q.start == last.end and chosen is last:  # 山东东阿: the nested, more specific one
            chosen = q
        elif q.start - last.end > 2:
            break
        last = q
    tail = masked[last.end:hi]
    if lex.regex("[\u4e00-\u9fff]{0,6}?<practice>").match(tail) or _gap(tail) <= 2:
        return chosen
    return None


@functools.lru_cache(maxsize=4)
def _learn_cues(lex: Lexicon) -> frozenset:
    return frozenset(w for w, a in lex.frames["before"].items() if a == "learn") | \
        lex.words("adopt")


@functools.lru_cache(maxsize=4)
def _learn_pattern(lex: Lexicon) -> re.Pattern:
    return re.compile(alternation(_learn_cues(lex)))


def _learn(lex: Lexicon, lay: Layout, places: list, c, lo: int) -> Optional[Frame]:
    """A learn frame in the text before the campaign (its clause and the one before)."""
    best = None
    for m in _learn_pattern(lex).finditer(lay.masked, lo, c.start):
        src = _source_place(lex, lay, places, lo, c.start, m)
        if src is not None:
            best = Frame("learn", "before", m.group(0), m.start(), m.end(),
                         verb_start=m.start(), source=src)
    return best


def _relative(lay: Layout, m: re.Match, c) -> bool:
    """The verb ends a relative clause on another noun: 致力于推动[工业企业发展]的“五小”竞赛,
    or is an adjective before 的 (积极开展形式多样、内容丰富的“X”活动)."""
    between = _SKIP.sub("", lay.masked[m.end():c.start])
    return len(between) >= 1 and between.endswith("的")


def _before(lex: Lexicon, lay: Layout, places: list, c, k0: int, k1: int) -> Optional[Frame]:
    found = None
    for m in reversed(list(lex.patterns["before"].finditer(lay.masked, k0, c.start))):
        gap = _gap(lay.masked[m.end():c.start])
        if found is None and gap > MAX_BEFORE_GAP:
            if _long_reach(lex, lay, m, c, gap) or _list_reach(lex, lay, m, c):
                found = m
            break
        cue = m.group(0)
        if found is None and gap > lex.gaps.get(cue, MAX_BEFORE_GAP):
            continue
        if cue in _RAISING and _RAISED.search(lay.masked, max(k0, m.start() - 2), m.start()):
            continue  # 开展农民工学历提升“X”: a noun compound before the name, not its verb
        if cue == "创新" and _INNOVATED.search(lay.masked, max(k0, m.start() - 2), m.start()):
            continue  # 深入开展职工技术创新“五小”活动: 技术创新 qualifies the name
        if lex.action("before", cue) == "learn" and \
                _source_place(lex, lay, places, k0, c.start, m) is None:
            continue  # 学习贯彻…: no practice taken from another place
        if found is not None:  # the main verb before a relative clause
            if m.end() < found.start():  # (a verb written onto the next, 培育选树, is one)
                found = m
            break
        found = m
        if not _relative(lay, m, c):
            break
    if found is None:
        return None
    m, cue = found, found.group(0)
    action = lex.action("before", cue)
    verb_start = m.start()
    source = None
    if action == "learn" or cue in lex.words("adopt"):
        source = _source_place(lex, lay, places, k0, c.start, m)
        action = "learn" if source is not None else action
    if action == "launch":
        mod = _continuity(lex, lay, k0, m.start())
        if mod is not None:
            action, verb_start = "promote", mod
    # 命名某单位职工书屋为“Y”: the campaign named before 为 is the honoured, “Y” the title
    if action == "commend" and _RENAMED.match(lay.masked, c.end):
        return None
    # 就如何组织开展“X”作经验介绍, 研讨如何深入推进“X”: how to do it is a topic, not an act
    if _HOW.search(lay.masked, max(k0, verb_start - 6), verb_start):
        return None
    # a verb phrase that is the subject of 是 (开展“X”活动是关心职工的实际行动) says what doing
    # the programme means, not that anyone did it
    # (also over a comma: 举办职工技能大赛，既是…也是…)
    if not lay.masked[k0:verb_start].strip() and lex.regex(
            "(?:<head>)*(?:[，,])?(?:既|就|也|都)?是(?!否)").match(
            _SKIP.sub("", lay.masked[c.end:min(len(lay.masked), k1 + _TOPIC_REACH)])):
        return None
    # background: 在深入开展“X”活动中 … tells where something else happened
    if lay.masked[max(k0, verb_start - 1):verb_start] == "在" and \
            _BACKGROUND_AFTER.match(_SKIP.sub("", lay.masked[c.end:k1])):
        return None
    passive = cue in lex.words("passive") or \
        _BY_ORG.search(lay.masked, k0, m.start()) is not None
    visited = _visited_place(lex, lay, places, k0, m) if action == "inspect" else None
    return Frame(action, "before", cue, m.start(), m.end(), verb_start=verb_start,
                 passive=passive, source=source, visited=visited)


#: verbs of raising that make a noun compound with what is raised written right before them
#: (学历提升“X”行动, 技能提升“X”工程): the compound names the programme, it does not act on it
_RAISING = frozenset(("提升", "提高"))
_RAISED = re.compile(r"(?:学历|能力|素质|技能|素养|质量|品质|效能|水平)$")

#: nouns that make 创新 a noun compound qualifying the name after it (技术创新“五小”), not the
#: verb of creating it (创新“六项”工作机制)
_INNOVATED = re.compile(r"(?:技术|科技|管理|制度|理论|自主|职工|岗位|协同|工作|文化|服务)$")

#: 为 and a quotation right after a campaign: it is what is named, the quotation its title
_RENAMED = re.compile(f"[”’\"']?为[“‘\"]?{CAMPAIGN_MASK}")

#: characters read past the clause for the 是 of a verb phrase that is a topic (…，既是)
_TOPIC_REACH = 3

#: 如何 (and an adverb) right before a verb: the way of doing it is talked about
_HOW = re.compile(r"如何[^，,。；;：:\s]{0,4}$")


#: a sentence that goes on reporting the one before (据介绍，据悉，据了解，据统计)
_REPORTING = re.compile(r"\s*据[^，,。]{0,4}?(?:介绍|悉|了解|统计)")
_TOPIC = re.compile(f"{CAMPAIGN_MASK}[”’]?(?:活动|工作)?(?:中|期间)")


def _closes_sentence(lex: Lexicon, lay: Layout, c, s1: int) -> bool:
    """Nothing but head nouns follows the campaign in its sentence (…开展“送温暖”活动。)."""
    rest = _SKIP.sub("", lay.masked[c.end:s1]).rstrip("。！？!?；;\n")
    return lex.regex("(?:<head>)*").fullmatch(rest) is not None


def _fund(lex: Lexicon, lay: Layout, c, s0: int, s1: int, next_campaign: int) -> Optional[Frame]:
    """Money or goods given later in the campaign's sentence, or in the next sentence when
    that one goes on reporting or details the sentence the campaign closes, and names no
    other campaign (“送温暖”工作启动。据介绍，该区安排了60万元帮扶资金).

    A campaign the sentence is about (“送温暖”活动中，…) takes the money given anywhere in
    its sentence, and the campaigns named after it take none.
    """
    named = _money_named(lex, lay, c)
    if named is not None:
        return named
    topic = _TOPIC.match(lay.masked, c.end - 1)
    if not topic and _TOPIC.search(lay.masked, s0, c.start):
        return None
    if topic:
        end = s1
    else:
        end = min(c.end + MAX_FUND_DISTANCE, next_campaign)
        # the next sentence when it goes on reporting (据介绍，…) or when the campaign closes
        # its own sentence, which the next one details (一是走访慰问送温暖。…)
        if s1 < end and (_REPORTING.match(lay.masked, s1) or _closes_sentence(lex, lay, c, s1)):
            end = min(end, lay.sentence(s1)[1])
        else:
            end = min(end, s1)
    money = lex.pattern("money")
    for m in lex.patterns["money"].finditer(lay.masked, c.end, end):
        tail = lay.masked[m.end():min(len(lay.masked), m.end() + MAX_MONEY_GAP)]
        tail = _CLAUSE_STOP.split(tail, 1)[0]
        if money.search(tail):
            return Frame("fund", "money", m.group(0), m.start(), m.end(), verb_start=m.start())
    return None


#: characters between a money verb and the campaign whose money it gives (筹措的36万元“X”资金)
MAX_NAMED_MONEY_GAP = 16


def _money_named(lex: Lexicon, lay: Layout, c) -> Optional[Frame]:
    """Money named after the campaign (“X”专项资金, “X”慰问金) given by a money verb before it
    in its clause (筹措的…“送温暖”专项资金, 发放“金秋助学”助学金)."""
    right = _SKIP.sub("", lay.masked[c.end:c.end + 8])
    if not lex.regex("(?:专项|帮扶|慰问)?<money>").match(right):
        return None
    k0 = lay.clause(c.start)[0]
    lo = max(k0, c.start - MAX_NAMED_MONEY_GAP)
    found = None
    for m in lex.patterns["money"].finditer(lay.masked, lo, c.start):
        found = m
    if found is None:
        return None
    return Frame("fund", "money", found.group(0), found.start(), found.end(),
                 verb_start=found.start())


def _gives_money(lex: Lexicon, lay: Layout) -> bool:
    """The text names money or goods somewhere (else no campaign in it can fund anything);
    read once per text."""
    found = getattr(lay, "_gives_money", None)
    if found is None:
        found = lay._gives_money = lex.pattern("money").search(lay.masked) is not None
    return found


#: a document followed (根据/按照/依据 its author 《…》): its title states the author's acts
_FOLLOWED = re.compile(r"(?:根据|按照|依据|遵照|对照)[^，,。；;：:《》\n]{0,16}$")


def _in_read_document(lex: Lexicon, lay: Layout, c, k0: int) -> bool:
    """The campaign is named in the title of a document read out or passed on (宣读了
    《关于…“X”…的意见》) or followed (根据…《关于…“X”…的通知》精神): the verbs of the title
    are nobody's acts here."""
    opened = lay.masked.rfind("《", k0, c.start)
    if opened < 0 or lay.masked.find("》", opened, c.start) >= 0:
        return False
    if lex.regex("<reading>了?$").search(lay.masked, max(k0, opened - 4), opened) is not None:
        return True
    # 根据某办公室《关于…“X”…的通知》精神: a document followed, by its author (named or not)
    return _FOLLOWED.search(lay.masked, max(k0, opened - 20), opened) is not None


#: between two campaigns joined as one noun phrase: “A”及“B”的评选, “A”、“B”表彰大会
_JOINED = re.compile(f"[{CAMPAIGN_MASK}”’\"'\\s]*(?:、|和|及|与|以及)[“‘\"'\\s]*$")


def frames_for(lex: Lexicon, lay: Layout, c, places: list, next_campaign: int,
               following=None) -> list:
    """The frames a campaign mention's clause states (possibly none: only mentioned).

    ``following`` is the next campaign mention: when it is joined to this one (“A”及“B”的
    评选), a frame word after it is this one's too."""
    k0, k1 = lay.clause(c.start)
    k0, k1 = max(k0, c.start - MAX_WINDOW), min(k1, c.end + MAX_WINDOW)
    s0, s1 = lay.sentence(c.start)
    if _in_read_document(lex, lay, c, k0):
        return []
    main = (_after(lex, lay, c, k1) or _around(lex, lay, c, k0, k1)
            or _object(lex, lay, c, k0, k1) or _before(lex, lay, places, c, k0, k1))
    if main is None and following is not None and following.start < k1 and \
            _JOINED.match(lay.masked[c.end:following.start]):
        main = _after(lex, lay, following, min(lay.clause(following.start)[1],
                                               following.end + MAX_WINDOW))
    if main is None:
        main = _verbal(lay, c, k0)
    if main is not None and main.position == "after" and main.action == "launch" \
            and main.agent is None and not _AFTER_NOUN.search(main.cue):
        # 推进“X”落地见效: the verb written right before the campaign governs it, the word
        # after only completes that verb
        pushed = _before(lex, lay, places, c, k0, k1)
        if pushed is not None and pushed.action == "promote" and \
                _gap(lay.masked[pushed.end:c.start]) <= MAX_COMPLEMENT_GAP:
            main = pushed
    out = [main] if main is not None else []
    if main is None or main.action != "learn":
        prev_clause = lay.clause(k0 - 1)[0] if k0 > s0 else k0
        learn = _learn(lex, lay, places, c, max(s0, prev_clause, c.start - MAX_WINDOW))
        if learn is not None:
            out.append(learn)
    if (main is None or main.action != "fund") and _gives_money(lex, lay):
        fund = _fund(lex, lay, c, s0, s1, next_campaign) or \
            _fund_before(lex, lay, c, s0, main)
        if fund is not None:
            out.append(fund)
    return out


#: a campaign named by what it gives (送清凉, 送温暖, 送法律): written right after the people it
#: is given to (为…职工“送清凉”, 给环卫工人送温暖, 向一线职工“送清凉”) it is itself the predicate
_VERBAL_NAME = re.compile(r"[“‘\"']?送")
_BENEFICIARY = re.compile(r"(?<![作因成认認视視称稱以行更最较較极極])(?:为|為|给|給|向)"
                          r"[^，,。；;：:\n为為给給向把将]{0,20}?"
                          r"(?:职工|職工|工人|劳动者|勞動者|群众|群眾|人员|人員|员工|員工|农民工|農民工"
                          r"|工友|骑手|騎手|快递员|快遞員|司机|司機|建设者|建設者|劳模|勞模|家庭|他们|他們)"
                          r"(?:们|們|代表)?[“‘\"']?$")


def _verbal(lay: Layout, c, k0: int) -> Optional[Frame]:
    """A campaign whose name is a verb of giving, with the people it is given to before it and
    no verb of its own: the clause carries it out (launch), its subject being the clause's."""
    if not _VERBAL_NAME.match(lay.text, c.start):
        return None
    m = _BENEFICIARY.search(lay.masked, k0, c.start)
    if m is None:
        return None
    return Frame("launch", "before", lay.masked[m.start()], m.start(), m.start() + 1,
                 verb_start=m.start())


#: characters between a money verb written before a campaign and the campaign it pays for
#: (计划投入17.5万元，组成慰问组…为职工“送清凉”)
MAX_FUND_BEFORE = 100


def _fund_before(lex: Lexicon, lay: Layout, c, s0: int, main) -> Optional[Frame]:
    """Money or goods given earlier in the campaign's sentence, for what the campaign names
    (投入资金17.5万元，…为7600多名职工“送清凉”; 筹集资金…重点打造“X”): the nearest money verb
    before the campaign, with its money in its clause, no other campaign between and the
    campaign not itself done by another verb of its own clause than a launch (开展, 打造)."""
    if main is not None and main.action not in ("launch",):
        return None
    lo = max(s0, c.start - MAX_FUND_BEFORE)
    money = lex.pattern("money")
    found = None
    for m in lex.patterns["money"].finditer(lay.masked, lo, c.start):
        tail = _CLAUSE_STOP.split(lay.masked[m.end():min(c.start, m.end() + MAX_MONEY_GAP)], 1)[0]
        if money.search(tail):
            found = m
    if found is None or CAMPAIGN_MASK in lay.masked[found.end():c.start].rstrip(
            CAMPAIGN_MASK + "“‘\"'"):
        return None
    return Frame("fund", "money", found.group(0), found.start(), found.end(),
                 verb_start=found.start())
