"""Ingest speed on the shipped notes, and on ten copies of them. Run by hand; prints its figures.

.venv/bin/python bench/ingest_bench.py            # SQLite (a throwaway file)
DATABASE_URL=postgres://postgres@127.0.0.1:5432/stratus_bench .venv/bin/python bench/ingest_bench.py
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from content import services  # noqa: E402
from content.models import Fact, Section, Source, Topic  # noqa: E402
from content.services import NOTES_DIR, ingest  # noqa: E402
from learning.models import Flashcard  # noqa: E402
from quizzes.models import Question  # noqa: E402

STAGES: dict[str, float] = {}


def timed_stage(cls, name: str):
    """Wrap a writer method to add its wall time to STAGES (generation's share of an ingest)."""
    original = getattr(cls, name)

    def wrapper(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            STAGES[name] = STAGES.get(name, 0.0) + time.perf_counter() - started

    setattr(cls, name, wrapper)


timed_stage(services.Writer, "write_cards")  # fact cards and scenario cards
timed_stage(services.Writer, "question_drafts")  # questions built from families and the notes' lines
timed_stage(services.QuestionWriter, "write")  # questions and choices upserted


def reset() -> None:
    for model in (Question, Flashcard, Fact, Section, Source, Topic):
        model.objects.all().delete()


def timed(paths, runs: int = 3) -> tuple[float, float]:
    """(median seconds of a first ingest into an empty database, median of an unchanged re-ingest)."""
    first, again = [], []
    for _ in range(runs):
        reset()
        first.append(ingest(paths).seconds)
        again.append(ingest(paths).seconds)
    return statistics.median(first), statistics.median(again)


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    one_first, one_again = timed([NOTES_DIR])
    STAGES.clear()
    reset()
    report = ingest([NOTES_DIR]).as_dict()
    questions = STAGES["question_drafts"] + STAGES["write"]
    print(
        f"generation inside a first ingest: cards {STAGES['write_cards']:.3f} s, questions "
        f"{questions:.3f} s (target <= 1.0 s each); {report['cards']} cards, {report['questions']} questions"
    )
    print(
        f"shipped notes (5 files): first ingest {one_first:.3f} s, unchanged re-ingest {one_again:.3f} s "
        f"(target <= 2.0 s); {report['topics']} topics, {report['sections']} sections, {report['facts']} facts"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for copy in range(10):
            for note in NOTES_DIR.iterdir():
                shutil.copy(note, Path(tmp) / f"copy{copy:02d}_{note.name}")
        started = time.perf_counter()
        ten_first, ten_again = timed([Path(tmp)], runs=1)
        print(
            f"ten copies (50 files): first ingest {ten_first:.3f} s = {ten_first / one_first:.1f}x one copy "
            f"(target <= 10x); re-ingest {ten_again:.3f} s; wall {time.perf_counter() - started:.1f} s"
        )
    reset()


if __name__ == "__main__":
    main()
