"""Batch runs: partitions, error rows, resume after a kill, lock, Dask cluster = local mode.

Every input here is written in tmp_path from short articles composed for these tests.
"""
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from unionnlp import batch, store
from unionnlp.cli import main as cli_main
from unionnlp.errors import OutputLocked

ROOT = Path(__file__).resolve().parent.parent

PLACES = ["临江市", "河阳县", "青山区", "东湖市", "南溪县", "北岭市", "西川区", "云台县"]
TOPICS = [
    ("劳动竞赛推进会", "参赛企业{n}家，覆盖职工{m}人，评出技术能手{k}名。"),
    ("金秋助学活动", "资助困难职工家庭子女{n}名，发放助学金{m}元，志愿者{k}人参与。"),
    ("新就业形态劳动者入会行动", "新发展会员{n}人，建立驿站{k}个，投入资金{m}元。"),
    ("职工技能大赛", "设置比赛项目{k}个，{n}名选手参赛，决出一等奖{k}名，奖金总额{m}元。"),
    ("困难职工帮扶工作", "走访慰问困难职工{n}户，发放帮扶资金{m}元，解决实际问题{k}件。"),
]


def article_text(i: int) -> str:
    """A short union news article, different for every i (own composition)."""
    place = PLACES[i % len(PLACES)]
    topic, facts = TOPICS[i % len(TOPICS)]
    n, m, k = 37 + 13 * i, 12000 + 977 * i, 3 + i % 9
    return (
        f"{2020 + i % 4}年{1 + i % 12}月{1 + i % 27}日，{place}总工会举办第{i + 1}届{topic}。"
        + facts.format(n=n, m=m, k=k)
        + f"{place}总工会负责人表示，将把第{i + 1}届{topic}的经验推广到全市各基层工会，"
        f"编号{i * 7919 % 10007}的工作方案同时印发。"
    )


def article_html(i: int) -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{PLACES[i % 8]}总工会动态{i}</title></head>"
        f"<body><h1>{PLACES[i % 8]}总工会动态{i}</h1><p>{article_text(i)}</p></body></html>"
    )


def write_warc(path: Path, texts, *, start: int = 0) -> None:
    """A gzipped WARC with one response record per text (each record its own gzip member)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for j, text in enumerate(texts):
            body = f"<html><body><h1>标题{start + j}</h1><p>{text}</p></body></html>".encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            rec = w.create_warc_record(f"http://news.example.cn/{start + j}.html", "response",
                                       payload=io.BytesIO(body), http_headers=headers)
            w.write_record(rec)


def make_inputs(d: Path, n_txt: int = 5, n_html: int = 4, n_warc: int = 7) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n_txt):
        (d / f"t{i:02d}.txt").write_text(article_text(i), encoding="utf-8")
    sub = d / "html"
    sub.mkdir(exist_ok=True)
    for i in range(n_html):
        (sub / f"h{i:02d}.html").write_text(article_html(100 + i), encoding="utf-8")
    write_warc(d / "crawl.warc.gz", [article_text(200 + i) for i in range(n_warc)])
    return d


def table_rows(out, table):
    """All rows of a view, as sorted string tuples (order-free comparison)."""
    df = store.query(out, f"SELECT * FROM {table}")
    return sorted(tuple(str(v) for v in row) for row in df.itertuples(index=False))


def assert_same_output(a, b):
    for t in ("articles", "places", "organizations", "campaigns", "statistics", "errors"):
        assert table_rows(a, t) == table_rows(b, t), t


def test_run_writes_partitioned_dataset_and_counts_add_up(tmp_path):
    inputs = make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    res = batch.run([inputs], out, workers=2, partition_size=3, progress=False)
    # 5 txt → 2 partitions, 4 html in their own folder → 2, WARC of 7 records → 3 ranges
    assert res.partitions == 7 and res.processed_partitions == 7 and res.skipped_partitions == 0
    assert res.inputs == 10
    assert res.documents == 16
    assert res.documents == res.records + res.errors and res.ok
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["documents"] == 16
    assert {i["path"] for i in manifest["inputs"]} >= {str(inputs / "crawl.warc.gz")}
    assert all("size" in i and "mtime_ns" in i for i in manifest["inputs"])
    kinds = [p["kind"] for p in manifest["plan"]["partitions"]]
    assert kinds.count("warc") == 3
    for t in store.TABLES:
        assert len(list((out / t).glob("part-*.parquet"))) == 7
    assert not list(out.rglob(".*.tmp-*")) and not (out / ".lock").exists()
    con = store.open(out)
    try:
        cols = [r[0] for r in con.execute("DESCRIBE articles").fetchall()]
        assert cols[:12] == store.ARTICLE_VIEW_COLUMNS
        n_art = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_fatal = con.execute("SELECT count(*) FROM errors WHERE fatal").fetchone()[0]
        urls = {r[0] for r in con.execute("SELECT url FROM articles WHERE url IS NOT NULL").fetchall()}
        err_cols = [r[0] for r in con.execute("DESCRIBE errors").fetchall()]
    finally:
        con.close()
    assert n_art == res.records and n_fatal == res.errors
    assert urls == {f"http://news.example.cn/{j}.html" for j in range(7)}
    assert err_cols[:4] == ["input", "record", "stage", "message"]

    # the same command again: everything skipped, same answer
    again = batch.run([inputs], out, workers=2, partition_size=3, progress=False)
    assert again.skipped_partitions == 7 and again.processed_partitions == 0
    assert (again.documents, again.records, again.errors) == (res.documents, res.records, res.errors)


def test_changed_input_redoes_only_its_partition_and_drops_stale_parts(tmp_path):
    inputs = make_inputs(tmp_path / "in", n_txt=4, n_html=0, n_warc=2)
    out = tmp_path / "out"
    first = batch.run([inputs], out, workers=1, partition_size=2, progress=False)
    assert first.partitions == 3
    (inputs / "t00.txt").write_text(article_text(50), encoding="utf-8")  # size/mtime change
    os.utime(inputs / "t00.txt", ns=(1, 1))
    second = batch.run([inputs], out, workers=1, partition_size=2, progress=False)
    assert second.processed_partitions == 1 and second.skipped_partitions == 2
    assert len(list((out / "articles").glob("part-*.parquet"))) == 3
    texts = {r[0] for r in store.query(out, "SELECT text FROM articles").itertuples(index=False)}
    assert any("第51届" in t for t in texts) and not any("第1届" in t for t in texts)
    # fewer inputs into the same folder: parts of vanished partitions are removed
    third = batch.run([inputs / "crawl.warc.gz"], out, workers=1, partition_size=2, progress=False)
    assert third.partitions == 1 and third.documents == 2
    assert len(list((out / "articles").glob("part-*.parquet"))) == 1
    assert store.query(out, "SELECT count(*) AS n FROM articles")["n"][0] == third.records


FAIL_HOOK = '''
from spacy.language import Language
from unionnlp.extractors.pipeline import load

@Language.component("unionnlp_test_failing_extractor")
def failing_extractor(doc):
    if "故障测试" in doc.text:
        raise RuntimeError("test extractor failed on purpose")
    return doc

def make_nlp():
    nlp = load()
    nlp.add_pipe("unionnlp_test_failing_extractor")
    return nlp
'''


def test_bad_inputs_become_error_rows_and_the_rest_completes(tmp_path, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"ok{i}.txt").write_text(article_text(i), encoding="utf-8")
    # an extractor raising inside the pipeline (test-only registered spaCy component)
    (d / "boom.txt").write_text("故障测试：" + article_text(9), encoding="utf-8")
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "unionnlp_failhook.py").write_text(FAIL_HOOK, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "hooks"))
    # undecodable page: binary bytes under an .html name
    (d / "binary.html").write_bytes(b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 8)
    # truncated gzip of an HTML page
    gz = gzip.compress(article_html(7).encode("utf-8") * 20)
    (d / "cut.html.gz").write_bytes(gz[: len(gz) // 2])
    # a WARC whose second record is corrupt (bytes of its compressed data overwritten)
    w1 = d / "corrupt.warc.gz"
    write_warc(w1, [article_text(20), article_text(21), article_text(22)])
    raw = w1.read_bytes()
    from unionnlp.io.readers import warc_offsets

    offs = warc_offsets(w1)
    assert len(offs) == 3
    member = bytearray(raw[offs[1]: offs[2]])
    mid = len(member) // 2
    member[mid: mid + 40] = bytes(b ^ 0xFF for b in member[mid: mid + 40])
    w1.write_bytes(raw[: offs[1]] + bytes(member) + raw[offs[2]:])
    # a WARC truncated in the middle of its last record
    w2 = d / "truncated.warc.gz"
    write_warc(w2, [article_text(30), article_text(31)], start=30)
    raw2 = w2.read_bytes()
    w2.write_bytes(raw2[: len(raw2) - 120])

    out = tmp_path / "out"
    res = batch.run([d], out, workers=1, partition_size=10, progress=False,
                    pipeline="unionnlp_failhook:make_nlp")
    assert res.ok and not res.failed_partitions
    assert res.documents == res.records + res.errors
    errors = store.query(out, "SELECT * FROM errors")
    fatal = errors[errors.fatal]

    def rows(name, **cond):
        sel = fatal[fatal.input.str.endswith(name)]
        return sel

    assert len(rows("binary.html")) == 1
    assert rows("binary.html").stage.iloc[0] in ("decode", "parse", "read")
    assert len(rows("cut.html.gz")) == 1 and rows("cut.html.gz").stage.iloc[0] == "read"
    corrupt = rows("corrupt.warc.gz")
    assert len(corrupt) == 1 and "corrupt" in corrupt.message.iloc[0].lower()
    trunc = rows("truncated.warc.gz")
    assert len(trunc) == 1 and trunc.stage.iloc[0] == "read"
    # the extractor failure is a warning row on a record that still exists
    boom = errors[errors.message.str.contains("failed on purpose")]
    assert len(boom) == 1 and not boom.fatal.iloc[0] and boom.stage.iloc[0].startswith("extract")
    arts = store.query(out, "SELECT id, input, url FROM articles")
    assert boom.article_id.iloc[0] in set(arts.id)
    # the good documents all made it: 3 txt, boom, 1st record of corrupt WARC, 1st of truncated
    names = [Path(p).name for p in arts.input]
    assert sorted(n for n in names if n.endswith(".txt")) == ["boom.txt", "ok0.txt", "ok1.txt", "ok2.txt"]
    assert set(arts.url.dropna()) >= {"http://news.example.cn/0.html", "http://news.example.cn/30.html"}
    assert res.errors == len(fatal) == 4


SLOW_HOOK = '''
import time
from spacy.language import Language
from unionnlp.extractors.pipeline import load

@Language.component("unionnlp_test_slow")
def slow(doc):
    time.sleep(0.25)
    return doc

def make_nlp():
    nlp = load()
    nlp.add_pipe("unionnlp_test_slow")
    return nlp
'''


def test_resume_after_kill_equals_uninterrupted_run(tmp_path, monkeypatch):
    inputs = make_inputs(tmp_path / "in", n_txt=6, n_html=0, n_warc=4)  # 10 documents
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "unionnlp_slowhook.py").write_text(SLOW_HOOK, encoding="utf-8")
    monkeypatch.syspath_prepend(str(hooks))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(hooks)]), CI="true")
    out = tmp_path / "killed"
    args = [str(inputs), "-o", str(out), "--workers", "1", "--partition-size", "1",
            "--pipeline", "unionnlp_slowhook:make_nlp"]
    proc = subprocess.Popen([sys.executable, "-m", "unionnlp", "extract", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:  # the manifest is replaced atomically: a partition has landed once listed
                if json.loads((out / "manifest.json").read_text(encoding="utf-8"))["partitions"]:
                    break
            except (OSError, ValueError, KeyError):
                pass
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read().decode()
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    landed = len(list((out / "articles").glob("part-*.parquet")))
    assert 1 <= landed < 10  # killed mid-way
    assert (out / ".lock").exists()  # left behind by the dead run, taken over below

    resumed = batch.run([inputs], out, workers=1, partition_size=1, progress=False,
                        pipeline="unionnlp_slowhook:make_nlp")
    assert resumed.skipped_partitions + resumed.processed_partitions == 10
    assert resumed.processed_partitions < 10
    whole = batch.run([inputs], tmp_path / "whole", workers=2, partition_size=1, progress=False,
                      pipeline="unionnlp_slowhook:make_nlp")
    assert (resumed.documents, resumed.records, resumed.errors) == (whole.documents, whole.records, whole.errors)
    assert_same_output(out, tmp_path / "whole")
    assert table_rows(out, "reprints") == table_rows(tmp_path / "whole", "reprints")


def test_lock_refuses_a_concurrent_run(tmp_path):
    inputs = make_inputs(tmp_path / "in", n_txt=1, n_html=0, n_warc=0)
    out = tmp_path / "out"
    out.mkdir()
    import psutil

    me = psutil.Process()
    (out / ".lock").write_text(json.dumps({"pid": me.pid, "host": __import__("socket").gethostname(),
                                           "create_time": me.create_time(),
                                           "started": "2026-01-01T00:00:00Z"}))
    with pytest.raises(OutputLocked, match="another unionnlp run"):
        batch.run([inputs], out, workers=1, progress=False)
    assert cli_main(["extract", str(inputs), "-o", str(out), "--workers", "1"]) == 2
    # a lock whose process is gone is stale and taken over
    (out / ".lock").write_text(json.dumps({"pid": 2 ** 22 + 12345, "host": __import__("socket").gethostname(),
                                           "create_time": 1.0}))
    res = batch.run([inputs], out, workers=1, progress=False)
    assert res.documents == 1 and not (out / ".lock").exists()


def test_cli_main_prints_counts(tmp_path, capsys):
    inputs = make_inputs(tmp_path / "in", n_txt=2, n_html=1, n_warc=1)
    rc = cli_main(["extract", str(inputs), "-o", str(tmp_path / "o.parquet"), "--workers", "1", "--no-progress"])
    assert rc == 0
    text = capsys.readouterr().err
    assert "4 documents" in text and "records" in text and "error rows" in text


def test_dask_cluster_gives_the_same_records_as_local_mode(tmp_path, monkeypatch):
    import distributed
    inputs = make_inputs(tmp_path / "in", n_txt=4, n_html=2, n_warc=5)  # 2 + 1 + 3 partitions
    local = batch.run([inputs], tmp_path / "local", workers=1, partition_size=2, progress=False)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        remote = batch.run([inputs], tmp_path / "dask", scheduler=cluster.scheduler_address,
                           partition_size=2, progress=False)
        manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text(encoding="utf-8"))
    assert remote.ok and remote.processed_partitions == local.processed_partitions == 6
    assert (remote.documents, remote.records, remote.errors) == (local.documents, local.records, local.errors)
    assert_same_output(tmp_path / "local", tmp_path / "dask")
    # the partitions really ran in the cluster's worker processes
    assert len(manifest["partitions"]) == 6
    assert len({t["pid"] for t in remote.timings}) == 2


def test_reprints_are_clustered_across_partitions(tmp_path):
    from test_reprints import STORY_A, STORY_A_COPY, STORY_B

    d = tmp_path / "in"
    (d / "site1").mkdir(parents=True)
    (d / "site2").mkdir()
    (d / "site1" / "a.txt").write_text("2023年7月1日\n" + STORY_A, encoding="utf-8")
    (d / "site1" / "b.txt").write_text("2023年7月1日\n" + STORY_B, encoding="utf-8")
    (d / "site2" / "copy.txt").write_text("2023年7月5日\n" + STORY_A_COPY, encoding="utf-8")
    out = tmp_path / "out"
    res = batch.run([d], out, workers=1, partition_size=5, progress=False)
    assert res.partitions == 2 and res.reprint_clusters == 1
    arts = store.query(out, "SELECT source, published, cluster_id, is_canonical, id FROM articles")
    by = {Path(s).name: row for s, row in zip(arts.source, arts.itertuples(index=False))}
    assert by["a.txt"].cluster_id == by["copy.txt"].cluster_id != by["b.txt"].cluster_id
    assert by["b.txt"].is_canonical and by["b.txt"].cluster_id == by["b.txt"].id
    assert by["a.txt"].is_canonical + by["copy.txt"].is_canonical == 1
    if by["a.txt"].published and by["copy.txt"].published:
        assert by["a.txt"].is_canonical  # earliest copy
    sizes = store.query(out, "SELECT cluster_size, count(*) AS n FROM reprints GROUP BY 1 ORDER BY 1")
    assert list(sizes.cluster_size) == [1, 2] and list(sizes.n) == [1, 2]


def test_progress_is_quiet_in_ci_and_off_a_terminal(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert batch.driver.show_progress(None) is False
    assert batch.driver.show_progress(True) is True
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert batch.driver.show_progress(None) is False


CRASH_HOOK = '''
import os
from spacy.language import Language
from unionnlp.extractors.pipeline import load

@Language.component("unionnlp_test_crash")
def crash(doc):
    if "进程崩溃测试" in doc.text:
        os._exit(3)  # the worker process dies (as on an out-of-memory kill)
    return doc

def make_nlp():
    nlp = load()
    nlp.add_pipe("unionnlp_test_crash")
    return nlp
'''


def test_a_dying_worker_fails_its_partition_not_the_run(tmp_path, monkeypatch):
    d = tmp_path / "in"
    for k in range(4):  # innocent partitions, some in flight when the killer strikes
        (d / f"a{k}").mkdir(parents=True)
        for i in range(2):
            (d / f"a{k}" / f"ok{i}.txt").write_text(article_text(10 * k + i), encoding="utf-8")
    (d / "b").mkdir()
    (d / "b" / "killer.txt").write_text("进程崩溃测试。" + article_text(5), encoding="utf-8")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "unionnlp_crashhook.py").write_text(CRASH_HOOK, encoding="utf-8")
    monkeypatch.syspath_prepend(str(hooks))
    out = tmp_path / "out"
    res = batch.run([d], out, workers=2, partition_size=10, progress=False,
                    pipeline="unionnlp_crashhook:make_nlp")
    assert [f["partition"] for f in res.failed_partitions] == [str(d / "b" / "killer.txt")]
    assert "died" in res.failed_partitions[0]["message"] or "Broken" in res.failed_partitions[0]["message"]
    assert not res.ok and res.processed_partitions == 4 and res.records == 8
    assert store.query(out, "SELECT count(*) AS n FROM articles").n[0] == 8
    assert cli_main(["extract", str(d), "-o", str(out), "--workers", "2", "--no-progress",
                       "--pipeline", "unionnlp_crashhook:make_nlp"]) == 1  # retried, fails again


def test_warc_offset_ranges_cover_every_record_once(tmp_path):
    """The reader contract batch partitions rely on: ranges [o_i, o_j) tile the file."""
    from unionnlp.io.readers import iter_warc, warc_offsets

    path = tmp_path / "six.warc.gz"
    write_warc(path, [article_text(i) for i in range(6)])
    offs = warc_offsets(path)
    assert len(offs) == 6
    bounds = [0, offs[2], offs[5], None]
    urls = []
    for start, end in zip(bounds, bounds[1:]):
        urls += [p.url for p in iter_warc(path, start_offset=start, end_offset=end)]
    assert urls == [f"http://news.example.cn/{i}.html" for i in range(6)], (
        "iter_warc(start_offset=…) must compare absolute record offsets with end_offset")


def test_batch_applies_lexicon_and_corrections_and_redoes_partitions_when_they_change(tmp_path, capsys):
    """--lexicon/--corrections reach the batch workers: a made-up campaign is in the campaigns
    table, a corrected place in the articles table; editing the file redoes the partitions
    (its content is part of the keys), so a resumed run never mixes old and new tables."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("临江市总工会推出青禾暖工坊服务品牌，2020年全市职工入会率达92%。", encoding="utf-8")
    (d / "b.txt").write_text("泰州市总工会推进党建带工建。", encoding="utf-8")
    lex = tmp_path / "lex.csv"
    lex.write_text("kind,action,name,canonical,type,note\ncampaign,add,青禾暖工坊,,brand-title,\n"
                   "campaign,block,党建带工建,,,\n", encoding="utf-8")
    fix = tmp_path / "fix.csv"
    fix.write_text(f"article,item,field,value,note\n{d / 'b.txt'},,place,扬州市,\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli_main(["extract", str(d), "-o", str(out) + os.sep, "--workers", "1", "--no-progress",
                     "--lexicon", str(lex), "--corrections", str(fix)]) == 0
    camps = set(store.query(out, "SELECT name FROM campaigns").name)
    assert "青禾暖工坊" in camps and "党建带工建" not in camps
    places = dict(store.query(out, "SELECT source, place_code FROM articles").itertuples(index=False))
    assert places[str(d / "b.txt")] == "321000"
    again = batch.run([d], out, workers=1, progress=False, lexicon=[lex, fix])
    assert again.skipped_partitions == again.partitions  # same files: nothing to redo
    lex.write_text("kind,action,name,canonical,type,note\ncampaign,add,青禾暖工坊,,brand-title,\n",
                   encoding="utf-8")
    changed = batch.run([d], out, workers=1, progress=False, lexicon=[lex, fix])
    assert changed.processed_partitions == changed.partitions  # the block is gone: redone
    assert "党建带工建" in set(store.query(out, "SELECT name FROM campaigns").name)
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,action,name\nnope,add,甲\n", encoding="utf-8")
    assert cli_main(["extract", str(d), "-o", str(tmp_path / "o2") + os.sep, "--workers", "1",
                     "--lexicon", str(bad)]) == 2
    assert "bad.csv:2" in capsys.readouterr().err




def test_batch_organization_mode_is_a_setting(tmp_path):
    """orgs= reaches the workers and is part of the keys; an unknown mode fails before any work."""
    from unionnlp.errors import UnionNLPError

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("扬州市总工会和江都区总工会召开会议。", encoding="utf-8")
    with pytest.raises(UnionNLPError):
        batch.run([d], tmp_path / "bad", workers=1, progress=False, orgs="quick")
    assert not (tmp_path / "bad").exists()
    fast = batch.run([d], tmp_path / "o", workers=1, progress=False)
    acc = batch.run([d], tmp_path / "o", workers=1, progress=False, orgs="accurate")
    assert fast.processed_partitions == acc.processed_partitions == 1  # another mode: redone
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["settings"]["orgs"] == "accurate"
