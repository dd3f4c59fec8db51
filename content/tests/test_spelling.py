"""Typos measured against an English word list and the catalog, in text written for this test."""

from io import StringIO

import pytest
from django.core.management import call_command

from content.ingest.spelling import misspellings, respell_services
from learning.generate import garbled
from learning.models import Flashcard


def test_slips_of_the_fingers_are_misspellings_with_the_word_meant():
    found = dict(misspellings("The availabilty of a volume is seperate from its throughput, recieved quikly."))
    assert found == {"availabilty": "availability", "seperate": "separate", "recieved": "received", "quikly": "quickly"}


def test_a_slip_inside_a_compound_of_two_words_is_mended_and_a_name_is_not():
    from content.ingest.spelling import correct_typos

    assert correct_typos("A fully-mangaed queue, read-only for others") == "A fully-managed queue, read-only for others"
    assert correct_typos("Use single-signon across accounts") == "Use single-signon across accounts"
    assert correct_typos("It sets the X-Forwarded-For header in us-east-1") == (
        "It sets the X-Forwarded-For header in us-east-1"
    )


def test_two_words_run_together_are_mended_apart_not_into_a_third_word():
    """ "upto" is "up to" typed without its space, not a slip for "unto"; a quote with one is not badly typed."""
    from content.ingest.spelling import correct_typos
    from quizzes.evidence import _badly_typed

    assert correct_typos("Save upto 90%, alot cheaper, atleast once") == "Save up to 90%, a lot cheaper, at least once"
    assert correct_typos("They talk to eachother everytime") == "They talk to each other every time"
    assert (
        correct_typos("Global Accelerator gives anycast IP addresses")
        == "Global Accelerator gives anycast IP addresses"
    )
    assert not _badly_typed("Spare capasity at upto 90% discount, price can vary")  # (one slip in nine words)
    assert _badly_typed("Spare capasity at lowr price")


@pytest.mark.parametrize(
    "text",
    [
        "Serverless functions fail over to a standby; Kubernetes pods are containerized microservices.",
        "The behaviour of a burstable instance is customisable, and ElastiCache caches lookups.",
        "DynamoDB, CloudFront and Redshift are managed; use `aws s3 cp` or https://example.com/docs.",
        "Provision IOPS for io2 volumes; gp3 gives 3,000 IOPS at any size.",
        "Netflix and Airbnb run on AWS, as the case studies say.",
    ],
)
def test_correct_cloud_english_has_no_misspellings(text):
    assert misspellings(text) == []
    assert not garbled(text)


def test_a_line_with_a_typo_or_a_hurried_shorthand_is_garbled():
    assert garbled("S3 keeps objects in a bucket wich is regional.")
    assert garbled("Data goes to S3 b/w the two steps")
    assert garbled("Inspector: tells u about vulnerable packages on instances")
    assert garbled("Keeps ur secrets safe")
    assert not garbled("Data residency in the U.S. and the EU")
    assert not garbled("Use the R language or a U-shaped curve")


def test_a_model_code_typed_with_a_letter_for_its_one_takes_the_catalogs_spelling():
    assert respell_services("Scl: the cheapest HDD; Iol for databases") == "sc1: the cheapest HDD; io1 for databases"
    assert respell_services("all the Sil volumes, Til then") == "all the Sil volumes, Til then"


def test_misspelled_service_names_take_the_catalogs_spelling():
    assert respell_services("DyanmoDB and Cloudfrnot, with Elasticache") == "DynamoDB and CloudFront, with ElastiCache"
    assert respell_services("a config file and a lambda function") == "a config file and a lambda function"


@pytest.mark.django_db
def test_a_card_never_carries_a_misspelled_service_name(tmp_path):
    (tmp_path / "db.md").write_text(
        "# Amazon DynamoDB\n\n"
        "- **Global tables**: replicate a DyanmoDB table across Regions for low-latency reads and writes.\n"
        "- **DAX**: an in-memory cache in front of DyanmoDB that cuts read latency to microseconds.\n"
    )
    call_command("ingest", str(tmp_path), "--json", stdout=StringIO())
    cards = list(Flashcard.objects.active().values_list("front", "back"))
    assert cards
    assert not [c for c in cards if "Dyanmo" in " ".join(c)]
    assert any("DynamoDB" in " ".join(c) for c in cards)


def test_a_numbered_service_name_misspelt_in_its_letters_is_written_the_catalogs_way():
    """ "Root53" is Route 53 typed in a hurry (the letters are an English word, so only the number tells); a name
    written joined but right ("Route53"), another number or a word with a digit stays."""
    assert respell_services("Amazon Root53 answers DNS queries") == "Amazon Route 53 answers DNS queries"
    for text in ("Route53 answers DNS queries", "Route66 is a road", "Layer7 attacks", "Windows10 desktops"):
        assert respell_services(text) == text


def test_a_word_with_a_d_dropped_on_is_a_slip_not_a_past_tense():
    """ "answerd" is no form of "answer" (a past tense of a word ending in "e" takes a "d": "managed", "stored")."""
    assert dict(misspellings("the name of the server who answerd")) == {"answerd": "answer"}
    assert misspellings("a managed service that stored and shared the data it used") == []
