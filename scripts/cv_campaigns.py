"""Grouped cross-validation of campaign extraction on the tuning part, end to end.

The shipped campaign classifier is trained on the tuning part, so scoring it there
(resubstitution) flatters it. This script retrains the classifier with the project's own
training code once per fold of documents (the hand-written rows of ``candidates.tsv`` and the
team's ``corpora/gold`` always stay in training), runs the whole campaign finder on the
documents of the left-out fold, and scores names as ``unionnlp evaluate`` does. The held-out
part (``corpora/split/aside.txt``) is never read.

    python scripts/cv_campaigns.py                 # leave one document out
    python scripts/cv_campaigns.py --folds 5       # 5 folds by document
    python scripts/cv_campaigns.py --errors        # list each document's misses and extras
"""
from __future__ import annotations

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _score(pred: dict, docs: list) -> dict:
    from unionnlp.evaluate import normalise_name

    tp = fp = fn = 0
    errors = {}
    for name, _text, gold in docs:
        ps = {normalise_name(p) for p in pred[name]} - {""}
        gs = {normalise_name(g) for g in gold} - {""}
        tp, fp, fn = tp + len(ps & gs), fp + len(ps - gs), fn + len(gs - ps)
        errors[name] = (sorted(ps - gs), sorted(gs - ps))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "tp": tp, "fp": fp, "fn": fn, "errors": errors}


def _line(label: str, s: dict) -> str:
    return (f"{label}: P {s['P']:.3f} R {s['R']:.3f} F1 {s['F1']:.3f} "
            f"tp {s['tp']} fp {s['fp']} fn {s['fn']}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="folder of devset, devset2")
    ap.add_argument("--folds", type=int, default=0, help="folds by document (0: leave one out)")
    ap.add_argument("--errors", action="store_true", help="list misses and extras per document")
    args = ap.parse_args(argv)

    from unionnlp.evaluate import load_gold, read_split
    from unionnlp.extractors.campaigns import CampaignClassifier
    from unionnlp.extractors.campaigns.classifier import load_classifier
    from unionnlp.extractors.campaigns.find import find_campaigns
    from unionnlp.lexicon import train

    shared = pathlib.Path(args.shared)
    folders = [shared / "devset", shared / "devset2"]
    if not all(f.is_dir() for f in folders):
        print(f"no devset/devset2 under {shared}", file=sys.stderr)
        return 1
    aside = read_split(str(ROOT / "corpora" / "split" / "aside.txt"))
    team = [str(ROOT / "corpora" / "gold"), str(ROOT / "corpora" / "gold" / "campaigns")]

    hand = train.read_candidates(None)
    hand_x, hand_y = [train._features(r) for r in hand], [r["label"] for r in hand]
    tuning_rows = train.gold_candidates([str(f) for f in folders], exclude=aside)
    team_rows = train.gold_candidates(team, exclude=aside)
    docs = []
    for folder in folders:
        for gold, path in load_gold(folder, exclude=aside):
            docs.append((f"{folder.resolve().name}/{gold['id']}",
                         train._clean_text(path, gold.get("url")), gold.get("campaigns", [])))
    names = sorted(d[0] for d in docs)
    k = args.folds if args.folds > 0 else len(names)
    fold_of = {n: i % k for i, n in enumerate(names)}

    shipped = load_classifier(None)
    resub = _score({n: [c.name for c in find_campaigns(t, classifier=shipped)] for n, t, _ in docs},
                   docs)
    print(_line("shipped model on the tuning part (resubstitution)", resub))
    pred = {}
    for fold in range(k):
        rows = [r for r in tuning_rows if fold_of[r["doc"]] != fold] + team_rows
        model = CampaignClassifier(C=train.DEFAULT_C, threshold=train.DEFAULT_THRESHOLD).fit(
            hand_x + [r["features"] for r in rows], hand_y + [r["label"] for r in rows])
        for n, t, _ in docs:
            if fold_of[n] == fold:
                pred[n] = [c.name for c in find_campaigns(t, classifier=model)]
    cv = _score(pred, docs)
    print(_line(f"grouped CV ({'leave one document out' if args.folds <= 0 else f'{k} folds'})", cv))
    if args.errors:
        for n in names:
            extra, missed = cv["errors"][n]
            if extra or missed:
                print(f"{n}  extra: {extra}  missed: {missed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
