"""Generic main-text extraction for Chinese news pages (lxml).

Method (after Readability's paragraph scoring, Arc90 2009, and the text/punctuation density
idea of CEPF, Wu et al. 2016 and GNE): each block of direct text gets
``1 + sentence punctuation + min(chars/50, 3)``; that score is added to its block, the parent
(×0.9), grandparent (×0.45) and great-grandparent (×0.2). A candidate's total is multiplied by
``1 - link density`` and shifted by class/id hints (``content``/``zoom``/``TRS_Editor`` up,
``nav``/``footer``/``share`` down). The best node plus qualifying siblings form the body, which
is then rendered block by block (one line per block or ``<br>``), skipping link lists, navigation
and share/comment widgets.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

import lxml.etree as etree
import lxml.html

from .nesting import flatten_deep

__all__ = ["build_tree", "meta_tags", "page_title", "find_main", "render_lines", "all_lines",
           "enp_properties"]

BLOCK = {
    "p", "div", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "li", "ul", "ol", "dl", "dt",
    "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "nav",
    "aside", "blockquote", "pre", "form", "center", "main", "figure", "figcaption", "address",
    "hr", "body", "html", "caption", "fieldset", "details", "summary", "founder-content",
}
DROP = {"script", "style", "noscript", "iframe", "object", "embed", "svg", "canvas", "select",
        "option", "button", "input", "textarea", "template", "map", "video", "audio", "link",
        "meta", "head", "title"}
SKIP_RENDER = {"nav", "footer", "aside", "form"}
NEG_RE = re.compile(
    r"nav|menu|foot|copyright|crumb|share|comment|sidebar|side_|side-|\bside\b|related|relate|"
    r"recommend|hotnews|\bhot|rank|toolbar|login|search|advert|\bads?\b|\bad[_-]|banner|friend|"
    r"\blinks?\b|pager?\b|paging|\btags?\b|keyword|weixin|qrcode|erweima|topbar|top_bar|logo|"
    r"print|fontsize|guanggao|\bgg\d|\bmore\b|xgxw|xgyd|dibu|daohang|\bfl\b|\bfr\b",
    re.I,
)
POS_RE = re.compile(
    r"article|content|\btext|body|zoom|detail|main|\bnews|post|entry|\bcont\b|story|trs_editor|"
    r"neirong|zhengwen|artibody|endtext|\bcon\b|\btxt|wenzhang|founder", re.I
)
_PUNCT = re.compile(r"[，。！？；：、,.!?;]")
_WS = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")

# -- the scoring, named (tuned on the fixture sites and development pages; bench/eval_html.py) --

#: a block with fewer characters of direct text than this scores nothing
BLOCK_MIN_CHARS = 10
#: a block scores 1 + its sentence punctuation + one point per this many characters …
CHARS_PER_POINT = 50.0
#: … up to this many points for length
MAX_LENGTH_POINTS = 3.0
#: share of a block's score given to it, its parent, grandparent and great-grandparent
ANCESTOR_WEIGHTS = (1.0, 0.9, 0.45, 0.2)
#: a class/id saying content (POS_RE) multiplies the score by this, one saying navigation
#: (NEG_RE) by NEGATIVE_HINT; ``<body>``/``<html>`` themselves by WHOLE_PAGE_FACTOR
POSITIVE_HINT = 1.25
NEGATIVE_HINT = 0.5
WHOLE_PAGE_FACTOR = 0.5
#: a sibling of the best node joins the body when it scores at least the larger of these two
#: (an absolute minimum, a share of the best score) and has a link density below …
SIBLING_MIN_SCORE = 8.0
SIBLING_SCORE_SHARE = 0.25
SIBLING_MAX_LINK_DENSITY = 0.25
#: … or when it is a ``<p>`` with this much text, few links and some sentence punctuation
SIBLING_P_MIN_CHARS = 40
SIBLING_P_MAX_LINK_DENSITY = 0.2
SIBLING_P_MIN_PUNCT = 2
#: an element with a navigation class/id is skipped unless it is prose: link density at most
#: this, at least this much punctuation and this many characters
HINTED_JUNK_LINK_DENSITY = 0.2
HINTED_JUNK_MIN_PUNCT = 3
HINTED_JUNK_MIN_CHARS = 80
#: list/table/block elements that are mostly links are skipped (link lists, navigation) …
LINK_LIST_TAGS = ("ul", "ol", "dl", "table", "div", "section", "tr", "td", "li", "p", "span", "center")
LINK_LIST_MIN_CHARS = 4
LINK_LIST_LINK_DENSITY = 0.5
#: … unless they read as prose with links in it
LINK_PROSE_MIN_PUNCT = 6
LINK_PROSE_MAX_LINK_DENSITY = 0.7
#: a headline is this long (after whitespace is squeezed)
TITLE_MIN_CHARS = 4
TITLE_MAX_CHARS = 120


_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def build_tree(text: str):
    """Parse HTML text into an lxml tree; None when there is nothing to parse.

    The parser is told not to stop at libxml2's default depth of 256 (``huge_tree``: 2048), and
    markup nested deeper than that is flattened (:mod:`unionnlp.parse.nesting`) and parsed
    again, so text under hundreds of wrappers or unclosed ``<font>`` tags is kept.
    """
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text or "")
    # lxml refuses NUL/control characters and lone surrogates (corrupt bytes, binary junk)
    text = _BAD_CHARS.sub("", text)
    if not text.strip():
        return None
    doc, too_deep = _parse(text)
    if too_deep:  # the parser stopped at its depth limit and dropped the rest: flatten, again
        doc, _ = _parse(flatten_deep(text))
    return doc


def _parse(text: str) -> tuple:
    """``(tree or None, whether the parser hit its nesting limit)``."""
    parser = lxml.html.HTMLParser(huge_tree=True)  # one per call: lxml parsers are not thread-safe
    try:
        doc = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        try:
            doc = lxml.html.document_fromstring("<html><body>" + text + "</body></html>", parser=parser)
        except Exception:
            return None, False
    return doc, any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def meta_tags(doc) -> dict:
    """``<meta name|property|itemprop=… content=…>`` as a lowercase-keyed dict (first wins)."""
    out: dict = {}
    for m in doc.iter("meta"):
        key = m.get("name") or m.get("property") or m.get("itemprop") or m.get("http-equiv")
        val = m.get("content")
        if key and val and val.strip():
            out.setdefault(key.strip().lower(), val.strip())
    return out


_ENP_RE = re.compile(r"<(\w+)>([^<]*)</\1>")


def enp_properties(doc) -> dict:
    """Fields of a Founder e-paper ``<!--enpproperty <date>…</date>…/enpproperty-->`` comment."""
    for c in doc.iter(etree.Comment):
        t = c.text or ""
        if "enpproperty" in t:
            return {k.lower(): v.strip() for k, v in _ENP_RE.findall(t) if v.strip()}
    return {}


def _norm(s: str) -> str:
    return _WS.sub(" ", s or "").strip()


def _clean_title(t: str) -> str:
    return _norm(t).strip(" -_|｜")


_TITLE_TAGS = ("h1", "h2", "h3", "h4", "founder-title", "span", "strong", "b", "font")
_TITLE_CLASSED = ("div", "td", "p")
_TITLE_CLASS = re.compile(r"title|biaoti|headline|tit\b", re.I)


_SITE_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{0,10}(?:日报|晚报|早报|工人报|时报|商报|数字报|电子报|新闻网|网|报)"
                           r"(?:社|数字报|电子版)?$")


_SOLID = re.compile(r"[^\s\u200b\ufeff\-_|｜]")  # what _clean_title keeps, one for one


def _solid_length(el, memo: dict) -> int:
    """How many characters of ``el.text_content()`` whitespace squeezing and title trimming
    cannot remove, counted from the leaves up and remembered in ``memo``: each element is
    counted once however many candidates contain it (building each candidate's text would be
    quadratic in a chain of nested inline elements)."""
    stack = [(el, False)]
    while stack:
        node, counted_children = stack.pop()
        if counted_children:
            n = sum(len(_SOLID.findall(p)) for p in [node.text] + [c.tail for c in node] if p)
            memo[node] = n + sum(memo[c] for c in node if isinstance(c.tag, str))
        elif node not in memo:
            stack.append((node, True))
            stack.extend((c, False) for c in node if isinstance(c.tag, str) and c not in memo)
    return memo[el]


def page_title(doc, meta: dict) -> Optional[str]:
    """The headline: an ``h1``–``h3``/``.title`` element that also occurs in ``<title>``, else
    ``og:title``, else the first segment of ``<title>`` before a site-name separator."""
    tt = doc.find(".//title")
    title_tag = _clean_title(tt.text_content()) if tt is not None else ""
    og = _clean_title(meta.get("og:title") or meta.get("twitter:title") or "")
    squash = lambda s: re.sub(r"[\s\u3000\xa0]", "", s)  # noqa: E731
    key = squash(title_tag) + "\x00" + squash(og)
    best = None
    solid: dict = {}
    for el in doc.iter(*_TITLE_TAGS, *_TITLE_CLASSED):
        if el.tag in _TITLE_CLASSED and not _TITLE_CLASS.search(_attr(el)):
            continue
        if _solid_length(el, solid) > TITLE_MAX_CHARS:
            continue  # a container, not a heading: its text cannot be squeezed to a title
        t = _clean_title(el.text_content())
        if not (TITLE_MIN_CHARS <= len(t) <= TITLE_MAX_CHARS):
            continue
        st = squash(t)
        if st and st in key and (best is None or len(t) > len(best)):
            best = t
    if best:
        return best
    if og:
        return og
    h1s = [t for t in (_clean_title(el.text_content()) for el in doc.iter("h1"))
           if TITLE_MIN_CHARS <= len(t) <= TITLE_MAX_CHARS]
    if title_tag:
        parts = re.split(r"\s*(?:_|\||｜|--|——|\s-\s|\s–\s|-{1}(?=[^-]*$))\s*", title_tag)
        parts = [p for p in parts if p.strip()]
        # e-paper and portal pages often title every page with the paper's or site's name
        # (扬州日报-第A03版): then the page's one h1 is the headline
        if parts and len(h1s) == 1 and _SITE_NAME_RE.search(parts[0].strip()):
            return h1s[0]
        if parts:
            return parts[0].strip()
    for el in doc.iter("h1"):
        t = _clean_title(el.text_content())
        if t:
            return t
    return None


def _strip(doc) -> None:
    for el in list(doc.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove(el)
    for el in list(doc.iter(*DROP)):
        if el.getparent() is not None:
            _remove(el)


def _remove(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _attr(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


class _Stats:
    __slots__ = ("chars", "links", "punct", "score")

    def __init__(self):
        self.chars = 0
        self.links = 0
        self.punct = 0
        self.score = 0.0


def _count(s: Optional[str]) -> int:
    return len(_WS.sub("", s)) if s else 0


def _analyse(doc) -> dict:
    """Per-element subtree totals (chars, link chars, punctuation) and paragraph scores.

    Linear in the number of elements, however deep the tree: link membership and the enclosing
    block are passed down, subtree totals summed up from the leaves.
    """
    elements = []
    own = []  # (element, chars, punctuation, inside a link) of elements with direct text
    in_link_of: dict = {}
    block_of: dict = {}
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        elements.append(el)
        parent = el.getparent()
        in_link = el.tag == "a" or in_link_of.get(parent, False)
        in_link_of[el] = in_link
        block_of[el] = el if el.tag in BLOCK else block_of.get(parent)
        pieces = [el.text] + [c.tail for c in el]
        n = sum(_count(p) for p in pieces)
        if n:
            own.append((el, n, sum(len(_PUNCT.findall(p)) for p in pieces if p), in_link))
    totals: dict = {}
    for el, n, punct, in_link in own:
        totals[el] = [n, punct, n if in_link else 0]
    for el in reversed(elements):  # children before their parents
        t = totals.get(el)
        parent = el.getparent()
        if t is not None and parent is not None:
            pt = totals.setdefault(parent, [0, 0, 0])
            pt[0] += t[0]
            pt[1] += t[1]
            pt[2] += t[2]
    stats: dict = {}
    direct: dict = {}
    for el, n, punct, in_link in own:
        node = el  # created in document order, each with its ancestors (ties go to the first)
        while node is not None and node not in stats:
            st = stats[node] = _Stats()
            st.chars, st.punct, st.links = totals[node]
            node = node.getparent()
        if not in_link:
            blk = block_of.get(el)
            if blk is not None:
                d = direct.setdefault(blk, [0, 0])
                d[0] += n
                d[1] += punct
    for blk, (n, punct) in direct.items():
        if n < BLOCK_MIN_CHARS:
            continue
        s = 1 + punct + min(n / CHARS_PER_POINT, MAX_LENGTH_POINTS)
        for w, node in zip(ANCESTOR_WEIGHTS, _ancestors(blk, len(ANCESTOR_WEIGHTS))):
            stats[node].score += s * w
    return stats


def _ancestors(el, k: int):
    out = []
    while el is not None and len(out) < k:
        out.append(el)
        el = el.getparent()
    return out


def _final(el, st) -> float:
    if st.chars == 0:
        return 0.0
    ld = st.links / st.chars
    score = st.score * (1.0 - ld)
    a = _attr(el)
    if a.strip():
        if POS_RE.search(a):
            score *= POSITIVE_HINT
        if NEG_RE.search(a) and not POS_RE.search(a):
            score *= NEGATIVE_HINT
    if el.tag in ("body", "html"):
        score *= WHOLE_PAGE_FACTOR
    return score


def find_main(doc, stats: Optional[dict] = None) -> tuple[list, dict]:
    """The body node(s): best-scoring candidate plus qualifying siblings."""
    if stats is None:
        stats = _analyse(doc)
    best, best_score = None, 0.0
    for el, st in stats.items():
        if st.score <= 0:
            continue
        sc = _final(el, st)
        if sc > best_score:
            best, best_score = el, sc
    if best is None:
        body = doc.find(".//body")
        return ([body] if body is not None else [doc]), stats
    parent = best.getparent()
    if parent is None:
        return [best], stats
    nodes = []
    threshold = max(SIBLING_MIN_SCORE, best_score * SIBLING_SCORE_SHARE)
    for sib in parent:
        if sib is best:
            nodes.append(sib)
            continue
        if not isinstance(sib.tag, str):
            continue
        st = stats.get(sib)
        if st is None or st.chars == 0:
            continue
        ld = st.links / st.chars
        if _final(sib, st) >= threshold and ld < SIBLING_MAX_LINK_DENSITY:
            nodes.append(sib)
        elif (sib.tag == "p" and st.chars >= SIBLING_P_MIN_CHARS and ld < SIBLING_P_MAX_LINK_DENSITY
              and st.punct >= SIBLING_P_MIN_PUNCT):
            nodes.append(sib)
    return nodes, stats


def _is_junk(el, stats: dict) -> bool:
    tag = el.tag
    if tag in SKIP_RENDER:
        return True
    st = stats.get(el)
    a = _attr(el)
    if st is None:
        return False
    ld = st.links / st.chars if st.chars else 0.0
    if a.strip() and NEG_RE.search(a) and not POS_RE.search(a):
        if ld > HINTED_JUNK_LINK_DENSITY or st.punct < HINTED_JUNK_MIN_PUNCT or st.chars < HINTED_JUNK_MIN_CHARS:
            return True
    if tag in LINK_LIST_TAGS:
        if (st.chars >= LINK_LIST_MIN_CHARS and ld > LINK_LIST_LINK_DENSITY
                and not (st.punct >= LINK_PROSE_MIN_PUNCT and ld < LINK_PROSE_MAX_LINK_DENSITY)):
            return True
    return False


def render_lines(nodes: Iterable, stats: Optional[dict] = None, skip_junk: bool = True) -> list[str]:
    """Text of ``nodes`` with one line per block element / ``<br>`` (junk subtrees skipped)."""
    stats = stats or {}
    buf: list[str] = []

    def walk(root):
        stack = [(root, False)]
        while stack:
            el, closing = stack.pop()
            if closing:
                if el.tag in BLOCK:
                    buf.append("\n")
                if el.tail:
                    buf.append(el.tail)
                continue
            if not isinstance(el.tag, str):
                if el.tail:
                    buf.append(el.tail)
                continue
            if skip_junk and _is_junk(el, stats):
                if el.tag in BLOCK:
                    buf.append("\n")
                if el.tail:
                    buf.append(el.tail)
                continue
            if el.tag == "br":
                buf.append("\n")
                if el.tail:
                    buf.append(el.tail)
                continue
            if el.tag in BLOCK:
                buf.append("\n")
            if el.text:
                buf.append(el.text)
            stack.append((el, True))
            for child in reversed(list(el)):
                stack.append((child, False))

    for n in nodes:
        walk(n)
        buf.append("\n")
    text = "".join(buf)
    text = text.replace("\r", "\n")
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t\xa0\u3000\u2002\u2003\u200b\ufeff]+", " ", line).strip()
        if line:
            lines.append(line)
    return lines


def all_lines(doc) -> list[str]:
    """Every text line of the (stripped) document, for locating bylines around the body."""
    body = doc.find(".//body")
    return render_lines([body if body is not None else doc], None, skip_junk=False)


def strip_tree(doc) -> None:
    """Remove scripts, styles, forms' controls, comments and ``<head>`` content in place."""
    _strip(doc)


def analyse(doc) -> dict:
    return _analyse(doc)
