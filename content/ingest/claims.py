"""What is wrong about AWS, as knowledge: claims matched against what any note says, in any wording.

content/claims.toml holds the claims. Each names its topic, what a wrong statement looks like (patterns
over the statement's normalised text: numbers with their units, key phrases, negations), the correction,
and a source for it. A statement is checked against every claim whose subject it names (or whose topic it
sits on), so "RIs give a 75 percent discount" and "Reserved Instances save up to 75% off" are one mistake.

Normalised text: lower case, straight quotes, no markdown emphasis, single spaces, number words as digits
("eleven nines" -> "11 nines"), thousands without commas ("64,000" -> "64000"), "percent"/" %" -> "%",
units in one spelling (min, hours, days, seconds, nines). Matching keeps a map back to the original
characters, so the words a claim is about can be quoted.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from content.ingest.outline import comparison_columns

CLAIMS_PATH = Path(__file__).resolve().parents[1] / "claims.toml"

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_UNITS = {
    "min": r"minutes?|mins?",
    "hours": r"hours?|hrs?",
    "days": r"days?",
    "seconds": r"seconds?|secs?",
    "nines": r"9s|9's|9’s|nines",
}
# Note-taking shorthand and common misspellings, read as the word they stand for ("ur EC2 instances",
# "replicated accross AZs", "regional svc") so claims need one spelling of each word.
_SHORTHAND = {
    "u": "you", "ur": "your", "w/o": "without", "w/": "with", "b/c": "because", "svc": "service",
    "svcs": "services", "msg": "message", "msgs": "messages", "std": "standard", "vol": "volume", "vols": "volumes",
    "yr": "year", "yrs": "years", "mo": "month", "mos": "months", "approx": "approximately", "mgmt": "management",
    "accross": "across", "availabilty": "availability", "availibility": "availability", "retension": "retention",
    "seperate": "separate", "durabilty": "durability", "recieve": "receive", "recieves": "receives",
    "isnt": "isn't", "doesnt": "doesn't", "dont": "don't", "cant": "can't", "arent": "aren't",
}  # fmt: skip
_WORDS = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# Words run together in CamelCase ("NetworkAccessControlList") are read apart, as claims spell them; not a service
# whose own name is written so ("CloudWatchLogs" keeps "cloudwatch")
_BRANDS = "Cloud|Dynamo|Code|Elasti|Light|Red|Power|Sage|Quick|Guard|Route|Event|Secrets|Data"
_SHORT = "|".join(re.escape(w) for w in sorted(_SHORTHAND, key=len, reverse=True))
_TOKEN = re.compile(
    r"(?P<markup>\*\*|__|`)"
    r"|(?P<quote>[‘’])|(?P<dquote>[“”])|(?P<dash>–)"
    rf"|(?P<camel>(?-i:\b(?!{_BRANDS})[A-Z][a-z]{{2,}}(?:[A-Z][a-z]{{2,}}){{2,}}\b))"
    rf"|\b(?<![/.-])(?P<short>{_SHORT})(?![\w/.-]|'\w)"
    r"|(?P<percent>(?<=\d)[ \t]*(?:%|\bper ?cent\b|\bpct\b)|\bper ?cent\b)"
    + "".join(rf"|(?P<u_{name}>(?<=\d)[ \t]*(?:{alts})\b|\b(?:{alts})\b)" for name, alts in _UNITS.items())
    + r"|(?P<space>\s*\n\s*|[\t\u00a0]+)"  # a line break (tables) or an odd space; single spaces are copied
    r"|(?P<thousands>\b\d{1,3}(?:,\d{3})+\b)"
    rf"|(?P<word>\b(?:{_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b)",
    re.I,
)
# A question and its answer on one line ("Q: Spot notice? A: ten minutes", "Spot notice? -> 2 min", "Graph
# database? DocumentDB.": a short answer ending the line) are one statement: the answer says what is asked. A bare
# yes or no is left a sentence of its own: it answers, it does not restate.
_SENTENCE_END = re.compile(
    r"(?<=[.!;])\s+(?=\S)"
    r"|(?<=\?)\s+(?!(?:a|ans|answer)\s*[:=-]|->|=>|→"
    r"|(?!(?:yes|no|nope|yep|yeah|true|false|correct|wrong)\b)"
    r"[^\s.?!;,]+(?:\s+[^\s.?!;,]+){0,2}[.!]?[ \t]*(?:\n|$))(?=\S)"
    r"|\n+|\s\|\s|\s[·•]\s"  # (items set apart by a middle dot, "Instant (ms) · Deep Archive (hrs)")
)


def normalise_map(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the index of the original character."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        _copy(text, pos, m.start(), out, where)
        kind = m.lastgroup or ""
        value = m.group(0)
        if kind == "markup":
            rep = ""
        elif kind == "quote":
            rep = "'"
        elif kind == "dquote":
            rep = '"'
        elif kind == "dash":
            rep = "-"
        elif kind == "short":
            rep = _SHORTHAND[value.lower()]
        elif kind == "space":
            rep = "\n" if "\n" in value else " "
        elif kind == "thousands":
            rep = value.replace(",", "")
        elif kind == "word":
            parts = re.split(r"[- ]", value.lower())
            rep = str(sum(_NUMBER_WORDS.get(p, 0) for p in parts)) if all(p in _NUMBER_WORDS for p in parts) else value
            if rep == value:
                rep = value.lower()
        elif kind == "camel":
            rep = " ".join(re.findall(r"[A-Z][a-z]+", value)).lower()
        elif kind == "percent":
            rep = "%"
        else:
            rep = (" " if value[:1].isspace() else "") + kind[2:]
            if rep.strip() == "nines" and value[:1].isspace() is False and m.start() and text[m.start() - 1].isdigit():
                rep = " nines"
        out.append(rep)
        where.extend([m.start()] * len(rep))
        pos = m.end()
    _copy(text, pos, len(text), out, where)
    norm = "".join(out)
    return norm, where


def _copy(text: str, start: int, end: int, out: list[str], where: list[int]) -> None:
    piece = text[start:end].lower()
    if len(piece) == end - start:
        out.append(piece)
        where.extend(range(start, end))
        return
    for k in range(start, end):  # a letter whose lower case is longer ("İ"): one at a time
        low = text[k].lower()
        out.append(low)
        where.extend([k] * len(low))


def normalise(text: str) -> str:
    return normalise_map(text)[0]


@dataclass(frozen=True)
class Span:
    """Where in the text given to `Claim.search` the claim's wrong words are."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


@dataclass(frozen=True)
class Claim:
    id: str
    topic: str
    correction: str
    source: str
    wrong: tuple[re.Pattern, ...]
    about: re.Pattern | None = None
    others: re.Pattern | None = None
    unless: tuple[re.Pattern, ...] = ()
    right: re.Pattern | None = None
    also: tuple[str, ...] = ()  # more topics whose pages it applies on without naming its subject
    examples: tuple[str, ...] = field(default=(), compare=False)  # correct statements it must not flag

    @property
    def pattern(self) -> Claim:
        """`claim.pattern.search(text)`, as the old errata were read."""
        return self

    def search(self, text: str, topic: str | None = None, *, about_checked: bool = False) -> Span | None:
        """The span of `text` this claim says is wrong, else None. `about_checked`: the caller has already
        found the claim's subject in the text (or the page is one the claim applies on)."""
        norm, where = _normalised(text)
        if not about_checked and self.about is not None and not self.about.search(norm):
            if topic is None or topic not in self.also:
                return None
        if self.about is None:
            # A claim without a subject is a phrase: read the whole line, as written and normalised.
            for form, mapping in ((text, None), (norm, where)):
                for rx in self.wrong:
                    m = rx.search(form)
                    if m and not any(u.search(form) for u in self.unless):
                        return _span(m.start(), max(m.end(), m.start() + 1), mapping)
            return None
        for sentence_start, sentence in _sentences(norm):
            m = self._wrong_in(sentence)  # the `unless` patterns are read only once a wrong statement is found
            if m is not None and not any(u.search(sentence) for u in self.unless):
                begin, end = sentence_start + m.start(), sentence_start + max(m.end(), m.start() + 1)
                return _span(begin, end, where)
        return None

    def _wrong_in(self, sentence: str) -> re.Match | None:
        for rx in self.wrong:
            for m in rx.finditer(sentence):
                if self.others is not None and self._nearer_other(sentence, m):
                    continue
                if _negated(sentence, m.start()) or _denied_inside(rx, sentence, m):
                    continue
                if self._said_of_another(sentence, m):
                    continue
                return m
        return None

    def _said_of_another(self, sentence: str, m: re.Match) -> bool:
        """ "IAM is global, unlike KMS, which is regional", "SQS is pull-based while SNS pushes": the wrong words
        belong to the service the clause is about (read as the reference facts read it), not to this claim's
        subject, when that service is named and this claim's subject is not named between it and the words."""
        from content.ingest.facts_check import clause_start, load_table, statement_owner  # noqa: PLC0415

        owner = statement_owner(load_table(), sentence, m.end())
        if owner is None or owner[0] >= m.start() or self.about.search(sentence[owner[0] : owner[1]]):
            return False  # (a name inside the wrong words, "copies data across 3 AZs", is what they say, not who)
        label = _LABEL.match(sentence)
        if label and self.about.fullmatch(label.group(1)) and not _TURN_AWAY.search(sentence, label.end(), m.start()):
            return False  # "RDS: ..., but guest OS patches are mine": the line is labelled with the claim's subject
        start = min(owner[1], clause_start(sentence, m.end()))
        return not self.about.search(sentence, start, m.end())

    def _nearer_other(self, sentence: str, m: re.Match) -> bool:
        """`Spot saves 90%, RIs 72%`: a figure belongs to the subject named nearest before it."""

        def nearest(rx: re.Pattern) -> int | None:
            before = [h.end() for h in rx.finditer(sentence, 0, m.start() + 1)]
            return m.start() - before[-1] if before else None

        own, other = nearest(self.about), nearest(self.others)
        if other is None:
            return False
        return own is None or other < own


# A line labelled with a name: "RDS: ...", "Lambda -> ...".
_LABEL = re.compile(r"\W*([a-z0-9][a-z0-9 -]{0,30}?)\s*(?::|->|=>|→|=|–| - )")
# Words that turn a labelled line to another subject: "RDS: unlike EC2, ...", "RDS: vs EC2 ...".
_TURN_AWAY = re.compile(r"\b(?:unlike|whereas|vs\.?|versus|compared (?:to|with)|on ec2|with ec2|for ec2|ec2)\b")
_NEGATOR = re.compile(r"\b(?:not|no|never|without|cannot|neither|nor)\b|n't\b")
_CLAUSE_BREAK = re.compile(r"[,;:(]|->|=>|\b(?:but|while|whereas|although|though|however|unlike|so|because|and)\b")


def _negated(sentence: str, start: int) -> bool:
    """Whether the clause leading up to a wrong statement negates it: "you do not pay for idle", "Direct
    Connect is not encrypted by default". Only the few words before the match, back to a clause break, count,
    so a "no" elsewhere in the sentence ("..., so there is no point adding a VPN") does not excuse it."""
    window = sentence[max(0, start - 30) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return bool(_NEGATOR.search(window))


def _denied_inside(rx: re.Pattern, sentence: str, m: re.Match) -> bool:
    """ "GuardDuty doesn't scan for vulnerabilities", "SQS can't push messages": a negation inside the matched
    words, in the clause the wrong words end in, that the pattern does not need (the words still match without
    it) denies what the claim's pattern asserts. A negation the pattern needs ("Route 53 cannot register
    domains") is the mistake itself."""
    text = m.group(0)
    breaks = list(_CLAUSE_BREAK.finditer(text))
    tail = breaks[-1].end() if breaks else 0
    negations = list(_NEGATOR.finditer(text, tail))
    if not negations:
        return False
    stripped = text
    for n in reversed(negations):
        stripped = stripped[: n.start()] + stripped[n.end() :]
    return bool(rx.search(sentence[: m.start()] + stripped + sentence[m.end() :]))


def _span(begin: int, end: int, where: list[int] | None) -> Span:
    if where is None:
        return Span(begin, end)
    return Span(where[begin], where[min(end, len(where)) - 1] + 1)


@functools.lru_cache(maxsize=8192)
def _normalised(text: str) -> tuple[str, list[int]]:
    return normalise_map(text)


@functools.lru_cache(maxsize=1024)
def _sentences(norm: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for m in _SENTENCE_END.finditer(norm):
        out.append((pos, norm[pos : m.start()]))
        pos = m.end()
    out.append((pos, norm[pos:]))
    return [(p, s) for p, s in out if s.strip()]


def _compile(pattern: str, what: str) -> re.Pattern:
    if re.search(r"[\x00-\x08\x0b-\x1f]", pattern):
        # a TOML "basic string" reads \b as a backspace: the word boundary silently never matches
        raise ValueError(f"{what}: pattern {pattern!r} holds a control character; write it in 'single quotes'")
    try:
        return re.compile(pattern, re.I)
    except re.error as exc:
        raise ValueError(f"{what}: bad pattern {pattern!r}: {exc}") from None


def parse_claims(data: dict, topics: set[str] | None = None) -> list[Claim]:
    """Claims from the TOML data, checked: ids unique, topics in the catalog, patterns compile, a source."""
    sources = data.get("sources", {})
    claims, seen = [], set()
    for i, entry in enumerate(data.get("claim", [])):
        what = f"claim #{i + 1} ({entry.get('id', '?')})"
        for key in ("id", "topic", "correction", "wrong"):
            if not entry.get(key):
                raise ValueError(f"{what}: missing {key!r}")
        if entry["id"] in seen:
            raise ValueError(f"{what}: duplicate claim id {entry['id']!r}")
        seen.add(entry["id"])
        also = tuple(entry.get("also", ()))
        if topics is not None:
            for slug in (entry["topic"], *also):
                if slug not in topics:
                    raise ValueError(f"{what}: unknown topic {slug!r}")
        source = entry.get("source") or sources.get(entry["topic"])
        if not source or not str(source).startswith("https://"):
            raise ValueError(f"{what}: no https source for the correction")
        wrong = entry["wrong"] if isinstance(entry["wrong"], list) else [entry["wrong"]]
        unless = entry.get("unless", [])
        unless = unless if isinstance(unless, list) else [unless]
        examples = entry.get("right_examples", [])
        claims.append(
            Claim(
                id=entry["id"], topic=entry["topic"], correction=entry["correction"].strip(), source=source,
                wrong=tuple(_compile(p, what) for p in wrong),
                about=_compile(entry["about"], what) if entry.get("about") else None,
                others=_compile(entry["others"], what) if entry.get("others") else None,
                unless=tuple(_compile(p, what) for p in unless),
                right=_compile(entry["right"], what) if entry.get("right") else None,
                also=also, examples=tuple(examples),
            )
        )  # fmt: skip
    return claims


@functools.cache
def _claims() -> tuple[Claim, ...]:
    from content.catalog import load_catalog  # noqa: PLC0415

    with CLAIMS_PATH.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(parse_claims(data, set(load_catalog().topics)))


def load_claims() -> list[Claim]:
    """Every claim of content/claims.toml, validated against the catalog."""
    return list(_claims())


_TABLE_ROWS = re.compile(r"^[ \t]*\|.*$", re.M)
_TABLE_RULE = re.compile(r"[\s|:-]*")


# A question the line answers "no" to: "Is IAM regional? No, IAM is global, so users aren't tied to a Region."
_DENIED_QUESTION = re.compile(r"^\W*[^?\n]{3,150}\?\s*((?:no|nope|not at all)\b.*)$", re.I | re.S)


def _row_statement(row: str) -> str:
    """A table row as the statement it makes: "| Business | < 15 min for ... |" as "Business: < 15 min for ...", so
    that the subject in its first cell and what the other cells say of it are read as one sentence."""
    cells = [c for c in _cells(row) if c]
    if len(cells) < 2:
        return row
    return f"{cells[0]}: {'; '.join(cells[1:])}"


_OWN_WRONG_ANSWER = re.compile(
    r"\((?:[^()]*\b(?:i|my)\b[^()]*\b(?:answered|answer|picked|chose|put|said|guessed|went with)\b[^()]*"
    r"|[^()]*\b(?:wrong|incorrect)\W*)\)",
    re.I,
)


def find_claim(text: str, claims=None, *, topic: str | None = None) -> Claim | None:
    """The first claim that says this line of a note is wrong, else None. `topic`: the page it sits on.

    With the default claims, a line no claim flags is then compared with the reference facts
    (content/ingest/facts_check.py): the answer is then a `facts_check.Fact`, read like a claim (id, topic,
    correction, source, `pattern.search`). A table of three or more rows is read row by row under its header."""
    if not text or not text.strip():
        return None
    text = _OWN_WRONG_ANSWER.sub(" ", text)  # "... a two-minute warning (I answered 10 min, wrong)": the author's
    # own mistake, marked as such, is not what the line says
    if denied := _DENIED_QUESTION.match(text):
        text = denied.group(1)  # "Is IAM regional? No, IAM is global ...": the question's premise is what the
        # answer denies; only the answer states anything
    rows = _TABLE_ROWS.findall(text) if text.lstrip().startswith("|") else []
    rows = [row for row in rows if not _TABLE_RULE.fullmatch(row)]
    if len(rows) > 2:  # a table: its header with each row, so words of two rows never make one statement
        # (a comparison's row says something of each column in turn: only a claim written against such a row reads
        # it whole)
        whole = _row_claims(claims) if comparison_columns(text) else claims
        found = [f for row in rows[1:] if (f := _find_in_line(f"{rows[0]}\n{row}", whole, topic))] if whole else []
        found = found or [claim for _, claim in claims_by_row(text, claims, topic=topic, as_written=False)]
        if not found:
            return None
        order = {id(c): n for n, c in enumerate(tuple(claims) if claims is not None else _claims())}
        return min(found, key=lambda f: order.get(id(f), len(order)))  # the first claim, as for any line
    found = _find_in_line(text, claims, topic)
    if found is None and len(rows) == 2:
        found = next((claim for _, claim in claims_by_row(text, claims, topic=topic, as_written=False)), None)
    return found


def claims_by_row(
    text: str, claims=None, *, topic: str | None = None, as_written: bool = True
) -> list[tuple[int, Claim]]:
    """Each row of a table that a claim says is wrong, by its index among the text's lines, with that claim: the
    row read under its header (as written, unless the caller has read it so already), as the statement it makes
    ("Business: < 15 min ...") and cell by cell under its column's header."""
    lines = text.splitlines()
    rows = [(i, line) for i, line in enumerate(lines) if line.lstrip().startswith("|")]
    rows = [(i, line) for i, line in rows if not _TABLE_RULE.fullmatch(line)]
    if len(rows) < 2:
        return []
    header = rows[0][1]
    out = []
    if comparison_columns(text):
        # "| Ordering | Best effort | Strictly preserved |" under "| Feature | Standard | FIFO |": each cell is a
        # statement about its column ("Standard Ordering: Best effort"), never one statement with its neighbour's;
        # only a claim written against such a row (its pattern spans the cells) reads the row whole
        # (a cell that says no, "No" under "Automatic Failover", is a denial its sentence would lose: left unread)
        names, whole = _cells(header), _row_claims(claims)
        order = {id(c): n for n, c in enumerate(tuple(claims) if claims is not None else _claims())}
        for i, row in rows[1:]:
            cells = _cells(row)
            said = [
                f"{name} {cells[0]}: {cell}"
                for name, cell in zip(names[1:], cells[1:], strict=False)
                if cell and not _DENIED_CELL.match(cell)
            ]
            claim = as_written and whole and _find_in_line(f"{header}\n{row}", whole, topic)
            found = [c for line in said if (c := _find_in_line(line, claims, topic))]
            if claim or found:
                out.append((i, claim or min(found, key=lambda c: order.get(id(c), len(order)))))
        return out
    for i, row in rows[1:]:
        claim = (
            (as_written and _find_in_line(f"{header}\n{row}", claims, topic))
            or _find_in_line(f"{header}\n{_row_statement(row)}", claims, topic)
            or _find_under_headers(header, row, claims, topic)
        )
        if claim:
            out.append((i, claim))
    return out


def _row_claims(claims) -> tuple[Claim, ...]:
    """The claims written against a table's row as a whole: a pattern that spans its cells ("query language | gremlin,
    sparql | dynamodb query")."""
    claims = tuple(claims) if claims is not None else _claims()
    return tuple(c for c in claims if any(r"\|" in p.pattern for p in c.wrong))


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _find_under_headers(header: str, row: str, claims, topic: str | None):
    """A table row placed on a page by itself, read cell by cell under its column's header as a sentence about
    the row's first cell: a cell ("30 days", "within 4 hours") says nothing until its header ("Min storage
    duration", "Production system down") and its row's name ("Glacier Instant Retrieval", "Business" under
    "Plan") are read with it. A cell that only says no ("no", "none, only billing help", "-") is a denial the
    sentence would lose, so it is left to the row's own reading. (A table of several rows is one block on its
    page, so a cell read this way would mark every row: those rows keep the row-under-header reading.)"""
    head, cells = _cells(header), _cells(row)
    if len(head) != len(cells) or len(cells) < 2 or not cells[0]:
        return None
    for name, value in zip(head[1:], cells[1:], strict=True):
        if not name or not value or _DENYING_CELL.match(value):
            continue
        if found := _find_in_line(f"{cells[0]} {head[0]} {name}: {value}", claims, topic):
            return found
    return None


# A cell that says no, or nothing: "no", "none, only ...", "not covered", "n/a", "-", "✗".
_DENYING_CELL = re.compile(r"\W*(?:no|none|not|never|n/a|na|x|yes|✓|✔)\b|[\s\W]*$", re.I)
_DENIED_CELL = re.compile(r"\W*(?:no|none|not|never|n/a|na|x)\b|[\s\W]*$|\W*✗", re.I)


def _find_in_line(text: str, claims, topic: str | None):
    """`find_claim` for one line (a table row with its header counts as one)."""
    from content.catalog import clean_line  # noqa: PLC0415

    line = clean_line(text)
    lowered = line.lower()
    norm = _normalised(line)[0]
    tokens = set(_TOKENS.findall(norm))
    claims = tuple(claims) if claims is not None else _claims()
    known = claims is _claims() or claims is _phrase_claims()
    phrases = _PHRASES.get(id(claims)) if known else None
    if phrases is None:
        phrases = _phrase_union(claims)
        if known:
            _PHRASES[id(claims)] = phrases
    # (with re.I, the normalised text needs a second look only when it differs from the line in more than case)
    any_phrase = phrases is None or bool(phrases.search(line) or (norm != lowered and phrases.search(norm)))
    index = _INDEXES.get(id(claims)) if known else None
    if index is None:
        index = _ClaimIndex(claims)
        if known:
            _INDEXES[id(claims)] = index
    for claim in index.candidates(lowered, norm, tokens, topic):
        if claim.about is None:
            if not _needles(claim) and not any_phrase:
                continue  # no phrase of the claims without such words occurs
        elif topic not in claim.also and not claim.about.search(norm):
            continue
        if claim.search(line, topic, about_checked=True) is not None:
            return claim
    if claims is _claims():  # then the table of reference facts (content/reference_facts.toml)
        from content.ingest.facts_check import find_contradiction  # noqa: PLC0415

        return find_contradiction(text, topic, cleaned=line)
    return None


class _ClaimIndex:
    """Which claims a line can match, found by looking up each required word once per line instead of once per
    claim (ingest asks about thousands of lines): a claim is a candidate when one of its words is in the line
    (the same tests the loop over every claim made), when it has no word to look for, or when the page's topic
    is one it applies on without naming its subject. Candidates come back in the file's order."""

    def __init__(self, claims: tuple[Claim, ...]):
        self.claims = claims
        self.always: list[int] = []
        self.by_topic: dict[str, list[int]] = {}
        self.needles: dict[str, list[int]] = {}  # subject-less claims: in the lowered or normalised line
        self.whole: dict[str, list[int]] = {}  # subject words that must be a token of the normalised line
        self.part: dict[str, list[int]] = {}  # subject words that may be part of a word
        for i, claim in enumerate(claims):
            if claim.about is None:
                needles = _needles(claim)
                for needle in needles:
                    self.needles.setdefault(needle, []).append(i)
                if not needles:
                    self.always.append(i)
                continue
            for slug in claim.also:
                self.by_topic.setdefault(slug, []).append(i)
            words = _subject_words(claim)
            if not words:
                self.always.append(i)
            for word, whole in words:
                (self.whole if whole else self.part).setdefault(word, []).append(i)

    def candidates(self, lowered: str, norm: str, tokens: set[str], topic: str | None):
        found = set(self.always)
        found.update(*(ids for needle, ids in self.needles.items() if needle in lowered or needle in norm))
        found.update(*(self.whole[token] for token in tokens if token in self.whole))
        found.update(*(ids for word, ids in self.part.items() if word in norm))
        if topic is not None:
            found.update(self.by_topic.get(topic, ()))
        return [self.claims[i] for i in sorted(found)]


_INDEXES: dict[int, _ClaimIndex] = {}
_PHRASES: dict[int, re.Pattern | None] = {}


def _phrase_union(claims: tuple[Claim, ...]) -> re.Pattern | None:
    """One regex for the phrases of the subject-less claims that have no required word to look for first."""
    parts = [rx.pattern for claim in claims if claim.about is None and not _needles(claim) for rx in claim.wrong]
    try:
        return re.compile("|".join(f"(?:{p})" for p in parts), re.I) if parts else None
    except re.error:
        return None


_NEEDLES: dict[str, tuple[str, ...]] = {}
_TOKENS = re.compile(r"[a-z0-9]+")
_SUBJECT_WORDS: dict[str, tuple[tuple[str, bool], ...]] = {}


def _subject_words(claim: Claim) -> tuple[tuple[str, bool], ...]:
    """Letters any match of the claim's subject must contain, one run per alternative, each with whether it is
    a whole word (then a token of the text must equal it) or may be part of one; () when unsure."""
    found = _SUBJECT_WORDS.get(claim.id)
    if found is None:
        plain = re.sub(r"[ -]\?|\[[^\]]*\]\?", "#", claim.about.pattern)  # "dynamo ?db" is one word or two
        plain = re.sub(r"\\b", " ", plain)
        plain = re.sub(r"\\[a-zA-Z]|\\.|\[[^\]]*\]|\{[^}]*\}|\(\?(?:[:=!]|<[=!])", "#", plain)
        plain = re.sub(r"[a-z0-9]\?", "#", plain.lower())  # an optional letter is not required
        pieces = re.split(r"[|()]", plain)
        runs = [list(re.finditer(r"[a-z0-9]{2,}", piece)) for piece in pieces]
        ok = all(r for r, piece in zip(runs, pieces, strict=True) if piece.strip(" ?*+#"))
        words = []
        for r, piece in zip(runs, pieces, strict=True):
            for m in r:
                before, after = piece[m.start() - 1 : m.start()], piece[m.end() : m.end() + 1]
                words.append((m.group(0), before == " " and after == " "))  # \\b on both sides
        found = _SUBJECT_WORDS[claim.id] = tuple(words) if ok else ()
    return found


def _needles(claim: Claim) -> tuple[str, ...]:
    """For a claim without a subject: one word each of its phrases must contain, else () (no shortcut)."""
    found = _NEEDLES.get(claim.id)
    if found is None:
        words = tuple(_required_literal(rx.pattern) for rx in claim.wrong)
        found = _NEEDLES[claim.id] = () if claim.about is not None or not all(words) else words
    return found


def _required_literal(pattern: str) -> str:
    """The longest plain word every match of this pattern must contain, or "" when there is none to rely on.

    Only for patterns without top-level alternation; a word next to `?`, `*`, `{` or inside a group is not
    required, so only runs of letters bounded by fixed context count.
    """
    depth = 0
    for char in re.sub(r"\\.", "", pattern):  # an escaped "(" or "|" is a plain character
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            return ""
    best = ""
    for match in re.finditer(r"(?<![\\(|?])\b([a-z]{4,})\b(?![?*{|)])", pattern):
        start = match.start()
        if pattern[:start].count("(") != pattern[:start].count(")"):
            continue  # inside a group: may be one side of an alternation or optional
        if len(match.group(1)) > len(best):
            best = match.group(1)
    return best


def flagged(text: str) -> bool:
    """Whether a phrase claim says this part of a line is wrong (extract's check of cells and clauses).

    Claims with a subject are checked on the whole line by ingest (`find_claim` with the page's topic), and a
    flagged line gives no fact at all, so here only the subject-less phrases are needed.
    """
    if not text or not text.strip():
        return False
    from content.catalog import clean_line  # noqa: PLC0415

    lowered = clean_line(text).lower()
    claims = _phrase_claims()
    if not any(n in lowered for c in claims for n in _needles(c)):
        union = _PHRASES.get(id(claims)) or _phrase_union(claims)
        if union is None or not union.search(lowered):
            return False  # no phrase can be there: skip normalising (extract asks about every clause)
    return find_claim(text, claims) is not None


@functools.cache
def _phrase_claims() -> tuple[Claim, ...]:
    return tuple(c for c in _claims() if c.about is None)


def disagreements(lines_by_topic: dict[str, list[tuple[str, list, str | None]]]) -> dict[str, list[dict]]:
    """Notes that disagree: on one topic, a line a claim flags and a line of another file that says it right.

    `lines_by_topic`: topic -> [(text, refs [[label, source_id, line], ...], claim id or None)].
    """
    by_id = {c.id: c for c in _claims()}
    out: dict[str, list[dict]] = {}
    for topic, lines in lines_by_topic.items():
        done = set()
        for _text, refs, claim_id in lines:
            claim = by_id.get(claim_id) if claim_id else None
            if claim is None or claim.right is None or claim.id in done:
                continue
            labels = {r[0] for r in refs}
            agreeing = [
                r for t, rs, cid in lines if cid is None and claim.right.search(normalise(t))
                for r in rs if r[0] not in labels
            ]  # fmt: skip
            if agreeing:
                done.add(claim.id)
                wrong = [f"{r[0]}:{r[2]}" for r in refs]
                right = list(dict.fromkeys(f"{r[0]}:{r[2]}" for r in agreeing))[:3]
                out.setdefault(topic, []).append({"note": f"Your notes disagree here. {claim.correction}",
                                                  "refs": wrong + right})  # fmt: skip
    return out
