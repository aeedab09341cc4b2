"""Info lines of text pages written as list items (a site's bulleted byline block)."""
from unionnlp.parse import parse_page
from unionnlp.records import Page


def test_bulleted_date_and_source_lines_are_info_lines():
    text = ("全省今年将新建职工驿站800个\n"
            "  • 2022年05月09日 08时12分\n  • 来源: 某省工人报\n"
            "记者从省总工会获悉,今年全省将新建职工驿站800个,年底前累计建成2600个。\n"
            "截至去年底,全省已建成职工驿站1800个。")
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert a.published == "2022-05-09" and a.outlet == "某省工人报"
    assert a.text.startswith("记者从省总工会获悉")


def test_a_bulleted_body_line_keeps_its_bullet():
    text = ("区总工会工作成效\n2021-12-30 来源:某区融媒体\n"
            "一年来,区总工会扎实推进各项工作,成效明显。\n"
            "• 新建基层工会组织46个,发展会员3100人。\n• 开展技能竞赛12场。")
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert "• 新建基层工会组织46个" in a.text


def test_a_byline_first_line_is_not_the_title():
    text = ("某区新闻记者 王小明 实习生 李华 通讯员 赵强\n"
            "近日,某街道总工会为80名环卫工人送去防暑降温礼包。\n"
            "街道总工会负责人表示,将持续开展送清凉活动。")
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert a.title is None or "记者" not in a.title
    b = parse_page(Page(source="t", is_html=False, content=(
        "记者走基层:通讯员眼中的工会驿站\n2023-05-01 来源:某日报\n"
        "近日,记者跟随通讯员走访了全市的工会驿站。").encode("utf-8")))
    assert b.title == "记者走基层:通讯员眼中的工会驿站"


def test_a_day_first_dotted_date_line_is_the_publication_date():
    from unionnlp.parse.dates import find_dates, normalise_date

    assert normalise_date("08.11.2016  09:30") == "2016-11-08"
    assert normalise_date("31.02.2016") is None and normalise_date("12.31.2016") is None
    assert find_dates("2016.11.08") == [(0, "2016-11-08")]
    text = ("某市总工会新发展会员1.5万人\n\n08.11.2016  09:30\n\n"
            "今年以来,某市总工会扎实推进入会工作,全市新建工会组织120家,新发展会员1.5万人。\n"
            "市总工会负责人表示,下一步将继续做好服务工作。")
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert a.published == "2016-11-08"
    assert a.title == "某市总工会新发展会员1.5万人"
    assert "09:30" not in a.text and a.text.startswith("今年以来")


def test_a_double_arrow_breadcrumb_is_no_title_and_yuanzi_names_the_outlet():
    text = ("主办单位:某省职工学习协会 联系电话:010-12345678\n"
            " 位置: 某某职工网 >> 信息中心 >> 工会要闻 >> 正文\n\n"
            "全省会员总数突破800万\n\n"
            "  2012/6/8 源自:某某职工网 【字体: 字体颜色\n"
            "职工网6月8日电 记者从省总工会获悉,截至5月底,全省工会会员总数突破800万人,"
            "其中农民工会员达260万人。\n")
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert a.title == "全省会员总数突破800万"
    assert a.outlet == "某某职工网" and a.published == "2012-06-08"
    assert a.text.startswith("职工网6月8日电")
    from unionnlp.preprocessing import is_furniture

    assert is_furniture("网站首页 >> 工会动态 >> 正文")
    assert not is_furniture("位置:人民路公园东门")
    # a sentence with comparison signs is no breadcrumb
    assert not is_furniture("全市职工人数>3万人的企业有12家,同比增长>5%。")


def test_a_byline_alone_on_its_line_under_the_headline_is_an_info_line():
    text = ("城东街道\n为快递小哥建起暖心小屋\n□记者 王明\n通讯员 李华 赵强 报道\n"
            "本报讯 近日,城东街道工会驿站正式启用,30余名快递员、外卖员前来参观体验,"
            "驿站为户外劳动者提供饮水、休息、充电等服务。\n"
            "街道总工会负责人表示,将管好用好驿站,持续开展送清凉等活动。")
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert a.title == "为快递小哥建起暖心小屋"
    assert a.author and "王明" in a.author
    assert a.text.startswith("本报讯")
    from unionnlp.parse.meta import is_meta_line

    assert is_meta_line("本报记者张三") and is_meta_line("记者 王明 通讯员 李华")
    assert not is_meta_line("记者走基层") and not is_meta_line("新华社记者 张三 摄")


def test_a_timestamp_with_a_medium_s_name_is_an_info_line_not_the_title():
    text = ("某县召开“五一”劳动奖表彰大会 表彰先进集体\n\n2022-04-27 21:35:40 某某网\n"
            "作者:王明 李华 编辑:赵强\n\n某县总工会召开庆祝“五一”国际劳动节表彰大会。\n\n"
            "某某网4月27日讯(通讯员 王明 记者 李华)4月27日,某县总工会召开表彰大会,"
            "表彰了20个劳动竞赛先进集体和50名先进个人。\n")
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert a.title == "某县召开“五一”劳动奖表彰大会表彰先进集体"
    assert a.published == "2022-04-27" and a.outlet == "某某网"
    from unionnlp.parse.meta import is_meta_line

    assert not is_meta_line("2022年4月27日 全县职工大会召开")


def test_a_separator_line_between_headline_and_date_leaves_the_headline():
    text = ("廿载同行 初心不改\n全市工会法律服务20周年交流活动举办\n-\n发布时间:2025年12月18日\n\n"
            "12月18日,市总工会举办全市工会法律服务20周年交流活动,来自各区工会的80名律师参加,"
            "大家交流了二十年来为职工提供法律服务的经验和做法。\n")
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert a.title == "全市工会法律服务20周年交流活动举办" and a.published == "2025-12-18"


def test_a_medium_s_byline_and_a_headline_inside_the_info_line():
    text = ("某市成立职工法律援助中心 维护职工权益\n\n某某手机报 08-30 16:59 我要分享\n\n"
            "某某手机报记者 王明 通讯员 李华\n\n"
            "8月29日,记者了解到,某市高新区工会职工法律援助中心正式挂牌成立,将为困难职工、农民工"
            "提供免费法律咨询和援助服务。\n")
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert a.title == "某市成立职工法律援助中心维护职工权益"
    assert a.outlet == "某某手机报" and "王明" in (a.author or "")
    b = parse_page(Page(source="t", is_html=False, content=(
        "某县总工会赴企业为劳模创新工作室授牌 2022-01-18 12:54:07  来源:某市总工会\n"
        "1月7日下午,某县总工会负责人先后到三家企业,为劳模创新工作室授牌,并与职工代表座谈交流,"
        "勉励大家立足岗位创新创效。\n"
    ).encode("utf-8")))
    assert b.title == "某县总工会赴企业为劳模创新工作室授牌" and b.published == "2022-01-18"
    c = parse_page(Page(source="t", is_html=False, content=(
        "发布时间2016-02-15 点击量:4610 来源:系统管理\n"
        "某县总工会在两节期间走访慰问困难职工,共慰问职工2935人,发放帮扶资金44万余元。\n"
    ).encode("utf-8")))
    assert c.title is None
