"""`make backup` and `make restore` on PostgreSQL: a learner's reviews, attempts and settings come back identical."""

import subprocess
import uuid
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from content.models import Topic
from learning.models import Flashcard, ReviewLog, StudySettings
from quizzes.models import Attempt

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.django_db(transaction=True),  # the dump must see committed rows
    pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are pg_dump files: PostgreSQL only"),
]

MINE = {  # table: the learner's rows, in a stable order
    "learning_reviewlog": "SELECT card_id, rating, reviewed_at, token, state_after::text FROM learning_reviewlog "
    "WHERE user_id = %s ORDER BY id",
    "quizzes_attempt": "SELECT mode, started_at, submitted_at, question_ids::text, score FROM quizzes_attempt "
    "WHERE user_id = %s ORDER BY id",
    "learning_studysettings": "SELECT desired_retention, new_per_day, time_zone, deck_topics::text "
    "FROM learning_studysettings WHERE user_id = %s",
}


def rows(url: str, user_id: int) -> dict:
    with psycopg.connect(url) as db:
        return {table: db.execute(sql, [user_id]).fetchall() for table, sql in MINE.items()}


def url_of(name: str) -> str:
    settings = connection.settings_dict
    return f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{name}"


def test_a_backup_restores_a_learners_history_into_an_empty_database(learner, tmp_path):
    topic = Topic.objects.create(
        slug="backup-topic",
        name="Backup topic",
        category="storage",
        category_name="Storage",
        domain="technology-services",
    )
    card = Flashcard.objects.create(key="backup-card", topic=topic, kind="definition", front="F?", back="B.")
    study = StudySettings.for_user(learner)
    study.time_zone, study.new_per_day = "Europe/Berlin", 7
    study.save()
    when = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    ReviewLog.objects.create(
        user=learner,
        card=card,
        rating=3,
        reviewed_at=when,
        token="t1",
        state_after={"state": 2, "due": "2026-11-05T09:00:00+00:00"},
    )
    attempt = Attempt.objects.create(
        user=learner, mode="practice", started_at=when, submitted_at=when, question_ids=[], score=0.5
    )
    source = url_of(connection.settings_dict["NAME"])
    before = rows(source, learner.pk)
    assert before["learning_reviewlog"] and before["quizzes_attempt"] and attempt.pk

    env = {"DATABASE_URL": source, "PATH": "/usr/bin:/bin", "BACKUP_DIR": str(tmp_path)}
    made = subprocess.run(
        ["make", "-s", "backup", f"BACKUP_DIR={tmp_path}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    dump = Path(made.stdout.strip().removeprefix("backup written: "))
    assert dump.exists() and dump.stat().st_size > 0

    target = f"stratus_restore_{uuid.uuid4().hex[:8]}"
    admin = url_of("postgres")
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{target}"')
    try:
        subprocess.run(
            ["make", "-s", "restore", f"FILE={dump}"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            env={**env, "DATABASE_URL": url_of(target)},
        )
        assert rows(url_of(target), learner.pk) == before
        # A second restore into the now full database stops at the first error and changes nothing.
        again = subprocess.run(
            ["make", "-s", "restore", f"FILE={dump}"],
            cwd=ROOT,
            capture_output=True,
            env={**env, "DATABASE_URL": url_of(target)},
        )
        assert again.returncode != 0 and rows(url_of(target), learner.pk) == before
    finally:
        with psycopg.connect(admin, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
