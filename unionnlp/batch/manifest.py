"""The manifest of an output folder: what is done (the lock, who is writing, is in :mod:`.lock`).

Resume. The manifest is the commit point: a partition counts as done only once the driver has
recorded it there after all its part files were renamed into place. Re-running the same command
skips done partitions whose files exist, redoes the rest (their part names are deterministic, so
half-written leftovers are simply overwritten) and deletes part files of partitions that are no
longer in the plan; the output then equals that of an uninterrupted run.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Optional

from .layout import FORMAT, MANIFEST, SIGNATURES, is_temp, replacing

__all__ = ["Manifest", "write_json_atomic", "remove_stale"]


def _now() -> str:
    """The time now, UTC (ISO 8601)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def write_json_atomic(path: Path, data: dict) -> None:
    with replacing(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())


class Manifest:
    """``OUT/manifest.json``: inputs, plan, partitions done, counts (a plain dict in :attr:`data`).

    :meth:`save` writes it atomically, at most every second and never more than ~10 % of the
    time on a huge manifest (``force=True`` writes at once); partitions finished but not yet
    recorded are simply redone after a crash.
    """

    def __init__(self, out: Path, data: Optional[dict] = None):
        self.out = out
        self.data = data or {}
        self._last_save = 0.0
        self._save_cost = 0.0

    @classmethod
    def load(cls, out: Path) -> "Manifest":
        path = out / MANIFEST
        data: dict = {}
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}  # a damaged manifest: everything is redone
        if data.get("format") not in (None, FORMAT):
            data = {}
        return cls(out, data)

    def cached_plan(self) -> Optional[dict]:
        """The plan of the previous run with the inputs it was made for (see plan_partitions)."""
        plan = self.data.get("plan")
        return None if plan is None else dict(plan, inputs=self.data.get("inputs"))

    def start(self, *, version: str, pipeline: Optional[str], stats: list, plan: dict,
              keys: set, settings: Optional[dict] = None) -> None:
        """Begin a run with this plan: done partitions still in the plan (files present) stay."""
        old = self.data
        done = {k: v for k, v in (old.get("partitions") or {}).items()
                if k in keys and self.part_done(v)}
        self.data = {
            "format": FORMAT,
            "version": version,
            "pipeline": pipeline,
            "settings": settings,
            "created": old.get("created") or _now(),
            "updated": None,
            "inputs": stats,
            # the plan of this run (valid while "inputs" are unchanged): reused by a re-run
            "plan": plan,
            "partitions": done,
            "counts": {},
            "reprints": old.get("reprints"),
        }

    @property
    def done(self) -> dict:
        """key → entry of every finished partition."""
        return self.data["partitions"]

    def part_done(self, entry: Optional[dict]) -> bool:
        if not entry or entry.get("status") != "done":
            return False
        return all((self.out / t / name).exists() for t, name in (entry.get("files") or {}).items())

    def save(self, force: bool = False) -> None:
        t = time.monotonic()
        if force or t - self._last_save >= max(1.0, 10 * self._save_cost):
            self.data["updated"] = _now()
            write_json_atomic(self.out / MANIFEST, self.data)
            self._last_save = time.monotonic()
            self._save_cost = self._last_save - t


def remove_stale(out: Path, keep: set[str]) -> int:
    """Delete part files (and temp leftovers) not belonging to partitions in ``keep``."""
    from ..schema import TABLES

    removed = 0
    for t in (*TABLES, SIGNATURES):
        d = out / t
        if not d.is_dir():
            continue
        for f in d.iterdir():
            name = f.name
            if is_temp(name):
                f.unlink(missing_ok=True)
            elif name.startswith("part-") and name.endswith(".parquet"):
                if name[len("part-"):-len(".parquet")] not in keep:
                    f.unlink(missing_ok=True)
                    removed += 1
    return removed
