"""The crawl stays on its site: an open redirect on the crawled site does not take it over another
one. Two real sites on 127.0.0.1 (the fixture server), the first with a ``/go?to=URL`` redirect
linked from its front page to the second."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

SITES = pathlib.Path(__file__).resolve().parent / "fixtures" / "sites"
sys.path.insert(0, str(SITES))

from server import SiteServer  # noqa: E402

from unionnlp.scrape import child_env, crawl  # noqa: E402

FAST = dict(delay=0, timeout=2, retries=1, backoff=0.05, concurrency=4)

PARAGRAPHS = ("{place}总工会日前召开全体职工大会，通报上半年工会工作进展，部署下半年重点任务。",
              "会议指出，全市已建成职工服务站点一百余个，新增会员三千余人，困难职工帮扶实现全覆盖。",
              "会议要求，各级工会要进一步密切联系职工，把服务做到一线，切实维护职工合法权益。")


def article(title: str, place: str) -> str:
    body = "".join(f"<p>{p.format(place=place)}</p>" for p in PARAGRAPHS)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<h1>{title}</h1><div class='content'>{body}</div></body></html>")


def front_page(links: list) -> str:
    items = "".join(f"<li><a href='{href}'>{text}</a></li>" for href, text in links)
    return f"<html><head><meta charset='utf-8'><title>首页</title></head><body><ul>{items}</ul></body></html>"


def write(root: pathlib.Path, rel: str, html: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


@pytest.fixture
def elsewhere(tmp_path):
    """Another site: a front page and two articles of its own."""
    root = tmp_path / "elsewhere"
    write(root, "index.html", front_page([("/c/2023-11-21/40001.shtml", "一"), ("/c/2023-11-22/40002.shtml", "二")]))
    write(root, "c/2023-11-21/40001.shtml", article("外站新闻一", "乙市"))
    write(root, "c/2023-11-22/40002.shtml", article("外站新闻二", "丙市"))
    write(root, "robots.txt", "User-agent: *\nAllow: /\n")
    with SiteServer(root) as s:
        yield s


def home_site(tmp_path, target_url: str) -> SiteServer:
    """The crawled site: one article, and a link through its open redirect to ``target_url``."""
    root = tmp_path / "home"
    write(root, "index.html", front_page([("/c/2023-11-20/30001.shtml", "本站"),
                                          (f"/go?to={target_url}", "友情链接")]))
    write(root, "c/2023-11-20/30001.shtml", article("本站新闻", "甲市"))
    write(root, "robots.txt", "User-agent: *\nAllow: /\n")
    return SiteServer(root)


def kept(out: pathlib.Path) -> list:
    from warcio.archiveiterator import ArchiveIterator

    uris = []
    for w in sorted(out.glob("*.warc.gz")):
        with open(w, "rb") as fh:
            uris += [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh)
                     if r.rec_type == "response"]
    return sorted(uris)


def log(out: pathlib.Path) -> dict:
    lines = (out / "crawl-log.jsonl").read_text("utf-8").splitlines()
    return {r["url"]: r for r in map(json.loads, lines)}


@pytest.mark.parametrize("name", ["localhost", "127.0.0.1"])  # another host name; another port
def test_open_redirect_does_not_take_the_crawl_elsewhere(tmp_path, elsewhere, name):
    other = elsewhere.url.replace("127.0.0.1", name)
    with home_site(tmp_path, other) as home:
        out = tmp_path / "crawl"
        res = crawl(home.url, out, **FAST)
        assert res.ok and res.reason == "finished"
        assert kept(out) == [home.url + "c/2023-11-20/30001.shtml"]
        assert sum(elsewhere.hits.values()) == 0  # not even its robots.txt
        entry = log(out)[f"{home.url}go?to={other}"]
        assert entry["final"] and not entry["kept"] and entry["status"] is None
        assert entry["error"].startswith(f"OffsiteRedirect: redirected off-site to {name}:{elsewhere.server_port}")


def test_listed_host_is_followed_through_the_redirect(tmp_path, elsewhere):
    """``--allow-host`` (the CLI, in a real child process): the other site is crawled too."""
    with home_site(tmp_path, elsewhere.url) as home:
        out = tmp_path / "crawl"
        env = dict(child_env())
        env["PYTHONPATH"] = os.pathsep.join([str(SITES.parent.parent), env.get("PYTHONPATH", "")])
        r = subprocess.run([sys.executable, "-m", "unionnlp", "crawl", home.url, "--out", str(out),
                            "--delay", "0", "--timeout", "2", "--allow-host", f"127.0.0.1:{elsewhere.server_port}"],
                           capture_output=True, text=True, timeout=120, env=env)
        assert r.returncode == 0, r.stderr
        assert kept(out) == sorted([home.url + "c/2023-11-20/30001.shtml",
                                    elsewhere.url + "c/2023-11-21/40001.shtml",
                                    elsewhere.url + "c/2023-11-22/40002.shtml"])


def test_sites_and_their_twins():
    from unionnlp.scrape.targets import host_twins, origin, parse_host

    assert origin("http://News.Example.cn/a") == "news.example.cn"
    assert origin("https://example.cn:443/") == origin("http://example.cn/") == "example.cn"
    assert origin("http://127.0.0.1:8080/") == "127.0.0.1:8080"
    assert host_twins("example.cn") == {"example.cn", "www.example.cn", "m.example.cn"}
    assert host_twins("www.example.cn") == host_twins("m.example.cn") == host_twins("example.cn")
    assert host_twins("example.cn:8080") == {"example.cn:8080", "www.example.cn:8080", "m.example.cn:8080"}
    assert host_twins("127.0.0.1:8080") == {"127.0.0.1:8080"}  # an address has no twins
    assert parse_host("http://Other.cn:81/x") == "other.cn:81" and parse_host("other.cn") == "other.cn"
    for bad in ("", "a b", "http://", "other.cn/path"):
        with pytest.raises(ValueError):
            parse_host(bad)


def test_redirects_allowed_within_twins_only(tmp_path):
    import json as _json

    from unionnlp.scrape import prepare
    from unionnlp.scrape.spider import UnionSpider

    cfg, _ = prepare(["http://example.cn/", "workercn=http://www.portal.cn/"], tmp_path / "c",
                     allowed_hosts=["partner.cn"])
    spider = UnionSpider(_json.loads(cfg.read_text("utf-8")))
    try:
        for url in ("https://example.cn/a", "http://www.example.cn/a", "http://m.example.cn/a",
                    "http://portal.cn/x", "http://m.portal.cn/x", "http://partner.cn/x"):
            assert spider.may_redirect_to(url), url
        for url in ("http://evil.cn/", "http://example.cn.evil.cn/", "http://example.cn:8080/",
                    "http://sub.example.cn/", "http://www.partner.cn/"):
            assert not spider.may_redirect_to(url), url
    finally:
        spider.closed("test")
