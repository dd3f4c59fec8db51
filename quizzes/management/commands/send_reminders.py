"""Email learners about new assignments and those due within 24 hours. Safe to run every few minutes."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from quizzes.assignments import send_reminders


class Command(BaseCommand):
    help = "Send assignment reminders that are owed now; each reminder is sent once however often this runs."

    def handle(self, *args, **options):
        sent = send_reminders(timezone.now())
        self.stdout.write(f"{sent} reminder{'s' if sent != 1 else ''} sent")
