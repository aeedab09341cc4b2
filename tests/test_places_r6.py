"""Place mentions that are pieces of other words (sentences written for these tests)."""
from unionnlp.extractors.places import find_places


def _names(text):
    return [p.name for p in find_places(text) if p.adcode]


def test_new_members_is_not_a_district():
    # 新会员 (new members) holds 新会 (a district of 江门) but names no place
    assert _names("街道总工会年内发展新会员320人,并为新会员发放会员卡。") == []
    assert _names("新会区总工会召开全委会。") == ["新会区"]


def test_village_named_like_a_county_is_not_the_county():
    # a village 石门村 in some town is not 石门县 of 常德
    assert "石门" not in _names("镇工会走进石门村,为村里的务工人员讲解入会手续。")
    assert _names("石门县总工会开展送温暖活动。") == ["石门县"]


def test_a_page_without_any_locality_but_one_national_figure_is_national():
    import unionnlp
    text = ("据统计,截至去年底,全国已建职工书屋6.2万家,服务职工3000余万人次。"
            "全国总工会将继续推进职工书屋建设,全国总工会有关负责人表示,要让更多职工受益。")
    assert unionnlp.extract(text).place.name == "全国"
    # a local page that names 全国 once stays local
    local = "扬州市总工会今年新建职工书屋60家,其中3家获评全国示范点。"
    assert unionnlp.extract(local).place.name != "全国"


def test_a_page_about_one_town_of_a_common_name_keeps_its_name():
    import unionnlp
    text = ("东风镇开展困难职工慰问活动\n7月17日,东风镇工会组织开展送温暖活动,对全镇环卫工人进行慰问。"
            "据悉,东风镇工会此次共慰问困难职工60人。")
    p = unionnlp.extract(text).place
    assert p.name == "东风镇" and p.adcode is None
    # named once among other places: no guess
    other = "市总工会负责人到东风镇调研,并召开座谈会。"
    assert (unionnlp.extract(other).place or None) is None or unionnlp.extract(other).place.name != "东风镇"


def test_a_shared_town_name_in_the_headline_names_the_page():
    import unionnlp
    text = ("东风镇工会2022年上半年工作总结\n一、上半年主要工作\n1、走访慰问困难职工12户,发放慰问金1.2万元。\n"
            "2、完成了6个村工会换届选举工作。")
    p = unionnlp.extract(text).place
    assert p is not None and p.name == "东风镇"


def test_a_headline_with_the_national_federation_as_subject_is_national():
    import unionnlp
    t = ("全国总工会部署职工书屋建设\n本报北京3月2日电 全国总工会日前印发通知,要求各地工会新建职工书屋。"
         "南京、苏州、杭州、宁波等地已开展试点,南京市总工会已建成书屋200家。")
    assert unionnlp.extract(t).place.name == "全国"
    # a visit of the federation's leaders to a city stays local
    t2 = ("全国总工会领导到宁夏吴忠市调研\n本报讯 日前,全国总工会领导到吴忠市调研产业工人队伍建设改革,"
          "先后走访吴忠市总工会和利通区3家企业。")
    assert unionnlp.extract(t2).place.name == "吴忠市"


def test_an_anonymised_street_names_a_page_without_other_places():
    import unionnlp
    t = "**街道总工会成立暨第一次代表大会召开。**街道总工会今年发展新会员420人。"
    assert unionnlp.extract(t).place.name == "**街道"
    # beside a real division it does not take over
    assert unionnlp.extract("扬州市总工会今年在某镇发展会员300人。").place.name == "扬州市"


def test_our_country_marks_a_national_piece_without_localities():
    import unionnlp
    t = ("据悉,目前我国共有280多万个基层工会组织、近3亿会员。全国总工会高度重视户外劳动者服务站点工作,"
         "已建站点近9.6万个。")
    assert unionnlp.extract(t).place.name == "全国"
    local = ("扬州市总工会召开全委会。会议指出,我国经济持续恢复,扬州市各级工会要发挥作用。"
             "今年扬州市新建工会驿站60个。")
    assert unionnlp.extract(local).place.name == "扬州市"


def test_city_written_before_its_district_that_starts_with_shi():
    # 青岛市南区 is 青岛 + 市南区 (not 青岛市 + a 南区 elsewhere); likewise 济南市中区
    ps = [(p.name, p.adcode) for p in find_places("青岛市南区总工会为新就业形态劳动者送去清凉。") if p.adcode]
    assert ps == [("青岛", "370200"), ("市南区", "370202")]
    ps = [p.name for p in find_places("济南市中区举办职工运动会,市中区各街道工会参赛。") if p.adcode]
    assert ps == ["济南", "市中区", "市中区"]
    # the city on its own keeps its full name
    assert _names("青岛市总工会召开全委会。") == ["青岛市"]


def test_a_district_name_shared_by_two_cities_without_context_is_the_municipality_s():
    # 宝山区 of 上海 and of 双鸭山: with nothing else named, the municipality's district
    p = find_places("宝山区总工会为一线职工举办法律知识讲座。")[0]
    assert p.canonical == "上海市宝山区"
    # context still decides
    p = [x for x in find_places("双鸭山市宝山区总工会开展送温暖活动。") if x.name == "宝山区"][0]
    assert p.canonical == "黑龙江省双鸭山市宝山区"


def test_a_town_several_counties_share_wins_over_its_own_short_form_and_a_stray_word():
    import unionnlp
    # 鼓楼街道 (many counties have one) and 鼓楼 alone: the town, not a 鼓楼区 far away
    text = ("鼓楼街道总工会举办职工趣味运动会\n5月8日,鼓楼街道总工会在街道文体中心举办趣味运动会。"
            "街道总工会主席表示,要把鼓楼职工的热情带到鼓楼发展的各项工作中。")
    p = unionnlp.extract(text).place
    assert p.name == "鼓楼街道" and p.adcode is None
    # a county's short form that is an ordinary word (友谊) does not beat the town
    text2 = ("西门街道工会开展端午活动\n6月1日,西门街道机关工会组织职工包粽子。"
             "西门街道工会负责人说,活动增进了职工之间的友谊。")
    p = unionnlp.extract(text2).place
    assert p.name == "西门街道"
    # the town's county named in full: the town resolves as before
    p = unionnlp.extract("宁波市海曙区鼓楼街道总工会举办职工运动会。").place
    assert p.canonical.endswith("海曙区鼓楼街道")


def test_a_site_name_taken_for_the_title_weighs_as_the_outlet():
    import unionnlp
    # the first line is the site's name (a 济南 portal) and the dateline repeats it; the story
    # is about 乐陵 (a county-level city of 德州), as its headline says
    text = ("济南热线\n\n>乐陵工会举办职工书法展\n\n济南热线讯 近日,乐陵市总工会举办职工书法展,"
            "市总工会组织各基层工会选送作品120幅。")
    rec = unionnlp.extract(text, title="济南热线")
    assert rec.place.name.startswith("乐陵")
    # a real headline as the title is still the topic
    rec = unionnlp.extract("济南市总工会举办职工书法展,各区县工会选送作品。", title="济南举办职工书法展")
    assert rec.place.name.startswith("济南")


def test_a_county_short_form_that_opens_a_community_name_is_the_community():
    import unionnlp
    # 龙井社区 in a district of 成都 is a community, not 龙井市 of 延边
    assert _names("武侯区簇桥街道龙井社区工会驿站为环卫工人提供热饭服务。") == ["武侯区", "簇桥街道"]
    p = unionnlp.extract("武侯区簇桥街道龙井社区工会驿站开展元旦观影活动,龙井社区工会联合会"
                         "为户外劳动者送上慰问品。").place
    assert p.name != "龙井" and "龙井市" not in (p.canonical or "")
    # with its own parents named the short form is still the county
    assert "龙井" in _names("延边州龙井社区工作会议召开。")


def test_a_district_union_visiting_its_towns_is_about_the_district():
    import unionnlp
    # 区总工会 (its own district, unnamed) visits two towns; the page is the district's
    text = ("春节前夕,区总工会赴南日镇、东庄镇等地开展送温暖活动。区总工会为一线职工送上慰问品,"
            "区总工会还联合镇总工会开展义诊。下一步,区总工会将持续关爱户外劳动者。")
    p = unionnlp.extract(text).place
    assert p.level == "county" and p.name == "秀屿区"
    # a town's own page (镇总工会) stays the town's
    p = unionnlp.extract("南日镇总工会开展送温暖活动,镇总工会为一线职工送上慰问品。").place
    assert p.name == "南日镇"


def test_a_city_s_pinyin_glued_to_a_newspaper_mark_in_the_url():
    import unionnlp
    from unionnlp.extractors.places.gazetteer import url_places, division
    assert [division(c).name for c in url_places("https://www.yangzhounews.cn/a/1.html")] == ["扬州市"]
    # a province's paper is no district's (hebeinews: not 天津河北区)
    assert url_places("https://www.hebeinews.cn/a/1.html") == []
    # a page that names no locality but speaks of its own city: the URL's city
    text = "本报讯 春节期间,市总工会在全市开展送温暖活动,市总工会已向困难职工发放救助物资。"
    assert unionnlp.extract(text, "https://www.yangzhounews.cn/a/1.html").place.name == "扬州市"


def test_a_county_written_with_its_old_xian_keeps_that_name():
    import unionnlp
    # 崇明 has been a district since 2016; a page from before writes 崇明县
    ps = [(p.name, p.canonical) for p in find_places("崇明县总工会开展金秋助学活动。") if p.adcode]
    assert ps == [("崇明县", "上海市崇明区")]
    assert unionnlp.extract("密云县总工会召开安康杯竞赛表彰大会,县总工会主席讲话。").place.name == "密云县"
    # a short form shared by a 县 and a 区: the 县 when 县 follows
    assert [p.canonical for p in find_places("大通县总工会举办入会仪式。")] == \
        ["青海省西宁市大通回族土族自治县"]
    assert [p.canonical for p in find_places("大通区总工会举办入会仪式。")] == ["安徽省淮南市大通区"]


def test_a_shared_url_pinyin_is_read_with_the_level_the_page_speaks_of():
    import unionnlp
    # xinxiang is 新乡市 and 新乡县; a page that says 我市 is the city's
    text = "会议要求,我市各级工会要全力推动新就业形态劳动者建会入会工作。"
    p = unionnlp.extract(text, "https://news.example.cn/html/2022/xinxiang_0511/1.html").place
    assert p.name == "新乡市"
    text2 = "会议要求,全县各级工会要全力推动新就业形态劳动者建会入会工作,县总工会将加强指导。"
    p = unionnlp.extract(text2, "https://news.example.cn/html/2022/xinxiang_0511/1.html").place
    assert p.name == "新乡县"


def test_a_locality_named_only_in_a_campaign_of_its_own_union():
    import unionnlp
    # the only place is inside the campaign “聊城工会职工书屋示范点”; 市总工会 is the city's
    text = ("市总工会在全市开展“聊城工会职工书屋示范点”建设工作,市总工会决定命名20家单位职工书屋为"
            "“聊城工会职工书屋示范点”。")
    p = unionnlp.extract(text).place
    assert p is not None and p.canonical == "山东省聊城市"
    # the level must agree: a county's union naming a city's campaign gets no city
    text2 = "县总工会组织职工参加“聊城工会职工书屋示范点”评选,县总工会推荐3家单位。"
    p2 = unionnlp.extract(text2).place
    assert p2 is None or p2.canonical != "山东省聊城市"



def test_a_district_spoken_of_as_a_whole_is_not_walked_down_to_its_example_street():
    import unionnlp
    # 全区 again and again: the street in the lead is the district's example, not the topic
    text = ("近日,九龙坡区杨家坪街道工会负责人在街道举办的入会仪式上表示,杨家坪街道总工会在九龙坡区总工会"
            "的指导下成立了新就业形态联合工会。杨家坪街道集中组织入会,正是九龙坡区总工会推动入会工作的"
            "缩影,两年来全区共吸纳新就业形态劳动者4000余人。近年来,九龙坡区全面推动入会工作,"
            "全区设立服务点20余个。")
    assert unionnlp.extract(text).place.name == "九龙坡区"
    # a street's own page (全街道) stays the street's
    text2 = ("近日,九龙坡区杨家坪街道总工会举办新就业形态劳动者集中入会仪式,全街道300余人加入工会。"
             "杨家坪街道总工会还为会员发放大礼包,全街道工会驿站同步开放。")
    assert unionnlp.extract(text2).place.name == "杨家坪街道"


def test_a_national_best_award_of_a_local_unit_does_not_make_the_page_national():
    import unionnlp
    # “全国最美…” is an honour a community's station received, not the page's scope
    text = ("全省唯一!向阳社区获评“全国最美工会户外劳动者服务站点”\n"
            "记者在和平区南市街道向阳社区看到,社区的户外劳动者驿站被中华全国总工会评为"
            "“全国最美工会户外劳动者服务站点”。向阳社区驿站配备了微波炉、饮水机等设施。")
    p = unionnlp.extract(text).place
    assert p is not None and p.name != "全国"


def test_a_town_named_after_its_prefecture_that_the_table_lacks():
    import unionnlp
    # 梧州市梧州镇 (a town the table lacks, named after its city), written again, and 全镇
    text = ("广西梧州市梧州镇大力推进社区工会建设,全镇已有200家企业建立工会。"
            "梧州镇还被评为市级工会工作示范镇,梧州镇总工会将继续推进建会入会。")
    p = unionnlp.extract(text).place
    assert p.name == "梧州镇" and p.level == "town"
    # the word 乡镇 after a city is no town (市首个乡镇, 市召开乡镇)
    names = [p.name for p in find_places("连州市首个乡镇职工之家揭牌,连州市首个乡镇职工之家投用。")]
    assert "首个乡" not in names
    # a text that ends with a city's name
    assert [p.name for p in find_places("工作会议在梧州市")] == ["梧州市"]


def test_a_shared_town_name_is_resolved_by_the_county_in_the_page_address():
    import unionnlp
    # 宝盖镇 is a town of 石狮 and one of 湖南; the page's address spells shishi
    text = ("宝盖镇总工会开展送温暖活动\n1月10日,宝盖镇总工会为全镇环卫工人送去慰问品,"
            "宝盖镇工会主席表示将继续关爱职工。")
    p = unionnlp.extract(text, "http://www.shishi.gov.cn/xxgk/2024/1.html").place
    assert p.canonical == "福建省泉州市石狮市宝盖镇"
    # without the address the name stays as written
    assert unionnlp.extract(text).place.canonical == "宝盖镇"


def test_a_province_s_media_in_the_byline_weighs_as_the_outlet():
    import unionnlp
    # 江西晨报、江西财经网、掌上江西讯: media of the province; the story is a town's
    text = ("江西晨报、江西财经网(www.example.com)、掌上江西讯(记者 王某)9月27日,赣州市会昌县"
            "筠门岭镇人民政府工会运动会开幕。筠门岭镇机关干部职工全员参加,筠门岭镇工会设置了六个项目。"
            "近年来,筠门岭镇机关工会积极发挥职能。\n凡江西晨报、江西财经网署名文字,版权均属江西晨报所有。")
    p = unionnlp.extract(text).place
    assert p.name == "筠门岭镇"
    # a province named in the story is still the story's
    assert unionnlp.extract("江西省总工会召开全委会,全省各级工会负责人参加。").place.name.startswith("江西")
