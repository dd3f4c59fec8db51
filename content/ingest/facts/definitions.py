"""Definition facts: `Term: definition`, `**Term**: definition`, `Term - definition`, `X is a/an ...` first
sentences, labels whose definition sits in child bullets, and a service heading whose first bullet is a
noun phrase -> {"term", "definition"}.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from content.ingest.facts.lists import _GROUPING_LABEL, _inline_list, _is_name, _members_of, _qualify
from content.ingest.facts.numbers import _numbers_in, _port_fact
from content.ingest.facts.text import (
    _ALNUM,
    _LEAD_ARTICLE,
    _PAREN,
    BENEFIT_WORDS,
    CHAT,
    DEFINITION_LABEL,
    DETERMINERS,
    GENERIC_TERMS,
    IMPERATIVE,
    PRONOUNS,
    STOPWORDS,
    SUBORDINATORS,
    USE_CASE_LABEL,
    _cap,
    _content_words,
    _is_chat,
    clean,
    display,
    first_sentences,
    key,
    sentences,
    term_ok,
    word_list,
)
from content.ingest.facts.use_cases import _BARE_FOR, USE_CASE_TRIGGER, _split_use_cases, _use_cases_in

if TYPE_CHECKING:
    from content.ingest.facts.section import _Collector, _Section


def _repeats(term: str, definition: str) -> bool:
    tw, dw = _content_words(term), _content_words(definition)
    if not dw:
        return True
    return dw <= tw or definition.lower().strip(" .") == term.lower().strip(" .")


def _is_acronym_expansion(term: str, definition: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", _PAREN.sub("", term))
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", definition) if w.lower() not in {"and", "of", "for"})
    return 2 <= len(letters) <= 6 and letters.isupper() and initials.upper().startswith(letters.upper()[:2])


def _name_like(text: str) -> bool:
    """'DynamoDB (serverless) & DAX', 'EMR', 'RDS & Aurora (SQL)': names, not prose."""
    core = _PAREN.sub("", text).strip(" .")
    words = [w for w in re.split(r"[\s&/+,]+", core) if w and w.lower() not in {"and", "or"}]
    return 0 < len(words) <= 4 and all(w[0].isupper() or w[0].isdigit() for w in words)


_DEFINING_START = word_list("defining_start")


def _defining_sentence(definition: str, owner: str | None) -> bool:
    """For quality words (Scalability, Availability ...): keep only a real definition."""
    words = definition.split()
    first = words[0].lower().strip(",.") if words else ""
    if first in PRONOUNS or first in {"amazon", "aws"}:
        return False
    if first not in _DEFINING_START and not (words and words[0][:1].islower()):
        return False
    if owner:
        head = _content_words(" ".join(definition.split()[:3]))
        if head & _content_words(owner):
            return False
    return not re.search(r"\d", definition) or len(definition.split()) > 8


_LEAD_PAREN = re.compile(r"^\([^()]{1,80}\)\s*")
_PRONOUN_OPEN = re.compile(
    r"^(?:(?:this|it|that)\s+(?:is|was)\s+|it[’']s\s+|its\s+|these\s+are\s+|they\s+are\s+)", re.I
)
_COPULA_OPEN = re.compile(r"^(?:is|are)\s+(?=(?:a|an|the)\s)", re.I)


def clean_definition(definition: str, term: str | None = None) -> str:
    d = clean(definition)
    if d.startswith("("):
        d = _LEAD_PAREN.sub("", d)  # "(not related to scalability - distractor) new IT ..."
    if term:
        m = _is_a_match(d)
        if m and _content_words(m[0]) & _content_words(term) and m[1].strip().lower().startswith(("is", "are")):
            d = m[2]  # "AWS Fargate is a serverless ..." -> "a serverless ..."
    d = _PRONOUN_OPEN.sub("", d)
    d = _COPULA_OPEN.sub("", d)
    d = d.lstrip(":-–— ").strip()
    d = first_sentences(d)
    return _cap(d)


_LABEL_OPEN = re.compile(r"^([A-Za-z][\w-]*(?: [\w-]+)?)\s*:\s")
_LEADIN_LAST = word_list("leadin_last")


def _ends_as_lead_in(text: str) -> bool:
    """'Elastic Beanstalk supports a variety of platforms, including' introduces a list; it defines nothing."""
    tail = text.rstrip(" .:;,-–").rsplit(None, 1)
    return bool(tail) and tail[-1].lower() in _LEADIN_LAST


def _feature_blurb(term: str, definition: str, owners: Iterable[str | None]) -> bool:
    """'Data Encryption: Redshift provides encryption ...' describes a feature of the owner, it defines nothing.

    The definition opens with the owner (or 'You', 'It') as its subject rather than with the term.
    """
    words = definition.split()
    if not words:
        return True
    if words[0].lower().strip(",.") in PRONOUNS:
        return True
    term_words = _content_words(term)
    lead = _ALNUM.findall(" ".join(words[: len(term_words) + 4]).lower())
    lead_words = _content_words(" ".join(lead))
    if term_words and len(term_words & lead_words) >= min(2, len(term_words)):
        return False  # "DynamoDB Streams: DynamoDB Streams capture ..." talks about the term itself
    first = next((w for w in lead if w not in STOPWORDS and len(w) > 1), "")
    first = first[:-1] if first.endswith("s") and len(first) > 3 else first
    return any(o and first in _content_words(o) for o in owners)


_BARE_VALUE = re.compile(r"[\d\s.,%$:/-]+\w{0,6}")


def _definition_ok(term: str, definition: str) -> bool:
    if len(definition.split()) < 2 or len(definition) < 6:
        return False
    if len(definition.split()) < 3 and not _is_acronym_expansion(term, definition):
        return False  # "Reserved Instances: Long workloads", "Firewall rules: Security group"
    if USE_CASE_TRIGGER.match(definition):
        return False  # "Best suited for HTTP/HTTPS traffic ...": a use case, kept as one
    first = definition.split()[0].lower().strip(",.")
    if first in SUBORDINATORS or first in {"for", "however", "but", "also", "e.g", "ex"}:
        return False  # "For homogeneous migrations ...", "When accessing ...": a clause, not a definition
    if _ends_as_lead_in(definition):
        return False
    m = _LABEL_OPEN.match(definition)
    if m and (m.group(1).lower() in GENERIC_TERMS or USE_CASE_LABEL.match(m.group(1).lower())):
        return False  # "Scenario: Users upload images ..."
    if first in {"use", "using"} and _content_words(" ".join(definition.split()[1:4])) & _content_words(term):
        return False  # "AWS Glue: Use AWS Glue to prepare ..."
    if _name_like(definition) and not _is_acronym_expansion(term, definition):
        return False  # "Private: Amazon ECR", "Amazon S3 Standard - General Purpose": a name, not a definition
    if _repeats(term, definition) or _is_chat(definition):
        return False
    if _BARE_VALUE.fullmatch(definition):  # a bare value, handled as a number
        return False
    return not definition.lower().startswith(("e.g", "ex.", "for example", "example"))


CATEGORY_NOUNS = word_list("category_nouns")


def _category_to_service(term: str, definition: str) -> bool:
    """'Hadoop Cluster: EMR', 'In-memory Database: ElastiCache': a need mapped to a service."""
    t = display(term)
    if re.match(r"(?i)(?:amazon|aws)\b", t) or t.isupper() or len(definition.split()) > 6:
        return False
    if not _name_like(definition) or _is_acronym_expansion(term, definition):
        return False
    return bool({w.lower() for w in re.findall(r"[A-Za-z]+", t)} & CATEGORY_NOUNS)


def _term_with_definition(sec: _Section, i: int, out: _Collector) -> None:
    """`Term: definition` in all its surface forms."""
    term, defn, owner, lines = sec.term[i], sec.defn[i], sec.owner(i), sec.lines(i)
    t_display, t_key = display(term), key(term)

    if USE_CASE_LABEL.match(t_key):  # "- **Use Case**: Ideal for ..." under an option
        if owner:
            for piece in _split_use_cases(defn):
                piece = re.sub(r"(?i)^(?:ideal|best|suitable|good|great|used)\s+(?:for|when)\s+", "", piece)
                out.use_case(owner, piece, f"{owner} – {t_display.lower()}: {_cap(piece)}.", lines)
            _numbers_in(sec, i, owner, f"{t_display}: {defn}", out)
        return
    if DEFINITION_LABEL.match(t_key):  # "- **Description**: ..." defines the option it sits under
        owner = sec.labelled_owner(i)
        if owner:
            d = clean_definition(defn, owner)
            if _definition_ok(owner, d):
                out.definition(owner, d, lines)
            _use_cases_in(sec, i, owner, defn, out)
            _numbers_in(sec, i, owner, f"{owner}: {defn}", out)
        return
    if _port_fact(term, defn, lines, out):
        return
    members = _inline_list(defn)
    if members and not _is_acronym_expansion(term, defn):  # "Components : Users, User groups, Roles, Policies"
        if term_ok(term):
            out.list(_qualify(t_display, owner), members, lines)
        elif owner and _GROUPING_LABEL.search(t_key):
            out.list(f"{owner} – {t_display}", members, lines)
        return
    if not term_ok(term):
        # "Availability: 99.99% availability." under "S3 Standard": the owner's availability
        if owner:
            attribute = f"{owner} {t_display.lower()}" if t_key in GENERIC_TERMS else owner
            _numbers_in(sec, i, attribute, f"{t_display}: {defn}", out, context=owner)
            _use_cases_in(sec, i, owner, defn, out)
        return

    if (
        sec.use_case_section
        and not USE_CASE_TRIGGER.match(defn)
        and not re.match(r"(?i)(?:for|use for|use this|ideal|best|when)\b", defn)
    ):
        # "### Use Cases" / "- **Web Hosting**: EC2 is often used for ...": the term is the use case
        if owner and key(owner) != t_key:
            out.use_case(owner, t_display, f"{owner} use case – {t_display}: {first_sentences(defn, 200)}", lines)
        _numbers_in(sec, i, t_display, f"{t_display}: {defn}", out)
        return
    lead = USE_CASE_TRIGGER.match(defn)
    if not lead and (sec.use_case_section or (len(defn.split()) >= 5 and ":" not in defn)):
        lead = _BARE_FOR.match(defn)
    # "- **S3 Intelligent-Tiering**: Ideal when data access patterns are unpredictable."
    if lead and sec.use_cases_allowed:
        rest = re.split(r"(?<=[a-z0-9)])\.\s|;\s", defn[lead.end() :].strip())[0].rstrip(".")
        out.use_case(t_display, rest, f"{t_display}: {_cap(defn)}", lines)
        _numbers_in(sec, i, t_display, f"{t_display}: {defn}", out)
        return
    if _category_to_service(term, defn):
        out.use_case(defn, t_display, f"{t_display}: {defn}.", lines)
        return
    if sec.allow_defs:
        d = clean_definition(defn, t_display)
        if (
            _definition_ok(t_display, d)
            and (t_key not in BENEFIT_WORDS or _defining_sentence(d, owner))
            and not _feature_blurb(t_display, d, (owner, sec.title, sec.topic))
        ):
            out.definition(term, d, lines)
    subject = owner if (t_key in BENEFIT_WORDS or sec.feature_section) and owner else t_display
    _use_cases_in(sec, i, subject, defn, out)
    # "Hard Disk Drive (ST1): ... 500mb/s" needs no owner; "Invocation time: up to 15 minutes" needs "Lambda"
    _numbers_in(sec, i, subject, f"{t_display}: {defn}", out, context=t_display if _is_name(t_display) else None)


def _label(sec: _Section, i: int, out: _Collector) -> None:
    """A bare label `Term:` (or `Term: lead-in text:`) whose content sits in the blocks it owns."""
    term, owner, kids = sec.term[i], sec.owner(i), sec.children[i]
    t_display, t_key = display(term), key(term)
    good = term_ok(term)
    if USE_CASE_LABEL.match(t_key):
        if owner and kids:
            pieces = []
            for k in kids:
                if sec.term[k] is not None and term_ok(sec.term[k]):
                    piece = display(sec.term[k])
                elif sec.term[k] is not None:
                    piece = sec.defn[k]
                else:
                    piece = sec.text[k]
                pieces.append(first_sentences(piece, 200).strip(" .;"))
            # "Best for:" with its uses as child bullets is one answer: all of them. A card asking for one
            # child alone marks a learner who names another wrong.
            joined = "; ".join(
                p if n == 0 or not p[1:2].islower() else p[:1].lower() + p[1:] for n, p in enumerate(pieces) if p
            )
            if joined and len(pieces) <= 4 and len(joined) <= 200:
                out.use_case(
                    owner, joined, f"{owner} – {t_display.lower()}: {joined}", sec.lines(i, *kids), every_use=True
                )
        return
    if DEFINITION_LABEL.match(t_key):
        if owner and kids:
            d = clean_definition(sec.text[kids[0]])
            if _definition_ok(owner, d):
                out.definition(owner, d, sec.lines(i, kids[0]))
        return
    members = _members_of(sec, kids, strict=False)
    if members:
        if sec.vs_section:
            return  # "Batch vs Lambda": each side is one column of the comparison
        if good:
            out.list(_qualify(t_display, owner), members, sec.lines(i, *kids))
        elif owner and _GROUPING_LABEL.search(t_key):
            out.list(f"{owner} – {t_display}", members, sec.lines(i, *kids))
        return
    if not good or not kids:
        if sec.defn[i]:
            _numbers_in(sec, i, owner, sec.defn[i], out)
        return
    if sec.use_case_section:
        if owner and key(owner) != t_key:
            first = next((k for k in kids if sec.term[k] is None), None)
            if first is not None:
                body = first_sentences(sec.text[first], 200)
                out.use_case(owner, t_display, f"{owner} use case – {t_display}: {body}", sec.lines(i, first))
        return
    if sec.allow_defs and not sec.vs_section:
        # the label's own lead-in text, else the first child sentence
        source = sec.defn[i] if sec.defn[i] else None
        first = kids[0]
        if source is None and sec.term[first] is None and not sec.opener[first]:
            source = sec.text[first]
            if one_of_its_traits(sec, kids, source):
                return
        if source:
            d = clean_definition(source)
            if (
                _definition_ok(t_display, d)
                and (t_key not in BENEFIT_WORDS or _defining_sentence(d, owner))
                and not _feature_blurb(t_display, d, (owner, sec.title, sec.topic))
            ):
                out.definition(term, d, sec.lines(i, first) if not sec.defn[i] else sec.lines(i))


def one_of_its_traits(sec: _Section, kids: list[int], first: str) -> bool:
    """Whether the first of the bullets under a title is one item of a list of its traits ("Reliability" over
    "Auto recover from failure", "Scale horizontally", "Stop guessing capacity"), short and saying nothing of what
    the title is: not its definition."""
    items = [k for k in kids if sec.term[k] is None and sec.blocks[k].depth == sec.blocks[kids[0]].depth]
    return len(items) >= 3 and len(first.split()) <= 6 and not _SAYS_WHAT.search(first)


_SAYS_WHAT = re.compile(r"\b(?:is|are|means|provides?|lets?|allows?|helps?|gives?|enables?|offers?)\b", re.I)

_IS_A_VERB = re.compile(
    r"\s(?P<verb>is\s+(?:basically\s+|essentially\s+|simply\s+|just\s+)?(?=(?:a|an|the|one)\s)"
    r"|are\s+(?=(?:the|a)\s)|refers?\s+to\s+|stands?\s+for\s+|acts?\s+as\s+(?=(?:a|an|the)\s)"
    r"|is\s+defined\s+as\s+|=\s*)"
)
_TAIL_PAREN = re.compile(r"\s*\([^()]{1,60}\)$")


def _is_a_match(sentence: str) -> tuple[str, str, str] | None:
    """'Amazon EBS (Elastic Block Store) is a block storage ...' -> (term, verb, predicate)."""
    m = _IS_A_VERB.search(sentence, 0, 150)
    if not m:
        return None
    term = _LEAD_ARTICLE.sub("", sentence[: m.start()].strip())
    core = _TAIL_PAREN.sub("", term)
    if not 2 <= len(core) <= 70 or any(c in core for c in ",;:()"):
        return None
    if re.search(r"\s(?:also|too|now|still|only|additionally)$", core, re.I):
        return None  # "Amazon CloudFront also is a part of ...": one more trait, not what it is
    return term, m.group("verb"), sentence[m.end() :]


def _is_a(sec: _Section, i: int, text: str, out: _Collector) -> None:
    """'**Amazon EBS** is a block storage service ...' -> definition of Amazon EBS."""
    if not sec.allow_defs or sec.blocks[i].line in out.definition_lines:
        return
    head = text[:160]
    if not any(w in head for w in (" is ", " are ", " refer", " stand", " act", "=")):
        _bold_lead(sec, i, out)
        return
    sents = [s for s in sentences(text) if not CHAT.match(s)]
    if not sents:
        return
    first = sents[0]
    m = _is_a_match(first)
    if not m:
        _bold_lead(sec, i, out)
        return
    term, verb, pred = m[0].strip(), m[1].strip().lower(), m[2].strip()
    if not term_ok(term) or key(term) in BENEFIT_WORDS:
        return
    words = term.split()
    if len(words) > 6 or words[0][:1].islower() and not (len(words) <= 2 and first[:1].isupper()):
        # "the key is the FULL path" is fine; "we use various type of instances" is not
        if words[0].lower() in PRONOUNS or words[0].lower() in DETERMINERS or len(words) > 3:
            return
    # a term followed by a description of something else ("EBS volumes are network drives ... use Instance Store")
    if verb.startswith("are") and len(words) > 3:
        return
    if re.match(r"(?i)(?:the|a|an)\s+(?:same|best|most|only|first)\b|a (?:powerful|great|useful)\b", pred):
        return  # "DocumentDB is the same for MongoDB", "S3 Replication is a powerful feature ..."
    rest = first_sentences(" ".join([pred, *sents[1:]]))
    if verb.startswith("stand"):
        rest = rest.strip(' ."“”')
    elif verb.startswith("refer"):
        rest = _cap(rest)
    elif verb.startswith("act"):
        rest = "Acts as " + rest
    rest = _cap(rest.rstrip(":"))
    if not _definition_ok(term, rest):
        return
    full = first_sentences(text)
    out.definition(term, rest, sec.lines(i), text=full if _content_words(full) & _content_words(term) else None)


_BOLD_LEAD = re.compile(r"^(?:[-*+]\s+|\d{1,2}[.)]\s+)?\*\*(?P<term>[^*]{2,60}?)\*\*\s+(?P<rest>[a-z].*)$", re.S)
_KIND_OF_THING = word_list("kind_of_thing")
_DOES = word_list("defining_verbs")


def _bold_lead(sec: _Section, i: int, out: _Collector) -> None:
    """'**Amazon EBS** is block storage you attach ...', '**Lambda** runs code without servers': a bold name that
    opens its own sentence, with no article after "is" or with a verb of what it does.

    Only for the thing the section is about (its topic or heading), so that a bold word inside a remark about
    something else defines nothing; and "is" must be followed by a kind of thing ("block storage", "a ...").
    """
    m = _BOLD_LEAD.match((sec.blocks[i].text or "").strip())
    if not m:
        return
    term, rest = m["term"].strip(), clean(m["rest"])
    if not term_ok(term) or key(term) in BENEFIT_WORDS:
        return
    owners = _content_words(f"{sec.topic or ''} {sec.title or ''}")
    if not _content_words(term) or not _content_words(term) <= owners | _content_words("amazon aws"):
        return
    first = sentences(rest)[0] if rest else ""
    words = first.split()
    if len(words) < 4:
        return
    verb = words[0].lower()
    if verb in {"is", "are"}:
        head = {w.lower().strip(",.") for w in words[1:4]}
        if not head & _KIND_OF_THING or words[1].lower() in {"not", "also", "only", "now", "still"}:
            return
        d = first_sentences(" ".join(words[1:]))
    elif verb in _DOES:
        d = first_sentences(first)
    else:
        return
    d = _cap(d.rstrip(":"))
    if _definition_ok(term, d) and not _feature_blurb(term, d, ()):
        out.definition(term, d, sec.lines(i))


def _plural_title(title: str) -> bool:
    """'Multi Account Strategies', 'Custom AMIs': a heading naming several things; not 'Kubernetes' or 'Redis'."""
    last = re.sub(r"\([^)]*\)", "", title).split()[-1:] or [""]
    word = last[0]
    if re.fullmatch(r"[A-Z]{2,}s", word):
        return True
    low = word.lower()
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "es")) or low.endswith("ies")


def _section_lead_definition(sec: _Section, out: _Collector) -> None:
    """'Amazon Neptune' + '• Fully managed graph database' -> Amazon Neptune: Fully managed graph database."""
    if not sec.title or not sec.allow_defs or sec.use_case_section:
        return
    title = display(sec.title_raw)
    if key(title) != key(sec.title) or len(title.split()) > 6 or " vs" in title.lower():
        return
    first = next((i for i, b in enumerate(sec.blocks) if not sec.skip[i]), None)
    if first is None or sec.blocks[first].kind not in ("bullet", "paragraph"):
        return
    if sec.term[first] is not None or sec.opener[first]:
        return
    text = sec.text[first]
    if _is_a_match(text):
        return  # the is-a rule reads it
    stripped = re.sub(r"^(?:it[’']s|its|it is|this is)\s+", "", text, flags=re.I)
    words = stripped.split()
    if len(words) < 3 or words[0].lower() in PRONOUNS | DETERMINERS or words[0].lower() in IMPERATIVE:
        return
    head = " ".join(words[:6]).lower()
    if re.search(r"\b(?:is|are|was|were|has|have|can|will|must|should|do|does)\b", head):
        return
    first_sentence = sentences(stripped)[0] if stripped else ""
    if len(first_sentence.split()) > 16 or words[0].lower() in {"in", "on", "at", "for", "with", "by", "from", "to"}:
        return
    if _content_words(words[0]) & _content_words(title) and not stripped.lower().startswith(("a ", "an ")):
        return  # "EBS volumes are ...", "DynamoDB ..." : a sentence about the subject, not a noun phrase
    # the block must not be the first of a list of names
    run = [j for j in range(first, len(sec.blocks)) if sec.blocks[j].kind == "bullet" and sec.parent[j] is None]
    if _members_of(sec, run[:8], strict=True):
        return
    if sec.blocks[first].kind == "bullet" and len(run) >= 3 and _plural_title(title):
        return  # "Account Strategies" over several bullets: a list of them, not a definition from its first item
    d = clean_definition(stripped)
    if _definition_ok(title, d):
        out.definition(title, d, sec.lines(first))
