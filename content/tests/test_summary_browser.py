"""The summary in real Chromium: a learner reads S3 storage classes in two minutes, then checks a source line."""

import pytest
from playwright.sync_api import expect

from content.services import ingest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_a_learner_reads_the_storage_classes_summary_and_follows_a_source(page, live_server, screenshot):
    ingest()
    page.set_viewport_size({"width": 1280, "height": 860})
    page.goto(live_server.url + "/topics/amazon-s3/")
    page.locator(".summary-related").get_by_role("link", name="Amazon S3 Storage Classes").click()

    summary = page.locator("section.summary")
    expect(summary.get_by_role("heading", name="In short")).to_be_visible()
    expect(summary.locator(".summary-definition")).to_contain_text("storage classes")
    table = summary.get_by_role("table", name="S3 storage classes compared")
    expect(table).to_be_visible()
    deep_archive = table.get_by_role("row", name="S3 Glacier Deep Archive")
    expect(deep_archive).to_contain_text("180 days")
    expect(deep_archive).to_contain_text("48 hours")
    expect(summary.locator(".summary-traps")).to_contain_text("Intelligent-Tiering")
    # Everything below the summary is folded: the page reads in two minutes.
    assert page.evaluate("document.documentElement.scrollHeight") < 4000
    screenshot(page, "summary-s3-storage-classes-desktop")

    # On a phone the page fits the screen; the wide table scrolls inside its own box.
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = page.locator(".summary-table")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    box.evaluate("el => el.scrollLeft = el.scrollWidth")
    expect(table.get_by_role("columnheader", name="Typical use")).to_be_in_viewport()
    screenshot(page, "summary-s3-storage-classes-phone", **PHONE)

    page.set_viewport_size({"width": 1280, "height": 860})
    section = page.locator("details.note-section", has=page.get_by_role("heading", name="S3 Glacier Deep Archive"))
    line = section.locator(".line").first
    expect(line).to_be_hidden()
    section.locator("summary").click()
    expect(line).to_be_visible()
    screenshot(page, "summary-s3-storage-classes-section-open")

    ref = line.locator(".ref").first
    number = int(ref.inner_text().split(":")[1])
    with page.expect_navigation(timeout=30_000):  # a 4,000-line source page, on a busy machine
        ref.click()
    highlighted = page.locator("tr.hl")
    expect(highlighted).to_have_attribute("id", f"L{number}", timeout=15_000)
    expect(highlighted).to_be_in_viewport()


def test_show_every_line_unfolds_every_section_and_a_link_to_a_folded_section_opens_it(page, live_server):
    ingest()
    page.goto(live_server.url + "/topics/route-53-routing-policies/")
    expect(page.locator("details.note-section[open]")).to_have_count(0)
    page.get_by_test_id("show-every-line").click()
    expect(page.locator("details.note-section:not([open])")).to_have_count(0)
    # Each policy's paragraph sits under its policy's heading, not under an Overview.
    expect(page.get_by_role("heading", name="WEIGHTED ROUTING")).to_be_visible()

    page.goto(live_server.url + "/topics/amazon-s3/")
    anchor = page.locator("nav.toc a").nth(3)
    target = anchor.get_attribute("href")
    anchor.click()
    expect(page.locator(f"details{target}")).to_have_attribute("open", "")
