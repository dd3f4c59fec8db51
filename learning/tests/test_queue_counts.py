"""The review queue's counts and first card, against a plain-Python reading of the rules.

build_queue ranks the day's due states in one hand-written SQL query (it is the hot path of every rating);
these tests hold it to the rules on a seeded mix of every case it filters: suspended, buried, retired, due
later, the learner's other decks, another learner's states, and today's reviews against the daily limits.
"""

import random
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import State

from content.models import Topic
from learning.models import CardState, Flashcard, ReviewLog, StudySettings
from learning.queue import build_queue

NOW = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)  # day from 04:00 UTC: starts 11 h ago, ends in 13 h
DAY_START, DAY_END = datetime(2026, 11, 2, 4, tzinfo=UTC), datetime(2026, 11, 3, 4, tzinfo=UTC)
LEARNING = (State.Learning.value, State.Relearning.value)


def topic(slug: str, parent: Topic | None = None) -> Topic:
    return Topic.objects.create(
        slug=slug,
        name=slug.title(),
        category="storage",
        category_name="Storage",
        domain="technology-services",
        section_count=1,
        parent=parent,
    )


@pytest.fixture
def deck(db):
    """Three topics (one a sub-topic of another), 60 cards, a learner's states on most of them, and noise."""
    Flashcard.objects.update(retired=True)  # set the shipped notes' cards aside, if the session holds them
    s3 = topic("test-s3")
    glacier = topic("test-glacier", parent=s3)
    sqs = topic("test-sqs")
    topics = [s3, glacier, sqs]
    cards = Flashcard.objects.bulk_create(
        Flashcard(
            key=f"q-{i}",
            topic=topics[i % 3],
            kind="definition",
            front=f"Front {i}?",
            back=f"Back {i}.",
            refs=[["notes", 1, i + 1]],
            position=i,
            retired=i % 11 == 10,
        )
        for i in range(60)
    )
    return {"s3": s3, "glacier": glacier, "sqs": sqs, "cards": cards}


def scatter(learner, other, cards, rng: random.Random) -> None:
    """States of every kind on two thirds of the cards, for the learner and for someone else."""
    for card in cards:
        if rng.random() < 0.5:
            CardState.objects.create(user=other, card=card, state=State.Learning.value, step=0, due=NOW)
        if rng.random() < 0.33:
            continue  # new to the learner
        state = rng.choice([State.Learning.value, State.Relearning.value, State.Review.value, State.Review.value])
        due = NOW + timedelta(hours=rng.choice([-30, -2, -0.1, 0.2, 5, 12.9, 13.1, 40]))
        CardState.objects.create(
            user=learner,
            card=card,
            state=state,
            step=None if state == State.Review.value else 0,
            stability=3,
            difficulty=5,
            due=due,
            reps=rng.randint(1, 9),
            suspended=rng.random() < 0.1,
            buried_until=rng.choice([None, None, None, NOW + timedelta(hours=3), NOW - timedelta(hours=1)]),
        )


def log(user, card, before_state: int | None, at: datetime) -> None:
    before = None if before_state is None else {"state": before_state, "reps": 1}
    ReviewLog.objects.create(
        user=user,
        card=card,
        rating=3,
        reviewed_at=at,
        token=f"t{ReviewLog.objects.count()}",
        state_before=before,
        state_after={"state": State.Review.value, "reps": 2},
    )


def expected(learner, study: StudySettings, topic_ids: set | None):
    """The queue by the rules, in Python: (new, learning, review, first card id or None)."""
    in_deck = [
        c
        for c in Flashcard.objects.filter(retired=False).order_by("position")
        if topic_ids is None or c.topic_id in topic_ids
    ]
    deck_ids = {c.pk for c in in_deck}
    states = [s for s in CardState.objects.filter(user=learner) if s.card_id in deck_ids]
    seen = {s.card_id for s in CardState.objects.filter(user=learner)}
    due = [s for s in states if not s.suspended and not (s.buried_until and s.buried_until > NOW) and s.due < DAY_END]
    today = list(ReviewLog.objects.filter(user=learner, reviewed_at__gte=DAY_START))
    reviews_done = sum(1 for r in today if r.state_before and r.state_before["state"] == State.Review.value)
    new_done = sum(1 for r in today if r.state_before is None)
    reviews_left = max(0, study.max_reviews_per_day - reviews_done)
    new_left = max(0, study.new_per_day - new_done)
    unseen = [c for c in in_deck if c.pk not in seen]
    learning = [s for s in due if s.state in LEARNING]
    reviews = [s for s in due if s.state == State.Review.value]
    first = sorted((s for s in learning if s.due <= NOW), key=lambda s: (s.due, s.pk)) + (
        sorted(reviews, key=lambda s: (s.due, s.pk)) if reviews_left else []
    )
    new = min(new_left, len(unseen))
    card = first[0].card_id if first else (unseen[0].pk if new else None)
    return new, len(learning), min(len(reviews), reviews_left), card


def actual(learner, study, topic_id=None):
    queue = build_queue(learner, study, NOW, topic_id=topic_id)
    return queue.new, queue.learning, queue.review, queue.card.pk if queue.card else None


@pytest.mark.parametrize("seed", range(6))
def test_counts_and_first_card_follow_the_rules_for_every_deck(deck, learner, outsider, seed):
    rng = random.Random(seed)
    scatter(learner, outsider, deck["cards"], rng)
    for i in range(rng.randint(0, 8)):  # some of today's ratings, one of yesterday's, and someone else's
        log(
            learner,
            deck["cards"][i],
            rng.choice([None, State.Review.value, State.Learning.value]),
            NOW - timedelta(hours=rng.uniform(0, 10)),
        )
    for i in range(20, 26):  # yesterday's ratings count towards nothing today
        log(learner, deck["cards"][i], None if i % 2 else State.Review.value, DAY_START - timedelta(minutes=5))
    log(outsider, deck["cards"][21], None, NOW)
    study = StudySettings.for_user(learner)
    study.new_per_day, study.max_reviews_per_day = [(0, 200), (3, 200), (20, 2), (20, 0), (50, 5000), (5, 4)][seed]
    study.save()
    s3, glacier, sqs = deck["s3"], deck["glacier"], deck["sqs"]

    assert actual(learner, study) == expected(learner, study, None)
    # One topic from the review page: the topic and its sub-topics.
    assert actual(learner, study, s3.pk) == expected(learner, study, {s3.pk, glacier.pk})
    assert actual(learner, study, sqs.pk) == expected(learner, study, {sqs.pk})
    # The deck from the settings page: exactly the ticked topics.
    study.deck_topics = [s3.pk, sqs.pk]
    assert actual(learner, study) == expected(learner, study, {s3.pk, sqs.pk})
    study.deck_topics = [glacier.pk]
    assert actual(learner, study) == expected(learner, study, {glacier.pk})


def test_with_the_review_limit_reached_learning_cards_still_come(deck, learner):
    cards = deck["cards"]
    CardState.objects.create(
        user=learner,
        card=cards[0],
        state=State.Review.value,
        stability=3,
        difficulty=5,
        due=NOW - timedelta(days=1),
        reps=3,
    )
    CardState.objects.create(
        user=learner,
        card=cards[1],
        state=State.Relearning.value,
        step=0,
        stability=3,
        difficulty=5,
        due=NOW - timedelta(minutes=1),
        reps=4,
    )
    log(learner, cards[2], State.Review.value, NOW - timedelta(hours=1))
    study = StudySettings.for_user(learner)
    study.max_reviews_per_day, study.new_per_day = 1, 0
    queue = build_queue(learner, study, NOW)
    assert (queue.card, queue.learning, queue.review, queue.new) == (cards[1], 1, 0, 0)
    study.max_reviews_per_day = 2  # yesterday's reviews do not count against today's limit
    for card in cards[3:6]:
        log(learner, card, State.Review.value, DAY_START - timedelta(seconds=1))
    assert build_queue(learner, study, NOW).review == 1
    study.max_reviews_per_day = 1
    CardState.objects.filter(card=cards[1]).update(due=NOW + timedelta(hours=2))
    queue = build_queue(learner, study, NOW)
    assert queue.card is None and queue.next_due == NOW + timedelta(hours=2)  # back when the step ends


# Each boundary, pinned (a review of the SQL found six wrong queries the seeded test above let pass).
REVIEW, RELEARNING = State.Review.value, State.Relearning.value


def state(user, card, kind, due, **kw):
    return CardState.objects.create(
        user=user,
        card=card,
        state=kind,
        step=None if kind == REVIEW else 0,
        stability=3,
        difficulty=5,
        due=due,
        reps=2,
        **kw,
    )


@pytest.fixture
def study(learner):
    study = StudySettings.for_user(learner)
    study.new_per_day, study.max_reviews_per_day = 0, 200
    return study


def test_a_learning_card_due_exactly_now_comes_before_reviews(deck, learner, study):
    cards = deck["cards"]
    state(learner, cards[0], REVIEW, NOW - timedelta(days=2))
    state(learner, cards[1], State.Learning.value, NOW)
    assert build_queue(learner, study, NOW).card == cards[1]


def test_a_card_due_exactly_at_the_day_end_is_tomorrows(deck, learner, study):
    state(learner, deck["cards"][0], REVIEW, DAY_END)
    state(learner, deck["cards"][1], State.Learning.value, DAY_END)
    queue = build_queue(learner, study, NOW)
    assert (queue.card, queue.review, queue.learning, queue.next_due) == (None, 0, 0, DAY_END)


def test_a_card_buried_until_exactly_now_is_back(deck, learner, study):
    state(learner, deck["cards"][0], REVIEW, NOW - timedelta(days=1), buried_until=NOW)
    assert build_queue(learner, study, NOW).card == deck["cards"][0]


def test_a_rating_exactly_at_the_day_start_counts_today(deck, learner, study):
    cards = deck["cards"]
    state(learner, cards[0], REVIEW, NOW - timedelta(days=1))
    log(learner, cards[5], REVIEW, DAY_START)
    study.max_reviews_per_day = 1
    assert build_queue(learner, study, NOW).review == 0


def test_only_the_learners_own_reviews_of_review_cards_count(deck, learner, outsider, study):
    cards = deck["cards"]
    state(learner, cards[0], REVIEW, NOW - timedelta(days=1))
    log(outsider, cards[5], REVIEW, NOW - timedelta(hours=1))  # someone else's review
    log(learner, cards[6], RELEARNING, NOW - timedelta(hours=1))  # a relearning step is no review
    log(learner, cards[7], State.Learning.value, NOW - timedelta(hours=1))
    study.max_reviews_per_day = 1
    queue = build_queue(learner, study, NOW)
    assert (queue.card, queue.review) == (cards[0], 1)


def test_a_null_or_a_vanished_topic_in_the_deck_is_ignored(deck, learner, study):
    study.new_per_day = 50
    study.deck_topics = [deck["sqs"].pk, None, 999999]  # hand-edited data: what the ORM query gave
    queue = build_queue(learner, study, NOW)
    sqs_cards = [c for c in deck["cards"] if c.topic_id == deck["sqs"].pk and not c.retired]
    assert (queue.card, queue.new) == (sqs_cards[0], len(sqs_cards))


def test_when_nothing_is_due_the_next_due_card_comes_from_the_same_deck(deck, learner, study):
    """The ranked SQL and the ORM that finds the next due card read one list of topic ids (deck_topic_ids)."""
    s3, glacier, sqs = deck["s3"], deck["glacier"], deck["sqs"]
    cards = {t.pk: [c for c in deck["cards"] if c.topic_id == t.pk and not c.retired] for t in (s3, glacier, sqs)}
    study.new_per_day = 0
    for topic_pk, days in ((sqs.pk, 2), (glacier.pk, 3), (s3.pk, 4)):
        CardState.objects.create(
            user=learner,
            card=cards[topic_pk][0],
            state=State.Review.value,
            stability=3,
            difficulty=5,
            due=NOW + timedelta(days=days),
            reps=2,
        )
    assert build_queue(learner, study, NOW).next_due == NOW + timedelta(days=2)  # every topic: SQS first
    # S3 from the review page: its sub-topic Glacier counts, SQS does not.
    assert build_queue(learner, study, NOW, topic_id=s3.pk).next_due == NOW + timedelta(days=3)
    study.deck_topics = [s3.pk]  # ticked on the settings page: exactly S3
    assert build_queue(learner, study, NOW).next_due == NOW + timedelta(days=4)
    study.deck_topics = [None]  # a null ticks nothing
    queue = build_queue(learner, study, NOW)
    assert queue.card is None and queue.next_due is None
