#!/usr/bin/env bash
# usage: measure.sh CHECKOUT SET(work|heldout) SEED OUTDIR
set -euo pipefail
CHECKOUT=$1; SET=$2; SEED=$3; OUT=$4
DB=stratus_measure_$SET
mkdir -p "$OUT"
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; createdb -h 127.0.0.1 -U postgres "$DB"
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/$DB DEBUG=1 DJANGO_SETTINGS_MODULE=config.settings
cd "$CHECKOUT"
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py ingest ${NOTESETS:?set NOTESETS to the folder holding work/ and heldout/}/$SET --json > "$OUT/ingest.json"
.venv/bin/python bench/held_out_lines.py ${NOTESETS:?set NOTESETS to the folder holding work/ and heldout/}/$SET --seed "$SEED" --count 40 > "$OUT/lines.txt"
.venv/bin/python manage.py cards --sample 40 --seed "$SEED" > "$OUT/cards.jsonl"
.venv/bin/python manage.py questions --sample 20 --seed "$SEED" > "$OUT/questions.jsonl"
wc -l "$OUT"/*
