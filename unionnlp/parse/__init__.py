"""Parsing: Page (bytes) → Article (metadata + clean body).

First version: decoding, a generic HTML-to-text pass (block elements become lines) and
metadata read from the text lines (date, 来源, 记者/通讯员, 编辑). Site adapters build on it.
"""
from __future__ import annotations

import re
from typing import Optional

from ..io.decode import DecodeError, decode_bytes
from ..preprocessing import clean, clean_inline
from ..records import Article, ErrorEntry, Page

__all__ = ["parse_page", "html_to_text", "metadata_from_lines"]

_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "td", "header",
               "footer", "nav", "title"}


def html_to_text(html: str) -> tuple:
    """(title, text) of an HTML document; script/style dropped, blocks on their own lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for t in soup(["script", "style", "noscript", "iframe", "svg", "head"]):
        if t.name == "head":
            title_tag = t.find("title")
            title = title_tag.get_text(" ", strip=True) if title_tag else None
            t.decompose()
            soup.attrs["_title"] = title
            continue
        t.decompose()
    title = soup.attrs.pop("_title", None)
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    h1 = soup.find("h1")
    text = soup.get_text()
    if h1 is not None and h1.get_text(strip=True):
        title = h1.get_text(" ", strip=True)
    return title, text


_DATE_RE = re.compile(r"(20\d\d|19\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_OUTLET_RE = re.compile(r"(?:来源|报刊|稿源)\s*[:：]\s*《?([\u4e00-\u9fffA-Za-z]{2,20}?)》?(?:\s|$|[,，)）]|\d)")
_PAPER_RE = re.compile(r"《([\u4e00-\u9fff]{2,12}(?:报|刊))》\s*\(")
_EDITOR_RE = re.compile(r"(?:责任编辑|责编|编辑)\s*[:：]\s*([\u4e00-\u9fff]{2,3})(?=\s|责任|[)）\]】,，]|$)")
_AUTHOR_RE = re.compile(r"(?:记者|作者|文/|文\s*[:：])\s*([\u4e00-\u9fff]{2,3})(?=\s|通讯员|记者|摄|[)）,，]|$)")
_BYLINE_PAREN_RE = re.compile(r"(?:报讯|网讯|讯|电)\s*[(（]\s*([\u4e00-\u9fff]{2,4})\s*[)）]")


def metadata_from_lines(text: str) -> dict:
    """Published date, outlet, author and editor read from the first and last lines."""
    meta: dict = {}
    lines = [l for l in text.split("\n") if l.strip()]
    head = "\n".join(lines[:6])
    tail = "\n".join(lines[-4:])
    m = _DATE_RE.search(head)
    if m:
        y, mo, d = (int(x) for x in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            meta["published"] = f"{y:04d}-{mo:02d}-{d:02d}"
    m = _OUTLET_RE.search(head) or _PAPER_RE.search(head) or _OUTLET_RE.search(tail)
    if m:
        meta["outlet"] = m.group(1)
    m = _EDITOR_RE.search(tail) or _EDITOR_RE.search(head)
    if m:
        meta["editor"] = m.group(1).strip()
    m = _AUTHOR_RE.search(head) or _BYLINE_PAREN_RE.search(head)
    if m:
        meta["author"] = re.sub(r"\s*[、 ]\s*", " ", m.group(1)).strip()
    return meta


def parse_page(page: Page) -> Article:
    """Decode, strip markup and furniture, read the metadata; never raises for bad pages."""
    art = Article(source=page.source, url=page.url, errors=list(page.errors))
    if page.errors and not page.content:
        return art
    try:
        decoded = decode_bytes(page.content, page.declared_encoding, is_html=page.is_html)
    except DecodeError as e:
        art.errors.append(ErrorEntry("decode", str(e), "binary"))
        return art
    art.encoding = decoded.encoding
    raw = decoded.text
    title: Optional[str] = None
    try:
        if page.is_html:
            title, raw = html_to_text(raw)
    except Exception as e:  # lxml/bs4 failures on hostile markup
        art.errors.append(ErrorEntry("parse", f"HTML parsing failed: {type(e).__name__}: {e}", "html"))
        return art
    text = clean(raw)
    art.text = text
    meta = metadata_from_lines(text)
    # metadata that the furniture filter dropped (e-paper date and paper lines above the title)
    for k, v in metadata_from_lines(clean(raw, drop_furniture=False)).items():
        meta.setdefault(k, v)
    for k, v in meta.items():
        setattr(art, k, v)
    if title:
        art.title = clean_inline(title)
    elif text:
        first = text.split("\n", 1)[0]
        if len(first) <= 60 and not re.search(r"[。；;]", first):
            art.title = first
    for k in ("title", "published"):
        if page.meta.get(k):
            setattr(art, k, page.meta[k])
    if not text and not art.errors:
        art.errors.append(ErrorEntry("parse", "no article text found on the page", "empty"))
    return art
