"""parse_page on fixture pages (written for these tests), text pages, bad input, multi-page."""
from __future__ import annotations

import pathlib

import pytest

from unionnlp.parse import (continuation_of, group_continuations, merge_pages, parse_page,
                            parse_pages)
from unionnlp.parse.dates import date_from_url, find_dates, normalise_date
from unionnlp.parse.meta import paren_author, scan_line
from unionnlp.records import ErrorEntry, Page

SITES = pathlib.Path(__file__).resolve().parent / "fixtures" / "sites"


def html_page(rel: str, url=None) -> Page:
    return Page(source=rel, content=(SITES / rel).read_bytes(), url=url, is_html=True)


def test_portal_article_workercn_adapter():
    a = parse_page(html_page("portal/c/2023-11-20/1001.shtml",
                             "https://www.workercn.cn/c/2023-11-20/1001.shtml"))
    assert a.title == "扬州市总工会开展“冬送温暖”慰问活动"
    assert (a.published, a.outlet, a.author, a.editor) == ("2023-11-20", "江苏工人报", "李明", "张华")
    lines = a.text.split("\n")
    assert len(lines) == 3 and lines[0].startswith("本报讯")
    for junk in ("首页", "当前位置", "相关新闻", "分享到", "版权所有", "下一页", "字号", "责任编辑"):
        assert junk not in a.text
    assert not a.errors


def test_generic_extractor_same_page_unknown_host():
    a = parse_page(html_page("portal/c/2023-11-20/1001.shtml", "http://127.0.0.1:9/c/2023-11-20/1001.shtml"))
    assert a.text.count("\n") == 2 and "服务站点" in a.text and "中工网首页" not in a.text


def test_gbk_and_lying_meta():
    a = parse_page(html_page("portal/c/2023-11-21/1002.shtml"))
    assert a.encoding == "gb18030" and a.title.startswith("安徽省总工会")
    assert a.outlet == "安徽工人日报" and a.editor == "刘芳" and a.published == "2023-11-21"
    assert not a.text.endswith("）")  # the closing (编辑：刘芳) is metadata, not body
    b = parse_page(html_page("portal/c/2023-11-22/1003.shtml"))
    assert b.encoding == "utf-8" and "暖心礼包" in b.text
    assert b.author == "周倩 孙磊"  # 本报讯（通讯员 周倩 记者 孙磊）


def test_epaper_founder():
    a = parse_page(html_page("epaper-founder/html/2023-11/20/content_1.htm",
                             "http://paper.example.cn/html/2023-11/20/content_1.htm"))
    assert a.title == "职工书屋走进产业园区"
    assert a.pretitle == "打通服务职工“最后一公里”" and a.subtitle == "全市已建成各级职工书屋420家"
    assert (a.published, a.page, a.issue, a.author) == ("2023-11-20", "第01版：要闻", "总第2876期", "王槐艾")
    assert "本版标题导航" not in a.text and "往期回顾" not in a.text
    c = parse_page(html_page("epaper-founder/html/2023-11/20/content_3.htm",
                             "http://paper.example.cn/html/2023-11/20/content_3.htm"))
    assert c.page == "第02版：工会" and c.author == "孙磊" and c.pretitle is None


def test_epaper_workercn():
    a = parse_page(html_page("epaper-workercn/papers/grrb/2023/11/20/1/news-1.html",
                             "http://epaper.example.cn/papers/grrb/2023/11/20/1/news-1.html"))
    assert a.title == "产业工人队伍建设改革取得新进展"
    assert a.pretitle == "聚焦产业工人队伍建设改革" and a.subtitle.startswith("——各地工会")
    assert (a.outlet, a.page, a.issue, a.author) == ("工人日报", "01版", "第12873期", "赵敏 刘洋")
    assert "版权所有" not in a.text and "往期" not in a.text


def test_text_pages():
    text = ("江苏省总工会召开全委会议\n2020-11-26 14:58:03 来源:江苏工人报\n"
            "11月25日，江苏省总工会召开十四届全委会议，总结今年工作，部署明年任务。\n"
            "会议强调，要持续深化产业工人队伍建设改革。\n(编辑: 周明)")
    a = parse_page(Page(source="t", content=text.encode("utf-8"), is_html=False))
    assert a.title == "江苏省总工会召开全委会议"
    assert (a.published, a.outlet, a.editor) == ("2020-11-26", "江苏工人报", "周明")
    assert a.text.startswith("11月25日") and "编辑" not in a.text and "来源" not in a.text
    b = parse_page(Page(source="t", is_html=False, content=(
        "职工之家建设提质扩面\n《工人日报》(2012年01月17日 002版)\n"
        "本报讯（王槐艾）记者从省总工会获悉，全省已建成职工之家1.2万个。").encode("utf-8")))
    assert (b.outlet, b.published, b.page, b.author) == ("工人日报", "2012-01-17", "002版", "王槐艾")
    c = parse_page(Page(source="t", is_html=False, content="报刊:安徽工人日报\n2021-06-01\n正文一句话。".encode()))
    assert c.outlet == "安徽工人日报" and c.published == "2021-06-01"


@pytest.mark.parametrize("content,is_html", [
    (b"", True), (b"", False), (b"\x00\x01\x02binary\x00" * 50, True), (b"<html><body></body></html>", True),
    (b"<<<>>>&&&;;<p", True), ("\ud800".encode("utf-8", "surrogatepass"), False),
    ("<p>" + "工会" * 200_000 + "</p>", True), ("\u202e\u200b\ufeff" * 1000, True),
    ("<div>" * 3000 + "很深的嵌套。" + "</div>" * 3000, True),
    (b"<html><body><p>\xe5\xb7\xa5\x01\x02\x0b\xe4\xbc\x9a\xe8\x81\x8c\xe5\xb7\xa5\xe3\x80\x82</p></body></html>", True),
])
def test_bad_input_never_raises(content, is_html):
    if isinstance(content, str):
        content = content.encode("utf-8")
    a = parse_page(Page(source="bad", content=content, is_html=is_html))
    assert isinstance(a.text, str)
    assert all(isinstance(e, ErrorEntry) for e in a.errors)
    assert not any(e.kind == "exception" for e in a.errors)
    if not a.text:
        assert a.errors and all(e.stage in ("parse", "decode") for e in a.errors)


def test_multi_page_merge():
    base = "http://h/c/2023-11-20/1001.shtml"
    p1 = html_page("portal/c/2023-11-20/1001.shtml", base)
    p2 = html_page("portal/c/2023-11-20/1001_2.shtml", base.replace("1001", "1001_2"))
    other = html_page("portal/c/2023-11-21/1002.shtml", "http://h/c/2023-11-21/1002.shtml")
    groups = group_continuations([p2, other, p1])
    assert [[p.url for p in g] for g in groups] == [[other.url], [p1.url, p2.url]]
    merged = merge_pages([p1, p2])
    assert "慰问金" in merged.text and "应访尽访" in merged.text and merged.editor == "张华"
    assert len(parse_pages([p1, p2, other])) == 2
    assert continuation_of("http://h/a/index_1.html") == ("http://h/a/index.html", 2)
    assert continuation_of("http://h/html/2023-11/20/content_3.htm") is None
    assert continuation_of("http://h/html/2023-11/20/content_3_2.htm") == ("http://h/html/2023-11/20/content_3.htm", 2)


def test_dates_and_bylines():
    assert date_from_url("http://h/html/2020-11/26/content_1.htm") == "2020-11-26"
    assert date_from_url("http://h/papers/grrb/2020/11/26/1/news-3.html") == "2020-11-26"
    assert date_from_url("http://h/art/2021/t20210105_123.html") == "2021-01-05"
    assert normalise_date("2023-11-16T20:30:00Z") == "2023-11-17"  # Asia/Shanghai
    assert normalise_date("2023-11-16T20:30:00+08:00") == "2023-11-16"
    assert find_dates("2023年2月30日") == []
    assert scan_line("新京报记者 彭冲 山东冠县报道") == {"author": "彭冲"}
    assert scan_line("记者近日从西藏自治区获悉") == {}
    assert scan_line("光明日报记者 王建宏 张文攀") == {"author": "王建宏 张文攀"}  # 文 inside a name
    assert scan_line("记者 张三摄") == {"author": "张三"}
    assert scan_line("在线荐稿 记者博客 联系记者") == {}  # navigation, not a byline
    assert scan_line("第03版：要闻  总第1234期") == {"page": "第03版：要闻", "issue": "总第1234期"}
    assert paren_author("", "……工作取得实效。（记者 张倩）") == "张倩"


def test_county_union_government_cms():
    url = "http://www.byzgh.example.cn/art/2023/11/25/art_1234_5678.html"
    a = parse_page(html_page("county/art/2023/11/25/art_1234_5678.html", url))
    assert a.title == "宝应县总工会开展劳动法律宣讲进企业活动"
    assert (a.published, a.outlet, a.author) == ("2023-11-25", "宝应县总工会", "徐静")
    assert a.text.count("\n") == 2
    for junk in ("打印本页", "关闭窗口", "ICP", "您现在的位置", "浏览次数"):
        assert junk not in a.text
    assert continuation_of(url) is None  # art_<site>_<id>.html is not page 5678


def test_text_dump_with_navigation_and_teasers():
    text = "\n".join([
        "首页", "工会新闻", "权益维护", "劳模风采", "职工文化",
        "• 省总工会部署冬季送温暖工作",
        "摘要：近日，省总工会印发通知，要求各级工会把困难职工帮扶作为冬季重点工作，切实做到应帮尽帮。",
        "报刊:某某工人报",
        "某县总工会建成职工服务阵地二十个",
        "期次:第1234期",
        "本报讯 今年以来，某县总工会聚焦职工急难愁盼，在产业园区和商务楼宇新建职工服务阵地二十个，累计服务职工一万余人次。",
        "下一步，县总工会将继续推动服务阵地向乡镇延伸，打通服务职工“最后一公里”。(张伟)",
        "版权所有 某某工人日报社",
    ])
    a = parse_page(Page(source="dump", content=text.encode("utf-8"), is_html=False))
    assert a.title == "某县总工会建成职工服务阵地二十个"
    assert (a.issue, a.outlet, a.author) == ("第1234期", "某某工人报", "张伟")
    assert a.text.startswith("本报讯") and "摘要" not in a.text and "劳模风采" not in a.text


# -- errors are ErrorEntry everywhere; a failed continuation page does not crash the merge -------

def test_every_article_error_is_an_error_entry():
    pages = [Page(source="binary", content=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, is_html=True),
             Page(source="empty", content=b"<html><body></body></html>", is_html=True),
             Page(source="lost", errors=[{"stage": "read", "message": "no such file", "kind": "missing"}]),
             Page(source="furniture", content="分享到：微信 微博\n".encode(), is_html=False)]
    for page in pages:
        art = parse_page(page)
        assert art.errors and all(isinstance(e, ErrorEntry) for e in art.errors), art.errors
        assert any(e.fatal for e in art.errors)
    assert merge_pages([]).errors == [ErrorEntry("parse", "no pages", "empty")]


def test_merge_with_a_continuation_page_the_reader_failed_on():
    base = "http://h/c/2023-11-20/1001.shtml"
    first = html_page("portal/c/2023-11-20/1001.shtml", base)
    cont = base.replace("1001", "1001_2")
    for lost in (Page(source=cont, url=cont, errors=[ErrorEntry("read", "cannot read: gone", "missing")]),
                 Page(source=cont, url=cont, content=b"<html><body>Not Found</body></html>", is_html=True,
                      errors=[ErrorEntry("read", "HTTP status 404", "http-status")])):
        [art] = parse_pages([first, lost])
        assert "慰问金" in art.text and art.title == "扬州市总工会开展“冬送温暖”慰问活动"
        assert all(isinstance(e, ErrorEntry) for e in art.errors)
        # the article stands (its first page is good); the lost page is said, not fatal
        [e] = art.errors
        assert not e.fatal and e.kind == lost.errors[0].kind
        assert cont in e.message and lost.errors[0].message in e.message


# -- deep markup -----------------------------------------------------------------------------------

def _deep(page: Page, opening: str, closing: str, depth: int) -> Page:
    """The page with its whole body wrapped ``depth`` times."""
    html = page.content.decode("utf-8")
    html = html.replace("<body>", "<body>" + opening * depth, 1)
    html = html.replace("</body>", closing * depth + "</body>", 1)
    return Page(source=page.source, url=page.url, content=html.encode("utf-8"), is_html=True)


FIELDS_SEEN = ("title", "text", "published", "outlet", "author", "editor")


@pytest.mark.parametrize("url", ["https://www.workercn.cn/c/2023-11-20/1001.shtml",  # adapter
                                 "http://127.0.0.1:9/c/2023-11-20/1001.shtml"])  # generic
@pytest.mark.parametrize("opening,closing", [("<div>", "</div>"), ("<font color=red>", "")])
@pytest.mark.parametrize("depth", [254, 300, 1500])
def test_article_under_deep_nesting_parses_as_when_shallow(url, opening, closing, depth):
    """Hundreds of wrapper divs or unclosed fonts around the page: the same article."""
    page = html_page("portal/c/2023-11-20/1001.shtml", url)
    shallow = parse_page(page)
    deep = parse_page(_deep(page, opening, closing, depth))
    assert not deep.errors
    assert {k: getattr(deep, k) for k in FIELDS_SEEN} == {k: getattr(shallow, k) for k in FIELDS_SEEN}


@pytest.mark.parametrize("opening,closing", [("<div>", "</div>"), ("<font>", ""), ("<span><b>", "")])
def test_text_below_any_depth_is_kept(opening, closing):
    """Deeper than the parser builds trees: the structure down there is flattened, the text kept,
    one line per paragraph."""
    page = html_page("portal/c/2023-11-20/1001.shtml", "https://www.workercn.cn/c/2023-11-20/1001.shtml")
    art = parse_page(_deep(page, opening, closing, 3000))
    assert not art.errors
    for sentence in ("发放慰问金和物资折合人民币186万元。", "保障职工安全过冬。", "累计服务职工超过30万人次。"):
        assert sum(sentence in line for line in art.text.split("\n")) == 1


def test_nesting_flattened_only_below_the_limit():
    from unionnlp.parse.nesting import MAX_NESTING, flatten_deep

    n = MAX_NESTING - 1  # the <p> is the MAX_NESTING-th element
    shallow = "<div>" * n + "<p>工会</p><script>if (a<b) {x='<div>'}</script>" + "</div>" * n
    assert flatten_deep(shallow) == shallow
    deep = "<div>" * (MAX_NESTING + 5) + "<p>工会<br/>职工</p>" + "</div>" * (MAX_NESTING + 5)
    flat = flatten_deep(deep)
    assert flat.count("<div>") == MAX_NESTING and flat.count("</div>") == MAX_NESTING
    assert "工会" in flat and "职工" in flat and "<p>" not in flat and flat.count("<br>") == 12


def test_trafilatura_that_cannot_be_imported_is_said_once(monkeypatch, caplog):
    """A broken install (trafilatura's import fails) is logged once, not hidden on every page."""
    import builtins
    import logging

    from unionnlp.parse import html_page

    real_import = builtins.__import__

    def no_trafilatura(name, *a, **k):
        if name == "trafilatura":
            raise ImportError("lxml.html.clean is a separate project")
        return real_import(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    monkeypatch.setattr(html_page, "_WARNED", [])
    with caplog.at_level(logging.WARNING, logger="unionnlp.parse"):
        assert html_page._trafilatura_fallback("<html><body><p>工会</p></body></html>") == []
        assert html_page._trafilatura_fallback("<html><body><p>职工</p></body></html>") == []
    said = [r for r in caplog.records if "trafilatura is unavailable" in r.getMessage()]
    assert len(said) == 1


def test_trafilatura_is_importable_in_this_install():
    """The install carries what trafilatura needs (lxml's HTML cleaner is a separate package)."""
    import trafilatura

    assert trafilatura.extract("<html><body><article><p>" + "职工之家建设。" * 30
                               + "</p></article></body></html>")
