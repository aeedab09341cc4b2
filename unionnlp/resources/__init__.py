"""The package's data files, and the one way to load them.

Each folder holds the data of one stage (``places/``, ``organizations/``, ``campaigns/``,
``statistics/``, ``parse/``, ``preprocessing/``, ``scrape/``) with a README saying where each
file came from. Code never builds paths to these files itself; it asks here::

    from unionnlp import resources
    resources.read_lines("statistics", "units.tsv")     # non-blank lines, '#' comments dropped
    resources.read_table("campaigns", "lexicon.csv")    # list of dicts (CSV or TSV by suffix)
    resources.read_json("places", "vocab.json")
    resources.path("places", "divisions.csv")           # a pathlib.Path, for writers and builders

Files are read through :mod:`importlib.resources`, so they load the same from a source
checkout, an installed wheel or a zip.
"""
from __future__ import annotations

import csv
import io
import json
import pathlib
from importlib import resources as _ir
from typing import Any

__all__ = ["path", "read_text", "read_json", "read_lines", "read_table"]


def path(*parts: str) -> pathlib.Path:
    """Filesystem path of a resource file or folder (``path("places", "divisions.csv")``)."""
    return pathlib.Path(str(_ir.files(__name__).joinpath(*parts)))


def read_text(*parts: str) -> str:
    """A resource file's text (UTF-8)."""
    return _ir.files(__name__).joinpath(*parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    """A JSON resource file, parsed."""
    return json.loads(read_text(*parts))


def read_lines(*parts: str, comment: str = "#") -> list:
    """The non-blank lines of a resource file that do not start with ``comment``."""
    return [ln for ln in read_text(*parts).splitlines()
            if ln.strip() and not (comment and ln.startswith(comment))]


def read_table(*parts: str, delimiter: str | None = None) -> list:
    """Rows of a CSV (``,``) or TSV (tab) resource file with a header line, as dicts;
    lines starting with ``#`` before or between rows are comments."""
    name = parts[-1]
    delim = delimiter or ("\t" if name.endswith(".tsv") else ",")
    lines = [ln for ln in read_text(*parts).splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delim))
