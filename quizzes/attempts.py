"""Taking quizzes: drawing an attempt's questions, saving answers, submitting, and what the answers teach."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count, Prefetch, Q

from content.models import DOMAINS
from learning.models import CardState, Flashcard, QueuedNewCard
from quizzes.models import (
    DOMAIN_WEIGHTS,
    EXAM_MINUTES,
    EXAM_QUESTIONS,
    QUESTION_SCHEDULER,
    Attempt,
    Choice,
    Question,
    QuestionState,
    Response,
    domain_quotas,
    largest_remainder,
    scale_score,
)


class AnswerRefused(Exception):
    """Input naming something outside the attempt or its question (a 400). Nothing was changed."""


class AttemptClosed(Exception):
    """The attempt was submitted or its time ran out (a 409). Nothing the learner sent was saved."""


# Drawing questions


def one_per_pair(rows: list[tuple], rng: random.Random) -> list[tuple]:
    """Group (id, family, requirement, key, ...) rows by (family, requirement); one random wording of each."""
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for row in rows:
        groups[(row[1], row[2] or row[3])].append(row)
    return [rng.choice(group) for group in groups.values()]


def draw_practice(*, topic_ids: list[int], domains: list[str], count: int, rng: random.Random) -> list[int]:
    """`count` questions from the chosen topics (with their sub-topics) and domains; every question when none.

    Different needs first (one wording of each), then other wordings only if the pool is that small.
    """
    pool = Question.objects.active()
    if topic_ids or domains:
        pool = pool.filter(Q(topic_id__in=topic_ids) | Q(topic__parent_id__in=topic_ids) | Q(domain__in=domains))
    rows = list(pool.order_by("pk").values_list("pk", "family", "requirement", "key"))
    picked = one_per_pair(rows, rng)
    rng.shuffle(picked)
    ids = [row[0] for row in picked][:count]
    if len(ids) < count:
        taken = set(ids)
        rest = [row[0] for row in rows if row[0] not in taken]
        rng.shuffle(rest)
        ids += rest[: count - len(ids)]
    return ids


@dataclass
class ExamPlan:
    """How a practice exam would be drawn from the active questions right now."""

    available: dict[str, int]  # distinct (family, requirement) pairs per domain
    target: dict[str, int]  # the exam guide's share of 65
    quotas: dict[str, int]  # what the draw takes: the target, or all there is, topped up from the others
    groups: dict[str, list[list[int]]] = field(default_factory=dict, repr=False)

    @property
    def total(self) -> int:
        return sum(self.quotas.values())

    @property
    def shortages(self) -> list[dict]:
        return [
            {
                "domain": domain,
                "name": DOMAINS.get(domain, domain),
                "available": self.available.get(domain, 0),
                "target": target,
            }
            for domain, target in self.target.items()
            if self.available.get(domain, 0) < target
        ]

    @property
    def rows(self) -> list[dict]:
        return [
            {
                "domain": domain,
                "name": DOMAINS.get(domain, domain),
                "weight": round(DOMAIN_WEIGHTS[domain] * 100),
                "target": self.target[domain],
                "available": self.available.get(domain, 0),
                "quota": self.quotas[domain],
                "extra": self.quotas[domain] - self.target[domain],
            }
            for domain in DOMAIN_WEIGHTS
        ]


def exam_plan() -> ExamPlan:
    """Group the active questions by domain and (family, requirement), and split 65 by the domain weights."""
    groups: dict[str, dict[tuple, list[int]]] = {domain: {} for domain in DOMAIN_WEIGHTS}
    seen: set[tuple] = set()
    rows = Question.objects.active().order_by("pk").values_list("pk", "family", "requirement", "key", "domain")
    for pk, family, requirement, key, domain in rows:
        pair = (family, requirement or key)
        if domain not in groups or (pair in seen and pair not in groups[domain]):
            continue  # a pair belongs to the first domain it was seen in: it is never asked twice
        seen.add(pair)
        groups[domain].setdefault(pair, []).append(pk)
    available = {domain: len(pairs) for domain, pairs in groups.items()}
    return ExamPlan(
        available=available,
        target=largest_remainder(DOMAIN_WEIGHTS, EXAM_QUESTIONS),
        quotas=domain_quotas(available),
        groups={d: list(p.values()) for d, p in groups.items()},
    )


def draw_exam(plan: ExamPlan, rng: random.Random) -> list[int]:
    """Each domain's quota of distinct pairs, one random wording each, in a shuffled order."""
    ids = []
    for domain, quota in plan.quotas.items():
        ids += [rng.choice(group) for group in rng.sample(plan.groups[domain], quota)]
    rng.shuffle(ids)
    return ids


def topic_strength(user) -> dict[int, float]:
    """Share right per topic over every answer the learner gave, smoothed so an untried topic counts as 50%."""
    rows = (
        Response.objects.filter(attempt__user=user, answered_at__isnull=False)
        .values("question__topic_id")
        .annotate(right=Count("id", filter=Q(correct=True)), answered=Count("id"))
    )
    return {row["question__topic_id"]: (row["right"] + 1) / (row["answered"] + 2) for row in rows}


def draw_due(*, user, count: int, now: datetime, rng: random.Random) -> list[int]:
    """The learner's due questions (most overdue first), then unseen ones from their weakest topics."""
    taken: set[tuple] = set()
    ids: list[int] = []
    due = QuestionState.objects.due(user, now).values_list(
        "question_id", "question__family", "question__requirement", "question__key"
    )
    for pk, family, requirement, key in due:
        if len(ids) < count and (family, requirement or key) not in taken:
            taken.add((family, requirement or key))
            ids.append(pk)
    if len(ids) < count:
        strength = topic_strength(user)
        unseen = list(
            Question.objects.active()
            .exclude(states__user=user)
            .order_by("pk")
            .values_list("pk", "family", "requirement", "key", "topic_id")
        )
        rng.shuffle(unseen)
        unseen.sort(key=lambda row: strength.get(row[4], 0.5))  # stable: random within a topic's strength
        for pk, family, requirement, key, _topic in unseen:
            if len(ids) < count and (family, requirement or key) not in taken:
                taken.add((family, requirement or key))
                ids.append(pk)
    return ids


# Starting, answering, submitting


@transaction.atomic
def start_attempt(
    *,
    user,
    mode: str,
    question_ids: list[int],
    now: datetime,
    settings: dict,
    deadline: datetime | None = None,
    assignment=None,
    try_number: int | None = None,
) -> Attempt:
    """Fix the question order and make one empty response per slot (positions count from 1)."""
    if mode == "exam":
        deadline = now + timedelta(minutes=EXAM_MINUTES)
    attempt = Attempt.objects.create(
        user=user,
        mode=mode,
        started_at=now,
        deadline=deadline,
        question_ids=question_ids,
        current=1,
        settings=settings,
        assignment=assignment,
        try_number=try_number,
    )
    Response.objects.bulk_create(
        [
            Response(attempt=attempt, question_id=pk, position=position)
            for position, pk in enumerate(question_ids, start=1)
        ]
    )
    return attempt


@dataclass
class Shown:
    """A question as one slot shows it: its offered options and (when asked for) the learner's state."""

    question: Question
    choices: list[Choice]
    state: QuestionState | None = None


def load_questions(question_ids: list[int], *, user=None) -> dict[int, Shown]:
    """Questions with their options, topics and optionally the learner's states, in one query."""
    choices = Choice.objects.for_questions(question_ids)
    if user is not None:
        choices = choices.with_state_of(user)
    shown: dict[int, Shown] = {}
    for choice in choices:
        entry = shown.setdefault(choice.question_id, Shown(choice.question, [], getattr(choice, "my_state", None)))
        choice.question = entry.question
        entry.choices.append(choice)
    return shown


def check_open(attempt: Attempt, now: datetime) -> None:
    """Refuse changes to a finished attempt; an exam past its deadline is submitted first, as of the deadline."""
    if attempt.is_expired(now):
        submit_attempt(attempt=attempt, now=attempt.deadline, auto=True)
        raise AttemptClosed(
            f"Time is up: this exam was submitted automatically at its deadline "
            f"({attempt.deadline:%H:%M} UTC). Answers sent after it are not saved."
        )
    if attempt.submitted_at is not None:
        raise AttemptClosed("This attempt has been submitted; its answers can no longer change.")


def check_slot(attempt: Attempt, position: int, question_id: int | None = None) -> None:
    if not attempt.has_position(position):
        raise AnswerRefused(f"There is no question {position} in this attempt (it has {attempt.question_count}).")
    if question_id is not None and attempt.question_id_at(position) != question_id:
        raise AnswerRefused(f"Question {position} of this attempt is a different question; reload the page.")


def save_answer(
    *,
    attempt: Attempt,
    position: int,
    question_id: int,
    chosen: list[int],
    shown: Shown,
    now: datetime,
    marked: bool | None = None,
) -> Response:
    """Save the options chosen in one slot. Practice answers are final and feed the spacing at once;
    exam answers may change until submit, and may be marked for review.

    Every check runs before anything is written, so a refused answer leaves the attempt as it was.
    """
    check_open(attempt, now)
    check_slot(attempt, position, question_id)
    question = shown.question
    offered = {choice.pk for choice in shown.choices}
    chosen = sorted(set(chosen))
    if any(pk not in offered for pk in chosen):
        raise AnswerRefused("That option is not one of this question's options.")
    if question.kind != "multi" and len(chosen) > 1:
        raise AnswerRefused("This question has one right answer: choose one option.")
    if not attempt.is_exam and not chosen:
        raise AnswerRefused(f"Choose {'two options' if question.kind == 'multi' else 'an option'} to answer.")
    right = Question.is_right(chosen, shown.choices) if chosen else None
    response = Response(
        attempt=attempt,
        question=question,
        position=position,
        chosen=chosen,
        correct=right,
        answered_at=now if chosen else None,
    )
    # The slot is only written while the attempt is still unsubmitted, so an answer racing a submit is not saved.
    slot = Response.objects.filter(attempt=attempt, position=position, attempt__submitted_at__isnull=True)
    if attempt.is_exam:
        changes = {"chosen": chosen, "correct": right, "answered_at": response.answered_at}
        if marked is not None:
            changes["marked"] = response.marked = marked
        with transaction.atomic(savepoint=False):
            # Wait for a submit in progress (it holds this lock), then see whether it closed the attempt.
            open_now = Attempt.objects.select_for_update().filter(pk=attempt.pk, submitted_at__isnull=True).exists()
            if not open_now or not slot.update(**changes):
                closed = True
            else:
                closed = False
        if closed:
            raise AttemptClosed("This attempt has been submitted; its answers can no longer change.")
        return response
    with transaction.atomic(savepoint=False):
        saved = slot.filter(answered_at__isnull=True).update(chosen=chosen, correct=right, answered_at=now)
        if saved:
            state = shown.state or QuestionState(user_id=attempt.user_id, question=question, due=now)
            state.record(bool(right), now, QUESTION_SCHEDULER)
            QuestionState.objects.upsert([state])
            if not right:
                response.cards_due = feed_flashcards(user_id=attempt.user_id, question_ids=[question.pk], now=now)
            return response
    earlier = Response.objects.get(attempt=attempt, position=position)
    if earlier.answered_at is None:  # not answered, yet not written: submitted meanwhile
        raise AttemptClosed("This attempt has been submitted; its answers can no longer change.")
    if earlier.chosen == chosen:
        return earlier  # the same answer again: a double click or a retried request
    raise AttemptClosed("You have already answered this question; in practice the first answer counts.")


def submit_attempt(*, attempt: Attempt, now: datetime, auto: bool = False) -> bool:
    """Score the attempt and, for an exam, space every answered question and feed the missed ones to the cards.

    The score is the fraction of the attempt's questions answered right (unanswered ones are not right); an exam
    also gets `scale_score(score)`. Returns False when another request submitted it first.
    """
    with transaction.atomic(savepoint=False):
        # Lock the attempt first and read the answers after: an answer saved while this runs is either in
        # the score or refused (the slot update requires an open attempt), never saved but left unscored.
        if not Attempt.objects.select_for_update().filter(pk=attempt.pk, submitted_at__isnull=True).exists():
            attempt.refresh_from_db()
            return False
        rows = list(Response.objects.filter(attempt=attempt).values_list("question_id", "correct"))
        score = sum(1 for _pk, correct in rows if correct) / len(rows) if rows else 0.0
        settings = {**attempt.settings, "auto_submitted": True} if auto else attempt.settings
        scaled = scale_score(score) if attempt.is_practice_exam else None
        Attempt.objects.filter(pk=attempt.pk).update(
            submitted_at=now, score=score, scaled_score=scaled, settings=settings
        )
        attempt.submitted_at, attempt.score, attempt.scaled_score, attempt.settings = now, score, scaled, settings
        if attempt.is_exam:
            answered = {pk: correct for pk, correct in rows if correct is not None}
            record_questions(user_id=attempt.user_id, results=answered, now=now)
            feed_flashcards(
                user_id=attempt.user_id, question_ids=[pk for pk, ok in answered.items() if not ok], now=now
            )
    return True


def close_if_expired(attempt: Attempt, now: datetime) -> bool:
    """An exam past its deadline is submitted by the first request that touches it, as of the deadline."""
    if attempt.is_expired(now):
        return submit_attempt(attempt=attempt, now=attempt.deadline, auto=True)
    return False


def record_questions(*, user_id: int, results: dict[int, bool], now: datetime) -> None:
    """Right = Good, wrong = Again for every answered question, in two queries."""
    if not results:
        return
    states = {s.question_id: s for s in QuestionState.objects.filter(user_id=user_id, question_id__in=results)}
    for pk, right in results.items():
        state = states.setdefault(pk, QuestionState(user_id=user_id, question_id=pk, due=now))
        state.record(right, now, QUESTION_SCHEDULER)
    QuestionState.objects.upsert(list(states.values()))


def feed_flashcards(*, user_id: int, question_ids: list[int], now: datetime) -> int:
    """A missed question brings its related cards forward for this learner, so the next review covers the gap.

    Cards they already study come due now (suspended ones stay out; their memory state is kept). Cards they
    have never studied stay new, and go first in line among their new cards: they are introduced within the
    daily new-card limit, not all at once. Returns how many cards were brought forward or newly put in line.
    """
    if not question_ids:
        return 0
    related = Flashcard.objects.active().filter(questions__in=question_ids)
    brought_forward = CardState.objects.filter(user_id=user_id, card__in=related).make_due(now)
    queued = QueuedNewCard.objects.put_first_in_line(user_id=user_id, cards=related, now=now)
    return brought_forward + queued


# Results


@dataclass
class Tally:
    key: str
    name: str
    right: int = 0
    answered: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.total) if self.total else 0


@dataclass
class Results:
    attempt: Attempt
    responses: list[Response]
    domains: list[Tally]
    topics: list[Tally]

    @property
    def right(self) -> int:
        return sum(1 for r in self.responses if r.correct)

    @property
    def answered(self) -> int:
        return sum(1 for r in self.responses if r.is_answered)

    @property
    def total(self) -> int:
        return len(self.responses)

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.total) if self.total else 0


def results(attempt: Attempt) -> Results:
    """Every question with the learner's answer and all the explanations, and the tallies by domain and topic."""
    responses = list(
        attempt.responses.select_related("question__topic")
        .order_by("position")
        .prefetch_related(Prefetch("question__choices", queryset=Choice.objects.order_by("position", "pk")))
    )
    domains = {key: Tally(key, name) for key, name in DOMAINS.items()}
    topics: dict[int, Tally] = {}
    for response in responses:
        question = response.question
        chosen = set(response.chosen)
        # Retired options stay visible only where this learner chose them.
        response.options = [c for c in question.choices.all() if not c.retired or c.pk in chosen]
        for index, choice in enumerate(response.options):
            choice.letter, choice.was_chosen = chr(65 + index), choice.pk in chosen
        response.right_options = [c for c in response.options if c.correct]
        response.chosen_options = [c for c in response.options if c.was_chosen]
        domain = domains.setdefault(question.domain, Tally(question.domain, question.domain))
        topic = topics.setdefault(question.topic_id, Tally(question.topic.slug, question.topic.name))
        for tally in (domain, topic):
            tally.total += 1
            tally.answered += response.is_answered
            tally.right += bool(response.correct)
    return Results(
        attempt=attempt,
        responses=responses,
        domains=[d for d in domains.values() if d.total],
        topics=sorted(topics.values(), key=lambda t: (t.percent, t.name)),
    )
