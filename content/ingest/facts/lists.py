"""List facts: a lead-in (`... :`, a bare label, the section title) over sibling bullets, or an inline
enumeration (`Components : Users, User groups, Roles, Policies`) -> {"label", "members"}.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from content.ingest.facts.text import (
    _PAREN,
    _SMALL_WORDS,
    DEFINITION_LABEL,
    GENERIC_TERMS,
    IMPERATIVE,
    PRONOUNS,
    USE_CASE_LABEL,
    VERB_START,
    VERBISH,
    _content_words,
    display,
    key,
    term_ok,
)

if TYPE_CHECKING:
    from content.ingest.facts.section import _Collector, _Section


def _member(sec: _Section, i: int, strict: bool) -> str | None:
    """The short name a list bullet contributes, or None if it is prose."""
    if sec.term[i] is not None:
        t = display(sec.term[i])
        if not term_ok(sec.term[i]) or key(t) in GENERIC_TERMS:
            return None
        return _PAREN.sub("", t).strip() if len(t) > 50 else t
    if sec.opener[i] and len(sec.text[i].split()) > 4:
        return None  # a lead-in sentence ("Additionally, EFS offers two throughput modes:") is not a member
    text = sec.text[i].rstrip(".;")
    if sec.children[i] and text.endswith(":"):
        text = text[:-1]
    for m in list(_PAREN.finditer(text)):
        inner = m.group(0)
        if len(inner.split()) >= 4 or "," in inner or "…" in inner or "..." in inner:
            text = text.replace(inner, "")
    text = text.strip(" ,")
    words = text.split()
    if not words or len(words) > 6 or len(text) > 55:
        return None
    low = {w.lower().strip(",.()") for w in words}
    if low & VERBISH or words[0].lower() in PRONOUNS or text.endswith((":", "?", "!")) or "…" in text:
        return None
    first = words[0].lower()
    if first in IMPERATIVE or first in VERB_START or ":" in text:
        return None  # "Provides networking ...", "Open the Amazon S3 Console", "Port: 80": prose, not a name
    if strict and (words[0][:1].islower() or re.search(r"\w\.\s", text)):
        return None
    if not re.search(r"[A-Za-z]", text) or re.match(r"https?://", text):
        return None
    return text


def _members_of(sec: _Section, idx: list[int], strict: bool) -> list[str] | None:
    """Members if the run reads as a list of names (2..12), else None."""
    if len(idx) < 2:
        return None
    if any(sec.term[j] is not None and _meta_label(sec.term[j]) for j in idx):
        return None  # "Use Case:", "Availability:": attributes of one option, not a list of options
    names = [_member(sec, j, strict) for j in idx]
    good = [n for n in names if n]
    bad = len(names) - len(good)
    if strict and (bad > 1 or bad == 1 and names[-1] is not None):
        return None
    if not strict and bad * 2 > len(names):
        return None
    seen, out = set(), []
    for n in good:
        k = key(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out if 2 <= len(out) <= 12 else None


def _meta_label(term: str) -> bool:
    k = key(term)
    return k in GENERIC_TERMS or bool(USE_CASE_LABEL.match(k) or DEFINITION_LABEL.match(k))


def _is_name(text: str) -> bool:
    """'Hard Disk Drive (ST1)', 'DynamoDB Streams', 'EC2 Fleet': a named thing, not an attribute phrase."""
    words = text.split()
    if len(words) >= 2 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return True  # "Spot Instances", "Hard Disk Drive"
    return "(" in text or any(sum(c.isupper() for c in w) >= 2 or re.search(r"\d", w) for w in words)


def _qualify(label: str, owner: str | None) -> str:
    """'Payment Options' under 'Reserved Instances (RIs)' -> 'Reserved Instances (RIs) – Payment Options'."""
    if not owner or key(owner) == key(label):
        return label
    words = label.split()
    if re.fullmatch(r"\d+ \w+", label):
        return f"{owner} – {label}"  # "4 types" under "Elastic Load Balancers (ELB)"
    has_name = any(sum(c.isupper() for c in w) >= 2 or re.search(r"\d", w) for w in words)
    if len(words) == 1 and key(label) not in GENERIC_TERMS:
        return label  # "Lambda", "Batch": a name needs no owner
    if len(words) <= 4 and not has_name and not (_content_words(label) & _content_words(owner)):
        return f"{owner} – {label}"
    return label


def _inline_list(text: str) -> list[str] | None:
    """'Users, User groups, Roles, Policies' / '1) String 2) Stringlist 3) SecureString'."""
    if text.count(",") < 2 and ") " not in text or len(text) > 400:
        return None
    text = text.strip().rstrip(".")
    numbered = re.findall(r"(?:^|\s)\d\)\s*([^\d]+?)(?=\s+\d\)|$)", text)
    if len(numbered) >= 2:
        items = [re.split(r"\s+(?:and|with|using)\s+", n.strip(" ,"))[0] for n in numbered]
    elif "(" not in text:
        items = text.split(",")
    else:
        items, depth, cur = [], 0, ""
        for ch in text:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            if ch == "," and depth == 0:
                items.append(cur)
                cur = ""
            else:
                cur += ch
        items.append(cur)
    items = [re.sub(r"^(?:and|or)\s+", "", i.strip(" .;")) for i in items]
    items = [i for i in items if i and i.lower() not in {"etc", "etc."}]
    if any(":" in i for i in items) or items and items[0].split()[0].lower() in VERB_START | IMPERATIVE:
        return None  # "Type: HTTP, Protocol: TCP, ...", "Optimized for machine learning, AI, ..."
    if len(items) < 3 or len(items) > 12:
        return None
    if any(len(_PAREN.sub("", i).split()) > 4 or len(_PAREN.sub("", i)) > 40 for i in items):
        return None
    caps = sum(1 for i in items if i[:1].isupper() or i[:1].isdigit() or i[:1] == ".")
    if caps * 3 < len(items) * 2:
        return None
    return items


_GROUPING_LABEL = re.compile(
    r"\b(?:types?|kinds?|components?|options?|concepts?|supports?|classes|modes?|tiers?|models?|families|"
    r"polic(?:y|ies)|engines?|platforms?|services|categories|roles|protocols?|layers?|tools?)\b"
)


def _section_list(sec: _Section, out: _Collector) -> None:
    """Bullets opening a section with no lead-in: the section title is the list label."""
    if not sec.title_display or sec.use_case_section:
        return
    run: list[int] = []
    for i, b in enumerate(sec.blocks):
        if sec.skip[i]:
            continue
        if b.kind != "bullet" or sec.parent[i] is not None:
            break
        run.append(i)
    if len(run) < 3:
        return
    members = _members_of(sec, run, strict=True)
    if members and len(members) >= 3:
        label = sec.title_display
        label = re.sub(r"\s*(?:[-–—]\s*)?\b(?:section|overview)\s*$", "", label, flags=re.I).strip() or label
        if sec.topic and (key(label) in GENERIC_TERMS or len(label.split()) <= 3):
            label = _qualify(label, sec.topic) if len(label.split()) > 1 else f"{sec.topic} – {label}"
        out.list(label, members, sec.lines(*run))
