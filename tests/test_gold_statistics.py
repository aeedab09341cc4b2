"""The team's gold pages for statistics (corpora/gold/statistics): well formed, written for the
project, and extracted as annotated (years with their basis, repaired numbers, restatements,
digests, spans of years, structure counts)."""
import json
import re
import unicodedata

import pytest

from conftest import ROOT, char_ngrams

GOLD = ROOT / "corpora" / "gold" / "statistics"
KEYS = {"value", "unit", "metric", "qualifier", "kind", "year", "evidence"}


def _docs():
    return sorted(GOLD.glob("*.json"))


@pytest.mark.parametrize("path", _docs(), ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    raw = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert gold["id"] == path.stem and gold["place"]
    for st in gold["statistics"]:
        assert set(st) == KEYS
        assert st["evidence"] in raw, st["evidence"]
        assert st["kind"] in {"actual", "target", "change"}
        assert re.sub(r"\D", "", unicodedata.normalize("NFKC", st["evidence"]))


def test_pages_are_our_own_words(seed_texts, devset_dir):
    shared = list(seed_texts.values()) + [p.read_text(encoding="utf-8")
                                          for d in (devset_dir, devset_dir.parent / "devset2")
                                          for p in d.glob("*.txt")]
    n = 16
    grams = char_ngrams(shared, n)
    for path in GOLD.glob("*.txt"):
        body = re.sub(r"\s+", "", path.read_text(encoding="utf-8"))
        hits = [body[i:i + n] for i in range(len(body) - n + 1) if body[i:i + n] in grams]
        assert not hits, (path.name, hits[:3])


def test_extraction_on_the_statistics_gold():
    from unionnlp.evaluate import evaluate

    scores = evaluate(GOLD)
    stats = scores.fields["statistics"]["strict"]
    assert scores.n_docs == len(_docs()) >= 6
    assert stats.f1 >= 0.95
    agree = {k: b / n for k, (a, b, n) in scores.agreement.items()}
    assert agree["year"] >= 0.95 and agree["kind"] >= 0.95 and agree["metric"] >= 0.9
    usable, n = scores.usable
    assert usable / n >= 0.9
