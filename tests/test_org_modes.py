"""The organization mode (fast | accurate) through every door: find_organizations, the direct
path, unionnlp.extract, unionnlp.load and the CLI (sentences written for these tests)."""
import json
import subprocess
import sys

import pytest

import unionnlp
from unionnlp.errors import UnionNLPError
from unionnlp.extractors.organizations import DEFAULT_MODE, MODES, find_organizations

# a brand named without any head: the rules cannot see it, LAC can
TEXT = "近日，扬州市总工会联合星巴克开展职工义诊活动。"


def _names(orgs):
    return [o["name"] if isinstance(o, dict) else o.name for o in orgs]


def test_modes_differ_where_lac_sees_a_headless_name():
    assert DEFAULT_MODE == "fast" and set(MODES) == {"fast", "accurate"}
    assert "星巴克" not in _names(find_organizations(TEXT))
    assert "星巴克" in _names(find_organizations(TEXT, mode="accurate"))


def test_unknown_mode_is_a_clear_error():
    with pytest.raises(UnionNLPError, match="fast, accurate"):
        find_organizations(TEXT, mode="best")
    with pytest.raises(UnionNLPError):
        unionnlp.extract(TEXT, orgs="best")
    with pytest.raises(UnionNLPError):
        unionnlp.load(orgs="best")


def test_extract_and_load_take_the_mode():
    assert "星巴克" in _names(unionnlp.extract(TEXT, orgs="accurate").organizations)
    assert "星巴克" not in _names(unionnlp.extract(TEXT).organizations)
    nlp = unionnlp.load(orgs="accurate")
    from unionnlp.extractors.pipeline import run_extractors

    doc = run_extractors(TEXT, nlp=nlp)
    assert "星巴克" in _names(doc._.organizations)


def test_cli_orgs_option(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "unionnlp", "extract", str(src), "--orgs", "accurate"],
                         capture_output=True, text=True, check=True).stdout
    assert "星巴克" in _names(json.loads(out)["organizations"])
    bad = subprocess.run([sys.executable, "-m", "unionnlp", "extract", str(src), "--orgs", "best"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "--orgs" in bad.stderr
