"""The dashboard in real Chromium: a short review changes its counts, a year of history draws every chart, and no
page of the app is wider than a 390 px phone."""

import random
from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse
from playwright.sync_api import expect

from content.models import Source, Topic
from content.services import ingest
from learning.demo_history import give_demo_history
from learning.models import Flashcard
from quizzes.attempts import draw_practice, start_attempt
from quizzes.models import Attempt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
NOW = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)


def figure(page, testid: str) -> str:
    return page.get_by_test_id(testid).inner_text().strip()


def test_a_short_review_changes_the_dashboard_and_every_page_fits_a_phone(
    page, live_server, sign_in, learner, make_user, screenshot
):
    ingest()
    with time_machine.travel(NOW, tick=True):
        sign_in(page, learner)
        page.goto(live_server.url + "/dashboard/")
        expect(page.get_by_test_id("empty-state")).to_contain_text("Start your first review")
        assert [
            figure(page, t) for t in ("count-due-now", "count-later", "count-new-left", "count-reviewed", "streak")
        ] == ["0", "0", "20", "0", "0"]
        screenshot(page, "dashboard-empty-desktop")
        screenshot(page, "dashboard-empty-phone", **PHONE)
        page.set_viewport_size({"width": 1280, "height": 860})

        # Three new cards rated Good: each goes to its 10-minute learning step.
        page.get_by_role("link", name="Start your first review").click()
        # Keys work once the review page's script has loaded: pressed earlier, they would go nowhere.
        page.wait_for_url("**/review/**")
        page.wait_for_load_state("load")
        for _ in range(3):
            front = page.get_by_test_id("front").inner_text()
            page.keyboard.press("Space")
            expect(page.get_by_test_id("back")).to_be_visible()
            page.keyboard.press("3")
            expect(page.get_by_test_id("front")).not_to_have_text(front)

        page.goto(live_server.url + "/dashboard/")
        assert [
            figure(page, t) for t in ("count-due-now", "count-later", "count-new-left", "count-reviewed", "streak")
        ] == ["0", "3", "17", "3", "1"]
        assert figure(page, "count-learning") == "3"
        expect(page.locator("[data-heatmap] rect[tabindex='0'] title")).to_have_text("Tue 10 Nov 2026: 3 reviews")

    # A learner with a year behind them: every chart, and the numbers behind the toggles.
    veteran = make_user("vera")
    give_demo_history(veteran, now=NOW, exams=4, quizzes=3)
    page.context.clear_cookies()  # sign the first learner out
    with time_machine.travel(NOW, tick=True):
        sign_in(page, veteran)
        page.goto(live_server.url + "/dashboard/")
        for title in (
            "Reviews per day over the last 365 days",
            "Cards due per day over the next 30 days",
            "Practice exam scores over time, with the pass mark of 700",
        ):
            expect(page.locator("svg title", has_text=title)).to_have_count(1)
        today = page.locator("[data-heatmap] rect[tabindex='0']")
        today.focus()
        page.keyboard.press("ArrowLeft")  # a week back: the read-out follows the focus
        expect(page.locator("#heat-readout")).to_contain_text("Tue 3 Nov 2026")
        page.get_by_text("Show the numbers").first.click()
        expect(page.locator(".heatmap .chart-table table")).to_be_visible()
        screenshot(page, "dashboard-year-desktop")
        screenshot(page, "dashboard-year-phone", **PHONE)

        # No page is wider than the phone: tables and the heatmap scroll inside their own boxes.
        topics_with_tables = [t.slug for t in Topic.objects.filter(sections__items__icontains="<table").distinct()]
        assert topics_with_tables, "the shipped notes have tables"
        practice = start_attempt(
            user=veteran,
            mode="practice",
            now=NOW,
            settings={},
            question_ids=draw_practice(topic_ids=[], domains=[], count=5, rng=random.Random(1)),
        )
        exam = Attempt.objects.filter(user=veteran, mode="exam").first()
        card = Flashcard.objects.active().first()
        topic = Topic.objects.filter(slug__in=topics_with_tables).first()
        urls = [
            reverse("home"),
            reverse("content:topic_index"),
            reverse("content:category", args=[topic.category]),
            reverse("content:search") + "?q=storage",
            reverse("content:source", args=[Source.objects.first().pk]),
            reverse("learning:review"),
            reverse("learning:review") + "?show=1",
            reverse("learning:cards"),
            reverse("learning:card", args=[card.pk]),
            reverse("quizzes:index"),
            reverse("quizzes:attempt", args=[practice.pk]),
            reverse("quizzes:results", args=[exam.pk]),
            reverse("learning:dashboard"),
            reverse("learning:dashboard") + "?topics=all",
            reverse("learning:study_settings"),
            reverse("password_change"),
            *[reverse("content:topic", args=[slug]) for slug in topics_with_tables],
        ]
        page.set_viewport_size(PHONE)
        too_wide = {}
        for url in urls:
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide[url] = width
        page.get_by_role("button", name="Sign out").click()
        for url in (reverse("login"), reverse("signup")):
            page.goto(live_server.url + url)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide[url] = width
        assert too_wide == {}
