# sunokit — see README.md. `make test` is what CI runs, together with `make check-generated`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NPM ?= npm
NODE_STAMP := node_modules/.package-lock.json

.PHONY: install generate check-generated docs lint test fuzz demo bench bench-smoke clean

install: $(STAMP) $(NODE_STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Prism (independent validator) and Spectral (spec linter), pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	$(NPM) ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

generate: install
	$(BIN)/python scripts/generate.py

check-generated: install
	$(BIN)/python scripts/check_generated.py

docs: install
	$(BIN)/python scripts/docs.py

lint: install
	$(BIN)/ruff check overlay contract_tests scripts
	$(BIN)/ruff format --check overlay contract_tests scripts
	$(BIN)/mypy
	node_modules/.bin/spectral lint specs/*.yaml --ruleset .spectral.yaml --fail-severity=warn --quiet
	$(BIN)/python -c 'import sunokit, sunosay_client, sunoapi_com_client, sunoapi_org_client, apikley_client, relay_client'

test: install lint
	$(BIN)/pytest

fuzz: install
	HYPOTHESIS_PROFILE=deep $(BIN)/pytest -m 'schemathesis or fuzz or deep'

# The demo needs only the Python environment (the mock vendors and the CLI), not Node.
demo: $(STAMP)
	$(BIN)/python scripts/demo.py

# One script per figure (bench/*.py, each a ratio against a baseline in the same run), merged into
# bench/results.json; exits non-zero when any goal is missed, after running them all.
BENCH_SCRIPTS := $(sort $(filter-out bench/_%,$(wildcard bench/*.py)))

bench: $(STAMP)
	@status=0; for script in $(BENCH_SCRIPTS); do \
		echo "== $$script"; $(BIN)/python $$script || status=1; \
	done; exit $$status

# A quick pass over the same scripts (smaller runs, figures under "<name>_smoke" or "_scaled";
# batch_throughput is left out: its only smaller run would overwrite the real figure).
bench-smoke: $(STAMP)
	@status=0; \
	$(BIN)/python bench/callbacks_parse.py || status=1; \
	$(BIN)/python bench/limiter_accuracy.py --scale 10 || status=1; \
	for script in client_overhead import_time mock_latency concurrent_generate; do \
		echo "== bench/$$script.py --smoke"; $(BIN)/python bench/$$script.py --smoke || status=1; \
	done; exit $$status

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache
