"""Upload the five shipped notes as a zip through the web server until their content is live; run by hand.

A real web server (runserver) and a real job worker (`manage.py db_worker --interval 0.2`, as `make run` starts
it) run as their own processes on the bench database. Each run empties the library and the content, signs in as an
instructor, posts the zip to /library/upload/ and waits until the job is done; meanwhile another thread keeps asking
the same web server for /topics/ and the figures compare those answers with the same page asked while nothing runs.
It prints the median time until live and whether it met the target (< 5 s).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stratus_bench .venv/bin/python bench/library_bench.py [RUNS]
"""

import http.cookiejar
import io
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ["TASK_BACKEND"] = "database"

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from content.models import Fact, IngestJob, Note, Section, Source, Topic  # noqa: E402
from content.services import NOTES_DIR  # noqa: E402
from learning.models import Flashcard  # noqa: E402
from learning.roles import make_instructor  # noqa: E402
from quizzes.models import Question  # noqa: E402

PORT = int(os.environ.get("BENCH_PORT", "8011"))
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "bench-password-2026"
TARGET_SECONDS = 5.0  # issue 11: the five shipped notes as a zip, until live
POLL_SECONDS = 0.2  # the worker's --interval, as the Makefile and the README run it


def reset() -> None:
    for model in (IngestJob, Note, Question, Flashcard, Fact, Section, Source, Topic):
        model.objects.all().delete()


def course_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for note in sorted(NOTES_DIR.glob("*.txt")):
            archive.write(note, f"course/{note.name}")
    return buffer.getvalue()


class Browser:
    """A signed-in session against the running server (cookies and the CSRF token, as a browser keeps them)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def sign_in(self, username: str) -> None:
        self.opener.open(f"{BASE}/accounts/login/").read()
        data = urllib.parse.urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()}
        ).encode()
        self.opener.open(
            urllib.request.Request(f"{BASE}/accounts/login/", data=data, headers={"Referer": f"{BASE}/accounts/login/"})
        ).read()

    def upload(self, name: str, data: bytes) -> str:
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{self.csrf()}\r\n'
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                f"Content-Type: application/zip\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        request = urllib.request.Request(
            f"{BASE}/library/upload/",
            data=body,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Referer": f"{BASE}/library/upload/"},
        )
        with self.opener.open(request) as response:
            return response.geturl()  # the job page the upload redirected to


def page_times(stop: threading.Event, times: list[float], path: str = "/topics/") -> None:
    """A visitor reading pages, ten a second at most (a tight loop would take a CPU from the job it measures)."""
    while not stop.is_set():
        started = time.perf_counter()
        urllib.request.urlopen(BASE + path).read()
        times.append(time.perf_counter() - started)
        stop.wait(0.1)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc): what a job costs whatever else the machine runs."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def wait_for_server() -> None:
    for _ in range(200):
        try:
            urllib.request.urlopen(f"{BASE}/healthz").read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the web server did not start on port {PORT}")


def main(runs: int = 3) -> None:
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    user = User.objects.filter(username="bench-instructor").first() or User.objects.create_user(
        "bench-instructor", password=PASSWORD
    )
    make_instructor(user)
    env = {**os.environ, "TASK_BACKEND": "database", "DEBUG": "1"}
    python = sys.executable
    web = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [python, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", str(POLL_SECONDS)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_server()
        data = course_zip()
        live, ingest, cpu, quiet, busy = [], [], [], [], []
        for _ in range(runs):
            reset()
            idle_stop, idle = threading.Event(), []
            idle_thread = threading.Thread(target=page_times, args=(idle_stop, idle))
            idle_thread.start()
            time.sleep(2)
            idle_stop.set()
            idle_thread.join()
            quiet.extend(idle[1:])

            browser = Browser()
            browser.sign_in(user.username)
            stop, during = threading.Event(), []
            worker_cpu = cpu_seconds(worker.pid)
            started = time.perf_counter()
            job_url = browser.upload("course.zip", data)
            poller = threading.Thread(target=page_times, args=(stop, during))
            poller.start()
            job_id = int(job_url.rstrip("/").rsplit("/", 1)[1])
            while True:
                job = IngestJob.objects.get(pk=job_id)
                if job.finished:
                    break
                time.sleep(0.05)
            live.append(time.perf_counter() - started)
            cpu.append(cpu_seconds(worker.pid) - worker_cpu)
            stop.set()
            poller.join()
            busy.extend(during)
            assert job.status == IngestJob.DONE, job.error
            ingest.append(job.seconds)
            assert Note.objects.live().count() == 5 and Topic.objects.with_content().count() > 70
        print(
            f"upload of the five shipped notes as a zip ({len(data) / 1024:.0f} KB) until live, over {runs} runs: "
            f"median {statistics.median(live):.2f} s, worst {max(live):.2f} s (target < 5 s: "
            f"{'met' if statistics.median(live) < TARGET_SECONDS else 'missed'}); the job itself "
            f"{statistics.median(ingest):.2f} s, the rest is the request and the worker's {POLL_SECONDS} s polling"
        )
        print(
            f"the worker's CPU time per job: median {statistics.median(cpu):.2f} s (the figure an idle machine "
            f"approaches, plus PostgreSQL's own time); load average now {os.getloadavg()[0]:.1f} on "
            f"{os.cpu_count()} CPUs"
        )
        print(
            f"/topics/ from the same web server: idle p50 {quantile(quiet, 0.5) * 1000:.0f} ms, p95 "
            f"{quantile(quiet, 0.95) * 1000:.0f} ms ({len(quiet)} requests); while the job runs p50 "
            f"{quantile(busy, 0.5) * 1000:.0f} ms, p95 {quantile(busy, 0.95) * 1000:.0f} ms ({len(busy)} requests); "
            f"ratio p50 {quantile(busy, 0.5) / quantile(quiet, 0.5):.2f}x"
        )
    finally:
        for process in (worker, web):
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
