"""Facts a section states: definitions, lists, comparisons, use cases and numbers.

Plain Python, no ORM.  `extract(blocks, topic_name=..., section_title=...)` reads the
blocks of ONE section (as `parse` + `topics` produce them) and returns `Fact`s:

* definition  `Term: definition`, `**Term**: definition`, `Term - definition`, `X is a/an ...`
              first sentences, labels whose definition sits in child bullets, and a service
              heading whose first bullet is a noun phrase ("Amazon Neptune" / "Fully managed
              graph database")                                -> {"term", "definition"}
* list        a lead-in (`... :`, a bare label, the section title) over sibling bullets, or an
              inline enumeration (`Components : Users, User groups, Roles, Policies`)
                                                              -> {"label", "members"}
* comparison  pipe tables and "X vs Y" sections               -> {"items", "attributes"}
* use_case    "best for / ideal for / use case / used for / suitable for ..." statements,
              "Use Case" meta-labels and "Use Cases" sections -> {"option", "use_case"}
* number      limits, durations, percentages, sizes, ports    -> {"number", "statement"}

`Fact.subject` is a normalised key (markdown stripped, lower case, "Amazon"/"AWS" prefix and
parentheticals dropped, well-known spelled-out names turned into their acronym) so the same
thing gets the same subject in every file: '**Amazon EBS (Elastic Block Store)**', 'EBS' and
'Elastic Block Store' all give 'ebs'.  Display case lives in `text` and `data`; ALL-CAPS terms
from the prose notes are shown in title case.  A number's statement names its context
("Lambda – Invocation time: up to 15 minutes") so a cloze card reads on its own.

Quality beats quantity: meta labels (Use Case, Description, Cost ...) are attributes of the
option they sit under, never terms; feature blurbs, lead-ins, chat leftovers, example scenarios
and one-word or repeated definitions give nothing; and statements a claim says are wrong
(content/claims.toml: 13 nines, a 75% RI discount, gp3 bursting ...) are dropped rather than
turned into answer keys.
"""

from __future__ import annotations

import dataclasses
import re

from content.ingest.facts.comparisons import _table, _vs_section
from content.ingest.facts.definitions import (
    _definition_ok,
    _is_a,
    _label,
    _section_lead_definition,
    _term_with_definition,
    clean_definition,
    one_of_its_traits,
)
from content.ingest.facts.lists import _members_of, _qualify, _section_list
from content.ingest.facts.numbers import _numbers_in
from content.ingest.facts.section import _Collector, _Section
from content.ingest.facts.text import (
    _CHAT_TAIL,
    _DISCOURSE,
    _TRAIL_COLON,
    CHAT,
    PRONOUNS,
    USE_CASE_LABEL,
    _cap,
    display,
    key,
    sentences,
    term_ok,
)
from content.ingest.facts.use_cases import _use_cases_in
from content.ingest.outline import Block, Fact

# ----------------------------------------------------------------------------- public API


def extract(blocks: list[Block], *, topic_name: str, section_title: str) -> list[Fact]:
    """Facts stated by one section's blocks, in source order."""
    blocks = _definition_lists([b for b in blocks if not b.origin])  # an explanation, a source: never carded
    if not blocks:
        return []
    sec = _Section(blocks, topic_name, section_title)
    out = _Collector()
    _section_list(sec, out)
    _section_lead_definition(sec, out)
    _vs_section(sec, out)
    for i, b in enumerate(sec.blocks):
        if sec.skip[i]:
            continue
        if b.kind == "table":
            _table(sec, i, out)
            continue
        _block(sec, i, out)
    out.facts.sort(key=lambda f: f.lines[0])  # stable: section-level facts sit at their first line
    return out.facts


def _definition_lists(blocks: list[Block]) -> list[Block]:
    """A definition list ("AWS Config" on one line, ": records configuration changes ..." on the next) is one
    `Term: definition` block; the parser reads the two lines as two blocks."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        text = (b.text or "").strip()
        if (
            prev is not None
            and text.startswith(": ")
            and prev.term is None
            and prev.kind in ("bullet", "paragraph")
            and prev.depth == b.depth
            and not prev.text.rstrip().endswith((":", ".", "?"))
            and term_ok(prev.text)
        ):
            definition = text[2:].strip()
            out[-1] = dataclasses.replace(
                prev, text=f"{prev.text}: {definition}", term=prev.text, definition=definition, end_line=b.end_line
            )
            continue
        out.append(b)
    return out


def _block(sec: _Section, i: int, out: _Collector) -> None:
    if sec.term[i] is not None:
        if sec.defn[i] and not sec.opener[i]:
            _term_with_definition(sec, i, out)
        else:
            _label(sec, i, out)
        return
    text, owner, kids = sec.text[i], sec.owner(i), sec.children[i]
    if sec.opener[i] and kids:
        members = _members_of(sec, kids, strict=False)
        if members:
            lead = _DISCOURSE.sub("", _TRAIL_COLON.sub("", text).strip())
            lead = _cap(re.sub(r"(?i)[\s,]+(?:such as|including|like|are|is|as follows|the following)$", "", lead))
            parent = sec.parent[i]
            if (
                parent is not None
                and sec.children[parent][:1] == [i]
                and term_ok(sec.term[parent])
                and (len(lead.split()) > 10 or lead.split()[0].lower() in PRONOUNS)
            ):
                lead = display(sec.term[parent])  # "Traffic Routing Policies:" / "Route 53 supports ... that ...:"
            if len(lead.split()) > 15 or CHAT.match(lead):
                label = sec.owner(i) or ""
            else:
                label = _qualify(lead, sec.owner(i))
            if label:
                out.list(label, members, sec.lines(i, *kids), lead=text)
        elif not text.endswith(":") and sec.allow_defs and term_ok(text) and not USE_CASE_LABEL.match(key(text)):
            # "2. S3 standard" with its description in the child bullets
            first = kids[0]
            if sec.term[first] is None and not one_of_its_traits(sec, kids, sec.text[first]):
                d = clean_definition(sec.text[first])
                if _definition_ok(text, d):
                    out.definition(text, d, sec.lines(i, first))
    if _CHAT_TAIL.search(text):
        text = " ".join(s for s in sentences(text) if not CHAT.match(s))
    if text and not text.endswith(":"):
        _is_a(sec, i, text, out)
    _use_cases_in(sec, i, owner, text, out)
    _numbers_in(sec, i, owner, text, out)
