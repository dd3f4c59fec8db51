"""Public topic pages built from the ingested notes."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def topic_index(request: HttpRequest) -> HttpResponse:
    return render(request, "content/topic_index.html")
