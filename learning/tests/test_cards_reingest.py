"""Re-ingesting notes updates cards in place, retires vanished ones, and never touches learners' history."""

from datetime import UTC, datetime

import pytest

from content.services import ingest
from learning.models import CardState, Flashcard, ReviewLog, StudySettings, record_review
from learning.queue import card_token

NOTE = (
    "# Amazon SQS\n\n"
    "- **Dead-letter queue**: A queue that holds messages that could not be processed after several attempts.\n"
    "- **Visibility timeout**: The period during which a received message stays hidden from other consumers.\n"
)
POLICY = (
    "# Amazon S3\n\n"
    "- **Bucket Policy**: A JSON document attached to a bucket that says who may read or write its objects.\n"
)


def review(user, card, rating=3, now=datetime(2026, 11, 2, 9, 0, tzinfo=UTC)):
    return record_review(
        user=user,
        card=card,
        token=card_token(user.pk, card.pk, 0),
        rating=rating,
        duration_ms=1000,
        now=now,
        study=StudySettings.for_user(user),
        expected_token=lambda reps: card_token(user.pk, card.pk, reps),
    )


def dead_letter_card() -> Flashcard:
    return Flashcard.objects.get(front__startswith="What is Dead-letter queue")


@pytest.mark.django_db
def test_an_edited_line_changes_the_card_in_place_and_keeps_its_history(tmp_path, learner):
    note = tmp_path / "sqs.md"
    note.write_text(NOTE)
    ingest([tmp_path])
    card = dead_letter_card()
    assert card.refs[0][2] == 3  # file:line of the definition
    review(learner, card)

    note.write_text(NOTE.replace("after several attempts", "after the maximum receive count"))
    report = ingest([tmp_path])
    card.refresh_from_db()  # answered in the question bank's words: the edit changes its source, not its answer
    assert report.created.get("cards", 0) == 0 and not card.retired and card.refs[0][2] == 3
    assert CardState.objects.get(user=learner, card=card).reps == 1

    policy = tmp_path / "s3.md"
    policy.write_text(POLICY)
    ingest([tmp_path])
    mine = Flashcard.objects.get(front="What is Bucket Policy (in Amazon S3)?")  # the notes' own words
    review(learner, mine)
    policy.write_text(POLICY.replace("who may read or write", "which principals may read or write"))
    report = ingest([tmp_path])
    assert report.updated["cards"] == 1 and report.created.get("cards", 0) == 0
    mine.refresh_from_db()
    assert "which principals may read or write" in mine.back and not mine.retired
    assert CardState.objects.get(user=learner, card=mine).reps == 1
    assert ReviewLog.objects.filter(user=learner, card=mine).count() == 1


@pytest.mark.django_db
def test_a_removed_line_retires_its_card_without_deleting_history(tmp_path, learner):
    note = tmp_path / "sqs.md"
    note.write_text(NOTE)
    ingest([tmp_path])
    card = dead_letter_card()
    review(learner, card)

    note.write_text(NOTE.replace(NOTE.splitlines()[2] + "\n", ""))
    report = ingest([tmp_path])
    assert report.retired["cards"] >= 1
    card.refresh_from_db()
    assert card.retired
    assert CardState.objects.filter(user=learner, card=card).exists()
    assert ReviewLog.objects.filter(user=learner, card=card).count() == 1

    note.write_text(NOTE)  # the line comes back: the same card, its history waiting
    ingest([tmp_path])
    card.refresh_from_db()
    assert not card.retired and CardState.objects.get(user=learner, card=card).reps == 1


@pytest.mark.django_db
def test_ingest_never_overwrites_an_instructor_edited_card(tmp_path):
    note = tmp_path / "sqs.md"
    note.write_text(NOTE)
    ingest([tmp_path])
    card = dead_letter_card()
    Flashcard.objects.filter(pk=card.pk).update(back="Edited by an instructor.", edited=True)
    note.write_text(NOTE.replace("after several attempts", "after N attempts"))
    ingest([tmp_path])
    card.refresh_from_db()
    assert card.back == "Edited by an instructor."


@pytest.mark.django_db
def test_the_shipped_notes_give_at_least_400_cards_over_60_topics_each_with_a_source(shipped_notes):
    cards = Flashcard.objects.active()
    assert cards.count() >= 400
    assert cards.values("topic").distinct().count() >= 60
    assert cards.filter(kind="scenario").count() >= 100  # one per requirement the notes back
    for refs in cards.values_list("refs", flat=True):
        assert refs and all(label and line for label, _, line in refs)
