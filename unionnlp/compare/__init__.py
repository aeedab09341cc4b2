"""Compare places over many records: campaign adoption and diffusion, statistics panels,
place profiles, organization–campaign links, coverage and concordances.

Every function takes a *source* — a list of :class:`~unionnlp.records.Record` (or their dicts),
a JSONL path of records, a batch output folder of Parquet files, a DuckDB connection over the
views of :mod:`unionnlp.store`, or the dict of DataFrames returned by :func:`frames` — and
returns a pandas DataFrame in which every row keeps the ids of the articles it rests on (the
wide :func:`adoption_wide` is read with the long :func:`campaign_adoption`), so a figure in a
paper can be traced back to its sentence. Anything else raises
:class:`~unionnlp.errors.SourceError` saying what is accepted. The plots and
:func:`to_networkx` take the table they draw or a source.

Conventions

- A campaign is identified by ``Campaign.canonical`` when set, else by its name.
- A place is the article's main locality (``Record.place``) with its GB/T 2260 code; the admin
  level and the parent places are read from the code (``321012`` → city ``321000`` → province
  ``320000``), see :func:`level_of` and :func:`parent_codes`.
- An article's year is its publication year; an article without a publication date takes the
  year its headline or first sentence states, and with neither it is *undated*: left out of
  tables by year and listed by :func:`undated` (the report counts and names them).
- Reprints (articles whose ``is_canonical`` is false in the batch output or in
  ``Record.meta``; for records without that flag, the near-duplicate clusters of
  :mod:`unionnlp.reprints`) are excluded by default so that one story is not counted twice.
- Adoption is the first year a place's own news mentions a campaign. Absence of a mention is
  not absence of the campaign: read adoption against :func:`coverage` (and use
  :func:`event_history`, which only keeps place-years with coverage).

The modules, by question: :mod:`~unionnlp.compare.sources` (any source → normalised frames),
:mod:`~unionnlp.compare.corpus` (coverage, undated articles), :mod:`~unionnlp.compare.adoption` (adoption and diffusion),
:mod:`~unionnlp.compare.panels` (statistics), :mod:`~unionnlp.compare.profiles` (places side by
side, who runs what, concordances), :mod:`~unionnlp.compare.practice` (practice events: adoption
by first launch, the learning network, who pushes what), :mod:`~unionnlp.compare.plots`,
:mod:`~unionnlp.compare.codes` (division codes).
"""
from __future__ import annotations

from .adoption import adoption_wide, campaign_adoption, diffusion_timeline, event_history
from .codes import level_of, parent_codes
from .corpus import coverage, undated
from .panels import statistics_panel
from .plots import cjk_font, figure_png, plot_diffusion, plot_panel
from .practice import (events_table, learning_graph, learning_network, plot_learning_network,
                       practice_adoption, who_pushes_what)
from .profiles import kwic, org_campaign_links, place_profile, to_networkx
from .sources import Source, campaign_identities, frames

__all__ = [
    "frames",
    "campaign_identities",
    "level_of",
    "parent_codes",
    "coverage",
    "undated",
    "campaign_adoption",
    "adoption_wide",
    "event_history",
    "diffusion_timeline",
    "statistics_panel",
    "place_profile",
    "org_campaign_links",
    "to_networkx",
    "kwic",
    "events_table",
    "practice_adoption",
    "learning_network",
    "learning_graph",
    "plot_learning_network",
    "who_pushes_what",
    "plot_diffusion",
    "plot_panel",
    "figure_png",
    "cjk_font",
    "Source",
]

#: names of version 0.1 that were renamed (the old name raises, saying the new one)
RENAMED = {"org_campaign_cooccurrence": "org_campaign_links"}


def __getattr__(name: str):
    if name in RENAMED:
        raise AttributeError(f"unionnlp.compare.{name} was renamed {RENAMED[name]}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
