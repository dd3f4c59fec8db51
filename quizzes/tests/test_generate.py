"""Questions generated from the shipped notes: checked against the family data and the errata, and kept
across re-ingests."""

from collections import Counter

import pytest

from content.ingest.claims import find_claim
from content.services import ingest
from quizzes.families import load_families
from quizzes.generate import NOT_IN_NOTES, giveaway_words
from quizzes.models import Attempt, Question, Response

pytestmark = pytest.mark.django_db


def scenario_questions():
    return Question.objects.active().exclude(family="service-identification").prefetch_related("choices")


def test_the_shipped_notes_stock_every_exam_domain(shipped_notes):
    """Every CLF-C02 domain is stocked from what the notes teach. Issue 15 asks for 300 questions and 40 per
    domain; the shipped notes, without rewording a scenario to count it twice, give about 260, and cloud
    concepts about 33 (the notes say nothing of Well-Architected pillars, migration strategies or CAF)."""
    questions = Question.objects.active()
    assert questions.count() >= 250
    assert questions.values("family").distinct().count() >= 30
    assert questions.filter(kind="multi").count() >= 20
    domains = Counter(questions.values_list("domain", flat=True))
    assert set(domains) == {"cloud-concepts", "security-compliance", "technology-services",
                            "billing-pricing-support"}
    assert min(domains.values()) >= 30, domains
    assert sorted(domains.values())[1] >= 40, domains  # every domain but cloud concepts has 40


def test_the_bank_holds_one_question_per_scenario(shipped_notes):
    scenarios = Counter(q.scenario for q in Question.objects.active())
    assert scenarios and max(scenarios.values()) == 1, [s for s, n in scenarios.items() if n > 1]


def test_the_right_answers_are_exactly_the_options_that_meet_the_requirement(shipped_notes):
    families = load_families()
    for question in scenario_questions():
        requirement = families[question.family].requirement(question.requirement)
        offered = [c for c in question.choices.all() if not c.retired]
        right = {c.option for c in offered if c.correct}
        wrong = {c.option for c in offered if not c.correct}
        assert right == set(requirement.meets), question.stem
        assert wrong <= set(requirement.fails), (question.stem, wrong - set(requirement.fails))
        # Three distractors when the key's kind has them (IaaS, PaaS and SaaS make a three-option question).
        assert len(wrong) >= 2 and len(offered) <= (5 if question.kind == "multi" else 4)


def test_every_option_is_of_its_keys_kind(shipped_notes):
    families = load_families()
    for question in scenario_questions():
        family = families[question.family]
        kinds = {family.options[c.option].kind for c in question.choices.all()}
        assert len(kinds) == 1, (question.stem, kinds)


def test_the_key_and_its_lures_come_first(shipped_notes):
    """A key's natural lures (Dedicated Hosts beside Dedicated Instances) are among the distractors whenever the
    requirement rules them out."""
    families = load_families()
    for question in scenario_questions():
        family = families[question.family]
        requirement = family.requirement(question.requirement)
        shown = {c.option for c in question.choices.all()}
        for oid in requirement.meets:
            for lure in family.options[oid].lures:
                if lure in requirement.fails and family.options[lure].kind == family.options[oid].kind:
                    assert lure in shown, (question.stem, lure)


def test_no_stem_gives_its_key_away(shipped_notes):
    """No stem shares a word stem with a right answer that no wrong answer has ("readable copies" -> Read
    Replicas), apart from the words of the family's own frame, which every option's question shares."""
    families = load_families()
    for question in Question.objects.active().prefetch_related("choices"):
        choices = list(question.choices.all())
        if question.family in families:
            family = families[question.family]
            frame = " ".join([*family.stems, *family.multi_stems, family.noun, family.plural, family.name])
        else:
            frame = "Which AWS service is"
        shared = giveaway_words(question.stem, [c.text for c in choices if c.correct],
                                [c.text for c in choices if not c.correct], frame=frame)
        assert not shared, (question.stem, shared)


def test_every_explanation_quotes_its_own_option_or_says_the_notes_lack_it(shipped_notes):
    families = load_families()
    for question in scenario_questions():
        family = families[question.family]
        for choice in question.choices.all():
            option = family.options[choice.option]
            assert choice.explanation.strip()
            if choice.in_notes:
                assert choice.quote and option.matches(choice.quote.rstrip("…")), (question.stem, choice.quote)
                assert not choice.quote.lower().startswith(("it is not", "this is not")), choice.quote
                # a line that says something, not a heading
                assert len(choice.quote.split()) >= 3 and not choice.quote.endswith(":"), choice.quote
            else:
                assert not choice.correct and not choice.quote and choice.explanation.endswith(NOT_IN_NOTES)


def test_every_wrong_option_says_what_it_fails(shipped_notes):
    for question in scenario_questions():
        for choice in question.choices.all():
            if not choice.correct:
                assert choice.explanation.startswith("Not this one: "), choice.explanation


def test_no_question_quotes_a_line_a_claim_marks_wrong(shipped_notes):
    for question in Question.objects.active().prefetch_related("choices"):
        for choice in question.choices.all():
            assert not (choice.quote and find_claim(choice.quote)), (question.stem, choice.quote)


def test_every_option_is_explained_and_right_answers_quote_the_notes(shipped_notes):
    for question in Question.objects.active().prefetch_related("choices"):
        for choice in question.choices.all():
            assert choice.explanation.strip()
            if choice.correct:
                assert choice.quote and choice.refs, question.stem
        assert "{" not in question.stem and question.stem.rstrip().endswith(("?", ")"))


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
    assert report.totals["questions"] == again.totals["questions"] >= 250


def test_a_question_lives_on_its_answers_topic(shipped_notes):
    families = load_families()
    for question in scenario_questions().filter(kind="single").select_related("topic"):
        right = [c.option for c in question.choices.all() if c.correct]
        assert question.topic.slug == families[question.family].topic_of(right[0])


def test_the_practice_exam_from_the_shipped_bank_follows_the_domain_weights(shipped_notes):
    """Every domain now has more questions than its share of 65, so the draw takes exactly the exam guide's
    split, one question per scenario, and no domain is topped up from another."""
    import random

    from quizzes.attempts import draw_exam, exam_plan

    plan = exam_plan()
    assert plan.quotas == plan.target and sum(plan.target.values()) == 65
    assert all(plan.available[d] >= plan.target[d] for d in plan.target), plan.available
    ids = draw_exam(plan, random.Random(7))
    drawn = list(Question.objects.filter(pk__in=ids))
    assert len(drawn) == 65 == len({q.scenario for q in drawn})
    assert Counter(q.domain for q in drawn) == Counter(plan.target)
