"""``unionnlp lexicon discover|train|info``: grow and retrain the campaign lexicon."""
from __future__ import annotations

import json
import pathlib
import sys

from ..evaluate import read_split
from ..lexicon import discover, model_info, train_classifier
from ..lexicon.train import DEFAULT_C, DEFAULT_THRESHOLD

__all__ = ["HELP", "add_arguments", "run"]

HELP = "lexicons: discover campaign candidates (a user-lexicon file to review), retrain the classifier"


def add_arguments(parser) -> None:
    """Arguments of ``unionnlp lexicon``."""
    sub = parser.add_subparsers(dest="lexicon_command", metavar="ACTION")
    d = sub.add_parser("discover", help="propose campaign candidates from records (CSV for review)")
    d.add_argument("records", nargs="+", help="JSONL files of records (unionnlp extract output)")
    d.add_argument("-o", "--output", help="CSV file to write (default: stdout)")
    d.add_argument("--new-only", action="store_true", help="only names not yet in the lexicon")
    t = sub.add_parser("train", help="refit the campaign candidate classifier",
                       description="Fit the campaign candidate classifier on hand-labelled "
                                   "contexts and on candidates labelled from gold folders; "
                                   "use the result with a user lexicon row "
                                   "'campaign,model,PATH' (or load_classifier(PATH)).")
    t.add_argument("--candidates", help="labelled TSV (default: the shipped candidates.tsv)")
    t.add_argument("--gold", nargs="+", default=[], metavar="DIR",
                   help="gold folders (NNN.txt + NNN.json) whose candidates are labelled from "
                        "their gold campaign lists (features only; no text is stored)")
    t.add_argument("--exclude", metavar="SPLIT_FILE",
                   help="leave out the documents a split file lists (e.g. a held-out part)")
    t.add_argument("--C", type=float, default=DEFAULT_C, help="inverse regularisation strength")
    t.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="decision threshold")
    t.add_argument("-o", "--output", required=True,
                   help="where to write the model JSON (the shipped model is never replaced "
                        "unless this names it)")
    i = sub.add_parser("info", help="show a classifier's size, settings and training data")
    i.add_argument("--model", help="a model JSON (default: the shipped one)")


def run(args) -> int:
    """Run ``unionnlp lexicon`` (returns the exit code)."""
    action = getattr(args, "lexicon_command", None)
    if action == "discover":
        missing = [p for p in args.records if not pathlib.Path(p).exists()]
        if missing:
            print(f"unionnlp: no such file: {', '.join(missing)}", file=sys.stderr)
            return 2
        df = discover(args.records)
        if args.new_only:
            df = df[~df["in_lexicon"]]
        if args.output:
            df.to_csv(args.output, index=False, encoding="utf-8")
            print(f"unionnlp: {len(df)} candidates written to {args.output}", file=sys.stderr)
        else:
            df.to_csv(sys.stdout, index=False)
        return 0
    if action == "train":
        missing = [p for p in [*args.gold, args.exclude, args.candidates]
                   if p and not pathlib.Path(p).exists()]
        if missing:
            print(f"unionnlp: no such file or folder: {', '.join(missing)}", file=sys.stderr)
            return 2
        exclude = read_split(args.exclude) if args.exclude else None
        info = train_classifier(args.candidates, out=args.output, gold=args.gold,
                                exclude=exclude, C=args.C, threshold=args.threshold)
        print(json.dumps(info, ensure_ascii=False, indent=1, default=str))
        return 0
    if action == "info":
        print(json.dumps(model_info(args.model), ensure_ascii=False, indent=1))
        return 0
    print("unionnlp lexicon: choose an action: discover, train or info", file=sys.stderr)
    return 2
