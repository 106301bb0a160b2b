# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint rules-test score bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p demo-report
	$(BIN)/agreement-check check samples/ --output demo-report/report.json --format json --fail-on never
	$(BIN)/agreement-check check samples/ --fail-on never | tee demo-report/report.txt
	@echo "Reports written to demo-report/report.txt and demo-report/report.json"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench samples examples
	$(BIN)/ruff format --check src tests bench samples examples
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/agreement-check rules validate
	$(BIN)/python -m pytest

rules-test: $(STAMP)
	$(BIN)/agreement-check rules test

score: $(STAMP)
	$(BIN)/python ../shared/tools/score.py ../shared/corpus/labels.yaml --cmd "$(BIN)/agreement-check"
	$(BIN)/python -m bench.score_halves ../shared/corpus-real/labels.yaml --cmd "$(BIN)/agreement-check"
	$(BIN)/python -m bench.score_halves ../shared/corpus-real-partnerships/labels.yaml --cmd "$(BIN)/agreement-check"

bench: $(STAMP)
	@command -v pdftotext >/dev/null 2>&1 || { echo "Installing poppler-utils for the pdftotext floor"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq poppler-utils >/dev/null; }
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) demo-report .pytest_cache .ruff_cache
