"""An instructor sets an assignment to a class and a learner in another browser joins with the code and takes it."""

import csv
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from quizzes.models import Assignment, Attempt, Cohort, Question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = 390


def shoot(page, screenshot, name: str):
    """A desktop and a phone screenshot; at phone width nothing may stick out sideways."""
    screenshot(page, f"instructor-{name}")
    screenshot(page, f"instructor-{name}-phone", width=PHONE, height=844)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE, f"{name} is {width}px wide at a {PHONE}px viewport"
    page.set_viewport_size({"width": 1280, "height": 860})


def answer(page, question: Question, *, right: bool):
    """Tick the right options of the shown question, or its first wrong one, by their input values."""
    choices = list(question.choices.order_by("position"))
    picks = [c for c in choices if c.correct] if right else [next(c for c in choices if not c.correct)]
    for choice in picks:
        page.locator(f"input[name=choice][value='{choice.pk}']").check()


def test_an_instructor_sets_an_assignment_and_a_learner_joins_takes_it_and_shows_in_the_gradebook(
    browser, live_server, sign_in, instructor, learner, make_questions, screenshot
):
    make_questions(technology_services=12)
    now = timezone.now()  # the instructor has no study settings: the builder reads times in UTC
    teacher = browser.new_context(base_url=live_server.url)
    student = browser.new_context(base_url=live_server.url)
    try:
        irene, leo = teacher.new_page(), student.new_page()

        # The instructor creates a class and lands on its page with the join code.
        sign_in(irene, instructor)
        irene.goto("/classes/")
        irene.fill("#id_name", "Cloud Practitioner, spring")
        irene.get_by_role("button", name="Create class").click()
        expect(irene.get_by_test_id("class-name")).to_have_text("Cloud Practitioner, spring")
        cohort = Cohort.objects.get(name="Cloud Practitioner, spring")
        assert irene.url == f"{live_server.url}/classes/{cohort.pk}/"
        code = irene.get_by_test_id("join-code").get_attribute("data-code")
        assert code == cohort.join_code and len(code) == 8
        shoot(irene, screenshot, "class")

        # ...and an assignment of 5 questions drawn from a domain, due tomorrow, published to that class.
        irene.goto("/assignments/new/")
        irene.get_by_label("Title").fill("Week 1: compute and storage")
        irene.get_by_test_id("how-draw").check()
        irene.get_by_label("How many").fill("5")
        irene.get_by_label("Cloud Technology and Services").check()
        irene.get_by_label("Opens").fill(now.strftime("%Y-%m-%dT%H:%M"))
        irene.get_by_label("Due", exact=True).fill((now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"))
        irene.get_by_label("Cloud Practitioner, spring").check()
        shoot(irene, screenshot, "assignment-builder")
        irene.get_by_test_id("publish").click()
        expect(irene.locator("h1")).to_contain_text("Week 1: compute and storage")
        assignment = Assignment.objects.get(title="Week 1: compute and storage")
        assert assignment.question_count == 5
        assert list(assignment.cohorts.all()) == [cohort]
        assert timedelta(hours=23) < assignment.due_at - now <= timedelta(days=1)

        # The learner joins with the code as people type it (lower case, a dash) and finds the assignment.
        sign_in(leo, learner)
        leo.goto("/quizzes/")
        leo.get_by_role("link", name="Join a class with a code").click()
        leo.get_by_label("Join code").fill(f"{code[:4]}-{code[4:]}".lower())
        leo.get_by_role("button", name="Join", exact=True).click()
        expect(leo).to_have_url(f"{live_server.url}/assignments/")
        row = leo.get_by_test_id("assignment-row").filter(has_text="Week 1: compute and storage")
        expect(row.get_by_test_id("status")).to_have_text("Not started")

        # It is taken like an exam: one question a page, saved on each, then a review screen and submit.
        row.click()
        leo.get_by_test_id("start").click()
        right_at = {1, 3, 4}
        for position in range(1, 6):
            expect(leo.get_by_test_id("position")).to_contain_text(f"Question {position} of 5")
            question = Question.objects.get(pk=leo.locator("input[name=question]").get_attribute("value"))
            assert question.pk == assignment.question_ids[position - 1]
            answer(leo, question, right=position in right_at)
            leo.get_by_role("button", name=re.compile(r"^Save and (next|review)")).click()
        expect(leo.get_by_test_id("review-screen")).to_be_visible()
        expect(leo.get_by_test_id("answered-total")).to_have_text("5")
        expect(leo.get_by_test_id("unanswered-total")).to_have_text("0")
        leo.get_by_test_id("submit").click()
        expect(leo.get_by_test_id("results")).to_be_visible()
        expect(leo.get_by_test_id("right-count")).to_have_text(f"{len(right_at)} / 5")
        attempt = Attempt.objects.get(user=learner, assignment=assignment)
        assert attempt.submitted_at is not None and attempt.score == pytest.approx(len(right_at) / 5)

        # The gradebook has the learner's row, and the CSV says the same.
        irene.goto(f"/assignments/{assignment.pk}/gradebook/")
        leo_row = irene.locator(f"[data-testid=gradebook] tr[data-learner='{learner.username}']")
        expect(leo_row.get_by_test_id("status")).to_have_text("Submitted")
        percent = round(100 * len(right_at) / 5)
        expect(leo_row.get_by_test_id("score")).to_have_text(re.compile(rf"{percent}%\s*\({len(right_at)}/5\)"))
        shoot(irene, screenshot, "gradebook")
        with irene.expect_download() as download:
            irene.get_by_role("link", name="Download CSV").click()
        with open(download.value.path(), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert [(r["learner"], r["status"], r["score_percent"], r["right"]) for r in rows] == [
            (learner.username, "submitted", str(percent), str(len(right_at)))
        ]

        # The class page now has its learner and the assignment, started by 1 of 1.
        irene.goto(f"/classes/{cohort.pk}/")
        expect(irene.get_by_test_id("roster")).to_contain_text(learner.username)
        expect(irene.get_by_test_id("class-assignments").locator("tbody tr")).to_have_text(
            re.compile(r"Week 1: compute and storage.*1 / 1", re.S)
        )
        shoot(irene, screenshot, "class-with-learner")

        # The instructor's other pages, at both widths.
        irene.goto(f"/assignments/{assignment.pk}/items/")
        expect(irene.get_by_test_id("items").locator("li.item")).to_have_count(5)
        shoot(irene, screenshot, "item-analysis")
        irene.goto("/bank/")
        expect(irene.get_by_test_id("bank-count")).to_contain_text("12 questions")
        shoot(irene, screenshot, "bank")
        irene.goto(f"/bank/{assignment.question_ids[0]}/edit/")
        expect(irene.get_by_test_id("question-form")).to_be_visible()
        shoot(irene, screenshot, "bank-edit")
    finally:
        teacher.close()
        student.close()
