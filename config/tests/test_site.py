"""The site shell: home page, health check, settings that refuse to start wrong, CSRF."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    ours = {"DATABASE_URL", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in ours}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=60
    )


def manage(*args: str, **env) -> subprocess.CompletedProcess:
    return run_python(
        "import sys; from django.core.management import execute_from_command_line; "
        f"execute_from_command_line(['manage.py', *{list(args)!r}])",
        DJANGO_SETTINGS_MODULE="config.settings",
        **env,
    )


@pytest.mark.django_db
def test_home_page_invites_a_visitor_to_sign_up(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Study AWS from your own notes." in response.content
    assert b'href="/accounts/signup/"' in response.content
    assert b"htmx" in response.content  # htmx served locally, no CDN
    assert b"https://" not in response.content.split(b"<body")[0]


@pytest.mark.django_db
def test_healthz_reports_the_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_the_database_does_not_answer():
    # A real process configured against a closed port: nothing listens on 127.0.0.1:1.
    result = run_python(
        "import django; django.setup();"
        "from django.test.utils import setup_test_environment; setup_test_environment();"
        "from django.test import Client; r = Client().get('/healthz');"
        "print(r.status_code, r.content.decode())",
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="1",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/stratus",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("503 ")
    assert '"database": "unreachable"' in result.stdout


@pytest.mark.django_db
def test_a_post_without_csrf_token_is_refused(learner):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "leo", "password": "x"})
    assert response.status_code == 403
    response = client.post(reverse("signup"), {"username": "mallory"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_wrong_password_shows_an_error_and_opens_no_session(client, learner):
    response = client.post(reverse("login"), {"username": "leo", "password": "wrong-password"})
    assert response.status_code == 200
    assert b"do not match an account" in response.content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_up_creates_a_learner_and_signs_them_in(client, django_user_model):
    response = client.post(
        reverse("signup"),
        {"username": "nina", "email": "nina@example.com", "password1": "Str4tus-nina!", "password2": "Str4tus-nina!"},
        follow=True,
    )
    assert response.status_code == 200
    assert b"Welcome to Stratus, nina." in response.content
    user = django_user_model.objects.get(username="nina")
    assert not user.groups.filter(name="instructors").exists()
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
def test_sign_up_with_a_taken_email_explains_why(client, learner):
    response = client.post(
        reverse("signup"),
        {"username": "leo2", "email": "LEO@example.com", "password1": "Str4tus-leo!", "password2": "Str4tus-leo!"},
    )
    assert b"An account with this email already exists." in response.content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_only_instructors_see_and_open_classes(client, instructor, learner):
    client.force_login(learner)
    assert b">Classes</a>" not in client.get("/").content
    assert client.get(reverse("quizzes:classes")).status_code == 403
    client.force_login(instructor)
    assert b">Classes</a>" in client.get("/").content
    assert client.get(reverse("quizzes:classes")).status_code == 200


def test_deploy_check_passes_with_production_variables():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="s" * 20 + "-a-long-random-production-secret-0123456789",
        ALLOWED_HOSTS="stratus.example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_without_secret_key_and_debug_off_the_app_refuses_to_start():
    result = manage("check", DEBUG="0", ALLOWED_HOSTS="stratus.example.com")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_bad_boolean_fails_loudly_naming_the_variable():
    result = manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_healthz_answers_a_load_balancer_probing_by_ip_over_plain_http():
    # Production settings: HTTPS redirect on, only the public host allowed; the probe uses the backend's IP.
    result = run_python(
        "import django; django.setup();"
        "from django.test import Client; r = Client().get('/healthz', HTTP_HOST='10.0.0.5:8000');"
        "print(r.status_code)",
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="stratus.example.com",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "200"  # not 400 (unknown host) and not 301 (to HTTPS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/search/?q=%00", "/review/?topic=%00", "/cards/?q=a%00b", "/bank/?q=%00", "/topics/?x%00=1"]
)
def test_a_nul_byte_in_any_parameter_is_a_400_not_a_500(client, instructor, url):
    client.force_login(instructor)
    response = client.get(url)
    assert response.status_code == 400 and b"NUL byte" in response.content


@pytest.mark.django_db
def test_a_nul_byte_in_a_form_is_a_400(client, learner):
    client.force_login(learner)
    response = client.post("/join/", {"code": "AB\x00CD"})
    assert response.status_code == 400 and b"NUL byte" in response.content
