"""``unionnlp evaluate GOLD_DIR``: score extraction against a gold folder."""
from __future__ import annotations

import json
from pathlib import Path

from ._common import EXIT_NONE, EXIT_OK, UsageError, err

__all__ = ["HELP", "add_arguments", "run"]

HELP = "score extraction against a gold folder"


def add_arguments(v) -> None:
    v.add_argument("gold_dir")
    v.add_argument("--errors", action="store_true", help="list false positives and misses per document")
    v.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args) -> int:
    from ..evaluate import evaluate, format_report

    gold = Path(args.gold_dir)
    if not gold.is_dir():
        raise UsageError(f"gold folder not found: {gold}")
    scores = evaluate(gold)
    if scores.n_docs == 0:
        err(f"no gold documents (NNN.json with NNN.txt) in {gold}")
        return EXIT_NONE
    if args.json:
        print(json.dumps(scores.as_dict(), ensure_ascii=False, indent=1))
    else:
        print(format_report(scores, errors=args.errors))
    return EXIT_OK


