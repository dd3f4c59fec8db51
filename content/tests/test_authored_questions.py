"""The author's own practice questions: every option says why it is right or wrong, from something checked.

Every snippet here is written for the test (no shipped notes).
"""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from content.catalog import load_catalog
from content.ingest.authored import OptionFacts
from quizzes.models import Question

EMPTY = "Correct: the answer the question gives."


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def ingest(tmp_path, text: str) -> None:
    (tmp_path / "mine.md").write_text(text)
    call_command("ingest", str(tmp_path), "--json", stdout=StringIO())


def choices(stem_start: str) -> dict:
    return {c.text: c for c in Question.objects.get(stem__startswith=stem_start).choices.all()}


@pytest.mark.django_db
def test_sentence_options_that_name_no_service_are_told_what_the_question_asks_for(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## Amazon EC2 practice",
            "",
            "1. A team must cut the cost of a steady workload that runs all year. What should it do?",
            "A. Use a larger instance",
            "B. Commit to a Reserved Instance for the year",
            "C. Turn the servers off at lunch",
            "D. Ask a colleague",
            "Answer: B",
            "Explanation: A one-year commitment buys a lower hourly price for a workload that never stops.",
        ),
    )
    found = choices("A team must cut the cost")
    for text in ("Use a larger instance", "Turn the servers off at lunch", "Ask a colleague"):
        said = found[text].explanation
        # not empty: it names the key and why the key meets the need, in the author's own words
        assert said.startswith("Not this one: the answer is “Commit to a Reserved Instance for the year”"), said
        assert "lower hourly price" in said
    assert all(c.explanation and c.explanation != EMPTY for c in found.values())


@pytest.mark.django_db
def test_a_question_that_asks_for_the_odd_one_out_says_which_options_hold(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## EC2 purchasing options",
            "",
            "1. Which of the following is not a way to pay for Amazon EC2 instances?",
            "A. Spot Instances",
            "B. Weekly rentals by the rack",
            "C. On-Demand Instances",
            "D. Reserved Instances",
            "Answer: B",
        ),
    )
    found = choices("Which of the following is not a way to pay")
    assert found["Weekly rentals by the rack"].explanation.startswith(
        "Correct: this is not a way to pay for Amazon EC2 instances."
    )
    spot = found["Spot Instances"].explanation
    # a wrong option holds: never "Correct." of a definition, and it says the question asks for the exception
    assert spot.startswith("Not this one: this is a way to pay for Amazon EC2 instances, and the question asks")
    assert "spare EC2 capacity" in spot  # what it is, from the checked fact


@pytest.mark.django_db
def test_the_authors_sentence_about_a_wrong_option_explains_it(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## Security practice",
            "",
            "1. Which service blocks SQL injection attempts against a website?",
            "A. AWS WAF",
            "B. Amazon Macie",
            "C. Talk to the network team",
            "Answer: A",
            "Explanation: AWS WAF filters web requests by rules. Talking to the network team fixes nothing by itself.",
        ),
    )
    found = choices("Which service blocks SQL injection")
    macie = found["Amazon Macie"]
    assert macie.explanation.startswith("Not this one: Amazon Macie")  # its checked fact, never the key's
    team = found["Talk to the network team"].explanation
    assert team == "Not this one: Talking to the network team fixes nothing by itself."
    assert "Talking to the network team" not in found["AWS WAF"].explanation


@pytest.mark.django_db
def test_the_learners_arrow_notes_on_options_do_not_give_the_answer_away(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## AWS global infrastructure",
            "",
            "1. Which TWO of these services are scoped to one Region? (Choose two)",
            "- [ ] AWS IAM -> global",
            "- [x] Amazon EC2 -> regional",
            "- [ ] Amazon CloudFront -> global",
            "- [x] Amazon RDS -> regional",
        ),
    )
    found = choices("Which TWO of these services are scoped")
    assert set(found) == {"AWS IAM", "Amazon EC2", "Amazon CloudFront", "Amazon RDS"}


def test_an_option_gets_the_checked_sentence_about_itself():
    facts = OptionFacts(load_catalog())
    assert "Dedicated Instances" in facts.fact("Dedicated instances.")  # a family option of that very name
    assert facts.own("Dedicated instances.")
    assert facts.fact("Amazon EBS volume").startswith("Amazon EBS")  # "EBS" is an acronym, not a plural set
    assert "Reserved Instances" in facts.fact("Reserved instances")  # the set that names it
    assert not facts.own("Reserved instances")  # ... which is not a sentence about it alone
    # one word that is part of many names ("Developer" of the Cloud Development Kit) gets nothing
    assert facts.fact("Developer") is None


@pytest.mark.django_db
def test_a_pillar_named_in_the_frameworks_definition_is_explained_by_it_and_an_english_word_is_no_service(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## Well-Architected Framework",
            "",
            "Which TWO of these are pillars of the AWS Well-Architected Framework?",
            "A. Reliability",
            "B. Elasticity",
            "C. Cost Optimization",
            "D. Scalability",
            "Answer: A, C",
        ),
    )
    found = choices("Which TWO of these are pillars")
    # "Elasticity" is a word of its own, not a slip for ElastiCache
    assert "ElastiCache" not in found["Elasticity"].explanation
    # the key is backed by the checked definition that lists the pillars, never by an empty sentence
    for key in ("Reliability", "Cost Optimization"):
        said = found[key].explanation
        assert said.startswith("Correct. ") and "pillars" in said, said
    # a wrong option says what it is and that the keys' list does not hold it
    assert "The answers are “Reliability” and “Cost Optimization”" in found["Scalability"].explanation
    assert all(c.explanation != EMPTY for c in found.values())


@pytest.mark.django_db
def test_an_abbreviation_key_is_explained_where_a_definition_spells_it_out(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## Amazon WorkSpaces",
            "",
            "A school wants to hand every pupil a Windows desktop with Amazon WorkSpaces. What kind of offer is it?",
            "A. DaaS",
            "B. IaaS",
            "C. PaaS",
            "Answer: A",
            "Explanation: And IaaS is mostly for compute and storrage. It COULD BE anything...",
        ),
    )
    found = choices("A school wants to hand every pupil")
    assert "desktop as a service" in found["DaaS"].explanation
    # the learner's misspelt aside and trailing thought are not turned into explanations
    assert not any("storrage" in c.explanation or "COULD" in c.explanation for c in found.values())


@pytest.mark.django_db
def test_a_key_with_nothing_checked_behind_it_says_so_plainly(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## Amazon S3",
            "",
            "A team copies files between two folders of its laptop. Which option describes the cost?",
            "A. Nothing is charged for it",
            "B. A fee per gigabyte",
            "C. A fee per file",
            "Answer: A",
        ),
    )
    said = choices("A team copies files between")["Nothing is charged for it"].explanation
    assert said != EMPTY and "answer key" in said


@pytest.mark.django_db
def test_a_question_about_where_services_live_says_regional_or_global_for_each_option(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## AWS Global Infrastructure",
            "",
            "Which TWO of the following services are global?",
            "A. Amazon CloudFront",
            "B. AWS Lambda",
            "C. AWS IAM",
            "D. Amazon EBS",
            "Answer: A, C",
        ),
    )
    found = choices("Which TWO of the following services are global")
    for text, c in found.items():
        assert re.search(r"\b(?:global|regional|one Availability Zone|one Region)\b", c.explanation), (text, c)


@pytest.mark.django_db
def test_a_misspelt_service_in_an_option_shows_in_the_catalogs_spelling(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## Amazon Athena",
            "",
            "Which service runs SQL straight on files kept in S3 buckets?",
            "A. Amazon Athen",
            "B. Amazon EC2",
            "C. AWS Config",
            "Answer: A",
        ),
    )
    found = choices("Which service runs SQL straight on files")
    assert "Amazon Athena" in found and "Amazon Athen" not in found
    assert "Athena" in found["Amazon Athena"].explanation


@pytest.mark.django_db
def test_a_sentence_key_is_explained_by_the_checked_sentence_on_the_topic_the_stem_names(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## Amazon EC2",
            "",
            "Which of these is an example of horizontal scaling for a busy shop?",
            "A. Moving to one bigger server",
            "B. Adding more instances of the same size",
            "C. Adding memory to the server",
            "Answer: B",
        ),
    )
    found = choices("Which of these is an example of horizontal scaling")
    assert "horizontally with more instances" in found["Adding more instances of the same size"].explanation
    # and the wrong options are told the same reason
    assert "horizontally with more instances" in found["Moving to one bigger server"].explanation


@pytest.mark.django_db
def test_an_explanation_that_is_only_a_name_is_no_reason(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## Amazon Route 53",
            "",
            "Which service can send users to a standby Region when the main one fails a health check?",
            "A. Amazon Route 53",
            "B. Amazon CloudFront",
            "C. VPC Peering",
            "Answer: A",
            "Explanation: CloudFront",
        ),
    )
    found = choices("Which service can send users to a standby Region")
    assert not any(c.explanation.endswith(": CloudFront.") or c.quote == "CloudFront" for c in found.values())
    assert "DNS" in found["Amazon Route 53"].explanation


@pytest.mark.django_db
def test_a_key_that_names_a_feature_is_explained_by_the_checked_sentence_about_that_feature(tmp_path):
    ingest(
        tmp_path,
        lines(
            "## AWS Support Plans",
            "",
            "A retailer on Enterprise Support has a question about an invoice. Who should it ask?",
            "A. AWS Support Concierge",
            "B. AWS re:Post",
            "C. A solutions architect from a partner",
            "Answer: A",
            "",
            "## Amazon EBS",
            "",
            "How can a team protect the block volumes of its EBS-backed servers if a disk is stolen?",
            "A. Turn on encryption for the EBS volumes",
            "B. Give the servers bigger volumes",
            "C. Use a faster volume type",
            "Answer: A",
        ),
    )
    support = choices("A retailer on Enterprise Support")
    said = support["AWS Support Concierge"].explanation
    # not "the answer key gives this option": the checked sentence about the Concierge team says why
    assert said.startswith("Correct. ") and "billing and account" in said, said
    # a wrong option with nothing of its own is told the key and that reason
    assert "billing and account" in support["A solutions architect from a partner"].explanation
    ebs = choices("How can a team protect the block volumes")
    said = ebs["Turn on encryption for the EBS volumes"].explanation
    assert said.startswith("Correct. ") and "KMS" in said and "at rest" in said, said
    assert not any("do not say why" in c.explanation for q in (support, ebs) for c in q.values())


def test_every_answer_reference_sentence_links_an_aws_page_and_a_retired_service_says_so():
    from content.ingest.authored import load_answer_reference

    facts = load_answer_reference()
    assert facts and all(f.url.startswith("https://") and "aws" in f.url for f in facts)
    catalog = load_catalog()
    for f in facts:
        assert all(slug in catalog.topics for slug in f.topics), f.topics
    # an "encrypted" key is read for the storage the question is about, never for every service at once
    facts_for = OptionFacts(catalog)
    assert "EBS" in facts_for.key_reference("How are EBS volumes kept safe?", "Keep them encrypted")[0]
    assert "S3" in facts_for.key_reference("How are S3 objects kept safe?", "Keep them encrypted")[0]
    assert facts_for.key_reference("How are the servers kept safe?", "Keep them encrypted") == ("", False)
    assert "retired" in facts_for.key_reference("Which service ran Chef and Puppet?", "AWS OpsWorks")[0]


@pytest.mark.django_db
def test_html_checkbox_questions_are_read_as_options_with_no_html_left(tmp_path):
    """Options written as HTML checkboxes, an option running onto the next line, the answer folded in <details>
    with its reason after the letter and a chapter pointer: options, stem and explanations show no tag and no
    "See Chapter"; every option is explained."""
    ingest(
        tmp_path,
        lines(
            "## Amazon S3 practice",
            "",
            "4. Which storage class keeps rarely read archives for the lowest monthly price?",
            "",
            '- <input type="checkbox" enabled /> A.  A class for objects that are read many times in every',
            "hour of the day </input>",
            '- <input type="checkbox" enabled /> B. S3 Glacier Deep Archive',
            '- <input type="checkbox" enabled />C. S3 Standard',
            '- <input type="checkbox" enabled /> D. S3 One Zone-IA',
            "<details markdown=1><summary markdown='span'>Answer</summary>",
            "      Correct answer:B. Deep Archive costs least per gigabyte stored, and a restore takes",
            "hours. See Chapter 7.",
            "    </details>",
            "</br>",
        ),
    )
    got = choices("Which storage class keeps rarely read archives")
    assert set(got) == {
        "A class for objects that are read many times in every hour of the day",
        "S3 Glacier Deep Archive",
        "S3 Standard",
        "S3 One Zone-IA",
    }
    assert [t for t, c in got.items() if c.correct] == ["S3 Glacier Deep Archive"]
    for c in got.values():
        for text in (c.text, c.explanation, c.quote):
            assert "<" not in text and ">" not in text and "Chapter" not in text, text
        assert c.explanation and c.explanation != EMPTY
    assert "restore takes hours" in got["S3 Glacier Deep Archive"].explanation + got["S3 Glacier Deep Archive"].quote


@pytest.mark.django_db
def test_an_option_that_is_an_action_on_a_service_is_not_explained_by_what_the_service_is(tmp_path):
    """ "Increasing the CPU power of an existing EC2 instance" is vertical scaling: EC2's definition says nothing of
    why it is a kind of scalability, so the key says the notes do not give a reason rather than define EC2."""
    ingest(
        tmp_path,
        lines(
            "## Scalability practice",
            "",
            "1. Which of these is an example of vertical scaling?",
            "A. Increasing the CPU power of an existing EC2 instance",
            "B. Deploying an application to a second Region",
            "Answer: A",
        ),
    )
    key = choices("Which of these is an example of vertical scaling?")[
        "Increasing the CPU power of an existing EC2 instance"
    ]
    assert "virtual server" not in key.explanation.lower() and "Amazon EC2" not in key.explanation


@pytest.mark.django_db
def test_a_key_that_is_only_a_name_like_aws_is_explained_by_the_checked_sentence_of_the_model_the_stem_names(tmp_path):
    """ "Who is responsible for the security of the cloud?" keyed "AWS": the word is too common to look up, but the
    Shared Responsibility Model's checked definition says AWS secures the cloud itself, so the key cites it."""
    ingest(
        tmp_path,
        lines(
            "## Shared responsibility practice",
            "",
            "1. Who is responsible for the security of the cloud according to the AWS Shared Responsibility Model?",
            "A. The customer",
            "B. AWS",
            "C. Third-party auditors",
            "Answer: B",
        ),
    )
    key = choices("Who is responsible for the security of the cloud")["AWS"]
    assert key.explanation.startswith("Correct. ") and "security OF the cloud" in key.explanation


@pytest.mark.django_db
def test_an_authors_option_quotes_what_the_notes_say_of_it_elsewhere(tmp_path):
    """A practice question's options are quoted from the notes' own line about them ("Amazon CloudFront is a content
    delivery network ..."), as a scenario question's are; and a "What is X?" card the author wrote backs X too."""
    ingest(
        tmp_path,
        lines(
            "## Amazon CloudFront",
            "",
            "- Amazon CloudFront is a content delivery network that caches content at edge locations.",
            "",
            "## Networking cards",
            "",
            "Q: What is AWS Global Accelerator?",
            "A: A service that sends users' traffic over the AWS network to the nearest healthy endpoint.",
            "",
            "## Practice",
            "",
            "1. Which service caches copies of a website's images close to viewers around the world?",
            "A. Amazon CloudFront",
            "B. AWS Global Accelerator",
            "C. Amazon Route 53",
            "Answer: A",
        ),
    )
    picked = choices("Which service caches copies of a website's images")
    assert picked["Amazon CloudFront"].quote.startswith("Amazon CloudFront is a content delivery network")
    assert picked["AWS Global Accelerator"].quote.startswith("AWS Global Accelerator: A service that sends")
    assert picked["Amazon Route 53"].quote == ""


@pytest.mark.django_db
def test_a_question_keyed_on_a_service_aws_has_closed_is_not_published(tmp_path):
    """ "Petabytes from the data center: Snowball" was right once; Snowball Edge is closed to new customers, so the
    notes' question has no right answer today and is not asked (the Snow Family page says why)."""
    ingest(
        tmp_path,
        lines(
            "## Migration practice",
            "",
            "1. Which service moves petabytes of archives from a data center to AWS offline?",
            "A. Amazon EBS",
            "B. AWS Snowball",
            "Answer: B",
            "",
            "2. Which service caches content at edge locations close to viewers?",
            "A. Amazon CloudFront",
            "B. Amazon EBS",
            "Answer: A",
        ),
    )
    assert not Question.objects.filter(stem__contains="petabytes of archives").exists()
    assert Question.objects.filter(stem__contains="caches content at edge").exists()


@pytest.mark.django_db
def test_a_wrong_option_naming_a_feature_says_what_the_feature_is_for(tmp_path):
    """ "No access to the Support Concierge" among Enterprise's benefits is answered by the checked sentence about the
    Concierge (part of Enterprise Support), not only by "the answer is ..."."""
    ingest(
        tmp_path,
        lines(
            "## Support practice",
            "",
            "1. Which of the following is a benefit of the Enterprise Support plan?",
            "A. Access to a Technical Account Manager (TAM)",
            "B. No access to the Support Concierge",
            "C. Support for one AWS account only",
            "Answer: A",
        ),
    )
    wrong = choices("Which of the following is a benefit of the Enterprise Support plan")[
        "No access to the Support Concierge"
    ]
    assert "Concierge team, part of Enterprise Support" in wrong.explanation


@pytest.mark.django_db
def test_a_stem_asking_about_a_concept_with_a_common_name_is_explained_by_its_checked_sentence(tmp_path):
    """ "What is the main purpose of an AWS Region?": "AWS Region" is too common a name to count as a mention in prose,
    but it is what the stem asks about, so the global infrastructure's checked sentence explains the key."""
    ingest(
        tmp_path,
        lines(
            "## Global infrastructure practice",
            "",
            "1. What is the main purpose of an AWS Region?",
            "A. To provide a single physical data center location",
            "B. To provide a geographical area that contains multiple Availability Zones",
            "Answer: B",
        ),
    )
    key = choices("What is the main purpose of an AWS Region?")[
        "To provide a geographical area that contains multiple Availability Zones"
    ]
    assert key.explanation.startswith("Correct. ") and "separate geographic areas" in key.explanation


@pytest.mark.django_db
def test_an_option_describing_a_thing_made_with_a_service_is_not_explained_by_the_service(tmp_path):
    """ "A snapshot of a pre-configured EC2 instance" is an image, not EC2: what EC2 is explains nothing of it."""
    ingest(
        tmp_path,
        lines(
            "## Amazon EC2 practice",
            "",
            '1. What is a "Golden Image" in the context of AWS?',
            "A. A highly expensive EC2 instance",
            "B. A snapshot of a pre-configured EC2 instance used for launching new instances",
            "C. A specific type of AWS Support plan",
            "Answer: B",
        ),
    )
    key = choices('What is a "Golden Image"')[
        "A snapshot of a pre-configured EC2 instance used for launching new instances"
    ]
    assert "resizable virtual servers" not in key.explanation


@pytest.mark.django_db
def test_a_question_whose_stem_names_its_answer_alone_is_reported_not_published(tmp_path):
    """ "store a secret password" over AWS Secrets Manager, the only option that says "secret", is answered by
    reading; the ingest report names the line instead. Sentence options that share a word with the stem are kept."""
    (tmp_path / "mine.md").write_text(
        lines(
            "## Security practice",
            "",
            "1. A developer wants to store a secret password for a database. Which service should it use?",
            "A. AWS KMS",
            "B. AWS Secrets Manager",
            "C. AWS IAM",
            "Answer: B",
            "",
            "2. Which service protects websites against DDoS attacks?",
            "A. AWS Shield",
            "B. Amazon Macie",
            "C. AWS KMS",
            "Answer: A",
        )
    )
    out = StringIO()
    call_command("ingest", str(tmp_path), "--json", stdout=out)
    assert not Question.objects.filter(stem__contains="secret password").exists()
    assert Question.objects.filter(stem__contains="DDoS attacks").exists()
    assert any(
        "mine:3: practice question not published" in w and "'secret'" in w
        for w in json.loads(out.getvalue())["warnings"]
    )


@pytest.mark.django_db
def test_an_authors_option_quotes_the_notes_glossary_line_for_it_and_never_an_address(tmp_path):
    """An option with no page of its own ("Performance Efficiency") quotes the notes' labelled line for it; an S3
    address that opens with the service's name is no line about S3."""
    ingest(
        tmp_path,
        lines(
            "## Well-Architected pillars",
            "",
            "- **Performance Efficiency**: use computing resources efficiently as demand and technology change",
            "- **Reliability**: recover from failures quickly and meet demand with the capacity it needs",
            "",
            "## S3",
            "",
            "s3://my-bucket/my-file.txt",
            "",
            "## Practice",
            "",
            "1. Which pillar is about using computing resources efficiently?",
            "A. Reliability",
            "B. Performance Efficiency",
            "C. Amazon S3",
            "Answer: B",
        ),
    )
    options = choices("Which pillar is about")
    assert options["Performance Efficiency"].quote.startswith("Performance Efficiency: use computing resources")
    assert options["Reliability"].quote.startswith("Reliability: recover from failures")
    assert "://" not in options["Amazon S3"].quote


def test_a_practice_question_whose_answer_hides_under_a_click_to_reveal_fold_is_a_question():
    from content.ingest.parse import parse

    outline = parse(
        "### Q4\nAWS allows users to provision resources via:  \nA. Physical visit to the data center  \n"
        "B. Web interface  \nC. Phone call to AWS support  \n\n<details>\n<summary>Click to reveal</summary>\n"
        "**Answer:** B  \n**Explanation:** AWS provides resources via a web application for instant access.\n"
        "</details>\n"
    )
    (question,) = [q for s in outline.walk() for q in s.questions]
    assert question.options[question.correct[0]] == "Web interface"
    assert not [b for s in outline.walk() for b in s.blocks if "Physical visit" in b.text]
