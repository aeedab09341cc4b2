"""Query extracted records with SQL: DuckDB views over a batch output folder or a JSONL file.

A batch output folder (written by :func:`unionnlp.batch.run`) holds one Parquet part file per
partition per table::

    OUT/articles/part-<key>.parquet      one row per document that produced a record
    OUT/places/part-<key>.parquet        one row per place mention (article_id, start, end ...)
    OUT/organizations/... campaigns/... statistics/...
    OUT/errors/part-<key>.parquet        one row per error (input, record, stage, message ...)
    OUT/reprints/reprints.parquet        id → cluster_id, is_canonical (see unionnlp.reprints)
    OUT/manifest.json                    inputs, partitions done, counts, version

:func:`open` returns a DuckDB connection with the views ``articles``, ``places``,
``organizations``, ``campaigns``, ``statistics`` and ``errors``; only the part files of
partitions the manifest lists as done are read, so a folder being written (or left by a killed
run) is always seen in a consistent state. :func:`query` runs one SQL statement and returns a
pandas DataFrame; :func:`format_table` renders it for a terminal (``unionnlp query``).

The table layouts live here (:data:`SCHEMAS`, :func:`record_rows`) so the batch writer and the
JSONL loader produce exactly the same columns.
"""
from __future__ import annotations

import builtins
import dataclasses
import gzip
import json
import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

import pyarrow as pa

from .records import Campaign, ErrorEntry, Organization, Place, Record, Statistic

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
    "format_table",
    "part_files",
    "add_arguments",
    "run_query",
]

#: item tables: one row per extracted item, linked to its article by ``article_id``
ITEM_TABLES = {
    "places": Place,
    "organizations": Organization,
    "campaigns": Campaign,
    "statistics": Statistic,
}
#: every table of a batch output, in writing order
TABLES = ("articles", *ITEM_TABLES, "errors")

#: stages whose failure means the document produced no usable record
FATAL_STAGES = ("read", "decode", "parse", "batch")


def _arrow_type(annotation: Any) -> pa.DataType:
    """Arrow type for a dataclass field annotation (annotations are strings here)."""
    a = str(annotation)
    if "list" in a:
        return pa.list_(pa.string())
    if "bool" in a:
        return pa.bool_()
    if "int" in a:
        return pa.int64()
    if "float" in a:
        return pa.float64()
    return pa.string()


def _item_schema(cls) -> pa.Schema:
    fields = [pa.field("article_id", pa.string()), pa.field("item", pa.int64())]
    for f in dataclasses.fields(cls):
        fields.append(pa.field(f.name, _arrow_type(f.type)))
    return pa.schema(fields)


_ARTICLE_FIELDS = [
    ("id", pa.string()),
    ("source", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("published", pa.string()),
    ("outlet", pa.string()),
    ("author", pa.string()),
    ("editor", pa.string()),
    ("place", pa.string()),
    ("place_code", pa.string()),
    ("place_level", pa.string()),
    ("input", pa.string()),
    ("record", pa.string()),
    ("n_chars", pa.int64()),
    ("n_errors", pa.int64()),
    ("text", pa.string()),
    ("meta", pa.string()),  # Record.meta as JSON
]

_ERROR_FIELDS = [
    ("input", pa.string()),
    ("record", pa.string()),
    ("stage", pa.string()),
    ("message", pa.string()),
    ("kind", pa.string()),
    ("article_id", pa.string()),
    ("source", pa.string()),
    # True when the document produced no article row (the error row stands for it)
    ("fatal", pa.bool_()),
]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([pa.field(n, t) for n, t in _ARTICLE_FIELDS]),
    **{name: _item_schema(cls) for name, cls in ITEM_TABLES.items()},
    "errors": pa.schema([pa.field(n, t) for n, t in _ERROR_FIELDS]),
}

REPRINTS_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string()),
        pa.field("cluster_id", pa.string()),
        pa.field("is_canonical", pa.bool_()),
        pa.field("cluster_size", pa.int64()),
    ]
)

#: the leading columns of the ``articles`` view, in order
ARTICLE_VIEW_COLUMNS = [
    "id", "source", "url", "title", "published", "outlet", "author", "editor", "place",
    "place_code", "cluster_id", "is_canonical",
]


# -- rows ----------------------------------------------------------------------------------
def _as_str_list(v: Any) -> Optional[list]:
    if v is None:
        return None
    out = []
    for x in v:
        if x is None or isinstance(x, str):
            out.append(x)
        elif dataclasses.is_dataclass(x):
            out.append(json.dumps(dataclasses.asdict(x), ensure_ascii=False, default=str))
        else:
            out.append(json.dumps(x, ensure_ascii=False, default=str) if isinstance(x, (dict, list)) else str(x))
    return out


def _coerce(value: Any, typ: pa.DataType) -> Any:
    """Make a Python value fit its Arrow column (never raise: odd values become strings)."""
    if value is None:
        return None
    try:
        if pa.types.is_list(typ):
            return _as_str_list(value if isinstance(value, (list, tuple)) else [value])
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
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


_FIELD_NAMES: dict = {}


def _item_dict(item: Any) -> dict:
    """Shallow dict of a dataclass item (``dataclasses.asdict`` deep-copies: 10× slower)."""
    if dataclasses.is_dataclass(item):
        cls = type(item)
        names = _FIELD_NAMES.get(cls)
        if names is None:
            names = _FIELD_NAMES[cls] = [f.name for f in dataclasses.fields(cls)]
        return {n: getattr(item, n) for n in names}
    return dict(item)


def _error_fields(e: Any) -> tuple[str, str, Optional[str]]:
    if isinstance(e, ErrorEntry):
        return e.stage, e.message, e.kind
    if isinstance(e, dict):
        return str(e.get("stage") or "unknown"), str(e.get("message") or ""), e.get("kind")
    return "unknown", str(e), None


def error_row(
    input: Optional[str],
    record: Optional[str],
    stage: str,
    message: str,
    *,
    kind: Optional[str] = None,
    article_id: Optional[str] = None,
    source: Optional[str] = None,
    fatal: bool = True,
) -> dict:
    """One row of the ``errors`` table."""
    return {
        "input": input, "record": record, "stage": stage, "message": message, "kind": kind,
        "article_id": article_id, "source": source, "fatal": fatal,
    }


def record_is_fatal(record: Record) -> bool:
    """True when a record stands for a failed document (no text, or a read/decode/parse error)."""
    if not (record.text or "").strip():
        return True
    return any(_error_fields(e)[0] in FATAL_STAGES for e in record.errors)


def record_rows(
    record: Union[Record, dict], *, input: Optional[str] = None, record_ref: Optional[str] = None
) -> dict[str, list[dict]]:
    """Rows for every table from one record.

    A document either produces exactly one ``articles`` row (its non-fatal errors, e.g. one
    extractor that failed, become ``errors`` rows with ``fatal=False``), or — when it failed
    to be read, decoded or parsed, or has no text — exactly one ``errors`` row with
    ``fatal=True`` (several error entries are joined into its message) and no item rows.
    ``input`` is the file the document came from, ``record_ref`` its id inside that file.
    """
    if isinstance(record, dict):
        record = Record.from_dict(record)
    meta = record.meta or {}
    input = input if input is not None else record.source
    if record_ref is None:
        rid = meta.get("record_id")
        record_ref = str(rid) if rid else record.url
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    errors = [_error_fields(e) for e in record.errors]
    if record_is_fatal(record):
        if errors:
            fatal = [e for e in errors if e[0] in FATAL_STAGES] or errors
            stage, _, kind = fatal[0]
            message = "; ".join(f"{s}: {m}" if s != stage else m for s, m, _ in errors)
        else:
            stage, message, kind = "parse", "no text could be extracted from the document", "empty"
        rows["errors"].append(
            error_row(input, record_ref, stage, message, kind=kind, article_id=record.id,
                      source=record.source, fatal=True)
        )
        return rows
    p = record.place
    if isinstance(p, dict):
        p = Place(**{k: v for k, v in p.items() if k in {f.name for f in dataclasses.fields(Place)}})
    rows["articles"].append(
        {
            "id": record.id, "source": record.source, "url": record.url, "title": record.title,
            "published": record.published, "outlet": record.outlet, "author": record.author,
            "editor": record.editor,
            "place": (p.canonical or p.name) if p else None,
            "place_code": p.adcode if p else None,
            "place_level": p.level if p else None,
            "input": input, "record": record_ref,
            "n_chars": len(record.text or ""), "n_errors": len(record.errors),
            "text": record.text,
            "meta": json.dumps(meta, ensure_ascii=False, default=str, sort_keys=True) if meta else None,
        }
    )
    for table in ITEM_TABLES:
        for i, item in enumerate(getattr(record, table) or []):
            rows[table].append({"article_id": record.id, "item": i, **_item_dict(item)})
    for stage, message, kind in errors:
        rows["errors"].append(
            error_row(input, record_ref, stage, message, kind=kind, article_id=record.id,
                      source=record.source, fatal=False)
        )
    return rows


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


def _create_table_view(con, table: str, files: list[Path]) -> None:
    if files:
        lst = "[" + ", ".join(_sql_str(str(f)) for f in files) + "]"
        con.execute(f"CREATE VIEW {table}_parts AS SELECT * FROM read_parquet({lst}, union_by_name=true)")
    else:
        empty = SCHEMAS[table].empty_table()
        con.register(f"_empty_{table}", empty)
        con.execute(f"CREATE VIEW {table}_parts AS SELECT * FROM _empty_{table}")


def _articles_view(con, base: str, reprints: Optional[str]) -> None:
    rest = [n for n, _ in _ARTICLE_FIELDS if n not in ARTICLE_VIEW_COLUMNS]
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


def _open_folder(out: Path, con) -> None:
    files = part_files(out)
    for t in TABLES:
        _create_table_view(con, t, files[t])
        if t != "articles":
            con.execute(f"CREATE VIEW {t} AS SELECT * FROM {t}_parts")
    reprints = out / "reprints" / "reprints.parquet"
    if reprints.exists():
        con.execute(f"CREATE VIEW reprints AS SELECT * FROM read_parquet({_sql_str(str(reprints))})")
        _articles_view(con, "articles_parts", "reprints")
    else:
        _articles_view(con, "articles_parts", None)


def iter_jsonl_records(path: Union[str, Path]) -> Iterator[Record]:
    """Records from a JSONL file (``.jsonl`` or ``.jsonl.gz``), one per line; bad lines raise."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else builtins.open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield Record.from_json(line)
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a record: {exc}") from exc


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


def open(out: Union[str, Path]):  # noqa: A001 - the natural name: store.open(out)
    """A DuckDB connection with views over extracted records.

    ``out`` is a batch output folder (see module docstring) or a JSONL file of records
    (``.jsonl``/``.jsonl.gz``, one :meth:`Record.to_json` per line; loaded into in-memory
    tables, reprints computed on the way). Views: ``articles`` (id, source, url, title,
    published, outlet, author, editor, place, place_code, cluster_id, is_canonical, then
    place_level, input, record, n_chars, n_errors, text, meta), ``places``,
    ``organizations``, ``campaigns``, ``statistics`` (one row per item, with ``article_id``
    and its ``start``/``end`` into the article's ``text``), ``errors`` (input, record, stage,
    message, kind, article_id, source, fatal).
    """
    import duckdb

    out = Path(out)
    if not out.exists():
        raise FileNotFoundError(f"{out}: no such output folder or JSONL file")
    con = duckdb.connect()
    try:
        if out.is_dir():
            _open_folder(out, con)
        else:
            _open_jsonl(out, con)
    except BaseException:
        con.close()
        raise
    return con


def query(out: Union[str, Path], sql: str):
    """Run one SQL statement over :func:`open` ``(out)`` and return a pandas DataFrame."""
    con = open(out)
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


# -- CLI: ``unionnlp query OUT "SQL"`` -----------------------------------------------------------
def add_arguments(parser) -> None:
    """Arguments of ``unionnlp query``: the output (folder or JSONL) and one SQL statement."""
    parser.add_argument("out", help="batch output folder (or a JSONL file of records)")
    parser.add_argument("sql", help='SQL over the views articles, places, organizations, campaigns, '
                                    'statistics, errors, e.g. "SELECT place, count(*) FROM articles '
                                    'GROUP BY 1"')
    parser.add_argument("--max-rows", type=int, default=60, help="rows shown (default 60)")
    parser.add_argument("--csv", action="store_true", help="print all rows as CSV instead")


def run_query(args) -> int:
    """Run ``unionnlp query``; prints the table (or CSV) to stdout. Exit 0, or 2 on bad SQL/path."""
    import sys

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
