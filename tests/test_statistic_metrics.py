"""Metric phrases as written, the indicator vocabulary (metric_id, population), restatements,
flags and what is not a statistic (sentences written for these tests)."""
import pytest

import unionnlp
from conftest import checked_statistics
from unionnlp.extractors.statistics import classify

PUB = "2023-06-01"


def stats(text, **kw):
    kw.setdefault("published", PUB)
    return checked_statistics(text, **kw)


def only(text, **kw):
    out = stats(text, **kw)
    assert len(out) == 1, [(s.value, s.unit, s.metric) for s in out]
    return out[0]


# --- the phrase as written, cut to a noun phrase -------------------------------------------------

@pytest.mark.parametrize("text,metric", [
    ("园区内3万多建筑工人干劲十足。", "建筑工人"),                 # a predicate after the head noun
    ("沿江一带200余家化工企业星罗棋布。", "化工企业"),               # an idiom as predicate
    ("1.2万名快递员积极参加培训。", "快递员"),                      # a predicate word
    ("向会员赠送了劳动法、工会法等普法读本1600册。", "普法读本"),  # the noun after an enumeration's 等
    ("印发了职工维权手册各2000本。", "职工维权手册"),              # narration verb and 各 trimmed
    ("9个街道全部成立了工会联合会。", "街道"),
    ("区总工会为300余名农民工解决了就业难题。", "农民工"),    # a verb after the head noun
])
def test_metric_is_a_noun_phrase(text, metric):
    assert only(text).metric == metric


def test_subject_before_a_predicate_adverb_is_not_the_metric():
    assert only("开发区工会积极筹集帮扶资金35万元。").metric == "筹集帮扶资金"
    assert only("全乡已建非公企业工会组织26家。").metric == "建非公企业工会组织"


def test_a_phrase_ending_in_a_verb_is_cut_to_its_noun():
    assert only("县总工会准备了2000份新春慰问品分批发放。").metric == "新春慰问品"


def test_a_date_inside_the_phrase_is_not_the_metric():
    a, b = stats("全镇会员人数从2020年5月的860人增至年底的1300人。")
    assert "会员" in a.metric and "会员" in b.metric


def test_figure_after_a_list_conjunction_takes_its_own_verb_phrase():
    a, b = stats("评选出先进集体12个和5人获优秀工会工作者称号。")
    assert "先进集体" in a.metric and b.metric == "获优秀工会工作者称号"


def test_inner_time_word_starts_the_metric():
    s = only("二、关心关爱职工 上半年发放困难职工帮扶资金85万元。")
    assert s.metric == "发放困难职工帮扶资金"


def test_a_connective_alone_is_not_a_metric():
    out = stats("全县推荐职工骨干300名,其中86人已光荣入党。")
    assert [s.metric for s in out] == ["推荐职工骨干", "光荣入党"]


def test_coordinated_rates_share_their_head():
    a, b = stats("全区机关、企业单位职代会、厂务公开建制率均达到98%。")
    assert {a.metric, b.metric} == {"企业单位职代会建制率", "厂务公开建制率"}
    assert a.text == b.text and a.value == b.value == 98


def test_long_metrics_are_flagged():
    s = only("组织全市新就业形态劳动者参加法律知识线上线下宣讲活动120场。")
    assert "long_metric" in s.flags


# --- the indicator vocabulary ------------------------------------------------------------------

@pytest.mark.parametrize("metric,unit,expected", [
    ("职工入会率", "%", ("入会率", None)),
    ("全市工会组建率", "%", ("建会率", None)),
    ("工会会员总数", "人", ("会员数", None)),
    ("农民工会员", "人", ("会员数", "农民工")),
    ("新就业形态劳动者会员", "", ("会员数", "新就业形态劳动者")),
    ("发展新就业形态劳动者会员", "人", ("新发展会员", "新就业形态劳动者")),
    ("新建工会组织", "个", ("新建工会", None)),
    ("基层工会组织", "家", ("基层工会数", None)),
    ("发放帮扶资金", "元", ("帮扶资金", None)),
    ("建档困难职工", "户", ("困难职工户数", None)),
    ("走访慰问困难职工", "户", ("慰问困难职工", None)),
    ("工会驿站", "个", ("服务站点数", None)),
    ("集体合同覆盖率", "%", ("集体合同覆盖率", None)),
    ("会员净增", "人", ("会员数", None)),     # the change of an indicator
    ("某乡工会会员", "人", ("会员数", None)),  # whose members (a place's union), not a subgroup
    ("市级工人先锋号", "个", ("工人先锋号", None)),   # a level, not a subgroup
    ("八大群体工会组织", "家", ("基层工会数", "八大群体")),
    ("非公企业党组织组建率", "%", (None, None)),   # the party's indicator, not the union's
    ("被评选为全国最美驿站", "家", (None, None)),
    ("职工入会率", "人", (None, None)),      # a rate is not counted in people
    ("资助困难职工子女上学", "人", (None, None)),
])
def test_indicator_vocabulary(metric, unit, expected):
    assert tuple(classify(metric, unit)) == expected


def test_statistics_carry_their_indicator():
    a, b = stats("全市工会会员达52万余人,其中农民工会员18万人。")
    assert (a.metric_id, a.population) == ("会员数", None)
    assert (b.metric_id, b.population) == ("会员数", "农民工")


def test_subgroup_figures_are_not_conflicts(tmp_path):
    from unionnlp import compare

    recs = [
        unionnlp.extract("某市总工会召开全委会。2022年底,全市工会会员42万余人,职工入会率达93%。",
                         published="2023-01-10"),
        unionnlp.extract("某市新业态建会取得新进展。2022年底,全市新就业形态劳动者会员3.7万余人。",
                         published="2023-02-20"),
    ]
    panel = compare.statistics_panel(compare.frames(recs))
    members = panel[panel["value"].isin([420000.0, 37000.0])]
    assert len(members) == 2 and not members["conflict"].any()


def test_user_lexicon_adds_to_the_vocabulary(tmp_path):
    lex = tmp_path / "mine.csv"
    lex.write_text("kind,action,name,canonical,type,note\n"
                   "metric,alias,职工书屋,书屋数,,our own indicator name\n", encoding="utf-8")
    rec = unionnlp.extract("全县职工书屋达46个。", lexicon=lex)
    assert [s.metric_id for s in rec.statistics] == ["书屋数"]
    assert unionnlp.extract("全县职工书屋达46个。").statistics[0].metric_id == "职工书屋数"


# --- restatements ------------------------------------------------------------------------------

def test_restated_figure_is_one_statistic_with_mentions():
    text = ("3.6万名一线职工畅享疗休养\n"
            "本报讯 今年,市总工会将组织3.6万名一线职工参加免费疗休养。"
            "据介绍,市总工会把组织3.6万名一线职工疗休养列为年度实事。")
    out = [s for s in stats(text) if s.value == 36000]
    assert len(out) == 1
    s = out[0]
    assert s.start > text.index("本报讯")  # the body copy is kept, not the headline
    assert "restated" in s.flags and len(s.mentions) == 2
    assert all(text[a:b].count("3.6万名") == 1 for a, b in s.mentions)
    assert s.kind == "target"


def test_small_counts_need_the_same_thing_to_be_restatements():
    out = stats("2人荣获省级劳动模范称号,2人荣获市级技术能手称号。")
    assert len(out) == 2 and not any(s.mentions for s in out)
    out = stats("全镇8个村全部建起工会,8个村的工会主席均由村干部兼任。")
    assert len([s for s in out if s.value == 8]) == 1


def test_different_measures_of_one_value_stay_apart():
    out = stats("全年开展技能培训120场次,覆盖职工2万人次;开展法律宣讲120场次,培训职工2万人次。")
    assert len(out) == 4


# --- what is not a statistic --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "方案明确了六类重点人群。",                     # a count of categories
    "文件提出5项共性目标和3项个性任务。",           # parts of a plan
    "推出三项服务举措。",
    "下面是小编为大家分享的工会工作计划范文5篇,供参考。",   # a document site's list of files
    "驿站每天开放8个小时。",                        # a duration
    "全县超六成企业建立了工会。",                   # tenths in words
])
def test_structure_counts_and_durations_are_not_statistics(text):
    assert stats(text) == []


def test_repaired_number_carries_its_flag_into_the_record():
    rec = unionnlp.extract("某区工会工作总结\n截至6月底,全区职工入会率为94 .3%。", published="2021-07-02")
    (s,) = rec.statistics
    assert s.value == 94.3 and s.metric == "职工入会率" and "repaired_number" in s.flags


def test_flags_and_mentions_survive_a_parquet_batch(tmp_path):
    from unionnlp import batch, store

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "市总工会召开工作会议,会上通报,全市工会会员达到8.8万人。"
        "截至6月底,全市工会会员达到8.8万人,职工入会率为91. 6%。\n",
        encoding="utf-8")
    out = tmp_path / "out"
    batch.run([src], out, workers=1, progress=False)
    con = store.open(out)
    rows = con.execute("SELECT value, flags, mentions, metric_id, year_basis FROM statistics "
                       "ORDER BY value").fetchall()
    by_value = {r[0]: r for r in rows}
    assert set(by_value) == {91.6, 88000.0}
    assert "repaired_number" in by_value[91.6][1]
    assert "restated" in by_value[88000.0][1] and len(by_value[88000.0][2]) == 1
    assert by_value[88000.0][3] == "会员数"
