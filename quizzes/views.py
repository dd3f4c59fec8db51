"""Quizzes for learners and classes for instructors."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learning.roles import is_instructor


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "quizzes/index.html")


@login_required
def classes(request: HttpRequest) -> HttpResponse:
    if not is_instructor(request.user):
        raise PermissionDenied("Only instructors manage classes.")
    return render(request, "quizzes/classes.html")
