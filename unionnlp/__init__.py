"""unionnlp: Chinese trade-union news → research data.

>>> import unionnlp
>>> rec = unionnlp.extract("扬州市总工会:2019年全市职工入会率达99%。")
>>> nlp = unionnlp.load()          # the spaCy pipeline (blank zh, jieba, unionnlp components)
"""
from .records import (Article, Campaign, ErrorEntry, Event, Organization, Page, Place, Record,
                      Statistic)
from .schema import records_to_frames

__version__ = "0.2.0"

__all__ = ["extract", "extract_many", "compare", "load", "read", "read_records", "records_to_frames", "open",
           "crawl", "batch_run",
           "process_page", "Page", "Article", "Place", "Organization", "Campaign", "Statistic",
           "Event", "Record", "ErrorEntry", "__version__"]


def extract(content, url=None, *, source=None, published=None, title=None, nlp=None,
            lexicon=None, orgs=None):
    """Extract one document given as text, HTML or raw bytes into a :class:`Record`.

    ``url``, ``published`` (ISO date) and ``title`` are context the page may not carry itself
    (they help date figures and find the main place); ``nlp`` runs the extractors through a
    spaCy pipeline from :func:`load` instead of the faster direct path; ``lexicon`` is a
    path (or paths, or a :class:`~unionnlp.lexicon.UserLexicon`) of the researcher's own
    names, aliases and blocks (see :mod:`unionnlp.lexicon.user`); ``orgs`` chooses how
    organizations are found: ``"fast"`` (the default: the rules) or ``"accurate"`` (the rules
    merged with Baidu LAC over every sentence: better names outside the union genre, about
    ten times slower; see :mod:`unionnlp.extractors.organizations`).

    >>> rec = extract("2019年,扬州市职工入会率达99%。")
    >>> rec.statistics[0].value
    99.0
    """
    from .pipeline import extract as _extract

    return _extract(content, url, source=source, published=published, title=title, nlp=nlp,
                    lexicon=lexicon, orgs=orgs)


def __getattr__(name):
    """``unionnlp.compare`` is imported on first use (it brings pandas and matplotlib along)."""
    if name == "compare":
        import importlib

        return importlib.import_module(".compare", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | {"compare"})


def extract_many(paths, **kwargs):
    """Records for every document under the given paths."""
    from .pipeline import extract_many as _em

    return _em(paths, **kwargs)


def process_page(page, nlp=None):
    from .pipeline import process_page as _pp

    return _pp(page, nlp=nlp)


def load(**kwargs):
    """The spaCy ``Language``: blank ``zh``, jieba segmenter, unionnlp components
    (``orgs="fast"|"accurate"``: the organization mode; see :func:`extract`)."""
    from .extractors.pipeline import load as _load

    return _load(**kwargs)


def read(paths, **kwargs):
    """Pages from files, folders, WARC or JSONL (see :mod:`unionnlp.io.readers`)."""
    from .io.readers import iter_pages

    return iter_pages(paths, **kwargs)


def read_records(path):
    """Records from a JSONL file written by ``unionnlp extract``."""
    from .pipeline import read_records as _rr

    return _rr(path)


def open(out, *, read_only=False):  # noqa: A001 - ``unionnlp.open(OUT)`` is the documented name
    """A DuckDB connection with views articles, places, organizations, campaigns, statistics,
    errors over a batch output folder (Parquet) or a JSONL file of records; ``read_only=True``
    for one that can reach nothing else (no file, extension or network; see
    :mod:`unionnlp.store`)."""
    from .store import open as _open

    return _open(out, read_only=read_only)


def crawl(targets, out, **kwargs):
    """Crawl sites or URLs into WARC files under ``out`` (see :func:`unionnlp.scrape.crawl`)."""
    from .scrape import crawl as _crawl

    return _crawl(targets, out, **kwargs)


def batch_run(inputs, out, **kwargs):
    """Extract many inputs into a Parquet dataset (see :func:`unionnlp.batch.run`)."""
    from .batch import run as _run

    return _run(inputs, out, **kwargs)
