"""Extractors: one module per kind of thing extracted (textacy style).

Each module exposes a plain function over the clean text (or a spaCy ``Doc``: pass
``doc.text``) that returns items from :mod:`unionnlp.records` with ``start``/``end`` offsets into
that text, and :mod:`unionnlp.extract.pipeline` wires them into spaCy components that write
``doc.spans[...]`` and ``doc._.<kind>``.

The contract between modules (keep these signatures stable):

- ``places.find_places(text) -> list[Place]``: every mention, resolved to a division.
- ``places.main_place(text, places, *, title=None, outlet=None) -> Place | None``:
  the article's main locality (``Place(name="全国", canonical="全国", level="country",
  adcode="000000")`` for national pieces).
- ``organizations.find_organizations(text, *, place=None, places=()) -> list[Organization]``.
- ``campaigns.find_campaigns(text) -> list[Campaign]``.
- ``numbers.parse(text) -> list[Quantity]``.
- ``statistics.find_statistics(text, *, place=None, published=None, campaigns=()) ->
  list[Statistic]``.
"""

import logging as _logging
import sys as _sys
import types as _types

# jieba announces building its prefix dictionary on every process start; keep stderr for
# messages about documents
# (a filter, since jieba resets its logger's level when it is imported)
_logging.getLogger("jieba").addFilter(lambda record: record.levelno >= _logging.WARNING)


class _ExtractModule(_types.ModuleType):
    """``unionnlp.extract`` is both this package and the top-level function: calling the
    package runs :func:`unionnlp.pipeline.extract` (importing a submodule such as
    ``unionnlp.extract.numbers`` rebinds the name ``unionnlp.extract`` to the package)."""

    def __call__(self, content, url=None, **kwargs):
        from ..pipeline import extract as _extract

        return _extract(content, url, **kwargs)


_sys.modules[__name__].__class__ = _ExtractModule
