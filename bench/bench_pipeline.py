"""Extraction throughput of the default pipeline beside jieba.lcut on the same text.

Prints characters/second and documents/second (one process) for ``unionnlp.extract`` on the
devset texts repeated to ~2 MB, and the ratio to the cost of ``jieba.lcut`` alone. The figure
to watch is the ratio (target ≥ 0.5: the whole pipeline at least half as fast as segmenting).
"""
from __future__ import annotations

import argparse

from _common import repeat_to, sample_texts, timed


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=2_000_000)
    args = ap.parse_args(argv)
    import jieba

    from unionnlp.extract.pipeline import load, run_extractors

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

    from unionnlp.extract import campaigns, organizations, places, statistics

    def extractors_only():  # the plain functions over the text, no segmentation
        for d in docs:
            ps = places.find_places(d)
            mp = places.main_place(d, ps)
            cs = campaigns.find_campaigns(d)
            organizations.find_organizations(d, place=mp, places=ps)
            statistics.find_statistics(d, place=mp, campaigns=cs)

    t_j = timed(jieba_only, repeat=2)
    t_p = timed(pipeline, repeat=2)
    t_x = timed(extractors_only, repeat=2)
    print(f"text: {len(docs)} documents, {n_chars:,} characters")
    print(f"jieba.lcut alone      : {n_chars / t_j:>12,.0f} chars/s  {len(docs) / t_j:>8,.1f} docs/s")
    print(f"pipeline (load())     : {n_chars / t_p:>12,.0f} chars/s  {len(docs) / t_p:>8,.1f} docs/s")
    print(f"extractors, no tokens : {n_chars / t_x:>12,.0f} chars/s  {len(docs) / t_x:>8,.1f} docs/s")
    print(f"ratio pipeline / jieba.lcut throughput: {t_j / t_p:.2f}  (target >= 0.5)")


if __name__ == "__main__":
    main()
