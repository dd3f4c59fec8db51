"""Questions for quiz tests, made directly (no ingest): topics with a domain, and single, multi or identify kinds."""

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from content.models import Topic
from learning.models import Flashcard
from quizzes.models import Choice, Question

TOPICS = {  # slug: (name, category, domain)
    "quiz-iam": ("IAM", "security", "security-compliance"),
    "quiz-kms": ("KMS", "security", "security-compliance"),
    "quiz-ec2": ("EC2", "compute", "technology-services"),
    "quiz-s3": ("S3", "storage", "technology-services"),
    "quiz-well-architected": ("Well-Architected", "concepts", "cloud-concepts"),
    "quiz-pricing": ("Pricing", "billing", "billing-pricing-support"),
}
DOMAIN_TOPIC = {
    "security-compliance": "quiz-iam",
    "technology-services": "quiz-ec2",
    "cloud-concepts": "quiz-well-architected",
    "billing-pricing-support": "quiz-pricing",
}
SHAPES = {"single": (4, 1), "multi": (5, 2), "identify": (4, 1)}


def quiz_topic(slug: str) -> Topic:
    name, category, domain = TOPICS[slug]
    topic, _ = Topic.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "category": category,
            "category_name": category.title(),
            "domain": domain,
            "section_count": 1,
            "order": list(TOPICS).index(slug),
        },
    )
    return topic


@pytest.fixture
def make_question(db):
    """One active question with its choices; the right ones come first unless `right_last`."""
    # The session may hold questions from the shipped notes (committed once for the page tests): set them
    # aside inside this test's transaction so each test sees exactly the questions it made.
    Question.objects.update(retired=True)
    serial = itertools.count(1)

    def make(
        kind: str = "single",
        *,
        topic: str | None = None,
        domain: str | None = None,
        family: str | None = None,
        requirement: str | None = None,
        cards: list[Flashcard] = (),
    ) -> Question:
        n = next(serial)
        slug = topic or DOMAIN_TOPIC[domain or "technology-services"]
        topic_obj = quiz_topic(slug)
        options, right = SHAPES[kind]
        question = Question.objects.create(
            key=f"q-{n}",
            kind=kind,
            family=family or ("service-identification" if kind == "identify" else f"fam-{n}"),
            requirement=requirement or f"req-{n}",
            topic=topic_obj,
            domain=domain or topic_obj.domain,
            stem=f"Question {n}: which option fits{' (Select TWO)' if kind == 'multi' else ''}?",
            refs=[["notes", 1, 400 + n]],
        )
        Choice.objects.bulk_create(
            [
                Choice(
                    question=question,
                    option=f"opt-{i}",
                    text=f"Option {chr(65 + i)} of {n}",
                    correct=i < right,
                    explanation=f"{'Correct' if i < right else 'Not this one'}: reason {i} for question {n}.",
                    quote=f"Note line about option {i}.",
                    refs=[["notes", 1, 430 + i]],
                    position=i,
                )
                for i in range(options)
            ]
        )
        if cards:
            question.related_cards.set(cards)
        return question

    return make


@pytest.fixture
def make_questions(make_question):
    """`n` questions in each named domain, every one its own (family, requirement)."""

    def make(**per_domain: int) -> list[Question]:
        made = []
        for domain, n in per_domain.items():
            domain = domain.replace("_", "-")
            kinds = itertools.cycle(["single", "single", "multi", "identify"])
            made += [make_question(next(kinds), domain=domain) for _ in range(n)]
        return made

    return make


@pytest.fixture
def make_card(db):
    """An active flashcard on a quiz topic; other cards in the session are set aside so the deck is only these."""
    Flashcard.objects.update(retired=True)
    serial = itertools.count(1)

    def make(topic: str = "quiz-ec2") -> Flashcard:
        n = next(serial)
        return Flashcard.objects.create(
            key=f"quiz-card-{n}",
            topic=quiz_topic(topic),
            kind="definition",
            front=f"Card {n} front?",
            back=f"Card {n} back.",
            refs=[["notes", 1, 10]],
            position=n,
        )

    return make


def choice_ids(question: Question, *, right: bool = True) -> list[int]:
    """The ids of the right options (or one wrong one)."""
    choices = list(question.choices.order_by("position"))
    if right:
        return [c.pk for c in choices if c.correct]
    return [next(c.pk for c in choices if not c.correct)]


@pytest.fixture
def start_quiz(client):
    """Start an attempt through the start form, as the signed-in client; returns the Attempt."""
    from quizzes.models import Attempt

    def start(mode: str = "practice", **data) -> Attempt:
        response = client.post("/quizzes/start/", {"mode": mode, **data})
        assert response.status_code == 302, response.content.decode()[:2000]
        return Attempt.objects.latest("pk")

    return start


@pytest.fixture
def post_answer(client):
    """Answer one slot of an attempt (htmx unless told otherwise); `choices` are Choice ids."""
    from django.urls import reverse

    def post(attempt, position: int, choices, *, htmx: bool = True, question: int | None = None, **extra):
        data = {
            "position": position,
            "question": question or attempt.question_ids[position - 1],
            "choice": list(choices),
            **extra,
        }
        headers = {"HX-Request": "true"} if htmx else {}
        return client.post(reverse("quizzes:answer", args=[attempt.pk]), data, headers=headers)

    return post


@pytest.fixture
def options():
    """The right option ids of a question, or one wrong one: `options(question, right=False)`."""
    return choice_ids


# Classes and assignments

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # classes and assignments start here in these tests


@pytest.fixture
def make_class(db):
    """A class taught by `instructor`, with `learners` enrolled."""
    from quizzes.class_views import create_cohort
    from quizzes.models import Membership

    def make(instructor, *learners, name: str = "Cloud 101"):
        cohort = create_cohort(name=name, instructor=instructor)
        for user in learners:
            Membership.objects.create(cohort=cohort, user=user, role=Membership.LEARNER, joined_at=T0)
        return cohort

    return make


@pytest.fixture
def make_assignment(db):
    """An assignment of the given questions (in that order) published to `cohorts`; open from T0 for a week."""
    from quizzes.models import Assignment

    def make(cohorts, questions, *, title: str = "Week 1", opens=None, due=None, **rules):
        opens = opens or T0
        assignment = Assignment.objects.create(
            title=title,
            created_at=opens,
            question_ids=[q.pk for q in questions],
            opens_at=opens,
            due_at=due or opens + timedelta(days=7),
            **rules,
        )
        assignment.cohorts.set(cohorts if isinstance(cohorts, list | tuple) else [cohorts])
        return assignment

    return make
