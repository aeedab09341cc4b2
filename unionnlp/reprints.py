"""Reprints: the same story on several sites (转载, lightly edited copies), found by MinHash-LSH.

Method: each article's clean text is reduced to its CJK characters, letters and digits (so
added spaces, punctuation and line breaks do not matter) and cut into overlapping character
*k*-shingles (k=5); the Jaccard similarity of two shingle sets is estimated with MinHash
(Broder 1997, "On the resemblance and containment of documents") and candidate pairs are found
with locality-sensitive hashing over bands of the signature (Leskovec, Rajaraman & Ullman,
*Mining of Massive Datasets*, ch. 3), as implemented by ``datasketch``. Candidates whose
estimated Jaccard reaches ``threshold`` are linked; clusters are the connected components
(union-find). The canonical copy of a cluster is the earliest published one, ties (and
undated copies, which sort last) broken by id.

Only the signatures are kept in memory (``num_perm`` 64-bit values per article), so a batch can
stream its texts through :class:`ReprintIndex` without holding them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Union

import numpy as np

from .records import Record

__all__ = [
    "ReprintIndex",
    "find_reprints",
    "shingles",
    "signature",
    "SHINGLE_SIZE",
    "NUM_PERM",
    "THRESHOLD",
    "MIN_CHARS",
]

SHINGLE_SIZE = 5
NUM_PERM = 128
#: estimated Jaccard of shingle sets from which two texts count as copies of one story
THRESHOLD = 0.5
#: texts with fewer significant characters than this are never linked (too little evidence)
MIN_CHARS = 40
_SEED = 1
_SCHEME = "affine32"

# keep letters, digits and CJK ideographs; everything else (spaces, punctuation) is dropped
_DROP_RE = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _normalise(text: str) -> str:
    return _DROP_RE.sub("", (text or "")).lower()


def shingles(text: str, k: int = SHINGLE_SIZE) -> set[bytes]:
    """Character k-shingles of the significant characters of ``text`` (UTF-8 encoded)."""
    s = _normalise(text)
    if len(s) < k:
        return {s.encode("utf-8")} if s else set()
    return {s[i : i + k].encode("utf-8") for i in range(len(s) - k + 1)}


def signature(text: str, *, num_perm: int = NUM_PERM, k: int = SHINGLE_SIZE) -> Optional[np.ndarray]:
    """The MinHash signature (``num_perm`` uint64 values) of a text, or None when too short."""
    from datasketch import MinHash

    if len(_normalise(text)) < max(MIN_CHARS, k):
        return None
    m = _minhash(MinHash, num_perm=num_perm, seed=_SEED)
    m.update_batch(list(shingles(text, k)))
    return np.asarray(m.hashvalues, dtype=np.uint64)


def _minhash(cls, **kwargs):
    """A datasketch (Lean)MinHash with the hashing scheme pinned (datasketch ≥ 2 asks for it)."""
    try:
        return cls(scheme=_SCHEME, **kwargs)
    except TypeError:  # datasketch < 2.0: a single scheme, no argument
        return cls(**kwargs)


@dataclass
class _Entry:
    id: str
    published: Optional[str]


class ReprintIndex:
    """Collect article signatures one at a time, then cluster them.

    >>> idx = ReprintIndex()
    >>> idx.add("a", text_a, "2021-03-01"); idx.add("b", text_b, "2021-03-02")
    >>> idx.clusters()   # {"a": ("a", True), "b": ("a", False)} when b copies a
    """

    def __init__(self, *, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        self._entries: list[_Entry] = []
        self._index: dict[str, int] = {}
        self._sigs: list[Optional[np.ndarray]] = []

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, id: str, text: Optional[str], published: Optional[str] = None,
            sig: Optional[np.ndarray] = None) -> None:
        """Add one article (its signature is computed from ``text`` unless ``sig`` is given).

        An id seen before is ignored (the first copy wins), so each id is in one cluster.
        """
        if id in self._index:
            return
        if sig is None:
            sig = signature(text or "", num_perm=self.num_perm)
        elif len(sig) != self.num_perm:
            raise ValueError(f"signature of {id} has {len(sig)} values, expected {self.num_perm}")
        self._index[id] = len(self._entries)
        self._entries.append(_Entry(id, published or None))
        self._sigs.append(None if sig is None else np.asarray(sig, dtype=np.uint64))

    def _links(self) -> list[tuple[int, int]]:
        from datasketch import LeanMinHash, MinHashLSH

        lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        minhashes: dict[int, LeanMinHash] = {}
        links = []
        for i, sig in enumerate(self._sigs):
            if sig is None:
                continue
            m = _minhash(LeanMinHash, seed=_SEED, hashvalues=sig)
            for j in lsh.query(m):
                if m.jaccard(minhashes[j]) >= self.threshold:
                    links.append((j, i))
            lsh.insert(i, m)
            minhashes[i] = m
        return links

    def clusters(self) -> dict[str, tuple[str, bool]]:
        """``id → (cluster_id, is_canonical)``; the cluster id is the canonical copy's id."""
        n = len(self._entries)
        parent = list(range(n))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in self._links():
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        def order(i: int) -> tuple:
            e = self._entries[i]
            return (e.published is None, e.published or "", e.id)

        canonical: dict[int, int] = {}
        for i in range(n):
            r = find(i)
            if r not in canonical or order(i) < order(canonical[r]):
                canonical[r] = i
        out = {}
        for i, e in enumerate(self._entries):
            c = canonical[find(i)]
            out[e.id] = (self._entries[c].id, c == i)
        return out

    def to_arrow(self):
        """The clusters as an Arrow table (id, cluster_id, is_canonical, cluster_size)."""
        import pyarrow as pa

        from .store import REPRINTS_SCHEMA

        clusters = self.clusters()
        sizes: dict[str, int] = {}
        for cid, _ in clusters.values():
            sizes[cid] = sizes.get(cid, 0) + 1
        ids = sorted(clusters)
        return pa.Table.from_arrays(
            [
                pa.array(ids, pa.string()),
                pa.array([clusters[i][0] for i in ids], pa.string()),
                pa.array([clusters[i][1] for i in ids], pa.bool_()),
                pa.array([sizes[clusters[i][0]] for i in ids], pa.int64()),
            ],
            schema=REPRINTS_SCHEMA,
        )


def find_reprints(
    records: Iterable[Union[Record, dict]], *, threshold: float = THRESHOLD
) -> dict[str, tuple[str, bool]]:
    """Group copies of the same story: ``id → (cluster_id, is_canonical)``.

    ``records`` are :class:`~unionnlp.records.Record` objects or their dicts; every record
    appears in the result (an article without copies is its own canonical cluster).
    """
    index = ReprintIndex(threshold=threshold)
    for r in records:
        if isinstance(r, dict):
            index.add(r.get("id") or Record.from_dict(r).id, r.get("text"), r.get("published"))
        else:
            index.add(r.id, r.text, r.published)
    return index.clusters()
