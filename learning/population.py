"""A deterministic population for load tests: learners with a year of reviews, quiz attempts, classes, assignments.

`seed_population` writes it in bulk (COPY on PostgreSQL, bulk_create elsewhere). The same seed and day give the
same rows. Reviews are drawn from a simple model of spaced practice rather than FSRS itself (FSRS per review
would take minutes for millions of reviews): intervals grow by a rating's factor, a lapse shrinks them, recall
follows FSRS's forgetting curve, and ratings come in the mix real decks show (mostly Good, ~10% Again).
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.core.management.color import no_style
from django.db import connection, models, transaction
from fsrs import Rating, State

from content.models import Topic
from learning.models import LEECH_LAPSES, CardState, Flashcard, ReviewLog, StudySettings
from learning.progress import recount_review_days
from learning.roles import INSTRUCTORS
from quizzes.models import (
    EXAM_MINUTES,
    EXAM_QUESTIONS,
    Assignment,
    Attempt,
    Choice,
    Cohort,
    Membership,
    Question,
    Response,
    scale_score,
)

LEARNER_PREFIX = "load-learner-"
INSTRUCTOR_PREFIX = "load-instructor-"
PASSWORD = "stratus-load-2026"  # every seeded account's: the load test signs in with it
CLASS_SIZE = 25
CHUNK_LEARNERS = 50  # learners generated, then written, at a time: bounded memory, one COPY per table per chunk

AGAIN, HARD, GOOD, EASY = (r.value for r in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy))
LEARNING, REVIEW, RELEARNING = State.Learning.value, State.Review.value, State.Relearning.value
FIRST_RATINGS, FIRST_WEIGHTS = (AGAIN, HARD, GOOD, EASY), (14, 6, 70, 10)
RECALLED_RATINGS, RECALLED_WEIGHTS = (HARD, GOOD, EASY), (15, 75, 10)
GROWTH = {HARD: 1.3, GOOD: 2.5, EASY: 3.6}  # interval factor per successful rating
DECAY, FACTOR = -0.5, 19 / 81  # FSRS's power forgetting curve: R = (1 + FACTOR * t / S) ** DECAY, 0.9 at t = S


@dataclass
class Population:
    learners: int = 0
    instructors: int = 0
    cards_added: int = 0
    card_states: int = 0
    reviews: int = 0
    attempts: int = 0
    responses: int = 0
    classes: int = 0
    assignments: int = 0
    seconds: float = 0.0
    rating_mix: dict[int, int] = field(default_factory=lambda: dict.fromkeys((AGAIN, HARD, GOOD, EASY), 0))

    def lines(self) -> list[str]:
        total = sum(self.rating_mix.values()) or 1
        mix = ", ".join(f"{Rating(r).name} {100 * n / total:.0f}%" for r, n in self.rating_mix.items())
        return [
            f"{self.learners:,} learners and {self.instructors:,} instructor(s) (password {PASSWORD!r})",
            f"{self.card_states:,} card states, {self.reviews:,} reviews ({mix})"
            + (f"; {self.cards_added:,} load-test cards added to reach the deck size" if self.cards_added else ""),
            f"{self.attempts:,} quiz attempts with {self.responses:,} answers",
            f"{self.classes:,} class(es) with {self.assignments:,} assignments",
            f"written in {self.seconds:.1f} s",
        ]


class TableWriter:
    """Rows as tuples in a table's column order: COPY on PostgreSQL, bulk_create elsewhere."""

    def __init__(self):
        self.copy = connection.vendor == "postgresql"

    def write(self, model: type[models.Model], columns: tuple[str, ...], rows: list[tuple]) -> None:
        if not rows:
            return
        if self.copy:
            names = ", ".join(connection.ops.quote_name(model._meta.get_field(c).column) for c in columns)
            with connection.cursor() as cursor:
                raw = cursor.cursor  # psycopg 3's own cursor: Django's wrapper has no copy()
                with raw.copy(f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            return
        fields = [model._meta.get_field(c) for c in columns]
        names = [f.attname for f in fields]
        json_columns = {f.attname for f in fields if isinstance(f, models.JSONField)}
        objects = []
        for row in rows:
            values = dict(zip(names, row, strict=True))
            for name in json_columns:
                values[name] = json.loads(values[name]) if values[name] is not None else None
            objects.append(model(**values))
        model.objects.bulk_create(objects, batch_size=2000)


@contextmanager
def fast_load(model_classes: Iterable[type[models.Model]]):
    """On PostgreSQL, for the length of a bulk load: no foreign-key triggers (every id written is one this load
    made or read, so there is nothing to check; superusers only), and no indexes but those of tables other tables
    point at: each is built once at the end, as pg_restore does, instead of updated row by row. A primary key or
    unique constraint added back checks every row then. Elsewhere, nothing."""
    if connection.vendor != "postgresql":
        yield
        return
    tables = [m._meta.db_table for m in model_classes]
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if cursor.fetchone()[0]:
            cursor.execute("SET LOCAL session_replication_role = replica")
        # Indexes that back no constraint.
        cursor.execute(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
             WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)
        """,
            [tables],
        )
        indexes = cursor.fetchall()
        # Primary keys and unique constraints of the tables no foreign key points at.
        cursor.execute(
            """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
             WHERE c.conrelid = ANY(%s::regclass[]) AND c.contype IN ('p', 'u')
               AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.conrelid)
            """,
            [tables],
        )
        constraints = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        for table, name, _ in constraints:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        for table, name, definition in constraints:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
        for _, definition in indexes:
            cursor.execute(definition)
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def next_ids(*model_classes) -> dict:
    return {m: (m.objects.aggregate(top=models.Max("pk"))["top"] or 0) + 1 for m in model_classes}


def iso(moment: datetime) -> str:
    return moment.isoformat()  # as CardState.snapshot() writes it, so undo finds the seeded last review equal


@dataclass
class QuestionKey:
    id: int
    right: list[int]  # the correct choices' ids
    wrong: int | None


def question_keys() -> list[QuestionKey]:
    right: dict[int, list[int]] = {}
    wrong: dict[int, int] = {}
    for qid, cid, correct in (
        Choice.objects.offered()
        .filter(question__in=Question.objects.active())
        .order_by("question_id", "position", "pk")
        .values_list("question_id", "pk", "correct")
    ):
        if correct:
            right.setdefault(qid, []).append(cid)
        else:
            wrong.setdefault(qid, cid)
    return [QuestionKey(qid, ids, wrong.get(qid)) for qid, ids in sorted(right.items())]


def ensure_deck(size: int) -> tuple[list[int], int]:
    """The first `size` active cards in catalog order; cards marked as load-test cards are added if the notes
    give fewer (spread over the topics that have cards)."""
    deck = list(Flashcard.objects.active().order_by("position", "pk").values_list("pk", flat=True)[:size])
    missing = size - len(deck)
    if missing <= 0:
        return deck, 0
    topics = list(Topic.objects.filter(cards__isnull=False).distinct().order_by("pk").values_list("pk", flat=True))
    topics = topics or list(Topic.objects.order_by("pk").values_list("pk", flat=True)[:20])
    if not topics:
        raise ValueError("No topics: run `manage.py ingest` first.")
    start = (Flashcard.objects.aggregate(top=models.Max("position"))["top"] or 0) + 1
    Flashcard.objects.bulk_create(
        [
            Flashcard(
                key=f"load-card-{n}",
                topic_id=topics[n % len(topics)],
                kind="definition",
                front=f"Load-test card {n}: what does this card test?",
                back="Nothing: seed_load made it.",
                position=start + n,
            )
            for n in range(missing)
        ],
        batch_size=2000,
    )
    added = list(
        Flashcard.objects.filter(key__startswith="load-card-")
        .order_by("position")
        .values_list("pk", flat=True)[:missing]
    )
    return deck + added, missing


class LearnerHistory:
    """One learner's year, simulated card by card; rows appended to the chunk's lists."""

    def __init__(self, rng: random.Random, user_id: int, deck: list[int], days: int, today: datetime):
        self.rng, self.user_id, self.today = rng, user_id, today
        self.days = days
        self.joined = days - rng.randint(0, max(0, days // 5))  # days ago: most joined at the start, some later
        self.diligence = rng.uniform(0.55, 0.95)  # share of days they study
        self.hour = rng.choice((7, 8, 12, 13, 17, 18, 19, 20, 21))
        self.new_per_day = max(3, math.ceil(len(deck) / max(1.0, 0.6 * self.joined * self.diligence)))
        self.deck = deck
        self.last_log: list | None = None  # the learner's latest review: gets full snapshots, so undo works

    def study_time(self, not_before: datetime) -> datetime:
        """When the learner next sits down at or after `not_before`: their hour on a day they study."""
        day = not_before.replace(hour=0, minute=0, second=0, microsecond=0)
        moment = day + timedelta(hours=self.hour, seconds=self.rng.randrange(3600))
        if moment < not_before:
            moment = not_before
        while self.rng.random() > self.diligence:
            moment += timedelta(days=1)
        return moment

    def simulate(self, states: list[tuple], logs: list[tuple], mix: dict[int, int]) -> None:
        start = self.today - timedelta(days=self.joined)
        now = self.today + timedelta(hours=self.hour)  # the seed's "now": the learner's study hour today
        for index, card in enumerate(self.deck):
            intro = self.study_time(start + timedelta(days=int(index / self.new_per_day / self.diligence)))
            if intro >= now:
                intro = now - timedelta(minutes=self.rng.randint(30, 600))  # late joiners: started today
            self.card(card, intro, now, states, logs, mix)
        if self.last_log is not None:
            self.last_log[0][7], self.last_log[0][8] = self.last_log[1], self.last_log[2]

    def card(self, card: int, moment: datetime, now: datetime, states, logs, mix) -> None:
        rng = self.rng
        state, step, stability, difficulty = None, None, None, None
        lapses = reps = 0
        first = last = due = None
        snapshot_before = None
        while moment < now:
            before = state
            if state is None or state in (LEARNING, RELEARNING):
                rating = (
                    rng.choices(FIRST_RATINGS, FIRST_WEIGHTS)[0]
                    if state is None
                    else (AGAIN if rng.random() < 0.08 else GOOD)
                )
            else:
                recall = (1 + FACTOR * (moment - last).total_seconds() / 86400 / stability) ** DECAY
                recalled = rng.random() < recall
                rating = rng.choices(RECALLED_RATINGS, RECALLED_WEIGHTS)[0] if recalled else AGAIN
            if state is None:
                difficulty = {AGAIN: 6.5, HARD: 5.5, GOOD: 4.0, EASY: 2.5}[rating] + rng.uniform(-0.8, 0.8)
            difficulty = min(10.0, max(1.0, difficulty + {AGAIN: 0.6, HARD: 0.25, GOOD: 0.0, EASY: -0.3}[rating]))
            if state is None or state == LEARNING:
                if rating == EASY or (rating == GOOD and step == 1):
                    state, step, stability = REVIEW, None, {EASY: 8.3, GOOD: 2.3}[rating] * rng.uniform(0.9, 1.1)
                    gap = timedelta(days=stability)
                else:
                    step = 1 if rating == GOOD else 0
                    stability = stability or {AGAIN: 0.2, HARD: 1.2, GOOD: 2.3}[rating]
                    state = LEARNING
                    gap = timedelta(minutes={AGAIN: 1, HARD: 6, GOOD: 10}[rating])
            elif state == RELEARNING:
                if rating == AGAIN:
                    gap = timedelta(minutes=10)
                else:
                    state, step = REVIEW, None
                    gap = timedelta(days=stability)
            elif rating == AGAIN:
                lapses += 1
                state, step, stability = RELEARNING, 0, max(0.5, stability * rng.uniform(0.3, 0.5))
                gap = timedelta(minutes=10)
            else:
                stability *= GROWTH[rating] * (1.15 - difficulty / 20) * rng.uniform(0.9, 1.1)
                gap = timedelta(days=stability)
            stability = round(stability, 4)
            difficulty = round(difficulty, 4)
            previous = last
            reps += 1
            first = first or moment
            last = moment
            due = (moment + gap).replace(microsecond=0)
            mix[rating] += 1
            log = [
                None,
                self.user_id,
                card,
                rating,
                moment,
                rng.randint(1500, 14000),
                f"seed:{card}:{reps}",
                None if before is None else f'{{"state": {before}, "last_review": "{iso(previous)}"}}',
                f'{{"state": {state}, "due": "{iso(due)}"}}',
                before,
                previous,
            ]
            logs.append(log)
            after = self.snapshot(state, step, stability, difficulty, due, last, first, lapses, reps)
            if self.last_log is None or moment > self.last_log[0][4]:
                self.last_log = (log, None if before is None else json.dumps(snapshot_before), json.dumps(after))
            snapshot_before = after
            if gap < timedelta(days=1):
                moment = moment + gap  # learning steps: the same sitting
            else:
                moment = self.study_time(moment + gap)
        leech = lapses >= LEECH_LAPSES
        states.append(
            (self.user_id, card, state, step, stability, difficulty, due, last, first, lapses, reps, leech, leech, None)
        )

    @staticmethod
    def snapshot(state, step, stability, difficulty, due, last, first, lapses, reps) -> dict:
        leech = lapses >= LEECH_LAPSES
        return {
            "state": state,
            "step": step,
            "stability": stability,
            "difficulty": difficulty,
            "due": iso(due),
            "last_review": iso(last),
            "first_review": iso(first),
            "lapses": lapses,
            "reps": reps,
            "suspended": leech,
            "leech": leech,
        }


def answers(rng: random.Random, keys: list[QuestionKey], ability: float) -> tuple[list[tuple], int]:
    """(question id, chosen ids JSON, correct) per question, and how many were right."""
    rows, right = [], 0
    for key in keys:
        correct = rng.random() < ability or key.wrong is None
        chosen = key.right if correct else [key.wrong]
        rows.append((key.id, json.dumps(chosen), correct))
        right += correct
    return rows, right


def seed_population(
    *,
    learners: int,
    cards_per_learner: int,
    days: int,
    seed: int,
    today: datetime | None = None,
    log: Callable[[str], None] = lambda line: None,
) -> Population:
    """Write the population; raises ValueError if one is already there or there is nothing to study."""
    began = time.monotonic()
    today = (today or datetime.now(UTC)).astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if User.objects.filter(username__startswith=LEARNER_PREFIX).exists():
        raise ValueError("This database already has a seeded population: seed a fresh database.")
    keys = question_keys()
    if not keys:
        raise ValueError("No quiz questions: run `manage.py ingest` first.")
    result = Population()
    writer = TableWriter()
    with transaction.atomic():
        deck, result.cards_added = ensure_deck(cards_per_learner)
        ids = next_ids(User, Attempt, Response, Cohort, Membership, Assignment, ReviewLog)
        password = make_password(PASSWORD)  # hashed once: hashing per account would take minutes
        joined = today - timedelta(days=days)
        instructors = math.ceil(learners / CLASS_SIZE)
        user_cols = (
            "id",
            "password",
            "is_superuser",
            "username",
            "first_name",
            "last_name",
            "email",
            "is_staff",
            "is_active",
            "date_joined",
        )
        learner_ids = [ids[User] + n for n in range(learners)]
        instructor_ids = [ids[User] + learners + n for n in range(instructors)]
        writer.write(
            User,
            user_cols,
            [
                (
                    uid,
                    password,
                    False,
                    f"{LEARNER_PREFIX}{n + 1:04d}",
                    "",
                    "",
                    f"{LEARNER_PREFIX}{n + 1:04d}@example.com",
                    False,
                    True,
                    joined,
                )
                for n, uid in enumerate(learner_ids)
            ]
            + [
                (
                    uid,
                    password,
                    False,
                    f"{INSTRUCTOR_PREFIX}{n + 1:03d}",
                    "",
                    "",
                    f"{INSTRUCTOR_PREFIX}{n + 1:03d}@example.com",
                    False,
                    True,
                    joined,
                )
                for n, uid in enumerate(instructor_ids)
            ],
        )
        group, _ = Group.objects.get_or_create(name=INSTRUCTORS)
        group.user_set.add(*instructor_ids)
        StudySettings.objects.bulk_create(
            [StudySettings(user_id=uid) for uid in learner_ids + instructor_ids], batch_size=2000
        )
        result.learners, result.instructors = learners, instructors

        # Classes: CLASS_SIZE learners and one instructor each, three assignments (closed, open, upcoming).
        class_of = {}
        cohorts, memberships, assignments, links = [], [], [], []
        class_rng = random.Random(f"{seed}:classes")
        for n, instructor in enumerate(instructor_ids):
            cohort = ids[Cohort] + n
            cohorts.append((cohort, f"Load class {n + 1:03d}", f"LD{n:06d}", False, instructor, joined))
            memberships.append((instructor, cohort, Membership.INSTRUCTOR, joined))
            for uid in learner_ids[n * CLASS_SIZE : (n + 1) * CLASS_SIZE]:
                memberships.append((uid, cohort, Membership.LEARNER, joined + timedelta(days=1)))
                class_of[uid] = cohort
            for k, (opens, due) in enumerate(((-21, -14), (-3, 4), (2, 9))):
                aid = ids[Assignment] + 3 * n + k
                chosen = class_rng.sample(keys, min(10, len(keys)))
                assignments.append(
                    (
                        aid,
                        f"Load class {n + 1:03d}: week {k + 1}",
                        instructor,
                        joined,
                        json.dumps([key.id for key in chosen]),
                        "{}",
                        today + timedelta(days=opens),
                        today + timedelta(days=due),
                        None,
                        None,
                        1,
                        Assignment.AFTER_SUBMIT,
                    )
                )
                links.append((aid, cohort))
        writer.write(Cohort, ("id", "name", "join_code", "archived", "created_by", "created_at"), cohorts)
        writer.write(
            Membership, ("user", "cohort", "role", "joined_at"), [(m[0], m[1], m[2], m[3]) for m in memberships]
        )
        writer.write(
            Assignment,
            (
                "id",
                "title",
                "created_by",
                "created_at",
                "question_ids",
                "source",
                "opens_at",
                "due_at",
                "late_until",
                "time_limit_minutes",
                "attempts_allowed",
                "show_answers",
            ),
            assignments,
        )
        writer.write(Assignment.cohorts.through, ("assignment", "cohort"), links)
        assignments_of = {}
        for row, (_, cohort) in zip(assignments, links, strict=True):
            assignments_of.setdefault(cohort, []).append(row)
        result.classes, result.assignments = len(cohorts), len(assignments)
        log(f"  {learners:,} learners, {instructors:,} instructors, {len(cohorts):,} classes written")

        next_attempt, next_response, next_log = ids[Attempt], ids[Response], ids[ReviewLog]
        topic_of = dict(Flashcard.objects.filter(pk__in=deck).values_list("pk", "topic_id"))  # each state's copy
        with fast_load([ReviewLog, CardState, Attempt, Response]):
            for chunk_start in range(0, learners, CHUNK_LEARNERS):
                states, logs, attempts, responses = [], [], [], []
                for uid in learner_ids[chunk_start : chunk_start + CHUNK_LEARNERS]:
                    rng = random.Random(f"{seed}:{uid - ids[User]}")
                    history = LearnerHistory(rng, uid, deck, days, today)
                    history.simulate(states, logs, result.rating_mix)
                    ability = rng.uniform(0.45, 0.75)
                    plans = [("practice", 10) for _ in range(rng.randint(2, 10))]
                    plans += [("exam", EXAM_QUESTIONS) for _ in range(rng.randint(0, 4))]
                    for mode, size in plans:
                        started = today - timedelta(
                            days=rng.randint(1, history.joined), hours=-history.hour, seconds=-rng.randrange(3600)
                        )
                        ability = min(0.95, ability + 0.02)  # they get better over the months
                        chosen = rng.sample(keys, min(size, len(keys)))
                        rows, right = answers(rng, chosen, ability)
                        took = timedelta(minutes=size * rng.uniform(0.6, 1.3))
                        score = right / len(rows)
                        attempts.append(
                            (
                                next_attempt,
                                uid,
                                mode,
                                started,
                                started + timedelta(minutes=EXAM_MINUTES) if mode == "exam" else None,
                                started + took,
                                json.dumps([k.id for k in chosen]),
                                len(rows),
                                score,
                                scale_score(score) if mode == "exam" else None,
                                "{}",
                                None,
                                None,
                            )
                        )
                        for position, (qid, picked, correct) in enumerate(rows, start=1):
                            responses.append(
                                (
                                    next_response,
                                    next_attempt,
                                    qid,
                                    position,
                                    picked,
                                    correct,
                                    False,
                                    started + took * position / len(rows),
                                )
                            )
                            next_response += 1
                        next_attempt += 1
                    for row in assignments_of.get(class_of.get(uid), []):
                        aid, opens, due = row[0], row[6], row[7]
                        share = 0.85 if due < today else 0.4 if opens < today else 0.0
                        if rng.random() >= share:
                            continue
                        started = opens + timedelta(
                            hours=rng.randint(1, int((min(due, today) - opens).total_seconds() // 3600) - 1)
                        )
                        chosen = [next(k for k in keys if k.id == qid) for qid in json.loads(row[4])]
                        rows, right = answers(rng, chosen, ability)
                        took = timedelta(minutes=len(rows) * rng.uniform(0.6, 1.3))
                        attempts.append(
                            (
                                next_attempt,
                                uid,
                                "assignment",
                                started,
                                due,
                                started + took,
                                row[4],
                                len(rows),
                                right / len(rows),
                                None,
                                "{}",
                                aid,
                                1,
                            )
                        )
                        for position, (qid, picked, correct) in enumerate(rows, start=1):
                            responses.append(
                                (
                                    next_response,
                                    next_attempt,
                                    qid,
                                    position,
                                    picked,
                                    correct,
                                    False,
                                    started + took * position / len(rows),
                                )
                            )
                            next_response += 1
                        next_attempt += 1
                for row in logs:
                    row[0] = next_log
                    next_log += 1
                writer.write(
                    CardState,
                    (
                        "user",
                        "card",
                        "state",
                        "step",
                        "stability",
                        "difficulty",
                        "due",
                        "last_review",
                        "first_review",
                        "lapses",
                        "reps",
                        "suspended",
                        "leech",
                        "buried_until",
                        "topic",
                    ),
                    [(*state, topic_of[state[1]]) for state in states],
                )
                writer.write(
                    ReviewLog,
                    (
                        "id",
                        "user",
                        "card",
                        "rating",
                        "reviewed_at",
                        "duration_ms",
                        "token",
                        "state_before",
                        "state_after",
                        "before_state",
                        "previous_review",
                    ),
                    [tuple(row) for row in logs],
                )
                writer.write(
                    Attempt,
                    (
                        "id",
                        "user",
                        "mode",
                        "started_at",
                        "deadline",
                        "submitted_at",
                        "question_ids",
                        "current",
                        "score",
                        "scaled_score",
                        "settings",
                        "assignment",
                        "try_number",
                    ),
                    attempts,
                )
                writer.write(
                    Response,
                    ("id", "attempt", "question", "position", "chosen", "correct", "marked", "answered_at"),
                    responses,
                )
                result.card_states += len(states)
                result.reviews += len(logs)
                result.attempts += len(attempts)
                result.responses += len(responses)
                done = min(chunk_start + CHUNK_LEARNERS, learners)
                log(
                    f"  {done:,}/{learners:,} learners: {result.reviews:,} reviews so far "
                    f"({time.monotonic() - began:.0f} s)"
                )
        reset_sequences(
            [
                User,
                Cohort,
                Membership,
                Assignment,
                Assignment.cohorts.through,
                Attempt,
                Response,
                ReviewLog,
                CardState,
                StudySettings,
            ]
        )
    # The dashboard reads each learner's review days from their running totals (ReviewDay), which ratings keep as
    # they are written; bulk-written logs are counted here, learner by learner, under their own day settings.
    settings = StudySettings.objects.filter(user__username__startswith=LEARNER_PREFIX)
    for user_id, time_zone, day_starts_hour in settings.values_list("user_id", "time_zone", "day_starts_hour"):
        recount_review_days(user_id, time_zone, day_starts_hour)
    log(f"  review days counted for {settings.count():,} learners ({time.monotonic() - began:.0f} s)")
    result.seconds = time.monotonic() - began
    return result


def reset_sequences(model_classes: Iterable[type[models.Model]]) -> None:
    """Rows were written with their ids: move each id sequence past them (nothing to do on SQLite)."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(model_classes)):
            cursor.execute(sql)
