"""Cleaning functions, on our own strings and on the real seed pages (read from ../shared)."""
import re

from unionnlp.preprocessing import (
    clean,
    clean_inline,
    drop_boilerplate,
    join_page_markers,
    join_wrapped_lines,
    normalize_width,
    remove_cjk_spaces,
    remove_stray_page_digits,
    strip_pinyin,
    to_simplified,
)

PINYIN_RE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def test_width_digits_letters_percent():
    assert normalize_width("入会率达９９．５％，ＡＰＰ") == "入会率达99.5%，APP"


def test_pinyin_removed_real_parentheses_kept():
    assert strip_pinyin("會(huì)議(yì)") == "會議"
    assert strip_pinyin("工會(huì)(兼)") == "工會(兼)"
    assert strip_pinyin("江苏工人报讯(王槐艾)日前") == "江苏工人报讯(王槐艾)日前"
    assert strip_pinyin("截至(2020)年") == "截至(2020)年"
    assert strip_pinyin("APP(app)下载") == "APP(app)下载"  # not after a CJK character


def test_traditional_to_simplified():
    assert to_simplified("總工會組織職工參加勞動競賽") == "总工会组织职工参加劳动竞赛"
    # simplified text passes unchanged with a threshold
    s = "扬州市总工会召开会议"
    assert to_simplified(s, threshold=0.01) == s


def test_clean_pinyin_traditional_together():
    assert clean("總工會(huì)召開(kāi)會(huì)議(yì),職工入會(huì)率達(dá)95%。") == "总工会召开会议,职工入会率达95%。"


def test_cjk_spaces_removed():
    assert remove_cjk_spaces("提升 工会干部的 综合素质") == "提升工会干部的综合素质"
    assert remove_cjk_spaces("开展宣讲 2 次") == "开展宣讲2次"
    assert remove_cjk_spaces("Hello world") == "Hello world"


def _pages(n, size=320):
    body = "各级工会要加强组织建设，推进集体协商，维护职工合法权益，不断扩大工会组织覆盖面"
    return [(body * 10)[:size] for _ in range(n)]


def test_page_markers_rejoin_split_words():
    p1, p2, p3 = _pages(3)
    text = f"1、{p1}深\n\n2、入开展活动{p2}\n\n3、{p3}"
    out = join_page_markers(text)
    assert "深入开展" in out
    assert "2、" not in out and "3、" not in out
    assert out.startswith("1、") is False


def test_short_numbered_list_is_not_a_page_marker():
    text = "工作要求:\n1、加强领导。\n2、强化考核。\n3、注重宣传。"
    assert join_page_markers(text) == text


def test_stray_page_digit_after_quote_removed_but_counts_kept():
    assert remove_stray_page_digits("坚持“党建带工建”8,以企业为重点") == "坚持“党建带工建”,以企业为重点"
    assert remove_stray_page_digits("五、具体措施8工会是主体") == "五、具体措施工会是主体"
    assert remove_stray_page_digits("新建工会8家,发展会员3名") == "新建工会8家,发展会员3名"


def test_wrapped_lines_joined():
    lines = ["各级工会组织要认真贯彻落实会议精神切实加强领导精心组", "织周密部署确保各项工作任务落到实处取得实效推动工作开", "展各级工会组织要认真贯彻落实会议精神切实加强领导精心",
             "组织周密部署确保各项工作任务落到实处取得实效推动工作", "开展各级工会组织要认真贯彻落实会议精神切实加强领导精", "心组织周密部署确保各项工作任务落到实处取得实效推动。"]
    out = join_wrapped_lines("\n".join(lines))
    assert "\n" not in out
    assert "精心组织" in out


def test_boilerplate_dropped_article_kept():
    text = "\n".join([
        "首页新闻中心工会动态权益维护劳模风采职工文化视频专题图片新闻基层工会网上服务",
        "当前位置",
        "某市总工会召开工作会议",
        "2021-03-08 10:20 来源:某某工人报",
        "本报讯(记者李明)3月5日,某市总工会召开全市工会工作会议,总结去年工作,部署今年任务。",
        "会议指出,全市各级工会要围绕中心、服务大局,扎实推进基层工会建设,不断提升服务职工水平。",
        "编辑:张华",
        "相关新闻",
        "某县总工会开展送温暖活动",
        "版权所有 某某工人报社 京ICP备12345678号",
        "放大 缩小 默认",
    ])
    out = drop_boilerplate(text)
    assert "召开全市工会工作会议" in out and "会议指出" in out
    assert out.splitlines()[0] == "某市总工会召开工作会议"
    assert "编辑:张华" in out
    for junk in ("首页新闻中心", "版权所有", "放大", "某县总工会开展送温暖活动"):
        assert junk not in out


def test_teaser_list_dropped():
    text = "\n".join([
        "标题导航",
        "• 某县工会开展技能竞赛",
        "摘要:近日,某县总工会举办职工技能竞赛,来自全县的一百多名职工参加了比赛,比赛设置多个项目。",
        "放大 缩小 默认",
        "某区工会推进新业态建会",
        "期次:第1234期",
        "本报讯 某区总工会深入推进新就业形态劳动者入会工作,今年以来新建工会组织20家,发展会员3000余人。",
    ])
    out = clean(text)
    assert "技能竞赛" not in out
    assert out.startswith("某区工会推进新业态建会")


def test_clean_inline_and_empty():
    assert clean("") == ""
    assert clean_inline("  會(huì)議(yì)  ") == "会议"


# -- on the real seed pages --------------------------------------------------------------

def test_seed_002_simplified_without_pinyin(seed_texts):
    out = clean(seed_texts["002"])
    assert not PINYIN_RE.search(out)
    assert "阜宁县委组织部" in out and "滤料产业集群党委" in out
    assert to_simplified(out) == out


def test_seed_003_reads_as_continuous_sentences(seed_texts):
    out = clean(seed_texts["003"])
    assert "提升工会干部的综合素质" in out
    assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", out)


def test_seed_004_page_markers_and_junk(seed_texts):
    out = clean(seed_texts["004"])
    assert "中深入开展创先争优活动" in out  # word split across preview pages rejoined
    assert "当前文档最多预览五页" not in out
    assert "”8," not in out and "具体措施8" not in out
    assert "职工入会率达到82%以上" in out


def test_seed_000_navigation_and_leaders_dropped(seed_texts):
    out = clean(seed_texts["000"])
    assert "首页学习时政" not in out
    assert "王东明" not in out
    assert "扬州推进产业工人“三培养工程”" in out
    assert "工会组建率和职工入会率达99%" in out


def test_seed_001_teasers_dropped(seed_texts):
    out = clean(seed_texts["001"])
    assert "摘要" not in out and "放大" not in out
    assert out.startswith("蚌埠:党工共建")


def test_bulleted_sentences_of_the_article_are_kept():
    # a "figures at a glance" block: bulleted sentences between paragraphs are the article's
    # own content, while bulleted headlines (teasers of other articles) still go
    text = "\n".join([
        "某市总工会聚焦主责主业,各项工作取得新进展,为全市高质量发展凝聚起职工力量。",
        "数说工会",
        "◆新建基层工会组织128个,发展会员9600余人,建成职工书屋45家。",
        "◆全年开展技能竞赛210场次,覆盖职工3.2万人次。",
        "下一步,市总工会将继续深化改革创新,推动工会工作再上新台阶。",
        "• 某县工会举办职工运动会",
    ])
    out = clean(text)
    assert "发展会员9600余人" in out and "覆盖职工3.2万人次" in out
    assert "职工运动会" not in out


def test_a_quoted_closing_sentence_with_a_footer_word_is_kept():
    from unionnlp.parse import parse_page
    from unionnlp.preprocessing import is_furniture
    from unionnlp.records import Page

    text = "\n".join([
        "某县春季招聘会开幕 求职者络绎不绝",
        "2020年03月02日 来源: 某某在线 通讯员 王明",
        "某某在线3月2日讯 3月1日,某县2020年春季人力资源交流会在县体育馆举行,百余家企业进场招聘。",
        "在一家机械公司的摊位前,求职者排起了长队,企业负责人介绍了今年的用工需求和薪酬待遇。",
        "“今年进场的企业比往年多,招聘信息都贴满了展板。”某县人社局相关负责人说。",
        "",
        "关于我们 | 联系我们 | 网站地图 | 招聘信息",
        "本站为职工提供法律顾问服务,未经授权,不得转载。",
    ])
    out = clean(text)
    assert out.endswith("某县人社局相关负责人说。")
    assert "关于我们" not in out and "不得转载" not in out
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert a.text.endswith("某县人社局相关负责人说。")
    # the words a footer is made of, inside sentences of the article, leave them article text
    for line in ("县总工会设立职工维权举报电话,及时受理职工的投诉和求助。",
                 "职工扫一扫活动海报上的二维码,就能在线申请加入工会。",
                 "律师事务所为困难职工担任法律顾问,免费提供法律咨询服务。"):
        assert not is_furniture(line), line
    for line in ("联系我们:电话12345678,地址某市人民路1号。", "版权所有,某市总工会,未经许可禁止使用。"):
        assert is_furniture(line), line


def test_figures_set_line_by_line_after_the_last_sentence_are_kept():
    body = ("近年来,某省总工会积极推动劳模创新工作室创建,引领职工开展技术创新活动。截至去年底,"
            "全省已累计命名省级劳模创新工作室120家,取得良好成效。")
    text = "\n\n".join([body, "2022年", "某省总工会决定", "命名15家省级示范性劳模创新工作室",
                        "40家省级劳模创新工作室", "发布30项职工优秀创新成果"])
    out = clean(text)
    assert out.endswith("40家省级劳模创新工作室\n发布30项职工优秀创新成果")
    # a byline closes the article: short lines after it stay out, beyond the first three
    closed = "\n".join([body, "(记者 王明)", "责任编辑:李华", "工会动态", "某县总工会开展送温暖活动",
                        "某区总工会举办职工运动会"])
    out = clean(closed)
    assert "责任编辑" in out and "送温暖" not in out and "运动会" not in out
    # a teaser heading ends the article, and a dated headline is no article text
    teasers = "\n".join([body, "推荐新闻", "- ·某市举办职工技能大赛02-07"])
    assert clean(teasers).endswith("取得良好成效。")
    headlines = "\n".join([body, "2022年", "某省总工会决定", "某地开展劳模宣讲",
                           "某县召开职代会 2022-03-05", "某区工会举办培训班"])
    out = clean(headlines)
    assert "某地开展劳模宣讲" in out and "职代会" not in out and "培训班" not in out


def test_a_long_list_of_named_sites_closing_the_article_is_kept():
    body = ("今年以来,某区总工会在全区建设了8家户外劳动者驿站,为环卫工人、快递员等户外劳动者"
            "提供饮水、休息、热饭等服务。一起来看看都在哪里吧!")
    sites = [f"{n}户外劳动者驿站" for n in ("人民路公园", "滨河社区", "东城广场", "南山社区",
                                           "北湖公园", "西站广场", "城市书房", "金桥社区")]
    out = clean("\n\n".join([body] + sites + ["(来源:某区工会在线)", "网站首页", "新闻中心"]))
    assert all(s in out for s in sites) and out.endswith("(来源:某区工会在线)")


def test_the_annex_list_of_a_notice_is_kept_and_comment_widgets_are_dropped():
    body = ("为树立典型,表彰先进,市总工会决定,授予城南中学工会委员会等12个单位市级模范职工之家称号。"
            "希望受表彰的单位珍惜荣誉,再创佳绩。")
    notice = "\n\n".join([body, "附件:市级模范职工之家名单", "某市总工会", "二〇一〇年三月五日",
                          "附件", "市级模范职工之家名单(12)", "城南中学工会委员会", "城北供电公司工会"])
    out = clean(notice)
    assert out.endswith("城南中学工会委员会\n城北供电公司工会")
    page = "\n".join([body, "欢迎 发表评论:", "评论列表", "暂时没有评论", "暂无评论,快抢沙发吧~",
                      "https://img.example.cn/a/2025/06/photo.jpg", '{"appId":"wx1234","timestamp":1751340411}'])
    assert clean(page) == body
    # a menu of short items after the article is no list of the article's
    menu = "\n".join([body, "某市总工会", "新闻中心", "工会动态", "基层风采", "劳模风采", "职工书屋"])
    assert "劳模风采" not in clean(menu) and "职工书屋" not in clean(menu)


def test_the_pinyin_of_whole_words_is_removed():
    assert clean("曹县(cáoxiàn)职工在县工人(gōngrén)文化宫举行(jǔxíng)比赛。") == "曹县职工在县工人文化宫举行比赛。"
    assert clean("下载APP(iOS)使用") == "下载APP(iOS)使用"


def test_widget_json_is_furniture_but_a_json_line_holding_sentences_is_kept():
    from unionnlp.preprocessing.boilerplate import drop_boilerplate

    page = ("青石县总工会启动职工之家建设，首批建成三十家。\n"
            '{"autoplay": true, "theme": "dark", "share": ["weibo", "wechat"]}\n'
            "各乡镇工会按照要求逐项落实，年底前全部验收。")
    assert "autoplay" not in drop_boilerplate(page)
    doc = ('{"text": "青石县总工会启动职工之家建设，首批建成三十家。", "id": 7}\n'
           '{"text": "各乡镇工会按照要求逐项落实，年底前全部验收。", "id": 8}')
    assert drop_boilerplate(doc).count('"text"') == 2
