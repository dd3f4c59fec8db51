"""What answers teach: each question's FSRS state, and missed questions bringing their flashcards back."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from fsrs import State

from learning.models import CardState, QueuedNewCard, StudySettings
from learning.queue import build_queue
from quizzes.models import Question, QuestionState

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def test_a_right_practice_answer_is_good_and_a_wrong_one_is_again(
    client, learner, make_question, start_quiz, post_answer, options
):
    right, wrong = make_question(), make_question()
    client.force_login(learner)
    with time_machine.travel(START, tick=False):
        attempt = start_quiz("practice", count=5)
        for position, pk in enumerate(attempt.question_ids, start=1):
            post_answer(attempt, position, options(right if pk == right.pk else wrong, right=pk == right.pk))
    good = QuestionState.objects.get(user=learner, question=right)
    again = QuestionState.objects.get(user=learner, question=wrong)
    # FSRS defaults without fuzz: learning steps of 1 and 10 minutes.
    learning = State.Learning.value
    assert (good.state, good.step, good.due, good.reps) == (learning, 1, START + timedelta(minutes=10), 1)
    assert (again.state, again.step, again.due, again.reps) == (learning, 0, START + timedelta(minutes=1), 1)
    assert good.last_review == again.last_review == START


def test_a_question_answered_again_later_moves_on_from_its_state(
    client, learner, make_question, start_quiz, post_answer, options
):
    question = make_question()
    client.force_login(learner)
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(3):
            attempt = start_quiz("practice", count=5)
            post_answer(attempt, 1, options(question))
            clock.shift(timedelta(days=1))
    state = QuestionState.objects.get(user=learner, question=question)
    assert state.reps == 3 and state.state == State.Review.value and state.due > START + timedelta(days=3)
    assert QuestionState.objects.due(learner, START + timedelta(days=3)).count() == 0


def test_exam_answers_update_the_spacing_only_when_submitted(
    client, learner, make_questions, start_quiz, post_answer, options
):
    make_questions(technology_services=6)
    client.force_login(learner)
    with time_machine.travel(START, tick=False) as clock:
        exam = start_quiz("exam")
        questions = Question.objects.in_bulk(exam.question_ids)
        post_answer(exam, 1, options(questions[exam.question_ids[0]]))
        post_answer(exam, 2, options(questions[exam.question_ids[1]], right=False))
        assert not QuestionState.objects.exists()
        clock.shift(timedelta(minutes=30))
        client.post(reverse("quizzes:submit", args=[exam.pk]))
    states = {s.question_id: s for s in QuestionState.objects.filter(user=learner)}
    assert set(states) == set(exam.question_ids[:2])  # unanswered questions teach nothing
    assert states[exam.question_ids[0]].step == 1 and states[exam.question_ids[1]].step == 0
    assert states[exam.question_ids[0]].last_review == START + timedelta(minutes=30)


def test_a_missed_question_makes_its_flashcards_due_in_the_next_review(
    client, learner, make_question, make_card, start_quiz, post_answer, options
):
    new, studied, later, suspended, unrelated = (make_card() for _ in range(5))
    question = make_question(cards=[new, studied, later, suspended])
    StudySettings.objects.create(user=learner, new_per_day=0)  # no new cards today: only due ones are served
    week = START + timedelta(days=7)
    CardState.objects.create(
        user=learner,
        card=studied,
        state=State.Review.value,
        stability=20,
        difficulty=5,
        due=START + timedelta(days=20),
        last_review=START - timedelta(days=5),
        reps=4,
    )
    CardState.objects.create(
        user=learner,
        card=later,
        state=State.Review.value,
        stability=20,
        difficulty=5,
        due=week,
        last_review=START,
        reps=2,
    )
    CardState.objects.create(user=learner, card=suspended, state=State.Review.value, due=week, suspended=True)
    client.force_login(learner)
    with time_machine.travel(START, tick=False):
        study = StudySettings.for_user(learner)
        assert build_queue(learner, study, START).card is None  # nothing due before the quiz
        attempt = start_quiz("practice", count=5)
        feedback = post_answer(attempt, 1, options(question, right=False)).content.decode()
        assert "3 related flashcards are now due in" in feedback

        states = {s.card_id: s for s in CardState.objects.filter(user=learner)}
        assert new.pk not in states  # never studied: it stays new, first in line among the new cards
        assert states[studied.pk].due == START and states[studied.pk].state == State.Review.value
        assert states[studied.pk].stability == 20 and states[studied.pk].reps == 4  # its memory is kept
        assert states[suspended.pk].due == week  # suspended cards stay out
        assert unrelated.pk not in states

        queue = build_queue(learner, study, START)
        assert queue.card == studied  # the studied cards come due now...
        assert queue.learning == 0 and queue.review == 2 and queue.new == 0  # ...the new one waits for the limit
        page = client.get(reverse("learning:review")).content.decode()
        assert studied.front in page

        study.new_per_day = 1
        study.save()
        unrelated.position, new.position = 0, 99  # the queued card goes first even behind in catalog order
        unrelated.save()
        new.save()
        CardState.objects.filter(user=learner).update(due=week)
        assert build_queue(learner, study, START).card == new


def test_a_right_answer_leaves_the_flashcards_alone(
    client, learner, make_question, make_card, start_quiz, post_answer, options
):
    card = make_card()
    question = make_question(cards=[card])
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    post_answer(attempt, 1, options(question))
    assert not CardState.objects.exists()


def test_a_submitted_exam_feeds_every_missed_question_to_the_flashcards(
    client, learner, make_questions, make_card, start_quiz, post_answer, options
):
    questions = make_questions(technology_services=6)
    cards = {q.pk: make_card() for q in questions}
    for question in questions:
        question.related_cards.set([cards[question.pk]])
    client.force_login(learner)
    with time_machine.travel(START, tick=False):
        exam = start_quiz("exam")
        by_id = {q.pk: q for q in questions}
        for position, pk in enumerate(exam.question_ids, start=1):
            if position <= 4:
                post_answer(exam, position, options(by_id[pk], right=position <= 2))
        assert not CardState.objects.exists()  # nothing before submit
        client.post(reverse("quizzes:submit", args=[exam.pk]))
    missed = {cards[pk].pk for pk in exam.question_ids[2:4]}
    assert not CardState.objects.exists()  # the cards were never studied: they stay new...
    queued = QueuedNewCard.objects.filter(user=learner).values_list("card_id", flat=True)
    assert set(queued) == missed  # ...first in line among the new cards


def test_due_questions_start_from_what_is_due(client, learner, make_questions, start_quiz):
    questions = make_questions(technology_services=8)
    QuestionState.objects.create(user=learner, question=questions[5], due=START - timedelta(hours=1))
    QuestionState.objects.create(user=learner, question=questions[6], due=START + timedelta(days=2))
    client.force_login(learner)
    with time_machine.travel(START, tick=False):
        page = client.get(reverse("quizzes:index")).content.decode()
        assert 'data-testid="due-count">1<' in page
        attempt = start_quiz("due", count=5)
    assert attempt.mode == "due" and attempt.question_ids[0] == questions[5].pk
    assert questions[6].pk not in attempt.question_ids and len(attempt.question_ids) == 5


def test_due_questions_say_so_when_there_is_nothing_left(client, learner, make_question):
    question = make_question()
    QuestionState.objects.create(user=learner, question=question, due=START + timedelta(days=2))
    client.force_login(learner)
    with time_machine.travel(START, tick=False):
        response = client.post(reverse("quizzes:start"), {"mode": "due", "count": 5})
    assert "Nothing is due and you have seen every question" in response.content.decode()
