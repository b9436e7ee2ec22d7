# Khabar: `make run` builds the warehouse from seeds/, `make test` runs the test suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export KHABAR_SEEDS_DIR ?= $(CURDIR)/seeds
export KHABAR_WAREHOUSE ?= $(CURDIR)/warehouse/khabar.duckdb

.PHONY: install manifest run test ui sql bench profile lock score score-held-out clean

$(VENV)/.installed: requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) (Python 3.11)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

$(DAGSTER_HOME)/dagster.yaml: orchestration/instance/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp $< $@

# dbt's manifest, without touching the database (no lock taken).
manifest: install
	cd dbt_project && ../$(BIN)/dbt parse --quiet --profiles-dir .

run: install manifest $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster job execute -m orchestration.definitions -j materialize_all
	$(PY) -m orchestration.summary

test: install manifest
	$(BIN)/pytest

ui: install manifest $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -m orchestration.definitions -h 127.0.0.1 -p 3000

# Read-only SQL while runs go on (harlequin uses the project's own duckdb).
sql: install
	$(BIN)/harlequin --read-only "$(KHABAR_WAREHOUSE)"

score:
	$(PY) ../shared/eval/score.py --warehouse "$(KHABAR_WAREHOUSE)" --gold ../shared/eval/gold/seeds.yaml

# Ten articles written apart from the code, with their key (eval/README.md).
score-held-out: install manifest
	for set in held_out held_out_2 held_out_3 held_out_4 held_out_5 held_out_6 held_out_7 held_out_8 held_out_9 held_out_10 held_out_11 held_out_12 held_out_13 held_out_14; do \
	  rm -rf eval/$$set.duckdb eval/$$set.dbt-target eval/$$set.cache && \
	  $(PY) -m benchmarks.steps eval/$$set eval/$$set.duckdb > /dev/null && \
	  $(PY) ../shared/eval/score.py --warehouse eval/$$set.duckdb --gold eval/$$set.yaml || exit 1; \
	done

bench: install manifest
	$(PY) -m benchmarks.run

# Per-step time and memory of one whole run: make profile FOLDER=benchmarks/data/real
FOLDER ?= $(KHABAR_SEEDS_DIR)
profile: install manifest
	$(PY) -m benchmarks.steps $(FOLDER)

# Refresh the lock file from the current environment (after changing pyproject.toml).
lock:
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf $(DAGSTER_HOME) dbt_project/target dbt_project/logs warehouse/*.duckdb* warehouse/*.dbt-target warehouse/*.cache
