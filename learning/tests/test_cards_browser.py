"""The cards browser and a card's page in real Chromium: filter the deck, open a card, suspend it."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from fsrs import State
from playwright.sync_api import expect

from learning.models import CardState, Flashcard, ReviewLog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
PHONE = {"width": 390, "height": 844}
FRONTS = [
    "What is Amazon SQS?",
    "How long does Amazon SQS keep a message by default?",
    "What does the SQS visibility timeout do?",
    "Which SQS queue type keeps messages in order, exactly once?",
    "What is the largest message Amazon SQS accepts?",
    "Which service pushes messages to many subscribers, where SQS queues them for one consumer?",
]


def deck(make_cards) -> list[Flashcard]:
    cards = make_cards(60)
    for card, front in zip(cards, FRONTS, strict=False):
        card.front = front
    Flashcard.objects.bulk_update(cards[: len(FRONTS)], ["front"])
    return cards


def test_a_learner_filters_their_cards_and_suspends_one(page, live_server, sign_in, learner, make_cards, screenshot):
    cards = deck(make_cards)
    review = {
        "state": State.Review.value,
        "stability": 12.0,
        "difficulty": 4.8,
        "reps": 5,
        "last_review": T0 - timedelta(days=10),
    }
    CardState.objects.create(user=learner, card=cards[0], due=T0 + timedelta(days=9), **review)
    CardState.objects.create(user=learner, card=cards[2], due=T0 - timedelta(days=2), lapses=2, **review)
    for n, (days_ago, rating, interval) in enumerate(
        [(40, 3, 1), (39, 3, 4), (35, 1, 0), (34, 3, 3), (31, 4, 12), (19, 2, 8), (11, 1, 0), (10, 3, 8)]
    ):
        when = T0 - timedelta(days=days_ago)
        ReviewLog.objects.create(
            user=learner,
            card=cards[2],
            rating=rating,
            reviewed_at=when,
            token=f"t{n}",
            duration_ms=3000 + 900 * n,
            state_before={"state": State.Review.value},
            state_after={"due": (when + timedelta(days=interval, minutes=10)).isoformat()},
        )
    CardState.objects.create(user=learner, card=cards[3], due=T0 + timedelta(hours=5), **review)
    CardState.objects.create(
        user=learner, card=cards[1], state=State.Learning.value, step=1, reps=1, due=T0 + timedelta(minutes=10)
    )
    CardState.objects.create(
        user=learner,
        card=cards[4],
        due=T0 + timedelta(days=1),
        lapses=8,
        leech=True,
        suspended=True,
        **{**review, "stability": 0.4},
    )

    with time_machine.travel(T0, tick=True):
        sign_in(page, learner)
        page.goto(live_server.url + "/cards/")
        count = page.get_by_test_id("result-count")
        expect(count).to_have_text(re.compile(r"60 cards · showing 1–50"))
        expect(page.locator(".card-table tbody tr")).to_have_count(50)
        screenshot(page, "cards-desktop")
        screenshot(page, "cards-phone", **PHONE)
        page.set_viewport_size({"width": 1280, "height": 860})

        # Filters swap the results in place (htmx) and keep the address shareable.
        page.select_option("#id_state", "review")
        expect(count).to_have_text("4 cards match these filters.")
        expect(page).to_have_url(re.compile(r"/cards/\?.*state=review"))
        page.select_option("#id_due", "overdue")
        expect(count).to_have_text("1 card matches these filters.")
        page.select_option("#id_due", "")
        page.fill("#id_q", "SQS")
        expect(count).to_have_text("4 cards match these filters.")
        rows = page.locator(".card-table tbody tr")
        expect(rows.first).to_contain_text("What is Amazon SQS?")
        expect(rows.nth(1).locator("[data-label=Due]")).to_have_text(re.compile("overdue since 31 Oct"))
        screenshot(page, "cards-filtered")

        # Reloading the filtered address renders the same list without htmx.
        page.reload()
        expect(page.locator("#id_q")).to_have_value("SQS")
        expect(count).to_have_text("4 cards match these filters.")

        page.get_by_role("link", name="What does the SQS visibility timeout do?").click()
        expect(page).to_have_url(f"{live_server.url}/cards/{cards[2].pk}/")
        expect(page.get_by_test_id("back")).to_have_text("Back 2.")
        state = page.get_by_test_id("card-state")
        expect(state.locator(".state-line")).to_have_text("Review")
        expect(state).to_contain_text("Lapses")
        expect(page.get_by_test_id("history").locator("tbody tr")).to_have_count(8)
        screenshot(page, "card-detail")
        screenshot(page, "card-detail-phone", **PHONE)
        page.set_viewport_size({"width": 1280, "height": 860})

        page.get_by_role("button", name="Suspend").click()
        expect(state.get_by_role("status")).to_have_text(re.compile("Suspended: this card stays out of your reviews"))
        expect(state.get_by_test_id("suspended")).to_be_visible()
        expect(state.get_by_role("button", name="Unsuspend")).to_be_visible()
        screenshot(page, "card-suspended")
        assert CardState.objects.get(user=learner, card=cards[2]).suspended is True

        page.goto(live_server.url + "/cards/?state=suspended")
        expect(page.get_by_test_id("result-count")).to_have_text("2 cards match these filters.")
        expect(page.locator(".card-table tbody")).to_contain_text("What does the SQS visibility timeout do?")
        expect(page.locator(".card-table tbody")).to_contain_text("Leech")

    state = CardState.objects.get(user=learner, card=cards[2])
    assert (state.reps, state.lapses, state.suspended) == (5, 2, True)  # only the flag moved
