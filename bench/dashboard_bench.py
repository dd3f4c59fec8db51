"""/dashboard/ speed for one learner with a year of history, against a bare one-query view. Run by hand.

    createdb -h 127.0.0.1 -U postgres stratus_dashboard_bench      # once
    .venv/bin/python bench/dashboard_bench.py                      # PostgreSQL (the default DATABASE_URL below)
    .venv/bin/python bench/dashboard_bench.py --explain            # also: time per query, EXPLAIN ANALYZE
    .venv/bin/python bench/dashboard_bench.py --sqlite             # a throwaway SQLite file (not the target)

Set-up (reset at every start): 50 topics across the four exam domains with 100 cards each (5,000 cards), one
learner with a state on every card (review, learning, suspended and leech in plausible shares) and 100,000
reviews over the past year whose snapshots chain (each review's "before" is the one before it), 300 questions
with 3,000 of the learner's answers and 12 practice exams. Then, timed in-process and side by side: GET
/dashboard/ cold (the first look after a rating: one is recorded through record_review before each, and the cache
emptied), again warm (a reload), and a bare view (one query behind the same middleware and session); medians, p95
and the ratios to the bare view.
"""

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
import types
import warnings
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--sqlite", action="store_true", help="allow SQLite (a throwaway file unless DATABASE_URL is set)")
parser.add_argument("--requests", type=int, default=200)
parser.add_argument("--reuse", action="store_true", help="keep the data of an earlier run (skips the set-up)")
parser.add_argument("--explain", action="store_true", help="print time per query and EXPLAIN ANALYZE")
ARGS = parser.parse_args()

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = (
        f"sqlite:///{tempfile.mkdtemp()}/dashboard_bench.sqlite3"
        if ARGS.sqlite
        else "postgres://postgres@127.0.0.1:5432/stratus_dashboard_bench"
    )

import django  # noqa: E402

warnings.filterwarnings("ignore", "No directory at", UserWarning)  # whitenoise before collectstatic has run

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.decorators import login_required  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.utils import timezone  # noqa: E402
from fsrs import State  # noqa: E402

from content.models import DOMAINS, Topic  # noqa: E402
from learning.models import CardState, Flashcard, ReviewLog, StudySettings, record_review  # noqa: E402
from learning.progress import recount_review_days  # noqa: E402
from learning.queue import card_token  # noqa: E402
from quizzes.models import Attempt, Question, Response  # noqa: E402

CARDS, LOGS, TOPICS, QUESTIONS, ANSWERS, EXAMS = 5_000, 100_000, 50, 300, 3_000, 12
USERNAME = PREFIX = "dashboard-bench"
BATCH = 5_000
TARGET_MS, TARGET_RATIO, TARGET_QUERIES = 60.0, 6.0, 12
REVIEW, LEARNING, RELEARNING = State.Review.value, State.Learning.value, State.Relearning.value


@login_required
def bare(request):
    """The yardstick: one query behind the same middleware, session and sign-in."""
    study = StudySettings.objects.filter(user=request.user).values_list("desired_retention", flat=True).first()
    return HttpResponse(f"<p>{study}</p>")


urls = types.ModuleType("dashboard_bench_urls")
urls.urlpatterns = [path("bench/bare/", bare), path("", include(settings.ROOT_URLCONF))]
sys.modules[urls.__name__] = urls


def reset():
    """Remove what an earlier run made (only the bench's learner, topics, cards and questions)."""
    user = get_user_model().objects.filter(username=USERNAME).first()
    if user is not None:
        Response.objects.filter(attempt__user=user).delete()
        Attempt.objects.filter(user=user).delete()
        ReviewLog.objects.filter(user=user).delete()
        CardState.objects.filter(user=user).delete()
        user.delete()
    Question.objects.filter(topic__slug__startswith=PREFIX).delete()
    Flashcard.objects.filter(topic__slug__startswith=PREFIX).delete()
    Topic.objects.filter(slug__startswith=PREFIX).delete()


def snapshot(state: int, last_review, reps: int) -> dict:
    return {
        "state": state,
        "step": None if state == REVIEW else 0,
        "stability": 10.0,
        "difficulty": 5.0,
        "due": None,
        "last_review": last_review.isoformat() if last_review else None,
        "first_review": None,
        "lapses": 0,
        "reps": reps,
        "suspended": False,
        "leech": False,
    }


def populate(now):
    rng = random.Random(20261203)
    domains = list(DOMAINS)
    topics = Topic.objects.bulk_create(
        Topic(
            slug=f"{PREFIX}-{i:02d}",
            name=f"Bench topic {i:02d}",
            category="bench",
            category_name="Bench",
            domain=domains[i % len(domains)],
            section_count=1,
            order=i,
        )
        for i in range(TOPICS)
    )
    Flashcard.objects.bulk_create(
        (
            Flashcard(
                key=f"{PREFIX}-{i:05d}",
                topic=topics[i % TOPICS],
                kind="definition",
                front=f"Front {i}?",
                back=f"Back {i}.",
                position=i,
            )
            for i in range(CARDS)
        ),
        batch_size=BATCH,
    )
    card_ids = list(
        Flashcard.objects.filter(topic__slug__startswith=PREFIX).order_by("position").values_list("pk", flat=True)
    )
    user = get_user_model().objects.create(username=USERNAME)
    StudySettings.objects.create(
        user=user,
        desired_retention=0.90,
        new_per_day=20,
        max_reviews_per_day=5000,
        day_starts_hour=4,
        time_zone="Europe/Berlin",
    )

    per_card = [1] * CARDS
    for i in rng.choices(range(CARDS), [rng.paretovariate(2.0) for _ in range(CARDS)], k=LOGS - CARDS):
        per_card[i] += 1
    states, logs = [], []
    year = timedelta(days=365).total_seconds()
    for card_id, reps in zip(card_ids, per_card, strict=True):
        times = sorted(now - timedelta(seconds=rng.uniform(600, year)) for _ in range(reps))
        roll = rng.random()
        if roll < 0.75:
            state, due, suspended = REVIEW, now + timedelta(days=rng.uniform(-5, 120)), False
        elif roll < 0.85:
            state, suspended = rng.choice((LEARNING, RELEARNING)), False
            due = now + timedelta(minutes=rng.uniform(-90, 60))
        else:
            state, due, suspended = REVIEW, now + timedelta(days=rng.uniform(-30, 30)), rng.random() < 0.3
        lapses = min(reps // 6, 12)
        states.append(
            CardState(
                user=user,
                card_id=card_id,
                state=state,
                step=None if state == REVIEW else 0,
                stability=rng.uniform(0.5, 300),
                difficulty=rng.uniform(1, 10),
                due=due,
                last_review=times[-1],
                first_review=times[0],
                lapses=lapses,
                reps=reps,
                suspended=suspended,
                leech=suspended and lapses >= 8,
            )
        )
        for k, at in enumerate(times):
            before = None if k == 0 else snapshot(REVIEW if k > 2 else LEARNING, times[k - 1], k)
            logs.append(
                ReviewLog(
                    user=user,
                    card_id=card_id,
                    rating=rng.choices((1, 2, 3, 4), (10, 15, 65, 10))[0],
                    reviewed_at=at,
                    duration_ms=rng.randint(1500, 30000),
                    token=card_token(user.pk, card_id, k),
                    state_before=before,
                    state_after=snapshot(REVIEW if k > 1 else LEARNING, at, k + 1),
                ).fill_from_snapshot()
            )
    CardState.objects.bulk_create(states, batch_size=BATCH)
    for start in range(0, len(logs), BATCH):
        ReviewLog.objects.bulk_create(logs[start : start + BATCH])
    recount_review_days(user.pk, "Europe/Berlin", 4)  # bulk_create skips the running totals a rating keeps

    questions = Question.objects.bulk_create(
        Question(
            key=f"{PREFIX}-q{i}",
            kind="single",
            family=f"{PREFIX}-f{i}",
            requirement=f"r{i}",
            topic=topics[i % TOPICS],
            domain=topics[i % TOPICS].domain,
            stem=f"Question {i}?",
        )
        for i in range(QUESTIONS)
    )
    per_attempt = 10
    for _ in range(ANSWERS // per_attempt):
        at = now - timedelta(days=rng.uniform(0, 365))
        picked = rng.sample(questions, per_attempt)
        attempt = Attempt.objects.create(
            user=user, mode="practice", started_at=at, submitted_at=at, question_ids=[q.pk for q in picked]
        )
        Response.objects.bulk_create(
            Response(attempt=attempt, question=q, position=p, correct=rng.random() < 0.7, answered_at=at)
            for p, q in enumerate(picked, start=1)
        )
    for e in range(EXAMS):
        at = now - timedelta(days=30 * (EXAMS - e))
        Attempt.objects.create(
            user=user,
            mode="exam",
            started_at=at,
            submitted_at=at,
            score=0.5 + e * 0.03,
            scaled_score=round(100 + 900 * (0.5 + e * 0.03)),
        )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A steady-state table has its visibility map set (index-only scans) and no dead rows from a reset.
            cursor.execute(
                "VACUUM ANALYZE content_topic, learning_flashcard, learning_cardstate, learning_reviewlog, "
                "learning_reviewday, "
                "learning_studysettings, quizzes_question, quizzes_attempt, quizzes_response, auth_user"
            )
        else:
            cursor.execute("ANALYZE")
    return user


def percentile(sorted_values: list[float], p: float) -> float:
    return sorted_values[max(0, min(len(sorted_values) - 1, round(p / 100 * len(sorted_values) + 0.5) - 1))]


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def timed(client: Client, url: str) -> tuple[float, list[dict], str]:
    with CaptureQueriesContext(connection) as queries:
        t0 = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - t0) * 1000
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    return elapsed, queries.captured_queries, response.text


def rate_a_due_card(user, study: StudySettings) -> None:
    now = timezone.now()
    state = (
        CardState.objects.filter(user=user, suspended=False, due__lte=now, card__retired=False).order_by("due").first()
    )
    if state is None:
        raise SystemExit("no card is due to rate before a cold look: run without --reuse to reset the data")
    record_review(
        user=user,
        card=state.card,
        token=card_token(user.pk, state.card_id, state.reps),
        rating=3,
        duration_ms=5000,
        now=now,
        study=study,
        expected_token=lambda reps: card_token(user.pk, state.card_id, reps),
    )


def main() -> int:
    if connection.vendor == "sqlite" and not ARGS.sqlite:
        print(
            "refusing to run on SQLite: the target is PostgreSQL (set DATABASE_URL, or pass --sqlite)", file=sys.stderr
        )
        return 2
    setup_test_environment(debug=False)
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']})")
    started = time.perf_counter()
    user = get_user_model().objects.filter(username=USERNAME).first() if ARGS.reuse else None
    if user is None:
        reset()
        user = populate(timezone.now())
    print(
        f"rows: {Flashcard.objects.filter(topic__slug__startswith=PREFIX).count()} cards in {TOPICS} topics, "
        f"{CardState.objects.filter(user=user).count()} states, {ReviewLog.objects.filter(user=user).count()} "
        f"logs, {Response.objects.filter(attempt__user=user).count()} answers, "
        f"{Attempt.objects.filter(user=user, mode='exam').count()} exams; "
        f"set-up {time.perf_counter() - started:.1f} s"
    )

    with override_settings(ROOT_URLCONF=urls.__name__):
        client = Client()
        client.force_login(user)
        for _ in range(5):  # warm-up: templates, URL resolver, connection
            timed(client, "/dashboard/")
            timed(client, "/bench/bare/")
        cold_ms, dashboard_ms, bare_ms, counts, shapes = [], [], [], set(), {}
        study = StudySettings.objects.get(user=user)
        for _ in range(ARGS.requests):
            # Cold: the first look after a rating, really made (through record_review, which keeps the review
            # days' totals) and with the cache emptied.
            rate_a_due_card(user, study)
            cache.clear()
            elapsed, queries, _html = timed(client, "/dashboard/")
            cold_ms.append(elapsed)
            counts.add(len(queries))
            for q in queries:
                entry = shapes.setdefault(re.sub(r"\d+", "?", " ".join(q["sql"].split()))[:140], [0, 0.0, q["sql"]])
                entry[0] += 1
                entry[1] += float(q["time"]) * 1000
            # Warm: a reload with no rating since.
            elapsed, queries, html = timed(client, "/dashboard/")
            dashboard_ms.append(elapsed)
            counts.add(len(queries))
            bare_ms.append(timed(client, "/bench/bare/")[0])
    figures = re.search(r'data-testid="count-due-now">(\d+)<', html)
    print(f"dashboard shows {figures[1] if figures else '?'} cards due now; {len(html) / 1024:.0f} KiB of HTML")

    c, d, b = sorted(cold_ms), sorted(dashboard_ms), sorted(bare_ms)
    bare_p50 = statistics.median(b)
    print(f"GET bare one-query view x {len(b)}: p50 {bare_p50:.2f} ms, p95 {percentile(b, 95):.2f} ms")
    for label, times in (("cold (first look after a rating)", c), ("warm (reload)", d)):
        print(
            f"GET /dashboard/ {label} x {len(times)}: p50 {percentile(times, 50):.1f} ms, "
            f"p95 {percentile(times, 95):.1f} ms, max {times[-1]:.1f} ms; "
            f"ratio of medians to the bare view {statistics.median(times) / bare_p50:.2f}"
        )
    print(f"queries per request: {sorted(counts)}")
    print(
        f"targets: queries <= {TARGET_QUERIES} -> {'met' if max(counts) <= TARGET_QUERIES else 'MISSED'}; "
        f"cold p50 < {TARGET_MS:.0f} ms -> {'met' if percentile(c, 50) < TARGET_MS else 'MISSED'}, "
        f"warm p50 < {TARGET_MS:.0f} ms -> {'met' if percentile(d, 50) < TARGET_MS else 'MISSED'}; "
        f"warm ratio <= {TARGET_RATIO:.0f} -> {verdict(statistics.median(d) / bare_p50 <= TARGET_RATIO)}, "
        f"cold ratio <= {TARGET_RATIO:.0f} -> {verdict(statistics.median(c) / bare_p50 <= TARGET_RATIO)}"
    )
    load = os.getloadavg()
    print(
        f"load average while measuring: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} CPUs "
        f"(other work on the machine slows every figure; the ratios are measured side by side)"
    )

    if ARGS.explain:
        total_db = sum(e[1] for e in shapes.values()) / len(c)
        print(
            f"\ncold: database time per request {total_db:.2f} ms of median {statistics.median(c):.1f} ms; per query:"
        )
        for sql_shape, (count, ms, _example) in sorted(shapes.items(), key=lambda kv: -kv[1][1]):
            print(f"  {ms / count:6.2f} ms x {count:4d}  {sql_shape}")
        if connection.vendor == "postgresql":
            for _shape, (_count, _ms, example) in sorted(shapes.items(), key=lambda kv: -kv[1][1])[:3]:
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + example)
                    plan = "\n    ".join(row[0] for row in cursor.fetchall())
                print(f"\nEXPLAIN ANALYZE {' '.join(example.split())[:200]}...\n    {plan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
