"""``unionnlp query`` / ``store.query``: read-only by default, everything with --unsafe.

Each attack is run against a JSONL output and a batch folder (real Parquet part files written
with the store's own row functions): refused by default — and the file outside is neither read
nor written — and run with ``unsafe=True``.
"""
import json

import duckdb
import pytest

from unionnlp import store
from unionnlp.cli import main
from unionnlp.errors import UnionNLPError, UnsafeQuery
from test_store import _records, write_part

SECRET = "口令-7731-只在外面"


def _write_batch(recs, out):
    """A batch output of one finished partition holding ``recs``."""
    write_part(out, "k1", recs)
    manifest = {"partitions": {"k1": {"status": "done", "files": {t: "part-k1.parquet" for t in store.TABLES}}}}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return out


@pytest.fixture(params=["jsonl", "batch"])
def output(request, tmp_path):
    if request.param == "jsonl":
        path = tmp_path / "records.jsonl"
        path.write_text("".join(r.to_json() + "\n" for r in _records()), encoding="utf-8")
        return path
    return _write_batch(_records(), tmp_path / "out")


@pytest.fixture()
def outside(tmp_path):
    """Files outside the output: a secret to read, and places nothing may be written to."""
    d = tmp_path / "elsewhere"
    d.mkdir()
    (d / "secret.csv").write_text(f"word\n{SECRET}\n", encoding="utf-8")
    _write_batch(_records()[:1], d / "other")  # someone else's Parquet
    return d


def _attacks(d):
    secret, other = d / "secret.csv", d / "other" / "articles" / "part-k1.parquet"
    return {
        "read_csv": (f"SELECT * FROM read_csv('{secret}')", None),
        "read_text": (f"SELECT content FROM read_text('{secret}')", None),
        "glob": (f"SELECT * FROM glob('{d}/*')", None),
        "read_parquet outside": (f"SELECT count(*) FROM read_parquet('{other}')", None),
        "copy to": (f"COPY (SELECT * FROM articles) TO '{d}/stolen.csv'", d / "stolen.csv"),
        "export database": (f"EXPORT DATABASE '{d}/dump'", d / "dump"),
        "attach": (f"ATTACH '{d}/new.duckdb' AS x", d / "new.duckdb"),
        "several statements": (f"SELECT 1; COPY (SELECT 1) TO '{d}/two.csv'", d / "two.csv"),
        "set external access back": ("SET enable_external_access = true", None),
        "load": ("LOAD parquet", None),
        "install": (f"INSTALL httpfs FROM '{d}/no-repository'", None),
    }


ATTACKS = list(_attacks(__import__("pathlib").Path("/x")))


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_refused_by_default(output, outside, attack):
    sql, written = _attacks(outside)[attack]
    before = sorted(p.name for p in outside.iterdir())
    with pytest.raises((UnsafeQuery, duckdb.PermissionException)) as info:
        df = store.query(output, sql)
        assert SECRET not in df.to_csv()  # never reached: the query must raise
    assert SECRET not in str(info.value)
    assert written is None or not written.exists()
    assert sorted(p.name for p in outside.iterdir()) == before


@pytest.mark.parametrize("attack", [a for a in ATTACKS if a != "set external access back"])
def test_attack_runs_with_unsafe(output, outside, attack):
    sql, written = _attacks(outside)[attack]
    try:
        df = store.query(output, sql, unsafe=True)
    except duckdb.IOException:  # INSTALL ran, and found no extension repository there
        assert attack == "install"
        return
    if attack == "read_csv":
        assert SECRET in df.to_csv()
    if written is not None:
        assert written.exists()


def test_statement_checks():
    store.check_query("WITH x AS (SELECT 1) SELECT * FROM x")
    for sql in ("DESCRIBE articles", "SHOW TABLES", "SUMMARIZE articles", "EXPLAIN SELECT 1",
                "FROM articles", "select 1;"):
        store.check_query(sql)
    for sql in ("", "SELECT 1; SELECT 2", "CREATE TABLE t AS SELECT 1", "PRAGMA version",
                "CALL pragma_version()", "DETACH x", "SET threads = 1"):
        with pytest.raises(UnsafeQuery):
            store.check_query(sql)
    assert issubclass(UnsafeQuery, UnionNLPError)


def test_read_only_connection_keeps_the_views(output):
    con = store.open(output, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        rows = con.execute("SELECT a.source, s.value FROM statistics s JOIN articles a "
                           "ON a.id = s.article_id").fetchall()
        assert rows == [("a.html", 92.0)]
        assert con.execute("SELECT count(*) FROM errors WHERE fatal").fetchone()[0] == 1
        with pytest.raises(duckdb.Error):
            con.execute("SET enable_external_access = true")
        with pytest.raises(duckdb.Error):
            con.execute("SET lock_configuration = false")
    finally:
        con.close()


def test_read_only_views_of_a_batch_with_reprints(tmp_path):
    """The reprints table of a batch output is read through Arrow too."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = _write_batch(_records(), tmp_path / "out")
    a, a_copy, _, _ = _records()
    (out / "reprints").mkdir()
    pq.write_table(pa.table({"id": [a.id, a_copy.id], "cluster_id": [a.id, a.id],
                             "is_canonical": [True, False]}), out / "reprints" / "reprints.parquet")
    df = store.query(out, "SELECT id, is_canonical FROM articles WHERE NOT is_canonical")
    assert list(df["id"]) == [a_copy.id]


def test_cli_refuses_then_unsafe_allows(output, outside, capsys):
    secret = outside / "secret.csv"
    sql = f"SELECT * FROM read_csv('{secret}')"
    assert main(["query", str(output), sql]) == 2
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err and "--unsafe" in captured.err
    assert main(["query", str(output), "SELECT 1 AS a; SELECT 2 AS b"]) == 2
    assert "one SQL statement" in capsys.readouterr().err
    copy = f"COPY (SELECT 1) TO '{outside}/c.csv'"
    assert main(["query", str(output), copy]) == 2 and not (outside / "c.csv").exists()
    assert main(["query", str(output), sql, "--unsafe"]) == 0
    assert SECRET in capsys.readouterr().out
    assert main(["query", str(output), copy, "--unsafe"]) == 0 and (outside / "c.csv").exists()
    capsys.readouterr()
    # ordinary queries over the output still work by default
    assert main(["query", str(output), "SELECT count(*) AS n FROM articles", "--csv"]) == 0
    assert capsys.readouterr().out == "n\n3\n"
