"""Suffix-anchored organization names: heads extended to the left over words until a
boundary, validated, completed and split (see the package docstring, steps 1-4)."""
from __future__ import annotations

import functools
import re
from typing import Iterable, Optional, Sequence

from unionnlp.records import NATIONAL, Organization, Place
from unionnlp.extractors.organizations.abbreviations import (_chain_canonical, chain_place,
                                                             expand_abbreviation)
from unionnlp.extractors.organizations.abbreviations import _abbreviations
from unionnlp.extractors.organizations.cut import window_words
from unionnlp.extractors.organizations.lexicon import _CJK, _STOP_POS, _Lex, _lex, org_kind
from unionnlp.extractors.organizations.sources import _sources
from unionnlp.extractors.organizations.spans import _Index, _Span


#: characters no name holds: not a CJK character, letter or digit, or a digit (the same test as
#: character test of earlier versions, as one expression run over the window before a head)
_BREAK_RE = re.compile(r"[^\w\u3400-\u9fff]|[_\d\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089"
                       r"\u2460-\u249b\u24ea-\u24ff\u2776-\u2793]")


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
        for w in window_words(text[pos:nxt]):
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
                    len(w) == 1 for w in window_words(run, hmm=False)) and run not in lx.stop_words:
                start = ps
    # place + a trade name with a verb in it + company head (成都 + 云途飞驰 + 网络科技有限公司):
    # a limited company's name is place + trade name + trade + legal form
    if company and start < s0:
        for ps, pe in place_at.values():
            if lo <= ps and 0 < start - pe <= 4:
                run = text[pe:start]
                ws = window_words(run, hmm=False)
                if all(_CJK.match(c) and c not in lx.boundary for c in run) and not any(
                        w in lx.stop_words or w.startswith(lx.determiners) for w in ws):
                    start = ps
    # place + short unknown run + head (大通天和医院): jieba shreds the unknown name
    for ps, pe in place_at.values():
        if start > ps >= lo and 2 <= s0 - pe <= 4:
            run = text[pe:s0]
            if all(_CJK.match(c) for c in run) and all(
                    len(w) == 1 or lx.tags.get(w) is None for w in window_words(run, hmm=False)):
                start = ps
    if company and start == i:
        start = _bracket_lead(lx, text, i, floor, pindex)
    return start


def _bracket_lead(lx: _Lex, text: str, i: int, floor: int, pindex: "_Index") -> int:
    """A company name with a bracketed place inside it (金阳(安徽)环保科技股份有限公司,
    青柏(中国)有限公司): the words before the bracket belong to the name too; ``i`` is where
    the name would start (right after the closing bracket)."""
    if i < 4 or text[i - 1] not in ")）":
        return i
    op = max(text.rfind("(", i - 8, i - 1), text.rfind("（", i - 8, i - 1))
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
               for w in window_words(body, hmm=False))


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
    toks = window_words(body, hmm=False)
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


def rule_organizations(text: str, plist: Sequence[Place], chain: list[str]) -> list[Organization]:
    """The organizations the rules find in ``text`` (steps 1-5 of the package docstring), given
    its place mentions ``plist`` (with offsets) and the article place's chain ``chain``."""
    lx = _lex()
    pindex = _Index(plist)
    place_by_start = {p.start: p for p in plist}
    place_by_end = {p.end: p for p in plist if p.adcode or p.level == "country"}
    false_index = _Index([_Span(m.start(), m.end()) for m in lx.false_re.finditer(text)])
    has_false = bool(false_index.items)
    lex_names = _lex_names(lx)
    not_followed, after_zuzhi = _head_tuples(lx)

    orgs: list[dict] = []
    listed: list[Organization] = []
    last_end = -1
    for end_idx, (typ, key, kind) in lx.auto.iter_long(text):
        e0 = end_idx + 1
        s0 = e0 - len(key)
        if has_false and false_index.overlaps(s0, e0):
            continue
        if (typ == "suffix" and key[0] == "分" and s0 > 0
                and lx.freq.get(text[s0 - 1] + "分", 0) >= _WORD_FREQ):
            # 部分 + 工会, 十分 + 行: 分 ends a word, it does not open a branch head
            if key[1:] not in lx.suffix_kind:
                continue
            key, s0 = key[1:], s0 + 1
            kind = lx.suffix_kind[key]
        if typ == "suffix" and key in lx.right_check and e0 < len(text):
            nxt = text[e0]
            if _CJK.match(nxt) and (lx.freq.get(key[-1] + nxt, 0) >= 200
                                    or lx.freq.get(key + nxt, 0) > 0):
                continue
        if typ == "suffix" and kind == "union" and text.startswith(
                not_followed, e0) and not (
                text.startswith("组织", e0) and (key != "工会" or text.startswith(
                    after_zuzhi, e0 + 2))):
            continue  # 工会工作者, 工会组织: a category, not a named body (工会组织召开: organised)
        prev = orgs[-1] if orgs else None
        if prev is not None and prev["end"] == s0 and typ == "suffix":
            pk = prev["kind"]
            if key in lx.vocab["merge_after_party"] and text[prev["start"]:prev["end"]].endswith("委"):
                prev.update(end=e0, kind="party")
                last_end = e0
                continue
            if key in lx.vocab["internal_units"] and pk in ("enterprise", "school", "other",
                                                            "government", "social"):
                prev.update(end=e0, kind=kind)
                last_end = e0
                continue
            if key in lx.vocab["merge_after_enterprise"] and (
                    pk == "enterprise" or pk == "government" and key in lx.legal_forms):
                prev.update(end=e0, kind="enterprise")  # 造船集团 + 有限公司, 中铁十二局 + 集团有限公司
                last_end = e0
                continue
            if key in lx.vocab["sub_unit_heads"] and pk != "union":
                prev.update(end=e0)  # 聊城市政府 + 新闻办: an office of the body
                last_end = e0
                continue
            last_end = e0
            continue  # internal body of the preceding organization (总工会党组 …)
        if typ == "name":
            start = s0
            pb = place_by_end.get(s0)
            if pb is not None and pb.level != "country" and kind == "media":
                start = pb.start  # 安徽 + 工人日报
            # 中共 + fixed name, place + fixed name stay as written
            orgs.append(dict(start=start, end=e0, kind=kind, prefix_end=s0, fixed=True,
                             head_start=s0))
            last_end = e0
            continue
        if (prev is not None and prev["end"] == s0 - 1 and text[s0 - 1] in "和、及与"
                and not prev["fixed"] and prev["head_start"] > prev["start"]
                and key[0] not in lx.vocab["abbr_level_chars"]
                and text[prev["head_start"]:prev["end"]] in lx.suffix_kind):
            # X党委和工会联合会: the second head shares the first one's name
            orgs.append(dict(start=s0, end=e0, kind=kind, prefix_end=s0, fixed=False,
                             shared=text[prev["start"]:prev["head_start"]], head_start=s0,
                             shared_start=prev["start"]))
            last_end = e0
            continue
        start = _left_start(lx, text, s0, last_end if last_end > 0 else 0, pindex,
                            company=key in lx.legal_forms)
        if (start < s0 and typ == "suffix" and key[0] in lx.vocab["abbr_level_chars"]
                and key in lx.abbr_ok and text[s0 - 1] not in lx.vocab["abbr_level_chars"]
                and not _place_before(lx, text, start, s0, pindex)):
            start = s0  # 落实市委: 市委 stands alone (an abbreviation), 落实 is no name
        if (prev is not None and key in lx.vocab["branch_heads"] and not prev["fixed"]
                and prev["end"] <= start and (_places_only(place_by_start, prev["end"], s0) or (
                    prev["kind"] == "enterprise" and s0 - prev["end"] <= BRANCH_NAME_MAX
                    and _unit_body(lx, text, prev["end"], s0)))):
            prev.update(end=e0)  # XX科技有限公司 + 广州 + 分公司: one name
            last_end = e0
            continue
        if (prev is not None and key in lx.vocab["sub_unit_heads"] and prev["end"] < s0
                and _unit_body(lx, text, prev["end"], s0)):
            # 自贡市总工会 + 困难职工帮扶中心: a unit of the body named right before it
            prev.update(end=e0, kind=prev["kind"] if kind == "other" else kind, fixed=False)
            last_end = e0
            continue
        if (prev is not None and not prev["fixed"] and start == prev["end"] and start < s0
                and prev["kind"] in ("enterprise", "school", "other")
                and kind in ("enterprise", "union", "party", "other")
                and _unit_body(lx, text, start, s0)):
            # 峰峰集团 + 大社矿 + 风井区工会: a unit written right after its organization
            prev.update(end=e0, kind=kind)
            last_end = e0
            continue
        if start == s0:
            listed.extend(_shared_head_list(lx, text, s0, key, kind))
        near = pindex.within(start, e0)
        # place-anchored: a name that contains a place starts at it (马某青海省政协 → 青海省政协)
        inner = [p.start for p in near if start <= p.start < s0 and (p.level != "town" or p.adcode)
                 and not (p.start > start and text[p.start - 1] in "(（")]  # 云杉(江西)新材料
        if inner and inner[0] > start:
            lead = text[start:inner[0]]
            keep = next((x for x in lx.name_prefixes if lead.endswith(x)), None)
            if keep is None and (_brand_lead(lx, lead) or kind == "enterprise" and _abbr_lead(lx, lead)):
                keep = lead  # 沃尔玛 + 南昌 + 八一店: a brand before the branch's place
            start = inner[0] - len(keep) if keep else inner[0]
        # place prefix: contiguous place mentions from start
        pe = start
        while pe in place_by_start and place_by_start[pe].end <= e0 and pe < s0 + len(key):
            nxt = place_by_start[pe]
            if nxt.end > s0 and nxt.end != e0 and not key.startswith(text[s0:nxt.end]):
                break
            pe = nxt.end
        # head that begins with the tail of a place (扬州市委: head 市委 overlaps 扬州市)
        for p in near:
            if p.start < s0 < p.end <= e0 and p.start >= start:
                pe = max(pe, p.end)
        prefix_end = min(pe, e0)
        orgs.append(dict(start=start, end=e0, kind=kind, prefix_end=prefix_end, fixed=False,
                         head_start=s0))
        last_end = e0

    out: list[Organization] = []
    for o in orgs:
        lo = o.get("shared_start", o["start"]) - 1
        out.extend(_finish(lx, text, o, chain, pindex.within(lo, o["end"]),
                           place_by_end, lex_names, place_by_start))
    out.extend(_abbreviations(lx, text, chain, place_by_end, out))
    out.extend(listed)
    out.extend(_sources(lx, text, out, chain))
    return out


def _unit_body(lx, text: str, a: int, b: int) -> bool:
    """text[a:b] names a unit of the body ending at ``a``: a short run of name characters that
    does not begin with a function word (劳动和经济 + 工作部 does; 和 + 帮扶中心 does not)."""
    run = text[a:b]
    return (0 < len(run) <= UNIT_BODY_MAX and all(_CJK.match(c) for c in run)
            and run[0] not in lx.boundary and not run.startswith(lx.determiners))


#: longest name of a unit between a body and the unit's head (困难职工 + 帮扶中心)
UNIT_BODY_MAX = 8
#: longest name of a branch between a company and the branch head (工商银行 + 道前 + 支行)
BRANCH_NAME_MAX = 4


def _places_only(place_by_start: dict, a: int, b: int) -> bool:
    """True when text[a:b] is one or more place mentions (or empty)."""
    while a < b and a in place_by_start:
        a = place_by_start[a].end
    return a == b


#: names listed before a shared head: 鼎山、津舟、联佳等5家律师事务所 (items of 2-6 characters,
#: then 等 with an optional count and measure word)
_LISTED = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6})等"
                     r"(?:[0-9]+|[一二三四五六七八九十两几]+)?[家个所座]?$")


def _shared_head_list(lx, text: str, s0: int, key: str, kind: str) -> list[Organization]:
    """Organizations named by a list of short names sharing the head that follows it."""
    lo = max(0, s0 - 60)
    # (a list holds 、 and ends in 等: without both in the window the pattern cannot match)
    m = _LISTED.search(text, lo, s0) if (text.find("等", lo, s0) != -1
                                         and text.find("、", lo, s0) != -1) else None
    if m is None or lx.suffix_kind.get(key) in (None, "union", "party") or len(key) < 2:
        return []
    out = []
    items = m.group(1).split("、")
    pos = m.start(1)
    words = window_words(items[0], hmm=False)
    while len(words) > 1 and (lx.tags.get(words[0]) or "x")[:1] in "vpcdr":
        pos += len(words[0])  # 来自 + 江津鼎山: the verb before the list is not a name
        items[0] = items[0][len(words[0]):]
        words = words[1:]
    for item in items:
        if not _is_generic(lx, item) and item not in lx.stop_words:
            out.append(Organization(name=item, canonical=item + key, kind=kind, place=None,
                                    start=pos, end=pos + len(item)))
        pos += len(item) + 1
    return out


def _place_canonical(plist: Iterable[Place], start: int, end: int) -> Optional[str]:
    best = None
    for p in plist:
        if start <= p.start and p.end <= end and p.adcode:
            best = p.canonical
    return best


def _finish(lx: _Lex, text: str, o: dict, chain: list[str], plist: list[Place],
            place_by_end: dict, lex_names: set, place_by_start: dict) -> list[Organization]:
    """Validate one candidate; complete abbreviations; split coordinated place prefixes."""
    s, e, pe = o["start"], o["end"], o["prefix_end"]
    name = text[s:e]
    if o.get("shared"):
        full = o["shared"] + name
        return [Organization(name=name, canonical=full, kind=o["kind"] or org_kind(full),
                             place=_place_canonical(plist, o["shared_start"],
                                                   o["shared_start"] + len(o["shared"])),
                             start=s, end=e)]
    if o["fixed"]:
        # only a written place prefix (安徽工人日报), not a place inside the name (新华社)
        pname = _place_canonical(plist, s, o["head_start"])
        return [Organization(name=name, canonical=name, kind=o["kind"], place=pname or
                             (NATIONAL if name.startswith(("全国", "中华全国")) else None),
                             start=s, end=e)]
    body = text[pe:e]
    has_place = pe > s
    canonical = name
    org_place = _place_canonical(plist, s, pe) if pe > s else None
    lvl = lx.vocab["abbr_level_chars"]
    if not has_place:
        if s > 0 and text[s - 1] in _PLURAL_BEFORE:
            return []  # 各社区新时代文明实践站, 每个街道工会: a class of bodies, not one
        lw = name[:3] if len(name) > 3 and name[:3] in lx.level_words else None
        if lw is not None:
            return _level_word_abbr(lx, name, lw, o, chain, s, e)
        two = name[:2]
        is_abbr = name[:1] in lvl and (lx.freq.get(two, 0) == 0 or two in lx.abbr_ok
                                       or two[1:] == "委")
        if is_abbr and (len(name) == 2 and name[1] == "委" or
                                _CJK.match(name[1:2] or "") and name[1:] != ""):
            # bare level char: 市总工会, 县委, 市委组织部, 市市场监管局
            if name[:2] in lx.generic:
                return []  # 镇街工会: the towns and streets, not one body
            if name[1:] == lx.vocab["system_head"] and name[0] in "省市县区州" and (
                    text[s - 1:s] in lx.deictic or text.startswith("系统", e)):
                return []  # 本市工会(系统): the unions of the article's division, not a body
            full = expand_abbreviation(name, chain_place(chain))
            rest = name[1:]
            body_ = _strip_head(lx, rest)
            if (rest[:1] in lvl and lx.freq.get(name[:2], 0) > 0) or \
                    _plural_body(lx, body_):
                return []  # 省市委, 市直各单位工会: plural or generic
            if body_ and all((lx.tags.get(w) or "x") in _ADJ_TAGS for w in
                             window_words(body_, hmm=False)):
                return []
            if full:
                canonical = full
                org_place = None
            res = [Organization(name=name, canonical=canonical, kind=_kind_of(lx, o, name),
                                place=_chain_canonical(chain, name[:1]) if full else None,
                                start=s, end=e)]
            j = s
            while j >= 2 and text[j - 1] in "、和与及" and text[j - 2] in lvl and \
                    (j < 3 or not _CJK.match(text[j - 3])):  # 省、市总工会
                surface = text[j - 2] + name[1:]
                full2 = expand_abbreviation(surface, chain_place(chain))
                res.append(Organization(name=surface, canonical=full2 or surface,
                                        kind=_kind_of(lx, o, name),
                                        place=_chain_canonical(chain, surface[0]) if full2 else None,
                                        start=j - 2, end=e))
                j -= 2
            return res
        head = _strip_head(lx, name)
        if head == _STREET and _street_abbreviation(lx, text, s):
            # 街道总工会, 街道综合文化站 standing alone: the article's street (completed by
            # find._complete_town_abbreviations when the page names one street)
            return [Organization(name=name, canonical=name, kind=_kind_of(lx, o, name),
                                 place=None, start=s, end=e)]
        if len(head) < 2 or _is_generic(lx, head):
            return []
        hk = name[len(head):]
        if hk in lx.weak_heads and not any(u in head for u in lx.unit_words) \
                and not head.startswith(tuple(lx.vocab["weak_head_prefixes"])) \
                and not _named_body(lx, head):
            return []  # 优秀工会, 镇街党委: a bare head needs a place or a named unit
    else:
        inner = _strip_head(lx, body)
        if inner and inner.startswith(lx.determiners):
            return []
        if text[s:pe].endswith(NATIONAL) and name not in lex_names:
            return []  # 全国工会: only the fixed national names
        if body == lx.vocab["system_head"] and _system_place(plist, s, pe):
            return []  # 浙江省工会: the unions of a province as a system (the body is 总工会)
        toks = window_words(inner, hmm=False) if inner else []
        if toks and all((lx.tags.get(w) or "x")[:1] == "a" for w in toks):
            return []  # 安徽省优秀工会: place + adjective is no name
    res = [Organization(name=name, canonical=canonical, kind=_kind_of(lx, o, name),
                        place=org_place, start=s, end=e)]
    if has_place:
        res.extend(_coordinated(lx, text, s, pe, e, body, o, place_by_start, place_by_end, chain))
    return res


#: determiners right before a name without a place that make it a class of bodies
_PLURAL_BEFORE = "各每诸"
#: the level word of a street (subdistrict): 街道总工会 abbreviates the article's street's union
_STREET = "街道"
#: characters before 街道 that make it a class, not the article's street (各街道, 乡镇街道)
_STREET_NOT_AFTER = "各每全诸多镇乡和与及、"


def _street_abbreviation(lx: _Lex, text: str, s: int) -> bool:
    """街道 at ``s`` opens an abbreviation (街道总工会 = the street's own union): it follows
    punctuation, the start, a pronoun (该, 本, 我) or a word that cannot be a name's end."""
    if s == 0 or not _CJK.match(text[s - 1]):
        return True
    prev = text[s - 1]
    if prev in _STREET_NOT_AFTER:
        return False
    return prev in lx.deictic or prev in lx.boundary or (lx.tags.get(prev) or "x")[:1] in "vp"


def _place_before(lx: _Lex, text: str, start: int, s0: int, pindex: "_Index") -> bool:
    """A place ends at (or covers) ``s0``, the start of a head with a level character (扬州市委,
    中共沈丘县委, 潍坊市委), or the word before it is a place name in jieba's dictionary."""
    for p in pindex.within(start, s0 + 1):
        if p.start < s0 <= p.end or p.end == s0:
            return True
    words = window_words(text[start:s0], hmm=False)
    return bool(words) and (lx.tags.get(words[-1]) or "x") == "ns"


def _brand_lead(lx: _Lex, lead: str) -> bool:
    """``lead`` (the text before a place inside a name) is one dictionary word tagged as a proper
    name other than a place: a brand (沃尔玛, 腾讯), not a person's name the dictionary lacks."""
    words = window_words(lead, hmm=False)
    if not words or len(words[0]) < 2:
        return False
    first = lx.tags.get(words[0]) or "x"
    if len(words) == 1:
        return first in ("nr", "nrt", "nz", "nt")
    # 冀中 + 能源 (+ 峰峰集团): a proper word and trade words before the place
    # 顺丰 + 速运 (+ 桃园营业部), 京东 + 快递: a brand and trade words
    return first in ("nz", "nt", "ns") and all(w in lx.body_ok or w in lx.trade_words
                                               for w in words[1:])


def _abbr_lead(lx: _Lex, lead: str) -> bool:
    """``lead`` before a place inside a company's name is one dictionary abbreviation (jieba
    tag j) of a group: 国电 + 怀安 + 热电有限公司, 中铁 + 福州 + 分公司."""
    return 2 <= len(lead) <= 4 and lx.tags.get(lead) == "j"


#: levels whose own union body is a 总工会: place + bare 工会 names their unions as a system
_SYSTEM_LEVELS = ("country", "province", "city", "county")


def _system_place(plist: Sequence[Place], s: int, pe: int) -> bool:
    """The place prefix text[s:pe] ends with a province, city or county."""
    last = [p for p in plist if s <= p.start and p.end == pe]
    return bool(last) and last[-1].level in _SYSTEM_LEVELS


def _named_body(lx: _Lex, head: str) -> bool:
    return _named_body_cached(head)


@functools.lru_cache(maxsize=4096)
def _named_body_cached(head: str) -> bool:
    """The body before a weak head is a named one: a township, street or village with its proper
    name (青石镇, 柳溪街道), or a word jieba's dictionary tags as a proper name (place,
    organisation, brand, abbreviation: 江苏省 when the place step missed it, 腾讯)."""
    lx = _lex()
    for tw in lx.town_words:
        if head.endswith(tw) and len(head) - len(tw) >= 2 and _proper_word(lx, head[:-len(tw)][-4:]):
            return True
    tag = lx.tags.get(head)
    if tag is not None:  # one dictionary word: no need to cut it
        return tag in lx.proper_tags and head not in _NATIONAL_WORDS
    words = window_words(head)
    if not words or words[0] in _NATIONAL_WORDS:
        return False
    if all((lx.tags.get(w) or "x") in lx.proper_tags and len(w) >= 2 for w in words):
        return True
    # a brand and trade words: 京东 + 物流, 苏润 + 机械 (the brand a proper word or one jieba
    # does not know)
    first = lx.tags.get(words[0])
    return (len(words) >= 2 and len(words[0]) >= 2 and all(_CJK.match(c) for c in words[0])
            and (first is None or first in lx.proper_tags)
            and all(w in lx.trade_words for w in words[1:]))


_NATIONAL_WORDS = frozenset(("中国", "中华", "全国", "国家", "中华人民共和国", "我国", "新中国"))


def _level_word_abbr(lx: _Lex, name: str, lw: str, o: dict, chain: list[str], s: int,
                     e: int) -> list[Organization]:
    """自治区总工会, 自治州总工会: completed with the article's division of that level (the name
    as written when the article is elsewhere)."""
    body = _strip_head(lx, name[len(lw):])
    if any(c in "各全该本每" for c in body) or (body and _is_generic(lx, body)
                                               and name[len(lw):] not in lx.suffix_kind):
        return []
    full = expand_abbreviation(name, chain_place(chain))
    return [Organization(name=name, canonical=full or name, kind=_kind_of(lx, o, name),
                         place=_chain_canonical(chain, lw) if full else None, start=s, end=e)]


def _strip_head(lx: _Lex, name: str) -> str:
    if name[-1:] not in _head_ends(lx):
        return name  # (no head ends with this character)
    for k in range(min(len(name), 8), 0, -1):
        if name[-k:] in lx.suffix_kind:
            return name[:-k]
    return name


def _kind_of(lx: _Lex, o: dict, name: str) -> str:
    return o["kind"] or org_kind(name)


def _coordinated(lx: _Lex, text: str, s: int, pe: int, e: int, body: str, o: dict,
                 place_by_start: dict, place_by_end: dict, chain: list[str]) -> list[Organization]:
    """长寿区、垫江县总工会 → also 长寿区总工会 (the shared head is completed)."""
    out = []
    first = place_by_start.get(s)
    if first is None or not first.name:
        return out
    tail = text[first.end:e]  # 总工会 (after the most specific leading place)
    j = s
    lvl = lx.vocab["abbr_level_chars"]
    while j >= 2 and text[j - 1] in "、和与及":
        q = place_by_end.get(j - 1)
        if q is not None and q.level == first.level:
            out.append(Organization(name=q.name + tail, canonical=q.name + tail,
                                    kind=o["kind"], place=q.canonical, start=q.start, end=e))
            j = q.start
            continue
        if text[j - 2] in lvl and (j < 3 or not _CJK.match(text[j - 3])):
            surface = text[j - 2] + tail
            full = expand_abbreviation(surface, chain_place(chain))
            out.append(Organization(name=surface, canonical=full or surface, kind=o["kind"],
                                    place=None, start=j - 2, end=e))
            j = j - 2
            continue
        break
    return out
