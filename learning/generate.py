"""Flashcards from facts: each fact gets the cards that read well for it, or none.

Plain Python over plain values (no ORM): `cards_for(fact, topic)` returns CardDrafts; ingest upserts them
by key. Quality beats quantity: a card a learner cannot answer from its front alone is worse than no card.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import hashlib
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from content.ingest.facts.text import IMPERATIVE, POINTS_BACK
from content.ingest.facts_check import agreed_figures
from content.ingest.spelling import (
    correct_typos,
    english_words,
    known_or_derived,
    known_word,
    service_name,
    vocabulary,
)

REVERSE_CARDS = False
MAX_FRONT = 220
MAX_BACK = 320
MIN_BACK_WORDS = 3
# A definition says what a thing is in six words or more: over the blind gradings of rounds 17-22, graders passed 12
# of 47 definition cards with a shorter back ("No auth required", "Network organisers", "Governance over accounts"),
# against 78 of 134 with a longer one.
MIN_DEFINITION_WORDS = 6

GENERIC = {
    "use case",
    "use cases",
    "description",
    "cost",
    "pricing",
    "example",
    "note",
    "mnemonic",
    "mnemonics",
    "memory aid",
    "features",
    "benefits",
    "advantages",
    "overview",
    "summary",
    "key features",
    "types",
    "components",
    "options",
    "focus",
    "purpose",
    "goal",
    "goals",
    "key points",
    "objective",
    "objectives",
    "learning objectives",
    # a lab's own sections ("Prerequisites: download the template", "Cleanup: delete the bucket"): steps, not things
    "prerequisite",
    "prerequisites",
    "cleanup",
    "clean up",
    "clean-up",
    "requirements",
    # a field of a record or a form ("Value: IP address or another hostname" under DNS records): a slot, not a thing
    "value",
    "values",
    "name",
    "field",
    "fields",
    "type",
}
# A heading that names a kind of fact, not a thing: "Performance Factors", "Key Considerations", "Limitations"
_KIND_OF_FACTS = re.compile(
    r"^(?:[\w-]+ ){0,2}(?:factors|considerations|limitations|characteristics|properties|details|tips|notes)$"
    r"|^exam\b|\bexam (?:important|tips?|notes?|alert)\b"  # "Exam Important": a note to self about the exam
    # "Four types": a count of the kinds that follow, whose back can only be the first of them
    r"|^(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:main\s+|different\s+|major\s+)?"
    r"(?:types?|kinds?|ways?|categories|classes|flavou?rs|varieties|tiers?|modes?|options?)$",
    re.I,
)
_QUESTION_WORD = re.compile(r"^\W*(?:\[\d+\]\s*)?(?:what|which|who|where|how|why)\b", re.I)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class FactView:
    """What generation needs of a fact (ingest builds these from its fact dicts or rows)."""

    key: str
    kind: str
    subject: str
    text: str
    data: dict
    section: str = ""  # the heading the fact sits under: the context a bare term needs
    lines: int = 1  # how many note lines the fact spans


@dataclass(frozen=True)
class TopicView:
    slug: str
    name: str
    names: frozenset[str]  # normalised name, short name and aliases
    is_service: bool = True  # a top-level catalog entry (not a sub-topic such as "S3 storage classes")
    other_names: frozenset[str] = frozenset()  # every other topic's names: a term naming one is no definition


@dataclass
class CardDraft:
    key: str
    kind: str
    front: str
    back: str


def card_key(fact_key: str, template: str) -> str:
    return hashlib.sha256(f"{fact_key}\x1f{template}".encode()).hexdigest()[:40]


# The names of the rules that turned the current fact away, in the order they spoke (learning/deck.py listens).
turned_away: ContextVar[list[str] | None] = ContextVar("turned_away", default=None)


MANGLED_WORD = "card has a mangled or misspelt word"  # "Gßßuarantee", a term "Limitions": the notes' slip


def misspelt_word(term: str) -> str:
    """A word of a term no dictionary, catalog name or tech word knows, as written or as an inflection or derivation
    of one ("Limitions"), else "": a term is a name to learn, so it is checked word by word."""
    found = re.findall(r"(?<![\w-])[A-Za-z]{4,}(?![\w-])", term)  # (not "CMKs", an acronym in the plural)
    return next((w for w in found if w[1:].islower() and not known_or_derived(w.lower())), "")


def reject(rule: str) -> list[CardDraft]:
    """No card from this fact: the rule says its name, and the ingest report counts it."""
    heard = turned_away.get()
    if heard is not None:
        heard.append(rule)
    return []


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def tidy(text: str) -> str:
    text = _SPACE.sub(" ", text.replace("**", "").replace("`", "")).strip()
    return text.rstrip(" :;,-")


_OBVIOUS = re.compile(r"\((?:name is obvious|obviously)\)", re.I)
_ASIDE = re.compile(r"\s*\((?:name is obvious|obviously|lol|see above|see below|as above)\)", re.I)


def sentence(text: str) -> str:
    text = tidy(_ASIDE.sub("", text))
    if text and text[-1] not in '.?!)”"':
        text += "."
    return text[:1].upper() + text[1:]


def readable(front: str, back: str) -> bool:
    return 8 <= len(front) <= MAX_FRONT and 1 <= len(back) <= MAX_BACK and not ends_cut(front) and not ends_cut(back)


_LAST_WORD = re.compile(r"\b([a-z]{4,})\W*$")


def ends_cut(text: str) -> bool:
    """Whether a text ends in a word cut off mid-way ("... in at least 2 Availability Zones high availab."): a word
    no English word list or catalog name holds, but the start of one that it does."""
    last = _LAST_WORD.search(text)
    return bool(last) and _cut_word(last[1])


@lru_cache(maxsize=4096)
def _cut_word(word: str) -> bool:
    if known_word(word):
        return False
    ordered = _sorted_vocabulary()
    at = bisect.bisect_right(ordered, word)
    return at < len(ordered) and ordered[at].startswith(word) and len(ordered[at]) > len(word)


@lru_cache(maxsize=1)
def _sorted_vocabulary() -> tuple[str, ...]:
    return tuple(sorted(vocabulary()))


def is_acronym(term: str) -> bool:
    letters = term.replace("-", "").replace(" ", "")
    return 2 <= len(letters) <= 6 and letters.isalnum() and letters.upper() == letters and letters.isalpha()


def expands(term: str, definition: str) -> bool:
    """'IAM' / 'Identity and Access Management ...': the definition opens with the spelled-out name."""
    initials = "".join(
        w[0]
        for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", definition)
        if w.lower() not in {"and", "of", "for", "the", "a", "an", "to", "in", "on"}
    )
    return initials.upper().startswith(term.replace(" ", "").replace("-", "").upper())


# Terms that are a feature pitch rather than a thing: "Supports Data Transformation", "Integration with Glue".
# "Option for Detailed Monitoring ($$$)": a remark about a choice, with a price mark, is no term
_OPTION_REMARK = re.compile(r"^\W*(?:an? |the )?options? (?:for|to)\b|\(\s*[^\w\s()]+\s*\)", re.I)
_FEATURE_BLURB = re.compile(
    r"(supports?|support for|integration with|integrates with|provides|allows|enables|offers|uses|works with|"
    r"compatible with|ability to|easy|easily|seamless|highly|fully|built-in|improved|better|enhanced|"
    r"how|why|what|when|where|different|various|multiple|other|key|main|configure|create|set|choose|select|"
    r"launch|attach|define|add|install|run|go|click|open|navigate|enable|disable|check|make|step|non-\w+|"
    r"protection from|protects? against|understand|operates?|know|learn|remember|note|review|recall|explain|"
    r"describe|identify|compare|distinguish|consider|benefits?|advantages?)\b"
    r"|.*\bintegration\b",
    re.I,
)
# Single nouns too broad to define out of context.
_BROAD = {
    "data protection",
    "auditing",
    "logging",
    "encryption",
    "access",
    "compliance",
    "governance",
    "serverless",
    "durability",
    "availability",
    "scalability",
    "elasticity",
    "performance",
    "databases",
    "database",
    "storage",
    "data",
    "objects",
    "services",
    "instances",
    "users",
    "groups",
    "policies",
    "roles",
    "security",
    "pricing",
    "networking",
    "compute",
    "monitoring",
    "backup",
    "backups",
    # benefit and rule labels from slide lists: "High-performance (in NoSQL Databases)" asks for an adjective
    "high-performance",
    "high performance",
    "low latency",
    "naming convention",
    "naming conventions",
}


_SINGULAR_S = {
    "kubernetes",
    "redis",
    "analytics",
    "express",
    "access",
    "aws",
    "lens",
    "status",
    "canvas",
    "atlas",
    "aurora",
    "glacier",
    "sns",
    "sqs",
    "kinesis",
    "iops",
    "dns",
    "tls",
    "https",
    "os",
    "ess",
}


def plural(term: str) -> bool:
    # the head of "X for Y" or "X of Y" is X ("FSx for Windows" is one file system, "Types of instances" several)
    term = re.split(r"\s+(?:for|of|on|with|in)\s+", _PAREN.sub("", term), maxsplit=1)[0] or term
    last = _PAREN.sub("", term).split()[-1] if _PAREN.sub("", term).split() else term
    if re.fullmatch(r"[A-Z]{2,}s", last):
        return True  # "Custom AMIs", "VPCs"
    if last.lower() in _SINGULAR_S:
        return False  # "Kubernetes", "Redis": names that end in s
    low = last.lower()
    singulars = {low[:-1], low[:-2] if low.endswith("es") else "", low[:-3] + "y" if low.endswith("ies") else ""}
    if low in english_words() and not singulars & english_words():
        return False  # "Alias", "Status", "Canvas": English words whose s is their own (not "Policies", "Boxes")
    return (
        len(last) > 3
        and last.lower().endswith("s")
        and not last.lower().endswith(("ss", "us", "is"))
        and not last.isupper()
    )


_PAREN = re.compile(r"\s*\([^)]*\)")


def plain_name(term: str) -> str:
    """'Simple storage service (S3)' -> 'simple storage service'; parentheticals and punctuation dropped."""
    return " ".join(words(_PAREN.sub("", term))) or " ".join(words(term))


def part_of_page_name(term: str, topic: TopicView) -> bool:
    """Whether a term is only some of the words of its page's name ("Well-Architected" of "AWS Well-Architected
    Framework"), not the name itself or one of its aliases."""
    said = " ".join(words(plain_name(term)))
    if len(said.split()) < 2 or said in topic.names:  # (one word, "Secrets" or "DDoS", is a thing of its own)
        return False
    holding = [
        full
        for name in topic.names
        if (full := " ".join(w for w in name.split() if w not in ("amazon", "aws"))) != said
        and len(said) >= 4
        and re.search(rf"(?:^| ){re.escape(said)}(?: |$)", full)
    ]
    # a modifier of a name: without the name's last word, the thing it names ("Reserved Instances" of "EC2 Reserved
    # Instances" is that thing); read over every name the term sits in, since the names are a set with no order
    # ("On-Demand" is the head of "EC2 On-Demand" and a modifier in "EC2 On-Demand Instances": the thing itself)
    return bool(holding) and not any(said.endswith(full.split()[-1]) for full in holding)


def names_topic(term: str, topic: TopicView) -> bool:
    return plain_name(term) in topic.names or " ".join(words(term)) in topic.names


def names_other_topic(term: str, topic: TopicView) -> bool:
    """Whether a term is another topic's name, or a feature named after another service ("S3 Cross Region
    Replication" on CloudFront's page): its page is elsewhere."""
    if names_topic(term, topic):
        return False
    plain = plain_name(term)
    if plain in topic.other_names or " ".join(words(term)) in topic.other_names:
        return True
    first = plain.split(" ", 1)
    own = {w for n in topic.names for w in n.split()}
    # a short service name first ("s3", "ec2", "iam"): a longer first word may be a common one ("batch")
    return len(first) == 2 and len(first[0]) <= 4 and first[0] in topic.other_names and first[0] not in own


def another_topics_heading(term: str, section: str, topic: TopicView) -> bool:
    """Whether the term is the heading the fact sits under and that heading names other topics only, none of them
    this page's own or a part or parent of it."""
    from content.catalog import load_catalog

    if not section or plain_name(term) != plain_name(section):
        return False
    catalog = load_catalog()
    found = catalog.find(term)
    return bool(found) and not any(
        slug == topic.slug or catalog.is_ancestor(slug, topic.slug) or catalog.is_ancestor(topic.slug, slug)
        for slug in found
    )


def spelled_out(term: str, definition: str) -> str | None:
    """'Virtual Private Cloud lets you launch ...' -> 'Virtual Private Cloud': the capitalised words that spell
    the acronym, when a sentence about the thing follows them (the back of "What does VPC stand for?")."""
    letters = term.replace(" ", "").replace("-", "").upper()
    taken: list[str] = []
    initials = ""
    for word in definition.split():
        bare = word.strip(",.;:")
        if bare.lower() in {"and", "of", "for", "the", "to"} and taken:
            taken.append(bare)
            continue
        if not bare[:1].isupper():
            return None
        taken.append(bare)
        initials += bare[0].upper()
        if initials == letters:
            return " ".join(taken) if len(taken) < len(definition.split()) else None
        if not letters.startswith(initials):
            return None
    return None


def is_expansion(term: str, definition: str) -> bool:
    """Whether a definition is only what an acronym stands for ("SaaS" / "Software as a Service", "MFA" /
    "Multi-factor authentication"): the capitals of the term, in order, are the initials of every word."""
    letters = re.sub(r"[^A-Za-z]", "", _PAREN.sub("", term))
    said = re.findall(r"[A-Za-z]+", definition.rstrip(". "))
    if not (2 <= len(letters) <= 6) or len(said) > 6 or sum(c.isupper() for c in letters) < 2:
        return False
    initials = "".join(w[0] for w in said).lower()
    capitals = "".join(c for c in letters if c.isupper()).lower()
    if initials in (letters.lower(), capitals) or "".join(w[0] for w in said if w[0].isupper()).lower() == capitals:
        return True
    # a letter from inside a word ("MX" / "mail exchange"): the term's letters in order, the first opening the words,
    # one word at most per letter
    rest = iter("".join(said).lower())
    return len(said) <= len(letters) and initials[:1] == letters[:1].lower() and all(c in rest for c in letters.lower())


def stands_for(term: str, definition: str) -> bool:
    """'QLDB' / 'Quantum Ledger Database': a short, capitalised expansion of an acronym."""
    if not is_acronym(term):
        return False
    parts = re.findall(r"[A-Za-z][A-Za-z0-9]*", definition.rstrip("."))
    if not 2 <= len(parts) <= 7 or not all(
        p[0].isupper() or p.lower() in {"and", "of", "for", "the", "to"} for p in parts
    ):
        return False
    return parts[0][0].upper() == term[0].upper()


_HEADING_NOISE = re.compile(r"\b(section|summary|overview|notes?|recap|cont\.?|continued)\b", re.I)


def _bare(name: str) -> str:
    return re.sub(r"^(?:amazon|aws) ", "", plain_name(name))


def misspells(term: str, name: str) -> bool:
    """'Amazon Elastc Beanstalk' for AWS Elastic Beanstalk: the name with a letter or two wrong (not a near name
    such as ECS for EC2: short names must match exactly)."""
    a, b = _bare(term), _bare(name)
    return a != b and len(b) >= 8 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def acronym_setting(term: str, topic: TopicView, section: str = "") -> str:
    """Where an acronym no AWS name spells belongs ("What does NS stand for (in Amazon Route 53)?": a DNS record
    type, not a network's name server); an AWS name's acronym ("IAM", "VPC") needs none."""
    from content.catalog import load_catalog

    catalog = load_catalog()
    if (slug := catalog.lookup(term)) and _own_acronym(term, catalog.topics[slug]):
        return ""
    return in_context(term, topic, section)


def _own_acronym(term: str, entry) -> bool:
    """Whether an acronym is how the service itself is named ("EC2" in "Amazon EC2", IAM, VPC), not an alias for one
    of its features ("CRR" and "SRR" for S3's replication: "What does CRR stand for?" needs its setting)."""
    names = (entry.name, entry.short, entry.full_name)
    return any(term.lower() in words((n or "").lower()) for n in names)


def in_context(term: str, topic: TopicView, section: str = "") -> str:
    """'What is exactly-once processing?' needs its setting: the heading it sits under (FIFO queues), or the topic."""
    own = {" ".join(words(n)) for n in (topic.name, topic.slug.replace("-", " "))}
    own |= {re.sub(r"^(?:amazon|aws) ", "", n) for n in own}  # "Systems Manager Parameter Store" is its page
    if (
        plain_name(term) in own
        or " ".join(words(term)) in own
        or topic.name.lower() in term.lower()
        or re.sub(r"^(?:amazon|aws) ", "", plain_name(term)) in own
        or (plain_name(term) in topic.names and plain_name(term) in _official())  # its full official name
    ):
        return ""
    if names_topic(term, topic):
        return f" (in {topic.name})"  # an alias ("Hard Disk Drive") still needs its page named
    heading = tidy(_HEADING_NOISE.sub("", _PAREN.sub("", section))).strip(" -–:")
    if re.match(r"(?i)(?:a )?list of\b", heading) or _COURSE_TITLE.search(heading):
        heading = ""  # "List of Amazon Web Services", "AWS Cloud Practitioner": a file's title, no setting
    if heading.isupper():  # "STORAGE SERVICES" reads "Storage Services"; "EC2", "EBS" stay acronyms
        heading = " ".join(w.title() if len(w) >= 4 and w.isalpha() else w for w in heading.split())
    heading_stems = {stem(w) for w in words(heading)}
    term_stems = {stem(w) for w in words(term)}
    if heading_stems and heading_stems <= term_stems:
        # "Security Group in Amazon EC2" under "Security Groups": the term says it already; a bare "Service"
        # under "Service" still needs its page ("What is Service?" could be anything).
        topic_stems = {stem(w) for n in topic.names for w in n.split() if w not in _STOP}
        topic_stems -= {stem(w) for w in _part_words(topic.slug)}  # "People Perspective" does not name the CAF
        name_stems = {stem(w) for w in words(topic.name) if w not in _STOP}
        full = {stem(w) for w in words(_full_name(topic.slug)) if w not in _STOP}  # "Simple Queue Service" is SQS
        if (distinct := name_stems - heading_stems) and not term_stems - {stem(w) for w in _STOP} <= name_stems | full:
            # the words of its name the heading does not share: "Latency Routing Policy" under "Routing Policies"
            # names no Route 53, though "latency routing" is an alias of the routing policies' page
            topic_stems = distinct | {stem(n) for n in topic.names if " " not in n}
        return "" if len(words(term)) > 1 and topic_stems & term_stems else f" (in {topic.name})"
    if (
        len(heading.strip()) > 2  # not a glossary's letter ("D") or a number
        and heading.lower() not in GENERIC
        and len(words(heading)) <= 5
        and not _FEATURE_BLURB.match(heading)
        and plain_name(heading) != plain_name(term)
    ):
        if names_topic(heading, topic) or any(n in plain_name(heading) for n in topic.names if len(n) > 2):
            rest = plain_name(heading)
            own = {n for n in topic.names if " " not in n or n in _official()}  # not aliases such as "redshift cluster"
            own |= {re.sub(r"^(amazon|aws) ", "", n) for n in own}
            for name in sorted(own, key=len, reverse=True):
                rest = re.sub(rf"\b{re.escape(name)}s?\b", " ", rest)
            if not [w for w in rest.split() if w not in _STOP]:
                return f" (in {topic.name})"  # "S3: Simple Storage Services", "Ec2": the page by its own name
            lead = re.sub(r"^(?:amazon|aws) ", "", plain_name(topic.name)).split()[:1]
            if lead and lead[0] not in plain_name(heading).split():
                return f" (in {topic.name})"  # "Instance Family" names EC2's instance types by an alias: say EC2
            return f" (in {heading})"
        if _names_another_topic(heading, topic):
            # "(in EC2 Purchasing Options: EC2)" repeats the page's parent; "(in Amazon EFS: EC2)" names another
            # service than the page's (a section that held both): the page's own name is the setting
            return f" (in {topic.name})"
        return f" (in {topic.name}: {heading})"
    return f" (in {topic.name})"


def _catalog_slug(name: str) -> str | None:
    from content.catalog import load_catalog

    return load_catalog().lookup(name)


def _full_name(slug: str) -> str:
    from content.catalog import load_catalog

    entry = load_catalog().topics.get(slug)
    return (entry.full_name or "") if entry else ""


def _names_another_topic(heading: str, topic: TopicView) -> bool:
    from content.catalog import load_catalog

    slug = load_catalog().lookup(heading)
    return bool(slug) and slug != topic.slug


# Headings that label an aspect of something rather than name a concept: "Security Group Scope", "Programming
# Language Support", "Maximum Capacity", or a token of a naming scheme ("Medium", "Generation").
_NOT_A_CONCEPT = re.compile(
    r"\b(scope|support|convention|behaviou?r|considerations?|limits?|limitations?|characteristics?|properties|"
    r"settings?|details?|basics?|concepts?|structure)$"
    r"|^(maximum|minimum|desired|default|max|min)\b"
    r"|^(generation|size|medium|large|small|family|prefix|suffix|name|type|version|series|capacity)$"
    r"|^(?:aws|amazon)\s+services?$|^services?$|\blabs?$"  # "AWS Service" under API Gateway, "EC2 Labs": no concept
    r"|\bdemos?$|^(?:scenes?|scenarios?|history)$",  # "DynamoDB Demo", "Scenes": a lab's or a story's heading
    re.I,
)
# Absolute claims that exam notes simplify and AWS has since relaxed ("attached to one instance at a time":
# io1/io2 Multi-Attach): a definition built on one teaches something AWS says is not so.
_ABSOLUTE = re.compile(
    r"\b(?:one \w+(?: \w+)? at a time|only one|always|never|cannot|can ?not|can't|"
    r"at most one|no more than one|unlimited)\b",
    re.I,
)


# Internal architecture the Cloud Practitioner exam does not ask about.
_INTERNALS = re.compile(
    r"\b(?:leader node|compute nodes?|core nodes?|task nodes?|master nodes?|primary node|"
    r"node slices?|slices?|shards?|partition keys?|L\d constructs?|constructs?|hyperledger|"
    r"ethereum|size modifier|naming convention|polic(?:y|ies) structure|EMRFS|"
    r"EMR File System)\b",
    re.I,
)
# A back that tells the learner to do something ("Implement Elasticity for your application", "Run instances across
# multi AZ") is advice from a slide, not what the term is.
_IMPERATIVE = re.compile(
    r"^(?:implement|use|enable|disable|turn (?:on|off)|configure|set up|ensure|make sure|avoid|do|don[’']?t|never|"
    r"host|store|know|understand|learn|remember|review|memori[sz]e|study)\b",  # (a study tip: "Know the options of X")
    re.I,
)


def instruction(text: str) -> bool:
    """Whether text opens with a verb telling someone to do something ("Automate routine tasks", "Invoke APIs for
    one part of an application"), not with a noun that looks like one ("Set of rules", "Copy of the data",
    "Open-source engine")."""
    first, _, rest = tidy(text).partition(" ")
    first = first.rstrip(",;")  # "Build, train, and deploy models"
    if not first.isalpha() or not first[:1].isupper() or not rest:
        return False
    following = rest.split(" ", 1)[0].lower().strip(",.:;")
    return first.lower() in IMPERATIVE and following not in _NOUN_AFTER


_NOUN_AFTER = frozenset("of on for that which is are was were".split())
# A line that gives the situation the term is for ("You want to run AWS on premises"), not what it is.
_SITUATION = re.compile(
    r"^(?:you|the customer|a customer|customers)\s+(?:want|wants|need|needs|have|has)\s+to\b|^when\s+you\b", re.I
)
# "provided by Amazon Web Services (AWS)": a provider aside that every AWS definition could carry.
_PROVIDER = re.compile(
    r",?\s*(?:provided|offered) by (?:Amazon Web Services|AWS)(?: \((?:AWS|Amazon Web Services)\))?", re.I
)
_WHO_MADE = re.compile(r"^(?:created|made|built|maintained|published|provided|developed)\b", re.I)


# A label that opens with a participle and a preposition is a predicate ("Defined at region level", "Billed per
# second", "Stored across three AZs"); a name opens with one and a noun ("Reserved Instances", "Provisioned IOPS").
# A term that is a task ("Securing the root user", "Managing your keys"), not the name of a thing ("Load balancing").
_TASK_TERM = re.compile(
    r"^[A-Za-z]+ing\s+(?:(?:the|a|an|your|its|their|our|all|each)\b|\S+\s+(?:to|into|onto|for|from|with)\s)", re.I
)  # (and "Adding AWS to existing environments")
_TASK_VERBS = frozenset("provide grant assign secure activate lock rotate".split())  # beyond the imperatives
# A back that points at what follows it ("The following actions ...", "These are the options:").
_POINTS_TO_LIST = re.compile(r"^(?:the following|following|these|below|here are|as follows)\b", re.I)
_PREDICATE_TERM = re.compile(
    r"^[A-Za-z]+(?:ed|en)\s+(?:at|in|on|by|per|to|for|with|from|across|within|into|as|over|under|between|"
    r"through|via|after|before|only|automatically|separately)\b",
    re.I,
)

# A verb inside a label: a sentence, not a name ("Access keys consist of two parts", "Buckets are private").
_SENTENCE_TERM = re.compile(
    r"\b(?:is|are|was|were|consists?|contains?|has|have|can|cannot|must|should|will)\b"
    r"|\b(?:supports|allows|provides|offers|enables|requires|includes?)$"  # "ALB supports: EC2, ECS, Lambda"
    r"|\b(?:similar (?:as|to)|same as|compared (?:to|with))\b",  # "VPN CloudHub similar as AWS TransitGateway"
    re.I,
)

# A back cut off before what it goes on to ("...short-term projects where.", "transactional workloads e.g.")
_ENDS_MID_SENTENCE = re.compile(
    r"\b(?:where|which|that|and|or|the|a|an|of|to|with|for|such as|like|including)\W*$|\b(?:e\.g|i\.e)\W*$"
    r"|\b(?:for example|for instance)\W*$",  # ("... cost reductions, etc. For example.")
    re.I,
)

# A label that describes rather than names ("A ready-made copy of a server"): an article, then two lowercase words.
_DESCRIBED_TERM = re.compile(r"(?i:an?|the)\s+[a-z][\w-]*\s+[a-z]")


def _catalog_names(term: str) -> bool:
    """Whether a term holds a catalog name ("The AWS Pricing Calculator" is a name with its article)."""
    from content.catalog import load_catalog  # noqa: PLC0415

    return bool(load_catalog().find(term))


# A label cut off before its object ("Access to: all features of the lower plans", "Used for: ..."): no name.
_OPEN_ENDED_TERM = re.compile(r"\b(?:to|of|for|with|in|on|at|by|from|into|and|or|the|a|an)$", re.I)


# A back that opens with a bound is a limit, not what the term is ("≥ 500 MiB/s for st1", "Up to 16 TiB").
_LIMIT_OPEN = re.compile(r"(?:up to|upto|max|min|\d|[≥≤<>~≈±+]|at (?:least|most)\b)", re.I)


# An aside in the term that holds an answer ("Savings Plans (1 & 3 years)"); a name in brackets ("(Amazon S3)",
# "(EC2)", "(ST1)") is the term's own short name, not an aside.
_ASIDE_IN_TERM = re.compile(r"\((?!(?:Amazon |AWS )?[A-Za-z]*\d[A-Za-z0-9]*\))[^)]*\d[^)]*\)")


_WHOSE_JOB = re.compile(
    r"^(?:the |a )?(?:(?:sole |shared )?responsibility of|(?:customer|aws|amazon)['’]?s? (?:sole )?job)\b"
    r"|^(?:aws|amazon) (?:manage[sd]?|handle[sd]?|takes? care of|took care of)\b",  # "AWS managed the compute"
    re.I,
)
_ANOTHER_TERM = re.compile(r"^[A-Z][^.:]{1,80}?\s(?:--|–|—)\s")
# "An easy and convenient way to use Spot Pricing": a sales line about one benefit, not what the thing is.
_EASY_WAY = re.compile(r"^(?:an? )?(?:easy|simple|convenient|quick|great|cheap)(?: and \w+)? way to\b", re.I)
_ONLY_A_FEE = re.compile(r"\b(?:fee|fees|charge|charges|cost|costs)\W*$", re.I)


# A back that opens with a property ("Compatible with Linux based AMI", "Available in all Regions", "Billed per
# second"): a trait of the term, not what it is.
_PROPERTY_OPEN = re.compile(
    r"^(?:compatible|available|supported|limited|billed|charged|priced|accessible|restricted)\s+"
    r"(?:with|in|on|by|to|for|per|across|only|from)\b",
    re.I,
)
# A back that opens by comparing ("More restrictive than VPC", "Cheaper than Standard", "Less durable than ...").
_COMPARES_OPEN = re.compile(r"^(?:(?:more|less)\s+[\w-]+|[a-z]+er)\s+than\b", re.I)
# A back that is a default state ("Enabled by default", "Disabled by default (...)", "Off by default").
_DEFAULT_STATE = re.compile(
    r"^(?:enabled|disabled|on|off|turned (?:on|off)|not enabled|active|inactive)\s+by default\b", re.I
)
# A back that opens with what the term improves ("Simplifies the network topology", "Reduces latency for ..."): a
# benefit, which holds of many things.
_BENEFIT_OPEN = re.compile(
    r"^(?:simplif(?:y|ies)|reduces?|improves?|increases?|enhances?|boosts?|lowers|speeds? up|saves?|minimi[sz]es?)\s",
    re.I,
)
_BY_DOING = re.compile(r"\bby\s+\w+ing\b", re.I)
# A back that is one figure of the term: a verb, a few words and a bound ("Supports network speeds of up to 100 Gbps").
_SPEC_OPEN = re.compile(
    r"^(?:supports?|provides?|offers?|delivers?|gives?|allows?)\s+(?:[\w-]+\s+){0,4}?(?:of\s+)?"
    r"(?:up ?to|upto|max(?:imum)?(?: of)?|at most)\s+\d",
    re.I,
)
# A back whose sentence names its own subject before its verb ("Delay Queue allows ...", "EBS Provisioned IOPS SSD
# provides ..."): title-case words, then a verb that says what the subject does.
_OWN_SUBJECT = re.compile(
    r"^([A-Z0-9][\w/&.-]*(?:\s+(?:(?:of|for|and)\s+)?[A-Z0-9][\w/&.-]*)*?)\s+"
    r"(?:allows?|lets?|provides?|enables?|gives?|offers?|supports?|helps?|makes?|is|are|can|will|has|have|keeps?|"
    r"stores?|sends?|runs?|uses?)\b"
)
_PRONOUN = frozenset("it this they these that you we users customers aws amazon".split())


def another_subject(term: str, definition: str, topic: TopicView) -> bool:
    """The back's sentence is about a thing the front does not name: its subject has a word that is neither the
    term's nor the page's ("Delay Queue" for SQS, "Provisioned IOPS SSD" for EBS). "It is ...", "S3 is ..." and
    "Spot Instance lets ..." (the term in the singular) are about the term."""
    match = _OWN_SUBJECT.match(definition)
    if not match or match[1].lower() in _PRONOUN or expands(_PAREN.sub("", term).strip(), match[1]):
        return False  # "VPC": "Virtual Private Cloud lets you ..." is the term spelled out
    if " " not in match[1] and match[1].lower() in english_words() and not match[1].isupper():
        return False  # "Services are available over the internet": a sentence's common noun, no named thing
    own = {stem(w) for w in words(term)} | {stem(w) for name in topic.names for w in words(name)}
    subject = {stem(w) for w in words(match[1]) if w not in _STOP}
    return bool(subject - own)


def fragment(text: str) -> bool:
    """A back that is no sentence of its own: it opens with who made the thing ("Created by users..."), or a
    participle joined to a verb with no subject ("Created and maintained by AWS and are the most common...")."""
    return bool(_WHO_MADE.match(text) or re.match(r"^\w+ed\b[^.]*\band (?:are|is)\b", text, re.I))


def echoed_acronym(text: str) -> bool:
    """'IAM identity access management': an acronym followed by its own spelled-out words, a slide's garble."""
    for m in re.finditer(r"\b([A-Z]{2,5})\s+((?:[a-z]+\s+){1,5}[a-z]+)", text):
        initials = "".join(w[0] for w in m[2].split() if w not in {"and", "of", "the", "for"})
        if initials.upper()[: len(m[1])] == m[1]:
            return True
    return False


# A word of a back that says a term's word again in other words: "Custom metrics" / "push your own metrics".
_SAME_AS = {"own": "custom", "yourself": "custom"}


def restates(term: str, back: str, topic: TopicView) -> bool:
    """Half or more of the term's own words (by stem) come back in the answer: the back restates its question
    ("Same-Region Replication" / "replicates data within the same region"). Only the topic's own name is set
    aside, not its aliases, which often are the very sub-features a card asks about."""
    topic_words = {stem(w) for w in words(topic.name)}
    term_words = {stem(w) for w in words(_PAREN.sub("", term)) if w not in _STOP and len(w) > 2} - topic_words
    term_words -= {stem("service"), stem("services")}  # "Simple Queue Service" / "message queuing service"
    back_words = {stem(_SAME_AS.get(w.lower(), w)) for w in words(_PAREN.sub("", back)) if w not in _STOP}
    # One distinctive word coming back is ordinary ("Platform as a Service" / "provides a platform..."); most of a
    # longer name coming back is the name paraphrased.
    return len(term_words) >= 2 and len(term_words & back_words) * 2 > len(term_words)


_STATUS = re.compile(r"(?:no longer|not (?:yet )?available|deprecated|retired|discontinued|being retired)\b", re.I)
_DEFINING_VERB = re.compile(
    r"\b(?:is|are|was|were|be|can|will|lets?|allows?|enables?|provides?|offers?|gives?|makes?|keeps?|stores?|runs?|"
    r"copies|copy|replicates?|moves?|sends?|uses?|used|helps?|protects?|monitors?|manages?|creates?|connects?|"
    r"delivers?|scales?|collects?|records?|tracks?|holds?|serves?|hosts?|caches?|routes?|distributes?|means?|"
    r"refers?|consists?|contains?|includes?|supports?|automates?|analy[sz]es?|encrypts?|detects?|[a-z]+ed|[a-z]+ing)\b",
    re.I,
)


def uses_list(definition: str) -> bool:
    """ "Compliance, lower latency, replication across accounts": short noun phrases, no verb; uses, not a
    definition (a child bullet under a term lists what it is for)."""
    parts = [p for p in re.split(r"\s*[,;]\s*", definition.rstrip(". ")) if p]
    return len(parts) >= 2 and all(len(words(p)) <= 7 for p in parts) and not _DEFINING_VERB.search(definition)


# A quiz's answer or explanation label: "Correct answer", "Answer", "My answer", "Explanation".
_ANSWER_LABEL = re.compile(r"^\W*(?:(?:correct|right|my|the|wrong)\s+)?(?:answers?|explanations?)\W*$", re.I)
# A quiz's scaffolding around its options: "Explanation for other options", "Why the wrong answers are wrong".
_QUIZ_SCAFFOLD = re.compile(
    r"\b(?:other|wrong|incorrect|remaining)\s+(?:options?|answers?|choices?)\b|^\W*explanations?\b"
    r"|^\W*(?:what is |what are )?\(?[A-H]\)\s",  # "A) Amazon CloudFront": a quiz's lettered option as a term
    re.I,
)
# A rule of thumb instead of what the term is: "The less flexible the offering the greater the savings"
_RULE_OF_THUMB = re.compile(
    r"^(?:the )?(?:more|less|longer|shorter|greater|higher|lower|bigger)\b"
    r".*\bthe (?:more|less|greater|higher|lower|bigger|better)\b",
    re.I,
)
# How it is protected or reached, not what it is: "Protected by access keys", "Accessed through the console"
_ONLY_HOW = re.compile(
    r"^(?:protected|secured|accessed|reached|used|authenticated|billed|charged) (?:by|with|through|via)\b", re.I
)
# The note-taker unsure of the line ("like a bucket name or something", "i think", "kinda"): no answer to learn
_HEDGE = re.compile(
    r"\bor something\b|\bsomething like\b|\bi think\b|\bnot sure\b|\bkinda\b|\bsort of\b"
    r"|\bhas to do with\b|\bsomething called\b"  # "Has to do with DNS", "Is something called serverless"
    r"|^one of the most (?:popular|used|common|famous|important)\b",  # "One of the most popular AWS services"
    re.I,
)
# "Simply an alternative to using the CLI": what the term can stand in for, not what it is
_ONLY_COMPARES = re.compile(
    r"^(?:simply |just |basically )?(?:an? )?(?:alternative|replacement|substitute) (?:to|for)\b", re.I
)
# A back that only lists examples ("Includes options like the AWS CLI and AWS SDKs") or tells the old way first
# ("In a traditional environment, decisions are static ..."): not what the term is
# Where a service lives, or what it is not, instead of what it is: "Regional by default (can include global
# events)", "Storage, not an application hosting platform" (a wrong option's remark in a practice question)
_SCOPE_ONLY = re.compile(
    r"^(?:regional|global|zonal|az[- ]specific|region[- ]specific|account[- ]level)\b"
    r"|^(?:at|on) (?:the )?(?:instance|subnets?|vpc|account|region|az|resource|network interface)s? level\W*$",
    re.I,
)  # (or only the level it works at: "At instance level.", "At Subnets level.")
_NOT_THAT = re.compile(r"^[^.,]{1,40},\s*not (?:an?|the)?\s*[^.,]{1,60}\.?$", re.I)
_EXAMPLES_ONLY = re.compile(r"^(?:includes?|including|such as|e\.g\.|for example|examples?:)\s", re.I)
# a back that says what the term is like, where it is used or how it works, not what it is ("Similar to latency-based
# routing only ...", "Essentially the same thing, but ...", "Where individual AZ's would be overkill", "At the AZ level,
# you're protected ...", "Works via a buildspec.yml ..."); not "Essentially a managed Kafka cluster" nor a place's
# "Where CloudFront caches copies of your content": over the blind gradings before round 33, 6 of 16 passed
_DEFINED_BY_ANOTHER = re.compile(
    r"^\W*(?:similar to|same as|essentially (?:the same|like|similar)\b|just like|like\b|unlike\b"
    r"|where (?:individual|you|we|your|one|it)\b|at the\b|from the\b|works? (?:via|with|by)\b)",
    re.I,
)
_OLD_WAY = re.compile(
    r"^(?:in a traditional|traditionally|in the past|before the cloud|in legacy|on[- ]premises,)", re.I
)
# A practice question's lettered option ("e) 5 Years", "(B) 99.9%"): one of the choices, not a fact
_LETTERED_OPTION = re.compile(r"(?:^|[-–—:]\s)\(?[a-hA-H][.)]\s")
# A study file's own labels: a numbered question ("Question 54", "Q12") or a study aid ("Exam Traps", "Memory
# Trick", "Exam tips"). Asked as "What is Question 54?" the card means nothing without the notes open.
_STUDY_LABEL = re.compile(
    r"^\W*(?:(?:practice\s+)?questions?|q|item|problem|exercise)\s*#?\s*\d+\W*$"
    r"|\b(?:traps?|tricks?|tips?|takeaways?|gotchas?|hints?|reminders?|to remember)\W*$"
    r"|^\W*exam\s+(?:tips?|notes?|hints?|traps?)\b"  # "Exam Tips RDS": the aid first, then what it is for
    r"|^\W*notes?\s+(?:on|about|for)\b"  # "/!\ Note on SG": the author's aside about a thing, not a term
    r"|^\W*(?:metaphors?|analog(?:y|ies)|mnemonics?|memory aids?|think of it as|eli5|in plain (?:words|english))\W*$",
    re.I,
)
# a lesson's level after the thing it teaches: "Athena 101", "S3 Fundamentals", "DynamoDB Deep Dive" ("Basics" is
# no concept: _NOT_A_CONCEPT)
_COURSE_LEVEL = re.compile(r"\s+(?:101|fundamentals|essentials|deep[- ]dive|in[- ]depth|intro(?:duction)?)\W*$", re.I)
A_QUALITY = "term is a quality, not a thing to use"
POINTS_BACK_RULE = "definition only points at the line above"
# A term that ends in an adjective or a quality's noun ("Traditional", "Provisioning flexibility", "Elasticness")
_QUALITY = re.compile(r"(?:al|ive|ous|ible|able|ity|ness)$")

# The exam or course the notes are for, often a file's title, or a practice test's label: no term and no setting of
# one ("AWS Cloud Practitioner", "CLF‑C02 Survival Guide" with any dash, "Practice Questions and Answers", "Cheat
# sheet", "Correct option: 4")
_COURSE_TITLE = re.compile(
    r"\b(?:cloud practitioner|clf\W?c0\d|(?:practice|sample|exam|mock) (?:questions?|tests?|exams?)"
    r"|cheat ?sheet|(?:study|survival|exam) guide|brain ?dump|correct (?:option|answer))\b",
    re.I,
)


def catalog_expansion(acronym: str, expansion: str) -> str | None:
    """What an acronym the catalog knows stands for, in the catalog's words, when the note spells it otherwise
    ("ASG" / "Automatic Scaling Groups" -> "Auto Scaling Group"); None when the note's words are the catalog's own
    (plural or case aside) or the catalog has no name the acronym's letters spell."""
    from content.catalog import load_catalog

    catalog = load_catalog()
    entry = catalog.topics.get(catalog.lookup(acronym) or "")
    if entry is None:
        return None
    names = [n for n in (entry.name, entry.full_name, *entry.aliases) if n]
    names = [re.sub(r"^(?:Amazon|AWS)\s+", "", re.sub(r"\s*\([^)]*\)", "", n)) for n in names]
    spelled = [n for n in names if expands(acronym, n) and len(n.split()) > 1]

    def letters(name: str) -> str:  # "Elastic MapReduce" and "Elastic Map Reduce" alike, a plural aside
        return re.sub(r"[^a-z0-9]", "", name.lower()).removesuffix("s")

    if not spelled or any(letters(n) == letters(expansion) for n in spelled):
        return None
    best = spelled[0]  # the name or full name before an alias, which the catalog writes in lower case
    return best if any(c.isupper() for c in best) else best.title()


def _part_words(slug: str) -> tuple[str, ...]:
    """What the course calls one member of a topic's own list ("perspective" for the CAF's)."""
    from content.catalog import load_catalog

    entry = load_catalog().topics.get(slug)
    return entry.part_words if entry else ()


# An acronym in brackets left at the start of a definition by the term split: "(SCP) allows ...".
_LEFT_ACRONYM = re.compile(r"^\s*\(\s*([A-Z][A-Za-z0-9&]{1,7})\s*\)\s*[-:–—,]?\s*")


def take_acronym(term: str, definition: str) -> tuple[str, str]:
    """'Service Control Policy' + '(SCP) allows ...': the acronym belongs to the term, never to the back."""
    if acronym := _LEFT_ACRONYM.match(definition):
        if acronym[1] not in term:
            term = f"{term} ({acronym[1]})"
        definition = definition[acronym.end() :]
    return term, definition


# The author's verdict closing a definition ("Collection of IAM users. Pretty straightforward."): no part of the answer.
_AUTHORS_VERDICT = re.compile(
    r"(?<=[.!?])\s+(?:(?:pretty|very|quite|fairly|really|super|simple and)\s+)?"
    r"(?:straightforward|simple|easy|obvious|self[- ]explanatory|intuitive|cool|nice|neat)[.!]*$",
    re.I,
)


def definition_cards(fact: FactView, topic: TopicView) -> list[CardDraft]:
    term = tidy(fact.data.get("term") or fact.subject)
    definition = _AUTHORS_VERDICT.sub("", tidy(_PROVIDER.sub("", fact.data.get("definition") or "")))
    if (
        not term
        or term.lower() in GENERIC
        or term.lower() in _BROAD
        or _FEATURE_BLURB.match(term)
        or _OPTION_REMARK.search(term)
        or _KIND_OF_FACTS.search(term)
    ):
        return reject("term is a generic label")
    if _STUDY_LABEL.search(term):
        return reject("term is a study label")
    if POINTS_BACK.match(definition):
        return reject(POINTS_BACK_RULE)  # "EKS: Similar thing but with different tooling": no answer on its own
    if _COURSE_TITLE.search(term):
        return reject("term is the course's title")  # "AWS Cloud Practitioner" over the notes' first fact
    if (path := re.match(r"(.+?\w): \w", term)) and not is_acronym(path.group(1)):
        # "Edge Networking: The Big Picture": a course's section title ("ENI: Elastic Network Interface" is a
        # name and what its letters stand for)
        return reject("term is a heading path")
    if _QUIZ_SCAFFOLD.search(term):
        return reject("term is an answer label")  # "Explanation for other options": a quiz's scaffolding
    if part_of_page_name(term, topic):
        # "Well-Architected" on the Well-Architected Framework's page: a piece of the page's name, lifted from a
        # comparison ("Well-Architected: focuses on how to build"), asks nothing a learner can answer
        return reject("term is part of the page's name")
    if _ANSWER_LABEL.match(term):
        # "Correct answer: B. ...": a quiz's answer line, not a term ("What is Correct answer?")
        return reject("term is an answer label")
    term, definition = take_acronym(term, definition)
    if (lesson := _COURSE_LEVEL.sub("", term)) and _catalog_slug(lesson) == topic.slug:
        term = lesson  # "Athena 101" on Athena's page: the course's first lesson on it
    if _NOT_A_CONCEPT.search(_PAREN.sub("", term).strip()):
        # an aspect or a naming token, not a concept: its card restates the heading
        return reject("heading is not a concept")
    if _ANOTHER_TERM.match(definition):
        # "AWS Virtual Private Network (VPN) -- A secure connection ...": another term's line, read as the
        # definition of the heading above it
        return reject("definition is another term's line")
    if _ONLY_HOW.match(definition):
        return reject("definition says how it is reached")  # "AWS CLI: protected by access keys"
    if _WHOSE_JOB.match(definition) or _ONLY_A_FEE.search(definition) and len(words(definition)) < 10:
        # "The responsibility of the customer": who looks after it (often shared), not what it is; "Small
        # monitoring and auto-tiering fee": what it costs, not what it is
        return reject("definition says who is responsible or what it costs")
    if _ABSOLUTE.search(definition):
        # an exam simplification stated as a rule: checked like a scenario's answer, it may be false
        return reject("definition states an absolute rule")
    if term.islower() and len(words(term)) == 1 and not is_acronym(term.upper()):
        return reject("term is a lone lowercase word")  # "medium" from an example line is a token, not a term
    term = re.sub(r"\s*\((?:[a-z][a-z-]*)\)", "", term).strip()  # "CodeDeploy (hybrid)": a slide's aside
    if (
        re.match(r"(amazon|aws) ", term, re.I)
        and names_topic(term, topic)
        and plain_name(term).removesuffix("s") not in _official()
    ):
        # "Amazon R53": the notes' nickname for a service the deck defines under its own name
        return reject("term is the notes' nickname for the service")
    if re.search(r"\blatency$", term, re.I):
        return reject("term is a benefit")  # "Single-digit millisecond latency": a benefit, answered by restating it
    if re.search(r"\b(?:our|we)\b", definition, re.I):
        # "Start a terminal into our EC2 Instances": a course transcript's voice, not a definition
        return reject("course transcript's voice")
    if (_API_NAME.fullmatch(term) or _API_SECTION.search(fact.section or "")) and not service_name(term):
        # "PurgeQueue", "BeforeInstall": an API call or a deployment hook as the code spells it, a developer's
        # detail the practitioner exam never asks ("CloudFront", or a slip of it, is the catalog's one-word name)
        return reject("term is an API call or hook name")
    if len(term) <= 2 and not term.isupper():
        # "Id (in IAM Policies Structure)": a field name, answered by restating it
        return reject("term is a field name")
    if "/" in term and re.search(r"\w*\d\w*/\w|\w/\w*\d", term):
        # "M6g/M5/M5a/M5n": a row of instance names, whose heading gives the answer away
        return reject("term is a row of instance names")
    if definition.count("(") > definition.count(")"):
        return reject("definition is cut off")  # "... stay in any room type (e.g.": the sentence split mid-aside
    if definition.rstrip().endswith("?") or _QUESTION_WORD.search(term):
        # "[3] What are the cloud deployment models?" read as "[3] What" / "the cloud deployment models?": a question
        return reject("definition is a question")
    if instruction(term) or _TASK_TERM.match(term) or term.split(" ", 1)[0].lower() in _TASK_VERBS:
        # "Provide access to AWS services", "Securing the root user": a checklist's step, not the name of a thing
        return reject("term is a task, not a name")
    if _POINTS_TO_LIST.match(definition):
        # "The following actions can lead to rebalancing activity.": the back points at a list the card does not hold
        return reject("definition points to a list")
    if _SENTENCE_TERM.search(_PAREN.sub(" ", term)):
        # "Access keys consist of two parts": a sentence cut at its colon, not the name of a thing ("What are Access
        # keys consist of two parts?")
        return reject("term is a sentence")
    if _DESCRIBED_TERM.match(term) and not names_topic(term, topic) and not _catalog_names(term):
        # "A ready-made copy of a server: the customer adds its own software": a description the author
        # labelled, not the name of a thing ("What is A ready-made copy of a server?")
        return reject("term is a description, not a name")
    if _PREDICATE_TERM.match(term):
        # "Defined at region level: snapshots can be copied": a bold label that says something of its owner,
        # not the name of a thing ("What is Defined at region level?")
        return reject("term is a predicate, not a name")
    if _OPEN_ENDED_TERM.search(term):
        # "Access to: All features included in basic, developer and business support plans": the label is the start
        # of a sentence whose object the back holds ("What is Access to?")
        return reject("term ends mid-phrase")
    if term[:1].islower() and not is_acronym(term):
        term = term[:1].upper() + term[1:]
    if unknown_term(term, fact.section):
        # "Debugging", "Lazy Loading", "Things to remember for exam": a heading or a label of the notes, read as a
        # term though it names nothing the course knows
        return reject(UNKNOWN_TERM_RULE)
    if names_other_topic(term, topic) or another_topics_heading(term, fact.section, topic):
        # "IAM (in Amazon Athena)": how this service uses another, not what the other is; "Load Balancing
        # Fundamentals" over a line the placement moved to the AMI page: the heading is another topic's
        return reject("term names another topic")
    if stands_for(term, definition):
        if misspelt_word(_PAREN.sub(" ", term)):
            return reject(MANGLED_WORD)
        front = f"What does {term} stand for{acronym_setting(term, topic, fact.section)}?"
        definition = catalog_expansion(term, definition) or definition  # "Automatic Scaling Groups": AWS's words
        return [CardDraft(card_key(fact.key, "definition"), "definition", front, sentence(definition))]
    if names_topic(term, topic) and not says_what_the_service_is(topic.slug, definition):
        # "What is AWS Lambda?" / "Reserve concurrency so other functions in the account cannot starve it": a side
        # fact, none of what the service is. Over held-out 75 to 144, blind graders passed 2 of 18 such cards.
        return reject("definition says none of what the service is")
    if (
        not catalog_name(term)
        and not in_its_essentials(term, topic.slug)
        and not misspells(term, topic.name)  # ("Amazon Elastc Beanstalk" is asked by its page's name, below)
        and not misspelt_word(_PAREN.sub(" ", term))  # ("Limitions": the mangled-word rule says why, below)
    ):
        # "What is Put (in Amazon S3)?", "What are Filters (in CloudWatch Logs)?", "What is Flow (in VPC)?": a word
        # or label of the notes, where the back is whatever line followed it. Over the blind gradings of held-out
        # notes before round 32, graders passed 32% of such cards (126 of 396), against 66% of those asking for a
        # name the catalog knows (514 of 784), 52% of those asking for a term the topic's essentials use ("Visibility
        # timeout", "Alias" on Route 53's; 48 of 92) and 76% of those asking what an acronym stands for (34 of 45).
        return reject(NOT_A_CATALOG_NAME)
    if (
        len(words(_PAREN.sub("", definition))) < MIN_BACK_WORDS
        or garbled(definition)
        or garbled(term)
        or definition.lstrip()[:1] in "=|>)]}"  # "CNAME == one name to another": the back opens with "="
    ):
        # "Finer grain (can be disabled)": a remark, not a definition
        return reject("definition is a remark or garbled")
    if len(words(definition)) < MIN_DEFINITION_WORDS:
        return reject("definition too short to say what it is")  # "What is IMDSv1?" "No auth required."
    if _SCOPE_ONLY.match(definition) or _NOT_THAT.match(definition):
        return reject("definition is a status remark or a list of uses")
    if _DEFINED_BY_ANOTHER.match(definition):
        return reject("definition says what it is like or where it is used, not what it is")
    if is_expansion(term, definition) or (names_topic(term, topic) and names_topic(definition.rstrip(" ."), topic)):
        # "SaaS: Software as a Service", "Amazon ECS: Elastic Container service": no more than a name
        return reject("definition only spells out the term")
    if _EXAMPLES_ONLY.match(definition) or _OLD_WAY.match(definition):
        return reject("definition is a status remark or a list of uses")
    if _HEDGE.search(definition) or _ONLY_COMPARES.match(definition) or _RULE_OF_THUMB.match(definition):
        # "Regarding the api call (like a bucket name or something)", "Simply an alternative to using the CLI"
        return reject("definition is a remark or garbled")
    if _OBVIOUS.search(definition):
        # the note-taker's own verdict: "Code building service (name is obvious)"
        return reject("note-taker's own verdict")
    if _STATUS.match(definition) or (uses_list(definition) and not expands(term, definition)):
        # "No longer available to new customers", "Compliance, lower latency": a remark on the term, or its uses
        return reject("definition is a status remark or a list of uses")
    if (
        fragment(definition)
        or _INTERNALS.search(term + " " + fact.section)
        or _IMPERATIVE.match(definition)
        or _ASIDE_IN_TERM.search(term)
    ):
        # says who, not what; beyond the exam (a leader node, a naming scheme); advice; or an aside in the term
        # that holds an answer ("Savings Plans (1 & 3 years)")
        return reject("definition is advice, trivia or an aside")
    if _LIMIT_OPEN.match(definition) or "…" in definition + term or "..." in definition:
        return reject("definition is a limit or cut off")  # a limit is a number card, and a cut-off line is no answer
    if term.islower() and len(words(term)) == 1 and not is_acronym(term.upper()):
        return reject("term is a lone lowercase word")  # "medium" from an example line is a token, not a term
    if (
        re.search(r"\b(and|&|in|with|or)\b", term)
        or definition.rstrip().endswith("!")
        or "helps to" in definition
        or _EASY_WAY.match(definition)
    ):
        # "Inbound and Outbound Rules" needs two answers; "No servers to manage!" is a slogan
        return reject("term needs two answers or definition is a slogan")
    if re.match(r"(and|or|but|which|that|to|with|by|of|in|so|this|it)\b(?!-)", definition, re.I):
        return reject("definition starts mid-sentence")  # starts mid-sentence
    if _ENDS_MID_SENTENCE.search(definition):
        return reject("definition ends mid-sentence")  # ends mid-sentence ("...short-term projects where.")
    if _RENAMED.search(term + " " + definition):
        return reject("names a renamed service")
    definition = strip_leading_term(term, definition)
    term, definition = take_acronym(term, definition)  # "Service Control Policy (SCP) allows ...", term stripped
    if re.match(r"(can|may|must|should|will|could)\b", definition, re.I) or _PROPERTY_OPEN.match(definition):
        # "Can be stored in S3", "Compatible with Linux based AMI": a property of the term, not what it is
        return reject("definition is a property, not what it is")
    if _COMPARES_OPEN.match(definition):
        # "More restrictive than VPC", "Cheaper than S3 Standard": how it compares with another thing, not what it is
        return reject("definition only compares it with another thing")
    if _DEFAULT_STATE.match(definition):
        # "Enabled by default (can be disabled at the target group)": a setting's default, read as the term's line
        return reject("definition is a setting's default")
    if _BENEFIT_OPEN.match(definition) and len(words(definition)) <= 8 and not _BY_DOING.search(definition):
        # "Simplifies the network topology" (not "Increases visibility ... by recording API calls", which says how)
        return reject("definition is a benefit, not what it is")
    if _SPEC_OPEN.match(definition):
        # "Supports network speeds of up to 100 Gbps": one figure of the term (a number card), not what it is
        return reject("definition is a limit or cut off")
    if another_subject(term, definition, topic):
        # "What is Amazon SQS?" / "Delay Queue allows you to delay a message": the line says what another thing does
        return reject("definition is another thing's line")
    if words(definition)[: len(words(term))] == words(term):
        return reject("definition opens with its term")  # the back would open by repeating the front
    term = drop_echoed_expansion(term, definition)
    if gives_away(term, definition, topic) or (
        not is_acronym(_PAREN.sub("", term).strip()) and restates(term, definition, topic)
    ):
        # "Auto Recovery" / "automatically recovers": the front holds the answer
        return reject("definition restates its term")
    if names_topic(term, topic) and not expands(term, definition) and spells_out_name(term, definition, topic):
        # "AWS CLI": "manage your AWS services using the command-line" is the name spelled out
        return reject("definition spells out the name")
    bare = _PAREN.sub("", term).strip()
    if is_acronym(bare) and bare.lower() in words(definition):
        # "IOPS": "gp3 ... volumes allow you to provision specific IOPS levels" defines nothing
        return reject("acronym defined by itself")
    if adds_nothing(term + " " + fact.section, definition, topic):
        return reject("definition adds nothing to the heading")
    if (
        "(" not in term
        and (not is_acronym(term) or not expands(term, definition))
        and " and " not in topic.name
        and plain_name(topic.name).endswith(" " + plain_name(term))
        and re.match(r"(?:amazon|aws) ", plain_name(topic.name))
    ):
        # "EMR (in Amazon EMR)", "What are Budgets?", "What is CLI?": ask by the service's name ("What does EMR
        # stand for?" keeps the acronym when the back spells it out)
        term = topic.name
    elif any(_bare(inner) == _bare(topic.name) for inner in re.findall(r"\(([^()]+)\)", term)):
        term = topic.name  # "Simple Queue Service (SQS)": the service by its own name, not "(in Amazon SQS: ...)"
    elif misspells(term, topic.name):
        term = topic.name  # "Elastc Beanstalk": the service's name, spelt right, needs no "(in ...)"
    cards = []
    if is_acronym(term) and expands(term, definition):
        front = f"What does {term} stand for{acronym_setting(term, topic, fact.section)}?"
        expansion = re.split(r"\s*[,;(–]\s*|\s+-\s+", definition, maxsplit=1)[0]
        if expands(term, expansion):
            definition = expansion  # "Identity and Access Management, Global service": the name is the answer
        definition = spelled_out(term, definition) or definition
        definition = catalog_expansion(term, definition) or definition  # "Automatic Scaling Groups": AWS's words
    else:
        context = in_context(term, topic, fact.section)
        if context and adds_nothing(context, definition, topic) is False and _overlap(context, definition, topic):
            context = in_context(term, topic)  # "(in Memory-Optimized Instances)" would answer "memory-optimized"
        if _SITUATION.match(definition):
            # "AWS Outposts: You want to run AWS infrastructure in your own data center": when to pick it
            front = f"When would you use {term}{context}?"
        elif instruction(term):
            # a design principle or a practice ("Automate to make architectural experimentation easier"): "What is
            # Automate to ...?" reads as nonsense; ask what the practice means
            front = f"What does “{term}” mean{context}?"
        elif (
            instruction(definition)
            and not topic.is_service
            and names_topic(term, topic)
            and re.search(r"(?:ity|ance|ence|ness)$", plain_name(term))  # a property ("High Availability")
        ):
            # "High Availability: Run instances across multiple AZs": how to get the property the page is about
            front = f"How do you achieve {term}?"
        elif instruction(definition) and _QUALITY.search(plain_name(term)) and not names_topic(term, topic):
            # "Traditional: Build your own data center", "Provisioning flexibility: Choose the exact size": a way or
            # a quality is nothing one uses ("What can you use Traditional for?")
            return reject(A_QUALITY)
        elif instruction(definition):
            # "AWS CLI: Automate routine tasks": what it is for, not what it is
            front = f"What can you use {term} for{context}?"
        else:
            own = plain_name(topic.name)
            # "AWS Organizations", "AWS Budgets": one service whose name ends in s
            one = bool(re.match(r"(?:amazon|aws) ", own)) and plain_name(term) in {
                own,
                re.sub(r"^(?:amazon|aws) ", "", own),
            }
            front = f"What {'are' if plural(term) and not one else 'is'} {term}{context}?"
    if misspelt_word(_PAREN.sub(" ", term)):
        return reject(MANGLED_WORD)  # "Limitions on placement groups": the notes' slip would be the name learnt
    back = sentence(definition)
    if readable(front, back):
        cards.append(CardDraft(card_key(fact.key, "definition"), "definition", front, back))
    # Reverse cards ("Which AWS service is this?") were the least reliable in blind grading: the notes'
    # definitions rarely say what sets a service apart, so several services fit the clue. Kept off.
    if REVERSE_CARDS and (
        topic.is_service
        and names_topic(term, topic)
        and len(words(definition)) >= 10
        and _KIND_NOUN.search(definition)
        and not _NOT_A_SERVICE.search(definition)
        and not reveals_name(definition, topic)
    ):
        reverse = f"Which AWS service is this? {sentence(definition)}"
        if readable(reverse, topic.name):
            cards.append(CardDraft(card_key(fact.key, "reverse"), "reverse", reverse, topic.name))
    return cards or reject("card would read badly")


_CLOSED_SET = re.compile(
    r"\b(types?|classes|models?|components|policies|options|tiers|layers|pillars|plans|modes|"
    r"families|categories|kinds|levels|engines|record types)\b",
    re.I,
)
# Sets AWS defines once and for all: a blank in them has exactly one answer.
_COMPLETE_SET = re.compile(r"\b(deployment models|service models|components|pillars|models)\b", re.I)
_VERBISH = re.compile(r"\b(provides?|includ(es|ing)|such as|are|is|can|will|offers?|supports?|has|have)\b", re.I)


def noun_phrase(label: str) -> bool:
    """A list label a learner can be asked to name: short, and not a sentence."""
    return len(words(label)) <= 8 and not _VERBISH.search(label) and not label.endswith(("including", ","))


# A reverse clue must say what kind of thing the service is, or several services fit it.
_KIND_NOUN = re.compile(
    r"\b(service|database|warehouse|queue|cache|storage|file system|network|cdn|registry|"
    r"engine|platform|tool|dns|catalog|repository|ledger|firewall|monitoring)\b",
    re.I,
)
_NOT_A_SERVICE = re.compile(r"\b(open[- ]source|in a single-az|deployment)\b", re.I)
# The marks of notes typed in a hurry, which read badly on a card: "i.e ingest", "b/w", "etc..", "this has structure",
# "which is very effective", "this is not infinity but". Misspelled words are measured against an English word
# list and the catalog (content/ingest/spelling.py), and ended services' names are not taught.
_HURRY = re.compile(
    r"\bi\.e\b(?!\.)|\bb/w\b|\betc\.\.|\b(?:this has|which is very|this is not|this focuses|lets say|"
    r"we are having|unto|snowcone|snowmobile)\b",
    re.I,
)
# Product names AWS has retired or renamed: a card using them teaches the old world.
_RENAMED = re.compile(r"\bS3 Glacier\b(?! (Instant|Flexible|Deep))|\bGlacier\b(?! (Instant|Flexible|Deep))", re.I)
_STOP = {"a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "amazon", "aws", "is", "are", "by"}


# Chat shorthand, in lower case only ("alerts u of", "ur account", "pls"); "U.S." and a capital "R" are no slips.
_CHAT = re.compile(r"(?<![\w.'’/-])(?:u|ur|pls|plz|thx|bcoz|coz|cuz)(?![\w.'’/-])")


def hurried(text: str) -> bool:
    """Marked as typed in a hurry ("i.e ingest", "b/w", "etc.."), whatever its spelling."""
    return bool(_HURRY.search(text))


def garbled(text: str) -> bool:
    """Typed in a hurry, in chat shorthand ("alerts u of") or misspelled: a card or a stem made of it would teach the
    slip. (A question's quote is the learner's own line, shorthand and all.)"""
    from content.ingest.spelling import misspellings  # noqa: PLC0415

    return hurried(text) or bool(_CHAT.search(text)) or bool(misspellings(text))


def stem(word: str) -> str:
    return word[:4]


def gives_away(term: str, definition: str, topic: TopicView) -> bool:
    """Half the term's own words (by stem) open the definition: the card restates its question."""
    topic_words = {stem(w) for n in topic.names for w in n.split()}
    term_words = {stem(w) for w in words(_PAREN.sub("", term)) if w not in _STOP and len(w) > 2} - topic_words
    term_words -= {stem("service"), stem("services")}  # "Simple Queue Service" / "message queuing service"
    opening = {stem(w) for w in words(definition)[:8] if w not in _STOP}
    return bool(term_words) and len(term_words & opening) * 2 >= len(term_words)


def spells_out_name(term: str, definition: str, topic: TopicView) -> bool:
    """A short back made of what an acronym on the front stands for: "AWS CLI" / "... using the command-line"."""
    if len(words(definition)) >= 12:
        return False
    acronyms = {w for w in re.findall(r"[A-Za-z0-9]+", term) if is_acronym(w)}
    opening = {stem(w) for w in words(definition)}
    for name in topic.names:
        spelled = [w for w in name.split() if w not in _STOP and w != "service"]
        initials = "".join(w[0] for w in spelled).upper()
        if (
            len(spelled) >= 2
            and any(a.upper() in initials for a in acronyms)
            and sum(stem(w) in opening for w in spelled) * 3 >= len(spelled) * 2
        ):
            return True
    return False


def adds_nothing(front: str, back: str, topic: TopicView) -> bool:
    """The back's content words are (nearly) all in the front: the card restates its question."""
    topic_words = {stem(w) for n in topic.names for w in n.split()}
    back_words = {stem(w) for w in words(back) if w not in _STOP and len(w) > 2} - topic_words
    front_words = {stem(w) for w in words(front)}
    return bool(back_words) and len(back_words - front_words) <= max(1, len(back_words) // 2)


def _overlap(context: str, back: str, topic: TopicView) -> bool:
    """The heading shares a content word with the back's opening: it hints at the answer."""
    topic_words = {stem(w) for n in topic.names for w in n.split()}
    heading = {stem(w) for w in words(context) if w not in _STOP and len(w) > 3} - topic_words - {"in"}
    return bool(heading & {stem(w) for w in words(back)[:10]})


def drop_echoed_expansion(term: str, definition: str) -> str:
    """'Amazon Keyspaces (for Apache Cassandra)' asked about a 'Cassandra-compatible' database: drop the hint.

    A parenthetical that is the term's full name ("Serverless (Amazon Aurora Serverless)") becomes the term.
    """
    for inner in re.findall(r"\(([^)]*)\)", term):
        outer = {stem(w) for w in words(term.replace(f"({inner})", "")) if w not in _STOP}
        if outer and outer <= {stem(w) for w in words(inner)} and len(words(inner)) > len(outer):
            return inner.strip()
        inner_words = {stem(w) for w in words(inner) if w not in _STOP}
        if inner_words and inner_words & {stem(w) for w in words(definition)[:10]}:
            term = term.replace(f"({inner})", "").strip()
    return re.sub(r"\s{2,}", " ", term)


_LINK_VERB = re.compile(r"^(is|are|was|were|refers to|means)\s+", re.I)


def strip_leading_term(term: str, definition: str) -> str:
    """'Glue Jobs execute your ETL code' -> 'Execute your ETL code' (the front already names Glue Jobs)."""
    n = len(words(term))
    tokens = definition.split()
    if n and len(tokens) > n + 2 and words(" ".join(tokens[:n])) == words(term):
        rest = _LINK_VERB.sub("", " ".join(tokens[n:]))
        return rest[:1].upper() + rest[1:]
    return definition


def reveals_name(clue: str, topic: TopicView) -> bool:
    """'artifact management' gives away CodeArtifact; 'queue service' gives away Simple Queue Service."""
    clue_words = [w for w in words(clue) if len(w) >= 4 and w not in _STOP]
    name_words = [w for n in topic.names for w in n.split() if w not in _STOP]
    return any(w in nw or nw in w for w in clue_words for nw in name_words if len(nw) >= 3)


# "Cloud Service Models – Additional Notes": the author's note to self after the list's name, no part of it
_LABEL_NOISE = re.compile(
    r"\s*[-–—:]\s*(?:additional|more|extra|my|quick|key|other|misc\.?)?\s*(?:notes?|summary|overview|recap|cont\.?"
    r"|continued)\s*$",
    re.I,
)


def list_cards(fact: FactView, topic: TopicView) -> list[CardDraft]:
    label = _LABEL_NOISE.sub("", tidy(fact.data.get("label") or fact.subject))
    members = [tidy(m) for m in fact.data.get("members", []) if tidy(m)]
    if (
        not label
        or label.lower() in GENERIC
        or not 3 <= len(members) <= 10
        or not noun_phrase(label)
        or echoed_acronym(label)
    ):
        return reject("list unlabelled, generic or of the wrong length")
    if any(_RENAMED.search(m) for m in members) or re.search(r"\bwith\b", label, re.I):
        return reject("list names a renamed service or a qualified label")
    if names_topic(label, topic) or _FEATURE_BLURB.match(label) or not _CLOSED_SET.search(label):
        # only lists that are a closed set (types, classes, models...) can be asked for in full
        return reject("list is not a closed set")
    if any(len(words(m)) > 8 or m.lower().endswith((" of", " include", " includes")) for m in members):
        return reject("list members are sentences")
    named = topic.name.lower() in label.lower() or (
        topic.is_service and any(n in plain_name(label) for n in topic.names if len(n) > 2)
    )
    context = "" if named else f" ({topic.name})"  # "Traffic Routing Policies" needs its Route 53
    # No "name all N that your notes list" card: its answer is the notes' list, which AWS's own may not match
    # (EC2 storage is more than EBS, instance store and EFS), so it cannot be answered with the notes shut.
    cards = []
    # A cloze over a long list is ambiguous whenever AWS has members the notes left out: short lists only.
    if 3 <= len(members) <= 4 and _COMPLETE_SET.search(label) and all(len(m) <= 40 and ":" not in m for m in members):
        index = int(hashlib.sha256(fact.key.encode()).hexdigest(), 16) % len(members)  # one blank per list
        for member in [members[index]]:
            shown = ", ".join("[…]" if i == index else m for i, m in enumerate(members))
            cloze_front = f"{label}{context}: {shown}. Which one is missing?"
            if readable(cloze_front, member):
                cards.append(CardDraft(card_key(fact.key, f"cloze:{words(member)}"), "cloze", cloze_front, member))
    return cards or reject("card would read badly")


# Numbers the Cloud Practitioner exam asks: durability and availability, timeouts, commitment terms and
# discounts, object-size limits. Instance sizes, prices, quotas, internal lifetimes, size thresholds and port
# numbers are trivia there ("C5.large: 4 GB RAM", "$5 per TB", "monitors objects over 128 KB", "stream records
# live 24 hours", "MySQL on port 3306").
_EXAM_NUMBER = re.compile(
    r"\b(?:durab\w*|availab\w*|timeout|invocation|years?|discount|multi-?part|"
    r"AZs?|Availability Zones?)\b|%|\bLambda\b.*\bminutes\b",
    re.I,
)
_OFF_SCOPE_NUMBER = re.compile(
    r"\b(?:RAM|vCPUs?|memory|KB|MB|GiB|TiB|quotas?|lifetime|tags?|read replicas|ports?|"
    r"retention window|retains|per (?:TB|terabyte|GB|hour|month)|price|pricing|cost|SLA)\b"
    r"|\$|\d\s*x\b|\bx\s*gp2",
    re.I,
)


def exam_number(statement: str, number: str) -> bool:
    """Whether a number is one the exam asks (numbers only where the exam asks numbers)."""
    text = f"{statement} {number}"
    return bool(_EXAM_NUMBER.search(text)) and not _OFF_SCOPE_NUMBER.search(text)


_FREE_ALLOWANCE = re.compile(r"\bfree[ -](?:tier|trial|usage|of charge)\b|\b(?:for|is|are) free\b", re.I)


_NINES_WORD = re.compile(r"\b(\d{1,2}|nine|ten|eleven|twelve)\s*(?:nines|9s)\b", re.I)
_NINES_NUMBER = re.compile(r"\b99\.(9+)\s*%")
_NUMBER_WORDS = {"nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _same_figure(number: str, front: str) -> bool:
    """Whether the front still shows the blanked figure in its other spelling: "11 nines" beside "99.999999999%",
    or the other way round."""

    def nines(text: str) -> set[int]:
        out = {len(m[1]) + 2 for m in _NINES_NUMBER.finditer(text)}
        for m in _NINES_WORD.finditer(text):
            word = m[1].lower()
            out.add(int(word) if word.isdigit() else _NUMBER_WORDS[word])
        return out

    return bool(nines(number) & nines(front.replace("[…]", " ")))


# A tally of AWS's footprint: ten or more Regions, Availability Zones, edge locations ... ("81 Availability Zones").
_INFRA_COUNT = re.compile(
    r"(?<![\d.,])([1-9]\d{1,2}(?:,\d{3})?|[1-9],\d{3})\s*\+?\s*(?:geographic\s+|launched\s+|aws\s+)?"
    r"(?:regions?|availability\s+zones?|azs?|edge\s+locations?|local\s+zones?|points?\s+of\s+presence|pops?"
    r"|wavelength\s+zones?|regional\s+edge\s+caches?)\b",
    re.I,
)


_PRONOUN_SUBJECT = re.compile(r"^\W*(?:these|those|they|it|this|that)\b", re.I)  # a figure's subject said before
# a practice question's scenario: who is doing what ("You are running ...", "Your application ...", "A company ..."),
# not a fact told to the reader ("You can use up to 7 partitions per AZ")
_SCENARIO_OPENING = re.compile(
    r"^\W*(?:(?:q(?:uestion)?\s*)?\d{1,3}\s*[:.)]\s*)?(?:you(?:'re|'ve| are| have| need| want| run| manage)|your"
    r"|a company|an organi[sz]ation|a startup|a customer|a developer|a team)\b",
    re.I,
)


# someone's wish, a practice scenario's need ("New app version that wants to test 10% of traffic", "Company would
# like to keep data for 5 years"): the figure is the scenario's, not AWS's
_WANTS = re.compile(r"\b(?:wants?|wanted|wanting|would like|planning|intends?) to\b", re.I)
# a label that files the line under a study aid, a story or a course's part, not under the thing it counts:
# "Questions – The default visibility timeout ...", "Scenes – Data must be retained for 7 years", "History – not
# much has changed in 20 years", "Episode 4:- Scaling Amazon EC2 – ..."
_STUDY_CONTEXT = re.compile(
    r"\b(?:quiz(?:zes)?|(?:practice |exam |sample )?questions?|q&a|scenes?|scenarios?|demos?|labs?|history"
    r"|(?:episode|lecture|module|lesson|chapter|week|day|part)\s*\d+)\b",
    re.I,
)
# a usage measure compared with the figure ("CPU utilization > 80%", "when CPU goes above 70%"): a threshold someone
# chose (not "< 10 ms latency between AZs": a figure of AWS written with a sign)
_THRESHOLD = re.compile(
    r"\b(?:cpu|utili[sz]ation|usage|memory|disk|load)\b[^.;:]{0,20}?"
    r"(?:[<>]=?|≥|≤|\b(?:above|below|exceeds?|reaches) )\s*$",
    re.I,
)
# a condition on a figure ("increase nodes if memcached reaches 90% cpu", "when the queue goes above 1000
# messages"): the line for an action someone set up, whose figure they chose
_CROSSES = re.compile(
    r"\b(?:if|when|whenever|once)\b[^.;]{0,50}?\b(?:reach(?:es)?|exceeds?|hits?|cross(?:es)?"
    r"|goes (?:above|over|beyond|below|under)|(?:is|gets) (?:above|over|below|under|more than|less than))\s*$",
    re.I,
)
# a value someone picks ("Custom: minimum healthy host = 75%"): one example of a setting, not a figure of AWS
_CHOSEN = re.compile(r"\bcustom\b[^.;]{0,15}:", re.I)
_AGE = re.compile(r"\b\d+\+? (?:years?|yrs?) old\b", re.I)


def split_of_a_whole(statement: str) -> bool:
    """Whether a line shares out a whole in percentages that add up to 100 ("10% on US-EAST-1 and 90% on EU-WEST-1",
    "70/30"): a split someone chose, not a figure of AWS."""
    shares = [float(p) for p in re.findall(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*%", statement)]
    if len(shares) >= 2 and abs(sum(shares) - 100) < 0.01:
        return True
    pairs = re.findall(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])", statement)
    return any(int(a) + int(b) == 100 for a, b in pairs)


def number_cards(fact: FactView, topic: TopicView) -> list[CardDraft]:
    number = (fact.data.get("number") or "").strip()
    statement = tidy(fact.data.get("statement") or fact.text)
    if (title := re.match(r"^([^–—:]{2,60}?)\s[–—:-]\s", statement)) and _COURSE_TITLE.search(title.group(1)):
        statement = statement[title.end() :]  # "AWS Cloud Practitioner – Spot ...": the file's title is no context
    if not number or number not in statement or len(words(statement)) < 4 or len(statement) > 170:
        return reject("number statement too short or too long")
    said = re.sub(r"^[^–—:]{2,60}?\s[–—:-]\s", "", statement)  # past its context ("EC2 Purchasing Options – ")
    if len(words(said)) <= 5 and re.match(r"(?:up ?to|about|around|~)?\s*\d|up ?to\b", said, re.I):
        return reject("number statement too short or too long")  # "Up to 90% cheaper": of what, it never says
    context = statement[: len(statement) - len(said)]
    if _CLOSED_SET.search(context) and re.match(r"(?:up ?to|about|~)?\s*\d", said, re.I):
        # "EC2 Purchasing Options – Up to 72% discount on the hourly charge": which option's discount, it never says
        return reject("blank's label hides whose figure it is")
    if _COMPARATIVE.match(statement.split(number, 1)[1]) and not _BASELINE.search(statement):
        # "Archive: rarely accessed data, 50% cheaper": cheaper than what, it never says
        return reject("figure compares with nothing named")
    if re.fullmatch(r"100\s*(?:%|percent)", number, re.I):
        # "not 100% true", "by default 100% private": a manner of speaking, not a figure AWS publishes
        return reject("figure is a manner of speaking")
    if _LETTERED_OPTION.search(statement):
        return reject("number from a quiz's option")  # "Amazon EC2 – e) 5 Years": one choice of a question
    if _PRONOUN_SUBJECT.match(said):
        # "These offer up to 75% off": the line before said what "these" are; the card cannot
        return reject("figure's subject is a pronoun")
    if _SCENARIO_OPENING.match(said) or _WANTS.search(said) or _STUDY_CONTEXT.search(context):
        # "Quiz – 4: You are running a website on 10 EC2 instances ...": a practice question's setting, whose figure
        # is no AWS fact
        return reject("number from a quiz's scenario")
    if not exam_number(statement, number) or "!" in statement:
        # trivia beyond the exam, or a slide's exclamation ("up to 10GB of RAM!")
        return reject("number outside exam scope")
    if not agreed_figures(statement, topic.slug):
        # a figure no reference fact states, or one it says is wrong: an example's "10% of traffic", an outdated
        # "Convertible RIs cut up to 52%", trivia beyond the exam ("up to 3 EMR primary nodes"). Blind graders passed
        # 25 of 76 number cards over held-out 109 to 144 before this rule.
        return reject("figure not one the reference facts confirm")
    if re.search(r"\b(?:example|eg|typically|for instance|such as|sample|say)\b|\be\.g\.", statement, re.I):
        return reject("number from a worked example")  # a worked example's setting is not an AWS fact
    if "…" in statement or "..." in statement:
        return reject("number statement cut off")
    if split_of_a_whole(statement):
        # "Weighted Routing – 10% on US-EAST-1 and 90% on EU-WEST-1": one share of a split someone chose, an example
        return reject("number is a share of an example split")
    before = statement.split(number)[0]
    if _THRESHOLD.search(before) or _CROSSES.search(before) or _CHOSEN.search(before) or _AGE.search(statement):
        # "CPU utilization > 80%", "if memcached reaches 90% cpu", "Custom: minimum healthy host = 75%": a value someone
        # chose, not an AWS figure; "Oldest offering (over 10 years old)": a service's age, trivia
        return reject("number is a chosen threshold or an age")
    if not topic.is_service and topic.slug in {"shared-responsibility-model"}:
        return reject("number on a concept page")
    digits = re.sub(r"\D", "", number)
    whole = re.match(r"\d+", number.replace(",", ""))
    if any(d and re.search(rf"[A-Za-z-]{d}[A-Za-z]", statement) for d in (digits, whole[0] if whole else "")):
        return reject("name holds the number")  # "u-12tb1.metal: […] of RAM" (12.3 TB): the name holds the number
    if re.search(r"\bafter\b[^.]*$", statement.split(number)[0]) and re.search(r"days?\b", number):
        return reject("number is a lifecycle setting")  # a lifecycle rule's "after 365 days" is a setting, not a fact
    if _RENAMED.search(statement):
        return reject("names a renamed service")
    if any(number.replace(",", "").rstrip("+ ") == m[1].replace(",", "") for m in _INFRA_COUNT.finditer(statement)):
        # "81 Availability Zones within 25 Geographic Regions": a tally of AWS's footprint, out of date within a year of
        # the note (a Region's own "at least 3 AZs" is a rule, and stays)
        return reject("number is a count AWS keeps changing")
    if _FREE_ALLOWANCE.search(statement):
        # "SageMaker is available for free, for 2 months": one service's Free Tier allowance, which AWS changes (the
        # Free Tier became credits in July 2025) and the exam does not ask
        return reject("number is a Free Tier allowance")
    if (
        garbled(statement)
        or re.match(r"(it|this|they|these|its)\b", statement, re.I)
        or re.search(r"[–:-]\s*(?:it|this|they)\b|\b(?:our|we)\b", statement, re.I)
        or re.search(r"\b(?:use|using)\s+(?:this|these|it|them)\b", statement, re.I)  # "You'd use this to ..."
    ):
        # typos, a pronoun whose subject is on another line, or a course transcript's voice
        return reject("number statement garbled or out of context")
    label_words = statement.split(" – ")[0].split(": ")[-1].lower().strip() if " – " in statement else ""
    if label_words in GENERIC or label_words in _BROAD:
        # "Naming convention – […] characters long": the label hides what is counted
        return reject("blank's label hides what is counted")
    if re.search(r"\bstep \d+\b", statement, re.I):
        # "Step 4 - The object is now in an edge cache": one step of a process the card does not show
        return reject("number is one step of a process")
    statement = re.sub(r"^(example|e\.g\.|eg|for example|note)\s*[:,-]\s*", "", statement, flags=re.I)
    front = sentence(statement.replace(number, "[…]", 1))
    units = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", number)}
    if units & set(words(front.replace("[…]", " "))) and not re.fullmatch(r"[\d.,]+\s*%?", number):
        # "the application layer ([…])" for "Layer 7": the front holds the answer's unit and meaning
        return reject("front holds the answer's unit")
    if _same_figure(number, front):
        # "[…] durability (99.999999999%)" for "11 nines": the front holds the answer in other words
        return reject("front holds the answer in other words")
    label = re.match(r"(.*?)\s*(?:[:–-]|\()\s*\[…\]\)?\.?$", front)
    if label and not _QUANTITY.search(label[1].split(":")[-1].split("–")[-1]):
        # "Gateway Load Balancer: […]" asks for a value without saying which (layer? protocol?)
        return reject("blank does not say what it asks")
    before = re.match(r"(.*?)\(\[…\]\)", front)
    if before and not _QUANTITY.search(before[1].strip()):
        # "Savings Plans ([…]): commitment to...": an aside in brackets, with no word for what it counts
        return reject("blank does not say what it asks")
    if (
        re.search(r"\[…\]\s*\([^)]*\d", front)
        or statement.count(number) > 1
        or re.search(r"9[’']s|\bnines\b", front, re.I)
    ):
        return reject("a hint gives the number away")  # "[…] (11 9's)": a hint beside the blank gives the number away
    said = " ".join(words(statement))
    own = re.sub(r"^(?:amazon|aws) ", "", plain_name(topic.name))
    if not re.search(rf"\b{re.escape(own)}\b", said):
        # named by the service, not by one of its features' aliases ("multi part upload" does not say S3)
        front = f"{topic.name}: {front}"
    back = sentence(statement.replace(number, f"**{number}**", 1))
    if not readable(front, back):
        return reject("card would read badly")
    return [CardDraft(card_key(fact.key, "number"), "number", front, back)]


# A figure that compares ("50% cheaper", "3x faster") needs what it is compared with.
_COMPARATIVE = re.compile(r"^\s*(?:cheaper|faster|slower|less|more|lower|higher|better|smaller|larger|bigger)\b", re.I)
_BASELINE = re.compile(r"\b(?:than|compared|vs\.?|versus|relative to|over|against)\b", re.I)
# The word before a blank that ends a label must say what the blank is: "Port Range: […]", "layer ([…])".
_QUANTITY = re.compile(
    r"\b(range|port|limit|size|time|duration|capacity|length|maximum|minimum|max|min|cost|price|"
    r"durability|availability|retention|period|timeout|layer|latency|throughput|iops|storage|"
    r"memory|count|number|term)\s*$",
    re.I,
)
# Comparison rows too vague to recall: "Cost Optimization?" and "Integration?" have many right answers.
_VAGUE_ATTRIBUTES = {
    "key points",
    "key point",
    "notes",
    "details",
    "performance",
    "cost optimization",
    "integration",
    "integrations",
    "other",
    "misc",
    "miscellaneous",
}
_STRAWMAN = re.compile(r"\b(traditional|other|generic|on-?prem\w*|responsibility|legacy|manual)\b", re.I)


def comparison_cards(fact: FactView, topic: TopicView) -> list[CardDraft]:
    items = [tidy(i) for i in fact.data.get("items", []) if tidy(i)]
    attributes = fact.data.get("attributes", {})
    if not 2 <= len(items) <= 4 or any(_STRAWMAN.search(i) for i in items):
        return reject("comparison of too many items or a strawman")
    if not any(names_topic(i, topic) or _AWS_THING.search(_PAREN.sub("", i)) for i in items):
        # "Property Graphs vs RDF Graphs": no AWS thing named, and a data-model detail beyond the exam
        return reject("comparison names no AWS thing")
    cards = []
    for attribute, values in list(attributes.items())[:12]:
        attribute = tidy(attribute)
        cells = [(item, tidy(values.get(item, ""))) for item in items]
        if not attribute or any(not value for _, value in cells):
            continue
        if len({value.lower() for _, value in cells}) < len(cells):
            continue  # the attribute does not tell them apart
        if attribute.lower() in GENERIC | _VAGUE_ATTRIBUTES or any(
            len(value) > 110 or garbled(value) for _, value in cells
        ):
            continue
        cell_words = [{stem(w) for w in words(value) if w not in _STOP} for _, value in cells]
        if any(len(a & b) * 2 > min(len(a), len(b)) for i, a in enumerate(cell_words) for b in cell_words[i + 1 :]):
            continue  # "scales automatically" vs "scales automatically based on size": no real contrast
        header_words = {stem(w) for i in items for w in words(" ".join(re.findall(r"\(([^)]*)\)", i)))}
        if any({stem(w) for w in words(value)[:3]} & header_words for _, value in cells):
            continue  # "Property Graphs (Gremlin)": the header already holds the answer
        front = f"{' vs '.join(items)}: {attribute}?"
        back = "\n".join(f"• {item}: {value}" for item, value in cells)
        if readable(front, back):
            cards.append(CardDraft(card_key(fact.key, f"compare:{words(attribute)}"), "comparison", front, back))
    return cards or reject("no comparison row tells the items apart")


# Items of a comparison that are AWS things (or the protocols a security group opens), not general IT concepts.
_AWS_THING = re.compile(
    r"\b(?:Amazon|AWS|EC2|S3|EBS|EFS|FSx|Instances?|Store|Volumes?|Gateway|Load Balancer|HTTPS?|"
    r"SSH|RDP)\b"
)
# Option names that are things AWS sells or configures, not labels a note-taker made up.
_NAMED_THING = re.compile(
    r"\b([A-Z0-9]{2,}[a-z0-9]*|Instances?|Placement Group|Load Balancer|Storage Class|Routing|"
    r"Volume|SSD|HDD|Deployment|Queue|Savings Plans?|Reserved|On-Demand|Spot|Dedicated|"
    r"Glacier|Intelligent-Tiering|Standard|One Zone|Outposts|Replica|Gateway|Endpoint)\b"
)


_THREE_WORD_USE = re.compile(r"\b(?:data|workloads?|databases?|applications?|archiv\w*|backups?|files?|jobs)\W*$", re.I)


UNKNOWN_TERM_RULE = "term names nothing the course knows"
NOT_A_CATALOG_NAME = "term is no name the catalog or the topic's essentials know"


@lru_cache(maxsize=1)
def _what_services_are() -> dict[str, frozenset[str]]:
    """Per service, the words the question bank's own explanation of it says past its name ("Amazon EFS is a managed,
    elastic NFS file system ..."): what the service is."""
    from content.catalog import load_catalog  # noqa: PLC0415
    from quizzes.evidence import _TELLS_NOTHING, word_stems  # noqa: PLC0415 (quizzes reads this module)
    from quizzes.families import load_families  # noqa: PLC0415

    catalog = load_catalog()
    said: dict[str, set[str]] = {}
    for family in load_families().values():
        for option in family.options.values():
            entry = catalog.topics.get(option.topic) if option.topic else None
            if entry is not None and option.name.lower() == entry.name.lower():
                said.setdefault(option.topic, set()).update(
                    word_stems(option.fact) - word_stems(option.name) - _TELLS_NOTHING
                )
    return {slug: frozenset(stems) for slug, stems in said.items()}


def says_what_the_service_is(slug: str, definition: str) -> bool:
    """Whether a definition of a service shares a word with what the bank's explanation says it is; a service the
    bank does not explain passes."""
    from quizzes.evidence import word_stems  # noqa: PLC0415

    said = _what_services_are().get(slug)
    return said is None or bool(word_stems(definition) & said)


@lru_cache(maxsize=256)
def _essential_words(slug: str) -> str:
    """The words of what the exam asks about a topic (its essentials and reference definition in summary.toml)."""
    from content.summary import load_reference  # noqa: PLC0415

    reference = load_reference()
    said = [s.text for s in reference.essentials.get(slug, ())]
    if slug in reference.definitions:
        said.append(reference.definitions[slug].text)
    return " " + " ".join(words(" ".join(said).lower())) + " "


def in_its_essentials(term: str, slug: str) -> bool:
    """Whether the topic's essentials use the term ("visibility timeout" on SQS's, "alias" on Route 53's)."""
    said = " ".join(words(_PAREN.sub(" ", term).lower()))
    if len(said) < 5 and sum(c.isupper() for c in term) < 2:
        return False  # ("Put", "Logs", "Flow": words any line may use; "DDoS" on Shield's is a term)
    essentials = _essential_words(slug)
    return any(f" {form} " in essentials for form in {said, said.removesuffix("s"), said + "s"})


def catalog_name(term: str) -> bool:
    """Whether a term is a name, short name or alias of a catalog topic: as written, without its aside or maker, by
    the name or acronym in its brackets ("Reserved Instances (RIs)"), without a kind word its alias leaves out
    ("Latency Routing Policy"), as a reference-facts subject ("FSx for Lustre") or misspelt ("CloudFrount")."""
    from content.catalog import load_catalog  # noqa: PLC0415
    from content.ingest.facts_check import load_table  # noqa: PLC0415

    catalog = load_catalog()
    bare = _PAREN.sub(" ", term).strip()
    names = {term, bare, *re.findall(r"\(([^()]*)\)", term), *re.split(r"\s[-–—:]\s", bare)}
    names |= {re.sub(r"^(?:amazon|aws)\s+", "", n, flags=re.I) for n in names}  # "Amazon S3 Versioning"
    names |= {_KIND_WORD_END.sub("", n) for n in names}  # "Latency Routing Policy": the alias "latency routing"
    names.discard("")
    # a topic's name or alias, a name its page gives one of its kinds ("On-Demand Instances"), or a subject the
    # reference facts know ("FSx for Lustre")
    return (
        any(catalog.lookup(n) or catalog.context_lookup(n) for n in names)
        or any(rx.fullmatch(n) for rx, _needs in load_table().subject_parts for n in names)
        or any(catalog.find_misspelt(n, known_word) for n in names)  # "CloudFrount"
    )


# the kind a name ends with, which an alias may leave out ("Latency Routing Policy", "Alias Record")
_KIND_WORD_END = re.compile(
    r"\s+(?:polic(?:y|ies)|records?|types?|class(?:es)?|modes?|plans?|volumes?|queues?|groups?|options?)$", re.I
)


@lru_cache(maxsize=1)
def _option_names() -> frozenset[str]:
    """The names of the question families' options, lower case, without their maker or aside ("cluster placement
    group", "geolocation routing")."""
    from quizzes.families import load_families  # noqa: PLC0415

    return frozenset(
        " ".join(words(re.sub(r"^(?:amazon|aws)\s+", "", _PAREN.sub(" ", option.name), flags=re.I).lower()))
        for family in load_families().values()
        for option in family.options.values()
    )


def course_term(term: str) -> bool:
    """Whether a term is one the course knows: it holds a catalog name or alias ("Auto Scaling Group", "Multi-AZ
    deployment"), names a topic's kind or part ("On-Demand Instances"), or it is an acronym or spelt out with one
    ("Recovery Point Objective (RPO)", "NAT"). A heading of the notes that names nothing so ("Debugging",
    "Endpoint", "Poll-based services") is no term."""
    from content.catalog import load_catalog  # noqa: PLC0415

    catalog = load_catalog()
    bare = _PAREN.sub(" ", term).strip() or term
    if catalog.lookup(term) or catalog.lookup(bare) or catalog.find(bare) or catalog.mentions(bare):
        return True
    if catalog.context_lookup(term) or catalog.part_of_any(bare):
        return True  # a name the catalog gives a topic's kinds or parts ("On-Demand Instances", "Reliability")
    said = " ".join(words(bare.lower()))
    if said and any(name == said or name.startswith(said + " ") for name in _option_names()):
        return True  # an answer option's name, or its start ("Geolocation" routing, "Cluster" placement group)
    return bool(re.search(r"\([A-Z][A-Za-z0-9/-]*[A-Z]\)", term) or re.fullmatch(r"[A-Z][A-Z0-9/-]+s?", term))


_COURSE_DATA = ("content/catalog.toml", "content/summary.toml", "content/reference_facts.toml", "quizzes/families.toml")


@lru_cache(maxsize=1)
def _course_text() -> str:
    """What the course itself says, in lower-case words: the catalog, the service summaries, the reference facts and
    the question families, without their comments."""
    from django.conf import settings  # noqa: PLC0415

    said = []
    for name in _COURSE_DATA:
        with open(settings.BASE_DIR / name, encoding="utf-8") as data:
            said += [line for line in data if not line.lstrip().startswith("#")]
    return " " + " ".join(words(" ".join(said).lower())) + " "


def said_by_the_course(term: str) -> bool:
    """Whether the course's own texts use a name of two words or more ("Origin Access Control", "Detailed
    Monitoring", "Signed URLs"), where a label of the notes ("Lazy Loading", "Popular AWS Services") is no name it
    uses."""
    said = words(_PAREN.sub(" ", term).lower())
    if len(said) < 2:
        return False
    phrase = " ".join(said)
    singular = phrase.removesuffix("s")
    return f" {phrase} " in _course_text() or f" {singular} " in _course_text() or f" {singular}s " in _course_text()


def unknown_term(term: str, section: str) -> bool:
    """A term the course knows by no name: a label of two words or more that no catalog name, option or course text
    uses ("Things to remember for exam", "Poll-based services"), or a one-word heading the line sits under
    ("Debugging", "Endpoint"). Over every blind grading of held-out notes, graders passed a quarter of the
    definition cards whose term of two words or more the course did not know, against seven in ten of the rest."""
    if course_term(term):
        return False
    if len(words(term)) >= 2:
        return not said_by_the_course(term)
    return bool(section) and plain_name(term) == plain_name(section)


def use_case_cards(fact: FactView, topic: TopicView) -> list[CardDraft]:
    """'S3 Intelligent-Tiering' -> 'data with unknown or changing access patterns': the exam's favourite link."""
    option = tidy(_PAREN.sub("", fact.data.get("option") or ""))
    use = tidy(fact.data.get("use_case") or "")
    if option and unknown_term(tidy(fact.data.get("option") or ""), fact.section):
        return reject(UNKNOWN_TERM_RULE)  # "Endpoint (in Amazon Aurora)": a heading of the notes, no term
    if (
        not option
        or option.lower() in GENERIC
        or option.lower() in _BROAD
        or _FEATURE_BLURB.match(option)
        or not option[:1].isupper()
        or len(words(option)) > 5
        or not 3 <= len(words(use)) <= 30
        or (len(words(use)) == 3 and not _THREE_WORD_USE.search(use))
    ):
        # three words are enough for a kind of data or workload ("frequently accessed data"), not for a remark
        return reject("use case too short or its option generic")
    if (
        not topic.is_service
        and _bare(option) != _bare(topic.name)
        and {stem(w) for w in words(option) if w not in _STOP} <= {stem(w) for w in words(topic.name)}
    ):
        # "S3 storage class" on the storage classes page: the page's own category, not one option in it
        return reject("option is the page's own category")
    if _STUDY_LABEL.search(option):
        return reject("term is a study label")  # "Exam Tips RDS": a study aid's heading, no option to use
    if _NOT_A_CONCEPT.search(option):
        return reject("heading is not a concept")  # "DynamoDB Demo": a lab's heading
    if names_other_topic(option, topic) or not (names_topic(option, topic) or _NAMED_THING.search(option)):
        # a use-case label ("Big Data Processing") or another service's row on this page
        return reject("option is a label or another service")
    use = re.sub(
        r"^(best suited|ideal|ideally suited|suitable|used|good|great|perfect|designed)\s+for\s+", "", use, flags=re.I
    )
    if re.match(r"(high|low|better|improved|increased|cost|reduced)\b", use, re.I) and len(words(use)) <= 5:
        return reject("use case is a quality")  # a quality ("High availability and durability"), not a use
    if (
        "/" in option
        or garbled(use)
        or "…" in use
        or "..." in use
        or re.search(r"\b(scalab\w*|flexib\w*|various|many|high availability|fault toleran\w*|reliab\w*)\b", use, re.I)
    ):
        return reject("use case vague or cut off")  # vague ("scalable, flexible workloads") or cut off
    if (
        gives_away(option, use, topic)
        or adds_nothing(option, use, topic)
        or restates(option, use, topic)
        or _RENAMED.search(option + " " + use)
    ):
        return reject("use case restates its option")
    if sum(w[:1].isupper() for w in use.split()) * 2 > len(use.split()):
        # "SSH Access to EC2 Instance": a heading under the option, not what it is best for
        return reject("use case is a heading")
    option_stems = {stem(w) for w in words(option) if w not in _STOP}
    if option_stems <= {stem(w) for w in words(use)}:
        # "Temporary Storage" is best for "temporary data storage": circular
        return reject("use case restates its option")
    if _ENDS_MID_SENTENCE.search(use):
        return reject("use case ends mid-sentence")  # ends mid-sentence
    if (
        (fact.lines > 2 and not fact.data.get("every_use"))
        or (topic.is_service and names_topic(option, topic))
        or (_bare(option) == _bare(topic.name) and plural(option))
    ):
        # one of many uses: a learner naming another would be marked wrong (a part page named for a group, "EC2
        # Instance Types" or "IAM Roles", has as many: "EDA workloads" is one family's, "over 5000 users" one reason)
        return reject("one of many uses")
    context = in_context(option, topic)
    front = f"What {'are' if plural(option) else 'is'} {option}{context} best suited for?"
    back = sentence(use)
    if not readable(front, back):
        return reject("card would read badly")
    return [CardDraft(card_key(fact.key, "use_case"), "use_case", front, back)]


GENERATORS = {
    "use_case": use_case_cards,
    "definition": definition_cards,
    "list": list_cards,
    "number": number_cards,
    "comparison": comparison_cards,
}


@lru_cache(maxsize=1)
def _misnamed() -> tuple[re.Pattern | None, dict[str, str | None]]:
    """Service names with the wrong maker ("AWS Macie", "AWS CloudFront"), each to its catalog name.

    The official names are in the pattern too, mapped to None (left as written), and a maker put before a name
    that has none maps to the bare name; the longest match wins, so "AWS EC2 Image Builder" becomes "EC2 Image
    Builder", not "Amazon EC2" plus a tail.
    """
    from content.catalog import load_catalog  # the catalog is data; imported here to keep this module plain

    topics = load_catalog().topics.values()
    official = {name for topic in topics for name in (topic.name, topic.full_name) if name}
    lowered = {name.lower() for name in official}
    right: dict[str, str | None] = {}
    for name in official:
        for own, other in (("Amazon ", "AWS "), ("AWS ", "Amazon ")):
            wrong = other + name[len(own) :]
            if name.startswith(own) and wrong.lower() not in lowered:
                right[wrong.lower()] = name
    if not right:
        return None, {}
    for name in official:
        right[name.lower()] = None
        if not name.lower().startswith(("aws ", "amazon ")):
            # "AWS EC2 Image Builder" is EC2 Image Builder; a maker before a name that has none never helps
            right.setdefault(f"aws {name.lower()}", name)
            right.setdefault(f"amazon {name.lower()}", name)
    alternatives = "|".join(re.escape(name) for name in sorted(right, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.I), right


_MAKER = re.compile(r"\b(?:aws|amazon)\s", re.I)


# words run together, each but the first capitalised: "PurgeQueue", "AllowTraffic", "distinctInstance"
_API_NAME = re.compile(r"[A-Za-z][a-z]+(?:[A-Z][a-z]+)+")
_API_SECTION = re.compile(r"\bAPIs?(?: calls?| actions?| operations?)?\W*$")  # a term under "KMS - API" is a call


@lru_cache(maxsize=1)
def _official() -> frozenset[str]:
    """Every catalog name and full name, as plain_name() spells them."""
    from content.catalog import load_catalog

    names = {
        plain_name(name) for topic in load_catalog().topics.values() for name in (topic.name, topic.full_name) if name
    }
    return frozenset(names | {name.removesuffix("s") for name in names})  # "AWS SDK" for "AWS SDKs"


def fix_names(text: str) -> str:
    """'AWS Macie' -> 'Amazon Macie': blind graders rightly fail a card that teaches a wrong service name."""
    if not text or not _MAKER.search(text):
        return text  # most lines name no maker: skip the long pattern
    pattern, right = _misnamed()
    return pattern.sub(lambda m: right[m[0].lower()] or m[0], text) if pattern else text


def _fixed(value):
    if isinstance(value, str):
        return fix_names(value)
    if isinstance(value, list):
        return [_fixed(v) for v in value]
    if isinstance(value, dict):
        return {fix_names(k): _fixed(v) for k, v in value.items()}
    return value


# What a card must never show: markdown marks, table pipes, HTML, a LaTeX formula or an emoji. A learner reads the
# card as plain text, and a line still wearing its markup was read wrong ("$E = mc^2$", "**Lambda** 🚀").
_MARKUP = re.compile(
    r"\*\*|__|`|(?<![\w_])_(?![\s_])[^_\n]+?(?<![\s_])_(?![\w_])|\s\|\s|</?[a-z]+[^>]*>|\$(?![\d\s])[^$]*[\\^_{}=][^$]*\$|\\[a-z]+\{|\\\(|\\\[|\^\{|"
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55\u2705\u274C\uFE0F]"
)


def markup(text: str) -> bool:
    """Whether a card's text still wears markup, LaTeX or an emoji."""
    return bool(_MARKUP.search(text))


def wrong_as_written(text: str, topic: TopicView) -> bool:
    """Whether a card's side says something the claims knowledge base flags as wrong (content/claims.toml)."""
    from content.ingest.claims import find_claim  # noqa: PLC0415 (content's ingest imports this module)

    return find_claim(text, topic=topic.slug) is not None


_HASHTAG = re.compile(r"#[\w-]+")
_CATEGORY_FILLER = frozenset({"and", "service", "aws", "amazon"})
_WALKTHROUGH = re.compile(r"^\W*step\s*\d+\b", re.I)


@lru_cache(maxsize=1)
def _category_words() -> frozenset[frozenset[str]]:
    from content.catalog import load_catalog

    return frozenset(frozenset(re.findall(r"[a-z]+", c.name.lower())) - {"and"} for c in load_catalog().categories)


def category_name(term: str) -> bool:
    """Whether a term names one of the catalog's categories of services, or a part of one, however its words are
    joined and whether or not it says "services" ("Security & Identity & Compliance" for "Security, Identity &
    Compliance", "Database Services", "Management Services"); a term the catalog knows as a topic is no category."""
    from content.catalog import load_catalog

    said = [w.removesuffix("s") for w in re.findall(r"[a-z]+", term.lower())]
    words = frozenset(said) - _CATEGORY_FILLER
    if not words or load_catalog().lookup(term):
        return False
    categories = [frozenset(w.removesuffix("s") for w in category) for category in _category_words()]
    # a part of a category only when the term says it is a group of services ("Business" is a support plan)
    return words in categories or ("service" in said and any(words <= category for category in categories))


def cards_for(fact: FactView, topic: TopicView) -> list[CardDraft]:
    generator = GENERATORS.get(fact.kind)
    if generator is None:
        return reject("no card rule for this kind")
    fact = dataclasses.replace(
        fact,
        subject=fix_names(fact.subject),
        text=fix_names(fact.text),
        section=fix_names(fact.section),
        data=_fixed(fact.data),
    )
    if fact.kind in ("definition", "use_case") and category_name(fact.subject):
        # "Developer Tools" or "Security & Identity & Compliance" over a service's line: the heading groups services,
        # and what follows it describes one of them ("What is Developer Tools (in Amazon EC2)?")
        return reject("term is a category of services")
    cards = generator(fact, topic)
    if cards and any(_HASHTAG.search(c.back) and not re.search(r"[^\W\d_]", _HASHTAG.sub("", c.back)) for c in cards):
        return reject("back is only tags")  # "#athena #aws": a file's tag line under its title
    if cards and any(_WALKTHROUGH.match(c.back) for c in cards):
        return reject("back is a walkthrough step")  # "Step 1. Click on EC2 under services."
    if cards and any(markup(c.front) or markup(c.back) for c in cards):
        return reject("markup, LaTeX or emoji in the card")
    if cards and any(_QUIZ_SCAFFOLD.search(c.front + " " + c.back) for c in cards):
        return reject("a quiz's scaffolding in the card")  # "Explanation for other options – Reserved Instances ..."
    if cards and any(wrong_as_written(c.front, topic) or wrong_as_written(c.back, topic) for c in cards):
        # the line was right, but the heading its term came from is not ("EC2 (Elastic Cloud Compute)")
        return reject("card states a known misconception")
    # A slip of the note-taker's fingers is not taught: "predicatable" reaches the card as "predictable"
    return [dataclasses.replace(c, front=correct_typos(c.front), back=correct_typos(c.back)) for c in cards]


def scenario_card(question) -> CardDraft | None:
    """A scenario question as a flashcard: the exam's "which one fits?" with the answer and why.

    One card per requirement (its first wording); the reason is the family data's verified fact for the right
    option, the sources are the note lines that back it. A "Which TWO" requirement is asked for both, each
    with the first clause of its fact.
    """
    if question.kind not in ("single", "multi") or not question.key:
        return None
    right = [c for c in question.choices if c.correct]
    if not right or not all(c.refs for c in right) or len(right) != (2 if question.kind == "multi" else 1):
        return None
    reasons = [c.explanation.removeprefix("Correct.").strip() for c in right]
    # The card shows the question's options: without them another AWS service, or an option the family data
    # calls arguably right, would also answer the front, and a "Which TWO" back would miss valid answers.
    offered = "Options: " + "; ".join(c.text for c in sorted(question.choices, key=lambda c: c.text)) + "."
    if question.kind == "single":
        back = f"{right[0].text}. {reasons[0]}" if reasons[0] else right[0].text
        front = f"{question.stem}\n{offered}"
    else:
        front = re.sub(r"\s*\(Select TWO\.\)\s*$", "", question.stem) + f"\n{offered}"
        back = f"{right[0].text} and {right[1].text}." + "".join(
            f"\n• {_first_clause(reason)}" for reason in reasons if reason
        )
    if len(back) > MAX_BACK + 80:  # a scenario stem is long by nature; the back must still fit a phone
        return None
    return CardDraft(
        card_key(f"scenario\x1f{question.family}\x1f{question.requirement}", "scenario"), "scenario", front, back
    )


def _first_clause(text: str) -> str:
    """'AWS Fargate is a serverless compute engine for containers on ECS or EKS: you give ...' -> up to the colon."""
    clause = re.split(r"(?<=[A-Za-z0-9)])(?:[:;]|,\s(?:and|but|so|with|while)\b|\.\s)", text, maxsplit=1)[0]
    return clause.rstrip(" .,") + "."


_ASKED = re.compile(r"^What (?:is|are) (?P<term>.+?)(?: \(in [^)]*\))?(?P<use> best suited for)?\?$")


def duplicate_key(card: CardDraft, topic_slug: str) -> str:
    """What a card asks, compared loosely: two cards with the same key on one topic are one card.

    "What is Amazon Redshift?" and "What is Redshift (in Amazon Redshift)?" ask the same; so do "FIFO queue" and
    "FIFO queues", and two blanks over the same number on one page.
    """
    if card.kind in ("definition", "use_case"):
        asked = _ASKED.match(card.front)
        if asked:
            term = re.sub(r"^(?:amazon|aws) ", "", plain_name(asked["term"]))
            term = " ".join(
                w[:-1] if w.endswith("s") and len(w) > 3 and not w.endswith("ss") else w for w in term.split()
            )
            return f"{topic_slug}|{card.kind}|{term}"
    if card.kind == "number":
        answer = blank_answer(card.front, card.back)
        if answer and re.search(r"(?i:\bport\b)|\b[A-Z][A-Za-z]*[A-Z]\w*\s*\(\[…\]", card.front):
            return f"port|{answer}"  # a port is the same fact on every page: SSH is port 22 once
        if answer:
            return f"{topic_slug}|number|{answer}|{' '.join(sorted(set(words(card.front)) - {'…'}))[:80]}"
    return " ".join(words(card.front))


def blank_answer(front: str, back: str) -> str:
    """What fills the […] of a number card: the text of the back between the words around the blank."""
    before, _, after = front.partition("[…]")
    before, after = before[-12:], after[:8].rstrip(".")
    start = back.find(before) + len(before) if before and before in back else (0 if not before else -1)
    if start < 0:
        return ""
    end = back.find(after, start) if after else len(back.rstrip("."))
    return back[start:end].strip(" .") if end > start else ""
