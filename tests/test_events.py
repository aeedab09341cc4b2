"""Tests for unionnlp.extractors.events (sentences written for these tests, in the genre's style).

The extractor is given the campaign, organization and place mentions of each sentence as the
other extractors would give them, so these tests fix the event logic alone; the end-to-end
tests at the bottom run the whole flow.
"""
import pytest

from unionnlp.extractors.events import find_events
from unionnlp.records import Campaign, Event, Organization, Place

PLACES = {
    "扬州": ("江苏省扬州市", "city", "321000"),
    "扬州市": ("江苏省扬州市", "city", "321000"),
    "泰州": ("江苏省泰州市", "city", "321200"),
    "泰州市": ("江苏省泰州市", "city", "321200"),
    "江苏": ("江苏省", "province", "320000"),
    "山东": ("山东省", "province", "370000"),
    "东阿": ("山东省聊城市东阿县", "county", "371524"),
    "聊城": ("山东省聊城市", "city", "371500"),
}
ORGS = {
    "泰州市总工会": ("union", "江苏省泰州市"),
    "市总工会": ("union", "江苏省泰州市"),
    "市委组织部": ("party", "江苏省泰州市"),
    "泰州市委组织部": ("party", "江苏省泰州市"),
    "江苏省总工会": ("union", "江苏省"),
    "省总工会": ("union", "江苏省"),
    "颍上县总工会": ("union", "安徽省阜阳市颍上县"),
    "海陵区总工会": ("union", "江苏省泰州市海陵区"),
    "泰州日报": ("media", "江苏省泰州市"),
    "泰州恒达机械有限公司工会": ("union", "江苏省泰州市"),
    "泰州恒达机械有限公司": ("enterprise", "江苏省泰州市"),
}
CANONICAL = {"市总工会": "泰州市总工会", "市委组织部": "泰州市委组织部", "省总工会": "江苏省总工会"}
TZ = Place(name="泰州市", canonical="江苏省泰州市", level="city", adcode="321200")


def _spans(text, names):
    """Every occurrence of each name (longest names first; no overlaps)."""
    taken, out = set(), []
    for name in sorted(names, key=len, reverse=True):
        pos = text.find(name)
        while pos >= 0:
            span = set(range(pos, pos + len(name)))
            if not span & taken:
                taken |= span
                out.append((name, pos, pos + len(name)))
            pos = text.find(name, pos + 1)
    return sorted(out, key=lambda x: x[1])


def events(text, campaigns, orgs=(), places=(), *, title=None, published="2021-05-10",
           place=TZ):
    camps = [Campaign(name=n, canonical=n, start=s, end=e) for n, s, e in _spans(text, campaigns)]
    organizations = [Organization(name=n, canonical=CANONICAL.get(n, n), kind=ORGS[n][0],
                                  place=ORGS[n][1], start=s, end=e)
                     for n, s, e in _spans(text, orgs)]
    pl = [Place(name=n, canonical=PLACES[n][0], level=PLACES[n][1], adcode=PLACES[n][2],
                start=s, end=e) for n, s, e in _spans(text, places)]
    out = find_events(text, campaigns=camps, organizations=organizations, places=pl, place=place,
                      title=title, published=published)
    for ev in out:
        assert isinstance(ev, Event)
        assert text[ev.start:ev.end] == ev.text
        # an event of an anaphor (该活动, 这一做法) holds the anaphor, not the name
        assert ev.campaign in ev.text or any(d in ev.text for d in "该此这本")
    return out


def triples(evs):
    return [(e.action, e.campaign, e.actor) for e in evs]


# --- the action: verbs, modifiers of continuity, frames ----------------------------------

@pytest.mark.parametrize("verb,action", [
    ("开展", "launch"), ("启动", "launch"), ("推行", "launch"), ("实施", "launch"),
    ("深入开展", "promote"), ("持续开展", "promote"), ("继续实施", "promote"),
    ("进一步推行", "promote"), ("推进实施", "promote"), ("深化", "promote"), ("推广", "promote"),
])
def test_verb_and_continuity_decide_launch_or_promote(verb, action):
    evs = events(f"今年，泰州市总工会在全市非公企业{verb}“双推”工作。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [(action, "双推", "泰州市总工会")]


def test_meeting_named_after_campaign_promotes_it():
    evs = events("3月2日，泰州市总工会召开“三培养工程”现场推进会。", ["三培养工程"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "三培养工程", "泰州市总工会")]
    assert evs[0].text.endswith("现场推进会")


def test_commendation_meeting_and_active_commend_with_recipient():
    evs = events("泰州市总工会召开“工人先锋号”表彰大会。", ["工人先锋号"], ["泰州市总工会"])
    assert triples(evs) == [("commend", "工人先锋号", "泰州市总工会")]
    evs = events("省总工会授予泰州恒达机械有限公司工会“模范职工之家”称号。", ["模范职工之家"],
                 ["省总工会", "泰州恒达机械有限公司工会"])
    assert triples(evs) == [("commend", "模范职工之家", "江苏省总工会")]
    assert evs[0].recipient == "泰州恒达机械有限公司工会"


def test_honour_received_has_no_actor_unless_the_giver_is_named():
    evs = events("泰州恒达机械有限公司工会荣获“模范职工之家”称号。", ["模范职工之家"],
                 ["泰州恒达机械有限公司工会"])
    assert triples(evs) == [("commend", "模范职工之家", None)]
    assert evs[0].recipient == "泰州恒达机械有限公司工会"
    evs = events("泰州恒达机械有限公司工会被省总工会授予“模范职工之家”称号。", ["模范职工之家"],
                 ["泰州恒达机械有限公司工会", "省总工会"])
    assert triples(evs) == [("commend", "模范职工之家", "江苏省总工会")]
    assert evs[0].recipient == "泰州恒达机械有限公司工会"


def test_object_of_ba_takes_the_verb_after_it():
    evs = events("泰州市总工会把“双推”纳入基层工会年度考核。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会")]
    evs = events("泰州市总工会把“金秋助学”延伸到困难农民工家庭。", ["金秋助学"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "金秋助学", "泰州市总工会")]


def test_frame_around_the_campaign():
    evs = events("海陵区总工会以“安康杯”竞赛为载体，提升班组安全水平。", ["安康杯"], ["海陵区总工会"])
    assert triples(evs) == [("launch", "安康杯", "海陵区总工会")]


def test_plan_document_launches_its_head_campaign_not_its_qualifier():
    text = "泰州市委组织部、泰州市总工会联合印发《关于推进党建带工建“三培养工程”的实施意见》。"
    evs = events(text, ["党建带工建", "三培养工程"], ["泰州市委组织部", "泰州市总工会"])
    assert ("launch", "三培养工程", "泰州市委组织部") in triples(evs)
    assert ("launch", "三培养工程", "泰州市总工会") in triples(evs)
    assert not any(e.action == "launch" and e.campaign == "党建带工建" for e in evs)


def test_main_verb_before_a_relative_clause():
    evs = events("去年，省总工会在全省展开了致力于推动企业技术进步的“五小”竞赛。", ["五小"], ["省总工会"])
    assert triples(evs) == [("launch", "五小", "江苏省总工会")]


def test_a_document_read_out_is_not_issued():
    text = "会上，宣读了《关于在非公企业推行“三培养工程”的实施意见》。"
    assert events(text, ["三培养工程"], ["泰州市总工会"], title="泰州市总工会召开会议") == []


@pytest.mark.parametrize("text", [
    "建立职工骨干培养考核和“双推”推荐机制。",   # 考核 is a noun here
    "加强非公企业和社会组织党建带工建工作。",      # 社会组织 is a noun
])
def test_noun_like_verbs_do_not_act(text):
    assert all(e.action not in ("inspect",) and e.text[:2] != "组织"
               for e in events(text, ["双推", "党建带工建"]))


def test_noun_like_verb_only_governs_what_follows_it_closely():
    # 组织 as the noun of 工会组织 does not launch the campaign four characters on
    evs = events("各级工会组织要以“三培养工程”为主线，泰州市总工会负责指导。", ["三培养工程"],
                 ["泰州市总工会"])
    assert all(e.action != "launch" or e.text.startswith("以") for e in evs)


# --- only mentioned ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "“三培养工程”是指把职工培养成骨干、把骨干培养成党员。",
    "在深入开展“三培养工程”活动中，涌现出一批技术能手。",
    "泰州市总工会学习贯彻“三培养工程”座谈会精神的文章见第二版。",
])
def test_a_campaign_only_mentioned_gives_no_event(text):
    assert events(text, ["三培养工程"], ["泰州市总工会"], ["泰州"]) == []


# --- learn, inspect, fund ----------------------------------------------------------------

def test_learn_from_a_visited_place():
    evs = events("去年底，泰州市总工会组织基层工会干部赴扬州学习“三培养工程”经验。",
                 ["三培养工程"], ["泰州市总工会"], ["扬州"])
    assert triples(evs) == [("learn", "三培养工程", "泰州市总工会")]
    assert evs[0].source_place == "江苏省扬州市"
    assert evs[0].place == "江苏省泰州市"
    assert evs[0].year == 2020 and evs[0].year_basis == "relative"


def test_learning_a_practice_and_launching_it_are_two_events():
    evs = events("泰州市总工会借鉴扬州经验，在全市推行“三培养工程”。", ["三培养工程"],
                 ["泰州市总工会"], ["扬州"])
    assert sorted(triples(evs)) == [("launch", "三培养工程", "泰州市总工会"),
                                    ("learn", "三培养工程", "泰州市总工会")]
    assert [e.source_place for e in evs if e.action == "learn"] == ["江苏省扬州市"]


def test_adopting_names_the_most_specific_place_and_without_a_place_is_a_launch():
    evs = events("颍上县总工会引入山东东阿“三联三促”工作法。", ["三联三促"], ["颍上县总工会"],
                 ["山东", "东阿"])
    assert triples(evs) == [("learn", "三联三促", "颍上县总工会")]
    assert evs[0].source_place == "山东省聊城市东阿县"
    evs = events("颍上县总工会引入“三联三促”工作法。", ["三联三促"], ["颍上县总工会"])
    assert triples(evs) == [("launch", "三联三促", "颍上县总工会")]


def test_learn_verb_without_a_source_place_is_no_learning():
    evs = events("泰州市总工会认真学习“三培养工程”。", ["三培养工程"], ["泰州市总工会"])
    assert [e.action for e in evs] == []


def test_inspection_is_placed_where_it_happens():
    evs = events("6月3日，江苏省总工会副主席一行到泰州调研“三培养工程”推进情况。",
                 ["三培养工程"], ["江苏省总工会"], ["泰州"], place=None)
    assert triples(evs) == [("inspect", "三培养工程", "江苏省总工会")]
    assert evs[0].place == "江苏省泰州市"
    evs = events("省总工会督查组对各市“安康杯”竞赛开展情况进行督查。", ["安康杯"], ["省总工会"])
    assert triples(evs) == [("inspect", "安康杯", "江苏省总工会")]


def test_money_given_under_the_campaign_of_the_sentence():
    text = ("元旦春节期间，泰州市总工会开展“送温暖”活动，走访慰问困难职工1200户，"
            "发放帮扶资金560万元。")
    evs = events(text, ["送温暖"], ["泰州市总工会"])
    assert sorted(triples(evs)) == [("fund", "送温暖", "泰州市总工会"),
                                    ("launch", "送温暖", "泰州市总工会")]


def test_the_campaign_a_sentence_is_about_takes_its_money():
    text = ("“送温暖”活动中，全市工会走访困难职工3000户，为失业职工“送岗位”1200个，"
            "筹集慰问资金800万元。")
    evs = events(text, ["送温暖", "送岗位"])
    funds = [e.campaign for e in evs if e.action == "fund"]
    assert funds == ["送温暖"]


def test_money_in_the_next_sentence_that_goes_on_reporting_or_details_the_campaign():
    text = "1月20日，海陵区总工会“送温暖”工作启动。据介绍，该区安排帮扶资金60万元。"
    evs = events(text, ["送温暖"], ["海陵区总工会"])
    assert sorted(e.action for e in evs) == ["fund", "launch"]
    text = "一是开展“送温暖”活动。春节前走访困难职工120户，发放慰问金36万元。"
    assert "fund" in [e.action for e in events(text, ["送温暖"], ["海陵区总工会"])]


def test_money_in_an_unrelated_next_sentence_is_not_the_campaigns():
    text = ("海陵区总工会今年在园区企业深入开展“技能比武”活动，参赛职工达到两千余人。"
            "突出劳模服务管理，走访慰问劳动模范39名，发放慰问金7.8万元。")
    assert [e.action for e in events(text, ["技能比武"], ["海陵区总工会"])] == ["promote"]


# --- actors ------------------------------------------------------------------------------

def test_coordinated_and_joint_actors_give_one_event_each():
    text = "日前，泰州市委组织部、泰州市总工会联合召开“三培养工程”推进会。"
    evs = events(text, ["三培养工程"], ["泰州市委组织部", "泰州市总工会"])
    assert triples(evs) == [("promote", "三培养工程", "泰州市委组织部"),
                            ("promote", "三培养工程", "泰州市总工会")]
    text = "泰州市总工会联合泰州恒达机械有限公司开展“安康杯”竞赛。"
    evs = events(text, ["安康杯"], ["泰州市总工会", "泰州恒达机械有限公司"])
    assert [e.actor for e in evs] == ["泰州市总工会", "泰州恒达机械有限公司"]


def test_an_organization_after_a_preposition_or_a_calling_verb_does_not_act():
    text = "在市委组织部的指导下，海陵区总工会深入开展“双推”工作。"
    evs = events(text, ["双推"], ["市委组织部", "海陵区总工会"])
    assert triples(evs) == [("promote", "双推", "海陵区总工会")]
    text = "泰州市总工会要求海陵区总工会年内全面推开“三培养工程”。"
    evs = events(text, ["三培养工程"], ["泰州市总工会", "海陵区总工会"])
    assert triples(evs) == [("launch", "三培养工程", "泰州市总工会")]


def test_a_call_across_a_comma_stays_the_callers():
    text = ("6月15日，江苏省总工会一行到泰州调研。\n"
            "调研组要求，泰州市总工会要继续深化“双推”工作。")
    evs = events(text, ["双推"], ["江苏省总工会", "泰州市总工会"], ["泰州"])
    assert triples(evs) == [("promote", "双推", "江苏省总工会")]


def test_the_citys_union_system_speaks_for_the_own_body():
    text = ("3月2日，泰州市总工会召开全委会议，部署全年工作。\n"
            "全市工会深入开展“送温暖”活动。全市上下持续开展“双推”工作。")
    evs = events(text, ["送温暖", "双推"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "送温暖", "泰州市总工会"), ("promote", "双推", None)]


def test_a_sentence_without_subject_is_the_lead_bodys_statement():
    text = ("泰州日报讯 3月17日，泰州市总工会召开全市基层工会工作会议，部署全年工作。\n"
            "会议要求，持续深化“双推”工作，年内实现规上企业全覆盖。")
    evs = events(text, ["双推"], ["泰州日报", "泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会")]
    assert evs[0].year == 2021 and evs[0].year_basis == "publication"


def test_headline_names_the_own_body():
    text = "今年以来，持续开展“四送四进”活动，走进园区企业96家。"
    evs = events(text, ["四送四进"], ["颍上县总工会"], title="颍上县总工会“四送四进”温暖职工")
    assert triples(evs) == [("promote", "四送四进", None)]  # the headline's org is not in the text
    text = "颍上县总工会今年以来工作综述。今年以来，持续开展“四送四进”活动，走进企业96家。"
    evs = events(text, ["四送四进"], ["颍上县总工会"], title="颍上县总工会“四送四进”温暖职工")
    assert triples(evs) == [("promote", "四送四进", "颍上县总工会")]


def test_a_place_or_collective_subject_means_no_actor():
    text = "泰州市总工会召开会议。泰州自2018年持续推进“三培养工程”，全市上下深入开展“双推”工作。"
    evs = events(text, ["三培养工程", "双推"], ["泰州市总工会"], ["泰州"])
    assert triples(evs) == [("promote", "三培养工程", None), ("promote", "双推", None)]
    assert evs[0].year == 2018 and evs[0].year_basis == "explicit"


def test_the_subject_written_before_a_relative_clause():
    text = "泰州市总工会召开会议。其中，海陵街道社区建立的“四点半课堂”受到职工欢迎。"
    evs = events(text, ["四点半课堂"], ["泰州市总工会"])
    assert triples(evs) == [("launch", "四点半课堂", None)]
    text = "泰州市总工会召开会议。由海陵区总工会主办的“职工技能月”活动在园区举行。"
    evs = events(text, ["职工技能月"], ["泰州市总工会", "海陵区总工会"])
    assert triples(evs) == [("launch", "职工技能月", "海陵区总工会")]


def test_a_place_referred_back_to_is_no_actor():
    text = "海陵区总工会召开会议。自此，该区春节“送温暖”工作启动。"
    evs = events(text, ["送温暖"], ["海陵区总工会"])
    assert triples(evs) == [("launch", "送温暖", None)]


def test_a_short_union_name_stands_for_the_one_organization_it_abbreviates():
    text = ("泰州恒达机械有限公司工会去年成立。今年，恒达工会持续开展“安全生产你我他”活动，"
            "泰州市总工会给予支持。")
    evs = events(text, ["安全生产你我他"], ["泰州恒达机械有限公司工会", "泰州市总工会"])
    assert triples(evs) == [("promote", "安全生产你我他", "泰州恒达机械有限公司工会")]


def test_reporting_media_never_act():
    text = "泰州日报开展“双推”专题报道。"
    assert [e.actor for e in events(text, ["双推"], ["泰州日报"])] == [None]


# --- one event per (action, campaign, actor), with the first evidence ---------------------

def test_repeated_statements_are_one_event_with_the_first_evidence():
    text = "泰州市总工会深化“双推”工作。泰州市总工会继续深化“双推”工作，扩大覆盖面。"
    evs = events(text, ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会")]
    assert evs[0].start < text.index("。")


def test_several_campaigns_under_one_verb():
    text = "泰州市总工会持续开展“工会法援在身边”“安全生产你我他”等活动。"
    evs = events(text, ["工会法援在身边", "安全生产你我他"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "工会法援在身边", "泰州市总工会"),
                            ("promote", "安全生产你我他", "泰州市总工会")]


def test_identities_join_events_to_campaigns_and_organizations():
    evs = events("泰州市总工会开展“双推”工作。", ["双推"], ["泰州市总工会"])
    assert evs[0].campaign_id == "双推"
    assert evs[0].org_id == "321200:泰州市总工会"


# --- years --------------------------------------------------------------------------------

def test_year_of_an_official_document_number_dates_its_plans():
    text = ("中共某县委组织部 某县总工会文件 某组〔2010〕35号\n关于开展“职工之家”建设的实施方案\n"
            "今年，各级工会要深入开展“职工之家”建设。")
    evs = events(text, ["职工之家"], published="2019-05-30")
    assert {e.year for e in evs} == {2010}


def test_years_before_a_launch_measured_back_from_the_text():
    text = "泰州市总工会开展“三培养工程”五年来，全市推荐职工骨干3000名。"
    evs = events(text, ["三培养工程"], ["泰州市总工会"], published="2024-03-01")
    assert (evs[0].year, evs[0].year_basis) == (2019, "relative")


def test_a_span_of_years_leaves_the_act_undated():
    text = ("泰州日报讯 3月2日，泰州市总工会召开全委会议。\n"
            "近年来，全市新业态劳动者大量增加。泰州市总工会持续推进“双推”工作。")
    evs = events(text, ["双推"], ["泰州日报", "泰州市总工会"], published="2021-03-03")
    assert (evs[0].year, evs[0].year_basis) == (None, None)
    text = "泰州日报讯 3月2日，泰州市总工会召开全委会议。\n泰州市总工会持续推进“双推”工作。"
    evs = events(text, ["双推"], ["泰州日报", "泰州市总工会"], published="2021-03-03")
    assert (evs[0].year, evs[0].year_basis) == (2021, "publication")  # the story's date


def test_a_period_start_does_not_date_later_sentences():
    text = "自2012年以来，各地探索党工共建。泰州市总工会在全市推行“双推”工作。"
    evs = events(text, ["双推"], ["泰州市总工会"], published=None)
    assert evs[0].year is None


def test_a_text_without_campaigns_has_no_events():
    assert find_events("泰州市总工会召开会议。", campaigns=[], organizations=[]) == []


def test_other_occurrences_of_a_found_organization_act_too():
    # the organization extractor found 泰州市总工会 once; where the text names it again the
    # same body acts
    text = "泰州市总工会召开全委会。去年底，泰州市总工会组织干部赴扬州学习“三培养工程”经验。"
    first = text.index("泰州市总工会")
    org = Organization(name="泰州市总工会", canonical="泰州市总工会", kind="union",
                       place="江苏省泰州市", start=first, end=first + 6)
    camp = Campaign(name="三培养工程", canonical="三培养工程", start=text.index("三培养工程"),
                    end=text.index("三培养工程") + 5)
    yz = Place(name="扬州", canonical="江苏省扬州市", level="city", adcode="321000",
               start=text.index("扬州"), end=text.index("扬州") + 2)
    evs = find_events(text, campaigns=[camp], organizations=[org], places=[yz], place=TZ,
                      published="2021-03-18")
    assert triples(evs) == [("learn", "三培养工程", "泰州市总工会")]


# --- the whole flow ------------------------------------------------------------------------

PAGE = ("泰州日报讯 (记者 周敏)3月17日，泰州市总工会与泰州市委组织部联合印发通知，在全市非公企业"
        "推行“三培养工程”。去年底，泰州市总工会组织基层工会干部赴扬州学习“三培养工程”经验。\n"
        "今年元旦春节期间，市总工会深入开展“送温暖”活动，发放帮扶资金820万元。")


@pytest.fixture(scope="module")
def page_record():
    import unionnlp

    return unionnlp.extract(PAGE, published="2021-03-18", title="泰州推开“三培养工程”")


def test_extract_gives_events_joined_to_campaigns_and_organizations(page_record):
    from unionnlp.extractors import identity

    rec = page_record
    assert rec.events, rec.errors
    camp_ids = {c.campaign_id or identity.campaign_id(c.canonical or c.name) for c in rec.campaigns}
    org_ids = {o.org_id or identity.org_id(o.canonical or o.name, o.adcode)
               for o in rec.organizations}
    for ev in rec.events:
        assert rec.evidence(ev) == ev.text
        assert ev.campaign_id in camp_ids
        assert ev.org_id is None or ev.org_id in org_ids
    got = {(e.action, e.campaign, e.actor) for e in rec.events}
    assert ("launch", "三培养工程", "泰州市总工会") in got
    assert ("learn", "三培养工程", "泰州市总工会") in got
    learn = next(e for e in rec.events if e.action == "learn")
    assert (learn.source_place, learn.year) == ("江苏省扬州市", 2020)
    assert any(e.action == "fund" and e.campaign == "送温暖" for e in rec.events)


def test_events_survive_jsonl(page_record):
    from unionnlp.records import Record

    again = Record.from_json(page_record.to_json())
    assert again.events == page_record.events


def test_spacy_component_writes_event_spans_and_dicts(page_record):
    import unionnlp
    from unionnlp.extractors.pipeline import doc_items, run_extractors

    nlp = unionnlp.load()
    assert "union_events" in nlp.pipe_names
    doc = run_extractors(page_record.text, published="2021-03-18", title="泰州推开“三培养工程”",
                         nlp=nlp)
    assert doc_items(doc, "events") == page_record.events
    spans = doc.spans["events"]
    assert len(spans) == len(page_record.events)
    assert {s.label_ for s in spans} == {"EVENT"}
    assert all("三培养工程" in s.text or "送温暖" in s.text for s in spans)


def test_events_table_in_parquet_and_duckdb(tmp_path):
    import unionnlp
    from unionnlp import batch

    src = tmp_path / "in"
    src.mkdir()
    (src / "taizhou.txt").write_text(PAGE, encoding="utf-8")
    res = batch.run([src], tmp_path / "out", workers=1, progress=False)
    assert res.ok
    con = unionnlp.open(tmp_path / "out")
    rows = con.execute("SELECT action, campaign, campaign_id, actor, org_id, source_place "
                       "FROM events").fetchall()
    assert ("learn", "三培养工程", "三培养工程", "泰州市总工会", "321200:泰州市总工会",
            "江苏省扬州市") in rows
