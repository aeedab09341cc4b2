"""Where an organization's name begins: the left edge of a name whose head (工会, 委员会,
有限公司 …) was found, walked back over words until a boundary (a stop word, a determiner, a
count, a function character glued on by the segmenter), with the lexicon look-ups this needs.
Step 1 of the package docstring; :mod:`.rules` validates, completes and splits the names."""
from __future__ import annotations

import functools
import re

from unionnlp.extractors import segmenter
from unionnlp.extractors.organizations.lexicon import _CJK, _STOP_POS, _Lex, _lex
from unionnlp.extractors.organizations.spans import _Index


#: characters no name holds: not a CJK character, letter or digit, or a digit (the same test as
#: character test of earlier versions, as one expression run over the window before a head)
_BREAK_RE = re.compile(r"[^\w\u3400-\u9fff]|[_\d\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089"
                       r"\u2460-\u249b\u24ea-\u24ff\u2776-\u2793]"
                       # 丨 (a CJK stroke) used as a separator: 供稿丨院工会, 编辑丨…
                       r"|\u4e28")


#: everything up to and including the last character :data:`_BREAK_RE` finds (the greedy
#: prefix backtracks from the end, so the engine, not a loop, finds the last one)
_LAST_BREAK_RE = re.compile("(?s:.*)(?:" + _BREAK_RE.pattern + ")")


def _left_start(lx: _Lex, text: str, s0: int, floor: int, pindex: "_Index",
                company: bool = False) -> int:
    """Leftmost start of the name whose head starts at ``s0`` (see module docstring)."""
    maxlen = lx.vocab["max_name_len"]
    lo = max(floor, s0 - maxlen)
    place_at = {p.start: (p.start, p.end) for p in pindex.within(lo, s0)
                if p.level != "town" or p.adcode}
    conj = None
    for ps in place_at:
        if text[ps] in "和与及" and _conj_place(lx, text, ps, text[ps:place_at[ps][1]], place_at):
            conj = ps
    if conj is not None:
        del place_at[conj]  # 大局和县工会: 和 is the conjunction, 县工会 the name
    # after the last character before s0 that no name holds (punctuation, digits)
    m = _LAST_BREAK_RE.match(text, lo, s0)
    i = m.end() if m is not None else lo
    if i < s0 and i > 0 and text[i - 1].isdigit() and (text[i] in _COUNT_MEASURES
                                                       or text[i] in _TIME_UNITS):
        i += 1  # 27 + 支 + 民办学校队伍, 3 + 所 + 学校: the measure word of a count; 下午2 + 点 +
        # 院工会, 15 + 日 + 市总工会: the unit of a time
    if i == s0:
        return _bracket_lead(lx, text, s0, floor, pindex) if company else s0
    # jieba words, with place mentions kept whole (a word never straddles a place edge)
    toks: list[tuple[int, str]] = []
    pos = i
    while pos < s0:
        sp = place_at.get(pos)
        if sp is not None and sp[1] <= s0:
            toks.append((pos, text[pos:sp[1]]))
            pos = sp[1]
            continue
        nxt = min([ps for ps, pe in place_at.values() if pos < ps < s0] + [s0])
        for w in segmenter.words(text[pos:nxt]):
            toks.append((pos, w))
            pos += len(w)
    start = s0
    lvl = lx.vocab["abbr_level_chars"]
    for k in range(len(toks) - 1, -1, -1):
        tpos, w = toks[k]
        p = place_at.get(tpos)
        covered = bool(place_at) and any(ps <= tpos and tpos + len(w) <= pe
                                         for ps, pe in place_at.values())
        if p is not None or covered:
            start = tpos
            continue
        if w[:1] in "和与及" and len(w) == 2 and w[1] in lvl and tpos > 0 and _CJK.match(text[tpos - 1]):
            start = tpos + 1  # 和县 after a word: the conjunction 和 + 县 (大局和县工会)
            break
        if w in lx.level_words:
            start = tpos  # 自治区总工会: a level word standing for the article's division
            break
        if w in lvl:
            start = tpos  # 县 in 县总工会: a bare level character (abbreviation)
            if k > 0 and _proper_word(lx, toks[k - 1][1]) and toks[k - 1][0] + len(toks[k - 1][1]) == tpos:
                continue  # 青石 + 镇 (a township the gazetteer lacks), 风井 + 区 (+ 工会): the
                # tail of a name, not an abbreviation; the words before it decide where it starts
            break
        if len(w) >= 2 and w[-1] in lvl and w[:-1] in lx.deictic:
            start = tpos + len(w) - 1  # 我市总工会, 该县供电公司: the article's own division
            break
        if w in lx.town_words and k > 0 and _proper_word(lx, toks[k - 1][1]):
            start = tpos  # 柳溪 + 街道, 石门 + 村: a street or village name before its body
            continue
        if (w[-1] in _CN_DIGITS and k > 0 and all(c in _CN_DIGITS for c in w.lstrip("第"))
                and (toks[k - 1][0] in place_at or _proper_word(lx, toks[k - 1][1])
                     or (lx.tags.get(toks[k - 1][1]) or "x")[:1] == "b"
                     or toks[k - 1][1] in lx.body_ok)):
            start = tpos  # 南昌 + 八一 + 店, 中建 + 三 + 局: a numeral inside a name
            continue
        if w in lx.stop_words:
            break
        if k > 0 and toks[k - 1][1] + w in lx.stop_words and toks[k - 1][0] + len(toks[k - 1][1]) == tpos:
            break  # 会员 + 企业 (+ 青禾实业有限公司): a description jieba cuts in two
        if w[-1] in _MEASURES and _quantity_word(w):
            break  # 近千名 + 商场信息员, 三家 + 企业: a count before the head is no name
        if (w[-1] in lvl and len(w) == 2 and lx.tags.get(w) is None
                and (lx.tags.get(w[0]) or "x")[:1] in _GLUE_POS):
            start = tpos + 1  # 有 + 区总工会: jieba glues a verb or function word to the level
            break  # character of an abbreviation (的有区, 赴市)
        if (k == 0 and w[-1] in _UNIT_ABBR and len(w) == 2 and w[0] in lx.boundary
                and (tpos == 0 or not _CJK.match(text[tpos - 1]))):
            start = tpos + 1  # ,经 + 院工会: a function word before the unit's abbreviation
            break  # (院 = the hospital, 校 = the school), even when jieba knows 经院
        if w[0] in lx.boundary and lx.tags.get(w) is None and len(w) > 1:
            if len(w) == 2 and w[1] in lvl:
                start = tpos + 1  # 从 + 市政府: the level character opens an abbreviation
            elif len(w) <= 4 and w[0] in _GLUED_FUNCTION and _proper_tail(lx, w[1:], toks, k):
                start = tpos + 1  # 由 + 合和集团, 及 + 庆来学校: HMM glued the function word
            break  # an unknown word glued to a function word (据市, 经省)
        if w.startswith(lx.determiners) or w in lx.determiners:
            break
        tag = lx.tags.get(w)
        if len(w) == 1 and w in lx.boundary:
            break
        if tag is not None and tag.startswith(_STOP_POS) and w not in lx.body_ok and tag != "zg":
            break
        if tag is not None and tag.startswith("v") and tag != "vn" and w not in lx.body_ok:
            break
        start = tpos
    # a rare character (jieba's zg) opens a name only after punctuation (、笏石中心小学), not
    # when it is the tail of a word the extension stopped at (网约 + 车行业工联会)
    if (start < s0 and lx.tags.get(text[start]) == "zg" and text[start] not in lvl and start > 0
            and _CJK.match(text[start - 1]) and (start, text[start]) in toks):
        start += 1
    # snap to a place that starts before and covers the start
    for ps, pe in place_at.values():
        if ps < start < pe:
            start = ps
    # place + short run of shredded characters before the stop (大通县兴通服装有限公司)
    for ps, pe in place_at.values():
        if lo <= ps and 0 < start - pe <= 3:
            run = text[pe:start]
            if all(_CJK.match(c) and c not in lx.boundary for c in run) and all(
                    len(w) == 1 for w in segmenter.words(run, hmm=False)) and run not in lx.stop_words:
                start = ps
    # place + a trade name with a verb in it + company head (成都 + 云途飞驰 + 网络科技有限公司):
    # a limited company's name is place + trade name + trade + legal form
    if company and start < s0:
        for ps, pe in place_at.values():
            if lo <= ps and 0 < start - pe <= 4:
                run = text[pe:start]
                ws = segmenter.words(run, hmm=False)
                if all(_CJK.match(c) and c not in lx.boundary for c in run) and not any(
                        w in lx.stop_words or w.startswith(lx.determiners) for w in ws):
                    start = ps
    # place + short unknown run + head (大通天和医院): jieba shreds the unknown name
    for ps, pe in place_at.values():
        if start > ps >= lo and 2 <= s0 - pe <= 4:
            run = text[pe:s0]
            # (not a function word right after the place: 青川县 + 在 + 县总工会)
            if run[0] not in lx.boundary and all(_CJK.match(c) for c in run) and all(
                    len(w) == 1 or lx.tags.get(w) is None for w in segmenter.words(run, hmm=False)):
                start = ps
    if company and start == i:
        start = _bracket_lead(lx, text, i, floor, pindex)
    # a place the snaps above moved to may have places written right before it (衢州市 +
    # 衢江区 + 网约送餐员联合工会): the longest contiguous written form keeps them
    if start < s0 and start in place_at:
        before = {pe: ps for ps, pe in place_at.values()}
        while start in before and before[start] < start:
            start = before[start]
    return start


def _bracket_lead(lx: _Lex, text: str, i: int, floor: int, pindex: "_Index") -> int:
    """A company name with a bracketed place inside it (金阳(安徽)环保科技股份有限公司,
    青柏(中国)有限公司): the words before the bracket belong to the name too; ``i`` is where
    the name would start (right after the closing bracket)."""
    if i < 4 or text[i - 1] not in ")）":
        return i
    lo = max(0, i - 8)  # (a negative start would count from the end of the text)
    op = max(text.rfind("(", lo, i - 1), text.rfind("（", lo, i - 1))
    inner = text[op + 1:i - 1] if op >= 0 else ""
    if op > floor and 2 <= len(inner) <= 6 and (inner in _BRACKET_WORDS or any(
            p.start == op + 1 and p.end == i - 1 for p in pindex.within(op, i))):
        before = _left_start(lx, text, op, floor, pindex)
        if before < op:
            return before
    return i


#: bracketed words inside a company name besides places (XX(中国)有限公司)
_BRACKET_WORDS = frozenset(("中国", "集团", "控股", "国际"))
def _plural_body(lx: _Lex, body: str) -> bool:
    """The body after a level character names several bodies (市直各单位, 全市): a word 各, 全,
    该, 本, 每 or a determiner, not those characters inside a word (安全生产, 本溪, 全椒)."""
    if _PLURAL_CHARS.isdisjoint(body):
        return False
    return any(w in ("各", "全", "该", "本", "每") or w.startswith(lx.determiners)
               for w in segmenter.words(body, hmm=False))


#: jieba tags of adjectives that make no name after a level character (市优秀工会); not 'an'
#: (卫生, 安全: adjective-nouns that name a department's field: 市卫生局)
_ADJ_TAGS = frozenset(("a", "ad", "ag", "x_a"))
#: characters that abbreviate the writer's own unit before a head (院工会, 校工会, 厂工会)
_UNIT_ABBR = "院校厂矿局所站"
#: dictionary frequency of a word that the first character of a branch head (分) ends
_WORD_FREQ = 1000
#: function characters HMM glues to the first characters of a name (由合 + 和集团, 及庆来 + 学校)
_GLUED_FUNCTION = "由及与和在对向从到经据"


def _proper_tail(lx: _Lex, rest: str, toks: list, k: int) -> bool:
    """``rest`` (an unknown word without its glued function character) with the words after
    it opens a name: the words after it are not all generic (庆来 + 学校, not 全 + 企业)."""
    if not all(_CJK.match(c) for c in rest) or rest[0] in lx.boundary:
        return False
    return (lx.tags.get(rest) or "x")[:1] not in _GLUE_POS


#: jieba tags of a character that HMM glues to a level character (有 + 区, 赴 + 市)
_GLUE_POS = ("v", "p", "c", "d", "r", "u")
#: a count with its measure word (近千名, 三家, 100多个)
_QUANTITY_RE = re.compile(r"^[近约数几多余一二三四五六七八九十两百千万0-9]*"
                          r"[一二三四五六七八九十两百千万几数0-9][余多]?[名家个位户]$")


def _quantity_word(w: str) -> bool:
    return len(w) >= 2 and w[-1] in _MEASURES and _QUANTITY_RE.match(w) is not None


_PLURAL_CHARS = frozenset("各全该本每")


_MEASURES = frozenset("名家个位户")
#: measure words right after a number written in digits (27支队伍, 3所学校, 12座驿站)
_COUNT_MEASURES = frozenset("名家个位户支所座批项")
#: units of a time or date written after a digit (2点, 15日, 3号)
_TIME_UNITS = frozenset("点时日号")


#: Chinese numerals that occur inside names (八一店, 三局)
_CN_DIGITS = frozenset("一二三四五六七八九十零〇百")


def _proper_word(lx: _Lex, w: str) -> bool:
    """``w`` can be the proper part of a township or street name: two to four name characters,
    a noun or a word jieba does not know, no function word, verb or determiner."""
    if not (2 <= len(w) <= 4) or not all(_CJK.match(c) for c in w):
        return False
    if w in lx.stop_words or w in lx.generic or w.startswith(lx.determiners) or w[0] in lx.boundary:
        return False
    tag = lx.tags.get(w)
    return tag is None or tag[:1] == "n" and tag != "nr"


def _conj_place(lx: _Lex, text: str, tpos: int, w: str, place_at: dict) -> bool:
    """A place mention that begins with a conjunction glued to the word before it (大局和县:
    the county 和县 is 和 + 县 here)."""
    return (tpos in place_at and w[:1] in "和与及" and tpos > 0 and bool(_CJK.match(text[tpos - 1]))
            and not any(pe == tpos for _, pe in place_at.values()))


def _is_generic(lx: _Lex, body: str) -> bool:
    """True when a name body has no proper element (各级, 基层, 企业 …)."""
    return _is_generic_cached(body)


@functools.lru_cache(maxsize=4096)
def _is_generic_cached(body: str) -> bool:
    lx = _lex()
    if not body:
        return True
    if body.startswith(lx.determiners):
        return True
    toks = segmenter.words(body, hmm=False)
    if any(w.endswith("级") and len(w) == 2 for w in toks):
        return True  # 村级, 县级: a class of bodies, not a named one
    return all(w in lx.generic or _generic_concat(lx, w) for w in toks)


def _generic_concat(lx: _Lex, w: str) -> bool:
    """``w`` is a run of generic words that jieba keeps as one word (社区卫生 = 社区 + 卫生)."""
    ok = [True] + [False] * len(w)
    for i in range(1, len(w) + 1):
        ok[i] = any(ok[j] and w[j:i] in lx.generic for j in range(max(0, i - 6), i - 1))
    return ok[len(w)]


def _lex_names(lx: _Lex) -> frozenset:
    """The fixed names (media and national bodies), built once."""
    got = getattr(lx, "_lex_names", None)
    if got is None:
        got = frozenset(lx.vocab["media_names"]) | frozenset(lx.vocab["national_orgs"])
        object.__setattr__(lx, "_lex_names", got)
    return got


def _head_ends(lx: _Lex) -> frozenset:
    """The last characters of the heads, built once."""
    got = getattr(lx, "_head_ends", None)
    if got is None:
        got = frozenset(suf[-1] for suf in lx.suffix_kind if suf)
        object.__setattr__(lx, "_head_ends", got)
    return got


def _head_tuples(lx: _Lex) -> tuple:
    """(words after a union head that make it a category, verbs after 组织), as tuples for
    ``str.startswith``, built once."""
    got = getattr(lx, "_head_tuples", None)
    if got is None:
        got = (tuple(lx.vocab["head_not_followed_by"]), tuple(lx.vocab["verbs_after_zuzhi"]))
        object.__setattr__(lx, "_head_tuples", got)
    return got
