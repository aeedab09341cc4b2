"""The year of a statistic, its basis, the base year of a comparison and inferred years
(sentences written for these tests in the style of union news and work reports)."""
import pytest

from conftest import checked_statistics
from unionnlp.extractors.statistics import document_date, find_statistics

PUB = "2022-05-10"


def by_value(text, **kw):
    kw.setdefault("published", PUB)
    return {s.value: s for s in checked_statistics(text, **kw)}


def test_each_basis():
    s = by_value("2021年全县新建工会组织36家。今年以来,发展会员2400人。目前全县共有职工书屋58个。")
    assert (s[36].year, s[36].year_basis) == (2021, "explicit")
    assert (s[2400].year, s[2400].year_basis) == (2022, "relative")
    assert (s[58].year, s[58].year_basis) == (2022, "publication")
    assert s[36].flags == [] and s[2400].flags == []
    assert "inferred_year" in s[58].flags


def test_first_half_is_resolved_against_the_date():
    s = by_value("上半年,区总工会慰问一线职工1800人次。")
    assert (s[1800].year, s[1800].year_basis) == (2022, "relative")


def test_base_year_of_a_comparison_is_not_the_figures_year():
    s = by_value("全市工会会员增至5.2万人,比2019年增长18.6%。")
    assert s[52000].year != 2019
    assert (s[18.6].kind, s[18.6].base_year) == ("change", 2019)
    assert s[18.6].year != 2019
    s = by_value("与2015年相比,全省农民工会员净增312万人。")
    assert s[3120000].base_year == 2015 and s[3120000].year != 2015
    s = by_value("2021年全区职工入会率比上年提高2.5个百分点。")
    assert (s[2.5].year, s[2.5].base_year) == (2021, 2020)


def test_document_number_beats_the_upload_date():
    text = ("时间:2020-11-03\n"
            "某县总工会文件\n某工发[2013]12号\n关于开展建会入会集中行动的通知\n"
            "各乡镇工会:到今年年底,全县职工入会率达到85%以上;到2015年底,达到92%以上。")
    assert document_date(text) == 2013
    s = by_value(text, published="2020-11-03")
    assert (s[85].year, s[85].year_basis, s[85].kind) == (2013, "relative", "target")
    assert (s[92].year, s[92].kind) == (2015, "target")


def test_a_cited_document_number_is_not_the_documents_date():
    text = "近日,市总工会召开推进会。会议指出,根据省总工会发〔2019〕8号文件精神,全市今年新建职工之家40家。"
    assert document_date(text) is None


def test_report_formula_and_closing_date_line():
    assert document_date("现将我镇2018年上半年工会工作情况汇报如下:一、…") == 2018
    assert document_date("……\n特此通知。\n某县总工会\n2016年3月8日") == 2016


def test_spans_of_several_years_stay_undated():
    s = by_value("近三年来,全县累计筹集帮扶资金860万元。自活动开展以来,共走访职工家庭1500户。"
                 "每年评选优秀工会工作者30名。力争三年内建成职工书屋100个。")
    for v in (8600000, 1500, 30, 100):
        assert s[v].year is None and s[v].year_basis == "none", v
        assert "inferred_year" not in s[v].flags
    assert s[8600000].period == "2019-2022"


def test_span_since_an_event_of_this_year():
    # the work method began this year, so its results are of this year
    s = by_value("今年以来,某县总工会推出“三访三帮”工作法。工作法推行以来,全县新建工会组织24家。")
    assert s[24].year == 2022


def test_present_tense_after_an_older_year():
    s = by_value("该社区职工书屋始建于2009年,现有各类图书6500余册。")
    assert s[6500].year == 2022 and s[6500].year_basis == "publication"


def test_stock_after_a_span_is_present():
    s = by_value("近年来,快递外卖行业发展迅速,据统计,全区新就业形态劳动者约有8000人。")
    assert s[8000].year == 2022


def test_year_carries_into_a_continuation_only():
    text = ("全州工会积极开展维权服务,2021年帮助农民工追回欠薪1260万元。受理职工来信来访85件,"
            "办结率98%。区工会另有职工书屋20个。")
    s = by_value(text)
    assert s[85].year == 2021 and s[98].year == 2021  # subjectless: goes on with 2021
    assert s[20].year_basis == "publication"         # a new subject: not dated by 2021


def test_paragraph_opening_span_frames_the_paragraph():
    text = "五年来,省总工会持续深化劳动竞赛。大力推进创新工作室建设,命名省级示范工作室120家。"
    assert by_value(text)[120].year is None


def test_range_of_dates_starts_in_its_first_year():
    s = by_value("2021年12月20日至2022年春节前,市总工会将走访慰问困难职工2000户。", published="2021-12-21")
    assert s[2000].year == 2021 and s[2000].kind == "target"


def test_bulleted_digest_without_a_time_is_not_dated_by_publication():
    text = ("某市总工会各项工作取得新成效。\n数说工会\n"
            "◆新建工会组织230个,发展会员1.8万人。\n◆开展技能竞赛460场次。")
    s = by_value(text)
    for v in (230, 18000, 460):
        assert s[v].year is None and s[v].year_basis == "none"


@pytest.mark.parametrize("text,kind", [
    ("到2020年底,全区建成职工之家45家。", "actual"),        # a deadline already past in 2022
    ("到2024年底,全区建成职工之家45家。", "target"),
    ("春节前,县总工会将慰问困难职工600户。", "target"),      # 将 + verb: the future
    ("县总工会将职工之家建设与基层建会工作相结合,建成45家。", "actual"),  # disposal 将
    ("拟新建户外劳动者服务站点30个。", "target"),
])
def test_kind_of_plans_and_reports(text, kind):
    (s,) = find_statistics(text, published=PUB)
    assert s.kind == kind


def test_no_date_no_year():
    (s,) = find_statistics("园区内建成职工书屋12个。")
    assert s.year is None and s.year_basis == "none" and "inferred_year" not in s.flags
