"""HTTP load test: gunicorn (the real app plus the floor view) under locust; prints one table and the workers' memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stratus_load .venv/bin/python bench/load.py \
        --learners 50 --instructors 5 --run-time 60 --instances 2

The database must hold a seeded population (`manage.py ingest`, then `manage.py seed_load`). Each instance is one
gunicorn (sync workers) on its own port, all against the same database; each user's actions go
to the instances in turn (a session opened on one goes on on the other). Runs with DEBUG=0 and production
settings except plain-HTTP cookies (bench/settings_bench.py).
Users sign in first (a burst of password hashes, reported apart); the measured run starts when all are in,
bounded in time (--run-time) and in count (--max-requests). Prints requests per second, p50/p95/p99 per page,
errors, each page's median as a ratio to the floor's, and each worker's resident memory at the end.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
TARGET_P95_MS, TARGET_RSS_MB = 150, 200


def bench_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings_bench",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "ERROR",
    }


def population(env: dict) -> tuple[int, int]:
    code = (
        "import django; django.setup(); from django.contrib.auth.models import User; "
        "from learning.population import LEARNER_PREFIX, INSTRUCTOR_PREFIX; "
        "print(User.objects.filter(username__startswith=LEARNER_PREFIX).count(), "
        "User.objects.filter(username__startswith=INSTRUCTOR_PREFIX).count())"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    learners, instructors = (int(n) for n in out.stdout.split())
    return learners, instructors


def start_gunicorn(port: int, workers: int, env: dict, log) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--timeout",
            "60",
            "--graceful-timeout",
            "5",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )


def wait_until_up(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn on port {port} did not answer /healthz within {seconds:.0f} s")


def worker_memory(masters: list[subprocess.Popen]) -> list[tuple[int, int, float, float]]:
    """(port index, worker pid, resident MB, CPU seconds) for every gunicorn worker: the CPU time shows that every
    instance took its share of the load."""
    rows = []
    for index, master in enumerate(masters):
        for child in psutil.Process(master.pid).children(recursive=True):
            times = child.cpu_times()
            rows.append((index, child.pid, child.memory_info().rss / 2**20, times.user + times.system))
    return rows


def read_stats(prefix: str) -> tuple[list[dict], dict]:
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    pages = [row for row in rows if row["Name"] != "Aggregated" and int(row["Request Count"])]
    total = next(row for row in rows if row["Name"] == "Aggregated")
    return pages, total


def run(args) -> dict:
    env = bench_env(args.database_url)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    seeded_learners, seeded_instructors = population(env)
    if not seeded_learners or not seeded_instructors:
        raise SystemExit("No seeded population in this database: run `manage.py seed_load` first.")
    ports = [args.port + n for n in range(args.instances)]
    workdir = Path(tempfile.mkdtemp(prefix="stratus-load-"))
    log = open(workdir / "gunicorn.log", "wb")
    masters = [start_gunicorn(port, args.workers, env, log) for port in ports]
    try:
        for port in ports:
            wait_until_up(port)
        users = args.learners + args.instructors
        load_env = {
            **env,
            "LOAD_HOSTS": ",".join(f"http://127.0.0.1:{p}" for p in ports),
            "LOAD_LEARNERS": str(seeded_learners),
            "LOAD_INSTRUCTORS": str(seeded_instructors),
            "LOAD_INSTRUCTOR_USERS": str(args.instructors),
            "LOAD_MAX_REQUESTS": str(args.max_requests),
            "LOAD_USERS": str(users),
            "LOAD_RUN_TIME": str(args.run_time),
            "LOAD_SIGN_IN_FILE": str(workdir / "sign_ins.json"),
        }
        prefix = str(workdir / "locust")
        started = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                str(args.spawn_rate),
                # a cap: the measured run ends RUN_TIME after the last sign-in (bench/locustfile.py)
                "--run-time",
                f"{args.run_time + 180}s",
                "--stop-timeout",
                "5",
                "--csv",
                prefix,
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env=load_env,
            check=False,
            **({} if args.verbose else {"stdout": log, "stderr": log}),
        )
        elapsed = time.monotonic() - started
        memory = worker_memory(masters)
    finally:
        for master in masters:
            master.terminate()
        for master in masters:
            try:
                master.wait(timeout=15)
            except subprocess.TimeoutExpired:
                master.kill()
        log.close()
    pages, total = read_stats(prefix)
    floor = next((row for row in pages if row["Name"] == "floor"), None)
    floor_median = float(floor["50%"]) if floor else 0.0
    result = {
        "ports": ports,
        "workers_per_instance": args.workers,
        "users": users,
        "learners": args.learners,
        "instructors": args.instructors,
        "seeded_learners": seeded_learners,
        "elapsed_s": round(elapsed, 1),
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "rps": float(total["Requests/s"]),
        "load_average": os.getloadavg(),
        "pages": [],
        "workers": [],
    }
    for row in sorted(pages, key=lambda r: r["Name"]):
        median = float(row["50%"])
        result["pages"].append(
            {
                "page": row["Name"],
                "method": row["Type"],
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": median,
                "p95": float(row["95%"]),
                "p99": float(row["99%"]),
                "x_floor": round(median / floor_median, 1) if floor_median else None,
            }
        )
    result["workers"] = [
        {"instance": ports[i], "pid": pid, "rss_mb": round(mb, 1), "cpu_s": round(cpu, 1)} for i, pid, mb, cpu in memory
    ]
    failures = workdir / "locust_failures.csv"
    result["failures"] = list(csv.DictReader(open(failures, newline=""))) if failures.exists() else []
    sign_ins = json.loads((workdir / "sign_ins.json").read_text())
    result["sign_ins"], result["measured"] = sign_ins["sign_ins"], sign_ins["measured"]
    result["log"] = str(workdir / "gunicorn.log")
    return result


def report(result: dict) -> list[str]:
    lines = [
        f"load test: {result['users']} users ({result['learners']} learners, {result['instructors']} "
        f"instructors, of {result['seeded_learners']:,} seeded) for {result['elapsed_s']:.0f} s against "
        f"{len(result['ports'])} gunicorn instance(s) x {result['workers_per_instance']} sync workers "
        f"(ports {', '.join(map(str, result['ports']))}), load average "
        f"{' '.join(f'{x:.2f}' for x in result['load_average'])}",
        f"measured after every user signed in: {result['requests']:,} requests, {result['rps']:.1f} requests/s, "
        f"{result['errors']} errors" + ("" if result["measured"] else "  (NOT every user signed in: whole run)"),
        "",
        f"{'page':<40} {'method':<6} {'reqs':>6} {'errs':>5} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'p50/floor':>9}  target p95 < {TARGET_P95_MS} ms",
    ]
    for page in result["pages"]:
        held = page["page"] != "floor"
        verdict = ("ok" if page["p95"] < TARGET_P95_MS else "OVER") if held else "(not held)"
        ratio = f"{page['x_floor']:.1f}x" if page["x_floor"] is not None else "-"
        lines.append(
            f"{page['page']:<40} {page['method']:<6} {page['requests']:>6} {page['errors']:>5} "
            f"{page['p50']:>7.0f} {page['p95']:>7.0f} {page['p99']:>7.0f} {ratio:>9}  {verdict}"
        )
    for name, figures in sorted(result["sign_ins"].items()):
        lines.append(
            f"{name + ' (before the run)':<40} {'':<6} {figures['requests']:>6} {'':>5} "
            f"{figures['p50']:>7.0f} {figures['p95']:>7.0f} {figures['max']:>7.0f} {'':>9}  "
            "(not held: PBKDF2 by design)"
        )
    lines.append("")
    for worker in result["workers"]:
        verdict = "ok" if worker["rss_mb"] < TARGET_RSS_MB else "OVER"
        lines.append(
            f"worker pid {worker['pid']} (port {worker['instance']}): {worker['rss_mb']:.0f} MB resident, "
            f"{worker['cpu_s']:.1f} s CPU  target < {TARGET_RSS_MB} MB: {verdict}"
        )
    for failure in result["failures"][:10]:
        lines.append(
            f"error: {failure.get('Method')} {failure.get('Name')}: {failure.get('Error')} "
            f"x{failure.get('Occurrences')}"
        )
    return lines


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--learners", type=int, default=50, help="learner users (think time about 1 s)")
    parser.add_argument("--instructors", type=int, default=5, help="instructor users opening gradebooks")
    parser.add_argument("--run-time", type=int, default=60, help="seconds")
    parser.add_argument("--max-requests", type=int, default=100_000, help="stop after this many requests")
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--instances", type=int, default=2, help="gunicorn instances, one port each")
    parser.add_argument("--workers", type=int, default=2, help="sync workers per instance")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8031")))
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--verbose", action="store_true", help="show locust's own output")
    parser.add_argument("--quiet", action="store_true", help="print nothing (bench/suite.py prints the report)")
    args = parser.parse_args(argv)
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL (or --database-url) to a seeded PostgreSQL database.")
    result = run(args)
    if not args.quiet:
        print("\n".join(report(result)))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
