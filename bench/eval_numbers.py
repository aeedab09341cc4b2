"""Score :func:`unionnlp.extractors.numbers.parse` on the Recognizers-Text Chinese specs.

Reads ``../shared/external/numbers/recognizers_text/Number_*.json`` (Microsoft
Recognizers-Text, MIT) at run time; nothing is copied into the repository. Scoring follows
``external/README.md`` §2: a case is right when the *set* of values returned equals the set of
the spec's ``Resolution.value`` (relative tolerance 1e-6, percentages on the 0–100 scale,
``IgnoreResolution`` cases skipped, an empty expectation right only when nothing is returned).

Usage::

    PYTHONPATH=. python bench/eval_numbers.py [--shared ../shared] [--show-errors N]

Prints accuracy per file and over Number + Percent together; ``evaluate()`` returns the same
figures for the test suite.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from unionnlp.extractors.numbers import parse  # noqa: E402

DEFAULT_SHARED = pathlib.Path(os.environ.get("UNIONNLP_SHARED", ROOT.parent / "shared"))
FILES = ("Number_NumberModel.json", "Number_PercentModel.json")


def _spec_value(v) -> float | None:
    if v is None:
        return None
    s = str(v).strip()
    if s.endswith("%"):
        s = s[:-1]
    try:
        return float(s)
    except ValueError:
        return None


def _same_set(got: list[float], want: list[float]) -> bool:
    def dedup(vals):
        out: list[float] = []
        for v in vals:
            if not any(math.isclose(v, w, rel_tol=1e-6, abs_tol=1e-12) for w in out):
                out.append(v)
        return out

    g, w = dedup(got), dedup(want)
    if len(g) != len(w):
        return False
    return all(any(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12) for b in w) for a in g)


def evaluate(shared: pathlib.Path = DEFAULT_SHARED, files=FILES) -> dict:
    """{file: {"correct", "scored", "accuracy", "errors": [...]}, "total": {...}}"""
    base = pathlib.Path(shared) / "external" / "numbers" / "recognizers_text"
    report: dict = {}
    tot_c = tot_n = 0
    for name in files:
        cases = json.loads((base / name).read_text(encoding="utf-8"))
        correct = scored = 0
        errors = []
        for case in cases:
            if case.get("IgnoreResolution"):
                continue
            want = [v for v in (_spec_value(r.get("Resolution", {}).get("value"))
                                for r in case.get("Results", [])) if v is not None]
            got = [q.value for q in parse(case["Input"])]
            scored += 1
            ok = (not got) if not want else _same_set(got, want)
            correct += ok
            if not ok:
                errors.append((case["Input"], sorted(set(want)), got))
        report[name] = {"correct": correct, "scored": scored,
                        "accuracy": correct / scored if scored else 0.0, "errors": errors}
        tot_c += correct
        tot_n += scored
    report["total"] = {"correct": tot_c, "scored": tot_n, "accuracy": tot_c / tot_n if tot_n else 0.0}
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=pathlib.Path, default=DEFAULT_SHARED)
    ap.add_argument("--show-errors", type=int, default=0)
    args = ap.parse_args(argv)
    rep = evaluate(args.shared)
    for name in FILES:
        r = rep[name]
        print(f"{name:32s} {r['correct']:4d} / {r['scored']:4d}  accuracy {r['accuracy']:.3f}")
        for inp, want, got in r["errors"][: args.show_errors]:
            print(f"    {inp[:60]!r} want={want} got={got}")
    t = rep["total"]
    print(f"{'Number + Percent':32s} {t['correct']:4d} / {t['scored']:4d}  accuracy {t['accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
