"""Batch extraction: map read → parse → clean → extract over many inputs, in parallel, resumably.

:func:`run` splits the inputs into partitions (:mod:`.plan`), processes each in a worker
(:mod:`.worker`) on local processes, in this process or on a Dask cluster (:mod:`.executors`),
records what is done in the manifest under a lock (:mod:`.manifest`) and writes a Parquet
dataset (:mod:`.layout`) that :func:`unionnlp.store.open` queries with SQL.
"""
from .driver import BatchResult, run
from .plan import DEFAULT_PARTITION_SIZE, Partition, plan_partitions
from .worker import run_partition

__all__ = ["run", "run_partition", "plan_partitions", "Partition", "BatchResult",
           "DEFAULT_PARTITION_SIZE"]
