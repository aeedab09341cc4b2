"""The faster paths of the organization and campaign steps give exactly what the plain ones
give: the lean window cut (jieba's words), the source-pattern scan, the last-break search and
the grammar's edge-character look-ups. Sentences are invented for these tests."""
from __future__ import annotations

import random

import pytest

from unionnlp.extractors import segmenter
from unionnlp.extractors.campaigns.grammar import grammar
from unionnlp.extractors.organizations import starts
from unionnlp.extractors.organizations.lexicon import _lex
from unionnlp.extractors.organizations.sources import _finditer

SENTENCES = [
    "青石镇总工会联合县人社局举办春季招聘会为外来务工人员送岗位",
    "柳溪街道工会委员会和大通天和医院工会共同开展职工健康讲座",
    "据东江晚报报道该市总工会为环卫工人建起二十个爱心驿站",
    "南山区总工会组织快递小哥参加技能比武并表彰一批优秀选手",
    "金阳环保科技股份有限公司工会主席介绍了企业民主管理经验",
    "县委组织部和县总工会联合下发通知要求各乡镇做好职工服务",
]


def _substrings(s: str, longest: int = 26):
    for a in range(len(s)):
        for b in range(a + 1, min(len(s), a + longest) + 1):
            yield s[a:b]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_window_cut_is_jiebas_cut(sentence):
    dt = segmenter.dictionary()
    for sub in _substrings(sentence):
        assert segmenter.words(sub) == dt.lcut(sub, HMM=True), sub
        assert segmenter.words(sub, hmm=False) == dt.lcut(sub, HMM=False), sub


def test_window_cut_other_text_goes_to_jieba():
    for s in ["", "会", "ABC工会", "2024年工会", "工会 组织", "Ａ股公司工会"]:
        for hmm in (True, False):
            assert segmenter.words(s, hmm=hmm) == segmenter.words(s, hmm=hmm)


def test_source_scan_finds_the_same_matches():
    lx = _lex()
    rnd = random.Random(7)
    parts = ["（东江网讯）", "\n 河西日报 2024年3月", "据南山晚报报道", "来源：东江网", "\n",
             "山城新闻网记者", "北岸台消息", "3月5日讯", "工会", "报", "网", "讯", " ", "据", "报道"]
    texts = ["".join(rnd.choice(parts) for _ in range(rnd.randint(1, 30))) for _ in range(300)]
    for text in texts:
        for rx, needs in zip(lx.source_res, lx.vocab["source_pattern_needs"]):
            for lo, hi in ((0, len(text)), (min(3, len(text)), len(text)), (0, len(text) // 2)):
                want = [(m.span(), m.groups()) for m in rx.finditer(text, lo, hi)]
                got = [(m.span(), m.groups()) for m in _finditer(rx, needs, text, lo, hi)]
                assert got == want, (text, rx.pattern, lo, hi)


def test_last_break_is_the_last_of_all_breaks():
    rnd = random.Random(3)
    alphabet = "工会市总县a1_２²①，。 \n-（）一二é\u3400"
    for _ in range(2000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        last = lo
        for m in starts._BREAK_RE.finditer(text, lo, hi):
            last = m.end()
        m = starts._LAST_BREAK_RE.match(text, lo, hi)
        assert (m.end() if m else lo) == last


def test_grammar_lookups_match_the_plain_loops():
    gr = grammar()
    left_cues, right_cues = set(gr.cue_left), set(gr.cue_right)
    chars = "".join({c for w in (*gr.cue_left, *gr.cue_right, *gr.heads, *gr.not_tail) for c in w})
    rnd = random.Random(11)
    for _ in range(5000):
        s = "".join(rnd.choice(chars + "的了，") for _ in range(rnd.randint(0, 9)))
        assert gr.ends_with_cue(s) == [s[-k:] for k in range(1, len(s) + 1) if s[-k:] in left_cues]
        assert gr.starts_with_cue(s) == [s[:k] for k in range(1, len(s) + 1) if s[:k] in right_cues]
        head = next((s[-k:] for k in range(len(s), 0, -1) if s[-k:] in gr.heads), "")
        assert gr.head_of(s) == head
        tail = next((gr.not_tail[s[-k:]] for k in range(min(len(s), 5), 0, -1)
                     if gr.not_tail.get(s[-k:])), "")
        assert gr.not_a_campaign(s) == tail


def test_cuts_follow_words_deleted_from_and_added_to_jiebas_dictionary():
    """A word the user's own code deletes (frequency 0: the total does not move) or adds to
    jieba's global dictionary is seen by the next cut, on both the plain and the fast path."""
    from jieba import finalseg

    j = segmenter.jieba()
    dt = segmenter.dictionary()
    text = "职工代表参加座谈会"
    touched = ["座", "座谈", "座谈会", "代", "代表", "代表参", "代表参加"]
    saved = {w: dt.FREQ[w] for w in touched if w in dt.FREQ}
    saved_total, saved_splits = dt.total, set(finalseg.Force_Split_Words)
    before = segmenter.words(text)
    assert "座谈会" in before and "座谈会" in segmenter.words(text)
    try:
        j.del_word("座谈会")
        assert "座谈会" not in segmenter.words(text)
        assert "座谈会" not in segmenter.words(text)
        j.add_word("代表参加", 10**8)
        assert "代表参加" in segmenter.words(text)
        assert "代表参加" in segmenter.words(text)
    finally:
        for w in touched:
            if w in saved:
                dt.FREQ[w] = saved[w]
            else:
                dt.FREQ.pop(w, None)
        dt.total = saved_total
        finalseg.Force_Split_Words.clear()
        finalseg.Force_Split_Words.update(saved_splits)
    assert segmenter.words(text) == before and segmenter.words(text) == before
