"""The names of things inside a batch output folder ``OUT``::

    OUT/manifest.json                 inputs (size, mtime), plan, partitions done, counts, version
    OUT/articles/part-<key>.parquet   one part file per partition per table, written atomically
    OUT/places/ organizations/ campaigns/ statistics/ errors/    (same part names)
    OUT/signatures/part-<key>.parquet MinHash signatures of the articles (for reprints)
    OUT/reprints/reprints.parquet     id → cluster_id, is_canonical (computed after all partitions)
    OUT/.lock                         present while a run writes into OUT

Files are written under a hidden temporary name (:func:`temp_path`) and renamed into place.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

__all__ = ["MANIFEST", "LOCK", "SIGNATURES", "REPRINTS", "REPRINTS_FILE", "FORMAT", "part_name",
           "temp_path", "is_temp", "replacing"]

MANIFEST = "manifest.json"
LOCK = ".lock"
SIGNATURES = "signatures"
REPRINTS = "reprints"
REPRINTS_FILE = "reprints.parquet"
#: version of the manifest's layout; a manifest of another format is ignored (all redone)
FORMAT = 1

_TEMP_MARK = ".tmp-"


def part_name(key: str) -> str:
    """File name of a partition's part file (the same in every table folder)."""
    return f"part-{key}.parquet"


def temp_path(path: Path) -> Path:
    """The hidden name ``path`` is written under before it is renamed into place."""
    return path.with_name(f".{path.name}{_TEMP_MARK}{os.getpid()}")


def is_temp(name: str) -> bool:
    """True for a leftover of :func:`temp_path` (a write that did not finish)."""
    return name.startswith(".") and _TEMP_MARK in name


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Write ``path`` through its temporary name: yields that name, renames it onto ``path``
    when the block ends, and removes it when the block fails (a full disk, an interrupt)."""
    tmp = temp_path(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
