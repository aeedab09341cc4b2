"""``python -m unionnlp.extractors.places [--build-resources] [TEXT]``."""
from __future__ import annotations

import sys

from unionnlp.extractors.places import build_resources, find_places, main_place
from unionnlp.extractors.places.gazetteer import DIVISIONS_CSV


def _main(argv: list[str]) -> int:
    if "--build-resources" in argv:
        n = build_resources()
        print(f"wrote {n} divisions to {DIVISIONS_CSV} and the towns beside it")
        return 0
    text = " ".join(a for a in argv if not a.startswith("--")) or sys.stdin.read()
    ps = find_places(text)
    for p in ps:
        print(p)
    print("main:", main_place(text, ps))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
