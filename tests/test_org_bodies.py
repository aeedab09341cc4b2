"""Bodies without a union suffix, boundaries of long unit names, media, and one identity per
body (sentences written for these tests in the style of union news)."""
from unionnlp.extractors.organizations import find_organizations


def _by_name(orgs):
    return {o.name: o for o in orgs}


def test_one_identity_per_body_with_code_and_parent():
    text = "四川自贡市总工会召开全委会。会上，自贡市总工会负责人介绍了帮扶工作。"
    orgs = find_organizations(text, place="自贡市")
    ids = {o.org_id for o in orgs}
    assert ids == {"510300:自贡市总工会"}
    assert {o.canonical for o in orgs} == {"四川自贡市总工会"}
    assert all(o.adcode == "510300" and o.parent == "四川省总工会" for o in orgs)


def test_union_hierarchy_from_town_to_the_national_union():
    text = "余姚市黄家埠镇总工会、宁波市总工会和浙江省总工会联合开展送温暖活动。"
    got = {o.canonical: (o.adcode, o.parent) for o in find_organizations(text)}
    assert got["余姚市黄家埠镇总工会"] == ("330281101", "余姚市总工会")
    assert got["宁波市总工会"] == ("330200", "浙江省总工会")
    assert got["浙江省总工会"] == ("330000", "中华全国总工会")


def test_abbreviation_completed_from_a_town_place():
    from unionnlp.extractors.places import find_places, main_place

    text = "本报讯 近日，武清区王庆坨镇总工会走访企业。镇总工会负责人说，全镇将新建职工之家。"
    mp = main_place(text, find_places(text))
    assert mp.level == "town"
    orgs = find_organizations(text, place=mp)
    assert {o.canonical for o in orgs} == {"武清区王庆坨镇总工会"}


def test_company_branch_and_its_union_are_one_name():
    text = "近日，江南云帆物流科技有限公司杭州分公司工会组织召开职工代表大会。"
    (o,) = find_organizations(text)
    assert o.name == "江南云帆物流科技有限公司杭州分公司工会" and o.kind == "union"


def test_company_suffix_after_a_group_extends_it():
    (o,) = find_organizations("焊接大师来自东海重型造船集团有限公司。")
    assert o.name == "东海重型造船集团有限公司" and o.kind == "enterprise"


def test_verb_before_a_company_is_not_part_of_it():
    names = [o.name for o in find_organizations("区总工会联合青松能源有限公司工会开展慰问。")]
    assert "青松能源有限公司工会" in names


def test_names_listed_before_a_shared_head():
    text = "活动邀请来自明德、正源、信和等3家律师事务所的律师现场答疑。"
    got = {o.canonical for o in find_organizations(text)}
    assert {"明德律师事务所", "正源律师事务所", "信和律师事务所"} <= got
    assert not any(c.startswith("来自") for c in got)


def test_offices_service_units_and_party_departments():
    text = ("市委社会工作部、市信访办和自贡市总工会困难职工帮扶中心联合举办座谈会，"
            "太和县书协会员现场书写春联。")
    got = {o.canonical: o.kind for o in find_organizations(text, place="自贡市")}
    assert got.get("自贡市委社会工作部") == "party"
    assert got.get("自贡市总工会困难职工帮扶中心") == "union"
    assert got.get("太和县书协") == "social"


def test_media_from_source_lines_outlet_and_headline():
    text = "记者 王某\n来源:东海网-东海日报 2024年3月1日\n近日，临江市总工会召开会议。"
    names = {o.canonical: o.kind for o in find_organizations(text, place="临江市")}
    assert names.get("东海日报") == "media"
    orgs = find_organizations("近日，市总工会召开会议。", place="临江市",
                              title="临江市总工会召开全委会", outlet="临江日报")
    got = {o.canonical: o for o in orgs}
    assert got["临江日报"].kind == "media" and got["临江日报"].start is None
    assert "临江市总工会" in got


def test_union_organised_an_event_is_a_named_union():
    (o,) = find_organizations("青松能源有限公司工会组织召开职工代表大会。")
    assert o.name == "青松能源有限公司工会"
    assert find_organizations("要加强工会组织建设。") == []


def test_town_abbreviations_and_districts_are_not_regions():
    orgs = find_organizations("镇工会联合会与区人社局开展维权服务，镇街工会负责人参加。",
                              place="江津区先锋镇")
    got = {o.name: o.canonical for o in orgs}
    assert got["镇工会联合会"] == "先锋镇工会联合会"
    assert got["区人社局"] == "江津区人社局"
    assert "镇街工会" not in got
    orgs = find_organizations("区总工会走访企业。", place="梧州市")  # a city: 区 is unknown
    assert [o.canonical for o in orgs] == ["区总工会"]
