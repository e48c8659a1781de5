# khabar — the two commands of the quick start are `make run` and `make test`.
# Everything they need is installed here, into .venv, from PyPI.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run system test test-quick bench eval fuzz docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark,vectors]'
	touch $(STAMP)

DEMO_DB := out/khabar.db

## run: analyze the bundled examples, print them, and store them in the embedded SQLite store
run: $(STAMP)
	$(BIN)/khabar analyze examples --format text
	@mkdir -p out
	$(BIN)/khabar ingest examples --db $(DEMO_DB)
	$(BIN)/khabar search "الحكومة" --db $(DEMO_DB)
	@echo
	@echo "Web interface: $(BIN)/khabar serve --db $(DEMO_DB)  then open http://127.0.0.1:8000/  (API: http://127.0.0.1:8000/docs)"

## system: Debian packages the tests need (Chromium for browser tests, Java for Spark); idempotent
system:
	bash scripts/install-browser.sh
	bash scripts/install-java.sh

## test: the whole suite, including tests that read ../shared and the browser tests
test: $(STAMP) system
	$(BIN)/python -m pytest -q

## test-quick: the fast loop
test-quick: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

## bench: speed measurements (numbers go to docs/performance.md); bench.ingest, bench.serve and
## bench.spark take minutes each and are run one by one
bench: $(STAMP)
	$(BIN)/python -m bench.analyze
	$(BIN)/python -m bench.ner
	$(BIN)/python -m bench.events

## eval: quality measurements on held-out data from ../shared (numbers go to docs/evaluation.md)
eval: $(STAMP)
	$(BIN)/python -m eval.extraction
	$(BIN)/python -m eval.furniture
	$(BIN)/python -m eval.reading
	$(BIN)/python -m eval.reading --held-out
	$(BIN)/python -m eval.reading --html --held-out
	$(BIN)/python -m eval.ner
	$(BIN)/python -m eval.roles
	$(BIN)/python -m eval.measures
	$(BIN)/python -m eval.quotes --pipeline full
	$(BIN)/python -m eval.events
	$(BIN)/python -m eval.quotes_events_news --half dev
	$(BIN)/python -m eval.entities_news --half dev
	$(BIN)/python -m eval.stories recall

## fuzz: generated bad inputs through the readers, every stage and the HTTP API, for a bounded
## time (FUZZ_SECONDS); the full run of docs/reliability.md is `python -m fuzz.run --inputs 100000`
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(BIN)/python -m fuzz.run --seconds $(FUZZ_SECONDS) --start $$(date +%s)

## docs: regenerate the CLI, stage and error references
docs: $(STAMP)
	$(BIN)/python -m khabar.cli.docgen docs

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
