"""Topic page speed, as a ratio to a bare view. Run by hand; prints its figures.

    .venv/bin/python bench/topic_bench.py                 # a throwaway SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stratus_wtNN .venv/bin/python bench/topic_bench.py

Ingests the shipped notes, then GETs each page --requests times in-process (Django's test client, so no network)
and prints the median and 90th percentile per page, and the median over /healthz (one query, a few bytes: the
"bare view"). The summary is stored at ingest, so a topic page only renders it: the ratio must not grow with it.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--requests", type=int, default=60)
ARGS = parser.parse_args()

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/topic_bench.sqlite3")
warnings.filterwarnings("ignore", "No directory at", UserWarning)  # whitenoise before collectstatic has run

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PAGES = [
    "/topics/amazon-s3/",
    "/topics/s3-storage-classes/",
    "/topics/route-53-routing-policies/",
    "/topics/aws-iam/",
    "/search/?q=glacier",
]


def timed(client: Client, path: str, n: int) -> list[float]:
    client.get(path)  # warm: template loading, first query plans
    times = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return sorted(times)


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("ingest", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    bare = statistics.median(timed(client, "/healthz", ARGS.requests))
    print(f"database: {django.db.connection.vendor}; {ARGS.requests} requests per page")
    print(f"{'page':42} {'median ms':>10} {'p90 ms':>8} {'x bare':>7} {'KB':>6}")
    print(f"{'/healthz (bare view)':42} {bare:10.2f} {'':>8} {1:7.1f}")
    for path in PAGES:
        times = timed(client, path, ARGS.requests)
        median = statistics.median(times)
        size = len(client.get(path).content) / 1024
        print(f"{path:42} {median:10.2f} {times[int(len(times) * 0.9)]:8.2f} {median / bare:7.1f} {size:6.0f}")


if __name__ == "__main__":
    main()
