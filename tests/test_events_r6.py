"""Round-6 error types of practice events found on fresh union news pages, each fixed on
sentences written for this file (genre style, no page text)."""
from test_events import events, triples


# --- a verb far before its campaign, over one long modifier ---------------------------------

def test_launch_verb_reaches_over_a_long_modifier():
    evs = events("泰州市总工会在全市组织开展了形式多样、内容丰富的职工群众性“双推”竞赛活动。",
                 ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会")]


def test_long_reach_needs_a_modifier_of_the_campaign():
    # a long stretch with no attributive 的 (nor list, nor 为) is another object of the verb
    evs = events("泰州市总工会开展职工技能培训活动四十余场次并组织职工参加“双推”。",
                 ["双推"], ["泰州市总工会"])
    assert triples(evs) == []


def test_commend_with_the_honoured_bodies_between_verb_and_title():
    evs = events("泰州市总工会命名泰州恒达机械有限公司等二十家企业为“模范职工之家”。",
                 ["模范职工之家"], ["泰州市总工会", "泰州恒达机械有限公司"])
    assert triples(evs) == [("commend", "模范职工之家", "泰州市总工会")]
    evs = events("泰州市总工会命名全市表现突出、业绩优秀的二十个一线班组为“工人先锋号”。",
                 ["工人先锋号"], ["泰州市总工会"])
    assert triples(evs) == [("commend", "工人先锋号", "泰州市总工会")]
    evs = events("泰州市总工会授予泰州恒达机械有限公司等十家企业“五一劳动奖状”。",
                 ["五一劳动奖状"], ["泰州市总工会", "泰州恒达机械有限公司"])
    assert triples(evs) == [("commend", "五一劳动奖状", "泰州市总工会")]


def test_body_after_jiang_is_the_object_not_the_actor():
    evs = events("泰州市总工会将泰州恒达机械有限公司等二十家单位命名为“模范职工之家”。",
                 ["模范职工之家"], ["泰州市总工会", "泰州恒达机械有限公司"])
    assert triples(evs) == [("commend", "模范职工之家", "泰州市总工会")]


# --- coming to the article's own place -------------------------------------------------------

def test_coming_to_learn_names_the_place_learned_from():
    evs = events("近日,省总工会一行来泰州学习“双推”工作经验。", ["双推"], ["省总工会"],
                 ["泰州"])
    assert [(e.action, e.actor, e.source_place) for e in evs] == [
        ("learn", "江苏省总工会", "江苏省泰州市")]


def test_coming_to_our_city_learns_from_the_article_place():
    evs = events("5月6日,省总工会考察团一行来我市考察学习“双推”工作。", ["双推"], ["省总工会"])
    assert [(e.action, e.actor, e.source_place) for e in evs] == [
        ("learn", "江苏省总工会", "江苏省泰州市")]
    evs = events("5月6日,省总工会来我市调研“双推”工作。", ["双推"], ["省总工会"])
    assert [(e.action, e.place) for e in evs] == [("inspect", "江苏省泰州市")]


def test_lai_ending_a_span_of_time_is_no_coming():
    evs = events("近年来泰州推广“双推”经验。", ["双推"], [], ["泰州"])
    assert [e.action for e in evs] == ["promote"]


# --- continuity, apart from its verb or after the campaign -----------------------------------

def test_continuity_with_years_or_a_place_between():
    evs = events("泰州市总工会已连续十九年开展“双推”活动。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会")]
    evs = events("泰州市总工会决定,今年继续在全市范围内开展“双推”活动。", ["双推"],
                 ["泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会")]


def test_continuity_after_the_campaign():
    evs = events("泰州市总工会“双推”活动已经连续开展了十余年。", ["双推"], ["泰州市总工会"])
    assert [e.action for e in evs] == ["promote"]


# --- adjectives before 的, review-and-award meetings, bodies whose plans are followed ----------

def test_adjective_before_de_is_no_verb_of_the_campaign():
    evs = events("泰州市总工会积极开展形式多样、内容丰富的“双推”活动。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会")]


def test_summary_and_award_meeting_commends():
    evs = events("泰州市总工会召开“双推”劳动竞赛总结表彰会。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("commend", "双推", "泰州市总工会")]


def test_bodies_whose_plans_are_followed_do_not_act():
    evs = events("泰州市总工会认真贯彻市委组织部关于职工工作的部署,在全市开展“双推”活动。",
                 ["双推"], ["泰州市总工会", "市委组织部"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会")]


def test_goods_given_under_a_campaign_fund_it():
    evs = events("泰州市总工会在“双推”活动中为一线职工送去白糖、茶叶等防暑降温物品。", ["双推"],
                 ["泰州市总工会"])
    assert ("fund", "双推", "泰州市总工会") in triples(evs)


# --- documents followed, calls made at a meeting ---------------------------------------------

def test_title_of_a_document_followed_states_no_act():
    evs = events("根据省总工会办公室《关于今年“双推”活动有关安排的通知》精神,泰州市总工会决定"
                 "继续在全市开展“双推”活动。", ["双推"], ["省总工会", "泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会")]


def test_those_called_on_at_a_meeting_leave_the_caller_the_actor():
    evs = events("泰州市委组织部、泰州市总工会联合召开全市职工工作推进会议。会议要求,各地要深入开展"
                 "“双推”活动。", ["双推"], ["泰州市委组织部", "泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市委组织部"), ("promote", "双推", "泰州市总工会")]


def test_body_after_weirao_is_the_frame_not_the_actor():
    evs = events("围绕泰州市委组织部“三服务”部署,扎实开展“双推”专项行动。", ["双推"],
                 ["泰州市委组织部"])
    assert triples(evs) == [("launch", "双推", None)]


# --- a promote verb before a launch word, lists, the programme as a topic of 是 ---------------

def test_promote_verb_right_before_wins_over_a_launch_word_after():
    evs = events("为推进“双推”活动落地见效,泰州市总工会召开专题会议。", ["双推"], ["泰州市总工会"])
    assert [e.action for e in evs] == ["promote"]
    # an occasion or a document named after the campaign keeps its frame
    evs = events("泰州市总工会印发关于推进“双推”活动的实施方案。", ["双推"], ["泰州市总工会"])
    assert [e.action for e in evs] == ["launch"]


def test_campaign_in_a_list_the_verb_governs():
    evs = events("泰州市总工会陆续开展职工法律服务进园区、互助保障进企业、“双推”竞赛、“安康杯”"
                 "知识竞答等活动。", ["双推", "安康杯"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会"), ("launch", "安康杯", "泰州市总工会")]


def test_doing_the_programme_as_subject_of_shi_is_no_event():
    evs = events("开展“双推”活动是服务职工群众的实际行动。", ["双推"], [])
    assert evs == []


# --- years ---------------------------------------------------------------------------------

def test_month_takes_the_year_written_before_it_in_its_sentence():
    evs = events("2020年,泰州市总工会于6月正式启动“双推”行动。", ["双推"], ["泰州市总工会"],
                 published="2021-05-10")
    assert [(e.action, e.year) for e in evs] == [("launch", 2020)]
    evs = events("日前,泰州市总工会启动“双推”行动。", ["双推"], ["泰州市总工会"],
                 published="2021-05-10")
    assert [e.year for e in evs] == [2021]


# --- honours: the honoured between verb and title, 对…进行表彰, 授牌, titles joined ---------------

def test_honoured_bodies_with_a_count_between_verb_and_title():
    evs = events("泰州市总工会决定授予泰州恒达机械有限公司工会等15个单位泰州市模范职工之家称号,"
                 "授予泰州市海陵区第一小学工会小组等17个集体泰州市模范职工小家称号。",
                 ["模范职工之家", "模范职工小家"], ["泰州市总工会", "泰州恒达机械有限公司工会"])
    # the body after 授予 is honoured, not the actor of the next clause
    assert triples(evs) == [("commend", "模范职工之家", "泰州市总工会"),
                            ("commend", "模范职工小家", "泰州市总工会")]


def test_dui_jinxing_biaozhang_commends():
    evs = events("会上,泰州市总工会对今年获得“五一劳动奖章”的18名个人进行了表彰。", ["五一劳动奖章"],
                 ["泰州市总工会"])
    assert ("commend", "五一劳动奖章", "泰州市总工会") in triples(evs)


def test_shoupai_after_the_title_commends():
    evs = events("5月17日,泰州市总工会副主席一行到市妇联进行“模范职工之家”授牌。",
                 ["模范职工之家"], ["泰州市总工会"])
    assert triples(evs) == [("commend", "模范职工之家", "泰州市总工会")]


def test_titles_joined_share_the_frame_after_the_last():
    evs = events("泰州市总工会召开“五一劳动奖章”及“工人先锋号”推荐评选工作布置会。",
                 ["五一劳动奖章", "工人先锋号"], ["泰州市总工会"])
    assert [e.campaign for e in evs if e.action == "commend"] == ["五一劳动奖章", "工人先锋号"]


def test_bodies_listed_as_places_visited_do_not_act():
    evs = events("春节前夕,泰州市总工会赴海陵区、泰州恒达机械有限公司等地,开展“双推”走访慰问活动,"
                 "为一线职工送上慰问品与慰问金。", ["双推"], ["泰州市总工会", "泰州恒达机械有限公司"],
                 ["泰州"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会"), ("fund", "双推", "泰州市总工会")]


def test_how_to_do_it_is_a_topic_not_an_act():
    evs = events("会上,泰州市总工会主席就如何组织开展“双推”竞赛作了经验介绍。", ["双推"],
                 ["泰州市总工会"])
    assert evs == []


# --- co-actors leaking from a frame earlier in the sentence -----------------------------------

def test_second_part_of_a_frame_is_no_subject():
    text = ("按照省总工会的指导意见和泰州市委组织部“双推”工作总要求,泰州市总工会举行劳动竞赛启动"
            "仪式。二是要广泛开展职工科技创新和“安康杯”活动。")
    evs = events(text, ["双推", "安康杯"], ["省总工会", "泰州市委组织部", "泰州市总工会"])
    # 总要求 is a noun, not a call: the body after it is the lead's subject and the article's own
    assert ("launch", "安康杯", "泰州市总工会") in triples(evs)
    assert not any(o == "泰州市委组织部" for _, _, o in triples(evs))


def test_occasion_word_after_a_qualified_contest():
    evs = events("5月12日,泰州市“双推”重点项目劳动竞赛启动仪式在海陵区举行。", ["双推"], [])
    assert [e.action for e in evs] == ["launch"]
    evs = events("3月29日上午,泰州市“双推”争先创优劳动竞赛启动。", ["双推"], [])
    assert [e.action for e in evs] == ["launch"]
    # only an event noun (竞赛, 活动, 行动 …) right before the occasion word lets it reach back
    evs = events("泰州市“双推”先进经验交流材料汇编发布。", ["双推"], [])
    assert evs == []


def test_what_is_named_before_wei_is_no_title():
    evs = events("泰州市总工会决定命名泰州恒达机械有限公司等30家单位职工书屋为“双推示范点”。",
                 ["职工书屋", "双推示范点"], ["泰州市总工会", "泰州恒达机械有限公司"])
    assert triples(evs) == [("commend", "双推示范点", "泰州市总工会")]
