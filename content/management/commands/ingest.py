"""Ingest notes files or folders into topic pages (default: content/notes/)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.services import NOTES_DIR, NothingIngested, ingest


class Command(BaseCommand):
    help = "Ingest notes (.txt, .md, .markdown) into topics, sections and facts. Idempotent; one transaction."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help=f"files or folders (default: {NOTES_DIR})")
        parser.add_argument("--json", action="store_true", help="print one JSON object instead of a summary")

    def handle(self, *args, paths, json: bool = False, **options):
        try:
            report = ingest(paths or None)
        except NothingIngested as error:
            if json:
                self.stdout.write(_dumps({**error.report.as_dict(), "error": str(error)}))
            raise CommandError(str(error)) from None
        if json:
            self.stdout.write(_dumps(report.as_dict()))
            return
        self.print_summary(report.as_dict())

    def print_summary(self, r: dict) -> None:
        out = self.stdout.write
        out(self.style.SUCCESS(f"Ingested {r['sources_ingested']} notes file(s) in {r['seconds']:.2f} s."))
        for skip in r["sources_skipped"]:
            out(self.style.WARNING(f"  skipped {skip['path']}: {skip['reason']}"))
        out(f"  now: {r['topics']} topics with content, {r['sections']} sections, {r['facts']} facts, "
            f"{r['cards']} cards, {r['questions']} questions")
        for word in ("created", "updated", "retired"):
            counts = ", ".join(f"{n} {kind}" for kind, n in sorted(r[word].items()) if n) or "nothing"
            out(f"  {word}: {counts}")
        if r["warnings"]:
            out(f"  {len(r['warnings'])} warning(s):")
            for warning in r["warnings"][:20]:
                out(f"    - {warning}")
            if len(r["warnings"]) > 20:
                out(f"    ... and {len(r['warnings']) - 20} more (use --json to see all)")


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
