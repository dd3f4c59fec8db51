"""Rate-and-next speed for one learner with a year of history. Run by hand; prints its figures.

    createdb -h 127.0.0.1 -U postgres stratus_review_bench      # once
    .venv/bin/python bench/review_bench.py                      # PostgreSQL (the default DATABASE_URL below)
    .venv/bin/python bench/review_bench.py --explain            # also: time per query shape, EXPLAIN ANALYZE
    .venv/bin/python bench/review_bench.py --sqlite             # a throwaway SQLite file (not the target)

Set-up (reset at every start): one topic, 5,000 active cards, one learner with a state on every card
(~70% review due over the past week and the next 60 days, ~10% learning/relearning due around now, ~3% suspended,
the rest mature reviews due in 2-12 months) and 100,000 reviews over the past year. Then 500 times: GET
/review/?show=1 for the card and its token, and POST /review/rate/ (HX-Request) timed in-process.
"""

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
import warnings
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--sqlite", action="store_true", help="allow SQLite (a throwaway file unless DATABASE_URL is set)")
parser.add_argument("--requests", type=int, default=500)
parser.add_argument("--explain", action="store_true", help="print time per query shape and EXPLAIN ANALYZE")
parser.add_argument("--profile", action="store_true", help="print where Python spends the POSTs' time (cProfile)")
ARGS = parser.parse_args()

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = (
        f"sqlite:///{tempfile.mkdtemp()}/review_bench.sqlite3"
        if ARGS.sqlite
        else "postgres://postgres@127.0.0.1:5432/stratus_review_bench"
    )

import django  # noqa: E402

warnings.filterwarnings("ignore", "No directory at", UserWarning)  # whitenoise before collectstatic has run

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from fsrs import State  # noqa: E402

from content.models import Topic  # noqa: E402
from learning.models import CardState, Flashcard, ReviewLog, StudySettings  # noqa: E402
from learning.queue import card_token  # noqa: E402

CARDS, LOGS = 5_000, 100_000
USERNAME = TOPIC_SLUG = "review-bench"
BATCH = 5_000
TARGET_P95_MS = 25.0
CARD_RE = re.compile(r'name="card" value="(\d+)"')
TOKEN_RE = re.compile(r'name="token" value="([0-9a-f]+)"')
WORDS = (
    "bucket object storage class lifecycle replication region availability zone edge cache instance "
    "volume snapshot policy role principal encryption key queue topic stream shard table index"
).split()


def text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def snapshot(state: int, reps: int, lapses: int, at, rng: random.Random) -> dict:
    return {
        "state": state,
        "step": None if state == State.Review.value else 0,
        "stability": round(rng.uniform(0.5, 200), 3),
        "difficulty": round(rng.uniform(1, 10), 3),
        "due": (at + timedelta(days=rng.uniform(0.01, 60))).isoformat(),
        "last_review": at.isoformat(),
        "first_review": at.isoformat(),
        "lapses": lapses,
        "reps": reps,
        "suspended": False,
        "leech": False,
    }


def reset():
    """Remove what an earlier run made (only the bench's learner and topic), so every run starts the same."""
    user = get_user_model().objects.filter(username=USERNAME).first()
    if user is not None:
        ReviewLog.objects.filter(user=user).delete()
        CardState.objects.filter(user=user).delete()
        user.delete()
    Flashcard.objects.filter(topic__slug=TOPIC_SLUG).delete()
    Topic.objects.filter(slug=TOPIC_SLUG).delete()


def populate(now):
    rng = random.Random(20261122)
    topic = Topic.objects.create(
        slug=TOPIC_SLUG,
        name="Review bench",
        category="bench",
        category_name="Bench",
        domain="technology-services",
        section_count=1,
    )
    kinds = [k for k, _ in Flashcard.KINDS]
    Flashcard.objects.bulk_create(
        (
            Flashcard(
                key=f"{TOPIC_SLUG}-{i:05d}",
                topic=topic,
                kind=kinds[i % len(kinds)],
                front=text(rng, 8, 30) + "?",
                back=text(rng, 10, 60) + ".",
                refs=[["bench", 1, 10 + i % 400]],
                position=i,
            )
            for i in range(CARDS)
        ),
        batch_size=BATCH,
    )
    card_ids = list(Flashcard.objects.filter(topic=topic).order_by("position").values_list("pk", flat=True))
    user = get_user_model().objects.create(username=USERNAME)
    StudySettings.objects.create(
        user=user, desired_retention=0.90, new_per_day=20, max_reviews_per_day=5000, day_starts_hour=4, time_zone="UTC"
    )

    # Reviews per card: 100,000 spread unevenly (hard cards get more), each card's reviews in time order.
    per_card = [1] * CARDS
    for i in rng.choices(range(CARDS), [rng.paretovariate(2.0) for _ in range(CARDS)], k=LOGS - CARDS):
        per_card[i] += 1

    states, logs = [], []
    year = timedelta(days=365).total_seconds()
    for index, (card_id, reps) in enumerate(zip(card_ids, per_card, strict=True)):
        times = sorted(now - timedelta(seconds=rng.uniform(600, year)) for _ in range(reps))
        roll = rng.random()
        if roll < 0.70:  # review, due from a week ago to 60 days ahead
            state, due, suspended = State.Review.value, now + timedelta(days=rng.uniform(-7, 60)), False
        elif roll < 0.80:  # learning / relearning, due from two hours ago to half an hour ahead
            state = State.Learning.value if rng.random() < 0.4 else State.Relearning.value
            due, suspended = now + timedelta(minutes=rng.uniform(-120, 30)), False
        elif roll < 0.83:  # suspended by hand or as leeches
            state, due, suspended = State.Review.value, now + timedelta(days=rng.uniform(-30, 30)), True
        else:  # mature reviews, months away
            state, due, suspended = State.Review.value, now + timedelta(days=rng.uniform(61, 365)), False
        lapses = min(reps // 6, 12)
        states.append(
            CardState(
                user=user,
                card_id=card_id,
                state=state,
                step=None if state == State.Review.value else 0,
                stability=rng.uniform(0.5, 300),
                difficulty=rng.uniform(1, 10),
                due=due,
                last_review=times[-1],
                first_review=times[0],
                lapses=lapses,
                reps=reps,
                suspended=suspended,
                leech=suspended and lapses >= 8,
                buried_until=now - timedelta(days=1) if index % 97 == 0 else None,
            )
        )
        # The tokens of showings 0..reps-1 are used; the card's current showing (reps) is not.
        for k, at in enumerate(times):
            logs.append(
                ReviewLog(
                    user=user,
                    card_id=card_id,
                    rating=rng.choices((1, 2, 3, 4), (10, 15, 65, 10))[0],
                    reviewed_at=at,
                    duration_ms=rng.randint(1500, 30000),
                    token=card_token(user.pk, card_id, k),
                    state_before=None
                    if k == 0
                    else snapshot(State.Review.value if k > 2 else State.Learning.value, k, min(k // 6, 12), at, rng),
                    state_after=snapshot(
                        State.Review.value if k > 1 else State.Learning.value, k + 1, min(k // 6, 12), at, rng
                    ),
                ).fill_from_snapshot()
            )  # bulk_create skips save(): the before_state column the queue counts by
    CardState.objects.bulk_create(states, batch_size=BATCH)
    for start in range(0, len(logs), BATCH):
        ReviewLog.objects.bulk_create(logs[start : start + BATCH])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # VACUUM too: a steady-state table has its visibility map set (index-only scans) and no dead rows
            # from the previous run's reset.
            cursor.execute(
                "VACUUM ANALYZE content_topic, learning_flashcard, learning_cardstate, "
                "learning_reviewlog, learning_studysettings, auth_user"
            )
        else:
            cursor.execute("ANALYZE")
    return user


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    return sorted_values[max(0, min(len(sorted_values) - 1, round(p / 100 * len(sorted_values) + 0.5) - 1))]


def shape(sql: str) -> str:
    """A query with its literals blanked, to group the same query across requests."""
    sql = " ".join(sql.split())
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+(\.\d+)?\b", "?", sql)
    return re.sub(r"IN \((\?, )*\?\)", "IN (...)", sql)


def main() -> int:
    if connection.vendor == "sqlite" and not ARGS.sqlite:
        print(
            "refusing to run on SQLite: the target is PostgreSQL (set DATABASE_URL, or pass --sqlite)", file=sys.stderr
        )
        return 2
    setup_test_environment(debug=False)  # ALLOWED_HOSTS gains "testserver", as in the test runner
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']})")

    started = time.perf_counter()
    reset()
    now = timezone.now()
    user = populate(now)
    day_end = StudySettings.objects.get(user=user).day_bounds(now)[1]
    due_today = CardState.objects.filter(user=user, suspended=False, due__lt=day_end).count()
    print(
        f"rows: {Flashcard.objects.filter(topic__slug=TOPIC_SLUG).count()} cards, "
        f"{CardState.objects.filter(user=user).count()} states, {ReviewLog.objects.filter(user=user).count()} "
        f"logs; {due_today} states due today at start; set-up {time.perf_counter() - started:.1f} s"
    )

    client = Client()
    client.force_login(user)
    rng = random.Random(7)
    for _ in range(5):  # warm-up: templates, URL resolver, connection; rates nothing
        assert client.get("/review/?show=1").status_code == 200

    times_ms, query_counts, shapes = [], [], {}
    profiler = None
    if ARGS.profile:
        import cProfile

        profiler = cProfile.Profile()
    while len(times_ms) < ARGS.requests:
        page = client.get("/review/?show=1")
        card, token = CARD_RE.search(page.text), TOKEN_RE.search(page.text)
        if card is None:
            # Nothing due now: the data set-up must leave more than --requests cards due today.
            print(f"queue empty after {len(times_ms)} ratings; the bench needs more due cards", file=sys.stderr)
            return 1
        data = {
            "card": card[1],
            "token": token[1],
            "rating": rng.choices((1, 2, 3, 4), (10, 15, 65, 10))[0],
            "duration_ms": rng.randint(1500, 30000),
        }
        with CaptureQueriesContext(connection) as queries:
            if profiler is not None:
                profiler.enable()
            t0 = time.perf_counter()
            response = client.post("/review/rate/", data, headers={"HX-Request": "true"})
            elapsed = (time.perf_counter() - t0) * 1000
            if profiler is not None:
                profiler.disable()
        if response.status_code != 200 or 'id="review"' not in response.text:
            print(f"POST /review/rate/ answered {response.status_code}: {response.text[:200]}", file=sys.stderr)
            return 1
        times_ms.append(elapsed)
        # Statements the view sends; BEGIN and COMMIT of its transaction are listed apart.
        query_counts.append(sum(1 for q in queries.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")))
        for q in queries.captured_queries:
            entry = shapes.setdefault(shape(q["sql"]), [0, 0.0, q["sql"]])
            entry[0] += 1
            entry[1] += float(q["time"]) * 1000

    ratings = ReviewLog.objects.filter(user=user, reviewed_at__gte=now).count()
    due_after = CardState.objects.filter(user=user, suspended=False, due__lt=day_end).count()
    tenth = max(1, len(times_ms) // 10)
    first, last = statistics.mean(times_ms[:tenth]), statistics.mean(times_ms[-tenth:])
    print(
        f"states due today: {due_today} at start, {due_after} at end; mean of the first {tenth} POSTs "
        f"{first:.1f} ms, of the last {tenth} {last:.1f} ms"
    )
    ordered = sorted(times_ms)
    print(
        f"POST /review/rate/ (HX-Request) x {len(ordered)} ({ratings} ratings recorded): "
        f"p50 {percentile(ordered, 50):.1f} ms, p95 {percentile(ordered, 95):.1f} ms, "
        f"p99 {percentile(ordered, 99):.1f} ms, max {ordered[-1]:.1f} ms (mean {statistics.mean(ordered):.1f} ms)"
    )
    print(f"queries per request (not counting BEGIN and COMMIT): min {min(query_counts)}, max {max(query_counts)}")
    print(f"target: p95 < {TARGET_P95_MS:.0f} ms -> {'met' if percentile(ordered, 95) < TARGET_P95_MS else 'MISSED'}")

    if profiler is not None:
        import pstats

        ours = r"(learning|config|content)/|shortcuts|fsrs/|template/|auth/|sessions/"  # our code and the big parts
        print("\nPython profile of the POSTs: our code and the big parts, by cumulative time")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(ours, 60)
        print("Python profile of the POSTs: by own time")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)
    if ARGS.explain:
        total_db = sum(e[1] for e in shapes.values())
        print(
            f"\ndatabase time per request {total_db / len(ordered):.2f} ms of mean "
            f"{statistics.mean(ordered):.1f} ms; per query shape (mean ms per execution, executions):"
        )
        for sql_shape, (count, ms, _example) in sorted(shapes.items(), key=lambda kv: -kv[1][1]):
            print(f"  {ms / count:6.2f} ms x {count:4d}  {sql_shape[:150]}")
        if connection.vendor == "postgresql":
            for _shape, (_count, _ms, example) in sorted(shapes.items(), key=lambda kv: -kv[1][1])[:3]:
                if not example.lstrip().upper().startswith("SELECT"):
                    continue
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + example)
                    plan = "\n    ".join(row[0] for row in cursor.fetchall())
                print(f"\nEXPLAIN ANALYZE {' '.join(example.split())[:300]}...\n    {plan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
