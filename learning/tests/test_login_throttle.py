"""Sign-in throttling: five wrong passwords for one username from one address lock that pair out for 15 minutes."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_from_that_address_for_fifteen_minutes(client, learner):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(4):
            assert sign_in(client, "leo", "wrong").status_code == 200  # the form again, with its error
        assert sign_in(client, "leo", "wrong").status_code == 429  # the fifth failure locks
        locked = sign_in(client, "leo", PASSWORD)  # even the right password is refused now
        assert locked.status_code == 429
        assert b"Too many attempts" in locked.content and b"15 minutes" in locked.content
        assert "_auth_user_id" not in client.session
        # Another address, or another username, is not locked out.
        assert sign_in(client, "leo", PASSWORD, address="198.51.100.9").status_code == 302
    client.logout()
    with time_machine.travel(start + timedelta(minutes=15, seconds=1), tick=False):
        assert sign_in(client, "leo", PASSWORD).status_code == 302  # the lockout has ended


def test_failures_more_than_fifteen_minutes_apart_start_the_count_again(client, learner):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(4):
            assert sign_in(client, "leo", "wrong").status_code == 200
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        for _ in range(4):
            assert sign_in(client, "leo", "wrong").status_code == 200
        assert sign_in(client, "leo", PASSWORD).status_code == 302
