"""Partitions: the inputs of a batch cut into bounded units of work.

Loose files (``.txt``, ``.html`` ...) are grouped, in sorted order and never across folders,
``partition_size`` files at a time; a WARC file is cut into ranges of ``partition_size`` records
by record start offset (:func:`unionnlp.io.readers.warc_offsets`, each gzip member is one record
so a worker seeks straight to its range); a JSONL file is cut into ranges of ``partition_size``
lines by byte offset (:mod:`.jsonl_ranges`), each worker reading only its range. A gzipped JSONL
file cannot be entered in the middle, and an input that is not a regular file (a pipe, a
device) is not scanned: each is one partition, read from the start by the reader. A partition's
*key* hashes the library version (and pipeline), its files' absolute paths, sizes and mtimes
and its offset range, so a changed input gets new keys.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

__all__ = ["Partition", "plan_partitions", "plan_version", "DEFAULT_PARTITION_SIZE"]

#: documents (loose files, or WARC records) per partition
DEFAULT_PARTITION_SIZE = 100
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
_JSONL_SUFFIX = ".jsonl"
_STREAM_SUFFIXES = (".jsonl.gz",)

PathLike = Union[str, os.PathLike]


@dataclass(frozen=True)
class Partition:
    """A bounded unit of work: a group of files, a record range of one WARC file, a line range
    of one JSONL file, or one file read whole as a stream."""

    key: str
    kind: str  # "files" | "warc" | "jsonl" | "stream"
    paths: tuple
    #: byte offsets of the range (WARC records, JSONL lines); ``end`` None: to the end
    start: int = 0
    end: Optional[int] = None
    #: JSONL: lines before ``start`` (the line numbers of the range go on from there)
    lines_before: int = 0

    def to_dict(self) -> dict:
        d = asdict(self)
        d["paths"] = list(self.paths)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Partition":
        return cls(d["key"], d["kind"], tuple(d["paths"]), d.get("start", 0), d.get("end"),
                   d.get("lines_before", 0))

    def describe(self) -> str:
        if self.kind in ("warc", "jsonl"):
            where = f"{self.paths[0]} [{self.start}:{'' if self.end is None else self.end}]"
            return where + (f" from line {self.lines_before + 1}" if self.kind == "jsonl" else "")
        if len(self.paths) == 1:
            return str(self.paths[0])
        return f"{self.paths[0]} … ({len(self.paths)} files)"


def plan_version(settings=None) -> str:
    """What the partition keys depend on besides the inputs: the library version and the
    extraction settings (pipeline, organization mode, lexicon content)."""
    from .. import __version__
    from .settings import Settings

    fp = Settings.from_dict(settings).fingerprint()
    return __version__ + (f"|{fp}" if fp else "")


def _suffix(path: str) -> str:
    name = path.lower()
    for s in _WARC_SUFFIXES + _STREAM_SUFFIXES + (_JSONL_SUFFIX,):
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


def _ranges(version: str, kind: str, st: dict, bounds: list, lines: Sequence[int] = ()) -> list[Partition]:
    """Partitions of one file cut at the byte offsets ``bounds`` (the first is 0); ``lines``:
    the lines before each bound (JSONL)."""
    ends = bounds[1:] + [None]
    lines = list(lines) or [0] * len(bounds)
    return [Partition(_key(version, kind, [st], start, end), kind, (st["path"],), start, end, n)
            for start, end, n in zip(bounds, ends, lines)]


def _stream(version: str, st: dict) -> Partition:
    """One file read whole by the reader."""
    return Partition(_key(version, "stream", [st], 0, None), "stream", (st["path"],))


def _jsonl_partitions(version: str, st: dict, partition_size: int) -> list[Partition]:
    from .jsonl_ranges import line_starts

    try:
        starts = line_starts(st["path"], partition_size)
    except OSError:  # unreadable: the reader turns it into an error row
        return [_stream(version, st)]
    return _ranges(version, "jsonl", st, [o for o, _ in starts], [n for _, n in starts])


def _warc_partitions(version: str, st: dict, partition_size: int) -> list[Partition]:
    from ..io.readers import warc_offsets

    offsets = warc_offsets(st["path"]) if st["size"] else []
    bounds = offsets[::partition_size] or [0]
    bounds[0] = 0
    return _ranges(version, "warc", st, bounds)


def plan_partitions(
    inputs: Union[PathLike, Iterable[PathLike]],
    partition_size: int = DEFAULT_PARTITION_SIZE,
    *,
    cached: Optional[dict] = None,
    pipeline=None,
    skipped: Optional[list] = None,
) -> tuple[list[Partition], list[dict]]:
    """Split inputs into partitions; returns ``(partitions, input stats)``.

    ``cached`` is a previous plan (from a manifest): when the inputs (path, size, mtime),
    partition size and version are unchanged it is reused, saving the offset scans.
    ``pipeline``: the extraction settings (a :class:`~unionnlp.batch.settings.Settings`, its
    dict, or a pipeline name), part of every key. Files of types unionnlp does not read
    are appended to ``skipped``.
    """
    from ..io.readers import list_inputs

    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    inputs = list(inputs)
    if any(str(p) == "-" for p in inputs):
        raise ValueError("standard input ('-') cannot be batch-processed: save it to a file first")
    if partition_size < 1:
        raise ValueError("partition_size must be ≥ 1")
    # absolute paths: workers (processes, or Dask on other hosts) and later re-runs from another
    # folder read the same files, and Record ids (from the source path) agree across executors
    files = [Path(os.path.abspath(p)) for p in list_inputs(inputs, skipped)]
    stats = [_stat(p) for p in files]
    version = plan_version(pipeline)
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
        suffix = _suffix(st["path"])
        regular = os.path.isfile(st["path"])  # a pipe or a device is never scanned ahead
        if suffix in _WARC_SUFFIXES and regular:
            flush_group()
            parts.extend(_warc_partitions(version, st, partition_size))
        elif suffix == _JSONL_SUFFIX and regular:
            flush_group()
            parts.extend(_jsonl_partitions(version, st, partition_size))
        elif suffix:
            flush_group()
            parts.append(_stream(version, st))
        else:
            if group and (len(group) >= partition_size
                          or Path(group[-1]["path"]).parent != Path(st["path"]).parent):
                flush_group()
            group.append(st)
    flush_group()
    return parts, stats
