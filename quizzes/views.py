"""Quizzes for learners: practice, practice exams, due questions, and taking an assignment's attempt."""

from __future__ import annotations

import random
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, push_url

from content.models import DOMAINS
from content.stored_pages import stored
from quizzes.attempts import (
    AnswerRefused,
    AttemptClosed,
    Shown,
    check_open,
    check_slot,
    close_if_expired,
    draw_due,
    draw_exam,
    draw_practice,
    exam_plan,
    load_questions,
    results,
    save_answer,
    start_attempt,
    submit_attempt,
)
from quizzes.forms import AnswerForm, DueForm, PracticeForm
from quizzes.models import EXAM_MINUTES, PASSING_SCALED_SCORE, Attempt, Question, Response

HISTORY_LENGTH = 30
OPEN_MISSED = 10  # results open the missed questions' explanations when there are this few
AUTO_SUBMITTED = "Time ran out: your answers were submitted automatically at the deadline."


def get_attempt_for_user(user, pk: int) -> Attempt:
    """Attempts are private: another learner's attempt is 404, exactly like one that does not exist."""
    return get_object_or_404(Attempt.objects.select_related("assignment"), pk=pk, user=user)


def attempt_url(attempt: Attempt, position: int | None = None) -> str:
    url = reverse("quizzes:attempt", args=[attempt.pk])
    return f"{url}?q={position}" if position else url


def clock(seconds: int | None) -> str:
    """90 minutes as "1:30:00", 5 minutes as "5:00"."""
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def refuse(request: HttpRequest, attempt: Attempt, status: int, message: str) -> HttpResponse:
    """A refused request: plain text for htmx (quiz.js shows it in place), a small page without JavaScript."""
    if request.htmx:
        return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    back = reverse("quizzes:results", args=[attempt.pk]) if attempt.submitted_at else attempt_url(attempt)
    return render(
        request, "quizzes/refused.html", {"message": message, "back": back, "attempt": attempt}, status=status
    )


def to_results(request: HttpRequest, attempt: Attempt) -> HttpResponse:
    url = reverse("quizzes:results", args=[attempt.pk])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


# Start page


def quiz_pool(practice: PracticeForm | None = None, due: DueForm | None = None) -> dict:
    """What the start page shows of the question bank (the topics to pick with their question counts, the exam
    plan) and its forms' fields: the same for every learner until an ingest or an instructor's disable changes
    the bank, so stored per content version while the forms are blank (start_context)."""
    practice, due = practice or PracticeForm(), due or DueForm()
    groups = practice.topic_groups()
    topic_count = sum(len(group["topics"]) for group in groups)
    picker = render_to_string(
        "quizzes/_practice_picker.html",
        {
            "practice_form": practice,
            "topic_groups": groups,
            "domain_boxes": practice.domain_boxes(),
            "topic_count": topic_count,
        },
    )
    return {
        "picker": picker,
        "topic_count": topic_count,
        "plan": exam_plan(),
        "practice_count": render_to_string("learning/_settings_field.html", {"field": practice["count"]}),
        "due_count": render_to_string("learning/_settings_field.html", {"field": due["count"]}),
    }


# A learner's due and not-yet-seen questions, counted in one statement (the ORM spelling cost more to compile
# than to run).
QUESTION_COUNTS_SQL = """
SELECT COUNT(*) FILTER (WHERE s.due <= %s), COUNT(*) FILTER (WHERE s.id IS NULL)
  FROM quizzes_question q LEFT JOIN quizzes_questionstate s ON s.question_id = q.id AND s.user_id = %s
 WHERE NOT q.retired AND NOT q.disabled
"""


def question_counts(user, now: datetime) -> tuple[int, int]:
    """(due now, never seen) among the active questions, as QuestionState.objects.due and Question.active say."""
    with connection.cursor() as cursor:
        cursor.execute(QUESTION_COUNTS_SQL, [connection.ops.adapt_datetimefield_value(now), user.pk])
        due, unseen = cursor.fetchone()
    return due or 0, unseen or 0


def start_context(request: HttpRequest, now: datetime, **forms) -> dict:
    user = request.user
    unfinished = list(
        Attempt.objects.for_user(user)
        .unfinished()
        .annotate(answered=Count("responses", filter=Q(responses__answered_at__isnull=False)))
    )
    # An exam past its deadline is submitted now (as of its deadline) and listed with the finished ones.
    closed = [attempt for attempt in unfinished if close_if_expired(attempt, now)]
    unfinished = [attempt for attempt in unfinished if attempt not in closed]
    for attempt in unfinished:
        attempt.time_left = clock(attempt.seconds_left(now))
    # Blank, the forms and the bank's figures are stored per content version; a form sent back with errors
    # shows the learner's own input.
    practice, due = forms.get("practice"), forms.get("due")
    pool = quiz_pool(practice, due) if practice or due else stored("quiz-pool", quiz_pool)
    due_count, unseen_count = question_counts(user, now)
    return {
        "practice_form": practice or PracticeForm(),
        "pool": pool,
        "topic_count": pool["topic_count"],
        "due_form": due or DueForm(),
        "plan": pool["plan"],
        "exam_minutes": EXAM_MINUTES,
        "unfinished": unfinished,
        "due_count": due_count,
        "unseen_count": unseen_count,
        "history": Attempt.objects.for_user(user)
        .finished()
        .only("id", "mode", "submitted_at", "score", "scaled_score", "settings")
        .order_by("-submitted_at")[:HISTORY_LENGTH],
        "passing": PASSING_SCALED_SCORE,
    }


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "quizzes/index.html", start_context(request, timezone.now()))


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    now, rng = timezone.now(), random.Random()
    mode = request.POST.get("mode")
    if mode == "practice":
        form = PracticeForm(request.POST)
        if not form.is_valid():
            return render(request, "quizzes/index.html", start_context(request, now, practice=form))
        topics, domains, count = (form.cleaned_data[k] for k in ("topics", "domains", "count"))
        ids = draw_practice(topic_ids=[t.pk for t in topics], domains=domains, count=count, rng=rng)
        settings = {"topics": [t.slug for t in topics], "domains": domains, "asked": count}
    elif mode == "due":
        form = DueForm(request.POST)
        if form.is_valid():
            ids = draw_due(user=request.user, count=form.cleaned_data["count"], now=now, rng=rng)
            if not ids:
                form.add_error(None, "Nothing is due and you have seen every question: practise by topic instead.")
        if not form.is_valid():
            return render(request, "quizzes/index.html", start_context(request, now, due=form))
        settings = {"asked": form.cleaned_data["count"]}
    elif mode == "exam":
        plan = exam_plan()
        if not plan.total:
            messages.error(request, "There are no questions to make an exam from yet.")
            return redirect("quizzes:index")
        ids = draw_exam(plan, rng)
        settings = {"quotas": plan.quotas, "shortages": plan.shortages}
    else:
        return HttpResponse("Choose practice, exam or due.", status=400, content_type="text/plain")
    attempt = start_attempt(user=request.user, mode=mode, question_ids=ids, now=now, settings=settings)
    return redirect(attempt_url(attempt))


# Taking an attempt


def slot_context(
    attempt: Attempt, position: int, shown: Shown, now: datetime, response: Response | None = None
) -> dict:
    """One question as its slot shows it. An exam also lists every slot for its palette (one query for all);
    practice needs only this slot's response, which an answer just saved hands over."""
    responses = []
    if attempt.is_exam:
        responses = list(
            attempt.responses.order_by("position").only(
                "id", "attempt_id", "position", "question_id", "chosen", "correct", "marked", "answered_at"
            )
        )
        response = responses[position - 1]
    elif response is None:
        response = attempt.responses.get(position=position)
    chosen = set(response.chosen)
    for index, choice in enumerate(shown.choices):
        choice.letter, choice.was_chosen = chr(65 + index), choice.pk in chosen
    answered = sum(1 for r in responses if r.is_answered)
    return {
        "attempt": attempt,
        "position": position,
        "response": response,
        "question": shown.question,
        "choices": shown.choices,
        "responses": responses,
        "answered": answered,
        "marked": sum(1 for r in responses if r.marked),
        "domain_name": DOMAINS.get(shown.question.domain, shown.question.domain),
        "is_last": position == attempt.question_count,
        "now": now,
        "time_left": clock(attempt.seconds_left(now)),
        "show_feedback": not attempt.is_exam and response.is_answered,
        # Exams fill the bar by answers (they are taken in any order), practice by the questions done.
        "progress": round(
            100 * (answered if attempt.is_exam else position - (not response.is_answered)) / attempt.question_count
        ),
    }


def shown_at(attempt: Attempt, position: int, loaded: dict[int, Shown] | None = None) -> Shown:
    question_id = attempt.question_id_at(position)
    loaded = loaded if loaded and question_id in loaded else load_questions([question_id])
    if question_id not in loaded:  # every option retired: still show the question, with nothing to choose
        return Shown(get_object_or_404(Question.objects.select_related("topic"), pk=question_id), [])
    return loaded[question_id]


def render_slot(
    request: HttpRequest,
    attempt: Attempt,
    position: int,
    now: datetime,
    loaded: dict[int, Shown] | None = None,
    response: Response | None = None,
) -> HttpResponse:
    context = slot_context(attempt, position, shown_at(attempt, position, loaded), now, response)
    template = "quizzes/attempt.html#quiz" if request.htmx else "quizzes/attempt.html"
    return render(request, template, context)


def move_to(attempt: Attempt, position: int) -> None:
    """Remember where the learner is, so a reload or another device resumes there."""
    if attempt.current != position:
        Attempt.objects.filter(pk=attempt.pk).update(current=position)
        attempt.current = position


@login_required
@require_GET
@vary_on_headers("HX-Request")
def attempt_detail(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = get_attempt_for_user(request.user, pk)
    now = timezone.now()
    if close_if_expired(attempt, now):
        messages.info(request, AUTO_SUBMITTED)
    if attempt.submitted_at:
        return to_results(request, attempt)
    q = request.GET.get("q")
    if q is None:
        position = attempt.resume_position
    elif not (q.isascii() and q.isdigit()) or not attempt.has_position(int(q)):
        return refuse(
            request, attempt, 400, f"There is no question {q} in this attempt (it has {attempt.question_count})."
        )
    else:
        position = int(q)
    move_to(attempt, position)
    return render_slot(request, attempt, position, now)


def target_position(attempt: Attempt, position: int, go: str) -> int:
    if go == "next":
        return min(position + 1, attempt.question_count)
    if go == "prev":
        return max(position - 1, 1)
    if go.isascii() and go.isdigit():
        check_slot(attempt, int(go))
        return int(go)
    return position


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    """Save one slot's answer; in an exam also go where the learner asked (the palette, next, review...)."""
    attempt = get_attempt_for_user(request.user, pk)
    now = timezone.now()
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return refuse(request, attempt, 400, form.first_error())
    position, question_id, chosen, go = (form.cleaned_data[k] for k in ("position", "question", "choice", "go"))
    try:
        check_open(attempt, now)
        check_slot(attempt, position, question_id)
        target = target_position(attempt, position, go) if attempt.is_exam else position
        # The answered question and the one to show next, in one query.
        wanted = list(dict.fromkeys([question_id, attempt.question_id_at(target)]))
        loaded = load_questions(wanted, user=None if attempt.is_exam else request.user)
        marked = {"mark": True, "unmark": False}.get(go) if attempt.is_exam else None
        saved = save_answer(
            attempt=attempt,
            position=position,
            question_id=question_id,
            chosen=chosen,
            shown=shown_at(attempt, position, loaded),
            now=now,
            marked=marked,
        )
    except AttemptClosed as closed:
        return refuse(request, attempt, 409, str(closed))
    except AnswerRefused as refused:
        return refuse(request, attempt, 400, str(refused))
    if go == "review" and attempt.is_exam:
        url = reverse("quizzes:review", args=[attempt.pk])
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    move_to(attempt, target)
    if not request.htmx:
        return redirect(attempt_url(attempt, target))
    page = render_slot(request, attempt, target, now, loaded, None if attempt.is_exam else saved)
    return push_url(page, attempt_url(attempt, target))


@login_required
@require_GET
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The exam's review screen: what is answered, unanswered and marked, before submitting."""
    attempt = get_attempt_for_user(request.user, pk)
    now = timezone.now()
    if close_if_expired(attempt, now):
        messages.info(request, AUTO_SUBMITTED)
    if attempt.submitted_at:
        return redirect("quizzes:results", pk=attempt.pk)
    responses = list(attempt.responses.select_related("question").order_by("position"))
    answered = [r for r in responses if r.is_answered]
    return render(
        request,
        "quizzes/review.html",
        {
            "attempt": attempt,
            "responses": responses,
            "answered": answered,
            "now": now,
            "unanswered": [r for r in responses if not r.is_answered],
            "marked": [r for r in responses if r.marked],
            "time_left": clock(attempt.seconds_left(now)),
        },
    )


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = get_attempt_for_user(request.user, pk)
    now = timezone.now()
    if close_if_expired(attempt, now):
        messages.info(request, AUTO_SUBMITTED)
    elif attempt.submitted_at is None:
        submit_attempt(attempt=attempt, now=now)
    return to_results(request, attempt)


@login_required
@require_GET
def attempt_results(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = get_attempt_for_user(request.user, pk)
    now = timezone.now()
    close_if_expired(attempt, now)
    if attempt.submitted_at is None:
        messages.info(request, "Submit this attempt to see its results.")
        return redirect(attempt_url(attempt))
    outcome = results(attempt)
    missed = [r for r in outcome.responses if not r.correct]
    assignment = attempt.assignment
    return render(
        request,
        "quizzes/results.html",
        {
            "attempt": attempt,
            "results": outcome,
            "passing": PASSING_SCALED_SCORE,
            "missed": missed,
            "open_missed": len(missed) <= OPEN_MISSED,
            "assignment": assignment,
            # An assignment may keep its answers back until the due date, so nobody passes them on meanwhile.
            "answers_hidden": assignment is not None and not assignment.answers_visible(now),
        },
    )
