"""The gazetteer's dictionary scanners (leftmost-longest, like an Aho-Corasick iter_long) and
the module layout of the places package (no import cycle)."""
import importlib
import subprocess
import sys

from unionnlp.extractors.places.scan import PrefixScanner, SuffixScanner


def _spans(scanner, text):
    return [(e + 1 - len(v), e + 1, v) for e, v in scanner.iter_long(text)]


def test_prefix_scanner_is_leftmost_longest():
    sc = PrefixScanner({k: k for k in ("扬州", "扬州市", "州市场", "高邮", "高邮市")})
    assert _spans(sc, "扬州市场和高邮") == [(0, 3, "扬州市"), (5, 7, "高邮")]
    assert _spans(sc, "去扬州") == [(1, 3, "扬州")]
    assert _spans(sc, "") == [] and _spans(sc, "没有地名") == []


def test_prefix_scanner_end_index_after_a_failed_longer_key():
    # a longer key that starts like a shorter one and fails must not shift later matches
    sc = PrefixScanner({k: k for k in ("北镇", "镇安", "镇安县城关")})
    assert _spans(sc, "大路口镇镇安") == [(4, 6, "镇安")]
    assert _spans(sc, "鹤北镇安") == [(1, 3, "北镇")]


def test_suffix_scanner_matches_names_ending_with_their_suffix():
    sc = SuffixScanner({k: k for k in ("黄家埠镇", "家埠镇", "郭杜街道", "幸福乡")})
    assert _spans(sc, "黄家埠镇和郭杜街道") == [(0, 4, "黄家埠镇"), (5, 9, "郭杜街道")]
    assert _spans(sc, "建设幸福乡村") == [(2, 5, "幸福乡")]  # context rules decide later
    assert _spans(sc, "镇乡街道") == []


def test_scanners_agree_with_the_gazetteer_lookups():
    from unionnlp.extractors.places.gazetteer import _gaz

    g = _gaz()
    text = "西安市长安区郭杜街道和余姚市黄家埠镇的工会干部"
    assert [v[0] for _, v in g.auto.iter_long(text)] == ["西安市", "长安区", "余姚市"]
    assert [v[0] for _, v in g.town_auto.iter_long(text)] == ["郭杜街道", "黄家埠镇"]


def test_mentions_and_towns_import_without_a_cycle():
    # each module imports alone in a fresh interpreter (a cycle breaks the one imported first)
    for mod in ("unionnlp.extractors.places.towns", "unionnlp.extractors.places.mentions",
                "unionnlp.extractors.places.main"):
        r = subprocess.run([sys.executable, "-c", f"import {mod}"], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
    towns = importlib.import_module("unionnlp.extractors.places.towns")
    assert "mentions" not in towns.__dict__
