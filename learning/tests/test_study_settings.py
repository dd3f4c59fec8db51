"""The study settings page: it shows and saves the learner's own settings, refuses bad values with a reason and
no change, and the review queue follows what was saved."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from content.models import Topic
from learning.models import Flashcard, StudySettings
from learning.queue import build_queue

pytestmark = pytest.mark.django_db

URL = "/settings/study/"
GOOD = {
    "desired_retention": "0.85",
    "new_per_day": "10",
    "max_reviews_per_day": "150",
    "day_starts_hour": "6",
    "time_zone": "Europe/Paris",
}


def add_topic(slug: str, *, cards: int, category: str = "storage", parent: Topic | None = None) -> Topic:
    # Slugs outside the catalog: the shipped notes' topics may be in the database already.
    slug = f"test-{slug}"
    topic = Topic.objects.create(
        slug=slug,
        name=slug.replace("-", " ").title(),
        category=f"test-{category}",
        category_name=category.title(),
        category_order=999,
        domain="technology-services",
        section_count=1,
        parent=parent,
    )
    Flashcard.objects.bulk_create(
        Flashcard(key=f"{slug}-{i}", topic=topic, kind="definition", front=f"{slug} {i}?", back="A.", position=100 + i)
        for i in range(cards)
    )
    return topic


@pytest.fixture
def topics(make_cards):
    make_cards(2)  # amazon-sqs, Application Integration
    s3 = add_topic("amazon-s3", cards=3)
    glacier = add_topic("s3-glacier", cards=1, parent=s3)
    empty = add_topic("aws-snowball", cards=0)
    return {"sqs": Topic.objects.get(slug="amazon-sqs"), "s3": s3, "glacier": glacier, "empty": empty}


def saved(user) -> tuple:
    study = StudySettings.objects.get(user=user)
    return (
        study.desired_retention,
        study.new_per_day,
        study.max_reviews_per_day,
        study.day_starts_hour,
        study.time_zone,
        study.deck_topics,
    )


def test_the_url_and_sign_in(client):
    assert reverse("learning:study_settings") == URL
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_shows_the_learners_settings_and_topics_with_cards_grouped_by_category(client, learner, topics):
    study = StudySettings.for_user(learner)
    study.deck_topics = [topics["s3"].pk]
    study.time_zone = "Asia/Tokyo"
    study.save()
    client.force_login(learner)
    html = client.get(URL).content.decode()
    assert 'name="desired_retention" value="0.90"' in html and 'name="new_per_day" value="20"' in html
    assert '<option value="Asia/Tokyo" selected>Asia/Tokyo</option>' in html
    assert '<option value="4" selected>04:00</option>' in html
    legends = re.findall(r'<fieldset class="topic-group">\s*<legend>([^<]+)</legend>', html)
    assert legends == ["Application Integration", "Storage"]  # catalog order
    assert re.search(rf'value="{topics["s3"].pk}"[^>]*checked', html)
    assert not re.search(rf'value="{topics["sqs"].pk}"[^>]*checked', html)
    assert "Test Aws Snowball" not in html  # no cards, nothing to choose
    assert re.search(r'<li class="is-sub">\s*<label[^>]*>.*Test S3 Glacier', html)


def test_saving_changes_the_learners_settings_and_says_so(client, learner, outsider, topics):
    StudySettings.for_user(outsider)
    client.force_login(learner)
    response = client.post(URL, {**GOOD, "deck_topics": [topics["sqs"].pk, topics["s3"].pk]}, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert "Study settings saved" in response.content.decode()
    assert saved(learner) == (0.85, 10, 150, 6, "Europe/Paris", sorted([topics["sqs"].pk, topics["s3"].pk]))
    assert saved(outsider) == (0.90, 20, 200, 4, "UTC", [])  # nobody else's settings move


def test_no_topic_ticked_means_every_topic(client, learner, topics):
    study = StudySettings.for_user(learner)
    study.deck_topics = [topics["s3"].pk]
    study.save()
    client.force_login(learner)
    client.post(URL, GOOD)
    assert saved(learner)[-1] == []


@pytest.mark.parametrize(
    "change, message",
    [
        ({"desired_retention": "0.69"}, "Desired retention must be between 0.70 and 0.97."),
        ({"desired_retention": "0.98"}, "Desired retention must be between 0.70 and 0.97."),
        ({"desired_retention": "ninety"}, "Enter a number between 0.70 and 0.97"),
        ({"desired_retention": ""}, "This field is required."),
        ({"new_per_day": "-1"}, "New cards per day must be between 0 and 500."),
        ({"new_per_day": "9999"}, "New cards per day must be between 0 and 500."),
        ({"max_reviews_per_day": "5001"}, "Maximum reviews per day must be between 0 and 5000."),
        ({"day_starts_hour": "24"}, "Choose an hour from 00:00 to 23:00."),
        ({"day_starts_hour": "-1"}, "Choose an hour from 00:00 to 23:00."),
        ({"time_zone": "Mars/Olympus_Mons"}, "Choose a time zone from the list."),
        ({"time_zone": ""}, "This field is required."),
    ],
)
def test_bad_values_are_refused_with_a_reason_and_nothing_changes(client, learner, topics, change, message):
    StudySettings.for_user(learner)
    before = saved(learner)
    client.force_login(learner)
    response = client.post(URL, {**GOOD, **change})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html and "nothing was saved" in html
    assert saved(learner) == before


@pytest.mark.parametrize("which", ["empty", "unknown", "junk"])
def test_a_topic_without_cards_cannot_be_chosen(client, learner, topics, which):
    StudySettings.for_user(learner)
    pk = {"empty": topics["empty"].pk, "unknown": 999999, "junk": "s3"}[which]
    client.force_login(learner)
    response = client.post(URL, {**GOOD, "deck_topics": [topics["s3"].pk, pk]})
    assert response.status_code == 200 and "Choose topics from the list" in response.content.decode()
    assert saved(learner) == (0.90, 20, 200, 4, "UTC", [])


@pytest.mark.parametrize("zone", ["UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Pacific/Chatham"])
def test_every_zoneinfo_zone_is_accepted(client, learner, zone):
    client.force_login(learner)
    client.post(URL, {**GOOD, "time_zone": zone})
    assert StudySettings.objects.get(user=learner).time_zone == zone


def test_the_review_queue_follows_the_saved_deck_and_day(client, learner, topics):
    client.force_login(learner)
    client.post(URL, {**GOOD, "new_per_day": "2", "deck_topics": [topics["s3"].pk]})
    study = StudySettings.objects.get(user=learner)
    queue = build_queue(learner, study, datetime(2026, 11, 2, 9, tzinfo=UTC))
    assert queue.card.topic == topics["s3"] and queue.new == 2
    # 06:00 in Paris (CET) is 05:00 UTC: at 04:30 UTC the learner's day is still the day before.
    assert study.day_bounds(datetime(2026, 11, 2, 4, 30, tzinfo=UTC))[1] == datetime(2026, 11, 2, 5, tzinfo=UTC)


def test_the_settings_page_takes_only_get_and_post(client, learner):
    client.force_login(learner)
    assert client.put(URL, GOOD).status_code == 405
    assert client.delete(URL).status_code == 405


@pytest.mark.parametrize("extra_topics", [0, 30])
def test_the_settings_page_costs_the_same_queries_for_few_or_many_topics(
    client, learner, topics, extra_topics, django_assert_max_num_queries
):
    for i in range(extra_topics):
        add_topic(f"topic-{i}", cards=2, category=f"category-{i % 6}")
    StudySettings.for_user(learner)
    client.force_login(learner)
    with django_assert_max_num_queries(5):  # session, user, study settings, topics with card counts, role
        response = client.get(URL)
    assert response.content.decode().count('name="deck_topics"') == 3 + extra_topics
    with django_assert_max_num_queries(8):  # ... validate the ticked topics, save (and its transaction)
        response = client.post(URL, {**GOOD, "deck_topics": [topics["s3"].pk]})
    assert response.status_code == 302
