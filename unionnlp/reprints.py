"""Reprints: the same story on several sites (转载, lightly edited copies), found by MinHash-LSH.

Method: each article's clean text is reduced to its CJK characters, letters and digits (so
added spaces, punctuation and line breaks do not matter) and cut into overlapping character
*k*-shingles (k=5); the Jaccard similarity of two shingle sets is estimated with MinHash
(Broder 1997, "On the resemblance and containment of documents") and candidate pairs are found
with locality-sensitive hashing over bands of the signature (Leskovec, Rajaraman & Ullman,
*Mining of Massive Datasets*, ch. 3). Signatures are computed here with numpy (the
``datasketch.MinHash`` construction, vectorised over all shingles); the band/row split is
``datasketch.MinHashLSH``'s optimum for the threshold. Candidates whose
estimated Jaccard reaches ``threshold`` are linked; clusters are the connected components
(union-find). Each LSH bucket keeps a few representatives rather than all its entries, so a
story reprinted n times costs about n checks, not n²/2 (union news is reprinted across dozens of
sites). The canonical copy of a cluster is the earliest published one, ties (and undated
copies, which sort last) broken by id.

Only the signatures are kept in memory (``num_perm`` 64-bit values per article), so a batch can
stream its texts through :class:`ReprintIndex` without holding them.
"""
from __future__ import annotations

import functools
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
    "BUCKET_REPRESENTATIVES",
]

SHINGLE_SIZE = 5
NUM_PERM = 128
#: estimated Jaccard of shingle sets from which two texts count as copies of one story
THRESHOLD = 0.5
#: texts with fewer significant characters than this are never linked (too little evidence)
MIN_CHARS = 40
#: representatives an LSH bucket keeps (entries of different stories that fell in it)
BUCKET_REPRESENTATIVES = 16
_SEED = 1

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


_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``num_perm`` random affine maps ``h → (a·h + b) mod p`` (p = 2^61 − 1)."""
    gen = np.random.RandomState(_SEED)
    a = gen.randint(1, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    b = gen.randint(0, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    return a, b


def _shingle_hashes(s: str, k: int) -> np.ndarray:
    """32-bit hashes of the distinct k-shingles of ``s``, computed in bulk with numpy.

    A polynomial hash over the code points of each window (wrapping uint64 arithmetic) followed
    by the splitmix64 finaliser, so nearby windows get unrelated values.
    """
    c = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(c) - k + 1
    with np.errstate(over="ignore"):
        h = c[:n].copy()
        for j in range(1, k):
            h = h * np.uint64(1_000_003) + c[j : j + n]
        h ^= h >> np.uint64(30)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(27)
        h *= np.uint64(0x94D049BB133111EB)
        h ^= h >> np.uint64(31)
    return np.unique(h & _MAX_HASH)


def signature(text: str, *, num_perm: int = NUM_PERM, k: int = SHINGLE_SIZE) -> Optional[np.ndarray]:
    """The MinHash signature (``num_perm`` uint64 values) of a text, or None when too short.

    Same construction as ``datasketch.MinHash`` (affine permutations of 32-bit shingle hashes
    modulo a Mersenne prime, minimum per permutation), vectorised over all shingles at once.
    """
    s = _normalise(text)
    if len(s) < max(MIN_CHARS, k):
        return None
    hv = _shingle_hashes(s, k)
    a, b = _permutations(num_perm)
    with np.errstate(over="ignore"):
        phv = ((np.outer(hv, a) + b) % _MERSENNE) & _MAX_HASH
    return phv.min(axis=0).astype(np.uint64)


@functools.lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising false positives + false negatives at ``threshold``.

    The parameter search of ``datasketch.MinHashLSH`` (equal weights): for every b·r ≤
    num_perm, the integral of P(candidate | s) = 1 − (1 − s^r)^b over s < threshold (false
    positives) plus that of 1 − P over s > threshold (false negatives); integrals by Simpson's
    rule with numpy instead of scipy's quad, which takes ~0.5 s per call.
    """
    def simpson(lo: float, hi: float, f) -> float:
        x = np.linspace(lo, hi, 201)
        y = f(x)
        h = (hi - lo) / 200
        return float(h / 3 * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum()))

    best, opt = float("inf"), (1, 1)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            p = lambda s: 1 - (1 - s ** r) ** b  # noqa: E731 - the S-curve of this (b, r)
            err = simpson(0.0, threshold, p) + simpson(threshold, 1.0, lambda s: 1 - p(s))
            if err < best:
                best, opt = err, (b, r)
    return opt


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
        #: signatures, one row per entry (rows of entries without a signature stay unused)
        self._mat = np.zeros((1024, num_perm), dtype=np.uint64)
        self._has_sig: list[bool] = []

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
        i = len(self._has_sig)
        if i == len(self._mat):
            grown = np.zeros((2 * len(self._mat), self.num_perm), dtype=np.uint64)
            grown[:i] = self._mat
            self._mat = grown
        self._has_sig.append(sig is not None)
        if sig is not None:
            self._mat[i] = sig

    def _band_keys(self, bands: int, rows: int) -> list:
        """One 64-bit key per entry and LSH band: equal band values give equal keys (unequal
        ones collide with probability ~2^-64, and a collision is only a candidate, verified)."""
        mat = self._mat[: len(self._entries)]
        keys = np.empty((len(mat), bands), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for k in range(bands):
                h = np.full(len(mat), np.uint64(k + 1))
                for col in mat[:, k * rows:(k + 1) * rows].T:
                    h = (h ^ col) * np.uint64(0x9E3779B97F4A7C15)
                keys[:, k] = h ^ (h >> np.uint64(29))
        return keys.tolist()

    def _components(self) -> list[int]:
        """Union-find roots after linking verified LSH candidates, in time linear in the copies.

        Each LSH bucket keeps a few *representatives* instead of every entry that fell in it:
        a new entry is verified against the representatives of its buckets (estimated Jaccard
        ≥ threshold) and joins their components; it becomes a representative of a bucket only
        where it matched none of them (a story not yet represented there), at most
        :data:`BUCKET_REPRESENTATIVES` per bucket. A story reprinted n times thus costs about n
        checks instead of n²/2. Sets :attr:`comparisons_`, the signature pairs verified.
        """
        n = len(self._entries)
        parent = list(range(n))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        bands, rows = _bands(self.threshold, self.num_perm)
        keys = self._band_keys(bands, rows)
        tables: list[dict] = [{} for _ in range(bands)]
        mat = self._mat
        self.comparisons_ = 0
        for i in range(n):
            if not self._has_sig[i]:
                continue
            buckets = []
            for table, key in zip(tables, keys[i]):
                reps = table.get(key)
                if reps is None:
                    table[key] = [i]
                else:
                    buckets.append(reps)
            if not buckets:
                continue
            cands = np.array(sorted({j for reps in buckets for j in reps}), dtype=np.int64)
            self.comparisons_ += len(cands)
            # estimated Jaccard = share of equal signature values (MinHash property)
            matched = set(cands[(mat[cands] == mat[i]).mean(axis=1) >= self.threshold].tolist())
            for j in matched:
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
            for reps in buckets:
                if len(reps) < BUCKET_REPRESENTATIVES and matched.isdisjoint(reps):
                    reps.append(i)
        return [find(i) for i in range(n)]

    def clusters(self) -> dict[str, tuple[str, bool]]:
        """``id → (cluster_id, is_canonical)``; the cluster id is the canonical copy's id."""
        roots = self._components()

        def order(i: int) -> tuple:
            e = self._entries[i]
            return (e.published is None, e.published or "", e.id)

        canonical: dict[int, int] = {}
        for i, r in enumerate(roots):
            if r not in canonical or order(i) < order(canonical[r]):
                canonical[r] = i
        out = {}
        for i, e in enumerate(self._entries):
            c = canonical[roots[i]]
            out[e.id] = (self._entries[c].id, c == i)
        return out

    def to_arrow(self):
        """The clusters as an Arrow table (id, cluster_id, is_canonical, cluster_size)."""
        import pyarrow as pa

        from .schema import REPRINTS_SCHEMA

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
