"""Assigning outline sections to catalog topics (content/ingest/topics.py), with hand-built outlines."""

from pathlib import Path

import pytest

from content.catalog import load_catalog
from content.ingest.outline import Block, Outline, Section
from content.ingest.topics import TopicSection, assign

CATALOG = load_catalog()


def B(text, line, depth=0, term=None, definition=None, kind="bullet"):  # noqa: N802 - reads like data
    return Block(kind=kind, text=text, line=line, end_line=line, depth=depth, term=term, definition=definition)


def S(title, line, level=1, blocks=(), children=(), raw=None):  # noqa: N802
    return Section(
        title=title,
        raw_title=raw if raw is not None else title,
        level=level,
        line=line,
        blocks=list(blocks),
        children=list(children),
    )


def md(title, line, level, blocks=(), children=()):
    """A Markdown heading: '#' * level + title."""
    return S(title, line, level, blocks, children, raw="#" * level + " " + title)


def run(*sections, source="t"):
    return assign(Outline(sections=list(sections)), CATALOG, source=source)


def pages(result: list[TopicSection]) -> list[tuple[str, str, int, list[int]]]:
    return [(s.topic, s.title, s.level, [b.line for b in s.blocks]) for s in result]


# -- a heading starts a topic; what names nothing stays with it ------------------------------


def test_heading_starts_its_topic_and_unmatched_subheadings_stay():
    out, warnings = run(
        md(
            "Amazon EC2",
            1,
            1,
            [B("EC2 is a virtual server", 2, kind="paragraph")],
            [
                md("Key Features", 4, 3, [B("Resizable compute", 5)]),
                md("Use Cases", 7, 3, [B("Web servers", 8)], [md("Examples", 10, 4, [B("A shop", 11)])]),
            ],
        ),
    )
    assert warnings == []
    assert pages(out) == [
        ("amazon-ec2", "Amazon EC2", 1, [2]),
        ("amazon-ec2", "Key Features", 2, [5]),
        ("amazon-ec2", "Use Cases", 2, [8]),
        ("amazon-ec2", "Examples", 3, [11]),
    ]
    assert all(isinstance(s, TopicSection) for s in out)


def test_subheading_matching_a_sub_topic_goes_to_the_sub_topic_page():
    out, _ = run(
        md(
            "AWS S3 (Simple Storage Service)",
            1,
            1,
            [B("Object storage", 2)],
            [
                md(
                    "S3 Storage Classes",
                    4,
                    3,
                    [B("Pick by access pattern", 5)],
                    [
                        md("S3 Standard", 7, 4, [B("Frequent access", 8)]),
                        md("S3 Glacier Deep Archive", 10, 4, [B("12-48 hours", 11)]),
                    ],
                ),
                md("S3 Versioning", 13, 3, [B("Keeps old versions", 14)]),
            ],
        ),
    )
    assert pages(out) == [
        ("amazon-s3", "AWS S3 (Simple Storage Service)", 1, [2]),
        ("s3-storage-classes", "S3 Storage Classes", 1, [5]),
        # "S3 Standard" names S3, the parent of the page it is on: it stays there
        ("s3-storage-classes", "S3 Standard", 2, [8]),
        ("s3-storage-classes", "S3 Glacier Deep Archive", 2, [11]),
        ("amazon-s3", "S3 Versioning", 2, [14]),  # a section of S3, not a page of its own
    ]


def test_heading_naming_the_topic_it_is_in_stays_a_section_of_it():
    out, _ = run(
        md(
            "Amazon ECS",
            1,
            1,
            [],
            [
                md("Amazon ECS (Elastic Container Service)", 2, 3, [B("Orchestrates containers", 3)]),
                md("AWS Fargate", 5, 3, [B("Serverless containers", 6)]),
            ],
        )
    )
    assert pages(out) == [
        ("amazon-ecs", "Amazon ECS", 1, []),
        ("amazon-ecs", "Amazon ECS (Elastic Container Service)", 2, [3]),
        ("aws-fargate", "AWS Fargate", 1, [6]),
    ]


def test_markdown_unmatched_heading_goes_to_the_ancestor_not_the_previous_sibling():
    out, _ = run(
        md(
            "Amazon EC2",
            1,
            1,
            [],
            [
                md("Elasticity and Scalability", 2, 3, [B("Auto Scaling", 3)]),  # a concept page
                md("Launching one", 5, 3, [B("Pick a size and a key pair", 6)]),  # back on EC2
            ],
        )
    )
    assert [(s.topic, s.title) for s in out] == [
        ("amazon-ec2", "Amazon EC2"),
        ("high-availability-and-scalability", "Elasticity and Scalability"),
        ("amazon-ec2", "Launching one"),
    ]


def test_plain_text_unmatched_heading_continues_the_previous_heading():
    # Flat ALL-CAPS headings the parser cannot nest
    out, warnings = run(
        S("DYNAMO DB", 1, 1, [B("A NoSQL database", 2, kind="paragraph")]),
        S("Read Capacity Units (RCU)", 4, 1, [B("One strongly consistent read", 5)]),
        S("TYPES OF INSTANCES", 7, 1),
        S("MICRO", 8, 1, [B("Low throughput", 9)]),
    )
    assert warnings == []
    assert pages(out) == [
        ("amazon-dynamodb", "DYNAMO DB", 1, [2]),
        ("amazon-dynamodb", "Read Capacity Units (RCU)", 1, [5]),
        ("ec2-instance-types", "TYPES OF INSTANCES", 1, []),
        ("ec2-instance-types", "MICRO", 1, [9]),
    ]


def test_plain_text_heading_does_not_continue_a_previous_chapter():
    # Slide exports: dashed banners are chapters with sub-headings; an unmatched banner is not
    # a continuation of the chapter before it.
    out, warnings = run(
        S("Amazon S3 Section", 1, 1, [B("Backup and storage", 2)], [S("Amazon S3 - Buckets", 4, 2, [B("Unique", 5)])]),
        S("Other Compute Section", 7, 1, [B("Apps run anywhere", 8)], [S("ECS", 10, 2, [B("Containers", 11)])]),
        source="slides",
    )
    assert [(s.topic, s.title) for s in out] == [
        ("amazon-s3", "Amazon S3 Section"),
        ("amazon-s3", "Amazon S3 - Buckets"),
        ("amazon-ecs", "ECS"),
    ]
    assert warnings == [
        "slides:7: heading 'Other Compute Section' matches no catalog topic and has no topic above it; "
        "1 block(s) unassigned (line 8)"
    ]


# -- several services in one heading ------------------------------------------------------


def test_plain_text_heading_listing_other_services_does_not_continue_the_previous_heading():
    # An overview file: "CLOUD9:" then a chapter of other services' entries. The chapter is no part of Cloud9: its
    # entries go to the services they name, and one whose name the catalog does not know goes nowhere.
    out, _ = run(
        S("CLOUD9", 1, 1, [B("IDE: env where you can develop your code", 3, term="IDE", definition="env where ...")]),
        S(
            "MANAGEMENT TOOLS",
            5,
            1,
            [
                B("cloud watch : bread and butter of sys admin", 7, term="cloud watch", definition="bread and ..."),
                B("config: monitors configuration of the env", 8, term="config", definition="monitors ..."),
                B("managed service: if you dont worry about scaling", 9, term="managed service", definition="if ..."),
            ],
        ),
        S("MEDIA SERVICE", 11, 1, [B("Elastic transcoder: resizes your video", 13, term="Elastic transcoder")]),
    )
    placed = {line: s.topic for s in out for line in [b.line for b in s.blocks]}
    assert placed[3] == "aws-cloud9"
    assert placed[7] == "amazon-cloudwatch"
    assert placed[8] == "aws-config"
    assert 9 not in placed and 13 not in placed  # nowhere, not on Cloud9's page


def test_multi_service_heading_feeds_each_service():
    out, warnings = run(
        S(
            "SNS, SQS & KINESIS",
            1,
            1,
            [
                B("All three are managed and scale automatically", 2),  # names none: all three
                B("SNS pushes notifications to subscribers", 3),  # names SNS
                B("SQS", 4, term="SQS", definition="a queue that decouples tiers"),
                B("Messages wait until a consumer reads them", 5, depth=1),  # child of the SQS bullet
                B("Integrated with SNS for fan-out", 6, depth=1),  # child: stays with SQS
            ],
            [
                S("SNS", 8, 2, [B("Pub/sub messaging", 9)]),
                S("FIFO", 11, 2, [B("Ordered delivery", 12)]),  # plain text: continues SNS
                S("SIMPLE QUEUING SERVICE", 14, 2, [B("Decoupling", 15)]),
                S("KINESIS", 17, 2, [B("Streaming", 18)]),
                S("Data Analytics", 20, 2, [B("SQL on streams", 21)]),
            ],
        ),
    )
    assert warnings == []
    assert pages(out) == [
        ("amazon-sns", "SNS, SQS & KINESIS", 1, [2, 3]),
        ("amazon-sqs", "SNS, SQS & KINESIS", 1, [2, 4, 5, 6]),
        ("amazon-kinesis", "SNS, SQS & KINESIS", 1, [2]),
        ("amazon-sns", "SNS", 1, [9]),
        ("amazon-sns", "FIFO", 1, [12]),
        ("amazon-sqs", "SIMPLE QUEUING SERVICE", 1, [15]),
        ("amazon-kinesis", "KINESIS", 1, [18]),
        ("amazon-kinesis", "Data Analytics", 1, [21]),
    ]


def test_multi_service_heading_subsection_naming_none_goes_to_all():
    out, _ = run(md("EKS & ECS", 1, 1, [], [md("Concepts", 2, 2, [B("Clusters", 3)])]))
    assert pages(out) == [
        ("amazon-eks", "EKS & ECS", 1, []),
        ("amazon-ecs", "EKS & ECS", 1, []),
        ("amazon-eks", "Concepts", 2, [3]),
        ("amazon-ecs", "Concepts", 2, [3]),
    ]


def test_comparison_heading_goes_whole_to_each_service():
    blocks = [
        B("Lambda:", 2, term="Lambda", definition=""),
        B("Time limit", 3, depth=1),
        B("Batch:", 4, term="Batch", definition=""),
        B("No time limit", 5, depth=1),
    ]
    out, _ = run(S("Batch vs Lambda", 1, 1, blocks))
    assert pages(out) == [
        ("aws-batch", "Batch vs Lambda", 1, [2, 3, 4, 5]),
        ("aws-lambda", "Batch vs Lambda", 1, [2, 3, 4, 5]),
    ]


def test_comparison_with_one_other_topic_stays_in_its_topic():
    out, _ = run(md("AWS Lightsail", 1, 1, [], [md("Key Differences from EC2", 2, 3, [B("Simpler", 3)])]))
    assert [(s.topic, s.title) for s in out] == [
        ("amazon-lightsail", "AWS Lightsail"),
        ("amazon-lightsail", "Key Differences from EC2"),
    ]


def test_a_comparison_of_two_other_things_leaves_the_section_it_sits_in():
    """ "VPC gateway endpoints vs interface endpoints" under "AWS Artifact" (a cheat sheet's one level-2 heading over
    all its level-3 ones) compares two things, neither of them Artifact: it goes to the topic it names. A comparison
    of the section's own topic, even misspelt ("AWS Global Acelerator vs CloudFront" under it), stays."""
    out, _ = run(
        md(
            "AWS Artifact",
            1,
            2,
            [B("Compliance reports", 2)],
            [md("VPC gateway endpoints vs interface endpoints", 5, 3, [B("Private access to services", 6)])],
        )
    )
    # (gateway endpoints are the VPC's, not PrivateLink's: the comparison is about the VPC's two kinds of endpoint)
    assert ("amazon-vpc", "VPC gateway endpoints vs interface endpoints") in [(s.topic, s.title) for s in out]
    assert "aws-artifact" not in {s.topic for s in out if s.title.startswith("VPC")}
    out, _ = run(
        md(
            "AWS Global Acelerator",
            1,
            2,
            [B("Anycast IPs", 2)],
            [md("AWS Global Acelerator vs CloudFront", 5, 3, [B("No caching", 6)])],
        )
    )
    assert {s.topic for s in out} == {"aws-global-accelerator"}


def test_a_bare_part_heading_after_a_service_heading_under_no_topic_is_that_services_part():
    """ "### IAM", "### Dashboard", "### Roles", "### Policy" side by side under "## Security and Compliance": the
    headings are flat, but "Roles" after IAM is IAM roles and "Policy" IAM policies; "Dashboard" names no part."""
    out, _ = run(
        md(
            "Security and Compliance",
            1,
            1,
            [],
            [
                md("IAM", 2, 2, [B("Identity and access management for the account", 3)]),
                md("Dashboard", 4, 2, [B("Sign-in link for IAM users", 5)]),
                md("Roles", 6, 2, [B("Similar to a user, but assumable, temporarily, by anyone who needs it", 7)]),
                md("Policy", 8, 2, [B("Who can do what to which resources and when", 9)]),
            ],
        )
    )
    placed = {s.title: s.topic for s in out}
    assert placed["Roles"] == "iam-roles" and placed["Policy"] == "iam-policies"
    assert placed.get("Dashboard") != "iam-roles"


# -- passing mentions, summaries and labels ------------------------------------------------


def test_topic_mentioned_in_passing_gets_no_page():
    out, _ = run(
        md(
            "Amazon EC2",
            1,
            1,
            [
                B(
                    "Storage: attach Amazon EBS volumes or use Amazon S3",
                    2,
                    term="Storage",
                    definition="attach Amazon EBS volumes or use Amazon S3",
                ),
                B("Monitor instances with CloudWatch", 3),
            ],
        )
    )
    assert {s.topic for s in out} == {"amazon-ec2"}


def test_summary_bullets_go_to_the_topic_their_term_names():
    out, warnings = run(
        S(
            "Amazon S3 – Summary",
            1,
            1,
            [
                B(
                    "S3 Versioning: multiple versions for files",
                    2,
                    term="S3 Versioning",
                    definition="multiple versions for files",
                ),
                B(
                    "S3 Storage Classes: Standard, IA, Glacier",
                    3,
                    term="S3 Storage Classes",
                    definition="Standard, IA, Glacier",
                ),
                B(
                    "Storage Gateway: hybrid solution to extend on-premises storage to S3",
                    4,
                    term="Storage Gateway",
                    definition="hybrid solution to extend on-premises storage to S3",
                ),
                B(
                    "Buckets vs Objects: global unique name",
                    5,
                    term="Buckets vs Objects",
                    definition="global unique name",
                ),
            ],
        )
    )
    assert warnings == []
    assert pages(out) == [
        ("amazon-s3", "Amazon S3 – Summary", 1, [2, 5]),
        ("s3-storage-classes", "Amazon S3 – Summary", 1, [3]),
        ("aws-storage-gateway", "Amazon S3 – Summary", 1, [4]),
    ]


def test_summary_under_no_topic_routes_bullets_and_reports_the_rest():
    out, warnings = run(
        S(
            "Databases & Analytics Summary in AWS",
            1,
            1,
            [
                B("Hadoop Cluster: EMR", 2, term="Hadoop Cluster", definition="EMR"),
                B("In-memory Database: ElastiCache", 3, term="In-memory Database", definition="ElastiCache"),
                B("Neptune: graph database", 4, term="Neptune", definition="graph database"),
                B("Fast and cheap: mostly", 5, term="Fast and cheap", definition="mostly"),
            ],
        ),
        source="slides",
    )
    assert pages(out) == [
        ("amazon-emr", "Databases & Analytics Summary in AWS", 1, [2]),
        ("amazon-elasticache", "Databases & Analytics Summary in AWS", 1, [3]),
        ("amazon-neptune", "Databases & Analytics Summary in AWS", 1, [4]),
    ]
    assert warnings == [
        "slides:1: 1 block(s) under heading 'Databases & Analytics Summary in AWS' name no topic (line 5)"
    ]


def test_label_bullet_naming_a_sub_topic_moves_with_its_children():
    out, _ = run(
        md(
            "AWS Route 53",
            1,
            1,
            [],
            [
                md(
                    "Key Features",
                    2,
                    3,
                    [
                        B("DNS Resolution:", 3, term="DNS Resolution", definition=""),
                        B("Translates names to IPs", 4, depth=1),
                        B("Traffic Routing Policies:", 5, term="Traffic Routing Policies", definition=""),
                        B(
                            "Weighted Routing: split traffic",
                            6,
                            depth=1,
                            term="Weighted Routing",
                            definition="split traffic",
                        ),
                        B(
                            "Failover Routing: active-passive",
                            7,
                            depth=1,
                            term="Failover Routing",
                            definition="active-passive",
                        ),
                        B("Health Checks:", 8, term="Health Checks", definition=""),
                    ],
                )
            ],
        )
    )
    assert pages(out) == [
        ("amazon-route-53", "AWS Route 53", 1, []),
        ("amazon-route-53", "Key Features", 2, [3, 4, 8]),
        ("route-53-routing-policies", "Traffic Routing Policies", 1, [5, 6, 7]),
    ]


def test_one_line_bullet_naming_a_sub_topic_stays():
    out, _ = run(
        md(
            "Amazon EC2",
            1,
            1,
            [
                B("Spot Instances: up to 90% off", 2, term="Spot Instances", definition="up to 90% off"),
                B("On-Demand: pay by the second", 3, term="On-Demand", definition="pay by the second"),
            ],
        )
    )
    assert pages(out) == [("amazon-ec2", "Amazon EC2", 1, [2, 3])]


# -- nothing is dropped silently -----------------------------------------------------------


def test_unassigned_heading_is_reported_with_its_line():
    out, warnings = run(S("AWS Services", 1, 1, [B("read later", 2), B("more soon", 3)]), source="outline")
    assert out == []
    assert warnings == [
        "outline:1: heading 'AWS Services' matches no catalog topic and has no topic above it; 2 block(s) unassigned "
        "(lines 2, 3)"
    ]


def test_text_before_any_heading_is_reported():
    out, warnings = run(S("", 0, 1, [B("Write code, upload to lambda", 42)]), S("Pricing", 45, 1), source="cram")
    assert out == []
    assert warnings[0] == "cram:42: 1 block(s) under no heading belong to no topic (line 42)"
    assert warnings[1].startswith("cram:45: heading 'Pricing' matches no catalog topic")


def test_text_before_the_first_heading_inside_a_topic_stays_with_it():
    out, warnings = run(md("Amazon S3", 1, 1, [], [S("", 1, 2, [B("Buckets", 2)])]))
    assert warnings == []
    assert pages(out)[-1] == ("amazon-s3", "", 2, [2])


def test_section_under_no_topic_places_definitions_by_their_subject():
    # A chapter that opens with a sentence, not a heading
    out, warnings = run(
        S(
            "Running Things at Scale Section",
            29,
            1,
            [
                B("CloudFormation is a declarative way of outlining your AWS Infrastructure", 31, kind="paragraph"),
                B("For example, within a CloudFormation template, you say:", 32),
                B("I want a security group", 33, depth=1),
                B("Docker is a software development platform to deploy apps", 35),
                B("Apps run the same, regardless of where they run", 36),  # continues Docker
                B("Cloud 9 :", 37, term="Cloud 9", definition="", kind="paragraph"),  # an empty label: nothing
            ],
        ),
        source="slides",
    )
    assert pages(out) == [
        ("aws-cloudformation", "Running Things at Scale Section", 1, [31, 32, 33]),
        ("docker-containers", "Running Things at Scale Section", 1, [35, 36]),
    ]
    assert warnings == ["slides:29: 1 block(s) under heading 'Running Things at Scale Section' name no topic (line 37)"]


def test_unassigned_container_with_assigned_children_is_not_reported():
    out, warnings = run(S("Database Section", 1, 1, [], [S("DynamoDB", 2, 2, [B("NoSQL", 3)])]))
    assert warnings == []
    assert pages(out) == [("amazon-dynamodb", "DynamoDB", 1, [3])]


def test_every_block_is_assigned_or_reported():
    outline = Outline(
        sections=[
            S("", 0, 1, [B("orphan", 1)]),
            S("Other Compute Section", 6, 1, [B("to do", 7)], [S("Lambda Summary", 8, 2, [B("FaaS", 9)])]),
            S("Amazon EMR", 2, 1, [B("Hadoop", 3)]),
            S("Advantages", 4, 1, [B("Cheap", 5)]),  # plain text: continues EMR
        ]
    )
    out, warnings = assign(outline, CATALOG, source="x")
    placed = {b.line for s in out for b in s.blocks}
    reported = {int(w.split(":")[1]) for w in warnings}
    assert placed == {3, 5, 9}
    assert reported == {1, 6}


# -- the real notes, when the parser is there -----------------------------------------------

NOTES = Path(__file__).resolve().parents[1] / "notes"


@pytest.fixture(scope="module")
def real_notes():
    parse_module = pytest.importorskip("content.ingest.parse")
    result = {}
    for path in sorted(NOTES.glob("*.txt")):
        prefix = path.name[:3]
        result[prefix] = assign(parse_module.parse(path.read_text(encoding="utf-8")), CATALOG, source=prefix)
    return result


def test_real_notes_every_block_is_placed_or_reported(real_notes):
    for prefix, (sections, warnings) in real_notes.items():
        for ts in sections:
            assert ts.topic in CATALOG.topics
            assert ts.level >= 1
        for warning in warnings:
            assert warning.startswith(f"{prefix}:")


def test_real_notes_land_on_the_expected_pages(real_notes):
    # Every page below is reached by at least one shipped note; which note is not the point.
    topics = {s.topic for sections, _ in real_notes.values() for s in sections}
    assert {"amazon-s3", "s3-storage-classes", "aws-lambda", "amazon-ec2", "amazon-ecs"} <= topics
    assert {"aws-iam", "amazon-s3", "s3-storage-classes", "aws-lambda"} <= topics
    assert {
        "iam-policies",
        "ec2-purchasing-options",
        "amazon-ebs",
        "amazon-efs",
        "elastic-load-balancing",
        "amazon-ec2-auto-scaling",
        "s3-storage-classes",
        "amazon-rds",
        "amazon-dynamodb-accelerator",
        "aws-elastic-beanstalk",
        "ssm-parameter-store",
    } <= topics
    assert {
        "cloud-computing",
        "ec2-instance-types",
        "ebs-volume-types",
        "security-groups",
        "s3-storage-classes",
        "shared-responsibility-model",
        "aws-snow-family",
        "amazon-aurora",
        "amazon-route-53",
        "amazon-cloudfront",
    } <= topics
    assert {
        "ec2-placement-groups",
        "amazon-vpc",
        "dns-record-types",
        "route-53-routing-policies",
        "amazon-sns",
        "amazon-sqs",
        "amazon-kinesis",
        "amazon-eks",
        "amazon-ecs",
        "amazon-eventbridge",
        "aws-config",
        "vpc-flow-logs",
    } <= topics


def test_a_name_spelled_out_with_its_acronym_after_it_reaches_its_page_under_an_unknown_heading():
    line = "**AWS Virtual Private Network** (VPN) -- A secure connection to on-premises."
    sections, _ = run(md("Hybrid connections", 1, 2, blocks=[B(line, 2, kind="paragraph")]))
    assert [(s.topic, [b.line for b in s.blocks]) for s in sections if s.blocks] == [("aws-vpn", [2])]
    unknown = "**Some Private Link Thing** (SPLT) -- nothing AWS calls that."
    sections, warnings = run(md("Hybrid connections", 1, 2, blocks=[B(unknown, 2, kind="paragraph")]))
    assert not [s for s in sections if s.blocks] and any("t:1:" in w for w in warnings)


def test_a_practice_question_whose_stem_and_key_name_no_topic_goes_where_its_options_point():
    from content.ingest.parse import parse

    outline = parse(
        "\n".join(
            [
                "1. Which of these is an example of the controls both sides share?",
                "A. Patch management",
                "B. Configuration management",
                "C. Awareness and training",
                "D. Shared controls such as all of the above",
                "Answer: D",
            ]
        )
    )
    sections, _ = assign(outline, CATALOG, source="t")
    assert [(s.topic, len(s.questions)) for s in sections if s.questions] == [("shared-responsibility-model", 1)]


def test_a_sentence_about_a_sub_topic_by_name_goes_to_its_page():
    sections, _ = run(
        md(
            "Amazon DynamoDB",
            1,
            2,
            blocks=[
                B("DynamoDB stores items in tables", 2),
                B("DynamoDB Accelerator (DAX) is an in-memory cache for DynamoDB tables", 3),
                B("Tables have partition keys", 4),
            ],
        )
    )
    assert [(s.topic, [b.line for b in s.blocks]) for s in sections if s.blocks] == [
        ("amazon-dynamodb", [2, 4]),
        ("amazon-dynamodb-accelerator", [3]),
    ]


def _where(sections) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for s in sections:
        for b in s.blocks:
            out.setdefault(b.line, []).append(s.topic)
    return out


def test_a_bold_definition_of_another_service_under_a_heading_goes_to_that_service():
    sections, _ = run(
        md(
            "Amazon EC2 Auto Scaling",
            1,
            2,
            blocks=[
                B("A scaling group keeps at least the minimum number of instances running.", 2, kind="paragraph"),
                B(
                    "**Amazon Simple Queue Service (Amazon SQS)** is a queue that decouples senders from workers.",
                    3,
                    kind="paragraph",
                ),
                B("With **AWS CloudFormation**, you describe the whole stack in one template.", 4, kind="paragraph"),
                B("To look up prices quickly you can use the **AWS Pricing Calculator**.", 5, kind="paragraph"),
            ],
        )
    )
    where = _where(sections)
    assert where[2] == ["amazon-ec2-auto-scaling"]
    assert where[3] == ["amazon-sqs"]
    assert where[4] == ["aws-cloudformation"]
    assert where[5] == ["aws-pricing-calculator"]


def test_a_service_mentioned_in_passing_or_as_a_noun_stays_with_the_heading():
    sections, _ = run(
        md(
            "AWS Lambda",
            1,
            2,
            blocks=[
                B("An S3 bucket upload can start a function run.", 2, kind="paragraph"),
                B("Free tier of one million calls a month.", 3),
                B("Functions often write their logs to CloudWatch.", 4),
                B("Use IAM roles to give functions permissions.", 5),
            ],
        )
    )
    assert set(_where(sections)) == {2, 3, 4, 5}
    assert all(topics == ["aws-lambda"] for topics in _where(sections).values())


def test_under_a_heading_naming_no_topic_each_line_goes_to_the_service_it_defines_or_names():
    sections, warnings = run(
        md(
            "Week three",
            1,
            2,
            blocks=[
                B("**Amazon Elastic Block Store (Amazon EBS)** is disk storage for one instance.", 2, kind="paragraph"),
                B("What is cloud computing?", 4, kind="paragraph"),
                B("Renting IT over the internet and paying for what you use.", 5, kind="paragraph"),
                B("Turning text into speech is done with Amazon Polly.", 7, kind="paragraph"),
                B("Nothing here names a service at all.", 9, kind="paragraph"),
            ],
        )
    )
    where = _where(sections)
    assert where[2] == ["amazon-ebs"]
    assert where[4] == where[5] == ["cloud-computing"]  # the answer line follows its question
    assert where[7] == ["amazon-polly"]
    assert 9 not in where and any("line 9" in w for w in warnings)


def test_the_items_of_a_topics_own_list_stay_with_it_even_when_a_word_names_another_topic():
    sections, _ = run(
        md(
            "Odds and ends",
            1,
            2,
            blocks=[
                B("**Trusted Advisor** sorts its advice into these groups:", 2, kind="paragraph"),
                B(
                    "Cost Optimization - idle resources you still pay for",
                    3,
                    term="Cost Optimization",
                    definition="idle resources you still pay for",
                ),
                B(
                    "Fault Tolerance - single points of failure",
                    4,
                    term="Fault Tolerance",
                    definition="single points of failure",
                ),
                B(
                    "Service Limits - quotas close to their ceiling",
                    5,
                    term="Service Limits",
                    definition="quotas close to their ceiling",
                ),
            ],
        )
    )
    assert _where(sections) == {n: ["aws-trusted-advisor"] for n in (2, 3, 4, 5)}


def test_a_heading_that_is_a_named_part_of_a_topic_reaches_it():
    sections, _ = run(
        md("Governance Perspective", 1, 2, blocks=[B("Aligns IT spending with what the board wants.", 2)]),
        md("Reliability Pillar", 3, 2, blocks=[B("Recover from failure without a person stepping in.", 4)]),
    )
    assert _where(sections) == {2: ["aws-cloud-adoption-framework"], 4: ["aws-well-architected-framework"]}


def test_a_question_line_and_its_ticked_option_go_where_the_answer_points():
    sections, _ = run(
        md(
            "Quiz",
            1,
            2,
            blocks=[
                B("Which service shows the health of the AWS services your account uses?", 2),
                B("[ ] AWS Config", 3, depth=1),
                B("[x] AWS Health Dashboard", 4, depth=1),
            ],
        )
    )
    assert _where(sections) == {n: ["aws-health-dashboard"] for n in (2, 3, 4)}


def test_a_table_of_contents_lands_nowhere_and_is_reported():
    sections, warnings = run(
        md("Contents", 1, 2, blocks=[B("[Amazon S3](#amazon-s3)", 2), B("[AWS Lambda](#aws-lambda)", 3)])
    )
    assert _where(sections) == {}
    assert any("lines 2, 3" in w for w in warnings)


# -- round 2: lines that fit a page reach it -------------------------------------------------------


def placed(markdown: str) -> dict[int, list[str]]:
    """Line number -> the topic pages its block lands on, for a note written as Markdown."""
    from content.ingest.parse import parse

    sections, _ = assign(parse(markdown), CATALOG, source="t")
    where: dict[int, list[str]] = {}
    for section in sections:
        for block in section.blocks:
            where.setdefault(block.line, []).append(section.topic)
    return where


def test_a_section_under_the_services_former_name_is_on_its_page():
    """ "### Amazon Elastic Search" is OpenSearch Service under its name before 2021: its bullets are
    OpenSearch's, not those of the analytics service the file named before it."""
    where = placed(
        "## Amazon Kinesis\n\n- Streams of records\n\n"
        "### Amazon Elastic Search\n\n- Full-text search over application logs.\n"
        "- Dashboards come from Kibana\n"
    )
    assert where[7] == ["amazon-opensearch-service"] and where[8] == ["amazon-opensearch-service"], where


def test_a_service_name_written_as_one_word_or_split_in_two_still_names_it():
    assert CATALOG.mentions("DirectConnect gives a private line") == ["aws-direct-connect"]
    assert CATALOG.mentions("set a Cloud Watch alarm on the Dynamo DB table") == [
        "amazon-cloudwatch",
        "amazon-dynamodb",
    ]
    where = placed("## Hybrid links\n\n**DirectConnect** -- a leased line from your racks into a region.\n")
    assert where[3] == ["aws-direct-connect"]


def test_a_heading_naming_the_kinds_of_a_service_finds_the_page_listing_them():
    assert CATALOG.find("EBS Types") == ["ebs-volume-types"]
    assert CATALOG.find("S3 Classes") == ["s3-storage-classes"]
    assert CATALOG.find("IAM Users") == ["aws-iam"]  # users are not a kind of IAM page


def test_a_bold_name_that_opens_or_closes_with_a_service_name_is_about_that_service():
    where = placed(
        "## Odds and ends\n\n"
        "**Snowball Edge Storage Optimized** suits moving large archives by truck.\n\n"
        "**Isolated subnets** hold hosts that never see the internet.\n\n"
        "**Some Private Link Thing** -- nothing AWS sells.\n"
    )
    assert where[3] == ["aws-snow-family"]
    assert where[5] == ["amazon-vpc"]
    assert 7 not in where


def test_a_short_line_opening_a_list_places_itself_and_the_list_like_a_heading():
    lead = B("Everyday jobs for AWS Glue:", 3, term="Everyday jobs for AWS Glue", definition="", kind="paragraph")
    out, _ = run(md("Getting started", 1, 2, [lead, B("turning raw logs into tables", 4), B("feeding the lake", 5)]))
    assert [(s.topic, [b.line for b in s.blocks]) for s in out if s.blocks] == [("aws-glue", [3, 4, 5])]
    # a bare name among bare names is a list of services, not a lead-in
    names = [
        B("Glue :", 3, term="Glue", definition="", kind="paragraph"),
        B("Athena :", 4, term="Athena", definition="", kind="paragraph"),
    ]
    out, _ = run(
        md(
            "Getting started",
            1,
            2,
            [*names, B("EMR : big data clusters", 5, term="EMR", definition="x", kind="paragraph")],
        )
    )
    assert 3 not in [b.line for s in out for b in s.blocks]


def test_a_question_whose_answer_names_nothing_goes_where_the_question_points():
    where = placed(
        "## Review\n\n**What can you do with AWS Config? (Select TWO.)**\n"
        "Keep a history of resource settings\nJudge settings against your rules\n"
    )
    assert where[3] == where[4] == where[5] == ["aws-config"]


def test_a_bold_question_stem_without_a_question_mark_goes_where_its_answer_points():
    where = placed(
        "## Warm-up set\n\n"
        "**A shop wants its staff to open their desktop apps from any browser, with no installs.**\n"
        "**Amazon AppStream 2.0** streams desktop applications to a browser.\n"
    )
    assert where[3] == where[4] == ["amazon-appstream"]


def test_in_a_note_without_headings_a_sentence_naming_a_topic_lands_there_but_a_score_line_does_not():
    where = placed(
        "Mock exam, round two\n\nSecurity section 80% correct\n\n"
        "Lifecycle rules can push old objects down to S3 Glacier Deep Archive after ninety days.\n"
    )
    assert where[5] == ["s3-storage-classes"]
    assert 1 not in where and 3 not in where


def test_a_label_naming_a_sub_topic_moves_to_its_page_unless_it_sits_among_labels_naming_nothing():
    where = placed(
        "## Amazon EC2\n\n"
        "Virtual machines you rent by the second.\n\n"
        "- **EC2 Instance Store:** scratch disks on the host, gone when it stops.\n"
        "- **Amazon EFS:** a shared file system many hosts mount.\n"
    )
    assert where[5] == ["ec2-instance-store"]
    where = placed("## Amazon EC2\n\n- Spot Instances: spare capacity, cheap\n- Pay as you like: by the second\n")
    assert where[3] == where[4] == ["amazon-ec2"]


def test_a_lead_in_whose_list_is_indented_under_it_does_not_take_the_paragraphs_after_that_list():
    where = placed(
        "## Review\n\n"
        "- Three habits of the Reliability pillar of the Well-Architected Framework:\n"
        "    - plan for change\n"
        "    - plan for failure\n\n"
        "For a managed store like Amazon S3, AWS looks after the operating system.\n"
    )
    assert where[3] == ["aws-well-architected-framework"]
    assert where[7] != ["aws-well-architected-framework"]


# -- round 3: tables of services, misspelt headings, practice questions, concept subjects, examples -------------


def test_a_table_of_services_under_no_topic_sends_each_row_with_its_header_to_that_service():
    from content.render import render_block

    note = (
        "## Cheat sheet\n\n"
        "| Service | What it does |\n| --- | --- |\n"
        "| Amazon S3 [[Storage notes#Buckets]] | Keeps objects in buckets |\n"
        "| Batch | Runs queued jobs on spare capacity |\n"
        "| Something Homegrown | A tool our team wrote |\n"
        "| Elastic File Service (EFS) | Shared files <script>alert(1)</script> |\n"
    )
    sections, _ = assign(__import__("content.ingest.parse", fromlist=["parse"]).parse(note), CATALOG, source="t")
    rows = {s.topic: b for s in sections for b in s.blocks if b.kind == "table"}
    assert set(rows) == {"amazon-s3", "aws-batch", "amazon-efs"}  # the home-grown row lands nowhere
    assert rows["aws-batch"].rows[0] == ["Service", "What it does"]  # the header row stays with each row
    assert len(rows["aws-batch"].rows) == 2
    html = render_block("table", rows["amazon-efs"].text)
    assert "<table>" in html and "<script>" not in html


def test_a_misspelt_heading_reaches_the_service_it_spells_unless_the_odd_word_is_english():
    where = placed("## Amazon S3\n\n- Object storage\n\n## Storage Gatewey\n\n- Extends your disks into the cloud\n")
    assert where[7] == ["aws-storage-gateway"]
    where = placed("## Amazon S3\n\n- Object storage\n\n## Storage Getaway\n\n- Extends your disks into the cloud\n")
    assert where.get(7) != ["aws-storage-gateway"]  # "getaway" is a word: not read as a typo


def test_a_question_marked_select_two_and_its_answer_lines_go_where_it_asks():
    where = placed(
        "## Mock test\n\n"
        "**Which points matter when a firm picks an AWS Region for its app? (Select TWO.)**\n"
        "Distance to the people who use it.\n"
        "Laws on where data may be kept.\n"
    )
    assert where[3] == where[4] == where[5] == ["aws-global-infrastructure"]


def test_a_line_giving_the_answer_stays_with_the_question_it_answers():
    where = placed(
        "## Mock test\n\n"
        "How far back can AWS Cost Explorer show your spend?\n\n"
        "Cost Explorer shows a year of past costs and a forecast.\n\n"
        "Hence, the correct answer is: a year.\n"
    )
    assert where[7] == ["aws-cost-explorer"]


def test_an_authored_question_whose_key_is_a_concept_word_goes_to_that_concept():
    from content.ingest.outline import AuthorQuestion

    question = AuthorQuestion(
        stem="Growing and shrinking capacity with demand is which good habit?",
        options=["Encrypt everything.", "Implement elasticity.", "Buy bigger servers."],
        correct=[1],
        line=3,
        end_line=6,
    )
    section = Section(title="Quiz", raw_title="## Quiz", level=2, line=1, questions=[question])
    out, _ = run(section)
    assert [s.topic for s in out if s.questions] == ["high-availability-and-scalability"]


def test_an_authored_question_goes_where_most_options_point_not_to_the_first_options_service():
    from content.ingest.outline import AuthorQuestion

    question = AuthorQuestion(
        stem="Which piece links an office network to the cloud?",
        options=["IAM", "VPC peering", "A VPC internet gateway", "Homegrown tunnel box"],
        correct=[3],
        line=3,
        end_line=7,
    )
    section = Section(title="Quiz", raw_title="## Quiz", level=2, line=1, questions=[question])
    out, _ = run(section)
    assert [s.topic for s in out if s.questions] == ["amazon-vpc"]


def test_a_line_whose_subject_is_a_concept_reaches_it_even_when_the_word_is_too_common_in_passing():
    where = placed(
        "## Odds and ends\n\n"
        "With AWS, serverless refers to running code without looking after any machines.\n\n"
        "Our serverless ideas board is on the wall.\n"
    )
    assert where[3] == ["serverless-computing"]
    assert where.get(5) != ["serverless-computing"]


def test_a_service_named_as_an_example_is_not_what_the_line_is_about():
    from content.ingest.outline import AuthorQuestion

    question = AuthorQuestion(
        stem="Which statement about who secures what is right?",
        options=["For managed stores such as Amazon S3 and Amazon DynamoDB, AWS owns security of the cloud.", "x"],
        correct=[0],
        line=3,
        end_line=5,
    )
    section = Section(title="Quiz", raw_title="## Quiz", level=2, line=1, questions=[question])
    out, _ = run(section)
    assert [s.topic for s in out if s.questions] == ["shared-responsibility-model"]


def test_an_item_naming_the_lead_ins_own_topic_does_not_end_its_list():
    where = placed(
        "## Moving data\n\n"
        "Reasons to reach for AWS DMS:\n"
        "* Database migrations for testing: copy production safely\n"
        "* Merging: fold many databases into one\n"
        "* Ongoing copies: keep a target in step\n"
    )
    assert where[4] == where[5] == where[6] == ["aws-dms"]


def test_a_label_naming_nothing_right_after_a_named_sentence_goes_on_with_it():
    where = placed(
        "## Kit\n\n"
        "**AWS Snowball Edge** devices carry data to AWS by courier.\n"
        "Storage: 80 TB for Amazon S3 compatible objects\n"
        "Compute: 40 vCPUs for Amazon EC2 instances on the device\n"
    )
    assert where[3] == where[4] == where[5] == ["aws-snow-family"]


def test_a_too_common_heading_word_with_an_exact_name_in_brackets_takes_the_bracketed_name():
    where = placed(
        "## Amazon RDS\n\n- Managed engines\n\n### Serverless (Amazon Aurora Serverless)\n\n- Scales by itself\n"
    )
    assert where[7] == ["amazon-aurora"]


def test_a_section_under_a_heading_naming_nothing_that_is_all_about_one_other_service_goes_there():
    where = placed(
        "# Relational Databases\n\n"
        "Tables, rows and keys.\n\n"
        "## Engines on offer\n\n"
        "Amazon RDS runs MySQL, PostgreSQL and more for you.\n"
    )
    assert where[3] == ["relational-databases"]
    assert where[7] == ["amazon-rds"]


def test_a_sentence_about_a_feature_with_its_own_page_goes_there_but_a_label_in_a_list_stays():
    where = placed(
        "## Amazon EC2\n\n"
        "Rented virtual machines.\n\n"
        "Security groups are stateful firewalls around each instance.\n\n"
        "## Amazon S3\n\n"
        "- Replication needs:\n"
        "    - **IAM Role**: an IAM role is needed so S3 may copy objects across buckets\n"
    )
    assert where[5] == ["security-groups"]
    assert where[10] == ["amazon-s3"]


def test_an_html_check_box_question_goes_with_its_options_to_the_key_options_topic():
    box = '<input type="checkbox" /> '
    result, _ = run(
        S(
            "",
            1,
            blocks=[
                B("Which tool keeps a history of how settings changed over time?", 2, kind="paragraph"),
                B(box + "A. Amazon Route 53 for names", 3),
                B(box + "B. AWS Config to record what each resource looked like", 4),
                B(box + "C. A bigger instance with more memory", 5),
                B("Correct answer: B. It records the settings of your resources.", 6, kind="paragraph"),
            ],
        )
    )
    found = _where(result)
    assert all(found.get(line) == ["aws-config"] for line in (2, 3, 4, 5)), found


def test_lines_inside_an_html_disclosure_go_to_the_topic_its_summary_names():
    result, _ = run(
        S(
            "",
            1,
            blocks=[
                B("<details>", 2, kind="paragraph"),
                B("<summary>", 3, kind="paragraph"),
                B("SES", 4, kind="paragraph"),
                B("</summary>", 5, kind="paragraph"),
                B("Mail sending for apps; you pay for what you send", 6),
                B("Letters to many customers at once from any program", 7),
                B("</details>", 8, kind="paragraph"),
                B("Some unrelated closing words about the weather today", 9, kind="paragraph"),
            ],
        )
    )
    found = _where(result)
    assert found.get(6) == ["amazon-ses"] and found.get(7) == ["amazon-ses"], found
    assert 9 not in found


def test_an_answer_line_names_the_topic_of_a_question_that_names_none():
    result, _ = run(
        S(
            "",
            1,
            blocks=[
                B("What is Amazon Neptune?", 2, kind="paragraph"),
                B("Answer: A store for graph data.", 3, term="Answer", definition="A store for graph data."),
                B("Which store suits a shop's SQL tables best?", 4, kind="paragraph"),
                B("Answer: RDS or Aurora.", 5, term="Answer", definition="RDS or Aurora."),
            ],
        )
    )
    found = _where(result)
    assert found.get(2) == found.get(3) == ["amazon-neptune"], found
    assert found.get(4) == found.get(5) == ["amazon-rds"], found


def test_a_question_about_your_organizations_data_is_not_about_aws_organizations():
    box = '<input type="checkbox" /> '
    result, _ = run(
        S(
            "",
            1,
            blocks=[
                B("Which way keeps your organization's records safe on the way to the cloud?", 2, kind="paragraph"),
                B(box + "A. Scrambling them before they leave", 3),
                B(box + "B. Printing them out", 4),
            ],
        )
    )
    assert "aws-organizations" not in {t for topics in _where(result).values() for t in topics}


def test_a_label_naming_another_service_with_what_it_is_goes_to_that_service():
    """Under an IAM section's "Compliance" sub-heading, "_Guard Duty_: intelligent threat detection services" and
    "Amazon Inspector: security assessments of your application" say what those services are, without an article;
    "**AWS Identity and Access Management (IAM)**: To control access to the service" under Athena is how Athena uses
    IAM, and stays."""
    from content.catalog import load_catalog
    from content.ingest.parse import parse
    from content.ingest.topics import assign

    text = (
        "### Identity and Access Management\n- IAM users are people\n#### Compliance\n"
        "IAM policies decide who may read the audit reports.\n\n"
        "_Guard Duty_: intelligent threat detection services\n\n"
        "Amazon Inspector: security assessments of your application\n\n"
        "### Amazon Athena\n- Athena queries S3 with SQL\n"
        "- **AWS Identity and Access Management (IAM)**: To control access to the service.\n"
        "### High availability\n- Spread instances over several AZs\n"
        "- **Multi-AZ Deployment**: ELB can route traffic across instances in different Availability Zones\n"
    )
    sections, _ = assign(parse(text), load_catalog(), source="mine")
    placed = {b.text[:20]: ts.topic for ts in sections for b in ts.blocks}
    assert placed["_Guard Duty_: intell"] == "amazon-guardduty"
    assert placed["Amazon Inspector: se"] == "amazon-inspector"
    assert placed["**AWS Identity and A"] == "amazon-athena"
    assert placed["**Multi-AZ Deploymen"] != "amazon-rds"  # "ELB can route ...": its text is about ELB


def test_lines_under_a_service_the_catalog_does_not_know_go_to_no_page_by_a_name_in_passing():
    """Under "Amazon Imaginary Task Runner (ITR)", a line naming EC2 in an aside is about the runner, which has no page:
    it lands nowhere (and the ingest report lists it), not on EC2's page. Under a chapter title ("AWS Core Services")
    a line still reaches the service it names."""
    where = placed(
        "## Amazon Imaginary Task Runner (ITR)\n\n"
        "- **Runners:** you host runners (on EC2 or on-premises) that do each task.\n\n"
        "## AWS Core Services\n\n"
        "- Amazon EC2 gives virtual servers billed by the second.\n"
    )
    assert 3 not in where
    assert where[7] == ["amazon-ec2"]


def test_a_sub_heading_naming_the_whole_service_under_one_of_its_parts_goes_to_the_service():
    """ "##### IAM use cases" under "#### Multi-factor authentication" is about IAM, not MFA: its lines go to the IAM
    page. A bare repeat of the part's own name stays a sub-section of the part."""
    where = placed(
        "#### Multi-factor authentication (MFA)\n\n- MFA asks for a code from a device as well as the password.\n\n"
        "##### IAM use cases\n\n- Grant each team only the permissions its work needs.\n"
    )
    assert where[3] == ["multi-factor-authentication"]
    assert where[7] == ["aws-iam"]


def test_a_list_item_opening_with_a_service_and_what_it_is_for_goes_to_that_service():
    """Under a chapter on design principles, "IAM Roles to hand short-term credentials to resources" and "Amazon Cognito
    for mobile apps lets devices reach resources" are those services' lines: a service and what it is for."""
    where = placed(
        "## Cloud concepts: design principles\n\nDesign for failure and keep components loosely coupled.\n\n"
        "1. IAM Roles to hand short-term credentials to resources\n"
        "2. Amazon Cognito for mobile apps lets devices reach resources with temporary credentials\n"
    )
    assert where[3] == ["cloud-computing"]
    assert where[5] == ["iam-roles"]
    assert where[6] == ["amazon-cognito"]


def test_a_name_that_means_a_topic_only_in_context_places_a_label_under_a_heading_that_names_none():
    """ "Reserved Instances: ..." under "## Ways to pay" (a heading that names no topic) is an EC2 purchasing option;
    under an RDS heading it stays with RDS (its own reserved DB instances); the name is no alias in running text."""
    assert CATALOG.context_lookup("Reserved Instances") == "ec2-purchasing-options"
    assert CATALOG.find("Reserved Instances") == []
    where = placed(
        "## Ways to pay\n\n- Reserved Instances: a 1- or 3-year term for a lower hourly price\n\n"
        "## Amazon RDS\n\n- RDS keeps automated backups for up to 35 days.\n"
        "- Reserved Instances: a 1- or 3-year term for DB instances\n"
    )
    assert where[3] == ["ec2-purchasing-options"]
    assert where[8] == ["amazon-rds"]


def test_a_subheading_naming_a_part_of_its_service_without_the_service_goes_to_that_part():
    """ "### storage classes" under "## Amazon S3" is S3's storage classes, "### Pricing models" under "## EC2" its
    purchasing options, when the section names the part or what it holds ("Deep Archive", "On-Demand"); "###
    Features" under S3 names no part, and a "### Storage classes" section about buckets alone stays with S3."""
    where = placed(
        "## Amazon S3\n\n- Object storage in buckets\n\n### storage classes\n\n- Standard: frequent access\n"
        "- Glacier Deep Archive: cheapest\n\n### Features\n\n- Versioning keeps old copies\n\n## Amazon EC2\n\n"
        "- Virtual servers\n\n### Pricing models\n\n- On-Demand: pay by the second\n\n## Amazon S3\n\n"
        "### Storage classes\n\n- A bucket holds objects\n"
    )
    assert where[3] == ["amazon-s3"]
    assert where[7] == ["s3-storage-classes"]
    assert where[12] == ["amazon-s3"]
    assert where[20] == ["ec2-purchasing-options"]
    assert where[26] == ["amazon-s3"]


def test_a_support_plan_label_under_a_heading_that_names_no_topic_goes_to_support_plans():
    where = placed(
        "## Billing + help\n\n- Developer plan -> email in business hours\n\n## Odds and ends\n\n- Developer -> me\n"
    )
    assert where[3] == ["aws-support-plans"]
    assert 7 not in where  # a bare "Developer" is no plan


def test_a_short_label_over_bullets_of_its_own_names_their_service_under_a_heading_of_no_topic():
    """ "* S3 Pricing", "1. [Marketplace](...)" and "* Managed Services" each head bullets about their service; a
    capitalised name too common for prose counts as such a label; "* Other costs" names nothing."""
    where = placed(
        "# What things cost\n\n* Lambda Pricing\n    * Duration - time the code runs\n* S3 Pricing\n"
        "    * Storage - size of what you keep\n1. [Marketplace](https://example.com/m)\n"
        "    * Buy software from sellers\n1. Managed Services\n    * Patching and monitoring done for you\n"
    )
    assert where[4] == ["aws-lambda"]
    assert where[6] == ["amazon-s3"]
    assert where[8] == ["aws-marketplace"]
    assert where[10] == ["aws-managed-services"]


def test_a_short_label_over_its_own_bullets_under_another_topic_takes_them_to_the_service_it_names():
    """Under a cloud-concepts heading, "1. Data Warehouses (Redshift)" and the line under it are Redshift's; a
    list item "CloudTrail for auditing API calls" is CloudTrail's (what it is for); a plain line stays."""
    where = placed(
        "## Cloud Concepts\n\nAWS offers these services:\n\n1. Data Warehouses (Redshift)\n"
        "    1. Reporting over large amounts of data.\n2. CloudTrail for auditing API calls\n"
    )
    assert where[3] == ["cloud-computing"]
    assert where[5] == ["amazon-redshift"]
    assert where[6] == ["amazon-redshift"]
    assert where[7] == ["aws-cloudtrail"]


def test_a_list_item_that_is_only_a_name_goes_to_that_name_not_to_the_item_above():
    """In a list of course concepts under a heading of no topic, "- Amazon Elastic File System (Amazon EFS)" after
    "- Amazon Simple Storage Service (S3)" and its classes is EFS's, "S3 One Zone-Infrequent Access" under S3 is the
    storage classes'; under a question's heading the names are its options and go nowhere."""
    where = placed(
        "## Module 5\n\n- Amazon Simple Storage Service (S3)\n  - Standard\n"
        "  - S3 One Zone-Infrequent Access (S3 One Zone-IA)\n- Amazon Elastic File System (Amazon EFS)\n"
        "- Amazon Aurora\n\n## Which service runs containers?\n\na) AWS Lambda\n\nb) Amazon Simple Queue Service\n"
    )
    assert where[3] == ["amazon-s3"]
    assert where[4] == ["amazon-s3"]
    assert where[5] == ["s3-storage-classes"]
    assert where[6] == ["amazon-efs"]
    assert where[7] == ["amazon-aurora"]
    assert 11 not in where and 13 not in where


def test_a_title_naming_its_chapter_then_its_subject_goes_to_the_subject():
    """ "### Cloud Concepts: Identify Aspects of AWS Cloud Economics" is about cloud economics; "## Storage: S3"
    names no chapter topic before the colon and is S3's as before."""
    where = placed(
        "### Cloud Concepts: Identify Aspects of AWS Cloud Economics\n\n- Stop guessing capacity\n\n"
        "## Storage: S3\n\n- Buckets hold objects\n"
    )
    assert where[3] == ["cloud-economics"]
    assert where[7] == ["amazon-s3"]


def test_cloud_computing_deployment_models_is_the_deployment_models_page_not_cloud_computing():
    where = placed(
        "## Cloud Computing Deployment Models\n\n### Hybrid\n\n- Using both on-premises and a cloud provider\n"
    )
    assert where[5] == ["cloud-deployment-models"]


def test_a_way_to_pay_opening_a_line_on_a_concepts_page_goes_to_purchasing_options():
    """Under "## Cloud economics", "With Reserved Instances, you can save ..." is about EC2 purchasing options; "Pay
    for what you use" stays; under an RDS heading the same words stay with RDS."""
    where = placed(
        "## Cloud economics\n\n- Pay for what you use each month\n- With Reserved Instances, you save up to 72%\n\n"
        "## Amazon RDS\n\n- With Reserved Instances, you save on DB instances\n"
    )
    assert where[3] == ["cloud-economics"]
    assert where[4] == ["ec2-purchasing-options"]
    assert where[8] == ["amazon-rds"]


def test_a_service_named_with_its_maker_mistaken_over_its_bullets_takes_them_to_its_page():
    """ "- AWS Elastic File System (EFS)" under an EC2 heading is Amazon EFS with the wrong maker, and the long name
    with its acronym is still a label: it and its bullets go to EFS, "Mounted on several EC2 instances" included; a
    label whose aside names another thing ("Management Account (a.k.a. Root Account)") is no such label."""
    where = placed(
        "# EC2\n\n- Virtual servers in the cloud\n- AWS Elastic File System (EFS)\n"
        "    - Mounted on several EC2 instances at once\n    - Grows and shrinks as files come and go\n"
        "- AWS Elastic Block Store (EBS)\n    - Attached to one EC2 instance in one AZ\n"
    )
    assert where[3] == ["amazon-ec2"]
    assert where[4] == where[5] == where[6] == ["amazon-efs"]
    assert where[7] == where[8] == ["amazon-ebs"]
    where = placed(
        "# Accounts\n\n- **Management Account (a.k.a. Root Account)**\n    - The account that created the group\n"
    )
    assert where.get(4) != ["aws-account-root-user"]


def test_a_run_of_labels_naming_parts_of_a_sub_topic_goes_to_that_sub_topic_whole():
    """ "On-Demand: ...", "Reserved Instances: ...", "Spot instances: ..." under an EC2 heading are the purchasing
    options' list: it goes whole to that page, a misspelt label ("Sacings Plans") with it; two labels are no run."""
    where = placed(
        "# EC2\n\n- Virtual servers in the cloud\n\n**What it costs**\n"
        "- On-Demand: pay by the second, no commitment\n- Sacings Plans: a lower price for a steady spend\n"
        "- Reserved Instances: a 1 or 3 year commitment\n- Spot instances: spare capacity, can be taken back\n"
    )
    assert where[3] == ["amazon-ec2"]
    assert where[6] == where[7] == where[8] == where[9] == ["ec2-purchasing-options"]
    where = placed("# EC2\n\n- On-Demand: pay by the second\n- Boot: from an EBS volume\n")
    assert where[3] == ["amazon-ec2"]


def test_a_run_of_labels_naming_the_parts_of_a_framework_goes_to_it_wherever_it_sits():
    where = placed(
        "### Cloud concepts\n"
        "* Benefits of the cloud\n"
        "  * Go global in minutes\n"
        "* Adoption has six areas\n"
        "  * Business - tie the move to business goals\n"
        "  * People - manage cultural change\n"
        "  * Governance - set policies for the move\n"
        "  * Platform - build the new infrastructure\n"
        "* Transformation phases\n"
        "  * Envision - show how the move helps outcomes\n"
        "  * Align - find capability gaps\n"
        "  * Launch - deliver pilots\n"
    )
    assert all(where[line] == ["aws-cloud-adoption-framework"] for line in (5, 6, 7, 8, 10, 11, 12)), where


def test_a_line_listing_the_parts_of_a_topic_goes_to_that_topic():
    where = placed(
        "## AMI\n\n"
        "* An AMI is a template for a server.\n"
        "* Prices mostly follow commitment (On-Demand, Reserved, Spot, etc).\n\n"
        "## EC2\n\n"
        "General Purpose (t), Compute Optimized (C), Memory Optimized (R), Storage Optimized\n\n"
        "Virtual servers in the cloud, resizable\n"
    )
    assert where[4] == ["ec2-purchasing-options"]
    assert where[8] == ["ec2-instance-types"]
    assert where[10] == ["amazon-ec2"]


def test_a_terse_line_opening_with_a_service_name_then_fragments_is_that_services():
    where = placed(
        "## Databases - Structured Data\n"
        "Relational, Tables, OLTP, SQL  \n"
        "Neptune, Graph database, Store and query relations  \n"
        "Athena, SQL against S3 objects (CSV, JSON), Serverless  \n"
        "DMS - Database Migration Service, Runs on EC2 instances, Homogeneous or Heterogeneous  \n"
        "Beanstalk, ECS, EC2 with an agent installed  \n"
    )
    assert where[2] == ["data-types"]
    assert where[3] == ["amazon-neptune"]
    assert where[4] == ["amazon-athena"]
    assert where[5] == ["aws-dms"]
    assert where[6] == ["data-types"]  # a list of services: no one of them is its subject


def test_two_services_opening_a_line_make_it_neither_ones():
    where = placed("## Amazon MQ\n\n- **SQS, SNS are cloud-native services**: their own protocols\n- MQ speaks AMQP\n")
    assert where[3] == ["amazon-mq"]


def test_purchasing_labels_with_an_aside_a_label_inside_a_label_and_announced_labels_reach_their_page():
    where = placed(
        "## Notes of the week\n\n"
        "EC2 Pricing: On-Demand: the default, billed by the second, for short unpredictable jobs\n\n"
        "Reserved Instances(RI): for steady usage. The price depends on Term, Class and Payment options\n"
        "Term: commit to 1 or 3 years\n"
        "Class: Standard or Convertible\n"
        "Payment options: all, partial or no upfront\n"
    )
    assert where[3] == ["ec2-purchasing-options"]
    assert all(where[line] == ["ec2-purchasing-options"] for line in (5, 6, 7, 8)), where


def test_a_name_and_colon_over_lines_with_no_blank_between_heads_them():
    def P(text, line, term=None, definition=None):  # noqa: N802 - a paragraph line, as hard-broken notes give them
        return B(text, line, term=term, definition=definition, kind="paragraph")

    out, _ = run(
        S(
            "July 25",
            1,
            1,
            [
                P("Caches copies of content at edge locations", 2),
                P("Shared Responsibility Model:", 4, term="Shared Responsibility Model", definition=""),
                P("AWS: hardware, global infrastructure like Regions", 5, term="AWS", definition="hardware, ..."),
                P("Customer: configuration of the guest OS and IAM", 6, term="Customer", definition="configuration"),
                P("Customer data (classify it, use Amazon Macie)", 7),
                P("Amazon Macie: finds sensitive data in S3", 8, term="Amazon Macie", definition="finds data"),
            ],
        )
    )
    where = {line: section.topic for section in out for line in (b.line for b in section.blocks)}
    assert all(where[line] == "shared-responsibility-model" for line in (4, 5, 6, 7)), where
    assert where[8] == "amazon-macie"


def test_on_a_concept_page_a_label_naming_another_concept_goes_to_it():
    where = placed(
        "## Cloud Computing\n\n"
        "On-demand delivery of IT resources over the internet.\n\n"
        "***Advantages of Cloud Computing***\n\n"
        "* **Go global in minutes:** deploy in many Regions with a few clicks\n\n"
        "Hypervisor: software between the hardware and the operating system that runs virtual machines\n\n"
        "Private Cloud - a cloud you run in your own data center\n"
    )
    assert where[3] == ["cloud-computing"]
    assert where[5] == where[7] == ["cloud-economics"]
    assert where[9] == ["virtualization"]
    assert where[11] == ["cloud-deployment-models"]


def test_a_line_of_properties_goes_on_from_the_line_above_and_ec2_reserved_instances_are_a_purchasing_option():
    where = placed(
        "## Week 2\n\n"
        "Storage kinds: block, file, object\n\n"
        "S3 Object: they are like files\n"
        "Key: name of the object, Value: the bytes, VersionID: its version, Metadata: extra information\n\n"
        "EC2 Reserved Instances (up to 72% off): reserve an instance type in one Region for 1 or 3 years\n"
    )
    assert where[6] == where[5] == ["amazon-s3"]
    assert where[8] == ["ec2-purchasing-options"]


def test_on_the_shared_responsibility_page_a_duty_labelled_with_a_concept_stays():
    where = placed(
        "## Shared Responsibility Model\n\n"
        "- Access Management:\n"
        "  - **IAM Policies**: configuring who has access to buckets and objects\n"
    )
    assert where[4] == ["shared-responsibility-model"]


def test_the_note_takers_asides_go_on_no_page_and_are_reported():
    from content.ingest.parse import parse

    text = "## Route 53\n\n- Route 53 is AWS's DNS service\n- Exam scheduled for this Friday\n- I found them useful.\n"
    sections, warnings = assign(parse(text), CATALOG, source="t")
    placed_lines = {b.line for s in sections for b in s.blocks}
    assert 3 in placed_lines and not {4, 5} & placed_lines
    assert any("4" in w and "5" in w for w in warnings), warnings
    assert 3 in {b.line for s in assign(parse("## IAM\n\n- i.e. raise service quotas\n"), CATALOG)[0] for b in s.blocks}


def test_on_a_concept_page_a_short_line_about_another_concept_goes_to_it():
    where = placed(
        "## Cloud Computing\n\n"
        "- Benefit from massive economies of scale\n"
        "- Go global in minutes.\n"
        "- Network access, Multi-Tenancy, Elasticity, Measured\n"
    )
    assert where[3] == where[4] == ["cloud-economics"]
    assert where[5] == ["cloud-computing"]  # a list of the cloud's traits stays


def test_under_a_heading_naming_nothing_a_service_label_over_an_instruction_is_that_services():
    where = placed(
        "## AWS Global Infrastructure\n\n- Regions hold Availability Zones\n\n### Pricing of the cloud\n\n"
        "- Pay for data stored in the Cloud\n\n#### Interacting with AWS services\n\n"
        "* **AWS Command Line interface (CLI):** Make API calls using the terminal on your machine\n"
    )
    assert where[7] == ["aws-pricing-models"]
    assert where[11] == ["aws-cli"]


def test_a_bold_title_names_the_line_right_under_it_that_leaves_its_subject_out():
    where = placed(
        "## Messaging and more\n\n"
        ' ***<div align="center">Amazon Fargate</div>***\n'
        " is a serverless compute engine for containers. It works with Amazon ECS and Amazon EKS.\n\n"
        "**Which service runs containers without servers?**\n"
    )
    assert where[3] == where[4] == ["aws-fargate"]


def test_a_course_progress_log_line_goes_on_no_page():
    where = placed("## IAM\n\n- Completed the 4th section - IAM (Identity and Access Management)\n- IAM is global\n")
    assert 3 not in where and where[4] == ["aws-iam"]


def test_a_context_name_labelling_bullets_under_a_title_naming_nothing_takes_them_to_its_page():
    """Under "### Paying" (naming no topic) inside an EC2 section, "On-Demand:" over its bullets is the purchasing
    options' (the name means that page only in EC2's context), as "Savings Plan:" over its bullets is; a lone
    "On-Demand: ..." line among EC2's own bullets stays with EC2."""
    where = placed(
        "## Amazon EC2\n\n- Virtual servers in the cloud\n\n### Paying\n\n"
        "* On-Demand:\n    * Billed by the second\n    * No upfront payment\n"
        "* Savings Plan:\n    * A steady spend for one or three years\n"
    )
    assert where[8] == where[9] == where[11] == ["ec2-purchasing-options"]
    where = placed("## Amazon EC2\n\n- Virtual servers in the cloud\n- On-Demand: billed by the second\n")
    assert where[4] == ["amazon-ec2"]


def test_a_line_defining_a_cloud_concept_goes_to_the_concepts_page_from_under_a_service():
    """ "vertical scaling is ..." under "ELB & ASG" (a heading naming two services) and "Virtualization is ..." under
    a container service define cloud concepts: those pages; a line that only uses the concept's word stays."""
    where = placed(
        "## ELB & ASG\n\n- ELB spreads traffic across instances\n- vertical scaling is making one server bigger\n"
        "- ELB checks each target's health\n\n## Amazon ECS\n\n- Virtualization is running many systems on one host\n"
        "- ECS scaling is done by adding tasks\n"
    )
    assert where[4] == ["high-availability-and-scalability"]
    assert where[5] == ["elastic-load-balancing"]
    assert where[9] == ["virtualization"]
    assert where[10] == ["amazon-ecs"]


def test_under_a_service_bullet_a_label_or_short_line_naming_one_of_its_parts_goes_to_that_part():
    """In a list under a heading that names nothing: "- Roles" over its bullets under "- AWS IAM" is the IAM roles
    page's, as "- Locking away the root account" is the root user's; "- Pay as you go" alone names the pricing
    models; "## EC2 Pricing" is the purchasing options' heading."""
    where = placed(
        "## What to know\n\n- AWS IAM\n    - Roles\n        - Lent to a service for a while, no password\n"
        "    - Locking away the root account\n    - Users sign in with a password\n\n"
        "## Paying\n\n- Pay as you go\n\n## EC2 Pricing\n\n- Spot: spare capacity at a discount\n"
    )
    assert where[5] == ["iam-roles"]
    assert where[6] == ["aws-account-root-user"]
    assert where[7] == ["aws-iam"]
    assert where[11] == ["aws-pricing-models"]
    assert where[15] == ["ec2-purchasing-options"]


def test_a_course_objective_names_what_it_is_about_and_the_free_tiers_offers_are_its_own():
    """ "Identify the purpose of Amazon Route 53" over its bullets is about Route 53, not the security groups line
    above it; "Always Free : ..." and "12 Months Free : ..." under a heading naming nothing are the Free Tier's
    offers."""
    where = placed(
        "## Network services\n\n- Security groups - a virtual firewall for instances\n"
        "- Identify the purpose of Amazon Route 53\n    - It can send users only to healthy endpoints\n\n"
        "## Getting started\n\n- Always Free : some offers never expire\n- 12 Months Free : limited use for a year\n"
    )
    assert where[4] == where[5] == ["amazon-route-53"]
    assert where[9] == where[10] == ["aws-free-tier"]


def test_lines_each_labelling_their_own_service_under_a_heading_naming_nothing_go_to_those_services():
    """ "### Queues and topics" under "## EC2" names nothing: "**Amazon SQS**" with its description and "**Amazon
    SNS**" with its own go to SQS and SNS, not to EC2."""
    where = placed(
        "## EC2\n\n### Queues and topics\n\n- **Amazon Simple Queue Service** (Amazon SQS)\n"
        "  - Holds messages until a worker takes them\n- **Amazon Simple Notification Service** (Amazon SNS)\n"
        "  - Pushes each message to every subscriber\n"
    )
    assert where[5] == ["amazon-sqs"] and where[6] == ["amazon-sqs"]
    assert where[7] == ["amazon-sns"] and where[8] == ["amazon-sns"]


def test_a_label_whose_text_only_spells_out_its_name_names_that_service():
    """ "**Amazon EKS** : Elastic Kubernetes Service" under EC2 is EKS's line; "**Amazon S3**: keep ... in S3" says how
    EC2 works with S3 and stays."""
    where = placed(
        "## EC2\n\n- Virtual machines you rent by the second\n- **Amazon EKS** : Elastic Kubernetes Service\n"
        "- **Amazon S3**: keep the instance's logs in S3\n"
    )
    assert where[4] == ["amazon-eks"]
    assert where[5] == ["amazon-ec2"]


def test_labels_naming_the_topics_own_parts_go_to_those_parts_even_when_every_line_is_one():
    """Under "### Network security" naming the VPC (an alias), "**Security Groups:** Act as ..." and "**Network
    ACLs:** Act as ..." with the bullets under them go to their pages, though no line is left for the VPC."""
    where = placed(
        "### VPC Security\n\n- **Security Groups:** Act as a firewall around one instance\n"
        "    - **Stateful:** replies are let back in\n- **Network ACLs:** Act as a firewall around a subnet\n"
        "    - **Stateless:** replies need a rule of their own\n"
    )
    assert where[3] == ["security-groups"] and where[4] == ["security-groups"]
    assert where[5] == ["network-acls"] and where[6] == ["network-acls"]


def test_a_bold_opening_naming_one_of_the_topics_parts_goes_to_that_part():
    where = placed(
        "## Route 53\n\n- Resolves names to addresses\n- **Weighted routing**split traffic by the shares you set\n"
    )
    assert where[3] == ["amazon-route-53"]
    assert where[4] == ["route-53-routing-policies"]


def test_a_line_naming_only_one_of_the_topics_parts_goes_to_that_part_but_not_from_under_a_label():
    """ "Lock away the root account after setup" under IAM is the root user's line; under "**Tips**:" the same
    words stay with their label."""
    where = placed(
        "## IAM\n\n- Users and groups get permissions\n- Lock away the root account after setup\n"
        "- **Tips**: habits worth keeping\n  - Lock away the root account after setup\n"
    )
    assert where[3] == ["aws-iam"]
    assert where[4] == ["aws-account-root-user"]
    assert where[6] == ["aws-iam"]


def test_course_wording_for_scaling_and_deployment_models_reaches_those_pages():
    """ "### EC2 Scaling" is Auto Scaling's, "## IT Deployment Models" and "## Deployment Model Use Cases" under a
    module's title the deployment models'; a "### Deployment Models" heading under a service stays with the service."""
    where = placed(
        "## EC2\n\n### EC2 Scaling\n\n- Set a minimum, a desired and a maximum size\n\n"
        "## IT Deployment Models\n\n- Some workloads stay in the company's own building\n\n"
        "## AWS Elastic Beanstalk\n\n### Deployment Models\n\n- Elastic Beanstalk can run the app on one instance\n\n"
        "# Module 2\n\n## Deployment Model Use Cases\n\n- Banks keep regulated records in their own building\n"
    )
    assert where[5] == ["amazon-ec2-auto-scaling"]
    assert where[9] == ["cloud-deployment-models"]
    assert where[15] == ["aws-elastic-beanstalk"]
    assert where[21] == ["cloud-deployment-models"]


def test_a_parts_one_word_title_under_its_service_names_that_part_and_a_gerund_opening_names_what_is_used():
    """ "## Policies" under "# IAM" is the policies' page though its line never says "policy"; under CloudFront, a line
    opening with its verb ("Delivers content ... called edge locations") stays; "Using File Gateway is ..." under EFS
    is Storage Gateway's."""
    where = placed(
        "# IAM\n\n## Policies\n\nA list of statements that allow or deny actions on resources.\n\n"
        "## Amazon CloudFront\n\n- Delivers pages from many data centers called edge locations\n\n"
        "## Amazon EFS\n\n- A shared file system for Linux instances\n"
        "- Using File Gateway is the way to reach S3 as a shared drive\n"
    )
    assert where[5] == ["iam-policies"]
    assert where[9] == ["amazon-cloudfront"]
    assert where[14] == ["aws-storage-gateway"]


def test_a_file_named_after_a_service_titles_what_its_headings_leave_unnamed():
    """In "IAM Roles.md" (an Obsidian note with no title of its own), "## When to use" names nothing: its lines are the
    roles' page's; a file named after a cloud concept ("Cloud Concepts.md") titles nothing, and IAM Access Analyzer has
    a page of its own, "Launch Types" the purchasing options'."""
    from content.ingest.parse import parse

    note = "Borrowed permissions for a while.\n\n## When to use\n\n- Services reaching other services to do their job\n"
    sections, _ = assign(parse(note), CATALOG, source="IAM Roles")
    assert {s.topic for s in sections} == {"iam-roles"}
    sections, _ = assign(parse(note), CATALOG, source="Cloud Concepts")
    assert not sections
    where = placed(
        "## IAM\n\n### AWS IAM Access Analyzer\n\n- Finds buckets and roles shared with an outside account\n\n"
        "# Launch Types\n\n- Pay by the second with no commitment at all\n"
    )
    assert where[5] == ["iam-access-analyzer"]
    assert where[9] == ["ec2-purchasing-options"]


def test_subjectless_lines_go_on_about_the_service_a_section_opens_with_when_none_names_its_own():
    """Under "### EC2 Storage Notes", a section opening with "EBS - a network drive ...", the lines with no subject of
    their own ("Keeps data after the instance ends") are EBS's; under "### EC2 Instance Store", where a later line
    names the instance store, they stay with the heading's topic."""
    where = placed(
        "### EC2 Storage Notes\n\n- EBS - Elastic Block Store Volume is a network drive you can attach to instances\n"
        "- Keeps data after the instance ends\n- can copy a snapshot to another Region\n- Price: 8 cents a GB-month\n"
        "- **Attacks** can be stopped with a firewall\n\n"
        "### EC2 Instance Store\n\n- EBS volumes are network drives with limited speed\n"
        "- For a faster disk use the EC2 Instance Store\n- Good for scratch data and caches\n"
    )
    assert where[3] == ["amazon-ebs"]
    assert where[4] == ["amazon-ebs"] and where[5] == ["amazon-ebs"]
    assert where[7] == ["amazon-ec2"]  # a bold opening is a subject of its own
    assert where[13] == ["ec2-instance-store"]


def test_an_activity_done_with_a_service_is_that_services_section():
    """ "Watching EC2 Instances with GuardDuty": the section is GuardDuty's, whatever it watches; "Networking" with
    no object of its own stays with the service it names."""
    sections, _ = run(
        md(
            "Watching EC2 Instances with GuardDuty",
            1,
            2,
            blocks=[B("Reads flow logs and DNS logs to spot odd traffic", 2)],
        ),
        md("Amazon EC2", 4, 2, blocks=[B("Virtual servers you rent by the second", 5)]),
    )
    where = _where(sections)
    assert where[2] == ["amazon-guardduty"], where
    assert where[5] == ["amazon-ec2"], where


def test_a_section_on_integration_with_another_service_stays_with_its_parents_service():
    """ "#### Integration with Amazon S3" under DynamoDB holds DynamoDB's export and import: DynamoDB's page."""
    where = placed(
        "### DynamoDB\n\n* Tables hold items with a primary key\n\n#### Integration with Amazon S3\n\n"
        "* Export a table at any point of the last 35 days\n* Import CSV files into a new table\n"
    )
    assert where[7] == ["amazon-dynamodb"] and where[8] == ["amazon-dynamodb"]


def test_a_vault_note_with_no_title_is_about_what_its_front_matter_calls_it():
    """An Obsidian note named "Cheap EC2.md" with `aliases: [Spot Instance]` and no "# " title: its lines are about
    Spot Instances (the purchasing options page), as its file name would say if the catalog knew it."""
    from content.ingest.parse import parse

    outline = parse(
        "---\naliases:\n  - Spot Instance\n  - Spot Instances\n---\n#Computing\n"
        "Use spare capacity at a discount of up to 90 percent.\n"
        "### When to use\n* Jobs that can stop and start again\n"
    )
    assert outline.names == ("Spot Instance", "Spot Instances")
    out, _ = assign(outline, CATALOG, source="someone__Cheap EC2")
    placed = {b.text: s.topic for s in out for b in s.blocks}
    assert placed["Use spare capacity at a discount of up to 90 percent."] == "ec2-purchasing-options"
    # the one-line form, and a title key, name the note too
    assert parse("---\ntitle: Amazon SQS\naliases: [Queues, SQS]\n---\ntext\n").names == ("Amazon SQS", "Queues", "SQS")


def test_a_bare_service_name_among_unmarked_lines_titles_the_lines_under_it():
    """A slide dump with every line at one depth, some of them sentences: "Amazon CloudFront" alone on a line is a
    sub-title the author did not mark, so the lines after it are CloudFront's up to the next bare name ("Amazon SQS"),
    where SQS's begin; a run of bare names in a row is a list and titles nothing."""
    where = placed(
        "## Amazon EC2\n\n"
        "Virtual servers rented by the second, in many sizes, with the operating system of your choice\n"
        "Amazon CloudFront\n"
        "Caches copies of files close to viewers\n"
        "Cuts latency for users far from the origin, which matters most for video and large downloads\n"
        "Amazon SQS\n"
        "Holds messages until a consumer reads them\n"
        "Lets producers and consumers work at their own pace, so a slow consumer never blocks a producer\n\n"
        "## Amazon EC2 costs\n\n"
        "Amazon S3\n"
        "Amazon RDS\n"
        "Bills by the second after the first minute, for Linux instances launched on demand or as spot\n"
    )
    assert where[3] == ["amazon-ec2"], where
    assert where[5] == ["amazon-cloudfront"] and where[6] == ["amazon-cloudfront"], where
    assert where[8] == ["amazon-sqs"] and where[9] == ["amazon-sqs"], where
    assert where[15] != ["amazon-rds"], where  # the last of a list of names titles nothing


def test_a_note_whose_title_names_nothing_is_about_what_its_file_is_named_after():
    """ "EFS.md" opening "# Eastic File System" (a typo the catalog cannot read): its sections ("TLDR", "Features")
    are EFS's, as its file's name says, not on no page."""
    from content.ingest.parse import parse

    outline = parse(
        "# Eastic Fyle System\n\n## TLDR\n"
        "Network file system you pay for by the gigabyte, shared by many instances.\n\n"
        "## Features\n- grows and shrinks on its own\n"
    )
    out, _ = assign(outline, CATALOG, source="someone__EFS")
    placed = {b.text: s.topic for s in out for b in s.blocks}
    assert placed["Network file system you pay for by the gigabyte, shared by many instances."] == "amazon-efs", placed
    assert placed["grows and shrinks on its own"] == "amazon-efs", placed


def test_a_folder_whose_name_names_one_service_among_other_words_titles_its_note():
    """A course-title H1 over untitled sections, in a folder "DNS_Route53 service notes" or "Relational Database
    Service(RDS)": the folder's name is about one service in more words than its catalog name, and titles the note;
    a folder naming two services titles nothing."""
    from content.ingest.parse import parse

    text = "# My Associate Exam Notes\n\n## Checks\n- Probes each endpoint and stops answering with a failed one\n"
    out, _ = assign(parse(text), CATALOG, source="someone__Route53_Global DNS__21-03-2021")
    assert {b.text: s.topic for s in out for b in s.blocks}.get(
        "Probes each endpoint and stops answering with a failed one"
    ) == "amazon-route-53", out
    out, _ = assign(parse(text), CATALOG, source="someone__Relational_DataBase_Service(RDS)__day2")
    assert {b.text: s.topic for s in out for b in s.blocks}.get(
        "Probes each endpoint and stops answering with a failed one"
    ) == "amazon-rds", out
    out, _ = assign(parse(text), CATALOG, source="someone__ELB and ASG__day3")
    assert not {b.text: s.topic for s in out for b in s.blocks}.get(
        "Probes each endpoint and stops answering with a failed one"
    ), out


def test_a_common_word_that_names_a_service_titles_an_aspect_of_the_service_above_it():
    """ "## Batch Operations" under "# Amazon DynamoDB" is DynamoDB's batch reads, not AWS Batch; a list under KMS's
    "Integrated with:" says what KMS does for each service, so it stays on KMS's page."""
    where = placed(
        "# Amazon DynamoDB\n\nKey-value tables with single-digit millisecond reads\n\n"
        "## Batch Operations\n- Read up to a hundred items in one call\n\n"
        "# AWS KMS\n\nCreates and controls encryption keys\n\n"
        "- Integrated with:\n  - Amazon Redshift: encryption of the cluster's data\n"
    )
    assert where[6] == ["amazon-dynamodb"], where
    assert where[13] == ["aws-kms"], where


def test_a_bullet_naming_another_topic_in_passing_does_not_take_the_features_after_it():
    """Under a paragraph about IAM, "**Multi-factor** authentication support" is one of IAM's features that names
    MFA: it goes to MFA's page, and the features after it ("Allows configuration of temporary access") stay IAM's."""
    out, _ = run(
        S(
            "",
            1,
            1,
            [
                B("AWS Identity and Access Management (IAM) enables you to control access to AWS", 1, kind="paragraph"),
                B("Allows for centralized control of your AWS Account", 3),
                B("**Multi-factor** authentication support", 4),
                B("Allows configuration of **temporary access** for users", 5),
                B("Set up and manage **password policy** for users", 6),
            ],
        ),
        source="notes-file-7",
    )
    placed = {topic: lines for topic, _title, _level, lines in pages(out)}
    assert placed["aws-iam"] == [1, 3, 5, 6]
    assert placed["multi-factor-authentication"] == [4]


def test_a_list_past_a_blank_line_after_a_tight_list_goes_on_about_nothing_the_last_one_named():
    """ "**Placement groups:**" over four items written line after line, then a blank line and a list of notes on
    anything: "Allowed CIDR between 16 and 28" is a note on the VPC line above it, not on placement groups."""
    where = placed(
        "# Notes before test\n\n"
        "**Placement groups:**\n"
        "- Cluster - packs instances together inside 1 AZ\n"
        "- Partition - instances of different partitions do not share hardware\n"
        "- Spread - each instance on distinct racks\n\n"
        "- Every subnet is associated with the main route table for the VPC.\n"
        "- Allowed CIDR between 16 and 28\n"
    )
    assert where[5] == ["ec2-placement-groups"]
    assert "ec2-placement-groups" not in where.get(9, []) + where.get(10, [])


def test_a_service_named_with_the_other_makers_word_is_that_service():
    """ "Amazon Storage Gateway" over "Connect your on-premises data to Amazon S3" is AWS Storage Gateway."""
    assert CATALOG.lookup("Amazon Storage Gateway") == "aws-storage-gateway"
    assert CATALOG.lookup("Amazon Outposts") == "aws-outposts"
    assert CATALOG.lookup("Amazon Gateway") is None


def test_the_lead_in_of_a_list_of_one_sub_topics_parts_goes_with_its_list():
    """ "Amazon EC2 offers these ways to pay" over "On-Demand – ...", "Spot – ...", "Reserved – ..." leads into the
    purchasing options' list, as "Kinds of EBS:" over volume types does; a list of DNS records by their letters ("A -
    ...", "NS - ...") under a Route 53 heading is the record types' list."""
    where = placed(
        "## Amazon EC2\n\n"
        "Amazon EC2 offers these ways to pay for capacity\n\n"
        "    On-Demand Instances – pay by the second with no commitment.\n\n"
        "    Spot Instances – spare capacity at a steep discount, reclaimed at short notice.\n\n"
        "    Reserved Instances – a one or three year term for a lower rate.\n\n"
        "## EBS\n\n"
        "- Kinds of EBS we met:\n"
        "  - General Purpose SSD (1GB - 16TB): balanced price and speed\n"
        "  - Provisioned IOPS SSD: the fastest, for databases\n"
        "  - Cold HDD: cheapest, for data read rarely\n"
        "- EBS volumes stay in one Availability Zone\n\n"
        "## Route 53\n\n"
        "Route 53 serves these kinds of DNS records\n"
        "* A - name to an IPv4 address\n"
        "* AAAA - name to an IPv6 address\n"
        "* NS - the name servers of a hosted zone\n"
    )
    assert where[3] == where[5] == where[9] == ["ec2-purchasing-options"]
    assert where[13] == where[14] == where[16] == ["ebs-volume-types"]
    assert where[17] == ["amazon-ebs"]
    assert where[21] == where[22] == where[24] == ["dns-record-types"]


def test_a_command_in_a_code_block_names_no_topic():
    """ "scp -i key.pem app.zip ubuntu@host:~/app" copies files over SSH: "scp" there is no service control policy,
    so a section of commands under a heading naming nothing goes to no page."""
    where = placed(
        "# Notes\n\n"
        "### Sending files to a server\n"
        "- The command is\n"
        "```bash\n"
        "scp -i ~/.ssh/my-key.pem app.zip ubuntu@203.0.113.5:~/app.zip\n"
        "```\n"
    )
    assert "aws-organizations" not in [t for topics in where.values() for t in topics]


def test_a_heading_over_a_run_of_its_siblings_parts_gives_them_to_that_sibling():
    """ "Instance Types" over "On Demand: ...", "Reserved: ...", "Spot: ..." lists EC2's purchasing options: the
    author's heading names EC2's other part, and the labels are the purchasing options' own."""
    where = placed(
        "## Instance Types\n"
        " - On Demand : available at once, charged per second of use\n"
        " - Reserved  : pay up front for one or three years for a large discount\n"
        " - Spot      : spare capacity at a reduced rate, may be reclaimed\n"
        " - Dedicated : not multi-tenanted, a server of your own\n"
    )
    assert where[2] == where[3] == where[4] == where[5] == ["ec2-purchasing-options"]


def test_a_bold_lead_in_gives_its_own_bullets_to_a_sub_topic():
    """ "**DNS Record Types:**" over "- **A Record**: ...", "- **MX Record**: ..." under a Route 53 heading: the
    bullets are the record types' own, and Route 53's own bullets above stay."""
    where = placed(
        "## Route 53\n"
        "Amazon Route 53 is a managed DNS service.\n"
        "- **Domain Registration**: Register domain names directly through Route 53.\n"
        "- **Health Checking**: Route 53 sends traffic only to healthy endpoints.\n"
        "**DNS Record Types:**\n"
        "- **A Record**: Points a name at an IPv4 address.\n"
        "- **AAAA Record**: Points a name at an IPv6 address.\n"
        "- **MX Record**: Names the mail server that receives email for a domain.\n"
        "\n"
        "**Hosted Zone Types:**\n"
        "- **Public Hosted Zone**: A container that routes a domain's traffic on the internet.\n"
        "- **Private Hosted Zone**: A container that routes a domain's traffic inside your VPCs.\n"
    )
    assert where[6] == where[7] == where[8] == ["dns-record-types"]
    assert where[3] == where[4] == ["amazon-route-53"]


def test_a_list_after_an_aside_and_a_blank_line_is_placed_without_the_aside():
    """Bullets beside a paragraph's subject (an aside), a blank line that ends their list, then a new list: placing the
    new list's lines never fails on what the paragraph above had named (a file like this was skipped as unreadable)."""
    result = run(
        md("Storage and compute", 1, 1, [
            B("Use CloudWatch to watch it", 2, kind="paragraph"),
            B("Cheap and durable", 3),
            B("Use CloudWatch to watch it", 5, depth=1),
            B("Amazon EC2 gives you virtual servers", 6, kind="paragraph"),
            B("Cheap and durable", 8),
            B("Use CloudWatch to watch it", 9),
            B("Tables hold items", 11),
            B("Often paired with DynamoDB for the metadata", 13),
        ])
    )  # fmt: skip
    placed = {line: topic for topic, _title, _level, lines in pages(result[0]) for line in lines}
    assert placed[6] == "amazon-ec2"
    assert placed[13] == "amazon-dynamodb"


def test_items_of_a_list_a_paragraph_says_the_service_is_integrated_into_stay_on_its_page():
    """ "KMS is fully integrated into a lot of AWS offerings:" over top-level "- EBS: to encrypt volumes" says what KMS
    does for EBS, not what EBS is: the items stay on KMS's page (a paragraph's list items sit at its own depth)."""
    where = placed(
        "# AWS KMS\n\nKMS manages the keys that encrypt your data.\n\n"
        "KMS is fully integrated into a lot of AWS offerings:\n\n"
        "- EBS: to encrypt volumes\n- Redshift: encryption of data\n\n"
        "Amazon Redshift is a data warehouse for analytics.\n"
    )
    assert where[7] == ["aws-kms"]
    assert where[8] == ["aws-kms"]
    assert where[10] == ["amazon-redshift"]  # a paragraph after the list is no item of it


def test_items_of_an_integration_list_in_a_summary_stay_with_the_lead_ins_service():
    """In a "Summary" section (split by each bullet's term), "KMS is fully integrated into a lot of AWS offerings:"
    still opens a list of what KMS does for each service: "EBS: to encrypt volumes" is KMS's line."""
    where = placed(
        "# KMS\n\n## Summary\n\nAWS KMS is the AWS encryption service.\n\n"
        "KMS is fully integrated into a lot of AWS offerings:\n\n"
        "- EBS: to encrypt volumes\n- S3: Server side encryption of objects\n\n"
        "- CloudTrail: records every API call made to the account\n"
    )
    assert where[9] == ["aws-kms"]
    assert where[10] == ["aws-kms"]


def test_items_under_an_integrations_title_stay_on_the_sections_service_page():
    """ "## Main integrations" under "# Lambda" lists what Lambda does with each service: "DynamoDB: for real-time
    event reaction" and "S3: with bucket notifications" stay on Lambda's page."""
    where = placed(
        "# AWS Lambda\n\nLambda runs code without servers.\n\n## Main integrations\n\n"
        "- DynamoDB: for real-time event reaction, such as a welcome message for a new user;\n"
        "- S3: with bucket notifications, for example to remove PII data;\n"
    )
    assert where[7] == ["aws-lambda"]
    assert where[8] == ["aws-lambda"]


def test_a_glossarys_entries_under_the_one_read_as_a_heading_go_to_their_own_services():
    """A glossary of "TERM: definition" lines: the parser reads one entry as a heading ("KMS: Key management service.
    Allows you to ..."), and the entries after it ("LAMBDA: ...", "LEX: ...", "MACIE: ...") are each their own
    service's, not KMS's."""
    where = placed(
        "KMS: Key management service. Allows you to generate and manage keys.\n\n"
        "LAMBDA: lets you run code without a server, paying only for the time it runs.\n\n"
        "LEX: build chatbots with voice and text. LEX powers Alexa.\n\n"
        "MACIE: discover and protect your sensitive data with machine learning.\n"
    )
    assert where[3] == ["aws-lambda"]
    assert where[5] == ["amazon-lex"]
    assert where[7] == ["amazon-macie"]
    # a Markdown title with a colon is the author's own heading: its integration list stays the service's
    where = placed(
        "## ELB: integrates with these other AWS services\n\n"
        "- **Amazon CloudWatch**: ELB sends its request metrics to CloudWatch\n"
        "- **Amazon Route 53**: ELB pairs with Route 53 for DNS names\n"
        "- **AWS WAF**: ELB can sit behind WAF rules\n"
    )
    assert where[3] == where[4] == where[5] == ["elastic-load-balancing"]


def test_each_row_of_a_split_table_keeps_the_line_it_was_written_on():
    """A rule row between groups of rows ("| --- |" after the storage rows) and a row carried on over two lines take
    no place of their own among the rows: each row still cites the line it starts on, so the page and every quote
    of it point at that row, not a few lines above it."""
    note = (
        "## Cheat sheet\n\n"  # lines 1-2
        "| Service | What it does |\n| --- | --- |\n"  # 3-4
        "| Amazon S3 | Keeps objects in buckets |\n"  # 5
        "| | and serves them over HTTPS |\n"  # 6: carries on the row above
        "| --- | --- |\n"  # 7: a rule between groups
        "| Batch | Runs queued jobs on spare capacity |\n"  # 8
        "| --- | --- |\n"  # 9
        "| Elastic File Service (EFS) | Shared files for many servers |\n"  # 10
    )
    sections, _ = assign(__import__("content.ingest.parse", fromlist=["parse"]).parse(note), CATALOG, source="t")
    rows = {s.topic: b for s in sections for b in s.blocks if b.kind == "table"}
    assert {slug: block.line for slug, block in rows.items()} == {"amazon-s3": 5, "aws-batch": 8, "amazon-efs": 10}
    assert rows["amazon-s3"].rows[1] == ["Amazon S3", "Keeps objects in buckets and serves them over HTTPS"]


def test_a_service_named_as_a_benefit_of_the_sections_subject_stays_with_it():
    """ "**Auto Scaling** - adds and removes instances with traffic" under "Benefits:" of SageMaker endpoints is what
    the endpoints give, and stays on SageMaker's page; the same bullet under a plain lead-in goes to Auto Scaling."""
    benefits = B("**Benefits:**", 3, kind="paragraph")
    scaling = B("**Auto Scaling** - adds and removes instances as traffic changes", 4,
                term="Auto Scaling", definition="adds and removes instances as traffic changes")  # fmt: skip
    out, _ = run(md("Amazon SageMaker endpoints", 1, 2, [B("SageMaker endpoints serve a model", 2), benefits, scaling]))
    assert all(4 not in lines for topic, _, _, lines in pages(out) if topic == "amazon-ec2-auto-scaling")
    assert any(4 in lines for topic, _, _, lines in pages(out) if topic == "amazon-sagemaker")
    plain = B("**Also useful:**", 3, kind="paragraph")
    out, _ = run(md("Amazon SageMaker endpoints", 1, 2, [B("SageMaker endpoints serve a model", 2), plain, scaling]))
    assert any(4 in lines for topic, _, _, lines in pages(out) if topic == "amazon-ec2-auto-scaling")
