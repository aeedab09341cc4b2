"""Writing output where there is no room: a clean one-line message, exit code 1, and no
temporary file left to keep the disk full. And the output's file mode follows the umask.

A full disk is made for real without root: the child process gets a file-size limit
(RLIMIT_FSIZE) with SIGXFSZ ignored, so a write past the limit fails with EFBIG exactly where a
full disk fails with ENOSPC; standard output goes to /dev/full (ENOSPC).
"""
from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from test_batch import make_inputs

ROOT = Path(__file__).resolve().parent.parent


def _limit_file_size(limit: int):
    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write (EFBIG) instead of dying

    return preexec


def _extract(*args, limit=None, stdout=subprocess.DEVNULL, timeout=180):
    env = dict(os.environ, PYTHONPATH=str(ROOT), CI="true")
    proc = subprocess.run([sys.executable, "-m", "unionnlp", "extract", *map(str, args)], env=env,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=timeout,
                          preexec_fn=_limit_file_size(limit) if limit else None)
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


def _one_clean_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert lines and lines[-1].startswith("unionnlp"), err
    return lines[-1]


def _leftovers(folder: Path) -> list:
    return [p for p in folder.rglob("*")
            if p.is_file() and (p.name.endswith(".part") or ".tmp-" in p.name)]


@pytest.mark.timeout(240)
def test_jsonl_output_on_a_full_disk(tmp_path):
    inputs = make_inputs(tmp_path / "in", n_txt=30, n_html=0, n_warc=0)
    out = tmp_path / "out" / "records.jsonl"
    rc, err = _extract(inputs, "-o", out, limit=20_000)
    assert rc == 1, err
    line = _one_clean_line(err)
    assert str(out) in line and "File too large" in line, line
    assert not out.exists()
    assert not _leftovers(out.parent), "the partial output was left behind"


@pytest.mark.timeout(240)
def test_standard_output_on_a_full_device(tmp_path):
    inputs = make_inputs(tmp_path / "in", n_txt=3, n_html=0, n_warc=0)
    with open("/dev/full", "wb") as full:
        rc, err = _extract(inputs, stdout=full)
    assert rc == 1, err
    line = _one_clean_line(err)
    assert "standard output" in line and "No space left" in line, line


# One partition per document (30): part files fit in 20 KB (~6 KB each), the manifest (~30 KB
# for 31 partitions) does not. Sixteen documents in one partition: the manifest fits in 10 KB,
# the articles part file (~22 KB) does not.
@pytest.mark.timeout(300)
@pytest.mark.parametrize("limit,docs,partition_size,workers", [(20_000, 30, 1, 1),
                                                               (10_000, 16, 16, 1),
                                                               (10_000, 16, 16, 2)],
                         ids=["manifest", "part-file", "part-file-in-worker-processes"])
def test_batch_output_on_a_full_disk(tmp_path, limit, docs, partition_size, workers):
    inputs = make_inputs(tmp_path / "in", n_txt=docs, n_html=0, n_warc=0)
    out = tmp_path / "out"
    rc, err = _extract(inputs, "-o", str(out) + os.sep, "--workers", workers,
                       "--partition-size", partition_size, limit=limit)
    assert rc == 1, err
    line = _one_clean_line(err)
    assert str(out) in line and "File too large" in line, line
    assert not _leftovers(out), f"temporary files left: {_leftovers(out)}"
    assert not (out / ".lock").exists()
    if partition_size == 1:  # what was committed stays usable: with room, a re-run goes on
        done = len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["partitions"])
        assert done, "no partition was recorded before the manifest outgrew the limit"
        from unionnlp import batch

        res = batch.run([inputs], out, workers=1, partition_size=1, progress=False)
        assert res.ok and res.documents == res.records == docs
        assert res.skipped_partitions == done


@pytest.mark.parametrize("umask", [0o022, 0o002], ids=["umask-022", "umask-002"])
def test_jsonl_output_file_mode_follows_the_umask(tmp_path, umask):
    from unionnlp.cli import main

    inputs = make_inputs(tmp_path / "in", n_txt=1, n_html=0, n_warc=0)
    out = tmp_path / "records.jsonl"
    old = os.umask(umask)
    try:
        assert main(["extract", str(inputs), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
