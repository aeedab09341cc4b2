"""The names extraction knows: the package lexicon plus a researcher's own lexicon.

A :class:`Vocabulary` joins the package lexicon (:mod:`.lexicon`) with the campaign entries
of a user lexicon (:mod:`unionnlp.lexicon.user`), so the user's names pass through the same
candidate logic as the package's:

- ``add``: the name is a candidate wherever written (quoted or not) and is trusted like a
  lexicon name marked ``unquoted=yes``: the classifier never vetoes it, and it takes
  precedence over package names it overlaps;
- ``block``: not used here: :meth:`~unionnlp.lexicon.user.UserLexicon.apply` removes blocked
  mentions after extraction, by name or canonical name (so a block wins over the package
  lexicon), and logs what it removed;
- ``alias``: the canonical name (and ``campaign_id``) of the variants it names;
- ``model``: the campaign classifier to use instead of the shipped one (a JSON file written
  by ``unionnlp lexicon train``).
"""
from __future__ import annotations

import functools
from typing import Optional

from ..identity import name_key
from .candidates import CLOSE_QUOTES, OPEN_QUOTES, Candidate, context
from .lexicon import LexiconEntry, entry_for, load_lexicon

__all__ = ["Vocabulary", "vocabulary"]

#: how many written names keep their canonical name memoised per vocabulary
CANONICAL_CACHE = 50_000


class Vocabulary:
    """Package lexicon + one user lexicon (or none), with one automaton over every surface."""

    def __init__(self, user=None):
        import ahocorasick

        self.user = user
        entries = [e for e in (user.entries if user is not None else ()) if e.kind == "campaign"]
        self._user: dict = {}
        self.model: Optional[str] = None
        for e in entries:  # later rows win, as in the user lexicon itself
            if e.action == "model":
                self.model = e.name
            elif e.action != "block":
                self._user[name_key(e.name)] = e
        self.aliases = {k: e.target for k, e in self._user.items() if e.action == "alias"}
        self.auto = ahocorasick.Automaton()
        for e in load_lexicon():
            for s in (e.name, *e.aliases):
                if not self.auto.exists(s):
                    self.auto.add_word(s, (s, e, None))
        for e in entries:
            if e.action == "add":
                self.auto.add_word(e.name, (e.name, entry_for(e.name), e))
        self.auto.make_automaton()
        self._canonical: dict = {}

    def canonical(self, name: str) -> str:
        """The canonical name of a written name (:func:`.variants.canonical_name`), memoised."""
        hit = self._canonical.get(name)
        if hit is None:
            from .variants import canonical_name

            if len(self._canonical) >= CANONICAL_CACHE:
                self._canonical.clear()
            hit = self._canonical[name] = canonical_name(name, self)
        return hit

    # -- look-ups -------------------------------------------------------------------------------
    @staticmethod
    def entry(name: str) -> Optional[LexiconEntry]:
        """The package lexicon entry of a written name."""
        return entry_for(name)

    def user_entry(self, name: Optional[str]):
        """The user's add or alias entry for a written name, if any."""
        return self._user.get(name_key(name)) if name and self._user else None

    def alias_target(self, name: Optional[str]) -> Optional[str]:
        """The canonical name the user gives this name, if any."""
        return self.aliases.get(name_key(name)) if name and self.aliases else None

    # -- candidates -----------------------------------------------------------------------------
    def lexicon_candidates(self, text: str) -> list:
        """Every unquoted occurrence of a lexicon or user-added name (overlaps included)."""
        out = []
        n = len(text)
        for end, (surface, entry, user) in self.auto.iter(text):
            e = end + 1
            s = e - len(surface)
            if s > 0 and e < n and text[s - 1] in OPEN_QUOTES and text[e] in CLOSE_QUOTES:
                continue  # exactly quoted: the quoted candidate stands for it
            left, right = context(text, s, e)
            out.append(Candidate(s, e, surface, "lexicon", left, right, False, (s, e),
                                 entry=entry, user=user))
        return out


@functools.lru_cache(maxsize=1)
def _package_vocabulary() -> Vocabulary:
    return Vocabulary(None)


_USER_CACHE: dict = {}
#: how many user vocabularies are kept built (one per distinct lexicon content)
USER_CACHE_SIZE = 8


def vocabulary(user=None) -> Vocabulary:
    """The vocabulary for a user lexicon (a :class:`~unionnlp.lexicon.user.UserLexicon`, paths
    of lexicon files, or None for the package lexicon alone); built once per content."""
    if user is None:
        return _package_vocabulary()
    from ...lexicon.user import UserLexicon

    user = UserLexicon.load(user)
    if not any(e.kind == "campaign" for e in user.entries):
        return _package_vocabulary()
    key = user.fingerprint()
    v = _USER_CACHE.get(key)
    if v is None:
        if len(_USER_CACHE) >= USER_CACHE_SIZE:
            _USER_CACHE.pop(next(iter(_USER_CACHE)))
        v = _USER_CACHE[key] = Vocabulary(user)
    return v

