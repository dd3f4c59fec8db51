"""A demo class for a fresh install: an instructor who signs in sees a filled gradebook and item analysis at once.

Deterministic (a fixed seed), idempotent (a second run changes nothing), and made only from questions the
notes produced, so it shows what the product does with real content.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from quizzes.attempts import draw_practice
from quizzes.models import Assignment, Attempt, Choice, Cohort, Membership, Question, Response

CLASS_NAME = "Demo class"
STUDENTS = 20
SEED = 2026
CLOSED_TITLE = "Week 1 check: storage, compute and networking"
OPEN_TITLE = "Week 2 check: security and billing"


def learners(User) -> list:
    """demo-learner and 20 more demo students, who cannot sign in (no password) but have an address."""
    people = [User.objects.get(username="demo-learner")]
    for n in range(1, STUDENTS + 1):
        user, created = User.objects.get_or_create(
            username=f"demo-student-{n:02d}", defaults={"email": f"demo-student-{n:02d}@example.com"}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        people.append(user)
    return people


@transaction.atomic
def create_demo_class(now: datetime) -> str:
    """Make the class, its learners and two assignments if they are missing; say what happened."""
    User = get_user_model()
    instructor = User.objects.get(username="demo-instructor")
    cohort = Cohort.objects.filter(name=CLASS_NAME, created_by=instructor).first()
    if cohort is not None:
        return f"{CLASS_NAME} already there (join code {cohort.display_code})"
    if Question.objects.active().count() < 20:
        return f"{CLASS_NAME} not made: ingest the notes first, so there are questions to assign"
    rng = random.Random(SEED)
    cohort = Cohort.objects.create(name=CLASS_NAME, created_by=instructor, created_at=now - timedelta(days=21))
    Membership.objects.create(
        cohort=cohort, user=instructor, role=Membership.INSTRUCTOR, joined_at=now - timedelta(days=21)
    )
    people = learners(User)
    Membership.objects.bulk_create(
        [
            Membership(cohort=cohort, user=user, role=Membership.LEARNER, joined_at=now - timedelta(days=20, hours=-n))
            for n, user in enumerate(people)
        ],
        ignore_conflicts=True,
    )
    closed = make_assignment(
        cohort,
        instructor,
        CLOSED_TITLE,
        ["technology-services"],
        rng,
        opens=now - timedelta(days=10),
        due=now - timedelta(days=3),
        now=now,
        late=now - timedelta(days=2),
    )
    make_assignment(
        cohort,
        instructor,
        OPEN_TITLE,
        ["security-compliance", "billing-pricing-support"],
        rng,
        opens=now - timedelta(days=1),
        due=now + timedelta(days=4),
        now=now,
    )
    submit_for_everyone(closed, people, rng)
    return f"{CLASS_NAME} created: {len(people)} learners, join code {cohort.display_code}"


def make_assignment(cohort, instructor, title, domains, rng, *, opens, due, now, late=None) -> Assignment:
    ids = draw_practice(topic_ids=[], domains=domains, count=10, rng=rng)
    assignment = Assignment.objects.create(
        title=title,
        created_by=instructor,
        created_at=opens - timedelta(hours=2),
        question_ids=ids,
        source={"how": "draw", "topics": [], "domains": domains, "count": 10},
        opens_at=opens,
        due_at=due,
        late_until=late,
        time_limit_minutes=20,
        attempts_allowed=1,
    )
    assignment.cohorts.add(cohort)
    return assignment


def submit_for_everyone(assignment: Assignment, people: list, rng: random.Random) -> None:
    """Each learner answers once, right with a chance that grows with their ability and falls with the
    question's difficulty (a simple item-response model), so the gradebook has a spread and item analysis
    has something to find. One learner never started: they show as missing."""
    choices: dict[int, list[Choice]] = {}
    for choice in Choice.objects.filter(question_id__in=assignment.question_ids, retired=False).order_by("position"):
        choices.setdefault(choice.question_id, []).append(choice)
    difficulty = {pk: rng.uniform(-1.5, 1.5) for pk in assignment.question_ids}
    for n, user in enumerate(people[:-1]):
        ability = -1.2 + 3.0 * n / max(1, len(people) - 2) + rng.uniform(-0.4, 0.4)
        started = assignment.opens_at + timedelta(days=rng.uniform(0.5, 6.0))
        taken = timedelta(minutes=rng.uniform(6, 19))
        submitted = started + taken
        if n % 7 == 3:  # a few hand it in a few minutes late, which the late cut-off allows
            started = assignment.due_at - timedelta(minutes=5)
            submitted = assignment.due_at + timedelta(minutes=4)
        attempt = Attempt.objects.create(
            user=user,
            mode="assignment",
            assignment=assignment,
            try_number=1,
            started_at=started,
            deadline=started + timedelta(minutes=20),
            submitted_at=submitted,
            question_ids=assignment.question_ids,
            current=len(assignment.question_ids),
            settings={"assignment": assignment.title},
        )
        rows, right = [], 0
        for position, pk in enumerate(assignment.question_ids, start=1):
            options = choices.get(pk, [])
            key = [c.pk for c in options if c.correct]
            wrong = [c.pk for c in options if not c.correct]
            p_right = 1 / (1 + math.exp(-(ability - difficulty[pk]) * 1.7))
            if rng.random() < p_right or not wrong:
                chosen, correct = key, True
            else:
                chosen, correct = sorted(rng.sample(wrong, min(len(key), len(wrong)))), False
            right += correct
            rows.append(
                Response(
                    attempt=attempt,
                    question_id=pk,
                    position=position,
                    chosen=chosen,
                    correct=correct,
                    answered_at=started + taken * position / len(assignment.question_ids),
                )
            )
        Response.objects.bulk_create(rows)
        Attempt.objects.filter(pk=attempt.pk).update(score=right / len(rows))
