"""The app's URLs plus the floor view, for bench/settings_bench.py."""

from django.urls import path

from bench.floor import floor
from config.urls import handler500  # noqa: F401  (the 503 page for a database outage, as in the app)
from config.urls import urlpatterns as app_urlpatterns

urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *app_urlpatterns]
