# The two commands a newcomer types: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck score genre bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m vn_egov_extract.demo corpus

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

score: $(STAMP)
	$(BIN)/python ../shared/eval/score.py corpus/gold.jsonl

genre: $(STAMP)
	$(BIN)/python ../shared/eval/score.py bench/genre/heldout_a.jsonl
	$(BIN)/python ../shared/eval/score.py bench/genre/heldout_b.jsonl
	$(BIN)/python ../shared/eval/score.py bench/genre/heldout_c.jsonl
	$(BIN)/python ../shared/eval/score.py bench/genre/heldout_d.jsonl
	$(BIN)/python ../shared/eval/score.py bench/genre/heldout_e.jsonl

bench: $(STAMP)
	$(BIN)/python bench/latency.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
