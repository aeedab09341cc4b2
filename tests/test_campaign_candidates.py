"""Campaign candidates by shape and context, junk kept out, and one identity per campaign.

Every sentence here is written for these tests, in the style of union news; the names of
programmes are made up unless they are national ones (党建带工建, 安康杯, 五一劳动奖状 …).
"""
import pytest

from unionnlp.extractors.campaigns import canonical_name, find_campaigns, find_candidates
from unionnlp.extractors.campaigns.vocabulary import vocabulary
from unionnlp.extractors.campaigns.rules import rejection
from unionnlp.extractors.identity import campaign_id


def names(text):
    return [c.name for c in find_campaigns(text)]


def test_quoted_brand_names_of_local_services():
    text = ("县总工会在物流园区新建“青檐驿站”9个，打造“骑手暖巢”和“园区职工幸福小院”"
            "两个服务品牌，并开设“午间加油站”。")
    got = names(text)
    for n in ("青檐驿站", "骑手暖巢", "园区职工幸福小院", "午间加油站"):
        assert n in got


def test_unquoted_programmes_after_verbs_that_run_them():
    text = ("市总工会深入实施职工心灵护航工程，启动网约配送员暖途专项行动，"
            "同时开展走访慰问活动和技能竞赛。")
    got = names(text)
    assert "职工心灵护航工程" in got and "网约配送员暖途专项行动" in got
    # generic activities are not named programmes
    assert "走访慰问活动" not in got and "技能竞赛" not in got


def test_honours_named_by_award_verbs():
    text = "该镇被评为省职工文体先进镇。班组荣获二等奖，另有两家单位获评“金牌职工服务站”。"
    got = names(text)
    assert "省职工文体先进镇" in got and "金牌职工服务站" in got
    assert "二等奖" not in got


def test_a_competition_title_around_a_quoted_name_is_kept_beside_it():
    text = "1名职工荣获全国“安康杯”班组安全技能知识竞赛三等奖。"
    got = names(text)
    assert "全国“安康杯”班组安全技能知识竞赛" in got and "安康杯" in got
    for c in find_campaigns(text):
        assert text[c.start:c.end] == c.name


@pytest.mark.parametrize("text, junk", [
    ("驿站距离地铁口仅1公里，职工步行可达。", "1公里"),
    ("建成“1公里”户外劳动者服务圈。", "1公里"),
    ("推出“24小时不打烊”服务。", "24小时不打烊"),
    ("围绕“三个X”建设目标组织劳动竞赛。", "三个X"),
    ("本期开奖号码“0827”，请查收。", "0827"),
    ("重点推行“6”字服务法。", "6"),
    ("坚持“工业带动,开放兴湘”战略部署。", "工业带动,开放兴湘"),
    ("围绕“科技兴市、人才强市”目标建功立业。", "科技兴市、人才强市"),
    ("关注“临江工会”微信公众号。", "临江工会"),
    ("推动“社区党委、社区居委会、社区工会”三方联动。", "社区党委、社区居委会、社区工会"),
])
def test_junk_never_comes_out(text, junk):
    assert junk not in names(text)


def test_a_quoted_distance_is_joined_to_its_head_noun():
    text = "建成“1公里”户外劳动者服务圈。"
    assert names(text) == ["“1公里”户外劳动者服务圈"]


def test_numbered_codes_stay_whole():
    text = "全县推行“1+1+2+N”竞赛组织模式，并在园区落实2+3+N服务清单。"
    got = names(text)
    assert "1+1+2+N" in got and "2+3+N" in got
    assert not any(n.isdigit() for n in got)
    assert not {"1", "2", "2+N", "1+2+N", "3+N"} & set(got)


def test_every_mention_has_a_canonical_name_and_an_id():
    text = "区总工会推行“双联双帮”工作法，深化安康杯竞赛，获评全国五一劳动奖状。"
    found = find_campaigns(text)
    assert found
    for c in found:
        assert c.canonical and c.campaign_id == campaign_id(c.canonical)
    by = {c.name: c for c in found}
    assert by["全国五一劳动奖状"].canonical == "五一劳动奖状"


@pytest.mark.parametrize("variants, canonical", [
    (["党建带工建", "党建带动工建", "党建带工建、工建服务党建", "党建带动工建、工建服务党建",
      "党建带工建,工建促党建"], "党建带工建"),
    (["三创争两提升", "三创两争"], "三创争两提升"),
    (["冬送温暖", "元旦春节送温暖", "送温暖"], "送温暖"),
    (["全国五一劳动奖状", "江苏省五一劳动奖状", "五一劳动奖状"], "五一劳动奖状"),
    (["安康杯竞赛", "安康杯"], "安康杯"),
    (["中国梦·劳动美", "中国梦劳动美", "中国梦 劳动美", "中国梦·劳动美主题教育活动"], "中国梦·劳动美"),
])
def test_variants_resolve_to_one_identity(variants, canonical):
    ids = {campaign_id(canonical_name(v)) for v in variants}
    assert ids == {campaign_id(canonical)}


def test_a_list_of_activities_is_not_merged_into_its_first_item():
    assert canonical_name("送温暖、送文化、送法律") != "送温暖"


def test_short_form_in_the_same_text_shares_the_long_forms_identity():
    text = ("厂工会开展“争当技术尖兵,争做岗位能手,争创一流业绩”劳动竞赛。"
            "年底总结“争当技术尖兵,争做岗位能手”活动成效。")
    found = {c.name: c for c in find_campaigns(text)}
    long_ = found["争当技术尖兵,争做岗位能手,争创一流业绩"]
    short = found["争当技术尖兵,争做岗位能手"]
    assert long_.campaign_id is not None and long_.campaign_id == short.campaign_id


def test_candidates_carry_their_source_and_rules_say_why():
    text = "工会推出“星光驿站”，离家仅“3公里”，实施强基暖企行动，落实“2+1+N”。"
    cands = find_candidates(text, vocabulary())
    by = {(c.source, c.name) for c in cands}
    assert ("quoted", "星光驿站") in by and ("frame", "强基暖企行动") in by
    assert ("quoted", "2+1+N") in by
    measure = [c for c in cands if c.name == "3公里"][0]
    assert rejection(measure) == "measure"


def test_function_characters_inside_words_do_not_cut_a_name():
    # 及 in 普及 and 和 in 和谐 belong to words; 和 between two names still separates them
    got = names("组织职工参加全国职工劳动安全普及知识竞赛。县总工会深入实施劳动关系和谐共建行动。")
    assert "全国职工劳动安全普及知识竞赛" in got and "劳动关系和谐共建行动" in got
    assert names("开展送温暖和送清凉活动。") == ["送温暖", "送清凉"]


def test_an_honour_is_named_without_the_year_it_was_given():
    got = names("该驿站获评为全国2022年度最美工会驿站。")
    assert "最美工会驿站" in got
    assert not any(n.startswith(("为", "全国2022")) for n in got)


def test_a_programme_name_with_its_own_head_noun_keeps_it():
    c = find_campaigns("全面实施送温暖工程。")[0]
    assert (c.name, c.canonical) == ("送温暖工程", "送温暖")
