"""Word lists that steer the reading of figures, and the patterns built from them.

The words live in ``resources/statistics/stopwords.tsv``, one word and its role a line:
strip-left / strip-right (trimmed off a metric phrase), stop (ends a phrase read after a
figure), skip-context (page metadata before a figure), part-head (a count of the parts of a
text), skip-clause (site furniture anywhere in the clause: 为您分享 …), head (nouns that end a
counted item: 企业, 会员, 驿站 …), predicate-start (words after which a phrase is a
predicate, not a noun phrase) and single-noun (one-character nouns a figure may count: 村).
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from unionnlp import resources
from unionnlp.extractors import segmenter

CJK = "\u4e00-\u9fff"


def alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (longest first, escaped)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def role_words(filename: str) -> dict:
    """role → words (longest first) of a ``word<TAB>role`` file in resources/statistics."""
    out: dict = {}
    for ln in resources.read_lines("statistics", filename):
        w, role = ln.split("\t")[:2]
        out.setdefault(role.strip(), []).append(w.strip())
    for k in out:
        out[k].sort(key=len, reverse=True)
    return out


@functools.lru_cache(maxsize=8192)
def seg(text: str) -> tuple:
    """jieba's words of ``text`` (its dictionary only, no HMM), segmented once per phrase: the
    same short phrase is read by several steps (metric cleaning, noun test, indicator)."""
    return tuple(segmenter.words(text, hmm=False))


def words() -> dict:
    """role → words (longest first) of ``stopwords.tsv``."""
    return role_words("stopwords.tsv")


#: a time expression at the start of a metric phrase (stripped off it)
_TIME_LEFT = (
    r"(?:截至|截止|到|至)?(?:\d{4}[ \t]*年?(?:年度|年底|年末|底|末|上半年|下半年|前|以来)?"
    r"|\d{1,2}[ \t]*月(?:底|末|份)?(?:\d{1,2}[ \t]*日)?|[今去上明本]年(?:年底|底|末|以来)?"
    r"|[一二两三四五六七八九十\d]{1,3}[ \t]*年(?:来|以来|间|内|中)?|年底前?|年末|年内)"
)

#: the base of a comparison at the start of a metric phrase (与2020年相比|净增…)
_COMPARISON_LEFT = r"(?:与|和|同|比|较)(?:\d{4}[ \t]*年(?:底|末)?|上年|去年|上一年度?|同期)(?:同期)?(?:相比|同期|相较)?"


@functools.lru_cache(maxsize=1)
def patterns() -> dict:
    w = words()
    return {
        "strip_left": re.compile(
            rf"^(?:[ \t\n,，、：:（(]|{_TIME_LEFT}|{_COMPARISON_LEFT}|(?:{alt(w['strip-left'])})"
            rf"|[{CJK}]{{0,10}}总工会|[{CJK}]{{1,6}}?期间|[{CJK}]{{2,4}}?(?:省|市|县|区)(?![级委直属])(?=[{CJK}]{{2}}))"
        ),
        "strip_right": re.compile(rf"(?:[ \t\n]|{alt(w['strip-right'])})$"),
        "stop": re.compile(rf"{alt(w['stop'])}|[，,。；;：:！!？?、\n（(\d]"),
        "skip_ctx": re.compile(rf"(?:{alt(w['skip-context'])})[^，,。；;！!？?\n]{{0,4}}$"),
        "skip_clause": re.compile(alt(w["skip-clause"])),
        "part_head": re.compile(rf"^(?:{alt(w['part-head'])})"),
        "part_tail": re.compile(rf"(?:{alt(w['part-tail'])})$"),
        "head": re.compile(alt(w["head"])),
        "predicate": re.compile(rf"^(?:{alt(w['predicate-start'])})"),
        # any predicate word anywhere: no hit, no word of a phrase can be one (skips segmenting)
        "predicate_any": re.compile(alt(w["predicate-start"])),
        "single_noun": re.compile(rf"^(?:{alt(w['single-noun'])})$"),
    }


@functools.lru_cache(maxsize=1)
def _strip_right_reach() -> int:
    """How far from the end a ``strip_right`` match can start: its longest word, and one more
    for a line break at the very end (``$`` matches before it)."""
    return max([1] + [len(x) for x in words()["strip-right"]]) + 1


def strip_right_search(p: str):
    """``patterns()["strip_right"].search(p)``, tried only where a match can start (the pattern
    ends at ``$``: a match starts within its longest word of the end)."""
    return patterns()["strip_right"].search(p, max(0, len(p) - _strip_right_reach()))
