"""The command line never substitutes silently: one exit-code rule (0 some documents, 1 none,
2 usage), outputs it cannot write refused, skipped inputs counted and named, no raw binary on
the terminal, --quiet and --verbose."""
import gzip
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from unionnlp.cli._common import printable

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "unionnlp", *map(str, args)], capture_output=True,
                          text=True, timeout=300, **kw)


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("临江市总工会召开全市工会工作会议，职工入会率达90%。", encoding="utf-8")
    (d / "report.pdf").write_bytes(b"%PDF-1.4 not read")
    (d / "scan.doc").write_bytes(b"\xd0\xcf\x11\xe0 not read")
    (d / "logo.bin").write_bytes(b"\x00\x01")
    return d


def test_an_output_it_cannot_write_is_a_usage_error(folder, tmp_path):
    r = _cli("extract", folder, "-o", tmp_path / "x.csv")
    assert r.returncode == 2 and "x.csv" in r.stderr and not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("out", ["m.jsonl", "m.parquet"])
def test_same_exit_code_for_jsonl_and_parquet_when_nothing_succeeds(tmp_path, out):
    r = _cli("extract", tmp_path / "nosuch.txt", "-o", tmp_path / out, "--workers", "1") if out.endswith(
        "parquet") else _cli("extract", tmp_path / "nosuch.txt", "-o", tmp_path / out)
    assert r.returncode == 1, r.stderr


def test_skipped_inputs_are_counted_by_type_and_named(folder, tmp_path):
    r = _cli("extract", folder, "-o", tmp_path / "o.jsonl")
    assert r.returncode == 0
    assert "3 files of types unionnlp does not read were skipped" in r.stderr
    assert "1 .pdf" in r.stderr and "1 .doc" in r.stderr and "1 .bin" in r.stderr
    v = _cli("extract", folder, "-o", tmp_path / "o2.jsonl", "--verbose")
    assert sum(line.startswith("unionnlp: skipped: ") for line in v.stderr.splitlines()) == 3
    b = _cli("extract", folder, "-o", tmp_path / "o.parquet", "--workers", "1", "--no-progress")
    assert b.returncode == 0 and "3 files of types" in b.stderr
    q = _cli("extract", folder, "-o", tmp_path / "o3.jsonl", "--quiet")
    assert q.returncode == 0 and q.stderr == ""


def test_a_corrupt_archive_never_prints_its_bytes(tmp_path):
    good = (ROOT / "corpora" / "sample" / "sample.warc.gz").read_bytes()
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(good[:4000] + gzip.compress(b"\x1b[31m\x00\x01garbage\xff\xfe" * 50))
    r = _cli("extract", bad, "-o", tmp_path / "b.jsonl")
    assert "corrupt" in r.stderr
    assert "\x1b" not in r.stderr and "\x00" not in r.stderr
    assert all(ch.isprintable() or ch == "\n" for ch in r.stderr)


def test_printable_escapes_control_characters():
    assert printable("a\x1b[31mb\x00c\nd") == "a\\x1b[31mb\\x00c d"
    assert len(printable("长" * 5000)) <= 600


def test_an_unreachable_host_is_a_failed_crawl(tmp_path):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    r = _cli("crawl", f"http://127.0.0.1:{port}/", "--out", tmp_path / "c", "--retries", "0",
             "--timeout", "2", env=dict(os.environ))
    assert r.returncode == 1, r.stderr
    assert "fetched 0" in r.stderr


def test_progress_bar_only_when_asked_off_a_terminal(folder, tmp_path):
    plain = _cli("extract", folder, "-o", tmp_path / "p.jsonl")
    assert "doc/s" not in plain.stderr and "it/s" not in plain.stderr
    bar = _cli("extract", folder, "-o", tmp_path / "q.jsonl", "--progress")
    assert "doc" in bar.stderr and ("doc/s" in bar.stderr or "s/doc" in bar.stderr)
