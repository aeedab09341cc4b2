"""Features of a campaign candidate in its context, for a linear classifier.

:func:`candidate_features` turns a candidate name and the characters just outside it into
sparse binary features (strings): where the candidate came from (quoted, a verb frame, the
lexicon …), character n-grams of the name, its form (leading numeral, parallel parts, the head
noun it ends with), lexicon membership, and the words of its context (verbs that run or award
a program on the left, head nouns such as 活动/工程/要求/机制 or 称号 on the right, see
``resources/campaigns/frames.tsv``). Full-width and ASCII punctuation give the same features.
Genre shapes (numeral + measure word, the motto shape of unheaded parallel phrases, a known
name at the end) are preferred to word identities; what the whole page says about a name
(written again, quoted and bare, followed by a programme head) comes in through ``extra``
(:func:`~.document.document_features`).
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, Optional

from .grammar import CJK, NUMERALS, SPEECH_PUNCT, grammar
from .lexicon import entry_for, surface_index, surface_key
from .variants import is_place

__all__ = ["candidate_features", "candidate_feature_parts", "FEATURES_VERSION", "NUMERALS", "SPEECH_PUNCT", "CJK"]

#: the feature set a saved model was fitted on (models with another version are refused)
FEATURES_VERSION = "candidate_features/v4"

#: fold full-width punctuation to ASCII so features do not depend on the cleaner's choice
_PUNCT_FOLD = str.maketrans("，；：！？（）", ",;:!?()")
#: any character :data:`_PUNCT_FOLD` changes (a string without one is folded as it is)
_FOLDED = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_PUNCT_FOLD)) + "]")
_NUM = "一二三四五六七八九十两双"
#: level prefixes of a title (全国五一劳动奖章, 省职工体育先进县)
_LEVEL = ("全国", "省级", "市级", "县级", "区级", "省", "市", "县", "区", "州", "自治区")
_STRATEGY = re.compile("(?:兴|强|富|立)[" + CJK + "]$|带动$")
_DIGIT = re.compile("[0-9]")
_DIGITCODE = re.compile("[0-9+]+[A-Za-z0-9+]*")
_LATIN = re.compile("[A-Za-z]")
_HAS_CJK = re.compile("[" + CJK + "]")
#: a numeral and a measure word opening a short name: 三项合同, 四类人员, 十件实事 (a count of
#: things, or a numbered programme: the classifier weighs the rest)
_NUM_MEASURE = re.compile(f"[{_NUM}]+[项类种条件大张批道]")
_NUMXNUMY = re.compile(f"[{_NUM}][^{_NUM}]{{1,3}}[{_NUM}]")
_SEP = re.compile("[、,，]")
_DOTS = re.compile("[·•.]")
_QUOTES = re.compile("[‘’“”]")
_PRONOUN = re.compile("[我你他她咱]|我们|大家")


def _len_bucket(n: int) -> str:
    return str(n) if n <= 8 else "9-12" if n <= 12 else "13-20" if n <= 20 else "21+"


#: how many distinct names and contexts keep their features cached
FEATURE_CACHE = 50_000


def _common_word(word: str) -> bool:
    """Whether a word is in jieba's general dictionary (清雪, 建功立业: a common phrase, not a
    coined programme name)."""
    from ..segmenter import dictionary

    return dictionary().FREQ.get(word, 0) > 0


def _lexicon_tail(n: str):
    """The lexicon entry of the longest proper ending of ``n`` (at least 3 characters), or None."""
    idx = surface_index()  # ``n`` is a surface key, and so is each of its endings
    for k in range(1, len(n) - 2):
        e = idx.get(n[k:])
        if e is not None:
            return e
    return None


def _motto_shape(segs: list, n: str) -> bool:
    """A run of three or more short parallel phrases with no numeral, no common head and no
    head noun (围绕大局、服务群众、促进和谐): how a principle or a work motto is written; a
    programme's list shares its head (组织共建、队伍共建、阵地共建) or counts its parts."""
    if len(segs) < 3 or any(ch in NUMERALS for ch in n):
        return False
    if not all(2 <= len(x) <= 5 for x in segs):
        return False
    gr = grammar()
    if len({x[-2:] for x in segs}) == 1 or len({x[:1] for x in segs}) == 1:
        return False
    return not any(gr.head_of(x) for x in segs)


#: longest division name tried at the start of a name, and the shortest rest after it
MAX_PLACE_PREFIX = 8
MIN_AFTER_PLACE = 2


def _place_prefix(n: str) -> bool:
    """Whether ``n`` opens with a division name (蚌埠市, 江苏省, 锡林郭勒盟) and goes on."""
    if len(n) < 2 + MIN_AFTER_PLACE:
        return False
    return any(is_place(n[:k])
               for k in range(min(MAX_PLACE_PREFIX, len(n) - MIN_AFTER_PLACE), 1, -1))


@functools.lru_cache(maxsize=FEATURE_CACHE)
def _form(name: str, n: str) -> tuple:
    """Features of the name's shape."""
    f = ["len:" + _len_bucket(len(n))]
    f += ["c1:" + ch for ch in n]
    f += ["c2:" + n[i:i + 2] for i in range(len(n) - 1)]
    f += ["c3:" + n[i:i + 3] for i in range(len(n) - 2)]
    f += ["first:" + n[:1], "last:" + n[-1:], "last2:" + n[-2:], "first2:" + n[:2]]
    lead = bool(n) and n[0] in NUMERALS
    if lead:
        f.append("leadnum")
        if len(n) <= 6:
            f.append("leadnum_short")
    if sum(ch in NUMERALS for ch in n) >= 2:
        f.append("nums2+")
    if _DIGIT.search(n):
        f.append("digit")
        if _DIGITCODE.fullmatch(n):
            f.append("digitcode")
    if _LATIN.search(n) and not _HAS_CJK.search(n):
        f.append("latin_only")
    if _NUMXNUMY.match(n):
        f.append("numXnumY")
    if "个" in n[1:3] and lead:
        f.append("numge")
    if lead and _NUM_MEASURE.match(n):
        f.append("num_measure")
    segs = [s for s in _SEP.split(name) if s]
    f.append("seps:" + str(min(len(segs) - 1 if segs else 0, 3)))
    if _DOTS.search(name):
        f.append("dot")
    if _QUOTES.search(name):
        f.append("innerquote")
    if SPEECH_PUNCT.search(name):
        f.append("speechpunct")
    if _PRONOUN.search(name):
        f.append("pronoun")
    if "的" in n:
        f.append("de_inside")
    if len(segs) >= 2:
        f.append("parallel_same" if len({len(s) for s in segs}) == 1 else "parallel_mixed")
        if all(len(s) <= 3 for s in segs):
            f.append("parallel_short")
        if len({s[-2:] for s in segs}) == 1:
            f.append("parallel_same_head")
        if len({s[:2] for s in segs}) == 1:
            f.append("parallel_same_lead")
        if any(_STRATEGY.search(s) for s in segs):
            f.append("strategy_part")
        if _motto_shape(segs, n):
            f.append("motto_shape")
    gr = grammar()
    head = gr.head_of(n)
    if head:
        f += ["head:" + head, "headkind:" + gr.heads[head]]
        body = n[:-len(head)]
        f.append("body_len:" + _len_bucket(len(body)))
        if len(body) <= 2:
            f.append("head_short_body")
        if body and _common_word(body):
            f.append("body_common_word")
        if body and entry_for(body) is not None:
            f.append("body_lexicon")
    tail = _lexicon_tail(n)
    if tail:
        # a known name with words before it (江苏省示范性劳模创新工作室 ends in 劳模创新工作室)
        f.append("lex_tail")
        f.append("lex_tail_kind:" + tail.kind)
    if n.startswith(_LEVEL):
        f += ["level_prefix", "level_prefix:" + (gr.heads[head] if head else "none")]
    e = entry_for(n)
    if e is not None:
        f += ["lexicon", "lex:" + e.unquoted, "lexkind:" + e.kind]
    return tuple(f)


def _near_head(right: str) -> str:
    """The kind of the last head noun within the right context before a punctuation mark or
    a verb that runs or awards, after at least one other word (“项目高质量,勇夺双胜利”万名职工劳动竞赛: competition), or ''."""
    gr = grammar()
    lengths = gr.head_lengths
    kind = ""
    m = gr.frame_re.search(right)
    if m:
        right = right[:m.start()]  # a head after a verb (“外卖小哥”开展观影活动) is another phrase's
    for i in range(2, len(right) + 1):
        if not _HAS_CJK.match(right, i - 1):
            break
        for k in lengths:
            if k < i and right[i - k:i] in gr.heads:
                kind = gr.heads[right[i - k:i]]
                break
    return kind


@functools.lru_cache(maxsize=FEATURE_CACHE)
def _context(left: str, right: str, near: str = "") -> tuple:
    """Features of the words around the name (``near``: the kind of a head noun a little way
    to the right, see :func:`_near_head`)."""
    gr = grammar()
    f = ["Rnear:" + near] if near else []
    lw = left[-8:]
    f += ["L1:" + lw[-1:], "L2:" + lw[-2:]]
    f += ["Lend:" + v for v in gr.ends_with_cue(lw)]
    if gr.run_re.search(lw):
        f.append("Lwin:run")
    if gr.award_re.search(lw):
        f.append("Lwin:award")
    if lw[-1:] in "”’」』\"":
        f.append("L:quote")
    r = right[:6]
    f += ["R1:" + r[:1], "R2:" + r[:2]]
    f += ["Rstart:" + h for h in gr.starts_with_cue(r)]
    m = gr.window_re.search(r)
    if m:
        f.append("Rwin:" + m.group(0))
    return tuple(f)


def candidate_feature_parts(left: str, name: str, right: str, quoted: bool = True, *,
                            source: Optional[str] = None, extra: Iterable[str] = ()) -> tuple:
    """:func:`candidate_features` as tuples (source, name, context, extra); the name and
    context parts are shared between equal names and contexts, so a classifier can memoise
    their sums (:meth:`~.classifier.CampaignClassifier.score_parts`)."""
    # only the characters the context features read (left[-8:], right[:6]): shorter strings to
    # fold, and equal windows share one cache entry
    near = _near_head(right[:8])
    left, right = left[-8:], right[:6]
    if _FOLDED.search(left):
        left = left.translate(_PUNCT_FOLD)
    if _FOLDED.search(right):
        right = right.translate(_PUNCT_FOLD)
    if _FOLDED.search(name):
        name = name.translate(_PUNCT_FOLD)
    n = surface_key(name) or name
    src = source or ("quoted" if quoted else "frame")
    return (_source(src, quoted), _form(name, n), _context(left, right, near),
            tuple(extra) + (_quoted_place(n) if quoted else ()))


@functools.lru_cache(maxsize=FEATURE_CACHE)
def _quoted_place(n: str) -> tuple:
    """A quoted honour or brand at a division's level (“蚌埠市劳模创新工作室”, “福建省金牌工人”),
    not a person's or a unit's own (“张三劳模创新工作室”). Unquoted, such a title is a generic
    one (已创建某市职工创新工作室11个), so only quoted names get these features."""
    if not _place_prefix(n):
        return ()
    gr = grammar()
    head = gr.head_of(n)
    return ("place_prefix", "place_prefix:" + (gr.heads[head] if head else "none"))


@functools.lru_cache(maxsize=64)
def _source(src: str, quoted: bool) -> tuple:
    return ("bias", "q" if quoted else "uq", "src:" + src)


def candidate_features(left: str, name: str, right: str, quoted: bool = True, *,
                       source: Optional[str] = None, extra: Iterable[str] = ()) -> list:
    """Sparse binary features of a candidate name in its context (strings, for a linear model).

    ``left``/``right`` are the characters just outside the name (outer quotes excluded);
    ``source`` is the generator that proposed it (quoted, frame, lexicon, code, song, inner;
    by default quoted or frame after ``quoted``); ``extra`` are features only the generator
    knows (the frame verb, a list of quotes).
    """
    return [f for part in candidate_feature_parts(left, name, right, quoted, source=source,
                                                  extra=extra) for f in part]
