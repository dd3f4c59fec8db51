"""Note formats other people write: outlines, the author's own cards and practice questions, note-app markup.

Every snippet here is written for the test (no shipped notes), in the shapes public study notes use.
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from content.catalog import load_catalog
from content.ingest.parse import parse
from content.ingest.topics import assign
from content.models import Section
from learning.models import Flashcard
from quizzes.models import Question


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def titles(outline) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in outline.walk() if s.title]


def texts(outline) -> list[str]:
    return [b.text for s in outline.walk() for b in s.blocks]


def reasons(outline) -> dict[int, str]:
    return {d.line: d.reason for d in outline.dropped}


# --- numbered and lettered outline headings ----------------------------------------------------------


def test_dotted_outline_numbers_are_headings_nested_by_depth():
    outline = parse(
        lines(
            "1. AWS KMS",
            "1.1 What it is",
            "KMS creates and controls the keys that encrypt your data.",
            "1.2 Key features",
            "- Integrated with most AWS services",
            "2. AWS CloudTrail",
            "CloudTrail records the API calls made in an account.",
            "3. AWS Config",
            "- Records how resources are configured over time",
        )
    )
    assert titles(outline) == [
        (1, "AWS KMS"), (2, "What it is"), (2, "Key features"), (1, "AWS CloudTrail"), (1, "AWS Config"),
    ]  # fmt: skip
    sections, _ = assign(outline, load_catalog())
    placed = {ts.topic for ts in sections if ts.blocks}
    assert {"aws-kms", "aws-cloudtrail", "aws-config"} <= placed


def test_roman_and_letter_outline_headings_with_content_under_them():
    outline = parse(
        lines(
            "I. Identity",
            "A. IAM",
            "IAM manages users, groups and roles.",
            "B. Organizations",
            "Organizations groups accounts under one payer.",
            "II. Networking",
            "A. VPC",
            "A VPC is a logically isolated network.",
        )
    )
    assert titles(outline) == [
        (1, "Identity"), (2, "IAM"), (2, "Organizations"), (1, "Networking"), (2, "VPC"),
    ]  # fmt: skip


def test_a_practice_questions_picked_answer_is_no_heading_over_the_next_question():
    """A file of numbered questions, each with the one answer its author picked ("C. Store sessions in ElastiCache"):
    the lettered answers are no outline headings (the run does not start at A, or follows a question), and the stem's
    question line is no heading either, so no question's stem sits under another question's answer."""
    outline = parse(
        lines(
            "# Exam",
            "",
            "1. A developer needs to store session data for a web application on several EC2 instances.",
            "C. Store sessions in Amazon ElastiCache Redis",
            "",
            "2. A Lambda function needs permission to read objects from an S3 bucket.",
            "What is the MOST secure way to provide access?",
            "B. Attach an IAM role to the Lambda function",
            "",
            "3. A developer wants to process messages asynchronously between microservices.",
            "Which AWS service is BEST suited?",
            "",
            "A. Amazon SQS",
            "SQS holds messages until a consumer polls for them.",
        )
    )
    assert titles(outline) == [(1, "Exam")]
    shown = texts(outline)
    assert "B. Attach an IAM role to the Lambda function" in shown and "A. Amazon SQS" in shown


@pytest.mark.parametrize("marker", ["1.", "1)", "(1)"])
def test_a_numbered_list_of_names_stays_a_list(marker):
    second = marker.replace("1", "2")
    outline = parse(lines("Compute services", f"{marker} EC2", f"{second} Lambda", "", "Lambda runs code."))
    assert ("EC2" in texts(outline)) and ("Lambda" in texts(outline))
    assert (1, "EC2") not in titles(outline)


def test_a_numbered_title_over_its_paragraph_is_a_heading():
    outline = parse(lines("2) Amazon SQS", "SQS is a managed message queue.", "", "3) Amazon SNS", "- pub/sub topics"))
    assert titles(outline) == [(1, "Amazon SQS"), (1, "Amazon SNS")]


# --- the author's own cards ----------------------------------------------------------------------------


def cards(outline) -> list[tuple[str, str]]:
    return [(c.front, c.back) for s in outline.walk() for c in s.cards]


def test_q_and_a_pairs_are_the_authors_cards_exactly_as_written():
    outline = parse(
        lines(
            "# Amazon S3",
            "",
            "Q: What is the largest object S3 stores?",
            "A: 5 TB (a single PUT takes up to 5 GB)",
            "",
            "**Question:** Which class is cheapest for archives?",
            "**Answer:** S3 Glacier Deep Archive,",
            "retrieval within 12 hours.",
            "",
            "- Durability of S3::eleven nines",
            "- Q1. Can a bucket name be reused by another account?",
            "- A: Only after you delete it, names are global.",
        )
    )
    assert cards(outline) == [
        ("What is the largest object S3 stores?", "5 TB (a single PUT takes up to 5 GB)"),
        ("Which class is cheapest for archives?", "S3 Glacier Deep Archive, retrieval within 12 hours."),
        ("Durability of S3", "eleven nines"),
        ("Can a bucket name be reused by another account?", "Only after you delete it, names are global."),
    ]
    assert texts(outline) == []  # nothing of them is left to become a definition card


def test_a_resource_type_path_is_not_a_card_pair():
    """ "1. AWS::Serverless::Function --> Lambda" names a template's resource type; it is no Obsidian front::back card
    with the front "1. AWS", and its line is kept as a line."""
    outline = parse(
        lines("# SAM", "1. AWS::Serverless::Function --> Lambda", "2. AWS::Serverless::Api --> API Gateway")
    )
    assert cards(outline) == []
    assert len(texts(outline)) == 2


def test_a_template_function_is_not_a_card_pair():
    """ "Outputs are read with Ref & Fn::GetAtt" and "cross-stack values use exports + Fn::ImportValue" name template
    functions: no front::back card is cut at their "::" ("... Fn" / "GetAtt"), and each line is kept. A real pair
    beside them still is one."""
    outline = parse(
        lines(
            "# Templates",
            "- Outputs are read with Ref & Fn::GetAtt in other resources",
            "- Cross-stack values use exports + Fn::ImportValue",
            "- Values are joined with Type::SubType paths in the tool",
            "- Durability of S3::eleven nines",
        )
    )
    assert cards(outline) == [("Durability of S3", "eleven nines")]
    assert len(texts(outline)) == 3


def test_an_ipv6_prefix_is_not_a_card_pair():
    """ "The catch-all route (0.0.0.0/0 for IPv4, ::/0 for IPv6) ..." and "Link-local addresses come from the
    FE80::/10 block" hold IPv6 prefixes: no front::back card is cut at their colons, and each line is kept."""
    outline = parse(
        lines(
            "# Route tables",
            "- The catch-all route (0.0.0.0/0 for IPv4, ::/0 for IPv6) sends traffic to the gateway.",
            "- Link-local addresses come from the FE80::/10 block on every interface.",
        )
    )
    assert cards(outline) == []
    assert len(texts(outline)) == 2


def test_arns_and_urls_are_not_card_pairs():
    outline = parse(lines("# IAM", "- arn:aws:iam::123456789012:user/bob", "- see https://docs.aws.amazon.com::x"))
    assert cards(outline) == []
    assert len(texts(outline)) == 2


def test_a_pair_with_only_an_arrow_for_its_answer_is_no_card():
    """ "#### Memory optimized ::->" is a card the author began and never answered; the one they finished is a card."""
    outline = parse(lines("# EC2", "#### Memory optimized ::->", "#### Compute optimized :: high-performance CPUs"))
    assert cards(outline) == [("Compute optimized", "high-performance CPUs")]


# --- practice questions --------------------------------------------------------------------------------

PRACTICE = lines(
    "## Missed practice questions",
    "",
    "1. A company must keep records for 10 years at the lowest cost. Which storage class fits?",
    "A. S3 Standard",
    "B. S3 Glacier Deep Archive",
    "C. S3 One Zone-IA",
    "D. Amazon EBS",
    "My answer: C",
    "Correct answer: B",
    "Explanation: Deep Archive is the lowest-cost class, for data read rarely, restored within 12 hours.",
    "",
    "2. Which TWO are serverless compute services? (Choose two)",
    "- [x] AWS Lambda",
    "- [ ] Amazon EC2",
    "- [x] AWS Fargate",
    "- [ ] Amazon Lightsail",
    "",
    "Which service gives a managed NoSQL key-value database?",
    "a) Amazon RDS",
    "b) Amazon DynamoDB",
    "c) Amazon Redshift",
    "A : Amazon DynamoDB",
    "I chose a) because it says database",
)


def test_practice_questions_keep_stem_options_and_key_as_written():
    outline = parse(PRACTICE)
    found = [q for s in outline.walk() for q in s.questions]
    assert [(q.stem, q.correct) for q in found] == [
        ("A company must keep records for 10 years at the lowest cost. Which storage class fits?", [1]),
        ("Which TWO are serverless compute services? (Choose two)", [0, 2]),
        ("Which service gives a managed NoSQL key-value database?", [1]),
    ]
    assert found[0].options == ["S3 Standard", "S3 Glacier Deep Archive", "S3 One Zone-IA", "Amazon EBS"]
    assert found[0].explanation.startswith("Deep Archive is the lowest-cost class")
    assert texts(outline) == []  # no bare answers or options on any page
    why = reasons(outline)
    assert why[8] == why[23] == "the learner's own answer"


def test_a_checkbox_options_own_letter_is_not_part_of_its_text():
    """ "- [ ] A. Simple Routing Policy": the box and the letter are both scaffolding; the option reads "Simple Routing
    Policy", as the other layouts' options do."""
    outline = parse(lines(
        "1. Which routing policy answers with several healthy records at random?",
        "- [ ] A. Simple Routing Policy",
        "- [ ] B. Weighted Routing Policy",
        "- [x] C. Multivalue Routing Policy",
    ))  # fmt: skip
    found = [q for s in outline.walk() for q in s.questions]
    assert found and found[0].options == [
        "Simple Routing Policy",
        "Weighted Routing Policy",
        "Multivalue Routing Policy",
    ]
    assert found[0].correct == [2]


def test_a_practice_questions_explanation_goes_to_the_page_of_its_key():
    sections, warnings = assign(parse(PRACTICE), load_catalog())
    by_topic = {ts.topic: ts for ts in sections if ts.questions}
    assert set(by_topic) >= {"s3-storage-classes", "aws-lambda", "amazon-dynamodb"}
    explanation = by_topic["s3-storage-classes"].blocks[0]
    assert explanation.origin == "explanation" and explanation.line == 10
    assert warnings == []


def test_a_to_do_list_with_ticked_boxes_is_not_a_question():
    outline = parse(lines("Study plan for the week", "- [x] Read the S3 FAQ", "- [ ] Watch the VPC video"))
    assert [q for s in outline.walk() for q in s.questions] == []


def test_options_without_an_answer_are_left_as_notes():
    outline = parse(lines("Compare the storage options below", "A. Block storage", "B. Object storage"))
    assert [q for s in outline.walk() for q in s.questions] == []


@pytest.mark.django_db
def test_ingest_writes_the_authors_cards_and_questions_word_for_word(tmp_path):
    (tmp_path / "mine.md").write_text(
        PRACTICE + lines("", "# Lambda", "", "Q: How long can one Lambda invocation run?", "A: 15 minutes")
    )
    out = StringIO()
    call_command("ingest", str(tmp_path), "--json", stdout=out)
    json.loads(out.getvalue())
    card = Flashcard.objects.get(kind="author")
    assert (card.front, card.back, card.topic.slug) == (
        "How long can one Lambda invocation run?",
        "15 minutes",
        "aws-lambda",
    )
    question = Question.objects.get(stem__startswith="A company must keep records")
    assert question.kind == "single" and question.topic.slug == "s3-storage-classes"
    assert [(c.text, c.correct) for c in question.choices.order_by("position")] == [
        ("S3 Standard", False), ("S3 Glacier Deep Archive", True), ("S3 One Zone-IA", False), ("Amazon EBS", False),
    ]  # fmt: skip
    assert Question.objects.get(stem__startswith="Which TWO").kind == "multi"
    page = " ".join(s.plain_text for s in Section.objects.filter(topic__slug="s3-storage-classes"))
    assert "Deep Archive is the lowest-cost class" in page
    everything = " ".join(Section.objects.values_list("plain_text", flat=True))
    assert "My answer" not in everything and "I chose" not in everything
    assert not Flashcard.objects.filter(back__contains="lowest-cost class").exclude(kind="author").exists()


# --- note-app markup -----------------------------------------------------------------------------------


def test_callouts_latex_emoji_wikilinks_and_highlights_never_show_raw():
    outline = parse(
        lines(
            "# Exam tips 🚀",
            "> [!TIP] Spot pricing",
            "> Spot instances cost up to 90% less $\\ge$ the On-Demand price ✅",
            "- ==Lambda== runs at most 15 min $\\le 900$ seconds",
            "- See [[Amazon S3|S3]] and [[Amazon EBS]] for storage",
            "- Storage costs $5 and $10 per month",
            "- ## Glacier",
        )
    )
    shown = " ".join(texts(outline) + [t for _, t in titles(outline)])
    for raw in ("[!", "$", "\\", "==", "[[", "🚀", "✅", "##"):
        assert raw not in shown.replace("$5 and $10", ""), raw
    assert "Spot instances cost up to 90% less ≥ the On-Demand price" in texts(outline)
    assert "Storage costs $5 and $10 per month" in texts(outline)
    assert titles(outline) == [(1, "Exam tips")]


def test_a_wikilink_citing_part_of_another_page_is_dropped_and_table_cells_lose_their_markup():
    outline = parse(
        lines(
            "# Security services",
            "- Artifact [[Module 4 - Cloud Security#^f5f864]] gives on-demand compliance reports.",
            "- See [[Amazon S3]] and [[Amazon EBS|EBS]].",
            "",
            "| Service | Description |",
            "| --- | --- |",
            "| Macie [[Module 4 - Cloud Security#Section 2]] | ==Finds== sensitive data in S3 #security |",
        )
    )
    shown = " ".join(texts(outline))
    assert "Artifact gives on-demand compliance reports." in shown
    assert "See Amazon S3 and EBS." in shown
    assert "[[" not in shown and "==" not in shown and "#security" not in shown and "^f5f864" not in shown
    table = next(b for s in outline.walk() for b in s.blocks if b.kind == "table")
    assert table.rows[1] == ["Macie", "Finds sensitive data in S3"]


def test_obsidian_tags_and_block_ids_never_show_raw():
    outline = parse(
        lines(
            "# Amazon EFS ^efs-top",
            "- EFS is a managed NFS file system many Linux instances mount at once. #storage #aws/efs",
            "- Pick it for #shared files across instances ^files-1",
            "- C# apps and issue #1 stay as written",
        )
    )
    assert texts(outline) == [
        "EFS is a managed NFS file system many Linux instances mount at once.",
        "Pick it for shared files across instances",
        "C# apps and issue #1 stay as written",
    ]
    assert titles(outline) == [(1, "Amazon EFS")]


def test_front_matter_is_metadata_not_notes():
    outline = parse(lines("---", "tags: [aws, s3]", "created: 2024-01-01", "---", "# S3", "S3 stores objects."))
    assert texts(outline) == ["S3 stores objects."]
    assert reasons(outline)[1] == "front matter"


def test_a_caption_above_an_image_is_not_a_heading():
    outline = parse(
        lines(
            "EC2 instance lifecycle",
            "",
            "Lifecycle diagram",
            "![lifecycle](img/ec2.png)",
            "An instance moves from pending to running, then stopping, stopped or terminated.",
        )
    )
    assert "Lifecycle diagram" not in [t for _, t in titles(outline)]
    assert reasons(outline)[3] == "image caption"
    assert "An instance moves from pending to running, then stopping, stopped or terminated." in texts(outline)


# --- any text at all -----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "# ", "## ", "1. ", "1.1 ", "I. ", "A. ", "a) ", "- ", "* ", "- [x] ", "- [ ] ", "> [!TIP] ", "Q: ", "A: ",
        "Answer: ", "My answer: ", "Explanation: ", "::", "|", "---", "```", "$\\ge$", "==", "[[", "]]", "![i](x.png)",
        "**", "\t", "    ", "\n", "\n\n", "S3", "EC2", "Lambda is a service", ":", "?", "🚀", "\r",
    ]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_parser_never_raises_and_every_block_points_at_real_lines(text):
    outline = parse(text)
    count = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    for section in outline.walk():
        assert 1 <= section.line <= count or (not section.title and not section.line)
        for b in section.blocks:
            assert 1 <= b.line <= b.end_line <= count, (b, count)
        for c in section.cards:
            assert 1 <= c.line <= c.end_line <= count
        for q in section.questions:
            assert 1 <= q.line <= q.end_line <= count and q.correct
    for d in outline.dropped:
        assert 1 <= d.line <= d.end_line <= count
    sections, _ = assign(outline, load_catalog())
    for ts in sections:
        for b in ts.blocks:
            assert 1 <= b.line <= b.end_line <= count


def test_every_card_made_from_a_table_row_names_the_rows_subject():
    from content.catalog import normalise
    from content.ingest.facts import extract
    from learning.generate import FactView, TopicView, cards_for

    outline = parse(
        lines(
            "# EC2 purchase options",
            "",
            "| Option | Discount | Best for |",
            "|---|---|---|",
            "| Reserved Instances | up to 72% | steady workloads for 1 or 3 years |",
            "| Spot Instances | up to 90% | fault-tolerant batch jobs |",
            "| Savings Plans | up to 72% | a steady spend across instance families |",
        )
    )
    catalog = load_catalog()
    made = []
    for ts in assign(outline, catalog)[0]:
        entry = catalog.topics[ts.topic]
        view = TopicView(
            slug=ts.topic,
            name=entry.name,
            names=frozenset(normalise(n) for n in entry.names),
            is_service=True,
            other_names=frozenset(),
        )
        for fact in extract(ts.blocks, topic_name=entry.name, section_title=ts.title):
            row = next((r[0] for r in ts.blocks[0].rows[1:] if r[0] in fact.text), None)
            for card in cards_for(
                FactView(
                    key="k",
                    kind=fact.kind,
                    subject=fact.subject,
                    text=fact.text,
                    data=fact.data,
                    section=ts.title,
                    lines=1,
                ),
                view,
            ):
                made.append(card)
                if row and fact.kind != "comparison":
                    assert row.lower() in (card.front + " " + card.back).lower(), (row, card)
    assert made


# --- placement -----------------------------------------------------------------------------------------


def placed(text: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for ts in assign(parse(text), load_catalog())[0]:
        for b in ts.blocks:
            out.setdefault(b.line, []).append(ts.topic)
    return out


def test_a_paragraph_whose_subject_is_another_service_goes_to_that_service():
    where = placed(
        lines(
            "# Elastic Compute Cloud (EC2)",
            "",
            "EC2 gives resizable virtual servers in the cloud.",
            "",
            "- DynamoDB is a serverless key-value database with single-digit millisecond reads.",
            "  - Global tables replicate it across Regions",
            "",
            "Use AWS Shield to protect applications from DDoS attacks.",
            "",
            "Amazon Aurora offers MySQL- and PostgreSQL-compatible engines.",
            "",
            "- **Amazon S3**: store the instance's backups in S3",
            "- Organizations can use EC2 for batch jobs.",
        )
    )
    assert where[3] == ["amazon-ec2"]
    assert where[5] == where[6] == ["amazon-dynamodb"]  # the child bullet follows its subject
    assert where[8] == ["aws-shield"]
    assert where[10] == ["amazon-aurora"]
    assert where[12] == ["amazon-ec2"]  # how EC2 works with S3, not a line about S3
    assert where[13] == ["amazon-ec2"]  # "Organizations" the word, not AWS Organizations


def test_a_line_that_explains_the_label_above_it_stays_with_the_label():
    """A practice list's "**Implement Auto Scaling**:" and its "Use EC2 Auto Scaling to ..." are one item: moving
    the explanation to the Auto Scaling page would leave the practice as a bare label on its own page."""
    where = placed(
        lines(
            "# Best Practices for High Availability",
            "",
            "1. **Implement Auto Scaling**:",
            "   - Use EC2 Auto Scaling to add and remove instances as traffic changes.",
            "2. **Databases**:",
            "   - DynamoDB is a serverless key-value database with single-digit millisecond reads.",
        )
    )
    assert where[3] == where[4] == ["high-availability-and-scalability"]
    assert where[6] == ["amazon-dynamodb"]  # a label that does not name the service: the line still moves


def test_course_wording_reaches_its_topic_through_catalog_aliases():
    where = placed(lines("# EC2 Instance Launch Types", "", "- On-Demand: pay by the second, no commitment"))
    assert where[3] == ["ec2-purchasing-options"]
    where = placed(lines("# Support Tiers", "", "- Business: 24/7 phone and chat access to engineers"))
    assert where[3] == ["aws-support-plans"]
    # agility and global reach are among the cloud's six advantages in AWS's words, not scaling properties
    where = placed(lines("# Agility", "", "- Spin up a test server in minutes instead of waiting weeks"))
    assert where[3] == ["cloud-economics"]


def test_every_line_that_lands_nowhere_is_reported_with_its_line():
    _, warnings = assign(
        parse(lines("Random thoughts", "- one", "- two", "- three", "- four", "- five", "- six", "- seven")),
        load_catalog(),
        source="mine",
    )
    assert warnings == [
        "mine:1: heading 'Random thoughts' matches no catalog topic and has no topic above it; "
        "7 block(s) unassigned (lines 2, 3, 4, 5, 6, 7, 8)"
    ]


def test_a_missed_question_with_plain_bullet_options_and_the_learners_pick():
    outline = parse(
        lines(
            "Missed questions",
            "Q : Which support plan is the cheapest with the full set of Trusted Advisor checks?",
            "- Business",
            "- Enterprise (my choice)",
            "- Developer",
            "A : Business",
            "",
            "Explanation",
            "Business is the lowest plan with every Trusted Advisor check.",
        )
    )
    [question] = [q for s in outline.walk() for q in s.questions]
    assert question.stem == "Which support plan is the cheapest with the full set of Trusted Advisor checks?"
    assert question.options == ["Business", "Enterprise", "Developer"] and question.correct == [0]
    assert question.explanation == "Business is the lowest plan with every Trusted Advisor check."
    assert reasons(outline)[4] == "the learner's own answer"
    assert "my choice" not in " ".join(texts(outline)) and cards(outline) == []


def test_an_answer_folded_in_a_details_element_is_read():
    outline = parse(
        lines(
            "1. Which service records the API calls made in an account?",
            "    - A. Amazon Inspector.",
            "    - B. AWS CloudTrail.",
            "",
            "    <details markdown=1><summary markdown='span'>Answer</summary>",
            "      Correct answer: B",
            "    </details>",
        )
    )
    [question] = [q for s in outline.walk() for q in s.questions]
    assert question.correct == [1] and question.explanation == ""
    assert texts(outline) == []


def test_lettered_sub_items_are_list_items_not_one_long_line():
    outline = parse(
        lines("## EBS types", "1. SSD", "\ta. General Purpose SSD (gp2) - balanced", "\tb. Provisioned IOPS")
    )
    assert [b.text for b in parse_blocks(outline)] == [
        "SSD",
        "General Purpose SSD (gp2) - balanced",
        "Provisioned IOPS",
    ]


def parse_blocks(outline):
    return [b for s in outline.walk() for b in s.blocks]


@pytest.mark.django_db
def test_every_option_of_the_authors_questions_says_why_and_the_learners_own_remarks_are_no_explanation(tmp_path):
    (tmp_path / "mine.md").write_text(
        PRACTICE
        + lines(
            "",
            "Which service protects websites from common exploits such as SQL injection?",
            "A. AWS WAF",
            "B. Amazon Inspector",
            "C. AWS Config",
            "Answer: A",
            "Explanation: I picked Inspector because it scans things. Amazon Inspector scans for vulnerabilities.",
        )
    )
    call_command("ingest", str(tmp_path), "--json", stdout=StringIO())
    deep = Question.objects.get(stem__startswith="A company must keep records")
    choices = {c.text: c for c in deep.choices.all()}
    key = choices["S3 Glacier Deep Archive"]
    # The right answer: a checked sentence about it, the author's explanation as the quote (not said twice)
    assert key.explanation.startswith("Correct. S3 Glacier Deep Archive")
    assert key.quote.startswith("Deep Archive is the lowest-cost class") and key.quote not in key.explanation
    # Wrong options say what they are for instead; each either quotes a line of the notes or says nothing of them
    # (the question names every option): never "not in your notes", nor "named without explaining", often untrue
    assert choices["S3 One Zone-IA"].explanation.startswith("Not this one: S3 One Zone-IA")
    assert (
        choices["Amazon EBS"].explanation.startswith("Not this one:")
        and "Amazon EBS" in choices["Amazon EBS"].explanation
    )
    assert all((c.in_notes and c.quote) or (c.notes_claim is None and not c.refs) for c in choices.values())
    assert not any(c.named_only for c in choices.values())
    # "I picked Inspector because...": the learner's slip, about a wrong option, explains nothing
    waf = Question.objects.get(stem__startswith="Which service protects websites")
    texts = " ".join(c.explanation + " " + c.quote for c in waf.choices.all())
    assert "I picked" not in texts and "scans for vulnerabilities" not in waf.choices.get(correct=True).explanation
    assert waf.choices.get(correct=True).explanation.startswith("Correct. AWS WAF")
    lambda_q = Question.objects.get(stem__startswith="Which TWO")
    assert all(c.explanation for c in lambda_q.choices.all())


# --- an answer key gathered at the end of a mock exam ------------------------------------------------

MOCK_EXAM = lines(
    "# Mock exam",
    "",
    "### Question 1",
    "Which service turns recorded speech into text for subtitles?",
    "* A) Amazon Polly",
    "* B) Amazon Transcribe",
    "* C) Amazon Translate",
    "",
    "### Question 2",
    "Which TWO tasks are the customer's on Amazon EC2? (Choose TWO)",
    "* A) Patching the guest operating system",
    "* B) Replacing failed disks in the data center",
    "* C) Configuring security groups",
    "",
    "### Question 3",
    "Which tool records configuration changes of resources over time for audits?",
    "* A) AWS CloudTrail",
    "* B) AWS Config",
    "* C) Amazon CloudWatch",
    "",
    "## Answer key",
    "",
    "| Q# | Answer | Q# | Answer |",
    "|---|---|---|---|",
    "| 1 | B | 3 | B (see note) |",
    "| 2 | A, C | | |",
)


def test_an_answer_key_table_at_the_end_keys_the_questions_above_it():
    outline = parse(MOCK_EXAM)
    found = [(q.stem, q.correct) for s in outline.walk() for q in s.questions]
    assert found == [
        ("Which service turns recorded speech into text for subtitles?", [1]),
        ("Which TWO tasks are the customer's on Amazon EC2? (Choose TWO)", [0, 2]),
        ("Which tool records configuration changes of resources over time for audits?", [1]),
    ]
    assert texts(outline) == []  # neither the options nor the key's rows show on a page
    assert {line for line, why in reasons(outline).items() if why == "the answer key of the file's questions"} == {
        23,
        24,
        25,
        26,
    }


def test_a_numbered_answer_key_keys_numbered_questions_and_places_them_by_their_key():
    text = lines(
        "1. Which service turns recorded speech into text?",
        "A. Amazon Polly",
        "B. Amazon Transcribe",
        "",
        "2. Which tool records resource configuration changes for audits?",
        "A. AWS Config",
        "B. AWS CloudTrail",
        "",
        "3. Which service caches content close to viewers?",
        "A. Amazon Route 53",
        "B. Amazon CloudFront",
        "",
        "Answers",
        "1. B",
        "2. A",
        "3. B",
    )
    sections, _ = assign(parse(text), load_catalog())
    placed = {q.stem: ts.topic for ts in sections for q in ts.questions}
    assert placed == {
        "Which service turns recorded speech into text?": "amazon-transcribe",
        "Which tool records resource configuration changes for audits?": "aws-config",
        "Which service caches content close to viewers?": "amazon-cloudfront",
    }


def test_a_numbered_list_of_letters_that_answers_no_question_stays_a_list():
    outline = parse(lines("Grades", "1. A", "2. B", "3. C"))
    assert [q for s in outline.walk() for q in s.questions] == []
    assert "the answer key of the file's questions" not in reasons(outline).values()


def test_a_heading_with_a_numbered_service_misspelt_reaches_the_service():
    where = placed(
        lines("# Global infrastructure", "", "## Amazon Root53", "", "- AWS DNS (Domain Name System) service")
    )
    assert where[5] == ["amazon-route-53"]


def test_a_question_whose_answer_repeats_an_earlier_answer_word_for_word_is_reported_not_published():
    """A quiz pasted together with one answer block copied under several questions: the copies' keys answer another
    question, so those questions are left out with the reason, and none of their lines shows on a page."""
    answer = "Correct answer: B. Resource tags applied with consistent naming make busy accounts easier to manage."
    text = lines(
        "1. Which feature helps organise resources on a busy account?",
        "A. Security groups",
        "B. Resource tags",
        answer,
        "",
        "2. Which service runs containers without servers to manage?",
        "A. Amazon EC2",
        "B. Amazon Route 53",
        "C. AWS Fargate",
        answer,
    )
    outline = parse(text)
    assert [q.line for s in outline.walk() for q in s.questions] == [1]
    assert "copy slip" in reasons(outline)[6]
    assert texts(outline) == []


def test_use_with_a_capitalised_common_name_is_the_service():
    """ "Use Config to record ..." names AWS Config, as "Use Shield to ..." names AWS Shield: after "Use" a capitalised
    word too common to trust in prose is the service; "the config file" in prose is not."""
    where = placed(
        lines(
            "## Account best practices",
            "",
            "- Use Config to record all the resources and their configurations over time",
            "- Use Shield to stop DDoS attacks on the website",
        )
    )
    assert where[3] == ["aws-config"] and where[4] == ["aws-shield"]
    assert placed(lines("## Notes", "", "- Keep the config file in the repository")).get(3, []) == []


def test_front_and_back_pairs_are_the_authors_cards_exactly_as_written():
    """Anki names a card's sides Front and Back; notes copied from a deck keep the labels."""
    outline = parse(
        lines(
            "# Amazon S3 cards",
            "",
            "Front: Which S3 class is cheapest for archives kept for years?",
            "Back: S3 Glacier Deep Archive",
            "",
            "**Front:** What does S3 Versioning protect against?",
            "**Back:** Accidental overwrites and deletes.",
            "",
            "- Front of the building: the load balancer answers first",
        )
    )
    assert cards(outline) == [
        ("Which S3 class is cheapest for archives kept for years?", "S3 Glacier Deep Archive"),
        ("What does S3 Versioning protect against?", "Accidental overwrites and deletes."),
    ]


def test_a_numbered_question_with_its_answer_bullet_under_it_is_the_authors_card():
    outline = parse(
        lines(
            "## Monitoring",
            "3. What is AWS Config?",
            "   - Answer: Resource configuration tracking.",
            "4. Which plan includes a TAM?",
            "   - Answer: B",
        )
    )
    assert cards(outline) == [("What is AWS Config?", "Resource configuration tracking.")]


def test_a_bold_statement_with_no_subject_stays_with_its_heading():
    """ "**Does not apply to the root account**" under a service control policy heading continues the heading's
    subject; it is not about the root user. A bold kind of a name ("**Public subnets**") still is that name's."""
    where = placed(
        lines(
            "## Service Control Policies (SCP)",
            "",
            "- Restrict what member accounts of AWS Organizations may do",
            "- **Does not apply to the root account**",
        )
    )
    assert where[4] == where[3] == ["aws-organizations"]


def test_a_repeated_lead_in_keeps_its_own_list_under_it():
    """Each support plan lists its response times under the same lead-in: the second copy of the lead-in is kept, so
    its items stay under it instead of hanging from the bullet before it."""
    outline = parse(
        lines(
            "## Developer",
            "- Depending on severity the response time varies:",
            "  - General guidance up to 24 business hours",
            "## Business",
            "- Infrastructure Event Management for an additional fee",
            "- Depending on severity the response time varies:",
            "  - Production system impaired up to 4 business hours",
        )
    )
    business = [s for s in outline.walk() if s.title == "Business"][0]
    assert [b.text for b in business.blocks][1].startswith("Depending on severity")


def test_a_question_whose_every_option_is_ticked_is_the_authors_card():
    outline = parse(
        lines(
            "18. According to the AWS CAF, what are two tasks a company should perform to become more responsive?",
            "",
            "    - [x] Organize your teams around products and value streams",
            "    - [x] Leverage agile methods to rapidly iterate and evolve",
        )
    )
    assert [q for s in outline.walk() for q in s.questions] == []
    assert cards(outline) == [
        (
            "According to the AWS CAF, what are two tasks a company should perform to become more responsive?",
            "Organize your teams around products and value streams; "
            "Leverage agile methods to rapidly iterate and evolve.",
        )
    ]


def test_outline_numbers_followed_by_a_dash_are_not_part_of_the_title():
    """ "## 1.1 - What is cloud computing" and a plain "1.2 - Benefits" are titled without their numbers."""
    outline = parse(
        lines(
            "## 1.1 - What is cloud computing",
            "",
            "Cloud computing is the on-demand delivery of IT resources over the internet.",
            "",
            "## 1.2 - Benefits",
            "",
            "- Trade fixed expense for variable expense",
        )
    )
    assert [title for _, title in titles(outline)] == ["What is cloud computing", "Benefits"]
    plain = parse(
        lines("1.1 - What is cloud computing", "Cloud computing is on-demand IT.", "1.2 - Benefits", "- Pay as you go")
    )
    assert [title for _, title in titles(plain)] == ["What is cloud computing", "Benefits"]


def test_answers_gathered_at_the_end_with_their_reasons_key_and_explain_the_questions():
    text = lines(
        "1. Which service records every API call in an account?",
        "A. AWS CloudTrail",
        "B. Amazon CloudWatch",
        "",
        "2. Which service answers DNS queries?",
        "A. Amazon CloudFront",
        "B. Amazon Route 53",
        "",
        "3. Which firewall works at the subnet level?",
        "A. Security group",
        "B. Network ACL",
        "",
        "## Answers",
        "",
        "1. **A** - CloudTrail logs the API calls made in the account.",
        "2. Answer: B. Route 53 is AWS's DNS service;",
        "   CloudFront is a CDN.",
        "3. B",
    )
    outline = parse(text)
    found = {q.stem: (q.correct, q.explanation, q.explanation_line) for s in outline.walk() for q in s.questions}
    assert found["Which service records every API call in an account?"] == (
        [0],
        "CloudTrail logs the API calls made in the account.",
        15,
    )
    assert found["Which service answers DNS queries?"] == (
        [1],
        "Route 53 is AWS's DNS service; CloudFront is a CDN.",
        16,
    )
    assert found["Which firewall works at the subnet level?"][:2] == ([1], "")
    assert texts(outline) == []


def test_a_question_whose_key_names_nothing_goes_to_the_concept_its_stem_asks_about():
    """ "What is the main purpose of an AWS Region?" keyed "A geographical area ...": the stem's concept (the global
    infrastructure) places it, not a service one wrong option names (CloudFront, for "CDN endpoint")."""
    text = lines(
        "## Amazon CloudFront",
        "",
        "- Amazon CloudFront caches content at edge locations.",
        "",
        "### Question 17",
        "What is the main purpose of an AWS Region?",
        "* A) To provide a single physical data center location",
        "* B) To provide a geographical area that contains multiple Availability Zones",
        "* C) To serve as a Content Delivery Network (CDN) endpoint",
        "Answer: B",
    )
    sections, _ = assign(parse(text), load_catalog())
    assert {q.stem: ts.topic for ts in sections for q in ts.questions} == {
        "What is the main purpose of an AWS Region?": "aws-global-infrastructure"
    }


def test_the_next_item_of_a_numbered_list_does_not_carry_on_the_item_before_it():
    where = placed(
        lines("## Most likely to reappear", "", "1. Neptune vs DynamoDB vs RDS", "2. Spot vs Reserved vs On-Demand")
    )
    assert where[3] == ["amazon-neptune"] and where.get(4, []) != ["amazon-neptune"]


def test_a_card_whose_front_and_back_are_a_blank_line_apart_is_still_the_authors_card():
    outline = parse(lines("## Card 2", "", "Front: What is an `AWS Region`?", "", "Back: A geographic area with AZs."))
    assert cards(outline) == [("What is an AWS Region?", "A geographic area with AZs.")]


def test_a_table_whose_rule_row_has_one_hyphen_a_cell_is_a_table_of_services_each_row_on_its_page():
    """GFM allows "| - | - |" as the rule under a header: such a services table is read as a table, and each row
    about a service goes to that service's page, not the whole table to the first service it names."""
    text = (
        "# List of services\n\n| Service | Category | Description |\n| - | - | - |\n"
        "| Athena | Analytics | Query data in S3 using SQL |\n"
        "| Config | Management | Track resources inventory and changes |\n"
        "| Macie | Security | Discover and protect your sensitive data at scale |\n"
    )
    outline = parse(text)
    tables = [b for s in outline.walk() for b in s.blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].rows[1] == ["Athena", "Analytics", "Query data in S3 using SQL"]
    sections, _ = assign(outline, load_catalog(), source="services")
    placed = {ts.topic: " ".join(b.text for b in ts.blocks) for ts in sections}
    assert "Query data in S3" in placed["amazon-athena"] and "Config" not in placed["amazon-athena"]
    assert "Track resources inventory" in placed["aws-config"]
    assert "sensitive data" in placed["amazon-macie"]


def test_an_obsidian_embed_is_no_text_and_a_table_of_icons_keeps_its_names():
    """ "| ![[_icons/Shield.png]] | [[Shield]] | Protection against DDoS attacks |": the icon is a picture, so no card
    asks "What is Shield.png?"; the row still reads as Shield's."""
    outline = parse(
        "# Security\n\n| | Service | Use |\n|---|---|---|\n"
        "| ![[_icons/Shield.png]] | [[Shield]] | Protection against DDoS |\n"
        "| ![[Macie.png]] | [[Macie]] | Finds sensitive data in S3 |\n"
        "| ![[Inspector.png]] | [[Inspector]] | Scans for CVEs |\n"
    )
    text = " ".join(b.text for s in outline.walk() for b in s.blocks)
    assert ".png" not in text and "Shield" in text and "Protection against DDoS" in text
    table = next(b for s in outline.walk() for b in s.blocks if b.kind == "table")
    assert table.rows[:2] == [["Service", "Use"], ["Shield", "Protection against DDoS"]]


def test_a_column_of_icons_under_its_own_header_is_no_column_and_each_row_stays_its_own():
    """ "| Icon | Name | Description |" over rows whose icon cell is only an embed: the rows are three services, not
    one row carried on twice (an empty first cell otherwise continues the row above)."""
    outline = parse(
        "## Compliance\n\n| Icon | Name | Description |\n| --- | --- | --- |\n"
        "| ![[_icons/Config.png]] | [[Config]] | Define && track resource settings |\n"
        "| ![[Artifact.png]] | [[Artifact]] | Download compliance reports |\n"
        "| ![[_icons/Audit Manager.png]] | [[Audit Manager]] | Collect audit evidence |\n"
    )
    table = next(b for s in outline.walk() for b in s.blocks if b.kind == "table")
    assert table.rows == [
        ["Name", "Description"],
        ["Config", "Define && track resource settings"],
        ["Artifact", "Download compliance reports"],
        ["Audit Manager", "Collect audit evidence"],
    ]
    sections, _ = assign(outline, load_catalog(), source="security")
    placed = {ts.topic: " ".join(b.text for b in ts.blocks) for ts in sections}
    assert "compliance reports" in placed["aws-artifact"] and "track resource settings" in placed["aws-config"]


def test_an_html_disclosures_summary_titles_what_it_holds():
    """`<details><summary>Keeping objects immutable</summary> ... </details>` is a section of that title one level
    below the heading above it, every line keeping its number; a "Show answer" disclosure titles nothing."""
    text = (
        "## Amazon S3\n\n<details>\n<summary>Keeping objects immutable</summary>\n\n"
        "Write once, read many: no overwrite or delete.\n\n</details>\n\n"
        "<details><summary><b>Show answer</b></summary>\nC\n</details>\n"
    )
    sections = {s.title: s for s in parse(text).walk()}
    lock = sections["Keeping objects immutable"]
    assert [(b.line, b.text) for b in lock.blocks][0] == (6, "Write once, read many: no overwrite or delete.")
    assert "Show answer" not in sections


def test_the_items_a_lead_in_says_something_comes_from_define_nothing():
    """ "Our log service can pull logs from:" then "· Beanstalk: app logs": each item is a source of the lead-in's
    subject, not what Beanstalk is; a middle dot starts a bullet."""
    text = (
        "## Logs\n· Our log service can pull logs from:\n· Beanstalk: app logs\n· ECS: container output\n\n"
        "· Retention: how long logs are kept before deletion\n"
    )
    blocks = [b for s in parse(text).walk() for b in s.blocks]
    assert [b.kind for b in blocks] == ["bullet"] * 4
    assert [b.term for b in blocks[1:3]] == [None, None]
    assert [b.origin for b in blocks] == ["", "source", "source", ""]  # shown with the lead-in, never a fact
    assert blocks[3].term == "Retention"


def test_a_services_misremembered_name_with_its_acronym_is_the_service_and_indented_headings_stay_headings():
    """ "Elastic Cloud Computing (EC2)" means EC2, not cloud computing; "    ##### Pricing" indented under it is still
    a heading (an outline indented by level), while "    # install" in indented code is not."""
    catalog = load_catalog()
    assert catalog.find("Elastic Cloud Computing (EC2)") == ["amazon-ec2"]
    assert catalog.find("Infrastructure as a Service (IaaS)") == ["cloud-service-models"]
    text = "# Notes\n  #### Elastic Cloud Computing (EC2)\n    ##### Pricing\n      - On-Demand: pay by the second\n"
    titles = [s.title for s in parse(text).walk()]
    assert "Pricing" in titles
    assert [s.title for s in parse("# Notes\n\n    # install the tools\n").walk()] == ["Notes"]


@pytest.mark.django_db
def test_a_heading_of_two_names_keeps_its_whole_title(tmp_path):
    """ "Dedicated Hosts / Dedicated Instances" on the purchasing-options page is a section of both names, never
    "/ Dedicated Instances" with its first half cut off as the page's own name."""
    (tmp_path / "mine.md").write_text(
        lines(
            "# EC2 purchasing options",
            "",
            "## Dedicated Hosts / Dedicated Instances",
            "",
            "- Hosts: a whole server you can see the sockets of; Instances: single-tenant hardware, no host view",
        )
    )
    call_command("ingest", str(tmp_path), stdout=StringIO())
    titles = set(Section.objects.filter(topic__slug="ec2-purchasing-options").values_list("title", flat=True))
    assert "Dedicated Hosts / Dedicated Instances" in titles
    assert not any(t.startswith("/") for t in titles)


def test_a_lead_in_naming_what_its_subject_gathers_from_marks_its_items_as_sources():
    """ "The log store can gather records from many services:" then "- Queue service: delivery records": every item is
    where records come from (shown with the lead-in, never a fact or a quote); a lead-in that offers choices ("Plans
    you can pick between:") keeps its items' labels as definitions."""
    text = (
        "## Records\n- The log store can gather records from many services:\n  - Queue service: delivery records\n"
        "  - Mail service: bounce records\n- Retention: how long records are kept\n\n"
        "## Plans\n- Plans you can pick between:\n  - Basic: free help with billing only\n"
    )
    blocks = [b for s in parse(text).walk() for b in s.blocks]
    assert [(b.text.split(":")[0], b.origin) for b in blocks] == [
        ("The log store can gather records from many services", ""),
        ("Queue service", "source"),
        ("Mail service", "source"),
        ("Retention", ""),
        ("Plans you can pick between", ""),
        ("Basic", ""),
    ]
    assert blocks[5].term == "Basic"


def test_html_headings_and_lists_inside_markdown_are_read_as_headings_and_bullets_on_their_own_lines():
    outline = parse(
        lines(
            "<h2>Cloud service models</h2>",
            "<ul>",
            "<li>IaaS (infrastructure as a service)<br>",
            "<li>PaaS <b>platform</b> as a service</li>",
            "  <ul>",
            "  <li>Elastic Beanstalk is one</li>",
            "  </ul>",
            "</ul>",
            "<p>SaaS is <i>software</i> as a service.</p>",
        )
    )
    assert titles(outline) == [(1, "Cloud service models")]
    blocks = [(b.line, b.depth, b.text) for s in outline.walk() for b in s.blocks]
    assert blocks[:3] == [
        (3, 0, "IaaS (infrastructure as a service)"),
        (4, 0, "PaaS platform as a service"),
        (6, 1, "Elastic Beanstalk is one"),
    ]
    assert blocks[3][0] == 9 and blocks[3][2] == "SaaS is software as a service."
    sections, _ = assign(outline, load_catalog())
    assert {ts.topic for ts in sections if ts.blocks} >= {"cloud-service-models"}


def test_a_table_row_under_a_group_named_once_is_a_row_of_its_own_while_a_wrapped_cell_carries_on():
    outline = parse(
        lines(
            "| Category | What it does | Service |",
            "| --- | --- | --- |",
            "| Data protection | Create and control encryption keys | AWS KMS |",
            "| | Manage single-tenant hardware security modules | AWS CloudHSM |",
            "| Detection | Find threats in your accounts and | Amazon GuardDuty |",
            "| | workloads | |",
        )
    )
    (table,) = [b for s in outline.walk() for b in s.blocks if b.kind == "table"]
    assert table.rows[1:] == [
        ["Data protection", "Create and control encryption keys", "AWS KMS"],
        ["", "Manage single-tenant hardware security modules", "AWS CloudHSM"],
        ["Detection", "Find threats in your accounts and workloads", "Amazon GuardDuty"],
    ]


def test_a_heading_typed_without_its_space_is_a_heading_and_a_tag_is_not():
    outline = parse(
        lines("##Elastic Compute Cloud (EC2)", "###Pricing", "- On demand: pay by the second", "#todo later")
    )
    assert titles(outline) == [(1, "Elastic Compute Cloud (EC2)"), (2, "Pricing")]


def test_dashes_run_into_their_text_are_bullets_in_a_file_that_writes_several():
    outline = parse(lines("## ELB", "* Network Load Balancer", " -Operates at the transport level", " -Low latencies",
                          "* Classic Load Balancer", " -Used for EC2-Classic"))  # fmt: skip
    assert texts(outline) == [
        "Network Load Balancer", "Operates at the transport level", "Low latencies", "Classic Load Balancer",
        "Used for EC2-Classic",
    ]  # fmt: skip
    once = parse(lines("## S3", "- Objects live in buckets", "-based on keys"))
    assert "-based on keys" in " ".join(texts(once))


def test_a_mkdocs_admonition_is_its_body_without_its_marker():
    text = (
        "# Compute\n## Tips\n\n* Pricing\n* Scaling options\n\n## Elastic Cloud Compute (EC2)\n\n"
        '??? info "Things to Know"\n    - [ ] Define EC2\n        - On-demand: pay by the second\n'
        "        - Spot: spare capacity\n\n* Scalable\n"
    )
    texts = [b.text for s in parse(text).walk() for b in s.blocks]
    assert not any("???" in t or "Things to Know" in t for t in texts), texts
    assert "On-demand: pay by the second" in texts and "Scalable" in texts


def test_a_short_title_line_with_a_list_straight_under_it_holds_that_list():
    """ "Private" then "- Owned by one company" at its own indent: the list says what the title is, so its items sit
    under it; a sentence over a list, or a list after a blank line, does not."""
    outline = parse(
        lines(
            "# Cloud concepts",
            "## Deployment Models",
            "",
            "Private",
            "- Owned and run by one company",
            "- Hardware usually in its own building",
            "",
            "All three models are offered by AWS.",
            "- A list after a sentence stays beside it",
            "",
            "Hybrid",
            "",
            "- A list after a blank line stays beside the title",
        )
    )
    depths = {b.text: b.depth for s in outline.walk() for b in s.blocks}
    assert depths["Owned and run by one company"] == depths["Private"] + 1
    assert depths["Hardware usually in its own building"] == depths["Private"] + 1
    assert depths["A list after a sentence stays beside it"] == depths["All three models are offered by AWS."]
    assert depths["A list after a blank line stays beside the title"] == depths["Hybrid"]


def test_a_whole_bold_title_line_holds_the_list_after_one_blank_line():
    """ "**AWS Local Zones**", a blank line, then its bullets: the list is what the bold title is."""
    outline = parse(
        lines(
            "# Global",
            "## Summary",
            "",
            "**AWS Local Zones**",
            "",
            "- Compute close to users in a big city",
            "- For latency-sensitive applications",
        )
    )
    depths = {b.text: b.depth for s in outline.walk() for b in s.blocks}
    assert depths["Compute close to users in a big city"] == depths["**AWS Local Zones**"] + 1


def test_a_highlight_opened_and_never_closed_shows_no_marker():
    """Obsidian authors start a highlight on a heading and never close it ("##### ==Business Support"): the title is
    the words, and a comparison written with "==" between spaces stays as written."""
    outline = parse(
        lines(
            "# Support plans",
            "##### ==Business Support",
            "- Access to Trusted Advisor checks==",
            "- In code, a == b compares two values",
        )
    )
    assert [t for _, t in titles(outline)] == ["Support plans", "Business Support"]
    assert "Access to Trusted Advisor checks" in texts(outline)
    assert "In code, a == b compares two values" in texts(outline)


def test_a_line_that_is_only_a_link_is_no_title():
    """ "[back](index.md)" over a list is where to go, not what the list is about: the list stays under the note's
    own title."""
    outline = parse(
        lines("**EBS and EFS**", "", "[back](index.md)", "", "* **EBS** - Elastic Block Store", "    * Network drive")
    )
    assert [t for _, t in titles(outline)] == ["EBS and EFS"]


def test_the_authors_cards_show_highlights_and_wikilinks_as_their_words():
    """The author's own cards are kept as written, but Obsidian's markup is read as it is on a topic page: never a
    raw `==` or `[[...]]` on a card."""
    outline = parse(
        lines(
            "# Amazon S3",
            "",
            "Q: Which class suits archives kept for years? [[S3 Storage Classes]]",
            "A: Glacier Deep Archive, since ==restores take up to 12 hours== and it costs least",
        )
    )
    assert cards(outline) == [
        (
            "Which class suits archives kept for years? S3 Storage Classes",
            "Glacier Deep Archive, since restores take up to 12 hours and it costs least",
        )
    ]


def test_a_question_written_as_a_heading_with_bullet_options_and_a_bold_answer_is_a_question():
    """A quiz file's shape: the stem as a heading ("#### Q. ...?"), the options as plain bullets, and the answer as a
    bold line under them, perhaps with the author's aside in brackets. Its options are no facts of any page."""
    outline = parse(
        lines(
            "## Quiz",
            "",
            "#### Q. Which service keeps a record of every API call in an account?",
            "- Amazon Inspector",
            "- AWS CloudTrail",
            "- AWS Config",
            "",
            "**AWS CloudTrail (Config records resource settings, not calls)**",
            "",
            "---",
            "",
            "#### Q. Which storage class has the lowest cost for data read once a year?",
            "- S3 Standard",
            "- S3 Glacier Deep Archive",
            "",
            "**S3 Glacier Deep Archive**",
            "",
            "## What is Amazon EC2?",
            "- Virtual servers in the cloud",
            "- Billed by the second",
            "",
            "**Resizable compute capacity**",
        )
    )
    questions = [q for s in outline.walk() for q in s.questions]
    assert [(q.stem, q.options, q.correct) for q in questions] == [
        (
            "Which service keeps a record of every API call in an account?",
            ["Amazon Inspector", "AWS CloudTrail", "AWS Config"],
            [1],
        ),
        (
            "Which storage class has the lowest cost for data read once a year?",
            ["S3 Standard", "S3 Glacier Deep Archive"],
            [1],
        ),
    ]
    assert questions[0].explanation == "Config records resource settings, not calls"
    said = " ".join(texts(outline))
    assert "Amazon Inspector" not in said and "S3 Standard" not in said
    # a heading that asks something, over bullets and a bold line that is none of them, stays notes
    assert "Virtual servers in the cloud" in said and "Resizable compute capacity" in said


def test_a_question_whose_answer_is_its_bold_option_with_blank_lines_between_is_a_question():
    """Another quiz shape: a "**Question**" label, the stem's paragraph and its question line, then lettered options
    with a blank line between each, the right one in bold, and an "**Explained**" label over the reason."""
    outline = parse(
        lines(
            "**Question**",
            "",
            "A team stores invoices in a bucket and reads each one once, then rarely again.",
            "",
            "Which of the following would cost the least?",
            "",
            "",
            "A. Keep them in S3 Standard",
            "",
            "**B. Move them to S3 Standard-IA after 30 days with a lifecycle rule**",
            "",
            "C. Copy them to an EBS volume",
            "",
            "**Explained**",
            "",
            "Standard-IA charges less per GB for objects read rarely, and a lifecycle rule moves them on its own.",
            "",
            "=======================>",
            "",
            "Lifecycle rules move objects between storage classes.",
        )
    )
    [question] = [q for s in outline.walk() for q in s.questions]
    assert question.stem == (
        "A team stores invoices in a bucket and reads each one once, then rarely again. "
        "Which of the following would cost the least?"
    )
    assert question.options == [
        "Keep them in S3 Standard",
        "Move them to S3 Standard-IA after 30 days with a lifecycle rule",
        "Copy them to an EBS volume",
    ]
    assert question.correct == [1]
    assert question.explanation.startswith("Standard-IA charges less per GB")
    said = " ".join(texts(outline))
    assert "Copy them to an EBS volume" not in said and "Lifecycle rules move objects" in said


def test_options_that_are_all_bold_mark_no_answer():
    outline = parse(
        lines(
            "Which service stores objects?",
            "",
            "**A. Amazon S3**",
            "",
            "**B. Amazon EBS**",
        )
    )
    assert [q for s in outline.walk() for q in s.questions] == []


def test_a_bold_line_over_prose_in_markdown_is_a_sub_heading():
    """ "**Multi AZ**", a blank line, then paragraphs: in a markdown file the bold line titles the prose under it,
    one level under the "#" heading above; a bold sentence and a bold label over a list stay as they are."""
    outline = parse(
        lines(
            "# Databases",
            "",
            "**Relational Database Service**",
            "",
            "Tables of rows and columns, queried with SQL.",
            "",
            "**Multi AZ**",
            "",
            "A standby copy in a second zone takes over when the first fails.",
            "",
            "**Always turn on backups.**",
            "",
            "Backups are kept for up to 35 days.",
        )
    )
    assert titles(outline) == [(1, "Databases"), (2, "Relational Database Service"), (2, "Multi AZ")]
    under = {s.title: [b.text for b in s.blocks] for s in outline.walk()}
    assert under["Multi AZ"][0] == "A standby copy in a second zone takes over when the first fails."


def test_a_question_bullet_with_a_plus_bullet_under_it_is_the_authors_card():
    """Flash cards written as "- question" and "  + answer": each pair is the author's card, as written, and none of
    its lines is a note line ("+ False" is no term)."""
    outline = parse(
        lines(
            "# Flash cards",
            "",
            "- Which service records the configuration of every resource over time?",
            "  + AWS Config",
            "- True or false: a Region's zones are linked by low-latency networking",
            "  + True",
            "- Amazon S3 stores objects in buckets",
        )
    )
    assert cards(outline) == [
        ("Which service records the configuration of every resource over time?", "AWS Config"),
        ("True or false: a Region's zones are linked by low-latency networking", "True"),
    ]
    assert texts(outline) == ["Amazon S3 stores objects in buckets"]


def test_a_heading_that_only_gives_an_example_is_a_line_of_its_section_not_a_title():
    """ "#### e.g. access to create EC2 instances" under a bullet is that bullet's example written large: the bullet
    after it ("Group: ...") stays in the IAM section, and no section is titled with the example."""
    outline = parse(
        lines(
            "## IAM",
            "- **User**: a person or application that signs in",
            "#### e.g. access to create/terminate EC2 instances",
            "",
            "- **Group**: Collection of related users that inherit permissions",
            "#### i.e. dev team or finance",
            "### Roles",
            "- A role is assumed for temporary access",
        )
    )
    assert titles(outline) == [(1, "IAM"), (2, "Roles")]
    iam = next(s for s in outline.walk() if s.title == "IAM")
    said = [b.text for b in iam.blocks]
    assert any("Collection of related users" in t for t in said)
    assert any(t.startswith("**User**") and "e.g. access to create" in t for t in said)  # the bullet's own example


def test_a_plain_title_over_the_entries_of_its_kinds_or_naming_its_summary_is_a_heading():
    """In a plain-text file, "Elastic Load Balancers" over "Application Load Balancers – Works on OSI layer 7" titles
    the entries of its kinds, and "Amazon S3 (Simple Storage Service) – Summary" titles the lines under it; a short
    line over a sentence that is no entry of its kinds stays a line."""
    text = (
        "EBS Volume Type:\nGeneral Purpose SSD (GP2): Balance in price and performance\n\n"
        "Elastic Load Balancers\nApplication Load Balancers – Works on OSI layer 7, clever routing.\n"
        "Network Load Balancers – Fast speed at layer 4\n\n"
        "Amazon S3 (Simple Storage Service) – Summary\nS3 is ideal for files storage.\nObject Based storage.\n\n"
        "Object storage\nS3 keeps objects in buckets.\n"
    )
    assert titles(parse(text)) == [
        (1, "EBS Volume Type"),
        (1, "Elastic Load Balancers"),
        (1, "Amazon S3 (Simple Storage Service) – Summary"),
    ]


def test_an_image_address_wrapped_onto_the_next_line_leaves_no_fragment():
    """An editor wrapped "![image](https://user-images.example.com/1/2" onto "18302401-cf27.png)": the second line is
    the rest of the address, not a line of the notes."""
    outline = parse("# EC2\n\nEC2 gives servers.\n\n![image](https://user-images.example.com/1/2\n18302401-cf27.png)\n")
    assert texts(outline) == ["EC2 gives servers."]
    assert all(b.line != 6 for s in outline.walk() for b in s.blocks)


def test_a_markdown_heading_written_as_a_list_item_is_a_heading():
    """ "- ### `Security Group`" over its indented bullets titles them, like "### Security Group" would."""
    outline = parse("# VPC\n\n- ### `Network ACL`\n  - Stateless.\n- ### `Security Group`\n  - Virtual firewall.\n")
    assert titles(outline) == [(1, "VPC"), (2, "Network ACL"), (2, "Security Group")]
    assert texts(outline) == ["Stateless.", "Virtual firewall."]


def test_an_authors_what_does_it_do_card_reads_as_its_statement():
    """ "What does weighted routing in route 53 do?" / "Allows you to assign weights to records" is quoted as
    "weighted routing in route 53: Allows you to assign weights to records"."""
    from content.ingest.authored import card_as_line

    line = card_as_line("What does weighted routing in route 53 do?", "allows you to assign weights to records")
    assert line == "weighted routing in route 53: Allows you to assign weights to records"


def test_a_plain_product_name_over_its_lines_is_a_title():
    """In plain text, "EC2 Reserved instances" over "Up to 72% discount compared to On-demand" titles the lines under
    it; "Relational, Tables, OLTP, SQL" over a line is a list, not a title."""
    outline = parse(
        "EC2 On Demand\nPay for what you use, no commitment\n\n"
        "EC2 Reserved instances\nUp to 72% discount compared to On-demand\nReservation Period - 1 or 3 years\n\n"
        "Relational, Tables, OLTP, SQL\nNeptune, Graph database, Store and query relations\n"
    )
    assert [t for _, t in titles(outline)] == ["EC2 On Demand", "EC2 Reserved instances"]


def test_a_service_fused_to_its_text_by_two_hyphens_lands_on_its_page():
    """ "AWS Config--audit workloads for compliance" under an account-management heading is AWS Config's line."""
    where = placed(
        lines(
            "# AWS Account Management and Separation",
            "",
            " * AWS Control Tower offers",
            "  * a simplified way to set up and govern multiple accounts",
            " AWS CloudTrail--logging of all actions performed across your organization",
            " AWS Config--audit workloads for compliance",
        )
    )
    assert where[6] == ["aws-config"], where
    assert where[5] == ["aws-cloudtrail"], where


def test_a_line_on_a_concepts_page_that_names_one_service_early_goes_to_that_service():
    """Under a serverless case study, "leverage a Global DynamoDB table to serve the data globally" is about
    DynamoDB; a line naming the page's concept too, or a service only late, or only a service's name, stays."""
    where = placed(
        lines(
            "## Serverless computing",
            "",
            "- leverage a Global DynamoDB table to serve the data globally",
            "- Serverless was pioneered by AWS Lambda and now covers any managed service",
            "- Involves adding more resources, such as additional EC2 instances, behind it",
            "- Amazon Simple Storage Service (S3)",
        )
    )
    assert where[3] == ["amazon-dynamodb"], where
    assert where[4] == where[5] == where[6] == ["serverless-computing"], where


def test_a_question_label_stays_whole_and_a_key_with_and_keeps_its_letters():
    """ "Question: Which ...? (Choose 3 answers)" is read without its label (not as "uestion: Which ..."), and
    "Answer: B, C, and E." keys B, C and E; "Answer: A and C" keys A and C (the letters of "and" are no options)."""
    outline = parse(lines(
        "Question: Which of the following let an instance reach the internet? (Choose 3 answers)",
        "- A. A route to a virtual private gateway",
        "- B. Network ACLs and security groups allow the traffic",
        "- C. An internet gateway attached to the VPC, with a route to it",
        "- D. A NAT gateway in the same private subnet",
        "- E. A public IP or Elastic IP address",
        "",
        "Answer: B, C, and E.",
        "",
        "Question: Which two are serverless? (Choose two)",
        "- A. AWS Lambda",
        "- B. Amazon EC2",
        "- C. AWS Fargate",
        "- D. Amazon Lightsail",
        "",
        "Answer: A and C",
    ))  # fmt: skip
    found = [q for s in outline.walk() for q in s.questions]
    assert [(q.stem.split()[0], q.correct) for q in found] == [("Which", [1, 2, 4]), ("Which", [0, 2])]


def test_a_dendron_link_reads_as_its_words_not_the_notes_dotted_path():
    """Dendron writes `[[words|note.path]]`, the other way round from Obsidian's `[[Note|alias]]`: "EventBridge is a
    serverless [[event bus|general.arch.SOA.bus]]" reads "a serverless event bus", never the dotted path."""
    outline = parse(
        lines(
            "# EventBridge",
            "EventBridge is a serverless [[event bus|general.arch.SOA.bus]], implementing [[pub/sub|general.pubsub]].",
            "- AWS [[CDK|aws.CDK]] and [[Amazon EBS|EBS]]",
        )
    )
    shown = " ".join(texts(outline))
    assert "EventBridge is a serverless event bus, implementing pub/sub." in shown
    assert "AWS CDK and EBS" in shown
    assert "general." not in shown and "aws.CDK" not in shown
    # an Obsidian alias with a dot in it is still the words shown
    aliases = parse(lines("# EC2", "- Try a [[EC2 instance types|t2.micro]] on [[Lambda runtimes|Node.js]] first"))
    assert "Try a t2.micro on Node.js first" in " ".join(texts(aliases))


def test_a_glossarys_def_marker_is_not_part_of_the_term():
    """ "def ROUTE53: host your own managed dns": "def" marks a glossary entry; the term is ROUTE53."""
    outline = parse(
        lines(
            "    def ROUTE53: host your own managed dns. Costs 53 cents per domain per month.",
            "",
            "    def LEX: build chatbots with voice and text. LEX powers Alexa.",
        )
    )
    blocks = [b for s in outline.walk() for b in s.blocks]
    shown = " ".join(texts(outline)) + " " + " ".join(t for _, t in titles(outline))
    assert "def " not in shown
    assert "ROUTE53" in shown and "LEX" in shown
    kept = parse(lines("# Recovery", "Definition of RTO: the maximum time to restore a service."))
    assert "Definition of RTO: the maximum time to restore a service." in texts(kept)
    assert all(not (b.term or "").lower().startswith("def ") for b in blocks)
