"""Genre rules of campaign extraction that must hold on unseen pages (invented sentences)."""
from unionnlp.extractors.campaigns import find_campaigns
from unionnlp.extractors.campaigns.document import document_features
from unionnlp.extractors.campaigns.features import candidate_features
from unionnlp.extractors.campaigns.lexicon import entry_for


def names(text):
    return [c.name for c in find_campaigns(text)]


def test_document_features_recurrence_and_heads():
    text = "某区工会推出“青松护航”品牌。今年“青松护航”覆盖三个街道,青松护航服务队也已成立。"
    f = document_features(text, "青松护航", True)
    assert "doc:recur" in f and "doc:recur3" in f
    assert "doc:bare_too" in f  # written once without quotes
    assert "doc:headed" in f  # …品牌
    assert document_features(text, "青松护航", False).count("doc:quoted_too") == 1
    # a word written once, with no head after it, says nothing
    assert document_features("大家都说他是“老黄牛”。", "老黄牛", True) == []


def test_document_features_reach_the_classifier():
    f = candidate_features("开展", "青松护航", "活动", True, extra=["doc:recur"])
    assert "doc:recur" in f


def test_numeral_measure_shape_is_a_feature():
    assert "num_measure" in candidate_features("签订", "四项协议", "的基础", True)
    assert "num_measure" not in candidate_features("开展", "四进四送", "活动", True)


def test_lexicon_name_not_made_a_label_by_the_noun_after_it():
    # 小三级 is a known network of unions: “小三级”组织 is that network, not a group label
    out = names("某县总工会健全“小三级”组织网络,覆盖全部乡镇。")
    assert "小三级" in out
    # an unknown quoted word before 组织 stays a category label
    assert "青禾" not in names("某县把“青禾”组织纳入服务范围。")


def test_mined_names_are_known():
    for n in ("治理欠薪冬季行动", "工会驿站双15工程", "百万职工劳动和技能竞赛", "共享职工之家"):
        assert entry_for(n) is not None, n
    # an alias resolves to its name
    assert entry_for("区域共享职工之家").name == "共享职工之家"


def test_unquoted_mined_programme_found():
    out = names("入冬后,市总工会联合人社部门开展治理欠薪冬季行动,为农民工追回工资。")
    assert "治理欠薪冬季行动" in out


def test_numbers_written_apart_are_never_codes():
    assert names("本期中奖号码为“4 17 28”,请核对。") == []
    assert names("摇出号码“06、11、30”。") == []
    # a numbered code stays whole
    assert "2+3+N" in names("推行“2+3+N”服务模式。")


def test_delivery_mode_is_not_a_programme():
    assert names("课程通过“线上+线下”结合的方式进行。") == []
    # a brand with a plus sign is still one
    assert "暖+" in names("区总工会推出“暖+”服务品牌。")


def test_levelled_competition_after_taking_part():
    out = names("县总工会组织职工参加全国林业安全知识竞赛,取得好成绩。")
    assert "全国林业安全知识竞赛" in out
    assert names("县总工会鼓励职工参加各项竞赛。") == []


def test_motto_shape_feature():
    f = candidate_features("始终坚持", "扎根基层、倾听心声、化解矛盾、凝聚力量", "的思路", True)
    assert "motto_shape" in f
    # parts sharing a head, or counted parts, are a programme's list, not a motto
    assert "motto_shape" not in candidate_features("推行", "场地共建、人员共建、服务共建", "模式", True)
    assert "motto_shape" not in candidate_features("开展", "一访、二帮、三暖", "活动", True)


def test_work_motto_not_taken():
    assert names("区总工会始终把“扎根基层、倾听心声、化解矛盾、凝聚力量”作为工作主线。") == []


def test_clause_around_a_short_quote_is_not_a_name():
    # a preposition before the quote and a verb after it: a clause ending in a head noun
    out = names("各街道工会依照“五有”标准实现职工驿站全覆盖。")
    assert not any("依照" in n or "实现" in n for n in out)


def test_unquoted_frame_with_a_clause_verb_rejected():
    out = names("区总工会开展职工通过网络实现互助活动,参与者众多。")
    assert not any("通过" in n for n in out)


def test_quoted_verb_phrase_is_not_a_name():
    assert names("要让新建工会真正“跑起来”,不能只挂牌子。") == []
    # a known name is kept whatever its ending
    assert "三培养工程" in names("深入实施“三培养工程”,推进产业工人队伍建设。")


def test_known_name_at_the_end_is_a_feature():
    f = candidate_features("是", "湖南省示范性劳模创新工作室", "。", True)
    assert "lex_tail" in f and any(x.startswith("lex_tail_kind:") for x in f)
    assert "lex_tail" not in candidate_features("是", "青松护航", "。", True)


def test_glued_name_boundaries_stop_at_listing_verbs_and_counts():
    from unionnlp.extractors.campaigns.candidates import find_candidates
    from unionnlp.extractors.campaigns.vocabulary import vocabulary

    t = "服务队的工作包括助人“乐”陪伴服务、护人“安”出行服务两项内容。"
    glued = [c.name for c in find_candidates(t, vocabulary(None)) if "glued" in c.extra]
    assert "助人“乐”陪伴服务" in glued  # not 包括助人…
    assert "护人“安”出行服务" in glued  # not …两项内容
    assert not any(n.startswith("包括") or n.endswith("内容") for n in glued)


def test_bare_name_inside_a_document_title_is_part_of_the_title():
    t = "市总工会印发《关于深化金秋助学工作的实施意见》,今年继续开展金秋助学活动。"
    found = [(c.name, c.start) for c in find_campaigns(t)]
    assert ("金秋助学", t.index("金秋助学", t.index("》"))) in found
    assert all(s > t.index("》") for _, s in found)


def test_mined_forms_share_the_programme_identity():
    out = {c.name: c.canonical for c in find_campaigns("县总工会推动职工书屋工程向乡镇延伸。")}
    assert out.get("职工书屋工程") == "职工书屋"
    out = {c.name: c.canonical for c in find_campaigns("工会参与农民工学历与能力提升行动计划。")}
    assert out.get("农民工学历与能力提升行动计划") == "求学圆梦行动"
