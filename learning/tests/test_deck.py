"""The deck's reject rules have names, and the ingest report counts what each turned away."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from content.models import IngestJob
from quizzes.families import load_families

# A definition that restates its term, a heading-like term that is no concept ("... Limits"), and one question
# asked twice under two spellings ("Delay queue", "Delay queues"): one card from the two, with both lines.
NOTES = (
    "# Amazon SQS\n\n"
    "## Queue types\n\n"
    "- Delay queue: postpones the delivery of new messages to consumers for a number of seconds.\n"
    "- Dead-letter queue: a dead letter queue holds the messages that could not be processed by the queue.\n\n"
    "## Settings\n\n"
    "- Delay queues: hold back every new message for a set time before any consumer can receive it.\n"
    "- Message Retention Limits: how long the queue keeps a message that no consumer has deleted yet.\n"
)


def ingest_json(tmp_path) -> dict:
    (tmp_path / "sqs.md").write_text(NOTES)
    out = StringIO()
    call_command("ingest", str(tmp_path), "--replace", "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_the_ingest_report_counts_the_facts_each_named_rule_turned_away(tmp_path):
    report = ingest_json(tmp_path)
    rejected = report["rejected"]
    assert rejected["definition restates its term"] == 1
    assert rejected["heading is not a concept"] == 1
    assert rejected["near-duplicate merged"] == 1
    assert "no rule named" not in rejected  # every rule that turns a fact away says its name
    # Every fact and scenario question the deck considered made a card or was turned away by exactly one rule.
    deck = report["deck"]
    assert deck["considered"] == deck["made"] + sum(rejected.values())
    assert deck["considered"] == report["facts"] + report["questions"]  # one notes file: every fact is its own


@pytest.mark.django_db
def test_the_operator_reads_the_rule_counts_in_the_command_summary(tmp_path):
    (tmp_path / "sqs.md").write_text(NOTES)
    out = StringIO()
    call_command("ingest", str(tmp_path), "--replace", stdout=out)
    text = out.getvalue()
    assert "turned away:" in text
    assert "    definition restates its term: 1\n" in text
    assert "    heading is not a concept: 1\n" in text


@pytest.mark.django_db
def test_the_instructor_sees_the_rule_counts_on_the_job_page(client, instructor):
    client.force_login(instructor)
    client.post(reverse("library:upload"), {"files": [SimpleUploadedFile("sqs.md", NOTES.encode())]})
    job = IngestJob.objects.get()
    page = client.get(reverse("library:job", args=[job.pk])).content.decode()
    assert 'data-testid="rejected"' in page
    assert "<td>definition restates its term</td><td>1</td>" in page
    assert "<td>near-duplicate merged</td><td>1</td>" in page


def _fact(topic: str, term: str, definition: str, line: int) -> dict:
    return {
        "topic": topic,
        "kind": "definition",
        "subject": term.lower(),
        "text": f"{term}: {definition}",
        "data": {"term": term, "definition": definition},
        "refs": [["notes", 1, line]],
        "section_title": "Other services",
    }


def test_a_definition_of_another_service_is_carded_on_that_service_page():
    from content.catalog import load_catalog
    from learning.deck import build_deck

    catalog = load_catalog()
    facts = {
        # listed among the EC2 notes: a definition of S3 and one of how EC2 uses IAM
        "a": _fact("amazon-ec2", "Amazon S3", "Object storage that keeps any amount of data as objects in buckets", 3),
        "b": _fact("amazon-ec2", "AWS IAM", "Roles that let the EC2 instances call other services", 4),
        "c": _fact("amazon-ec2", "Pay-as-you-go pricing", "You pay for the seconds your instances run", 5),
    }
    deck = build_deck(catalog, facts, [])
    homes = {d["fact"]: (d["topic"], d["front"]) for d in deck.cards.values()}
    assert homes["a"] == ("amazon-s3", "What is Amazon S3?")
    assert "b" not in homes  # it says how EC2 uses IAM: no card, on either page
    assert "c" not in homes  # a concept named in a service's notes is an aspect of it, not the concept's card
    assert deck.considered == deck.made + sum(deck.rejected.values())


def test_a_services_definition_card_answers_in_the_references_words_with_every_line_behind_it():
    """The notes say what S3 is twice, once under another page's heading and once as the author's own use of it: one
    card, "What is Amazon S3?", answered with the checked reference definition, with both lines as its sources."""
    from content.catalog import load_catalog
    from content.summary import load_reference
    from learning.deck import build_deck

    facts = {
        "own": _fact("amazon-s3", "Amazon S3", "Object store for the pictures of a shop website, any size of file", 9),
        "moved": _fact("amazon-ec2", "Amazon S3", "Storage service for files of any size kept in buckets", 2),
    }
    deck = build_deck(load_catalog(), facts, [])
    (card,) = [d for d in deck.cards.values() if d["front"] == "What is Amazon S3?"]
    assert card["back"].startswith("Object storage: it keeps any amount of data as objects in buckets")
    assert load_reference().definitions["amazon-s3"].text.endswith(card["back"][1:])  # past "Amazon S3 ... is"
    assert {r[2] for r in card["refs"]} == {2, 9}  # one card, both lines behind it


def test_an_option_the_bank_explains_is_answered_in_the_banks_words_and_an_unexplained_term_in_the_notes():
    """ "S3 Versioning" is an option the question bank explains: its card gives the bank's verified sentence; a
    bucket policy, which the bank does not explain, keeps the notes' own definition."""
    from content.catalog import load_catalog
    from learning.deck import build_deck

    facts = {
        "kept": _fact(
            "amazon-s3", "S3 Versioning", "A setting that holds every copy of a file so a deleted one comes back", 7
        ),
        "plain": _fact(
            "amazon-s3",
            "Bucket Policy",
            "A JSON document attached to a bucket that says who may read or write its objects",
            8,
        ),
    }
    deck = build_deck(load_catalog(), facts, [])
    backs = {d["front"]: d["back"] for d in deck.cards.values()}
    bank = next(o.fact for f in load_families().values() for o in f.options.values() if o.name == "S3 Versioning")
    assert backs["What is S3 Versioning?"] == bank
    assert backs["What is Bucket Policy (in Amazon S3)?"] == (
        "A JSON document attached to a bucket that says who may read or write its objects."
    )
    assert deck.cards[next(k for k, d in deck.cards.items() if d["fact"] == "kept")]["refs"] == [["notes", 1, 7]]


def test_a_bank_option_whose_name_does_not_say_its_service_is_asked_in_context():
    """ "What is Weighted routing?" cannot be answered without the notes open: the front names the page it is on."""
    from content.catalog import load_catalog
    from learning.deck import build_deck

    fact = _fact(
        "route-53-routing-policies", "Weighted routing", "Sends each record a share of the traffic by weight", 6
    )
    deck = build_deck(load_catalog(), {"w": fact}, [])
    assert [d["front"] for d in deck.cards.values()] == ["What is Weighted routing (in Route 53 Routing Policies)?"]


def test_a_services_line_in_another_topics_feature_list_is_not_its_definition():
    """ "Trusted Advisor - Full set of checks + API access" in a support plan's list says what the plan includes of
    Trusted Advisor, not what Trusted Advisor is: it stays with the plan, where no card asks "What is Trusted
    Advisor?" with it."""
    from content.catalog import load_catalog
    from learning.deck import home, name_owners, topic_views
    from learning.generate import FactView

    catalog = load_catalog()
    views = topic_views(catalog)
    owners = name_owners(views)
    listed = FactView(
        key="d-ta",
        kind="definition",
        subject="trusted advisor",
        text="Trusted Advisor: Full set of checks",
        data={"term": "Trusted Advisor", "definition": "Full set of checks + API access"},
    )
    assert home(listed, "aws-support-plans", views, owners, catalog) == "aws-support-plans"
    defined = FactView(
        key="d-ta2",
        kind="definition",
        subject="trusted advisor",
        text="Trusted Advisor: a service",
        data={"term": "Trusted Advisor", "definition": "A service that checks accounts against best practices"},
    )
    assert home(defined, "aws-support-plans", views, owners, catalog) == "aws-trusted-advisor"


@pytest.mark.django_db
def test_a_line_in_the_authors_shorthand_makes_no_card(tmp_path):
    """ "one or more data centers w/o shared power" would make a card in the notes' shorthand ("w/o" for without): it
    is turned away under its rule; a line written out on the same page makes its card."""
    from learning.models import Flashcard

    (tmp_path / "infra.md").write_text(
        "# AWS Global Infrastructure\n\n"
        "- Availability Zone: one or more discrete data centers w/o any shared power or networking.\n"
        "- Edge location: a site where CloudFront caches copies of content close to viewers.\n"
    )
    out = StringIO()
    call_command("ingest", str(tmp_path), "--replace", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["rejected"]["card is in note shorthand"] == 1
    # only this topic's cards: the session's shipped notes may be committed beside them (conftest.shipped_notes)
    fronts = [c.front for c in Flashcard.objects.filter(topic__slug="aws-global-infrastructure", retired=False)]
    assert fronts and not any("w/o" in f for f in fronts)
    assert any("Edge location" in f for f in fronts), fronts


def test_a_mangled_or_misspelt_term_and_a_remark_on_the_exam_make_no_card():
    """A term the notes misspelt ("Limitions"), a word with stray letters in it ("Guaßßrantee") and a back that only
    says whether the exam tests it make no card; the same facts written out do."""
    from content.catalog import load_catalog
    from learning.deck import build_deck

    facts = {
        "a": _fact("ec2-placement-groups", "Limitions", "Names must be unique within your AWS account", 3),
        "b": _fact(
            "ec2-purchasing-options", "Spot Instances", "Not typically tested in the Cloud Practitioner exam.", 4
        ),
        "c": _fact("amazon-s3", "Object Lock", "Guaßßrantees an object stays unchanged for a set time", 5),
        "d": _fact("amazon-s3", "Object Lock", "Guarantees an object stays unchanged for a set time", 6),
    }
    deck = build_deck(load_catalog(), facts, [])
    made = {d["fact"] for d in deck.cards.values()}
    assert made == {"d"}, made
    assert deck.rejected["card has a mangled or misspelt word"] == 2
    assert deck.rejected["back is a remark on the exam"] == 1


def test_an_english_word_whose_s_is_its_own_is_asked_in_the_singular():
    from learning.generate import plural

    assert not plural("Alias") and not plural("Status")
    # the head of "X for Y" is X: "What is FSx for Windows?", never "What are"
    assert not plural("FSx for Windows") and plural("Types of instances")
    assert plural("Areas") and plural("Buckets") and plural("Bucket Policies") and plural("Boxes")


@pytest.mark.django_db
def test_a_files_tag_line_is_no_cards_answer(tmp_path):
    """An Obsidian note's tag line under its title ("#aws #athena #serverless") is no definition of Athena."""
    (tmp_path / "athena.md").write_text(
        "# Amazon Athena\n#aws #athena #serverless #sql #querying #s3 #json #parquet\n## Athena 101\n\n"
        "Serverless interactive querying service for data in S3.\n"
    )
    call_command("ingest", str(tmp_path), "--replace", "--json", stdout=StringIO())
    from learning.models import Flashcard

    cards = list(Flashcard.objects.active().filter(kind="definition").values_list("front", "back", "refs"))
    assert [(front, [r[2] for r in refs]) for front, _, refs in cards] == [("What is Amazon Athena?", [5])], cards
    assert "#" not in cards[0][1]  # the tag line is none of its sources and none of its answer


@pytest.mark.django_db
def test_study_advice_and_a_setup_step_make_no_card(tmp_path):
    """ "Graph databases: Have a good understanding of when a graph model fits" tells how to study, and "Simple
    Routing: Setup a single A record holding several IP addresses" how to configure it: neither says what the term
    is, so each is turned away under its own rule while a line that says what a term is makes its card."""
    from learning.models import Flashcard

    (tmp_path / "r53.md").write_text(
        "# Route 53 Routing Policies\n\n"
        "- **Simple Routing**: Setup a single A record holding several IP addresses.\n"
        "- **Failover Routing**: Sends traffic to a standby resource when the primary fails its health check.\n\n"
        "# Databases\n\n"
        "- **Graph databases**: Have a good understanding of when a graph model fits a workload.\n"
    )
    out = StringIO()
    call_command("ingest", str(tmp_path), "--replace", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["rejected"].get("back is a setup step") == 1, report["rejected"]
    assert report["rejected"].get("back is study advice") == 1, report["rejected"]
    backs = [c.back for c in Flashcard.objects.filter(retired=False, kind="definition")]
    assert not any("single A record" in b or "understanding" in b for b in backs), backs
    assert any("standby resource" in b for b in backs), backs
