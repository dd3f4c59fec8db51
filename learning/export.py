"""Cards out of Stratus: an Anki package (.apkg) or a CSV of chosen topics, and a learner's own history and settings.

Plain functions over querysets, shared by the export page, the settings page's downloads and `export_cards`.
"""

from __future__ import annotations

import csv
import hashlib
import heapq
import io
import itertools
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

import genanki
from django.db.models import QuerySet
from django.utils.html import escape

from content.models import DOMAINS, Topic
from learning.models import Flashcard, ReviewLog, StudySettings
from learning.queue import format_interval
from quizzes.models import Response

# Anki matches note types and decks by these ids on every import: never change them, or a re-import makes a
# second "Stratus Basic" beside the first. (Picked once at random in genanki's recommended range.)
BASIC_MODEL_ID = 1_764_310_411
CLOZE_MODEL_ID = 1_764_310_412
ROOT_DECK = "Stratus"
BLANK = "[…]"  # how generated cloze and number cards mark their gap
CLOZE_KINDS = {"cloze", "number"}

CARD_CSV_COLUMNS = ["front", "back", "kind", "topic", "category", "domain", "sources", "tags"]
HISTORY_CSV_COLUMNS = [
    "kind",
    "key",
    "topic",
    "time",
    "rating",
    "interval",
    "interval_days",
    "duration_seconds",
    "prompt",
    "quiz",
]

FORMATS = {
    "apkg": ("Anki package (.apkg)", "application/apkg"),
    "csv": ("CSV (spreadsheets, Anki's text import)", "text/csv; charset=utf-8"),
}

_CARD_CSS = """\
.card { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 20px;
        line-height: 1.5; color: #1b2430; background: #fff; text-align: left; max-width: 40em; margin: 0 auto; }
.nightMode.card, .night_mode .card { color: #e6edf3; background: #1b2430; }
.cloze { font-weight: bold; color: #2f5bea; }
.nightMode .cloze { color: #8fb0ff; }
.stratus-meta { margin-top: 1.5em; font-size: 13px; color: #5b6675; }
"""
_META = '<div class="stratus-meta">{{Topic}}{{#Source}} · notes {{Source}}{{/Source}}</div>'

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID,
    "Stratus Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Topic"}, {"name": "Source"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": '{{FrontSide}}<hr id="answer">{{Back}}' + _META}],
    css=_CARD_CSS,
)
CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "Stratus Cloze",
    model_type=genanki.Model.CLOZE,
    fields=[{"name": "Text"}, {"name": "Extra"}, {"name": "Topic"}, {"name": "Source"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Extra}}" + _META}],
    css=_CARD_CSS,
)


class NothingToExport(Exception):
    """The selection holds no active card: the message says so, for the page or the shell."""


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content_type: str
    content: bytes
    card_count: int
    topic_count: int


# Choosing the cards


def cards_for_export(topics: Iterable[Topic]) -> QuerySet[Flashcard]:
    """The active cards of exactly these topics (sub-topics have their own boxes), in catalog order."""
    return (
        Flashcard.objects.active()
        .filter(topic__in=list(topics))
        .select_related("topic", "topic__parent")
        # Only what the files carry: a topic row also holds its page summary, which can be long.
        .only(
            "key",
            "kind",
            "front",
            "back",
            "refs",
            "position",
            "topic__slug",
            "topic__name",
            "topic__category",
            "topic__category_name",
            "topic__domain",
            "topic__parent__name",
        )
        .order_by("topic__category_order", "topic__order", "position", "pk")
    )


def deck_topics(study: StudySettings, choices: Iterable[Topic]) -> list[Topic]:
    """The learner's deck among the topics that have cards; an empty deck means every topic, as in review."""
    if not study.deck_topics:
        return list(choices)
    chosen = {int(pk) for pk in study.deck_topics if pk is not None}  # as the review queue reads it
    return [topic for topic in choices if topic.pk in chosen]


def build_export(cards: Iterable[Flashcard], fmt: str, now: datetime) -> ExportFile:
    cards = list(cards)
    if not cards:
        raise NothingToExport("There are no cards to export in these topics. Choose topics that have cards.")
    topic_count = len({card.topic_id for card in cards})
    name = f"stratus-cards-{now:%Y-%m-%d}.{fmt}"
    if fmt == "apkg":
        content = anki_package(cards, now)
    elif fmt == "csv":
        content = cards_csv(cards).encode("utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return ExportFile(name, FORMATS[fmt][1], content, len(cards), topic_count)


# What each card carries, in Anki and in the CSV


def card_sources(card: Flashcard) -> list[str]:
    """Where the card comes from, as "ec2-notes:36" (notes file label, line), as the app shows it."""
    return [f"{label}:{line}" for label, _source_id, line in card.refs]


def card_tags(card: Flashcard) -> list[str]:
    topic = card.topic
    return [f"stratus::category::{topic.category}", f"stratus::domain::{topic.domain}", f"stratus::topic::{topic.slug}"]


def _deck_part(name: str) -> str:
    return name.replace("::", ":").strip()  # "::" would split a name into sub-decks


def deck_name(topic: Topic) -> str:
    """Stratus::Storage::Amazon S3; a sub-topic sits inside its parent's deck, as its page does."""
    parts = [ROOT_DECK, topic.category_name]
    if topic.parent is not None:
        parts.append(topic.parent.name)
    parts.append(topic.name)
    return "::".join(_deck_part(part) for part in parts)


def stable_id(text: str) -> int:
    """A fixed id in genanki's recommended range (2^30..2^31), the same on every export."""
    return (1 << 30) + int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % (1 << 30)


def as_anki_html(text: str) -> str:
    """Anki fields are HTML: note text is escaped, so nothing from a note runs or breaks the layout in Anki."""
    return escape(text).replace("\n", "<br>")


def cloze_answer(card: Flashcard) -> str | None:
    """The text behind a cloze or number card's one blank, or None when it cannot be placed safely.

    A cloze card's back is the missing member. A number card's back is the whole statement, and its front is
    the same statement with the number blanked (sometimes after "Topic: "): line the two up around the blank.
    """
    if card.kind not in CLOZE_KINDS or card.front.count(BLANK) != 1:
        return None
    if card.kind == "cloze":
        answer = card.back.strip()
    else:
        before, after = card.front.split(BLANK)
        answer = None
        for start in range(len(before) + 1):  # the longest tail of `before` that the statement starts with
            lead = before[start:]
            if card.back.startswith(lead) and card.back.endswith(after) and len(card.back) > len(lead) + len(after):
                answer = card.back[len(lead) : len(card.back) - len(after)]
                break
    if not answer or "::" in answer or "}}" in answer or "{{" in answer or "\n" in answer:
        return None  # Anki would read these as a hint or the cloze's end
    return answer


def anki_note(card: Flashcard) -> genanki.Note:
    topic = as_anki_html(card.topic.name)
    source = escape(", ".join(card_sources(card)))
    answer = cloze_answer(card)
    if answer is not None:
        before, after = card.front.split(BLANK)
        text = as_anki_html(before) + "{{c1::" + as_anki_html(answer) + "}}" + as_anki_html(after)
        fields, model = [text, "", topic, source], CLOZE_MODEL
    else:
        fields, model = [as_anki_html(card.front), as_anki_html(card.back), topic, source], BASIC_MODEL
    # The GUID is our stable key: a newer export updates the notes already in Anki instead of adding copies.
    return genanki.Note(model=model, fields=fields, guid=genanki.guid_for("stratus", card.key), tags=card_tags(card))


def anki_package(cards: list[Flashcard], now: datetime) -> bytes:
    decks: dict[int, genanki.Deck] = {}
    for card in cards:
        deck = decks.get(card.topic_id)
        if deck is None:
            name = deck_name(card.topic)
            description = as_anki_html(f"{card.topic.name}: cards from your notes, exported from Stratus.")
            deck = decks[card.topic_id] = genanki.Deck(stable_id(f"deck:{card.topic.slug}"), name, description)
        deck.add_note(anki_note(card))
    out = io.BytesIO()
    write_package(genanki.Package(list(decks.values())), out, now.timestamp())
    return out.getvalue()


def write_package(package: genanki.Package, out, timestamp: float) -> None:
    """genanki's Package.write_to_file, minus its leak: it never deletes the temporary database it builds."""
    with tempfile.TemporaryDirectory(prefix="stratus-apkg-") as folder:
        path = os.path.join(folder, "collection.anki2")
        connection = sqlite3.connect(path)
        # A scratch file zipped and deleted within this call: no need to wait for the disk on every commit.
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA journal_mode = MEMORY")
        try:
            # Note "mod" times are the export's time: Anki updates an imported note only from a newer export.
            package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package_zip:
            package_zip.write(path, "collection.anki2")
            package_zip.writestr("media", "{}")


# CSV


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe (OWASP's CSV advice):
    note text is untrusted, and a spreadsheet is where this file is most often opened."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def write_csv_rows(rows: Iterable[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: quotes around commas, quotes and newlines; CRLF between rows
    for row in rows:
        writer.writerow([spreadsheet_safe(str(value)) for value in row])
    return out.getvalue()


def card_csv_row(card: Flashcard) -> list[str]:
    topic = card.topic
    return [
        card.front,
        card.back,
        card.kind,
        topic.name,
        topic.category_name,
        DOMAINS.get(topic.domain, topic.domain),
        "; ".join(card_sources(card)),
        " ".join(card_tags(card)),
    ]


def cards_csv(cards: Iterable[Flashcard]) -> str:
    return write_csv_rows(itertools.chain([CARD_CSV_COLUMNS], (card_csv_row(card) for card in cards)))


# The learner's own data: every review and quiz answer, and their settings


def _review_rows(user) -> Iterator[tuple[datetime, int, list]]:
    logs = (
        ReviewLog.objects.filter(user=user)
        .select_related("card__topic")
        .only("rating", "reviewed_at", "duration_ms", "state_after", "card__key", "card__front", "card__topic__slug")
        .order_by("reviewed_at", "pk")
    )
    for log in logs.iterator(chunk_size=2000):
        due = log.state_after.get("due") if isinstance(log.state_after, dict) else None
        interval = datetime.fromisoformat(due) - log.reviewed_at if due else None
        yield (
            log.reviewed_at,
            0,
            [
                "review",
                log.card.key,
                log.card.topic.slug,
                log.reviewed_at.isoformat(),
                log.get_rating_display(),
                format_interval(interval) if interval is not None else "",
                f"{interval.total_seconds() / 86400:.4f}" if interval is not None else "",
                f"{log.duration_ms / 1000:.1f}" if log.duration_ms is not None else "",
                log.card.front,
                "",
            ],
        )


def _answer_rows(user) -> Iterator[tuple[datetime, int, list]]:
    responses = (
        Response.objects.filter(attempt__user=user, answered_at__isnull=False)
        .select_related("question__topic", "attempt")
        .only(
            "answered_at",
            "correct",
            "question__key",
            "question__stem",
            "question__topic__slug",
            "attempt__mode",
            "attempt__id",
        )
        .order_by("answered_at", "pk")
    )
    for response in responses.iterator(chunk_size=2000):
        attempt = response.attempt
        # Quiz answers space questions too, but only the current state is kept: no interval per answer.
        yield (
            response.answered_at,
            1,
            [
                "quiz answer",
                response.question.key,
                response.question.topic.slug,
                response.answered_at.isoformat(),
                {True: "right", False: "wrong"}.get(response.correct, ""),
                "",
                "",
                "",
                response.question.stem,
                f"{attempt.get_mode_display()} #{attempt.pk}",
            ],
        )


def history_csv_lines(user) -> Iterator[str]:
    """The learner's reviews and quiz answers, oldest first, one CSV line at a time (histories grow large)."""
    yield write_csv_rows([HISTORY_CSV_COLUMNS])
    merged = heapq.merge(_review_rows(user), _answer_rows(user), key=lambda item: (item[0], item[1]))
    for _when, _order, row in merged:
        yield write_csv_rows([row])


def settings_document(user, now: datetime) -> str:
    study = StudySettings.for_user(user)
    slugs = dict(Topic.objects.filter(pk__in=study.deck_topics).values_list("pk", "slug"))
    return (
        json.dumps(
            {
                "user": user.get_username(),
                "exported_at": now.isoformat(),
                "study_settings": {
                    "desired_retention": study.desired_retention,
                    "new_per_day": study.new_per_day,
                    "max_reviews_per_day": study.max_reviews_per_day,
                    "day_starts_hour": study.day_starts_hour,
                    "time_zone": study.time_zone,
                    "deck_topics": [slugs[pk] for pk in study.deck_topics if pk in slugs],  # empty: every topic
                },
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
