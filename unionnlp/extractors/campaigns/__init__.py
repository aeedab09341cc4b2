"""Named campaigns, programs, mechanisms and brand titles in clean simplified text.

What counts is defined by the campaigns section of the annotation guidelines
(``devset/GUIDELINES.md``): quoted names (“三培养工程”, “双推”, “42101”), numbered slogans
(三X两Y, 四个一批, 6+N), fixed unquoted names from a curated lexicon (党建带工建, 安康杯,
工人先锋号 …), unquoted fixed 行动/工程 names after a verb of running (实施政治强基行动) and
lists of 送-activities (送温暖、送清凉、送文化) — told apart from quoted emphasis (“顶梁柱”),
quoted speech, mottos, category labels (“两新”组织) and 《documents》.

Method (in the spirit of a span-ruler plus a candidate filter):

1. *Candidates* come from three cheap sources: quoted spans (“”, ‘’, "", 「」, 『』), a
   trie-compiled regular expression over the lexicon (``resources/campaigns/lexicon.csv``)
   and two patterns for unquoted names. Nothing outside a candidate is ever classified, so the
   cost is one regex pass plus a few dictionary look-ups per candidate.
2. *Hard rules* reject what the guidelines exclude by form: sentence punctuation inside the
   quotes (speech), known non-campaign labels (``non_campaigns.csv``: ideological slogans,
   category labels, dates, metaphors), category-label heads after the quote (组织, 领域, 群体…).
3. A *learned classifier* (logistic regression over character n-grams of the name and hand
   features of the name and its context: leading numeral, suffix 工程/行动/活动/机制/竞赛/杯/号/
   之家, following head noun 活动/工程/要求/机制, preceding verbs 开展/实施/推进/创建/评选,
   following 的/精神, punctuation inside) decides the remaining quoted candidates. It is
   trained by :func:`unionnlp.lexicon.train_classifier` on hand-labelled contexts in
   ``resources/campaigns/candidates.tsv`` and shipped as a JSON table of feature weights
   (``classifier.json``), so prediction needs no scikit-learn at run time.

Offsets point at the name without its outer quotes: ``text[c.start:c.end]`` is the name as
written (line breaks inside a name, from document-sharing layout, are dropped from ``name``).
"""
from .classifier import CampaignClassifier, load_classifier
from .features import candidate_features
from .find import find_campaigns
from .lexicon import RESOURCES, KINDS, LexiconEntry, lexicon_words, load_lexicon

__all__ = [
    "find_campaigns",
    "lexicon_words",
    "load_lexicon",
    "load_classifier",
    "candidate_features",
    "CampaignClassifier",
    "LexiconEntry",
    "RESOURCES",
    "KINDS",
]
