"""What every command shares: exit codes, the usage error, one way to print a message."""
from __future__ import annotations

import sys

from ..errors import UnionNLPError

__all__ = ["EXIT_OK", "EXIT_NONE", "EXIT_USAGE", "UsageError", "err", "printable"]

#: longest message printed for one problem (a message quoting a whole damaged record is cut)
MAX_MESSAGE = 600

#: 0 some documents (pages, queries) succeeded; 1 none did; 2 bad arguments or state
EXIT_OK, EXIT_NONE, EXIT_USAGE = 0, 1, 2


class UsageError(UnionNLPError):
    """Bad arguments: exit code 2 with a one-line message."""


def printable(msg: str) -> str:
    """A message safe for a terminal: control characters and undecodable bytes shown as
    escapes (a corrupt archive's bytes never reach the terminal raw), one line, cut to
    :data:`MAX_MESSAGE` characters."""
    out = []
    for ch in str(msg):
        if ch in "\n\r\t":
            out.append(" ")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    s = "".join(out)
    return s if len(s) <= MAX_MESSAGE else s[:MAX_MESSAGE - 1] + "…"


def err(msg: str, command: str = "") -> None:
    """One printable line on stderr: ``unionnlp[ command]: msg``."""
    prefix = f"unionnlp {command}" if command else "unionnlp"
    print(printable(f"{prefix}: {msg}"), file=sys.stderr, flush=True)
