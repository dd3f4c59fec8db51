"""The summary builder (content/summary.py): strings and dataclasses in, a Summary out; no database."""

import re

from content.render import render_snippet
from content.summary import (
    MAX_WORDS,
    Confusion,
    NoteFact,
    NoteLine,
    Sibling,
    Spelling,
    Statement,
    TableSpec,
    TopicLink,
    TopicNotes,
    as_sentence,
    as_text,
    confusion_for,
    heading_fragment,
    load_reference,
    summarise,
    word_count,
)

REF = ("n1", 1, 10)


def line(text, section="Overview", line_no=10, correction=None, context=""):
    return NoteLine(
        text=text, section=section, refs=(("n1", 1, line_no),), correction=correction, context=context or section
    )


def sibling(sid, name, pattern):
    return Sibling(id=sid, name=name, evidence=(re.compile(pattern, re.I),))


CLASSES = TableSpec(
    family="classes",
    caption="Classes compared",
    url="https://aws.example/classes",
    columns=("Availability", "Minimum storage duration", "Typical use"),
    siblings=(
        sibling("standard", "S3 Standard", r"\bstandard\b(?!-ia)"),
        sibling("standard-ia", "S3 Standard-IA", r"standard-ia"),
        sibling("deep", "S3 Glacier Deep Archive", r"deep archive"),
    ),
    values={"standard": ("99.99%", "None"), "standard-ia": ("99.9%", "30 days"), "deep": ("99.99%", "180 days")},
    notes={"Availability": re.compile(r"\d\s*%\s*availab", re.I)},
)


def test_the_table_has_a_row_per_sibling_the_notes_cover_with_the_reference_figures():
    notes = TopicNotes(
        slug="classes",
        name="Storage classes",
        table=CLASSES,
        lines=(
            line("S3 Standard", line_no=1),
            line("99.99% availability, millisecond access", section="S3 Standard", line_no=2),
            line("S3 Standard-IA", section="S3 Standard-IA", line_no=3),
            line("For data read about once a month that needs fast access", section="S3 Standard-IA", line_no=4),
        ),
    )
    table = summarise(notes).table
    assert [row.name for row in table.rows] == ["S3 Standard", "S3 Standard-IA"]  # no Deep Archive: not covered
    standard, infrequent = table.rows
    assert [c.text for c in standard.cells[:2]] == ["99.99%", "None"]
    assert standard.cells[0].refs == [["n1", 1, 2]]  # the note line that states the figure
    assert standard.cells[1].url == "https://aws.example/classes" and not standard.cells[1].refs
    assert infrequent.cells[1].text == "30 days"
    assert infrequent.cells[2].text == "For data read about once a month that needs fast access."
    assert infrequent.cells[2].refs == [["n1", 1, 4]]


def test_a_line_under_a_siblings_heading_belongs_to_that_sibling_even_when_it_names_another():
    notes = TopicNotes(
        slug="classes",
        name="Storage classes",
        table=CLASSES,
        lines=(
            line("S3 Standard: for frequently accessed data", line_no=1),
            line("Lower cost than S3 Standard, with a retrieval fee per GB", section="S3 Standard-IA", line_no=2),
        ),
    )
    rows = {row.name: row for row in summarise(notes).table.rows}
    assert rows["S3 Standard-IA"].cells[2].text == "Lower cost than S3 Standard, with a retrieval fee per GB."


def test_a_flagged_line_never_backs_a_figure_nor_describes_a_sibling():
    wrong = "S3 Glacier Deep Archive: 99.99% availability, retrieval in 12-48 hours"
    notes = TopicNotes(
        slug="classes",
        name="Storage classes",
        table=CLASSES,
        lines=(
            line("S3 Standard", line_no=1),
            line("S3 Standard-IA is for monthly data", line_no=2),
            line(wrong, line_no=3, correction="Deep Archive restores within 12 hours (standard) or 48 hours (bulk)."),
            line("Deep archive: 99.99% availability", line_no=4),
        ),
    )
    summary = summarise(notes)
    for statement in summary.statements():
        assert ["n1", 1, 3] not in statement.refs, statement
    deep = next(row for row in summary.table.rows if row.name == "S3 Glacier Deep Archive")
    assert deep.cells[0].refs == [["n1", 1, 4]]
    assert summary.traps[0].correction.startswith("Deep Archive restores within 12 hours")
    assert summary.traps[0].refs == [["n1", 1, 3]]


def test_every_statement_links_to_a_note_line_or_an_aws_page():
    notes = TopicNotes(
        slug="classes",
        name="Storage classes",
        table=CLASSES,
        reference=Statement("Storage classes are price tiers for objects.", [], "https://aws.example/classes"),
        lines=(line("S3 Standard", line_no=1), line("S3 Standard-IA", line_no=2), line("Deep archive", line_no=3)),
        facts=(
            NoteFact(
                "number",
                "s3 durability",
                {"number": "99.999999999%", "statement": "S3 durability is 99.999999999% (11 nines)"},
                (REF,),
            ),
        ),
    )
    summary = summarise(notes)
    assert summary.definition.url and summary.facts and summary.table
    assert all(s.refs or s.url for s in summary.statements())


def test_the_notes_definition_wins_when_it_reads_as_one_and_names_the_topic():
    definition = Statement(
        "Amazon SQS: a fully managed message queue that decouples the parts of an application "
        "so producers and consumers work at their own pace",
        [list(REF)],
    )
    reference = Statement("Amazon SQS is a managed queue.", [], "https://aws.example/sqs")
    notes = TopicNotes(
        slug="amazon-sqs",
        name="Amazon SQS",
        names=("SQS",),
        lines=(line("x y z w"),),
        definition=definition,
        reference=reference,
    )
    assert summarise(notes).definition.refs == [list(REF)]


def test_a_lead_in_a_story_or_a_spelled_out_name_gives_way_to_the_reference_definition():
    reference = Statement("EC2 purchasing options are the ways to pay for instances.", [], "https://aws.example/ec2")
    for weak in (
        "EC2 instances can be purchased using various pricing models to suit different needs:",
        "Let's say we have a two tier application and the web tier sends data to the app tier.",
        "EC2 Purchasing Options: Elastic Compute Cloud purchasing options",
    ):
        notes = TopicNotes(
            slug="ec2-purchasing-options",
            name="EC2 Purchasing Options",
            lines=(line("x y z w"),),
            definition=Statement(weak, [list(REF)]),
            reference=reference,
        )
        assert summarise(notes).definition == reference, weak


def test_a_topic_with_a_single_thin_line_gets_a_short_summary_not_an_empty_box():
    notes = TopicNotes(
        slug="aws-storage-gateway",
        name="AWS Storage Gateway",
        lines=(line("Storage Gateway: hybrid storage that extends on-premises storage to S3"),),
    )
    summary = summarise(notes)
    assert summary.definition.text == "Storage Gateway: hybrid storage that extends on-premises storage to S3."
    assert summary.definition.refs == [["n1", 1, 10]]
    text = as_text(summary.as_dict(), "AWS Storage Gateway")
    assert "hybrid storage" in text


def test_a_flagged_thin_line_is_no_definition_but_its_correction_is_a_trap():
    notes = TopicNotes(
        slug="aws-fargate",
        name="AWS Fargate",
        lines=(
            line(
                "Fargate will be part of one availability zone", correction="A Fargate service spans the AZs you pick."
            ),
        ),
    )
    summary = summarise(notes)
    assert summary.definition is None
    assert [t.correction for t in summary.traps] == ["A Fargate service spans the AZs you pick."]


def test_key_facts_are_figures_first_each_said_once_and_never_an_example_or_a_cut_slide():
    facts = (
        NoteFact(
            "definition",
            "versioning",
            {"term": "Versioning", "definition": "keeps every version of an object"},
            (("n3", 4, 5),),
        ),
        NoteFact(
            "number", "s3 object size", {"number": "5 TB", "statement": "The largest object is 5 TB"}, (("n2", 3, 6),)
        ),
        NoteFact(
            "number",
            "durability",
            {"number": "99.999999999%", "statement": "Durability is 99.999999999%"},
            (("n2", 3, 7),),
        ),
        NoteFact(
            "number",
            "s3 durability",
            {"number": "99.999999999%", "statement": "S3 offers 99.999999999% durability"},
            (("n3", 4, 8),),
        ),
        NoteFact(
            "number", "example", {"number": "40%", "statement": "Example: keep the CPU at around 40%"}, (("n2", 3, 9),)
        ),
        NoteFact(
            "definition",
            "serverless",
            {"term": "Serverless", "definition": "developers don't manage servers…"},
            (("n2", 3, 10),),
        ),
    )
    notes = TopicNotes(slug="object-store", name="Amazon S3", lines=(line("x y z w"),), facts=facts)  # no essentials
    texts = [f.text for f in summarise(notes).facts]
    assert texts == [
        "The largest object is 5 TB.",
        "Durability is 99.999999999%",
        "Versioning: keeps every version of an object.",
    ]


def test_a_definition_of_another_topic_is_left_to_that_topics_page():
    facts = (
        NoteFact(
            "definition",
            "fargate",
            {"term": "Fargate", "definition": "a compute engine for containers in ECS without servers"},
            (REF,),
        ),
    )
    notes = TopicNotes(
        slug="container-service",
        name="Amazon ECS",
        lines=(line("x y z w"),),
        facts=facts,
        other_topic=lambda term: term == "Fargate",
    )
    assert summarise(notes).facts == []


def test_misspelled_service_names_take_the_catalogs_spelling_and_right_ones_stay():
    spelling = Spelling(
        [
            ("amazon-dynamodb", ("Amazon DynamoDB", "DynamoDB"), ("amazon dynamic db", "dynamo db", "dynamo")),
            ("amazon-redshift", ("Amazon Redshift", "Redshift"), ("red shift",)),
            ("aws-elastic-beanstalk", ("AWS Elastic Beanstalk",), ("elastic beanstalk",)),
            ("amazon-ec2", ("Amazon EC2", "EC2"), ("amazon c2", "ec2")),
        ]
    )
    assert spelling("AMAZON DYNAMIC DB stores items; RED SHIFT is OLAP; Amazon C2 runs VMs") == (
        "Amazon DynamoDB stores items; Redshift is OLAP; Amazon EC2 runs VMs"
    )
    assert spelling("Dynamo DB") == "DynamoDB"
    # the same name in other letters, or a short form, is not a misspelling
    assert spelling("elastic beanstalk, dynamo and ec2") == "elastic beanstalk, dynamo and ec2"


def test_the_most_confused_pair_comes_from_the_families_near_misses():
    class Option:
        def __init__(self, oid, fact, topic=None):
            self.id, self.name, self.fact, self.topic = oid, oid.upper(), fact, topic

    class Requirement:
        def __init__(self, meets, why_not):
            self.meets, self.why_not = meets, why_not

    class Family:
        id, topic = "routing", "route-53-routing-policies"
        options = {
            o.id: o
            for o in (
                Option("simple", "Simple: one record."),
                Option("multivalue", "Multi: up to 8."),
                Option("latency", "Latency: fastest Region."),
            )
        }
        requirements = [
            Requirement(("multivalue",), {"simple": "no health checks", "latency": "not random"}),
            Requirement(("simple",), {"multivalue": "more than asked"}),
        ]

    confusion = confusion_for(
        "route-53-routing-policies", [Family], lambda slug: True, {}, {"routing": "https://aws.example/routing"}
    )
    assert confusion == Confusion(
        names=("MULTIVALUE", "SIMPLE"),
        text="Multi: up to 8. Simple: one record.",
        url="https://aws.example/routing",
        family="routing",
    )


def test_the_reference_data_loads_and_every_entry_links_to_an_aws_page():
    reference = load_reference()
    assert reference.definitions and reference.tables
    assert all(s.url.startswith("https://") for s in reference.definitions.values())
    assert "s3-storage-class" in reference.tables


def test_search_snippets_render_markdown_with_the_hit_marked_and_nothing_unsafe():
    html = render_snippet("see **S3 <mark>Versioning</mark>** with `aws s3api` - **cut", "<mark>", "</mark>")
    assert html == "see <strong>S3 <mark>Versioning</mark></strong> with <code>aws s3api</code> - cut"
    assert render_snippet("<script>x</script> <mark>hit</mark>", "<mark>", "</mark>") == (
        "&lt;script&gt;x&lt;/script&gt; <mark>hit</mark>"
    )
    # a hit across the end of a bold run stays well nested
    assert render_snippet("a **b <mark>c** d</mark>", "<mark>", "</mark>") == (
        "a <strong>b <mark>c</mark></strong><mark> d</mark>"
    )


def test_a_key_fact_is_one_clean_claim():
    garbled = [
        "Language Support: Many programming languages except (arbitrary) Docker",  # an exception tangle
        "Easy to get more resources per functions (up to 10GB of RAM!)",  # a slide's exclamation
        "Billing: By the time run x by the RAM provisioned",  # arithmetic written as prose
        "It can only work till 15 minutes",  # a pronoun with nothing before it
        "Lifecycle Rules – Move older versions to Glacier after 30 days",  # an example rule, not S3's behaviour
        "Network card: Speed of the card, Public IP address",  # a fragment
    ]
    facts = tuple(
        NoteFact(
            "definition" if ":" in text else "number",
            f"s{i}",
            {"term": text.split(":")[0], "definition": text.split(":", 1)[-1], "statement": text, "number": str(i)},
            (("n2", 1, i),),
        )
        for i, text in enumerate(garbled, start=1)
    )
    good = NoteFact(
        "number",
        "timeout",
        {"number": "15 minutes", "statement": "A function can run for up to 15 minutes per invocation"},
        (("n2", 1, 99),),
    )
    notes = TopicNotes(slug="functions", name="Functions", lines=(line("x y z w"),), facts=(*facts, good))
    assert [f.text for f in summarise(notes).facts] == ["A function can run for up to 15 minutes per invocation."]


def test_a_term_the_notes_define_two_ways_is_no_key_fact():
    facts = (
        NoteFact(
            "definition",
            "ECS container instance",
            {"term": "ECS container instance", "definition": "Part of EC2 instance which runs the agent"},
            (("n2", 1, 1),),
        ),
        NoteFact(
            "definition",
            "Container Instance",
            {
                "term": "Container Instance",
                "definition": "Represents the compute resources (EC2 instances or Fargate) where tasks run",
            },
            (("n3", 1, 2),),
        ),
        NoteFact(
            "definition",
            "Service",
            {"term": "Service", "definition": "keeps the desired number of tasks running in the cluster"},
            (("n3", 1, 3),),
        ),
    )
    notes = TopicNotes(slug="containers", name="Amazon ECS", names=("ECS",), lines=(line("x y z w"),), facts=facts)
    assert [f.text for f in summarise(notes).facts] == [
        "Service: keeps the desired number of tasks running in the cluster."
    ]


def test_a_correction_about_another_service_stays_in_the_notes_below():
    notes = TopicNotes(
        slug="functions",
        name="AWS Lambda",
        names=("Lambda",),
        related=(TopicLink("vpc", "Amazon VPC"),),
        lines=(
            line("default vpc has 3 subnets", correction="The default VPC has a subnet per AZ."),
            line("Lambda runs 5 minutes", correction="Lambda runs up to 15 minutes.", line_no=11),
        ),
    )
    assert [t.correction for t in summarise(notes).traps] == ["Lambda runs up to 15 minutes."]


def test_the_reference_essentials_come_first_with_their_aws_page_and_the_notes_add_only_clean_figures():
    essentials = load_reference().essentials["amazon-s3"]
    facts = (
        NoteFact(
            "number",
            "object size",
            {"number": "5 TB", "statement": "Max. Object Size is 5TB (5000GB)"},
            (("n2", 1, 1),),
        ),  # outdated: 50 TB since December 2025
        NoteFact(
            "number",
            "uploads",
            {"number": "5GB", "statement": "If uploading more than 5GB, must use multi-part upload"},
            (("n2", 1, 2),),
        ),  # the essentials say 5 GB
        NoteFact(
            "number",
            "names",
            {"number": "63", "statement": "Bucket names must be 3 to 63 characters long"},
            (("n2", 1, 4),),
        ),
        NoteFact(
            "definition",
            "Buckets",
            {"term": "Buckets", "definition": "containers for objects in a Region"},
            (("n2", 1, 3),),
        ),  # the essentials say what S3 is made of
    )
    notes = TopicNotes(slug="amazon-s3", name="Amazon S3", names=("S3",), lines=(line("x y z w"),), facts=facts)
    summary = summarise(notes)
    assert summary.facts[: len(essentials)] == list(essentials)
    assert all(f.url.startswith("https://") and not f.refs for f in essentials)
    assert any("50 TB" in f.text for f in essentials)
    assert [f.text for f in summary.facts[len(essentials) :]] == ["Bucket names must be 3 to 63 characters long."]


def test_a_discontinued_service_is_said_before_its_summary():
    sheet = {"definition": {"text": "QLDB was a ledger database."}}
    text = as_text(sheet, "Amazon QLDB", "AWS ended support for Amazon QLDB on 31 July 2025.")
    assert text.index("Discontinued. AWS ended support") < text.index("ledger database")


def test_the_text_points_to_no_notes_it_does_not_show():
    sheet = {
        "definition": {"text": "X is a thing that does y."},
        "traps": [{"correction": "c", "wrong": "w", "refs": []}],
        "more_traps": 2,
    }
    text = as_text(sheet, "X")
    assert "more correction" not in text and "notes below" not in text
    assert '- c (your notes: "w")' in text


def test_a_point_is_said_once_across_the_lead_the_key_facts_and_the_traps():
    facts = (
        NoteFact(
            "number",
            "durability",
            {"number": "99.999999999%", "statement": "S3 is designed to give 99.999999999% durability of objects"},
            (("n2", 1, 1),),
        ),
        NoteFact(
            "number",
            "names",
            {"number": "63", "statement": "Bucket names must be 3 to 63 characters long"},
            (("n2", 1, 4),),
        ),
    )
    notes = TopicNotes(
        slug="amazon-s3",
        name="Amazon S3",
        names=("S3",),
        facts=facts,
        lines=(
            line("durability is 99.99999999999 %", correction="S3 is designed for 11 nines: 99.999999999%.", line_no=2),
            line(
                "Objects live in folders",
                correction="Objects (a key, the data and metadata) live in buckets; bucket "
                "names are globally unique, and each bucket is in one Region.",
                line_no=3,
            ),
            line(
                "buckets are unlimited",
                correction="An account can create 10,000 general purpose buckets by default.",
                line_no=4,
            ),
        ),
    )
    summary = summarise(notes)
    texts = [f.text for f in summary.facts]
    assert not any("99.999999999% durability of objects" in t for t in texts)  # an essential says it
    assert "Bucket names must be 3 to 63 characters long." in texts
    # The durability and bucket traps repeat key facts; the bucket quota is a new point.
    assert [t.correction for t in summary.traps] == ["An account can create 10,000 general purpose buckets by default."]
    assert summary.more_traps == 2  # the page links them to the notes below


def test_a_summary_reads_in_two_minutes_however_many_corrections_the_notes_need():
    corrections = [
        f"Service number {n} keeps {n} distinct copies of each record in region {n} for audit purposes."
        for n in range(10, 30)
    ]
    facts = tuple(
        NoteFact(
            "number",
            f"limit {n}",
            {"number": f"{n} GB", "statement": f"Queue {n} holds at most {n} GB of messages per tenant {n}"},
            (("n2", 1, n),),
        )
        for n in range(40, 47)
    )
    notes = TopicNotes(
        slug="queues",
        name="Queue Thing",
        facts=facts,
        lines=tuple(
            line(f"record copies wrong {n} times over", correction=c, line_no=n) for n, c in enumerate(corrections)
        ),
    )
    summary = summarise(notes)
    assert word_count(summary) <= MAX_WORDS
    assert summary.traps and summary.more_traps == len(corrections) - len(summary.traps)


def test_a_pasted_heading_is_no_key_fact():
    for text in (
        "Reserved Instances (RIs): Offers a significant discount (up to 72%) compared to On-Demand prices.",
        "Workflow of EC2 Image Builder: Source Image, Custom Components, Build Recipe, Testing.",
        "S3 Durability and Availability – If you store 10,000,000 objects you lose one every 10,000 years.",
        "Built-in Security and Compliance: The service integrates with Amazon Inspector.",
    ):
        assert heading_fragment(text), text
    for text in (
        "Bucket names must be 3 to 63 characters long.",
        "Standard queues: at-least-once delivery.",
        "A function runs for at most 15 minutes per invocation.",
    ):
        assert not heading_fragment(text), text


def test_a_glossary_lead_reads_as_a_sentence():
    assert as_sentence("Amazon RDS (Relational Database Service): A managed service that runs databases.") == (
        "Amazon RDS (Relational Database Service) is a managed service that runs databases."
    )
    clean = "Amazon RDS runs databases: MySQL, PostgreSQL."
    assert as_sentence(clean) == clean


def test_a_service_named_with_the_wrong_makers_prefix_takes_the_catalogs_name():
    spell = Spelling(
        [
            ("amazon-inspector", ("Amazon Inspector", "Inspector"), ()),
            ("ec2-image-builder", ("EC2 Image Builder",), ("aws ec2 image builder",)),
            ("amazon-s3", ("Amazon S3", "S3"), ()),
        ]
    )
    assert spell("AWS EC2 Image Builder works with AWS Inspector.") == (
        "EC2 Image Builder works with Amazon Inspector."
    )
    assert spell("run aws s3 ls, then read Amazon S3 docs") == "run aws s3 ls, then read Amazon S3 docs"
    assert spell("AWS S3 stores objects.") == "Amazon S3 stores objects."
