"""A learner's progress in figures: today, reviews per day, forecast, retention, card counts, mastery, readiness.

Every figure comes from a handful of SQL aggregates (one over the deck's cards and the learner's states, which
also gives their due dates, one over their study days' totals, one over their quiz answers, one over their exams);
Python only adds up the aggregated rows (a few hundred at most) into the dashboard's shapes.

A "study day" is the learner's day: it starts at their day-start hour (4 am) in their time zone, so a review at
02:00 local time counts for the day before, as in Anki.
"""

from __future__ import annotations

import functools
import zoneinfo
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.db import connection, transaction
from django.utils.dateparse import parse_datetime
from fsrs import Scheduler, State

from content.models import DOMAINS
from learning.models import StudySettings
from learning.queue import deck_sql
from quizzes.models import DOMAIN_WEIGHTS, PASSING_SCALED_SCORE

HEATMAP_DAYS = 365
FORECAST_DAYS = 30
RETENTION_WINDOWS = (("Last 7 days", 7), ("Last 30 days", 30), ("All time", None))
MATURE_DAYS = 21  # Anki: a review card with an interval of 21 days or more is mature
RECENT_QUIZ_DAYS = 30  # readiness reads quiz answers from this many days back
QUIZ_FULL_WEIGHT_AT = 10  # answers in a domain (or topic) before quiz accuracy counts for its full half
NEXT_TOPICS = 3

# FSRS-6 retrievability, as fsrs.Scheduler.get_card_retrievability computes it (whole days since the last review).
_DEFAULT = Scheduler()
DECAY = -_DEFAULT.parameters[20]
FACTOR = 0.9 ** (1 / DECAY) - 1

REVIEW, LEARNING, RELEARNING = State.Review.value, State.Learning.value, State.Relearning.value

# The few expressions the two databases spell differently. `{x}` is a timestamp column or parameter.
VENDOR = {
    "postgresql": {
        # The study day: local wall-clock time less the day-start hour, as a date.
        "study_day": "CAST(({x} AT TIME ZONE %(tz)s) - %(day_start_hour)s * INTERVAL '1 hour' AS date)",
        # date_part gives float8 (EXTRACT gives numeric, slower to compute with): all the precision a share needs.
        "days_since": "FLOOR(date_part('epoch', %(now)s - {x}) / 86400)",
        # A review card is mature from an interval of MATURE_DAYS on (whole hours: no time-zone arithmetic).
        "mature": "s.due >= s.last_review + %(mature_hours)s * INTERVAL '1 hour'",
        "greatest": "GREATEST",
        # The study day of a timestamp `{x}` as days from today: which of the next study days' starts (a sorted
        # array, today's own excluded) it has reached. Overdue counts as today. A binary search per card instead of
        # a time-zone conversion.
        "due_day": "width_bucket({x}, CAST(%(day_starts)s AS timestamptz[]))",
        "list": "array_agg",
    },
    "sqlite": {
        # django_datetime_trunc is the function Django registers on SQLite for time-zone-aware truncation.
        "study_day": "date(django_datetime_trunc('second', {x}, %(tz)s, 'UTC'), %(day_shift)s)",
        "days_since": "((strftime('%%s', %(now)s) - strftime('%%s', {x})) / 86400)",
        "mature": "(strftime('%%s', s.due) - strftime('%%s', s.last_review)) >= %(mature_hours)s * 3600",
        "greatest": "MAX",
        "due_day": "MAX(0, CAST(julianday(date(django_datetime_trunc('second', {x}, %(tz)s, 'UTC'), %(day_shift)s)) "
        "- julianday(%(today)s) AS INTEGER))",
        "list": "group_concat",
    },
}


def spelled(name: str, x: str = "") -> str:
    return VENDOR[connection.vendor][name].format(x=x)


# Per topic: the deck's active cards (from an index of the flashcards), and the learner's states added up on their
# own (each state holds its card's topic, which the database keeps right: no join of the deck with the states),
# less those on retired cards (found through a partial index that holds only those). A card is new unless the
# learner has a state on it that was reviewed or suspended. FILTER rather than SUM(CASE): this runs over every state
# on every look. The same scan gives the forecast and what is due today: of the unsuspended cards due before the
# forecast's horizon, each seen card's study day as days from today (a list per topic, at most one entry per card,
# counted per day in Python; overdue cards are due today, day 0), and the learning steps due now and later today and the
# review cards due by the end of today. Buried cards wait for their day.
CARDS_SQL = """
SELECT t.slug, t.name, t.domain, deck.topic_id, deck.cards, deck.cards - COALESCE(s.not_new, 0) AS new, s.*
  FROM (SELECT c.topic_id, COUNT(*) AS cards
          FROM learning_flashcard c
         WHERE NOT c.retired{deck}
         GROUP BY c.topic_id) AS deck
  JOIN content_topic t ON t.id = deck.topic_id
  LEFT JOIN
       (SELECT s.topic_id AS state_topic_id,
               COUNT(*) FILTER (WHERE s.reps > 0 OR s.suspended) AS not_new,
               COUNT(*) FILTER (WHERE s.reps > 0) AS seen,
               SUM(POWER(1 + {factor} * {greatest}(0, {days_since}) / s.stability, {decay}))
                   FILTER (WHERE s.reps > 0 AND s.stability > 0 AND s.last_review IS NOT NULL) AS recall,
               COUNT(*) FILTER (WHERE s.leech) AS leeches,
               COUNT(*) FILTER (WHERE s.suspended AND NOT s.leech) AS suspended,
               COUNT(*) FILTER (WHERE {studied} AND s.state IN ({learning})) AS learning,
               COUNT(*) FILTER (WHERE {studied} AND s.state = {review} AND NOT {mature}) AS young,
               COUNT(*) FILTER (WHERE {studied} AND s.state = {review} AND {mature}) AS mature,
               {list}({due_day}) FILTER (WHERE {due_soon} AND s.reps > 0) AS due_days,
               COUNT(*) FILTER (WHERE {due_soon} AND {unburied} AND s.state IN ({learning})
                                AND s.due <= %(now)s) AS learning_now,
               COUNT(*) FILTER (WHERE {due_soon} AND {unburied} AND s.state IN ({learning}) AND s.due > %(now)s
                                AND s.due < %(day_end)s) AS learning_later,
               COUNT(*) FILTER (WHERE {due_soon} AND {unburied} AND s.state = {review}
                                AND s.due < %(day_end)s) AS review_due
          FROM learning_cardstate s
         WHERE s.user_id = %(user)s
           AND NOT EXISTS (SELECT 1 FROM learning_flashcard r WHERE r.id = s.card_id AND r.retired)
         GROUP BY s.topic_id) AS s ON s.state_topic_id = deck.topic_id
"""

# Per study day: reviews, new cards introduced, reviews of review-state cards (the daily review limit), and for
# true retention the review-state cards answered on their first review of that day, and how many of those passed.
# A review is its card's first of the day when the card's previous rating fell on an earlier study day. The
# dashboard reads these from ReviewDay, kept as ratings are written (learning.models.ReviewDay.figures applies the
# same rules to one review); this recounts them from the log, reading only the index reviewlog_user_day_stats.
LOG_DAYS_SQL = """
SELECT day, COUNT(*) AS reviews,
       SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END) AS again,
       SUM(CASE WHEN before_state IS NULL THEN 1 ELSE 0 END) AS introduced,
       SUM(CASE WHEN before_state = {review} THEN 1 ELSE 0 END) AS review_state,
       SUM(CASE WHEN before_state = {review} AND first_of_day THEN 1 ELSE 0 END) AS first_reviews,
       SUM(CASE WHEN before_state = {review} AND first_of_day AND rating > 1 THEN 1 ELSE 0 END) AS passed
  FROM (SELECT {day} AS day, l.rating, l.before_state,
               (l.previous_review IS NULL OR {previous_day} < {day}) AS first_of_day
          FROM learning_reviewlog l WHERE l.user_id = %(user)s) AS logs
 GROUP BY day
"""

REVIEW_DAYS_SQL = """
SELECT day, reviews, introduced, review_state, first_reviews, passed,
       (time_zone = %(tz)s AND day_starts_hour = %(day_start_hour)s) AS under_current_settings
  FROM learning_reviewday WHERE user_id = %(user)s AND reviews > 0
"""

RECOUNT_SQL = """
INSERT INTO learning_reviewday (user_id, day, time_zone, day_starts_hour, reviews, again, introduced, review_state,
                                first_reviews, passed)
SELECT %(user)s, day, %(tz)s, %(day_start_hour)s, reviews, again, introduced, review_state, first_reviews, passed
  FROM ({logs}) AS days
"""

# Quiz answers per topic and exam domain, over the active questions: all time for a topic's accuracy, the last
# RECENT_QUIZ_DAYS for readiness. An exam's answers count once it is submitted (before that they may change).
# Answers are added up per question before the join, so the outer join meets one row per question.
QUIZ_SQL = """
SELECT q.topic_id, t.slug, t.name, q.domain,
       COUNT(*) AS questions,
       COALESCE(SUM(r.answered), 0) AS answered,
       COALESCE(SUM(r.right_answers), 0) AS right_answers,
       COALESCE(SUM(r.answered_recent), 0) AS answered_recent,
       COALESCE(SUM(r.right_recent), 0) AS right_recent
  FROM quizzes_question q
  JOIN content_topic t ON t.id = q.topic_id
  LEFT JOIN (SELECT r.question_id, COUNT(*) AS answered,
                    COUNT(*) FILTER (WHERE r.correct) AS right_answers,
                    COUNT(*) FILTER (WHERE r.answered_at >= %(recent)s) AS answered_recent,
                    COUNT(*) FILTER (WHERE r.answered_at >= %(recent)s AND r.correct) AS right_recent
               FROM quizzes_response r JOIN quizzes_attempt a ON a.id = r.attempt_id
              WHERE a.user_id = %(user)s AND r.answered_at IS NOT NULL
                AND (a.mode <> 'exam' OR a.submitted_at IS NOT NULL)
              GROUP BY r.question_id) r ON r.question_id = q.id
 WHERE NOT q.retired
 GROUP BY q.topic_id, t.slug, t.name, q.domain
"""


# The learner's scored practice exams, oldest first (an exam is scored when it is submitted).
EXAMS_SQL = """
SELECT submitted_at, scaled_score FROM quizzes_attempt
 WHERE user_id = %(user)s AND mode = 'exam' AND submitted_at IS NOT NULL AND scaled_score IS NOT NULL
 ORDER BY submitted_at
"""


def share(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def blend(recall: float | None, right: int, answered: int) -> float:
    """Card recall and quiz accuracy in one figure: quizzes weigh up to half, in full from QUIZ_FULL_WEIGHT_AT
    answers on, proportionally less before (three lucky answers should not outweigh a hundred cards). With no
    cards (recall None) the answers are all there is to go on."""
    if not answered:
        return recall or 0.0
    if recall is None:
        return right / answered
    weight = 0.5 * min(1.0, answered / QUIZ_FULL_WEIGHT_AT)
    return (1 - weight) * recall + weight * right / answered


@dataclass
class Today:
    due_now: int  # learning cards due now and review cards due today (up to the daily review limit)
    later_today: int  # learning steps that come due later today
    new_left: int  # new cards still to introduce today (the daily limit, or fewer if the deck runs out)
    reviewed: int  # ratings given today
    streak: int  # study days in a row with a review, up to today (or yesterday, if today has none yet)
    streak_includes_today: bool


@dataclass
class DayCount:
    day: date
    count: int


@dataclass
class Retention:
    label: str
    days: int | None
    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        return share(self.passed, self.total)


@dataclass
class TopicProgress:
    """One topic: its deck cards and the learner's recall of them, and their answers to its questions."""

    topic_id: int
    slug: str
    name: str
    domain: str
    cards: int = 0
    seen: int = 0
    recall_sum: float = 0.0  # sum of retrievability over the reviewed cards
    questions: int = 0
    answered: int = 0
    right: int = 0

    @property
    def mean_recall(self) -> float | None:
        """Mean predicted recall now of the cards reviewed at least once."""
        return share(self.recall_sum, self.seen)

    @property
    def seen_share(self) -> float | None:
        return share(self.seen, self.cards)

    @property
    def accuracy(self) -> float | None:
        return share(self.right, self.answered)

    @property
    def strength(self) -> float:
        """Expected recall over all its cards (unseen ones count as forgotten), blended with quiz accuracy."""
        return blend(share(self.recall_sum, self.cards), self.right, self.answered)

    @property
    def started(self) -> bool:
        return bool(self.seen or self.answered)


@dataclass
class DomainReadiness:
    key: str
    name: str
    weight: float  # its share of the exam
    cards: int = 0
    seen: int = 0
    recall_sum: float = 0.0
    answered: int = 0  # in the last RECENT_QUIZ_DAYS
    right: int = 0
    next_topics: list[TopicProgress] = field(default_factory=list)

    @property
    def card_recall(self) -> float:
        """Expected share of the domain's cards recalled now, unseen cards counting as forgotten."""
        return share(self.recall_sum, self.cards) or 0.0

    @property
    def accuracy(self) -> float | None:
        return share(self.right, self.answered)

    @property
    def readiness(self) -> float:
        return blend(share(self.recall_sum, self.cards), self.right, self.answered)


@dataclass
class ExamScore:
    submitted_at: datetime
    scaled_score: int

    @property
    def passed(self) -> bool:
        return self.scaled_score >= PASSING_SCALED_SCORE


@dataclass
class Progress:
    today: Today
    heatmap: list[DayCount]  # HEATMAP_DAYS study days, oldest first, ending today
    forecast: list[DayCount]  # FORECAST_DAYS study days from today (today includes overdue cards)
    retention: list[Retention]
    desired_retention: float
    counts: dict[str, int]  # new, learning, young, mature, suspended, leeches
    topics: list[TopicProgress]  # every deck topic with cards or questions, weakest first
    domains: list[DomainReadiness]
    exams: list[ExamScore]
    total_reviews: int
    also: list[list[dict]] = field(default_factory=list)  # the rows of each of learner_progress's `also` queries

    @property
    def readiness(self) -> float:
        """The domains' readiness weighted like the exam."""
        return sum(domain.weight * domain.readiness for domain in self.domains)

    @property
    def started_topics(self) -> list[TopicProgress]:
        return [topic for topic in self.topics if topic.started]

    @property
    def cards_total(self) -> int:
        return sum(self.counts.values())

    @property
    def cards_seen(self) -> int:
        return sum(topic.seen for topic in self.topics)

    @property
    def answered_recent(self) -> int:
        return sum(domain.answered for domain in self.domains)

    @property
    def is_empty(self) -> bool:
        return not self.total_reviews and not self.exams and not any(topic.answered for topic in self.topics)


def study_day(moment: datetime, study: StudySettings) -> date:
    """The learner's study day of a moment (as the SQL's study_day expression computes it)."""
    return study.study_day(moment)


def day_start(day: date, study: StudySettings) -> datetime:
    """When a study day begins, as an aware datetime."""
    zone = zoneinfo.ZoneInfo(study.time_zone)
    return datetime(day.year, day.month, day.day, study.day_starts_hour, tzinfo=zone)


def as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def fetch(sql: str, params: dict) -> list[dict]:
    return fetch_many([sql], params)[0]


def fetch_many(queries: list[str], params: dict) -> list[list[dict]]:
    """The rows of several SELECTs sharing one set of parameters. On PostgreSQL they go in one round trip: Django's
    psycopg cursor binds parameters on the client, which lets one execute carry statements separated by semicolons
    and returns a result set for each (on a busy machine each round trip waits its turn for the CPU twice)."""
    results = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(";\n".join(map(compact, queries)), params)
            more = True
            while more:
                results.append(rows_of(cursor))
                more = cursor.nextset()
        else:
            for sql in queries:
                cursor.execute(sql, params)
                results.append(rows_of(cursor))
    return results


@functools.lru_cache(maxsize=64)
def compact(sql: str) -> str:
    """A statement on one line (none of ours holds a comment or spaces in a literal): psycopg keeps what it learns
    of a query's placeholders for queries up to 4 kB, and the dashboard's six statements fit when compacted."""
    return sql if "--" in sql else " ".join(sql.split())


def rows_of(cursor) -> list[dict]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def as_datetime(value) -> datetime:
    """A timestamp column's value: SQLite gives a string of UTC wall-clock time."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def learner_progress(user, study: StudySettings, now: datetime, also: tuple[tuple[str, dict], ...] = ()) -> Progress:
    """Everything the dashboard shows, in four queries sent together (and a recount once after the learner moves
    their day). `also`: more queries and their parameters, sent in the same round trip (the dashboard's
    assignments due soon and the header's role); their rows come back as Progress.also, a list per query. A
    parameter may share a name only for the same value."""
    ops = connection.ops
    today = study_day(now, study)
    deck, deck_params = deck_sql(study, None)
    params = {
        **deck_params,
        "user": user.pk,
        "now": ops.adapt_datetimefield_value(now),
        "day_end": ops.adapt_datetimefield_value(study.day_bounds(now)[1]),
        "tz": study.time_zone,
        "day_start_hour": study.day_starts_hour,
        "day_shift": f"-{study.day_starts_hour} hours",
        "today": today.isoformat(),
        "horizon": ops.adapt_datetimefield_value(day_start(today + timedelta(days=FORECAST_DAYS), study)),
        "recent": ops.adapt_datetimefield_value(now - timedelta(days=RECENT_QUIZ_DAYS)),
        "mature_hours": MATURE_DAYS * 24,
    }
    if connection.vendor == "postgresql":
        # As one array literal: binding a list of datetimes costs three times as much.
        params["day_starts"] = (
            "{"
            + ",".join(day_start(today + timedelta(days=n), study).isoformat() for n in range(1, FORECAST_DAYS))
            + "}"
        )
    learning = ", ".join(str(value) for value in (LEARNING, RELEARNING))
    also_params = {}
    for _sql, more in also:
        if any(name in params | also_params and (params | also_params)[name] != value for name, value in more.items()):
            raise ValueError("a parameter of a query sent along has a name the other queries use otherwise")
        also_params |= more

    card_rows, day_rows, quiz_rows, exam_rows, *also_rows = fetch_many(
        [
            CARDS_SQL.format(
                factor=repr(FACTOR),
                decay=repr(DECAY),
                greatest=spelled("greatest"),
                days_since=spelled("days_since", "s.last_review"),
                mature=spelled("mature"),
                learning=learning,
                review=REVIEW,
                deck=deck,
                studied="(s.reps > 0 AND NOT s.suspended)",
                list=spelled("list"),
                due_day=spelled("due_day", "s.due"),
                due_soon="(NOT s.suspended AND s.due < %(horizon)s)",
                unburied="(s.buried_until IS NULL OR s.buried_until <= %(now)s)",
            ),
            REVIEW_DAYS_SQL,
            QUIZ_SQL,
            EXAMS_SQL,
            *(sql for sql, _params in also),
        ],
        {**params, **also_params},
    )
    days = review_days(user, study, params, day_rows)
    exams = [ExamScore(as_datetime(row["submitted_at"]), row["scaled_score"]) for row in exam_rows]

    topics = topic_progress(card_rows, quiz_rows)
    return Progress(
        today=today_figures(study, today, card_rows, days),
        heatmap=heatmap_days(today, days),
        forecast=forecast(today, card_rows),
        retention=retention_windows(today, days),
        desired_retention=study.desired_retention,
        counts={
            name: sum(int(row[name] or 0) for row in card_rows)
            for name in ("new", "learning", "young", "mature", "suspended", "leeches")
        },
        topics=topics,
        domains=domain_readiness(topics, quiz_rows),
        exams=exams,
        total_reviews=sum(row["reviews"] for row in days.values()),
        also=also_rows,
    )


def review_days(user, study: StudySettings, params: dict, rows: list[dict]) -> dict[date, dict]:
    """The learner's study days with reviews, from their running totals (ReviewDay: a row a day, kept as each
    rating is written or undone; `rows` as REVIEW_DAYS_SQL read them). Rows counted under other day settings (the
    learner has moved their day since) are recounted from the review log first."""
    if not all(row["under_current_settings"] for row in rows):
        recount_review_days(user.pk, study.time_zone, study.day_starts_hour)
        rows = fetch(REVIEW_DAYS_SQL, params)
    return {as_date(row["day"]): row for row in rows}


def recount_review_days(user_id: int, time_zone: str, day_starts_hour: int) -> None:
    """Rebuild a learner's ReviewDay rows from their review log (after bulk writes, or a change of day settings)."""
    params = {
        "user": user_id,
        "tz": time_zone,
        "day_start_hour": day_starts_hour,
        "day_shift": f"-{day_starts_hour} hours",
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM learning_reviewday WHERE user_id = %(user)s", params)
        cursor.execute(
            RECOUNT_SQL.format(
                logs=LOG_DAYS_SQL.format(
                    day=spelled("study_day", "l.reviewed_at"),
                    previous_day=spelled("study_day", "l.previous_review"),
                    review=REVIEW,
                )
            ),
            params,
        )


def today_figures(study: StudySettings, today: date, card_rows: list[dict], days: dict) -> Today:
    done = days.get(today, {})
    total = {
        name: sum(int(row[name] or 0) for row in card_rows)
        for name in ("learning_now", "learning_later", "review_due", "new")
    }
    reviews_left = max(0, study.max_reviews_per_day - int(done.get("review_state") or 0))
    new_left = max(0, study.new_per_day - int(done.get("introduced") or 0))
    studied = {day.toordinal() for day in days}
    streak_from = today.toordinal() - (today not in days)
    streak = 0
    while streak_from - streak in studied:
        streak += 1
    return Today(
        due_now=total["learning_now"] + min(total["review_due"], reviews_left),
        later_today=total["learning_later"],
        new_left=min(new_left, total["new"]),
        reviewed=int(done.get("reviews") or 0),
        streak=streak,
        streak_includes_today=today in days,
    )


def forecast(today: date, card_rows: list[dict]) -> list[DayCount]:
    """Cards due per study day from today, from each topic's list of due days (days from today, overdue as 0)."""
    per_day = Counter()
    for row in card_rows:
        offsets = row["due_days"]
        if isinstance(offsets, str):  # SQLite's group_concat
            offsets = [int(n) for n in offsets.split(",")]
        per_day.update(offsets or ())
    return [DayCount(today + timedelta(days=n), per_day[n]) for n in range(FORECAST_DAYS)]


def retention_windows(today: date, days: dict) -> list[Retention]:
    """True retention over each of RETENTION_WINDOWS, in one pass over the study days."""
    windows = [
        (Retention(label, window, 0, 0), today - timedelta(days=window - 1) if window else date.min)
        for label, window in RETENTION_WINDOWS
    ]
    for day, row in days.items():
        passed, total = int(row["passed"] or 0), int(row["first_reviews"] or 0)
        for figures, since in windows:
            if day >= since:
                figures.passed += passed
                figures.total += total
    return [figures for figures, _since in windows]


def heatmap_days(today: date, days: dict) -> list[DayCount]:
    """Reviews per study day over the HEATMAP_DAYS up to today, oldest first (days without reviews count 0)."""
    last = today.toordinal()
    cells = []
    for day in map(date.fromordinal, range(last - HEATMAP_DAYS + 1, last + 1)):
        row = days.get(day)
        cells.append(DayCount(day, row["reviews"] if row else 0))
    return cells


def topic_progress(card_rows: list[dict], quiz_rows: list[dict]) -> list[TopicProgress]:
    topics: dict[int, TopicProgress] = {}
    for row in card_rows:
        topics[row["topic_id"]] = TopicProgress(
            row["topic_id"],
            row["slug"],
            row["name"],
            row["domain"],
            cards=row["cards"],
            seen=int(row["seen"] or 0),
            recall_sum=float(row["recall"] or 0.0),
        )
    for row in quiz_rows:
        topic = topics.setdefault(
            row["topic_id"], TopicProgress(row["topic_id"], row["slug"], row["name"], row["domain"])
        )
        topic.questions += row["questions"]
        topic.answered += int(row["answered"] or 0)
        topic.right += int(row["right_answers"] or 0)
    return sorted(topics.values(), key=lambda t: (t.strength, t.name))


def domain_readiness(topics: list[TopicProgress], quiz_rows: list[dict]) -> list[DomainReadiness]:
    """Readiness per exam domain: its topics' cards (by topic domain) and recent answers (by question domain)."""
    domains = {key: DomainReadiness(key, DOMAINS[key], weight) for key, weight in DOMAIN_WEIGHTS.items()}
    for topic in topics:
        domain = domains.get(topic.domain)
        if domain is not None:
            domain.cards += topic.cards
            domain.seen += topic.seen
            domain.recall_sum += topic.recall_sum
            if len(domain.next_topics) < NEXT_TOPICS and (topic.cards or topic.questions):
                domain.next_topics.append(topic)  # topics are weakest first
    for row in quiz_rows:
        domain = domains.get(row["domain"])
        if domain is not None:
            domain.answered += int(row["answered_recent"] or 0)
            domain.right += int(row["right_recent"] or 0)
    return list(domains.values())
