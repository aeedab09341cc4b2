"""``unionnlp extract [PATH ...] [-o OUT]``: records as JSONL, or a Parquet batch output.

With ``-o OUT.parquet`` (a folder), ``--format parquet``, ``--workers`` or ``--scheduler``
the inputs go to :func:`unionnlp.batch.run` (partitions, resume, Dask); otherwise records are
written one JSON line each, to stdout or under a temporary name renamed when complete.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Sequence

from .. import batch
from ..errors import OutputLocked
from ..io.readers import STDIN_FORMATS
from ._common import EXIT_NONE, EXIT_OK, UsageError, err

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


def run(args) -> int:
    paths = args.paths or ["-"]
    if _is_batch_target(args):
        return _extract_batch(args, paths)
    from ..io.readers import iter_pages
    from ..pipeline import process_page

    nlp = None  # the tokenizer-free path: same extractors, no segmentation cost
    lexicon = _lexicon(args)  # a bad lexicon file is a usage error before any output exists
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
        for page in iter_pages(paths, stdin_format=getattr(args, "stdin_format", None) or "auto"):
            rec = process_page(page, nlp=nlp, lexicon=lexicon, orgs=getattr(args, "orgs", None))
            n += 1
            if rec.ok:
                ok += 1
            for line in _record_error_lines(rec):
                err(line)
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
    out = args.output
    if not out:
        raise UsageError("batch extraction (--format parquet, --workers, --scheduler) needs -o OUT")
    if "-" in paths:
        raise UsageError("batch extraction reads files, not standard input")
    if getattr(args, "orgs", None) == "accurate" and not getattr(args, "pipeline", None):
        # batch workers run a pipeline named by a string: the accurate one
        args.pipeline = "unionnlp.extractors.pipeline:load_accurate"
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

    0 when every partition finished (documents that failed are error rows, not failures of the
    run), 1 when some partitions failed (re-run to retry them), 2 when the output is locked.
    """
    stream = stream or sys.stdout
    try:
        result = batch.run(inputs, out, workers=getattr(args, "workers", None),
                     scheduler=getattr(args, "scheduler", None),
                     partition_size=getattr(args, "partition_size", batch.DEFAULT_PARTITION_SIZE),
                     progress=getattr(args, "progress", None),
                     pipeline=getattr(args, "pipeline", None))
    except OutputLocked as exc:
        print(f"unionnlp: {exc}", file=sys.stderr)
        return 2
    print(result.summary(), file=stream)
    return 0 if not result.failed_partitions else 1
