"""Settings for the HTTP benchmarks (bench/load.py, bench/outage_drill.py): the app's own settings, from the same
environment, plus the floor view's URL. Only the benchmarks use this module; the app never imports it."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls_bench"

# The load test talks plain HTTP to 127.0.0.1, where production has TLS at the proxy: the cookies must not be
# Secure-only (an HTTP client keeps them to itself) and nothing redirects to HTTPS. Everything else is production's.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
