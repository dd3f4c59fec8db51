"""A learner's review queue for now: what is due, in what order, and how many are left today."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings as django_settings
from django.db.models import Exists, OuterRef, Q
from fsrs import Rating, State

from content.models import Topic
from learning.models import CardState, Flashcard, QueuedNewCard, ReviewLog, StudySettings

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


def deck_topic_ids(study: StudySettings, topic_id: int | None) -> list[int] | None:
    """The deck rule, stated once: the topic ids whose cards the queue draws, or None for every topic.

    One topic asked for: it and its sub-topics. Else the learner's ticked topics (the settings page lists
    sub-topics with their own boxes, so the deck is exactly the ticked ones; a null ticks nothing). The SQL and
    the ORM paths of the queue both take this list (deck_condition, deck_q), so they cannot disagree.
    """
    if topic_id is not None:
        return [topic_id, *Topic.objects.filter(parent_id=topic_id).order_by("pk").values_list("pk", flat=True)]
    if not study.deck_topics:
        return None
    return [int(pk) for pk in study.deck_topics if pk is not None]


def deck_q(topic_ids: list[int] | None) -> Q:
    """deck_topic_ids' list as a condition on Flashcard (deck_condition is the same in SQL)."""
    return Q() if topic_ids is None else Q(topic_id__in=topic_ids)


STATE_FIELDS = (
    "id",
    "user_id",
    "card_id",
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
)

# The ranked query, in SQL. It is the hot path of every rating (bench/review_bench.py: p95 under 25 ms with
# 5,000 cards and 100,000 reviews), and built with the ORM it cost about 4 ms of Python per request to compile
# (a window, a Case and four subqueries) on top of its database time. `{deck}` is the deck condition on `c`
# (deck_sql). Today's counts read the review log's `before_state` column (the card's state when rated, null for
# a new card), which the index reviewlog_user_day_stats carries: no JSON, the same SQL on both databases.
RANKED_SQL = """
SELECT r.*, c.front AS card_front, c.back AS card_back, c.kind AS card_kind, c.refs AS card_refs,
       c.topic_id AS card_topic_id, t.slug AS topic_slug, t.name AS topic_name
  FROM (
SELECT {fields},
       CASE WHEN s.state IN ({learning}) AND s.due <= %(now)s THEN 0 WHEN s.state = {review} THEN 1 ELSE 2 END
           AS priority,
       SUM(CASE WHEN s.state IN ({learning}) THEN 1 ELSE 0 END) OVER () AS learning_count,
       SUM(CASE WHEN s.state = {review} THEN 1 ELSE 0 END) OVER () AS review_count,
       (SELECT COUNT(*) FROM learning_reviewlog l
         WHERE l.user_id = %(user)s AND l.reviewed_at >= %(day_start)s AND l.before_state = {review}) AS reviews_done,
       (SELECT COUNT(*) FROM learning_reviewlog l
         WHERE l.user_id = %(user)s AND l.reviewed_at >= %(day_start)s AND l.before_state IS NULL) AS new_done,
       (SELECT COUNT(*) FROM (
            SELECT 1 FROM learning_flashcard c
             WHERE NOT c.retired{deck}
               AND NOT EXISTS (SELECT 1 FROM learning_cardstate x WHERE x.user_id = %(user)s AND x.card_id = c.id)
             LIMIT %(new_per_day)s) unseen) AS unseen_count
  FROM learning_cardstate s JOIN learning_flashcard c ON c.id = s.card_id
 WHERE s.user_id = %(user)s AND NOT s.suspended AND NOT c.retired{deck}
   AND (s.buried_until IS NULL OR s.buried_until <= %(now)s) AND s.due < %(day_end)s{only_learning}
 ORDER BY priority, s.due, s.id
 LIMIT 1
       ) r JOIN learning_flashcard c ON c.id = r.card_id JOIN content_topic t ON t.id = c.topic_id
"""


def deck_sql(study: StudySettings, topic_id: int | None) -> tuple[str, dict]:
    """The deck as a condition on the flashcard `c`, with its parameters."""
    return deck_condition(deck_topic_ids(study, topic_id))


def deck_condition(topic_ids: list[int] | None) -> tuple[str, dict]:
    """deck_topic_ids' list as a condition on the flashcard `c` (deck_q is the same for the ORM)."""
    if topic_ids is None:
        return "", {}  # every topic
    if not topic_ids:
        return " AND 1 = 0", {}
    names = {f"deck{i}": pk for i, pk in enumerate(topic_ids)}
    return " AND c.topic_id IN (" + ", ".join(f"%({name})s" for name in names) + ")", names


def ranked_state(
    user,
    study: StudySettings,
    now: datetime,
    day_start: datetime,
    day_end: datetime,
    topic_ids: list[int] | None,
    *,
    include_reviews: bool = True,
) -> CardState | None:
    """The first of the day's due states in queue order, carrying the day's counts, or None if none is due.

    Besides the CardState fields the row has `priority` (0 learning due now, 1 review, 2 learning later today),
    `learning_count` and `review_count` (due today), `reviews_done` and `new_done` (rated today), and
    `unseen_count` (deck cards the learner has never rated, up to the new-card limit); and its card with the
    card's topic (as `card`, built from the same row: the card to show costs no query of its own).
    """
    deck, params = deck_condition(topic_ids)
    sql = RANKED_SQL.format(
        fields=", ".join(f"s.{name}" for name in STATE_FIELDS),
        deck=deck,
        review=State.Review.value,
        learning=", ".join(str(v) for v in LEARNING),
        only_learning="" if include_reviews else f" AND s.state <> {State.Review.value}",
    )
    params.update(user=user.pk, now=now, day_start=day_start, day_end=day_end, new_per_day=study.new_per_day)
    rows = list(CardState.objects.raw(sql, params))
    if not rows:
        return None
    first = rows[0]
    refs = first.card_refs
    first.card = Flashcard(
        id=first.card_id,
        front=first.card_front,
        back=first.card_back,
        kind=first.card_kind,
        refs=json.loads(refs) if isinstance(refs, str) else refs,
        topic_id=first.card_topic_id,
        retired=False,
        topic=Topic(id=first.card_topic_id, slug=first.topic_slug, name=first.topic_name),
    )
    return first


def build_queue(user, study: StudySettings, now: datetime, *, topic_id: int | None = None) -> Queue:
    """Learning cards due now first, then reviews due today (oldest first), then today's new cards.

    One narrow query (ranked_state) ranks the day's due states and carries the day's counts and the first one's
    card, so its cost does not grow with the backlog; a new card is fetched only when one is to be shown.
    """
    day_start, day_end = study.day_bounds(now)
    topic_ids = deck_topic_ids(study, topic_id)
    first = ranked_state(user, study, now, day_start, day_end, topic_ids)
    if first is not None:
        done = {"reviews": first.reviews_done, "new": first.new_done}
        reviews_left = max(0, study.max_reviews_per_day - done["reviews"])
        if not reviews_left and first.review_count:
            # The daily review cap is reached (rare): learning cards only.
            first = ranked_state(user, study, now, day_start, day_end, topic_ids, include_reviews=False)
    if first is None:
        done = ReviewLog.objects.filter(user=user, reviewed_at__gte=day_start).day_counts()
        reviews_left = max(0, study.max_reviews_per_day - done["reviews"])

    new_left = max(0, study.new_per_day - done["new"])
    new_cards = (
        Flashcard.objects.active()
        .filter(deck_q(topic_ids))
        .filter(~Exists(CardState.objects.filter(user=user, card=OuterRef("pk"))))
        .select_related("topic")
        .only(
            "id",
            "front",
            "back",
            "kind",
            "refs",
            "position",
            "retired",
            "topic",
            "topic__slug",
            "topic__name",
        )
        .annotate(
            # Cards a missed quiz question put first in line come first, still within the daily new-card limit.
            first_in_line=Exists(QueuedNewCard.objects.filter(user=user, card=OuterRef("pk")))
        )
        .order_by("-first_in_line", "position")
    )
    if first is not None:
        # The counts came with the ranked row: list no new card unless one is to be shown.
        new_count = min(new_left, first.unseen_count)
        first_new = new_cards.first() if new_count and first.priority == 2 else None
    else:
        upcoming_new = list(new_cards[:new_left]) if new_left else []
        new_count, first_new = len(upcoming_new), (upcoming_new[0] if upcoming_new else None)

    queue = Queue(
        card=None,
        state=None,
        new=new_count,
        learning=first.learning_count if first else 0,
        review=min(first.review_count, reviews_left) if first else 0,
        user_id=user.pk,
    )
    if first is not None and first.priority < 2:
        queue.card, queue.state = first.card, first
    elif first_new is not None:
        queue.card = first_new
    elif first is not None:
        queue.next_due = first.due  # learning steps still running: back in a few minutes
    else:
        states = CardState.objects.filter(user=user, suspended=False, card__retired=False).filter(
            Q(buried_until__isnull=True) | Q(buried_until__lte=now)
        )
        if topic_ids is not None:
            states = states.filter(card__topic_id__in=topic_ids)
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
