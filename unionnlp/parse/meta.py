"""Article metadata from byline text: date, outlet (来源), author (记者/作者/通讯员),
editor (编辑/责任编辑/责编), e-paper page (版次/版名) and issue (期次).

Works on single lines (``scan_line``) so the same code serves HTML info bars, text pages and
e-paper footers. Labels come from ``resources/parse/bylines.json``. Names are runs of 2–4 Han
characters (``·`` allowed for transliterated names), cut at stop words such as 报道/发自/摄;
a run that stays longer than that is not a name and is rejected. The lengths are named at the
top of the module.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .. import resources
from .dates import find_dates

__all__ = ["scan_line", "paren_author", "FIELDS", "is_meta_line", "clean_outlet"]

FIELDS = ("published", "outlet", "author", "editor", "page", "issue")

#: a person's name is this many Han characters …
NAME_CHARS = (2, 4)
#: … or up to this many with a ``·`` (transliterated names)
DOTTED_NAME_MAX_CHARS = 8
#: names read after one label at most (张三 李四 王五 …)
MAX_NAMES = 6
#: characters after a 来源 label read as the outlet, and the longest outlet kept
OUTLET_WINDOW_CHARS = 40
OUTLET_MAX_CHARS = 30
#: lines longer than this are not scanned for bylines (they are body text)
SCAN_LINE_MAX_CHARS = 400
#: a byline/info line is at most this long …
META_LINE_MAX_CHARS = 120
#: … and, besides dates and times, has fewer characters than this
INFO_BAR_MAX_OTHER_CHARS = 60
#: ``本报讯（记者 …）`` is looked for in the body's first characters, ``（记者 …）`` in its last
PAREN_HEAD_CHARS = 80
PAREN_TAIL_CHARS = 60
#: a name in brackets is at most this long
PAREN_NAME_MAX_CHARS = 5

_HAN = "\u4e00-\u9fff\u3400-\u4dbf"
_SEP = r"[\s\u3000:：/|｜丨︱\-—]*"


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return resources.read_json("parse", "bylines.json")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict:
    v = _vocab()
    return {
        "editor": re.compile(rf"(?:{_alt(v['editor_labels'])})\s*[:：]\s*"),
        "editor_loose": re.compile(rf"[（(\[【]\s*(?:{_alt(v['editor_labels'])})\s*[:：]?\s*"),
        "reporter": re.compile(rf"(?:{_alt(v['reporter_labels'])})(?:\s*[:：])?\s*"),
        "author": re.compile(rf"(?<![{_HAN}])(?:{_alt(v['author_labels'])})\s*[:：/｜|︱]\s*"),
        "author_post": re.compile(rf"([{_HAN}·]{{2,5}}(?:[\s、，,]+[{_HAN}·]{{2,5}}){{0,4}})\s*/\s*(?:文|图|文图|摄)(?![{_HAN}])"),
        "outlet": re.compile(rf"(?:{_alt(v['outlet_labels'])})\s*[:：]\s*"),
        "stop": re.compile(_alt(v["name_stop"])),
    }


_EPAPER_RE = re.compile(
    r"《([^》]{2,20})》\s*[（(]\s*([^()（）]{6,20}?)\s*(第?\s*[A-Z]?\d{1,3}\s*版(?:\s*[:：][^\s)）]{1,12})?)?\s*[)）]"
)
_PAGE_RE = re.compile(
    r"(?:版次|版面|版名)\s*[:：]\s*([^\s,，|]{1,20})|(第\s*[A-Z]?\d{1,3}\s*版(?:\s*[:：]\s*[" + _HAN + r"]{2,10})?)"
    r"|(?<![\w])([A-Z]?\d{1,3}版\s*[:：]\s*[" + _HAN + r"]{2,10})"
)
_ISSUE_RE = re.compile(r"(?:期次|期号)\s*[:：]\s*([^\s,，|]{1,20})|(总第\s*\d{1,6}\s*期|第\s*\d{1,6}\s*期)")
_NAME_RUN = re.compile(rf"[{_HAN}·•]+")


def _names(text: str, pos: int, max_names: int = MAX_NAMES) -> Optional[str]:
    """Read a run of person names starting at ``pos``; None when there is none."""
    stop = _patterns()["stop"]
    names = []
    i = pos
    n = len(text)
    while i < n and len(names) < max_names:
        m = _NAME_RUN.match(text, i)
        if not m:
            break
        run = m.group(0)
        s = stop.search(run)
        # one-character stop words (文, 图, 摄, 电, 讯) only end a run: 张文攀 is a name
        while s is not None and len(s.group(0)) == 1 and s.end() < len(run):
            s = stop.search(run, s.end())
        cut = run[: s.start()] if s else run
        if s and len(s.group(0)) == 1 and (len(run) <= 2 or (len(run) == 3 and s.group(0) == "文")):
            s, cut = None, run  # 王文, 李晓文: names ending in 文, not "by …"
        if s and names and s.start() > 0 and s.group(0) in ("报道", "电", "讯", "发自"):
            break  # "彭冲 山东冠县报道": the run before 报道 is a place
        lo, hi = NAME_CHARS
        if lo <= len(cut) <= hi or (lo <= len(cut) <= DOTTED_NAME_MAX_CHARS and "·" in cut):
            names.append(cut)
        elif names or len(cut) > 0:
            if len(cut) > hi:
                return " ".join(names) if names else None
        if s:
            break
        i = m.end()
        sep = re.match(r"[ \u3000\t、，,]+", text[i:i + 4])
        if not sep:
            break
        i += sep.end()
    return " ".join(names) if names else None


def clean_outlet(value: str) -> Optional[str]:
    """Strip brackets and trailing labels from a 来源 value."""
    value = re.split(r"\s{1,}|(?:作者|编辑|责任编辑|记者|时间|发布|日期|点击|浏览)[:：]?", value.strip())[0]
    value = value.strip("【】[]《》<>\"'“”「」()（） :：|")
    if not value or len(value) > OUTLET_MAX_CHARS or find_dates(value) or not re.search(f"[{_HAN}A-Za-z]", value):
        return None
    return value


def scan_line(line: str) -> dict:
    """Metadata fields found in one line of text, e.g.
    ``2020-11-26 14:58:03 来源:江苏工人报 作者:张三 编辑:李四``."""
    out: dict = {}
    if not line or len(line) > SCAN_LINE_MAX_CHARS:
        return out
    p = _patterns()
    m = _EPAPER_RE.search(line)
    if m:
        out["outlet"] = m.group(1).strip()
        ds = find_dates(m.group(2))
        if ds:
            out["published"] = ds[0][1]
        if m.group(3):
            out["page"] = re.sub(r"\s+", "", m.group(3))
    ds = find_dates(line)
    if ds and "published" not in out:
        out["published"] = ds[0][1]
    m = _DATE_THEN_NAME.match(line.strip())
    if m and ds:  # 2022-04-27 21:35:40 红网: the medium is the outlet
        out.setdefault("outlet", m.group("name"))
    for m in p["editor"].finditer(line):
        nm = _names(line, m.end())
        if nm:
            out.setdefault("editor", nm)
            break
    if "editor" not in out:
        for m in p["editor_loose"].finditer(line):
            nm = _names(line, m.end())
            if nm:
                out["editor"] = nm
                break
    masked = p["editor"].sub(" \x00 ", line)
    for key in ("author", "reporter"):
        for m in p[key].finditer(masked):
            if key == "reporter" and masked[max(0, m.start() - 1):m.start()] in ("\x00",):
                continue
            nm = _names(masked, m.end())
            if nm:
                prev = out.get("author")
                if prev and nm not in prev:
                    out["author"] = prev + " " + nm
                elif not prev:
                    out["author"] = nm
    if "author" not in out:
        m = p["author_post"].search(line)
        if m:
            out["author"] = m.group(1).strip()
    m = p["outlet"].search(line)
    if m and "outlet" not in out:
        val = clean_outlet(line[m.end():m.end() + OUTLET_WINDOW_CHARS])
        if val:
            out["outlet"] = val
    if "page" not in out:
        m = _PAGE_RE.search(line)
        if m:
            out["page"] = re.sub(r"\s+", "", next(g for g in m.groups() if g))
    m = _ISSUE_RE.search(line)
    if m:
        out["issue"] = re.sub(r"\s+", "", next(g for g in m.groups() if g))
    return out


_META_LINE = re.compile(
    r"^\s*[（(\[【]?\s*(?:责任编辑|值班编辑|本版编辑|网络编辑|编辑|责编|审核|校对|来源|稿件来源|文章来源|信息来源|作者|"
    r"发布时间|发布日期|时间|日期|报刊|版次|版名|期次|浏览次数|点击数|点击)\s*[:：]"
)


#: a byline alone on its line, a reporter's role and names: 记者 王明, 本报记者李华, 通讯员 张三
#: 李四 报道, 大众网记者 张三 滨州报道 (not a photo credit: 记者 张三 摄). The role is followed by
#: a space or led by 本报 or a medium's name (记者走基层 is a title).
_BYLINE_LINE = re.compile(
    rf"^(?:(?:本报|新华社|(?P<medium>[{_HAN}]{{1,8}}(?:网|报|台|社)))(?:首席)?(?:记者|通讯员|特约记者|见习记者)\s*|(?:首席)?(?:记者|通讯员|实习生|特约记者|见习记者|特约通讯员)\s+)"
    rf"[{_HAN}·]{{2,4}}(?:[\s、，,]+(?:(?:记者|通讯员|实习生)\s*)?[{_HAN}·]{{2,4}}){{0,5}}\s*(?:报道)?(?<!摄)$"
)


#: a full date (and time) opening a line, then only a medium's name (红网, 三峡传媒网)
_DATE_THEN_NAME = re.compile(
    r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2})?)?\s+"
    rf"(?P<name>[{_HAN}A-Za-z]{{1,10}}(?:网|报|台|社|刊|号|端|在线|新闻|传媒|融媒|频道|发布))$"
)


def byline_medium(line: str) -> Optional[str]:
    """The medium a byline line names its reporter for (大众网记者 张三 → 大众网), else None."""
    m = _BYLINE_LINE.match(line.strip())
    return m.group("medium") if m else None


def is_meta_line(line: str) -> bool:
    """True for a short line that is only a byline/info bar (no sentence of body text)."""
    s = line.strip()
    if not s or len(s) > META_LINE_MAX_CHARS:
        return False
    if _META_LINE.match(s) or _BYLINE_LINE.match(s):
        return True
    found = scan_line(s)
    if not found:
        return False
    if re.fullmatch(r"[\[【(（]?\s*[\d\s:：\-/.年月日时分秒]+\s*[\]】)）]?", s) and found.get("published"):
        return True  # a bare dateline
    m = _DATE_THEN_NAME.match(s)
    if m and found.get("published"):
        return True  # a timestamp and the outlet's name without a label: 2022-04-27 21:35:40 红网
    # an info bar: has a date or labels and little sentence punctuation
    rest = re.sub(r"[\d\s:：\-/.年月日时分秒]", "", s)
    return len(found) >= 2 and len(re.findall(r"[，。！？；]", s)) == 0 and len(rest) < INFO_BAR_MAX_OTHER_CHARS


_PAREN_TAIL = re.compile(
    rf"[（(]\s*(?:(?:本报|新华社|总台)?(?:记者|通讯员|实习生|特约记者|见习记者)\s*)?"
    rf"([{_HAN}·]{{2,5}}(?:[\s、，,]+[{_HAN}·]{{2,5}}){{0,5}})\s*(?:[{_HAN}]{{0,6}}报道)?\s*[)）]\s*$"
)
_PAREN_HEAD = re.compile(
    rf"(?:报讯|电|消息|日讯)\s*[（(]\s*((?:(?:本报|新华社|总台)?(?:记者|通讯员|实习生|特约记者|见习记者)\s*)?"
    rf"[{_HAN}·]{{2,5}}(?:[\s、，,]+(?:(?:记者|通讯员)\s*)?[{_HAN}·]{{2,5}}){{0,5}})\s*[)）]"
)


def paren_author(first: str, last: str) -> Optional[str]:
    """Author from ``本报讯(记者 王槐艾)`` at the body start or ``(记者 张倩)`` at its end."""
    stop = _patterns()["stop"]
    m = _PAREN_HEAD.search(first[:PAREN_HEAD_CHARS]) if first else None
    if m:
        raw = re.sub(r"(?:本报|新华社|总台)?(?:特约|见习)?(?:记者|通讯员|实习生)", " ", m.group(1))
        names = [w for w in re.split(r"[\s、，,]+", raw) if w and not stop.fullmatch(w) and len(w) <= PAREN_NAME_MAX_CHARS]
        if names:
            return " ".join(names)
    m = _PAREN_TAIL.search(last[-PAREN_TAIL_CHARS:]) if last else None
    if m:
        names = [w for w in re.split(r"[\s、，,]+", m.group(1)) if w]
        names = [w for w in names if not stop.search(w) and NAME_CHARS[0] <= len(w) <= PAREN_NAME_MAX_CHARS]
        if names:
            return " ".join(names)
    return None
