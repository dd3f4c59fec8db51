"""Text every fact kind shares: cleaning, display case, subject keys, sentences, the word lists, and the
line split every kind starts from (`Term: definition`).
"""

from __future__ import annotations

import html
import re
import tomllib
from functools import lru_cache
from pathlib import Path

from content.ingest.claims import flagged
from content.ingest.outline import Block

MAX_DEF = 300  # a definition must be readable on a phone
MAX_STATEMENT = 170  # a cloze card shows the whole statement

# ----------------------------------------------------------------------------- vocabulary


WORDS = Path(__file__).with_name("words.toml")


@lru_cache(maxsize=1)
def _words() -> dict:
    with WORDS.open("rb") as f:
        return tomllib.load(f)


def word_list(name: str) -> frozenset[str]:
    """One of the word lists in words.toml (the file is read once)."""
    return frozenset(_words()[name])


def word_table(name: str) -> dict[str, str]:
    return dict(_words()[name])


# Labels that structure the notes but are not terms ("- **Use Case**: ...", "Advantages:").
GENERIC_TERMS = word_list("generic_terms")

# Words that name a quality, not a thing: a term only when the definition really defines it.
BENEFIT_WORDS = word_list("benefit_words")

PRONOUNS = word_list("pronouns")
# Words that open a descriptive bullet rather than a name ("Supports health checks", "Built on Windows").
VERB_START = word_list("verb_start")
DETERMINERS = word_list("determiners")
LEADING_NON_TERM = word_list("leading_non_term")
SUBORDINATORS = word_list("subordinators")
VERBISH = word_list("verbish")
STOPWORDS = word_list("stopwords")
# Verbs that open an instruction, not a definition ("Launch Docker containers on AWS").
IMPERATIVE = word_list("imperative")

USE_CASE_LABEL = re.compile(
    r"^(?:(?:primary|common|key|typical|example|ideal|main|real[- ]?time|real[- ]?world|other)\s+)?"
    r"(?:use[rs]?[- ]?cases?|uses|usecases?|applications)(?:\s+(?:for|of)\b.*)?$"
    r"|^(?:best|ideal(?:ly)?|well|good|great|perfect)(?:\s+suited)?\s+(?:for|when)$"
    r"|^suitable for$|^when to use(?:\b.*)?$|^used for$|^recommended for$|^workloads$"
)


THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # "64,000 IOPS": a number, not two items


def comma_items(text: str) -> list[tuple[int, str]]:
    """The comma-separated items of a line with where each starts, commas inside brackets aside ("EC2 (Status
    check, CPU), EBS (reads)" is two items); a thousands comma ("3,000 IOPS") splits nothing."""
    items, depth, start = [], 0, 0
    for i, char in enumerate(text + ","):
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0 and not THOUSANDS_COMMA.match(text, i):
            items.append((start, text[start:i]))
            start = i + 1
    return items


# A description that only points at the line before it ("Similar thing but with different tooling", "Same as
# above, for Windows"): it says nothing on its own, so it makes no card and backs no explanation
POINTS_BACK = re.compile(
    r"^\W*(?:similar (?:thing|one|idea|service|concept|to (?:the )?(?:above|previous|last))|the same (?:thing|idea)"
    r"|same (?:thing|idea|as (?:above|before|the (?:one|last|previous))|but)|likewise|ditto|as above"
    r"|link to|see (?:above|below|the (?:section|page|notes?) on)"  # "EC2 Instance Role: link to IAM roles"
    r"|(?:compar(?:ing|ed|e)\s+)?(?:all\s+(?:of\s+)?)?the\s+above\b(?!\s+\w+\s+(?:is|are)\b))\b",
    # "Comparing all the above based on what you have to manage": a line about the lines above it
    re.I,
)
DEFINITION_LABEL = re.compile(r"^(?:definition|description|desc|purpose|role|what it is|what is it|meaning|about)$")

# "Use Cases", "When to Use X", "Choosing the Right Storage Class": terms are use cases or options.
USE_CASE_SECTION = re.compile(r"\b(?:use[- ]?cases?|uses of|when to use|choosing|choose the right|scenarios?)\b", re.I)
# Sections whose "Term: text" bullets are benefits, steps or advice, not definitions.
NO_DEFINITION_SECTION = re.compile(
    r"\b(?:benefits?|advantages?|disadvantages?|best practices?|limitations?|challenges?|steps?|workflow|how to|"
    r"works?|lifecycle|process|example|examples|conclusion|key takeaways|pricing|costs?|setting up|set up|mounting|"
    r"considerations?|tips?|guidelines?|activity|scenario|responsibilit(?:y|ies)|integrations?|"
    r"services (?:supporting|ensuring|for))\b",
    re.I,
)
FEATURE_SECTION = re.compile(
    r"(?i)(?:key |main |core |notable )?(?:security )?(?:features?|benefits?|advantages?|capabilities)\b"
)
# Sections where "used for" talks about money or procedure, not about fitting a need.
NO_USE_CASE_SECTION = re.compile(
    r"\b(?:pricing|costs?|steps?|workflow|how to|setting up|set up|lifecycle|process|mounting|billing)\b", re.I
)
# Lists not worth a "name the ..." card.
NO_LIST_LABEL = re.compile(
    r"\b(?:benefits?|advantages?|disadvantages?|best practices?|limitations?|challenges?|conclusion|summary|"
    r"key takeaways|examples?|guidelines?|pricing|cost|costs|considerations?|use[- ]?cases?|uses|"
    r"why|responsibilit(?:y|ies)|how to|setting up|set up|characteristics)\b",
    re.I,
)


_CHAT_TAIL = re.compile(
    r"[.!?] (?:would you like|if you were referring|let me know|here(?:’|')?s |here is |here are )", re.I
)
CHAT = re.compile(
    r"^(?:would you like|if you were referring|it seems like you|let me know|i hope|feel free|here(?:’|')?s |"
    r"here is |here are |sure[,!]|certainly[,!]|great question|as an ai)",
    re.I,
)

# A sentence about the notes themselves, not about AWS: the exam, its domains and modules, the notes as a companion
# or a guide ("A proper understanding of S3 for the Cloud Practitioner exam (Domain 3, Module 6).")
ABOUT_THE_NOTES = re.compile(
    r"\b(?:cloud[- ]practitioner|(?:clf|saa|dva|soa|sap|dop|scs|ans|mls|das|dea|aif|mla)-?c0\d|domain \d|module \d"
    r"|companion to|these notes|this (?:note|page|guide|file)"
    # a section's opening line about itself ("This section focuses on S3 storage classes ... tested in DVA-C02")
    r"|this (?:section|chapter|lesson|lecture|module|unit|part) (?:focuses|covers|is about|describes|explains|goes))\b",
    re.I,
)

# Options the generator must not offer as a right answer (retired or end of support).
RETIRED_OPTION = re.compile(r"\b(?:qldb|quantum ledger|snowmobile|snowcone|multi-master)\b", re.I)

# ----------------------------------------------------------------------------- text helpers

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPH = re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![\w*])")
# (and a task list's box, "- [ ] Define EC2": a study checklist's item reads as its words)
# Markdown's backslash escapes: the character itself ("\-", "\*", "\_", "\#", "\(")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_LEAD_JUNK = re.compile(r"^(?:\s|[-=]{1,}>|→|⇒|»|•|○|▪|◦|[-*+](?=\s)|\[[ xX]\](?=\s))+")
_INNER_ARROW = re.compile(r"\s*(?:-{1,}>|={1,}>|⇒)\s*")
_NUMBERING = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]\s+(?=\S)")
_TRAIL_COLON = re.compile(r"\s*(?::-|:|–|-|—)\s*$")
_PAREN = re.compile(r"\s*\([^()]*\)")
_WS = re.compile(r"\s+")
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "’": "'", "‘": "'", "“": '"', "”": '"'})

_ACRONYMS = word_list("acronyms")


_UNDERSCORE_RULE = re.compile(r"_{3,}")
_UNDERSCORE_BOLD = re.compile(r"__(\S(?:.*?\S)?)__")
_UNDERSCORE_EM = re.compile(r"(?<![\w_])_(?![\s_])([^_\n]+?)(?<![\s_])_(?![\w_])")
# "&#x20;" (or "&#x20" where a heading's parser took the semicolon), "&nbsp;", "&amp;"
_ENTITY = re.compile(r"&#[0-9]{1,6};?|&#x[0-9a-fA-F]{1,6};?|&[a-zA-Z]{2,8};")
_SPACE_PUNCT = re.compile(r"\s+([,.;:!?])(?=\s|$)")


@lru_cache(maxsize=8192)
def clean(text: str | None) -> str:
    """Markdown-free, single-line text: no `**`, backticks, links, leading bullets or arrows."""
    if not text:
        return ""
    t = _LINK.sub(r"\1", text) if "](" in text else text
    if "\\" in t:
        t = _MD_ESCAPE.sub(r"\1", t)  # "\- Recovery Point Objective": an editor's escaped bullet, "\*": a star
    if "__" in t:
        t = _UNDERSCORE_BOLD.sub(r"\1", _UNDERSCORE_RULE.sub(" – ", t))
    t = t.replace("**", "").replace("`", "")
    if "_" in t:
        t = _UNDERSCORE_EM.sub(r"\1", t)  # "_On-Demand_": emphasis, not part of the name
    if "*" in t:
        t = _EMPH.sub(r"\1", t)
    if "&" in t:
        t = _ENTITY.sub(lambda m: html.unescape(m.group(0)), t)  # "AWS.&#x20;": an editor's escaped space
    t = _LEAD_JUNK.sub("", t)
    if ">" in t or "⇒" in t:
        t = _INNER_ARROW.sub(" → ", t)
    t = " ".join(t.split())
    if "( " in t or " )" in t:
        t = t.replace("( ", "(").replace(" )", ")")
    if " ," in t or " ." in t or " :" in t or " ;" in t or " !" in t or " ?" in t:
        t = _SPACE_PUNCT.sub(r"\1", t)
    return t


@lru_cache(maxsize=8192)
def _strip_label(text: str) -> str:
    """'1. **Storage Classes**:' -> 'Storage Classes'."""
    t = clean(text)
    t = _NUMBERING.sub("", t)
    t = _HEADING_HASH.sub("", t)
    t = _TRAIL_COLON.sub("", t)
    return t.strip(" .*\"“”‘’'")


_WORD_SPLIT = re.compile(r"(\W+)")
_SMALL_WORDS = word_list("small_words")


def _decap(text: str) -> str:
    """'EPHEMERAL STORAGE' -> 'Ephemeral Storage'; acronyms and words with digits stay upper case."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    out = []
    for word in _WORD_SPLIT.split(text):
        low = word.lower()
        if not word or not word[0].isalpha() and not word[0].isdigit():
            out.append(word)
        elif low in _ACRONYMS or any(c.isdigit() for c in word) or len(word) <= 2 and low not in _SMALL_WORDS:
            out.append(word.upper() if low != "ipv4" and low != "ipv6" else "IPv" + low[-1])
        elif low in _SMALL_WORDS and out:
            out.append(low)
        else:
            out.append(word.capitalize())
    return "".join(out)


@lru_cache(maxsize=8192)
def display(term: str) -> str:
    return _decap(_strip_label(term))


# Spelled-out names that the notes also write as an acronym: both get the acronym as subject.
_EXPANSIONS = word_table("expansions")
_KEY_ARTICLE = re.compile(r"^(?:the|an?)\s+")
_KEY_VENDOR = re.compile(r"^(?:amazon|aws)\s+(?=\S)")
_KEY_QUOTES = re.compile(r"[\"']")
_KEY_ALIAS = re.compile(r"^([a-z][a-z0-9]{1,5})\s*[-=:]\s*([a-z].*)$")
_HEADING_HASH = re.compile(r"^#+\s*")
_ACRONYM_TAIL = re.compile(r"^(.+?)\s*\(([A-Z][A-Za-z0-9]{1,5})\)$")


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in re.findall(r"[a-z]+", phrase.lower()) if w not in {"and", "of", "for", "the", "a"})


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """Normalised subject: lower case, no markdown, no parentheticals, no Amazon/AWS prefix.

    'EBS (Elastic Block Store)', '**Amazon EBS**' and 'EBS' all give 'ebs';
    'DMS – Database Migration Service' and 'AMI = Amazon Machine Image' give 'dms' and 'ami'.
    """
    raw = _strip_label(text).translate(_DASHES)
    m = _ACRONYM_TAIL.match(raw)
    if m and _initials(m.group(1)) == re.sub(r"[^a-z]", "", m.group(2).lower().removesuffix("s")):
        return m.group(2).lower()  # "Amazon Machine Image (AMI)" -> "ami", like "AMI = Amazon Machine Image"
    t = raw.lower()
    stripped = _PAREN.sub("", t).strip()
    if stripped:
        t = stripped
    t = _KEY_QUOTES.sub("", _KEY_VENDOR.sub("", _KEY_ARTICLE.sub("", t)))
    expanded = " ".join(t.replace("-", " ").split())
    if expanded in _EXPANSIONS or expanded.rstrip("s") in _EXPANSIONS:
        return _EXPANSIONS.get(expanded) or _EXPANSIONS[expanded.rstrip("s")]  # "Elastic Block Store" -> "ebs"
    m = _KEY_ALIAS.match(t)
    if m:
        letters = re.sub(r"[^a-z]", "", m.group(1))
        initials = _initials(m.group(2))
        if len(letters) >= 2 and initials.startswith(letters) or len(letters) == 1 and initials == letters * 3:
            t = m.group(1)
    return " ".join(t.split()).strip(" .,:;!?")


_ALNUM = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def _content_words(text: str) -> frozenset[str]:
    out = set()
    for w in _ALNUM.findall(text.lower()):
        if w not in STOPWORDS and len(w) > 1:
            out.add(w[:-1] if w.endswith("s") and len(w) > 3 else w)
    return frozenset(out)


def _mentions(text: str, name: str) -> bool:
    """Does `text` name `name` (at least half of its content words)?"""
    wanted = _content_words(name)
    return not wanted or len(_content_words(text) & wanted) * 2 >= len(wanted)


def _cap(text: str) -> str:
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if any(c.isdigit() for c in first) or "." in first.rstrip(".") or first[1:2].isupper():
        return text  # "t3.medium", "gp2", "iOS"
    return text[:1].upper() + text[1:]


_ABBREV = word_list("abbrev")
_SENT_END = re.compile(r"[.!?](?:[\"”’)\]]*\s+(?=[\"“‘(*]?[A-Z0-9])|(?=[A-Z][a-z]{2}))")


@lru_cache(maxsize=8192)
def sentences(text: str) -> tuple[str, ...]:
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        j = m.start()
        if m.end() == j + 1:  # "power.Memory": no space, only after a lower-case word
            if text[j] != "." or not text[max(0, j - 3) : j].isalpha() or not text[max(0, j - 3) : j].islower():
                continue
        if text[j] == ".":
            k = j
            while k > start and (text[k - 1].isalnum() or text[k - 1] in "._"):
                k -= 1
            word = text[k:j].lower()
            if word in _ABBREV or len(word) == 1 and word.isalpha():
                continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return tuple(s for s in out if s)


def _trim(text: str, limit: int) -> str:
    """Cut an over-long sentence at a clause boundary before `limit`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    for sep in ("; ", ", ", " – ", " - ", " ("):
        pos = cut.rfind(sep)
        if pos >= limit // 3:
            return cut[:pos].rstrip(" ,;:-–(") + "…"
    return cut[: cut.rfind(" ")].rstrip(" ,;:-–(") + "…"


_EXAMPLE_START = re.compile(r"(?i)(?:for example|for instance|e\.g\.|example|ex\.|lets|let's|let’s)\b")


# A next sentence that finishes the definition: its catch ("However, these instances can be interrupted") or
# its purpose ("It is useful for preserving ... objects"). Blind graders failed cards that dropped it.
_CONTINUES = re.compile(
    r"(?i)(?:however|but|it is (?:useful|used|ideal|designed|meant)|(?:it|this) (?:helps|lets|"
    r"allows|prevents|protects))\b"
)


def first_sentences(text: str, limit: int = MAX_DEF, short: int = 70) -> str:
    """The first sentence, plus the next while the first is short or the next finishes it; chat leftovers and
    sentences about the notes themselves dropped."""
    sents = [s for s in sentences(text) if not CHAT.match(s) and not ABOUT_THE_NOTES.search(s)]
    if not sents:
        return ""
    out = sents[0]
    for nxt in sents[1:]:
        if len(out) + 1 + len(nxt) > limit or _EXAMPLE_START.match(nxt):
            break
        if len(out) >= short and not (len(out) + 1 + len(nxt) <= limit - 60 and _CONTINUES.match(nxt)):
            break
        out = f"{out} {nxt}"
    out = _trim(out, limit)
    return _TRAIL_COLON.sub("", out).strip() if out.endswith((":", ":-")) else out


def _suspect(*texts: str) -> bool:
    """A claim (content/claims.toml) says the statement is wrong: never a fact, never an answer key."""
    return flagged(" ".join(t for t in texts if t))


def _is_chat(text: str) -> bool:
    if CHAT.match(text):
        return True
    if len(text) < 12:
        return text.lower() in {"alt text", "image"}
    return text.startswith(("http://", "https://")) and " " not in text


# ----------------------------------------------------------------------------- terms

_SPLIT_BOLD = re.compile(
    r"^\*\*(?P<t>[^*]{1,80}?)\*\*(?P<p>\s*\([^()*]{1,40}\))?\s*(?::-?|[–—−]|--?(?=\s)|=)\s*(?P<d>.*)$", re.S
)
_SPLIT_BOLD_COLON_IN = re.compile(r"^\*\*(?P<t>[^*]{1,80}?):\*\*\s*(?P<d>.*)$", re.S)
_SPLIT_PLAIN = re.compile(
    r"^(?P<t>[^:–—−=]{1,70}?)\s*(?::-|(?<!\w):(?!//)|:(?=\s|$)|\s[–—−]\s|\s--?\s|\s=\s)\s*(?P<d>.*)$", re.S
)


def term_and_definition(block: Block) -> tuple[str | None, str]:
    """The parser's term/definition, or our own split of the common forms when it gave none."""
    if block.term is not None:
        return block.term, block.definition or ""
    text = (block.text or "").strip()
    text = _LEAD_JUNK.sub("", text)
    text = _NUMBERING.sub("", text)
    for rx in (_SPLIT_BOLD_COLON_IN, _SPLIT_BOLD):
        m = rx.match(text)
        if m:  # "**Virtual Private Cloud** (VPC) -- A logically isolated ...": the bracket is part of the name
            paren = m.groupdict().get("p") or ""
            return m.group("t") + paren, m.group("d").strip()
    m = _SPLIT_PLAIN.match(text)
    if m:
        t = m.group("t").strip()
        if 0 < len(t.split()) <= 6 and t[:1].isupper() and "," not in t and not t.endswith("."):
            return t, m.group("d").strip()
    return None, ""


@lru_cache(maxsize=8192)
def term_ok(term: str | None) -> bool:
    """A real term: not a meta label, not a sentence, not a question, not too long."""
    if not term:
        return False
    t = display(term)
    k = key(t)
    if len(k) < 2 or not re.search(r"[a-zA-Z]", t):
        return False
    if k in GENERIC_TERMS or _strip_label(term).lower() in GENERIC_TERMS:
        return False
    if re.match(r"^(?:step|phase|stage|part|option|example|assignment|task)\s*\d", k) or re.fullmatch(r"[a-z]+ \d", k):
        return False
    words = t.split()
    if len(words) > 8 or len(t) > 80 or t.endswith("?"):
        return False
    lowered = {w.lower().strip(",.()") for w in words}
    if words[0].lower() in PRONOUNS or lowered & VERBISH or words[0].lower() in SUBORDINATORS:
        return False
    if words[0][:1].islower() and len(words) > 3:  # "singledigit millisecond to microseconds latency"
        return False
    if words[0].lower() in LEADING_NON_TERM or words[0].lower() in DETERMINERS and len(words) > 1:
        return False  # "In S3 bucket versioning it", "After Redshift", "Each partition"
    if "example" in lowered or "examples" in lowered or "scenario" in lowered:
        return False
    if "there" in lowered:
        return False  # "Recognize there (are services that ...)": a course objective's opening, not a name
    if " vs " in f" {k} " or " vs. " in k or "http" in k:
        return False
    return not CHAT.match(t)


_SCENARIO_START = re.compile(
    r"(?i)(?:…\s*)?(?:let[’']?s|lets)\s+(?:say|assume|consider|suppose|imagine)|suppose|imagine|consider|for instance|"
    r"for example|e\.g\.|assume"
)
_DISCOURSE = re.compile(
    r"^(?:however|also|additionally|moreover|furthermore|in addition|thus|hence|therefore|so|again|similarly|"
    r"in specific|in general|basically|generally)\s*,?\s+",
    re.I,
)
_LEAD_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.I)


_VS_TITLE = re.compile(r"\bvs\.?\b|\bversus\b|\bdifferences?\s+between\b|\bcompar(?:ison|ing|ed)\b", re.I)


_NON_WORD = re.compile(r"[^a-z0-9]+")


def loose(text: str) -> str:
    """Text compared for duplicates: case, punctuation, markdown marks and spacing ignored."""
    return _NON_WORD.sub(" ", text.lower()).strip()


# a label over the services a section's own service works with ("Seamlessly integrated into:", "Supports:"): its items
# say what that service does for each, not what each is
WORKS_WITH_LABEL = re.compile(
    r"\b(?:integrat(?:es|ed|ion)|works?|compatible|supports?|supported|used by|uses)\b[^.]{0,30}:\s*$", re.I
)

# a section title over the same kind of list ("## Main integrations", "### Integrations", "Integrates with")
INTEGRATIONS_TITLE = re.compile(
    r"^\W*(?:(?:main|key|common|other|service|aws)\s+)?(?:integrations?|integrates with|integrated services|works with)"
    r"\W*$",
    re.I,
)
