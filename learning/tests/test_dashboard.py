"""The dashboard against a fixture of known reviews, with every figure worked out by hand below.

The learner studies in Berlin (UTC+1 in November, UTC+2 in September) and their day starts at 4 am, so "now"
(10 Nov 2026, 12:00 UTC = 13:00 local) is on the study day of 10 November, which runs from 10 Nov 04:00 to
11 Nov 04:00 local (03:00 UTC to 03:00 UTC).

FSRS-6 retrievability with the default decay -0.1542: R(t, S) = (1 + 0.98035 * t / S) ** -0.1542, t in whole days
since the last review. R = 0.9 exactly whenever t = S, which most cards below use; the other two are
    E:  t = 70, S = 100  ->  (1 + 0.98035 * 0.7) ** -0.1542   = 1.68624 ** -0.1542 = 0.92259
    Y3: t = 40, S = 3    ->  (1 + 0.98035 * 13.333) ** -0.1542 = 14.0713 ** -0.1542 = 0.66516
"""

import re
import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from fsrs import State

from content.models import Topic
from learning.models import CardState, Flashcard, ReviewDay, ReviewLog, StudySettings
from learning.progress import learner_progress
from learning.queue import build_queue
from quizzes.models import Attempt, Question, Response

pytestmark = pytest.mark.django_db


BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
REVIEW, LEARNING, RELEARNING = State.Review.value, State.Learning.value, State.Relearning.value


def local(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def topic(slug: str, name: str, domain: str) -> Topic:
    return Topic.objects.create(slug=slug, name=name, category="c", category_name="C", domain=domain, section_count=1)


@pytest.fixture
def history(learner, outsider):
    """Two topics, eleven cards, the learner's states and reviews, quiz answers and exams, and someone else's."""
    Flashcard.objects.update(retired=True)  # the session may hold the shipped notes' cards: set them aside
    Question.objects.update(retired=True)
    sqs = topic("dash-sqs", "Amazon SQS", "technology-services")
    iam = topic("dash-iam", "IAM", "security-compliance")
    names = ["A", "B", "C", "D", "X5", "X6", "E", "Y2", "Y3", "Y4", "F"]
    cards = {
        name: Flashcard.objects.create(
            key=f"dash-{name}",
            topic=sqs if i < 6 else iam,
            kind="definition",
            front=f"{name}?",
            back=f"{name}.",
            position=i,
        )
        for i, name in enumerate(names)
    }
    Flashcard.objects.create(key="dash-retired", topic=sqs, kind="definition", front="Old?", back="Old.", retired=True)
    StudySettings.objects.create(
        user=learner,
        time_zone="Europe/Berlin",
        day_starts_hour=4,
        new_per_day=20,
        max_reviews_per_day=200,
        desired_retention=0.9,
    )

    def state(name, st, stability, last_review, due, **extra):
        CardState.objects.create(
            user=learner,
            card=cards[name],
            state=st,
            stability=stability,
            difficulty=5,
            last_review=last_review,
            due=due,
            reps=extra.pop("reps", 3),
            **extra,
        )

    # name  state       S    last review (UTC)      due (UTC)                   -> elapsed, R, interval
    state("A", REVIEW, 10, utc(2026, 11, 10, 8), utc(2026, 11, 20, 8))  # 0 d, R 1, 10 d: young, due 20 Nov
    state("B", RELEARNING, 2, utc(2026, 11, 8, 12), utc(2026, 11, 10, 11, 50))  # 2 d, R .9, due now
    state("C", REVIEW, 5, utc(2026, 11, 5, 12), utc(2026, 11, 10, 20))  # 5 d, R .9, 5.3 d: young, due tonight
    state("D", LEARNING, 2.3, utc(2026, 11, 10, 3), utc(2026, 11, 11, 1, 30), step=1)  # 0 d, R 1; due 02:30
    #                                                              local on 11 Nov: still the study day of 10 Nov
    state("E", REVIEW, 100, utc(2026, 9, 1, 8), utc(2026, 12, 15, 8))  # 70 d, R .92259, 105 d: mature
    state("Y3", REVIEW, 3, utc(2026, 10, 1, 12), utc(2026, 10, 20), suspended=True, leech=True, lapses=8)  # .66516
    state("Y4", REVIEW, 9, utc(2026, 11, 1, 12), utc(2026, 12, 1), suspended=True)  # 9 d, R .9, suspended
    state("F", REVIEW, 21, utc(2026, 10, 20, 12), utc(2026, 11, 9, 12))  # 21 d, R .9, 20 d: young, overdue
    CardState.objects.create(user=outsider, card=cards["X5"], state=LEARNING, due=NOW, reps=1)

    def review(name, at, rating, before=None, last_review=None, user=learner):
        snapshot = None if before is None else {"state": before, "last_review": last_review and last_review.isoformat()}
        log = ReviewLog.objects.create(
            user=user,
            card=cards[name],
            rating=rating,
            reviewed_at=at,
            state_before=snapshot,
            token=f"{user.pk}-{name}-{at}",
            state_after={},
        )
        ReviewDay.add(log, StudySettings.for_user(user))  # as record_review counts every rating it writes

    review("A", local(2026, 11, 10, 9), 3, REVIEW, utc(2026, 11, 3, 12))  # 10 Nov: first of day, passed
    review("D", local(2026, 11, 10, 4), 3, LEARNING, utc(2026, 11, 9, 10))  # 04:00 sharp: 10 Nov; learning
    review("B", local(2026, 11, 10, 2), 1, REVIEW, utc(2026, 10, 30, 12))  # 02:00 local: 9 Nov; Again: failed
    review("C", local(2026, 11, 9, 10), 3, REVIEW, utc(2026, 10, 20, 12))  # 9 Nov: first of day, passed
    review("C", local(2026, 11, 9, 20), 1, REVIEW, local(2026, 11, 9, 10))  # 9 Nov again: not the first
    review("B", local(2026, 11, 9, 20, 30), 3, RELEARNING, local(2026, 11, 9, 20))  # relearning: not counted
    review("D", local(2026, 11, 8, 10), 3)  # 8 Nov: new card introduced
    review("A", local(2026, 11, 6, 10), 2, REVIEW, utc(2026, 10, 1, 12))  # 6 Nov: Hard is a pass
    review("E", local(2026, 9, 1, 10), 1, REVIEW, utc(2026, 8, 1, 12))  # 1 Sep: failed, outside 30 days
    review("E", local(2025, 11, 1, 10), 4, REVIEW, utc(2025, 10, 1, 12))  # over a year ago: all time only
    review("A", local(2026, 11, 10, 10), 1, REVIEW, utc(2026, 11, 1, 12), user=outsider)  # someone else's

    # Quizzes: two questions on SQS (3 answers, 2 right, all recent), one on IAM (wrong 40 days ago, right 2 days
    # ago), and someone else's answer.
    q1, q2, q3 = (
        Question.objects.create(
            key=f"dash-q{i}",
            kind="single",
            family=f"f{i}",
            requirement=f"r{i}",
            topic=t,
            domain=t.domain,
            stem=f"Q{i}?",
        )
        for i, t in ((1, sqs), (2, sqs), (3, iam))
    )

    def answers(user, mode, at, *rows, submitted=True, scaled=None):
        attempt = Attempt.objects.create(
            user=user,
            mode=mode,
            started_at=at,
            submitted_at=at if submitted else None,
            scaled_score=scaled,
            question_ids=[q.pk for q, _ in rows],
        )
        for position, (question, correct) in enumerate(rows, start=1):
            Response.objects.create(
                attempt=attempt, question=question, position=position, correct=correct, answered_at=at
            )

    answers(learner, "practice", NOW - timedelta(days=3), (q1, True), (q2, False), (q1, True))
    answers(learner, "practice", NOW - timedelta(days=40), (q3, False))
    answers(learner, "practice", NOW - timedelta(days=2), (q3, True))
    answers(learner, "exam", NOW - timedelta(days=1), (q2, False), submitted=False)  # unsubmitted: not counted
    answers(outsider, "practice", NOW - timedelta(days=1), (q1, False), (q3, False))
    # Practice exams: 640 on 1 Oct, 730 on 5 Nov; an unsubmitted one is not a score.
    Attempt.objects.create(
        user=learner,
        mode="exam",
        started_at=utc(2026, 10, 1, 9),
        submitted_at=utc(2026, 10, 1, 10),
        scaled_score=640,
        score=0.6,
    )
    Attempt.objects.create(
        user=learner,
        mode="exam",
        started_at=utc(2026, 11, 5, 9),
        submitted_at=utc(2026, 11, 5, 10),
        scaled_score=730,
        score=0.7,
    )
    return {"cards": cards, "sqs": sqs, "iam": iam}


def test_heatmap_counts_reviews_per_study_day_in_the_learners_time_zone(learner, history):
    progress = learner_progress(learner, StudySettings.for_user(learner), NOW)
    heat = {entry.day: entry.count for entry in progress.heatmap}
    assert len(progress.heatmap) == 365
    assert progress.heatmap[0].day == date(2025, 11, 11) and progress.heatmap[-1].day == date(2026, 11, 10)
    # 10 Nov: 04:00 and 09:00. 9 Nov: 10:00, 20:00, 20:30 and the 02:00 review of 10 Nov (before the day starts).
    assert {day: n for day, n in heat.items() if n} == {
        date(2026, 11, 10): 2,
        date(2026, 11, 9): 4,
        date(2026, 11, 8): 1,
        date(2026, 11, 6): 1,
        date(2026, 9, 1): 1,
    }
    assert progress.total_reviews == 10  # the review of 1 Nov 2025 is older than the heatmap, not than all time


def test_streak_today_and_card_counts(learner, history):
    study = StudySettings.for_user(learner)
    progress = learner_progress(learner, study, NOW)
    today = progress.today
    assert today.streak == 3 and today.streak_includes_today  # 10, 9 and 8 Nov; nothing on 7 Nov
    assert today.reviewed == 2
    # Due now: B (learning, due 11:50) + C (review, due tonight) + F (review, overdue). Later today: D (02:30 local
    # tomorrow, before the 04:00 day start). New left: min(20 - 0 introduced today, 3 new cards) = 3.
    assert (today.due_now, today.later_today, today.new_left) == (3, 1, 3)
    queue = build_queue(learner, study, NOW)  # the review page's counts add up to the same cards
    assert queue.new + queue.learning + queue.review == 3 + 1 + 3
    # new: X5 X6 Y2; learning: B D; young: A C F; mature: E; suspended: Y4; leeches: Y3.
    assert progress.counts == {"new": 3, "learning": 2, "young": 3, "mature": 1, "suspended": 1, "leeches": 1}


def test_forecast_counts_due_cards_per_study_day_with_overdue_ones_today(learner, history):
    progress = learner_progress(learner, StudySettings.for_user(learner), NOW)
    assert len(progress.forecast) == 30
    assert progress.forecast[0].day == date(2026, 11, 10) and progress.forecast[-1].day == date(2026, 12, 9)
    # Today: B, C, D (02:30 local tomorrow) and F (overdue since 9 Nov). 20 Nov: A. E (15 Dec) is past the 30 days;
    # the suspended Y3 and Y4 are left out.
    assert {entry.day: entry.count for entry in progress.forecast if entry.count} == {
        date(2026, 11, 10): 4,
        date(2026, 11, 20): 1,
    }


def test_true_retention_counts_first_reviews_of_review_cards_per_day(learner, history):
    progress = learner_progress(learner, StudySettings.for_user(learner), NOW)
    # 7 and 30 days: A on 10 Nov passed, B on 9 Nov (02:00 on 10 Nov) failed, C's first on 9 Nov passed (its second
    # that day is not counted), A on 6 Nov (Hard) passed: 3 of 4. All time adds E's fail on 1 Sep and its pass on
    # 1 Nov 2025: 4 of 6. Learning and relearning reviews and new cards never count.
    assert [(r.label, r.passed, r.total) for r in progress.retention] == [
        ("Last 7 days", 3, 4),
        ("Last 30 days", 3, 4),
        ("All time", 4, 6),
    ]
    assert progress.retention[2].rate == pytest.approx(0.666667, abs=1e-6)


def test_mastery_per_topic_and_exam_readiness(learner, history):
    progress = learner_progress(learner, StudySettings.for_user(learner), NOW)
    topics = {t.slug: t for t in progress.topics}
    sqs, iam = topics["dash-sqs"], topics["dash-iam"]
    # SQS: A 1 + B .9 + C .9 + D 1 = 3.8 over 4 reviewed of 6 cards; quiz 2 of 3 right.
    assert (sqs.cards, sqs.seen, sqs.answered, sqs.right, sqs.questions) == (6, 4, 3, 2, 2)
    assert sqs.mean_recall == pytest.approx(0.95, abs=1e-6)
    assert sqs.seen_share == pytest.approx(4 / 6)
    # Its strength: expected recall over all 6 cards 3.8 / 6 = .63333, with quizzes weighing .5 * 3/10 = .15:
    # .85 * .63333 + .15 * .66667 = .63833.
    assert sqs.strength == pytest.approx(0.638333, abs=1e-6)
    # IAM: E .92259 + Y3 .66516 + Y4 .9 + F .9 = 3.38775 over 4 reviewed of 5 cards; quiz 1 of 2 right (all time).
    assert (iam.cards, iam.seen, iam.answered, iam.right) == (5, 4, 2, 1)
    assert iam.mean_recall == pytest.approx(3.38775 / 4, abs=1e-5)
    assert iam.accuracy == 0.5
    # Its strength: 3.38775 / 5 = .67755, quizzes weighing .5 * 2/10 = .1: .9 * .67755 + .1 * .5 = .65980.
    assert iam.strength == pytest.approx(0.659796, abs=1e-5)
    assert [t.slug for t in progress.topics] == ["dash-sqs", "dash-iam"]  # weakest first: .63833 < .65980

    readiness = {d.key: d for d in progress.domains}
    tech, security = readiness["technology-services"], readiness["security-compliance"]
    assert tech.readiness == pytest.approx(0.638333, abs=1e-6)  # the SQS figures: all its answers are recent
    # Security: cards 3.38775 / 5 = .67755; one recent answer, right: weight .5 * 1/10 = .05 -> .95 * .67755 + .05
    assert (security.answered, security.right) == (1, 1)
    assert security.readiness == pytest.approx(0.693673, abs=1e-5)
    assert readiness["cloud-concepts"].readiness == 0 and readiness["billing-pricing-support"].readiness == 0
    # Weighted like the exam: .34 * .63833 + .30 * .69367 = .42514
    assert progress.readiness == pytest.approx(0.425135, abs=1e-5)
    assert [t.slug for t in security.next_topics] == ["dash-iam"]
    assert [(e.scaled_score, e.passed) for e in progress.exams] == [(640, False), (730, True)]


def test_the_page_shows_the_figures_in_few_queries(client, learner, history, django_assert_num_queries):
    client.force_login(learner)
    # session, user, study settings, the progress figures (cards with the forecast, review days, quiz answers, exams,
    # the assignments due soon and the header's role: six statements sent in one round trip on PostgreSQL): four,
    # under the twelve. SQLite's driver takes one statement at a time, so there the six are counted apart:
    # nine.
    queries = 4 if connection.vendor == "postgresql" else 9
    with time_machine.travel(NOW, tick=False), django_assert_num_queries(queries):
        response = client.get(reverse("learning:dashboard"))
    html = response.content.decode()
    with time_machine.travel(NOW, tick=False), django_assert_num_queries(queries):  # nothing cached: the same on reload
        again = client.get(reverse("learning:dashboard")).content.decode()
    masked = re.compile(r'(X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+')
    assert masked.sub("", again) == masked.sub("", html)
    for testid, text in [
        ("count-due-now", "3"),
        ("count-later", "1"),
        ("count-new-left", "3"),
        ("streak", "3"),
        ("count-young", "3"),
        ("count-leeches", "1"),
        ("readiness", "43%"),
    ]:
        assert f'data-testid="{testid}">{text}<' in html, testid
    assert 'data-testid="retention-7"' in html and "75.0%" in html and "66.7%" in html
    assert "<title>Mon 10 Nov 2025: 0 reviews</title>" not in html  # the heatmap starts on 11 Nov 2025
    assert "<title>Tue 11 Nov 2025: 0 reviews</title>" in html
    assert "<title>Mon 9 Nov 2026: 4 reviews</title>" in html and "<title>Tue 10 Nov 2026: 2 reviews</title>" in html
    assert "Today (with overdue cards): 4 cards due" in html
    assert "Exam 2, 5 Nov 2026: 730 (pass)" in html and "pass 700" in html
    row = html.split('data-testid="topic-dash-sqs"')[1].split("</tr>")[0]
    assert 'data-testid="recall">95%<' in row and 'data-testid="seen">67%<' in row and 'data-testid="quiz">67%<' in row
    assert "?topic=dash-sqs" in row and "Practise this topic" in row
    assert html.index('data-testid="topic-dash-sqs"') < html.index('data-testid="topic-dash-iam"')
    assert "an estimate" in html and "4 quiz answers in the last 30 days" in html

    # A new rating shows at once: its study day's totals are counted as it is written.
    log = ReviewLog.objects.create(
        user=learner,
        card=history["cards"]["C"],
        rating=3,
        reviewed_at=NOW,
        state_before={"state": REVIEW, "last_review": "2026-11-05T12:00:00+00:00"},
        token="after",
        state_after={},
    )
    ReviewDay.add(log, StudySettings.for_user(learner))
    with time_machine.travel(NOW, tick=False):
        html = client.get(reverse("learning:dashboard")).content.decode()
    assert 'data-testid="count-reviewed">3<' in html and "<title>Tue 10 Nov 2026: 3 reviews</title>" in html
    assert "80.0%" in html  # 7 days: 4 of 5 now


def test_a_learner_with_no_reviews_sees_how_to_start(client, make_user, history):
    newcomer = make_user("nina")
    client.force_login(newcomer)
    with time_machine.travel(NOW, tick=False):
        html = client.get(reverse("learning:dashboard")).content.decode()
    assert 'data-testid="empty-state"' in html
    assert "Start your first review" in html and "11 new cards are waiting" in html
    assert 'data-testid="count-new-left">11<' in html and 'data-testid="streak">0<' in html
    assert 'id="heat-title"' not in html and 'id="forecast-title"' not in html  # no empty charts


def test_the_dashboard_needs_sign_in(client):
    response = client.get(reverse("learning:dashboard"))
    assert response.status_code == 302 and "/accounts/login/" in response.url
