"""Scrapy settings for a unionnlp crawl, from the documented :func:`unionnlp.crawl` options."""
from __future__ import annotations

import os

__all__ = ["scrapy_settings", "DEFAULTS"]

#: documented defaults (see :func:`unionnlp.scrape.crawl`)
DEFAULTS = {
    "delay": 1.0,            # seconds between requests to one host (AutoThrottle start/min delay)
    "timeout": 30.0,         # DOWNLOAD_TIMEOUT, seconds
    "max_size": 20 * 2**20,  # DOWNLOAD_MAXSIZE, bytes (bigger responses are dropped and logged)
    "max_redirects": 5,      # REDIRECT_MAX_TIMES
    "retries": 3,            # RETRY_TIMES (500/502/503/504/522/524/408/429, timeouts, resets)
    "backoff": 1.0,          # first retry waits this long, then doubles (capped at 30 s)
    "concurrency": 4,        # CONCURRENT_REQUESTS_PER_DOMAIN
    "obey_robots": True,
    "http_cache": False,     # HTTPCACHE_ENABLED, cache in DIR/.state/httpcache
    "autothrottle": True,
    "user_agent": "unionnlp-research-crawler/0.1 (+https://github.com/unionnlp)",
    "log_level": "WARNING",
}


def scrapy_settings(config: dict) -> dict:
    c = {**DEFAULTS, **{k: v for k, v in config.items() if v is not None}}
    state = os.path.join(c["out"], ".state")
    delay = float(c["delay"])
    s = {
        "BOT_NAME": "unionnlp",
        "USER_AGENT": c["user_agent"],
        "ROBOTSTXT_OBEY": bool(c["obey_robots"]),
        "DOWNLOAD_DELAY": delay,
        "RANDOMIZE_DOWNLOAD_DELAY": delay > 0,
        "AUTOTHROTTLE_ENABLED": bool(c["autothrottle"]),
        "AUTOTHROTTLE_START_DELAY": max(delay, 0.0),
        "AUTOTHROTTLE_MAX_DELAY": max(delay * 20, 1.0),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": max(1.0, float(c["concurrency"]) / 2),
        "CONCURRENT_REQUESTS": max(2, int(c["concurrency"]) * 2),
        "CONCURRENT_REQUESTS_PER_DOMAIN": int(c["concurrency"]),
        "DOWNLOAD_TIMEOUT": float(c["timeout"]),
        "DOWNLOAD_MAXSIZE": int(c["max_size"]),
        "DOWNLOAD_WARNSIZE": int(c["max_size"]) // 2,
        "REDIRECT_MAX_TIMES": int(c["max_redirects"]),
        "RETRY_ENABLED": True,
        "RETRY_TIMES": int(c["retries"]),
        "RETRY_BACKOFF_BASE": float(c["backoff"]),
        "RETRY_BACKOFF_MAX": 30.0,
        "HTTPERROR_ALLOW_ALL": True,
        "JOBDIR": os.path.join(state, "jobdir"),
        # our own per-run seen set; a persisted one would drop URLs queued but never fetched
        "DUPEFILTER_CLASS": "scrapy.dupefilters.BaseDupeFilter",
        "DEPTH_PRIORITY": 1,
        "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
        "DOWNLOADER_MIDDLEWARES": {
            "unionnlp.scrape.middlewares.StayOnSiteMiddleware": 40,
            "unionnlp.scrape.middlewares.ResumeMiddleware": 50,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "unionnlp.scrape.middlewares.BackoffRetryMiddleware": 550,
        },
        "HTTPCACHE_ENABLED": bool(c["http_cache"]),
        "HTTPCACHE_DIR": os.path.join(os.path.abspath(state), "httpcache"),
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": c["log_level"],
        "LOG_FILE": os.path.join(state, "scrapy.log"),
        "COOKIES_ENABLED": True,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
    return s
