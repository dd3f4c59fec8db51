"""Print a random sample of active questions, one JSON object a line, to read generated output."""

from __future__ import annotations

import json
import random

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Prefetch

from quizzes.models import Choice, Question


def sample_questions(n: int, *, seed: int | None = None, topic: str | None = None) -> list[Question]:
    """`n` random active questions (all of them when there are fewer), the same ones for the same seed."""
    pool = Question.objects.active().order_by("key")
    if topic:
        pool = pool.filter(topic__slug=topic)
    keys = list(pool.values_list("key", flat=True))
    picked = random.Random(seed).sample(keys, min(n, len(keys)))
    offered = Prefetch("choices", queryset=Choice.objects.offered().order_by("position", "pk"))
    by_key = {q.key: q for q in pool.filter(key__in=picked).select_related("topic").prefetch_related(offered)}
    return [by_key[key] for key in picked]


def question_record(question: Question) -> dict:
    choices = list(question.choices.all())
    return {
        "scenario": question.scenario,
        "stem": question.stem,
        "select": "Select TWO." if question.kind == "multi" else "Select one.",  # (the hint shown under the stem)
        "options": [{"text": c.text, "right": c.correct} for c in choices],
        "explanations": [
            {
                "option": c.text,
                "explanation": c.explanation,
                "quote": c.quote,
                "in_notes": c.notes_claim,  # (as its explanation says: a quote or its own page, not, or nothing)
                "sources": c.sources,
            }
            for c in choices
        ],
        "family": question.family,
        "topic": question.topic.slug,
        "domain": question.domain,
        "sources": [f"{label}:{line}" for label, _source_id, line in question.refs],
    }


class Command(BaseCommand):
    help = "questions --sample N [--seed S] [--topic SLUG]: N random active questions as JSON lines."

    def add_arguments(self, parser):
        parser.add_argument("--sample", type=int, required=True, metavar="N")
        parser.add_argument("--seed", type=int, default=None)
        parser.add_argument("--topic", default=None, metavar="SLUG")

    def handle(self, *args, sample: int, seed, topic, **options):
        if sample < 1:
            raise CommandError("--sample must be at least 1.")
        questions = sample_questions(sample, seed=seed, topic=topic)
        if not questions:
            where = f" on topic {topic!r}" if topic else ""
            raise CommandError(f"No active questions{where}: run ingest first.")
        for question in questions:
            self.stdout.write(json.dumps(question_record(question), ensure_ascii=False))
