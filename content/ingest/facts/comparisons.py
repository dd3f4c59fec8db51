"""Comparison facts: pipe tables and "X vs Y" sections -> {"items", "attributes"}."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from content.ingest.facts.definitions import _definition_ok, clean_definition
from content.ingest.facts.numbers import _DIGIT, find_number
from content.ingest.facts.section import _child_text
from content.ingest.facts.text import (
    _VS_TITLE,
    USE_CASE_LABEL,
    _content_words,
    _suspect,
    _trim,
    clean,
    display,
    first_sentences,
    key,
    term_ok,
    word_list,
)
from content.ingest.outline import Block

if TYPE_CHECKING:
    from content.ingest.facts.section import _Collector, _Section


def _vs_section(sec: _Section, out: _Collector) -> None:
    """'Batch vs Lambda' with a label per side -> comparison (tables are handled per table)."""
    if not _VS_TITLE.search(sec.title_display or "") or any(b.kind == "table" for b in sec.blocks):
        return
    items: list[str] = []
    values: dict[str, str] = {}
    lines: list[int] = []
    for i, _b in enumerate(sec.blocks):
        if sec.skip[i] or sec.parent[i] is not None or sec.term[i] is None or not term_ok(sec.term[i]):
            continue
        name = display(sec.term[i])
        if sec.defn[i]:
            value = first_sentences(sec.defn[i], 220)
        else:
            value = _trim("; ".join(_child_text(sec, k) for k in sec.children[i]), 220)
        if not value:
            continue
        items.append(name)
        values[name] = value
        lines.extend(sec.lines(i, *sec.children[i]))
    if len(items) < 2 or len(items) > 6:
        return
    subject = _vs_key(" vs ".join(items)) if len(items) <= 4 else key(sec.title_display)
    text = f"{' vs '.join(items)}: " + " | ".join(f"{k} – {v}" for k, v in values.items())
    out.add(
        "comparison",
        subject,
        _trim(text, 600),
        sorted(set(lines)),
        {"items": items, "attributes": {"Key points": values}},
    )


def _vs_key(text: str) -> str:
    """'Amazon EBS (Elastic Block Store) vs Amazon EFS' -> 'ebs vs efs': each side normalised like a subject."""
    return " vs ".join(key(part) for part in re.split(r"(?i)\s+vs\.?\s+", text))


_ITEM_COLUMN_HEADERS = word_list("item_column_headers")
# A column that says what the row's item is ("Description", "What it does", "Purpose").
_DESCRIBES = re.compile(r"^(?:description|desc|definition|what it is|what it does|what is it|purpose|function|role)$")


_SEPARATOR_CELL = re.compile(r":?-{2,}:?")
_PORT_VALUE = re.compile(r"\d{2,5}(?:\s*-\s*\d{2,5})?")
_EMPTY_CELLS = word_list("empty_cells")


def _table_cells(b: Block) -> tuple[list[str], list[str], list[tuple[str, str, str, int]], bool] | None:
    """(header, items, [(item, attribute, value, line)], columns_are_items) of a pipe table.

    Items are the columns when the first header cell is empty or says "Feature"/"Aspect"
    (a "Feature | EBS | EFS" comparison table), else the rows (a "Pricing Model" header over
    "On-Demand" / "Spot" rows).
    """
    rows = [[clean(c) for c in r] for r in (b.rows or [])]
    rows = [r for r in rows if any(r) and not all(_SEPARATOR_CELL.fullmatch(c or "-") for c in r)]
    if len(rows) < 2:
        return None
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header, body = rows[0], []
    exact_lines = b.end_line - b.line + 1 == len(b.rows or []) + 1  # header, rule, one line per row
    for n, row in enumerate(rows[1:]):
        if body and not row[0] and any(row[1:]) and header[0]:
            # a row whose first cell is empty continues the row above (a cell wrapped onto a new row)
            body[-1] = ([(a + " " + c).strip() for a, c in zip(body[-1][0], row, strict=True)], body[-1][1])
            continue
        body.append((row, b.line + n + 2 if exact_lines else b.line))
    h0 = key(header[0]) if header[0] else ""
    columns_are_items = not h0 or h0 in _ITEM_COLUMN_HEADERS or h0.split()[0] in _ITEM_COLUMN_HEADERS
    cells: list[tuple[str, str, str, int]] = []
    if columns_are_items:
        items = [display(h) for h in header[1:] if h]
        for row, line in body:
            attr = display(row[0])
            cells += [(item, attr, value, line) for item, value in zip(items, row[1:], strict=False) if attr]
    else:
        items = [display(row[0]) for row, _line in body if row[0]]
        attrs = [display(h) for h in header[1:]]
        for row, line in body:
            item = display(row[0])
            cells += [(item, attr, value, line) for attr, value in zip(attrs, row[1:], strict=False) if item and attr]
    # a wrong cell (EFS "99.999999%", Dedicated Hosts "1-3 years": see content/claims.toml) is left out
    cells = [c for c in cells if not _suspect(f"{c[0]} – {c[1]}: {c[2]}")]
    return header, items, cells, columns_are_items


def _table(sec: _Section, i: int, out: _Collector) -> None:
    b = sec.blocks[i]
    parsed = _table_cells(b)
    if not parsed:
        return
    header, items, cells, columns_are_items = parsed
    attributes: dict[str, dict[str, str]] = {}
    for item, attr, value, _line in cells:
        if not _DESCRIBES.match(key(attr)):  # a description column (or row) defines each item instead
            attributes.setdefault(attr, {})[item] = value
    if len(items) < 2:
        # one row: nothing to compare, but its cells still define the row's item, give its uses and numbers (a
        # services table the placement split row by row, each row on its own service's page)
        _rows(sec, cells, out)
        return
    if not attributes:
        _rows(sec, cells, out)
        return
    title = sec.title_display or ""
    specific = _VS_TITLE.search(title) or re.search(r"(?i)\b(?:models?|options?|types?|classes)\b", title)
    if _VS_TITLE.search(title) and " vs" in title.lower():
        subject_display = re.sub(r"(?i)^comparison:\s*", "", title)
        subject = _vs_key(subject_display)
    elif len(items) <= 4:
        subject_display = " vs ".join(items)
        subject = _vs_key(subject_display)
    else:
        what = display(header[0]) if header[0] and not columns_are_items else ""
        if specific and not re.search(r"(?i)\b(?:summary|table|diagram)\b", title):
            subject_display = title
        elif what and sec.topic and not (_content_words(what) & _content_words(sec.topic)):
            subject_display = f"{sec.topic} – {what if what.endswith('s') else what + 's'}"
        else:
            subject_display = f"{sec.topic or sec.title or what} comparison"
        subject = key(subject_display)
    names = list(attributes)
    text = f"{subject_display}: {', '.join(items)} compared by {', '.join(names[:8])}"
    text += "…" if len(names) > 8 else "."
    out.add("comparison", subject, text, [b.line], {"items": items, "attributes": attributes})

    _rows(sec, cells, out)


def _rows(sec: _Section, cells: list[tuple[str, str, str, int]], out: _Collector) -> None:
    """Each cell can also be a definition, a use case or a number, of the item its row (or column) names."""
    for item, attr, value, line in cells:
        if not value or value.lower() in _EMPTY_CELLS:
            continue
        a_key = key(attr)
        stmt = f"{item} – {attr}: {value}"
        if _DESCRIBES.match(a_key):
            # "| Service | Description |": each row defines the thing its first cell names
            if sec.allow_defs and term_ok(item):
                d = clean_definition(value, item)
                if _definition_ok(item, d):
                    out.definition(item, d, [line])
            continue
        if USE_CASE_LABEL.match(a_key) or re.search(r"\buses?\b|\buse[- ]?cases?\b|\bbest for\b", a_key):
            out.use_case(item, value, f"{item} – {attr.lower()}: {value.rstrip('.')}.", [line])
        elif "port" in a_key and _PORT_VALUE.fullmatch(value):
            out.add("number", key(f"{item} {attr}"), stmt, [line], {"number": value, "statement": stmt})
        elif _DIGIT.search(value):
            found = find_number(value)
            if found:
                out.add("number", key(f"{item} {attr}"), stmt, [line], {"number": found[0], "statement": stmt})
