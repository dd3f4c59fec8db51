"""Card quality rules, checked over every card the shipped notes make (no graded sample, no list of items)."""

import re

import pytest

from content.ingest.spelling import correct_typos, misspellings
from content.models import Topic
from learning.deck import reference_texts
from learning.generate import (
    _ABSOLUTE,
    _ASKED,
    _NOT_A_CONCEPT,
    _STATUS,
    CardDraft,
    TopicView,
    duplicate_key,
    ends_cut,
    restates,
    uses_list,
)
from learning.models import Flashcard
from quizzes.families import load_families
from quizzes.models import Question

pytestmark = pytest.mark.django_db


def topic_view(topic: Topic) -> TopicView:
    return TopicView(slug=topic.slug, name=topic.name, names=frozenset({topic.name.lower()}))


def asked_term(front: str) -> str | None:
    asked = _ASKED.match(front)
    return re.sub(r"\s*\([^)]*\)", "", asked["term"]).strip() if asked else None


def test_no_definition_card_restates_its_term(shipped_notes):
    checked = reference_texts()  # "General purpose instances (the T and M families) balance ...": AWS's sentence
    for card in Flashcard.objects.active().filter(kind__in=["definition", "use_case"]).select_related("topic"):
        term = asked_term(card.front)
        if term and card.back not in checked:
            assert not restates(term, card.back, topic_view(card.topic)), (card.front, card.back)


def test_no_card_asks_what_a_heading_that_is_no_concept_is(shipped_notes):
    for card in Flashcard.objects.active().filter(kind="definition"):
        term = asked_term(card.front)
        assert not (term and _NOT_A_CONCEPT.search(term)), card.front


def test_no_definition_back_states_an_absolute_rule(shipped_notes):
    """ "Attached to one EC2 instance at a time" is an exam simplification AWS has relaxed (Multi-Attach). The
    reference's own sentences, checked against AWS, may state a rule ("it cannot be a boot volume")."""
    checked = reference_texts()
    for back in Flashcard.objects.active().filter(kind="definition").values_list("back", flat=True):
        assert back in checked or not _ABSOLUTE.search(back), back


def test_no_two_cards_on_a_topic_ask_the_same_thing(shipped_notes):
    seen = {}
    for card in Flashcard.objects.active().select_related("topic").order_by("pk"):
        key = duplicate_key(CardDraft(card.key, card.kind, card.front, card.back), card.topic.slug)
        assert key not in seen, (card.front, seen.get(key))
        seen[key] = card.front


def test_a_scenario_card_shows_its_options_and_answers_with_every_right_one(shipped_notes):
    """A "Which TWO" card lists the options, so its two answers are all the answers; a single one names its key."""
    questions = {q.scenario: q for q in Question.objects.active().prefetch_related("choices")}
    families = load_families()
    cards = Flashcard.objects.active().filter(kind="scenario")
    assert cards.filter(front__contains="Which TWO").exists()
    for card in cards:
        stem, offered = card.front.split("\nOptions: ")
        question = next(q for q in questions.values() if q.stem.startswith(stem.split(" Which")[0]))
        family = families[question.family]
        right = [family.options[o].name for o in family.requirement(question.requirement).meets]
        shown = offered.rstrip(".").split("; ")
        assert set(right) <= set(shown), card.front
        assert card.back.split("\n")[0].rstrip(".").split(". ")[0] in {
            right[0],
            " and ".join(right),
            " and ".join(reversed(right)),
        }, card.back


def test_duplicate_keys_merge_the_same_term_asked_twice():
    redshift = [
        CardDraft("a", "definition", "What is Amazon Redshift?", "A warehouse."),
        CardDraft("b", "definition", "What is Redshift (in Amazon Redshift)?", "A columnar warehouse."),
    ]
    assert duplicate_key(redshift[0], "amazon-redshift") == duplicate_key(redshift[1], "amazon-redshift")
    fifo = [
        CardDraft("c", "definition", "What is FIFO Queue (in Amazon SQS)?", "Ordered."),
        CardDraft("d", "definition", "What are FIFO queues (in SQS Queue Types)?", "Ordered, exactly once."),
    ]
    assert duplicate_key(fifo[0], "amazon-sqs") == duplicate_key(fifo[1], "amazon-sqs")
    ports = [
        CardDraft("e", "number", "SSH uses port […].", "SSH uses port 22."),
        CardDraft("f", "number", "Port […] is for SSH.", "Port 22 is for SSH."),
    ]
    assert duplicate_key(ports[0], "amazon-ec2") == duplicate_key(ports[1], "amazon-ec2")
    assert duplicate_key(redshift[0], "amazon-redshift") != duplicate_key(fifo[0], "amazon-redshift")


def test_restating_and_absolute_rules_on_their_own():
    s3 = TopicView(slug="amazon-s3", name="Amazon S3", names=frozenset({"amazon s3", "s3", "same region replication"}))
    assert restates("Same-Region Replication", "Replicates data within the same region to another bucket.", s3)
    assert not restates("Platform as a Service", "Provides a platform to build and run applications.", s3)
    assert _ABSOLUTE.search("Network drives attached to one EC2 instance at a time.")
    assert _NOT_A_CONCEPT.search("Security Group Scope") and _NOT_A_CONCEPT.search("Medium")
    assert not _NOT_A_CONCEPT.search("Security Group")


def test_number_cards_ask_only_numbers_the_exam_asks(shipped_notes):
    """Durability, availability, ports, timeouts, terms and discounts: not instance RAM, prices or quotas."""
    from learning.generate import exam_number

    cards = Flashcard.objects.active().filter(kind="number")
    assert cards.exists()
    for card in cards:
        assert exam_number(card.back, "") and "!" not in card.front, card.front


def test_no_card_is_a_fragment_or_beyond_the_exam(shipped_notes):
    from learning.generate import _INTERNALS, echoed_acronym, fragment

    for card in Flashcard.objects.active():
        assert not echoed_acronym(card.front), card.front
        if card.kind == "definition":
            assert not fragment(card.back) and not _INTERNALS.search(card.front), (card.front, card.back)
            term = asked_term(card.front)
            if term and re.search(r"\b[A-Z]{2,}s$", term):
                assert card.front.startswith("What are"), card.front
        if card.kind == "use_case":
            use = card.back.split()
            assert sum(w[:1].isupper() for w in use) * 2 <= len(use), card.back


def test_card_scope_rules_on_their_own():
    from learning.generate import echoed_acronym, exam_number, fragment

    assert not exam_number("C5.large: 2 vCPUs, 4 GB RAM.", "4 GB")
    assert not exam_number("Amazon Athena – Pricing: $5.00 per TB of data scanned.", "$5.00")
    assert exam_number("S3 Standard – Availability: 99.99% availability.", "99.99%")
    assert echoed_acronym("IAM identity access management – Components")
    assert fragment("Created by users based on their needs.")
    assert not fragment("A fully managed NoSQL database.")


def test_definition_backs_are_no_advice_and_name_no_provider(shipped_notes):
    """ "Implement Elasticity for your application" is advice, not a definition; "provided by Amazon Web Services
    (AWS)" is an aside every AWS definition could carry."""
    from learning.generate import _IMPERATIVE, _PROVIDER

    for card in Flashcard.objects.active().filter(kind="definition"):
        assert not _IMPERATIVE.match(card.back) and not _PROVIDER.search(card.back), (card.front, card.back)
        assert not re.match(r"What are (?:Kubernetes|Redis)\b", card.front), card.front


def test_number_cards_read_as_facts(shipped_notes):
    for front in Flashcard.objects.active().filter(kind="number").values_list("front", flat=True):
        assert not re.search(r"[–:-]\s*(?:it|this|they)\b|\b(?:our|we)\b", front, re.I), front
        assert not re.search(r"^[^(]*?\w\s*\(\[…\]\)", front) or re.search(
            r"(?:port|durability|layer)\s*\(\[…\]\)", front, re.I
        ), front


def test_definition_cards_stay_in_exam_scope(shipped_notes):
    """No card on a service's internals or naming scheme, and no term carrying an answer in brackets."""
    from learning.generate import _INTERNALS

    for card in Flashcard.objects.active().filter(kind="definition"):
        assert not _INTERNALS.search(card.front), card.front
        assert not re.search(r"\([^)]*\d[^)]*\)", asked_term(card.front) or ""), card.front


def test_no_definition_back_is_a_status_remark_or_a_list_of_uses(shipped_notes):
    """A child bullet under a term ("No longer available to new customers", "Compliance, lower latency, replication
    across accounts") says something about it, not what it is."""
    for back in Flashcard.objects.active().filter(kind="definition").values_list("back", flat=True):
        assert not _STATUS.match(back) and not uses_list(back), back


def test_status_and_uses_rules_on_their_own():
    assert uses_list("Compliance, lower latency, replication across accounts.")
    assert uses_list("Log aggregation, live replication between prod and test accounts")
    assert not uses_list("A managed NoSQL database, serverless")  # a definition with a verb form
    assert not uses_list("Stores objects in buckets, with versioning")
    assert not uses_list("Secondary backups of on-premises data")  # one phrase: maybe a definition
    assert _STATUS.match("No longer available to new customers") and not _STATUS.match("Not a database: a cache")


def test_no_generated_card_carries_a_slip_of_the_fingers(shipped_notes):
    for card in Flashcard.objects.active().exclude(kind="author"):
        assert misspellings(card.front) == [] and misspellings(card.back) == [], (card.front, card.back)


def test_a_slip_is_mended_and_derived_words_are_left_alone():
    mended = correct_typos("Applications that have steady-state, predicatable usage; availabilty matters.")
    assert mended == "Applications that have steady-state, predictable usage; availability matters."
    for word in ("burstable", "customizable", "multicloud", "preconfigured", "unencrypted", "autoscaling"):
        assert correct_typos(word) == word


def test_every_number_card_names_its_service_by_name(shipped_notes):
    """ "If object size is larger than [...], must use multi-part upload": a feature's name does not say which
    service the number belongs to."""
    for card in Flashcard.objects.active().filter(kind="number").select_related("topic"):
        own = re.sub(r"^(?:amazon|aws) ", "", card.topic.name.lower())
        assert own in card.front.lower(), card.front


def test_no_card_asks_for_the_list_in_the_notes(shipped_notes):
    """ "Name all 3 that your notes list" needs the notes open: AWS's own list may be longer (EC2 storage is more
    than EBS, instance store and EFS; NIST adds community cloud)."""
    for front in Flashcard.objects.active().values_list("front", flat=True):
        assert not re.search(r"your notes list|\bname all\b", front, re.I), front


def test_no_card_ends_in_a_word_cut_off(shipped_notes):
    for front, back in Flashcard.objects.active().values_list("front", "back"):
        assert not ends_cut(front) and not ends_cut(back), (front, back)


def test_a_cut_word_is_told_from_a_name_or_a_word():
    assert ends_cut("running in at least 2 Availability Zones high availab.")
    assert not ends_cut("running in at least 2 Availability Zones for high availability.")
    assert not ends_cut("Stores items in Amazon DynamoDB.")
    assert not ends_cut("Rapid elasticity.")


def test_no_card_asks_a_port_number(shipped_notes):
    """Port numbers are beyond the Cloud Practitioner exam ("MySQL or PostgreSQL access (port 3306 or 5432)")."""
    for card in Flashcard.objects.active().filter(kind__in=["number", "cloze"]):
        assert not re.search(r"\bports?\b", card.front, re.I), card.front


def test_no_card_wears_markup_latex_or_an_emoji(shipped_notes):
    from learning.generate import markup

    for card in Flashcard.objects.active():
        assert not markup(card.front) and not markup(card.back), card.front


def test_no_definition_card_asks_for_a_label_or_answers_with_a_bound(shipped_notes):
    from learning.generate import _LIMIT_OPEN, _PREDICATE_TERM

    for card in Flashcard.objects.active().filter(kind="definition"):
        term = asked_term(card.front)
        if term:
            assert not _PREDICATE_TERM.match(term), card.front  # "What is Defined at region level?"
            assert not _LIMIT_OPEN.match(card.back), card.front  # "≥ 500 MiB/s for st1."


def test_a_stand_for_card_answers_with_the_name_alone(shipped_notes):
    for card in Flashcard.objects.active().filter(front__startswith="What does", front__endswith="stand for?"):
        assert len(card.back.split()) <= 8, card.front


def test_no_what_is_card_is_answered_by_an_instruction_or_asks_what_a_practice_is(shipped_notes):
    """ "What is AWS CLI?" / "Automate routine tasks" answers a different question (what it is for), and "What is
    Automate to make experimentation easier?" reads as nonsense: such cards ask what the term is used for, or what the
    practice means, over every generated card."""
    from learning.generate import instruction

    for card in Flashcard.objects.active().filter(kind="definition"):
        if card.front.startswith(("What is ", "What are ")):
            assert not instruction(card.back), (card.front, card.back)
            assert not instruction(asked_term(card.front) or ""), card.front


def test_instruction_rule_on_its_own():
    from learning.generate import instruction

    for text in ("Automate routine tasks.", "Invoke APIs for one part of an application", "Improve through game days"):
        assert instruction(text), text
    for text in ("Set of rules for a subnet", "Copy of the data in another Region", "Open-source engine", "Stores"):
        assert not instruction(text), text
