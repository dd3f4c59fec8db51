"""The shipped notes after the format, placement and claim rules: nothing they gave before is lost."""

from pathlib import Path

from content.catalog import load_catalog
from content.ingest.parse import parse
from content.ingest.sources import read_note
from content.ingest.topics import assign

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
