"""Extraction throughput of the default pipeline beside jieba.lcut on the same text.

Prints characters/second and documents/second (one process) on the devset texts repeated to
~2 MB for the default path of ``unionnlp.extract`` (the extractors straight over the clean text)
and for the spaCy pipeline of ``unionnlp.load()`` (jieba segmentation + the same components),
beside ``jieba.lcut`` alone. The figure to watch is the ratio (target ≥ 0.5).
"""
from __future__ import annotations

import argparse

from _common import repeat_to, sample_texts, timed


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=2_000_000)
    args = ap.parse_args(argv)
    import jieba

    from unionnlp.extractors.pipeline import load, run_extractors

    docs = repeat_to(sample_texts(), args.chars)
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

    from unionnlp.extractors.pipeline import extract_text

    def extractors_only():  # the default path of unionnlp.extract: no segmentation
        for d in docs:
            extract_text(d)

    t_j = timed(jieba_only, repeat=2)
    t_p = timed(pipeline, repeat=2)
    t_x = timed(extractors_only, repeat=2)
    print(f"text: {len(docs)} documents, {n_chars:,} characters")
    print(f"jieba.lcut alone      : {n_chars / t_j:>12,.0f} chars/s  {len(docs) / t_j:>8,.1f} docs/s")
    print(f"default (extract_text): {n_chars / t_x:>12,.0f} chars/s  {len(docs) / t_x:>8,.1f} docs/s")
    print(f"spaCy pipeline (load()): {n_chars / t_p:>11,.0f} chars/s  {len(docs) / t_p:>8,.1f} docs/s")
    print(f"ratio default / jieba.lcut throughput: {t_j / t_x:.2f}  (target >= 0.5)")
    print(f"ratio spaCy pipeline / jieba.lcut    : {t_j / t_p:.2f}  (segmentation included)")
    # the accurate organization mode (rules + LAC everywhere) on a tenth of the text
    few = docs[: max(1, len(docs) // 10)]
    n_few = sum(map(len, few))
    t_jf = timed(lambda: [jieba.lcut(d) for d in few], repeat=1)
    t_a = timed(lambda: [extract_text(d, orgs="accurate") for d in few], repeat=1)
    print(f"accurate (orgs=accurate): {n_few / t_a:>10,.0f} chars/s  ratio to jieba.lcut {t_jf / t_a:.2f}"
          f"  (on {n_few:,} characters)")


if __name__ == "__main__":
    main()
