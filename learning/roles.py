"""Roles: every user is a learner; instructors are members of the `instructors` group."""

from django.contrib.auth.models import Group

INSTRUCTORS = "instructors"


def is_instructor(user) -> bool:
    if not user.is_authenticated:
        return False
    # Cached on the user object: the header asks on every page.
    if not hasattr(user, "_stratus_is_instructor"):
        user._stratus_is_instructor = user.groups.filter(name=INSTRUCTORS).exists()
    return user._stratus_is_instructor


def make_instructor(user) -> None:
    group, _ = Group.objects.get_or_create(name=INSTRUCTORS)
    user.groups.add(group)


def make_learner(user) -> None:
    user.groups.remove(*Group.objects.filter(name=INSTRUCTORS))
