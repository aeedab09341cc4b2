"""The crawler and Dask clusters are extras: without them the library works and the two
features say which extra to install (the child processes below hide the installed packages)."""
import subprocess
import sys

HIDE = "import sys; sys.modules['scrapy'] = None; sys.modules['distributed'] = None; sys.modules['dask'] = None\n"


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", HIDE + code], capture_output=True, text=True, timeout=300)


def test_core_works_without_the_extras(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("泰州市总工会召开会议。", encoding="utf-8")
    r = _run("import unionnlp\n"
             "rec = unionnlp.extract('扬州市总工会推进“三培养工程”，2019年职工入会率达99%。')\n"
             "assert rec.campaigns and rec.statistics\n"
             f"res = unionnlp.batch_run([{str(tmp_path / 'in')!r}], {str(tmp_path / 'out')!r}, "
             "workers=1, progress=False)\n"
             "print(res.records)")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().endswith("1")


def test_crawl_and_dask_name_their_extra(tmp_path):
    r = _run("import unionnlp\n"
             "from unionnlp.errors import BackendUnavailable\n"
             "try:\n"
             f"    unionnlp.crawl(['http://127.0.0.1:9/'], {str(tmp_path / 'c')!r})\n"
             "except BackendUnavailable as e:\n"
             "    print('crawl:', e)\n"
             "(p := __import__('pathlib').Path(" + repr(str(tmp_path / 'in2')) + ")).mkdir()\n"
             "(p / 'a.txt').write_text('泰州市总工会召开会议。', encoding='utf-8')\n"
             "try:\n"
             f"    unionnlp.batch_run([str(p)], {str(tmp_path / 'o')!r}, scheduler='tcp://127.0.0.1:9', progress=False)\n"
             "except BackendUnavailable as e:\n"
             "    print('dask:', e)\n")
    assert r.returncode == 0, r.stderr
    assert "unionnlp[crawl]" in r.stdout and "unionnlp[dask]" in r.stdout
