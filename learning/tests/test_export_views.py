"""The export page and the learner's data downloads over HTTP: the learner's deck ticked by default, files that say
what they are, a clear message for an empty choice, 400 for a tampered form, and nobody else's data, ever."""

import csv
import io
import json
import re
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from learning.models import CardState, StudySettings, record_review
from learning.queue import card_token
from learning.tests.export_deck import make_export_deck
from quizzes.models import Attempt, Question, Response

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
EXPORT = reverse("learning:export_cards")
HISTORY = reverse("learning:export_history")
SETTINGS = reverse("learning:export_settings")


def checked_topics(response) -> list[str]:
    form = response.context["form"]
    return [topic.slug for topic in form["topics"].initial] if not form.is_bound else form.data.getlist("topics")


def review(user, card, rating, now):
    state = CardState.objects.filter(user=user, card=card).first()
    return record_review(
        user=user,
        card=card,
        token=card_token(user.pk, card.pk, state.reps if state else 0),
        rating=rating,
        duration_ms=4200,
        now=now,
        study=StudySettings.for_user(user),
        expected_token=lambda reps: card_token(user.pk, card.pk, reps),
    )


def answered(user, question, *, correct: bool, when: datetime) -> Response:
    attempt = Attempt.objects.create(
        user=user,
        mode="practice",
        started_at=when - timedelta(minutes=1),
        submitted_at=when,
        question_ids=[question.pk],
    )
    return Response.objects.create(
        attempt=attempt, question=question, position=1, chosen=[], correct=correct, answered_at=when
    )


@pytest.mark.parametrize("url", [EXPORT, HISTORY, SETTINGS])
def test_every_export_needs_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.post(EXPORT, {"format": "csv", "topics": ["aws-lambda"]}).status_code == 302


# The export page


def test_the_page_ticks_every_topic_when_the_deck_is_every_topic(client, learner, django_assert_num_queries):
    make_export_deck()
    client.force_login(learner)
    StudySettings.for_user(learner)
    # Session, user, study settings, the topics with their card counts (deck, totals), the menu's instructor check,
    # and the topics again as the checkboxes render (Django's ModelChoiceIterator reads its queryset afresh).
    with django_assert_num_queries(6):
        response = client.get(EXPORT)
    assert response.status_code == 200
    assert checked_topics(response) == ["aws-lambda", "amazon-s3", "s3-storage-classes"]
    html = response.content.decode()
    assert "your deck (every topic), 3 topics and 6 cards" in html
    assert re.search(r'<input type="radio" name="format" value="apkg"[^>]* checked', html)


def test_the_page_ticks_the_learners_deck(client, learner):
    cards = make_export_deck()
    StudySettings.objects.create(user=learner, deck_topics=[cards["exp-lambda-what"].topic_id])
    client.force_login(learner)
    response = client.get(EXPORT)
    assert checked_topics(response) == ["aws-lambda"]
    assert "your deck, 1 topic and 2 cards" in response.content.decode()


def test_it_downloads_an_anki_package_of_the_chosen_topics(client, learner):
    make_export_deck()
    client.force_login(learner)
    with time_machine.travel(T0, tick=False):
        response = client.post(EXPORT, {"format": "apkg", "topics": ["amazon-s3", "aws-lambda"]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/apkg"
    assert response["Content-Disposition"] == 'attachment; filename="stratus-cards-2026-11-02.apkg"'
    assert response["X-Export-Cards"] == "4" and response["X-Export-Topics"] == "2"
    assert int(response["Content-Length"]) == len(response.content)
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        assert sorted(package.namelist()) == ["collection.anki2", "media"]


def test_an_export_costs_the_same_queries_however_many_cards(client, learner, django_assert_num_queries):
    make_export_deck()
    client.force_login(learner)
    topics = ["aws-lambda", "amazon-s3", "s3-storage-classes"]
    # Session, user, the ticked topics checked against the list, the cards with their topics.
    with django_assert_num_queries(4):
        assert client.post(EXPORT, {"format": "apkg", "topics": topics})["X-Export-Cards"] == "6"
    with django_assert_num_queries(4):
        assert client.post(EXPORT, {"format": "csv", "topics": topics})["X-Export-Cards"] == "6"


def test_it_downloads_a_csv_of_the_chosen_topics(client, learner):
    make_export_deck()
    client.force_login(learner)
    response = client.post(EXPORT, {"format": "csv", "topics": ["s3-storage-classes"]})
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline="")))
    assert [row["kind"] for row in rows] == ["list", "cloze"]


def test_no_topic_ticked_gets_a_clear_message_and_no_file(client, learner):
    make_export_deck()
    client.force_login(learner)
    response = client.post(EXPORT, {"format": "apkg"})
    assert response.status_code == 200 and "Content-Disposition" not in response
    assert "Nothing to export: tick at least one topic." in response.content.decode()


def test_with_no_cards_at_all_the_page_says_so(client, learner):
    from learning.models import Flashcard

    Flashcard.objects.update(retired=True)
    client.force_login(learner)
    response = client.get(EXPORT)
    html = response.content.decode()
    assert "No topics have flashcards yet" in html
    assert re.search(r'<button class="primary" type="submit" data-testid="export-button" disabled>', html)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"format": "zip", "topics": ["aws-lambda"]}, "Choose a format from the list"),
        ({"topics": ["aws-lambda"]}, "Choose a format: Anki package or CSV."),
        ({"format": "csv", "topics": ["aws-lambda", "amazon-s4"]}, "Choose topics from the list"),
    ],
)
def test_a_tampered_form_gets_400_and_no_file(client, learner, data, message):
    make_export_deck()
    client.force_login(learner)
    response = client.post(EXPORT, data)
    assert response.status_code == 400 and "Content-Disposition" not in response
    assert message in response.content.decode() and "Nothing was exported." in response.content.decode()


def test_the_cards_page_links_to_the_export(client, learner):
    make_export_deck()
    client.force_login(learner)
    assert f'href="{EXPORT}"' in client.get(reverse("learning:cards")).content.decode()


# The learner's own data


def test_the_history_has_one_row_per_review_and_answer_of_this_learner_only(client, learner, outsider):
    cards = make_export_deck()
    lambda_card, s3_card = cards["exp-lambda-what"], cards["exp-s3-what"]
    question = Question.objects.create(
        key="q-exp-1",
        kind="single",
        family="storage-classes",
        topic=s3_card.topic,
        domain="technology-services",
        stem="A company needs archives, retrieved within hours. Which class fits?",
    )
    review(learner, lambda_card, 3, T0)
    answered(learner, question, correct=False, when=T0 + timedelta(minutes=5))
    review(learner, lambda_card, 3, T0 + timedelta(minutes=10))
    review(outsider, s3_card, 1, T0)  # someone else's: never in leo's file
    answered(outsider, question, correct=True, when=T0)

    client.force_login(learner)
    response = client.get(HISTORY)
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="stratus-history-')
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"), newline="")))
    assert [(row["kind"], row["key"], row["rating"], row["time"]) for row in rows] == [
        ("review", "exp-lambda-what", "Good", "2026-11-02T09:00:00+00:00"),
        ("quiz answer", "q-exp-1", "wrong", "2026-11-02T09:05:00+00:00"),
        ("review", "exp-lambda-what", "Good", "2026-11-02T09:10:00+00:00"),
    ]
    first, answer, second = rows
    assert (first["interval"], first["interval_days"]) == ("10m", "0.0069")  # first Good: the 10-minute step
    assert first["topic"] == "aws-lambda" and first["prompt"] == "What is AWS Lambda?"
    assert first["duration_seconds"] == "4.2"
    assert second["interval"].endswith("d") and float(second["interval_days"]) >= 1
    assert answer["quiz"].startswith("Practice #") and answer["interval"] == ""
    assert answer["prompt"].startswith("A company needs archives")


def test_a_learner_without_history_gets_just_the_header(client, outsider, learner):
    cards = make_export_deck()
    review(outsider, cards["exp-lambda-what"], 3, T0)
    client.force_login(learner)
    content = b"".join(client.get(HISTORY).streaming_content).decode()
    assert content == "kind,key,topic,time,rating,interval,interval_days,duration_seconds,prompt,quiz\r\n"


def test_the_settings_download_is_the_learners_own(client, learner, outsider):
    cards = make_export_deck()
    StudySettings.objects.create(
        user=learner,
        desired_retention=0.85,
        new_per_day=12,
        day_starts_hour=5,
        time_zone="Europe/Paris",
        deck_topics=[cards["exp-s3-what"].topic_id],
    )
    StudySettings.objects.create(user=outsider, desired_retention=0.95, time_zone="Asia/Tokyo")
    client.force_login(learner)
    response = client.get(SETTINGS)
    assert response.status_code == 200 and response["Content-Type"] == "application/json; charset=utf-8"
    document = json.loads(response.content)
    assert document["user"] == "leo"
    assert document["study_settings"] == {
        "desired_retention": 0.85,
        "new_per_day": 12,
        "max_reviews_per_day": 200,
        "day_starts_hour": 5,
        "time_zone": "Europe/Paris",
        "deck_topics": ["amazon-s3"],
    }


def test_the_data_downloads_are_read_only(client, learner):
    client.force_login(learner)
    assert client.post(HISTORY).status_code == 405
    assert client.post(SETTINGS).status_code == 405


def test_the_settings_page_offers_the_downloads(client, learner):
    client.force_login(learner)
    html = client.get(reverse("learning:study_settings")).content.decode()
    assert f'href="{HISTORY}"' in html and f'href="{SETTINGS}"' in html and f'href="{EXPORT}"' in html
