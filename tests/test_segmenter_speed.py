"""segmenter.words: cut once per snippet, same words as jieba, a list the caller owns."""
from unionnlp.extractors import segmenter


def test_words_match_jieba_and_are_private_lists():
    dt = segmenter.dictionary()
    for text in ("", "市", "企业", "全市职工积极参加劳动竞赛", "ab 12"):
        for hmm in (True, False):
            got = segmenter.words(text, hmm=hmm)
            assert got == dt.lcut(text, HMM=hmm)
            got.append("x")  # the caller's list: the cache keeps its own copy
            assert segmenter.words(text, hmm=hmm) == dt.lcut(text, HMM=hmm)


def test_single_characters_are_their_own_word():
    dt = segmenter.dictionary()
    for ch in "市,\n a１。工":
        assert segmenter.words(ch) == dt.lcut(ch) == [ch]
