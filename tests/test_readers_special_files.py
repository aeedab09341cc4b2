"""Inputs that are not regular files: a named pipe, a device, a socket, a file whose size the
file system does not know. The readers must neither hang nor eat memory on them: each becomes
one error row saying why, and the regular files beside them are read as usual.

Every read runs in a child process under a memory limit (``RLIMIT_AS``) and a timeout, so a
reader that trusts ``stat().st_size`` fails here instead of freezing or swapping the machine.
"""
from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")

#: address space of the child: the interpreter and the readers take ~0.3 GB; /dev/zero read
#: to the end would take far more
MEMORY_LIMIT = 1024 * 1024 * 1024
#: seconds before a hanging read counts as a failure
TIMEOUT = 30

ARTICLE = "<html><body><p>扬州市总工会召开推进会，全市职工入会率达到百分之九十九。</p></body></html>"

READ = textwrap.dedent("""
    import json, sys
    from unionnlp.io.readers import iter_pages
    cap = int(sys.argv[2]) if len(sys.argv) > 2 else None
    kw = {"max_page_bytes": cap} if cap else {}
    for page in iter_pages([sys.argv[1]], **kw):
        print(json.dumps({"source": page.source, "bytes": len(page.content),
                          "errors": [[e.kind, e.message] for e in page.errors]},
                         ensure_ascii=False))
""")


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def read_in_child(path, cap=None, env=None) -> dict:
    """``{source name: (bytes, [(error kind, message)])}`` as the readers see ``path``."""
    args = [sys.executable, "-c", READ, str(path)] + ([str(cap)] if cap else [])
    r = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT,
                       preexec_fn=_limit_memory, env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    out = {}
    for line in r.stdout.splitlines():
        d = json.loads(line)
        out[os.path.basename(d["source"])] = (d["bytes"], [tuple(e) for e in d["errors"]])
    return out


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "inputs"
    d.mkdir()
    (d / "good.html").write_text(ARTICLE, encoding="utf-8")
    os.symlink(d / "good.html", d / "link.html")  # a symlink to a regular file is read
    os.mkfifo(d / "pipe.txt")  # nobody ever writes to it
    os.symlink("/dev/zero", d / "zero.html")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(d / "sock.txt"))
    yield d
    sock.close()


def test_fifo_device_and_socket_in_a_folder_are_error_rows(folder):
    got = read_in_child(folder)
    assert set(got) == {"good.html", "link.html", "pipe.txt", "zero.html", "sock.txt"}
    size = len(ARTICLE.encode("utf-8"))
    assert got["good.html"] == (size, []) and got["link.html"] == (size, [])
    for name, what in (("pipe.txt", "named pipe"), ("zero.html", "character device"),
                       ("sock.txt", "socket")):
        n, errors = got[name]
        assert n == 0 and len(errors) == 1, (name, errors)
        kind, message = errors[0]
        assert kind == "not-a-file" and what in message and "regular file" in message


def test_fifo_and_device_named_directly(folder):
    for name in ("pipe.txt", "zero.html"):
        got = read_in_child(folder / name)
        assert [e[0] for e in got[name][1]] == ["not-a-file"]


@pytest.mark.parametrize("name", ["fifo.jsonl", "fifo.warc.gz", "fifo.html.gz"])
def test_fifo_with_a_container_suffix(tmp_path, name):
    os.mkfifo(tmp_path / name)
    got = read_in_child(tmp_path / name)
    assert [e[0] for e in got[name][1]] == ["not-a-file"]


def test_warc_offsets_of_a_fifo_do_not_hang(tmp_path):
    """The batch planner asks for record offsets before reading: that must not block either."""
    os.mkfifo(tmp_path / "a.warc.gz")
    code = ("import sys; from unionnlp.io.readers import warc_offsets; "
            "print(warc_offsets(sys.argv[1]))")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.warc.gz")], capture_output=True,
                       text=True, timeout=TIMEOUT, preexec_fn=_limit_memory)
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stderr


@pytest.mark.skipif(not os.path.isfile("/proc/self/environ"), reason="needs /proc")
def test_size_cap_holds_while_reading_when_stat_says_zero(tmp_path):
    """/proc files are regular files whose size stat() reports as 0: the cap must be enforced
    on the bytes actually read, not on what stat() says."""
    os.symlink("/proc/self/environ", tmp_path / "environ.txt")
    env = dict(os.environ, UNIONNLP_TEST_FILLER="x" * 5000)
    got = read_in_child(tmp_path / "environ.txt", cap=4096, env=env)
    n, errors = got["environ.txt"]
    assert n == 0 and [e[0] for e in errors] == ["too-large"]
    got = read_in_child(tmp_path / "environ.txt", cap=1024 * 1024, env=env)
    n, errors = got["environ.txt"]
    assert n > 5000 and errors == []
