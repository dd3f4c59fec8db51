"""The deck: which flashcards the notes' facts make, and which named rule turned each other fact away.

Plain Python over plain values (no ORM): ingest (content/services.py) hands over the facts it extracted, calls
`build_deck`, and writes the cards it returns. Every fact considered either makes a card or is counted under the
one rule that turned it away, so `considered == made + sum(rejected.values())` (the ingest report shows the
counts: "definition restates its term: 7").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from content.catalog import Catalog, CatalogTopic, load_catalog, normalise
from content.ingest.facts.text import loose
from content.summary import load_reference
from learning.generate import (
    _KIND_NOUN,
    MANGLED_WORD,
    CardDraft,
    FactView,
    TopicView,
    card_key,
    cards_for,
    duplicate_key,
    plain_name,
    plural,
    scenario_card,
    turned_away,
    words,
)
from quizzes.families import load_families

# Rules the deck applies to whole cards (the card rules in learning/generate.py name their own).
ENDED_SERVICE = "service AWS has ended"
TEACHES_ENDED = "card teaches an ended service"
SAME_BLANK = "same blank reached twice"
MERGED = "near-duplicate merged"
HURRIED = "typed in a hurry"
UNNAMED = "no rule named"  # a card rule returned nothing without saying why: a bug to fix in the rule
SCENARIO_UNWANTED = "scenario family asks for no card"
SCENARIO_NO_CARD = "scenario question makes no card"
SCENARIO_TWICE = "scenario asked twice"
NOT_ENGLISH = "card is not in English"  # the fronts are English: a back in another script would not answer them

_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Letters no English word is written with, though the script is Latin: Vietnamese tone marks ("Tại chỗ")
_OTHER_LANGUAGE = re.compile(r"[\u1e00-\u1eff\u01a0\u01a1\u01af\u01b0\u0110\u0111]")


UNKNOWN_WORD = "back has a word no dictionary knows"  # the notes' slip ("impredictable") copied onto the back
JOINED_FRAGMENTS = "back joins two fragments"  # "Virtual Servers, When launching an instance, ...": two lines run on

SHORTHAND = "card is in note shorthand"  # "< 10 ms latency bw AZs": the author's abbreviations, not the card's
_SHORTHAND = re.compile(r"(?<![\w/])(?:bw|b/w|w/o|btw|thru|b4|govt|reqs?|env|cfg)(?![\w/])", re.I)
CUT_OFF = "back ends mid-sentence"  # "Security of the system overall, as.": the line's clause cut at its word
EXAM_REMARK = "back is a remark on the exam"  # "Not typically tested in the exam": says nothing of the term
_MANGLED = re.compile(r"[A-Za-z][^\x00-\x7F]{2,}[A-Za-z]")  # letters around two or more others ("Gßßuarantee")
_EXAM_REMARK = re.compile(
    r"^\W*(?:not|rarely|never|seldom)\b[^.]{0,30}\b(?:tested|on the exam|in the exam|examined)\b", re.I
)
STUDY_ADVICE = "back is study advice"  # "Have a good grasp of when caching fits": how to study it, not what it is
_STUDY_ADVICE = re.compile(
    r"\bI (?:don'?t|do not|didn'?t|did not) (?:recall|remember|see|get)\b"
    r"|\b(?:have|having|get|gain|need) (?:a |an )?(?:good |general |basic |solid |thorough |deep |high-level )*"
    r"(?:understanding|familiarity|knowledge|grasp)\b"
    r"|\byou (?:should|must|need to) (?:know|understand|learn|remember|be familiar|be aware)\b"
    r"|\bthere (?:are|were) (?:many |a few |some |several |lots of )?questions\b"
    r"|\b(?:critical|key|important|essential) (?:to|for) (?:succeeding|passing|the exam)\b"
    r"|^\W*(?:understand|know|learn|memori[sz]e|remember|review|study)\s+"
    r"(?:the|how|what|when|why|its?|this|these|that)\b",
    re.I,
)
SETUP_STEP = "back is a setup step"  # "Setup a single A record holding several IPs": how to configure it
_SETUP_STEP = re.compile(
    r"^\W*(?:you (?:need|have) to |you must )?"
    r"(?:set ?up|create|configure|select|click|attach|go to|navigate to)\s",
    re.I,
)
QUIZ_SCORE = "card is a quiz score"  # "Score = 18 / 20 (90%) Correct": a practice test's tally, no fact
_CUT_OFF = re.compile(r"\b(?:as|and|or|of|to|the|a|an|with|for|by|in|on|that|which|because|but|than)\W*$", re.I)
_QUIZ_SCORE = re.compile(r"\bscore\b\W{0,3}\d+\s*/\s*\d+|\b\d+\s*/\s*\d+\s*\(\d+\s*%\)\s*(?:correct|incorrect)\b", re.I)

_LOWER_WORD = re.compile(r"(?<![\w@/-])(?<!\w\.)([a-z]{4,})(?![\w@/-]|\.\w)")  # (not in "example.com")
_RUN_ON = re.compile(r",\s+(?:When|The|If|You|It|This|In|For|To|A|An|We|They|There|That|These)\s")


def unknown_word(text: str) -> str:
    """The first lower-case word of a text that neither the dictionary nor the catalog knows, as written or as a
    compound of two known words ("lightbulbs") or a known verb made "-able" ("resizable"), else ""."""
    from content.ingest.spelling import known_word  # noqa: PLC0415

    def known(word: str) -> bool:
        if known_word(word):
            return True
        if word.endswith("able") and any(known_word(stem) for stem in (word[:-4], word[:-4] + "e")):
            return True
        if any(word.startswith(p) and known(word[len(p) :]) for p in ("re", "un", "pre", "non", "sub", "multi")):
            return True  # "resizable", "nonrelational"
        return any(known_word(word[:k]) and known_word(word[k:]) for k in range(4, len(word) - 3))

    return next((w for w in _LOWER_WORD.findall(text) if not known(w)), "")


def foreign(text: str) -> bool:
    """Whether more than a fifth of a text's letters are of another script than the Latin one (Chinese, Cyrillic),
    or a word is written in another language's Latin letters ("Tại chỗ" beside its English gloss)."""
    if _OTHER_LANGUAGE.search(text):
        return True
    letters = _LETTER.findall(text)
    return bool(letters) and sum(1 for c in letters if not _LATIN.match(c)) * 5 > len(letters)


@dataclass
class Deck:
    """Cards by key (each a dict: fact key or None, topic slug, kind, front, back, refs, position)."""

    cards: dict[str, dict] = field(default_factory=dict)
    rejected: Counter = field(default_factory=Counter)  # rule name -> facts (or scenario questions) turned away
    considered: int = 0  # facts and scenario questions looked at
    made: int = 0  # of those, how many have a card in the deck
    next_position: int = 0  # where cards added after the deck (the notes' own Q/A cards) start


def topic_views(catalog: Catalog) -> dict[str, TopicView]:
    names = {
        slug: frozenset(normalise(n) for n in (e.name, e.full_name, e.short, *e.aliases) if n)
        for slug, e in catalog.topics.items()
    }
    all_names = Counter(n for ns in names.values() for n in ns)
    views = {}
    for slug, entry in catalog.topics.items():
        others = frozenset(all_names.keys() - names[slug])
        is_service = not entry.parent and entry.category != "cloud-concepts"
        views[slug] = TopicView(
            slug=slug, name=entry.name, names=names[slug], is_service=is_service, other_names=others
        )
    return views


_MAKER = re.compile(r"^(?:amazon|aws) ")


def _view(fact_key: str, f: dict) -> FactView:
    return FactView(
        key=fact_key,
        kind=f["kind"],
        subject=f["subject"],
        text=f["text"],
        data=f["data"],
        section=f["section_title"],
        lines=len({r[2] for r in f["refs"] if r[0] == f["refs"][0][0]}),
    )


def name_owners(views: dict[str, TopicView]) -> dict[str, str]:
    """Each catalog name that one topic alone answers to -> that topic's slug."""
    seen = Counter(n for v in views.values() for n in v.names)
    return {n: slug for slug, v in views.items() for n in v.names if seen[n] == 1}


def home(fact: FactView, slug: str, views: dict[str, TopicView], owners: dict[str, str], catalog: Catalog) -> str:
    """The topic a fact's card belongs on. A definition of another service, written where the notes list
    services ("Amazon S3: scalable object storage" among the EC2 notes), is that service's card, not a card
    turned away; one that says how this topic uses the other ("IAM: lets Athena read the bucket") stays
    here, where the card rules turn it away."""
    if fact.kind != "definition":
        return slug
    term = fact.data.get("term") or ""
    other = owners.get(plain_name(term)) or owners.get(normalise(term))
    if not other or other == slug or catalog.topics[other].discontinued or not views[other].is_service:
        return slug
    entry = catalog.topics[other]
    own = {plain_name(n) for n in (entry.name, entry.full_name, entry.short) if n}
    if plain_name(term) not in own | {_MAKER.sub("", n).strip() for n in own}:
        return slug  # a nickname or an aspect ("Pay-as-you-go: only pay for build time"), not the service's name
    here = views[slug]
    definition = normalise(fact.data.get("definition") or "")
    if any(re.search(rf"\b{re.escape(n)}\b", definition) for n in here.names if len(n) > 1):
        return slug
    if not _KIND_NOUN.search(definition) and not re.match(r"(?:an?|the)\s|[a-z]+s\s", definition):
        # "Trusted Advisor - Full set of checks + API access" in a support plan's list: what the plan includes of
        # the service, not what the service is
        return slug
    return other


def note_slip(card: CardDraft) -> str | None:
    """The rule a card's words break where they copy a note line's slips, or None."""
    text = f"{card.front} {card.back}"
    notes_words = card.kind not in ("scenario", "author")
    checks = (
        (NOT_ENGLISH, lambda: foreign(card.front) or foreign(card.back)),
        (UNKNOWN_WORD, lambda: notes_words and unknown_word(card.back)),
        (MANGLED_WORD, lambda: notes_words and _MANGLED.search(text)),
        (EXAM_REMARK, lambda: notes_words and _EXAM_REMARK.search(card.back)),
        (STUDY_ADVICE, lambda: notes_words and _STUDY_ADVICE.search(card.back)),
        (SETUP_STEP, lambda: card.kind in ("definition", "use_case") and _SETUP_STEP.match(card.back)),
        (JOINED_FRAGMENTS, lambda: notes_words and _RUN_ON.search(card.back)),
        (SHORTHAND, lambda: notes_words and _SHORTHAND.search(text)),
        (CUT_OFF, lambda: notes_words and _CUT_OFF.search(card.back)),
        (QUIZ_SCORE, lambda: card.kind != "scenario" and _QUIZ_SCORE.search(text)),
    )
    return next((rule for rule, broken in checks if broken()), None)


# Words naming what kind of thing an option is: "Cluster" under placement groups is the cluster placement group
_KIND_WORDS = frozenset(
    "group groups record records instance instances routing policy policies class classes queue queues volume "
    "volumes".split()
)


def option_facts() -> dict[tuple[str, str], tuple[str, str]]:
    """(topic slug, plain option name) -> (the option's name, the question bank's verified sentence about it), for
    every option of quizzes/families.toml that belongs on that topic's page ("Spot Instances" on the purchasing
    options' page), also under its name short of its kind's words ("Spot", "NS") where no other option on the page
    shortens to the same; ("", plain option name) for its full name on any page. The first family to explain an
    option wins."""
    facts: dict[tuple[str, str], tuple[str, str]] = {}
    short: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for family in load_families().values():
        kind = set(words(f"{family.noun} {family.plural}")) | _KIND_WORDS
        for option in family.options.values():
            name = plain_name(option.name)
            rest = " ".join(w for w in name.split() if w not in kind)
            facts.setdefault(("", name), (option.name, option.fact))  # by its full name, on any page
            for slug in {option.topic, family.topic} - {None}:
                facts.setdefault((slug, name), (option.name, option.fact))
                if rest and rest != name:
                    short.setdefault((slug, rest), set()).add((option.name, option.fact))
    for key, found in short.items():
        if len({name for name, _ in found}) == 1 and key not in facts:
            facts[key] = next(iter(found))
    return facts


_SUBJECT_VERB = re.compile(r"^(?P<subject>[^.:;,]{1,80}?)\s+(?:is|are|means)\s+(?P<rest>.+)$", re.S)
_ARTICLES = frozenset({"a", "an", "the", "amazon", "aws"})


def _one(word: str) -> str:
    """A word in the singular, roughly: "addresses" -> "address", "instances" -> "instance", "access" stays."""
    if word.endswith("sses"):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def answer_only(names: tuple[str, ...], text: str) -> str:
    """A reference sentence without its opening subject when that subject is only the name the front asks about:
    "Amazon S3 (Simple Storage Service) is object storage ..." -> "Object storage ...". A back that starts by
    naming its front restates it."""
    found = _SUBJECT_VERB.match(text)
    if not found:
        return text
    said = {_one(w) for w in words(re.sub(r"\([^)]*\)", " ", found["subject"]))} - _ARTICLES
    known = {_one(w) for n in names for w in words(n)}
    if not said or not said <= known:
        return text
    rest = found["rest"]
    return rest[:1].upper() + rest[1:]


def topic_back(entry: CatalogTopic, definition: str) -> str:
    """A reference card's back for a topic: its checked definition past an opening that only names it."""
    return answer_only((entry.name, entry.full_name or "", entry.short or ""), definition)


def option_back(name: str, fact: str) -> str:
    """A reference card's back for a bank option: its checked sentence past an opening that only names it."""
    return answer_only((name,), fact)


@functools.cache
def reference_texts() -> frozenset[str]:
    """Every back a reference card can give (the same functions build them): checked words, not the notes' own."""
    catalog = load_catalog()
    backs = {
        topic_back(entry, statement.text)
        for slug, statement in load_reference().definitions.items()
        if (entry := catalog.topics.get(slug))
    }
    return frozenset(backs | {option_back(name, fact) for name, fact in option_facts().values()})


def _bank_option(options: dict[tuple[str, str], tuple[str, str]], slug: str, term: str) -> tuple[str, str] | None:
    """The bank's option a term names: on its page first (where "Spot" is Spot Instances), then by its full name."""
    for key in ((slug, term), (slug, _one(term)), ("", term), ("", _one(term))):
        if key in options:
            return options[key]
    return None


def reference_card(
    fact: FactView,
    slug: str,
    catalog: Catalog,
    definitions: dict[str, str],
    options: dict[tuple[str, str], tuple[str, str]],
) -> CardDraft | None:
    """The card for a fact where the notes define the page's own topic ("S3: object storage, stores images") or one
    of the options the question bank explains on that page ("Spot: spare capacity, cheap"): "What is Amazon S3?",
    answered in the reference's words (content/summary.toml's definition, or the bank's verified sentence, each
    checked against AWS) rather than the notes' line, which stays its source. Blind graders passed barely half the
    cards whose back was the notes' own definition of a service: a slip, a fragment or the author's one use of it.
    None when the fact defines something the reference does not explain."""
    if fact.kind != "definition":
        return None
    term = plain_name(fact.data.get("term") or "")
    entry = catalog.topics[slug]
    own = {plain_name(n) for n in (entry.name, entry.full_name, entry.short) if n}
    # the topic by its own name: an alias ("Hybrid Cloud" of the deployment models) names a part, which has its own
    if slug in definitions and {term, _MAKER.sub("", term)} & (own | {_MAKER.sub("", n) for n in own}):
        name, back = entry.name, topic_back(entry, definitions[slug])
        one = bool(_MAKER.match(name.lower())) and not entry.parent and not re.search(r"[A-Z]{2,}s$", name)
    elif found := _bank_option(options, slug, term):
        name, back = found[0], option_back(*found)
        one = False
    else:
        return None
    verb = "are" if plural(name) and not one else "is"
    return CardDraft(
        card_key(fact.key, "definition"), "definition", f"What {verb} {name}{_context(name, entry, catalog)}?", back
    )


def _context(name: str, entry: CatalogTopic, catalog: Catalog) -> str:
    """ " (in Amazon DynamoDB)" after a name that does not say what it belongs to ("Global tables", "Failover
    routing"), else "": a card's front must be answerable without the notes open."""
    if _MAKER.match(name.lower()) or name == entry.name:
        return ""
    owner = catalog.topics[entry.parent] if entry.parent else entry
    said = {_MAKER.sub("", n.lower()) for e in (entry, owner) for n in (e.name, e.full_name, e.short) if n}
    if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", name.lower()) for n in said if n):
        return ""
    return f" (in {entry.name})"


def named_cards(fact: FactView, topic: TopicView) -> tuple[list, str | None]:
    """The fact's cards, or none and the name of the rule that turned it away."""
    heard: list[str] = []
    token = turned_away.set(heard)
    try:
        cards = cards_for(fact, topic)
    finally:
        turned_away.reset(token)
    return cards, None if cards else (heard[-1] if heard else UNNAMED)


def build_deck(
    catalog: Catalog,
    facts: dict[str, dict],
    questions: list,
    *,
    hurried: set[str] = frozenset(),
    polish: Callable[[str], str] = lambda text: text,
) -> Deck:
    """Flashcards for every fact, then one scenario card per requirement the notes back.

    `facts` are ingest's fact dicts by fact key (topic, kind, subject, text, data, refs, section_title);
    `questions` its question drafts; `hurried` the labels of the files typed in a hurry (content/services.py's
    hurried()); `polish` respells a card's front and back (the catalog's spelling of service names).
    """
    deck = Deck()
    views = topic_views(catalog)
    order = {slug: i for i, slug in enumerate(catalog.topics)}
    ended_names = [re.escape(n) for e in catalog.topics.values() if e.discontinued for n in e.names]
    ended = re.compile(r"\b(" + "|".join(ended_names) + r")\b", re.I) if ended_names else None
    drafts = deck.cards
    fronts: dict[str, str] = {}
    answers: set[str] = set()
    origin: dict[str, str] = {}  # card key -> the fact that made it
    why: dict[str, str] = {}  # fact key -> the last rule that turned one of its cards away
    owners = name_owners(views)
    definitions = {slug: statement.text for slug, statement in load_reference().definitions.items()}
    options = option_facts()
    ordered = sorted(facts.items(), key=lambda kv: (order[kv[1]["topic"]], kv[1]["refs"][0][2:]))
    # A fact moved to another topic's page comes after that page's own facts: the page's own definition wins.
    homes = {k: home(_view(k, f), f["topic"], views, owners, catalog) for k, f in facts.items()}
    ordered.sort(key=lambda kv: (order[homes[kv[0]]], homes[kv[0]] != kv[1]["topic"], kv[1]["refs"][0][2:]))
    for position, (fact_key, f) in enumerate(ordered):
        if catalog.topics[f["topic"]].discontinued:
            why[fact_key] = ENDED_SERVICE  # never teach a service AWS has ended
            continue
        fact = _view(fact_key, f)
        slug = homes[fact_key]
        cards, rule = named_cards(fact, views[slug])
        own = reference_card(fact, slug, catalog, definitions, options)
        if rule:
            why[fact_key] = rule
        for card in cards:
            if ended and ended.search(card.front + " " + card.back):
                why[fact_key] = TEACHES_ENDED  # a comparison with QLDB teaches nothing
                continue
            if slip := note_slip(card):
                why[fact_key] = slip
                continue
            if own and card.kind == "definition":
                card = own  # the notes' definition of a topic the reference explains: answered in its words
            front_key = duplicate_key(card, slug)
            answer_key = f"{f['refs'][0][0]}:{f['refs'][0][2]}:{card.kind}:{loose(card.back)}"
            if answer_key in answers:
                why[fact_key] = SAME_BLANK  # the same blank on the same line, reached through two facts
                continue
            answers.add(answer_key)
            if front_key in fronts:  # the same question from another fact: one card, all sources
                refs = drafts[fronts[front_key]]["refs"]
                refs.extend(r for r in f["refs"] if r not in refs)
                why[fact_key] = MERGED
                continue
            fronts[front_key] = card.key
            origin[card.key] = fact_key
            drafts[card.key] = {
                "fact": fact_key,
                "topic": slug,
                "kind": card.kind,
                "front": polish(card.front),
                "back": polish(card.back),
                "refs": list(f["refs"]),
                "position": position,
            }
    for key in [
        k for k, d in drafts.items() if d["kind"] in ("definition", "use_case") and {r[0] for r in d["refs"]} <= hurried
    ]:
        del drafts[key]  # only a file typed in a hurry says it
        why[origin[key]] = HURRIED
    carded = {origin[k] for k in drafts}
    deck.considered += len(ordered)
    deck.made += len(carded)
    deck.rejected.update(why[k] for k in facts if k not in carded)
    # Scenario cards come after the fact cards of the deck: basics first, then "which one fits".
    position = len(ordered)
    families = load_families()
    for question in questions:
        deck.considered += 1
        family = families.get(question.family)
        if not (family is None or (family.cards and family.requirement(question.requirement).cards)):
            deck.rejected[SCENARIO_UNWANTED] += 1
            continue
        card = scenario_card(question)
        if card is None:
            deck.rejected[SCENARIO_NO_CARD] += 1
            continue
        if card.key in drafts or loose(card.front) in fronts:
            deck.rejected[SCENARIO_TWICE] += 1
            continue
        fronts[loose(card.front)] = card.key
        refs = []  # the note lines behind every right answer ("Which TWO" has two)
        for choice in (c for c in question.choices if c.correct):
            refs += [r for r in choice.refs if r not in refs]
        drafts[card.key] = {
            "fact": None,
            "topic": question.topic,
            "kind": card.kind,
            "front": card.front,
            "back": card.back,
            "refs": refs,
            "position": position,
        }
        deck.made += 1
        position += 1
    deck.next_position = position
    return deck
