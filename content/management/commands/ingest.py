"""Ingest notes through the library: add or update the notes under PATH, then ingest the whole library."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from content.library import Incoming, import_shipped_notes_if_empty, read_folder, run_job
from content.models import IngestJob, UploadedFile
from content.services import NOTES_DIR


class Command(BaseCommand):
    help = (
        "Add or update the notes (.txt, .md, .markdown) under each PATH in the library, then ingest the library "
        f"into topics, sections, facts, cards and questions. Without PATH: a fresh install imports {NOTES_DIR} "
        "first, later runs re-ingest the library as it is. Idempotent; one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders to add to the library")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="make PATH the whole library: notes not under it are deleted (content retired)",
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object instead of a summary")

    def handle(self, *args, paths, replace: bool = False, json: bool = False, **options):
        if replace and not paths:
            raise CommandError("--replace needs the PATH that becomes the whole library.")
        incoming = Incoming()
        for path in paths:
            if not path.exists() and not path.is_symlink():
                incoming.refuse(str(path), "no such file or folder")
                continue
            read_folder(path, incoming)
        if not paths:
            import_shipped_notes_if_empty()
        summary = f"manage.py ingest {' '.join(str(p) for p in paths)}".strip()
        job = IngestJob.objects.create(
            kind="command", summary=summary[:300], replace=replace, refused=incoming.refused, created_at=timezone.now()
        )
        if incoming.notes:
            UploadedFile.objects.bulk_create(
                [UploadedFile(job=job, name=name, data=raw, size=len(raw)) for name, raw in incoming.notes]
            )
        job = run_job(job.pk)  # the operator waits for the report: run here, not on the worker
        report = job.report.get("report", {})
        if job.status == IngestJob.FAILED:
            if json:
                self.stdout.write(_dumps({**report, "error": job.error}))
            raise CommandError(job.error)
        if json:
            self.stdout.write(_dumps({**report, "library": job.report.get("library")}))
            return
        self.print_summary(report)

    def print_summary(self, r: dict) -> None:
        out = self.stdout.write
        out(self.style.SUCCESS(f"Ingested {r['sources_ingested']} notes file(s) in {r['seconds']:.2f} s."))
        for skip in r["sources_skipped"]:
            out(self.style.WARNING(f"  skipped {skip['path']}: {skip['reason']}"))
        out(
            f"  now: {r['topics']} topics with content, {r['sections']} sections, {r['facts']} facts, "
            f"{r['cards']} cards, {r['questions']} questions"
        )
        for word in ("created", "updated", "retired"):
            counts = ", ".join(f"{n} {kind}" for kind, n in sorted(r[word].items()) if n) or "nothing"
            out(f"  {word}: {counts}")
        rejected = sorted(r.get("rejected", {}).items(), key=lambda kv: (-kv[1], kv[0]))
        if rejected:
            deck = r["deck"]
            out(f"  cards: {deck['made']} of {deck['considered']} facts and scenario questions made one; turned away:")
            for rule, n in rejected:
                out(f"    {rule}: {n}")
        if r["warnings"]:
            out(f"  {len(r['warnings'])} warning(s):")
            for warning in r["warnings"][:20]:
                out(f"    - {warning}")
            if len(r["warnings"]) > 20:
                out(f"    ... and {len(r['warnings']) - 20} more (use --json to see all)")


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
