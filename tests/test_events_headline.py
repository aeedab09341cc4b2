"""Events stated in the headline count like body ones (EVENTS.md), without offsets.

Sentences are written for these tests."""
from __future__ import annotations

import json

import unionnlp
from unionnlp.extractors.events import headline_events
from unionnlp.records import Campaign, Record

BODY_WITHOUT_VERB = "会上，各镇街工会负责人交流了做法。据悉，全市已建成户外站点120个。"


def test_a_statement_only_the_headline_makes_is_an_event_without_offsets():
    r = unionnlp.extract(BODY_WITHOUT_VERB, title="高邮市总工会启动“暖心驿站”建设行动",
                         published="2023-05-04")
    assert [(e.action, e.campaign, e.actor) for e in r.events] == \
        [("launch", "暖心驿站", "高邮市总工会")]
    ev = r.events[0]
    assert ev.start is None and ev.end is None
    assert "启动" in ev.text and "暖心驿站" in ev.text
    # a headline reports the news of its day: undated, it takes the year of publication
    assert (ev.year, ev.year_basis) == (2023, "publication")
    assert ev.org_id and ev.org_id in {o.org_id for o in r.organizations}


def test_the_body_keeps_an_event_it_states_too_with_its_offsets():
    body = "近日，高邮市总工会在全市启动“暖心驿站”建设，首批建成站点20个。"
    r = unionnlp.extract(body, title="高邮市总工会启动“暖心驿站”建设行动", published="2023-05-04")
    launches = [e for e in r.events if e.action == "launch" and e.campaign == "暖心驿站"]
    assert len(launches) == 1
    ev = launches[0]
    assert ev.start is not None and body[ev.start:ev.end] == ev.text


def test_a_headline_with_another_verb_adds_its_own_action_first():
    body = "今年以来，高邮市总工会持续开展“暖心驿站”建设，已建成站点120个。"
    r = unionnlp.extract(body, title="高邮市总工会启动“暖心驿站”二期建设", published="2024-03-01")
    actions = [(e.action, e.start is None) for e in r.events if e.campaign == "暖心驿站"]
    assert actions[0] == ("launch", True)
    assert ("promote", False) in actions


def test_no_headline_or_no_campaign_in_it_adds_nothing():
    camp = Campaign(name="暖心驿站", start=0, end=4, campaign_id="暖心驿站")
    assert headline_events(None, campaigns=[camp]) == []
    assert headline_events("", campaigns=[camp]) == []
    assert headline_events("高邮市总工会召开全委会议", campaigns=[camp]) == []
    assert headline_events("高邮市总工会启动“暖心驿站”建设", campaigns=[]) == []


def test_a_name_inside_a_longer_one_is_read_once():
    long_ = Campaign(name="送温暖工程", start=0, end=5, campaign_id="送温暖工程")
    short = Campaign(name="送温暖", start=9, end=12, campaign_id="送温暖")
    evs = headline_events("青山区总工会启动送温暖工程", campaigns=[short, long_],
                          published="2022-01-10")
    assert [e.campaign for e in evs] == ["送温暖工程"]


def test_headline_events_survive_the_record_round_trip():
    r = unionnlp.extract(BODY_WITHOUT_VERB, title="高邮市总工会启动“暖心驿站”建设行动",
                         published="2023-05-04")
    data = json.loads(r.to_json())
    assert data["events"][0]["start"] is None and data["events"][0]["action"] == "launch"
    back = Record.from_json(r.to_json())
    assert back.events[0].start is None and back.events[0].text == r.events[0].text


def test_evidence_of_a_headline_item_is_its_headline_fragment_never_the_body():
    r = unionnlp.extract(BODY_WITHOUT_VERB, title="高邮市总工会启动“暖心驿站”建设行动",
                         published="2023-05-04")
    ev = r.events[0]
    assert r.evidence(ev) == ev.text and ev.text in r.title
    camp = next(c for c in r.campaigns if c.name == "暖心驿站")
    assert camp.start is None and r.evidence(camp) == "暖心驿站"
    org = next(o for o in r.organizations if o.name == "高邮市总工会")
    assert r.evidence(org) == "高邮市总工会"
    r.title = None
    assert r.evidence(ev) == ""
