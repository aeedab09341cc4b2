"""Rules that sit between extractors: main place vs source city, places inside campaign names,
common words that are also county short forms, furniture before a text page's title."""
import unionnlp


def test_county_in_title_beats_the_newspapers_city():
    # 富平县 is a county of 渭南市; the paper (渭南日报) and its dateline name the city
    text = ("富平县总工会推出“四联四帮”工作法\n2022-05-10 来源:渭南日报\n"
            "渭南日报讯 近日,富平县总工会推出“四联四帮”工作法,全县新建基层工会18家。"
            "该做法得到渭南市总工会肯定,渭南市各县区将学习借鉴。")
    rec = unionnlp.extract(text)
    assert rec.place is not None and rec.place.adcode == "610528", rec.place


def test_place_word_inside_a_campaign_is_not_a_place():
    rec = unionnlp.extract("济宁市总工会部署今年“安康杯”竞赛,全市1.2万个班组参赛。")
    assert all(p.canonical != "陕西省安康市" for p in rec.places)
    assert rec.place.canonical == "山东省济宁市"


def test_common_word_short_form_needs_its_ancestor():
    rec = unionnlp.extract("某县总工会今年新建基层工会37家,新建职工书屋12家。")
    assert not any("新建区" in (p.canonical or "") for p in rec.places)
    rec2 = unionnlp.extract("南昌市新建区总工会召开全委会议。")
    assert any(p.canonical == "江西省南昌市新建区" for p in rec2.places)


def test_text_page_title_skips_login_furniture():
    text = ("购物车 我的足迹 登录 注册\n某县总工会2023年工作总结\n加入VIP免费下载 立即下载\n"
            "2023年,县总工会在县委领导下,深化基层工会建设,全年新建基层工会37家,职工入会率达96%。")
    rec = unionnlp.extract(text)
    assert rec.title == "某县总工会2023年工作总结"
    assert "购物车" not in rec.text


def test_epaper_title_outlet_and_no_navigation_pretitle():
    html = ("<html><head><meta charset='utf-8'><title>临江日报-第03版:要闻</title></head><body>"
            "<div class='head'>临江日报数字报 2021-05-06 报刊:临江日报</div>"
            "<div><h3>标题导航</h3><ul><li>某区新建公园</li></ul></div>"
            "<div class='article'><h1>某县工会推行“三联三促”工作法</h1>"
            "<div class='bc'>版次:第03版:要闻 期次:第1234期</div><div id='ozoom'>"
            "<p>本报讯 (记者 王明)5月5日,某县总工会推行“三联三促”工作法,全县新建基层工会12家,"
            "发展会员800余人。</p></div></div></body></html>")
    rec = unionnlp.extract(html, url="http://epaper.example.cn/ljrb/html/2021-05/06/content_3_1234.htm")
    assert rec.title == "某县工会推行“三联三促”工作法"
    assert rec.outlet == "临江日报"
    assert rec.published == "2021-05-06"
    assert rec.meta.get("pretitle") is None
    assert rec.meta.get("page", "").startswith("第03版")


def test_url_in_pinyin_names_the_locality():
    from unionnlp.extractors.places import url_places

    assert [c for c in url_places("http://www.yangzhou.gov.cn/xwzx/a.html")] == ["321000"]
    assert url_places("http://news.example.com/taizhou/1.html") == []  # 泰州 or 台州: ambiguous
    # …unless the text names exactly one of them
    assert url_places("http://news.example.com/taizhou/1.html", mentioned={"321200"}) == ["321200"]
    assert url_places(None) == []
    text = "市总工会召开全委会议,部署今年工作,全市新建基层工会20家。"
    rec = unionnlp.extract(text, url="http://www.yangzhou.gov.cn/xwzx/a.html")
    assert rec.place is not None and rec.place.adcode == "321000"
