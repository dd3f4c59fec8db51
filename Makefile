# Stratus: `make run` sets everything up and serves the app; `make test` runs the whole suite.
# Both are idempotent: a second run installs, migrates and ingests only what changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test lint ingest demo serve screenshots clean

run: setup ingest demo serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput

ingest: setup
	$(BIN)/python manage.py ingest

demo: setup
	$(BIN)/python manage.py demo

serve:
	@echo "Stratus is serving on http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# axe-core (npm, pinned in package-lock.json) checks every page for WCAG 2 A/AA in the browser tests.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.installed-dev node_modules/.installed
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles screenshots node_modules
