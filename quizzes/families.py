"""Scenario families: sibling options, requirements that pick among them, and stem templates.

Plain Python over one TOML data file (no ORM): ``quizzes/families.toml``. See the comment
at the top of that file for the schema. ``load_families()`` reads and validates it once
per process; every schema breach raises ``ValueError`` naming the family and field.

A question is one requirement rendered into one stem of its family:

    family = load_families()["s3-storage-class"]
    req = family.requirement("compliance-ten-years")
    stem = family.render(family.stems_for(req)[0], req)
    key = [family.options[o] for o in req.meets]        # the right answers
    distractors = [family.options[o] for o in req.fails]  # the only allowed wrong answers

Options not in ``meets`` or ``fails`` are arguably right and must never be shown as a
wrong answer. ``Option.matches(line)`` tells whether a line of notes is about that option
(pass a line cleaned with ``content.catalog.clean_line`` and skip lines a claim says are
wrong, see ``content.ingest.claims.find_claim``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from content.catalog import DOMAINS, Catalog, load_catalog

FAMILIES_PATH = Path(__file__).resolve().parent / "families.toml"

PLACEHOLDERS = frozenset({"need", "noun", "plural"})
MIN_STEMS = 3
MIN_MULTI_STEMS = 2
MIN_FAILS = 2  # a kind with three members (IaaS, PaaS, SaaS) makes a three-option question
DIFFICULTIES = (1, 2, 3)

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")

_FAMILY_KEYS = frozenset(
    {
        "id",
        "name",
        "topic",
        "domain",
        "noun",
        "plural",
        "stems",
        "multi_stems",
        "option",
        "requirement",
        "cards",
        "side",
    }
)
_OPTION_KEYS = frozenset({"id", "name", "topic", "evidence", "fact", "kind", "lures", "titles"})
_REQUIREMENT_KEYS = frozenset({"id", "need", "meets", "fails", "why_not", "difficulty", "cards", "domain", "arguable"})


@dataclass(frozen=True)
class Option:
    id: str
    name: str
    topic: str | None
    evidence: tuple[re.Pattern, ...]
    fact: str
    # What sort of thing the option is ("deployment model" beside "service model"): a question's options are all
    # of its key's kind, so no option of another sort pads a question out. Defaults to the family's noun.
    kind: str = ""
    # The options of the same family a learner mistakes this one for (Dedicated Hosts for Dedicated Instances):
    # a question whose key this is offers them first, as a real exam would.
    lures: tuple[str, ...] = ()
    # Section titles that name the option though no line would ("Availability Zones" for "Several Availability Zones
    # in one Region"): read only on headings, where a bare name titles what is under it.
    titles: tuple[re.Pattern, ...] = ()

    def matches(self, line: str) -> bool:
        """Whether one (cleaned) line of notes is about this option."""
        return any(p.search(line) for p in self.evidence)


@dataclass(frozen=True)
class Requirement:
    id: str
    need: str
    meets: tuple[str, ...]
    fails: tuple[str, ...]
    why_not: dict[str, str] = field(default_factory=dict)
    difficulty: int = 2
    cards: bool = True  # False: the wording that rules out the options' near misses gives a flashcard away
    # The CLF-C02 domain when it is not the family's: choosing a purchase option for its price is billing.
    domain: str = ""
    # Look-alikes of the key that are arguably right too: never shown (a question that offered them would have
    # two answers), named so that every look-alike is accounted for.
    arguable: tuple[str, ...] = ()

    @property
    def multi(self) -> bool:
        """A "Which TWO" requirement."""
        return len(self.meets) == 2


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    topic: str
    domain: str
    noun: str
    plural: str
    stems: tuple[str, ...]
    multi_stems: tuple[str, ...]
    options: dict[str, Option]  # in file order
    requirements: list[Requirement]  # in file order; treat as read-only (the result is cached)
    # False when a requirement's answer is unique only among the options a question shows: no flashcard,
    # whose front has no options ("which task is AWS responsible for?" has many right answers alone).
    cards: bool = True
    # Look-alike groups and the constraints that tell their members apart ({"cost": regex, "zones": regex}): a
    # requirement whose key has a look-alike among its wrong options must state one of them in its need, and the
    # reason that option fails must rest on it (Glacier Instant Retrieval beside Standard-IA differs by cost).
    separators: tuple[tuple[frozenset[str], tuple[tuple[str, re.Pattern], ...]], ...] = ()
    # A shared-responsibility family: whose tasks its right answers are ("aws" or "customer"); its wrong answers are
    # the other side's. A quote that gives a task to the side it is not on in that question is not used.
    side: str = ""

    def separating(self, a: str, b: str) -> dict[str, re.Pattern]:
        """The constraints that tell option a from option b, by name (none when no group says)."""
        out: dict[str, re.Pattern] = {}
        for members, constraints in self.separators:
            if a in members and b in members:
                out.update(constraints)
        return out

    def unstated(self, requirement: Requirement, shown: list[str] | None = None) -> list[tuple[str, str]]:
        """(key, wrong option) pairs of look-alikes whose separating constraint the requirement does not state: its
        need names none of them, or the wrong option's reason rests on none it names."""
        out = []
        for key in requirement.meets:
            for oid in shown if shown is not None else requirement.fails:
                constraints = self.separating(key, oid)
                if not constraints:
                    continue
                reason = requirement.why_not.get(oid, "")
                if not any(p.search(requirement.need) and p.search(reason) for p in constraints.values()):
                    out.append((key, oid))
        return out

    def requirement(self, rid: str) -> Requirement:
        for req in self.requirements:
            if req.id == rid:
                return req
        raise KeyError(f"family {self.id!r} has no requirement {rid!r}")

    def stems_for(self, requirement: Requirement) -> tuple[str, ...]:
        """The templates a requirement renders into: multi_stems for Which TWO, else stems."""
        return self.multi_stems if requirement.multi else self.stems

    def render(self, stem: str, requirement: Requirement) -> str:
        """One question stem: the template with {need}, {noun} and {plural} filled in."""
        return stem.replace("{noun}", self.noun).replace("{plural}", self.plural).replace("{need}", requirement.need)

    def topic_of(self, option_id: str) -> str:
        """The catalog slug an option's question belongs to: its own topic, else the family's."""
        return self.options[option_id].topic or self.topic


# -- parsing -------------------------------------------------------------------------------


def _text(entry: dict, key: str, what: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what}: {key!r} must be a non-empty string")
    if value != value.strip():
        raise ValueError(f"{what}: {key!r} has leading or trailing whitespace")
    return value


def _slug(entry: dict, key: str, what: str) -> str:
    value = _text(entry, key, what)
    if not _SLUG_RE.match(value):
        raise ValueError(f"{what}: {key!r} {value!r} is not a slug (lowercase words joined by '-')")
    return value


def _unknown_keys(entry: dict, allowed: frozenset[str], what: str) -> None:
    extra = sorted(set(entry) - allowed)
    if extra:
        raise ValueError(f"{what}: unknown keys {extra}")


def loose_hyphens(regex: str) -> str:
    """The regex with each hyphen written between two letters (outside a character class) matching a hyphen, a
    space or nothing: notes write "On-Demand" as "On Demand" and "Pre-signed" as "Presigned". And each space between
    two letters (outside a look-behind, which must keep its width) matching a dash before a capital too: notes write
    "S3 Glacier Instant" as "S3 Glacier - Instant" or "Glacier-Instant"."""
    out, in_class, i = [], False, 0
    groups: list[bool] = []  # open groups, whether each is a look-behind
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            out.append(regex[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "(" and not in_class:
            groups.append(regex[i : i + 4] in ("(?<=", "(?<!"))
        elif char == ")" and not in_class and groups:
            groups.pop()
        elif (
            char == " "
            and not in_class
            and not any(groups)
            and 0 < i < len(regex) - 1
            and regex[i - 1].isalpha()
            and regex[i + 1].isalpha()
            and regex[i - 2 : i - 1] != "\\"
        ):
            char = "(?: ?[-–—] ?(?=(?-i:[A-Z0-9]))| )"  # (a dash before a capital: "CloudWatch - metrics with ..." is
            # a label and its text)
        elif (
            char == "-"
            and not in_class
            and 0 < i < len(regex) - 1
            and regex[i - 1].isalpha()
            and regex[i + 1].isalpha()
            and regex[i - 2 : i - 1] != "\\"  # (not after an escape: "\\w-x")
        ):
            char = "[- ]?"
        out.append(char)
        i += 1
    return "".join(out)


def _topic(value: str, catalog: Catalog, what: str) -> str:
    if value not in catalog.topics:
        raise ValueError(f"{what}: unknown topic {value!r} (not in content/catalog.toml)")
    if catalog.get(value).discontinued:
        raise ValueError(f"{what}: topic {value!r} is a discontinued service; questions may not use it")
    return value


def _templates(entry: dict, key: str, minimum: int, what: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise ValueError(f"{what}: {key!r} must be a list of strings")
    if len(value) < minimum:
        raise ValueError(f"{what}: {key!r} needs at least {minimum} templates, has {len(value)}")
    if len(set(value)) != len(value):
        raise ValueError(f"{what}: {key!r} has duplicate templates")
    for stem in value:
        names = set(_PLACEHOLDER_RE.findall(stem))
        bad = sorted(names - PLACEHOLDERS)
        if bad:
            raise ValueError(f"{what}: {key!r} template {stem!r} uses unknown placeholders {bad}")
        if "{" in _PLACEHOLDER_RE.sub("", stem) or "}" in _PLACEHOLDER_RE.sub("", stem):
            raise ValueError(f"{what}: {key!r} template {stem!r} has stray braces")
        if "need" not in names:
            raise ValueError(f"{what}: {key!r} template {stem!r} lacks {{need}}")
        if "?" not in stem:
            raise ValueError(f"{what}: {key!r} template {stem!r} asks no question")
    return tuple(value)


def _ids(entry: dict, key: str, options: dict[str, Option], what: str) -> tuple[str, ...]:
    value = entry.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what}: {key!r} must be a list of option ids")
    if len(set(value)) != len(value):
        raise ValueError(f"{what}: {key!r} lists an option twice")
    unknown = sorted(set(value) - set(options))
    if unknown:
        raise ValueError(f"{what}: {key!r} names unknown options {unknown}")
    return tuple(value)


def _parse_option(entry: dict, catalog: Catalog, what: str) -> Option:
    if not isinstance(entry, dict):
        raise ValueError(f"{what}: must be a table")
    _unknown_keys(entry, _OPTION_KEYS, what)
    oid = _slug(entry, "id", what)
    what = f"{what} ({oid})"
    topic = entry.get("topic")
    if topic is not None:
        if not isinstance(topic, str):
            raise ValueError(f"{what}: 'topic' must be a string")
        _topic(topic, catalog, what)
    evidence = entry.get("evidence")
    if not isinstance(evidence, list) or not evidence or not all(isinstance(e, str) and e for e in evidence):
        raise ValueError(f"{what}: 'evidence' must be a non-empty list of regexes")
    patterns = []
    for regex in evidence:
        try:
            pattern = re.compile(loose_hyphens(regex), re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{what}: bad evidence regex {regex!r}: {exc}") from exc
        if pattern.search(""):
            raise ValueError(f"{what}: evidence regex {regex!r} matches an empty line")
        patterns.append(pattern)
    lures = entry.get("lures", [])
    if not isinstance(lures, list) or not all(isinstance(v, str) for v in lures) or oid in lures:
        raise ValueError(f"{what}: 'lures' must be a list of other option ids")
    kind = entry.get("kind", "")
    if not isinstance(kind, str):
        raise ValueError(f"{what}: 'kind' must be a string")
    titles = entry.get("titles", [])
    if not isinstance(titles, list) or not all(isinstance(t, str) and t for t in titles):
        raise ValueError(f"{what}: 'titles' must be a list of regexes")
    try:
        title_patterns = tuple(re.compile(t, re.IGNORECASE) for t in titles)
    except re.error as exc:
        raise ValueError(f"{what}: bad title regex: {exc}") from exc
    return Option(
        id=oid,
        name=_text(entry, "name", what),
        topic=topic,
        evidence=tuple(patterns),
        fact=_text(entry, "fact", what),
        kind=kind,
        lures=tuple(lures),
        titles=title_patterns,
    )


def _parse_requirement(entry: dict, options: dict[str, Option], what: str) -> Requirement:
    if not isinstance(entry, dict):
        raise ValueError(f"{what}: must be a table")
    _unknown_keys(entry, _REQUIREMENT_KEYS, what)
    rid = _slug(entry, "id", what)
    what = f"{what} ({rid})"
    need = _text(entry, "need", what)
    if "{" in need or "}" in need:
        raise ValueError(f"{what}: 'need' contains braces")
    if need[0].isupper() and not need.split()[0].isupper():
        raise ValueError(f"{what}: 'need' must continue a sentence (start in lowercase): {need!r}")
    if need[-1] in ".?!,;:":
        raise ValueError(f"{what}: 'need' must not end in punctuation: {need!r}")
    meets = _ids(entry, "meets", options, what)
    if len(meets) not in (1, 2):
        raise ValueError(f"{what}: 'meets' must name 1 or 2 options, names {len(meets)}")
    fails = _ids(entry, "fails", options, what)
    if len(fails) < MIN_FAILS:
        raise ValueError(f"{what}: 'fails' must name at least {MIN_FAILS} options, names {len(fails)}")
    overlap = sorted(set(meets) & set(fails))
    if overlap:
        raise ValueError(f"{what}: options {overlap} are in both 'meets' and 'fails'")
    arguable = _ids(entry, "arguable", options, what) if "arguable" in entry else ()
    if set(arguable) & (set(meets) | set(fails)):
        raise ValueError(f"{what}: 'arguable' options may not be in 'meets' or 'fails'")
    why_not = entry.get("why_not", {})
    if not isinstance(why_not, dict) or not all(isinstance(v, str) and v.strip() for v in why_not.values()):
        raise ValueError(f"{what}: 'why_not' must map option ids to non-empty reasons")
    stray = sorted(set(why_not) - set(fails))
    if stray:
        raise ValueError(f"{what}: 'why_not' explains options that are not in 'fails': {stray}")
    difficulty = entry.get("difficulty", 2)
    if isinstance(difficulty, bool) or difficulty not in DIFFICULTIES:
        raise ValueError(f"{what}: 'difficulty' must be 1, 2 or 3, is {difficulty!r}")
    domain = entry.get("domain", "")
    if domain and domain not in DOMAINS:
        raise ValueError(f"{what}: unknown domain {domain!r} (one of {', '.join(DOMAINS)})")
    return Requirement(
        id=rid,
        need=need,
        meets=meets,
        fails=fails,
        why_not=dict(why_not),
        difficulty=difficulty,
        cards=_flag(entry, "cards", what),
        domain=domain,
        arguable=arguable,
    )


def _flag(entry: dict, key: str, what: str, default: bool = True) -> bool:
    value = entry.get(key, default)
    if not isinstance(value, bool):
        raise ValueError(f"{what}: {key} must be true or false")
    return value


def _parse_family(entry: dict, catalog: Catalog, what: str) -> Family:
    if not isinstance(entry, dict):
        raise ValueError(f"{what}: must be a table")
    _unknown_keys(entry, _FAMILY_KEYS, what)
    fid = _slug(entry, "id", what)
    what = f"family {fid!r}"
    domain = _text(entry, "domain", what)
    if domain not in DOMAINS:
        raise ValueError(f"{what}: unknown domain {domain!r} (one of {', '.join(DOMAINS)})")

    options: dict[str, Option] = {}
    raw_options = entry.get("option")
    if not isinstance(raw_options, list) or not raw_options:
        raise ValueError(f"{what}: needs [[family.option]] tables")
    for i, raw in enumerate(raw_options):
        option = _parse_option(raw, catalog, f"{what} option #{i + 1}")
        if option.id in options:
            raise ValueError(f"{what}: duplicate option id {option.id!r}")
        options[option.id] = option
    names = [o.name.casefold() for o in options.values()]
    if len(set(names)) != len(names):
        raise ValueError(f"{what}: two options share a name")
    if len(options) < MIN_FAILS + 1:
        raise ValueError(f"{what}: needs at least {MIN_FAILS + 1} options, has {len(options)}")
    noun = _text(entry, "noun", what)
    for oid, option in list(options.items()):
        unknown = sorted(set(option.lures) - set(options))
        if unknown:
            raise ValueError(f"{what}: option {oid!r} lures unknown options {unknown}")
        if not option.kind:
            options[oid] = dataclasses.replace(option, kind=noun)

    requirements: list[Requirement] = []
    raw_reqs = entry.get("requirement")
    if not isinstance(raw_reqs, list) or not raw_reqs:
        raise ValueError(f"{what}: needs [[family.requirement]] tables")
    for i, raw in enumerate(raw_reqs):
        req = _parse_requirement(raw, options, f"{what} requirement #{i + 1}")
        if any(r.id == req.id for r in requirements):
            raise ValueError(f"{what}: duplicate requirement id {req.id!r}")
        requirements.append(req)

    stems = _templates(entry, "stems", MIN_STEMS, what)
    has_multi = any(r.multi for r in requirements)
    multi_stems = _templates(entry, "multi_stems", MIN_MULTI_STEMS if has_multi else 0, what)
    for stem in stems:
        if "{plural}" in stem or "TWO" in stem:
            raise ValueError(f"{what}: single-answer stem {stem!r} reads like a Which TWO stem")
    for stem in multi_stems:
        if "TWO" not in stem:
            raise ValueError(f"{what}: multi stem {stem!r} does not ask for TWO answers")

    return Family(
        id=fid,
        name=_text(entry, "name", what),
        topic=_topic(_text(entry, "topic", what), catalog, what),
        domain=domain,
        noun=_text(entry, "noun", what),
        plural=_text(entry, "plural", what),
        stems=stems,
        multi_stems=multi_stems,
        options=options,
        requirements=requirements,
        cards=_flag(entry, "cards", what),
        side=_side(entry, what),
    )


def _side(entry: dict, what: str) -> str:
    side = entry.get("side", "")
    if side not in ("", "aws", "customer"):
        raise ValueError(f"{what}: side {side!r} is neither 'aws' nor 'customer'")
    return side


def parse_families(data: dict, catalog: Catalog | None = None) -> dict[str, Family]:
    """Validate the parsed TOML and build the families, keyed by id, in file order."""
    catalog = catalog or load_catalog()
    extra = sorted(set(data) - {"family", "lookalike"})
    if extra:
        raise ValueError(f"families.toml: unknown top-level keys {extra}")
    raw = data.get("family")
    if not isinstance(raw, list) or not raw:
        raise ValueError("families.toml: needs [[family]] tables")
    families: dict[str, Family] = {}
    for i, entry in enumerate(raw):
        family = _parse_family(entry, catalog, f"family #{i + 1} ({entry.get('id', '?')})")
        if family.id in families:
            raise ValueError(f"families.toml: duplicate family id {family.id!r}")
        families[family.id] = family
    for i, entry in enumerate(data.get("lookalike", [])):
        _apply_lookalikes(entry, families, f"lookalike #{i + 1}")
    return families


def _apply_lookalikes(entry: dict, families: dict[str, Family], what: str) -> None:
    """One group of options a learner confuses with each other: each member lures every other member of its kind.

    Groups are data, kept apart from the options so that every family's look-alikes can be read (and checked for
    completeness) in one place."""
    if not isinstance(entry, dict):
        raise ValueError(f"{what}: must be a table")
    _unknown_keys(entry, frozenset({"family", "options", "separated_by"}), what)
    family = families.get(entry.get("family"))
    if family is None:
        raise ValueError(f"{what}: unknown family {entry.get('family')!r}")
    members = entry.get("options")
    if not isinstance(members, list) or len(members) < 2 or not all(isinstance(m, str) for m in members):
        raise ValueError(f"{what}: 'options' must list at least two option ids")
    unknown = sorted(set(members) - set(family.options))
    if unknown:
        raise ValueError(f"{what}: family {family.id!r} has no options {unknown}")
    for oid in members:
        option = family.options[oid]
        extra = [m for m in members if m != oid and m not in option.lures]
        family.options[oid] = dataclasses.replace(option, lures=option.lures + tuple(extra))
    separated_by = entry.get("separated_by", {})
    if not isinstance(separated_by, dict) or not all(isinstance(v, str) and v for v in separated_by.values()):
        raise ValueError(f"{what}: 'separated_by' must map constraint names to regexes")
    if separated_by:
        try:
            constraints = tuple((name, re.compile(regex, re.I)) for name, regex in separated_by.items())
        except re.error as exc:
            raise ValueError(f"{what}: bad 'separated_by' regex: {exc}") from exc
        families[family.id] = dataclasses.replace(
            family, separators=family.separators + ((frozenset(members), constraints),)
        )


@functools.cache
def _families() -> dict[str, Family]:
    with FAMILIES_PATH.open("rb") as fh:
        return parse_families(tomllib.load(fh))


def load_families() -> dict[str, Family]:
    """Every family from quizzes/families.toml, validated, keyed by id (read once per process)."""
    return dict(_families())
