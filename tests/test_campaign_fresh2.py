"""Campaign error types found on fresh union news pages (round 6, second pass), each in
invented sentences or on hand-built candidates."""
from unionnlp.extractors.campaigns import find_campaigns
from unionnlp.extractors.campaigns.candidates import Candidate
from unionnlp.extractors.campaigns.find import _list_decisions


def names(text):
    return [c.name for c in find_campaigns(text)]


def _item(name, left, right, group):
    return Candidate(0, len(name), name, "quoted", left, right, True, (0, len(name)), group=group)


def test_a_quoted_list_is_decided_as_one():
    # the items of one list share their context: all in or all out, by their mean
    left, right = "工会发布了", "五大专项行动,"
    items = [_item(n, left, right, 3) for n in ("甲乙丙丁", "戊己庚辛", "壬癸子丑")]
    got = _list_decisions(items, [0.9, 0.6, 0.2], [])
    assert got == [got[0]] * 3 and abs(got[0] - (0.9 + 0.6 + 0.2) / 3) < 1e-9
    # a second list in another context keeps its own mean; a single quote keeps its own figure
    other = [_item(n, "现场设置了", "等站点。", 2) for n in ("站甲", "站乙")]
    single = _item("独立名", "开展", "活动", 1)
    got = _list_decisions(items + other + [single], [0.9, 0.6, 0.2, 0.5, 0.1, 0.3], [])
    assert abs(got[3] - 0.3) < 1e-9 and abs(got[4] - 0.3) < 1e-9 and got[5] == 0.3


def test_items_the_lexicon_trusts_count_as_certain_in_their_list():
    left, right = "开展", "等活动"
    undecided = [_item("新名字", left, right, 2)]
    sure = [_item("送温暖", left, right, 2)]
    assert _list_decisions(undecided, [0.2], sure) == [0.6]


def test_a_list_of_named_actions_is_kept_whole():
    got = names("市总工会发布了“暖心护航”“温饱无忧”“技能赋能”“健康守护”四大主题行动,"
                "为新就业形态劳动者办实事。")
    assert {"暖心护航", "温饱无忧", "技能赋能", "健康守护"} <= set(got)


def test_a_quote_called_a_strategy_once_is_that_slogan_everywhere_on_the_page():
    text = ("县总工会积极服务“两岸同心”战略实施。围绕“两岸同心”凝聚职工合力,"
            "以“两岸同心”激发发展活力,开展“金牌工匠”评选活动。")
    got = names(text)
    assert "两岸同心" not in got
    assert "金牌工匠" in got


def test_a_quoted_label_with_its_noun_makes_no_title_around_it():
    from unionnlp.extractors.campaigns.candidates import find_candidates
    from unionnlp.extractors.campaigns.vocabulary import vocabulary

    text = "各级工会要大力弘扬“钉子”精神,市总工会启动“巧匠杯”职工技能大赛。"
    spans = [c.name for c in find_candidates(text, vocabulary(None))]
    assert not any("精神" in n for n in spans)
    assert "巧匠杯" in names(text)


def test_a_series_of_unnamed_actions_is_not_a_name():
    got = names("各级工会将通过开展一系列关爱服务行动,推动解决职工急难愁盼问题。")
    assert not any(n.startswith("一系列") for n in got)


def test_an_app_named_after_a_known_brand_is_a_platform():
    got = names("职工可通过“职工之家”APP随时申请帮扶,各地还建起了“职工之家”。")
    assert got == ["职工之家"]  # the second mention, the facility brand, not the app


def test_quoted_modes_and_first_tasks_are_descriptions_not_programmes():
    got = names("市总工会开启了技能人才“厂校联育”模式,为全省提供了经验。")
    assert "厂校联育" not in got
    got = names("各级工会把“帮扶一个不落,温暖一户不少”作为首要任务,深入基层走访。")
    assert not any("一户不少" in n for n in got)
    # a numbered contest taken as the content of a competition stays a name
    assert "四比四争" in names("今年竞赛把“四比四争”作为主要内容,提高竞赛质量。")


def test_a_bare_known_word_cut_from_a_longer_name_on_the_page_is_dropped():
    from unionnlp.extractors.campaigns.find import TIERS, _drop_cut_mentions

    text = "市总工会开展为期3个月的全市困难职工帮扶专项行动。市总工会启动全市困难职工帮扶专项行动以来"
    i = text.index("困难职工帮扶")
    bare = Candidate(i, i + 6, "困难职工帮扶", "lexicon", quoted=False, tier=TIERS["classified"])
    j = text.index("全市", i + 6)
    full = Candidate(j, j + 12, "全市困难职工帮扶专项行动", "frame", tier=TIERS["classified"])
    assert _drop_cut_mentions(text, [bare, full]) == [full]
    # where nothing longer was accepted, the bare word stays
    assert _drop_cut_mentions(text, [bare]) == [bare]


def _glued_spans(text):
    from unionnlp.extractors.campaigns.candidates import find_candidates
    from unionnlp.extractors.campaigns.vocabulary import vocabulary

    return [c.name for c in find_candidates(text, vocabulary(None)) if c.source == "inner"]


def test_a_name_written_around_a_quote_starts_after_the_body_that_acts():
    spans = _glued_spans("县总工会“三送”温暖职工活动启动。")
    assert not any("工会" in n for n in spans)


def test_a_name_written_around_a_quote_does_not_open_with_a_count():
    spans = _glued_spans("区总工会表彰了18个“金牌”职工小家。")
    assert not any(n.startswith("个") for n in spans)


def test_a_service_given_is_not_part_of_the_name_around_its_quote():
    spans = _glued_spans("工会为2000名职工提供“三高”筛查服务。")
    assert not any("提供" in n for n in spans)


def test_titles_around_quotes_still_found():
    spans = _glued_spans("开展百万职工“五小”创新大赛,建设全市“1公里”服务圈。")
    assert "百万职工“五小”创新大赛" in spans


def test_quoted_targets_tasks_and_forms_are_descriptions():
    got = names("力争实现“质效双升”的年度建设目标,达成“增收+减负”双重目标。")
    assert "质效双升" not in got and "增收+减负" not in got
    got = names("各级工会把“家家走到,户户问到”作为首要任务,以“送卡上门”的形式开展服务。")
    assert "家家走到,户户问到" not in got and "送卡上门" not in got


def test_numbered_targets_stay_names():
    got = names("县总工会深入实施“3261”目标任务,以实现“两个全覆盖”目标为突破口。")
    assert "3261" in got and "两个全覆盖" in got


def test_the_last_song_activity_of_a_list_opens_no_title_around_the_count():
    text = "区总工会开展送清凉、送健康、送法律“三送”关爱环卫工人系列活动。"
    assert not any(n.startswith("送法律") for n in _glued_spans(text))
    got = names(text)
    assert {"送清凉", "送健康", "送法律", "三送"} <= set(got)


def test_kinds_of_an_activity_are_not_one_named_programme():
    got = names("这一工程入选全国引领性劳动和技能竞赛项目,项目部在各标段广泛开展了各类劳动和技能竞赛活动。")
    assert "劳动和技能竞赛" not in got
    assert "全国引领性劳动和技能竞赛" in got


def test_a_project_before_a_dated_contest_is_where_it_runs():
    got = names("省总工会联合启动江北输水工程2022年“奋战90天”劳动竞赛,激励建设者。")
    assert "奋战90天" in got
    assert not any(n.endswith("输水工程") for n in got)


def test_a_quote_opening_a_clause_of_purpose_is_a_goal():
    got = names("为“倡导终身学习,建设书香园区”,区总工会在园区打造了职工书屋。")
    assert not any("终身学习" in n for n in got)


def test_the_first_of_its_kind_in_a_division_is_a_description():
    got = names("州总工会和政务中心联合打造了全州首个政务大厅职工书屋。")
    assert not any(n.startswith("全州首个") for n in got)


def test_youth_day_and_generic_nouns_in_quotes_are_not_names():
    got = names("团县委联合县总工会举办了庆“五一”迎“五四”青年职工才艺大赛。")
    assert not any("五四" in n for n in got)
    got = names("市总工会着力打造工会工作“亮点”和“品牌”,开展“金牌工匠”评选活动。")
    assert "亮点" not in got and "品牌" not in got and "金牌工匠" in got


def test_an_online_service_is_a_platform():
    got = names("服务站点已上线省工会APP和“某市工会在线”,职工搜索即可就近享受服务。")
    assert not any(n.endswith("在线") for n in got)


def test_a_song_activity_written_with_its_destination_is_the_longer_name():
    got = names("区总工会承办了市总工会送文化进社区活动,组织文艺小分队演出12场。")
    assert "送文化进社区" in got and "送文化" not in got
    # without a destination the known name stays as written
    assert "送文化" in names("各级工会广泛开展送温暖、送文化等活动。")


def test_a_name_around_a_quote_starts_after_a_verb_of_classifying():
    spans = _glued_spans("张三的“阀门快换”项目被认定为“五小”优秀市级成果。")
    assert not any(n.startswith(("被认定", "认定")) for n in spans)


def test_a_quoted_instruction_title_is_not_a_name():
    got = names("各级工会要按照“关于把基层工会进一步建成职工信赖的职工之家”的要求推进建家工作。")
    assert not any(n.startswith("关于") for n in got)


def test_a_quote_naming_a_team_is_a_label():
    got = names("“某县劳模工匠”讲师团持续发力,全力开展“工匠进企”专项行动。")
    assert "某县劳模工匠" not in got and "工匠进企" in got


def test_quotes_a_union_works_towards_building_are_goals():
    got = names("市总工会围绕建设“全国智能制造示范基地”和“美丽江城”,将竞赛旗帜插在重大项目一线。")
    assert "全国智能制造示范基地" not in got and "美丽江城" not in got
    got = names("省总工会围绕打造“西部陆海新通道枢纽”和“创新江城”,开展“建功江城”劳动竞赛。")
    assert "西部陆海新通道枢纽" not in got and "创新江城" not in got and "建功江城" in got
    # a theme or a contest after the quote keeps it
    assert "奋进新时代" in names("工会围绕建设“奋进新时代”这一主题开展活动。")
