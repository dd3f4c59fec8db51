"""The floor: a bare Django view doing one indexed query and rendering a one-line template. Served beside the app
by bench/urls_bench.py, through the same middleware and settings, it is what the framework costs by itself."""

from django.http import HttpRequest, HttpResponse
from django.template import engines

from content.models import Topic

LINE = engines["django"].from_string("<p>{{ name }}</p>\n")


def floor(request: HttpRequest) -> HttpResponse:
    name = Topic.objects.filter(slug="amazon-s3").values_list("name", flat=True).first()  # unique index on slug
    return HttpResponse(LINE.render({"name": name}, request))
