"""Organization recognition outside the union genre: CLUENER2020 dev, ORG group.

Reads ``../shared/external/ner/cluener2020_dev.json`` at run time (never copied into the repo,
never used to build resources) and scores entity-level exact match of the ORG group
(organization + government + company) as ``../shared/external/README.md`` describes: a match
needs the same span; gold ends are inclusive in the file and converted here.

Prints P/R/F1 for ``find_organizations`` in each mode (fast: the default; accurate: rules + LAC
everywhere) and for raw LAC ORG spans, with the share of each gold label found, and the
characters per second of each mode. Target: F1 ≥ 0.60 with the default or the accurate mode.

Usage: python bench/eval_cluener.py [PATH] [--modes fast,accurate,lac]
"""
from __future__ import annotations

import argparse
import json
import time

from _common import SHARED

ORG_LABELS = ("organization", "government", "company")


def _gold(path):
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            spans = {}
            for lab, mentions in (d.get("label") or {}).items():
                if lab not in ORG_LABELS:
                    continue
                for _, offsets in mentions.items():
                    for s, e in offsets:
                        spans[(s, e + 1)] = lab
            out.append((d["text"], spans))
    return out


def _predict(mode: str):
    from unionnlp.extractors.organizations import find_organizations

    if mode == "lac":
        from unionnlp.extractors.lac_tagger import lac_spans

        return lambda text: {(s, e) for s, e, _ in lac_spans(text, labels=("ORG",))}
    return lambda text: {(o.start, o.end) for o in find_organizations(text, mode=mode)
                         if o.start is not None}


def score(data, predict):
    tp = fp = fn = 0
    found = {lab: [0, 0] for lab in ORG_LABELS}
    t0 = time.perf_counter()
    preds = [predict(text) for text, _ in data]
    seconds = time.perf_counter() - t0
    for (text, gold), pred in zip(data, preds):
        tp += len(pred & set(gold))
        fp += len(pred - set(gold))
        fn += len(set(gold) - pred)
        for span, lab in gold.items():
            found[lab][1] += 1
            found[lab][0] += span in pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    chars = sum(len(t) for t, _ in data)
    return {"P": p, "R": r, "F1": f, "tp": tp, "fp": fp, "fn": fn,
            "by_label": {k: v[0] / v[1] if v[1] else 0.0 for k, v in found.items()},
            "chars_per_s": chars / seconds if seconds else 0.0}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(SHARED / "external" / "ner" / "cluener2020_dev.json"))
    ap.add_argument("--modes", default="fast,accurate,lac")
    args = ap.parse_args(argv)
    try:
        data = _gold(args.path)
    except FileNotFoundError:
        print(f"no CLUENER file at {args.path}: nothing to measure")
        return 0
    print(f"CLUENER2020 dev: {len(data)} sentences, "
          f"{sum(len(g) for _, g in data)} ORG-group spans (organization+government+company)")
    print(f"{'mode':<10}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
          f"{'org':>7}{'gov':>7}{'comp':>7}{'chars/s':>10}")
    for mode in args.modes.split(","):
        predict = _predict(mode)
        predict(data[0][0])  # load models and tables outside the timing
        s = score(data, predict)
        b = s["by_label"]
        print(f"{mode:<10}{s['P']:7.3f}{s['R']:7.3f}{s['F1']:7.3f}{s['tp']:6d}{s['fp']:6d}{s['fn']:6d}"
              f"{b['organization']:7.3f}{b['government']:7.3f}{b['company']:7.3f}"
              f"{s['chars_per_s']:10,.0f}")
    print("target: F1 >= 0.60 with fast (the default) or accurate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
