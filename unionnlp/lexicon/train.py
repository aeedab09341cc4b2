"""Retrain the campaign candidate classifier from a labelled TSV (``unionnlp lexicon train``).

:func:`train_classifier` refits the quoted-candidate classifier of
:mod:`unionnlp.extractors.campaigns` from a labelled TSV (``label, left, name, right, quoted``;
default: the shipped ``resources/campaigns/candidates.tsv``) and writes the JSON weight table
the extractor loads, to a path the user names. The shipped model is only replaced when
``out`` names it explicitly.
"""
from __future__ import annotations

import csv
import json
import pathlib
from typing import Union

from .. import resources
from ..extractors import campaigns as _campaigns
from ..extractors.campaigns import CampaignClassifier, candidate_features

__all__ = ["read_candidates", "train_classifier", "model_info", "DEFAULT_CANDIDATES", "SHIPPED_MODEL"]

DEFAULT_CANDIDATES = resources.path("campaigns", "candidates.tsv")
SHIPPED_MODEL = resources.path("campaigns", "classifier.json")

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
                     out: Union[str, pathlib.Path], C: float = 1.0,
                     threshold: float = 0.5, folds: int = 5) -> dict:
    """Fit the campaign-candidate classifier on a labelled TSV and save it as JSON.

    ``path`` defaults to the shipped ``resources/campaigns/candidates.tsv``; ``out`` is where
    the model goes (``load_classifier(out)`` reads it); the shipped model is replaced only when
    ``out`` is its path.
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
    target = pathlib.Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(model.to_json(), encoding="utf-8")
    _campaigns.load_classifier.cache_clear()
    return {"n": len(y), "positives": sum(y), "cv_accuracy": cv,
            "n_weights": len(model.weights_), "path": str(target)}


def model_info(path: Union[str, pathlib.Path, None] = None) -> dict:
    """Size and settings of a saved classifier (for ``unionnlp lexicon`` status output)."""
    p = pathlib.Path(path) if path else SHIPPED_MODEL
    d = json.loads(p.read_text(encoding="utf-8"))
    return {"path": str(p), "bytes": p.stat().st_size, "n_weights": len(d["weights"]),
            "threshold": d.get("threshold")}
