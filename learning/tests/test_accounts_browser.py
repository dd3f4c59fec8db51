"""Accounts, driven through real Chromium: sign up, sign out, sign in; roles in the header."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_a_visitor_signs_up_signs_out_and_signs_in_again(page, live_server, screenshot):
    page.goto(live_server.url + "/")
    screenshot(page, "home-desktop")
    screenshot(page, "home-phone", **PHONE)
    page.set_viewport_size({"width": 1280, "height": 860})

    page.get_by_role("link", name="Sign up").first.click()
    expect(page).to_have_url(live_server.url + "/accounts/signup/")
    screenshot(page, "signup-desktop")
    screenshot(page, "signup-phone", **PHONE)
    page.fill("#id_username", "nina")
    page.fill("#id_email", "nina@example.com")
    page.fill("#id_password1", "Str4tus-nina!")
    page.fill("#id_password2", "Str4tus-nina!")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_test_id("current-user")).to_have_text("nina")
    expect(page.get_by_text("Welcome to Stratus, nina.")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_test_id("current-user")).to_have_count(0)
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()

    page.get_by_role("link", name="Sign in").click()
    page.fill("#id_username", "nina")
    page.fill("#id_password", "wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("do not match")
    screenshot(page, "signin-error-desktop")
    page.fill("#id_username", "nina")
    page.fill("#id_password", "Str4tus-nina!")
    screenshot(page, "signin-phone", **PHONE)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_test_id("current-user")).to_have_text("nina")


def test_an_instructor_sees_classes_and_a_learner_does_not(page, live_server, sign_in, instructor, learner):
    sign_in(page, learner)
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Topics")).to_be_visible()
    expect(nav.get_by_role("link", name="Classes")).to_have_count(0)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, instructor)
    expect(nav.get_by_role("link", name="Classes")).to_be_visible()
    nav.get_by_role("link", name="Classes").click()
    expect(page.get_by_role("heading", name="Your classes")).to_be_visible()
