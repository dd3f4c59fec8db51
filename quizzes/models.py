"""Quizzes: scenario questions generated from the notes, attempts at them, and each learner's spacing of them."""

from __future__ import annotations

from datetime import datetime

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


class QuestionQuerySet(models.QuerySet):
    def active(self) -> QuestionQuerySet:
        return self.filter(retired=False)


class Question(models.Model):
    """One scenario (or service-identification) question; its key survives re-ingest."""

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
    retired = models.BooleanField(default=False)
    edited = models.BooleanField(default=False)  # an instructor edited it: ingest leaves its text alone
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["topic", "family", "key"]

    def __str__(self) -> str:
        return self.stem[:80]

    @property
    def answer_count(self) -> int:
        return 2 if self.kind == "multi" else 1


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

    class Meta:
        ordering = ["question", "position"]
        constraints = [models.UniqueConstraint(fields=["question", "option"], name="one_choice_per_option")]

    def __str__(self) -> str:
        return self.text


class Attempt(models.Model):
    """A practice quiz or a timed practice exam: the question order is fixed when it starts."""

    MODES = [("practice", "Practice"), ("exam", "Practice exam"), ("due", "Due questions")]

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

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} by {self.user} at {self.started_at:%Y-%m-%d %H:%M}"

    def is_open(self, now: datetime) -> bool:
        return self.submitted_at is None and (self.deadline is None or now < self.deadline)


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

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "question"], name="one_state_per_user_question")]
        indexes = [models.Index(fields=["user", "due"], name="questionstate_user_due")]

    def __str__(self) -> str:
        return f"{self.user} · q{self.question_id}"

    def record(self, correct: bool, now: datetime, scheduler: Scheduler) -> None:
        rating = Rating.Good if correct else Rating.Again
        card = FsrsCard(card_id=self.question_id, state=State(self.state), step=self.step, stability=self.stability,
                        difficulty=self.difficulty, due=self.due, last_review=self.last_review)
        was_review = self.state == State.Review.value
        card, _ = scheduler.review_card(card, rating, review_datetime=now)
        self.state, self.step = card.state.value, card.step
        self.stability, self.difficulty = card.stability, card.difficulty
        self.due, self.last_review = card.due, card.last_review
        self.reps += 1
        if was_review and not correct:
            self.lapses += 1
