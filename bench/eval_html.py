"""External yardstick: ``unionnlp.parse.parse_page`` beside trafilatura on real Chinese pages.

Reads ``../shared/external/html`` (50 pages with gold; see its README) and prints, for both
extractors on the same decoded text:

* body F1: multiset F1 of character bigrams after NFKC (full-/half-width forms are not extraction
  errors; unionnlp's clean text is width-normalised) and removing all whitespace, macro-averaged over
  pages with full-text gold (snippet-gold pages are scored as with/without pass rates);
* date accuracy: the first date of the gold (``YYYY-MM-DD``, or ``YYYY-MM`` when the gold has no
  day) equals the prediction's date prefix; pages whose gold date is not a date are left out;
* title accuracy: equal after removing whitespace, or the gold is the prediction followed by a
  site-name suffix (``标题_频道_网站``);
* author accuracy: same set of names (gold names are space/、-separated). ``credited`` also
  accepts the editor when no author was found (the gold often names the editor).

Usage: ``PYTHONPATH=. python bench/eval_html.py [DIR] [--json]``
"""
from __future__ import annotations

import json
import pathlib
import re
import sys
import unicodedata
from collections import Counter
from typing import Optional

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unionnlp.io.decode import decode_bytes  # noqa: E402
from unionnlp.parse import parse_page  # noqa: E402
from unionnlp.parse.dates import find_dates  # noqa: E402
from unionnlp.records import Page  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "external" / "html"


def squash(s: Optional[str]) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", s or ""))


def bigram_f1(pred: str, gold: str) -> float:
    p, g = squash(pred), squash(gold)
    pb = Counter(p[i:i + 2] for i in range(len(p) - 1))
    gb = Counter(g[i:i + 2] for i in range(len(g) - 1))
    if not pb or not gb:
        return 1.0 if not pb and not gb else 0.0
    tp = sum((pb & gb).values())
    if not tp:
        return 0.0
    prec, rec = tp / sum(pb.values()), tp / sum(gb.values())
    return 2 * prec * rec / (prec + rec)


def gold_date(raw: Optional[str]) -> Optional[str]:
    if not raw:
        return None
    d = find_dates(raw)
    if d:
        return d[0][1]
    m = re.search(r"((?:19|20)\d{2})[-/.年](\d{1,2})(?!\d)", raw)
    return f"{m.group(1)}-{int(m.group(2)):02d}" if m else None


def date_ok(pred: Optional[str], gold: str) -> bool:
    if not pred:
        return False
    p = find_dates(pred)
    p = p[0][1] if p else pred
    return p.startswith(gold)


def title_ok(pred: Optional[str], gold: str) -> bool:
    p, g = squash(pred), squash(gold)
    if not p:
        return False
    return p == g or (g.startswith(p) and g[len(p):len(p) + 1] in ("_", "-", "|", "｜", "—"))


def names(s: Optional[str]) -> set:
    return {x for x in re.split(r"[\s、,，;；/]+", s or "") if x}


def run(folder: pathlib.Path) -> dict:
    import trafilatura

    golds = sorted(folder.glob("*.gold.json"))
    res = {"ours": {"f1": [], "date": [], "title": [], "author": [], "credited": [], "snip": []},
           "trafilatura": {"f1": [], "date": [], "title": [], "author": [], "credited": [], "snip": []}}
    per_page = []
    for gp in golds:
        g = json.loads(gp.read_text("utf-8"))
        raw = (folder / g["html_file"]).read_bytes()
        art = parse_page(Page(source=g["id"], content=raw, url=g.get("url"), is_html=True))
        text = decode_bytes(raw).text
        tbody = trafilatura.extract(text, url=g.get("url"), include_comments=False) or ""
        tmeta = trafilatura.extract_metadata(text, default_url=g.get("url"))
        preds = {
            "ours": (art.text, art.published, art.title, art.author, art.editor),
            "trafilatura": (tbody, getattr(tmeta, "date", None), getattr(tmeta, "title", None),
                            getattr(tmeta, "author", None), None),
        }
        gd = gold_date(g.get("date"))
        row = {"id": g["id"]}
        for who, (body, date, title, author, editor) in preds.items():
            r = res[who]
            if g.get("body"):
                f = bigram_f1(body, g["body"])
                r["f1"].append(f)
                row[who + "_f1"] = round(f, 3)
            elif g.get("with") or g.get("without"):
                sb = squash(body)
                ok = all(squash(w) in sb for w in g.get("with") or []) and not any(
                    squash(w) in sb for w in g.get("without") or [])
                r["snip"].append(ok)
            if gd:
                r["date"].append(date_ok(date, gd))
                row[who + "_date"] = date
            if g.get("title"):
                r["title"].append(title_ok(title, g["title"]))
            if g.get("author"):
                ga = names(g["author"])
                r["author"].append(names(author) == ga)
                r["credited"].append(names(author or editor) == ga or names(author) == ga)
        row["gold_date"] = gd
        per_page.append(row)

    def mean(x):
        return sum(x) / len(x) if x else float("nan")

    summary = {who: {k: (round(mean(v), 4), len(v)) for k, v in r.items()} for who, r in res.items()}
    return {"summary": summary, "pages": per_page}


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in argv
    argv = [a for a in argv if a != "--json"]
    folder = pathlib.Path(argv[0]) if argv else DEFAULT
    if not folder.exists():
        print(f"{folder} not found", file=sys.stderr)
        return 2
    out = run(folder)
    if as_json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print(f"{'metric':<10} {'unionnlp':>16} {'trafilatura':>16}")
    for k in ("f1", "snip", "date", "title", "author", "credited"):
        o, t = out["summary"]["ours"][k], out["summary"]["trafilatura"][k]
        print(f"{k:<10} {o[0]:>10.4f} (n={o[1]:>2}) {t[0]:>10.4f} (n={t[1]:>2})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
