"""The one reader of record files: JSONL written by ``unionnlp extract`` (``.jsonl`` or
``.jsonl.gz``), one :meth:`~unionnlp.records.Record.to_json` per line.

A line that is not a record raises :class:`~unionnlp.errors.NotARecord` naming the file and
line number: a record file with a bad line is a damaged output, and skipping the line would
silently change every count computed from it.
"""
from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Iterator, Union

from ..errors import NotARecord
from ..records import Record

__all__ = ["iter_records"]


def iter_records(path: Union[str, os.PathLike]) -> Iterator[Record]:
    """Records from a JSONL file of records, in file order; blank lines are skipped."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield Record.from_json(line)
            except (ValueError, TypeError, AttributeError) as exc:
                raise NotARecord(f"{path}:{n}: not a record ({type(exc).__name__}: {exc})") from exc
