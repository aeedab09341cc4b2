"""Who acts: the subject organizations of an event's verb.

The sentence before the verb is read clause by clause. A run of organization mentions joined
by 、/和/与/联合 … is one *group* (市委组织部、市总工会联合召开 → two actors); a group is the
subject unless a preposition stands before it (在, 向, 据, 从, 深入, 践行 …), a count or 各 makes
it a set of unnamed bodies (携手7个街道总工会), it stands inside the 在-phrase of a subject before
it (某工会在某行职工驿站开展…), a word after it makes it a
modifier (市委的, 县委领导下, …获悉), or a verb of calling makes it the addressee (要求各级工会…,
组织基层工会干部… leave the calling body the actor). The last subject group before the verb
acts. A clause that begins with a place or a collective that is no organization (扬州自2012年,
全市上下, 该区) gives the event no actor, one that begins with the body's own units (各级工会,
全市工会) the article's own body, one that begins with a short union name (集群工会) the one
organization of the text it abbreviates. A clause with no subject at all continues the subject
of the clauses before it in its sentence, and a sentence without any is the article's own
body's statement: the organization its headline begins with, else the first union that is a
subject in its lead, else the first other public body (party, government) that is. The owner
written before a programme with 的 carries it out (X的“Y”活动已连续开展 → X, :meth:`Actors.owner`).
A relative clause has its subject right before its verb (学府街社区建立的“四点半学校”: no organization, no actor). A body joined
to what a frame word governs earlier in its clause (按照《…》和区委、区政府…要求) is part of that
frame, not a subject; a clause after a call (会议要求，各地要…) that names no organization leaves
the caller the actor.
"""
from __future__ import annotations

import itertools
import re
from typing import Optional

from .layout import ORG_MASK, Layout
from .lexicon import Lexicon

__all__ = ["Actors", "NO_ACTOR", "LEAD_SENTENCES", "MIN_LEAD_CHARS"]

#: the lead: how many body sentences may name the article's own body
LEAD_SENTENCES = 3
#: a lead sentence is prose, not a navigation line: at least this long
MIN_LEAD_CHARS = 20
#: kinds of organization that can be an article's own body
BODY_KINDS = ("union", "party", "government")
#: the kind of body a union page is told by: a union in the lead is the article's own body before
#: a party or government body named there (市委常委、市总工会主席某某 names two bodies in one
#: person's titles; the union is the one whose news it is)
_OWN_FIRST = ("union",)
#: an organization kind that reports rather than acts
_REPORTERS = ("media",)
#: characters read before an organization for a preposition or a calling verb
_LEFT_CONTEXT = 4
#: characters before the verb of a relative clause where its subject is written
_RELATIVE_SUBJECT = 4
#: a verb of going and a short unnamed prefix of the organization after it (赴中车某公司):
#: the organization is where someone goes; read this many characters before it
_DESTINATION = re.compile(r"(?:赴|前往|来到|走进)[\u4e00-\u9fff]{0,3}$")
_DESTINATION_REACH = 7
#: characters read after an organization for a word that makes it a modifier
_RIGHT_CONTEXT = 5

#: a time or place adverbial between a subject and its verb (在…期间, 于2020年, 近年来)
_FRAMED = re.compile(r"\s*(?:(?:在|于|从|自)[^，,。；;：:]{1,24}?(?:期间|中|时|以来|里|内|上|后)?|近年来|今年|去年|多年来|一直)\s*")

#: a sentence with a comma or a full stop is prose, not a navigation line
_PROSE = re.compile(r"[，,。]")
#: two Chinese characters closing a head; a label before a title (专题：)
_TWO_HAN_END = re.compile(r"[\u4e00-\u9fff]{2}$")
_TITLE_LABEL = re.compile(r"^[^:：]{1,8}[:：]")

#: the subject of a clause that names no organization: the event has no actor
NO_ACTOR = ()

# adverbials a clause may begin with before its subject (times, 据了解, list numbers)
_ADVERBIAL = re.compile(
    r"^(?:\s|[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]|[一二三四五六七八九十]是|据[^，,：:]{0,6}?"
    r"(?:了解|介绍|悉|统计)|今年以来|近年来|近日|日前|目前|同时|此外|另外|其中|去年|今年|明年"
    r"|(?:19|20)\d\d年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来)?|\d{1,2}月(?:\d{1,2}日)?(?:上午|下午)?"
    r"|[上下]半年|年初|年底|年内|截至\S{0,6}?底)+")


#: a body joined (和/及/与/、) to what a frame word governs earlier in its clause (按照…意见和
#: 区委的部署, 践行市委“十项行动”和市总工会“二十项措施”): part of the frame, not a subject
_FRAMED_CONJUNCT = re.compile(r"(?:按照|围绕|根据|依据|遵照|贯彻|落实|践行|响应)"
                              r"[^，,。；;：:！？!?\n]*(?:和|及|与|、|以及)\s*$")
#: characters before a body within which that frame word is looked for
_FRAME_REACH = 40

#: 在 after a body earlier in the clause, and no break before this one: this one is inside the
#: place where the first acts (泰州市总工会在泰州恒达机械有限公司职工之家开展…)
_IN_LOCATIVE = re.compile(ORG_MASK + r"[^，,。；;：:！？!?\n在]{0,6}?在[^，,。；;：:！？!?\n]{0,20}$")
#: characters before a body within which that 在 is looked for
_LOCATIVE_REACH = 40

#: a count or 各 right before a body: a set of bodies of that kind, no named one
_COUNTED = re.compile(r"(?:[\d一二两三四五六七八九十百千多几数]+\s*(?:个|家|所|支)|各)$")

#: a clause that ends in a call (会议要求，…): the clause after it names whom it is made to
_CALLED = re.compile(r"(?:要求|号召|强调|指出|提出|倡议)[，,：:]$")

#: a sentence that reports what a person said (张某某强调，… / 王某在讲话中指出：…)
_SPEAKER = re.compile(r"\s*([\u4e00-\u9fff]{2,3}?)(?:在[^，,。；;：:\n]{1,12}?中)?"
                      r"(?:强调|強調|指出|要求|提出|表示)")
#: a post written right before a person's name (市委副书记张某某, 市总工会主席王某)
_POST = re.compile(r"(?:书记|書記|主席|部长|部長|市长|市長|县长|縣長|区长|區長|局长|局長|主任|组长|組長)")
#: characters between an organization and the post after it (党组书记、常务副)
_POST_REACH = 8
_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?\n]")

#: 的 and an opening quote between an organization and its programme (市总工会的“金秋助学”)
_OWNER = re.compile(r"的\s*[“‘\"']?$")

#: a short union name at the start of a clause (集群工会, 园区工会, 县总工会)
_SHORT_UNION = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:总工会|工会联合会|工会)(?=[\u4e00-\u9fff]|$)")


def _in_order(short: str, name: str) -> bool:
    it = iter(name)
    return all(ch in it for ch in short)


class Actors:
    """Subjects of verbs in one text (the organizations, places and lead found once)."""

    def __init__(self, lex: Lexicon, lay: Layout, organizations, places, *, title=None):
        self.lex, self.lay = lex, lay
        self.orgs = sorted((o for o in organizations if o.start is not None and o.end is not None
                            and o.kind not in _REPORTERS), key=lambda o: o.start)
        self.places = sorted((p for p in places if p.start is not None and p.end is not None
                              and lay.masked[p.start] != ORG_MASK), key=lambda p: p.start)
        self._place_starts = {p.start: p for p in self.places}
        self.groups = self._subject_groups()
        self._cache: dict = {}
        self.own = self._own_body(title)

    # -- groups of organizations ---------------------------------------------------------
    def _joined(self, a, b) -> bool:
        between = self.lay.masked[a.end:b.start].strip()
        return self.lex.regex(r"(?:<joiner>|\s)*").fullmatch(between) is not None

    def _subject_groups(self) -> list:
        """[(group, is_subject)] over the whole text, in order."""
        groups, cur = [], []
        for o in self.orgs:
            if cur and self._joined(cur[-1], o):
                cur.append(o)
            else:
                if cur:
                    groups.append(cur)
                cur = [o]
        if cur:
            groups.append(cur)
        return [(g, self._is_subject(g)) for g in groups]

    def _is_subject(self, group: list) -> bool:
        masked = self.lay.masked
        s0 = self.lay.sentence(group[0].start)[0]
        left = masked[max(s0, group[0].start - _LEFT_CONTEXT):group[0].start].rstrip()
        right = masked[group[-1].end:group[-1].end + _RIGHT_CONTEXT].lstrip()
        lex = self.lex
        if lex.regex("<preposition>$").search(left):
            return False  # 在市总工会…, 据市总工会…
        if _DESTINATION.search(masked, max(s0, group[0].start - _DESTINATION_REACH),
                               group[0].start):
            return False  # 赴中车某机车公司进行…观摩学习: where the subject goes, not who goes
        if _COUNTED.search(left):
            return False  # 携手7个街道总工会, 各街道总工会: a set of unnamed bodies
        if lex.regex("(?<![总的])<call>[，,：:]?$").search(left):
            return False  # 要求各级工会…, 调研组要求，泰州市总工会要…: the caller acts
        if _FRAMED_CONJUNCT.search(masked, max(s0, group[0].start - _FRAME_REACH),
                                   group[0].start):
            return False  # 按照《…》和区委、区政府…要求: a second part of the same frame
        if lex.pattern("under").match(right):
            return False
        if _IN_LOCATIVE.search(masked, max(s0, group[0].start - _LOCATIVE_REACH),
                               group[0].start):
            return False  # 某工会在“最美驿站”——某银行职工驿站开展…: where it is done
        return True

    # -- clauses -------------------------------------------------------------------------
    def _clause_kind(self, start: int, end: int):
        """'none' when the clause begins with a place or a collective that is no organization,
        'own' when with the article's body's units (各级工会), [organization] when with a short
        name of one (集群工会), else None."""
        head = self.lay.masked[start:end]
        m = _ADVERBIAL.match(head)
        pos = start + (m.end() if m else 0)
        if pos in self._place_starts:
            return "none"
        rest = self.lay.masked[pos:end]
        if self.lex.pattern("own").match(rest):
            return "own"
        if self.lex.pattern("nonorg").match(rest):
            return "none"
        short = _SHORT_UNION.match(rest)
        if short:
            org = self._expand(short.group(0))
            if org is not None:
                return [org]
        return None

    def _expand(self, short: str):
        """The one organization of the text a short union name stands for: its characters
        in the same order in exactly one full name (集群工会 → 阜宁县滤料产业集群工会联合会)."""
        found = {}
        for o in self.orgs:
            name = o.canonical or o.name
            if len(name) > len(short) and _in_order(short, name):
                found.setdefault(name, o)
        return next(iter(found.values())) if len(found) == 1 else None

    def _decision(self, cs: int, end: int):
        """What the clause from ``cs`` up to ``end`` says of its subject: a group of
        organizations, NO_ACTOR, the article's own body, or None (nothing)."""
        in_clause = [g for g, ok in self.groups if ok and cs <= g[0].start and g[-1].end <= end]
        if in_clause:
            return list(in_clause[-1])
        kind = self._clause_kind(cs, end)
        if kind == "none":
            return NO_ACTOR
        if kind == "own":
            return self.own or None
        return kind  # a list: the organization a short name stands for, or None

    def subject(self, verb_start: int, verb_end: int = None):
        """The subject of a verb: a list of organizations or NO_ACTOR. Read in the verb's
        clause up to the verb, else in the clauses before it in its sentence, else the
        article's own body (a sentence without subject is the body's own statement).

        A verb that ends a relative clause (学府街社区建立的“四点半学校”) has its subject
        right before it: an organization there acts (由市总工会主办的), anything else
        written there is no organization, and the event has no actor.
        """
        cs, _ce = self.lay.clause(verb_start)
        if verb_end is not None and self.lay.masked.startswith("的", verb_end):
            head = self.lay.masked[max(cs, verb_start - _RELATIVE_SUBJECT):verb_start]
            if ORG_MASK not in head and _TWO_HAN_END.search(head):
                # …工会在某期间开展的“X”: only a time or place stands between the body and
                # its verb, the body is the relative clause's subject
                framed = self._framed_subject(cs, verb_start)
                return framed if framed is not None else NO_ACTOR
        found = self._decision(cs, verb_start)
        if found is NO_ACTOR and _CALLED.search(self.lay.masked, max(0, cs - 8), cs):
            found = None  # 会议要求，各地要…: those called on do what the caller asks
        if found is not None:
            return found
        s0 = self.lay.sentence(verb_start)[0]
        while cs > s0:
            cs, ce = self.lay.clause(cs - 1)
            key = (cs, ce)
            if key not in self._cache:
                self._cache[key] = self._decision(cs, ce)
            if self._cache[key] is not None:
                return self._cache[key]
        speaker = self._speaker(s0)
        if speaker is not None:
            return speaker
        return self.own or NO_ACTOR

    def _speaker(self, s0: int):
        """The body of a person whose words the sentence reports (张某某强调，要深化“X”): the
        organization written right before the person's post where the text introduced them
        (市委副书记张某某出席会议并讲话), else None. A call of a person is their body's call."""
        m = _SPEAKER.match(self.lay.masked, s0)
        if m is None:
            return None
        key = ("speaker", m.group(1))
        if key not in self._cache:
            self._cache[key] = self._speaker_body(m.group(1), m.start(1))
        return self._cache[key]

    def _speaker_body(self, name: str, before: int):
        masked = self.lay.masked
        for n in (name, name[:2]) if len(name) == 3 else (name,):
            for post in _POST.finditer(masked, 0, before):
                if not masked.startswith(n, post.end()):
                    continue
                groups = [g for g, ok in self.groups if ok and g[-1].end <= post.start()
                          and post.start() - g[-1].end <= _POST_REACH
                          and not _CLAUSE_BREAK.search(masked, g[-1].end, post.start())]
                if groups:
                    return list(groups[-1])
        return None

    def _framed_subject(self, cs: int, verb_start: int):
        """The subject group of the clause when only a time or place adverbial (在…期间,
        于…, 近年来) stands between it and the verb."""
        for g, ok in reversed(self.groups):
            if g[-1].end > verb_start:
                continue
            if g[0].start < cs:
                return None
            if ok and _FRAMED.fullmatch(self.lay.masked, g[-1].end, verb_start):
                return list(g)
            return None
        return None

    def agent_after_bei(self, verb_start: int) -> list:
        """被市总工会授予: the organizations between 被 and the verb."""
        for g, _ok in self.groups:
            if g[-1].end <= verb_start and self.lay.masked[g[-1].end:verb_start].strip() == "" \
                    and self.lay.masked[max(0, g[0].start - 1):g[0].start] == "被":
                return list(g)
        return []

    def owner(self, campaign_start: int) -> list:
        """X的“Y”: the organizations whose programme the campaign is, written right before it
        with 的 (晋江市总工会的“金秋助学”活动已连续开展21年: the body carries it out)."""
        head = self.lay.masked[max(0, campaign_start - 3):campaign_start]
        m = _OWNER.search(head)
        if m is None:
            return []
        at = campaign_start - len(head) + m.start()
        for g, _ok in self.groups:
            if g[-1].end == at:
                return list(g)
        return []

    def within(self, start: int, end: int) -> list:
        """The organizations written in [start, end) (由市总工会、市文明办主办: both act)."""
        return [o for o in self.orgs if start <= o.start and o.end <= end]

    def objects(self, start: int, end: int) -> list:
        """Organizations between a verb and its campaign (授予A公司“五一劳动奖状”)."""
        return [o for o in self.orgs if start <= o.start and o.end <= end]

    def leading_place(self, verb_start: int):
        """The place the clause of a verb begins with, else the nearest clause before it in
        its sentence that begins with one (河东区各街道工会…开展: where an act without a named
        doer happens)."""
        s0 = self.lay.sentence(verb_start)[0]
        cs = self.lay.clause(verb_start)[0]
        end = verb_start
        while True:
            p = self.place_at(cs, end)
            if p is not None:
                return p
            if cs <= s0:
                return None
            end = cs
            cs = self.lay.clause(cs - 1)[0]

    def place_at(self, pos: int, end: int):
        """The place a clause begins with (after its adverbials), if any."""
        m = _ADVERBIAL.match(self.lay.masked[pos:end])
        return self._place_starts.get(pos + (m.end() if m else 0))

    # -- the article's own body ----------------------------------------------------------
    def _own_body(self, title: Optional[str]) -> list:
        """The organization the headline begins with, else the first subject group of the
        lead with a union in it, else the first with another public body (party, government:
        an enterprise or a person's employer named in the lead is what the story is about, not
        who tells it)."""
        if title:
            head = _TITLE_LABEL.sub("", title.strip())
            for o in self.orgs:
                for name in (o.canonical, o.name):
                    if name and head.startswith(name):
                        return [o]
        lead = list(itertools.islice(
            (s for s in self.lay.iter_sentences() if s[1] - s[0] >= MIN_LEAD_CHARS
             and _PROSE.search(self.lay.masked, s[0], s[1])), LEAD_SENTENCES))
        in_lead = [g for g, ok in self.groups if ok and any(s0 <= g[0].start < s1
                                                            for s0, s1 in lead)]
        for kinds in (_OWN_FIRST, BODY_KINDS):
            for g in in_lead:
                if any(o.kind in kinds for o in g):
                    return list(g)
        return []
