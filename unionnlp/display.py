"""Highlight what was extracted from one article with spaCy's displaCy.

The spans come from a :class:`~unionnlp.records.Record` (or its dict) — its places,
organizations, campaigns and statistics with character offsets into ``record.text`` — and are
rendered with ``spacy.displacy.render(..., manual=True)`` under the project's labels PLACE,
ORG, CAMPAIGN and STAT.

- ``style="span"`` shows every span, overlaps included (a statistic's evidence clause over the
  place it names). Tokens are the text pieces between span boundaries, so Chinese text is not
  cut into characters.
- ``style="ent"`` shows non-overlapping spans only (longest first where they overlap).
"""
from __future__ import annotations

from typing import Any, Optional, Union

from .records import Record

__all__ = ["LABELS", "COLORS", "record_spans", "render"]

#: item list on the record → displaCy label
LABELS = {"places": "PLACE", "organizations": "ORG", "campaigns": "CAMPAIGN", "statistics": "STAT"}
COLORS = {"PLACE": "#a6e3a1", "ORG": "#89b4fa", "CAMPAIGN": "#f9c74f", "STAT": "#f4a6a6"}


def record_spans(record: Union[Record, dict]) -> list[dict]:
    """``[{"start", "end", "label", "text"}]`` for every item with valid offsets, sorted."""
    if isinstance(record, dict):
        record = Record.from_dict(record)
    text = record.text or ""
    out = []
    seen = set()
    for kind, label in LABELS.items():
        for item in getattr(record, kind) or []:
            s, e = getattr(item, "start", None), getattr(item, "end", None)
            if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= len(text):
                continue
            if (s, e, label) in seen:
                continue
            seen.add((s, e, label))
            out.append({"start": s, "end": e, "label": label, "text": text[s:e]})
    out.sort(key=lambda d: (d["start"], -(d["end"] - d["start"]), d["label"]))
    return out


def _non_overlapping(spans: list[dict]) -> list[dict]:
    keep: list[dict] = []
    for sp in sorted(spans, key=lambda d: (-(d["end"] - d["start"]), d["start"])):
        if all(sp["end"] <= k["start"] or sp["start"] >= k["end"] for k in keep):
            keep.append(sp)
    return sorted(keep, key=lambda d: d["start"])


def _span_doc(text: str, spans: list[dict], title: Optional[str]) -> dict:
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    tokens = [text[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]
    index = {c: i for i, c in enumerate(c for c in cuts[:-1])}
    out_spans = [{"start_token": index[s["start"]], "end_token": index.get(s["end"], len(tokens)),
                  "label": s["label"]} for s in spans]
    doc: dict[str, Any] = {"text": text, "tokens": tokens, "spans": out_spans}
    if title:
        doc["title"] = title
    return doc


def render(record: Union[Record, dict], style: str = "span", *, page: bool = False,
           jupyter: Optional[bool] = False, max_chars: Optional[int] = None) -> str:
    """HTML markup of the article text with its extracted spans highlighted.

    ``jupyter=None`` lets displaCy display inline in a notebook (returns ``""`` there);
    ``page=True`` wraps the markup in a full HTML page. ``max_chars`` cuts long texts (spans
    beyond the cut are dropped).
    """
    from spacy import displacy

    if isinstance(record, dict):
        record = Record.from_dict(record)
    text = record.text or ""
    spans = record_spans(record)
    if max_chars is not None and len(text) > max_chars:
        text = text[:max_chars]
        spans = [s for s in spans if s["end"] <= max_chars]
    options = {"colors": COLORS}
    if style == "ent":
        doc = {"text": text, "ents": [{"start": s["start"], "end": s["end"], "label": s["label"]}
                                      for s in _non_overlapping(spans)],
               "title": record.title}
        options["ents"] = list(COLORS)
    elif style == "span":
        doc = _span_doc(text, spans, record.title)
        options["spans_key"] = "unionnlp"
    else:
        raise ValueError(f"style must be 'span' or 'ent', not {style!r}")
    html = displacy.render(doc, style=style, manual=True, page=page, jupyter=jupyter,
                           options=options)
    return html or ""
