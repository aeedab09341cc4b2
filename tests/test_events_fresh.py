"""Practice-event error types found on fresh union news pages (round 4), in invented sentences."""
import unionnlp


def events(text):
    return [(e.action, e.campaign, e.actor) for e in unionnlp.extract(text).events]


def test_huoban_honours_its_subject():
    got = events("近日,市机械厂工会获颁全省“工人先锋号”荣誉。")
    assert any(a == "commend" and c == "工人先锋号" for a, c, _ in got)
    # the honoured body is no actor of the award
    assert not any(a == "commend" and o == "市机械厂工会" for a, _, o in got)


def test_cup_contest_launched_at_its_opening_ceremony():
    got = events("4月8日,县总工会举办第二届“巧匠杯”职工技能大赛启动仪式。")
    assert ("launch", "巧匠杯", "县总工会") in got or any(
        a == "launch" and c == "巧匠杯" for a, c, _ in got)


def test_body_after_dao_is_a_place_not_the_actor():
    got = events("12月5日,市总工会副主席带队到县纺织有限公司工会举行“暖心驿站”授牌仪式。")
    assert not any(o == "县纺织有限公司工会" for _, c, o in got if c == "暖心驿站")
