"""Campaign error types found on fresh union news pages (round 4), each in invented sentences."""
from unionnlp.extractors.campaigns import find_campaigns


def names(text):
    return [c.name for c in find_campaigns(text)]


def test_quoted_cup_before_its_contest_is_a_competition():
    assert "巧手杯" in names("县总工会举办第五届“巧手杯”职工烹饪技能大赛启动仪式。")
    assert "匠心杯" in names("去年市总工会主办的“匠心杯”技能比武深受欢迎。")


def test_quoted_cup_without_a_contest_is_left_to_the_classifier():
    # a cup name not followed by a contest gets no free pass
    from unionnlp.extractors.campaigns.find import _contest
    from unionnlp.extractors.campaigns.candidates import Candidate
    c = Candidate(0, 3, "世纪杯", "quoted", "", "咖啡馆开业", True, (0, 3))
    assert not _contest(c)


def test_a_name_starts_after_ji_joining_two_events():
    got = names("本区2024年劳动竞赛暨“银梭杯”纺织职业技能大赛在工业园启动。")
    assert "银梭杯" in got
    assert not any(n.startswith(("动竞赛", "竞赛暨", "赛暨")) for n in got)
