"""Command line: ``unionnlp extract | evaluate | crawl | compare | export | query | lexicon``.

One module per command in this package, each with ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``; arguments are parsed here, the work is done by library functions.

Exit codes: 0 when some documents succeeded, 1 when none did, 2 for usage errors.
Messages about bad documents go to stderr; records go to stdout or ``-o``; nothing is written
half: files are written under a temporary name and renamed when complete.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Optional

from ..errors import UnionNLPError
from ._common import EXIT_NONE, EXIT_OK, EXIT_USAGE, UsageError, err

__all__ = ["main", "build_parser", "COMMANDS", "UsageError", "EXIT_OK", "EXIT_NONE", "EXIT_USAGE"]

#: command name → module of this package (imported only when the command runs, so that
#: ``unionnlp --help`` stays fast)
COMMANDS = {"extract": "extract", "evaluate": "evaluate", "crawl": "crawl", "compare": "compare",
            "query": "query", "lexicon": "lexicon", "export": "export"}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="unionnlp", description="Chinese trade-union news → research data")
    from .. import __version__

    p.add_argument("--version", action="version", version=f"unionnlp {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    for name, modname in COMMANDS.items():
        mod = importlib.import_module(f".{modname}", __package__)
        sp = sub.add_parser(name, help=mod.HELP, description=mod.__doc__.split("\n\n")[0].replace("``", ""))
        mod.add_arguments(sp)
        _add_verbosity(sp)
        sp.set_defaults(func=mod.run)
    return p


def _add_verbosity(p: argparse.ArgumentParser) -> None:
    """``-q/--quiet`` and ``-v/--verbose`` for every command (only the summary line and errors
    that stop the command in quiet mode; skipped files and details in verbose mode)."""
    g = p.add_mutually_exclusive_group()
    g.add_argument("-q", "--quiet", action="store_true", help="print only what stops the command")
    g.add_argument("-v", "--verbose", action="store_true", help="say more (e.g. name skipped files)")


def _on_sigterm(signum, frame):  # pragma: no cover - exercised through a subprocess
    # unwind like Ctrl-C, so that a partial ``-o`` file is removed instead of left behind
    raise SystemExit(128 + signum)


def main(argv: Optional[list] = None) -> int:
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        try:
            signal.signal(signal.SIGTERM, _on_sigterm)
        except (ValueError, OSError):  # pragma: no cover - embedded interpreters
            pass
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code) if isinstance(e.code, int) else EXIT_USAGE
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        rc = args.func(args)
    except UnionNLPError as e:  # bad arguments or state (a locked output, a damaged record file)
        err(str(e))
        return EXIT_USAGE
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:
        try:
            sys.stdout.close()
        except Exception:
            pass
        return EXIT_OK
    return int(rc or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
