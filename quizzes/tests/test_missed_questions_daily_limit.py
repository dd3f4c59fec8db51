"""Missed quiz questions bring cards forward without breaking the learner's daily new-card limit."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from fsrs import Rating

from learning.models import CardState, ReviewLog, StudySettings, record_review
from learning.queue import build_queue, card_token

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # the learner's day runs 04:00-04:00 UTC


def review_until_done(learner, study: StudySettings, now: datetime) -> list[int]:
    """Rate every card the queue serves Good, moving the clock past learning steps, until the day is done;
    returns the card ids in the order they were first shown."""
    shown: list[int] = []
    day_end = study.day_bounds(now)[1]
    while now < day_end - timedelta(minutes=15):
        queue = build_queue(learner, study, now)
        if queue.card is None:
            if queue.next_due is None or queue.next_due >= day_end:
                break
            now = max(now + timedelta(minutes=1), queue.next_due)
            continue
        if queue.card.pk not in shown:
            shown.append(queue.card.pk)
        reps = queue.state.reps if queue.state else 0
        record_review(
            user=learner,
            card=queue.card,
            token=card_token(learner.pk, queue.card.pk, reps),
            rating=Rating.Good.value,
            duration_ms=4000,
            now=now,
            study=study,
            expected_token=lambda r, card=queue.card: card_token(learner.pk, card.pk, r),
        )
        now += timedelta(seconds=20)
    return shown


def test_ten_missed_questions_never_push_new_cards_past_the_daily_limit(
    client, learner, make_question, make_card, start_quiz, post_answer, options
):
    # 40 cards the learner has never studied, four behind each of ten questions, and 8 ordinary new cards
    # ahead of them in catalog order.
    ordinary = [make_card() for _ in range(8)]
    behind = [[make_card() for _ in range(4)] for _ in range(10)]
    questions = [make_question(cards=cards) for cards in behind]
    study = StudySettings.objects.create(user=learner, new_per_day=12)
    client.force_login(learner)

    with time_machine.travel(START, tick=False):
        before = build_queue(learner, study, START)
        assert (before.new, before.learning, before.review) == (12, 0, 0)
        attempt = start_quiz("practice", count=10)
        by_id = {q.pk: q for q in questions}
        for position, pk in enumerate(attempt.question_ids, start=1):
            post_answer(attempt, position, options(by_id[pk], right=False))

        after = build_queue(learner, study, START)
        assert (after.new, after.learning, after.review) == (12, 0, 0)  # was 0 -> 41 learning before the fix
        assert not CardState.objects.filter(user=learner).exists()
        page = client.get(reverse("learning:dashboard")).content.decode()
        assert 'data-testid="count-new">48<' in page  # never reviewed: all still new on the dashboard

    shown = review_until_done(learner, study, START + timedelta(minutes=5))

    day_start, day_end = study.day_bounds(START)
    introduced = ReviewLog.objects.filter(
        user=learner, reviewed_at__range=(day_start, day_end), state_before__isnull=True
    )
    assert introduced.count() == 12 == len(shown)  # exactly the limit, never more
    queued_cards = {card.pk for cards in behind for card in cards}
    assert set(shown) <= queued_cards  # the missed questions' cards came first, ahead of catalog order
    assert not set(shown) & {card.pk for card in ordinary}

    # The next day the rest carry on, again within the limit.
    tomorrow = START + timedelta(days=1)
    shown_tomorrow = review_until_done(learner, study, tomorrow)
    new_tomorrow = ReviewLog.objects.filter(user=learner, reviewed_at__gte=day_end, state_before__isnull=True)
    assert new_tomorrow.count() == 12
    assert set(shown_tomorrow) - set(shown) <= queued_cards
