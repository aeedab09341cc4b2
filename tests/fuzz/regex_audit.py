"""Static audit of the package's regular expressions for catastrophic backtracking.

Collects every compiled pattern the package holds (module globals, patterns built at run time by
``lru_cache``d factories, furniture patterns from resource files) and walks each parse tree
(``re._parser``) for the classic exponential shape: a quantified group whose body itself contains
an unbounded quantifier (``(a+)+``, ``(?:x*y?)*``). Bounded nesting (``(?:a{1,4}){2,}``) is
reported separately: polynomial at worst.

``python -m tests.fuzz.regex_audit`` prints the report.
"""
from __future__ import annotations

import importlib
import pkgutil
import re

try:  # Python 3.11+
    from re import _constants as _C, _parser as _P
except ImportError:  # pragma: no cover
    import sre_constants as _C
    import sre_parse as _P

_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT}
_POSSESSIVE = getattr(_C, "POSSESSIVE_REPEAT", None)
UNBOUNDED = _C.MAXREPEAT

#: factories that build patterns at run time (called once, results cached by the package)
_FACTORIES = [
    ("unionnlp.extractors.campaigns", "_lexicon_regex"),
    ("unionnlp.preprocessing.boilerplate", "furniture_patterns"),
]


def iter_patterns():
    """(where, compiled pattern) for every pattern in the unionnlp package."""
    import unionnlp

    seen = set()
    for info in pkgutil.walk_packages(unionnlp.__path__, "unionnlp."):
        if ".resources" in info.name or info.name.endswith((".cli", "__main__")):
            continue
        try:
            mod = importlib.import_module(info.name)
        except Exception:
            continue
        for attr, val in vars(mod).items():
            if isinstance(val, re.Pattern) and id(val) not in seen:
                seen.add(id(val))
                yield f"{info.name}.{attr}", val
    for modname, fn in _FACTORIES:
        try:
            res = getattr(importlib.import_module(modname), fn)()
        except Exception:
            continue
        pats = res if isinstance(res, list) else [res]
        for p in pats:
            p = p[1] if isinstance(p, tuple) else p
            if isinstance(p, re.Pattern) and id(p) not in seen:
                seen.add(id(p))
                yield f"{modname}.{fn}()", p


def _max_inner(items) -> int:
    """Largest repeat bound inside a parsed sub-pattern (0 when none)."""
    best = 0
    for op, av in items:
        if op in _REPEATS:
            best = max(best, av[1], _max_inner(av[2]))
        elif op is _POSSESSIVE or op is getattr(_C, "ATOMIC_GROUP", None):
            continue  # possessive/atomic: no backtracking into them
        elif op == _C.SUBPATTERN:
            best = max(best, _max_inner(av[-1]))
        elif op == _C.BRANCH:
            for b in av[1]:
                best = max(best, _max_inner(b))
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            best = max(best, _max_inner(av[1]))
    return best


def nested_quantifiers(pattern: str, flags: int = 0) -> list:
    """[(kind, outer max, inner max)] for each quantifier that wraps another one.

    ``kind`` is ``"exponential"`` when both the outer and an inner quantifier are unbounded,
    else ``"bounded"``.
    """
    if isinstance(pattern, bytes):
        flags = flags & ~re.UNICODE
    try:
        tree = _P.parse(pattern, flags & ~re.ASCII if not isinstance(pattern, bytes) else flags)
    except Exception:
        tree = _P.parse(pattern)
    found = []

    def walk(items):
        for op, av in items:
            if op in _REPEATS:
                lo, hi, body = av
                inner = _max_inner(body)
                if inner > 1 and hi > 1:
                    kind = "exponential" if (inner == UNBOUNDED and hi == UNBOUNDED) else "bounded"
                    found.append((kind, hi, inner))
                walk(body)
            elif op == _C.SUBPATTERN:
                walk(av[-1])
            elif op == _C.BRANCH:
                for b in av[1]:
                    walk(b)
            elif op in (_C.ASSERT, _C.ASSERT_NOT):
                walk(av[1])

    walk(tree)
    return found


def audit() -> dict:
    """{"patterns": n, "exponential": [(where, pattern)], "bounded": [(where, pattern)]}."""
    out = {"patterns": 0, "exponential": [], "bounded": []}
    for where, p in iter_patterns():
        out["patterns"] += 1
        kinds = {k for k, _, _ in nested_quantifiers(p.pattern, p.flags)}
        src = p.pattern if len(p.pattern) < 160 else p.pattern[:157] + "..."
        if "exponential" in kinds:
            out["exponential"].append((where, src))
        elif "bounded" in kinds:
            out["bounded"].append((where, src))
    return out


def format_audit(res: dict) -> str:
    lines = [f"regex audit: {res['patterns']} patterns, {len(res['exponential'])} with nested "
             f"unbounded quantifiers, {len(res['bounded'])} with bounded nesting"]
    for kind in ("exponential", "bounded"):
        for where, src in res[kind]:
            lines.append(f"  [{kind}] {where}: {src!r}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(format_audit(audit()))
