"""Batch extraction: map read → parse → clean → extract over many inputs, in parallel, resumably.

:func:`run` splits the inputs into *partitions* (bounded groups of documents), processes each
partition in a worker (local processes by default, or a ``dask.distributed`` cluster) and writes
the results as a Parquet dataset that :func:`unionnlp.store.open` queries with SQL::

    OUT/manifest.json                 inputs (size, mtime), plan, partitions done, counts, version
    OUT/articles/part-<key>.parquet   one part file per partition per table, written atomically
    OUT/places/ organizations/ campaigns/ statistics/ errors/    (same part names)
    OUT/signatures/part-<key>.parquet MinHash signatures of the articles (for reprints)
    OUT/reprints/reprints.parquet     id → cluster_id, is_canonical (computed after all partitions)
    OUT/.lock                         present while a run writes into OUT

Partitions. Loose files (``.txt``, ``.html`` ...) are grouped, in sorted order and never across
folders, ``partition_size`` files at a time; a WARC file is cut into ranges of
``partition_size`` records by record start offset (:func:`unionnlp.io.readers.warc_offsets`, each
gzip member is one record so a worker seeks straight to its range); a JSONL file is one
partition (its lines are streamed). A partition's *key* hashes the library version, its files'
absolute paths, sizes and mtimes and its offset range, so a changed input gets new keys.

Resume. The manifest is the commit point: a partition counts as done only once the driver has
recorded it there after all its part files were renamed into place. Re-running the same command
skips done partitions whose files exist, redoes the rest (their part names are deterministic, so
half-written leftovers are simply overwritten) and deletes part files of partitions that are no
longer in the plan; the output then equals that of an uninterrupted run.

Accounting. Every input document ends as exactly one ``articles`` row or exactly one ``errors``
row with ``fatal=true`` (unreadable, undecodable, unparseable or empty); non-fatal problems of a
document that still produced a record (an extractor that failed) are ``errors`` rows with
``fatal=false`` ("warnings"). Hence ``documents == records + errors`` in :class:`BatchResult`.

Workers. Local processes (forkserver, the heavy libraries preloaded once, the pipeline loaded
once per worker), one partition per task. A worker that dies (killed, out of memory) breaks the
pool: the partitions that were in flight are re-run one at a time to find the culprit, which is
reported in :attr:`BatchResult.failed_partitions` (re-run to retry), and the rest go on in
parallel. ``scheduler=`` sends the same :func:`run_partition` to a ``dask.distributed`` cluster.

Memory stays flat: readers stream, a worker writes its tables in row groups of
:data:`ROW_GROUP` documents, and the driver keeps only per-partition counts (plus one MinHash
signature per article while clustering reprints).
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

__all__ = [
    "run",
    "run_partition",
    "plan_partitions",
    "Partition",
    "BatchResult",
    "DEFAULT_PARTITION_SIZE",
]

#: documents (loose files, or WARC records) per partition
DEFAULT_PARTITION_SIZE = 100
#: documents buffered by a worker before a row group is written
ROW_GROUP = 200
MANIFEST = "manifest.json"
LOCK = ".lock"
SIGNATURES = "signatures"
REPRINTS = "reprints"
FORMAT = 1
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
_STREAM_SUFFIXES = (".jsonl", ".jsonl.gz")

from .errors import OutputLocked

PathLike = Union[str, os.PathLike]


# -- partitions ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Partition:
    """A bounded unit of work: a group of files, or a record range of one WARC file."""

    key: str
    kind: str  # "files" | "warc" | "stream"
    paths: tuple
    start: int = 0
    end: Optional[int] = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["paths"] = list(self.paths)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Partition":
        return cls(d["key"], d["kind"], tuple(d["paths"]), d.get("start", 0), d.get("end"))

    def describe(self) -> str:
        if self.kind == "warc":
            return f"{self.paths[0]} [{self.start}:{'' if self.end is None else self.end}]"
        if len(self.paths) == 1:
            return str(self.paths[0])
        return f"{self.paths[0]} … ({len(self.paths)} files)"


def _version() -> str:
    from . import __version__

    return __version__


def _suffix(path: str) -> str:
    name = path.lower()
    for s in _WARC_SUFFIXES + _STREAM_SUFFIXES:
        if name.endswith(s):
            return s
    return ""


def _stat(path: Path) -> dict:
    try:
        st = path.stat()
        return {"path": str(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    except OSError:
        return {"path": str(path), "size": None, "mtime_ns": None}


def _key(version: str, kind: str, stats: Sequence[dict], start: int, end: Optional[int]) -> str:
    ident = [version, kind, [[os.path.abspath(s["path"]), s["size"], s["mtime_ns"]] for s in stats],
             start, end]
    return hashlib.sha1(json.dumps(ident).encode("utf-8")).hexdigest()[:16]


def plan_partitions(
    inputs: Union[PathLike, Iterable[PathLike]],
    partition_size: int = DEFAULT_PARTITION_SIZE,
    *,
    cached: Optional[dict] = None,
    pipeline: Optional[str] = None,
) -> tuple[list[Partition], list[dict]]:
    """Split inputs into partitions; returns ``(partitions, input stats)``.

    ``cached`` is a previous plan (from a manifest): when the inputs (path, size, mtime),
    partition size and version are unchanged it is reused, saving the WARC offset scan.
    """
    from .io.readers import list_inputs, warc_offsets

    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    inputs = list(inputs)
    if any(str(p) == "-" for p in inputs):
        raise ValueError("standard input ('-') cannot be batch-processed: save it to a file first")
    if partition_size < 1:
        raise ValueError("partition_size must be ≥ 1")
    # absolute paths: workers (processes, or Dask on other hosts) and later re-runs from another
    # folder read the same files, and Record ids (from the source path) agree across executors
    files = [Path(os.path.abspath(p)) for p in list_inputs(inputs)]
    stats = [_stat(p) for p in files]
    version = _version() + (f"|{pipeline}" if pipeline else "")
    if cached and cached.get("partition_size") == partition_size and cached.get(
        "version"
    ) == version and cached.get("inputs") == stats:
        return [Partition.from_dict(d) for d in cached["partitions"]], stats

    parts: list[Partition] = []
    group: list[dict] = []

    def flush_group() -> None:
        if group:
            parts.append(Partition(_key(version, "files", group, 0, None), "files",
                                   tuple(s["path"] for s in group)))
            group.clear()

    for st in stats:
        path = st["path"]
        suffix = _suffix(path)
        if suffix in _WARC_SUFFIXES:
            flush_group()
            offsets = warc_offsets(path) if st["size"] else []
            bounds = offsets[::partition_size] or [0]
            bounds[0] = 0
            for i, start in enumerate(bounds):
                end = bounds[i + 1] if i + 1 < len(bounds) else None
                parts.append(Partition(_key(version, "warc", [st], start, end), "warc", (path,),
                                       start, end))
        elif suffix in _STREAM_SUFFIXES:
            flush_group()
            parts.append(Partition(_key(version, "stream", [st], 0, None), "stream", (path,)))
        else:
            if group and (len(group) >= partition_size
                          or Path(group[-1]["path"]).parent != Path(path).parent):
                flush_group()
            group.append(st)
    flush_group()
    return parts, stats


# -- the worker side -------------------------------------------------------------------------
_PIPELINE: dict = {}


def _load_nlp(pipeline: Optional[str]):
    """The spaCy pipeline for this worker process, loaded once and cached (None by default).

    ``pipeline`` None means :func:`unionnlp.pipeline.process_page`'s default path (the
    extractors run on the text directly, no spaCy pipeline needed); ``"module:function"``
    names a function returning a spaCy ``Language`` (e.g. :func:`unionnlp.load` plus custom
    components) — a string, so it travels to process and Dask workers.
    """
    key = pipeline or ""
    if _PIPELINE.get("key") != key or "nlp" not in _PIPELINE:
        nlp = None
        if pipeline:
            import importlib

            module, _, attr = pipeline.partition(":")
            if not module or not attr:
                raise ValueError(f"pipeline must be 'module:function', not {pipeline!r}")
            nlp = getattr(importlib.import_module(module), attr)()
        _PIPELINE.clear()
        _PIPELINE.update(key=key, nlp=nlp)
    return _PIPELINE["nlp"]


#: a short text run once per worker at start-up so lexicons and tables load before timing
_WARM_UP_TEXT = "2020年，临江市总工会召开全市工会工作会议，职工入会率达到90%。"


def _worker_init(pipeline: Optional[str] = None) -> None:
    """Worker start: load the pipeline and the extractors' resources before the first partition."""
    nlp = _load_nlp(pipeline)
    if _PIPELINE.get("warm") == (pipeline or ""):
        return
    try:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)  # no "Loading model" chatter from every worker
    except ImportError:  # pragma: no cover - jieba is a dependency
        pass
    try:
        from .pipeline import process_page
        from .records import Page

        process_page(Page(source="<warm-up>", content=_WARM_UP_TEXT.encode("utf-8")), nlp=nlp)
    except Exception:  # a broken extractor shows up as error rows on the real documents
        pass
    _PIPELINE["warm"] = pipeline or ""


def _pages(part: Partition) -> Iterator[tuple[str, Any]]:
    """(input file, Page) for every document of a partition."""
    from .io.readers import iter_warc, read_path

    if part.kind == "warc":
        path = part.paths[0]
        for page in iter_warc(path, start_offset=part.start, end_offset=part.end):
            yield path, page
    else:
        for path in part.paths:
            for page in read_path(path):
                yield path, page


def _record_for(page, nlp):
    """Record of one page; pages the reader already failed on skip the pipeline."""
    from .records import ErrorEntry, Record

    if page.errors and not page.content:
        meta = {"record_id": page.record_id} if page.record_id else {}
        return Record(source=page.source, url=page.url, errors=list(page.errors), meta=meta)
    try:
        from .pipeline import process_page

        return process_page(page, nlp=nlp)
    except Exception as exc:  # process_page promises not to raise; never trust it with a batch
        meta = {"record_id": page.record_id} if page.record_id else {}
        return Record(source=page.source, url=page.url, meta=meta,
                      errors=[ErrorEntry("batch", f"{type(exc).__name__}: {exc}", "exception")])


class _PartWriter:
    """Writes one table of one partition to a temp file, row group by row group."""

    def __init__(self, path: Path, schema):
        import pyarrow.parquet as pq

        self.path = path
        self.tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.writer = pq.ParquetWriter(self.tmp, schema, compression="zstd")

    def write(self, table) -> None:
        if table.num_rows:
            self.writer.write_table(table)

    def commit(self) -> None:
        self.writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self.writer.close()
        finally:
            if self.tmp.exists():
                self.tmp.unlink()


def _signature_schema():
    import pyarrow as pa

    return pa.schema([pa.field("id", pa.string()), pa.field("published", pa.string()),
                      pa.field("sig", pa.binary())])


def run_partition(part: Union[Partition, dict], out: PathLike, pipeline: Optional[str] = None) -> dict:
    """Process one partition and write its part files into ``out``; returns its counts.

    This is the function shipped to workers (a process pool or a Dask cluster): plain
    arguments in, a small dict out (``key``, ``documents``, ``records``, ``errors``,
    ``warnings``, ``files``, ``seconds``, ``cpu_seconds``, ``max_rss_kb``, ``pid``).
    """
    import pyarrow as pa

    from .reprints import signature
    from .schema import SCHEMAS, TABLES, error_row, record_rows
    from .store import rows_to_table

    if isinstance(part, dict):
        part = Partition.from_dict(part)
    out = Path(out)
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    nlp = _load_nlp(pipeline)
    name = f"part-{part.key}.parquet"
    writers = {t: _PartWriter(out / t / name, SCHEMAS[t]) for t in TABLES}
    writers[SIGNATURES] = _PartWriter(out / SIGNATURES / name, _signature_schema())
    buf: dict[str, list] = {t: [] for t in (*TABLES, SIGNATURES)}
    counts = {"documents": 0, "records": 0, "errors": 0, "warnings": 0}

    def flush() -> None:
        for t, rows in buf.items():
            if not rows:
                continue
            if t == SIGNATURES:
                table = pa.Table.from_pylist(rows, schema=_signature_schema())
            else:
                table = rows_to_table(t, rows)
            writers[t].write(table)
            rows.clear()

    try:
        pages = _pages(part)
        n_buffered = 0
        while True:
            try:
                item = next(pages)
            except StopIteration:
                break
            except Exception as exc:  # a reader bug: record it, keep what was read so far
                where = part.describe()
                buf["errors"].append(error_row(part.paths[0], where, "read",
                                               f"reading stopped: {type(exc).__name__}: {exc}",
                                               kind="exception", fatal=True))
                counts["documents"] += 1
                counts["errors"] += 1
                break
            input_path, page = item
            record = _record_for(page, nlp)
            ref = page.record_id or (page.source if page.source != str(input_path) else None)
            rows = record_rows(record, input=str(input_path), record_ref=ref)
            counts["documents"] += 1
            counts["records"] += len(rows["articles"])
            for row in rows["errors"]:
                counts["errors" if row["fatal"] else "warnings"] += 1
            for t, rs in rows.items():
                buf[t].extend(rs)
            for a in rows["articles"]:
                sig = signature(a["text"] or "")
                if sig is not None:
                    buf[SIGNATURES].append({"id": a["id"], "published": a["published"],
                                            "sig": sig.tobytes()})
            n_buffered += 1
            if n_buffered >= ROW_GROUP:
                flush()
                n_buffered = 0
        flush()
        for w in writers.values():
            w.commit()
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    return {
        "key": part.key,
        **counts,
        "files": {t: name for t in writers},
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


# -- executors ---------------------------------------------------------------------------------
def _run_serial(parts: list[Partition], out: Path, pipeline: Optional[str]) -> Iterator[tuple[Partition, Any]]:
    _worker_init(pipeline)
    for p in parts:
        try:
            yield p, run_partition(p, out, pipeline)
        except Exception as exc:
            yield p, exc


#: modules imported once by the fork server before it forks workers
_PRELOAD = ("unionnlp.batch", "unionnlp.pipeline", "unionnlp.parse", "unionnlp.preprocessing",
            "unionnlp.extractors.pipeline", "unionnlp.extractors.campaigns", "unionnlp.extractors.places",
            "unionnlp.extractors.organizations", "unionnlp.extractors.statistics",
            "unionnlp.extractors.numbers", "spacy", "jieba", "opencc", "pyarrow.parquet",
            "bs4", "lxml.html", "warcio.archiveiterator")


def _run_processes(parts: list[Partition], out: Path, workers: int,
                   pipeline: Optional[str]) -> Iterator[tuple[Partition, Any]]:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        # import the heavy libraries once in the fork server: every worker forks with them
        # already loaded, so starting N workers costs little more than starting one
        ctx.set_forkserver_preload(list(_PRELOAD))

    def pool_round(todo: list[Partition], n: int, stop_at_break: bool):
        """Run ``todo`` on a fresh pool of ``n`` workers; yields (partition, result|exception)
        and finally returns the partitions lost to a broken pool, in submission order."""
        broken: list[tuple[int, Partition]] = []
        pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_worker_init,
                                   initargs=(pipeline,))
        finished = False
        try:
            futures = [(i, p, pool.submit(run_partition, p.to_dict(), str(out), pipeline))
                       for i, p in enumerate(todo)]
            if stop_at_break:  # one worker runs them in order: the first broken is the culprit
                for i, p, fut in futures:
                    try:
                        yield p, fut.result()
                    except BrokenProcessPool as exc:
                        yield p, RuntimeError(f"worker process died while processing it "
                                              f"(killed, out of memory or a crash): {exc}")
                        broken = [(j, q) for j, q, _ in futures[i + 1:]]
                        break
                    except Exception as exc:
                        yield p, exc
            else:
                index = {fut: (i, p) for i, p, fut in futures}
                for fut in as_completed(index):
                    i, p = index[fut]
                    try:
                        yield p, fut.result()
                    except BrokenProcessPool:
                        broken.append((i, p))
                    except Exception as exc:
                        yield p, exc
            finished = True
        finally:
            # interrupted (Ctrl-C, an error in the driver): drop queued partitions at once
            pool.shutdown(wait=finished, cancel_futures=not finished)
        return [p for _, p in sorted(broken, key=lambda x: x[0])]

    # A worker that dies breaks the whole pool and every unfinished partition with it. The
    # culprit was running, i.e. among the first unfinished in submission order, so those are
    # re-run one at a time until it is found (and reported as failed); the rest go back to the
    # parallel pool.
    pending = list(parts)
    while pending:
        broken = yield from pool_round(pending, workers, stop_at_break=False)
        if not broken:
            return
        pending = yield from pool_round(broken, 1, stop_at_break=True)


def _run_dask(parts: list[Partition], out: Path, scheduler: Any,
              pipeline: Optional[str]) -> Iterator[tuple[Partition, Any]]:
    from distributed import Client, as_completed

    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if own else scheduler
    try:
        try:
            client.run(_worker_init, pipeline)
        except Exception as exc:
            raise RuntimeError(
                f"the Dask workers cannot load the unionnlp pipeline ({type(exc).__name__}: {exc});"
                " install unionnlp (same version) on every worker"
            ) from exc
        futures = {}
        for p in parts:
            fut = client.submit(run_partition, p.to_dict(), str(out), pipeline, pure=False,
                                key=f"unionnlp-partition-{p.key}-{os.getpid()}-{time.time_ns()}")
            futures[fut] = p
        for fut in as_completed(list(futures)):
            p = futures[fut]
            try:
                yield p, fut.result()
            except Exception as exc:
                yield p, exc
    finally:
        if own:
            client.close()


# -- lock & manifest ---------------------------------------------------------------------------
def _pid_alive(pid: int, create_time: Optional[float]) -> bool:
    try:
        import psutil

        if not psutil.pid_exists(pid):
            return False
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        if create_time is not None:
            return abs(proc.create_time() - create_time) < 1.0
        return True
    except ImportError:  # pragma: no cover
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    except Exception:
        return False


def _create_time() -> Optional[float]:
    try:
        import psutil

        return psutil.Process(os.getpid()).create_time()
    except Exception:  # pragma: no cover
        return None


class _Lock:
    """An exclusive lock file in the output folder; a lock left by a dead run is taken over."""

    def __init__(self, out: Path):
        self.path = out / LOCK
        self.held = False

    def __enter__(self) -> "_Lock":
        info = {"pid": os.getpid(), "host": socket.gethostname(), "create_time": _create_time(),
                "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                try:
                    other = json.loads(self.path.read_text(encoding="utf-8") or "{}")
                except (OSError, ValueError):
                    other = {}
                stale = (other.get("host") == info["host"] and isinstance(other.get("pid"), int)
                         and not _pid_alive(other["pid"], other.get("create_time")))
                if stale:
                    try:
                        self.path.unlink()
                    except FileNotFoundError:
                        pass
                    continue
                raise OutputLocked(
                    f"{self.path.parent} is being written by another unionnlp run "
                    f"(pid {other.get('pid', '?')} on {other.get('host', '?')}, started "
                    f"{other.get('started', '?')}). Wait for it to finish, or delete "
                    f"{self.path} if that run is no longer alive."
                ) from None
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(info, fh)
            self.held = True
            return self
        raise OutputLocked(f"could not take the lock {self.path}")

    def __exit__(self, *exc) -> None:
        if self.held:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            self.held = False


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _load_manifest(out: Path) -> dict:
    path = out / MANIFEST
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged manifest: everything is redone


def _part_done(out: Path, entry: Optional[dict]) -> bool:
    if not entry or entry.get("status") != "done":
        return False
    return all((out / t / name).exists() for t, name in (entry.get("files") or {}).items())


def _remove_stale(out: Path, keep: set[str]) -> int:
    """Delete part files (and temp leftovers) not belonging to partitions in ``keep``."""
    from .schema import TABLES

    removed = 0
    for t in (*TABLES, SIGNATURES):
        d = out / t
        if not d.is_dir():
            continue
        for f in d.iterdir():
            name = f.name
            if name.startswith(".part-") and ".tmp-" in name:
                f.unlink(missing_ok=True)
            elif name.startswith("part-") and name.endswith(".parquet"):
                if name[len("part-"):-len(".parquet")] not in keep:
                    f.unlink(missing_ok=True)
                    removed += 1
    return removed


# -- reprints ----------------------------------------------------------------------------------
def _compute_reprints(out: Path, entries: list[dict]) -> int:
    """Cluster reprints over the signatures of all done partitions; returns multi-copy clusters."""
    import numpy as np
    import pyarrow.parquet as pq

    from .reprints import ReprintIndex

    index = ReprintIndex()
    for entry in sorted(entries, key=lambda e: e["key"]):
        path = out / SIGNATURES / entry["files"][SIGNATURES]
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=2048):
            ids = batch.column("id").to_pylist()
            pub = batch.column("published").to_pylist()
            sigs = batch.column("sig").to_pylist()
            for i, p, s in zip(ids, pub, sigs):
                index.add(i, None, p, sig=np.frombuffer(s, dtype=np.uint64))
    table = index.to_arrow()
    dest = out / REPRINTS / "reprints.parquet"
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".reprints.parquet.tmp-{os.getpid()}")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, dest)
    sizes = table.column("cluster_size").to_pylist()
    canon = table.column("is_canonical").to_pylist()
    return sum(1 for s, c in zip(sizes, canon) if c and s > 1)


# -- the driver --------------------------------------------------------------------------------
@dataclass
class BatchResult:
    """What a run did. ``documents == records + errors`` when nothing failed at partition level."""

    out: str
    inputs: int = 0
    partitions: int = 0
    skipped_partitions: int = 0
    processed_partitions: int = 0
    failed_partitions: list = field(default_factory=list)
    documents: int = 0
    records: int = 0
    #: documents that ended as an error row (fatal) instead of a record
    errors: int = 0
    #: non-fatal error rows of documents that did produce a record
    warnings: int = 0
    reprint_clusters: int = 0
    elapsed: float = 0.0
    #: per-partition worker figures of this run (seconds, max_rss_kb, pid)
    timings: list = field(default_factory=list, repr=False)
    #: seconds spent by the driver in each phase: plan, extract, reprints
    phases: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed_partitions and self.documents == self.records + self.errors

    def summary(self) -> str:
        lines = [
            f"{self.documents} documents from {self.inputs} input files → "
            f"{self.records} records + {self.errors} error rows"
            + (f" ({self.warnings} warnings on records)" if self.warnings else ""),
            f"{self.partitions} partitions: {self.processed_partitions} processed, "
            f"{self.skipped_partitions} already done (skipped)"
            + (f", {len(self.failed_partitions)} FAILED (re-run to retry)" if self.failed_partitions else ""),
            f"{self.reprint_clusters} reprint clusters; {self.elapsed:.1f} s → {self.out}",
        ]
        for f in self.failed_partitions:
            lines.append(f"  failed: {f['partition']}: {f['message']}")
        return "\n".join(lines)


def _show_progress(progress: Optional[bool]) -> bool:
    if progress is not None:
        return bool(progress)
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def run(
    inputs: Union[PathLike, Iterable[PathLike]],
    out: PathLike,
    *,
    workers: Optional[int] = None,
    scheduler: Any = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    progress: Optional[bool] = None,
    pipeline: Optional[str] = None,
) -> BatchResult:
    """Extract every document under ``inputs`` into the Parquet dataset folder ``out``.

    ``workers``: local worker processes (default: all cores; ``1`` runs in this process).
    ``scheduler``: a ``dask.distributed`` address (``"tcp://host:8786"``) or ``Client``; the
    workers must import unionnlp and see ``out`` on a shared filesystem.
    ``partition_size``: documents per partition (files, or WARC records).
    ``progress``: a tqdm bar on stderr; default on a terminal unless ``CI=true``.
    ``pipeline``: ``"module:function"`` returning a spaCy ``Language`` to run the extractors
    through (loaded once per worker; part of the partition keys, so changing it redoes
    everything); default: :func:`unionnlp.pipeline.process_page` without spaCy.

    Re-running skips finished partitions; a second concurrent run into ``out`` raises
    :class:`OutputLocked`. Returns a :class:`BatchResult` (see :meth:`BatchResult.summary`).
    """
    t0 = time.perf_counter()
    out = Path(os.path.abspath(out))
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out} exists and is not a folder (batch output is a folder of Parquet files)")
    out.mkdir(parents=True, exist_ok=True)
    if workers is not None and workers < 1:
        raise ValueError("workers must be ≥ 1")

    with _Lock(out):
        manifest = _load_manifest(out)
        if manifest.get("format") not in (None, FORMAT):
            manifest = {}
        t_plan = time.perf_counter()
        cached = manifest.get("plan")
        if cached is not None:
            cached = dict(cached, inputs=manifest.get("inputs"))
        parts, stats = plan_partitions(inputs, partition_size, cached=cached, pipeline=pipeline)
        keys = {p.key for p in parts}
        old = {k: v for k, v in (manifest.get("partitions") or {}).items() if k in keys}
        version = _version() + (f"|{pipeline}" if pipeline else "")
        manifest = {
            "format": FORMAT,
            "version": _version(),
            "pipeline": pipeline,
            "created": manifest.get("created") or time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "updated": None,
            "inputs": stats,
            # the plan of this run (valid while "inputs" are unchanged): reused by a re-run
            "plan": {"version": version, "partition_size": partition_size,
                     "partitions": [p.to_dict() for p in parts]},
            "partitions": {k: v for k, v in old.items() if _part_done(out, v)},
            "counts": {},
            "reprints": manifest.get("reprints"),
        }
        _remove_stale(out, set(manifest["partitions"]) | keys)
        todo = [p for p in parts if p.key not in manifest["partitions"]]
        result = BatchResult(out=str(out), inputs=len(stats), partitions=len(parts),
                             skipped_partitions=len(parts) - len(todo))
        result.phases["plan"] = round(time.perf_counter() - t_plan, 3)

        last_save = 0.0
        save_cost = 0.0

        def save(force: bool = False) -> None:
            # at most every second, and never more than ~10 % of the time on a huge manifest;
            # partitions finished but not yet recorded are simply redone after a crash
            nonlocal last_save, save_cost
            now = time.monotonic()
            if force or now - last_save >= max(1.0, 10 * save_cost):
                manifest["updated"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
                _write_json_atomic(out / MANIFEST, manifest)
                last_save = time.monotonic()
                save_cost = last_save - now

        save(force=True)
        t_extract = time.perf_counter()
        if todo:
            n_workers = workers or os.cpu_count() or 1
            if scheduler is not None:
                stream = _run_dask(todo, out, scheduler, pipeline)
            elif n_workers == 1:
                stream = _run_serial(todo, out, pipeline)
            else:
                stream = _run_processes(todo, out, min(n_workers, len(todo)), pipeline)
            bar = None
            if _show_progress(progress):
                from tqdm import tqdm

                bar = tqdm(total=len(parts), initial=result.skipped_partitions, unit="part",
                           desc="extract", file=sys.stderr, dynamic_ncols=True)
            docs = 0
            try:
                for p, res in stream:
                    if isinstance(res, BaseException):
                        manifest["partitions"].pop(p.key, None)
                        result.failed_partitions.append(
                            {"key": p.key, "partition": p.describe(),
                             "message": f"{type(res).__name__}: {res}"})
                    else:
                        manifest["partitions"][p.key] = {
                            "status": "done", "partition": p.describe(),
                            **{k: res[k] for k in ("documents", "records", "errors", "warnings",
                                                   "files", "seconds")},
                        }
                        result.processed_partitions += 1
                        result.timings.append({k: res.get(k) for k in ("key", "seconds", "cpu_seconds", "max_rss_kb", "pid", "documents")})
                        docs += res["documents"]
                        save(force=result.processed_partitions == 1)
                    if bar is not None:
                        bar.update(1)
                        bar.set_postfix(docs=docs, failed=len(result.failed_partitions))
            finally:
                if bar is not None:
                    bar.close()
                save(force=True)

        result.phases["extract"] = round(time.perf_counter() - t_extract, 3)
        done = [dict(v, key=k) for k, v in manifest["partitions"].items()]
        for k in ("documents", "records", "errors", "warnings"):
            setattr(result, k, sum(int(e.get(k, 0)) for e in done))
        stamp = hashlib.sha1(json.dumps(sorted(e["key"] for e in done)).encode()).hexdigest()[:16]
        prev = manifest.get("reprints") or {}
        if prev.get("of") == stamp and (out / REPRINTS / "reprints.parquet").exists():
            result.reprint_clusters = int(prev.get("clusters", 0))
        else:
            t_rep = time.perf_counter()
            result.reprint_clusters = _compute_reprints(out, done)
            result.phases["reprints"] = round(time.perf_counter() - t_rep, 3)
            manifest["reprints"] = {"of": stamp, "clusters": result.reprint_clusters}
        result.elapsed = round(time.perf_counter() - t0, 3)
        manifest["counts"] = {
            "inputs": result.inputs, "partitions": result.partitions,
            "partitions_done": len(done), "documents": result.documents,
            "records": result.records, "errors": result.errors, "warnings": result.warnings,
            "reprint_clusters": result.reprint_clusters,
        }
        manifest["last_run"] = {
            "processed_partitions": result.processed_partitions,
            "skipped_partitions": result.skipped_partitions,
            "failed_partitions": result.failed_partitions,
            "elapsed": result.elapsed,
        }
        save(force=True)
    return result
