"""Wrong statements caught by comparing what a line asserts with a table of reference facts per subject.

content/reference_facts.toml holds the table. `content/ingest/claims.py` (claims.toml) flags known mistakes
phrase by phrase; this module flags a line that asserts a value for an attribute of a subject that the table
contradicts, whatever its wording, so one reference fact ("IAM is global") catches "IAM is region-scoped",
"IAM -> per-region" and "create your IAM users in each Region". `claims.find_claim` asks the claims first
and this table second; a finding looks like a claim (id, topic, correction, source, `pattern.search`).

What a line asserts is read per sentence of its normalised text (claims.normalise: number words as digits,
units in one spelling):

- subjects: the names of [subject.*] (the longest name wins: "Shield Advanced" before "Shield"); a name
  right after "unlike", "than", "not", "vs" ... is the thing compared with, not the subject;
- values of a dimension (scope: global / regional / az; state: stateful / stateless; storage: object /
  block / file; purpose: api-calls, metrics, ...; price: free / paid; who: aws / customer ...), each a cue
  regex of [dimension.*], negated when a negation stands just before it in its clause;
- numbers with a unit (time, size, percent, nines, money, plain count), ranges ("3-5 hours") included.

A value or number belongs to the subject named nearest before it in the sentence (else the nearest after
it; else, when the line names no service at all, the subject(s) of the page's topic). It contradicts the
table when the subject has a fact in that dimension and the value is not one of the fact's values (or a
true value is negated), or when a number next to a fact's cue falls outside the fact's true range.

A true value said too excuses a line, unless the look-alike the wrong value belongs to shares it ("Cost
Explorer emails an alert when forecast spend passes the budget": Budgets forecasts too). What a service is
for, and its capabilities ([dimension.can], read only when denied), are wrong when denied as a capability
("Budgets can't alert on forecasts", "S3 cannot host a static website"). A name that labels a line
("DynamoDB: relational") owns each clause that names nothing else.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from content.ingest.claims import Span, _compile, _normalised, _sentences

FACTS_PATH = Path(__file__).resolve().parents[1] / "reference_facts.toml"

# Units a number may carry, to a canonical unit per kind (seconds, bytes, %, nines, $, plain count).
_UNIT_SCALE = {
    "ms": ("time", 0.001), "milliseconds": ("time", 0.001), "millisecond": ("time", 0.001),
    "seconds": ("time", 1), "min": ("time", 60), "hours": ("time", 3600), "days": ("time", 86400),
    "weeks": ("time", 604800), "week": ("time", 604800), "months": ("time", 2628000),
    "month": ("time", 2628000), "years": ("time", 31536000), "year": ("time", 31536000),
    "kb": ("size", 1e3), "mb": ("size", 1e6), "gb": ("size", 1e9), "tb": ("size", 1e12), "pb": ("size", 1e15),
    "%": ("percent", 1), "nines": ("nines", 1),
}  # fmt: skip
_UNIT_RX = r"ms|milliseconds?|seconds|min|hours|days|weeks?|months?|years?|kb|mb|gb|tb|pb|%|nines"
_NUMBER = re.compile(
    r"(?<![\w.$/-])(?P<money>\$)?(?P<lo>\d+(?:\.\d+)?)"
    r"(?:\s*(?:-|to|or)\s*\$?(?P<hi>\d+(?:\.\d+)?))?"
    rf"(?:\s*-?\s*(?P<unit>{_UNIT_RX})\b|(?P<pct>%))?(?![\w.]*\d)"
)
_WORD_TIME = re.compile(r"\b(?:instant(?:ly|aneous(?:ly)?)?|immediately|milliseconds|right away|real[- ]time)\b")
_EVERY = re.compile(r"\b(?:every|once an?) (?P<unit>seconds|min|hours|days)\b")  # normalised units
_EVERY_SECONDS = {"seconds": 1, "min": 60, "hours": 3600, "days": 86400}
# "a few minutes", "several hours": an amount without a figure, read generously as 2 to 12 of the unit (so
# "several hours" is not wrong of a 12-hour restore) and "a couple of" as 2 to 3.
_VAGUE = re.compile(r"\b(?:a few|several|a couple of) (?P<unit>seconds|min|hours|days)\b")
_LIMIT = re.compile(
    r"\b(?:up to|upto|max(?:imum|imal)?|at most|as much as|as long as|tops? out|caps?|capped|limit(?:ed)?|"
    r"no more than|ceiling|as high as|longest|highest|up until|until)\b|<=?|\bmax(?:es|ed)? out\b"
)
# "30 seconds max" (a ceiling after its figure), not "30 seconds, max 12 hours" (the next figure's ceiling)
_LIMIT_AFTER = re.compile(r"\W*(?:at (?:the )?most|max(?:imum)?|tops?|or less)\b(?!\W{0,3}\d)")
_NEGATOR = re.compile(
    r"\b(?:not|no|never|without|cannot|neither|nor|non|isn't|aren't|doesn't|don't|can't|won't|unlike|instead of|"
    r"rather than|as opposed to)\b"
)
_CLAUSE = re.compile(r"[,;:()]|->|=>|\b(?:but|while|whereas|although|though|however|unlike|so|because|and)\b")
# A name right after one of these is what the subject is compared with ("unlike S3, EFS ...", "90% off On-Demand")
# or what the line says is not needed ("so no need to pay for WAF"): never the subject.
_CONTRAST = re.compile(
    r"(?:\bunlike|\bthan|\bno|\bwithout|\bvs\.?|\bversus|\bcompared (?:to|with)|\binstead of|\bnot|\bnor|\bexcept|"
    r"\bother than|\bapart from|\bbesides|\brather than|\blike|\bsuch as|\be\.?g\.?,?|\bincluding|%\s*off|"
    r"\b(?:no|don.t|do not|doesn.t|does not|never) need(?: to(?: \w+){1,2})?(?: for)?|"
    r"\bskip(?:ping)?|\bditch(?:ing)?)\s+"
    r"(?:the\s+|an?\s+|amazon\s+|aws\s+)?$"
)
# A name after one of these is what a thing is built on or read from: "block storage backed by S3", "monitors
# activity via CloudTrail", "API calls on API Gateway"
_SOURCE = re.compile(
    r"\b(?:backed by|stored (?:in|on)|kept (?:in|on)|built on|on top of|via|through|from|on)\s+"
    r"(?:the\s+|amazon\s+|aws\s+)?$"
)
# A name right after one of these is an object ("Lambda keeps state in DynamoDB", "GuardDuty: scans EC2 instances
# for ..."): the subject only when no other name comes before it.
_OBJECT = re.compile(
    r"(?:\bfrom|\bto|\bwith|\bvia|\bthrough|\bin|\binto|\bon|\bbehind|\bof|\bby|\bfor|\buses?|\busing|"
    r"\bbehind|\bat|\bscans?|\bscanning|\bprotects?|\bmonitors?|\binspects?|\banaly[sz]es|\bsecures?|\bencrypts?|"
    r"\bbacks? up)\s+(?:the\s+|an?\s+|your\s+|amazon\s+|aws\s+)?$"
)


@dataclass(frozen=True)
class Subject:
    id: str
    topic: str
    page: bool  # checked on its topic's page when a line names no service


@dataclass(frozen=True)
class Fact:
    id: str
    subject: str
    topic: str
    correction: str
    source: str
    dimension: str | None = None
    values: frozenset[str] = frozenset()
    cue: re.Pattern | None = None  # a number fact: what the number is about
    unit: str = ""
    ok: tuple[tuple[float, float], ...] = ()
    limit_ok: tuple[tuple[float, float], ...] = ()
    instant: bool = False  # "instantly", "milliseconds" are a time
    examples: tuple[str, ...] = ()

    @property
    def pattern(self) -> Fact:
        return self

    def search(self, text: str, topic: str | None = None) -> Span | None:
        """Where in `text` this fact is contradicted, else None (the claims' interface: quotes the words)."""
        found = _check(text, topic, only=self.id)
        return found[1] if found else None


@dataclass(eq=False)
class Table:
    subjects: dict[str, Subject]
    subject_parts: list[tuple[re.Pattern, tuple[str, ...] | None]]  # per subject: its regex, words it needs
    by_topic: dict[str, list[str]]  # topic -> its page subjects
    facts: list[Fact]
    dims: dict[str, dict[str, re.Pattern]]  # dimension -> value -> cue
    value_parts: dict[str, list[tuple[re.Pattern, tuple[str, ...] | None]]]  # dimension -> per value: cue, words
    by_subject_dim: dict[tuple[str, str], Fact]
    numbers_of: dict[str, list[Fact]]
    dims_of: dict[str, set[str]]  # subject -> dimensions it has facts in

    @functools.cached_property
    def value_of(self) -> dict[re.Pattern, str]:
        return {rx: value for dim, values in self.dims.items() for value, rx in values.items()}

    @functools.cached_property
    def holders(self) -> dict[tuple[str, str], set[str]]:
        """(dimension, value) -> the subjects it is true of."""
        out: dict[tuple[str, str], set[str]] = {}
        for (sid, dim), fact in self.by_subject_dim.items():
            for value in fact.values:
                out.setdefault((dim, value), set()).add(sid)
        return out

    def shared(self, dim: str, value: str, wrong: set[str]) -> bool:
        """Whether a true value said of a subject is also true of a service that the line's wrong values belong
        to: "Cost Explorer sets a budget and alerts when spend is forecast to exceed it" says Budgets' job, and
        forecasting (which Budgets does too) does not make it right."""
        return bool(wrong) and all(
            any(value in self.by_subject_dim[(o, dim)].values for o in self.holders.get((dim, w), ())) for w in wrong
        )

    @functools.cached_property
    def subject_of(self) -> dict[re.Pattern, str]:
        return {rx: sid for (rx, _keys), sid in zip(self.subject_parts, self.subjects, strict=True)}

    def subject_regex(self, norm: str) -> _Subjects | None:
        """The subjects whose names can occur in this line (looked up by the words their names need)."""
        wanted = set(self.needle_index[None])
        for needle in [k for k in self.needles if k in norm]:
            wanted.update(self.needle_index[needle])
        return _Subjects(self, tuple(sorted(wanted))) if wanted else None

    @functools.cached_property
    def needles(self) -> tuple[str, ...]:
        return tuple(k for k in self.needle_index if k)

    @functools.cached_property
    def needle_index(self) -> dict[str | None, list[int]]:
        """Word a name needs -> the subjects needing it (None: the subjects to look for in every line)."""
        index: dict[str | None, list[int]] = {None: []}
        for i, (_rx, keys) in enumerate(self.subject_parts):
            for key in keys or (None,):
                index.setdefault(key, []).append(i)
        return index


class _Subjects:
    """Finds the names of some subjects in a text: at one position the longest, then the first in file order."""

    def __init__(self, table: Table, wanted: tuple[int, ...]):
        self.parts = [(i, table.subject_parts[i][0]) for i in wanted]

    def finditer(self, text: str) -> list[re.Match]:
        hits = sorted(
            ((m.start(), -m.end(), i, m) for i, rx in self.parts for m in rx.finditer(text)), key=lambda h: h[:3]
        )  # at one position the longest name wins ("EC2 Instance Savings Plans" before "EC2"), then file order
        out, end = [], 0
        for start, _end, _i, m in hits:
            if start >= end:
                out.append(m)
                end = m.end()
        return out


_OPTIONAL_GROUP = re.compile(r"\((\?(?:[:=!]|<[=!]|P<\w+>))?([^()]*)\)([?*]|\{0,?\d*\})?")


def _needles(pattern: str) -> tuple[str, ...] | None:
    """A word each alternative of `pattern` needs (its longest literal run of letters or digits), or None when
    some alternative needs none: a line without any of them cannot match, so the regex is not run on it."""
    text = re.sub(r"\\.", "#", pattern)
    text = re.sub(r"\[[^\]]*\]", "#", text)
    while "(" in text:

        def flatten(m: re.Match) -> str:
            kind, body, optional = m.group(1) or "", m.group(2), m.group(3)
            if optional or "|" in body or kind not in ("", "?:"):
                return "#"
            return body

        new = _OPTIONAL_GROUP.sub(flatten, text)
        if new == text:
            return None
        text = new
    out = []
    for alternative in text.split("|"):
        alternative = re.sub(r".[?*]|.\{0,?\d*\}", "#", alternative)
        runs = re.findall(r"[a-z0-9]{2,}", alternative)
        if not runs:
            return None
        out.append(max(runs, key=lambda run: (run not in _COMMON_WORDS, len(run))))
    return tuple(dict.fromkeys(out))


# Words too common to look a name up by ("simple queue SERVICE"): another word of the name is used.
_COMMON_WORDS = frozenset(
    "aws amazon data service services storage cloud instance instances security standard network application "
    "user users support elastic management the system file simple".split()
)


def parse_table(data: dict, topics: set[str] | None = None) -> Table:
    """The reference facts from the TOML data, checked: topics in the catalog, patterns compile, a source each."""
    subjects = {}
    for sid, entry in data.get("subject", {}).items():
        what = f"subject {sid!r}"
        if not entry.get("names") or not entry.get("topic"):
            raise ValueError(f"{what}: needs names and topic")
        if topics is not None and entry["topic"] not in topics:
            raise ValueError(f"{what}: unknown topic {entry['topic']!r}")
        _compile(entry["names"], what)
        subjects[sid] = Subject(sid, entry["topic"], entry.get("page", True))
    subject_parts = [
        (
            re.compile(r"(?<![\w-])(?:(?:aws|amazon) )?(?:" + entry["names"] + r")(?![\w])", re.I),
            _needles(entry["names"]),
        )
        for entry in data.get("subject", {}).values()
    ]
    dims, value_parts, seen_cues = {}, {}, {}
    for dim, values in data.get("dimension", {}).items():
        for v, p in values.items():  # a value is told by its compiled cue, so two values need two patterns
            if p in seen_cues:
                raise ValueError(f"dimension {dim}.{v}: the same pattern as {seen_cues[p]} (wrap one in (?:...))")
            seen_cues[p] = f"{dim}.{v}"
        dims[dim] = {v: _compile(p, f"dimension {dim}.{v}") for v, p in values.items()}
        value_parts[dim] = [(dims[dim][v], _needles(p)) for v, p in values.items()]
    facts, seen = [], set()
    for n, entry in enumerate(data.get("fact", [])):
        what = f"fact #{n + 1} ({entry.get('id', '?')})"
        for key in ("id", "subject", "correction", "source"):
            if not entry.get(key):
                raise ValueError(f"{what}: missing {key!r}")
        if entry["id"] in seen:
            raise ValueError(f"{what}: duplicate fact id {entry['id']!r}")
        seen.add(entry["id"])
        if entry["subject"] not in subjects:
            raise ValueError(f"{what}: unknown subject {entry['subject']!r}")
        if not str(entry["source"]).startswith("https://"):
            raise ValueError(f"{what}: no https source")
        topic = entry.get("topic") or subjects[entry["subject"]].topic
        if topics is not None and topic not in topics:
            raise ValueError(f"{what}: unknown topic {topic!r}")
        common = {
            "id": entry["id"], "subject": entry["subject"], "topic": topic,
            "correction": entry["correction"].strip(), "source": entry["source"],
            "examples": tuple(entry.get("right_examples", ())),
        }  # fmt: skip
        if "dimension" in entry:
            dim = entry["dimension"]
            values = entry.get("is", [])
            values = [values] if isinstance(values, str) else values
            if dim not in dims or any(v not in dims[dim] for v in values):
                raise ValueError(f"{what}: unknown dimension or value {dim!r} {values!r}")
            facts.append(Fact(**common, dimension=dim, values=frozenset(values)))
        elif "cue" in entry:
            unit = entry.get("unit", "")
            if unit not in {"time", "size", "percent", "nines", "money", "count"}:
                raise ValueError(f"{what}: unknown unit {unit!r}")
            ok = tuple(tuple(float(x) for x in r) for r in entry.get("ok", []))
            if not ok or any(len(r) != 2 for r in ok):
                raise ValueError(f"{what}: `ok` must list [low, high] ranges")
            limit_ok = tuple(tuple(float(x) for x in r) for r in entry.get("limit_ok", [])) or ok
            cue = _compile(entry["cue"], what)
            instant = bool(entry.get("instant"))
            facts.append(Fact(**common, cue=cue, unit=unit, ok=ok, limit_ok=limit_ok, instant=instant))
        else:
            raise ValueError(f"{what}: needs a dimension or a number cue")
    by_topic: dict[str, list[str]] = {}
    for s in subjects.values():
        if s.page:
            by_topic.setdefault(s.topic, []).append(s.id)
    by_subject_dim, numbers_of = {}, {}
    for f in facts:
        if f.dimension:
            if (f.subject, f.dimension) in by_subject_dim:
                raise ValueError(f"fact {f.id!r}: a second {f.dimension} fact for {f.subject!r}")
            by_subject_dim[(f.subject, f.dimension)] = f
        else:
            numbers_of.setdefault(f.subject, []).append(f)
    dims_of: dict[str, set[str]] = {}
    for subject, dim in by_subject_dim:
        dims_of.setdefault(subject, set()).add(dim)
    return Table(
        subjects, subject_parts, by_topic, facts, dims, value_parts, by_subject_dim, numbers_of, dims_of,
    )  # fmt: skip


@functools.cache
def load_table() -> Table:
    from content.catalog import load_catalog  # noqa: PLC0415

    with FACTS_PATH.open("rb") as handle:
        data = tomllib.load(handle)
    return parse_table(data, set(load_catalog().topics))


def load_facts() -> list[Fact]:
    return list(load_table().facts)


def _negated(sentence: str, start: int) -> bool:
    window = sentence[max(0, start - 80) : start]
    breaks = list(_CLAUSE.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return bool(_NEGATOR.search(window))


def _number_value(m: re.Match) -> tuple[str, float, float] | None:
    if m.re is _VAGUE:
        seconds = float(_EVERY_SECONDS[m.group("unit")])
        return "time", 2 * seconds, (3 if "couple" in m.group(0) else 12) * seconds
    if m.re is _EVERY:
        seconds = float(_EVERY_SECONDS[m.group("unit")])
        return "time", seconds, seconds
    unit = m.group("unit") or m.group("pct") or ""
    lo = float(m.group("lo"))
    hi = float(m.group("hi")) if m.group("hi") else lo
    if m.group("money"):
        return "money", lo, hi
    if not unit:
        return "count", lo, hi
    kind, scale = _UNIT_SCALE.get(unit, ("", 1))
    if unit == "%" and lo >= 99 and re.fullmatch(r"99\.9*", m.group("lo")):
        return "percent", lo, hi  # also read as nines by a nines fact
    return kind, lo * scale, hi * scale


def _nines(text: str) -> float | None:
    """99.999999999% -> 11."""
    if re.fullmatch(r"99(?:\.9+)?", text):
        return float(text.count("9"))
    return None


@functools.cache
def _topic_has_subjects(topic: str) -> bool:
    return bool(load_table().by_topic.get(topic))


# "a setting I can turn on per region", "enabled in each region": where a setting applies, not the subject's scope
_SETTING_SCOPE = re.compile(
    r"\b(?:turn(?:ed|s|ing)? (?:it |them )?on|switch(?:ed|es|ing)? (?:it |them )?on|enabl\w*|configur\w*|opt\w* in)"
    r"(?: \w+){0,3}? (?:per|in each|in every|for each|for every) region\b"
)


def _check(
    text: str, topic: str | None, only: str | None = None, line: str | None = None, agreed: list | None = None
) -> tuple[Fact, Span] | None:
    from content.catalog import clean_line  # noqa: PLC0415

    table = load_table()
    line = clean_line(text) if line is None else line
    norm, where = _normalised(line)
    norm = _SETTING_SCOPE.sub(lambda m: " " * len(m.group(0)), norm)  # (same length: `where` still maps it)
    rx = table.subject_regex(norm)
    hits = list(rx.finditer(norm)) if rx is not None else []  # a list: every sentence looks at it
    if not hits and (topic is None or not _topic_has_subjects(topic)):
        return None  # names no subject, and its page has none
    for start, sentence in _sentences(norm):
        end = start + len(sentence)
        mine = [(m.start() - start, m.end() - start, m.re) for m in hits if start <= m.start() and m.end() <= end]
        named = {table.subject_of[m.re] for m in hits if m.end() <= start}
        found = _check_sentence(table, mine, sentence, topic, only, norm, named, agreed)
        if found:
            fact, b, e = found
            b, e = start + b, start + max(e, b + 1)
            return fact, Span(where[b], where[min(e, len(where)) - 1] + 1)
    return None


def _subjects_in(table: Table, sentence: str, found=None) -> list[tuple[int, int, str, str]]:
    """(start, end, subject id, role): role "subject", "object" (after a preposition) or "contrast".
    `found`: the names already found in the sentence, as (start, end, regex)."""
    if found is None:
        rx = table.subject_regex(sentence)
        found = [(m.start(), m.end(), m.re) for m in rx.finditer(sentence)] if rx else []
    out: list[tuple[int, int, str, str]] = []
    for start, end, rx in found:
        sid = table.subject_of[rx]
        before = sentence[max(0, start - 24) : start]
        role = "contrast" if _CONTRAST.search(before) else "object" if _OBJECT.search(before) else "subject"
        if role == "object" and _LEAD_IN.fullmatch(sentence, 0, start) and _LEAD_IN_END.match(sentence, end):
            role = "subject"  # "With Lambda, you ..."
        elif role == "object" and _USE.search(sentence, 0, start) and _USE_END.match(sentence, end):
            role = "used"  # "use Config to detect ...": the subject of what follows, up to the next name
        if out and out[-1][3] == "contrast" and _LIST_GLUE.fullmatch(sentence[out[-1][1] : start]):
            role = out[-1][3]  # "such as S3, EFS and FSx": the whole list
            if _CLAUSE_VERB.match(sentence, end) and re.fullmatch(r"\s*,\s*", sentence[out[-1][1] : start]):
                role = "subject"  # "unlike KMS, IAM is global": the comparison ended at the comma
        if (
            role == "subject"
            and out
            and out[-1][3] == "object"
            and _OBJECT_LIST_GLUE.fullmatch(sentence[out[-1][1] : start])
            and not _CLAUSE_VERB.match(sentence, end)
        ):
            role = "object"  # "scans EC2, ECR images and Lambda for ...": the whole list is what is scanned
        if out and out[-1][3] == "subject" and not sentence[out[-1][1] : start].strip():
            out[-1] = (*out[-1][:3], "object")  # "CloudFront edge locations": the first name only qualifies
        out.append((start, end, sid, role))
    return out


# A verb right after a name: the name is what the clause is about.
_CLAUSE_VERB = re.compile(
    r"\s+(?:is|are|was|were|has|have|does|do|can|cannot|can't|doesn't|don't|isn't|aren't|will|won't|only)\b"
)
# "With Lambda, ...", "For RDS: ...": the sentence is about the name that leads it in.
_LEAD_IN = re.compile(r"\W*(?:with|for|in|on|using|under)\s+(?:the\s+|amazon\s+|aws\s+)?")
_LEAD_IN_END = re.compile(r"\s*[,:]|\s*(?:->|=>)")
# "Use Config to ...", "you'd use Artifact for ...": what the purpose that follows is said of.
_USE = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:you|we|i|should|can|could|would|then|to|just|always|'d|'ll)\s+)(?:use|using)\s+"
    r"(?:the\s+|amazon\s+|aws\s+)?$"
)
_USE_END = re.compile(r"\s+(?:to|for|in order to|if you (?:need|want) to|when you (?:need|want) to)\b")
# Between two names of a list of objects, the first maybe with a noun after it: "EC2, ECR images and Lambda".
_NOT_A_NOUN = r"(?!(?:is|are|was|were|so|but|then|which|that|while|whereas|to|for|it|they)\b)"
_OBJECT_LIST_GLUE = re.compile(
    rf"(?:\s+{_NOT_A_NOUN}[a-z]+){{0,2}}\s*(?:,|/|&|\s(?:and|or)\b)(?:\s+{_NOT_A_NOUN}[a-z]+){{0,3}}?"
    r"(?:\s+(?:and|or))?\s*(?:amazon\s+|aws\s+)?"
)
_LIST_GLUE = re.compile(r"\s*(?:,|/|&)?\s*(?:(?:and|or)\s+)?(?:amazon\s+|aws\s+)?")


def statement_owner(table: Table, sentence: str, pos: int) -> tuple[int, int] | None:
    """Where the name is that words ending at `pos` are said of, as the facts read it (the clause's grammatical
    subject, else the name nearest before; never one compared with), or None when no name owns them."""
    subjects = _subjects_in(table, sentence)
    owners = _clause_subject(subjects, pos, sentence) or _owner(subjects, pos, [], sentence)
    if len(owners) != 1:
        return None
    before = [s for s in subjects if s[2] == owners[0] and s[3] != "contrast" and s[1] <= pos]
    return (before[-1][0], before[-1][1]) if before else None


def clause_start(sentence: str, pos: int) -> int:
    """Where the clause that `pos` is in begins ("..., whereas", "unlike ...")."""
    breaks = [m.end() for m in _CLAUSE_START.finditer(sentence, 0, pos)]
    return breaks[-1] if breaks else 0


# After the name compared with: a comma that ends the comparison ("Spot, unlike On-Demand, is ..."), not one
# that opens a clause about it ("..., unlike NACLs, which are stateless").
_BACK_ON_SUBJECT = re.compile(r"[^,;]*[,;](?!\s*(?:which|that|who|whose|where|as it|since it|because it)\b)")
_TURN = re.compile(r"\b(?:but|however|whereas|while|although|though|yet|except)\b")


def _owner(subjects: list[tuple[int, int, str, str]], pos: int, defaults: list[str], sentence: str = "") -> list[str]:
    """The subject a value at `pos` is said of: named nearest before it, else nearest after, else the page's.
    Nothing when the nearest name is one compared with, or when "but"/"whereas" turns to something else."""
    if not subjects:
        return defaults
    # a name inside parentheses closed before the value is an aside: "block storage (EBS, instance store), file"
    subjects = [s for s in subjects if not (s[1] <= pos and _closed_aside(sentence, s[0], pos))]
    if not subjects:
        return []
    before = [s for s in subjects if s[1] <= pos]
    if before and before[-1][3] == "contrast" and not _BACK_ON_SUBJECT.match(sentence[before[-1][1] : pos]):
        return []  # said of the one compared with; after a comma the sentence is back on its subject
    before = [s for s in before if s[3] != "contrast"]
    if before:
        real = [s for s in before if s[3] == "subject" or (s[3] == "used" and s is before[-1])]
        chosen = (real or before)[-1]
        if _TURN.search(sentence, chosen[1], pos):
            return []
        if chosen[3] == "object" and re.search(r"[,;(]|\band\b", sentence[chosen[1] : pos]):
            return []  # "... on CloudWatch alarms) and predictive (forecast ...)": not said of the object
        return [chosen[2]]
    after = [s for s in subjects if s[0] >= pos and s[3] != "contrast"]
    if after and after[0][0] - pos <= 40 and not re.search(r"[,;]", sentence[pos : after[0][0]]):
        return [after[0][2]]  # "stateless firewall: NACL", "block storage = EBS"
    lead = _PURPOSE_LEAD.match(sentence)
    if after and lead and pos < lead.end() <= after[0][0] and after[0][0] - lead.end() <= 25:
        return [after[0][2]]  # "to find out who deleted it, look in CloudWatch": the lead-in is the tool's job
    return []


# A sentence that opens with what the reader wants done, then names the tool for it after one comma.
_PURPOSE_LEAD = re.compile(
    r"\W*(?:to|in order to|(?:if|when) (?:you|i|we) (?:want|need|have) to)\s[^,;:.]{4,80},\s*"
    r"(?=(?:just |then |you |i |we )?(?:(?:can |should |must |would )?(?:look|check|use|go|open|head|search|query|"
    r"dig|see|ask|turn|pull|consult)\w*)\b)"
)


_CLAUSE_START = re.compile(r"[,;:]|\b(?:but|however|whereas|while|although|though|yet|unlike)\b|->|=>| - ")


def _clause_subject(subjects, pos: int, sentence: str) -> list[str]:
    """The first name that is the grammatical subject of the clause a value is in: "GuardDuty scans EC2
    instances for vulnerabilities" is said of GuardDuty, not of EC2."""
    breaks = [m.end() for m in _CLAUSE_START.finditer(sentence, 0, pos)]
    start = breaks[-1] if breaks else 0
    for i, s in enumerate(subjects):
        if start <= s[0] and s[1] <= pos and not _closed_aside(sentence, s[0], pos):
            if s[3] == "used" and any(o[1] <= pos for o in subjects[i + 1 :]):
                return []  # "use Glue to load data into Redshift for BI": not said of Glue
            return [s[2]] if s[3] in ("subject", "used") else []
    if subjects and subjects[0][3] == "subject" and _LABEL.match(sentence, subjects[0][1]):
        if not sentence[: subjects[0][0]].strip(" *-#>") and not _TURN.search(sentence, subjects[0][1], pos):
            return [subjects[0][2]]  # "DynamoDB: relational, SQL joins": a label, said of its every clause
    return []


# A name that labels the line: "DynamoDB: ...", "NACL -> ...".
_LABEL = re.compile(r"\s*(?::|->|=>|→|=|–| - )")


def _closed_aside(sentence: str, start: int, pos: int) -> bool:
    opened = sentence.rfind("(", 0, start)
    closed = sentence.find(")", opened)
    return opened != -1 and start < closed < pos  # not a name after an aside closed before it


def _check_sentence(
    table: Table, found, sentence: str, topic, only, norm, named=(), agreed: list | None = None
) -> tuple[Fact, int, int] | None:
    subjects = _subjects_in(table, sentence, found)
    defaults: list[str] = []
    if not subjects and topic and len(table.by_topic.get(topic, ())) == 1 and norm.count(" | ") < 2:
        defaults = table.by_topic[topic]  # the page's subject, when the page has one and the line is not a table row
        if named and not named & set(defaults):
            defaults = []  # "Detective ...; it is for ...": a later clause is about the name before, not the page's
    if not subjects and not defaults:
        return None
    carried = [d for d in defaults if d in named]  # "Inspector: scans for CVEs; it also ...": named before
    found = _find_in_sentence(table, subjects, defaults, sentence, only, carried, agreed)
    if found and not subjects:
        from content.catalog import load_catalog  # noqa: PLC0415

        if any(t != topic for t in load_catalog().mentions(sentence)):
            return None  # a line naming another service (one without facts) is not about the page's subject
    return found


def _find_in_sentence(
    table: Table, subjects, defaults, sentence: str, only, carried=(), agreed: list | None = None
) -> tuple[Fact, int, int] | None:
    """The reference fact the sentence contradicts, with where; each number fact it states a figure of within the
    fact's ranges is appended to `agreed`, when given."""
    spans = [(s[0], s[1]) for s in subjects]

    def inside_name(pos: int) -> bool:
        return any(a <= pos < b for a, b in spans)

    present = {s[2] for s in subjects} | set(defaults)
    # What a service is for, who does a duty, what it costs: said only of a subject the line names. A page's own
    # subject is assumed for a figure alone ("max run time is 30 mins" under Lambda); a line with no name on a
    # service's page is too often about something else there (a metric's queue, a budget's alarms on RDS's page).
    carried = list(carried)
    wanted = set().union(*(table.dims_of.get(sid, ()) for sid in [s[2] for s in subjects] + carried))
    wanted |= {_LINKED[d] for d in wanted if d in _LINKED}
    # values of dimensions
    for dim, parts in table.value_parts.items():
        if dim not in wanted:
            continue
        names = table.value_of
        hits = sorted(
            (m for rx, keys in parts if keys is None or any(k in sentence for k in keys)
             for m in rx.finditer(sentence) if not inside_name(m.start())),
            key=lambda m: m.start(),
        )  # fmt: skip
        if not hits:
            continue
        if dim in _WHOLE_SENTENCE:  # "customers guard the data centers": the subject may follow the value
            found = _whole_sentence(table, dim, names, hits, subjects, carried, sentence, only)
            if found:
                return found
            continue
        holders = [s for s in subjects if (s[2], dim) in table.by_subject_dim]
        actors = [s for s in holders if s[3] != "object"]  # not what a named one acts on ("from Inspector ...")
        if len({s[2] for s in actors or holders}) >= 3:
            continue  # a list or a comparison of three or more ("the 7 Rs: retire, retain, rehost (lift ...)")
        said: dict[str, list[tuple[re.Match, str, bool]]] = {}  # subject -> its values here
        for m in hits:
            value = names[m.re]
            if dim == "price" and value == "free" and _ALLOWANCE.search(sentence):
                continue  # "the first 100 GB a month are free": an allowance, not the price
            if _of_a_relative_clause(subjects, m.start(), sentence):
                continue
            owners = _clause_subject(subjects, m.start(), sentence)
            if not owners and dim not in _CLAUSE_ONLY:
                owners = _owner(subjects, m.start(), carried, sentence)
            # a name after the value that it is built on or read from ("block storage backed by S3", "monitors ...
            # via CloudTrail") is where it comes from, not whose it is ("look in CloudWatch" still names the tool)
            owners = [
                sid for sid in owners
                if not (named := [x for x in subjects if x[2] == sid])
                or not all(x[0] >= m.end() and _SOURCE.search(sentence, 0, x[0]) for x in named)
            ]  # fmt: skip
            # "This includes VMs, databases, load balancers, DNS management": items of one list, none said of another
            owners = [
                sid for sid in owners
                if not any(x[2] == sid and _items_of_one_list(sentence, x, m) for x in subjects)
            ]  # fmt: skip
            for sid in owners:
                said.setdefault(sid, []).append((m, value, _value_negated(sentence, m)))
        for sid, values in said.items():
            fact = table.by_subject_dim.get((sid, dim))
            if fact is None and dim in _LINKED:  # what it is for, said in the words of the other dimension
                fact = table.by_subject_dim.get((sid, _LINKED[dim]))
            if fact is None or (only and fact.id != only):
                continue
            if dim in _DENIABLE:  # "Budgets can't alert on forecasts": a real capability denied
                denied = [m for m, v, _neg in values if v in fact.values and _capability_denied(sentence, m)]
                if denied:
                    return fact, denied[0].start(), denied[0].end()
            if dim in _DENIAL_ONLY:
                continue
            wrong = {v for _m, v, neg in values if not neg and v not in fact.values}
            if any(v in fact.values and not neg and not table.shared(dim, v, wrong) for _m, v, neg in values):
                continue  # it also says a true value ("lift and shift, as is"): not read as a contradiction
            named = [  # "EFS = object storage, like S3"; "GuardDuty scans EC2 and ECR for threats": what it acts on
                s for i, s in enumerate(subjects)
                if s[3] != "contrast" and s[2] != sid and not _acted_on(subjects, i, sentence)
            ]  # fmt: skip
            values = [
                (m, v, neg) for m, v, neg in values
                if neg or not any(v in table.by_subject_dim[(o[2], d)].values for o in named
                                  if not m.start() <= o[0] < m.end()  # "you manage EC2 instances": its object
                                  for d in (dim, _LINKED.get(dim)) if (o[2], d) in table.by_subject_dim)
            ]  # fmt: skip  # "ELB works with Auto Scaling to add instances": the value is the other one's
            for m, value, negated in values:
                if (not negated and value not in fact.values) or (
                    negated and fact.values == {value} and dim in _NEGATABLE and not _duty_denied(sentence, m)
                ):
                    return fact, m.start(), m.end()
    # numbers
    if not any(sid in table.numbers_of for sid in present):
        return None
    numbers = []
    for m in _NUMBER.finditer(sentence):
        if inside_name(m.start()):
            continue
        if not (m.group("unit") or m.group("pct") or m.group("money")) and (
            re.match(r"[a-z]", sentence[m.end() : m.end() + 1]) or (1900 <= float(m.group("lo")) <= 2100)
        ):
            continue  # "the 5th pillar", "t3", "since 2021": not a count
        numbers.append((m.start(), m.end(), m))
    for m in _WORD_TIME.finditer(sentence):
        if not inside_name(m.start()) and not _negated(sentence, m.start()):
            numbers.append((m.start(), m.end(), None))
    for m in (*_EVERY.finditer(sentence), *_VAGUE.finditer(sentence)):  # "every minute" is one minute
        if not inside_name(m.start()) and not any(s <= m.start() < e for s, e, _m in numbers):
            numbers.append((m.start(), m.end(), m))
    if not numbers:
        return None
    for start, end, m in numbers:
        for sid in _owner(subjects, start, defaults, sentence):
            facts = table.numbers_of.get(sid)
            if not facts:
                continue
            kind = _kind(m)
            fitting = [f for f in facts if f.unit == kind or (f.unit == "nines" and kind == "percent")]
            cues = [(f, c) for f in fitting for c in f.cue.finditer(sentence) if not inside_name(c.start())]
            if not cues:
                continue
            leading = [(f, c) for f, c in cues if _leads_to(sentence, c, start)]
            # a cue the number follows ("expedited in 1-5 min, standard 3-5 hours") is its own, even when the next
            # cue after it sits closer
            fact, cue = min(leading or cues, key=lambda fc: _distance(fc[1], start, end))
            if only and fact.id != only:
                continue
            if _distance(cue, start, end) > 45 or _nearer_number(numbers, cue, start):
                continue
            if fact.unit == "count" and m is not None and _counts_something_else(sentence, m, cue, subjects, fact):
                continue
            if _contradicts(fact, m, sentence, min(start, cue.start()), start, cue):
                return fact, start, end
            if agreed is not None:
                agreed.append(fact)
    return None


_DISTANCE_UNITS = re.compile(r"\s*(?:miles?|mi|km|kilomet(?:er|re)s?)\b")


_LIST_OPENER = re.compile(r"\b(?:includes?|including|such as|like|e\.g\.|i\.e\.|consists? of)\b", re.I)
_LIST_VERB = re.compile(r"\b(?:is|are|was|were|can|will|does|do|has|have|provides?|offers?|handles?|scales?)\b", re.I)


def _items_of_one_list(sentence: str, subject: tuple, m: re.Match) -> bool:
    """Whether a name and a value are two items of one list a list word opens ("This includes VMs, load balancers,
    DNS management"): the value is another item, not something said of the name."""
    start, end = min(subject[0], m.start()), max(subject[1], m.end())
    opener = _LIST_OPENER.search(sentence, 0, start)
    between = sentence[min(subject[1], m.end()) : max(subject[0], m.start())]
    return (
        bool(opener)
        and "," in between
        and not re.search(r"[.;:]", between)
        and not _LIST_VERB.search(sentence[opener.end() : end])
    )


def _counts_something_else(sentence: str, m: re.Match, cue: re.Match, subjects=(), fact=None) -> bool:
    """ "6 copies over 3 AZs": a plain number counts the noun right after it, so it is the cue's only when the
    cue follows it closely (or a distance unit does, or the subject's own name: "10 edge locations worldwide")."""
    after = sentence[m.end() :]
    if _DISTANCE_UNITS.match(after) or not re.match(r"\s+[a-z]", after):
        return False
    if fact is not None and any(s[0] == m.end() + 1 and s[2] == fact.subject for s in subjects):
        return False
    return not (m.end() <= cue.start() <= m.end() + 14)


@dataclass(frozen=True)
class _Span:
    a: int
    b: int

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b


_WHOLE_SENTENCE = {"who"}
# What a service is for, in two vocabularies: a purpose said of a service known by its role contradicts it too.
_LINKED: dict[str, str] = {}
# Dimensions whose values are said of many things ("rarely accessed data", "relational databases"): only the
# grammatical subject of the clause owns them.
_CLAUSE_ONLY = {"access", "model", "level"}
# Dimensions with two sides, where denying the true value says the other ("NACLs are not stateless"); "no allow
# rule for X" or "not a type of queue" deny something else.
_NEGATABLE = {
    "scope", "state", "storage", "price", "hosting", "namespace", "interruption", "exchange",
    "aggregation", "activation",
}  # fmt: skip
_PARTY = {
    "shared": re.compile(r"(?!)"),
    "aws": re.compile(
        r"\b(?:customers?|you|me|the user|on[- ]prem\w*|traditional|own data cent\w+)\b"
    ),  # when AWS is said, the customer must not be
    "customer": re.compile(  # ("AWS only looks after the hardware" limits AWS: the customer does the rest)
        r"(?<![\w-])aws\b"
        r"(?!\s+(?:account|resources|services|cloud|console|region|regions|data cent\w+|facilities|only)\b)"
    ),
}
_ALLOWANCE = re.compile(r"\bfirst \d|\b\d+(?:\.\d+)? ?(?:gb|tb|mb)\b|\bfree tier\b|\ballowance\b|\bper month free\b")
_IN_MATCH_NEGATION = re.compile(r"n't\b|\bnot\b|\bnever\b")
# What a service is for, denied as a capability ("can't alert on forecasts", "is unable to cache"): wrong when
# the service does it. "Doesn't" is left alone: "Trusted Advisor doesn't fix what it finds" describes.
_DENIABLE = {"purpose", "role", "can"}
# Capabilities many services share: only their denial is read.
_DENIAL_ONLY = {"can"}
_DENIED_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:can't|cannot|can not|is not able to|are not able to) be "
    r"(?:enabled|used|turned on|configured|done|set up|performed)\b|(?:\s+[\w-]+){0,2}?\s+(?:is|are) not possible\b"
)
_CONDITION = re.compile(r"[\w ]{0,30}?\b(?:without|unless|until|if|before|by itself|on its own|alone|directly)\b")
_CAPABILITY_DENIAL = re.compile(
    r"\b(?:can't|cannot|can not|unable to|not able to|never|no way to|not possible to|won't|will not)\b"
    r"(?! only\b| just\b| merely\b| simply\b)(?:\s+(?:be\s+)?[\w-]+){0,4}\s+$"
)


# A verb that acts on the name after it: the name is what is scanned or protected, not what does the work.
_ACTS_ON = re.compile(
    r"\b(?:scans?|scanning|protects?|protecting|monitors?|monitoring|inspects?|inspecting|analy[sz]es|secures?|"
    r"encrypts?|checks?|assess(?:es)?|audits?|guards?)\s+(?:the\s+|an?\s+|your\s+|my\s+|amazon\s+|aws\s+)?$"
)


def _acted_on(subjects, i: int, sentence: str) -> bool:
    """ "Inspector scans EC2 instances and ECR images for CVEs": a name a verb acts on (or one listed after such a
    name) is the object of the work, so a purpose true of it ("ECR scans images") is not what the line says."""
    start = subjects[i][0]
    if _ACTS_ON.search(sentence, max(0, start - 30), start):
        return True
    return (
        i > 0
        and bool(_LIST_GLUE.fullmatch(sentence[subjects[i - 1][1] : start]))
        and _acted_on(subjects, i - 1, sentence)
    )


def _capability_denied(sentence: str, m: re.Match) -> bool:
    if _CONDITION.match(sentence, m.end()):
        return False  # "can't replicate across Regions without versioning": a condition, not a denial
    if _DENIED_AFTER.match(sentence, m.end()):
        return True  # "versioning can't be enabled", "health checks are not possible"
    window = sentence[max(0, m.start() - 60) : m.start()]
    breaks = list(_CLAUSE.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return bool(_CAPABILITY_DENIAL.search(window))


def _value_negated(sentence: str, m: re.Match) -> bool:
    """A negation just before the value, or inside it ("you don't manage servers"; not "not tied to a region")."""
    text = m.group(0)
    return _negated(sentence, m.start()) or (not text.startswith("not") and bool(_IN_MATCH_NEGATION.search(text)))


_RELATIVE = re.compile(r"(?<=[a-z0-9]) (?:that|which|who)\b")


def _of_a_relative_clause(subjects, pos: int, sentence: str) -> bool:
    """ "Spot isn't for workloads that can't be interrupted": a value in a relative clause is said of the noun the
    clause hangs on; it is the subject's only when that noun is a name ("Spot Instances that ...")."""
    start = clause_start(sentence, pos)
    rel = list(_RELATIVE.finditer(sentence, start, pos))
    if not rel:
        return False
    at = rel[-1].start()
    if any(s[1] == at for s in subjects) or any(at < s[0] < pos for s in subjects):
        return False
    before = [s for s in subjects if s[1] <= at]
    if not before:
        return False
    return not _PREDICATE_NOUN.fullmatch(sentence, before[-1][1], at)  # "Artifact is the service that ...": its own


# What the clause's subject is ("is the service", "are AWS racks"): a relative clause on it is said of the subject.
_PREDICATE_NOUN = re.compile(
    r"\s*(?::|=|->|(?:is|are|was|were|isn't|aren't)(?: not)?)\s+"
    r"(?:(?!(?:for|with|in|on|to|of|by|from|at|into|than|like|unlike)\b)[\w'-]+\s+){0,4}?"
    r"(?!(?:for|with|in|on|to|of|by|from|at|into|than|like|unlike)\b)[\w'-]+"
)


def _duty_denied(sentence: str, m: re.Match) -> bool:
    """ "With RDS you don't manage servers": the negation inside the value says who does not do the work, not
    that the other value is true (a managed service still runs on servers), so it is not read as the opposite.
    ("AWS won't ever interrupt them" denies the value itself: AWS is the one who would do it.)"""
    return bool(_CUSTOMER_ACTOR.match(m.group(0))) and not _negated(sentence, m.start()) and _value_negated(sentence, m)


_CUSTOMER_ACTOR = re.compile(r"(?:the )?(?:you|customers?|users?|your team|we|i)\b")


def _whole_sentence(table, dim, names, hits, subjects, defaults, sentence, only):
    """Who is responsible: any duty named in the sentence, when the sentence names one party only."""
    values = {names[m.re] for m in hits if not _value_negated(sentence, m)}
    if len(values) != 1 or any(_value_negated(sentence, m) for m in hits):
        return None
    [value] = values
    rest = sentence
    for m in [
        *hits,
        *(_Span(a, b) for a, b, _sid, _role in subjects),
    ]:  # the other party named anywhere else: "AWS for the hardware, the customer for the data"
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    if _PARTY[value].search(rest):
        return None
    sids = [s[2] for s in subjects if s[3] != "contrast"] or defaults
    for sid in sids:
        fact = table.by_subject_dim.get((sid, dim))
        if fact is not None and (not only or fact.id == only) and value not in fact.values:
            return fact, hits[0].start(), hits[0].end()
    return None


_CUE_TO_NUMBER = re.compile(
    r"[\s:=(~-]*(?:(?:retrievals?|restores?|is|are|takes?|in|within|of|about|around|up to|->)[\s:~]*){0,3}"
)


def _leads_to(sentence: str, cue: re.Match, start: int) -> bool:
    """Whether the cue runs straight into the number at `start` ("expedited in 1-5 min", "standard: ~3 hours")."""
    return cue.end() <= start and bool(_CUE_TO_NUMBER.fullmatch(sentence, cue.end(), start))


def _distance(cue: re.Match, start: int, end: int) -> int:
    if cue.end() <= start:
        return start - cue.end()
    if end <= cue.start():
        return cue.start() - end
    return 0


def _nearer_number(numbers, cue: re.Match, start: int) -> bool:
    """Another number of the same kind sits between the cue and this one: the cue is that number's."""
    lo, hi = sorted((cue.end() if cue.end() <= start else cue.start(), start))
    mine = next((_kind(m) for s, _e, m in numbers if s == start), None)
    return any(lo < s < hi and _kind(m) == mine for s, _e, m in numbers if s != start)


def _kind(m: re.Match | None) -> str:
    if m is None:
        return "time"
    parsed = _number_value(m)
    return parsed[0] if parsed else ""


def _contradicts(fact: Fact, m: re.Match | None, sentence: str, at: int, start: int, cue: re.Match) -> bool:
    if m is None:  # "instantly", "in real time"
        if fact.unit != "time" or not fact.instant:
            return False
        kind, lo, hi = "time", 0.0, 0.5
    else:
        parsed = _number_value(m)
        if parsed is None:
            return False
        kind, lo, hi = parsed
        if fact.unit == "nines":
            if kind == "percent":
                n = _nines(m.group("lo"))
                if n is None:
                    return False
                lo = hi = n
            elif kind != "nines":
                return False
        elif kind != fact.unit:
            return False
    window = sentence[max(0, at - 12) : start] + " " + cue.group(0)  # what leads up to the number
    limit = _LIMIT.search(window) or _LIMIT_AFTER.match(sentence, m.end() if m is not None else start)
    ranges = fact.limit_ok if limit else fact.ok
    slack = (1e-6 if lo >= 99 else 0.5) if kind == "percent" else 0.01 * max(abs(lo), abs(hi))
    return not any(lo <= b + slack and hi >= a - slack for a, b in ranges)


def agreed_figures(text: str, topic: str | None = None) -> list[Fact]:
    """The number facts whose figure a line states within the true ranges ("Spot: up to 90% off", "SQS visibility
    timeout defaults to 30 seconds"); none when the line contradicts a reference fact."""
    if not text or not text.strip():
        return []
    agreed: list[Fact] = []
    return [] if _check(text, topic, agreed=agreed) else agreed


def find_contradiction(text: str, topic: str | None = None, *, cleaned: str | None = None) -> Fact | None:
    """The reference fact this line of a note contradicts, else None. `topic`: the page it sits on; `cleaned`:
    the line as `clean_line` gives it, when the caller has it already."""
    if not text or not text.strip():
        return None
    found = _check(text, topic, line=cleaned)
    return found[0] if found else None
