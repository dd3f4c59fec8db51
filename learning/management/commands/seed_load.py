"""Seed a database for load tests: learners with a year of reviews, quiz attempts, classes and assignments."""

from datetime import UTC, datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from learning.population import seed_population


class Command(BaseCommand):
    help = (
        "Write a deterministic load-test population in bulk (COPY on PostgreSQL). Run `manage.py ingest` first. "
        "Refuses to run with DEBUG off: every account gets the same published password. Meant for a database of "
        "its own: on PostgreSQL it holds its tables locked while it loads (indexes are rebuilt at the end)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=50)
        parser.add_argument("--cards-per-learner", type=int, default=600)
        parser.add_argument("--days", type=int, default=365, help="days of history before today")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--today",
            type=lambda text: datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC),
            help="the day the history ends (YYYY-MM-DD; default: today, UTC). Same seed and day: same rows",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_load creates accounts with a published password; it refuses to run with DEBUG off."
            )
        if options["learners"] < 1 or options["cards_per_learner"] < 1 or options["days"] < 1:
            raise CommandError("--learners, --cards-per-learner and --days must be at least 1.")
        try:
            population = seed_population(
                learners=options["learners"],
                cards_per_learner=options["cards_per_learner"],
                days=options["days"],
                seed=options["seed"],
                today=options["today"],
                log=self.stdout.write,
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        for line in population.lines():
            self.stdout.write(line)
