"""Statistics: measured or targeted figures in union news, with metric, indicator, kind, year
and evidence.

``find_statistics(text, *, place=None, published=None, campaigns=(), title=None) -> list[Statistic]``

Method (rule based, following ``devset/GUIDELINES.md`` § statistics), one module per step:

1. :func:`unionnlp.extractors.numbers.parse` finds every number with its measure word and
   qualifier (values in base units: 42万余人 → 420000, unit 人, qualifier 余), repairing
   numbers broken by document layout (95 .5% → 95.5, flagged ``repaired_number``).
2. :mod:`.figures` drops what is not a statistic (dates, durations, ordinals, document
   numbers, thresholds, counts of the parts of a text, site furniture …).
3. :mod:`.metrics` reads the metric, the noun phrase as written (28个|劳模创新工作室, 全市工会
   组织已达5600余家 → 工会组织); :mod:`.vocabulary` maps it to an indicator (``metric_id``:
   入会率, 会员数, 帮扶资金 …) and the group it counts (``population``: 农民工会员 → 农民工).
4. :mod:`.kinds`: actual, target (到…年底, 力争, 计划, 将 …) or change (比上年提高…).
5. :mod:`.years`: the year and how it was found (``year_basis`` explicit, relative, document,
   publication or none), ``period`` for spans of years, ``base_year`` of a comparison;
   undated figures take the document's or the publication's year, flagged ``inferred_year``.
6. :mod:`.restatements`: a figure written again is one statistic with several ``mentions``.

``place`` is the article's locality for 全市/全县/全省/我市…, 全国 for 全国, else a named place
earlier in the sentence.
"""
from .find import MAX_LOOKBACK, find_statistics
from .vocabulary import classify
from .years import document_date, document_year, fill_document_year

__all__ = ["find_statistics", "document_year", "document_date", "fill_document_year", "classify",
           "MAX_LOOKBACK"]
