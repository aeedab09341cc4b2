"""The README is a contract: every Python and shell example in it runs, in order, in a fresh
folder beside the bundled corpus, and every public name it shows exists.

A fenced block marked ``python`` or ``sh`` is run; one preceded by the line
``<!-- readme-test: skip (reason) -->`` is not (it installs packages, needs a live site, or is
what CI runs itself); ``text`` and ``json`` blocks are shown output. Python blocks share one
namespace, as in a notebook; shell blocks run with ``bash -e`` and the ``unionnlp`` command of
this environment first on the PATH.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SKIP = re.compile(r"<!--\s*readme-test:\s*skip\s*\((?P<why>[^)]+)\)\s*-->")
FENCE = re.compile(r"^```(?P<lang>[a-z]*)\s*$")


def blocks(text: str) -> list:
    """``(lang, code, line, skip reason or None)`` for every fenced block of the README."""
    out, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, lang = i, m.group("lang")
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        prev = next((lines[k] for k in range(start - 1, -1, -1) if lines[k].strip()), "")
        skip = SKIP.search(prev)
        out.append((lang, "\n".join(lines[start + 1:j]), start + 1, skip.group("why") if skip else None))
        i = j + 1
    return out


def test_the_readme_marks_what_it_does_not_run():
    found = blocks(README.read_text(encoding="utf-8"))
    run = [b for b in found if b[0] in ("python", "sh") and b[3] is None]
    assert len(run) >= 8, "the README should show runnable examples"
    for lang, _, line, why in found:
        assert lang in ("python", "sh", "json", "text", ""), f"README.md:{line}: unknown block language {lang!r}"
        if why is not None:
            assert lang in ("python", "sh") and len(why) > 10, f"README.md:{line}: say why it is not run"
    assert "QUALITY_TABLE" not in README.read_text(encoding="utf-8")


@pytest.mark.slow
def test_every_example_runs(tmp_path, monkeypatch):
    (tmp_path / "corpora").symlink_to(ROOT / "corpora", target_is_directory=True)
    (tmp_path / "build").mkdir()
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env["MPLBACKEND"] = "Agg"
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "__readme__"}
    ran = 0
    for lang, code, line, why in blocks(README.read_text(encoding="utf-8")):
        if why is not None or lang not in ("python", "sh"):
            continue
        if lang == "sh":
            r = subprocess.run(["bash", "-e", "-c", code], cwd=tmp_path, env=env, capture_output=True,
                               text=True, timeout=900)
            assert r.returncode == 0, f"README.md:{line}: exit {r.returncode}\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
        else:
            try:
                exec(compile(code, f"README.md:{line}", "exec"), namespace)
            except Exception as exc:  # the README example itself failed
                raise AssertionError(f"README.md:{line}: {type(exc).__name__}: {exc}") from exc
        ran += 1
    assert ran >= 8
    # what the examples wrote exists
    assert (tmp_path / "build" / "report.html").exists() and (tmp_path / "build" / "report.zip").exists()
    assert (tmp_path / "build" / "panels" / "statistics_long.dta").exists()


def test_names_the_readme_shows_exist():
    import unionnlp
    from unionnlp import compare

    text = README.read_text(encoding="utf-8")
    for name in sorted(set(re.findall(r"\bcompare\.([a-z_]+)\(", text))):
        assert hasattr(compare, name), f"README shows compare.{name}, which does not exist"
    for name in sorted(set(re.findall(r"\bunionnlp\.([a-z_]+)\(", text))):
        assert hasattr(unionnlp, name), f"README shows unionnlp.{name}, which does not exist"
    for cmd in sorted(set(re.findall(r"^unionnlp ([a-z]+)", text, re.M))):
        from unionnlp.cli import COMMANDS

        assert cmd in COMMANDS, f"README shows `unionnlp {cmd}`"
    for path in re.findall(r"`((?:docs|unionnlp|corpora|scripts|bench)/[\w./-]+)`", text):
        assert (ROOT / path.rstrip("/")).exists(), f"README names {path}, which does not exist"
