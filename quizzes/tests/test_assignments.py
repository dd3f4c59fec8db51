"""Assignments: building one, its rules enforced on the server, what learners see, and reminders."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import dateformat, timezone

from quizzes.assignments import AssignmentRefused, send_reminders, standing, start_assignment
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import Assignment, Attempt, Reminder
from quizzes.tests.conftest import T0

pytestmark = pytest.mark.django_db

LOCAL = "%Y-%m-%dT%H:%M"  # what a datetime-local input sends (the instructor's time zone: UTC here)


def builder_data(cohort, **changes):
    data = {
        "title": "Week 1",
        "cohorts": [cohort.pk],
        "how": "draw",
        "count": 5,
        "domains": ["technology-services"],
        "opens_at": T0.strftime(LOCAL),
        "due_at": (T0 + timedelta(days=1)).strftime(LOCAL),
        "attempts_allowed": 1,
        "show_answers": "after_submit",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# Building


def test_an_assignment_is_drawn_once_and_everyone_gets_the_same_order(
    client, instructor, learner, make_user, make_class, make_questions
):
    make_questions(technology_services=12, security_compliance=3)
    other = make_user("lou")
    cohort = make_class(instructor, learner, other)
    client.force_login(instructor)
    with time_machine.travel(T0, tick=False):
        response = client.post(reverse("quizzes:new_assignment"), builder_data(cohort))
    assignment = Assignment.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("quizzes:assignment", args=[assignment.pk])
    assert len(assignment.question_ids) == 5 and len(set(assignment.question_ids)) == 5
    assert assignment.source == {"how": "draw", "topics": [], "domains": ["technology-services"], "count": 5}
    now = T0 + timedelta(hours=1)
    first = start_assignment(assignment=assignment, user=learner, now=now)
    second = start_assignment(assignment=assignment, user=other, now=now)
    assert first.question_ids == second.question_ids == assignment.question_ids


def test_picked_questions_keep_their_order(client, instructor, make_class, make_questions):
    questions = make_questions(technology_services=6)
    cohort = make_class(instructor)
    picked = [questions[4].pk, questions[1].pk, questions[2].pk]
    client.force_login(instructor)
    page = client.get(reverse("quizzes:new_assignment"), {"questions": picked}).content.decode()
    assert page.index(questions[4].stem) < page.index(questions[1].stem)
    client.post(reverse("quizzes:new_assignment"), builder_data(cohort, how="pick", questions=picked, count=None))
    assert Assignment.objects.get().question_ids == picked


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"due_at": (T0 - timedelta(hours=1)).strftime(LOCAL)}, "The due date must be after the opening date."),
        ({"count": 50}, "Only 12 questions match that choice: ask for at most 12"),
        ({"time_limit_minutes": 0}, "A time limit must be at least 1 minute"),
        ({"attempts_allowed": 0}, "Allow at least 1 attempt."),
        ({"cohorts": []}, "Choose at least one class to publish to."),
        ({"title": ""}, "Give the assignment a title."),
        ({"how": "pick", "questions": ["12x"]}, "Questions are named by their numbers."),
        ({"late_until": T0.strftime(LOCAL)}, "The late cut-off must be after the due date."),
    ],
)
def test_bad_builder_input_is_refused_with_a_message_and_nothing_saved(
    client, instructor, make_class, make_questions, changes, message
):
    make_questions(technology_services=12)
    cohort = make_class(instructor)
    client.force_login(instructor)
    response = client.post(reverse("quizzes:new_assignment"), builder_data(cohort, **changes))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Assignment.objects.exists()


def test_an_instructor_cannot_publish_to_a_class_they_do_not_teach(
    client, instructor, make_user, make_class, make_questions
):
    make_questions(technology_services=6)
    theirs = make_class(make_user("otto", instructor=True), name="Otto's")
    make_class(instructor)
    client.force_login(instructor)
    response = client.post(reverse("quizzes:new_assignment"), builder_data(theirs))
    assert response.status_code == 400 and "Choose classes you teach." in response.content.decode()


def test_the_question_list_locks_once_someone_starts_but_dates_stay_editable(
    client, instructor, learner, make_class, make_assignment, make_questions
):
    questions = make_questions(technology_services=8)
    cohort = make_class(instructor, learner)
    assignment = make_assignment(cohort, questions[:3])
    client.force_login(instructor)
    # Before anyone starts, the questions can be drawn again.
    client.post(reverse("quizzes:edit_assignment", args=[assignment.pk]), builder_data(cohort, count=4))
    assignment.refresh_from_db()
    assert len(assignment.question_ids) == 4
    drawn = list(assignment.question_ids)
    start_assignment(assignment=assignment, user=learner, now=T0 + timedelta(hours=1))
    new_due = (T0 + timedelta(days=3)).strftime(LOCAL)
    response = client.post(
        reverse("quizzes:edit_assignment", args=[assignment.pk]),
        builder_data(cohort, count=7, due_at=new_due, how="pick", questions=[questions[7].pk]),
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.question_ids == drawn and assignment.due_at == T0 + timedelta(days=3)
    assert (
        "Locked: learners have started"
        in client.get(reverse("quizzes:edit_assignment", args=[assignment.pk])).content.decode()
    )


# Taking


def test_a_learner_sees_their_assignments_with_status(
    client, learner, instructor, make_class, make_assignment, make_questions
):
    questions = make_questions(technology_services=3)
    cohort = make_class(instructor, learner)
    make_assignment(cohort, questions, title="Due soon", due=T0 + timedelta(days=1))
    client.force_login(learner)
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        html = client.get(reverse("quizzes:assignments")).content.decode()
        assert "Due soon" in html and ">Not started<" in html and "Cloud 101" in html
    with time_machine.travel(T0 + timedelta(days=2), tick=False):
        assert ">Missing<" in client.get(reverse("quizzes:assignments")).content.decode()


def test_the_window_is_enforced_on_the_server(
    client, learner, instructor, make_class, make_assignment, make_questions, post_answer, options
):
    questions = make_questions(technology_services=2)
    assignment = make_assignment(make_class(instructor, learner), questions, due=T0 + timedelta(hours=2))
    with pytest.raises(AssignmentRefused, match="opens at"):
        start_assignment(assignment=assignment, user=learner, now=T0 - timedelta(minutes=1))
    attempt = start_assignment(assignment=assignment, user=learner, now=T0 + timedelta(hours=1))
    assert attempt.deadline == assignment.due_at  # no time limit: it ends when the assignment closes
    client.force_login(learner)
    with time_machine.travel(T0 + timedelta(hours=2, seconds=1), tick=False):
        response = post_answer(attempt, 1, options(questions[0]))
        assert response.status_code == 409 and "Time is up" in response.content.decode()
        assert not Attempt.objects.get(pk=attempt.pk).responses.filter(answered_at__isnull=False).exists()
        response = client.post(reverse("quizzes:start_assignment", args=[assignment.pk]), follow=True)
        assert "closed at" in response.content.decode()


def test_the_time_limit_ends_the_attempt_early(learner, instructor, make_class, make_assignment, make_questions):
    questions = make_questions(technology_services=2)
    assignment = make_assignment(make_class(instructor, learner), questions, time_limit_minutes=15)
    attempt = start_assignment(assignment=assignment, user=learner, now=T0 + timedelta(hours=1))
    assert attempt.deadline == T0 + timedelta(hours=1, minutes=15)
    # Starting a second time resumes the same attempt rather than a fresh clock.
    assert start_assignment(assignment=assignment, user=learner, now=T0 + timedelta(hours=1, minutes=5)) == attempt


def test_attempts_allowed_are_counted(learner, instructor, make_class, make_assignment, make_questions):
    questions = make_questions(technology_services=2)
    assignment = make_assignment(make_class(instructor, learner), questions, attempts_allowed=2)
    for n in range(2):
        attempt = start_assignment(assignment=assignment, user=learner, now=T0 + timedelta(hours=n + 1))
        assert attempt.try_number == n + 1
        submit_attempt(attempt=attempt, now=T0 + timedelta(hours=n + 1, minutes=5))
    with pytest.raises(AssignmentRefused, match="used your 2 attempts"):
        start_assignment(assignment=assignment, user=learner, now=T0 + timedelta(hours=4))
    assert Attempt.objects.filter(assignment=assignment).count() == 2


def test_answers_wait_for_the_due_date_when_the_instructor_says_so(
    client, learner, instructor, make_class, make_assignment, make_questions
):
    questions = make_questions(technology_services=2)
    assignment = make_assignment(make_class(instructor, learner), questions, show_answers="after_due")
    attempt = start_assignment(assignment=assignment, user=learner, now=T0 + timedelta(hours=1))
    submit_attempt(attempt=attempt, now=T0 + timedelta(hours=1, minutes=3))
    client.force_login(learner)
    url = reverse("quizzes:results", args=[attempt.pk])
    with time_machine.travel(T0 + timedelta(days=1), tick=False):
        html = client.get(url).content.decode()
        assert 'data-testid="answers-hidden"' in html and questions[0].stem not in html
    with time_machine.travel(assignment.due_at + timedelta(minutes=1), tick=False):
        html = client.get(url).content.decode()
        assert 'data-testid="answers-hidden"' not in html and questions[0].stem in html


def test_a_learner_of_another_class_cannot_reach_the_assignment(
    client, learner, make_user, instructor, make_class, make_assignment, make_questions
):
    assignment = make_assignment(make_class(instructor, learner), make_questions(technology_services=2))
    stranger = make_user("sam")
    make_class(make_user("otto", instructor=True), stranger, name="Other")
    client.force_login(stranger)
    assert client.get(reverse("quizzes:assignment", args=[assignment.pk])).status_code == 404
    assert assignment.title not in client.get(reverse("quizzes:assignments")).content.decode()


def test_standing_counts_late_work(learner, instructor, make_class, make_assignment, make_questions):
    assignment = make_assignment(
        make_class(instructor, learner),
        make_questions(technology_services=2),
        due=T0 + timedelta(days=1),
        late_until=T0 + timedelta(days=2),
    )
    attempt = start_assignment(assignment=assignment, user=learner, now=T0 + timedelta(days=1, hours=1))
    submit_attempt(attempt=attempt, now=T0 + timedelta(days=1, hours=2))
    assert standing(assignment, learner, T0 + timedelta(days=1, hours=3)).status == "late"


# Reminders


def test_send_reminders_sends_each_reminder_once(
    learner, make_user, instructor, make_class, make_assignment, make_questions, settings, capsys
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    done = make_user("dana")
    no_email = make_user("nemo")
    no_email.email = ""
    no_email.save()
    cohort = make_class(instructor, learner, done, no_email)
    assignment = make_assignment(
        cohort, make_questions(technology_services=2), title="Storage quiz", opens=T0, due=T0 + timedelta(days=3)
    )
    with time_machine.travel(T0 + timedelta(minutes=5), tick=False):
        call_command("send_reminders")
        call_command("send_reminders")
    assert capsys.readouterr().out.splitlines() == ["2 reminders sent", "0 reminders sent"]
    assert sorted(m.to[0] for m in mail.outbox) == ["dana@example.com", "leo@example.com"]
    assert mail.outbox[0].subject == "New assignment: Storage quiz"
    assert f"/assignments/{assignment.pk}/" in mail.outbox[0].body

    # dana submits; a day before the due date only leo, who has not, is reminded, once.
    attempt = start_assignment(assignment=assignment, user=done, now=T0 + timedelta(days=1))
    submit_attempt(attempt=attempt, now=T0 + timedelta(days=1, minutes=5))
    with time_machine.travel(T0 + timedelta(days=1, hours=12), tick=False):
        assert send_reminders(T0 + timedelta(days=1, hours=12)) == 0  # 36 hours before: not yet
    with time_machine.travel(T0 + timedelta(days=2, hours=1), tick=False):
        call_command("send_reminders")
        call_command("send_reminders")
    assert capsys.readouterr().out.splitlines() == ["1 reminder sent", "0 reminders sent"]
    assert [m.to[0] for m in mail.outbox[2:]] == ["leo@example.com"]
    assert mail.outbox[2].subject == "Due in 24 hours: Storage quiz"
    assert Reminder.objects.count() == 3


def test_a_failed_email_is_retried_next_run(learner, instructor, make_class, make_assignment, make_questions, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens: the send fails
    make_assignment(make_class(instructor, learner), make_questions(technology_services=2))
    assert send_reminders(T0 + timedelta(minutes=1)) == 0
    assert not Reminder.objects.exists()  # so the next run tries again


def test_the_dashboard_lists_assignments_due_within_a_week_until_they_are_submitted(
    client, learner, instructor, make_class, make_assignment, make_questions
):
    questions = make_questions(technology_services=2)
    cohort = make_class(instructor, learner)
    soon = make_assignment(cohort, questions, title="Due in two days", due=T0 + timedelta(days=2))
    make_assignment(cohort, questions, title="Due next month", due=T0 + timedelta(days=30))
    make_assignment(cohort, questions, title="Not open yet", opens=T0 + timedelta(days=1), due=T0 + timedelta(days=3))
    # A submitted practice quiz (an attempt of no assignment) must not hide them.
    practice = start_attempt(user=learner, mode="practice", question_ids=[questions[0].pk], now=T0, settings={})
    submit_attempt(attempt=practice, now=T0)
    client.force_login(learner)
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        html = client.get(reverse("learning:dashboard")).content.decode()
        assert "Due in two days" in html and "Due next month" not in html and "Not open yet" not in html
        due = dateformat.format(timezone.localtime(soon.due_at), "D j M, H:i")
        assert f'<a href="{reverse("quizzes:assignment", args=[soon.pk])}">Due in two days</a>' in html
        assert f"due {due}</span>" in html
        attempt = start_assignment(assignment=soon, user=learner, now=T0 + timedelta(hours=1))
        submit_attempt(attempt=attempt, now=T0 + timedelta(hours=1))
        assert "Due in two days" not in client.get(reverse("learning:dashboard")).content.decode()
