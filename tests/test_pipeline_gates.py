"""Steps whose input is absent do no work, and give what the step itself would give."""
from unionnlp.extractors import numbers, pipeline
from unionnlp.extractors import statistics
from unionnlp.extractors import events


NO_NUMBERS = ["某某县总工会组织职工开展“安康杯”竞赛，表彰先进集体。",
              "工会干部深入企业走访慰问困难职工家庭。", ""]
WITH_NUMBERS = ["全市新建工会组织三百余家，发展会员2.5万人。", "入会率达到半成以上。"]


def test_number_gate_agrees_with_the_statistics_step():
    for text in NO_NUMBERS:
        assert not numbers.may_hold_numbers(text)
        assert statistics.find_statistics(text) == []
        assert pipeline.extract_text(text, kinds=["statistics"]).statistics == []
    for text in WITH_NUMBERS:
        assert numbers.may_hold_numbers(text)


def test_events_gate_without_campaigns():
    text = "某某市总工会在全市开展职工技能培训。"
    x = pipeline.extract_text(text)
    if not x.campaigns:
        assert x.events == []
        assert events.find_events(text, campaigns=[], organizations=x.organizations,
                                  places=x.places, place=x.place) == []
