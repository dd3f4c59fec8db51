"""The migration's data steps: old quiz-made states become new cards again, and old reviews get their columns."""

import importlib
from datetime import UTC, datetime

import pytest
from django.apps import apps
from fsrs import State

from learning.models import CardState, QueuedNewCard, ReviewLog

pytestmark = pytest.mark.django_db
migration = importlib.import_module("learning.migrations.0003_progress_dashboard")
NOW = datetime(2026, 11, 2, 9, tzinfo=UTC)


def test_never_studied_states_become_queued_new_cards_and_suspensions_stay(learner, make_cards):
    fed, suspended, studied = make_cards(3)
    CardState.objects.create(user=learner, card=fed, state=State.Learning.value, step=0, due=NOW)  # a quiz miss
    CardState.objects.create(user=learner, card=suspended, due=NOW, step=0, suspended=True)  # suspended while new
    CardState.objects.create(user=learner, card=studied, state=State.Review.value, due=NOW, reps=3)
    migration.requeue_unstudied_states(apps, None)
    assert set(CardState.objects.values_list("card_id", flat=True)) == {suspended.pk, studied.pk}
    assert list(QueuedNewCard.objects.values_list("user_id", "card_id", "queued_at")) == [(learner.pk, fed.pk, NOW)]


def test_old_reviews_get_their_state_and_previous_rating_as_columns(learner, make_cards):
    (card,) = make_cards(1)
    ReviewLog.objects.bulk_create(
        [  # bulk_create skips save(), as rows written before this migration did
            ReviewLog(user=learner, card=card, rating=3, reviewed_at=NOW, token="a", state_after={}),
            ReviewLog(
                user=learner,
                card=card,
                rating=3,
                reviewed_at=NOW,
                token="b",
                state_after={},
                state_before={"state": State.Review.value, "last_review": "2026-10-30T08:15:00+00:00"},
            ),
        ]
    )
    migration.copy_review_facts(apps, None)
    rows = dict(ReviewLog.objects.values_list("token", "before_state"))
    assert rows == {"a": None, "b": State.Review.value}
    assert ReviewLog.objects.get(token="b").previous_review == datetime(2026, 10, 30, 8, 15, tzinfo=UTC)
