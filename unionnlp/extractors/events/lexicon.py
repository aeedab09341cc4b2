"""The words of practice events, read once from ``resources/events/``.

``frames.tsv`` maps action verbs and frames to actions by where they stand relative to the
campaign (before, after, object of 把/将, around, money later in the sentence); ``cues.tsv``
holds the small closed word classes that shape an event around its verb (modifiers of
continuity, prepositions, joiners of coordinated actors …). See that folder's README.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ... import resources

__all__ = ["ACTIONS", "POSITIONS", "CUE_KINDS", "Lexicon", "lexicon", "alternation"]

#: the actions of EVENTS.md
ACTIONS = ("launch", "promote", "commend", "learn", "inspect", "fund")
#: where a frame's cue stands relative to the campaign
POSITIONS = ("before", "after", "object", "around", "money")
#: the kinds of ``cues.tsv``
CUE_KINDS = ("continuity", "preposition", "under", "call", "joiner", "passive", "own", "nonorg",
             "source", "practice", "money", "head", "adopt",
             "reading", "anaphor_det", "anaphor_head", "manner")


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (so 推进会 wins over 推进)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The compiled frames and cue classes."""

    #: position → {cue: action}
    frames: dict
    #: kind → frozenset of words
    cues: dict
    #: position → compiled alternation of its cues (around: of the left parts)
    patterns: dict
    #: around frames: left part → [(right part, action)]
    around: dict
    #: before-verbs with a smaller gap than the default: cue → characters
    gaps: dict

    def action(self, position: str, cue: str) -> str:
        return self.frames[position][cue]

    def words(self, kind: str) -> frozenset:
        return self.cues.get(kind, frozenset())

    def pattern(self, kind: str) -> re.Pattern:
        """A compiled alternation of one cue class (cached)."""
        return self.regex(f"<{kind}>")

    def regex(self, template: str) -> re.Pattern:
        """A compiled regex with ``<kind>`` standing for the alternation of a cue class and
        ``<@position>`` for the cues of a frame position (``"<continuity>[地并]?$"``), cached."""
        return _compiled(self, template)


#: the templates are literals of the code (a few dozen at most): the compiled patterns are a
#: per-process resource like the lexicon, not a per-text cache (a bounded size keeps them
#: loaded when per-text caches are emptied)
@functools.lru_cache(maxsize=64)
def _compiled(lex: Lexicon, template: str) -> re.Pattern:
    def words(m: re.Match) -> str:
        if m.group(1):  # <@after>: the cues of a frame position
            return "(?:%s)" % lex.patterns[m.group(2)].pattern
        return "(?:%s)" % (alternation(lex.words(m.group(2))) or "(?!)")

    return re.compile(re.sub(r"<(@?)(\w+)>", words, template))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (``resources/events/frames.tsv`` and ``cues.tsv``)."""
    frames: dict = {p: {} for p in POSITIONS}
    around: dict = {}
    gaps: dict = {}
    for row in resources.read_table("events", "frames.tsv"):
        action, position, cue = row["action"].strip(), row["position"].strip(), row["cue"].strip()
        if action not in ACTIONS or position not in POSITIONS or not cue:
            raise ValueError(f"events/frames.tsv: bad row {row}")
        if position == "around":
            left, sep, right = cue.partition("…")
            if not (sep and left and right):
                raise ValueError(f"events/frames.tsv: an around frame needs left…right: {cue}")
            around.setdefault(left, []).append((right, action))
            frames[position][cue] = action
        else:
            frames[position][cue] = action
            if (row.get("gap") or "").strip():
                gaps[cue] = int(row["gap"])
    cues: dict = {}
    for row in resources.read_table("events", "cues.tsv"):
        kind, cue = row["kind"].strip(), row["cue"].strip()
        if kind not in CUE_KINDS or not cue:
            raise ValueError(f"events/cues.tsv: bad row {row}")
        cues.setdefault(kind, set()).add(cue)
    patterns = {p: re.compile(alternation(frames[p]) or r"(?!)") for p in POSITIONS
                if p != "around"}
    patterns["around"] = re.compile(alternation(around) or r"(?!)")
    return Lexicon(frames={p: dict(v) for p, v in frames.items()},
                   cues={k: frozenset(v) for k, v in cues.items()},
                   patterns=patterns, around={k: list(v) for k, v in around.items()},
                   gaps=gaps)
