"""Test harness: personas, a fast password hasher, and Playwright on the system Chromium."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls
# from that thread (live_server fixtures, assertions) are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PASSWORD = "correct-horse-battery-staple"


def browser_required() -> bool:
    """In CI a missing browser is a failure, never a skip."""
    return os.environ.get("STRATUS_REQUIRE_BROWSER", "") == "1"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _jobs_run_inline(settings):
    """Background jobs run where they are queued (TASK_BACKEND=immediate); a test that wants a queue says so."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _stored_pages_emptied_after_transactional_tests(request):
    """Stored pages live in a database table that a transactional test's flush leaves alone (the cache is no
    model): empty it after such a test, so a page stored there is not served to the next."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if not transactional:
        yield
        return
    request.getfixturevalue("transactional_db")  # set up before this fixture, so torn down (flushed) after it
    yield
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if browser_required():
            pytest.fail(message + "; STRATUS_REQUIRE_BROWSER=1 makes this a failure")
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def make_user(django_user_model):
    def make(username: str, *, instructor: bool = False, password: str = PASSWORD):
        from learning.roles import make_instructor

        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.com", password=password
        )
        if instructor:
            make_instructor(user)
        return user

    return make


# Personas (healthchecks' alice/bob/charlie): an instructor, a learner in her class, an outsider.
@pytest.fixture
def instructor(make_user):
    return make_user("irene", instructor=True)


@pytest.fixture
def learner(make_user):
    return make_user("leo")


@pytest.fixture
def outsider(make_user):
    return make_user("oscar")


@pytest.fixture
def sign_in(live_server):
    """Sign a user in through the real sign-in page of a Playwright page."""

    def sign_in(page, user, password: str = PASSWORD):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_selector("[data-testid=current-user]")

    return sign_in


SCREENSHOTS = os.path.join(os.path.dirname(__file__), "screenshots")


@pytest.fixture
def screenshot():
    """Save full-page screenshots under screenshots/ (git-ignored) to look at by hand."""

    def take(page, name: str, *, width: int = 1280, height: int = 860):
        os.makedirs(SCREENSHOTS, exist_ok=True)
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)

    return take


@pytest.fixture
def empty_library(db):
    """A library with no notes in it, for a test that counts what an ingest writes from nothing.

    The session's `shipped_notes` stay committed once any test has asked for them; this deletes them inside the
    test's own transaction, which rolls back at its end, so the test sees the fresh install it assumes whatever
    ran before it.
    """
    from content.models import Note, Source, Topic
    from learning.models import Flashcard
    from quizzes.models import Question

    for model in (Question, Flashcard, Note, Source, Topic):
        model.objects.all().delete()


@pytest.fixture(scope="session")
def shipped_notes(django_db_setup, django_db_blocker):
    """The shipped notes ingested once per session, for tests that read pages built from them.

    Committed outside the per-test transactions, so every non-transactional test sees it; pytest-django
    runs transactional (browser) tests last, and those ingest for themselves.
    """
    from content.services import ingest

    with django_db_blocker.unblock():
        return ingest()
