"""The review page over HTTP: fragments for htmx, plain forms without, bad input refused, fixed query count."""

import re

import pytest
import time_machine
from django.urls import reverse

from learning.models import CardState, ReviewLog

pytestmark = pytest.mark.django_db


def shown(client, **params):
    html = client.get(reverse("learning:review"), {"show": "1", **params}).content.decode()
    card = re.search(r'name="card" value="(\d+)"', html)
    token = re.search(r'name="token" value="(\w+)"', html)
    return (int(card.group(1)), token.group(1), html) if card else (None, None, html)


def test_review_needs_sign_in(client):
    response = client.get(reverse("learning:review"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_learner_sees_the_front_then_the_back_with_sources_and_intervals(client, learner, make_cards):
    make_cards(3)
    client.force_login(learner)
    html = client.get(reverse("learning:review")).content.decode()
    assert 'data-testid="front">Front 0?' in html and 'data-testid="back"' not in html
    assert re.search(r'class="count new"[^>]*>3<', html)
    card, token, html = shown(client)
    assert 'data-testid="back">Back 0.' in html
    assert 'title="notes, line 10"' in html
    assert re.findall(r'class="interval">(\w+)<', html) == ["1m", "6m", "10m", "8d"]


def test_rating_with_htmx_returns_the_next_card_fragment_only(client, learner, make_cards):
    make_cards(3)
    client.force_login(learner)
    card, token, _ = shown(client)
    response = client.post(
        reverse("learning:rate"),
        {"card": card, "token": token, "rating": "3", "duration_ms": "3200"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="review"') and "<html" not in html
    assert "Front 1?" in html
    log = ReviewLog.objects.get(user=learner)
    assert log.rating == 3 and log.duration_ms == 3200


def test_without_javascript_a_rating_redirects_back_to_the_review(client, learner, make_cards):
    make_cards(2)
    client.force_login(learner)
    card, token, _ = shown(client)
    response = client.post(reverse("learning:rate"), {"card": card, "token": token, "rating": "1"})
    assert response.status_code == 302 and response["Location"] == reverse("learning:review")


@pytest.mark.parametrize(
    "change, status, message",
    [
        ({"rating": "5"}, 400, b"1 (Again)"),
        ({"rating": "good"}, 400, b"1 (Again)"),
        ({"token": "0" * 32}, 400, b"reload"),
        ({"card": "999999"}, 404, b""),
        ({"card": "abc"}, 400, b"names no card"),
    ],
)
def test_bad_ratings_are_refused_and_change_nothing(client, learner, make_cards, change, status, message):
    make_cards(2)
    client.force_login(learner)
    card, token, _ = shown(client)
    response = client.post(reverse("learning:rate"), {"card": card, "token": token, "rating": "3", **change})
    assert response.status_code == status
    assert message in response.content
    assert not CardState.objects.exists() and not ReviewLog.objects.exists()


def test_another_learners_card_cannot_be_rated_with_their_token(client, learner, outsider, make_cards):
    make_cards(1)
    client.force_login(outsider)
    card, outsider_token, _ = shown(client)
    client.force_login(learner)
    response = client.post(reverse("learning:rate"), {"card": card, "token": outsider_token, "rating": "3"})
    assert response.status_code == 400
    assert not ReviewLog.objects.exists()


def test_a_double_submitted_rating_is_one_review(client, learner, make_cards):
    make_cards(2)
    client.force_login(learner)
    card, token, _ = shown(client)
    for _ in range(2):
        response = client.post(
            reverse("learning:rate"), {"card": card, "token": token, "rating": "3"}, headers={"HX-Request": "true"}
        )
        assert response.status_code == 200
    assert ReviewLog.objects.filter(user=learner).count() == 1


def test_rate_and_undo_refuse_get(client, learner):
    client.force_login(learner)
    assert client.get(reverse("learning:rate")).status_code == 405
    assert client.get(reverse("learning:undo")).status_code == 405


@pytest.mark.parametrize("cards", [10, 5000])
def test_rate_and_next_costs_the_same_queries_for_10_or_5000_cards(
    client, learner, make_cards, cards, django_assert_num_queries
):
    first = make_cards(cards)[0]
    client.force_login(learner)
    with time_machine.travel("2026-11-02 09:00Z", tick=False) as clock:
        # A new card: session, user, study settings, its state locked (none yet), the card, the state, the
        # review and its day's totals written, the queue ranked (nothing due now), the next new card. Then (two
        # minutes on) the same card back from its learning step: the card comes with its locked state, and the
        # next card with the ranked queue.
        for expected in (10, 9):
            card, token, _ = shown(client)
            assert card == first.pk
            with django_assert_num_queries(expected):
                response = client.post(
                    reverse("learning:rate"),
                    {"card": card, "token": token, "rating": "1"},
                    headers={"HX-Request": "true"},
                )
            assert response.status_code == 200
            clock.shift(120)
    assert CardState.objects.get(user=learner, card=first).reps == 2


def test_a_card_reset_from_its_page_can_be_rated_again(client, learner, make_cards):
    make_cards(1)
    client.force_login(learner)
    card, token, _ = shown(client)
    client.post(reverse("learning:rate"), {"card": card, "token": token, "rating": "4"})
    assert client.post(reverse("learning:reset_card", args=[card])).status_code in (200, 302)
    again, token_again, _ = shown(client)
    assert again == card and token_again != token
    response = client.post(reverse("learning:rate"), {"card": card, "token": token_again, "rating": "3"})
    assert response.status_code == 302
    assert ReviewLog.objects.filter(user=learner, card_id=card).count() == 2
    assert client.post(reverse("learning:undo")).status_code == 302  # undo works on the new rating


def test_a_non_ascii_digit_is_a_bad_request_not_a_crash(client, learner, make_cards):
    make_cards(1)
    client.force_login(learner)
    response = client.post(reverse("learning:rate"), {"card": "²", "token": "x", "rating": "3"})
    assert response.status_code == 400


@pytest.mark.parametrize("cards", [10, 5000])
def test_the_review_page_costs_the_same_queries_for_10_or_5000_cards(
    client, learner, make_cards, cards, django_assert_num_queries
):
    made = make_cards(cards)
    for card in made[: cards // 2]:  # half studied, due now; the card shown comes with the ranked queue
        CardState.objects.create(
            user=learner, card=card, state=2, stability=3, difficulty=5, reps=2, due="2026-11-02 08:00Z"
        )
    client.force_login(learner)
    client.get(reverse("learning:review"))  # the learner's study settings are made on the first look
    with time_machine.travel("2026-11-02 09:00Z", tick=False):
        # Session, user, study settings, the ranked queue with its card, the instructor check (header).
        with django_assert_num_queries(5):
            html = client.get(reverse("learning:review")).content.decode()
    assert 'data-testid="front">Front 0?' in html
    assert re.search(rf'class="count due"[^>]*>{min(cards // 2, 200)}<', html)  # at most the daily cap, 200
