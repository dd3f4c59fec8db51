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

    path = models.CharField(max_length=500, unique=True)  # file name as ingested, e.g. 002_200e....txt
    label = models.CharField(max_length=40)  # short name shown beside each line: "002"
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
