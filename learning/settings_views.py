"""The learner's study settings: retention, daily limits, when their day starts, and which topics they study."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from learning.forms import StudySettingsForm
from learning.models import StudySettings


@login_required
@require_http_methods(["GET", "POST"])
def study_settings(request: HttpRequest) -> HttpResponse:
    study = StudySettings.for_user(request.user)  # each learner's own row: there is no one else's to reach
    if request.method == "POST":
        form = StudySettingsForm(request.POST, instance=study)
        if form.is_valid():
            form.save()
            messages.success(request, "Study settings saved. Your review queue uses them from now on.")
            return redirect("learning:study_settings")
    else:
        form = StudySettingsForm(instance=study)
    return render(request, "learning/study_settings.html", {"form": form})
