"""Metrics named with their activity, bids inside a reported total, holiday names: sentences
written for these tests in the shape of district and county union news."""
from conftest import checked_statistics

PUB = "2022-03-15"


def by_value(text, **kw):
    kw.setdefault("published", PUB)
    return {s.value: s for s in checked_statistics(text, **kw)}


def test_an_activity_frame_names_the_figures_of_its_clause():
    s = by_value("区总工会持续开展“四季关爱”活动。金秋圆梦活动中为25名困难职工子女发放助学金6.5万元;"
                 "冬送温暖活动中为310人发放慰问金9万元。")
    assert s[65000].metric == "金秋圆梦发放助学金"
    assert s[90000].metric == "冬送温暖发放慰问金"
    assert s[310].metric.startswith("冬送温暖")


def test_an_activity_that_is_the_subject_names_the_sum():
    s = by_value("今年“两节”送温暖活动共筹集资金86万元,慰问困难职工430户。")
    assert s[860000].metric == "两节送温暖筹集资金"


def test_a_frame_followed_by_a_comma_opens_a_list_and_names_nothing():
    # the frame heads a long list of the whole sentence: its figures keep their own names
    s = by_value("两年来,全区工会系统在送温暖活动中,走访慰问困难职工1.2万人次,筹集慰问资金800万元。")
    assert s[12000].metric == "走访慰问困难职工"
    assert s[8000000].metric == "筹集慰问资金"


def test_a_metric_that_names_the_activity_already_is_kept():
    s = by_value("夏送清凉活动中为600名环卫工人送去价值2.4万元的清凉物资。")
    assert "夏送清凉" not in s[24000].metric or s[24000].metric.count("清凉") == 1


def test_generic_frames_name_no_activity():
    s = by_value("在各项活动中,共发放慰问金3万元。")
    assert s[30000].metric == "发放慰问金"


def test_participants_after_an_activity_count_name_the_activity():
    s = by_value("目前,已开展岗位练兵比武5场,参与职工260人次;开展安全知识竞赛3场,参与职工410人次。")
    assert s[260].metric == "岗位练兵比武参与职工"
    assert s[410].metric == "安全知识竞赛参与职工"


def test_a_bare_head_count_after_an_activity_counts_its_participants():
    s = by_value("组织开展读书分享主题活动 6 场 900 余人次。")
    assert s[900].metric.endswith("活动参与")


def test_the_activity_is_named_after_its_organizing_verb():
    s = by_value("以“匠心筑梦”为主题举办职工宣讲活动80余场次,参与职工1.5万余人次。")
    assert s[15000].metric == "职工宣讲活动参与职工"


def test_a_bid_inside_a_reported_total_was_obtained():
    s = by_value("今年共筹集送温暖资金120万元(其中争取省总工会慰问金100万元,县级配套20万元),"
                 "以每户2000元的标准慰问困难职工600户。")
    assert s[1000000].kind == "actual"
    assert s[200000].kind == "actual"
    assert s[600].kind == "actual"


def test_a_bid_on_its_own_is_still_a_plan():
    s = by_value("下半年,县总工会将争取上级帮扶资金40万元。")
    assert s[400000].kind == "target"


def test_holiday_names_are_not_numbers():
    s = by_value("五一期间,县总工会慰问一线职工300名。六一前夕,为职工子女送去图书200册。")
    assert set(s) == {300, 200}


def test_an_amount_per_head_keeps_its_heads():
    s = by_value("仪式上,区总工会向86名困难职工发放救助金共19万元,其中重病职工每人获得救助金4000元。")
    assert s[190000].metric == "发放救助金"
    assert s[4000].metric == "重病职工每人获得救助金"


def test_two_amounts_per_head_of_equal_value_are_two_facts():
    s = checked_statistics("活动现场,为新入学大学生每人发放助学金4000元。今后,市总工会还将分别资助每年每人4000元,"
                           "直至其完成学业。", published=PUB)
    assert len([x for x in s if x.value == 4000]) == 2


def test_a_financial_numeral_closing_a_word_does_not_swallow_the_number():
    # 伍 ends 队伍; 160 is a head count of its own
    s = by_value("全县有12支队伍150名队员参加拔河比赛。")
    assert s[150].unit == "名" and s[12].unit == "支"


def test_delegates_and_teams_are_counted_but_the_slogan_is_not():
    s = by_value("会议选举产生9名职工代表,共有24支代表队参加比赛。")
    assert 9 in s and 24 in s
    assert by_value("深入践行三个代表重要思想。") == {}


def test_participants_are_named_with_the_activity_their_sentence_organized():
    s = by_value("“五一”前夕,镇总工会成功举办“喜迎五一”职工拔河比赛,来自各村的18支代表队参加,参与职工达600余人。")
    assert s[600].metric == "职工拔河比赛参与职工"
    assert s[18].metric == "代表队"


def test_a_team_of_entrants_is_what_is_counted():
    s = by_value("各分公司共报名14个参赛队,参赛人数达140人。")
    assert s[14].metric == "参赛队"


def test_a_wire_dateline_with_its_full_date_dates_the_story():
    text = ("某某网江西某县2016年5月3日电(记者 王明)为丰富职工生活,县总工会举办了职工运动会。\n"
            "此次运动会有600多人参加,设8个比赛项目。")
    s = {x.value: x for x in checked_statistics(text)}
    assert s[600].year == 2016 and s[8].year == 2016


def test_a_relative_clause_after_the_count_leaves_the_noun_counted():
    s = by_value("闭幕式上,县总工会为14个获得优秀组织奖的单位及56名获得一、二等奖的运动员颁发了奖品。")
    assert s[14].metric == "单位"
    assert s[56].metric.startswith("运动员")


def test_items_received_by_people_are_not_the_people():
    s = by_value("驿站累计汇集物品3.2万件,其中2.1万件被有需要的职工领取。")
    assert s[21000].metric != "职工"
