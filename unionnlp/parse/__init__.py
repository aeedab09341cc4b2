"""Page → Article: site adapters first, then a generic extractor; text pages by lines.

The rooms, in the order a page goes through them:

* :mod:`~unionnlp.parse.page` — ``parse_page`` (decode, HTML or text, clean, errors) and
  ``merge_pages`` / ``parse_pages`` (multi-page articles joined);
* :mod:`~unionnlp.parse.html_page` — an HTML page's body (site adapter from
  ``resources/parse/sites.json``: 中工网-style portal, Founder and workercn e-papers, county CMS;
  else the generic extractor; trafilatura when both find almost nothing) and its metadata;
* :mod:`~unionnlp.parse.text_page` — a text page's title, info line and body;
* :mod:`~unionnlp.parse.html` (lxml tree, block scoring, rendering to lines),
  :mod:`~unionnlp.parse.adapters`, :mod:`~unionnlp.parse.lines` (what a line is: byline,
  headline, furniture; the body's edges), :mod:`~unionnlp.parse.meta` (bylines),
  :mod:`~unionnlp.parse.dates`, :mod:`~unionnlp.parse.continuations` (``x_2.html`` → ``x.html``);
* :mod:`~unionnlp.parse.settings` — the thresholds, named.

``parse_page(page)`` never raises for bad input: problems go to ``Article.errors`` as
:class:`~unionnlp.records.ErrorEntry`.
"""
from __future__ import annotations

from .continuations import continuation_of, group_continuations
from .html_page import parse_html
from .page import merge_pages, parse_page, parse_pages
from .text_page import parse_text

__all__ = ["parse_page", "parse_html", "parse_text", "merge_pages", "group_continuations",
           "parse_pages", "continuation_of"]
