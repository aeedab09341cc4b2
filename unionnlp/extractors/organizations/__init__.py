"""Organization mentions: full names, kind, place, and abbreviations expanded from context.

Method (suffix-anchored NER with boundary rules, in the spirit of rule-based Chinese
organization recognition, e.g. Zhang et al. "Automatic recognition of Chinese organization
names", and the head-word approach of jionlp/cpca-style gazetteers):

1. Org heads come from a suffix vocabulary (``resources/organizations/suffixes.tsv``: 总工会,
   工会联合会, 党委, 组织部, 局, 有限公司, 日报 … with their kind) and fixed names
   (``vocab.json``: national bodies and media), found with one Aho-Corasick automaton.
2. Each head is extended to the left over jieba words until a boundary: punctuation, a
   function word or verb (POS from jieba's dictionary, minus verbs that occur inside names such
   as 开发/建设), a determiner (各级, 该) or the end of a preceding organization. Place mentions
   (:func:`unionnlp.extractors.places.find_places`) are never split, so the longest contiguous
   written form with its place prefix is kept (内蒙古自治区呼和浩特市总工会).
3. Names without a place prefix must have a proper (non-generic) body: 各级工会, 基层工会,
   企业工会 are dropped. Contiguous heads merge (市委+组织部, 公司+工会); the internal bodies of
   a union (党组) are not organizations.
4. Abbreviations with a bare level character (市总工会, 县委, 市总, 省总) are completed with the
   article's place: the most specific division of its chain whose name ends in that character;
   全总 → 全国总工会. Coordinated names share their head: 长寿区、垫江县总工会 →
   长寿区总工会 + 垫江县总工会.
5. Media named as sources (``(宝鸡新闻网 记者)``, ``来源:``, ``据…报道``) are added.

An optional statistical pass (``backend="rules+lac"``) adds Baidu LAC ``ORG`` spans
(:mod:`unionnlp.extractors.lac_tagger`) in sentences that contain an organization head.
"""
from __future__ import annotations

from unionnlp.extractors.organizations.abbreviations import expand_abbreviation
from unionnlp.extractors.organizations.lexicon import org_kind
from unionnlp.extractors.organizations.find import (DEFAULT_MODE, MODES, UnknownMode,
                                                    find_organizations, resolve_mode)

__all__ = ["find_organizations", "expand_abbreviation", "org_kind", "MODES", "DEFAULT_MODE",
           "resolve_mode", "UnknownMode"]
