"""Place mentions, division resolution and the main locality (own sentences + seed texts)."""
import re

import pytest

from unionnlp.extractors.places import find_places, main_place, place_label, resolve_name


def _by_name(places):
    return {p.name: p for p in places}


def test_full_and_short_forms_resolve_with_codes():
    ps = _by_name(find_places("扬州的工会干部前往阜宁和沈丘交流经验。"))
    assert ps["扬州"].canonical == "江苏省扬州市" and ps["扬州"].adcode == "321000"
    assert ps["扬州"].level == "city" and ps["扬州"].parents == ["江苏省"]
    assert ps["阜宁"].canonical == "江苏省盐城市阜宁县" and ps["阜宁"].parents == ["江苏省", "盐城市"]
    assert ps["沈丘"].canonical == "河南省周口市沈丘县" and ps["沈丘"].level == "county"


def test_ethnic_autonomous_county_short_form_and_level_char():
    ps = _by_name(find_places("西宁市大通回族土族自治县总工会走访大通县一家企业。"))
    assert ps["大通回族土族自治县"].adcode == "630121"
    assert ps["大通县"].adcode == "630121"  # short form + 县 is one mention


def test_no_one_char_short_forms():
    assert all(d.short == "" or len(d.short) >= 2 for d in resolve_name("沙县"))
    assert not [p for p in find_places("沙发上放着一本书") if p.adcode]


def test_duplicate_names_resolved_by_context():
    a = [p for p in find_places("长春市召开会议，朝阳区工会作了发言。") if p.name == "朝阳区"]
    b = [p for p in find_places("北京市总工会表示，朝阳区工会作了发言。") if p.name == "朝阳区"]
    assert a[0].adcode == "220104" and b[0].adcode == "110105"


def test_chain_adjacency_resolves_duplicates():
    ps = find_places("辽宁省朝阳市朝阳县总工会")
    assert [p.adcode for p in ps if p.adcode] == ["210000", "211300", "211321"]


def test_person_name_not_a_place():
    ps = find_places("会上，严金昌同志作了发言，王扬州说。")
    assert not [p for p in ps if p.adcode]


def test_common_word_short_forms_need_context():
    # 资源 (资源县), 和平 (和平区), 东方 (东方市) are words first
    ps = find_places("整合各类资源，维护和平，东方红。")
    assert not [p for p in ps if p.adcode]
    assert not [p for p in find_places("人力资源县域经济") if p.adcode]


def test_zone_and_town():
    ps = _by_name(find_places("安徽五河经济开发区总工会和阜宁县益林镇工会"))
    z = ps["五河经济开发区"]
    assert z.level == "zone" and z.parents[-1] == "五河县" and z.canonical.startswith("安徽省蚌埠市")
    t = ps["益林镇"]
    assert t.level == "town" and t.parents == ["江苏省", "盐城市", "阜宁县"]


def test_offsets_point_into_text():
    text = "本报讯 扬州市总工会日前在高邮市召开会议。"
    for p in find_places(text):
        assert text[p.start:p.end] == p.name


def test_main_place_specific_and_label():
    text = ("本报讯 日前，扬州市总工会召开全市工会工作会议。扬州市委组织部有关负责人出席。"
            "邗江区、高邮市总工会作交流发言。扬州各级工会将继续推进工作。")
    mp = main_place(text, find_places(text))
    assert mp.adcode == "321000" and place_label(mp) == "扬州市" and mp.name == "扬州市"


def test_main_place_title_wins():
    text = "江苏省总工会召开会议。会议要求各地工会认真落实。"
    mp = main_place(text, find_places(text), title="沈丘县总工会推进产业工人队伍建设改革")
    assert place_label(mp) == "沈丘县"


def test_national_piece():
    text = ("全国总工会召开新闻发布会。全国各级工会组织职工参加活动，"
            "全国共有数万家企业参与，全国职工踊跃参赛。")
    mp = main_place(text, find_places(text))
    assert mp.canonical == "全国" and mp.level == "country" and mp.adcode == "000000"
    assert place_label(mp) == "全国"


def test_anonymised_place():
    text = "某县总工会2025年工作情况。某县聚焦产改目标，在县委领导下开展工作。"
    mp = main_place(text, find_places(text))
    assert mp.name == "某县" and mp.adcode is None


@pytest.mark.parametrize("text", ["", "   ", "\x00\ufffd", "。" * 1000, "a" * 100000])
def test_bad_input_never_crashes(text):
    ps = find_places(text)
    assert isinstance(ps, list)
    main_place(text, ps)


def _clean(raw):
    import opencc

    raw = re.sub(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ\s]{1,12}[)）]", "", raw)
    return opencc.OpenCC("t2s").convert(raw)


def test_seed_main_places(seed_texts):
    for key, label in (("000", "扬州市"), ("002", "阜宁县"), ("004", "沈丘县")):
        text = _clean(seed_texts[key])
        assert place_label(main_place(text, find_places(text))) == label, key


def test_bare_placeholder_letter_is_anonymised_place():
    ps = [p for p in find_places("努力走在X前列，年内培育示范企业XX户。") if p.name == "X"]
    assert len(ps) == 1 and ps[0].adcode is None


def test_build_resources_matches_repo_table(tmp_path):
    from unionnlp.extractors import places

    out = tmp_path / "divisions.csv"
    n = places.build_resources(out)
    assert n > 3000
    assert out.read_text(encoding="utf-8") == places.DIVISIONS_CSV.read_text(encoding="utf-8")
    towns = tmp_path / "towns.csv"
    assert towns.read_text(encoding="utf-8") == places.TOWNS_CSV.read_text(encoding="utf-8")


def test_short_form_glued_to_unrelated_place_is_a_name_part():
    ps = find_places("江苏省淮安市新安小学的少先队员")
    assert [p.name for p in ps if p.adcode] == ["江苏省", "淮安市"]


def test_supplemented_divisions_and_taiwan_generic_names():
    ps = _by_name(find_places("重庆市渝北区总工会"))
    assert ps["渝北区"].adcode == "500112" and ps["渝北区"].parents == ["重庆市"]
    assert not [p for p in find_places("城北区域和大社矿") if p.adcode]


def test_outlet_names_the_locality():
    text = "本报讯 近日，市总工会召开会议，部署全年工作。"
    mp = main_place(text, find_places(text), outlet="聊城日报")
    assert place_label(mp) == "聊城市"


def test_level_character_inside_a_word():
    ps = find_places("城北区域的扬州市民来到吉林省长春市")
    got = [(p.name, p.adcode) for p in ps if p.adcode]
    assert ("扬州", "321000") in got and ("吉林省", "220000") in got and ("长春市", "220100") in got
    assert not any(n.startswith("城北") for n, _ in got)


def test_surname_rule_spares_words_ending_in_a_surname_char():
    got = [p.canonical for p in find_places("建设平安扬州，刘长春说，李和平发言") if p.adcode]
    assert got == ["江苏省扬州市"]


def test_site_name_in_the_title_weighs_as_an_outlet():
    text = "本报讯 近日，沈丘县总工会召开全委会议，沈丘县各基层工会负责人参加。"
    mp = main_place(text, find_places(text), title="河南工人日报 | 首页")
    assert place_label(mp) == "沈丘县"


def test_beijing_dateline_of_a_national_piece_is_not_its_place():
    text = ("新华社北京3月2日电 全国总工会日前印发通知，要求全国各级工会做好困难职工帮扶，"
            "全国工会系统将开展专项督查。")
    assert main_place(text, find_places(text)).name == "全国"


def test_own_level_references_outweigh_national_honour_titles():
    text = ("本报讯 一年来，通榆县总工会在县委、县政府领导下开展工作。全县推荐全国劳模1人，"
            "1人获全国“安康杯”知识竞赛三等奖，全国优秀工会工作者1人。县总工会慰问困难职工。")
    assert place_label(main_place(text, find_places(text))) == "通榆县"


def test_provincial_union_as_source_of_a_county_story():
    text = "福建省总工会日前发文，南安市总工会的做法获推广。南安市总工会在全市推行。"
    assert place_label(main_place(text, find_places(text))) == "南安市"
    text = "福建省总工会召开全委会议，福建省总工会主席作报告。"
    assert place_label(main_place(text, find_places(text))) == "福建省"


def test_a_place_inside_a_campaign_name_counts_when_named_elsewhere_too():
    import unionnlp

    text = ("本报讯 由市总工会主办的“大国工匠潍坊行”活动首期举行。活动邀请来自上海市的焊接大师"
            "讲述技能成长经历。“大国工匠潍坊行”将走进更多企业，打造具有潍坊特色的技能品牌。")
    assert place_label(unionnlp.extract(text).place) == "潍坊市"
    # a place word only inside a campaign name (安康杯) names no locality
    rec = unionnlp.extract("本报讯 xx区总工会开展“安康杯”竞赛，xx区各企业踊跃参加“安康杯”。")
    assert rec.place.name == "xx区"


def test_the_district_named_in_the_text_beats_the_city_of_the_dateline_and_address():
    text = ("梧州新闻网讯 近日，万秀区总工会在城东街道举办招聘会。万秀区总工会为快递员送上清凉用品，"
            "万秀区将在全区建成一批户外劳动者服务站点。")
    mp = main_place(text, find_places(text), url="http://news.example.cn/wuzhou/0612.html")
    assert place_label(mp) == "万秀区"


def test_dateline_glued_to_the_text_and_in_the_title():
    text = "新华社北京6月3日电中华全国总工会日前印发通知，要求全国各级工会做好防暑降温工作。"
    assert main_place(text, find_places(text)).name == "全国"
    body = "中华全国总工会日前印发通知，要求全国各级工会做好防暑降温工作。"
    assert main_place(body, find_places(body), title=text[:12] + "全总部署防暑降温").name == "全国"
