"""The dashboard's per-day review totals stay equal to what the review log says, through ratings, undo, reset
and a change of the learner's day, however they are reached."""

import re
import zoneinfo
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from fsrs import State

from learning.models import ReviewDay, ReviewLog, StudySettings
from learning.progress import learner_progress, recount_review_days

pytestmark = pytest.mark.django_db
REVIEW = State.Review.value
RATINGS = [3, 3, 1, 3, 2, 4, 3, 1, 3]


def shown(client):
    html = client.get(reverse("learning:review"), {"show": "1"}).content.decode()
    card = re.search(r'name="card" value="(\d+)"', html)
    token = re.search(r'name="token" value="(\w+)"', html)
    return (int(card.group(1)), token.group(1)) if card else (None, None)


def from_the_log(user) -> dict[date, list[int]]:
    """Per study day, straight from the review log and its snapshots: [reviews, first reviews of review cards
    that day, of those not rated Again]."""
    study = StudySettings.objects.get(user=user)
    zone = zoneinfo.ZoneInfo(study.time_zone)

    def day(at: datetime) -> date:
        return (at.astimezone(zone).replace(tzinfo=None) - timedelta(hours=study.day_starts_hour)).date()

    days = defaultdict(lambda: [0, 0, 0])
    for log in ReviewLog.objects.filter(user=user):
        figures = days[day(log.reviewed_at)]
        figures[0] += 1
        before = log.state_before or {}
        if before.get("state") == REVIEW:
            last = before.get("last_review")
            if last is None or day(datetime.fromisoformat(last)) < day(log.reviewed_at):
                figures[1] += 1
                figures[2] += log.rating > 1
    return dict(days)


def assert_dashboard_matches_the_log(user, now: datetime) -> dict:
    study = StudySettings.objects.get(user=user)
    expected = from_the_log(user)
    progress = learner_progress(user, study, now)
    assert {cell.day: cell.count for cell in progress.heatmap if cell.count} == {
        day: figures[0] for day, figures in expected.items() if day > study.study_day(now) - timedelta(days=365)
    }
    today = study.study_day(now)
    assert progress.today.reviewed == expected.get(today, [0])[0]
    streak_from = today if today in expected else today - timedelta(days=1)
    streak = 0
    while streak_from - timedelta(days=streak) in expected:
        streak += 1
    assert progress.today.streak == streak
    for retention in progress.retention:
        since = today - timedelta(days=retention.days - 1) if retention.days else date.min
        rows = [figures for day, figures in expected.items() if day >= since]
        assert (retention.passed, retention.total) == (sum(r[2] for r in rows), sum(r[1] for r in rows)), retention
    return expected


def test_the_dashboard_equals_the_review_log_after_reviews_undo_reset_and_a_moved_day(client, learner, make_cards):
    """Eight days of reviews in Kolkata (UTC+5:30, a day starting at 4), each rated through the review page; an
    undo every other day, a card reset, reviews at 01:30 local that belong to the day before; then the learner
    moves to Berlin with days starting at midnight."""
    make_cards(8)
    StudySettings.objects.create(user=learner, time_zone="Asia/Kolkata", day_starts_hour=4, new_per_day=4)
    client.force_login(learner)
    kolkata = zoneinfo.ZoneInfo("Asia/Kolkata")
    ratings = iter(RATINGS * 40)
    with time_machine.travel(datetime(2026, 11, 2, 9, tzinfo=kolkata), tick=False) as clock:
        for day in range(8):
            for _ in range(30):
                card, token = shown(client)
                if card is None:
                    break
                assert (
                    client.post(
                        reverse("learning:rate"), {"card": card, "token": token, "rating": next(ratings)}
                    ).status_code
                    == 302
                )
                clock.shift(timedelta(minutes=11))
            if day % 2:
                assert client.post(reverse("learning:undo")).status_code == 302
            if day == 3:
                reset = ReviewLog.objects.filter(user=learner).latest("reviewed_at").card_id
                assert client.post(reverse("learning:reset_card", args=[reset])).status_code in (200, 302)
            assert_dashboard_matches_the_log(learner, datetime.now(UTC))
            # Late at night: 01:30 local the next calendar day still belongs to this study day.
            clock.move_to(datetime(2026, 11, 3 + day, 1, 30, tzinfo=kolkata))
            card, token = shown(client)
            if card is not None:
                client.post(reverse("learning:rate"), {"card": card, "token": token, "rating": 3})
            assert_dashboard_matches_the_log(learner, datetime.now(UTC))
            clock.move_to(datetime(2026, 11, 3 + day, 9, tzinfo=kolkata))
        now = datetime.now(UTC)

    expected = assert_dashboard_matches_the_log(learner, now)
    assert sum(figures[1] for figures in expected.values()) >= 5  # true retention had review cards to count
    assert len(expected) == 8 and ReviewLog.objects.filter(user=learner).count() > 40

    # What the running totals hold is exactly what a recount from the log gives.
    kept = sorted(
        ReviewDay.objects.filter(user=learner, reviews__gt=0).values_list(
            "day", "reviews", "again", "introduced", "review_state", "first_reviews", "passed"
        )
    )
    recount_review_days(learner.pk, "Asia/Kolkata", 4)
    assert kept == sorted(
        ReviewDay.objects.filter(user=learner).values_list(
            "day", "reviews", "again", "introduced", "review_state", "first_reviews", "passed"
        )
    )

    # The learner moves their day: the totals are recounted under the new settings on the next look.
    StudySettings.objects.filter(user=learner).update(time_zone="Europe/Berlin", day_starts_hour=0)
    assert_dashboard_matches_the_log(learner, now)
    assert set(ReviewDay.objects.filter(user=learner).values_list("time_zone", "day_starts_hour")) == {
        ("Europe/Berlin", 0)
    }


def test_the_migration_counts_the_reviews_logged_before_it(learner, make_cards):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("learning.migrations.0004_dashboard_review_days")
    (card,) = make_cards(1)
    StudySettings.objects.create(user=learner, time_zone="Europe/Berlin", day_starts_hour=4)
    ReviewLog.objects.bulk_create(
        [  # bulk_create skips the running totals, as reviews from before the migration
            ReviewLog(
                user=learner,
                card=card,
                rating=3,
                reviewed_at=datetime(2026, 11, 2, 0, 30, tzinfo=UTC),
                token="a",
                state_after={},
            ),  # 01:30 in Berlin: the study day of 1 November
            ReviewLog(
                user=learner,
                card=card,
                rating=1,
                reviewed_at=datetime(2026, 11, 2, 9, tzinfo=UTC),
                token="b",
                state_after={},
                state_before={"state": REVIEW, "last_review": "2026-11-02T00:30:00+00:00"},
            ).fill_from_snapshot(),
        ]
    )
    migration.count_review_days(apps, None)
    assert sorted(
        ReviewDay.objects.values_list("day", "reviews", "again", "introduced", "first_reviews", "passed")
    ) == [(date(2026, 11, 1), 1, 0, 1, 0, 0), (date(2026, 11, 2), 1, 1, 0, 1, 0)]
