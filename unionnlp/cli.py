"""Command line: ``unionnlp extract | evaluate | crawl | compare | query | lexicon``.

Exit codes: 0 when some documents succeeded, 1 when none did, 2 for usage errors.
Messages about bad documents go to stderr; records go to stdout or ``-o``; nothing is written
half: files are written under a temporary name and renamed when complete.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_NONE, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments: exit code 2."""


def _err(msg: str) -> None:
    print(f"unionnlp: {msg}", file=sys.stderr, flush=True)


# -- extract ------------------------------------------------------------------------------

def _is_batch_target(args) -> bool:
    out = args.output
    if args.format == "parquet" or args.workers is not None or args.scheduler:
        return True
    if out and (out.endswith(".parquet") or out.endswith(os.sep) or Path(out).is_dir()):
        return True
    return False


def _record_error_lines(rec) -> list:
    return [f"{rec.source}: {e.stage}: {e.message}" for e in rec.errors]


def cmd_extract(args) -> int:
    paths = args.paths or ["-"]
    if _is_batch_target(args):
        return _extract_batch(args, paths)
    from .io.readers import iter_pages
    from .pipeline import process_page

    nlp = None  # the tokenizer-free path: same extractors, no segmentation cost
    out_fh = None
    tmp_path = None
    if args.output and args.output != "-":
        target = Path(args.output)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_path = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        out_fh = os.fdopen(fd, "w", encoding="utf-8")
    else:
        out_fh = sys.stdout
    n = ok = 0
    try:
        for page in iter_pages(paths):
            rec = process_page(page, nlp=nlp)
            n += 1
            if rec.ok:
                ok += 1
            for line in _record_error_lines(rec):
                _err(line)
            out_fh.write(rec.to_json() + "\n")
            if out_fh is sys.stdout:
                out_fh.flush()
    except BaseException:
        if tmp_path:
            out_fh.close()
            os.unlink(tmp_path)
        raise
    if tmp_path:
        out_fh.close()
        os.replace(tmp_path, args.output)
    print(f"unionnlp: {n} documents, {ok} extracted, {n - ok} with errors", file=sys.stderr)
    return EXIT_OK if ok else EXIT_NONE


def _extract_batch(args, paths) -> int:
    from . import batch

    out = args.output
    if not out:
        raise UsageError("batch extraction (--format parquet, --workers, --scheduler) needs -o OUT")
    if "-" in paths:
        raise UsageError("batch extraction reads files, not standard input")
    # OUT (or OUT.parquet) is the dataset folder: one Parquet part file per partition and table
    return batch.run_from_args(args, paths, out, stream=sys.stderr)


# -- evaluate -----------------------------------------------------------------------------

def cmd_evaluate(args) -> int:
    from .evaluate import evaluate, format_report

    gold = Path(args.gold_dir)
    if not gold.is_dir():
        raise UsageError(f"gold folder not found: {gold}")
    scores = evaluate(gold)
    if scores.n_docs == 0:
        _err(f"no gold documents (NNN.json with NNN.txt) in {gold}")
        return EXIT_NONE
    if args.json:
        print(json.dumps(scores.as_dict(), ensure_ascii=False, indent=1))
    else:
        print(format_report(scores, errors=args.errors))
    return EXIT_OK


# -- subcommands contributed by other modules ---------------------------------------------

def _delegate(module: str, add: str, run: str):
    """Subcommand whose arguments and action live in another module (crawl, compare …)."""

    def add_args(p):
        try:
            mod = importlib.import_module(module, __package__)
        except ImportError as e:
            p.set_defaults(_unavailable=str(e))
            return
        getattr(mod, add)(p)

    def runner(args):
        if getattr(args, "_unavailable", None):
            raise UsageError(f"this command is unavailable: {args._unavailable}")
        mod = importlib.import_module(module, __package__)
        return getattr(mod, run)(args)

    return add_args, runner


_EXTERNAL = {
    "crawl": (".scrape.cli", "add_arguments", "run", "crawl sites or URLs into WARC files"),
    "compare": (".report", "add_arguments", "run_compare",
                "compare places: campaign adoption, statistics panels, report"),
    "query": (".store", "add_arguments", "run_query", "run SQL over a batch output (DuckDB)"),
    "lexicon": (".lexicon", "add_arguments", "run", "campaign lexicon: discover candidates, retrain"),
}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="unionnlp", description="Chinese trade-union news → research data")
    from . import __version__

    p.add_argument("--version", action="version", version=f"unionnlp {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    e = sub.add_parser("extract", help="extract records from files, folders, WARC or JSONL (stdin when no path)")
    e.add_argument("paths", nargs="*", help="inputs: .txt .html .jsonl .warc(.gz), folders; '-' or none for stdin")
    e.add_argument("-o", "--output", help="output file (.jsonl) or batch output (.parquet / folder)")
    e.add_argument("--format", choices=["jsonl", "parquet"], default=None)
    from .batch import add_arguments as add_batch_arguments

    add_batch_arguments(e)  # --workers, --scheduler, --partition-size, --pipeline, --progress
    e.set_defaults(func=cmd_extract)

    v = sub.add_parser("evaluate", help="score extraction against a gold folder")
    v.add_argument("gold_dir")
    v.add_argument("--errors", action="store_true", help="list false positives and misses per document")
    v.add_argument("--json", action="store_true", help="print the scores as JSON")
    v.set_defaults(func=cmd_evaluate)

    for name, (module, add, run, help_) in _EXTERNAL.items():
        sp = sub.add_parser(name, help=help_)
        add_args, runner = _delegate(module, add, run)
        add_args(sp)
        sp.set_defaults(func=runner)
    return p


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
    except UsageError as e:
        _err(str(e))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _err("interrupted")
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
