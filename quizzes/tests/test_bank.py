"""The question bank: filters, preview, editing that survives re-ingest, disabling, and learners' reports."""

import random
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from content.services import ingest
from quizzes.attempts import draw_practice, start_attempt, submit_attempt
from quizzes.models import Attempt, Question, QuestionReport, Response

pytestmark = pytest.mark.django_db


def edit_data(question, *, stem=None, texts=None, correct=None, explanations=None):
    choices = list(question.choices.offered().order_by("position", "pk"))
    data = {
        "stem": stem or question.stem,
        "form-TOTAL_FORMS": len(choices),
        "form-INITIAL_FORMS": len(choices),
        "form-MIN_NUM_FORMS": 2,
        "form-MAX_NUM_FORMS": 8,
    }
    for n, choice in enumerate(choices):
        data[f"form-{n}-text"] = (texts or {}).get(n, choice.text)
        data[f"form-{n}-explanation"] = (explanations or {}).get(n, choice.explanation)
        if (correct or {}).get(n, choice.correct):
            data[f"form-{n}-correct"] = "on"
    return data


def test_an_edited_question_survives_a_reingest_of_the_notes_unchanged(client, instructor):
    ingest()
    question = Question.objects.active().filter(kind="single").order_by("pk").first()
    client.force_login(instructor)
    data = edit_data(
        question,
        stem="Which storage fits this case? (instructor's wording)",
        texts={0: "Option edited by the instructor"},
        explanations={1: "Explained by the instructor."},
    )
    response = client.post(reverse("quizzes:edit_question", args=[question.pk]), data)
    assert response.status_code == 302
    before = list(question.choices.order_by("position", "pk").values_list("text", "correct", "explanation", "retired"))

    report = ingest()
    question.refresh_from_db()
    assert question.edited and not question.retired
    assert question.stem == "Which storage fits this case? (instructor's wording)"
    assert (
        list(question.choices.order_by("position", "pk").values_list("text", "correct", "explanation", "retired"))
        == before
    )
    assert report.created.get("questions", 0) == 0


def test_editing_keeps_exactly_the_right_number_of_right_answers(client, instructor, make_question):
    question = make_question("multi")
    client.force_login(instructor)
    response = client.post(
        reverse("quizzes:edit_question", args=[question.pk]), edit_data(question, correct={0: True, 1: False})
    )
    assert (
        response.status_code == 400 and "Mark exactly two options as right (you marked 1)." in response.content.decode()
    )
    question.refresh_from_db()
    assert not question.edited
    tampered = {**edit_data(question), "form-TOTAL_FORMS": 3, "form-INITIAL_FORMS": 3}
    assert client.post(reverse("quizzes:edit_question", args=[question.pk]), tampered).status_code == 400


def test_a_disabled_question_is_never_drawn_again_and_comes_back(client, instructor, make_questions):
    questions = make_questions(technology_services=3)
    client.force_login(instructor)
    client.post(reverse("quizzes:disable_question", args=[questions[0].pk]), {"disabled": "1"})
    drawn = {
        pk for seed in range(20) for pk in draw_practice(topic_ids=[], domains=[], count=3, rng=random.Random(seed))
    }
    assert questions[0].pk not in drawn and len(drawn) == 2
    html = client.get(reverse("quizzes:bank"), {"flag": "disabled"}).content.decode()
    assert 'data-testid="bank-count">1 question' in html
    client.post(reverse("quizzes:disable_question", args=[questions[0].pk]), {"disabled": "0"})
    assert Question.objects.active().count() == 3


def test_a_disabled_question_leaves_the_learners_start_page_at_once(
    client, instructor, learner, make_questions, django_capture_on_commit_callbacks
):
    questions = make_questions(technology_services=3)
    topic = questions[0].topic
    client.force_login(learner)
    assert counted(client.get(reverse("quizzes:index")), topic.name) == "3"  # stored now, for every learner
    client.force_login(instructor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("quizzes:disable_question", args=[questions[0].pk]), {"disabled": "1"})
    client.force_login(learner)
    page = client.get(reverse("quizzes:index"))
    assert counted(page, topic.name) == "2" and 'data-testid="due-count">0<' in page.content.decode()
    assert ">2</b>not seen yet" in page.content.decode()


def counted(response, topic_name: str) -> str:
    """The question count the start page's topic picker shows beside a topic."""
    found = re.search(
        rf"<span>{re.escape(topic_name)}</span> <span class=\"muted small\">(\d+)</span>", response.content.decode()
    )
    return found[1] if found else ""


def test_the_bank_filters_and_previews(client, instructor, make_question):
    iam = make_question(domain="security-compliance")
    ec2 = make_question(domain="technology-services")
    client.force_login(instructor)
    html = client.get(reverse("quizzes:bank"), {"domain": "security-compliance"}).content.decode()
    assert iam.stem in html and ec2.stem not in html
    html = client.get(reverse("quizzes:bank"), {"q": ec2.stem[:11]}).content.decode()
    assert ec2.stem in html
    assert client.get(reverse("quizzes:bank"), {"q": "a\x00b"}).status_code == 400
    preview = client.get(reverse("quizzes:bank_question", args=[iam.pk])).content.decode()
    assert 'data-testid="preview"' in preview and "Right answer" in preview


def test_a_learner_reports_a_question_they_were_asked_and_it_reaches_the_queue(
    client, learner, instructor, start_quiz, make_question
):
    question = make_question()
    client.force_login(learner)
    attempt = start_quiz("practice", count=5)
    assert question.pk in attempt.question_ids
    response = client.post(
        reverse("quizzes:report_question", args=[question.pk]),
        {"note": "Two options fit.", "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("quizzes:index")
    assert QuestionReport.objects.get().note == "Two options fit."
    other = make_question()
    Attempt.objects.all().delete()
    assert client.post(reverse("quizzes:report_question", args=[other.pk]), {"note": "x"}).status_code == 404
    client.force_login(instructor)
    html = client.get(reverse("learning:card_reports")).content.decode()
    assert "Two options fit." in html and "leo" in html
    report = QuestionReport.objects.get()
    client.post(reverse("quizzes:resolve_question_report", args=[report.pk]))
    assert "Two options fit." not in client.get(reverse("learning:card_reports")).content.decode()


def test_the_flagged_filter_lists_questions_the_figures_flag(client, instructor, make_user, make_question):
    hard, fine = make_question(), make_question()
    for n in range(6):  # six learners: nobody gets `hard` right, the stronger half get `fine` right
        attempt = start_attempt(
            user=make_user(f"l{n}"), mode="practice", question_ids=[hard.pk, fine.pk], now=timezone.now(), settings={}
        )
        Response.objects.filter(attempt=attempt, position=1).update(correct=False, answered_at=timezone.now())
        Response.objects.filter(attempt=attempt, position=2).update(correct=n >= 3, answered_at=timezone.now())
        submit_attempt(attempt=attempt, now=timezone.now())
    client.force_login(instructor)
    html = client.get(reverse("quizzes:bank"), {"flag": "flagged"}).content.decode()
    assert hard.stem in html and fine.stem not in html


def test_the_start_page_with_a_bank_gives_each_field_its_own_id(client, learner, make_questions):
    """The practice and due forms both ask "how many": each label must point at its own box."""
    make_questions(technology_services=3)
    client.force_login(learner)
    page = client.get(reverse("quizzes:index")).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert "id_count" in ids and "due_count" in ids
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_an_option_no_line_backs_says_why_under_it():
    """Under an option with no quote the page says which case it is: the notes name it only, describe only its whole
    service, hold it only in a line marked wrong, or do not cover it; never "Not in your notes" beside an
    explanation that says the notes do hold it."""
    from quizzes.generate import FLAGGED_ONLY, NAMED_ONLY, NOT_IN_NOTES, PARENT_ONLY
    from quizzes.models import Choice

    def label(said: str) -> str:
        return Choice(text="EFS", explanation=f"Not this one. {said}", refs=[]).notes_label

    assert label(FLAGGED_ONLY) == "In your notes only in a line marked wrong."
    assert label(PARENT_ONLY.format("Amazon CloudWatch")) == "In your notes only as part of a whole service."
    assert label(NAMED_ONLY) == "Named in your notes, not explained there."
    assert label(NOT_IN_NOTES) == "Not in your notes."
    assert Choice(text="EFS", explanation="Correct.", refs=[["n", 1, 3]]).notes_label == ""
