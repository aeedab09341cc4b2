"""Where partitions run: in this process, in local worker processes, or on a Dask cluster.

Each executor takes the partitions to do and yields ``(partition, counts | exception)`` as they
finish, in any order.

Local processes: forkserver, the heavy libraries preloaded once (:data:`PRELOAD`), the pipeline
loaded once per worker, one partition per task. A worker that dies (killed, out of memory)
breaks the pool: the partitions that were in flight are re-run one at a time to find the
culprit, which is reported as failed (re-run to retry), and the rest go on in parallel.
``scheduler=`` sends the same :func:`~unionnlp.batch.worker.run_partition` to a
``dask.distributed`` cluster.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Iterator

from .lifeline import Lifeline, watch
from .plan import Partition
from .worker import init_worker, run_partition

__all__ = ["run_serial", "run_processes", "run_dask", "PRELOAD"]

#: modules imported once by the fork server before it forks workers
PRELOAD = ("unionnlp.batch.worker", "unionnlp.pipeline", "unionnlp.parse",
           "unionnlp.preprocessing", "unionnlp.extractors.pipeline", "unionnlp.extractors.campaigns",
           "unionnlp.extractors.places", "unionnlp.extractors.organizations",
           "unionnlp.extractors.statistics", "unionnlp.extractors.numbers", "spacy", "jieba", "opencc",
           "pyarrow.parquet", "bs4", "lxml.html", "warcio.archiveiterator")

Results = Iterator[tuple[Partition, Any]]


def run_serial(parts: list[Partition], out: Path, settings: dict) -> Results:
    """Every partition in this process, one after the other."""
    init_worker(settings)
    for p in parts:
        try:
            yield p, run_partition(p, out, settings)
        except Exception as exc:
            yield p, exc


def _context():
    import multiprocessing as mp

    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        # import the heavy libraries once in the fork server: every worker forks with them
        # already loaded, so starting N workers costs little more than starting one
        ctx.set_forkserver_preload(list(PRELOAD))
    return ctx


def _start_worker(settings: dict, lifeline) -> None:
    """Initializer of a pool worker: end with the driver, then load the pipeline."""
    watch(lifeline)
    init_worker(settings)


def _pool_round(ctx, lifeline: Lifeline, todo: list[Partition], n: int, out: Path,
                settings: dict, stop_at_break: bool):
    """Run ``todo`` on a fresh pool of ``n`` workers; yields (partition, result|exception)
    and finally returns the partitions lost to a broken pool, in submission order."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    broken: list[tuple[int, Partition]] = []
    pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_start_worker,
                               initargs=(settings, lifeline.worker_end))
    finished = False
    try:
        futures = [(i, p, pool.submit(run_partition, p.to_dict(), str(out), settings))
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
    except GeneratorExit:
        # the driver stops taking results (its output cannot be written): queued partitions
        # are dropped, running ones end by themselves, removing their temporary files
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        # interrupted (Ctrl-C, an error in the driver): drop queued partitions at once; the
        # workers end with the lifeline
        pool.shutdown(wait=finished, cancel_futures=not finished)
    return [p for _, p in sorted(broken, key=lambda x: x[0])]


def run_processes(parts: list[Partition], out: Path, workers: int,
                  settings: dict) -> Results:
    """The partitions on a pool of ``workers`` local processes.

    A worker that dies breaks the whole pool and every unfinished partition with it. The
    culprit was running, i.e. among the first unfinished in submission order, so those are
    re-run one at a time until it is found (and reported as failed); the rest go back to the
    parallel pool.
    """
    ctx = _context()
    pending = list(parts)
    with Lifeline(ctx) as lifeline:
        while pending:
            broken = yield from _pool_round(ctx, lifeline, pending, workers, out, settings,
                                            stop_at_break=False)
            if not broken:
                return
            pending = yield from _pool_round(ctx, lifeline, broken, 1, out, settings,
                                             stop_at_break=True)


def run_dask(parts: list[Partition], out: Path, scheduler: Any, settings: dict) -> Results:
    """The partitions on a ``dask.distributed`` cluster (an address or a ``Client``)."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        from ..errors import BackendUnavailable

        raise BackendUnavailable("a Dask cluster needs dask.distributed, which is not installed: "
                                 "pip install 'unionnlp[dask]'") from exc

    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if own else scheduler
    try:
        try:
            client.run(init_worker, settings)
        except Exception as exc:
            raise RuntimeError(
                f"the Dask workers cannot load the unionnlp pipeline ({type(exc).__name__}: {exc});"
                " install unionnlp (same version) on every worker"
            ) from exc
        futures = {}
        for p in parts:
            fut = client.submit(run_partition, p.to_dict(), str(out), settings, pure=False,
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
