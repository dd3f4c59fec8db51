"""Blind-graded samples of generated cards, graded against the notes and AWS by helpers who saw no code.

Rounds 1-4 (100 cards each) graded 51, 72, 67 and 91 acceptable. By 2026-11-22 the generator had moved on and
`cards --sample 100 --seed 1` printed a different sample: round 5 graded it 81/100. The rules and errata that
followed were checked against a grading of every card then generated (graded_cards_population.jsonl, 352
cards, with a stricter rubric that also failed misleadingly incomplete backs). Round 6 graded the next sample
91/100 and round 7 the one after 87/100: one grader's verdicts vary by several cards. So rounds 8 and 9 were
each graded by three graders working apart, a card counting as acceptable when two of three accept it (the
fixture keeps every vote and reason): round 8 gave 86, 87 and 85 (majority 88); round 9, today's sample after
the rules that followed, 92, 91 and 92 (majority 92).

The graders' failures are regression fixtures: a failed card (front and back) must not come back. Cards
still generated that a grader failed are listed in KNOWN_UNFIXED, so a new regression still fails this test
while the open ones stay visible. test_the_graded_sample_is_what_the_command_prints holds the last round to
the generator: change the cards and that test asks for a new blind grading.
"""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from learning.models import Flashcard

FIXTURES = Path(__file__).parent / "fixtures"
LAST_ROUND = FIXTURES / "graded_cards_round9.jsonl"
KNOWN_UNFIXED = {  # cards generated today that a grader failed (the reason is in the fixture)
    "A company needs a shared file system that many Linux EC2 instances can mount at the same time. Which "
    "TWO AWS storage services meet these requirements?",
    "Amazon Aurora – Auto-scaling storage, growing automatically up to […] as needed.",
    "EFS – Elastic File System – Highly available, scalable, expensive ([…] gp2), pay per use, no capacity planning.",
    "IAM identity access management – Components: name all 4 that your notes list.",
    "Savings Plans ([…]): commitment to an amount of usage, long workload.",
    "What are AWS Snow Family Devices best suited for?",
    "What are Compute-Optimized Instances (in EC2 Instance Types)?",
    "What are Convertible Reserved Instances (in EC2 Purchasing Options)?",
    "What are Core Nodes (in Amazon EMR Architecture)?",
    "What are EBS volumes (in Amazon EBS)?",
    "What are S3 Websites (in Amazon S3)?",
    "What are Security Groups best suited for?",
    "What are Simple Virtual Private Servers (VPS) (in Amazon Lightsail)?",
    "What is AWS CloudFormation?",
    "What is AWS CodeArtifact?",
    "What is Amazon-provided AMIs (in Types of AMIs)?",
    "What is Cold HDD (in Amazon EBS Volume Types) best suited for?",
    "What is Custom AMIs (in Types of AMIs)?",
    "What is Docker (in Containers and Docker)?",
    "What is EC2 Fleet (in EC2 Purchasing Options) best suited for?",
    "What is EC2 instance (in Amazon EC2)?",
    "What is Generation (in EC2 Instance Naming Convention)?",
    "What is Maximum Capacity (in Amazon EC2 Auto Scaling)?",
    "What is Medium (in EC2 Instance Naming Convention)?",
    "What is Permissioned Network (in Amazon Managed Blockchain: Hyperledger Fabric)?",
    "What is Programming Language Support (in AWS CDK)?",
    "What is Provisioned IOPS SSD (in Amazon EBS Volume Types) best suited for?",
    "What is S3 Object-Level Logging (in Amazon S3: Monitoring and Logging)?",
    "What is Same-Region Replication (SRR) (in Amazon S3)?",
    "What is Security Group Scope (in Security Groups)?",
}


def graded() -> list[dict]:
    rows = []
    for path in sorted(FIXTURES.glob("graded_cards_*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return rows


def test_the_fixtures_hold_nine_graded_rounds_and_the_last_passed():
    rounds = sorted(FIXTURES.glob("graded_cards_round*.jsonl"))
    assert len(rounds) == 9 and all(len(path.read_text().splitlines()) == 100 for path in rounds)
    last = [json.loads(line) for line in LAST_ROUND.read_text().splitlines()]
    assert sum(row["ok"] for row in last) >= 90  # two of three graders accept
    assert all(len(row["votes"]) == 3 and row["ok"] == (sum(row["votes"]) >= 2) for row in last)
    assert all(sum(row["votes"][grader] for row in last) >= 90 for grader in range(3))  # and each grader alone
    assert all({"front", "back", "ok", "reason"} <= set(row) for row in graded())


@pytest.mark.django_db
def test_the_graded_sample_is_what_the_command_prints(shipped_notes):
    out = io.StringIO()
    call_command("cards", sample=100, seed=1, stdout=out)
    printed = [json.loads(line) for line in out.getvalue().splitlines()]
    last = [json.loads(line) for line in LAST_ROUND.read_text().splitlines()]
    assert [(row["front"], row["back"]) for row in printed] == [(row["front"], row["back"]) for row in last], (
        "the cards changed since round 6 was graded: grade `cards --sample 100 --seed 1` again, blind"
    )


@pytest.mark.django_db
def test_cards_graded_as_failures_are_not_generated_again(shipped_notes):
    # A card is the same card when its front and back are: a failed front may come back with a better back.
    cards = set(Flashcard.objects.active().values_list("front", "back"))
    failed = {(row["front"], row["back"]) for row in graded() if not row["ok"]}
    back_again = {front for front, _ in failed & cards} - KNOWN_UNFIXED
    assert not back_again, sorted(back_again)
    fixed = KNOWN_UNFIXED - {front for front, _ in cards}
    assert not fixed, f"no longer generated, take out of KNOWN_UNFIXED: {sorted(fixed)}"
