"""Sources of records for comparison, turned into one set of normalised DataFrames.

A *source* is any of:

- a list (or any iterable) of :class:`~unionnlp.records.Record` or of their dicts, or one of them;
- the path of a JSONL file of records (``unionnlp extract … -o out.jsonl``);
- a batch output folder of Parquet files (``unionnlp extract … -o out.parquet``);
- a DuckDB connection with the views of :func:`unionnlp.store.open`;
- the dict of DataFrames returned by :func:`frames` (or :func:`unionnlp.records_to_frames`).

Anything else raises :class:`~unionnlp.errors.SourceError`, whose message says what is
accepted. :func:`frames` reads a source once; every function of :mod:`unionnlp.compare` calls
it, so passing the dict it returns avoids reading a file again.

Dates: an article's ``date`` and ``year`` come from its publication date. An article without
one takes the year its headline or first sentence states plainly
(:func:`unionnlp.extractors.statistics.document_year`: ``某县2023年工作总结``), with ``year_basis``
``"text"`` and no ``date``; articles with neither stay undated (``year`` missing) and are
listed by :func:`unionnlp.compare.undated`.
"""
from __future__ import annotations

import difflib
import json
import os
import pathlib
import unicodedata
from typing import Any, Iterable, Optional, Union

import pandas as pd

from .. import store
from ..errors import SourceError, UnknownName
from ..records import Record
from ..reprints import find_reprints
from ..schema import TABLES, records_to_frames
from .codes import level_of

__all__ = ["Source", "SOURCES", "frames", "campaign_identities", "select_articles", "place_key",
           "clean_name", "table_or_source", "require_campaign", "require_metric"]

Source = Union[str, os.PathLike, Iterable[Record], Record, dict, Any]

#: what a source may be, as the error messages say it
SOURCES = ("records (a list of Record or of their dicts), the path of a JSONL file of records, "
           "a batch output folder, a DuckDB connection from unionnlp.open(), or the dict "
           "returned by unionnlp.compare.frames()")

#: how many of the closest names (difflib) an unknown campaign or metric is answered with
CLOSE_NAMES = 5
#: difflib similarity a name needs to be offered as close (short CJK names: one shared
#: character of three already scores 0.33)
CLOSE_CUTOFF = 0.3

_QUOTES = "“”\"'‘’「」『』《》〈〉"


def clean_name(name: Any) -> Optional[str]:
    if name is None or (isinstance(name, float) and pd.isna(name)):
        return None
    s = unicodedata.normalize("NFKC", str(name)).strip().strip(_QUOTES).strip()
    return s or None


# --------------------------------------------------------------------------------------------
# readers
# --------------------------------------------------------------------------------------------
def _from_records(records: Iterable[Any]) -> dict:
    recs = []
    for i, r in enumerate(records):
        if isinstance(r, Record):
            recs.append(r)
        elif isinstance(r, dict):
            recs.append(Record.from_dict(r))
        else:
            raise SourceError(f"item {i} of the records is a {type(r).__name__}, not a Record or "
                              f"a record dict; a source is {SOURCES}")
    fr = records_to_frames(recs)
    meta = {r.id: r.meta or {} for r in recs}
    need = any("is_canonical" not in m for m in meta.values())
    found = find_reprints(recs) if need and recs else {}
    arts = fr["articles"]
    cluster, canonical = [], []
    for i in arts["id"]:
        m = meta.get(i, {})
        c, k = found.get(i, (i, True))
        cluster.append(m.get("cluster_id", c))
        canonical.append(m.get("is_canonical", k))
    arts["cluster_id"] = cluster
    arts["is_canonical"] = canonical
    arts["text"] = [r.text for r in recs]
    return fr


def _from_duckdb(con) -> dict:
    names = {row[0] for row in con.execute(
        "select table_name from information_schema.tables").fetchall()}
    return {t: con.execute(f"select * from {t}").df() if t in names else pd.DataFrame()
            for t in TABLES}


def _from_path(path: pathlib.Path) -> dict:
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder; a source is {SOURCES}")
    if path.is_dir() and not ((path / "manifest.json").exists()
                              or any((path / t).is_dir() for t in TABLES)):
        raise SourceError(f"{path}: a folder without a batch output (no manifest.json, no table "
                          f"folders); a source is {SOURCES}")
    con = store.open(path)  # a JSONL file is loaded with its reprints computed on the way
    try:
        return _from_duckdb(con)
    finally:
        con.close()


def _is_duckdb(source: Any) -> bool:
    return hasattr(source, "execute") and hasattr(source, "sql")


def frames(source: Source, *, lexicon=None) -> dict:
    """Normalise any supported source into ``{"articles", "places", "organizations",
    "campaigns", "statistics", "events", "errors"}`` DataFrames.

    ``lexicon``: a user lexicon or corrections file (path, paths, or a
    :class:`~unionnlp.lexicon.UserLexicon`) applied to the tables first: the researcher's
    own names, merges, blocks and per-article fixes, so every comparison built on the returned
    frames respects them (pass the frames on as the source).

    ``articles`` gains ``date`` and ``year`` (from the publication date, else ``year`` from a
    year the text states, see ``year_basis``: ``published``, ``text`` or missing),
    ``place_level`` (from the code when missing), ``is_canonical`` and ``cluster_id``;
    ``campaigns`` gains ``campaign`` (canonical or name); ``organizations`` gains
    ``organization`` (canonical or name). Raises :class:`~unionnlp.errors.SourceError` for
    anything that is not a source.
    """
    if isinstance(source, dict) and isinstance(source.get("articles"), pd.DataFrame):
        if source.get("_normalised") and lexicon is None:
            return source
        fr = {k: v.copy() for k, v in source.items() if isinstance(v, pd.DataFrame)}
    elif isinstance(source, (str, os.PathLike)):
        fr = _from_path(pathlib.Path(source))
    elif _is_duckdb(source):
        fr = _from_duckdb(source)
    elif isinstance(source, (Record, dict)):
        fr = _from_records([source])
    elif isinstance(source, (pd.DataFrame, pd.Series, bytes, bytearray)) or not hasattr(source, "__iter__"):
        raise SourceError(f"a {type(source).__name__} is not a source; a source is {SOURCES}")
    else:
        fr = _from_records(source)
    if lexicon is not None:
        from ..lexicon.user import UserLexicon

        fr = UserLexicon.load(lexicon).apply_frames(fr)
    return _normalise(fr)


# --------------------------------------------------------------------------------------------
# normalisation
# --------------------------------------------------------------------------------------------
def _normalise(fr: dict) -> dict:
    fr = dict(fr)
    empty = records_to_frames([])
    for t in TABLES:
        if t not in fr or fr[t] is None or (fr[t].empty and len(fr[t].columns) == 0):
            fr[t] = empty[t].copy()
    a = fr["articles"]
    for col in ("place", "place_code", "published", "title", "outlet", "url", "cluster_id"):
        if col not in a.columns:
            a[col] = None
    if "is_canonical" not in a.columns:
        a["is_canonical"] = True
    if "meta" in a.columns:  # a reprint flag set on the record itself wins (store keeps meta as JSON)
        for i, m in a["meta"].items():
            if isinstance(m, str) and m.startswith("{"):
                try:
                    m = json.loads(m)
                except ValueError:
                    continue
            if isinstance(m, dict) and "is_canonical" in m:
                a.at[i, "is_canonical"] = bool(m["is_canonical"])
                a.at[i, "cluster_id"] = m.get("cluster_id", a.at[i, "cluster_id"])
    a["is_canonical"] = a["is_canonical"].map(lambda v: True if v is None or pd.isna(v) else bool(v))
    a["place_code"] = a["place_code"].map(lambda c: None if c is None or pd.isna(c) else str(c))
    lvl = a["place_code"].map(level_of)
    if "place_level" in a.columns:
        a["place_level"] = a["place_level"].where(a["place_level"].notna(), lvl)
    else:
        a["place_level"] = lvl
    _date_articles(a)
    a["place"] = a["place"].where(a["place"].notna(), None)
    fr["articles"] = a
    fr["campaigns"] = _with_identity(fr["campaigns"], "campaign", "campaign_id")
    fr["organizations"] = _with_identity(fr["organizations"], "organization", "org_id")
    fr["_normalised"] = True
    return fr


def _date_articles(a: pd.DataFrame) -> None:
    """``date``/``year`` from the publication date; for articles without one, ``year`` from
    the year their headline or first sentence states (``year_basis`` says which)."""
    a["date"] = pd.to_datetime(a["published"].astype("string").str.slice(0, 10), errors="coerce")
    a["year"] = a["date"].dt.year.astype("Int64")
    a["year_basis"] = a["date"].map(lambda d: None if pd.isna(d) else "published").astype(object)
    missing = a.index[a["date"].isna()]
    if not len(missing):
        return
    from ..extractors.statistics import document_year

    for i in missing:
        text = a.at[i, "text"] if "text" in a.columns else None
        title = a.at[i, "title"]
        text = text if isinstance(text, str) else ""
        title = title if isinstance(title, str) else None
        year = document_year(text, title=title) if (text or title) else None
        if year is not None:
            a.at[i, "year"] = year
            a.at[i, "year_basis"] = "text"


def _with_identity(df, column: str, id_column: str):
    """Add ``column``: the name an item is counted under. Items sharing an id (``campaign_id``,
    ``org_id``: variants and short forms of one campaign or body) share one name, the most
    frequent canonical among them; items without an id go by their canonical, else their name."""
    if not len(df):
        df[column] = pd.Series(dtype=object)
        return df
    canon = df["canonical"] if "canonical" in df.columns else pd.Series([None] * len(df), index=df.index)
    names = [clean_name(k) or clean_name(n) for k, n in zip(canon, df["name"])]
    ids = df[id_column] if id_column in df.columns else pd.Series([None] * len(df), index=df.index)
    votes: dict = {}
    for i, n in zip(ids, names):
        if isinstance(i, str) and i and n:
            votes.setdefault(i, {}).setdefault(n, 0)
            votes[i][n] += 1
    shown = {i: max(v.items(), key=lambda kv: (kv[1], -len(kv[0]), kv[0]))[0] for i, v in votes.items()}
    df[column] = [shown.get(i, n) if isinstance(i, str) else n for i, n in zip(ids, names)]
    return df


# --------------------------------------------------------------------------------------------
# shared selections
# --------------------------------------------------------------------------------------------
def select_articles(fr: dict, include_reprints: bool) -> pd.DataFrame:
    """The articles to count: all, or (by default) one per story, reprints left out."""
    a = fr["articles"]
    return a if include_reprints else a[a["is_canonical"].astype(bool)]


def place_key(df: pd.DataFrame) -> pd.Series:
    """A place identity: the code when known, else the name."""
    return df["place_code"].where(df["place_code"].notna(), df["place"])


def campaign_identities(source: Source, term: str, *, exact: bool = False) -> set:
    """Campaign identities (canonical, else name) that ``term`` designates: those whose
    identity, surface name or canonical equals ``term`` (``exact=True``) or contains it, so
    that ``三培养工程`` finds a lexicon entry canonicalised as ``三培养`` through its mentions."""
    fr = frames(source)
    c = fr["campaigns"]
    want = clean_name(term)
    if c.empty or not want:
        return set()
    out = set()
    canon = c["canonical"] if "canonical" in c.columns else pd.Series([None] * len(c), index=c.index)
    for ident, name, can in zip(c["campaign"], c["name"], canon):
        forms = {f for f in (ident, clean_name(name), clean_name(can)) if f}
        if (want in forms) if exact else any(want in f for f in forms):
            out.add(ident)
    return out


def _unknown(kind: str, want: str, names: pd.Series) -> UnknownName:
    """The error for a name the source does not hold: the closest names by difflib, else
    (nothing alike) the most frequent ones."""
    counts = names[names.map(lambda n: isinstance(n, str) and bool(n))].value_counts()
    if counts.empty:
        return UnknownName(f"no {kind} {want!r}: the source holds no {kind}")
    close = difflib.get_close_matches(want, list(counts.index), n=CLOSE_NAMES, cutoff=CLOSE_CUTOFF)
    hint = (f"closest: {', '.join(close)}" if close
            else f"most frequent: {', '.join(counts.index[:CLOSE_NAMES])}")
    return UnknownName(f"no {kind} {want!r} in the source ({hint})")


def require_campaign(source: Source, term: str) -> set:
    """The campaign identities ``term`` designates (see :func:`campaign_identities`), or
    :class:`~unionnlp.errors.UnknownName` naming the closest campaigns of the source."""
    fr = frames(source)
    found = campaign_identities(fr, term)
    if found:
        return found
    c = fr["campaigns"]
    raise _unknown("campaign", term, c["campaign"] if len(c) else pd.Series(dtype=object))


def require_metric(source: Source, term: str) -> list:
    """The metrics of the source that contain ``term`` (``入会率`` → ``职工入会率`` …), or
    :class:`~unionnlp.errors.UnknownName` naming the closest metrics of the source."""
    fr = frames(source)
    s = fr["statistics"]
    names = s["metric"] if "metric" in s.columns else pd.Series(dtype=object)
    found = sorted({n for n in names if isinstance(n, str) and term in n})
    if found:
        return found
    raise _unknown("metric", term, names)


def table_or_source(obj: Any, columns: Iterable[str], make, what: str, **kwargs) -> pd.DataFrame:
    """``obj`` itself when it is a DataFrame with ``columns`` (a table a compare function
    returned), else ``make(obj, **kwargs)`` computed from ``obj`` as a source. A DataFrame
    without those columns raises :class:`~unionnlp.errors.SourceError` naming both."""
    if isinstance(obj, pd.DataFrame):
        missing = sorted(set(columns) - set(obj.columns))
        if missing:
            raise SourceError(f"{what} takes the table of {make.__name__}() or a source; this "
                              f"DataFrame lacks the columns {', '.join(missing)} (a source is {SOURCES})")
        return obj
    return make(obj, **kwargs)
