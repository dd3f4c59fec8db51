"""Scenario questions from the notes: families of sibling options (quizzes/families.toml) meet the lines the
notes say about each option, and service-identification questions come from service definitions.

Plain Python over plain values (no ORM): ingest hands in the notes' lines per topic and gets QuestionDrafts.
A family yields questions only where the notes cover at least three of its options, and no line with an
erratum is ever quoted.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field

from quizzes.families import Family, Option

MIN_COVERED = 3
MAX_QUOTE = 240


@dataclass(frozen=True)
class Line:
    text: str
    refs: tuple  # ((label, source_id, line), ...)


@dataclass
class ChoiceDraft:
    option: str
    text: str
    correct: bool
    explanation: str
    quote: str = ""
    refs: list = field(default_factory=list)


@dataclass
class QuestionDraft:
    key: str
    kind: str  # single | multi | identify
    family: str
    requirement: str
    topic: str
    domain: str
    stem: str
    difficulty: int
    choices: list[ChoiceDraft]
    related_topics: list[str]

    @property
    def refs(self) -> list:
        seen = []
        for choice in self.choices:
            seen.extend(r for r in choice.refs if r not in seen)
        return seen


def question_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


def clean_quote(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("**", "").replace("`", "")).strip()
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"


def find_evidence(option: Option, lines: list[Line]) -> Line | None:
    """The most telling note line about one option: it names the option, and says something (not a bare name)."""
    best = None
    for line in lines:
        if _DENIES.match(line.text):
            continue  # "It is not a queue type, it is a standard or FIFO queue that..." is about something else
        positions = [m.start() for p in option.evidence if (m := p.search(line.text))]
        if positions:
            # A line that opens with the option is about it; one that mentions it in passing may not be.
            score = (min(positions) < 40, len(line.text) >= 30, -abs(len(line.text) - 120))
            if best is None or score > best[0]:
                best = (score, line)
    return best[1] if best else None


_DENIES = re.compile(r"\W*(it|this|that) (is|does) not\b", re.I)


def order_choices(choices: list[ChoiceDraft], key: str) -> list[ChoiceDraft]:
    """A stable shuffle: the same question always shows its options in the same order."""
    shuffled = list(choices)
    random.Random(key).shuffle(shuffled)
    return shuffled


def choice_for(option: Option, evidence: Line | None, *, correct: bool, reason: str = "") -> ChoiceDraft:
    if correct:
        explanation = f"Correct. {option.fact}"
    else:
        explanation = f"Not this one: {reason}." if reason else f"Not this one. {option.fact}"
    return ChoiceDraft(
        option=option.id, text=option.name, correct=correct, explanation=explanation,
        quote=clean_quote(evidence.text) if evidence else "", refs=[list(r) for r in evidence.refs] if evidence else [],
    )


def family_questions(family: Family, lines: list[Line], domain_of_topic: dict[str, str]) -> list[QuestionDraft]:
    evidence = {oid: find_evidence(option, lines) for oid, option in family.options.items()}
    if sum(1 for line in evidence.values() if line) < MIN_COVERED:
        return []
    drafts = []
    for requirement in family.requirements:
        if not all(evidence.get(oid) for oid in requirement.meets):
            continue  # the right answer must be explained from the notes
        # Most confusable first: siblings the data gives a reason for, then the rest; evidence preferred.
        pool = sorted(requirement.fails, key=lambda oid: (oid not in requirement.why_not, evidence.get(oid) is None,
                                                          oid))
        if len(pool) < 3:
            continue
        multi = len(requirement.meets) == 2
        stems = family.multi_stems if multi else family.stems
        if len(requirement.meets) not in (1, 2) or not stems:
            continue
        for index, template in enumerate(stems):
            key = question_key(family.id, requirement.id, "multi" if multi else "single", str(index))
            # Rotate the third distractor so each wording of the requirement is a slightly different question.
            fixed, rest = pool[:2], pool[2:]
            distractors = fixed + [rest[index % len(rest)]]
            choices = [choice_for(family.options[oid], evidence[oid], correct=True) for oid in requirement.meets]
            choices += [
                choice_for(family.options[oid], evidence.get(oid), correct=False,
                           reason=requirement.why_not.get(oid, ""))
                for oid in distractors
            ]
            stem = template.format(need=requirement.need, noun=family.noun, plural=family.plural)
            # The question is about its answer: a Route 53 question in the edge family lives on Route 53.
            topic = family.topic_of(requirement.meets[0]) if not multi else family.topic
            drafts.append(QuestionDraft(
                key=key, kind="multi" if multi else "single", family=family.id, requirement=requirement.id,
                topic=topic, domain=family.domain, stem=stem, difficulty=requirement.difficulty,
                choices=order_choices(choices, key),
                related_topics=sorted({family.options[oid].topic or family.topic for oid in requirement.meets}),
            ))
    return drafts


@dataclass(frozen=True)
class ServiceDefinition:
    topic: str  # catalog slug of the service
    name: str
    category: str
    domain: str
    definition: str  # what the notes say it is
    refs: tuple
    revealing: frozenset[str]  # words that would give the name away


def identification_stem(definition: str) -> str | None:
    """'A fully managed NoSQL database service.' -> 'Which AWS service is a fully managed NoSQL database service?'"""
    text = definition.strip().rstrip(".")
    text = re.split(r"(?<=[a-z)])\. ", text)[0]  # first sentence only
    if len(text.split()) < 6 or len(text) > 200:
        return None
    first, rest = text.split(" ", 1)
    if first.lower() in {"a", "an"}:
        return f"Which AWS service is {first.lower()} {rest}?"
    if re.fullmatch(r"[A-Z][a-z]+s", first) and first.lower() not in {"aws", "amazon"}:  # "Provides ...", "Lets ..."
        return f"Which AWS service {first.lower()} {rest}?"
    return None


def identification_questions(services: list[ServiceDefinition], confusable: dict[str, set[str]]) -> list[QuestionDraft]:
    """One 'Which AWS service ...?' per service with a usable definition; distractors from the same category."""
    by_category: dict[str, list[ServiceDefinition]] = {}
    for service in services:
        by_category.setdefault(service.category, []).append(service)
    drafts = []
    for service in services:
        stem = identification_stem(service.definition)
        if stem is None or any(w in stem.lower() for w in service.revealing):
            continue
        others = [o for o in by_category[service.category]
                  if o.topic != service.topic and o.topic not in confusable.get(service.topic, set())]
        if len(others) < 3:
            continue
        key = question_key("service-identification", service.topic)
        picks = random.Random(key).sample(others, 3)
        choices = [ChoiceDraft(option=service.topic, text=service.name, correct=True,
                               explanation=f"Correct. Your notes define {service.name} this way.",
                               quote=clean_quote(service.definition), refs=[list(r) for r in service.refs])]
        for other in picks:
            choices.append(ChoiceDraft(
                option=other.topic, text=other.name, correct=False,
                explanation=f"Not this one: {other.name} is {describe(other.definition)}",
                quote=clean_quote(other.definition), refs=[list(r) for r in other.refs],
            ))
        drafts.append(QuestionDraft(
            key=key, kind="identify", family="service-identification", requirement=service.topic,
            topic=service.topic, domain=service.domain, stem=stem, difficulty=1, choices=order_choices(choices, key),
            related_topics=[service.topic],
        ))
    return drafts


def describe(definition: str) -> str:
    text = re.split(r"(?<=[a-z)])\. ", definition.strip())[0].rstrip(".")
    return (text[:1].lower() + text[1:] if text[:2] not in {"AW", "EC", "S3"} else text) + "."
