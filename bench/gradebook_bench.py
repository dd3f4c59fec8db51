"""Gradebook and item analysis for a class of 200 learners on a 30-question assignment, on PostgreSQL.

    createdb -h 127.0.0.1 -U postgres stratus_bench   # once
    .venv/bin/python bench/gradebook_bench.py [--learners 200] [--questions 30] [--runs 30]

Ingests the shipped notes if the database has no questions, then builds (once, in bulk) a class of N learners
who each submitted the assignment with varied answers. Times, in-process with the test client, the gradebook,
its CSV and the item analysis pages, and a bare view doing one indexed query in the same run as the floor.
Prints median and p95 server time, the ratio to the floor, and the SQL statements per page. Target: under
150 ms on PostgreSQL, and the same number of queries whatever the class size.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/stratus_bench")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from content.services import ingest  # noqa: E402
from learning.roles import make_instructor  # noqa: E402
from quizzes.attempts import draw_practice  # noqa: E402
from quizzes.class_views import create_cohort  # noqa: E402
from quizzes.models import Assignment, Attempt, Choice, Cohort, Membership, Question, Response  # noqa: E402

CLASS = "Gradebook bench class"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


@transaction.atomic
def build(learners: int, questions: int) -> Assignment:
    """A class of `learners` who each submitted a `questions`-question assignment (bulk inserts)."""
    Assignment.objects.filter(cohorts__name=CLASS).delete()
    Cohort.objects.filter(name=CLASS).delete()
    User.objects.filter(username__startswith="gb-bench-").delete()
    teacher, _ = User.objects.get_or_create(username="gb-bench-teacher")
    make_instructor(teacher)
    now = timezone.now()
    cohort = create_cohort(name=CLASS, instructor=teacher)
    people = User.objects.bulk_create(
        [User(username=f"gb-bench-{n:04d}", email=f"gb{n}@example.com") for n in range(learners)]
    )
    Membership.objects.bulk_create(
        [Membership(cohort=cohort, user=u, role=Membership.LEARNER, joined_at=now) for u in people]
    )
    rng = random.Random(11)
    ids = draw_practice(topic_ids=[], domains=[], count=questions, rng=rng)
    assignment = Assignment.objects.create(
        title="Bench",
        created_by=teacher,
        created_at=now,
        question_ids=ids,
        opens_at=now - timedelta(days=3),
        due_at=now - timedelta(days=1),
    )
    assignment.cohorts.add(cohort)
    options: dict[int, list[Choice]] = {}
    for choice in Choice.objects.filter(question_id__in=ids, retired=False):
        options.setdefault(choice.question_id, []).append(choice)
    attempts = Attempt.objects.bulk_create(
        [
            Attempt(
                user=u,
                mode="assignment",
                assignment=assignment,
                try_number=1,
                question_ids=ids,
                started_at=now - timedelta(days=2),
                submitted_at=now - timedelta(days=2) + timedelta(minutes=20),
            )
            for u in people
        ]
    )
    responses = []
    for n, attempt in enumerate(attempts):
        right = 0
        for position, pk in enumerate(ids, start=1):
            ok = rng.random() < 0.3 + 0.6 * n / learners
            key = [c.pk for c in options[pk] if c.correct]
            wrong = [c.pk for c in options[pk] if not c.correct] or key
            right += ok
            responses.append(
                Response(
                    attempt=attempt,
                    question_id=pk,
                    position=position,
                    chosen=key if ok else [rng.choice(wrong)],
                    correct=ok,
                    answered_at=attempt.started_at,
                )
            )
        attempt.score = right / len(ids)
    Response.objects.bulk_create(responses, batch_size=2000)
    Attempt.objects.bulk_update(attempts, ["score"])
    return assignment


def floor_view(request):
    """The floor: one indexed query and a one-line response, through the same middleware-free handler."""
    return HttpResponse(f"{User.objects.filter(pk=request.user.pk).values_list('username', flat=True).first()}")


def time_get(client, url: str, runs: int) -> tuple[list[float], int]:
    client.get(url)  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        assert client.get(url).status_code == 200, url
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return times, len(captured.captured_queries)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if Question.objects.active().count() < args.questions:
        ingest()
    setup_test_environment()
    assignment = build(args.learners, args.questions)
    teacher = User.objects.get(username="gb-bench-teacher")
    client = Client()
    client.force_login(teacher)

    # The floor, in the same process and run: a bare view with one indexed query.
    factory, floor = RequestFactory(), []
    for _ in range(args.runs):
        request = factory.get("/floor/")
        request.user = teacher
        started = time.perf_counter()
        floor_view(request)
        floor.append((time.perf_counter() - started) * 1000)
    base = statistics.median(floor)

    print(
        f"database: {connection.vendor}; class of {args.learners} learners, {args.questions}-question assignment, "
        f"{Response.objects.filter(attempt__assignment=assignment).count()} answers; {args.runs} runs each"
    )
    print(f"{'page':<28}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'x floor':>9}")
    print(f"{'floor (1 query, bare view)':<28}{base:>10.2f}{percentile(floor, 0.95):>9.2f}{1:>9}{1:>9.1f}")
    worst = 0.0
    for name, url in (
        ("gradebook", f"/assignments/{assignment.pk}/gradebook/"),
        ("gradebook sorted by score", f"/assignments/{assignment.pk}/gradebook/?sort=-score"),
        ("gradebook.csv", f"/assignments/{assignment.pk}/gradebook.csv"),
        ("item analysis", f"/assignments/{assignment.pk}/items/"),
    ):
        times, queries = time_get(client, url, args.runs)
        median = statistics.median(times)
        worst = max(worst, median)
        print(f"{name:<28}{median:>10.1f}{percentile(times, 0.95):>9.1f}{queries:>9}{median / base:>9.0f}")
    print(f"target: under 150 ms server time -> {'met' if worst < 150 else 'NOT met'} (slowest median {worst:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
