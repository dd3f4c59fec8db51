# Stratus: `make run` sets everything up and serves the app; `make test` runs the whole suite.
# Both are idempotent: a second run installs, migrates and ingests only what changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test lint ingest demo serve screenshots clean backup restore

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

# The job worker (ingest of uploads and edits) runs beside the web server and stops with it. It looks for a queued
# job every 0.2 s (one indexed query), so an upload starts at once rather than up to a second later.
serve:
	@echo "Stratus is serving on http://$(HOST):$(PORT)/ with its job worker  (Ctrl-C to stop)"
	@$(BIN)/python manage.py db_worker --no-reload --interval 0.2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# axe-core (npm, pinned in package-lock.json) checks every page for WCAG 2 A/AA in the browser tests.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.installed-dev node_modules/.installed
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

# Backups of the PostgreSQL database named by DATABASE_URL: a timestamped custom-format dump, and its restore into
# an empty database (pg_restore stops at the first error, so it never half-restores over existing tables).
BACKUP_DIR ?= backups
backup:
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL=postgres://... to the database to back up."; exit 2; }
	@mkdir -p $(BACKUP_DIR)
	@file=$(BACKUP_DIR)/stratus-$$(date -u +%Y%m%dT%H%M%SZ).dump; \
	  pg_dump --format=custom --no-owner --dbname="$$DATABASE_URL" --file="$$file" && echo "backup written: $$file"

restore:
	@test -n "$(FILE)" || { echo "Say which dump: make restore FILE=backups/stratus-....dump"; exit 2; }
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL=postgres://... to an empty database to restore into."; exit 2; }
	pg_restore --no-owner --exit-on-error --single-transaction --dbname="$$DATABASE_URL" "$(FILE)"
	@echo "restored $(FILE) into the database"

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles screenshots node_modules
