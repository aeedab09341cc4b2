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
   written form with its place prefix is kept (内蒙古自治区呼和浩特市总工会). (:mod:`.starts`)
3. Names without a place prefix must have a proper (non-generic) body: 各级工会, 基层工会,
   企业工会 are dropped. Contiguous heads merge (市委+组织部, 公司+工会, 集团+有限公司); a
   branch after a company and a place is one name (…科技有限公司广州分公司工会); a unit head
   right after a body belongs to it (自贡市总工会困难职工帮扶中心); the internal bodies of a
   union (党组) are not organizations. Short names listed before a shared head are completed
   with it (鼎山、津舟等5家律师事务所 → 鼎山律师事务所, 津舟律师事务所). (:mod:`.rules`)
4. Abbreviations with a bare level character (市总工会, 县委, 镇总工会, 市总, 省总) are completed
   with the article's place: the most specific division of its chain (towns included) whose
   name ends in that character (区 never completes to an autonomous region); 全总 →
   全国总工会. Coordinated names share their head: 长寿区、垫江县总工会 → 长寿区总工会 +
   垫江县总工会.
   Rules for pages nobody tuned on (issue 11, ``tests/test_org_generalise.py``): 我市/本县/该县
   + a body is the article's division (我市总工会 → 高邮市总工会); 自治区/自治州 abbreviate like a
   level character; 和 glued to a level character is a conjunction (县总工会和县教育局), not 和县;
   a proper word before 镇/乡/街道/村/开发区 is a place the gazetteer may lack (青石镇总工会); a
   body of proper-tagged words or a brand + trade words may carry a weak head (京东物流工会);
   place + bare 工会 at province/city/county level is the union system (浙江省工会法律援助), not a
   body; a unit written right after its company is one name (…集团大社矿风井区工会); 镇总工会 in
   an article above township level takes the page's one township.
   Round 6b (``tests/test_org_fresh_r6b.py``): bare departments listed after an abbreviation
   share its level (市人社局、科技局 → 市科技局); a bare government department or its union in
   a county or city article is that division's (政府办 → 衡阳县政府办, 教育局工会); 县委政府 is
   县委 + 县政府; a union's departments and teams are one name with it (中华全国总工会办公厅,
   工会心理辅导团); an item with its own proper name shares no place; 盟市/旗县 are plurals.
5. Media named as sources (``(宝鸡新闻网 记者)``, ``来源:A-B``, ``据…报道``, ``《X报》(date)``)
   are added; so are the bodies of the headline and the page's outlet when it is a medium
   (without offsets: they are not in the text).
6. One identity per body (:mod:`.canonical`): ``org_id`` (:func:`unionnlp.extractors.identity.org_id`:
   the division code and the normalised name), ``adcode``, ``parent`` in the union hierarchy
   (镇总工会 → 县总工会 → 市总工会 → 省总工会 → 中华全国总工会) and, for every mention of one
   body, the same canonical name (the longest full form written for it); a body named again
   without its place, legal form or parent (纺织控股公司工会, 货拉拉公司, 大社矿风井区工会) takes
   the full name written on the page. Researchers add
   their own aliases through the user lexicon (:mod:`unionnlp.lexicon.user`, kind
   ``organization``), applied after extraction.

Modes (``mode=`` here, ``orgs=`` in :func:`unionnlp.extract` and :func:`unionnlp.load`,
``--orgs`` on the command line):

- ``fast`` (default): the rules above. About as fast as ``jieba.lcut`` on the same text
  (``bench/bench_pipeline.py``); strong on the union genre (bodies with a union, party or
  government head, abbreviations, places), weak on names without a head (brands, clubs).
- ``accurate``: the rules merged with Baidu LAC ORG spans over every sentence
  (:mod:`.statistical`: LAC repairs the rules' boundaries, adds headless names, the rules keep
  kinds, places and abbreviations). LAC runs at a few thousand characters per second on a
  shared two-core machine, ten to forty times slower than the rules, which is why it is not
  the default (the default must stay at ≥ 0.5× ``jieba.lcut``). Worth it for small corpora or
  pages outside the union genre; ``bench/eval_cluener.py`` and ``bench/bench_entities.py``
  print both modes' quality and speed.
"""
from __future__ import annotations

from unionnlp.extractors.organizations.abbreviations import expand_abbreviation
from unionnlp.extractors.organizations.lexicon import org_kind
from unionnlp.extractors.organizations.find import (DEFAULT_MODE, MODES, UnknownMode,
                                                    find_organizations, resolve_mode)

__all__ = ["find_organizations", "expand_abbreviation", "org_kind", "MODES", "DEFAULT_MODE",
           "resolve_mode", "UnknownMode"]
