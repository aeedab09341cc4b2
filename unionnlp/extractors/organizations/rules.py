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
from unionnlp.extractors import segmenter
from unionnlp.extractors.organizations.lexicon import _CJK, _Lex, _lex, org_kind
from unionnlp.extractors.organizations.sources import _sources, drop_byline_tails
from unionnlp.extractors.organizations.spans import _Index, _Span
from unionnlp.extractors.organizations.starts import (_ADJ_TAGS, _WORD_FREQ, _head_ends,
                                                      _head_tuples, _is_generic, _left_start,
                                                      _lex_names, _plural_body, _proper_word)


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
            if _CJK.match(nxt) and (len(key) == 1 and lx.freq.get(key[-1] + nxt, 0) >= 200
                                    or lx.freq.get(key + nxt, 0) > 0):
                continue  # 局面, 大学生 (not 大学 + 科技馆: 学科 is no reason)
        if typ == "suffix" and kind == "union" and text.startswith(
                not_followed, e0) and not text.startswith(_UNION_STAFF, e0) and not (
                text.startswith("组织", e0) and (key != "工会" or text.startswith(
                    after_zuzhi, e0 + 2))):
            continue  # 工会工作者, 工会组织: a category, not a named body (工会组织召开: organised)
        if typ == "suffix" and text.startswith(_ROADS, e0):
            continue  # 南宁市大学 + 西路169号: a street named after the body, not the body
        if key == _GOV_OFFICE[:-1] and text[e0:e0 + 1] == _GOV_OFFICE[-1] and (
                text[e0 + 1:e0 + 2] not in _DOES):
            key, e0 = _GOV_OFFICE, e0 + 1  # 县政府办 (not 政府办公室, 政府办实事)
        if typ == "suffix" and s0 > 0 and text[s0 - 1] in "(（" and text[e0:e0 + 1] in ")）":
            continue  # 龙溪轴承(集团)股份有限公司: a bracketed word inside a name, not a head
        if (typ == "suffix" and kind in _BUILDING_KINDS and text.startswith(_PROJECT, e0)
                and not text.startswith(_PROJECT + "部", e0)):
            continue  # 树兰医院项目, 实验学校项目: a building site, not the body
        prev = orgs[-1] if orgs else None
        if prev is not None and prev["end"] == s0 and typ == "suffix":
            pk = prev["kind"]
            pname = text[prev["start"]:prev["end"]]
            if (key in _GOVERNMENTS and len(pname) == 2 and pname[1] == "委"
                    and pname[0] in lx.vocab["abbr_level_chars"]):
                # 县委政府: the committee and the government of the same level (县委 + 县政府)
                orgs.append(dict(start=s0, end=e0, kind=kind, prefix_end=s0, fixed=False,
                                 shared=pname[0], head_start=s0, shared_start=prev["start"]))
                last_end = e0
                continue
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
            if key in _UNION_DEPTS and pk == "union":
                prev.update(end=e0)  # 全国总工会 + 办公厅, 省总工会 + 权益保障部: its department
                last_end = e0
                continue
            if (key in _UNION_COMMITTEES or key in _TEAM_HEADS) and pk == "union":
                # 青山区总工会 + 女职工委员会: the union's own committee; 工会 + 心理辅导团: its team
                prev.update(end=e0, kind=prev["kind"] if key in _UNION_COMMITTEES else kind)
                last_end = e0
                continue
            last_end = e0
            continue  # internal body of the preceding organization (总工会党组 …)
        if typ == "name":
            if kind == "media" and text.startswith(_APP, e0):
                e0 += len(_APP)  # 工人日报 + 客户端: the outlet's app is named as the source
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
                and not prev["fixed"] and prev["head_start"] > prev["start"] + 1
                and key[0] not in lx.vocab["abbr_level_chars"]
                and text[prev["head_start"]:prev["end"]] in lx.suffix_kind):
            # X党委和工会联合会: the second head shares the first one's name
            orgs.append(dict(start=s0, end=e0, kind=kind, prefix_end=s0, fixed=False,
                             shared=text[prev["start"]:prev["head_start"]], head_start=s0,
                             shared_start=prev["start"]))
            last_end = e0
            continue
        start = _left_start(lx, text, s0, last_end if last_end > 0 else 0, pindex,
                            company=key in lx.legal_forms or key in _BRACKET_WEAK)
        if (start < s0 and typ == "suffix" and key[0] in lx.vocab["abbr_level_chars"]
                and key in lx.abbr_ok and text[s0 - 1] not in lx.vocab["abbr_level_chars"]
                and not _place_before(lx, text, start, s0, pindex)):
            start = s0  # 落实市委: 市委 stands alone (an abbreviation), 落实 is no name
        if kind in _HE_KINDS and start > 0 and text[start - 1] == "和":
            # 县人力资源和保障局, 街道组织人事和社会保障局: 和 inside a department's name
            start = _he_department(lx, text, start, last_end, pindex)
        shared = _list_shared(lx, text, prev, start, s0, kind, pindex)
        if shared is not None:
            # 桐城市人社局、总工会、妇联、交通运输局: the list's items share the first one's place
            orgs.append(dict(start=start, end=e0, kind=kind, prefix_end=start, fixed=False,
                             shared=shared[0], head_start=s0, shared_start=shared[1]))
            last_end = e0
            continue
        if (prev is not None and not prev["fixed"] and kind == "enterprise"
                and prev["kind"] in ("enterprise", "government") and prev["end"] < s0
                and _NUMBERED_UNIT.fullmatch(text, prev["end"], s0)
                and not any(c in lx.boundary for c in text[prev["end"]:s0])):
            # 中建一局 + 一公司, 建工集团 + 路桥三公司: a numbered company of the group before it
            prev.update(end=e0, kind=kind)
            last_end = e0
            continue
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
                and (prev["kind"] in ("enterprise", "school", "other")
                     and (kind in ("enterprise", "union", "party", "other")
                          or kind == "school" and key not in lx.vocab["branch_heads"])
                     or prev["kind"] == kind == "government"
                     # 技师协会 + 服装技师 + 分会: a branch of the association
                     or prev["kind"] == "social" and key == _BRANCH
                     # 上海工会 + 管理学院, 市总工会 + 干部学校: a school or institute of a union
                     or prev["kind"] == "union" and (kind in ("school", "other")
                                                     or key in _TEAM_HEADS)
                     and key not in lx.vocab["branch_heads"]
                     and not _class_words(lx, text[start:s0]))  # (教育工会 + 民办学校分会)
                and _unit_body(lx, text, start, s0)):
            # 峰峰集团 + 大社矿 + 风井区工会: a unit written right after its organization;
            # 市公安局 + 交管局: a bureau's own bureau
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
    out.extend(_listed_firms(lx, text, pindex, out))
    out.extend(_listed_departments(lx, text, chain, out))
    out.extend(_sources(lx, text, out, chain))
    return drop_byline_tails(text, out)


#: road words after a head: the head is part of a street's name (大学西路, 医院路口)
_ROADS = ("东路", "西路", "南路", "北路", "中路", "大道", "大街", "路口", "路段")
#: a government written right after a party committee's abbreviation (县委政府 = 县委 + 县政府)
_GOVERNMENTS = ("政府", "人民政府")
#: a government's general office written short (县政府办); followed by one of :data:`_DOES` the
#: 办 is the verb (县政府办实事, 政府办好) or opens 办公室
_GOV_OFFICE = "政府办"
#: an association's branch (协会 + 服装技师 + 分会)
_BRANCH = "分会"
_DOES = "实事好理成公"

#: kinds of names that hold 和 between two fields (县人力资源和保障局, 市城乡建设和交通工作委员会,
#: 市城乡建设和交通工会)
_HE_KINDS = ("government", "party", "other", "union")


def _he_department(lx, text: str, start: int, floor: int, pindex: "_Index") -> int:
    """Where a department's name begins when 和 joins two fields inside it (县人力资源和保障局,
    街道组织人事和社会保障局, 市教育和体育局): the words before 和 are field words (nouns, or
    words of the department heads such as 组织) led by a place, a bare level character or a
    bare 街道; otherwise (市委和市政府, 职工和家属) the name starts at ``start``."""
    lvl = lx.vocab["abbr_level_chars"]
    if text[start] in lvl or pindex.within(start, start + 1):
        return start  # 昆山市和太仓市人社局: the places are coordinated, not the fields
    j = start - 1
    lo = max(floor if floor > 0 else 0, j - 12)
    seg = text[lo:j]
    m = None
    for k in range(len(seg) - 1, -1, -1):
        if not _CJK.match(seg[k]):
            m = k
            break
    if m is not None:
        lo, seg = lo + m + 1, seg[m + 1:]
    places = {p.end: p.start for p in pindex.within(lo, j) if p.start >= lo}
    toks = segmenter.words(seg, hmm=False) if seg else []
    pos, fields = j, 0
    for w in reversed(toks):
        wstart = pos - len(w)
        if pos in places and fields:
            ps = places[pos]  # 青岚市 + 教育和体育局; 中共 + 上海市 + 城乡建设和交通工作委员会
            return next((ps - len(x) for x in lx.name_prefixes if text.startswith(x, ps - len(x))
                         and ps - len(x) >= lo), ps)
        if fields and (w in lvl or w == _STREET and _street_abbreviation(lx, text, wstart)):
            return wstart  # 县 + 人力资源和保障局, 街道 + 组织人事和社会保障局
        tag = lx.tags.get(w) or "x"
        if not (len(w) >= 2 and (tag[:1] == "n" and tag != "nr" or tag == "vn"
                                 or w in lx.body_ok or w in _field_words(lx))):
            return start
        if w[-1] in _head_ends(lx) and any(w.endswith(h) for h in lx.suffix_kind if len(h) >= 2):
            return start  # 县教育局 + 和 + 交通工会: two bodies, not two fields
        fields += len(w)
        pos = wstart
    if pos in places and fields:
        return places[pos]
    return start


def _field_words(lx) -> frozenset:
    """Words inside the names of government and party heads (组织 of 组织部, 社会 of
    社会保障局): fields a department's name may hold even when jieba tags them as verbs."""
    got = getattr(lx, "_field_words", None)
    if got is None:
        out = set()
        for suf, kind in lx.suffix_kind.items():
            if kind in ("government", "party") and len(suf) >= 3:
                body = suf[:-1]  # 组织 of 组织部, 社会保障 of 社会保障局
                out.update(w for w in segmenter.words(body, hmm=False) + [body] if len(w) >= 2)
        got = frozenset(out)
        object.__setattr__(lx, "_field_words", got)
    return got


#: kinds of bodies named like the building they are in (医院, 学校, 中心): followed by 项目 they
#: name a building site (树兰医院项目), not the body
_BUILDING_KINDS = ("other", "school", "social")
_PROJECT = "项目"
#: a numbered company right after its group (一公司, 路桥三公司): a short field and a numeral
_NUMBERED_UNIT = re.compile(r"[\u4e00-\u9fff]{0,4}?[一二三四五六七八九十]{1,3}")


#: short names of firms listed before 等 + a count of firms (海安橡胶、三福家具等30多家企业) or a
#: kind of firm (万鑫、协诚等示范企业): items of 2-6 characters
_FIRMS_TAIL = (
    r"等(?:(?:[0-9]+|[一二三四五六七八九十两几百]+)[多余]?家|多家)?"
    r"(?:示范|龙头|重点|骨干|知名|规上|会员|民营|非公|优秀|爱心|本地|当地"
    # (a short description of the firms: 在新余开展业务的快递, 主要品牌快递; never of people)
    r"|[^\s\W\d人员工者名位志代表模]{1,12}?)?(?:企业|公司)(?!家)")
_LISTED_FIRMS = re.compile(
    r"((?:[\u4e00-\u9fff]{2,8}、)+(?:[\u4e00-\u9fff]{2,6}和)?[\u4e00-\u9fff]{2,6})" + _FIRMS_TAIL)
#: the last 、 of such a list and what follows it: every match of _LISTED_FIRMS holds one, and
#: the regex engine finds it at once (a literal first), where the list pattern tries every
#: CJK character of the text
_LAST_FIRM = re.compile(r"、[\u4e00-\u9fff]{2,13}" + _FIRMS_TAIL)
#: jieba tags of words that end a list's lead-in (吸引了 + 海安橡胶): verbs and function words
_LEAD_IN_CHARS = "向在由对给为从把被与和及"
_LEAD_IN_TAGS = "vpcdruyt"  # (not numerals: 万鑫, 三福家具 open with one)


def _listed_firms(lx, text: str, pindex: "_Index", found: list) -> list[Organization]:
    """Firms named by their short names in a list before 等 + a count of firms or a kind of
    firm (海安橡胶、三福家具、日晶玻璃等30多家企业 → three enterprises). Every item must read as
    a name: not a place, not a common word, not a generic or trade word (江苏、浙江等地企业 and
    电子、机械等行业企业 name no firm); the words leading into the list (吸引了, 在) are cut off."""
    if "等" not in text or ("企业" not in text and "公司" not in text) or _LAST_FIRM.search(text) is None:
        return []
    out = []
    taken = [(o.start, o.end) for o in found if o.start is not None]
    for m in _LISTED_FIRMS.finditer(text):
        items = m.group(1).split("、")
        if "和" in items[-1] and not _firm_name(lx, items[-1], 0, _Index([])):
            items[-1:] = items[-1].split("和", 1)  # 金米兰和皓然育苗: the last two items
        pos = m.start(1)
        cut = max(items[0].rfind(c) for c in _LEAD_IN_CHARS)
        if 0 <= cut < len(items[0]) - 2:
            pos += cut + 1  # 慰问组向 + 邮政: the words before a function character lead in
            items[0] = items[0][cut + 1:]
        words = segmenter.words(items[0], hmm=False)  # (HMM glues 在 + 鑫岳 into one word)
        while (len(words) > 1 and (lx.tags.get(words[0]) or "x")[:1] in _LEAD_IN_TAGS
               and len(items[0]) - len(words[0]) >= 2):
            pos += len(words[0])
            items[0] = items[0][len(words[0]):]
            words = words[1:]
        spans, failed = [], 0
        for item in items:
            if _firm_name(lx, item, pos, pindex):
                spans.append((item, pos))
            elif any(b == pos + len(item) and a < b - 1 for a, b in taken):
                # 立峰纺织公司、旺成新材料等7家企业: an item the rules already found (its head
                # makes it longer than a short name) vouches for the list
                spans.append((item, pos))
            else:
                failed += 1  # (邮政, 圆通: brands that are common words too)
            pos += len(item) + 1
        if len(spans) < 2 and failed or failed * 2 > len(spans):
            continue  # 江苏、浙江等地企业: not a list of firms
        for item, p0 in spans:
            if any(a < p0 + len(item) and p0 < b for a, b in taken):
                continue
            out.append(Organization(name=item, canonical=item, kind="enterprise", place=None,
                                    start=p0, end=p0 + len(item)))
    return out


def _firm_name(lx, item: str, pos: int, pindex: "_Index") -> bool:
    """``item`` (at ``pos``) reads as a firm's short name: 2-6 characters, not a place, not a
    dictionary word other than a proper name, not generic, trade or a stop word."""
    if not 2 <= len(item) <= 6 or item in lx.generic or item in lx.trade_words \
            or any(c in _LEAD_IN_CHARS for c in item) \
            or item in lx.stop_words or item in lx.body_ok or item.startswith(lx.determiners):
        return False
    if any(p.start <= pos and pos + len(item) <= p.end for p in pindex.within(pos, pos + len(item))):
        return False  # 江苏、浙江: places
    tag = lx.tags.get(item)
    if tag is not None and tag not in ("nz", "nt", "nr", "j"):
        return False  # 电子、机械, 广东 (ns): common words and places
    if item[-1] in lx.vocab["abbr_level_chars"] or item.endswith(tuple(lx.town_words)):
        return False  # 某某县, 某某镇: a place the gazetteer lacks
    words = segmenter.words(item, hmm=False)
    return not any(len(w) >= 2 and (w in lx.generic or w in lx.stop_words) for w in words)


def _class_words(lx, inner: str) -> bool:
    """``inner`` (the body between a place and its head) is made only of words that name a
    class of bodies (民办, 公办, 非公 …): 闵行区民办学校 is the private schools of the district."""
    words = segmenter.words(inner, hmm=False)
    cls = lx.vocab["class_words"]
    return all(w in cls or _split_into(w, cls) for w in words)


def _split_into(w: str, vocab) -> bool:
    return any(w[:k] in vocab and (w[k:] in vocab) for k in range(1, len(w)))


#: kinds of the departments a list names after one place (人社局、总工会、妇联、交通运输局)
_LIST_KINDS = ("government", "union", "social")


def _list_shared(lx, text: str, prev: Optional[dict], start: int, s0: int, kind: str,
                 pindex: "_Index") -> Optional[tuple]:
    """(place, its start) that a department listed right after a placed one shares with it:
    桐城市人社局、总工会、妇联 → 桐城市总工会, 桐城市妇联. The item follows the previous name
    after 、, holds no place, level character, determiner or function word of its own, and both
    are bodies of a government, union or mass organisation; the previous name is a place and
    its head (or an item of the same list)."""
    if (prev is None or prev["fixed"] or prev["end"] != start - 1 or text[start - 1] != "、"
            or kind not in _LIST_KINDS or prev["kind"] not in _LIST_KINDS or start > s0):
        return None
    two = text[start:start + 2]
    if two[:1] in lx.vocab["abbr_level_chars"] and (lx.freq.get(two, 0) == 0 or two in lx.abbr_ok):
        return None  # 、市总工会, 、县妇联: an abbreviation of its own (not 乡村振兴局)
    if text.startswith(tuple(lx.level_words), start):
        return None  # 、自治区人社厅: a level word abbreviates the division itself
    body = text[start:s0]
    if body and (body[0] in lx.boundary
                 or body.startswith(lx.determiners) or pindex.within(start, s0)
                 or not all(_CJK.match(c) for c in body) or len(body) > 6):
        return None
    if body and any(lx.tags.get(w) is None or lx.tags.get(w) in lx.proper_tags
                    for w in segmenter.words(body) if len(w) >= 2):
        return None  # 呈贡区总工会、蒲公英盲友艺术团: an item with its own proper name
    if prev.get("shared") is not None:
        return prev["shared"], prev["shared_start"]
    ps, hs = prev["start"], prev["head_start"]
    if (start == s0 and text[ps] in lx.vocab["abbr_level_chars"] and hs - ps <= 1
            and prev["end"] - ps >= 3
            and (text[hs:prev["end"]] in lx.suffix_kind or text[hs:prev["end"]] == _GOV_OFFICE)
            # (not a bare weak head: 县人社局、工会干部 names no union)
            and not any(text.startswith(w, start) and start + len(w) >= s0 for w in lx.weak_heads)):
        return text[ps], ps  # 县政府办、人社局: the items share the abbreviation's level (县人社局)
    if hs <= ps or prev["prefix_end"] < hs or text[hs:prev["end"]] not in lx.suffix_kind:
        return None  # the previous name must be a place + its head (桐城市 + 人社局)
    return text[ps:hs], ps


def _unit_body(lx, text: str, a: int, b: int) -> bool:
    """text[a:b] names a unit of the body ending at ``a``: a short run of name characters that
    does not begin with a function word (劳动和经济 + 工作部 does; 和 + 帮扶中心 does not)."""
    run = text[a:b]
    return (0 < len(run) <= UNIT_BODY_MAX and all(_CJK.match(c) for c in run)
            and run[0] not in lx.boundary and not run.startswith(lx.determiners)
            # 长宁区司法局 + 指导 + 区法律援助中心: a verb between them, not a unit's name
            and not any(len(w) >= 2 and w in lx.stop_words for w in segmenter.words(run, hmm=False)))


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
    words = segmenter.words(items[0], hmm=False)
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
    if o.get("shared") in lx.vocab["abbr_level_chars"]:
        # 县政府办、人社局: a bare department sharing an abbreviation's level character
        surface = o["shared"] + name
        full = expand_abbreviation(surface, chain_place(chain))
        return [Organization(name=name, canonical=full or surface,
                             kind=o["kind"] or org_kind(surface),
                             place=_chain_canonical(chain, surface[0]) if full else None,
                             start=s, end=e)]
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
                                       or two[1:] == "委"
                                       or _level_then_field(lx, name))
        if is_abbr and two == _MUNICIPAL and not name[1:].startswith(_MUNICIPAL_HEADS):
            is_abbr = False  # 市政公司, 市政工程处: the word 市政 (municipal), not 市 + 政…
        if is_abbr and (len(name) == 2 and name[1] == "委" or
                                _CJK.match(name[1:2] or "") and name[1:] != ""):
            # bare level char: 市总工会, 县委, 市委组织部, 市市场监管局
            if name[:2] in lx.generic:
                return []  # 镇街工会: the towns and streets, not one body
            if name[1:] == lx.vocab["system_head"] and name[0] in "省市县区州" and (
                    text[s - 1:s] in lx.deictic or text.startswith("系统", e)):
                return []  # 本市工会(系统): the unions of the article's division, not a body
            if s > 0 and text[s - 1] in _PAIRED_LEVELS and name[0] in "市县":
                return []  # 各盟市工会, 地市总工会, 旗县工会: the leagues and cities, a plural
            full = expand_abbreviation(name, chain_place(chain))
            rest = name[1:]
            body_ = _strip_head(lx, rest)
            if (rest[:1] in lvl and (lx.freq.get(name[:2], 0) > 0 or name[1:2] in _PLURAL_LEVEL)
                    and not _level_then_field(lx, name)) or \
                    _plural_body(lx, body_):
                return []  # 省市委, 市直各单位工会: plural or generic
            if body_ and all((lx.tags.get(w) or "x") in _ADJ_TAGS for w in
                             segmenter.words(body_, hmm=False)):
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
                and not _named_body(lx, head) and not (
                    o["kind"] in ("government", "other") and _listed_unknown_name(lx, text, s, head)) \
                and not _brand_with_bracketed_place(lx, head):
            return []  # 优秀工会, 镇街党委: a bare head needs a place or a named unit
    else:
        inner = _strip_head(lx, body)
        if inner and inner.startswith(lx.determiners):
            return []
        if text[s:pe].endswith(NATIONAL) and name not in lex_names:
            return []  # 全国工会: only the fixed national names
        if body == lx.vocab["system_head"] and _system_place(plist, s, pe):
            return []  # 浙江省工会: the unions of a province as a system (the body is 总工会)
        toks = segmenter.words(inner, hmm=False) if inner else []
        if toks and all((lx.tags.get(w) or "x")[:1] == "a" for w in toks):
            return []  # 安徽省优秀工会: place + adjective is no name
        if inner and _class_words(lx, inner):
            return []  # 闵行区民办学校, 某县非公企业: a class of bodies in the place
    res = [Organization(name=name, canonical=canonical, kind=_kind_of(lx, o, name),
                        place=org_place, start=s, end=e)]
    if has_place:
        res.extend(_coordinated(lx, text, s, pe, e, body, o, place_by_start, place_by_end, chain))
    return res


_BRACKETED = re.compile(r"^([\u4e00-\u9fff]{2,6})[(（][\u4e00-\u9fff]{2,6}[)）]$")


def _brand_with_bracketed_place(lx, head: str) -> bool:
    """美团(上海) before a weak head: a brand and the bracketed place of its branch (the brand a
    proper word or one jieba does not know)."""
    m = _BRACKETED.match(head)
    if m is None:
        return False
    tag = lx.tags.get(m.group(1))
    return tag is None or tag in lx.proper_tags or _named_body(lx, m.group(1))


def _listed_unknown_name(lx, text: str, s: int, head: str) -> bool:
    """A name jieba does not know (2-4 characters, kept whole by its HMM) standing alone as an
    item of a list before a weak head: 区残联、老顶山司法所 (a township's office; the caller
    asks this only of offices and stations, not of union or party committees)."""
    if s == 0 or text[s - 1] != "、" or not 2 <= len(head) <= 4:
        return False
    if head[0] in lx.boundary or head.startswith(lx.determiners) or not all(_CJK.match(c) for c in head):
        return False
    words = segmenter.words(head)  # 老顶山; 石门 + 岭: unknown, proper or single characters
    return lx.tags.get(head) is None and all(
        len(w) == 1 or lx.tags.get(w) is None or lx.tags.get(w) in lx.proper_tags for w in words)


#: bare departments listed before 等 + a count + the level of the departments (人社局、
#: 总工会、国资委等十六个市级部门)
_LISTED_DEPARTMENTS = re.compile(
    r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})等(?:[0-9]+|[一二三四五六七八九十两几百]+)?[多余]?个?"
    r"([省市县区])级(?:部门|单位|机关)")
_LIST_DEPT_KINDS = ("government", "union", "social")
#: the tail every match of _LISTED_DEPARTMENTS ends with (市级部门, 县级单位)
_LEVEL_DEPARTMENTS = re.compile(r"[省市县区]级(?:部门|单位|机关)")


def _listed_departments(lx, text: str, chain: list[str], found: list) -> list[Organization]:
    """Departments named by their bare heads in a list that says their level (人社局、总工会、
    国资委等十六个市级部门 → the article's city's 人社局 …). Only items that are whole heads of a
    government, union or mass body are taken (组织部 of a party committee is not 市组织部)."""
    if "级" not in text or "等" not in text or _LEVEL_DEPARTMENTS.search(text) is None:
        return []  # (the tail every list needs is looked for before the costly list pattern)
    out = []
    taken = {(o.start, o.end) for o in found if o.start is not None}
    for m in _LISTED_DEPARTMENTS.finditer(text):
        ch = m.group(2)
        pos = m.start(1)
        for item in m.group(1).split("、"):
            if (lx.suffix_kind.get(item) in _LIST_DEPT_KINDS and len(item) >= 2
                    and (pos, pos + len(item)) not in taken):
                full = expand_abbreviation(ch + item, chain_place(chain))
                out.append(Organization(name=item, canonical=full or ch + item,
                                        kind=lx.suffix_kind[item],
                                        place=_chain_canonical(chain, ch) if full else None,
                                        start=pos, end=pos + len(item)))
            pos += len(item) + 1
    return out


#: weak heads written after a brand and a bracketed place (美团(上海)党委, 美团(上海)工会)
_BRACKET_WEAK = frozenset(("党委", "党总支", "党支部", "工会", "工会委员会", "工会联合会"))


#: 市政 (municipal) opens a name as a word; 市 + 政府/政协/政法委 is the level character
_MUNICIPAL = "市政"
_MUNICIPAL_HEADS = ("政府", "政协", "政法", "政务")
#: level words written before 市/县 to name both levels (盟市, 地市, 旗县): a plural
_PAIRED_LEVELS = "盟地旗"
#: level characters that, right after another one, make a plural (地市州总工会, 县区工会)
_PLURAL_LEVEL = "省市州县区"


#: words after a union head that name its staff or working group (遂宁经开区总工会 + 工作人员,
#: 省总工会 + 工作组): the union is named, unlike 工会 + 工作 (union work)
_UNION_STAFF = ("工作人员", "工作组", "工作队")
#: departments of a union written right after it (中华全国总工会办公厅, 省总工会权益保障部)
_UNION_DEPTS = frozenset(("办公厅", "权益保障部", "女职工部", "宣教部", "组织宣传部"))
#: committees of a union written right after it (青山区总工会女职工委员会)
_UNION_COMMITTEES = frozenset(("女职工委员会", "女工委员会"))
#: teams a union names after itself (白城工会 + 志愿者服务队)
_TEAM_HEADS = frozenset(("服务队", "志愿服务队", "志愿队", "救援队", "律师团",
                         # 云浮市工会 + 心理辅导团, 市总工会 + 劳模宣讲团
                         "心理辅导团", "辅导团", "宣讲团", "讲师团"))


#: a medium's app, named as a source after the medium's name
_APP = "客户端"


def _level_then_field(lx, name: str) -> bool:
    """``name`` reads as a bare level character + a department's field even though its first
    two characters make a word (区 + 市场监管局, not 区市; but 省 + 市委 is two levels)."""
    ws = segmenter.words(name, hmm=False)
    return (len(ws) >= 2 and ws[0] == name[0] and len(ws[1]) >= 2 and ws[1] not in lx.abbr_ok
            and ws[1] not in lx.suffix_kind
            and not (ws[1][0] in lx.vocab["abbr_level_chars"] and ws[1][1:] in lx.suffix_kind))


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
    words = segmenter.words(text[start:s0], hmm=False)
    return bool(words) and (lx.tags.get(words[-1]) or "x") == "ns"


def _brand_lead(lx: _Lex, lead: str) -> bool:
    """``lead`` (the text before a place inside a name) is one dictionary word tagged as a proper
    name other than a place: a brand (沃尔玛, 腾讯), not a person's name the dictionary lacks."""
    words = segmenter.words(lead, hmm=False)
    if words and len(words[0]) < 2:
        words = segmenter.words(lead)  # a brand jieba does not know: its HMM keeps it whole (新岳)
    if not words or len(words[0]) < 2:
        return False
    first = lx.tags.get(words[0]) or "x"
    if len(words) == 1:
        return first in ("nr", "nrt", "nz", "nt")
    # 冀中 + 能源 (+ 峰峰集团): a proper word and trade words before the place
    # 顺丰 + 速运 (+ 桃园营业部), 京东 + 快递: a brand and trade words
    # (a brand jieba does not know counts too when trade words follow it: 新岳 + 化学)
    return (first in ("nz", "nt", "ns") or first == "x" and all(_CJK.match(c) for c in words[0])) \
        and all(w in lx.body_ok or w in lx.trade_words for w in words[1:])


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
    words = segmenter.words(head)
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


#: levels of places whose names coordinate before one shared head (省、市、县、镇)
_COORD_LEVELS = ("province", "city", "county", "town")


def _coordinated(lx: _Lex, text: str, s: int, pe: int, e: int, body: str, o: dict,
                 place_by_start: dict, place_by_end: dict, chain: list[str]) -> list[Organization]:
    """长寿区、垫江县总工会 → also 长寿区总工会 (the shared head is completed)."""
    out = []
    first = place_by_start.get(s)
    if first is None or not first.name:
        return out
    tail = text[first.end:e]  # 总工会 (after the most specific leading place)
    if len(tail) < 2:
        return out  # 铁力市、汤旺县、铁力局公司: a one-character head (局) is the name's own
    j = s
    lvl = lx.vocab["abbr_level_chars"]
    while j >= 2 and text[j - 1] in "、和与及":
        q = place_by_end.get(j - 1)
        if q is not None and (q.level == first.level or q.level in _COORD_LEVELS
                              and first.level in _COORD_LEVELS):
            # 湖州市和吴兴区总工会: places of different levels share the head too; the written
            # places before the conjunct belong to its name (浙江省湖州市总工会)
            q0 = q.start
            while q0 in place_by_end and place_by_end[q0].start < q0:
                q0 = place_by_end[q0].start
            written = text[q0:q.end]
            out.append(Organization(name=written + tail, canonical=written + tail,
                                    kind=o["kind"], place=q.canonical, start=q0, end=e))
            j = q0
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
