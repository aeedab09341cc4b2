"""Throughput of find_campaigns beside jieba.lcut, on repeated and on unseen text.

Two figures, both against jieba.lcut measured in the same process on the same documents:

- *repeated*: the devset texts (../shared/devset, converted to simplified) repeated to about
  1 MB, or a built-in paragraph when ../shared is absent. Names and contexts recur, so the
  memoised features and scores of the campaign step help (as they do on a real corpus where
  the same campaigns recur).
- *unseen*: every text of ../shared (devset, the tuning part of devset2 — the held-out list
  ``corpora/split/aside.txt`` is never read —, corpus, seeds) plus ``corpora/gold``, with every
  cache of the campaign step cleared before each pass, so nothing seen before is reused.

The default pipeline must stay >= 0.5x jieba.lcut (see bench_pipeline.py), so the campaign
step should be several times faster than jieba.
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


def unseen_documents() -> list:
    """Clean texts of every real and own page that may be read (never the held-out list)."""
    from unionnlp.evaluate import read_split
    from unionnlp.preprocessing import clean

    aside = {x.split("/", 1)[1] for x in read_split(ROOT / "corpora" / "split" / "aside.txt")
             if x.startswith("devset2/")}
    paths = [p for d in ("devset", "devset2", "corpus", "seeds")
             for p in sorted((SHARED / d).glob("*.txt"))
             if not (d == "devset2" and p.stem in aside)]
    paths += sorted((ROOT / "corpora" / "gold").rglob("*.txt"))
    return [clean(p.read_text(encoding="utf-8", errors="replace")) for p in paths]


def clear_caches() -> None:
    """Forget every memoised name, context and score of the campaign step."""
    from unionnlp.extractors.campaigns import classifier, features, rules, variants
    from unionnlp.extractors.campaigns.vocabulary import vocabulary

    for fn in (features._form, features._context, rules.name_rejection, variants.kind_of):
        fn.cache_clear()
    vocabulary()._canonical.clear()
    classifier.load_classifier().__dict__.pop("_memo", None)


def rate(fn, n_chars: int, repeat: int = 1, before=None) -> float:
    best = float("inf")
    for _ in range(repeat):
        if before:
            before()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return n_chars / best


def main() -> None:
    import jieba

    text = corpus()
    jieba.lcut("预热")  # load the dictionary outside the timing
    find_campaigns("预热“三进三帮”活动，深入实施职工暖心工程")
    # documents are processed one by one in the pipeline: time per-document calls
    docs = [text[i:i + 5000] for i in range(0, len(text), 5000)]
    r_camp = rate(lambda: [find_campaigns(d) for d in docs], len(text), repeat=3)
    r_jieba = rate(lambda: [jieba.lcut(d) for d in docs], len(text))
    print(f"repeated: {len(text):,} chars in {len(docs)} documents")
    print(f"  find_campaigns: {r_camp:,.0f} chars/s   jieba.lcut: {r_jieba:,.0f} chars/s   "
          f"ratio {r_camp / r_jieba:.1f}x")
    unseen = unseen_documents()
    if unseen:
        n = sum(map(len, unseen))
        r_camp = rate(lambda: [find_campaigns(d) for d in unseen], n, repeat=5, before=clear_caches)
        r_jieba = rate(lambda: [jieba.lcut(d) for d in unseen], n, repeat=5)
        print(f"unseen (caches cleared): {n:,} chars in {len(unseen)} documents")
        print(f"  find_campaigns: {r_camp:,.0f} chars/s   jieba.lcut: {r_jieba:,.0f} chars/s   "
              f"ratio {r_camp / r_jieba:.1f}x")


if __name__ == "__main__":
    main()
