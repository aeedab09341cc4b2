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
