"""Practice exams: the draw by domain weights, the clock, marking and review, and the scaled results."""

import re
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from learning.models import CardState, QueuedNewCard
from quizzes.attempts import start_attempt
from quizzes.models import (
    DOMAIN_WEIGHTS,
    Attempt,
    Question,
    QuestionState,
    domain_quotas,
    largest_remainder,
    scale_score,
)

pytestmark = pytest.mark.django_db

FULL = {"cloud_concepts": 20, "security_compliance": 24, "technology_services": 26, "billing_pricing_support": 10}
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def html(response) -> str:
    return response.content.decode()


def domains_of(attempt: Attempt) -> Counter:
    domain = dict(Question.objects.filter(pk__in=attempt.question_ids).values_list("pk", "domain"))
    return Counter(domain[pk] for pk in attempt.question_ids)


def test_65_questions_split_by_the_domain_weights_with_largest_remainders():
    assert largest_remainder(DOMAIN_WEIGHTS, 65) == {
        "cloud-concepts": 16,
        "security-compliance": 19,
        "technology-services": 22,
        "billing-pricing-support": 8,
    }


def test_a_short_domain_gives_what_it_has_and_the_others_fill_the_gap_by_weight():
    plenty = dict.fromkeys(DOMAIN_WEIGHTS, 40)
    quotas = domain_quotas({**plenty, "billing-pricing-support": 3})
    assert quotas == {
        "cloud-concepts": 17,
        "security-compliance": 21,
        "technology-services": 24,
        "billing-pricing-support": 3,
    }
    assert domain_quotas({**plenty, "technology-services": 23, "security-compliance": 0}) == {
        "cloud-concepts": 28,
        "security-compliance": 0,
        "technology-services": 23,
        "billing-pricing-support": 14,
    }
    assert domain_quotas(dict.fromkeys(DOMAIN_WEIGHTS, 5)) == dict.fromkeys(DOMAIN_WEIGHTS, 5)  # all there is


@pytest.mark.parametrize("fraction, scaled", [(0, 100), (1, 1000), (2 / 3, 700), (43 / 65, 695), (44 / 65, 709)])
def test_the_scaled_score_is_linear_from_100_to_1000(fraction, scaled):
    assert scale_score(fraction) == scaled


def test_the_exam_draw_follows_the_domain_weights(client, learner, make_questions, start_quiz):
    make_questions(**FULL)
    client.force_login(learner)
    with time_machine.travel(START, tick=False):
        attempt = start_quiz("exam")
    assert attempt.mode == "exam" and len(set(attempt.question_ids)) == 65
    assert domains_of(attempt) == {
        "cloud-concepts": 16,
        "security-compliance": 19,
        "technology-services": 22,
        "billing-pricing-support": 8,
    }
    assert attempt.deadline - attempt.started_at == timedelta(minutes=90)
    assert attempt.responses.count() == 65


def test_a_short_domain_is_named_on_the_start_page_and_filled_from_the_others(
    client, learner, make_questions, start_quiz
):
    make_questions(cloud_concepts=20, security_compliance=25, technology_services=30, billing_pricing_support=3)
    client.force_login(learner)
    page = html(client.get(reverse("quizzes:index")))
    note = page[page.index('data-testid="shortage"') :]
    assert "<strong>Billing, Pricing, and Support</strong> has 3 questions of the 8 it should have" in note
    assert "the others fill the gap" in note
    attempt = start_quiz("exam")
    counts = domains_of(attempt)
    assert sum(counts.values()) == 65 and counts["billing-pricing-support"] == 3
    assert counts["cloud-concepts"] >= 16 and counts["security-compliance"] >= 19
    assert counts["technology-services"] >= 22
    assert attempt.settings["shortages"] == [
        {"domain": "billing-pricing-support", "name": "Billing, Pricing, and Support", "available": 3, "target": 8}
    ]


def test_an_exam_never_asks_the_same_need_twice(client, learner, make_question, start_quiz):
    for domain, pairs in {
        "cloud-concepts": 18,
        "security-compliance": 21,
        "technology-services": 24,
        "billing-pricing-support": 9,
    }.items():
        for n in range(pairs):
            for _wording in range(3):
                make_question(domain=domain, family=f"{domain}-family", requirement=f"need-{n}")
    client.force_login(learner)
    attempt = start_quiz("exam")
    pairs = [(q.family, q.requirement) for q in Question.objects.filter(pk__in=attempt.question_ids)]
    assert len(pairs) == 65 and len(set(pairs)) == 65


def test_exam_answers_show_no_feedback_and_can_change_until_submit(
    client, learner, make_questions, start_quiz, post_answer, options
):
    make_questions(**FULL)
    client.force_login(learner)
    attempt = start_quiz("exam")
    question = Question.objects.get(pk=attempt.question_ids[0])
    response = post_answer(attempt, 1, options(question), go="stay")
    page = html(response)
    assert response.status_code == 200 and 'data-testid="explanations"' not in page and "Right answer" not in page
    assert all(choice.explanation not in page for choice in question.choices.all())
    assert re.search(rf'value="{options(question)[0]}"\s+checked', page)
    post_answer(attempt, 1, options(question, right=False), go="stay")
    saved = attempt.responses.get(position=1)
    assert saved.chosen == options(question, right=False) and saved.correct is False


def test_the_palette_moves_freely_and_marks_questions_for_review(
    client, learner, make_questions, start_quiz, post_answer, options
):
    make_questions(**FULL)
    client.force_login(learner)
    attempt = start_quiz("exam")
    first = Question.objects.get(pk=attempt.question_ids[0])
    page = html(post_answer(attempt, 1, options(first), go="mark"))
    assert 'data-testid="position">Question <b>1</b>' in page
    assert re.search(r'value="1" class="pal pal-marked pal-answered-marked is-current"', page)
    assert "1 marked" in page
    page = html(post_answer(attempt, 1, [], go="40"))  # the palette: unanswered stays unanswered, marks stay
    assert 'data-testid="position">Question <b>40</b>' in page and 'value="41" class="pal pal-unanswered"' in page
    saved = attempt.responses.get(position=1)
    assert saved.marked and saved.answered_at is None  # nothing ticked when the palette was used: cleared
    post_answer(attempt, 40, [], go="prev")
    attempt.refresh_from_db()
    assert attempt.current == 39
    to_review = post_answer(attempt, 39, [], go="review")
    assert to_review["HX-Redirect"] == f"/quizzes/attempts/{attempt.pk}/review/"
    plain = post_answer(attempt, 39, [], go="review", htmx=False)
    assert plain.status_code == 302 and plain["Location"] == f"/quizzes/attempts/{attempt.pk}/review/"


def test_the_review_screen_lists_answered_unanswered_and_marked_questions(
    client, learner, make_questions, start_quiz, post_answer, options
):
    make_questions(**FULL)
    client.force_login(learner)
    attempt = start_quiz("exam")
    for position in (1, 2, 3):
        question = Question.objects.get(pk=attempt.question_ids[position - 1])
        post_answer(attempt, position, options(question), go="mark" if position == 2 else "next")
    post_answer(attempt, 4, [], go="mark")
    page = html(client.get(reverse("quizzes:review", args=[attempt.pk])))
    assert 'data-testid="answered-total">3<' in page and 'data-testid="unanswered-total">62<' in page
    assert 'data-testid="marked-total">2<' in page
    marked = page[page.index('id="marked-head"') : page.index('id="unanswered-head"')]
    assert Question.objects.get(pk=attempt.question_ids[1]).stem in marked and "unanswered</span>" in marked
    assert "62 unanswered questions will count as wrong." in page
    assert f'action="/quizzes/attempts/{attempt.pk}/submit/"' in page


def test_the_deadline_is_enforced_and_a_late_exam_is_submitted_as_of_the_deadline(
    client, learner, make_questions, start_quiz, post_answer, options
):
    make_questions(**FULL)
    client.force_login(learner)
    with time_machine.travel(START, tick=False) as clock:
        attempt = start_quiz("exam")
        first = Question.objects.get(pk=attempt.question_ids[0])
        assert post_answer(attempt, 1, options(first)).status_code == 200
        clock.shift(timedelta(minutes=89, seconds=59))
        page = html(client.get(reverse("quizzes:attempt", args=[attempt.pk])))
        assert 'data-testid="time-left">0:01<' in page and f'data-deadline="{attempt.deadline.isoformat()}"' in page

        clock.shift(timedelta(seconds=2))  # one second past the deadline
        second = Question.objects.get(pk=attempt.question_ids[1])
        late = post_answer(attempt, 2, options(second))
        assert late.status_code == 409 and "Time is up" in html(late)
        attempt.refresh_from_db()
        assert attempt.submitted_at == attempt.deadline and attempt.auto_submitted
        assert attempt.score == pytest.approx(1 / 65) and attempt.scaled_score == scale_score(1 / 65)
        assert attempt.responses.get(position=2).answered_at is None  # the late answer was not saved

        results = html(client.get(reverse("quizzes:results", args=[attempt.pk])))
        assert 'data-testid="auto-submitted">automatically, when the time ran out at the deadline' in results


def test_an_exam_past_its_deadline_is_submitted_by_the_next_request(
    client, learner, make_questions, start_quiz, post_answer, options
):
    make_questions(**FULL)
    client.force_login(learner)
    with time_machine.travel(START, tick=False) as clock:
        attempt = start_quiz("exam")
        clock.shift(timedelta(hours=3))  # the learner closed the tab and came back later
        response = client.get(reverse("quizzes:attempt", args=[attempt.pk]))
        assert response.status_code == 302 and response["Location"] == f"/quizzes/attempts/{attempt.pk}/results/"
        attempt.refresh_from_db()
        assert attempt.submitted_at == START + timedelta(minutes=90) and attempt.auto_submitted
        index = html(client.get(reverse("quizzes:index")))
        assert "(time ran out)" in index and 'data-testid="unfinished"' not in index


def test_the_start_page_submits_expired_exams_before_listing_them(client, learner, make_questions, start_quiz):
    make_questions(**FULL)
    client.force_login(learner)
    with time_machine.travel(START, tick=False) as clock:
        attempt = start_quiz("exam")
        clock.shift(timedelta(minutes=91))
        assert "(time ran out)" in html(client.get(reverse("quizzes:index")))
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.submitted_at == attempt.deadline


def test_an_exam_resumes_at_the_last_question_with_its_answers_after_a_reload(
    client, learner, make_questions, start_quiz, post_answer, options
):
    make_questions(**FULL)
    client.force_login(learner)
    attempt = start_quiz("exam")
    first = Question.objects.get(pk=attempt.question_ids[0])
    post_answer(attempt, 1, options(first), go="3", htmx=False)
    page = html(client.get(reverse("quizzes:attempt", args=[attempt.pk])))
    assert 'data-testid="position">Question <b>3</b>' in page and 'data-testid="answered-count">1<' in page
    assert 'value="1" class="pal pal-answered"' in page
    page = html(client.get(reverse("quizzes:attempt", args=[attempt.pk]), {"q": 1}))
    assert re.search(rf'value="{options(first)[0]}"\s+checked', page)


def test_results_show_the_scaled_score_each_domain_each_topic_and_every_question(
    client, learner, make_questions, start_quiz, post_answer, options
):
    make_questions(**FULL)
    client.force_login(learner)
    attempt = start_quiz("exam")
    questions = Question.objects.in_bulk(attempt.question_ids)
    for position, pk in enumerate(attempt.question_ids, start=1):
        question = questions[pk]
        if question.domain != "billing-pricing-support":  # billing left unanswered
            post_answer(attempt, position, options(question, right=question.domain == "cloud-concepts"), go="stay")
    assert client.post(reverse("quizzes:submit", args=[attempt.pk])).status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == pytest.approx(16 / 65) and attempt.scaled_score == round(100 + 900 * 16 / 65) == 322
    assert attempt.passed is False
    page = html(client.get(reverse("quizzes:results", args=[attempt.pk])))
    assert 'data-testid="scaled-score">322<' in page and "Below the pass mark" in page
    assert "round(100 + 900 × share right)" in page and "pass mark of 700" in page
    domains = page[page.index('data-testid="domains"') : page.index('data-testid="topics"')]
    rows = dict(re.findall(r'data-key="([\w-]+)">.*?<b>(\d+%)</b>', domains, re.S))
    assert rows == {
        "cloud-concepts": "100%",
        "security-compliance": "0%",
        "technology-services": "0%",
        "billing-pricing-support": "0%",
    }
    assert "16/16" in domains and "0/19" in domains and "0/8" in domains
    assert page.count('class="card answer-card') == 65
    assert page.count("<em>not answered</em>") == 8
    for choice in questions[attempt.question_ids[0]].choices.all():
        assert choice.explanation in page


def test_submitting_twice_changes_nothing(client, learner, make_questions, start_quiz):
    make_questions(**FULL)
    client.force_login(learner)
    with time_machine.travel(START, tick=False) as clock:
        attempt = start_quiz("exam")
        client.post(reverse("quizzes:submit", args=[attempt.pk]))
        clock.shift(60)
        again = client.post(reverse("quizzes:submit", args=[attempt.pk]))
    assert again.status_code == 302 and again["Location"].endswith("/results/")
    attempt.refresh_from_db()
    assert attempt.submitted_at == START and not attempt.auto_submitted


def test_showing_and_answering_cost_the_same_few_queries_for_5_or_65_questions(
    client, learner, make_questions, post_answer, options, django_assert_max_num_queries
):
    questions = make_questions(**FULL)
    client.force_login(learner)
    counts = {}
    for size in (5, 65):
        exam = start_attempt(
            user=learner, mode="exam", question_ids=[q.pk for q in questions[:size]], now=timezone.now(), settings={}
        )
        url = reverse("quizzes:attempt", args=[exam.pk])
        right = options(questions[0])
        with django_assert_max_num_queries(8) as shown:
            assert client.get(url, {"q": 1}).status_code == 200
        counts[size] = [len(shown)]  # read at once: the captured slice is of a log later requests reset
        with django_assert_max_num_queries(8) as answered:  # save, then show the next question with its palette
            assert post_answer(exam, 1, right, go="next").status_code == 200
        counts[size].append(len(answered))
        with django_assert_max_num_queries(8) as marked:
            assert post_answer(exam, 2, [], go="mark").status_code == 200
        counts[size].append(len(marked))
    # Saving takes the attempt lock first (an answer never slips in unscored behind a submit): 8 and 7.
    assert counts[5] == counts[65] == [6, 8, 7]


def test_submitting_a_65_question_exam_is_a_handful_of_queries(
    client, learner, make_questions, make_card, start_quiz, post_answer, options, django_assert_max_num_queries
):
    questions = make_questions(**FULL)
    for question in questions:
        question.related_cards.set([make_card(), make_card()])
    client.force_login(learner)
    exam = start_quiz("exam")
    by_id = {q.pk: q for q in questions}
    for position, pk in enumerate(exam.question_ids, start=1):
        post_answer(exam, position, options(by_id[pk], right=position % 3 == 0), go="stay")
    # The attempt, the lock on it, its answers, the score, question states read and upserted, cards read and
    # the never-studied ones queued as new: SQLite takes the 88 missed cards' rows in two INSERTs (at most 999
    # parameters each), PostgreSQL in one. The lock (added so an answer racing the submit is never saved
    # unscored) is the 11th.
    with django_assert_max_num_queries(11):
        assert client.post(reverse("quizzes:submit", args=[exam.pk])).status_code == 302
    assert QuestionState.objects.filter(user=learner).count() == 65
    assert not CardState.objects.filter(user=learner).exists()  # never studied: they stay new...
    assert QueuedNewCard.objects.filter(user=learner).count() == 2 * (65 - 21)  # ...first in line
    with django_assert_max_num_queries(6):
        assert client.get(reverse("quizzes:results", args=[exam.pk])).status_code == 200
