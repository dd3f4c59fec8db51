"""Questions generated from the shipped notes: checked against the family data and the errata, and kept
across re-ingests."""

import json
from collections import Counter
from pathlib import Path

import pytest

from content.catalog import find_erratum, load_errata
from content.services import ingest
from quizzes.families import load_families
from quizzes.models import Attempt, Choice, Question, Response

pytestmark = pytest.mark.django_db


def scenario_questions():
    return Question.objects.active().exclude(family="service-identification").prefetch_related("choices")


def test_the_shipped_notes_give_enough_questions_across_families_and_domains(shipped_notes):
    questions = Question.objects.active()
    assert questions.count() >= 150
    assert questions.values("family").distinct().count() >= 20
    assert questions.filter(kind="multi").count() >= 20
    domains = Counter(questions.values_list("domain", flat=True))
    assert set(domains) == {"cloud-concepts", "security-compliance", "technology-services",
                            "billing-pricing-support"}


def test_no_distractor_meets_the_requirement_and_every_right_answer_does(shipped_notes):
    families = load_families()
    for question in scenario_questions():
        requirement = families[question.family].requirement(question.requirement)
        offered = [c for c in question.choices.all() if not c.retired]
        right = {c.option for c in offered if c.correct}
        wrong = {c.option for c in offered if not c.correct}
        assert right == set(requirement.meets), question.stem
        assert wrong <= set(requirement.fails), (question.stem, wrong - set(requirement.fails))
        assert len(offered) == (5 if question.kind == "multi" else 4)


def test_no_question_quotes_a_line_the_errata_mark_wrong(shipped_notes):
    errata = load_errata()
    for question in Question.objects.active().prefetch_related("choices"):
        for choice in question.choices.all():
            assert not (choice.quote and find_erratum(choice.quote, errata)), (question.stem, choice.quote)


def test_every_option_is_explained_and_right_answers_quote_the_notes(shipped_notes):
    for question in Question.objects.active().prefetch_related("choices"):
        for choice in question.choices.all():
            assert choice.explanation.strip()
            if choice.correct:
                assert choice.quote and choice.refs, question.stem
        assert "{" not in question.stem and question.stem.rstrip().endswith(("?", ")"))


def test_the_same_requirement_reads_three_ways(shipped_notes):
    stems = Counter()
    for family, requirement in scenario_questions().filter(kind="single").values_list("family", "requirement"):
        stems[(family, requirement)] += 1
    assert stems and max(stems.values()) >= 3


def test_reingest_keeps_attempts_and_their_questions(tmp_path, learner):
    from content.services import NOTES_DIR

    report = ingest([NOTES_DIR])
    question = Question.objects.active().first()
    attempt = Attempt.objects.create(user=learner, mode="practice", started_at="2026-11-02T09:00:00Z",
                                     question_ids=[question.pk])
    choice = question.choices.first()
    Response.objects.create(attempt=attempt, question=question, position=0, chosen=[choice.pk], correct=False)
    again = ingest([NOTES_DIR])
    assert sum(again.created.values()) == 0 and sum(again.updated.values()) == 0, (again.created, again.updated)
    assert Response.objects.filter(attempt=attempt, question=question, chosen=[choice.pk]).exists()
    assert report.totals["questions"] == again.totals["questions"] >= 150


def test_a_blind_graded_sample_passed_and_its_quote_failures_stay_fixed(shipped_notes):
    """60 questions graded blind against the notes and AWS: 55 acceptable (the bar is 54). Four failed on a
    quote from a neighbouring line ("It is not a queue type..." at 004:1011 explaining a FIFO queue)."""
    path = Path(__file__).parent / "fixtures" / "graded_questions_round1.jsonl"
    graded = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    assert len(graded) == 60 and sum(row["ok"] for row in graded) >= 54
    for choice in Choice.objects.filter(question__retired=False, retired=False):
        assert not choice.quote.lower().startswith(("it is not", "this is not")), choice.quote
        assert ["004", 1011] not in [[r[0], r[2]] for r in choice.refs] or choice.option == "dlq"


def test_a_question_lives_on_its_answers_topic(shipped_notes):
    families = load_families()
    for question in scenario_questions().filter(kind="single").select_related("topic"):
        right = [c.option for c in question.choices.all() if c.correct]
        assert question.topic.slug == families[question.family].topic_of(right[0])
