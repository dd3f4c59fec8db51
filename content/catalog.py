"""The catalog: every AWS service and cloud concept Stratus knows.

Plain Python over a TOML data file (no ORM): ``content/catalog.toml``, ``[[category]]`` and
``[[topic]]`` tables, in catalog order. (What is wrong about them is in ``content/claims.toml``,
read by ``content/ingest/claims.py``.)

Matching is case- and punctuation-insensitive on whole words. Both the text and the
names are normalised (lowercase, punctuation to spaces) and each word is folded to a
crude singular ("classes" -> "class", "policies" -> "policy"), so "Auto Scaling Groups"
matches the alias "auto scaling group".
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent
CATALOG_PATH = CONTENT_DIR / "catalog.toml"

DOMAINS = ("cloud-concepts", "security-compliance", "technology-services", "billing-pricing-support")

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Words that join several names in one heading ("SNS, SQS & Kinesis", "Batch vs Lambda").
_SEPARATORS = frozenset({",", "and", "vs", "versus", "or"})
# What a sub-topic listing the kinds of its topic is called after the topic's name ("EBS Types").
_KINDS = frozenset({"type", "class", "option", "policy"})
# Filler that may sit between a separator and the next name ("RDS and Amazon Aurora").
_FILLER = frozenset({"amazon", "aws", "the"})

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_BULLET_RE = re.compile(
    r"^(?:[\u2022\u25cb\u25aa\u25e6\u2023\u2043*+]\s+|-{1,4}>\s*|-\s+|=>\s*|\d{1,2}[.)]\s+|[a-z][.)]\s+)"
)


def normalise(text: str) -> str:
    """Lowercase, punctuation (and underscores) to spaces, whitespace collapsed."""
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


def clean_line(text: str) -> str:
    """One line or bullet of note text as claims see it.

    Curly quotes made straight, leading bullet markers (``•``, ``○``, ``-``, ``--->``,
    ``1.``, ``1)``) stripped, whitespace collapsed. Inline markdown is kept.
    """
    text = " ".join(text.translate(_QUOTES).split())
    for _ in range(3):  # "• 1. text", "---> - text"
        stripped = _BULLET_RE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return text


def _fold(word: str) -> str:
    """A crude singular, applied to both sides of every comparison."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "aas")):
        return word[:-1]  # (not "SaaS", which would read as the "SAA" of an exam's code, "SAA-C02")
    return word


def _tokens(text: str) -> list[str]:
    """Folded words, with "&" read as "and" and commas/semicolons kept as "," tokens."""
    text = text.translate(_QUOTES).lower().replace("&", " and ")
    return [_fold(t) if t != "," else t for t in re.findall(r"[^\W_]+|[,;]", text.replace(";", ","))]


_CAMEL = re.compile(r"(?<=[a-z]{2})(?=[A-Z])")  # "CloudWatch" -> "Cloud|Watch", "DynamoDB" -> "Dynamo|DB"; not "IoT"


def _respellings(name: str, key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Other spellings of a name: its words joined into one, and a joined word split at its capitals."""
    out = []
    if len(key) > 1:
        out.append(("".join(key),))
    split = tuple(t for t in _tokens(_CAMEL.sub(" ", name)) if t != ",")
    if split != key:
        out.append(split)
    return out


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, an adjacent swap counting as two edits ("fromation" -> "formation")."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_TRAILING_ACRONYM = re.compile(r"\(\s*\**([A-Za-z][A-Za-z0-9]{1,5})\**\s*\)\W*$")


@dataclass(frozen=True)
class Category:
    slug: str
    name: str
    order: int


@dataclass(frozen=True)
class CatalogTopic:
    slug: str
    name: str
    full_name: str | None
    short: str | None
    aliases: tuple[str, ...]
    category: str
    domain: str
    parent: str | None
    order: int
    discontinued: str | None = None  # AWS ended the service: the page says so, nothing is taught from it
    # The members of the topic's own list ("business", "people" ... for the CAF's perspectives) and what the
    # course calls one ("perspective"): "Business Perspective" names the topic anywhere; a bare "Business"
    # reaches it only where the topic is already the context (a heading after or under it, a bullet under it).
    parts: tuple[str, ...] = ()
    part_words: tuple[str, ...] = ()
    # Names that mean this topic only where nothing else is the context: "Reserved Instances" is the purchasing option
    # under a heading that names no topic, but RDS's or Redshift's own reserved nodes under theirs. Never searched in
    # running text, never an alias.
    context_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every string this topic is known by: name, full name, short name, aliases, "<part> <part word>"."""
        named_parts = tuple(f"{part} {word}" for part in self.parts for word in self.part_words)
        return tuple(n for n in (self.name, self.full_name, self.short, *self.aliases, *named_parts) if n)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    slug: str


_MAKER_SWAP = {"amazon": "aws", "aws": "amazon"}
_TRAILING_ASIDE = re.compile(r"\(([^()]*)\)\W*$")  # "Reserved Instance Marketplace (EC2 Console)"


class Catalog:
    """Topics and categories in file order, with heading and mention matching."""

    def __init__(
        self,
        categories: dict[str, Category],
        topics: dict[str, CatalogTopic],
        ambiguous: frozenset[str] = frozenset(),
    ):
        # Categories in catalog order (a list: iterate it); look one up with .category(slug).
        self.categories: list[Category] = sorted(categories.values(), key=lambda c: c.order)
        self._categories = dict(categories)
        self.topics = topics
        # Names trusted in a heading but too common to count as a mention in prose.
        self.ambiguous = ambiguous
        self._ambiguous_keys = {tuple(_tokens(a)) for a in ambiguous}
        self._index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        # context name (normalised) -> its topic, first in file order: read per line by placement and evidence
        self._context: dict[str, str] = {}
        # a topic's parts by their words, read per run of labels and per listing line
        self._part_index: dict[tuple[str, ...], set[str]] = {}
        self._part_words: dict[str, set[str]] = {}
        for slug, topic in topics.items():
            for part in topic.parts:
                self._part_index.setdefault(tuple(t for t in _tokens(part) if t != ","), set()).add(slug)
            self._part_words[slug] = {_fold(w) for w in topic.part_words}
        self._any_part_word = set().union(*self._part_words.values())
        for topic in topics.values():
            for name in topic.context_names:
                self._context.setdefault(normalise(name), topic.slug)
        owner: dict[tuple[str, ...], str] = {}
        for topic in topics.values():
            for name in topic.names:
                key = tuple(t for t in _tokens(name) if t != ",")
                if not key:
                    raise ValueError(f"topic {topic.slug!r}: name {name!r} has no words")
                other = owner.setdefault(key, topic.slug)
                if other != topic.slug:
                    raise ValueError(f"topic {topic.slug!r}: name {name!r} is also a name of topic {other!r}")
                self._add(key, topic.slug, key in self._ambiguous_keys)
        # Every name as notes respell it: joined ("DirectConnect", "Route53") or split where the official name
        # is joined ("Cloud Watch", "Dynamo DB"); a hyphen already reads as a space. A respelling that is some
        # other topic's name (or a name of two) is left to that topic.
        variants: dict[tuple[str, ...], set[str]] = {}
        too_common: set[tuple[str, ...]] = set()  # respellings of a name too common to count in prose
        for topic in topics.values():
            for name in topic.names:
                key = tuple(t for t in _tokens(name) if t != ",")
                for variant in _respellings(name, key):
                    if variant not in owner:
                        variants.setdefault(variant, set()).add(topic.slug)
                        if key in self._ambiguous_keys:
                            too_common.add(variant)
        for variant, slugs in variants.items():
            if len(slugs) == 1:
                self._add(variant, next(iter(slugs)), variant in too_common)
        self._words = {word for entries in self._index.values() for key, _, _ in entries for word in key}
        self._long_words = sorted(w for w in self._words if len(w) >= 6 and w.isalpha())
        unknown = sorted(a for a in ambiguous if tuple(_tokens(a)) not in owner)
        if unknown:
            raise ValueError(f"ambiguous names that no topic uses: {unknown}")
        self._children: dict[str, list[CatalogTopic]] = {}
        self._ancestors: dict[str, tuple[str, ...]] = {}
        for topic in topics.values():  # parents come first, so theirs are known
            if topic.parent:
                self._children.setdefault(topic.parent, []).append(topic)
                self._ancestors[topic.slug] = (topic.parent, *self._ancestors[topic.parent])
            else:
                self._ancestors[topic.slug] = ()

    def _add(self, key: tuple[str, ...], slug: str, ambiguous: bool) -> None:
        entries = self._index.setdefault(key[0], [])
        if not any(k == key for k, _, _ in entries):
            entries.append((key, slug, ambiguous))

    # -- structure ---------------------------------------------------------------------

    def __contains__(self, slug: object) -> bool:
        return slug in self.topics

    def get(self, slug: str) -> CatalogTopic:
        return self.topics[slug]

    def category(self, slug: str) -> Category:
        return self._categories[slug]

    def children(self, slug: str) -> list[CatalogTopic]:
        """The direct sub-topics of ``slug``, in catalog order."""
        return list(self._children.get(slug, ()))

    def ancestors(self, slug: str) -> list[str]:
        """Parent, grandparent, ... of ``slug`` (nearest first)."""
        return list(self._ancestors[slug])

    def context_lookup(self, name: str) -> str | None:
        """The topic whose context name `name` is exactly ("Reserved Instances", "Reserved Instances(RI)" with its
        acronym aside), else None."""
        return self._context.get(normalise(name)) or self._context.get(normalise(re.sub(r"\s*\([^()]*\)", " ", name)))

    def context_within(self, title: str) -> str | None:
        """The one cloud concept a context name inside a title names ("3. Hybrid Deployment Model", "Deployment Model
        Use Cases"), else None. For a heading where nothing else is the context."""
        padded = f" {normalise(title)} "
        found = {
            slug
            for name, slug in self._context.items()
            if self.topics[slug].category == "cloud-concepts" and f" {name} " in padded
        }  # (a concept's name for its kinds: "On-Demand" inside "On-Demand Self-Service" is no way to pay for EC2)
        return found.pop() if len(found) == 1 else None

    def is_ancestor(self, ancestor: str, slug: str) -> bool:
        return ancestor in self._ancestors[slug]

    # -- matching ----------------------------------------------------------------------

    def _hits(self, tokens: list[str], *, mentions: bool) -> list[_Hit]:
        found = []
        for i, tok in enumerate(tokens):
            for key, slug, ambiguous in self._index.get(tok, ()):
                if mentions and ambiguous:
                    continue
                if tuple(tokens[i : i + len(key)]) == key:
                    found.append(_Hit(i, i + len(key), slug))
        # Longest match wins where matches overlap ("S3 Storage Classes" over "S3");
        # on equal length the deeper (more specific) topic wins.
        found.sort(key=lambda h: (-(h.end - h.start), -len(self._ancestors[h.slug]), h.start))
        taken: list[_Hit] = []
        for hit in found:
            if all(hit.end <= t.start or hit.start >= t.end for t in taken):
                taken.append(hit)
        return sorted(taken, key=lambda h: h.start)

    def find(self, heading: str) -> list[str]:
        """The catalog topics a heading is about, in the order it names them.

        Only the names at the head of the heading count, plus names joined to them
        by "," / "&" / "and" / "vs" / "or": ``SNS, SQS & KINESIS`` is about three
        services, ``Fargate: a compute engine in ECS ...`` is about Fargate, and
        ``Shared Responsibility Model for S3`` is about the model. A topic is dropped
        when one of its sub-topics also matched (``Route 53 weighted routing`` ->
        the routing-policies page).
        """
        if (acronym := _TRAILING_ACRONYM.search(heading)) and (named := self.lookup(acronym.group(1))):
            before = self.find(heading[: acronym.start()])
            if (
                before
                and self.topics[named].category != "cloud-concepts"
                and all(self.topics[slug].category == "cloud-concepts" for slug in before)
            ):
                # "Elastic Cloud Computing (EC2)": a service's name misremembered as a concept's words, then the
                # service's own acronym, which is what the heading means
                return [named]
        tokens = _tokens(heading)
        hits = self._hits(tokens, mentions=False)
        hits = [
            h for h in hits
            if not (self._common(tokens[h.start : h.end]) and tokens[h.end : h.end + 1] and tokens[h.end].isdigit())
        ]  # fmt: skip  # "Domain 3 - Batch 09", "Region 2": a word too common to trust, numbered, is a study label
        if not hits:
            return []
        if len(hits) > 1 and hits[1].start == hits[0].end and self._common(tokens[hits[0].start : hits[0].end]):
            # "Serverless (Amazon Aurora Serverless)": a word too common to trust, then the exact name it means
            hits = hits[1:]
        if (aside := _TRAILING_ASIDE.search(heading)) and len(_tokens(heading[: aside.start()])) >= 2:
            inside = len(_tokens(heading[: aside.start()]))
            if hits[0].start >= inside and len(_tokens(aside.group(1))) > hits[0].end - hits[0].start:
                # "Reserved Instance Marketplace (EC2 Console)": a name only in an aside that says where or how, more
                # than the name, is not what the section is about
                return []
        group = [hits[0]]
        for hit in hits[1:]:
            gap = tokens[group[-1].end : hit.start]
            prev = group[-1].slug
            related = hit.slug == prev or self.is_ancestor(prev, hit.slug) or self.is_ancestor(hit.slug, prev)
            if gap and set(gap) <= _SEPARATORS | _FILLER and set(gap) & _SEPARATORS:
                after = tokens[hit.end : hit.end + 1]
                if self._common(tokens[hit.start : hit.end]) and after and after[0] not in _SEPARATORS:
                    break  # "multi-Region and multi-AZ resources": a word too common to trust, describing a noun
                group.append(hit)  # "SNS, SQS & Kinesis", "RDS and Amazon Aurora"
            elif related and set(gap) <= _FILLER:
                group.append(hit)  # "S3 - Simple Storage Service", "Route 53 weighted routing"
            else:
                break
        slugs = list(dict.fromkeys(h.slug for h in group))
        if len(slugs) == 1 and (kind := tokens[group[-1].end : group[-1].end + 1]) and kind[0] in _KINDS:
            # "EBS Types", "S3 Classes": the sub-topic that lists the kinds of it ("Amazon EBS Volume Types")
            kinds = [c.slug for c in self.children(slugs[0]) if _tokens(c.name)[-1:] == kind]
            if len(kinds) == 1:
                return kinds
        return [s for s in slugs if not any(self.is_ancestor(s, o) for o in slugs if o != s)]

    def _common(self, key: list[str]) -> bool:
        return tuple(key) in self._ambiguous_keys

    def is_ambiguous(self, name: str) -> bool:
        """Whether ``name`` (plural or singular) is one of the names too common in prose to count as a mention."""
        return tuple(t for t in _tokens(name) if t != ",") in self._ambiguous_keys

    def part_of_any(self, text: str) -> bool:
        """Whether ``text`` is one of some topic's parts ("Operational Excellence", "Security Pillar")."""
        return bool(self._parts_of(text))

    def is_part(self, slug: str, text: str) -> bool:
        """Whether ``text`` is one of the topic's parts, bare or with its part word ("Fault Tolerance",
        "Security Pillar"), or numbered or followed by its explanation ("Cost Optimization - recommendations ...")
        is left to the caller: this compares the whole text."""
        return slug in self._parts_of(text)

    def parts_named(self, terms: list[str]) -> str | None:
        """The one topic at least three of ``terms``, and at least half of them, are parts of ("Business",
        "People", "Governance" are perspectives of the Cloud Adoption Framework) or context names of ("On-Demand",
        "Reserved", "Spot"), else None: labels shared by two such topics ("Security", "Reliability") count for
        both, and a tie names neither."""
        counts = Counter(slug for term in terms for slug in self._parts_of(term) | {self.context_lookup(term)} - {None})
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3 or ranked[0][1] * 2 < len(terms):
            return None
        return ranked[0][0] if len(ranked) == 1 or ranked[1][1] < ranked[0][1] else None

    def _parts_of(self, term: str) -> set[str]:
        """The topics ``term`` is one of the parts of, bare or with their part word ("Security Pillar"), as is_part
        reads it, by the index of parts."""
        key = [t for t in _tokens(term) if t != ","]
        found = set(self._part_index.get(tuple(key), ()))
        while key and key[-1] in self._any_part_word:
            word = key.pop()
            found |= {slug for slug in self._part_index.get(tuple(key), ()) if word in self._part_words[slug]}
        return found

    def lookup(self, name: str) -> str | None:
        """The topic whose name, short name or alias is exactly ``name`` (normalised), else None."""
        key = tuple(t for t in _tokens(name) if t != ",")
        for entry_key, slug, _ in self._index.get(key[0], ()) if key else ():
            if entry_key == key:
                return slug
        if len(key) >= 2 and key[0] in _MAKER_SWAP:
            # "Amazon Storage Gateway", "Amazon Outposts": a service named with the other maker's word
            swapped = (_MAKER_SWAP[key[0]], *key[1:])
            for entry_key, slug, _ in self._index.get(swapped[0], ()):
                if entry_key == swapped:
                    return slug
        return None

    def find_misspelt(self, heading: str, known_word: Callable[[str], bool]) -> list[str]:
        """The topic a heading names once its misspelt words are mended ("Storage Gatesay", "Cloud Fromation").

        A word of six letters or more that no catalog name uses and ``known_word`` does not know (an English word
        is never a typo of a name) is read as the one catalog word it is close to (one letter off, two for a word
        of eight or more letters); then the whole heading must be exactly a name. Else nothing.
        """
        tokens = [t for t in _tokens(heading) if t != ","]
        mended, changed = [], False
        for token in tokens:
            if len(token) >= 6 and token.isalpha() and token not in self._words and not known_word(token):
                limit = 1 if len(token) < 8 else 2
                near = [
                    w for w in self._long_words if abs(len(w) - len(token)) <= limit and _distance(w, token) <= limit
                ]
                if len(near) == 1:
                    mended.append(near[0])
                    changed = True
                    continue
            mended.append(token)
        slug = self.lookup(" ".join(mended)) if changed else None
        return [slug] if slug else []

    def mentions(self, text: str, *, common: bool = False) -> list[str]:
        """Every topic named anywhere in ``text``, in order of first mention.

        Ambiguous short names (``batch``, ``cf``, ``regions`` ...) are ignored here, unless ``common``.
        """
        hits = self._hits(_tokens(text), mentions=not common)
        return list(dict.fromkeys(h.slug for h in hits))


# -- loading --------------------------------------------------------------------------


def _require(entry: dict, key: str, what: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what}: missing or empty {key!r}")
    return value.strip()


def _optional(entry: dict, key: str, what: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{what}: {key!r} must be a string")
    return value.strip() or None


def _strings(entry: dict, key: str, what: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{what}: {key} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def parse_catalog(data: dict) -> Catalog:
    """Build and validate a Catalog from parsed TOML. Raises ValueError naming the entry."""
    categories: dict[str, Category] = {}
    for i, entry in enumerate(data.get("category", [])):
        what = f"category #{i + 1} ({entry.get('slug', '?')})"
        slug = _require(entry, "slug", what)
        if not _SLUG_RE.match(slug):
            raise ValueError(f"{what}: bad slug {slug!r}")
        if slug in categories:
            raise ValueError(f"{what}: duplicate category slug {slug!r}")
        order = entry.get("order", i + 1)
        if not isinstance(order, int):
            raise ValueError(f"{what}: order must be an integer")
        categories[slug] = Category(slug, _require(entry, "name", what), order)
    if not categories:
        raise ValueError("catalog has no [[category]] entries")

    topics: dict[str, CatalogTopic] = {}
    for i, entry in enumerate(data.get("topic", [])):
        what = f"topic #{i + 1} ({entry.get('slug', '?')})"
        slug = _require(entry, "slug", what)
        if not _SLUG_RE.match(slug):
            raise ValueError(f"{what}: bad slug {slug!r}")
        if slug in topics:
            raise ValueError(f"{what}: duplicate topic slug {slug!r}")
        category = _require(entry, "category", what)
        if category not in categories:
            raise ValueError(f"{what}: unknown category {category!r}")
        domain = _require(entry, "domain", what)
        if domain not in DOMAINS:
            raise ValueError(f"{what}: unknown domain {domain!r} (one of {', '.join(DOMAINS)})")
        parent = _optional(entry, "parent", what)
        if parent is not None and parent not in topics:
            raise ValueError(f"{what}: unknown parent {parent!r} (a parent must come before its children)")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ValueError(f"{what}: aliases must be a list of non-empty strings")
        unknown_keys = set(entry) - {
            "slug",
            "name",
            "full_name",
            "short",
            "aliases",
            "category",
            "domain",
            "parent",
            "discontinued",
            "parts",
            "part_words",
            "context_names",
        }
        if unknown_keys:
            raise ValueError(f"{what}: unknown fields {sorted(unknown_keys)}")
        topics[slug] = CatalogTopic(
            slug=slug,
            name=_require(entry, "name", what),
            full_name=_optional(entry, "full_name", what),
            short=_optional(entry, "short", what),
            aliases=tuple(a.strip() for a in aliases),
            category=category,
            domain=domain,
            parent=parent,
            order=i + 1,
            discontinued=_optional(entry, "discontinued", what),
            parts=_strings(entry, "parts", what),
            part_words=_strings(entry, "part_words", what),
            context_names=_strings(entry, "context_names", what),
        )
    if not topics:
        raise ValueError("catalog has no [[topic]] entries")
    ambiguous = data.get("ambiguous", [])
    if not isinstance(ambiguous, list) or not all(isinstance(a, str) for a in ambiguous):
        raise ValueError("'ambiguous' must be a list of strings")
    return Catalog(categories, topics, frozenset(normalise(a) for a in ambiguous))


@functools.cache
def load_catalog() -> Catalog:
    """The catalog from content/catalog.toml (read once per process)."""
    with CATALOG_PATH.open("rb") as fh:
        return parse_catalog(tomllib.load(fh))
