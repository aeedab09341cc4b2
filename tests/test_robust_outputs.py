"""Outputs: an interrupted write never leaves a half file that a later run trusts; two batch
runs into one folder are refused with a clear message."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = "扬州市总工会开展“送温暖”活动，2019年全市职工入会率达99%，会员42万余人。\n" * 30


def _inputs(d: Path, n: int) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (d / f"{i:04d}.txt").write_text(f"第{i}篇。" + DOC, encoding="utf-8")
    return d


def _cli(*args, **kw):
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "unionnlp", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def _wait_for_part(out: Path, proc, timeout=60.0) -> Path:
    """The temporary .part file, once it holds some records."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        parts = list(out.parent.glob(f".{out.name}.*.part"))
        if parts and parts[0].stat().st_size > 0:
            return parts[0]
        if proc.poll() is not None:
            pytest.fail(f"extract finished before it could be interrupted: {proc.stderr.read()!r}")
        time.sleep(0.05)
    pytest.fail("no partial output appeared")


@pytest.mark.timeout(120)
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM],
                         ids=["kill", "int", "term"])
def test_interrupted_extract_leaves_no_trusted_half_file(tmp_path, sig):
    inp = _inputs(tmp_path / "in", 400)
    out = tmp_path / "out" / "records.jsonl"
    proc = _cli("extract", str(inp), "-o", str(out))
    part = _wait_for_part(out, proc)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    proc.stderr.close()
    assert not out.exists(), "an interrupted run left the output file in place"
    if sig != signal.SIGKILL:
        assert not part.exists(), "the temporary file was not removed on interrupt"
        assert proc.returncode in (130, 143), proc.returncode
    # whatever is left is hidden and marked partial: a folder read skips it
    from unionnlp.io.readers import list_inputs

    assert not [p for p in list_inputs([out.parent]) if p.name.endswith(".part")]


@pytest.mark.timeout(120)
def test_interrupted_rerun_keeps_previous_complete_output(tmp_path):
    inp = _inputs(tmp_path / "in", 5)
    out = tmp_path / "records.jsonl"
    done = _cli("extract", str(inp), "-o", str(out))
    assert done.wait(timeout=90) == 0, done.stderr.read()
    done.stderr.close()
    before = out.read_bytes()
    assert len(before.splitlines()) == 5
    _inputs(inp, 400)
    proc = _cli("extract", str(inp), "-o", str(out))
    _wait_for_part(out, proc)
    proc.kill()
    proc.wait(timeout=60)
    proc.stderr.close()
    assert out.read_bytes() == before, "the previous complete output was damaged"
    for line in out.read_text(encoding="utf-8").splitlines():
        json.loads(line)


def _batch():
    from unionnlp import batch

    return batch


@pytest.mark.timeout(180)
def test_two_batch_runs_into_one_folder_are_refused(tmp_path):
    batch = _batch()
    inp = _inputs(tmp_path / "in", 300)
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = ("import sys, unionnlp.batch as b; "
            "b.run([sys.argv[1]], sys.argv[2], workers=1, progress=False)")
    first = subprocess.Popen([sys.executable, "-c", code, str(inp), str(out)], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        t0 = time.monotonic()
        while not (out / ".lock").exists():
            assert first.poll() is None, first.stderr.read()
            assert time.monotonic() - t0 < 60, "the first run never took its lock"
            time.sleep(0.05)
        with pytest.raises(Exception) as info:
            batch.run([inp], out, workers=1, progress=False)
        msg = str(info.value)
        assert "lock" in msg.lower() or "already" in msg.lower() or "another" in msg.lower(), msg
        assert str(out) in msg or ".lock" in msg, f"the message does not name the folder: {msg}"
    finally:
        first.kill()
        first.wait(timeout=30)
        first.stderr.close()


def test_batch_lock_error_is_a_documented_error(tmp_path):
    batch = _batch()
    from unionnlp.errors import UnionNLPError

    from unionnlp.errors import OutputLocked

    inp = _inputs(tmp_path / "in", 1)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".lock").write_text(json.dumps({"pid": os.getpid(), "host": __import__("socket").gethostname()}))
    with pytest.raises(UnionNLPError) as info:  # the one documented lock error, no batch-local twin
        batch.run([inp], out, workers=1, progress=False)
    assert type(info.value) is OutputLocked
    assert not hasattr(batch, "OutputLockedError")


@pytest.mark.timeout(120)
def test_cli_batch_refuses_locked_folder_with_clear_message(tmp_path):
    _batch()
    inp = _inputs(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    # a lock held by a live process (this one)
    (out / ".lock").write_text(json.dumps({"pid": os.getpid(), "host": os.uname().nodename}))
    proc = _cli("extract", str(inp), "-o", str(out) + os.sep, "--workers", "1")
    rc = proc.wait(timeout=90)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    assert rc != 0 and "Traceback" not in err, err
    assert "lock" in err.lower() or "another" in err.lower(), err
