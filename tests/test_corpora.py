"""The bundled sample corpus: archive up to date with its sources, the shapes it promises, gold
annotations valid against their texts, and no text borrowed from the shared real material."""
import importlib.util
import json
import re
import unicodedata

import pytest

from conftest import ROOT, char_ngrams
from unionnlp.extractors.events import ACTIONS

CORPORA = ROOT / "corpora"
GOLD = CORPORA / "gold"
STYLES = {"article", "epaper", "docshare", "traditional", "pinyin-annotated", "other"}
QUALIFIERS = {"", "余", "多", "以上", "近", "约"}
EVENT_FIELDS = {"action", "campaign", "actor", "place", "source_place", "recipient", "year",
                "evidence"}


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("corpora_build", CORPORA / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def sources(build):
    return build.load_sources()


@pytest.fixture(scope="module")
def warc_records():
    from warcio.archiveiterator import ArchiveIterator

    out = []
    with open(CORPORA / "sample" / "sample.warc.gz", "rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type == "response":
                out.append((rec.rec_headers, rec.http_headers, rec.content_stream().read()))
    return out


def test_archive_is_built_from_the_sources(build):
    assert build.build(out=None) == (CORPORA / "sample" / "sample.warc.gz").read_bytes()


def test_archive_records(warc_records, sources):
    assert len(warc_records) == len(sources) >= 24
    urls = [h.get_header("WARC-Target-URI") for h, _, _ in warc_records]
    assert len(set(urls)) == len(urls) and all(u.startswith("http") for u in urls)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", h.get_header("WARC-Date"))
               for h, _, _ in warc_records)
    gbk = [(h, hh, body) for h, hh, body in warc_records if "GBK" in hh.get_header("Content-Type")]
    assert len(gbk) == 1
    body = gbk[0][2]
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "阜宁县总工会" in body.decode("gbk") and 'charset=gbk' in body.decode("gbk")


def test_corpus_shapes_and_spread(sources):
    codes = {s["place_code"] for s in sources}
    localities = {c for c in codes if not c.endswith("0000")}
    assert len(localities) >= 8
    assert len({c[:2] for c in codes}) >= 3
    assert len({s["published"][:4] for s in sources}) >= 3
    templates = {s["template"] for s in sources}
    assert {"portal", "epaper", "docshare", "traditional", "portal-gbk"} <= templates
    # reprints are edited copies of an existing article, on another host
    by_id = {s["id"]: s for s in sources}
    reprints = [s for s in sources if s.get("reprint_of")]
    assert len(reprints) >= 2
    for r in reprints:
        orig = by_id[r["reprint_of"]]
        assert r["url"].split("/")[2] != orig["url"].split("/")[2]
        a, b = "".join(orig["paragraphs"]), "".join(r["paragraphs"])
        grams = lambda t: {t[i:i + 5] for i in range(len(t) - 4)}  # noqa: E731
        overlap = len(grams(a) & grams(b)) / len(grams(b))
        assert 0.6 < overlap < 1.0  # same story, edited
    # campaigns that spread: each named in several places
    text = {s["id"]: "".join(s["paragraphs"]) for s in sources}
    for name in ("三培养工程", "双推", "三联三促", "四送四进", "安康杯", "工人先锋号"):
        places = {s["place_code"] for s in sources if name in text[s["id"]]}
        assert len(places) >= 3, name


def test_traditional_page_is_traditional(sources, build):
    trad = [s for s in sources if s["template"] == "traditional"]
    assert trad
    body = "".join(trad[0]["paragraphs"])
    assert "會" in body and "会" not in body


def _gold_docs():
    return sorted(GOLD.glob("*.json"))


def test_gold_files_valid(build, sources):
    docs = _gold_docs()
    assert len(docs) >= 8
    by_id = {s["id"]: s for s in sources}
    for path in docs:
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = path.with_suffix(".txt").read_text(encoding="utf-8")
        assert gold["id"] == path.stem
        assert gold["style"] in STYLES
        assert gold["url"] == by_id[gold["id"]]["url"]
        page, _ = build.render(by_id[gold["id"]])
        assert raw == build.visible_text(page), f"{path.stem}.txt is stale"
        assert gold["place"] and gold["campaigns"] and gold["organizations"]
        for key in ("campaigns", "organizations"):
            assert len(set(gold[key])) == len(gold[key])
            assert not any(re.search(r"[“”\"'《》]", x) and not re.search(r".“.+”", x)
                           for x in gold[key])
        for st in gold["statistics"]:
            assert set(st) == {"value", "unit", "metric", "qualifier", "kind", "year", "evidence"}
            assert st["evidence"] in raw, (path.stem, st["evidence"])
            assert st["kind"] in {"actual", "target", "change"}
            assert st["qualifier"] in QUALIFIERS
            assert isinstance(st["value"], (int, float))
            digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", st["evidence"]))
            assert digits, st
        assert isinstance(gold.get("events"), list), f"{path.stem}: no events list"
        for ev in gold["events"]:
            assert set(ev) == EVENT_FIELDS, ev
            assert ev["action"] in ACTIONS
            assert ev["evidence"] in raw, (path.stem, ev["evidence"])
            assert ev["campaign"] in gold["campaigns"], (path.stem, ev)
            assert ev["actor"] is None or ev["actor"] in gold["organizations"], (path.stem, ev)
            assert ev["source_place"] is None or ev["action"] == "learn", ev
            assert ev["recipient"] is None or ev["action"] == "commend", ev
            assert ev["year"] is None or isinstance(ev["year"], int)


def test_no_text_borrowed_from_shared_material(sources, seed_texts, devset_dir):
    """Every sentence was written for the project: no 16-character run of the corpus occurs in
    the seeds or the devset."""
    shared = list(seed_texts.values()) + [p.read_text(encoding="utf-8")
                                          for p in devset_dir.glob("*.txt")]
    n = 16
    grams = char_ngrams(shared, n)
    for s in sources:
        body = re.sub(r"\s+", "", "".join(s["paragraphs"]))
        hits = [body[i:i + n] for i in range(len(body) - n + 1) if body[i:i + n] in grams]
        assert not hits, (s["id"], hits[:3])
