"""`make bench`: seed a fresh PostgreSQL database, run the HTTP load test and the in-process benchmarks; one table.

    .venv/bin/python bench/suite.py --learners 50 --run-time 20      # what `make bench` runs (small and short)
    .venv/bin/python bench/suite.py --learners 1000 --run-time 60    # the issue's target run

The database named by BENCH_DATABASE_URL (default stratus_bench_load on the local server) and the one named after
it with `_review` are dropped and made again at every run. In-process benchmarks run after the load test, each
in its own process: bench/pages.py (pages against the floor), bench/review_bench.py, bench/dashboard_bench.py,
bench/gradebook_bench.py, bench/ingest_bench.py and bench/library_bench.py, each on a database of its own.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import load  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/stratus_bench_load"


def recreate(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    server = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *args: str) -> str:
    out = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{out.stdout}{out.stderr}")
    return out.stdout


def in_process(script: str, args: list[str], env: dict) -> tuple[str, float]:
    """Run one in-process benchmark; its own output, and how long it took."""
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    text = out.stdout + (f"\n(exit {out.returncode})\n{out.stderr[-2000:]}" if out.returncode else "")
    return text, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--learners", type=int, default=50, help="learners seeded")
    parser.add_argument("--cards-per-learner", type=int, default=600)
    parser.add_argument("--users", type=int, default=20, help="learner users in the load test")
    parser.add_argument("--run-time", type=int, default=20, help="seconds of load")
    parser.add_argument("--skip-in-process", action="store_true")
    args = parser.parse_args()

    env = {**os.environ, "DATABASE_URL": args.database_url, "DEBUG": "1", "TASK_BACKEND": "immediate"}
    recreate(args.database_url)
    manage(env, "migrate", "-v0")
    manage(env, "ingest")
    seeded = (
        manage(
            env,
            "seed_load",
            "--learners",
            str(args.learners),
            "--cards-per-learner",
            str(args.cards_per_learner),
            "--seed",
            "1",
        )
        .strip()
        .splitlines()
    )

    result = load.main(
        [
            "--database-url",
            args.database_url,
            "--learners",
            str(args.users),
            "--instructors",
            str(max(1, args.users // 10)),
            "--run-time",
            str(args.run_time),
            "--quiet",
        ]
    )

    sections = []
    if not args.skip_in_process:
        bench_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEBUG")}
        bench_env.update(
            DEBUG="0",
            SECRET_KEY="bench-" + "x" * 50,
            ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
            DJANGO_SETTINGS_MODULE="bench.settings_bench",
        )
        pages = ROOT / "bench" / "pages.py"
        if pages.exists():
            # It sets its own settings, floor and database (stratus_pages_bench unless DATABASE_URL is set).
            pages_env = {k: v for k, v in bench_env.items() if k != "DJANGO_SETTINGS_MODULE"}
            sections.append(
                ("bench/pages.py (pages against the floor, in-process)", *in_process("pages.py", [], pages_env))
            )
        else:
            sections.append(
                (
                    "bench/pages.py",
                    "not in this checkout yet: the in-process page benchmark hook "
                    "(bench/suite.py runs it when the file exists)",
                    0.0,
                )
            )
        # Its own database, named after the bench's (never a database someone else may be using).
        review_env = {**bench_env, "DATABASE_URL": args.database_url + "_review"}
        recreate(review_env["DATABASE_URL"])
        sections.append(
            (
                "bench/review_bench.py (rate-and-next, in-process, PostgreSQL)",
                *in_process("review_bench.py", ["--requests", "200"], review_env),
            )
        )

        # The other issues' in-process benchmarks, each on a fresh database named after the bench's, with the
        # development settings their docstrings give (they measure against their own floor or target).
        dev_env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        for script, title, suffix, script_args in (
            ("dashboard_bench.py", "/dashboard/ for a year of reviews, in-process", "_dashboard", ["--requests", "30"]),
            ("gradebook_bench.py", "gradebook and item analysis, in-process", "_gradebook", ["--runs", "15"]),
            ("ingest_bench.py", "ingest of the shipped notes and card/question generation", "_ingest", []),
            ("library_bench.py", "upload as a zip until live, server + worker", "_library", ["3"]),
        ):
            env_for = {**dev_env, "DEBUG": "1", "DATABASE_URL": args.database_url + suffix}
            recreate(env_for["DATABASE_URL"])
            sections.append((f"bench/{script} ({title})", *in_process(script, script_args, env_for)))

    print()
    print("=" * 100)
    print(
        f"STRATUS BENCH  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  on {os.cpu_count()} cores, "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print("=" * 100)
    print("seed_load: " + "; ".join(line.strip() for line in seeded[-5:]))
    print()
    print("\n".join(load.report(result)))
    for title, text, seconds in sections:
        print()
        print(f"--- {title}" + (f"  ({seconds:.0f} s)" if seconds else ""))
        print(text.rstrip())


if __name__ == "__main__":
    main()
