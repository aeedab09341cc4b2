"""Shared helpers for the benchmarks: sample texts and a timer."""
from __future__ import annotations

import os
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = pathlib.Path(os.environ.get("UNIONNLP_SHARED", ROOT.parent / "shared"))


def sample_texts(clean: bool = True) -> list:
    """Devset texts when ../shared is present (cleaned), else the bundled corpus gold texts."""
    from unionnlp.preprocessing import clean as _clean

    paths = sorted((SHARED / "devset").glob("*.txt")) or sorted((ROOT / "corpora" / "gold").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        texts = ["扬州市总工会召开会议,2019年全市职工入会率达99%,会员42万余人。" * 20]
    return [_clean(t) for t in texts] if clean else texts


def repeat_to(texts: list, n_chars: int) -> list:
    out, total = [], 0
    while total < n_chars:
        for t in texts:
            out.append(t)
            total += len(t)
            if total >= n_chars:
                break
    return out


def timed(fn, *args, repeat: int = 3):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best
