"""Topic pages in real Chromium: browse, search, follow a line to its source; hostile notes stay inert."""

import shutil

import pytest
from playwright.sync_api import expect

from content.services import NOTES_DIR, ingest

SHIPPED = sorted(NOTES_DIR.glob("*.txt"))  # any real notes file will do

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_a_learner_searches_opens_a_topic_and_lands_on_the_source_line(page, live_server, screenshot):
    ingest()
    page.goto(live_server.url + "/topics/")
    expect(page.get_by_role("heading", name="Topics", exact=True)).to_be_visible()
    screenshot(page, "topics-index-desktop")
    screenshot(page, "topics-index-phone", **PHONE)
    page.set_viewport_size({"width": 1280, "height": 860})

    page.get_by_role("searchbox").fill("glacier")
    page.get_by_role("button", name="Search").click()
    first = page.locator(".result h2 a").first
    expect(first).to_have_text("Amazon S3 Storage Classes")
    first.click()
    expect(page.locator("h1")).to_contain_text("Storage Classes", ignore_case=True)
    screenshot(page, "topic-s3-storage-classes")

    page.goto(live_server.url + "/topics/amazon-s3/")
    expect(page.locator(".summary-traps li").first).to_be_visible()  # the corrections lead the page
    page.locator("details.note-section > summary").first.click()  # sections are folded under the summary
    expect(page.locator(".line .ref").first).to_be_visible()
    screenshot(page, "topic-s3-desktop")
    screenshot(page, "topic-s3-phone", **PHONE)
    page.set_viewport_size({"width": 1280, "height": 860})

    ref = page.locator(".line .ref").first
    line = int(ref.inner_text().split(":")[1])
    ref.click()
    highlighted = page.locator("tr.hl")
    expect(highlighted).to_have_attribute("id", f"L{line}")
    expect(highlighted).to_be_in_viewport()
    screenshot(page, "source-page", height=700)


def test_script_in_a_note_never_runs(page, live_server, tmp_path):
    shutil.copy(SHIPPED[0], tmp_path)
    (tmp_path / "evil.md").write_text(
        "# Amazon SQS\n\n"
        "- <script>alert('script')</script> queues decouple producers and consumers\n"
        "- <img src=x onerror=\"alert('img')\"> messages are kept for up to 14 days\n"
        "- [click me](javascript:alert('link')) to read more about visibility timeouts\n"
    )
    ingest([tmp_path])
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server.url + "/topics/amazon-sqs/")
    expect(page.locator(".lines").get_by_text("queues decouple producers and consumers")).to_be_visible()
    page.get_by_text("click me").click()
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("[onerror]").count() == 0
    assert page.locator("script:not([src])").filter(has_text="alert").count() == 0
    assert dialogs == []  # the round trips above delivered any dialog event
