"""``unionnlp compare RECORDS``: adoption, diffusion, panels; printed or written as a report."""
from __future__ import annotations

import argparse
import pathlib
import sys

from ..errors import UnionNLPError
from ..compare import frames
from ..report import build_sections, render_text, write_report

__all__ = ["HELP", "add_arguments", "run"]

HELP = "compare places: campaign adoption, statistics panels, report"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``unionnlp compare``."""
    parser.add_argument("records", help="JSONL file of records, or a batch output folder (Parquet)")
    parser.add_argument("--by", choices=["place", "year"], default="place",
                        help="rows of the summary tables (default: place)")
    parser.add_argument("--campaign", help="campaign to follow (timeline, concordance); a name "
                                           "the records do not hold is an error (exit 2) naming "
                                           "the closest ones")
    parser.add_argument("--metric", help="metric of the statistics panel (e.g. 职工入会率, or part "
                                         "of one: 入会率); a metric the records do not hold is an "
                                         "error (exit 2) naming the closest ones")
    parser.add_argument("--out", help="write a report instead of printing: .html (one page with "
                                      "plots), .md, .csv (the main table, every other table "
                                      "beside it) or .zip (every table); another extension is an "
                                      "error (exit 2)")
    parser.add_argument("--lexicon", action="append", metavar="PATH",
                        help="a user lexicon (your names, merges, blocks) applied before comparing; "
                             "may be given several times")
    parser.add_argument("--corrections", action="append", metavar="PATH",
                        help="corrections (per-article fixes and global renames, same format) "
                             "applied before comparing; may be given several times")


def run(args: argparse.Namespace) -> int:
    """Run ``unionnlp compare``; returns an exit code (2: missing input, not a source, unknown
    campaign or metric, unsupported ``--out`` format)."""
    src = pathlib.Path(args.records)
    if not src.exists():
        print(f"unionnlp compare: {src} does not exist", file=sys.stderr)
        return 2
    try:
        fixes = [*(args.lexicon or []), *(args.corrections or [])]
        if fixes:
            src = frames(src, lexicon=fixes)
        if args.out:
            path = write_report(src, args.out, by=args.by, campaign=args.campaign,
                                metric=args.metric)
            print(f"wrote {path}")
            return 0
        sections = build_sections(src, by=args.by, campaign=args.campaign, metric=args.metric,
                                  plots=False)
    # bad JSONL line, not a source, unknown campaign or metric, unsupported suffix, unreadable output
    except (UnionNLPError, ValueError, OSError) as e:
        print(f"unionnlp compare: {e}", file=sys.stderr)
        return 2
    sys.stdout.write(render_text(sections) + "\n")
    return 0
