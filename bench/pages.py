"""Page speed against the framework's floor, in-process with DEBUG=0; `main()` prints one table (make bench).

    .venv/bin/python bench/pages.py                  # DATABASE_URL, else stratus_pages_bench (made if missing)
    .venv/bin/python bench/pages.py --requests 200   # more rounds, steadier figures

The floor is a bare view defined here, not in the app: behind the same middleware, settings and sign-in, it runs
one indexed query and renders a one-line template. Set-up: the shipped notes ingested (if the database has no
topics yet), and one learner with a realistic state (reset at every start): a state on two thirds of the cards
(reviews due over the past week and the next two months, some learning, a few suspended), three months of
reviews, a third of the sections read, practice attempts and question states. Each round GETs every page once in
turn (so a burst of load on the machine falls on all pages alike); the table gives each page's median, p95, its
ratio of medians to the floor's, the queries it sent and whether it is within its bound.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import types
import warnings
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

USERNAME = "pages-bench"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/stratus_pages_bench"
# (path, bound as a ratio of medians to the floor)
PAGES = [
    ("/topics/amazon-s3/", 3.0),
    ("/topics/s3-storage-classes/", 3.0),
    ("/topics/", 3.0),
    ("/search/?q=glacier", 3.0),
    ("/review/", 4.0),
    ("/quizzes/", 4.0),
    ("/cards/", 4.0),
]
FLOOR = "/bench/floor/"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="rounds: GETs of each page (default 100)")
    return parser.parse_args(argv)


def ensure_database(url: str) -> None:
    """Create the bench's own PostgreSQL database when it is missing (trust auth, as on these machines)."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')


def configure() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "pages-bench-secret-key-not-for-any-real-site-0123456789")
    if not os.environ.get("DATABASE_URL"):
        ensure_database(DEFAULT_DATABASE)
        os.environ["DATABASE_URL"] = DEFAULT_DATABASE
    warnings.filterwarnings("ignore", "No directory at", UserWarning)

    import django

    django.setup()


def floor_urls():
    """The floor view and a URLconf that adds it in front of the project's URLs."""
    from django.conf import settings
    from django.contrib.auth.decorators import login_required
    from django.template import engines
    from django.urls import include, path

    from learning.models import StudySettings

    template = engines["django"].from_string("<p>{{ retention }}</p>")

    @login_required
    def floor(request):
        retention = StudySettings.objects.filter(user=request.user).values_list("desired_retention", flat=True).first()
        from django.http import HttpResponse

        return HttpResponse(template.render({"retention": retention}, request))

    urls = types.ModuleType("pages_bench_urls")
    urls.urlpatterns = [path(FLOOR.strip("/") + "/", floor), path("", include(settings.ROOT_URLCONF))]
    sys.modules[urls.__name__] = urls
    return urls.__name__


def learner(now):
    """One learner with a realistic state, made afresh."""
    from django.contrib.auth import get_user_model
    from fsrs import State

    from content.models import Section, SectionRead
    from learning.models import CardState, Flashcard, ReviewLog, StudySettings
    from learning.queue import card_token
    from quizzes.models import Attempt, Question, QuestionState, Response

    User = get_user_model()  # noqa: N806
    User.objects.filter(username=USERNAME).delete()
    user = User.objects.create_user(USERNAME, f"{USERNAME}@example.com", "pages-bench-password")
    StudySettings.objects.create(user=user, time_zone="Europe/Berlin", max_reviews_per_day=500)
    rng = random.Random(20261203)
    cards = list(Flashcard.objects.active().order_by("position").values_list("pk", flat=True))
    studied = cards[: len(cards) * 2 // 3]
    states, logs = [], []
    for card_id in studied:
        roll = rng.random()
        if roll < 0.8:
            state, due = State.Review.value, now + timedelta(days=rng.uniform(-7, 60))
        else:
            state, due = State.Learning.value, now + timedelta(minutes=rng.uniform(-60, 60))
        reps = rng.randint(1, 12)
        states.append(
            CardState(
                user=user,
                card_id=card_id,
                state=state,
                step=None if state == 2 else 0,
                stability=rng.uniform(1, 90),
                difficulty=rng.uniform(2, 9),
                due=due,
                last_review=now - timedelta(days=rng.uniform(0.1, 30)),
                first_review=now - timedelta(days=90),
                reps=reps,
                lapses=reps // 5,
                suspended=rng.random() < 0.03,
            )
        )
        for k in range(reps):
            at = now - timedelta(days=rng.uniform(0.05, 90))
            before = (
                None
                if k == 0
                else {
                    "state": State.Review.value,
                    "step": None,
                    "stability": 5.0,
                    "difficulty": 5.0,
                    "due": None,
                    "last_review": at.isoformat(),
                    "first_review": None,
                    "lapses": 0,
                    "reps": k,
                    "suspended": False,
                    "leech": False,
                }
            )
            logs.append(
                ReviewLog(
                    user=user,
                    card_id=card_id,
                    rating=rng.choices((1, 2, 3, 4), (10, 15, 65, 10))[0],
                    reviewed_at=at,
                    duration_ms=rng.randint(2000, 20000),
                    token=card_token(user.pk, card_id, k),
                    state_before=before,
                    state_after={**(before or {}), "state": State.Review.value},
                ).fill_from_snapshot()
            )
    CardState.objects.bulk_create(states, batch_size=2000)
    ReviewLog.objects.bulk_create(logs, batch_size=2000)
    sections = list(Section.objects.active().values_list("pk", flat=True))
    SectionRead.objects.bulk_create(SectionRead(user=user, section_id=pk, read_at=now) for pk in sections[::3])
    questions = list(Question.objects.active().values_list("pk", flat=True))
    QuestionState.objects.bulk_create(
        QuestionState(
            user=user,
            question_id=pk,
            due=now + timedelta(days=rng.uniform(-3, 20)),
            reps=1,
            last_review=now - timedelta(days=3),
        )
        for pk in questions[::4]
    )
    for i in range(12):
        at = now - timedelta(days=7 * i + 1)
        picked = rng.sample(questions, min(10, len(questions)))
        attempt = Attempt.objects.create(
            user=user, mode="practice", started_at=at, submitted_at=at, question_ids=picked, score=0.7
        )
        Response.objects.bulk_create(
            Response(attempt=attempt, question_id=q, position=p, correct=rng.random() < 0.7, answered_at=at)
            for p, q in enumerate(picked, start=1)
        )
    return user


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    return sorted_values[max(0, min(len(sorted_values) - 1, round(p / 100 * len(sorted_values) + 0.5) - 1))]


def run(requests: int) -> int:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.utils import timezone

    from content.models import Topic

    if connection.vendor != "postgresql":
        print("refusing to run on anything but PostgreSQL (the target): set DATABASE_URL", file=sys.stderr)
        return 2
    setup_test_environment(debug=False)  # "testserver" joins ALLOWED_HOSTS, as in the test runner
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    # DEBUG=0 serves hashed static names from a manifest: build it, as a deployment does.
    call_command("collectstatic", verbosity=0, interactive=False)
    if not Topic.objects.with_content().exists():
        call_command("ingest", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    user = learner(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")

    urlconf = floor_urls()
    with override_settings(ROOT_URLCONF=urlconf):
        client = Client()
        client.force_login(user)
        paths = [FLOOR] + [p for p, _ in PAGES]
        for path in paths:  # warm-up: templates, URL resolver, connection, stored renders
            for _ in range(3):
                response = client.get(path, secure=True)
                if response.status_code != 200:
                    print(f"GET {path} answered {response.status_code}", file=sys.stderr)
                    return 1
        times: dict[str, list[float]] = {p: [] for p in paths}
        queries: dict[str, set[int]] = {p: set() for p in paths}
        for _ in range(requests):
            for path in paths:
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    client.get(path, secure=True)
                    times[path].append((time.perf_counter() - started) * 1000)
                queries[path].add(len(captured.captured_queries))
    load = os.getloadavg()

    floor = statistics.median(times[FLOOR])
    print(
        f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']}); DEBUG={settings.DEBUG}; "
        f"{requests} GETs per page, signed in as a learner with {user.card_states.count()} card states"
    )
    print(f"{'page':30} {'median ms':>10} {'p95 ms':>8} {'x floor':>8} {'bound':>6} {'queries':>8}  verdict")
    missed = 0
    for path, bound in [(FLOOR, None), *PAGES]:
        ordered = sorted(times[path])
        median = statistics.median(ordered)
        ratio = median / floor
        count = "/".join(str(n) for n in sorted(queries[path]))
        if bound is None:
            verdict, bound_text = "(the floor)", ""
        else:
            ok = ratio <= bound
            missed += not ok
            verdict, bound_text = ("met" if ok else "MISSED"), f"{bound:.0f}x"
        print(
            f"{path:30} {median:10.2f} {percentile(ordered, 95):8.2f} {ratio:8.2f} {bound_text:>6} {count:>8}  "
            f"{verdict}"
        )
    print(
        f"load average while measuring: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs "
        "(the ratios are measured side by side, so they hold better than the milliseconds under load)"
    )
    return 1 if missed else 0


def main(argv=None) -> int:
    args = parse_args(argv)
    configure()
    return run(args.requests)


if __name__ == "__main__":
    sys.exit(main())
