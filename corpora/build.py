"""Build the sample archive ``corpora/sample/sample.warc.gz`` from the hand-written sources.

The sources are ``corpora/src/articles/NNN.txt`` (a ``key: value`` header, a ``---`` line, then
the body, one paragraph per line) and the page templates ``corpora/src/templates/*.html``. Each
article is rendered into the page shape of its ``template`` (portal, e-paper, doc-share,
traditional-script, reprint portal, GBK county site) and stored as one WARC ``response`` record
with its HTTP headers. All texts are fictional and were written for this project.

The build is deterministic: record ids are UUID5 of the URL, dates come from the sources, and
gzip members carry no timestamp, so rebuilding gives the same bytes.

Usage::

    python corpora/build.py            # writes corpora/sample/sample.warc.gz
    python corpora/build.py --check    # exit 1 when the committed archive is stale
    python corpora/build.py --text OUT # also write each page's visible text as OUT/NNN.txt
"""
from __future__ import annotations

import argparse
import email.utils
import html
import io
import pathlib
import re
import sys
import uuid
from datetime import datetime, timedelta, timezone
from string import Template

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "sample" / "sample.warc.gz"
WARC_NS = uuid.UUID("6b1f3c5e-2a44-4c8e-9e0a-3d9b8f2a7c11")

__all__ = ["load_sources", "render", "build", "visible_text"]


def load_sources(src: pathlib.Path = SRC) -> list[dict]:
    """Read every ``articles/NNN.txt`` into a dict (header keys + ``id`` + ``paragraphs``)."""
    out = []
    for path in sorted((src / "articles").glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        meta = {"id": path.stem}
        for line in head.splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip()] = value.strip()
        meta["paragraphs"] = [p.strip() for p in body.splitlines() if p.strip()]
        out.append(meta)
    return out


def _paragraphs(paras: list[str], tag: str = "p") -> str:
    return "\n".join(f"<{tag}>{html.escape(p)}</{tag}>" for p in paras)


def _docshare_body(paras: list[str], page_chars: int = 120, wrap: int = 29) -> str:
    """Lay text out like a document-sharing preview: ``1、`` page markers and spaces where the
    PDF lines were broken (every ``wrap`` characters), as such sites show it."""
    flow = "".join(paras[1:]) if len(paras) > 1 else "".join(paras)
    pages = [flow[i:i + page_chars] for i in range(0, len(flow), page_chars)]
    out = []
    for n, page in enumerate(pages, 1):
        broken = " ".join(page[i:i + wrap] for i in range(0, len(page), wrap))
        out.append(f"<p>{n}、{html.escape(broken)}</p>")
    return "\n".join(out)


def render(meta: dict) -> tuple[str, str]:
    """Return ``(html, charset)`` for one source article."""
    template = meta.get("template", "portal")
    tpl = Template((SRC / "templates" / f"{template}.html").read_text(encoding="utf-8"))
    values = {k: html.escape(v) for k, v in meta.items() if isinstance(v, str)}
    values["title_"] = values["title"]
    values.setdefault("editor", "")
    values.setdefault("author", "")
    values["date"] = meta["published"][:10]
    paras = meta["paragraphs"]
    if template == "docshare":
        values["body"] = _docshare_body(paras)
        n = int(meta.get("pages", "1"))
        values["thumbs"] = "\n".join(
            f"<p>{html.escape(meta['title'])}_第{i}页</p>" for i in range(1, min(n, 5) + 1))
    else:
        values["body"] = _paragraphs(paras)
    if template == "epaper":
        teasers = [t for t in meta.get("teasers", "").split("|") if t]
        items = [f"<li><a href=\"#\">{html.escape(t)}</a><p>摘要:{html.escape(t.split(':')[-1])}"
                 f"……</p></li>" for t in teasers]
        items.append(f"<li><a href=\"#\">{html.escape(meta['title'])}</a></li>")
        values["teasers"] = "\n".join(items)
    return tpl.substitute(values), meta.get("charset", "utf-8")


def _warc_date(published: str) -> str:
    fmt = "%Y-%m-%d %H:%M:%S" if len(published) > 16 else (
        "%Y-%m-%d %H:%M" if len(published) > 10 else "%Y-%m-%d")
    dt = datetime.strptime(published, fmt)
    # crawled (fictionally) one day after publication, at a fixed hour
    dt = dt.replace(hour=3, minute=0, second=0, tzinfo=timezone.utc) + timedelta(days=1)
    return dt.isoformat().replace("+00:00", "Z")


def build(out: pathlib.Path = OUT, src: pathlib.Path = SRC) -> bytes:
    """Render every source and write the gzipped WARC; returns its bytes."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    info = writer.create_warcinfo_record(
        "sample.warc.gz",
        {"software": "unionnlp corpora/build.py", "format": "WARC File Format 1.1",
         "description": "unionnlp sample corpus: fictional union news pages written for the project"},
    )
    info.rec_headers.replace_header("WARC-Date", "2024-01-01T00:00:00Z")
    info.rec_headers.replace_header("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(WARC_NS, 'warcinfo')}>")
    writer.write_record(info)
    for meta in load_sources(src):
        page, charset = render(meta)
        payload = page.encode("gbk" if charset.lower() == "gbk" else "utf-8")
        wdate = _warc_date(meta["published"])
        http_date = email.utils.format_datetime(
            datetime.fromisoformat(wdate.replace("Z", "+00:00")), usegmt=True)
        headers = StatusAndHeaders("200 OK", [
            ("Date", http_date),
            ("Server", "nginx"),
            ("Content-Type", f"text/html; charset={charset.upper() if charset.lower() == 'gbk' else 'utf-8'}"),
            ("Content-Length", str(len(payload))),
        ], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            meta["url"], "response", payload=io.BytesIO(payload), length=len(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": wdate,
                               "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(WARC_NS, meta['url'])}>"},
        )
        writer.write_record(rec)
    data = buf.getvalue()
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    return data


def visible_text(page: str) -> str:
    """The page's visible text, one block per line (how the gold ``NNN.txt`` files were made)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "lxml")
    for tag in soup(["script", "style", "title", "head"]):
        tag.decompose()
    text = soup.get_text("\n")
    lines = [re.sub(r"[ \t\u00a0]+$", "", ln.replace("\u00a0", " ")) for ln in text.splitlines()]
    return "\n".join(ln for ln in lines if ln.strip()) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed archive is stale")
    ap.add_argument("--text", type=pathlib.Path, help="also write visible text per page here")
    args = ap.parse_args(argv)
    if args.check:
        fresh = build(out=None)
        ok = OUT.exists() and OUT.read_bytes() == fresh
        print("up to date" if ok else f"{OUT} is stale: run python corpora/build.py")
        return 0 if ok else 1
    data = build()
    print(f"wrote {OUT} ({len(data)} bytes, {len(load_sources())} articles)")
    if args.text:
        args.text.mkdir(parents=True, exist_ok=True)
        for meta in load_sources():
            page, _ = render(meta)
            (args.text / f"{meta['id']}.txt").write_text(visible_text(page), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
