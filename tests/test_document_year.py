"""Undated actual figures take the article's reference year (headline, first sentence, date)."""
import unionnlp
from unionnlp.extractors.statistics import document_year


def test_year_from_headline():
    text = "某区2023年工会工作总结\n今年以来,全区新建工会组织42家,发展会员3100人。"
    assert document_year(text) == 2023


def test_year_from_first_sentence_not_from_a_period_start():
    assert document_year("近日,市总工会公布了2021年度模范职工之家名单,共有15家单位入选。") == 2021
    assert document_year("自2015年以来,全市工会持续推进建会工作,截至目前共建会300家。") is None


def test_publication_date_dates_undated_figures_and_says_so():
    from unionnlp.extractors.statistics import fill_document_year, find_statistics

    text = "截至8月底,全区已有87家企业建立职工骨干库。2015年全区建会率为80%。\n园区设有工会驿站12个。"
    assert document_year(text, published="2022-09-20") is None
    stats = fill_document_year(find_statistics(text, published="2022-09-20"), None, text=text,
                               published="2022-09-20")
    by_value = {s.value: s for s in stats}
    assert (by_value[80.0].year, by_value[80.0].year_basis) == (2015, "explicit")
    assert by_value[80.0].flags == []
    # undated present-tense figures take the publication year, flagged so they can be dropped
    for v in (87.0, 12.0):
        s = by_value[v]
        assert (s.year, s.year_basis) == (2022, "publication")
        assert "inferred_year" in s.flags


def test_targets_keep_their_own_year():
    rec = unionnlp.extract("某县2024年工会工作要点\n力争全县职工入会率达到95%以上;目前已建工会组织120家。")
    by_value = {s.value: s for s in rec.statistics}
    assert by_value[120.0].year == 2024
    assert by_value[95.0].kind == "target"


def test_first_sentence_frames_only_without_figures_of_its_own():
    framed = "本报讯 2019年,某县总工会围绕中心、服务大局,各项工作取得显著成效。\n全年新建工会组织41家。"
    assert document_year(framed) == 2019
    # a first sentence with its own figure keeps that year to the figure
    assert document_year("2021年全县新建工会组织36家。目前共有职工书屋58个。") is None
