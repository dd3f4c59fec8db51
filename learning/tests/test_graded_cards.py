"""Blind-graded samples of generated cards (four rounds, 100 cards each, graded against the notes and AWS).

Rounds 1-3 graded 51, 72 and 67 of 100 acceptable; round 4, after scenario cards and the rules below, 91.

The graders' failures are regression fixtures: each rule added to learning/generate.py after a round must keep
those cards from coming back. Cards whose failure no rule catches yet are listed in KNOWN_UNFIXED, so a new
regression still fails this test while the open ones stay visible.
"""

import json
from pathlib import Path

import pytest

from learning.models import Flashcard

FIXTURES = Path(__file__).parent / "fixtures"
KNOWN_UNFIXED = {  # failures no rule catches yet (round 4's are listed in its fixture with the reason)
    "What is Protection from Accidental Deletion (in Amazon S3)?",
    "What is Max I/O (in Amazon EFS)?",
    "What is R6g/R5/R5n (in Memory-Optimized Instances)?",
    "What is Medium (in EC2 Instance Naming Convention)?",
    "What is Serverless?",
    "What is M6g/M5/M5a/M5n (in General-Purpose Instances)?",
    "What is IOPS (Input/Output Operations per Second) (in Amazon EBS: Performance Factors)?",
    "Vertical Scaling – To: u-12tb1.metal – […] of RAM, 448 vCPUs.",
    "What is Amazon-provided AMIs (in Types of AMIs)?",
    "S3 Glacier Deep Archive – Use Case: Long-term archival storage with retrieval times of […].",
    "What is Container agent (in Amazon ECS: Task as two components)?",
    "What are Dedicated Hosts (in EC2 Purchasing Options) best suited for?",
    "Amazon Neptune vs Amazon DynamoDB vs Amazon RDS (Relational Databases): Query Language?",
    "What are On-Demand Instances (in EC2 Purchasing Options) best suited for?",
    "AWS Snow Family: Compute Optimized: Includes computing power (up to 52 vCPUs, […] of memory) for edge "
    "computing workloads, including machine learning, analytics, and video processing.",
    "What is AWS CodeBuild?",  # its back no longer says "(name is obvious)"; the front is the same
    "Amazon RDS vs Amazon Aurora: Auto-Scaling Storage?",
    "What is High-performance (in NoSQL Databases)?",
    "What is Temporary Storage (in EC2 Instance Store) best suited for?",
}


def graded() -> list[dict]:
    rows = []
    for path in sorted(FIXTURES.glob("graded_cards_round*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return rows


def test_the_fixtures_hold_four_graded_rounds_and_the_last_passed():
    rows = graded()
    assert len(rows) == 400
    last = [json.loads(line) for line in (FIXTURES / "graded_cards_round4.jsonl").read_text().splitlines()]
    assert sum(row["ok"] for row in last) >= 90
    assert all({"front", "back", "ok", "reason"} <= set(row) for row in rows)


@pytest.mark.django_db
def test_cards_graded_as_failures_are_not_generated_again(shipped_notes):
    # A card is the same card when its front and back are: a failed front may come back with a better back.
    cards = set(Flashcard.objects.active().values_list("front", "back"))
    failed = {(row["front"], row["back"]) for row in graded() if not row["ok"]}
    back_again = {front for front, _ in failed & cards} - KNOWN_UNFIXED
    assert not back_again, sorted(back_again)
