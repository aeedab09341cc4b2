"""Retrain the campaign candidate classifier (``unionnlp lexicon train``).

Training examples come from two places:

- a labelled TSV of hand-written contexts (``label, left, name, right, quoted`` and an
  optional ``source``; default: the shipped ``resources/campaigns/candidates.tsv``);
- gold folders in the devset format (``NNN.txt`` + ``NNN.json``): each text is parsed and
  cleaned as extraction does, its candidates are generated (:mod:`unionnlp.extractors.
  campaigns.candidates`), and a candidate the hard rules do not remove and the lexicon does
  not already trust is labelled by whether the gold lists its name. Only features are derived,
  at training time; no text is stored.

:func:`train_classifier` fits the model, cross-validates it with the gold documents split into
folds (a document's candidates never sit on both sides), and writes the JSON weight table to a
path the user names; the shipped model is only replaced when ``out`` names it. The JSON
records what the model was trained on.
"""
from __future__ import annotations

import csv
import json
import pathlib
from typing import Iterable, Optional, Union

from .. import resources
from ..extractors import campaigns as _campaigns
from ..extractors.campaigns import CampaignClassifier, candidate_features

__all__ = ["read_candidates", "gold_candidates", "train_classifier", "model_info",
           "DEFAULT_CANDIDATES", "SHIPPED_MODEL", "DEFAULT_C", "DEFAULT_THRESHOLD"]

DEFAULT_CANDIDATES = resources.path("campaigns", "candidates.tsv")
SHIPPED_MODEL = resources.path("campaigns", "classifier.json")

PathLike = Union[str, pathlib.Path]

#: the regularisation the shipped model was fitted with (chosen by document cross-validation)
DEFAULT_C = 3.0
#: the decision threshold of the shipped model (recall matters on unseen pages; chosen by
#: document cross-validation on the tuning part)
DEFAULT_THRESHOLD = 0.4


def read_candidates(path: Optional[PathLike] = None) -> list:
    """Rows of a labelled candidate file: ``label`` (0/1), ``left``, ``name``, ``right``,
    ``quoted`` (0/1) and optionally ``source`` (the generator that would propose it: quoted,
    frame, inner, lexicon, code, song), tab-separated with a header line. Malformed lines are
    skipped."""
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
            quoted = str(r.get("quoted") or "1").strip() != "0"
            rows.append({"label": label, "left": r.get("left") or "", "name": name,
                         "right": r.get("right") or "", "quoted": quoted,
                         "source": (r.get("source") or "").strip() or None})
    return rows


def _features(row: dict) -> list:
    from ..extractors.campaigns.candidates import generator_extras

    source = row.get("source") or ("quoted" if row["quoted"] else "frame")
    return candidate_features(row["left"], row["name"], row["right"], row["quoted"],
                              source=source, extra=generator_extras(row["left"], row["name"], source))


def _clean_text(path: pathlib.Path, url: Optional[str]) -> str:
    """The text extraction sees for a raw gold file (parsed and cleaned)."""
    from ..io.readers import read_path
    from ..parse import parse_page

    page = next(iter(read_path(path)))
    if url and not page.url:
        page.url = url
    return parse_page(page).text or ""


def gold_candidates(folders: Iterable[PathLike], *, exclude: Optional[set] = None,
                    only: Optional[set] = None) -> list:
    """Labelled candidate features from gold folders: ``[{"doc", "label", "features"}]``.

    ``exclude``/``only``: document names (``devset2/101``) left out or kept, as in
    :func:`unionnlp.evaluate.load_gold` (pass the held-out split as ``exclude``)."""
    from ..evaluate import load_gold, normalise_name
    from ..extractors.campaigns.candidates import find_candidates
    from ..extractors.campaigns.document import add_document_extras
    from ..extractors.campaigns.find import trusted
    from ..extractors.campaigns.rules import rejection
    from ..extractors.campaigns.vocabulary import vocabulary

    vocab = vocabulary(None)
    rows = []
    for folder in folders:
        folder = pathlib.Path(folder)
        for gold, path in load_gold(folder, only=only, exclude=exclude):
            doc = f"{folder.resolve().name}/{gold['id']}"
            names = {normalise_name(n) for n in gold.get("campaigns", [])}
            text = _clean_text(path, gold.get("url"))
            cands = find_candidates(text, vocab)
            add_document_extras(text, cands)
            for c in cands:
                if rejection(c) or trusted(c, text):
                    continue
                feats = candidate_features(c.left, c.name, c.right, c.quoted, source=c.source,
                                           extra=c.extra + (["inlist"] if c.group > 1 else []))
                rows.append({"doc": doc, "label": int(normalise_name(c.name) in names),
                             "features": feats})
    return rows


def _cross_validate(X: list, y: list, groups: list, folds: int, **params) -> Optional[dict]:
    """Accuracy, precision and recall of held-out folds; gold documents are split by
    document, hand-written rows (group None) always stay in training."""
    docs = sorted({g for g in groups if g is not None})
    if len(docs) >= folds >= 2:
        fold_of = {d: i % folds for i, d in enumerate(docs)}
        splits = [([i for i, g in enumerate(groups) if g is None or fold_of[g] != k],
                   [i for i, g in enumerate(groups) if g is not None and fold_of[g] == k])
                  for k in range(folds)]
        unit = "document"
    else:
        k = min(folds, sum(y), len(y) - sum(y))
        if k < 2:
            return None
        from sklearn.model_selection import StratifiedKFold

        splits = [(list(tr), list(te)) for tr, te in
                  StratifiedKFold(n_splits=k, shuffle=True, random_state=0).split(X, y)]
        unit = "row"
    tp = fp = fn = correct = n = 0
    for tr, te in splits:
        if not te or len({y[i] for i in tr}) < 2:
            continue
        m = CampaignClassifier(**params).fit([X[i] for i in tr], [y[i] for i in tr])
        for p, i in zip(m.predict([X[i] for i in te]), te):
            correct += p == bool(y[i])
            tp += p and y[i] == 1
            fp += p and y[i] == 0
            fn += (not p) and y[i] == 1
            n += 1
    if not n:
        return None
    return {"folds_by": unit, "accuracy": round(correct / n, 4),
            "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0, "rows": n}


def train_classifier(path: Optional[PathLike] = None, *, out: PathLike,
                     gold: Iterable[PathLike] = (), exclude: Optional[set] = None,
                     C: float = DEFAULT_C, threshold: float = DEFAULT_THRESHOLD,
                     folds: int = 5) -> dict:
    """Fit the campaign-candidate classifier and save it as JSON at ``out``.

    ``path``: the hand-labelled TSV (default: the shipped ``candidates.tsv``); ``gold``: gold
    folders whose candidates are labelled from their gold lists (``exclude``: document names
    to leave out, such as a held-out split). ``load_classifier(out)`` reads the result (or a
    user lexicon's ``campaign,model,PATH`` entry). Returns ``{"n", "positives",
    "hand_written", "gold_documents", "cv", "cv_accuracy", "n_weights", "path"}``; ``cv`` is the
    cross-validated accuracy, precision and recall (folds by gold document when there are
    enough, else stratified by row).
    """
    hand = read_candidates(path)
    gold = [pathlib.Path(g) for g in gold]
    rows = gold_candidates(gold, exclude=exclude) if gold else []
    X = [_features(r) for r in hand] + [r["features"] for r in rows]
    y = [r["label"] for r in hand] + [r["label"] for r in rows]
    groups = [None] * len(hand) + [r["doc"] for r in rows]
    if not y or len(set(y)) < 2:
        raise ValueError("need labelled examples of both classes to train")
    params = {"C": C, "threshold": threshold}
    cv = _cross_validate(X, y, groups, folds, **params)
    model = CampaignClassifier(**params).fit(X, y)
    docs = sorted({g for g in groups if g is not None})
    data = json.loads(model.to_json())
    data["trained_on"] = {
        "hand_written": {"file": pathlib.Path(path or DEFAULT_CANDIDATES).name, "rows": len(hand)},
        "gold": {"folders": [g.name for g in gold], "documents": len(docs),
                 "candidates": len(rows), "excluded": len(exclude or ())},
    }
    target = pathlib.Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0),
                      encoding="utf-8")
    _campaigns.load_classifier.cache_clear()
    return {"n": len(y), "positives": sum(y), "hand_written": len(hand),
            "gold_documents": len(docs), "cv": cv, "cv_accuracy": cv["accuracy"] if cv else None,
            "n_weights": len(model.weights_), "path": str(target)}


def model_info(path: Optional[PathLike] = None) -> dict:
    """Size, settings and training data of a saved classifier (``unionnlp lexicon info``)."""
    p = pathlib.Path(path) if path else SHIPPED_MODEL
    d = json.loads(p.read_text(encoding="utf-8"))
    return {"path": str(p), "bytes": p.stat().st_size, "n_weights": len(d["weights"]),
            "threshold": d.get("threshold"), "features": d.get("features"),
            "trained_on": d.get("trained_on")}
