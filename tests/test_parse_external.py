"""The external yardstick (../shared/external/html, 50 real pages with gold) as a floor test.

Floors sit slightly under the figures measured with ``bench/eval_html.py`` (body bigram F1
0.965, date accuracy 0.975, author 0.639), and ours must beat trafilatura's body F1 on the same pages.
"""
import importlib.util
import pathlib

import pytest

pytestmark = pytest.mark.shared

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_html", ROOT / "bench" / "eval_html.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_external_html_floor(external_dir):
    folder = external_dir / "html"
    if not folder.exists():
        pytest.skip("external/html not present")
    summary = _eval_module().run(folder)["summary"]
    ours, traf = summary["ours"], summary["trafilatura"]
    assert ours["f1"][0] >= 0.95
    assert ours["f1"][0] > traf["f1"][0]
    assert ours["date"][0] >= 0.95
    assert ours["snip"][0] == 1.0
    assert ours["title"][0] >= 0.75
    assert ours["author"][0] >= 0.58
