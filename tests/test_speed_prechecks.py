"""The cheap pre-checks that let callers skip work keep the results of the full computation:
``places.mentions.may_be_place`` / ``may_open_with_place`` (before ``find_places`` on a name)
and the CJK-only fast path of ``segmenter.words``."""
from unionnlp.extractors import segmenter
from unionnlp.extractors.places import find_places
from unionnlp.extractors.places.mentions import may_be_place, may_open_with_place

#: sentences written for this test in the shape of union news (places, towns, zones, 全国,
#: anonymised places, bodies and quoted names)
SENTENCES = (
    "江苏省扬州市邗江区总工会联合区人社局开展“春风行动”",
    "大通回族土族自治县总工会走访慰问困难职工",
    "西安市长安区郭杜街道总工会成立职工服务站",
    "苏州工业园区总工会举办劳动技能竞赛",
    "全国总工会授予某县供电公司“工人先锋号”称号",
    "某市总工会和X县工会共同开展送温暖活动",
    "先锋镇工会联合会在江津区召开会员代表大会",
    "蚌埠市劳模创新工作室、福建省金牌工人、温州市职工书屋",
    "浦东新区总工会、和平区总工会与鼓楼区总工会签订协议",
    "北京市朝阳区总工会组织职工参加“安康杯”竞赛",
    "郭杜社区与郭杜街道总工会共建职工之家",  # a town's short form before its full name
)


def _pieces():
    for s in SENTENCES:
        for a in range(len(s)):
            for b in range(a + 1, min(len(s), a + 12) + 1):
                yield s[a:b]


def test_may_be_place_holds_for_every_whole_name_place():
    for piece in _pieces():
        whole = any(p.start == 0 and p.end == len(piece) for p in find_places(piece))
        if whole:
            assert may_be_place(piece), piece


def test_may_open_with_place_holds_for_every_division_at_the_start():
    for piece in _pieces():
        opening = any(p.start == 0 and p.adcode and p.level != "country" for p in find_places(piece))
        if opening:
            assert may_open_with_place(piece), piece


def test_prechecks_reject_plain_words():
    for w in ("劳动竞赛", "职工书屋", "困难职工", "技能"):
        assert not may_be_place(w)
    assert not may_open_with_place("劳动竞赛")


def test_cjk_fast_path_matches_jieba():
    dt = segmenter.dictionary()
    for piece in _pieces():
        for hmm in (True, False):
            assert segmenter.words(piece, hmm=hmm) == dt.lcut(piece, HMM=hmm), piece


#: sentences written for the list pre-checks of organizations.rules (lists of firms and of
#: departments), with near misses
LIST_SENTENCES = (
    "慰问组走访了红星橡胶、长江家具、东方玻璃等30多家企业",
    "万家乐、协和等示范企业带头开展职工技能竞赛",
    "金米兰、宏达和皓然育苗等十余家公司参加招聘会",
    "江苏、浙江等地企业派员参加",
    "人社局、总工会、国资委等十六个市级部门联合发文",
    "财政局、民政局等县级单位参加会议",
    "组织部、宣传部等部门负责同志出席",
    "区级部门和企业代表参加了活动",
)


def test_list_prechecks_never_reject_a_list():
    from unionnlp.extractors.organizations import rules

    for s in LIST_SENTENCES:
        for a in range(len(s)):
            for b in range(a + 1, len(s) + 1):
                piece = s[a:b]
                if rules._LISTED_FIRMS.search(piece):
                    assert rules._LAST_FIRM.search(piece), piece
                if rules._LISTED_DEPARTMENTS.search(piece):
                    assert rules._LEVEL_DEPARTMENTS.search(piece), piece
    assert rules._LISTED_FIRMS.search(LIST_SENTENCES[0]) and rules._LISTED_DEPARTMENTS.search(LIST_SENTENCES[4])
