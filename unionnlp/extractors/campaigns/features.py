"""Features of a campaign candidate in its context, for a linear classifier.

:func:`candidate_features` turns a candidate name and the characters just outside it into
sparse binary features (strings): character n-grams of the name, its form (leading numeral,
parallel parts, suffix heads), lexicon membership, and the words of its context (the verbs
that run a program on the left, head nouns such as 活动/工程/要求/机制 on the right).
"""
from __future__ import annotations

import re

from .lexicon import surface_index, surface_key as _key

__all__ = ["candidate_features", "NUMERALS", "SPEECH_PUNCT", "CJK"]

#: numerals that open a numbered slogan (三X两Y, 42101)
NUMERALS = "一二三四五六七八九十两双百千万零〇0123456789"
#: the CJK block of names
CJK = "\u4e00-\u9fff"
#: punctuation that makes a quote a sentence or a speech fragment
SPEECH_PUNCT = re.compile("[。！？!?；;：:…]")
_NUMERALS, _CJK, _SPEECH_PUNCT = NUMERALS, CJK, SPEECH_PUNCT

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
    if n in surface_index() or _key(n) in surface_index():
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
