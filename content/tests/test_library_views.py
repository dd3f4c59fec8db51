"""The library's pages: who may open them, upload, the job page, editing with versions, conflicts, rename, delete."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content import library
from content.models import HeadingAlias, IngestJob, Note, NoteVersion, Section, Source
from learning.models import Flashcard

SQS = (
    "# Amazon SQS\n\n"
    "- **Standard queue**: at-least-once delivery, best-effort ordering.\n"
    "- **FIFO queue**: exactly-once processing, first-in-first-out order.\n"
)
UNPLACED = (
    "# Amazon SNS\n\n- SNS is a pub/sub messaging service that pushes to subscribers.\n\n"
    "# Zorblax Widgets\n\n- Zorblax widgets fan messages out to many queues.\n"
)


def upload(client, *files, preview=False):
    data = {"files": [SimpleUploadedFile(name, content) for name, content in files]}
    if preview:
        data["preview"] = "on"
    return client.post(reverse("library:upload"), data)


@pytest.fixture
def note(instructor):
    library.queue_job(kind="upload", user=instructor, summary="sqs.md", files=[("sqs.md", SQS.encode())])
    return Note.objects.get(name="sqs.md")


def library_urls(note: Note, job: IngestJob) -> list[tuple[str, str]]:
    """Every library URL, with the method that uses it."""
    return [
        ("get", reverse("library:index")),
        ("get", reverse("library:upload")),
        ("post", reverse("library:upload")),
        ("get", reverse("library:job", args=[job.pk])),
        ("post", reverse("library:publish", args=[job.pk])),
        ("post", reverse("library:assign", args=[job.pk])),
        ("get", reverse("library:note", args=[note.pk])),
        ("get", reverse("library:edit", args=[note.pk])),
        ("post", reverse("library:edit", args=[note.pk])),
        ("get", reverse("library:rename", args=[note.pk])),
        ("post", reverse("library:rename", args=[note.pk])),
        ("post", reverse("library:delete", args=[note.pk])),
        ("get", reverse("library:download", args=[note.pk])),
        ("get", reverse("library:versions", args=[note.pk])),
        ("get", reverse("library:download_version", args=[note.pk, 1])),
        ("post", reverse("library:restore", args=[note.pk, 1])),
    ]


@pytest.mark.django_db
def test_learners_get_403_and_anonymous_users_the_sign_in_page_on_every_library_url(client, note, learner, outsider):
    job = IngestJob.objects.get()
    for method, url in library_urls(note, job):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), (method, url)
    for user in (learner, outsider):
        client.force_login(user)
        for method, url in library_urls(note, job):
            assert getattr(client, method)(url).status_code == 403, (user, method, url)
    note.refresh_from_db()
    assert note.version == 1 and not note.deleted and Note.objects.count() == 1


@pytest.mark.django_db
def test_instructors_and_superusers_open_every_page_and_unknown_ids_are_404(
    client, note, instructor, django_user_model
):
    job = IngestJob.objects.get()
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "x")
    for user in (instructor, admin):
        client.force_login(user)
        for method, url in library_urls(note, job):
            if method == "get":
                assert client.get(url).status_code == 200, url
    for url in (
        reverse("library:note", args=[999]),
        reverse("library:job", args=[999]),
        reverse("library:versions", args=[999]),
        reverse("library:download_version", args=[note.pk, 9]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("library:delete", args=[note.pk])).status_code == 405


@pytest.mark.django_db
def test_the_library_lists_each_note_with_its_status_and_what_it_gives(
    client, note, instructor, django_assert_max_num_queries
):
    client.force_login(instructor)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("library:index"))
    page = response.content.decode()
    assert "sqs.md" in page and "Live" in page and "irene" in page
    cards = note.gives["cards"]  # what the card rules make of the note: shown as the note's own count
    assert cards >= 1 and f"1 section · {cards} card{'s' if cards != 1 else ''} ·" in page
    assert note.gives["sections"] == 1
    assert 'href="/library/"' in client.get("/").content.decode()  # instructors find it in the header


@pytest.mark.django_db
def test_an_upload_redirects_to_its_job_and_the_job_page_shows_the_report(empty_library, client, instructor):
    client.force_login(instructor)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("course/sqs.md", SQS)
        archive.writestr("course/../../etc/evil.md", "# x\n")
    response = upload(client, ("notes.zip", buffer.getvalue()), ("slides.pdf", b"%PDF"))
    job = IngestJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("library:job", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Done" in page and "course/sqs.md" in page
    assert "notes.zip: course/../../etc/evil.md</code>: path with &#x27;..&#x27; refused" in page
    assert "slides.pdf</code>: unsupported file type" in page
    assert "Amazon SQS" in page  # a topic that now has a page, linked
    partial = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<section id="job-status"') and "<html" not in partial


@pytest.mark.django_db
def test_an_upload_of_nothing_usable_is_refused_with_the_reasons(client, instructor, monkeypatch):
    client.force_login(instructor)
    monkeypatch.setattr(library, "MAX_NOTE_BYTES", 100)
    response = upload(client, ("big.md", b"# S3\n" + b"x" * 200), ("photo.png", b"\x89PNG"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "big.md: file too large" in page and "photo.png: unsupported file type" in page
    assert not IngestJob.objects.exists()
    assert client.post(reverse("library:upload"), {}).status_code == 400
    monkeypatch.setattr(library, "MAX_NOTE_BYTES", 5 * 1024 * 1024)
    monkeypatch.setattr(library, "MAX_ZIP_BYTES", 1000)
    response = upload(client, ("course.zip", b"PK" + b"\0" * 2000), ("sqs.md", SQS.encode()))
    job = IngestJob.objects.get()
    assert job.refused == [{"path": "course.zip", "reason": "file too large: 0.0 MB; the limit is 0 MB"}]
    assert "course.zip</code>: file too large" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its connection, as in production
def test_a_queued_job_shows_progress_and_polls_until_the_worker_runs_it(client, instructor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(instructor)
    response = upload(client, ("sqs.md", SQS.encode()))
    page = client.get(response["Location"]).content.decode()
    assert "Queued: waiting for the worker" in page and 'hx-trigger="every 1s"' in page
    assert not Note.objects.exists()  # the request only stored the upload
    from django.core.management import call_command

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    page = client.get(response["Location"]).content.decode()
    assert "hx-trigger" not in page and "1 added:" in page
    assert Note.objects.get().status == Note.LIVE


@pytest.mark.django_db
def test_editing_saves_a_version_queues_an_ingest_and_changes_the_page(client, note, instructor):
    client.force_login(instructor)
    text = SQS.replace("first-in-first-out order", "strict first-in-first-out order")
    response = client.post(reverse("library:edit", args=[note.pk]), {"text": text, "version": 1})
    job = IngestJob.objects.latest("pk")
    assert response["Location"] == reverse("library:job", args=[job.pk]) and job.status == IngestJob.DONE
    note.refresh_from_db()
    assert note.version == 2 and note.status == Note.LIVE
    assert Section.objects.get(topic__slug="amazon-sqs", title="Overview", retired=False).plain_text.count("strict")
    history = client.get(reverse("library:versions", args=[note.pk])).content.decode()
    assert "Version 2" in history and "Version 1" in history and 'class="diff-add">+- **FIFO queue**' in history


@pytest.mark.django_db
def test_the_second_of_two_saves_is_told_and_sees_the_diff_and_nothing_is_lost(client, note, instructor, make_user):
    other = make_user("ines", instructor=True)
    client.force_login(instructor)
    client.post(reverse("library:edit", args=[note.pk]), {"text": SQS + "- first edit\n", "version": 1})
    client.force_login(other)
    response = client.post(reverse("library:edit", args=[note.pk]), {"text": SQS + "- second edit\n", "version": 1})
    assert response.status_code == 409
    page = response.content.decode()
    assert "This note changed while you were editing it" in page and "irene saved version 2" in page
    assert '<div class="diff-del">-- first edit</div>' in page and '<div class="diff-add">+- second edit</div>' in page
    assert "- second edit" in page.split("<textarea")[1]  # their text is still in the editor
    assert 'name="version" value="2"' in page
    note.refresh_from_db()
    assert "first edit" in note.text and "second edit" not in note.text
    # Saving again from that page is a deliberate choice and keeps both versions.
    client.post(reverse("library:edit", args=[note.pk]), {"text": SQS + "- second edit\n", "version": 2})
    note.refresh_from_db()
    assert note.version == 3 and "second edit" in note.text
    assert "first edit" in NoteVersion.objects.get(note=note, number=2).text


@pytest.mark.django_db
def test_a_tampered_edit_form_gets_400_and_an_empty_note_is_refused(client, note, instructor):
    client.force_login(instructor)
    assert client.post(reverse("library:edit", args=[note.pk]), {"text": "x"}).status_code == 400
    assert client.post(reverse("library:edit", args=[note.pk]), {"text": "x", "version": "two"}).status_code == 400
    response = client.post(reverse("library:edit", args=[note.pk]), {"text": "  \n", "version": 1})
    assert "cannot be empty; delete it instead" in response.content.decode()
    assert (
        client.post(
            reverse("library:assign", args=[IngestJob.objects.get().pk]), {"heading": "Made up", "topic": "amazon-s3"}
        ).status_code
        == 400
    )


@pytest.mark.django_db
def test_restoring_a_version_makes_a_new_one_and_download_gives_the_original_bytes(client, instructor):
    client.force_login(instructor)
    original = SQS.replace("\n", "\r\n").encode("cp1252")
    upload(client, ("sqs.md", original))
    note = Note.objects.get()
    client.post(reverse("library:edit", args=[note.pk]), {"text": SQS + "- later\n", "version": 1})
    response = client.post(reverse("library:restore", args=[note.pk, 1]))
    note.refresh_from_db()
    assert note.version == 3 and note.text == SQS
    assert list(note.versions.values_list("action", flat=True)) == ["restore", "edit", "upload"]
    download = client.get(reverse("library:download", args=[note.pk]))
    assert download.content == original
    assert download["Content-Disposition"] == 'attachment; filename="sqs.md"'
    assert IngestJob.objects.latest("pk").get_absolute_url() == response["Location"]
    client.post(reverse("library:rename", args=[note.pk]), {"name": "queues/résumé.md"})
    assert client.get(reverse("library:download", args=[note.pk]))["Content-Disposition"] == (
        "attachment; filename*=utf-8''r%C3%A9sum%C3%A9.md"
    )


@pytest.mark.django_db
def test_rename_and_delete_keep_the_learners_cards_and_history(client, note, instructor, learner):
    card = Flashcard.objects.active().first()
    client.force_login(instructor)
    assert client.post(reverse("library:rename", args=[note.pk]), {"name": "../x.md"}).status_code == 400
    client.post(reverse("library:rename", args=[note.pk]), {"name": "queues/sqs.md"})
    note.refresh_from_db()
    assert note.name == "queues/sqs.md" and Source.objects.get(path="queues/sqs.md", retired=False)
    card.refresh_from_db()
    assert not card.retired  # same lines, same card
    client.post(reverse("library:delete", args=[note.pk]))
    card.refresh_from_db()
    note.refresh_from_db()
    assert note.deleted and card.retired and Flashcard.objects.filter(pk=card.pk).exists()
    assert "Deleted notes" in client.get(reverse("library:index")).content.decode()
    client.post(reverse("library:restore", args=[note.pk, 2]))
    card.refresh_from_db()
    assert not card.retired


@pytest.mark.django_db
def test_a_preview_changes_nothing_until_it_is_published(empty_library, client, note, instructor):
    client.force_login(instructor)
    response = upload(
        client,
        ("sns.md", b"# Amazon SNS\n\n- SNS is a pub/sub messaging service that pushes messages to subscribers.\n"),
        preview=True,
    )
    preview = IngestJob.objects.latest("pk")
    assert preview.dry_run and preview.status == IngestJob.DONE
    assert preview.report["preview"]["cards_added"] >= 1
    assert not Note.objects.filter(name="sns.md").exists()
    assert not Section.objects.filter(topic__slug="amazon-sns").exists()
    page = client.get(response["Location"]).content.decode()
    assert "What this upload would change" in page and "Publish this upload" in page
    published = client.post(reverse("library:publish", args=[preview.pk]))
    job = IngestJob.objects.latest("pk")
    assert published["Location"] == job.get_absolute_url() and job.status == IngestJob.DONE
    assert Note.objects.get(name="sns.md").status == Note.LIVE
    assert Section.objects.filter(topic__slug="amazon-sns", retired=False).exists()
    assert client.post(reverse("library:publish", args=[job.pk])).status_code == 400


@pytest.mark.django_db
def test_a_heading_on_no_topic_can_be_assigned_and_every_later_ingest_uses_it(client, instructor):
    client.force_login(instructor)
    upload(client, ("sns.md", UNPLACED.encode()))
    job = IngestJob.objects.get()
    [row] = [u for u in job.report["report"]["unplaced"] if u["assignable"]]
    assert row["heading"] == "Zorblax Widgets" and row["note_name"] == "sns.md"
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Zorblax Widgets" in page and "Assign to a topic" in page
    response = client.post(
        reverse("library:assign", args=[job.pk]), {"heading": "Zorblax Widgets", "topic": "amazon-sns"}
    )
    assert HeadingAlias.objects.get().topic_slug == "amazon-sns"
    new_job = IngestJob.objects.latest("pk")
    assert response["Location"] == new_job.get_absolute_url()
    assert not [u for u in new_job.report["report"]["unplaced"] if u["assignable"]]
    assert Section.objects.filter(topic__slug="amazon-sns", plain_text__contains="Zorblax", retired=False).exists()
    # A name the catalog already has is refused with a message.
    job2 = library.queue_job(
        kind="upload",
        user=instructor,
        summary="x",
        files=[("other.md", UNPLACED.replace("Zorblax Widgets", "Quuxly Things").encode())],
    )
    client.post(reverse("library:assign", args=[job2.pk]), {"heading": "Quuxly Things", "topic": "not-a-topic"})
    assert HeadingAlias.objects.count() == 1


@pytest.mark.django_db
def test_an_instructor_opens_the_note_behind_a_source_line_in_the_editor(client, note, instructor, learner):
    source = Source.objects.get(path="sqs.md")
    client.force_login(instructor)
    page = client.get(reverse("content:source", args=[source.pk]) + "?line=3").content.decode()
    assert f'href="/library/notes/{note.pk}/edit/?line=3"' in page
    editor = client.get(f"/library/notes/{note.pk}/edit/?line=3").content.decode()
    assert 'data-line="3"' in editor and "<span" not in editor.split("<textarea")[1].split("</textarea>")[0]
    client.force_login(learner)
    assert "/library/" not in client.get(reverse("content:source", args=[source.pk])).content.decode()
