"""The dashboard: today's queue, recent reviews per day, mastery per topic, for the signed-in learner only."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from fsrs import State

from learning.models import CardState, ReviewLog, StudySettings

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_today_and_mastery_for_this_learner_only(client, learner, outsider, make_cards,
                                                                      django_assert_max_num_queries):
    cards = make_cards(4)
    now = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
    CardState.objects.create(user=learner, card=cards[0], state=State.Review.value, stability=40, difficulty=5,
                             due=now + timedelta(days=30), last_review=now - timedelta(days=1), reps=4)
    CardState.objects.create(user=outsider, card=cards[1], state=State.Review.value, stability=40, difficulty=5,
                             due=now + timedelta(days=30), last_review=now - timedelta(days=1), reps=4)
    for days_ago in (0, 0, 2):
        ReviewLog.objects.create(user=learner, card=cards[0], rating=3, reviewed_at=now - timedelta(days=days_ago),
                                 token=f"t{days_ago}-{ReviewLog.objects.count()}", state_after={})
    StudySettings.for_user(learner)  # steady state: the first visit also creates the settings row
    client.force_login(learner)
    with time_machine.travel(now, tick=False), django_assert_max_num_queries(9):
        html = client.get(reverse("learning:dashboard")).content.decode()
    assert "3 ratings" in html
    assert 'title="Tue 10 Nov: 2"' in html and 'title="Sun 8 Nov: 1"' in html
    row = html.split(f">{cards[0].topic.name}</a>")[1].split("</tr>")[0]
    assert '<td class="num">1</td><td class="num">1</td><td class="num">4</td>' in row  # mastered, seen, cards


def test_the_dashboard_needs_sign_in(client):
    assert client.get(reverse("learning:dashboard")).status_code == 302
