"""jieba for the extractors: quiet, initialised once, and never modified.

The extractors read word boundaries and part-of-speech tags from jieba's own dictionary
(:func:`words` / :func:`dictionary`), so they give the same results whether or not a spaCy
pipeline is loaded. The spaCy pipeline segments with a private :class:`jieba.Tokenizer`
(:func:`private_tokenizer`) that also knows the campaign names, so slogans stay whole as
tokens without touching jieba's global tokenizer that the user's own code may share.

The rules cut many short snippets (the few characters before every organization head, a
metric phrase, a campaign's context), so jieba's fixed cost per :meth:`jieba.Tokenizer.lcut`
call (its generators, the block split, the DAG dict) dominates. For a run of CJK characters
(one jieba block) :func:`words` gives the same words with that work done in one loop
(:func:`_cut_han`): the same dictionary, the same route scores computed in the same order (so
ties break the same way) and the same HMM fallback (:func:`jieba.finalseg.cut`) for runs of
single characters. Any other text goes to jieba itself.
"""
from __future__ import annotations

import functools
import logging
import re
from math import log
from typing import Iterable

__all__ = ["jieba", "words", "dictionary", "private_tokenizer", "state"]


def jieba():
    """The jieba module, with its start-up chatter ("Building prefix dict …") silenced."""
    import jieba as _jieba

    _jieba.setLogLevel(logging.WARNING)
    return _jieba


@functools.lru_cache(maxsize=1)
def dictionary():
    """jieba's default tokenizer, initialised: ``.FREQ`` (word → frequency) and, through
    :mod:`jieba.posseg`, the tag table (:func:`tags`)."""
    j = jieba()
    j.initialize()
    return j.dt


@functools.lru_cache(maxsize=1)
def tags() -> dict:
    """word → part-of-speech tag from jieba's dictionary."""
    dictionary()
    import jieba.posseg as pseg

    return pseg.dt.word_tag_tab


def words(text: str, hmm: bool = True) -> list:
    """jieba's words of ``text`` (the default dictionary, unchanged by unionnlp).

    The extractors ask for the words of short snippets, often the same ones (市, 企业, a
    clause read by two rules): each snippet is cut once (:func:`_words`), and a single
    character, which jieba always returns as itself, is not handed to jieba at all. The
    caller gets a list of its own."""
    if not isinstance(text, str):
        return dictionary().lcut(text, HMM=hmm)
    if len(text) <= 1:
        return [text] if text else []
    # the dictionary's state is in the key: a word the user's own code adds to or deletes from
    # jieba's global dictionary changes it, and the snippets are cut anew
    if _PURE_HAN.fullmatch(text) is not None:
        # one jieba block of CJK characters: the same words from the same route scores without
        # jieba.lcut's fixed cost (:func:`_cut_han`)
        return list(_cut_han(text, state(), bool(hmm)))
    return list(_words(text, bool(hmm), state()))


#: one jieba block made of CJK characters only (jieba's ``re_han_default`` without the
#: letters, digits and symbols, which take jieba's other paths)
_PURE_HAN = re.compile("[\u4E00-\u9FD5]+")

_NO_SCORE = float("-inf")


def state() -> tuple:
    """A cheap fingerprint of jieba's global dictionary: ``add_word`` raises the total (or adds
    a word), ``del_word`` (frequency 0, total unchanged) adds the word to the forced splits."""
    dt = dictionary()
    return dt.total, len(dt.FREQ), len(_forced_splits())


@functools.lru_cache(maxsize=1)
def _forced_splits():
    """jieba's set of words that ``del_word`` forces apart (the set object itself, which jieba
    changes in place)."""
    from jieba import finalseg

    return getattr(finalseg, "Force_Split_Words", ())


@functools.lru_cache(maxsize=16384)
def _words(text: str, hmm: bool, _state) -> tuple:
    return tuple(dictionary().lcut(text, HMM=hmm))


def private_tokenizer(extra_words: Iterable[str] = ()):
    """A new :class:`jieba.Tokenizer` over the default dictionary plus ``extra_words``."""
    j = jieba()
    tok = j.Tokenizer()
    tok.initialize()
    for w in extra_words:
        tok.add_word(w)
    return tok


@functools.lru_cache(maxsize=16384)
def _cut_han(s: str, state, hmm: bool = True) -> tuple:
    """jieba's ``__cut_DAG`` (``hmm``) or ``__cut_DAG_NO_HMM`` of a CJK-only ``s`` (``state``:
    the dictionary's fingerprint, :func:`state`, read by the caller, so words added to
    or deleted from jieba's dictionary start a new cache entry)."""
    dt = dictionary()
    freq = dt.FREQ
    lf = _log_freqs(state)
    alone = log(1) - lf[None]
    n = len(s)
    # route[k] = (score, end index of the first word) of the best path from k (jieba's calc:
    # max over the DAG's ends x of (log(freq or 1) - logtotal + route[x + 1][0], x))
    score = [0.0] * (n + 1)
    nxt = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        best = _NO_SCORE
        bx = -1
        i = k
        frag = s[k]
        while i < n and frag in freq:
            w = lf.get(frag)
            if w is None:
                f = freq[frag]
                w = lf[frag] = log(f) - lf[None] if f else False
            if w is not False:
                sc = w + score[i + 1]
                if sc >= best:  # (ends grow: on a tie the longer word wins, as in jieba's max)
                    best, bx = sc, i
            i += 1
            frag = s[k:i + 1]
        if bx < 0:  # no word starts here: the character alone, of frequency 0 or
            # unknown, counted as 1 (log 1 - logtotal, computed once as ``alone``)
            best, bx = alone + score[k + 1], k
        score[k], nxt[k] = best, bx
    out = []
    if not hmm:  # (no letters in ``s``: every word of the route as it is)
        x = 0
        while x < n:
            y = nxt[x] + 1
            out.append(s[x:y])
            x = y
        return tuple(out)
    buf = ""
    x = 0
    while x < n:
        y = nxt[x] + 1
        if y - x == 1:
            buf += s[x]
        else:
            if buf:
                _flush(buf, freq, out)
                buf = ""
            out.append(s[x:y])
        x = y
    if buf:
        _flush(buf, freq, out)
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _log_freqs(state) -> dict:
    """word -> ``log(freq) - log(total)`` as jieba's calc computes it (False for a prefix
    entry of frequency 0), filled as words are met; the key None holds ``log(total)``
    (``state[0]`` is the total; a new state starts an empty table)."""
    return {None: log(state[0])}


def _flush(buf: str, freq: dict, out: list) -> None:
    if len(buf) == 1:
        out.append(buf)
    elif not freq.get(buf):
        from jieba import finalseg

        out.extend(finalseg.cut(buf))
    else:
        out.extend(buf)
