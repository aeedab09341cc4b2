"""Cost grows linearly: no regex or loop in clean/extract backtracks or rescans catastrophically.

Each entry point gets adversarial strings (repeated quotes, 、, digits with separators, CJK runs
without punctuation, 工会工会…, 1、1、…, spaces between CJK …) at a small and a 16× larger size,
timed in the same process. The time ratio must stay within 3× the size ratio (a quadratic
algorithm gives 16× the size ratio), with a time floor so that sub-millisecond noise cannot fail
it. ``bench/bench_robustness.py`` runs the same check up to 1 MB and prints the ratios.
"""
from __future__ import annotations

import re
import time

import pytest

from tests.fuzz.adversarial import GROWTH, HANG_INPUTS, text_entry_points
from tests.fuzz.regex_audit import audit, format_audit, nested_quantifiers

SMALL, STEP, STEPS = 4_000, 4, 2  # 4 000 → 16 000 → 64 000 characters (16×)
SLACK = 3.0
FLOOR = 0.004  # seconds: below this a measurement is noise
#: a fuse, not a speed target: far above any linear extractor (~10 µs per character) and well
#: below a hang; a call slower than this per character fails before the bigger sizes run
FUSE_PER_CHAR = 150e-6
WARM = "2019年，江苏省扬州市总工会开展“送温暖”活动，全市职工入会率达99%，会员42万余人。\n"


def _best(fn, arg, repeat=2) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - t0)
    return best


def growth_ratio(fn, gen, small=SMALL, step=STEP, steps=STEPS, fuse=FUSE_PER_CHAR) -> tuple:
    """(time ratio, size ratio, t_small, t_big) from gen(small) up to gen(small*step**steps).

    Stops early (returning the ratio so far) once a step is already superlinear or over the fuse.
    """
    a = gen(small)
    fn(WARM)  # warm lazy loads (lexicons, jieba, OpenCC, compiled patterns)
    fn(a)
    ts = _best(fn, a, repeat=3)
    ratio, size_ratio, tb = 1.0, 1.0, ts
    if ts > fuse * len(a):
        return float("inf"), 1.0, ts, ts
    for k in range(1, steps + 1):
        b = gen(small * step ** k)
        tb = _best(fn, b, repeat=1)
        ratio, size_ratio = tb / max(ts, FLOOR), len(b) / len(a)
        if ratio > SLACK * size_ratio or tb > fuse * len(b):
            break
    return ratio, size_ratio, ts, tb


# cleaning steps are cheap and share the same regexes as clean(): test clean, clean_inline and
# the extractors on every generator, the steps on a subset
_STEPS_GENS = ["cjk-spaces", "newline-1-dun", "pinyin-open", "digits-commas", "quote-open-text",
               "blank-lines", "blank-lines-digit", "spaces-newlines"]


def _cases():
    eps = text_entry_points()
    for name in eps:
        gens = GROWTH if name in ("clean", "clean_inline") or "find" in name or "." in name \
            or name == "main_place" else {g: GROWTH[g] for g in _STEPS_GENS}
        for g in gens:
            yield pytest.param(name, g, id=f"{name}-{g}")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name,gen", list(_cases()))
def test_cost_grows_linearly(name, gen):
    fn = text_entry_points()[name]
    ratio, size_ratio, ts, tb = growth_ratio(fn, GROWTH[gen])
    for _ in range(2):
        if not (ratio > SLACK * size_ratio and ratio != float("inf")):
            break
        # again: a lazy load (a dictionary read on the first candidate of some kind), a garbage
        # collection or the other core's load may have fallen inside one measurement; a real
        # quadratic cost fails every time
        ratio, size_ratio, ts, tb = growth_ratio(fn, GROWTH[gen])
    assert ratio != float("inf"), (
        f"{name} on {gen!r}: {ts:.3f}s for {SMALL} chars, over the fuse of "
        f"{FUSE_PER_CHAR * 1e6:.0f} µs per character (superlinear or hanging)")
    assert ratio <= SLACK * size_ratio, (
        f"{name} on {gen!r}: {ts:.4f}s at {SMALL} chars, {tb:.3f}s at {int(SMALL * size_ratio)} "
        f"(time ×{ratio:.1f} for size ×{size_ratio:.0f})")


HANG_LIMIT = 5.0  # seconds for ≤ 2 KB of text: linear code needs milliseconds


def _finishes(name: str, text: str, limit: float = HANG_LIMIT):
    """Run entry point ``name`` on ``text`` in a forked child; (finished?, error or None)."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    q = ctx.Queue()

    def child():
        try:
            text_entry_points()[name](text)
            q.put(None)
        except BaseException as e:  # noqa: BLE001
            q.put(f"{type(e).__name__}: {e}")

    p = ctx.Process(target=child, daemon=True)
    p.start()
    p.join(limit)
    if p.is_alive():
        p.kill()
        p.join()
        return False, None
    return True, (q.get(timeout=5) if not q.empty() else None)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(text_entry_points()))
def test_no_entry_point_hangs_on_short_hostile_input(name):
    text_entry_points()[name]("2019年全市职工入会率达99%。")  # lazy loads before the fork
    hung = []
    for label, text in HANG_INPUTS.items():
        done, err = _finishes(name, text)
        if not done:
            hung.append(f"{label} ({len(text)} chars)")
            if len(hung) >= 2:
                break  # enough evidence; do not spend the suite's time budget
        assert err is None, f"{name} on {label}: {err}"
    assert not hung, f"{name} runs over {HANG_LIMIT:.0f} s on: {', '.join(hung)}"


def test_extract_whole_document_is_linear():
    """unionnlp.extract end to end (parse, clean, spaCy Doc, every component)."""
    import unionnlp

    unit = "扬州市总工会开展“送温暖”活动，2019年全市职工入会率达99%，会员42万余人。\n"
    ratio, size_ratio, ts, tb = growth_ratio(unionnlp.extract, lambda n: unit * (n // len(unit)),
                                             small=4_000)
    assert ratio <= SLACK * size_ratio, f"extract: {ts:.3f}s → {tb:.3f}s (×{ratio:.1f})"


def test_process_page_with_spacy_pipeline_is_linear():
    """The CLI path (``process_page(page, nlp=load())``): spaCy Doc built with jieba, on text
    without punctuation (jieba's HMM) and with many words (word/space alignment)."""
    from unionnlp.extractors.pipeline import load
    from unionnlp.io.readers import page_from_text
    from unionnlp.pipeline import process_page

    nlp = load()
    fn = lambda t: process_page(page_from_text(t, "lin"), nlp=nlp)
    for gen in ("cjk-spaces", "union-union", "cjk-run"):
        ratio, size_ratio, ts, tb = growth_ratio(fn, GROWTH[gen], small=4_000)
        assert ratio <= SLACK * size_ratio, f"{gen}: {ts:.3f}s → {tb:.3f}s (×{ratio:.1f})"


def test_deeply_nested_html_is_bounded():
    """16× deeper nesting costs at most 3 × 16× the time (quadratic would cost 256×).

    Both depths are timed best-of-three with the garbage collector paused: a deep tree makes many
    objects, and a collection landing in one run (or a busy CI neighbour) must not read as growth.
    The small depth is large enough (10^3) to sit well above the timer's noise floor.
    """
    import gc

    from unionnlp.parse import parse_page
    from unionnlp.records import Page

    def page(depth):
        return Page(source="deep", content=("<div>" * depth + "工会" + "</div>" * depth).encode(),
                    is_html=True)

    parse_page(page(50))  # warm lazy loads
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        ts = _best(parse_page, page(1_000), repeat=3)
        tb = _best(parse_page, page(16_000), repeat=3)
    finally:
        if was_enabled:
            gc.enable()
    ratio = tb / max(ts, FLOOR)
    assert ratio <= SLACK * 16, (
        f"nested HTML: {ts:.3f}s at 10^3 levels, {tb:.3f}s at 16·10^3 (×{ratio:.1f} for ×16)")


# -- static audit --------------------------------------------------------------------------------

#: patterns with nested unbounded quantifiers that were reviewed, and why they cannot blow up:
#: (where the audit found it, a piece of its source, reason). HANG_INPUTS carries a hostile
#: line for each, run through every entry point under a time limit.
REVIEWED = [
    ("statistics.context._PAGE_MARKER", "、",
     "[ \\t] and \\n are disjoint, so the nesting splits one way; the lookbehind lets only the "
     "first newline of a run after text start a match"),
    ("furniture_patterns()", "[>»]",
     "every repetition consumes a separator [>»] its body cannot match; lines over 200 "
     "characters are only matched at their start"),
    ("furniture_patterns()", "打印本页",
     "spaces belong to a bracket when there is one, else to the separator: one split"),
    ("furniture_patterns()", "我的足迹",
     "the separator is either [|/] with its spaces or spaces alone: one split"),
    ("events.frames._BY_AGENT", "◇+(?:[、和与及]◇+)*",
     "the mask ◇ and the separators [、和与及] are disjoint and every repetition starts with a "
     "separator: one split (see test_reviewed_by_agent_pattern_stays_fast)"),
    ("campaigns.rules.SPACED_NUMBERS", "[0-9]+(?:[\\s,，、.．·-]+[0-9]+)+",
     "digits and the separators are disjoint and every repetition starts with a separator: one "
     "split (see test_reviewed_spaced_numbers_pattern_stays_fast)"),
]


def _reviewed(where: str, src: str) -> bool:
    return any(w in where and piece in src for w, piece, _ in REVIEWED)


def test_audit_finds_nested_quantifiers():
    assert [k for k, _, _ in nested_quantifiers(r"(a+)+$")] == ["exponential"]
    assert [k for k, _, _ in nested_quantifiers(r"(?:x\d{1,3}){2,}")] == ["bounded"]
    assert nested_quantifiers(r"“[^“”]{1,40}”|\d+(?:\.\d+)?") == []


def test_no_unreviewed_exponential_regex():
    res = audit()
    assert res["patterns"] > 20, "the audit found too few patterns: collection is broken"
    bad = [(w, p) for w, p in res["exponential"] if not _reviewed(w, p)]
    assert not bad, format_audit(res)


def test_reviewed_furniture_pattern_stays_fast():
    from unionnlp.preprocessing import drop_boilerplate

    line = "首页 " + "> 工会新闻 " * 38 + "x y"  # ≤ 200 chars: searched, fails at the end
    text = "\n".join([line] * 2000)
    t0 = time.perf_counter()
    drop_boilerplate(text)
    assert time.perf_counter() - t0 < 5.0


def test_reviewed_by_agent_pattern_stays_fast():
    from unionnlp.extractors.events.frames import _BY_AGENT

    masked = ("由" + "、".join(["◇" * 30] * 200) + "。") * 50  # long lists, no verb after them
    t0 = time.perf_counter()
    assert _BY_AGENT.search(masked) is None
    assert time.perf_counter() - t0 < 2.0


def test_reviewed_spaced_numbers_pattern_stays_fast():
    from unionnlp.extractors.campaigns.rules import SPACED_NUMBERS

    runs = ("1 2 3 " * 2000 + "x") * 20  # long runs of numbers written apart
    t0 = time.perf_counter()
    assert len(SPACED_NUMBERS.findall(runs)) == 20
    assert time.perf_counter() - t0 < 2.0
