"""Classes: creating one, its join code, joining, the roster, co-instructors and archiving."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from learning.models import CardState, ReviewLog
from quizzes.models import JOIN_CODE_ALPHABET, Attempt, Cohort, Membership, Response
from quizzes.tests.conftest import T0

pytestmark = pytest.mark.django_db


def test_an_instructor_creates_a_class_and_gets_an_eight_character_code(client, instructor):
    client.force_login(instructor)
    response = client.post(reverse("quizzes:classes"), {"name": "  Cloud   Practitioner, spring "})
    cohort = Cohort.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("quizzes:class", args=[cohort.pk])
    assert cohort.name == "Cloud Practitioner, spring"
    assert len(cohort.join_code) == 8 and set(cohort.join_code) <= set(JOIN_CODE_ALPHABET)
    assert Membership.objects.get(cohort=cohort).role == Membership.INSTRUCTOR
    page = client.get(reverse("quizzes:class", args=[cohort.pk])).content.decode()
    assert cohort.display_code in page
    assert "Cloud Practitioner, spring" in client.get(reverse("quizzes:classes")).content.decode()


def test_a_class_needs_a_name(client, instructor):
    client.force_login(instructor)
    response = client.post(reverse("quizzes:classes"), {"name": "   "})
    assert response.status_code == 400 and "Give the class a name." in response.content.decode()
    assert not Cohort.objects.exists()


def test_codes_differ_between_classes(make_class, instructor):
    codes = {make_class(instructor, name=f"C{n}").join_code for n in range(20)}
    assert len(codes) == 20


def test_a_learner_joins_with_the_code_typed_loosely(client, instructor, learner, make_class):
    cohort = make_class(instructor)
    client.force_login(learner)
    loose = f" {cohort.join_code[:4].lower()}-{cohort.join_code[4:].lower()} "
    response = client.post(reverse("quizzes:join"), {"code": loose})
    assert response.status_code == 302 and response["Location"] == reverse("quizzes:assignments")
    assert Membership.objects.get(cohort=cohort, user=learner).role == Membership.LEARNER
    # Joining twice is one membership, with a friendly word.
    client.post(reverse("quizzes:join"), {"code": cohort.join_code})
    assert Membership.objects.filter(cohort=cohort, user=learner).count() == 1


def test_the_quizzes_page_links_to_joining(client, learner):
    client.force_login(learner)
    assert reverse("quizzes:join") in client.get(reverse("quizzes:index")).content.decode()


def test_a_replaced_code_stops_working(client, instructor, learner, make_class):
    cohort = make_class(instructor)
    old = cohort.join_code
    client.force_login(instructor)
    client.post(reverse("quizzes:regenerate_code", args=[cohort.pk]))
    cohort.refresh_from_db()
    assert cohort.join_code != old
    client.force_login(learner)
    response = client.post(reverse("quizzes:join"), {"code": old})
    assert response.status_code == 400 and "No class has that code" in response.content.decode()
    assert not Membership.objects.filter(user=learner).exists()


@pytest.mark.parametrize("code", ["", "ABC", "ZZZZZZZZ", "A" * 41, "<script>alert(1)</script>"])
def test_unknown_codes_are_refused_with_a_message(client, learner, code):
    client.force_login(learner)
    response = client.post(reverse("quizzes:join"), {"code": code})
    assert response.status_code == 400
    assert re.search(r"Type the join code|No class has that code|at most 40", response.content.decode())
    assert "<script>alert" not in response.content.decode()


def test_an_archived_class_takes_no_one_and_comes_back(client, instructor, learner, make_class):
    cohort = make_class(instructor)
    client.force_login(instructor)
    client.post(reverse("quizzes:archive_class", args=[cohort.pk]), {"archived": "1"})
    client.force_login(learner)
    response = client.post(reverse("quizzes:join"), {"code": cohort.join_code})
    assert response.status_code == 400 and "archived" in response.content.decode()
    client.force_login(instructor)
    assert client.post(reverse("quizzes:archive_class", args=[cohort.pk]), {"archived": "maybe"}).status_code == 400
    client.post(reverse("quizzes:archive_class", args=[cohort.pk]), {"archived": "0"})
    client.force_login(learner)
    assert client.post(reverse("quizzes:join"), {"code": cohort.join_code}).status_code == 302


def test_rename_remove_a_learner_and_add_a_co_instructor(client, instructor, learner, make_user, make_class):
    colleague = make_user("colin", instructor=True)
    cohort = make_class(instructor, learner)
    client.force_login(instructor)
    client.post(reverse("quizzes:rename_class", args=[cohort.pk]), {"name": "Cloud 102"})
    assert client.post(reverse("quizzes:rename_class", args=[cohort.pk]), {"name": ""}).status_code == 400
    client.post(reverse("quizzes:remove_learner", args=[cohort.pk, learner.pk]))
    client.post(reverse("quizzes:add_instructor", args=[cohort.pk]), {"username": "COLIN"})
    cohort.refresh_from_db()
    assert cohort.name == "Cloud 102"
    assert set(cohort.memberships.values_list("user__username", "role")) == {
        ("colin", "instructor"),
        ("irene", "instructor"),
    }
    # The co-instructor now sees the class; a learner cannot be made co-instructor.
    client.force_login(colleague)
    assert client.get(reverse("quizzes:class", args=[cohort.pk])).status_code == 200
    response = client.post(
        reverse("quizzes:add_instructor", args=[cohort.pk]), {"username": learner.username}, follow=True
    )
    assert "There is no instructor called" in response.content.decode()


def test_removing_a_learner_who_is_not_in_the_class_is_404(client, instructor, learner, make_class):
    cohort = make_class(instructor)
    client.force_login(instructor)
    assert client.post(reverse("quizzes:remove_learner", args=[cohort.pk, learner.pk])).status_code == 404


def test_class_progress_counts_reviews_backlog_and_accuracy_and_puts_the_weakest_topic_first(
    client, instructor, learner, make_user, make_class, make_card, make_question
):
    other = make_user("lou")
    cohort = make_class(instructor, learner, other)
    cards = [make_card() for _ in range(3)]
    now = T0 + timedelta(days=40)
    # leo: reviews 2, 10 and 35 days ago (1 in 7 days, 2 in 30); two cards due, one suspended due card ignored.
    for n, days in enumerate((2, 10, 35)):
        ReviewLog.objects.create(
            user=learner, card=cards[0], rating=3, reviewed_at=now - timedelta(days=days), token=f"t{n}", state_after={}
        )
    CardState.objects.create(user=learner, card=cards[0], due=now - timedelta(hours=1))
    CardState.objects.create(user=learner, card=cards[1], due=now - timedelta(days=3))
    CardState.objects.create(user=learner, card=cards[2], due=now - timedelta(days=3), suspended=True)
    # Quiz answers: IAM 1 of 2 right for leo; EC2 0 of 2 for lou: EC2 is the class's weakest topic.
    iam, ec2 = make_question(topic="quiz-iam"), make_question(topic="quiz-ec2")
    for user, question, results in ((learner, iam, [True, False]), (other, ec2, [False, False])):
        attempt = Attempt.objects.create(user=user, mode="practice", started_at=T0, question_ids=[question.pk] * 2)
        Response.objects.bulk_create(
            [
                Response(attempt=attempt, question=question, position=p + 1, correct=ok, answered_at=T0)
                for p, ok in enumerate(results)
            ]
        )
    client.force_login(instructor)
    with time_machine.travel(now, tick=False):
        html = client.get(f"/classes/{cohort.pk}/progress/").content.decode()
    rows = html.split('data-testid="class-progress"')[1]
    leo = rows[rows.index("<strong>leo</strong>") : rows.index("<strong>lou</strong>")]
    cells = re.findall(r'class="num">([^<]*)<', leo)
    assert cells[:4] == ["1", "2", "2", "50%"]
    weakest = html.split('data-testid="weakest-topics"')[1]
    assert weakest.index("EC2") < weakest.index("IAM") and "0%" in weakest
