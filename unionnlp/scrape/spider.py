"""The one Scrapy spider behind ``unionnlp.crawl``: site rules come from targets + resources."""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import time
from typing import Optional
from urllib.parse import urldefrag, urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, TextResponse
from scrapy.linkextractors import LinkExtractor

from .state import LOG_NAME, CrawlState
from .targets import host_twins, origin, parse_host, site_rules
from .warc import WarcSegment

__all__ = ["UnionSpider", "looks_like_article"]


def _compile(patterns) -> list:
    return [re.compile(p, re.I) for p in patterns or []]


def looks_like_article(body: bytes, declared: Optional[str] = None) -> bool:
    """Content test for pages whose URL says nothing: a long, link-poor main text block."""
    try:
        from ..io.decode import decode_bytes
        from ..parse import html as H

        doc = H.build_tree(decode_bytes(body, declared).text)
        if doc is None:
            return False
        H.strip_tree(doc)
        nodes, stats = H.find_main(doc)
        lines = H.render_lines(nodes, stats)
        text = "".join(lines)
        return len(text) >= 200 and len(re.findall("[。！？]", text)) >= 4
    except Exception:
        return False


class UnionSpider(scrapy.Spider):
    name = "unionnlp"

    def __init__(self, config: dict, *a, **kw):
        super().__init__(*a, **kw)
        self.config = config
        self.out = config["out"]
        self.targets = config["targets"]
        self.max_pages = config.get("max_pages")
        self.since = config.get("since")
        self.until = config.get("until")
        rules = site_rules()
        self.generic_article = _compile(rules["generic_article"])
        self.skip_ext = set(rules["skip_extensions"])
        self.rules = {}
        homes = set()
        for t in self.targets:
            homes.add(origin(t["base"]))
            r = rules["sites"][t["site"]]
            self.rules[t["site"]] = {k: _compile(r.get(k)) for k in ("follow", "article", "list")}
        listed = {parse_host(h) for h in config.get("allowed_hosts") or []}
        #: sites (see :func:`~unionnlp.scrape.targets.origin`) whose links are followed: the
        #: targets', the user's, and a twin a target redirected to
        self.allowed_hosts = homes | listed
        #: sites a redirect may lead to: the targets' and their www./m. twins, and the user's
        self.redirect_hosts = set().union(*(host_twins(h) for h in homes)) | listed
        self.cstate = CrawlState(self.out).load()
        self.inflight: set = set()  # URLs between download start and callback (see ResumeMiddleware)
        self.scheduled = 0  # network requests issued this run (max_pages budget)
        self.fetched = 0
        self.kept = 0
        self.errors = 0
        self.warc = WarcSegment(self.out)
        self._log = open(os.path.join(self.out, LOG_NAME), "a", encoding="utf-8")
        self._links = open(os.path.join(self.out, ".state", "links.jsonl"), "a", encoding="utf-8")
        self._seen_this_run: set = set()
        self.extractor = LinkExtractor(deny_extensions=list(self.skip_ext), unique=True)

    # -- requests ---------------------------------------------------------------------------
    def _request(self, url: str, site: str, dont_filter: bool = False) -> Optional[Request]:
        url = urldefrag(url)[0]
        if url in self._seen_this_run and not dont_filter:
            return None
        replay = url in self.cstate.finished
        if not replay:
            if self.max_pages is not None and self.scheduled >= self.max_pages:
                return None
            self.scheduled += 1
        self._seen_this_run.add(url)
        return Request(url, callback=self.parse, errback=self.failed, dont_filter=dont_filter,
                       meta={"site": site, "t0": time.time()})

    async def start(self):
        for t in self.targets:
            for u in t["starts"]:
                r = self._request(u, t["site"], dont_filter=True)
                if r is not None:
                    yield r

    def _date_ok(self, url: str) -> bool:
        if not (self.since or self.until):
            return True
        from ..parse.dates import date_from_url

        d = date_from_url(url)
        if d is None:
            return True
        return (not self.since or d >= self.since) and (not self.until or d <= self.until)

    def may_redirect_to(self, url: str) -> bool:
        """True when a redirect may lead to ``url``: within the targets' sites and their
        www./m. twins, or onto a host the user listed (``allowed_hosts``)."""
        site = origin(url)
        return site in self.allowed_hosts or site in self.redirect_hosts

    def offsite_message(self, url: str) -> str:
        return (f"redirected off-site to {origin(url)} ({url}): the crawl stays on "
                f"{', '.join(sorted(self.allowed_hosts))} and their www./m. twins; list more hosts "
                f"with allowed_hosts= (unionnlp crawl --allow-host) to follow")

    def _follow_ok(self, url: str, site: str) -> bool:
        p = urlsplit(url)
        if p.scheme not in ("http", "https") or origin(url) not in self.allowed_hosts:
            return False
        ext = p.path.rsplit(".", 1)[-1].lower() if "." in p.path.rsplit("/", 1)[-1] else ""
        if ext in self.skip_ext:
            return False
        rules = self.rules.get(site) or self.rules.get("generic")
        if rules["follow"] and not any(r.search(url) for r in rules["follow"]):
            return False
        return self._date_ok(url)

    def _is_article(self, url: str, site: str, response) -> bool:
        rules = self.rules.get(site) or {}
        if any(r.search(url) for r in rules.get("list", [])):
            return False
        if any(r.search(url) for r in rules.get("article", [])):
            return self._date_ok(url)
        if site in ("epaper-founder", "epaper-workercn"):
            return False
        if any(r.search(url) for r in self.generic_article):
            return self._date_ok(url)
        return self._date_ok(url) and looks_like_article(response.body, response.headers.get("Content-Type", b"").decode("latin-1"))

    # -- callbacks --------------------------------------------------------------------------
    def parse(self, response):
        site = response.meta.get("site", "generic")
        url = urldefrag(response.url)[0]
        if "replayed" in response.flags:
            for link in self.cstate.links.get(url, []):
                if self._follow_ok(link, site):
                    r = self._request(link, site)
                    if r is not None:
                        yield r
            return
        self.fetched += 1
        req_url = (response.meta.get("redirect_urls") or [response.request.url])[0]
        new_site = origin(url)
        if new_site not in self.allowed_hosts:
            if not self.may_redirect_to(url):  # refused before the fetch (StayOnSiteMiddleware)
                self._offsite(req_url, url, response.meta)
                return
            # a site that moved to its twin (host → www.host, → m.host): follow links there too
            self.allowed_hosts.add(new_site)
        links = []
        if response.status == 200 and isinstance(response, TextResponse):
            try:
                links = [urldefrag(l.url)[0] for l in self.extractor.extract_links(response)]
            except Exception:
                links = []
        kept = response.status == 200 and isinstance(response, TextResponse) and self._is_article(url, site, response)
        # order matters for resume: links, then WARC, then log
        self._write_links(url, links)
        if kept:
            self.warc.write(
                url, response.status, _reason(response.status),
                [(k.decode("latin-1"), v.decode("latin-1")) for k, vs in response.headers.items() for v in vs],
                response.body,
                req_headers=[(k.decode("latin-1"), v.decode("latin-1"))
                             for k, vs in response.request.headers.items() for v in vs],
            )
            self.kept += 1
        self._write_log(req_url, status=response.status, final_url=url if url != req_url else None,
                        retries=response.meta.get("retry_times", 0), kept=kept,
                        final=response.status < 500, t0=response.meta.get("t0"))
        self.cstate.finished.add(req_url)  # a second copy of this request is replayed, not fetched
        self.cstate.finished.add(url)
        self.inflight.discard(req_url)
        self.inflight.discard(url)
        if response.status >= 400:
            self.errors += 1
        for link in links:
            if self._follow_ok(link, site):
                r = self._request(link, site)
                if r is not None:
                    yield r

    def _offsite(self, first: str, url: str, meta: dict) -> None:
        self.errors += 1
        self.cstate.finished.update((first, url))
        self.inflight.discard(first)
        self._write_log(first, status=None, error=f"OffsiteRedirect: {self.offsite_message(url)}"[:500],
                        retries=meta.get("retry_times", 0), kept=False, final=True,
                        t0=meta.get("t0"), final_url=url)

    def failed(self, failure):
        from .middlewares import DuplicateRequest

        req = failure.request
        exc = failure.value
        if isinstance(exc, DuplicateRequest):
            return
        kind = type(exc).__name__
        msg = str(exc) or kind
        final = isinstance(exc, IgnoreRequest)  # robots.txt, too many redirects, filtered
        if "maxsize" in msg.lower() or "max size" in msg.lower():
            final = True
        self.errors += 1
        first = (req.meta.get("redirect_urls") or [req.url])[0]
        if final:
            self.cstate.finished.update((first, req.url))
        self.inflight.discard(first)
        self.inflight.discard(req.url)
        self._write_log(first, status=None, error=f"{kind}: {msg}"[:500], retries=req.meta.get("retry_times", 0),
                        kept=False, final=final, t0=req.meta.get("t0"),
                        final_url=req.url if req.url != first else None)

    # -- output -----------------------------------------------------------------------------
    def _write_links(self, url: str, links: list) -> None:
        self.cstate.links[url] = links
        self._links.write(json.dumps({"url": url, "links": links}, ensure_ascii=False) + "\n")
        self._links.flush()

    def _write_log(self, url, status=None, error=None, retries=0, kept=False, final=True,
                   final_url=None, t0=None) -> None:
        rec = {
            "url": url, "status": status, "error": error, "retries": int(retries or 0),
            "time": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "elapsed": round(time.time() - t0, 3) if t0 else None, "kept": kept, "final": final,
        }
        if final_url:
            rec["final_url"] = final_url
        self._log.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self._log.flush()
        os.fsync(self._log.fileno())

    def closed(self, reason):
        self.warc.close()
        if self.warc.records == 0 and self.warc.path.exists() and self.warc.path.stat().st_size == 0:
            self.warc.path.unlink()
        self._log.close()
        self._links.close()
        summary = {"reason": reason, "fetched": self.fetched, "kept": self.kept, "errors": self.errors,
                   "scheduled": self.scheduled, "warc": self.warc.path.name if self.warc.records else None,
                   "repaired": self.cstate.repaired}
        with open(os.path.join(self.out, ".state", "summary.json"), "w", encoding="utf-8") as fh:
            json.dump(summary, fh)


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
