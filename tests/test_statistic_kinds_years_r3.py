"""Kind and year rules that hold across the genre (round 3): relative base years of a
comparison, the later year of a change 从…增长到…, purpose clauses 以…为目标, deadlines
…年底前 and requirements 应/必须 (sentences written for these tests)."""
from conftest import checked_statistics

PUB = "2023-06-01"


def by_value(text, **kw):
    kw.setdefault("published", PUB)
    return {s.value: s for s in checked_statistics(text, **kw)}


def test_last_year_as_the_base_of_a_comparison_is_not_the_figures_year():
    s = by_value("今年以来,全区新发展会员860人,较去年增加120人。")
    assert (s[120].kind, s[120].year, s[120].base_year) == ("change", 2023, 2022)
    s = by_value("上半年各级工会发放帮扶资金300万元,同去年相比增长15%。")
    assert (s[15].year, s[15].base_year) == (2023, 2022)


def test_same_period_last_year_is_a_base_and_not_a_metric():
    s = by_value("今年全镇新建职工书屋12个,与去年同期相比增加5个。")
    assert (s[5].kind, s[5].year) == ("change", 2023)
    assert s[5].metric != "相比"


def test_change_up_to_a_later_date_takes_that_year():
    s = by_value("该园区工会会员从2019年6月的320人发展到2022年底的1460人。")
    assert s[320].year == 2019
    assert (s[1460].year, s[1460].year_basis) == (2022, "explicit")


def test_a_span_of_dates_still_starts_in_its_first_year():
    s = by_value("2021年11月至2022年2月,市总工会走访慰问困难职工900户。")
    assert s[900].year == 2021


def test_a_purpose_clause_is_not_a_target():
    s = by_value("以扩大工会组织覆盖面为目标,区总工会共走访新业态企业260家。")
    assert s[260].kind == "actual"
    s = by_value("今年的目标是新建工会驿站40个。")
    assert s[40].kind == "target"


def test_a_deadline_ahead_is_a_target_and_a_past_one_a_result():
    s = by_value("2024年底前,全县建成户外劳动者服务站点55个。")
    assert (s[55].kind, s[55].year) == ("target", 2024)
    s = by_value("2021年底前,全县建成户外劳动者服务站点30个。")
    assert s[30].kind == "actual"


def test_a_requirement_is_a_target():
    s = by_value("每个乡镇职工之家活动面积应不少于80平方米。")
    assert s[80].kind == "target"
    assert s[80].metric and not s[80].metric.endswith("应")
    s = by_value("新建企业工会必须在3个月内选举产生委员会,年内必须建成示范点6个。")
    assert s[6].kind == "target"


def test_supply_is_not_a_requirement():
    s = by_value("春节前,区总工会向环卫工人供应爱心年夜饭500份。")
    assert s[500].kind == "actual"


def test_a_clause_after_a_semicolon_keeps_the_sentences_date():
    s = by_value("2019年,省总印发了三年行动计划。截至2021年底,全省建立行业工会联合会860个;"
                 "快递企业建会1520家,建会率为88.5%。")
    assert s[1520].year == 2021 and s[88.5].year == 2021


def test_an_undated_sentence_takes_the_last_dated_statement_of_its_paragraph():
    s = by_value("市总工会昨天发布数据。据统计,截至2022年9月底,全市会员总数达到46万人。"
                 "农民工会员达9.2万人。")
    assert (s[92000].year, s[92000].year_basis) == (2022, "explicit")


def test_an_event_year_does_not_date_a_new_subjects_figures():
    s = by_value("市总工会昨天召开会议。2021年,区总工会慰问环卫工人600人。区工会另有职工书屋35个。")
    assert s[35].year_basis == "publication"


def test_a_named_plan_or_a_framing_goal_is_not_a_target():
    s = by_value("五年行动计划实施以来,全区新建职工书屋90个。")
    assert s[90].kind == "actual"
    s = by_value("根据《产业工人技能提升计划》,全年培训一线职工4200人次。")
    assert s[4200].kind == "actual"
    s = by_value("围绕年度工作目标,今年区总工会新发展会员780人。")
    assert s[780].kind == "actual"
    s = by_value("今年计划新建职工驿站25个。")
    assert s[25].kind == "target"


def test_goal_words_and_deadlines_leave_the_metric():
    s = by_value("目标是到年底职工入会率达到92%。")
    assert (s[92].kind, s[92].metric) == ("target", "职工入会率")


def test_a_ranking_number_stays_in_the_metric():
    s = by_value("世界500强在华企业建会2100家。")
    assert s[2100].metric.startswith("世界500强")


def test_a_report_without_a_year_in_its_title_takes_the_year_it_opens_with():
    text = ("某镇工会工作总结\n2018年镇工会在总结上年经验的基础上,围绕“1234”工作思路推进各项工作。\n"
            "截止目前,全镇建会企业58家,职工会员6100余人。")
    s = {x.value: x for x in checked_statistics(text)}
    assert (s[58].year, s[58].year_basis) == (2018, "document")
    # a news story opening with a year is not a report: its present stock keeps the date
    text = "某镇工会慰问环卫工人\n2018年,镇工会慰问环卫工人80人。目前全镇共有会员900人。"
    s = {x.value: x for x in checked_statistics(text, published="2019-01-20")}
    assert s[900].year == 2019


def test_a_sum_in_a_plan_is_still_a_target():
    s = by_value("春节前,区总工会将为300户困难家庭累计发放慰问物资18万元。")
    assert s[300].kind == "target" and s[180000].kind == "target"
    s = by_value("今年计划新建驿站20个,目前已建成驿站14个。")
    assert (s[20].kind, s[14].kind) == ("target", "actual")


def test_a_five_year_plan_period_is_a_span():
    s = by_value("“十三五”期间,全省累计培训职工86万人次。")
    assert (s[860000].year, s[860000].period) == (None, "2016-2020")
    s = by_value("到“十二五”末,全市建会率达到93%。")
    assert s[93].year == 2015


def test_a_figure_of_a_year_to_come_is_a_target():
    s = by_value("明年,全区新建户外劳动者驿站不少于12个。")
    assert (s[12].kind, s[12].year) == ("target", 2024)
    s = by_value("2025年全市新建工会组织300家。")
    assert s[300].kind == "target"
    s = by_value("2022年全市新建工会组织280家。")
    assert s[280].kind == "actual"


def test_next_steps_and_coming_years_are_targets():
    s = by_value("今后三年,每年新建职工书屋25家。")
    assert s[25].kind == "target"
    s = by_value("下一步,县总工会还将新建驿站9个。")
    assert s[9].kind == "target"


def test_a_goal_reported_as_met_is_no_target():
    s = by_value("全区已完成年度目标任务的115%。")
    assert s[115].kind == "actual"
    s = by_value("超额完成上级下达的建会目标,新建工会组织64家。")
    assert s[64].kind == "actual"
    s = by_value("目标是实现职工入会率93%。")
    assert s[93].kind == "target"
