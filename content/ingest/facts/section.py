"""One section's blocks as the fact kinds read them (`_Section`), and the collector every kind adds its facts
to (`_Collector`: dedup, claims, retired options).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from content.ingest.facts.numbers import _clause_around, find_number
from content.ingest.facts.text import (
    _DISCOURSE,
    _PAREN,
    _VS_TITLE,
    _WS,
    BENEFIT_WORDS,
    FEATURE_SECTION,
    MAX_STATEMENT,
    NO_DEFINITION_SECTION,
    NO_LIST_LABEL,
    NO_USE_CASE_SECTION,
    PRONOUNS,
    RETIRED_OPTION,
    USE_CASE_SECTION,
    _cap,
    _content_words,
    _is_chat,
    _mentions,
    _suspect,
    _trim,
    clean,
    display,
    key,
    term_and_definition,
    term_ok,
    word_list,
)
from content.ingest.outline import Block, Fact

# ----------------------------------------------------------------------------- the extractor


class _Section:
    """Per-call state: blocks, their terms, the tree of openers and children."""

    def __init__(self, blocks: list[Block], topic_name: str, section_title: str):
        self.blocks = [b for b in blocks if b is not None]
        self.topic = _subject_of_title(topic_name)
        self.title_raw = section_title or ""
        self.title = _subject_of_title(section_title)
        self.title_display = display(section_title or "")
        self.allow_defs = not NO_DEFINITION_SECTION.search(self.title_display or "")
        self.use_case_section = bool(USE_CASE_SECTION.search(self.title_display or ""))
        self.use_cases_allowed = not NO_USE_CASE_SECTION.search(self.title_display or "")
        self.vs_section = bool(_VS_TITLE.search(self.title_display or ""))
        self.feature_section = bool(FEATURE_SECTION.match(self.title_display or ""))
        n = len(self.blocks)
        self.term: list[str | None] = [None] * n
        self.defn: list[str] = [""] * n
        self.text: list[str] = [""] * n
        self.skip: list[bool] = [False] * n
        for i, b in enumerate(self.blocks):
            self.text[i] = clean(b.text)
            if b.kind in ("bullet", "paragraph"):
                t, d = term_and_definition(b)
                if t and t.split()[0].lower() in PRONOUNS and not term_ok(t):
                    t, d = None, ""  # "It can be 1 to 5 units": a sentence, not a term
                self.term[i], self.defn[i] = (t.strip() if t else None), clean(d)
            self.skip[i] = b.kind == "code" or (b.kind != "table" and (not self.text[i] or _is_chat(self.text[i])))
        self.opener = [self._is_opener(i) for i in range(n)]
        self.parent: list[int | None] = [None] * n
        self._owner: dict[int, str | None] = {}
        self._has_deeper_child: set[int] = set()
        self._link()
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, p in enumerate(self.parent):
            if p is not None:
                self.children[p].append(i)

    def depth(self, i: int) -> int:
        return self.blocks[i].depth or 0

    def _is_opener(self, i: int) -> bool:
        b = self.blocks[i]
        if b.kind not in ("bullet", "paragraph") or self.skip[i]:
            return False
        if self.term[i] is not None and (not self.defn[i] or self.defn[i].endswith((":", ":-"))):
            return True
        if self.term[i] is None and self.text[i].endswith((":", ":-")):
            return True
        # a short bullet with deeper bullets under it ("2. S3 standard")
        nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        return (
            self.term[i] is None
            and nxt is not None
            and nxt.kind == "bullet"
            and (nxt.depth or 0) > (b.depth or 0)
            and len(self.text[i].split()) <= 8
            and not self.text[i].endswith(".")
        )

    def _captures(self, top: int, i: int) -> bool:
        """Does opener `top` own block `i` written at the same depth (nesting lost in the paste)?"""
        b, t = self.blocks[i], self.blocks[top]
        if self.skip[i] or b.kind not in ("bullet", "paragraph") or self.opener[i]:
            return False
        if top in self._has_deeper_child:
            return False  # its children are indented: the parser kept the nesting, a same-depth block is a sibling
        if t.kind == "paragraph":
            return True
        return b.kind == "bullet" and self.term[i] is None

    def _link(self) -> None:
        stack: list[int] = []
        for i, b in enumerate(self.blocks):
            if b.kind == "code" or self.skip[i] and b.kind != "table":
                continue
            d = b.depth or 0
            while True:
                while stack and self.depth(stack[-1]) > d:
                    stack.pop()
                if stack and self.depth(stack[-1]) == d:
                    top = stack[-1]
                    if self.opener[top] and self._captures(top, i):
                        break
                    stack.pop()
                    continue
                break
            self.parent[i] = stack[-1] if stack else None
            if stack and self.depth(stack[-1]) < d:
                self._has_deeper_child.add(stack[-1])
            prev = self.blocks[i - 1] if i else None
            if (
                self.parent[i] is None
                and prev is not None
                and b.kind == prev.kind == "paragraph"
                and self.term[i] is None
                and self.term[i - 1] is not None
                and self.defn[i - 1]
                and prev.end_line + 1 == b.line
            ):
                self.parent[i] = i - 1  # "Term : Used for ..." then "It can be ..." continuing it
            if b.kind != "table":
                stack.append(i)

    def ancestors(self, i: int) -> Iterable[int]:
        p = self.parent[i]
        while p is not None:
            yield p
            p = self.parent[p]

    def owner(self, i: int) -> str | None:
        """The option a block talks about: the nearest labelled ancestor, else the section, else the topic."""
        if i in self._owner:
            return self._owner[i]
        found = self.title or self.topic
        # under "Key Features of X" the labels are features of X, not options in their own right
        for p in () if self.feature_section else self.ancestors(i):
            t = self.term[p]
            if t is None and self.opener[p]:  # "**AWS Snowcone**" / "2. S3 standard" over its own bullets
                t = _PAREN.sub("", self.text[p]).strip().rstrip(":").strip()
                if len(t.split()) > 5:
                    continue
            if t and term_ok(t) and key(t) not in BENEFIT_WORDS:
                found = display(t)
                break
        self._owner[i] = found
        return found

    def labelled_owner(self, i: int) -> str | None:
        """Like owner(), without falling back to the topic: what a 'Description:' line can define."""
        found = self.owner(i)
        return found if found and (found != self.topic or found == self.title) else None

    def lines(self, *idx: int) -> list[int]:
        return sorted({self.blocks[i].line for i in idx})


_TITLE_PREFIX = re.compile(
    r"^(?:(?:key|main|core|common|other|important)\s+)?(?:features?|use[- ]?cases?|uses|benefits?|advantages?|"
    r"limitations?|components?|concepts?|types?|kinds|pricing|overview|introduction|summary|basics|"
    r"differences?|comparison|characteristics|capabilities|functions|security features|best practices)"
    r"\s+(?:of|for|in|to|between)\s+",
    re.I,
)
_TITLE_SUFFIX = re.compile(
    r"\s*(?:[-–—:]\s*)?(?:\b(?:section|overview|summary|pricing|use cases|basics|introduction)|\(cont\.?\))\s*$",
    re.I,
)
_TITLE_HOW_WORKS = re.compile(r"(?i)^how\s+(?:does\s+|do\s+)?(.+?)\s+works?\s*\??$")
_TITLE_QUESTION = re.compile(r"(?i)^(?:what is|what are|what's|what’s)\s+(.+?)\s*\??$")
_TITLE_WHY = re.compile(r"(?i)^why\s+(.+?)\s*\??$")
_VAGUE_TITLE_WORDS = word_list("vague_title_words")


@lru_cache(maxsize=8192)
def _subject_of_title(title: str | None) -> str | None:
    """'Key Features of Amazon S3:' -> 'Amazon S3'; 'Use Cases' -> None; 'IAM Section – Summary' -> 'IAM'.

    Question titles give their subject only when it is plain: 'What is EC2?' and 'How DynamoDB works?' do,
    'How ECS Overcomes Virtualization Drawbacks ?' does not.
    """
    if not title:
        return None
    t = display(title)
    m = _TITLE_HOW_WORKS.match(t) or _TITLE_QUESTION.match(t)
    if m:
        t = m.group(1)
    elif t.lower().startswith("how "):
        return None
    else:
        m = _TITLE_WHY.match(t)
        if m:
            if len(m.group(1).split()) > 3:
                return None
            t = m.group(1)
    t = _TITLE_PREFIX.sub("", t)
    t = _TITLE_SUFFIX.sub("", t)
    t = re.sub(r"\s*[?:]\s*$", "", t).strip(" -–—")
    if not t or not term_ok(t) or key(t) in BENEFIT_WORDS or t.lower() in _VAGUE_TITLE_WORDS:
        return None
    return t


_NEW_CLAUSE = re.compile(r",?\s+(?:and\s+|but\s+)?(?:we|you|it|they|this|which tells|that means)\s", re.I)


class _Collector:
    def __init__(self) -> None:
        self.facts: list[Fact] = []
        self.seen: set[tuple] = set()
        self.defined: set[frozenset[str]] = set()  # terms defined in this section ('Listeners' = 'listener')
        self.definition_lines: set[int] = set()

    def add(self, kind: str, subject: str, text: str, lines: list[int], data: dict) -> None:
        text = _WS.sub(" ", text).strip()
        if not subject or not text:
            return
        probe = " ".join(str(v) for v in data.values() if isinstance(v, str))
        if _suspect(text, probe):
            return
        if kind == "use_case" and RETIRED_OPTION.search(data.get("option", "")):
            return
        sig = {
            "definition": (data.get("definition", "").lower().strip(" ."),),
            "number": (data.get("number"),),
            "use_case": (data.get("use_case", "").lower().strip(" ."),),
            "list": (),
            "comparison": (tuple(data.get("items", ())),),
        }[kind]
        dedup = (kind, subject, *sig)
        if dedup in self.seen:
            return
        self.seen.add(dedup)
        self.facts.append(Fact(kind=kind, subject=subject, text=text, lines=lines, data=data))

    def definition(self, term: str, definition: str, lines: list[int], text: str | None = None) -> None:
        term = display(term)
        words = _content_words(_PAREN.sub("", term)) or _content_words(term)
        if words in self.defined:
            return
        self.defined.add(words)
        self.definition_lines.update(lines)
        definition = definition.strip().rstrip(" ,;:")
        if not definition.endswith((".", "…", "!", "?", ")")):
            definition_text = definition + "."
        else:
            definition_text = definition
        self.add(
            "definition",
            key(term),
            text or f"{term}: {definition_text}",
            lines,
            {"term": term, "definition": definition},
        )

    def use_case(self, option: str, use_case: str, text: str, lines: list[int], *, every_use: bool = False) -> None:
        """`every_use`: the text lists all the uses the notes give for the option (a "Best for:" list)."""
        option = display(option)
        use_case = _NEW_CLAUSE.split(use_case, 1)[0] if len(use_case) > 80 else use_case
        use_case = use_case.strip(" .:;,")
        if len(use_case) < 3 or not re.search(r"[A-Za-z]{2}", use_case) or _is_chat(use_case):
            return
        if len(use_case) > 200:
            use_case = _trim(use_case, 200)
        data = {"option": option, "use_case": use_case}
        if every_use:
            data["every_use"] = True
        self.add("use_case", key(option), text, lines, data)

    def number(self, subject: str, sentence: str, lines: list[int], context: str | None = None) -> None:
        found = find_number(sentence)
        if not found:
            return
        num, pos = found
        stripped = _DISCOURSE.sub("", sentence)
        pos -= len(sentence) - len(stripped)
        subject_display = display(subject)
        context = display(context) if context else subject_display
        first_word = stripped.split(" ", 1)[0].lower().strip(",.")
        prefix = f"{context} – " if first_word in PRONOUNS or not _mentions(stripped, context) else ""
        statement = _clause_around(stripped, max(pos, 0), MAX_STATEMENT - len(prefix))
        if num not in statement or len(statement.split()) < 3:
            return
        statement = prefix + statement
        statement = _cap(statement)
        self.add("number", key(subject_display), statement, lines, {"number": num, "statement": statement})

    def list(self, label: str, members: list[str], lines: list[int], lead: str = "") -> None:
        label = display(label)
        if not label or NO_LIST_LABEL.search(label) or lead and _suspect(lead):
            return
        text = f"{label}: {', '.join(members)}."
        self.add("list", key(label), text, lines, {"label": label, "members": members})


def _child_text(sec: _Section, k: int) -> str:
    if sec.term[k] is not None and sec.defn[k]:
        return f"{display(sec.term[k])}: {sec.defn[k]}".rstrip(".")
    return sec.text[k].rstrip(".")
