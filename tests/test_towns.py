"""Towns, townships and streets in the gazetteer, and their part in the main place
(sentences written for these tests in the style of county union news)."""
from unionnlp.extractors.places import division, find_places, main_place, place_label


def _towns(text, **kw):
    return [p for p in find_places(text, **kw) if p.level == "town"]


def test_town_after_its_county_has_a_code_and_a_chain():
    (t,) = _towns("武清区王庆坨镇总工会组织自行车企业职工参加技能比武。")
    assert t.adcode == "120114114" and t.canonical == "天津市武清区王庆坨镇"
    assert t.parents == ["天津市", "武清区"]
    assert division(t.adcode).name == "王庆坨镇" and division(t.adcode).level == "town"


def test_ambiguous_town_needs_its_county_in_the_text():
    assert _towns("先锋镇工会联合会为农民工举办法律讲座。") == []  # five 先锋镇 in the country
    (t,) = _towns("江津区总工会指导下，先锋镇工会联合会为农民工举办法律讲座。")
    assert t.adcode.startswith("500116") and t.canonical == "重庆市江津区先锋镇"


def test_unique_town_name_stands_alone_but_common_words_do_not():
    (t,) = _towns("近日，黄家埠镇总工会走访慰问困难职工。")
    assert t.canonical.endswith("余姚市黄家埠镇")
    assert _towns("各地扎实推进乡村振兴，建设幸福乡村。") == []
    assert _towns("推进新型城镇化建设，城关镇面貌一新。") == []  # 城关镇: no county named


def test_short_form_counts_once_the_full_name_is_accepted():
    ts = _towns("长安区郭杜街道成立社区工会。郭杜的社区干部年轻有朝气。")
    assert [p.name for p in ts] == ["郭杜街道", "郭杜"]
    assert len({p.adcode for p in ts}) == 1
    assert _towns("郭杜的社区干部年轻有朝气。") == []


def test_a_county_inside_a_town_name_is_part_of_the_town():
    ps = find_places("东莞市长安镇总工会开展送清凉活动")
    assert [(p.name, p.level) for p in ps] == [("东莞市", "city"), ("长安镇", "town")]


def test_title_town_resolved_with_the_article_context():
    text = ("本报讯 近日，江津区先锋镇开展公益法律服务活动，江津区总工会派出律师到场。"
            "先锋镇工会联合会负责人介绍，全镇已有两千多名农民工入会。")
    title = "先锋镇：公益法律服务进工地"
    mp = main_place(text, find_places(text), title=title, outlet="江津网")
    assert mp.level == "town" and place_label(mp) == "先锋镇"


def test_main_place_is_the_street_the_story_is_about():
    text = ("本报讯 西安市长安区郭杜街道所辖社区全部建起工会组织。郭杜街道总工会按照长安区总工会"
            "的要求，在各社区推行工会工作例会制度，郭杜的社区工会各具特色。")
    mp = main_place(text, find_places(text), title="陕西工人报官方网站 | 陕工网首页")
    assert place_label(mp) == "郭杜街道" and mp.adcode == "610116002"


def test_a_town_calling_itself_our_town_is_named_by_its_short_name():
    (t,) = _towns("今年以来，我镇总工会扎实开展工作，为建设美丽王庆坨贡献力量。")
    assert t.canonical == "天津市武清区王庆坨镇" and t.name == "王庆坨"
    # without 我镇 / 本镇 / 全镇 the short name alone is not enough
    assert _towns("为建设美丽王庆坨贡献力量。") == []
    # a short name of two characters is a word first (城关, 新华)
    assert _towns("我镇工会干部到城关学习。") == []
    # the county named in the text must be the town's
    assert _towns("我镇位于扬州市，王庆坨的企业来交流。") == []
