"""Child-process entry: ``python -m unionnlp.scrape.run CONFIG.json``.

Scrapy runs on a Twisted reactor that cannot be restarted inside one process, so
:func:`unionnlp.scrape.crawl` always runs the crawl here, in a fresh interpreter.
"""
from __future__ import annotations

import json
import os
import sys

from .settings import scrapy_settings


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m unionnlp.scrape.run CONFIG.json", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as fh:
        config = json.load(fh)
    from scrapy.crawler import CrawlerProcess

    from .spider import UnionSpider

    os.makedirs(os.path.join(config["out"], ".state"), exist_ok=True)
    process = CrawlerProcess(scrapy_settings(config))
    process.crawl(UnionSpider, config=config)
    process.start()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
