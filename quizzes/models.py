"""Quizzes: scenario questions generated from the notes, attempts at them, and each learner's spacing of them."""

from __future__ import annotations

import math
import re
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

DOMAIN_WEIGHTS = {  # CLF-C02 exam guide, share of scored questions
    "cloud-concepts": 0.24,
    "security-compliance": 0.30,
    "technology-services": 0.34,
    "billing-pricing-support": 0.12,
}


EXAM_QUESTIONS = 65  # CLF-C02: 65 questions in 90 minutes
EXAM_MINUTES = 90
PASSING_SCALED_SCORE = 700

# Questions are spaced with FSRS's defaults, without fuzz: a quiz answer is a coarser signal than a card rating,
# and the learner's card settings (retention, daily limits) are about cards.
QUESTION_SCHEDULER = Scheduler(enable_fuzzing=False)


def scale_score(fraction: float) -> int:
    """The exam's 100-1000 scale, linear in the share of questions right: round(100 + 900 * fraction).

    0% right is 100, 100% is 1000, and the pass mark of 700 needs two thirds right (600 / 900). AWS does not
    publish its scaling (it equates exam forms); this stand-in is stated on every results page.
    """
    return round(100 + 900 * max(0.0, min(1.0, fraction)))


def largest_remainder(weights: dict[str, float], total: int) -> dict[str, int]:
    """Split `total` in proportion to `weights`: floors first, then one each to the largest remainders."""
    whole = sum(weights.values())
    if total <= 0 or whole <= 0:
        return {name: 0 for name in weights}
    exact = {name: total * weight / whole for name, weight in weights.items()}
    shares = {name: int(value) for name, value in exact.items()}
    left = total - sum(shares.values())
    for name in sorted(exact, key=lambda n: (-(exact[n] - shares[n]), n))[:left]:
        shares[name] += 1
    return shares


def domain_quotas(
    available: dict[str, int], total: int = EXAM_QUESTIONS, weights: dict[str, float] = DOMAIN_WEIGHTS
) -> dict[str, int]:
    """Questions per domain for an exam: the weights' shares, except where a domain has fewer questions.

    A short domain gives everything it has; the questions it lacks are split over the domains that still
    have some to spare, again by weight, until the exam is full or every domain is used up.
    """
    quotas = dict.fromkeys(weights, 0)
    open_weights = {name: weight for name, weight in weights.items() if available.get(name, 0) > 0}
    left = min(total, sum(available.get(name, 0) for name in weights))
    while left > 0 and open_weights:
        for name, share in largest_remainder(open_weights, left).items():
            quotas[name] += min(share, available.get(name, 0) - quotas[name])
        left = min(total, sum(available.get(name, 0) for name in weights)) - sum(quotas.values())
        open_weights = {name: weight for name, weight in open_weights.items() if quotas[name] < available[name]}
    return quotas


class QuestionQuerySet(models.QuerySet):
    def active(self) -> QuestionQuerySet:
        return self.filter(retired=False, disabled=False)


class Question(models.Model):
    """One scenario question (ingests before 2026-12 also made "Which AWS service" ones); its key survives re-ingest."""

    KINDS = [("single", "Single answer"), ("multi", "Multiple response"), ("identify", "Which service")]

    key = models.CharField(max_length=64, unique=True)  # hash(family, requirement or fact, template)
    kind = models.CharField(max_length=10, choices=KINDS)
    family = models.CharField(max_length=80)  # scenario family id, or "service-identification"
    requirement = models.CharField(max_length=120, blank=True)
    topic = models.ForeignKey("content.Topic", on_delete=models.CASCADE, related_name="questions")
    domain = models.CharField(max_length=40)
    stem = models.TextField()
    difficulty = models.PositiveSmallIntegerField(default=2)  # 1 easy .. 3 hard
    refs = models.JSONField(default=list)  # every source line the explanations quote
    related_cards = models.ManyToManyField("learning.Flashcard", blank=True, related_name="questions")
    retired = models.BooleanField(default=False)  # no longer in the notes (ingest)
    edited = models.BooleanField(default=False)  # an instructor edited it: ingest leaves its text alone
    disabled = models.BooleanField(default=False)  # an instructor took it out of the bank; ingest leaves it out
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["topic", "family", "key"]

    def __str__(self) -> str:
        return self.stem[:80]

    @property
    def scenario(self) -> str:
        """The situation the question asks about (family/requirement): the bank holds one question for it."""
        return f"{self.family}/{self.requirement or self.key}"

    @property
    def answer_count(self) -> int:
        return 2 if self.kind == "multi" else 1

    @staticmethod
    def is_right(chosen, choices) -> bool:
        """Right only when exactly the correct options are chosen: both of a multi question's two, no more."""
        correct = {choice.pk for choice in choices if choice.correct and not choice.retired}
        return bool(correct) and set(chosen) == correct


class ChoiceQuerySet(models.QuerySet):
    def offered(self) -> ChoiceQuerySet:
        return self.filter(retired=False)

    def for_questions(self, question_ids) -> ChoiceQuerySet:
        """The options of a few questions with each question and topic, in one query, in display order."""
        return (
            self.filter(question_id__in=question_ids)
            .offered()
            .select_related("question__topic")
            .order_by("question_id", "position", "pk")
        )

    def with_state_of(self, user) -> ChoiceQuerySet:
        """Also the learner's QuestionState of each question (or None), joined in the same query as `my_state`."""
        return self.annotate(
            my_state=models.FilteredRelation("question__states", condition=models.Q(question__states__user=user))
        ).select_related("my_state")


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    option = models.CharField(max_length=80)  # the family option id (stable across re-ingest)
    text = models.CharField(max_length=300)
    correct = models.BooleanField(default=False)
    explanation = models.TextField()  # why it fits or not
    quote = models.TextField(blank=True)  # the note line that supports the explanation
    refs = models.JSONField(default=list)  # [[label, source_id, line], ...]
    position = models.PositiveSmallIntegerField(default=0)
    retired = models.BooleanField(default=False)  # no longer offered; kept because past answers point at it

    objects = ChoiceQuerySet.as_manager()

    class Meta:
        ordering = ["question", "position"]
        constraints = [models.UniqueConstraint(fields=["question", "option"], name="one_choice_per_option")]

    def __str__(self) -> str:
        return self.text

    @property
    def in_notes(self) -> bool:
        """Whether the notes say anything about this option: a distractor the notes do not cover has no quote."""
        return bool(self.refs)

    @property
    def covered(self) -> bool:
        """Whether the notes cover this option: a quote backs it, or its own page does, with no one line quoted
        ("Your notes cover it on the AWS Management Console page.")."""
        from quizzes.generate import ON_ITS_PAGE  # noqa: PLC0415

        return self.in_notes or _ends_with(ON_ITS_PAGE, self.explanation)

    @property
    def named_only(self) -> bool:
        """A distractor the notes name without explaining (no line of theirs can back it): not "not in your notes"."""
        from quizzes.generate import NAMED_ONLY  # noqa: PLC0415

        return not self.in_notes and self.explanation.endswith(NAMED_ONLY)

    @property
    def notes_label(self) -> str:
        """What the page says under an option no line of the notes backs: named only, described only as a whole,
        only in a line marked wrong, or not in the notes at all."""
        from quizzes.generate import FLAGGED_ONLY, NOT_IN_NOTES, ON_ITS_PAGE, PARENT_ONLY  # noqa: PLC0415

        if self.in_notes:
            return ""
        if self.named_only:
            return "Named in your notes, not explained there."
        if self.explanation.endswith(FLAGGED_ONLY):
            return "In your notes only in a line marked wrong."
        if _ends_with(PARENT_ONLY, self.explanation):
            return "In your notes only as part of a whole service."
        if _ends_with(ON_ITS_PAGE, self.explanation):
            return "In your notes on its own page, with no one line quoted here."
        if self.explanation.endswith(NOT_IN_NOTES):
            return "Not in your notes."
        return ""  # no line is quoted, and the notes use its words somewhere: nothing is said of them

    @property
    def notes_claim(self) -> bool | None:
        """What the option says of the notes: that they cover it (a quote, or its own page), that they do not (named
        only, only as a whole, only in a line marked wrong, or not at all), or nothing (None)."""
        if self.covered:
            return True
        return False if self.notes_label else None

    @property
    def sources(self) -> list[str]:
        """Where the quote comes from, as "ec2-notes:36" (notes file label, line)."""
        return [f"{label}:{line}" for label, _source_id, line in self.refs]


class AttemptQuerySet(models.QuerySet):
    def for_user(self, user) -> AttemptQuerySet:
        return self.filter(user=user)

    def finished(self) -> AttemptQuerySet:
        return self.filter(submitted_at__isnull=False)

    def unfinished(self) -> AttemptQuerySet:
        return self.filter(submitted_at__isnull=True)

    def expired(self, now: datetime) -> AttemptQuerySet:
        """Exams past their deadline that nobody has submitted yet: the server submits them when touched."""
        return self.unfinished().filter(deadline__lte=now)


class Attempt(models.Model):
    """A practice quiz or a timed practice exam: the question order is fixed when it starts."""

    MODES = [
        ("practice", "Practice"),
        ("exam", "Practice exam"),
        ("due", "Due questions"),
        ("assignment", "Assignment"),
    ]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    mode = models.CharField(max_length=10, choices=MODES)
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)  # exams only; enforced on the server
    submitted_at = models.DateTimeField(null=True, blank=True)
    question_ids = models.JSONField(default=list)
    current = models.PositiveIntegerField(default=0)  # where the learner was, to resume
    score = models.FloatField(null=True, blank=True)  # fraction right
    scaled_score = models.PositiveIntegerField(null=True, blank=True)  # 100-1000, exams
    settings = models.JSONField(default=dict, blank=True)  # topics, domains, notes on the draw
    # An assignment's attempts: the instructor's rules (window, time limit, attempts) apply on the server.
    assignment = models.ForeignKey(
        "Assignment", on_delete=models.CASCADE, null=True, blank=True, related_name="attempts"
    )
    try_number = models.PositiveSmallIntegerField(null=True, blank=True)  # 1, 2... within one assignment

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "user", "try_number"], name="one_attempt_per_assignment_try")
        ]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} by {self.user} at {self.started_at:%Y-%m-%d %H:%M}"

    def is_open(self, now: datetime) -> bool:
        return self.submitted_at is None and (self.deadline is None or now < self.deadline)

    def is_expired(self, now: datetime) -> bool:
        """Past its deadline and not yet submitted: the next request submits it, as of the deadline."""
        return self.submitted_at is None and self.deadline is not None and now >= self.deadline

    @property
    def is_exam(self) -> bool:
        """Taken like an exam: answers change until submit, no feedback before, a palette. Assignments too."""
        return self.mode in ("exam", "assignment")

    @property
    def is_practice_exam(self) -> bool:
        """The timed 65-question exam, which alone gets a scaled score."""
        return self.mode == "exam"

    @property
    def question_count(self) -> int:
        return len(self.question_ids)

    @property
    def auto_submitted(self) -> bool:
        return bool(self.settings.get("auto_submitted"))

    @property
    def passed(self) -> bool | None:
        return None if self.scaled_score is None else self.scaled_score >= PASSING_SCALED_SCORE

    @property
    def resume_position(self) -> int:
        return min(max(self.current, 1), max(self.question_count, 1))

    def has_position(self, position: int) -> bool:
        return 1 <= position <= self.question_count

    def question_id_at(self, position: int) -> int:
        """The question fixed in this slot when the attempt started (positions count from 1)."""
        return self.question_ids[position - 1]

    def seconds_left(self, now: datetime) -> int | None:
        if self.deadline is None:
            return None
        return max(0, math.ceil((self.deadline - now) / timedelta(seconds=1)))  # 0 only once time is up


class Response(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="responses")
    position = models.PositiveIntegerField()
    chosen = models.JSONField(default=list)  # Choice ids
    correct = models.BooleanField(null=True)  # None until answered
    marked = models.BooleanField(default=False)  # "mark for review" in exams
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [models.UniqueConstraint(fields=["attempt", "position"], name="one_response_per_slot")]

    def __str__(self) -> str:
        return f"{self.attempt_id}#{self.position}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def status(self) -> str:
        """For the exam's question palette and review screen."""
        if self.marked:
            return "marked"
        return "answered" if self.is_answered else "unanswered"


SPACING_FIELDS = ("state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses")


class QuestionStateQuerySet(models.QuerySet):
    def due(self, user, now: datetime) -> QuestionStateQuerySet:
        return self.filter(user=user, due__lte=now, question__retired=False, question__disabled=False).order_by(
            "due", "pk"
        )

    def upsert(self, states: list[QuestionState]) -> None:
        """Save many states in one INSERT .. ON CONFLICT, whether or not the learner had one before."""
        rows = [
            QuestionState(
                user_id=state.user_id,
                question_id=state.question_id,
                **{field: getattr(state, field) for field in SPACING_FIELDS},
            )
            for state in states
        ]
        self.bulk_create(rows, update_conflicts=True, unique_fields=["user", "question"], update_fields=SPACING_FIELDS)


class QuestionState(models.Model):
    """Questions are spaced too: right = Good, wrong = Again, scheduled by FSRS per learner."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_states")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="states")
    state = models.PositiveSmallIntegerField(default=State.Learning.value)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(default=0)
    lapses = models.PositiveIntegerField(default=0)

    objects = QuestionStateQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "question"], name="one_state_per_user_question")]
        indexes = [models.Index(fields=["user", "due"], name="questionstate_user_due")]

    def __str__(self) -> str:
        return f"{self.user} · q{self.question_id}"

    def record(self, correct: bool, now: datetime, scheduler: Scheduler) -> None:
        rating = Rating.Good if correct else Rating.Again
        card = FsrsCard(
            card_id=self.question_id,
            state=State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )
        was_review = self.state == State.Review.value
        card, _ = scheduler.review_card(card, rating, review_datetime=now)
        self.state, self.step = card.state.value, card.step
        self.stability, self.difficulty = card.stability, card.difficulty
        self.due, self.last_review = card.due, card.last_review
        self.reps += 1
        if was_review and not correct:
            self.lapses += 1


# Classes and assignments (instructors)

JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud and typed
JOIN_CODE_LENGTH = 8  # 32**8 = 2**40 codes: not guessable by trying


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def tidy_join_code(text: str) -> str:
    """What people type: lower case, spaces or a dash in the middle ("abcd-efgh") all mean the same code."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:40]


class CohortQuerySet(models.QuerySet):
    def taught_by(self, user) -> CohortQuerySet:
        return self.filter(memberships__user=user, memberships__role=Membership.INSTRUCTOR)

    def attended_by(self, user) -> CohortQuerySet:
        return self.filter(memberships__user=user, memberships__role=Membership.LEARNER)


class Cohort(models.Model):
    """A class: its instructors, its learners (who join with the code) and the assignments published to it.

    Called a class everywhere a person reads it; `Cohort` in code, where `class` is taken.
    """

    name = models.CharField(max_length=120)
    join_code = models.CharField(max_length=JOIN_CODE_LENGTH, unique=True, default=new_join_code)
    archived = models.BooleanField(default=False)  # read-only: no joining, no new assignments; kept for its grades
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField()

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["archived", "name", "pk"]
        verbose_name = "class"
        verbose_name_plural = "classes"

    def __str__(self) -> str:
        return self.name

    def regenerate_code(self) -> None:
        """A new code; the old one stops working at once."""
        for _ in range(5):
            code = new_join_code()
            if not Cohort.objects.filter(join_code=code).exists():
                break
        self.join_code = code
        self.save(update_fields=["join_code"])

    @property
    def display_code(self) -> str:
        return f"{self.join_code[:4]}-{self.join_code[4:]}"


class Membership(models.Model):
    INSTRUCTOR, LEARNER = "instructor", "learner"
    ROLES = [(INSTRUCTOR, "Instructor"), (LEARNER, "Learner")]

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=ROLES)
    joined_at = models.DateTimeField()

    class Meta:
        ordering = ["cohort", "role", "user__username"]
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="one_membership_per_class")]

    def __str__(self) -> str:
        return f"{self.user} in {self.cohort} ({self.role})"


class AssignmentQuerySet(models.QuerySet):
    def for_instructor(self, user) -> AssignmentQuerySet:
        """Assignments published to a class the user teaches."""
        return self.filter(cohorts__in=Cohort.objects.taught_by(user)).distinct()

    def for_learner(self, user) -> AssignmentQuerySet:
        """Assignments of the classes the learner is in (archived classes included: their grades stay readable)."""
        return self.filter(cohorts__in=Cohort.objects.attended_by(user)).distinct()


class Assignment(models.Model):
    """A quiz an instructor sets for one or more classes: a fixed list of questions in a fixed order, a window,
    an optional time limit and a number of attempts. The server enforces all of it."""

    AFTER_SUBMIT, AFTER_DUE = "after_submit", "after_due"
    SHOW_ANSWERS = [(AFTER_SUBMIT, "As soon as the learner submits"), (AFTER_DUE, "After the due date")]

    title = models.CharField(max_length=160)
    cohorts = models.ManyToManyField(Cohort, related_name="assignments")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField()
    question_ids = models.JSONField(default=list)  # drawn once: every learner gets these, in this order
    source = models.JSONField(default=dict, blank=True)  # how they were chosen: topics/domains/count, or picked
    opens_at = models.DateTimeField()
    due_at = models.DateTimeField()
    late_until = models.DateTimeField(null=True, blank=True)  # accept late work until then; none: closes when due
    time_limit_minutes = models.PositiveIntegerField(null=True, blank=True)
    attempts_allowed = models.PositiveSmallIntegerField(default=1)
    show_answers = models.CharField(max_length=12, choices=SHOW_ANSWERS, default=AFTER_SUBMIT)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def question_count(self) -> int:
        return len(self.question_ids)

    @property
    def closes_at(self) -> datetime:
        """No answer is taken after this: the due date, or the late cut-off when late work is accepted."""
        return self.late_until or self.due_at

    def is_open(self, now: datetime) -> bool:
        return self.opens_at <= now < self.closes_at

    def answers_visible(self, now: datetime) -> bool:
        return self.show_answers == self.AFTER_SUBMIT or now >= self.due_at

    @property
    def is_locked(self) -> bool:
        """Once anyone has started it, its questions stay as they are (dates stay editable)."""
        return self.attempts.exists()

    def deadline_for(self, started_at: datetime) -> datetime:
        """An attempt ends at its time limit or when the assignment closes, whichever comes first."""
        if self.time_limit_minutes:
            return min(started_at + timedelta(minutes=self.time_limit_minutes), self.closes_at)
        return self.closes_at


class Reminder(models.Model):
    """One email about one assignment to one learner; the row makes `send_reminders` send it only once."""

    NEW, DUE_SOON = "new", "due_soon"
    KINDS = [(NEW, "New assignment"), (DUE_SOON, "Due in 24 hours")]

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=KINDS)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assignment", "user", "kind"], name="one_reminder_each")]

    def __str__(self) -> str:
        return f"{self.kind} reminder of {self.assignment} to {self.user}"


class QuestionReport(models.Model):
    """A learner says a question is wrong or unfair; it lands in the instructors' queue beside card reports."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_reports")
    note = models.TextField(max_length=1000)
    created_at = models.DateTimeField()
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"report on question {self.question_id} by {self.user}"


def _ends_with(template: str, text: str) -> bool:
    """Whether a text ends with a sentence made from a template with one blank ("... on the {} page.")."""
    return bool(re.search(re.escape(template).replace(r"\{\}", ".+") + "$", text))
