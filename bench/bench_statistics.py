"""Throughput of number parsing and statistics extraction beside a plain-regex baseline.

All three run on the same text in the same process, so the printed ratios do not depend on the
machine. Text: the seed and corpus pages in ``../shared`` when present (read at run time, not
copied), else a few genre sentences written for this benchmark, repeated.

Usage::

    PYTHONPATH=. python bench/bench_statistics.py [--chars 300000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import pathlib
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from unionnlp.extractors import numbers, statistics  # noqa: E402

SHARED = pathlib.Path(os.environ.get("UNIONNLP_SHARED", ROOT.parent / "shared"))

_OWN = (
    "截至2022年底，全市工会会员达36.5万余人，基层工会组织4200余家，职工入会率达到93.6%。"
    "今年以来，市总工会发放帮扶资金1260万元，慰问困难职工1.2万人次，比上年增长12%。"
    "到2025年底，全市职工入会率达到95%以上，力争新建工会组织300家、职工书屋50个。"
    "联系电话：0516-83801234。2021年5月1日上午9时召开第二次会议。\n"
)

_BASELINE = re.compile(r"\d+(?:\.\d+)?%?")


def load_text(chars: int) -> tuple[str, str]:
    parts: list[str] = []
    source = "own sentences"
    for sub in ("seeds", "corpus"):
        d = SHARED / sub
        if d.is_dir():
            parts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(d.glob("*.txt"))]
            source = f"{SHARED} seeds+corpus"
    base = "\n".join(parts) if parts else _OWN
    reps = max(1, chars // max(1, len(base)))
    return (base + "\n") * reps, source


def best_time(fn, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=300_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    text, source = load_text(args.chars)
    # warm caches (resource files, compiled patterns, cn2an tables)
    statistics.find_statistics(text[:2000])
    n = len(text)
    t_base = best_time(_BASELINE.findall, text, args.repeat)
    t_num = best_time(numbers.parse, text, args.repeat)
    t_stat = best_time(statistics.find_statistics, text, args.repeat)
    print(f"text: {n:,} chars from {source}")
    rows = [("regex baseline  \\d+(\\.\\d+)?%?", t_base), ("numbers.parse", t_num),
            ("statistics.find_statistics", t_stat)]
    for name, t in rows:
        print(f"{name:34s} {n / t:14,.0f} chars/s   ratio to baseline {t_base / t:8.4f}")
    print(f"find_statistics / numbers.parse speed ratio: {t_num / t_stat:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
