"""Ingest: read notes files, run the pipeline, and upsert sources, topics, sections and facts in one transaction.

Rows are matched by stable keys (DESIGN.md), so re-ingesting updates in place and retires what vanished;
nothing a learner owns is ever deleted.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from content.catalog import Catalog, load_catalog, normalise
from content.ingest.authored import AuthoredItems, card_as_line
from content.ingest.claims import disagreements, find_claim, load_claims
from content.ingest.facts import extract
from content.ingest.facts.text import POINTS_BACK, loose
from content.ingest.parse import parse
from content.ingest.sources import NoteText, Unreadable, read_note
from content.ingest.spelling import respell_services
from content.ingest.topics import TopicSection, assign
from content.models import Fact, Section, Source, Topic
from content.render import render_block
from content.stored_pages import bump_content_version
from content.summary import Spelling
from learning.deck import build_deck
from learning.generate import garbled
from learning.models import Flashcard
from quizzes.evidence import (
    Line,
    NoteScan,
    defining_line,
    family_lines,
    is_advice,
    is_gotcha,
    side_bullet,
    table_column_lines,
    table_row_lines,
)
from quizzes.families import load_families
from quizzes.generate import QuestionDraft, family_questions
from quizzes.models import Choice, Question

NOTES_DIR = Path(settings.BASE_DIR) / "content" / "notes"
READABLE = {".txt", ".md", ".markdown"}
OVERVIEW = "Overview"


class NothingIngested(Exception):
    """No file could be ingested; the database is untouched."""

    def __init__(self, report: IngestReport):
        self.report = report
        reasons = "; ".join(f"{s['path']}: {s['reason']}" for s in report.sources_skipped) or "no files found"
        super().__init__(f"No notes file could be ingested ({reasons}).")


@dataclass
class IngestReport:
    sources_ingested: int = 0
    sources_skipped: list[dict] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    retired: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    totals: dict = field(default_factory=dict)
    # The deck's named reject rules: rule name -> facts (or scenario questions) it turned away (learning/deck.py).
    rejected: Counter = field(default_factory=Counter)
    considered: int = 0  # facts and scenario questions the deck looked at: made + sum(rejected)
    made: int = 0  # of those, how many have a card
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "sources_ingested": self.sources_ingested,
            "sources_skipped": self.sources_skipped,
            **self.totals,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "retired": dict(self.retired),
            "warnings": self.warnings,
            "deck": {"considered": self.considered, "made": self.made},
            "rejected": dict(sorted(self.rejected.items(), key=lambda kv: (-kv[1], kv[0]))),
            "seconds": round(self.seconds, 3),
        }


@dataclass
class ParsedNote:
    path: str  # as stored on Source.path
    label: str
    note: NoteText
    sections: list[TopicSection]
    # (section title, block) the placement put on no topic: no page shows them, but questions may quote them
    unplaced: list = field(default_factory=list)


# A line that is only links ("- [Amazon S3](#amazon-s3)", a table of contents) says nothing to quote
_ONLY_LINKS = re.compile(r"^\W*(?:\[[^\]]*\]\([^)]*\)\W*)+$")


def unplaced_blocks(outline, sections: list[TopicSection]) -> list[tuple[str, object]]:
    """The outline's prose blocks that no topic section holds (by their first line), with their section's title."""
    placed = {block.line for ts in sections for block in ts.blocks}
    out = []

    def walk(secs) -> None:
        for sec in secs:
            for block in sec.blocks:
                if (
                    block.line not in placed
                    and block.kind in ("bullet", "paragraph")
                    and not _ONLY_LINKS.match(block.text)
                ):
                    out.append((sec.title, block))
            walk(sec.children)

    walk(outline.sections)
    return out


def stable_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


def source_name(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path(settings.BASE_DIR).resolve()))
    except ValueError:
        return str(path.resolve())


def source_label(path: Path) -> str:
    """017_9f2c4e1a0b3d5e6f.txt -> "017"; other names keep their stem."""
    stem = path.stem
    prefix = stem.split("_", 1)[0]
    return prefix if prefix.isdigit() else stem[:40]


def collect_files(paths: list[Path]) -> tuple[list[Path], list[dict]]:
    """Expand folders into their notes files; anything else that is not a readable note is a skip.

    Symbolic links inside a folder are never followed (a link out of the folder would publish its target on
    /sources/): each is a skip with its reason.
    """
    files: list[Path] = []
    skipped: list[dict] = []
    for path in paths:
        if path.is_dir():
            found = []
            for folder, dirs, names in os.walk(path, followlinks=False):
                for name in dirs:
                    if os.path.islink(os.path.join(folder, name)):
                        found.append(Path(folder) / name)  # reported below as a link, never walked
                found.extend(Path(folder) / name for name in names)
                dirs[:] = [d for d in dirs if not d.startswith(".")]
            for child in sorted(found):
                if child.name.startswith("."):
                    continue
                if child.is_symlink():
                    skipped.append({"path": str(child), "reason": "symbolic link, not followed"})
                    continue
                if child.is_file():
                    files.append(child)
        elif path.is_file():
            files.append(path)
        else:
            skipped.append({"path": str(path), "reason": "no such file or folder"})
    return files, skipped


@dataclass
class NoteFile:
    """One note as ingest reads it: its name (kept as Source.path) and how to get its text.

    A file on disk reads itself (`from_path`); a note in the library hands over the text it keeps.
    """

    name: str
    read: Callable[[], NoteText]  # raises Unreadable (with a reason) or OSError

    @classmethod
    def from_path(cls, path: Path) -> NoteFile:
        return cls(name=source_name(path), read=lambda: read_note(path))


Progress = Callable[..., None]  # progress(stage="cards", cards=120, ...): counts so far, for the job page


def read_all(
    files: list[NoteFile], catalog: Catalog, report: IngestReport, progress: Progress | None = None
) -> list[ParsedNote]:
    """Read and parse each file; a bad file becomes a skip with its reason, never a failed run."""
    known = {s.path: s for s in Source.objects.filter(retired=False)}
    parsed: list[ParsedNote] = []
    labels: Counter = Counter(source_label(Path(f.name)) for f in files)
    for number, file in enumerate(files, start=1):
        if progress:
            progress(stage="reading", files_read=number - 1, files=len(files))
        name, path = file.name, Path(file.name)
        label = source_label(path) if labels[source_label(path)] == 1 else path.stem[:40]
        try:
            note = file.read()
        except Unreadable as error:
            reason = str(error)
            previous = known.get(name)
            if previous is None:
                report.sources_skipped.append({"path": name, "reason": reason})
                continue
            # Keep the last good version rather than losing its pages.
            note = NoteText(text=previous.text, encoding=previous.encoding)
            report.sources_skipped.append({"path": name, "reason": reason + " (kept its last good version)"})
        except OSError as error:
            report.sources_skipped.append({"path": name, "reason": f"cannot read: {error.strerror or error}"})
            continue
        try:
            outline = parse(note.text)
            sections, warnings = assign(outline, catalog, source=label)
        except Exception as error:  # noqa: BLE001 - one file's crash is that file's skip reason
            reason = f"could not be parsed ({type(error).__name__}: {error})"
            previous = known.get(name)
            try:
                if previous is None or previous.text == note.text:
                    raise ValueError("no earlier version")
                note = NoteText(text=previous.text, encoding=previous.encoding)
                outline = parse(note.text)
                sections, warnings = assign(outline, catalog, source=label)
            except Exception:  # noqa: BLE001
                report.sources_skipped.append({"path": name, "reason": reason})
                continue
            report.sources_skipped.append({"path": name, "reason": reason + " (kept its last good version)"})
        report.warnings.extend(warnings)
        parsed.append(
            ParsedNote(
                path=name, label=label, note=note, sections=sections, unplaced=unplaced_blocks(outline, sections)
            )
        )
    return parsed


def ingest(paths: list[Path] | None = None) -> IngestReport:
    """Ingest notes files and folders straight from disk (default: content/notes/), as the whole corpus.

    The command and the web go through the library (content.library), which keeps the notes in the database
    and calls ingest_notes(); this stays for benches and tests of the pipeline itself.
    """
    files, skipped = collect_files([Path(p) for p in (paths or [NOTES_DIR])])
    return ingest_notes([NoteFile.from_path(f) for f in files], skipped=skipped)


@contextlib.contextmanager
def fewer_collections(threshold: int = 50_000):
    """Python's cyclic garbage collector less often: an ingest makes a few hundred thousand dicts and lists that
    live until it ends, and at the default threshold (700 allocations) the collector kept walking them."""
    old = gc.get_threshold()
    gc.set_threshold(max(threshold, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@fewer_collections()
def ingest_notes(
    files: list[NoteFile],
    *,
    skipped: list[dict] = (),
    catalog: Catalog | None = None,
    progress: Progress | None = None,
    allow_empty: bool = False,
) -> IngestReport:
    """Ingest these notes as the whole corpus, in one transaction. Raises NothingIngested if none could be.

    allow_empty: no notes at all is a corpus too (the library's last note was deleted: everything retires).
    """
    started = time.perf_counter()
    report = IngestReport()
    report.sources_skipped.extend(skipped)
    catalog = catalog or load_catalog()
    parsed = read_all(files, catalog, report, progress)
    if progress:
        progress(stage="writing", files_read=len(files), files=len(files))
    if not parsed and not (allow_empty and not files):
        report.seconds = time.perf_counter() - started
        raise NothingIngested(report)
    with transaction.atomic():
        Writer(catalog, report, progress).write(parsed)
        transaction.on_commit(bump_content_version)  # stored topic pages are stale once this is committed
    report.sources_ingested = sum(1 for p in parsed)
    report.totals = totals()
    report.seconds = time.perf_counter() - started
    return report


def totals() -> dict:
    return {
        "topics": Topic.objects.with_content().count(),
        "sections": Section.objects.active().count(),
        "facts": Fact.objects.filter(retired=False).count(),
        "cards": Flashcard.objects.active().count(),
        "questions": Question.objects.active().count(),
    }


def near_duplicate(a: set[str], b: set[str]) -> bool:
    if len(a) < 6 or len(b) < 6:
        return a == b
    if min(len(a), len(b)) < 0.85 * max(len(a), len(b)):
        return False  # Jaccard cannot reach the bar
    return len(a & b) / len(a | b) >= 0.85


@functools.lru_cache(maxsize=512)
def _prefix_pattern(names: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:amazon |aws )?(?:{alternatives})\b\s*(?:[-–—:]\s*)?(.+)$", re.I)


def strip_topic_prefix(title: str, names: tuple[str, ...]) -> str:
    """'Amazon S3 – Security' on the S3 page is 'Security', and merges with the other files' Security."""
    match = _prefix_pattern(names).match(title)
    if match and not re.match(r"(?:(?:vs\.?|versus|and|or)\b|&|\+|/)", match.group(1), re.I):
        rest = match.group(1).strip()
        return rest[:1].upper() + rest[1:]
    return title


def definition_quality(data: dict) -> tuple:
    """Which of several definitions of one thing to show: a full sentence of readable length wins."""
    text = data.get("definition", "")
    article = bool(re.match(r"(a|an|the)\s", text, re.I))
    # Then the one that says more: "a fully managed service, meaning AWS handles the cluster" loses to "a fully
    # managed cloud service that ... processes vast amounts of data using Hadoop, Spark ..." (blind grading).
    distinct = len({w for w in re.findall(r"[a-z0-9]{4,}", text.lower())})
    return (60 <= len(text) <= 260, article, min(distinct, 30), -abs(len(text) - 140))


@dataclass
class SectionDraft:
    key: str
    topic: str
    title: str
    level: int
    position: int
    items: list[dict] = field(default_factory=list)
    item_words: list[set[str]] = field(default_factory=list)  # for near-duplicate checks


# A notes file with at least this share of sentences with a misspelled word or chat shorthand (measured against
# an English word list, content/ingest/spelling.py), among at least HURRIED_MIN sentences. Careful notes show
# 0-6% (a typo now and then), notes typed in a hurry 8-11%.
HURRIED_SHARE = 0.08
HURRIED_MIN = 20


def hurried(note: ParsedNote) -> bool:
    """A file typed in a hurry ("i.e ingest", "availabiliy", "Lets say"): its definitions alone make no card.

    Blind graders failed about three in ten of the definitions and use cases that only such a file gave, against
    about one in eight of the careful files'. The lines still show on the topic pages, and a card a careful file
    also gives is kept.
    """
    sentences = [b.text for ts in note.sections for b in ts.blocks if len(b.text.split()) >= 5]
    return len(sentences) >= HURRIED_MIN and sum(map(garbled, sentences)) >= HURRIED_SHARE * len(sentences)


@functools.lru_cache(maxsize=4)
def spelling_for(topics: tuple) -> Spelling:
    """The catalog's spellings, built once per catalog (a worker's every job asks for the same one)."""
    return Spelling(topics)


class Writer:
    """Upserts one ingest's worth of rows, counting what it created, updated and retired."""

    def __init__(self, catalog: Catalog, report: IngestReport, progress: Progress | None = None):
        self.catalog = catalog
        self.report = report
        self.progress = progress or (lambda **counts: None)
        self.now = timezone.now()
        self.hurried: set[str] = set()  # labels of the files typed in a hurry (see hurried()), set by build()
        self.authored = AuthoredItems()  # the notes' own Q/A cards and practice questions, set by build()
        self.lines_by_topic: dict[str, list] = {}  # every quotable line by topic, set by question_drafts()
        self.unplaced_lines: list[Line] = []  # the notes' lines on no topic, set by build(): questions only
        self.spelling = spelling_for(
            tuple(
                (t.slug, tuple(n for n in (t.name, t.full_name, t.short) if n), t.aliases)
                for t in catalog.topics.values()
            )
        )

    def write(self, parsed: list[ParsedNote]) -> None:
        topics = self.write_topics()
        sources = self.write_sources(parsed)
        drafts, facts = self.build(parsed, sources)
        sections = self.write_sections(drafts, topics)
        self.progress(stage="cards", sections=len(sections))
        fact_rows = self.write_facts(facts, topics, sections)
        question_drafts = self.question_drafts(drafts, facts)
        self.write_cards(facts, fact_rows, topics, question_drafts)
        self.progress(stage="questions", cards=Flashcard.objects.active().count())
        authored = self.authored.question_drafts(self.catalog, lines=self.lines_by_topic)
        for label, line, word in self.authored.given_away:
            self.report.warnings.append(
                f"{label}:{line}: practice question not published: its stem shares '{word}' with its answer alone"
            )
        QuestionWriter(self.report, topics).write(question_drafts + authored)
        self.progress(stage="pages", questions=len(question_drafts))
        self.write_topic_summaries(topics, drafts, facts, sources)

    # Topics come from the catalog: every entry has a row, pages show those with content.
    def write_topics(self) -> dict[str, Topic]:
        existing = {t.slug: t for t in Topic.objects.all()}
        categories = {c.slug: c for c in self.catalog.categories}
        fields = [
            "name",
            "full_name",
            "short",
            "aliases",
            "category",
            "category_name",
            "category_order",
            "domain",
            "order",
            "discontinued",
        ]
        to_create, to_update = [], []
        for order, entry in enumerate(self.catalog.topics.values()):
            category = categories[entry.category]
            values = {
                "name": entry.name,
                "full_name": entry.full_name or "",
                "short": entry.short or "",
                "aliases": list(entry.aliases),
                "category": entry.category,
                "category_name": category.name,
                "category_order": category.order,
                "domain": entry.domain,
                "order": order,
                "discontinued": entry.discontinued or "",
            }
            topic = existing.get(entry.slug)
            if topic is None:
                to_create.append(Topic(slug=entry.slug, **values))
            elif any(getattr(topic, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(topic, k, v)
                to_update.append(topic)
        Topic.objects.bulk_create(to_create)
        Topic.objects.bulk_update(to_update, fields)
        self.report.created["topics"] += len(to_create)
        self.report.updated["topics"] += len(to_update)
        topics = {t.slug: t for t in Topic.objects.all()}
        reparent = []
        for entry in self.catalog.topics.values():
            parent = topics[entry.parent] if entry.parent else None
            topic = topics[entry.slug]
            if topic.parent_id != (parent.pk if parent else None):
                topic.parent = parent
                reparent.append(topic)
        Topic.objects.bulk_update(reparent, ["parent"])
        return topics

    def write_sources(self, parsed: list[ParsedNote]) -> dict[str, Source]:
        existing = {s.path: s for s in Source.objects.all()}
        result = {}
        for note in parsed:
            text = note.note.text
            sha = hashlib.sha256(text.encode()).hexdigest()
            values = {
                "label": note.label,
                "text": text,
                "encoding": note.note.encoding,
                "sha256": sha,
                "line_count": text.count("\n") + 1,
                "retired": False,
            }
            source = existing.get(note.path)
            if source is None:
                source = Source.objects.create(path=note.path, ingested_at=self.now, **values)
                self.report.created["sources"] += 1
            elif any(getattr(source, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(source, k, v)
                source.ingested_at = self.now
                source.save()
                self.report.updated["sources"] += 1
            result[note.path] = source
        gone = Source.objects.filter(retired=False).exclude(path__in=result)
        self.report.retired["sources"] += gone.update(retired=True)
        return result

    def build(self, parsed: list[ParsedNote], sources: dict[str, Source]):
        """Merge every file's sections by (topic, title); extract facts; mark errata."""
        drafts: dict[str, SectionDraft] = {}
        seen_in_topic: dict[str, dict[str, dict]] = {}  # topic -> loose text -> item (exact duplicates)
        facts: dict[str, dict] = {}
        self.hurried.clear()
        self.authored = AuthoredItems()
        self.unplaced_lines = []
        for note in parsed:
            source = sources[note.path]
            # Lines on no topic: never on a page, but a question may quote one that names its option
            self.unplaced_lines += [
                Line(text=block.text, refs=((note.label, source.pk, block.line),), topic="", heading=title)
                for title, block in note.unplaced
                if not find_claim(block.text)
            ]
            if hurried(note):
                self.hurried.add(note.label)
                self.report.warnings.append(
                    f"{note.label}: typed in a hurry (many lines with typos); a definition "
                    "only this file gives is shown on its page but makes no flashcard"
                )
            for ts in note.sections:
                self.authored.collect(ts, note.label, source.pk)
                title = self.section_title(ts)
                key = stable_key(ts.topic, normalise(title))
                draft = drafts.get(key)
                if draft is None:
                    draft = drafts[key] = SectionDraft(key, ts.topic, title, ts.level, len(drafts))
                seen = seen_in_topic.setdefault(ts.topic, {})
                erratum_lines = set()
                for k, block in enumerate(ts.blocks):
                    ref = [note.label, source.pk, block.line]
                    erratum = find_claim(block.text, topic=ts.topic)  # a claim says the line is wrong
                    if erratum:
                        erratum_lines.update(range(block.line, block.end_line + 1))
                    loose_text = loose(block.text)
                    if attribute_line(block.text):  # "**Availability**: 99.9%" belongs to its own sibling's section
                        loose_text = f"{key}\x1f{loose_text}"
                    nxt = ts.blocks[k + 1] if k + 1 < len(ts.blocks) else None
                    has_children = nxt is not None and nxt.depth > block.depth and nxt.line == block.end_line + 1
                    # (a name over bullets of its own, "- cost explorer" over what it does, is kept with them: the
                    # same name listed bare elsewhere is another item)
                    if not has_children and self.merge_duplicate(draft, seen, loose_text, ref):
                        continue
                    item = {
                        "kind": block.kind,
                        "depth": block.depth,
                        "text": block.text,
                        # Misspelled service names show the catalog's spelling; the text itself stays as written.
                        # (not on a flagged line: its correction may be about that very name, "Amazon C2").
                        "html": render_block(
                            block.kind, block.text if block.kind == "code" or erratum else self.spelling(block.text)
                        ),
                        "refs": [ref],
                        "erratum": {"id": erratum.id, "correction": erratum.correction} if erratum else None,
                    }
                    if block.origin:
                        item["origin"] = block.origin
                    if title == OVERVIEW and ts.title and not self.own_name(ts.title, ts.topic):
                        # "Amazon FSx for Lustre" beside "FSx for Windows file server", both the FSx Overview: the
                        # heading a question's quote rule reads for which one the line is about
                        item["heading"] = ts.title
                    if block.kind == "table" and block.rows:
                        # the line each body row starts on, as the parser counted it (a rule row between groups of
                        # rows, or a row carried on over two lines, moves every later row down)
                        item["row_lines"] = block.row_starts()  # (header first)
                    draft.items.append(item)
                    draft.item_words.append(set(loose_text.split()))
                    seen[loose_text] = item
                self.collect_facts(facts, ts, note.label, source.pk, erratum_lines, key)
        for draft in drafts.values():
            draft.items = [i for i in draft.items if i["text"].strip()]
        return [d for d in drafts.values() if d.items], facts

    def own_name(self, title: str, slug: str) -> bool:
        """Whether a heading is exactly the topic's name or short name."""
        topic = self.catalog.topics[slug]
        return normalise(title) in {normalise(topic.name), normalise(topic.short or "")}

    def section_title(self, ts: TopicSection) -> str:
        """The heading that names the topic itself becomes its Overview; sub-headings keep their words."""
        topic = self.catalog.topics[ts.topic]
        if not ts.title or self.own_name(ts.title, ts.topic):
            return OVERVIEW
        sibling = sibling_title(ts.title, ts.topic)
        if sibling:
            return sibling
        parts = [p for p in re.split(r"\s+/\s+", ts.title.strip(" .")) if p]
        own = {normalise(n) for n in (topic.name, topic.short, topic.full_name) if n}
        if len(parts) > 1 and (
            any(ts.topic not in self.catalog.find(p) for p in parts) or not any(normalise(p) in own for p in parts)
        ):
            # "Availability / Reach over any network": a second name the page's topic is not; "Dedicated Hosts /
            # Dedicated Instances": two of the page's kinds, neither the page itself. The section keeps its whole
            # title (an option it names is explained under it), never one half of it.
            return ts.title.strip(" .")
        if ts.level == 1 and ts.topic in self.catalog.find(ts.title):
            return OVERVIEW
        title = re.sub(r"\s*\((cont\.?|contd\.?|continued)\)\s*$", "", ts.title, flags=re.I)
        return strip_topic_prefix(title, topic.names)

    @staticmethod
    def merge_duplicate(draft: SectionDraft, seen: dict, key: str, ref: list) -> bool:
        """The same sentence from another file (or pasted twice) is shown once with all its sources."""
        match = seen.get(key)
        if match is None and len(key) > 40:
            words = set(key.split())
            for item, item_words in zip(draft.items, draft.item_words, strict=True):
                if near_duplicate(words, item_words):
                    match = item
                    break
        if match is None:
            return False
        if ref not in match["refs"]:
            match["refs"].append(ref)
        return True

    def collect_facts(
        self, facts: dict, ts: TopicSection, label: str, source_id: int, erratum_lines: set, section_key: str
    ) -> None:
        topic = self.catalog.topics[ts.topic]
        for fact in extract(ts.blocks, topic_name=topic.name, section_title=ts.title):
            if erratum_lines.intersection(fact.lines):
                continue  # never teach a statement the errata say is wrong
            # Several numbers or use cases may share a subject (Spot: 90% off; Spot: fault-tolerant jobs).
            detail = {"number": fact.data.get("number", ""), "use_case": fact.data.get("use_case", "")}.get(
                fact.kind, ""
            )
            key = stable_key(ts.topic, fact.kind, normalise(fact.subject), normalise(detail))
            refs = [[label, source_id, line] for line in fact.lines]
            if key in facts:
                known = facts[key]
                known["refs"].extend(r for r in refs if r not in known["refs"])
                if fact.kind == "definition" and definition_quality(fact.data) > definition_quality(known["data"]):
                    known.update(text=fact.text, data=fact.data)
                continue
            facts[key] = {
                "topic": ts.topic,
                "kind": fact.kind,
                "subject": fact.subject[:300],
                "text": fact.text,
                "data": fact.data,
                "refs": refs,
                "section": section_key,
                "section_title": ts.title,
            }

    def write_sections(self, drafts: list[SectionDraft], topics: dict[str, Topic]) -> dict[str, Section]:
        existing = {s.key: s for s in Section.objects.defer("items", "plain_text", "search_vector")}  # by hash
        anchors: dict[str, Counter] = {}
        to_create, to_update = [], []
        ordered = sorted(drafts, key=lambda d: (d.title != OVERVIEW, d.position))
        for position, draft in enumerate(ordered):
            used = anchors.setdefault(draft.topic, Counter())
            anchor = slugify(draft.title)[:100] or "section"
            used[anchor] += 1
            if used[anchor] > 1:
                anchor = f"{anchor}-{used[anchor]}"
            plain = "\n".join(item["text"] for item in draft.items)
            values = {
                "topic_id": topics[draft.topic].pk,
                "title": self.spelling(draft.title)[:300],
                "anchor": anchor,
                "level": draft.level,
                "position": position,
                "items": draft.items,
                "plain_text": plain,
                "content_hash": hashlib.sha256(
                    json.dumps([draft.title, draft.level, position, anchor, draft.items], sort_keys=True).encode()
                ).hexdigest(),
                "retired": False,
            }
            section = existing.get(draft.key)
            if section is None:
                to_create.append(Section(key=draft.key, **values))
            elif (
                section.content_hash != values["content_hash"]
                or section.retired
                or (section.topic_id != values["topic_id"])
            ):
                for k, v in values.items():
                    setattr(section, k, v)
                to_update.append(section)
        Section.objects.bulk_create(to_create, batch_size=500)
        if to_update:
            Section.objects.bulk_update(
                to_update,
                [
                    "topic_id",
                    "title",
                    "anchor",
                    "level",
                    "position",
                    "items",
                    "plain_text",
                    "content_hash",
                    "retired",
                    "updated_at",
                ],
                batch_size=500,
            )
        self.report.created["sections"] += len(to_create)
        self.report.updated["sections"] += len(to_update)
        keys = {d.key for d in drafts}
        self.report.retired["sections"] += (
            Section.objects.filter(retired=False).exclude(key__in=keys).update(retired=True)
        )
        changed = [s.key for s in to_create] + [s.key for s in to_update]
        if connection.vendor == "postgresql" and changed:
            from django.contrib.postgres.search import SearchVector  # noqa: PLC0415

            Section.objects.filter(key__in=changed).update(
                search_vector=SearchVector("title", weight="A", config="english")
                + SearchVector("plain_text", weight="B", config="english")
            )
        return {s.key: s for s in Section.objects.filter(key__in=keys).only("pk", "key")}  # for the facts' links

    def write_facts(
        self, facts: dict[str, dict], topics: dict[str, Topic], sections: dict[str, Section]
    ) -> dict[str, Fact]:
        existing = {f.key: f for f in Fact.objects.all()}
        to_create, to_update = [], []
        for key, f in facts.items():
            section = sections.get(f["section"])
            values = {
                "topic_id": topics[f["topic"]].pk,
                "section_id": section.pk if section else None,
                "kind": f["kind"],
                "subject": f["subject"],
                "text": f["text"],
                "data": f["data"],
                "refs": f["refs"],
                "retired": False,
            }
            fact = existing.get(key)
            if fact is None:
                to_create.append(Fact(key=key, **values))
            elif any(getattr(fact, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(fact, k, v)
                to_update.append(fact)
        Fact.objects.bulk_create(to_create, batch_size=500)
        if to_update:
            Fact.objects.bulk_update(
                to_update,
                ["topic_id", "section_id", "kind", "subject", "text", "data", "refs", "retired", "updated_at"],
                batch_size=500,
            )
        self.report.created["facts"] += len(to_create)
        self.report.updated["facts"] += len(to_update)
        self.report.retired["facts"] += (
            Fact.objects.filter(retired=False).exclude(key__in=list(facts)).update(retired=True)
        )
        return {f.key: f for f in Fact.objects.filter(key__in=list(facts)).only("pk", "key")}

    def write_cards(
        self,
        facts: dict[str, dict],
        fact_rows: dict[str, Fact],
        topics: dict[str, Topic],
        question_drafts: list[QuestionDraft],
    ) -> None:
        """The deck learning builds from the facts (learning/deck.py), then the notes' own Q/A cards; an
        instructor-edited card keeps its text, a vanished one is retired."""
        deck = build_deck(
            self.catalog,
            facts,
            question_drafts,
            hurried=self.hurried,
            polish=lambda text: self.spelling(respell_services(text)),
        )
        self.report.rejected.update(deck.rejected)
        self.report.considered += deck.considered
        self.report.made += deck.made
        drafts = {
            key: {
                "fact_id": fact_rows[card["fact"]].pk if card["fact"] else None,
                "topic_id": topics[card["topic"]].pk,
                **{k: card[k] for k in ("kind", "front", "back", "refs", "position")},
            }
            for key, card in deck.cards.items()
        }
        drafts.update(self.authored.card_drafts(topics, deck.next_position))
        existing = {c.key: c for c in Flashcard.objects.all()}
        to_create, to_update = [], []
        for key, values in drafts.items():
            card = existing.get(key)
            if card is None:
                to_create.append(Flashcard(key=key, **values))
                continue
            if card.edited:
                values = {k: v for k, v in values.items() if k not in ("front", "back")}
            changed = {k: v for k, v in values.items() if getattr(card, k) != v}
            if changed or card.retired:
                for k, v in changed.items():
                    setattr(card, k, v)
                card.retired = False
                to_update.append(card)
        Flashcard.objects.bulk_create(to_create, batch_size=500)
        if to_update:
            Flashcard.objects.bulk_update(
                to_update,
                ["fact_id", "topic_id", "kind", "front", "back", "refs", "position", "retired", "updated_at"],
                batch_size=500,
            )
        self.report.created["cards"] += len(to_create)
        self.report.updated["cards"] += len(to_update)
        self.report.retired["cards"] += (
            Flashcard.objects.filter(retired=False).exclude(key__in=list(drafts)).update(retired=True)
        )

    def write_topic_summaries(
        self, topics: dict[str, Topic], drafts: list[SectionDraft], facts: dict, sources: dict[str, Source]
    ) -> None:
        """Counts, the one-paragraph summary, related topics and contradictions shown on each page."""
        by_topic: dict[str, list[SectionDraft]] = {}
        for draft in drafts:
            by_topic.setdefault(draft.topic, []).append(draft)
        fact_counts = Counter(f["topic"] for f in facts.values())
        labels = {s.label for s in sources.values()}
        contradictions = disagreements(
            {
                slug: [(i["text"], i["refs"], (i["erratum"] or {}).get("id")) for d in own for i in d.items]
                for slug, own in by_topic.items()
            }
        )
        contradictions = {
            t: [c for c in cs if all(r.split(":")[0] in labels for r in c["refs"])] for t, cs in contradictions.items()
        }
        source_ids = {s.label: s.pk for s in sources.values()}
        card_counts = Counter(Flashcard.objects.active().values_list("topic_id", flat=True))
        question_counts = Counter(Question.objects.active().values_list("topic_id", flat=True))
        changed = []
        for slug, topic in topics.items():
            if slug not in self.catalog.topics:
                # Gone from the catalog: keep the row (cards and their history point at it) but no page.
                stale = {"section_count": 0, "fact_count": 0, "card_count": 0, "question_count": 0}
                if any(getattr(topic, k) != v for k, v in stale.items()):
                    for k, v in stale.items():
                        setattr(topic, k, v)
                    changed.append(topic)
                continue
            own = by_topic.get(slug, [])
            summary, summary_refs = self.summary(topic, own, facts)
            summary = re.sub(r"\*\*|__|`", "", summary)  # shown as plain text
            mentioned: Counter = Counter()
            for draft in own:  # how many sections mention each topic
                mentioned.update(
                    list(
                        dict.fromkeys(
                            self.catalog.mentions(draft.title + "\n" + "\n".join(item["text"] for item in draft.items))
                        )
                    )
                )
            family = {slug, topic.parent.slug if topic.parent_id else None}
            related = [s for s, _ in mentioned.most_common() if s not in family and s in by_topic][:12]
            sheet = (
                topic_summary(
                    self.catalog,
                    slug,
                    own,
                    facts,
                    (summary, summary_refs),
                    related,
                    by_topic,
                    self.spelling,
                    self.hurried,
                )
                if own
                else {}
            )
            if sheet.get("definition"):  # the index tiles and search results say what the page's summary says
                summary, summary_refs = sheet["definition"]["text"], sheet["definition"]["refs"]
            values = {
                "section_count": len(own),
                "fact_count": fact_counts.get(slug, 0),
                "card_count": card_counts.get(topic.pk, 0),
                "question_count": question_counts.get(topic.pk, 0),
                "summary": summary,
                "summary_refs": summary_refs,
                "related": related,
                "summary_sheet": sheet,
                "source_labels": sorted({ref[0] for d in own for i in d.items for ref in i["refs"]}),
                "contradictions": [
                    {**c, "links": [[r, source_ids.get(r.split(":")[0]), int(r.split(":")[1])] for r in c["refs"]]}
                    for c in contradictions.get(slug, [])
                ]
                if own
                else [],
            }
            if any(getattr(topic, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(topic, k, v)
                changed.append(topic)
        # One UPDATE per changed topic: bulk_update's CASE per field and row took 2.5 times as long on this JSON.
        for topic in changed:
            Topic.objects.filter(pk=topic.pk).update(
                **{
                    f: getattr(topic, f)
                    for f in (
                        "section_count",
                        "fact_count",
                        "card_count",
                        "question_count",
                        "summary",
                        "summary_refs",
                        "related",
                        "source_labels",
                        "contradictions",
                        "summary_sheet",
                    )
                }
            )

    def best_definition(self, slug: str, facts: dict) -> dict | None:
        """The notes' fullest definition of the topic itself (by its own names, not its aliases)."""
        entry = self.catalog.topics[slug]
        names = {normalise(n) for n in [entry.name, entry.full_name, entry.short] if n}
        best = None
        for f in facts.values():
            if f["topic"] != slug or f["kind"] != "definition" or normalise(f["subject"]) not in names:
                continue
            if (
                40 <= len(f["data"].get("definition", "")) <= 400
                and not garbled(f["data"]["definition"])
                and not POINTS_BACK.match(f["data"]["definition"])  # "Similar thing but ...": says nothing alone
                and not is_advice(f["data"]["definition"])  # "1- Make sure to put data into ...": how to use it
                and not is_gotcha(f["data"]["definition"])  # "after creating it, it's not possible to change it"
                and (best is None or definition_quality(f["data"]) > definition_quality(best["data"]))
            ):
                best = f
        return best

    def question_drafts(self, drafts: list[SectionDraft], facts: dict) -> list[QuestionDraft]:  # noqa: C901
        """Scenario questions, from the families and the notes' lines (no writes)."""
        lines_by_topic: dict[str, list[Line]] = {}
        flagged_lines: list[Line] = []  # lines a claim says are wrong
        for draft in drafts:
            # the Overview is the section the notes titled with the topic's own name ("Amazon Keyspaces:")
            section = self.catalog.topics[draft.topic].name if draft.title == OVERVIEW else draft.title
            parents: list[tuple[int, str]] = []  # the bullets above the current one, by depth
            for item in draft.items:
                depth = item.get("depth", 0)
                while parents and parents[-1][0] >= depth:
                    parents.pop()
                # a bullet under a side's title bullet ("- User:" over "- Patching guest OS") is that side's, as a
                # line under a heading is
                heading = parents[-1][1] if parents and item["kind"] == "bullet" else section
                if item["kind"] == "bullet":
                    parents.append((depth, side_bullet(item["text"]) or heading))
                if item["erratum"] and item["kind"] in ("bullet", "paragraph"):
                    # a line a claim says is wrong is never quoted; an option only it explains is said to be so
                    flagged_lines.append(
                        Line(text=item["text"], refs=tuple(tuple(r) for r in item["refs"]), topic=draft.topic)
                    )
                if item["erratum"] or item["kind"] not in ("bullet", "paragraph", "table"):
                    continue
                if item.get("origin") == "source":
                    continue  # an item of a source list ("AWS Lambda: function logs") says nothing of the service
                refs = tuple(tuple(r) for r in item["refs"])
                lines_by_topic.setdefault(draft.topic, []).append(
                    Line(
                        text=item["text"],
                        refs=refs,
                        topic=draft.topic,
                        heading=heading,
                        depth=depth,
                        note_heading=item.get("heading", ""),
                    )
                )
                if item["kind"] == "table":
                    # each row as a line of its own ("| AWS Config | Track resource inventory |" as "AWS Config:
                    # Track resource inventory"), so an option a table describes is quoted from its row
                    starts = item.get("row_lines")  # each row cites its own line, when the item knows where it is
                    lines_by_topic[draft.topic] += [
                        Line(
                            text=row,
                            refs=tuple((*r[:2], starts[1 + k]) for r in refs)
                            if starts and 1 + k < len(starts)
                            else refs,
                            topic=draft.topic,
                            heading=heading,
                        )
                        for k, row in table_row_lines(item["text"])
                    ]
                    # a comparison table's columns too ("Standard Queue: Throughput: ...; Ordering: ..."), citing the
                    # header row that names each
                    header = tuple((*r[:2], starts[0]) for r in refs) if starts else refs
                    lines_by_topic[draft.topic] += [
                        Line(text=column, refs=header, topic=draft.topic, heading=heading)
                        for column in table_column_lines(item["text"])
                    ]
        for topic, card, ref in self.authored.cards:
            # the author's own "What is X? / X is ..." cards say what X is as well as any line does
            if (text := card_as_line(card.front, card.back)) and topic in self.catalog.topics:
                lines_by_topic.setdefault(topic, []).append(
                    Line(text=text, refs=(tuple(ref),), topic=topic, heading="", labelled=True)
                )
        self.lines_by_topic = lines_by_topic  # (the author's own questions quote them too)
        if self.unplaced_lines:
            lines_by_topic[""] = list(self.unplaced_lines)  # on no topic: any option may quote one that names it
        question_drafts = []
        domains = {slug: e.domain for slug, e in self.catalog.topics.items()}
        scan = NoteScan(lines_by_topic)  # every line read once for all families
        definitions = {}  # the note line defining each topic an option is, quoted when no line opens with it
        for slug in {o.topic for family in load_families().values() for o in family.options.values() if o.topic}:
            if best := self.best_definition(slug, facts):
                definitions[slug] = defining_line(
                    best["data"].get("term", best["subject"]), best["data"]["definition"], lines_by_topic.get(slug, [])
                )
        definitions = {slug: line for slug, line in definitions.items() if line}
        for family in load_families().values():
            related = {family.topic, *(o.topic for o in family.options.values() if o.topic)}
            entry = self.catalog.topics[family.topic]
            related |= {entry.parent} if entry.parent else set()
            related |= {c.slug for c in self.catalog.children(family.topic)}
            # Notes often explain an option under its parent heading ("Hybrid Cloud" under cloud computing).
            related |= {
                self.catalog.topics[o.topic].parent
                for o in family.options.values()
                if o.topic and self.catalog.topics[o.topic].parent
            }
            lines = family_lines(family, lines_by_topic, related, scan, definitions, flagged=flagged_lines)
            question_drafts.extend(family_questions(family, lines, domains))
        return question_drafts

    def summary(self, topic: Topic, drafts: list[SectionDraft], facts: dict) -> tuple[str, list]:
        """The best definition the notes give of the topic itself, else the overview's first full sentence.

        Only the topic's own names count (not aliases): on "S3 storage classes", a definition of
        Intelligent-Tiering is one class, not the page's summary.
        """
        best = self.best_definition(topic.slug, facts)
        if best:
            return f"{best['data'].get('term', best['subject'])}: {best['data']['definition']}", best["refs"][:3]
        for draft in drafts:
            if draft.title != OVERVIEW:
                continue
            for item in draft.items:
                text = item["text"]
                if (
                    item["kind"] == "paragraph"
                    and len(text) >= 40
                    and text[:1].isupper()
                    and not item["erratum"]
                    and not garbled(text)
                ):  # a line full of typos is no summary to lead a page with
                    return text[:500], item["refs"][:3]
        return "", []


class QuestionWriter:
    """Upserts questions by key and their choices by option; related flashcards are linked by topic."""

    def __init__(self, report: IngestReport, topics: dict[str, Topic]):
        self.report = report
        self.topics = topics

    def write(self, drafts: list[QuestionDraft]) -> None:
        existing = {q.key: q for q in Question.objects.all()}
        choices = {}
        for choice in Choice.objects.all():
            choices.setdefault(choice.question_id, {})[choice.option] = choice
        to_create, to_update = [], []
        by_key = {}
        for draft in drafts:
            values = {
                "kind": draft.kind,
                "family": draft.family,
                "requirement": draft.requirement[:120],
                "topic_id": self.topics[draft.topic].pk,
                "domain": draft.domain,
                "stem": draft.stem,
                "difficulty": draft.difficulty,
                "refs": draft.refs,
                "retired": False,
            }
            question = existing.get(draft.key)
            if question is None:
                question = Question(key=draft.key, **values)
                to_create.append(question)
            else:
                if question.edited:
                    values.pop("stem")
                changed = {k: v for k, v in values.items() if getattr(question, k) != v}
                if changed:
                    for k, v in changed.items():
                        setattr(question, k, v)
                    to_update.append(question)
            by_key[draft.key] = (question, draft)
        Question.objects.bulk_create(to_create, batch_size=500)
        if to_update:
            Question.objects.bulk_update(
                to_update,
                [
                    "kind",
                    "family",
                    "requirement",
                    "topic_id",
                    "domain",
                    "stem",
                    "difficulty",
                    "refs",
                    "retired",
                    "updated_at",
                ],
                batch_size=500,
            )
        self.report.retired["questions"] += (
            Question.objects.filter(retired=False).exclude(key__in=list(by_key)).update(retired=True)
        )
        created = {q.key for q in to_create}
        # A question whose options changed but whose stem did not is still an updated question.
        updated = {q.key for q in to_update} | self.write_choices(by_key, choices, created)
        self.report.created["questions"] += len(created)
        self.report.updated["questions"] += len(updated - created)
        self.link_cards(by_key)

    def write_choices(self, by_key: dict, choices: dict, created: set[str]) -> set[str]:
        new, changed_rows, changed_questions = [], [], set()
        fields = ["text", "correct", "explanation", "quote", "refs", "position", "retired"]
        for key, (question, draft) in by_key.items():
            if question.edited:
                continue  # an instructor's options, key and explanations stay exactly as they left them
            current = choices.get(question.pk, {})
            wanted = set()
            for position, c in enumerate(draft.choices):
                wanted.add(c.option)
                values = {
                    "text": c.text[:300],
                    "correct": c.correct,
                    "explanation": c.explanation,
                    "quote": c.quote,
                    "refs": c.refs,
                    "position": position,
                    "retired": False,
                }
                row = current.get(c.option)
                if row is None:
                    new.append(Choice(question=question, option=c.option, **values))
                    if key not in created:
                        changed_questions.add(key)
                elif any(getattr(row, k) != v for k, v in values.items()):
                    for k, v in values.items():
                        setattr(row, k, v)
                    changed_rows.append(row)
                    changed_questions.add(key)
            for option, row in current.items():
                if option not in wanted and not row.retired:
                    row.retired = True
                    changed_rows.append(row)
                    changed_questions.add(key)
        Choice.objects.bulk_create(new, batch_size=1000)
        if changed_rows:
            Choice.objects.bulk_update(changed_rows, fields, batch_size=1000)
        return changed_questions

    def link_cards(self, by_key: dict) -> None:
        """Each question's related flashcards: the definition cards of the topics its right answers live on."""
        cards: dict[int, list[int]] = {}
        for card_id, topic_id in Flashcard.objects.active().order_by("position").values_list("id", "topic_id"):
            cards.setdefault(topic_id, []).append(card_id)
        through = Question.related_cards.through
        wanted = set()
        for question, draft in by_key.values():
            for slug in draft.related_topics:
                for card_id in cards.get(self.topics[slug].pk, [])[:5]:
                    wanted.add((question.pk, card_id))
        have = set(through.objects.values_list("question_id", "flashcard_id"))
        through.objects.bulk_create([through(question_id=q, flashcard_id=c) for q, c in wanted - have], batch_size=2000)
        stale = have - wanted
        if stale:
            for question_id in {q for q, _ in stale}:
                through.objects.filter(
                    question_id=question_id, flashcard_id__in=[c for q, c in stale if q == question_id]
                ).delete()


# -- the summary block at the top of each topic page (content/summary.py) ------------------------------------

_ATTRIBUTE = re.compile(r"^\W*\**[A-Z][\w ()/-]{1,30}\**\s*:\**(?:\s*\S|\s*$)")


def attribute_line(text: str) -> bool:
    """A short "Label: value" line ("**Availability**: 99.99%") or bare label ("**Key Features**:"), which several
    siblings' sections each have."""
    return len(text) <= 90 and bool(_ATTRIBUTE.match(text.strip()))


def sibling_title(title: str, slug: str) -> str | None:
    """A heading that names one option of the topic's own family of siblings stays that sibling's section.

    Without this, "WEIGHTED ROUTING :" (a name of the routing-policies topic) became its Overview and "S3 Standard-IA"
    lost its "S3 Standard" (an alias of the storage-classes topic) to read "IA": paragraphs without their sibling.
    """
    if not title or len(title.split()) > 8:
        return None
    from content.catalog import clean_line  # noqa: PLC0415

    line = clean_line(title)
    for family in load_families().values():
        if family.topic != slug:
            continue
        named = [o for o in family.options.values() if o.topic is None and o.matches(line)]
        if len(named) == 1:
            return title.strip(" :-–")  # in the notes' words, but never folded into Overview nor cut short
    return None


def topic_summary(
    catalog: Catalog,
    slug: str,
    drafts: list[SectionDraft],
    facts: dict,
    definition: tuple,
    related: list[str],
    pages: dict,
    spelling,
    hurried: set[str] = frozenset(),
) -> dict:
    """The stored summary of one topic: built from the lines and facts this ingest is writing."""
    from content import summary as s  # noqa: PLC0415
    from content.catalog import clean_line  # noqa: PLC0415
    from content.ingest.facts_check import load_facts  # noqa: PLC0415
    from learning.generate import garbled  # noqa: PLC0415

    entry = catalog.topics[slug]
    reference = s.load_reference()
    errata: dict[str, list] = {}  # id -> the claims, then the reference facts, of that id
    for erratum in (*load_claims(), *load_facts()):
        errata.setdefault(erratum.id, []).append(erratum)
    lines = []
    for draft in drafts:
        labels: list[tuple[int, str]] = []  # (depth, text) of the bullets above the current line
        for item in draft.items:
            while labels and labels[-1][0] >= item["depth"]:
                labels.pop()
            context = labels[-1][1] if labels else draft.title
            excerpt = ""
            if item["erratum"] and item["erratum"]["id"] in errata:  # quote the words the erratum is about
                text = clean_line(item["text"])
                found = next(filter(None, (e.pattern.search(text, slug) for e in errata[item["erratum"]["id"]])), None)
                excerpt = s.excerpt(text, found.start(), found.end()) if found else ""
            lines.append(
                s.NoteLine(
                    text=item["text"],
                    section=draft.title,
                    context=context,
                    refs=tuple(tuple(r) for r in item["refs"]),
                    excerpt=excerpt,
                    correction=item["erratum"]["correction"] if item["erratum"] else None,
                )
            )
            labels.append((item["depth"], item["text"]))
    note_facts = tuple(
        s.NoteFact(
            kind=f["kind"],
            subject=f["subject"],
            data=f["data"],
            refs=tuple(tuple(r) for r in f["refs"]),
            section=f["section_title"],
        )
        for f in facts.values()
        if f["topic"] == slug
    )
    families = list(load_families().values())
    table = None
    for family in families:
        if family.topic == slug and family.id in reference.tables:
            table = s.table_spec(family, reference.tables[family.id])
            break
    names = {t.slug: t.name for t in catalog.topics.values()}
    confusion = s.confusion_for(
        slug, families, lambda other: other in pages, names, {f: t["url"] for f, t in reference.tables.items()}
    )
    family_links = [entry.parent] if entry.parent else []
    family_links += [c.slug for c in catalog.children(slug)]
    links = [s.TopicLink(o, names[o]) for o in dict.fromkeys(family_links + related) if o in pages and o != slug]
    text, refs = definition
    notes = s.TopicNotes(
        slug=slug,
        name=entry.name,
        names=entry.names,
        lines=tuple(lines),
        facts=note_facts,
        definition=s.Statement(text, [list(r) for r in refs]) if text else None,
        reference=reference.definitions.get(slug),
        table=table,
        confusion=confusion,
        related=tuple(links),
        readable=lambda text: not garbled(text),
        respell=spelling,
        other_topic=lambda term: catalog.lookup(term) not in (None, slug) if term.strip() else False,
        hurried=frozenset(hurried),
    )
    return s.summarise(notes).as_dict()
