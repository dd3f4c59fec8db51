"""Export pages: cards of chosen topics as an Anki package or a CSV, and the learner's own history and settings."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from content.models import Topic
from learning.export import (
    ExportFile,
    NothingToExport,
    build_export,
    cards_for_export,
    deck_topics,
    history_csv_lines,
    settings_document,
)
from learning.export_forms import CardExportForm
from learning.models import StudySettings

# Access: cards are shared content (any active card may be exported by any learner); history and settings are only
# ever read for request.user, so there is no one else's to reach.


def attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def export_page(
    request: HttpRequest, form: CardExportForm, topics: list[Topic], *, status: int = 200, empty: str = ""
) -> HttpResponse:
    study = StudySettings.for_user(request.user)  # read only to show the page: a download does not need it
    deck = deck_topics(study, topics)
    if not form.is_bound:
        form.initial = {"format": "apkg", "topics": deck}  # default: the learner's deck
    return render(
        request,
        "learning/export.html",
        {
            "form": form,
            "empty": empty,
            "deck_slugs": [topic.slug for topic in deck],
            "deck_cards": sum(topic.active_cards for topic in deck),
            "whole_deck": not study.deck_topics,
            "has_cards": bool(topics),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def export_cards(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        form = CardExportForm()
        return export_page(request, form, list(form.fields["topics"].queryset))
    form = CardExportForm(request.POST)
    if not form.is_valid():  # the page offers valid choices only: a hand-made request
        return export_page(request, form, list(form.fields["topics"].queryset), status=400)
    chosen = form.cleaned_data["topics"]
    try:
        if not chosen:
            raise NothingToExport("Nothing to export: tick at least one topic.")
        export = build_export(cards_for_export(chosen), form.cleaned_data["format"], timezone.now())
    except NothingToExport as nothing:
        return export_page(request, form, list(form.fields["topics"].queryset), empty=str(nothing))
    return file_response(export)


def file_response(export: ExportFile) -> HttpResponse:
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Length"] = str(len(export.content))
    # The page's progress line reads these to say what was built.
    response["X-Export-Cards"] = str(export.card_count)
    response["X-Export-Topics"] = str(export.topic_count)
    return attachment(response, export.filename)


@login_required
@require_GET
def export_history(request: HttpRequest) -> StreamingHttpResponse:
    """Every review and quiz answer of the signed-in learner, streamed: a long history is many rows."""
    response = StreamingHttpResponse(history_csv_lines(request.user), content_type="text/csv; charset=utf-8")
    return attachment(response, f"stratus-history-{timezone.now():%Y-%m-%d}.csv")


@login_required
@require_GET
def export_settings(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        settings_document(request.user, timezone.now()), content_type="application/json; charset=utf-8"
    )
    return attachment(response, f"stratus-settings-{timezone.now():%Y-%m-%d}.json")
