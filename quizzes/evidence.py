"""Finding the notes' own line about an option: the evidence a scenario question's explanation quotes.

`family_lines(family, lines_by_topic, near)` reads every line of the notes once (`NoteScan`) and finds, for each of
a family's options, the most telling line about it (`find_evidence`): one that names the option near its start, or
is its entry in a glossary or a table, or opens a section titled with it, and says something of it (not a bare
heading, a list of names, a step done to it, another tier's line, a quiz's verdict). When no line opens with an
option that is a catalog topic itself, the notes' definition of that topic backs it (`defining_line`).

Plain Python over plain values: quizzes/generate.py builds the questions from what this module finds.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import functools
import html
import itertools
import re
from dataclasses import dataclass

from content.catalog import CatalogTopic, load_catalog
from content.ingest.facts.text import (
    ABOUT_THE_NOTES,
    IMPERATIVE,
    INTEGRATIONS_TITLE,
    POINTS_BACK,
    THOUSANDS_COMMA,
    WORKS_WITH_LABEL,
    comma_items,
)
from content.ingest.outline import comparison_columns
from content.ingest.spelling import english_words, known_word, misspellings, respell_services
from learning.generate import garbled, hurried, is_expansion
from quizzes.families import Family, Option, load_families

MAX_QUOTE = 240


_SECTION_READ = 15  # lines: how far into a section titled with an option its later lines are read
OPENING = 60  # characters: a line on another topic must name the option this early to be about it


@dataclass(frozen=True)
class Line:
    text: str
    refs: tuple  # ((label, source_id, line), ...)
    topic: str = ""  # catalog slug of the section the line sits in ("" when unknown: any option may quote it)
    heading: str = ""  # the title of the section the line sits in ("PRE ASSIGNED URLs"): lines under it are about it
    labelled: bool = False  # a line that only named an option, joined to the description under it
    depth: int = 0  # how deep the line's bullet sits: a deeper line right after it belongs to it
    # the note's own heading where the page titles the section with the topic's name ("FSx for Windows file server"
    # on the FSx Overview): a second title the line sits under
    note_heading: str = ""


_TARGET = r"""\([^()\s]*(?:\s+(?:"[^"]*"|'[^']*'))?\)"""  # a link's target: "(url)" or '(url "title")'


@functools.lru_cache(maxsize=65536)  # every family reads the same lines: clean each once
def plain_text(text: str) -> str:
    """A note line as a quote shows it: no markdown emphasis or code marks, single spaces, no doubled punctuation
    ("etc..", ",,", " ." read as slips, not as an ellipsis "...")."""
    text = html.unescape(re.sub(r"</?[A-Za-z][^<>]*>", "", text))  # inline HTML (`<mark ...>`, `&#x20;`) as words
    text = re.sub(rf"\s*\[(?:https?://|www\.)[^\[\]]*\]{_TARGET}", "", text)  # a bare address says nothing
    text = re.sub(rf"\[([^\[\]]+)\]{_TARGET}", r"\1", text)  # a markdown link reads as its words
    text = re.sub(r"\s+", " ", text.replace("**", "").replace("`", "")).strip()
    text = re.sub(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]", r"\1", text)  # an Obsidian wikilink reads as its label
    text = re.sub(r"(?<![\w*])\*(?![\s*])([^*]+?)(?<![\s*])\*(?![\w*])", r"\1", text)  # "*italic*" (or "***bold***")
    text = re.sub(r"(?<![\w_])_{1,2}(?![\s_])([^_]+?)(?<![\s_])_{1,2}(?![\w_])", r"\1", text)  # "_italic_", "__bold__"
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)
    text = re.sub(r"([,;:!?])\1+", r"\1", text)
    return re.sub(r"\s+([,;:.!?])(?=\s|$)", r"\1", text)


# the best choice for the application in this scenario"): no fact about the option
_SCENARIO_VERDICT = re.compile(
    r"\b(?:would|will|is|are)(?: not)? (?:be )?(?:the )?(?:best|right|correct|ideal|most \w+)"
    r" (?:choice|option|answer|fit)\b|\bin this scenario\b",
    re.I,
)


def clean_quote(text: str) -> str:
    """A note line as a quote: markup off, the sentences before any that grade an option for a question's scenario,
    and cut to MAX_QUOTE."""
    text = plain_text(text).rstrip(" :")  # ("NLB gets a static IP per Availability Zone:" over its bullets)
    sentences = re.split(_FULL_STOP, text)
    for k, sentence in enumerate(sentences[1:], 1):
        if _SCENARIO_VERDICT.search(sentence) or _VERDICT.search(sentence):
            text = " ".join(sentences[:k])
            break
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"


PLAIN_WORDS = frozenset(
    """a an the of in on for to by with and or as per at from its it is are be not no aws amazon
service services option options type types into onto than that this these those each what which manage managed
management""".split()
)


SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ies", "able", "ible", "ly", "ed", "es", "s", "y")


# a long ending leaves a stem of four letters or more: "durable" and "duration" are no one word ("dur")
_SHORTEST_STEM = {"ations": 4, "ation": 4, "able": 4, "ible": 4}


_DOUBLING = frozenset({"ed", "ing", "ings", "er", "ers"})  # endings that double a word's last consonant


# a unit or a limit as notes shorten it, read as its words
_ABBREVIATED = {
    "min": "minute minimum",
    "mins": "minutes",
    "max": "maximum",
    "sec": "second",
    "secs": "seconds",
    "hr": "hour",
    "hrs": "hours",
}


_SAME_WORD = {"itself": "self", "themselves": "self", "ourselves": "self", "yourself": "self"}


@functools.lru_cache(maxsize=65536)
def word_stems(text: str) -> frozenset[str]:
    """Crude stems of the words in a text ("bursts", "Bursting" -> "burst"; "readable", "Read" -> "read")."""
    stems = set()
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        if word in _ABBREVIATED:
            stems |= word_stems(_ABBREVIATED[word])  # "15 min max timeout": minutes (or a minimum), a maximum
            continue
        word = _SAME_WORD.get(word, word)
        if word in PLAIN_WORDS or len(word) < 3:
            continue
        if word.endswith("ues"):
            word = word[:-1]  # "queues", "values": the plural of "queue", not a stem "queu"
        if word.endswith(("tion", "tions")) and not word.endswith(("ation", "ations")) and len(word) >= 7:
            word = word[: word.rindex("ion")]  # "deletion", "encryption": the verb's stem ("delet", "encrypt")
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= _SHORTEST_STEM.get(suffix, 3):
                word = word[: -len(suffix)]
                if suffix in _DOUBLING and word[-1] == word[-2] and word[-1] not in "aeioulsfz":
                    word = word[:-1]  # "Stepped", "bigger": the consonant doubled before the ending ("step", "big")
                break
        stems.add(word)
    return frozenset(stems)


@functools.lru_cache(maxsize=4096)
def option_pattern(option: Option) -> re.Pattern:
    """All of an option's evidence patterns as one, so a line is searched once per option."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in option.evidence), re.I)


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@functools.lru_cache(maxsize=4096)
def option_spellings(option: Option) -> tuple[str, ...]:
    """The ways notes write an option's name, letters only: its own name without the maker, and every catalog name
    or alias that reads almost like it ("pre assigned urls" for Presigned URL, "Kinesis Data Stream")."""
    bare = _compact(_unmade(_without_aside(option.name)))
    forms = set(_topic_spellings(option))
    if re.search(r"\(\s*[a-z]{1,3}\d[a-z0-9]*(?:\s*/\s*[a-z]{1,3}\d[a-z0-9]*)*\s*\)", option.name, re.I):
        # "General Purpose SSD (gp3)": the code tells it from its sibling of the same words (gp2), so the words
        # alone are no spelling of it (its evidence patterns find the code)
        return tuple(sorted(forms))
    if len(bare) < 6:
        return tuple(sorted(forms))  # "Storage", "IaaS": too short to find by spelling alone (evidence patterns do)
    if re.match(r"[A-Za-z]\s", _unmade(_without_aside(option.name))):
        return tuple(sorted(forms))  # "A record": "how long a record is cached" has the article (patterns find "A")
    forms.add(bare.removesuffix("s"))
    for compact in _catalog_spellings():
        if compact[0] == bare[0] and abs(len(compact) - len(bare)) <= 3:
            if difflib.SequenceMatcher(None, compact, bare).ratio() >= 0.85:
                forms.add(compact.removesuffix("s"))
    return tuple(sorted(forms))


def _topic_spellings(option: Option) -> set[str]:
    """Every name of the catalog topic an option is (not one it only belongs to): "Elastic Kubernetes Service" and
    "EKS" for Amazon EKS. A short name counts only as a capitalised acronym the catalog does not call ambiguous."""
    catalog = load_catalog()
    topic = catalog.topics.get(option.topic or "")
    if topic is None:
        return set()
    own = {_compact(_unmade(n)) for n in (topic.name, topic.full_name, topic.short) if n}
    if _compact(_unmade(_without_aside(option.name))) not in own:
        return set()  # "Amazon ECS on EC2 instances" is one way to run ECS, not ECS
    forms = set()
    for name in (topic.name, topic.full_name, topic.short):
        compact = _compact(_unmade(name or ""))
        word = _unmade(name or "")
        if re.fullmatch(r"[A-Za-z]+", word) and not word.isupper() and english_word(word.lower()):
            continue  # one English word ("Artifact" of AWS Artifact): "artifact management" is no mention of it
        if len(compact) >= 6:
            forms.add(compact.removesuffix("s"))
        elif name and len(compact) >= 3 and _unmade(name).isupper() and name.lower() not in catalog.ambiguous:
            forms.add(compact)  # whole: "EKS" -> "eks", as _spelled_runs keeps a short word (not "ek", which "EK
            # Extensions" would spell)
    return forms


def english_word(low: str) -> bool:
    """Whether a lower-case word is in the English dictionary (not the word list that also holds service names)."""
    return low in english_words()


@functools.cache
def _catalog_spellings() -> frozenset[str]:
    """Every catalog name and alias, letters only, without the maker."""
    return frozenset(
        compact
        for topic in load_catalog().topics.values()
        for name in topic.names
        if len(compact := _compact(_unmade(name))) >= 6
    )


def _without_aside(text: str) -> str:
    """A name or line without its asides in brackets ("IAM Credentials Report (account level)")."""
    return _ASIDE.sub("", text)


_ASIDE = re.compile(r"\s*\([^)]*\)")


def _topic_name_words(option: Option) -> frozenset[str]:
    """The words of the catalog names of the service an option is ("Elastic Container Service" for "Amazon ECS on
    EC2 instances"): a line made of them only names it."""
    topic = load_catalog().topics.get(option.topic) if option.topic else None
    if topic is None or topic.category == "cloud-concepts":
        return frozenset()
    return word_stems(" ".join(n for n in (topic.name, topic.short, topic.full_name) if n))


def _kind_words(option: Option) -> frozenset[str]:
    """The words that say which kind of its service an option is ("EC2 instances" of "Amazon ECS on EC2 instances"),
    empty for the service itself."""
    if not (own := _topic_name_words(option)):
        return frozenset()
    return word_stems(option.name) - own - {"amazon", "aws"}


def _own_name_words(topic) -> set[str]:
    """The lower-case words of a catalog topic's own names (name, short and full name, not its aliases)."""
    return {w for n in (topic.name, topic.short, topic.full_name) if n for w in re.findall(r"[a-z0-9]+", n.lower())}


def _own_topic_names(topic) -> set[str]:
    """A catalog topic's own names (name, short and full name, not its aliases), letters only."""
    return {_compact(_unmade(n)) for n in (topic.name, topic.short, topic.full_name) if n}


def _unmade(name: str) -> str:
    """A name without its maker ("Amazon Kinesis Data Streams" -> "Kinesis Data Streams"), unless one plain word
    would be left ("AWS Artifact", "AWS Budgets": "artifact management" and "budgeting" are no services)."""
    bare = re.sub(r"^(?:Amazon|AWS)\s+", "", name, flags=re.I)
    return bare if len(bare.split()) >= 2 or bare != bare.lower().capitalize() else name


def names_option(option: Option, text: str, opening: int = OPENING) -> bool:
    """Whether a line is about an option: it names it near its start, by the option's evidence patterns or by any
    spelling of its name (the catalog's aliases and misspellings, service names respelled the catalog's way)."""
    head = text[:opening]
    if any(p.search(head) for p in option.evidence):
        return True
    spellings = option_spellings(option)
    if not spellings:
        return False
    return not _spelled_runs(_whole_words(head, text)).isdisjoint(spellings)


def _whole_words(head: str, text: str) -> str:
    """The opening `head` of `text` without a word the cut went through: "... Indication (SN" of "(SNI)" holds no
    word "SN", so no "SNS" either."""
    if len(head) < len(text) and head[-1:].isalnum() and text[len(head)].isalnum():
        return re.sub(r"[A-Za-z0-9]+$", "", head)
    return head


_HYPHENATED = re.compile(r"[a-z0-9]-[a-z0-9]\Z")  # a word that goes on from the one before it by a hyphen


@functools.lru_cache(maxsize=65536)  # every missing option of every family reads the same lines
def _spelled_runs(text: str) -> frozenset[str]:
    """Every run of up to six whole words of a text, letters only and without a plural s ("pre assigned URLs" ->
    "preassignedurl"), after respelling service names: a name matches whole words, never part of one ("Artifact"
    is not in "CodeArtifact", "Budgets" not in "budgeting"), and a run never starts inside a hyphenated word
    ("Real-time streams" holds no "Timestream")."""
    respelled = respell_services(text)
    found = list(re.finditer(r"[a-z0-9]+", respelled.lower()))
    words = [m.group() for m in found]
    lower = [respelled[m.start()].islower() for m in found]
    one_word = _one_word_names()
    return frozenset(
        run
        for i in range(len(words))
        if not _HYPHENATED.search(found[i].string, 0, found[i].start() + 1)
        for j in range(i + 1, min(i + 7, len(words) + 1))
        if not ((run := "".join(words[i:j]).removesuffix("s")) in one_word and j - i > 1 and all(lower[i:j]))
    ) | {w for w in words if len(w) in (3, 4) and w.endswith("s")}  # a short name whole ("EBS"), which its plural
    # form ("eb") would confuse with another ("EB Extensions" of Elastic Beanstalk)
    # (and a one-word name spelled over lowercase words is common words: "real time stream" holds no Timestream,
    # where "Cloud Watch" is CloudWatch)


@functools.cache
def _one_word_names() -> frozenset[str]:
    """The catalog's names that are one word ("Timestream", "CloudWatch"), letters only, without a plural s."""
    return frozenset(
        _compact(_unmade(n)).removesuffix("s")
        for topic in load_catalog().topics.values()
        for n in (topic.name, topic.full_name, topic.short)
        if n and re.fullmatch(r"[A-Za-z][A-Za-z0-9]+", _unmade(n))
    )


def heading_names(option: Option, line: Line) -> bool:
    """Whether the section a line sits in is titled with the option ("SRV RECORD", "PRE ASSIGNED URLs"), or with
    its topic's name misspelt ("Cost Exploerr"), as the topic page it was placed on already read it; by the page's
    title or the note's own ("Amazon FSx" and "FSx for Windows file server")."""
    return bool(_title_naming(option, line))


def _title_naming(option: Option, line: Line) -> str:
    """The title of a line's section that names the option, the page's before the note's, else "" (also when the
    note's own title is something done with it: "Temporarily Sharing S3 objects Using presigned URLs" under a page
    titled "Amazon S3")."""
    if line.note_heading and (
        (option.topic and _common_word_later_in(option.topic, line.note_heading))  # ("Rolling with additional batch")
        or _aspect_of(option, plain_text(line.note_heading))
        or _titles_a_part(option, plain_text(line.note_heading))
        or _another_topic_first(option, plain_text(line.note_heading))
        or _inside_a_longer_name(option, plain_text(line.note_heading))
        or _a_parts_subject(option, f"{plain_text(line.note_heading)} is")
    ):
        return ""  # (nor when it titles a part of the service: "EC2 Dedicated Hosts" under a page titled "Amazon EC2";
        # "Lambda container freeze and connection reuse", the service's name and words of one part of it)
    for heading in dict.fromkeys((line.heading, line.note_heading)):
        if heading and _heading_names(option, dataclasses.replace(line, heading=heading)):
            return _COURSE_PART.sub("", heading, count=1)
    if option.topic and line.topic == option.topic and line.heading and _names_its_topic(option):
        said = word_stems(plain_text(line.heading))
        if said and said <= _OVERVIEW_WORDS:
            # "Features" over "Supports NFSv4" on EFS's own page: an attribute of the page's service, titled by it
            return load_catalog().topics[option.topic].name
    return ""


def _inside_a_longer_name(option: Option, title: str) -> bool:
    """Whether a title spells the option's one-word name only glued inside a longer one ("Lambda@Edge", a CloudFront
    feature, for AWS Lambda; "EC2-Classic"): the section is that other thing's, even on the option's page (blind
    graders failed each question quoting "Bot detection" under it for Lambda)."""
    name = _maker_off(option.name).lower()
    if len(name) < 2 or " " in name:
        return False
    tokens = {t.strip(" :;,.()[]*_`\"'").lower() for t in re.split(r"[\s/&+,]+", title)}  # ("EC2/EBS": two names)
    tokens = {re.sub(r"(?:'s|s)$", "", t) for t in tokens}
    return name not in tokens and any(name in t for t in tokens)


def _maker_off(name: str) -> str:
    """A name without "Amazon" or "AWS" before it, even where one plain word is left ("Lambda")."""
    return re.sub(r"^(?:Amazon|AWS)\s+", "", _without_aside(name).strip(), flags=re.I)


# the title of a section on what a service is and does ("Features"), not on a part of it ("Pricing", "Use cases")
_OVERVIEW_WORDS = word_stems("overview basics features benefits characteristics")


# a course's numbering before a title ("Section 4: S3 Glacier", "Module 7 - Storage")
_COURSE_PART = re.compile(
    r"^\W*(?:section|chapter|module|part|lesson|unit|lecture|day|week)\s*\d+(?:\.\d+)?\s*[:.\-–—]\s*", re.I
)


# a title asking what a bare name is ("What is a visibility timeout?")
_WHAT_IS_IT = re.compile(r"^\W*what(?:'s| is| are) (?:an? |the )?((?:\S+ ){0,4}\S+?)\W*\?\W*$", re.I)

# what a title opens with before the option's name when the title is about something done with it: an activity
# ("Monitoring S3 Buckets ...") or a preposition ("Networking with EC2", "Security in S3")
_ASPECT_TITLE = re.compile(
    r"^\W*(?:[a-z]+ly\s+)?(?!(?:understanding|introducing|exploring|learning|getting started)\b)[a-z]+ing\b"
    r"|^\W*(?:how|steps?) to\b"  # ("How to Build and Configure an EC2 Instance": a procedure done with it)
    r"|\b(?:with|in|on|for|using|via|by|from)\W*$",
    re.I,
)


# the tool an activity on something is done with ("Logging API calls with CloudTrail"), unlike an activity done
# within it ("Networking with EC2": the gerund straight before "with")
_WITH_TOOL_END = re.compile(
    r"^\W*(?:[a-z]+ly\s+)?[a-z]+ing\s+(?!(?:with|using|via)\b)\S.*\b(?:with|using|via)\W*$", re.I
)


def _aspect_of(option: Option, title: str) -> bool:
    """Whether a title names the option after an activity or a preposition: something done with it ("Monitoring S3
    Buckets with Macie" for S3), not the tool it is done with ("Logging API calls with CloudTrail")."""
    if not names_option(option, title, opening=len(title)):
        return False
    lead = title[: _named_at(option, title)]
    return bool(_ASPECT_TITLE.search(lead)) and not _WITH_TOOL_END.search(lead)


def _heading_names(option: Option, line: Line) -> bool:
    if line.heading and option.topic and _common_word_later_in(option.topic, line.heading):
        return False  # "Rolling with additional batch" (an Elastic Beanstalk deployment policy) titles no AWS Batch
    if line.heading and (numbered := _COURSE_PART.match(line.heading)):
        line = dataclasses.replace(line, heading=line.heading[numbered.end() :])  # "Section 4: S3 Glacier"
    if line.heading and (asked := _WHAT_IS_IT.match(plain_text(line.heading))):
        line = dataclasses.replace(line, heading=asked[1])  # "What is a visibility timeout?" titles the timeout
    if not line.heading or line.heading.rstrip(" *_`").endswith("?"):
        return False  # (a practice question's stem as a heading names the services it asks about; titles none)
    if names_option(option, line.heading, opening=len(line.heading)):
        # ("EC2 Purchasing Options" titles no EC2 line; "Billing Alarms & AWS Budgets" titles two things, and its
        # first line may be the other's; "Networking with EC2", "Monitoring S3 Buckets with Macie" title something
        # done with it)
        return (
            not _names_a_longer_topic(option, line.heading)
            and not _another_topic_first(option, plain_text(line.heading))
            and not _titles_two(option, line.heading)
            and not _aspect_of(option, plain_text(line.heading))
            and not _titles_a_part(option, plain_text(line.heading))
            and not _titles_a_part_of(option, plain_text(line.heading))
            and not _a_parts_subject(option, f"{plain_text(line.heading)} is")  # "Lambda container freeze ..."
        )
    if any(p.search(plain_text(line.heading)) for p in option.titles):
        return True  # a bare name as a title ("Availability Zones"), which no line of its own would count
    if line.topic == option.topic and any(_same_name(line.heading, rest) for rest in _name_on_page(option, line.topic)):
        return True  # "Alarms" on CloudWatch's page titles CloudWatch alarms
    named = _WHAT_IS.sub("", plain_text(line.heading)).strip(" :*_")
    if named != plain_text(line.heading) and option.topic and _names_its_topic(option) and len(named.split()) <= 4:
        return load_catalog().find(named) == [option.topic]  # "What S3 actually is" titles S3 by its short name
    if not (option.topic and _names_its_topic(option, plural=True)):
        return False
    # a misspelt title ("Cost Exploerr"), or a bare one ("Roles") over a section the placement put on the option's
    # own page (IAM roles): the page already reads it as the option
    return _mended_heading(line.heading) == option.topic or (
        line.topic == option.topic and _bare_part_heading(option.topic, line.heading)
    )


def _another_topic_first(option: Option, title: str) -> bool:
    """Whether a title, or the bullet a line sits under, names another service before the option, which it names
    only in passing ("An ELB (EC2 Load Balancer) is a managed load balancer" over "AWS provides only a few
    configuration knobs"): the lines under it are that service's."""
    if not (option.topic and _names_its_topic(option)):
        return False
    catalog = load_catalog()
    mentioned = catalog.mentions(title)
    if not mentioned or option.topic not in mentioned:
        return False
    first = mentioned[0]
    named = _topic_names_pattern(option.topic).search(title)
    if first == option.topic and named:
        # or names it as the first word of another's name ("Why use an EC2 Load Balancer?")
        rest = title[named.end() :].strip().lower()
        after = catalog.mentions(rest)
        if not after or not any(rest.startswith(n.lower()) for n in catalog.topics[after[0]].names):
            return False
        first = after[0]
    return first != option.topic and not (
        catalog.is_ancestor(first, option.topic) or catalog.is_ancestor(option.topic, first)
    )


@functools.lru_cache(maxsize=512)
def _topic_names_pattern(slug: str) -> re.Pattern:
    """Any catalog name of a topic, longest first, as whole words."""
    names = sorted(load_catalog().topics[slug].names, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I)


def _another_services_feature(option: Option, family: Family | None, line: Line, text: str) -> bool:
    """Whether a line on another service's page is about that service's feature of the same name: "Health checks are
    separate from, but are used by records" on Route 53's page says nothing of a load balancer's health checks (the
    course knows "Route 53 health checks" as an option of its own), unless it names the family's service."""
    if option.topic or not family or not line.topic or line.topic == family.topic or not _a_service(family.topic):
        return False  # (a cloud concept, "Elasticity", is one idea whichever page says it)
    catalog = load_catalog()
    page = {line.topic} | {t for t in _namesakes(option.name.lower()) if catalog.is_ancestor(t, line.topic)}
    return bool(page & _namesakes(option.name.lower())) and family.topic not in catalog.mentions(text)


@functools.lru_cache(maxsize=1024)
def _namesakes(name: str) -> frozenset[str]:
    """The services with an option of their own whose name ends with this one ("Route 53 health checks" for "Health
    checks"): the pages where a line of that name is about their feature."""
    from quizzes.families import load_families  # noqa: PLC0415

    out = set()
    for family in load_families().values():
        for other in family.options.values():
            if other.name.lower() != name and other.name.lower().endswith(" " + name):
                out |= {other.topic or family.topic}
    return frozenset(out)


def _bare_lead_in(text: str) -> bool:
    """Whether a line ending in a colon only leads into the bullets under it ("Application Load Balancer features:"),
    where a whole clause before it says something ("NLB (Layer 4) gets a static IP per Availability Zone:")."""
    if not text.rstrip().endswith(":"):
        return False
    said = text.rstrip().rstrip(":")
    return len(re.findall(r"[A-Za-z]\S*", said)) < 6 or not (_VERB_END.search(said) or _TELLS.search(said))


def _about_a_part(option: Option, text: str, first: int) -> bool:
    """Whether a line on a service names, past the service, a part of it with its own catalog page (Spot Instances of
    EC2): the line is about that part."""
    if not option.topic or not _names_its_topic(option):
        return False
    catalog = load_catalog()
    named = option_pattern(option).search(text, first)
    rest = text[named.end() :] if named and named.start() == first else text[first:]
    if any(t != option.topic and catalog.is_ancestor(option.topic, t) for t in catalog.mentions(rest)):
        return True
    said = set(re.findall(r"[a-z]{4,}", rest.lower()))
    return bool(said & _one_word_part_names(option.topic))


@functools.lru_cache(maxsize=256)
def _one_word_part_names(slug: str) -> frozenset[str]:
    """The one-word names the catalog gives the parts of a service ("spot", "reserved" of EC2's purchasing options),
    which a line names without the part's full name ("the Spot price")."""
    catalog = load_catalog()
    return frozenset(
        a
        for t in catalog.topics.values()
        if t.slug != slug and catalog.is_ancestor(slug, t.slug)
        for a in (*t.aliases, *t.context_names)
        if re.fullmatch(r"[a-z]{4,}", a)
    )


def _titles_a_part(option: Option, heading: str) -> bool:
    """Whether a title that names a service names a part of it with the catalog's page of its own ("EC2 Dedicated
    Hosts", a purchasing option of EC2), or a feature the catalog knows by the service's name and more words ("S3
    lifecycle policies"): its lines are the part's, not the service's."""
    if not option.topic or not _names_its_topic(option):
        return False
    catalog = load_catalog()
    found = catalog.find(heading)
    if bool(found) and option.topic not in found and all(catalog.is_ancestor(option.topic, t) for t in found):
        return True
    return _titles_a_feature(catalog.topics[option.topic], heading)


# a feature's words that still name the service itself ("S3 buckets", "EC2 instances")
_THE_SERVICE_ITSELF = frozenset({"bucket", "buckets", "instance", "instances", "service", "overview", "basics"})
_RESOURCE_WORDS = word_stems(
    "function functions table tables queue queues topic topics cluster clusters volume volumes"
)
_THE_SERVICE_WORDS = word_stems(" ".join(_THE_SERVICE_ITSELF))


def _titles_a_feature(topic, heading: str) -> bool:
    """Whether a title opens with one of the service's names that goes on past its short name to a feature ("S3
    lifecycle policies", "S3 versioning", "S3 Transfer Acceleration"), as the catalog spells it."""
    title = re.sub(r"^(?:amazon|aws)\s+", "", re.sub(r"[^a-z0-9 ]+", " ", plain_text(heading).lower())).split()
    shorts = {n.lower() for n in (topic.short, re.sub(r"^(?:Amazon|AWS)\s+", "", topic.name)) if n}
    for alias in topic.aliases:
        words = alias.lower().split()
        if (
            len(words) >= 2
            and words[0] in shorts
            and not set(words[1:]) <= _THE_SERVICE_ITSELF
            and title[: len(words)] == words
        ):
            return True
    return False


# what a title goes on with past a service's name when its lines list kinds of it ("EC2 types and why", "EC2 instance
# types", "S3 storage classes"): each line is one kind's, not the service's
_KINDS_AFTER = re.compile(
    r"^\W*(?:(?:instance|storage|volume|pricing|purchasing|deployment)\s+)?"
    r"(?:types?|kinds?|class(?:es)?|options?|famil(?:y|ies)|tiers?|modes?|categor(?:y|ies)|varieties)\b",
    re.I,
)


_KINDS_WORD = re.compile(r"\b(?:types?|kinds?|class(?:es)?|famil(?:y|ies)|tiers?|categor(?:y|ies)|varieties)\b", re.I)


# what advice opens with ("use a good naming convention", "make sure ...", "don't ..."), unlike what a thing is used
# for ("use for static websites")
_ADVICE = re.compile(
    r"\W*(?:\d{1,2}\s*[-.)]\s*)?"  # ("1- Make sure to ...": an item of a numbered list of advice)
    r"(?:use\b(?!(?:\s+(?:it|this|that|them|these))?\s+(?:for|when|to|in|as|with|cases?|if)\b)|make sure|ensure"
    r"|remember|don'?t|do not|avoid|consider|keep in mind)\b",
    re.I,
)


def is_gotcha(text: str) -> bool:
    """Whether a line is an exam's gotcha or an error message's meaning ("after creating it, it's not possible to
    change it", "HTTP error 503 Slow Down indicates ..."), not what a thing is."""
    return bool(_GOTCHA.search(text))


def is_advice(text: str) -> bool:
    """Whether a line is advice on using a thing ("1- Make sure to put data into ...", "Use a good naming
    convention"), not what the thing is."""
    return bool(_ADVICE.match(text))


def _advice_entry(text: str) -> bool:
    """Whether a labelled line gives advice under its label ("EC2: use a good naming convention e.g. ...")."""
    plain = plain_text(text)
    m = _LABEL.match(plain)
    return bool(m) and bool(_ADVICE.match(plain[m.end() :]))


_WHOLE_BOLD_LINE = re.compile(r"\s*(?:[-*+•]\s+|\d{1,2}[.)]\s+)?(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*")

# words after a service's name that still title the service itself ("Amazon EC2 Overview", "EC2 Instances")
_SELF_TITLE_WORDS = word_stems(
    "overview basics basic introduction intro notes summary fundamentals service services instance instances concepts"
    " essentials recap review cheat sheet deep dive details general"
)


def _titles_something_else(option: Option, text: str) -> bool:
    """Whether a title names the option only after words of its own ("EC2 unmanaged DB with 2+ EBS Volume"), not as
    its subject ("AWS Transit Gateway", "SSE-C (Server-Side Encryption with Customer-Provided Keys)")."""
    at = _named_at(option, text)
    before = text[:at]
    if not at or "(" in before:
        return False
    return len([w for w in re.findall(r"[A-Za-z0-9][\w+-]*", before) if w.lower() not in ("amazon", "aws")]) >= 2


def _titles_a_named_part(option: Option, heading: str) -> bool:
    """Whether a title is a service's name followed by more capitalised words, the name of a part of it the catalog
    may not know ("EC2 Enhanced Networking (SR-IOV)", "Amazon RDS Proxy"): its lines are the part's."""
    if not option.topic or not _names_its_topic(option):
        return False
    named = _topic_names_pattern(option.topic).search(heading)
    if not named or re.sub(r"(?i)^\W*(?:amazon|aws)\s+", "", heading[: named.start()]).strip(" *_`#"):
        return False
    rest = re.findall(r"[A-Za-z][\w-]*", _without_aside(heading[named.end() :]))
    return bool(rest) and all(w[0].isupper() for w in rest) and not word_stems(" ".join(rest)) <= _SELF_TITLE_WORDS


def _kinds_title(text: str) -> bool:
    """Whether a line is a short title over a list of kinds ("Image types and why"), which says nothing itself."""
    plain = plain_text(text)
    return len(plain.split()) <= 6 and bool(_KINDS_WORD.search(plain)) and not _TELLS.search(plain)


def _titles_a_part_of(option: Option, heading: str) -> bool:
    """Whether a title names a service to title its kinds ("EC2 types and why") or a named part of it ("EC2 Enhanced
    Networking"): the lines under it are not about the service itself."""
    return _titles_its_kinds(option, heading) or _titles_a_named_part(option, heading)


def _titles_its_kinds(option: Option, heading: str) -> bool:
    """Whether a title that names a service goes on with the kinds of it ("EC2 types and why"): its lines are each
    one kind's ("Storage optimised - H, I and D series"), not what the service is."""
    if not option.topic or not _names_its_topic(option):
        return False
    named = _topic_names_pattern(option.topic).search(heading)
    return bool(named) and bool(_KINDS_AFTER.match(heading[named.end() :]))


# labels that name an attribute of what a section is titled with, not a thing of their own ("Pricing: per hour")
_ATTRIBUTE_WORDS = word_stems(
    "pricing price cost costs billing use case cases features benefits advantages disadvantages pros cons note notes"
    " example examples definition purpose limits limitations durability availability performance security why how"
    " what when where key important remember tip exam available supported overview summary description basics"
    " introduction intro"
)


def _another_things_entry(option: Option, text: str) -> bool:
    """Whether a line is the entry of something other than the option, under a label of its own that is not an
    attribute of what its section is titled with ("Storage optimised - H, I and D series", not "Pricing: ...")."""
    m = _LABEL.match(plain_text(text))
    if not (m and m.group(1)):
        return False  # (a bare short line, "Hardware-based key management", or a word before a comma, "plans,
        # schedules and runs ...", is no label of another thing's entry)
    label = label_of(text)
    words = word_stems(label)
    if not label or words <= _ATTRIBUTE_WORDS | word_stems(f"{option.kind} {option.fact}".lower()):
        return False  # ("Object storage: keep files as objects" under S3's title: what S3 is, in its own words;
        # "Available subscribers: ..." under SNS's, one of its attributes)
    return not labelled_as(option, text)


def _says_of_its_title(option: Option, text: str, family: Family | None, others: list[Option]) -> bool:
    """Whether a later line of a section titled with the option says something of it: it shares a telling word with
    what the app says of the option ("replicas of DB to increase scale reads" under "Read Replicas", "standby DB cannot
    be used unless main DB fails" under "RDS Multi-AZ"), and names none of the options it is compared with (a line
    that does is about that one, or about both)."""
    said = said_of(option, family) - _ANY_TOPIC_WORDS - _MAKERS - _family_words(family)
    if not word_stems(text) & said:
        return False
    if _another_things_entry(option, text):
        return False  # another thing's entry ("Storage optimised - H, I and D series" under "EC2"): about that one
    if (label := _LABEL.match(text)) and len(re.split(r",|\band\b", text[label.end() :])) >= 3:
        text = text[: label.end()]  # "Available subscribers: SQS, Lambda, email, SMS" under SNS: items of a list of
        # what the title's service works with, no line about them
    return not any(other.matches(text) or names_option(other, text, opening=len(text)) for other in others)


def _family_words(family: Family | None) -> frozenset[str]:
    """The words any line about a family's options may share with them: the family's noun and its topic's and its
    options' names ("database", "RDS", "replica" among RDS's availability options)."""
    if family is None:
        return frozenset()
    if family.id not in _FAMILY_WORDS:
        topic = load_catalog().topics.get(family.topic)
        names = [family.noun, family.plural, *(o.name for o in family.options.values())]
        names += [topic.name, topic.short or ""] if topic else []
        _FAMILY_WORDS[family.id] = word_stems(" ".join(names))
    return _FAMILY_WORDS[family.id]


_FAMILY_WORDS: dict[str, frozenset[str]] = {}


def _only_spells_out(text: str) -> bool:
    """Whether a line is an acronym's label and the words it stands for, and nothing else ("MX - mail exchange")."""
    m = _LABEL.match(text)
    label = (m.group(1) or m.group(2) or "").strip() if m else ""
    if not label:
        return False
    rest = re.sub(rf"[\s;,]*\b{re.escape(label)}\W*$", "", text[m.end() :]).strip(" .")  # ("...; WAF", the name again)
    return is_expansion(label, rest)


def _opens_two_names(label: str, family: Family) -> bool:
    """Whether a label is how two of the family's options' names begin ("Dedicated" of Dedicated Hosts and Dedicated
    Instances): it tells neither apart."""
    start = _compact(_unmade(label))
    return bool(start) and sum(_compact(_unmade(o.name)).startswith(start) for o in family.options.values()) >= 2


def _names_a_sibling(option: Option, text: str, family: Family) -> bool:
    """Whether a line names another option of the family by one of its own patterns, or by a word of its name the
    notes misspell ("CONVERTABLE RI" is a Convertible RI, not the Standard RI its line was quoted for)."""
    said = plain_text(text)
    if any(other.matches(said) for other in family.options.values() if other.id != option.id):
        return True
    return misspells_a_sibling(option, said, family)


def misspells_a_sibling(option: Option, text: str, family: Family) -> bool:
    """Whether a line names another option of the family by a word of its name with one letter wrong, missing or extra
    ("CONVERTABLE RI" beside Standard RIs): with that word mended, the other option's pattern reads the line."""
    slips = {w for w in re.findall(r"[A-Za-z]{6,}", text) if not known_word(w.lower())}
    if not slips:
        return False
    for other_id, other in family.options.items():
        if other_id == option.id:
            continue
        for theirs in _own_words(other, option):
            for slip in slips:
                if _one_slip(slip.lower(), theirs) and other.matches(re.sub(rf"\b{re.escape(slip)}\b", theirs, text)):
                    return True
    return False


def _own_words(other: Option, option: Option) -> frozenset[str]:
    """The long words of another option's name that this option's name does not hold ("convertible" beside "Standard
    Reserved Instances")."""
    own = set(re.findall(r"[a-z]{6,}", option.name.lower()))
    return frozenset(w for w in re.findall(r"[a-z]{6,}", other.name.lower()) if w not in own)


def _one_slip(word: str, name: str) -> bool:
    """Whether a word is a name's word with one letter wrong, missing or extra ("convertable", "convertble")."""
    if word == name or abs(len(word) - len(name)) > 1 or word[:3] != name[:3]:
        return False
    if len(word) == len(name):
        return sum(a != b for a, b in zip(word, name, strict=True)) == 1
    short, long = sorted((word, name), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _opens_section(lines: list[Line], index: int) -> bool:
    """Whether a line is the first of its section that says anything: before it in the section, only a link ("[EC2
    FAQ](...)") or the section's question ("What is S3?")."""
    line = lines[index]
    for before in (lines[i] for i in range(index - 1, -1, -1)):  # (no copy of the lines: read for many of them)
        if _section(before) != _section(line):
            return True
        text = plain_text(before.text).strip()
        if not (link_line(before.text) or text.endswith("?") or _BARE_LABEL.fullmatch(text)):
            return False
    return True


# a label over the lines that say it ("Description:", "Definition:", "Overview:"): nothing said yet; and the same
# label leading a line ("Description: Connects cloud-based resources ...")
_LABEL_OF_WHAT_IT_IS = r"\W*(?:description|definition|overview|summary|what it is|about|explanation)\W*:"
_BARE_LABEL = re.compile(_LABEL_OF_WHAT_IT_IS + r"\W*", re.I)
_LEAD_BARE_LABEL = re.compile(_LABEL_OF_WHAT_IT_IS + r"\s*", re.I)

_NEAR_TITLE = 3  # lines of a section before a line that opens with "It": past them, "it" is a nearer line's subject


def _near_its_title(lines: list[Line], index: int) -> bool:
    """Whether a line sits among the first few of its section, where "It can ..." still means the section's title,
    not the subject of the line before it ("Read Replica - ...", then "It can cross regions" a page into the
    "Databases" section)."""
    section = _section(lines[index])
    before = 0
    for i in range(index - 1, max(-1, index - _NEAR_TITLE - 2), -1):
        if _section(lines[i]) != section:
            break
        before += 1
    return before <= _NEAR_TITLE


_SHORT_SECTION = 6  # lines of a section a bare name titles that are all about that name (a handful; seven
# lines into "## EC2", past its sizes, a line is about one of its parts)


def _short_section(lines: list[Line], index: int) -> bool:
    """Whether the line at `index` sits in a section of at most _SHORT_SECTION lines."""
    section, count = _section(lines[index]), 1
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(lines) and _section(lines[i]) == section:
            count += 1
            if count > _SHORT_SECTION:
                return False
            i += step
    return True


def _section(line: Line) -> tuple[str, str, str]:
    """Which section a line sits in, by both its titles and its file: two files' sections of one title are two."""
    return line.heading, line.note_heading, line.refs[0][0] if line.refs else ""


_JOINS = re.compile(r"\s(?:&|and|/|vs\.?|versus)\s", re.I)  # what joins two things in a title: "Alarms & Budgets"


def _titles_two(option: Option, heading: str) -> bool:
    """Whether a title names the option beside another thing ("Billing Alarms & AWS Budgets", "SNS and SQS"): a
    part of it, split at "&", "and", "/" or "vs", does not name the option."""
    title = re.sub(r"^[^-–—:]*\s[-–—:]\s", "", plain_text(heading))  # past "227. Monitoring Costs in the Cloud - "
    if not (option.topic and _a_service(option.topic)):
        # a concept's title with its synonym ("Agility / On-demand self service") titles one thing; a list of three
        # ("High Availability, Scalability and Elasticity") titles a section on each in turn, not on any one
        return len([p for p in re.split(r",\s*(?:and\s+)?|" + _JOINS.pattern, title, flags=re.I) if p.strip()]) >= 3
    if any(_JOINS.search(n) for n in _option_names(option)):
        return False  # the option's own name has a joining word ("AWS Cost and Usage Report")
    parts = [p for p in _JOINS.split(title) if p.strip()]
    return len(parts) > 1 and not all(names_option(option, p, opening=len(p)) for p in parts)


# "What S3 actually is", "What is Amazon S3", "Intro to S3": a title that only names what it is about
_WHAT_IS = re.compile(
    r"^\W*(?:what(?:'s| is| are)?|about|intro(?:duction)? to|overview of)\s+"
    r"|\s+(?:(?:actually|really)\s+)?(?:is|are|does)\W*$",
    re.I,
)


@functools.lru_cache(maxsize=4096)  # every option reads the same headings
def _bare_part_heading(slug: str, heading: str) -> bool:
    """Whether a heading is one word of its page's own catalog names ("Roles" on IAM Roles), not a longer title
    (nor a word of an alias: "Access" of "S3 access points" is no title of S3)."""
    names = {w.removesuffix("s") for w in _own_name_words(load_catalog().topics[slug])}
    words = {w.removesuffix("s") for w in re.findall(r"[a-z0-9]+", heading.lower())} - {"aws", "amazon"}
    return len(words) == 1 and words <= names and not words & _category_words()


@functools.lru_cache(maxsize=1)
def _category_words() -> frozenset[str]:
    """The words of the catalog's category names ("Databases", "Storage", "Compute"): a heading of one of them titles
    a part of the course, not a part of the one service whose name holds the word (Relational Database Service)."""
    return frozenset(
        w.removesuffix("s") for c in load_catalog().categories for w in re.findall(r"[a-z0-9]+", c.name.lower())
    )


@functools.lru_cache(maxsize=4096)
def _mended_heading(heading: str) -> str | None:
    """The catalog topic a heading names once its misspelt words are mended, else None."""
    found = load_catalog().find_misspelt(plain_text(heading), known_word)
    return found[0] if found else None


_LABEL = re.compile(
    r"^\s*(?:[-*+•]\s+|\d{1,2}[.)]\s+)?(?:([^:=–—.!?→⇒]{2,60}?)\s*(?::\s|\s(?:[-–—=]|-{2,3})\s|\s(?:→|⇒|->|=>|==)\s"
    r"|(?<=\w)--+>?(?=[A-Za-z]))"  # ("AWS Config--audit workloads": a dash typed as two hyphens)
    r"|([A-Za-z][\w-]{1,20}),\s)"
)


_TITLE = re.compile(r"^\s*(?:[-*+•]\s+|\d{1,2}[.)]\s+)?([A-Za-z][^.:;!?,]{1,50}?)[\s:*_`]*$")  # a bare title


@functools.lru_cache(maxsize=65536)  # every option of every family reads the same lines' labels
def label_of(text: str) -> str:
    """The label a line opens with ("Config: Track resources ...", a table row read as "First cell: the rest",
    "**Broad Network Access:** A core ...", "3. S3 Standard-IA - durable ...", one word before a comma: "simple, no
    health checks"), or the whole line when it is a bare title of five words or fewer ("**General Purpose**"),
    without its aside in brackets; else "". A label is a name of at most six words, not a clause."""
    plain = plain_text(text)
    m = _LABEL.match(plain)
    if m and m.group(2) and _heads_a_list_of_services(plain):
        return ""  # "S3, Kinesis Data Streams, DynamoDB, CloudWatch use Lambda code": the first of a list of names
    if m:
        label = m.group(1) or m.group(2)
    elif (title := _TITLE.match(plain)) and len(title.group(1).split()) <= 5 and not _TELLS.search(plain):
        label = title.group(1)
    else:
        return ""
    label = _without_aside(label).strip(" *_`")
    return label if label and len(label.split()) <= 6 else ""


def _own_names(option: Option) -> set[str]:
    """The option's own name, letters only and without a plural s: bare, and as the aside in its brackets
    ("On-premises (private cloud) deployment" is also "private cloud")."""
    bare = _without_aside(option.name).strip()
    names = {_compact(_unmade(bare)).removesuffix("s")}
    names |= {_compact(_unmade(a)).removesuffix("s") for a in re.findall(r"\(([^)]{4,})\)", option.name)}
    # without the kind noun its siblings share: "Spot Instances" is the notes' "Spot", "Memory optimized
    # instances" their "Memory Optimized"
    names |= {_compact(_unmade(k.group(1))) for k in [re.match(r"(.+?)\s+(?:instances?|plans?)$", bare, re.I)] if k}
    return {n for n in names if len(n) >= 4}


# Words that introduce a name as what the line is about: "temporary storage called Instance Store Volumes".
_CALLED = r"\b(?:called|known as|named|referred to as)\s+(?:an?\s+|the\s+)?"
_INTRODUCES = re.compile(_CALLED + "$", re.I)  # the words just before a name: "... storage called "
_INTRODUCED = re.compile(_CALLED + r"((?:[A-Z][\w-]*\s*){1,5})")  # with the capitalised name after them


def _introduces_another(option: Option, text: str) -> bool:
    """Whether the line introduces a catalog topic other than the option by name ("... called Instance Store
    Volumes"): then it is that topic's line."""
    if (term := _TERMED.search(text)) and not names_option(option, term["term"], opening=len(term["term"])):
        return True  # "EC2 instance with the container agent installed is often called a container instance": what
        # the line says is what the new term means (blind graders failed it for EC2's full control of the OS)
    m = _INTRODUCED.search(text)
    if not m or names_option(option, m.group(1), opening=len(m.group(1))):
        return False
    found = load_catalog().find(m.group(1))
    return bool(found) and option.topic not in found


# "... is often called a container instance": a term the line gives a name to, in lowercase words
_TERMED = re.compile(
    r"\b(?:is|are)\s+(?:often\s+|usually\s+|also\s+|sometimes\s+|then\s+)?(?:called|known as|referred to as|termed)"
    r"\s+(?:an?\s+|the\s+)?(?P<term>[a-z][\w-]*(?:\s+[a-z][\w-]*){1,3})"
)


# what a line or title speaks of when it is about how a service's data is encrypted, not what the service is
# (broader lists, logging and access among them, took CloudTrail's and IAM's own lines)
_ENCRYPTION_WORDS = word_stems("encryption encrypt encrypted encrypting decrypt decryption unencrypted")


def _speaks_of_encryption(option: Option, text: str) -> bool:
    """Whether a line speaks of encryption where the option's explanation does not ("S3 must be trusted to handle
    encryption tasks" for S3 as object storage)."""
    return bool((word_stems(text) - word_stems(option.name) - word_stems(option.fact)) & _ENCRYPTION_WORDS)


def _under_an_encryption_title(option: Option, line: Line) -> bool:
    """Whether a line sits under a title that names the option with its encryption, which its explanation does not
    speak of ("S3 Encryption", "Amazon S3 Default Encryption", "S3 encryption at rest")."""
    own = word_stems(option.name) | word_stems(option.fact)
    for heading in dict.fromkeys(h for h in (line.heading, line.note_heading) if h):
        title = plain_text(heading)
        named = names_option(option, title, opening=len(title)) or (
            option.topic and option.topic in load_catalog().mentions(title, common=True)
        )
        if named and (word_stems(title) - own) & _ENCRYPTION_WORDS:
            return True
    return False


# the last cell of a row of a table of limits: a figure, with its unit, alone ("; 20,000", "; 140 bytes", "; unlimited")
_FIGURE = r"\d[\d,.]*\s*(?:[KMGT]i?B|[KMGT]b|bytes|ms|%|seconds?|minutes?|hours?|days?|[smhd]\b)?"
_QUOTA_ROW = re.compile(
    r";\s*(?:max(?:imum)?\s+|min(?:imum)?\s+|up to\s+|[<>≤≥]=?\s*)?"
    # (a row may give several figures: "Backup retention (default, min, max); 1d,1d,35d")
    rf"(?P<figure>{_FIGURE}(?:\s*,\s*{_FIGURE})*|unlimited)"
    r"(?:\s+per\s+\w+)?\W*$",
    re.I,
)
_RATE = re.compile(r"\b(?:TPS|RPS|QPS|msgs?/s(?:ec)?|(?:requests|transactions|messages) per second|per second)\b", re.I)


def _gives_the_quota(option: Option, measure: str, quota: re.Match) -> bool:
    """Whether an option's explanation gives a limit's figure ("unlimited") or says what it measures ("TPS" is
    throughput)."""
    fact = option.fact.lower()
    figure = re.sub(r"[\s,]", "", quota["figure"].lower())
    if figure == "unlimited":
        return "unlimited" in fact
    digits = re.match(r"[\d.]+", figure)[0].rstrip(".")
    given = re.search(rf"(?<![\w.]){re.escape(digits)}(?![\d.])", re.sub(r"(?<=\d),(?=\d)", "", fact))  # (not "Db2")
    return bool(given) or bool(_RATE.search(measure) and "throughput" in fact)  # (300 is not in "3,000")


# How a line about a price says it is billed: "clock-hour billing", "charged per GB", "per second".
_PRICE_WORDS = re.compile(r"\b(?:billing|billed|charged?|charges|per (?:second|hour|gb|month))\b", re.I)
# A name of up to twelve words before ":" or a dash, and something said after it.
_LONG_LABEL = re.compile(r"\W*([A-Za-z][^:.;]{0,100}?)\s*(?::|\s[-–—]\s)\s*\w")


_ENDINGS = frozenset("e er ed es s y ing ly al ion ers ment".split())  # what a crude stem may keep of its word


def _same_stem(one: str, other: str) -> bool:
    """Whether two crude stems are one word's ("cluster"/"clust", "scale"/"scal"), or one long word with a letter
    dropped ("acceleat" for "accelerat")."""
    if one == other:
        return True
    short, long = sorted((one, other), key=len)
    if len(short) >= 4 and long.startswith(short) and long[len(short) :] in _ENDINGS:
        return True  # ("cloud" is not "cloudhsm")
    if len(short) >= 6 and len(long) - len(short) == 1:
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    if len(short) >= 6 and len(long) == len(short):
        return sum(a != b for a, b in zip(short, long, strict=True)) == 1  # "accelar" for "acceler"
    return False


def _has_stem(stems, stem: str) -> bool:
    return any(_same_stem(stem, s) for s in stems)


# Words a label may add to a name without naming anything else: "Cluster Strategy", "Spot pricing model".
_LABEL_KIND_WORDS = word_stems(
    "strategy strategies type types kind model models option options policy plan mode tier pricing"
)
# Words of an option's name a label may leave out: "Multi AZ" is "A Multi-AZ DB instance deployment".
_FILLER_WORDS = word_stems("deployment deployments instance instances database databases based")  # "Latency-based"


def _name_texts(option: Option) -> list[str]:
    """The option's names: bare, and the aside in its brackets ("On-premises (private cloud) deployment" is also
    "private cloud")."""
    bare = _without_aside(option.name)
    out = [bare, *re.findall(r"\(([^)]{4,})\)", option.name)]
    if either := _EITHER.fullmatch(bare):
        out += [f"{either['one']} {either['rest']}", f"{either['other']} {either['rest']}"]  # "Simple or step scaling"
    return [n for n in out if word_stems(n)]


_EITHER = re.compile(r"(?P<one>\w+) or (?P<other>\w+) (?P<rest>\w[\w ]*)")  # one of two kinds of the same thing


def _name_variants(option: Option) -> list[frozenset[str]]:
    """The option's names as stems."""
    return [word_stems(n) for n in _name_texts(option)]


def _short_tokens(text: str) -> frozenset[str]:
    """The words crude stems drop for being short or holding a digit ("s3", "53", "ec2"): part of a name all the
    same."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if any(c.isdigit() for c in w))


@functools.cache
def _catalog_parts() -> dict[str, str]:
    """Every part the catalog names of a topic ("compute optimized" of EC2 instance types), with its topic."""
    return {part: topic.slug for topic in load_catalog().topics.values() for part in topic.parts}


def stem_entry(option: Option, text: str, line: Line, others: list[Option]) -> bool:
    """Whether a line is the option's entry by a label that names it in other word forms, the words its siblings share
    left to the headings above it ("**Clustered Placement Group** - ...", "Scale manually." over its bullets under
    Auto Scaling, "Partitioned" under "Placement Groups", "Acceleated computing" under "Instance Types"): the label
    holds what tells the option apart from its siblings and nothing else, and no sibling's name fits it as well."""
    label = label_of(text)
    plain = plain_text(text).strip().rstrip(".:")
    if not label and 1 <= len(plain.split()) <= 4 and not re.search(r"[,;:!?()]", plain):
        label = plain  # "Scale manually."
    said = word_stems(label) if label and label[:1].isupper() else frozenset()  # a name ("configs:" is a word)
    if not said:
        return False
    topic = load_catalog().topics.get(line.topic)
    page = topic.name if topic else ""
    if page and word_stems(page) <= said:
        return False  # "Cloud Deployment Models" names the page the options are kinds of, not one of them
    if option.topic and (part_of := _catalog_parts().get(label.lower().strip())) and part_of != option.topic:
        return False  # "Compute Optimized: video encoding ..." is a kind of instance, not AWS Compute Optimizer
    short = _short_tokens(label)  # what the stems leave out: "S3 Config" is no AWS Config, "Router" no Route 53
    context = f"{line.heading} {line.note_heading} {page}"
    headings = word_stems(context) - said
    short_context = short | _short_tokens(context)

    def fits(one: Option, siblings: list[Option]) -> bool:
        # the words the option shares with a sibling of its kind ("placement group" of Cluster and Spread)
        kin = [o for o in siblings if o.kind == one.kind]
        shared = frozenset().union(*(word_stems(_without_aside(o.name)) for o in kin)) & word_stems(
            _without_aside(one.name)
        )
        for variant, name in zip(_name_variants(one), _name_texts(one), strict=True):
            digits = _short_tokens(name)
            if not short <= digits or not digits <= short_context:
                continue  # a name's short words ("S3", "53") must be the label's, and the label's the name's
            if len(variant) == 1 and len(said) == 1 and len(re.findall(r"[A-Za-z]{2,}", _unmade(name))) >= 3:
                continue  # "Key" is one word of "Key Management Service", the rest generic words: no label of it
            letters = (
                {w.lower() for w in re.findall(r"\b[A-Z]{2,4}\b", _without_aside(name))}
                - {"aws"}
                - {w.lower() for o in kin if o is not one for w in re.findall(r"\b[A-Z]{2,4}\b", o.name)}
            )  # (letters its siblings share, "DB" of the Single-AZ and Multi-AZ DB instances, tell nothing)
            if letters - {w.lower() for w in re.findall(r"[A-Za-z]+", f"{label} {context}")}:
                continue  # "Elastic" is no label of "Elastic IP": its letters ("IP") tell it apart
            telling = {s for s in variant if not _has_stem(shared, s)}
            if (
                all(_has_stem(variant | _LABEL_KIND_WORDS, s) for s in said)  # nothing in the label but the name
                and any(_has_stem(said, s) and not _has_stem(headings, s) for s in telling)  # it tells them apart
                and all(_has_stem(said | headings | _FILLER_WORDS, s) for s in variant)  # the rest is the headings'
                and all(_has_stem(said | _FILLER_WORDS, s) for s in telling if not _has_stem(headings, s))
            ):
                return True
        return False

    if not fits(option, others):
        return False
    return not any(fits(o, [x for x in others if x is not o] + [option]) for o in others)


def stem_title(option: Option, line: Line, others: list[Option]) -> str:
    """The title of the line's section when it names the option in other word forms ("Partition Strategy" under
    "Placement Groups"), else ""."""
    for heading, rest in ((line.heading, line.note_heading), (line.note_heading, "")):
        if _titles_a_part_of(option, plain_text(heading)):
            continue  # ("EC2 types and why": each line under it is one kind's)
        if heading and stem_entry(option, heading, dataclasses.replace(line, heading=rest, note_heading=""), others):
            return heading
    return ""


def _other_maker(name: str) -> str:
    """A name with the other maker's word ("AWS Outposts" for "Amazon Outposts"), else the name."""
    return re.sub(
        r"^(amazon|aws)(?=\s)", lambda m: "AWS" if m.group(1).lower() == "amazon" else "Amazon", name, flags=re.I
    )


def labelled_as(option: Option, text: str, heading: str = "", page: str = "") -> bool:
    """Whether a line is the notes' entry for the option: its label is the option, in any spelling, or one of the
    names the catalog gives the topic the option is ("Config" for AWS Config), or the label joined with a word of
    the heading it sits under ("simple" under "Routing Policies" is simple routing; "General Purpose" under
    "Instance Types" is general purpose instances), or, on the page `page` of the service the option is named
    after, the option's name without the service's ("Health Checks" on Route 53's page)."""
    label = label_of(text)
    if not label:
        # a long name before its description ("Stop spending money running and maintaining data centers: a cloud
        # environment lets you focus on ..."): the option's whole name, as a label, is its entry however long
        long = _LONG_LABEL.match(plain_text(text))
        return bool(long) and _compact(_unmade(_without_aside(long.group(1)))).removesuffix("s") in _own_names(option)
    catalog = load_catalog()
    bare = _without_aside(option.name).strip()
    topic = catalog.topics.get(option.topic) if option.topic else None
    if topic and _compact(_unmade(bare)) in _own_topic_names(topic):
        # the option is its topic ("AWS Config"): any catalog name of the topic labels its entry (not for an
        # option the catalog only counts as an alias of a bigger topic: "Route table" of Amazon VPC)
        if (
            catalog.lookup(label) == option.topic
            and not _other_variant(label, bare, topic)
            and _spells_a_name_of(label, topic)  # not an alias for a part of it ("Same-Region Replication" of S3)
            and not (label.islower() and label.endswith("s") and not bare.lower().endswith("s"))
        ):
            return True  # (not "configs: Windows/Linux, dbs": a word in the plural, not the service's name)
    unmade = _unmade(label)  # (not down to one word: "AWS VPN" is no "VPN" of one kind)
    names = {label, unmade} if len(unmade.split()) > 1 else {label}
    if any(p.fullmatch(name) or p.fullmatch(f"{name}:") for name in names for p in option.evidence):
        # the option's own pattern for an entry ("Public Cloud:"), read on a bare title too, and with its maker
        # before a pattern that leaves it out ("Amazon FSx for Windows - ...")
        return True
    if any(p.search(label) for p in option.titles) and re.match(rf"\W*{re.escape(label)}\W*:\s*\w", text):
        return True  # a name it is titled by, as a label ("Throughput optimized: good for big data")
    if page and page_entry(option, text, page):
        return True
    compact = _compact(_unmade(label)).removesuffix("s")
    own = _own_names(option)
    if not option.topic:
        own |= {f.removesuffix("s") for f in option_spellings(option)}
    if compact in own or _compact(_unmade(_other_maker(label))).removesuffix("s") in own:
        return True  # (its maker misnamed: "Amazon Outposts: a server by AWS inside your facilities")
    words = [w for w in re.findall(r"[A-Za-z]+", plain_text(heading)) if len(w) >= 4]
    return any(
        _compact(f"{label} {w}").removesuffix("s") in own or any(p.fullmatch(f"{label} {w}") for p in option.evidence)
        for w in words
    )  # ("Latency" under "Routing policy" is latency routing, the option's own pattern for it)


def _spells_a_name_of(label: str, topic) -> bool:
    """Whether a label holds one of the topic's own names, or a word of one ("EC2 instances", "Elastic Compute
    Cloud"), rather than only an alias the catalog files under the topic ("Same-Region Replication" under S3)."""
    own = _own_name_words(topic)
    words = set(re.findall(r"[a-z0-9]+", label.lower()))
    compact = _compact(_unmade(label))
    return bool(words & (own - {"aws", "amazon"})) or any(n in compact for n in _own_topic_names(topic))


_MAKER_WORDS = frozenset({"amazon", "aws", "s3", "ec2"})  # ("Object Access Control List" is S3's ACL by another name)


def _one_word_swapped(option: Option, label: str) -> bool:
    """Whether a label is the option's name with one word put in the place of another ("Multi-AZ DB cluster
    deployment" for "A Multi-AZ DB instance deployment"): the name of a kind beside it, not of the option."""

    def words(text: str) -> list[str]:
        return [w.removesuffix("s") for w in re.findall(r"[a-z0-9-]+", text.lower()) if w not in ("a", "an", "the")]

    name, said = words(_without_aside(option.name)), words(label)
    if len(name) < 3 or len(said) != len(name):
        return False
    swapped = [(a, b) for a, b in zip(name, said, strict=True) if a != b]
    # (only where the explanation names the other kind itself, "(Multi-AZ DB clusters add two readable standbys)":
    # "Create a strong password policy" for "Enforce a strong password policy" says the same in other words)
    return len(swapped) == 1 and swapped[0][0] not in _MAKER_WORDS and swapped[0][1] in words(option.fact)


def _another_kind_labelled(option: Option, text: str) -> bool:
    """Whether a line is the entry of another kind of the option's topic ("Client VPN: ..." for Site-to-Site VPN)."""
    label = label_of(text)
    topic = load_catalog().topics.get(option.topic) if option.topic else None
    if not label or topic is None or load_catalog().lookup(label) != option.topic:
        return False
    return _other_variant(label, _without_aside(option.name).strip(), topic)


def _other_variant(label: str, name: str, topic) -> bool:
    """Whether a label the catalog reads as the option's topic names another kind of it: "Client VPN" beside the
    option "AWS Site-to-Site VPN" (each has a word the other lacks), not "Simple Storage Service" for Amazon S3 (one
    of the topic's own names)."""
    if _compact(_unmade(label)) in _own_topic_names(topic):
        return False

    def words(text: str) -> set[str]:
        return {w.removesuffix("s") for w in re.findall(r"[a-z0-9]+", text.lower())} - {"aws", "amazon"}

    own = words(" ".join(n for n in (topic.name, topic.short, topic.full_name) if n))  # "vpn", "iam role"
    label_words, name_words = words(label), words(name)
    # ("EC2 Instance Roles" is a kind of IAM role: the option's name adds nothing to the topic's own name)
    return bool(label_words - name_words - own) and bool(name_words - label_words - own)


def page_entry(option: Option, text: str, page: str) -> bool:
    """Whether a line on the page of the service an option is named after is labelled with the rest of the option's
    name ("Health Checks: ..." on Route 53's page for "Route 53 health checks")."""
    label = label_of(text)
    rests = _name_on_page(option, page) if label else set()
    if any(len(rest.split()) >= 2 and _same_name(label, rest) for rest in rests):  # ("Services" on ECS's page is
        return True  # too common a word to tell)
    for rest in _name_on_page(option, page):
        # "Groups (a way to group our users and apply policies to them collectively)" on IAM's page: the rest of the
        # name with what it is in brackets, in the words of its explanation
        if m := re.match(rf"\W*{_spaced(rest)}s?\s*\(([^()]{{10,}})\)?\s*$", text, re.I):
            said = word_stems(m.group(1)) & (word_stems(option.fact) - _AUXILIARIES)
            return len(said) >= 2
    return False


def page_subject(option: Option, text: str, page: str) -> bool:
    """Whether a line on the page of the service an option is named after opens with the rest of the option's name
    as the subject of a statement that says some of what its explanation says ("New users are assigned an access key
    ID and a secret access key" on IAM's page, for "IAM user")."""
    for rest in _name_on_page(option, page):
        opening = rf"\W*(?:(?:new|each|all|every|individual|the)\s+)?{_spaced(rest)}s?\s+{_FINITE.pattern}"
        if re.match(opening, text, re.I):
            said = word_stems(text) & (word_stems(option.fact) - word_stems(option.name) - _FINITE_STEMS)
            return len(said) >= 2
    return False


def _spaced(name: str) -> str:
    """A name as a pattern that allows any run of spaces between its words."""
    return re.escape(name).replace(r"\ ", r"\s+")


def kind_entry(option: Option, text: str, family: Family | None, page: str) -> bool:
    """Whether a line on the family's page opens with the option's name short of the word every option of its kind
    ends in, in any near spelling, as the subject of what it says ("Compute Optimizied has high cpu%, for HPC" on the
    instance types' page, for "Compute optimized instances"), and says some of what its explanation says."""
    if family is None or not page:
        return False
    rest = _kind_name_rest(family, option)
    if not rest or text.lstrip(" \t-*•#>+").lower()[: len(rest[:2])] != rest[:2].lower():
        return False  # (most lines: the cheap test first)
    if page not in option_topics(family, option):
        return False
    if _CODE.fullmatch(rest):
        # a kind named by its letters ("A -Resolves FQDN to an IPv4 address" among the DNS record types): the letters
        # as written, then a label's mark
        opening = re.match(rf"[\W_]*{rest}\s*[-–—:=]\s*(?=\w)", text)
        if not opening:
            return False
    else:
        count = len(rest.split())
        opening = re.match(rf"[\W_]*((?:[A-Za-z][A-Za-z-]*\s+){{{count - 1}}}[A-Za-z][A-Za-z-]*)", text)
        if not opening or not _KIND_ENTRY_GOES_ON.match(text, opening.end()):
            return False
        if difflib.SequenceMatcher(None, _compact(opening.group(1)), _compact(rest)).ratio() < 0.85:
            return False
    said = word_stems(text[opening.end() :]) & (word_stems(option.fact) - word_stems(option.name) - _AUXILIARIES)
    return len(said) >= 1


_CODE = re.compile(r"[A-Z][A-Z0-9]{0,4}")  # a kind's name in letters ("A", "MX", "AAAA")


# what follows a name that is the subject of its line: a label's mark, an aside or a verb
_KIND_ENTRY_GOES_ON = re.compile(
    r"\s*[-–—:(=,]|\s+(?:is|are|has|have|for|provides?|offers?|gives?|suits?|good|best|ideal)\b", re.I
)


_KIND_NAME_REST: dict[tuple[str, str], str] = {}


def _kind_name_rest(family: Family, option: Option) -> str:
    """The option's name short of the last words every option of its kind ends in ("Compute optimized" for "Compute
    optimized instances" among the instance families), when what is left is long enough to tell; else ""."""
    key = (family.id, option.id)
    if key not in _KIND_NAME_REST:
        _KIND_NAME_REST[key] = _name_short_of_its_kind(family, option)
    return _KIND_NAME_REST[key]


def _name_short_of_its_kind(family: Family, option: Option) -> str:
    names = [o.name.split() for o in family.options.values() if o.kind == option.kind]
    if len(names) < 3:
        return ""
    own = option.name.split()
    tail = 0
    while tail < len(own) - 1 and len({tuple(w.lower() for w in n[len(n) - tail - 1 :]) for n in names}) == 1:
        tail += 1
    rest = " ".join(own[: len(own) - tail]) if tail else ""
    if _CODE.fullmatch(rest):
        return rest  # its letters ("A" of "A record" among the record types), read only as written, as a label
    return rest if len(_compact(rest)) >= 6 and not re.match(r"(?:a|an|the)\s", rest, re.I) else ""


def _same_name(one: str, other: str) -> bool:
    return _compact(_unmade(one)).removesuffix("s") == _compact(_unmade(other)).removesuffix("s")


def _name_on_page(option: Option, page: str) -> frozenset[str]:
    """The option's name without the name of the service whose page `page` is ("Health Checks" for "Route 53 health
    checks" on Route 53's page), when the option is named after that service."""
    return _rest_of_name_on_page(option.name, page)


@functools.lru_cache(maxsize=8192)  # (read for every labelled line of every option's page)
def _rest_of_name_on_page(option_name: str, page: str) -> frozenset[str]:
    on = load_catalog().topics.get(page) if page else None
    if on is None:
        return frozenset()
    bare = _without_aside(option_name).strip()
    out = set()
    for name in {n for n in (on.name, on.short) if n}:
        service = re.escape(re.sub(r"^(?:amazon|aws)\s+", "", name, flags=re.I))
        rest = re.sub(r"^(?:(?:amazon|aws)\s+)?" + service + r"\s+", "", bare, flags=re.I)
        if rest != bare:
            out.add(rest)
    return frozenset(out)


_VERB_END = re.compile(r"\b\w{3,}(?:s|ed)\b\s+\w+", re.I)  # "Lambda runs code", "S3 stores objects": a verb


_TELLS = re.compile(r":\s|\s[-–—=]\s|\b(?:is|are|means?|lets?|helps?|can|provides?)\b", re.I)  # what it is


def joint_subject(option: Option, text: str, first: int, others: list[Option]) -> bool:
    """Whether the option shares its line's subject with a sibling option ("Security groups and NACLs provide
    layered security", "NACLs and security groups both filter traffic"): whatever the line says, it says of both.
    A contrast ("Security groups are stateful and NACLs are not") says something of each."""

    def joined(between: str, name: str) -> bool:  # only the name, then "and" ("Security groups and ")
        words = len(re.findall(r"[\w'-]+", _without_aside(name))) + 1
        return bool(re.fullmatch(rf"\W*(?:[\w'-]+\W+){{1,{words}}}?(?:and|&|or|/|,)\s*", between, re.I))

    for other in others:
        for p in other.evidence:
            for m in p.finditer(text):
                if m.start() > first and joined(text[first : m.start()], option.name):
                    return True
                if m.start() < first and joined(text[m.start() : first], other.name):
                    return True
    return False


def described_together(option: Option, line: Line, family: Family) -> bool:
    """Whether a line another option is quoted from names this option jointly with a sibling as its subject ("S3
    Standard-IA and S3 One Zone-IA for long-lived, less frequently accessed data"): what it says, it says of both."""
    text = plain_text(line.text)[: OPENING * 2]
    own = [m for p in option.evidence if (m := p.search(text))]
    if not own:
        return False
    mine = min(own, key=lambda m: m.start())
    for other in family.options.values():
        if other.id == option.id:
            continue
        for p in other.evidence:
            if not (theirs := p.search(text)):
                continue
            first, second = sorted((mine, theirs), key=lambda m: m.start())
            if _JOINED.fullmatch(text[first.end() : second.start()]) and first.start() < OPENING:
                return True
    return False


# between two names that share a line's subject: "X and Y", "X (X-IA) & Y", "X / S3 Y"
_JOINED = re.compile(r"[^\w(]*(?:\([^()]*\))?\W*(?:and|&|/|or)\s+(?:(?:amazon|aws|s3)\s+)?", re.I)


def _a_kind_of_thing(topic: CatalogTopic) -> bool:
    """Whether a topic is kinds of a thing rather than a product or a part of one: no maker in its name, no parent,
    and a name that lists kinds ("Block, File and Object Storage") or names a kind of database."""
    return (
        not topic.name.startswith(("Amazon ", "AWS "))
        and not topic.parent
        and bool(re.search(r",|\band\b|Databases$", topic.name))
    )


def another_label(option: Option, text: str, first: int, family_topic: str | None = None) -> bool:
    """Whether the line is another named thing's entry with the option only in its description ("Data Lifecycle
    Manager (DLM) - automates the creation ... of EBS snapshots"): a label that is a catalog name of another
    topic, or a name with its acronym in brackets."""
    m = re.match(r"^\W*([^:–—=]{2,60}?)\s*(?::\s|\s[-–—=]\s)", text)
    if not m:
        return False
    label = m.group(1)
    catalog = load_catalog()
    bare = _without_aside(label).strip(" *_`")
    own = option.topic or family_topic
    if first < m.end():
        # the option named inside the label: another service's kind ("Snowball Edge Compute Optimized: ...") is no
        # entry of the option's ("Compute optimized instances")
        return bool(own) and _another_service_named(catalog, bare, own)
    slug = catalog.lookup(bare) or catalog.context_lookup(bare)  # ("Spot: unused EC2 capacity": a way to pay)
    if slug and catalog.topics[slug].category != "cloud-concepts" and not _a_kind_of_thing(catalog.topics[slug]):
        # another service's entry ("Data Lifecycle Manager"); a concept's label ("High Availability: Built-in
        # Multi-AZ support ...", "File Storage - EFS - shared by many instances") still says something of the option
        # (a label naming the family's own service is no other thing's: "SQS - Delay Queue allows ..." is SQS's)
        return slug != own and not (own and catalog.is_ancestor(slug, own))
    return bool(re.search(r"[A-Z][a-z]+ [A-Z][a-z]+.*\([A-Z]{2,6}\)\s*$", label))


# "S3 - Reduced Redundancy Storage (...)": the option's name as a label, then another proper name and its aside
_LABEL_THEN_NAME = re.compile(r"^\W*([^:–—(]{1,40}?)\s*(?::|\s[-–—]\s)\s*((?:[A-Z][\w-]*\s+){1,4}[A-Z][\w-]*)\s*\(")


def _labels_a_named_kind(option: Option, text: str) -> bool:
    """Whether a line labelled with the option goes on with another name of two words or more and its aside: the
    entry of that thing ("S3 - Reduced Redundancy Storage (data easy to reproduce)"), not of the option (not a name
    spelt out: "S3 - Simple Storage Service (object storage)")."""
    m = _LABEL_THEN_NAME.match(plain_text(text))
    if not m or not (option_pattern(option).search(m.group(1)) or labelled_as(option, f"{m.group(1)}: it")):
        return False
    name = m.group(2)
    if is_expansion(m.group(1), name) or word_stems(name) <= word_stems(option.name) | _topic_name_words(option):
        return False
    # a name of three words or more that its aside explains at some length ("S3 - Object Storage (unlimited)" and
    # "S3 - Infinitely Scalable Object Storage (11 nines)" say what S3 is)
    aside = plain_text(text)[m.end() :].split(")", 1)[0]
    return len(name.split()) >= 3 and len(aside.split()) >= 4 and not names_option(option, name)


# the words before an option that make it what something else is compared with
_COMPARED_WITH = re.compile(
    r"\b(?:compared (?:to|with)|than|versus|vs\.?|unlike)\s+(?:the\s+)?(?:amazon\s+|aws\s+)?$", re.I
)
# a label naming what the line's own subject works with ("Integration with CloudTrail: an alarm when a user makes an
# API call" under CloudWatch): the option named after it is the partner, not what the line is about
_PARTNER_LABEL = re.compile(r"\W*(?:integrat(?:ion|ions|es|ed)|works?|interoperates?)\s+(?:with|into)\s+$", re.I)


def _spelled_in_anothers_entry(option: Option, text: str) -> bool:
    """Whether a name its patterns do not find ("A management consule") comes only in the description of another
    label's entry ("Mobile Hub - A management consule - if you have a mobile app ..."): that entry's, not the
    option's."""
    m = re.match(r"^\W*([^:–—=]{2,60}?)\s*(?::\s|\s[-–—=]\s)", text)
    if not m or names_option(option, m.group(1)) or not names_option(option, text[m.end() :]):
        return False
    # (a name spelled right is the line's subject under a label of its kind: "Block Storage - EBS - a disk")
    return not (option.topic and option.topic in load_catalog().mentions(text[m.end() :]))


_EXAMPLE_OPENING = re.compile(r"^\W*(?:e\.g\.?|eg\b|for example\b|for instance\b|example\s*:)", re.I)


def _titled_by_a_sibling(option: Option, line: Line, others: list[Option], in_its_label: bool = False) -> bool:
    """Whether a title over the line (the note's own, else its section's) names a sibling option and not the
    option ("Collection of IAM users." under "IAM Groups" is what a group is). A line whose label names the option
    ("Up (Vertical): Add more resources to the instance" under "Scalability") is its entry under the section's
    title, which may name a broader sibling."""
    titles = (line.note_heading,) if in_its_label else (line.note_heading, line.heading)
    for title in dict.fromkeys(t for t in titles if t):
        if names_option(option, title, opening=len(title)) or stem_title(option, line, others):
            return False
        if any(
            names_option(o, title, opening=len(title))
            or stem_title(o, line, [x for x in others if x is not o] + [option])
            for o in others
        ):
            return True
    return False


def _qualified_in_passing(text: str, first: int) -> bool:
    """Whether a short line with no verb names the option after a word or two that qualify it, or in a bracket after
    another noun ("Underutilized Amazon EBS volumes", "built-in targets (CloudWatch alarm actions)")."""
    words = text.split()
    if not 0 < first or len(words) > 6 or _TELLS.search(text) or _VERB_END.search(text[first:]):
        return False  # (a participle before the name, "Underutilized", is no verb of the line's)
    before = text[:first].strip()
    if _A_TASK.match(before):
        return False  # "Create a strong password policy", "Use Amazon S3": a task done with it
    limit = 3 if len(words) <= 5 else 2  # ("Network attached EBS EFS": a row of names under "Storage space")
    return before.endswith("(") or len(before.split()) <= limit and not before.endswith((":", "-", "–"))


def _longer_subject(option: Option, text: str, first: int) -> bool:
    """Whether the sentence's subject is the option's name with capitalised words after it ("An Amazon EC2 Dedicated
    Host is ..."): a part of it with its own name, which the catalog may not know."""
    if first > 12:
        return False
    names = sorted(_option_names(option), key=len, reverse=True)
    spelled = next((n for n in names if text[first : first + len(n)].lower() == n.lower()), None)
    if spelled is None:
        return False
    end = first + len(spelled)
    longer = re.match(r"\s+(?:[A-Z][\w-]*\s+){1,3}(?=(?:is|are|was|were|can|provides?|gives?|offers?)\b)", text[end:])
    if not longer:
        return False
    subject = text[first : end + longer.end()].strip()
    # ("AWS Shield Advanced is ..." read from "AWS Shield": the longer name is the option's own)
    return not any(p.fullmatch(subject) for p in option.evidence) and _compact(_unmade(subject)) != _compact(
        _unmade(_without_aside(option.name))
    )


def _bare_name_words(option: Option) -> list[str]:
    """The words of an option's name in lower case, without its aside and its maker ("standard reserved instances")."""
    return re.sub(r"^(?:amazon|aws)\s+", "", _without_aside(option.name), flags=re.I).lower().split()


def _short_label(option: Option, text: str) -> bool:
    """Whether a line's label is some of the words of the option's name, its maker's left out ("Reserved" for
    "Standard Reserved Instances", "On-Demand" for "On-Demand Instances"): a word the section's own subject may be sold
    by (not its short name, "KMS")."""
    label = label_of(text).lower().split()
    name = _bare_name_words(option)
    return bool(label) and len(label) < len(name) and set(label) <= set(name)


def _titled_by_an_unlike_sibling(option: Option, line: Line, others: list[Option]) -> bool:
    """Whether the line's title is a sibling option's whole name sharing no word with the option's ("Dedicated Hosts"
    over a line about Standard Reserved Instances), not a broader sibling the option is a kind of ("Scalability" over
    "Vertical - increasing the size of the instance")."""
    own = word_stems(_unmade(_without_aside(option.name)))
    for title in dict.fromkeys(t for t in (line.note_heading, line.heading) if t):
        bare = _compact(_unmade(title.strip(" :-–*#")))
        for other in others:
            if _compact(_unmade(_without_aside(other.name))) == bare:
                return not word_stems(_unmade(_without_aside(other.name))) & own
    return False


_OPENING_SUBJECT = re.compile(r"\W*(?:(?:an?|the)\s+)?((?:[A-Z][\w-]*\s+){2,4}?)(?:is|are)\s", re.I)


def _namesakes_subject(option: Option, text: str, first: int) -> bool:
    """Whether the sentence opens, before the option is named, with another thing's capitalised name that starts with
    the option's first word ("A Spot Fleet is a set of Spot Instances ..."): the line says what that thing is."""
    opening = _OPENING_SUBJECT.match(text)
    if not opening or opening.end(1) > first:
        return False
    subject = opening.group(1).strip()
    words = subject.split()
    return (
        words[0].lower() == _bare_name_words(option)[0]
        and all(w[:1].isupper() for w in words)
        and not option_pattern(option).search(subject)  # (all its evidence patterns, case aside)
    )


def _under_another_title(option: Option, lines: list[Line], index: int) -> bool:
    """Whether the line sits under a bare title (the nearest line above it, less deep, in the same run of lines) that
    names another topic and not the option ("Dedicated Hosts" over "- A physical server with EC2 instance capacity")."""
    line = lines[index]
    if not line.depth:
        return False
    below = line
    for above in reversed(lines[:index]):
        if not adjacent(above, below):
            return False
        if above.depth < line.depth:
            title = plain_text(above.text)
            if not _bare_name(title) or names_option(option, title, opening=len(title)):
                return False
            named = set(load_catalog().find(title)) - {option.topic}
            return bool(named) and not any(load_catalog().is_ancestor(t, option.topic) for t in named if option.topic)
        below = above
    return False


def _labels_a_sibling(
    option: Option, text: str, first: int, others: list[Option], family: Family | None = None
) -> bool:
    """Whether the line opens with a label naming another option of the question, the option only in what follows
    ("Hybrid Deployment - This connects cloud based resources to on-premises infrastructure")."""
    m = _LABEL.match(text)
    if not m or not m.group(1) or first < m.end():
        return False
    label = m.group(1)
    sibling = any(p.search(label) for o in others for p in o.evidence)
    if sibling and not any(p.search(label) for p in option.evidence):
        return True
    # a label of one word out of a sibling's name, not the option's ("**reserved** - capacity reservation with
    # a discount ... 1 or 3 year contracts" is the Reserved Instances' entry, not the Capacity Reservations')
    said = _plain_words(_without_aside(label)) - _NAME_MAKERS - _service_words(family)
    return (
        len(said) == 1  # (a label of two words, "Data Transfer", names a subject more than any one option)
        and not said <= _plain_words(option.name)
        and any(said <= _plain_words(o.name) for o in others)
    )


def _service_words(family: Family | None) -> frozenset[str]:
    """The words of the names of the service a family's options belong to ("DynamoDB" of DynamoDB's features), which
    label a line about any of them."""
    return _topic_and_ancestor_words(family.topic) if family else frozenset()


@functools.lru_cache(maxsize=512)  # (read for every candidate line a label may belong to a sibling)
def _topic_and_ancestor_words(topic: str) -> frozenset[str]:
    catalog = load_catalog()
    if topic not in catalog.topics:
        return frozenset()
    slugs = [topic, *catalog.ancestors(topic)]
    return frozenset().union(
        *(_plain_words(n) for slug in slugs for n in (catalog.topics[slug].name, catalog.topics[slug].short) if n)
    )


def _plain_words(name: str) -> frozenset[str]:
    """A name's words in lower case, without a plural s ("Reserved Instances": reserved, instance)."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[a-z0-9]+", name.lower()))


# A sentence that opens with a capitalised name and a verb: "On-Demand Instances are ideal for ...".
_NAMED_SUBJECT = re.compile(
    r"^\W*((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s+(?:is|are|was|were|can|allows?|offers?|provides?|gives?|lets?|runs?)\b"
)


def _later_sentence_of_another(option: Option, text: str, first: int, family: Family | None) -> bool:
    """Whether the option is named only in a later sentence of a line whose first sentence is about another named
    thing, one the app says nothing of for this option ("On-Demand Instances are ideal ... No upfront costs ...")."""
    before = text[:first]
    if not re.search(r"[.!?]\s+\S", before) or names_option(option, before, opening=len(before)):
        return False
    m = _NAMED_SUBJECT.match(text)
    if not m:
        return False
    catalog = load_catalog()
    name = m.group(1)
    slug = catalog.lookup(name) or catalog.context_lookup(name)
    if slug is None or slug == option.topic:
        return False
    return not (word_stems(name) - _MAKERS) & (said_of(option, family) | word_stems(option.name))


def _another_service_named(catalog, label: str, own: str) -> bool:
    """Whether a label names a service apart from the option's own topic and its family (neither above nor below
    it)."""
    for slug in catalog.find(label):
        topic = catalog.topics[slug]
        if slug == own or catalog.is_ancestor(slug, own) or catalog.is_ancestor(own, slug):
            continue
        if topic.category == "cloud-concepts" or _a_kind_of_thing(topic) or not _a_service(slug):
            continue
        return True
    return False


# an aside of a few words ("(account level)"); a longer one says what the option is ("On-Demand (ideal for short-term,
# irregular workloads that cannot be interrupted.)"), and so does a short one that tells what it does or is for
# ("(Offers fast processors)", "(Ideal for big databases)")
_ASIDE_TELLS = (
    r"(?:ideal|used|good|best|great|suited|meant|designed|built|made)\s+for|offers?|provides?|gives?|lets?|allows?"
    r"|supports?|runs?|stores?|keeps?|handles?|delivers?|protects?|scales?|manages?|monitors?"
)
_SHORT_ASIDE = re.compile(rf"\s*\((?!\s*(?:{_ASIDE_TELLS})\b)(?:[^()\s]+\s*){{1,4}}\)", re.I)
_SPELLS_OUT = word_stems("stands for, short for, abbreviation, acronym, means, meaning, full form, expanded, expansion")


_SAYS_WHAT_IT_DOES = re.compile(r"\b(?:is|are|means?|lets?|helps?|can|provides?|allows?|sends?|routes?|uses?)\b", re.I)


def says_too_little(option: Option, text: str, name_words: set[str]) -> bool:
    """Whether a line only names the option: nothing beyond its name and an aside ("IAM Credentials Report (account
    level)"), or, with no label or verb to say what it is, a short list in which the option is one name ("Multi-tenancy
    and resource pooling", "Rapid elasticity and scalability"). A practice in its own words ("Create a strong password
    policy") is the notes' line for it."""

    def loose(stems) -> set[str]:  # "Increased speed and agility" as "Increase speed and agility"
        return {w.removesuffix("e") for w in stems}

    if _kind_aside(option, text):
        return False  # "Amazon Neptune (graph database)": the aside says what kind of thing it is
    named = word_stems(option.name) - _MAKERS
    if named and (label := label_of(text)) and named <= (after := word_stems(text[text.find(label) + len(label) :])):
        if len(after - name_words - _EMPTY_WORDS) <= 1:
            return True  # "lifecycle rules: can be integrated with lifecycle rules": the label said again
    rest = loose(word_stems(_SHORT_ASIDE.sub("", text))) - loose(name_words) - loose(_SPELLS_OUT)
    if not rest:
        return True  # (or only what its letters stand for: "SaaS stands for software as a service")
    if rest <= loose(_EMPTY_WORDS):
        return True  # that one may use it, or how easy it is ("We can use intelligent tiering", "MFA: Pretty easy.")
    if rest <= loose(_STEP_WORDS | _EMPTY_WORDS) and not (_A_TASK.match(option.name) and len(option.name.split()) >= 3):
        return True  # a step done to a thing ("Create launch template", "MFA: can be enabled"), not a practice named
        # by its verb ("Create a strong password policy" for enforcing one)
    if rest <= _BARE_NOUNS | _LABEL_KIND_WORDS and len(text.split()) <= 6:
        return True  # the name with a word for what it is and nothing said ("AWS Shield Advanced protections")
    if (
        len({w for w in rest if not w.isdigit()}) == 1
        and re.search(r"(?<![A-Za-z])\d", text)
        and not _SAYS_WHAT_IT_DOES.search(text)
        and (named := option_pattern(option).search(text))
        and re.search(r"\s[-–—:=]\s*$", text[: named.start()])
    ):
        return True  # a value in another thing's entry, one word beside it ("Network + 1 - VPC router - 10.x.x.1")
    items = [p.strip() for p in re.split(r",\s*|;\s*|\s+(?:and|or|&)\s+", text.strip(" .;")) if p.strip()]
    if len(items) >= 3 and all(len(p.split()) <= 2 for p in items) and not _TELLS.search(text):
        return True  # "on-demand, reserved, spot instances": a list of names, nothing said of any
    if (
        (label := label_of(text))
        and len(rest_items := _items_after(text, label)) >= 2
        and all(len(p.split()) <= 2 and not _TELLS.search(p) for p in rest_items)
    ):
        return True  # "S3: Storage options; Security": a course outline's bullets read under a name, topics to cover
    if _LIMIT_ONLY.match(text[text.find(label) + len(label) :] if label else text):
        return True  # "Elastic Beanstalk: Maximum of 1000 application versions": a quota, nothing of what it is
    if len(text.split()) <= 6 and not re.search(r"[.:;!?]", text) and _aspect_of(option, text):
        return True  # "Developing code in AWS Lambda": an exam guide's or a course's topic, nothing said
    if len(re.findall(r"\w+", _BARE_NOUN_WORD.sub(" ", text))) > 6 or _TELLS.search(text):
        return False
    parts = [
        _compact(_unmade(_BARE_NOUN_END.sub("", p))).removesuffix("s")
        for p in re.split(r",\s*|\s+(?:and|&|or)\s+|\s*/\s*", text)
    ]  # ("Backup/Restore feature, Global Table feature": names, each with a word for what it is)
    own = {_compact(_unmade(_without_aside(option.name))).removesuffix("s")}
    own |= {f.removesuffix("s") for f in option_spellings(option)}
    return len(parts) >= 2 and any(p in own for p in parts)


def _items_after(text: str, label: str) -> list[str]:
    """The parts of what follows a line's label, split at its semicolons ("Storage options; Security")."""
    rest = text[text.find(label) + len(label) :].lstrip(" )*_`:-–—=>→⇒")
    return [p.strip() for p in rest.strip(" .;").split(";") if p.strip()]


# a limit and the thing it counts, and nothing else ("Maximum of 1000 application versions", "Up to 5 per Region")
_LIMIT_ONLY = re.compile(
    r"^\W*(?:max(?:imum)?|min(?:imum)?|up to|limit(?:ed to)?|at most)\s+(?:of\s+)?\d[\d,.]*\s*[A-Za-z-]*"
    r"(?:\s+[A-Za-z-]+){0,4}\W*$",
    re.I,
)


# an aside naming the kind of thing a name is: "(graph database)", "(timeseries db for IOT)", "(in-memory cache)"
_KIND_ASIDE = re.compile(
    r"\(([^()?]*\b(?:databases?|dbs?|stores?|caches?|warehouses?|ledgers?|queues?|file systems?|engines?)\b[^()?]*)\)",
    re.I,
)


def _kind_aside(option: Option, text: str) -> bool:
    """Whether a line's aside says what kind of thing the option is ("Amazon Neptune (graph database)")."""
    return bool((aside := _KIND_ASIDE.search(text)) and _says_what_kind(option, aside.group(1)))


def _says_what_kind(option: Option, aside: str) -> bool:
    """Whether an aside's word for the kind comes with a word the option's explanation uses that its name does not
    ("graph" for Neptune, "timeseries" for Timestream, in any run of letters)."""
    fact = _compact(option.fact)
    named = word_stems(option.name)
    words = re.findall(r"[A-Za-z][A-Za-z-]+", _KIND_ASIDE.sub(lambda m: m.group(1), aside))
    return any(
        len(_compact(w)) >= 4 and _compact(w) in fact and not (word_stems(w) & (named | _KIND_NOUN_STEMS))
        for w in words
    )


_KIND_NOUN_STEMS = word_stems("database db store cache warehouse ledger queue file system engine data service")


# words that say someone may use a thing, or what the author thinks of it, and nothing of what it is or does
_EMPTY_WORDS = word_stems(
    "we you they one can could should must may might will would use used using just also then too here there "
    "pretty quite very really easy simple simply nice good great cool important useful"
)


# the verbs of a hands-on step: "Create launch template", "Click Add rule"
_STEP_WORDS = word_stems(
    "create add click select choose open navigate go new edit delete attach detach then next enable disable activate"
)


# words that say what kind of thing a name is and nothing of what it does
_BARE_NOUNS = frozenset(
    {w.removesuffix("e") for w in word_stems("feature protection capability support overview basics details summary")}
)
_KIND_NOUN = r"features?|protections?|capabilit(?:y|ies)"
_BARE_NOUN_END = re.compile(rf"\s+(?:{_KIND_NOUN}|support)\W*$", re.I)
_BARE_NOUN_WORD = re.compile(rf"\b(?:{_KIND_NOUN})\b", re.I)


_LIST_LABEL = re.compile(r"^[^:–—]{2,60}?(?::|\s[-–—]\s)\s*([^:–—]{2,40}?(?::|\s[-–—]\s).+)$")  # two labels


def _lists_its_kinds(option: Option, text: str) -> bool:
    """Whether most items of a labelled list are named with the option's own name ("S3 Standard, S3 Glacier" for
    S3), not other things it works with ("SQS, Lambda, email" for SNS)."""
    items = _list_items(text)
    own = (_plain_words(_without_aside(option.name)) - {"amazon", "aws"}) | {
        w for n in _option_names(option) for w in _plain_words(n) if len(n) <= 6
    }
    return len(items) >= 3 and sum(bool(_plain_words(i) & own) for i in items) * 2 > len(items)


def _list_items(text: str) -> list[str]:
    """The items of a comma list, past its label if it has one ("IAM guidelines: MFA, Password policies, ..."); none
    for a line with no comma in it (a sentence)."""
    m = re.match(r"^[^:–—]{2,60}?(?::|\s[-–—]\s)\s*(.+)$", text)  # "IAM guidelines: ...", "3 Types - ..."
    body = m.group(1) if m else text  # or a bare list: "cloudtrail logs, s3 glacier & storage Gateway"
    body = THOUSANDS_COMMA.sub("", body)  # "Up to 64,000 IOPS per volume": a number, not two items
    if "," not in body:
        return []  # "Automatically and quickly acquire and dispose resources": a sentence, not a list
    return [i.strip(" .;") for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|&)\s+|;\s*", body) if i.strip(" .;")]


def names_a_list(text: str) -> bool:
    """Whether a line is a label over a bare list of names ("IAM guidelines: MFA, Password policies, Least privilege
    principle"): three items or more, each a name of four words or fewer with no verb."""
    items = _list_items(text)
    if not items:
        return False
    services = len(items) == 2 and all(  # "AWS Budgets, and AWS Cost Anomaly Detection"
        re.match(r"(?:AWS|Amazon)\s", i) or load_catalog().lookup(i) for i in items
    )
    return (
        (len(items) >= 3 or services)
        and all(len(i.split()) <= 4 and not _TELLS.search(f" {i} ") for i in items)
        and items[0].lower() not in IMPERATIVE  # "visualize, understand and manage costs": verbs sharing an object
    )


def _only_names_equated(text: str) -> bool:
    """Whether a line only sets three or more short names equal ("aws outposts = Azure stack = search in portal")."""
    parts = text.split("=")
    return len(parts) >= 3 and all(0 < len(part.split()) <= 4 for part in parts)


def _heads_a_list_of_services(text: str) -> bool:
    """Whether a line opens with a list of four items or fewer, three or more of which name a service."""
    items = [item for _, item in comma_items(text)][:4]
    if not items or len(items[0].split()) > 5:
        return False  # "Compute Savings Plans apply to usage across Amazon EC2, AWS Lambda, and AWS Fargate": a clause
        # first, its list after the verb
    return len(items) >= 3 and sum(bool(load_catalog().mentions(" ".join(i.split()[:4]))) for i in items) >= 3


def bare_item_of_list(text: str, at: int) -> bool:
    """Whether the words at ``at`` are a bare item of a list of three or more service names ("AWS X-Ray, AWS Partner
    Network (APN), AWS Global Accelerator, AWS Budgets"): four words or fewer between commas (commas inside brackets
    aside), with no aside of their own, among items most of which are catalog names."""
    items = comma_items(text)
    if len(items) < 3:
        return False
    own = next((item for begin, item in reversed(items) if begin <= at), "")
    bare = [re.sub(r"\([^()]*\)", "", item).strip(" .;") for _, item in items]
    catalog = load_catalog()
    named = sum(1 for item in bare if item and len(item.split()) <= 5 and catalog.find(item))
    return "(" not in own and len(own.split()) <= 4 and named * 3 >= len(items) * 2


# a task ("Patching the guest OS", "Encrypt data at rest"), not a name
_TASK_VERBS = frozenset(
    "replace patch update upgrade maintain manage configure encrypt secure protect monitor back classify rotate apply "
    "install decommission dispose destroy migrate run store grant assign review enforce require".split()
)
_A_TASK = re.compile(r"\W*[A-Za-z]+ing\b|\W*(?:" + "|".join(sorted(IMPERATIVE | _TASK_VERBS)) + r")\b", re.I)


# an entry that says what is gathered from the service it names ("AWS Lambda: collection from function logs")
_SOURCE_ENTRY = re.compile(
    r"^[^:]{2,40}:\s*(?:the\s+)?(?:collection|collected|collects|logs?|log files|metrics|events|records)\b"
    r"[^.]{0,30}\bfrom\b",
    re.I,
)


def _codes_only(text: str) -> bool:
    """Whether what follows a line's label is only a list of model names, each with a digit ("io2, io1, io2 block
    express", "C5, C6g, C7i")."""
    m = re.match(r"^[^:–—]{2,60}?(?::|\s[-–—]\s)\s*(.+)$", text)
    said = re.sub(r"\s*\([^()]*\)", "", m.group(1) if m else text)  # ("LambdaCanary10Percent5Minutes (one 10% step)")
    items = [i.strip(" .;`") for i in re.split(r"(?<!\d),\s*|,(?!\d{3}\b)\s*|\s+(?:and|&)\s+|;\s*", said)]
    return len(items) >= 2 and all(re.search(r"\d", i) and len(i.split()) <= 3 for i in items if i)


def in_passing(text: str, first: int, pattern: re.Pattern) -> bool:
    """Whether the option named at `first` is one item of a list that goes on around it ("on-demand, self-service,
    with broad network access, resource pooling"), rather than what the line is about."""
    if first == 0:
        return False
    named = pattern.match(text, first)
    end = named.end() if named else first
    before = re.sub(r"^[^:]{1,60}:\s", "", text[:first]).rstrip(" *_`\"'")  # past the line's own label
    after = text[end:].lstrip(" *_`\"')")
    # (the list's last item may qualify the name: "..., root user password, and root user access keys")
    listed_before = before.endswith(",") or bool(re.search(r",[^,]{0,40}\b(?:and|or|with)(?:\s+[\w-]+){0,2}$", before))
    return (listed_before and "," in before[:-1]) or (listed_before and after.startswith(","))


@functools.lru_cache(maxsize=65536)
def _badly_typed(text: str) -> bool:
    """A line too full of slips to quote: a hurried note's marks, or a misspelt word in every eight (one slip in a
    long line of the learner's own words still says what the option is)."""
    slips = [word for word, fix in misspellings(text) if " " not in fix]  # ("upto" is "up to" run on: no slip)
    return hurried(text) or len(slips) * 8 > max(12, len(text.split()))  # (two slips in a short line)


def _concept_on_a_service_page(family: Family | None, line: Line) -> bool:
    """Whether a line sits on a service's page while the family asks about cloud concepts (its advantages, its
    models): there a concept's word ("global reach", "elasticity") means a feature of that service."""
    if family is None:
        return False
    return load_catalog().topics[family.topic].category == "cloud-concepts" and _a_service(line.topic)


_SAYS_WHAT_IT_IS = re.compile(
    r"\b(?:is|are|means|refers to|describes)\b"
    r"|^\W*(?:[^:]{0,40}:\s*)?(?:the\s+)?(?:ability|capacity|practice|process)\b"
    r"|^\W*[^:]{0,40}:\s*[A-Za-z]+ing\b",  # "Vertical scaling: Making the instance bigger": what doing it is
    re.I,
)


def _another_services_setting(
    option: Option, family: Family | None, line: Line, text: str, topics: frozenset[str] | None
) -> bool:
    """Whether a line on another service's page, in a section titled for it, is that service's entry of a feature
    named like the option ("Multi-AZ: file systems include a standby file server" under FSx, for RDS's Multi-AZ): the
    line says it of that other service, unless it names the family's."""
    label = _LABEL.match(text)
    said = word_stems(label[1] or "") if label else frozenset()
    return bool(
        family
        and topics
        and not option.topic
        and said
        and said <= word_stems(option.name)  # the other service's entry of a feature by the option's name
        and _a_service(family.topic)
        # (a security practice, least privilege or MFA, holds on every service's page: it is no one service's setting)
        and load_catalog().topics[family.topic].category != "security"
        and _a_service(line.topic)
        and line.topic not in topics
        and not _part_of_the_same_service(family, line.topic)
        and not (_services_named(text) & topics)
        # (in a section its title gives to that service: a line the placement left on some page is no proof)
        and any(line.topic in load_catalog().find(plain_text(h)) for h in (line.heading, line.note_heading) if h)
    )


def _part_of_the_same_service(family: Family, slug: str) -> bool:
    """Whether a page is another part of the service the family's topic is a part of (EC2's instance types, for an
    EC2 purchasing option): "On-demand: pay the full price" there is no unrelated service's setting."""
    catalog = load_catalog()
    parent = catalog.topics[family.topic].parent if family.topic in catalog.topics else None
    return bool(parent and _a_service(parent) and slug in catalog.topics and catalog.is_ancestor(parent, slug))


def _under_another_subject(option: Option, family: Family | None, line: Line, text: str, first: int) -> bool:
    """Whether a line that names an option of a service's family (No Upfront) sits in a section whose title names
    neither the option nor the family's subject (Reserved Instances), and says none of the subject's words before the
    option: "Highest cost, but no upfront payment" under "EC2 On Demand" says it of On-Demand."""
    if not family or option.topic or not _a_service(family.topic) or not line.heading:
        return False
    heading = plain_text(line.note_heading or line.heading)  # (the note's own title, where the page retitled it)
    topic = load_catalog().topics[family.topic]
    above = load_catalog().topics.get(topic.parent) if topic.parent else None
    if above and load_catalog().find(heading) == [above.slug]:
        return False  # "Elastic Block Storage" over "EBS Provisioned IOPS SSD provides ...": the service's own section
    subject = word_stems(f"{family.noun} {family.name} {' '.join(_own_name_words(topic))}") - _GENERIC_FAMILY_WORDS
    if above:  # (the service the family's topic is a part of names all its parts: "EC2" of EC2 purchasing options)
        subject -= word_stems(" ".join(_own_name_words(above)))
    return (
        not names_option(option, heading, opening=len(heading))
        and not any(_same_stem(w, x) for w in word_stems(f"{heading} {text[:first]}") for x in subject)
        and (not line.topic or _titles_another_families_option(heading, family.id, option.id))
    )


@functools.lru_cache(maxsize=4096)
def _titles_another_families_option(heading: str, family_id: str, option_id: str) -> bool:
    """Whether a heading names an option of another family, one with no page of its own ("EC2 On Demand", a purchasing
    option): the section is that thing's, not a generic one ("Use Cases", "Overview")."""
    families = load_families()
    own = families[family_id]
    said = word_stems(heading)
    shared = word_stems(f"{own.noun} {own.name}") | _GENERIC_FAMILY_WORDS
    for family in families.values():
        for other in family.options.values():
            if family.id == family_id or other.id == option_id or other.topic:
                continue
            # its name's own words, past those it shares with this family's subject ("Instances" of On-Demand)
            distinct = {w for w in word_stems(other.name) if not any(_same_stem(w, x) for x in shared)}
            if names_option(other, heading, opening=len(heading)) or (
                distinct and all(any(_same_stem(w, x) for x in said) for w in distinct)
            ):
                return True
    return False


_GENERIC_FAMILY_WORDS = frozenset(word_stems("option options kind kinds type types feature features setting settings"))


def _a_service(slug: str) -> bool:
    """Whether a topic is a service's page (not a cloud concept's): "Compute Optimized" under Snowball Edge there is
    a Snowball device, not the EC2 instance family."""
    topic = load_catalog().topics.get(slug) if slug else None
    return topic is not None and topic.category != "cloud-concepts"


def _services_named(text: str) -> set[str]:
    """The catalog topics a line names that are services or their parts, not cloud concepts ("hybrid")."""
    catalog = load_catalog()
    return {t for t in catalog.mentions(text) if catalog.topics[t].category != "cloud-concepts"}


def _inner_entry(text: str) -> str | None:
    """What follows a short category label when it is itself a labelled entry ("EC2 Pricing: On-Demand: charged by
    the second" -> "On-Demand: charged by the second"), else None."""
    if text.count(":") < 2:
        return None
    m = re.match(r"^([^:.]{2,30}):\s+([^:.]{2,40}:\s+\S.*)$", text)
    return m.group(2) if m and len(m.group(1).split()) <= 3 else None


# a line whose own subject is something else, the option's name only saying what that is: "SSH is a "
_WHAT_ANOTHER_IS = re.compile(
    r"^\W*(?!(?:what|which|who|where|how|why|when)\b)[A-Za-z][\w().'-]*(?: [\w().'-]+){0,3} (?:is|are|was)"
    r" (?:a|an|one|another)(?: [\w-]+)?\s*$",
    re.I,
)


def without_lead_in(text: str) -> str:
    """A line that ends by leading in to a list, as a statement: "AWS Artifact is a service that ... It consists of
    two main sections:" says what the sentences before the lead-in say; "EBS Volume is a Network Drive you can attach
    to your instances:" is a lead-in that says what its subject is, before the list of its traits. Any other line
    comes back as it is."""
    if not text.endswith(":"):
        return text
    if lead := re.match(r"(.+[.!?])\s+[^.!?]+:$", text):
        return lead.group(1)
    if _DEFINING_LEAD_IN.match(text):
        return text[:-1].rstrip() + "."
    return text


# a lead-in that defines its subject ("X is a network drive you attach to instances:"): six words or more, "is a"
_DEFINING_LEAD_IN = re.compile(r"^(?=(?:\S+\s+){5,})[^:]{0,60}?\b(?:is|are) (?:an?|the) [^:]{8,}:$", re.I)


_PRONOUN = re.compile(r"(?:it|this (?:service|tool|model|feature|option)|they)\s+(?!is\b|was\b)[a-z]+s?\b", re.I)


_MAKERS = word_stems("aws amazon iam ec2 s3")  # words of a name that say whose it is, not what it is

# Words any line of cloud notes may share with any explanation: sharing one of them supports nothing.
_ANY_TOPIC_WORDS = word_stems(
    "cloud computing resources customers users company you your they their them there can could will would may might"
    " must should also only just more most any all some one has have had was were been use used using like such etc"
)

# a line opening with a comparison ("Just like S3, it ...") is still about the subject.
_COMPARED = re.compile(r"(?:just |much |very )?(?:like|unlike|similar to|same as|as with)\b", re.I)


def find_evidence(
    option: Option,
    lines: list[Line],
    family: Family | None = None,
    topics: frozenset[str] | None = None,
    texts: list[str] | None = None,
    spelled: bool = True,
) -> Line | None:
    """The most telling note line about one option, from the option's own topic.

    It names the option near its start, says something (not a bare heading or name), and, when the family is
    given, is about this option rather than a sibling it is compared with.
    """
    best = None
    others = [o for o in family.options.values() if o.id != option.id] if family else []
    name_words = word_stems(option.name) | {"amazon", "aws", "s3", "ec2"}
    titled_by_name = name_words | _topic_name_words(option)  # a title of the service's full name only names it
    kind_words = _kind_words(option)
    fact_words = word_stems(_without_siblings(option)) - word_stems(option.name) - _TELLS_NOTHING
    texts = texts or [plain_text(line.text) for line in lines]
    pattern = option_pattern(option)
    for index, line in enumerate(lines):
        by_stems = False
        deep = False  # a later line of a section titled with the option, not its first
        if (inner := _inner_entry(texts[index])) and pattern.match(inner):
            # "EC2 Pricing: On-Demand: Default EC2 pricing ...": the entry inside a category's label
            line = dataclasses.replace(line, text=inner, labelled=True)
        elif (named := pattern.search(texts[index])) and not (
            named.start() > OPENING and _opens_section(lines, index) and _title_naming(option, line)
        ):  # (the first line under the option's title that names it only late is read as the title's, below)
            line = _described(line, lines, index, family, titled_by_name)
        elif (
            not spelled
            and line.topic
            and (
                page_entry(option, texts[index], line.topic)
                or page_subject(option, texts[index], line.topic)
                or kind_entry(option, texts[index], family, line.topic)
            )
        ):
            # on the page of the service the option is named after, its entry by a label without the service's
            # name ("Health Checks: ..." on Route 53's page)
            line = _described(line, lines, index, family, titled_by_name)
        elif (
            _bare_name(texts[index])
            and index + 1 < len(lines)
            and lines[index + 1].depth > line.depth
            and (
                (option.titles and any(p.search(texts[index]) for p in option.titles))
                or (
                    line.topic
                    and kind_entry(
                        option, f"{texts[index].strip(' :')}: {plain_text(lines[index + 1].text)}", family, line.topic
                    )
                )
            )
        ):
            # "- S3 Glacier." over "- Long term archival storage", "- Retrieval could take minutes or hours": a bare
            # name it is titled by, read with the bullets under it; and a bare kind's name on the page of what it is a
            # kind of ("- Application" over "- Layer 7", "- route traffic rule to target group" on ELB's page)
            line = _described(line, lines, index, family, titled_by_name)
        elif not spelled:
            continue  # the first, cheap pass: the option's own evidence patterns only
        elif (
            names_option(option, texts[index])
            or labelled_as(option, texts[index], line.heading or "", page=line.topic)
            or (line.topic and page_subject(option, texts[index], line.topic))
            or kind_entry(option, texts[index], family, line.topic)
            or (line.topic and page_entry(option, texts[index], line.topic))
        ):
            # named in another spelling ("pre assigned URL", "Kinesis Data Stream", a bare "**General Purpose**"), or
            # the label of its entry in a table or a glossary ("Config: Track resources inventory and changes")
            line = _described(line, lines, index, family, titled_by_name)
        elif stem_entry(option, texts[index], line, others):
            # its entry under a label in other word forms ("Clustered Placement Group", "Scale manually.")
            line = _described(line, lines, index, family, titled_by_name)
            by_stems = True
        elif (
            (titled_by := (spelled_title := _title_naming(option, line)) or stem_title(option, line, others))
            and not _sibling_past_name(option, plain_text(titled_by), others)  # "# S3 Standard - Infrequent Access"
            and (
                (first_of_section := _opens_section(lines, index))
                or (_PRONOUN.match(texts[index]) and _near_its_title(lines, index))
                or _says_of_its_title(option, texts[index], family, others)
            )
            and (
                _COMPARED.match(texts[index])
                or not {t for t in _services_named(texts[index][:20]) if not _a_kind_of_thing(load_catalog().topics[t])}
                - {option.topic, *(topics or ())}
            )
            and not opens_with_another_name(option, texts[index])
            and not _says_what_another_is(option, texts[index])
            and not (
                not line.note_heading
                and names_option(option, texts[index], opening=len(texts[index]))
                and not pattern.search(texts[index])
            )  # (under only the page's own name, a line naming the option in a form its patterns leave out, "Amazon
            # EFS - Infrequent Access storage class", is about that other thing: "You will pay a fee each time ...")
            and not (topics and _services_named(titled_by) - {option.topic, *topics})
            and not (not option.topic and topics and line.topic not in topics and _a_service(line.topic))
            # (a title on another service's page names that service's kind: "Compute Optimized" under Snowball Edge)
        ):  # (a line opening with another service is about that one, whatever heading it was left under; a concept
            # it names, "hybrid environments", or a service it ends on, "can utilize spot instances", is no subject)
            # the first line of a section titled with the option ("SRV RECORD"), quoted with its title
            said = plain_text(line.text)
            title = plain_text(titled_by).rstrip(" :")
            if asked := _WHAT_IS_IT.match(title):
                title = asked[1]  # "What is a visibility timeout?": the name it asks about
            if (
                option.topic
                and not names_option(option, title, opening=len(title))
                and not any(p.search(title) for p in option.titles)
            ):
                if _inside_a_longer_name(option, title):
                    continue  # what is under it is that other thing's
                title = load_catalog().topics[option.topic].name  # a misspelt title ("Cost Exploerr"), mended
            refs = line.refs
            if len(said.split()) < 4:
                # "Reduced Billing", then "Additional discounts on volume based services": a section of short
                # bullets is read together, up to three
                more = [
                    n
                    for n in lines[index + 1 : index + 4]
                    if _section(n) == _section(line) and adjacent(line, n) and not link_line(n.text)
                ]  # (a bullet that only points elsewhere, "See [here](...)", reads as "See here": no statement)
                if not any(n.depth != line.depth for n in more):
                    more = more[:2]  # (a bullet with bullets under it reads on into them: "Use cases" over its use)
                if more:
                    said, previous = said.rstrip(" .;"), line  # ("Good for:" over its bullets reads on into them)
                    for n in more:
                        if plain_text(n.text).rstrip(" .;") in said:
                            continue  # (a line the notes wrote twice, merged onto two pages, is read once)
                        joint = " " if said.endswith(":") else ": " if n.depth > previous.depth else "; "
                        said, previous = said + joint + plain_text(n.text).rstrip(" .;"), n
                    refs = line.refs + tuple(r for n in more for r in n.refs)
            line = Line(
                text=said if said.lower().startswith(title.lower()) else f"{title}: {said}",
                refs=refs,
                topic=line.topic,
                labelled=True,
            )  # ("AWS CloudTrail records ..." under "AWS CloudTrail" needs no title before it)
            deep = not first_of_section and not _PRONOUN.match(texts[index])
            if (
                deep
                and option.topic
                and _names_its_topic(option)
                and not _near_its_title(lines, index)
                and not (word_stems(title) <= titled_by_name and _short_section(lines, index))
            ):  # (every bullet of a short section titled with the bare name, "# EFS" over five, is the service's)
                continue  # far into a whole service's section ("## EC2" over its AMI kinds, instance types and a
                # practice question's options), a line is about one of its parts, not what the service is
            if _names_its_topic(option) and (_another_things_entry(option, texts[index]) or _kinds_title(texts[index])):
                continue  # "Use a Golden AMI: install apps ..." under an EC2 title is the Golden AMI's entry
            if _ADVICE.match(texts[index]) or _in_a_list_of_advice(lines, index):
                continue  # "use a good naming convention" under its title: advice on using it, not what it is; and
                # any item of a numbered list that is mostly advice ("2- data in Glacier must be of a certain size")
            by_stems = (
                not spelled_title
                and (topics is None or lines[index].topic in topics)
                and stem_entry(option, titled_by, lines[index], others)
            )  # (on a page of the option's, a title naming it in other word forms and nothing else, "Clustered
            # Placement Groups", labels the line's entry, though its words are no spelling of the option's)
        else:
            continue  # most lines are about something else: the cheap tests first
        if _on_another_services_page(option, family, lines[index], texts[index]):
            continue  # "Multi AZ: best for Production" on EFS's page is EFS's, not RDS Multi-AZ's
        if _WHOLE_BOLD_LINE.fullmatch(lines[index].text) and _titles_something_else(option, texts[index]):
            continue  # "**EC2 unmanaged DB with 2+ EBS Volume**": a bold title of something else that names it
        if (
            _only_in_longer_names(option, texts[index])
            or _only_after_another_name(option, texts[index])
            or _glued_into_longer_names(option, texts[index])
        ):
            continue  # "A client library such as Amazon S3 Encryption Client": the name only inside a longer one
            # ("The Cost Management Console includes tools to ...", "DSSE-KMS: two layers ...")
        if _labels_a_named_kind(option, texts[index]):
            continue  # "S3 - Reduced Redundancy Storage (for data easy to reproduce)": a kind of S3's entry
        if _sibling_past_name(option, texts[index], others):
            continue  # "S3 Standard Infrequent Access: ..." goes on past "S3 Standard" with Standard-IA's own words
        if _inside_a_siblings_name(option, texts[index], others):
            continue  # "IAM user groups help organise employees into teams": "user groups" is the IAM group's name
        if _titles_its_kinds(option, label_of(texts[index])) or _advice_entry(texts[index]):
            continue  # "EC2 types and why: General purpose - M and T series": one kind's line, not the service's;
            # "EC2: use a good naming convention": advice on using it, not what it is
        text = plain_text(line.text)  # matched as the learner will read it under the option
        if (said := without_lead_in(text)) != text:
            text = said
            line = Line(text=text, refs=line.refs, topic=line.topic, heading=line.heading, labelled=line.labelled)
        short = len(text) < 20 and not labelled_as(option, text, line.heading or "", page=line.topic)
        if _DENIES.match(text) or len(re.findall(r"\w\S*", text)) < 3 or short or _bare_lead_in(text):
            continue  # a bare heading or name ("• Lambda functions", its bullet no word) says nothing of the option
        if no_fact(text):
            continue  # another question's verdict ("X is incorrect because ..."), a question itself, or the learner
            # thinking aloud ("In order to do my answer, ..."): no fact
        explained = explained_option(text)
        if explained and (names_option(option, explained) or labelled_as(option, explained)):
            # a practice question's explanation of this option ("D) AWS Transit Gateway: This is used to connect
            # multiple VPCs ..."): what it says of the option, without the letter
            text = explained
            line = Line(text=text, refs=line.refs, topic=line.topic, heading=line.heading, labelled=True)
        if option_line(line.text) or option_line(text) or re.search(r"\|\s*:?-+:?\s*\|", text):
            # (or a whole markdown table, header and rule included, read as one line)
            continue  # a practice question's option ("C. DynamoDB", "- [ ] ...", an HTML checkbox): no fact
        if _names_a_longer_topic(option, text):
            continue  # "Amazon EC2 Auto Scaling adds instances ..." is about Auto Scaling, not EC2
        if _introduces_another(option, text):
            continue  # "EC2 instances can be provided with ... storage called Instance Store Volumes" is the
            # line that says what instance store is, not what EC2 is
        if _sibling_variant(option, text, others):
            continue  # "FSx: Network file system for Windows" is the Windows File Server's line, not Lustre's
        if _slashed_with_siblings(option, text, others):
            continue  # "Glacier Instant/Flexible/Deep Archive → retrieval minutes-hours" is said of the three
            # together, and holds for some of them only
        if _only_spells_out(text):
            continue  # "MX - mail exchange": what the letters stand for, nothing of what the record does
        if _bold_longer_name(option, line.text):
            continue  # "With **Amazon Redshift Spectrum**, ...": the author's bold name goes on past the option's
        if (
            says_too_little(option, text, titled_by_name)  # "IAM Credentials Report (account level)", "X and Y"
            or _TITLE_QUESTION.match(text)
            or _a_step_in_a_case(option, text)
            or _badly_typed(text)
            or _SIMPLIFIED.search(text)
            or heading_like(text)
            or link_line(line.text)
            or link_line(text)
            or link_line(lines[index].text)  # (a contents entry, "[Use Cases](#use-cases)", read with its title)
        ):
            continue  # only the option's name ("Amazon S3 Glacier Flexible Retrieval"), a line full of typos, or an
            # exam simplification AWS has relaxed ("attached to one EC2 instance at a time": Multi-Attach)
        if _a_requirement_on_another(option, text):
            continue  # "Scalability: Endpoints must scale up during peak load": what another thing must do, under
            # the concept's name as a label, nothing of what the concept is
        if _labels_a_part(option, text) or _a_parts_subject(option, text) or _made_by_another(option, text):
            continue  # "ec2 status checks -> system and instance checks": the entry of a part of the service, named
            # by its name and more words its explanation never uses
        if _recalled_exam_line(text) or _listed_under_an_aside(lines, index):
            continue  # "ALB, Cloudfront. First time users load the site it works, on refresh they get an error": a
            # recalled exam scenario headed by the names it involves; "ec2 status checks -> system and instance"
            # under "Following services were featured on the exam:": what was asked, nothing said of the service
        if _NARRATES.match(text) or _NARRATES.match(texts[index]):
            continue  # "We provisioned our EFS into a default security group": a step of the learner's lab, nothing
            # of what the service is
        if (
            _NAVIGATES.match(text)
            or ((said := _LABEL.match(text)) and _NAVIGATES.match(text[said.end() :]))
            or len(_STEP_ARROW.findall(text)) >= 2
            or _CLICKS.search(text)
        ):
            continue  # "AWS Budgets: In the services menu search for 'Budgets'", "Go to the management console.",
            # "create ebs snapshot > encrypt > create new volume": a hands-on step or a click path says nothing of
            # what the service is
        if (said := _LABEL.match(text)) and len(re.findall(r"[A-Za-z]{2,}", text[said.end() :])) < 2:
            continue  # "Multi-Factor Authentication: enable": a label and a word, nothing said of what it is
        if (said := _LABEL.match(text)) and _figures_only(text[said.end() :]):
            continue  # "aws cli - 604800 secs - 168 hours (default 3600)": a setting's figures, nothing it is or does
        entry = by_stems or labelled_as(option, text, line.heading or "", page=line.topic)
        if entry and (said := _LABEL.match(text)) and _only_another_name(option, text[said.end() :]):
            continue  # "SNS: SES (Simple Email service)": the label's description is only another service's name
        if entry and option.topic and not line.labelled and not _LABEL.match(text) and not _kind_aside(option, text):
            continue  # "Instance store volumes", an item of a list of course concepts: its name and nothing said
            # (a task, "Isolation on physical hosts" in a list of AWS's duties, is the duty itself)
        if not entry and not line.labelled and opens_with_another_name(option, text):
            continue  # "The CloudTrail Processing Library is a Java library ...": about the library, not CloudTrail
        if not entry and (_another_kind_labelled(option, text) or _one_word_swapped(option, label_of(text))):
            continue  # "Client VPN: a VPN for remote users" is the entry of another kind of VPN than Site-to-Site;
            # "Multi-AZ DB cluster deployment: readable standbys" of another kind than a Multi-AZ DB instance
        positions = [m.start() for p in option.evidence if (m := p.search(text))]
        if entry or (
            line.topic
            and (
                page_subject(option, text, line.topic)
                or kind_entry(option, text, family, line.topic)
                or page_entry(option, text, line.topic)
            )
        ):
            positions = [0]  # the line is the option's entry: it opens with its label (or its name, on its page)
        elif (
            not positions
            and names_option(option, text)
            and not _longer_name_at(option, text)
            and not _spelled_in_anothers_entry(option, text)
        ):
            # it opens with the option in another spelling, or with its section's title (not with a longer name
            # the option's is the start of: "S3 Standard-Infrequent Access" is no line about S3 Standard)
            positions = [_named_at(option, text)]
        elif names_option(option, text) and _named_at(option, text) == 0 and _opens_with_name(option, text):
            # it opens with a catalog name of the option's topic, its pattern's spelling coming later ("Network
            # Access Control Lists (NACL) control access to subnets")
            positions.append(0)
        if not positions:
            continue
        first = min(positions)
        if _PARTNER_LABEL.match(text[:first]):
            continue  # "Integration with CloudTrail: an alarm on an API call" is the page service's feature
        if _COMPARED_WITH.search(text[:first]):
            continue  # "Low cost compared to Amazon S3 Standard": what the line is about is compared with the option
        if not any(p.search(text) for p in option.evidence) and _sibling_qualified(option, text, first, others):
            continue  # "a private cloud deployment" names the on-premises model, not the cloud one
        if first > MAX_QUOTE // 2:
            continue  # named only deep into a long line, which the quote would cut off before the option
        titled = line.labelled or entry or heading_names(option, line)
        if entry and first == 0 and _short_label(option, text) and _titled_by_an_unlike_sibling(option, line, others):
            continue  # "**Reserved** : Can be purchased as a reservation for up to 70% off" under "Dedicated Hosts":
            # how the sibling the section is titled with is bought, not the Reserved Instances option's entry
        if (
            entry
            and (inner := _LIST_LABEL.match(text))
            and names_a_list(inner.group(1))
            and _lists_its_kinds(option, inner.group(1))
        ):
            continue  # "S3: Storage class: S3 Standard, S3 Infrequent Access, S3 Glacier": a list of the option's kinds
            # under a label of their own, nothing of what the option is
        if not entry and names_a_list(text) and not (not option.topic and _PARTY_LABEL.match(text)):
            continue  # "IAM guidelines: MFA, Password policies, Least privilege principle" says nothing of any of them
        if _only_names_equated(text):
            continue  # "aws outposts = Azure stack = search in portal": names set equal, nothing said of any
        if not entry and first == 0 and _heads_a_list_of_services(text):
            continue  # "Cost Explorer, AWS Graviton 2, EC2 T instances, Spot instances allow energy efficient ...":
            # said of the list together, not of its first item
        if not entry and bare_item_of_list(text, first):
            continue  # "AWS X-Ray, AWS Global Accelerator, AWS Marketplace (buy third-party software)": a name among
            # names, with nothing said of it (where an item has its aside, the aside is what the line says of that one)
        if (entry or label_of(text)) and _codes_only(text):
            continue  # "Provisioned IOPS SSD: io2, io1, io2 block express": the option's models, nothing it does;
            # "Lambda: `LambdaLinear10PercentEvery10Minutes` (...), `LambdaCanary10Percent5Minutes` (...)": the
            # names of a deploy tool's settings for it
        if (
            not titled
            and len(text.split()) <= 4
            and not _TELLS.search(text)
            and not _VERB_END.search(text)
            and (option.topic or not _A_TASK.match(text))
        ):
            continue  # a short phrase with no verb ("MFA on root accounts", "Principle of least privilege", an item of
            # a checklist or a list of course concepts) says nothing of it; a task in a list of duties ("Replacing
            # faulty hardware" under AWS's responsibilities) is the duty itself
        if _DEFAULT_OPENING.match(text) and _names_its_topic(option):
            continue  # "By default, EC2 instances are placed in the default VPC": a default setting of the service,
            # nothing of what the service is
        if not option.topic and _measured(option, text):
            continue  # "High availability (99.99%) and durability (11 nines)" under a storage class: that class's
            # figures, nothing of what high availability is
        if _SOURCE_ENTRY.match(text):
            continue  # "AWS Lambda: collection from function logs" under a log service: where its logs come from
        if not entry and first > 0 and _WHAT_ANOTHER_IS.match(text[:first]):
            continue  # "SSH is a command-line interface utility ...": what SSH is, not a line about the AWS CLI
        if not titled and not (not option.topic and _A_TASK.match(option.name)) and in_passing(text, first, pattern):
            continue  # one item of another subject's list ("Cloud Computing: on-demand, self-service, with broad
            # network access, resource pooling"): the line says nothing of the option itself
        if not entry and (
            joint_subject(option, text, first, others)
            or another_label(option, text, first, family.topic if family else None)
        ):
            continue  # "Security groups and NACLs provide layered security" says nothing that tells the two apart;
            # "Data Lifecycle Manager (DLM) - automates ... EBS snapshots" is DLM's entry, not the snapshots'
        if (
            not titled
            and not entry
            and first > 0
            and not _opens_with(text, first)  # "Amazon Fargate is the serverless option" under "ECS, EKS" is Fargate's
            and _titled_by_a_sibling(option, line, others, in_its_label=0 < first < text.find(":"))
        ):
            continue  # "Zero downtime replicating a single AZ DB." under "Multi AZ (Disaster Recovery)": the section is
            # the sibling's, which it compares with the option
        if not titled and not entry and _about_a_part(option, text, first):
            continue  # "The EC2 Instance will be provisioned so long as the Spot price is below your max": about Spot
            # Instances, a part of EC2 with its own page, not about what EC2 is
        if not titled and not entry and first > 0 and _ANOTHER_SUBJECTS_PHRASE.match(text[:first]):
            continue  # "A physical server with EC2 instance capacity fully dedicated to you": the line says what the
            # server (a Dedicated Host) is; the option only qualifies it
        if not titled and not entry and _CONDITION_OPENING.match(text):
            continue  # "If using a default NACL, then all will be allowed": one case of it, not what it is
        if not titled and not entry and _EXAMPLE_OPENING.match(text):
            continue  # "E.g. you are only allowed 5 VPCs per region and 500 SSH key pairs": an example of something
            # else (a quota), which names the option in passing
        if not entry and option.topic and _qualified_in_passing(text, first):
            continue  # "Underutilized Amazon EBS volumes" in a list of checks, "built-in targets (CloudWatch alarm
            # actions)": the option named inside a short phrase about something else, nothing said of it
        if not entry and (_longer_subject(option, text, first) or _namesakes_subject(option, text, first)):
            continue  # "An Amazon EC2 Dedicated Host is a physical server ...": the subject is a longer name, a part of
            # the option, and the line says what that part is
        if not entry and _under_another_title(option, lines, index):
            continue  # "A physical server with EC2 instance capacity fully dedicated to your use." under "Dedicated
            # Hosts" says what the title is, not what EC2 is
        if not entry and _labels_a_sibling(option, text, first, others, family):
            continue  # "Hybrid Deployment - connects cloud resources to on-premises infrastructure" is the hybrid
            # model's entry, which names the on-premises one only in passing
        if (
            not entry
            and first > 0
            and (not titled or not line.topic)
            and _under_another_subject(option, family, line, text, first)
        ):
            continue  # "Highest cost, but no upfront payment" under "EC2 On Demand": the section is about something
            # other than the family's subject (Reserved Instances), which the No Upfront option is a part of; and a
            # line no page took ("No minimum capacity" under "Databases") is no Auto Scaling group's setting
        if not titled and not entry and _later_sentence_of_another(option, text, first, family):
            continue  # "On-Demand Instances are ideal for short-term workloads. No upfront costs ... apply.": the
            # second sentence goes on about On-Demand, whatever words it shares with the No Upfront payment option
        if other_tier(option, text):
            continue  # "AWS Shield standard: ..." is the other tier's line, not Shield Advanced's
        if (not titled or (not entry and (said := _LABEL.match(text)) and first < said.end())) and step_done_to(
            option, text, first
        ):
            continue  # "we must enable AWS config": a step done to the service, nothing of what it is (in a title
            # too: "Move EC2 instance in standby" over what standby does is a step done to the instance)
        aside = -1 if titled or entry else named_in_aside(text, first, name_words)
        if aside >= 0 and not names_option(option, text[:aside]):
            continue  # "You implement workers (running on EC2 or on-premises)": the line is about the workers
        if (
            not titled
            and option.topic
            and line.topic
            and line.topic != option.topic
            and line.topic in load_catalog().topics
            and load_catalog().is_ancestor(option.topic, line.topic)
            and not _opens_with(text, first)
        ):
            continue  # on a page of one of its parts, "AWS offers several purchasing options for EC2 instances" is
            # about the part (the purchasing options); only a line that opens with the service is about it
        if _TAKES_FROM.match(text[:first]):
            continue  # "Utilizes data from AWS Cost Explorer to plan ...", under Budgets: a subjectless line about
            # the section's own service, which takes something from the option
        if not titled and not subject_at(text, first):
            continue  # the option is the object of another subject's statement ("Does not apply to the root
            # account" under a policy's heading): the line says nothing of the option itself
        if not titled and first > 0 and _services_listed(text) >= 3 and not _opens_with(text, first):
            continue  # a line listing services in passing ("works with EC2, EBS, ECS and RDS") is evidence for
            # none of them but its subject
        sibling_first = any(m.start() < first for o in others for p in o.evidence if (m := p.search(text)))
        own_topic = topics is None or not line.topic or line.topic in topics
        if not own_topic and not titled and _SUPPORTED_BY.match(text[:first]):
            continue  # "Support for KMS encryption at rest" on Neptune's page: what Neptune supports, nothing of KMS
        if not own_topic and not titled and object_at(text, first, pattern):
            continue  # on another service's page, "Snapshot storage in Amazon S3" is about the snapshots: the
            # option is where they go, not what the line says anything of
        introduced = bool(_INTRODUCES.search(text, 0, first))  # "... block storage called Instance Store Volumes"
        if not own_topic and (
            sibling_first
            or (first >= 25 and not introduced)
            or (not option.topic and not (line.labelled or entry or defines(option, text)))
            or (
                not option.topic
                and _concept_on_a_service_page(family, line)
                and (_services_named(text) - _services_named(option.name) or not _SAYS_WHAT_IT_IS.search(text))
            )
            or _another_services_setting(option, family, line, text, topics)
            or _another_services_feature(option, family, line, text)
        ):
            # On another service's page, only a line that opens with a service is about it; an option that is no
            # service of its own (No Upfront, patching the OS) often means something else there ("no upfront
            # costs" of Athena, RDS's patching), so only a line that defines it ("AWS Regions are ...") will do; and a
            # cloud concept is not explained by a service's line about itself ("Global Reach: With Global Tables,
            # DynamoDB ...", "High Availability: replicates data within the AZ" under FSx), only by one that says what
            # it is; and a setting of one service (Multi-AZ, a minimum capacity) is not explained on another's page.
            continue
        # A line that opens with the option is about it; one that mentions it after a sibling is a comparison.
        # Among those, a line that does not say whose job the option is (a task is the customer's on EC2 and AWS's
        # on RDS), then the line that says most of what the explanation says, supports it best.
        supports = len(word_stems(text) & fact_words)
        if (
            not supports
            and len(line.refs) > 1
            and _bare_name(texts[index])
            and option.topic
            and len(text.split()) - len(texts[index].split()) < _SHORT_CLAUSE
        ):
            continue  # "AWS Console" over "has limited operations", in a list of ways to reach Glacier: the clause
            # under the bare name says how it serves the section's subject, none of what the option is
        if (
            not own_topic
            and not (word_stems(text) & (said_of(option, family) - _ANY_TOPIC_WORDS))
            and first == 0
            and (told := _told_under(option, family, lines, index))
        ):
            # "SSE-KMS (server side). KMS holds the keys." over "- The customer controls the key policy", "- Each
            # use is logged by CloudTrail": a line opening with the option, whose own words are its name's, says it
            # in its bullets
            line = dataclasses.replace(
                line,
                text=f"{text.rstrip(' .;')}; " + "; ".join(plain_text(b.text).rstrip(" .;") for b in told),
                refs=line.refs + tuple(r for b in told for r in b.refs),
            )
            text = line.text
        if (
            not own_topic
            and not (word_stems(text) & (said_of(option, family) - _ANY_TOPIC_WORDS))
            and (
                not titled
                or (
                    entry
                    and not line.labelled
                    and not (option.topic and _a_service(option.topic))  # a concept's name ...
                    and _a_service(line.topic)  # ... labelling a line on a service's page
                    and not heading_names(option, line)
                )
            )
        ):
            continue  # on another thing's page, a line that says none of what the explanation says is about that
            # thing ("IAM roles are mapped to database users" on RDS's page, "For S3 and DynamoDB only!" under VPC
            # endpoints), or advice ("Always set up MFA on your root account"), whatever name it opens with; on a
            # service's page, an entry a concept's name labels is the service's ("Private, so only private IPs"
            # under VPC is no private cloud)
        if (quota := _QUOTA_ROW.search(text)) and not _gives_the_quota(option, text[: quota.start()], quota):
            continue  # "SQS: FIFO queue in-flight messages; 20,000", "SNS: SMS message; 140 bytes": a row of a table
            # of limits, which says what the option is only where the explanation gives its figure or what it
            # measures ("FIFO queue TPS per API action; 300" for lower throughput)
        if (
            supports < 2
            and option.topic
            and _names_its_topic(option)
            and (_under_an_encryption_title(option, lines[index]) or _speaks_of_encryption(option, text))
        ):
            continue  # "To encrypt existing unencrypted Amazon S3 objects, use S3 Batch Operations" under "Amazon S3
            # Default Encryption": a line on how the option's data is encrypted says that, not what the option is,
            # unless it says some of what the explanation says
        if _NOT_THE_SAME.search(text):
            continue  # "Private cloud != on-premises infrastructure": what it is not, set against another name, which
            # blind graders read as contradicting an explanation that joins the two ("On-premises (private cloud)")
        if supports < 3 and _GOTCHA.search(text):
            continue  # "VPC Flow Logs: after creating a flow log configuration, it's not possible to change it", "S3:
            # HTTP error 503 Slow Down indicates ...": an exam's gotcha, which supports little of what it is
        if supports < 2 and _DRAWBACK.search(text):
            continue  # "Horizontal Scaling: Drawbacks: Users must know multiple IP addresses", "RDS: not easy to
            # scale": what is hard about it, which supports none of what the explanation says it is for
        if supports < 2 and _NAVIGATION.search(text):
            continue  # "The root user signs in on its own sign-in page", "EC2 console » Key Pairs » Import key pair":
            # where in the console it is reached, none of what it is
        if not supports and _PRICE_WORDS.search(text) and not _PRICE_WORDS.search(option.fact):
            continue  # "EC2 - charge only for capacity used (clock-second/hour billing)": what it costs, which says
            # nothing of what the explanation says it is
        if (
            not (entry or titled or first <= _OPENS_WITHIN or any(_names_what_it_said(text, at) for at in positions))
            and not word_stems(text[:first]) & (word_stems(option.name) - _MAKERS)  # "AWS benefits from economies ..."
            and not (not option.topic and _PARTY_LABEL.match(text))
            and not (word_stems(text) & said_of(option, family)) - _ANY_TOPIC_WORDS
        ):
            continue  # a line that names the option late and shares no telling word with what the explanation says
            # of it ("They currently have two physical data centers that they own") is a scenario that names it in
            # passing, not a line that supports the explanation (a side's list of its duties names each duty)
        score = (
            not sibling_first,
            own_topic,
            not kind_words or bool(kind_words & word_stems(text)),  # "ECS: run containers on EC2 instances" says
            # which kind of ECS "Amazon ECS on EC2 instances" is, where "ECS: launch Docker containers" does not
            # the line that says most of what the explanation says of a service or feature, over one that only
            # names it in passing ("Key pair is specific to a Region"); a duty ("Replacing failed hardware") is said
            # in its own words, which the explanation's name takes out
            0 if not option.topic and _A_TASK.match(option.name) else min(supports, 3),
            not _ASSIGNS_SIDE.search(text),
            not (not option.topic and _PARTY_LABEL.match(text)),  # the duty on its own line, over a side's list
            first < 40,
            not deep,  # the first line under the option's title says what it is; a later one only when it alone
            # says some of what the explanation says
            min(supports, 4),
            entry,  # the option's own entry in a glossary or table, over a line that mentions it
            -abs(len(text) - 120),
        )
        if best is None or score > best[0]:
            best = (score, line)
    return best[1] if best else None


def _proper_name(cell: str) -> str | None:
    """The catalog topic a table cell is the very name of ("Amazon S3", "Shield"), not just an alias ("object
    storage", "DDoS protection"), else None."""
    slug = load_catalog().lookup(cell)
    if not slug:
        return None
    return slug if _compact(_unmade(cell)) in _own_topic_names(load_catalog().topics[slug]) else None


@functools.lru_cache(maxsize=4096)
def _a_things_name(cell: str) -> bool:
    """Whether a table's header cell is the name of a thing the course knows (a catalog topic, or an option of a
    family: "Convertible RI"), not a label of what a column gives ("Feature", "Use case")."""
    cell = plain_text(cell).strip(" :")
    if not cell or len(cell.split()) > 5:
        return False
    if load_catalog().lookup(cell):
        return True
    return any(
        o.matches(cell) or names_option(o, cell, opening=len(cell))
        for family in load_families().values()
        for o in family.options.values()
    )


def table_row_lines(table: str) -> list[tuple[int, str]]:
    """A markdown table's body rows, each with its place among them, as "First cell: the other cells" (header and
    rule left out), for quoting a row. A row whose last cell is what the row names and whose first describes it (a
    "keyword -> answer" table: "| `object storage` | Amazon S3 |") reads "Amazon S3: object storage"."""
    rows = [r for r in table.splitlines() if r.strip().startswith("|")]
    out = []
    header = [c.strip().strip("`*_ ") for c in rows[0].strip().strip("|").split("|")] if rows else []
    sides = len(header) >= 2 and len({side_title(c) for c in header} - {""}) == 2 and all(map(side_title, header))
    if sides or (len(header) >= 2 and all(_a_things_name(c) for c in header)):
        # "| AWS | Customer |": each column lists one side's jobs, and a row only sets two of them side by side
        # ("Patching the hypervisor" beside "Encrypting the tables"); "| Standard RI | Convertible RI |" over "|
        # Cannot be exchanged. | Can be exchanged ... |": each column is what the notes say of the thing it is headed
        # by (blind graders failed "Cannot be exchanged.: Can be exchanged ..." for both). Each cell reads under its
        # column's name, never under the first cell of its row; a side's duty may be one word, a thing's entry not.
        for k, row in enumerate(rows[2:]):
            cells = [c.strip().strip("`*_ ") for c in row.strip().strip("|").split("|")]
            said = zip(header, cells, strict=False)  # (a row may leave its last cells out)
            out += [
                (k, f"{name}: {cell}")
                for name, cell in said
                if cell and cell not in ("-", "—") and (sides or len(cell.split()) >= 2)
            ]
        return out
    for k, row in enumerate(rows[2:]):
        cells = [c.strip().strip("`*_ ") for c in row.strip().strip("|").split("|")]
        cells = [c for c in cells if c not in ("-", "—", "x", "✓", "✗")]
        while len(cells) > 2 and not cells[0]:
            cells = cells[1:]  # "| | Manage HSMs | AWS CloudHSM |": the group cell above it goes on; the row is its own
        if len(cells) < 2 or not cells[0]:
            continue
        if not _proper_name(cells[0]) and _proper_name(cells[-1]) and len(cells[0].split()) >= 2:
            out.append((k, f"{cells[-1]}: {'; '.join(cells[:-1])}"))
        elif rest := [c for c in cells[1:] if c]:
            out.append((k, f"{cells[0]}: {'; '.join(rest)}"))
    return out


def table_column_lines(table: str) -> list[str]:
    """A comparison table's columns, each as "Header: row label: cell; row label: cell" ("Standard Queue:
    Throughput: nearly unlimited; Ordering: best effort"), for quoting what the table says of one thing it
    compares."""
    out = []
    for name, said in comparison_columns(table):
        out.append(f"{name}: " + "; ".join(f"{label}: {cell.rstrip('.')}" for label, cell in said))
    return out


def entries_by_label(lines_by_topic: dict[str, list[Line]]) -> dict[str, Line]:
    """Every labelled line of the notes that says something ("**Performance Efficiency**: use computing resources
    efficiently ...", a table's row), by its label's letters, and by its label joined with a word of its heading
    ("simple" under "Routing Policies" as "simplerouting"): the first such line for each."""
    out: dict[str, Line] = {}
    for slug in sorted(lines_by_topic):
        for line in lines_by_topic[slug]:
            text = plain_text(line.text)
            label = label_of(text)
            if not label or text.rstrip(" :*") == label or not quotable(line, text):
                continue
            rest = text[len(label) :] if text.lower().startswith(label.lower()) else text
            if len(re.findall(r"[A-Za-z]{3,}", rest)) < 4 or _badly_typed(text) or link_line(line.text):
                continue  # a label with next to nothing after it
            if _recalled_exam_line(text) or _terms_after_label(text):
                continue  # "CloudFront -> many questions regarding ...": what an exam asked, nothing said of it
            keys = {_compact(_unmade(label)).removesuffix("s")}
            keys |= {
                _compact(f"{label} {w}").removesuffix("s")
                for w in re.findall(r"[A-Za-z]+", plain_text(line.heading or ""))
                if len(w) >= 4
            }
            for key in keys:
                if len(key) >= 4:
                    out.setdefault(key, Line(text=clean_quote(text), refs=line.refs, topic=line.topic))
    return out


def entry_named(option: str, entries: dict[str, Line]) -> Line | None:
    """The notes' labelled line for an option of the author's own question, by its name ("Performance
    Efficiency"), or by the name of what it does ("Configuring the VPC Security Groups": security groups)."""
    bare = _without_aside(option).strip().rstrip(".")
    if len(bare.split()) > 5:
        return None  # a sentence, not a name
    found = entries.get(_compact(_unmade(bare)).removesuffix("s"))
    if found is None and (
        done := re.match(r"(?i)(?:configuring|managing|enabling|using|creating) (?:the )?(.+)", bare)
    ):
        found = entries.get(_compact(_unmade(re.sub(r"(?i)^(?:vpc|aws|amazon) ", "", done.group(1)))).removesuffix("s"))
    return found


def line_about(option: str, catalog, lines_by_topic: dict[str, list[Line]]) -> Line | None:
    """A note line that says what an author's option is, when the option is a catalog name: the first line on its
    topic's page that opens with one of its names and says something ("Amazon CloudFront is a CDN that ..."), never
    a question, another question's option or verdict, or the learner thinking aloud."""
    option = option.strip().rstrip(".")  # "Reserved Instances."
    slug = catalog.lookup(option) or catalog.lookup(_without_aside(option).strip())
    if not slug or slug not in catalog.topics:
        return None
    topic = catalog.topics[slug]
    bare = _unmade(_without_aside(option)).lower()
    own = {_unmade(n).lower() for n in (topic.name, topic.full_name, topic.short) if n}
    # the option's own name; the topic's names only when the option is the topic itself ("Dedicated Hosts" is one
    # of the purchasing options: a line opening with "Spot Instances" is not about it)
    names = {bare, re.sub(r"^(?:amazon|aws)\s+", "", bare)} | (own if bare in own or option.lower() in own else set())
    names = sorted((n for n in names if len(n) >= 2), key=len, reverse=True)
    every = {_unmade(n).lower() for n in topic.names}
    every |= {re.sub(r"^(?:amazon|aws)\s+", "", n) for n in every}
    titled_line = None  # the first line under a heading that names the option, quoted with the heading
    previous_heading = None
    page = lines_by_topic.get(slug, [])
    for index, line in enumerate(page):
        text = without_lead_in(plain_text(line.text))  # ("Amazon SQS is a ... service. It works by:")
        if (
            _listed_under_an_aside(page, index)
            or _recalled_exam_line(text)
            or _heads_a_list_of_services(text)
            or _terms_after_label(text)
        ):
            continue  # what an exam asked ("CloudFront -> many questions about ..."), or a list of names heading a
            # scenario or a clause ("AWS Organizations, AWS Budgets, AWS Health Dashboard"): nothing said of one
        heading = plain_text(line.heading or "")
        first_under = heading != previous_heading
        previous_heading = heading
        titled = first_under and any(re.sub(r"^(?:amazon|aws)\s+", "", heading.lower()).startswith(n) for n in names)
        low = re.sub(r"^(?:the|amazon|aws)\s+", "", text.lower())
        if (
            titled
            and titled_line is None
            and not any(low.startswith(n) for n in every)
            and says_more(text, every)
            and not set(catalog.mentions(text[:25])) - {slug}  # ("IAM policies grant ..." under EC2: IAM's line)
        ):
            if quotable(line, text):
                title = _without_aside(heading)
                titled_line = Line(text=clean_quote(f"{title}: {text}"), refs=line.refs, topic=line.topic)
            continue  # "Reserved Instances: Designed for ...", if no line says it in the option's own name
        if any(low.startswith(n) or text.lower().startswith(n) for n in names) and says_more(low, every | set(names)):
            label = re.sub(r"^(?:the|amazon|aws)\s+", "", label_of(text).lower())
            longer = label and label not in every and label not in names
            if longer and word_stems(label) - word_stems(" ".join(every)) - _THE_SERVICE_WORDS - _ATTRIBUTE_WORDS:
                continue  # "ec2 status checks -> system and instance checks": the entry of a part of it
            if quotable(line, text):
                return Line(text=clean_quote(text), refs=line.refs, topic=line.topic)
    return titled_line


def says_more(text: str, names: set[str]) -> bool:
    """Whether a line says more than a name ("EBS = Elastic Block Store" does not): three words beyond them."""
    rest = text.lower()
    for n in sorted(names, key=len, reverse=True):
        rest = rest.replace(n, " ")
    return len(re.findall(r"[a-z]{3,}", rest)) >= 3


def quotable(line: Line, text: str) -> bool:
    """A statement: not a question, a label, another question's option or verdict, the learner thinking aloud, or
    an address ("s3://my-bucket/my-file.txt")."""
    return not (text.endswith(("?", ":")) or option_line(line.text) or no_fact(text) or "://" in text)


def no_fact(text: str) -> bool:
    """Another question's verdict ("X is incorrect because ..."), a question itself, the learner thinking aloud, a
    line about the notes themselves ("A proper understanding of S3 for the Cloud Practitioner exam (Domain 3)"), one
    that only points at the line before it ("EKS: Similar thing but with different tooling"), or one about where a
    name comes from."""
    said = _LABEL.sub("", text, count=1)  # "Amazon EKS: Similar thing but ...": what follows the label
    return bool(
        _VERDICT.search(text)
        or _ASKS.search(text)
        or _FIRST_PERSON.search(text)
        or ABOUT_THE_NOTES.search(text)
        or POINTS_BACK.match(said)
        or _NAME_ORIGIN.search(text)
        or _REFERS_BACK.search(said[:40])
        or _REQUIREMENT.search(text)
        or _FRAGMENT.match(text)
        or _LEADS_INTO.search(text)
        or _STUDY_TASK.match(said)
        or _CREDIT.match(said)
        or _TAGS_ONLY.fullmatch(said)
        or _COMMAND.search(said)
        or _YOUR_NEED.match(said)
    )


# a worked example's or a practice question's need ("Example: You want Lambda executions to be logged in
# CloudWatch", "You need to store logs for 7 years"): the reader's situation, not a fact of the service
_YOUR_NEED = re.compile(
    r"\W*(?:(?:example|e\.?g\.?|for example|scenario)\s*[:,-]\s*)?"
    r"you(?:'d| would)?\s+(?:want|need|must|have to|like)\b",
    re.I,
)


# a file's tag line ("#aws #athena #serverless #sql"): names, nothing said of them
_TAGS_ONLY = re.compile(r"\W*(?:#[\w-]+[\s,;]*){2,}\W*")
# a command to type ("aws ec2 stop-instances --instance-id i-123", "aws s3 ls"): how to call a service, not what it is
_COMMAND = re.compile(r"(?:^|[\s`$>:])aws\s+[a-z0-9-]+\s+[a-z]+(?:-[a-z]+)*\b(?:\s+--?[a-z]|\s*`|\s*$)")


# where a picture in the notes comes from ("Amazon S3: Picture from Udemy", "Image source: AWS docs"): no fact
_CREDIT = re.compile(
    r"\W*(?:pictures?|images?|photos?|screenshots?|diagrams?|figures?|slides?)\s*(?:source\b|credits?\b|from|by|via"
    r"|courtesy of|taken from)",
    re.I,
)


# a task for the learner, not a fact: "Understand what Cross Region Replication is at a high level", "Know how
# versioning works" (not "Remember that versioning cannot be disabled", which says it)
_STUDY_TASK = re.compile(
    r"\W*(?:you should |make sure (?:you |to )?|be sure to )?(?:understand|know|learn|study|review|revise|read up on)"
    r"\s+(?:\w+\s+){0,2}(?:what|how|when|why|which|the differences?)\b",
    re.I,
)


# a line that only leads into what follows it: "On-demand mode is a good option if any of the following are true,"
_LEADS_INTO = re.compile(
    r"\b(?:the following|as follows)\b[^.]{0,30}[,:;]?\s*$"
    r"|\b(?:such as|including|includes?|like|e\.g\.?|for example)\s*[,:;]?\s*$"  # "Rotation: choose options such as"
    r"|\b(?:can|you can|we can)\b[^.,;]{0,60}\b(?:for|to|of|with|between)\s*[,:;]?\s*$",  # "you can set a rule for:"
    re.I,
)


# a line that goes on from the one before it mid-sentence: "(for an Amazon EBS-backed AMI) or an associated S3 bucket"
_FRAGMENT = re.compile(r"\W{0,3}(?:\(|(?:or|and|but|nor|which|whereas)\s)")


# a line that leans on the one before it for what it is about ("AWS Lambda uses this information to set up ENIs")
_REFERS_BACK = re.compile(
    r"\b(?:this|these|those|such|the above|the following|said) (?:information|data|details?|settings?|values?|"
    r"parameters?|configuration|info)\b",
    re.I,
)

# a practice question's requirement, in its scenario's words ("The data set will be stored on Amazon S3 and the
# storage solution must have seamless integration"): what a company needs, not what a service is
_REQUIREMENT = re.compile(
    r"\b(?:the|a|its|their) (?:\w+ )?(?:solution|company|organi[sz]ation|customer)\b[^.]{0,40}"
    r"\b(?:must|needs? to|requires?|wants? to|has to)\b",
    re.I,
)


# A line about a name's letters, not the thing: "The name Lustre is derived from 'Linux' and 'Cluster'"
_NAME_ORIGIN = re.compile(
    r"\bname\b[^.]{0,40}\b(?:is |was )?(?:derived|comes?|came|taken|coined) from\b|\bnamed after\b", re.I
)


_OPTION_LINE = re.compile(r"^\s*(?:[-*+•]\s+)?(?:<input\b[^<>]*>\s*)?(?:\(?[A-Ha-h][.)]\s|\[[ xX]?\]\s)|<input\b", re.I)


# subject of its own, continuing a statement about the heading's subject ("Does not apply to ...", "Attached to ...")
_NEGATES = re.compile(
    r"\b(?:not|no|cannot|can't|doesn't|don't|isn't|aren't|won't|never|than|vs|versus|except|unlike|instead of"
    r"|compared (?:to|with)|similar to|same(?: \w+){0,2} as|different from|differs from"
    r"|include|includes|including|such as|like|e\.g)\b",  # or an example in another subject's list
    re.I,
)


_SUBJECTLESS = re.compile(
    r"^\W*(?:does|do|is|are|was|were|can|will|must|should|may|applies|apply|attached|attaches|works?|"
    r"restricts?|limits?|denies|allows|affects|includes?|including|such as|like|e\.g\.)\b",
    re.I,
)


_LEAD_WORDS = frozenset("the a an amazon aws with using about in on for and by of to your our new".split())


@functools.lru_cache(maxsize=4096)
def _option_names(option: Option) -> tuple[str, ...]:
    """The option's name and the catalog names of its topic, without their maker ("Amazon")."""
    names = [_unmade(_without_aside(option.name))]
    if option.topic and option.topic in load_catalog().topics:
        names += [_unmade(n) for n in load_catalog().topics[option.topic].names]
    return tuple(names)


def _named_at(option: Option, text: str) -> int:
    """Where a line names the option by its name or a catalog name of its topic (0 when only a spelling does)."""
    low = text.lower().replace("-", " ")  # "command-line interface" names the Command Line Interface (same length)
    found = [i for n in _option_names(option) if len(n) >= 2 and (i := low.find(n.lower().replace("-", " "))) >= 0]
    return min(found) if found else 0


def _longer_name_at(option: Option, text: str) -> bool:
    """Whether the line opens with a hyphenated longer name that starts with the option's ("S3 Standard-IA")."""
    name = _unmade(_without_aside(option.name))
    return bool(re.match(rf"\W*(?:(?:amazon|aws)\s+)?{re.escape(name)}\s*[-–]\s*[A-Za-z]", text, re.I))


def _bold_longer_name(option: Option, raw: str) -> bool:
    """Whether the line names the option only as the start of a longer name the author set in bold ("**Amazon
    Redshift Spectrum**"): a product of its own, or a feature the catalog files under the service, the option's name
    followed by a capitalised word."""
    spans = [plain_text(m) for m in re.findall(r"\*\*([^*]{3,80})\*\*", raw)]
    topic = load_catalog().topics.get(option.topic) if option.topic else None
    own = [_without_aside(option.name), *((topic.name, topic.short, topic.full_name) if topic else ())]
    names = sorted({_unmade(n) for n in own if n and len(_unmade(n)) >= 2}, key=len, reverse=True)
    if not spans or not names:
        return False
    # (a plural name in the singular is the name still: "**Kinesis Data Stream:**" for Kinesis Data Streams)
    spelled = [re.escape(n[:-1]) + "s?" if n.endswith("s") and len(n) > 4 else re.escape(n) for n in names]
    name = rf"^(?i:(?:amazon|aws)\s+)?(?i:{'|'.join(spelled)})"
    longer = any(re.match(rf"{name}\s+[A-Z][\w@-]*\b", span) for span in spans)  # (a capital: a name goes on)
    return longer and not any(re.fullmatch(rf"{name}s?\W*", span) for span in spans)


def _sibling_qualified(option: Option, text: str, first: int, others: list[Option]) -> bool:
    """Whether the name found at `first`, with the word just before it, holds a word of a sibling option's name that
    the option's own name lacks, so that it names the sibling ("a private cloud deployment" beside "Cloud (all-in)
    deployment" and "On-premises (private cloud) deployment", a topic alias the three share)."""

    def words(name: str) -> set[str]:
        return {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", name) if len(w) >= 4} - _LEAD_WORDS

    low = text.lower()
    said = set()
    if before := re.search(r"([A-Za-z][\w-]*)\W*$", text[:first]):
        said |= words(before.group(1))
    for name in _option_names(option):
        if low.startswith(name.lower(), first):
            said |= words(name)
    sibling_only = set().union(*(words(o.name) for o in others)) - words(option.name) if others else set()
    return bool(said & sibling_only)


def _on_another_services_page(option: Option, family: Family | None, line: Line, text: str) -> bool:
    """Whether a line about a service's part or setting (an option with no page of its own, RDS Multi-AZ) sits on
    an unrelated service's page and does not name the option's service: "Multi AZ: best for Production" on EFS's
    page, "On demand: No capacity planning" on DynamoDB's, are those services' own settings."""
    if option.topic or not family or not line.topic or not _a_service(family.topic) or not _a_service(line.topic):
        return False
    if _A_TASK.match(option.name):
        return False  # a practice ("Grant least privilege") is done on any service, and said on its page
    catalog = load_catalog()
    own = {family.topic, *catalog.ancestors(family.topic), *(c.slug for c in catalog.children(family.topic))}
    if line.topic in own or catalog.is_ancestor(family.topic, line.topic) or _spans_services(family):
        return False
    if _part_of_the_same_service(family, line.topic):
        return False
    if _topic_names_pattern(line.topic).search(catalog.topics[family.topic].name):
        return False  # (Amazon EC2's page for an Auto Scaling setting: "Amazon EC2 Auto Scaling" is EC2's)
    return not own & set(catalog.mentions(text))


_MANY_SERVICES = 3  # a family whose options live on this many other services' pages is about them all (pricing)


def _spans_services(family: Family) -> bool:
    """Whether a family's options belong to several services outside its own topic ("what each service bills by")."""
    catalog = load_catalog()
    outside = {
        o.topic
        for o in family.options.values()
        if o.topic and o.topic != family.topic and not catalog.is_ancestor(family.topic, o.topic)
    }
    return len(outside) >= _MANY_SERVICES


def _only_in_longer_names(option: Option, text: str) -> bool:
    """Whether every mention of a whole service's name goes on with more capitalised words, the name of something
    else ("Amazon S3 Encryption Client", "S3 Glacier"), not the service itself."""
    if not option.topic or not _names_its_topic(option):
        return False
    found = list(_topic_names_pattern(option.topic).finditer(text))
    if not found:
        return False
    for m in found:
        after = re.match(r"\s+([A-Z][\w-]*)", text[m.end() :])
        if not after or word_stems(after.group(1).lower()) <= _SELF_TITLE_WORDS:
            return False
    return True


# a first sentence that is only names ("ALB, Cloudfront."), then the scenario they are named for
_NAMES_THEN_SCENARIO = re.compile(
    r"^\W*[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}(?:\s*(?:,|&|\band\b)\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})+\s*\.\s+\S"
)
# the lead-in of a list of what an exam asked about ("Following services were featured on the exam:")
_EXAM_RECALL = re.compile(
    r"\b(?:featured|asked|appeared|came up|showed up|covered|tested)\b.{0,30}\b(?:exam|test)\b"
    r"|\b(?:exam|test)\b.{0,30}\b(?:asked|featured|covered|tested)\b|\bquestions (?:about|on|regarding)\b.{0,40}:\s*$",
    re.I,
)


# a line about what an exam asked ("CloudFront -> many questions regarding the scenarios ...", "... in my case")
_EXAM_TALK = re.compile(
    r"\b(?:many|several|a few|some|lots of|a lot of|two|three|\d+)\s+questions\s+(?:about|on|regarding|around|for)\b"
    r"|\bin my (?:case|exam)\b",
    re.I,
)


# a description that opens with another subject and what it must do ("Endpoints must scale up ...")
_MUST = re.compile(r"^\W*(?:the\s+|your\s+|each\s+)?(?P<subject>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
                   r"(?:must|should|needs? to|ha(?:ve|s) to|is required to|are required to)\b")  # fmt: skip


# a line that opens with a subject of its own and says what it is ("cost optimization is part of ...")
_ANOTHER_IS = re.compile(r"^\W*(?P<subject>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)\s+(?:is|are)\s+(?:an?\s+|the\s+)?"
                         r"(?:part|one|pillar|kind|type|example)\b", re.I)  # fmt: skip


def _says_what_another_is(option: Option, text: str) -> bool:
    """Whether a line under the option's title opens by saying what another named thing is part or a kind of
    ("cost optimization is part of the Well Architected Framework" under "Cost Explorer"): that thing's line."""
    said = _ANOTHER_IS.match(text)
    if not said or names_option(option, said["subject"], opening=len(said["subject"])):
        return False
    catalog = load_catalog()
    return bool(catalog.lookup(said["subject"]) or catalog.part_of_any(said["subject"]))


def _a_requirement_on_another(option: Option, text: str) -> bool:
    """Whether a concept's labelled line says what something else must do, not what the concept is."""
    if option.topic and _a_service(option.topic):
        return False
    said = _LABEL.match(text)
    if not said or not (must := _MUST.match(text[said.end() :])):
        return False
    return not word_stems(must["subject"]) & word_stems(option.name)


# after a service's name: lowercase words, then the verb they are the subject of ("... asynchronous invocations are")
_PART_THEN_VERB = re.compile(
    r"\s+((?:[a-z][\w-]*\s+){1,5}?)(?:is|are|can|will|must|should|do|does|have|has|get|gets)\b"
)
# what another service does to the option: "RDS can be provisioned with Beanstalk"
_MADE_BY = re.compile(
    r"\s+(?:can|could|may|will|is|are)\s+(?:be\s+|get\s+)?(?:provisioned|created|launched|deployed|spun up|set up)\s+"
    r"(?:with|by|via|through|using|from)\s+\w",
    re.I,
)


def _its_own_words(option: Option) -> frozenset[str]:
    """The words that still speak of a service itself after its name: its kind's and explanation's, the words for
    the service as a whole ("instances", "overview") and for its attributes ("pricing")."""
    return word_stems(f"{option.kind} {option.fact}") | _THE_SERVICE_WORDS | _ATTRIBUTE_WORDS


def _a_parts_subject(option: Option, text: str) -> bool:
    """Whether a line's subject is a whole service's name followed by lowercase words that name a part of it
    ("AWS Lambda asynchronous invocations are retried twice"), none of them a word of its explanation."""
    if not option.topic or not _names_its_topic(option):
        return False
    text = re.sub(r"^\W*(?:the\s+)?", "", text, flags=re.I)
    if not (named := _topic_names_pattern(option.topic).match(text)):
        return False
    part = _PART_THEN_VERB.match(text[named.end() :])
    if not part:
        return False
    words = word_stems(part.group(1)) - _MAKERS
    return bool(
        words - _its_own_words(option) - _RESOURCE_WORDS
    )  # (one word of its own is enough: "asynchronous" of "asynchronous invocations")


def _made_by_another(option: Option, text: str) -> bool:
    """Whether a line opens with the option as what another service provisions ("RDS can be provisioned with
    Beanstalk, which is great for dev/test"): a line on using the other one."""
    text = re.sub(r"^\W+", "", text)
    if not option.topic or not (named := _topic_names_pattern(option.topic).match(text)):
        return False
    return bool(_MADE_BY.match(text[named.end() :]))


def _in_a_list_of_advice(lines: list[Line], index: int) -> bool:
    """Whether a line is an item of a numbered list ("1- ...", "2. ...") of its section, at least half of whose items
    are advice ("1- Make sure to put data into different storage types", "3- Archive data in S3 as needed")."""
    if not _NUMBERED_ITEM.match(plain_text(lines[index].text)):
        return False
    items = [
        plain_text(n.text)
        for n in lines[max(0, index - 12) : index + 12]
        if _section(n) == _section(lines[index]) and _NUMBERED_ITEM.match(plain_text(n.text))
    ]
    advice = sum(bool(_ADVICE.match(t) or _IMPERATIVE_ITEM.match(t)) for t in items)
    return len(items) >= 3 and advice * 2 >= len(items)


_NUMBERED_ITEM = re.compile(r"^\W*\d{1,2}\s*[-.)]\s+\S")  # "1- ...", "2. ...", "3) ..."
# a numbered item that tells what to do ("3- Archive data in S3 as needed", "4- put data in deep archive if needed")
_IMPERATIVE_ITEM = re.compile(
    r"^\W*\d{1,2}\s*[-.)]\s*(?:archive|put|move|delete|keep|store|push|turn|enable|disable|set|tag|review|check"
    r"|monitor|try|stop|buy|choose|pick|plan)\b",
    re.I,
)


def _recalled_exam_line(text: str) -> bool:
    """Whether a line recalls an exam's question: its names, then the scenario ("ALB, Cloudfront. ... they get an
    error"), or what the exam asked about ("CloudFront -> many questions regarding ...")."""
    return bool(_NAMES_THEN_SCENARIO.match(text) or _EXAM_TALK.search(text))


def _labels_a_part(option: Option, text: str) -> bool:
    """Whether a line's label is a whole service's name followed by words that name a part of it, none of them a
    word of its explanation or of what it itself is ("ec2 status checks", not "EC2 instances" or "EC2 overview")."""
    if not option.topic or not _names_its_topic(option) or not (label := label_of(text)):
        return False
    named = _topic_names_pattern(option.topic).match(label)
    if not named:
        return False
    rest = word_stems(label[named.end() :]) - _MAKERS
    return bool(rest) and not rest & _its_own_words(option)


def _terms_after_label(text: str) -> bool:
    """Whether all a labelled line says is a list of three or more short terms ("cloudformation -> cfn-init,
    cfn-signal, stacksets, drift detection"): names of its parts, nothing said of what it is."""
    label = label_of(text)
    if not label:
        return False
    rest = text[text.lower().find(label.lower()) + len(label) :].lstrip(" )*_`:-–—=>→⇒")
    items = [i.strip() for i in re.split(r",|;|\band\b", rest.strip(" .")) if i.strip()]
    return len(items) >= 3 and all(len(i.split()) <= 2 for i in items)


# the lead-in of a list of where things are in the console ("in AWS Console:")
_CONSOLE_LEAD = re.compile(r"^\W*(?:in|on|from|via|using)\s+(?:the\s+)?(?:aws\s+)?(?:management\s+)?console\b", re.I)


def _listed_under_an_aside(lines: list[Line], index: int) -> bool:
    """Whether a line is an item of a list whose lead-in makes it an aside: what an exam asked about ("Following
    services were featured on the exam:"), or where things are in the console ("in AWS Console:" over "AWS Config ->
    Dashboards - all the rules you see ..."). The lead-in is the nearest line above it in its section that ends with
    a colon."""
    for j in range(index - 1, max(-1, index - 30), -1):
        if _section(lines[j]) != _section(lines[index]):
            return False
        above = plain_text(lines[j].text).rstrip()
        if above.endswith(":"):
            return bool(_EXAM_RECALL.search(above) or _CONSOLE_LEAD.match(above))
    return False


def _glued_into_longer_names(option: Option, text: str) -> bool:
    """Whether each mention of the option's one-word name or short form is glued by a hyphen or an "@" to a
    capitalised word, the name of something else ("DSSE-KMS", an S3 encryption mode, for AWS KMS; "Lambda@Edge";
    "EC2-Classic"). Blind graders failed each question quoting "DSSE-KMS: dual layer ..." for KMS. A compound with a
    lowercase word ("KMS-encrypted") still names the service."""
    forms = {_maker_off(option.name)} | {_maker_off(a) for a in re.findall(r"\(([^()]+)\)", option.name)}
    forms = {f for f in forms if re.fullmatch(r"[A-Za-z][\w]{1,20}", f)}
    seen = False
    for form in forms:
        for m in re.finditer(rf"(?<![\w@-]){re.escape(form)}(?![\w])|(?<=[-@]){re.escape(form)}(?!\w)"
                             rf"|(?<![\w@-]){re.escape(form)}(?=[-@])", text):  # fmt: skip
            seen = True
            before = re.search(r"([A-Za-z0-9]+)[-@]$", text[: m.start()])
            after = re.match(r"[-@]([A-Za-z0-9]+)", text[m.end() :])
            if not (before and before.group(1)[0].isupper() or after and after.group(1)[0].isupper()):
                return False
    return seen


def _only_after_another_name(option: Option, text: str) -> bool:
    """Whether every mention of a name of two words or more comes straight after a capitalised word that is no
    maker's and starts no sentence: the end of another name ("The Cost Management Console" for the AWS Management
    Console; blind graders failed each question quoting it)."""
    name = re.sub(r"\s*\([^)]*\)", "", _maker_off(option.name)).strip()
    if len(name.split()) < 2:
        return False
    found = list(re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.I))
    if not found:
        return False
    for m in found:
        before = re.search(r"(?:^|([.!?:;]\s+)|\s)([A-Z][\w&-]*)\s+$", text[: m.start()])
        if (
            not before
            or before.group(1) is not None
            or before.start(2) == 0
            or before.group(2).lower() in _NAME_MAKERS | {"the", "an", "a", "your", "our", "this", "that"}
            or (option.topic and load_catalog().lookup(f"{before.group(2)} {m.group(0)}") == option.topic)
        ):  # ("Kinesis Data Firehose" is Amazon Data Firehose's former name)
            return False
    return True


def _sibling_past_name(option: Option, text: str, others: list[Option]) -> bool:
    """Whether the words right after the option's name, up to a label's end, all belong to a sibling's name and not
    to the option's ("S3 Standard Infrequent Access: ..." for S3 Standard, beside S3 Standard-Infrequent Access): the
    line names the sibling, spelled without its hyphen."""
    low = text.lower().replace("-", " ")
    for name in _option_names(option):
        at = low.find(name.lower().replace("-", " "))
        if len(name) < 2 or at < 0 or (at and low[at - 1].isalnum()):
            continue
        after = re.match(r"\s+([a-z][a-z ]*?)\s*(?:[:(,–—]|\s-\s|$)", low[at + len(name) :])
        if not after:
            continue
        said = word_stems(after.group(1)) - _LEAD_WORDS
        own = word_stems(option.name.lower())
        # (a sibling whose name is the option's and more: S3 Standard-IA of S3 Standard)
        longer = [w for o in others if own <= (w := word_stems(o.name.lower()))]
        if said and not said & own and any(said <= w - own for w in longer):
            return True
    return False


_NAME_SPAN = 40  # the longest a name runs ("Amazon CloudWatch Logs Insights")


def _inside_a_siblings_name(option: Option, text: str, others: list[Option]) -> bool:
    """Whether the option's first mention in a line is the start of a sibling's name that goes on past it ("IAM
    user groups" for an IAM user, beside the IAM group): the line names the sibling."""
    own = option_pattern(option).search(text)
    if not own or own.end() - own.start() > _NAME_SPAN:
        return False  # (a pattern that reads a whole line, "AWS: ... hardware", names no option by itself)
    for other in others:
        for pattern in other.evidence:
            for m in pattern.finditer(text, 0, own.end() + _NAME_SPAN):
                if m.start() == own.start() and own.end() < m.end() <= m.start() + _NAME_SPAN:
                    return True
    return False


def _opens_with_name(option: Option, text: str) -> bool:
    """Whether a line's first words are the option's name or a catalog name of its topic."""
    return any(len(n) >= 4 and re.match(rf"{re.escape(n)}s?(?![\w-])", text, re.I) for n in _option_names(option))


def explained_option(text: str) -> str:
    """A practice question's option with what the explanation says of it ("D) AWS Transit Gateway: This is used to
    connect ..."), as "AWS Transit Gateway: This is used to connect ..."; else "". Its option's letter, a label and
    five words or more: not the bare option ("D) AWS Transit Gateway")."""
    m = re.match(r"^\s*(?:[-*+•]\s+)?\(?[A-Ha-h][.)]\s+([^:]{2,60}):\s+(\S.*)$", text)
    if not m or len(m.group(2).split()) < 5:
        return ""
    return f"{m.group(1).strip()}: {m.group(2).strip()}"


def option_line(text: str) -> bool:
    """Whether a line is a practice question's option (lettered, ticked box or HTML checkbox): never evidence."""
    return bool(_OPTION_LINE.search(text))


def _opens_with(text: str, first: int) -> bool:
    """Whether the option opens the line (after a bullet, "Amazon", "The" or the like)."""
    words = re.findall(r"[A-Za-z0-9']+", text[:first])
    return all(w.lower() in _LEAD_WORDS for w in words) and len(words) <= 3


_SAID_OF: dict[tuple[str, str], frozenset[str]] = {}


def said_of(option: Option, family: Family | None) -> frozenset[str]:
    """The words the app says of an option beyond its name: its fact, the needs it meets and why it fails others."""
    key = (family.id if family else "", option.id)
    if key not in _SAID_OF:
        texts = [option.fact]
        for req in family.requirements if family else ():
            if option.id in req.meets:
                texts.append(req.need)
            texts.append(req.why_not.get(option.id, ""))
        _SAID_OF[key] = word_stems(" ".join(texts)) - word_stems(option.name)
    return _SAID_OF[key]


def _names_what_it_said(text: str, first: int) -> bool:
    """Whether the option is named in a bracket closing a clause, as the name of what the clause said ("Continuous
    backups and restore to a timestamp (Point in Time Restore)", "replicate within a region (SRR) or across regions
    (CRR)")."""
    if not text[:first].rstrip().endswith("("):
        return False
    end = text.find(")", first)
    return end >= 0 and bool(re.match(r"\W*$|\s*(?:[,;.]|or\b|and\b|vs\b)", text[end + 1 :]))


def named_in_aside(text: str, first: int, name_words: set[str]) -> int:
    """Where the bracket opens when the option named at `first` sits in an aside about another subject ("workers
    (running on EC2 or on-premises)"), else -1. An aside that only spells the option ("Block storage (EBS)") or a line
    that opens with the bracket is not one."""
    prefix = text[:first]
    start = prefix.rfind("(")
    if start < 0 or prefix.count("(") <= prefix.count(")") or _opens_with(text, start):
        return -1
    end = text.find(")", first)
    inside = word_stems(text[start + 1 : end if end >= 0 else len(text)]) - name_words
    return start if len(inside) >= 2 else -1


def subject_at(text: str, first: int) -> bool:
    """Whether the option named at `first` is what the line is about, not the object of another subject's verb."""
    if re.match(r"\W*using\b", text, re.I) and not re.search(r"\b(?:to|for|when|so)\b", text[first:], re.I):
        return False  # "using cloudfront without making the objects public": a hands-on step's title
    if _opens_with(text, first):
        return True
    prefix = text[:first]
    if (
        prefix.count("(") > prefix.count(")")
        and "," in prefix[prefix.rfind("(") :] + text[first : first + 60].split(")")[0]
    ):
        return False  # one of a list in brackets ("Core components (VPC, subnets, route tables, IGW) are free")
    sentence = re.split(r"[.;:!?]\s+", prefix)[-1]
    if re.search(r"\b(?:e\.g\.?|such as|for example|including|like)\W*$", prefix, re.I) or re.search(
        r"\b(?:such as|including|features like|like)\b[^.;:]*,", sentence, re.I
    ):
        return False  # named as an example in another subject's list ("storage classes (e.g., S3 Standard, ...")
    clause = re.split(r"[.;:!?]\s+|\s[-–—]\s|,\s", prefix)[-1]  # the clause the option sits in
    clause = clause.rstrip(" \"'“‘(*_`")
    if re.search(r"\b(?:use|using|uses)\s*$", clause, re.I) and not _NEGATES.search(clause):
        return True  # "You can use CloudTrail to ...": what the learner uses it for is about it
    if re.match(r"\W*to \w+", sentence, re.I) and re.search(
        r"\b(?:is|are) (?:done )?(?:through|via|by using|by|with)\s*(?:an? |the )?(?:(?:Amazon|AWS|S3|EC2)\s*)?$",
        clause,
        re.I,
    ):
        return True  # "To let someone download one object, is through a pre-signed URL": the means
    if _WHERE_ANOTHER_RUNS.match(clause):
        return False  # "runs on a ec2 instance but you only have access to the database": where another thing runs
    if _SENT_TO.search(clause) and not _TITLED_TO.search(clause):
        return False  # "Stops sending new requests to the EC2 instance which is de-registering": done to it
    if _HANDS_ON.match(clause):
        return False  # "Raise an alert in EventBridge" under a monitoring service: what that service does with it
    return not (_NEGATES.search(clause) or _SUBJECTLESS.search(clause) or clipped_verb(clause, text[first:]))


# a clause that ends on where something goes ("... requests to the ", "copied into an "): the option is its object
_SENT_TO = re.compile(r"\w\s+(?:to|into|onto|towards?)(?:\s+(?:an?|the))?(?:\s+(?:amazon|aws))?\s*$", re.I)
# a subjectless clause opening with a verb that hands something on, the option after it: "Notify ", "Publish to ",
# "Generate events in " (what is generated is the option's own thing: "Generate pre-signed URLs for each download")
_HANDS_ON = re.compile(
    r"^\W*(?:(?:send|notify|trigger|invoke|call|publish|push|forward|deliver|export|emit|post|raise|stream|write)"
    r"\b(?!\s+(?:is|are|was|were|can|will|by)\b)[^.;:!?]*"
    r"|generates?\b[^.;:!?]*\s(?:in|into|to|through|via)(?:\s+(?:an?|the))?\s*)$",
    re.I,
)
_TITLED_TO = re.compile(r"^\W*(?:intro(?:duction)?|guide|welcome|overview|getting started)\b", re.I)
# a subjectless clause saying where something runs or sits, before the option's name: "runs on a ", "is placed in the "
_WHERE_ANOTHER_RUNS = re.compile(
    r"^\W*(?:[a-z][\w-]*\s+){0,3}?(?:(?:can|will|may|must)\s+(?:be\s+)?)?"
    r"(?:runs?|sits?|lives?|(?:is |are )?(?:hosted|placed|deployed|launched))\s+(?:on|in|inside|behind|into)"
    r"(?:\s+(?:an?|the))?(?:\s+(?:amazon|aws))?\s*$",
    re.I,
)


_FINITE_WORDS = "is are was were has have can cannot will must should may get gets need needs".split()
_FINITE = re.compile(r"\b(?:" + "|".join(_FINITE_WORDS) + r")\b", re.I)
_FINITE_STEMS = word_stems(" ".join(_FINITE_WORDS))  # (not what a line says of its subject: page_subject)


# The two sides of the shared responsibility model, as notes name them ("AWS", "the customer", "you"), and what may
# follow the name in a label ("AWS's", "Customer responsibilities", "AWS side")
_SIDES = r"AWS|Amazon|(?:the )?customers?|you"
_SIDE_AS = r"(?:'s)?(?:\s+(?:responsibilit(?:y|ies)|side|duties))?"
# "Customer: Security IN the Cloud; Managing customer data, OS patching, ...": a side over its list of duties, at the
# start of a line (each item is that side's duty, not a bare name)
_PARTY_LABEL = re.compile(rf"^\W*(?:\w+:\s*)?(?:{_SIDES})(?:{_SIDE_AS}|\s+is responsible for)\s*:", re.I)
# Who a line gives a task to: a side's label over its list ("Customer: ...", "AWS responsibility: ..."), or the task
# said to be done by a side ("OS patching handled by AWS", "AWS is responsible for ...").
_SIDE_MARK = re.compile(
    rf"\b(?P<label>{_SIDES}){_SIDE_AS}\s*:"
    rf"|\b(?:handled|managed|done|performed|taken care of|owned) by (?:the )?(?P<by>{_SIDES})\b"
    rf"|\b(?P<resp>{_SIDES}) (?:is|are) responsible\b",
    re.I,
)
# A title that is a side: "User", "AWS", "Customer Responsibilities: Security IN the Cloud" (not "AWS Lambda")
_SIDE_TITLE = re.compile(rf"^\W*(?P<side>{_SIDES}|users?){_SIDE_AS}(?:\s*[:\-–]\s*security\b.*)?\W*$", re.I)


def side_title(title: str) -> str:
    """The side a title names, "aws" or "customer", else ""."""
    m = _SIDE_TITLE.match(title or "")
    if not m:
        return ""
    return "aws" if m["side"].lower() in ("aws", "amazon") else "customer"


def side_bullet(text: str) -> str:
    """A bullet that only titles the bullets under it as a side of the shared responsibility model ("User:", "AWS"),
    as a title; else "". (A service's name over its bullets is not taken as their heading: the lines under "- Amazon
    S3" would be read as a titled section's, short ones joined up.)"""
    title = plain_text(text).strip(" :*_")
    if not title or len(title.split()) > 6 or re.search(r"[.;!?]|:\s", title):
        return ""
    return title if side_title(title) else ""


def side_given(option: Option, text: str, heading: str = "") -> str:
    """Whose job a line says the option is, "aws" or "customer" ("" when it does not say): the side whose label
    comes last before the option, else the side named after it ("Operating system patch handled by AWS"), else the
    side its title names ("Patching guest OS" under "User:")."""
    marks = [
        (m.start(), "aws" if (m["label"] or m["by"] or m["resp"]).lower() in ("aws", "amazon") else "customer")
        for m in _SIDE_MARK.finditer(text)
    ]
    if not marks:
        return side_title(heading)
    at = min((m.start() for p in option.evidence if (m := p.search(text))), default=None)
    if at is None:
        return marks[0][1] if len({side for _, side in marks}) == 1 else ""
    before = [side for pos, side in marks if pos <= at]
    if before:
        return before[-1]
    return next(side for pos, side in marks if pos > at)


def _services_listed(text: str) -> int:
    """How many services a line names (concepts such as the shared responsibility model or virtualization are not
    services: a list of duties that names them is no list of services)."""
    return sum(1 for slug in load_catalog().mentions(text) if _a_service(slug))


def clipped_verb(clause: str, after: str = "") -> bool:
    """Whether a clause opens with a verb in the notes' clipped style, its subject left out ("Checks for EBS and RDS
    public snapshots" under Trusted Advisor, "Scans ..."): a service named after it is the verb's object. A plural
    noun with a verb of its own later ("Backups of RDS databases are kept ...") is the subject instead."""
    first, _, rest = clause.strip(" *_-•").partition(" ")
    low = first.lower()
    if not rest[:1].islower() or not re.fullmatch(r"[A-Za-z][a-z]{2,}s", first):
        return False  # ("Events (or EventBridge): ..." is a label)
    if low.endswith(("ss", "us", "is", "ics", "ous")) or _FINITE.search(rest + " " + after):
        return False
    return any(english_word(stem) for stem in (low[:-1], low[:-2] if low.endswith("es") else "", low[:-3] + "y"))


_TIERS = ("standard", "advanced", "basic", "free", "pro", "premium", "plus", "developer", "business", "enterprise")


def other_tier(option: Option, text: str) -> bool:
    """Whether a line is about another tier of the option's service ("AWS Shield standard: protects ..." for the
    option Shield Advanced): the service's name followed by a tier word the option's name does not have."""
    own = {w.lower() for w in re.findall(r"[A-Za-z]+", option.name)}
    tiers = own & set(_TIERS)
    if not tiers or not option.topic or option.topic not in load_catalog().topics:
        return False
    topic = load_catalog().topics[option.topic]
    for name in {n for n in (topic.name, topic.short) if n}:
        base = re.sub(r"^(?:amazon|aws)\s+", "", name, flags=re.I)
        m = re.search(rf"\b{re.escape(base)}\s+({'|'.join(_TIERS)})\b", text, re.I)
        if m and m.group(1).lower() not in tiers:
            return True
    return False


def step_done_to(option: Option, text: str, first: int) -> bool:
    """Whether a service is only the object of a step the learner takes ("we must enable AWS config", "configure an
    amazon s3 bucket to enable MFA"): the line says what to do, not what the service is. An option that is itself a
    practice ("Create a strong password policy") is named by such a line, and is not asked here."""
    catalog = load_catalog()
    topic = catalog.topics.get(option.topic) if option.topic else None
    if topic is None or topic.category == "cloud-concepts":
        return False
    clause = re.split(r"[.;:!?]\s+|\s[-–—]\s|,\s", text[:first])[-1]
    verb = (re.findall(r"[a-z]+", clause.lower()) or [""])[0]
    if verb in _GOING_TO:
        return True  # "Access the AWS Cost Explorer within an account": where to find it, said of any service
    if topic.parent:
        return False  # ("Enable versioning to keep every copy" says what a feature does)
    if re.search(r"\b(?:we|i)\b(?:\s+\w+){1,3}\s*$", clause, re.I):
        return True
    if verb in _INSTRUCTION_VERBS and _PURPOSE.match(text[first:]):
        return False  # "Turn on AWS Config so you can look back at ...": the step, then what the service does
    return verb in _INSTRUCTION_VERBS


# what a step is for, right after the service it names: "... so you can assess" (not a lab's "... to route 0.0.0.0/0")
_PURPOSE = re.compile(
    r"(?:[\w-]+\s+){1,4}?(?:so(?: that)?(?: you| we| it)? (?:can|could|will)|in order to)\s+[a-z]{3,}", re.I
)


# a click path inside a line ("In root user, go to Accounts, scroll down and enable IAM access to billing")
_CLICKS = re.compile(
    r"(?:^|[,;:]\s*)(?:and\s+|then\s+)?(?:go to|goto|navigate to|scroll (?:down|up)|click(?: on)?)\b"
    # or where in the console it is set: "... is set in the Account -> Settings menu"
    r"|\b(?:in|under|from)\s+(?:the\s+)?[^.]{0,40}?\s(?:->|>|→)\s[^.]{0,40}?\b(?:menu|page|tab|pane|screen)\b"
    # or that a step "can be done from the Console (EB console, load balancer configuration)"
    r"|(?:^|:\s)\W*(?:it\s+)?(?:can|could|may|must)\s+be\s+(?:done|set(?: up)?|configured|enabled|changed|created)\s+"
    r"(?:from|in|via|through|using)\s+(?:the\s+)?(?:[\w-]+\s+)?console\b",
    re.I,
)

_STEP_ARROW = re.compile(r"\s(?:>|-->|->)\s")  # "EBS snapshot > encrypt > new volume": the steps of a procedure

_UNIT_WORDS = frozenset(
    "s sec secs second seconds ms min mins minute minutes hr hrs hour hours day days week weeks month months year "
    "years yr yrs default max maximum minimum kb mb gb tb pb iops mbps gbps per to up and or of"
    # a service level and the downtime it allows ("99.9% availability (8.76 hours downtime per year)")
    " h m d availability durability uptime downtime yearly monthly annual nines".split()
)


def _figures_only(said: str) -> bool:
    """Whether what a label says is only figures and their units ("604800 secs - 168 hours (default 3600)")."""
    return bool(re.search(r"\d", said)) and all(w.lower() in _UNIT_WORDS for w in re.findall(r"[A-Za-z]+", said))


# what the learner's account of a lab step opens with: what they did or must do next, or what the console shows
# ("We provisioned our EFS into a default security group", "The first tab will say All traffic"); an account that
# says what a service does ("In this demo we learn how EFS is shared by many instances") still may
_NARRATES = re.compile(
    r"\W*(?:[A-Za-z ]{1,40}:\s*)?"
    r"(?:we (?:\w+ed|made|set up|went|did|chose|need to|have to)\b"
    r"|the (?:\w+ )?(?:tab|button|screen|field|checkbox|drop-?down|wizard)\b)"
    # or a line the author labels as a lab's ("Metrics walkthrough: install the agent first")
    r"|\W*[A-Za-z0-9 ]{0,40}\b(?:walk-?through|demo|lab|hands[- ]on|tutorial)\s*[:\-–—]",
    re.I,
)


_NAVIGATES = re.compile(
    r"\W*(?:go to|goto|in (?:the )?(?:services?|search|navigation|left) (?:menu|bar|pane)|in services\b|search for|"
    r"(?:then )?(?:click|select|choose|press|type|enter) (?:on |the |in |a |an )?|navigate to|open the|sign in to|"
    r"log ?in to)",
    re.I,
)


def _integration_items(lines_by_topic: dict[str, list[Line]]) -> frozenset:
    """The first refs of every line that is an item of a list of what its page's service works with (under a label,
    a lead-in paragraph or a section title: "## Main integrations")."""
    return frozenset(
        line.refs[0]
        for lines in lines_by_topic.values()
        for index, line in enumerate(lines)
        if line.refs
        and (
            (line.depth and _integration_item(lines, index))
            or _listed_after_lead_in(lines, index)
            or (label_of(line.text) and INTEGRATIONS_TITLE.match(plain_text(line.heading)))
        )
    )


def _integration_item(lines: list[Line], index: int) -> bool:
    """Whether a line is an item of a list its label says the page's service works with ("Integrated with:",
    "Supports:", "Works with:"), the nearest shallower line above it in its section."""
    line = lines[index]
    for above in reversed(lines[max(0, index - 12) : index]):
        if _section(above) != _section(line):
            return False
        if above.depth < line.depth:
            return bool(WORKS_WITH_LABEL.search(plain_text(above.text)))
    return False


def _listed_after_lead_in(lines: list[Line], index: int) -> bool:
    """Whether a line is an item of an unindented list right under a paragraph that says the page's service works
    with what it lists ("KMS is fully integrated into a lot of AWS offerings:" over "- EBS: to encrypt volumes"):
    the lines between them run on, one note line after another."""
    line = lines[index]
    at = line.refs[0][2] if line.refs else None
    for above in reversed(lines[max(0, index - 12) : index]):
        if at is None or not above.refs or above.refs[0][:2] != line.refs[0][:2] or above.depth != line.depth:
            return False
        if WORKS_WITH_LABEL.search(plain_text(above.text)):
            return 0 < at - above.refs[0][2] <= 2
        if above.refs[0][2] != at - 1:
            return False
        at -= 1
    return False


_SUPPORTED_BY = re.compile(
    r"\W*(?:(?:built-in |native |full )?support(?:s|ed)?(?: for)?|integrat(?:es|ed|ion) with|works with|compatible with"
    r"|uses?|using|via|through)\s+(?:the\s+)?(?:AWS\s+|Amazon\s+)?$",
    re.I,
)  # the opening of a line about what a service supports or uses, the option its object

_TAKES_FROM = re.compile(
    r"\W*(?:[A-Z][a-z]+(?<!s)s\s[^.;:]*\b(?:from|of|by|with)|(?i:based|triggered|driven)\s+(?:on|by))\s+(?:the\s+)?"
    r"(?:AWS\s+|Amazon\s+)?$"
)  # ("Based on CloudWatch alarm." under "Step scaling": what the step scaling policy reads, not what alarms are)

_INSTRUCTION_VERBS = frozenset(
    "configure enable disable turn create attach detach set setup install deploy launch add remove choose select "
    "click open move put".split()
)
_GOING_TO = frozenset("access navigate visit login log sign search go".split())


# "on", which names the platform something runs on ("stored on Outposts hardware"): a fact about the platform.
_OBJECT_PREPOSITION = re.compile(
    r"\b(?:in|into|inside|within|to|from|across|behind|via|through|between|of|for|with|by|per)\W*$", re.I
)


def object_at(text: str, first: int, pattern: re.Pattern) -> bool:
    """Whether the option named at `first` closes its clause after a preposition ("Snapshot storage in Amazon S3"):
    the place or target of something else the line is about. A name that goes on ("stored on Outposts hardware,
    ...") describes the option."""
    named = pattern.match(text, first)
    rest = text[named.end() :] if named else ""
    # "Compatible with EC2, RDS": past the list's earlier items (one or two words each)
    prefix = re.sub(r"(?:(?<=\s)(?:[A-Z0-9][\w.&/-]*(?: [A-Z0-9][\w.&/-]*)?|[a-z0-9]{2,5}),\s*)+$", "", text[:first])
    if prefix != text[:first] and re.search(r"\b(?:with|in|to|from|across|for|of|by)\s*$", prefix, re.I):
        return True  # one of a list after a preposition ("compatible with EC2, RDS, ECS")
    if re.match(r"\s*(?:\([^)]*\))?\s*[A-Za-z0-9]", rest):
        return False
    clause = re.split(r"[.;:!?]\s+|\s[-–—]\s|,\s", text[:first])[-1].rstrip(" \"'“‘(*_`")
    words = re.findall(r"[A-Za-z0-9']+", clause)
    while words and words[-1].lower() in {"the", "a", "an", "amazon", "aws", "your", "our", "its"}:
        words.pop()  # "in the Amazon S3": the preposition before the name's own words
    # "With Amazon S3, ..." or "In S3, ..." opens on the option: it is the line's subject
    return len(words) >= 2 and bool(_OBJECT_PREPOSITION.search(words[-1]))


def own_clause(option: Option, line: Line, family: Family) -> Line | None:
    """The clause of a line that is about this option alone ("you pay for data transferred out of S3" of "Data
    transfer into S3 is free, but you pay for data transferred out of S3"), or None."""
    clauses = re.split(r",\s*(?:but|while|whereas)\s+|;\s+|(?<=[a-z])\.\s+|(?<=\))\s+or\s+", plain_text(line.text))
    others = [o for o in family.options.values() if o.id != option.id]
    for clause in clauses:
        clause = re.sub(r"^[^:]{1,30}:\s+", "", clause).strip().rstrip(".")  # "Data Transfer: ..." label off
        if len(clause.split()) >= 4 and option.matches(clause) and not any(o.matches(clause) for o in others):
            return Line(text=clause[:1].upper() + clause[1:] + ".", refs=line.refs, topic=line.topic)
    return None


_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_URL = re.compile(r"<?\bhttps?://\S+")
_POINTS = re.compile(r"\b(?:here|check|see|click|refer|visit|via|read more|learn more|more info|details)\b", re.I)


def link_line(text: str) -> bool:
    """A link or an image ("[Standard and convertible RI](dd6.png)", "For the differences, check [here](...)", "How
    AWS Config works: via - https://..."): a pointer to something else, no statement to back an explanation with,
    whatever its words. A sentence that only links a name ("[Amazon Redshift](...) is a data warehouse ...") or
    cites its page after it says something."""
    if not _LINK.search(text) and not _URL.search(text):
        return False
    outside = _URL.sub(" ", _LINK.sub(" ", text))
    return len(re.findall(r"[A-Za-z]{2,}", outside)) < 4 or bool(
        _POINTS.search(_URL.sub(" ", _LINK.sub(r" \1 ", text)))
    )


def heading_like(text: str) -> bool:
    """A title that names something without saying anything of it ("Standard & Infrequent Access (IA) Table
    Class"): every word of four letters or more is capitalised. A name with what it is after a colon ("On Demand:
    Pay as you go") is judged by what it says, not by its name."""
    if (label := _LABEL.match(text)) and re.search(r"[A-Za-z]", text[label.end() :]):
        text = text[label.end() :]
    long = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if len(w) > 3]
    return bool(long) and all(w[0].isupper() for w in long)


def adjacent(line: Line, following: Line, within: int = 3) -> bool:
    """Whether a line comes straight after another in the same notes file (a blank line or two apart; `within=1`:
    the very next line): the lines of a family are gathered from several sections, and the next one in that list may
    be about something else."""
    if not line.refs or not following.refs:
        return True
    first = following.refs[0]
    # (any of the line's places: a title the notes wrote twice, merged into one line, sits before either list)
    return any(ref[1] == first[1] and 0 < int(first[2]) - int(ref[2]) <= within for ref in line.refs)


# "A physical server with ", "The storage of ": a subject of its own, then a preposition the option's name follows
_ANOTHER_SUBJECTS_PHRASE = re.compile(
    r"^\W*(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s+(?:with|of|for|on|in|from|inside|behind)\s+(?:an?\s+|the\s+)?$",
    re.I,
)
_CONDITION_OPENING = re.compile(r"\W*(?:if|when|unless)\s+(?:you(?:'re| are)?\s+)?using\b", re.I)
_DEFAULT_OPENING = re.compile(r"\W*by default\b", re.I)


def _measured(option: Option, text: str) -> bool:
    """Whether a line opens with the option's name and a figure in brackets ("Availability (99.99%)"): a measure of
    something, not what the option is."""
    return bool(
        re.match(rf"\W*{re.escape(option.name)}\s*\(\s*(?:~|about\s+)?\d[\d.,]*\s*(?:%|nines?\b|9s\b)", text, re.I)
    )


def _right_after(line: Line, following: Line) -> bool:
    """Whether a line is the very next line of the file after another, with no blank line between."""
    return bool(line.refs and following.refs) and adjacent(line, following, within=1)


# a figure and what it measures ("11 9's of durability", "99.99% availability", "5 TB max object size")
_FIGURE_OF = re.compile(
    r"(?!\d+[.)]\s)\d[\d.,]*\s*(?:%|9['’]?s\b|nines\b|[KMGT]i?B\b|ms\b|msgs?/s\b|TPS\b|IOPS\b"
    r"|(?:seconds?|minutes?|hours?|days?|years?)\b"
    r"|(?=\s+(?:of\s+)?(?:durability|availability|uptime|latency|throughput|retention|max(?:imum)?|min(?:imum)?)\b))",
    re.I,
)  # (not any number and a word: "3 ways to connect to a VPC", "2 types: standard and FIFO")


_NAME_LIST = re.compile(
    r"(?:[A-Za-z]{0,3}\d[\w.-]*|[A-Z][a-z]{0,3})(?:\s*[,/]\s*(?:[A-Za-z]{0,3}\d[\w.-]*|[A-Z][a-z]{0,3}))+\.?"
)


def _described(line: Line, lines: list[Line], index: int, family: Family | None, name_words: set[str]) -> Line:
    """The line at `index` with the description under it, when it only names the option (see with_its_description)."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    beyond = lines[index + 2] if index + 2 < len(lines) else None
    previous = lines[index - 1] if index > 0 else None
    if (
        following is not None
        and following.depth <= line.depth
        and previous is not None
        and previous.depth == line.depth
        and adjacent(previous, line)
        and _bare_name(plain_text(previous.text))
        and (
            _names_alike(plain_text(previous.text), plain_text(line.text))  # not a task ("Work with bills")
            or (_right_after(previous, line) and not _right_after(line, following))
            or (following.depth == line.depth and not _says(plain_text(following.text)))
        )
    ):
        # "Standard Reserved Instances", "Convertible Reserved Instances", then "Don't get interrupted ...": an item
        # of a list of names; the line after the list is not what this one is (nor, past a blank line, the paragraph
        # after "- Accelerated computing", "- Storage optimized")
        return line
    if (
        following is not None
        and previous is not None
        and following.depth == line.depth
        and previous.depth <= line.depth
        and adjacent(previous, line)
        and plain_text(previous.text).rstrip(" *_").endswith(":")
        and _bare_name(plain_text(line.text))
    ):
        # "Route53 provides 2 main services:" over "Domain registration", "Hosting zone files on managed nameservers":
        # the items of a list the line before introduces; the next item is another of them, not what this one is
        return line
    if (
        following is not None
        and following.depth > line.depth
        and len(plain_text(following.text).split()) < (8 if _bare_name(plain_text(line.text)) else 4)
    ):
        # bullets under a title, each a few words ("- SQL, SAP", "- in memory caching", "- ideal for ...
        # databases"): read together, up to three, as what the title is (under a bare name, a short clause each:
        # "Network Load Balancer" over "All about transport (layer 4)", "Best performance load balancer")
        children = bullets_under(lines, index)
        if len(children) >= 2 and not _NAME_LIST.fullmatch(plain_text(children[0].text)):
            said = "; ".join(plain_text(c.text).rstrip(" .;") for c in children)
            refs = tuple(r for c in children for r in c.refs)
            following = Line(text=said, refs=refs, topic=line.topic, heading=line.heading, depth=following.depth)
            beyond = None
    return with_its_description(line, following, family, name_words, beyond)


def _says(text: str) -> bool:
    """Whether a line says something (a verb, a colon or a dash after a label), not only names a thing ("Route 53
    record in the same hosted zone", the next item of a list of alias targets)."""
    return bool(_TELLS.search(text) or _STATEMENT.search(text) or re.search(r"\b\w{3,}(?:s|ed)\s+(?:a|an|the)\b", text))


def _told_under(option: Option, family: Family | None, lines: list[Line], index: int) -> list[Line]:
    """The bullets right under a line (up to six) that say some of what the option's explanation says, up to two."""
    telling = said_of(option, family) - _ANY_TOPIC_WORDS
    return [b for b in bullets_under(lines, index, limit=6) if word_stems(plain_text(b.text)) & telling][:2]


def bullets_under(lines: list[Line], index: int, limit: int = 3) -> list[Line]:
    """The bullets right under the line at `index` (deeper, on its page, each straight after the one before), up to
    `limit`: what a bare title over them says."""
    line, children = lines[index], []
    for child in lines[index + 1 : index + 1 + limit]:
        if child.depth <= line.depth or child.topic != line.topic or (children and not adjacent(children[-1], child)):
            break
        children.append(child)
    return children


def _names_alike(previous: str, text: str) -> bool:
    """Whether two bare lines read as names of one list: the first in title case ("Standard Reserved Instances"), or
    both ending on the same word ("Application load balancer", "Network load balancer")."""
    last = [re.findall(r"[a-z0-9]+", re.sub(r"\([^()]*\)", "", t.lower()))[-1:] for t in (previous, text)]
    return heading_like(previous) or (bool(last[0]) and last[0] == last[1])


def _bare_name(text: str) -> bool:
    """A few capitalised words and nothing said: an item of a list of names ("Standard Reserved Instances")."""
    words = text.strip(" .").split()
    return (
        1 <= len(words) <= 5
        and text[:1].isupper()
        and not _TELLS.search(text)
        and not re.search(r"[:;,.!?]\S|[:;]$", text)
    )


_STATEMENT = re.compile(r"\b(?:is|are|was|were|has|have)\b", re.I)  # "EFS IS GL": a statement, not a name


def with_its_description(
    line: Line, following: Line | None, family: Family | None, name_words: set[str], beyond: Line | None = None
) -> Line:
    """A line that only names an option ("SSE-S3 (S3-managed keys):", "5. S3 glacier instant retrieval") is
    quoted with the line under it, which says what it is, when that line names no other option."""
    text = plain_text(line.text)
    if following is None or following.topic != line.topic or len(text.split()) > 8 or not adjacent(line, following):
        return line
    if following.depth < line.depth:
        return line  # the list goes back out a level ("- Bucket Policies" under "... using:", then "S3 Buckets can
        # be configured to create access logs"): what follows is no longer about the item
    # the name without an aside in brackets ("Geoproximity (using Route 53 Traffic Flow feature)")
    named = re.sub(r"\s*\([^()]*\)", "", text).strip() or text
    titles = following.depth > line.depth and len(named.split()) <= 5 and not _TELLS.search(named)
    if titles and word_stems(" ".join(_KINDS_WORD.findall(named))) - name_words:
        return line  # "EC2 types and why" over "General purpose - M and T series": its first item is one kind's
    if following.depth <= line.depth and not text.endswith(":") and _STATEMENT.search(named):
        return line  # "EFS IS GL", then "You will pay a fee each time you read ... Infrequent Access": a statement
        # of its own, however short, and the next bullet is the next statement, not what the option is
    if word_stems(text) - name_words and not text.endswith(":") and not titles:
        return line  # the line says something of its own; a short title with bullets under it ("3. Rapid
        # elasticity and scalability") is quoted with the first of them
    after = plain_text(following.text)
    if after.startswith(": ") and following.depth >= line.depth:
        after = after[2:]  # a definition list's description under its term ("__Instance Store__" / ": temporary ...")
    if (lead := _LEAD_BARE_LABEL.match(after)) and len(after) > lead.end():
        after = after[lead.end() :]  # "Description: Connects cloud-based resources ...": what it says
    if _TAGS_ONLY.fullmatch(after) or _COMMAND.search(after):
        return line  # "# Amazon Athena" over its tag line "#aws #athena #sql": the tags say nothing of it
    if (
        beyond is not None
        and adjacent(following, beyond)
        and (_NAME_LIST.fullmatch(after) or _BARE_LABEL.fullmatch(after))
    ):
        following, after = beyond, plain_text(beyond.text)  # past "A1, T2, T3, M5" or "Description:": what it is
    if (
        len(after.split()) < (3 if following.depth > line.depth else 4)  # (a clause under it may be short: "- CUR
        # (Cost and Usage Report)" over "- granular billing data")
        or (  # a bare name over the next bare title of its list ("Hybrid Deployment", "Benefits of cloud computing")
            not text.endswith(":")
            and following.depth <= line.depth
            and after[:1].isupper()
            and not _A_TASK.match(after)  # ("Migrate databases to AWS" says what the name above it does)
            and len(after.split()) <= 5
            and not _TELLS.search(after)
            and after[-1:].isalnum()
        )
        or (not after[:1].isalpha() and not (following.depth > line.depth and _FIGURE_OF.match(after)))
        # ("S3" over "11 9's of durability": a figure and what it measures, under a bare name, says what it is)
        or re.match(r"[a-z]+\d", after)
        # a lower-case item of a list of properties ("high availability", then "can be attached to any running
        # instance" under "EBS Volumes"): the next item is another property, not what this one is
        or (text[:1].islower() and not text.endswith(":") and following.depth <= line.depth)
        # the next item of a list of names that open alike ("Server-side encryption with customer managed keys
        # (SSE-C)", then "Server-side encryption with S3 managed keys (SSE-S3). Enabled by default."): another
        # item, whatever it says of itself
        or (following.depth == line.depth and _parallel_items(text, after))
        # the next item of the same list, with a label of its own ("Multi-tenancy and resource pooling: ..." after
        # "Broad network access"): another entry, not what the name above it is
        or (
            not text.endswith(":")
            and not _BOLD_TITLE.fullmatch(line.text)  # "**FIFO Queues**" is a title over what it is
            and following.depth <= line.depth
            and bool(_LABEL.match(after))
        )
        or (
            family
            and any(
                _opens_about(o, _SENTENCE_END.split(after, maxsplit=1)[0], under=following.depth > line.depth)
                for o in family.options.values()
                if not word_stems(o.name) <= name_words
            )
        )
    ):
        return line  # no description under it ("r5.large: 2 vCPUs"), or one about another option (one that names
        # this option again, "... achieve higher economies of scale", is still about it); a sibling named only after
        # the first sentence ("Ability to handle more load by adding resources. Scale out (horizontal scaling) ...")
        # is how the option is done, not what the line is about
    text = text.rstrip(" ,;-–—.")  # "ECS Cluster,", "Scale manually."
    if after.lower().startswith(text.rstrip(" :").lower()):
        joined = after  # "AWS CloudTrail:" over "AWS CloudTrail records ...": the line under it names it already
    else:
        joined = f"{text} {after}" if text.endswith(":") else f"{text}: {after}"
    refs = line.refs + tuple(r for r in following.refs if r not in line.refs)
    return Line(text=joined, refs=refs, topic=line.topic, heading=line.heading, labelled=True)


def _parallel_items(text: str, after: str) -> bool:
    """Whether two lines open with the same two words and then name different things: items of one list."""
    one, other = re.findall(r"[\w-]+", text.lower()), re.findall(r"[\w-]+", after.lower())
    return len(one) > 2 and len(other) > 2 and one[:2] == other[:2] and one[: len(one)] != other[: len(one)]


_BOLD_TITLE = re.compile(r"\s*(?:[-*+•]\s+)?(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*")

_SLASHED = re.compile(r"[\w-]+(?: [\w-]+)?(?:\s?/\s?[\w-]+(?: [\w-]+)?)+")


def _slashed_with_siblings(option: Option, text: str, others: list[Option]) -> bool:
    """Whether a line names the option in one slash-joined group with a sibling ("Glacier Instant/Flexible/Deep
    Archive"): what it says is said of the group, not of the option alone. A duty is the exception: whoever does
    "Hardware / Global Infrastructure" does each of them."""
    if "/" not in text or not others or _A_TASK.match(option.name):
        return False
    own = word_stems(option.name) - {w for o in others for w in word_stems(o.name)}
    if not own:
        return False
    for group in _SLASHED.finditer(text):
        said = word_stems(group.group(0))
        if own & said and any((word_stems(o.name) - word_stems(option.name)) & said for o in others):
            return True
    return False


def _sibling_variant(option: Option, text: str, others: list[Option]) -> bool:
    """Whether a line is about another variant of the option's service: it says what sets a sibling of the same
    topic apart ("Windows" of FSx for Windows File Server) and nothing that sets this option apart ("Lustre")."""
    own = _variant_words(option)
    if not own:
        return False
    said = word_stems(text)
    if own & said:
        return False
    return any((theirs := _variant_words(o)) and theirs & said for o in others if o.topic == option.topic)


@functools.lru_cache(maxsize=1024)  # read for every candidate line of every option
def _variant_words(option: Option) -> frozenset[str]:
    """The words of an option's name beyond its topic's names ("lustre" of Amazon FSx for Lustre)."""
    topic = load_catalog().topics.get(option.topic) if option.topic else None
    if topic is None:
        return frozenset()
    common = {w for n in topic.names for w in word_stems(n)} | {"amazon", "aw", "aws", "for"}
    return frozenset(word_stems(option.name) - common)


def _only_another_name(option: Option, text: str) -> bool:
    """Whether a description is nothing but the name of a topic other than the option's ("SES (Simple Email
    service)")."""
    catalog = load_catalog()
    bare = _without_aside(text).strip(" .;*_`")
    slug = catalog.lookup(bare) or catalog.lookup(text.strip(" .;*_`"))
    if slug is None or slug == option.topic or not catalog.topics[slug].name.startswith(("Amazon ", "AWS ")):
        return False  # ("RDS: Managed relational database service", "Neptune: Graph database": what it is, in a
        # concept's words)
    return not (option.topic and (catalog.is_ancestor(slug, option.topic) or catalog.is_ancestor(option.topic, slug)))


def _opens_about(option: Option, text: str, *, under: bool) -> bool:
    """Whether a line is about another option: it names it (a bullet under a title, "A category (group) of IAM
    users" under "IAM Groups", only when it opens with it)."""
    found = [m.start() for p in option.evidence if (m := p.search(text))]
    return bool(found) and (not under or min(found) < _OPENS_WITHIN)


# characters: "A category of IAM users" names users as what groups hold; "IAM users are ..." opens with them
_OPENS_WITHIN = 15


garbled_line = functools.lru_cache(maxsize=65536)(garbled)


_ASSIGNS_SIDE = re.compile(
    r"\b(?:handled|managed|done|performed|taken care of) by (?:AWS|Amazon|the customer|you)\b"
    r"|\b(?:AWS|customers?|you) (?:is|are) responsible\b|\bresponsibility of\b",
    re.I,
)


def defines(option: Option, text: str) -> bool:
    """Whether a line opens with the option and says what it is ("AWS Regions are ...", "Edge locations: ...")."""
    text = re.sub(r"^\W*(?:\d+\.\s*)?", "", text)
    if any(p.match(text) for p in option.evidence) and re.match(r"[^.:;]{0,40}?(?:\s(?:is|are)\s|:\s)", text):
        return True
    # or a label that names it, then what it is ("Use Least Privilege Principle: Define and grant only ...")
    label = re.match(r"([^.:;]{3,40}):\s", text)
    return bool(label) and names_option(option, label.group(1))


_VERDICT = re.compile(
    r"\b(?:is|are|was|were)\s+(?:all\s+|also\s+|both\s+)?(?:incorrect|correct|wrong|the (?:right|correct) answer)\b"
    r"|\b(?:correct|right|wrong|incorrect)\s+(?:answer|option|choice)s?\b"
    r"|^\W*(?:answers?|ans|solution)\s*[:=]"  # "Answer: Multi-factor authentication.": a key, no fact
    # "Incorrect regarding IAM users: IAM users can ...": a question's label asking for the false statement
    r"|^\W*(?:which (?:is|statement is) )?(?:in ?correct|false|wrong|not true|untrue)\b[^:]{0,60}:",
    re.I,
)


_ASKS = re.compile(
    r"\?\s*(?:\((?:select|choose) \w+(?: answers?| options?)?\.?\))?\s*$"
    r"|\((?:select|choose) (?:two|three|one|the best answer|all that apply)\.?\)"
    r"|\b(?:which|what) (?:of the following|statement|service|option)\b.*\?"
    r"|_{3,}"  # a quiz's blank ("In S3 the durability of my files is ________.")
    r"|\b(?:choose|select|pick) the (?:best|correct|right|most \w+) (?:option|answer|solution)s?\b"
    r"|(?:^|:\s*)\W*(?:\d+[.)]\s*)?you work (?:for|at|as)\b",  # a scenario's stem ("You work for a company ...")
    re.I,
)


_FIRST_PERSON = re.compile(
    r"(?i:\bmy (?:answer|choice|pick|guess|mistake)s?\b|\bdo my\b)"
    r"|\bI (?:chose|picked|answered|selected|guessed|thought|think|got|missed|forgot)\b"
    # the author's account of their own learning: "In module 3 I explored how block and object storage differ"
    r"|\bI (?:deepened|explored|learned|learnt|discovered|reali[sz]ed|gained|studied|practi[cs]ed)\b"
    r"|(?i:\bhelped me\b|\bmy understanding\b)"
)


def _names_a_longer_topic(option: Option, text: str) -> bool:
    """Whether the line opens with another catalog topic whose name holds the option's ("Amazon EC2 Auto Scaling"
    for Amazon EC2): the catalog reads the longest name, and the line is about that one."""
    if not option.topic or not _topic_spellings(option):
        return False  # only an option that is its catalog topic ("Amazon EC2"), not one within it ("S3 on Outposts")
    catalog = load_catalog()
    mentioned = catalog.mentions(text[:OPENING])
    if not mentioned or option.topic in mentioned:
        return False
    own = {_compact(_unmade(n)) for n in catalog.topics[option.topic].names if len(_compact(_unmade(n))) >= 3}
    first = catalog.topics[mentioned[0]]
    return any(o in _compact(n) for n in first.names for o in own)


# the run of capitalised words a line opens with ("The CloudTrail Processing Library is ...", "Amazon AppFlow is ...")
_LEADING_NAME = re.compile(
    r"\W*(?:The\s+)?((?:[A-Z][\w.-]*|\d[\w.-]*)(?:\s+(?:(?:for|of|on)\s+)?(?:[A-Z][\w.-]*|\d[\w.-]*))*)"
)  # ("Amazon FSx for Windows File Server" whole)


def opens_with_another_name(option: Option, text: str) -> bool:
    """Whether a line opens with the proper name of something other than the option: another product ("Amazon
    AppFlow is ...", known to the catalog or not), or a longer name the option's is the start of ("The CloudTrail
    Processing Library is a Java library ..."). The line is about that one."""
    lead = _LEADING_NAME.match(text)
    words = lead[1].split() if lead else []
    if len(words) < 2 or not (_names_its_topic(option, plural=True) or _variant_of(option)):
        return False  # (a pricing basis or a task is said of the service a line opens with: "Amazon EFS charges ...")
    run = " ".join(words)
    topic = load_catalog().topics[option.topic]
    size = len(_unmade(run).split())
    own = [_unmade(n) for n in (option.name, topic.name, topic.short, topic.full_name) if n]
    said = _compact(_unmade(run))
    if any(size <= len(n.split()) and (said.startswith(_compact(n)) or _compact(n).startswith(said)) for n in own if n):
        return False  # the option's own name in as many words, or its start ("AWS RedShift", "AWS Configuration")
    if not (option_pattern(option).search(run) or names_option(option, run, opening=len(run))):
        return words[0] in ("Amazon", "AWS")  # (not "Create IAM users ...", "Block Storage - EBS")
    if (named := option_pattern(option).search(run)) and named.end() == len(run):
        return False  # the run ends with the option's name as its pattern reads it
    loose = {w.removesuffix("e") for w in word_stems(option.name) | _topic_name_words(option) | _FILLER_WORDS}
    last = {w.removesuffix("e") for w in word_stems(words[-1])}  # "Amazon EC2 Spot Instances" ends with its name;
    return bool(last) and not last <= loose  # "MFA Delete" and "CloudTrail Processing Library" go on


_SIMPLIFIED = re.compile(r"\b(?:one \w+(?: \w+)? at a time|only one)\b", re.I)


_DENIES = re.compile(r"\W*(it|this|that) (is|does) not\b", re.I)


# words in options' names that say nothing of which option it is ("Amazon", "S3", "Instances")
_NAME_MAKERS = _MAKER_WORDS | {"instance", "service", "feature", "option"}


def option_words(option: Option) -> frozenset[str]:
    """The stems of the words an option's name is made of, and of its short name in brackets ("Time to Live (TTL)":
    time, live, ttl), without the maker's and the service's name."""
    return word_stems(option.name.lower()) - _NAME_MAKERS


def _words_of_its_whole(option: Option, lines: FamilyLines) -> frozenset[str]:
    """The words of the whole an option is described as only a kind of ("Amazon CloudWatch" of "Amazon CloudWatch
    alarms"), which say nothing of the kind; none for an option described as itself."""
    whole = lines.parent_only.get(option.id, "")
    if not whole and option.id in lines.from_parent and option.topic in load_catalog().topics:
        whole = load_catalog().topics[option.topic].name
    return word_stems(whole.lower())


def supports_its_explanation(option: Option, line: Line) -> bool:
    """Whether a line says some of what an option's explanation says beyond its name ("Elastic IP: stays the same
    when you stop and start an instance"), where one that names it says nothing of it ("EC2 Instance Savings Plans
    apply to EC2 usage"); a duty ("Replacing faulty hardware") is said in its own words."""
    if not option.topic and _A_TASK.match(option.name):
        return True
    if _own_entry_says(option, line):
        return True

    return bool(_support_words(plain_text(line.text), option.kind) & _explained_words(option))


def backs_the_key(option: Option, line: Line) -> bool:
    """Whether a line can be quoted for a right answer: past the option's name it says some of what the explanation
    says, the name's own words included ("Weighted Routing policies split your traffic by weights"). A line that only
    names the answer ("You need at least 2 public subnets to deploy an application load balancer" for routing by URL
    path) gives the learner no reason it is right, and blind graders failed each such key. An answer that is no
    service's name ("The amount of data each query scans") may be said in its own words ("per TB of data scanned").

    This decides only whether a question is asked, not which line is quoted: the forms of a word the stemmer keeps
    apart ("order", "ordering") are one word here."""
    if not option.topic and _A_TASK.match(option.name):
        return True  # (as supports_its_explanation)
    if _own_entry_says(option, line) and not _on_an_unrelated_services_page(option, line):
        return True  # the author's own entry for it; on another service's page the label names how that service uses
        # it ("AWS CLI: put-item replaces an item" in DynamoDB notes), which says nothing of why it is right
    text = plain_text(line.text)
    if _described_by_its_name(option) and any(len(m[0].split()) >= 3 for p in option.evidence if (m := p.search(text))):
        return True  # the line says the option's own words ("Pay per request and compute time"): a claim, not a name
    topic = load_catalog().topics.get(option.topic) if option.topic else None
    names = _word_heads(
        " ".join([option.name, *((topic.name, topic.short or "", topic.full_name or "") if topic else ())])
    )
    said = (_word_heads(option.fact) | names) - _MAKER_HEADS
    rest, named = set(), set()
    for word in re.findall(r"[A-Za-z][A-Za-z0-9]+", _kind_name(option.kind).sub(" ", text)):
        head = _word_heads(word)
        if head and head <= names and not head <= named:
            named |= head  # the name itself, once ("Weighted routing ... by weights" says "weights" past it)
        else:
            rest |= head
    return bool(rest & said)


def labelled_for_another(option: Option, line: Line) -> bool:
    """Whether a line is the notes' entry for another service than the option's: its label names a catalog topic
    that is not the option's and does not name the option ("DynamoDB: can be single-digit milliseconds" for DAX,
    "Cognito: default roles for guest users" for an IAM role). An option that is no service of its own (a setting,
    a practice) is said of a service by such a label ("RDS: Multi-AZ for disaster recovery"), so it never is."""
    if not option.topic:
        return False
    label = label_of(line.text)
    if not label or names_option(option, label, opening=len(label)):
        return False
    other = load_catalog().lookup(label)
    # (not its label joined with its heading: "DynamoDB" under "DynamoDB Accelerator (DAX)" reads as DAX that way)
    return bool(other) and other != option.topic and not labelled_as(option, line.text)


def says_of_another(option: Option, text: str) -> bool:
    """Whether, past its label, a line opens with another catalog service's name as its subject ("S3: Firehose
    retries deliveries for up to 24 hours" under S3 is Firehose's line): what it says is said of that one."""
    label = label_of(text)
    if not option.topic or not label:
        return False
    rest = text[text.find(label) + len(label) :].lstrip(" )*_`:-–—=>→⇒")
    lead = re.match(r"(?:the\s+)?((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*){0,3})\s+[a-z]", rest)
    if not lead:
        return False
    catalog = load_catalog()
    heads = lead[1].split()
    for size in range(len(heads), 0, -1):
        if slug := catalog.lookup(" ".join(heads[:size])):
            return (
                slug != option.topic
                # a product (not "Serverless compute service", "NoSQL key-value", "Object storage": what it is)
                and catalog.topics[slug].name.startswith(("Amazon ", "AWS "))
                and not catalog.is_ancestor(slug, option.topic)
                and not catalog.is_ancestor(option.topic, slug)
                and not names_option(option, " ".join(heads[:size]))
                and slug not in catalog.find(option.fact)  # ("SSE-KMS: S3 performs the encryption with KMS")
            )
    return False


def _on_an_unrelated_services_page(option: Option, line: Line) -> bool:
    """Whether a line sits on the page of a service other than the option's, neither a part of it nor its whole."""
    catalog = load_catalog()
    if not option.topic or not line.topic or line.topic == option.topic or not _a_service(line.topic):
        return False
    return not (catalog.is_ancestor(line.topic, option.topic) or catalog.is_ancestor(option.topic, line.topic))


def _described_by_its_name(option: Option) -> bool:
    """Whether an option's name says what it is in plain words ("The amount of data each query scans", "Automated
    backups with point-in-time restore"), not a proper name ("Application Load Balancer", "AWS CloudTrail")."""
    name = re.sub(r"\([^)]*\)", " ", option.name)
    return len([w for w in re.findall(r"[A-Za-z][\w-]*", name) if w[0].islower() and len(w) >= 3]) >= 2


def _word_heads(text: str) -> frozenset[str]:
    """The first five letters of each telling word: one head for the forms of a word the stemmer keeps apart
    ("order" and "ordering", "template" and "templates", "region" and "regional", "managed")."""
    return frozenset(
        w[:5]
        for w in re.findall(r"[a-z][a-z0-9]+", text.lower())
        if len(w) >= 3 and w not in _HEADLESS and not word_stems(w) & _TELLS_NOTHING
    )


_MAKER_HEADS = frozenset({"amazo", "aws", "ec2", "insta", "servi", "featu", "optio"})  # whose it is, not what
_HEADLESS = frozenset(
    "the and for with that this from into are its was not you your can use used uses using also which what than "
    "these those each per via one two three lets allows allow provides provide".split()
)


@functools.lru_cache(maxsize=4096)  # (every line of every family is weighed against the same explanations)
def _explained_words(option: Option) -> frozenset[str]:
    """What the option's explanation says beyond its name and the names of the options it is compared with, as
    _support_words reads it."""
    return _support_words(_without_siblings(option), option.kind) - word_stems(option.name) - _TELLS_NOTHING


@functools.lru_cache(maxsize=4096)
def _without_siblings(option: Option) -> str:
    """An option's explanation without the names of the options it is compared with ("up to 90% off On-Demand
    prices", "a lower price than S3 Standard", "between No Upfront and All Upfront"): a note line that shares only
    such a word with it ("Run a mix of Spot and On-Demand Instances") is about the comparison, not the option. Blind
    graders failed each question that quoted such a line. A sibling named as a part of the option ("an IAM user with
    a console password, access keys or both") is no comparison and stays."""
    fact = option.fact
    for family in load_families().values():
        if family.options.get(option.id) != option:
            continue
        for other in family.options.values():
            if other != option and not _described_by_its_name(other):
                names = _name_forms(other)
                fact = re.sub(rf"({_COMPARING})({names})", r"\1 ", fact, flags=re.I)
                fact = re.sub(rf"(\bbetween\s+\S[^,;.]*?\s+and\s+(?:the\s+)?)({names})", r"\1 ", fact, flags=re.I)
    return fact


_COMPARING = (
    r"\b(?:than|off|vs\.?|versus|unlike|between|compared (?:to|with)|instead of|rather than)\s+(?:the\s+|an?\s+)?"
)


@functools.lru_cache(maxsize=4096)
def _name_forms(option: Option) -> str:
    """An option's name as an explanation writes it, as a regular expression: whole, without its maker, without a
    closing "Instances" ("On-Demand" for "On-Demand Instances"), or by the short name in its brackets ("CRR"); never
    inside a longer name ("S3 Standard" in "S3 Standard-IA")."""
    name = _unmade(_without_aside(option.name)).strip()
    forms = {option.name, _without_aside(option.name).strip(), name, re.sub(r"\s+Instances?$", "", name)}
    forms |= set(re.findall(r"\(([A-Z][\w-]{1,11})\)", option.name))
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in sorted(forms, key=len, reverse=True) if f)
    return rf"(?:{alternatives})s?(?![\w-])"


# Words any sentence may hold, which say nothing of what a thing is: a line sharing only "can", "one" or "they" with an
# explanation ("Only one of them can ...") does not support it ("they" and "every" stem to "the" and "ever").
_TELLS_NOTHING = word_stems(
    "can such one them they their you your every over when but only does example means through also more most other "
    "then there will may must should could would has have had was were been if all any some out about like just even "
    "very much many how who where why our while after before within without between both either same via get "
    "gets make makes made run runs running"
)


def _support_words(text: str, kind: str) -> frozenset[str]:
    """A text's word stems without the name of the option's kind, which says nothing of it ("Standard-IA is a storage
    class built for ..."), and with an Availability Zone read as one word, no availability figure."""
    text = _FAILS_OVER.sub("failover", _kind_name(kind).sub(" ", text))
    return word_stems(_ZONES.sub(" zoneaz ", text))


_NAVIGATION = re.compile(
    r"»|\bleft (?:pane|menu|sidebar)\b|\b(?:log ?in|sign[ -]?in) (?:page|url|screen|link)s?\b|\bclick\b"
    r"|\bnavigate to\b|\bconsole\b[^.]{0,40}\b(?:offers|menu|pane|tab|urls?)\b|\bat the following urls?\b",
    re.I,
)
_ZONES = re.compile(r"\bavailability[- ]zones?\b", re.I)
# a title put as what to do ("What to do when an EC2 instance gets compromised"), with nothing said after it
_TITLE_QUESTION = re.compile(
    r"^\W*(?:what to do|how to|how do (?:i|you|we)|steps? to|ways? to)\b[^.:;!?]*\??[\s*_]*$", re.I
)
# a step to take in a case ("If an EC2 instance is noncompliant, invoke an Automation document to ..."): what to do,
# not what the thing named is
_IF_THEN_STEP = re.compile(
    r"^\W*(?:if|when|whenever|once|in case)\b[^,;:]{3,100},\s*(?:then\s+)?(?:"
    + "|".join(sorted(IMPERATIVE))
    + r")\b(?!\s+(?:is|are|was|can|will)\b)",
    re.I,
)


def _a_step_in_a_case(option: Option, text: str) -> bool:
    """Whether a line says what to do when the option is in some state ("If an EC2 instance is noncompliant, invoke
    an Automation document to terminate it"): a remedy, not what it is. Advice that picks the option in its step ("If
    you need a fixed address, use an Elastic IP") is no such line."""
    if not (step := _IF_THEN_STEP.match(text)):
        return False
    case = text[: text.find(",", 0, step.end())]
    return bool(option_pattern(option).search(case) or names_option(option, case, opening=len(case)))


_NOT_THE_SAME = re.compile(r"!=|≠|=/=|\bis not the same (?:thing )?as\b|\bnot to be confused with\b", re.I)
# a label or an opening saying what is hard about a thing ("Drawbacks:", "Cons -", "not easy to scale")
_DRAWBACK = re.compile(
    r"(?:^|[:;]\s*)(?:(?:main|key)\s+)?(?:drawbacks?|cons|disadvantages?|downsides?|limitations?|caveats?|pitfalls?)\s*[:\-–—]"
    r"|(?:^|:\s*)(?:it is\s+|it's\s+)?(?:not easy|hard|difficult) to\b",
    re.I,
)
# a gotcha or an error a service gives ("after creating a flow log configuration, it's not possible to change it",
# "HTTP error 503 Slow Down indicates ...", "not possible to configure health checks on an ALIAS record")
_GOTCHA = re.compile(
    r"\b(?:it'?s|it is)\s+(?:not\s+)?possible to\b|\bnot possible to\b|\b(?:HTTP\s+)?error\s+\d{3}\b"
    r"|\b(?:error|exception)\s+(?:means|indicates)\b|\bmetric can be used to\b",
    re.I,
)
_FAILS_OVER = re.compile(r"\bfail(?:s|ed|ing)? over\b", re.I)


@functools.lru_cache(maxsize=512)
def _kind_name(kind: str) -> re.Pattern:
    """The last two words of a kind's name as a phrase: "storage class(es)" for "S3 storage class"."""
    phrase = r"\s+".join(map(re.escape, kind.split()[-2:]))
    return re.compile(rf"\b{phrase}(?:es|s)?\b", re.I)


_SHORT_CLAUSE = 5  # the words of a clause under a bare name that can say only how it serves the section's subject


_ENTRY_WORDS = 3  # words after its label that make an entry say something ("Instance store: Volumes are temporary")


def _own_entry_says(option: Option, line: Line) -> bool:
    """Whether a line is the notes' own entry for the option, its label the option's name, with at least a short
    clause after it ("CodePipeline: allows you to implement a CI/CD pipeline"): the author's account of the option in
    their own words, which supports what it is even when it shares no word with our explanation."""
    text = plain_text(line.text)
    label = label_of(text)
    if not label or not labelled_as(option, line.text, line.heading):
        return False
    rest = text[text.find(label) + len(label) :].lstrip(" )*_`:-–—=>→⇒")
    head = re.split(r"[;,.:(]", rest, maxsplit=1)[0].split()
    if 1 <= len(head) <= 4 and all(w[:1].isupper() or w in ("of", "for", "&") for w in head):
        return False  # it goes on with another name, not a clause ("AWS Pricing Calculator: Trust Advisor; 7 checks")
    return len(re.findall(r"[A-Za-z]{2,}", rest)) >= _ENTRY_WORDS


def option_topics(family: Family, option: Option) -> frozenset[str]:
    """The catalog topics whose lines may explain an option: its own topic and the topics under it.

    An option without a topic of its own (an S3 storage class) is explained from the family's topic, the
    topic above it and its sub-topics.
    """
    catalog = load_catalog()
    own = option.topic or family.topic
    topics = {own, *(c.slug for c in catalog.children(own))}
    if not option.topic and catalog.topics[own].parent:
        topics.add(catalog.topics[own].parent)
    return frozenset(topics)


@functools.lru_cache(maxsize=1024)
def opening_pattern(options: tuple[Option, ...]) -> re.Pattern:
    return re.compile("|".join(option_pattern(o).pattern for o in options), re.I)


class FamilyLines(list):
    """The lines a family's options may be explained from, with the evidence already found in them."""

    evidence: dict
    # Options some line of the notes names (near its start, or in its section's title) but none of which can back
    # an explanation (a line full of typos, a bare title): offered with no word on the notes, since "not in your
    # notes" would be untrue and "named without explaining" was false about half the time.
    unquotable: set
    # Options that are a part of a service the notes describe only as a whole (option id -> the service's name):
    # said so, rather than "not in your notes".
    parent_only: dict
    flagged_only: set
    # Options backed by their service's line about the whole service ("AWS Shield protects against DDoS" for Shield
    # Standard): never the key of a question that offers another kind of that service.
    from_parent: set
    # Options whose backing (a quote, or "not in your notes") is too often wrong: offered last (doubtful_options).
    doubtful: set
    # Options no line backs but whose words the notes use somewhere ("IA" and "rapid access" for S3 Standard-IA,
    # "Calculator" for the AWS Pricing Calculator): offered with no word on the notes, since "not in your notes" was
    # false for about one in five of them.
    unclaimed: set


class NoteScan:
    """Every line of the notes, read once for all families: its opening words and their spellings.

    A family looks for lines that name one of its options near their start. Searching each line with each family's
    pattern cost most of question generation; instead the openings are joined into one text that a family's
    pattern scans once, and only the lines a match touches are checked one by one (with the same test as before).
    """

    def __init__(self, lines_by_topic: dict[str, list[Line]]):
        self.lines_by_topic = lines_by_topic
        # (topic, index in topic, line, opening, titled, the lines a match quotes from: None for the line and the
        # one under it)
        self.rows: list[tuple[str, int, Line, str, bool, tuple | None]] = []
        for slug in sorted(lines_by_topic):
            topic_lines = lines_by_topic[slug]
            for index, line in enumerate(topic_lines):
                first_of_section = index == 0 or _section(topic_lines[index - 1]) != _section(line)
                text = plain_text(line.text)
                self.rows.append((slug, index, line, text[:OPENING], first_of_section and bool(line.heading), None))
                # A paragraph's later sentences open with their own subjects ("... . Network ACLs work at the
                # subnet level."): each is read as an opening too, and quoted alone
                for sentence in _later_sentences(text):
                    own = Line(text=sentence, refs=line.refs, topic=line.topic, heading=line.heading)
                    self.rows.append((slug, index, own, sentence[:OPENING], False, (own,)))
        self.titled = {i for i, row in enumerate(self.rows) if row[4]}
        self.by_spelling: dict[str, list[int]] = {}  # a run of words, spelled letters only -> rows opening with it
        for i, row in enumerate(self.rows):
            for run in _spelled_runs(_whole_words(row[3], plain_text(row[2].text))):
                self.by_spelling.setdefault(run, []).append(i)
        # rows that are a catalog topic's entry ("Config: Track resources ...", a table's row), by the topic; and
        # rows whose label joined with a word of their heading is a name ("simple" under "Routing Policies"), by
        # that name's letters
        self.by_label: dict[str, list[int]] = {}
        self.labelled: dict[str, list[int]] = {}  # rows opening with a label, by the page they are on
        catalog = load_catalog()
        for i, row in enumerate(self.rows):
            if not (label := label_of(row[3])):
                continue
            self.labelled.setdefault(row[0], []).append(i)
            if slug := catalog.lookup(label):
                self.by_label.setdefault(slug, []).append(i)
            for word in re.findall(r"[A-Za-z]+", plain_text(row[2].heading or "")):
                if len(word) >= 4:
                    self.by_spelling.setdefault(_compact(f"{label} {word}").removesuffix("s"), []).append(i)
        # rows opening with a label or a short title, with its stems: an option's entry in other word forms
        self.labels: list[tuple[int, frozenset[str]]] = []
        for i, row in enumerate(self.rows):
            plain = row[3].strip().rstrip(".:")
            label = label_of(row[3]) or (plain if 1 <= len(plain.split()) <= 4 else "")
            if label and (stems := word_stems(label)):
                self.labels.append((i, stems))
        self.text = "\n".join(row[3] for row in self.rows)
        self.starts = list(itertools.accumulate((len(row[3]) + 1 for row in self.rows[:-1]), initial=0))

    @functools.cached_property
    def integration_refs(self) -> frozenset:
        """Where the items of lists of what a page's service works with are ("Seamlessly integrated into:")."""
        return _integration_items(self.lines_by_topic)

    @functools.cached_property
    def stems(self) -> frozenset[str]:
        """The stems of every word of the notes."""
        return word_stems(self.whole.lower())

    @functools.cached_property
    def whole(self) -> str:
        """Every line's whole text, one to a row of this text."""
        return "\n".join(plain_text(row[2].text).replace("\n", " ") for row in self.rows if row[5] is None)

    def mentions(self, pattern: re.Pattern) -> bool:
        """Whether any line of the notes matches the pattern anywhere (as ^ and $ read, line by line)."""
        return bool(re.compile(pattern.pattern, pattern.flags | re.M).search(self.whole))

    def touched(self, pattern: re.Pattern) -> set[int]:
        """Rows a match of the pattern overlaps, scanning the joined openings once (line by line, as ^ and $ read)."""
        out: set[int] = set()
        for m in re.compile(pattern.pattern, pattern.flags | re.M).finditer(self.text):
            first = bisect.bisect_right(self.starts, m.start()) - 1
            last = bisect.bisect_right(self.starts, max(m.end() - 1, m.start())) - 1
            out.update(range(first, last + 1))
        return out


# the end of a sentence: a stop before a capital, but not an abbreviation's ("destinations (e.g. Redshift, S3)"); or
# an arrow that starts a new one in a chain ("CloudTrail tracks API calls -> Amazon GuardDuty which detects ...")
_FULL_STOP = r"(?<=[a-z0-9)][.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)(?<!\bapprox\.)\s+(?=[A-Z])"
_SENTENCE_END = re.compile(rf"{_FULL_STOP}|\s+(?:->|→|=>)\s+(?=[A-Z])")


def _names_its_kind(option: Option, line: Line) -> bool:
    """Whether a line names what sets a kind of a service apart ("snapshot" of EBS snapshot, "Standard" of Shield
    Standard), not only the service."""
    topic = load_catalog().topics[option.topic]
    own = (topic.name, topic.short, topic.full_name)
    # (where it lives is no kind of it: "Consolidated billing in AWS Organizations" is consolidated billing)
    name = re.sub(r"\s+in\s+(?:AWS|Amazon)\b.*$", "", option.name)
    extra = word_stems(name) - {w for n in own if n for w in word_stems(n)} - {"amazon", "aws"}
    return not extra or bool(extra & word_stems(line.text))


_AUXILIARIES = frozenset(word_stems("can could may might will would used use uses"))


def _later_sentences(text: str) -> list[str]:
    """The sentences of a long line after its first, each long enough to say something; where the line opens with
    a subject of its own, not one that opens with a pronoun ("By using capacity reservation, ... . You will be
    charged the on-demand price ...": it goes on about that subject)."""
    if len(text) <= OPENING:
        return []
    subject = bool(load_catalog().mentions(" ".join(text.split()[:6])))
    # (a semicolon before a capital starts a clause of its own: "Security groups are stateful; Network access
    # control lists are stateless")
    sentences = _SENTENCE_END.split(text)
    clauses = [c for s in sentences for c in _CLAUSE_END.split(s)[1:] if _FINITE.search(c)]  # (not a list's items)
    parts = sentences[1:] + clauses
    return [t for t in parts if len(t.split()) >= 5 and not (subject and _GOES_ON.match(t))]


_CLAUSE_END = re.compile(r";\s+(?=[A-Z])")


_GOES_ON = re.compile(r"(?:you|it|its|they|this|these|that|those|we|i|he|she|there|here)\b", re.I)


def _another_services_page(family: Family, option: Option):
    """A test of a page's topic: whether it is a service other than the option's own, the topics under it and the
    one above it (always False for an option without a topic of its own)."""
    catalog = load_catalog()
    own = set(option_topics(family, option))
    if option.topic and (parent := catalog.topics[option.topic].parent):
        own.add(parent)

    def foreign(topic: str | None) -> bool:
        return bool(option.topic and topic and topic not in own and _a_service(topic))

    return foreign


def family_lines(
    family: Family,
    lines_by_topic: dict[str, list[Line]],
    near: set[str],
    scan: NoteScan | None = None,
    definitions: dict[str, Line] | None = None,
    flagged: list[Line] | None = None,
) -> FamilyLines:
    """The lines that may explain a family's options: every line of the topics near the family, and, for an
    option those say nothing usable about, any other line of the notes that opens with it ("AWS CloudTrail
    records all API calls..." under S3), else the notes' definition of the option's own topic (the line its topic
    page's summary is taken from)."""
    definitions = definitions or {}
    lines = FamilyLines(line for slug in sorted(near) for line in lines_by_topic.get(slug, []))
    texts = [plain_text(line.text) for line in lines]
    lines.evidence = {}
    lines.unquotable = set()
    lines.parent_only = {}
    lines.flagged_only = set()  # options only a line a claim says is wrong explains
    lines.from_parent = set()  # options backed by their service's line about the whole service
    lines.unclaimed = set()
    missing = []
    shared = set()  # options whose line names another option too: looked for again, for a line of their own
    relook = set()  # of those, options whose line names no sibling and says a little: replaced only by more
    for option in family.options.values():
        found = find_evidence(option, lines, family, option_topics(family, option), texts, spelled=False)
        if found:
            lines.evidence[option.id] = found
            told = len(word_stems(found.text) & (said_of(option, family) - _ANY_TOPIC_WORDS))  # explanation words
            if (
                _names_a_sibling(option, found.text, family)
                or _named_in_passing(option, _past_lead_label(option, found))
                or told < 2
            ):
                # a line that names a sibling too, or names the option only after its opening words ("Identity-based
                # policies are attached to an IAM user ..."), or says little of what its explanation says ("IAM user is
                # created with NO PERMISSIONS"): looked for again under the option's own title
                missing.append(option)
                shared.add(option.id)
            elif option.topic and _a_service(option.topic) and told < 3:
                # a line that says only two words of its explanation ("KMS multi-Region keys can be created and
                # replicated": create, keys) is one detail of a service or feature with a page of its own: the first
                # line under its own title ("- Creates and controls the encryption keys used to encrypt data" under
                # "What is KMS?") replaces it where that says more, and only then (a concept's title, "Best
                # Practices for Scalability and High Availability", is often advice on it)
                missing.append(option)
                shared.add(option.id)
                relook.add(option.id)
        else:
            missing.append(option)
    if missing:
        # Every topic's lines, for an option the family's own topics say nothing usable about: a line that opens
        # with it in any spelling, or the first line of a section titled with it.
        scan = scan or NoteScan(lines_by_topic)
        opening = opening_pattern(tuple(missing))
        forms = {form for option in missing for form in option_spellings(option)}

        wanted_topics = {option.topic for option in missing if option.topic}

        def names_one(text: str) -> bool:
            return bool(opening.search(text)) or not _spelled_runs(text).isdisjoint(forms)

        # Most lines name none of them: only rows a match touches, that open with a spelling, or open a section
        rows = scan.touched(opening) | scan.titled
        entries = set()  # rows that may be a missing option's entry: by a catalog name of its topic, or by spelling
        for form in forms:
            entries.update(scan.by_spelling.get(form, ()))
        for option in missing:
            entries.update(scan.by_label.get(option.topic, ()) if option.topic else ())
        titled_options = [option for option in missing if option.titles]  # (a bare title only these patterns read)
        for option in titled_options:
            # its entry by a name it is titled by ("S3 Glacier: Retrieval times configurable from minutes to hours"),
            # not on another service's page ("Standard: for files read often" on EFS's is no SQS standard queue)
            foreign = _another_services_page(family, option)
            for row in itertools.chain.from_iterable(scan.labelled.values()):
                head, heading = scan.rows[row][3], scan.rows[row][2].heading or ""
                if foreign(scan.rows[row][2].topic):
                    continue
                if any(p.search(label_of(head)) for p in option.titles) and labelled_as(option, head, heading):
                    entries.add(row)
            for row, _stems in scan.labels:
                if foreign(scan.rows[row][2].topic):
                    continue
                if _bare_name(scan.rows[row][3]) and any(p.search(scan.rows[row][3]) for p in option.titles):
                    entries.add(row)  # "- S3 Glacier." over its bullets
        by_stems: dict[str, set[int]] = {option.id: set() for option in missing}
        siblings = {option.id: [o for o in family.options.values() if o.id != option.id] for option in missing}
        for option in missing:
            wanted = set().union(*_name_variants(option))
            # a label's word is matched against the option's once: the labels share most of their words
            matched: dict[str, bool] = {}
            for row, stems in scan.labels:
                if any(
                    matched[s] if s in matched else matched.setdefault(s, _has_stem(wanted, s)) for s in stems
                ) and stem_entry(option, scan.rows[row][3], scan.rows[row][2], siblings[option.id]):
                    by_stems[option.id].add(row)
                    entries.add(row)
            for slug in near:
                # its entry on a page of the family's, by a label in any of its spellings or its own pattern
                # ("**Service** - How many copies of a task" on ECS's page, for an ECS service); not a label that
                # names a sibling ("General purpose SSD (gp2)" for gp3) or fits one as well ("Dedicated" under
                # pricing models is a Dedicated Host as much as a Dedicated Instance)
                for row in scan.labelled.get(slug, ()):
                    head, heading = scan.rows[row][3], scan.rows[row][2].heading or ""
                    if (
                        labelled_as(option, head, heading, page=slug)
                        and not _names_a_sibling(option, label_of(head), family)
                        and not any(labelled_as(o, head, heading, page=slug) for o in siblings[option.id])
                        and not _opens_two_names(label_of(head), family)
                    ):
                        entries.add(row)
        rows |= entries
        candidates: dict[str, list[Line]] = {option.id: [] for option in missing}
        wanted_stems = {option.id: set().union(*_name_variants(option)) for option in missing}

        def titled_in_other_words(line: Line) -> bool:
            # a section title naming a missing option in other word forms (stem_title), read only where one of its
            # words is one of the option's
            heads = word_stems(f"{line.heading} {line.note_heading}")
            for option in missing:
                if any(_has_stem(wanted_stems[option.id], s) for s in heads) and stem_title(
                    option, line, siblings[option.id]
                ):
                    return True
            return False

        under_title: dict[str, list[Line]] = {option.id: [] for option in missing}  # lines of sections it titles
        named: set[str] = set()  # options a line names in a spelling of theirs (not only in other word forms)
        for row in sorted(rows):
            slug, index, line, head, titled, quoted = scan.rows[row]
            if not (
                names_one(head)
                or (
                    titled
                    and (
                        names_one(line.heading)
                        or names_one(line.note_heading)
                        or _mended_heading(line.heading) in wanted_topics
                    )
                )
                or (titled and any(heading_names(option, line) for option in titled_options))  # "S3 Glacier"
                or (titled and slug in wanted_topics)  # any section of a missing option's own page (find_evidence
                # then takes its first line only under a bare part title, "Roles" on IAM Roles)
                or row in entries
                or (titled and titled_in_other_words(line))  # "## Groups" on IAM's page, for IAM group
            ):
                continue
            topic_lines = lines_by_topic[slug]
            for option in missing:
                spelled_out = (
                    names_option(option, plain_text(line.text))
                    or (titled and heading_names(option, line))
                    or (row in entries and labelled_as(option, head, line.heading or ""))
                )
                if spelled_out:
                    named.add(option.id)
                if (
                    spelled_out
                    or row in by_stems[option.id]
                    or (titled and stem_title(option, line, siblings[option.id]))
                ):
                    # with the lines under it, which a heading that only names the option needs as its quote (past
                    # a list of model names: "A1, T2, M5" under "General Purpose")
                    # (and the bare name above it, which shows the line is an item of a list of names)
                    above = index > 0 and (
                        _bare_name(plain_text(topic_lines[index - 1].text))
                        or plain_text(topic_lines[index - 1].text).rstrip(" *_").endswith(":")
                    )  # (or the lead-in of its list: "provides 2 main services:" over "Domain registration")
                    end = index + 3
                    if (
                        titled
                        and not quoted
                        and (heading_names(option, line) or stem_title(option, line, siblings[option.id]))
                    ):
                        # a section titled with the option: every line of it, whose later lines may be the ones
                        # that say what it is (up to a screenful)
                        while end < min(len(topic_lines), index + _SECTION_READ) and _section(
                            topic_lines[end]
                        ) == _section(line):
                            end += 1
                        under_title[option.id] += topic_lines[index:end]
                    candidates[option.id] += quoted or topic_lines[index - above : end]
        taken = set(lines)
        for option in missing:
            own = candidates[option.id]
            if option.id in shared:
                # the lines under its own title, and its own entries elsewhere ("**On-demand**: Pay the full price
                # ..." under another page's heading), that name no sibling
                entries_of = [
                    line for line in candidates[option.id] if labelled_as(option, line.text, line.heading or "")
                ]
                own = [
                    line
                    for line in under_title[option.id] + entries_of
                    if not _names_a_sibling(option, line.text, family)
                ]
            found = find_evidence(option, own, family, option_topics(family, option))
            if option.id in shared:
                # "however, read replicas can be set up as Multi-AZ for DR" says something of both: a line under the
                # option's own title that names neither sibling ("replicas of DB to increase scale reads") says
                # what this one is
                # (and says as much of what the explanation says as the shared line)
                said = said_of(option, family) - _ANY_TOPIC_WORDS
                before = lines.evidence[option.id]

                def says(line: Line, said: frozenset[str] = said) -> int:
                    return len(word_stems(line.text) & said)

                if not (
                    found
                    and not _names_a_sibling(option, found.text, family)
                    and (
                        (says(found) > says(before) if option.id in relook else says(found) >= says(before))
                        # ("Base images for running EC2 instances" under "What's an AMI" says what the explanation
                        # says; "AMI are built for specific AWS Region" shares only a word of the question's need)
                        or (
                            names_option(option, label_of(plain_text(found.text)))  # (its own title's first line)
                            and supports_its_explanation(option, found)
                            and not supports_its_explanation(option, before)
                        )
                    )
                ):
                    found = before
                # or a line under its own title that names a sibling later but says more of the option ("IAM user:
                # has a username and a password ... and access keys" over a policy's line naming users)
                anyway = option.id not in relook and find_evidence(  # (not a line naming a sibling, for those)
                    option, under_title[option.id], family, option_topics(family, option)
                )
                if anyway and says(anyway) > says(found):
                    found = anyway
            elif not found and option.topic and _names_its_topic(option):
                # No line opens with it, but the notes define its topic in words the rules above do not read as
                # its name ("Cost Explorer: visualize, understand and manage costs", a label's synonym): that
                # definition says what the option is, which "not in your notes" would deny.
                found = definitions.get(option.topic)
                if found and not _own_definition(option, found):
                    found = None
            if found:
                lines.evidence[option.id] = found
            elif option.id in named:
                lines.unquotable.add(option.id)  # named, in some spelling or a section's title, but unquotable
            for line in candidates[option.id]:
                if line not in taken:
                    taken.add(line)
                    lines.append(line)
    for option in family.options.values():
        # The notes' definition of the option's own topic, over a line that says less of what the explanation says
        # ("DocumentDB storage grows in increments of 10GB" beside "Amazon DocumentDB: a MongoDB-compatible
        # document database")
        found, defined = lines.evidence.get(option.id), definitions.get(option.topic)
        if (
            found
            and defined
            and found.text != defined.text
            and _names_its_topic(option)
            and _own_definition(option, defined)
        ):
            said = word_stems(option.fact) - word_stems(option.name)
            if len(word_stems(defined.text) & said) > len(word_stems(found.text) & said):
                lines.evidence[option.id] = defined
        if (found := lines.evidence.get(option.id)) and _a_detail_of_the_service(option, found):
            # "S3: bucket URLs once put the account in the path", "EFS: at first only root may write": a line on one
            # detail of a whole service says nothing of what the service is, which its explanation says
            del lines.evidence[option.id]
            lines.unquotable.add(option.id)
    present = set(lines)
    for option in family.options.values():
        if option.id in lines.evidence or not option.topic or not _variant_of(option):
            continue
        # a kind of a service the notes only describe as a whole ("SQS standard queue" where the notes say what
        # Amazon SQS is): the service's own defining line says what it is, when it says some of what the option's
        # explanation says; else the option is said to be a part of a service the notes describe, never "not in
        # your notes" (Aurora Global Database, where the notes only say what Aurora is)
        parent = load_catalog().topics[option.topic].name
        if found := line_about(parent, load_catalog(), lines_by_topic):
            # (words that say something: "EBS volumes ... You can mount" shares only "volume" with what an EBS
            # snapshot is, and "can")
            said = word_stems(option.fact) - word_stems(option.name) - word_stems(parent) - _AUXILIARIES
            if len(word_stems(found.text) & said) < 2:
                lines.parent_only[option.id] = parent
                continue
            lines.evidence[option.id] = found
            lines.unquotable.discard(option.id)
            if found not in present:
                present.add(found)
                lines.append(found)
    for option in family.options.values():
        if option.id in lines.evidence or option.id in lines.parent_only:
            continue
        # one kind of a thing its siblings are kinds of too ("Compute Savings Plans" beside "EC2 Instance Savings
        # Plans") where the notes explain only the thing ("Savings Plans: commit to a dollar amount per hour ..."):
        # the notes describe it only as a whole, never "not in your notes"
        if (kind := shared_kind(option, family)) and _explained(kind, lines):
            lines.parent_only[option.id] = kind
    for option in family.options.values():
        if option.id not in lines.evidence and any(
            find_evidence(option, [line], family, option_topics(family, option))
            for line in flagged or ()
            if line.topic in near
        ):
            lines.flagged_only.add(option.id)  # "Amazon EFS - ... utilizes block-level storage", flagged on its page
    for oid, found in lines.evidence.items():
        option = family.options[oid]
        if option.topic and _variant_of(option) and not _names_its_kind(option, found):
            lines.from_parent.add(oid)  # "Shield: protection against DDoS" for Shield Standard
    scan = scan or NoteScan(lines_by_topic)
    for oid, found in list(lines.evidence.items()):
        if (
            found.refs
            and found.refs[0] in scan.integration_refs
            and found.topic not in option_topics(family, family.options[oid])
        ):
            # "Amazon Redshift: encryption of data" under KMS's "Seamlessly integrated into:": how KMS serves Redshift,
            # nothing of what Redshift is; the notes name it there without explaining it
            del lines.evidence[oid]
            lines.unquotable.add(oid)
    for oid, found in list(lines.evidence.items()):
        option = family.options[oid]
        said = plain_text(found.text)
        if (
            labelled_for_another(option, found)
            or misspells_a_sibling(option, said, family)
            or says_of_another(option, said)
        ):
            # "DynamoDB: can be single-digit milliseconds" under the DAX heading: the entry of DynamoDB, set beside
            # DAX's, says nothing of DAX; the notes name DAX there without this line explaining it (nor does
            # "Reserved: CONVERTABLE RI ..." say anything of Standard RIs once its misspelt name is read, or "S3:
            # Firehose retries deliveries for 24 hours" anything of S3)
            del lines.evidence[oid]
            lines.from_parent.discard(oid)
            lines.unquotable.add(oid)
    lines.doubtful = doubtful_options(family, lines, lines_by_topic, scan)
    lines.unclaimed = {
        oid
        for oid, option in family.options.items()
        if oid not in lines.flagged_only
        and (oid not in lines.evidence or oid in lines.from_parent)
        and (option_words(option) - _words_of_its_whole(option, lines)) & scan.stems
    }
    # An option no line can back that is a topic with a page of the notes ("Security group", not "Shield Advanced" on
    # Shield's page): "not in your notes" would be untrue, and blind graders failed "your notes cover it on its page"
    # however the JSON marked it, so it is as unquotable as one the notes only name
    lines.unquotable |= {
        oid
        for oid, option in family.options.items()
        if oid in lines.doubtful
        and oid not in lines.evidence
        and lines_by_topic.get(option.topic or "")
        and _names_its_topic(option, plural=True)
    }
    return lines


_LEAD_LABEL = re.compile(r"\W*[A-Za-z]+(?: [A-Za-z]+)?\s*(?::|\s[-–—−]\s*)\s*")  # "Definition: ", "Global − "


def _past_lead_label(option: Option, found: Line) -> str:
    """A quote's words past a label of what the line is ("Definition: AWS Fargate is ..."), unless the label names
    the option."""
    text = plain_text(found.text)
    if (lead := _LEAD_LABEL.match(text)) and not option_pattern(option).search(text[: lead.end()]):
        return text[lead.end() :]
    return text


def _named_in_passing(option: Option, text: str) -> bool:
    """Whether a line names the option only after its opening words, by neither its pattern nor its name."""
    named = option_pattern(option).search(text)
    return bool(
        named
        and named.start() > 0
        and not _opens_with(text, named.start())
        and not (names_option(option, text) and _named_at(option, text) == 0)
    )


def _doubtful_line(option: Option, family: Family, found: Line) -> bool:
    """Whether a quote is one of the kinds the blind labels found wrong about half the time (doubtful_options)."""
    text = _past_lead_label(option, found)
    return bool(
        _named_in_passing(option, text)
        or not (found.topic and found.topic in option_topics(family, option))
        or (not option_pattern(option).search(text) and found.topic == option.topic)
    )


def doubtful_options(
    family: Family, lines: FamilyLines, lines_by_topic: dict[str, list[Line]], scan: NoteScan
) -> set[str]:
    """The options whose backing is too often wrong to offer them in a question.

    Blind readers labelled every option of the questions made from six sets of notes (quote fits, or "not in your
    notes" is true). Most backings held: a line on a page near the option that opens with its name (nine in ten),
    and "not in your notes" where no line of the notes names it and its topic has no page (five in six). These held
    little better than a coin: a quote that names the option after its opening words, a quote from a page that is
    not the option's own nor a part of it, a quote on the option's own page that does not name it (a title read as
    the option), "named without explaining" and "not in your notes" where some line names it or its topic has a page.
    """
    out = set()
    for oid, option in family.options.items():
        found = lines.evidence.get(oid)
        if found is not None:
            if _doubtful_line(option, family, found):
                out.add(oid)
        elif oid in lines.unquotable:
            out.add(oid)
        elif oid not in lines.parent_only and oid not in lines.flagged_only:
            if (option.topic and lines_by_topic.get(option.topic)) or scan.mentions(option_pattern(option)):
                out.add(oid)
    return out


def shared_kind(option: Option, family: Family) -> str:
    """The last words of an option's name that a sibling's name ends with too, two words or more: the kind both
    are ("Savings Plans" of "Compute Savings Plans" and "EC2 Instance Savings Plans"), else ""."""
    words = option.name.split()
    for other in family.options.values():
        theirs = other.name.split()
        if other.id == option.id or theirs[-1].lower() != words[-1].lower():
            continue
        size = 1
        while size < min(len(words), len(theirs)) and words[-size - 1].lower() == theirs[-size - 1].lower():
            size += 1
        if 2 <= size < len(words):
            return " ".join(words[-size:])
    return ""


def _explained(name: str, lines: list[Line]) -> bool:
    """Whether a line opens with the name (in the singular too) and says something of it ("Savings Plan: commit to
    a dollar amount of compute per hour for 1 or 3 years"), or the bullet under a bare name does."""
    pattern = re.compile(r"\b" + re.escape(name.rstrip("s")) + r"s?\b", re.I)
    for index, line in enumerate(lines):
        text = plain_text(line.text)
        if (m := pattern.search(text)) and _opens_with(text, m.start()):
            rest = text[m.end() :]
            if not rest.strip(" :-–—"):  # "3. Savings Plan" over "Same discount as RI", "Commit to $10/hour ..."
                rest = " ".join(plain_text(child.text) for child in bullets_under(lines, index))
            if not option_line(line.text) and not no_fact(text) and len(re.findall(r"[A-Za-z]{3,}", rest)) >= 4:
                return True
    return False


def _a_detail_of_the_service(option: Option, line: Line) -> bool:
    """Whether the line backing a whole service of its own ("Amazon EFS") says only a detail of it: none of the
    words its explanation says past its name ("EFS: at first only root may write"), even as the author's
    own entry for it. Where the best line the notes have says nothing of what the service is, the notes do not
    explain it. (At two words, lines that define a service in one, "Neptune = graph database", went too.)"""
    if not option.topic or not _names_its_topic(option) or not _a_service(option.topic):
        return False
    if load_catalog().topics[option.topic].parent:
        return False  # a part of a service ("Amazon Machine Image"): the first line under its title is its entry in
        # other words ("Golden images for your servers")
    return not _support_words(plain_text(line.text), option.kind) & _explained_words(option)


def _own_definition(option: Option, line: Line) -> bool:
    """Whether the definition the notes give the option's topic is its own: not the first line under a title that
    names it beside another thing ("Billing data metric ..." under "Billing Alarms & AWS Budgets")."""
    return not (line.heading and _titles_two(option, line.heading))


def defining_line(term: str, definition: str, lines: list[Line]) -> Line | None:
    """The note line a definition was read from, as written and with its own source (a definition merged from
    several files carries all their sources, and the first may say it in other words); titled with the term when
    the line does not name it (a bullet under its service's heading)."""

    def words(text: str) -> str:
        return re.sub(r"\W+", " ", plain_text(text)).strip().lower()

    opening = words(definition)[:40]
    for line in lines:
        if opening and opening in words(line.text) and not no_fact(plain_text(line.text)):
            # (not a tag line, "#aws #athena #sql", however the topic's summary read it)
            slug = load_catalog().lookup(term)
            if words(term) not in words(line.text) and slug and _common_word_later_in(slug, line.heading or ""):
                return None  # "Deploy the new version in batches" under "Rolling with additional batch": no AWS Batch
            text = line.text if words(term) in words(line.text) else f"{term}: {line.text}"
            return Line(text=text, refs=line.refs, topic=line.topic, heading=line.heading, labelled=True)
    return None


@functools.lru_cache(maxsize=8192)  # (asked of every heading for every option the finder weighs)
def _common_word_later_in(slug: str, heading: str) -> bool:
    """Whether a heading names a topic only by a word too common to trust, and not at its head: "Rolling with
    additional batch" is no title of AWS Batch, where "Batch: jobs on EC2 and Spot" is."""
    catalog = load_catalog()
    if slug in catalog.mentions(heading) or slug not in catalog.mentions(heading, common=True):
        return False
    head = " ".join(re.findall(r"[A-Za-z0-9]+", heading)[:2])
    return slug not in catalog.mentions(head, common=True)


def _names_its_topic(option: Option, *, plural: bool = False) -> bool:
    """Whether an option is its topic's service itself, by one of the topic's own names ("AWS WAF"; with `plural`,
    "IAM role" of IAM Roles too), rather than a part of it ("Route table" on the VPC page) or a property of it (a
    pricing basis)."""
    topic = load_catalog().topics.get(option.topic)
    if topic is None:
        return False
    name = _compact(_unmade(_without_aside(option.name)))
    if plural:
        return name.removesuffix("s") in {n.removesuffix("s") for n in _own_topic_names(topic)}
    return name in _own_topic_names(topic)


def _variant_of(option: Option) -> bool:
    """Whether an option is a kind of its topic's service, named with the service's name and more ("Amazon SQS
    standard queue", "Amazon ECS on EC2 instances"), rather than the service itself or a concept."""
    topic = load_catalog().topics.get(option.topic)
    if topic is None:
        return False
    names = {_unmade(n).lower() for n in (topic.name, topic.short, topic.full_name) if n}
    name = _unmade(option.name).lower()
    return name not in names and any(re.search(rf"\b{re.escape(n)}\b", name) for n in names if len(n) >= 2)
