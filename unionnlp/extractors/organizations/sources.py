"""Media named as the source of a piece (来源：…, (宝鸡新闻网 记者…), 据…报道)."""
from __future__ import annotations

import re
from typing import Optional

try:  # the regex parser (its width and opcodes tell how a source pattern may be scanned)
    import re._parser as _sre_parse
    import re._constants as _c
except ImportError:  # Python < 3.11
    import sre_parse as _sre_parse
    import sre_constants as _c

from unionnlp.records import Organization
from unionnlp.extractors.organizations.lexicon import _Lex, org_kind


#: source lines are looked for in the first and the last characters of a text (byline,
#: 来源 line, copyright footer)
SOURCE_HEAD, SOURCE_TAIL = 2000, 1000
#: compiled source pattern -> how it is scanned (:func:`_shape`)
_SHAPES: dict = {}
#: opcodes that look outside a match or refer back (a pattern holding one is scanned whole)
_LOOKING = {_c.ASSERT, _c.ASSERT_NOT, _c.GROUPREF, _c.GROUPREF_EXISTS}


def _needed_literals(lx: _Lex) -> frozenset:
    """Every literal the source patterns' pre-tests name (looked for once per text part)."""
    got = getattr(lx, "_needed_literals", None)
    if got is None:
        got = frozenset(n for needs in lx.vocab["source_pattern_needs"] for n in needs)
        object.__setattr__(lx, "_needed_literals", got)
    return got


def _long_suffixes(lx: _Lex) -> tuple:
    """Organization heads of two characters or more, as one tuple for ``str.endswith``."""
    got = getattr(lx, "_long_suffixes", None)
    if got is None:
        got = tuple(suf for suf in lx.suffix_kind if len(suf) >= 2)
        object.__setattr__(lx, "_long_suffixes", got)
    return got


def _trim_to_head(lx: _Lex, name: str) -> Optional[str]:
    """The longest prefix of a source string that ends with an organization or media head
    (太和县总工会浏览量 → 太和县总工会); None when there is none."""
    ends = tuple(lx.vocab["media_ends"])
    cut = min((name.find(lab) for lab in lx.vocab["source_meta_labels"] if name.find(lab) > 1),
              default=-1)
    if cut > 1:
        name = name[:cut]  # 银川发布客户端 + 发布日期: page metadata glued to the source
    tail = next((t for t in _PLATFORM_TAILS if name.endswith(t) and len(name) > len(t) + 1), None)
    if tail is not None:
        name = name[:-len(tail)]  # 晨报 + 全媒体平台 (消息): the medium's platform, not a 台
    if name in lx.vocab["media_names"] or name.endswith(ends):
        return name
    for k in range(len(name) - 2, 2, -1):  # what is cut off is a word, not a name's tail
        pre = name[:k]
        if pre in lx.vocab["media_names"] or pre.endswith(ends):
            return pre
        if pre.endswith(_long_suffixes(lx)):
            return pre
    return name if len(name) <= 6 else None  # a short source name (a public account)


#: a medium's platform written after its name (内蒙古晨报全媒体平台消息): 台 there ends no name
_PLATFORM_TAILS = ("全媒体平台", "融媒体平台", "新媒体平台", "媒体平台", "平台")
#: characters that end a medium's name (the first of two outlets written together)
_MEDIUM_END = "报网台社"


def _two_outlets(lx: _Lex, name: str) -> Optional[int]:
    """Where the second outlet begins when ``name`` is two media written together (北方新报 +
    正北方网: a paper and its website in one byline); None for one name (人民日报社, 北京日报客户端:
    what follows the first medium's end is only a medium word)."""
    ends = tuple(lx.vocab["media_ends"])
    for k in range(3, len(name) - 2):
        rest = name[k:]
        if (name[k - 1] in _MEDIUM_END and rest.endswith(ends) and rest not in ends
                and not rest.startswith(ends) and rest[-1] in _MEDIUM_END):
            return k
    return None


def _shape(rx: re.Pattern) -> tuple:
    """How a source pattern can be scanned faster with the same matches: ``("line", 0)`` when
    every match starts at a line start (the pattern opens with ``^``, multiline), ``("window",
    n)`` when no match is longer than ``n`` characters and the pattern looks at nothing outside
    its match (no anchors, look-arounds or back references), else ``("all", 0)``."""
    got = _SHAPES.get(rx)
    if got is None:
        got = ("all", 0)
        try:
            tree = _sre_parse.parse(rx.pattern, rx.flags)
            lo, hi = tree.getwidth()
            codes = set(_opcodes(tree))
            if lo > 0 and tree.data and tree.data[0] in ((_c.AT, _c.AT_BEGINNING),
                                                          (_c.AT, _c.AT_BEGINNING_LINE)) and \
                    rx.flags & re.M and not codes & _LOOKING:
                got = ("line", 0)
            elif lo > 0 and hi < _c.MAXREPEAT and not codes & (_LOOKING | {_c.AT}):
                got = ("window", hi)
        except Exception:  # an unexpected pattern shape: scanned as it is
            pass
        _SHAPES[rx] = got
    return got


def _opcodes(tree):
    for op, av in tree.data if hasattr(tree, "data") else tree:
        yield op
        for a in (av if isinstance(av, (tuple, list)) else (av,)):
            if isinstance(a, _sre_parse.SubPattern):
                yield from _opcodes(a)
            elif isinstance(a, (tuple, list)):
                for b in a:
                    if isinstance(b, _sre_parse.SubPattern):
                        yield from _opcodes(b)


def _finditer(rx: re.Pattern, needs, text: str, lo: int, hi: int):
    """``rx.finditer(text, lo, hi)``, the same matches in the same order, found faster: a
    line-anchored pattern is tried at line starts only; a pattern of bounded length whose every
    match holds one of the literals ``needs`` (the contract of ``source_pattern_needs``) is
    scanned only around their occurrences (a match lies within its longest length of one)."""
    kind, width = _shape(rx)
    if kind == "line":
        out, end = [], lo
        if lo == 0 or text[lo - 1] == "\n":
            p = lo
        else:
            q = text.find("\n", lo, hi)
            p = q + 1 if q != -1 else hi
        while p < hi:
            if p >= end:
                m = rx.match(text, p, hi)
                if m is not None:
                    out.append(m)
                    end = m.end()
            q = text.find("\n", p, hi)
            if q == -1:
                break
            p = q + 1
        return out
    if kind != "window" or not needs:
        return rx.finditer(text, lo, hi)
    spans = []
    for lit in needs:
        i = text.find(lit, lo, hi)
        while i != -1:
            spans.append((max(lo, i - width), min(hi, i + len(lit) + width)))
            i = text.find(lit, i + 1, hi)
    if not spans:
        return []
    spans.sort()
    out = []
    a, b = spans[0]
    for s, e in spans[1:]:
        if s <= b:
            b = max(b, e)
            continue
        out.extend(rx.finditer(text, a, b))
        a, b = s, e
    out.extend(rx.finditer(text, a, b))
    return out


def _sources(lx: _Lex, text: str, found: list[Organization],
             chain: Optional[list] = None) -> list[Organization]:
    """Media named as the source of the piece (a union's department written with the union's
    abbreviation, 来源:市总权益部, is completed with the article's place)."""
    out = []
    taken = {(o.start, o.end) for o in found}
    tail = max(SOURCE_HEAD, len(text) - SOURCE_TAIL)
    head, rear = text[:SOURCE_HEAD], text[tail:]
    lits = _needed_literals(lx)
    in_head = {n for n in lits if n in head}
    in_rear = {n for n in lits if n in rear} if tail < len(text) else set()
    for rx, needs in zip(lx.source_res, lx.vocab["source_pattern_needs"]):
        ms = []
        if not needs or in_head.intersection(needs):
            ms.extend(_finditer(rx, needs, text, 0, min(SOURCE_HEAD, len(text))))
        if tail < len(text) and (not needs or in_rear.intersection(needs)):
            ms.extend(_finditer(rx, needs, text, tail, len(text)))
        for m in ms:
            s, e = m.span(1)
            name = m.group(1)
            cut = _trim_to_head(lx, name)
            if cut is None:
                continue
            name, e = cut, s + len(cut)
            if (s, e) in taken or len(name) < 3:
                continue
            if any(o.start <= s and e <= o.end for o in found):
                continue
            abbr = next((a for a in lx.vocab["abbreviations"] if name.startswith(a)
                         and len(name) > len(a)), None)
            if abbr is not None:
                from unionnlp.extractors.organizations.abbreviations import expand_abbreviation

                full = expand_abbreviation(abbr, chain or None)
                out.append(Organization(name=name, canonical=(full or lx.vocab["abbreviations"][abbr])
                                        + name[len(abbr):], kind="union", place=None, start=s, end=e))
                taken.add((s, e))
                continue
            k = _two_outlets(lx, name) if name.endswith(tuple(lx.vocab["media_ends"])) else None
            if k is not None:  # 北方新报正北方网记者: two outlets
                for a, b in ((s, s + k), (s + k, e)):
                    if not any(o.start is not None and o.start <= a and b <= o.end for o in found):
                        out.append(Organization(name=text[a:b], canonical=text[a:b], kind="media",
                                                place=None, start=a, end=b))
                taken.add((s, e))
                continue
            out.append(Organization(name=name, canonical=name, kind=org_kind(name)
                                    if not name.endswith(tuple(lx.vocab["media_ends"])) else "media",
                                    place=None, start=s, end=e))
            taken.add((s, e))
    return out


#: characters of byline words (通讯员, 记者) that no outlet's name holds
_BYLINE = "员者"


def drop_byline_tails(text: str, orgs: list[Organization]) -> list[Organization]:
    """通讯员 + 孔某 + 江苏工人报 (记者) with the spaces gone: a medium whose name holds a byline
    word before a medium found on its own with the same end is that medium, not a name."""
    media = [(o.start, o.end) for o in orgs if o.kind == "media" and o.start is not None]
    if len(media) < 2:
        return orgs
    return [o for o in orgs if not (o.kind == "media" and o.start is not None and any(
        a > o.start and b == o.end and any(c in _BYLINE for c in text[o.start:a])
        for a, b in media))]
