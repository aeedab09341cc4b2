"""Where a figure sits in its text: sentences, clauses, paragraphs, list items, the headline
block, and the spans that hold no statistics (quotations, titles, document numbers, campaign
names, layout artefacts of document-sharing pages)."""
from __future__ import annotations

import bisect
import re

from unionnlp.extractors import numbers

#: a sentence end: 。！？；, or a line break before a list item, after a closing mark (。：”…) or
#: before a blank line (one character class first, the line-break cases checked after it: the
#: regex engine skips to the candidates)
SENT_END = re.compile(
    r"[。！？!?；;\n](?:(?<=[。！？!?；;])"
    r"|(?<=\n)(?:(?=[ \t]*(?:[一二三四五六七八九十]+、|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)]))"
    r"|(?<=[。！？!?；;：:”」』）)]\n)|[ \t]*\n))")
CLAUSE_END = re.compile(r"[，,。！？!?；;：:、\n]")
_QUOTE = re.compile(r"“[^“”\n]{1,15}”|‘[^‘’\n]{1,15}’|「[^「」\n]{1,15}」|\"[^\"\n]{1,15}\"|《[^《》\n]{1,60}》")
#: document numbers ([2010]35号), phone numbers (0571-87654321, 13912345678); one character
#: class first, so the regex engine skips to the candidates
_DOCNO = re.compile(r"[\[〔【(（\d](?:(?<=[\[〔【(（])\d{4}[\]〕】)）]\s*\d+\s*号"
                    r"|(?<=\d)(?:\d{2,3}-\d{7,8}|(?<=1)[3-9]\d{9}))")
#: a top-level heading of a report (一、…): where a section under a heading ends
TOP_HEADING = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}[、.．]", re.MULTILINE)


def section_end(norm: str, pos: int) -> int:
    """Where the section of a report that starts at ``pos`` ends: at the next top-level heading
    (一、…), else at the end of the text."""
    nxt = TOP_HEADING.search(norm, pos)
    return nxt.start() if nxt else len(norm)


#: the start of a list item (一是, 二、, （三）, 4、): a new topic for years carried over
LIST_ITEM = re.compile(
    r"(?:^|(?<=[。；;\n]))[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、.．]"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．])")

_PAGE_MARKER = re.compile(r"\n(?<=[^\s。！？；;：:!?”」』）)]\n)[ \t]*(?:\n[ \t]*)*\d{1,3}、(?=\S)")
_WRAP = re.compile(
    r"\n(?<=[^\s。！？；;：:!?”」』）)]\n)(?![ \t]*(?:[（(•·\-]|[一二三四五六七八九十\d]{1,3}[、.．)）]))(?=[ \t]*\S)"
)
#: (the line break first in both, the character before it checked by a lookbehind over both:
#: the regex engine skips to the line breaks of the text)
#: a line this long that does not end a sentence was wrapped by the layout
WRAPPED_LINE = 20
#: the headline block: short lines without sentence punctuation at the top of the text
HEADLINE_LINE = 40


def layout_spans(text: str) -> list:
    """Spans of page-layout artefacts inside sentences: docshare page markers (``达到\\n4、90%``)
    and hard line wraps after long lines that do not end a sentence."""
    spans = [(m.start(), m.end()) for m in _PAGE_MARKER.finditer(text)]
    for m in _WRAP.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start >= WRAPPED_LINE:
            spans.append((m.start(), m.end()))
    return spans


def blank(s: str, spans, fill: str = " ") -> str:
    """``s`` with the given spans replaced by ``fill`` characters (offsets unchanged)."""
    if not spans:
        return s
    spans = spans if isinstance(spans, (list, tuple)) else list(spans)
    if len(fill) == 1 and all(0 <= a <= b <= len(s) for a, b in spans):
        # joined from slices: the positions inside any span become ``fill``, the rest stay
        out, pos = [], 0
        for a, b in sorted(spans):
            if b <= pos:
                continue
            a = max(a, pos)
            out += (s[pos:a], fill * (b - a))
            pos = b
        out.append(s[pos:])
        return "".join(out)
    chars = list(s)
    for a, b in spans:
        chars[a:b] = fill * (b - a)
    return "".join(chars)


def sentence_bounds(text: str) -> list:
    return [m.end() for m in SENT_END.finditer(text)]


def sent_start(bounds: list, pos: int) -> int:
    i = bisect.bisect_right(bounds, pos) - 1
    return bounds[i] if i >= 0 else 0


def paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def headline_end(text: str) -> int:
    """End offset of the headline block: the leading short lines without sentence punctuation
    (a title, a subtitle); 0 when the text starts with a sentence."""
    end = 0
    for line in text.split("\n")[:3]:
        if not line.strip():
            end += len(line) + 1
            continue
        if len(line) > HEADLINE_LINE or _RE_HEADLINE_END_0.search(line):
            break
        end += len(line) + 1
    return min(end, len(text))


def excluded_spans(text: str, campaigns) -> list:
    """Quotations, 《titles》, document and phone numbers, campaign names and placeholder
    noise: no figure inside them is a statistic."""
    spans = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _DOCNO.finditer(text)]
    spans += numbers.noise_spans(text)
    for c in campaigns or ():
        s = getattr(c, "start", None) if not isinstance(c, dict) else c.get("start")
        e = getattr(c, "end", None) if not isinstance(c, dict) else c.get("end")
        if isinstance(s, int) and isinstance(e, int):
            spans.append((s, e))
    return spans


class Spans:
    """Sorted, merged spans with a logarithmic overlap test."""

    def __init__(self, spans):
        merged: list = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e) - 1
        return i >= 0 and self.ends[i] > s


# patterns of the functions above, compiled once (they run for every figure)
_RE_HEADLINE_END_0 = re.compile(r"[。；;，,]")
