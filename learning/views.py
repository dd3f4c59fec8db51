"""Learner pages: the daily review and the dashboard."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def review(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/review.html")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/dashboard.html")
