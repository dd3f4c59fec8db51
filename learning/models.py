"""Learning: flashcards generated from facts, each learner's FSRS state per card, and every review."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, connection, models, transaction
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

LEECH_LAPSES = 8
LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
RELEARNING_STEPS = (timedelta(minutes=10),)


class FlashcardQuerySet(models.QuerySet):
    def active(self) -> FlashcardQuerySet:
        return self.filter(retired=False)


class Flashcard(models.Model):
    """One card built from one fact with one template; its key survives re-ingest."""

    KINDS = [
        ("definition", "Definition"),
        ("reverse", "Which service"),
        ("list", "List"),
        ("cloze", "Cloze"),
        ("number", "Number"),
        ("comparison", "Comparison"),
        ("use_case", "Use case"),
        ("scenario", "Scenario"),
        ("author", "Your own card"),  # written as Q/A in the notes: shown exactly as written
    ]

    key = models.CharField(max_length=64, unique=True)  # hash(fact key, template)
    fact = models.ForeignKey("content.Fact", null=True, on_delete=models.SET_NULL, related_name="cards")
    topic = models.ForeignKey("content.Topic", on_delete=models.CASCADE, related_name="cards")
    kind = models.CharField(max_length=20, choices=KINDS)
    front = models.TextField()
    back = models.TextField()
    refs = models.JSONField(default=list)  # [[label, source_id, line], ...]
    position = models.PositiveIntegerField(default=0)  # catalog order for introducing new cards
    retired = models.BooleanField(default=False)
    edited = models.BooleanField(default=False)  # an instructor edited it: ingest leaves its text alone
    updated_at = models.DateTimeField(auto_now=True)

    objects = FlashcardQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        indexes = [
            # The review queue's "card not retired" check and its new-card order, answered from the index.
            models.Index(fields=["id"], condition=models.Q(retired=False), name="flashcard_active"),
            models.Index(
                fields=["position"],
                include=["id", "topic"],
                condition=models.Q(retired=False),
                name="flashcard_new_order",
            ),
            # The dashboard counts the deck's cards per topic from this index alone, and sets a learner's states on
            # retired cards aside through the next (usually tiny) one.
            models.Index(fields=["topic"], condition=models.Q(retired=False), name="flashcard_active_topic"),
            models.Index(fields=["id"], condition=models.Q(retired=True), name="flashcard_retired"),
        ]
        constraints = [
            # What CardState's (card, topic) refers to: the database keeps each state's copy of its card's topic
            # (see CardState.topic).
            models.UniqueConstraint(fields=["id", "topic"], name="flashcard_id_topic"),
        ]

    def __str__(self) -> str:
        return self.front[:80]

    @property
    def in_reference_words(self) -> bool:
        """Whether the back is the checked reference's sentence (learning/deck.py's reference cards), not a note's."""
        from learning.deck import reference_texts  # noqa: PLC0415 (the deck reads the catalog and the bank)

        return self.back in reference_texts()


class StudySettings(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_settings")
    desired_retention = models.FloatField(default=0.90, validators=[MinValueValidator(0.70), MaxValueValidator(0.97)])
    new_per_day = models.PositiveIntegerField(default=20, validators=[MaxValueValidator(500)])
    max_reviews_per_day = models.PositiveIntegerField(default=200, validators=[MaxValueValidator(5000)])
    day_starts_hour = models.PositiveSmallIntegerField(default=4, validators=[MaxValueValidator(23)])
    time_zone = models.CharField(max_length=64, default="UTC")
    deck_topics = models.JSONField(default=list, blank=True)  # topic ids in the deck; empty: every topic

    def __str__(self) -> str:
        return f"settings of {self.user}"

    @classmethod
    def for_user(cls, user) -> StudySettings:
        obj, _ = cls.objects.get_or_create(user=user)
        return obj

    def scheduler(self, *, fuzz: bool = True) -> Scheduler:
        return Scheduler(
            desired_retention=self.desired_retention,
            learning_steps=LEARNING_STEPS,
            relearning_steps=RELEARNING_STEPS,
            enable_fuzzing=fuzz,
        )

    def day_bounds(self, now: datetime) -> tuple[datetime, datetime]:
        """The learner's current study day: from their day-start hour, in their time zone, for 24 h."""
        local = now.astimezone(zoneinfo.ZoneInfo(self.time_zone))
        start = local.replace(hour=self.day_starts_hour, minute=0, second=0, microsecond=0)
        if local < start:
            start -= timedelta(days=1)
        end = start + timedelta(days=1)
        return start.astimezone(zoneinfo.ZoneInfo("UTC")), end.astimezone(zoneinfo.ZoneInfo("UTC"))

    def study_day(self, moment: datetime) -> date:
        """The study day a moment falls on: its local date, less the day-start hour (02:00 is the day before)."""
        local = moment.astimezone(zoneinfo.ZoneInfo(self.time_zone)).replace(tzinfo=None)
        return (local - timedelta(hours=self.day_starts_hour)).date()


class CardStateQuerySet(models.QuerySet):
    def for_user(self, user) -> CardStateQuerySet:
        return self.filter(user=user)

    def bulk_create(self, objs, *args, **kwargs):
        """As QuerySet.bulk_create, with each state's topic copied from its card (one query for them all)."""
        objs = list(objs)
        missing = {state.card_id for state in objs if state.topic_id is None}
        if missing:
            topics = dict(Flashcard.objects.filter(pk__in=missing).values_list("pk", "topic_id"))
            for state in objs:
                if state.topic_id is None:
                    state.topic_id = topics.get(state.card_id)
        return super().bulk_create(objs, *args, **kwargs)

    def suspend(self, *, user, card: Flashcard, now: datetime) -> CardState:
        """Keep a card out of the learner's reviews. A new card gets a row that says so (unsuspend removes it)."""
        state, created = self.get_or_create(user=user, card=card, defaults={"due": now, "step": 0, "suspended": True})
        if not created and not state.suspended:
            state.suspended = True
            state.save(update_fields=["suspended"])
        return state

    def make_due(self, now: datetime) -> int:
        """Bring these cards forward to now (a missed quiz question asks for them). Only `due` changes, and only
        forward: the memory state stays, and a suspended card stays out. Returns how many moved."""
        return self.filter(suspended=False, due__gt=now).update(due=now)


class CardState(models.Model):
    """A learner's FSRS memory state for one card. No row means the card is new to them."""

    STATES = [
        (State.Learning.value, "Learning"),
        (State.Review.value, "Review"),
        (State.Relearning.value, "Relearning"),
    ]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_states")
    card = models.ForeignKey(Flashcard, on_delete=models.CASCADE, related_name="states")
    # The card's topic, copied so the dashboard's figures per topic read the learner's states alone (no join with
    # the deck's cards). It cannot drift: on PostgreSQL a foreign key on (card, topic) to the card's (id, topic)
    # refuses a wrong copy and carries a card's move to another topic (re-ingest) over to its states ON UPDATE
    # CASCADE; on SQLite two triggers do the same (migration 0006). save() and bulk_create fill it in.
    topic = models.ForeignKey(
        "content.Topic", on_delete=models.CASCADE, related_name="+", editable=False, db_index=False
    )
    state = models.PositiveSmallIntegerField(choices=STATES, default=State.Learning.value)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    first_review = models.DateTimeField(null=True, blank=True)
    lapses = models.PositiveIntegerField(default=0)
    reps = models.PositiveIntegerField(default=0)
    suspended = models.BooleanField(default=False)
    leech = models.BooleanField(default=False)
    buried_until = models.DateTimeField(null=True, blank=True)

    objects = CardStateQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "card"], name="one_state_per_user_card")]
        indexes = [models.Index(fields=["user", "due"], name="cardstate_user_due")]

    def __str__(self) -> str:
        return f"{self.user} · {self.card_id} · {self.get_state_display()}"

    def save(self, *args, **kwargs) -> None:
        if self.topic_id is None:
            self.topic_id = self.card.topic_id  # no query where the state is made with its card, as it is here
        super().save(*args, **kwargs)

    def to_fsrs(self) -> FsrsCard:
        return FsrsCard(
            card_id=self.card_id,
            state=State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    def snapshot(self) -> dict:
        """Everything a review changes, so undo restores it exactly."""
        return {
            "state": self.state,
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": self.due.isoformat() if self.due else None,
            "last_review": self.last_review.isoformat() if self.last_review else None,
            "first_review": self.first_review.isoformat() if self.first_review else None,
            "lapses": self.lapses,
            "reps": self.reps,
            "suspended": self.suspended,
            "leech": self.leech,
        }

    def restore(self, snap: dict) -> None:
        for field in ("state", "step", "stability", "difficulty", "lapses", "reps", "suspended", "leech"):
            setattr(self, field, snap[field])
        for field in ("due", "last_review", "first_review"):
            setattr(self, field, datetime.fromisoformat(snap[field]) if snap[field] else None)

    def unsuspend(self) -> None:
        if self.reps == 0:
            self.delete()  # suspended before its first review: new again
        else:
            self.suspended = False
            self.save(update_fields=["suspended"])

    def bury(self, until: datetime) -> None:
        """Out of the queue until `until` (the learner's next day), its schedule untouched."""
        self.buried_until = until
        self.save(update_fields=["buried_until"])

    def reset(self, now: datetime) -> None:
        """Start the card over from its first learning step. The row stays, and `reps` keeps counting, so the
        token of the next showing is new (tokens are per (card, reps)) and the history stays linked."""
        self.state, self.step, self.stability, self.difficulty = State.Learning.value, 0, None, None
        self.due, self.last_review, self.lapses = now, None, 0
        self.suspended = self.leech = False
        self.buried_until = None
        self.save()

    def apply_review(self, rating: Rating, now: datetime, scheduler: Scheduler, duration_ms: int | None) -> None:
        was_review = self.reps > 0 and self.state == State.Review.value
        card, _ = scheduler.review_card(self.to_fsrs(), rating, review_datetime=now, review_duration=duration_ms)
        self.state = card.state.value
        self.step = card.step
        self.stability = card.stability
        self.difficulty = card.difficulty
        self.due = card.due
        self.last_review = card.last_review
        self.first_review = self.first_review or now
        self.reps += 1
        if was_review and rating == Rating.Again:
            self.lapses += 1
            if self.lapses >= LEECH_LAPSES:
                self.leech = True
                self.suspended = True


class ReviewLogQuerySet(models.QuerySet):
    def day_counts(self) -> dict:
        """Reviews of review-state cards and new cards introduced, for the daily limits."""
        return self.aggregate(
            reviews=models.Count("id", filter=models.Q(before_state=State.Review.value)),
            new=models.Count("id", filter=models.Q(before_state__isnull=True)),
        )


class ReviewLog(models.Model):
    """One rating. Never deleted by ingest; undo removes only the learner's own last review."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews")
    card = models.ForeignKey(Flashcard, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField(choices=[(r.value, r.name) for r in Rating])
    reviewed_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    token = models.CharField(max_length=64)  # the shown card's token: a retried rating is recorded once
    state_before = models.JSONField(null=True)  # null: the card was new
    state_after = models.JSONField()
    # Two facts of `state_before` as plain columns, so the dashboard's statistics over a year of reviews read an
    # index instead of parsing JSON per row: the card's state when rated (null: new) and its previous rating.
    before_state = models.PositiveSmallIntegerField(null=True, blank=True)
    previous_review = models.DateTimeField(null=True, blank=True)

    objects = ReviewLogQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="one_review_per_token")]
        indexes = [
            models.Index(fields=["user", "reviewed_at"], name="reviewlog_user_time"),
            # Reviews per study day, true retention and today's counts: an index-only scan on PostgreSQL.
            models.Index(
                fields=["user", "reviewed_at"],
                include=["rating", "before_state", "previous_review"],
                name="reviewlog_user_day_stats",
            ),
        ]
        ordering = ["-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.user} rated {self.card_id} {self.rating}"

    def save(self, *args, **kwargs) -> None:
        self.fill_from_snapshot()
        super().save(*args, **kwargs)

    def fill_from_snapshot(self) -> ReviewLog:
        """Copy the state and previous rating out of `state_before` (bulk_create skips save(): call this)."""
        before = self.state_before or {}
        self.before_state = before.get("state")
        last = before.get("last_review")
        self.previous_review = datetime.fromisoformat(last) if last else None
        return self


class ReviewDay(models.Model):
    """A learner's reviews on one of their study days, added up as each rating is written and taken off when it is
    undone, so the dashboard reads a row a day instead of a year of reviews.

    A row holds the day settings it was counted under: after the learner moves their day (time zone or start
    hour), learning.progress finds rows counted under other settings and recounts them all from the review log.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_days")
    day = models.DateField()
    time_zone = models.CharField(max_length=64)
    day_starts_hour = models.PositiveSmallIntegerField()
    reviews = models.IntegerField(default=0)
    again = models.IntegerField(default=0)  # rated Again
    introduced = models.IntegerField(default=0)  # new cards rated for the first time
    review_state = models.IntegerField(default=0)  # reviews of review-state cards (the daily review limit)
    first_reviews = models.IntegerField(default=0)  # ...of those, the card's first review that day (true retention)
    passed = models.IntegerField(default=0)  # ...of those, not rated Again

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_review_day_per_user_day")]

    def __str__(self) -> str:
        return f"{self.user} · {self.day}: {self.reviews} reviews"

    @staticmethod
    def figures(log: ReviewLog, study: StudySettings) -> tuple[date, dict]:
        """What one review adds to its study day (the same rules as learning.progress.LOG_DAYS_SQL)."""
        day = study.study_day(log.reviewed_at)
        first = log.previous_review is None or study.study_day(log.previous_review) < day
        review = log.before_state == State.Review.value
        return day, {
            "reviews": 1,
            "again": int(log.rating == Rating.Again),
            "introduced": int(log.before_state is None),
            "review_state": int(review),
            "first_reviews": int(review and first),
            "passed": int(review and first and log.rating != Rating.Again),
        }

    @classmethod
    def add(cls, log: ReviewLog, study: StudySettings) -> None:
        """Count a review just written, in the same transaction (one statement, safe against a parallel rating).
        A row counted under other day settings is left alone: the dashboard recounts those from the log."""
        day, figures = cls.figures(log, study)
        names = ", ".join(figures)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO learning_reviewday (user_id, day, time_zone, day_starts_hour, {names}) "
                f"VALUES (%s, %s, %s, %s, {', '.join(['%s'] * len(figures))}) "
                "ON CONFLICT (user_id, day) DO UPDATE SET "
                + ", ".join(f"{name} = learning_reviewday.{name} + excluded.{name}" for name in figures)
                + " WHERE learning_reviewday.time_zone = excluded.time_zone"
                " AND learning_reviewday.day_starts_hour = excluded.day_starts_hour",
                [
                    log.user_id,
                    connection.ops.adapt_datefield_value(day),
                    study.time_zone,
                    study.day_starts_hour,
                    *figures.values(),
                ],
            )

    @classmethod
    def remove(cls, log: ReviewLog, study: StudySettings) -> None:
        """Take back what `add` counted for a review being deleted (undo)."""
        day, figures = cls.figures(log, study)
        cls.objects.filter(
            user_id=log.user_id, day=day, time_zone=study.time_zone, day_starts_hour=study.day_starts_hour
        ).update(**{name: models.F(name) - value for name, value in figures.items()})


class ReviewRefused(Exception):
    """A rating that must not change anything; the message says why, for a 400."""


def record_review(
    *,
    user,
    card: Flashcard | int,
    token: str,
    rating: int,
    duration_ms: int | None,
    now: datetime,
    study: StudySettings,
    expected_token,
) -> ReviewLog | None:
    """Apply one rating. Returns None when this token was already recorded (a retried request).

    `card`: the card, or only its id (the rate view's case: the card is then read with the learner's locked
    state, one query instead of two; an id of no active card raises Flashcard.DoesNotExist).
    `expected_token(reps)` is the token of the card's current showing: a rating must carry it.
    """
    if rating not in {r.value for r in Rating}:
        raise ReviewRefused("A rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
    if not isinstance(card, int) and card.retired:
        raise ReviewRefused("This card was retired from the notes and is no longer reviewed.")
    # No savepoint: refusals leave the block normally (nothing written yet), so a surrounding transaction
    # stays usable, and the rate-and-next request stays within its query budget.
    try:
        return _apply(
            user=user,
            card=card,
            token=token,
            rating=rating,
            duration_ms=duration_ms,
            now=now,
            study=study,
            expected_token=expected_token,
        )
    except IntegrityError:
        # Two requests raced on a card's first rating (no row to lock yet): the loser's insert failed and
        # its transaction rolled back. If the winner recorded this token, this was a retry.
        if ReviewLog.objects.filter(user=user, token=token).exists():
            return None
        raise


def _apply(*, user, card, token, rating, duration_ms, now, study, expected_token) -> ReviewLog | None:
    with transaction.atomic(savepoint=False):
        card_id = card if isinstance(card, int) else card.pk
        state = (
            CardState.objects.select_for_update(of=("self",))
            .select_related("card")
            .filter(user=user, card_id=card_id)
            .first()
        )
        if isinstance(card, int):
            card = state.card if state is not None else Flashcard.objects.filter(pk=card_id).first()
        # Refusals leave the block normally (an exception would spoil a surrounding transaction).
        refusal = None if card is None or card.retired else _refusal(user, state, token, expected_token, study, now)
        if card is not None and not card.retired and refusal is None:
            before = state.snapshot() if state else None
            if state is None:
                state = CardState(user=user, card=card, due=now)
            state.apply_review(Rating(rating), now, study.scheduler(), duration_ms)
            state.save()
            log = ReviewLog.objects.create(
                user=user,
                card=card,
                rating=rating,
                reviewed_at=now,
                duration_ms=duration_ms,
                token=token,
                state_before=before,
                state_after=state.snapshot(),
            )
            ReviewDay.add(log, study)
            return log
    if card is None or card.retired:
        raise Flashcard.DoesNotExist("No active card has this id.")
    if refusal == "":
        return None  # already recorded: a double click or a retried request
    raise ReviewRefused(refusal)


def _refusal(
    user, state: CardState | None, token: str, expected_token, study: StudySettings, now: datetime
) -> str | None:
    """Why this rating must not be applied ("" for an already-recorded retry), or None to apply it."""
    if token != expected_token(state.reps if state else 0):
        if ReviewLog.objects.filter(user=user, token=token).exists():
            return ""
        return "This card was shown before another rating; reload to get the current card."
    if state is not None:
        day_end = study.day_bounds(now)[1]
        if state.suspended or (state.buried_until and state.buried_until > now) or state.due >= day_end:
            return "This card is not in your review queue right now."
    return None


def undo_last_review(*, user) -> ReviewLog | None:
    """Put the learner's last-rated card back exactly as it was before that rating."""
    with transaction.atomic():
        log = ReviewLog.objects.filter(user=user).order_by("-reviewed_at", "-pk").first()
        if log is None:
            return None
        state = CardState.objects.select_for_update().filter(user=user, card_id=log.card_id).first()
        if state is None or state.snapshot() != log.state_after:
            return None  # reset, or moved since (a missed quiz question made it due): nothing safe to put back
        if log.state_before is None:
            state.delete()  # it was new: it is new again
        else:
            state.restore(log.state_before)
            state.save()
        log.delete()
        ReviewDay.remove(log, StudySettings.for_user(user))
        return log


class CardReport(models.Model):
    """A learner says a card is wrong or unclear; instructors read and resolve these."""

    card = models.ForeignKey(Flashcard, on_delete=models.CASCADE, related_name="reports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_reports")
    note = models.TextField(max_length=1000)
    created_at = models.DateTimeField()
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"report on card {self.card_id} by {self.user}"


class QueuedNewCardQuerySet(models.QuerySet):
    def put_first_in_line(self, *, user_id: int, cards: models.QuerySet, now: datetime) -> int:
        """Put these cards, those the learner has never studied, first in line among their new cards: one
        INSERT .. SELECT however many cards (a wrong quiz answer pays two statements for all its cards). Returns
        how many were newly put in line."""
        card_sql, card_params = cards.values("pk").query.sql_with_params()
        sql = (
            "INSERT INTO learning_queuednewcard (user_id, card_id, queued_at) "
            f"SELECT %s, c.id, %s FROM learning_flashcard c WHERE c.id IN ({card_sql}) "
            "AND NOT EXISTS (SELECT 1 FROM learning_cardstate s WHERE s.user_id = %s AND s.card_id = c.id) "
            "ON CONFLICT (user_id, card_id) DO NOTHING"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [user_id, connection.ops.adapt_datetimefield_value(now), *card_params, user_id])
            return max(cursor.rowcount, 0)


class QueuedNewCard(models.Model):
    """A card the learner has never studied that a missed quiz question put first in line among their new cards.

    It stays new (no CardState) so the daily new-card limit still applies and nothing counts it as seen.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="queued_new_cards")
    card = models.ForeignKey(Flashcard, on_delete=models.CASCADE, related_name="queued_for")
    queued_at = models.DateTimeField()

    objects = QueuedNewCardQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "card"], name="one_queued_new_card_per_user")]

    def __str__(self) -> str:
        return f"{self.user} · new card {self.card_id} first in line"
