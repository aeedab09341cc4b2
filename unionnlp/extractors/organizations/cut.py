"""jieba's accurate cut with HMM, for the short windows before an organization's head.

The rules segment the few characters before every head (:func:`.rules._left_start`), a new
window per head, so the fixed cost of :meth:`jieba.Tokenizer.lcut` (its generators, the block
split, the DAG dict) dominates. :func:`window_words` gives the same words for a run of CJK
characters (one jieba block) with that work done in one loop: the same dictionary, the same
route scores computed in the same order (so ties break the same way) and the same HMM
fallback (:func:`jieba.finalseg.cut`) for runs of single characters. Any other text goes to
:func:`unionnlp.extractors.segmenter.words`.
"""
from __future__ import annotations

import functools
import re
from math import log

from unionnlp.extractors import segmenter

__all__ = ["window_words"]

#: one jieba block made of CJK characters only (jieba's ``re_han_default`` without the
#: letters, digits and symbols, which take jieba's other paths)
_PURE_HAN = re.compile("[\u4E00-\u9FD5]+")


_NO_SCORE = float("-inf")


def window_words(text: str, hmm: bool = True) -> list:
    """``segmenter.words(text, hmm)``, faster for short CJK windows; a list of its own."""
    if not isinstance(text, str) or len(text) <= 1 or _PURE_HAN.fullmatch(text) is None:
        return segmenter.words(text, hmm=hmm)
    return list(_cut(text, segmenter.state(), bool(hmm)))


@functools.lru_cache(maxsize=16384)
def _cut(s: str, state, hmm: bool = True) -> tuple:
    """jieba's ``__cut_DAG`` (``hmm``) or ``__cut_DAG_NO_HMM`` of a CJK-only ``s`` (``state``:
    the dictionary's fingerprint, ``segmenter.state()``, read by the caller, so words added to
    or deleted from jieba's dictionary start a new cache entry)."""
    dt = segmenter.dictionary()
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
