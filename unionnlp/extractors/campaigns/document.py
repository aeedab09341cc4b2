"""What the whole page says about a campaign candidate: features of a name read from the
page (recurrence, quoted and bare forms, a programme head noun after it), added to the
candidates the classifier decides. Kept apart from :mod:`.candidates` because it asks
:mod:`.rules` which names are rejected, and the rules read candidates."""
from __future__ import annotations

from .candidates import CLOSE_QUOTES
from .rules import name_rejection


# --- what the whole page says about a name ------------------------------------------------------
#: words that, right after a name somewhere in the page, show it is used as a programme's name
#: (“三联三帮”活动, 双十工程, 暖心驿站品牌)
DOC_HEADS = ("活动", "工程", "行动", "计划", "项目", "品牌", "工作", "机制", "竞赛", "大赛", "建设",
             "创建", "评选", "模式", "试点", "载体", "服务", "示范")
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ('"', '"'))
#: shortest name whose repetitions are counted (a one- or two-character word recurs by chance)
MIN_RECUR = 2


def document_features(text: str, name: str, quoted: bool) -> list:
    """Features of a name from the whole page (the genre's habits, not words): a programme is
    named again (``doc:recur``), written both quoted and bare (``doc:bare_too`` /
    ``doc:quoted_too``), and followed somewhere by a head noun that shows it is run
    (``doc:headed``: …活动, …工程, …品牌). An emphasised word or a motto is usually written once."""
    if len(name) < MIN_RECUR or not text:
        return []
    f = []
    n = text.count(name)
    if n >= 2:
        f.append("doc:recur")
        if n >= 3:
            f.append("doc:recur3")
        quoted_n = sum(text.count(o + name + c) for o, c in _QUOTE_PAIRS)
        if quoted and n > quoted_n:
            f.append("doc:bare_too")
        elif not quoted and quoted_n:
            f.append("doc:quoted_too")
    elif not quoted and any(o + name + c in text for o, c in _QUOTE_PAIRS):
        # (a quoted name written once is bare nowhere; an unquoted one may be the quoted
        # text seen by the lexicon)
        f.append("doc:quoted_too")
    i = text.find(name)
    while i != -1:
        j = i + len(name)
        if text[j:j + 1] in CLOSE_QUOTES:
            j += 1
        if text.startswith(DOC_HEADS, j):
            f.append("doc:headed")
            break
        i = text.find(name, i + 1)
    return f


#: pages whose page features stay memoised (a page processed again, as a reprint or in a
#: repeated run, costs look-ups only)
DOC_MEMO_TEXTS = 32
_DOC_MEMO: dict = {}


def add_document_extras(text: str, cands: list) -> None:
    """Add :func:`document_features` to each candidate's ``extra`` (once per name and quoting)."""
    memo = _DOC_MEMO.pop(text, None)
    if memo is None:
        memo = {}
        if len(_DOC_MEMO) >= DOC_MEMO_TEXTS:
            _DOC_MEMO.pop(next(iter(_DOC_MEMO)))
    _DOC_MEMO[text] = memo  # most recent last
    for c in cands:
        if (c.entry is not None and c.entry.unquoted == "yes") or \
                (c.user is not None and getattr(c.user, "action", "") == "add") or \
                name_rejection(c.name):
            continue  # trusted or rejected: never reaches the classifier
        key = (c.name, c.quoted)
        f = memo.get(key)
        if f is None:
            f = memo[key] = document_features(text, c.name, c.quoted)
        if f:
            c.extra = c.extra + f
