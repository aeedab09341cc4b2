"""Page → Article: site adapters first, then a generic extractor; text pages by lines.

HTML: a site adapter (``resources/parse/sites.json``: 中工网-style portal, Founder e-paper
``html/YYYY-MM/DD/content_N.htm``, workercn e-paper ``papers/grrb/YYYY/MM/DD/<page>/news-N.html``,
county union / government CMS containers) picks the body container and the 引题/标题/副题 and
info elements when its URL pattern matches and the container holds text; otherwise the generic
extractor (:mod:`unionnlp.parse.html`) scores blocks; trafilatura is the fallback when both find
almost nothing. Metadata comes, in order, from the adapter (e-paper URL date, Founder
``enpproperty`` comment), the info lines between title and body, the body's first/last lines
(``本报讯（记者 王槐艾）``, ``（编辑：某某）``), ``<meta>`` tags, the URL, and the lines after the body.

``parse_page(page)`` never raises for bad input: problems go to ``Article.errors`` as
``{"stage": "parse", "message": ...}``. The body is one line per block element, without
navigation, link lists, share bars or footers; body and title then go through
``unionnlp.preprocessing.clean`` when that function exists.

Multi-page articles: the crawler stores every continuation page (``x_2.html``, ``index_1.html``)
as its own WARC record. ``parse_pages(pages)`` groups continuation pages with their first page
(``group_continuations``) and joins them (``merge_pages``) into one Article.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..records import Article, Page
from .dates import date_from_url, normalise_date
from .meta import FIELDS, is_meta_line, paren_author, scan_line

__all__ = ["parse_page", "parse_html", "parse_text", "merge_pages", "group_continuations",
           "parse_pages", "continuation_of"]

def _is_boiler(line: str) -> bool:
    """Page furniture, by the one shared list (``resources/preprocessing/boilerplate.tsv``)."""
    from ..preprocessing.boilerplate import is_furniture

    return is_furniture(line)


def _clean_fn(name: str):
    try:
        from .. import preprocessing

        fn = getattr(preprocessing, name, None)
        return fn if callable(fn) else None
    except Exception:
        return None


def _post(art: Article) -> Article:
    """Body through ``preprocessing.clean``; title/pretitle/subtitle through ``clean_inline``."""
    body_fn = _clean_fn("clean")
    inline_fn = _clean_fn("clean_inline") or body_fn
    for name in ("text", "title", "pretitle", "subtitle", "author", "editor", "outlet", "page"):
        v = getattr(art, name)
        fn = body_fn if name == "text" else inline_fn
        if v and fn is not None:
            try:
                if name in ("author", "editor", "outlet", "page"):  # keep spaces between names
                    setattr(art, name, " ".join(fn(w) for w in v.split()) or None)
                else:
                    setattr(art, name, fn(v) or (None if name != "text" else ""))
            except Exception as e:  # pragma: no cover - cleaning must not lose the article
                art.errors.append({"stage": "parse", "message": f"clean({name}) failed: {e}"})
    return art


def _fill(meta: dict, found: dict, keys=FIELDS) -> None:
    for k in keys:
        if k in found and found[k] and not meta.get(k):
            meta[k] = found[k]


def parse_page(page: Page) -> Article:
    """Parse one page into an :class:`Article` (HTML or text; never raises on bad input)."""
    src = getattr(page, "source", None) or ""
    art = Article(source=src, url=getattr(page, "url", None), errors=list(getattr(page, "errors", None) or []))
    if art.errors and not page.content:
        return art  # the reader already said why there is nothing
    try:
        from ..io.decode import DecodeError, decode_bytes

        content = page.content or b""
        if isinstance(content, str):
            content = content.encode("utf-8")
        try:
            dec = decode_bytes(content, page.declared_encoding, is_html=bool(page.is_html))
        except DecodeError as e:
            art.errors.append({"stage": "decode", "message": f"not text: {e}", "kind": "binary"})
            return art
        art.encoding = dec.encoding
        if page.is_html:
            parse_html(dec.text, art)
        else:
            parse_text(dec.text, art)
        hints = getattr(page, "meta", None) or {}
        for k in ("title", "published"):
            if hints.get(k):
                setattr(art, k, hints[k])
    except Exception as e:  # never raise for bad pages
        art.errors.append({"stage": "parse", "message": f"{type(e).__name__}: {e}", "kind": "exception"})
    had_text = bool(art.text)
    art = _post(art)
    if not art.text and not art.errors:
        msg = "no body text found" if not had_text else "all body lines were dropped as page furniture"
        art.errors.append({"stage": "parse", "message": msg, "kind": "empty"})
    return art


# -- HTML -----------------------------------------------------------------------------------

_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:release_date", "publishdate",
    "pubdate", "publish_date", "publishtime", "publish-date", "firstpublishedtime", "datepublished",
    "dc.date.issued", "dc.date", "date", "sitedate", "releasedate", "article:modified_time",
)
_META_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "og:article:author", "contentauthor")
_META_SOURCE_KEYS = ("source", "contentsource", "og:site_name", "article:source", "mediaid")


def parse_html(text: str, art: Article) -> Article:
    """Fill ``art`` from HTML text (decoded)."""
    from . import html as H
    from .adapters import adapter_for, select_first

    doc = H.build_tree(text)
    if doc is None:
        return art
    meta = H.meta_tags(doc)
    enp = H.enp_properties(doc)
    title = H.page_title(doc, meta)
    found: dict = {}
    extra: dict = {}
    H.strip_tree(doc)
    stats = H.analyse(doc)

    nodes = None
    ad_used = None
    for ad in adapter_for(art.url):
        els = select_first(doc, ad.body)
        if els:
            lines = H.render_lines(els[:1] if len(els) == 1 else els, stats)
            if sum(len(x) for x in lines) >= ad.min_chars:
                nodes, ad_used = els, ad
                break
    if ad_used is not None:
        for name in ("title", "pretitle", "subtitle"):
            sels = getattr(ad_used, name)
            if sels:
                el = select_first(doc, sels)
                if el:
                    v = " ".join(H.render_lines(el[:1], None, skip_junk=False)).strip()
                    if v:
                        extra[name] = v
        for el in select_first(doc, ad_used.info):
            for line in H.render_lines([el], None, skip_junk=False):
                _fill(found, scan_line(line))
        for el in select_first(doc, ad_used.page_label):
            for line in H.render_lines([el], None, skip_junk=False):
                _fill(found, scan_line(line), ("page", "issue"))
        if ad_used.epaper:
            m = ad_used.url.search(art.url or "")
            if m:
                d = normalise_date(m.groupdict().get("date", "").replace("/", "-"))
                if d:
                    found["published"] = d
                if m.groupdict().get("page") and not found.get("page"):
                    found["page"] = m.group("page")
    if nodes is None:
        nodes, stats = H.find_main(doc, stats)

    body = H.render_lines(nodes, stats)
    # the document's lines around the body: info bar before it, editor line after it
    everything = H.all_lines(doc)
    head, tail = _around(everything, body, title)

    # Founder e-paper property comment
    if enp:
        extra.setdefault("title", enp.get("title"))
        if enp.get("introtitle"):
            extra.setdefault("pretitle", enp["introtitle"])
        if enp.get("subtitle"):
            extra.setdefault("subtitle", enp["subtitle"])
        if enp.get("date"):
            found.setdefault("published", normalise_date(enp["date"]))
        if enp.get("author"):
            found.setdefault("author", scan_line(enp["author"]).get("author") or enp["author"])
        if enp.get("nodename"):
            found.setdefault("page", enp["nodename"])

    for line in head:
        _fill(found, scan_line(line))
    if ad_used is not None and ad_used.epaper and not found.get("outlet"):
        # an e-paper names its paper in the page header (报刊:扬州日报), above the title
        for line in everything[:15]:
            if len(line) <= 80:
                _fill(found, scan_line(line), ("outlet",))
    # metadata from the body's own first/last lines, which are then dropped if they are bylines
    body = _strip_body(body, title or extra.get("title"), found, extra)
    # short lines at the top of the body: a dateline or byline the container swallowed
    authors = []
    for line in body[:8]:
        if len(line) <= 60 and not re.search(r"[。！？]", line):
            f = scan_line(line)
            _fill(found, f, ("published", "outlet"))
            if f.get("author") and _BYLINE_START.match(line):
                authors.append(f["author"])
    if authors and not found.get("author"):
        found["author"] = " ".join(authors)
    # meta tags
    md = next((normalise_date(meta[k]) for k in _META_DATE_KEYS if meta.get(k)), None)
    if md and not found.get("published"):
        found["published"] = md
    if not found.get("published"):
        ud = date_from_url(art.url)
        if ud:
            found["published"] = ud
    for line in tail:
        _fill(found, scan_line(line))
    if not found.get("author"):
        for k in _META_AUTHOR_KEYS:
            v = meta.get(k)
            if v and 2 <= len(v) <= 20 and not re.search(r"https?:|www\.|\.com", v):
                found["author"] = v.strip()
                break
    if not found.get("outlet"):
        for k in _META_SOURCE_KEYS:
            v = meta.get(k)
            if v and 2 <= len(v) <= 30 and not v.isdigit():
                found["outlet"] = v.strip()
                break

    art.title = extra.get("title") or title
    # a selector can catch a navigation heading (标题导航) instead of the 引题/副题
    art.pretitle = extra.get("pretitle") if not _is_boiler(extra.get("pretitle") or "") else None
    art.subtitle = extra.get("subtitle") if not _is_boiler(extra.get("subtitle") or "") else None
    if art.pretitle and art.pretitle == art.title:
        art.pretitle = None
    if art.subtitle and art.subtitle == art.title:
        art.subtitle = None
    if sum(len(x) for x in body) < 30:
        body = _trafilatura_fallback(text) or body
    art.text = "\n".join(body)
    for k in FIELDS:
        if found.get(k):
            setattr(art, k, found[k])
    return art


def _trafilatura_fallback(text: str) -> list:
    """trafilatura's extraction, used only when ours found (almost) nothing."""
    try:
        import trafilatura

        out = trafilatura.extract(text, include_comments=False, include_tables=True) or ""
    except Exception:
        return []
    return [l.strip() for l in out.split("\n") if l.strip()]


def _sq(s: str) -> str:
    return re.sub(r"\s", "", s or "")


def _around(everything: list, body: list, title: Optional[str], before: int = 8, after: int = 8):
    """Lines just before the body (after the title) and just after it."""
    if not body or not everything:
        return _join_labels(everything[:before]), []
    first = _sq(body[0])
    start = next((i for i, l in enumerate(everything) if _sq(l) == first), None)
    if start is None:
        return [], []
    last = _sq(body[-1])
    end = next((i for i in range(len(everything) - 1, start - 1, -1) if _sq(everything[i]) == last), start)
    lo = max(0, start - before)
    if title:
        t = _sq(title)
        for i in range(start - 1, max(-1, start - 30), -1):
            if t and (t in _sq(everything[i]) or _sq(everything[i]) in t and len(_sq(everything[i])) > 3):
                lo = i
                break
    head = everything[lo:start]
    inside = {_sq(l) for l in body}
    # lines inside the body's span that the renderer skipped (an editor line in a share bar)
    skipped = [l for l in everything[start:end + 1] if _sq(l) not in inside]
    return _join_labels(head), _join_labels(skipped + everything[end + 1:end + 1 + after])


_LABEL_ONLY = re.compile(r"(?:责任编辑|编辑|责编|来源|作者|记者|稿件来源|发布时间|时间)\s*[:：]\s*$")


def _join_labels(lines: list) -> list:
    """``责任编辑：`` on one line and the name on the next (separate elements) → one line."""
    out: list = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _LABEL_ONLY.search(line) and i + 1 < len(lines) and len(lines[i + 1]) <= 30:
            out.append(line + lines[i + 1])
            i += 2
            continue
        out.append(line)
        i += 1
    return out


_BYLINE_START = re.compile(r"^[□■●◎☆★\s]*(?:本报|特约|见习|实习|首席|新华社|总台)?(?:记者|通讯员|实习生|作者|文|撰文)")
_TAIL_EDITOR = re.compile(r"[（(\[【]\s*(?:责任编辑|编辑|责编|值班编辑|本版编辑)\s*[:：]?\s*[^()（）\[\]【】]{1,30}[)）\]】]\s*$")


def _strip_body(body: list, title: Optional[str], found: dict, extra: dict) -> list:
    """Drop title repeats, furniture and byline lines at the body's edges; read their metadata."""
    out = []
    t = _sq(title or "")
    seen: set = set()
    for i, line in enumerate(body):
        s = _sq(line)
        if len(s) >= 15:
            if s in seen:
                continue  # the same paragraph twice (print/mobile copy, hidden duplicate)
            seen.add(s)
        if t and s == t and i < 4:
            continue
        for k in ("pretitle", "subtitle"):
            if extra.get(k) and s == _sq(extra[k]) and i < 5:
                s = ""
        if not s:
            continue
        if _is_boiler(line):
            _fill(found, scan_line(line), ("editor",))
            continue
        out.append(line)
    # "（编辑：某某）" closing the last paragraph
    if out:
        m = _TAIL_EDITOR.search(out[-1])
        if m:
            _fill(found, scan_line(m.group(0)), ("editor",))
            rest = out[-1][:m.start()].rstrip()
            if rest:
                out[-1] = rest
            else:
                out.pop()
    # byline/info lines at the top and bottom
    while out and len(out) > 1 and is_meta_line(out[0]):
        _fill(found, scan_line(out.pop(0)))
    while out and len(out) > 1 and is_meta_line(out[-1]):
        _fill(found, scan_line(out.pop()))
    # editor lines anywhere in the last few lines
    n = len(out)
    for i in range(n - 1, max(-1, n - 4), -1):
        f = scan_line(out[i])
        if f.get("editor") and len(out[i]) < 60 and re.search(r"编|审|校", out[i]):
            _fill(found, f, ("editor",))
            if is_meta_line(out[i]) or re.fullmatch(r"[（(\[【]?[^，。]{0,40}[)）\]】]?", out[i]):
                out.pop(i)
    if out and not found.get("author"):
        a = paren_author(out[0], out[-1])
        if a:
            found["author"] = a
    if out and not found.get("author"):
        for line in out[:2] + out[-3:]:
            if len(line) <= 40:
                f = scan_line(line)
                if f.get("author"):
                    found["author"] = f["author"]
                    break
    return out


# -- text pages ------------------------------------------------------------------------------

_TEASER = re.compile(r"^(?:[•·●◆■□>»\-]\s*|摘要\s*[:：]|导读\s*[:：]|内容提要\s*[:：])")


def _is_para(line: str) -> bool:
    """A body paragraph: long, with sentence punctuation, not a teaser (``摘要：…``, ``• …``)."""
    return len(line) >= 50 and bool(re.search(r"[。，；！？]", line)) and not _TEASER.match(line)


def _is_headline(line: str) -> bool:
    return (4 <= len(line) <= 60 and not re.search(r"[。！？；]$", line) and not is_meta_line(line)
            and not re.fullmatch(r"[（(【\[].*[)）】\]]", line))  # "(资料图)" is a caption


def parse_text(text: str, art: Article) -> Article:
    """Fill ``art`` from plain text.

    Text dumps of web pages look like ``[navigation] title / info line(s) / body [footer]``.
    The info line is the last byline/date line before the first paragraph; the title is the
    short line above it; lines before the title (navigation, teaser lists) are dropped. Without
    such an info line the first short line is the title and metadata comes from the first and
    last lines.
    """
    lines = [re.sub(r"[ \t\xa0\u3000]+", " ", l).strip() for l in (text or "").replace("\r", "\n").split("\n")]
    # furniture (login links, share bars …) is neither title nor info line
    lines = [l for l in lines if l and not (len(l) < 200 and _is_boiler(l) and not is_meta_line(l))]
    found: dict = {}
    n = len(lines)
    first_para = next((i for i, l in enumerate(lines) if _is_para(l)), None)
    info = None
    if first_para is not None:
        for i in range(first_para - 1, max(-1, first_para - 7), -1):
            if is_meta_line(lines[i]):
                info = i
                if i == 0 or not is_meta_line(lines[i - 1]):
                    break
    start = 0
    if info is not None:
        j = info
        while j > 0 and is_meta_line(lines[j - 1]):
            j -= 1
        if j > 0 and _is_headline(lines[j - 1]):
            art.title = lines[j - 1]
            start = j
        else:
            start = j
    body = []
    for i, line in enumerate(lines[start:], start):
        edge = i < start + 12 or i >= n - 8
        if edge and len(line) <= 120:
            f = scan_line(line)
            if f and is_meta_line(line):
                _fill(found, f)
                continue
            if f.get("editor") and re.fullmatch(r"[（(\[【]?\s*(?:责任编辑|编辑|责编)[^，。]{0,30}[)）\]】]?", line):
                _fill(found, f)
                continue
            if f.get("outlet") and re.match(r"^(来源|报刊|稿件来源)\s*[:：]", line):
                _fill(found, f)
                continue
        body.append(line)
    # a title: a short first line without sentence punctuation
    if art.title is None and body and _is_headline(body[0]) and len(body) > 1:
        art.title = body[0]
        body = body[1:]
    if body and not found.get("author"):
        a = paren_author(body[0], "")
        for line in reversed(body[-6:]):  # footer lines may follow the last paragraph
            if a:
                break
            if len(line) >= 15 and re.search(r"[。！？]", line):
                a = paren_author("", line)
        if a:
            found["author"] = a
    # info lines just above the title (报刊:…, a dateline) fill what is still missing
    for line in lines[:max(0, start - 1)]:
        if is_meta_line(line) and re.match(r"^(?:报刊|来源|稿件来源|\d{4})", line):
            f = scan_line(line)
            _fill(found, {k: v for k, v in f.items() if k in ("published", "outlet")})
    if not found.get("published"):
        for line in lines[:12]:
            d = normalise_date(line)
            if d and len(line) < 80:
                found["published"] = d
                break
    if not found.get("published") and art.url:
        found["published"] = date_from_url(art.url)
    art.text = "\n".join(body)
    for k in FIELDS:
        if found.get(k):
            setattr(art, k, found[k])
    return art


# -- multi-page articles ---------------------------------------------------------------------

_CONT_RE = re.compile(r"^(?P<base>.*?)(?:_(?P<n>\d{1,2}))(?P<ext>\.s?html?)(?:[?#].*)?$", re.I)


def continuation_of(url: Optional[str]) -> Optional[tuple[str, int]]:
    """``(first-page URL, page number)`` when ``url`` is a continuation page (``1001_2.html`` →
    ``1001.html``, 2; ``content_7_2.htm`` → ``content_7.htm``, 2; ``index_1.html`` →
    ``index.html``, 2), else None. The part before ``_N`` must end in a digit (an article id) or
    be ``index``: ``content_3.htm`` is article 3, not page 3."""
    if not url:
        return None
    m = _CONT_RE.match(url)
    if not m:
        return None
    n = int(m.group("n"))
    base = m.group("base") + m.group("ext")
    stem = m.group("base").rsplit("/", 1)[-1]
    if not (stem == "index" or stem[-1:].isdigit()):
        return None  # content_3.htm is article 3, not page 3
    if stem == "index":
        return base, n + 1  # index_1.html is the second page
    if n < 2:
        return None
    return base, n


def group_continuations(pages: Iterable[Page]) -> list[list[Page]]:
    """Group pages so each group is one article's pages in reading order."""
    pages = list(pages)
    firsts: dict = {}
    groups: list = []
    conts: dict = {}
    for p in pages:
        c = continuation_of(p.url)
        if c:
            conts.setdefault(c[0], []).append((c[1], p))
        else:
            g = [p]
            groups.append(g)
            if p.url:
                firsts[p.url] = g
    for base, items in conts.items():
        items.sort(key=lambda x: x[0])
        if base in firsts:
            firsts[base].extend(p for _, p in items)
        else:
            groups.append([p for _, p in items])
    return groups


def merge_pages(pages: list[Page]) -> Article:
    """Parse the pages of one multi-page article (first page first) into one Article: the first
    page's metadata, the bodies joined by newlines (repeated leading/trailing lines removed)."""
    pages = list(pages)
    if not pages:
        return Article(source="", errors=[{"stage": "parse", "message": "no pages"}])
    arts = [parse_page(p) for p in pages]
    first = arts[0]
    texts = [first.text] if first.text else []
    for a in arts[1:]:
        lines = a.text.split("\n") if a.text else []
        if lines and first.title and _sq(lines[0]) == _sq(first.title):
            lines = lines[1:]
        if lines:
            texts.append("\n".join(lines))
        first.errors.extend(a.errors)
        for k in FIELDS:
            if not getattr(first, k) and getattr(a, k):
                setattr(first, k, getattr(a, k))
    first.text = "\n".join(texts)
    if len(arts) > 1:
        first.errors = [e for e in first.errors if e.get("message") != "no body text found"] if first.text else first.errors
    return first


def parse_pages(pages: Iterable[Page]) -> list[Article]:
    """Parse many pages, merging multi-page articles (see :func:`merge_pages`)."""
    return [merge_pages(g) for g in group_continuations(pages)]
