"""A year of plausible study for a demo learner, so a newcomer's first look at the dashboard shows every chart.

The reviews are simulated, not invented: each study day the learner meets a few new cards and every card FSRS
says is due, and recalls each with the probability FSRS predicts (a little worse on hard cards), so the heatmap,
forecast, retention, mastery and readiness all read like a real learner's. Practice quizzes and exams follow the
same recall, and the exams improve over the months as a learner's would.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import transaction
from fsrs import Rating, State

from learning.models import CardState, Flashcard, ReviewLog, StudySettings
from learning.progress import recount_review_days
from learning.queue import card_token
from quizzes.attempts import draw_exam, draw_practice, exam_plan
from quizzes.models import Attempt, Choice, Response, scale_score

REVIEWS_PER_SESSION_CAP = 150


@dataclass
class DemoHistory:
    reviews: int
    cards: int
    exams: int
    quizzes: int


def rating_for(recalled: bool, rng: random.Random) -> Rating:
    if not recalled:
        return Rating.Again
    return rng.choices((Rating.Hard, Rating.Good, Rating.Easy), (15, 75, 10))[0]


def study_days(today_start: datetime, days: int, rng: random.Random) -> list[tuple[datetime, datetime]]:
    """(session start, study day end) on most of the past `days` days (a learner skips some), ending with a run
    up to yesterday so the demo shows a streak."""
    sessions = []
    for back in range(days, 0, -1):
        if back > 12 and rng.random() < 0.18:
            continue  # a day off
        day_start = today_start - timedelta(days=back)
        hour = rng.choice((3, 4, 8, 9, 13, 14, 15, 16, 17))  # hours after the day start: morning to evening
        sessions.append((day_start + timedelta(hours=hour, minutes=rng.randint(0, 50)), day_start + timedelta(days=1)))
    return sessions


@transaction.atomic
def give_demo_history(
    user,
    *,
    now: datetime,
    days: int = 365,
    new_per_day: int | None = None,
    exams: int = 5,
    quizzes: int = 6,
    seed: int = 2026,
) -> DemoHistory | None:
    """Simulate `days` of study before today for `user`; None (nothing written) if they already have reviews or
    there are no cards yet (run the ingest first)."""
    deck = list(Flashcard.objects.active().order_by("position").values_list("pk", flat=True))
    if not deck or ReviewLog.objects.filter(user=user).exists():
        return None
    rng = random.Random(seed)
    # New cards spread over the first part of the year, as a learner working through a course would.
    new_per_day = new_per_day or max(2, math.ceil(len(deck) / (0.6 * days)))
    study = StudySettings.for_user(user)
    scheduler = study.scheduler()
    today_start = study.day_bounds(now)[0].astimezone(UTC)  # fsrs wants datetime.UTC itself
    # Some cards are harder for this learner than FSRS expects at first: they lapse more, and a few become leeches.
    difficulty = {pk: rng.choice((0.0,) * 7 + (0.03, 0.08, 0.18)) for pk in deck}
    states: dict[int, CardState] = {}
    logs: list[ReviewLog] = []
    upcoming = iter(deck)

    def review(state: CardState, at: datetime) -> None:
        before = state.snapshot() if state.reps else None
        if state.reps and state.state == State.Review.value:
            chance = scheduler.get_card_retrievability(state.to_fsrs(), at) - difficulty[state.card_id]
        else:
            chance = 0.82 - difficulty[state.card_id]  # learning steps: short gaps, mostly right
        rating = rating_for(rng.random() < chance, rng)
        token, duration = card_token(user.pk, state.card_id, state.reps), rng.randint(2500, 14000)
        state.apply_review(rating, at, scheduler, duration)
        logs.append(
            ReviewLog(
                user=user,
                card_id=state.card_id,
                rating=rating.value,
                reviewed_at=at,
                duration_ms=duration,
                token=token,
                state_before=before,
                state_after=state.snapshot(),
            ).fill_from_snapshot()
        )

    for start, day_end in study_days(today_start, days, rng):
        clock = start
        due = sorted((s for s in states.values() if not s.suspended and s.due < day_end), key=lambda s: s.due)
        fresh = []
        for _ in range(rng.randint(max(1, new_per_day // 2), new_per_day + new_per_day // 2 + 1)):
            pk = next(upcoming, None)
            if pk is None:
                break
            states[pk] = CardState(user=user, card_id=pk, due=clock)
            fresh.append(states[pk])
        for state in due[:REVIEWS_PER_SESSION_CAP] + fresh:
            review(state, clock)
            clock += timedelta(seconds=rng.randint(6, 25))
        # Learning steps come back within the session, until every card is through them (or the session ends).
        for _round in range(6):
            again = [
                s
                for s in states.values()
                if s.state != State.Review.value and s.due <= clock + timedelta(minutes=10) and not s.suspended
            ]
            if not again:
                break
            clock = max(clock, min(s.due for s in again))
            for state in sorted(again, key=lambda s: s.due):
                review(state, max(clock, state.due))
                clock = max(clock, state.due) + timedelta(seconds=rng.randint(6, 25))

    CardState.objects.bulk_create(states.values(), batch_size=2000)
    ReviewLog.objects.bulk_create(logs, batch_size=2000)
    recount_review_days(user.pk, study.time_zone, study.day_starts_hour)  # bulk_create skips the running totals
    taken_exams = practice_exams(user, now=now, count=exams, rng=rng)
    taken_quizzes = practice_quizzes(user, now=now, count=quizzes, rng=rng)
    return DemoHistory(reviews=len(logs), cards=len(states), exams=taken_exams, quizzes=taken_quizzes)


def answer(attempt: Attempt, question_ids: list[int], right_share: float, at: datetime, rng: random.Random) -> float:
    """Responses to every question, each right with probability `right_share`; returns the share right."""
    choices: dict[int, list[Choice]] = {}
    for choice in Choice.objects.filter(question_id__in=question_ids).offered().order_by("position"):
        choices.setdefault(choice.question_id, []).append(choice)
    responses = []
    for position, pk in enumerate(question_ids, start=1):
        options = choices.get(pk, [])
        right = [c.pk for c in options if c.correct]
        wrong = [c.pk for c in options if not c.correct]
        correct = bool(right) and (rng.random() < right_share or not wrong)
        chosen = right if correct else wrong[:1]
        responses.append(
            Response(
                attempt=attempt,
                question_id=pk,
                position=position,
                chosen=chosen,
                correct=correct,
                answered_at=at + timedelta(seconds=70 * position),
            )
        )
    Response.objects.bulk_create(responses)
    return sum(r.correct for r in responses) / len(responses) if responses else 0.0


def practice_exams(user, *, now: datetime, count: int, rng: random.Random) -> int:
    """Timed practice exams every few weeks over the last months, each a little better than the one before."""
    plan = exam_plan()
    if not plan.total:
        return 0
    for index in range(count):
        started = now - timedelta(days=7 + 24 * (count - 1 - index), hours=rng.randint(1, 9))
        ids = draw_exam(plan, rng)
        attempt = Attempt.objects.create(
            user=user,
            mode="exam",
            started_at=started,
            question_ids=ids,
            current=1,
            deadline=started + timedelta(minutes=90),
            settings={"quotas": plan.quotas, "shortages": plan.shortages},
        )
        score = answer(attempt, ids, 0.52 + 0.07 * index + rng.uniform(-0.03, 0.03), started, rng)
        Attempt.objects.filter(pk=attempt.pk).update(
            submitted_at=started + timedelta(minutes=rng.randint(55, 85)), score=score, scaled_score=scale_score(score)
        )
    return count


def practice_quizzes(user, *, now: datetime, count: int, rng: random.Random) -> int:
    """Short practice quizzes over the last weeks, so quiz accuracy and readiness have recent answers."""
    taken = 0
    for index in range(count):
        ids = draw_practice(topic_ids=[], domains=[], count=10, rng=rng)
        if not ids:
            break
        started = now - timedelta(days=2 + 4 * index, hours=rng.randint(1, 9))
        attempt = Attempt.objects.create(
            user=user,
            mode="practice",
            started_at=started,
            question_ids=ids,
            current=len(ids),
            settings={"topics": [], "domains": [], "asked": 10},
        )
        score = answer(attempt, ids, 0.72, started, rng)
        Attempt.objects.filter(pk=attempt.pk).update(submitted_at=started + timedelta(minutes=12), score=score)
        taken += 1
    return taken
