"""The output lock of batch runs: one writer at a time, even when runs race for a stale lock."""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import socket
from pathlib import Path

import pytest

from unionnlp.batch.layout import LOCK
from unionnlp.batch.lock import Lock
from unionnlp.errors import OutputLocked

RACERS = 3
TRIALS = 40
#: a pid above the kernel's maximum (2**22): no process has it
DEAD_PID = 2 ** 22 + 12345


def _stale_lock(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / LOCK).write_text(json.dumps({"pid": DEAD_PID, "host": socket.gethostname(),
                                        "create_time": 1.0, "started": "2020-01-01T00:00:00Z"}))


def _racer(outs: list, barrier, conn) -> None:
    """Enter every folder's lock at the same moment as the other racers; report who held it."""
    outcomes = []
    for out in outs:
        lock = Lock(Path(out))
        barrier.wait(timeout=60)
        try:
            lock.__enter__()
            outcome = "held"
        except OutputLocked:
            outcome = "locked"
        except Exception as exc:  # anything else is a defect of the lock
            outcome = f"{type(exc).__name__}: {exc}"
        barrier.wait(timeout=60)  # every racer has tried while the winner still holds it
        if outcome == "held":
            lock.__exit__(None, None, None)
        outcomes.append(outcome)
    conn.send(outcomes)
    conn.close()


@pytest.mark.timeout(180)
def test_a_stale_lock_is_taken_over_by_exactly_one_of_several_racing_runs(tmp_path):
    outs = [tmp_path / f"out{t:02d}" for t in range(TRIALS)]
    for out in outs:
        _stale_lock(out)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(RACERS)
    pipes = [ctx.Pipe(duplex=False) for _ in range(RACERS)]
    procs = [ctx.Process(target=_racer, args=([str(o) for o in outs], barrier, w))
             for _, w in pipes]
    for p in procs:
        p.start()
    try:
        results = [r.recv() for r, _ in pipes]
    finally:
        for p in procs:
            p.join(timeout=60)
    trials = list(zip(*results))
    assert len(trials) == TRIALS
    bad = [(t, outcome) for t, outcome in enumerate(trials) if sorted(outcome) != ["held"] + ["locked"] * (RACERS - 1)]
    assert not bad, f"{len(bad)} of {TRIALS} trials did not end with exactly one holder: {bad[:5]}"
    # every winner released its lock on exit
    assert not [o for o in outs if (o / LOCK).exists()]


def test_a_run_removes_only_its_own_lock(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    first = Lock(out).__enter__()
    # the message says "delete the lock if that run is no longer alive": someone did, wrongly
    os.unlink(out / LOCK)
    second = Lock(out).__enter__()
    theirs = (out / LOCK).read_text()
    first.__exit__(None, None, None)
    assert (out / LOCK).exists() and (out / LOCK).read_text() == theirs, \
        "a run leaving removed the lock of the run now writing"
    with pytest.raises(OutputLocked, match=str(out)):
        Lock(out).__enter__()
    second.__exit__(None, None, None)
    assert not (out / LOCK).exists()


def _hold(out: str, ready, release) -> None:
    with Lock(Path(out)):
        ready.set()
        release.wait(timeout=60)


@pytest.mark.timeout(120)
def test_a_live_run_in_another_process_keeps_its_lock_whatever_the_file_says(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    ctx = mp.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(str(out), ready, release))
    holder.start()
    try:
        assert ready.wait(timeout=60)
        # the lock file's words are damaged; the holder is alive and still holds the lock
        (out / LOCK).write_text("")
        with pytest.raises(OutputLocked, match=str(out)):
            Lock(out).__enter__()
    finally:
        release.set()
        holder.join(timeout=60)
    assert holder.exitcode == 0
    assert not (out / LOCK).exists()
    with Lock(out):  # free again
        assert (out / LOCK).exists()


def test_without_hard_links_the_lock_is_created_in_place(tmp_path, monkeypatch):
    """Some network and FUSE mounts refuse hard links (EPERM); none is at hand here, so
    os.link refuses the way they do."""
    import errno

    def no_link(src, dst, **kw):
        raise PermissionError(errno.EPERM, "Operation not permitted", src)

    monkeypatch.setattr(os, "link", no_link)
    out = tmp_path / "out"
    out.mkdir()
    with Lock(out):
        owner = json.loads((out / LOCK).read_text())
        assert owner["pid"] == os.getpid()
        with pytest.raises(OutputLocked, match=str(out)):
            Lock(out).__enter__()
        assert [p.name for p in out.iterdir()] == [LOCK]
    assert not (out / LOCK).exists()
    _stale_lock(out)
    with Lock(out):
        assert json.loads((out / LOCK).read_text())["pid"] == os.getpid()
