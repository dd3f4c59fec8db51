"""Assignments from the learner's side: starting one under its rules, where each learner stands, and reminders."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from quizzes.attempts import close_if_expired, start_attempt
from quizzes.models import Assignment, Attempt, Membership, Reminder

NOT_STARTED, IN_PROGRESS, SUBMITTED, LATE, MISSING = "not started", "in progress", "submitted", "late", "missing"
REMIND_BEFORE = timedelta(hours=24)
logger = logging.getLogger(__name__)


class AssignmentRefused(Exception):
    """The assignment's rules refuse this (not open yet, closed, no attempts left). Nothing was saved."""


@dataclass
class Standing:
    """Where one learner stands on one assignment: their attempts, the graded one, and the status word.

    Read-only once made (the figures are cached): make a new one after the attempts change."""

    assignment: Assignment
    attempts: list[Attempt]  # oldest first
    now: datetime

    @cached_property
    def submitted(self) -> list[Attempt]:
        return [a for a in self.attempts if a.submitted_at is not None]

    @cached_property
    def unfinished(self) -> Attempt | None:
        return next((a for a in self.attempts if a.submitted_at is None and not a.is_expired(self.now)), None)

    @cached_property
    def graded(self) -> Attempt | None:
        """The attempt that counts: the highest score, the earlier one on a tie (Moodle's "highest grade")."""
        done = self.submitted
        return max(done, key=lambda a: (a.score or 0.0, -a.submitted_at.timestamp())) if done else None

    @property
    def attempts_left(self) -> int:
        return max(0, self.assignment.attempts_allowed - len(self.attempts))

    @cached_property
    def status(self) -> str:
        graded = self.graded
        if graded is not None:
            return LATE if graded.submitted_at > self.assignment.due_at else SUBMITTED
        if self.unfinished is not None:
            return IN_PROGRESS
        if self.now >= self.assignment.closes_at or (self.attempts and not self.attempts_left):
            return MISSING
        return NOT_STARTED

    @property
    def can_start(self) -> bool:
        return self.unfinished is None and self.attempts_left > 0 and self.assignment.is_open(self.now)

    @property
    def time_taken(self) -> timedelta | None:
        graded = self.graded
        return graded.submitted_at - graded.started_at if graded else None


def standing(assignment: Assignment, user, now: datetime) -> Standing:
    """The learner's standing; an attempt whose time ran out is submitted first, as of its deadline."""
    attempts = list(Attempt.objects.filter(assignment=assignment, user=user).order_by("started_at", "pk"))
    for attempt in attempts:
        close_if_expired(attempt, now)
    return Standing(assignment, attempts, now)


def start_assignment(*, assignment: Assignment, user, now: datetime) -> Attempt:
    """Resume the attempt in progress, or start the next one if the window is open and attempts are left."""
    with transaction.atomic():
        # One learner starting twice at once (two tabs, a double click) waits here for the other.
        Membership.objects.select_for_update().filter(
            user=user, role=Membership.LEARNER, cohort__in=assignment.cohorts.all()
        ).exists()
        place = standing(assignment, user, now)
        if place.unfinished is not None:
            return place.unfinished
        if now < assignment.opens_at:
            raise AssignmentRefused(f"This assignment opens at {fmt(assignment.opens_at)}.")
        if now >= assignment.closes_at:
            raise AssignmentRefused(
                f"This assignment closed at {fmt(assignment.closes_at)}; answers are no longer taken."
            )
        if place.attempts_left == 0:
            allowed = assignment.attempts_allowed
            raise AssignmentRefused(
                f"You have used your {allowed} attempt{'s' if allowed != 1 else ''} at this assignment."
            )
        if not assignment.question_ids:
            raise AssignmentRefused("This assignment has no questions.")
        try:
            with transaction.atomic():
                return start_attempt(
                    user=user,
                    mode="assignment",
                    question_ids=list(assignment.question_ids),
                    now=now,
                    settings={"assignment": assignment.title},
                    deadline=assignment.deadline_for(now),
                    assignment=assignment,
                    try_number=len(place.attempts) + 1,
                )
        except IntegrityError:  # the same try started by a racing request (SQLite has no row locks)
            return Attempt.objects.get(assignment=assignment, user=user, try_number=len(place.attempts) + 1)


def fmt(when: datetime) -> str:
    return timezone.localtime(when).strftime("%-d %b %Y, %H:%M %Z")


# Reminders


def pending_reminders(now: datetime) -> list[tuple[Assignment, object, str]]:
    """Every (assignment, learner, kind) owed an email now and not yet sent.

    New: an assignment that is open. Due soon: due within 24 hours and not yet submitted by the learner.
    Learners without an email address and classes that are archived are left out.
    """
    open_now = Assignment.objects.filter(opens_at__lte=now).exclude(due_at__lte=now).prefetch_related("cohorts")
    sent = set(Reminder.objects.filter(assignment__in=open_now).values_list("assignment_id", "user_id", "kind"))
    members = (
        Membership.objects.filter(role=Membership.LEARNER, cohort__assignments__in=open_now, cohort__archived=False)
        .exclude(user__email="")
        .values_list("cohort__assignments", "user_id")
        .distinct()
    )
    learners: dict[int, set[int]] = {}
    for assignment_id, user_id in members:
        learners.setdefault(assignment_id, set()).add(user_id)
    submitted = set(
        Attempt.objects.filter(assignment__in=open_now, submitted_at__isnull=False).values_list(
            "assignment_id", "user_id"
        )
    )
    users = get_user_model().objects.in_bulk({uid for ids in learners.values() for uid in ids})
    owed = []
    for assignment in open_now:
        for user_id in sorted(learners.get(assignment.pk, ())):
            if (assignment.pk, user_id, Reminder.NEW) not in sent:
                owed.append((assignment, users[user_id], Reminder.NEW))
            if (
                assignment.due_at - now <= REMIND_BEFORE
                and (assignment.pk, user_id) not in submitted
                and (assignment.pk, user_id, Reminder.DUE_SOON) not in sent
            ):
                owed.append((assignment, users[user_id], Reminder.DUE_SOON))
    return owed


def reminder_text(assignment: Assignment, user, kind: str) -> tuple[str, str]:
    base = getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    link = base + reverse("quizzes:assignment", args=[assignment.pk])
    due = fmt(assignment.due_at)
    limit = (
        f"You have {assignment.time_limit_minutes} minutes once you start. " if assignment.time_limit_minutes else ""
    )
    if kind == Reminder.NEW:
        subject = f"New assignment: {assignment.title}"
        body = (
            f"Hello {user.username},\n\nA new assignment is waiting for you: {assignment.title} "
            f"({assignment.question_count} questions), due {due}.\n{limit}\nOpen it: {link}\n"
        )
    else:
        subject = f"Due in 24 hours: {assignment.title}"
        body = (
            f"Hello {user.username},\n\n{assignment.title} is due {due} and you have not submitted it yet.\n"
            f"{limit}\nOpen it: {link}\n"
        )
    return subject, body + "\n-- Stratus\n"


def send_reminders(now: datetime) -> int:
    """Send every reminder owed now, each once: the Reminder row is written in the same transaction as the
    email is handed over, and a second run (or one racing it) finds the row and skips it."""
    count = 0
    for assignment, user, kind in pending_reminders(now):
        try:
            with transaction.atomic():
                _, created = Reminder.objects.get_or_create(
                    assignment=assignment, user=user, kind=kind, defaults={"sent_at": now}
                )
                if not created:
                    continue
                subject, body = reminder_text(assignment, user, kind)
                send_mail(subject, body, None, [user.email])  # raises: the row rolls back, the next run retries
        except IntegrityError:
            continue  # another run sent it
        except (OSError, SMTPException):
            logger.exception(
                "reminder %s of assignment %s to %s not sent; retried next run", kind, assignment.pk, user.pk
            )
            continue
        count += 1
    return count


# On every look at the dashboard: written out, because composing the ORM's nested subqueries for it cost more than
# running them. An assignment of a class the learner attends, open, due within the window, with no submitted
# attempt of theirs.
DUE_SOON_SQL = """
SELECT a.id, a.title, a.due_at
  FROM quizzes_assignment a
 WHERE a.opens_at <= %(now)s AND a.due_at > %(now)s AND a.due_at <= %(until)s
   AND EXISTS (SELECT 1 FROM quizzes_assignment_cohorts ac
                 JOIN quizzes_membership m ON m.cohort_id = ac.cohort_id
                WHERE ac.assignment_id = a.id AND m.user_id = %(user)s AND m.role = %(learner)s)
   AND NOT EXISTS (SELECT 1 FROM quizzes_attempt t
                    WHERE t.assignment_id = a.id AND t.user_id = %(user)s AND t.submitted_at IS NOT NULL)
 ORDER BY a.due_at, a.id
 LIMIT 5
"""


def due_soon(user, now: datetime, days: int = 7) -> list[Assignment]:
    """The learner's open assignments due within `days` that they have not submitted, soonest first (one query:
    the dashboard shows them under Today; only their title and due time are loaded)."""
    sql, params = due_soon_query(user, now, days)
    return list(Assignment.objects.raw(sql, params))


def due_soon_query(user, now: datetime, days: int = 7) -> tuple[str, dict]:
    """due_soon's query and parameters, for a caller that sends it with others (the dashboard)."""
    adapt = connection.ops.adapt_datetimefield_value
    return DUE_SOON_SQL, {
        "now": adapt(now),
        "until": adapt(now + timedelta(days=days)),
        "user": user.pk,
        "learner": Membership.LEARNER,
    }


def due_soon_from_rows(rows: list[dict]) -> list[Assignment]:
    """due_soon's answer from the rows of its query (SQLite gives timestamps as strings of UTC time)."""
    return [Assignment(id=row["id"], title=row["title"], due_at=as_utc(row["due_at"])) for row in rows]


def as_utc(value) -> datetime:
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
