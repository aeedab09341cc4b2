"""Repair text extracted from document-sharing sites and PDFs.

Document-sharing previews (天天文库, 原创力, 道客巴巴 …) break the running text in three ways:

* **page markers**: each preview page starts a new paragraph with ``N、`` (N = 1, 2, 3 …) that
  splits whatever word spans the page boundary: ``…深\\n\\n2、入开展…`` must read ``…深入开展…``;
* **stray page digits**: the page number of the PDF lands inside the text: ``党建”8,以企业``;
* **spaces and hard line breaks inside CJK runs** from PDF line wrapping: ``提升 工会干部``,
  ``宣\\n传宣讲``.

Each repair is a small function; :func:`repair_docshare` applies the ones whose signature is
present. Real list items (``1、组织建设…``) are told apart from page markers by their sequence
and by the length of the text between them (a preview page holds hundreds of characters).
"""
from __future__ import annotations

import re

__all__ = [
    "remove_cjk_spaces",
    "join_page_markers",
    "remove_stray_page_digits",
    "join_wrapped_lines",
    "repair_docshare",
    "looks_like_docshare",
]

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"，。、；：？！“”‘’《》（）【】—…·"
# a space between two CJK characters / CJK punctuation; digits next to CJK too (宣讲 2 次)
_SPACE_CJK_RE = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}]) +(?=[{_CJK}{_CJK_PUNCT}])")
_SPACE_CJK_DIGIT_RE = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}]) +(?=[0-9])|(?<=[0-9]) +(?=[{_CJK}{_CJK_PUNCT}%])")
_ASCII_PUNCT_SPACE_RE = re.compile(rf"(?<=[,.;:!?]) +(?=[{_CJK}“])")

_MARKER_RE = re.compile(r"(?:^|\n)\n*(\d{1,3})、")
_STRAY_AFTER_QUOTE_RE = re.compile(rf"(?<=[”’」』)])\d{{1,2}}(?=[,，。;；])")
_STRAY_BETWEEN_RE = re.compile(rf"(?<=[。；;{_CJK}])([1-9])(?=[{_CJK}])")
_UNIT_AFTER = set("个名人家户项次场元万亿千百十件份位期届年月日岁条所座批类种台套辆层级号倍分秒点天周")
_NUM_BEFORE = set("第约近达为共有超逾余约计至到和、前后上下每")

_DOCSHARE_SIGNS = re.compile(
    r"当前文档最多预览|下载文档查看全文|由会员上传分享|免费在线阅读|文档下载收益|加入VIP|立即下载|"
    r"_第\d+页|资源描述|文库"
    , re.IGNORECASE)


def looks_like_docshare(text: str) -> bool:
    """True when the text carries document-sharing preview artifacts."""
    return bool(_DOCSHARE_SIGNS.search(text)) or _page_marker_positions(text) is not None


def remove_cjk_spaces(text: str) -> str:
    """Drop spaces inside CJK runs (PDF wrapping), and between CJK and digits."""
    text = _SPACE_CJK_RE.sub("", text)
    text = _SPACE_CJK_DIGIT_RE.sub("", text)
    return _ASCII_PUNCT_SPACE_RE.sub("", text)


def _page_marker_positions(text: str):
    """Spans of paragraph-initial ``N、`` markers that count 1, 2, 3 … with long pages between.

    Returns a list of (start, end) of the markers to drop, or None when the sequence is absent.
    """
    found = []
    expected = 1
    for m in _MARKER_RE.finditer(text):
        n = int(m.group(1))
        if n == expected:
            found.append((m.start(1), m.end(), m.start()))
            expected += 1
    if len(found) < 2:
        return None
    gaps = [found[i + 1][0] - found[i][1] for i in range(len(found) - 1)]
    # preview pages are long (real numbered lists have short items), and a page boundary
    # falls mid-sentence far more often than a list item boundary does
    if sorted(gaps)[len(gaps) // 2] < 150:
        return None
    mid_sentence = sum(1 for _, _, b in found[1:] if text[:b].rstrip("\n")[-1:] not in _LINE_END_PUNCT)
    if mid_sentence * 2 < len(found) - 1:
        return None
    return found


def join_page_markers(text: str) -> str:
    """Remove docshare page markers and glue the word they split back together."""
    found = _page_marker_positions(text)
    if not found:
        return text
    out = []
    pos = 0
    for k, (mstart, mend, block_start) in enumerate(found):
        if k == 0:  # page 1 starts a paragraph: keep the break before it
            out.append(text[pos:mstart])
        else:  # later pages continue the sentence the page boundary split
            out.append(text[pos:block_start].rstrip("\n"))
        pos = mend
    out.append(text[pos:])
    return "".join(out)


def remove_stray_page_digits(text: str) -> str:
    """Drop single page digits stranded in running text (``党建”8,以`` / ``措施8工会``)."""
    text = _STRAY_AFTER_QUOTE_RE.sub("", text)

    def _between(m: re.Match) -> str:
        s, e = m.start(), m.end()
        prev = text[s - 1] if s else ""
        nxt = text[e] if e < len(text) else ""
        if nxt in _UNIT_AFTER or prev in _NUM_BEFORE:
            return m.group(0)
        # a numeral next to another number-ish char is a real number
        if (s >= 2 and text[s - 2].isdigit()) or (e + 1 < len(text) and text[e + 1].isdigit()):
            return m.group(0)
        return ""

    return _STRAY_BETWEEN_RE.sub(_between, text)


_LINE_END_PUNCT = set("。！？!?；;：:…”’」』)）】")


def _display_width(line: str) -> int:
    """Columns a line takes in print: CJK and full-width forms count two, ASCII one."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in line)


def join_wrapped_lines(text: str, *, min_lines: int = 6) -> str:
    """Join hard-wrapped lines of PDF text (many lines of near-equal length, no end punctuation).

    A line is joined to the next when it is close to the dominant line length of the document
    and does not end a sentence. Documents without that signature are returned unchanged.
    """
    lines = text.split("\n")
    widths = [_display_width(l) for l in lines]
    lengths = [w for w in widths if w >= 30]
    if len(lengths) < min_lines:
        return text
    counts: dict[int, int] = {}
    for n in lengths:
        counts[n] = counts.get(n, 0) + 1
    # dominant width (allow ±1 jitter)
    width = max(counts, key=lambda n: counts.get(n - 1, 0) + counts[n] + counts.get(n + 1, 0))
    near = sum(counts.get(width + d, 0) for d in range(-3, 4))
    if near < max(min_lines, 0.3 * len(lengths)):
        return text
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        wrapped = (
            abs(widths[i] - width) <= 3
            and line
            and line[-1] not in _LINE_END_PUNCT
            and nxt.strip()
        )
        out.append("" if wrapped else "\n")
    return "".join(out[:-1]) if out else text


def repair_docshare(text: str, *, spaces: bool = True) -> str:
    """Apply the document-sharing repairs whose signature is present in the text.

    With ``spaces=False`` the spaces inside CJK runs are left for a later
    :func:`remove_cjk_spaces` (boilerplate detection reads them first).
    """
    if not text:
        return text
    marked = _page_marker_positions(text) is not None
    if marked:
        text = join_page_markers(text)
    if marked or _DOCSHARE_SIGNS.search(text):
        text = remove_stray_page_digits(text)
    text = join_wrapped_lines(text)
    return remove_cjk_spaces(text) if spaces else text
