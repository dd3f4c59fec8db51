"""A practice exam in real Chromium: answer, mark, reload, review, submit, read the breakdown."""

import re

import pytest
from playwright.sync_api import expect

from quizzes.models import Attempt, Question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(page, question: Question, *, right: bool = True):
    """Tick the right options of the shown question (or the first wrong one) by their labels."""
    for choice in question.choices.order_by("position"):
        if choice.correct == right:
            option(page, choice).check()
            if not right:
                return


def option(page, choice):
    return page.locator(f"input[name=choice][value='{choice.pk}']")


def shown_question(page) -> Question:
    return Question.objects.get(pk=page.locator("input[name=question]").get_attribute("value"))


def test_a_learner_takes_a_practice_exam_and_reads_the_domain_breakdown(
    page, live_server, sign_in, learner, make_questions, make_question, screenshot
):
    make_questions(cloud_concepts=17, security_compliance=20, technology_services=23, billing_pricing_support=10)
    sign_in(page, learner)

    # A practice question first: the answer comes with every option's explanation and its source line.
    page.goto(live_server.url + "/quizzes/")
    screenshot(page, "quiz-start")
    screenshot(page, "quiz-start-phone", width=390, height=844)
    page.get_by_label("Security and Compliance").check()
    page.get_by_role("button", name="Start practice", exact=True).click()
    expect(page.get_by_test_id("position")).to_contain_text("Question 1 of 10")
    question = shown_question(page)
    choose(page, question, right=False)
    page.get_by_role("button", name="Check answer").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("Not quite")
    expect(page.get_by_test_id("explanations").locator("li")).to_have_count(question.choices.count())
    expect(page.locator(".answer-option .ref").first).to_be_visible()
    screenshot(page, "quiz-practice-answer")
    screenshot(page, "quiz-practice-answer-phone", width=390, height=844)

    # The exam: 65 questions, a running clock, one question at a time.
    page.goto(live_server.url + "/quizzes/")
    page.get_by_role("button", name="Start practice exam").click()
    expect(page.get_by_test_id("position")).to_contain_text("Question 1 of 65")
    time_left = page.get_by_test_id("time-left")
    expect(time_left).to_have_text(re.compile(r"^1:(29:5\d|30:00)$"))
    started = time_left.inner_text()
    expect(time_left).not_to_have_text(started, timeout=3000)  # the countdown runs in the page
    exam = Attempt.objects.get(user=learner, mode="exam")

    answered = {}
    for position in (1, 2, 3):
        expect(page.get_by_test_id("position")).to_contain_text(f"Question {position} of 65")
        question = shown_question(page)
        choose(page, question)
        answered[position] = question
        if position == 2:
            page.get_by_test_id("mark").click()
            expect(page.get_by_test_id("mark")).to_have_text(re.compile("Marked"))
            expect(page.locator(".pal.is-current")).to_have_class(re.compile("pal-marked"))
            screenshot(page, "quiz-exam-question")
            screenshot(page, "quiz-exam-question-phone", width=390, height=844)
        page.get_by_role("button", name="Save and next").click()
    expect(page.get_by_test_id("position")).to_contain_text("Question 4 of 65")
    expect(page.get_by_test_id("answered-count")).to_have_text("3")

    # Reloading loses nothing: the same question, and the earlier answers are still ticked.
    page.reload()
    expect(page.get_by_test_id("position")).to_contain_text("Question 4 of 65")
    page.locator(".palette .pal", has_text=re.compile(r"^2$")).click()
    expect(page.get_by_test_id("position")).to_contain_text("Question 2 of 65")
    for choice in answered[2].choices.filter(correct=True):
        expect(option(page, choice)).to_be_checked()
    expect(page.get_by_test_id("mark")).to_have_attribute("aria-pressed", "true")

    # The review screen lists answered, unanswered and marked questions before submitting.
    page.get_by_test_id("to-review").click()
    expect(page.get_by_test_id("review-screen")).to_be_visible()
    expect(page.get_by_test_id("answered-total")).to_have_text("3")
    expect(page.get_by_test_id("unanswered-total")).to_have_text("62")
    expect(page.get_by_test_id("marked-total")).to_have_text("1")
    screenshot(page, "quiz-exam-review")
    screenshot(page, "quiz-exam-review-phone", width=390, height=844)
    page.get_by_test_id("submit").click()

    results = page.get_by_test_id("results")
    expect(results).to_be_visible()
    expect(page.get_by_test_id("right-count")).to_have_text("3 / 65")
    expect(page.get_by_test_id("scaled-score")).to_have_text(str(round(100 + 900 * 3 / 65)))
    domains = page.get_by_test_id("domains")
    for name in (
        "Cloud Concepts",
        "Security and Compliance",
        "Cloud Technology and Services",
        "Billing, Pricing, and Support",
    ):
        expect(domains).to_contain_text(name)
    expect(domains.locator(".bar-row")).to_have_count(4)
    screenshot(page, "quiz-exam-results")
    screenshot(page, "quiz-exam-results-phone", width=390, height=844)

    # Back on the start page: the exam in the history, the practice left open with a Resume button.
    page.get_by_role("link", name="Back to quizzes").click()
    expect(page.get_by_test_id("history")).to_contain_text("Practice exam")
    expect(page.get_by_test_id("unfinished")).to_contain_text("1 of 10 answered")
    screenshot(page, "quiz-start-history")
    screenshot(page, "quiz-start-history-phone", width=390, height=844)

    exam.refresh_from_db()
    assert exam.submitted_at is not None and exam.scaled_score == round(100 + 900 * 3 / 65)
    assert not exam.auto_submitted
