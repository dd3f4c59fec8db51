"""FSRS scheduling pinned to the fsrs package, the queue order, daily limits, undo, leeches, one-use tokens."""

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State

from learning.models import (
    LEARNING_STEPS,
    RELEARNING_STEPS,
    CardState,
    ReviewLog,
    ReviewRefused,
    StudySettings,
    record_review,
    undo_last_review,
)
from learning.queue import build_queue, card_token

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def rate(user, card, rating, now, study=None, fuzz=False):
    study = study or StudySettings.for_user(user)
    if not fuzz:
        study.scheduler = lambda fuzz=False, _s=study: Scheduler(
            desired_retention=_s.desired_retention,
            learning_steps=LEARNING_STEPS,
            relearning_steps=RELEARNING_STEPS,
            enable_fuzzing=False,
        )
    state = CardState.objects.filter(user=user, card=card).first()
    token = card_token(user.pk, card.pk, state.reps if state else 0)
    return record_review(
        user=user,
        card=card,
        token=token,
        rating=rating,
        duration_ms=4000,
        now=now,
        study=study,
        expected_token=lambda reps: card_token(user.pk, card.pk, reps),
    )


@pytest.mark.django_db
def test_stability_difficulty_and_due_equal_what_fsrs_gives(learner, make_cards):
    [card] = make_cards(1)
    scheduler = Scheduler(learning_steps=LEARNING_STEPS, relearning_steps=RELEARNING_STEPS, enable_fuzzing=False)
    reference = Card(card_id=card.pk, state=State.Learning, step=0, due=T0)
    now = T0
    for rating in (Rating.Good, Rating.Good, Rating.Again, Rating.Hard, Rating.Good, Rating.Easy):
        reference, _ = scheduler.review_card(reference, rating, review_datetime=now)
        rate(learner, card, rating.value, now)
        state = CardState.objects.get(user=learner, card=card)
        assert state.stability == pytest.approx(reference.stability)
        assert state.difficulty == pytest.approx(reference.difficulty)
        assert state.due == reference.due
        assert state.state == reference.state.value and state.step == reference.step
        now = reference.due
    first = ReviewLog.objects.filter(user=learner).order_by("reviewed_at").first()
    assert first.state_after["stability"] == pytest.approx(2.3065)  # Anki's own first-Good number


@pytest.mark.django_db
def test_the_queue_serves_learning_then_due_reviews_then_new_in_catalog_order(learner, make_cards):
    cards = make_cards(6)
    study = StudySettings.for_user(learner)
    rate(learner, cards[4], Rating.Again.value, T0)  # learning, due T0+1m
    CardState.objects.create(
        user=learner,
        card=cards[3],
        state=State.Review.value,
        stability=5,
        difficulty=5,
        due=T0 - timedelta(days=1),
        last_review=T0 - timedelta(days=6),
        reps=3,
    )
    CardState.objects.create(
        user=learner,
        card=cards[5],
        state=State.Review.value,
        stability=5,
        difficulty=5,
        due=T0 - timedelta(days=2),
        last_review=T0 - timedelta(days=7),
        reps=3,
    )
    now = T0 + timedelta(minutes=2)
    queue = build_queue(learner, study, now)
    assert (queue.new, queue.learning, queue.review) == (3, 1, 2)
    assert queue.card == cards[4]  # learning card due now
    rate(learner, cards[4], Rating.Good.value, now)
    assert build_queue(learner, study, now).card == cards[5]  # the oldest due review
    rate(learner, cards[5], Rating.Good.value, now)
    assert build_queue(learner, study, now).card == cards[3]
    rate(learner, cards[3], Rating.Good.value, now)
    assert build_queue(learner, study, now).card == cards[0]  # then new cards, catalog order


@pytest.mark.django_db
def test_the_new_card_limit_resets_at_the_learners_day_start_in_their_time_zone(learner, make_cards):
    cards = make_cards(5)
    study = StudySettings.for_user(learner)
    study.new_per_day, study.time_zone, study.day_starts_hour = 2, "America/New_York", 4
    study.save()
    # 2026-11-02 03:30 in New York is 08:30 UTC: still the study day that began on Nov 1 at 04:00.
    late = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
    rate(learner, cards[0], Rating.Easy.value, late, study)
    rate(learner, cards[1], Rating.Easy.value, late, study)
    assert build_queue(learner, study, late).new == 0
    assert build_queue(learner, study, late + timedelta(minutes=20)).new == 0  # 03:50 local: same day
    after_four = datetime(2026, 11, 2, 9, 1, tzinfo=UTC)  # 04:01 in New York: a new study day
    queue = build_queue(learner, study, after_four)
    assert queue.new == 2 and queue.card == cards[2]


@pytest.mark.django_db
def test_undo_restores_the_exact_prior_state(learner, make_cards):
    [card] = make_cards(1)
    rate(learner, card, Rating.Good.value, T0)
    before = CardState.objects.get(user=learner, card=card).snapshot()
    rate(learner, card, Rating.Again.value, T0 + timedelta(minutes=10))
    undo_last_review(user=learner)
    assert CardState.objects.get(user=learner, card=card).snapshot() == before
    assert ReviewLog.objects.filter(user=learner).count() == 1
    undo_last_review(user=learner)
    assert not CardState.objects.filter(user=learner, card=card).exists()  # new again
    assert undo_last_review(user=learner) is None


@pytest.mark.django_db
def test_eight_lapses_suspend_the_card_as_a_leech(learner, make_cards):
    [card] = make_cards(1)
    now = T0
    rate(learner, card, Rating.Easy.value, now)  # straight to review
    for lapse in range(1, 9):
        now = CardState.objects.get(user=learner, card=card).due
        rate(learner, card, Rating.Again.value, now)
        state = CardState.objects.get(user=learner, card=card)
        assert state.lapses == lapse
        assert state.leech == (lapse == 8) and state.suspended == (lapse == 8)
        if lapse < 8:
            while state.state != State.Review.value:  # relearn back into review
                rate(learner, card, Rating.Good.value, state.due)
                state = CardState.objects.get(user=learner, card=card)
    assert build_queue(learner, StudySettings.for_user(learner), now + timedelta(days=400)).card is None


@pytest.mark.django_db
def test_a_rating_sent_twice_is_recorded_once(learner, make_cards):
    [card] = make_cards(1)
    study = StudySettings.for_user(learner)
    token = card_token(learner.pk, card.pk, 0)
    args = dict(
        user=learner,
        card=card,
        token=token,
        rating=3,
        duration_ms=None,
        now=T0,
        study=study,
        expected_token=lambda reps: card_token(learner.pk, card.pk, reps),
    )
    assert record_review(**args) is not None
    assert record_review(**args) is None
    assert ReviewLog.objects.filter(user=learner).count() == 1
    assert CardState.objects.get(user=learner, card=card).reps == 1


@pytest.mark.django_db
def test_bad_ratings_and_stale_tokens_change_nothing(learner, make_cards):
    [card] = make_cards(1)
    study = StudySettings.for_user(learner)
    base = dict(
        user=learner,
        card=card,
        duration_ms=None,
        now=T0,
        study=study,
        expected_token=lambda reps: card_token(learner.pk, card.pk, reps),
    )
    with pytest.raises(ReviewRefused, match="1 \\(Again\\)"):
        record_review(token=card_token(learner.pk, card.pk, 0), rating=5, **base)
    with pytest.raises(ReviewRefused, match="reload"):
        record_review(token="f" * 32, rating=3, **base)
    assert not CardState.objects.exists() and not ReviewLog.objects.exists()


@pytest.mark.django_db
def test_undo_after_a_reset_changes_nothing_and_does_not_fail(learner, make_cards):
    [card] = make_cards(1)
    rate(learner, card, Rating.Good.value, T0)
    CardState.objects.filter(user=learner, card=card).delete()  # the learner reset the card
    assert undo_last_review(user=learner) is None
    assert ReviewLog.objects.filter(user=learner).count() == 1
