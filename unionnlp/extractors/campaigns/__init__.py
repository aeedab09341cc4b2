"""Named campaigns, programs, mechanisms, brands and honour titles in clean simplified text.

What counts is defined by the campaigns section of the annotation guidelines
(``devset/GUIDELINES.md``): quoted names (“三培养工程”, “双推”, “42101”), numbered slogans
(三X两Y, 四个一批, 6+N), brand names of local services (“暖心驿站”), honour titles and awards,
fixed unquoted names (党建带工建, 安康杯, 工人先锋号 …, 政治强基行动) and lists of 送-activities —
told apart from quoted emphasis (“顶梁柱”), speech, mottos and strategy slogans, category
labels (“两新”组织), 《documents》, distances (“1公里”) and lone digits.

Method (a span proposer plus a learned candidate filter, in the spirit of spaCy's span ruler
followed by a span classifier):

- :mod:`.candidates` proposes spans by shape and context: quoted phrases, lexicon names,
  unquoted names introduced by the verbs that run or award them (开展, 实施, 推进, 创建, 命名,
  授予, 评选, 荣获 …) and ending in a head noun (…驿站, …之家, …工程, …行动, …竞赛, …号, …奖),
  numbered codes in their full form, lists of 送-activities. Grammar words:
  ``resources/campaigns/frames.tsv``.
- :mod:`.rules` removes what the guidelines exclude by form; :mod:`.lexicon` (curated and
  mined names, ``resources/campaigns/lexicon.csv`` and ``mined.csv``) and the researcher's own
  lexicon (:mod:`.vocabulary`) trust, add and block names.
- :mod:`.classifier` (logistic regression over :mod:`.features`, trained by
  :func:`unionnlp.lexicon.train_classifier` on hand-written contexts and on candidates labelled
  from gold pages, shipped as a JSON weight table) decides the rest.
- :mod:`.find` settles overlaps; :mod:`.variants` gives every mention its canonical name and
  ``campaign_id`` (:func:`unionnlp.extractors.identity.campaign_id`), so variants, short forms
  and “A、B” pair forms share one identity.

Offsets point at the name without its outer quotes: ``text[c.start:c.end]`` is the name as
written (line breaks inside a name, from document-sharing layout, are dropped from ``name``).
:func:`title_campaigns` adds the names a headline gives and the body lacks (quoted or trusted
names only); they carry no offsets (``start``/``end`` None), as the headline is not in the text.
"""
from .candidates import Candidate, find_candidates
from .classifier import CampaignClassifier, load_classifier
from .features import candidate_features
from .find import find_campaigns, title_campaigns
from .lexicon import RESOURCES, KINDS, LexiconEntry, lexicon_words, load_lexicon
from .variants import canonical_name
from .vocabulary import Vocabulary

__all__ = [
    "find_campaigns",
    "title_campaigns",
    "find_candidates",
    "canonical_name",
    "lexicon_words",
    "load_lexicon",
    "load_classifier",
    "candidate_features",
    "CampaignClassifier",
    "Candidate",
    "LexiconEntry",
    "Vocabulary",
    "RESOURCES",
    "KINDS",
]
