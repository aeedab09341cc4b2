"""Archives: bombs, truncation, corruption, lying lengths, non-HTTP and duplicate records.

Whatever the archive holds, reading and processing it finishes, memory stays bounded by
``max_page_bytes``, and every input document is accounted for: one record or one error row per
document (records + error rows = inputs).
"""
from __future__ import annotations

import gzip
import io
import json
import tracemalloc
import zlib

import pytest

from unionnlp.io.readers import iter_pages
from unionnlp.pipeline import process_page

CAP = 1 * 1024 * 1024  # max_page_bytes in these tests
ARTICLE = ("<html><body><p>扬州市总工会开展“送温暖”活动，2019年全市职工入会率达99%，"
           "会员42万余人。</p></body></html>").encode("utf-8")


def _bomb(n: int) -> bytes:
    """gzip of n bytes of HTML-ish filler (compresses ~1000:1)."""
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"<p>" + b"a" * (1024 * 1024 - 3)
    parts = [co.compress(chunk) for _ in range(n // len(chunk))]
    parts.append(co.flush())
    return b"".join(parts)


def _warc(records, gz=True) -> bytes:
    """A WARC built with warcio: records are (type, uri, payload, extra http headers | None,
    warc headers dict)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for rtype, uri, payload, http, warc_headers in records:
        hh = None
        if rtype == "response":
            hdrs = [("Content-Type", "text/html; charset=utf-8")] + list(http or [])
            hh = StatusAndHeaders("200 OK", hdrs, protocol="HTTP/1.1")
        elif rtype == "request":
            hh = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        rec = w.create_warc_record(uri, rtype, payload=io.BytesIO(payload), http_headers=hh,
                                   warc_headers_dict=warc_headers or {},
                                   warc_content_type="text/html" if rtype == "resource" else None)
        w.write_record(rec)
    return buf.getvalue()


def _resp(i: int, payload: bytes = ARTICLE, **kw):
    return ("response", f"http://example.org/{i}.html", payload, kw.get("http"), kw.get("warc"))


def _process_all(paths, cap=CAP):
    pages = list(iter_pages(paths, max_page_bytes=cap))
    recs = [process_page(p) for p in pages]
    return pages, recs


def _read_traced(paths, cap=CAP):
    """Pages and the peak memory (bytes) Python allocated while reading them."""
    tracemalloc.start()
    try:
        pages = list(iter_pages(paths, max_page_bytes=cap))
        return pages, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# -- bombs ---------------------------------------------------------------------------------------
def test_html_gz_bomb_is_capped(tmp_path):
    (tmp_path / "bomb.html.gz").write_bytes(_bomb(24 * 1024 * 1024))
    pages, peak = _read_traced([tmp_path / "bomb.html.gz"])
    assert len(pages) == 1 and pages[0].errors and pages[0].errors[0].kind == "too-large"
    assert peak < 8 * CAP, f"peak {peak / 1e6:.1f} MB for a {CAP / 1e6:.0f} MB cap"
    rec = process_page(pages[0])
    assert rec.errors and not rec.ok


def test_warc_gz_bomb_record_is_capped_and_next_record_still_read(tmp_path):
    big = b"<p>" + b"a" * (24 * 1024 * 1024)
    data = _warc([_resp(1), _resp(2, big), _resp(3)])
    assert len(data) < 200_000  # the bomb: 24 MB in a few KB
    (tmp_path / "bomb.warc.gz").write_bytes(data)
    pages, peak = _read_traced([tmp_path / "bomb.warc.gz"])
    recs = [process_page(p) for p in pages]
    assert len(pages) == 3
    assert [bool(p.errors) for p in pages] == [False, True, False]
    assert pages[1].errors[0].kind == "too-large"
    assert peak < 24 * CAP, f"peak {peak / 1e6:.1f} MB (bounded by the decompression block, not the bomb)"
    assert [r.ok for r in recs] == [True, False, True]


def test_http_content_encoding_bomb_is_capped(tmp_path):
    """A response whose HTTP body is itself gzip (Content-Encoding) inflating past the cap."""
    payload = _bomb(24 * 1024 * 1024)
    data = _warc([_resp(1, payload, http=[("Content-Encoding", "gzip")]), _resp(2)])
    (tmp_path / "ce.warc.gz").write_bytes(data)
    pages, peak = _read_traced([tmp_path / "ce.warc.gz"])
    recs = [process_page(p) for p in pages]
    assert len(pages) == 2
    assert pages[0].errors and pages[0].errors[0].kind == "too-large"
    assert peak < 24 * CAP, f"peak {peak / 1e6:.1f} MB (bounded by the decompression block, not the bomb)"
    assert recs[1].ok


def test_jsonl_gz_bomb_line_is_capped(tmp_path):
    line = json.dumps({"text": "工" * (3 * CAP)}, ensure_ascii=False).encode() + b"\n"
    good = json.dumps({"text": "市总工会开展“送温暖”活动。"}, ensure_ascii=False).encode() + b"\n"
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(good + line + good))
    pages, recs = _process_all([tmp_path / "b.jsonl.gz"])
    assert len(pages) == 3
    assert [bool(p.errors) for p in pages] == [False, True, False]


# -- truncation and corruption ------------------------------------------------------------------
def _record_starts(data: bytes, gz: bool) -> list:
    import re

    magic = b"\x1f\x8b\x08" if gz else b"WARC/1.0\r\n"
    return [m.start() for m in re.finditer(re.escape(magic), data)]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("record,into", [(0, 10), (0, 200), (1, 40), (2, 300), (3, 12), (3, -30)])
def test_truncated_warc_ends_with_an_error_row(tmp_path, gz, record, into):
    data = _warc([_resp(i) for i in range(4)], gz=gz)
    starts = _record_starts(data, gz) + [len(data)]
    assert len(starts) == 5
    cut = starts[record] + into if into > 0 else starts[record + 1] + into
    name = "t.warc.gz" if gz else "t.warc"
    (tmp_path / name).write_bytes(data[:cut])
    pages, recs = _process_all([tmp_path / name])
    # the records before the cut are read; the cut one is an error row, never silently lost
    assert len(pages) == record + 1, [(p.source, p.errors) for p in pages]
    assert pages[-1].errors and pages[-1].errors[0].kind == "corrupt", [p.errors for p in pages]
    assert all(r.ok for r in recs[:-1]) and not recs[-1].ok


@pytest.mark.parametrize("seed", range(6))
def test_corrupted_warc_bytes_never_crash(tmp_path, seed):
    import random

    rnd = random.Random(seed)
    data = bytearray(_warc([_resp(i) for i in range(4)], gz=seed % 2 == 0))
    for _ in range(1 + seed):
        i = rnd.randrange(len(data))
        data[i] = rnd.randrange(256)
    name = "c.warc.gz" if seed % 2 == 0 else "c.warc"
    (tmp_path / name).write_bytes(bytes(data))
    pages, recs = _process_all([tmp_path / name])
    assert len(recs) == len(pages) >= 1
    for r in recs:
        json.loads(r.to_json())


def _raw_warc_record(content: bytes, declared_len: int, rtype=b"response") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + content
    head = (b"WARC/1.0\r\nWARC-Type: " + rtype + b"\r\nWARC-Target-URI: http://example.org/x\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            b"WARC-Date: 2020-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(declared_len).encode() + b"\r\n\r\n")
    return head + http + b"\r\n\r\n"


@pytest.mark.parametrize("delta", [+5000, +10, -10, -100, 10**12])
def test_lying_content_length(tmp_path, delta):
    body_len = len(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n") + len(ARTICLE)
    data = _raw_warc_record(ARTICLE, body_len + delta) + _warc([_resp(2)], gz=False)
    (tmp_path / "lie.warc").write_bytes(data)
    pages, recs = _process_all([tmp_path / "lie.warc"])
    assert pages, "nothing read from an archive with a lying Content-Length"
    # the lying record is read or reported; never an exception, never an endless read
    assert all(isinstance(r.to_json(), str) for r in recs)
    if delta > 0:
        assert any(p.errors for p in pages), "a record claiming more bytes than the file holds"


def test_non_http_records_are_skipped_documents_counted(tmp_path):
    data = _warc([
        ("warcinfo", None, b"software: test\r\n", None, None),
        ("request", "http://example.org/1.html", b"", None, None),
        _resp(1),
        ("metadata", "http://example.org/1.html", b"outlinks: none\r\n", None, None),
        ("resource", "http://example.org/2.html", ARTICLE, None, None),
        _resp(3),
    ])
    (tmp_path / "mixed.warc.gz").write_bytes(data)
    pages, recs = _process_all([tmp_path / "mixed.warc.gz"])
    # documents: the two responses and the resource
    assert len(pages) == 3, [p.source for p in pages]
    assert all(r.ok for r in recs)


def test_duplicate_record_ids_are_both_kept(tmp_path):
    rid = {"WARC-Record-ID": "<urn:uuid:11111111-1111-1111-1111-111111111111>"}
    data = _warc([_resp(1, warc=rid), _resp(1, warc=rid), _resp(2, warc=rid)])
    (tmp_path / "dup.warc.gz").write_bytes(data)
    pages, recs = _process_all([tmp_path / "dup.warc.gz"])
    assert len(recs) == 3 and all(r.ok for r in recs)


def test_http_error_status_is_an_error_entry(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    hh = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("http://example.org/404", "response",
                                        payload=io.BytesIO(b"<p>not here</p>"), http_headers=hh))
    (tmp_path / "404.warc.gz").write_bytes(buf.getvalue())
    pages, recs = _process_all([tmp_path / "404.warc.gz"])
    assert len(recs) == 1 and any(e.kind == "http-status" for e in recs[0].errors)


# -- accounting over a mixed folder --------------------------------------------------------------
def build_mixed_folder(d) -> int:
    """A folder of every kind of input, good and bad; returns the number of documents in it."""
    n = 0
    (d / "a.txt").write_text("市总工会开展“送温暖”活动，职工入会率达99%。", encoding="utf-8"); n += 1
    (d / "b.html").write_bytes(ARTICLE); n += 1
    (d / "empty.txt").write_bytes(b""); n += 1
    (d / "binary.html").write_bytes(bytes(range(256)) * 10); n += 1
    (d / "gbk.html").write_bytes("<p>市总工会开展“送温暖”活动。</p>".encode("gbk")); n += 1
    (d / "bomb.html.gz").write_bytes(_bomb(3 * CAP)); n += 1
    (d / "notgz.html.gz").write_bytes(b"not gzip at all"); n += 1
    (d / "deep.html").write_bytes(("<div>" * 3000 + "工会" + "</div>" * 3000).encode()); n += 1
    lines = [json.dumps({"text": "市总工会开展活动。"}, ensure_ascii=False), "{broken json",
             json.dumps([1, 2]), json.dumps({"html": "<p>工会</p>", "url": 5}), "",
             json.dumps({"neither": 1})]
    (d / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8"); n += 5
    (d / "w.warc.gz").write_bytes(_warc([_resp(i) for i in range(3)])); n += 3
    trunc = _warc([_resp(i) for i in range(3)])
    (d / "trunc.warc.gz").write_bytes(trunc[: int(len(trunc) * 0.8)]); n += 3  # 2 ok + 1 error row
    sub = d / "sub"
    sub.mkdir()
    (sub / "d.htm").write_bytes(ARTICLE); n += 1
    (d / ".hidden.txt").write_text("skipped", encoding="utf-8")
    return n


def test_every_document_accounted_for(tmp_path):
    n = build_mixed_folder(tmp_path)
    pages, recs = _process_all([tmp_path, tmp_path / "missing.txt"])
    n += 1  # the missing path is reported as one error row
    assert len(recs) == n, [r.source for r in recs]
    ok = sum(r.ok for r in recs)
    errors = sum(not r.ok for r in recs)
    assert ok + errors == n and ok >= 9 and errors >= 7
    for r in recs:
        if not r.ok:
            assert r.errors, f"{r.source}: failed without saying why"


def test_batch_run_accounts_for_every_document(tmp_path):
    from unionnlp import batch
    inp = tmp_path / "in"
    inp.mkdir()
    n = build_mixed_folder(inp)
    res = batch.run([inp], tmp_path / "out", workers=1, progress=False)
    assert res.documents == n, res.summary()
    assert res.records + res.errors == res.documents, res.summary()
    assert not res.failed_partitions, res.summary()


def test_batch_keeps_documents_with_duplicate_record_ids(tmp_path):
    """Same URL and WARC-Record-ID twice (a re-crawl appended to the same archive): both are
    documents; a store keyed on the record id must not silently merge them."""
    from unionnlp import batch
    inp = tmp_path / "in"
    inp.mkdir()
    rid = {"WARC-Record-ID": "<urn:uuid:11111111-1111-1111-1111-111111111111>"}
    (inp / "dup.warc.gz").write_bytes(_warc([_resp(1, warc=rid), _resp(1, warc=rid), _resp(2, warc=rid)]))
    res = batch.run([inp], tmp_path / "out", workers=1, progress=False)
    assert res.documents == 3 and res.records + res.errors == 3, res.summary()
    import pyarrow.parquet as pq

    arts = pq.read_table(tmp_path / "out" / "articles").num_rows
    assert arts == res.records, f"{res.records} records counted but {arts} article rows stored"
