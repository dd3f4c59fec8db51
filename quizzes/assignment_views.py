"""Assignments: instructors build and publish them and read the gradebook and item analysis; learners take them."""

from __future__ import annotations

import csv
import random
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learning.roles import is_instructor
from quizzes.assignments import AssignmentRefused, Standing, standing, start_assignment
from quizzes.attempts import draw_practice, results
from quizzes.class_forms import AssignmentForm
from quizzes.class_views import in_users_time_zone, require_instructor
from quizzes.gradebook import (
    FEWEST_FOR_FLAGS,
    LOW_DISCRIMINATION,
    TOO_EASY,
    TOO_HARD,
    UPPER_LOWER_SHARE,
    assignment_items,
    csv_rows,
    duration,
    gradebook,
    group_size,
    parse_sort,
)
from quizzes.models import Assignment, Attempt, Cohort, Membership, Question
from quizzes.views import attempt_url

# Access


def get_assignment_for_instructor(user, pk: int) -> Assignment:
    """An assignment published to a class the user teaches: 403 for learners, 404 for other instructors."""
    require_instructor(user)
    return get_object_or_404(Assignment.objects.for_instructor(user), pk=pk)


def get_assignment_for_learner(user, pk: int) -> Assignment:
    """An assignment of one of the learner's classes; anyone else's is 404, as if it did not exist."""
    return get_object_or_404(Assignment.objects.for_learner(user), pk=pk)


# Learners


@login_required
@require_GET
@in_users_time_zone
def assignment_list(request: HttpRequest) -> HttpResponse:
    """The learner's assignments with their status; an instructor also sees the ones they set."""
    now = timezone.now()
    mine = list(Assignment.objects.for_learner(request.user).prefetch_related("cohorts").order_by("due_at", "pk"))
    attempts: dict[int, list[Attempt]] = {}
    for attempt in Attempt.objects.filter(user=request.user, assignment__in=mine).order_by("started_at", "pk"):
        attempts.setdefault(attempt.assignment_id, []).append(attempt)
    rows = []
    for assignment in mine:
        place = Standing(assignment, attempts.get(assignment.pk, []), now)
        rows.append(
            {
                "assignment": assignment,
                "standing": place,
                "status": place.status,
                "classes": ", ".join(c.name for c in assignment.cohorts.all()),
            }
        )
    upcoming = [r for r in rows if r["status"] in ("not started", "in progress") and now < r["assignment"].closes_at]
    done = [r for r in rows if r not in upcoming]
    taught = []
    if is_instructor(request.user):
        taught = list(
            Assignment.objects.for_instructor(request.user).prefetch_related("cohorts").order_by("-due_at")[:50]
        )
    return render(
        request,
        "quizzes/assignments.html",
        {
            "upcoming": upcoming,
            "done": done,
            "taught": taught,
            "now": now,
            "has_class": Membership.objects.filter(user=request.user).exists(),
        },
    )


@login_required
@require_GET
@in_users_time_zone
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # One URL for both sides: the class's instructors get the overview, its learners the assignment page.
    if is_instructor(request.user):
        taught = Assignment.objects.for_instructor(request.user).filter(pk=pk).first()
        if taught is not None:
            return instructor_overview(request, taught)
    assignment = get_assignment_for_learner(request.user, pk)
    now = timezone.now()
    place = standing(assignment, request.user, now)
    return render(
        request,
        "quizzes/assignment.html",
        {
            "assignment": assignment,
            "standing": place,
            "now": now,
            "classes": ", ".join(c.name for c in assignment.cohorts.all()),
            "answers_visible": assignment.answers_visible(now),
        },
    )


@login_required
@require_POST
def start(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_assignment_for_learner(request.user, pk)
    try:
        attempt = start_assignment(assignment=assignment, user=request.user, now=timezone.now())
    except AssignmentRefused as refused:
        messages.error(request, str(refused))
        return redirect("quizzes:assignment", pk=assignment.pk)
    return redirect(attempt_url(attempt))


# Instructors: building and editing


def instructor_overview(request: HttpRequest, assignment: Assignment) -> HttpResponse:
    now = timezone.now()
    book = gradebook(assignment, now)
    questions = {q.pk: q for q in Question.objects.filter(pk__in=assignment.question_ids).select_related("topic")}
    return render(
        request,
        "quizzes/assignment_admin.html",
        {
            "assignment": assignment,
            "book": book,
            "now": now,
            "classes": assignment.cohorts.all(),
            "questions": [questions[pk] for pk in assignment.question_ids if pk in questions],
        },
    )


def picked_questions(ids: list[int]) -> list[Question]:
    found = {q.pk: q for q in Question.objects.filter(pk__in=ids).select_related("topic")}
    return [found[pk] for pk in ids if pk in found]


@login_required
@require_http_methods(["GET", "POST"])
@in_users_time_zone
def new_assignment(request: HttpRequest) -> HttpResponse:
    require_instructor(request.user)
    now = timezone.now()
    if request.method == "POST":
        form = AssignmentForm(request.POST, user=request.user)
        if form.is_valid():
            assignment = create_assignment(form, user=request.user, now=now)
            messages.success(
                request, f"“{assignment.title}” is published to {', '.join(c.name for c in assignment.cohorts.all())}."
            )
            return redirect("quizzes:assignment", pk=assignment.pk)
    else:
        initial = {
            "opens_at": timezone.localtime(now).replace(second=0, microsecond=0),
            "due_at": (timezone.localtime(now) + timedelta(days=7)).replace(
                hour=23, minute=59, second=0, microsecond=0
            ),
        }
        picked = request.GET.getlist("questions")
        if picked:
            initial.update(how=AssignmentForm.PICK, questions=picked)
        if request.GET.get("class", "").isdigit():
            initial["cohorts"] = Cohort.objects.taught_by(request.user).filter(pk=int(request.GET["class"]))
        form = AssignmentForm(initial=initial, user=request.user)
        form.is_bound = False
    return render(
        request, "quizzes/assignment_form.html", builder_context(form, request), status=400 if form.errors else 200
    )


def builder_context(form: AssignmentForm, request: HttpRequest, assignment: Assignment | None = None) -> dict:
    field = form["questions"]
    raw = field.value() or []
    try:
        ids = form.fields["questions"].to_python(raw)
    except forms.ValidationError:  # shown again with its error; nothing to list
        ids = []
    if assignment is not None and not ids:
        ids = list(assignment.question_ids)
    return {
        "form": form,
        "assignment": assignment,
        "picked": picked_questions(ids),
        "no_classes": not form.fields["cohorts"].queryset.exists(),
    }


def draw_ids(form: AssignmentForm) -> tuple[list[int], dict]:
    data = form.cleaned_data
    if data["how"] == AssignmentForm.PICK:
        return data["questions"], {"how": "pick"}
    topics, domains = list(data.get("topics") or []), list(data.get("domains") or [])
    ids = draw_practice(topic_ids=[t.pk for t in topics], domains=domains, count=data["count"], rng=random.Random())
    return ids, {"how": "draw", "topics": [t.slug for t in topics], "domains": domains, "count": data["count"]}


RULE_FIELDS = ("title", "opens_at", "due_at", "late_until", "time_limit_minutes", "attempts_allowed", "show_answers")


@transaction.atomic
def create_assignment(form: AssignmentForm, *, user, now) -> Assignment:
    ids, source = draw_ids(form)
    assignment = Assignment.objects.create(
        created_by=user,
        created_at=now,
        question_ids=ids,
        source=source,
        **{k: form.cleaned_data[k] for k in RULE_FIELDS},
    )
    assignment.cohorts.set(form.cleaned_data["cohorts"])
    return assignment


@login_required
@require_http_methods(["GET", "POST"])
@in_users_time_zone
def edit_assignment(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_assignment_for_instructor(request.user, pk)
    locked = assignment.is_locked
    if request.method == "POST":
        form = AssignmentForm(request.POST, user=request.user, locked=locked)
        keep = request.POST.get("how") == "keep" and not locked
        if keep:
            form.fields["how"].required = False
            form.fields["how"].choices = [*form.fields["how"].choices, ("keep", "keep")]
            form.locked = True  # nothing about the questions to check
        if form.is_valid():
            with transaction.atomic():
                assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
                if not locked and not keep and not assignment.attempts.exists():
                    assignment.question_ids, assignment.source = draw_ids(form)
                for name in RULE_FIELDS:
                    setattr(assignment, name, form.cleaned_data[name])
                assignment.save()
                # Classes of other instructors that it was published to stay; this instructor's are as ticked.
                others = assignment.cohorts.exclude(pk__in=Cohort.objects.taught_by(request.user))
                assignment.cohorts.set([*others, *form.cleaned_data["cohorts"]])
            messages.success(
                request,
                "Saved."
                + (
                    " The questions are locked because learners have started it; the dates and rules changed."
                    if locked
                    else ""
                ),
            )
            return redirect("quizzes:assignment", pk=assignment.pk)
    else:
        initial = {name: getattr(assignment, name) for name in RULE_FIELDS}
        initial.update(
            cohorts=assignment.cohorts.all(),
            how="keep" if not locked else assignment.source.get("how"),
            questions=assignment.question_ids,
            count=assignment.question_count,
        )
        for key in ("opens_at", "due_at", "late_until"):
            if initial[key]:
                initial[key] = timezone.localtime(initial[key])
        form = AssignmentForm(initial=initial, user=request.user, locked=locked)
    context = builder_context(form, request, assignment)
    context["locked"] = locked
    return render(request, "quizzes/assignment_form.html", context, status=400 if form.errors else 200)


# Instructors: gradebook and item analysis


@login_required
@require_GET
@in_users_time_zone
def gradebook_view(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_assignment_for_instructor(request.user, pk)
    now = timezone.now()
    book = gradebook(assignment, now)
    sort = request.GET.get("sort", "name")
    key, descending = parse_sort(sort)
    # Rows as plain strings: a 200-row table rendered from model properties spent most of its time in template
    # lookups, date filters and {% url %}.
    answers_url = reverse("quizzes:learner_answers", args=[assignment.pk, 0])[:-2]
    rows = [
        {
            "username": r.user.username,
            "cohort": r.cohort.name,
            "status": r.status,
            "status_class": r.status.replace(" ", "-"),
            "status_label": r.status.capitalize(),
            "percent": r.percent,
            "right": r.right,
            "submitted": timezone.localtime(r.submitted_at).strftime("%-d %b, %H:%M") if r.submitted_at else "",
            "late": r.is_late,
            "time": duration(r.time_taken) or "–",
            "attempts": r.attempts_used,
            "answers_url": f"{answers_url}{r.user.pk}/" if r.attempts_used else "",
        }
        for r in book.sorted(sort)
    ]
    summary = book.spread
    bins = [0] * 10
    for row in book.rows:
        if row.score is not None:
            bins[min(9, int(row.score * 10))] += 1
    peak = max(bins) or 1
    histogram = []
    for i, n in enumerate(bins):  # SVG geometry: bars 26 wide every 30, up to 95 tall on a baseline at 110
        height = round(95 * n / peak)
        histogram.append(
            {
                "label": f"{10 * i}–{10 * i + 9 if i < 9 else 100}%",
                "count": n,
                "x": 30 * i + 2,
                "y": 110 - height,
                "h": height,
                "mid": 30 * i + 15,
            }
        )
    columns = [
        ("name", "Learner"),
        ("class", "Class"),
        ("status", "Status"),
        ("score", "Score"),
        ("submitted", "Submitted"),
        ("time", "Time taken"),
    ]
    headers = [
        {
            "key": k,
            "label": label,
            "active": k == key,
            "descending": descending and k == key,
            "next": f"-{k}" if k == key and not descending else k,
        }
        for k, label in columns
    ]
    return render(
        request,
        "quizzes/gradebook.html",
        {
            "assignment": assignment,
            "book": book,
            "rows": rows,
            "summary": summary,
            "counts": book.counts,
            "headers": headers,
            "sort": sort,
            "histogram": histogram,
            "now": now,
            "multi_class": len({r.cohort.pk for r in book.rows}) > 1,
        },
    )


@login_required
@require_GET
def gradebook_csv(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_assignment_for_instructor(request.user, pk)
    book = gradebook(assignment, timezone.now())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    slug = "".join(ch if ch.isalnum() else "-" for ch in assignment.title.lower()).strip("-")[:60] or "assignment"
    response["Content-Disposition"] = f'attachment; filename="gradebook-{assignment.pk}-{slug}.csv"'
    writer = csv.writer(response)
    for row in csv_rows(book, request.GET.get("sort", "name")):
        # A name starting with = + - @ would run as a formula in a spreadsheet: quote it as text.
        writer.writerow([f"'{v}" if isinstance(v, str) and v and v[0] in "=+-@" else v for v in row])
    return response


@login_required
@require_GET
@in_users_time_zone
def learner_answers(request: HttpRequest, pk: int, user_id: int) -> HttpResponse:
    """Every answer of one learner: the graded attempt by default, any of their attempts by `?attempt=`."""
    assignment = get_assignment_for_instructor(request.user, pk)
    now = timezone.now()
    book = gradebook(assignment, now)
    row = next((r for r in book.rows if r.user.pk == user_id), None)
    if row is None:
        raise Http404("No such learner in this assignment.")
    attempts = row.standing.attempts
    chosen = row.graded
    wanted = request.GET.get("attempt", "")
    if wanted:
        if not (wanted.isascii() and wanted.isdigit()):
            return HttpResponse("attempt must be a number.", status=400, content_type="text/plain")
        chosen = next((a for a in attempts if a.pk == int(wanted)), None)
        if chosen is None:
            raise Http404("No such attempt of this learner.")
    outcome = results(chosen) if chosen is not None and chosen.submitted_at else None
    return render(
        request,
        "quizzes/learner_answers.html",
        {
            "assignment": assignment,
            "row": row,
            "attempts": attempts,
            "chosen": chosen,
            "results": outcome,
            "time_text": duration(row.time_taken),
            "now": now,
        },
    )


@login_required
@require_GET
def item_analysis(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_assignment_for_instructor(request.user, pk)
    book = gradebook(assignment, timezone.now())
    items = assignment_items(book)
    graded = sum(1 for r in book.rows if r.graded is not None)
    return render(
        request,
        "quizzes/items.html",
        {
            "assignment": assignment,
            "items": items,
            "graded": graded,
            "group": group_size(graded),
            "share": round(100 * UPPER_LOWER_SHARE),
            "low_d": LOW_DISCRIMINATION,
            "too_easy": TOO_EASY,
            "too_hard": TOO_HARD,
            "fewest": FEWEST_FOR_FLAGS,
            "flagged": sum(1 for i in items if i.flagged),
            "bank_url": reverse("quizzes:bank"),
        },
    )
