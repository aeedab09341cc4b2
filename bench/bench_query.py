"""Read-only ``unionnlp query``: the cost of Arrow-dataset views against DuckDB's read_parquet.

A read-only connection (``store.open(out, read_only=True)``, the default of ``unionnlp query``)
switches DuckDB's file access off, so its views over the Parquet part files of a batch output
are registered :mod:`pyarrow.dataset` datasets instead of ``read_parquet`` views. This script
writes a batch output of N generated articles (own sentence templates, distinct texts, 50
partitions), then runs the same queries on both kinds of connection in this process and prints
the times and their ratio (read-only / read_parquet), and the peak RSS of each kind measured in
a child process (with a third kind for reference: tables materialised in DuckDB's memory).

Usage: ``python bench/bench_query.py [N_ARTICLES]`` (default 100000).
"""
from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PARTITIONS = 50
QUERIES = {
    "count by place": "SELECT place, count(*) FROM articles GROUP BY place",
    "text length by place": "SELECT place, sum(length(text)) FROM articles GROUP BY place",
    "text search": "SELECT count(*) FROM articles WHERE text LIKE '%入会率达到9%'",
    "join statistics": "SELECT a.place, avg(s.value) FROM statistics s JOIN articles a "
                       "ON a.id = s.article_id GROUP BY a.place",
}
PLACES = ["临江市", "河阳县", "青山区", "东湖市", "南溪县", "北岭市", "西川区", "云台县"]
SENTENCES = ["{p}总工会召开{e}推进会，部署下一步任务。", "截至{y}年底，{p}累计建立基层工会组织{n}个。",
             "据统计，{p}职工入会率达到{pc}%，比上年提高{k}个百分点。", "{p}共有{n}家企业参加{e}。",
             "活动现场，{k}名一线职工代表上台领奖。", "下一步，{p}将持续深化{e}，推动工会工作提质增效。"]
EVENTS = ["劳动竞赛", "技能大赛", "金秋助学", "送温暖活动", "职工书屋建设"]


def write_output(out: Path, n: int) -> None:
    import pyarrow.parquet as pq

    from unionnlp import store
    from unionnlp.records import Place, Record, Statistic

    rnd = random.Random(7)
    manifest = {"partitions": {}}
    per = -(-n // PARTITIONS)
    for part in range(PARTITIONS):
        rows = {t: [] for t in store.TABLES}
        for i in range(part * per, min(n, (part + 1) * per)):
            p = rnd.choice(PLACES)
            text = "".join(rnd.choice(SENTENCES).format(
                p=p, e=rnd.choice(EVENTS), y=rnd.randint(2015, 2024), n=rnd.randint(10, 900),
                pc=rnd.randint(80, 99), k=rnd.randint(1, 9)) for _ in range(40))
            rec = Record(source=f"gen/{i}.txt", title=f"{p}工会工作{i}", published="2021-05-01",
                         text=text, place=Place(name=p, canonical=p, adcode=f"{990000 + PLACES.index(p) * 100}"),
                         statistics=[Statistic(value=float(rnd.randint(80, 99)), unit="%",
                                               metric="职工入会率", year=2021)])
            for t, rs in store.record_rows(rec).items():
                rows[t].extend(rs)
        name = f"part-{part:03d}.parquet"
        for t in store.TABLES:
            (out / t).mkdir(parents=True, exist_ok=True)
            pq.write_table(store.rows_to_table(t, rows[t]), out / t / name)
        manifest["partitions"][str(part)] = {"status": "done", "files": {t: name for t in store.TABLES}}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def run_queries(con) -> dict:
    times = {}
    for label, sql in QUERIES.items():
        t0 = time.perf_counter()
        con.execute(sql).fetchall()
        times[label] = time.perf_counter() - t0
    return times


def child(mode: str, out: str) -> None:
    """One kind of connection in a fresh process: print its query time and peak RSS."""
    from unionnlp import store

    if mode == "materialised":
        con = store.open(out)
        for t in ("articles", "statistics"):
            con.execute(f"CREATE TABLE {t}_m AS SELECT * FROM {t}")
            con.execute(f"DROP VIEW {t}")
            con.execute(f"ALTER TABLE {t}_m RENAME TO {t}")
    else:
        con = store.open(out, read_only=mode == "read-only")
    total = sum(run_queries(con).values())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "seconds": round(total, 3), "max_rss_mb": round(rss)}))


def main(n: int) -> None:
    from unionnlp import store

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        t0 = time.perf_counter()
        write_output(out, n)
        size = sum(f.stat().st_size for f in out.rglob("*.parquet")) / 1e6
        print(f"{n} articles, {PARTITIONS} partitions, {size:.1f} MB of Parquet "
              f"(written in {time.perf_counter() - t0:.1f} s)")
        base_con, safe_con = store.open(out), store.open(out, read_only=True)
        run_queries(base_con), run_queries(safe_con)  # warm the file cache
        base, safe = run_queries(base_con), run_queries(safe_con)
        print(f"{'query':24s} {'read_parquet':>12s} {'read-only':>10s} {'ratio':>6s}")
        for label in QUERIES:
            print(f"{label:24s} {base[label]:12.3f} {safe[label]:10.3f} {safe[label] / base[label]:6.1f}")
        tb, ts = sum(base.values()), sum(safe.values())
        print(f"{'all':24s} {tb:12.3f} {ts:10.3f} {ts / tb:6.1f}")
        for mode in ("read_parquet", "read-only", "materialised"):
            r = subprocess.run([sys.executable, __file__, "--child", mode, str(out)],
                               capture_output=True, text=True, check=True)
            print("child", r.stdout.strip())


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
