"""Campaigns named in the headline only (round 6): the headline is searched too, without
double counting what the body names, and with no offsets into the body text."""
import unionnlp
from unionnlp.extractors.campaigns import find_campaigns, title_campaigns


def test_a_quoted_name_only_in_the_headline_is_kept():
    body = "近日,某区总工会在辖区企业推进三项工作,这一竞赛已吸引数千名职工参与。"
    rec = unionnlp.extract("某区总工会“五比五赛”劳动竞赛掀起热潮\n\n" + body)
    camps = {c.name: c for c in rec.campaigns}
    assert "五比五赛" in camps
    assert camps["五比五赛"].start is None and camps["五比五赛"].end is None


def test_a_name_in_both_headline_and_body_is_counted_once():
    text = ("某县工会“暖蜂驿站”投入使用\n\n"
            "记者日前获悉,某县总工会打造的“暖蜂驿站”正式开放,为快递员提供歇脚服务。")
    rec = unionnlp.extract(text)
    assert [c.name for c in rec.campaigns].count("暖蜂驿站") == 1
    found = [c for c in rec.campaigns if c.name == "暖蜂驿站"]
    assert found[0].start is not None


def test_a_bare_descriptive_name_in_a_headline_is_not_taken():
    # a headline has no sentence to tell a programme from a description: only quoted or
    # trusted names count there
    assert title_campaigns("某镇开展农民工法律咨询服务行动为职工解忧") == []
    assert "农民工法律咨询服务行动" not in [c.name for c in title_campaigns(
        "某镇开展农民工法律咨询服务行动为职工解忧")]


def test_a_trusted_lexicon_name_in_a_headline_is_taken():
    got = [c.name for c in title_campaigns("某市工会春节送温暖活动启动")]
    assert "送温暖" in got


def test_title_campaigns_skip_the_identities_the_body_already_has():
    body = find_campaigns("该县总工会开展“五比五赛”劳动竞赛。")
    assert title_campaigns("某县“五比五赛”劳动竞赛启动", body) == []


def test_no_headline_no_title_campaigns():
    assert title_campaigns(None) == [] and title_campaigns("") == []
