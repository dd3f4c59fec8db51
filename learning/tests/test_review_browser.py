"""A keyboard-only review session in real Chromium, with the clock moved instead of waited on."""

import re

import pytest
import time_machine
from playwright.sync_api import expect

from learning.models import ReviewLog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def reveal(page):
    page.keyboard.press("Space")
    expect(page.get_by_test_id("back")).to_be_visible()


def counts(page) -> tuple[int, int, int]:
    text = page.locator("#review .counts").inner_text()
    return tuple(int(n) for n in re.findall(r"\d+", text))


def test_a_learner_reviews_with_the_keyboard_only(page, live_server, sign_in, learner, make_cards, screenshot):
    make_cards(4)
    with time_machine.travel("2026-11-02 09:00Z", tick=True) as clock:
        sign_in(page, learner)
        page.goto(live_server.url + "/review/")
        front = page.get_by_test_id("front")
        expect(front).to_have_text("Front 0?")
        assert counts(page) == (4, 0, 0)
        screenshot(page, "review-front")

        reveal(page)
        expect(page.get_by_test_id("back")).to_have_text("Back 0.")
        expect(page.locator(".rate-3 .interval")).to_have_text("10m")
        screenshot(page, "review-back")
        page.keyboard.press("3")  # Good: learning step, back in 10 minutes
        expect(front).to_have_text("Front 1?")
        assert counts(page) == (3, 1, 0)

        reveal(page)
        page.keyboard.press("1")  # Again: back in 1 minute
        expect(front).to_have_text("Front 2?")
        assert counts(page) == (2, 2, 0)

        reveal(page)
        page.keyboard.press("3")
        expect(front).to_have_text("Front 3?")
        page.keyboard.press("u")  # undo brings card 2 back, unrated
        expect(front).to_have_text("Front 2?")
        assert counts(page) == (2, 2, 0)
        reveal(page)
        page.keyboard.press("4")  # Easy: graduates to review in days
        expect(front).to_have_text("Front 3?")
        reveal(page)
        page.keyboard.press("4")
        expect(page.get_by_test_id("finished")).to_contain_text("Next card due")
        assert counts(page) == (0, 2, 0)

        clock.shift(90)  # the Again card's 1-minute step has passed
        page.reload()
        expect(front).to_have_text("Front 1?")
        reveal(page)
        page.keyboard.press("4")
        expect(page.get_by_test_id("finished")).to_be_visible()

        clock.shift(10 * 60)  # card 0's 10-minute step
        page.reload()
        expect(front).to_have_text("Front 0?")
        reveal(page)
        page.keyboard.press("3")
        finished = page.get_by_test_id("finished")
        expect(finished).to_contain_text("Session complete")
        expect(finished.locator(".stat").first).to_have_text(re.compile(r"4\s*cards"))
        screenshot(page, "review-finished")
        screenshot(page, "review-finished-phone", width=390, height=844)

    assert ReviewLog.objects.filter(user=learner).count() == 6
    durations = list(ReviewLog.objects.values_list("duration_ms", flat=True))
    assert all(d is not None and d >= 0 for d in durations)
