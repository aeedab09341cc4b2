"""Tests for unionnlp.extractors.statistics (sentences written for these tests, plus the seeds)."""
import math

import pytest

from unionnlp.extractors.statistics import find_statistics
from unionnlp.records import Campaign, Place, Statistic

XZ = Place(name="徐州", canonical="江苏省徐州市", level="city", adcode="320300")
PUB = "2021-06-01"


def stats(text, **kw):
    kw.setdefault("place", XZ)
    kw.setdefault("published", PUB)
    out = find_statistics(text, **kw)
    for s in out:
        assert isinstance(s, Statistic)
        assert text[s.start:s.end] == s.text
    return out


def only(text, **kw):
    out = stats(text, **kw)
    assert len(out) == 1, [(s.value, s.unit, s.metric) for s in out]
    return out[0]


# --- values, units, qualifiers ---------------------------------------------------------------

def test_base_units_and_qualifier_余():
    a, b = stats("截至2020年底，全市工会会员达36.5万余人，基层工会组织4200余家。")
    assert (a.value, a.unit, a.qualifier, a.metric) == (365000, "人", "余", "工会会员")
    assert (b.value, b.unit, b.qualifier, b.metric) == (4200, "家", "余", "基层工会组织")
    assert a.year == b.year == 2020
    assert a.place == "江苏省徐州市"


def test_money_in_wan_yuan_is_yuan():
    s = only("去年，市总工会发放帮扶资金1260万元。")
    assert (s.value, s.unit, s.metric) == (12600000, "元", "发放帮扶资金")


@pytest.mark.parametrize(
    "text,qualifier",
    [
        ("全县现有职工约2.4万人。", "约"),
        ("农民工会员8000人左右。", "约"),
        ("预计参与职工3000人。", "约"),
        ("女职工会员近9000名。", "近"),
        ("走访慰问困难职工家庭逾8万户。", "多"),
        ("筹集送温暖资金超过3亿元。", "多"),
        ("新建职工书屋100多个。", "多"),
        ("开展读书活动不少于20场。", "以上"),
        ("职工入会率达到92%以上。", "以上"),
        ("职工入会率达到90%及以上。", "以上"),
        ("全市建成职工书屋216个。", ""),
    ],
)
def test_qualifiers(text, qualifier):
    assert only(text).qualifier == qualifier


def test_unit_empty_without_measure_word():
    s = only("园区内2万多产业工人参加培训。")
    assert (s.value, s.unit, s.qualifier) == (20000, "", "多")
    assert "产业工人" in s.metric


# --- kinds -----------------------------------------------------------------------------------

def test_target_kind_and_target_year():
    a, b = stats("到2025年底，全市职工入会率达到92%以上，力争新建工会组织300家。")
    assert (a.kind, a.year, a.metric) == ("target", 2025, "职工入会率")
    assert (b.kind, b.value, b.metric) == ("target", 300, "新建工会组织")


def test_reported_result_after_到_is_actual():
    s = only("会员人数增长到2020年底的5200人。")
    assert s.kind == "actual"


def test_change_kind():
    a, b = stats("今年职工入会率比上年提高2.3个百分点，会员人数增长12%。")
    assert (a.kind, a.unit, a.metric) == ("change", "个百分点", "职工入会率")
    assert (b.kind, b.unit) == ("change", "%")
    assert a.year == 2021  # 今年 against published; 上年 is the comparison base


# --- years and periods -----------------------------------------------------------------------

def test_relative_years():
    s = only("去年，全市慰问困难职工1.2万人次。")
    assert s.year == 2020
    s = only("今年以来新建工会组织52家。")
    assert s.year == 2021
    s = only("今年新建工会组织52家。", published=None)
    assert s.year is None


def test_period_for_years_since():
    s = only("五年来，各级工会累计筹集送温暖资金超过3亿元。")
    assert s.year is None and s.period == "2016-2021"
    s = only("2013年以来，全省共命名劳模创新工作室95家。")
    assert s.year is None and s.period == "2013-2021"


# --- coordination ----------------------------------------------------------------------------

def test_coordinated_metrics_share_a_value():
    a, b = stats("2021年全市非公企业工会组建率和职工入会率均达到96%。")
    assert (a.value, b.value) == (96, 96)
    assert (a.metric, b.metric) == ("非公企业工会组建率", "职工入会率")
    assert a.text == b.text


def test_fenbie_pairs_values_and_metrics():
    a, b = stats("全市外企、私企建会率分别为81.4%、75.8%。")
    assert (a.value, a.metric) == (81.4, "外企建会率")
    assert (b.value, b.metric) == (75.8, "私企建会率")
    a, b, c = stats("全县新建工会、新增会员、新建职工书屋分别为35家、4200人、18个。")
    assert [s.metric for s in (a, b, c)] == ["新建工会", "新增会员", "新建职工书屋"]


# --- place -----------------------------------------------------------------------------------

def test_place_resolution():
    assert only("全市建成职工书屋216个。").place == "江苏省徐州市"
    assert only("全国技能人才总量超过2亿人。").place == "全国"
    assert only("睢宁县新建职工书屋15个。").place == "睢宁县"
    assert only("徐州市新建职工书屋15个。").place == "江苏省徐州市"
    assert only("新建职工书屋15个。").place is None


# --- what is not a statistic -----------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "2021年5月1日上午9时召开大会。",  # dates and times
        "五年来工会工作成效明显，连续三年获评先进，每天工作8小时，历时2个月。",  # durations
        "根据市总发〔2021〕12号文件精神。",  # document numbers
        "联系电话：0516-83801234。",  # phone numbers
        "1、组织建设。（一）加强领导。详见第5页。",  # list and page markers
        "他是第一家建会的企业，第2批示范点，首届评选，全国第二。",  # ordinals
        "本报第7605期刊发。",  # periodical numbers
        "45岁的老劳模。",  # ages
        "推动25人以上非公企业单独建会，百人以上企业建立职代会。",  # thresholds
        "围绕十一个方面开展工作。",  # counts of document parts
        "建成一个阵地、一批示范点。",  # the determiner 一
        "占全市经济总量一半。",  # fractions in words
        "大小：39.50 KB 页数：8页 浏览次数：1234次",  # page metadata
        "深入实施“42101”目标任务和“6+N”标准化建设。",  # numbers inside quoted names
        "党的二十大和二十届三中全会精神。",  # ordinal congress names
        "",
    ],
)
def test_exclusions(text):
    assert stats(text) == []


def test_campaign_spans_are_excluded():
    text = "深入推进三创争两提升活动，新建工会组织52家。"
    camp = Campaign(name="三创争两提升", start=4, end=10)
    out = stats(text, campaigns=[camp])
    assert [s.value for s in out] == [52]
    # an unquoted numbered slogan counts only when not passed as a campaign
    text2 = "实施双百工程200家。"
    assert stats(text2, campaigns=[Campaign(name="双百工程200家", start=2, end=10)]) == []


def test_repeated_figure_recorded_once():
    text = "549.87万户困难职工家庭全部解困\n截至2020年底，工会建档立卡的549.87万户困难职工家庭全部解困脱困。"
    out = stats(text)
    assert len([s for s in out if s.value == 5498700]) == 1


@pytest.mark.parametrize("bad", [None, "", "\ud800", "数" * 50000 + "123家", "。" * 1000])
def test_bad_input(bad):
    out = find_statistics(bad)
    assert isinstance(out, list)


def test_docshare_page_marker_inside_sentence():
    text = "到2012年年底企业法人单位建会率达到\n\n4、90%以上，职工入会率达93%以上。"
    a, b = stats(text, published=None)
    assert (a.value, a.kind, a.year, a.metric) == (90, "target", 2012, "企业法人单位建会率")
    assert (b.value, b.metric) == (93, "职工入会率")


# --- seeds -----------------------------------------------------------------------------------

def test_seed_000(seed_texts):
    out = find_statistics(seed_texts["000"], published="2020-11-26")
    rates = {s.metric: s for s in out if s.unit == "%" and s.value == 99}
    assert set(rates) == {"职工入会率", "工会组建率"}
    assert all(s.year == 2019 and s.kind == "actual" for s in rates.values())
    change = [s for s in out if s.value == 3.8]
    assert change and change[0].kind == "change"


def test_seed_004_targets(seed_texts):
    out = find_statistics(seed_texts["004"])
    targets = [(s.value, s.year) for s in out if s.kind == "target" and s.unit == "%"]
    values = [v for v, _ in targets]
    for v in (65, 82, 75, 88, 90, 93):
        assert v in values
    years = dict(targets)
    assert years[75] == years[88] == 2011
    assert years[90] == years[93] == 2012
    assert years[65] in (None, 2010)
    assert all(s.qualifier == "以上" for s in out if s.value in (65, 82, 75, 88, 90, 93))


def test_seed_001_excludes_threshold_and_campaign_numbers(seed_texts):
    out = find_statistics(seed_texts["001"])
    values = {(s.value, s.unit) for s in out}
    assert (415, "家") in values and (420000, "人") in values and (37000, "人") in values
    assert (25, "人") not in values
    assert all(s.value != 42101 for s in out)
    assert all(s.value != 11 for s in out)  # 十一个方面


def test_year_carries_into_continuation_sentence_only():
    text = "2020年全市新建工会组织52家。其中，非公企业工会40家。\n市总工会投入资金300万元。"
    a, b, c = stats(text)
    assert (a.year, b.year) == (2020, 2020)
    assert (a.year_basis, b.year_basis) == ("explicit", "explicit")
    # the new paragraph does not inherit the year as written: it is only inferred, and says so
    assert c.year_basis in ("document", "publication") and "inferred_year" in c.flags


def test_after_phrase_stops_at_next_counted_item_and_drops_modifiers():
    a, b = stats("省总工会重点支持28个劳模创新工作室和112个职工创新工作室。")
    assert (a.metric, b.metric) == ("劳模创新工作室", "职工创新工作室")
    s = only("6名勇敢的消防队员获表彰。")
    assert s.metric == "消防队员"


def test_vague_and_session_numbers_are_not_statistics():
    assert stats("几十个公园广场。") == []
    assert stats("市总工会召开十三届五次委员（扩大）会议。") == []
    assert [s.value for s in stats("全年召开会议5次。")] == [5]


def test_random_text_never_raises():
    import random

    rng = random.Random(7)
    alphabet = "0123456789０１２３.,，%％-~至到万亿千百十一二三四五六七八九零两余多以上左右约近第年月日人家个元“”《》\n 会员率和、分别为达到提高比上年"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for s in find_statistics(text, place=XZ, published="2021-01-01"):
            assert text[s.start:s.end] == s.text
            assert math.isfinite(s.value)
