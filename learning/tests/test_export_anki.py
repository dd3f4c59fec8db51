"""The .apkg export opened by the real Anki (the `anki` package from PyPI, a test-only dependency): the notes, cards,
deck tree, fields, cloze rendering and tags a learner sees after File › Import, and a second import that updates."""

import json
import re
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import CsvMetadata, ImportCsvRequest
from django.utils import timezone

from learning.export import BASIC_MODEL_ID, CLOZE_MODEL_ID, build_export, cards_for_export
from learning.forms import topics_with_cards
from learning.models import Flashcard
from learning.tests.export_deck import make_export_deck

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def anki(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def export_apkg(tmp_path, name: str, topics=None) -> str:
    export = build_export(
        cards_for_export(topics if topics is not None else topics_with_cards()), "apkg", timezone.now()
    )
    path = tmp_path / name
    path.write_bytes(export.content)
    return str(path)


def import_into(collection, path: str):
    return collection.import_anki_package(
        ImportAnkiPackageRequest(package_path=path, options=ImportAnkiPackageOptions())
    )


def note_with(collection, field_text: str):
    note_ids = collection.find_notes(f'"{field_text}"')
    assert len(note_ids) == 1, f"{len(note_ids)} notes with {field_text!r}"
    return collection.get_note(note_ids[0])


def test_anki_opens_the_package_with_one_note_and_card_per_active_card(tmp_path, anki):
    make_export_deck()
    with time_machine.travel(T0, tick=False):
        import_into(anki, export_apkg(tmp_path, "deck.apkg"))
    assert anki.note_count() == 6  # the retired card stays home
    assert anki.card_count() == 6  # a cloze note with one blank is one card


def test_the_decks_are_one_per_topic_under_stratus_and_its_category(tmp_path, anki):
    make_export_deck()
    import_into(anki, export_apkg(tmp_path, "deck.apkg"))
    names = {deck.name for deck in anki.decks.all_names_and_ids()}
    assert {
        "Stratus",
        "Stratus::Storage",
        "Stratus::Storage::Amazon S3",
        "Stratus::Storage::Amazon S3::Amazon S3 Storage Classes",
        "Stratus::Compute",
        "Stratus::Compute::AWS Lambda",
    } <= names
    lambda_cards = anki.find_cards('"deck:Stratus::Compute::AWS Lambda"')
    assert len(lambda_cards) == 2
    cloze = anki.get_card(anki.find_cards('"Standard-IA"')[0])
    assert anki.decks.name(cloze.did) == "Stratus::Storage::Amazon S3::Amazon S3 Storage Classes"


def test_a_basic_card_has_front_back_topic_and_source_with_note_text_escaped(tmp_path, anki):
    make_export_deck()
    import_into(anki, export_apkg(tmp_path, "deck.apkg"))
    note = note_with(anki, "What is Amazon S3?")
    assert note.note_type()["name"] == "Stratus Basic"
    assert dict(note.items()) == {
        "Front": "What is Amazon S3?",
        "Back": "Object storage: &quot;buckets&quot; of objects, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
        "&amp; more.",
        "Topic": "Amazon S3",
        "Source": "notes:400",
    }
    card = note.cards()[0]
    assert "<script>" not in card.answer()  # no script from a note ever runs in Anki either
    assert "What is Amazon S3?" in card.question() and "Object storage" in card.answer()
    listed = note_with(anki, "name all 3")
    assert listed["Back"] == "• Standard<br>• Standard-IA<br>• Glacier"  # line breaks kept as Anki shows them


def test_cloze_and_number_cards_become_anki_cloze_notes_that_hide_the_answer(tmp_path, anki):
    make_export_deck()
    import_into(anki, export_apkg(tmp_path, "deck.apkg"))
    cloze = note_with(anki, "Which one is missing?")
    assert cloze.note_type()["name"] == "Stratus Cloze"
    assert cloze["Text"] == "S3 storage classes: Standard, {{c1::Standard-IA}}, Glacier. Which one is missing?"
    card = cloze.cards()[0]
    question = re.sub(r"<style>.*?</style>", "", card.question(), flags=re.S)
    answer = re.sub(r"<style>.*?</style>", "", card.answer(), flags=re.S)
    assert "[...]" in question and "Standard-IA" not in re.sub(r'data-cloze="[^"]*"', "", question)
    assert re.search(r'<span class="cloze"[^>]*>Standard-IA</span>', answer)
    number = note_with(anki, "runs for at most")
    assert number["Text"] == "AWS Lambda: A function runs for at most {{c1::15 minutes}}."
    assert re.search(r'<span class="cloze"[^>]*>15 minutes</span>', number.cards()[0].answer())


def test_notes_are_tagged_with_category_exam_domain_and_topic(tmp_path, anki):
    make_export_deck()
    import_into(anki, export_apkg(tmp_path, "deck.apkg"))
    note = note_with(anki, "Which one is missing?")
    assert sorted(note.tags) == [
        "stratus::category::storage",
        "stratus::domain::technology-services",
        "stratus::topic::s3-storage-classes",
    ]
    assert len(anki.find_notes("tag:stratus::topic::aws-lambda")) == 2
    assert len(anki.find_notes("tag:stratus::category::storage")) == 4


def test_a_second_export_updates_the_notes_already_in_anki_instead_of_adding_copies(tmp_path, anki):
    cards = make_export_deck()
    with time_machine.travel(T0, tick=False):
        import_into(anki, export_apkg(tmp_path, "first.apkg"))
    card_ids = sorted(anki.find_cards(""))
    decks = sorted((deck.name, deck.id) for deck in anki.decks.all_names_and_ids())
    assert anki.note_count() == 6

    Flashcard.objects.filter(pk=cards["exp-lambda-what"].pk).update(
        back="Serverless compute: run code without servers; billed per request and per millisecond."
    )
    Flashcard.objects.filter(pk=cards["exp-s3-size"].pk).update(
        front="Amazon S3: A single object can be up to […].", back="A single object can be up to 5 TB."
    )
    with time_machine.travel(T0 + timedelta(days=3), tick=False):
        log = import_into(anki, export_apkg(tmp_path, "second.apkg")).log

    assert anki.note_count() == 6 and anki.card_count() == 6
    assert len(log.updated) == 6 and not log.new  # every note matched by its GUID, the stable card key
    assert sorted(anki.find_cards("")) == card_ids  # the same cards, so their Anki review history stays
    # Fixed deck and note type ids: no second deck tree, no "Stratus Basic-1a2b3" beside the first.
    assert sorted((deck.name, deck.id) for deck in anki.decks.all_names_and_ids()) == decks
    assert sorted(model.name for model in anki.models.all_names_and_ids() if "Stratus" in model.name) == [
        "Stratus Basic",
        "Stratus Cloze",
    ]
    assert note_with(anki, "What is AWS Lambda?")["Back"] == (
        "Serverless compute: run code without servers; billed per request and per millisecond."
    )
    assert note_with(anki, "5 TB")["Text"] == "Amazon S3: A single object can be up to {{c1::5 TB}}."


def package_ids(path: str, tmp_path) -> tuple[list, list]:
    """The deck and note type ids written in a package's collection."""
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", tmp_path / "unzipped")
    connection = sqlite3.connect(tmp_path / "unzipped" / "collection.anki2")
    try:
        decks, models = connection.execute("SELECT decks, models FROM col").fetchone()
    finally:
        connection.close()
    return sorted(json.loads(decks)), sorted(json.loads(models))


def test_deck_and_note_type_ids_are_the_same_in_every_export(tmp_path):
    make_export_deck()
    with time_machine.travel(T0, tick=False):
        first = package_ids(export_apkg(tmp_path, "first.apkg"), tmp_path)
    with time_machine.travel(T0 + timedelta(days=30), tick=False):
        second = package_ids(export_apkg(tmp_path, "second.apkg"), tmp_path)
    assert first == second
    assert first[1] == [str(BASIC_MODEL_ID), str(CLOZE_MODEL_ID)]
    assert len(first[0]) == 1 + 3  # Anki's Default deck and one per topic


def test_anki_text_import_reads_the_csv_with_comma_chosen_as_the_separator(tmp_path, anki):
    """Anki guesses the separator from the first character it meets among tab | ; : , (our sources hold ':'), and
    guesses HTML when a field looks like a tag. The CSV keeps the notes' text as it is (spreadsheets show it raw), so
    the page says to choose Comma and leave "Allow HTML in fields" off; then every row is a note, text escaped."""
    make_export_deck()
    path = tmp_path / "cards.csv"
    path.write_bytes(build_export(cards_for_export(topics_with_cards()), "csv", timezone.now()).content)
    metadata = anki.get_csv_metadata(str(path), CsvMetadata.Delimiter.COMMA)
    assert metadata.is_html  # Anki's own guess, from the <script> in a back: the reason for the page's advice
    metadata.is_html = False
    metadata.tags_column = 8
    anki.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))
    assert anki.note_count() == 6 + 1  # and the header row, which the learner deletes or maps away
    note = note_with(anki, "What is Amazon S3?")
    assert note.fields[1] == (
        "Object storage: &quot;buckets&quot; of objects, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more."
    )
    assert sorted(note.tags) == [
        "stratus::category::storage",
        "stratus::domain::technology-services",
        "stratus::topic::amazon-s3",
    ]
    assert note_with(anki, "name all 3").fields[1] == "• Standard<br>• Standard-IA<br>• Glacier"


def test_every_shipped_topic_imports_into_anki(tmp_path, anki, shipped_notes):
    topics = topics_with_cards()
    expected = Flashcard.objects.active().filter(topic__in=topics).count()
    import_into(anki, export_apkg(tmp_path, "all.apkg", topics))
    assert anki.note_count() == anki.card_count() == expected > 300
    decks = [deck.name for deck in anki.decks.all_names_and_ids() if deck.name.startswith("Stratus::")]
    leaf_decks = [name for name in decks if not any(other.startswith(name + "::") for other in decks)]
    assert all(name.count("::") in (2, 3) for name in leaf_decks)  # Stratus::Category::Topic[::Sub-topic]
    assert not anki.find_notes("tag:none")  # every note carries its tags


def test_the_app_never_imports_anki():
    """anki is AGPL-3.0 and a test-only dependency: only tests may import it."""
    offenders = []
    app_files = [
        path for folder in ("config", "content", "learning", "quizzes") for path in (ROOT / folder).glob("**/*.py")
    ]
    for path in [*app_files, ROOT / "manage.py"]:
        if "tests" in path.relative_to(ROOT).parts:
            continue
        if re.search(r"^\s*(import anki\b|from anki\b)", path.read_text(encoding="utf-8"), re.M):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
