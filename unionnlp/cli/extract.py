"""``unionnlp extract [PATH ...] [-o OUT]``: records as JSONL, or a Parquet batch output.

With ``-o OUT.parquet`` (a folder), ``--format parquet``, ``--workers`` or ``--scheduler``
the inputs go to :func:`unionnlp.batch.run` (partitions, resume, Dask); otherwise records are
written one JSON line each, to stdout or under a temporary name renamed when complete.
"""
from __future__ import annotations

import argparse
import contextlib
import errno
import os
import secrets
import sys
from pathlib import Path
from typing import Sequence

from .. import batch
from ..errors import OutputLocked
from ..io.readers import STDIN_FORMATS, describe_skipped
from ._common import EXIT_NONE, EXIT_OK, UsageError, err, printable

__all__ = ["HELP", "add_arguments", "run", "add_batch_arguments", "run_batch"]

HELP = "extract records from files, folders, WARC or JSONL (stdin when no path)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="inputs: .txt .html .jsonl .warc(.gz), folders; '-' or none for stdin")
    p.add_argument("-o", "--output", help="output file (.jsonl) or batch output (.parquet / folder)")
    p.add_argument("--format", choices=["jsonl", "parquet"], default=None)
    p.add_argument("--lexicon", action="append", metavar="PATH",
                   help="a user lexicon (CSV/TSV/YAML: kind, action, name, canonical, type, note) "
                        "of your own campaign and organization names, aliases, merges and blocks; "
                        "may be given several times")
    p.add_argument("--corrections", action="append", metavar="PATH",
                   help="corrections (CSV/TSV/YAML: article, item, field, value, note; and lexicon "
                        "rows for global renames, merges and blocks), applied to the records and "
                        "listed in each record's meta; may be given several times")
    p.add_argument("--orgs", choices=["fast", "accurate"], default=None,
                   help="how organizations are found: fast (default: the rules) or accurate "
                        "(the rules merged with Baidu LAC over every sentence, about ten times "
                        "slower)")
    p.add_argument("--stdin-format", choices=STDIN_FORMATS, default="auto", help="what standard input holds: one JSONL document per line (streamed), one text or HTML document, or auto (JSONL when its first line is a {\"text\"|\"html\": …} object)")
    add_batch_arguments(p)  # --workers, --scheduler, --partition-size, --pipeline, --progress


def _is_batch_target(args) -> bool:
    out = args.output
    if args.format == "parquet" or args.workers is not None or args.scheduler:
        return True
    if out and (out.endswith(".parquet") or out.endswith(os.sep) or Path(out).is_dir()):
        return True
    return False


def _record_error_lines(rec) -> list:
    return [f"{rec.source}: {e.stage}: {e.message}" for e in rec.errors]


def _lexicon(args):
    """The user lexicon and corrections named by ``--lexicon``/``--corrections`` (one format,
    read once), or None."""
    paths = [*(getattr(args, "lexicon", None) or []), *(getattr(args, "corrections", None) or [])]
    if not paths:
        return None
    from ..lexicon.user import UserLexicon

    return UserLexicon.load(paths)


#: what ``-o`` can write: a JSONL file (or ``-`` for standard output), else a batch folder
JSONL_SUFFIXES = (".jsonl",)


def run(args) -> int:
    paths = args.paths or ["-"]
    if _is_batch_target(args):
        return _extract_batch(args, paths)
    to_stdout = not args.output or args.output == "-"
    if not to_stdout and not args.output.lower().endswith(JSONL_SUFFIXES):
        raise UsageError(f"cannot write {args.output}: records are written as JSON lines "
                         "(-o OUT.jsonl), or as a Parquet batch output (-o OUT.parquet or a folder)")
    lexicon = _lexicon(args)  # a bad lexicon file is a usage error before any output exists
    skipped: list = []
    quiet = getattr(args, "quiet", False)
    try:
        with _stdout_sink() if to_stdout else _file_sink(Path(args.output)) as write:
            n, ok = _extract_records(paths, write, lexicon=lexicon, orgs=getattr(args, "orgs", None),
                                     stdin_format=getattr(args, "stdin_format", None) or "auto",
                                     skipped=skipped, quiet=quiet,
                                     progress=_progress(args, to_stdout))
    except BrokenPipeError:  # the reader of a pipe has had enough (``| head``): not an error
        raise
    except OSError as exc:  # no room (ENOSPC, EFBIG, EDQUOT), no permission …: nothing half left
        err(_write_failed("standard output" if to_stdout else args.output, exc))
        return EXIT_NONE
    if not quiet:
        print(f"unionnlp: {n} documents, {ok} extracted, {n - ok} with errors", file=sys.stderr)
        if skipped:
            err(describe_skipped(skipped))
            if getattr(args, "verbose", False):
                for p in skipped:
                    err(f"skipped: {p}")
    return EXIT_OK if ok else EXIT_NONE


def _progress(args, to_stdout: bool):
    """A tqdm bar on stderr: on a terminal by default (``--progress``/``--no-progress``)."""
    from ..batch.driver import show_progress

    if getattr(args, "quiet", False) or not show_progress(getattr(args, "progress", None)):
        return None
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, leave=False)


def _extract_records(paths, write, *, lexicon=None, orgs=None, stdin_format: str = "auto",
                     skipped=None, quiet: bool = False, progress=None) -> tuple[int, int]:
    """Extract every document under ``paths`` (with the user ``lexicon`` and ``orgs`` mode, if
    any), each record a JSON line to ``write``; returns (documents, records without fatal
    errors). Files of other types are appended to ``skipped``; ``quiet`` keeps the
    per-document error lines off stderr; ``progress`` is a tqdm bar to advance."""
    from ..io.readers import iter_pages
    from ..pipeline import process_page

    n = ok = 0
    for page in iter_pages(paths, stdin_format=stdin_format, skipped=skipped):
        # the tokenizer-free path (nlp None): same extractors, no segmentation cost
        rec = process_page(page, nlp=None, lexicon=lexicon, orgs=orgs)
        n += 1
        if rec.ok:
            ok += 1
        if not quiet:
            for line in _record_error_lines(rec):
                if progress is not None:  # above the bar, not through it
                    progress.write(printable(f"unionnlp: {line}"), file=sys.stderr)
                else:
                    err(line)
        write(rec.to_json() + "\n")
        if progress is not None:
            progress.update(1)
    if progress is not None:
        progress.close()
    return n, ok


@contextlib.contextmanager
def _stdout_sink():
    """Write to standard output, one flushed line at a time (a pipe sees each record)."""

    def write(line: str) -> None:
        sys.stdout.write(line)
        sys.stdout.flush()

    try:
        yield write
    except OSError:
        # what could not be written stays in the buffer, and the final flush of the
        # interpreter would fail again with "Exception ignored …": send it nowhere
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise


@contextlib.contextmanager
def _file_sink(target: Path):
    """Write to a hidden ``.NAME.*.part`` file beside ``target``, renamed onto it when complete
    and removed when anything goes wrong (an interrupt, a full disk)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp, fh = _new_part_file(target)
    try:
        yield fh.write
        fh.close()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            fh.close()  # flushing what is buffered may fail again on a full disk
        tmp.unlink(missing_ok=True)
        raise


def _new_part_file(target: Path):
    """A new temporary file beside ``target``, created with mode 0666 less the umask (as
    ``open`` does; ``tempfile.mkstemp`` would make it 0600)."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        return tmp, os.fdopen(fd, "w", encoding="utf-8")


#: errors of a full disk or quota: a re-run after making room goes on
_NO_ROOM = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


def _write_failed(where, exc: OSError) -> str:
    """One line saying why writing ``where`` failed."""
    reason = exc.strerror or str(exc)
    if exc.filename and str(exc.filename) != str(where):
        reason = f"{reason}: {exc.filename}"
    if exc.errno in _NO_ROOM:
        reason += " (make room and run again)"
    return f"cannot write {where}: {reason}"


def _extract_batch(args, paths) -> int:
    out = args.output
    if not out:
        raise UsageError("batch extraction (--format parquet, --workers, --scheduler) needs -o OUT")
    if "-" in paths:
        raise UsageError("batch extraction reads files, not standard input")
    # OUT (or OUT.parquet) is the dataset folder: one Parquet part file per partition and table
    return run_batch(args, paths, out, stream=sys.stderr)


def add_batch_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the batch options to a parser (``unionnlp extract``'s): --workers, --scheduler,
    --partition-size, --pipeline, --progress/--no-progress. Options the parser already has
    (e.g. its own --workers) are left as they are.
    """
    have = set(getattr(parser, "_option_string_actions", {}))

    def add(flag: str, **kw) -> None:
        if flag not in have:
            parser.add_argument(flag, **kw)

    add("--workers", type=int, default=None,
        help="local worker processes (default: all cores; 1 = in this process)")
    add("--scheduler", default=None, metavar="tcp://HOST:PORT",
        help="run the partitions on this dask.distributed scheduler instead")
    add("--partition-size", type=int, default=batch.DEFAULT_PARTITION_SIZE, metavar="N",
        help=f"documents (files or WARC records) per partition (default {batch.DEFAULT_PARTITION_SIZE})")
    add("--pipeline", default=None, metavar="MODULE:FUNC",
        help="a function returning a spaCy pipeline to run the extractors through "
             "(default: unionnlp's direct extraction, no spaCy)")
    add("--progress", dest="progress", action="store_true", default=None,
        help="always show the progress bar")
    add("--no-progress", dest="progress", action="store_false",
        help="never show the progress bar")
    return parser


def run_batch(args: argparse.Namespace, inputs: Sequence, out, stream=None) -> int:
    """Run a batch from parsed arguments, print the counts; returns the exit status.

    The same rule as JSONL output: 0 when some documents gave records, 1 when none did or some
    partitions failed (re-run to retry them), 2 for usage errors (a locked output).
    """
    stream = stream or sys.stdout
    try:
        result = batch.run(inputs, out, workers=getattr(args, "workers", None),
                     scheduler=getattr(args, "scheduler", None),
                     partition_size=getattr(args, "partition_size", batch.DEFAULT_PARTITION_SIZE),
                     progress=False if getattr(args, "quiet", False) else getattr(args, "progress", None),
                     pipeline=getattr(args, "pipeline", None),
                     orgs=getattr(args, "orgs", None),
                     lexicon=[*(getattr(args, "lexicon", None) or []),
                              *(getattr(args, "corrections", None) or [])] or None)
    except OutputLocked as exc:
        print(f"unionnlp: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # no room, no permission: finished partitions stay recorded
        err(_write_failed(f"the batch output {out}", exc))
        return 1
    if not getattr(args, "quiet", False):
        print(result.summary(), file=stream)
        if getattr(args, "verbose", False):
            for p in result.skipped_files:
                err(f"skipped: {p}")
    if result.failed_partitions or (result.documents and not result.records):
        return EXIT_NONE
    return EXIT_OK
