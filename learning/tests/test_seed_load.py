"""seed_load: a deterministic load-test population that the app's pages read like any learner's."""

import hashlib
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Sum
from django.urls import reverse

from learning.models import CardState, ReviewDay, ReviewLog, undo_last_review
from learning.population import PASSWORD, seed_population
from quizzes.models import Assignment, Attempt, Cohort, Response

TODAY = datetime(2026, 6, 1, tzinfo=UTC)


def seed(**overrides):
    return seed_population(
        **{"learners": 30, "cards_per_learner": 20, "days": 90, "seed": 5, "today": TODAY, **overrides}
    )


def fingerprint() -> str:
    """Everything seeded, without database ids (sequences move on after a rollback)."""
    digest = hashlib.sha256()
    for row in ReviewLog.objects.order_by("user__username", "card_id", "reviewed_at").values_list(
        "user__username", "card_id", "rating", "reviewed_at", "token", "state_after"
    ):
        digest.update(repr(row).encode())
    for row in CardState.objects.order_by("user__username", "card_id").values_list(
        "user__username", "card_id", "state", "stability", "due", "reps", "lapses"
    ):
        digest.update(repr(row).encode())
    for row in Attempt.objects.order_by("user__username", "started_at", "mode").values_list(
        "user__username", "mode", "started_at", "score", "assignment__title"
    ):
        digest.update(repr(row).encode())
    return digest.hexdigest()


@pytest.mark.django_db
def test_it_seeds_learners_with_a_history_the_counts_add_up(shipped_notes):
    population = seed()
    learners = User.objects.filter(username__startswith="load-learner-")
    assert learners.count() == 30 and population.instructors == 2
    assert CardState.objects.filter(user__in=learners).count() == 30 * 20 == population.card_states
    assert ReviewLog.objects.filter(user__in=learners).count() == population.reviews > 30 * 20
    # Each card's reps is its number of reviews, as after real study.
    state = CardState.objects.filter(user__in=learners).order_by("-reps").first()
    assert ReviewLog.objects.filter(user=state.user, card=state.card).count() == state.reps
    # A realistic mix: mostly Good, some Again, every rating present.
    mix = population.rating_mix
    assert mix[3] > sum(mix.values()) / 2 and 0.05 < mix[1] / sum(mix.values()) < 0.25 and min(mix.values()) > 0
    assert Cohort.objects.count() == 2 and Assignment.objects.count() == 6
    assert Attempt.objects.filter(assignment__isnull=False).exists()
    assert Response.objects.count() == population.responses > 0
    assert Attempt.objects.count() == population.attempts
    assert User.objects.get(username="load-learner-0001").check_password(PASSWORD)
    # The dashboard's review days add up to the seeded reviews, learner by learner (its heatmap reads them).
    days = ReviewDay.objects.filter(user__in=learners).values("user").annotate(total=Sum("reviews"))
    logs = ReviewLog.objects.filter(user__in=learners).values("user").annotate(total=Count("id"))
    assert {d["user"]: d["total"] for d in days} == {row["user"]: row["total"] for row in logs}


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_rows_and_another_seed_does_not(shipped_notes):
    point = transaction.savepoint()
    seed()
    first = fingerprint()
    transaction.savepoint_rollback(point)
    seed()
    assert fingerprint() == first
    transaction.savepoint_rollback(point)
    seed(seed=6)
    assert fingerprint() != first


@pytest.mark.django_db
def test_seeded_learners_and_instructors_use_the_app(shipped_notes, client):
    seed()
    learner = User.objects.get(username="load-learner-0001")
    signed_in = client.post(reverse("login"), {"username": learner.username, "password": PASSWORD})
    assert signed_in.status_code == 302
    for name in ("learning:dashboard", "learning:review", "quizzes:index", "learning:cards"):
        assert client.get(reverse(name)).status_code == 200, name
    # The learner's latest seeded review undoes exactly, like one made in the app.
    latest = ReviewLog.objects.filter(user=learner).order_by("-reviewed_at").first()
    assert undo_last_review(user=learner) is not None
    assert not ReviewLog.objects.filter(pk=latest.pk).exists()
    instructor = User.objects.get(username="load-instructor-001")
    client.force_login(instructor)
    assignment = Assignment.objects.filter(created_by=instructor).order_by("due_at").first()
    page = client.get(reverse("quizzes:gradebook", args=[assignment.pk]))
    assert page.status_code == 200 and b"load-learner-0001" in page.content


@pytest.mark.django_db
def test_it_refuses_to_seed_twice_and_with_debug_off(shipped_notes, settings):
    seed(learners=2)
    with pytest.raises(ValueError, match="already has a seeded population"):
        seed(learners=2)
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("seed_load", "--learners", "1")
