"""End to end: extract the bundled sample archive, then compare its places."""
import re

import pytest

from conftest import ROOT

SAMPLE = ROOT / "corpora" / "sample" / "sample.warc.gz"


@pytest.fixture(scope="module")
def frames():
    import unionnlp
    from unionnlp import compare

    records = list(unionnlp.extract_many([SAMPLE]))
    assert len(records) == 28
    return compare.frames(records)


@pytest.mark.slow
def test_sample_coverage_and_adoption(frames):
    """Structure of the comparison on real extraction output (accuracy is measured on
    corpora/gold with ``unionnlp evaluate``, not here)."""
    from unionnlp import compare

    arts = frames["articles"]
    assert (~arts["is_canonical"].astype(bool)).sum() <= 2  # at most the two reprints
    cov = compare.coverage(frames)
    assert cov["place_code"].nunique() >= 8
    assert cov["year"].nunique() >= 3
    tl = compare.diffusion_timeline(frames, "三培养工程")
    assert len(tl) >= 5
    assert tl.iloc[0]["place_code"] == "321000"  # 扬州 first
    # in order of first mention; a place whose first mention is an undated article stating its
    # year in the text (东阿县2023年工作总结) comes at the end of that year, without a date
    from unionnlp.compare.adoption import mention_time

    when = [mention_time(d, y) for d, y in zip(tl["first_date"], tl["year"])]
    assert when == sorted(when)
    assert set(tl.loc[tl["first_date"].isna(), "first_basis"]) <= {"text"}
    assert list(tl["cum_places"]) == list(range(1, len(tl) + 1))
    # every adoption row points at articles of that place that mention the campaign
    long = compare.campaign_adoption(frames, campaign="三培养工程")
    ids = set(frames["campaigns"]["article_id"])
    assert all(set(r) <= ids for r in long["article_ids"])


@pytest.mark.slow
def test_sample_panel_and_report(frames, tmp_path):
    from unionnlp import compare, report

    panel = compare.statistics_panel(frames, "入会率")
    assert panel["place_code"].nunique() >= 5
    texts = dict(zip(frames["articles"]["id"], frames["articles"]["text"]))
    assert all(ev in texts[a] for ev, a in zip(panel["evidence"], panel["article_id"]))
    out = report.write_report(frames, tmp_path / "sample.html", campaign="三培养工程")
    html = out.read_text(encoding="utf-8")
    assert "江苏省扬州市" in html
    # one embedded figure per plotted section: diffusion, statistics panel, and the learning
    # network when the sample's practice events hold learn events
    figures = re.findall(r'<img alt="([^"]+)" src="data:image/png;base64,', html)
    assert html.count("data:image/png;base64,") == len(figures)
    assert "Diffusion timeline: 三培养工程" in figures
    assert any(t.startswith("Statistics panel") for t in figures)
    learned = not compare.learning_network(frames, campaign="三培养工程").empty
    assert ("Learning network: who learned from whom" in figures) == learned
    assert len(figures) == 2 + learned
