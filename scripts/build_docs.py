"""Write the generated reference files from the code, so they cannot drift from it:

- ``unionnlp/resources/schema/record.schema.json``: JSON Schema of one output record;
- ``docs/tables.md``: every table of a batch output (Parquet / DuckDB) with its columns;
- with ``--api DIR``: the API reference (HTML, pdoc) of the public modules.

    python scripts/build_docs.py [--api build/api]

``tests/test_docs.py`` fails when the committed files differ from what this script writes.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "unionnlp" / "resources" / "schema" / "record.schema.json"
TABLES_FILE = ROOT / "docs" / "tables.md"
#: the modules whose documentation makes up the API reference (pdoc also walks the submodules
#: a package names in ``__all__``, e.g. ``unionnlp.compare``, so those are not listed again)
API_MODULES = ["unionnlp", "unionnlp.records", "unionnlp.schema", "unionnlp.pipeline",
               "unionnlp.extractors", "unionnlp.preprocessing", "unionnlp.parse", "unionnlp.io",
               "unionnlp.lexicon", "unionnlp.batch", "unionnlp.store", "unionnlp.report",
               "unionnlp.evaluate", "unionnlp.scrape", "unionnlp.errors"]

TABLES_HEAD = """# Tables of a batch output

`unionnlp extract … -o OUT.parquet` writes one folder per table (Parquet parts), and
`unionnlp.open(OUT)` / `unionnlp query OUT "SQL"` show them as DuckDB views. Item tables hold
one row per extracted item with `article_id` (the `articles.id` it belongs to) and `item` (its
position in the record's list); `start`/`end` are character offsets into `articles.text`, so
`substr(text, start + 1, end - start)` is the evidence. The `articles` view adds `cluster_id`
and `is_canonical` from `reprints`. Generated from `unionnlp/schema.py` by
`scripts/build_docs.py`; the JSON form of a record is described by
`unionnlp/resources/schema/record.schema.json`.

"""


def schema_text() -> str:
    from unionnlp.schema import record_json_schema

    return json.dumps(record_json_schema(), ensure_ascii=False, indent=1) + "\n"


def tables_text() -> str:
    from unionnlp.schema import table_reference

    return TABLES_HEAD + table_reference()


def build_api(out: pathlib.Path) -> list:
    """Render the API reference with pdoc into ``out``; returns the HTML files written."""
    import pdoc

    out.mkdir(parents=True, exist_ok=True)
    pdoc.pdoc(*API_MODULES, output_directory=out)
    return sorted(out.rglob("*.html"))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--api", metavar="DIR", help="also build the API reference (HTML) into DIR")
    a = p.parse_args(argv)
    SCHEMA_FILE.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    TABLES_FILE.parent.mkdir(parents=True, exist_ok=True)
    TABLES_FILE.write_text(tables_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE.relative_to(ROOT)} and {TABLES_FILE.relative_to(ROOT)}")
    if a.api:
        files = build_api(pathlib.Path(a.api))
        print(f"wrote {len(files)} HTML pages into {a.api}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
