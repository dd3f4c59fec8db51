"""Pages rendered once per content version and kept in Django's cache; each learner's marks are filled in after.

A topic page changes only when notes are ingested, yet rendering one costs tens of milliseconds (the S3 page is
150 KB of note lines, each with its source links). So the page body is rendered once, with a slot where each
learner's own marks go (a section read or not, its "Mark read" button, "3 of 12 read"), split at the slots and
stored; a request then costs one cache read and one query for the learner's reads. The topic index, search
results and the quizzes page's topic picker and exam plan are stored the same way (stored()). Ingest, and an
instructor disabling a question, bump the content version (bump_content_version): everything stored before is
stale from then on. The cache is the database's ("pages" in settings.CACHES), shared by every process and host.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from content.models import SectionRead, Topic

VERSION_KEY = "content-version"
# What stored pages are made from besides the content (every template, and the code that renders or feeds them):
# a deployment that changes any of it stores them anew rather than serving the old render.
_ROOT = Path(__file__).resolve().parents[1]
_MADE_FROM = sorted(
    [
        *(_ROOT / "templates").rglob("*.html"),
        *(_ROOT / "content" / "templatetags").glob("*.py"),
        *(
            _ROOT / name
            for name in (
                "content/stored_pages.py",
                "content/views.py",
                "quizzes/views.py",
                "quizzes/forms.py",
                "quizzes/attempts.py",
            )
        ),
    ]
)
RENDER_VERSION = hashlib.sha256(b"".join(p.read_bytes() for p in _MADE_FROM)).hexdigest()[:12]
SLOT = re.compile(r"<!--slot:([a-z]+)(?::(\d+))?-->")
CSRF_SLOT = "CSRF-TOKEN-SLOT"  # the toggles' token input, rendered once into the stored page, set per request
TICK = mark_safe(' <span class="ok" title="read">✓</span>')


def bump_content_version() -> None:
    """Every stored page is stale: call once the new content is committed."""
    caches["pages"].set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


@dataclass
class StoredTopicPage:
    title: str
    parts: list  # text, then (kind, section id) and text, alternately
    section_ids: list[int]
    toggles: dict  # section id -> (its toggle when read, when not read)


def content_version() -> str:
    cache = caches["pages"]
    version = cache.get(VERSION_KEY)
    if version is None:
        # No version yet (a fresh cache, or it was evicted): start one; anything stored under another is stale.
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def stored(key: str, make, timeout: int | None = None):
    """What `make()` returns, made once per content version and read from the cache after (one query). A None
    from `make()` is not stored. `timeout`: seconds to keep it (None: until the cache culls it), for keys that
    anyone can mint, such as search queries."""
    cache = caches["pages"]
    key = f"{RENDER_VERSION}:{key}"
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or content_version()
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return pickle.loads(zlib.decompress(entry[1]))
    value = make()
    if value is not None:
        # Compressed: the database cache keeps values as base64 text, and the S3 page's 160 KB became 220 KB
        # to fetch and decode on every visit; compressed, about a sixth of that.
        cache.set(key, (version, zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)), timeout=timeout)
    return value


def stored_topic_page(topic_slug: str, *, every_line: bool, page_path: str, build) -> StoredTopicPage | None:
    """The stored page, rendered now if there is none for this content version. `build()` returns the topic
    page's context (or None when there is no page)."""

    def make() -> StoredTopicPage | None:
        context = build()
        return None if context is None else render_topic_page(context, every_line=every_line, page_path=page_path)

    return stored(f"topic-page:{topic_slug}:{'all' if every_line else 'folded'}", make)


def render_topic_page(context: dict, *, every_line: bool, page_path: str) -> StoredTopicPage:
    sections = context["sections"]
    html = render_to_string("content/_topic_body.html", {**context, "every_line": every_line, "page_path": page_path})
    pieces = SLOT.split(html)
    parts: list = [pieces[0]]
    for i in range(1, len(pieces), 3):
        kind, pk = pieces[i], pieces[i + 1]
        parts.append((kind, int(pk) if pk else None))
        parts.append(pieces[i + 2])
    toggles = {
        s.pk: tuple(
            render_to_string("content/_read_toggle.html", {"section": s, "is_read": read, "csrf_token": CSRF_SLOT})
            for read in (True, False)
        )
        for s in sections
    }
    return StoredTopicPage(
        title=context["topic"].name, parts=parts, section_ids=[s.pk for s in sections], toggles=toggles
    )


def topic_page_body(page: StoredTopicPage, user, csrf_token: str) -> SafeString:
    """The stored page with this visitor's marks: a tick on each section they read, the read toggles and their
    progress (signed in only)."""
    signed_in = user.is_authenticated
    read: set[int] = set()
    if signed_in and page.section_ids:
        read = set(
            SectionRead.objects.filter(user=user, section_id__in=page.section_ids).values_list("section_id", flat=True)
        )
    out = []
    for part in page.parts:
        if isinstance(part, str):
            out.append(part)
            continue
        kind, pk = part
        if kind == "tick":
            if pk in read:
                out.append(TICK)
        elif kind == "tools":
            if signed_in:
                out.append(f'<div class="section-tools">{page.toggles[pk][0 if pk in read else 1]}</div>')
        elif kind == "progress":
            if signed_in:
                out.append(f'<p class="small muted">{len(read)} of {len(page.section_ids)} read</p>')
    body = "".join(out)
    if signed_in:
        body = body.replace(CSRF_SLOT, csrf_token)
    return mark_safe(body)  # noqa: S308 - our own templates' output and our own markup


def topic_page_context(topic: Topic) -> dict:
    """What the page shows of a topic, the same for every visitor."""
    sections = list(topic.sections.active())
    children = list(topic.children.filter(section_count__gt=0))
    related_by_slug = {t.slug: t for t in Topic.objects.filter(slug__in=topic.related, section_count__gt=0)}
    return {
        "topic": topic,
        "sections": sections,
        "children": children,
        "related": [related_by_slug[s] for s in topic.related if s in related_by_slug],
        "sources": sorted({(ref[0], ref[1]) for s in sections for item in s.items for ref in item["refs"]}),
        # Sections are folded under the summary; "show every line" (?lines=all) unfolds them all, and a topic
        # with a section or two has nothing to fold.
        "open_all": len(sections) <= 2,
        "errata_count": sum(1 for s in sections for item in s.items if item["erratum"]),
    }
