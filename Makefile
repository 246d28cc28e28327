# Coverage Lens — `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
CORPUS ?= corpus
OUT    ?= build
# The stamp is keyed on the lock and the project file: setup reinstalls only when they change.
STAMP  := $(VENV)/.setup-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)

.PHONY: help setup lock lab test lint types pytest build bench eval eval-real report docs clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

setup: $(STAMP) ## Create .venv and install the hash-pinned lock (quick when nothing changed)
	@.ci/install-chromium

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock 2>&1 \
	  | { grep -v "is ignored: it is neither a file nor a directory" || true; }
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.setup-*
	@touch $@

lock: ## Re-resolve pyproject.toml into requirements.lock (needs the network)
	$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 -o requirements.lock

build: setup ## Build every table of $(CORPUS) into $(OUT)/*.parquet
	$(PY) -m analysis build --corpus $(CORPUS) --out $(OUT)

LAB_PORT ?= 8888
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: setup build ## Set up, build the tables and open JupyterLab on notebooks/ (127.0.0.1)
	@echo "Starting JupyterLab on 127.0.0.1; open the URL with its token printed below."
	$(VENV)/bin/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) \
	  --ServerApp.root_dir=notebooks $(ALLOW_ROOT)

test: setup lint types pytest ## Set up, then lint (ruff), types (mypy) and every test (pytest)

lint: setup
	$(VENV)/bin/ruff check analysis tests bench eval_real
	$(VENV)/bin/ruff format --check analysis tests bench eval_real

types: setup
	$(VENV)/bin/mypy analysis

pytest: setup
	$(VENV)/bin/pytest

# Every benchmark runs even when an earlier one misses a target; the exit status says if any did.
bench: setup ## Measure build speed and filter responsiveness against their targets
	@status=0; \
	$(PY) bench/bench_build.py --corpus $(CORPUS) || status=1; \
	$(PY) bench/bench_widgets.py --corpus $(CORPUS) || status=1; \
	$(PY) bench/bench_timeline.py || status=1; \
	$(PY) bench/bench_quotes.py || status=1; \
	$(PY) bench/bench_scale.py || status=1; \
	$(PY) bench/bench_notebooks.py || status=1; \
	exit $$status

eval: setup ## Score quote extraction against the hand annotation (and textacy's baseline)
	$(PY) -m analysis eval --corpus $(CORPUS)

# Off CI: scores on public real-text corpora named by ABP_DIR, POLNEAR_DIR, TIMEBANK_DIR
# (eval_real/README.md); each script skips itself when its variable is unset.
eval-real: setup ## Score on real text (set ABP_DIR, POLNEAR_DIR, TIMEBANK_DIR; see eval_real/README.md)
	@status=0; for script in eval_real/score_*.py; do \
	  [ -e "$$script" ] || continue; echo "== $$script"; $(PY) "$$script" || status=1; done; exit $$status

# The report has its own folder inside the one JupyterLab shows, so it never replaces a file an
# Export button wrote (those go to notebooks/exports/).
REPORT ?= notebooks/exports/report

report: setup build ## Execute every notebook headless; write the notebooks and charts to notebooks/exports/report/
	$(PY) -m analysis report --corpus $(CORPUS) --notebooks notebooks --out $(REPORT)

docs: setup ## Regenerate docs/tables.md from the declared schemas
	$(PY) -m analysis docs

clean: ## Remove the venv, built tables, exports and caches
	rm -rf $(VENV) $(OUT) exports notebooks/exports test-artifacts .pytest_cache .mypy_cache .ruff_cache .cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
