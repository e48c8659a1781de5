# khabar — the two commands of the quick start are `make run` and `make test`.
# Everything they need is installed here, into .venv, from PyPI.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-quick bench eval docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: analyze the bundled examples and print them
run: $(STAMP)
	$(BIN)/khabar analyze examples --format text

## test: the whole suite, including tests that read ../shared
test: $(STAMP)
	$(BIN)/python -m pytest -q

## test-quick: the fast loop
test-quick: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

## bench: speed measurements (numbers go to docs/performance.md)
bench: $(STAMP)
	$(BIN)/python -m bench.analyze

## eval: quality measurements on held-out data (numbers go to docs/evaluation.md)
eval: $(STAMP)
	@echo "no evaluation scripts yet"

## docs: regenerate the CLI, stage and error references
docs: $(STAMP)
	$(BIN)/python -m khabar.docgen docs

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
