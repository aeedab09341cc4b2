"""Property-based tests: no input crashes a public entry point, offsets always hold.

Contract (``unionnlp/errors.py``): text functions never raise for a ``str``; document functions
turn failures into error entries; anything raised on purpose is a ``UnionNLPError``. Every item
returned has ``0 <= start < end <= len(text)`` and ``text[start:end]`` equal to its surface form.
Hypothesis settings come from the ``ci`` profile (``tests/fuzz/adversarial.py``).
"""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.adversarial import (GENRE, bytes_strategy, check_items, missing_extractors,
                                    text_entry_points, text_strategy)
from unionnlp.errors import UnionNLPError, is_documented
from unionnlp.io.decode import DecodedText, decode_bytes
from unionnlp.records import Page

EPS = text_entry_points()


# -- decoding ------------------------------------------------------------------------------------
@given(bytes_strategy(), st.sampled_from([None, "gbk", "utf-8", "text/html; charset=gb2312",
                                          "x-nonsense", "utf-16", "big5", ""]))
def test_decode_bytes_returns_text_or_documented_error(data, declared):
    try:
        out = decode_bytes(data, declared)
    except Exception as e:
        assert is_documented(e), f"{type(e).__name__}: {e}"
        return
    assert isinstance(out, DecodedText) and isinstance(out.text, str) and out.encoding


# -- cleaning and extractors ---------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(EPS))
@given(text=text_strategy())
def test_text_entry_point_never_raises(name, text):
    out = EPS[name](text)
    if name in ("clean", "clean_inline") or name in ("normalize_width", "normalize_whitespace",
                                                      "remove_control_chars", "strip_pinyin",
                                                      "to_simplified", "repair_docshare",
                                                      "join_page_markers", "join_wrapped_lines",
                                                      "remove_stray_page_digits",
                                                      "remove_cjk_spaces", "drop_boilerplate"):
        assert isinstance(out, str)
        return
    assert not check_items(name, text, out), check_items(name, text, out)


@pytest.mark.parametrize("name", sorted(n for n in EPS if n not in ("clean", "clean_inline")))
@given(text=text_strategy())
def test_extractor_offsets_on_clean_text(name, text):
    """Extractors are meant for clean text: the realistic input."""
    from unionnlp.preprocessing import clean

    text = clean(text)
    out = EPS[name](text)
    if isinstance(out, str):
        return
    assert not check_items(name, text, out)


def test_clean_output_is_a_fixed_point_of_control_removal():
    from unionnlp.preprocessing import clean

    out = clean("\x00工\x07会\ud800\ufffe职工\x1b")
    assert out == "工会职工"


@pytest.mark.parametrize("text", [
    "“" * 100_000, "、" * 100_000, "1" + "0" * 400, "一万亿" + "亿" * 5000,
    "9" * 100_000 + "%", "（" * 50_000 + "工会", "工 会 " * 20_000, "\n" * 50_000,
    "“" + "工会" * 50_000 + "”", "1、" * 50_000,
], ids=["ldquo", "dun", "1e400", "yi-run", "digits", "open-paren", "cjk-spaces", "newlines",
        "huge-quote", "1-dun"])
def test_huge_adversarial_strings(text):
    for name, fn in EPS.items():
        out = fn(text)
        if not isinstance(out, str):
            assert not check_items(name, text, out), name


def test_every_extractor_is_reached():
    """The fuzz tests above cover every extractor module (none silently left out)."""
    assert not missing_extractors()


# -- parsing and the whole flow ------------------------------------------------------------------
@given(bytes_strategy(), st.booleans(), st.sampled_from([None, "gbk", "text/html; charset=utf-8"]))
def test_parse_page_never_raises(data, is_html, declared):
    from unionnlp.parse import parse_page

    art = parse_page(Page(source="fuzz", content=data, is_html=is_html, declared_encoding=declared))
    assert isinstance(art.text, str)
    assert art.text or art.errors, "empty article without an error entry"


HOSTILE_HTML = [
    "<div>" * 2000 + "工会" + "</div>" * 2000,
    "<table><tr><td>" * 300 + "工会",
    "<b>" * 10_000 + "工会",
    "<p>&#99999999999999999999;&#x110000;&#0;&#xD800;&#;&#x;&bogus;&amp&lt</p>" * 200,
    "<html><head><title>" + "“" * 5000 + "</title></head><body><p>“未闭合</body>",
    "<p>工会</p><script>" + "x" * 100_000,
    "<!--" + "工会" * 10_000,
    "<![CDATA[工会" + "]" * 1000,
    "<p " + "a=" * 5000 + ">工会</p>",
    "<svg><svg><math><p>工会",
    "<meta charset='utf-16'><p>工会</p>",
    "<?xml encoding='gb2312'?><p>工会</p>",
]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("html", HOSTILE_HTML, ids=range(len(HOSTILE_HTML)))
def test_process_page_hostile_html(html):
    from unionnlp.pipeline import process_page

    rec = process_page(Page(source="h", content=html.encode("utf-8"), is_html=True))
    assert rec.text or rec.errors
    _check_record(rec)


def _check_record(rec):
    text = rec.text
    for kind, name in (("places", "find_places"), ("organizations", "find_organizations"),
                       ("campaigns", "find_campaigns"), ("statistics", "find_statistics")):
        assert not check_items(name, text, getattr(rec, kind)), kind
    json.loads(rec.to_json())  # serialisable
    assert rec.id


@given(st.one_of(text_strategy(), st.lists(st.sampled_from(GENRE), max_size=40).map("".join)))
def test_extract_never_raises_and_offsets_hold(text):
    import unionnlp

    rec = unionnlp.extract(text)
    _check_record(rec)


def test_extract_rejects_wrong_type_with_type_error():
    import unionnlp

    with pytest.raises(TypeError):
        unionnlp.extract(42)


def test_extract_twice_in_one_process():
    import unionnlp

    unionnlp.extract("工会")
    assert callable(unionnlp.extract), "unionnlp.extract was replaced by the subpackage"
    assert unionnlp.extract("市总工会开展“送温暖”活动。").text


# -- readers -------------------------------------------------------------------------------------
@given(st.lists(st.one_of(
    st.binary(max_size=200),
    st.dictionaries(st.sampled_from(["text", "html", "url", "title", "published"]),
                    st.one_of(text_strategy(60), st.integers(), st.none(), st.lists(st.integers())),
                    max_size=4).map(lambda d: json.dumps(d).encode("ascii")),  # \\u escapes, surrogates too
), max_size=12))
def test_jsonl_reader_accounts_for_every_line(tmp_path_factory, lines):
    from unionnlp.io.readers import iter_pages

    path = tmp_path_factory.mktemp("jsonl") / "in.jsonl"
    body = b"\n".join(l.replace(b"\n", b" ").replace(b"\r", b" ") for l in lines)
    path.write_bytes(body)
    pages = list(iter_pages([path]))
    # every non-blank physical line gives exactly one page (a record or an error row)
    physical = [l for l in body.split(b"\n") if l.strip()]
    assert len(pages) == len(physical)


@given(st.binary(max_size=2000))
def test_warc_reader_on_random_bytes_never_raises(tmp_path_factory, data):
    from unionnlp.io.readers import iter_pages

    d = tmp_path_factory.mktemp("warc")
    for name in ("x.warc", "x.warc.gz", "x.html.gz", "x.jsonl.gz"):
        (d / name).write_bytes(data)
        for page in iter_pages([d / name]):
            assert isinstance(page, Page)


def test_lone_surrogates_never_crash(tmp_path):
    """JSON escapes such as "\\ud800" give str values UTF-8 cannot encode."""
    import unionnlp
    from unionnlp.io.readers import iter_pages
    from unionnlp.preprocessing import clean, to_simplified

    assert to_simplified("會議\ud800門") == "会议\ud800门"
    assert clean("會議\ud800門") == "会议门"
    assert unionnlp.extract("工会\ud800职工").text
    assert unionnlp.extract("<html><body><p>工会\udfff职工</p></body></html>").text
    f = tmp_path / "s.jsonl"
    f.write_text('{"text": "工会"}\n{"text": "\\ud800工会"}\n{"html": "<p>\\udfff</p>"}\n'
                 '{"text": "职工"}\n', encoding="utf-8")
    pages = list(iter_pages([f]))
    assert [p.source.rsplit(":", 1)[1] for p in pages] == ["1", "2", "3", "4"], \
        "a surrogate on one line lost the rest of the file"
