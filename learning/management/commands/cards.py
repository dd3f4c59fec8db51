"""Print a random sample of active flashcards, one JSON object a line, to read generated output."""

import json
import random

from django.core.management.base import BaseCommand, CommandError

from learning.models import Flashcard


class Command(BaseCommand):
    help = "cards --sample N [--seed S] [--topic SLUG]: N random active cards as JSON lines."

    def add_arguments(self, parser):
        parser.add_argument("--sample", type=int, required=True, metavar="N")
        parser.add_argument("--seed", type=int, default=None)
        parser.add_argument("--topic", default=None, metavar="SLUG")

    def handle(self, *args, sample: int, seed, topic, **options):
        if sample < 1:
            raise CommandError("--sample must be at least 1.")
        cards = Flashcard.objects.active().select_related("topic").order_by("key")
        if topic:
            cards = cards.filter(topic__slug=topic)
        pool = list(cards)
        if not pool:
            raise CommandError("No active cards" + (f" on topic {topic!r}" if topic else "") + ": run ingest first.")
        for card in random.Random(seed).sample(pool, min(sample, len(pool))):
            self.stdout.write(
                json.dumps(
                    {
                        "front": card.front,
                        "back": card.back,
                        "kind": card.kind,
                        "topic": card.topic.slug,
                        "sources": [f"{label}:{line}" for label, _, line in card.refs],
                    },
                    ensure_ascii=False,
                )
            )
