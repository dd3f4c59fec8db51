"""Every instructor URL with every persona: who gets the page, who gets 403 or 404, who is sent to sign in.

The URLs are read from quizzes' URL patterns, so an instructor URL added later without a row here fails
`test_every_instructor_url_is_in_the_table`.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from learning.models import CardReport
from quizzes import urls as quizzes_urls
from quizzes.models import Membership, QuestionReport
from quizzes.tests.conftest import T0

pytestmark = pytest.mark.django_db

OWNER, CO, OTHER_INSTRUCTOR, ENROLLED, OTHER_LEARNER, ANONYMOUS = (
    "instructor",
    "co-instructor",
    "instructor of another class",
    "enrolled learner",
    "learner of another class",
    "anonymous",
)
PERSONAS = [OWNER, CO, OTHER_INSTRUCTOR, ENROLLED, OTHER_LEARNER, ANONYMOUS]

# name: (method, args from the world, {persona: status}); 200/302 for the class's own instructors.
OK_GET = {OWNER: 200, CO: 200, OTHER_INSTRUCTOR: 404, ENROLLED: 403, OTHER_LEARNER: 403}
OK_POST = {OWNER: 302, CO: 302, OTHER_INSTRUCTOR: 404, ENROLLED: 403, OTHER_LEARNER: 403}
# The bank and the report queue are the whole course's: any instructor reads them, learners never.
BANK_GET = {OWNER: 200, CO: 200, OTHER_INSTRUCTOR: 200, ENROLLED: 403, OTHER_LEARNER: 403}
BANK_POST = {OWNER: 302, CO: 302, OTHER_INSTRUCTOR: 302, ENROLLED: 403, OTHER_LEARNER: 403}

TABLE = {
    "classes": ("get", lambda w: [], {**OK_GET, OTHER_INSTRUCTOR: 200}),
    "class": ("get", lambda w: [w["cohort"].pk], OK_GET),
    "rename_class": ("post", lambda w: [w["cohort"].pk], OK_POST),
    "archive_class": ("post", lambda w: [w["cohort"].pk], OK_POST),
    "regenerate_code": ("post", lambda w: [w["cohort"].pk], OK_POST),
    "add_instructor": ("post", lambda w: [w["cohort"].pk], OK_POST),
    "remove_learner": ("post", lambda w: [w["cohort"].pk, w[ENROLLED].pk], OK_POST),
    "class_progress": ("get", lambda w: [w["cohort"].pk], OK_GET),
    "new_assignment": ("get", lambda w: [], {**OK_GET, OTHER_INSTRUCTOR: 200}),
    "edit_assignment": ("get", lambda w: [w["assignment"].pk], OK_GET),
    "gradebook": ("get", lambda w: [w["assignment"].pk], OK_GET),
    "gradebook_csv": ("get", lambda w: [w["assignment"].pk], OK_GET),
    "learner_answers": ("get", lambda w: [w["assignment"].pk, w[ENROLLED].pk], OK_GET),
    "items": ("get", lambda w: [w["assignment"].pk], OK_GET),
    "bank": ("get", lambda w: [], BANK_GET),
    "bank_question": ("get", lambda w: [w["question"].pk], BANK_GET),
    "edit_question": ("get", lambda w: [w["question"].pk], BANK_GET),
    "disable_question": ("post", lambda w: [w["question"].pk], BANK_POST),
    "resolve_question_report": ("post", lambda w: [w["report"].pk], BANK_POST),
}
# Learners' own URLs, for the other direction: the assignment page is the class's, not the world's.
LEARNER_TABLE = {
    "assignment": (
        "get",
        lambda w: [w["assignment"].pk],
        {OWNER: 200, CO: 200, OTHER_INSTRUCTOR: 404, ENROLLED: 200, OTHER_LEARNER: 404},
    ),
    "start_assignment": (
        "post",
        lambda w: [w["assignment"].pk],
        {OWNER: 404, CO: 404, OTHER_INSTRUCTOR: 404, ENROLLED: 302, OTHER_LEARNER: 404},
    ),
}
POST_DATA = {
    "rename_class": {"name": "Renamed"},
    "archive_class": {"archived": "0"},
    "add_instructor": {"username": "nobody-here"},
    "disable_question": {"disabled": "0"},
}


@pytest.fixture
def world(make_user, make_class, make_question, make_assignment):
    return build_world(make_user, make_class, make_question, make_assignment)


def build_world(make_user, make_class, make_question, make_assignment):
    people = {
        OWNER: make_user("irene", instructor=True),
        CO: make_user("colin", instructor=True),
        OTHER_INSTRUCTOR: make_user("otto", instructor=True),
        ENROLLED: make_user("leo"),
        OTHER_LEARNER: make_user("lara"),
    }
    cohort = make_class(people[OWNER], people[ENROLLED])
    Membership.objects.create(cohort=cohort, user=people[CO], role=Membership.INSTRUCTOR, joined_at=T0)
    make_class(people[OTHER_INSTRUCTOR], people[OTHER_LEARNER], name="Other class")
    question = make_question()
    assignment = make_assignment(cohort, [question], due=T0.replace(year=2099))
    report = QuestionReport.objects.create(question=question, user=people[ENROLLED], note="Unclear", created_at=T0)
    return {**people, "cohort": cohort, "assignment": assignment, "question": question, "report": report}


def request(client, world, persona, name, method, args):
    if persona != ANONYMOUS:
        client.force_login(world[persona])
    url = reverse(f"quizzes:{name}", args=args(world))
    return getattr(client, method)(url, POST_DATA.get(name, {}))


def test_every_instructor_url_is_in_the_table():
    names = {pattern.name for pattern in quizzes_urls.urlpatterns}
    learner_pages = {
        "index",
        "start",
        "attempt",
        "answer",
        "review",
        "submit",
        "results",
        "report_question",
        "join",
        "assignments",
    }
    assert names - learner_pages == set(TABLE) | set(LEARNER_TABLE)


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_what_they_may_and_nothing_else(
    client, make_user, make_class, make_question, make_assignment, persona
):
    """One persona over every URL of the table; each URL gets a fresh world (an action may change it)."""
    wrong = []
    for name, (method, args, expected) in sorted((TABLE | LEARNER_TABLE).items()):
        with transaction.atomic():
            world = build_world(make_user, make_class, make_question, make_assignment)
            client.logout()
            response = request(client, world, persona, name, method, args)
            transaction.set_rollback(True)
        if persona == ANONYMOUS:
            ok = response.status_code == 302 and "/accounts/login/" in response["Location"]
        else:
            ok = response.status_code == expected[persona]
        if not ok:
            wrong.append((name, response.status_code))
    assert not wrong


def test_instructor_actions_refuse_get(client, world):
    client.force_login(world[OWNER])
    wrong = [
        name
        for name, row in TABLE.items()
        if row[0] == "post" and client.get(reverse(f"quizzes:{name}", args=row[1](world))).status_code != 405
    ]
    assert not wrong


def test_nothing_changes_when_a_persona_is_refused(client, world):
    cohort, code = world["cohort"], world["cohort"].join_code
    for persona in (OTHER_INSTRUCTOR, ENROLLED, OTHER_LEARNER):
        client.force_login(world[persona])
        for name in ("rename_class", "archive_class", "regenerate_code", "remove_learner"):
            request(client, world, persona, name, "post", TABLE[name][1])
    cohort.refresh_from_db()
    assert (cohort.name, cohort.join_code, cohort.archived) == ("Cloud 101", code, False)
    assert cohort.memberships.count() == 3


def test_the_report_queue_is_for_instructors_and_holds_cards_and_questions(client, world, make_card):
    card = make_card()
    CardReport.objects.create(card=card, user=world[ENROLLED], note="Back is wrong", created_at=T0)
    client.force_login(world[ENROLLED])
    assert client.get(reverse("learning:card_reports")).status_code == 403
    client.force_login(world[OTHER_INSTRUCTOR])
    html = client.get(reverse("learning:card_reports")).content.decode()
    assert "Back is wrong" in html and "Unclear" in html and world["question"].stem in html
