# The everyday commands. `make run` and `make test` are the README's quick start.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_STRUGGLES ?= 400

.PHONY: install gazetteer run test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

## The place-name index is built once from packaged GeoNames data (about a minute).
gazetteer: $(BIN)/.installed
	$(BIN)/python -c "from picketline.extract.gazetteer import main; main()"

install: $(BIN)/.installed gazetteer

## Install, create the database and key, add demo data once, and serve on :8000.
run: install
	$(BIN)/picketline init
	$(BIN)/picketline demo --struggles $(DEMO_STRUGGLES) --if-empty
	$(BIN)/picketline serve

## The whole test suite, with lint and type checks (what .ci/run calls).
test: install
	$(BIN)/ruff check picketline tests bench
	$(BIN)/mypy
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check picketline tests bench
	$(BIN)/ruff format --check picketline tests bench
	$(BIN)/mypy

## Long measurements (not part of the test suite).
bench: install
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts
