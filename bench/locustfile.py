"""Locust users for bench/load.py: seeded learners and instructors signing in and using Stratus over HTTP.

Learners read topic pages, review (show the answer, rate the card), practise questions and open their dashboard;
instructors open their assignments' gradebooks; every user also asks for the floor view now and then, so the run
measures the framework's own cost beside the pages'. Settings come from the environment (bench/load.py sets them):
LOAD_HOSTS (base URLs, comma-separated: each user's actions go to them in turn), LOAD_LEARNERS and
LOAD_INSTRUCTORS (how many seeded accounts exist), LOAD_INSTRUCTOR_USERS (how many of the users are
instructors), LOAD_MAX_REQUESTS (stop after that many requests).
"""

import itertools
import json
import os
import random
import re
import statistics

import gevent
from locust import HttpUser, between, events, task

HOSTS = [h.strip() for h in os.environ.get("LOAD_HOSTS", "http://127.0.0.1:8031").split(",") if h.strip()]
PASSWORD = os.environ.get("LOAD_PASSWORD", "stratus-load-2026")
LEARNERS = int(os.environ.get("LOAD_LEARNERS", "50"))
INSTRUCTORS = int(os.environ.get("LOAD_INSTRUCTORS", "2"))
MAX_REQUESTS = int(os.environ.get("LOAD_MAX_REQUESTS", "0"))  # 0: no limit but the run time
USERS = int(os.environ.get("LOAD_USERS", "0"))  # once this many have signed in, the measured run starts
RUN_TIME = float(os.environ.get("LOAD_RUN_TIME", "60"))  # seconds measured, counted from then
SIGN_IN_FILE = os.environ.get("LOAD_SIGN_IN_FILE", "")  # where the sign-ins' own timings are written
THINK = between(0.5, 1.5)  # about a second of thinking between actions

TOPIC_LINK = re.compile(r'href="/topics/([a-z0-9-]+)/"')
HIDDEN = re.compile(r'name="(card|token|question|position)" value="([^"]*)"')
CHOICE = re.compile(r'name="choice" value="(\d+)"')
ATTEMPT = re.compile(r"/quizzes/attempts/(\d+)/")
GRADEBOOK = re.compile(r'href="/assignments/(\d+)/gradebook/"')
ASSIGNMENT = re.compile(r'href="/assignments/(\d+)/"')

_host_turn = itertools.count()
_learner_turn = itertools.count()
_instructor_turn = itertools.count()
_sent = itertools.count(1)


_environment = []
_signed_in = itertools.count(1)
_measuring = []
_sign_in_ms: dict[str, list[float]] = {}


@events.init.add_listener
def _remember(environment, **kwargs):
    _environment.append(environment)


@events.request.add_listener
def _count(name, response_time, **kwargs):
    if name.startswith("sign in"):
        _sign_in_ms.setdefault(name, []).append(response_time)
    if _measuring and MAX_REQUESTS and next(_sent) == MAX_REQUESTS:
        _environment[0].runner.quit()


def _signed_in_one() -> None:
    """Sign-ins (a deliberately slow password hash each) are a burst at the start: the measured run begins once
    every user is in, with the statistics reset, and lasts RUN_TIME seconds. The sign-ins are reported apart."""
    if next(_signed_in) == USERS and _environment:
        environment = _environment[0]
        environment.stats.reset_all()
        _measuring.append(True)
        gevent.spawn_later(RUN_TIME, environment.runner.quit)


@events.quitting.add_listener
def _write_sign_ins(**kwargs):
    if SIGN_IN_FILE:
        summary = {
            name: {
                "requests": len(times),
                "p50": statistics.median(times),
                "p95": sorted(times)[int(0.95 * (len(times) - 1))],
                "max": max(times),
            }
            for name, times in _sign_in_ms.items()
        }
        with open(SIGN_IN_FILE, "w") as handle:
            json.dump({"sign_ins": summary, "measured": bool(_measuring)}, handle)


class SignedIn(HttpUser):
    abstract = True
    host = HOSTS[0]
    turn = 0

    def wait_time(self) -> float:
        """Think, then take the next action to the next instance: a session opened on one instance goes on on
        the other, which shows the app keeps no state of its own (sessions, tokens and reviews are in the
        database)."""
        self.turn += 1
        self.client.base_url = HOSTS[self.turn % len(HOSTS)]
        return THINK(self)

    def sign_in(self, username: str) -> None:
        self.turn = next(_host_turn)
        self.client.base_url = HOSTS[self.turn % len(HOSTS)]
        self.client.get("/accounts/login/", name="sign in (form)")
        self.client.post(
            "/accounts/login/",
            name="sign in (POST, password hash)",
            data={
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
        )
        _signed_in_one()

    def post(self, url: str, data: dict, name: str, **kwargs):
        headers = {"X-CSRFToken": self.client.cookies.get("csrftoken", ""), **kwargs.pop("headers", {})}
        return self.client.post(url, data=data, name=name, headers=headers, **kwargs)

    @task(1)
    def floor(self):
        self.client.get("/bench/floor/", name="floor")


class Learner(SignedIn):
    topics: list[str] = []

    def on_start(self):
        self.sign_in(f"load-learner-{next(_learner_turn) % LEARNERS + 1:04d}")
        page = self.client.get("/topics/", name="/topics/")
        self.topics = sorted(set(TOPIC_LINK.findall(page.text))) or ["amazon-s3"]

    @task(2)
    def topic_index(self):
        self.client.get("/topics/", name="/topics/")

    @task(4)
    def topic(self):
        self.client.get(f"/topics/{random.choice(self.topics)}/", name="/topics/[slug]/")

    @task(6)
    def review(self):
        self.client.get("/review/", name="/review/")
        shown = self.client.get("/review/?show=1", name="/review/?show=1")
        fields = dict(HIDDEN.findall(shown.text))
        if "card" in fields and "token" in fields:
            rating = random.choices((1, 2, 3, 4), (10, 10, 72, 8))[0]
            self.post(
                "/review/rate/",
                {
                    "card": fields["card"],
                    "token": fields["token"],
                    "rating": rating,
                    "duration_ms": random.randint(2000, 12000),
                },
                name="/review/rate/ (rate and next)",
                headers={"HX-Request": "true"},
            )

    @task(3)
    def practise(self):
        self.client.get("/quizzes/", name="/quizzes/")
        started = self.post(
            "/quizzes/start/",
            {"mode": "practice", "domains": "technology-services", "count": 5},
            name="/quizzes/start/ (+ first question)",
        )
        match = ATTEMPT.search(started.url or "")
        fields = dict(HIDDEN.findall(started.text))
        choices = CHOICE.findall(started.text)
        if match and "question" in fields and choices:
            self.post(
                f"/quizzes/attempts/{match.group(1)}/answer/",
                {
                    "position": fields.get("position", "1"),
                    "question": fields["question"],
                    "choice": random.choice(choices),
                    "go": "stay",
                },
                name="/quizzes/attempts/[id]/answer/",
            )

    @task(3)
    def dashboard(self):
        self.client.get("/dashboard/", name="/dashboard/")


class Instructor(SignedIn):
    fixed_count = int(os.environ.get("LOAD_INSTRUCTOR_USERS", "5"))  # the other users are learners
    gradebooks: list[str] = []

    def on_start(self):
        self.sign_in(f"load-instructor-{next(_instructor_turn) % INSTRUCTORS + 1:03d}")
        page = self.client.get("/assignments/", name="/assignments/")
        self.gradebooks = sorted(set(GRADEBOOK.findall(page.text)) | set(ASSIGNMENT.findall(page.text)))

    @task(4)
    def gradebook(self):
        if self.gradebooks:
            pk = random.choice(self.gradebooks)
            self.client.get(f"/assignments/{pk}/gradebook/", name="/assignments/[id]/gradebook/")

    @task(1)
    def assignments(self):
        self.client.get("/assignments/", name="/assignments/")
