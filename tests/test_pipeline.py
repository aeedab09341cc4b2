"""The spaCy pipeline and the Python API."""
import pytest

import unionnlp
from unionnlp.extractors.pipeline import LABELS, doc_items

TEXTS = [
    "扬州市总工会推进产业工人“三培养工程”。2019年全市工会组建率和职工入会率达99%。",
    "某县总工会开展“送温暖”活动,走访慰问困难职工120户,发放慰问金36万元。",
]


@pytest.fixture(scope="module")
def nlp():
    return unionnlp.load()


def test_load_is_blank_zh_with_jieba_and_components(nlp):
    assert nlp.lang == "zh"
    assert nlp.tokenizer.segmenter == "jieba"
    assert nlp.pipe_names == ["union_campaigns", "union_places", "union_organizations", "union_statistics",
                              "union_events"]


def test_doc_spans_and_extensions(nlp):
    doc = nlp(TEXTS[0])
    assert {s.label_ for s in doc.spans["campaigns"]} <= {LABELS["campaigns"]}
    names = [c.name for c in doc_items(doc, "campaigns")]
    assert "三培养工程" in names
    stats = doc_items(doc, "statistics")
    assert any(s.value == 99.0 and s.unit == "%" for s in stats)
    for s in stats:
        assert doc.text[s.start:s.end] == s.text
    assert doc._.place is not None


def test_pipe_with_two_processes(nlp):
    docs = list(nlp.pipe(TEXTS * 2, n_process=2, batch_size=1))
    assert len(docs) == 4
    assert any(c["name"] == "送温暖" for c in docs[1]._.campaigns)
    assert [len(d._.statistics) for d in docs[:2]] == [len(d._.statistics) for d in docs[2:]]


def test_to_disk_round_trip(nlp, tmp_path):
    import spacy

    nlp.to_disk(tmp_path / "model")
    nlp2 = spacy.load(tmp_path / "model")
    assert nlp2.pipe_names == nlp.pipe_names
    assert [c["name"] for c in nlp2(TEXTS[0])._.campaigns] == [c["name"] for c in nlp(TEXTS[0])._.campaigns]


def test_extract_api_text_html_bytes():
    rec = unionnlp.extract(TEXTS[0])
    assert rec.text.startswith("扬州市总工会")
    html = f"<html><head><title>标题</title></head><body><p>{TEXTS[1]}</p></body></html>"
    r2 = unionnlp.extract(html, url="http://example.test/a.html")
    assert r2.url == "http://example.test/a.html"
    assert "送温暖" in r2.text
    r3 = unionnlp.extract(html.encode("gb18030").replace(b"<head>", b"<head><meta charset='gbk'>"))
    assert r3.text == r2.text
    with pytest.raises(TypeError):
        unionnlp.extract(123)


def test_one_failing_extractor_does_not_lose_the_document(nlp, monkeypatch):
    from unionnlp.extractors import campaigns

    def broken(text, **kw):
        raise RuntimeError("boom")

    monkeypatch.setattr(campaigns, "find_campaigns", broken)
    rec = unionnlp.extract(TEXTS[0], nlp=nlp)
    assert rec.text and rec.statistics
    assert any(e.stage == "extract:campaigns" and "boom" in e.message for e in rec.errors)
