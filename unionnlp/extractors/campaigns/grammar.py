"""The words around campaign names (``resources/campaigns/frames.tsv``), loaded once.

Roles: ``run`` (verbs that run or promote a program: 开展, 实施, 推进, 创建 …), ``award`` (verbs
that name or award an honour: 命名, 授予, 评选, 荣获 …), ``title_tail`` (称号, 荣誉), ``head``
(nouns that end a name, with the kind they give: 驿站, 之家, 工程, 行动, 竞赛, 号, 奖 …),
``cue_left``/``cue_right`` (context words the classifier weighs), ``clause`` (prepositions and
verbs that make a span a clause, not a name: 按照, 通过, 实现), ``verb_end`` (complements that end
a verb phrase: 起来, 下去), ``left_stop`` (verbs that open a list of names and are never part of
one: 分为, 包括), ``category`` (heads after a quote that make it a label of a group: “两新”组织), ``motto``
(heads that make it a motto or principle: 理念, 格局, 战略) and ``generic`` (modifiers that do
not make a 行动/工程 a proper name: 专项, 重点, 系列 …).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from unionnlp import resources

__all__ = ["Grammar", "grammar", "CJK", "NUMERALS", "SPEECH_PUNCT"]

#: the CJK block of names
CJK = "\u4e00-\u9fff"
#: numerals that open a numbered slogan (三X两Y, 42101)
NUMERALS = "一二三四五六七八九十两双百千万零〇0123456789"
#: punctuation that makes a quote a sentence or a speech fragment
SPEECH_PUNCT = re.compile("[。！？!?；;：:…]")


@dataclass(frozen=True, eq=False)
class Grammar:
    run: tuple
    award: tuple
    title_tail: tuple
    heads: dict  # head noun → kind
    award_heads: frozenset  # heads that end a name only after an award verb (金牌工人)
    head_words: tuple  # head nouns, longest first
    category: tuple
    motto: tuple
    generic: frozenset
    cue_left: tuple  # words before a name the classifier weighs (verbs included)
    cue_right: tuple  # words after a name the classifier weighs
    cue_window: tuple  # words anywhere in the right-hand window the classifier weighs
    kind_suffix: tuple  # (ending, kind) for names without a head noun, longest first
    generic_head: tuple  # generic heads a known name may carry (安康杯竞赛), longest first
    not_tail: dict  # ending → what it makes a name instead (event, venue, team, platform)
    frame_re: re.Pattern  # a run or award verb; group "award" set for award verbs
    motto_re: re.Pattern  # right context that makes a quote a motto (的理念, 工作格局)
    clause_re: re.Pattern = re.compile("(?!)")  # prepositions and clause verbs inside a span
    verb_end: tuple = ()  # resultative complements that end a verb phrase (建起来, 坚持下去)
    left_stop_re: re.Pattern = re.compile("(?!)")  # verbs that open a list of names (分为, 包括)
    contest_tail: tuple = ()  # endings of a contest's own name (“状元杯”)
    contest_re: re.Pattern = re.compile("(?!)")  # a contest noun closely after such a name (…技能大赛)

    @functools.cached_property
    def run_re(self) -> re.Pattern:
        return re.compile(_alt(self.run))

    @functools.cached_property
    def award_re(self) -> re.Pattern:
        return re.compile(_alt(self.award))

    @functools.cached_property
    def window_re(self) -> re.Pattern:
        return re.compile(_alt(self.cue_window))

    def not_a_campaign(self, name: str) -> str:
        """What a name's ending makes it instead of a campaign ('' when nothing)."""
        if name[-1:] not in self._ends["not_tail"]:
            return ""  # (no ending ends with this character)
        for k in range(min(len(name), 5), 0, -1):
            hit = self.not_tail.get(name[-k:])
            if hit:
                return hit
        return ""

    def kind_of(self, name: str) -> str:
        """The kind a name's ending gives ('' when none does)."""
        h = self.head_of(name)
        if h:
            return self.heads[h]
        for sfx, kind in self.kind_suffix:
            if name.endswith(sfx):
                return kind
        return ""

    def head_of(self, name: str) -> str:
        """The head noun a name ends with, the longest ('' when none)."""
        if name[-1:] not in self._ends["head"]:
            return ""  # (no head noun ends with this character)
        for k in range(min(len(name), len(self.head_words[0]) if self.head_words else 0), 0, -1):
            if name[-k:] in self.heads:
                return name[-k:]
        return ""

    def ends_with_cue(self, left: str) -> list:
        """The left cues ``left`` ends with."""
        cues, lengths = self._cue_index["left"]
        n = len(left)
        return [left[-k:] for k in lengths.get(left[-1:], ()) if k <= n and left[-k:] in cues]

    def starts_with_cue(self, right: str) -> list:
        """The right cues ``right`` starts with."""
        cues, lengths = self._cue_index["right"]
        n = len(right)
        return [right[:k] for k in lengths.get(right[:1], ()) if k <= n and right[:k] in cues]

    @functools.cached_property
    def head_lengths(self) -> tuple:
        """The lengths of the head nouns, longest first (read once)."""
        return tuple(sorted({len(h) for h in self.heads}, reverse=True))

    @functools.cached_property
    def _ends(self) -> dict:
        """The last characters of the head nouns and of the not-a-campaign endings: a name
        whose last character is not among them has none (the look-ups are skipped)."""
        return {"head": frozenset(h[-1] for h in self.heads if h),
                "not_tail": frozenset(t[-1] for t in self.not_tail if t)}

    @functools.cached_property
    def _cue_index(self) -> dict:
        """side → (set of cues, edge character → the lengths of the cues with that edge, shortest
        first): the last character for the left cues, the first for the right ones."""
        out = {}
        for side, words, edge in (("left", self.cue_left, -1), ("right", self.cue_right, 0)):
            lengths: dict = {}
            for w in set(words):
                if w:
                    lengths.setdefault(w[edge], set()).add(len(w))
            out[side] = (frozenset(words), {c: tuple(sorted(ks)) for c, ks in lengths.items()})
        return out

def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _lead(words) -> str:
    """A look-ahead for the first characters of ``words``, put before the frame verbs'
    alternation: the engine then skips at once every position no verb starts at (it does so
    by itself for a plain alternation, not for one of named groups; the matches are the same)."""
    firsts = sorted({w[0] for w in words if w})
    if not firsts:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in firsts) + "])"


#: the most characters between a contest's quoted name and its contest noun (“状元杯”职工技能大赛)
MAX_CONTEST_GAP = 10


@functools.lru_cache(maxsize=1)
def grammar() -> Grammar:
    rows: dict = {}
    heads: dict = {}
    award_heads: set = set()
    kind_suffix: dict = {}
    not_tail: dict = {}
    for line in resources.read_lines("campaigns", "frames.tsv"):
        parts = line.split("\t")
        if len(parts) < 2 or not parts[1].strip():
            continue
        role, word = parts[0].strip(), parts[1].strip()
        rows.setdefault(role, []).append(word)
        kind = (parts[2].strip() if len(parts) > 2 else "") or "program"
        if role == "head":
            heads[word] = kind
            if len(parts) > 3 and parts[3].strip() == "award":
                award_heads.add(word)
        elif role == "kind_suffix":
            kind_suffix[word] = kind
        elif role == "not_tail":
            not_tail[word] = kind
    run, award = tuple(rows.get("run", ())), tuple(rows.get("award", ()))
    lead = _lead(award + run) if award and run else ""  # (an empty list matches anywhere)
    frame_re = re.compile(f"{lead}(?:(?P<award>{_alt(award)})|(?P<run>{_alt(run)}))")
    motto = tuple(rows.get("motto", ()))
    motto_re = re.compile(f"^(?:的?[{CJK}]{{0,2}}?(?:{_alt(motto)})|{_alt(rows.get('motto_start', ()))})")
    return Grammar(run=run, award=award, title_tail=tuple(rows.get("title_tail", ())),
                   heads=heads, award_heads=frozenset(award_heads), head_words=tuple(sorted(heads, key=len, reverse=True)),
                   category=tuple(rows.get("category", ())), motto=motto,
                   generic=frozenset(rows.get("generic", ())),
                   cue_left=tuple(dict.fromkeys((*run, *award, *rows.get("cue_left", ())))),
                   cue_right=tuple(dict.fromkeys(rows.get("cue_right", ()))),
                   cue_window=tuple(rows.get("cue_window", ())),
                   kind_suffix=tuple(sorted(kind_suffix.items(), key=lambda kv: -len(kv[0]))),
                   generic_head=tuple(sorted(rows.get("generic_head", ()), key=len, reverse=True)),
                   not_tail=not_tail, frame_re=frame_re,
                   motto_re=motto_re,
                   clause_re=re.compile(_alt(rows.get("clause", ())) or "(?!)"),
                   verb_end=tuple(rows.get("verb_end", ())),
                   left_stop_re=re.compile(_alt(rows.get("left_stop", ())) or "(?!)"),
                   contest_tail=tuple(rows.get("contest_tail", ())),
                   contest_re=re.compile(
                       f"^[{CJK}]{{0,{MAX_CONTEST_GAP}}}?(?:{_alt(rows.get('contest_word', ()))})"
                       if rows.get("contest_word") else "(?!)"))
