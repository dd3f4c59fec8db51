"""The gradebook, its CSV and item analysis, checked against figures worked out by hand."""

import csv
import io
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from quizzes.assignments import start_assignment
from quizzes.attempts import load_questions, save_answer, submit_attempt
from quizzes.gradebook import ScoredAttempt, analyse_items, assignment_items, gradebook, scored_attempts
from quizzes.models import Attempt, Response
from quizzes.tests.conftest import T0

pytestmark = pytest.mark.django_db


def take(assignment, user, right: list[bool], *, at=T0 + timedelta(hours=1), minutes: int = 10, wrong_pick: int = 1):
    """A learner starts the assignment, answers each question right or wrong (the wrong answer is the option at
    `wrong_pick` among the wrong ones), and submits `minutes` later."""
    attempt = start_assignment(assignment=assignment, user=user, now=at)
    shown = load_questions(assignment.question_ids)
    for position, (pk, ok) in enumerate(zip(assignment.question_ids, right, strict=True), start=1):
        choices = shown[pk].choices
        key = [c.pk for c in choices if c.correct]
        wrong = [c.pk for c in choices if not c.correct]
        save_answer(
            attempt=attempt,
            position=position,
            question_id=pk,
            chosen=key if ok else [wrong[wrong_pick]],
            shown=shown[pk],
            now=at + timedelta(minutes=1),
        )
    submit_attempt(attempt=attempt, now=at + timedelta(minutes=minutes))
    return attempt


# Item analysis: 30 attempts at four questions, worked out by hand.
#
# Attempt i (1..30) answers  A right when i >= 11,  B right when i is odd,  C right unless i == 30,
# D right when i <= 5.  Totals (out of 4): odd i < 11 and odd i >= 11 score 3 except that D adds one for
# i <= 5 while A is missing there, so:
#   score 3: 1 3 5 11 13 15 17 19 21 23 25 27 29   (13 attempts)
#   score 2: 2 4 7 9 12 14 16 18 20 22 24 26 28    (13)
#   score 1: 6 8 10 30                             (4)
# 27% of 30 is 8.1 -> groups of 8. Ties rank the earlier attempt higher, so
#   upper = 1 3 5 11 13 15 17 19        lower = 22 24 26 28 6 8 10 30
#            facility      upper right  lower right  discrimination  flagged
#   A        20/30 = .667  5 (11..19)   5 (22..30)   0/8   = 0.000   yes: discrimination under 0.2
#   B        15/30 = .500  8            0            8/8   = 1.000   no
#   C        29/30 = .967  8            7 (not 30)   1/8   = 0.125   yes: too easy, and discrimination
#   D         5/30 = .167  3 (1 3 5)    0            3/8   = 0.375   yes: too hard
RULES = {"A": lambda i: i >= 11, "B": lambda i: i % 2 == 1, "C": lambda i: i != 30, "D": lambda i: i <= 5}
EXPECTED = {  # facility, discrimination, number of flags
    "A": (20 / 30, 0.0, 1),
    "B": (15 / 30, 1.0, 0),
    "C": (29 / 30, 0.125, 2),
    "D": (5 / 30, 0.375, 1),
}


def test_item_analysis_of_thirty_attempts_equals_the_hand_computed_figures(
    make_question, make_class, make_assignment, make_user, instructor, client
):
    questions = {name: make_question() for name in "ABCD"}
    learners = [make_user(f"learner{i:02d}") for i in range(1, 31)]
    cohort = make_class(instructor, *learners)
    assignment = make_assignment(cohort, list(questions.values()))
    for i, user in enumerate(learners, start=1):
        take(assignment, user, [RULES[name](i) for name in "ABCD"], wrong_pick=i % 2)

    items = {item.question_id: item for item in assignment_items(gradebook(assignment, T0 + timedelta(days=1)))}
    for name, question in questions.items():
        item = items[question.pk]
        facility, discrimination, flags = EXPECTED[name]
        assert item.answered_by == 30 and item.group_size == 8
        assert item.facility == pytest.approx(facility), name
        assert item.discrimination == pytest.approx(discrimination), name
        assert len(item.flags) == flags, (name, item.flags)
    # The same rule over plain rows (what the bank uses) gives the same figures.
    rows = Response.objects.filter(attempt__assignment=assignment).values_list(
        "attempt_id", "attempt__score", "question_id", "correct", "chosen"
    )
    plain = analyse_items(scored_attempts(rows), [q.pk for q in questions.values()])
    for pk, item in plain.items():
        assert (item.facility, item.discrimination, item.flags) == (
            items[pk].facility,
            items[pk].discrimination,
            items[pk].flags,
        )
    # How often each option was picked: A's 10 wrong answers split between its first and second wrong option.
    a = items[questions["A"].pk]
    assert sorted(a.picks.values()) == [5, 5, 20]

    client.force_login(instructor)
    html = client.get(reverse("quizzes:items", args=[assignment.pk])).content.decode()
    assert "0.67" in html and "0.97" in html and "0.12" in html and "0.38" in html
    assert "upper 27%" in html and "8 learners in each group" in html
    assert html.count('class="card item is-flagged"') == 3


def test_item_analysis_breaks_ties_by_the_earlier_attempt_on_plain_rows():
    # Three attempts tie at the top; the group of one (27% of 3 rounds to 1) is the earliest of them.
    rows = [ScoredAttempt(attempt_id=n, score=1.0, answers={7: (n == 2, [n])}) for n in (3, 2, 1)]
    item = analyse_items(rows, [7])[7]
    assert item.group_size == 1 and item.upper_right == 0 and item.lower_right == 0
    assert item.facility == pytest.approx(1 / 3)


# Gradebook


def test_the_gradebook_shows_status_score_lateness_and_time_and_the_csv_holds_the_same_rows(
    make_questions, make_class, make_assignment, make_user, instructor, client
):
    questions = make_questions(technology_services=4)
    on_time, late, working, missing, idle = (make_user(n) for n in ("ann", "bob", "cy", "dee", "eve"))
    cohort = make_class(instructor, on_time, late, working, missing, idle)
    due = T0 + timedelta(days=2)
    assignment = make_assignment(cohort, questions, due=due, late_until=due + timedelta(days=1))
    take(assignment, on_time, [True, True, True, False], minutes=12)
    take(assignment, late, [True, False, False, False], at=due + timedelta(hours=1), minutes=5)
    start_assignment(assignment=assignment, user=working, now=due + timedelta(hours=2))

    client.force_login(instructor)
    with time_machine.travel(due + timedelta(hours=3), tick=False):
        page = client.get(reverse("quizzes:gradebook", args=[assignment.pk]), {"sort": "-score"})
        html = page.content.decode()
        assert page.status_code == 200
        order = [name for name in ("ann", "bob", "cy", "dee", "eve") if f'data-learner="{name}"' in html]
        assert html.index('data-learner="ann"') < html.index('data-learner="bob"') < html.index('data-learner="cy"')
        assert len(order) == 5
        assert "75% <span" in html and "25% <span" in html and "12 min 00 s" in html
        assert html.count(">Late<") == 1 and html.count(">In progress<") == 1 and html.count(">Not started<") == 2
        assert 'data-testid="mean">50%' in html  # mean of 75 and 25
        assert 'data-testid="stdev">25.0' in html  # population standard deviation, in points

        rows = list(
            csv.DictReader(
                io.StringIO(client.get(reverse("quizzes:gradebook_csv", args=[assignment.pk])).content.decode("utf-8"))
            )
        )
    assert [r["learner"] for r in rows] == ["ann", "bob", "cy", "dee", "eve"]
    ann, bob = rows[0], rows[1]
    assert (ann["status"], ann["score_percent"], ann["right"], ann["late"], ann["time_taken_seconds"]) == (
        "submitted",
        "75",
        "3",
        "no",
        "720",
    )
    assert (bob["status"], bob["score_percent"], bob["late"]) == ("late", "25", "yes")
    assert rows[2]["status"] == "in progress" and rows[3]["score_percent"] == ""

    # Once the late cut-off passed, those who never started are missing, and the unfinished attempt was
    # submitted automatically as of its deadline.
    with time_machine.travel(due + timedelta(days=2), tick=False):
        rows = list(
            csv.DictReader(
                io.StringIO(client.get(reverse("quizzes:gradebook_csv", args=[assignment.pk])).content.decode("utf-8"))
            )
        )
    assert [r["status"] for r in rows] == ["submitted", "late", "late", "missing", "missing"]
    assert Attempt.objects.get(user=working).submitted_at == assignment.late_until


def test_the_csv_keeps_a_name_that_looks_like_a_formula_as_text(
    make_questions, make_class, make_assignment, make_user, instructor, client
):
    sneaky = make_user("=HYPERLINK(1)")
    assignment = make_assignment(make_class(instructor, sneaky), make_questions(technology_services=2))
    client.force_login(instructor)
    body = client.get(reverse("quizzes:gradebook_csv", args=[assignment.pk])).content.decode()
    assert "'=HYPERLINK(1)" in body


@pytest.mark.parametrize("learners", [3, 30])
def test_gradebook_and_item_analysis_cost_the_same_queries_for_any_class_size(
    make_questions, make_class, make_assignment, make_user, instructor, client, learners, django_assert_num_queries
):
    questions = make_questions(technology_services=5)
    people = [make_user(f"l{n}") for n in range(learners)]
    assignment = make_assignment(make_class(instructor, *people), questions)
    for n, user in enumerate(people):
        take(assignment, user, [n % 2 == 0, True, n % 3 == 0, False, True])
    client.force_login(instructor)
    with time_machine.travel(T0 + timedelta(days=1), tick=False):
        # session, user, role, study settings (time zone), the assignment, expired attempts, learners, attempts
        with django_assert_num_queries(8):
            assert client.get(reverse("quizzes:gradebook", args=[assignment.pk])).status_code == 200
        # session, user, role, assignment, expired attempts, learners, attempts, answers, picks, questions, options
        with django_assert_num_queries(11):
            assert client.get(reverse("quizzes:items", args=[assignment.pk])).status_code == 200
    assert Response.objects.filter(attempt__assignment=assignment).count() == 5 * learners


def test_the_drill_down_shows_every_answer_of_one_learner(
    make_questions, make_class, make_assignment, make_user, instructor, client
):
    questions = make_questions(technology_services=3)
    ann = make_user("ann")
    assignment = make_assignment(make_class(instructor, ann), questions)
    take(assignment, ann, [True, False, True])
    client.force_login(instructor)
    html = client.get(reverse("quizzes:learner_answers", args=[assignment.pk, ann.pk])).content.decode()
    assert html.count('class="card answer-card is-right"') == 2 and html.count("is-wrong") == 1
    assert "Question 1:" in html or questions[0].stem in html
