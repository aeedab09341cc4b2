"""Downloader middlewares: stay on the site through redirects, resume (replay finished pages),
and retry with exponential backoff."""
from __future__ import annotations

import asyncio

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request

__all__ = ["StayOnSiteMiddleware", "ResumeMiddleware", "BackoffRetryMiddleware",
           "DuplicateRequest", "OffsiteRedirect"]


class DuplicateRequest(IgnoreRequest):
    """A second copy of a request already being downloaded (e.g. one restored from JOBDIR and
    one rediscovered): dropped silently, the first copy's result counts."""


class OffsiteRedirect(IgnoreRequest):
    """A redirect (HTTP 3xx or meta refresh) to a host the crawl may not go to: not fetched,
    logged as a final error of the URL that redirected."""


class _CrawlerMiddleware:
    """A downloader middleware that keeps its crawler (to reach the spider)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)


class StayOnSiteMiddleware(_CrawlerMiddleware):
    """A redirect may move within the targets' sites and their www./m. twins, or onto a host the
    user listed; anything else is refused before it is fetched (an open redirect on a portal
    would otherwise take the crawl over another site)."""

    def process_request(self, request: Request, spider=None):
        spider = spider or self.crawler.spider
        if request.meta.get("redirect_urls") and hasattr(spider, "may_redirect_to"):
            if not spider.may_redirect_to(request.url):
                raise OffsiteRedirect(spider.offsite_message(request.url))
        return None


class ResumeMiddleware(_CrawlerMiddleware):
    """A request for a URL finished in an earlier run is not fetched again: it is answered with an
    empty response flagged ``replayed`` and the spider re-expands the page's stored out-links."""

    def process_request(self, request: Request, spider=None):
        spider = spider or self.crawler.spider
        state = getattr(spider, "cstate", None)
        if request.url.endswith("/robots.txt"):
            return None
        if state is not None and request.url in state.finished:
            return HtmlResponse(request.url, body=b"", request=request, flags=["replayed"],
                                encoding="utf-8")
        inflight = getattr(spider, "inflight", None)
        if inflight is not None and not request.meta.get("retry_times") and not request.meta.get("redirect_times"):
            if request.url in inflight:
                raise DuplicateRequest(f"already downloading {request.url}")
            inflight.add(request.url)
        return None


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, waiting ``RETRY_BACKOFF_BASE * 2**(n-1)`` seconds (capped at
    ``RETRY_BACKOFF_MAX``) before the n-th retry, without blocking other downloads."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 0.5)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 30.0)

    async def _wait(self, req):
        n = int(req.meta.get("retry_times", 1) or 1)
        delay = min(self.cap, self.base * (2 ** (n - 1)))
        if delay > 0:
            await asyncio.sleep(delay)

    async def process_response(self, request, response, spider=None):
        r = super().process_response(request, response)
        if isinstance(r, Request):
            await self._wait(r)
        return r

    async def process_exception(self, request, exception, spider=None):
        r = super().process_exception(request, exception)
        if isinstance(r, Request):
            await self._wait(r)
        return r
