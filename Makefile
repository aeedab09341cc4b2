# The two commands of the README: `make run` (main job on the bundled corpus) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test install bench clean system-deps eval docs

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

# Headless Chromium renders the HTML report in a test, and a CJK font draws the plots' Chinese
# labels. Installed from Debian's packages when missing and we may (root with apt-get);
# otherwise the browser test skips and says why.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi wqy; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
	      || echo "note: could not install chromium/fonts-wqy-microhei; the report-rendering test may skip"; \
	  else echo "note: chromium or a CJK font is missing; the report-rendering test may skip"; fi; \
	fi

# Whole test suite (notebooks, crawler against a local server, Dask cluster included).
test: $(STAMP) system-deps
	$(PY) -m pytest -q

bench: $(STAMP)
	for b in bench/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build .pytest_cache

# Extraction quality on the development sets: all of devset and devset2, the part we tune on
# (everything except corpora/split/aside.txt) and the held-out part (only scored, never read).
SHARED ?= ../shared
eval: $(STAMP)
	@for d in devset devset2; do echo "== $$d"; $(VENV)/bin/unionnlp evaluate $(SHARED)/$$d; echo; done
	@echo "== tuning part (devset + devset2 minus corpora/split/aside.txt)"
	@$(VENV)/bin/unionnlp evaluate $(SHARED)/devset $(SHARED)/devset2 --exclude corpora/split/aside.txt
	@echo; echo "== held-out part (corpora/split/aside.txt)"
	@$(VENV)/bin/unionnlp evaluate $(SHARED)/devset2 --only corpora/split/aside.txt

# Reference files generated from the code (record JSON Schema, table list) and the API reference.
docs: $(STAMP)
	$(PY) scripts/build_docs.py --api build/api
