"""Middleware of our own: the health check answers before host checks and HTTPS redirects."""

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
