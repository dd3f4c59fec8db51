"""Learner pages: the daily review and the dashboard."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers
from fsrs import Rating

from content.models import Topic
from learning.charts import forecast_chart, heatmap, score_chart
from learning.models import Flashcard, ReviewLog, ReviewRefused, StudySettings, record_review, undo_last_review
from learning.progress import MATURE_DAYS, QUIZ_FULL_WEIGHT_AT, RECENT_QUIZ_DAYS, learner_progress
from learning.queue import build_queue, card_token, preview_intervals
from learning.roles import INSTRUCTORS
from learning.tables import domain_rows, mastery_rows
from quizzes.assignments import due_soon_from_rows, due_soon_query
from quizzes.models import PASSING_SCALED_SCORE

User = get_user_model()
MASTERY_ROWS = 10  # weakest topics shown at first; ?topics=all lists every topic started
PRACTICE_COUNT = 10  # questions in a "Practise this topic" quiz

RATINGS = [
    (Rating.Again.value, "Again"),
    (Rating.Hard.value, "Hard"),
    (Rating.Good.value, "Good"),
    (Rating.Easy.value, "Easy"),
]


def get_card(pk) -> Flashcard:
    """Cards are shared content: any learner may review an active card; unknown ids are 404."""
    return get_object_or_404(Flashcard.objects.select_related("topic"), pk=pk, retired=False)


def review_topic(request: HttpRequest) -> Topic | None:
    slug = request.GET.get("topic") or request.POST.get("topic")
    if not slug:
        return None
    return get_object_or_404(Topic.objects.only("id", "slug", "name"), slug=slug)


def review_context(
    request: HttpRequest, *, show: bool = False, topic: Topic | None = None, study: StudySettings | None = None
) -> dict:
    now = timezone.now()
    study = study or StudySettings.for_user(request.user)
    queue = build_queue(request.user, study, now, topic_id=topic.pk if topic else None)
    context = {"queue": queue, "topic": topic, "show": show, "ratings": RATINGS, "now": now}
    if queue.card is not None:
        context["token"] = card_token(request.user.pk, queue.card.pk, queue.state.reps if queue.state else 0)
        intervals = preview_intervals(study, queue.state, queue.card, now)
        context["buttons"] = [(value, label, intervals[value]) for value, label in RATINGS]
    else:
        context["summary"] = session_summary(request.user, study, now)
        # Learning steps are minutes away: "come back soon" rather than "done for today".
        context["due_soon"] = bool(queue.next_due and queue.next_due - now < timedelta(hours=1))
    return context


def session_summary(user, study: StudySettings, now) -> dict:
    day_start, _ = study.day_bounds(now)
    stats = ReviewLog.objects.filter(user=user, reviewed_at__gte=day_start).aggregate(
        cards=Count("card_id", distinct=True),
        reviews=Count("id"),
        again=Count("id", filter=Q(rating=1)),
        ms=Sum("duration_ms"),
    )
    reviews = stats["reviews"] or 0
    seconds = round((stats["ms"] or 0) / 1000)
    return {
        "cards": stats["cards"] or 0,
        "reviews": reviews,
        "time": f"{seconds // 60}m {seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s",
        "again_rate": round(100 * (stats["again"] or 0) / reviews) if reviews else 0,
    }


@login_required
@vary_on_headers("HX-Request")
def review(request: HttpRequest) -> HttpResponse:
    topic = review_topic(request)
    context = review_context(request, show=request.GET.get("show") == "1", topic=topic)
    template = "learning/review.html#review-card" if request.htmx else "learning/review.html"
    return render(request, template, context)


@login_required
@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    topic = review_topic(request)
    card_id = request.POST.get("card", "")
    if not (card_id.isascii() and card_id.isdigit()):
        return HttpResponseBadRequest("The rating names no card.")
    card_id = int(card_id)
    try:
        rating = int(request.POST.get("rating", ""))
        duration = int(request.POST.get("duration_ms") or 0) or None
    except ValueError:
        return HttpResponseBadRequest("A rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
    if duration is not None:
        duration = max(0, min(duration, 60 * 60 * 1000))
    study = StudySettings.for_user(request.user)
    try:
        # The card is read with the learner's state (any active card, as get_card; else 404).
        record_review(
            user=request.user,
            card=card_id,
            token=request.POST.get("token", ""),
            rating=rating,
            duration_ms=duration,
            now=timezone.now(),
            study=study,
            expected_token=lambda reps: card_token(request.user.pk, card_id, reps),
        )
    except Flashcard.DoesNotExist:
        raise Http404("No such card.") from None
    except ReviewRefused as refusal:
        return HttpResponseBadRequest(str(refusal))
    return next_card(request, topic, study)


@login_required
@require_POST
def undo(request: HttpRequest) -> HttpResponse:
    topic = review_topic(request)
    undo_last_review(user=request.user)
    return next_card(request, topic)


def next_card(request: HttpRequest, topic: Topic | None, study: StudySettings | None = None) -> HttpResponse:
    if request.htmx:
        return render(request, "learning/review.html#review-card", review_context(request, topic=topic, study=study))
    url = reverse("learning:review")
    return redirect(f"{url}?topic={topic.slug}" if topic else url)


def role_query(user) -> tuple[str, dict]:
    """Whether the user is an instructor (learning.roles.is_instructor), as a query to send with others."""
    membership, group = User.groups.through._meta.db_table, Group._meta.db_table
    return (
        f"SELECT EXISTS (SELECT 1 FROM {membership} m JOIN {group} g ON g.id = m.group_id "
        "WHERE m.user_id = %(user)s AND g.name = %(instructors)s) AS instructor",
        {"user": user.pk, "instructors": INSTRUCTORS},
    )


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Today, the review heatmap, forecast, retention, card counts, mastery per topic, readiness and exam scores."""
    now = timezone.now()
    study = StudySettings.for_user(request.user)
    # The assignments due soon and the header's role (else asked on its own by the template) ride along with the
    # progress queries: one round trip for all.
    progress = learner_progress(
        request.user, study, now, also=(due_soon_query(request.user, now), role_query(request.user))
    )
    due_soon_rows, role_rows = progress.also
    started = progress.started_topics
    all_topics = request.GET.get("topics") == "all"
    weakest = started if all_topics else started[:MASTERY_ROWS]
    return render(
        request,
        "learning/dashboard.html",
        {
            "weakest": weakest,
            "mastery_rows": mastery_rows(request, weakest, PRACTICE_COUNT) if weakest else "",
            "domain_rows": "" if progress.is_empty else domain_rows(progress.domains, RECENT_QUIZ_DAYS),
            "more_topics": 0 if all_topics else max(0, len(started) - MASTERY_ROWS),
            "unstarted": len(progress.topics) - len(started),
            "progress": progress,
            "heatmap": heatmap(progress.heatmap),
            "forecast": forecast_chart(progress.forecast),
            "scores": score_chart(progress.exams),
            "study": study,
            "passing": PASSING_SCALED_SCORE,
            "near_retention": study.desired_retention - 0.05,  # within five points of the goal: amber, not red
            "recent_quiz_days": RECENT_QUIZ_DAYS,
            "mature_days": MATURE_DAYS,
            "quiz_full_weight_at": QUIZ_FULL_WEIGHT_AT,
            "practice_count": PRACTICE_COUNT,
            "due_assignments": due_soon_from_rows(due_soon_rows),
            "is_instructor": bool(role_rows[0]["instructor"]),  # for base.html, in place of the context processor's
        },
    )
