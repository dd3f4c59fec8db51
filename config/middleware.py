"""Middleware of our own: the health check answers before host checks and HTTPS redirects; NUL bytes get a 400."""

from django.http import HttpResponseBadRequest

from config.views import healthz

HEALTHZ_PATH = "/healthz"


class HealthCheckMiddleware:
    """Load balancers probe backends by IP over plain HTTP: /healthz must answer them, not redirect them to
    HTTPS or refuse their Host header. Placed first in MIDDLEWARE, it answers before either check runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTHZ_PATH:
            return healthz(request)
        return self.get_response(request)


class RefuseNulBytesMiddleware:
    """A NUL byte in a query string or form is never real input, and PostgreSQL refuses it in text (a 500).
    Refuse it at the door with a 400 that says so, whatever the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for params in (request.GET, request.POST) if request.method == "POST" else (request.GET,):
            for key, values in params.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    return HttpResponseBadRequest(
                        "A NUL byte is not allowed in a request's parameters.", content_type="text/plain; charset=utf-8"
                    )
        if "\x00" in request.path:
            return HttpResponseBadRequest(
                "A NUL byte is not allowed in an address.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
