"""Round-6 (second pass) error types of practice events on fresh union news pages: who acts,
when and where. Each fixed on sentences written for this file (genre style, no page text)."""
from test_events import events, triples


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
