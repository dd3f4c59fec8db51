"""Classes: instructors create and run them (roster, join code, co-instructors, progress); learners join."""

from __future__ import annotations

import functools
import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learning.models import StudySettings
from learning.roles import is_instructor
from quizzes.class_forms import CohortForm, CoInstructorForm, JoinForm
from quizzes.gradebook import class_progress
from quizzes.models import Assignment, Cohort, Membership

# Access


def require_instructor(user) -> None:
    """Instructor pages: 403 for a learner (they are signed in, just not allowed)."""
    if not is_instructor(user):
        raise PermissionDenied("Only instructors manage classes.")


def get_cohort_for_instructor(user, pk: int) -> Cohort:
    """A class the user teaches (created or co-teaches): 403 for learners, 404 for anyone else's class."""
    require_instructor(user)
    return get_object_or_404(Cohort.objects.taught_by(user), pk=pk)


def in_users_time_zone(view):
    """Dates are typed and shown in the signed-in person's own time zone (their study settings)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        name = "UTC"
        if request.user.is_authenticated:
            name = StudySettings.objects.filter(user=request.user).values_list("time_zone", flat=True).first() or "UTC"
        with timezone.override(zoneinfo.ZoneInfo(name)):
            return view(request, *args, **kwargs)

    return wrapped


# Classes


@login_required
@require_http_methods(["GET", "POST"])
def classes(request: HttpRequest) -> HttpResponse:
    require_instructor(request.user)
    form = CohortForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            cohort = create_cohort(name=form.cleaned_data["name"], instructor=request.user)
            messages.success(request, f"Class “{cohort.name}” created. Share its join code with your learners.")
            return redirect("quizzes:class", pk=cohort.pk)
    cohorts = Cohort.objects.taught_by(request.user).annotate(
        learners=Count("memberships", filter=Q(memberships__role=Membership.LEARNER), distinct=True),
        assignment_count=Count("assignments", distinct=True),
    )
    return render(
        request, "quizzes/classes.html", {"cohorts": cohorts, "form": form}, status=400 if form.errors else 200
    )


@transaction.atomic
def create_cohort(*, name: str, instructor) -> Cohort:
    now = timezone.now()
    for _ in range(5):  # a clash of random codes is astronomically rare; try again rather than fail
        try:
            with transaction.atomic():
                cohort = Cohort.objects.create(name=name, created_by=instructor, created_at=now)
                break
        except IntegrityError:
            continue
    Membership.objects.create(cohort=cohort, user=instructor, role=Membership.INSTRUCTOR, joined_at=now)
    return cohort


@login_required
@require_GET
@in_users_time_zone
def class_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_instructor(request.user, pk)
    members = list(cohort.memberships.select_related("user").order_by("role", "user__username"))
    assignments = cohort.assignments.annotate(started=Count("attempts__user", distinct=True)).order_by("-due_at")
    return render(
        request,
        "quizzes/class.html",
        {
            "cohort": cohort,
            "now": timezone.now(),
            "instructors": [m for m in members if m.role == Membership.INSTRUCTOR],
            "learners": [m for m in members if m.role == Membership.LEARNER],
            "assignments": assignments,
            "rename_form": CohortForm(initial={"name": cohort.name}),
            "instructor_form": CoInstructorForm(cohort=cohort),
        },
    )


@login_required
@require_POST
def rename_class(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_instructor(request.user, pk)
    form = CohortForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors["name"][0], status=400, content_type="text/plain; charset=utf-8")
    cohort.name = form.cleaned_data["name"]
    cohort.save(update_fields=["name"])
    messages.success(request, f"Renamed to “{cohort.name}”.")
    return redirect("quizzes:class", pk=cohort.pk)


@login_required
@require_POST
def archive_class(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_instructor(request.user, pk)
    archive = request.POST.get("archived", "1")
    if archive not in ("0", "1"):
        return HttpResponse("archived must be 1 or 0.", status=400, content_type="text/plain")
    cohort.archived = archive == "1"
    cohort.save(update_fields=["archived"])
    state = "archived: no one can join it, its grades stay" if cohort.archived else "active again"
    messages.success(request, f"“{cohort.name}” is {state}.")
    return redirect("quizzes:class", pk=cohort.pk)


@login_required
@require_POST
def regenerate_code(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_instructor(request.user, pk)
    cohort.regenerate_code()
    messages.success(request, f"New join code {cohort.display_code}. The old code no longer works.")
    return redirect("quizzes:class", pk=cohort.pk)


@login_required
@require_POST
def remove_learner(request: HttpRequest, pk: int, user_id: int) -> HttpResponse:
    """Take a learner out of the class. Their attempts stay (a re-join shows their grades again)."""
    cohort = get_cohort_for_instructor(request.user, pk)
    member = get_object_or_404(cohort.memberships.select_related("user"), user_id=user_id, role=Membership.LEARNER)
    member.delete()
    messages.success(request, f"{member.user.username} was removed from {cohort.name}.")
    return redirect("quizzes:class", pk=cohort.pk)


@login_required
@require_POST
def add_instructor(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_instructor(request.user, pk)
    form = CoInstructorForm(request.POST, cohort=cohort)
    if not form.is_valid():
        messages.error(request, form.errors["username"][0])
        return redirect("quizzes:class", pk=cohort.pk)
    user = form.cleaned_data["username"]
    # A learner of the class who is made co-instructor changes role rather than holding two memberships.
    Membership.objects.update_or_create(
        cohort=cohort, user=user, defaults={"role": Membership.INSTRUCTOR, "joined_at": timezone.now()}
    )
    messages.success(request, f"{user.username} now teaches {cohort.name} with you.")
    return redirect("quizzes:class", pk=cohort.pk)


@login_required
@require_GET
@in_users_time_zone
def class_progress_view(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_instructor(request.user, pk)
    now = timezone.now()
    learners, weakest = class_progress(cohort, now)
    names = {t.topic_id: t.name for t in weakest}
    for row in learners:
        row.weakest_topics = row.weakest(names)
    return render(
        request, "quizzes/class_progress.html", {"cohort": cohort, "learners": learners, "weakest": weakest, "now": now}
    )


# Joining (learners)


@login_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST or None, initial={"code": request.GET.get("code", "")[:40]})
    if request.method == "POST" and form.is_valid():
        cohort = form.cleaned_data["code"]
        member, created = Membership.objects.get_or_create(
            cohort=cohort, user=request.user, defaults={"role": Membership.LEARNER, "joined_at": timezone.now()}
        )
        if not created:
            messages.info(request, f"You are already in {cohort.name}.")
        else:
            messages.success(request, f"You joined {cohort.name}. Its assignments are listed below.")
        return redirect("quizzes:assignments")
    mine = Cohort.objects.attended_by(request.user).order_by("name")
    return render(request, "quizzes/join.html", {"form": form, "mine": mine}, status=400 if form.errors else 200)


def open_assignment_count(user, now) -> int:
    return Assignment.objects.for_learner(user).filter(opens_at__lte=now, due_at__gt=now).count()
