"""A learner's review queue for now: what is due, in what order, and how many are left today."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings as django_settings
from django.db.models import Case, Count, Exists, OuterRef, Q, Subquery, When, Window
from django.db.models.functions import Coalesce
from fsrs import Rating, State

from learning.models import CardState, Flashcard, ReviewLog, StudySettings

LEARNING = (State.Learning.value, State.Relearning.value)


def card_token(user_id: int, card_id: int, reps: int) -> str:
    """Names one showing of a card: a rating must carry it, and a rating consumes it."""
    message = f"{user_id}:{card_id}:{reps}".encode()
    return hmac.new(django_settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


@dataclass
class Queue:
    card: Flashcard | None  # the card to show now, or None when the session is done
    state: CardState | None  # its state; None for a new card
    new: int  # cards left today by kind, as the learner sees them
    learning: int
    review: int
    next_due: datetime | None = None  # when the next card becomes due, once the queue is empty
    user_id: int = 0


def deck_filter(study: StudySettings, topic_id: int | None) -> Q:
    """Cards in the learner's deck: one topic (and its sub-topics) when asked, else their chosen topics."""
    if topic_id is not None:
        return Q(topic_id=topic_id) | Q(topic__parent_id=topic_id)
    # The settings page lists sub-topics with their own boxes: the deck is exactly the ticked topics.
    chosen = study.deck_topics
    return Q(topic_id__in=chosen) if chosen else Q()


STATE_FIELDS = (
    "id", "user_id", "card_id", "state", "step", "stability", "difficulty", "due", "last_review", "first_review",
    "lapses", "reps", "suspended", "leech", "buried_until",
)


def build_queue(user, study: StudySettings, now: datetime, *, topic_id: int | None = None) -> Queue:
    """Learning cards due now first, then reviews due today (oldest first), then today's new cards.

    One narrow query ranks the day's due states and carries the learning and review counts (window
    aggregates) and today's review tallies (scalar subqueries), so its cost does not grow with the backlog;
    the card to show is then fetched by id. See bench/review_bench.py.
    """
    day_start, day_end = study.day_bounds(now)
    deck = deck_filter(study, topic_id)
    states = CardState.objects.filter(user=user, suspended=False, card__retired=False).filter(
        Q(buried_until__isnull=True) | Q(buried_until__lte=now)
    )
    if deck:
        states = states.filter(card__in=Flashcard.objects.filter(deck))

    today = ReviewLog.objects.filter(user=user, reviewed_at__gte=day_start).order_by().values("user")
    reviews_done = Coalesce(Subquery(today.filter(state_before__state=State.Review.value)
                                     .annotate(n=Count("id")).values("n")[:1]), 0)
    new_done = Coalesce(Subquery(today.filter(state_before__isnull=True).annotate(n=Count("id")).values("n")[:1]), 0)
    # New cards left = active cards in the deck minus those the learner has a state for (counted, not listed).
    deck_cards = Flashcard.objects.active().filter(deck).order_by()
    total_cards = Coalesce(Subquery(deck_cards.values("retired").annotate(n=Count("id")).values("n")[:1]), 0)
    seen_cards = Coalesce(Subquery(CardState.objects.filter(user=user, card__in=deck_cards).order_by()
                                   .values("user").annotate(n=Count("id")).values("n")[:1]), 0)
    learning_q = Q(state__in=LEARNING)

    def first_due(include_reviews: bool):
        due = states.filter(due__lt=day_end)
        if not include_reviews:
            due = due.exclude(state=State.Review.value)
        return (
            due.only(*STATE_FIELDS)
            .annotate(
                priority=Case(When(learning_q & Q(due__lte=now), then=0), When(state=State.Review.value, then=1),
                              default=2),
                learning_count=Window(Count("id", filter=learning_q)),
                review_count=Window(Count("id", filter=Q(state=State.Review.value))),
                reviews_done=reviews_done, new_done=new_done, total_cards=total_cards, seen_cards=seen_cards,
            )
            .order_by("priority", "due")
            .first()
        )

    first = first_due(include_reviews=True)
    if first is not None:
        done = {"reviews": first.reviews_done, "new": first.new_done}
        reviews_left = max(0, study.max_reviews_per_day - done["reviews"])
        if not reviews_left and first.review_count:
            first = first_due(include_reviews=False)  # the daily review cap is reached (rare): learning only
    if first is None:
        done = ReviewLog.objects.filter(user=user, reviewed_at__gte=day_start).day_counts()
        reviews_left = max(0, study.max_reviews_per_day - done["reviews"])

    new_left = max(0, study.new_per_day - done["new"])
    new_cards = Flashcard.objects.active().filter(deck).filter(
        ~Exists(CardState.objects.filter(user=user, card=OuterRef("pk")))
    ).select_related("topic").order_by("position")
    if first is not None:
        # The counts came with the ranked row: list no new card unless one is to be shown.
        new_count = min(new_left, max(0, first.total_cards - first.seen_cards))
        first_new = new_cards.first() if new_count and first.priority == 2 else None
    else:
        upcoming_new = list(new_cards[:new_left]) if new_left else []
        new_count, first_new = len(upcoming_new), (upcoming_new[0] if upcoming_new else None)

    queue = Queue(card=None, state=None, new=new_count,
                  learning=first.learning_count if first else 0,
                  review=min(first.review_count, reviews_left) if first else 0, user_id=user.pk)
    if first is not None and first.priority < 2:
        queue.card, queue.state = Flashcard.objects.select_related("topic").get(pk=first.card_id), first
        first.card = queue.card
    elif first_new is not None:
        queue.card = first_new
    elif first is not None:
        queue.next_due = first.due  # learning steps still running: back in a few minutes
    else:
        queue.next_due = states.filter(due__gte=day_end).order_by("due").values_list("due", flat=True).first()
    return queue


def preview_intervals(study: StudySettings, state: CardState | None, card: Flashcard, now: datetime) -> dict:
    """What each rating would schedule, as the buttons show it ("10m", "2d"), without fuzz."""
    scheduler = study.scheduler(fuzz=False)
    current = state if state is not None else CardState(card=card, due=now)
    out = {}
    for rating in Rating:
        fsrs_card, _ = scheduler.review_card(current.to_fsrs(), rating, review_datetime=now)
        out[rating.value] = format_interval(fsrs_card.due - now)
    return out


def format_interval(delta: timedelta) -> str:
    seconds = max(0, delta.total_seconds())
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")
