"""Throughput of place + organization extraction against ``jieba.lcut`` in the same process.

Target: the default pipeline (find_places + main_place + find_organizations, ``fast`` mode)
runs at >= 0.5x the characters per second of ``jieba.lcut`` alone (>= 0.6x on one branch).
The ``accurate`` organization mode (rules + LAC over every sentence) is printed beside it.

Usage: PYTHONPATH=. python bench/bench_entities.py [text files or dirs ...]
(default: ../shared/devset/*.txt and ../shared/seeds/*.txt; falls back to a generated text).
"""
from __future__ import annotations

import pathlib
import sys
import time

import jieba

from unionnlp.extractors.organizations import find_organizations
from unionnlp.extractors.places import find_places, main_place

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _texts(args: list[str]) -> list[str]:
    paths: list[pathlib.Path] = []
    for a in args or [str(ROOT.parent / "shared" / "devset"), str(ROOT.parent / "shared" / "seeds")]:
        p = pathlib.Path(a)
        paths.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p] if p.exists() else [])
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        texts = ["日前，扬州市总工会联合市委组织部在高邮市召开会议，江苏亚威机床股份有限公司工会"
                 "介绍经验。阜宁县滤料产业集群党委和工会联合会同步成立。" * 40]
    try:
        import opencc

        cc = opencc.OpenCC("t2s")
        texts = [cc.convert(t) for t in texts]
    except ImportError:
        pass
    return texts


def _rate(fn, texts: list[str], repeat: int) -> float:
    n = sum(len(t) for t in texts) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            fn(t)
    return n / (time.perf_counter() - t0)


def _pipeline(mode: str):
    def run(text: str):
        ps = find_places(text)
        mp = main_place(text, ps)
        return find_organizations(text, place=mp, places=ps, mode=mode)
    return run


def main(argv: list[str]) -> int:
    texts = _texts(argv)
    jieba.initialize()
    _pipeline("fast")(texts[0])  # load resources outside the timing
    base = _rate(jieba.lcut, texts, 3)
    fast = _rate(_pipeline("fast"), texts, 3)
    print(f"chars: {sum(map(len, texts))} x 3")
    print(f"jieba.lcut                 {base:12,.0f} chars/s")
    print(f"places+orgs (fast, default){fast:12,.0f} chars/s  ratio {fast / base:.2f} (target >= 0.50)")
    try:
        _pipeline("accurate")(texts[0])
        acc = _rate(_pipeline("accurate"), texts, 1)
        print(f"places+orgs (accurate)     {acc:12,.0f} chars/s  ratio {acc / base:.2f}")
    except RuntimeError as exc:
        print("LAC unavailable:", exc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
