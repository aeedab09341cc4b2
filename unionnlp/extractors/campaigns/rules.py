"""Hard rules: what the guidelines exclude by form, decided before the classifier.

:func:`rejection` returns why a candidate can never be a campaign (or None): speech and
sentences in quotes, known non-campaigns (ideology, category labels, dates, metaphors,
generic honours), category labels of groups (“两新”组织), event titles, venues, teams,
mottos and principles (…的理念, …工作格局), strategy slogans (工业强省, 开放兴X), the
recipients of an award (授予A等N个单位“B”称号: A is a body, not an honour), distances
and durations (1公里, 15分钟), lone digits and long numbers (lottery draws, years), and
anonymised placeholders (三个X).
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from .candidates import Candidate, MEASURE
from .grammar import CJK, NUMERALS, SPEECH_PUNCT, grammar
from .lexicon import non_campaigns, surface_key

__all__ = ["rejection", "name_rejection"]

#: an anniversary title (产业工人队伍建设改革五周年) is an event; the name inside it counts
ANNIVERSARY = re.compile("[0-9一二三四五六七八九十百]+周年$")
#: a figure inside a quote (组织1.8万名职工开展疗休养) makes it a sentence, not a name
FIGURE = re.compile(r"[0-9][0-9.]*[万亿千]?(?:名|人|家|个|项|次|元|场|户|所|期)")
#: longest quoted name that may carry a figure (“百名律师进千企” has none; “12351”热线 is short)
MAX_NAME_WITH_FIGURE = 8
#: a part of a slogan that states a development strategy (工业强省, 开放兴湘, 科技兴市)
STRATEGY_PART = re.compile(
    "(?:兴|强|富|立|活)[省市县区州湘鲁苏皖赣闽粤桂琼川蜀黔滇渝陕秦甘陇宁青新藏蒙黑吉辽冀晋豫鄂浙沪京津企农民]$"
    "|带动$")
#: parts of a compound slogan
PARTS = re.compile("[、,，;；]")
#: the longest run of digits that can be a program code (42101); longer ones are numbers
MAX_CODE_DIGITS = 6
#: shortest run of digits that can be a program code (a lone digit never is)
MIN_CODE_DIGITS = 3
#: words around a number that make it a lottery draw or a count, not a code
NUMBER_CONTEXT = re.compile("期|开奖|彩|中奖|号码|注|码")
#: an anonymised target (三个X, XX工程) is not a name
PLACEHOLDER = re.compile("[一二三四五六七八九十两]个[A-Za-zＸｘ]+|[XxＸ]{1,3}")
#: a duration or distance opening a name that ends in no head noun (“24小时不打烊” describes
#: opening hours; “15分钟职工服务圈” names a programme)
MEASURE_LEAD = re.compile(r"^[0-9０-９一二三四五六七八九十百半]+(?:公里|千米|米|分钟|小时|天|日)")
#: round periods that open the name of a time-boxed drive (“百日攻坚”劳动竞赛, “百日大干”):
#: the period is the campaign's, not a duration described
CAMPAIGN_PERIODS = ("百日", "百天", "千日")
#: endings of the names of bodies: a quoted list of them is a list of organizations
BODY_TAIL = re.compile("(?:总工会|工会|工会联合会|党委|党支部|党总支|党组|居委会|村委会|委员会|公司|协会|商会)$")
#: a year or edition inside an unquoted frame (获评全国2021年度最美驿站): the honour is named
#: without it
DATED = re.compile(r"[0-9]{2,4}年|年度|第[0-9一二三四五六七八九十]+届")
#: a measure word opening an unquoted frame (开展一系列活动, 启动两项工程, 一系列关爱服务行动, 全州首个…书屋)
COUNTED = re.compile("^(?:全[国省市州县区盟旗])?(?:[一二三四五六七八九十两几多数各每首]|[0-9]+)"
                     "(?:系列|[项场次批个届期轮类种大家名所户])")
#: quantifiers of kinds right before an unquoted name (各类劳动和技能竞赛, 多种送温暖活动)
KIND_QUANTIFIERS = ("各类", "各种", "各项", "多种", "多项", "一系列", "各式")
#: what may follow an unquoted frame name that is only a modifier of the next noun phrase: a
#: year or an opening quote (启动某工程2021年“百日会战”劳动竞赛)
MODIFIER_AFTER = re.compile("(?:19|20)[0-9]{2}年|“")
#: a quote opening a clause of purpose (为“…”, 为了“…”), after a break
PURPOSE_LEFT = re.compile("(?:^|[,，。;；:：!！?？\\s]|讯)为了?$")


#: characters that make 送 the end of another verb (赠送, 运送, 配送 …): a bare 送X after one of
#: them is something handed over (赠送健康体检卡), not a 送-activity (送健康, 送温暖)
SONG_COMPOUND = frozenset("赠发运输护欢传递寄配接押遣呈馈捐")


#: numbers written apart (“3 12 25”, 07、19、23): a draw or a list of figures, never a code
SPACED_NUMBERS = re.compile(r"[0-9]+(?:[\s,，、.．·-]+[0-9]+)+")

#: right contexts that make a quote a target, a task or a form of doing things (实现“X”双重目标,
#: 将“X”作为首要任务, 以“X”的形式, 以“X”一季一主题的形式): a description, not a programme
GOAL_RIGHT = re.compile(f"^(?:的?[{CJK}]{{0,4}}?目标|作为[{CJK}]{{0,4}}?任务|[{CJK}]{{0,5}}?的(?:形式|方式))")

#: a verb of aiming with a verb of building right before a quote (围绕建设“…”, 围绕打造“…”): the
#: quote is a goal unless a theme or a head noun follows it (bare 围绕“…” is left to the
#: classifier: 围绕“组织共建、阵地共建…” names a programme)
GOAL_LEFT = re.compile("围绕(?:建设|打造|实现)$")
THEME_RIGHT = re.compile(f"^(?:这一|这个|的)?[{CJK}]{{0,4}}?主题")
_BREAK = re.compile("[,，。;；:：!！?？、“”\\s]")
#: how far into the right context a head noun is looked for
MAX_HEAD_REACH = 8

#: media after a quote that make it the name of an app, an account or a site (“职工之家”APP)
MEDIA = ("APP", "App", "app", "客户端", "小程序", "公众号", "微信公众号", "视频号", "网站")

#: longest quoted verb phrase ending in a complement that is taken as a verb (建起来, 坚持下去)
MAX_VERB_PHRASE = 6

_WORD = re.compile(f"[{CJK}0-9]")
_YEAR = re.compile("(?:19|20)[0-9]{2}")


@functools.lru_cache(maxsize=50_000)
def name_rejection(name: str) -> Optional[str]:
    """Why a name, wherever written, is never a campaign (None when it may be one)."""
    k = surface_key(name)
    if not k or (len(k) < 2 and not k.isdigit()):
        return "short"
    if k in non_campaigns():
        return "non-campaign"
    if not _WORD.search(k):
        return "no-word"
    if k.isdigit() and (len(k) < MIN_CODE_DIGITS or len(k) > MAX_CODE_DIGITS):
        return "digit" if len(k) < MIN_CODE_DIGITS else "number"
    if k.isdigit() and _YEAR.fullmatch(k):
        return "number"
    if SPACED_NUMBERS.fullmatch(name.strip()):
        return "number"
    if MEASURE.match(k):
        return "measure"
    if PLACEHOLDER.fullmatch(k):
        return "placeholder"
    other = grammar().not_a_campaign(k)
    if other or ANNIVERSARY.search(k):
        return other or "event"
    parts = [p for p in PARTS.split(name) if p]
    if len(parts) >= 2 and any(STRATEGY_PART.search(p) for p in parts):
        return "strategy"
    if MEASURE_LEAD.match(k) and not grammar().head_of(k) and not k.startswith(CAMPAIGN_PERIODS):
        return "measure"
    if len(parts) >= 2 and all(BODY_TAIL.search(p) for p in parts):
        return "organizations"
    if k.endswith("工会") and _place_prefix(k[:-2].removesuffix("总")):
        return "organization"
    return None


def _place_prefix(prefix: str) -> bool:
    """Whether ``prefix`` is a division name (温州 in 温州工会)."""
    if len(prefix) < 2:
        return False
    from .variants import is_place

    return is_place(prefix)


def rejection(c: Candidate) -> Optional[str]:
    """Why ``c`` is never a campaign, or None when the rules leave it to the lexicon and the
    classifier."""
    why = name_rejection(c.name)
    if why:
        return why
    if c.name.isdigit() and NUMBER_CONTEXT.search(c.left[-3:] + c.right[:3]):
        return "number"
    if c.quoted:
        return _quoted_rejection(c)
    if c.name.startswith("送") and c.left[-1:] in SONG_COMPOUND:
        return "verb"
    if c.left.endswith(KIND_QUANTIFIERS):
        return "generic"  # 开展各类劳动和技能竞赛活动: kinds of an activity, not one named programme
    if c.source == "frame" and MODIFIER_AFTER.match(c.right):
        return "modifier"  # 启动某某工程2021年“决战100天”劳动竞赛: the project where a contest runs
    if c.source == "frame":
        return _frame_rejection(c)
    return None


def _quoted_rejection(c: Candidate) -> Optional[str]:
    gr = grammar()
    if SPEECH_PUNCT.search(c.name):
        return "speech"
    if c.name.startswith("关于") and len(c.name) > MAX_VERB_PHRASE:
        return "document"  # “关于把…建成…职工之家”的要求: the title of an instruction, not a name
    if PURPOSE_LEFT.search(c.left) and c.entry is None and PARTS.search(c.name):
        return "goal"  # 为“促进全民阅读,建设书香某地”,…: what a step is for, not a programme
    if len(c.name) <= MAX_VERB_PHRASE and c.name.endswith(gr.verb_end) and \
            c.entry is None and c.user is None:
        return "verb"  # “建起来”、“转起来”: what is to be done, not a name
    if len(c.name) > MAX_NAME_WITH_FIGURE and FIGURE.search(c.name):
        return "sentence"
    if c.own_right.startswith(MEDIA) or (c.group == 1 and c.right.startswith(MEDIA)):
        return "platform"  # “职工之家”APP, “某某工会”公众号: an app or an account, even of a known brand
    if c.entry is not None or (c.user is not None and getattr(c.user, "action", "") == "add"):
        # a name the lexicon knows (“小三级”组织网络, “会站家”格局) is not made a label or a
        # motto by the noun after it
        return None
    for right in {c.right, c.own_right}:
        if right.startswith(gr.category):
            return "category"
        if gr.motto_re.match(right):
            return "motto"
        if GOAL_RIGHT.match(right) and not _numbered(c.name):
            return "goal"
    if GOAL_LEFT.search(c.left) and not _numbered(c.name) and not THEME_RIGHT.match(c.right) \
            and not _head_follows(c.right):
        return "goal"  # 围绕建设“某某研发基地”和“美丽某城”: what the work aims at, not a programme
    return None


def _head_follows(right: str) -> bool:
    """Whether a head noun (竞赛, 活动, 行动 …) ends a word group opening ``right``."""
    gr = grammar()
    m = _BREAK.search(right, 0, MAX_HEAD_REACH)
    stop = m.start() if m else min(len(right), MAX_HEAD_REACH)
    return any(gr.head_of(right[:i]) for i in range(1, stop + 1))


def _numbered(name: str) -> bool:
    """Whether a quoted name opens with a numeral or a digit (“42101”, “两个普遍”, “三站一体”):
    numbered shorthand names a programme even where it reads as a target."""
    k = surface_key(name)
    return bool(k) and (k[0].isdigit() or k[0] in NUMERALS)


def _frame_rejection(c: Candidate) -> Optional[str]:
    gr = grammar()
    if "recipient" in c.extra:
        return "recipient"  # 授予青山区总工会女职工委员会等61个单位“先进…”荣誉称号
    head = gr.head_of(c.name)
    body = c.name[:len(c.name) - len(head)] if head else c.name
    if body in gr.generic or COUNTED.match(c.name):
        return "generic"
    if DATED.search(c.name):
        return "dated"
    if gr.clause_re.search(c.name):
        return "clause"  # 开展职工通过线上实现互助活动: a clause up to a head noun
    return None
