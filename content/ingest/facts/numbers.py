"""Number facts: limits, durations, percentages, sizes and ports -> {"number", "statement"}."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from content.ingest.facts.text import _SCENARIO_START, CHAT, MAX_STATEMENT, _cap, _trim, display, key, sentences

if TYPE_CHECKING:
    from content.ingest.facts.section import _Collector, _Section

# ----------------------------------------------------------------------------- numbers

_N = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NR = rf"{_N}(?:\s?(?:-|–|to|or|&|and)\s?{_N})?"
_SIZE = r"(?:[KMGTPE]i?B|[kmgtpe]b)(?:/s|ps|-?s\b)?|bytes?|bits?"
_TIME = r"(?:milli|micro)?seconds?|ms|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?"
_COUNT = (
    r"(?:read\s+)?replicas|copies|AZs?|Availability Zones?|regions?|characters|vCPUs?|requests|buckets|tags|"
    r"(?:compute\s+)?nodes|instances|global secondary indexes|local secondary indexes|GSIs?|LSIs?|partitions|"
    r"messages|msgs?|records|transactions|secondary regions|edge locations|items|objects|users|accounts|"
    r"facilities|data centers|computers|units|writes?|reads?|reads per second|"
    r"strongly consistent reads?|eventually consistent reads?|write operations?|invocations|functions|"
    r"concurrent executions|servers|digits|rules|policies|types|ports|queues|shards"
)
# (priority, hint that must occur in the lower-cased sentence, pattern with a `num` group)
_NUM_PATTERNS: tuple[tuple[int, str | None, re.Pattern[str]], ...] = (
    (0, "%", re.compile(rf"(?<![\w.$/-])(?P<num>{_N}\s?%)", re.I)),
    (0, "percent", re.compile(rf"(?<![\w.$/-])(?P<num>{_N}\s?percent)\b", re.I)),
    (0, "9", re.compile(r"(?<![\w.])(?P<num>\d{1,2}\s?(?:nines|9[’']?s))\b", re.I)),
    (0, None, re.compile(rf"(?<![\w.$/-])(?P<num>{_NR}\s?(?:-\s?)?(?:{_SIZE}))(?![\w])", re.I)),
    (0, None, re.compile(rf"(?<![\w.$/-])(?P<num>{_NR}\s?(?:-\s?)?(?:{_TIME}))\b", re.I)),
    (0, "$", re.compile(rf"(?P<num>\${_N})")),
    (0, "iops", re.compile(rf"(?<![\w.$/-])(?P<num>{_NR}\s?IOPS)\b", re.I)),
    (0, None, re.compile(rf"(?<![\w.$/-])(?P<num>{_NR}[\s-]?(?:pounds|lbs?|feet|foot|ft))\b", re.I)),
    (0, "port", re.compile(r"\bports?\s+(?:number\s+)?(?P<num>\d{2,5}(?:\s?(?:or|and|,)\s?\d{2,5})?)\b", re.I)),
    (
        0,
        "(",
        re.compile(
            r"\b(?:SSH|HTTPS?|RDP|MySQL|PostgreSQL|FTP|SMTP|DNS)\s*\(\s*(?:port\s+)?(?P<num>\d{2,5})\s*\)", re.I
        ),
    ),
    (
        1,
        None,
        re.compile(
            rf"(?<![\w.$/-])(?P<num>{_NR}(?:\s(?:thousand|million|billion|trillion))?)\s+(?:\w+\s+){{0,2}}(?:{_COUNT})\b",
            re.I,
        ),
    ),
    (1, "x", re.compile(r"(?<![\w.$/-])(?P<num>\d+(?:\.\d+)?(?:\s?-\s?\d+)?x)\b")),
    (1, "times", re.compile(r"(?<![\w.$/-])(?P<num>\d+(?:\.\d+)?(?:\s?-\s?\d+)?x?\s?times)\b", re.I)),
    (1, "l", re.compile(r"\b(?P<num>Layer\s?[2-7])\b|(?<=[(–] )(?P<l>L[347])\b|(?<=\()(?P<l2>L[347])\b")),
    (1, "up", re.compile(rf"\bup\s?to\s+(?P<num>{_N})\b(?!\.\d)", re.I)),
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")


_LIMIT_BEFORE = re.compile(r"(?i)(?:up\s?to|upto|unto|maximum(?: of)?|max\.?|at most|limit of|quota of|as many as)\s*$")


def find_number(sentence: str) -> tuple[str, int] | None:
    """The most telling number in a sentence, as written: ('15 minutes', pos).

    Limits, sizes, durations, percentages, prices and ports come first; bare counts
    ("15 read replicas" -> "15"), multipliers and "up to N" only when there is nothing better.
    Among equals, a number introduced by "up to" / "maximum" wins, then the earliest.
    """
    low = sentence.lower()
    best: tuple[int, int, int, str] | None = None
    for prio, hint, rx in _NUM_PATTERNS:
        if hint and hint not in low:
            continue
        if best is not None and prio > best[0]:
            break
        for m in rx.finditer(sentence):
            group = next(g for g in ("num", "l", "l2") if g in rx.groupindex and m.group(g))
            start = m.start(group)
            limit = 0 if _LIMIT_BEFORE.search(sentence, max(0, start - 14), start) else 1
            cand = (prio, limit, start, m.group(group).strip())
            if best is None or cand[:3] < best[:3]:
                best = cand
    if best is None or _YEAR.fullmatch(best[3]):
        return None
    return best[3], best[2]


def _clause_around(sentence: str, pos: int, limit: int = MAX_STATEMENT) -> str:
    if len(sentence) <= limit:
        return sentence
    parts = re.split(r"(?<=[,;])\s+", sentence)
    spans, at = [], 0
    for p in parts:
        start = sentence.find(p, at)
        spans.append((start, start + len(p)))
        at = start + len(p)
    idx = next((i for i, (s, e) in enumerate(spans) if s <= pos < e), 0)
    lo = hi = idx
    while True:
        grown = False
        if hi + 1 < len(spans) and spans[hi + 1][1] - spans[lo][0] <= limit:
            hi += 1
            grown = True
        if lo > 0 and spans[hi][1] - spans[lo - 1][0] <= limit:
            lo -= 1
            grown = True
        if not grown:
            break
    out = sentence[spans[lo][0] : spans[hi][1]].strip(" ,;")
    if len(out) > limit:
        out = _trim(out, limit)
    return ("…" if lo > 0 else "") + out + ("" if out.endswith((".", "…")) else "…")


_SCENARIO_ANYWHERE = re.compile(
    r"(?i)\b(?:let[’']?s|lets)\s+(?:say|assume|consider|suppose)\b|\bsuppose\b|\b(?:he|she|him|her)\b"
)  # a worked example or a story ("when he is 3 min away"), not a limit


def _numbers_in(
    sec: _Section, i: int, subject: str | None, text: str, out: _Collector, context: str | None = None
) -> None:
    if not subject or not _DIGIT.search(text):
        return
    context = context or (sec.owner(i) if subject != sec.owner(i) else None)
    for s in sentences(text):
        if not CHAT.match(s) and not _SCENARIO_START.match(s) and not _SCENARIO_ANYWHERE.search(s):
            out.number(subject, s, sec.lines(i), context)


def _port_fact(term: str, definition: str, lines: list[int], out: _Collector) -> bool:
    """'port of SSH : 22'."""
    value = definition.strip().rstrip(".")
    if "port" not in term.lower() or not re.fullmatch(r"\d{2,5}", value):
        return False
    stmt = _cap(f"{display(term)}: {value}")
    out.add("number", key(term), stmt, lines, {"number": value, "statement": stmt})
    return True
