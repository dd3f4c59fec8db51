"""Database outage drill: stop the app's PostgreSQL for 10 s under load and watch what learners get.

    .venv/bin/python bench/outage_drill.py            # about a minute; prints what it saw, exits 1 if a check fails

It starts a PostgreSQL cluster of its own (initdb into a temporary directory, its own port; never the shared
server), loads a small population into it (ingest, seed_load), serves the app with gunicorn (DEBUG=0, production
settings, plain-HTTP cookies: bench/settings_bench.py) and runs a few signed-in learners who read pages and rate
cards. Then it kills the database (pg_ctl stop -m immediate: as a crash, committed work must come back from the
WAL), keeps the load going for the outage, starts the database again and checks:
  - every request during the outage got the 503 page with Retry-After (no 500, no traceback);
  - the app answers again within 5 s of the database's return, by itself (no restart);
  - every review the app confirmed before the outage is still there.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "stratus-load-2026"
CARD = re.compile(r'name="card" value="(\d+)"')
TOKEN = re.compile(r'name="token" value="([0-9a-f]+)"')
RECOVERY_LIMIT_S = 5.0


@dataclass
class Seen:
    at: float
    page: str
    status: int
    retry_after: str | None
    friendly: bool  # the 503 page's own words
    traceback: bool


def pg_bin(name: str) -> str:
    for version in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (version / name).exists():
            return str(version / name)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: the drill needs PostgreSQL's server binaries")
    return found


def as_postgres(args: list[str]) -> list[str]:
    """initdb and pg_ctl refuse to run as root: run them as the postgres user when we are root."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


class Cluster:
    def __init__(self, port: int):
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="stratus-drill-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"

    def init(self) -> None:
        subprocess.run(
            as_postgres([pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync"]),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        subprocess.run(
            as_postgres(
                [
                    pg_bin("pg_ctl"),
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.dir / "server.log"),
                    "-o",
                    f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir}",
                    "-w",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]),
            check=False,
            capture_output=True,
        )

    def psql(self, sql: str, database: str = "postgres") -> str:
        return subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database, "-Atc", sql],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


class Learner:
    """A signed-in browser: cookies, CSRF token, and a log of every answer it got."""

    def __init__(self, base: str, username: str, seen: list[Seen], lock: threading.Lock):
        self.base, self.username, self.seen, self.lock = base, username, seen, lock
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.confirmed: list[str] = []  # tokens of ratings the app answered 200 to

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(self, page: str, path: str, data: dict | None = None, record: bool = True) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.base + path, data=body, headers={"X-CSRFToken": self.csrf(), "Referer": self.base + "/"}
        )
        try:
            with self.opener.open(request, timeout=10) as answer:
                status, headers, text = answer.status, answer.headers, answer.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            status, headers, text = error.code, error.headers, error.read().decode("utf-8", "replace")
        except OSError:
            status, headers, text = 0, {}, ""
        if record:
            with self.lock:
                self.seen.append(
                    Seen(
                        time.monotonic(),
                        page,
                        status,
                        headers.get("Retry-After"),
                        "Back in a moment" in text,
                        "Traceback" in text or "Server Error" in text,
                    )
                )
        return status, text

    def sign_in(self) -> None:
        self.request("sign in", "/accounts/login/", record=False)
        status, _ = self.request(
            "sign in",
            "/accounts/login/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()},
            record=False,
        )
        if status != 200:
            raise SystemExit(f"{self.username} could not sign in ({status})")

    def rate_one(self) -> None:
        status, text = self.request("/review/?show=1", "/review/?show=1")
        card, token = CARD.search(text), TOKEN.search(text)
        if status == 200 and card and token:
            status, _ = self.request(
                "/review/rate/", "/review/rate/", {"card": card.group(1), "token": token.group(1), "rating": "3"}
            )
            if status == 200:
                self.confirmed.append(token.group(1))

    def browse(self, stop: threading.Event) -> None:
        turn = 0
        while not stop.is_set():
            turn += 1
            if turn % 3 == 0:
                self.rate_one()
            else:
                self.request(
                    "/dashboard/" if turn % 3 == 1 else "/topics/", "/dashboard/" if turn % 3 == 1 else "/topics/"
                )
            stop.wait(0.2)


def run(args) -> int:
    cluster = Cluster(args.pg_port)
    database_url = f"postgres://postgres@127.0.0.1:{args.pg_port}/stratus_drill"
    env = {**os.environ, "DATABASE_URL": database_url, "TASK_BACKEND": "immediate", "LOG_LEVEL": "CRITICAL"}
    app_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench.settings_bench",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    gunicorn = None
    try:
        print(f"drill: own PostgreSQL cluster in {cluster.dir} on port {args.pg_port}")
        cluster.init()
        cluster.start()
        cluster.psql("CREATE DATABASE stratus_drill")
        setup_env = {**env, "DEBUG": "1"}
        for command in (
            ["migrate", "-v0"],
            ["ingest"],
            ["seed_load", "--learners", str(args.learners), "--cards-per-learner", "60", "--days", "60"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=setup_env if command[0] != "collectstatic" else app_env,
                check=True,
                capture_output=True,
            )
        gunicorn = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{args.app_port}",
                "--workers",
                "2",
                "--timeout",
                "30",
            ],
            cwd=ROOT,
            env=app_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{args.app_port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        print(f"drill: gunicorn (2 sync workers, DEBUG=0) on {base}; {args.learners} learners browsing and rating")

        seen: list[Seen] = []
        lock = threading.Lock()
        learners = [Learner(base, f"load-learner-{n + 1:04d}", seen, lock) for n in range(args.learners)]
        for learner in learners:
            learner.sign_in()
        stop = threading.Event()
        threads = [threading.Thread(target=learner.browse, args=(stop,)) for learner in learners]
        for thread in threads:
            thread.start()
        time.sleep(args.before)
        committed = {token for learner in learners for token in learner.confirmed}
        rows_before = int(cluster.psql("SELECT count(*) FROM learning_reviewlog", "stratus_drill"))
        down_at = time.monotonic()
        cluster.stop("immediate")
        print(
            f"drill: PostgreSQL killed (pg_ctl stop -m immediate) with {len(committed)} ratings confirmed "
            f"by the app, {rows_before:,} review rows in the database"
        )
        time.sleep(args.outage)
        restart_at = time.monotonic()  # the database may accept connections before pg_ctl start returns
        cluster.start()
        back_at = time.monotonic()
        print(f"drill: PostgreSQL back after {back_at - down_at:.1f} s")
        time.sleep(args.after)
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=15)
        kept = None
        if "committed" in locals() and committed:
            tokens = ",".join(f"'{t}'" for t in committed)
            try:
                kept = int(
                    cluster.psql(f"SELECT count(*) FROM learning_reviewlog WHERE token IN ({tokens})", "stratus_drill")
                )
            except subprocess.CalledProcessError:
                kept = None
        cluster.remove()

    before = [s for s in seen if s.at < down_at]
    # A request already in flight may finish after the kill; while pg_ctl start waits for the server to accept
    # connections, answers may already be 200s: the outage window is from the kill to the restart command.
    during = [s for s in seen if down_at + 0.5 <= s.at < restart_at]
    after = [s for s in seen if s.at >= back_at]
    failures_after = [s for s in after if s.status != 200]
    recovered_in = (max(s.at for s in failures_after) - back_at) if failures_after else 0.0
    first_ok = min((s.at for s in after if s.status == 200), default=None)

    def summary(rows: list[Seen]) -> str:
        return (
            ", ".join(
                f"{status or 'no answer'}: {count}" for status, count in sorted(Counter(s.status for s in rows).items())
            )
            or "none"
        )

    friendly_503 = [s for s in during if s.status == 503 and s.retry_after and s.friendly and not s.traceback]
    print(f"before the outage  ({len(before)} requests): {summary(before)}")
    print(
        f"during the outage  ({len(during)} requests): {summary(during)}; 503 page with Retry-After "
        f"{friendly_503[0].retry_after if friendly_503 else '-'}: {len(friendly_503)} of {len(during)}"
    )
    print(
        f"after the return   ({len(after)} requests): {summary(after)}; first 200 "
        f"{(first_ok - back_at) if first_ok else float('nan'):.2f} s and last failure {recovered_in:.2f} s after "
        "the database accepted connections again"
    )
    print(f"reviews confirmed before the outage: {len(committed)}; still in the database after it: {kept}")
    checks = {
        "every request during the outage got the friendly 503 with Retry-After": bool(during)
        and len(friendly_503) == len(during),
        f"the app answered again within {RECOVERY_LIMIT_S:.0f} s of the database's return": recovered_in
        <= RECOVERY_LIMIT_S
        and any(s.status == 200 for s in after),
        "no confirmed review was lost": kept == len(committed) and len(committed) > 0,
        "no 500 at any time": not any(s.status == 500 for s in seen),
    }
    for check, held in checks.items():
        print(f"  {'ok  ' if held else 'FAIL'} {check}")
    return 0 if all(checks.values()) else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("DRILL_PG_PORT", "8038")))
    parser.add_argument("--app-port", type=int, default=int(os.environ.get("DRILL_APP_PORT", "8039")))
    parser.add_argument("--learners", type=int, default=4)
    parser.add_argument("--before", type=float, default=8, help="seconds of load before the outage")
    parser.add_argument("--outage", type=float, default=10, help="seconds the database is down")
    parser.add_argument("--after", type=float, default=10, help="seconds of load after it returns")
    sys.exit(run(parser.parse_args()))


if __name__ == "__main__":
    main()
