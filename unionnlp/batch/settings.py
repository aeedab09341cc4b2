"""What the workers need to know besides the partition: how to extract.

:class:`Settings` travels to every worker (a process or a Dask worker) as a plain dict, and its
:meth:`~Settings.fingerprint` is part of every partition key: changing the pipeline, the
organization mode or the content of a lexicon or corrections file redoes the partitions it
would change, and a resumed run never mixes records made with different settings.
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Iterable, Optional, Union

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings:
    #: ``"module:function"`` returning a spaCy ``Language``, or None (the direct path)
    pipeline: Optional[str] = None
    #: organization mode: ``fast`` (default) or ``accurate``
    orgs: Optional[str] = None
    #: user lexicon and corrections files (absolute paths), applied to every record
    lexicon: tuple = ()
    #: fingerprint of the lexicon files' content when the settings were made (workers key
    #: their cached lexicon by it, so an edited file is read again)
    lexicon_stamp: str = ""

    @classmethod
    def make(cls, pipeline: Optional[str] = None, orgs: Optional[str] = None,
             lexicon: Union[str, os.PathLike, Iterable, None] = None) -> "Settings":
        """Settings from user arguments: lexicon paths made absolute (workers may run
        elsewhere), the organization mode and the lexicon files checked up front."""
        if isinstance(lexicon, (str, os.PathLike)):
            lexicon = [lexicon]
        paths = tuple(os.path.abspath(p) for p in (lexicon or ()))
        s = cls(pipeline=pipeline or None, orgs=orgs or None, lexicon=paths)
        lex = s.load_lexicon()  # a bad file is an error before any partition runs
        if lex is not None:
            s = cls(s.pipeline, s.orgs, paths, lex.fingerprint())
        if orgs:
            from ..extractors.organizations import resolve_mode

            resolve_mode(orgs)
        return s

    @classmethod
    def from_dict(cls, d: Union[dict, "Settings", str, None]) -> "Settings":
        if isinstance(d, Settings):
            return d
        if d is None or isinstance(d, str):  # a bare pipeline name (older callers)
            return cls(pipeline=d)
        return cls(pipeline=d.get("pipeline"), orgs=d.get("orgs"),
                   lexicon=tuple(d.get("lexicon") or ()), lexicon_stamp=d.get("lexicon_stamp") or "")

    def to_dict(self) -> dict:
        d = asdict(self)
        d["lexicon"] = list(self.lexicon)
        return d

    def load_lexicon(self):
        """The user lexicon these settings name (None without one)."""
        if not self.lexicon:
            return None
        from ..lexicon.user import UserLexicon

        return UserLexicon.load(list(self.lexicon))

    def fingerprint(self) -> str:
        """What partition keys depend on besides the inputs and the library version."""
        parts = []
        if self.pipeline:
            parts.append(self.pipeline)
        if self.orgs and self.orgs != "fast":
            parts.append(f"orgs={self.orgs}")
        if self.lexicon:
            parts.append(f"lexicon={self.lexicon_stamp or self.load_lexicon().fingerprint()}")
        return "|".join(parts)
