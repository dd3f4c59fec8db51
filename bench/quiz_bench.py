"""Submitting and grading a 65-question practice exam, on PostgreSQL. Run by hand; prints its figures.

    createdb -h 127.0.0.1 -U postgres stratus_bench   # once
    .venv/bin/python bench/quiz_bench.py [--exams 30]

Ingests the shipped notes if the database has no questions, then for each exam: starts it with the real
draw, answers every slot with the real save path (not timed), and times the submit request (POST
/quizzes/attempts/<id>/submit/, which grades, spaces every question and feeds missed ones to the cards)
and the results page, in-process with the test client. Target: submit under 200 ms.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/stratus_bench")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from content.services import ingest  # noqa: E402
from quizzes.attempts import draw_exam, exam_plan, load_questions, save_answer, start_attempt  # noqa: E402
from quizzes.models import Attempt, Question  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exams", type=int, default=30)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not Question.objects.active().exists():
        ingest()
    setup_test_environment()
    user, _ = User.objects.get_or_create(username="quiz-bench")
    Attempt.objects.filter(user=user).delete()
    client = Client()
    client.force_login(user)
    rng = random.Random(7)
    submit_ms, results_ms, queries = [], [], []
    for _ in range(args.exams):
        now = timezone.now()
        ids = draw_exam(exam_plan(), rng)
        attempt = start_attempt(user=user, mode="exam", question_ids=ids, now=now, settings={})
        shown = load_questions(ids)
        for position, pk in enumerate(ids, start=1):
            choices = shown[pk].choices
            picks = rng.sample(choices, shown[pk].question.answer_count)
            save_answer(
                attempt=attempt,
                position=position,
                question_id=pk,
                chosen=[c.pk for c in picks],
                shown=shown[pk],
                now=now,
            )
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/")
            submit_ms.append((time.perf_counter() - started) * 1000)
        assert response.status_code in (200, 302), response.status_code
        queries.append(len(captured.captured_queries))
        started = time.perf_counter()
        assert client.get(f"/quizzes/attempts/{attempt.pk}/results/").status_code == 200
        results_ms.append((time.perf_counter() - started) * 1000)
    print(
        f"database: {connection.vendor}; {Question.objects.active().count()} active questions; "
        f"{args.exams} exams of {len(ids)} questions"
    )
    print(
        f"submit + grade: p50 {statistics.median(submit_ms):.1f} ms, p95 {percentile(submit_ms, 0.95):.1f} ms, "
        f"max {max(submit_ms):.1f} ms; {min(queries)}-{max(queries)} queries (target < 200 ms)"
    )
    print(f"results page: p50 {statistics.median(results_ms):.1f} ms, p95 {percentile(results_ms, 0.95):.1f} ms")
    Attempt.objects.filter(user=user).delete()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
