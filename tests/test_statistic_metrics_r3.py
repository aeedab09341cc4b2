"""Metric rules that hold across the genre (round 3; sentences written for these tests)."""
from conftest import checked_statistics


def by_value(text, **kw):
    kw.setdefault("published", "2023-06-01")
    return {s.value: s for s in checked_statistics(text, **kw)}


def test_listed_figures_share_the_noun_after_the_last_one():
    s = by_value("区总工会举办技能比武,分别有150名、96名选手获得二级、三级证书。")
    assert s[150].metric == s[96].metric == "选手"
    s = by_value("今年全县有4家和7家企业获评省级、市级和谐劳动关系企业。")
    assert s[4].metric == "企业"


def test_a_listed_rate_still_pairs_with_its_own_metric():
    s = by_value("全市工会组建率和职工入会率分别为93%、90%。")
    assert (s[93].metric, s[90].metric) == ("工会组建率", "职工入会率")


def test_a_year_between_the_measure_word_and_the_noun_is_skipped():
    s = by_value("区总工会发布了12项2023年职工服务实事项目。")
    assert s[12].metric not in (None, "发布") and "项目" in s[12].metric


def test_where_the_goods_go_is_not_part_of_the_metric():
    s = by_value("镇工会将3600元慰问金送到45名困难职工手中。")
    assert s[3600].metric == "慰问金"
    assert s[45].metric == "困难职工"


def test_an_adverb_after_the_noun_opens_the_predicate():
    s = by_value("2000份新春礼包精准送达一线职工家中。")
    assert s[2000].metric == "新春礼包"



def test_members_after_a_subgroups_count_belong_to_the_subgroup():
    text = ("截至2022年底,全县工会组织1800家,会员16万人,其中新就业形态劳动者工会组织120家,"
            "会员9000人。全县另有会员互助保障参保职工2万人。")
    s = by_value(text)
    assert s[160000].population is None
    assert s[9000].population == "新就业形态劳动者"
    assert s[9000].metric_id == s[160000].metric_id == "会员数"


def test_a_list_closed_by_deng_names_who_not_what():
    s = by_value("王强同志等8人被评为优秀工会积极分子。")
    assert "等" not in (s[8].metric or "") and "优秀工会积极分子" in s[8].metric


def test_a_list_document_is_not_what_is_counted():
    s = by_value("省总工会公布了24个职工书屋示范点名单。")
    assert s[24].metric == "职工书屋示范点"


def test_a_head_count_counts_the_people_not_what_they_receive():
    s = by_value("区总工会为38名困难职工发放救助金7.6万元。")
    assert s[38].metric == "困难职工"
    s = by_value("全市共有9名生活困难劳模申请帮扶资金。")
    assert s[9].metric == "生活困难劳模"
    s = by_value("15名职工代表参加了座谈。")
    assert s[15].metric == "职工代表"
