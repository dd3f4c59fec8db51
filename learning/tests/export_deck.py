"""A small deck on three topics (one a sub-topic) with every shape of card an export must carry."""

from content.models import Topic
from learning.models import Flashcard

TOPICS = {
    "amazon-s3": {
        "name": "Amazon S3",
        "category": "storage",
        "category_name": "Storage",
        "category_order": 4,
        "domain": "technology-services",
        "order": 1,
        "parent": None,
    },
    "s3-storage-classes": {
        "name": "Amazon S3 Storage Classes",
        "category": "storage",
        "category_name": "Storage",
        "category_order": 4,
        "domain": "technology-services",
        "order": 2,
        "parent": "amazon-s3",
    },
    "aws-lambda": {
        "name": "AWS Lambda",
        "category": "compute",
        "category_name": "Compute",
        "category_order": 2,
        "domain": "technology-services",
        "order": 1,
        "parent": None,
    },
}

CARDS = [  # key, topic, kind, front, back
    (
        "exp-s3-what",
        "amazon-s3",
        "definition",
        "What is Amazon S3?",
        'Object storage: "buckets" of objects, <script>alert("x")</script> & more.',
    ),
    (
        "exp-s3-size",
        "amazon-s3",
        "number",
        "Amazon S3: A single object can be up to […] in size.",
        "A single object can be up to 5 TB in size.",
    ),
    (
        "exp-classes-list",
        "s3-storage-classes",
        "list",
        "S3 storage classes: name all 3 that your notes list.",
        "• Standard\n• Standard-IA\n• Glacier",
    ),
    (
        "exp-classes-cloze",
        "s3-storage-classes",
        "cloze",
        "S3 storage classes: Standard, […], Glacier. Which one is missing?",
        "Standard-IA",
    ),
    (
        "exp-lambda-what",
        "aws-lambda",
        "definition",
        "What is AWS Lambda?",
        "Serverless compute: you upload code, AWS runs it, and you pay per request, per ms.",
    ),
    (
        "exp-lambda-limit",
        "aws-lambda",
        "number",
        "AWS Lambda: A function runs for at most […].",
        "A function runs for at most 15 minutes.",
    ),
]
RETIRED = ("exp-lambda-old", "aws-lambda", "definition", "What was Lambda@Edge called?", "Retired card.")


def make_export_deck() -> dict[str, Flashcard]:
    """The deck, alone: cards from the shipped notes (committed once per session) are retired in this test."""
    Flashcard.objects.exclude(key__startswith="exp-").update(retired=True)
    topics = {}
    for slug, fields in TOPICS.items():
        parent = topics.get(fields["parent"])
        topics[slug], _ = Topic.objects.update_or_create(
            slug=slug, defaults={**fields, "parent": parent, "section_count": 1}
        )
    cards = {}
    for position, (key, slug, kind, front, back) in enumerate([*CARDS, RETIRED]):
        cards[key] = Flashcard.objects.create(
            key=key,
            topic=topics[slug],
            kind=kind,
            front=front,
            back=back,
            refs=[["notes", 1, 400 + position]],
            position=position,
            retired=key == RETIRED[0],
        )
    return cards
