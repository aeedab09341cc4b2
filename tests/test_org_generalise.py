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


def test_level_head_after_a_verb_stands_alone():
    got = _canon("这是贯彻市委、市政府部署的举措。", place="临沂市")
    assert got == {"临沂市委", "临沂市政府"}
    # 省市委 is plural; a place before the head keeps it
    assert _canon("学习省市委全会精神。", place="临沂市") == set()
    assert _canon("临沂市委召开会议。") == {"临沂市委"}


def test_place_plus_zong_keeps_the_places_written_before():
    got = find_organizations("曲靖麒麟区总开展送温暖活动")
    assert [o.canonical for o in got] == ["曲靖麒麟区总工会"]


def test_source_name_stops_before_page_metadata():
    got = _canon("信息来源:临沂融媒客户端发布时间:2024-01-02")
    assert "临沂融媒客户端" in got


def test_short_form_after_the_full_name_is_the_same_body():
    text = "天津建工控股公司工会召开职代会。会后，建工控股公司工会组织职工参观。"
    got = find_organizations(text)
    assert {o.canonical for o in got} == {"天津建工控股公司工会"}
    text = "成都云途飞驰网络科技有限公司重庆分公司工会邀请云途公司管理层与骑手恳谈。"
    got = {o.name: o.canonical for o in find_organizations(text)}
    assert got["云途公司"] == "成都云途飞驰网络科技有限公司重庆分公司"


def test_unit_written_right_after_its_company_is_one_name():
    got = {o.name for o in find_organizations("华北能源东岭集团西坡矿北风区工会开展春节慰问。")}
    assert "华北能源东岭集团西坡矿北风区工会" in got
    got = {o.name for o in find_organizations("西坡矿北风区工会积极组织义诊。")}
    assert got == {"西坡矿北风区工会"}


def test_deictic_union_system_is_no_body():
    assert _canon("本市工会系统开展送温暖活动。", place="天津市") == set()
    assert _canon("我省工会要发挥作用。", place="江苏省") == set()
    # the phrase jieba tags nrt (努力提高) is no name before a weak head
    assert _canon("努力提高工会联合会的自身建设。") == set()


def test_unit_named_again_without_its_parent_is_the_same_body():
    text = "华北能源东岭集团西坡矿北风区工会开展慰问。西坡矿北风区工会积极组织义诊。"
    assert _canon(text) == {"华北能源东岭集团西坡矿北风区工会"}


def test_the_law_is_no_body():
    assert _canon("深入学习中华人民共和国工会法。") == set()


def test_rare_character_opens_a_name_after_punctuation():
    got = {o.name for o in find_organizations("区总工会走访了岭南中学、笏山中心小学等地。")}
    assert "笏山中心小学" in got


def test_branch_with_a_shredded_name_after_a_bank():
    got = {o.name for o in find_organizations("驿站设在建设银行河前支行一楼。")}
    assert "建设银行河前支行" in got


def test_party_office_short_forms_and_rescue_teams():
    got = _canon("联合市委社工部、东川蓝天救援队开展送清凉。", place="荆门市")
    assert {"荆门市委社工部", "东川蓝天救援队"} <= got


def test_source_department_of_the_city_union():
    got = _canon("全市工会招募志愿者。\n来源:市总宣传部", place="荆门市")
    assert "荆门市总工会宣传部" in got


def test_brand_and_trade_words_before_a_weak_head():
    assert "京东物流工会" in _canon("京东物流工会为快递员送清凉。")
    assert "青禾机械工会" in _canon("青禾机械工会召开职代会。")
    assert _canon("优秀企业工会和先进单位工会受到表彰。") == set()


def test_department_short_names_and_offices_of_a_body():
    assert _canon("县住建局联合县总工会开展安全检查。", place="沈丘县") == {"沈丘县住建局", "沈丘县总工会"}
    got = _canon("记者从市政府新闻办举办的发布会获悉。", place="聊城市")
    assert got == {"聊城市政府新闻办"}


def test_level_character_after_a_verb_opens_an_abbreviation():
    got = _canon("联合县文联、县书协开展书法活动。", place="太和县")
    assert got == {"太和县文联", "太和县书协"}


def test_union_column_of_a_medium_is_no_union():
    assert _canon("稿件刊登在东丽资讯工会专刊上。") == set()


def test_offices_named_ban_and_employment_centres():
    got = _canon("县人社局联合县劳动就业中心开通服务窗口。", place="仙游县")
    assert got == {"仙游县人社局", "仙游县劳动就业中心"}
    assert "黄石市铁山区台办" in _canon("黄石市铁山区台办走访台资企业。")


def test_ordinals_inside_names():
    got = {o.name for o in find_organizations("株洲市第一人民医院工会和株洲市第三中学结对。")}
    assert got == {"株洲市第一人民医院工会", "株洲市第三中学"}
    assert _canon("他所在的企业组建了第一家企业工会。") == set()


def test_village_body_keeps_its_whole_place_chain():
    got = {o.name for o in find_organizations("湘潭县河口镇青竹村党支部组织党员学习。")}
    assert got == {"湘潭县河口镇青竹村党支部"}


def test_group_company_legal_form_after_a_bureau_name():
    got = {o.name for o in find_organizations("中铁九局集团有限公司工会开展劳动竞赛。")}
    assert got == {"中铁九局集团有限公司工会"}


def test_development_zone_bodies():
    assert "云溪示范区工会联合会" in _canon("云溪示范区工会联合会成立。")


def test_town_abbreviations_in_a_county_article_take_its_one_town():
    text = ("泰兴市黄桥镇总工会副主席介绍，在镇党委、政府的指导下，镇总工会联合行业协会"
            "推进集体协商。")
    got = {o.name: o.canonical for o in find_organizations(text, place="泰兴市")}
    assert got["镇总工会"] == "泰兴市黄桥镇总工会"
    assert got["镇党委"] == "黄桥镇党委"
    # two different towns: left as written
    text = "泰兴市黄桥镇总工会和泰兴市分界镇总工会交流。镇总工会表示将加强合作。"
    got = {o.name: o.canonical for o in find_organizations(text, place="泰兴市")}
    assert got["镇总工会"] == "镇总工会"
