"""Use-case facts: "best for / ideal for / use case / used for / suitable for ..." statements
-> {"option", "use_case"}.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from content.ingest.facts.text import (
    _DISCOURSE,
    _LEAD_ARTICLE,
    _SCENARIO_START,
    PRONOUNS,
    _cap,
    _mentions,
    display,
    sentences,
    term_ok,
    word_list,
)

if TYPE_CHECKING:
    from content.ingest.facts.section import _Collector, _Section

_TRIGGERS = (
    r"best[- ]suited for|best for|ideal(?:ly suited)? for|ideal when|ideal choice for|well[- ]suited for|"
    r"suitable for|suited for|good for|great for|perfect for|useful for|useful when|recommended for|preferred for|"
    r"used for|used when|used in case of|use this when|use (?:it )?when|use for|designed for|"
    r"use cases? (?:include|are|is)|use cases?:|commonly used in"
)
USE_CASE_TRIGGER = re.compile(rf"\b(?P<trig>{_TRIGGERS})\b\s*:?\s*", re.I)
_TRIGGER_LOW = re.compile(rf"\b(?P<trig>{_TRIGGERS})\b\s*:?\s*")  # on lower-cased text: much faster than re.I
_HEAD_TAIL_WORDS = word_list("head_tail_words")


def _trigger(sentence: str) -> re.Match[str] | None:
    low = sentence.lower()
    if " for" not in low and "when" not in low and "case" not in low and "used in" not in low:
        return None
    if len(low) == len(sentence):
        return _TRIGGER_LOW.search(low)
    return USE_CASE_TRIGGER.search(sentence)


_COPULA = re.compile(r"(?i)\b(?:is|are|was|were|can be)\b[\w\s]*$")


def _head_of(text: str) -> str:
    """'Storage-optimized instances are ideally' -> 'Storage-optimized instances'."""
    words = text.split()
    while words and words[-1].lower() in _HEAD_TAIL_WORDS:
        words.pop()
    return " ".join(words).strip(" ,-–:")


def _use_cases_in(sec: _Section, i: int, option: str | None, text: str, out: _Collector) -> None:
    """'..., suitable for fault-tolerant and flexible workloads.' -> use_case(option, that requirement)."""
    if not sec.use_cases_allowed or sec.use_case_section and sec.parent[i] is not None:
        return
    low = text.lower()
    if " for" not in low and "when" not in low and "case" not in low and "used in" not in low:
        return
    for s in sentences(text):
        m = _trigger(s)
        if not m or _SCENARIO_START.match(s) or _NEGATED.search(s, max(0, m.start() - 12), m.start()):
            continue
        if m.group("trig").lower().startswith("use") and m.start() > 0:
            continue  # "... you can create an AMI of that setup to use for future instances"
        rest = re.split(r"(?<=[a-z0-9)])\.\s|;\s", s[m.end() :].strip())[0].rstrip(".")
        before = s[: m.start()]
        head = _LEAD_ARTICLE.sub("", _head_of(before))
        opt = option
        # "Storage-optimized instances are ideal for ...": the sentence names its own option.
        head_words = head.split()
        if (
            _COPULA.search(before)
            and 0 < len(head_words) <= 5
            and head_words[0].lower() not in PRONOUNS
            and head[:1].isupper()
            and term_ok(head)
            and not re.search(r"[,;]", head)
        ):
            opt = head
        if not opt or not rest:
            continue
        if m.group("trig").lower().startswith("designed for") and not re.search(
            r"\b(?:applications?|workloads?|data|scenarios?|environments?|teams|customers|analytics|"
            r"processing|storage|archiv\w*)\b",
            rest,
            re.I,
        ):
            continue
        opt_display = display(opt)
        sentence = _cap(_DISCOURSE.sub("", s.rstrip()))
        statement = sentence if _mentions(sentence, opt_display) else f"{opt_display} – {sentence}"
        out.use_case(opt, rest, _cap(statement), sec.lines(i))


_NEGATED = re.compile(r"(?i)\b(?:not|never|n[’']t|un)\b|n[’']t\s")
_BARE_FOR = re.compile(r"(?i)(?:for|use for|use it for)\s+(?=\w)")


def _split_use_cases(text: str) -> list[str]:
    text = text.strip().rstrip(".")
    if len(text) <= 140:
        return [text]
    return [s.rstrip(".") for s in sentences(text)[:2]]
