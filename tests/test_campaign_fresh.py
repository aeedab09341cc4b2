"""Campaign error types found on fresh union news pages (round 4), each in invented sentences."""
from unionnlp.extractors.campaigns import find_campaigns


def names(text):
    return [c.name for c in find_campaigns(text)]


def test_quoted_cup_before_its_contest_is_a_competition():
    assert "巧手杯" in names("县总工会举办第五届“巧手杯”职工烹饪技能大赛启动仪式。")
    assert "匠心杯" in names("去年市总工会主办的“匠心杯”技能比武深受欢迎。")


def test_quoted_cup_without_a_contest_is_left_to_the_classifier():
    # a cup name not followed by a contest gets no free pass
    from unionnlp.extractors.campaigns.find import _contest
    from unionnlp.extractors.campaigns.candidates import Candidate
    c = Candidate(0, 3, "世纪杯", "quoted", "", "咖啡馆开业", True, (0, 3))
    assert not _contest(c)


def test_a_name_starts_after_ji_joining_two_events():
    got = names("本区2024年劳动竞赛暨“银梭杯”纺织职业技能大赛在工业园启动。")
    assert "银梭杯" in got
    assert not any(n.startswith(("动竞赛", "竞赛暨", "赛暨")) for n in got)


def test_festivals_are_dates_not_campaigns():
    got = names("街道总工会开展“中国农民丰收节”走访慰问活动,以“国际劳动节”为契机送清凉。")
    assert "中国农民丰收节" not in got and "国际劳动节" not in got


def test_quoted_activity_name_with_de_after_a_run_verb():
    got = names("区总工会广泛开展“让春风吹进心里的家”助学结对活动,资助困难职工子女。")
    assert "让春风吹进心里的家" in got


def test_practices_spread_by_tuiguang_are_named_methods():
    got = names("各级工会大力推广“老带新”“一帮一”等做法,提升青年职工技能。")
    assert "老带新" in got


def test_generic_facility_before_a_descriptive_activity_is_not_a_campaign():
    got = names("区总工会全面开展2026年职工书屋自查自纠行动,逐一检查各书屋。")
    assert "职工书屋" not in got


def test_numbered_practical_matters_and_national_station_programme():
    got = names("今年市总工会推出服务职工十件实事,并落实全总工会服务站点双15工程。")
    assert "十件实事" in got and any(n.endswith("双15工程") for n in got)


def test_glued_name_does_not_start_inside_a_verb():
    got = names("各级工会要加强女职工“五期”保护工作,维护合法权益。")
    assert not any(n.startswith("强") for n in got)


def test_frame_name_cut_inside_a_longer_studio_name_is_dropped():
    got = names("省总工会决定命名李四职工创新工作室等30个工作室为“河北省职工创新工作室”。")
    assert "李四职工" not in got


def test_party_committee_strategy_slogans_are_not_union_campaigns():
    got = names("全市工会围绕市委提出的打造“两城三地”、同步推进“三个转型”目标要求,开展劳动竞赛。")
    assert "三个转型" not in got


def test_womens_periods_are_a_category_label():
    assert "四期" not in names("县总工会加强女职工“四期”保护,建成十家爱心妈咪小屋。")


def test_song_after_a_giving_verb_is_no_song_activity():
    # 赠送/运送/配送 end in 送: what follows is handed over, not a 送-activity (round 6)
    got = names("区总工会为一线职工赠送健康体检卡,向工地运送清凉饮品。")
    assert "送健康" not in got and "送清凉" not in got
    got = names("县总工会开展送健康、送清凉活动,并为职工赠送慰问品。")
    assert "送健康" in got and "送清凉" in got


# --- round 6: classifier features and hand-written rows for three fresh-page types -----------
from unionnlp.extractors.campaigns import candidate_features


def test_quoted_title_at_a_division_level_is_an_honour():
    got = names("去年全市共有9家企业成功申报“宿州市劳模创新工作室”,市总工会为其授牌。")
    assert "宿州市劳模创新工作室" in got
    # a studio named after its leader is that studio, not a title
    assert names("与会人员参观了“郑国华劳模创新工作室”,听取创建经验介绍。") == []


def test_place_prefix_features_only_for_quoted_names():
    q = candidate_features("成功申报", "宿州市劳模创新工作室", "。", True)
    bare = candidate_features("已创建", "宿州市劳模创新工作室", "11个", False)
    person = candidate_features("参观了", "郑国华劳模创新工作室", "。", True)
    assert "place_prefix" in q and "place_prefix:brand-title" in q
    assert "place_prefix" not in bare and "place_prefix" not in person


def test_competition_head_a_few_words_after_a_quote_is_seen():
    f = candidate_features("组织开展", "比速度,赛质量", "万名职工技能竞赛", True)
    assert "Rnear:competition" in f
    # a head after another verb belongs to another phrase
    g = candidate_features("组织", "外卖小哥", "开展观影活动。", True)
    assert not any(x.startswith("Rnear:") for x in g)
    assert "比速度,赛质量" in names("县总工会组织开展“比速度,赛质量”万名职工技能竞赛。")


def test_quoted_titles_in_a_list_of_honoured_units():
    got = names("某某有限公司等15个单位为“优胜单位”;某车间乙班等40个班组为“优胜班组”。")
    assert "优胜单位" in got and "优胜班组" in got


def test_bare_facility_word_on_a_page_that_never_quotes_it_is_generic():
    # round 6: 职工书屋 / 职工之家 written bare as the facility itself
    got = names("市总工会命名20家单位职工书屋为“某市工会职工书屋示范点”。今后,被命名的职工书屋"
                "将开展阅读活动,努力把职工书屋建设成为职工的精神家园。")
    assert got == ["某市工会职工书屋示范点"]
    assert "职工之家" not in names("这是本市首次开展职工之家“结对共建”集中签约活动。")


def test_bare_facility_word_stays_where_the_page_quotes_it_or_awards_it():
    got = names("公司持续推进“职工书屋”建设,让职工书屋真正转起来。")
    assert got.count("职工书屋") == 2
    assert "职工小家" in names("去年获评全国、省模范职工之家5个、职工小家6个。")


def test_hundred_day_drive_is_a_campaign_not_a_duration():
    # round 6: “百日攻坚” was taken for a duration like “24小时不打烊”
    got = names("全市各级工会开展“百日攻坚”劳动竞赛,动员职工奋战一百天。")
    assert "百日攻坚" in got
    assert "24小时不打烊" not in names("驿站实行“24小时不打烊”,方便户外劳动者。")


def test_theme_slogan_written_before_de_zhuti_or_after_zhuti_wei():
    # round 6: the theme of a competition or activity is its name, in these forms too
    assert "查隐患、保安全、促发展" in names("紧紧围绕“查隐患、保安全、促发展”的竞赛主题,广泛开展群众性安全活动。")
    assert "劳动创造幸福、实干成就梦想" in names("今年活动的主题为“劳动创造幸福、实干成就梦想”。")
    f = candidate_features("紧紧围绕", "某某某、某某某", "的竞赛主题,广泛", True)
    assert "Rstart:的竞赛主题" in f


def test_the_recipient_of_an_award_is_no_honour_and_its_body_survives():
    import unionnlp
    from unionnlp.extractors.campaigns import find_campaigns

    s = "会上,市总工会授予东湖区总工会女职工委员会等30个单位“先进女职工组织”荣誉称号。"
    assert not any("东湖区" in c.name for c in find_campaigns(s))
    s2 = "县总工会命名城南街道职工之家等8家单位为县级示范点。"
    assert not any("城南街道" in c.name for c in find_campaigns(s2))
    # after the passive verb the object is the honour itself
    assert any(c.name == "全国模范职工之家" for c in find_campaigns("该厂工会被授予全国模范职工之家等称号。"))
    text = ("武汉召开女职工工作表彰会\n"
            "3月8日,武汉市总工会召开全市女职工工作表彰大会,各区工会女职工代表参加会议。\n" + s)
    r = unionnlp.extract(text)
    assert "东湖区总工会女职工委员会" in [o.name for o in r.organizations]
