"""``unionnlp query OUT "SQL" [--unsafe]``: SQL over the DuckDB views of a batch output or JSONL
file; read-only (one query, no file access) unless ``--unsafe``.

Read-only by default: the SQL must be one query (SELECT, WITH, FROM …, DESCRIBE, SHOW,
SUMMARIZE, EXPLAIN) and runs on a connection that can read the output's views and nothing
else. DuckDB's file access is switched off and its configuration locked once the views exist,
so pasted SQL cannot read other files (``read_csv('/etc/passwd')``), write any
(``COPY … TO``, ``EXPORT DATABASE``), attach databases or install and load extensions.
``--unsafe`` lifts every restriction (several statements, full DuckDB access): only for SQL you
trust. See :mod:`unionnlp.store`.
"""
from __future__ import annotations

import sys

from ..errors import UnsafeQuery
from ..store import format_table, query

__all__ = ["HELP", "add_arguments", "run"]

HELP = "run SQL over a batch output (DuckDB; read-only unless --unsafe)"


def add_arguments(parser) -> None:
    """Arguments of ``unionnlp query``: the output (folder or JSONL), one SQL statement, and
    ``--unsafe``."""
    parser.add_argument("out", help="batch output folder (or a JSONL file of records)")
    parser.add_argument("sql", help='one SQL query over the views articles, places, organizations, '
                                    'campaigns, statistics, events, errors, e.g. "SELECT place, count(*) '
                                    'FROM articles GROUP BY 1"')
    parser.add_argument("--max-rows", type=int, default=60, help="rows shown (default 60)")
    parser.add_argument("--csv", action="store_true", help="print all rows as CSV instead")
    parser.add_argument("--unsafe", action="store_true",
                        help="allow several statements and full DuckDB access: reading and "
                             "writing files (read_csv, COPY … TO), ATTACH, INSTALL/LOAD. By "
                             "default a query reads the output's views only; use this only for "
                             "SQL you trust")


def run(args) -> int:
    """Run ``unionnlp query``; prints the table (or CSV) to stdout. Exit 0, or 2 on bad or
    refused SQL, or a bad path."""
    import duckdb

    try:
        df = query(args.out, args.sql, unsafe=getattr(args, "unsafe", False))
    except UnsafeQuery as exc:
        print(f"unionnlp query: refused: {exc}", file=sys.stderr)
        return 2
    except duckdb.PermissionException as exc:
        print(f"unionnlp query: refused: {exc} (read-only mode reads the output's views only; "
              f"--unsafe allows file access)", file=sys.stderr)
        return 2
    except (FileNotFoundError, ValueError, duckdb.Error) as exc:
        print(f"unionnlp query: query failed: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "csv", False):
        df.to_csv(sys.stdout, index=False)
    else:
        print(format_table(df, max_rows=getattr(args, "max_rows", 60)))
    return 0
