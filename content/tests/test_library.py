"""The notes library: notes kept in the database, the ingest command through it, jobs, and every bad input."""

import io
import json
import os
import stat
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from content import library, services
from content.library import Incoming, NoteChanged, edit_note, queue_job, unpack_zip
from content.models import IngestJob, Note, NoteVersion, Section, Source
from content.services import NOTES_DIR
from learning.models import Flashcard

SQS = (
    "# Amazon SQS\n\n"
    "- **Standard queue**: at-least-once delivery, best-effort ordering.\n"
    "- **FIFO queue**: exactly-once processing, first-in-first-out order.\n"
)


def run_command(*args) -> dict:
    out = StringIO()
    call_command("ingest", *[str(a) for a in args], "--json", stdout=out)
    return json.loads(out.getvalue())


def make_zip(entries: dict[str, bytes], *, links: dict[str, str] = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_fresh_install_imports_the_shipped_notes_into_the_library_once():
    report = run_command()
    assert report["sources_ingested"] == 5
    names = sorted(Note.objects.values_list("name", flat=True))
    assert names == sorted(p.name for p in NOTES_DIR.glob("*.txt"))
    assert all(n.status == Note.LIVE and n.gives["sections"] > 0 for n in Note.objects.all())
    assert NoteVersion.objects.filter(action="import").count() == 5
    # Later runs ingest the library as it is: an edit made in the library is not overwritten by the folder.
    note = Note.objects.get(name__startswith="000_")
    edit_note(note.pk, text=note.text + "\nAmazon SQS is a fully managed message queue.\n", seen_version=1, user=None)
    run_command()
    note.refresh_from_db()
    assert note.version == 2 and "fully managed message queue" in note.text
    assert Source.objects.get(path=note.name).text == note.text


@pytest.mark.django_db
def test_ingest_path_adds_to_the_library_and_replace_makes_it_the_whole_library(tmp_path):
    (tmp_path / "sqs.md").write_text(SQS)
    run_command(tmp_path)
    other = tmp_path.parent / f"{tmp_path.name}-other"
    other.mkdir()
    (other / "sns.md").write_text("# Amazon SNS\n\n- SNS is a pub/sub messaging service that pushes to phones.\n")
    report = run_command(other)
    assert report["library"]["added"] == ["sns.md"]
    assert set(Note.objects.live().values_list("name", flat=True)) == {"sqs.md", "sns.md"}
    report = run_command(other, "--replace")
    assert report["library"]["deleted"] == ["sqs.md"]
    assert Note.objects.get(name="sqs.md").deleted
    assert Section.objects.get(topic__slug="amazon-sqs", title="Overview").retired


@pytest.mark.django_db
def test_a_symlink_in_a_notes_folder_is_never_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("# Amazon S3\n\n- The database password is hunter2 and S3 stores objects.\n")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "sqs.md").write_text(SQS)
    os.symlink(secret, notes / "link.md")
    os.symlink(tmp_path, notes / "linked-folder")
    report = run_command(notes)
    reasons = {os.path.basename(s["path"]): s["reason"] for s in report["sources_skipped"]}
    assert reasons == {"link.md": "symbolic link, not followed", "linked-folder": "symbolic link, not followed"}
    assert not Source.objects.filter(text__contains="hunter2").exists()
    assert list(Note.objects.values_list("name", flat=True)) == ["sqs.md"]


def test_zip_entries_with_dotdot_absolute_paths_or_links_are_refused_by_name():
    data = make_zip(
        {
            "good/sqs.md": SQS.encode(),
            "../evil.md": b"# x\n",
            "/etc/evil.md": b"# x\n",
            "C:/evil.md": b"# x\n",
            "a/../../b.md": b"# x\n",
        },
        links={"link.md": "/etc/passwd"},
    )
    incoming = Incoming()
    unpack_zip("notes.zip", data, incoming)
    assert incoming.notes == [("good/sqs.md", SQS.encode())]
    reasons = {r["path"]: r["reason"] for r in incoming.refused}
    assert reasons == {
        "notes.zip: ../evil.md": "path with '..' refused",
        "notes.zip: /etc/evil.md": "absolute path refused",
        "notes.zip: C:/evil.md": "absolute path refused",
        "notes.zip: a/../../b.md": "path with '..' refused",
        "notes.zip: link.md": "symbolic link refused",
    }


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(30):  # 30 x 4 MB of zeros: 120 MB unpacked from a zip of ~120 KB
            archive.writestr(f"bomb{i}.md", b"\0" * (4 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024
    incoming = Incoming()
    unpack_zip("bomb.zip", buffer.getvalue(), incoming)
    assert incoming.notes == []
    [refused] = incoming.refused
    assert "zip bomb" in refused["reason"] and "120 MB" in refused["reason"]


def test_a_zip_that_lies_about_its_sizes_is_still_cut_off(monkeypatch):
    monkeypatch.setattr(library, "MAX_NOTE_BYTES", 1000)
    data = make_zip({"big.md": b"# Amazon S3\n" + b"x" * 5000})
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.infolist()[0]
    assert info.file_size > 1000  # an honest zip is refused from its directory...
    incoming = Incoming()
    unpack_zip("honest.zip", data, incoming)
    assert "too large" in incoming.refused[0]["reason"]
    # ...and one whose directory claims a small size is cut off while reading.
    lying = data.replace(info.file_size.to_bytes(4, "little"), (500).to_bytes(4, "little"))
    incoming = Incoming()
    unpack_zip("lying.zip", lying, incoming)
    assert incoming.notes == []
    assert incoming.refused, "the entry must not pass"


def test_a_zip_with_too_many_entries_or_not_a_zip_is_refused(monkeypatch):
    monkeypatch.setattr(library, "MAX_ZIP_ENTRIES", 3)
    incoming = Incoming()
    unpack_zip("many.zip", make_zip({f"{i}.md": b"# S3\n" for i in range(4)}), incoming)
    assert "4 entries; the limit is 3" in incoming.refused[0]["reason"]
    incoming = Incoming()
    unpack_zip("fake.zip", b"PK\x03\x04 not really", incoming)
    assert "not a readable zip" in incoming.refused[0]["reason"]


@pytest.mark.django_db
def test_an_upload_job_unpacks_a_zip_and_reports_skipped_entries(instructor):
    data = make_zip(
        {
            "course/sqs.md": SQS.encode(),
            "course/slides.pdf": b"%PDF",
            "course/empty.md": b"",
            ".obsidian/app.json": b"{}",
            "../x.md": b"# x",
            "course/image.md": b"\x89PNG\x00\x01" * 50,
            "course/undecodable.txt": b"\x81\x8d\x8f\x90\x9d" * 50,
        }
    )
    job = queue_job(kind="upload", user=instructor, summary="notes.zip", files=[("notes.zip", data)])
    assert job.status == IngestJob.DONE, job.error
    assert Note.objects.get(name="course/sqs.md").status == Note.LIVE
    reasons = {s["path"]: s["reason"] for s in job.report["report"]["sources_skipped"]}
    assert reasons["notes.zip: course/slides.pdf"].startswith("unsupported file type '.pdf'")
    assert reasons["course/empty.md"] == "empty file"
    assert reasons["course/image.md"].startswith("binary file")
    assert reasons["course/undecodable.txt"].startswith("binary file")  # not UTF-8, not Windows-1252 text either
    assert reasons["notes.zip: ../x.md"] == "path with '..' refused"
    assert "hidden" in reasons["notes.zip: .obsidian/app.json"]
    assert job.report["library"]["added"] == ["course/sqs.md"]
    assert Section.objects.filter(topic__slug="amazon-sqs", retired=False).exists()


@pytest.mark.django_db
def test_a_failed_job_leaves_the_library_and_the_pages_as_they_were(instructor, monkeypatch):
    queue_job(kind="upload", user=instructor, summary="sqs.md", files=[("sqs.md", SQS.encode())])
    before = (
        list(Section.objects.values_list("key", "content_hash", "retired").order_by("key")),
        list(Note.objects.values_list("name", "version", "text").order_by("name")),
    )

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.Writer, "write_topic_summaries", fail)
    job = queue_job(
        kind="upload",
        user=instructor,
        summary="two files",
        files=[("sqs.md", SQS.replace("best-effort", "no").encode()), ("sns.md", b"# Amazon SNS\n- x\n")],
    )
    assert job.status == IngestJob.FAILED
    assert job.error == "RuntimeError: disk full"
    after = (
        list(Section.objects.values_list("key", "content_hash", "retired").order_by("key")),
        list(Note.objects.values_list("name", "version", "text").order_by("name")),
    )
    assert after == before
    assert job.files.count() == 2  # kept: nothing is lost
    failed_upload = job

    # An edit is saved before its job runs: the note keeps the new text and says its ingest failed.
    note = Note.objects.get(name="sqs.md")
    edit_note(note.pk, text=SQS + "- edited\n", seen_version=1, user=instructor)
    job = queue_job(kind="edit", user=instructor, summary="sqs.md edited")
    note.refresh_from_db()
    assert job.status == IngestJob.FAILED and "edited" in note.text
    assert note.status == Note.FAILED and note.status_reason == "RuntimeError: disk full"
    assert "- edited" not in Source.objects.get(path="sqs.md").text

    # Once the cause is gone, the failed upload can be tried again with the files it kept.
    monkeypatch.undo()
    retry = queue_job(kind="upload", user=instructor, summary="again", uploads_from=failed_upload)
    assert retry.status == IngestJob.DONE, retry.error
    assert Note.objects.get(name="sns.md").status == Note.LIVE


@pytest.mark.django_db
def test_a_job_with_nothing_to_ingest_fails_with_the_reasons():
    with pytest.raises(CommandError, match="No notes file could be ingested .*missing-folder: no such file"):
        call_command("ingest", str(NOTES_DIR / "missing-folder"), stdout=StringIO())
    assert not Note.objects.exists()


@pytest.mark.django_db
def test_two_people_saving_the_same_note_the_second_is_told_and_nothing_is_saved_over(instructor, make_user):
    other = make_user("ines", instructor=True)
    queue_job(kind="upload", user=instructor, summary="sqs.md", files=[("sqs.md", SQS.encode())])
    note = Note.objects.get(name="sqs.md")
    edit_note(note.pk, text=SQS + "- first edit\n", seen_version=1, user=instructor)
    with pytest.raises(NoteChanged) as raised:
        edit_note(note.pk, text=SQS + "- second edit\n", seen_version=1, user=other)
    assert raised.value.note.version == 2
    note.refresh_from_db()
    assert "first edit" in note.text and "second edit" not in note.text
    assert list(note.versions.values_list("number", flat=True)) == [2, 1]


@pytest.mark.django_db
def test_editing_a_line_changes_the_card_and_keeps_its_key(instructor):
    """A card in the notes' own words (the question bank does not explain bucket policies) follows the edit."""
    policy = (
        "# Amazon S3\n\n"
        "- **Bucket Policy**: A JSON document attached to a bucket that says who may read or write its objects.\n"
    )
    queue_job(kind="upload", user=instructor, summary="s3.md", files=[("s3.md", policy.encode())])
    card = Flashcard.objects.active().get(back__contains="who may read or write")
    note = Note.objects.get(name="s3.md")
    edit_note(note.pk, text=policy.replace("who may", "which principals may"), seen_version=1, user=instructor)
    job = queue_job(kind="edit", user=instructor, summary="s3.md edited")
    assert job.status == IngestJob.DONE
    card.refresh_from_db()
    assert "which principals may read or write" in card.back and not card.retired


@pytest.mark.django_db(transaction=True)
def test_only_one_ingest_runs_at_a_time_and_the_waiting_one_says_so(instructor):
    """On PostgreSQL a second job waits on the first's lock, and its page can read that it waits meanwhile."""
    import threading
    import time

    from django.db import connection, connections, transaction

    if connection.vendor != "postgresql":
        pytest.skip("the advisory lock and a second writer need PostgreSQL (SQLite has one writer by itself)")
    first = connections.create_connection("default")  # another worker, in the middle of its ingest
    first.set_autocommit(False)
    with first.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [library._LOCK_KEY])
    job = IngestJob.objects.create(kind="upload", created_by=instructor, summary="sqs.md", created_at=timezone.now())
    library.UploadedFile.objects.create(job=job, name="sqs.md", data=SQS.encode(), size=len(SQS))

    def run():
        try:
            library.run_job(job.pk)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    try:
        for _ in range(100):
            job.refresh_from_db()
            if job.progress.get("stage") == "waiting":
                break
            time.sleep(0.05)
        assert job.status == IngestJob.WAITING and job.progress["stage"] == "waiting"
        time.sleep(0.3)
        job.refresh_from_db()
        assert job.status == IngestJob.WAITING  # still waiting its turn
        assert not Note.objects.exists()
    finally:
        first.rollback()
        first.close()
    thread.join(timeout=120)
    job.refresh_from_db()
    assert job.status == IngestJob.DONE and job.progress["stage"] == "done"
    assert job.progress["files"] == 1 and job.progress["sections"] >= 1 and job.progress["cards"] >= 1
    assert transaction.get_autocommit()


# A worker that dies mid-ingest: the job's own process, stopped inside its transaction by SIGKILL.
HANGING_WORKER = """
import sys, threading
import django
django.setup()
from content import library, services
services.Writer.write_topic_summaries = lambda *args, **kwargs: threading.Event().wait()  # hangs until killed
library.run_job(int(sys.argv[1]))
"""


def database_url(settings_dict: dict) -> str:
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    return (
        f"postgres://{settings_dict['USER']}{password}@{settings_dict['HOST'] or '127.0.0.1'}:"
        f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_worker_was_killed_is_failed_with_its_reason_and_the_next_job_runs(instructor, client):
    import signal
    import subprocess
    import sys
    import time

    import time_machine
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a second process on the same database needs PostgreSQL")
    queue_job(kind="upload", user=instructor, summary="sqs.md", files=[("sqs.md", SQS.encode())])
    before = (
        list(Section.objects.values_list("key", "content_hash", "retired").order_by("key")),
        list(Note.objects.values_list("name", "version", "text", "status").order_by("name")),
    )
    job = IngestJob.objects.create(kind="upload", created_by=instructor, summary="two files", created_at=timezone.now())
    for name, text in [("sqs.md", SQS.replace("best-effort", "no")), ("sns.md", "# Amazon SNS\n- topics\n")]:
        library.UploadedFile.objects.create(job=job, name=name, data=text.encode(), size=len(text))
    worker = subprocess.Popen(
        [sys.executable, "-c", HANGING_WORKER, str(job.pk)],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url(connection.settings_dict)},
    )
    try:
        for _ in range(1200):  # until it hangs in its last stage, cards and sections written in its transaction
            job.refresh_from_db()
            if job.progress.get("stage") == "pages" or worker.poll() is not None:
                break
            time.sleep(0.05)
        assert job.progress.get("stage") == "pages", "the worker never reached its last stage"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    job.refresh_from_db()
    assert job.status == IngestJob.RUNNING  # what the job would say forever
    after = (
        list(Section.objects.values_list("key", "content_hash", "retired").order_by("key")),
        list(Note.objects.values_list("name", "version", "text", "status").order_by("name")),
    )
    assert after == before  # its transaction died with it
    client.force_login(instructor)

    with time_machine.travel(job.heartbeat_at + library.stalled_after() / 2, tick=False):
        response = client.get(f"/library/jobs/{job.pk}/")
        job.refresh_from_db()
        assert job.status == IngestJob.RUNNING  # silent for a while is not dead yet: it may be a long stage
        assert 'hx-trigger="every 1s"' in response.content.decode()

    with time_machine.travel(job.heartbeat_at + library.stalled_after() + timezone.timedelta(seconds=1), tick=False):
        response = client.get(f"/library/jobs/{job.pk}/")
        job.refresh_from_db()
        assert job.status == IngestJob.FAILED
        assert job.error.startswith("The worker running this job stopped without finishing it")
        assert "at the stage 'pages'" in job.error and "Nothing it changed was kept." in job.error
        body = response.content.decode()
        assert job.error.split(" (")[0] in body and 'hx-trigger="every 1s"' not in body
        assert "nothing changed" in body and "Try again" in body
        assert job.files.count() == 2  # kept, so the upload can be tried again

        # The next job takes the lock the dead one held and runs; the dead job's upload is tried again.
        retry = queue_job(kind="upload", user=instructor, summary="again", uploads_from=job)
        assert retry.status == IngestJob.DONE, retry.error
    assert Note.objects.get(name="sns.md").status == Note.LIVE
    assert "no ordering" in Source.objects.get(path="sqs.md").text
    job.refresh_from_db()
    assert job.status == IngestJob.FAILED  # its record stays as it ended


@pytest.mark.django_db
def test_only_a_job_silent_past_the_timeout_is_failed_not_one_that_beat_lately_nor_a_queued_one():
    now = timezone.now()
    alive = IngestJob.objects.create(
        kind="edit",
        summary="alive",
        created_at=now,
        status=IngestJob.RUNNING,
        started_at=now,
        heartbeat_at=now - library.stalled_after() / 3,
    )
    dead = IngestJob.objects.create(
        kind="edit",
        summary="dead",
        created_at=now,
        status=IngestJob.WAITING,
        started_at=now,
        heartbeat_at=now - library.stalled_after() * 2,
    )
    queued = IngestJob.objects.create(kind="edit", summary="queued", created_at=now - timezone.timedelta(days=1))
    before_heartbeats = IngestJob.objects.create(
        kind="edit",
        summary="old",
        created_at=now,
        status=IngestJob.RUNNING,
        started_at=now - timezone.timedelta(days=1),
    )
    assert library.fail_stalled_jobs(now) == 2
    jobs = [alive, dead, queued, before_heartbeats]
    assert [j.status for j in IngestJob.objects.filter(pk__in=[j.pk for j in jobs]).order_by("pk")] == [
        IngestJob.RUNNING,
        IngestJob.FAILED,
        IngestJob.QUEUED,
        IngestJob.FAILED,
    ]
    assert "at the stage 'waiting'" in IngestJob.objects.get(pk=dead.pk).error
    assert "at the stage 'running'" in IngestJob.objects.get(pk=before_heartbeats.pk).error


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_writes_a_sign_of_life_through_its_own_connection_until_stopped():
    import time

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes no second writer during an ingest; there a job beats only when it starts")
    job = IngestJob.objects.create(kind="edit", summary="long", created_at=timezone.now(), status=IngestJob.RUNNING)
    beat = library.Heartbeat(job.pk, every=0.01)
    beat.start()
    try:
        for _ in range(400):
            job.refresh_from_db()
            if job.heartbeat_at:
                break
            time.sleep(0.01)
    finally:
        beat.stop()
    assert job.heartbeat_at is not None and not beat.is_alive()
