"""Print topic summaries as plain text, as the page shows them, to read them without the page (blind rounds)."""

import random

from django.core.management.base import BaseCommand, CommandError

from content.models import Topic
from content.summary import as_text


class Command(BaseCommand):
    help = (
        "summaries [--all | --sample N --seed S] [SLUG ...]: the named topics' summaries, then N more picked at "
        "random among the other topics with content (--all: every topic with content)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG")
        parser.add_argument("--sample", type=int, default=0, metavar="N")
        parser.add_argument("--seed", type=int, default=None)
        parser.add_argument("--all", action="store_true", help="every topic with content, in slug order")

    def handle(self, *args, slugs, sample: int, seed, **options):
        topics = {t.slug: t for t in Topic.objects.with_content()}
        if options["all"]:
            slugs = sorted(topics)
        unknown = [s for s in slugs if s not in topics]
        if unknown:
            raise CommandError(f"No topic with content: {', '.join(unknown)} (run ingest first?)")
        others = sorted(s for s in topics if s not in slugs)
        picked = random.Random(seed).sample(others, min(sample, len(others))) if sample else []
        if sample:
            self.stdout.write(f"Random pick: seed {seed}, {len(picked)} of {len(others)} other topics with content.\n")
        for slug in [*picked, *slugs]:
            topic = topics[slug]
            self.stdout.write(f"## {topic.name} ({slug})\n")
            text = as_text(topic.summary_sheet, topic.name, topic.discontinued)
            self.stdout.write(text.split("\n", 1)[1].strip() + "\n")
