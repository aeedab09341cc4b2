"""Robustness report: fuzz corpus, document accounting and linearity, in one run.

    PYTHONPATH=. python bench/bench_robustness.py [--n 400] [--max-size 1000000] [--quick]

Prints: inputs tried, crashes (an exception that is not a documented ``UnionNLPError`` from a
public entry point), timeouts (a call slower than 2 s + 100 µs per character), offset
violations, documents lost (records + error rows ≠ inputs, through ``process_page`` over
``iter_pages`` and through ``batch.run`` when present), and the largest time ratio of the
linearity checks (each entry point on adversarial strings of 10 KB → 100 KB → 1 MB; ratios are
time ratio ÷ size ratio, so 1.0 is linear and 10 would be quadratic over a 10× step).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzz.adversarial import GENRE, GROWTH, check_items, text_entry_points  # noqa: E402
from tests.fuzz.regex_audit import audit  # noqa: E402

_CHARS = ("“”‘’「」『』\"'()（）[]【】《》<>&;#、，。：；！？ \n\t\r0123456789一二三四五六七八九十百千万亿两零"
          "工会职工市总省县区")


def _random_text(rnd: random.Random, max_len: int) -> str:
    parts = []
    for _ in range(rnd.randrange(1, 40)):
        r = rnd.random()
        if r < 0.4:
            parts.append(rnd.choice(GENRE))
        elif r < 0.7:
            parts.append("".join(rnd.choice(_CHARS) for _ in range(rnd.randrange(1, 12))))
        elif r < 0.9:
            parts.append("".join(chr(rnd.randrange(0x4E00, 0x9FFF)) for _ in range(rnd.randrange(1, 20))))
        else:
            parts.append("".join(chr(rnd.randrange(0, 0x110000)) for _ in range(rnd.randrange(1, 6))))
    text = "".join(parts)
    if rnd.random() < 0.05:  # a few big ones: repeated hostile units
        text = rnd.choice(["“", "、", "1、", "工会", "9%", "万亿", "\n", "工 "]) * rnd.randrange(1000, 50_000)
    return text[: max(max_len, 1)] if len(text) > max_len and rnd.random() < 0.5 else text


def _bound(n_chars: int) -> float:
    return 2.0 + 100e-6 * n_chars


def fuzz(n: int, seed: int = 20261122) -> dict:
    from unionnlp.errors import is_documented
    from unionnlp.io.decode import decode_bytes
    from unionnlp.parse import parse_page
    from unionnlp.pipeline import extract
    from unionnlp.records import Page

    eps = dict(text_entry_points())
    eps["extract"] = lambda t: extract(t)
    eps["parse_page(html)"] = lambda t: parse_page(Page(source="f", content=("<div><p>" + t).encode(
        "utf-8", "surrogatepass"), is_html=True))
    eps["decode_bytes"] = lambda t: decode_bytes(t.encode("utf-8", "surrogatepass") + bytes(
        [ord(c) % 256 for c in t[:20]]))
    rnd = random.Random(seed)
    res = {"inputs": 0, "calls": 0, "crashes": [], "timeouts": [], "offsets": [], "slowest": (0.0, "")}
    for i in range(n):
        text = _random_text(rnd, 5000)
        res["inputs"] += 1
        for name, fn in eps.items():
            res["calls"] += 1
            t0 = time.perf_counter()
            try:
                out = fn(text)
            except Exception as e:  # noqa: BLE001
                if not is_documented(e):
                    res["crashes"].append((name, repr(text[:80]), traceback.format_exc(limit=3)))
                continue
            finally:
                dt = time.perf_counter() - t0
                if dt > res["slowest"][0]:
                    res["slowest"] = (dt, f"{name} on {len(text)} chars")
                if dt > _bound(len(text)):
                    res["timeouts"].append((name, len(text), round(dt, 2)))
            if name == "extract":
                for kind, ename in (("places", "find_places"), ("organizations", "find_organizations"),
                                    ("campaigns", "find_campaigns"), ("statistics", "find_statistics")):
                    res["offsets"] += check_items(ename, out.text, getattr(out, kind))
            elif isinstance(out, (list, tuple)) or hasattr(out, "start"):
                res["offsets"] += check_items(name, text, out)
    return res


def accounting() -> dict:
    from tests.test_robust_archives import build_mixed_folder
    from unionnlp.io.readers import iter_pages
    from unionnlp.pipeline import process_page

    out = {}
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        inp = d / "in"
        inp.mkdir()
        n = build_mixed_folder(inp)
        recs = [process_page(p) for p in iter_pages([inp])]
        ok = sum(r.ok for r in recs)
        out["process_page"] = (n, ok, len(recs) - ok, n - len(recs))
        try:
            from unionnlp import batch
        except ImportError:
            out["batch.run"] = None
        else:
            r = batch.run([inp], d / "out", workers=1, progress=False)
            out["batch.run"] = (n, r.records, r.errors, n - (r.records + r.errors))
    return out


def _timed_in_child(fn, arg, limit: float):
    """Seconds ``fn(arg)`` takes in a forked child, or None when it runs over ``limit``."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    q = ctx.Queue()

    def child():
        t0 = time.perf_counter()
        try:
            fn(arg)
        finally:
            q.put(time.perf_counter() - t0)

    p = ctx.Process(target=child, daemon=True)
    p.start()
    p.join(limit)
    if p.is_alive():
        p.kill()
        p.join()
        return None
    return q.get(timeout=5) if not q.empty() else None


def hangs(limit: float = 5.0) -> list:
    """(entry point, input) pairs from HANG_INPUTS (≤ 2 KB each) that run over ``limit``."""
    from tests.fuzz.adversarial import HANG_INPUTS

    out, n = [], 0
    for name, fn in text_entry_points().items():
        fn("2019年全市职工入会率达99%。")
        for label, text in HANG_INPUTS.items():
            n += 1
            if _timed_in_child(fn, text, limit) is None:
                out.append((name, label, len(text)))
    return n, out


def linearity(max_size: int, quick: bool, limit: float = 60.0) -> list:
    """[(name, generator, worst ratio ÷ size ratio, sizes, times)] for clean and each extractor.

    Each call runs in a forked child killed after ``limit`` seconds (reported as ratio inf).
    """
    eps = {k: v for k, v in text_entry_points().items()
           if k in ("clean", "clean_inline") or k.startswith("find") or k in ("main_place", "numbers.parse")}
    from unionnlp.pipeline import extract

    eps["extract"] = extract
    sizes = [10_000]
    while sizes[-1] * 10 <= max_size:
        sizes.append(sizes[-1] * 10)
    gens = GROWTH if not quick else {k: GROWTH[k] for k in list(GROWTH)[:8]}
    rows = []
    for name, fn in eps.items():
        fn("2019年，扬州市总工会开展“送温暖”活动，全市职工入会率达99%。")
        for g, gen in gens.items():
            times, worst, used = [], 0.0, []
            for n in sizes:
                s = gen(n)
                if name == "extract" and n > 100_000:
                    break  # whole-document extract at 1 MB: minutes of the budget
                dt = _timed_in_child(fn, s, limit)
                if dt is None:
                    worst = float("inf")
                    used.append(len(s))
                    times.append(float("inf"))
                    break
                if times:
                    worst = max(worst, (dt / max(times[0], 0.002)) / (len(s) / used[0]))
                times.append(dt)
                used.append(len(s))
                if len(times) > 1 and worst > 3:
                    break  # superlinear: do not spend minutes on the next size
            rows.append((name, g, worst, used, times))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=300, help="fuzz inputs (each through every entry point)")
    ap.add_argument("--max-size", type=int, default=1_000_000, help="largest linearity input (chars)")
    ap.add_argument("--quick", action="store_true", help="fewer generators")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    fz = fuzz(args.n)
    print(f"fuzz: {fz['inputs']} inputs, {fz['calls']} calls over {len(text_entry_points()) + 3} "
          f"entry points in {time.perf_counter() - t0:.0f} s")
    print(f"  crashes: {len(fz['crashes'])}   timeouts: {len(fz['timeouts'])}   offset violations: "
          f"{len(fz['offsets'])}   slowest call: {fz['slowest'][0]:.2f} s ({fz['slowest'][1]})")
    for c in fz["crashes"][:5]:
        print("  CRASH", c[0], c[1], "\n   ", c[2].strip().splitlines()[-1])
    for t in fz["timeouts"][:5]:
        print("  TIMEOUT", t)
    for o in fz["offsets"][:5]:
        print("  OFFSET", o)

    acc = accounting()
    n, ok, err, lost = acc["process_page"]
    print(f"accounting (process_page over iter_pages): {n} inputs → {ok} records + {err} error rows; "
          f"documents lost: {lost}")
    if acc["batch.run"] is None:
        print("accounting (batch.run): unionnlp.batch not present")
    else:
        n, ok, err, lost = acc["batch.run"]
        print(f"accounting (batch.run): {n} inputs → {ok} records + {err} error rows; documents lost: {lost}")

    n_h, hung = hangs()
    print(f"hang check: {n_h} (entry point, short hostile input) pairs, each ≤ 2 KB, limit 5 s: "
          f"{len(hung)} timeouts")
    for h in hung:
        print(f"  TIMEOUT {h[0]} on {h[1]!r} ({h[2]} chars)")

    au = audit()
    print(f"regex audit: {au['patterns']} patterns, {len(au['exponential'])} with nested unbounded "
          f"quantifiers (reviewed in tests/test_robust_linearity.py), {len(au['bounded'])} bounded")

    t1 = time.perf_counter()
    rows = linearity(args.max_size, args.quick)
    worst = max(rows, key=lambda r: r[2])
    bad = [r for r in rows if r[2] > 3]
    print(f"linearity: {len(rows)} (entry point, input) series, sizes up to {max(max(r[3]) for r in rows):,} "
          f"chars, in {time.perf_counter() - t1:.0f} s")
    print(f"  largest (time ratio ÷ size ratio): {worst[2]:.2f} — {worst[0]} on {worst[1]!r} "
          f"({' → '.join(f'{t:.3f}s' for t in worst[4])}; inf = killed after 60 s)")
    ok_rows = [r for r in rows if r[2] <= 3]
    if ok_rows:
        w = max(ok_rows, key=lambda r: r[2])
        print(f"  largest among linear series: {w[2]:.2f} — {w[0]} on {w[1]!r}")
    for r in bad:
        print(f"  SUPERLINEAR {r[0]} on {r[1]!r}: sizes {r[3]} times {[round(t, 3) for t in r[4]]}")
    return 1 if fz["crashes"] or fz["timeouts"] or hung or bad or any(
        v and v[3] for v in acc.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
