"""A batch driver killed outright (SIGKILL, the OOM killer) leaves no process of its run behind:
not its workers, not the fork server, not the resource tracker."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from test_batch import make_inputs

ROOT = Path(__file__).resolve().parent.parent
#: seconds the run's other processes get to notice that their driver is gone
GRACE = 10.0


def _session(sid: int) -> list:
    """Live processes of the session ``sid`` (the driver's, kept by everything it started)."""
    found = []
    for proc in psutil.process_iter(["pid", "status", "cmdline"]):
        try:
            if (proc.pid != sid and os.getsid(proc.pid) == sid
                    and proc.info["status"] != psutil.STATUS_ZOMBIE):
                found.append((proc.pid, " ".join(proc.info["cmdline"] or [])[-80:]))
        except (OSError, psutil.Error):  # ended meanwhile
            pass
    return found


@pytest.mark.timeout(180)
def test_killing_the_driver_during_start_up_leaves_no_process_behind(tmp_path):
    inputs = make_inputs(tmp_path / "in", n_txt=12, n_html=0, n_warc=0)
    env = dict(os.environ, PYTHONPATH=str(ROOT), CI="true")
    driver = subprocess.Popen(
        [sys.executable, "-m", "unionnlp", "extract", str(inputs), "-o", str(tmp_path / "out") + os.sep,
         "--workers", "2", "--partition-size", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        # start-up: the resource tracker, the fork server and its first worker exist
        deadline = time.monotonic() + 120
        while len(_session(driver.pid)) < 3:
            assert driver.poll() is None, "the run ended before its workers started"
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.02)
        before = _session(driver.pid)
        driver.send_signal(signal.SIGKILL)
        driver.wait(timeout=30)
        deadline = time.monotonic() + GRACE
        while _session(driver.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = _session(driver.pid)
    finally:
        for pid, _ in _session(driver.pid):  # do not leave them to the rest of the suite
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    assert not left, f"{GRACE:.0f} s after the driver was killed these still run: {left} " \
                     f"(at the kill: {before})"
