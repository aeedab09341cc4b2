"""The organization vocabulary (heads with their kind, fixed names, boundary words) and
:func:`org_kind`."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from unionnlp import resources
from unionnlp.extractors import segmenter


_CJK = re.compile(r"[\u3400-\u9fff]")
_STOP_POS = ("p", "c", "u", "r", "d", "m", "q", "t", "f", "y", "e", "o", "x", "w", "z")


@dataclass
class _Lex:
    auto: object
    suffix_kind: dict
    right_check: set
    vocab: dict
    tags: dict
    freq: dict
    false_re: re.Pattern
    source_res: list
    abbr_re: re.Pattern
    stop_words: frozenset
    body_ok: frozenset
    generic: frozenset
    determiners: tuple
    boundary: frozenset
    weak_heads: frozenset
    abbr_ok: frozenset
    unit_words: tuple
    name_prefixes: tuple
    level_words: dict
    deictic: frozenset
    town_words: frozenset
    proper_tags: frozenset
    legal_forms: frozenset
    trade_words: frozenset


@functools.lru_cache(maxsize=1)
def _lex() -> _Lex:
    import ahocorasick

    vocab = resources.read_json("organizations", "vocab.json")
    suffix_kind: dict[str, str] = {}
    right_check: set[str] = set()
    for line in resources.read_lines("organizations", "suffixes.tsv"):
        suf, kind, rc = (line.split("\t") + ["", "0"])[:3]
        suffix_kind[suf] = kind
        if rc.strip() == "1":
            right_check.add(suf)
    auto = ahocorasick.Automaton()
    for suf, kind in suffix_kind.items():
        auto.add_word(suf, ("suffix", suf, kind))
    for name in vocab["media_names"]:
        auto.add_word(name, ("name", name, "media"))
    for name, kind in vocab["national_orgs"].items():
        auto.add_word(name, ("name", name, kind))
    auto.make_automaton()
    false_words = sorted(vocab["false_suffix_words"], key=len, reverse=True)
    abbr = sorted(vocab["abbreviations"], key=len, reverse=True)
    return _Lex(
        auto=auto, suffix_kind=suffix_kind, right_check=right_check, vocab=vocab,
        tags=segmenter.tags(), freq=segmenter.dictionary().FREQ,
        false_re=re.compile("|".join(map(re.escape, false_words))),
        source_res=[re.compile(p, re.M) for p in vocab["source_patterns"]],
        abbr_re=re.compile("(?:" + "|".join(map(re.escape, abbr)) + ")"),
        stop_words=frozenset(vocab["stop_words"]), body_ok=frozenset(vocab["body_verbs_ok"]),
        generic=frozenset(vocab["generic_bodies"]),
        determiners=tuple(sorted(vocab["determiners"], key=len, reverse=True)),
        boundary=frozenset(vocab["boundary_chars"]),
        weak_heads=frozenset(vocab["weak_heads"]), abbr_ok=frozenset(vocab["abbr_words_ok"]), unit_words=tuple(vocab["unit_words"]),
        name_prefixes=tuple(vocab["name_prefixes"]),
        level_words=dict(vocab["abbr_level_words"]), deictic=frozenset(vocab["deictic_level"]),
        town_words=frozenset(vocab["town_words"]), proper_tags=frozenset(vocab["proper_tags"]),
        legal_forms=frozenset(vocab["legal_forms"]), trade_words=frozenset(vocab["trade_words"]),
    )


def org_kind(name: str) -> str:
    """Kind of an organization name from its head (union, party, government, enterprise, media,
    social, school, other)."""
    lx = _lex()
    if name in lx.vocab["national_orgs"]:
        return lx.vocab["national_orgs"][name]
    if name in lx.vocab["media_names"]:
        return "media"
    for k in range(min(len(name), 8), 0, -1):
        if name[-k:] in lx.suffix_kind:
            return lx.suffix_kind[name[-k:]]
    return "other"
