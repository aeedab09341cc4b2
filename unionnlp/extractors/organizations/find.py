"""``find_organizations``: the rules, the statistical pass the mode asks for, one identity per
body."""
from __future__ import annotations

from typing import Optional, Sequence, Union

from unionnlp.extractors.organizations.abbreviations import _place_chain
from unionnlp.extractors.organizations.canonical import _unify
from unionnlp.extractors.organizations.rules import rule_organizations
from unionnlp.errors import UnionNLPError
from unionnlp.records import Organization, Place

#: ``fast``: the rules, with LAC only on the short clauses where rules and cues disagree;
#: ``accurate``: LAC over every sentence merged with the rules (see the package docstring)
MODES = ("fast", "accurate")
DEFAULT_MODE = "fast"
_BACKENDS = {"rules": "fast", "rules+lac": "accurate"}  # the names of earlier versions


class UnknownMode(UnionNLPError, ValueError):
    """An organization mode other than fast or accurate."""


def resolve_mode(mode: Optional[str] = None, backend: Optional[str] = None) -> str:
    """The mode to run: ``mode`` if given, else the old ``backend`` name, else the default."""

    if mode is None and backend is not None:
        mode = _BACKENDS.get(backend, backend)
    mode = mode or DEFAULT_MODE
    if mode not in MODES:
        raise UnknownMode(f"organization mode must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def find_organizations(text: str, *, place: Union[Place, str, None] = None,
                       places: Sequence[Place] = (), mode: Optional[str] = None,
                       backend: Optional[str] = None) -> list[Organization]:
    """Every organization named in ``text`` (see the package docstring for the method).

    ``name`` is the surface form, ``canonical`` the full form (abbreviations completed with
    ``place``, the article's main place), ``kind`` from the head, ``place`` the canonical place
    of the prefix or of the completion. ``places`` are the place mentions of ``text``
    (computed when empty). ``mode``: ``fast`` (default) or ``accurate`` (:data:`MODES`);
    ``backend`` (``rules`` / ``rules+lac``) is the older name of the same choice.
    """
    mode = resolve_mode(mode, backend)
    if not text or not isinstance(text, str):
        return []
    from unionnlp.extractors import places as pl

    plist = [p for p in (places or pl.find_places(text)) if p.start is not None]
    chain = _place_chain(place)
    out = rule_organizations(text, plist, chain)
    if mode == "accurate":
        from unionnlp.extractors.organizations.statistical import lac_org_spans, merge_statistical

        out = merge_statistical(text, out, lac_org_spans(text), plist, chain)
    _unify(out, plist)
    out.sort(key=lambda o: (o.start, -(o.end or 0)))
    return out
