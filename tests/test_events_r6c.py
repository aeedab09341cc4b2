"""Round-6 (third pass) error types of practice events found by blind annotation of fresh
union news pages (gold written before the extractor ran). Sentences written for this file."""
from test_events import events, triples


# --- a verb of learning written after the campaign ------------------------------------------

def test_learning_trip_named_after_the_campaign_is_learn():
    # the campaign is what the trip studies: 进行“X”专题观摩学习 / “X”考察学习
    text = ("近日,泰州市总工会党组书记王某某率队赴泰州恒达机械有限公司进行“双推”专题观摩学习,"
            "听取企业工会介绍。")
    evs = events(text, ["双推"], ["泰州市总工会", "泰州恒达机械有限公司"])
    assert ("learn", "双推", "泰州市总工会") in triples(evs)


def test_learning_exchange_meeting_after_the_campaign_is_no_learning():
    evs = events("泰州市总工会召开“双推”学习交流会。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会")]


# --- the organization someone goes to is not the subject -------------------------------------

def test_body_after_a_verb_of_going_is_not_the_actor():
    # 赴 with a short unnamed prefix before the company's name (赴中车某公司)
    text = "泰州市总工会一行赴中车泰州恒达机械有限公司考察,探索“双推”本土化路径。"
    evs = events(text, ["双推"], ["泰州市总工会", "泰州恒达机械有限公司"])
    assert triples(evs) and all(o != "泰州恒达机械有限公司" for _, _, o in triples(evs))


# --- money given earlier in the sentence than the campaign it pays for ----------------------

def test_money_spent_before_the_campaign_in_its_sentence_funds_it():
    text = ("今年7至8月,泰州市总工会计划投入20万元,组成多个慰问组到重点企业、重点项目为"
            "5000多名职工“送清凉”。")
    evs = events(text, ["送清凉"], ["泰州市总工会"])
    assert ("fund", "送清凉", "泰州市总工会") in triples(evs)


def test_money_before_another_campaign_does_not_fund_the_later_one():
    # the money belongs to the campaign between; the later one takes its own verb only
    text = "泰州市总工会投入资金30万元开展“金秋助学”,并启动“送清凉”活动。"
    evs = events(text, ["金秋助学", "送清凉"], ["泰州市总工会"])
    assert ("fund", "金秋助学", "泰州市总工会") in triples(evs)
    assert ("fund", "送清凉", "泰州市总工会") not in triples(evs)


def test_money_in_a_commendation_sentence_does_not_fund_the_title():
    # a commend verb governs the title: no fund event is made from money before it
    text = "泰州市总工会拨付奖励资金5万元,表彰10个“工人先锋号”。"
    evs = events(text, ["工人先锋号"], ["泰州市总工会"])
    assert ("fund", "工人先锋号", "泰州市总工会") not in triples(evs)


# --- a campaign named by what it gives is itself the predicate --------------------------------

def test_giving_campaign_after_its_beneficiaries_is_carried_out():
    # no verb of its own: 为…职工“送清凉” is what the subject does
    text = "7月10日,泰州市总工会组成慰问组深入建筑工地,为200多名一线职工“送清凉”。"
    evs = events(text, ["送清凉"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "送清凉", "泰州市总工会")]


def test_giving_campaign_keeps_its_own_verb_and_other_names_need_one():
    # a verb of its own still decides (深入开展 → promote); a name that is no verb of giving
    # after the beneficiaries is only mentioned
    evs = events("泰州市总工会为一线职工深入开展“送清凉”活动。", ["送清凉"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "送清凉", "泰州市总工会")]
    evs = events("泰州市总工会为一线职工“工人先锋号”代表颁发证书。", ["工人先锋号"], ["泰州市总工会"])
    assert ("launch", "工人先锋号", "泰州市总工会") not in triples(evs)


# --- a person's call is the call of the body of their post -----------------------------------

def test_speaker_introduced_with_a_party_post_makes_the_party_the_caller():
    text = ("3月2日,泰州市总工会召开全委会议。泰州市委组织部副部长李某某出席会议并讲话。"
            "李某某强调,要深入推进“双推”工作,广泛开展劳动竞赛。")
    evs = events(text, ["双推"], ["泰州市总工会", "泰州市委组织部"])
    assert triples(evs) == [("promote", "双推", "泰州市委组织部")]


def test_speaker_of_the_union_itself_and_unknown_speaker_keep_the_own_body():
    text = ("3月2日,泰州市总工会召开全委会议,泰州市总工会主席王某某出席会议。"
            "王某某强调,要深入推进“双推”工作。会议指出,要持续开展“金秋助学”活动。")
    evs = events(text, ["双推", "金秋助学"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会"),
                            ("promote", "金秋助学", "泰州市总工会")]


# --- 创新 as a verb of creating a mechanism ---------------------------------------------------

def test_innovating_a_mechanism_launches_it_but_technical_innovation_only_qualifies():
    evs = events("泰州市总工会创新“双推”工作机制,推动企业建会。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会")]
    evs = events("泰州市总工会深入开展职工技术创新“五小”活动。", ["五小"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "五小", "泰州市总工会")]


def test_as_or_for_the_sake_of_is_no_beneficiary():
    # 作为…“送温暖”活动的协办单位: 为 inside 作为 names no people the campaign is given to
    evs = events("作为今年“送温暖”活动的协办单位,泰州恒达机械有限公司出资购买年货。", ["送温暖"],
                 ["泰州恒达机械有限公司"])
    assert not any(a == "launch" for a, _, _ in triples(evs))


# --- found on the second blind batch (after its honest score was taken) ----------------------

def test_theme_frame_takes_the_continuity_of_the_verb_governing_it():
    text = "春节期间,泰州市总工会继续在全市开展以“双推”为主题的走访慰问活动。"
    evs = events(text, ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会")]
    # a bare modifier before the frame with no verb (坚持以“X”为载体) leaves it a launch
    evs = events("泰州市总工会坚持以“双推”为载体,建强基层组织。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会")]


def test_jointly_holding_launches_and_new_year_goods_are_goods():
    evs = events("泰州市总工会与泰州市委组织部联办“双推”创新设计大赛。", ["双推"],
                 ["泰州市总工会", "泰州市委组织部"])
    assert ("launch", "双推", "泰州市总工会") in triples(evs)
    text = "作为“送温暖”活动的协办单位,泰州恒达机械有限公司出资发放年货。"
    evs = events(text, ["送温暖"], ["泰州恒达机械有限公司"])
    assert ("fund", "送温暖", "泰州恒达机械有限公司") in triples(evs)


def test_doing_it_as_a_topic_over_a_comma_is_no_act():
    # what holding the contest means, stated by a speaker: no one is said to hold it here
    text = "李某某指出,举办“双推”技能大赛,既是职工技能的一次展示,也是培养人才的平台。"
    evs = events(text, ["双推"], ["泰州市总工会"])
    assert triples(evs) == []
    evs = events("泰州市总工会举办“双推”技能大赛,既展示了技能,也培养了人才。", ["双推"],
                 ["泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会")]


# --- found on the third blind batch (after its honest score was taken) -----------------------

def test_money_before_a_long_list_of_beneficiaries_still_funds_the_campaign():
    text = ("本次活动,泰州市总工会筹措资金5万余元,为全市300名35周岁至60周岁的货车司机、快递员、"
            "外卖送餐员、家政服务员、环卫工人等新就业形态女性劳动者开展“双推”服务。")
    evs = events(text, ["双推"], ["泰州市总工会"])
    assert ("fund", "双推", "泰州市总工会") in triples(evs)


def test_providing_money_funds_and_making_it_a_brand_promotes():
    evs = events("“送温暖”活动由泰州市总工会提供慰问资金3万元。", ["送温暖"], ["泰州市总工会"])
    assert ("fund", "送温暖", "泰州市总工会") in triples(evs)
    evs = events("泰州市总工会要求,把“送温暖”工作做成职工满意的品牌工程。", ["送温暖"],
                 ["泰州市总工会"])
    assert triples(evs) == [("promote", "送温暖", "泰州市总工会")]


def test_launch_ceremony_of_two_contests_joined_by_ji():
    text = ("4月8日,“双推”全市职工劳动竞赛暨滨江新城项目建设专项劳动竞赛启动仪式举行。"
            "竞赛由泰州市总工会主办。")
    evs = events(text, ["双推"], ["泰州市总工会"])
    assert [(a, c) for a, c, _ in triples(evs)] == [("launch", "双推")]
