"""Shared fixtures: paths to the real material in ../shared (skipped cleanly when absent)."""
import os
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(os.environ.get("UNIONNLP_SHARED", ROOT.parent / "shared"))


def _need(path: pathlib.Path) -> pathlib.Path:
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared sits beside the repo in CI)")
    return path


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def shared_dir() -> pathlib.Path:
    return _need(SHARED)


@pytest.fixture(scope="session")
def seeds_dir() -> pathlib.Path:
    return _need(SHARED / "seeds")


@pytest.fixture(scope="session")
def devset_dir() -> pathlib.Path:
    return _need(SHARED / "devset")


@pytest.fixture(scope="session")
def external_dir() -> pathlib.Path:
    return _need(SHARED / "external")


@pytest.fixture(scope="session")
def seed_texts(seeds_dir) -> dict:
    """{"000": text, "001": text, ...} for the five seed pages."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


def char_ngrams(texts, n: int = 16) -> set:
    """Every run of ``n`` characters (whitespace removed) of ``texts``: a page of ours sharing one
    with the shared material copied it."""
    grams = set()
    for t in texts:
        t = re.sub(r"\s+", "", t)
        grams.update(t[i:i + n] for i in range(len(t) - n + 1))
    return grams


def checked_statistics(text, **kw) -> list:
    """``find_statistics(text, **kw)``, checking that every evidence is its text's substring."""
    from unionnlp.extractors.statistics import find_statistics

    out = find_statistics(text, **kw)
    for s in out:
        assert text[s.start:s.end] == s.text
    return out
