"""What a worker does with one partition: read → parse → clean → extract → Parquet part files.

Accounting. Every input document ends as exactly one ``articles`` row or exactly one ``errors``
row with ``fatal=true`` (unreadable, undecodable, unparseable or empty); non-fatal problems of a
document that still produced a record (an extractor that failed) are ``errors`` rows with
``fatal=false`` ("warnings"). Hence ``documents == records + errors`` for every partition.

Memory stays flat: readers stream, and a worker writes its tables in row groups of
:data:`ROW_GROUP` documents. The spaCy pipeline (when one is asked for) is loaded once per worker
process by :func:`init_worker` and kept in the cache of :func:`load_pipeline`.
"""
from __future__ import annotations

import functools
import os
import time
from pathlib import Path
from typing import Any, Iterator, Optional, Union

from .layout import SIGNATURES, part_name, temp_path
from .plan import Partition
from .settings import Settings

__all__ = ["run_partition", "init_worker", "load_pipeline", "ROW_GROUP"]

#: documents buffered by a worker before a row group is written
ROW_GROUP = 200
#: a short text run once per worker at start-up so lexicons and tables load before timing
_WARM_UP_TEXT = "2020年，临江市总工会召开全市工会工作会议，职工入会率达到90%。"


@functools.lru_cache(maxsize=1)
def load_pipeline(pipeline: Optional[str]):
    """The spaCy pipeline of this worker process, loaded once (None by default).

    ``pipeline`` None means :func:`unionnlp.pipeline.process_page`'s default path (the
    extractors run on the text directly, no spaCy pipeline needed); ``"module:function"``
    names a function returning a spaCy ``Language`` (e.g. :func:`unionnlp.load` plus custom
    components) — a string, so it travels to process and Dask workers.
    """
    if not pipeline:
        return None
    import importlib

    module, _, attr = pipeline.partition(":")
    if not module or not attr:
        raise ValueError(f"pipeline must be 'module:function', not {pipeline!r}")
    return getattr(importlib.import_module(module), attr)()


@functools.lru_cache(maxsize=1)
def load_settings(settings_key: tuple) -> tuple:
    """``(settings, spaCy pipeline or None, user lexicon or None)`` of this worker, loaded once
    per process and settings (``settings_key`` is :meth:`Settings.to_dict` as a hashable tuple)."""
    s = Settings.from_dict({k: (list(v) if isinstance(v, tuple) else v) for k, v in settings_key})
    return s, load_pipeline(s.pipeline), s.load_lexicon()


def _key_of(settings) -> tuple:
    d = Settings.from_dict(settings).to_dict()
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(d.items()))


def init_worker(settings=None) -> None:
    """Worker start: load the pipeline, the lexicon and the extractors' resources before the
    first partition (once per process and settings)."""
    _init_worker(_key_of(settings))


@functools.lru_cache(maxsize=1)
def _init_worker(settings_key: tuple) -> None:
    s, nlp, lexicon = load_settings(settings_key)
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # no "Loading model" chatter from every worker
    try:
        from ..pipeline import process_page
        from ..records import Page

        process_page(Page(source="<warm-up>", content=_WARM_UP_TEXT.encode("utf-8")), nlp=nlp,
                     lexicon=lexicon, orgs=s.orgs)
    except Exception:  # a broken extractor shows up as error rows on the real documents
        pass


def _pages(part: Partition) -> Iterator[tuple[str, Any]]:
    """(input file, Page) for every document of a partition."""
    from ..io.readers import iter_warc, read_path
    from .jsonl_ranges import iter_jsonl_range

    path = part.paths[0]
    if part.kind == "warc":
        for page in iter_warc(path, start_offset=part.start, end_offset=part.end):
            yield path, page
    elif part.kind == "jsonl":
        for page in iter_jsonl_range(path, part.start, part.end, part.lines_before):
            yield path, page
    else:
        for path in part.paths:
            for page in read_path(path):
                yield path, page


def _record_for(page, nlp, lexicon=None, orgs=None):
    """Record of one page; pages the reader already failed on skip the pipeline."""
    from ..records import ErrorEntry, Record

    meta = {"record_id": page.record_id} if page.record_id else {}
    if page.errors and not page.content:
        return Record(source=page.source, url=page.url, errors=list(page.errors), meta=meta)
    try:
        from ..pipeline import process_page

        return process_page(page, nlp=nlp, lexicon=lexicon, orgs=orgs)
    except Exception as exc:  # process_page promises not to raise; never trust it with a batch
        return Record(source=page.source, url=page.url, meta=meta,
                      errors=[ErrorEntry("batch", f"{type(exc).__name__}: {exc}", "exception")])


class _PartWriter:
    """Writes one table of one partition to a temp file, row group by row group."""

    def __init__(self, path: Path, schema):
        import pyarrow.parquet as pq

        self.path = path
        self.tmp = temp_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.writer = pq.ParquetWriter(self.tmp, schema, compression="zstd")

    def write(self, table) -> None:
        if table.num_rows:
            self.writer.write_table(table)

    def commit(self) -> None:
        self.writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        """Remove the temp file; closing may fail again (a full disk) and must not stop that."""
        try:
            self.writer.close()
        except Exception:
            pass
        self.tmp.unlink(missing_ok=True)


def _signature_schema():
    import pyarrow as pa

    return pa.schema([pa.field("id", pa.string()), pa.field("published", pa.string()),
                      pa.field("sig", pa.binary())])


class _PartitionTables:
    """The part files of one partition: rows buffered per table, flushed as row groups."""

    def __init__(self, out: Path, key: str):
        from ..reprints import signature
        from ..schema import SCHEMAS, TABLES

        self._signature = signature
        name = part_name(key)
        schemas = {**{t: SCHEMAS[t] for t in TABLES}, SIGNATURES: _signature_schema()}
        self.writers: dict[str, _PartWriter] = {}
        try:
            for t, schema in schemas.items():
                self.writers[t] = _PartWriter(out / t / name, schema)
        except BaseException:
            self.abort()
            raise
        self.rows: dict[str, list] = {t: [] for t in self.writers}
        self.buffered = 0

    def add(self, rows: dict) -> None:
        """Rows of one document (``record_rows`` output) plus its articles' signatures."""
        for t, rs in rows.items():
            self.rows[t].extend(rs)
        for a in rows["articles"]:
            sig = self._signature(a["text"] or "")
            if sig is not None:
                self.rows[SIGNATURES].append({"id": a["id"], "published": a["published"],
                                              "sig": sig.tobytes()})
        self.buffered += 1
        if self.buffered >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        from ..store import rows_to_table

        for t, rows in self.rows.items():
            if not rows:
                continue
            if t == SIGNATURES:
                table = pa.Table.from_pylist(rows, schema=_signature_schema())
            else:
                table = rows_to_table(t, rows)
            self.writers[t].write(table)
            rows.clear()
        self.buffered = 0

    def commit(self) -> dict:
        """Write what is buffered and rename every part file into place; ``table → file``."""
        self.flush()
        for w in self.writers.values():
            w.commit()
        return {t: w.path.name for t, w in self.writers.items()}

    def abort(self) -> None:
        for w in self.writers.values():
            w.abort()


def _extract_into(part: Partition, tables: _PartitionTables, nlp, lexicon=None, orgs=None) -> dict:
    """Every document of ``part`` into ``tables``; returns the counts."""
    from ..schema import error_row, record_rows

    counts = {"documents": 0, "records": 0, "errors": 0, "warnings": 0}
    pages = _pages(part)
    while True:
        try:
            input_path, page = next(pages)
        except StopIteration:
            break
        except Exception as exc:  # a reader bug: record it, keep what was read so far
            tables.add({"errors": [error_row(part.paths[0], part.describe(), "read",
                                             f"reading stopped: {type(exc).__name__}: {exc}",
                                             kind="exception", fatal=True)], "articles": []})
            counts["documents"] += 1
            counts["errors"] += 1
            break
        record = _record_for(page, nlp, lexicon, orgs)
        ref = page.record_id or (page.source if page.source != str(input_path) else None)
        rows = record_rows(record, input=str(input_path), record_ref=ref)
        counts["documents"] += 1
        counts["records"] += len(rows["articles"])
        for row in rows["errors"]:
            counts["errors" if row["fatal"] else "warnings"] += 1
        tables.add(rows)
    return counts


def run_partition(part: Union[Partition, dict], out, settings=None) -> dict:
    """Process one partition and write its part files into ``out``; returns its counts.

    This is the function shipped to workers (a process pool or a Dask cluster): plain
    arguments in, a small dict out (``key``, ``documents``, ``records``, ``errors``,
    ``warnings``, ``files``, ``seconds``, ``cpu_seconds``, ``max_rss_kb``, ``pid``).
    ``settings``: a :class:`~unionnlp.batch.settings.Settings` or its dict (a bare pipeline
    name is accepted too).
    """
    if isinstance(part, dict):
        part = Partition.from_dict(part)
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    s, nlp, lexicon = load_settings(_key_of(settings))
    tables = _PartitionTables(Path(out), part.key)
    try:
        counts = _extract_into(part, tables, nlp, lexicon, s.orgs)
        files = tables.commit()
    except BaseException:
        tables.abort()
        raise
    return {
        "key": part.key,
        **counts,
        "files": files,
        "seconds": round(time.perf_counter() - t0, 3),
        "cpu_seconds": round(time.process_time() - cpu0, 3),
        "max_rss_kb": _max_rss_kb(),
        "pid": os.getpid(),
    }


def _max_rss_kb() -> Optional[int]:
    try:
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    except (ImportError, OSError):  # pragma: no cover - not on POSIX
        return None
