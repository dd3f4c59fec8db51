"""The shipped notes after the format, placement and claim rules: nothing they gave before is lost."""

import html
import re
from pathlib import Path

import pytest
from django.urls import reverse

from content.catalog import load_catalog
from content.ingest.claims import load_claims
from content.ingest.parse import parse
from content.ingest.sources import read_note
from content.ingest.topics import assign
from content.models import Section
from learning.models import Flashcard
from quizzes.models import Choice, Question

NOTES = Path(__file__).resolve().parents[1] / "notes"

# Every topic the shipped notes gave a page before the rules for anyone's notes (outline headings, the
# author's cards and questions, placement by subject, claims) were added.
PAGES_BEFORE = {
    "amazon-api-gateway",
    "amazon-athena",
    "amazon-aurora",
    "amazon-cloudfront",
    "amazon-cloudwatch",
    "amazon-documentdb",
    "amazon-dynamodb",
    "amazon-dynamodb-accelerator",
    "amazon-ebs",
    "amazon-ec2",
    "amazon-ec2-auto-scaling",
    "amazon-ecr",
    "amazon-ecs",
    "amazon-efs",
    "amazon-eks",
    "amazon-elasticache",
    "amazon-emr",
    "amazon-eventbridge",
    "amazon-fsx",
    "amazon-keyspaces",
    "amazon-kinesis",
    "amazon-lightsail",
    "amazon-machine-image",
    "amazon-managed-blockchain",
    "amazon-neptune",
    "amazon-qldb",
    "amazon-quicksight",
    "amazon-rds",
    "amazon-redshift",
    "amazon-route-53",
    "amazon-s3",
    "amazon-sns",
    "amazon-sqs",
    "amazon-timestream",
    "amazon-vpc",
    "aws-batch",
    "aws-cdk",
    "aws-cli",
    "aws-cloudformation",
    "aws-codeartifact",
    "aws-codebuild",
    "aws-codecommit",
    "aws-codedeploy",
    "aws-codepipeline",
    "aws-config",
    "aws-dms",
    "aws-elastic-beanstalk",
    "aws-fargate",
    "aws-global-infrastructure",
    "aws-glue",
    "aws-iam",
    "aws-kms",
    "aws-lambda",
    "aws-sdk",
    "aws-snow-family",
    "aws-storage-gateway",
    "aws-systems-manager",
    "cloud-computing",
    "cloud-economics",
    "cloud-service-models",
    "data-types",
    "dns-record-types",
    "docker-containers",
    "ebs-volume-types",
    "ec2-image-builder",
    "ec2-instance-store",
    "ec2-instance-types",
    "ec2-placement-groups",
    "ec2-purchasing-options",
    "ec2-user-data",
    "elastic-load-balancing",
    "high-availability-and-scalability",
    "iam-policies",
    "iam-roles",
    "nosql-databases",
    "relational-databases",
    "route-53-routing-policies",
    "s3-storage-classes",
    "security-groups",
    "serverless-computing",
    "shared-responsibility-model",
    "ssm-parameter-store",
    "storage-types",
    "virtualization",
    "vpc-flow-logs",
}


def test_the_shipped_notes_still_give_every_topic_page_they_gave():
    catalog = load_catalog()
    placed = set()
    for path in sorted(NOTES.glob("*.txt")):
        sections, _ = assign(parse(read_note(path).text), catalog, source=path.name[:3])
        placed |= {ts.topic for ts in sections if ts.blocks}
    assert PAGES_BEFORE <= placed, sorted(PAGES_BEFORE - placed)


# The corrections the line-keyed errata showed on the shipped notes' pages, by page (claim ids, which kept
# the errata's ids and corrections).
CORRECTIONS_BEFORE = {
    "amazon-athena": ["athena-read-only"],
    "amazon-aurora": [
        "aurora-global-5-regions",
        "aurora-multi-master",
        "aurora-serverless-mysql-only",
        "rds-storage-manual-scaling",
    ],
    "amazon-cloudfront": ["cloudfront-pulls-from-s3-to-datacenters"],
    "amazon-cloudwatch": ["cloudwatch-data-insufficient"],
    "amazon-documentdb": ["documentdb-64-tb", "documentdb-no-change-streams"],
    "amazon-dynamodb": ["dynamodb-auto-scales-provisioned", "dynamodb-no-sql"],
    "amazon-ebs": ["ebs-detach-between-azs", "gp3-bursts-like-gp2", "snapshots-copies-from-s3"],
    "amazon-ec2": ["elb-across-regions", "i3-8xlarge-storage", "ri-discount-75"],
    "amazon-ec2-auto-scaling": ["predictive-scaling-sudden-spikes"],
    "amazon-ecs": ["fargate-one-az"],
    "amazon-efs": ["efs-max-io-recommended", "provisioned-iops-64000"],
    "amazon-emr": ["emr-master-node"],
    "amazon-fsx": ["fsx-two-file-systems", "fsx-windows-network-file-system"],
    "amazon-kinesis": ["kinesis-data-analytics-renamed"],
    "amazon-neptune": ["neptune-64-tb", "neptune-dynamodb-query-languages", "neptune-request-units"],
    "amazon-quicksight": ["quicksight-q-renamed"],
    "amazon-rds": [
        "rds-five-read-replicas",
        "rds-in-transit-https",
        "rds-magnetic-deprecated-in-newer-versions",
        "rds-multi-az-one-standby",
        "rds-six-engines",
        "rds-storage-manual-scaling",
    ],
    "amazon-redshift": [
        "redshift-10x-better",
        "redshift-dense-node-types",
        "redshift-multi-az-default",
        "redshift-reserved-1-3-years",
    ],
    "amazon-s3": [
        "bucket-policy-cross-region",
        "buckets-are-folders",
        "efs-ebs-durability-table",
        "inline-policies-definition",
        "s3-availability-without-class",
        "s3-bucket-limit",
        "s3-durability-13-nines",
        "s3-eventual-consistency",
        "s3-is-a-file-system",
        "s3-website-https",
        "versioning-disables-overwrite",
    ],
    "amazon-sqs": ["best-effort-strictly-preserved", "sqs-256-kb", "sqs-fifo-300-3000", "sqs-keeps-order"],
    "amazon-vpc": ["vpc-az-scoped"],
    "aws-cdk": ["cdk-v1-import"],
    "aws-cloudformation": ["cloudformation-any-third-party"],
    "aws-kms": ["kms-fips-level-2"],
    "aws-lambda": ["default-vpc-three-subnets", "lambda-fast-product", "lambda-free-tier-gbs"],
    "aws-snow-family": [
        "snow-family-80-210-tb",
        "snowball-compute-52-vcpus",
        "snowcone-discontinued",
        "snowmobile-retired",
    ],
    "cloud-service-models": ["amazon-c2-typo"],
    "dns-record-types": ["ipv6-alphanumeric", "mx-two-servers", "ns-two-servers", "ttl-time-to-leave"],
    "ebs-volume-types": ["gp2-credits-throughput", "gp3-bursts-per-terabyte", "io2-iops-per-tb"],
    "ec2-instance-store": ["instance-store-lost-on-reboot"],
    "ec2-instance-types": [
        "compute-optimized-big-data",
        "ec2-pause-resume",
        "instance-sizes-16xlarge",
        "oracle-timesten",
    ],
    "ec2-placement-groups": ["partition-placement-one-az", "placement-groups-one-az", "spread-placement-one-az"],
    "ec2-purchasing-options": [
        "convertible-ri-same-family",
        "dedicated-hosts-commitment",
        "dedicated-hosts-full-control-of-hardware",
        "dedicated-hosts-hpc",
        "ec2-instance-savings-plans-lower",
        "no-upfront-pay-as-you-go",
        "savings-plans-66",
        "scheduled-reserved-instances",
        "standard-ri-cannot-change-instance-type",
    ],
    "elastic-load-balancing": ["cross-zone-load-balancing-vague"],
    "high-availability-and-scalability": ["multi-az-for-scalability"],
    "route-53-routing-policies": ["route-53-six-routing-policies"],
    "s3-storage-classes": [
        "deep-archive-12-48-hours-table",
        "deep-archive-12-48-hours-use-case",
        "express-one-zone-three-copies",
        "intelligent-tiering-pay-per-object",
        "intelligent-tiering-two-tiers",
    ],
    "storage-types": ["ebs-across-regions", "ebs-stored-in-s3"],
    "vpc-flow-logs": ["flow-logs-s3-only"],
}


def erratum_texts(page: str) -> str:
    """The text of every element with class "erratum" on a page."""
    found = re.findall(r'<div class="line erratum[^"]*"[^>]*>(.*?)</div>\s*</div>', page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(found)))


@pytest.mark.django_db
def test_the_topic_pages_still_show_every_correction_the_old_errata_showed(client, shipped_notes):
    claims = {c.id: c for c in load_claims()}

    def shown_on(slug: str) -> str:
        page = client.get(reverse("content:topic", args=[slug]), {"lines": "all"}).content.decode()
        return " ".join(erratum_texts(page).split())

    missing = []
    for slug, ids in CORRECTIONS_BEFORE.items():
        for i in ids:
            correction = " ".join(html.unescape(claims[i].correction).split())
            # on the page the line was on, or on the claim's own page when placement moved the line there
            if correction not in shown_on(slug) and correction not in shown_on(claims[i].topic):
                missing.append((slug, i))
    assert missing == []


@pytest.mark.django_db
def test_a_flagged_line_makes_no_card_and_no_question(shipped_notes):
    flagged = set()
    for items in Section.objects.filter(retired=False).values_list("items", flat=True):
        flagged |= {tuple(ref) for item in items if item["erratum"] for ref in item["refs"]}
    assert len(flagged) >= 100
    card_refs = {tuple(r) for refs in Flashcard.objects.active().values_list("refs", flat=True) for r in refs}
    question_ids = Question.objects.active().values_list("pk", flat=True)
    choice_refs = {
        tuple(r)
        for refs in Choice.objects.filter(question__in=question_ids, correct=True).values_list("refs", flat=True)
        for r in refs
    }
    assert flagged & card_refs == set()
    assert flagged & choice_refs == set()
