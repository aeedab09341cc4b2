"""Optional HanLP NER backend (extra ``unionnlp[hanlp]``).

HanLP's pretrained NER models (He & Choi 2021, HanLP 2.x; e.g. MSRA NER with ELECTRA) are
downloaded by HanLP on first use, which unionnlp never does implicitly: the model must already be
in HanLP's cache (``HANLP_HOME``) or given as a local path. When hanlp or the model is missing,
:class:`HanLPUnavailable` (a :class:`~unionnlp.errors.BackendUnavailable`) says what to install.

Usage::

    from unionnlp.extractors.hanlp_backend import HanLPTagger
    tagger = HanLPTagger()            # raises HanLPUnavailable if not usable offline
    tagger.organizations(text)        # list[Organization] from ORGANIZATION spans
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from unionnlp.errors import BackendUnavailable
from unionnlp.records import Organization, Place

__all__ = ["HanLPUnavailable", "HanLPTagger", "DEFAULT_MODEL"]

#: HanLP's identifier of the MSRA NER model (ELECTRA small); resolved in HanLP's local cache
DEFAULT_MODEL = "MSRA_NER_ELECTRA_SMALL_ZH"

_ORG_TAGS = {"NT", "ORGANIZATION", "ORG"}
_LOC_TAGS = {"NS", "LOCATION", "LOC", "GPE"}


class HanLPUnavailable(BackendUnavailable):
    """hanlp is not installed or its model is not available offline."""


def _hanlp_home() -> Path:
    return Path(os.environ.get("HANLP_HOME", Path.home() / ".hanlp"))


class HanLPTagger:
    """Load a HanLP NER model from a local path or HanLP's cache, never from the network."""

    def __init__(self, model: str = DEFAULT_MODEL, *, path: Optional[str] = None) -> None:
        try:
            import hanlp
            import hanlp.pretrained.ner as ner_models
        except ImportError as exc:
            raise HanLPUnavailable(
                "hanlp is not installed: pip install 'unionnlp[hanlp]'") from exc
        if path is None:
            url = getattr(ner_models, model, None)
            if url is None:
                raise HanLPUnavailable(f"unknown HanLP NER model {model!r}")
            from hanlp.utils.io_util import path_from_url, split_if_compressed

            # where hanlp.load would have unpacked this model; we refuse to download it
            root, _ = split_if_compressed(path_from_url(url.split("#")[0],
                                                        str(_hanlp_home())))
            local = Path(root)
            if not local.is_dir():
                raise HanLPUnavailable(
                    f"HanLP model {model} is not in {_hanlp_home()}; fetch it once with "
                    f"hanlp.load(hanlp.pretrained.ner.{model}) on a networked machine and copy "
                    "the cache (or set HANLP_HOME), or pass path=")
            path = str(local)
        try:
            self._model = hanlp.load(path)
        except Exception as exc:  # hanlp raises many kinds on a broken model dir
            raise HanLPUnavailable(f"could not load HanLP model from {path}: {exc}") from exc

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, tag) entity spans over ``text`` (character tokens)."""
        if not text:
            return []
        chars = list(text)
        out = []
        for item in self._model(chars):
            _, tag, s, e = item if len(item) == 4 else (None, *item)
            out.append((int(s), int(e), str(tag).upper()))
        return out

    def organizations(self, text: str) -> list[Organization]:
        from unionnlp.extractors.organizations import org_kind

        return [Organization(name=text[s:e], canonical=text[s:e], kind=org_kind(text[s:e]),
                             start=s, end=e) for s, e, t in self.spans(text) if t in _ORG_TAGS]

    def places(self, text: str) -> list[Place]:
        return [Place(name=text[s:e], start=s, end=e)
                for s, e, t in self.spans(text) if t in _LOC_TAGS]
