"""Organization error types found on fresh union news pages (round 4, nobody tuned on them):
one test per type, in sentences written for the test (invented names and places)."""
from unionnlp.extractors.organizations import find_organizations


def _names(text, place=None):
    return {o.name for o in find_organizations(text, place=place)}


def _canon(text, place=None):
    return {o.canonical for o in find_organizations(text, place=place)}


def test_verb_glued_to_a_level_char_by_jieba():
    # 的有区 / 的有市: HMM glues 有 to the level character of the abbreviation
    assert _names("到场的有区总工会领导和企业代表。") == {"区总工会"}
    assert _names("出席的有市总工会负责人。") == {"市总工会"}


def test_count_before_a_unit_head_is_no_name():
    # 近千名 + 商场营业员: a count, not the name of a shop
    assert not any("名" in n for n in _names("慰问组看望了近千名商场营业员。"))


def test_bracketed_place_inside_a_company_name():
    got = _names("授予云杉(江西)新材料股份有限公司包装班组先进称号。")
    assert "云杉(江西)新材料股份有限公司" in got
    got = _names("走访了青柏(中国)有限公司的一线职工。")
    assert "青柏(中国)有限公司" in got


def test_group_abbreviation_before_a_place_in_a_company_name():
    # jieba's abbreviation (tag j) before a place: the group's brand (国电 + 怀安 + 热电)
    assert "国电怀安热电有限公司" in _names("表彰了国电怀安热电有限公司检修班。")


def test_bare_street_union_is_the_articles_street():
    got = find_organizations("榆林街道开展迎新春活动。街道总工会还走访了辖区快递网点。")
    assert [o.name for o in got if o.name.startswith("街道")] == ["街道总工会"]
    assert _names("该街道工会为环卫工人送去慰问品。") == {"街道工会"}


def test_street_in_a_list_or_after_a_determiner_is_a_class():
    assert _names("全区各街道工会都启动了送清凉活动。") == set()
    assert _names("乡镇街道工会要做好农民工入会工作。") == set()
    assert _names("组织各社区新时代文明实践站开展宣讲。") == set()


def test_government_commissions_by_short_names():
    got = _names("本次竞赛由市工信委、县经信委和市教委协办。")
    assert {"市工信委", "县经信委", "市教委"} <= got


def test_department_name_with_he():
    assert "市经济和信息化局" in _names("市经济和信息化局副局长参加调研。")


def test_stations_and_centres_of_named_units():
    got = _names("会上,柳岸街道综合文化站和桃源社区养老服务中心作了交流发言。")
    assert {"柳岸街道综合文化站", "桃源社区养老服务中心"} <= got
    assert "东湖街道环卫所" in _names("工会干部来到东湖街道环卫所走访一线职工。")
    assert "青州市救助管理站" in _names("青州市救助管理站接待室获评先进集体。")


def test_stations_and_centres_named_by_function_only_are_classes():
    # a venue named by its function alone is a kind of place, not a body
    assert _names("各地建成户外劳动者服务站两百多个。") == set()
    assert _names("职工文体活动中心每天开放到晚上九点。") == set()
    assert _names("他在加油站工作了十年。") == set()


def test_special_zone_is_a_town_word():
    # 特区, 管理区 …: a proper name before them is the place of a union the gazetteer lacks
    assert _names("在零工驿站,青峰山特区工会开展集中入会活动。") == {"青峰山特区工会"}


def test_branch_union_of_a_plant():
    assert "轧钢厂分工会" in _names("日前,轧钢厂分工会组织开展迎新春歌咏比赛。")


def test_function_word_glued_to_a_name_by_jieba():
    # 及 + 庆来 (unknown word): the function character is the boundary, not part of the name
    assert "乐宁学校工会" in _names("活动由集团工会主办,红石实业有限公司工会及乐宁学校工会协办。")


def test_branch_office_of_a_brand():
    assert "京东快递桃园营业部" in _names("工会干部来到京东快递桃园营业部慰问快递员。")
    assert _names("该营业部员工参加了培训。") == set()


def test_fen_that_ends_a_word_opens_no_branch_head():
    # 部分 + 工会干部: not a 分工会 named 街道部
    assert _names("市、区、街道部分工会干部参加了培训。") == set()
    assert "炼钢厂分工会" in _names("炼钢厂分工会举办拔河比赛。")


def test_womens_committee_written_in_full():
    assert "江大附院女工委员会" in _names("近日,江大附院女工委员会发出通知。")


def test_function_word_before_a_units_own_abbreviation():
    # ,经 + 院工会: not a body named 经院
    assert not any(n.startswith("经") for n in _names("经院工会、院女工委研究决定,举办系列活动。"))


def test_more_heads_seen_on_fresh_pages():
    assert "市卫计委" in _names("市卫计委机关妇委会开展系列活动。")
    assert "路桥公司柳江大桥项目部" in _names("路桥公司柳江大桥项目部组织女职工参加知识竞赛。")
    assert "江州市委党校" in _names("培训班邀请了江州市委党校教授授课。")
    assert "海峰集团工联" in _names("海峰集团工联一行到开发区参观学习。")


def test_adjective_noun_field_after_a_level_char_is_a_department():
    # 卫生 (jieba an) names the department's field: 市卫生局 is a body; 市优秀工会 is not
    assert "市卫生局" in _names("活动由市总工会和市卫生局联合主办。")
    assert _names("评选市优秀工会。") == set()


def test_health_commissions_and_safety_bureaus():
    got = _names("区应急管理局、区卫生健康委和县安全生产监督管理局共同承办。")
    assert {"区卫生健康委", "县安全生产监督管理局"} <= got
