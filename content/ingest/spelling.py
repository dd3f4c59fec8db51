"""Misspelled words, measured against an English word list and the catalog's names, not a list of known typos.

The English list is pyspellchecker's (a pinned PyPI package; its word-frequency data file); to it we add
every word of the catalog's names and aliases and the cloud words of content/ingest/tech_words.txt. A word
is misspelled when it is not in that vocabulary and the word list knows a word one or two edits away
("availabiliy" -> availability, "throught" -> through). Names, acronyms, code, numbers and words in
capitals are left alone: they are not typos of English words.

`respell_services` writes a misspelled service name the catalog's way ("DyanmoDB" -> DynamoDB).
"""

from __future__ import annotations

import difflib
import functools
import re
from pathlib import Path

TECH_WORDS = Path(__file__).resolve().parent / "tech_words.txt"

_WORD = re.compile(r"(?<![\w./@#$%&*+=:\\-])([A-Za-z][a-z]+(?:['’][a-z]+)?)(?![\w/@#$%&*+=:\\-]|\.\w)")
_CODE = re.compile(r"`[^`]*`|https?://\S+|\bwww\.\S+|\S+@\S+")


@functools.cache
def english_words() -> frozenset[str]:
    """The English word list alone (pyspellchecker's), without the catalog's names or the tech words."""
    return frozenset(_checker().word_frequency.dictionary)


@functools.cache
def vocabulary() -> frozenset[str]:
    from content.catalog import load_catalog  # noqa: PLC0415

    words = set(english_words())
    for topic in load_catalog().topics.values():
        for name in topic.names:
            words.update(w.lower() for w in re.findall(r"[A-Za-z]+", name))
    words.update(w.strip().lower() for w in TECH_WORDS.read_text().split() if w.strip() and not w.startswith("#"))
    return frozenset(words)


@functools.cache
def _checker():
    from spellchecker import SpellChecker  # noqa: PLC0415

    return SpellChecker(language="en", distance=1)


@functools.lru_cache(maxsize=65536)
def misspelled_word(word: str) -> str | None:
    """The English word `word` is a typo of, else None (a known word, or an unknown name or term)."""
    low = word.lower().replace("’", "'")
    if len(low) < 4 or known_word(low):
        return None
    if fused := _fused(low):
        return fused  # "upto", "atleast": two words run together, not a slip that makes another word ("unto")
    checker = _checker()
    near = set(checker.edit_distance_1(low)) & vocabulary()  # one slip: a letter missed, doubled, swapped, wrong
    if not near:
        return None  # nothing English is near: a name or a term, not a slip of the fingers
    if any(form in vocabulary() for form in _derived(low)) and not (
        low.endswith("able") and any(w.endswith("able") for w in near)
    ):
        return None  # "burstable" is burst + able; "predicatable" is "predictable" with a slip, not "predicate" + able
    return max(near, key=lambda w: (checker.word_usage_frequency(w), w))


# the short words notes run together ("upto", "alot", "atleast", "eachother", "everytime"); a term made of one and
# another word ("anycast", "multicast") is no run-on
_RUN_ON = frozenset(
    "a an at up to in on of by for no any each every some all lot least most other time one more".split()
)


def _fused(low: str) -> str | None:
    """The two words an unknown word runs together, both words notes run on ("upto" -> "up to")."""
    for cut in range(1, len(low)):
        head, tail = low[:cut], low[cut:]
        if head in _RUN_ON and tail in _RUN_ON:
            return f"{head} {tail}"
    return None


def known_word(low: str) -> bool:
    """Whether a lower-case word is in the vocabulary, as written or as an inflection of a word it holds."""
    return low in vocabulary() or any(form in vocabulary() for form in _forms(low))


def known_or_derived(low: str) -> bool:
    """Whether a lower-case word is known (known_word), or made of a known one with a suffix or prefix."""
    return known_word(low) or any(form in vocabulary() for form in _derived(low))


def _forms(low: str) -> tuple[str, ...]:
    """Inflections the word list may not hold: "autoscaled", "microservices", "provisioning"."""
    out = []
    for suffix in ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "'s"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            if suffix == "d" and not low.endswith("ed"):
                continue  # "managed" is "manage" + "d"; "answerd" is no form of "answer"
            out.append(low[: -len(suffix)])
    if low.endswith("ies"):
        out.append(low[:-3] + "y")
    for british, american in (("our", "or"), ("ise", "ize"), ("isation", "ization"), ("yse", "yze"), ("tre", "ter")):
        if british in low:
            out.append(low.replace(british, american))
    return tuple(out)


def _derived(low: str) -> tuple[str, ...]:
    """Words made with a suffix or prefix the word list may not hold: "burstable", "multicloud". Weaker than an
    inflection: a real word one slip away wins over a guessed derivation."""
    out = []
    if low.endswith("able") and len(low) > 7:
        out += [low[:-4], low[:-4] + "e"]  # "burstable", "customizable"
    for prefix in ("re", "un", "pre", "multi", "non", "auto", "sub", "micro", "inter", "over"):
        if low.startswith(prefix) and len(low) - len(prefix) >= 4:
            out.append(low[len(prefix) :])
    return tuple(out)


def misspellings(text: str) -> list[tuple[str, str]]:
    """(word as written, the word it should be) for each misspelled word of a line of notes."""
    text = _CODE.sub(" ", text)
    out = []
    for m in _WORD.finditer(text):
        word = m.group(1)
        if word[:1].isupper() and m.start() > 0 and not text[: m.start()].rstrip().endswith((".", "!", "?", ":")):
            continue  # a capitalised word inside a sentence is a name
        fix = misspelled_word(word)
        if fix:
            out.append((word, fix))
    for m in _COMPOUND.finditer(text):  # "fully-mangaed": two letters swapped inside a compound of plain words
        fix = misspelled_word(m.group(2))  # (only a swap: any other near miss may be a term no word list knows)
        if fix and sorted(fix) == sorted(m.group(2).lower()) and known_word(m.group(1).lower()):
            out.append((m.group(2), fix))
    return out


# two plain words joined by a hyphen ("fully-managed"), not a name or code ("X-Forwarded-For", "us-east-1")
_COMPOUND = re.compile(r"(?<![\w./@#$%&*+=:\\-])([A-Za-z][a-z]{2,})-([a-z]{4,})(?![\w/@#$%&*+=:\\-])")


def correct_typos(text: str) -> str:
    """The text with each slip of the fingers mended ("predicatable" -> "predictable"), capitals kept."""
    for word, fix in misspellings(text):
        fixed = fix.capitalize() if word[:1].isupper() else fix
        text = re.sub(rf"(?<!\w){re.escape(word)}(?![\w-])", fixed, text)  # (after a hyphen too: "fully-mangaed")
    return text


# --- service names ----------------------------------------------------------------------------------


@functools.cache
def _service_forms() -> dict[str, str]:
    """One-word catalog names as written ("DynamoDB", "CloudFront", "ElastiCache"), by lower case."""
    from content.catalog import load_catalog  # noqa: PLC0415

    forms: dict[str, str] = {}
    for topic in load_catalog().topics.values():
        for name in (topic.name, topic.short or ""):
            for word in re.findall(r"[A-Za-z][A-Za-z0-9]+", name):
                if len(word) >= 6 and (any(c.isupper() for c in word[1:]) or word[0].isupper()):
                    forms.setdefault(word.lower(), word)
    return forms


_NAME_TOKEN = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9]{4,}(?![\w-])")


def service_name(token: str) -> bool:
    """Whether one word is a catalog service's name, as written or with a slip ("CloudFront", "ElasticCache")."""
    return token.lower() in _service_forms() or _respelled(token) is not None


@functools.lru_cache(maxsize=65536)
def _respelled(token: str) -> str | None:
    low = token.lower()
    forms = _service_forms()
    if low in forms:
        form = forms[low]
        camel = any(c.isupper() for c in form[1:])
        return form if camel and token != form else None  # "Elasticache" -> ElastiCache; "config" stays
    if low in vocabulary():
        return None
    best, score = None, 0.0
    for key, form in forms.items():
        if key[0] != low[0] or abs(len(key) - len(low)) > 2:
            continue
        ratio = difflib.SequenceMatcher(None, low, key).ratio()
        if ratio > score:
            best, score = form, ratio
    if best is None or score < 0.85:
        return _respelled_numbered(low)
    return best


@functools.cache
def _numbered_names() -> dict[str, str]:
    """Catalog names that end in a number ("Route 53"), by their letters and number ("route", "53")."""
    from content.catalog import load_catalog  # noqa: PLC0415

    out: dict[tuple[str, str], str] = {}
    for topic in load_catalog().topics.values():
        for name in (topic.name, topic.short or ""):
            for m in re.finditer(r"\b([A-Za-z]{4,})\s?(\d{1,3})\b", name):
                out.setdefault((m.group(1).lower(), m.group(2)), f"{m.group(1)} {m.group(2)}")
    return out


def _respelled_numbered(low: str) -> str | None:
    """ "Root53" -> Route 53: letters one or two off a numbered name's, then the same number."""
    m = re.fullmatch(r"([a-z]{4,})(\d{1,3})", low)
    if not m or m.group(1) in vocabulary() and (m.group(1), m.group(2)) in _numbered_names():
        return None
    typed, number = m.group(1), m.group(2)
    near = [
        name for (letters, digits), name in _numbered_names().items()
        if digits == number and letters != typed and letters[0] == typed[0]
        and difflib.SequenceMatcher(None, letters, typed).ratio() >= 0.6
    ]  # fmt: skip
    return near[0] if len(near) == 1 else None


def respell_services(text: str) -> str:
    """Text with every misspelled one-word service name in the catalog's spelling ("DyanmoDB" -> DynamoDB), and a
    model code typed with a letter for its "1" ("Iol" -> io1)."""
    text = _CODE_TYPED_WITH_L.sub(_model_code, text)
    return _NAME_TOKEN.sub(lambda m: _respelled(m.group(0)) or m.group(0), text)


_CODE_TYPED_WITH_L = re.compile(r"(?<![\w-])([A-Za-z]{2})[lI](?![\w-])")


def _model_code(m: re.Match) -> str:
    """ "Stl" -> st1, when the catalog knows st1; else the token as written."""
    code = f"{m.group(1)}1".lower()
    return code if code in _model_codes() else m.group(0)


@functools.cache
def _model_codes() -> frozenset[str]:
    """The catalog's model codes of two letters and a "1" ("st1", "io1", "sc1")."""
    from content.catalog import load_catalog  # noqa: PLC0415

    aliases = (alias for topic in load_catalog().topics.values() for alias in topic.aliases)
    return frozenset(alias for alias in aliases if re.fullmatch(r"[a-z]{2}1", alias))
