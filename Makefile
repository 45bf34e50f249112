# Two commands do everything on a fresh machine with Python 3.11+:
#   make run    set up .venv and run the pipeline on data/raw into data/processed
#   make test   set up .venv, then lint, type-check and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup run test lint bench clean

# the install compiles these (setup.py): an edited source is built again before a run or test
COMPILED_SOURCES := setup.py $(wildcard tasks/*.py tasks/*.c tasks/quotes/*.py tasks/segment/*.py tasks/formats/page_*.py)

$(STAMP): pyproject.toml $(COMPILED_SOURCES)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/newsflow run
	$(BIN)/newsflow report

lint: setup
	$(BIN)/ruff check flows tasks tests bench
	$(BIN)/ruff format --check flows tasks tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/run_benchmark.py --n 20000

clean:
	rm -rf data/processed/* bench/out
	touch data/processed/.gitkeep
