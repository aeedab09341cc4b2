"""Markup nested deeper than the HTML parser goes, flattened so that its text is kept.

libxml2 (lxml's parser) stops building the tree below a nesting depth of 256 elements, 2048 with
``huge_tree``, and drops everything after that point: a page with ≥ 254 nested ``<div>``
wrappers or a CMS that opens a ``<font>`` per paragraph and never closes it lost its whole body
("no body text found"). :func:`flatten_deep` leaves markup at most :data:`MAX_NESTING` deep
unchanged and otherwise removes the tags that open below that depth (with their end tags),
writing a ``<br>`` for a removed block element so that its lines stay lines. The text is kept;
only structure deeper than any real page has is lost.

The depth is counted on the tags as written: void elements (``<br>``, ``<img>`` …) and
self-closed tags do not nest, ``<script>``/``<style>``/``<textarea>``/``<title>`` hold raw text,
an end tag closes up to its start tag, and a ``<p>``, ``<li>``, ``<td>`` … start tag closes an
open element of its own kind (as the HTML parser does).
"""
from __future__ import annotations

import re

__all__ = ["flatten_deep", "MAX_NESTING"]

#: deepest nesting left as it is; well below libxml2's 2048 (``huge_tree``) so that counting
#: the tags as written and libxml2's own count may differ without losing text
MAX_NESTING = 1800

#: a start or end tag (a ``>`` inside a quoted attribute value ends it early: the depth counted
#: may be off by one there, which the margin below libxml2's limit absorbs)
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)([^>]*)>")
_SKIP = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*>?", re.S)
_VOID = frozenset("area base basefont bgsound br col embed frame hr img input isindex keygen link "
                  "meta param source spacer track wbr".split())
_RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes plaintext".split())
_SELF_CLOSING_SIBLINGS = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"},
                          "option": {"option"}, "tr": {"tr"}, "td": {"td", "th"}, "th": {"td", "th"}}
_BLOCK = frozenset("address article aside blockquote center dd details div dl dt fieldset figcaption "
                   "figure footer form h1 h2 h3 h4 h5 h6 header li main nav ol p pre section table "
                   "tbody td tfoot th thead tr ul".split())


def _tokens(markup: str):
    """``(start, end, closing, name, self_closed)`` of every tag outside comments and raw text."""
    pos = 0
    n = len(markup)
    while pos < n:
        lt = markup.find("<", pos)
        if lt < 0:
            return
        m = _SKIP.match(markup, lt)
        if m:
            pos = m.end()
            continue
        m = _TAG.match(markup, lt)
        if not m:
            pos = lt + 1
            continue
        name = m.group(2).lower()
        closing = m.group(1) == "/"
        yield m.start(), m.end(), closing, name, m.group(3).rstrip().endswith("/")
        pos = m.end()
        if not closing and name in _RAW_TEXT:
            end = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(markup, pos)
            pos = end.start() if end else n


def _walk(markup: str, limit: int):
    """Yield ``(start, end, closing, name, dropped)`` for tags; ``dropped`` when the tag opens
    below ``limit`` (or closes such a tag)."""
    stack: list = []  # (name, dropped)
    for start, end, closing, name, self_closed in _tokens(markup):
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    dropped = stack[i][1]
                    del stack[i:]
                    yield start, end, True, name, dropped
                    break
            continue
        if name in _VOID or self_closed:
            continue
        siblings = _SELF_CLOSING_SIBLINGS.get(name)
        if siblings and stack and stack[-1][0] in siblings:
            stack.pop()
        dropped = len(stack) >= limit
        stack.append((name, dropped))
        yield start, end, False, name, dropped


def flatten_deep(markup: str, limit: int = MAX_NESTING) -> str:
    """``markup`` unchanged when it nests at most ``limit`` elements deep; otherwise without
    the tags that open deeper (a removed block element leaves a ``<br>``)."""
    if markup.count("<") <= limit:  # cannot nest deeper than it has tags
        return markup
    cuts = [(s, e, name) for s, e, _, name, dropped in _walk(markup, limit) if dropped]
    if not cuts:
        return markup
    out = []
    pos = 0
    for s, e, name in cuts:
        out.append(markup[pos:s])
        if name in _BLOCK:
            out.append("<br>")
        pos = e
    out.append(markup[pos:])
    return "".join(out)
