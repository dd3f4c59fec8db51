"""The library in Chromium: upload a zip, watch the job, read the report, edit a line; a learner keeps history."""

import threading
import zipfile
from datetime import UTC, datetime

import pytest
from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker
from playwright.sync_api import expect

from content.models import IngestJob, Note
from content.services import NOTES_DIR
from learning.models import Flashcard, ReviewLog, StudySettings, record_review
from learning.queue import card_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SQS = (
    "# Amazon SQS\n\n"
    "- **Dead-letter queue**: A queue that holds messages that could not be processed after several attempts.\n"
    "- **Visibility timeout**: The period during which a received message stays hidden from other consumers.\n"
)
EDITED = "stays hidden from other consumers, 30 seconds by default"


def course_zip(tmp_path) -> str:
    """The shipped notes in a course folder, a note of our own, and two entries the job must refuse by name."""
    path = tmp_path / "course.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for note in sorted(NOTES_DIR.glob("*.txt")):
            archive.write(note, f"course/{note.name}")
        archive.writestr("course/queues/sqs.md", SQS)
        archive.writestr("../outside.md", "# Amazon S3\n- x\n")
        archive.writestr("course/slides.pdf", "%PDF-1.4")
    return str(path)


def run_worker() -> threading.Thread:
    """The job worker, as `manage.py db_worker --batch` runs it, in a thread beside the live server."""

    def work():
        try:
            Worker(
                queue_names=["default"],
                interval=0.1,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id="browser-test",
                excluded_queue_names=[],
            ).run()
        finally:
            connection.close()

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def on_a_worker() -> bool:
    """PostgreSQL (as in CI): jobs wait in the database for a worker thread. SQLite's in-memory test database
    cannot take a second writer beside the live server, so there jobs run inline (TASK_BACKEND=immediate)."""
    return connection.vendor == "postgresql"


def test_an_instructor_uploads_a_zip_watches_it_and_edits_a_line_a_learner_keeps_history(
    page, live_server, sign_in, instructor, learner, settings, screenshot, tmp_path
):
    if on_a_worker():
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sign_in(page, instructor)
    page.get_by_role("link", name="Library").click()
    expect(page.get_by_role("heading", name="Notes library")).to_be_visible()
    page.get_by_role("link", name="Upload notes").first.click()
    page.wait_for_load_state("load")  # (its script lists the chosen files: on a loaded machine it ran too late)
    page.set_input_files("#id_files", course_zip(tmp_path))
    # (the list is filled by the page script on the input's change event: slow on a loaded CI machine)
    expect(page.locator("[data-drop-list] li")).to_contain_text("course.zip", timeout=15_000)
    screenshot(page, "library-upload-desktop")
    screenshot(page, "library-upload-phone", **PHONE)
    page.set_viewport_size({"width": 1280, "height": 860})
    page.get_by_role("button", name="Upload and ingest").click()

    if on_a_worker():
        # The request only queued the job: the page shows it waiting, then htmx follows the worker to the end.
        expect(page.get_by_test_id("job-progress")).to_contain_text("Queued: waiting for the worker")
        screenshot(page, "library-job-progress-desktop")
        screenshot(page, "library-job-progress-phone", **PHONE)
        page.set_viewport_size({"width": 1280, "height": 860})
        worker = run_worker()
        expect(page.get_by_test_id("report")).to_be_visible(timeout=60_000)
        worker.join(timeout=60)
    expect(page.locator(".job-head [data-testid=job-status]")).to_have_text("Done")
    skipped = page.get_by_test_id("skipped")
    expect(skipped).to_contain_text("../outside.md: path with '..' refused")
    expect(skipped).to_contain_text("course/slides.pdf: unsupported file type '.pdf'")
    screenshot(page, "library-report-desktop")
    screenshot(page, "library-report-phone", **PHONE)
    expect(page.get_by_test_id("unplaced")).to_be_visible()  # with the topic pickers, whose options are long
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # the report fits the phone
    page.set_viewport_size({"width": 1280, "height": 860})

    page.get_by_test_id("new-topics").get_by_role("link", name="Amazon SQS", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Amazon SQS")
    # SQS's summary gives AWS's essentials; the note's own line is in the notes, all shown by "show every line".
    page.goto(page.url.split("?")[0] + "?lines=all")
    expect(page.get_by_text("stays hidden from other consumers").first).to_be_visible()

    # A learner reviews the card made from the visibility-timeout line of our note (answered in the bank's words).
    note = Note.objects.get(name="course/queues/sqs.md")
    line = 4
    card = Flashcard.objects.active().get(front="What is Visibility timeout (in Amazon SQS)?")
    assert card.refs == [["sqs", note.source_id, line]]
    record_review(
        user=learner,
        card=card,
        token=card_token(learner.pk, card.pk, 0),
        rating=3,
        duration_ms=900,
        now=datetime.now(UTC),
        study=StudySettings.for_user(learner),
        expected_token=lambda reps: card_token(learner.pk, card.pk, reps),
    )

    # The instructor follows the line to its note and edits it there; the next ingest runs on the worker.
    page.goto(f"{live_server.url}/sources/{note.source_id}/?line={line}")
    page.get_by_test_id("edit-note").click()
    editor = page.locator("#id_text")
    # The editor's script (deferred) selects the line once it has loaded: wait for it, not for a fixed time.
    page.wait_for_function(
        "() => { const a = document.querySelector('#id_text'); return a && a.selectionEnd > a.selectionStart; }"
    )
    selected = editor.evaluate("a => a.value.substring(a.selectionStart, a.selectionEnd)")
    assert "Visibility timeout" in selected  # opened at the line
    expect(page.locator("[data-gutter]")).to_contain_text("5")
    screenshot(page, "library-editor-desktop")
    screenshot(page, "library-editor-phone", **PHONE)
    page.set_viewport_size({"width": 1280, "height": 860})
    editor.fill(SQS.replace("stays hidden from other consumers", EDITED))
    page.get_by_role("button", name="Save and ingest").click()
    if on_a_worker():
        worker = run_worker()
        worker.join(timeout=60)
    expect(page.get_by_test_id("report")).to_be_visible(timeout=60_000)

    page.goto(live_server.url + "/topics/amazon-sqs/?lines=all")
    expect(page.get_by_text(EDITED).first).to_be_visible()
    card.refresh_from_db()
    assert card.refs == [["sqs", note.source_id, line]] and not card.retired
    page.context.clear_cookies()
    sign_in(page, learner)
    page.goto(f"{live_server.url}/cards/{card.pk}/")
    expect(page.get_by_test_id("back")).to_contain_text("hides a message from other consumers")
    expect(page.get_by_test_id("reference-note")).to_contain_text("AWS")
    page.locator(".card-sources a").first.click()  # its source: the line as edited
    expect(page.get_by_text(EDITED).first).to_be_visible()
    assert ReviewLog.objects.filter(user=learner, card=card).count() == 1

    assert IngestJob.objects.filter(status=IngestJob.DONE).count() == 2
    response = page.goto(live_server.url + "/library/")
    assert response.status == 403  # the learner sees the change, not the library


def test_the_library_and_a_note_history_look_right(page, live_server, sign_in, instructor, screenshot):
    from content.library import edit_note, queue_job

    queue_job(
        kind="upload",
        user=instructor,
        summary="course.zip",
        files=[(p.name, p.read_bytes()) for p in sorted(NOTES_DIR.glob("*.txt"))[:2]]
        + [("queues/sqs.md", SQS.encode())],
    )
    note = Note.objects.get(name="queues/sqs.md")
    edit_note(note.pk, text=SQS + "- Messages are kept for up to 14 days.\n", seen_version=1, user=instructor)
    queue_job(kind="edit", user=instructor, summary="queues/sqs.md edited (version 2)")
    sign_in(page, instructor)
    page.goto(live_server.url + "/library/")
    expect(page.get_by_test_id("library-notes")).to_contain_text("queues/sqs.md")
    screenshot(page, "library-desktop")
    screenshot(page, "library-phone", **PHONE)
    page.set_viewport_size({"width": 1280, "height": 860})
    page.goto(f"{live_server.url}/library/notes/{note.pk}/versions/")
    expect(page.get_by_test_id("diff")).to_contain_text("+- Messages are kept for up to 14 days.")
    screenshot(page, "library-history-desktop")
    screenshot(page, "library-history-phone", **PHONE)
