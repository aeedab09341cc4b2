# The two commands of the README: `make run` (main job on the bundled corpus) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test install bench clean

$(STAMP): setup.cfg pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Main job: extract the bundled sample archive and print the comparison of places.
run: $(STAMP)
	mkdir -p build
	$(VENV)/bin/unionnlp extract corpora/sample -o build/sample.jsonl
	$(VENV)/bin/unionnlp compare build/sample.jsonl

# Whole test suite (notebooks, crawler against a local server, Dask cluster included).
test: $(STAMP)
	$(PY) -m pytest -q

bench: $(STAMP)
	for b in bench/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build .pytest_cache
