"""Bad input is refused with a clear message and leaves the attempt exactly as it was."""

from datetime import UTC, datetime, timedelta
from html import unescape

import pytest
import time_machine
from django.forms.models import model_to_dict
from django.urls import reverse

from quizzes.attempts import AttemptClosed, load_questions, save_answer, start_attempt, submit_attempt
from quizzes.models import Attempt, Choice, Question, QuestionState

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def snapshot(attempt: Attempt) -> tuple:
    attempt = Attempt.objects.get(pk=attempt.pk)
    return (
        model_to_dict(attempt),
        [model_to_dict(r) for r in attempt.responses.order_by("position")],
        QuestionState.objects.count(),
    )


@pytest.fixture
def practice(client, learner, make_question, start_quiz):
    """A signed-in learner with a practice of a single and a multi question (in that order)."""
    make_question("single")
    make_question("multi")
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    Attempt.objects.filter(pk=attempt.pk).update(question_ids=sorted(attempt.question_ids))
    attempt.refresh_from_db()
    ids = attempt.question_ids
    for position, pk in enumerate(ids, start=1):
        attempt.responses.filter(position=position).update(question_id=pk)
    return attempt


def other_question_choice(attempt) -> int:
    return Choice.objects.exclude(question_id__in=attempt.question_ids).values_list("pk", flat=True).first()


@pytest.mark.parametrize("htmx", [True, False])
@pytest.mark.parametrize(
    "case, message",
    [
        ("foreign option", "not one of this question's options"),
        ("made-up option", "not one of this question's options"),
        ("not a number", "not one of this question's options"),
        ("two for a single", "choose one option"),
        ("nothing chosen", "Choose an option to answer"),
    ],
)
def test_bad_options_are_400_and_change_nothing(
    client, practice, make_question, post_answer, options, case, message, htmx
):
    make_question("single")  # a question outside the attempt
    single = Question.objects.get(pk=practice.question_ids[0])
    choices = {
        "foreign option": [other_question_choice(practice)],
        "made-up option": [999999],
        "not a number": ["A"],
        "two for a single": [c.pk for c in single.choices.all()[:2]],
        "nothing chosen": [],
    }[case]
    before = snapshot(practice)
    response = post_answer(practice, 1, choices, htmx=htmx)
    assert response.status_code == 400
    assert message in unescape(response.content.decode())
    assert snapshot(practice) == before


@pytest.mark.parametrize(
    "position, question, message",
    [
        (3, None, "There is no question 3 in this attempt (it has 2)"),
        (0, None, "Question positions start at 1"),
        ("x", None, "must be a number"),
        (1, "second", "a different question"),
        (1, "outside", "a different question"),
    ],
)
def test_a_tampered_position_or_question_is_400(
    client, practice, make_question, post_answer, position, question, message
):
    outside = make_question("single")
    ids = {"second": practice.question_ids[1], "outside": outside.pk, None: practice.question_ids[0]}
    before = snapshot(practice)
    data = {"position": position, "question": ids[question], "choice": options_of(practice.question_ids[0])}
    response = client.post(reverse("quizzes:answer", args=[practice.pk]), data, headers={"HX-Request": "true"})
    assert response.status_code == 400 and message in response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert snapshot(practice) == before


def options_of(question_id: int) -> list[int]:
    return list(Choice.objects.filter(question_id=question_id, correct=True).values_list("pk", flat=True)[:1])


@pytest.mark.parametrize("q", ["0", "3", "two", "-1"])
def test_showing_a_position_outside_the_attempt_is_400(client, practice, q):
    response = client.get(reverse("quizzes:attempt", args=[practice.pk]), {"q": q})
    assert response.status_code == 400 and "in this attempt" in response.content.decode()
    assert Attempt.objects.get(pk=practice.pk).current == 1


def test_an_exam_navigation_outside_the_attempt_is_400(client, learner, make_questions, start_quiz, post_answer):
    make_questions(technology_services=6)
    client.force_login(learner)
    exam = start_quiz("exam")
    before = snapshot(exam)
    for go in ("99", "sideways"):
        response = post_answer(exam, 1, [], go=go)
        assert response.status_code == 400
    assert snapshot(exam) == before


def test_an_answer_to_a_submitted_attempt_is_409(client, practice, post_answer, options):
    client.post(reverse("quizzes:submit", args=[practice.pk]))
    before = snapshot(practice)
    for htmx in (True, False):
        response = post_answer(practice, 1, options(Question.objects.get(pk=practice.question_ids[0])), htmx=htmx)
        assert response.status_code == 409 and "has been submitted" in response.content.decode()
    assert snapshot(practice) == before
    page = post_answer(practice, 1, [], htmx=False).content.decode()
    assert 'data-testid="refused"' in page and f"/quizzes/attempts/{practice.pk}/results/" in page


def test_an_answer_after_the_deadline_is_409_and_not_saved(
    client, learner, make_questions, start_quiz, post_answer, options
):
    make_questions(technology_services=6)
    client.force_login(learner)
    with time_machine.travel(START, tick=False) as clock:
        exam = start_quiz("exam")
        clock.shift(timedelta(minutes=90))  # exactly at the deadline is already too late
        response = post_answer(exam, 1, options(Question.objects.get(pk=exam.question_ids[0])))
    assert response.status_code == 409 and "Time is up" in response.content.decode()
    exam.refresh_from_db()
    assert exam.auto_submitted and not exam.responses.filter(answered_at__isnull=False).exists()


@pytest.mark.parametrize(
    "name, method", [("attempt", "get"), ("answer", "post"), ("review", "get"), ("submit", "post"), ("results", "get")]
)
def test_another_learners_attempt_is_404(client, practice, outsider, options, name, method):
    before = snapshot(practice)
    client.force_login(outsider)
    data = (
        {
            "position": 1,
            "question": practice.question_ids[0],
            "choice": options(Question.objects.get(pk=practice.question_ids[0])),
        }
        if method == "post"
        else {}
    )
    response = getattr(client, method)(reverse(f"quizzes:{name}", args=[practice.pk]), data)
    assert response.status_code == 404
    assert snapshot(practice) == before


def test_an_unknown_attempt_is_404(client, learner):
    client.force_login(learner)
    assert client.get(reverse("quizzes:attempt", args=[424242])).status_code == 404


@pytest.mark.parametrize("name, args", [("start", []), ("answer", [1]), ("submit", [1])])
def test_post_only_views_refuse_get(client, learner, name, args):
    client.force_login(learner)
    assert client.get(reverse(f"quizzes:{name}", args=args)).status_code == 405


def test_an_unknown_mode_is_400(client, learner):
    client.force_login(learner)
    response = client.post(reverse("quizzes:start"), {"mode": "cram"})
    assert response.status_code == 400 and not Attempt.objects.exists()


def test_results_wait_for_submit(client, practice):
    response = client.get(reverse("quizzes:results", args=[practice.pk]))
    assert response.status_code == 302 and response["Location"] == f"/quizzes/attempts/{practice.pk}/"


@pytest.mark.parametrize("mode", ["exam", "practice"])
def test_an_answer_racing_a_submit_is_not_saved(learner, make_questions, mode):
    questions = make_questions(technology_services=3)
    attempt = start_attempt(user=learner, mode=mode, question_ids=[q.pk for q in questions], now=START, settings={})
    stale = Attempt.objects.get(pk=attempt.pk)  # read by the answer's request before the submit landed
    submit_attempt(attempt=attempt, now=START)
    shown = load_questions([questions[0].pk])[questions[0].pk]
    right = [c.pk for c in shown.choices if c.correct]
    with pytest.raises(AttemptClosed, match="has been submitted"):
        save_answer(attempt=stale, position=1, question_id=questions[0].pk, chosen=right, shown=shown, now=START)
    assert not attempt.responses.filter(answered_at__isnull=False).exists()
    assert not QuestionState.objects.exists()
