"""find_campaigns: one test per guideline rule, on sentences written for these tests."""
import pytest

from unionnlp.extractors.campaigns import (
    KINDS,
    candidate_features,
    find_campaigns,
    lexicon_words,
    load_classifier,
    load_lexicon,
)
from unionnlp.records import Campaign


def names(text):
    return [c.name for c in find_campaigns(text)]


def test_quoted_names_found_with_offsets_inside_quotes():
    text = "今年以来，县总工会深入开展“四进四帮”活动，全面推行“三亮三比”工作机制。"
    found = find_campaigns(text)
    assert [c.name for c in found] == ["四进四帮", "三亮三比"]
    for c in found:
        assert isinstance(c, Campaign)
        assert text[c.start:c.end] == c.name
        assert text[c.start - 1] == "“" and text[c.end] == "”"
        assert c.kind in KINDS


@pytest.mark.parametrize("open_q,close_q", [("“", "”"), ("‘", "’"), ('"', '"'), ("「", "」"),
                                            ("『", "』")])
def test_all_quote_styles(open_q, close_q):
    text = f"市总工会在全市广泛开展{open_q}双联双促{close_q}活动，效果明显。"
    found = find_campaigns(text)
    assert [c.name for c in found] == ["双联双促"]
    assert text[found[0].start:found[0].end] == "双联双促"


def test_numbered_slogans_and_digit_codes():
    text = "区总工会实施基层工会“五个一批”提升工程，探索“3+N”服务模式，落实“12153”目标任务。"
    got = names(text)
    assert got == ["五个一批", "3+N", "12153"]
    kinds = {c.name: c.kind for c in find_campaigns(text)}
    assert kinds["3+N"] == "numbered-slogan"


def test_fixed_unquoted_names_from_lexicon():
    text = ("近年来，该县持续推进党建带工建，深化党工共建，广泛开展安康杯竞赛和创先争优活动，"
            "两家班组获评工人先锋号，一家企业工会被评为模范职工之家。")
    got = names(text)
    for n in ("党建带工建", "党工共建", "安康杯", "创先争优", "工人先锋号", "模范职工之家"):
        assert n in got
    # no suffix is glued to the name
    assert "安康杯竞赛" not in got and "创先争优活动" not in got


def test_quoted_emphasis_and_metaphors_excluded():
    text = "工会干部要当好职工的“娘家人”，成为企业发展的“顶梁柱”和班组里的“主心骨”。"
    assert names(text) == []


def test_quoted_speech_excluded():
    text = "一位老师傅感慨地说：“工会就是我们的家，有困难就找工会！”"
    assert names(text) == []


def test_document_titles_excluded():
    text = "会议传达了《关于加强新就业形态劳动者权益保障的指导意见》，要求抓好落实。"
    assert names(text) == []


def test_category_labels_and_ideology_excluded():
    text = "推动“两新”组织建会，吸纳“八大群体”入会，服务“专精特新”企业，围绕实现“中国梦”。"
    assert names(text) == []


def test_mottos_and_work_pattern_descriptions_excluded():
    text = "树立“服务职工、奉献社会”的理念，形成“党委领导、政府支持、工会运作”的工作格局。"
    assert names(text) == []


def test_inner_quotes_kept_in_longer_names():
    text = "全省组织千万职工“五小”创新大赛，并开展“8+X暖‘新’行动”等活动。"
    got = names(text)
    assert "千万职工“五小”创新大赛" in got
    assert "8+X暖‘新’行动" in got
    for c in find_campaigns(text):
        assert text[c.start:c.end] == c.name


def test_compound_slogan_kept_whole_parts_not_split():
    text = "全面深化“党建带工建、工建服务党建”，织密基层组织网络。"
    assert names(text) == ["党建带工建、工建服务党建"]


def test_compound_recurring_unquoted_is_the_same_name():
    text = "坚持“党建带工建、工建服务党建”，在全市推广党建带工建、工建服务党建经验；党建带工建成效明显。"
    found = find_campaigns(text)
    whole = [c for c in found if c.name == "党建带工建、工建服务党建"]
    assert len(whole) == 2
    # the part also occurring on its own is recorded separately
    alone = [c for c in found if c.name == "党建带工建"]
    assert len(alone) == 1 and text[alone[0].start - 1] == "；"


def test_variants_resolve_to_canonical():
    text = "坚持党建带动工建，深化“中国梦·劳动美”主题教育，获评全国五一劳动奖状。"
    canon = {c.name: c.canonical for c in find_campaigns(text)}
    assert canon["党建带动工建"] == "党建带工建"
    assert canon["中国梦·劳动美"] == "中国梦·劳动美"
    assert canon["全国五一劳动奖状"] == "五一劳动奖状"
    text2 = "深化中国梦劳动美主题教育实践活动。"
    assert [c.canonical for c in find_campaigns(text2)] == ["中国梦·劳动美"]


def test_unquoted_fixed_action_names_and_song_lists():
    text = "县总工会实施技能筑梦行动，开展送温暖、送清凉、送岗位活动，拿出实际行动。"
    got = names(text)
    assert "技能筑梦行动" in got
    assert {"送温暖", "送清凉", "送岗位"} <= set(got)
    assert "实际行动" not in got


def test_head_only_lexicon_entries_need_a_head_noun():
    assert "五小" in names("全市工业企业开展五小竞赛。")
    assert "五小" not in names("他家五小口人。")


def test_bad_input_never_crashes():
    assert find_campaigns("") == []
    assert find_campaigns(None) == []  # type: ignore[arg-type]
    assert isinstance(find_campaigns("“" * 5000 + "”" * 5000), list)
    assert isinstance(find_campaigns("\x00\ud7ff“\n\n\n”🙂" * 1000), list)
    big = "开展“三进三帮”活动。" * 20000
    assert len(find_campaigns(big)) == 20000


def test_classifier_loads_and_predicts():
    clf = load_classifier()
    pos = candidate_features("深入开展", "四比四创", "劳动竞赛", True)
    neg = candidate_features("甘当职工的", "贴心人", "，", True)
    assert clf.predict([pos, neg]) == [True, False]  # one answer per row, like scikit-learn
    (n0, n1), (p0, p1) = clf.predict_proba([neg, pos])
    assert 0.0 <= n1 < 0.5 < p1 <= 1.0 and abs(n0 + n1 - 1) < 1e-9


def test_classifier_follows_estimator_conventions(tmp_path):
    """Parameters set in __init__ only; fitted attributes only after fit; every parameter
    survives the JSON round trip."""
    import pytest

    from unionnlp.errors import NotFitted
    from unionnlp.extractors.campaigns import CampaignClassifier

    clf = CampaignClassifier(C=0.3, threshold=0.6, min_weight=0.01)
    assert not hasattr(clf, "weights_") and not hasattr(clf, "intercept_")
    with pytest.raises(NotFitted):
        clf.predict([["lexicon"]])
    X = [["lexicon", "sfx:工程"], ["L1:的"], ["lexicon"], ["R1:。"]]
    clf.fit(X, [1, 0, 1, 0])
    back = CampaignClassifier.from_json(clf.to_json())
    assert back.get_params() == {"C": 0.3, "threshold": 0.6, "min_weight": 0.01}
    assert back.predict(X) == clf.predict(X)
    with pytest.raises(ValueError):
        clf.set_params(nope=1)


def test_lexicon_loads_and_words_stay_whole():
    lex = load_lexicon()
    assert len(lex) >= 50
    assert all(e.kind in KINDS for e in lex)
    words = lexicon_words()
    assert "党建带工建" in words and "产业工人队伍建设改革" in words
    assert len(words) == len(set(words))


def test_seed_000(seed_texts):
    import re

    import opencc

    text = opencc.OpenCC("t2s").convert(seed_texts["000"])
    text = re.sub(r"\([a-zü]+\d?\)", "", text)
    got = set(names(text))
    assert {"三培养工程", "三创争两提升", "双推"} <= got
    assert "顶梁柱" not in got and "主心骨" not in got


def test_teams_venues_media_and_events_excluded():
    text = ("区工会组织“暖心人服务队”走访职工，参观“劳动者纪念馆”，关注“城市工会”微信公众号，"
            "召开“产业工人队伍建设改革三周年”座谈会。")
    got = names(text)
    assert "暖心人服务队" not in got and "劳动者纪念馆" not in got and "城市工会" not in got
    # the event title is not a campaign, the program named inside it is
    assert got == ["产业工人队伍建设改革"]


def test_philosophy_and_work_pattern_heads_excluded():
    assert names("践行“职工在我心中”服务理念。") == []
    assert names("推动形成“一企一策、一行一品”的工作格局。") == []


def test_generic_honours_and_values_excluded():
    text = "他先后当选“全国劳动模范”，大力弘扬“工匠精神”，荣获“全国五一劳动奖章”。"
    assert names(text) == ["全国五一劳动奖章"]
