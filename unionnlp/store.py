"""Query extracted records with SQL: DuckDB views over a batch output folder or a JSONL file.

A batch output folder (written by :func:`unionnlp.batch.run`) holds one Parquet part file per
partition per table::

    OUT/articles/part-<key>.parquet      one row per document that produced a record
    OUT/places/part-<key>.parquet        one row per place mention (article_id, start, end ...)
    OUT/organizations/... campaigns/... statistics/... events/...
    OUT/errors/part-<key>.parquet        one row per error (input, record, stage, message ...)
    OUT/reprints/reprints.parquet        id → cluster_id, is_canonical (see unionnlp.reprints)
    OUT/manifest.json                    inputs, partitions done, counts, version

:func:`open` returns a DuckDB connection with the views ``articles``, ``places``,
``organizations``, ``campaigns``, ``statistics``, ``events`` and ``errors``; only the part files of
partitions the manifest lists as done are read, so a folder being written (or left by a killed
run) is always seen in a consistent state. :func:`query` runs one SQL statement and returns a
pandas DataFrame; :func:`format_table` renders it for a terminal (``unionnlp query``).

Read-only queries. SQL is often pasted from others, and DuckDB SQL can read and write any file
(``read_csv('/etc/passwd')``, ``COPY … TO``, ``ATTACH``, ``EXPORT DATABASE``), install and load
extensions, and run several statements. :func:`query` (and ``unionnlp query``) therefore runs,
by default, exactly one statement, which must be a query (``SELECT``/``WITH``/``FROM``,
``DESCRIBE``, ``SHOW``, ``SUMMARIZE``, ``EXPLAIN``), on a connection opened with
``read_only=True``: the views are built first, then DuckDB's ``enable_external_access`` is
switched off, extension auto-loading with it, and the configuration is locked, so no statement
can reach a file, an extension or the network, nor switch that back on. Anything else raises
:class:`~unionnlp.errors.UnsafeQuery`; ``unsafe=True`` (``--unsafe``) lifts every restriction.

DuckDB views over Parquet files read them at query time, through the very file access that is
switched off, so a read-only connection does not use ``read_parquet``: the part files of a batch
output are opened as :mod:`pyarrow.dataset` datasets and registered with DuckDB, which scans
them lazily through Arrow (projection and filters pushed down, nothing loaded up front), while
DuckDB itself can open no file. (DuckDB's ``allowed_paths`` would keep ``read_parquet``, but it
lets ``COPY … TO`` overwrite the very files it allows.) A JSONL output is loaded into in-memory
tables either way. ``bench/bench_query.py`` measures the cost of the Arrow scans against
``read_parquet``.

The table layouts come from :mod:`unionnlp.schema`, so the batch writer and the JSONL loader
produce exactly the same columns.
"""
from __future__ import annotations

import builtins
import dataclasses
import json
from pathlib import Path
from typing import Any, Optional, Union

import pyarrow as pa

from .errors import UnsafeQuery
from .io.records import iter_records
from .schema import (ARTICLE_COLUMNS, ITEM_KINDS, REPRINTS_SCHEMA, SCHEMAS, TABLES, error_row,
                     record_rows)

__all__ = [
    "TABLES",
    "ITEM_TABLES",
    "SCHEMAS",
    "REPRINTS_SCHEMA",
    "record_rows",
    "error_row",
    "rows_to_table",
    "open",
    "query",
    "check_query",
    "format_table",
    "part_files",
]

#: item tables: one row per extracted item, linked to its article by ``article_id``
ITEM_TABLES = ITEM_KINDS

#: the leading columns of the ``articles`` view, in order
ARTICLE_VIEW_COLUMNS = [
    "id", "source", "url", "title", "published", "outlet", "author", "editor", "place",
    "place_code", "cluster_id", "is_canonical",
]


# -- rows ----------------------------------------------------------------------------------
def _coerce(value: Any, typ: pa.DataType) -> Any:
    """Make a Python value fit its Arrow column (never raise: odd values become strings)."""
    if value is None:
        return None
    try:
        if pa.types.is_list(typ):
            seq = value if isinstance(value, (list, tuple)) else [value]
            return [_coerce(x, typ.value_type) for x in seq]
        if pa.types.is_boolean(typ):
            return bool(value)
        if pa.types.is_integer(typ):
            return int(value)
        if pa.types.is_floating(typ):
            return float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if isinstance(value, str):
        return value
    if dataclasses.is_dataclass(value):
        value = dataclasses.asdict(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def rows_to_table(table: str, rows: list[dict]) -> pa.Table:
    """An Arrow table with the fixed schema of ``table`` (unknown keys dropped, values coerced)."""
    schema = SCHEMAS[table]
    try:  # fast path: Arrow converts well-typed rows itself (missing keys become nulls)
        return pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        pass
    columns = []
    for f in schema:
        columns.append(pa.array([_coerce(r.get(f.name), f.type) for r in rows], type=f.type))
    return pa.Table.from_arrays(columns, schema=schema)


# -- reading ---------------------------------------------------------------------------------
def part_files(out: Union[str, Path]) -> dict[str, list[Path]]:
    """The part files of each table that belong to finished partitions of a batch output."""
    out = Path(out)
    manifest_path = out / "manifest.json"
    files: dict[str, list[Path]] = {t: [] for t in TABLES}
    if manifest_path.exists():
        with builtins.open(manifest_path, encoding="utf-8") as fh:
            manifest = json.load(fh)
        for key in sorted(manifest.get("partitions", {})):
            part = manifest["partitions"][key]
            if part.get("status") != "done":
                continue
            for t in TABLES:
                name = (part.get("files") or {}).get(t)
                if name and (out / t / name).exists():
                    files[t].append(out / t / name)
    else:  # a folder of part files written by something else: take what is there
        for t in TABLES:
            files[t] = sorted((out / t).glob("*.parquet"))
    return files


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _parquet_dataset(files: list[Path]):
    """The files as one lazy :mod:`pyarrow.dataset` (columns united by name, as DuckDB's
    ``union_by_name``): read by Arrow at query time, never by DuckDB."""
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    schema = pa.unify_schemas([pq.read_schema(f) for f in files], promote_options="permissive")
    return ds.dataset([str(f) for f in files], format="parquet", schema=schema)


def _parquet_view(con, view: str, files: list[Path], arrow: bool) -> None:
    """``CREATE VIEW view`` over Parquet files: DuckDB's ``read_parquet``, or (``arrow``) a
    registered Arrow dataset, which still works once DuckDB's file access is switched off."""
    if arrow:
        con.register(f"_{view}_files", _parquet_dataset(files))
        con.execute(f"CREATE VIEW {view} AS SELECT * FROM _{view}_files")
    else:
        lst = "[" + ", ".join(_sql_str(str(f)) for f in files) + "]"
        con.execute(f"CREATE VIEW {view} AS SELECT * FROM read_parquet({lst}, union_by_name=true)")


def _create_table_view(con, table: str, files: list[Path], arrow: bool = False) -> None:
    if files:
        _parquet_view(con, f"{table}_parts", files, arrow)
    else:
        empty = SCHEMAS[table].empty_table()
        con.register(f"_empty_{table}", empty)
        con.execute(f"CREATE VIEW {table}_parts AS SELECT * FROM _empty_{table}")


def _articles_view(con, base: str, reprints: Optional[str]) -> None:
    rest = [c.name for c in ARTICLE_COLUMNS if c.name not in ARTICLE_VIEW_COLUMNS]
    head = [c for c in ARTICLE_VIEW_COLUMNS if c not in ("cluster_id", "is_canonical")]
    cols_a = ", ".join(f"a.{c}" for c in head[:10])
    cols_rest = ", ".join(f"a.{c}" for c in rest)
    if reprints:
        con.execute(
            f"CREATE VIEW articles AS SELECT {cols_a}, coalesce(r.cluster_id, a.id) AS cluster_id, "
            f"coalesce(r.is_canonical, true) AS is_canonical, {cols_rest} "
            f"FROM {base} a LEFT JOIN {reprints} r ON a.id = r.id"
        )
    else:
        con.execute(
            f"CREATE VIEW articles AS SELECT {cols_a}, a.id AS cluster_id, true AS is_canonical, "
            f"{cols_rest} FROM {base} a"
        )


def _open_folder(out: Path, con, arrow: bool = False) -> None:
    files = part_files(out)
    for t in TABLES:
        _create_table_view(con, t, files[t], arrow)
        if t != "articles":
            con.execute(f"CREATE VIEW {t} AS SELECT * FROM {t}_parts")
    reprints = out / "reprints" / "reprints.parquet"
    if reprints.exists():
        _parquet_view(con, "reprints", [reprints], arrow)
        _articles_view(con, "articles_parts", "reprints")
    else:
        _articles_view(con, "articles_parts", None)


#: the one record reader (kept under its old name here)
iter_jsonl_records = iter_records


def _open_jsonl(path: Path, con, chunk: int = 2000) -> None:
    """Load a JSONL file of records into DuckDB tables (chunked: memory bounded by ``chunk``)."""
    from .reprints import ReprintIndex

    index = ReprintIndex()
    for t in TABLES:
        con.register(f"_empty_{t}", SCHEMAS[t].empty_table())
        con.execute(f"CREATE TABLE {t}_parts AS SELECT * FROM _empty_{t}")
        con.unregister(f"_empty_{t}")

    def flush(buf: dict[str, list[dict]]) -> None:
        for t, rows in buf.items():
            if rows:
                arrow = rows_to_table(t, rows)
                con.register("_chunk", arrow)
                con.execute(f"INSERT INTO {t}_parts SELECT * FROM _chunk")
                con.unregister("_chunk")
                rows.clear()

    buf: dict[str, list[dict]] = {t: [] for t in TABLES}
    n = 0
    for rec in iter_jsonl_records(path):
        rows = record_rows(rec)
        for t, rs in rows.items():
            buf[t].extend(rs)
        if rows["articles"]:
            index.add(rec.id, rec.text, rec.published)
        n += 1
        if n % chunk == 0:
            flush(buf)
    flush(buf)
    con.register("_reprints", index.to_arrow())
    con.execute("CREATE TABLE reprints AS SELECT * FROM _reprints")
    con.unregister("_reprints")
    for t in TABLES:
        if t != "articles":
            con.execute(f"CREATE VIEW {t} AS SELECT * FROM {t}_parts")
    _articles_view(con, "articles_parts", "reprints")


#: statement types a read-only query may be (SELECT covers WITH, FROM …, DESCRIBE, SHOW, SUMMARIZE)
READ_ONLY_STATEMENTS = ("SELECT", "EXPLAIN")


def _lock(con) -> None:
    """Switch off every way out of the connection (files, extensions, network), then lock the
    configuration so that no statement can switch it back on."""
    for setting in ("autoinstall_known_extensions", "autoload_known_extensions",
                    "enable_external_access"):
        con.execute(f"SET {setting} = false")
    con.execute("SET lock_configuration = true")


def open(out: Union[str, Path], *, read_only: bool = False):  # noqa: A001 - store.open(out)
    """A DuckDB connection with views over extracted records.

    ``out`` is a batch output folder (see module docstring) or a JSONL file of records
    (``.jsonl``/``.jsonl.gz``, one :meth:`Record.to_json` per line; loaded into in-memory
    tables, reprints computed on the way). Views: ``articles`` (id, source, url, title,
    published, outlet, author, editor, place, place_code, cluster_id, is_canonical, then
    place_level, input, record, n_chars, n_errors, text, meta), ``places``,
    ``organizations``, ``campaigns``, ``statistics`` (one row per item, with ``article_id``
    and its ``start``/``end`` into the article's ``text``), ``errors`` (input, record, stage,
    message, kind, article_id, source, fatal).

    ``read_only=True`` gives a connection that reads these views and nothing else: no file
    read or written, no extension installed or loaded, no database attached, the
    configuration locked (see the module docstring).
    """
    import duckdb

    out = Path(out)
    if not out.exists():
        raise FileNotFoundError(f"{out}: no such output folder or JSONL file")
    con = duckdb.connect()
    try:
        if out.is_dir():
            _open_folder(out, con, arrow=read_only)
        else:
            _open_jsonl(out, con)
        if read_only:
            _lock(con)
    except BaseException:
        con.close()
        raise
    return con


def check_query(sql: str) -> None:
    """Raise :class:`~unionnlp.errors.UnsafeQuery` unless ``sql`` is exactly one query
    statement (the read-only mode of :func:`query`); bad SQL raises DuckDB's parser error."""
    import duckdb

    statements = duckdb.extract_statements(sql)
    if len(statements) != 1:
        raise UnsafeQuery(f"read-only mode runs exactly one SQL statement, this is {len(statements)} "
                          f"(unsafe=True / --unsafe runs several)")
    kind = str(statements[0].type).rsplit(".", 1)[-1]
    if kind not in READ_ONLY_STATEMENTS:
        words = statements[0].query.split(None, 1)
        raise UnsafeQuery(f"read-only mode runs queries only (SELECT, WITH, DESCRIBE, SHOW, "
                          f"SUMMARIZE, EXPLAIN), not {words[0].upper() if words else kind} "
                          f"(unsafe=True / --unsafe allows it)")


def query(out: Union[str, Path], sql: str, *, unsafe: bool = False):
    """Run SQL over :func:`open` ``(out)`` and return a pandas DataFrame (the result of the
    last statement).

    By default the SQL must be one query statement and runs on a read-only connection that
    can reach no file, extension or network (:class:`~unionnlp.errors.UnsafeQuery` otherwise;
    DuckDB raises a ``PermissionException`` for a query that tries to read a file).
    ``unsafe=True`` runs any statements with DuckDB's full access: only for SQL you trust.
    """
    if not unsafe:
        check_query(sql)
    con = open(out, read_only=not unsafe)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def format_table(df, *, max_rows: int = 60, max_colwidth: int = 40) -> str:
    """Render a DataFrame as an aligned text table for a terminal (CJK counted double-width).

    Long cells are cut to ``max_colwidth`` characters; more than ``max_rows`` rows are
    elided in the middle; the row count is printed below.
    """
    import pandas as pd

    n = len(df)
    if n == 0:
        return "(no rows)" if len(df.columns) == 0 else " | ".join(map(str, df.columns)) + "\n(0 rows)"

    def cut(v: Any) -> Any:
        if isinstance(v, str):
            v = v.replace("\n", " ")
            if len(v) > max_colwidth:
                return v[: max_colwidth - 1] + "…"
        return v

    shown = df.head(max_rows // 2) if n > max_rows else df
    tail = df.tail(max_rows - max_rows // 2) if n > max_rows else None
    with pd.option_context(
        "display.unicode.east_asian_width", True,
        "display.width", 10_000,
        "display.max_columns", None,
        "display.max_colwidth", max_colwidth + 1,
    ):
        def render(part):
            return part.map(cut).to_string(index=False) if hasattr(part, "map") else part.to_string(index=False)

        text = render(shown)
        if tail is not None:
            body = render(tail).split("\n", 1)
            text += "\n…\n" + (body[1] if len(body) > 1 else "")
    return f"{text}\n({n} row{'s' if n != 1 else ''})"
