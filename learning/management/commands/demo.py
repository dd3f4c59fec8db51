"""Create demo accounts (one instructor, two learners) so a newcomer can look around."""

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from learning.demo_history import give_demo_history
from learning.roles import make_instructor
from quizzes.demo_class import create_demo_class

DEMO_USERS = [
    # username, password, instructor?
    ("demo-instructor", "stratus-teach-2026", True),
    ("demo-learner", "stratus-learn-2026", False),
    ("demo-learner2", "stratus-learn-2026", False),
]


def create_demo_users() -> list[tuple[str, str, bool, bool]]:
    """Create the demo users that are missing; return (username, password, instructor, created)."""
    rows = []
    for username, password, instructor in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.com"})
        if created:
            user.set_password(password)
            user.save()
        if instructor:
            make_instructor(user)
        rows.append((username, password, instructor, created))
    return rows


class Command(BaseCommand):
    help = "Create demo users (refuses to run when DEBUG is off)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo creates accounts with published passwords; it refuses to run with DEBUG off.")
        for username, password, instructor, created in create_demo_users():
            role = "instructor" if instructor else "learner"
            state = "created" if created else "already there (password unchanged)"
            self.stdout.write(f"  {role:<10} {username:<16} password: {password:<20} {state}")
        history = give_demo_history(User.objects.get(username="demo-learner"), now=timezone.now())
        if history is not None:
            self.stdout.write(
                f"  demo-learner: a year of study simulated ({history.reviews:,} reviews of "
                f"{history.cards:,} cards, {history.exams} practice exams, {history.quizzes} quizzes)"
            )
        self.stdout.write(f"  {create_demo_class(timezone.now())}")
