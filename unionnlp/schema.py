"""The record schema in one place: item kinds and their classes, table names, column types and
meanings, the article row, and what counts as fatal.

Every stage that writes or reads tables imports these facts from here: :mod:`unionnlp.store`
(Parquet parts, DuckDB views), :mod:`unionnlp.batch`, :mod:`unionnlp.compare`, and
:func:`records_to_frames`. The two facts the dataclasses need themselves (which list field of
:class:`~unionnlp.records.Record` holds which class, and which error stages are fatal) are
defined beside them in :mod:`unionnlp.records` and re-exported here, so each is written once.

Column types come from the dataclass annotations (``Optional[int]`` → ``int64``,
``list[str]`` → ``list<string>``), their meanings from each field's ``metadata["doc"]``; the
same two sources give the JSON Schema of a record (:func:`record_json_schema`) and the table
reference (:func:`table_reference`).
"""
from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any, Iterable, Optional, Union

import pyarrow as pa

from .records import FATAL_STAGES, ITEM_CLASSES, ErrorEntry, Place, Record

__all__ = [
    "ITEM_KINDS", "ITEM_CLASSES", "TABLES", "FATAL_STAGES", "SCHEMAS", "REPRINTS_SCHEMA",
    "ARTICLE_COLUMNS", "ERROR_COLUMNS", "Column", "is_fatal", "article_row", "item_rows",
    "error_row", "record_rows", "records_to_frames", "arrow_type", "record_json_schema",
    "table_reference", "iter_fields",
]

#: item kinds, in record order; each is a list field of Record and a table
ITEM_KINDS: tuple = tuple(ITEM_CLASSES)
#: every table of a batch output, in writing order
TABLES: tuple = ("articles", *ITEM_KINDS, "errors")


@dataclasses.dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    doc: str


#: the ``articles`` table: one row per document that produced a record
ARTICLE_COLUMNS: tuple = (
    Column("id", pa.string(), "the record id (16 hex digits)"),
    Column("source", pa.string(), "input path or URL"),
    Column("url", pa.string(), "the page URL"),
    Column("title", pa.string(), "headline"),
    Column("published", pa.string(), "publication date, ISO"),
    Column("outlet", pa.string(), "newspaper or site"),
    Column("author", pa.string(), "byline"),
    Column("editor", pa.string(), "editor line"),
    Column("place", pa.string(), "canonical name of the main locality"),
    Column("place_code", pa.string(), "division code of the main locality"),
    Column("place_level", pa.string(), "level of the main locality"),
    Column("input", pa.string(), "the input file the document came from"),
    Column("record", pa.string(), "the document's id inside its input (WARC record id, line, URL)"),
    Column("n_chars", pa.int64(), "characters of clean text"),
    Column("n_errors", pa.int64(), "error entries of the record (non-fatal ones)"),
    Column("text", pa.string(), "the clean text; item offsets point into it"),
    Column("meta", pa.string(), "Record.meta as JSON"),
)

#: the ``errors`` table: one row per error entry; ``fatal`` rows stand for lost documents
ERROR_COLUMNS: tuple = (
    Column("input", pa.string(), "the input file"),
    Column("record", pa.string(), "the document's id inside its input"),
    Column("stage", pa.string(), "read, decode, parse, extract:<kind>, batch …"),
    Column("message", pa.string(), "what went wrong"),
    Column("kind", pa.string(), "a short class of the error"),
    Column("article_id", pa.string(), "the record id"),
    Column("source", pa.string(), "input path or URL"),
    Column("fatal", pa.bool_(), "true when the document produced no article row"),
)

#: item tables start with these two columns, then the item's fields
_ITEM_KEY_COLUMNS: tuple = (
    Column("article_id", pa.string(), "the record id of the article holding the item"),
    Column("item", pa.int64(), "position of the item in its record list"),
)

#: ``reprints`` table: near-duplicate clusters over the articles (see unionnlp.reprints)
REPRINTS_SCHEMA = pa.schema([
    pa.field("id", pa.string()),
    pa.field("cluster_id", pa.string()),
    pa.field("is_canonical", pa.bool_()),
    pa.field("cluster_size", pa.int64()),
])


def _unwrap_optional(tp: Any) -> Any:
    if typing.get_origin(tp) is Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def arrow_type(tp: Any) -> pa.DataType:
    """Arrow type of a (resolved) dataclass field type: str, int, float, bool, lists of those
    (nested too); anything else (dicts, dataclasses) is stored as JSON text."""
    tp = _unwrap_optional(tp)
    if typing.get_origin(tp) is list:
        (inner,) = typing.get_args(tp) or (str,)
        return pa.list_(arrow_type(inner))
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}.get(tp, pa.string())


def iter_fields(cls) -> Iterable[tuple]:
    """``(name, resolved type, doc)`` for each field of a record dataclass."""
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        yield f.name, hints[f.name], f.metadata.get("doc", "")


def _item_columns(cls) -> tuple:
    return _ITEM_KEY_COLUMNS + tuple(Column(n, arrow_type(t), d) for n, t, d in iter_fields(cls))


_COLUMNS: dict = {
    "articles": ARTICLE_COLUMNS,
    **{kind: _item_columns(cls) for kind, cls in ITEM_CLASSES.items()},
    "errors": ERROR_COLUMNS,
}

#: the Arrow schema of every table
SCHEMAS: dict = {t: pa.schema([pa.field(c.name, c.type) for c in cols]) for t, cols in _COLUMNS.items()}


# -- rows -------------------------------------------------------------------------------------
def is_fatal(record: Record) -> bool:
    """True when a record stands for a failed document: no text, or an error of a fatal stage."""
    return not record.ok


def _place(p: Any) -> Optional[Place]:
    if isinstance(p, dict):
        names = {f.name for f in dataclasses.fields(Place)}
        return Place(**{k: v for k, v in p.items() if k in names})
    return p


def article_row(record: Record, *, input: Optional[str] = None,
                record_ref: Optional[str] = None) -> dict:
    """The ``articles`` row of a record (the same columns in Parquet, DuckDB and DataFrames)."""
    p = _place(record.place)
    meta = record.meta or {}
    if record_ref is None:
        rid = meta.get("record_id")
        record_ref = str(rid) if rid else record.url
    return {
        "id": record.id, "source": record.source, "url": record.url, "title": record.title,
        "published": record.published, "outlet": record.outlet, "author": record.author,
        "editor": record.editor,
        "place": (p.canonical or p.name) if p else None,
        "place_code": p.adcode if p else None,
        "place_level": p.level if p else None,
        "input": input if input is not None else record.source, "record": record_ref,
        "n_chars": len(record.text or ""), "n_errors": len(record.errors),
        "text": record.text,
        "meta": json.dumps(meta, ensure_ascii=False, default=str, sort_keys=True) if meta else None,
    }


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


def item_rows(record: Record, kind: str) -> list:
    """Rows of one item table for a record: ``article_id``, ``item`` (position), the fields."""
    return [{"article_id": record.id, "item": i, **_item_dict(it)}
            for i, it in enumerate(getattr(record, kind) or [])]


def error_row(input: Optional[str], record: Optional[str], stage: str, message: str, *,
              kind: Optional[str] = None, article_id: Optional[str] = None,
              source: Optional[str] = None, fatal: bool = True) -> dict:
    """One row of the ``errors`` table."""
    return {"input": input, "record": record, "stage": stage, "message": message, "kind": kind,
            "article_id": article_id, "source": source, "fatal": fatal}


def record_rows(record: Union[Record, dict], *, input: Optional[str] = None,
                record_ref: Optional[str] = None) -> dict:
    """Rows for every table from one record.

    A document either produces exactly one ``articles`` row (its non-fatal errors, e.g. one
    extractor that failed, become ``errors`` rows with ``fatal=False``), or, when it failed to
    be read, decoded or parsed, or has no text, exactly one ``errors`` row with ``fatal=True``
    (several error entries joined into its message) and no item rows.
    """
    if isinstance(record, dict):
        record = Record.from_dict(record)
    row = article_row(record, input=input, record_ref=record_ref)
    input, record_ref = row["input"], row["record"]
    rows: dict = {t: [] for t in TABLES}
    errors = list(record.errors)
    if is_fatal(record):
        if errors:
            first = next((e for e in errors if e.fatal), errors[0])
            message = "; ".join(e.message if e.stage == first.stage else f"{e.stage}: {e.message}"
                                for e in errors)
            stage, kind = first.stage, first.kind
        else:
            stage, message, kind = "parse", "no text could be extracted from the document", "empty"
        rows["errors"].append(error_row(input, record_ref, stage, message, kind=kind,
                                        article_id=record.id, source=record.source, fatal=True))
        return rows
    rows["articles"].append(row)
    for kind in ITEM_KINDS:
        rows[kind] = item_rows(record, kind)
    for e in errors:
        rows["errors"].append(error_row(input, record_ref, e.stage, e.message, kind=e.kind,
                                        article_id=record.id, source=record.source, fatal=False))
    return rows


def records_to_frames(records: Iterable[Union[Record, dict]]) -> dict:
    """pandas DataFrames of many records, one per table (:data:`TABLES`).

    Unlike a batch output, every record gets an ``articles`` row (a failed one too, with
    ``n_errors`` > 0); item rows carry ``article_id`` and ``source``; error rows the
    columns of the ``errors`` table.
    """
    import pandas as pd

    rows: dict = {t: [] for t in TABLES}
    for r in records:
        if isinstance(r, dict):
            r = Record.from_dict(r)
        rows["articles"].append(article_row(r))
        for kind in ITEM_KINDS:
            rows[kind].extend({**row, "source": r.source} for row in item_rows(r, kind))
        ref = rows["articles"][-1]["record"]
        fatal = is_fatal(r)
        for e in r.errors:
            rows["errors"].append(error_row(r.source, ref, e.stage, e.message, kind=e.kind,
                                            article_id=r.id, source=r.source, fatal=fatal))
    out = {}
    for t, rs in rows.items():
        cols = [c.name for c in _COLUMNS[t]]
        if t in ITEM_KINDS:
            cols.insert(2, "source")
        out[t] = pd.DataFrame(rs, columns=cols)
    return out


# -- documentation ------------------------------------------------------------------------------
def _json_type(tp: Any) -> dict:
    inner = _unwrap_optional(tp)
    nullable = inner is not tp
    if typing.get_origin(inner) is list:
        (arg,) = typing.get_args(inner) or (str,)
        t: dict = {"type": "array", "items": _json_type(arg)}
    elif dataclasses.is_dataclass(inner):
        t = {"$ref": f"#/$defs/{inner.__name__}"}
    else:
        t = {"type": {str: "string", int: "integer", float: "number", bool: "boolean",
                      dict: "object"}.get(inner, "string")}
    if nullable:
        return {"anyOf": [t, {"type": "null"}]}
    return t


def _json_object(cls) -> dict:
    props, required = {}, []
    for f in dataclasses.fields(cls):
        name, tp, doc = f.name, typing.get_type_hints(cls)[f.name], f.metadata.get("doc", "")
        props[name] = {**_json_type(tp), "description": doc}
        required.append(name)
    return {"type": "object", "description": (cls.__doc__ or "").strip().split("\n\n")[0],
            "properties": props, "required": required, "additionalProperties": False}


def record_json_schema() -> dict:
    """JSON Schema (draft 2020-12) of one line of ``unionnlp extract`` output."""
    defs = {cls.__name__: _json_object(cls) for cls in (Place, *ITEM_CLASSES.values(), ErrorEntry)}
    schema = _json_object(Record)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "unionnlp record", **schema, "$defs": defs}


def table_reference() -> str:
    """Markdown listing every table of a batch output with its columns, types and meanings."""
    lines = []
    for t, cols in _COLUMNS.items():
        lines += [f"### `{t}`", "", "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in cols]
        lines.append("")
    lines += ["### `reprints`", "", "| column | type |", "|---|---|"]
    lines += [f"| `{f.name}` | {f.type} |" for f in REPRINTS_SCHEMA]
    return "\n".join(lines) + "\n"
