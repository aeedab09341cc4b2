"""store: DuckDB views over JSONL records and batch folders; rows; table formatting."""
import argparse
import json

import pandas as pd
import pytest

from unionnlp import store
from unionnlp.records import Campaign, ErrorEntry, Organization, Place, Record, Statistic

TEXT_A = (
    "2021年，临江市总工会深入开展“当好主力军、建功新时代”劳动竞赛，全市职工入会率达到92%，"
    "新建职工之家45个。市总工会联合市人社局举办职工技能大赛，参赛职工一千二百余人。"
)
TEXT_A_COPY = "转自临江日报。" + TEXT_A.replace("，全市", "。全市") + "（编辑：周明）"
TEXT_B = "河阳县总工会举办新就业形态劳动者集中入会活动，现场新发展会员二百余人，发放慰问品三百份。"


def _records():
    a = Record(
        source="a.html", url="http://a.example.cn/1", title="临江劳动竞赛", published="2021-05-01",
        outlet="临江工人报", text=TEXT_A,
        place=Place(name="临江市", canonical="某省临江市", level="city", adcode="999900"),
        places=[Place(name="临江市", canonical="某省临江市", level="city", adcode="999900",
                      start=5, end=8, parents=["某省"])],
        organizations=[Organization(name="临江市总工会", kind="union", start=5, end=11)],
        campaigns=[Campaign(name="当好主力军、建功新时代", kind="activity", start=20, end=31)],
        statistics=[Statistic(value=92.0, unit="%", metric="职工入会率", year=2021,
                              text="全市职工入会率达到92%", start=38, end=50)],
        errors=[ErrorEntry("extract:statistics", "one clause skipped", "warning")],
    )
    a_copy = Record(source="b.html", url="http://b.example.cn/9", published="2021-05-03", text=TEXT_A_COPY)
    b = Record(source="c.txt", text=TEXT_B, published="2021-06-01")
    bad = Record(source="d.html", errors=[ErrorEntry("decode", "binary data", "binary"),
                                          ErrorEntry("parse", "no text", "empty")])
    return [a, a_copy, b, bad]


def write_part(out, key, recs):
    """One partition of a batch output: a Parquet part file per table, written with the
    store's own row functions (what the batch workers write)."""
    import pyarrow.parquet as pq

    rows = {t: [] for t in store.TABLES}
    for r in recs:
        for t, rs in store.record_rows(r).items():
            rows[t].extend(rs)
    for t in store.TABLES:
        (out / t).mkdir(parents=True, exist_ok=True)
        pq.write_table(store.rows_to_table(t, rows[t]), out / t / f"part-{key}.parquet")


@pytest.fixture()
def jsonl(tmp_path):
    path = tmp_path / "records.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for r in _records():
            fh.write(r.to_json() + "\n")
    return path


def test_record_rows_one_article_or_one_fatal_error():
    a, a_copy, b, bad = _records()
    rows = store.record_rows(a, input="in/a.html", record_ref="r1")
    assert len(rows["articles"]) == 1 and rows["articles"][0]["place_code"] == "999900"
    assert [len(rows[t]) for t in ("places", "organizations", "campaigns", "statistics")] == [1, 1, 1, 1]
    assert rows["statistics"][0]["article_id"] == a.id
    assert rows["errors"] == [store.error_row("in/a.html", "r1", "extract:statistics", "one clause skipped",
                                              kind="warning", article_id=a.id, source="a.html", fatal=False)]
    rows = store.record_rows(bad)
    assert rows["articles"] == [] and len(rows["errors"]) == 1
    e = rows["errors"][0]
    assert e["fatal"] and e["stage"] == "decode" and "binary data" in e["message"] and "no text" in e["message"]
    # no text and no error entry still ends as one error row
    rows = store.record_rows(Record(source="empty.txt"))
    assert rows["articles"] == [] and rows["errors"][0]["kind"] == "empty"


def test_rows_to_table_coerces_odd_values():
    t = store.rows_to_table("statistics", [
        {"article_id": "x", "item": 0, "value": "12", "year": "2020", "start": 1.0, "end": 3},
        {"article_id": "y", "item": 1, "value": None, "year": "not a year", "unknown": 5},
    ])
    assert t.schema == store.SCHEMAS["statistics"]
    assert t.column("value").to_pylist() == [12.0, None]
    assert t.column("year").to_pylist() == [2020, None]
    p = store.rows_to_table("places", [{"article_id": "x", "item": 0, "name": "甲", "parents": [{"a": 1}, "乙"]}])
    assert p.column("parents").to_pylist() == [['{"a": 1}', "乙"]]


def test_open_jsonl_views_and_reprints(jsonl):
    con = store.open(jsonl)
    try:
        arts = con.execute("SELECT * FROM articles ORDER BY source").df()
        assert list(arts.columns[:12]) == store.ARTICLE_VIEW_COLUMNS
        assert list(arts.source) == ["a.html", "b.html", "c.txt"]
        a, a_copy, b, _ = _records()
        by_id = arts.set_index("id")
        assert by_id.loc[a_copy.id, "cluster_id"] == a.id and not by_id.loc[a_copy.id, "is_canonical"]
        assert by_id.loc[a.id, "is_canonical"] and by_id.loc[b.id, "cluster_id"] == b.id
        stat = con.execute(
            "SELECT s.value, s.metric, substr(a.text, s.start + 1, s.\"end\" - s.start) AS evidence "
            "FROM statistics s JOIN articles a ON a.id = s.article_id").fetchall()
        assert stat == [(92.0, "职工入会率", TEXT_A[38:50])]
        errs = con.execute("SELECT input, record, stage, message, fatal FROM errors ORDER BY fatal").fetchall()
        assert errs[0][2] == "extract:statistics" and errs[0][4] is False
        assert errs[1][0] == "d.html" and errs[1][4] is True
        for view in ("places", "organizations", "campaigns"):
            assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] == 1
    finally:
        con.close()


def test_query_and_format_table(jsonl):
    df = store.query(jsonl, "SELECT place, count(*) AS n FROM articles GROUP BY place ORDER BY n DESC")
    assert isinstance(df, pd.DataFrame) and int(df.n.sum()) == 3
    text = store.format_table(df)
    assert "某省临江市" in text and text.endswith("(2 rows)")
    long = pd.DataFrame({"x": range(200), "t": ["很长的文本" * 20] * 200})
    out = store.format_table(long, max_rows=10, max_colwidth=12)
    assert "…" in out and out.endswith("(200 rows)") and len(out.splitlines()) < 20
    assert store.format_table(pd.DataFrame()) == "(no rows)"


def test_query_cli_pieces(jsonl, capsys):
    p = argparse.ArgumentParser()
    from unionnlp.cli import query as query_cli

    query_cli.add_arguments(p)
    assert query_cli.run(p.parse_args([str(jsonl), "SELECT count(*) AS n FROM errors"])) == 0
    assert "2" in capsys.readouterr().out
    assert query_cli.run(p.parse_args([str(jsonl), "SELECT nope FROM nowhere"])) == 2
    assert query_cli.run(p.parse_args([str(jsonl), "SELECT id FROM articles", "--csv"])) == 0
    assert capsys.readouterr().out.startswith("id\n")


def test_open_missing_and_empty_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        store.open(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    con = store.open(tmp_path / "empty")
    try:
        for view in store.TABLES:
            assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] == 0
        cols = [r[0] for r in con.execute("DESCRIBE articles").fetchall()]
        assert cols[:12] == store.ARTICLE_VIEW_COLUMNS
    finally:
        con.close()


def test_folder_reads_only_done_partitions(tmp_path):
    out = tmp_path / "out"
    a, a_copy, b, bad = _records()
    for key, recs in (("k1", [a, bad]), ("k2", [b])):
        write_part(out, key, recs)
    manifest = {"partitions": {"k1": {"status": "done", "files": {t: "part-k1.parquet" for t in store.TABLES}}}}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    # k2 is on disk but not recorded as done (a killed run): not visible
    assert store.query(out, "SELECT count(*) AS n FROM articles").n[0] == 1
    assert store.query(out, "SELECT count(*) AS n FROM errors WHERE fatal").n[0] == 1
    manifest["partitions"]["k2"] = {"status": "done", "files": {t: "part-k2.parquet" for t in store.TABLES}}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert store.query(out, "SELECT count(*) AS n FROM articles").n[0] == 2
