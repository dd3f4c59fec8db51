"""Practice quizzes over HTTP: the start page, drawing, answering with feedback, results, resuming."""

import json
import random
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from learning.models import CardState
from quizzes.attempts import draw_due, start_attempt
from quizzes.management.commands.questions import question_record, sample_questions
from quizzes.models import Attempt, Question, QuestionState, Response

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


def test_quizzes_need_sign_in(client):
    response = client.get(reverse("quizzes:index"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_start_page_offers_topics_by_category_domains_and_the_exam_plan(client, learner, make_question):
    make_question(topic="quiz-ec2")
    make_question(topic="quiz-iam")
    retired = make_question(topic="quiz-kms")
    Question.objects.filter(pk=retired.pk).update(retired=True)
    client.force_login(learner)
    page = html(client.get(reverse("quizzes:index")))
    assert "EC2" in page and "IAM" in page and "KMS" not in page  # only topics with active questions
    assert "<legend>Compute</legend>" in page and "<legend>Security</legend>" in page
    assert "Billing, Pricing, and Support" in page and "65 questions in 90 minutes" in page
    assert "No finished attempts yet" in page


def test_starting_a_practice_fixes_the_order_and_makes_one_response_per_slot(
    client, learner, make_questions, start_quiz
):
    make_questions(technology_services=8)
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    assert attempt.user == learner and attempt.mode == "practice" and attempt.deadline is None
    assert len(attempt.question_ids) == 5 and len(set(attempt.question_ids)) == 5
    responses = list(attempt.responses.order_by("position"))
    assert [(r.position, r.question_id) for r in responses] == list(enumerate(attempt.question_ids, start=1))
    assert attempt.current == 1


def test_practice_draws_from_the_ticked_topics_or_domains_only(client, learner, make_question, start_quiz):
    ec2 = {make_question(topic="quiz-ec2").pk for _ in range(3)}
    iam = {make_question(topic="quiz-iam").pk for _ in range(3)}
    pricing = {make_question(topic="quiz-pricing").pk for _ in range(3)}
    client.force_login(learner)
    topic = Question.objects.get(pk=min(ec2)).topic
    attempt = start_quiz("practice", topics=[topic.pk], domains=["billing-pricing-support"], count=10)
    assert set(attempt.question_ids) == ec2 | pricing and not set(attempt.question_ids) & iam
    assert attempt.settings["topics"] == ["quiz-ec2"] and attempt.settings["domains"] == ["billing-pricing-support"]


def test_practice_prefers_different_needs_over_rewordings(client, learner, make_question, start_quiz):
    for requirement in ("a", "b", "c", "d", "e"):
        for _ in range(3):
            make_question(family="storage", requirement=requirement)
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    pairs = {(q.family, q.requirement) for q in Question.objects.filter(pk__in=attempt.question_ids)}
    assert len(pairs) == 5


@pytest.mark.parametrize("count", ["4", "51", "ten", ""])
def test_the_number_of_questions_must_be_5_to_50(client, learner, make_questions, count):
    make_questions(technology_services=6)
    client.force_login(learner)
    response = client.post(reverse("quizzes:start"), {"mode": "practice", "count": count})
    assert response.status_code == 200
    assert "Choose between 5 and 50 questions." in html(response)
    assert not Attempt.objects.exists()


def test_a_practice_on_a_choice_with_no_questions_is_refused(client, learner, make_question):
    make_question(topic="quiz-ec2")
    client.force_login(learner)
    response = client.post(reverse("quizzes:start"), {"mode": "practice", "count": 5, "domains": ["cloud-concepts"]})
    assert "There are no questions for that choice yet." in html(response)
    assert not Attempt.objects.exists()


def test_a_question_shows_one_at_a_time_with_radios_or_checkboxes(client, learner, make_question, start_quiz):
    single, multi = make_question("single"), make_question("multi")
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    by_position = {attempt.question_ids.index(q.pk) + 1: q for q in (single, multi)}
    for position, question in by_position.items():
        page = html(client.get(reverse("quizzes:attempt", args=[attempt.pk]), {"q": position}))
        assert question.stem in page and f"Question <b>{position}</b> of 2" in page
        if question.kind == "multi":
            assert page.count('type="checkbox" name="choice"') == 5 and "Select <strong>TWO</strong>" in page
        else:
            assert page.count('type="radio" name="choice"') == 4
        assert 'data-testid="explanations"' not in page  # nothing given away before answering


def test_an_answer_with_htmx_returns_the_feedback_fragment_with_every_explanation(
    client, learner, make_question, start_quiz, post_answer, options
):
    question = make_question("single")
    make_question("single")
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    position = attempt.question_ids.index(question.pk) + 1
    response = post_answer(attempt, position, options(question, right=False))
    assert response.status_code == 200
    page = html(response)
    assert page.lstrip().startswith('<div id="quiz"') and "<html" not in page
    assert "Not quite." in page
    for choice in question.choices.all():  # every option explained, with its quote and its source link
        assert choice.explanation in page and choice.quote in page
        assert f'href="/sources/1/?line={choice.refs[0][2]}#L{choice.refs[0][2]}"' in page
    assert page.count("Right answer</span>") == 1 and page.count("Your answer</span>") == 1
    assert response["HX-Push-Url"] == f"/quizzes/attempts/{attempt.pk}/?q={position}"


def test_without_javascript_an_answer_redirects_to_the_feedback_page(
    client, learner, make_question, start_quiz, post_answer, options
):
    question = make_question("single")
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    response = post_answer(attempt, 1, options(question), htmx=False)
    assert response.status_code == 302 and response["Location"] == f"/quizzes/attempts/{attempt.pk}/?q=1"
    page = html(client.get(response["Location"]))
    assert "✓ Right." in page and "See your results" in page  # the only question: the end is next


def test_a_multi_question_is_right_only_with_exactly_both_right_options(
    client, learner, make_question, start_quiz, post_answer
):
    questions = [make_question("multi") for _ in range(3)]
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    picks = {}
    for question in questions:
        choices = list(question.choices.order_by("position"))  # the factory puts the two right ones first
        picks[question.pk] = {
            0: [choices[0].pk],
            1: [choices[0].pk, choices[1].pk],
            2: [choices[0].pk, choices[1].pk, choices[2].pk],
        }[len(picks)]
    for position, pk in enumerate(attempt.question_ids, start=1):
        assert post_answer(attempt, position, picks[pk]).status_code == 200
    graded = {r.question_id: r.correct for r in attempt.responses.all()}
    assert [graded[q.pk] for q in questions] == [False, True, False]


def test_a_practice_answer_is_final_but_a_repeated_one_is_accepted(
    client, learner, make_question, start_quiz, post_answer, options
):
    question = make_question("single")
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    assert post_answer(attempt, 1, options(question)).status_code == 200
    assert post_answer(attempt, 1, options(question)).status_code == 200  # a double click
    changed = post_answer(attempt, 1, options(question, right=False))
    assert changed.status_code == 409 and "first answer counts" in html(changed)
    assert Response.objects.get(attempt=attempt).correct is True
    assert QuestionState.objects.get(user=learner).reps == 1


def test_reloading_resumes_where_the_learner_was(client, learner, make_questions, start_quiz, post_answer, options):
    make_questions(technology_services=6)
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    first = Question.objects.get(pk=attempt.question_ids[0])
    post_answer(attempt, 1, options(first))
    client.get(reverse("quizzes:attempt", args=[attempt.pk]), {"q": 2}, headers={"HX-Request": "true"})
    attempt.refresh_from_db()
    assert attempt.current == 2
    page = html(client.get(reverse("quizzes:attempt", args=[attempt.pk])))  # a reload, or another device
    assert "Question <b>2</b> of 5" in page
    page = html(client.get(reverse("quizzes:attempt", args=[attempt.pk]), {"q": 1}))
    assert "✓ Right." in page  # the answered question still shows its feedback
    index = html(client.get(reverse("quizzes:index")))
    assert 'data-testid="unfinished"' in index and "1 of 5 answered" in index
    assert f'href="/quizzes/attempts/{attempt.pk}/">Resume</a>' in index


def test_results_show_the_score_per_topic_and_the_history_links_to_them(
    client, learner, make_question, start_quiz, post_answer, options
):
    ec2 = [make_question(topic="quiz-ec2") for _ in range(3)]
    s3 = [make_question(topic="quiz-s3") for _ in range(2)]
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    for position, pk in enumerate(attempt.question_ids, start=1):
        question = Question.objects.get(pk=pk)
        post_answer(attempt, position, options(question, right=question in ec2[:2] or question in s3))
    response = client.post(reverse("quizzes:submit", args=[attempt.pk]))
    assert response.status_code == 302 and response["Location"] == f"/quizzes/attempts/{attempt.pk}/results/"
    attempt.refresh_from_db()
    assert attempt.score == pytest.approx(4 / 5) and attempt.scaled_score is None
    page = html(client.get(response["Location"]))
    topics = page[page.index('data-testid="topics"') : page.index('aria-labelledby="answers-head"')]
    assert re.search(r"EC2</span>.*?<b>67%</b> <span[^>]*>2/3<", topics, re.S)
    assert re.search(r"S3</span>.*?<b>100%</b> <span[^>]*>2/2<", topics, re.S)
    assert topics.index("EC2") < topics.index("S3")  # weakest first
    index = html(client.get(reverse("quizzes:index")))
    assert "Practice" in index and "80%" in index and f"/quizzes/attempts/{attempt.pk}/results/" in index
    assert 'data-testid="unfinished"' not in index


def test_due_questions_come_first_then_unseen_ones_from_the_weakest_topic(learner, make_question):
    now = timezone.now()
    due = make_question(topic="quiz-s3")
    later = make_question(topic="quiz-s3")
    QuestionState.objects.create(user=learner, question=due, due=now)
    QuestionState.objects.create(user=learner, question=later, due=now + timezone.timedelta(days=3))
    weak = [make_question(topic="quiz-iam") for _ in range(2)]
    strong = [make_question(topic="quiz-ec2") for _ in range(2)]
    attempt = Attempt.objects.create(user=learner, mode="practice", started_at=now)
    Response.objects.create(attempt=attempt, question=weak[0], position=1, correct=False, answered_at=now)
    Response.objects.create(attempt=attempt, question=strong[0], position=2, correct=True, answered_at=now)
    QuestionState.objects.create(user=learner, question=weak[0], due=now + timezone.timedelta(days=1))
    QuestionState.objects.create(user=learner, question=strong[0], due=now + timezone.timedelta(days=1))
    ids = draw_due(user=learner, count=3, now=now, rng=random.Random(1))
    assert ids == [due.pk, weak[1].pk, strong[1].pk]


def test_the_json_says_an_option_its_own_page_covers_is_in_the_notes(make_question):
    """An option no one line backs, whose own page the notes fill ("Your notes cover it on the AWS Management
    Console page."), is in the notes: the JSON says so, as its explanation does; one they do not cover is not."""
    from quizzes.generate import NOT_IN_NOTES, ON_ITS_PAGE
    from quizzes.management.commands.questions import question_record

    question = make_question(topic="quiz-ec2")
    page, absent = question.choices.filter(correct=False)[:2]
    for choice, said in ((page, ON_ITS_PAGE.format("AWS Management Console")), (absent, NOT_IN_NOTES)):
        choice.refs, choice.quote, choice.explanation = [], "", f"Not this one: it is for something else. {said}"
        choice.save()
    record = {e["option"]: e["in_notes"] for e in question_record(question)["explanations"]}
    assert record[page.text] is True and record[absent.text] is False


def test_the_questions_command_prints_a_sample_as_json_lines(make_question):
    for _ in range(4):
        make_question("multi", topic="quiz-s3")
    make_question(topic="quiz-ec2")
    out = StringIO()
    call_command("questions", "--sample", "3", "--seed", "7", "--topic", "quiz-s3", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 3 and {line["topic"] for line in lines} == {"quiz-s3"}
    first = lines[0]
    assert set(first) == {
        "scenario",
        "stem",
        "select",
        "options",
        "explanations",
        "family",
        "topic",
        "domain",
        "sources",
    }
    assert sum(o["right"] for o in first["options"]) == 2 and len(first["options"]) == 5
    assert first["select"] == "Select TWO."  # (the hint the learner sees under a two-answer question's stem)
    assert first["explanations"][0]["sources"] == ["notes:430"] and first["sources"][0].startswith("notes:")
    assert first["explanations"][0]["in_notes"] is True
    assert len({line["scenario"] for line in lines}) == 3
    assert [q.pk for q in sample_questions(3, seed=7, topic="quiz-s3")] == [
        q.pk for q in sample_questions(3, seed=7, topic="quiz-s3")
    ]
    assert question_record(sample_questions(1, seed=1)[0])["domain"]


def test_showing_and_answering_cost_the_same_few_queries_for_5_or_50_questions(
    client, learner, make_questions, make_card, post_answer, options, django_assert_max_num_queries
):
    questions = make_questions(technology_services=50)
    for question in questions:  # every miss feeds two cards, one the learner already studies
        question.related_cards.set([make_card(), make_card()])
    client.force_login(learner)
    counts = {}
    for size in (5, 50):
        attempt = start_attempt(
            user=learner,
            mode="practice",
            question_ids=[q.pk for q in questions[:size]],
            now=timezone.now(),
            settings={},
        )
        CardState.objects.get_or_create(
            user=learner,
            card=questions[1].related_cards.first(),
            defaults={"due": timezone.now() + timezone.timedelta(days=9)},
        )
        url = reverse("quizzes:attempt", args=[attempt.pk])
        right, wrong = options(questions[0]), options(questions[1], right=False)
        with django_assert_max_num_queries(8) as shown:
            assert client.get(url, {"q": 1}).status_code == 200
        counts[size] = [len(shown)]  # read at once: the captured slice is of a log later requests reset
        with django_assert_max_num_queries(8) as answered:
            assert post_answer(attempt, 1, right).status_code == 200
        counts[size].append(len(answered))
        client.get(url, {"q": 2}, headers={"HX-Request": "true"})
        with django_assert_max_num_queries(8) as answered:
            assert post_answer(attempt, 2, wrong).status_code == 200
        counts[size].append(len(answered))
    assert counts[5] == counts[50] == [6, 6, 8]  # show; a right answer; a wrong one feeding two cards


def test_the_start_page_costs_the_same_queries_with_a_long_history(
    client, learner, make_questions, start_quiz, django_assert_num_queries
):
    make_questions(technology_services=6, security_compliance=4)
    client.force_login(learner)
    client.get(reverse("quizzes:index"))  # the first look after an ingest stores the topics and the exam plan
    for attempts in (1, 12):
        while Attempt.objects.filter(user=learner).count() < attempts:
            attempt = start_quiz("practice", count=5)
            if attempt.pk % 2:
                client.post(reverse("quizzes:submit", args=[attempt.pk]))
        # Session, user, unfinished attempts, the stored topics and exam plan, due and unseen counts, the
        # history, the instructor check (header).
        with django_assert_num_queries(7):
            assert client.get(reverse("quizzes:index")).status_code == 200


def test_the_topic_is_named_only_once_the_question_is_answered(
    client, learner, make_question, start_quiz, post_answer, options
):
    question = make_question("identify", topic="quiz-kms")  # the topic of "Which AWS service ...?" is its answer
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    url = reverse("quizzes:attempt", args=[attempt.pk])
    assert 'href="/topics/quiz-kms/"' not in html(client.get(url))
    post_answer(attempt, 1, options(question))
    assert 'href="/topics/quiz-kms/"' in html(client.get(url))
