"""Content: the notes (Source), the catalog's topics, and the sections and facts ingest builds from them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse

DOMAINS = {
    "cloud-concepts": "Cloud Concepts",
    "security-compliance": "Security and Compliance",
    "technology-services": "Cloud Technology and Services",
    "billing-pricing-support": "Billing, Pricing, and Support",
}


class Source(models.Model):
    """One notes file, with the text of its last good version (so a later bad copy loses nothing)."""

    path = models.CharField(max_length=500, unique=True)  # file name as ingested, e.g. week3_ec2.txt
    label = models.CharField(max_length=40)  # short name shown beside each line: "ec2-notes"
    text = models.TextField()
    encoding = models.CharField(max_length=20)
    sha256 = models.CharField(max_length=64)
    line_count = models.PositiveIntegerField(default=0)
    retired = models.BooleanField(default=False)  # not part of the latest ingest
    ingested_at = models.DateTimeField()

    class Meta:
        ordering = ["path"]

    def __str__(self) -> str:
        return self.path

    def get_absolute_url(self) -> str:
        return reverse("content:source", args=[self.pk])

    def numbered_lines(self) -> list[tuple[int, str]]:
        return list(enumerate(self.text.split("\n"), start=1))


class TopicQuerySet(models.QuerySet):
    def with_content(self) -> TopicQuerySet:
        return self.filter(section_count__gt=0)


class Topic(models.Model):
    """A catalog entry (AWS service or concept); ingest fills its counts and summary from the notes."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    full_name = models.CharField(max_length=200, blank=True)
    short = models.CharField(max_length=100, blank=True)
    aliases = models.JSONField(default=list, blank=True)
    category = models.SlugField(max_length=100)
    category_name = models.CharField(max_length=200)
    category_order = models.PositiveIntegerField(default=0)
    domain = models.CharField(max_length=40, choices=list(DOMAINS.items()))
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    order = models.PositiveIntegerField(default=0)  # catalog order: parents before children, basics first
    discontinued = models.TextField(blank=True)  # AWS ended the service: shown as a banner, never taught
    summary = models.TextField(blank=True)
    summary_refs = models.JSONField(default=list, blank=True)
    related = models.JSONField(default=list, blank=True)  # slugs of topics the text mentions
    contradictions = models.JSONField(default=list, blank=True)
    section_count = models.PositiveIntegerField(default=0)
    fact_count = models.PositiveIntegerField(default=0)
    card_count = models.PositiveIntegerField(default=0)
    question_count = models.PositiveIntegerField(default=0)
    source_labels = models.JSONField(default=list, blank=True)
    # The summary block at the top of the page (content/summary.py): definition, key facts, comparison table,
    # exam traps, related topics; computed at ingest so a page view only renders it.
    summary_sheet = models.JSONField(default=dict, blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["category_order", "order"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("content:topic", args=[self.slug])

    @property
    def domain_name(self) -> str:
        return DOMAINS.get(self.domain, self.domain)


class SectionQuerySet(models.QuerySet):
    def active(self) -> SectionQuerySet:
        return self.filter(retired=False)


class Section(models.Model):
    """A heading's merged content on a topic page, from one or more notes files.

    `items` holds the rendered lines: [{"kind", "depth", "html", "text", "refs": [[label, source_id, line]],
    "erratum": {"id", "correction"} | None}], rendered and sanitised at ingest so pages stay cheap.
    """

    key = models.CharField(max_length=64, unique=True)  # hash(topic slug, normalised title)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(max_length=300)
    anchor = models.SlugField(max_length=120)
    level = models.PositiveSmallIntegerField(default=1)
    position = models.PositiveIntegerField(default=0)
    items = models.JSONField(default=list)
    plain_text = models.TextField(blank=True)  # for search and snippets
    content_hash = models.CharField(max_length=64)
    retired = models.BooleanField(default=False)
    search_vector = SearchVectorField(null=True, editable=False)  # filled on PostgreSQL only
    updated_at = models.DateTimeField(auto_now=True)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["topic", "position"]

    def __str__(self) -> str:
        return f"{self.topic.slug}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("content:topic", args=[self.topic.slug]) + f"#{self.anchor}"


class Fact(models.Model):
    """A statement from the notes that flashcards and questions are built from."""

    KINDS = [
        ("definition", "Definition"),
        ("list", "List"),
        ("comparison", "Comparison"),
        ("use_case", "Use case"),
        ("number", "Number"),
    ]

    key = models.CharField(max_length=64, unique=True)  # hash(topic slug, kind, normalised subject)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="facts")
    section = models.ForeignKey(Section, null=True, on_delete=models.SET_NULL, related_name="facts")
    kind = models.CharField(max_length=20, choices=KINDS)
    subject = models.CharField(max_length=300)
    text = models.TextField()
    data = models.JSONField(default=dict)
    refs = models.JSONField(default=list)  # [[label, source_id, line], ...]
    retired = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["topic", "kind", "subject"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.subject}"


class SectionRead(models.Model):
    """A learner marked a section as read: their reading progress through a topic."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sections_read")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="reads")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "section"], name="one_read_per_user_section")]

    def __str__(self) -> str:
        return f"{self.user} read {self.section_id}"


# --- The notes library: notes live in the database, every change is a version, ingest runs as a job. ---


class NoteQuerySet(models.QuerySet):
    def live(self) -> NoteQuerySet:
        """The notes ingest reads: every note not deleted (a deleted note's content is retired)."""
        return self.filter(deleted=False)


class Note(models.Model):
    """One note in the library; `text` is its current version, earlier ones are NoteVersion rows."""

    PENDING, LIVE, SKIPPED, FAILED = "pending", "live", "skipped", "failed"
    STATUSES = [(PENDING, "Waiting for ingest"), (LIVE, "Live"), (SKIPPED, "Skipped"), (FAILED, "Ingest failed")]

    name = models.CharField(max_length=500, unique=True)  # path inside the library: "course/s3.md"
    text = models.TextField()
    encoding = models.CharField(max_length=20, default="utf-8")
    size = models.PositiveIntegerField(default=0)  # bytes of the current version's original
    version = models.PositiveIntegerField(default=1)  # number of the current version (a save names the one it saw)
    deleted = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    status_reason = models.TextField(blank=True)
    gives = models.JSONField(default=dict, blank=True)  # {"sections", "cards", "questions", "errata"} at last ingest
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="notes")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("library:note", args=[self.pk])

    def numbered_lines(self) -> list[tuple[int, str]]:
        return list(enumerate(self.text.split("\n"), start=1))


class NoteVersion(models.Model):
    """A note as it was after one upload, edit, rename or restore; `original` is what can be downloaded."""

    ACTIONS = [
        ("import", "Imported"),
        ("upload", "Uploaded"),
        ("edit", "Edited"),
        ("rename", "Renamed"),
        ("restore", "Restored"),
        ("delete", "Deleted"),
    ]

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    text = models.TextField()
    encoding = models.CharField(max_length=20, default="utf-8")
    original = models.BinaryField()  # the bytes as uploaded (an edit stores its text as UTF-8)
    action = models.CharField(max_length=10, choices=ACTIONS)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["note", "-number"]
        constraints = [models.UniqueConstraint(fields=["note", "number"], name="one_version_number_per_note")]

    def __str__(self) -> str:
        return f"{self.name} v{self.number}"


class IngestJobQuerySet(models.QuerySet):
    def stalled(self, now, *, after) -> IngestJobQuerySet:
        """Jobs that say they run but whose worker gave no sign of life for `after`: it was killed or crashed."""
        silent = models.Q(heartbeat_at__lt=now - after) | models.Q(heartbeat_at=None, started_at__lt=now - after)
        return self.filter(silent, status__in=[IngestJob.WAITING, IngestJob.RUNNING])


class IngestJob(models.Model):
    """One ingest of the library, queued by an upload, a save or the command; its page shows progress and report."""

    QUEUED, WAITING, RUNNING, DONE, FAILED = "queued", "waiting", "running", "done", "failed"
    STATUSES = [
        (QUEUED, "Queued"),
        (WAITING, "Waiting for another ingest"),
        (RUNNING, "Running"),
        (DONE, "Done"),
        (FAILED, "Failed"),
    ]
    KINDS = [
        ("upload", "Upload"),
        ("edit", "Edit"),
        ("rename", "Rename"),
        ("delete", "Delete"),
        ("restore", "Restore"),
        ("alias", "Heading assigned"),
        ("command", "manage.py ingest"),
    ]

    kind = models.CharField(max_length=10, choices=KINDS)
    dry_run = models.BooleanField(default=False)  # a preview: run, report, roll back
    replace = models.BooleanField(default=False)  # the uploaded files become the whole library (ingest --replace)
    refused = models.JSONField(default=list, blank=True)  # [{"path", "reason"}] turned away before the job ran
    uploads_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )  # publishing a preview applies the preview's files
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    summary = models.CharField(max_length=300, blank=True)  # what was asked: "3 files uploaded", "s3.md edited"
    progress = models.JSONField(default=dict, blank=True)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)  # the worker's last sign of life while the job ran

    objects = IngestJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"ingest job {self.pk} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("library:job", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (self.DONE, self.FAILED)

    @property
    def seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    @property
    def rejected(self) -> list[tuple[str, int]]:
        """The deck's reject rules with how many facts each turned away, most first (the JSON keeps no order)."""
        counts = self.report.get("report", {}).get("rejected", {})
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


class UploadedFile(models.Model):
    """A file as it reached the upload form (a note or a zip), kept until a job applies it."""

    job = models.ForeignKey(IngestJob, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=500)
    data = models.BinaryField()
    size = models.PositiveIntegerField()

    def __str__(self) -> str:
        return self.name


class HeadingAlias(models.Model):
    """A heading an instructor assigned to a catalog topic; every later ingest places it there."""

    heading = models.CharField(max_length=300, unique=True)
    topic_slug = models.SlugField(max_length=100)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.heading} -> {self.topic_slug}"
