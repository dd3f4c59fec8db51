"""The note parser, on snippets in each of the formats study notes are written in."""

import random
import time
from pathlib import Path

from content.ingest.outline import Block, Outline
from content.ingest.parse import parse
from content.ingest.sources import read_note

NOTES = Path(__file__).resolve().parents[1] / "notes"


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def blocks(outline: Outline) -> list[Block]:
    return [b for s in outline.walk() for b in s.blocks]


def block(outline: Outline, start: str) -> Block:
    found = [b for b in blocks(outline) if b.text.startswith(start)]
    assert found, f"no block starts with {start!r}"
    return found[0]


def titles(outline: Outline) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in outline.walk()]


def reasons(outline: Outline) -> dict[int, str]:
    return {d.line: d.reason for d in outline.dropped}


# --- headings ------------------------------------------------------------------------------------


def test_term_colon_alone_is_a_heading_but_term_colon_text_is_a_definition():
    outline = parse(
        lines(
            "GENERAL PURPOSE SSD - GP3 : Offers high performance compared to GP2. Baseline performance is 3000 IOPS.",
            "",
            "PROVISIONAL IOPS SSD (IO 1/2) :",
            "These IOPS volumes are designed for applications that requie high performance, low latency.",
            "",
            "HARD DISK DRIVE (ST1) : They are optimized for large streaming workloads where throughput is critical.",
        )
    )
    assert [s.title for s in outline.walk() if s.title] == ["PROVISIONAL IOPS SSD (IO 1/2)"]
    gp3 = block(outline, "GENERAL PURPOSE SSD - GP3")
    assert (gp3.term, gp3.definition) == ("GENERAL PURPOSE SSD - GP3", "Offers high performance compared to GP2. "
                                          "Baseline performance is 3000 IOPS.")  # fmt: skip
    st1 = block(outline, "HARD DISK DRIVE (ST1)")
    assert st1.term == "HARD DISK DRIVE (ST1)"
    assert st1.definition.startswith("They are optimized")
    assert st1.line == 6


def test_all_caps_headings_with_and_without_colon_and_questions():
    outline = parse(
        lines(
            "WHAT IS EC2?",
            "",
            "EC2 instance is a virtual server which makes things easier for the developer.",
            "",
            "WHY EC2:",
            "",
            "Provides Flexibility: EC2 instances can be customized with various configurations.",
        )
    )
    assert [(s.title, s.line) for s in outline.walk()] == [("WHAT IS EC2?", 1), ("WHY EC2", 5)]
    assert block(outline, "Provides Flexibility").term == "Provides Flexibility"


def test_numbered_headings_of_class_notes_lose_their_numbers():
    outline = parse(
        lines(
            "\t** Services **",
            "",
            "1 IAM identity access management : ",
            "\tComponents : Users, User groups, Roles, Policies",
            "",
            "4 EC2 : Elastic Compute Cloud",
            "\t",
            "2 S3 : Simple Storage Services",
            "\t\t",
            "\tTo store your data in Amazon S3, you first create a bucket and specify a bucket name and AWS Region.",
            "",
            "3. Lambda. it can only work till 15 minutes",
        )
    )
    assert [s.title for s in outline.walk()] == [
        "Services",
        "IAM identity access management",
        "EC2: Elastic Compute Cloud",
        "S3: Simple Storage Services",
        "Lambda",
    ]
    lambda_ = outline.sections[-1]
    assert lambda_.line == 12
    assert [(b.text, b.line) for b in lambda_.blocks] == [("it can only work till 15 minutes", 12)]
    components = block(outline, "Components")
    assert (components.term, components.definition) == ("Components", "Users, User groups, Roles, Policies")


def test_a_title_between_two_dash_lines_is_one_heading():
    outline = parse(
        lines(
            "-------------------------------------------------------------------",
            "IAM = Identity and Access Management, Global service",
            "-------------------------------------------------------------------",
            "",
            "IAM: Users & Groups",
            "• IAM = Identity and Access Management, Global service",
            "• Root account created by default, shouldn’t be used or shared",
        )
    )
    top = outline.sections
    assert len(top) == 1
    assert (top[0].title, top[0].level, top[0].line) == ("IAM = Identity and Access Management, Global service", 1, 2)
    assert [(c.title, c.level, c.line) for c in top[0].children] == [("IAM: Users & Groups", 2, 5)]
    assert not any("---" in b.text for b in blocks(outline))


def test_a_banner_and_a_colon_heading_for_the_same_topic_are_one_heading():
    outline = parse(
        lines(
            "",
            "*" * 179,
            "ROUTE 53",
            "AMAZON ROUTE 53 :  ",
            "",
            "Amazon R53 is a highly available and  scalable cloud domain Name System (DNS) web service "
            "provided by AWS.",
        )
    )
    assert titles(outline) == [(1, "AMAZON ROUTE 53")]
    route53 = outline.sections[0]
    assert route53.line == 3
    assert route53.blocks[0].line == 6
    assert reasons(outline)[2] == "separator"


def test_setext_headings():
    # Notes rarely use them; this is the Markdown way to write an H1 and an H2.
    outline = parse(
        lines(
            "About Cloud Computing",
            "=====================",
            "",
            "Cloud computing is a model for delivering computing services over the internet.",
            "",
            "Key Characteristics of Cloud Computing",
            "--------------------------------------",
            "1. **On-Demand Self-Service**: Users can access computing resources as needed.",
        )
    )
    assert titles(outline) == [(1, "About Cloud Computing"), (2, "Key Characteristics of Cloud Computing")]
    assert [s.line for s in outline.walk()] == [1, 6]
    item = block(outline, "**On-Demand")
    assert (item.term, item.definition, item.ordered, item.line) == (
        "On-Demand Self-Service",
        "Users can access computing resources as needed.",
        True,
        8,
    )


def test_a_single_equals_sign_underlines_a_title():
    # CommonMark: any run of "=" under a paragraph's only line makes it an H1, one sign too; neither the title nor the
    # "=" is a bullet of the section before it
    outline = parse(
        lines("Snowball", "=", "", "- Ships a device to move data", "", "Outposts", "=", "", "- Racks on site")
    )
    assert titles(outline) == [(1, "Snowball"), (1, "Outposts")]
    assert [b.text for b in blocks(outline)] == ["Ships a device to move data", "Racks on site"]


def test_unmarked_slide_subheadings_sit_under_the_banner():
    outline = parse(
        lines(
            "-------------------------------------------------------------------",
            "EC2 = Elastic Compute Cloud = Infrastructure as a Service",
            "-------------------------------------------------------------------",
            "EC2 user data is used to automate boot tasks such as:",
            "• Installing updates",
            "• Installing software",
            "",
            "EC2 Instances Purchasing Options",
            "\t• On-Demand Instances – short workload, predictable pricing, pay by second",
            "\t• Reserved (1 & 3 years)",
        )
    )
    assert titles(outline) == [
        (1, "EC2 = Elastic Compute Cloud = Infrastructure as a Service"),
        (2, "EC2 Instances Purchasing Options"),
    ]
    lead_in = block(outline, "EC2 user data is used")
    assert lead_in.kind == "paragraph" and lead_in.term is None
    assert block(outline, "Installing updates").depth == lead_in.depth + 1
    on_demand = block(outline, "On-Demand Instances")
    assert (on_demand.kind, on_demand.depth, on_demand.term) == ("bullet", 0, "On-Demand Instances")
    assert on_demand.definition == "short workload, predictable pricing, pay by second"


def test_heading_fused_with_its_definition_opens_a_topic():
    outline = parse(
        lines(
            "How lambda works ?",
            "Client sends request to lambda --> container --> container has code --> runs the appln.",
            "",
            "",
            "EC2: web service which aims to make life easier for developers by providing compute capacity in cloud.",
            "",
            "\t• Amazon machine image : template to create a new vm like OS, volumes, etc.",
        )
    )
    assert [s.title for s in outline.walk()] == ["How lambda works?", "EC2"]
    ec2 = outline.sections[1]
    assert ec2.blocks[0].term == "EC2" and ec2.blocks[0].line == 5
    ami = ec2.blocks[1]
    assert (ami.term, ami.depth) == ("Amazon machine image", 0)
    flow = block(outline, "Client sends request")
    assert flow.term is None  # an arrow flow, not a definition


def test_a_stray_h2_among_many_h3_is_one_of_them():
    h3 = [row for n in range(1, 21) for row in (f"### Instance family {n}", "", f"Family {n} suits one workload.", "")]
    outline = parse(lines("# Amazon EC2", "", "## Capabilities of EC2 :", "", "EC2 gives virtual servers.", "", *h3))
    (ec2,) = outline.sections
    assert ec2.title == "Amazon EC2" and ec2.level == 1
    assert [c.level for c in ec2.children[:3]] == [2, 2, 2]
    assert {s.level for s in outline.walk()} == {1, 2}


def test_the_title_after_a_separator_leads_and_the_next_sits_under_it():
    outline = parse(
        lines(
            "==========================",
            "EBS VOLUME TYPES :",
            "EBS volumes are network drives for one instance.",
            "",
            "GENERAL PURPOSE SSD :",
            "Balances price and performance for most workloads.",
            "==========================",
            "VPC :",
            "A VPC is a private network in a region.",
        )
    )
    assert titles(outline) == [(1, "EBS VOLUME TYPES"), (2, "GENERAL PURPOSE SSD"), (1, "VPC")]


def test_without_banners_or_separators_every_title_is_top_level():
    outline = parse(
        lines(
            "Simple queue service (SQS)",
            "",
            "\t• A queue holds messages until a consumer deletes them",
            "",
            "",
            "",
            "",
            "",
            "Core concepts",
            "",
            "\t• Producers send, consumers poll",
        )
    )
    assert titles(outline) == [(1, "Simple queue service (SQS)"), (1, "Core concepts")]


def test_an_h1_repeated_as_its_first_subheading_is_one_heading():
    outline = parse(
        lines(
            "# AWS Batch",
            "",
            "### AWS Batch Overview",
            "",
            "**AWS Batch** is a fully managed service that enables developers to run batch computing jobs.",
            "",
            "### Key Features:",
        )
    )
    assert titles(outline) == [(1, "AWS Batch"), (2, "Key Features")]
    assert outline.sections[0].blocks[0].line == 5
    assert reasons(outline)[3].startswith("repeats the heading at line 1")


# --- blocks --------------------------------------------------------------------------------------


def test_a_bold_label_keeps_its_term_and_its_bullets_become_children():
    outline = parse(
        lines(
            "### Key Components of an AMI:",
            "",
            "1. **Root Volume Template**:",
            "",
            "   - The AMI defines the root volume, which includes an operating system.",
            "   - The root volume is typically stored on Amazon EBS.",
            "",
            "2. **Launch Permissions**:",
            "",
            "   - AMIs control which AWS accounts can launch instances from them.",
        )
    )
    root, child1, child2, launch, child3 = outline.sections[0].blocks
    assert (root.term, root.definition, root.depth, root.ordered) == ("Root Volume Template", "", 0, True)
    assert [(b.depth, b.line) for b in (child1, child2)] == [(1, 5), (1, 6)]
    assert (launch.term, launch.depth, child3.depth) == ("Launch Permissions", 0, 1)


def test_children_written_at_the_label_indent_still_nest_under_it():
    # the slide export lost the indentation of the EBS children.
    outline = parse(
        lines(
            "EC2 Instance Storage - Summary",
            "• EBS volumes:",
            "• network drives attached to one EC2 instance at a time",
            "• Mapped to an Availability Zones",
            "• AMI: create ready-to-use EC2 instances with our customizations",
        )
    )
    ebs, drives, mapped, ami = outline.sections[0].blocks
    assert (ebs.term, ebs.definition, ebs.depth) == ("EBS volumes", "", 0)
    assert (drives.depth, mapped.depth) == (1, 1)
    assert (ami.term, ami.depth) == ("AMI", 0)


def test_unindented_children_after_a_numbered_label_nest_under_it():
    # Markdown would close the list here and lose the hierarchy.
    outline = parse(
        lines(
            "### Key Features of Amazon S3:",
            "",
            "10. **Event Notifications**:",
            "",
            "- You can configure S3 to trigger **Lambda functions**, **SNS**, or **SQS** when actions occur.",
            "",
            "11. **Object Versioning**:",
            "",
            "- S3 supports **versioning**, which stores all versions of an object.",
        )
    )
    events, trigger, versioning, stores = outline.sections[0].blocks
    assert (events.term, events.depth, trigger.depth) == ("Event Notifications", 0, 1)
    assert (versioning.depth, stores.depth) == (0, 1)


def test_tab_indentation_is_nesting():
    outline = parse(
        lines(
            "1 IAM identity access management : ",
            "\tLab Role :",
            "\t\tARN : Amazon Resource Name, different for differnt policies , roles etc",
            "\t\t",
            "\t\tEMR  : elastic map reduce, it assumes role, ",
            "\t\t\tIt does ETL. ",
            "\t\t\tex. we're using Spark which does transformation. ",
            "\t\t\t\tit will transform some sort of data, ex. raw data",
        )
    )
    depth = {b.text.split(" ")[0]: b.depth for b in blocks(outline)}
    assert depth == {"Lab": 0, "ARN": 1, "EMR": 1, "It": 2, "ex.": 2, "it": 3}
    arn = block(outline, "ARN")
    assert (arn.term, arn.definition) == ("ARN", "Amazon Resource Name, different for differnt policies , roles etc")


def test_bullet_symbols_and_arrows_are_markers():
    outline = parse(
        lines(
            "Core concepts:",
            "\t• Access the data from buckets by ",
            "\t\t○ By URL: (s3.amazonaws.com/<bucket_name>/<objectname>)",
            "\t\t○ Programmatically  ",
            "Advantages:",
            "",
            "---> Millisecond performance and automatic multi-Region replication.",
            "--->Data encryption at rest and automatic backup and restore.",
            "• => Automate the creation, maintain, validate and test EC2 AMIs",
        )
    )
    texts = [(b.kind, b.depth, b.text) for b in blocks(outline)]
    assert texts == [
        ("bullet", 0, "Access the data from buckets by"),
        ("bullet", 1, "By URL: (s3.amazonaws.com/<bucket_name>/<objectname>)"),
        ("bullet", 1, "Programmatically"),
        ("paragraph", 0, "Advantages:"),
        ("bullet", 1, "Millisecond performance and automatic multi-Region replication."),
        ("bullet", 1, "Data encryption at rest and automatic backup and restore."),
        ("bullet", 0, "Automate the creation, maintain, validate and test EC2 AMIs"),
    ]
    assert block(outline, "Advantages").term == "Advantages"


def test_a_soft_wrapped_line_is_joined_to_its_bullet():
    outline = parse(
        lines(
            "• Scalability: ability to accommodate a larger load by making the hardware stronger (scale up), or by "
            "adding nodes (scale out)",
            "• Elasticity: once a system is scalable, elasticity means that there will be some “auto-scaling” so "
            "that the system can scale based on the load. This",
            "is “cloud-friendly”: pay-per-use, match demand, optimize costs",
            "• Agility: (not related to scalability - distractor) new IT resources are only a click away.",
        )
    )
    scal, elastic, agility = blocks(outline)
    assert (elastic.line, elastic.end_line) == (2, 3)
    assert elastic.text.endswith(
        "based on the load. This is “cloud-friendly”: pay-per-use, match demand, optimize costs"
    )
    assert elastic.term == "Elasticity"
    assert (scal.term, agility.term) == ("Scalability", "Agility")


def test_a_long_bullet_broken_mid_name_goes_on_into_its_indented_tail():
    """ "... while the Classic Load" over an indented "Balancer does not." is one bullet broken mid-name (its tail
    starts in upper case); an indented line under a short bullet, or a bullet under a long one, is its own."""
    outline = parse(
        lines(
            "- The gateway passes the caller's address through to the instance unchanged, while the Classic Load",
            "  Balancer does not. It passes it in a header instead:",
            "  - X-Original-Caller: the address",
            "- Short item",
            "  Next Words here",
        )
    )
    wrapped, header, short, tail = blocks(outline)
    assert (wrapped.line, wrapped.end_line) == (1, 2)
    assert "while the Classic Load Balancer does not. It passes it" in wrapped.text
    assert header.text.startswith("X-Original-Caller")
    assert (short.text, tail.text) == ("Short item", "Next Words here")


def test_short_lines_without_markers_are_a_list():
    outline = parse(lines("AWS Services : ", "\tS3", "\tec2", "\tLambda", "\tAthena"))
    assert titles(outline) == [(1, "AWS Services")]
    assert [(b.kind, b.text) for b in blocks(outline)] == [
        ("bullet", "S3"),
        ("bullet", "ec2"),
        ("bullet", "Lambda"),
        ("bullet", "Athena"),
    ]


def test_term_and_definition_patterns():
    outline = parse(
        lines(
            "# Terms",
            "- **Hosted Zones**: A hosted zone is a container for records.",
            "**Definition**: Amazon API Gateway is a fully managed service.",
            "1. **Amazon FSx for Lustre** – Provides a fully managed high-performance file system.",
            "- Vertical Scalability - increasing the size of the instance",
            "- S3 express one zone -> in one zone data will be replicated 3 times",
            "- Step 1 − The user accesses a website and requests an object.",
            "- Tables:- As with other database systems, DynamoDB stores data in tables.",
            "- Infrastructure security : built on top of AWS cloud infrastructure",
            "- Application Load Balancer (HTTP / HTTPS only) – Layer 7",
            "- IAM = Identity and Access Management, Global service",
            "- Ex Standard Tier(Hot Data) --> infrequent access --> Glacier (Cold data)",
            "- EC2 instances are available in various **AWS Regions** globally.",
            "- According to access frequency S3 is divided into classes : Highest to lowest",
            "- Public: Docker Hub https://hub.docker.com/",
            "- https://github.com/aws/aws-cli is the CLI",
        )
    )
    pairs = [(b.term, b.definition) for b in outline.sections[0].blocks]
    assert pairs == [
        ("Hosted Zones", "A hosted zone is a container for records."),
        ("Definition", "Amazon API Gateway is a fully managed service."),
        ("Amazon FSx for Lustre", "Provides a fully managed high-performance file system."),
        ("Vertical Scalability", "increasing the size of the instance"),
        ("S3 express one zone", "in one zone data will be replicated 3 times"),
        ("Step 1", "The user accesses a website and requests an object."),
        ("Tables", "As with other database systems, DynamoDB stores data in tables."),
        ("Infrastructure security", "built on top of AWS cloud infrastructure"),
        ("Application Load Balancer (HTTP / HTTPS only)", "Layer 7"),
        ("IAM", "Identity and Access Management, Global service"),
        (None, None),
        (None, None),
        (None, None),
        ("Public", "Docker Hub https://hub.docker.com/"),
        (None, None),
    ]


def test_comma_labels_of_arrow_bullets_are_terms():
    outline = parse(
        lines("---> Scalability,The social media platform experiences fluctuating traffic patterns throughout the day.")
    )
    scal = blocks(outline)[0]
    assert scal.term == "Scalability"
    assert scal.definition.startswith("The social media platform")


def test_role_labels_of_the_shared_responsibility_model():
    outline = parse(
        lines(
            "Shared Responsibility Model for IAM",
            "AWS",
            "• Infrastructure (global network security)",
            "• Configuration and vulnerability analysis",
            "You",
            "• Users, Groups, Roles, Policies management and monitoring",
        )
    )
    assert titles(outline) == [(1, "Shared Responsibility Model for IAM")]
    aws, infra, config, you, users = outline.sections[0].blocks
    assert (aws.term, aws.definition, aws.depth) == ("AWS", "", 0)
    assert (infra.depth, config.depth) == (1, 1)
    assert (you.term, you.depth, users.depth) == ("You", 0, 1)


def test_a_table_with_continuation_rows_merges_them():
    # each row split in two string pieces to fit the page
    outline = parse(
        lines(
            "| **Aspect**                       | **AWS Responsibility**                     "
            "| **Customer Responsibility**                |",
            "| -------------------------------- | ------------------------------------------ "
            "| ------------------------------------------ |",
            "| **Infrastructure Security**      | Physical data center security, network     "
            "| Configuring and securing S3 buckets,       |",
            "|                                  | infrastructure, hardware maintenance       "
            "| objects, and access management             |",
            "| **Access Control**               | Securing AWS infrastructure access         "
            "| Using IAM policies, bucket policies, and   |",
            "|                                  |                                            "
            "| ACLs to control access to S3               |",
            "| **Data Encryption**              | Offering encryption at rest and in transit "
            "| Choosing to enable encryption (SSE or CSE) |",
        )
    )
    (table,) = blocks(outline)
    assert (table.kind, table.line, table.end_line) == ("table", 1, 7)
    assert table.rows == [
        ["Aspect", "AWS Responsibility", "Customer Responsibility"],
        [
            "Infrastructure Security",
            "Physical data center security, network infrastructure, hardware maintenance",
            "Configuring and securing S3 buckets, objects, and access management",
        ],
        [
            "Access Control",
            "Securing AWS infrastructure access",
            "Using IAM policies, bucket policies, and ACLs to control access to S3",
        ],
        ["Data Encryption", "Offering encryption at rest and in transit", "Choosing to enable encryption (SSE or CSE)"],
    ]
    assert table.text.splitlines()[:3] == [
        "| Aspect | AWS Responsibility | Customer Responsibility |",
        "| --- | --- | --- |",
        "| Infrastructure Security | Physical data center security, network infrastructure, hardware maintenance "
        "| Configuring and securing S3 buckets, objects, and access management |",
    ]


def test_a_ragged_tab_aligned_table_keeps_its_empty_corner_and_columns():
    outline = parse(
        lines(
            "\t\t\t\t|On-premises| IaaS \t| PaaS\t| SaaS\t|\t",
            "----------------|-----------|-------|-------|-------|",
            "Applications\t|\t\tx\t|\tx\t|\tx\t|\t\t|",
            "Data\t\t\t|\t\tx\t|\tx\t|\tx\t|\t\t|",
            "Runtime\t\t\t|\t\tx\t|\tx\t|\t\t|\t\t|",
        )
    )
    (table,) = blocks(outline)
    assert table.rows == [
        ["", "On-premises", "IaaS", "PaaS", "SaaS"],
        ["Applications", "x", "x", "x", ""],
        ["Data", "x", "x", "x", ""],
        ["Runtime", "x", "x", "", ""],
    ]
    assert table.text.splitlines()[0] == "|  | On-premises | IaaS | PaaS | SaaS |"


def test_an_indented_table_inside_a_list_item_is_its_child():
    outline = parse(
        lines(
            "- **Inbound Rules**:",
            "  | Type | Protocol | Port Range | Source |",
            "  |-------------|----------|------------|-----------------------|",
            "  | HTTP | TCP | 80 | 0.0.0.0/0 |",
            "  | SSH | TCP | 22 | Your IP (e.g., 203.x.x.x) |",
        )
    )
    label, table = blocks(outline)
    assert (label.term, table.kind, table.depth, table.line, table.end_line) == ("Inbound Rules", "table", 1, 2, 5)
    assert table.rows[-1] == ["SSH", "TCP", "22", "Your IP (e.g., 203.x.x.x)"]


def test_fenced_code_is_kept_verbatim():
    outline = parse(
        lines(
            "### Example:",
            "",
            "```python",
            "from aws_cdk import core",
            "",
            "class MyS3BucketStack(core.Stack):",
            "    def __init__(self, scope: core.Construct, id: str, **kwargs):",
            "        # Define an S3 bucket",
            '        bucket = Bucket(self, "MyBucket",',
            "                        versioned=True)",
            "```",
        )
    )
    (code,) = blocks(outline)
    assert (code.kind, code.line, code.end_line) == ("code", 3, 11)
    assert code.text == (
        "from aws_cdk import core\n\nclass MyS3BucketStack(core.Stack):\n"
        "    def __init__(self, scope: core.Construct, id: str, **kwargs):\n        # Define an S3 bucket\n"
        '        bucket = Bucket(self, "MyBucket",\n                        versioned=True)'
    )
    assert titles(outline) == [(1, "Example")]  # the `#` comment inside the fence is not a heading


def test_three_backticks_around_code_on_one_line_open_no_fence():
    """ "```aws sts get-caller-identity```" is inline code on a line of its own (a fence's info string holds no
    backtick): the headings and lines after it are read, not swallowed into a code block that never closes."""
    outline = parse(
        lines(
            "## Access keys",
            "Once you have your keys run",
            "```aws sts get-caller-identity ```",
            "",
            "## CloudShell",
            "A terminal in the browser, logged in as you.",
        )
    )
    assert titles(outline) == [(1, "Access keys"), (1, "CloudShell")]
    assert [b.kind for b in blocks(outline)][-1] == "paragraph"
    assert blocks(outline)[-1].text == "A terminal in the browser, logged in as you."


def test_an_ascii_diagram_is_kept_as_preformatted_text():
    outline = parse(
        lines(
            "REDSHIFT ARCHITECTURE :",
            "",
            "CLIENT---|",
            "         |               JDBC/ODBC              COMPUTE NODE--(node slices)",
            "CLIENT ---------------- LEADER NODE ---------- COMPUTE NODE--(node slices)",
            "         |              |                       COMPUTE NODE--(node slices)",
            "CLIENT---|",
        )
    )
    (diagram,) = blocks(outline)
    assert (diagram.kind, diagram.line, diagram.end_line) == ("code", 3, 7)
    assert diagram.text.splitlines()[2].startswith("CLIENT ---------------- LEADER NODE")


# --- junk ----------------------------------------------------------------------------------------


def test_chat_assistant_chatter_is_dropped():
    # a chat answer with the lead-in and follow-up styles chat exports use.
    outline = parse(
        lines(
            "Sure! Here's an overview of Amazon EC2:",
            "",
            "# Amazon EC2",
            "",
            "- **Gaming**: EC2 is used for hosting game servers with scalable capacity.",
            "",
            "Would you like more details on any specific aspect of EC2?",
            "",
            "![alt text](../Images/image30.png)",
            "",
            "Amazon EC2 instance types are categorized based on their underlying hardware. "
            "Here's a breakdown of the basics of EC2 instance types:",
            "",
            "Certainly! Let me know if you need anything else.",
            "",
            "I hope this helps!",
        )
    )
    assert [b.text for b in blocks(outline)] == [
        "**Gaming**: EC2 is used for hosting game servers with scalable capacity.",
        "Amazon EC2 instance types are categorized based on their underlying hardware.",
    ]
    why = reasons(outline)
    assert why[1] == "chat lead-in"
    assert why[7] == "chat follow-up"
    assert why[9].startswith("image reference")
    assert why[11].startswith("chat lead-in")
    assert why[13] == "chat lead-in"
    assert why[15] == "chat follow-up"
    assert titles(outline) == [(1, "Amazon EC2")]


def test_chat_openers_lose_only_the_opening_word_and_notes_starting_with_if_you_stay():
    outline = parse(
        lines(
            "Certainly! Amazon S3 is an object storage service offered by AWS.",
            "",
            # a note written as a paragraph, not a chat follow-up
            "If you need a high-performance hardware disk, use EC2 Instance Store",
        )
    )
    assert [b.text for b in blocks(outline)] == [
        "Amazon S3 is an object storage service offered by AWS.",
        "If you need a high-performance hardware disk, use EC2 Instance Store",
    ]


def test_a_dangling_reference_sentence_is_cut():
    outline = parse(
        lines(
            "Graph Databases : Graph databases store data as nodes, while edges store information on the "
            "relationships between nodes. Review the Understanding graph relationships section below for more "
            "information."
        )
    )
    graph = blocks(outline)[0]
    assert graph.text.endswith("relationships between nodes.")
    assert graph.definition.endswith("relationships between nodes.")
    assert reasons(outline)[1] == "dangling reference (closing sentence removed)"


def test_the_shipped_notes_keep_no_chatter():
    chatter = ("Sure", "Certainly", "Let me know", "I hope", "Would you like", "Here’s", "Here's", "Here is",
               "Here are", "It seems like", "If you were referring")  # fmt: skip
    for path in sorted(NOTES.glob("*.txt")):
        outline = parse(read_note(path).text)
        for b in blocks(outline):
            assert not b.text.startswith(chatter), (b.line, b.text)
            assert "let me know" not in b.text.lower(), (b.line, b.text)
            assert "![" not in b.text
        assert not {s.title.lower() for s in outline.walk()} & {"conclusion", "summary", "key takeaways"}


def test_a_chat_lead_in_is_trimmed_and_a_summary_table_is_kept():
    outline = parse(
        lines(
            "# Amazon SQS",
            "",
            "It seems like you might be referring to **Amazon SQS**, which is a fully managed message queue for "
            "decoupling the parts of an application.",
            "",
            "### Summary Table",
            "",
            "| Queue | Ordering |",
            "| ----- | -------- |",
            "| Standard | Best effort |",
        )
    )
    sqs = block(outline, "**Amazon SQS** is a fully managed message queue")
    assert sqs.line == 3
    assert "Summary Table" in [s.title for s in outline.walk()]


def test_boilerplate_conclusions_are_dropped_but_a_table_under_one_is_kept():
    outline = parse(
        lines(
            "# Amazon Elastic File System (EFS)",
            "",
            "### Conclusion:",
            "",
            "Amazon EFS is a powerful and flexible solution for applications that require scalable, shared storage.",
            "",
            "| Feature | Amazon EBS (Elastic Block Store) | Amazon EFS (Elastic File System) |",
            "| ------- | -------------------------------- | -------------------------------- |",
            "| **Type of Storage** | Block storage | File storage |",
        )
    )
    assert titles(outline) == [(1, "Amazon Elastic File System (EFS)")]
    (table,) = outline.sections[0].blocks
    assert table.kind == "table" and table.line == 7
    assert reasons(outline)[3] == "boilerplate conclusion"


def test_in_summary_paragraphs_are_dropped():
    outline = parse(
        lines(
            "AWS Placement Groups :",
            "The choice of placement group type depends on the specific requirements of the application.",
            "In summary, placement groups in AWS provide users with fine-grained control over the placement.",
        )
    )
    assert [b.line for b in blocks(outline)] == [2]
    assert reasons(outline)[3] == "boilerplate summary"


def test_a_block_pasted_twice_appears_once():
    pasted = [
        "SQS :",
        "SQS is a fully managed message queue that lets the parts of an application talk without waiting.",
        "WHY SQS?",
        "It decouples producers from consumers, so a slow consumer never blocks the producer.",
        "It keeps each message until a consumer deletes it, for up to fourteen days.",
    ]
    outline = parse(lines("EC2 :", "EC2 gives you virtual servers in the cloud.", "", *pasted, "", *pasted))
    assert sum(1 for b in blocks(outline) if b.text.startswith("SQS is a fully managed")) == 1
    assert [s.title for s in outline.walk()] == ["EC2", "SQS"]
    assert not any(b.line >= 10 for b in blocks(outline))
    assert reasons(outline)[10] == "duplicate of lines 4-8"


def test_fragments_truncated_lines_and_homework_are_dropped():
    outline = parse(
        lines(
            "\t\tlifecycle policy : can change classes by predifining the date, you can delete, duplicate it and "
            "backup it.",
            "\t\t\t",
            "\t\t\t",
            "\tS3 is ",
            "\t\t",
            "AWS claims data durability is 99.99999999999 %",
            "",
            "\t\t\t",
            "",
            "3. Lambda. it can only work till 15 minutes",
            "",
            "",
            "",
            "learn",
            "subnet ",
            "",
            "ip masking ",
            "\t",
            "\tnumber of subnet in bydefault vpc = no.of availability zone in that region ( default 3)",
            "\t",
            "",
            "*********************************************************************************************",
            "User role : roles given to users",
            "",
            "Service role : roles given to services.",
            "",
            "",
            "",
            "Assignment 1",
            "create 1 bucket (backup) public access block",
            "create lambda function",
            "in bucket 1, any file or folder must be backed up in bucket 2",
            "",
            "assignment 2",
            "in first bucket add 1 jpg file / jpeg file",
            "now lambda should reduce the file (compress) it.",
            "in backup bucket, create a folder compresses and then add that file into the compressed folder",
            "pillow library is not in lambda, pillow is used for image compression. to do this add a layer",
            "",
            "hints ",
            "add destination bucket before try block",
            "boto3, s3.putoject",
            "",
            "inbound : who can access inside the machine",
            "outbound : ",
            "port of SSH : 22",
        )  # fmt: skip
    )
    why = reasons(outline)
    assert why[4] == "truncated"
    assert why[14] == why[15] == why[17] == "fragment"
    assert why[22] == "separator"
    assert why[29] == why[34] == why[40] == "homework"
    homework = [d for d in outline.dropped if d.reason == "homework"]
    assert [(d.line, d.end_line) for d in homework] == [(29, 32), (34, 38), (40, 42)]
    kept = [b.text for b in blocks(outline)]
    assert "S3 is" not in kept and "learn" not in kept
    assert not any("bucket" in t and "lambda" in t for t in kept)
    assert "port of SSH : 22" in kept
    assert block(outline, "port of SSH").definition == "22"


def test_empty_repeated_banners_are_dropped():
    rule = "-" * 60
    outline = parse(
        lines(
            rule, "Messaging Section", rule,
            "• SQS: a message queue",
            rule, "Storage Section", rule,
            "• S3: object storage",
            rule, "Messaging Section", rule,
            "",
            rule, "Messaging Section", rule,
        )
    )  # fmt: skip
    assert [s.title for s in outline.sections].count("Messaging Section") == 1
    why = reasons(outline)
    assert why[10].startswith("empty repeat of the heading at line 2")
    assert why[14].startswith("repeats the heading")


def test_discourse_and_prompt_leftovers_are_dropped():
    why = reasons(
        parse(
            lines(
                "EC2 :",
                "There are many kinds of load balancer, lets have a glance:",
                "",
                "Describe SQS visibility timeout and say when you would change it",
                "",
                "https://example.com/aws/sqs-guide",
                "",
                "EC2 gives you virtual servers in the cloud.",
            )
        )
    )
    assert why[2] == "discourse"
    assert why[4] == "question prompt leftover"
    assert why[6] == "bare URL"


# --- line numbers, robustness, speed -------------------------------------------------------------


def test_every_line_number_points_at_its_physical_line():
    def squash(text: str) -> str:
        return "".join(ch for ch in text.lower() if ch.isalnum())

    checked = 0
    for path in sorted(NOTES.glob("*.txt")):
        prefix = path.name
        physical = read_note(path).text.split("\n")
        outline = parse(read_note(path).text)
        for section in outline.walk():
            for b in section.blocks:
                first, last = squash(physical[b.line - 1]), squash(physical[b.end_line - 1])
                if b.kind in ("paragraph", "bullet"):
                    # (a block that lost its chat opening may match by its tail only)
                    assert squash(b.text)[:10] in first or b.line == b.end_line, (prefix, b.line, b.text[:40])
                    assert squash(b.text)[-10:] in last, (prefix, b.end_line, b.text[-40:])
                elif b.kind == "table":
                    assert "|" in physical[b.line - 1] and "|" in physical[b.end_line - 1]
                checked += 1
        for d in outline.dropped:
            assert physical[d.line - 1].strip(), (prefix, d)
    assert checked > 3000


def test_arbitrary_text_never_crashes():
    rng = random.Random(20261122)
    alphabet = list("ab AB:|-*#=_>()[]!`~•○\t\n\r1.)−–…’\\") + ["---", "```", "| a |", "|---|", "# ", "**", "-->"]
    real_lines = [line for p in sorted(NOTES.glob("*.txt")) for line in read_note(p).text.split("\n")[:300]]
    for _ in range(400):
        if rng.random() < 0.5:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        else:
            text = "\n".join(rng.sample(real_lines, rng.randint(1, 60)))
        outline = parse(text)
        total = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        for section in outline.walk():
            for b in section.blocks:
                assert 1 <= b.line <= b.end_line <= total
        for d in outline.dropped:
            assert 1 <= d.line <= d.end_line <= total
    assert parse("").sections == []
    assert parse("\n\n\t\n").sections == []


def test_all_five_real_notes_parse_into_sections():
    # Timing is measured, not asserted: about 0.1 s for the five files on the dev machine.
    texts = [read_note(p).text for p in sorted(NOTES.glob("*.txt"))]
    assert len(texts) == 5
    started = time.perf_counter()
    outlines = [parse(text) for text in texts]
    elapsed = time.perf_counter() - started
    assert [len(list(o.walk())) >= 5 for o in outlines] == [True] * 5
    print(f"parsed the 5 notes in {elapsed:.3f} s")


def test_a_line_of_plus_signs_is_a_separator_not_text():
    """ "++++++++++" between two topics of a terse outline is a rule, like "-----": it is never part of the
    paragraph above it (a quote of that paragraph would carry it)."""
    outline = parse(
        lines(
            "# Developer tools",
            "AWS CDK: define cloud infrastructure in familiar programming languages",
            "++++++++++++++++++",
            "AWS CodeBuild: compiles source code and runs tests",
        )
    )
    texts = [b.text for b in blocks(outline)]
    assert texts == [
        "AWS CDK: define cloud infrastructure in familiar programming languages",
        "AWS CodeBuild: compiles source code and runs tests",
    ]


def test_a_capitalised_name_opening_a_list_of_names_is_no_term():
    """ "VPC, Subnets, route tables, internet gateway, NAT gateway and network ACLs" lists what a setup holds: the
    first name is one item of the list, not a term the rest defines."""
    outline = parse(
        lines(
            "Network setup",
            "VPC, Subnets, route tables, internet gateway, NAT gateway, security groups and network ACLs",
        )
    )
    block = blocks(outline)[-1]
    assert block.term is None, (block.term, block.definition)


def test_a_json_policy_pasted_without_a_fence_is_code():
    """A policy pasted as bare lines ("{", '"Effect": "Deny",', "}") is code, one block citing its lines; braces
    around prose are not."""
    outline = parse(
        lines(
            "- The policy below denies uploads without encryption:",
            "{",
            '    "Statement": [',
            "        {",
            '            "Effect": "Deny",',
            '            "Action": "s3:PutObject"',
            "        }",
            "    ]",
            "}",
            "- Bucket policies are JSON documents attached to a bucket",
        )
    )
    kinds = [(b.kind, b.line, b.end_line) for b in blocks(outline)]
    assert kinds == [("bullet", 1, 1), ("code", 2, 9), ("bullet", 10, 10)]
    prose = parse(lines("{", "Remember these three things", "about buckets", "}"))
    assert all(b.kind != "code" for b in blocks(prose))
