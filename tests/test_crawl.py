"""End-to-end crawl tests against fixture sites served on 127.0.0.1 (fast: small delays)."""
from __future__ import annotations

import json
import pathlib
import signal
import subprocess
import sys
import time

import pytest

SITES = pathlib.Path(__file__).resolve().parent / "fixtures" / "sites"
sys.path.insert(0, str(SITES))

from server import SiteServer  # noqa: E402

from unionnlp.records import Page  # noqa: E402
from unionnlp.parse import parse_pages  # noqa: E402
from unionnlp.scrape import child_env, crawl, parse_target, prepare  # noqa: E402

FAST = dict(delay=0, timeout=0.6, retries=2, backoff=0.05, concurrency=4)


def warc_responses(out: pathlib.Path) -> list:
    """(uri, date, headers, body) of every response record in the crawl folder."""
    from warcio.archiveiterator import ArchiveIterator

    recs = []
    for w in sorted(out.glob("*.warc.gz")):
        with open(w, "rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type == "response":
                    recs.append((rec.rec_headers.get_header("WARC-Target-URI"),
                                 rec.rec_headers.get_header("WARC-Date"),
                                 rec.http_headers, rec.content_stream().read()))
    return recs


def warc_types(out: pathlib.Path) -> list:
    from warcio.archiveiterator import ArchiveIterator

    types = []
    for w in sorted(out.glob("*.warc.gz")):
        with open(w, "rb") as fh:
            types += [r.rec_type for r in ArchiveIterator(fh)]
    return types


def log_lines(out: pathlib.Path) -> list:
    return [json.loads(l) for l in (out / "crawl-log.jsonl").read_text("utf-8").splitlines() if l.strip()]


def pages_of(out: pathlib.Path) -> list:
    pages = []
    for uri, date, headers, body in warc_responses(out):
        pages.append(Page(source=uri, url=uri, content=body, fetched=date, is_html=True,
                          declared_encoding=headers.get_header("Content-Type")))
    return pages


@pytest.fixture
def portal():
    with SiteServer(SITES / "portal", slow_seconds=1.5) as s:
        yield s


def test_portal_crawl_faults_and_parse(portal, tmp_path):
    out = tmp_path / "crawl"
    t0 = time.time()
    res = crawl([f"workercn={portal.url}"], out, **FAST)
    assert res.ok and res.reason == "finished"
    assert time.time() - t0 < 30
    base = portal.url.rstrip("/")
    arts = {f"{base}/c/2023-11-20/1001.shtml", f"{base}/c/2023-11-20/1001_2.shtml",
            f"{base}/c/2023-11-21/1002.shtml", f"{base}/c/2023-11-22/1003.shtml",
            f"{base}/c/2023-11-23/1004.shtml", f"{base}/c/2023-11-24/1005.shtml"}
    recs = warc_responses(out)
    uris = [r[0] for r in recs]
    assert sorted(uris) == sorted(arts)  # only article pages, each once; no list/robots pages
    assert all(r[1] and r[1].startswith("20") for r in recs)  # WARC-Date
    assert warc_types(out).count("request") == len(recs)
    # faults: retried or logged, and the crawl finished
    log = {r["url"]: r for r in log_lines(out)}
    assert portal.hits["/c/2023-11-23/1004.shtml"] == 3 and log[f"{base}/c/2023-11-23/1004.shtml"]["retries"] == 2
    assert log[f"{base}/c/2023-11-24/1005.shtml"]["status"] == 200
    assert log[f"{base}/c/2023-11-24/1005.shtml"]["retries"] >= 1
    assert log[f"{base}/missing.shtml"]["status"] == 404
    assert "robots" in log[f"{base}/private/secret.html"]["error"]
    assert portal.hits["/private/secret.html"] == 0
    assert "redirect" in log[f"{base}/loop/a.shtml"]["error"]
    slow = log[f"{base}/slow.shtml"]
    assert slow["status"] is None and "Timeout" in slow["error"] and slow["retries"] == 2
    assert set(r for r in log[f"{base}/slow.shtml"]) >= {"url", "status", "error", "retries", "time"}
    # layout: WARC segments + log at top level, state hidden
    names = {p.name for p in out.iterdir()}
    assert names <= {"crawl-log.jsonl", ".state"} | {p.name for p in out.glob("crawl-*.warc.gz")}
    assert (out / ".state" / "jobdir").is_dir()

    # the project's reader takes the folder as is (skips crawl-log.jsonl and .state/)
    from unionnlp.io.readers import iter_pages

    read = list(iter_pages([out]))
    assert sorted(p.url for p in read) == sorted(arts) and not any(p.errors for p in read)
    # parse what was crawled: multi-page merge, GBK page, lying meta
    articles = {a.url: a for a in parse_pages(read)}
    assert f"{base}/c/2023-11-20/1001_2.shtml" not in articles
    a1 = articles[f"{base}/c/2023-11-20/1001.shtml"]
    assert a1.title == "扬州市总工会开展“冬送温暖”慰问活动"
    assert "慰问金" in a1.text and "应访尽访" in a1.text  # page 2 merged
    assert a1.published == "2023-11-20" and a1.editor == "张华" and a1.outlet == "江苏工人报"
    for junk in ("中工网首页", "相关新闻", "分享到", "版权所有", "下一页", "字号"):
        assert junk not in a1.text
    a2 = articles[f"{base}/c/2023-11-21/1002.shtml"]
    assert "职业技能大赛" in a2.title and a2.encoding == "gb18030" and "焊工" in a2.text
    a3 = articles[f"{base}/c/2023-11-22/1003.shtml"]
    assert a3.encoding == "utf-8" and "暖心礼包" in a3.text


def test_resume_after_page_limit(tmp_path):
    with SiteServer(SITES / "epaper-founder") as s:
        out = tmp_path / "ep"
        target = [f"epaper-founder={s.url}"]
        r1 = crawl(target, out, max_pages=2, since="2023-11-20", until="2023-11-20", **FAST)
        assert r1.ok and r1.fetched == 2
        r2 = crawl(target, out, max_pages=2, since="2023-11-20", until="2023-11-20", **FAST)
        assert r2.fetched == 2
        r3 = crawl(target, out, since="2023-11-20", until="2023-11-20", **FAST)
        assert r3.fetched == 1
        r4 = crawl(target, out, since="2023-11-20", until="2023-11-20", **FAST)
        assert r4.fetched == 0
        hits = {k: v for k, v in s.hits.items() if k != "/robots.txt"}
        assert len(hits) == 5 and set(hits.values()) == {1}  # nothing fetched twice
        uris = sorted(r[0] for r in warc_responses(out))
        assert uris == [f"{s.url}html/2023-11/20/content_{i}.htm" for i in (1, 2, 3)]
        arts = sorted(parse_pages(pages_of(out)), key=lambda a: a.url)
        assert [a.page for a in arts] == ["第01版：要闻", "第01版：要闻", "第02版：工会"]
        assert arts[0].pretitle == "打通服务职工“最后一公里”" and arts[0].subtitle.startswith("全市已建成")
        assert all(a.published == "2023-11-20" for a in arts)


def test_resume_after_kill(tmp_path):
    with SiteServer(SITES / "epaper-workercn", delay=0.25) as s:
        out = tmp_path / "wk"
        target = [f"epaper-workercn={s.url}"]
        cfg, _ = prepare(target, out, since="2023-11-20", until="2023-11-20", delay=0, timeout=5,
                         retries=1, backoff=0.05, concurrency=1)
        proc = subprocess.Popen([sys.executable, "-m", "unionnlp.scrape.run", str(cfg)], env=child_env())
        log = out / "crawl-log.jsonl"
        deadline = time.time() + 20
        while time.time() < deadline:
            if log.exists() and len(log.read_text("utf-8").splitlines()) >= 2:
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        finished = {r["url"] for r in log_lines(out) if r["final"]}
        assert finished
        before = dict(s.hits)
        res = crawl(target, out, since="2023-11-20", until="2023-11-20", delay=0, timeout=5,
                    retries=1, backoff=0.05)
        assert res.ok
        for url in finished:  # finished pages are not fetched again
            path = "/" + url.split("/", 3)[3]
            assert s.hits[path] == before.get(path, 0)
        uris = [r[0] for r in warc_responses(out)]
        assert sorted(uris) == sorted({f"{s.url}papers/grrb/2023/11/20/1/news-1.html",
                                       f"{s.url}papers/grrb/2023/11/20/2/news-2.html"})
        arts = {a.url.rsplit("/", 2)[-2]: a for a in parse_pages(pages_of(out))}
        assert arts["1"].pretitle == "聚焦产业工人队伍建设改革" and arts["1"].issue == "第12873期"
        assert arts["2"].page == "02版" and arts["2"].author == "钱进"


def test_truncated_warc_is_repaired(tmp_path):
    with SiteServer(SITES / "epaper-founder") as s:
        out = tmp_path / "ep"
        crawl([f"epaper-founder={s.url}"], out, max_pages=3, since="2023-11-20", **FAST)
        w = next(out.glob("*.warc.gz"))
        data = w.read_bytes()
        w.write_bytes(data[:-40])  # a kill in the middle of the last record
        res = crawl([f"epaper-founder={s.url}"], out, since="2023-11-20", **FAST)
        assert res.repaired
        uris = sorted(r[0] for r in warc_responses(out))
        assert uris == [f"{s.url}html/2023-11/20/content_{i}.htm" for i in (1, 2, 3)]


def test_targets_syntax():
    t = parse_target("epaper-founder=http://paper.example.cn/", "2023-11-30", "2023-12-01")
    assert t.starts == ["http://paper.example.cn/html/2023-11/30/node_1.htm",
                        "http://paper.example.cn/html/2023-12/01/node_1.htm"]
    t = parse_target("epaper-workercn=http://x.cn/", "2023-01-05")
    assert t.starts == ["http://x.cn/papers/grrb/2023/01/05/1/page.html"]
    assert parse_target("http://a.cn/list/index.html").site == "generic"
    assert parse_target("workercn=https://www.workercn.cn/").starts == ["https://www.workercn.cn/"]
    for bad in ("", "workercn", "nosuch=http://a.cn/", "epaper-founder=ftp://a", "generic=a.cn"):
        with pytest.raises(ValueError):
            parse_target(bad)
    with pytest.raises(ValueError):
        parse_target("epaper-founder=http://a.cn/", "2023-02-01", "2023-01-01")


def test_cli_arguments(tmp_path):
    import argparse

    from unionnlp.cli import crawl as cli

    p = argparse.ArgumentParser()
    cli.add_arguments(p)
    a = p.parse_args(["epaper-founder=http://h/", "--out", str(tmp_path), "--max-pages", "3",
                      "--since", "2023-11-20", "--delay", "0.5"])
    assert a.max_pages == 3 and a.since == "2023-11-20" and a.delay == 0.5
    assert cli.run(p.parse_args(["nosuch=http://h/", "--out", str(tmp_path)])) == 2


def test_plain_url_with_date_window(portal, tmp_path):
    out = tmp_path / "win"
    res = crawl(portal.url + "index.html", out, since="2023-11-22", until="2023-11-23",
                **{**FAST, "timeout": 0.3})
    assert res.ok
    base = portal.url.rstrip("/")
    uris = sorted(r[0] for r in warc_responses(out))
    assert uris == [f"{base}/c/2023-11-22/1003.shtml", f"{base}/c/2023-11-23/1004.shtml"]
    assert portal.hits["/c/2023-11-20/1001.shtml"] == 0  # outside the window: not fetched
    assert portal.hits["/index_1.html"] == 1  # pagination followed


def test_size_limit_is_logged_not_fatal(tmp_path):
    with SiteServer(SITES / "epaper-founder") as s:
        out = tmp_path / "big"
        res = crawl([f"epaper-founder={s.url}"], out, since="2023-11-20", max_size=1500, **FAST)
        assert res.ok
        log = {r["url"].rsplit("/", 1)[-1]: r for r in log_lines(out)}
        big = [r for r in log.values() if r["error"] and "max size" in r["error"]]
        assert big and all(r["final"] and not r["kept"] for r in big)
        kept = [r[0] for r in warc_responses(out)]
        assert all(len(r[3]) <= 1500 for r in warc_responses(out)) and len(kept) == 3 - len(big)


def test_resume_after_graceful_stop_jobdir(tmp_path):
    # a slow server (every answer takes 0.6 s, ~10 s for the site) and a stop after 4 s: the
    # crawl is under way when stopped even when a loaded machine takes seconds to start it
    with SiteServer(SITES / "portal", delay=0.6, slow_seconds=1) as s:
        out = tmp_path / "stop"
        opts = dict(delay=0, timeout=0.5, retries=2, backoff=0.01, concurrency=1)
        r1 = crawl([f"workercn={s.url}"], out, wall_timeout=4.0, **{**opts, "timeout": 2.0})  # SIGINT mid-crawl
        assert r1.reason == "shutdown" and (out / ".state" / "jobdir" / "requests.queue").exists()
        s.delay = 0.0
        r2 = crawl([f"workercn={s.url}"], out, **opts)
        assert r2.reason == "finished"
        faults = {"/robots.txt", "/c/2023-11-23/1004.shtml", "/c/2023-11-24/1005.shtml",
                  "/slow.shtml", "/loop/a.shtml", "/loop/b.shtml"}
        assert all(v == 1 for k, v in s.hits.items() if k not in faults)
        uris = [r[0] for r in warc_responses(out)]
        assert len(uris) == len(set(uris)) == 6


def test_cli_crawl_subcommand(tmp_path):
    import os

    with SiteServer(SITES / "epaper-workercn") as s:
        out = tmp_path / "cli"
        env = dict(child_env())
        env["PYTHONPATH"] = os.pathsep.join([str(pathlib.Path(__file__).resolve().parent.parent),
                                             env.get("PYTHONPATH", "")])
        r = subprocess.run([sys.executable, "-m", "unionnlp", "crawl", f"epaper-workercn={s.url}",
                            "--out", str(out), "--since", "2023-11-20", "--delay", "0"],
                           capture_output=True, text=True, timeout=120, env=env)
        assert r.returncode == 0, r.stderr
        assert len(warc_responses(out)) == 2 and "kept 2" in r.stderr


def test_a_stalled_run_is_stopped_and_resumed_not_waited_on_forever(tmp_path, monkeypatch):
    """A server that accepts the connection and never answers, with a download timeout far
    away: the crawl's watchdog sees nothing move, stops the run (state kept), resumes it in a
    fresh process a bounded number of times, and returns with reason ``stalled``."""
    import socket
    import threading

    import unionnlp.scrape as scrape

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held = []

    def accept_and_hold():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            held.append(conn)  # read nothing, answer nothing

    threading.Thread(target=accept_and_hold, daemon=True).start()
    monkeypatch.setattr(scrape, "MAX_STALL_RESTARTS", 1)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
    t0 = time.time()
    try:
        res = crawl([url], tmp_path / "stuck", timeout=600, retries=0, obey_robots=False, delay=0,
                    stall_timeout=3)
    finally:
        listener.close()
        for c in held:
            c.close()
    assert res.reason == "stalled" and res.restarts == 1
    assert time.time() - t0 < 120
    assert scrape.default_stall_timeout(timeout=5, retries=1, backoff=0.05) == 60.0
    assert scrape.default_stall_timeout() > 4 * 30
