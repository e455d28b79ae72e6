# Akhbar — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint ui dictionary snapshot clean

setup: $(STAMP)

# torch first, pinned to the CPU build available offline (a plain `torch` would pull a multi-GB CUDA build)
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/akhbar run --input seeds --warehouse warehouse

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

ui: $(STAMP)  # run history is kept in .dagster_home/ (git-ignored)
	mkdir -p .dagster_home
	DAGSTER_HOME=$(CURDIR)/.dagster_home $(BIN)/dagster dev -w workspace.yaml

dictionary: $(STAMP)
	$(BIN)/akhbar data-dictionary > docs/data_dictionary.md

# re-pin the seeds run's tables (tests/fixtures/seed_tables.json) after an intended output change
snapshot: $(STAMP)
	$(BIN)/python -m tests.snapshot

clean:
	rm -rf warehouse .pytest_cache .ruff_cache
