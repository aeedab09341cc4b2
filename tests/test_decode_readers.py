"""Decoding and readers: encodings, lying charsets, WARC/JSONL/gz, bad input as error pages."""
import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from unionnlp.io.decode import DecodeError, decode_bytes, normalise_label
from unionnlp.io.readers import iter_pages, iter_warc, list_inputs, warc_offsets

ARTICLE = "<html><head><meta charset='{cs}'><title>工会新闻</title></head><body><p>{body}</p></body></html>"
BODY = "某县总工会今年新建基层工会组织35家,职工入会率达到92%。"


def test_labels_widened():
    assert normalise_label("gb2312") == "gb18030"
    assert normalise_label("text/html; charset=GBK") == "gb18030"
    assert normalise_label("big5") == "big5hkscs"
    assert normalise_label("no-such") is None


def test_meta_gbk_decodes_as_gb18030():
    data = ARTICLE.format(cs="gb2312", body=BODY + "镕").encode("gb18030")
    d = decode_bytes(data)
    assert d.encoding == "gb18030" and d.source == "meta"
    assert BODY in d.text and "镕" in d.text


def test_header_beats_meta():
    data = ARTICLE.format(cs="utf-8", body=BODY).encode("gbk")
    d = decode_bytes(data, "text/html; charset=gbk")
    assert d.source == "header" and BODY in d.text


def test_lying_meta_detected():
    data = ARTICLE.format(cs="gb2312", body=BODY).encode("utf-8")
    # UTF-8 bytes usually fail as GB18030? not always: check we end with the right text
    d = decode_bytes(data)
    assert BODY in d.text
    data2 = ARTICLE.format(cs="utf-8", body=BODY).encode("gbk")
    d2 = decode_bytes(data2)
    assert BODY in d2.text and d2.encoding == "gb18030"
    assert "utf-8" in (d2.note or "")


def test_bom_and_binary():
    assert decode_bytes("\ufeff工会".encode("utf-8")).text == "工会"
    assert decode_bytes("工会".encode("utf-16")).text == "工会"
    with pytest.raises(DecodeError):
        decode_bytes(b"\x00\x01\x02\x89PNG\x00\x00" * 50)


def _warc(path, pages, gz=True):
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            w.write_record(rec)


def test_warc_reader_and_offsets(tmp_path):
    p = tmp_path / "a.warc.gz"
    _warc(p, [("http://x.test/1.html", ARTICLE.format(cs="utf-8", body=BODY).encode(), "text/html; charset=utf-8"),
              ("http://x.test/2.html", ARTICLE.format(cs="gbk", body=BODY).encode("gbk"), "text/html; charset=gbk")])
    pages = list(iter_pages([p]))
    assert [pg.source for pg in pages] == ["http://x.test/1.html", "http://x.test/2.html"]
    assert all(pg.is_html and not pg.errors for pg in pages)
    offs = warc_offsets(p)
    assert len(offs) == 2
    second = list(iter_warc(p, start_offset=offs[1]))
    assert [pg.url for pg in second] == ["http://x.test/2.html"]
    first = list(iter_warc(p, start_offset=0, end_offset=offs[1]))
    assert [pg.url for pg in first] == ["http://x.test/1.html"]


def test_warc_offset_ranges_cover_every_record_once(tmp_path):
    p = tmp_path / "many.warc.gz"
    _warc(p, [(f"http://x.test/{i}.html", f"<p>{BODY}{i}</p>".encode(), "text/html") for i in range(7)])
    offs = warc_offsets(p)
    ranges = [(offs[0], offs[3]), (offs[3], offs[6]), (offs[6], None)]
    urls = [pg.url for a, b in ranges for pg in iter_warc(p, start_offset=a, end_offset=b)]
    assert urls == [f"http://x.test/{i}.html" for i in range(7)]


def test_truncated_warc_gives_error_page(tmp_path):
    p = tmp_path / "t.warc.gz"
    _warc(p, [(f"http://x.test/{i}.html", (BODY * 200).encode() + bytes(range(256)) * 8, "text/html") for i in range(3)])
    data = p.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 300])
    pages = list(iter_pages([cut]))
    assert len(pages) >= 3
    assert not pages[0].errors
    assert pages[-1].errors and pages[-1].errors[0].kind == "corrupt"


def test_jsonl_reader(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join([json.dumps({"text": BODY, "url": "http://a.test/1"}, ensure_ascii=False),
                            "{not json",
                            json.dumps({"html": ARTICLE.format(cs="utf-8", body=BODY)}, ensure_ascii=False),
                            json.dumps({"other": 1})]), encoding="utf-8")
    pages = list(iter_pages([p]))
    assert len(pages) == 4
    assert pages[0].url == "http://a.test/1" and not pages[0].is_html
    assert pages[1].errors and pages[3].errors
    assert pages[2].is_html


def test_folder_recursive_skips_logs_and_hidden(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".state").mkdir()
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(ARTICLE.format(cs="utf-8", body=BODY), encoding="utf-8")
    (tmp_path / "crawl-log.jsonl").write_text('{"url": "x"}\n')
    (tmp_path / ".state" / "c.txt").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    names = [p.name for p in list_inputs([tmp_path])]
    assert names == ["a.txt", "b.html"]


def test_missing_gz_and_too_large(tmp_path):
    pages = list(iter_pages([tmp_path / "missing.txt"]))
    assert pages[0].errors[0].kind == "missing"
    gz = tmp_path / "a.html.gz"
    gz.write_bytes(gzip.compress(ARTICLE.format(cs="utf-8", body=BODY).encode()))
    pg = list(iter_pages([gz]))[0]
    assert pg.is_html and not pg.errors
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    pg = list(iter_pages([big], max_page_bytes=1000))[0]
    assert pg.errors[0].kind == "too-large"
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"0" * 5_000_000))
    pg = list(iter_pages([bomb], max_page_bytes=1_000_000))[0]
    assert pg.errors and pg.errors[0].kind == "too-large"


# -- NUL bytes and UTF-16 without a byte-order mark ------------------------------------------

NEWS = ("扬州市总工会召开全市工会工作推进会。\n会议指出，2019年全市职工入会率达到99%，"
        "新建基层工会组织35家，会员42万余人。\n")


@pytest.mark.parametrize("enc", ["utf-8", "gb18030"])
def test_nul_bytes_in_good_text_are_stripped_and_counted(enc):
    data = NEWS.encode(enc)
    dirty = data[:9] + b"\x00" + data[9:30] + b"\x00\x00" + data[30:] + b"\x00" * 4096  # NUL padding
    d = decode_bytes(dirty)
    assert d.text == NEWS and d.nul_stripped == 4099
    assert "4099 NUL" in d.note


def test_nul_bytes_in_html_with_a_declared_charset():
    page = ARTICLE.format(cs="gbk", body=BODY).encode("gbk")
    d = decode_bytes(page.replace("。".encode("gbk"), "。".encode("gbk") + b"\x00"))
    assert BODY in d.text and d.encoding == "gb18030" and d.source == "meta" and d.nul_stripped == 1


def test_binary_with_nul_bytes_is_still_binary():
    import random

    rng = random.Random(16)
    noise = bytes(rng.randrange(256) for _ in range(20000))
    for data in (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise, noise, b"\x00" * 5000,
                 b"\x00\x01\x02\x89PNG\x00\x00" * 50):
        with pytest.raises(DecodeError):
            decode_bytes(data)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [
    NEWS,  # Chinese text with ASCII digits and newlines: NUL at every other byte of those
    ARTICLE.format(cs="utf-16", body=BODY),  # markup: mostly ASCII code units
    "工会职工入会率达到百分之九十九，新建基层工会组织三十五家。" * 20,  # no ASCII at all: no NUL
    "工会职工入会率达到百分之九十九，新建基层工会组织三十五家。" * 20 + "\n" + "会员四十二万余人。" * 9,  # one NUL
])
def test_utf16_without_bom_is_text(codec, text):
    d = decode_bytes(text.encode(codec), is_html=text.startswith("<"))
    assert d.text == text and d.encoding == codec and not d.nul_stripped


def test_ascii_text_with_a_stray_nul_is_not_taken_for_utf16():
    text = "Trade union news digest, issue 12: membership rose by 4 percent in 2019.\n" * 5
    d = decode_bytes(text.encode()[:40] + b"\x00" + text.encode()[40:])
    assert d.text == text and d.nul_stripped == 1 and d.encoding == "utf-8"


def test_reader_and_parser_keep_a_utf16_file_and_flag_stripped_nuls(tmp_path):
    from unionnlp.parse import parse_page
    from unionnlp.pipeline import process_page

    (tmp_path / "a.txt").write_bytes(NEWS.encode("utf-16-le"))
    (tmp_path / "b.txt").write_bytes(NEWS.encode("utf-8") + b"\x00" * 512)
    a, b = list(iter_pages([tmp_path]))
    art_a, art_b = parse_page(a), parse_page(b)
    assert "入会率" in art_a.text and not art_a.errors and art_a.encoding == "utf-16-le"
    assert "入会率" in art_b.text
    [flag] = art_b.errors
    assert (flag.stage, flag.kind) == ("decode:repair", "nul-stripped") and "512" in flag.message
    rec = process_page(b)
    assert rec.ok and [e.kind for e in rec.errors] == ["nul-stripped"] and not rec.errors[0].fatal


def test_page_limit_raises_the_documented_error(tmp_path):
    """``errors.InputTooLarge`` is what a capped read raises; readers catch it by type."""
    from unionnlp.errors import InputTooLarge
    from unionnlp.io.files import read_capped

    with pytest.raises(InputTooLarge, match="10-byte page limit"):
        read_capped(io.BytesIO(b"x" * 11), 10)
    assert read_capped(io.BytesIO(b"x" * 10), 10) == b"x" * 10
    gz = tmp_path / "a.txt.gz"
    gz.write_bytes(gzip.compress(b"x" * 100))
    [page] = iter_pages([gz], max_page_bytes=50)
    assert [(e.kind, e.message.endswith("larger than the 50-byte page limit")) for e in page.errors] == [
        ("too-large", True)]
