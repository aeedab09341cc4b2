"""The thresholds of the page parser, named, in one place (lengths are in characters).

Tuned on the project's own fixture sites and the development pages; ``bench/eval_html.py``
measures what a change does on external pages. The generic extractor's scoring constants live
at the top of :mod:`unionnlp.parse.html`, the byline reader's at the top of
:mod:`unionnlp.parse.meta`.
"""
from __future__ import annotations

# -- HTML pages ---------------------------------------------------------------------------------

#: a body shorter than this (all lines together) is "almost nothing": trafilatura is asked too
MIN_BODY_CHARS = 30
#: lines of the document read before the body's first line (info bar) and after its last (editor)
AROUND_BODY_LINES = 8
#: lines above the body searched for the headline, which starts the info bar
TITLE_SEARCH_LINES = 30
#: a document line shorter than this is not taken for the headline it is part of
TITLE_PART_MIN_CHARS = 4
#: first lines of the body checked for a dateline or byline the container swallowed …
BODY_TOP_LINES = 8
#: … when they are at most this long and have no sentence end
BODY_TOP_LINE_MAX_CHARS = 60
#: e-paper pages: lines of the page header searched for the paper's name (报刊:扬州日报) …
EPAPER_HEADER_LINES = 15
#: … each at most this long
EPAPER_HEADER_LINE_MAX_CHARS = 80
#: ``<meta name=author>`` values outside this length range are not a person's name
META_AUTHOR_CHARS = (2, 20)
#: ``<meta name=source>`` values outside this length range are not an outlet's name
META_OUTLET_CHARS = (2, 30)
#: ``责任编辑：`` alone on a line takes the next line as its value when that is at most this long
LABEL_VALUE_MAX_CHARS = 30

# -- the body's edges (HTML) --------------------------------------------------------------------

#: a paragraph at least this long seen twice in the body is a duplicate (print/mobile copy)
DUPLICATE_MIN_CHARS = 15
#: the headline repeated within the body's first lines is dropped
TITLE_REPEAT_LINES = 4
#: the pretitle/subtitle repeated within the body's first lines is dropped
SUBTITLE_REPEAT_LINES = 5
#: last lines of the body searched for an editor line …
EDITOR_TAIL_LINES = 3
#: … which is shorter than this
EDITOR_LINE_MAX_CHARS = 60
#: first and last lines of the body searched for a byline (作者：…) when nothing else named one
AUTHOR_HEAD_LINES = 2
AUTHOR_TAIL_LINES = 3
#: … each at most this long
AUTHOR_LINE_MAX_CHARS = 40

# -- text pages ---------------------------------------------------------------------------------

#: a body paragraph of a text page is at least this long (and has sentence punctuation)
PARAGRAPH_MIN_CHARS = 50
#: a headline of a text page is this long (no sentence end, not a byline, not a caption)
HEADLINE_CHARS = (4, 60)
#: a furniture line (login, share bar …) of a text page is shorter than this
FURNITURE_MAX_CHARS = 200
#: lines above the first paragraph searched for the info line (bylines, date)
INFO_SEARCH_LINES = 6
#: metadata lines are read among the first and last lines of a text page …
TEXT_HEAD_LINES = 12
TEXT_TAIL_LINES = 8
#: … when at most this long
TEXT_META_LINE_MAX_CHARS = 120
#: last lines of a text page searched for a closing ``（记者 张倩）`` …
TEXT_AUTHOR_TAIL_LINES = 6
#: … in a sentence at least this long
TEXT_AUTHOR_SENTENCE_MIN_CHARS = 15
#: a date alone on one of the first lines of a text page is its publication date when the line
#: is shorter than this
TEXT_DATELINE_MAX_CHARS = 80
