"""The lock of an output folder: one batch run writes into it at a time."""
from __future__ import annotations

import errno
import fcntl
import json
import os
import socket
import time
from pathlib import Path
from typing import Optional

from ..errors import OutputLocked
from .layout import LOCK

__all__ = ["Lock"]


def _pid_alive(pid: int, create_time: Optional[float]) -> bool:
    import psutil

    try:
        if not psutil.pid_exists(pid):
            return False
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        if create_time is not None:
            return abs(proc.create_time() - create_time) < 1.0
        return True
    except psutil.Error:
        return False


def _create_time() -> Optional[float]:
    import psutil

    try:
        return psutil.Process(os.getpid()).create_time()
    except psutil.Error:  # pragma: no cover
        return None


class Lock:
    """An exclusive lock on the output folder, held for the whole run.

    The lock is ``fcntl.flock`` on ``OUT/.lock``, kept open while the run writes: the kernel
    lets one open file hold it and drops it when its process dies, so two runs racing for a
    lock left by a dead run cannot both win. The file also names its owner (pid, host, start):
    a file naming a live process elsewhere (a run on another host, or one that holds no flock)
    counts as held too, and the message names the folder and that owner. A new lock file is
    created under a private name, locked and then linked into place, so ``.lock`` never exists
    without its owner's words. Leaving, a run removes the lock file only while it is still its
    own (same file, still locked by it).
    """

    def __init__(self, out: Path):
        self.path = out / LOCK
        self._fd: Optional[int] = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> "Lock":
        info = {"pid": os.getpid(), "host": socket.gethostname(), "create_time": _create_time(),
                "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        for _ in range(_LOCK_ATTEMPTS):  # each retry follows a lock file replaced meanwhile
            fd = self._create(info)
            if fd is None:
                fd = self._take_existing(info)
            if fd is not None:
                self._fd = fd
                return self
        raise OutputLocked(f"could not take the lock {self.path}: it keeps changing")

    def _create(self, info: dict) -> Optional[int]:
        """A new lock file, locked by us; None when one exists already."""
        tmp = self.path.with_name(f"{LOCK}.{os.getpid()}.{os.urandom(4).hex()}")
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            _write_owner(fd, info)
            os.link(tmp, self.path)
        except FileExistsError:
            os.close(fd)
            return None
        except OSError as exc:
            os.close(fd)
            if exc.errno not in _NO_HARD_LINKS:
                raise
            return self._create_in_place(info)
        except BaseException:
            os.close(fd)
            raise
        finally:
            os.unlink(tmp)
        return fd

    def _create_in_place(self, info: dict) -> Optional[int]:
        """:meth:`_create` on a filesystem without hard links: create, then lock and write."""
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
        except FileExistsError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another run took the new empty file first: it is theirs
            os.close(fd)
            return None
        _write_owner(fd, info)
        return fd

    def _take_existing(self, info: dict) -> Optional[int]:
        """Lock the existing file when its owner is gone; None when it vanished meanwhile."""
        try:
            fd = os.open(self.path, os.O_RDWR)
        except FileNotFoundError:
            return None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise self._locked(_read_owner(fd)) from None
            if not _same_file(fd, self.path):  # removed or replaced before we locked it
                os.close(fd)
                return None
            owner = _read_owner(fd)
            if _owner_alive(owner, info["host"]):
                raise self._locked(owner)
            _write_owner(fd, info)  # its run is gone: the lock is ours now
            return fd
        except BaseException:
            os.close(fd)
            raise

    def _locked(self, owner: dict) -> OutputLocked:
        return OutputLocked(
            f"{self.path.parent} is being written by another unionnlp run "
            f"(pid {owner.get('pid', '?')} on {owner.get('host', '?')}, started "
            f"{owner.get('started', '?')}). Wait for it to finish, or delete "
            f"{self.path} if that run is no longer alive."
        )

    def __exit__(self, *exc) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if _same_file(fd, self.path):  # still our file: removed while we hold the flock
                self.path.unlink()
        finally:
            os.close(fd)


#: attempts at taking the lock while other runs replace the lock file under our feet
_LOCK_ATTEMPTS = 20
#: what os.link raises on filesystems without hard links (some network and FUSE mounts)
_NO_HARD_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS)


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    own = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)


def _write_owner(fd: int, info: dict) -> None:
    data = json.dumps(info).encode("utf-8")
    os.ftruncate(fd, 0)
    os.pwrite(fd, data, 0)
    os.fsync(fd)


def _read_owner(fd: int) -> dict:
    try:
        owner = json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return owner if isinstance(owner, dict) else {}


def _owner_alive(owner: dict, host: str) -> bool:
    """Whether the run a lock file names may still be writing (its file holds no flock)."""
    if not owner:
        return False  # an empty or damaged lock file: whoever wrote it holds no lock
    if owner.get("host") != host or not isinstance(owner.get("pid"), int):
        return True  # another host (or an unreadable owner): cannot tell, so it may be alive
    return _pid_alive(owner["pid"], owner.get("create_time"))
