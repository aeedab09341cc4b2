"""Worker processes end with their driver, however the driver ends.

A pool worker is a child of the fork server, not of the driver, and the fork server lives as
long as any worker does (each holds its "alive" pipe): when the driver is killed outright
(SIGKILL, the out-of-memory killer) the workers wait for work forever, and with them the fork
server and the resource tracker, several hundred MB. Neither the parent-death signal nor
``os.getppid()`` would notice, since the workers' parent, the fork server, is still alive.

So the driver opens a pipe and keeps its only writing end; each worker gets the reading end
and a thread that blocks on it. The kernel closes the writing end when the driver's process
ends, for any reason; the read returns and the worker exits at once. Temporary part files of
the partitions it was writing are removed by the next run (see ``manifest.remove_stale``).
"""
from __future__ import annotations

import os
import threading

__all__ = ["Lifeline", "watch"]

#: exit status of a worker that outlived its driver
EXIT_ORPHANED = 3


class Lifeline:
    """The driver's side: workers given :attr:`worker_end` live while this is open."""

    def __init__(self, ctx):
        self.worker_end, self._driver_end = ctx.Pipe(duplex=False)

    def close(self) -> None:
        self._driver_end.close()
        self.worker_end.close()

    def __enter__(self) -> "Lifeline":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def watch(worker_end) -> None:
    """In a worker: exit as soon as the driver holding the other end of the pipe is gone."""

    def wait() -> None:
        try:
            worker_end.recv_bytes()  # the driver never writes: this returns at its end
        except (EOFError, OSError):
            pass
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=wait, name="unionnlp-lifeline", daemon=True).start()
