"""``unionnlp export RECORDS OUT --format csv|parquet|stata|r``: analysis-ready panels."""
from __future__ import annotations

import pathlib
import sys

from ..export import FORMATS, export
from ._common import EXIT_OK, UsageError

__all__ = ["HELP", "add_arguments", "run"]

HELP = "export panels (statistics, adoption, event history) with a codebook for Stata, R, CSV"


def add_arguments(p) -> None:
    p.add_argument("records", help="JSONL file of records, or a batch output folder (Parquet)")
    p.add_argument("out", help="folder to write the tables and codebook.csv into")
    p.add_argument("--format", choices=FORMATS, default="csv",
                   help="csv (default), parquet, stata (.dta, version 118) or r (CSV + load.R)")
    p.add_argument("--lexicon", action="append", metavar="PATH", help="user lexicon applied first")
    p.add_argument("--corrections", action="append", metavar="PATH", help="corrections applied first")
    p.add_argument("--include-reprints", action="store_true",
                   help="count reprints of one story as separate articles")


def run(args) -> int:
    src = pathlib.Path(args.records)
    if not src.exists():
        raise UsageError(f"{src} does not exist")
    fixes = [*(args.lexicon or []), *(args.corrections or [])] or None
    written = export(str(src), args.out, format=args.format, lexicon=fixes,
                     include_reprints=args.include_reprints)
    for name, path in written.items():
        print(f"{name}\t{path}")
    print(f"unionnlp export: {len(written)} files in {args.out}", file=sys.stderr)
    return EXIT_OK
