"""Export speed: every shipped topic as an Anki package and as a CSV, by the function, the page and the command;
then ten times the cards. Run by hand; prints its figures (target: every shipped topic under 3 s).

    .venv/bin/python bench/export_bench.py            # SQLite (a throwaway file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stratus_bench .venv/bin/python bench/export_bench.py
"""

import io
import os
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

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from content.services import ingest  # noqa: E402
from learning.export import build_export, cards_for_export  # noqa: E402
from learning.forms import topics_with_cards  # noqa: E402
from learning.models import Flashcard  # noqa: E402

RUNS = 5


def median_seconds(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def by_function(fmt: str) -> tuple[float, int]:
    size = 0

    def export() -> None:
        nonlocal size
        size = len(build_export(cards_for_export(topics_with_cards()), fmt, timezone.now()).content)

    return median_seconds(export), size


def by_page(client: Client, fmt: str) -> float:
    slugs = list(topics_with_cards().values_list("slug", flat=True))

    def post() -> None:
        response = client.post(reverse("learning:export_cards"), {"format": fmt, "topics": slugs})
        assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")

    return median_seconds(post)


def by_command(fmt: str, folder: str) -> float:
    return median_seconds(
        lambda: call_command("export_cards", "--format", fmt, "-o", f"{folder}/all.{fmt}", stderr=io.StringIO())
    )


def report(label: str, client: Client, folder: str, target: str = "") -> None:
    cards = Flashcard.objects.active().count()
    topics = topics_with_cards().count()
    print(f"{label}: {cards} cards in {topics} topics (median of {RUNS})")
    for fmt in ("apkg", "csv"):
        seconds, size = by_function(fmt)
        print(
            f"  {fmt:4}  build {seconds:.3f} s ({size / 1024:.0f} KiB) · page POST {by_page(client, fmt):.3f} s · "
            f"export_cards {by_command(fmt, folder):.3f} s{target}"
        )


def main() -> None:
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    call_command("migrate", verbosity=0)
    # The machine is shared: read the figures beside its load (1-minute average, and its cores).
    print(f"database: {connection.vendor}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ingest()
    user, _ = User.objects.get_or_create(username="export-bench")
    client = Client()
    client.force_login(user)
    with tempfile.TemporaryDirectory() as folder:
        report("every shipped topic", client, folder, target="   (target < 3 s)")
        originals = list(Flashcard.objects.active())
        copies = [
            Flashcard(
                key=f"bench-{n}-{card.key}"[:64],
                topic_id=card.topic_id,
                kind=card.kind,
                front=f"{card.front} ({n})",
                back=card.back,
                refs=card.refs,
                position=card.position,
            )
            for n in range(1, 10)
            for card in originals
        ]
        Flashcard.objects.bulk_create(copies, batch_size=1000)
        try:
            report("ten times the cards", client, folder)
        finally:
            Flashcard.objects.filter(key__startswith="bench-").delete()
            user.delete()


if __name__ == "__main__":
    main()
