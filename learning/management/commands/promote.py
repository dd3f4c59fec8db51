"""Make a user an instructor (--instructor) or a plain learner again (--learner)."""

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from learning.roles import make_instructor, make_learner


class Command(BaseCommand):
    help = "Set a user's role: promote USERNAME --instructor | --learner"

    def add_arguments(self, parser):
        parser.add_argument("username")
        role = parser.add_mutually_exclusive_group(required=True)
        role.add_argument("--instructor", action="store_true", help="add to the instructors group")
        role.add_argument("--learner", action="store_true", help="remove from the instructors group")

    def handle(self, *args, username, instructor, learner, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        if instructor:
            make_instructor(user)
            self.stdout.write(f"{username} is now an instructor.")
        else:
            make_learner(user)
            self.stdout.write(f"{username} is now a learner.")
