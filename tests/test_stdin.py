"""Standard input: a JSONL stream is many documents, read line by line as they arrive; other
input is one document (text or HTML). Real pipes into real child processes."""
from __future__ import annotations

import io
import json
import select
import subprocess
import sys
import textwrap

import pytest

from unionnlp.scrape import child_env

ENV = child_env()  # this package importable first in the child processes

DOCS = [
    {"text": "扬州市总工会召开推进会，全市职工入会率达到百分之九十九。", "url": "http://a.test/1"},
    {"html": "<html><body><h1>慰问一线职工</h1><p>市总工会走访慰问了坚守岗位的环卫工人和快递小哥。</p>"
             "</body></html>", "url": "http://a.test/2"},
    {"text": "县总工会举办职工技能大赛，三百余名职工参赛。", "title": "技能大赛"},
]

PRINT_PAGES = textwrap.dedent("""
    import json, sys
    from unionnlp.io.readers import iter_pages
    cap = int(sys.argv[1])
    for page in iter_pages(["-"], max_page_bytes=cap, stdin_format=sys.argv[2]):
        print(json.dumps({"source": page.source, "html": page.is_html, "bytes": len(page.content),
                          "errors": [e.kind for e in page.errors]}), flush=True)
""")


def jsonl(docs) -> bytes:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode("utf-8")


def test_jsonl_on_stdin_is_one_record_per_line():
    r = subprocess.run([sys.executable, "-m", "unionnlp", "extract"], input=b"\n" + jsonl(DOCS),
                       capture_output=True, timeout=120, env=ENV)
    assert r.returncode == 0, r.stderr.decode()
    recs = [json.loads(l) for l in r.stdout.decode("utf-8").splitlines()]
    assert [x["source"] for x in recs] == ["<stdin>:2", "<stdin>:3", "<stdin>:4"]
    assert [x["url"] for x in recs] == ["http://a.test/1", "http://a.test/2", None]
    assert recs[0]["text"] == DOCS[0]["text"]  # the document's text, not the raw JSON line
    assert "环卫工人" in recs[1]["text"] and "<p>" not in recs[1]["text"]
    assert recs[2]["title"] == "技能大赛"
    assert all(not x["errors"] for x in recs)


def test_plain_text_on_stdin_is_one_document():
    text = "扬州市总工会召开推进会。\n全市职工入会率达到百分之九十九。\n"
    r = subprocess.run([sys.executable, "-m", "unionnlp", "extract", "-"], input=text.encode("utf-8"),
                       capture_output=True, timeout=120, env=ENV)
    recs = [json.loads(l) for l in r.stdout.decode("utf-8").splitlines()]
    assert len(recs) == 1 and recs[0]["source"] == "<stdin>" and "入会率" in recs[0]["text"]


def _pages_in_child(data: bytes, cap: int, fmt: str = "auto") -> list:
    r = subprocess.run([sys.executable, "-c", PRINT_PAGES, str(cap), fmt], input=data,
                       capture_output=True, timeout=60, env=ENV)
    assert r.returncode == 0, r.stderr.decode()
    return [json.loads(l) for l in r.stdout.decode().splitlines()]


def test_jsonl_stream_larger_than_the_page_cap_is_not_capped_as_a_whole():
    docs = [{"text": f"第{i}篇：" + "工会" * 40} for i in range(200)]
    data = jsonl(docs)
    cap = 1000
    assert len(data) > 20 * cap
    pages = _pages_in_child(data, cap)
    assert len(pages) == 200 and not any(p["errors"] for p in pages)
    # a line over the cap is one error row; the lines after it are still read
    docs[5] = {"text": "长" * 2000}
    pages = _pages_in_child(jsonl(docs), cap)
    assert len(pages) == 200
    assert pages[5]["errors"] == ["too-large"] and not pages[6]["errors"]


def test_jsonl_is_read_as_it_arrives():
    """The first document comes out before the stream ends (a live feed, a slow producer)."""
    proc = subprocess.Popen([sys.executable, "-c", PRINT_PAGES, "100000", "auto"], env=ENV,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        proc.stdin.write(jsonl(DOCS[:1]))
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "no page before the end of the stream"
        first = json.loads(proc.stdout.readline())
        assert first["source"] == "<stdin>:1" and not first["errors"]
        proc.stdin.write(jsonl(DOCS[1:]))
        proc.stdin.close()
        rest = [json.loads(l) for l in proc.stdout.read().decode().splitlines()]
        assert [p["source"] for p in rest] == ["<stdin>:2", "<stdin>:3"]
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize("fmt,n,html", [("text", 1, False), ("html", 1, True), ("jsonl", 3, None)])
def test_explicit_stdin_format(fmt, n, html):
    from unionnlp.io.readers import read_stdin

    pages = list(read_stdin(stdin_format=fmt, stream=io.BytesIO(jsonl(DOCS))))
    assert len(pages) == n
    if html is not None:
        assert pages[0].is_html is html and pages[0].content == jsonl(DOCS)


def test_auto_takes_html_and_json_that_is_not_a_document_as_one_document():
    from unionnlp.io.readers import read_stdin

    html = "<html><body><p>工会</p></body></html>\n".encode()
    [page] = read_stdin(stream=io.BytesIO(html))
    assert page.is_html and page.content == html
    other = b'{"name": "not a document"}\n{"name": "x"}\n'
    [page] = read_stdin(stream=io.BytesIO(other))
    assert not page.is_html and page.content == other
    assert list(read_stdin(stream=io.BytesIO(b""))) and list(read_stdin(stream=io.BytesIO(b"\n\n")))


def test_whole_document_on_stdin_is_still_capped():
    pages = _pages_in_child(("工会" * 1000).encode(), 1000, "text")
    assert [p["errors"] for p in pages] == [["too-large"]]
    # endless blank lines are not buffered without limit while looking for a first line
    pages = _pages_in_child(b"\n" * 5000, 1000)
    assert [p["errors"] for p in pages] == [["too-large"]]


def test_bad_stdin_format_is_refused():
    from unionnlp.io.readers import read_stdin

    with pytest.raises(ValueError):
        list(read_stdin(stdin_format="xml", stream=io.BytesIO(b"x")))


def test_cli_stdin_format_overrides_detection():
    """--stdin-format text keeps a JSON-looking stream as one text document."""
    r = subprocess.run([sys.executable, "-m", "unionnlp", "extract", "--stdin-format", "text"],
                       input=jsonl(DOCS), capture_output=True, env=ENV, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    recs = [json.loads(l) for l in r.stdout.decode().splitlines() if l.strip()]
    assert len(recs) == 1 and '"text"' in recs[0]["text"]
    auto = subprocess.run([sys.executable, "-m", "unionnlp", "extract"], input=jsonl(DOCS),
                          capture_output=True, env=ENV, timeout=300)
    assert len([l for l in auto.stdout.decode().splitlines() if l.strip()]) == len(DOCS)
