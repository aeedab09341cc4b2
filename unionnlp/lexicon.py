"""Campaign lexicon maintenance: retrain the candidate classifier, discover new names.

- :func:`train_classifier` refits the quoted-candidate classifier of
  :mod:`unionnlp.extractors.campaigns` from a labelled TSV (``label, left, name, right, quoted``;
  default ``resources/campaigns/candidates.tsv``) and writes the JSON weight table the extractor
  loads (``unionnlp lexicon train``).
- :func:`discover` tallies campaign names over many records so a researcher can review
  candidates for the lexicon as a CSV (``unionnlp lexicon discover RECORDS``).
- :func:`lexicon_words` lists lexicon names and variants for a segmenter's user dictionary.
"""
from __future__ import annotations

import csv
import json
import pathlib
from typing import Iterable, Optional, Union

from unionnlp.extractors import campaigns as _campaigns
from unionnlp.extractors.campaigns import (
    RESOURCES,
    CampaignClassifier,
    candidate_features,
    find_campaigns,
    lexicon_words,
)
from unionnlp.io.records import iter_records
from unionnlp.records import Record

__all__ = ["train_classifier", "read_candidates", "discover", "lexicon_words"]

DEFAULT_CANDIDATES = RESOURCES / "candidates.tsv"
DEFAULT_MODEL = RESOURCES / "classifier.json"


def read_candidates(path: Union[str, pathlib.Path, None] = None) -> list[dict]:
    """Rows of a labelled candidate file: ``label`` (0/1), ``left``, ``name``, ``right``,
    ``quoted`` (0/1), tab-separated with a header line. Malformed lines are skipped."""
    p = pathlib.Path(path) if path else DEFAULT_CANDIDATES
    rows = []
    with open(p, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            try:
                label = int(r["label"])
                name = (r.get("name") or "").strip()
            except (KeyError, TypeError, ValueError):
                continue
            if not name or label not in (0, 1):
                continue
            rows.append({"label": label, "left": r.get("left") or "", "name": name,
                         "right": r.get("right") or "",
                         "quoted": str(r.get("quoted") or "1").strip() != "0"})
    return rows


def train_classifier(path: Union[str, pathlib.Path, None] = None, *,
                     out: Union[str, pathlib.Path, None] = None, C: float = 1.0,
                     threshold: float = 0.5, folds: int = 5) -> dict:
    """Fit the campaign-candidate classifier on a labelled TSV and save it as JSON.

    ``path`` defaults to ``resources/campaigns/candidates.tsv`` and ``out`` to the shipped
    ``resources/campaigns/classifier.json`` (write elsewhere to keep the shipped model).
    Returns ``{"n", "positives", "cv_accuracy", "n_weights", "path"}``; ``cv_accuracy`` is the
    mean stratified ``folds``-fold accuracy (None when the file is too small to split).
    """
    rows = read_candidates(path)
    if not rows or len({r["label"] for r in rows}) < 2:
        raise ValueError("need labelled examples of both classes to train")
    X = [candidate_features(r["left"], r["name"], r["right"], r["quoted"]) for r in rows]
    y = [r["label"] for r in rows]
    cv = None
    k = min(folds, sum(y), len(y) - sum(y))
    if k >= 2:
        from sklearn.model_selection import StratifiedKFold

        correct = 0
        for tr, te in StratifiedKFold(n_splits=k, shuffle=True, random_state=0).split(X, y):
            m = CampaignClassifier(C=C, threshold=threshold).fit([X[i] for i in tr],
                                                                 [y[i] for i in tr])
            pred = m.predict([X[i] for i in te])
            correct += sum(p == bool(y[i]) for p, i in zip(pred, te))
        cv = correct / len(y)
    model = CampaignClassifier(C=C, threshold=threshold).fit(X, y)
    target = pathlib.Path(out) if out else DEFAULT_MODEL
    target.write_text(model.to_json(), encoding="utf-8")
    _campaigns.load_classifier.cache_clear()
    return {"n": len(y), "positives": sum(y), "cv_accuracy": cv,
            "n_weights": len(model.weights_), "path": str(target)}


def _iter_records(records_or_paths: Iterable) -> Iterable[Record]:
    if isinstance(records_or_paths, (str, pathlib.Path, Record, dict)):
        records_or_paths = [records_or_paths]
    for item in records_or_paths:
        if isinstance(item, Record):
            yield item
        elif isinstance(item, dict):
            yield Record.from_dict(item)
        else:
            yield from iter_records(item)


def _place_name(record: Record) -> Optional[str]:
    p = record.place
    if p is None:
        return None
    if isinstance(p, dict):
        return p.get("canonical") or p.get("name")
    return p.canonical or p.name


def discover(records_or_paths: Iterable, *, context: int = 20):
    """Tally campaign names over records, for review as lexicon candidates.

    ``records_or_paths``: :class:`~unionnlp.records.Record` objects, dicts, or JSONL paths.
    A record's own ``campaigns`` are used when present, else :func:`find_campaigns` runs on its
    text. Returns a pandas DataFrame with one row per name: ``name``, ``canonical``,
    ``in_lexicon``, ``kind``, ``frequency`` (mentions), ``n_documents``, ``places`` (``; ``-joined),
    ``first_seen`` (earliest ``published``), ``example`` (the first mention in context),
    sorted by ``n_documents`` then ``frequency``.
    """
    import pandas as pd

    stats: dict = {}
    for rec in _iter_records(records_or_paths):
        text = rec.text or ""
        items = rec.campaigns or find_campaigns(text)
        seen_here = set()
        place = _place_name(rec)
        for c in items:
            if isinstance(c, dict):
                c = _campaigns.Campaign(**{k: c.get(k) for k in
                                           ("name", "kind", "canonical", "start", "end")})
            if not c.name:
                continue
            s = stats.setdefault(c.name, {"name": c.name, "canonical": c.canonical,
                                          "kind": c.kind, "frequency": 0, "n_documents": 0,
                                          "places": set(), "first_seen": None, "example": ""})
            s["frequency"] += 1
            if c.name not in seen_here:
                seen_here.add(c.name)
                s["n_documents"] += 1
            if place:
                s["places"].add(place)
            if rec.published and (s["first_seen"] is None or rec.published < s["first_seen"]):
                s["first_seen"] = rec.published
            if not s["example"] and c.start is not None and text:
                a, b = max(0, c.start - context), min(len(text), (c.end or c.start) + context)
                s["example"] = text[a:b].replace("\n", " ")
    words = set(lexicon_words())
    rows = []
    for s in stats.values():
        s = dict(s)
        s["places"] = "; ".join(sorted(s["places"]))
        s["in_lexicon"] = s["name"] in words or bool(s["canonical"])
        rows.append(s)
    cols = ["name", "canonical", "in_lexicon", "kind", "frequency", "n_documents", "places",
            "first_seen", "example"]
    df = pd.DataFrame(rows, columns=cols)
    if len(df):
        df = df.sort_values(["n_documents", "frequency", "name"],
                            ascending=[False, False, True]).reset_index(drop=True)
    return df


def model_info(path: Union[str, pathlib.Path, None] = None) -> dict:
    """Size and settings of a saved classifier (for ``unionnlp lexicon`` status output)."""
    p = pathlib.Path(path) if path else DEFAULT_MODEL
    d = json.loads(p.read_text(encoding="utf-8"))
    return {"path": str(p), "bytes": p.stat().st_size, "n_weights": len(d["weights"]),
            "threshold": d.get("threshold")}


# -- command line: ``unionnlp lexicon discover|train|info`` ---------------------------------
