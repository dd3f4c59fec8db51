"""The types that flow through the ingest pipeline: parse -> topics -> extract.

Plain dataclasses, no ORM, so every stage is tested with strings in and these out.
Line numbers are 1-based physical lines of the source file, as `cat -n` prints them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "bullet", "table", "code"]
FactKind = Literal["definition", "list", "comparison", "use_case", "number"]


@dataclass
class Block:
    """One logical piece of content under a heading.

    `text` is clean markdown-inline text: bullet markers, arrows and leading
    whitespace removed, soft-wrapped lines joined with a space. For tables it
    is the table re-emitted as a clean GitHub pipe table; for code, the code.
    """

    kind: BlockKind
    text: str
    line: int
    end_line: int
    depth: int = 0  # bullet nesting: 0 top-level bullet/paragraph, 1 child, ...
    ordered: bool = False  # "1." / "1)" list item
    term: str | None = None  # "Term: definition" / "**Term**: definition" / "Term - definition"
    definition: str | None = None  # the text after the term ("" for a bare label "Term:")
    rows: list[list[str]] | None = None  # tables: header row first, cells stripped
    row_lines: list[int] | None = None  # tables: the note line each row starts on, header first
    # "explanation": a practice question's explanation; "source": an item under a lead-in that lists where something
    # comes from ("... collects logs from:"). Both are shown on a page but are never a fact, and never quoted for a
    # service they name
    origin: str = ""

    def row_starts(self) -> list[int]:
        """The line each row of a table starts on, header first: as the parser counted them, else (a block built
        without them) the header's line and one line per row after the rule."""
        return self.row_lines or [self.line, *range(self.line + 2, self.line + 1 + len(self.rows or []))]


@dataclass
class AuthorCard:
    """A card the author wrote (`Q: ... / A: ...`, `Question: / Answer:`, `front::back`): kept as written."""

    front: str
    back: str
    line: int
    end_line: int


@dataclass
class AuthorQuestion:
    """A practice question the author wrote: stem, options, the key, and the explanation, as written."""

    stem: str
    options: list[str]  # in the author's order, without their letters or checkboxes
    correct: list[int]  # indices into options
    line: int
    end_line: int
    explanation: str = ""
    explanation_line: int = 0  # 0: no explanation


@dataclass
class Section:
    """A heading and what sits under it until the next heading of the same or higher level."""

    title: str  # clean: no '#', banners, numbering, '**', trailing ':'
    raw_title: str  # the heading line as written (stripped)
    level: int  # 1 = top level
    line: int  # line of the heading (first banner line's title line for banner pairs)
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    cards: list[AuthorCard] = field(default_factory=list)
    questions: list[AuthorQuestion] = field(default_factory=list)

    def walk(self):
        """This section and every descendant, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Dropped:
    line: int
    end_line: int
    reason: str  # "chat lead-in", "duplicate of line 120", "homework", "truncated", ...


@dataclass
class Outline:
    sections: list[Section]  # top level; text before any heading -> a Section with title ""
    dropped: list[Dropped] = field(default_factory=list)
    # what the note's front matter calls it (Obsidian's `title:` and `aliases:`): names of the page the note is
    names: tuple[str, ...] = ()

    def walk(self):
        for section in self.sections:
            yield from section.walk()


@dataclass
class Fact:
    """A statement the notes make that a card or question can be built from."""

    kind: FactKind
    subject: str  # the term, the list's label, "A vs B", the option, the numbered thing
    text: str  # the statement as a learner would read it
    lines: list[int]  # source lines it came from
    data: dict = field(default_factory=dict)
    # definition: {"term", "definition"}
    # list:       {"label", "members": [str, ...]}
    # comparison: {"items": [str, ...], "attributes": {attr: {item: value}}}
    # use_case:   {"option", "use_case"}
    # number:     {"number": "99.999999999%", "statement"}


# A comparison table's first header cell is empty or names its rows' kind ("| Feature | Standard | FIFO |"): its other
# header cells name the things compared, and each of its rows sets them side by side.
_COMPARISON_CORNER = re.compile(
    r"(?:features?|aspects?|attributes?|propert(?:y|ies)|characteristics?|criteri(?:a|on)|categor(?:y|ies)"
    r"|comparison|dimensions?|differences?)?",
    re.I,
)
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*")


def comparison_columns(table: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """A comparison table's columns, each as (what it compares, [(row label, cell), ...]): "| Feature | Standard Queue
    | FIFO Queue |" gives ("Standard Queue", [("Throughput", "nearly unlimited"), ...]). A row of such a table says
    something of each column in turn, never one statement across them. Any other table gives []."""
    rows = [line for line in table.splitlines() if line.strip().startswith("|") and not _TABLE_RULE.fullmatch(line)]
    cells = [[c.strip().strip("`*_ ") for c in row.strip().strip("|").split("|")] for row in rows]
    if len(cells) < 3 or len(cells[0]) < 3 or not _COMPARISON_CORNER.fullmatch(cells[0][0]) or not all(cells[0][1:]):
        return []
    header, body = cells[0], cells[1:]
    out = []
    for column, name in enumerate(header[1:], 1):
        said = [(row[0], row[column]) for row in body if len(row) > column and row[0] and row[column]]
        if len(said) >= 2:
            out.append((name, said))
    return out
