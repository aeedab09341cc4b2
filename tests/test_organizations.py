"""Organization names, kinds, abbreviations and coordination (own sentences + seed texts)."""
import re

import pytest

from unionnlp.extractors.organizations import expand_abbreviation, find_organizations, org_kind
from unionnlp.extractors.places import find_places, main_place


def _canon(text, **kw):
    return {o.canonical: o for o in find_organizations(text, **kw)}


def test_full_names_with_place_prefix_and_kinds():
    text = ("日前，扬州市总工会联合扬州市委组织部走进江苏亚威机床股份有限公司，"
            "内蒙古自治区呼和浩特市总工会有关负责人随同调研。")
    got = _canon(text)
    assert got["扬州市总工会"].kind == "union"
    assert got["扬州市委组织部"].kind == "party"
    assert got["江苏亚威机床股份有限公司"].kind == "enterprise"
    assert got["内蒙古自治区呼和浩特市总工会"].place == "内蒙古自治区呼和浩特市"
    assert "呼和浩特市总工会" not in got


def test_zone_and_cluster_names():
    got = _canon("安徽五河经济开发区总工会成立后，阜宁县滤料产业集群党委和工会联合会同步组建。")
    assert "安徽五河经济开发区总工会" in got
    assert got["阜宁县滤料产业集群党委"].kind == "party"
    assert got["阜宁县滤料产业集群工会联合会"].kind == "union"


def test_media_kinds():
    text = "(宝鸡新闻网 记者 李明)据工人日报报道，新华社和江苏工人报也刊发了消息。"
    got = _canon(text)
    for name in ("宝鸡新闻网", "工人日报", "新华社", "江苏工人报"):
        assert got[name].kind == "media", name


def test_abbreviations_expanded_with_place():
    text = "市总工会与市委组织部联合发文，市总要求各级工会落实。省总、全总也作出部署。"
    got = find_organizations(text, place="扬州市")
    canon = {o.canonical for o in got}
    assert {"扬州市总工会", "扬州市委组织部", "江苏省总工会", "全国总工会"} <= canon
    assert {o.name for o in got} >= {"市总工会", "市总", "省总", "全总"}
    county = {o.canonical for o in find_organizations("县委高度重视，县总工会积极作为。",
                                                      place="沈丘县")}
    assert {"沈丘县委", "沈丘县总工会"} <= county


def test_abbreviation_kept_when_place_unknown():
    got = {o.canonical for o in find_organizations("在县委的领导和市总工会的指导下")}
    assert {"县委", "市总工会"} <= got


def test_expand_abbreviation_helper():
    assert expand_abbreviation("市总工会", "江苏省扬州市") == "扬州市总工会"
    assert expand_abbreviation("省总", "山西省大同市") == "山西省总工会"
    assert expand_abbreviation("全总", None) == "全国总工会"
    assert expand_abbreviation("县委", "扬州市") is None


def test_coordinated_names_split():
    got = {o.canonical for o in find_organizations("长寿区、垫江县总工会联合举办培训班。")}
    assert {"长寿区总工会", "垫江县总工会"} <= got
    got = {o.canonical for o in find_organizations("省、市总工会领导出席。", place="扬州市")}
    assert {"江苏省总工会", "扬州市总工会"} <= got


def test_generic_groups_and_places_excluded():
    text = ("各级工会要发挥作用，基层工会、企业工会和县直各单位积极参与，"
            "非公企业纷纷响应。扬州市召开会议，优秀工会获表彰。")
    assert find_organizations(text) == []


def test_left_boundary_stops_at_verbs_and_names():
    got = {o.canonical for o in find_organizations(
        "与会人员先后来到眉县天龙房地产开发有限公司参观，会长王某青海省政协委员发言。")}
    assert "眉县天龙房地产开发有限公司" in got
    assert not any(n.startswith(("来到", "先后", "王某")) for n in got)


def test_company_internal_union_recorded_once():
    got = {o.canonical for o in find_organizations("扬州华鼎电器有限公司工会开展活动。")}
    assert got == {"扬州华鼎电器有限公司工会"}


def test_org_kind_lookup():
    assert org_kind("沈丘县人民医院") == "other"
    assert org_kind("扬州大学") == "school"
    assert org_kind("新华社") == "media"


@pytest.mark.parametrize("text", ["", "工会", "总工会总工会", "\ufffd" * 50, "公司" * 5000])
def test_bad_input_never_crashes(text):
    assert isinstance(find_organizations(text), list)


def _clean(raw):
    import opencc

    raw = re.sub(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ\s]{1,12}[)）]", "", raw)
    return opencc.OpenCC("t2s").convert(raw)


def test_seed_organizations(seed_texts):
    text = _clean(seed_texts["000"])
    ps = find_places(text)
    canon = {o.canonical for o in find_organizations(text, place=main_place(text, ps), places=ps)}
    assert "扬州市总工会" in canon
    text = _clean(seed_texts["002"])
    ps = find_places(text)
    canon = {o.canonical for o in find_organizations(text, place=main_place(text, ps), places=ps)}
    assert "阜宁县滤料产业集群党委" in canon


def test_lac_pass_repairs_boundaries_without_overlaps():
    # behaviour change (issue 11): the accurate mode merges rule names LAC reads as one
    text = "扬州市总工会联合扬州大学附属医院和中国银行扬州分行开展义诊活动。"
    both = find_organizations(text, backend="rules+lac")
    assert find_organizations(text, mode="accurate") == both
    spans = [(o.start, o.end) for o in both]
    assert all(not (a < d and c < b) for i, (a, b) in enumerate(spans)
               for (c, d) in spans[i + 1:])
    assert "扬州大学附属医院" in [o.name for o in both]


def test_hanlp_backend_raises_clear_error_when_unavailable():
    from unionnlp.extractors.hanlp_backend import HanLPTagger, HanLPUnavailable

    try:
        HanLPTagger()
    except HanLPUnavailable as exc:
        assert isinstance(exc, RuntimeError) and "hanlp" in str(exc).lower()
    else:  # hanlp and its model are installed locally: it must tag something
        assert HanLPTagger().organizations("扬州市总工会召开会议。")


def test_places_inside_fixed_names_are_not_their_place():
    got = {o.canonical: o for o in find_organizations("新华社消息，安徽工人日报报道。")}
    assert got["新华社"].place is None and got["新华社"].kind == "media"
    assert got["安徽工人日报"].place == "安徽省"


def test_shared_head_in_coordination():
    got = {o.canonical: o for o in find_organizations("成立沈丘县快递行业党委和工会联合会。")}
    assert got["沈丘县快递行业工会联合会"].place == "河南省周口市沈丘县"


def test_categories_and_words_are_not_abbreviations():
    text = "市场工会工作者、村级灵活就业人员联合工会和跨国公司"
    assert find_organizations(text, place="扬州市") == []
