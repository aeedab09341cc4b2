"""Named campaigns, programs, mechanisms and brand titles in clean simplified text.

What counts is defined by the campaigns section of the annotation guidelines
(``devset/GUIDELINES.md``): quoted names (“三培养工程”, “双推”, “42101”), numbered slogans
(三X两Y, 四个一批, 6+N), fixed unquoted names from a curated lexicon (党建带工建, 安康杯,
工人先锋号 …), unquoted fixed 行动/工程 names after a verb of running (实施政治强基行动) and
lists of 送-activities (送温暖、送清凉、送文化) — told apart from quoted emphasis (“顶梁柱”),
quoted speech, mottos, category labels (“两新”组织) and 《documents》.

Method (in the spirit of a span-ruler plus a candidate filter):

1. *Candidates* come from three cheap sources: quoted spans (“”, ‘’, "", 「」, 『』), a
   trie-compiled regular expression over the lexicon (``resources/campaigns/lexicon.csv``)
   and two patterns for unquoted names. Nothing outside a candidate is ever classified, so the
   cost is one regex pass plus a few dictionary look-ups per candidate.
2. *Hard rules* reject what the guidelines exclude by form: sentence punctuation inside the
   quotes (speech), known non-campaign labels (``non_campaigns.csv``: ideological slogans,
   category labels, dates, metaphors), category-label heads after the quote (组织, 领域, 群体…).
3. A *learned classifier* (logistic regression over character n-grams of the name and hand
   features of the name and its context: leading numeral, suffix 工程/行动/活动/机制/竞赛/杯/号/
   之家, following head noun 活动/工程/要求/机制, preceding verbs 开展/实施/推进/创建/评选,
   following 的/精神, punctuation inside) decides the remaining quoted candidates. It is
   trained by :func:`unionnlp.lexicon.train_classifier` on hand-labelled contexts in
   ``resources/campaigns/candidates.tsv`` and shipped as a JSON table of feature weights
   (``classifier.json``), so prediction needs no scikit-learn at run time.

Offsets point at the name without its outer quotes: ``text[c.start:c.end]`` is the name as
written (line breaks inside a name, from document-sharing layout, are dropped from ``name``).
"""
from __future__ import annotations

import csv
import functools
import json
import math
import pathlib
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from unionnlp import resources
from unionnlp.errors import NotFitted
from unionnlp.records import Campaign

__all__ = [
    "find_campaigns",
    "lexicon_words",
    "load_lexicon",
    "load_classifier",
    "candidate_features",
    "CampaignClassifier",
    "LexiconEntry",
    "RESOURCES",
]

#: the folder of the shipped campaign data (written by ``unionnlp lexicon train --output`` only
#: when asked; read through :mod:`unionnlp.resources`)
RESOURCES = resources.path("campaigns")

KINDS = ("numbered-slogan", "program", "activity", "competition", "brand-title", "mechanism")

# --- character classes and small closed vocabularies (grammar of the genre, not data) ----------
_NUMERALS = "一二三四五六七八九十两双百千万零〇0123456789"
_CJK = "\u4e00-\u9fff"
#: quoted spans: outer quote pairs; ‘’ only counts as outer when not inside “”
_QUOTED = re.compile(
    "“(?P<a>[^“”]{1,40})”"
    "|「(?P<b>[^「」]{1,40})」"
    "|『(?P<c>[^『』]{1,40})』"
    "|＂(?P<d>[^＂\n]{1,40})＂"
    "|\"(?P<e>[^\"\n]{1,40})\""
    "|‘(?P<f>[^‘’“”]{1,30})’"
)
#: punctuation that makes a quote a sentence or a speech fragment
_SPEECH_PUNCT = re.compile("[。！？!?；;：:…]")
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


# --- lexicon -------------------------------------------------------------------------------
@dataclass(frozen=True)
class LexiconEntry:
    """One row of ``lexicon.csv``: a canonical name, its variants and when to trust it."""

    name: str
    aliases: tuple
    kind: str
    parent: Optional[str]
    unquoted: str  # yes: always a campaign; head: only before 竞赛/活动/创新…; no: quoted only
    note: str = ""


def _read_csv(path: pathlib.Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Optional[str] = None) -> tuple:
    """Read the curated campaign lexicon (``resources/campaigns/lexicon.csv``)."""
    rows = _read_csv(pathlib.Path(path)) if path else resources.read_table("campaigns", "lexicon.csv")
    out = []
    for r in rows:
        name = (r.get("name") or "").strip()
        if not name:
            continue
        aliases = tuple(a.strip() for a in (r.get("aliases") or "").split("|") if a.strip())
        out.append(LexiconEntry(name, aliases, (r.get("kind") or "program").strip(),
                                (r.get("parent") or "").strip() or None,
                                (r.get("unquoted") or "no").strip(), (r.get("note") or "").strip()))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _non_campaigns() -> frozenset:
    return frozenset(r["name"].strip() for r in resources.read_table("campaigns", "non_campaigns.csv"))


_STRIP = re.compile(r"[\s“”‘’\"'「」『』＂·•.\-、,，]")


def _key(name: str) -> str:
    """Comparison key: no spaces, quotes, dots or list commas (中国梦·劳动美 = 中国梦劳动美)."""
    return _STRIP.sub("", name)


@functools.lru_cache(maxsize=1)
def _surface_index() -> dict:
    """surface form (name or alias) → LexiconEntry; also keyed by :func:`_key`."""
    idx: dict = {}
    for e in load_lexicon():
        for s in (e.name, *e.aliases):
            idx.setdefault(s, e)
            idx.setdefault(_key(s), e)
    return idx


def lexicon_words() -> list[str]:
    """Every lexicon name and alias, for a segmenter's user dictionary (slogans stay whole)."""
    seen: dict = {}
    for e in load_lexicon():
        for s in (e.name, *e.aliases):
            if " " not in s and s not in seen:
                seen[s] = None
    return list(seen)


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


# --- features and classifier -----------------------------------------------------------------
#: fold full-width punctuation to ASCII so features do not depend on the cleaner's choice
_PUNCT_FOLD = str.maketrans("，；：！？（）", ",;:!?()")


def _has_lead_numeral(name: str) -> bool:
    return bool(name) and name[0] in _NUMERALS


def candidate_features(left: str, name: str, right: str, quoted: bool = True) -> list[str]:
    """Sparse binary features of a candidate name in its context (strings, for a linear model).

    ``left``/``right`` are the characters just outside the name (outer quotes excluded).
    Full-width and ASCII punctuation give the same features.
    """
    left, name, right = (x.translate(_PUNCT_FOLD) for x in (left, name, right))
    n = _key(name) or name
    f = ["bias", "q" if quoted else "uq"]
    L = len(n)
    f.append("len:" + (str(L) if L <= 8 else "9-12" if L <= 12 else "13-20" if L <= 20 else "21+"))
    for k in (1, 2, 3):
        for i in range(len(n) - k + 1):
            f.append(f"c{k}:{n[i:i + k]}")
    f += ["first:" + n[:1], "last:" + n[-1:], "last2:" + n[-2:], "first2:" + n[:2]]
    nums = sum(ch in _NUMERALS for ch in n)
    if _has_lead_numeral(n):
        f.append("leadnum")
        if L <= 6:
            f.append("leadnum_short")
    if nums >= 2:
        f.append("nums2+")
    if re.search("[0-9]", n):
        f.append("digit")
    if re.fullmatch("[0-9+]+[A-Za-z0-9+]*", n):
        f.append("digitcode")
    if re.search("[A-Za-z]", n) and not re.search("[" + _CJK + "]", n):
        f.append("latin_only")
    if re.match("[一二三四五六七八九十两双][^一二三四五六七八九十两双]{1,3}[一二三四五六七八九十两双]", n):
        f.append("numXnumY")
    if "个" in n[1:3] and _has_lead_numeral(n):
        f.append("numge")
    seps = len(re.findall("[、,，]", name))
    f.append("seps:" + str(min(seps, 3)))
    if re.search("[·•.]", name):
        f.append("dot")
    if re.search("[‘’“”]", name):
        f.append("innerquote")
    if _SPEECH_PUNCT.search(name):
        f.append("speechpunct")
    if re.search("[我你他她咱]|我们|大家", name):
        f.append("pronoun")
    if "的" in n:
        f.append("de_inside")
    segs = [s for s in re.split("[、,，]", name) if s]
    if len(segs) >= 2:
        lens = {len(s) for s in segs}
        f.append("parallel_same" if len(lens) == 1 else "parallel_mixed")
        if all(len(s) <= 3 for s in segs):
            f.append("parallel_short")
        if len({s[-2:] for s in segs}) == 1:
            f.append("parallel_same_head")
        if len({s[:2] for s in segs}) == 1:
            f.append("parallel_same_lead")
    for sfx in ("工程", "行动", "活动", "机制", "竞赛", "大赛", "杯", "号", "之家", "小家", "年",
                "驿站", "书屋", "工作室", "岗", "共建", "带工建", "服务站", "计划", "改革", "模式"):
        if n.endswith(sfx):
            f.append("sfx:" + sfx)
            break
    if n in _surface_index() or _key(n) in _surface_index():
        f.append("lexicon")
    # left context
    l = left[-8:]
    f += ["L1:" + l[-1:], "L2:" + l[-2:]]
    for v in ("开展", "实施", "推进", "创建", "评选", "深化", "落实", "按照", "围绕", "建立", "打造",
              "争创", "启动", "举办", "推行", "坚持", "树立", "形成", "成为", "培养成", "当好",
              "争当", "称为", "被誉为", "说", "表示", "认为", "提出", "获评", "命名", "荣获", "授予",
              "以", "通过", "建设", "的", "是", "做"):
        if l.endswith(v):
            f.append("Lend:" + v)
    for v in ("开展", "实施", "推进", "创建", "评选", "深化", "落实"):
        if v in l:
            f.append("Lwin:" + v)
            break
    # right context
    r = right[:6]
    f += ["R1:" + r[:1], "R2:" + r[:2]]
    for h in ("活动", "工程", "行动", "要求", "工作机制", "机制", "工作", "竞赛", "建设", "品牌",
              "创建", "标准", "目标", "模式", "主题", "精神", "的", "组织", "领域", "群体", "企业",
              "作用", "理念", "格局", "局面", "思路", "原则", "方针", "总基调", "为", "和", "、",
              "等", "。", "，", ",", "称号", "荣誉", "大讲堂", "专栏", "服务", "阵地", "推荐"):
        if r.startswith(h):
            f.append("Rstart:" + h)
    for h in ("理念", "格局", "局面", "思路", "方针", "总基调", "精神", "氛围", "活动", "行动",
              "工程", "竞赛", "机制", "大赛", "要求", "原则", "目标"):
        if h in r:
            f.append("Rwin:" + h)
            break
    if l[-1:] in "”’」』\"":
        f.append("L:quote")
    return f


class CampaignClassifier:
    """Logistic regression over :func:`candidate_features`, stored as a feature→weight table.

    Follows scikit-learn's estimator conventions: parameters are set in ``__init__`` only,
    fitted attributes (``weights_``, ``intercept_``) only by :meth:`fit` (or restored by
    :meth:`from_json`), and ``predict``/``predict_proba``/``decision_function`` take a batch
    (a list of feature lists) and return one value per row. ``fit`` uses scikit-learn
    (``DictVectorizer`` + ``LogisticRegression``); prediction is a plain weighted sum, so the
    shipped ``classifier.json`` loads and predicts with the standard library alone.
    """

    #: the parameters, in ``__init__`` order (``get_params``/``set_params``/JSON round trip)
    PARAMS = ("C", "threshold", "min_weight")

    def __init__(self, C: float = 1.0, threshold: float = 0.5, min_weight: float = 1e-3):
        self.C = C
        self.threshold = threshold
        self.min_weight = min_weight

    def get_params(self, deep: bool = True) -> dict:
        return {k: getattr(self, k) for k in self.PARAMS}

    def set_params(self, **params) -> "CampaignClassifier":
        for k, v in params.items():
            if k not in self.PARAMS:
                raise ValueError(f"invalid parameter {k!r} for CampaignClassifier")
            setattr(self, k, v)
        return self

    def fit(self, X: list, y: list) -> "CampaignClassifier":
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        dv = DictVectorizer()
        M = dv.fit_transform([{k: 1 for k in feats} for feats in X])
        lr = LogisticRegression(C=self.C, max_iter=2000, class_weight="balanced")
        lr.fit(M, y)
        names = dv.get_feature_names_out()
        self.weights_ = {str(nm): round(float(w), 4) for nm, w in zip(names, lr.coef_[0])
                         if abs(w) >= self.min_weight}
        self.intercept_ = float(lr.intercept_[0])
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "weights_"):
            raise NotFitted("this CampaignClassifier is not fitted yet: call fit() or from_json()")

    def decision_function(self, X: list) -> list:
        """The linear score of each row (feature list)."""
        self._check_fitted()
        w, b = self.weights_, self.intercept_
        return [b + sum(w.get(k, 0.0) for k in set(feats)) for feats in X]

    def predict_proba(self, X: list) -> list:
        """``[P(not a campaign), P(campaign)]`` for each row."""
        out = []
        for z in self.decision_function(X):
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            out.append([1.0 - p, p])
        return out

    def predict(self, X: list) -> list:
        """True for each row whose campaign probability reaches ``threshold``."""
        return [p >= self.threshold for _, p in self.predict_proba(X)]

    def to_json(self) -> str:
        self._check_fitted()
        return json.dumps({"model": "logistic-regression", "features": "candidate_features/v1",
                           **self.get_params(), "intercept": self.intercept_,
                           "weights": self.weights_}, ensure_ascii=False, sort_keys=True, indent=0)

    @classmethod
    def from_json(cls, data: str) -> "CampaignClassifier":
        d = json.loads(data)
        defaults = cls().get_params()
        clf = cls(**{k: d.get(k, defaults[k]) for k in cls.PARAMS})
        clf.weights_ = {k: float(v) for k, v in d["weights"].items()}
        clf.intercept_ = float(d["intercept"])
        return clf


@functools.lru_cache(maxsize=4)
def load_classifier(path: Optional[str] = None) -> CampaignClassifier:
    """The shipped classifier (``resources/campaigns/classifier.json``) or one at ``path``."""
    data = pathlib.Path(path).read_text(encoding="utf-8") if path else \
        resources.read_text("campaigns", "classifier.json")
    return CampaignClassifier.from_json(data)


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


def _entry_for(name: str) -> Optional[LexiconEntry]:
    idx = _surface_index()
    return idx.get(name) or idx.get(_key(name))


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
