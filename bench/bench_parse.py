"""Parsing speed: ``unionnlp.parse.parse_page`` beside trafilatura on the same pages.

Pages: ``../shared/external/html`` (real Chinese news pages) when present, else the fixture
sites in ``tests/fixtures/sites``. Both get the same input per page: ours the raw bytes (it
decodes), trafilatura the decoded text (decoding is timed separately and reported). Prints
pages/second for each and the ratio, measured in the same process.

Usage: ``PYTHONPATH=. python bench/bench_parse.py [--repeat N]``
"""
from __future__ import annotations

import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unionnlp.io.decode import decode_bytes  # noqa: E402
from unionnlp.parse import parse_page  # noqa: E402
from unionnlp.records import Page  # noqa: E402


def load_pages() -> list:
    ext = ROOT.parent / "shared" / "external" / "html"
    files = sorted(ext.glob("*.html")) if ext.exists() else []
    if not files:
        files = sorted(p for p in (ROOT / "tests" / "fixtures" / "sites").rglob("*")
                       if p.suffix in (".html", ".htm", ".shtml"))
    return [p.read_bytes() for p in files]


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    import trafilatura

    raw = load_pages()
    pages = [Page(source=str(i), content=b, is_html=True) for i, b in enumerate(raw)]
    t = time.perf_counter()
    texts = [decode_bytes(b).text for b in raw]
    t_dec = time.perf_counter() - t
    for p in pages[:3]:  # warm caches (resources, regexes)
        parse_page(p)
    trafilatura.extract(texts[0])

    t = time.perf_counter()
    for _ in range(repeat):
        for p in pages:
            parse_page(p)
    t_ours = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(repeat):
        for s in texts:
            trafilatura.extract(s, include_comments=False, with_metadata=True)  # title/date/author like ours
    t_traf = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(repeat):
        for s in texts:
            trafilatura.extract(s, include_comments=False)
    t_traf_body = time.perf_counter() - t
    n = len(pages) * repeat
    print(f"pages: {len(pages)} x {repeat}")
    print(f"unionnlp.parse_page : {n / t_ours:8.1f} pages/s (decode + parse + clean)")
    print(f"trafilatura.extract : {n / t_traf:8.1f} pages/s (+ decode {len(raw) / t_dec:.0f} pages/s)")
    print(f"trafilatura body only: {n / t_traf_body:8.1f} pages/s")
    print(f"ratio ours/trafilatura: {t_traf / t_ours:.2f}x (with metadata), "
          f"{t_traf_body / t_ours:.2f}x (body only)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
