"""Adversarial inputs and the public entry points they are fed to.

* :func:`text_strategy` — hypothesis strategy for hostile text: random Unicode, mixed scripts,
  control characters, unbalanced quotes and brackets, runs of “ 、 and digits, CJK with spaces,
  giant numbers, malformed entities, fragments of the genre.
* :data:`GROWTH` — generators ``n -> str`` of growing adversarial strings for linearity checks.
* :func:`text_entry_points` — ``{name: f(text)}`` for every extractor that is importable (the
  places/organizations/numbers/statistics modules land on main at different times).
* :func:`check_items` — offsets valid and evidence equal to the item's surface form.
* hypothesis profiles: ``ci`` (default, small), ``dev`` (more examples); pick with
  ``HYPOTHESIS_PROFILE``.
"""
from __future__ import annotations

import dataclasses
import importlib
import os
import random

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

settings.register_profile(
    "ci", max_examples=60, deadline=4000, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture])
settings.register_profile(
    "dev", max_examples=300, deadline=8000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# -- pieces of hostile text ----------------------------------------------------------------
GENRE = [
    "扬州市总工会", "市总工会", "工会", "职工", "入会率达99%", "2019年", "全市", "江苏省",
    "开展“送温暖”活动", "“三创争两提升”", "送温暖、送清凉、送文化", "安康杯竞赛", "工人先锋号",
    "42万余人", "一万亿亿亿", "百分之九十五点五", "1、", "2、", "（", "）", "(", ")", "“", "”",
    "‘", "’", "「", "」", "《", "》", "、", "，", "。", "：", "；", "\n", "\n\n", " ", "\u3000",
    "會(huì)議(yì)", "&amp;", "&#x110000;", "&#99999999999;", "&bogus;", "<p>", "</div>", "<br>",
    "比上年提高3.5个百分点", "到2025年底达到", "第1页", "下载文档查看全文", "1,2,3,", "10^400",
    "1" + "0" * 400, "9" * 60 + "." + "9" * 60, "万万万万万", "亿亿亿亿", "零点零零零", "%%%",
    "\x00", "\x07", "\x1b[0m", "\ud800", "\ufffe", "\u200b", "\u202e", "\ufeff", "🙂", "𠀀",
    "ḿ", "ǖ", "Ж", "ع", "한국", "ｶﾀｶﾅ", "ＡＢＣ１２３％",
]

_char = st.one_of(
    st.characters(),  # any code point but surrogates (hypothesis leaves those out by default)
    st.characters(categories=["Cs"]),  # lone surrogates: JSON "\ud800" escapes, broken notebooks
    st.sampled_from(list("“”‘’「」『』\"'()（）[]【】《》<>&;#、，。：；！？ \n\t\r0123456789一二三四五六七八九十百千万亿两零")),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
)


def text_strategy(max_size: int = 300):
    """Hostile text: random characters interleaved with fragments of the genre."""
    piece = st.one_of(st.text(_char, max_size=12), st.sampled_from(GENRE))
    return st.lists(piece, max_size=max_size // 6).map("".join)


def bytes_strategy(max_size: int = 600):
    """Random bytes, and text in the encodings pages come in (with junk appended)."""
    enc = st.sampled_from(["utf-8", "gb18030", "big5", "utf-16", "utf-16-le", "latin-1"])

    def _encode(args):
        text, e, junk = args
        try:
            return text.encode(e, errors="ignore") + junk
        except Exception:  # pragma: no cover
            return junk

    return st.one_of(
        st.binary(max_size=max_size),
        st.tuples(text_strategy(max_size // 3), enc, st.binary(max_size=8)).map(_encode),
        st.tuples(text_strategy(max_size // 3), st.sampled_from(["gbk", "utf-8", "big5", "x-bogus", "utf-16"]))
        .map(lambda a: (f'<html><head><meta charset="{a[1]}"></head><body><p>' + a[0] + "</p>")
             .encode("utf-8", "surrogatepass")),
    )


# -- growing adversarial strings for the linearity checks ------------------------------------
def _cjk_run(n: int) -> str:
    rnd = random.Random(7)
    return "".join(chr(0x4E00 + rnd.randrange(20000)) for _ in range(n))


def _rep(unit: str):
    return lambda n: unit * max(1, n // len(unit))


GROWTH = {
    "ldquo": _rep("“"),
    "quote-open-text": _rep("“工会"),
    "ascii-quotes": _rep('"'),
    "dun": _rep("、"),
    "1-dun": _rep("1、"),
    "newline-1-dun": _rep("\n1、工会"),
    "union-union": _rep("工会"),
    "cjk-spaces": _rep("工 "),
    "digits-commas": _rep("1,"),
    "digits": _rep("9"),
    "decimal-dots": _rep("1."),
    "percent-digits": _rep("9%"),
    "wan-yi": _rep("万亿"),
    "chinese-numerals": _rep("一二三四五六七八九十百千"),
    "cjk-run": _cjk_run,
    "pinyin-open": _rep("会(hui"),
    "song-list": _rep("送温暖、"),
    "run-verbs": _rep("开展"),
    "quoted-names": _rep("“五小”活动，"),
    "org-suffixes": _rep("市总工会委员会"),
    "places": _rep("江苏省扬州市"),
    "year-rate": _rep("2019年入会率达99%，"),
    "brackets": _rep("（【《"),
    "entities": _rep("&#"),
    "blank-lines": _rep("\n"),
    "blank-lines-digit": _rep("\n\n\n1"),
    "spaces-newlines": _rep(" \n \n"),
}


#: short inputs (≤ 2 KB) that must finish in well under a second; a backtracking regex can
#: take minutes on them (run each in a child process with a time limit)
HANG_INPUTS = {
    "long-decimals": ("9" * 60 + "." + "9" * 60) * 4,
    "decimals-giant": ("9" * 60 + "." + "9" * 60) * 3 + "1" + "0" * 400,
    "digit-groups": "1,234,567," * 150,
    "mixed-numerals": "一万亿亿亿" * 100 + "9" * 300,
    "percent-chain": "99.9%" * 300,
    "range-chain": "1-2-3-4-5-6-7-8-9-" * 100,
    "cn-decimal": "三点一四一五九二六" * 150,
    "quotes-digits": "“1.2.3.4”" * 200,
    "spaced-digits": "1 2 3 4 5 6 7 8 9 0 " * 100,
    "year-chain": "2019年2020年2021年" * 120,
    # menu-word lines: a furniture pattern with \s*[|/]?\s* between words was exponential
    "login-menu": "登录" + " 注册" * 60 + " x。",
    "print-menu": "打印" + " 关闭" * 60 + " x。",
    "bracket-menu": "【打印】 " * 40 + "x。",
}


# -- entry points ------------------------------------------------------------------------------
def _optional(module: str):
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def text_entry_points() -> dict:
    """``{name: f(text) -> list|str|obj}`` for clean, each cleaning step and each extractor present."""
    from unionnlp import preprocessing as P
    from unionnlp.extractors import campaigns

    eps = {"clean": P.clean, "clean_inline": P.clean_inline}
    for name in ("normalize_width", "normalize_whitespace", "remove_control_chars", "strip_pinyin",
                 "to_simplified", "repair_docshare", "join_page_markers", "join_wrapped_lines",
                 "remove_stray_page_digits", "remove_cjk_spaces", "drop_boilerplate"):
        eps[name] = getattr(P, name)
    eps["find_campaigns"] = campaigns.find_campaigns
    places = _optional("unionnlp.extractors.places")
    if places is not None:
        eps["find_places"] = places.find_places
        eps["main_place"] = lambda t: places.main_place(t, places.find_places(t))
    orgs = _optional("unionnlp.extractors.organizations")
    if orgs is not None:
        eps["find_organizations"] = orgs.find_organizations
    numbers = _optional("unionnlp.extractors.numbers")
    if numbers is not None:
        eps["numbers.parse"] = numbers.parse
    stats = _optional("unionnlp.extractors.statistics")
    if stats is not None:
        eps["find_statistics"] = stats.find_statistics
    return eps


def missing_extractors() -> list:
    return [m for m in ("places", "organizations", "numbers", "statistics")
            if _optional(f"unionnlp.extractors.{m}") is None]


# -- item contract -----------------------------------------------------------------------------
def _surface(name: str, item):
    """What ``text[start:end]`` must equal for this item, or None when the contract is silent."""
    if name == "find_campaigns":
        return ("campaign", item.name)
    if name in ("find_places", "find_organizations"):
        return ("exact", item.name)
    if name in ("find_statistics", "numbers.parse"):
        t = getattr(item, "text", None)
        return ("exact", t) if t else None
    return None


def check_items(name: str, text: str, result) -> list:
    """Problems with a result: offsets outside the text, evidence not equal to the surface."""
    problems = []
    items = result if isinstance(result, list) else ([result] if result is not None and
                                                      dataclasses.is_dataclass(result) else [])
    for it in items:
        s, e = getattr(it, "start", None), getattr(it, "end", None)
        if s is None and e is None:
            if name == "main_place":
                continue  # a main place may be inferred (title, outlet, 全国) without a mention
            problems.append(f"{name}: no offsets on {it!r}"[:300])
            continue
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            problems.append(f"{name}: bad offsets {s}:{e} for text of {len(text)} on {it!r}"[:300])
            continue
        sur = _surface(name, it)
        if sur is None:
            continue
        how, want = sur
        got = text[s:e]
        if how == "campaign":  # line breaks inside a name are dropped from ``name``
            got = got.replace("\r", "").replace("\n", "").strip()
        if got != want:
            problems.append(f"{name}: text[{s}:{e}]={got!r} but item says {want!r}"[:300])
    return problems
