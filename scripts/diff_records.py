"""Compare two JSONL record files item by item (a refactor must not change extraction).

    python scripts/diff_records.py OLD.jsonl NEW.jsonl [--ignore-new-fields]

Records are paired by ``id``. With ``--ignore-new-fields`` (the default), keys that the old
output does not have (fields added to the schema since) are left out of the comparison, so a
refactor that only adds empty fields compares equal. Exit 0 when equal, 1 with a listing of
the first differences otherwise.
"""
from __future__ import annotations

import argparse
import json
import sys


def _load(path):
    with open(path, encoding="utf-8") as fh:
        return {r["id"]: r for r in (json.loads(l) for l in fh if l.strip())}


def _project(new, old):
    """``new`` restricted to the keys ``old`` has (recursively through dicts and lists)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return {k: _project(new.get(k), v) for k, v in old.items()}
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [_project(n, o) for n, o in zip(new, old)]
    return new


def diff(old: dict, new: dict, ignore_new_fields: bool = True) -> list:
    out = []
    for rid in sorted(set(old) | set(new)):
        if rid not in new or rid not in old:
            out.append(f"{rid}: only in {'old' if rid in old else 'new'}")
            continue
        o, n = old[rid], new[rid]
        if ignore_new_fields:
            n = _project(n, o)
        for k in o:
            if o[k] != n.get(k):
                out.append(f"{rid} {o.get('source')}: {k}:\n  old {json.dumps(o[k], ensure_ascii=False)[:300]}"
                           f"\n  new {json.dumps(n.get(k), ensure_ascii=False)[:300]}")
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--strict", action="store_true", help="compare new fields too")
    a = p.parse_args(argv)
    d = diff(_load(a.old), _load(a.new), ignore_new_fields=not a.strict)
    for line in d[:50]:
        print(line)
    print(f"{len(d)} difference(s)")
    return 1 if d else 0


if __name__ == "__main__":
    sys.exit(main())
