"""Round-6 (second pass) error types of practice events on fresh union news pages: who acts,
when and where. Each fixed on sentences written for this file (genre style, no page text)."""
from test_events import events, triples
from unionnlp.records import Place


# --- the article's own body: a union before a party or government body in the lead ---------

def test_union_in_a_persons_titles_is_the_own_body_before_the_party():
    # the lead names a person by two titles (a party post and the union chair); the union is
    # the body whose news it is, and the subjectless sentence after is its statement
    text = ("5月20日上午,全市“双推”劳动竞赛推进会举行。泰州市委组织部副部长、泰州市总工会主席"
            "王某某出席会议并讲话。对于竞赛中表现突出的班组授予“工人先锋号”称号。")
    evs = events(text, ["双推", "工人先锋号"], ["泰州市委组织部", "泰州市总工会"])
    assert ("commend", "工人先锋号", "泰州市总工会") in triples(evs)
    assert not any(o == "泰州市委组织部" for _, _, o in triples(evs))


def test_party_body_stays_the_own_body_when_no_union_is_in_the_lead():
    text = ("泰州市委组织部近日召开全市党建工作会议,部署下半年工作。会议要求,要持续推进“双推”"
            "工作走深走实。")
    evs = events(text, ["双推"], ["泰州市委组织部"])
    assert triples(evs) == [("promote", "双推", "泰州市委组织部")]


# --- a body after a verb of carrying out another's plan is no subject ------------------------

def test_body_after_jianxing_or_guanche_is_the_frame_not_the_actor():
    for verb in ("践行", "贯彻", "落实", "响应"):
        evs = events(f"{verb}泰州市委组织部“三服务”部署,扎实开展“双推”专项行动。", ["双推"],
                     ["泰州市委组织部"])
        assert triples(evs) == [("launch", "双推", None)], verb


# --- the place of an act of a national body ---------------------------------------------------

def _national_events(text, campaign, names):
    from unionnlp.extractors.events import find_events
    from unionnlp.records import Campaign, Organization
    from test_events import TZ, _spans

    camps = [Campaign(name=n, canonical=n, start=s, end=e) for n, s, e in _spans(text, [campaign])]
    kinds = {"中华全国总工会": ("union", "全国")}
    orgs = [Organization(name=n, canonical=n, kind=kinds.get(n, ("government", None))[0],
                         place=kinds.get(n, ("government", None))[1], start=s, end=e)
            for n, s, e in _spans(text, names)]
    return find_events(text, campaigns=camps, organizations=orgs, place=TZ,
                       published="2021-05-10")


def test_a_ministry_written_without_place_acts_for_the_whole_country():
    text = "2016年,教育部和中华全国总工会联合实施“求学圆梦行动”。"
    evs = _national_events(text, "求学圆梦行动", ["教育部", "中华全国总工会"])
    assert [(e.actor, e.place) for e in evs] == [("教育部", "全国"), ("中华全国总工会", "全国")]
    text = "国家卫生健康委员会联合下发通知,表彰全国“安康杯”竞赛优胜单位。"
    evs = _national_events(text, "安康杯", ["国家卫生健康委员会"])
    assert [(e.action, e.place) for e in evs] == [("commend", "全国")]


def test_a_body_without_place_and_not_national_keeps_the_articles_place():
    text = "集群工会深入开展“双推”活动。"
    evs = _national_events(text, "双推", ["集群工会"])
    assert [e.place for e in evs] == ["江苏省泰州市"]


# --- the year of a total counted up to a date ------------------------------------------------

def test_a_year_after_jiezhi_dates_the_total():
    text = ("2016年,泰州市总工会启动“求学圆梦行动”。截至2020年6月,各级工会累计投入“求学圆梦行动”"
            "资金300万元。")
    evs = events(text, ["求学圆梦行动"], ["泰州市总工会"])
    assert [(e.action, e.year) for e in evs] == [("launch", 2016), ("fund", 2020)]


def test_a_year_after_zhi_still_ends_a_span():
    from unionnlp.extractors.events.dating import _DATE

    assert [m.group("y") for m in _DATE.finditer("表彰2019至2020年度先进") if m.group("y")] == []
    assert [m.group("y") for m in _DATE.finditer("截至2020年底") if m.group("y")] == ["2020"]


# --- verbs missing and a noun compound read as a verb ----------------------------------------

def test_duanzao_builds_a_brand_and_yiyi_tuiguang_spreads_it():
    evs = events("泰州市总工会深入锻造“双推”工会工作品牌。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会")]
    evs = events("省总工会对泰州市“双推”经验予以推广。", ["双推"], ["省总工会"])
    assert triples(evs) == [("promote", "双推", "江苏省总工会")]


def test_raising_compound_before_the_name_is_no_verb():
    evs = events("泰州市总工会扎实开展农民工学历提升“求学圆梦行动”。", ["求学圆梦行动"],
                 ["泰州市总工会"])
    assert triples(evs) == [("launch", "求学圆梦行动", "泰州市总工会")]
    # the programme only named, with its compound, and said to lead: no act
    evs = events("全市农民工学历提升“求学圆梦行动”在全省领先。", ["求学圆梦行动"], [])
    assert triples(evs) == []


# --- the owner of a programme named before it with 的 -----------------------------------------

def test_owner_before_de_carries_out_its_programme():
    evs = events("据了解，泰州市总工会的“双推”活动已连续开展五年。", ["双推"], ["泰州市总工会"])
    assert triples(evs) == [("promote", "双推", "泰州市总工会")]


def test_owner_of_an_experience_spread_elsewhere_is_not_the_spreader():
    evs = events("江苏省总工会召开会议。泰州市总工会的“双推”经验在全省推广。", ["双推"],
                 ["江苏省总工会", "泰州市总工会"])
    assert ("promote", "双推", "泰州市总工会") not in triples(evs)


# --- bodies that are where the act happens, not who does it -----------------------------------

def test_body_gone_into_with_shenru_or_qianwang_is_visited_not_acting():
    for verb in ("深入", "前往", "走进"):
        text = f"5月29日，泰州市总工会调研组一行{verb}泰州恒达机械有限公司工会调研“职工之家”建设。"
        evs = events(text, ["职工之家"], ["泰州市总工会", "泰州恒达机械有限公司工会"])
        assert triples(evs) == [("inspect", "职工之家", "泰州市总工会")], verb


def test_body_inside_a_zai_phrase_after_the_subject_is_the_venue():
    text = "近日，泰州市总工会在“最美驿站”——泰州恒达机械有限公司职工驿站开展“双推”慰问活动。"
    evs = events(text, ["最美驿站", "双推"], ["泰州市总工会", "泰州恒达机械有限公司"])
    assert ("launch", "双推", "泰州市总工会") in triples(evs)
    assert not any(o == "泰州恒达机械有限公司" for _, _, o in triples(evs))
    # a body that opens its own clause after a comma still acts
    text = "泰州市总工会在海陵区召开会议，泰州恒达机械有限公司工会开展“双推”活动。"
    evs = events(text, ["双推"], ["泰州市总工会", "泰州恒达机械有限公司工会"])
    assert triples(evs) == [("launch", "双推", "泰州恒达机械有限公司工会")]


# --- the organizer after 由 once a theme frame is closed --------------------------------------

def test_organizer_after_you_following_a_theme_frame_acts():
    text = ("泰州市总工会主席王某某出席发布会。据悉，本届大赛以“双推”为主题，由泰州市委组织部主办，"
            "泰州市总工会承办。")
    evs = events(text, ["双推"], ["泰州市委组织部", "泰州市总工会"])
    assert triples(evs) == [("launch", "双推", "泰州市委组织部")]


# --- a counted set of bodies is no named actor -------------------------------------------------

def test_counted_bodies_after_xieshou_leave_the_named_body_the_actor():
    text = "12月28日起，泰州市总工会携手7个泰州恒达机械有限公司工会开展了“双推”慰问活动。"
    evs = events(text, ["双推"], ["泰州市总工会", "泰州恒达机械有限公司工会"])
    assert triples(evs) == [("launch", "双推", "泰州市总工会")]


def test_ge_before_a_body_makes_a_set_not_a_subject():
    text = "近日，海陵区各泰州恒达机械有限公司工会开展“双推”活动。"
    evs = events(text, ["双推"], ["泰州恒达机械有限公司工会"], ["泰州"])
    assert triples(evs) == [("launch", "双推", None)]


# --- where an act without a named doer happens -------------------------------------------------

def test_actorless_act_in_a_part_of_the_articles_place_happens_there():
    hl = Place(name="海陵区", canonical="江苏省泰州市海陵区", level="county", adcode="321202")
    text = "近日，海陵区各社区“爱心驿家”开展“双推”慰问活动。"
    evs = _events_with_places(text, ["双推"], [("海陵区", hl)])
    assert [(e.actor, e.place) for e in evs] == [(None, "江苏省泰州市海陵区")]


def test_actorless_act_opened_by_a_wider_place_keeps_the_articles_place():
    js = Place(name="江苏", canonical="江苏省", level="province", adcode="320000")
    text = "近日，江苏各地开展“双推”慰问活动。"
    evs = _events_with_places(text, ["双推"], [("江苏", js)])
    assert [(e.actor, e.place) for e in evs] == [(None, "江苏省泰州市")]


def _events_with_places(text, campaigns, places):
    import dataclasses
    from unionnlp.extractors.events import find_events
    from unionnlp.records import Campaign
    from test_events import TZ, _spans

    camps = [Campaign(name=n, canonical=n, start=s, end=e) for n, s, e in _spans(text, campaigns)]
    pl = [dataclasses.replace(p, start=text.find(n), end=text.find(n) + len(n)) for n, p in places]
    return find_events(text, campaigns=camps, organizations=[], places=pl, place=TZ,
                       published="2021-05-10")


def test_actorless_act_opened_by_a_bare_name_keeps_the_articles_place():
    # a bare name (长沙, 海陵) may stand for the city or for a county of that name: it is not
    # trusted as a part of the article's place
    hl = Place(name="海陵", canonical="江苏省泰州市海陵区", level="county", adcode="321202")
    text = "会上，海陵正式启动“双推”服务行动。"
    evs = _events_with_places(text, ["双推"], [("海陵", hl)])
    assert [e.place for e in evs] == ["江苏省泰州市"]
