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


def _aside() -> set:
    """Names (``devset2/101``) of the held-out documents (corpora/split/aside.txt)."""
    path = ROOT / "corpora" / "split" / "aside.txt"
    if not path.exists():
        return set()
    return {ln.split("#")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.split("#")[0].strip()}


def distinct_texts(clean: bool = True) -> list:
    """Every different real or team-written page we may time on: devset and devset2 (without
    the held-out part), the unannotated corpus, the seeds, the team's gold and sample pages.
    No text repeats, so per-text caches cannot flatter a timing."""
    from unionnlp.preprocessing import clean as _clean

    aside = _aside()
    paths = []
    for folder in ("devset", "devset2", "corpus", "seeds"):
        paths += [p for p in sorted((SHARED / folder).glob("*.txt")) if f"{folder}/{p.stem}" not in aside]
    paths += sorted((ROOT / "corpora" / "gold").rglob("*.txt"))
    paths += sorted((ROOT / "corpora" / "src" / "articles").glob("*"))
    seen, texts = set(), []
    for p in paths:
        t = p.read_text(encoding="utf-8", errors="replace")
        t = _clean(t) if clean else t
        if t and t not in seen:
            seen.add(t)
            texts.append(t)
    return texts


def clear_text_caches() -> int:
    """Empty the per-text and per-name caches of unionnlp (``lru_cache`` larger than 64 entries;
    the resource loaders, one-entry caches, stay loaded), so a timing sees unseen text."""
    import functools
    import gc

    n = 0
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "").startswith("unionnlp"):
            info = obj.cache_parameters()
            if info.get("maxsize") is None or info["maxsize"] > 64:
                obj.cache_clear()
                n += 1
    return n


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
