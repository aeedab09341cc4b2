"""Organization types found on fresh pages in round 6b (issue 11, second organizations round);
the sentences are written for the tests, in the shape of the real ones."""
from unionnlp.extractors.organizations import find_organizations


def _names(text, place=None):
    return {o.name for o in find_organizations(text, place=place)}


def _canon(text, place=None):
    return {o.canonical or o.name for o in find_organizations(text, place=place)}


def test_places_written_before_a_snapped_place_stay_in_the_name():
    got = _names("代表们出席了湖州市吴兴区网约送餐员联合工会成立大会。")
    assert "湖州市吴兴区网约送餐员联合工会" in got


def test_union_followed_by_strength_is_no_name():
    assert _names("大家表示要为全县经济社会高质量发展贡献工会力量。") == set()


def test_level_word_item_after_a_placed_union_is_its_own_abbreviation():
    got = _canon("活动由内蒙古自治区总工会、自治区人力资源和社会保障厅共同主办。", place="内蒙古自治区")
    assert "内蒙古自治区人力资源和社会保障厅" in got
    assert not any(n.startswith("内蒙古自治区自治区") for n in got)


def test_a_found_firm_vouches_for_a_list_of_short_firm_names():
    got = _names("慰问组先后看望了青松纺织公司、瑞成新材料等6家企业的职工。")
    assert {"青松纺织公司", "瑞成新材料"} <= got
    assert _names("江苏、浙江等地企业参加了洽谈。") == set()


def test_federations_named_zonghui_and_union_teams_named_tuan():
    assert "海州市体育总会" in _names("海州市体育总会秘书长出席开幕式。")
    assert "海州市工会心理辅导团" in _names("海州市工会心理辅导团走进企业开展讲座。")
    assert "市总工会劳模宣讲团" in _names("市总工会劳模宣讲团来到车间。")
    assert _names("一支劳模宣讲团来到车间。") == set()


def test_bare_departments_listed_after_an_abbreviation_share_its_level():
    got = {(o.name, o.canonical) for o in find_organizations(
        "比赛由市总工会主办,市人社局、科技局、工信委协办。", place="鹤岗市")}
    assert ("科技局", "鹤岗市科技局") in got and ("工信委", "鹤岗市工信委") in got
    got = _canon("县政府办、人社局、教育局负责人到会。")
    assert {"县政府办", "县人社局", "县教育局"} <= got
    # an item with its own proper name, or a bare weak head, shares nothing
    got = _canon("区残联、石门岭司法所负责人到会。")
    assert "区石门岭司法所" not in got
    assert "县工会" not in _canon("县人社局、县总工会、工会干部参加培训。")


def test_government_office_written_short_and_not_the_verb():
    assert "县政府办" in _names("县政府办负责人出席。")
    assert "市政府办公室" in _names("市政府办公室获优秀组织奖。")
    got = _names("县政府办实事项目全部完成。")
    assert "县政府办" not in got


def test_bare_department_in_a_county_article_is_the_countys():
    got = _canon("安远县召开教师节座谈会。副县长、政府办副主任出席,教育局工会主席讲话。",
                 place="安远县")
    assert {"安远县政府办", "安远县教育局工会"} <= got


def test_association_branch_and_union_lawyers_team():
    assert "青州技师协会服装技师分会" in _names("青州技师协会服装技师分会会长出席。")
    assert "县总工会律师团" in _names("县总工会律师团为职工提供咨询。")
    assert _names("互检组考察了职工书屋、困难职工爱心超市等设施。") == set()


def test_two_outlets_in_one_byline_and_a_mediums_platform():
    got = _names("本网讯(东江晚报东江网记者 李某)5月3日,市总工会举办比赛。")
    assert {"东江晚报", "东江网"} <= got and "东江晚报东江网" not in got
    got = _names("东江晚报全媒体平台消息(记者 李某)5月3日,授牌仪式举行。")
    assert not any(n.endswith("平台") for n in got)
    assert "北京日报" in _names("北京日报客户端记者报道。")


def test_separators_times_and_enumerators_before_a_head_open_no_name():
    got = _names("供稿丨青山区总工会 宣教部")
    assert "青山区总工会" in got and not any("丨" in n for n in got)
    assert not any(n.startswith("点") for n in _names("下午3点区总工会在社区举办活动。"))
    assert _names("一是医院要加强管理,二是医院要弘扬医院文化。") == set()


def test_a_head_before_a_road_word_names_a_street():
    assert not any(n.endswith("大学") for n in _names("活动在青州市大学西路88号举行。"))


def test_department_words_are_not_ministries():
    assert _names("此事已引起教育部门和宣传部门的重视。") == set()


def test_digit_outlets_troupes_and_an_outlets_own_piece():
    assert "51网" in _names("51网讯(记者 李某)3月2日,街道总工会开展活动。")
    assert "东湖区歌舞剧团" in _names("东湖区歌舞剧团带来了精彩节目。")
    got = {o.canonical for o in find_organizations("县总工会开展活动。", outlet="天山网原创")}
    assert "天山网" in got and "天山网原创" not in got


def test_a_unions_departments_written_after_it():
    got = _names("按照《中华全国总工会办公厅关于做好慰问工作的通知》,省总工会权益保障部负责人参加。")
    assert {"中华全国总工会办公厅", "省总工会权益保障部"} <= got
    assert "办公厅" not in got
    assert "省政府办公厅" in _names("省政府办公厅印发通知。")


def test_worker_service_stations_are_facilities():
    got = _names("慰问组来到中铁某局青川大桥农民工服务驿站。")
    assert not any(n.endswith("驿站") for n in got)


def test_a_bank_branch_named_by_its_short_bank_keeps_its_union():
    assert "工行青州分行工会" in _names("近日工行青州分行工会主席走访了困难员工。")


def test_a_unions_staff_and_a_festival_before_a_name():
    got = _names("日前,青州经开区总工会工作人员组成慰问组。")
    assert "青州经开区总工会" in got
    assert _names("工会工作人员要提高服务本领。") == set()
    got = _names("5.12护士节青州三院工会慰问一线护士。")
    assert "青州三院工会" in got and not any(n.startswith("护士节") for n in got)


def test_a_listed_item_with_its_own_proper_name_takes_no_place():
    got = _canon("东湖区总工会、百灵鸟盲友艺术团等六家单位获优秀组织奖。")
    assert not any(n.startswith("东湖区百灵鸟") for n in got)
    got = _canon("桐城市人社局、总工会、妇联负责人参加。")
    assert {"桐城市总工会", "桐城市妇联"} <= got


def test_deployment_is_no_department_and_a_byline_tail_is_no_outlet():
    got = _names("根据省总工会职工疗休养工作部署,市总工会组织劳模疗休养。")
    assert not any(n.endswith("工作部") for n in got)
    assert "市委组织部" in _names("市委组织部部长出席。")
    got = _names("(通讯员 王某某 江苏工人报记者 李某)")
    assert got == {"江苏工人报"}


def test_committee_and_government_written_together():
    got = _canon("表达县委政府对一线职工的关爱。", place="安远县")
    assert {"安远县委", "安远县政府"} <= got


def test_paired_levels_before_a_bare_union_are_a_plural():
    assert _names("各盟市工会、旗县工会设立分会场。", place="呼和浩特市") == set()
    assert "市总工会" in _names("市总工会主席出席。", place="呼和浩特市")


def test_municipal_is_a_word_and_one_character_heads_are_not_shared():
    got = {(o.name, o.canonical) for o in find_organizations(
        "市政公司与市科经局开展活动,市政府、市政协负责人参加。", place="桐城市")}
    assert ("市政公司", "市政公司") in got
    assert ("市政府", "桐城市政府") in got and ("市政协", "桐城市政协") in got
    got = _names("铁力市、乌翠区、汤旺县、铁力局公司等地工会开展活动。")
    assert not any(n in got for n in ("铁力市局", "乌翠区局", "汤旺县局"))
