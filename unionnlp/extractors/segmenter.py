"""jieba for the extractors: quiet, initialised once, and never modified.

The extractors read word boundaries and part-of-speech tags from jieba's own dictionary
(:func:`words` / :func:`dictionary`), so they give the same results whether or not a spaCy
pipeline is loaded. The spaCy pipeline segments with a private :class:`jieba.Tokenizer`
(:func:`private_tokenizer`) that also knows the campaign names, so slogans stay whole as
tokens without touching jieba's global tokenizer that the user's own code may share.
"""
from __future__ import annotations

import functools
import re
import logging
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
        # jieba.lcut's fixed cost (see :mod:`unionnlp.extractors.organizations.cut`)
        from unionnlp.extractors.organizations.cut import _cut

        return list(_cut(text, state(), bool(hmm)))
    return list(_words(text, bool(hmm), state()))


#: one jieba block made of CJK characters only (as :mod:`.organizations.cut` reads it)
_PURE_HAN = re.compile("[\u4E00-\u9FD5]+")


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
