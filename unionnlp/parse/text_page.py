"""Text pages (``.txt``, JSONL ``text``) → the fields of an Article, line by line."""
from __future__ import annotations

import re
from typing import Optional

from ..preprocessing.boilerplate import is_furniture
from ..records import Article
from . import settings as S
from .dates import date_from_url, find_dates, normalise_date
from .lines import fill, is_headline, is_paragraph
from .meta import FIELDS, byline_medium, is_meta_line, paren_author, scan_line

__all__ = ["parse_text"]

_SPACES = re.compile(r"[ \t\xa0\u3000]+")
_EDITOR_LINE = re.compile(r"[（(\[【]?\s*(?:责任编辑|编辑|责编)[^，。]{0,30}[)）\]】]?")
_OUTLET_LABEL = re.compile(r"^(来源|报刊|稿件来源)\s*[:：]")
_INFO_ABOVE_TITLE = re.compile(r"^(?:报刊|来源|稿件来源|\d{4})")
_SENTENCE_END = re.compile(r"[。！？]")
_HAS_WORD = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:：]\d{2}(?!\d)")
#: what the text before an info line's date is when it is no headline: a label, a title mark
_NOT_A_HEAD = re.compile(r"[:：《》()（）\[\]【】]|(?:时间|日期)$")


_LIST_BULLET = re.compile(r"^[•·●▪◦∙‧□■]\s*")


def _unbullet(line: str) -> str:
    """``line`` without a leading list bullet when what follows is a byline/date line."""
    m = _LIST_BULLET.match(line)
    if m and is_meta_line(line[m.end():]):
        return line[m.end():]
    return line


def _info_line(lines: list, first_para: Optional[int]) -> Optional[int]:
    """Index of the last byline/date line in the lines just above the first paragraph."""
    if first_para is None:
        return None
    info = None
    for i in range(first_para - 1, max(-1, first_para - 1 - S.INFO_SEARCH_LINES), -1):
        if is_meta_line(lines[i]):
            info = i
            if i == 0 or not is_meta_line(lines[i - 1]):
                break
    return info


def parse_text(text: str, art: Article) -> Article:
    """Fill ``art`` from plain text.

    Text dumps of web pages look like ``[navigation] title / info line(s) / body [footer]``.
    The info line is the last byline/date line before the first paragraph; the title is the
    short line above it; lines before the title (navigation, teaser lists) are dropped. Without
    such an info line the first short line is the title and metadata comes from the first and
    last lines.
    """
    lines = [_SPACES.sub(" ", l).strip() for l in (text or "").replace("\r", "\n").split("\n")]
    # an info line set as a list item (• 2023年03月14日 07时58分, • 来源: 四川日报, □记者 王明)
    # is an info line
    lines = [_unbullet(l) for l in lines]
    # furniture (login links, share bars …) is neither title nor info line
    lines = [l for l in lines
             if l and not (len(l) < S.FURNITURE_MAX_CHARS and is_furniture(l) and not is_meta_line(l))]
    found: dict = {}
    n = len(lines)
    info = _info_line(lines, next((i for i, l in enumerate(lines) if is_paragraph(l)), None))
    start = 0
    if info is not None:
        j = info
        while j > 0 and is_meta_line(lines[j - 1]):
            j -= 1
        # a separator between the headline and its info line (-, |) stands for nothing
        # and so does a dateline without its year (河南手机报 08-30 16:59)
        k = j
        while k > 0 and j - k < 2 and (not _HAS_WORD.search(lines[k - 1])
                                       or _CLOCK.search(lines[k - 1])):
            k -= 1
        if k > 0 and is_headline(lines[k - 1]):
            art.title = lines[k - 1]
        else:  # the headline written at the head of its info line (标题 2022-01-18 12:54 来源:…)
            ds = find_dates(lines[j])
            head = lines[j][:ds[0][0]].strip() if ds else ""
            if (ds and len(head) >= 8 and is_headline(head) and not _NOT_A_HEAD.search(head)
                    and not is_meta_line(head)):
                art.title = head
        start = j
    body = []
    for i, line in enumerate(lines[start:], start):
        edge = i < start + S.TEXT_HEAD_LINES or i >= n - S.TEXT_TAIL_LINES
        if edge and len(line) <= S.TEXT_META_LINE_MAX_CHARS:
            f = scan_line(line)
            if f and is_meta_line(line):
                fill(found, f)
                continue
            if f.get("editor") and _EDITOR_LINE.fullmatch(line):
                fill(found, f)
                continue
            if f.get("outlet") and _OUTLET_LABEL.match(line):
                fill(found, f)
                continue
        body.append(line)
    # a title: a short first line without sentence punctuation
    if art.title is None and body and is_headline(body[0]) and len(body) > 1:
        art.title = body[0]
        body = body[1:]
    if body and not found.get("author"):
        a = paren_author(body[0], "")
        for line in reversed(body[-S.TEXT_AUTHOR_TAIL_LINES:]):  # footer lines may follow the last paragraph
            if a:
                break
            if len(line) >= S.TEXT_AUTHOR_SENTENCE_MIN_CHARS and _SENTENCE_END.search(line):
                a = paren_author("", line)
        if a:
            found["author"] = a
    # no outlet named: the medium of the info block's byline (大众网记者 张三) is the page's
    if info is not None and not found.get("outlet"):
        found["outlet"] = next((m for m in map(byline_medium, lines[start:info + 1]) if m), None)
    # info lines just above the title (报刊:…, a dateline) fill what is still missing
    for line in lines[:max(0, start - 1)]:
        if is_meta_line(line) and _INFO_ABOVE_TITLE.match(line):
            f = scan_line(line)
            fill(found, {k: v for k, v in f.items() if k in ("published", "outlet")})
    if not found.get("published"):
        for line in lines[:S.TEXT_HEAD_LINES]:
            d = normalise_date(line)
            if d and len(line) < S.TEXT_DATELINE_MAX_CHARS:
                found["published"] = d
                break
    if not found.get("published") and art.url:
        found["published"] = date_from_url(art.url)
    art.text = "\n".join(body)
    for k in FIELDS:
        if found.get(k):
            setattr(art, k, found[k])
    return art
