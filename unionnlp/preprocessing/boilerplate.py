"""Drop page furniture from text: navigation bars, footers, teaser lists, sharing widgets.

Works on lines, for text that came from HTML and for pasted or crawled plain text alike. Each
line is classified, as in jusText (Pomikálek 2011), into *bad* (matches a furniture pattern from
``resources/preprocessing/boilerplate.tsv``, or is a long run of menu words without
punctuation; in lines over 200 characters only patterns anchored at the line start count; in a
sentence, the footer and share words news also uses — 招聘信息, 法律顾问, 举报电话, 扫一扫 — count
only at its start or two different ones together), *good* (a sentence: enough CJK characters
and clause punctuation) or *short*.
Short lines take their class from their neighbours: kept between good lines (sub-headings,
captions), up to ``head`` lines right before the first good line (pretitle, title, byline),
and up to ``tail`` lines right after the last (author, editor), more while they read as text
(figures set line by line: 命名23家示范性劳模工作室 / 66家劳模工作室); dropped elsewhere.
A heading such as 相关新闻 after the article starts a teaser list and ends the article.
"""
from __future__ import annotations

import functools
import re

from .. import resources

__all__ = ["drop_boilerplate", "classify_lines", "furniture_patterns", "is_furniture"]

_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_CLAUSE_PUNCT_RE = re.compile(r"[，。；！？,;!?]")
_SENT_END_RE = re.compile(r"[。！？!?]")
_ANY_PUNCT_RE = re.compile(r"[，。；！？,.;!?、：:“”\"'《》()（）\-—|/%0-9]")


@functools.lru_cache(maxsize=1)
def furniture_patterns() -> list:
    """(category, compiled regex) pairs from the boilerplate resource file."""
    out = []
    for line in resources.read_lines("preprocessing", "boilerplate.tsv"):
        cat, _, pattern = line.partition("\t")
        out.append((cat, re.compile(pattern.strip(), re.IGNORECASE)))
    return out


@functools.lru_cache(maxsize=1)
def _section_stops() -> frozenset:
    return frozenset(l.strip() for l in resources.read_lines("preprocessing", "section_stops.txt"))


def _is_nav(line: str) -> bool:
    # a long run of menu words: no punctuation or digits at all, or many | separators
    if line.count("|") >= 3 or line.count("｜") >= 3:
        return True
    # (menus are short: a longer unpunctuated run is text that lost its punctuation)
    return 40 < len(line) <= 400 and not _ANY_PUNCT_RE.search(line)


#: furniture categories made of words that a sentence of news may use (招聘信息, 法律顾问,
#: 举报电话, 扫一扫): inside a sentence they count only at its start or two different ones
#: together (关于我们 … 联系我们; 未经授权，不得转载)
_SENTENCE_WORD_CATEGORIES = frozenset({"footer", "share", "breadcrumb"})


def _is_sentence(line: str) -> bool:
    n_cjk = len(_CJK_RE.findall(line))
    return bool((n_cjk >= 20 and _CLAUSE_PUNCT_RE.search(line))
                or (n_cjk >= 10 and _SENT_END_RE.search(line)))


def _furniture(line: str, pats) -> bool:
    # a long paragraph with a watermark or a copyright word inside is still article text:
    # there only patterns that hold from the line's start count
    if len(line) > 200:
        return any(p.match(line) for _, p in pats)
    if not _is_sentence(line):
        return any(p.search(line) for _, p in pats)
    # a sentence (“…用红纸写招聘信息的都是临时增加的企业。”负责人说。) is furniture only
    # for a footer or copyright mark, or for menu words at its start or two of them together
    words = set()
    for cat, p in pats:
        if cat not in _SENTENCE_WORD_CATEGORIES:
            if p.search(line):
                return True
        elif p.match(line):
            return True
        else:
            words.update(m.group(0) for m in p.finditer(line))
    return len(words) >= 2


def is_furniture(line: str) -> bool:
    """True for one line of page furniture (a menu, share bar, footer, login links …)."""
    line = line.strip()
    return bool(line) and (_is_nav(line) or _furniture(line, furniture_patterns()))


def classify_lines(lines: list) -> list:
    """'good' / 'bad' / 'short' / 'stop' / 'blank' for each line."""
    pats = furniture_patterns()
    stops = _section_stops()
    out = []
    for raw in lines:
        line = raw.strip()
        if not line:
            out.append("blank")
            continue
        if line.strip("【】[]：: ") in stops:
            out.append("stop")
            continue
        if _is_nav(line) or _furniture(line, pats):
            out.append("bad")
            continue
        if _is_sentence(line):
            out.append("good")
        else:
            out.append("short")
    return out


#: a line that closes an article (a byline, an editor, a source, a photo credit) or belongs to
#: the page around it (a bulleted or dated headline, a separator)
_CLOSING_RE = re.compile(r"编辑|责编|作者|来源|稿源|记者|通讯员|摄影|摄$|供稿|审核|审校|校对|原标题|转载|"
                         r"发布(?:时间|日期|者|人|单位)|(?:阅读|浏览|点击)(?:量|数|次数)?\s*[:：]?\s*\d|^[(（【\[].*[)）】\]]$")
_TEASER_RE = re.compile(r"^[-·•●◆▪►▶■□>»]|[|｜×]|\d{1,2}[-/.]\d{1,2}\s*$|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]")


def _closing(line: str) -> bool:
    line = line.strip()
    return bool(_CLOSING_RE.search(line) or _TEASER_RE.search(line))


#: the heading of an annex of a notice (附件1, 附件：): its list follows (名单 of bodies awarded)
_ANNEX_RE = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?$")


def _tail_text(line: str) -> bool:
    """A short line after the last sentence that reads as article text (a figure, a phrase of
    a sentence set line by line, a name in a list, an annex heading), not as a menu item (they
    are shorter), a closing line or another headline."""
    line = line.strip()
    return (len(_CJK_RE.findall(line)) >= 5 or bool(_ANNEX_RE.match(line))) and not _closing(line)


def drop_boilerplate(text: str, *, head: int = 3, tail: int = 3, more: int = 15) -> str:
    """Keep the article's lines, drop the furniture around and inside it.

    After the last sentence up to ``tail`` short lines are kept, and up to ``more`` further ones
    that read as article text (:func:`_tail_text`) while no short line since the last sentence
    closed the article (a byline, an editor, a source: that line is still kept) or looked like
    another headline."""
    if not text:
        return text
    lines = text.split("\n")
    cls = classify_lines(lines)
    good = [i for i, c in enumerate(cls) if c == "good"]
    if not good:
        # no sentence at all (a pasted phrase, a table): keep everything but furniture
        return "\n".join(l for l, c in zip(lines, cls) if c not in ("bad", "stop")).strip()
    first, last = good[0], good[-1]
    # a teaser heading after article text ends the article
    for i, c in enumerate(cls):
        if c == "stop" and i > first:
            last = max(j for j in good if j < i)
            break
    keep = [False] * len(lines)
    for i in range(first, last + 1):
        keep[i] = cls[i] in ("good", "short")
    n = 0
    for i in range(first - 1, -1, -1):
        if cls[i] == "blank":
            continue
        if cls[i] != "short" or n >= head:
            break
        keep[i] = True
        n += 1
    n, closed = 0, False
    for i in range(last + 1, len(lines)):
        if cls[i] == "blank":
            continue
        if cls[i] != "short":
            break
        # past ``tail`` lines, short lines go on being article text while none of them closed
        # the article (a byline, an editor, a source) and each reads as text, not as a menu item
        # or another article's headline (命名23家示范性劳模工作室 / 66家劳模工作室 / 发布42项成果);
        # the byline or source that closes such a run is the article's own
        if n >= tail and (closed or n >= tail + more or not (
                _tail_text(lines[i]) or _CLOSING_RE.search(lines[i].strip()))):
            break
        closed = closed or _closing(lines[i])
        keep[i] = True
        n += 1
    return "\n".join(l for l, k in zip(lines, keep) if k)
