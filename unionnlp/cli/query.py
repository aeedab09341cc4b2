"""``unionnlp query OUT "SQL"``: SQL over the DuckDB views of a batch output or JSONL file."""
from __future__ import annotations

import sys

from ..store import format_table, query

__all__ = ["HELP", "add_arguments", "run"]

HELP = "run SQL over a batch output (DuckDB)"


def add_arguments(parser) -> None:
    """Arguments of ``unionnlp query``: the output (folder or JSONL) and one SQL statement."""
    parser.add_argument("out", help="batch output folder (or a JSONL file of records)")
    parser.add_argument("sql", help='SQL over the views articles, places, organizations, campaigns, '
                                    'statistics, errors, e.g. "SELECT place, count(*) FROM articles '
                                    'GROUP BY 1"')
    parser.add_argument("--max-rows", type=int, default=60, help="rows shown (default 60)")
    parser.add_argument("--csv", action="store_true", help="print all rows as CSV instead")


def run(args) -> int:
    """Run ``unionnlp query``; prints the table (or CSV) to stdout. Exit 0, or 2 on bad SQL/path."""
    import duckdb

    try:
        df = query(args.out, args.sql)
    except (FileNotFoundError, ValueError, duckdb.Error) as exc:
        print(f"unionnlp: query failed: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "csv", False):
        df.to_csv(sys.stdout, index=False)
    else:
        print(format_table(df, max_rows=getattr(args, "max_rows", 60)))
    return 0
