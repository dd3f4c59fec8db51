"""Write the cards of chosen topics (default: every topic with cards) to an Anki package or a CSV file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from learning.export import FORMATS, NothingToExport, build_export, cards_for_export
from learning.forms import topics_with_cards


def topics_by_slug(slugs: list[str]) -> list:
    """The topics named, in catalog order; every slug must name a topic that has cards."""
    topics = topics_with_cards()
    if not slugs:
        return list(topics)
    found = {topic.slug: topic for topic in topics.filter(slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise CommandError(
            f"No topic with cards has the slug {', '.join(map(repr, unknown))}. "
            "Topic slugs are in content/catalog.toml and in each topic page's address."
        )
    return [topic for topic in topics if topic.slug in found]


class Command(BaseCommand):
    help = "export_cards --format apkg|csv [--topic SLUG ...] -o FILE: cards to an Anki package or a CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(FORMATS), required=True, dest="fmt")
        parser.add_argument(
            "--topic",
            action="append",
            default=[],
            metavar="SLUG",
            help="a topic to export (repeat for more); default: every topic with cards",
        )
        parser.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write; - for stdout")

    def handle(self, *args, fmt: str, topic: list[str], output: str, **options):
        try:
            export = build_export(cards_for_export(topics_by_slug(topic)), fmt, timezone.now())
        except NothingToExport as nothing:
            raise CommandError(f"{nothing} Run ingest first if there are no cards at all.") from nothing
        if output == "-":
            if fmt == "apkg":
                raise CommandError("An Anki package is binary: give a file name with -o.")
            self.stdout.write(export.content.decode("utf-8"), ending="")
            return
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(f"No folder {str(path.parent)!r} to write {path.name!r} into.")
        path.write_bytes(export.content)
        topics = f"{export.topic_count} topic" + ("" if export.topic_count == 1 else "s")
        self.stderr.write(f"Wrote {export.card_count} cards from {topics} to {path}.")
