"""``unionnlp evaluate GOLD_DIR``: score extraction against a gold folder."""
from __future__ import annotations

import json
from pathlib import Path

from ._common import EXIT_NONE, EXIT_OK, UsageError, err

__all__ = ["HELP", "add_arguments", "run"]

HELP = "score extraction against a gold folder"


def add_arguments(v) -> None:
    v.add_argument("gold_dir", nargs="+", help="gold folders (NNN.json + NNN.txt), scored as one set")
    v.add_argument("--only", metavar="SPLIT_FILE",
                   help="score only the documents a split file lists (folder/id per line, e.g. "
                        "corpora/split/aside.txt)")
    v.add_argument("--exclude", metavar="SPLIT_FILE",
                   help="score every document except those a split file lists")
    v.add_argument("--errors", action="store_true", help="list false positives and misses per document")
    v.add_argument("--json", action="store_true", help="print the scores as JSON")
    v.add_argument("--orgs", choices=["fast", "accurate"], default=None,
                   help="the organization mode to score (as for extract; default fast)")
    v.add_argument("--lexicon", action="append", metavar="PATH",
                   help="a user lexicon to extract with (as for extract; repeatable)")


def run(args) -> int:
    from ..evaluate import Scores, evaluate, format_report, read_split

    split = {}
    for opt in ("only", "exclude"):
        path = getattr(args, opt, None)
        if path:
            if not Path(path).is_file():
                raise UsageError(f"split file not found: {path}")
            split[opt] = read_split(path)
    from .extract import _lexicon

    lexicon = _lexicon(args)  # as extract reads it (a bad file is a usage error)
    scores = Scores()
    for d in args.gold_dir:
        gold = Path(d)
        if not gold.is_dir():
            raise UsageError(f"gold folder not found: {gold}")
        evaluate(gold, scores=scores, orgs=args.orgs, lexicon=lexicon, **split)
    if scores.n_docs == 0:
        err(f"no gold documents (NNN.json with NNN.txt) in {', '.join(args.gold_dir)}")
        return EXIT_NONE
    if args.json:
        print(json.dumps(scores.as_dict(), ensure_ascii=False, indent=1))
    else:
        print(format_report(scores, errors=args.errors))
    return EXIT_OK


