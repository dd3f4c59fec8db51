"""The dashboard counts each card under its topic however the card and the learner's state of it were written.

A learner's state holds a copy of its card's topic (the dashboard adds states up per topic without reading the
cards); these check that the copy follows the card when re-ingest moves it, and that no write can make it wrong.
"""

from datetime import UTC, datetime

import pytest
import time_machine
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from content.models import Topic
from learning.models import CardState, Flashcard, StudySettings, record_review
from learning.progress import learner_progress
from learning.queue import card_token

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)


def rate(user, card, now=NOW):
    record_review(
        user=user,
        card=card,
        token=card_token(user.pk, card.pk, 0),
        rating=3,
        duration_ms=1000,
        now=now,
        study=StudySettings.for_user(user),
        expected_token=lambda reps: card_token(user.pk, card.pk, reps),
    )


def other_topic() -> Topic:
    return Topic.objects.create(
        slug="topic-move-elsewhere",
        name="Somewhere else",
        category="c",
        category_name="C",
        domain="security-compliance",
        section_count=1,
    )


def mastery_row(html: str, slug: str) -> str:
    return html.split(f'data-testid="topic-{slug}"')[1].split("</tr>")[0]


def test_a_card_moved_to_another_topic_by_reingest_counts_there(client, learner, make_cards):
    moved, stays = make_cards(2, slug="topic-move-home")
    elsewhere = other_topic()
    Flashcard.objects.create(key="topic-move-x", topic=elsewhere, kind="definition", front="X?", back="X.", position=9)
    rate(learner, moved)
    rate(learner, stays)

    # Re-ingest writes its cards in bulk (content.services: bulk_update with topic_id), never through save().
    moved.topic = elsewhere
    Flashcard.objects.bulk_update([moved], ["topic_id"])

    client.force_login(learner)
    with time_machine.travel(NOW, tick=False):
        html = client.get(reverse("learning:dashboard")).content.decode()
    assert '<small class="muted">1/2</small>' in mastery_row(html, "topic-move-elsewhere")  # seen 1 of its 2 cards
    assert '<small class="muted">1/1</small>' in mastery_row(html, "topic-move-home")
    progress = learner_progress(learner, StudySettings.for_user(learner), NOW)
    seen = {t.slug: (t.seen, t.cards) for t in progress.topics if t.cards}  # (the session's questions aside)
    assert seen == {"topic-move-home": (1, 1), "topic-move-elsewhere": (1, 2)}
    assert CardState.objects.get(user=learner, card=moved).topic_id == elsewhere.pk


def test_a_state_cannot_name_a_topic_other_than_its_cards(learner, make_cards):
    (card,) = make_cards(1, slug="topic-move-home")
    elsewhere = other_topic()
    with pytest.raises(IntegrityError), transaction.atomic():
        CardState.objects.create(user=learner, card=card, topic=elsewhere, due=NOW)
        connection.check_constraints()  # PostgreSQL checks the key at commit: now, inside this block
    rate(learner, card)
    with pytest.raises(IntegrityError), transaction.atomic():
        CardState.objects.filter(user=learner, card=card).update(topic=elsewhere)
        connection.check_constraints()
    assert CardState.objects.get(user=learner, card=card).topic_id == card.topic_id


def test_states_written_in_bulk_count_under_their_cards_topics(learner, make_cards):
    """Demo history and the benches write states with bulk_create, which skips save()."""
    cards = make_cards(3, slug="topic-move-home")
    CardState.objects.bulk_create(
        CardState(user=learner, card_id=card.pk, due=NOW, reps=1, stability=5, last_review=NOW) for card in cards[:2]
    )
    progress = learner_progress(learner, StudySettings.for_user(learner), NOW)
    assert [(t.slug, t.seen, t.cards) for t in progress.topics if t.cards] == [("topic-move-home", 2, 3)]
