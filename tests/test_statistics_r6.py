"""Metric, kind and evidence of figures, in sentences written for these tests in the shape of
county and district union news."""
from conftest import checked_statistics

PUB = "2019-03-10"


def by_value(text, **kw):
    kw.setdefault("published", PUB)
    return {s.value: s for s in checked_statistics(text, **kw)}


def test_money_paid_to_people_is_named_by_what_is_paid():
    s = by_value("当天,镇工会向48名困难职工发放慰问金共9.6万元,每名环卫工人获得慰问金800元。")
    assert s[96000].metric == "发放慰问金"
    assert s[800].metric == "获得慰问金"
    assert s[48].metric == "困难职工"


def test_the_currency_after_a_sum_is_not_its_metric():
    s = by_value("五年来,区总工会共发放助学资金86.5万元人民币。")
    assert s[865000].metric == "发放助学资金"


def test_funds_obtained_are_reported_not_planned():
    s = by_value("今年,县总工会积极争取到省总工会专项资金30万元,为120名劳模办理体检。")
    assert s[300000].kind == "actual" and s[120].kind == "actual"
    # without 到 the bid is still a plan
    s = by_value("下半年,县总工会争取上级补助资金50万元。")
    assert s[500000].kind == "target"


def test_evidence_of_a_verb_metric_stays_in_its_clause():
    text = "截至目前,3.2万件物品被职工领取,惠及近2万人。据了解,县总工会还将推广这一做法,让更多人受益。"
    s = by_value(text)
    ev = s[32000].text
    assert text[s[32000].start:s[32000].end] == ev
    assert "据了解" not in ev and len(ev) < 20
