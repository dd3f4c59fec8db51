"""Every URL of the project, read from the URL resolver so a new one cannot be forgotten, with every persona:
anonymous visitors are sent to sign in, learners never open an instructor's page, nobody opens another
person's object, actions refuse GET, and no GET writes anything.

A URL missing from the tables below fails `test_every_url_is_classified`: say who may open it.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from content import library
from content.models import Note, Section, Source, Topic
from learning.models import CardReport, CardState, Flashcard
from quizzes.attempts import start_attempt
from quizzes.class_views import create_cohort
from quizzes.models import Assignment, Choice, Membership, Question, QuestionReport

pytestmark = pytest.mark.django_db

# Topic pages, search and the notes' source lines are open to anyone: the course content is not secret.
PUBLIC = {
    "home",
    "healthz",
    "signup",
    "login",
    "logout",
    "password_change_done",
    "content:topic_index",
    "content:category",
    "content:topic",
    "content:source",
    "content:search",
}
# Pages and actions only instructors reach (learners get 403 or 404).
INSTRUCTOR = {
    "learning:card_reports",
    "learning:resolve_report",
    "quizzes:classes",
    "quizzes:class",
    "quizzes:rename_class",
    "quizzes:archive_class",
    "quizzes:regenerate_code",
    "quizzes:add_instructor",
    "quizzes:remove_learner",
    "quizzes:class_progress",
    "quizzes:new_assignment",
    "quizzes:edit_assignment",
    "quizzes:gradebook",
    "quizzes:gradebook_csv",
    "quizzes:learner_answers",
    "quizzes:items",
    "quizzes:bank",
    "quizzes:bank_question",
    "quizzes:edit_question",
    "quizzes:disable_question",
    "quizzes:resolve_question_report",
    "library:index",
    "library:upload",
    "library:job",
    "library:publish",
    "library:assign",
    "library:note",
    "library:edit",
    "library:rename",
    "library:delete",
    "library:download",
    "library:versions",
    "library:download_version",
    "library:restore",
}
# Pages and actions of any signed-in learner (on their own things only).
LEARNER = {
    "password_change",
    "content:mark_read",
    "learning:review",
    "learning:rate",
    "learning:undo",
    "learning:dashboard",
    "learning:study_settings",
    "learning:cards",
    "learning:card",
    "learning:suspend_card",
    "learning:unsuspend_card",
    "learning:bury_card",
    "learning:reset_card",
    "learning:report_card",
    "learning:export_cards",
    "learning:export_history",
    "learning:export_settings",
    "quizzes:index",
    "quizzes:start",
    "quizzes:attempt",
    "quizzes:answer",
    "quizzes:review",
    "quizzes:submit",
    "quizzes:results",
    "quizzes:report_question",
    "quizzes:join",
    "quizzes:assignments",
    "quizzes:assignment",
    "quizzes:start_assignment",
}
# Objects that belong to one learner: anyone else gets 404, as if they did not exist.
OWNED = {
    "quizzes:attempt",
    "quizzes:answer",
    "quizzes:review",
    "quizzes:submit",
    "quizzes:results",
    "quizzes:assignment",
    "quizzes:start_assignment",
    "quizzes:report_question",
}
# POST-only actions (GET is 405).
ACTIONS = {
    "logout",
    "content:mark_read",
    "learning:rate",
    "learning:undo",
    "learning:suspend_card",
    "learning:unsuspend_card",
    "learning:bury_card",
    "learning:reset_card",
    "learning:report_card",
    "learning:resolve_report",
    "quizzes:start",
    "quizzes:answer",
    "quizzes:submit",
    "quizzes:report_question",
    "quizzes:rename_class",
    "quizzes:archive_class",
    "quizzes:regenerate_code",
    "quizzes:add_instructor",
    "quizzes:remove_learner",
    "quizzes:start_assignment",
    "quizzes:disable_question",
    "quizzes:resolve_question_report",
    "library:publish",
    "library:assign",
    "library:delete",
    "library:restore",
}
# What a GET may write: the session (messages are read from it), a learner's default study settings the
# first time a page needs them, and the page cache's table (a page rendered once per content version and stored:
# content/stored_pages.py). Nothing else.
GET_MAY_WRITE = re.compile(
    r'^(UPDATE|INSERT INTO) "(django_session|learning_studysettings)"'
    r'|^(UPDATE|INSERT INTO|DELETE FROM) "stratus_cache"'
)
ARGS = {  # url name: its arguments, from the world
    "content:category": lambda w: [w["topic"].category],
    "content:topic": lambda w: [w["topic"].slug],
    "content:mark_read": lambda w: [w["section"].pk],
    "content:source": lambda w: [w["source"].pk],
    **{
        name: (lambda w: [w["card"].pk])
        for name in (
            "learning:card",
            "learning:suspend_card",
            "learning:unsuspend_card",
            "learning:bury_card",
            "learning:reset_card",
            "learning:report_card",
        )
    },
    "learning:resolve_report": lambda w: [w["card_report"].pk],
    **{
        name: (lambda w: [w["attempt"].pk])
        for name in ("quizzes:attempt", "quizzes:answer", "quizzes:review", "quizzes:submit", "quizzes:results")
    },
    "quizzes:report_question": lambda w: [w["question"].pk],
    **{
        name: (lambda w: [w["cohort"].pk])
        for name in (
            "quizzes:class",
            "quizzes:rename_class",
            "quizzes:archive_class",
            "quizzes:regenerate_code",
            "quizzes:add_instructor",
            "quizzes:class_progress",
        )
    },
    "quizzes:remove_learner": lambda w: [w["cohort"].pk, w["learner"].pk],
    **{
        name: (lambda w: [w["assignment"].pk])
        for name in (
            "quizzes:assignment",
            "quizzes:start_assignment",
            "quizzes:edit_assignment",
            "quizzes:gradebook",
            "quizzes:gradebook_csv",
            "quizzes:items",
        )
    },
    "quizzes:learner_answers": lambda w: [w["assignment"].pk, w["learner"].pk],
    **{
        name: (lambda w: [w["question"].pk])
        for name in ("quizzes:bank_question", "quizzes:edit_question", "quizzes:disable_question")
    },
    "quizzes:resolve_question_report": lambda w: [w["question_report"].pk],
    **{name: (lambda w: [w["job"].pk]) for name in ("library:job", "library:publish", "library:assign")},
    **{
        name: (lambda w: [w["note"].pk])
        for name in (
            "library:note",
            "library:edit",
            "library:rename",
            "library:delete",
            "library:download",
            "library:versions",
        )
    },
    **{name: (lambda w: [w["note"].pk, 1]) for name in ("library:download_version", "library:restore")},
}


def url_names() -> list[str]:
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "admin":  # Django's admin checks staff itself
                    yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return sorted(set(walk(get_resolver().url_patterns)))


def test_every_url_is_classified():
    names = url_names()
    for name in names:
        assert (name in PUBLIC) + (name in INSTRUCTOR) + (name in LEARNER) == 1, (
            f"{name}: put it in exactly one of PUBLIC, INSTRUCTOR or LEARNER"
        )
        try:
            reverse(name)
        except Exception:
            assert name in ARGS, f"{name} takes arguments: add it to ARGS"
    assert not (PUBLIC | INSTRUCTOR | LEARNER) - set(names), "a URL in the tables no longer exists"


@pytest.fixture
def world(make_user, learner, instructor):
    topic = Topic.objects.create(
        slug="url-topic",
        name="URL topic",
        category="storage",
        category_name="Storage",
        domain="technology-services",
        section_count=1,
    )
    source = Source.objects.create(
        path="url.md",
        label="url",
        text="# URL topic\nA line.\n",
        encoding="utf-8",
        line_count=2,
        ingested_at="2026-11-02T09:00:00Z",
    )
    section = Section.objects.create(
        key="url-section", topic=topic, title="URL topic", anchor="url-topic", items=[], content_hash="x"
    )
    card = Flashcard.objects.create(key="url-card", topic=topic, kind="definition", front="F?", back="B.")
    question = Question.objects.create(
        key="url-q", kind="single", family="f", topic=topic, domain="technology-services", stem="Which one?"
    )
    Choice.objects.bulk_create(
        [
            Choice(
                question=question,
                option=f"o{n}",
                text=f"Option {n}",
                correct=n == 0,
                explanation="Because.",
                position=n,
            )
            for n in range(4)
        ]
    )
    cohort = create_cohort(name="URL class", instructor=instructor)
    Membership.objects.create(cohort=cohort, user=learner, role=Membership.LEARNER, joined_at="2026-11-02T09:00Z")
    assignment = Assignment.objects.create(
        title="URL quiz",
        created_at="2026-11-02T09:00Z",
        question_ids=[question.pk],
        opens_at="2026-11-02T09:00Z",
        due_at="2099-01-01T00:00Z",
    )
    assignment.cohorts.add(cohort)
    attempt = start_attempt(user=learner, mode="practice", question_ids=[question.pk], now=timezone.now(), settings={})
    CardState.objects.create(user=learner, card=card, due="2026-11-02T09:00Z")
    job = library.queue_job(
        kind="upload", user=instructor, summary="url.md", files=[("url.md", b"# Amazon SQS\n- A queue service.\n")]
    )
    note = Note.objects.get(name="url.md")
    return {
        "job": job,
        "note": note,
        "topic": topic,
        "source": source,
        "section": section,
        "card": card,
        "question": question,
        "cohort": cohort,
        "assignment": assignment,
        "attempt": attempt,
        "learner": learner,
        "instructor": instructor,
        "outsider": make_user("oscar"),
        "card_report": CardReport.objects.create(card=card, user=learner, note="?", created_at="2026-11-02T09:00Z"),
        "question_report": QuestionReport.objects.create(
            question=question, user=learner, note="?", created_at="2026-11-02T09:00Z"
        ),
    }


def url(world, name):
    return reverse(name, args=ARGS[name](world) if name in ARGS else [])


# One world per test and a loop over the URLs inside it (building the world runs an ingest job); every URL
# that breaks a rule is named in the failure, not just the first.


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    wrong = []
    for name in url_names():
        if name in PUBLIC:
            continue
        response = client.get(url(world, name))
        if not (response.status_code == 302 and response["Location"].startswith("/accounts/login/")):
            wrong.append((name, response.status_code))
    assert not wrong


def test_learners_never_open_an_instructor_page(client, world):
    client.force_login(world["learner"])
    wrong = []
    for name in sorted(INSTRUCTOR):
        method = client.post if name in ACTIONS else client.get
        status = method(url(world, name)).status_code
        if status not in (403, 404):
            wrong.append((name, status))
    assert not wrong


def test_nobody_opens_another_persons_object(client, world):
    client.force_login(world["outsider"])
    wrong = []
    for name in sorted(OWNED):
        method = client.post if name in ACTIONS else client.get
        status = method(url(world, name)).status_code
        if status != 404:
            wrong.append((name, status))
    assert not wrong


def test_actions_refuse_get(client, world):
    wrong = []
    for name in sorted(ACTIONS - {"logout"}):
        client.force_login(world["instructor"] if name in INSTRUCTOR else world["learner"])
        status = client.get(url(world, name)).status_code
        if status != 405:
            wrong.append((name, status))
    assert not wrong


@pytest.mark.parametrize("persona", ["learner", "instructor"])
def test_no_get_writes_anything(client, world, persona):
    client.force_login(world[persona])
    for name in url_names():
        if name in ACTIONS or name in ("logout",):
            continue
        with CaptureQueriesContext(connection) as captured:
            status = client.get(url(world, name)).status_code
        writes = [
            q["sql"][:120]
            for q in captured.captured_queries
            if re.match(r"^\s*(INSERT|UPDATE|DELETE)", q["sql"]) and not GET_MAY_WRITE.match(q["sql"])
        ]
        assert status < 500 and not writes, (name, status, writes)


@pytest.mark.parametrize("persona", ["learner", "instructor"])
def test_no_page_gives_two_elements_the_same_id(client, world, persona):
    """A label's `for` and a skip link find the wrong element (or none) when an id is used twice on a page."""
    client.force_login(world[persona])
    repeated = []
    for name in url_names():
        if name in ACTIONS or name in ("logout",):
            continue
        response = client.get(url(world, name))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        ids = re.findall(r'\sid="([^"]+)"', response.content.decode())
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            repeated.append((name, twice))
    assert not repeated
