"""Extractors: one module per kind of thing extracted (textacy style).

Each module exposes a plain function over the clean text (or a spaCy ``Doc``: pass
``doc.text``) that returns items from :mod:`unionnlp.records` with ``start``/``end`` offsets into
that text, and :mod:`unionnlp.extractors.pipeline` wires them into spaCy components that write
``doc.spans[...]`` and ``doc._.<kind>``. (The package is ``extractors`` so that
``unionnlp.extract`` can be the plain top-level function.)

The contract between modules (keep these signatures stable):

- ``places.find_places(text) -> list[Place]``: every mention, resolved to a division.
- ``places.main_place(text, places, *, title=None, outlet=None, url=None) -> Place | None``:
  the article's main locality (``Place(name="全国", canonical="全国", level="country",
  adcode="000000")`` for national pieces).
- ``organizations.find_organizations(text, *, place=None, places=()) -> list[Organization]``.
- ``campaigns.find_campaigns(text) -> list[Campaign]``.
- ``numbers.parse(text) -> list[Quantity]``.
- ``statistics.find_statistics(text, *, place=None, published=None, campaigns=(), title=None)
  -> list[Statistic]``.
- ``events.find_events(text, *, campaigns, organizations=(), places=(), place=None,
  title=None, published=None) -> list[Event]``: practice events over the mentions the others
  found.

Importing this package has no side effects: the jieba tokenizer the pipeline uses is a
private one, and spaCy extensions are registered when a pipeline is first built.
"""
