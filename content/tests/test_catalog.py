"""The catalog (content/catalog.toml via content/catalog.py): schema, and matching real headings."""

import re

import pytest

from content.catalog import DOMAINS, Catalog, load_catalog, normalise, parse_catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


# -- schema -------------------------------------------------------------------------------


def test_catalog_loads_with_enough_topics_and_categories(catalog):
    assert len(catalog.topics) >= 120
    assert len(catalog.categories) >= 12
    assert [c.order for c in catalog.categories] == sorted(c.order for c in catalog.categories)


def test_every_topic_is_well_formed(catalog):
    category_slugs = {c.slug for c in catalog.categories}
    seen = set()
    for order, (slug, topic) in enumerate(catalog.topics.items(), 1):
        assert slug == topic.slug
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
        assert topic.name.strip()
        assert topic.category in category_slugs
        assert topic.domain in DOMAINS
        assert topic.order == order
        if topic.parent:
            assert topic.parent in seen, f"{slug}: parent {topic.parent} must come first"
        seen.add(slug)


def test_every_exam_domain_has_topics(catalog):
    assert {t.domain for t in catalog.topics.values()} == set(DOMAINS)


REQUIRED = [
    "amazon-s3",
    "amazon-ec2",
    "aws-iam",
    "aws-lambda",
    "amazon-route-53",
    "amazon-rds",
    "amazon-aurora",
    "amazon-dynamodb",
    "amazon-redshift",
    "amazon-ebs",
    "amazon-efs",
    "amazon-vpc",
    "elastic-load-balancing",
    "amazon-cloudfront",
    "aws-cloudformation",
    "amazon-sqs",
    "amazon-sns",
    "amazon-kinesis",
    "aws-kms",
    "aws-cloudtrail",
    "amazon-guardduty",
    "amazon-cloudwatch",
    "shared-responsibility-model",
    # every service or concept with a section in the notes (NOTES-ANALYSIS §2)
    "amazon-machine-image",
    "ec2-image-builder",
    "ec2-user-data",
    "ec2-placement-groups",
    "amazon-ec2-auto-scaling",
    "serverless-computing",
    "amazon-ecs",
    "aws-fargate",
    "amazon-ecr",
    "amazon-eks",
    "docker-containers",
    "virtualization",
    "aws-batch",
    "amazon-lightsail",
    "elastic-network-interfaces",
    "ec2-instance-store",
    "amazon-fsx",
    "storage-types",
    "aws-snow-family",
    "aws-storage-gateway",
    "amazon-elasticache",
    "amazon-dynamodb-accelerator",
    "amazon-documentdb",
    "amazon-neptune",
    "amazon-qldb",
    "amazon-managed-blockchain",
    "amazon-timestream",
    "amazon-keyspaces",
    "relational-databases",
    "nosql-databases",
    "data-types",
    "amazon-emr",
    "amazon-athena",
    "amazon-quicksight",
    "aws-glue",
    "security-groups",
    "network-acls",
    "vpc-flow-logs",
    "amazon-api-gateway",
    "amazon-eventbridge",
    "aws-config",
    "aws-systems-manager",
    "ssm-parameter-store",
    "aws-cloud9",
    "aws-cdk",
    "aws-elastic-beanstalk",
    "aws-codedeploy",
    "aws-codebuild",
    "aws-codepipeline",
    "aws-codeartifact",
    "aws-codecommit",
    "aws-dms",
    "cloud-computing",
    "cloud-service-models",
    "cloud-deployment-models",
    "high-availability-and-scalability",
    "aws-global-infrastructure",
    "aws-cli",
    "aws-sdk",
    # CLF-C02 concepts and billing
    "aws-well-architected-framework",
    "aws-cloud-adoption-framework",
    "cloud-migration-strategies",
    "aws-support-plans",
    "aws-pricing-calculator",
    "aws-budgets",
    "aws-cost-explorer",
    "aws-organizations",
    "aws-trusted-advisor",
    "aws-shield",
    "aws-waf",
    "amazon-inspector",
    "amazon-macie",
    "aws-artifact",
]

SUB_TOPICS = {
    "s3-storage-classes": "amazon-s3",
    "ec2-purchasing-options": "amazon-ec2",
    "ec2-instance-types": "amazon-ec2",
    "ebs-volume-types": "amazon-ebs",
    "route-53-routing-policies": "amazon-route-53",
    "dns-record-types": "amazon-route-53",
    "iam-policies": "aws-iam",
    "iam-roles": "aws-iam",
    "amazon-dynamodb-accelerator": "amazon-dynamodb",
    "ssm-parameter-store": "aws-systems-manager",
    "security-groups": "amazon-vpc",
}


@pytest.mark.parametrize("slug", REQUIRED)
def test_required_topic_present(catalog, slug):
    assert slug in catalog.topics


@pytest.mark.parametrize("child,parent", SUB_TOPICS.items())
def test_sub_topics_have_their_parent(catalog, child, parent):
    assert catalog.topics[child].parent == parent
    assert child in [t.slug for t in catalog.children(parent)]
    assert catalog.ancestors(child)[0] == parent


def test_shared_responsibility_is_a_cloud_concept(catalog):
    topic = catalog.topics["shared-responsibility-model"]
    assert topic.category == "cloud-concepts"
    assert topic.parent is None


def test_canonical_names(catalog):
    s3 = catalog.topics["amazon-s3"]
    assert (s3.name, s3.full_name, s3.short) == ("Amazon S3", "Amazon Simple Storage Service", "S3")
    assert "simple storage services" in s3.aliases
    assert catalog.category("storage").name == "Storage"


# -- validation ---------------------------------------------------------------------------


def _data(*topics, categories=({"slug": "compute", "name": "Compute", "order": 1},)):
    return {"category": list(categories), "topic": list(topics)}


def _topic(slug, **extra):
    return {"slug": slug, "name": slug.title(), "category": "compute", "domain": "technology-services", **extra}


def test_minimal_catalog_parses():
    cat = parse_catalog(_data(_topic("amazon-ec2", short="EC2"), _topic("ec2-types", parent="amazon-ec2")))
    assert list(cat.topics) == ["amazon-ec2", "ec2-types"]
    assert cat.find("EC2 overview") == ["amazon-ec2"]


@pytest.mark.parametrize(
    "data,message",
    [
        (_data(_topic("a"), _topic("a")), "duplicate topic slug 'a'"),
        (_data(_topic("a", parent="b")), "unknown parent 'b'"),
        (_data(_topic("b"), _topic("a", parent="c")), r"topic #2 \(a\): unknown parent 'c'"),
        (_data(_topic("a", category="nope")), "unknown category 'nope'"),
        (_data(_topic("a", domain="security")), "unknown domain 'security'"),
        (_data(_topic("a", aliases=["x"]), _topic("b", aliases=["X"])), "'X' is also a name of topic 'a'"),
        (_data(_topic("a", colour="red")), "unknown fields"),
        (_data(_topic("Bad Slug")), "bad slug"),
        (
            _data(_topic("a"), categories=({"slug": "c", "name": "C"}, {"slug": "c", "name": "D"})),
            "duplicate category slug 'c'",
        ),
        ({**_data(_topic("a")), "ambiguous": ["nothing like this"]}, "ambiguous names that no topic uses"),
    ],
)
def test_invalid_catalog_raises_naming_the_entry(data, message):
    with pytest.raises(ValueError, match=message):
        parse_catalog(data)


def test_load_catalog_is_cached():
    assert load_catalog() is load_catalog()


# -- matching headings --------------------------------------------------------------------

# Real heading strings from the notes (shared/NOTES-ANALYSIS.md §2), as written.
HEADINGS = [
    # S3, in every spelling the notes use
    ("S3- SIMPLE STORAGE SERVICE:", ["amazon-s3"]),
    ("Amazon S3 Section", ["amazon-s3"]),
    ("2 S3 : Simple Storage Services", ["amazon-s3"]),
    ("# AWS S3 (Simple Storage Service)", ["amazon-s3"]),
    ("Simple storage service (S3)", ["amazon-s3"]),
    ("Amazon S3 – Objects (cont.)", ["amazon-s3"]),
    ("Amazon S3 – Replication (CRR & SRR)", ["amazon-s3"]),
    ("# S3 Versioning", ["amazon-s3"]),
    ("PRE ASSIGNED URLs:", ["amazon-s3"]),
    ("#### 9. **Multi-Factor Authentication (MFA) Delete**", ["amazon-s3"]),
    # sub-topics win over their parent
    ("S3 Storage Classes:", ["s3-storage-classes"]),
    ("# S3 Storage Class", ["s3-storage-classes"]),
    ("### 5. **S3 Glacier**", ["s3-storage-classes"]),
    ("### 7. **S3 Outposts**", ["s3-storage-classes"]),
    ("According to access frequency S3 is divided into classes : Highest to lowest", ["s3-storage-classes"]),
    ("EC2 Instances Purchasing Options", ["ec2-purchasing-options"]),
    ("# AWS instance purchasing options", ["ec2-purchasing-options"]),
    ("### **Instance Pricing Models**", ["ec2-purchasing-options"]),
    ("### 1. **Instance Types**", ["ec2-instance-types"]),
    ("TYPES OF INSTANCES:", ["ec2-instance-types"]),
    ("COMPUTE OPTIMIZED INSTANCE :", ["ec2-instance-types"]),
    ("GRAPHIC PROCESSING UNIT: ", ["ec2-instance-types"]),
    ("EBS VOLUME TYPES:  ", ["ebs-volume-types"]),
    ("### 1. **Types of EBS Volumes**", ["ebs-volume-types"]),
    ("GENERAL PURPOSE SSD -GP2 :", ["ebs-volume-types"]),
    ("PROVISIONAL IOPS SSD (IO 1/2) :", ["ebs-volume-types"]),
    ("COLD HARD DISK DRIVE (SC1) :", ["ebs-volume-types"]),
    ("RECORD TYPES:", ["dns-record-types"]),
    ("A(Address) RECORD :", ["dns-record-types"]),
    ("MX (or) MAIL EXCHANGE :", ["dns-record-types"]),
    ("START OF AUTHORITY:", ["dns-record-types"]),
    ("ROUTE 53 MULTIVALUE ROUTING :", ["route-53-routing-policies"]),
    ("R53 LATENCY ROUTING : ", ["route-53-routing-policies"]),
    ("WEIGHTED ROUTING : ", ["route-53-routing-policies"]),
    ("IAM Policies Structure", ["iam-policies"]),
    ("IAM Roles for Services", ["iam-roles"]),
    ("DynamoDB Accelerator - DAX", ["amazon-dynamodb-accelerator"]),
    ("Systems Manager Parameter Store", ["ssm-parameter-store"]),
    ("AWS Systems Manager Parameter Role: A service from aws", ["ssm-parameter-store"]),
    ("EC2 SECURITY:", ["security-groups"]),
    ("AWS Flow Logs :", ["vpc-flow-logs"]),
    # misspellings and odd spellings (NOTES-ANALYSIS §5.4 item 11)
    ("Amazon C2", ["amazon-ec2"]),
    ("4 EC2 : Elastic Compute Cloud", ["amazon-ec2"]),
    ("WHAT IS EC2?", ["amazon-ec2"]),
    ("AMAZON DYNAMIC DB :", ["amazon-dynamodb"]),
    ("COMPARING AMAZONDB WITH OTHER AWS DABASE SERIVICES:", ["amazon-dynamodb"]),
    ("DYNAMO DB :", ["amazon-dynamodb"]),
    ("RED SHIFT", ["amazon-redshift"]),
    ("AMAZON ELASTIC CACHE :", ["amazon-elasticache"]),
    ("# Amazon FsX", ["amazon-fsx"]),
    ("AWS Configuration : ", ["aws-config"]),
    ("INSTANT STORE VOLUMES : This is a type of storagw", ["ec2-instance-store"]),
    ("KEY MANAGEMENT SYSTEM:", ["aws-kms"]),
    ("SIMPLE QUEUING SERVICE :", ["amazon-sqs"]),
    ("Cloud 9 : ", ["aws-cloud9"]),
    ("CFT : Cloud Formation Template", ["aws-cloudformation"]),
    ("CLOUD FORMATION:", ["aws-cloudformation"]),
    ("FUNCTIONS OF R53 :", ["amazon-route-53"]),
    ("AMAZON ROUTE 53 :  ", ["amazon-route-53"]),
    ("# AWS Data Migration Service", ["aws-dms"]),
    ("DMS – Database Migration Service", ["aws-dms"]),
    ("Data Migration :", ["aws-dms"]),
    ("CLOUD WATCH", ["amazon-cloudwatch"]),
    ("Cloud Watch Events :", ["amazon-eventbridge"]),
    ("Amazon Event Bridge : ", ["amazon-eventbridge"]),
    ("EKS_____Elastic Kubernetes Service :", ["amazon-eks"]),
    ("# AWS Elastic BeanStalk", ["aws-elastic-beanstalk"]),
    ("# Amazon Quicksight", ["amazon-quicksight"]),
    ("# AWS GLUE", ["aws-glue"]),
    ("1 IAM identity access management : ", ["aws-iam"]),
    ("IAM = Identity and Access Management, Global service", ["aws-iam"]),
    ("3. Lambda. it can only work till 15 minutes", ["aws-lambda"]),
    ("What is AWS lambda:", ["aws-lambda"]),
    ("Amazon Lambda", ["aws-lambda"]),
    ("# AWS Amazon Machine Image (AMI)", ["amazon-machine-image"]),
    ("AMI Process (from an EC2 instance)", ["amazon-machine-image"]),
    ("BOOTSTRAPING:", ["ec2-user-data"]),
    ("AWS Placement Groups :", ["ec2-placement-groups"]),
    ("# AWS S3 Snow Family", ["aws-snow-family"]),
    ("Amazon DocumentDB (with MongoDB compatibility):", ["amazon-documentdb"]),
    ("Amazon Keyspaces (for Apache Cassandra):", ["amazon-keyspaces"]),
    ("AWS RDS (Relational Database Service) Overview ", ["amazon-rds"]),
    ("### 8. **Serverless (Amazon Aurora Serverless)**", ["amazon-aurora"]),
    # headings fused with a definition are about their first name only
    ("EC2: web service which aims to make life easier for developers", ["amazon-ec2"]),
    ("ECS: elastic container service: Container management service.", ["amazon-ecs"]),
    ("Fargate: It’s a compute engine in ECS that allows a user to launch containers", ["aws-fargate"]),
    ("Elastic Network Interface: It’s a virutal interface network", ["elastic-network-interfaces"]),
    ("EC2 = Elastic Compute Cloud = Infrastructure as a Service", ["amazon-ec2"]),
    ("Shared Responsibility Model for S3", ["shared-responsibility-model"]),
    ("Databases & Shared Responsibility on AWS", ["shared-responsibility-model"]),
    ("# Shared Responsibility", ["shared-responsibility-model"]),
    # several services in one heading
    ("SNS, SQS & KINESIS", ["amazon-sns", "amazon-sqs", "amazon-kinesis"]),
    ("EKS & ECS", ["amazon-eks", "amazon-ecs"]),
    ("ELB & ASG – Summary", ["elastic-load-balancing", "amazon-ec2-auto-scaling"]),
    (
        "Elastic Load Balancing & Auto Scaling Groups Section",
        ["elastic-load-balancing", "amazon-ec2-auto-scaling"],
    ),
    ("Batch vs Lambda", ["aws-batch", "aws-lambda"]),
    ("### Comparison Between Amazon RDS and Amazon Aurora", ["amazon-rds", "amazon-aurora"]),
    ("### FSx vs. EFS:", ["amazon-fsx", "amazon-efs"]),
    # cloud concepts
    ("# About Cloud Computing", ["cloud-computing"]),
    ("Infrastructure as a Service (IaaS)", ["cloud-service-models"]),
    ("### Types of Cloud Computing Services:", ["cloud-service-models"]),
    ("# Availability and Scalability", ["high-availability-and-scalability"]),
    ("Vertical Scalability - increasing the size of the instance", ["high-availability-and-scalability"]),
    ("### 7. **Regions and Availability Zones**", ["aws-global-infrastructure"]),
    ("What’s serverless?", ["serverless-computing"]),
    ("VIRTUALIZATION: ", ["virtualization"]),
    ("What are Docker Containers?", ["docker-containers"]),
    ("STORAGE REFRESHER : ", ["storage-types"]),
    ("DATA SOURCE TYPES : ", ["data-types"]),
    ("NON- RELATIONAL DATABASES :", ["nosql-databases"]),
    ("RELATIONAL DATABASE SYSTEMS : ", ["relational-databases"]),
    # headings about nothing in the catalog
    ("Advantages:", []),
    ("Core concepts:", []),
    ("Pricing:", []),
    ("### Conclusion:", []),
    ("AWS", []),
    ("User", []),
    ("Scaling Strategies", ["amazon-ec2-auto-scaling"]),
    ("Databases & Analytics Summary in AWS", []),
    ("Other Compute Section", []),
]


@pytest.mark.parametrize("heading,expected", HEADINGS)
def test_find_real_headings(catalog, heading, expected):
    assert catalog.find(heading) == expected


def test_find_is_case_and_punctuation_insensitive(catalog):
    for heading in ("amazon s3", "AMAZON S3", "Amazon-S3!!", "  amazon   s3 :", "**Amazon S3**"):
        assert catalog.find(heading) == ["amazon-s3"]


def test_find_matches_whole_words_only(catalog):
    assert catalog.find("S3X storage") == []
    assert catalog.find("Redshifted results") == []
    assert catalog.find("Lambdas") == ["aws-lambda"]  # plural folded


def test_lookup_is_exact(catalog):
    assert catalog.lookup("EMR") == "amazon-emr"
    assert catalog.lookup("Simple Storage Service") == "amazon-s3"
    assert catalog.lookup("EMR cluster") is None


# -- mentions in running text --------------------------------------------------------------


def test_mentions_finds_every_service_in_order(catalog):
    text = "S3 bucket --> Lambda function triggers --> data stored to DynamoDB, monitored by CloudWatch."
    assert catalog.mentions(text) == ["amazon-s3", "aws-lambda", "amazon-dynamodb", "amazon-cloudwatch"]


def test_mentions_prefers_the_longest_name(catalog):
    assert catalog.mentions("Move old data to S3 Glacier Deep Archive") == ["s3-storage-classes"]
    assert catalog.mentions("Cloud Watch Events trigger it") == ["amazon-eventbridge"]


@pytest.mark.parametrize(
    "text",
    [
        "Batch processing, data analysis and image rendering",  # not AWS Batch
        "Highly scalable; it runs in at least 2 availability zones of a region",  # too common to link
        "Big data analytics and data migration projects",
        "Take snapshots of your RDS database regularly",
        "CF is short for many things",
    ],
)
def test_mentions_ignores_ambiguous_words(catalog, text):
    mentioned = catalog.mentions(text)
    assert not {
        "aws-batch",
        "aws-global-infrastructure",
        "amazon-kinesis",
        "aws-dms",
        "amazon-ebs",
        "aws-cloudformation",
        "high-availability-and-scalability",
    } & set(mentioned)


def test_ambiguous_names_still_match_headings(catalog):
    assert catalog.find("Batch vs Lambda") == ["aws-batch", "aws-lambda"]
    assert catalog.find("Data Analytics:") == ["amazon-kinesis"]
    assert catalog.find("SNAPSHOTS:") == ["amazon-ebs"]


def test_normalise():
    assert normalise("  S3- SIMPLE   STORAGE_SERVICE: ") == "s3 simple storage service"
    assert normalise("What’s serverless?") == "what s serverless"
    assert normalise("EKS_____Elastic Kubernetes Service :") == "eks elastic kubernetes service"


def test_a_common_word_with_a_number_after_it_is_a_study_label_not_a_service():
    """ "Domain 3 - Batch 09" numbers a batch of practice questions; "Region 2" one of several: neither heading is
    about AWS Batch or the global infrastructure. The bare word and the service's full name still are."""
    catalog = load_catalog()
    assert catalog.find("DOMAIN 3 — BATCH 09") == []
    assert catalog.find("Region 2") == []
    assert catalog.find("AWS Batch") == ["aws-batch"]
    assert catalog.find("Batch") == ["aws-batch"]
    assert catalog.find("Route 53") == ["amazon-route-53"]


def test_a_common_word_joined_to_a_name_and_describing_a_noun_names_nothing():
    """ "Deploying multi-Region and multi-AZ resources" is about the global infrastructure: "multi-AZ" there describes
    resources, not RDS Multi-AZ; "WAF and Shield" still names both services."""
    catalog = load_catalog()
    assert catalog.find("Deploying multi-Region and multi-AZ resources") == ["aws-global-infrastructure"]
    assert catalog.find("WAF and Shield") == ["aws-waf", "aws-shield"]
    assert catalog.find("Multi-AZ") == ["amazon-rds"]


def test_an_exams_code_names_no_service_model(catalog):
    """ "SAA-C03" is the Solutions Architect exam's code, not SaaS: a course title over the notes puts nothing on the
    Cloud Service Models page; "SaaS" and "PaaS" still name it."""
    assert catalog.mentions("My notes for the AWS Solutions Architect Associate exam - SAA-C03") == []
    assert catalog.mentions("Gmail is SaaS, Elastic Beanstalk is PaaS") == [
        "cloud-service-models",
        "aws-elastic-beanstalk",
    ]


def test_a_name_only_in_an_aside_saying_where_is_not_what_a_heading_is_about(catalog):
    """ "Reserved Instance Marketplace (EC2 Console)" is about the marketplace, which EC2's console only hosts; a
    heading that is a name and its letters, or one word over the names it means, still names them."""
    assert catalog.find("Reserved Instance Marketplace (EC2 Console)") == []
    assert catalog.find("Simple Storage Service (S3)") == ["amazon-s3"]
    assert catalog.find("Storage (S3, EBS)") == ["amazon-s3", "amazon-ebs"]


def test_ecs_under_its_first_name_is_ecs(catalog):
    """ "EC2 container services: run and manage docker containers at scale": ECS's name until 2015."""
    assert catalog.lookup("EC2 Container Service") == "amazon-ecs"
    assert catalog.find("EC2 container services") == ["amazon-ecs"]


def test_a_load_balancer_is_found_by_its_short_form(catalog):
    """ "# Network LB" titles a section on Elastic Load Balancing."""
    assert catalog.lookup("Network LB") == "elastic-load-balancing"
    assert catalog.lookup("Application LB") == "elastic-load-balancing"
