"""The notes library: notes kept in the database with their versions, uploads unpacked safely, ingest run as a job.

A web request only stores what it was given (an upload's files, an edit's text) and queues a job; the job
(content.tasks, run by `manage.py db_worker`) applies uploads to the library and ingests every live note in one
transaction, so a failed job leaves the library and the pages exactly as they were.
"""

from __future__ import annotations

import ast
import difflib
import io
import json
import logging
import os
import re
import stat
import threading
import zipfile
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone

from content.catalog import Catalog, load_catalog, normalise
from content.ingest.sources import MAX_BYTES, SUFFIXES, NoteText, Unreadable, decode, unsupported_type
from content.models import HeadingAlias, IngestJob, Note, NoteVersion, Section, Source, Topic, UploadedFile
from content.services import NOTES_DIR, NoteFile, NothingIngested, collect_files, ingest_notes
from learning.models import Flashcard
from quizzes.models import Question

log = logging.getLogger(__name__)

MAX_NOTE_BYTES = MAX_BYTES  # 5 MB per note file
MAX_ZIP_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
# Unpacked, a zip's notes may reach this much in all: a zip bomb (a few KB that inflate to gigabytes) is refused
# from its directory's declared sizes, and reading stops at the cap whatever the directory claims.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_NAME = 500
_LOCK_KEY = 7_201_104  # PostgreSQL advisory lock: one ingest at a time across every worker
HEARTBEAT_SECONDS = 10  # how often a running job's worker says it is alive (PostgreSQL)


class Rollback(Exception):
    """Raised inside a dry run's transaction to undo it after its report is made."""

    def __init__(self, result: dict):
        self.result = result
        super().__init__("dry run rolled back")


# ---------------------------------------------------------------------------------------------------------------
# Names and files


def clean_name(raw: str) -> tuple[str | None, str]:
    """A note's name from an upload or a zip entry: (name, "") or (None, why it is refused).

    Folder paths are kept ("vault/AWS/S3.md"); `..`, absolute paths and drive letters are refused, never
    resolved, so nothing from a zip can name a place outside the library.
    """
    name = raw.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return None, "absolute path refused"
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None, "path with '..' refused"
    if not parts:
        return None, "no file name"
    name = "/".join(parts)
    if len(name) > MAX_NAME:
        return None, f"name longer than {MAX_NAME} characters"
    if any(ord(c) < 32 for c in name):
        return None, "control characters in the name"
    return name, ""


def hidden(name: str) -> bool:
    """Editor and OS clutter in exports: .obsidian/, __MACOSX/, .DS_Store."""
    return any(p.startswith(".") or p == "__MACOSX" for p in name.split("/"))


@dataclass
class Incoming:
    """What an upload or a folder brings: notes to save (name, bytes) and entries refused with their reasons."""

    notes: list[tuple[str, bytes]] = field(default_factory=list)
    refused: list[dict] = field(default_factory=list)

    def refuse(self, path: str, reason: str) -> None:
        self.refused.append({"path": path, "reason": reason})


def unpack_zip(name: str, data: bytes, incoming: Incoming) -> None:
    """Read a zip's notes into memory, refusing unsafe entries by name; nothing is written to disk."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        incoming.refuse(name, f"not a readable zip file ({error})")
        return
    files = [e for e in entries if not e.is_dir()]
    if len(entries) > MAX_ZIP_ENTRIES:
        incoming.refuse(name, f"zip has {len(entries):,} entries; the limit is {MAX_ZIP_ENTRIES:,}")
        return
    declared = sum(e.file_size for e in files)
    if declared > MAX_UNPACKED_BYTES:
        incoming.refuse(
            name,
            f"zip would unpack to {declared / 2**20:,.0f} MB; the limit is "
            f"{MAX_UNPACKED_BYTES // 2**20} MB (a zip bomb is refused before it is unpacked)",
        )
        return
    unpacked = 0
    for entry in files:
        shown = f"{name}: {entry.filename}"
        if stat.S_ISLNK(entry.external_attr >> 16):
            incoming.refuse(shown, "symbolic link refused")
            continue
        entry_name, why = clean_name(entry.filename)
        if entry_name is None:
            incoming.refuse(shown, why)
            continue
        if hidden(entry_name):
            incoming.refuse(shown, "hidden file or folder (not a note)")
            continue
        if not entry_name.lower().endswith(SUFFIXES):
            incoming.refuse(shown, unsupported_type(entry_name))
            continue
        if entry.file_size > MAX_NOTE_BYTES:
            incoming.refuse(shown, f"file too large: {entry.file_size / 2**20:.1f} MB; the limit is 5 MB")
            continue
        try:
            with archive.open(entry) as handle:
                # Never trust the declared size: read at most one byte past the limits.
                raw = handle.read(min(MAX_NOTE_BYTES, MAX_UNPACKED_BYTES - unpacked) + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as error:
            incoming.refuse(shown, f"cannot be unpacked ({error})")
            continue
        unpacked += len(raw)
        if unpacked > MAX_UNPACKED_BYTES:
            incoming.refuse(shown, f"zip unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB; the rest is refused")
            return
        if len(raw) > MAX_NOTE_BYTES:
            incoming.refuse(shown, "file too large: over 5 MB unpacked (its size in the zip was wrong)")
            continue
        incoming.notes.append((entry_name, raw))


def read_folder(path: Path, incoming: Incoming) -> None:
    """A file or folder on disk for `manage.py ingest PATH`; links inside are never followed."""
    path = Path(path)
    files, skipped = collect_files([path])
    for skip in skipped:
        incoming.refuse(skip["path"], skip["reason"])
    root = path if path.is_dir() else path.parent
    for file in files:
        name = file.relative_to(root).as_posix()
        if not name.lower().endswith(SUFFIXES):
            incoming.refuse(name, unsupported_type(name))
            continue
        try:
            # O_NOFOLLOW: a file swapped for a link after the walk is still not followed.
            fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > MAX_NOTE_BYTES:
                    incoming.refuse(name, f"file too large: {size / 2**20:.1f} MB ({size:,} bytes); the limit is 5 MB")
                    continue
                raw = handle.read(MAX_NOTE_BYTES + 1)
        except OSError as error:
            incoming.refuse(name, f"cannot read: {error.strerror or error}")
            continue
        incoming.notes.append((name, raw))


# ---------------------------------------------------------------------------------------------------------------
# Saving notes (every change is a version)


def add_version(note: Note, *, action: str, user, original: bytes | None = None) -> NoteVersion:
    return NoteVersion.objects.create(
        note=note,
        number=note.version,
        name=note.name,
        text=note.text,
        encoding=note.encoding,
        original=original if original is not None else note.text.encode(),
        action=action,
        created_at=note.updated_at,
        created_by=user,
    )


def save_upload(name: str, raw: bytes, *, user, action: str = "upload") -> tuple[str, str]:
    """Add or update one note from uploaded bytes: ("added" | "updated" | "unchanged" | "skipped", reason)."""
    existing = Note.objects.filter(name=name).first()
    try:
        decoded = decode(raw)
    except Unreadable as error:
        reason = str(error)
        if existing is not None and not existing.deleted:
            reason += " (kept its last good version)"
        return "skipped", reason
    now = timezone.now()
    if existing is None:
        note = Note.objects.create(
            name=name,
            text=decoded.text,
            encoding=decoded.encoding,
            size=len(raw),
            created_at=now,
            updated_at=now,
            updated_by=user,
        )
        add_version(note, action=action, user=user, original=raw)
        return "added", ""
    if existing.text == decoded.text and not existing.deleted:
        return "unchanged", ""
    existing.text, existing.encoding, existing.size = decoded.text, decoded.encoding, len(raw)
    existing.deleted = False
    existing.version += 1
    existing.status, existing.status_reason = Note.PENDING, ""
    existing.updated_at, existing.updated_by = now, user
    existing.save()
    add_version(existing, action=action, user=user, original=raw)
    return "updated", ""


def apply_incoming(incoming: Incoming, *, user, replace_all: bool, action: str = "upload") -> dict:
    """Save every incoming note; with replace_all, delete (retire) the live notes the upload does not name."""
    changes: dict[str, list] = {"added": [], "updated": [], "unchanged": [], "deleted": [], "skipped": []}
    seen = set()
    for name, raw in incoming.notes:
        if name in seen:
            changes["skipped"].append({"path": name, "reason": "the same name twice in one upload; the first kept"})
            continue
        seen.add(name)
        outcome, reason = save_upload(name, raw, user=user, action=action)
        if outcome == "skipped":
            changes["skipped"].append({"path": name, "reason": reason})
        else:
            changes[outcome].append(name)
    if replace_all:
        for note in Note.objects.live().exclude(name__in=seen):
            delete_note(note, user=user)
            changes["deleted"].append(note.name)
    return changes


def delete_note(note: Note, *, user) -> None:
    """Deleting keeps the note and its versions; the next ingest retires its content (learners keep history)."""
    note.deleted = True
    note.version += 1
    note.updated_at, note.updated_by = timezone.now(), user
    note.save()
    add_version(note, action="delete", user=user)


class NoteChanged(Exception):
    """Someone saved the note since this editor opened it; nothing was saved."""

    def __init__(self, note: Note):
        self.note = note
        super().__init__(f"{note.name} changed since you opened it (now version {note.version})")


def edit_note(note_id: int, *, text: str, seen_version: int, user, action: str = "edit") -> Note:
    """Save new text if the note is still at the version the editor saw; else raise NoteChanged (nothing lost)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    with transaction.atomic():
        note = Note.objects.select_for_update().get(pk=note_id)
        if note.version != seen_version:
            raise NoteChanged(note)
        if note.text == text and not note.deleted:
            return note
        note.text, note.encoding, note.size = text, "utf-8", len(text.encode())
        note.deleted = False
        note.version += 1
        note.status, note.status_reason = Note.PENDING, ""
        note.updated_at, note.updated_by = timezone.now(), user
        note.save()
        add_version(note, action=action, user=user)
    return note


def rename_note(note: Note, new_name: str, *, user) -> Note:
    note.name = new_name
    note.version += 1
    note.status = Note.PENDING
    note.updated_at, note.updated_by = timezone.now(), user
    note.save()
    add_version(note, action="rename", user=user)
    return note


def restore_version(note: Note, version: NoteVersion, *, user) -> Note:
    """Restoring makes a new version with the old text (and name, when it is free); history only grows."""
    note.text, note.encoding = version.text, version.encoding
    note.size = len(version.original)
    if version.name != note.name and not Note.objects.filter(name=version.name).exclude(pk=note.pk).exists():
        note.name = version.name
    note.deleted = False
    note.version += 1
    note.status, note.status_reason = Note.PENDING, ""
    note.updated_at, note.updated_by = timezone.now(), user
    note.save()
    add_version(note, action="restore", user=user, original=bytes(version.original))
    return note


def diff_lines(old: str, new: str, *, old_label: str = "before", new_label: str = "after") -> list[dict]:
    """A unified diff as rows {"kind": add|del|hunk|same, "text"} for the template to colour."""
    rows = []
    lines = difflib.unified_diff(old.split("\n"), new.split("\n"), old_label, new_label, n=2, lineterm="")
    for line in lines:
        if line.startswith(("---", "+++")):
            continue
        kind = {"+": "add", "-": "del", "@": "hunk"}.get(line[:1], "same")
        rows.append({"kind": kind, "text": line})
    return rows


def import_shipped_notes_if_empty(*, user=None) -> bool:
    """A fresh install's library starts with content/notes/ (`make run`); afterwards the library is the truth."""
    if Note.objects.exists():
        return False
    incoming = Incoming()
    read_folder(NOTES_DIR, incoming)
    apply_incoming(incoming, user=user, replace_all=False, action="import")
    return True


# ---------------------------------------------------------------------------------------------------------------
# Headings assigned to topics


def catalog_with_aliases(extra_alias: tuple[str, str] | None = None) -> Catalog:
    """The catalog plus every heading an instructor assigned to a topic, so ingest places it there."""
    base = load_catalog()
    extra: dict[str, list[str]] = {}
    aliases = list(HeadingAlias.objects.values_list("heading", "topic_slug"))
    for heading, slug in aliases + ([extra_alias] if extra_alias else []):
        if slug in base.topics and base.lookup(heading) is None:
            extra.setdefault(slug, []).append(heading)
    if not extra:
        return base
    topics = {slug: replace(t, aliases=t.aliases + tuple(extra.get(slug, ()))) for slug, t in base.topics.items()}
    return Catalog({c.slug: c for c in base.categories}, topics, base.ambiguous)


class AliasRefused(Exception):
    pass


def assign_heading(heading: str, topic_slug: str, *, user) -> HeadingAlias:
    catalog = catalog_with_aliases()
    heading = heading.strip()[:300]
    if topic_slug not in catalog.topics:
        raise AliasRefused("Pick a topic from the catalog.")
    if not normalise(heading):
        raise AliasRefused("That heading has no words to match.")
    owner = catalog.lookup(heading)
    if owner is not None:
        raise AliasRefused(f"“{heading}” already names {catalog.topics[owner].name}.")
    try:
        catalog_with_aliases((heading, topic_slug))
    except ValueError as error:  # the catalog refuses a name two topics would share
        raise AliasRefused(f"“{heading}” cannot be an alias: {error}.") from None
    alias, _ = HeadingAlias.objects.update_or_create(
        heading=heading, defaults={"topic_slug": topic_slug, "created_by": user, "created_at": timezone.now()}
    )
    return alias


_UNPLACED_HEADING = re.compile(
    r"^(?P<label>.+?):(?P<line>\d+): heading (?P<title>'.*'|\".*\") matches no catalog "
    r"topic and has no topic above it(?:; (?P<blocks>\d+) block)?"
)
_UNPLACED_LINES = re.compile(
    r"^(?P<label>.+?):(?P<line>\d+): (?P<blocks>\d+) block\(s\) (?:under heading "
    r"(?P<title>'.*'|\".*\") name no topic|under no heading)"
)


def unplaced_lines(warnings: list[str], notes_by_label: dict[str, Note]) -> list[dict]:
    """The ingest warnings about lines on no topic, as rows the job page can offer to assign."""
    rows = []
    for warning in warnings:
        match = _UNPLACED_HEADING.match(warning) or _UNPLACED_LINES.match(warning)
        if not match:
            continue
        title = ast.literal_eval(match["title"]) if match["title"] else ""
        note = notes_by_label.get(match["label"])
        line = int(match["line"])
        excerpt = []
        if note is not None:
            lines = note.text.split("\n")
            excerpt = [(n, lines[n - 1]) for n in range(line, min(line + 4, len(lines) + 1))]
        rows.append(
            {
                "label": match["label"],
                "line": line,
                "heading": title,
                "blocks": int(match["blocks"] or 0),
                "note_id": note.pk if note else None,
                "note_name": note.name if note else match["label"],
                "excerpt": excerpt,
                "assignable": bool(title),
            }
        )
    return rows


# ---------------------------------------------------------------------------------------------------------------
# The job


class ProgressWriter:
    """Writes a job's progress where the job page can read it while the ingest's transaction is still open.

    On PostgreSQL through a second connection (autocommit); on SQLite, which has one writer at a time, only
    outside the transaction (the page then shows the stage the job reached before it). Each write is also a sign
    of life, and on PostgreSQL a Heartbeat writes one every few seconds between them.
    """

    def __init__(self, job: IngestJob):
        self.job = job
        self.counts: dict = {}
        self.side = connections.create_connection(DEFAULT_DB_ALIAS) if connection.vendor == "postgresql" else None
        self.heartbeat = Heartbeat(job.pk) if self.side is not None else None
        if self.heartbeat is not None:
            self.heartbeat.start()

    def __call__(self, *, stage: str, status: str | None = None, **counts) -> None:
        self.counts.update(counts, stage=stage)
        if self.side is not None:
            with self.side.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {IngestJob._meta.db_table} SET progress = %s, status = COALESCE(%s, status), "
                    "heartbeat_at = %s WHERE id = %s",
                    [json.dumps(self.counts), status, timezone.now(), self.job.pk],
                )
        elif not connection.in_atomic_block:
            IngestJob.objects.filter(pk=self.job.pk).update(
                progress=self.counts, heartbeat_at=timezone.now(), **({"status": status} if status else {})
            )

    def close(self) -> None:
        if self.heartbeat is not None:
            self.heartbeat.stop()
        if self.side is not None:
            self.side.close()


class Heartbeat(threading.Thread):
    """A job's sign of life every few seconds while its worker runs it, through a connection of its own.

    It beats while the job waits for the ingest lock and through a long stage alike, so only a job whose worker
    was killed or crashed (or lost its host) falls silent; see fail_stalled_jobs().
    """

    def __init__(self, job_id: int, every: float = HEARTBEAT_SECONDS):
        super().__init__(name=f"ingest-job-{job_id}-heartbeat", daemon=True)
        self.job_id, self.every = job_id, every
        self.stopped = threading.Event()

    def run(self) -> None:
        side = None  # opened at the first beat: most jobs end before it
        try:
            while not self.stopped.wait(self.every):
                side = side or connections.create_connection(DEFAULT_DB_ALIAS)
                with side.cursor() as cursor:
                    cursor.execute(
                        f"UPDATE {IngestJob._meta.db_table} SET heartbeat_at = %s WHERE id = %s",
                        [timezone.now(), self.job_id],
                    )
        except Exception:  # noqa: BLE001 - the job goes on; without beats it is failed later, never lost silently
            log.exception("the heartbeat of ingest job %s stopped", self.job_id)
        finally:
            if side is not None:
                side.close()

    def stop(self) -> None:
        self.stopped.set()
        self.join()


def stalled_after() -> timedelta:
    """How long a job may be silent before its worker is taken for dead.

    SQLite takes no write from a second connection during the ingest's transaction, so there a job beats only
    when it starts: the wait must outlast the longest ingest.
    """
    return timedelta(seconds=9 * HEARTBEAT_SECONDS) if connection.vendor == "postgresql" else timedelta(minutes=30)


def fail_stalled_jobs(now=None) -> int:
    """Mark failed, with the reason, every job whose worker stopped without finishing it; returns how many.

    The ingest ran in one transaction, which the database rolled back when the worker's connection went, so live
    content is as it was and the next job runs normally; only the job's own row still said "running".
    """
    now = now or timezone.now()
    stalled = list(
        IngestJob.objects.stalled(now, after=stalled_after()).values_list(
            "pk", "status", "heartbeat_at", "started_at", "progress"
        )
    )
    failed = 0
    for pk, status, heartbeat_at, started_at, progress in stalled:  # no heartbeat: started before jobs had one
        stage = (progress or {}).get("stage") or status
        reason = (
            f"The worker running this job stopped without finishing it (killed, crashed or its host went "
            f"away): no sign of life since {heartbeat_at or started_at:%Y-%m-%d %H:%M:%S} UTC, at the stage "
            f"'{stage}'. Nothing it changed was kept."
        )
        # Only if it is still silent: a worker that was merely slow and beat meanwhile keeps its job.
        failed += IngestJob.objects.filter(pk=pk, status=status, heartbeat_at=heartbeat_at).update(
            status=IngestJob.FAILED, error=reason, finished_at=now
        )
    if failed:
        log.warning("%s ingest job(s) failed: their worker stopped without finishing", failed)
        Note.objects.live().filter(status=Note.PENDING).update(
            status=Note.FAILED, status_reason="its ingest job's worker stopped without finishing"
        )
    return failed


def hold_ingest_lock() -> None:
    """One ingest at a time: a second job waits here until the first commits or rolls back."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
    # SQLite allows one writing transaction at a time by itself.


def incoming_for(job: IngestJob) -> Incoming | None:
    files_job = job.uploads_from or job
    files = list(UploadedFile.objects.filter(job=files_job).order_by("pk"))
    if not files:
        return None
    incoming = Incoming()
    for file in files:
        data = bytes(file.data)
        if file.name.lower().endswith(".zip"):
            unpack_zip(file.name, data, incoming)
        else:
            incoming.notes.append((file.name, data))
    return incoming


def library_files() -> list[NoteFile]:
    return [
        NoteFile(name=note.name, read=lambda note=note: NoteText(text=note.text, encoding=note.encoding))
        for note in Note.objects.live().only("name", "text", "encoding")
    ]


def snapshot() -> dict:
    """What learners see, for a preview's before/after: active cards and the errata flagged on pages."""
    cards = {key: (front, back) for key, front, back in Flashcard.objects.active().values_list("key", "front", "back")}
    errata = set()
    for topic, items in Section.objects.active().values_list("topic__name", "items"):
        for item in items:
            if item.get("erratum"):
                errata.add((topic, item["text"][:200], item["erratum"]["correction"]))
    return {"cards": cards, "errata": errata}


def preview_changes(before: dict, after: dict, limit: int = 40) -> dict:
    old, new = before["cards"], after["cards"]
    added = [new[k][0] for k in new if k not in old]
    changed = [{"front": new[k][0], "back": new[k][1], "was": old[k][1]} for k in new if k in old and old[k] != new[k]]
    retired = [old[k][0] for k in old if k not in new]
    flagged = sorted(after["errata"] - before["errata"])
    return {
        "cards_added": len(added),
        "cards_changed": len(changed),
        "cards_retired": len(retired),
        "errata_flagged": len(flagged),
        "added": added[:limit],
        "changed": changed[:limit],
        "retired": retired[:limit],
        "errata": [{"topic": t, "text": x, "correction": c} for t, x, c in flagged[:limit]],
    }


def note_outcomes(report: dict) -> None:
    """Each live note's status after an ingest, and what it gives (sections, cards, questions, errata)."""
    skipped = {s["path"]: s["reason"] for s in report.get("sources_skipped", [])}
    sources = {s.path: s for s in Source.objects.filter(retired=False)}
    sections, errata, cards, questions = Counter(), Counter(), Counter(), Counter()
    for items in Section.objects.active().values_list("items", flat=True):
        ids = set()
        for item in items:
            for ref in item["refs"]:
                ids.add(ref[1])
                if item.get("erratum"):
                    errata[ref[1]] += 1
        sections.update(ids)
    for refs in Flashcard.objects.active().values_list("refs", flat=True):
        cards.update({r[1] for r in refs})
    for refs in Question.objects.active().values_list("refs", flat=True):
        questions.update({r[1] for r in refs if len(r) == 3})
    changed = []
    for note in Note.objects.live():
        source = sources.get(note.name)
        if note.name in skipped:
            status, reason = Note.SKIPPED, skipped[note.name]
        elif source is not None:
            status, reason = Note.LIVE, ""
        else:
            status, reason = Note.SKIPPED, "not ingested"
        gives = (
            {
                "sections": sections[source.pk],
                "cards": cards[source.pk],
                "questions": questions[source.pk],
                "errata": errata[source.pk],
            }
            if source
            else {}
        )
        note.status, note.status_reason, note.gives, note.source = status, reason, gives, source
        changed.append(note)
    Note.objects.bulk_update(changed, ["status", "status_reason", "gives", "source"])


def run_job(job_id: int) -> IngestJob:
    """Apply the job's uploads and ingest the whole library, all in one transaction; record the outcome."""
    job = IngestJob.objects.select_related("uploads_from").get(pk=job_id)
    if job.finished:
        return job  # a task delivered twice runs once
    fail_stalled_jobs()  # a job whose worker died before this one took its turn says so
    job.started_at = timezone.now()
    IngestJob.objects.filter(pk=job.pk).update(
        status=IngestJob.WAITING, started_at=job.started_at, heartbeat_at=job.started_at
    )
    progress = ProgressWriter(job)
    result: dict = {}
    try:
        with transaction.atomic():
            progress(stage="waiting", status=IngestJob.WAITING)
            hold_ingest_lock()
            progress(stage="unpacking", status=IngestJob.RUNNING)
            incoming = incoming_for(job)
            refused = list(job.refused)
            changes = None
            before = snapshot() if job.dry_run else None
            had_pages = set(Topic.objects.with_content().values_list("slug", flat=True))
            if incoming is not None:
                refused += incoming.refused
                changes = apply_incoming(incoming, user=job.created_by, replace_all=job.replace)
            skipped = refused + (changes["skipped"] if changes else [])
            try:
                files = library_files()
                # An empty library is a corpus when its notes were deleted; on a fresh install it is a mistake.
                report = ingest_notes(
                    files,
                    skipped=skipped,
                    catalog=catalog_with_aliases(),
                    progress=progress,
                    allow_empty=not files and Note.objects.exists(),
                ).as_dict()
            except NothingIngested as error:
                result = {"report": error.report.as_dict(), "library": changes, "error": str(error)}
                raise
            note_outcomes(report)
            labels = {n.source.label: n for n in Note.objects.live().select_related("source") if n.source}
            report["unplaced"] = unplaced_lines(report["warnings"], labels)
            report["new_topics"] = [
                {"slug": slug, "name": name}
                for slug, name in Topic.objects.with_content().exclude(slug__in=had_pages).values_list("slug", "name")
            ]
            result = {"report": report, "library": changes}
            if job.dry_run:
                result["preview"] = preview_changes(before, snapshot())
                raise Rollback(result)
    except Rollback:
        pass
    except Exception as error:  # noqa: BLE001 - the job page says why; the transaction undid everything
        if not isinstance(error, NothingIngested):
            log.exception("ingest job %s failed", job.pk)
        progress.close()
        reason = str(error) if isinstance(error, NothingIngested) else f"{type(error).__name__}: {error}"
        Note.objects.live().filter(status=Note.PENDING).update(status=Note.FAILED, status_reason=reason)
        IngestJob.objects.filter(pk=job.pk).update(
            status=IngestJob.FAILED, error=reason, report=result, finished_at=timezone.now(), progress=progress.counts
        )
        job.refresh_from_db()
        return job
    except BaseException:  # the worker was told to stop at once (a second Ctrl-C): the transaction is undone
        progress.close()
        IngestJob.objects.filter(pk=job.pk).update(
            status=IngestJob.FAILED,
            finished_at=timezone.now(),
            progress=progress.counts,
            error="The worker was stopped before the job finished. Nothing it changed was kept.",
        )
        raise
    progress.close()
    IngestJob.objects.filter(pk=job.pk).update(
        status=IngestJob.DONE,
        report=result,
        finished_at=timezone.now(),
        error="",
        progress={**progress.counts, "stage": "done"},
    )
    if not job.dry_run:
        UploadedFile.objects.filter(job=job.uploads_from or job).delete()  # applied; the versions keep the bytes
    job.refresh_from_db()
    return job


def queue_job(
    *,
    kind: str,
    user,
    summary: str,
    dry_run: bool = False,
    replace_all: bool = False,
    refused: list[dict] | None = None,
    files: list[tuple[str, bytes]] = (),
    uploads_from: IngestJob | None = None,
) -> IngestJob:
    """Record a job (and its files) and hand it to the task backend; the web request never runs the ingest."""
    from content.tasks import ingest_library  # noqa: PLC0415 - tasks imports this module

    with transaction.atomic():
        job = IngestJob.objects.create(
            kind=kind,
            created_by=user,
            summary=summary[:300],
            dry_run=dry_run,
            replace=replace_all,
            refused=refused or [],
            uploads_from=uploads_from,
            created_at=timezone.now(),
        )
        UploadedFile.objects.bulk_create(
            [UploadedFile(job=job, name=name, data=data, size=len(data)) for name, data in files]
        )
    ingest_library.enqueue(job.pk)
    job.refresh_from_db()
    return job
