"""Campaign mentions in a text: candidates, hard rules, the classifier, and overlaps."""
from __future__ import annotations

import functools
import re
from typing import Iterable, Optional

from unionnlp.records import Campaign

from .classifier import CampaignClassifier, load_classifier
from .features import CJK as _CJK, NUMERALS as _NUMERALS, SPEECH_PUNCT as _SPEECH_PUNCT
from .features import candidate_features
from .lexicon import KINDS, LexiconEntry, entry_for as _entry_for, load_lexicon
from .lexicon import non_campaigns as _non_campaigns
from .lexicon import surface_key as _key

__all__ = ["find_campaigns"]

# --- character classes and small closed vocabularies (grammar of the genre, not data) ----------
#: quoted spans: outer quote pairs; ‘’ only counts as outer when not inside “”
_QUOTED = re.compile(
    "“(?P<a>[^“”]{1,40})”"
    "|「(?P<b>[^「」]{1,40})」"
    "|『(?P<c>[^『』]{1,40})』"
    "|＂(?P<d>[^＂\n]{1,40})＂"
    "|\"(?P<e>[^\"\n]{1,40})\""
    "|‘(?P<f>[^‘’“”]{1,30})’"
)
#: heads after a quote that make it a category label of a group ("两新"组织)
_CATEGORY_HEADS = (
    "组织", "领域", "群体", "企业", "人员", "人群", "党员", "干部", "时期", "期间",
    "规划", "儿童节", "劳动节", "节日", "精神", "优势", "力量", "经济", "产业", "人才",
    # media and platforms named in quotes: “八闽工会”微信, “职工之家”APP
    "微信", "公众号", "APP", "App", "app", "客户端", "小程序", "网站", "视频号", "抖音",
)
#: quoted event titles (anniversaries, meetings) are not campaigns; a lexicon name inside them is
_EVENT = re.compile("(?:[0-9一二三四五六七八九十百]+周年|(?:发布|座谈|推进|表彰|现场|启动|动员|交流)会|论坛|仪式)$")
#: venues and media are places or outlets, not campaigns (“…纪念馆”, “…网”)
_VENUE = re.compile("(?:纪念馆|博物馆|展览馆|陈列馆|展厅|网|报|电视台|广播电台|广场|公园|大厦)$")
#: named teams and bodies are organizations (“贴心人服务队”), not campaigns
_TEAM = re.compile("(?:服务队|志愿队|宣讲团|协会|联合会|委员会|办公室|有限公司|集团)$")
#: mottos, 理念, 工作方针, 总基调 and 工作格局/局面 descriptions (guidelines: excluded)
_MOTTO_HEAD = re.compile("^的?[" + _CJK + "]{0,2}?(?:理念|格局|局面|方针|总基调)")
#: separators between the items of a coordinated list of quoted names
_LIST_GLUE = frozenset({"", "、", ",", "，", "和", "与", "及"})
#: verbs that run a program (left context); ordered long first for the unquoted pattern
_RUN_VERBS = ("深入开展", "组织开展", "广泛开展", "持续开展", "深入实施", "全面实施", "大力实施",
              "开展", "实施", "启动", "推进", "深化", "推行", "创建", "评选", "争创", "打造")
#: head nouns after a name that show it is run as a program (for lexicon entries marked "head")
_NAME_HEADS = ("竞赛", "活动", "创新", "成果", "创建", "评选", "建设", "行动", "工程")
_ACT_HEADS = ("专项行动", "行动", "工程")
#: generic modifiers that do not make a 行动/工程 a proper name
_GENERIC_ACT = frozenset({
    "专项", "集中", "联合", "系列", "重点", "各项", "相关", "一系列", "有关", "民生", "这项",
    "此项", "该项", "各类", "多项", "多种", "各种", "主题", "十大", "系统",
})
_UNQUOTED_ACT = re.compile(
    "(?:" + "|".join(_RUN_VERBS) + ")(?:了|好)?(?P<n>[" + _CJK + "]{2,10}?(?:专项行动|行动|工程))"
)
#: a list of named 送-activities: 送温暖、送清凉、送文化
_SONG_LIST = re.compile("送[" + _CJK + "]{2}(?:[、,，]送[" + _CJK + "]{2})+")
#: a quoted name inside a longer competition/program title: 百万职工“五小”创新大赛
_INNER_PREFIX = re.compile("(?:[百千万]+名?(?:职工|员工|农民工|女职工))$")
_INNER_SUFFIX = re.compile("^(?:创新大赛|技能大赛|大赛|竞赛|擂台赛|技能比武|比武)")

_SUFFIX_KIND = (
    (("竞赛", "大赛", "杯", "比武", "擂台赛", "技能赛"), "competition"),
    (("号", "之家", "小家", "奖章", "奖状", "标兵", "岗", "驿站", "书屋", "工作室", "小屋",
      "能手", "站", "工会", "班组", "明星"), "brand-title"),
    (("机制", "制度", "共建", "带工建", "服务党建", "一体化", "模式", "标准"), "mechanism"),
    (("活动", "行动", "年", "月", "行", "助学", "温暖", "清凉", "讲堂"), "activity"),
    (("工程", "计划", "改革", "项目", "建设"), "program"),
)



def _has_lead_numeral(name: str) -> bool:
    return bool(name) and name[0] in _NUMERALS


def _trie_regex(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, factored as a trie.

    A flat alternation of a few hundred literals is tried one by one at each position; a trie
    shares prefixes so each position costs a handful of character tests.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


@functools.lru_cache(maxsize=1)
def _lexicon_regex() -> re.Pattern:
    words = [s for e in load_lexicon() for s in (e.name, *e.aliases)]
    return re.compile(_trie_regex(words))


# --- extraction --------------------------------------------------------------------------------
def _kind(name: str, entry: Optional[LexiconEntry] = None) -> str:
    if entry is not None and entry.kind in KINDS:
        return entry.kind
    n = _key(name)
    for sfxs, kind in _SUFFIX_KIND:
        if n.endswith(sfxs):
            return kind
    if _has_lead_numeral(n) or re.search("[0-9]", n):
        return "numbered-slogan"
    if "、" in name or "," in name or "，" in name or "·" in name:
        return "activity"
    return "program"


def _clean_name(raw: str) -> str:
    return raw.replace("\r", "").replace("\n", "").strip()


def _reject_by_form(name: str, right: str) -> bool:
    """Guideline exclusions decidable from the form alone (before the classifier)."""
    k = _key(name)
    if not k or len(k) < 2 and not k.isdigit():
        return True
    if k in _non_campaigns():
        return True
    if _SPEECH_PUNCT.search(name):
        return True
    if not re.search("[" + _CJK + "0-9]", k):
        return True
    if right.startswith(_CATEGORY_HEADS):
        return True
    if _EVENT.search(k) or _VENUE.search(k) or _TEAM.search(k):
        return True
    if _MOTTO_HEAD.match(right):
        return True
    return False


class _Taken:
    """Character spans already claimed by accepted names.

    A mark per character keeps the overlap and containment tests proportional to the span's
    length, not to the number of names found so far (a list scan made long texts quadratic).
    """

    def __init__(self, n: int):
        self._mark = bytearray(n + 1)

    def append(self, span: tuple) -> None:
        s, e = span
        self._mark[s:e] = b"\x01" * (e - s)

    def overlaps(self, s: int, e: int) -> bool:
        return s < e and 1 in self._mark[s:e]

    def covers(self, s: int, e: int) -> bool:
        return s < e and 0 not in self._mark[s:e]


def _accept_quoted(text: str, m: re.Match, s: int, e: int, name: str, left: str, right: str,
                   out: list, taken: "_Taken") -> None:
    entry = _entry_for(name)
    # a quoted name inside a longer competition title: 百万职工“五小”创新大赛
    pm = _INNER_PREFIX.search(left)
    sm = _INNER_SUFFIX.match(right)
    if pm and sm:
        xs, xe = m.start() - len(pm.group(0)), m.end() + len(sm.group(0))
        out.append(Campaign(_clean_name(text[xs:xe]), "competition", None, xs, xe))
    out.append(Campaign(name, _kind(name, entry), entry.name if entry else None, s, e))
    taken.append(m.span())


def find_campaigns(text: str, *, classifier: Optional[CampaignClassifier] = None) -> list[Campaign]:
    """Every campaign mention in ``text`` (clean simplified text), ordered by position.

    Returns :class:`~unionnlp.records.Campaign` items whose ``start``/``end`` delimit the name
    (outer quotes excluded); ``canonical`` is the lexicon entry when the name or a variant is
    listed. Bad or empty input returns ``[]``.
    """
    if not text or not isinstance(text, str):
        return []
    clf = classifier or load_classifier()
    out: list[Campaign] = []
    taken = _Taken(len(text))  # spans of accepted names (quoted ones with their outer quotes)

    # 1. quoted candidates; items of a coordinated list (“A”“B”、“C”等活动) share the list's
    #    outer context, as coordination shares its governing verb and head noun
    ldquo_spans: list[tuple] = []
    quoted: list = []
    for m in _QUOTED.finditer(text):
        g = m.lastgroup
        if g == "a":
            ldquo_spans.append(m.span())
        if g == "f" and any(a <= m.start() < b for a, b in ldquo_spans):
            continue  # inner ‘’ of a “” name, already inside that candidate
        if text.count("\n", *m.span(g)) > 1:
            continue
        quoted.append(m)
    groups: list[list] = []
    for m in quoted:
        if groups and text[groups[-1][-1].end():m.start()] in _LIST_GLUE:
            groups[-1].append(m)
        else:
            groups.append([m])
    for grp in groups:
        g_left = text[max(0, grp[0].start() - 10):grp[0].start()]
        g_right = text[grp[-1].end():grp[-1].end() + 8]
        for m in grp:
            s, e = m.span(m.lastgroup)
            name = _clean_name(text[s:e])
            left = text[max(0, m.start() - 10):m.start()]
            right = text[m.end():m.end() + 8]
            if _reject_by_form(name, right) or _reject_by_form(name, g_right):
                continue
            feats = candidate_features(g_left, name, g_right, quoted=True)
            if len(grp) > 1:
                feats.append("inlist")
            entry = _entry_for(name)
            # a name the lexicon trusts unquoted is a campaign in quotes too
            if not (entry is not None and entry.unquoted == "yes") and not clf.predict([feats])[0]:
                continue
            _accept_quoted(text, m, s, e, name, left, right, out, taken)

    # a quoted compound name written again without quotes is the same name, not its parts
    seen_names: set = set()
    for c in list(out):
        if c.name in seen_names:
            continue  # every further occurrence was claimed by the first search
        seen_names.add(c.name)
        if len(_key(c.name)) >= 6 and re.search("[、,，·]", c.name):
            i = text.find(c.name)
            while i != -1:
                j = i + len(c.name)
                if not taken.covers(i, j):
                    out.append(Campaign(c.name, c.kind, c.canonical, i, j))
                    taken.append((i, j))
                i = text.find(c.name, j)

    def free(s: int, e: int) -> bool:
        return not taken.overlaps(s, e)

    # 2. lexicon names written without quotes
    for m in _lexicon_regex().finditer(text):
        s, e = m.span()
        if not free(s, e):
            continue
        if s > 0 and text[s - 1] in "“‘「『\"" and text[e:e + 1] in "”’」』\"":
            continue  # a quoted name the classifier already judged
        entry = _entry_for(m.group(0))
        if entry is None or entry.unquoted == "no":
            continue
        if entry.unquoted == "head" and not text.startswith(_NAME_HEADS, e):
            continue
        out.append(Campaign(m.group(0), entry.kind, entry.name, s, e))
        taken.append((s, e))

    # 3. unquoted fixed 行动/工程 names after a verb of running them
    for m in _UNQUOTED_ACT.finditer(text):
        s, e = m.span("n")
        name = m.group("n")
        body = name
        for h in _ACT_HEADS:
            if body.endswith(h):
                body = body[: -len(h)]
                break
        if len(body) < 2 or body in _GENERIC_ACT or re.search("[的和与及等了]", body):
            continue
        if not free(s, e):
            continue
        feats = candidate_features(text[max(0, s - 10):s], name, text[e:e + 8], quoted=False)
        if not clf.predict([feats])[0]:
            continue
        entry = _entry_for(name)
        out.append(Campaign(name, _kind(name, entry), entry.name if entry else None, s, e))
        taken.append((s, e))

    # 4. lists of named 送-activities
    if "送" in text:
        for m in _SONG_LIST.finditer(text):
            for part in re.finditer("送[" + _CJK + "]{2}", m.group(0)):
                s, e = m.start() + part.start(), m.start() + part.end()
                if free(s, e):
                    entry = _entry_for(part.group(0))
                    out.append(Campaign(part.group(0), "activity", entry.name if entry else None,
                                        s, e))
                    taken.append((s, e))

    out.sort(key=lambda c: (c.start, -(c.end or 0)))
    return out
