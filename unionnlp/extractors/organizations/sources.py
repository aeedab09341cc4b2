"""Media named as the source of a piece (来源：…, (宝鸡新闻网 记者…), 据…报道)."""
from __future__ import annotations

from typing import Optional

from unionnlp.records import Organization
from unionnlp.extractors.organizations.lexicon import _Lex, org_kind


#: source lines are looked for in the first and the last characters of a text (byline,
#: 来源 line, copyright footer)
SOURCE_HEAD, SOURCE_TAIL = 2000, 1000


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
    if name in lx.vocab["media_names"] or name.endswith(ends):
        return name
    for k in range(len(name) - 2, 2, -1):  # what is cut off is a word, not a name's tail
        pre = name[:k]
        if pre in lx.vocab["media_names"] or pre.endswith(ends):
            return pre
        if pre.endswith(_long_suffixes(lx)):
            return pre
    return name if len(name) <= 6 else None  # a short source name (a public account)


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
            ms.extend(rx.finditer(text, 0, SOURCE_HEAD))
        if tail < len(text) and (not needs or in_rear.intersection(needs)):
            ms.extend(rx.finditer(text, tail))
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
            out.append(Organization(name=name, canonical=name, kind=org_kind(name)
                                    if not name.endswith(tuple(lx.vocab["media_ends"])) else "media",
                                    place=None, start=s, end=e))
            taken.add((s, e))
    return out
