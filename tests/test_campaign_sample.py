"""Campaigns of the bundled sample corpus: no junk in the output, one identity per campaign, and
the team's own campaign gold pages (corpora/gold/campaigns) scored and checked for origin."""
import json
import re

import pytest

from conftest import ROOT
from unionnlp.extractors.campaigns.candidates import MEASURE
from unionnlp.extractors.campaigns.rules import STRATEGY_PART
from unionnlp.extractors.identity import campaign_id

SAMPLE = ROOT / "corpora" / "sample" / "sample.warc.gz"
OWN_GOLD = ROOT / "corpora" / "gold" / "campaigns"


@pytest.fixture(scope="module")
def sample_records():
    import unionnlp

    return list(unionnlp.extract_many([SAMPLE]))


@pytest.mark.slow
def test_sample_output_has_no_lone_digits_distances_or_mottos(sample_records):
    names = [c.name for r in sample_records for c in r.campaigns]
    assert names
    for n in names:
        assert not re.fullmatch(r"[0-9]{1,2}", n), n
        assert not MEASURE.match(n), n
        assert not any(STRATEGY_PART.search(p) for p in re.split("[、,，]", n) if p), n


@pytest.mark.slow
def test_sample_adoption_table_has_one_column_per_campaign(sample_records):
    from unionnlp import compare

    mentions = [c for r in sample_records for c in r.campaigns]
    assert all(c.canonical and c.campaign_id == campaign_id(c.canonical) for c in mentions)
    canon_of = {}
    for c in mentions:
        canon_of.setdefault(c.campaign_id, set()).add(c.canonical)
    assert all(len(v) == 1 for v in canon_of.values()), canon_of
    wide = compare.adoption_wide(compare.frames(sample_records))
    ids = [campaign_id(n) for n in wide.index]
    assert len(ids) == len(set(ids)) == len(wide.index)
    assert {"三培养工程", "双推", "党建带工建", "送温暖"} <= set(wide.index)
    # no column is a known campaign with a prefix or a head noun added (全省安康杯竞赛)
    from unionnlp.extractors.campaigns import canonical_name, load_lexicon

    known = {e.name for e in load_lexicon() if len(e.name) >= 3}
    for col in wide.index:
        assert not any(k in col and canonical_name(k) != col for k in known), col


def test_own_campaign_gold_pages_score(tmp_path):
    from unionnlp.evaluate import evaluate

    docs = sorted(OWN_GOLD.glob("*.json"))
    assert len(docs) >= 10
    for p in docs:
        g = json.loads(p.read_text(encoding="utf-8"))
        text = p.with_suffix(".txt").read_text(encoding="utf-8")
        assert g["id"] == p.stem and g["campaigns"]
        assert all(st["evidence"] in text for st in g["statistics"])
    s = evaluate(OWN_GOLD).as_dict()["campaigns"]["strict"]
    assert s["f1"] >= 0.9, s


def test_own_campaign_gold_pages_borrow_no_text(shared_dir):
    """The pages were written for the project: no 16-character run of them occurs in the
    shared real pages."""
    shared = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                       for d in ("seeds", "devset", "devset2", "corpus")
                       for p in sorted((shared_dir / d).glob("*.txt"))
                       if not (d == "devset2" and p.stem in _aside()))
    n = 16
    for p in sorted(OWN_GOLD.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        for i in range(0, max(0, len(text) - n) + 1):
            run = text[i:i + n]
            if "\n" not in run:
                assert run not in shared, (p.name, run)


def _aside() -> set:
    from unionnlp.evaluate import read_split

    return {x.split("/", 1)[1] for x in read_split(ROOT / "corpora" / "split" / "aside.txt")}
