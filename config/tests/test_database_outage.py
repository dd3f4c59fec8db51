"""A database that does not answer: every page is a friendly 503 with Retry-After, and the next request after it
comes back works again (bench/outage_drill.py does the same against a real PostgreSQL that it stops)."""

from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse


@contextmanager
def database_unreachable():
    """On PostgreSQL, the connection is closed and reopened against a port nothing listens on (127.0.0.1:1), so
    connecting fails as it does when the server is down. SQLite's in-memory test database cannot be closed
    without losing it: there every statement fails the way a lost connection does."""
    if connection.vendor == "postgresql":
        saved = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT="1")
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.update(saved)
    else:

        def refuse(execute, sql, params, many, context):
            raise OperationalError("unable to open database file")

        with connection.execute_wrapper(refuse):
            yield


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("url", ["/", "/dashboard/", "/review/", "/topics/"])
def test_pages_say_the_database_is_away_with_a_503_and_when_to_retry(learner, url):
    client = Client(raise_request_exception=False)
    client.force_login(learner)
    with database_unreachable():
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "15"
    assert b"Back in a moment" in response.content
    assert b"Nothing you saved before" in response.content
    assert b"Server Error" not in response.content and b"Traceback" not in response.content
    # The database is back: the same client's next request is served, with no restart.
    assert client.get(url).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_rating_sent_during_the_outage_is_a_503_too(learner):
    client = Client(raise_request_exception=False)
    client.force_login(learner)
    with database_unreachable():
        response = client.post(reverse("learning:rate"), {"card": "1", "token": "x", "rating": "3"})
    assert response.status_code == 503 and response["Retry-After"] == "15"


def test_any_other_error_stays_a_plain_500():
    from django.test import RequestFactory

    from config.views import server_error

    try:
        raise ValueError("a bug, not an outage")
    except ValueError:
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500 and "Retry-After" not in response
