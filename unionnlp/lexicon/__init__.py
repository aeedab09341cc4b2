"""Lexicons: the researcher's own names, aliases, merges and blocks (:mod:`.user`), candidates
proposed for review (:mod:`.discover`), and retraining the campaign classifier (:mod:`.train`).
"""
from ..extractors.campaigns import lexicon_words
from .discover import discover
from .train import model_info, read_candidates, train_classifier
from .user import LexiconEntry, UserLexicon, load_lexicon

__all__ = ["UserLexicon", "LexiconEntry", "load_lexicon", "discover", "train_classifier",
           "read_candidates", "model_info", "lexicon_words"]
