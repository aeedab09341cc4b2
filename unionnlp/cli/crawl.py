"""``unionnlp crawl URL|SITE=BASEURL ... --out DIR``: crawl sites into WARC files."""
from __future__ import annotations

import argparse
import sys

from ..scrape.settings import DEFAULTS
from ..scrape.targets import SITES

__all__ = ["HELP", "add_arguments", "run"]

HELP = "crawl sites or URLs into WARC files"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="+", metavar="URL|SITE=BASEURL",
                        help="a URL (crawl that host) or SITE=BASEURL with SITE one of "
                             + ", ".join(SITES) + " (e.g. epaper-founder=http://host/)")
    parser.add_argument("--out", required=True, help="crawl folder (WARC files, crawl-log.jsonl, .state/)")
    parser.add_argument("--max-pages", type=int, default=None, help="network fetches this run")
    parser.add_argument("--since", default=None, help="first date YYYY-MM-DD (e-paper issues, dated URLs)")
    parser.add_argument("--until", default=None, help="last date YYYY-MM-DD")
    parser.add_argument("--delay", type=float, default=None, help=f"seconds between requests per host (default {DEFAULTS['delay']})")
    parser.add_argument("--timeout", type=float, default=None, help=f"download timeout s (default {DEFAULTS['timeout']})")
    parser.add_argument("--max-size", type=int, default=None, help=f"max response bytes (default {DEFAULTS['max_size']})")
    parser.add_argument("--max-redirects", type=int, default=None, help=f"default {DEFAULTS['max_redirects']}")
    parser.add_argument("--retries", type=int, default=None, help=f"default {DEFAULTS['retries']}")
    parser.add_argument("--concurrency", type=int, default=None, help=f"requests per host at once (default {DEFAULTS['concurrency']})")
    parser.add_argument("--ignore-robots", action="store_true", help="do not obey robots.txt")
    parser.add_argument("--http-cache", action="store_true", help="cache responses in OUT/.state/httpcache")
    parser.add_argument("--allow-host", action="append", default=None, metavar="HOST[:PORT]",
                        help="also follow links and redirects onto this host (repeatable); by default "
                             "the crawl stays on the targets' hosts and their www./m. twins")


def run(args: argparse.Namespace) -> int:
    from ..scrape import crawl

    try:
        res = crawl(
            args.targets, args.out, max_pages=args.max_pages, since=args.since, until=args.until,
            delay=args.delay, timeout=args.timeout, max_size=args.max_size,
            max_redirects=args.max_redirects, retries=args.retries, concurrency=args.concurrency,
            obey_robots=not args.ignore_robots, http_cache=args.http_cache or None,
            allowed_hosts=args.allow_host,
        )
    except ValueError as e:
        print(f"unionnlp crawl: {e}", file=sys.stderr)
        return 2
    print(f"fetched {res.fetched}, kept {res.kept} article pages, {res.errors} errors → {res.out}"
          f" (log: crawl-log.jsonl)", file=sys.stderr)
    return 0 if res.ok else 1
