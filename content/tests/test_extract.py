"""extract(): facts from hand-built blocks shaped like the lines study notes are written in."""

import time
from pathlib import Path

import pytest

from content.ingest.facts import extract
from content.ingest.facts.numbers import find_number
from content.ingest.facts.text import key
from content.ingest.outline import Block

NOTES = Path(__file__).resolve().parent.parent / "notes"


def bullet(line, text, *, depth=0, term=None, definition=None, ordered=False):
    return Block(
        kind="bullet",
        text=text,
        line=line,
        end_line=line,
        depth=depth,
        ordered=ordered,
        term=term,
        definition=definition,
    )


def para(line, text, *, term=None, definition=None):
    return Block(kind="paragraph", text=text, line=line, end_line=line, term=term, definition=definition)


def run(blocks, title, topic=None):
    return extract(blocks, topic_name=topic or title, section_title=title)


def of_kind(facts, kind):
    return [f for f in facts if f.kind == kind]


def definitions(facts):
    return {f.data["term"]: f for f in of_kind(facts, "definition")}


# --- definitions: every surface form ---------------------------------------------------------------


def test_term_colon_definition():
    facts = run(
        [
            bullet(
                166,
                "Security Groups: Firewall attached to the EC2 instance",
                term="Security Groups",
                definition="Firewall attached to the EC2 instance",
            )
        ],
        "EC2 Section – Summary",
    )
    (fact,) = of_kind(facts, "definition")
    assert fact.subject == "security groups"
    assert fact.data == {"term": "Security Groups", "definition": "Firewall attached to the EC2 instance"}
    assert fact.text == "Security Groups: Firewall attached to the EC2 instance."
    assert fact.lines == [166]


def test_bold_term_definition_split_without_parser_help():
    text = (
        "**Hosted Zones**: A hosted zone is a container for records, which include information about how to "
        "route traffic for a specific domain or subdomain."
    )
    facts = run([bullet(4252, text)], "Key Concepts", topic="AWS Route 53")
    fact = definitions(facts)["Hosted Zones"]
    assert fact.subject == "hosted zones"
    assert fact.data["definition"].startswith("A container for records, which include information")
    assert "**" not in fact.text


def test_term_dash_definition_forms():
    blocks = [
        bullet(
            141,
            "On-Demand Instances – short workload, predictable pricing, pay by second",
            term="On-Demand Instances",
            definition="short workload, predictable pricing, pay by second",
        ),
        para(
            276,
            "Vertical Scalability - increasing the size of the instance",
            term="Vertical Scalability",
            definition="increasing the size of the instance",
        ),
        para(
            29,
            "ARN : Amazon Resource Name, different for differnt policies , roles etc",
            term="ARN",
            definition="Amazon Resource Name, different for differnt policies , roles etc",
        ),
    ]
    defs = definitions(run(blocks, "Notes", topic="AWS"))
    assert defs["On-Demand Instances"].data["definition"] == "Short workload, predictable pricing, pay by second"
    assert defs["Vertical Scalability"].data["definition"] == "Increasing the size of the instance"
    assert defs["ARN"].data["definition"].startswith("Amazon Resource Name, different for differnt policies, roles")
    assert defs["ARN"].lines == [29]


def test_all_caps_term_gets_display_case_and_loses_this_is():
    facts = run(
        [
            para(
                64,
                "EPHEMERAL STORAGE: This is a temporary storage that donot exist over a long period of time.",
                term="EPHEMERAL STORAGE",
                definition="This is a temporary storage that donot exist over a long period of time.",
            )
        ],
        "STORAGE REFRESHER",
        topic="Amazon EC2",
    )
    fact = definitions(facts)["Ephemeral Storage"]
    assert fact.subject == "ephemeral storage"
    assert fact.data["definition"] == "A temporary storage that donot exist over a long period of time."


def test_is_a_first_sentence():
    ami = (
        "An **Amazon Machine Image (AMI)** is a pre-configured virtual machine image that provides the information "
        "required to launch an **EC2 instance** in the AWS cloud. AMIs include essential components like the "
        "operating system, application software, and configurations."
    )
    defs = definitions(run([para(288, ami)], "AWS Amazon Machine Image (AMI)"))
    fact = defs["Amazon Machine Image (AMI)"]
    assert fact.subject == "ami"
    assert fact.data["definition"].startswith("A pre-configured virtual machine image that provides the information")
    assert fact.text.startswith("An Amazon Machine Image (AMI) is a pre-configured virtual machine image")
    assert "**" not in fact.text and len(fact.data["definition"]) <= 300

    defs = definitions(run([bullet(553, "DynamoDB is a key/value database")], "DynamoDB – type of data"))
    assert defs["DynamoDB"].data["definition"] == "A key/value database"


def test_one_more_trait_is_not_what_a_service_is():
    """ "Amazon CloudFront also is a big part of the global network" adds a trait; no card asks "What is Amazon
    CloudFront also?"."""
    defs = definitions(run([bullet(82, "**Amazon CloudFront** also is a big part of the AWS global network")],
                           "Amazon CloudFront"))  # fmt: skip
    assert not [term for term in defs if "also" in term.lower()]


def test_label_with_child_bullets():
    blocks = [
        bullet(292, "**Root Volume Template**:", term="Root Volume Template", definition="", ordered=True),
        bullet(
            294,
            "The AMI defines the root volume, which includes an operating system, the application server, and "
            "applications installed on that OS.",
            depth=1,
        ),
        bullet(
            295,
            "The root volume is typically stored on Amazon EBS or, for instance-store-backed instances, as an "
            "instance store.",
            depth=1,
        ),
    ]
    defs = definitions(run(blocks, "Key Components of an AMI", topic="AWS Amazon Machine Image (AMI)"))
    fact = defs["Root Volume Template"]
    assert fact.data["definition"].startswith("The AMI defines the root volume, which includes an operating system")
    assert fact.lines == [292, 294]


def test_label_with_flattened_children():
    # children written at the same indent as their label; the parser nests them
    blocks = [
        bullet(259, "EBS volumes:", term="EBS volumes", definition=""),
        bullet(260, "network drives attached to one EC2 instance at a time"),
        bullet(261, "Mapped to an Availability Zones"),
        bullet(
            263,
            "AMI: create ready-to-use EC2 instances with our customizations",
            term="AMI",
            definition="create ready-to-use EC2 instances with our customizations",
        ),
    ]
    defs = definitions(run(blocks, "EC2 Instance Storage - Summary"))
    assert defs["EBS volumes"].data["definition"] == "Network drives attached to one EC2 instance at a time"
    assert defs["AMI"].data["definition"] == "Create ready-to-use EC2 instances with our customizations"


# --- lists --------------------------------------------------------------------------------------------


def test_list_under_a_heading():
    names = [
        "Amazon S3 Standard-Infrequent Access (IA)",
        "Amazon S3 One Zone-Infrequent Access",
        "Amazon S3 Glacier Instant Retrieval",
        "Amazon S3 Glacier Flexible Retrieval",
        "Amazon S3 Glacier Deep Archive",
        "Amazon S3 Intelligent Tiering",
    ]
    blocks = [
        bullet(437, "Amazon S3 Standard - General Purpose", term="Amazon S3 Standard", definition="General Purpose")
    ]
    blocks += [bullet(438 + k, name) for k, name in enumerate(names)]
    blocks.append(bullet(444, "Can move between classes manually or using S3 Lifecycle configurations"))
    facts = run(blocks, "S3 Storage Classes", topic="Amazon S3")
    (fact,) = of_kind(facts, "list")
    assert fact.subject == "s3 storage classes"
    assert fact.data["label"] == "S3 Storage Classes"
    assert fact.data["members"] == ["Amazon S3 Standard", *names]
    assert fact.lines == list(range(437, 445))
    assert "Amazon S3 Standard" not in definitions(facts)  # "General Purpose" names, it does not define


def test_inline_list_after_a_label():
    facts = run(
        [
            para(
                22,
                "Components : Users, User groups, Roles, Policies",
                term="Components",
                definition="Users, User groups, Roles, Policies",
            )
        ],
        "IAM identity access management",
        topic="AWS IAM",
    )
    (fact,) = of_kind(facts, "list")
    assert fact.data["members"] == ["Users", "User groups", "Roles", "Policies"]
    assert fact.data["label"] == "IAM identity access management – Components"
    assert not of_kind(facts, "definition")


def test_list_after_a_lead_in_sentence():
    blocks = [
        para(134, "EC2 user data is used to automate boot tasks such as:"),
        bullet(135, "Installing updates"),
        bullet(136, "Installing software"),
        bullet(137, "Downloading common files from the internet"),
        bullet(138, "Anything you can think of"),
    ]
    (fact,) = of_kind(run(blocks, "EC2 = Elastic Compute Cloud = Infrastructure as a Service"), "list")
    assert fact.data["label"] == "EC2 user data is used to automate boot tasks"
    assert fact.data["members"][:3] == [
        "Installing updates",
        "Installing software",
        "Downloading common files from the internet",
    ]
    assert fact.lines[0] == 134


# --- comparisons --------------------------------------------------------------------------------------


FSX_ROWS = [
    ["Feature", "FSx for Windows File Server", "FSx for Lustre", "Amazon EFS"],
    [
        "**Primary Use Case**",
        "Windows-based workloads",
        "HPC, machine learning, data-intensive workloads",
        "General-purpose file system with NFS support",
    ],
    ["**Protocol**", "SMB", "Lustre", "NFS"],
    ["**Integration**", "Active Directory (AD), Windows NTFS", "Amazon S3, HPC clusters", "EC2, multiple AZs"],
    ["**Operating Systems**", "Windows", "Linux", "Linux"],
]


def test_table_becomes_a_comparison():
    table = Block(kind="table", text="(table)", line=944, end_line=951, rows=FSX_ROWS)
    facts = run([table], "FSx vs. EFS", topic="Amazon FsX")
    (cmp,) = of_kind(facts, "comparison")
    assert cmp.data["items"] == ["FSx for Windows File Server", "FSx for Lustre", "Amazon EFS"]
    assert cmp.data["attributes"]["Protocol"] == {
        "FSx for Windows File Server": "SMB",
        "FSx for Lustre": "Lustre",
        "Amazon EFS": "NFS",
    }
    assert cmp.subject == "fsx vs efs"  # each side normalised like any subject
    assert cmp.lines == [944]
    use = {f.data["option"]: f.data["use_case"] for f in of_kind(facts, "use_case")}
    assert use["FSx for Lustre"] == "HPC, machine learning, data-intensive workloads"


def test_table_with_items_in_rows_gives_numbers_and_use_cases():
    rows = [
        ["**Pricing Model**", "**Commitment**", "**Cost Savings**", "**Best for**"],
        ["**On-Demand**", "No", "None", "Short-term or unpredictable workloads."],
        [
            "**Spot Instances**",
            "No",
            "Up to 90%",
            "Fault-tolerant and flexible workloads that can handle interruptions.",
        ],
    ]
    table = Block(kind="table", text="(table)", line=625, end_line=628, rows=rows)
    facts = run([table], "Summary Table", topic="AWS instance purchasing options")
    (cmp,) = of_kind(facts, "comparison")
    assert cmp.data["items"] == ["On-Demand", "Spot Instances"]
    assert cmp.data["attributes"]["Cost Savings"]["Spot Instances"] == "Up to 90%"
    (num,) = of_kind(facts, "number")
    assert num.data["number"] == "90%" and num.subject == "spot instances cost savings"
    assert num.lines == [628]  # header, rule, On-Demand, Spot: the row's own line
    options = {f.data["option"] for f in of_kind(facts, "use_case")}
    assert options == {"On-Demand", "Spot Instances"}


def test_vs_section_without_a_table():
    blocks = [
        bullet(783, "Lambda:", term="Lambda", definition=""),
        bullet(784, "Time limit", depth=1),
        bullet(785, "Limited runtimes", depth=1),
        bullet(788, "Batch:", term="Batch", definition=""),
        bullet(789, "No time limit", depth=1),
        bullet(790, "Any runtime as long as it’s packaged as a Docker image", depth=1),
    ]
    (cmp,) = of_kind(run(blocks, "Batch vs Lambda"), "comparison")
    assert cmp.data["items"] == ["Lambda", "Batch"]
    assert cmp.data["attributes"]["Key points"]["Batch"].startswith("No time limit")
    assert cmp.subject == "lambda vs batch"


# --- use cases ------------------------------------------------------------------------------------


def test_use_case_bullet_names_its_option():
    facts = run(
        [
            bullet(
                1880,
                "**S3 Intelligent-Tiering**: Ideal when data access patterns are unpredictable.",
                term="S3 Intelligent-Tiering",
                definition="Ideal when data access patterns are unpredictable.",
            )
        ],
        "Choosing the Right Storage Class",
        topic="S3 Storage Class",
    )
    (fact,) = of_kind(facts, "use_case")
    assert fact.data == {"option": "S3 Intelligent-Tiering", "use_case": "data access patterns are unpredictable"}
    assert fact.subject == "s3 intelligent-tiering"
    assert fact.text == "S3 Intelligent-Tiering: Ideal when data access patterns are unpredictable."
    assert not of_kind(facts, "definition")


def test_use_case_meta_label_attaches_to_the_section_option():
    facts = run(
        [
            bullet(
                579,
                "**Use Case**: Best for fault-tolerant, flexible applications that can handle interruptions.",
                term="Use Case",
                definition="Best for fault-tolerant, flexible applications that can handle interruptions.",
            )
        ],
        "Spot Instances",
        topic="AWS instance purchasing options",
    )
    (fact,) = of_kind(facts, "use_case")
    assert fact.data["option"] == "Spot Instances"
    assert fact.data["use_case"] == "fault-tolerant, flexible applications that can handle interruptions"
    assert not of_kind(facts, "definition")


def test_use_case_in_a_sentence():
    text = (
        "This placement strategy is suitable for applications that require a high degree of resilience and "
        "availability, such as stateful applications or databases."
    )
    (fact,) = of_kind(run([para(144, text)], "Spread Placement Group", topic="AWS Placement Groups"), "use_case")
    assert fact.data["option"] == "Spread Placement Group"
    assert fact.data["use_case"].startswith("applications that require a high degree of resilience")


# --- numbers --------------------------------------------------------------------------------------


def test_number_fifteen_minutes():
    # a bullet under a summary section
    facts = run(
        [bullet(822, "Invocation time: up to 15 minutes", term="Invocation time", definition="up to 15 minutes")],
        "Lambda Summary",
        topic="AWS Lambda",
    )
    (num,) = of_kind(facts, "number")
    assert num.data["number"] == "15 minutes"
    assert num.text == "Lambda – Invocation time: up to 15 minutes"
    assert num.data["statement"] == num.text
    assert num.lines == [822]


def test_number_eleven_nines_keeps_curly_quote():
    blocks = [
        bullet(447, "Durability:", term="Durability", definition=""),
        bullet(448, "High durability (99.999999999%, 11 9’s) of objects across multiple AZ", depth=1),
    ]
    (num,) = of_kind(run(blocks, "S3 Durability and Availability"), "number")
    assert num.data["number"] == "99.999999999%"
    assert "11 9’s" in num.text


def test_number_port_22():
    facts = run([para(166, "port of SSH : 22", term="port of SSH", definition="22")], "inbound", topic="EC2")
    (num,) = of_kind(facts, "number")
    assert num.data["number"] == "22" and num.text == "Port of SSH: 22"
    assert not of_kind(facts, "definition")

    facts = run(
        [
            bullet(
                168,
                "SSH: start a terminal into our EC2 Instances (port 22)",
                term="SSH",
                definition="start a terminal into our EC2 Instances (port 22)",
            )
        ],
        "EC2 Section – Summary",
    )
    assert of_kind(facts, "number")[0].data["number"] == "22"
    assert definitions(facts)["SSH"].data["definition"] == "Start a terminal into our EC2 Instances (port 22)"


def test_find_number_picks_the_telling_quantity():
    assert find_number("Max. Object Size is 5TB (5000GB)")[0] == "5TB"
    assert find_number("Spot Instances: Purchase unused capacity at up to 90% discount")[0] == "90%"
    # a limit ("up to") beats an earlier plain count
    assert find_number("Highly available across 3 AZ, with up to 15 read replicas")[0] == "15"
    assert find_number("Application Load Balancer (HTTP / HTTPS only) – Layer 7")[0] == "Layer 7"
    assert find_number("you typically get a 2-minute warning")[0] == "2-minute"
    assert find_number("IAM policy language version, always include 2012") is None  # a year, not a limit


def test_wrong_statements_from_the_notes_are_not_facts():
    # 13 nines: a wrong figure
    assert run([para(126, "AWS claims data durability is 99.99999999999 %")], "S3 : Simple Storage Services") == []


# --- what must NOT become a fact ----------------------------------------------------------------------


def test_generic_labels_are_not_terms():
    blocks = [
        bullet(
            532,
            "**Description**: Pay for compute capacity by the second (or hour) without any long-term commitments.",
            term="Description",
            definition="Pay for compute capacity by the second (or hour) without any long-term commitments.",
        ),
        bullet(
            1794,
            "**Cost**: Higher than other storage classes due to performance and availability.",
            term="Cost",
            definition="Higher than other storage classes due to performance and availability.",
        ),
        bullet(
            69,
            "Example: AWS CLI is built on AWS SDK for Python",
            term="Example",
            definition="AWS CLI is built on AWS SDK for Python",
        ),
        bullet(
            594,
            "Exam Tip: analyze data in S3 using serverless SQL, use Athena",
            term="Exam Tip",
            definition="analyze data in S3 using serverless SQL, use Athena",
        ),
    ]
    defs = definitions(run(blocks, "On-Demand Instances", topic="AWS instance purchasing options"))
    assert not {"Description", "Cost", "Example", "Exam Tip"} & set(defs)
    # "Description" defines the option it sits under instead
    assert defs["On-Demand Instances"].data["definition"].startswith("Pay for compute capacity by the second")


def test_one_word_and_empty_definitions_are_rejected():
    blocks = [
        para(14, "Cloud 9 :", term="Cloud 9", definition=""),
        bullet(665, "Hadoop Cluster: EMR", term="Hadoop Cluster", definition="EMR"),
        bullet(672, "Database Migration: DMS", term="Database Migration", definition="DMS"),
    ]
    facts = run(blocks, "Databases & Analytics Summary in AWS")
    assert not of_kind(facts, "definition")
    # a need mapped to a service is a use case, not a definition
    use = {f.data["option"]: f.data["use_case"] for f in of_kind(facts, "use_case")}
    assert use == {"EMR": "Hadoop Cluster", "DMS": "Database Migration"}


def test_definition_that_repeats_the_term_or_describes_the_owner_is_skipped():
    blocks = [
        bullet(2443, "**Data Encryption**:", term="Data Encryption", definition="", ordered=True),
        bullet(2445, "Redshift provides encryption at rest and in transit.", depth=1),
        bullet(100, "Instance Store: instance store", term="Instance Store", definition="instance store"),
    ]
    assert not of_kind(run(blocks, "Key Features of Amazon Redshift", topic="AWS Redshift"), "definition")


def test_chat_leftovers_give_nothing():
    assert run([para(103, "Would you like more details on any specific aspect of EC2?")], "Amazon EC2") == []
    text = (
        "Amazon EC2 (Elastic Compute Cloud) is a web service provided by AWS (Amazon Web Services) that offers "
        "scalable virtual servers in the cloud. Here’s a breakdown of key details about Amazon EC2:"
    )
    (fact,) = of_kind(run([para(45, text)], "Amazon EC2"), "definition")
    assert "breakdown" not in fact.text and "breakdown" not in fact.data["definition"]


def test_long_definitions_are_trimmed_for_a_phone():
    text = (
        "Bootstrapping refers to the process of automatically configuring and provisioning resources or instances "
        "when they are launched. It involves executing scripts or commands on an instance during its "
        "initialization phase to set up the environment, install software, configure settings, and perform other "
        "tasks required to prepare the instance for its intended purpose. Bootstrapping is commonly used in cloud "
        "computing environments, including AWS, to automate the setup and configuration of instances."
    )
    fact = definitions(run([para(103, text)], "What is Bootstrapping"))["Bootstrapping"]
    assert fact.data["definition"] == (
        "The process of automatically configuring and provisioning resources or instances when they are launched."
    )
    assert len(fact.text) <= 300


def test_subjects_are_normalised_across_files():
    assert key("**Amazon EBS (Elastic Block Store)**") == key("EBS") == "ebs"
    assert key("DMS – Database Migration Service") == "dms"
    assert key("AMI = Amazon Machine Image") == key("Amazon Machine Image (AMI)") == "ami"
    assert key("SECURITY GROUPS") == key("Security Groups") == "security groups"


# --- robustness and the real notes ------------------------------------------------------------------


def test_odd_blocks_do_not_break_extraction():
    assert run([], "Empty") == []
    code = Block(kind="code", text="aws s3api put-bucket-versioning --bucket x", line=1639, end_line=1641)
    one_row = Block(kind="table", text="| a |", line=1, end_line=1, rows=[["a", "b"]])
    no_rows = Block(kind="table", text="", line=2, end_line=2, rows=None)
    blank = bullet(3, "   ")
    assert run([code, one_row, no_rows, blank], "Odd", topic="") == []


def test_real_notes_give_well_formed_facts():
    try:
        from content.ingest.parse import parse
    except ImportError:  # the parser lives in another change
        pytest.skip("content.ingest.parse is not available")
    outlines = [parse(path.read_text(encoding="utf-8")) for path in sorted(NOTES.glob("*.txt"))]
    assert len(outlines) == 5
    started = time.process_time()
    facts = [
        fact
        for outline in outlines
        for section in outline.walk()
        for fact in extract(section.blocks, topic_name=section.title, section_title=section.title)
    ]
    assert time.process_time() - started < 2.0  # about 0.2 s on the reference machine
    usable = [f for f in facts if f.kind in ("definition", "list", "number")]
    assert len(usable) >= 400
    for f in facts:
        assert f.subject and f.subject == f.subject.lower() and "**" not in f.subject
        assert f.text and "**" not in f.text and "`" not in f.text
        assert f.lines and all(isinstance(n, int) and n > 0 for n in f.lines)
        if f.kind == "definition":
            assert set(f.data) == {"term", "definition"} and len(f.data["definition"]) <= 300
            assert len(f.data["definition"].split()) >= 2
        elif f.kind == "list":
            assert 2 <= len(f.data["members"]) <= 12
        elif f.kind == "number":
            assert f.data["number"] in f.data["statement"] and f.data["statement"] == f.text
        elif f.kind == "use_case":
            assert f.data["option"] and f.data["use_case"]
        else:
            assert len(f.data["items"]) >= 2 and f.data["attributes"]


# ----------------------------------------------------------------------------- shapes people write (issue 10)


def test_a_bold_name_that_opens_its_sentence_defines_the_section_subject():
    facts = run(
        [
            bullet(3, "**Amazon EBS** is block storage you attach to one EC2 instance in the same Availability Zone"),
            bullet(4, "**Snapshots** are also kept in S3 and copied between Regions"),
        ],
        "Amazon EBS",
    )
    defs = definitions(facts)
    assert defs["Amazon EBS"].data["definition"].startswith("Block storage you attach to one EC2 instance")
    assert "Snapshots" not in defs  # a bold word the section is not about, with no kind of thing after "are"


def test_a_bold_name_followed_by_what_it_does_is_a_definition():
    facts = run([para(5, "**Lambda** runs your code without servers and bills for each millisecond.")], "Lambda")
    assert definitions(facts)["Lambda"].data["definition"].startswith("Runs your code without servers")
    other = run([para(5, "**Lambda** was down for an hour in our last project, sadly.")], "Lambda")
    assert "Lambda" not in definitions(other)  # no verb of what it does


def test_a_table_with_a_description_column_defines_each_row():
    rows = [
        ["Service", "Description"],
        ["Amazon Neptune", "Fully managed graph database for highly connected data"],
        ["Amazon QLDB", "-"],
        ["Amazon Keyspaces", "Managed Apache Cassandra compatible database service"],
    ]
    facts = run([Block(kind="table", text="(table)", line=10, end_line=14, rows=rows)], "Databases", "Amazon Neptune")
    defs = definitions(facts)
    assert defs["Amazon Neptune"].data["definition"] == "Fully managed graph database for highly connected data"
    assert defs["Amazon Keyspaces"].lines == [14]  # each row keeps its own line
    assert "Amazon QLDB" not in defs  # an empty cell defines nothing
    assert of_kind(facts, "comparison") == []  # the rows are definitions, not a "what it does?" comparison


def test_a_use_column_gives_each_row_its_use_case():
    rows = [
        ["Class", "Retrieval", "Use"],
        ["Glacier Flexible Retrieval", "minutes to hours", "backups you restore a few times a year"],
        ["Glacier Instant Retrieval", "milliseconds", "medical images read once a quarter"],
    ]
    facts = run([Block(kind="table", text="(table)", line=20, end_line=23, rows=rows)], "Archive storage")
    uses = {f.data["option"]: f.data["use_case"] for f in of_kind(facts, "use_case")}
    assert uses["Glacier Instant Retrieval"] == "medical images read once a quarter"
    assert uses["Glacier Flexible Retrieval"] == "backups you restore a few times a year"


def test_a_definition_list_term_and_its_colon_line_are_one_definition():
    facts = run(
        [para(7, "AWS Config"), para(8, ": keeps a history of resource configurations and checks them against rules")],
        "Governance",
        "AWS Config",
    )
    defined = definitions(facts)["AWS Config"]
    assert defined.data["definition"].startswith("Keeps a history of resource configurations")
    assert defined.lines[0] == 7  # the source quote starts at the term


def test_a_misspelt_use_cases_label_is_still_a_label():
    facts = run(
        [
            bullet(3, "S3 Glacier Deep Archive:"),
            bullet(4, "User Cases: tape replacement for records kept for years", depth=1),
        ],
        "Archive classes",
    )
    assert "User Cases" not in definitions(facts)


def test_a_use_cases_label_with_its_uses_below_is_no_term():
    facts = run(
        [
            bullet(3, "S3 One Zone-IA"),
            bullet(4, "User Cases", depth=1),
            bullet(5, "copies of data you can make again", depth=2),
        ],
        "Storage classes",
    )
    assert "User Cases" not in definitions(facts)


def test_an_all_caps_heading_keeps_its_acronyms():
    from content.ingest.facts.text import display

    assert display("AWS VPN") == "AWS VPN"
    assert display("AMAZON SES AND SSO") == "Amazon SES and SSO"


def test_a_double_dash_and_a_bracketed_short_name_split_term_from_definition():
    facts = run(
        [
            para(3, "**Direct Connect** -- a private line from your data center straight into AWS."),
            para(5, "**Virtual Private Cloud** (VPC) -- a logically isolated network where you launch resources."),
        ],
        "Hybrid links",
    )
    defs = definitions(facts)
    assert defs["Direct Connect"].data["definition"].startswith("A private line from your data center")
    assert defs["Virtual Private Cloud (VPC)"].data["definition"].startswith("A logically isolated network")


def test_a_plural_heading_over_several_bullets_is_a_list_not_a_definition_from_its_first_item():
    blocks = [
        bullet(2, "split along the lines of each team in the company"),
        bullet(3, "split along testing and live workloads apart"),
        bullet(4, "split along legal borders of each country"),
    ]
    facts = run(blocks, "Landing Zone Layouts", topic="AWS Organizations")
    assert not [f for f in facts if f.kind == "definition" and "layout" in f.subject.lower()], facts


def test_a_study_checklists_box_is_not_part_of_the_term_it_ticks():
    """ "- [ ] Lambda usage pricing" over "- Only pay for the time your code runs": a checklist item of the author's
    own study plan, read as its words (no "[ ]" in a card's front)."""
    facts = run(
        [bullet(1, "[ ] Lambda usage pricing"), bullet(2, "Only pay for the time your code runs", depth=1)],
        "AWS Lambda",
    )
    terms = [f.data["term"] for f in of_kind(facts, "definition")]
    assert terms and not [t for t in terms if "[" in t], terms


def test_the_first_of_a_labels_list_of_traits_is_not_its_definition_nor_is_a_course_objective_a_term():
    """ "Reliability" over "Self recover from failure", "Scale out for availability", "Stop guessing capacity": one
    trait of three is not what the pillar is; "Recognize there are services that aid auditing" names no term
    "Recognize there". A title over one describing line still gets its definition."""
    facts = run(
        [
            bullet(1, "Reliability"),
            bullet(2, "Self recover from failure", depth=1),
            bullet(3, "Scale out for availability", depth=1),
            bullet(4, "Stop guessing capacity", depth=1),
            bullet(5, "Recognize there are services that aid in auditing and reporting"),
        ],
        "Well Architected Framework",
        "AWS Well-Architected Framework",
    )
    assert not [f for f in of_kind(facts, "definition") if f.data["term"] in ("Reliability", "Recognize there")]
    facts = run(
        [bullet(1, "Sustainability"), bullet(2, "Self recover from failure", depth=1)],
        "Well Architected Framework",
        "AWS Well-Architected Framework",
    )
    assert "Sustainability" in definitions(facts)
