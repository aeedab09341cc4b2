"""Metric, kind and evidence of figures, in sentences written for these tests in the shape of
county and district union news."""
from conftest import checked_statistics

PUB = "2019-03-10"


def by_value(text, **kw):
    kw.setdefault("published", PUB)
    return {s.value: s for s in checked_statistics(text, **kw)}


def test_money_paid_to_people_is_named_by_what_is_paid():
    s = by_value("当天,镇工会向48名困难职工发放慰问金共9.6万元,每名环卫工人获得慰问金800元。")
    assert s[96000].metric == "发放慰问金"
    # an amount per head is named with its heads (gold: 一等奖每项奖励, 每个…工作室资金支持)
    assert s[800].metric == "每名环卫工人获得慰问金"
    assert s[48].metric == "困难职工"


def test_the_currency_after_a_sum_is_not_its_metric():
    s = by_value("五年来,区总工会共发放助学资金86.5万元人民币。")
    assert s[865000].metric == "发放助学资金"


def test_funds_obtained_are_reported_not_planned():
    s = by_value("今年,县总工会积极争取到省总工会专项资金30万元,为120名劳模办理体检。")
    assert s[300000].kind == "actual" and s[120].kind == "actual"
    # without 到 the bid is still a plan
    s = by_value("下半年,县总工会争取上级补助资金50万元。")
    assert s[500000].kind == "target"


def test_evidence_of_a_verb_metric_stays_in_its_clause():
    text = "截至目前,3.2万件物品被职工领取,惠及近2万人。据了解,县总工会还将推广这一做法,让更多人受益。"
    s = by_value(text)
    ev = s[32000].text
    assert text[s[32000].start:s[32000].end] == ev
    assert "据了解" not in ev and len(ev) < 20


def test_five_year_plan_in_quotes_since_gives_a_period():
    s = by_value("“十四五”以来,全区新建职工书屋64个。", published="2024-06-01")
    assert s[64].year is None and s[64].period == "2021-2024"


def test_two_listed_years_give_a_period():
    s = by_value("2016年、2017年两年间,全县共发展农民工会员8600人。", published="2018-01-05")
    assert s[8600].year is None and s[8600].period == "2016-2017"
    s = by_value("2016年,全县发展会员8600人;2017年,发展会员9100人。", published="2018-01-05")
    assert s[8600].year == 2016 and s[9100].year == 2017


def test_stock_taken_now_ends_the_span_of_the_paragraph_opening():
    text = ("区总工会三届二次全委会以来,围绕中心服务大局。目前全区共有基层工会310个,入会率93%。"
            "扎实推进新就业形态组织覆盖,其中货运企业46家,建会31家。")
    s = by_value(text, published="2022-09-01")
    assert s[46].year == 2022 and s[31].year == 2022


def test_the_day_of_the_event_takes_its_year():
    text = ("11月8日,在县总工会举行的2018年“冬送温暖”救助金发放仪式上,职工代表发言。"
            "当天,县总工会向52名困难职工发放救助金共12.4万元。")
    s = by_value(text, published=None)
    assert s[52].year == 2018 and s[124000].year == 2018
    assert s[124000].metric == "发放救助金"


def test_a_comment_counter_is_no_statistic():
    s = by_value("今年以来,县总工会慰问一线职工1600人次。\n已有3人发表了评论\n", published="2020-05-01")
    assert 3 not in s and 1600 in s


def test_a_news_dateline_beats_a_reposts_upload_date():
    text = ("某市工会网讯 2016年1月,区总工会开展春节送温暖活动。\n"
            "今年,区总工会为218名困难职工送去慰问金共15.3万元。")
    s = by_value(text, published="2017-06-30")  # the date a later site copied the page
    assert s[218].year == 2016 and s[153000].year == 2016
    # a month written later in the body is no dateline
    s = by_value("区总工会开展送温暖活动,2016年1月走访职工。今年慰问职工218名。", published="2017-06-30")
    assert s[218].year == 2017


def test_the_next_item_of_a_list_is_not_the_counted_noun():
    s = by_value("经评审,共评出一等奖3名、二等奖6名、三等奖9名及优秀奖若干。", published="2023-05-01")
    assert s[9].metric == "三等奖" and s[6].metric == "二等奖"
    s = by_value("今年全镇新建工会15家及职工书屋4个。", published="2023-05-01")
    assert s[4].metric == "职工书屋"


def test_two_rates_with_an_adverb_before_their_shared_figure():
    s = checked_statistics("目前全区企业建会率和已建会企业职工入会率均稳定在92%以上。", published="2020-01-01")
    assert sorted(x.metric for x in s if x.value == 92) == ["企业建会率", "已建会企业职工入会率"]


def test_a_goal_to_strive_for_is_a_target_and_the_goal_word_no_metric():
    s = by_value("会上,省总工会提出努力实现2024年底全省职工驿站达到3000个的工作目标。", published="2024-03-01")
    assert s[3000].kind == "target" and s[3000].metric == "全省职工驿站"
    s = by_value("截至10月底,街道总工会提前完成今年新建工会86家的目标。", published="2016-11-02")
    assert s[86].metric == "新建工会"
    s = by_value("去年,区总工会努力推动企业建会,新建工会45家。", published="2023-07-11")
    assert s[45].kind == "actual"


def test_a_head_count_with_its_times_in_brackets_counts_visits():
    s = checked_statistics("十年来,市总工会共走访慰问困难职工3.6万人(次),帮扶困难家庭800户（次）。",
                           published="2015-01-20")
    units = {x.value: x.unit for x in s}
    assert units[36000] == "人次" and units[800] == "户次"


def test_a_lone_hundred_or_thousand_with_more_is_a_round_figure():
    s = by_value("活动期间,街道总工会为千余名户外劳动者送去清凉物资,百余人现场入会。", published="2024-07-01")
    assert (s[1000].unit, s[1000].qualifier) == ("名", "余")
    assert (s[100].unit, s[100].qualifier) == ("人", "余")
    # not in 成千上万, 数百 or without 余/多
    assert not checked_statistics("成千余人围观,数百余名群众参与,千名职工同唱一首歌。", published="2024-07-01")


def test_handing_things_to_people_is_no_plan():
    s = by_value("随后,社区工会又将大米、食用油送到了42位困难职工手中。", published="2024-07-01")
    assert s[42].kind == "actual"


def test_the_end_of_a_range_of_ranks_is_no_figure():
    s = by_value("获得第四至十名的选手晋升一个等级,前三名选手分别获得奖金3000元、2000元、1000元。",
                 published="2024-07-01")
    assert 10 not in s and {3000, 2000, 1000} <= set(s)


def test_figures_under_a_plan_heading_of_a_report_are_targets():
    text = ("某镇工会2021年上半年工作总结和下半年工作计划\n"
            "一、上半年主要工作\n1、春节期间走访慰问困难职工26户,发放慰问金2.6万元。\n"
            "二、下半年工作安排\n1、完成5名困难职工子女金秋助学和2户大病救助任务。\n"
            "2、举办工会干部培训班1期。\n")
    s = by_value(text, published="2021-07-10")
    assert s[26].kind == "actual" and s[26000].kind == "actual"
    assert s[5].kind == "target" and s[2].kind == "target"
    # a heading that reports on last year's goals is no plan
    text2 = ("二、2020年工作目标完成情况\n1、新建基层工会18家,发展会员900人。\n")
    s = by_value(text2, published="2021-01-10")
    assert s[18].kind == "actual" and s[900].kind == "actual"


def test_a_strip_word_that_opens_a_word_stays():
    s = by_value("全县共有职工5210人,其中在职职工4380人;对口帮扶企业15家。", published="2012-07-01")
    assert s[4380].metric == "在职职工" and s[15].metric == "对口帮扶企业"
    s = by_value("在全县开展慰问活动,慰问职工300人。", published="2012-07-01")
    assert s[300].metric == "慰问职工"


def test_what_a_sum_is_spent_on_is_not_its_metric():
    s = by_value("全年筹集资金12.6万元慰问一线职工,投入经费8万元用于职工书屋建设,发放3万元助学金。",
                 published="2019-01-05")
    assert s[126000].metric.endswith("筹集资金") and s[80000].metric == "投入经费"
    assert s[30000].metric == "助学金"


def test_doing_three_essays_well_is_an_idiom_not_a_count():
    s = by_value("扎实做好“产、城、人”三篇文章,全年刊发宣传文章36篇,编印简报12篇文章。", published="2023-11-01")
    assert 3 not in s and 36 in s


def test_n_in_one_is_a_slogan_not_a_count():
    s = by_value("中心以“调、裁、诉、援”四位一体的服务模式运行,已受理案件96起。", published="2023-12-01")
    assert set(s) == {96}


def test_pledged_projects_and_their_detail_are_planned():
    text = ("区总工会公布了2021年为职工办的8件实事项目,预计惠及职工12万人次。\n"
            "具体包括:新建30家职工驿站、组织5000名职工疗休养等。")
    s = by_value(text, published="2021-03-01")
    assert s[120000].kind == "target" and s[30].kind == "target" and s[5000].kind == "target"
    assert s[30].year == 2021 and s[5000].year == 2021
    # projects reported as completed are actual
    s = by_value("2020年列入民生实事项目的新建职工驿站30家已全部完成。", published="2021-01-05")
    assert s[30].kind == "actual"


def test_both_values_of_a_change_from_to_share_the_subject_as_metric():
    s = by_value("十年来,劳模志愿服务队从最初60余名发展到全市500余人。", published="2020-05-01")
    assert s[60].metric == "劳模志愿服务队" and s[500].metric == "劳模志愿服务队"
    s = by_value("去年,非公企业工会组建率从原来的48%提高到现在的76%。", published="2008-02-01")
    assert s[48].metric == "非公企业工会组建率" and s[76].metric == "非公企业工会组建率"


def test_a_list_of_sums_shares_the_noun_after_its_last_item():
    s = by_value("对获得前三名的选手,分别给予5000元、3000元、1000元的一次性奖金。", published="2019-10-11")
    assert s[5000].metric == s[3000].metric == s[1000].metric == "一次性奖金"


def test_items_counted_before_their_worth_are_named_after_it():
    s = by_value("爱心企业为环卫工人捐赠了近500件价值1.2万余元的防暑降温物品。", published="2023-07-01")
    assert s[500].metric == "防暑降温物品"


def test_a_budget_granted_keeps_its_noun():
    s = by_value("全总安排2亿元专项预算给予重点支持。", published="2023-07-01")
    assert s[200000000].metric == "专项预算"


def test_the_manner_after_a_counted_noun_is_not_the_noun():
    s = by_value("活动当天,600多名外卖骑手以这种特别的方式加入了工会。", published="2023-07-01")
    assert s[600].metric == "外卖骑手"


def test_a_start_year_with_qi_is_a_span():
    s = by_value("从2015年起,市总工会命名的创新工作室共获得资金支持30万元。", published="2020-01-05")
    assert s[300000].year is None and s[300000].period == "2015-2020"
    s = by_value("从2021年起,市总工会将为每个工作室提供5万元补助。", published="2020-11-05")
    assert s[50000].year == 2021


def test_a_forecast_and_what_details_it_are_planned():
    text = "今年全省各级工会预计筹资3000万元,组织约2万名一线职工疗休养。其中省总工会投入600万元补贴8000人疗休养。"
    s = by_value(text, published="2018-04-20")
    assert all(s[v].kind == "target" for v in (30000000, 20000, 6000000, 8000))
    # a 其中 sentence after reported figures stays actual
    s = by_value("去年全市新建工会120家。其中非公企业工会96家。", published="2018-04-20")
    assert s[96].kind == "actual"


def test_people_who_will_take_part_are_planned():
    s = by_value("全市还有6200名职工将参加省总工会组织的疗休养。", published="2024-05-14")
    assert s[6200].kind == "target"


def test_visits_over_a_number_are_a_count_not_a_threshold():
    s = by_value("今年计划安排一线职工3万人次以上疗休养,50人以上企业全部建会。", published="2024-05-14")
    assert 30000 in s and 50 not in s


def test_an_undated_page_takes_this_year_from_its_dated_lead():
    text = ("3月8日,2023年全省职工疗休养活动在省工人疗养院启动,首批200多名职工参加。\n"
            "据了解,今年全省将组织3万余名职工参加疗休养。")
    s = by_value(text, published=None)
    assert s[30000].year == 2023
    # a stock date in the lead is not the year of writing
    text2 = "3月8日,记者获悉,截至2022年底全省建成驿站900个。今年将新建驿站300个。"
    s = by_value(text2, published=None)
    assert s[300].year is None


def test_a_report_sections_heading_year_dates_its_figures():
    text = ("在市总工会全委会议上的报告\n各位委员:\n一、2016年全市工会主要工作情况\n"
            "(一)围绕中心工作。一是开展劳动竞赛,共设24个比武项目,有186个单位参加。\n"
            "二、2017年工作安排\n1、新建职工书屋30家。\n")
    s = by_value(text, published="2021-09-22")  # the date a document site uploaded it
    assert s[24].year == 2016 and s[186].year == 2016
    assert s[30].year == 2017 and s[30].kind == "target"


def test_a_duration_in_months_after_ge_is_no_count():
    s = by_value("成功举办历时3个多月的职工技能运动会,共设28个比武项目。", published="2021-09-22")
    assert 3 not in s and 28 in s


def test_an_unnumbered_title_line_with_a_year_is_no_section_heading():
    text = ("市总工会召开2024年工作总结\n及2025年工作谋划务虚会\n12月27日,市总工会召开务虚会。\n"
            "2024年,全市实名制系统有会员205万人、工会组织11600个。\n")
    s = by_value(text, published="2024-12-28")
    assert s[2050000].year == 2024 and s[2050000].kind == "actual"


def test_session_numbers_in_the_opening_sentence_are_no_figures():
    text = ("2023年根据市总工会四届三次全委会议精神,某县总工会全力推进建会入会工作。"
            "今年,共建非公企业工会组织3个,发展会员64人。")
    s = by_value(text, published=None)
    assert s[64].year == 2023 and s[3].year == 2023


def test_what_remains_to_be_done_is_planned():
    s = by_value("目前已走访困难职工家庭18户,其余9户将于本周内完成走访。", published="2024-03-21")
    assert s[18].kind == "actual" and s[9].kind == "target"


def test_a_job_title_with_a_verb_inside_stays_whole():
    s = by_value("活动由3名权益保障专干和6名法律援助律师参加,向45名困难职工发放救助金。", published="2024-03-21")
    assert s[3].metric == "权益保障专干" and s[6].metric == "法律援助律师" and s[45].metric == "困难职工"
