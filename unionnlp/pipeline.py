"""The flow for one document: Page → parse → clean → extract → Record.

:func:`process_page` never raises: whatever fails (reading, decoding, parsing, one extractor)
is written to ``Record.errors`` with the stage, and the document still yields its record.
"""
from __future__ import annotations

import hashlib
import os
from typing import Iterable, Iterator, Optional, Union

from .io.readers import iter_pages, page_from_bytes, page_from_text, utf8
from .records import ErrorEntry, Page, Place, Record

__all__ = ["process_page", "extract", "extract_many", "read_records", "record_from_doc"]

#: clean texts longer than this are cut for extraction (the cut is reported as an error entry)
MAX_TEXT_CHARS = 5_000_000


def _errors_from(items) -> list:
    return [ErrorEntry.coerce(e) for e in items or []]


def _article_meta(article) -> dict:
    return {k: getattr(article, k) for k in ("pretitle", "subtitle", "page", "issue", "encoding")
            if getattr(article, k, None)}


def record_from_doc(doc, article) -> Record:
    """Assemble a Record from a processed Doc and its Article."""
    from .extractors.pipeline import doc_items

    place = Place(**doc._.place) if doc._.place else None
    meta = _article_meta(article)
    return Record(
        source=article.source, url=article.url, title=article.title,
        published=article.published, outlet=article.outlet, author=article.author,
        editor=article.editor, text=doc.text, place=place,
        places=doc_items(doc, "places"), organizations=doc_items(doc, "organizations"),
        campaigns=doc_items(doc, "campaigns"), statistics=doc_items(doc, "statistics"),
        events=doc_items(doc, "events"),
        errors=_errors_from(article.errors) + _errors_from(doc._.errors), meta=meta,
    )


def record_from_extraction(x, article) -> Record:
    """Assemble a Record from the tokenizer-free extraction of an Article's text."""
    meta = _article_meta(article)
    return Record(
        source=article.source, url=article.url, title=article.title,
        published=article.published, outlet=article.outlet, author=article.author,
        editor=article.editor, text=x.text, place=x.place, places=x.places,
        organizations=x.organizations, campaigns=x.campaigns, statistics=x.statistics,
        events=x.events, errors=_errors_from(article.errors) + _errors_from(x.errors), meta=meta,
    )


def process_page(page: Page, nlp=None, lexicon=None, orgs: Optional[str] = None) -> Record:
    """Parse, clean and extract one page. Never raises; failures land in ``Record.errors``.

    With ``nlp`` (a pipeline from :func:`unionnlp.load`) the text goes through spaCy and the
    components; without it the same extractors run directly on the text (no segmentation),
    which gives the same items faster. ``lexicon`` (a :class:`~unionnlp.lexicon.UserLexicon`
    or paths of lexicon files) applies a researcher's own names, aliases and blocks. ``orgs``:
    the organization mode of the direct path, ``fast`` (default) or ``accurate`` (a pipeline
    from :func:`unionnlp.load` carries its own, ``load(orgs=...)``).
    """
    if lexicon is not None:
        from .lexicon.user import UserLexicon

        lexicon = UserLexicon.load(lexicon)
    rec = _process_page(page, nlp, orgs, lexicon)
    if lexicon is not None and rec.text:
        lexicon.apply(rec)
    return rec


def _process_page(page: Page, nlp=None, orgs: Optional[str] = None, lexicon=None) -> Record:
    from .parse import parse_page

    try:
        article = parse_page(page)
    except Exception as e:  # a parser bug must not lose the document
        return Record(source=page.source, url=page.url, errors=_errors_from(page.errors) + [
            ErrorEntry("parse", f"{type(e).__name__}: {e}", "exception")],
            meta={"record_id": page.record_id} if page.record_id else {})
    text = article.text or ""
    if len(text) > MAX_TEXT_CHARS:
        article.errors.append(ErrorEntry("extract", f"text of {len(text)} characters cut to "
                                         f"{MAX_TEXT_CHARS} for extraction", "truncated"))
        text = text[:MAX_TEXT_CHARS]
    if not text.strip():
        rec = Record(source=article.source, url=article.url, title=article.title,
                     published=article.published, outlet=article.outlet, author=article.author,
                     editor=article.editor, text="", errors=_errors_from(article.errors))
        if not rec.errors:
            rec.errors.append(ErrorEntry("parse", "the document has no text", "empty"))
        return _finish(rec, page)
    try:
        from .extractors.pipeline import extract_text, run_extractors

        if nlp is None:
            x = extract_text(text, title=article.title, published=article.published,
                             outlet=article.outlet, url=article.url, orgs=orgs,
                             lexicon=lexicon)
            rec = record_from_extraction(x, article)
        else:
            doc = run_extractors(text, title=article.title, published=article.published,
                                 outlet=article.outlet, url=article.url, nlp=nlp)
            rec = record_from_doc(doc, article)
    except Exception as e:
        rec = Record(source=article.source, url=article.url, title=article.title,
                     published=article.published, outlet=article.outlet, author=article.author,
                     editor=article.editor, text=text,
                     errors=_errors_from(article.errors) + [
                         ErrorEntry("extract", f"{type(e).__name__}: {e}", "exception")])
    return _finish(rec, page)


def _finish(rec: Record, page: Page) -> Record:
    if page.record_id:
        rec.meta["record_id"] = page.record_id
        rec.id = None
        rec.__post_init__()
    if page.fetched:
        rec.meta["fetched"] = page.fetched
    return rec


def _looks_html_text(s: str) -> bool:
    head = s[:2048].lstrip().lower()
    return head.startswith(("<!doctype", "<html", "<head", "<body", "<div", "<p>", "<meta")) or \
        "<html" in head or "<body" in head


def extract(content: Union[str, bytes], url: Optional[str] = None, *, source: Optional[str] = None,
            published: Optional[str] = None, title: Optional[str] = None, nlp=None,
            lexicon=None, orgs: Optional[str] = None) -> Record:
    """Extract one document given as text, HTML or raw bytes.

    >>> rec = extract("2019年,扬州市职工入会率达99%。")
    >>> rec.statistics[0].value
    99.0
    """
    _check_orgs(orgs)
    if source is None and url is None:
        # no name given: name the content, so two different texts never share a record id
        raw = content if isinstance(content, bytes) else str(content).encode("utf-8", "surrogatepass")
        source = f"<string {hashlib.sha1(raw).hexdigest()[:12]}>"
    src = source or url
    if isinstance(content, bytes):
        page = page_from_bytes(content, src, url)
    elif isinstance(content, str):
        if _looks_html_text(content):
            page = Page(source=src, content=utf8(content), url=url, encoding="utf-8",
                        declared_encoding="utf-8", is_html=True)
        else:
            page = page_from_text(content, src, url)
    else:
        raise TypeError(f"extract() takes str or bytes, not {type(content).__name__}")
    if published:
        page.meta["published"] = published
    if title:
        page.meta["title"] = title
    return process_page(page, nlp=nlp, lexicon=lexicon, orgs=orgs)


def extract_many(paths: Iterable, *, nlp=None, lexicon=None,
                 orgs: Optional[str] = None) -> Iterator[Record]:
    """Records for every document under the given paths (files, folders, WARC, JSONL)."""
    _check_orgs(orgs)
    if lexicon is not None:
        from .lexicon.user import UserLexicon

        lexicon = UserLexicon.load(lexicon)  # read the files once, not per document
    for page in iter_pages(paths):
        yield process_page(page, nlp=nlp, lexicon=lexicon, orgs=orgs)


def _check_orgs(orgs: Optional[str]) -> None:
    """A wrong organization mode is the caller's error (raised), not a document's."""
    if orgs is not None:
        from .extractors.organizations import resolve_mode

        resolve_mode(orgs)


def read_records(path: Union[str, os.PathLike]) -> Iterator[Record]:
    """Records from a JSONL file written by ``unionnlp extract`` (see :mod:`unionnlp.io.records`)."""
    from .io.records import iter_records

    return iter_records(path)
