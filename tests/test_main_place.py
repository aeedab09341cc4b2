"""Main place: one test per error type (sentences written for these tests)."""
from unionnlp.extractors.places import find_places, main_place, place_label


def _main(text, **kw):
    return main_place(text, find_places(text), **kw)


def test_capital_dateline_alone_makes_a_national_piece():
    text = "新华社北京4月2日电 记者从中华全国总工会获悉，今年将继续组织职工疗休养，各级工会要加大投入。"
    assert place_label(_main(text)) == "全国"
    text = "某某网北京5月1日电 全国五一劳动奖章获得者座谈会在京举行，会议号召大力弘扬劳模精神。"
    assert place_label(_main(text)) == "全国"


def test_capital_dateline_does_not_hide_a_local_story():
    text = "新华社北京4月2日电 扬州市总工会近日推出职工服务卡，扬州市三十万职工受益。扬州市总工会表示将扩大覆盖。"
    assert place_label(_main(text)) == "扬州市"


def test_the_body_that_acts_is_no_mere_source_of_its_own_story():
    # the prefecture's union visits two of its counties: the story is the prefecture's
    text = ("甘肃省总工会简介 省总工会是全省各级工会的领导机关。\n"
            "酒泉市总工会开展冬季送温暖活动。酒泉市总工会组成慰问组分赴玉门市、敦煌市看望困难职工。"
            "全市各级工会积极行动。（酒泉市总工会）\n©甘肃省总工会")
    mp = _main(text)
    assert place_label(mp) == "酒泉市"


def test_a_higher_union_is_a_source_when_the_lead_names_a_place_below_it():
    text = ("日前，浙江省总工会公布了职工创新成果名单，瑞安共有十二个项目获奖。"
            "这项竞赛是浙江省总工会在全省企事业单位中开展的创新活动，浙江省各地积极参与。")
    assert place_label(_main(text, outlet="瑞安日报")) == "瑞安市"


def test_a_province_written_before_its_city_in_the_title_only_qualifies_it():
    text = "近日，西藏自治区日喀则市总工会在桑珠孜区开展送法律进工地活动。日喀则市总工会邀请律师现场答疑。"
    mp = _main(text, title="西藏日喀则市总工会开展送法律活动", outlet="西藏某报")
    assert place_label(mp) == "日喀则市"


def test_breadcrumb_weighs_as_the_outlet_and_the_headline_as_the_title():
    text = ("某某网 > 新闻 > 四川新闻\n\n乐山市总工会开展职工技能比武\n\n"
            "近日，在四川一家企业的厂房里，来自全市的八十名职工同台竞技。四川各地媒体作了报道。")
    assert place_label(_main(text)) == "乐山市"


def test_a_title_given_overrides_the_headline_guess():
    text = "乐山市总工会开展职工技能比武\n近日，八十名职工同台竞技。"
    mp = _main(text, title="峨眉山市职工技能比武举行")
    assert place_label(mp) == "峨眉山市"


def test_a_village_the_whole_story_happens_in():
    text = ("近日，江津区总工会在先锋镇杨家村开展送法律进乡村活动，为村民和返乡农民工解答劳动纠纷问题。"
            "活动现场发放宣传资料三百余份。")
    mp = _main(text, title="江津区总工会送法进乡村")
    assert mp.level == "village" and place_label(mp) == "杨家村"
    assert mp.canonical == "重庆市江津区先锋镇杨家村" and mp.adcode.startswith("500116")
    assert mp.parents[-1] == "先锋镇"


def test_a_community_named_throughout_with_its_street():
    text = ("郭杜街道樱花社区职工书屋建设情况汇报。郭杜街道樱花社区职工书屋建于去年，藏书五千册。"
            "郭杜街道樱花社区还组织读书会。长安区总工会给予支持。")
    mp = _main(text)
    assert mp.level == "village" and mp.canonical.endswith("长安区郭杜街道樱花社区")


def test_villages_in_two_towns_leave_the_story_above_them():
    text = ("近日，江津区总工会走访先锋镇杨家村和李市镇红花村的农民工家庭，送去慰问金。"
            "先锋镇杨家村的三户家庭和李市镇红花村的两户家庭受益。")
    mp = _main(text, title="江津区总工会走访农民工家庭")
    assert place_label(mp) == "江津区"


def test_a_town_also_named_alone_keeps_the_story():
    text = ("本报讯 近日，先锋镇总工会在先锋镇杨家村举办职工运动会。先锋镇二十家企业参加。"
            "先锋镇总工会表示将每年举办。江津区总工会到场指导。")
    assert place_label(_main(text)) == "先锋镇"


def test_metadata_lines_under_the_headline_are_not_the_lead():
    text = ("江津区总工会开展送法律进乡村活动\n发布时间：2024-03-05 09:30  来源：某某报\n"
            "近日，江津区总工会在先锋镇杨家村开展送法律活动，为农民工解答劳动纠纷问题。")
    assert place_label(_main(text)) == "杨家村"


def test_site_initials_name_the_city_of_a_page_that_only_says_our_city():
    from unionnlp.extractors.places.gazetteer import url_initials

    text = "本报讯 近日，市总工会公布创新工作室名单，我市八家单位上榜。我市工会将加强指导。"
    mp = _main(text, url="http://epaper.example.cn/dtrb/html/2025-01/16/content_1.htm")
    assert place_label(mp) == "大同市"
    # the initials alone, without a self-reference of that level, name nothing
    assert _main("近日，职工创新工作室名单公布。", url="http://epaper.example.cn/dtrb/1.htm") is None
    # initials shared by several prefectures (sz: 深圳, 苏州 …) name none of them
    assert url_initials("http://szrb.example.com/a.html") == []


def test_site_initials_never_outweigh_a_place_the_text_names():
    text = "本报讯 近日，朔州市总工会公布创新工作室名单，我市八家单位上榜。"
    mp = _main(text, url="http://epaper.example.cn/dtrb/html/1.htm")
    assert place_label(mp) == "朔州市"


def test_a_page_that_says_our_province_is_not_national_for_its_national_awards():
    text = ("近日，全国职工优秀技术创新成果发布活动举行，全国共评出一百项成果。"
            "甘肃省总工会荣获全国优秀组织单位，我省选送的三项成果入选全国职工优秀成果，"
            "全国排名第五。我省各级工会将继续推动职工创新。")
    mp = _main(text, title="甘肃省喜获全国职工技术创新成果多个奖项")
    assert place_label(mp) == "甘肃省"


def test_a_national_piece_without_a_first_person_place_stays_national():
    text = ("全国总工会近日印发通知，要求全国各级工会做好新就业形态劳动者入会工作。"
            "全国已有一千多万名新就业形态劳动者加入工会。江苏、浙江等地积极推进。")
    assert place_label(_main(text)) == "全国"


def test_an_enterprise_unit_whose_name_holds_the_main_place():
    text = ("本报讯 近日，冀东某某能源迁安集团木厂口矿运输区工会开展春节走访慰问活动，驱车走访了遵化、"
            "迁西等地的十户困难职工。运输区工会主席表示，将把温暖送到每一名职工心中。")
    mp = _main(text, title="冀东某某能源迁安集团木厂口矿运输区工会开展春节慰问")
    assert mp.level == "enterprise" and mp.name == "冀东某某能源迁安集团木厂口矿运输区"
    assert mp.parents[-1] == "迁安市"


def test_an_enterprise_known_by_its_short_name_in_the_title():
    text = ("3月2日，上海纺织控股公司工会召开劳动竞赛表彰大会，表彰先进班组二十个。"
            "上海纺织控股公司总经理出席并颁奖。控股公司工会将继续组织竞赛。")
    mp = _main(text, title="上海纺织表彰劳动竞赛先进")
    assert mp.level == "enterprise" and mp.name == "上海纺织控股公司"


def test_a_city_named_on_its_own_is_no_enterprise():
    text = ("3月2日，上海纺织控股公司工会召开劳动竞赛表彰大会。上海市总工会有关负责人出席。"
            "上海各级工会将推广这一做法。")
    mp = _main(text, title="上海纺织表彰劳动竞赛先进")
    assert mp.level == "province" and place_label(mp) == "上海市"


def test_a_wire_dateline_names_the_desk_not_the_story():
    text = ("新华社南京6月1日电 江苏省总工会日前发布消息，全省已建成职工服务驿站五千个。"
            "江苏各地工会积极推进驿站建设。")
    assert place_label(_main(text)) == "江苏省"


def test_a_site_name_glued_to_the_title_by_a_dash_weighs_as_the_outlet():
    from unionnlp.extractors.places.main import _title_parts

    assert _title_parts("泰兴市工会工作总结-豆丁网") == (["泰兴市工会工作总结"], ["豆丁网"])
    assert _title_parts("某某集团-2023年度总结") == (["某某集团-2023年度总结"], [])
    text = "工会工作总结\n一、基本情况。本镇工会现有会员三千人，全镇各级工会认真开展工作。"
    mp = _main(text, title="工会工作总结-南京某某文档网")
    assert mp is None or place_label(mp) != "南京市"


def test_a_stray_short_form_from_another_province_weighs_less():
    # 安新 (a county of Hebei) is here a service station's name in a story about 远安县 (Hubei)
    text = ("近日，我县普降大雪。县总工会在城东社区安新驿站和城西社区安新驿站为环卫工人送上姜茶。"
            "据了解，春节期间远安县总工会共慰问户外劳动者三百余名。")
    assert place_label(_main(text)) == "远安县"


def test_short_forms_alone_still_count():
    text = "阜宁和沈丘的工会干部交流经验，阜宁的做法受到好评。"
    assert place_label(_main(text)) == "阜宁县"


def test_a_paragraph_with_a_greater_than_sign_is_no_breadcrumb():
    from unionnlp.extractors.places.main import _page_head

    text = ("近日，宜兴市总工会开展职工满意度调查，满意度>95%的企业有三十家，宜兴市总工会将推广其经验，"
            "并在全市范围内持续开展此项工作，确保职工权益得到更好的维护和保障。\n第二段。")
    assert _page_head(text).chrome == []
    head = _page_head("首页 > 新闻 > 本地\n标题行在这里写着\n正文。")
    assert head.chrome == [(0, 12)] and head.headline == (13, 21)


def test_a_development_zone_written_as_the_actor_is_the_main_place():
    text = ("本报讯 日前，蚌埠市五河经济开发区总工会开展送清凉活动。"
            "五河经济开发区二十家企业的一线职工受益。")
    mp = _main(text)
    assert mp.level == "zone" and mp.name == "五河经济开发区" and mp.adcode == "340322"


def test_a_zone_whose_county_is_also_named_alone_leaves_the_county():
    text = ("本报讯 五河县总工会日前召开会议，五河经济开发区总工会作交流发言。"
            "五河县各乡镇工会负责人参加。五河县总工会主席讲话。")
    assert place_label(_main(text)) == "五河县"


def test_provinces_listed_alike_make_a_national_piece():
    text = ("本报讯（记者 某某）记者日前从全国总工会获悉，全国已建成户外劳动者服务站点十余万个。"
            "其中，浙江、江苏、广东等地站点数量居前。")
    assert place_label(_main(text)) == "全国"


def test_counties_listed_alike_make_their_city_the_place():
    text = "近日，邗江区、江都区、仪征市总工会分别举办职工技能竞赛，各有数百名职工参赛。"
    assert place_label(_main(text)) == "扬州市"


def test_greeting_and_navigation_lines_are_page_chrome():
    text = ("您好，欢迎来到某某分类信息网\n免费发信息\n某某信息网 > 上海新闻 > 青浦新闻\n\n"
            "迎新春——香花桥街道开展职工新春主题活动\n\n2019-2-3 21:45发布\n\n"
            "香花桥街道总工会组织辖内四百多名职工参加迎新春活动。街道总工会还走访慰问了快递职工。")
    mp = _main(text)
    assert mp.level == "town" and place_label(mp) == "香花桥街道"


def test_a_dateline_under_the_page_chrome_is_read():
    text = ("首页 > 新闻 > 本地新闻\n新华社南京6月1日电 江苏省总工会日前发布消息，"
            "全省已建成职工服务驿站五千个。江苏各地工会积极推进驿站建设。")
    assert place_label(_main(text)) == "江苏省"


def test_the_capital_as_the_venue_of_a_national_meeting():
    text = "全国总工会执委会议日前在北京召开。会议审议了工作报告，要求全国各级工会抓好落实。"
    assert place_label(_main(text)) == "全国"
    text = ("北京市总工会第十五次代表大会在北京召开。大会选举产生了北京市总工会新一届领导班子，"
            "北京市各级工会代表参加。")
    assert place_label(_main(text)) == "北京市"
