"""Extraction throughput of the default pipeline beside jieba.lcut on the same text.

Prints characters/second and documents/second (one process) for the default path of
``unionnlp.extract`` (the extractors straight over the clean text) and for the spaCy pipeline
of ``unionnlp.load()`` (jieba segmentation + the same components), beside ``jieba.lcut`` alone,
and the default path without its last step (events) to show what events cost. The text is
every distinct page at hand (see ``_common.distinct_texts``), and the per-text caches are
emptied before each timed pass, so the figures are those of unseen text. The figure to watch
is the ratio with events (target ≥ 0.5).
"""
from __future__ import annotations

import argparse

from _common import clear_text_caches, distinct_texts, timed

#: turns of the compared runs (best of each)
ROUNDS = 3


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=ROUNDS, help="timed passes of each (best kept)")
    args = ap.parse_args(argv)
    import jieba

    from unionnlp.extractors.pipeline import load, run_extractors

    docs = distinct_texts()
    n_chars = sum(map(len, docs))
    nlp = load()
    run_extractors(docs[0], nlp=nlp)  # warm up (lexicons, jieba dictionary)
    jieba.lcut(docs[0])

    def jieba_only():
        for d in docs:
            jieba.lcut(d)

    def pipeline():
        for d in docs:
            run_extractors(d, nlp=nlp)

    from unionnlp.extractors.pipeline import STEPS, extract_text

    def extractors_only():  # the default path of unionnlp.extract: no segmentation
        for d in docs:
            extract_text(d)

    without_events = [k for k, _ in STEPS if k != "events"]

    def extractors_without_events():
        for d in docs:
            extract_text(d, kinds=without_events)

    # the three compared runs take turns, best of ROUNDS each, so a load that comes and goes
    # on a shared machine weighs on all of them alike
    best = {}
    for _ in range(args.rounds):
        for name, fn in (("jieba", jieba_only), ("default", extractors_only),
                         ("without events", extractors_without_events)):
            clear_text_caches()
            best[name] = min(best.get(name, float("inf")), timed(fn, repeat=1))
    t_j, t_x, t_n = best["jieba"], best["default"], best["without events"]
    clear_text_caches()
    t_p = timed(pipeline, repeat=1)
    print(f"text: {len(docs)} documents, {n_chars:,} characters")
    print(f"jieba.lcut alone      : {n_chars / t_j:>12,.0f} chars/s  {len(docs) / t_j:>8,.1f} docs/s")
    print(f"default (extract_text): {n_chars / t_x:>12,.0f} chars/s  {len(docs) / t_x:>8,.1f} docs/s")
    print(f"  the same without events: {n_chars / t_n:>9,.0f} chars/s  {len(docs) / t_n:>8,.1f} docs/s")
    print(f"spaCy pipeline (load()): {n_chars / t_p:>11,.0f} chars/s  {len(docs) / t_p:>8,.1f} docs/s")
    print(f"ratio default (with events) / jieba.lcut throughput: {t_j / t_x:.2f}  (target >= 0.5)")
    print(f"ratio default without events / jieba.lcut          : {t_j / t_n:.2f}  "
          f"(events take {max(0.0, 1 - t_n / t_x):.0%} of the default time)")
    print(f"ratio spaCy pipeline / jieba.lcut    : {t_j / t_p:.2f}  (segmentation included)")
    # the accurate organization mode (rules + LAC everywhere) on a tenth of the text
    few = docs[: max(1, len(docs) // 10)]
    n_few = sum(map(len, few))
    t_jf = timed(lambda: [jieba.lcut(d) for d in few], repeat=1)
    clear_text_caches()
    t_a = timed(lambda: [extract_text(d, orgs="accurate") for d in few], repeat=1)
    print(f"accurate (orgs=accurate): {n_few / t_a:>10,.0f} chars/s  ratio to jieba.lcut {t_jf / t_a:.2f}"
          f"  (on {n_few:,} characters)")


if __name__ == "__main__":
    main()
