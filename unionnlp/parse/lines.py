"""Line heuristics shared by the HTML and text page parsers: what a line of a news page is
(furniture, byline, headline, paragraph), the lines around the body, and the body's edges
(title repeats, bylines, editor lines), reading metadata from the lines it drops."""
from __future__ import annotations

import re
from typing import Optional

from ..preprocessing.boilerplate import is_furniture
from . import settings as S
from .meta import FIELDS, is_meta_line, paren_author, scan_line

__all__ = ["squash", "fill", "lines_around", "join_labels", "strip_body", "is_paragraph",
           "is_headline", "BYLINE_START"]

_SPACE = re.compile(r"\s")
_LABEL_ONLY = re.compile(r"(?:责任编辑|编辑|责编|来源|作者|记者|稿件来源|发布时间|时间)\s*[:：]\s*$")
#: a line that starts as a byline (本报记者 …, 通讯员 …, 文/ …)
BYLINE_START = re.compile(r"^[□■●◎☆★\s]*(?:本报|特约|见习|实习|首席|新华社|总台)?(?:记者|通讯员|实习生|作者|文|撰文)")
_TAIL_EDITOR = re.compile(r"[（(\[【]\s*(?:责任编辑|编辑|责编|值班编辑|本版编辑)\s*[:：]?\s*[^()（）\[\]【】]{1,30}[)）\]】]\s*$")
_EDITOR_WORD = re.compile(r"编|审|校")
_EDITOR_ONLY = re.compile(r"[（(\[【]?[^，。]{0,40}[)）\]】]?")
_TEASER = re.compile(r"^(?:[•·●◆■□>»\-]\s*|摘要\s*[:：]|导读\s*[:：]|内容提要\s*[:：])")
_SENTENCE_PUNCT = re.compile(r"[。，；！？]")
_SENTENCE_END = re.compile(r"[。！？；]$")
_CAPTION = re.compile(r"[（(【\[].*[)）】\]]")


def squash(s: Optional[str]) -> str:
    """``s`` without any whitespace (lines are compared this way)."""
    return _SPACE.sub("", s or "")


def fill(meta: dict, found: dict, keys=FIELDS) -> None:
    """Copy the ``keys`` of ``found`` into ``meta`` where ``meta`` has no value yet."""
    for k in keys:
        if k in found and found[k] and not meta.get(k):
            meta[k] = found[k]


def lines_around(everything: list, body: list, title: Optional[str],
                 before: int = S.AROUND_BODY_LINES, after: int = S.AROUND_BODY_LINES) -> tuple:
    """Lines just before the body (after the title) and just after it."""
    if not body or not everything:
        return join_labels(everything[:before]), []
    first = squash(body[0])
    start = next((i for i, l in enumerate(everything) if squash(l) == first), None)
    if start is None:
        return [], []
    last = squash(body[-1])
    end = next((i for i in range(len(everything) - 1, start - 1, -1) if squash(everything[i]) == last), start)
    lo = max(0, start - before)
    if title:
        t = squash(title)
        for i in range(start - 1, max(-1, start - S.TITLE_SEARCH_LINES), -1):
            line = squash(everything[i])
            if t and (t in line or line in t and len(line) >= S.TITLE_PART_MIN_CHARS):
                lo = i
                break
    head = everything[lo:start]
    inside = {squash(l) for l in body}
    # lines inside the body's span that the renderer skipped (an editor line in a share bar)
    skipped = [l for l in everything[start:end + 1] if squash(l) not in inside]
    return join_labels(head), join_labels(skipped + everything[end + 1:end + 1 + after])


def join_labels(lines: list) -> list:
    """``责任编辑：`` on one line and the name on the next (separate elements) → one line."""
    out: list = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _LABEL_ONLY.search(line) and i + 1 < len(lines) and len(lines[i + 1]) <= S.LABEL_VALUE_MAX_CHARS:
            out.append(line + lines[i + 1])
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _drop_title_repeats(body: list, title: Optional[str], found: dict, extra: dict) -> list:
    """The body without repeated paragraphs, title/pretitle/subtitle repeats at its top and
    furniture lines (whose editor names are kept)."""
    out = []
    t = squash(title or "")
    seen: set = set()
    for i, line in enumerate(body):
        s = squash(line)
        if len(s) >= S.DUPLICATE_MIN_CHARS:
            if s in seen:
                continue  # the same paragraph twice (print/mobile copy, hidden duplicate)
            seen.add(s)
        if t and s == t and i < S.TITLE_REPEAT_LINES:
            continue
        for k in ("pretitle", "subtitle"):
            if extra.get(k) and s == squash(extra[k]) and i < S.SUBTITLE_REPEAT_LINES:
                s = ""
        if not s:
            continue
        if is_furniture(line):
            fill(found, scan_line(line), ("editor",))
            continue
        out.append(line)
    return out


def strip_body(body: list, title: Optional[str], found: dict, extra: dict) -> list:
    """Drop title repeats, furniture and byline lines at the body's edges; read their metadata."""
    out = _drop_title_repeats(body, title, found, extra)
    # "（编辑：某某）" closing the last paragraph
    if out:
        m = _TAIL_EDITOR.search(out[-1])
        if m:
            fill(found, scan_line(m.group(0)), ("editor",))
            rest = out[-1][:m.start()].rstrip()
            if rest:
                out[-1] = rest
            else:
                out.pop()
    # byline/info lines at the top and bottom
    while out and len(out) > 1 and is_meta_line(out[0]):
        fill(found, scan_line(out.pop(0)))
    while out and len(out) > 1 and is_meta_line(out[-1]):
        fill(found, scan_line(out.pop()))
    # editor lines anywhere in the last few lines
    n = len(out)
    for i in range(n - 1, max(-1, n - 1 - S.EDITOR_TAIL_LINES), -1):
        f = scan_line(out[i])
        if f.get("editor") and len(out[i]) < S.EDITOR_LINE_MAX_CHARS and _EDITOR_WORD.search(out[i]):
            fill(found, f, ("editor",))
            if is_meta_line(out[i]) or _EDITOR_ONLY.fullmatch(out[i]):
                out.pop(i)
    if out and not found.get("author"):
        a = paren_author(out[0], out[-1])
        if a:
            found["author"] = a
    if out and not found.get("author"):
        for line in out[:S.AUTHOR_HEAD_LINES] + out[-S.AUTHOR_TAIL_LINES:]:
            if len(line) <= S.AUTHOR_LINE_MAX_CHARS:
                f = scan_line(line)
                if f.get("author"):
                    found["author"] = f["author"]
                    break
    return out


def is_paragraph(line: str) -> bool:
    """A body paragraph: long, with sentence punctuation, not a teaser (``摘要：…``, ``• …``)."""
    return (len(line) >= S.PARAGRAPH_MIN_CHARS and bool(_SENTENCE_PUNCT.search(line))
            and not _TEASER.match(line))


#: a byline: reporters' roles, each followed by a name (龙华新闻记者 吴春华 实习生 伍悦 通讯员 方招娣)
_BYLINE = re.compile(r"(?:记者|通讯员|实习生)[ \t]*[\u4e00-\u9fff]{2,4}(?:[ \t]|$)"
                     r".*(?:记者|通讯员|实习生|摄影|编辑)[ \t]*[\u4e00-\u9fff]{2,4}[ \t]*$")


def is_headline(line: str) -> bool:
    """A headline: short, no sentence end, not a byline, not a caption (``(资料图)``)."""
    lo, hi = S.HEADLINE_CHARS
    return (lo <= len(line) <= hi and not _SENTENCE_END.search(line) and not is_meta_line(line)
            and not _CAPTION.fullmatch(line) and not _BYLINE.search(line))
