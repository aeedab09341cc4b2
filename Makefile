# The two commands of the README: `make run` (main job on the bundled corpus) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test install bench clean system-deps

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

# Headless Chromium renders the HTML report in a test. Installed from Debian's packages when
# missing and we may (root with apt-get); otherwise that one test skips and says why.
system-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "note: chromium not installed; the report-rendering test will skip"; }

# Whole test suite (notebooks, crawler against a local server, Dask cluster included).
test: $(STAMP) system-deps
	$(PY) -m pytest -q

bench: $(STAMP)
	for b in bench/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build .pytest_cache
