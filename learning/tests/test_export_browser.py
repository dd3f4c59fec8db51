"""The export page in real Chromium: choose topics and a format, watch the progress line while the file is built,
and get the file; an empty choice says so."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from learning.models import ReviewLog
from learning.tests.export_deck import make_export_deck

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def test_a_learner_exports_one_topic_as_csv_and_sees_the_progress(page, live_server, sign_in, learner, screenshot):
    make_export_deck()
    sign_in(page, learner)
    page.goto(live_server.url + "/cards/")
    page.get_by_role("link", name="Export to Anki or CSV").click()
    expect(page.get_by_role("heading", name="Export your cards")).to_be_visible()
    count = page.get_by_test_id("selection-count")
    expect(count).to_have_text("3 topics · 6 cards selected")  # the learner's deck: every topic
    expect(page.get_by_label("Anki package (.apkg)")).to_be_checked()
    screenshot(page, "export-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, "export-phone", **PHONE)
    page.set_viewport_size({"width": 1280, "height": 860})

    page.get_by_role("button", name="None").click()
    expect(count).to_have_text("No topics selected")
    page.get_by_label("AWS Lambda").check()
    page.get_by_label("CSV (spreadsheets, Anki's text import)").check()
    expect(count).to_have_text("1 topic · 2 cards selected")

    held = []  # hold the server's answer, so the page is seen while the file is still being built
    page.route("**/cards/export/", lambda route: held.append(route))
    page.get_by_test_id("export-button").click()
    progress = page.get_by_test_id("export-progress")
    expect(progress).to_be_visible()
    expect(progress).to_contain_text("Building your CSV: 2 cards in 1 topic…")
    expect(page.get_by_test_id("export-button")).to_be_disabled()
    screenshot(page, "export-progress")
    with page.expect_download() as download_info:
        held[0].continue_()
    download = download_info.value
    assert re.fullmatch(r"stratus-cards-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    with open(download.path(), encoding="utf-8", newline="") as saved:
        rows = list(csv.DictReader(io.StringIO(saved.read())))
    assert [row["front"] for row in rows] == ["What is AWS Lambda?", "AWS Lambda: A function runs for at most […]."]
    expect(progress).to_contain_text(f"Saved {download.suggested_filename}: 2 cards in 1 topic.")
    expect(page.get_by_test_id("export-button")).to_be_enabled()
    screenshot(page, "export-done")


def test_exporting_nothing_says_so(page, live_server, sign_in, learner, screenshot):
    make_export_deck()
    sign_in(page, learner)
    page.goto(live_server.url + "/cards/export/")
    page.get_by_role("button", name="None").click()
    page.get_by_test_id("export-button").click()
    expect(page.get_by_test_id("export-empty")).to_have_text("Nothing to export: tick at least one topic.")
    page.set_viewport_size(PHONE)
    screenshot(page, "export-empty-phone", **PHONE)


def test_a_learner_downloads_their_history_from_the_settings_page(
    page, live_server, sign_in, learner, outsider, screenshot
):
    cards = make_export_deck()
    for user, rating in ((learner, 3), (outsider, 1)):
        ReviewLog.objects.create(
            user=user,
            card=cards["exp-lambda-what"],
            rating=rating,
            reviewed_at=T0,
            token=f"t-{user.pk}",
            duration_ms=5000,
            state_before=None,
            state_after={"due": (T0 + timedelta(days=2)).isoformat()},
        )
    sign_in(page, learner)
    page.goto(live_server.url + "/settings/study/")
    data = page.get_by_test_id("your-data")
    expect(data).to_contain_text("Your data")
    with page.expect_download() as download_info:
        data.get_by_role("link", name="Review and quiz history (CSV)").click()
    with open(download_info.value.path(), encoding="utf-8", newline="") as saved:
        rows = list(csv.DictReader(io.StringIO(saved.read())))
    assert [(row["key"], row["rating"], row["interval"]) for row in rows] == [("exp-lambda-what", "Good", "2d")]
    data.scroll_into_view_if_needed()
    screenshot(page, "settings-your-data-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, "settings-your-data-phone", **PHONE)
