"""The ingest command end to end: shipped notes, idempotence, bad files, nothing lost on re-ingest."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from content import services
from content.models import Fact, Section, SectionRead, Source, Topic
from content.services import NOTES_DIR, ingest

SHIPPED = sorted(NOTES_DIR.glob("*.txt"))  # any real notes file will do

REQUIRED = [
    "aws-iam",
    "amazon-ec2",
    "amazon-s3",
    "amazon-ebs",
    "amazon-efs",
    "amazon-rds",
    "amazon-aurora",
    "amazon-dynamodb",
    "amazon-redshift",
    "aws-lambda",
    "amazon-vpc",
    "amazon-route-53",
    "elastic-load-balancing",
    "amazon-cloudfront",
    "aws-cloudformation",
    "amazon-sqs",
    "amazon-sns",
    "amazon-kinesis",
    "s3-storage-classes",
    "route-53-routing-policies",
]


def run_ingest(*paths) -> dict:
    out = StringIO()
    call_command("ingest", *[str(p) for p in paths], "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_the_shipped_notes_ingest_into_every_required_topic():
    report = run_ingest()
    assert report["sources_ingested"] == 5
    assert report["sources_skipped"] == []
    assert report["topics"] >= 70
    with_content = set(Topic.objects.with_content().values_list("slug", flat=True))
    assert set(REQUIRED) <= with_content, set(REQUIRED) - with_content
    for key in ("sections", "facts", "cards", "questions", "seconds"):
        assert key in report
    assert report["sections"] > 0 and report["cards"] > 0 and report["questions"] > 0
    assert isinstance(report["warnings"], list)


@pytest.mark.django_db
def test_a_second_ingest_creates_and_updates_nothing():
    run_ingest()
    again = run_ingest()
    assert sum(again["created"].values()) == 0, again["created"]
    assert sum(again["updated"].values()) == 0, again["updated"]
    assert sum(again["retired"].values()) == 0, again["retired"]


@pytest.mark.django_db
def test_the_readable_summary_names_what_was_skipped(tmp_path):
    shutil.copy(SHIPPED[0], tmp_path)
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4")
    out = StringIO()
    call_command("ingest", str(tmp_path), stdout=out)
    text = out.getvalue()
    assert "Ingested 1 notes file(s)" in text
    assert "skipped" in text and "slides.pdf" in text and "unsupported file type" in text


def write_bad_and_good_files(folder: Path) -> None:
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    (folder / "huge.md").write_bytes(b"# Amazon S3\n" + b"- S3 stores objects in buckets.\n" * 200_000)  # ~6 MB
    (folder / "slides.pdf").write_bytes(b"%PDF-1.4 not a note")
    # Windows-1252 with CRLF: curly quotes are bytes 0x93/0x94 and 0x92.
    (folder / "windows.txt").write_bytes(
        "AMAZON SQS :\r\n\r\nSQS is a \u201cfully managed\u201d message queue; it\u2019s used to decouple "
        "applications.\r\n".encode("cp1252")
    )
    shutil.copy(SHIPPED[0], folder / "good.txt")


@pytest.mark.django_db
def test_bad_files_are_skipped_with_reasons_and_the_good_ones_ingest(tmp_path):
    write_bad_and_good_files(tmp_path)
    report = run_ingest(tmp_path)
    reasons = {Path(s["path"]).name: s["reason"] for s in report["sources_skipped"]}
    assert set(reasons) == {"empty.txt", "binary.txt", "huge.md", "slides.pdf"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "MB" in reasons["huge.md"]
    assert ".pdf" in reasons["slides.pdf"]
    assert report["sources_ingested"] == 2
    windows = Source.objects.get(path__endswith="windows.txt")
    assert windows.encoding == "cp1252"
    assert "\u201cfully managed\u201d" in windows.text and "it\u2019s" in windows.text
    assert "\r" not in windows.text
    sqs = Section.objects.filter(topic__slug="amazon-sqs").values_list("plain_text", flat=True)
    assert any("\u201cfully managed\u201d" in text for text in sqs)


@pytest.mark.django_db
def test_when_no_file_can_be_ingested_the_command_fails_clearly(empty_library, tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    with pytest.raises(CommandError, match="No notes file could be ingested .*empty.txt: empty file"):
        call_command("ingest", str(tmp_path), stdout=StringIO())
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_a_crash_while_parsing_one_file_skips_only_that_file(tmp_path, monkeypatch):
    shutil.copy(SHIPPED[0], tmp_path)
    (tmp_path / "crash.md").write_text("# Amazon SQS\n- CRASH-ME\n")
    real_parse = services.parse

    def parse(text):
        if "CRASH-ME" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real_parse(text)

    monkeypatch.setattr(services, "parse", parse)
    report = run_ingest(tmp_path)
    assert report["sources_ingested"] == 1
    [skip] = report["sources_skipped"]
    assert skip["path"].endswith("crash.md")
    assert "could not be parsed (RecursionError" in skip["reason"]


@pytest.mark.django_db
def test_a_failed_ingest_leaves_the_database_as_it_was(empty_library, tmp_path, monkeypatch):
    shutil.copy(SHIPPED[1], tmp_path)
    run_ingest(tmp_path)
    before = (
        list(Section.objects.values_list("key", "content_hash", "retired").order_by("key")),
        list(Fact.objects.values_list("key", "text").order_by("key")),
    )
    shutil.copy(SHIPPED[0], tmp_path)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.Writer, "write_topic_summaries", fail)  # after sections and facts are written
    with pytest.raises(RuntimeError):
        ingest([tmp_path])
    after = (
        list(Section.objects.values_list("key", "content_hash", "retired").order_by("key")),
        list(Fact.objects.values_list("key", "text").order_by("key")),
    )
    assert after == before
    assert Source.objects.count() == 1


@pytest.mark.django_db
def test_reingest_after_an_edit_updates_in_place_and_keeps_the_learners_rows(tmp_path, learner):
    note = tmp_path / "notes.md"
    note.write_text(
        "# Amazon SQS\n\n"
        "- **Standard queue**: at-least-once delivery, best-effort ordering.\n"
        "- **FIFO queue**: exactly-once processing, first-in-first-out order.\n\n"
        "## Dead-letter queues\n\n"
        "- Messages that fail processing too often are moved to a dead-letter queue.\n"
    )
    run_ingest(tmp_path)
    section = Section.objects.get(topic__slug="amazon-sqs", title="Overview")
    read = SectionRead.objects.create(user=learner, section=section, read_at="2026-11-01T10:00:00Z")

    note.write_text(note.read_text().replace("best-effort ordering", "best-effort ordering (edited)"))
    report = run_ingest(tmp_path)
    assert report["updated"].get("sections") == 1 and report["created"].get("sections", 0) == 0
    section.refresh_from_db()
    assert "best-effort ordering (edited)" in section.plain_text
    assert SectionRead.objects.get(pk=read.pk).section_id == section.pk

    note.write_text(note.read_text().split("## Dead-letter")[0])
    report = run_ingest(tmp_path)
    assert report["retired"]["sections"] == 1
    dead_letter = Section.objects.get(topic__slug="amazon-sqs", title="Dead-letter queues")
    assert dead_letter.retired
    assert SectionRead.objects.filter(pk=read.pk).exists()


@pytest.mark.django_db
def test_an_unreadable_file_that_was_ingested_before_keeps_its_last_good_version(empty_library, tmp_path):
    note = tmp_path / "notes.md"
    note.write_text("# Amazon SNS\n\n- SNS is a pub/sub messaging service that pushes to subscribers.\n")
    run_ingest(tmp_path)
    note.write_bytes(b"\x00\x00garbage")
    report = run_ingest(tmp_path)
    assert "kept its last good version" in report["sources_skipped"][0]["reason"]
    assert not Section.objects.get(topic__slug="amazon-sns").retired


@pytest.mark.django_db
def test_a_topic_that_left_the_catalog_keeps_its_row_and_loses_its_page(tmp_path):
    shutil.copy(SHIPPED[0], tmp_path)
    Topic.objects.create(
        slug="gone-from-catalog",
        name="Gone",
        category="storage",
        category_name="Storage",
        domain="technology-services",
        section_count=3,
    )
    run_ingest(tmp_path)
    gone = Topic.objects.get(slug="gone-from-catalog")
    assert gone.section_count == 0


@pytest.mark.django_db
def test_a_file_that_now_crashes_the_parser_keeps_its_last_good_version(empty_library, tmp_path, monkeypatch):
    note = tmp_path / "sns.md"
    note.write_text("# Amazon SNS\n\n- SNS is a pub/sub messaging service that pushes to subscribers.\n")
    run_ingest(tmp_path)
    note.write_text(note.read_text() + "- CRASH-ME\n")
    real_parse = services.parse

    def parse(text):
        if "CRASH-ME" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real_parse(text)

    monkeypatch.setattr(services, "parse", parse)
    report = run_ingest(tmp_path)
    assert "kept its last good version" in report["sources_skipped"][0]["reason"]
    assert not Section.objects.get(topic__slug="amazon-sns").retired


@pytest.mark.django_db
def test_a_name_listed_bare_and_again_over_its_own_bullets_keeps_them(tmp_path):
    """ "- cost explorer" in a list of tools, then again over "- visualize, understand, and manage your costs": the
    second is the tool's entry with its bullets, not a duplicate of the bare item above."""
    (tmp_path / "billing.md").write_text(
        "# Billing tools\n- tracking costs:\n    - cost and usage reports\n    - cost explorer\n\n"
        "# Tracking costs\n- cost explorer\n    - visualize, understand, and manage your costs over time\n"
        "    - forecast costs\n"
    )
    call_command("ingest", str(tmp_path), stdout=StringIO())
    items = [i for s in Section.objects.filter(topic__slug="aws-cost-explorer") for i in s.items]
    entry = next(i for i in items if i["text"] == "cost explorer" and i["refs"][0][2] == 7)
    assert entry["depth"] < next(i for i in items if i["text"].startswith("visualize"))["depth"]
