"""Organization rules that must hold on union pages nobody tuned on (issue 11): one test per
error type, each in sentences written for the test (invented names and places)."""
from unionnlp.extractors.organizations import find_organizations


def _canon(text, place=None):
    return {o.canonical for o in find_organizations(text, place=place)}


def test_deictic_level_names_the_article_division():
    # 我市 / 该县 + a body: the article's own division completes the name
    assert _canon("我市总工会日前召开全委会。", place="高邮市") == {"高邮市总工会"}
    assert "高邮市供电公司" in _canon("该市供电公司组织职工义务献血。", place="高邮市")


def test_autonomous_region_and_prefecture_abbreviations():
    got = _canon("今年，自治区总工会和自治区纺织服装产业工会联合举办技能大赛。",
                 place="新疆维吾尔自治区")
    assert got == {"新疆维吾尔自治区总工会", "新疆维吾尔自治区纺织服装产业工会"}
    assert _canon("自治区各级工会要加强协作。", place="新疆维吾尔自治区") == set()


def test_conjunction_glued_to_a_level_char_is_not_a_county():
    # 和县 is a county, but 县总工会和县教育局 is 县总工会 + 县教育局
    got = {o.name for o in find_organizations("县总工会和县教育局联合开展送教活动。")}
    assert got == {"县总工会", "县教育局"}


def test_township_and_street_bodies_the_gazetteer_lacks():
    assert "青石镇总工会" in _canon("近日，青石镇总工会举办农民工技能比赛。")
    assert "柳溪街道工会联合会" in _canon("柳溪街道工会联合会组织外卖骑手开展体检。")
    # a bare head after a generic or adjective body stays out
    assert _canon("各镇工会和优秀工会代表参加了会议。") == set()


def test_departments_whose_name_holds_he():
    got = {o.name for o in find_organizations("县人力资源和社会保障局牵头开展招聘。")}
    assert got == {"县人力资源和社会保障局"}
    got = {o.name for o in find_organizations("会同市住房和城乡建设局检查工地。")}
    assert got == {"市住房和城乡建设局"}


def test_brand_before_a_place_and_a_numbered_shop():
    got = {o.name for o in find_organizations("沃尔玛南昌八一店工会为员工送清凉。")}
    assert got == {"沃尔玛南昌八一店工会"}


def test_proper_name_before_a_weak_head():
    assert "腾讯工会" in _canon("腾讯工会举办亲子活动。")
    # a national word alone is no name
    assert _canon("建设中国特色工会。") == set()


def test_place_plus_bare_union_is_the_system_not_a_body():
    # the unions of a province or city as a system (their body is the 总工会)
    assert _canon("这是浙江省工会法律援助的试点。") == set()
    got = _canon("杭州市工会系统开展比武，杭州市总工会主办。")
    assert got == {"杭州市总工会"}


def test_generic_service_centre_is_not_a_body():
    assert _canon("社区卫生服务中心的医生上门体检。") == set()
    assert _canon("县职工服务中心为职工办理会员卡。", place="沈丘县") == {"沈丘县职工服务中心"}


def test_union_head_followed_by_zuzhi_is_the_verb():
    assert _canon("柳溪街道工会联合会组织快递员学习。") == {"柳溪街道工会联合会"}
    assert _canon("要加强工会组织建设。") == set()
