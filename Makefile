# sunokit — see README.md. `make test` is what CI runs, together with `make check-generated`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NPM ?= npm
NODE_STAMP := node_modules/.package-lock.json

.PHONY: install generate check-generated docs lint test fuzz demo clean

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
	HYPOTHESIS_PROFILE=deep $(BIN)/pytest -m 'schemathesis or fuzz'

# The demo needs only the Python environment (the mock vendors and the CLI), not Node.
demo: $(STAMP)
	$(BIN)/python scripts/demo.py

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache
