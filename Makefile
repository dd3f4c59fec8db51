# Stratus: `make run` sets everything up and serves the app; `make test` runs the whole suite.
# Both are idempotent: a second run installs, migrates and ingests only what changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test lint ingest demo serve screenshots clean backup restore lock bench

run: setup ingest demo serve

# DEBUG is off unless set (config/settings.py); the local targets turn it on: dev secret key, plain HTTP, the demo
# accounts. A DEBUG already in the environment wins.
run setup ingest demo serve: export DEBUG ?= 1

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs come from the lock files: every package, transitive included, pinned with its hashes.
$(VENV)/.installed: requirements.lock $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(VENV)/.installed-dev: requirements.lock requirements-dev.lock $(VENV)/.installed
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

# After editing requirements.txt or requirements-dev.txt: re-resolve and re-hash both lock files (pip-tools runs
# from a throwaway virtualenv, so it is not itself a dependency). The dev lock is resolved against the runtime
# lock, so both pin the same versions.
PIP_TOOLS := pip-tools==7.6.2
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-find-links --no-emit-index-url
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet $(PIP_TOOLS)
	.lock-venv/bin/pip-compile $(LOCK_FLAGS) --output-file=requirements.lock requirements.txt
	.lock-venv/bin/pip-compile $(LOCK_FLAGS) --constraint=requirements.lock --output-file=requirements-dev.lock \
	  requirements-dev.txt
	rm -rf .lock-venv

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
	$(BIN)/ruff format --check .

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

# Seeds a fresh PostgreSQL database (BENCH_DATABASE_URL, default stratus_bench_load: dropped and made again),
# runs the HTTP load test (gunicorn x2 + locust) and the in-process benchmarks, and prints one table.
# Small and short by default; the issue's target run: make bench BENCH_LEARNERS=1000 BENCH_USERS=50 BENCH_SECONDS=60
BENCH_LEARNERS ?= 50
BENCH_USERS ?= 20
BENCH_SECONDS ?= 20
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/suite.py --learners $(BENCH_LEARNERS) --users $(BENCH_USERS) --run-time $(BENCH_SECONDS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles screenshots node_modules .lock-venv
