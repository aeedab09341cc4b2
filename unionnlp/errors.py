"""The library's documented error types, and what "documented" means.

unionnlp's public entry points follow one rule for bad input:

* functions over **text** (``clean`` and its steps, every extractor, ``extract``) never raise
  for any ``str``: odd Unicode, control characters, huge or empty strings return ``""``/``[]``
  or results;
* functions over **documents** (``parse_page``, ``process_page``, the readers ``iter_pages``,
  ``iter_warc``) never raise for bad documents: the failure becomes an
  :class:`~unionnlp.records.ErrorEntry` on the page or record, so every input document is
  accounted for (records + error rows = inputs);
* the few functions that *do* raise for bad input raise a subclass of :class:`UnionNLPError`
  (listed in :data:`DOCUMENTED_ERRORS`), never a bare ``IndexError``, ``RecursionError`` …;
* a wrong *type* of argument (``extract(42)``) is a programming error and raises ``TypeError``.

Anything else escaping a public entry point is a bug; ``tests/test_robust_*.py`` hunt for them.
"""
from __future__ import annotations

__all__ = [
    "UnionNLPError",
    "DecodeError",
    "InputTooLarge",
    "OutputLocked",
    "NotARecord",
    "BackendUnavailable",
    "NotFitted",
    "LexiconError",
    "SourceError",
    "UnknownName",
    "UnsafeQuery",
    "DOCUMENTED_ERRORS",
    "is_documented",
]


class UnionNLPError(Exception):
    """Base class of every error unionnlp raises on purpose for bad input or state."""


class DecodeError(UnionNLPError, ValueError):
    """Bytes that are not text at all (binary data): raised by ``io.decode.decode_bytes``."""


class InputTooLarge(UnionNLPError, ValueError):
    """An input over a configured size limit (``max_page_bytes``); readers turn it into an
    error row with kind ``too-large`` rather than raising it."""


class OutputLocked(UnionNLPError, RuntimeError):
    """An output folder already in use by another run (batch runs refuse to share one)."""


class NotARecord(UnionNLPError, ValueError):
    """A line of a record file (JSONL of ``unionnlp extract`` output) that is not a record;
    the message names the file and the line."""


class BackendUnavailable(UnionNLPError, RuntimeError):
    """An optional backend (LAC, HanLP) asked for but not installed or not loadable here."""


class NotFitted(UnionNLPError, AttributeError):
    """A learned component (the campaign classifier) used before it was fitted or loaded."""


class LexiconError(UnionNLPError, ValueError):
    """A user lexicon or corrections file that cannot be read; the message names the file and
    the line."""


class SourceError(UnionNLPError, TypeError):
    """Something given to :mod:`unionnlp.compare` as a source that is not one (records, a JSONL
    path, a batch output folder, a DuckDB connection, the frames dict); the message names what
    is accepted."""


class UnknownName(UnionNLPError, ValueError):
    """A campaign or metric asked for that the data does not hold; the message names the
    closest ones it does hold."""


class UnsafeQuery(UnionNLPError, ValueError):
    """SQL refused by the read-only query mode (several statements, or one that is not a
    query); ``unsafe=True`` / ``--unsafe`` lifts the restriction."""


#: what a public entry point may raise for bad input (besides ``TypeError`` for wrong types)
DOCUMENTED_ERRORS: tuple = (UnionNLPError,)


def is_documented(exc: BaseException) -> bool:
    """True when ``exc`` is one of the library's documented error types."""
    return isinstance(exc, DOCUMENTED_ERRORS)
