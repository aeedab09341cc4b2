"""The generated reference (record JSON Schema, table list, API reference) matches the code,
and real output matches the schema: a renamed field or a stale export fails here."""
import importlib.util
import json
import pathlib
import warnings

import pytest

import unionnlp

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("build_docs", ROOT / "scripts" / "build_docs.py")
build_docs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_docs)


def test_committed_reference_files_are_current():
    assert build_docs.SCHEMA_FILE.read_text(encoding="utf-8") == build_docs.schema_text(), \
        "run: python scripts/build_docs.py"
    assert build_docs.TABLES_FILE.read_text(encoding="utf-8") == build_docs.tables_text(), \
        "run: python scripts/build_docs.py"


def _validator():
    import jsonschema

    schema = json.loads(build_docs.SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_real_output_follows_the_schema():
    v = _validator()
    recs = list(unionnlp.extract_many([ROOT / "corpora" / "sample"]))
    recs.append(unionnlp.extract(b"\x00\x01binary junk"))  # an error record too
    assert len(recs) > 10
    for r in recs:
        errors = sorted(v.iter_errors(json.loads(r.to_json())), key=str)
        assert not errors, f"{r.source}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_the_schema_rejects_a_drifted_record():
    v = _validator()
    d = json.loads(unionnlp.extract("扬州市总工会推进“三培养工程”，2019年全市职工入会率达99%。").to_json())
    d["statistics"][0]["value"] = "ninety-nine"
    d["campaigns"][0]["colour"] = "red"
    messages = {e.message for e in v.iter_errors(d)}
    assert any("ninety-nine" in m for m in messages) and any("colour" in m for m in messages)


def test_api_reference_builds_without_warnings(tmp_path):
    pytest.importorskip("pdoc")  # a test extra; the guard only names it if missing
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # a name in __all__ that does not exist
        files = build_docs.build_api(tmp_path)
    names = {f.relative_to(tmp_path).as_posix() for f in files}
    assert {"index.html", "unionnlp.html", "unionnlp/schema.html", "unionnlp/records.html"} <= names
    page = (tmp_path / "unionnlp.html").read_text(encoding="utf-8")
    assert "def extract" in page or "extract(" in page
