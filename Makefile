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

# A fresh install imports content/notes/ into the library; later runs ingest the library as it is.
ingest: setup
	$(BIN)/python manage.py ingest

demo: setup
	$(BIN)/python manage.py demo

# The job worker (ingest of uploads and edits) runs beside the web server and stops with it.
serve:
	@echo "Stratus is serving on http://$(HOST):$(PORT)/ with its job worker  (Ctrl-C to stop)"
	@$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles screenshots
