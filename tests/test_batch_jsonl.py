"""A long JSONL file is cut into line ranges (byte offsets), as a WARC file is cut into record
ranges, so that several workers share it; every line still ends as exactly one row."""
from __future__ import annotations

import json
from pathlib import Path

from test_batch import article_html, article_text, assert_same_output, table_rows

from unionnlp import batch
from unionnlp.io.readers import read_path

N_LINES = 150


def write_feed(path: Path, n: int = N_LINES) -> Path:
    """A JSONL feed of union news with the oddities of real exports: blank lines, broken JSON,
    a line that is not an object, one without text, CRLF endings, no newline at the end."""
    lines = []
    for i in range(n):
        if i % 37 == 5:
            lines.append("")
        elif i % 41 == 7:
            lines.append('{"text": "没有结束的引号')
        elif i % 53 == 9:
            lines.append(json.dumps(["不是", "对象"], ensure_ascii=False))
        elif i % 59 == 11:
            lines.append(json.dumps({"url": f"http://feed.example.cn/{i}"}))
        elif i % 2:
            lines.append(json.dumps({"html": article_html(i), "url": f"http://feed.example.cn/{i}",
                                     "published": "2022-05-06"}, ensure_ascii=False))
        else:
            lines.append(json.dumps({"text": article_text(i), "title": f"第{i}条"}, ensure_ascii=False))
    body = "".join(line + ("\r\n" if k % 17 == 3 else "\n") for k, line in enumerate(lines))
    path.write_bytes(body.rstrip("\n").encode("utf-8"))  # the last line has no newline
    return path


def test_a_long_jsonl_file_is_planned_as_line_ranges(tmp_path):
    feed = write_feed(tmp_path / "feed.jsonl")
    parts, _ = batch.plan_partitions([feed], partition_size=60)
    assert len(parts) == 3, [p.describe() for p in parts]
    size = feed.stat().st_size
    assert parts[0].start == 0 and parts[-1].end is None
    assert [p.end for p in parts[:-1]] == [q.start for q in parts[1:]]  # ranges tile the file
    data = feed.read_bytes()
    assert all(data[p.start - 1:p.start] == b"\n" for p in parts[1:])  # cut at line starts
    assert all(p.start < size for p in parts)
    assert len({p.key for p in parts}) == 3


def test_line_ranges_read_exactly_what_the_reader_reads(tmp_path):
    """The pages of the ranges, in order, are the pages of the whole file (sources with line
    numbers, record ids, contents, urls, metadata and error messages alike)."""
    from unionnlp.batch.jsonl_ranges import iter_jsonl_range

    feed = write_feed(tmp_path / "feed.jsonl")
    whole = list(read_path(feed))
    for size in (1, 7, 64, N_LINES, 10 * N_LINES):
        parts, _ = batch.plan_partitions([feed], partition_size=size)
        pages = [pg for p in parts
                 for pg in iter_jsonl_range(p.paths[0], p.start, p.end, p.lines_before)]
        assert [_page(p) for p in pages] == [_page(p) for p in whole], size


def test_an_overlong_line_reads_as_the_reader_reads_it(tmp_path):
    from unionnlp.batch.jsonl_ranges import iter_jsonl_range

    feed = write_feed(tmp_path / "feed.jsonl", 20)
    lines = feed.read_bytes().split(b"\n")
    lines[12] = json.dumps({"text": "很长的一行。" * 400}, ensure_ascii=False).encode("utf-8")
    feed.write_bytes(b"\n".join(lines))
    cap = 4096
    whole = list(read_path(feed, max_page_bytes=cap))
    parts, _ = batch.plan_partitions([feed], partition_size=5)
    pages = [pg for p in parts for pg in iter_jsonl_range(p.paths[0], p.start, p.end,
                                                          p.lines_before, max_page_bytes=cap)]
    assert [_page(p) for p in pages] == [_page(p) for p in whole]
    assert any(e.kind == "too-large" for p in pages for e in p.errors)


def _page(p) -> tuple:
    return (p.source, p.record_id, p.url, p.content, p.is_html, p.encoding, dict(p.meta),
            [(e.stage, e.message, e.kind) for e in p.errors])


def test_two_workers_share_one_jsonl_file_and_the_rows_are_those_of_one_stream(tmp_path):
    (tmp_path / "in").mkdir()
    feed = write_feed(tmp_path / "in" / "feed.jsonl")
    split = batch.run([feed], tmp_path / "split", workers=2, partition_size=25, progress=False)
    whole = batch.run([feed], tmp_path / "whole", workers=1, partition_size=10 * N_LINES,
                      progress=False)
    assert split.partitions == 6 and whole.partitions == 1
    assert len({t["pid"] for t in split.timings}) == 2, "one worker did all the work"
    blank = sum(1 for line in feed.read_bytes().splitlines() if not line.strip())
    assert split.documents == whole.documents == N_LINES - blank
    assert split.documents == split.records + split.errors and split.ok
    assert_same_output(tmp_path / "split", tmp_path / "whole")
    assert table_rows(tmp_path / "split", "reprints") == table_rows(tmp_path / "whole", "reprints")
    # resume: nothing left to do, same counts
    again = batch.run([feed], tmp_path / "split", workers=2, partition_size=25, progress=False)
    assert again.skipped_partitions == 6 and again.processed_partitions == 0
    assert (again.documents, again.records, again.errors) == (split.documents, split.records, split.errors)
