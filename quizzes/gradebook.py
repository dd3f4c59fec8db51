"""What instructors read: an assignment's gradebook, item analysis of its questions (and of the whole bank), and
a class's progress. Each is a fixed number of queries whatever the class size; the sums are plain Python."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Q

from learning.models import CardState, ReviewLog
from quizzes.assignments import IN_PROGRESS, LATE, MISSING, NOT_STARTED, SUBMITTED, Standing
from quizzes.attempts import close_if_expired
from quizzes.models import Assignment, Attempt, Choice, Cohort, Membership, Question, Response

UPPER_LOWER_SHARE = 0.27  # Kelley's 27%: the top and bottom groups by total score
LOW_DISCRIMINATION = 0.2
TOO_EASY = 0.95
TOO_HARD = 0.2
FEWEST_FOR_FLAGS = 5  # with fewer answers the figures are noise: shown, never flagged
STATUS_ORDER = {SUBMITTED: 0, LATE: 1, IN_PROGRESS: 2, NOT_STARTED: 3, MISSING: 4}


# Gradebook


@dataclass
class GradeRow:
    user: object
    cohort: Cohort
    standing: Standing

    @property
    def status(self) -> str:
        return self.standing.status

    @property
    def graded(self) -> Attempt | None:
        return self.standing.graded

    @property
    def score(self) -> float | None:
        graded = self.graded
        return graded.score if graded else None

    @property
    def percent(self) -> int | None:
        return None if self.score is None else round(100 * self.score)

    @property
    def right(self) -> int | None:
        graded = self.graded
        return None if graded is None else round((graded.score or 0) * self.standing.assignment.question_count)

    @property
    def submitted_at(self) -> datetime | None:
        graded = self.graded
        return graded.submitted_at if graded else None

    @property
    def is_late(self) -> bool:
        return self.status == LATE

    @property
    def time_taken(self) -> timedelta | None:
        return self.standing.time_taken

    @property
    def attempts_used(self) -> int:
        return len(self.standing.attempts)


@dataclass
class Spread:
    count: int
    mean: float | None = None
    median: float | None = None
    stdev: float | None = None
    low: float | None = None
    high: float | None = None


def spread(scores: list[float]) -> Spread:
    """Mean, median, population standard deviation and range of the scores, as percentages."""
    if not scores:
        return Spread(0)
    percents = [100 * s for s in scores]
    return Spread(
        len(percents),
        statistics.fmean(percents),
        statistics.median(percents),
        statistics.pstdev(percents),
        min(percents),
        max(percents),
    )


SORTS = {
    "name": lambda r: r.user.username.lower(),
    "class": lambda r: (r.cohort.name.lower(), r.user.username.lower()),
    "status": lambda r: (STATUS_ORDER[r.status], r.user.username.lower()),
    "score": lambda r: (r.score is None, r.score or 0.0, r.user.username.lower()),
    "submitted": lambda r: (r.submitted_at is None, r.submitted_at or datetime.min, r.user.username.lower()),
    "time": lambda r: (r.time_taken is None, r.time_taken or timedelta(0), r.user.username.lower()),
}


def parse_sort(value: str) -> tuple[str, bool]:
    """`score` ascending, `-score` descending; anything unknown sorts by name."""
    descending = value.startswith("-")
    key = value.lstrip("-")
    return (key, descending) if key in SORTS else ("name", False)


@dataclass
class Gradebook:
    assignment: Assignment
    rows: list[GradeRow]
    now: datetime

    @property
    def spread(self) -> Spread:
        return spread([r.score for r in self.rows if r.score is not None])

    @property
    def counts(self) -> dict[str, int]:
        tally = Counter(r.status for r in self.rows)
        return {status: tally.get(status, 0) for status in STATUS_ORDER}

    def sorted(self, sort: str) -> list[GradeRow]:
        key, descending = parse_sort(sort)
        rows = sorted(self.rows, key=SORTS[key])
        if descending:
            # Rows with nothing to sort by (no score, not submitted) stay last either way.
            blank = BLANK.get(key, lambda r: False)
            rows = [r for r in rows if not blank(r)][::-1] + [r for r in rows if blank(r)]
        return rows


BLANK = {
    "score": lambda r: r.score is None,
    "submitted": lambda r: r.submitted_at is None,
    "time": lambda r: r.time_taken is None,
}


def gradebook(assignment: Assignment, now: datetime) -> Gradebook:
    """One row per learner of the assignment's classes (a learner in two of them once), in three queries."""
    # Attempts whose time ran out are submitted as of their deadline before anyone reads a grade.
    for attempt in Attempt.objects.filter(assignment=assignment).expired(now):
        close_if_expired(attempt, now)
    members = (
        Membership.objects.filter(cohort__assignments=assignment, role=Membership.LEARNER)
        .select_related("user", "cohort")
        .order_by("user__username", "cohort__name")
        .only("user_id", "cohort_id", "user__username", "user__email", "cohort__name")
    )
    attempts: dict[int, list[Attempt]] = defaultdict(list)
    # Only what a grade needs: each attempt's question list is the assignment's, and decoding 200 of them
    # (JSON) was a third of the page's time.
    for attempt in (
        Attempt.objects.filter(assignment=assignment)
        .order_by("started_at", "pk")
        .only("id", "user_id", "assignment_id", "try_number", "started_at", "deadline", "submitted_at", "score")
    ):
        attempts[attempt.user_id].append(attempt)
    rows, seen = [], set()
    for member in members:
        if member.user_id in seen:
            continue
        seen.add(member.user_id)
        rows.append(GradeRow(member.user, member.cohort, Standing(assignment, attempts[member.user_id], now)))
    return Gradebook(assignment, rows, now)


def duration(delta: timedelta | None) -> str:
    """12 min 5 s, 1 h 02 min."""
    if delta is None:
        return ""
    seconds = int(delta.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


CSV_HEADER = [
    "learner",
    "email",
    "class",
    "status",
    "score_percent",
    "right",
    "questions",
    "submitted_at",
    "late",
    "time_taken_seconds",
    "attempts",
]


def csv_rows(book: Gradebook, sort: str = "name") -> list[list]:
    rows = [CSV_HEADER]
    for r in book.sorted(sort):
        rows.append(
            [
                r.user.username,
                r.user.email,
                r.cohort.name,
                r.status,
                "" if r.percent is None else r.percent,
                "" if r.right is None else r.right,
                book.assignment.question_count,
                r.submitted_at.isoformat() if r.submitted_at else "",
                "yes" if r.is_late else "no",
                int(r.time_taken.total_seconds()) if r.time_taken else "",
                r.attempts_used,
            ]
        )
    return rows


# Item analysis


@dataclass
class ScoredAttempt:
    """One attempt as item analysis sees it: its total score and each question's answer."""

    attempt_id: int
    score: float
    answers: dict[int, tuple[bool, list[int] | None]]  # question id: (right?, chosen option ids, if read)


@dataclass
class ItemStats:
    question_id: int
    answered_by: int  # attempts that had this question
    right: int
    group_size: int  # learners in each of the upper and lower groups
    upper_right: int
    lower_right: int
    picks: Counter = field(default_factory=Counter)  # option id: times chosen
    skipped: int = 0
    question: Question | None = None
    options: list[Choice] = field(default_factory=list)

    @property
    def facility(self) -> float | None:
        return self.right / self.answered_by if self.answered_by else None

    @property
    def discrimination(self) -> float | None:
        """None while the upper and lower groups would share learners (fewer than two answers)."""
        if not self.group_size or 2 * self.group_size > self.answered_by:
            return None
        return (self.upper_right - self.lower_right) / self.group_size

    @property
    def flags(self) -> list[str]:
        """Why an instructor should look at this question, in words."""
        reasons = []
        if self.answered_by < FEWEST_FOR_FLAGS:
            return reasons
        f, d = self.facility, self.discrimination
        if f is not None and f > TOO_EASY:
            reasons.append(
                f"Facility {f:.2f} is over {TOO_EASY}: nearly everyone got it right, so it tells learners apart poorly."
            )
        if f is not None and f < TOO_HARD:
            reasons.append(
                f"Facility {f:.2f} is under {TOO_HARD}: few got it right; check the key and whether the stem is clear."
            )
        if d is not None and d < LOW_DISCRIMINATION:
            reasons.append(
                f"Discrimination {d:.2f} is under {LOW_DISCRIMINATION}: the strongest learners did "
                "not do clearly better than the weakest; check the key and the distractors."
            )
        return reasons

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    @property
    def facility_text(self) -> str:
        return "–" if self.facility is None else f"{self.facility:.2f}"

    @property
    def discrimination_text(self) -> str:
        return "–" if self.discrimination is None else f"{self.discrimination:.2f}"

    def pick_share(self, option_id: int) -> float:
        return self.picks.get(option_id, 0) / self.answered_by if self.answered_by else 0.0


def group_size(n: int) -> int:
    """27% of n, rounded half up, at least one when there is anyone (the same rule the page states)."""
    return max(1, int(UPPER_LOWER_SHARE * n + 0.5)) if n else 0


def analyse_items(attempts: list[ScoredAttempt], question_ids: list[int]) -> dict[int, ItemStats]:
    """Facility (share right) and discrimination (share right in the upper 27% by total score minus the lower
    27%) per question, with how often each option was picked. Ties in total score are broken by attempt id
    (the earlier attempt ranks higher), so the groups are the same on every run."""
    # The attempts ranked once, then each question's takers in that order: one pass, not one per question.
    ranked_all = sorted(attempts, key=lambda a: (-a.score, a.attempt_id))  # as ranked_groups does
    takers: dict[int, list[ScoredAttempt]] = defaultdict(list)
    for a in ranked_all:
        for question_id in a.answers:
            takers[question_id].append(a)
    stats = {}
    for question_id in question_ids:
        ranked = taking = takers.get(question_id, [])
        size = group_size(len(ranked))
        picks: Counter = Counter()
        skipped = 0
        for a in taking:
            chosen = a.answers[question_id][1]
            if chosen is not None:  # None: the picks are counted elsewhere (see assignment_items)
                picks.update(chosen)
                skipped += not chosen
        stats[question_id] = ItemStats(
            question_id=question_id,
            answered_by=len(taking),
            right=sum(a.answers[question_id][0] for a in taking),
            group_size=size,
            upper_right=sum(a.answers[question_id][0] for a in ranked[:size]),
            lower_right=sum(a.answers[question_id][0] for a in ranked[len(ranked) - size :]),
            picks=picks,
            skipped=skipped,
        )
    return stats


def scored_attempts(responses) -> list[ScoredAttempt]:
    """Group (attempt id, attempt score, question id, correct, chosen) rows into ScoredAttempts."""
    by_attempt: dict[int, ScoredAttempt] = {}
    for attempt_id, score, question_id, correct, chosen in responses:
        entry = by_attempt.setdefault(attempt_id, ScoredAttempt(attempt_id, score or 0.0, {}))
        entry.answers[question_id] = (bool(correct), None if chosen is None else list(chosen))
    return list(by_attempt.values())


def attach_questions(stats: dict[int, ItemStats]) -> None:
    """The questions and every option (retired ones too: a pick may point at one), in two narrow queries."""
    questions = Question.objects.filter(pk__in=list(stats)).only("id", "stem", "kind").order_by()
    for question in questions:
        stats[question.pk].question = question
    for choice in (
        Choice.objects.filter(question_id__in=list(stats))
        .order_by("question_id", "position", "pk")
        .only("id", "question_id", "text", "correct", "retired", "position")
    ):
        stats[choice.question_id].options.append(choice)
    for item in stats.values():
        for index, option in enumerate(item.options):
            option.letter = chr(65 + index)
            option.share = round(100 * item.pick_share(option.pk))


def ranked_groups(scores: dict[int, float]) -> tuple[list[int], list[int]]:
    """The upper and lower 27% of attempts by total score, ties ranked by the earlier attempt (lower id)."""
    ranked = sorted(scores, key=lambda pk: (-scores[pk], pk))
    size = group_size(len(ranked))
    return ranked[:size], ranked[len(ranked) - size :]


def assignment_items(book: Gradebook) -> list[ItemStats]:
    """Item analysis over each learner's graded attempt (the one their grade comes from).

    Every attempt at an assignment has every one of its questions, so the upper and lower groups are the same
    for all of them: they are ranked once here and the database counts, per question, the answers right
    overall and in each group, and how often each distinct choice was picked. Thousands of answers stay in
    the database; `analyse_items` states the same rule over plain rows, and the bank uses it.
    """
    scores = {r.graded.pk: r.graded.score or 0.0 for r in book.rows if r.graded is not None}
    upper, lower = ranked_groups(scores)
    answers = Response.objects.filter(attempt_id__in=list(scores)).order_by()
    right = Q(correct=True)
    stats = {
        pk: ItemStats(question_id=pk, answered_by=0, right=0, group_size=len(upper), upper_right=0, lower_right=0)
        for pk in dict.fromkeys(book.assignment.question_ids)
    }
    for row in answers.values("question_id").annotate(
        n=Count("id"),
        right=Count("id", filter=right),
        upper=Count("id", filter=right & Q(attempt_id__in=upper)),
        lower=Count("id", filter=right & Q(attempt_id__in=lower)),
    ):
        item = stats.get(row["question_id"])
        if item is not None:
            item.answered_by, item.right = row["n"], row["right"]
            item.upper_right, item.lower_right = row["upper"], row["lower"]
    for question_id, chosen, times in (
        answers.values("question_id", "chosen").annotate(n=Count("id")).values_list("question_id", "chosen", "n")
    ):
        item = stats.get(question_id)
        if item is not None:
            item.picks.update({pk: times for pk in chosen or []})
            item.skipped += 0 if chosen else times
    attach_questions(stats)
    return list(stats.values())


def bank_items(question_ids: list[int]) -> dict[int, ItemStats]:
    """The same figures for bank questions across every submitted attempt of any kind (practice, exams,
    assignments), ranking each attempt by its own total score."""
    rows = Response.objects.filter(question_id__in=question_ids, attempt__submitted_at__isnull=False).values_list(
        "attempt_id", "attempt__score", "question_id", "correct", "chosen"
    )
    return analyse_items(scored_attempts(rows), question_ids)


def flagged_question_ids() -> set[int]:
    """Every bank question the figures flag, for the bank's "flagged" filter."""
    # Flags need right or wrong only: the chosen options (JSON) are not read.
    rows = Response.objects.filter(attempt__submitted_at__isnull=False).values_list(
        "attempt_id", "attempt__score", "question_id", "correct"
    )
    scored = scored_attempts((a, score, q, ok, None) for a, score, q, ok in rows)
    ids = sorted({q for a in scored for q in a.answers})
    return {pk for pk, item in analyse_items(scored, ids).items() if item.flagged}


# Class progress


@dataclass
class LearnerProgress:
    user: object
    reviews_7: int = 0
    reviews_30: int = 0
    backlog: int = 0
    topics: dict[int, tuple[int, int]] = field(default_factory=dict)  # topic id: (right, answered)

    @property
    def accuracy(self) -> int | None:
        right = sum(r for r, _ in self.topics.values())
        answered = sum(n for _, n in self.topics.values())
        return round(100 * right / answered) if answered else None

    def weakest(self, names: dict[int, str], count: int = 3) -> list[tuple[str, int]]:
        ranked = sorted(self.topics.items(), key=lambda t: (t[1][0] / t[1][1], names.get(t[0], "")))
        return [(names.get(pk, "?"), round(100 * r / n)) for pk, (r, n) in ranked[:count]]


@dataclass
class TopicAccuracy:
    topic_id: int
    name: str
    slug: str
    right: int
    answered: int
    learners: int

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.answered) if self.answered else 0


def class_progress(cohort: Cohort, now: datetime) -> tuple[list[LearnerProgress], list[TopicAccuracy]]:
    """Per learner: reviews in the last 7 and 30 days, cards due now, quiz accuracy per topic; and the class's
    topics weakest first. Four queries, whatever the class size."""
    members = list(
        Membership.objects.filter(cohort=cohort, role=Membership.LEARNER)
        .select_related("user")
        .order_by("user__username")
    )
    progress = {m.user_id: LearnerProgress(m.user) for m in members}
    ids = list(progress)
    reviews = (
        ReviewLog.objects.filter(user_id__in=ids, reviewed_at__gte=now - timedelta(days=30), reviewed_at__lte=now)
        .values("user_id")
        .annotate(d30=Count("id"), d7=Count("id", filter=Q(reviewed_at__gte=now - timedelta(days=7))))
    )
    for row in reviews:
        progress[row["user_id"]].reviews_7, progress[row["user_id"]].reviews_30 = row["d7"], row["d30"]
    backlog = (
        CardState.objects.filter(user_id__in=ids, due__lte=now, suspended=False, card__retired=False)
        .values("user_id")
        .annotate(n=Count("id"))
    )
    for row in backlog:
        progress[row["user_id"]].backlog = row["n"]
    answers = (
        Response.objects.filter(attempt__user_id__in=ids, answered_at__isnull=False)
        .values("attempt__user_id", "question__topic_id", "question__topic__name", "question__topic__slug")
        .annotate(right=Count("id", filter=Q(correct=True)), answered=Count("id"))
    )
    topics: dict[int, TopicAccuracy] = {}
    for row in answers:
        topic_id = row["question__topic_id"]
        progress[row["attempt__user_id"]].topics[topic_id] = (row["right"], row["answered"])
        entry = topics.setdefault(
            topic_id, TopicAccuracy(topic_id, row["question__topic__name"], row["question__topic__slug"], 0, 0, 0)
        )
        entry.right += row["right"]
        entry.answered += row["answered"]
        entry.learners += 1
    weakest = sorted(topics.values(), key=lambda t: (t.right / t.answered, -t.answered, t.name))
    return list(progress.values()), weakest
