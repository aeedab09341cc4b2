"""The campaign candidate classifier: logistic regression stored as a feature → weight table."""
from __future__ import annotations

import functools
import json
import math
import pathlib
from typing import Optional

from unionnlp import resources
from unionnlp.errors import LexiconError, NotFitted

from .features import FEATURES_VERSION

__all__ = ["CampaignClassifier", "load_classifier"]


class CampaignClassifier:
    """Logistic regression over :func:`candidate_features`, stored as a feature→weight table.

    Follows scikit-learn's estimator conventions: parameters are set in ``__init__`` only,
    fitted attributes (``weights_``, ``intercept_``) only by :meth:`fit` (or restored by
    :meth:`from_json`), and ``predict``/``predict_proba``/``decision_function`` take a batch
    (a list of feature lists) and return one value per row. ``fit`` uses scikit-learn
    (``DictVectorizer`` + ``LogisticRegression``); prediction is a plain weighted sum, so the
    shipped ``classifier.json`` loads and predicts with the standard library alone.
    """

    #: how many memoised partial sums :meth:`score_parts` keeps
    MEMO_SIZE = 200_000

    #: the parameters, in ``__init__`` order (``get_params``/``set_params``/JSON round trip)
    PARAMS = ("C", "threshold", "min_weight")

    def __init__(self, C: float = 1.0, threshold: float = 0.5, min_weight: float = 1e-3):
        self.C = C
        self.threshold = threshold
        self.min_weight = min_weight

    def get_params(self, deep: bool = True) -> dict:
        return {k: getattr(self, k) for k in self.PARAMS}

    def set_params(self, **params) -> "CampaignClassifier":
        for k, v in params.items():
            if k not in self.PARAMS:
                raise ValueError(f"invalid parameter {k!r} for CampaignClassifier")
            setattr(self, k, v)
        return self

    def fit(self, X: list, y: list) -> "CampaignClassifier":
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        dv = DictVectorizer()
        M = dv.fit_transform([{k: 1 for k in feats} for feats in X])
        lr = LogisticRegression(C=self.C, max_iter=2000, class_weight="balanced")
        lr.fit(M, y)
        names = dv.get_feature_names_out()
        self.weights_ = {str(nm): round(float(w), 4) for nm, w in zip(names, lr.coef_[0])
                         if abs(w) >= self.min_weight}
        self.__dict__.pop("_memo", None)
        self.intercept_ = float(lr.intercept_[0])
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "weights_"):
            raise NotFitted("this CampaignClassifier is not fitted yet: call fit() or from_json()")

    def decision_function(self, X: list) -> list:
        """The linear score of each row (feature list)."""
        self._check_fitted()
        w, b = self.weights_, self.intercept_
        return [b + sum(w.get(k, 0.0) for k in set(feats)) for feats in X]

    def score_parts(self, rows: list) -> list:
        """:meth:`decision_function` for rows given as tuples of feature tuples (from
        :func:`~.features.candidate_feature_parts`); the sum of each tuple is memoised, so a
        name or context seen before costs one look-up. A feature occurring in two parts of a
        row counts twice (the parts hold different feature families)."""
        self._check_fitted()
        w, memo = self.weights_, self.__dict__.setdefault("_memo", {})
        if len(memo) > self.MEMO_SIZE:
            memo.clear()
        out = []
        for parts in rows:
            z = self.intercept_
            for part in parts:
                v = memo.get(part)
                if v is None:
                    v = memo[part] = sum(w.get(k, 0.0) for k in set(part))
                z += v
            out.append(z)
        return out

    def predict_proba(self, X: list, *, parts: bool = False) -> list:
        """``[P(not a campaign), P(campaign)]`` for each row (rows of feature tuples when
        ``parts``)."""
        out = []
        for z in (self.score_parts(X) if parts else self.decision_function(X)):
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            out.append([1.0 - p, p])
        return out

    def predict(self, X: list) -> list:
        """True for each row whose campaign probability reaches ``threshold``."""
        return [p >= self.threshold for _, p in self.predict_proba(X)]

    def to_json(self) -> str:
        self._check_fitted()
        return json.dumps({"model": "logistic-regression", "features": FEATURES_VERSION,
                           **self.get_params(), "intercept": self.intercept_,
                           "weights": self.weights_}, ensure_ascii=False, sort_keys=True, indent=0)

    @classmethod
    def from_json(cls, data: str, *, where: str = "the model") -> "CampaignClassifier":
        """A fitted classifier from :meth:`to_json` output; :class:`~unionnlp.errors.LexiconError`
        (naming ``where``) when it is not one, or was fitted on another feature set."""
        try:
            d = json.loads(data)
            weights, intercept = d["weights"], d["intercept"]
        except (ValueError, KeyError, TypeError) as exc:
            raise LexiconError(f"{where}: not a campaign classifier ({exc})") from None
        if d.get("features") != FEATURES_VERSION:
            raise LexiconError(f"{where}: fitted on features {d.get('features')!r}, this version "
                               f"computes {FEATURES_VERSION!r}: retrain it with "
                               "`unionnlp lexicon train`")
        defaults = cls().get_params()
        clf = cls(**{k: d.get(k, defaults[k]) for k in cls.PARAMS})
        clf.weights_ = {k: float(v) for k, v in weights.items()}
        clf.intercept_ = float(intercept)
        return clf


@functools.lru_cache(maxsize=4)
def load_classifier(path: Optional[str] = None) -> CampaignClassifier:
    """The shipped classifier (``resources/campaigns/classifier.json``) or one at ``path``
    (a file written by ``unionnlp lexicon train``)."""
    if not path:
        return CampaignClassifier.from_json(resources.read_text("campaigns", "classifier.json"),
                                            where="the shipped classifier")
    p = pathlib.Path(path)
    if not p.is_file():
        raise LexiconError(f"{p}: no such campaign classifier file")
    return CampaignClassifier.from_json(p.read_text(encoding="utf-8"), where=str(p))
