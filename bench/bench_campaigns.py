"""Throughput of find_campaigns beside jieba.lcut on the same ~1 MB of text.

Text: the devset texts (../shared/devset, converted to simplified) repeated to about 1 MB, or a
built-in paragraph when ../shared is absent. Prints chars/second for both and the ratio
find_campaigns / jieba.lcut (the default pipeline must stay >= 0.5x jieba.lcut, so the campaign
step should be far faster than that).
"""
from __future__ import annotations

import os
import pathlib
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unionnlp.extractors.campaigns import find_campaigns  # noqa: E402

SHARED = pathlib.Path(os.environ.get("UNIONNLP_SHARED", ROOT.parent / "shared"))
FALLBACK = ("今年以来，市总工会深入开展“三进三帮”活动，持续推进党建带工建，全面落实“双联双促”"
            "要求，把一线职工培养成企业的“顶梁柱”。全市新建工会驿站120个，开展送温暖、送清凉、"
            "送岗位活动，惠及职工3.2万人次；两家班组获评工人先锋号。他说：“有困难就找工会。”\n")


def corpus(target: int = 1_000_000) -> str:
    texts = []
    d = SHARED / "devset"
    if d.exists():
        try:
            import opencc

            cc = opencc.OpenCC("t2s")
        except ImportError:  # pragma: no cover
            cc = None
        for p in sorted(d.glob("*.txt")):
            t = p.read_text(encoding="utf-8")
            t = cc.convert(t) if cc else t
            texts.append(re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\d?\)", "", t))
    base = "\n".join(texts) or FALLBACK
    return (base * (target // len(base) + 1))[:target]


def rate(fn, text: str, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return len(text) / best


def main() -> None:
    import jieba

    text = corpus()
    jieba.lcut("预热")  # load the dictionary outside the timing
    find_campaigns("预热“三进三帮”活动")
    # documents are processed one by one in the pipeline: time per-document calls
    docs = [text[i:i + 5000] for i in range(0, len(text), 5000)]
    r_camp = rate(lambda _: [find_campaigns(d) for d in docs], text, repeat=3)
    r_jieba = rate(lambda _: [jieba.lcut(d) for d in docs], text, repeat=1)
    print(f"text: {len(text):,} chars in {len(docs)} documents")
    print(f"find_campaigns: {r_camp:,.0f} chars/s")
    print(f"jieba.lcut:     {r_jieba:,.0f} chars/s")
    print(f"ratio find_campaigns / jieba.lcut: {r_camp / r_jieba:.1f}x")


if __name__ == "__main__":
    main()
