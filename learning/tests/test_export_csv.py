"""The CSV export read back with Python's csv module: the header, one row per card, and fields with commas, quotes,
newlines and non-ASCII text exactly as they are in Stratus; and `export_cards` from the shell."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from learning.export import CARD_CSV_COLUMNS, build_export, cards_for_export
from learning.forms import topics_with_cards
from learning.models import Flashcard
from learning.tests.export_deck import make_export_deck

pytestmark = pytest.mark.django_db

AWKWARD_FRONT = 'Which tier, "Standard" or "Glacier", keeps data for 90 days, at least?'
AWKWARD_BACK = (
    'Glacier Flexible Retrieval, for "cold" data:\n• 90-day minimum, billed per GB\n• retrieval in 1–5 min, 3–5 h'
)


def read_csv(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


def test_the_csv_round_trips_every_field_through_the_csv_module(db):
    cards = make_export_deck()
    Flashcard.objects.filter(pk=cards["exp-classes-list"].pk).update(front=AWKWARD_FRONT, back=AWKWARD_BACK)
    export = build_export(cards_for_export(topics_with_cards()), "csv", timezone.now())
    assert export.filename.endswith(".csv") and export.content_type == "text/csv; charset=utf-8"
    assert export.content.decode("utf-8").splitlines()[0] == ",".join(CARD_CSV_COLUMNS)

    rows = read_csv(export.content)
    assert [row["front"] for row in rows] == [  # catalog order: Compute (2) before Storage (4)
        "What is AWS Lambda?",
        "AWS Lambda: A function runs for at most […].",
        "What is Amazon S3?",
        "Amazon S3: A single object can be up to […] in size.",
        AWKWARD_FRONT,
        "S3 storage classes: Standard, […], Glacier. Which one is missing?",
    ]
    awkward = rows[4]
    assert awkward == {
        "front": AWKWARD_FRONT,
        "back": AWKWARD_BACK,
        "kind": "list",
        "topic": "Amazon S3 Storage Classes",
        "category": "Storage",
        "domain": "Cloud Technology and Services",
        "sources": "notes:402",
        "tags": "stratus::category::storage stratus::domain::technology-services stratus::topic::s3-storage-classes",
    }
    assert rows[2]["back"] == 'Object storage: "buckets" of objects, <script>alert("x")</script> & more.'  # as is


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_defused(db):
    cards = make_export_deck()
    Flashcard.objects.filter(pk=cards["exp-lambda-what"].pk).update(back='=HYPERLINK("http://evil.example","x")')
    rows = read_csv(build_export(cards_for_export(topics_with_cards()), "csv", timezone.now()).content)
    assert rows[0]["back"] == '\'=HYPERLINK("http://evil.example","x")'


# The shell command


def test_export_cards_writes_the_chosen_topics_to_a_csv_file(db, tmp_path, capsys):
    make_export_deck()
    out = tmp_path / "lambda.csv"
    call_command("export_cards", "--format", "csv", "--topic", "aws-lambda", "-o", str(out))
    rows = read_csv(out.read_bytes())
    assert [row["topic"] for row in rows] == ["AWS Lambda", "AWS Lambda"]
    assert "Wrote 2 cards from 1 topic to" in capsys.readouterr().err


def test_export_cards_writes_every_topic_to_an_anki_package_by_default(db, tmp_path):
    make_export_deck()
    out = tmp_path / "all.apkg"
    call_command("export_cards", "--format", "apkg", "-o", str(out))
    assert out.read_bytes()[:2] == b"PK"  # a zip, as Anki expects; its contents are checked by test_export_anki


def test_export_cards_refuses_an_unknown_topic_and_writes_nothing(db, tmp_path):
    make_export_deck()
    out = tmp_path / "x.csv"
    with pytest.raises(CommandError, match="No topic with cards has the slug 'amazon-s4'"):
        call_command("export_cards", "--format", "csv", "--topic", "aws-lambda", "--topic", "amazon-s4", "-o", str(out))
    assert not out.exists()


def test_export_cards_says_so_when_there_are_no_cards(db, tmp_path):
    Flashcard.objects.update(retired=True)
    with pytest.raises(CommandError, match="There are no cards to export"):
        call_command("export_cards", "--format", "apkg", "-o", str(tmp_path / "x.apkg"))
    assert not (tmp_path / "x.apkg").exists()


def test_export_cards_refuses_an_unknown_format(db, tmp_path):
    with pytest.raises(CommandError, match="invalid choice: 'zip'"):
        call_command("export_cards", "--format", "zip", "-o", str(tmp_path / "x.zip"))


def test_export_cards_prints_a_csv_to_stdout_but_not_a_binary_package(db):
    make_export_deck()
    out = io.StringIO()
    call_command("export_cards", "--format", "csv", "--topic", "amazon-s3", "-o", "-", stdout=out)
    assert [row["front"] for row in read_csv(out.getvalue().encode())] == [
        "What is Amazon S3?",
        "Amazon S3: A single object can be up to […] in size.",
    ]
    with pytest.raises(CommandError, match="An Anki package is binary"):
        call_command("export_cards", "--format", "apkg", "-o", "-", stdout=io.StringIO())
