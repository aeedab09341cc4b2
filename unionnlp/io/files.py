"""Opening input files safely: regular files only, and a byte cap enforced while reading.

``stat().st_size`` is not evidence of how much a path will give: a named pipe (FIFO) reports 0
and blocks until someone writes to it, ``/dev/zero`` reports 0 and never ends, ``/proc`` files
report 0 and hold data. So the readers open only **regular files** (a symlink to one is fine),
without waiting on the open itself (``O_NONBLOCK``), check the type of what they opened
(``fstat`` on the descriptor, so nothing can be swapped in between), and count the bytes they
actually read against the cap.
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO, Union

from ..errors import InputTooLarge, UnionNLPError

__all__ = ["DEFAULT_MAX_PAGE_BYTES", "NotARegularFile", "open_regular", "read_capped",
           "describe_limit"]

#: pages larger than this (raw bytes, after decompression) become error rows
DEFAULT_MAX_PAGE_BYTES = 32 * 1024 * 1024

_MB = 1024 * 1024

#: what a path is when it is not a regular file, in the words of the error row
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a directory"))

#: open for reading without blocking on a FIFO and without making a terminal ours
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class NotARegularFile(UnionNLPError, OSError):
    """An input path that is a named pipe, device, socket … rather than a regular file; the
    readers turn it into an error row of kind ``not-a-file`` rather than raising it."""


def _what(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _refuse(path, mode: int) -> NotARegularFile:
    return NotARegularFile(f"{path} is {_what(mode)}, not a regular file: only regular files are "
                           f"read (pipe a stream to standard input with '-')")


def open_regular(path: Union[str, os.PathLike]) -> BinaryIO:
    """``path`` opened for binary reading when it is a regular file (after symlinks).

    Raises :class:`NotARegularFile` for anything else (the type is checked before opening, so a
    device is never opened, and again on the open descriptor), ``OSError`` when it cannot be
    opened.
    """
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise _refuse(path, st.st_mode)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _refuse(path, st.st_mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def describe_limit(cap: int) -> str:
    """``32 MB`` for whole megabytes, else the byte count."""
    return f"{cap // _MB} MB" if cap >= _MB and cap % _MB == 0 else f"{cap}-byte"


def read_capped(stream, cap: int) -> bytes:
    """At most ``cap`` bytes of ``stream``; raises :class:`InputTooLarge` when it holds more.

    The cap is counted on the bytes read, never taken from a size the file system reports.
    """
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputTooLarge(f"larger than the {describe_limit(cap)} page limit")
    return data

