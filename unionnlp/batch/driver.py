"""The driver of a batch run: lock, plan, hand partitions to an executor, record them, reprints.

The driver keeps only per-partition counts in memory (plus one MinHash signature per article
while clustering reprints at the end).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from .. import __version__
from ..io.readers import describe_skipped
from .executors import Results, run_dask, run_processes, run_serial
from .layout import REPRINTS, REPRINTS_FILE, SIGNATURES, replacing
from .lock import Lock
from .manifest import Manifest, remove_stale
from .plan import DEFAULT_PARTITION_SIZE, Partition, plan_partitions, plan_version
from .settings import Settings

__all__ = ["run", "BatchResult"]

PathLike = Union[str, os.PathLike]


@dataclass
class BatchResult:
    """What a run did. ``documents == records + errors`` when nothing failed at partition level."""

    out: str
    inputs: int = 0
    partitions: int = 0
    skipped_partitions: int = 0
    #: files under the inputs of types unionnlp does not read (.pdf, images …), not read
    skipped_files: list = field(default_factory=list)
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
        if self.skipped_files:
            lines.append(describe_skipped(self.skipped_files))
        for f in self.failed_partitions:
            lines.append(f"  failed: {f['partition']}: {f['message']}")
        return "\n".join(lines)


def show_progress(progress: Optional[bool]) -> bool:
    """Whether to draw a progress bar: as asked, else on a terminal unless ``CI=true``."""
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
    orgs: Optional[str] = None,
    lexicon=None,
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
    ``orgs``: the organization mode, ``fast`` (default) or ``accurate``.
    ``lexicon``: user lexicon and corrections files (a path or paths) applied to every record;
    their content is part of the partition keys, so editing one redoes the partitions.

    Re-running skips finished partitions; a second concurrent run into ``out`` raises
    :class:`~unionnlp.errors.OutputLocked`. Returns a :class:`BatchResult` (see
    :meth:`BatchResult.summary`).
    """
    t0 = time.perf_counter()
    out = Path(os.path.abspath(out))
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out} exists and is not a folder (batch output is a folder of Parquet files)")
    if workers is not None and workers < 1:
        raise ValueError("workers must be ≥ 1")
    settings = Settings.make(pipeline, orgs, lexicon).to_dict()  # bad settings fail here
    out.mkdir(parents=True, exist_ok=True)
    with Lock(out):
        manifest = Manifest.load(out)
        result = BatchResult(out=str(out))
        todo, n_parts = _plan(inputs, manifest, result, partition_size, settings)
        manifest.save(force=True)
        t_extract = time.perf_counter()
        if todo:
            stream = _executor(todo, out, workers, scheduler, settings)
            _record(stream, manifest, result, n_parts, progress)
        result.phases["extract"] = round(time.perf_counter() - t_extract, 3)
        _finish(manifest, result, t0)
    return result


def _plan(inputs, manifest: Manifest, result: BatchResult, partition_size: int,
          settings: dict) -> tuple[list[Partition], int]:
    """Plan the partitions into the manifest; returns those still to do and how many in all."""
    t_plan = time.perf_counter()
    parts, stats = plan_partitions(inputs, partition_size, cached=manifest.cached_plan(),
                                   pipeline=settings, skipped=result.skipped_files)
    keys = {p.key for p in parts}
    plan = {"version": plan_version(settings), "partition_size": partition_size,
            "partitions": [p.to_dict() for p in parts]}
    manifest.start(version=__version__, pipeline=settings.get("pipeline"), stats=stats, plan=plan,
                   keys=keys, settings=settings)
    remove_stale(manifest.out, set(manifest.done) | keys)
    todo = [p for p in parts if p.key not in manifest.done]
    result.inputs, result.partitions = len(stats), len(parts)
    result.skipped_partitions = len(parts) - len(todo)
    result.phases["plan"] = round(time.perf_counter() - t_plan, 3)
    return todo, len(parts)


def _executor(todo: list[Partition], out: Path, workers: Optional[int], scheduler: Any,
              settings: dict) -> Results:
    n_workers = workers or os.cpu_count() or 1
    if scheduler is not None:
        return run_dask(todo, out, scheduler, settings)
    if n_workers == 1:
        return run_serial(todo, out, settings)
    return run_processes(todo, out, min(n_workers, len(todo)), settings)


def _record(stream: Results, manifest: Manifest, result: BatchResult, n_parts: int,
            progress: Optional[bool]) -> None:
    """Record each finished partition in the manifest (the commit point) and in ``result``."""
    bar = None
    if show_progress(progress):
        from tqdm import tqdm

        bar = tqdm(total=n_parts, initial=result.skipped_partitions, unit="part",
                   desc="extract", file=sys.stderr, dynamic_ncols=True)
    docs = 0
    try:
        for p, res in stream:
            if isinstance(res, OSError):
                # its part files could not be written (a full disk, a folder the workers cannot
                # reach): every other partition would fail the same way, so the run stops
                raise res
            if isinstance(res, BaseException):
                manifest.done.pop(p.key, None)
                result.failed_partitions.append(
                    {"key": p.key, "partition": p.describe(),
                     "message": f"{type(res).__name__}: {res}"})
            else:
                manifest.done[p.key] = {
                    "status": "done", "partition": p.describe(),
                    **{k: res[k] for k in ("documents", "records", "errors", "warnings",
                                           "files", "seconds")},
                }
                result.processed_partitions += 1
                result.timings.append({k: res.get(k) for k in ("key", "seconds", "cpu_seconds",
                                                               "max_rss_kb", "pid", "documents")})
                docs += res["documents"]
                manifest.save(force=result.processed_partitions == 1)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(docs=docs, failed=len(result.failed_partitions))
    finally:
        stream.close()  # no more partitions; the ones running finish (see executors)
        if bar is not None:
            bar.close()
        manifest.save(force=True)


def _finish(manifest: Manifest, result: BatchResult, t0: float) -> None:
    """Totals over every done partition, reprints when the set of partitions changed, save."""
    done = [dict(v, key=k) for k, v in manifest.done.items()]
    for k in ("documents", "records", "errors", "warnings"):
        setattr(result, k, sum(int(e.get(k, 0)) for e in done))
    stamp = hashlib.sha1(json.dumps(sorted(e["key"] for e in done)).encode()).hexdigest()[:16]
    prev = manifest.data.get("reprints") or {}
    if prev.get("of") == stamp and (manifest.out / REPRINTS / REPRINTS_FILE).exists():
        result.reprint_clusters = int(prev.get("clusters", 0))
    else:
        t_rep = time.perf_counter()
        result.reprint_clusters = compute_reprints(manifest.out, done)
        result.phases["reprints"] = round(time.perf_counter() - t_rep, 3)
        manifest.data["reprints"] = {"of": stamp, "clusters": result.reprint_clusters}
    result.elapsed = round(time.perf_counter() - t0, 3)
    manifest.data["counts"] = {
        "inputs": result.inputs, "partitions": result.partitions,
        "partitions_done": len(done), "documents": result.documents,
        "records": result.records, "errors": result.errors, "warnings": result.warnings,
        "reprint_clusters": result.reprint_clusters,
    }
    manifest.data["last_run"] = {
        "processed_partitions": result.processed_partitions,
        "skipped_partitions": result.skipped_partitions,
        "failed_partitions": result.failed_partitions,
        "elapsed": result.elapsed,
    }
    manifest.save(force=True)


def compute_reprints(out: Path, entries: list[dict]) -> int:
    """Cluster reprints over the signatures of all done partitions; returns multi-copy clusters."""
    import numpy as np
    import pyarrow.parquet as pq

    from ..reprints import ReprintIndex

    index = ReprintIndex()
    for entry in sorted(entries, key=lambda e: e["key"]):
        pf = pq.ParquetFile(out / SIGNATURES / entry["files"][SIGNATURES])
        for batch in pf.iter_batches(batch_size=2048):
            ids = batch.column("id").to_pylist()
            pub = batch.column("published").to_pylist()
            sigs = batch.column("sig").to_pylist()
            for i, p, s in zip(ids, pub, sigs):
                index.add(i, None, p, sig=np.frombuffer(s, dtype=np.uint64))
    table = index.to_arrow()
    dest = out / REPRINTS / REPRINTS_FILE
    dest.parent.mkdir(parents=True, exist_ok=True)
    with replacing(dest) as tmp:
        pq.write_table(table, tmp, compression="zstd")
    sizes = table.column("cluster_size").to_pylist()
    canon = table.column("is_canonical").to_pylist()
    return sum(1 for s, c in zip(sizes, canon) if c and s > 1)
