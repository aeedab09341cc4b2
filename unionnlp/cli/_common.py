"""What every command shares: exit codes, the usage error, one way to print a message."""
from __future__ import annotations

import sys

from ..errors import UnionNLPError

__all__ = ["EXIT_OK", "EXIT_NONE", "EXIT_USAGE", "UsageError", "err"]

#: 0 some documents (pages, queries) succeeded; 1 none did; 2 bad arguments or state
EXIT_OK, EXIT_NONE, EXIT_USAGE = 0, 1, 2


class UsageError(UnionNLPError):
    """Bad arguments: exit code 2 with a one-line message."""


def err(msg: str, command: str = "") -> None:
    """One line on stderr: ``unionnlp[ command]: msg``."""
    prefix = f"unionnlp {command}" if command else "unionnlp"
    print(f"{prefix}: {msg}", file=sys.stderr, flush=True)
