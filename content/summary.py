"""The summary at the top of a topic page: what it is, key facts, a comparison of its siblings, exam traps.

Plain Python, no ORM: ingest (content/services.py) builds a ``TopicNotes`` from the rows it is writing, calls
``summarise`` once per topic and stores ``Summary.as_dict()`` on the topic, so a page only renders it.

Rules, in the order a reader meets them:
* what it is: the notes' own definition when it reads as one, else the reference definition in
  content/summary.toml (checked against AWS), else the topic's first readable line: never an empty box;
* key facts: figures (limits, durations, percentages, prices), then a list and definitions of the topic's parts,
  each with the note lines it comes from; nothing from a line the errata flag, nothing full of typos;
* a comparison table when the topic is a family of siblings (content/summary.toml lists the columns): one row per
  sibling the notes cover, reference figures (the corrected facts) with the note lines that speak of them;
* exam traps: the corrections of the notes' wrong lines, and the sibling most often confused with.
"""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

SUMMARY_DATA = Path(__file__).resolve().parent / "summary.toml"
TYPICAL_USE = "Typical use"
MAX_FACTS = 7
MAX_WITH_ESSENTIALS = 10  # essentials and the notes' figures together: readable in two minutes
MAX_NOTE_FIGURES = 3
MAX_TRAPS = 5
MAX_WORDS = 250  # the lead, key facts, traps and "often confused" together (tables apart): two minutes' reading

Ref = tuple  # (file label, source id, line number), as on every line of a topic page


# -- what goes in -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteLine:
    """One line of a topic page, with the label it sits under (its parent bullet or the section title)."""

    text: str
    section: str
    refs: tuple[Ref, ...]
    correction: str | None = None  # set when the errata flag the line as wrong
    context: str = ""  # the enclosing bullet's text, else the section title: what the line is about
    excerpt: str = ""  # a flagged line's words around what the errata flag, to quote in the trap


@dataclass(frozen=True)
class NoteFact:
    kind: str  # definition | list | comparison | use_case | number
    subject: str
    data: dict
    refs: tuple[Ref, ...]
    section: str = ""


@dataclass(frozen=True)
class Sibling:
    """One option of a family of siblings (a storage class, a routing policy), as quizzes/families.toml has it."""

    id: str
    name: str
    evidence: tuple[re.Pattern, ...]
    fact: str = ""
    topic: str | None = None

    def about(self, text: str) -> bool:
        return any(p.search(text) for p in self.evidence)


@dataclass(frozen=True)
class TableSpec:
    family: str
    caption: str
    url: str
    columns: tuple[str, ...]
    siblings: tuple[Sibling, ...]
    values: dict[str, tuple[str, ...]]  # sibling id -> one value per column other than Typical use
    use: dict[str, str] = field(default_factory=dict)  # sibling id -> typical use, when the notes give none
    notes: dict[str, re.Pattern] = field(default_factory=dict)  # column -> what a note line about it says


@dataclass(frozen=True)
class TopicLink:
    slug: str
    name: str


@dataclass(frozen=True)
class Confusion:
    """The sibling or neighbour most often mistaken for this topic, with the sentences that tell them apart."""

    names: tuple[str, ...]
    text: str
    slug: str = ""  # the other topic's page, when it has one
    url: str = ""
    family: str = ""  # the scenario family it comes from


@dataclass(frozen=True)
class TopicNotes:
    slug: str
    name: str
    lines: tuple[NoteLine, ...]
    facts: tuple[NoteFact, ...] = ()
    definition: Statement | None = None  # the notes' best definition (or overview sentence) as ingest chose it
    reference: Statement | None = None  # content/summary.toml's definition
    table: TableSpec | None = None
    confusion: Confusion | None = None
    related: tuple[TopicLink, ...] = ()
    names: tuple[str, ...] = ()
    readable: Callable[[str], bool] = lambda text: True
    respell: Callable[[str], str] = lambda text: text
    other_topic: Callable[[str], bool] = lambda term: False  # the term is another catalog topic (it has its page)
    hurried: frozenset[str] = frozenset()  # labels of the notes files typed in a hurry (services.hurried)


# -- what comes out -----------------------------------------------------------------------------------------


@dataclass
class Statement:
    text: str
    refs: list = field(default_factory=list)  # [[label, source id, line], ...]: the note lines behind it
    url: str = ""  # the AWS page behind it, for what the notes do not say (or say wrongly)


@dataclass
class Row:
    name: str
    cells: list[Statement]


@dataclass
class Table:
    caption: str
    columns: list[str]
    rows: list[Row]
    url: str


@dataclass
class Trap:
    correction: str
    wrong: str  # the notes' words, shortened
    refs: list


@dataclass
class Summary:
    definition: Statement | None = None
    facts: list[Statement] = field(default_factory=list)
    table: Table | None = None
    traps: list[Trap] = field(default_factory=list)
    more_traps: int = 0  # corrections left for the notes below
    confusion: dict | None = None
    related: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)

    def statements(self) -> Iterable[Statement]:
        """Every line of the summary that states something, for checks over all of them."""
        if self.definition:
            yield self.definition
        yield from self.facts
        if self.table:
            for row in self.table.rows:
                yield from (cell for cell in row.cells if cell.text != "—")


# -- text tidying --------------------------------------------------------------------------------------------

_MARKS = re.compile(r"\*\*|__|`")
_LEAD = re.compile(r"^\s*(?:[-*•○]|\d+[.)])\s+")
_SPACES = re.compile(r"\s+")


def plain(text: str) -> str:
    """Markdown marks and bullet markers off, spacing collapsed: the summary is plain sentences."""
    return _SPACES.sub(" ", _LEAD.sub("", _MARKS.sub("", text))).strip()


def sentence(text: str) -> str:
    text = plain(text).rstrip(" ,;:")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?)%":
        text += "."
    return text


def excerpt(text: str, start: int, end: int, limit: int = 140) -> str:
    """The words of ``text`` around [start, end), about ``limit`` characters, with … where it was cut."""
    text_start = max(0, start - max(0, limit - (end - start)) // 2)
    text_start = text.rfind(" ", 0, text_start) + 1 if text_start else 0
    piece = shorten(text[text_start:], limit)
    return ("…" if text_start else "") + plain(piece)


def shorten(text: str, limit: int = 160) -> str:
    text = plain(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def refs_of(refs: Iterable[Ref], limit: int = 3) -> list:
    out: list = []
    for ref in refs:
        ref = list(ref)
        if ref not in out:
            out.append(ref)
    return out[:limit]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


# -- the definition ------------------------------------------------------------------------------------------

_VERB = re.compile(
    r"\b(is|are|was|provides?|lets?|allows?|enables?|helps?|offers?|stores?|runs?|acts?|means?|"
    r"gives?|makes?|manages?|delivers?|monitors?|records?|controls?|collects?|moves?|routes?|"
    r"distributes?|creates?)\b",
    re.I,
)


def reads_as_definition(statement: Statement | None, names: tuple[str, ...], readable: Callable[[str], bool]) -> bool:
    """A sentence that says what the thing is: no lead-in ending in ':', no question, no name spelled out alone."""
    if statement is None:
        return False
    text = plain(statement.text)
    if len(_words(text)) < 8 or text.endswith((":", "?")) or not readable(text):
        return False
    body = text.split(":", 1)[1] if ":" in text[:80] else text
    named = {w for n in names for w in _words(n)}
    content = [w for w in _words(body) if w not in named and w not in {"a", "an", "the", "and", "of", "aws", "amazon"}]
    if len(content) < 5:  # "IAM: Identity and Access Management, Global service" only spells out the name
        return False
    return bool(_VERB.search(body)) or ":" in text[:80]


def names_the_topic(statement: Statement, names: tuple[str, ...], strict: bool) -> bool:
    """The statement is about the topic: "Name: definition" (strict), or it names the topic anywhere."""
    text = " " + " ".join(_words(plain(statement.text))) + " "
    term = " " + " ".join(_words(plain(statement.text).split(":", 1)[0])) + " " if ":" in statement.text[:90] else ""
    wanted = [" " + " ".join(_words(n)) + " " for n in names if _words(n)]
    if strict:
        return bool(term) and any(w in term for w in wanted)
    return any(w in text for w in wanted)


_GLOSSARY = re.compile(r"^([^:]{2,80}?):\s+(A|An|The)\s+(?=\w)")


def as_sentence(text: str) -> str:
    """ "Amazon RDS (Relational Database Service): A managed service…" reads as "Amazon RDS (…) is a managed
    service…": the lead is a sentence, not a glossary entry."""
    return _GLOSSARY.sub(lambda m: f"{m.group(1)} is {m.group(2).lower()} ", text, count=1)


def choose_definition(notes: TopicNotes) -> Statement | None:
    """The notes' definition when it reads as one and names the topic; where AWS's reference exists, only a
    "Name: definition" of ten words or more beats it (not a story, a lead-in or a sentence about something else)."""
    names = (notes.name, *notes.names)
    if notes.reference is not None and notes.slug in load_reference().preferred:
        return notes.reference  # the notes' own definition is wrong or off the point (summary.toml says so)
    candidate = notes.definition
    if candidate is not None and not names_the_topic(candidate, names, strict=notes.reference is not None):
        candidate = None
    if candidate is not None and notes.reference is not None:
        body = plain(candidate.text).split(":", 1)[-1]
        if len(_words(body)) < 10:
            candidate = None
    if reads_as_definition(candidate, names, notes.readable):
        text = as_sentence(notes.respell(sentence(candidate.text)))
        return Statement(shorten(text, 420), refs_of(candidate.refs))
    if notes.reference:
        return notes.reference
    for line in notes.lines:  # a thin topic: its first readable line says what the notes know
        if line.correction is None and len(_words(line.text)) >= 4 and notes.readable(line.text):
            return Statement(notes.respell(shorten(sentence(line.text), 300)), refs_of(line.refs))
    return None


# -- key facts -----------------------------------------------------------------------------------------------


def _fact_text(fact: NoteFact) -> str:
    data = fact.data
    if fact.kind == "number":
        return data.get("statement") or ""
    if fact.kind == "list":
        members = [plain(m) for m in data.get("members", [])]
        return f"{plain(data.get('label', fact.subject))}: {', '.join(members)}" if members else ""
    if fact.kind == "definition":
        return f"{plain(data.get('term', fact.subject))}: {plain(data.get('definition', ''))}"
    return ""


_NOT_A_POINT = re.compile(r"^(?:from|to|example|examples|e\.?g|eg|note|step \d+|hint|tip|ex)\b", re.I)


def key_fact(fact: NoteFact, text: str) -> bool:
    """A point worth a line: not an example, a step of a walk-through or a slide cut off mid-sentence."""
    label = plain(text).split(":", 1)[0] if ":" in text[:60] else plain(text)
    if _NOT_A_POINT.match(label) or re.search(r"\bexamples?\b", fact.section, re.I):
        return False
    text = plain(text)
    return not text.rstrip(".").endswith(("…", "...")) and not text.startswith(("…", "..."))


def _about_topic_itself(fact: NoteFact, names: tuple[str, ...]) -> bool:
    subject = " ".join(_words(fact.subject))
    return subject in {" ".join(_words(n)) for n in names}


# A key fact is one clean claim. These read as something else: an exception or negation tangle ("many languages
# except (arbitrary) Docker"), a slide's exclamation, arithmetic written as prose ("the time run x by the RAM"), a
# pronoun with nothing before it ("It can only work till 15 minutes"), or an instruction, that is an example step
# rather than a rule ("Move older versions to Glacier after 30 days").
_TANGLE = re.compile(
    r"\b(?:except|unless|apart from|other than|however|but not|not only|obviously)\b|[!?]|\s[x×]\s", re.I
)
_DANGLING_PRONOUN = re.compile(r"^(?:it|this|that|they|these|those|its|their|here|there)\b", re.I)
_IMPERATIVE = re.compile(
    r"^(?:permanently\s+|then\s+|just\s+)?(?:move|delete|add|create|click|go|select|choose|"
    r"update|attach|open|run|set|enable|disable|configure|launch|install|navigate|upload|"
    r"download|write|type|copy|start|stop|make|use|keep|check|define|specify|allow|deny|"
    r"assign|pick|log|sign|login|store|transfer|apply|turn|put|pay|remove|scale|restart|"
    r"reboot)\b",
    re.I,
)
_THEN_DO = re.compile(r"\bthen\s+(?:add|remove|move|delete|launch|terminate|stop|start|send|scale|create)\b", re.I)
_ANY_VERB = re.compile(
    _VERB.pattern + r"|\b(?:can|could|will|would|may|must|should|has|have|had|does|do|be|been|"
    r"were|supports?|uses?|requires?|scales?|includes?|contains?|handles?|ensures?|"
    r"replicates?|costs?|charges?|bills?|gives?|keeps?|grows?|reads?|writes?|sends?)\b",
    re.I,
)
_LABEL = re.compile(r"^([^:–—]{1,60}?)\s*(?::|\s[–—-]\s)\s*")


_SMALL = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "with", "vs", "&"}
_MARKETING = re.compile(r"^[^:–—]{3,60}\s[–—]\s")  # "S3 Durability and Availability – If you store…": a slide


def heading_fragment(text: str) -> bool:
    """A pasted heading, not a claim: "Workflow of X: a, b, c", a slide title with a dash ("S3 Durability and
    Availability – …"), or a Title Case label of two words or more ("Reserved Instances (RIs): Offers…",
    "Built-in Security and Compliance: The service…")."""
    text = plain(text)
    if _MARKETING.match(text):
        return True
    if ":" not in text[:70]:
        return False
    label = re.sub(r"\([^)]*\)", "", text.split(":", 1)[0]).strip()
    if re.match(r"^(?:workflow|steps?|process|overview|features?|benefits?|key features|components)\b", label, re.I):
        return True
    words = [w for w in re.split(r"\s+", label) if w and w.lower() not in _SMALL]
    return len(words) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _body(text: str) -> str:
    """What a "Label: claim" line claims, without its label."""
    found = _LABEL.match(text)
    return text[found.end() :] if found else text


def clean_claim(text: str, kind: str = "definition") -> bool:
    """The line states one claim in plain grammar (see _TANGLE and friends); a bare run of short noun phrases
    ("Network card: Speed of the card, Public IP address") is a fragment, unless it is a list by kind."""
    text = plain(text)
    body = _body(text)
    if _TANGLE.search(text) or _DANGLING_PRONOUN.match(body) or _IMPERATIVE.match(body) or _THEN_DO.search(body):
        return False
    parts = [p for p in re.split(r"[,;]", body) if p.strip()]
    if kind != "list" and len(parts) >= 3 and all(len(_words(p)) <= 4 for p in parts):
        return False  # "Highly available, scalable, expensive (3x gp2), pay per use": a run of labels
    if kind != "list" and not _ANY_VERB.search(body):
        if len(parts) >= 2 and all(len(_words(p)) <= 4 for p in parts):
            return False
        if not re.search(r"\d", body) and len(_words(body)) < 6:
            return False
    return True


def _subject_key(subject: str, names: tuple[str, ...]) -> str:
    """ "ECS container instance" and "Container Instance (CI)" on the ECS page are one term."""
    own = {w for n in names for w in _words(n)} | {"amazon", "aws", "the", "a", "an"}
    return " ".join(w.rstrip("s") for w in _words(re.sub(r"\([^)]*\)", "", subject)) if w not in own)


def _names_another_topic(term: str, notes: TopicNotes) -> bool:
    """ "Elastic Block Store (EBS)" on the EC2 page: the name, or its short form in brackets, is another page."""
    term = plain(term)
    inner = re.findall(r"\(([^)]*)\)", term)
    outer = re.sub(r"\([^)]*\)", "", term).strip(" -–:")
    return any(notes.other_topic(t) for t in (term, outer, *inner) if t.strip())


def choose_facts(notes: TopicNotes, table_siblings: tuple[Sibling, ...]) -> list[Statement]:
    """Figures first, then one list and the definitions of the topic's parts; each line said once.

    Where summary.toml gives the topic's essentials (what the exam asks, checked against AWS), they come first and
    the notes add only figures they state cleanly; nothing a reference entry marks as outdated is shown.
    """
    names = (notes.name, *notes.names)
    aliases = {" ".join(_words(n)) for n in notes.names} - {" ".join(_words(notes.name))}
    reference = load_reference()
    essentials = list(reference.essentials.get(notes.slug, ()))
    outdated = [p for topics, p in reference.outdated if notes.slug in topics]
    picked: list[tuple[tuple, Statement]] = []
    seen_words: list[set[str]] = [set(_words(e.text)) for e in essentials]
    seen_numbers: set[str] = {n for e in essentials for n in _figures(e.text)}
    seen_quantities: set[str] = {q for e in essentials for q in _quantities(e.text)}
    seen_subjects: set[str] = set()
    order = {"number": 0, "list": 1, "definition": 2}
    # A term the notes define twice in different words (a "container instance" that is "part of an EC2 instance"
    # and "EC2 instances or Fargate"): the notes disagree with themselves, so neither is a key fact.
    defined: dict[str, list[set[str]]] = {}
    for fact in notes.facts:
        if fact.kind == "definition":
            defined.setdefault(_subject_key(fact.data.get("term", fact.subject), names), []).append(
                set(_words(fact.data.get("definition", "")))
            )
    disputed = {
        key
        for key, bodies in defined.items()
        if key and any(len(a & b) < 0.6 * min(len(a), len(b)) for i, a in enumerate(bodies) for b in bodies[i + 1 :])
    }
    lists = 0
    for position, fact in enumerate(notes.facts):
        if fact.kind not in order or not fact.refs:
            continue
        if essentials and (fact.kind != "number" or notes.slug in reference.no_figures):
            continue  # the essentials say what the topic is made of; the notes add their figures (not a retired one's)
        text = _fact_text(fact)
        if not text or not (25 <= len(plain(text)) <= 230) or not notes.readable(text):
            continue
        if fact.kind == "definition" and _about_topic_itself(fact, names):
            continue  # that is the "what it is" line
        text = _NAME_LEAD(names).sub("", plain(text)) or text  # "Amazon S3 – Objects – ..." on the S3 page
        if not key_fact(fact, text) or not clean_claim(text, fact.kind) or heading_fragment(text):
            continue
        if any(p.search(plain(text)) for p in outdated):
            continue  # AWS changed it since the notes were written; the essentials give today's figure
        if fact.kind == "definition" and (
            _names_another_topic(fact.data.get("term", ""), notes)
            or _subject_key(fact.data.get("term", fact.subject), names) in disputed
        ):
            continue
        if fact.kind == "number" and _names_another_topic(fact.subject, notes):
            continue  # "Amazon S3 – 11 nines" is the S3 page's figure
        if fact.kind == "list":
            members = fact.data.get("members", [])
            if not 2 <= len(members) <= 9 or lists:
                continue
            lists += 1
        if table_siblings and fact.kind == "list":
            members = fact.data.get("members", [])
            if sum(any(s.about(m) for s in table_siblings) for m in members) * 2 >= len(members):
                continue  # a list of the siblings: the table's rows say it
        subject = " ".join(w.rstrip("s") for w in _words(re.sub(r"\([^)]*\)", "", fact.subject)))
        if fact.kind == "definition" and subject in seen_subjects:
            continue  # "Reserved Instances (RI)" and "Reserved Instances (RIs)": one point
        seen_subjects.add(subject)
        if table_siblings and (
            any(s.about(fact.subject) for s in table_siblings)
            or (fact.kind == "number" and any(f" {a} " in f" {' '.join(_words(fact.subject))} " for a in aliases))
        ):
            continue  # the table says it, row by row (and "S3 Glacier" is a sibling the table splits in two)
        figures = _figures(text)
        if _quantities(text) & seen_quantities:
            continue  # the essentials state that figure ("5 GB" per PUT)
        if fact.kind == "number":
            number = fact.data.get("number", "")
            if number in seen_numbers or (figures and figures <= seen_numbers):
                continue  # "11 nines" once, however many files say it
            seen_numbers.add(number)
            seen_numbers |= figures
        words = set(_words(text))
        if any(len(words & w) >= 0.8 * min(len(words), len(w)) for w in seen_words):
            continue  # the same point from another file
        seen_words.append(words)
        files = len({r[0] for r in fact.refs})
        hurried = all(r[0] in notes.hurried for r in fact.refs)  # only a file typed in a hurry says it
        if essentials and (hurried or not _ANY_VERB.search(_body(plain(text)))):
            continue  # beside checked essentials, only a figure stated in a sentence
        picked.append(
            (
                (hurried, order[fact.kind], -files, position),
                fact.section,
                Statement(notes.respell(shorten(sentence(text), 240)), refs_of(fact.refs)),
            )
        )
    picked.sort(key=lambda p: p[0])
    chosen, per_section = [], Counter()
    for _, section, statement in picked:
        if not section or per_section[section] < 2:  # a spread of points, not six rows of one example table
            per_section[section] += 1
            chosen.append(statement)
    if essentials:
        return essentials + chosen[: max(0, min(MAX_NOTE_FIGURES, MAX_WITH_ESSENTIALS - len(essentials)))]
    return chosen[:MAX_FACTS]


_QUANTITY = re.compile(r"(\d[\d,.]*)\s*(%|tib|tb|gib|gb|mib|mb|kb|ms|minutes?|hours?|days?|years?|nines?)\b", re.I)


def _quantities(text: str) -> set[str]:
    """ "5 GB", "5GB" and "5 gb" are one quantity."""
    return {f"{n.replace(',', '')}{u.lower().rstrip('s')}" for n, u in _QUANTITY.findall(text)}


def _figures(text: str) -> set[str]:
    """The numbers a line states ("99.999999999%", "5 TB"), digits only, to say each figure once."""
    found = {re.sub(r"[^\d.]", "", n).strip(".") for n in re.findall(r"\d[\d,.]*", text)}
    return {n for n in found if len(n.replace(".", "")) >= 2}  # "3 AZs" is too common a number to say it once


@functools.lru_cache(maxsize=256)
def _NAME_LEAD(names: tuple[str, ...]) -> re.Pattern:  # noqa: N802 - a cached compiled pattern
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    return re.compile(rf"^(?:(?:amazon|aws)\s+)?(?:{alternatives})\s+[–—-]\s+(?:[\w ]{{1,25}}\s+[–—-]\s+)?", re.I)


# -- the comparison table ------------------------------------------------------------------------------------


def _sibling_of(line: NoteLine, siblings: tuple[Sibling, ...]) -> Sibling | None:
    """The sibling a line is about: named in its parent bullet, else its section's title, else the line itself.

    The label wins over the line: "Lower cost than S3 Standard" under "S3 Standard-IA" is about Standard-IA.
    """
    for text in (line.context, line.section, line.text):
        found = [s for s in siblings if s.about(text)]
        if len(found) == 1:
            return found[0]
        if found:
            return None  # a line comparing two siblings belongs to neither row
    return None


_META_LABEL = re.compile(r"^(?:use cases?|description|best for|ideal for|purpose)\s*:\s*", re.I)
_DANGLING = (" where", " when", " that", " as", " such as", " like", " e.g", " including", " and", " or")


def _use_from_facts(notes: TopicNotes, sibling: Sibling, kinds: tuple[str, ...]) -> Statement | None:
    """The clearest use (or definition) the notes give for a sibling."""
    best = None
    for fact in notes.facts:
        if fact.kind not in kinds:
            continue
        if not sibling.about(" ".join((fact.subject, fact.data.get("option", ""), fact.data.get("term", "")))):
            continue
        text = _META_LABEL.sub("", plain(fact.data.get("use_case" if fact.kind == "use_case" else "definition", "")))
        if not 12 <= len(text) <= 130 or not notes.readable(text) or text.rstrip(".").endswith(_DANGLING):
            continue
        score = (len({r[0] for r in fact.refs}), -abs(len(text) - 60))
        if best is None or score > best[0]:
            best = (score, Statement(notes.respell(sentence(text)), refs_of(fact.refs, 2)))
    return best[1] if best else None


def _use_from_lines(notes: TopicNotes, sibling: Sibling, lines: list[NoteLine], spec: TableSpec) -> Statement | None:
    """A sibling no fact describes: the first readable line under it that is neither its name nor a figure."""
    for line in lines:
        text = plain(line.text)
        if (
            line.correction is None
            and len(_words(text)) >= 5
            and len(text) <= 130
            and notes.readable(text)
            and not sibling.about(text)
            and not any(p.search(text) for p in spec.notes.values())
        ):
            return Statement(notes.respell(sentence(text)), refs_of(line.refs, 1))
    return None


def build_table(notes: TopicNotes) -> Table | None:
    spec = notes.table
    if spec is None:
        return None
    about: dict[str, list[NoteLine]] = {}
    for line in notes.lines:
        sibling = _sibling_of(line, spec.siblings)
        if sibling:
            about.setdefault(sibling.id, []).append(line)
    rows = []
    for sibling in spec.siblings:
        lines = about.get(sibling.id)
        if not lines or sibling.id not in spec.values:
            continue  # a row per sibling the notes cover
        values = iter(spec.values[sibling.id])
        cells = []
        for column in spec.columns:
            if column == TYPICAL_USE:
                # The notes' stated use, else the reference's, else what the notes define it as.
                cell = _use_from_facts(notes, sibling, ("use_case",))
                if cell is None and sibling.id in spec.use:
                    cell = Statement(spec.use[sibling.id], [], spec.url)
                cell = cell or _use_from_facts(notes, sibling, ("definition",))
                cell = cell or _use_from_lines(notes, sibling, lines, spec)
                cells.append(cell or Statement("—"))  # nothing to say, so nothing to source
                continue
            value = next(values, "—")
            pattern = spec.notes.get(column)
            # The figure is the reference's (the corrected fact); the note lines that speak of it are its sources.
            said = [
                r
                for line in lines
                if line.correction is None and pattern and pattern.search(line.text)
                for r in line.refs
            ]
            cells.append(Statement(value, refs_of(said, 2), "" if said else spec.url))
        rows.append(Row(name=sibling.name, cells=cells))
    if len(rows) < 2:
        return None
    return Table(caption=spec.caption, columns=list(spec.columns), rows=rows, url=spec.url)


# -- exam traps ----------------------------------------------------------------------------------------------


def _mentions(text: str, names: Iterable[str]) -> bool:
    """``text`` names one of ``names`` ("Amazon S3" is found as "S3"), as whole words."""
    words = " " + " ".join(_words(text)) + " "
    for name in names:
        key = " ".join(w for w in _words(name) if w not in {"amazon", "aws"})
        if key and f" {key} " in words:
            return True
    return False


def choose_traps(notes: TopicNotes, siblings: tuple[Sibling, ...] = ()) -> tuple[list[Trap], int]:
    """The corrections of the notes' wrong lines about this topic (or one of its siblings); a correction about
    another service (the default VPC on the Lambda page) stays beside its line in the notes below."""
    traps: list[Trap] = []
    seen: set[str] = set()
    names = (notes.name, *notes.names)
    others = [link.name for link in notes.related]
    for line in notes.lines:
        if line.correction is None or line.correction in seen:
            continue
        about = f"{line.correction} {line.text}"
        if _mentions(about, others) and not _mentions(about, names) and not any(s.about(about) for s in siblings):
            continue
        seen.add(line.correction)
        correction = re.sub(r"\s*\((?:H|M|M-H|M–H)\)\s*$", "", line.correction)  # the errata's confidence mark
        # The notes' words as written: the correction may be about their spelling ("Amazon C2").
        traps.append(
            Trap(correction=correction, wrong=line.excerpt or shorten(line.text, 140), refs=refs_of(line.refs, 2))
        )
    return traps[:MAX_TRAPS], max(0, len(traps) - MAX_TRAPS)


# -- the whole summary ---------------------------------------------------------------------------------------


def summarise(notes: TopicNotes) -> Summary:
    table = build_table(notes)
    siblings = notes.table.siblings if table and notes.table else ()
    traps, more = choose_traps(notes, siblings)
    confusion = None
    if (
        notes.confusion
        and (notes.confusion.slug or notes.confusion.url)
        and notes.confusion.family not in load_reference().no_confusion
    ):
        confusion = asdict(notes.confusion)
    summary = Summary(
        definition=choose_definition(notes),
        facts=choose_facts(notes, siblings),
        table=table,
        traps=traps,
        more_traps=more,
        confusion=confusion,
        related=[asdict(link) for link in notes.related[:8]],
    )
    return tighten(summary)


# -- one fact once, readable in two minutes -----------------------------------------------------------------

_STOPWORDS = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been it its this
that these those can you your not no only also into than then them they their there which who what when where how per
any all each one more most up out so if do does use used using aws amazon""".split()
)


def content_words(text: str) -> set[str]:
    """The words that carry a line's point: no small words, no plural s ("copies" and "copy" are one word)."""
    out = set()
    for w in _words(plain(text)):
        if w in _STOPWORDS or (len(w) < 3 and not w.isdigit()):
            continue
        out.add(w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w)
    return out


def repeats(text: str, said: Iterable[str], share: float = 0.45) -> bool:
    """``text`` says again what one of ``said`` says: most of the content words of the shorter line are shared,
    or it states a figure ("11 nines", "256 TiB") one of them already states."""
    words, quantities = content_words(text), _quantities(text)
    for other in said:
        theirs = content_words(other)
        shorter = min(len(words), len(theirs))
        if shorter >= 3 and len(words & theirs) >= share * shorter:
            return True
        if quantities & _quantities(other):
            return True
    return False


def word_count(summary: Summary) -> int:
    """The words a reader reads outside the table: the lead, the key facts, the traps (with the notes' words they
    correct) and the "often confused" line."""
    texts = [summary.definition.text if summary.definition else ""]
    texts += [f.text for f in summary.facts]
    texts += [f"{t.correction} {t.wrong}" for t in summary.traps]
    if summary.confusion:
        texts.append(" ".join([*summary.confusion["names"], summary.confusion["text"]]))
    return sum(len(t.split()) for t in texts)


def tighten(summary: Summary) -> Summary:
    """Each point said once, and the whole readable in two minutes (MAX_WORDS).

    A key fact from the notes that an earlier line (the lead, an essential) already states goes; so does a trap whose
    correction repeats the lead, a key fact or another trap. An "often confused" pair the table sets side by side is
    named, not explained again; one a key fact already compares is left out. Then, while too long, lines give way
    in the order ``steps`` below says.
    """
    said = [summary.definition.text] if summary.definition else []
    facts = []
    for fact in summary.facts:
        if fact.refs and repeats(fact.text, said):  # the notes' line; essentials (no refs) were checked against AWS
            continue
        facts.append(fact)
        said.append(fact.text)
    summary.facts = facts
    traps = []
    for trap in summary.traps:
        if repeats(trap.correction, said):
            summary.more_traps += 1
            continue
        traps.append(trap)
        said.append(trap.correction)
    summary.traps = traps
    if summary.confusion and summary.table:
        rows = {row.name for row in summary.table.rows}
        if all(name in rows for name in summary.confusion["names"]):
            summary.confusion = {**summary.confusion, "text": "Compare their rows in the table above."}
    if summary.confusion and repeats(summary.confusion["text"], said, share=0.6):
        summary.confusion = None  # a key fact already sets the two side by side ("Compare: AWS Lambda…")
    for trap in summary.traps:
        trap.wrong = shorten(trap.wrong, 100) if not trap.wrong.startswith("…") else "…" + shorten(trap.wrong[1:], 100)
    # What goes first when too long: the notes' own facts, traps beyond two, the confused pair's explanation, the
    # second trap, essentials beyond four (what the exam asks outweighs a second correction), essentials beyond three.
    steps = [
        (lambda: [i for i, f in enumerate(summary.facts) if f.refs], "fact"),
        (lambda: summary.traps[2:], "trap"),
        (lambda: summary.confusion and summary.confusion["text"], "confusion"),
        (lambda: summary.traps[1:], "trap"),
        (lambda: summary.facts[4:], "essential"),
        (lambda: summary.facts[3:], "essential"),
    ]
    for left, what in steps:
        while word_count(summary) > MAX_WORDS and left():
            if what == "fact":
                del summary.facts[left()[-1]]
            elif what == "trap":
                summary.traps.pop()
                summary.more_traps += 1
            elif what == "confusion":
                summary.confusion = {**summary.confusion, "text": ""}
            else:
                summary.facts.pop()
    return summary


# -- reference data (content/summary.toml) -------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    definitions: dict[str, Statement]
    tables: dict[str, dict]
    preferred: frozenset[str] = frozenset()  # topics whose reference definition wins over the notes'
    essentials: dict[str, tuple[Statement, ...]] = field(default_factory=dict)
    outdated: tuple[tuple[frozenset[str], re.Pattern], ...] = ()
    no_confusion: frozenset[str] = frozenset()  # scenario families whose near misses are no "often confused"
    no_figures: frozenset[str] = frozenset()  # topics whose essentials stand alone (the notes' figures are off it)


@functools.cache
def load_reference() -> Reference:
    with SUMMARY_DATA.open("rb") as fh:
        data = tomllib.load(fh)
    definitions = {}
    for slug, entry in data.get("definition", {}).items():
        if not entry.get("text") or not entry.get("url", "").startswith("https://"):
            raise ValueError(f"summary.toml: definition {slug!r} needs text and an https url")
        definitions[slug] = Statement(entry["text"], [], entry["url"])
    preferred = frozenset(slug for slug, entry in data.get("definition", {}).items() if entry.get("prefer"))
    essentials = {}
    for slug, entry in data.get("essentials", {}).items():
        facts = []
        for item in entry.get("facts", []):
            text, url = (item, entry.get("url", "")) if isinstance(item, str) else (item.get("text"), item.get("url"))
            if not text or not (url or "").startswith("https://"):
                raise ValueError(f"summary.toml: essentials {slug!r} need text and an https url for each fact")
            facts.append(Statement(text, [], url))
        essentials[slug] = tuple(facts)
    outdated = []
    for entry in data.get("outdated", []):
        if not entry.get("topics") or not entry.get("pattern") or not entry.get("now"):
            raise ValueError("summary.toml: an outdated entry needs topics, a pattern and what is true now")
        outdated.append((frozenset(entry["topics"]), re.compile(entry["pattern"], re.I)))
    tables = {}
    for family, entry in data.get("table", {}).items():
        columns = entry.get("columns") or []
        width = len([c for c in columns if c != TYPICAL_USE])
        for option, values in entry.get("values", {}).items():
            if len(values) != width:
                raise ValueError(f"summary.toml: table {family!r} option {option!r} needs {width} values")
        if not entry.get("url", "").startswith("https://") or not entry.get("caption"):
            raise ValueError(f"summary.toml: table {family!r} needs a caption and an https url")
        tables[family] = entry
    no_confusion = frozenset(data.get("confusion", {}).get("skip_families", []))
    no_figures = frozenset(slug for slug, entry in data.get("essentials", {}).items() if entry.get("figures") is False)
    return Reference(definitions, tables, preferred, essentials, tuple(outdated), no_confusion, no_figures)


def table_spec(family, entry: dict) -> TableSpec:
    """A TableSpec from a scenario family (quizzes.families.Family) and its summary.toml entry."""
    siblings = tuple(
        Sibling(id=o.id, name=o.name, evidence=o.evidence, fact=o.fact, topic=o.topic) for o in family.options.values()
    )
    return TableSpec(
        family=family.id,
        caption=entry["caption"],
        url=entry["url"],
        columns=tuple(entry["columns"]),
        siblings=siblings,
        values={k: tuple(v) for k, v in entry.get("values", {}).items()},
        use=dict(entry.get("use", {})),
        notes={column: re.compile(regex, re.I) for column, regex in entry.get("notes", {}).items()},
    )


def confusion_for(
    slug: str, families: Iterable, has_page: Callable[[str], bool], names: dict[str, str], urls: dict[str, str]
) -> Confusion | None:
    """The option most often a near miss for this topic in the scenario families (requirements' why_not).

    For a family's own topic (the storage classes) it is the pair of its options most often set against each
    other; for a topic that is one option of a family (S3 among storage services), the option most often set
    against it.
    """
    pairs: Counter = Counter()
    facts: dict[tuple[str, str], str] = {}
    for family in families:
        own = family.topic == slug
        mine = {o.id for o in family.options.values() if o.topic == slug}
        for requirement in family.requirements:
            for right in requirement.meets:
                if not own and right not in mine:
                    continue
                for wrong in requirement.why_not:
                    if wrong in mine or wrong == right:
                        continue
                    key = (family.id, *sorted((right, wrong))) if own else (family.id, wrong)
                    pairs[key] += 1
        for option in family.options.values():
            facts[(family.id, option.id)] = option.fact
    families = {f.id: f for f in families}
    for key, _ in pairs.most_common():
        family = families[key[0]]
        options = [family.options[o] for o in key[1:]]
        if len(options) == 2:
            text = " ".join(o.fact for o in options)
            url = urls.get(family.id, "")
            if url:
                return Confusion(names=tuple(o.name for o in options), text=text, url=url, family=family.id)
            continue
        other = options[0]
        if other.topic and other.topic != slug and has_page(other.topic):
            return Confusion(
                names=(names.get(other.topic, other.name),), text=other.fact, slug=other.topic, family=family.id
            )
    return None


# -- service names as the catalog spells them ----------------------------------------------------------------


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _plural(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long in {short + "s", short + "es"} or (short.endswith("y") and long == short[:-1] + "ies")


class Spelling:
    """Misspelled service names in note text, shown with the catalog's spelling ("AMAZON DYNAMIC DB" -> Amazon
    DynamoDB, "RED SHIFT" -> Amazon Redshift).

    A catalog alias is a misspelling when it is not one of the topic's names but reads almost like one
    (difflib ratio >= 0.8 without spaces and case); it is replaced by the name it resembles most.
    """

    def __init__(self, topics: Iterable[tuple[str, tuple[str, ...], tuple[str, ...]]]):
        """topics: (slug, own names: name, full name, short), aliases)."""
        self.fixes: dict[str, str] = {}
        for _slug, own, aliases in topics:
            for alias in aliases:
                fix = self._closest(alias, own)
                if fix:
                    self.fixes[alias.lower()] = fix
        alternatives = sorted(self.fixes, key=len, reverse=True)
        parts = [r"[\s_-]*".join(re.escape(w) for w in re.findall(r"[a-z0-9]+", a)) for a in alternatives]
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w-])", re.I) if parts else None
        self._by_compact = {_compact(a): fix for a, fix in self.fixes.items()}
        # The wrong maker's prefix ("AWS Inspector", "AWS EC2 Image Builder"): the catalog's name, matched in its own
        # letter case only (a command line's "aws s3 ls" is no service name).
        own_names = {n for _slug, own, _aliases in topics for n in own}
        self.prefixed: dict[str, str] = {}
        for name in [own[0] for _slug, own, _aliases in topics if own]:
            bare = re.sub(r"^(?:Amazon|AWS)\s+", "", name)
            if not bare[:1].isupper() or len(bare) < 2:
                continue
            for prefix in ("AWS", "Amazon"):
                wrong = f"{prefix} {bare}"
                if wrong != name and wrong not in own_names:
                    self.prefixed[wrong] = name
        alternatives = "|".join(re.escape(w) for w in sorted(self.prefixed, key=len, reverse=True))
        self.prefix_pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])") if self.prefixed else None

    @staticmethod
    def _closest(alias: str, own: tuple[str, ...]) -> str | None:
        compact, words = _compact(alias), re.findall(r"[a-z0-9]+", alias.lower())
        if len(compact) < 4:
            return None
        forms = [f for n in own for f in dict.fromkeys((n, re.sub(r"^(amazon|aws)\s+", "", n, flags=re.I)))]
        best, score = None, 0.0
        for form in forms:
            target, target_words = _compact(form), re.findall(r"[a-z0-9]+", form.lower())
            if words == target_words:
                return None  # the same name in other letter case: not a misspelling
            if compact == target:
                return form  # the right letters, the wrong spacing: "RED SHIFT", "elastic bean stalk"
            if compact in target or target in compact or _plural(compact, target):
                continue  # a shorter or plural form of the name, not a misspelling of it
            ratio = difflib.SequenceMatcher(None, compact, target).ratio()
            if ratio > score and compact[:1] == target[:1]:
                best, score = form, ratio
        return best if score >= 0.85 else None

    def __call__(self, text: str) -> str:
        if self.pattern:
            text = self.pattern.sub(lambda m: self._by_compact.get(_compact(m.group(0)), m.group(0)), text)
        if self.prefix_pattern:
            text = self.prefix_pattern.sub(lambda m: self.prefixed[m.group(0)], text)
        return text


def as_text(sheet: dict, name: str, discontinued: str = "") -> str:
    """A stored summary as plain text, in the order the page shows it (for reading it without the page), after the
    page's banner for a service AWS has ended (the catalog's ``discontinued``)."""
    out = [name, ""]
    if discontinued:
        out += [f"Discontinued. {discontinued}", ""]
    definition = sheet.get("definition")
    if definition:
        out += [definition["text"], ""]
    if sheet.get("facts"):
        out.append("Key facts")
        out += [f"- {fact['text']}" for fact in sheet["facts"]]
        out.append("")
    table = sheet.get("table")
    if table:
        out.append(table["caption"])
        out.append(" | ".join(["", *table["columns"]]).strip())
        for row in table["rows"]:
            out.append(" | ".join([row["name"], *(cell["text"] for cell in row["cells"])]))
        out.append("")
    traps = sheet.get("traps") or []
    confusion = sheet.get("confusion")
    if traps or confusion:
        out.append("Exam traps")
        out += [f'- {trap["correction"]} (your notes: "{trap["wrong"]}")' for trap in traps]
        # The page links "N more corrections" to its notes; this text has no notes below, so it says nothing of them.
        if confusion:
            out.append(f"- Often confused: {' vs '.join(confusion['names'])}. {confusion['text']}".rstrip())
        out.append("")
    if sheet.get("related"):
        out.append("Related: " + ", ".join(link["name"] for link in sheet["related"]))
    return "\n".join(out).strip() + "\n"
