"""Round-3 rules of the events extractor that make it hold on unseen pages, each on sentences
written for this file (genre style, no page text): verbs of each action type beyond the first
pages' wording, frames after the campaign (在…举行, 由…主办), noun-like verbs, anaphors that
take up a campaign named before, short union names, and years of pages dated only by month,
by an ISO date or by their own dateline."""
import pytest

from test_events import events, triples


# --- verbs of each action type ------------------------------------------------------------

@pytest.mark.parametrize("verb,action", [
    ("组织实施", "launch"), ("着力打造", "launch"), ("创新开展", "launch"), ("搭建", "launch"),
    ("广泛开展", "launch"), ("全面推广", "promote"), ("复制推广", "promote"),
    ("提档升级", "promote"), ("抓实", "promote"), ("全面推进", "promote"),
])
def test_more_verbs_by_action_type(verb, action):
    evs = events(f"今年，泰州市总工会在全市{verb}“双推”工作。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [(action, "双推", "泰州市总工会")]


def test_more_commend_and_fund_verbs():
    evs = events("泰州市总工会通报表扬了一批“工人先锋号”集体。", ["工人先锋号"], ["泰州市总工会"])
    assert triples(evs) == [("commend", "工人先锋号", "泰州市总工会")]
    evs = events("泰州恒达机械有限公司工会入选“模范职工之家”。", ["模范职工之家"],
                 ["泰州恒达机械有限公司工会"])
    assert triples(evs) == [("commend", "模范职工之家", None)]
    assert evs[0].recipient == "泰州恒达机械有限公司工会"
    evs = events("泰州市总工会在“金秋助学”活动中筹措善款30万元。", ["金秋助学"], ["泰州市总工会"])
    assert ("fund", "金秋助学", "泰州市总工会") in triples(evs)


def test_learn_with_visit_and_study_verb():
    evs = events("泰州市总工会赴扬州参观学习“三培养工程”经验做法。", ["三培养工程"],
                 ["泰州市总工会"], ["扬州"])
    assert ("learn", "三培养工程", "泰州市总工会") in triples(evs)
    assert [e.source_place for e in evs if e.action == "learn"] == ["江苏省扬州市"]


# --- frames after the campaign --------------------------------------------------------------

def test_after_frames_with_a_place_between():
    evs = events("“双推”竞赛决赛在泰州市体育馆举行。", ["双推"], [], title="泰州动态")
    assert [e.action for e in evs] == ["launch"]
    evs = events("“双推”活动在全市各乡镇全面铺开。", ["双推"], [])
    assert [e.action for e in evs] == ["launch"]
    evs = events("首届“泰州工匠”评选结果揭晓。", ["泰州工匠"], [])
    assert [e.action for e in evs] == ["commend"]


def test_progress_report_of_a_campaign_is_no_launch():
    evs = events("泰州市总工会督查“双推”活动开展情况。", ["双推"], ["泰州市总工会"])
    assert [e.action for e in evs] == ["inspect"]


def test_agent_after_you_acts():
    evs = events("“双推”竞赛由泰州市委组织部和市总工会联合主办。", ["双推"],
                 ["泰州市委组织部", "市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市委组织部"), ("launch", "双推", "泰州市总工会")]


# --- noun-like verbs and verbs written together ----------------------------------------------

def test_noun_like_verb_inside_another_name_governs_nothing_after_it():
    evs = events("泰州市总工会实施职工素质提升工程、“双推”计划。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会")]


def test_two_verbs_written_together_are_one_verb():
    evs = events("泰州市总工会培育选树五十名各行业的“泰州工匠”。", ["泰州工匠"], ["泰州市总工会"])
    assert [e.action for e in evs] == ["commend"]


def test_occasion_frame_is_no_event():
    evs = events("泰州市总工会以“双推”十周年为契机，召开座谈会。", ["双推"], ["泰州市总工会"])
    assert evs == []


# --- anaphors --------------------------------------------------------------------------------

def test_anaphor_takes_up_the_campaign_named_before():
    text = "泰州市总工会去年推出“双推”活动，成效明显。今后将持续推广这一做法。"
    evs = events(text, ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会"), ("promote", "双推", "泰州市总工会")]
    assert evs[1].text == "推广这一做法"


def test_anaphor_far_from_any_name_takes_the_headline_campaign():
    filler = "职工满意度持续提高，" * 40
    text = f"泰州市总工会推出“双推”活动。{filler}今年，市总工会将全面推广该活动。"
    evs = events(text, ["双推"], ["泰州市总工会", "市总工会"], title="泰州“双推”见实效")
    assert ("promote", "双推", "泰州市总工会") in triples(evs)
    assert events(text, ["双推"], ["泰州市总工会", "市总工会"], title="泰州工会动态")[1:] == []


def test_anaphor_without_any_campaign_makes_nothing():
    assert events("泰州市总工会将推广这一做法。", [], ["泰州市总工会"]) == []


# --- short union names -----------------------------------------------------------------------

def test_short_name_stands_for_the_one_union_body():
    from unionnlp.extractors.events.coref import covered, short_union_mentions
    from unionnlp.records import Organization

    text = "泰州市总工会启动“双推”行动。3月，市总工会拨付专项资金20万元用于“双推”行动。"
    org = Organization(name="泰州市总工会", canonical="泰州市总工会", kind="union",
                       place="江苏省泰州市", start=0, end=6)
    found = short_union_mentions(text, [org], covered(text, [(0, 6)]))
    assert [(o.canonical, text[o.start:o.end]) for o in found] == [("泰州市总工会", "市总工会")]


def test_short_name_is_not_read_inside_other_words():
    text = "泰州市总工会启动“双推”行动。市总体规划已对“双推”行动作出安排，市总量控制。"
    from unionnlp.extractors.events.coref import covered, short_union_mentions
    from unionnlp.records import Organization

    org = Organization(name="泰州市总工会", canonical="泰州市总工会", kind="union",
                       place="江苏省泰州市", start=0, end=6)
    assert short_union_mentions(text, [org], covered(text, [(0, 6)])) == []


def test_short_name_after_a_place_is_that_place_s_body():
    from unionnlp.extractors.events.coref import covered, short_union_mentions
    from unionnlp.records import Organization, Place

    text = "扬州市总工会到访。泰州市总工会接待。"
    org = Organization(name="扬州市总工会", canonical="扬州市总工会", kind="union",
                       place="江苏省扬州市", start=0, end=6)
    tz = Place(name="泰州", canonical="江苏省泰州市", start=9, end=11)
    assert short_union_mentions(text, [org], covered(text, [(0, 6)]), places=[tz]) == []


def test_short_name_prefers_the_body_of_the_article_place():
    from unionnlp.extractors.events.coref import covered, short_union_mentions
    from unionnlp.records import Organization

    text = "扬州市总工会与泰州市总工会座谈。会后，市总工会发布通知。"
    yz = Organization(name="扬州市总工会", canonical="扬州市总工会", kind="union",
                      place="江苏省扬州市", start=0, end=6)
    tz = Organization(name="泰州市总工会", canonical="泰州市总工会", kind="union",
                      place="江苏省泰州市", start=7, end=13)
    found = short_union_mentions(text, [yz, tz], covered(text, [(0, 6), (7, 13)]), place="江苏省泰州市")
    assert [(o.canonical, text[o.start:o.end]) for o in found] == [("泰州市总工会", "市总工会")]
    assert short_union_mentions(text, [yz, tz], covered(text, [(0, 6), (7, 13)])) == []


# --- years -----------------------------------------------------------------------------------

def test_iso_date_in_the_sentence_gives_the_year():
    evs = events("2019-06-18，泰州市总工会启动“双推”行动。", ["双推"], ["泰州市总工会"],
                 published="2021-05-10")
    assert (evs[0].year, evs[0].year_basis) == (2019, "explicit")


def test_month_late_in_the_year_in_a_january_page_is_the_year_before():
    evs = events("12月28日，泰州市总工会启动“双推”行动。", ["双推"], ["泰州市总工会"],
                 published="2022-01-06")
    assert evs[0].year == 2021
    evs = events("1月3日，泰州市总工会启动“双推”行动。", ["双推"], ["泰州市总工会"],
                 published="2022-01-06")
    assert evs[0].year == 2022


def test_page_without_date_is_dated_by_its_dateline():
    text = "发布时间：2023-04-12\n今年，泰州市总工会启动“双推”行动。"
    evs = events(text, ["双推"], ["泰州市总工会"], published=None)
    assert (evs[0].year, evs[0].year_basis) == (2023, "relative")
    text = "今年，泰州市总工会启动“双推”行动。\n（2020年9月3日）"
    evs = events(text, ["双推"], ["泰州市总工会"], published=None)
    assert evs[0].year == 2020


# --- money named after the campaign, times between campaign and verb -------------------------

def test_money_named_after_the_campaign_is_funded_by_the_verb_before_it():
    evs = events("泰州市总工会筹措了20万元“金秋助学”专项资金。", ["金秋助学"], ["泰州市总工会"])
    assert ("fund", "金秋助学", "泰州市总工会") in triples(evs)
    evs = events("海陵区总工会向困难职工子女发放“金秋助学”助学金。", ["金秋助学"], ["海陵区总工会"])
    assert ("fund", "金秋助学", "海陵区总工会") in triples(evs)


def test_ceremony_of_handing_out_campaign_money():
    evs = events("泰州市总工会举行“送温暖”慰问金发放仪式。", ["送温暖"], ["泰州市总工会"])
    assert ("fund", "送温暖", "泰州市总工会") in triples(evs)


def test_campaign_started_at_a_date_written_between():
    evs = events("泰州市总工会“送温暖”活动于2020年12月初启动。", ["送温暖"], ["泰州市总工会"],
                 published="2021-02-01")
    assert triples(evs) == [("launch", "送温暖", "泰州市总工会")]
    assert evs[0].year == 2020


def test_results_announced_commend():
    evs = events("省总工会揭晓了本年度“泰州工匠”评选结果。", ["泰州工匠"], ["省总工会"])
    assert [e.action for e in evs] == ["commend"]


def test_organisation_as_a_noun_launches_nothing():
    evs = events("推动社会组织“双推”工作。", ["双推"], [])
    assert all(not e.text.startswith("组织") for e in evs)


# --- short union names completed with the article's place ------------------------------------


def _region():
    from unionnlp.records import Place

    return Place(name="新疆", canonical="新疆维吾尔自治区", level="province", adcode="650000")


def test_short_name_no_organization_completes_takes_the_article_place():
    text = "去年，自治区总工会深化“双推”活动。"
    evs = events(text, ["双推"], [], place=_region())
    assert triples(evs) == [("promote", "双推", "新疆维吾尔自治区总工会")]


def test_short_name_of_another_level_of_the_article_place():
    from unionnlp.records import Place

    hl = Place(name="海陵区", canonical="江苏省泰州市海陵区", level="county", adcode="321202")
    evs = events("3月，县总工会启动“双推”活动。会上，市总工会部署了“金秋助学”工作。",
                 ["双推", "金秋助学"], [], place=hl)
    # no county in a district's chain: 县总工会 stays unknown; 市总工会 is 泰州市总工会
    assert ("launch", "金秋助学", "泰州市总工会") in triples(evs)
    assert all(e.actor != "海陵区总工会" for e in evs)


def test_short_name_inside_another_full_name_is_not_completed():
    from unionnlp.extractors.events.coref import covered, place_union_mentions

    text = "朝阳区总工会与市总工会座谈。"
    found = place_union_mentions(text, covered(text, []), _region())
    assert found == []  # 朝阳区总工会: another district's body; 市总工会: no city in the chain


def test_organization_named_only_by_its_short_name_gets_the_full_identity():
    from unionnlp.extractors.events.coref import resolve_short_names
    from unionnlp.records import Organization

    short = Organization(name="省总工会", canonical="省总工会", kind="union", start=0, end=4)
    full = Organization(name="江苏省总工会", canonical="江苏省总工会", kind="union",
                        place="江苏省", start=10, end=16)
    out = resolve_short_names([short, full])
    assert out[0].canonical == "江苏省总工会" and out[0].start == 0
    out = resolve_short_names([short], _region())
    assert out[0].canonical == "省总工会"  # a region is no 省: left as it is


# --- a body's name without its place; a relative clause with a time between -----------------

def test_name_written_again_without_its_place_is_the_same_body():
    from unionnlp.extractors.events.coref import covered, placeless_mentions, resolve_short_names
    from unionnlp.records import Organization, Place

    text = "南京恒通电缆集团公司工会召开职代会。会后，恒通电缆集团公司工会启动“双推”行动。"
    full = Organization(name="南京恒通电缆集团公司工会", canonical="南京恒通电缆集团公司工会",
                        kind="union", place="江苏省南京市", start=0, end=12)
    nj = Place(name="南京", canonical="江苏省南京市", start=0, end=2)
    found = placeless_mentions(text, [full], covered(text, [(0, 12)]), [nj])
    assert [(o.canonical, text[o.start:o.end]) for o in found] == \
        [("南京恒通电缆集团公司工会", "恒通电缆集团公司工会")]
    # the organization extractor's own mention of the shorter name takes the full identity
    short = Organization(name="恒通电缆集团公司工会", canonical="恒通电缆集团公司工会", kind="union",
                         start=text.find("恒通电缆集团公司工会", 12), end=text.find("恒通电缆集团公司工会", 12) + 10)
    assert resolve_short_names([full, short])[1].canonical == "南京恒通电缆集团公司工会"


def test_generic_rest_of_a_name_is_no_mention():
    from unionnlp.extractors.events.coref import covered, placeless_mentions
    from unionnlp.records import Organization

    text = "泰州市总工会召开会议，市总工会、县总工会参加。"
    org = Organization(name="泰州市总工会", canonical="泰州市总工会", kind="union",
                       place="江苏省泰州市", start=0, end=6)
    assert placeless_mentions(text, [org], covered(text, [(0, 6)])) == []


def test_relative_clause_with_a_time_between_body_and_verb():
    text = "泰州市总工会在“十四五”期间开展的“双推”行动成效明显。"
    evs = events(text, ["双推", "十四五"], ["泰州市总工会"])
    assert ("launch", "双推", "泰州市总工会") in triples(evs)
    evs = events("学府街社区建立的“双推”服务站投入使用。", ["双推"], ["泰州市总工会"],
                 title="泰州市总工会动态")
    assert triples(evs) == [("launch", "双推", None)]


# --- continuity with an adverb between, frame words after the campaign ----------------------

def test_continuity_with_an_adverb_of_manner_between():
    evs = events("泰州市总工会深入扎实开展“双推”工作。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会")]
    evs = events("泰州市总工会扎实开展“双推”工作。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会")]


def test_progress_words_after_the_campaign():
    evs = events("今年，海陵区“双推”工作稳步推进。", ["双推"], [], title="海陵区总工会动态")
    assert [e.action for e in evs] == ["promote"]
    evs = events("泰州市“金秋助学”服务月正式启动。", ["金秋助学"], [])
    assert [e.action for e in evs] == ["launch"]


def test_running_for_years_dates_the_launch():
    evs = events("泰州市总工会的“双推”实施一年多来，已推荐职工骨干三百名。", ["双推"],
                 ["泰州市总工会"], published="2021-05-10")
    assert [(e.action, e.year) for e in evs] == [("launch", 2020)]


def test_implementation_opinions_are_a_document_not_an_act_after_the_campaign():
    text = "泰州市总工会印发《关于推进“双推”工作的实施意见》。"
    evs = events(text, ["双推"], ["泰州市总工会"])
    assert [e.action for e in evs] == ["launch"]
    assert evs[0].text.startswith("关于")


def test_practice_spread_written_after_the_campaign():
    evs = events("泰州“双推”经验做法在全省推广。", ["双推"], [], title="省总工会动态")
    assert [e.action for e in evs] == ["promote"]


def test_campaign_spread_over_an_area_written_after_it():
    evs = events("“双推”工作已在全市非公企业全面推开。", ["双推"], [], title="泰州市总工会动态")
    assert [e.action for e in evs] == ["launch"]
