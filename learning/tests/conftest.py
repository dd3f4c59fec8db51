import pytest

from content.models import Topic
from learning.models import Flashcard


@pytest.fixture
def make_cards(db):
    """n active cards on one topic, in catalog order, without running ingest."""

    def make(n: int, *, slug: str = "amazon-sqs", start: int = 0) -> list[Flashcard]:
        # The session may hold the shipped notes' cards (committed once for the page tests): set them
        # aside inside this test's transaction so the deck is exactly these cards.
        Flashcard.objects.exclude(key__startswith=f"{slug}-").update(retired=True)
        topic, _ = Topic.objects.get_or_create(
            slug=slug,
            defaults={
                "name": slug.replace("-", " ").title(),
                "category": "application-integration",
                "category_name": "Application Integration",
                "domain": "technology-services",
                "section_count": 1,
            },
        )
        cards = [
            Flashcard(
                key=f"{slug}-{i}",
                topic=topic,
                kind="definition",
                front=f"Front {i}?",
                back=f"Back {i}.",
                refs=[["notes", 1, 10 + i]],
                position=i,
            )
            for i in range(start, start + n)
        ]
        return Flashcard.objects.bulk_create(cards)

    return make
