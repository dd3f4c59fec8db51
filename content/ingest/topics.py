"""Ingest stage 2: assign an Outline's sections to catalog topics.

``assign(outline, catalog, source="ec2-notes")`` walks the heading tree in document order and
returns a flat list of TopicSection (in document order) plus warnings.

Rules:

* A heading that names a catalog topic (``Catalog.find``) starts that topic. A sub-topic
  gets its own page (``S3 Storage Classes`` under ``# Amazon S3`` -> s3-storage-classes).
* A heading that names nothing, or only the topic it already sits in (or that topic's
  parent), stays a section of that topic:

  - in Markdown (``#`` headings) the structure is explicit: the nearest matched ancestor;
  - in plain-text notes (unmarked headings, which a parser cannot nest reliably) it
    continues the topic of the previous sibling heading (``Scaling Strategies`` after
    ``Auto Scaling Group``, ``FIFO:`` after ``SNS``), unless that sibling was a chapter
    with sub-headings of its own (a slide export's dashed banners); else the ancestor's.

* A heading naming several services (``SNS, SQS & KINESIS``, ``EKS & ECS``) feeds each of
  them: sub-headings and bullets go to the service they name (children follow their
  named parent bullet) and what names none goes to all of them.
* A comparison heading naming two or more topics (``Batch vs Lambda``, ``FSx vs. EFS``)
  goes whole to each. A comparison naming one other topic inside a topic
  (``Key Differences from EC2`` under Lightsail) stays in that topic.
* A ``... Summary`` section (the course slides end every chapter with one) is split by
  the term of each bullet: ``Storage Gateway: hybrid ...`` in ``Amazon S3 – Summary``
  goes to the Storage Gateway page; bullets naming nothing stay with the heading's topic.
* A label bullet with child bullets that names a sub-topic of the section's topic
  (``6. **Storage Classes**:`` under S3, ``**Traffic Routing Policies**:`` under Route 53)
  moves, with its children, to the sub-topic page, as a sub-heading would.
* A topic only mentioned in passing inside a section gets no section of its own.
* A section under no topic at all (a slide export's banner naming a broad theme, not a
  service) still places the bullets whose term or subject names a topic
  (``CloudFormation is a declarative way ...`` and the bullets under it).
* Nothing is dropped silently: whatever ends up under no topic (a heading, text before
  the first heading, leftover bullets) is reported as a warning with its source line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from content.catalog import Catalog, normalise
from content.ingest.facts.text import IMPERATIVE, INTEGRATIONS_TITLE, WORKS_WITH_LABEL, clean, comma_items
from content.ingest.outline import AuthorCard, AuthorQuestion, Block, Outline, Section
from content.ingest.parse import table_text
from content.ingest.spelling import known_word, respell_services

_COMPARISON_WORDS = frozenset(
    {"vs", "versus", "comparison", "comparing", "compare", "compared", "difference", "differences"}
)
_SUMMARY_WORDS = frozenset({"summary"})
_PARENTHESES = re.compile(r"\([^)]*\)")
_LEAD_ACRONYM = re.compile(r"^[*_\s]*[A-Z][\w -]{2,50}?[*_]*\s*\(([A-Z][A-Za-z0-9]{1,6})\)")
_SUBJECT = re.compile(
    r"^\W*(?:(?:the|an?)\s+)?(?P<subject>[A-Za-z0-9][\w .&/()'’-]*?)\s+(?:is|are|=|stands for|refers to|means)\s", re.I
)
_DEFINES = re.compile(r"^\W*(?:(?:this|it)\s+is\s+)?(?:an?|the)\s+\w+", re.I)
_SUBJECT_WORDS = 5  # "Docker is a ...", "An ELB (Elastic Load Balancer) is a ..."
_LABEL_WORDS = 12  # an un-labelled lead-in line this short, followed by child bullets, acts as a label
_SENTENCE_WORDS = 8  # in a note without headings, a shorter line naming a topic in passing is a title or a score
_CHAPTER_PREFIX = re.compile(r"^\W*([A-Za-z][\w&/ -]{1,40}?)\s*:\s+(?=\S)")  # "Cloud Concepts: ..." in a title
# "With Reserved Instances, ...", "When you buy Reserved Instances, ...", "Spot Instances are ...": its opening name
_CONTEXT_OPENING = re.compile(
    r"^\W*(?:(?i:with|for|when you (?:buy|use|choose))\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
    r"(?=\s*[:,]|\s+(?:is|are|give|gives|offer|offers|let|lets|can|provide|provides)\b)",
)
_NAMED_LINE_WORDS = 4  # a line on a concept's page this long that names one service early is that service's
_NAMED_WITHIN = 5
_LABEL_NAME_WORDS = 4  # "S3 Pricing", "Amazon Elastic File System (EFS)": a label over bullets, not a sentence
_LISTED_SERVICES = 2  # entries labelled with this many other services make a section a list of services
# and this many, under a heading naming a service, a glossary's run of entries (two are that service's comparisons:
# "**Amazon S3**: keep the instance's logs in S3" under EC2 stays EC2's)
_GLOSSARY_SERVICES = 3
# a heading the parser took from an entry, its definition on the same line ("KMS: Key management service. Allows ...")
_ENTRY_AS_HEADING = re.compile(r"^\W*[^:#]{1,40}:\s+(?:\S+\s+){3,}\S")
_NAME_WORDS = 8  # the longest name a sentence may open with ("Amazon Quantum Ledger Database (Amazon QLDB)")
_WIKI_LINK = re.compile(r"\[\[[^\[\]]*\]\]")  # "[[Module 7 - Storage#Section 2]]": a link to another note
_LEAD_BOLD = re.compile(r"^\W*?(?:\*\*|__)(?P<name>[^*_]{2,80}?)(?:\*\*|__)")
_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.I)
# Openings that put the subject after them: "With CloudWatch, you can ...", "In AWS Organizations, you ...",
# "What is cloud computing?"
_LEAD_IN = re.compile(r"^\W*(?:(?:with|within|in|using|through|via)\s+(?=[^,]{2,60},)|what\s+(?:is|are)\s+)", re.I)
# A course objective over what it is about: "Identify the purpose of Amazon Route 53", "Understand the role of IAM".
_OBJECTIVE = re.compile(
    r"^\W*(?:identify|understand|describe|explain|recognize|recognise|know|define)\s+(?:the\s+)?"
    r"(?:purpose|role|uses?|benefits?|value|concept|importance|features?)\s+of\s+",
    re.I,
)
# Where a sentence names its subject beyond the first noun phrase: "you can use the AWS CLI", "an automated advisor
# called AWS Trusted Advisor", "... can be performed by AWS Trusted Advisor".
_NAMED_LATER = re.compile(
    r"\b(?:(?:you|we)\s+(?:can|could|should|would)\s+use|called|named|(?:performed|done|provided)\s+by)\s+", re.I
)
_NAVIGATION = re.compile(r"(?:\[[^\[\]]*\]\(#[^()]*\)[\s,|·-]*)+")  # "[Lambda](#lambda)": a table of contents
_TICKED = re.compile(r"^\W*\[[xX✓]\]\s*")  # "[x] AWS Config": the option the author ticked
_WHOLE_BOLD = re.compile(r"\W*(?:\*\*|__)[^*_]{20,}(?:\*\*|__)\W*")  # a line set in bold all through
# An option of a practice question: "[ ] AWS Config", or an HTML check box ("<input type="checkbox" /> A. ...").
_CHECKBOX = re.compile(r"^\W*(?:\[[ xX✓]\]\s|<input\b[^>]*\btype=[\"']?checkbox\b[^>]*>)", re.I)
_OPTION_LETTER = re.compile(r"^\W*(?:<input\b[^>]*>|\[[ xX✓]\])?\s*\(?([A-H])[.)]\s*", re.I)
# The key given under the options: "Correct answer: B. ...", "Answer: C".
_KEY_LETTER = re.compile(r"^\W*(?:correct\s+)?answers?\s*(?:is)?\s*[:\-]\s*\(?([A-H])\b[.):]?", re.I)
# An HTML disclosure ("<details><summary>SES</summary> ... </details>"): its summary is the heading of what it holds.
_SUMMARY_OPEN = re.compile(r"<summary\b[^>]*>", re.I)
_SUMMARY_CLOSE = re.compile(r"</summary\s*>", re.I)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.I)
_TAG = re.compile(r"<[^<>]*>")
_OWNED = re.compile(r"\b(?:your|our|their|my|its)\s+\w+(?:['’]s)?|\b\w+['’]s\b", re.I)
# A label that gives a practice question's answer ("Answer: RDS or Aurora."): the names after it are the answer's.
_ANSWER_LABEL = re.compile(r"^\W*(?:(?:correct|right|my|the)\s+)?(?:answers?|explanation)\W*$", re.I)
# A question line: it ends with "?", perhaps followed by how many to pick ("... consider? (Select TWO.)").
_QUESTION_END = re.compile(r"\?\s*(?:\((?:select|choose|pick)\b[^()]{0,20}\))?[\s*]*$", re.I)
# A line that gives the answer of the question above ("Hence, the correct answer is: 12 Months."): that question's.
_GIVES_ANSWER = re.compile(
    r"^\W*(?:(?:hence|so|thus|therefore),?\s+)?the\s+(?:correct\s+|right\s+)?answers?\s+(?:is|are)\b", re.I
)
# A name given as an example ("services like Amazon S3", "such as EC2", "e.g. Lambda"): not what the line is about.
_EXAMPLE = r"\b(?i:like|such\s+as|e\.g\.|for\s+example|for\s+instance|including)\s+"
_GIVES_EXAMPLES = re.compile(r"\b(?:e\.g\b|such as|for example|for instance)", re.I)
_ITEM = r"(?:(?:Amazon|AWS)\s+)?[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3}"  # a capitalised name of up to four words
_EXAMPLES = re.compile(rf"{_EXAMPLE}(?:the\s+)?{_ITEM}(?:(?:\s*,\s*{_ITEM})*\s*,?\s+(?:and|or)\s+{_ITEM})?")
# What follows a sentence's subject where a heading's own topic is at stake: a verb, not a noun ("S3 bucket").
_VERBS = frozenset(
    "is are was were can could will would should may must has have does gives provides offers lets allows stores "
    "runs helps enables supports delivers protects monitors records manages automatically includes organizes "
    "analyzes analyses checks uses creates consists contains focuses ensures makes treats evaluates works extends "
    "improves tracks collects sends connects scales replicates encrypts integrates builds deploys detects "
    "identifies lets simplifies distributes routes caches queries".split()
)
_NOT_NEXT = frozenset({"and", "or", "vs", "versus", "&", "nor", "plus"})


@dataclass
class TopicSection:
    topic: str  # catalog slug
    title: str
    line: int
    level: int  # 1 = directly under the topic; deeper sub-headings 2, 3, ...
    blocks: list[Block] = field(default_factory=list)
    cards: list[AuthorCard] = field(default_factory=list)  # the author's own cards, as written
    questions: list[AuthorQuestion] = field(default_factory=list)  # practice questions whose key is this topic


@dataclass(frozen=True)
class _Ctx:
    topics: tuple[str, ...] = ()
    start_depth: int = 0  # nesting depth (in the outline tree) of the heading that started them
    split: bool = False  # a multi-service heading: route content by the service it names


class _Assigner:
    def __init__(self, catalog: Catalog, source: str):
        self.catalog = catalog
        self.label = source or "<outline>"
        self.out: list[TopicSection] = []
        self.warnings: list[str] = []
        self.headless = False  # a note with no headings at all: its text is the whole note, not a preamble
        # the one-row tables table_rows() made of a table of services, by id (held, so that no later block is made
        # at a row's freed address and read as one)
        self.rows: dict[int, Block] = {}
        self.asking = False  # the section being placed is titled with a question

    # -- the walk --------------------------------------------------------------------

    def visit(self, sections: list[Section], parent: _Ctx | None, depth: int = 0) -> None:
        prev: _Ctx | None = None
        prev_chapter = False
        last_named: _Ctx | None = None  # the last sibling that named a topic
        for sec in sections:
            ctx = self.classify(sec, depth, parent, prev, prev_chapter, last_named)
            last_named = ctx if ctx.topics else last_named
            self.emit(sec, depth, ctx)
            self.visit(sec.children, ctx if ctx.topics else parent, depth + 1)
            prev, prev_chapter = ctx, bool(sec.children)

    def classify(  # noqa: PLR0913
        self,
        sec: Section,
        depth: int,
        parent: _Ctx | None,
        prev: _Ctx | None,
        prev_chapter: bool,
        last_named: _Ctx | None = None,
    ) -> _Ctx:
        base = parent if parent is not None and parent.topics else None
        title = sec.title.strip()
        if not title:
            return base or _Ctx((), depth)
        words = set(normalise(title).split())
        comparison = bool(words & _COMPARISON_WORDS)
        summary = bool(words & _SUMMARY_WORDS)
        markdown = sec.raw_title.lstrip().startswith("#")
        # Plain-text headings continue the previous sibling's topic, unless that sibling was a
        # chapter with sub-headings of its own (slide exports' dashed banners) or this is a summary.
        sticky = (
            prev if prev is not None and prev.topics and not prev_chapter and not markdown and not summary else None
        )
        if sticky is not None and self._lists_other_services(sec, sticky.topics):
            # "MANAGEMENT TOOLS:" over "cloud watch : ...", "cloudFormation: ...", "config: ..." after "CLOUD9:": a
            # chapter listing services of its own, not more of the section before it (an entry whose name the
            # catalog does not know, "managed service: ...", is no Cloud9 line)
            sticky = None

        matches = (
            self.catalog.find(title)
            or self.catalog.find_misspelt(title, known_word)
            or ((fixed := respell_services(title)) != title and self.catalog.find(fixed))  # "Amazon Root53"
            or []
        )
        if (
            matches
            and base is not None
            and 2 <= len(title.split()) <= 4
            and not re.search(r"[:(]|\s[-–—]\s", title)  # ("Budgets - whether you go over ...": a name and its text)
            and not self.catalog.mentions(title)
            and any(self.catalog.is_ambiguous(w) and self.catalog.lookup(w) in matches for w in title.split())
            and not any(
                m == b or self.catalog.is_ancestor(m, b) or self.catalog.is_ancestor(b, m)
                for m in matches
                for b in base.topics
            )
        ):
            # "## Batch Operations" under "# DynamoDB": a common word that is also a service's name ("Batch", "Config")
            # with more words after it, under another service's heading, is that service's aspect
            return base
        if matches and (tool := _WITH_TOOL.search(title)) and len(used := self.catalog.find(tool[1])) == 1:
            # "Monitoring S3 Buckets with Macie": what is done with the tool is the tool's section, whatever it acts on
            matches = used
        if matches and base is not None and _INTEGRATION.match(title):
            # "Integration with Amazon S3" under DynamoDB: what DynamoDB does with S3 (export, import) is DynamoDB's
            return base
        if matches and (chapter := _CHAPTER_PREFIX.match(title)):
            # "Cloud Concepts: Identify Aspects of AWS Cloud Economics": the chapter's name, then what the section is
            # about; the part after the colon names the section's own topic
            after = self.catalog.find(title[chapter.end() :])
            if after and not set(after) & set(self.catalog.find(chapter.group(1))):
                matches = after
        # "Key Differences from EC2" under Lightsail compares the section's own topic with one other: it stays in
        # that topic. "Gateway endpoints vs interface endpoints" under AWS Artifact compares two things, neither
        # of them the section's topic: it goes to the topic it names.
        own = base or sticky
        both_sides = own is not None and len(sides := re.split(r"\b(?:vs|versus)\b\.?", title, flags=re.I)) == 2
        named = (
            [set(self.catalog.mentions(side)) | set(self.catalog.find_misspelt(side, known_word)) for side in sides]
            if both_sides
            else []
        )
        # (each side names a topic, so "CF vs Cross Reg Replication" is no comparison of two named things)
        elsewhere = both_sides and all(named) and not set().union(*named) & self._closure(own.topics)
        if matches and comparison and len(matches) < 2 and own and not elsewhere:
            matches = []
        if (
            not matches
            and (
                named := self.catalog.context_within(title)
                or (self.catalog.context_lookup(title.rstrip(" :")) if base is None and markdown else None)
            )
            and (base is None or all(self.catalog.topics[t].category == "cloud-concepts" for t in base.topics))
        ):  # (a heading that is exactly a context name, "# Launch Types", where nothing else is the context)
            # "## Deployment Models", "### 3. Hybrid Deployment Model" under a module's title or the cloud concepts:
            # the cloud's deployment models, where under Elastic Beanstalk's heading they would be Beanstalk's own
            matches = [named]
        if matches:
            if base and set(matches) <= self._closure(base.topics) - set(base.topics) and len(title.split()) >= 2:
                # "IAM use cases" under "Multi-factor authentication": the whole service's section, not its part's
                # (a bare repeat of the service's name, "S3" under "S3 classes", stays a sub-section)
                return _Ctx(tuple(matches), depth, split=len(matches) > 1 and not comparison)
            if base and set(matches) <= self._closure(base.topics):
                if len(base.topics) > 1 and set(matches) < set(base.topics):
                    # "SQS" under "SNS, SQS & Kinesis": that member's own section
                    return _Ctx(tuple(matches), depth, split=len(matches) > 1 and not comparison)
                return base  # names the topic it is already in: a sub-section of it
            return _Ctx(tuple(matches), depth, split=len(matches) > 1 and not comparison)
        if (
            base is not None
            and len(base.topics) == 1
            and (part := self.sub_topic(base.topics[0], title))
            and (self._mentions_within(sec, part) or self._bare_part_title(base.topics[0], part, title))
        ):
            # (a part's own name without its service's, "## Policies" under "# IAM", names that part whatever its lines
            # say; "### Types" under EC2 is no "EC2 Instance Types")
            # "### storage classes" under "## S3": the part of the section's service it names with that service,
            # when the section names it or what it holds ("Glacier Deep Archive"; a section so titled about buckets
            # and objects is S3's)
            return _Ctx((part,), depth)
        if markdown and base is None and last_named is not None:
            # "### Roles" after "### IAM" (and "### Root User vs. IAM User"), all under a heading of no topic: a
            # part of a topic just before it
            for topic in self._closure(last_named.topics):
                if part := self.sub_topic(topic, title):
                    return _Ctx((part,), depth)
        return sticky or base or _Ctx((), depth)

    def emit(self, sec: Section, depth: int, ctx: _Ctx) -> None:
        title = sec.title.strip()
        summary = bool(set(normalise(title).split()) & _SUMMARY_WORDS)
        self.asking = bool(_QUESTION_END.search(title))  # a question's heading: a bare name under it is an option
        if ctx.split:
            routed, unrouted = self.route(sec.blocks, group=ctx.topics, default=ctx.topics)
        elif (
            summary
            or not ctx.topics
            or (
                # (not a Markdown title: "## ELB: integrates with these services" is the author's own heading)
                not sec.raw_title.lstrip().startswith("#")
                and _ENTRY_AS_HEADING.match(sec.raw_title)
                and self._lists_other_services(sec, ctx.topics, _GLOSSARY_SERVICES)
            )
        ):
            # A summary, or a section under no topic at all: place each bullet by the topic
            # its term or its subject names ("CloudFormation is a declarative way ..."). So too a glossary's run of
            # entries under the one the parser took for a heading ("KMS: Key management service ..." over "LAMBDA:
            # lets you run code ...", "LEX: build chatbots ..."): each entry is its own service's.
            blocks = sec.blocks if ctx.topics else [row for block in sec.blocks for row in self.table_rows(block)]
            # (under a title naming a service the catalog does not know, "Amazon Simple Workflow Service", the lines are
            # about that service: one naming another service in passing, "workers running on EC2", is not that one's)
            passing = (bool(title) or self.headless) and not (title and _unknown_service(self.catalog, title))
            routed, unrouted = self.route(blocks, group=None, default=ctx.topics, passing=passing)
        else:
            routed = {t: list(sec.blocks) for t in ctx.topics}
            unrouted = [] if ctx.topics else list(sec.blocks)
            if len(ctx.topics) == 1:
                kept, moved = self.by_subject(
                    ctx.topics[0], routed[ctx.topics[0]], inherited=not self.catalog.find(title), title=title
                )
                routed[ctx.topics[0]] = kept
                for topic, blocks in moved.items():
                    routed.setdefault(topic, []).extend(blocks)

        # the note-taker talking to themselves ("Exam scheduled for this Friday", "I found them useful"): on no page
        asides = [b for blocks in routed.values() for b in blocks if self._aside(b)]
        if asides:
            dropped = {id(b) for b in asides}
            routed = {t: [b for b in blocks if id(b) not in dropped] for t, blocks in routed.items()}
            unrouted = [*unrouted, *asides]

        level = max(1, depth - ctx.start_depth + 1)
        for topic in ctx.topics:
            blocks = routed.get(topic, [])
            moved: list[TopicSection] = []
            if len(ctx.topics) == 1 and not summary:
                blocks, moved = self.split_labels(topic, blocks, inherited=not self.catalog.find(title))
            self.out.append(TopicSection(topic, title, sec.line, level, blocks))
            self.out.extend(moved)
        self.place_authored(sec, ctx, title, level)
        for topic, blocks in routed.items():
            if topic not in ctx.topics and blocks:
                self.out.append(TopicSection(topic, title, sec.line, 1, blocks))

        if not ctx.topics and not any(routed.values()) and not (sec.cards or sec.questions):
            if not title:
                if sec.blocks:
                    self.warnings.append(
                        f"{self.label}:{sec.blocks[0].line}: {len(sec.blocks)} block(s) under no heading "
                        f"belong to no topic ({_lines(sec.blocks)})"
                    )
            elif sec.blocks or not sec.children:
                extra = f"; {len(sec.blocks)} block(s) unassigned ({_lines(sec.blocks)})" if sec.blocks else " (empty)"
                self.warnings.append(
                    f"{self.label}:{sec.line}: heading {title!r} matches no catalog topic and has no "
                    f"topic above it{extra}"
                )
        elif unrouted:
            lines = _lines(unrouted)
            where = f"under heading {title!r}" if title else "under no heading"
            self.warnings.append(
                f"{self.label}:{sec.line if title else unrouted[0].line}: {len(unrouted)} block(s) {where} "
                f"name no topic ({lines})"
            )

    def _aside(self, block: Block) -> bool:
        """A short line in the note-taker's own voice about themselves or the exam's date, naming no topic."""
        text = clean(block.text)
        if block.kind in ("paragraph", "bullet") and _PROGRESS.match(text):
            return True  # "Completed the 4th section - IAM": where the note-taker has got to in a course
        return (
            block.kind in ("paragraph", "bullet")
            and len(text.split()) <= 8
            and bool(_ASIDE.search(text))
            and not self.catalog.mentions(text)
        )

    def place_authored(self, sec: Section, ctx: _Ctx, title: str, level: int) -> None:
        """The author's cards go to the topic they name (else the section's); a practice question, with its
        explanation as a line of the page, goes to the topic of its key."""
        for card in sec.cards:
            topic = self.named(f"{card.front} {card.back}", ctx.topics)
            if topic:
                self.out.append(TopicSection(topic, title, card.line, level, cards=[card]))
            else:
                self.warnings.append(f"{self.label}:{card.line}: the card {card.front[:60]!r} names no topic")
        for question in sec.questions:
            key = " ".join(question.options[k] for k in question.correct)
            asked = self.catalog.mentions(_without_examples(question.stem), common=True)
            topic = (
                self.named(key, ())
                or self.named(f"{question.stem} {key}", ctx.topics, fallback=False)  # the section's among those named
                or self._key_concept(key)
                or (asked[0] if len(asked) == 1 else None)  # "What is the main purpose of an AWS Region?"
                or self._shared_by_options(question)
                or (ctx.topics[0] if ctx.topics else None)  # the section's, when nothing in it names one
            )
            if not topic:
                self.warnings.append(
                    f"{self.label}:{question.line}: the practice question {question.stem[:60]!r} names no topic"
                )
                continue
            blocks = []
            if question.explanation:
                blocks.append(
                    Block(
                        kind="paragraph",
                        text=question.explanation,
                        line=question.explanation_line,
                        end_line=question.end_line,
                        origin="explanation",
                    )
                )
            self.out.append(TopicSection(topic, title, question.line, level, blocks, questions=[question]))

    def _key_concept(self, key: str) -> str | None:
        """A key that names a concept too common to count in passing ("Implement elasticity."): that concept."""
        found = self.catalog.mentions(_without_examples(key), common=True)
        return found[0] if len(found) == 1 and not _is_service(self.catalog, found[0]) else None

    def _shared_by_options(self, question: AuthorQuestion) -> str | None:
        """What the options are about: a topic two or more of them name (each option's own names, a topic under
        another counted for both), never merely the first option's service ("IAM" over three networking
        options)."""
        return self._shared_topic(question.options, fallback=True)

    def _shared_topic(self, options: list[str], *, fallback: bool = False) -> str | None:
        counts: dict[str, int] = {}
        for option in options:
            found = set(self.catalog.mentions(clean(option)))
            for slug in set(found):
                found.update(self.catalog.ancestors(slug))
            for slug in found:
                counts[slug] = counts.get(slug, 0) + 1
        best = [s for s, n in counts.items() if n >= 2 and n == max(counts.values())]
        best = [s for s in best if not any(o != s and self.catalog.is_ancestor(s, o) for o in best)]
        if len(best) == 1:
            return best[0]
        return None if best or not fallback else self.named(" ".join(options), ())

    def table_rows(self, block: Block) -> list[Block]:
        """A table under no topic whose rows are each about a service (its first cell a catalog name: "Amazon S3 |
        Storage | ..."), as one table per row, the header row kept with each, so each row goes to its page. Any
        other block, or a table whose rows mostly name nothing, as it is."""
        rows = block.rows or []
        if block.kind != "table" or len(rows) < 3:
            return [block]
        names = [self._cell_name(row[0]) if row else None for row in rows[1:]]
        if sum(1 for n in names if n) * 2 <= len(names):
            return [block]
        header = rows[0]
        starts = block.row_starts()
        split = [
            replace(
                block,
                text=table_text([header, row]),
                rows=[header, row],
                row_lines=[starts[0], at],
                line=at,
                end_line=at,
            )
            for row, at in zip(rows[1:], starts[1:], strict=True)
        ]
        self.rows.update((id(row), row) for row in split)
        return split

    def _cell_name(self, cell: str) -> str | None:
        """The topic a table cell is exactly a name of: a label, so a name too common to count in prose counts
        ("Batch", "Shield"), with "AWS"/"Amazon", a bracketed acronym and a link to another note aside."""
        text = clean(_WIKI_LINK.sub(" ", cell)).strip(" :.")
        for candidate in (text, _PARENTHESES.sub(" ", text)):
            bare = re.sub(r"^(?:aws|amazon)\s+", "", candidate.strip(), flags=re.I)
            if slug := self.catalog.lookup(candidate) or self.catalog.lookup(bare):
                return slug
        found = self.catalog.find(text)  # "Simple Storage Service Glacier": the name it opens with
        return self._name(text) or (found[0] if len(found) == 1 else None)

    def named(self, text: str, within: tuple[str, ...], *, fallback: bool = True) -> str | None:
        """The topic a piece of text is about: the first one it names (the section's own first), else (with
        ``fallback``) the section's."""
        found = self.catalog.mentions(_without_examples(text)) or self.catalog.mentions(text)
        found = [f for f in found if not any(o != f and self.catalog.is_ancestor(f, o) for o in found)]
        for slug in found:
            if slug in within or any(self.catalog.is_ancestor(w, slug) for w in within):
                return slug
        if found:
            return found[0]
        return within[0] if within and fallback else None

    def by_subject(
        self, topic: str, blocks: list[Block], *, inherited: bool = False, title: str = ""
    ) -> tuple[list[Block], dict[str, list[Block]]]:
        """A heading is a hint, not a wall: a paragraph or bullet whose subject is another service goes there.

        "DynamoDB is a key-value database", "Use Shield to stop DDoS attacks", "**Aurora**: MySQL-compatible"
        under an EC2 heading belong on the DynamoDB, Shield and Aurora pages, with the child bullets under
        them. A service related to the section's topic (its parent or one of its own sub-topics) stays.
        """
        kept: list[Block] = []
        moved: dict[str, list[Block]] = {}
        current: str | None = None
        current_depth = 0
        related = self._closure((topic,))
        label: Block | None = None  # the kept label bullet above ("**Implement Auto Scaling**:"), if any
        runs: dict[tuple[str, ...], str | None] = {}  # a run of labels -> the sub-topic whose parts it lists
        lead: str | None = None  # another service the section's first line is about, where no line names its own
        sub_title: tuple[str, int] | None = None  # a bare name's line standing over unmarked lines, and its depth
        listed: dict[int, str] = {}  # index -> the sub-topic of the list a lead-in line opened, for its items
        for i, block in enumerate(blocks):
            if current is not None and block.depth > current_depth:
                moved[current].append(block)
                continue
            current = None
            if i in listed:
                moved.setdefault(listed[i], []).append(block)  # an item of a list a lead-in gave a sub-topic
                continue
            if label is not None and not _under_label(block, label):
                label = None
            # the line's subject; beyond its first noun phrase only where it does not name this topic at all
            # (a line that opens with its verb, "Delivers content through ... called edge locations", goes on about the
            # heading's subject: what it calls a thing later is no subject of its own)
            opening = clean(block.text).split(" ", 1)[0].lower()
            later = not set(self.catalog.mentions(clean(block.text))) & related and opening not in _VERBS
            other = self.subject_of(block, later=later)
            if (
                other is not None
                and (block.term or _LEAD_BOLD.match(block.text))
                and _ATTRIBUTE_LEAD.match(_lead_in(blocks, i) or title or "")
            ):
                other = None  # "**Auto Scaling** - adjusts instance count with traffic" under "Benefits:" of an
                # endpoint, "**Scalability**" under "Key Considerations": an attribute of the section's subject
            if other is None and not block.term and i + 1 < len(blocks) and blocks[i + 1].depth > block.depth:
                other = self._label_name(block.text)  # "1. Relational Databases (RDS)" over its own bullets
            if (
                other is None
                and not block.term
                and (bold := _LEAD_BOLD.match(block.text))
                and (slug := self._bold_name(bold["name"]))
                and self.catalog.is_ancestor(topic, slug)
            ):
                other = slug  # "**Multivalue answer routing**respond to ..." under Route 53: one of its parts, in bold
            if (
                other is None
                and block.kind in ("paragraph", "bullet")
                and not block.term
                and not block.origin
                and not (block.depth and _parent(blocks, i).term)
            ):
                # "Protection of root accounts", "Don't use the root account except for setup" under IAM: a line
                # that names one of the topic's own parts and nothing else is that part's (not a line under a label,
                # which goes with its label: "**Instance Types**: ..." over "the instance type determines ...")
                named = set(self.catalog.mentions(clean(block.text)))
                if len(named) == 1 and (part := next(iter(named))) != topic and self.catalog.is_ancestor(topic, part):
                    other = part
            if other is None:
                other = self._defined_concept(block, (topic,))  # "elasticity is ..." under an Auto Scaling heading
            if other is None and self.catalog.topics[topic].category == "cloud-concepts":
                other = self._context_subject(block)  # "With Reserved Instances, you can save ..." on a concept's page
                short = (
                    clean(block.text).strip(" .:*") if len(block.text.split()) <= 8 and "," not in block.text else None
                )
                if other is None and topic not in _DUTY_PAGES and (titled := block.term or _whole_bold(block.text)):
                    # "Hypervisor: software between the hardware and the OS", "**Go global in minutes:** ...",
                    # "***Advantages of Cloud Computing***" on the cloud computing page: another concept's own line
                    # (not on the shared responsibility page, where "**IAM Policies**: configuring who has access" is
                    # one of the customer's duties)
                    slug = self._name(titled)
                    if slug and slug not in related and not _is_service(self.catalog, slug):
                        other = slug
                if other is None and topic not in _DUTY_PAGES and short and not block.term:
                    # "Benefit from massive economies of scale:", "Go global in minutes." under cloud computing: a
                    # short line that is about one other concept
                    slug = _only(self.catalog.find(short))
                    if slug and slug not in related and not _is_service(self.catalog, slug):
                        other = slug
                if other is None and not block.term and topic not in _DUTY_PAGES:
                    # "leverage a Global DynamoDB table to serve the data globally" under a serverless case study: a
                    # line naming one service and neither the page's concept nor another is about that service
                    # (near its opening, in a line of a few words or more: "Involves adding more resources, such as
                    # additional EC2 instances" is about scaling, "Server-side encryption (EC2)" an item of a list)
                    said = clean(block.text)
                    words = said.split()
                    named = set(self.catalog.mentions(said, common=True))
                    if (
                        len(named) == 1
                        and topic not in named
                        and _is_service(self.catalog, slug := next(iter(named)))
                        and len(words) >= _NAMED_LINE_WORDS
                        and slug in self.catalog.mentions(" ".join(words[:_NAMED_WITHIN]))
                        and self._name(said) != slug  # ("Amazon Simple Storage Service (S3)": a name in a list)
                    ):
                        other = slug
            if (
                other is None
                and inherited
                and block.term
                and (said := re.findall(r"[a-z]+", (block.definition or "").lower()[:30]))
                and said[0] in IMPERATIVE
                and (slug := self._name(block.term))
                and slug != topic
                and _is_service(self.catalog, slug)
            ):
                # "**AWS Command Line interface (CLI):** Make API calls ..." under "Interacting with AWS services",
                # a heading that names nothing: the label is the line's subject though its text is an instruction
                other = slug
            if other is None and not block.term and not _GIVES_EXAMPLES.search(block.text):
                # "Pricing is set by commitment (On-Demand, Reserved, Spot, etc)", "General Purpose (t), Compute
                # Optimized (C), Memory Optimized (R)": a line listing the parts of one topic is that topic's (not
                # one giving them as examples of something else: "instance types (e.g., on-demand, spot)")
                other = self.catalog.parts_named(_list_items(block.text))
            if other and label is not None and other in self.catalog.mentions(label.text):
                other = None  # it explains the label above it, which names that service: they stay together
            if other and (
                (label is not None and WORKS_WITH_LABEL.search(clean(label.text)))
                or (block.term and INTEGRATIONS_TITLE.match(title))
            ):
                other = None  # "Amazon Redshift: encryption of data" under KMS's "Seamlessly integrated into:": what
                # the section's service does for Redshift, not what Redshift is
            if other is None and label is None and block.term and block.definition and not block.origin:
                # "**EC2 Instance Store:** temporary storage ..." under EC2: a label naming one of this topic's own
                # sub-topics is that sub-topic's line, however it goes on; unless a label beside it names nothing
                # ("Spot: ..." beside "On-Demand: ..."): a list of the sub-topic's parts stays whole
                if self.catalog.find(block.term) and all(self.catalog.find(t) for t in _sibling_terms(blocks, block)):
                    other = self.sub_topic(topic, block.term)
                if other is None:
                    # "On-Demand: ...", "Reserved Instances: ...", "Spot instances: ..." under EC2: a run of labels
                    # most of which name parts of one of EC2's own sub-topics is that sub-topic's list, whole
                    run = (block.term, *_sibling_terms(blocks, block))
                    key = tuple(sorted(run))  # every label of one run asks the same: read the run once
                    if key not in runs:
                        runs[key] = self.parts_list(topic, list(run))
                    other = runs[key]
            if (
                other is None
                and lead is not None
                and block.kind in ("paragraph", "bullet")
                and not block.term
                and not set(self.catalog.mentions(clean(block.text))) - {lead}
                and clean(block.text)[:1].isalpha()
                and not _subject_opening(clean(block.text))
                and not _LEAD_BOLD.match(block.text)  # ("**DDOS Attack** can be prevented with ...": its own subject)
            ):
                # "### EC2 Instance Storage Section" opening with "EBS - Elastic Block Store is a network drive ...",
                # then "Allow your instances to persist data ...", "Can only be mounted to one instance": lines with no
                # subject of their own go on about the service the section opened with, where no line names the
                # heading's own topic (under "EC2 Instance Store", "use EC2 Instance Store" keeps the section its own)
                other = lead
            if (name := self._title_line(blocks, i)) is not None:
                # "Auto Scaling Groups" alone on a line among unmarked lines ("Automatic scaling and self-healing
                # for EC2", "Stepped Scaling - ..."): a sub-title the author did not mark, whose lines follow it
                other, sub_title = name, (name, block.depth)
            elif sub_title is not None and (block.depth < sub_title[1] or self._name(block.text, proper=True)):
                sub_title = None  # up a level, or the next bare name ("Network Load Balancer"): its run ends
            elif (
                other is None
                and sub_title is not None
                and block.depth == sub_title[1]
                and block.kind in ("paragraph", "bullet")
                and all(
                    slug == sub_title[0] or self.catalog.is_ancestor(slug, sub_title[0])
                    for slug in self.catalog.mentions(clean(block.text))
                )
                and not _LEAD_BOLD.match(block.text)
            ):
                other = sub_title[0]
            if not (block.term and block.definition) and (items := _list_after(blocks, i)):
                base = other or topic
                part = self.parts_list(base, [blocks[j].term for j in items if blocks[j].term])
                if part and part != base and self.catalog.is_ancestor(base, part):
                    # "EC2 can be bought in these ways" over "On-Demand Instances – ...",
                    # "Spot Instances – ...": the lead-in of a list of one sub-topic's parts is that sub-topic's,
                    # with its list
                    other = part
                    listed.update(dict.fromkeys((j for j in items if blocks[j].depth == block.depth), part))
            if (
                i == 0
                and other
                and other not in related
                and not self.catalog.is_ancestor(topic, other)
                and _is_service(self.catalog, other)
                and not self._names_any(blocks[1:], self._family(topic))
            ):
                lead = other
            if other and other != topic and (other not in related or self.catalog.is_ancestor(topic, other)):
                # another service, or one of this topic's own sub-topics by name ("DynamoDB Accelerator (DAX)
                # is ..." under a DynamoDB heading is the DAX page's): its page, with the bullets under it
                moved.setdefault(other, []).append(block)
                current, current_depth = other, block.depth
            else:
                kept.append(block)
                if block.text.rstrip().endswith(":"):
                    label = block
        # under a heading naming nothing, a section all about one other service ("Supported engines" after
        # the RDS heading, under a databases chapter: "Amazon RDS supports ...") goes to that service, and one whose
        # lines each name their own service ("Messaging and Queuing" under EC2: "**Amazon SNS**", "**Amazon SQS**")
        # goes to those services; under a heading naming the topic, lines that each label one of its own parts ("VPC
        # Security": "**Security Groups:** ...", "**Network ACLs:** ...") go to those parts
        if (
            not kept
            and not inherited
            and not all(self.catalog.is_ancestor(topic, other) for other in moved)
            and not self._siblings_list(topic, moved, runs)
        ):
            return list(blocks), {}  # a section about the other service all through: its heading's topic keeps it
        return kept, moved

    def subject_of(
        self, block: Block, *, services: bool = True, later: bool = False, label: bool = False
    ) -> str | None:
        """The topic a paragraph or bullet is about, by its opening words, else None.

        "DynamoDB offers ...", "**Amazon Aurora** is ...", "Use AWS Shield to ...", "With CloudWatch, you can ...",
        "What is cloud computing?", a line that is a name and nothing else ("**AWS CloudHSM**"), or a label that
        is exactly a service's name with a definition of it ("ELASTIC BLOCK STORAGE: This is a storage service
        ..."). A label with anything else after it ("**Amazon S3**: store data in S3 and query it here") is how
        the section's own service works with that one, and stays. ``later``: also a name the sentence gives
        beyond its first noun phrase ("To save time you can use the AWS CLI", "... called AWS Trusted
        Advisor"). ``services``: only an AWS service counts (not a concept such as "edge location").
        """
        if block.kind not in ("paragraph", "bullet") or block.origin:
            return None
        if block.term:
            slug = self._name(block.term)
            # ("**Amazon EKS** : Elastic Kubernetes service": the label with its name spelled out names it alone)
            spelled = bool(slug and block.definition and self._name(block.definition) == slug)
            if not (_DEFINES.match(clean(block.definition or "")) or (label and not block.definition) or spelled):
                if not (slug and self._describes(slug, block.term, clean(block.definition or ""))):
                    return None
        else:
            slug = self._opening(block.text, later=later, strict=services, label=label) or self._list_head(block.text)
        # a feature of a service with its own page counts as the subject of a sentence ("security groups are virtual
        # firewalls"), not as a label in a list ("**IAM Role**: one is needed to replicate ..." under S3 replication)
        feature = (
            slug is not None
            and block.term is None
            and _is_feature(self.catalog, slug)
            and not re.match(r"^\W*use\s", clean(block.text), re.I)  # "Use IAM roles to ...": a tool, not the subject
        )
        if slug and services and not _is_service(self.catalog, slug) and not feature:
            return None
        return slug

    def _title_line(self, blocks: list[Block], i: int) -> str | None:
        """The service a line names and nothing else, where it stands among unmarked lines as their title: a line with
        no label (not a bullet: a list's items are read by their own rules), the one after it at its depth saying
        something (not another bare name: "EC2", "S3", "RDS" on lines of their own are a list), and the one before it
        not a bare name either."""
        block = blocks[i]
        if block.kind != "paragraph" or block.term or block.origin or i + 1 >= len(blocks):
            return None
        slug = self._name(block.text, proper=True)
        if slug is None or not _is_service(self.catalog, slug) or not clean(block.text)[:1].isupper():
            return None
        after = blocks[i + 1]
        if after.depth != block.depth or after.kind != block.kind or self._name(after.text, proper=True):
            return None
        if i > 0 and blocks[i - 1].depth == block.depth and self._name(blocks[i - 1].text, proper=True):
            return None
        return slug

    def _list_head(self, text: str) -> str | None:
        """The topic a terse line of comma-separated fragments is about: its first item when that is exactly a name
        and the next does not open with one ("Redshift, Online analytical processing (OLAP), Data warehouse"), not
        the first of a list of services ("Beanstalk, ECS, EC2 by installing the agent")."""
        items = [item.strip() for _, item in comma_items(clean(text))]
        if len(items) < 2:
            return None
        head = self._name(items[0])
        opening = [*self.catalog.mentions(" ".join(items[1].split()[:2])), self._name(items[1])] if head else []
        if any(s and s != head and _is_service(self.catalog, s) for s in opening):
            return None  # "SQS, SNS are cloud-native services", "Cost Explorer, AWS Compute Optimizer": two subjects
        return head

    def _describes(self, slug: str, term: str, definition: str) -> bool:
        """Whether a label's text says what the labelled service is, without an article ("**GuardDuty**: intelligent
        threat detection", "Amazon Inspector: security assessments of your application"): the label is the very name
        of the service (not a feature named after it, "EC2 Instance Store"), and its text three words or more, not an
        instruction or a purpose ("store data in S3 and query it here", "To control access to the service") and not
        naming the service again: those say how the section's own service works with it."""
        head, _, rest = definition.partition(",")
        spelled = (
            head.strip()[:1].isupper()
            and len([i for i in rest.split(",") if i.strip()]) >= 2
            and self._name(head) == slug
        )
        if spelled:  # "DMS - Database Migration Service, Runs on EC2 instances, ...": the name, then fragments
            definition = rest.strip()
        said = re.findall(r"[a-z]+", definition.lower())
        while said and said[0] in ("only", "just", "simply", "also"):
            said = said[1:]  # "only pay for the build time" is an instruction too
        first = said[0] if said else ""
        return (
            len(definition.split()) >= 3
            and first not in IMPERATIVE
            and first != "to"
            and self.catalog.lookup(re.sub(r"\s*\([^)]*\)", "", clean(term)).strip(" _*")) == slug
            and slug not in self.catalog.mentions(definition)
            and (spelled or not self.catalog.mentions(" ".join(definition.split()[:3])))  # "ELB can route ...": ELB's
            and _is_service(self.catalog, slug)
        )

    def _name(self, text: str, *, proper: bool = False) -> str | None:
        """The topic ``text`` is exactly a name of (articles, markup and a bracketed acronym aside). ``proper``: a
        name too common to trust in prose counts where it is capitalised ("Use Config to record ...")."""
        text = _ARTICLE.sub("", clean(text).strip(" :.-–—")).strip()
        bare = _PARENTHESES.sub(" ", text).strip()
        if not bare or self.catalog.is_ambiguous(bare) and not (proper and bare[:1].isupper()):
            return None  # "Organizations can use QuickSight ...": the word, not the service
        slug = self.catalog.lookup(bare) or self.catalog.lookup(re.sub(r"^(?:aws|amazon)\s+", "", bare, flags=re.I))
        if slug is None and _looks_like_name(bare) and (inner := re.search(r"\(([^()]{2,30})\)$", text)):
            slug = self.catalog.lookup(inner[1])  # "Amazon Quantum Ledger Database (Amazon QLDB)"
        return slug

    def _bare_item_name(self, text: str) -> str | None:
        """The topic a list item that is only a name names ("Amazon Elastic File System (Amazon EFS)", "S3 One
        Zone-Infrequent Access (S3 One Zone-IA)"), else None."""
        plain = clean(text).strip(" *:.-")
        if slug := self._name(plain, proper=True):
            return slug
        maker = re.match(r"(AWS|Amazon)\s+(?=\S)", plain)
        if maker and (
            slug := self._name({"AWS": "Amazon ", "Amazon": "AWS "}[maker[1]] + plain[maker.end() :], proper=True)
        ):
            return slug  # "AWS Elastic File System (EFS)": the name with its maker mistaken, Amazon's EFS
        found = self.catalog.find(plain) if len(plain.split()) <= _NAME_WORDS else []
        return found[0] if len(found) == 1 and found[0] in self.catalog.mentions(plain) else None

    def _context_subject(self, block: Block) -> str | None:
        """The topic a context name ("Reserved Instances", "On-Demand") that opens a line or labels it belongs to, for
        a line under a concept's heading (pricing in general), where such a name can mean only that topic."""
        if block.term and (slug := self.catalog.context_lookup(block.term)):
            return slug
        m = _CONTEXT_OPENING.match(clean(block.text))
        return self.catalog.context_lookup(m.group("name")) if m else None

    def _label_name(self, text: str) -> str | None:
        """The topic a short line that labels the bullets under it names: exactly a name, a name too common to
        count in prose included when capitalised ("Organizations"), or one name with a word or two about it ("S3
        Pricing", "Lambda Pricing")."""
        plain = clean(text).strip(" *:.-")
        bare = re.sub(r"\s*\([^()]*\)", "", plain).strip()  # "AWS IAM (Identity and Access Management)"
        if not plain or len(bare.split()) > _LABEL_NAME_WORDS or not plain[:1].isupper():
            return None
        if len(plain.split()) > _LABEL_NAME_WORDS:
            # a long name's aside only spells it out: the name before it must name the topic on its own (not
            # "Management Account (a.k.a. Root Account)")
            slug = self._bare_item_name(bare)
            return slug if slug and slug == self._bare_item_name(plain) else None
        return self._bare_item_name(plain) or self.catalog.context_lookup(plain)

    def _bold_name(self, text: str) -> str | None:
        """The topic a bold name is about: a name of it, a name of it with more capitalised words after it (a
        part or edition of it: "**AWS Systems Manager Session Manager**", "**Snowball Edge Compute Optimized**"),
        or a name of it with words before it (a kind of it: "**Public subnets**"). Not a name that only sits
        inside it ("**Some Private Link Thing**")."""
        if slug := self._name(text):
            return slug
        words = _PARENTHESES.sub(" ", clean(text)).strip(" :.-–—").split()
        if len(words) > _NAME_WORDS:
            return None
        for n in range(len(words) - 1, 0, -1):
            if all(w[:1].isupper() or w[:1].isdigit() for w in words[n:]) and (slug := self._name(" ".join(words[:n]))):
                return slug
        for n in range(len(words) - 1, 0, -1):
            if words[0].lower() in _NOT_A_KIND:
                break  # "**Does not apply to the root account**": a statement with no subject of its own, continuing
                # the heading's, not a kind of the name it ends with
            if slug := self._name(" ".join(words[-n:])):
                return slug
        return None

    def _opening(self, text: str, *, later: bool, strict: bool = False, label: bool = False) -> str | None:
        """The topic a sentence opens with (its subject), else, with ``later``, the one it names after
        "you can use" / "called" / "performed by"."""
        plain = clean(text).strip()
        if (bold := _LEAD_BOLD.match(text)) and (slug := self._bold_name(bold["name"])):
            rest = clean(text[bold.end() :]).split()
            if not strict or not rest or rest[0].lower() in _VERBS:
                return slug  # "**Amazon GuardDuty** It analyzes ...", "**Domain Name System (DNS)**"
        if (not strict or label) and (slug := self._name(plain.rstrip("?:."))):
            return slug  # the whole line is a name: a label of what follows
        if (lead := _LEAD_IN.match(plain)) and lead.group(0).lower().lstrip(" *").startswith("what"):
            return self._name(plain[lead.end() :].rstrip(" ?"))  # "What is cloud computing?"
        if objective := _OBJECTIVE.match(plain):
            return self._name(plain[objective.end() :].rstrip(" ?.:"))  # "Identify the purpose of Amazon Route 53"
        if lead:
            return self._name(plain[lead.end() :].split(",", 1)[0])  # "With CloudWatch, you can ..."
        use = bool(re.match(r"^\W*use\s", plain, re.I))
        if slug := self._name_at(plain, use=use, strict=strict):
            return slug
        if (gerund := re.match(r"^\W*using\s+", plain, re.I)) and (
            slug := self._name_at(plain[gerund.end() :], strict=strict)
        ):
            return slug  # "Using File Gateway is the recommended way to ...": the thing used is the subject
        if later:
            for m in _NAMED_LATER.finditer(plain):
                if slug := self._name_at(plain[m.end() :], use=True, strict=strict, tail=True):
                    return slug
        return None

    def _name_at(self, text: str, *, use: bool = False, strict: bool = False, tail: bool = False) -> str | None:
        """The longest name that ``text`` opens with, followed by a verb or a pause, not by "and" (two
        subjects) or a capitalised word (a longer name the catalog does not know)."""
        text = _ARTICLE.sub("", re.sub(r"^\W*use\s+", "", text, flags=re.I) if use else text.lstrip(" *-–—•"))
        words = _PARENTHESES.sub(" ", text).split()
        for n in range(min(_NAME_WORDS, len(words)), 0, -1):
            head = words[:n]
            last = head[-1]
            pause = last[-1:] in (",", ":", ";", ".", "?") or n == len(words)
            nxt = words[n] if n < len(words) else ""
            if not pause and (not nxt[:1].islower() or nxt.lower() in _NOT_NEXT):
                continue
            after = words[n + 1 : n + 5]
            # "IAM Roles to assign short-term credentials", "Cognito for mobile apps lets ...": what it is for
            purpose = (nxt == "to" and bool(after) and after[0].isalpha() and after[0].islower()) or (
                nxt == "for"
                and (
                    any(w.lower().strip(",") in _VERBS for w in after[1:])
                    or (bool(after) and after[0].isalpha() and after[0].islower() and after[0].endswith("ing"))
                )
            )  # (or "CloudTrail for auditing API calls")
            if (
                strict
                and not (tail and pause)
                and (pause or (nxt not in ("to", "for", "when", "if") if use else nxt.lower() not in _VERBS))
                and not purpose
            ):
                continue  # "S3 bucket --> ...", "Free tier of 1,000,000 requests": a noun phrase, not a subject
            slug = self._name(" ".join(head), proper=use)  # after "Use", a capitalised word is a name
            if slug:
                return slug
        return None

    def split_labels(
        self, topic: str, blocks: list[Block], inherited: bool = False
    ) -> tuple[list[Block], list[TopicSection]]:
        """Move label bullets that name a sub-topic, with their child bullets, to its page.

        ``6. **Storage Classes**:`` and its list of classes inside an S3 section is the S3
        storage classes sub-topic in all but markup, as a sub-heading would be. Only a
        label with children moves (a one-line ``**Spot Instances**: ...`` among its siblings
        stays), and only when it names exactly one topic below this one.
        """
        kept: list[Block] = []
        moved: list[TopicSection] = []
        current: TopicSection | None = None
        current_depth = 0
        for i, block in enumerate(blocks):
            if current is not None and block.depth > current_depth:
                current.blocks.append(block)
                continue
            current = None
            has_children = i + 1 < len(blocks) and blocks[i + 1].depth > block.depth
            label = block.term
            if label is None and block.kind != "table" and len(normalise(block.text).split()) <= _LABEL_WORDS:
                label = block.text  # "According to access frequency S3 is divided into classes :"
            sub = (self.sub_topic(topic, label) or self._context_part(topic, label)) if label and has_children else None
            if sub:
                current = TopicSection(sub, label.strip().rstrip(":").strip(), block.line, 1, [block])
                current_depth = block.depth
                moved.append(current)
            else:
                kept.append(block)
        if not kept and not inherited:
            return list(blocks), []  # a section about the other service all through: its heading's topic keeps it
            # (under a title naming no topic, "Billing" under EC2, the labels' own topics take them)
        return kept, moved

    def _defined_concept(self, block: Block, within: tuple[str, ...]) -> str | None:
        """The cloud concept a line defines by opening with its name and "is", "are", "means" or "refers to"
        ("vertical scaling is increasing the size of the instance"), when it is none of ``within`` nor above them."""
        if block.kind not in ("paragraph", "bullet") or block.term or block.origin:
            return None
        m = _DEFINES_CONCEPT.match(clean(block.text))
        slug = self._name(m["name"], proper=m["name"][:1].isupper()) if m else None
        if not slug or self.catalog.topics[slug].category != "cloud-concepts" or slug in self._closure(within):
            return None
        return slug

    def _context_part(self, topic: str, label: str) -> str | None:
        """The part of ``topic`` a label names by a name that means it only in the topic's context ("On-Demand:"
        over its bullets under EC2 is the purchasing options'), else None."""
        slug = self.catalog.context_lookup(label.strip().rstrip(":").strip())
        return slug if slug and slug != topic and self.catalog.is_ancestor(topic, slug) else None

    def _mentions_within(self, sec: Section, slug: str) -> bool:
        """Whether a line or a sub-heading of the section names the topic (a term of its context names counts)."""
        for section in sec.walk():
            if section is not sec and slug in self.catalog.find(section.title):
                return True
            for block in section.blocks:
                if slug in self.catalog.find(block.text[:200]) or (
                    block.term and self.catalog.context_lookup(block.term) == slug
                ):
                    return True
        return False

    def _bare_part_title(self, topic: str, part: str, title: str) -> bool:
        """Whether a one-word title is exactly a part's name with its service's name taken off ("Policies" for IAM
        Policies; a longer one, "Storage classes", must also be what its lines are about)."""
        if len(title.split()) != 1:
            return False
        entry, named = self.catalog.topics[topic], normalise(self.catalog.topics[part].name)
        for own in {entry.name, entry.short or "", entry.full_name or ""}:  # (not an alias: "EC2 instance" + "Types")
            if own and named.startswith(normalise(own) + " ") and named[len(normalise(own)) + 1 :] == normalise(title):
                return True
        return False

    def _siblings_list(self, topic: str, moved: dict[str, list[Block]], runs: dict) -> bool:
        """Whether a whole section is a run of labels naming the parts of a sibling of its heading's topic: "Instance
        Types" over "On Demand: ...", "Reserved: ...", "Spot: ..." lists the purchasing options, EC2's other part."""
        parent = self.catalog.topics[topic].parent
        return (
            len(moved) == 1
            and parent is not None
            and (other := next(iter(moved))) in runs.values()
            and self.catalog.topics[other].parent == parent
        )

    def parts_list(self, topic: str, terms: list[str]) -> str | None:
        """The sub-topic of ``topic`` that at least half of a run of three or more labels name, by its name or by
        one of its context names ("On-Demand", "Reserved Instances" for EC2 purchasing options), else the topic
        whose parts they are, wherever the run sits ("Business", "People", "Governance", "Platform" under "Cloud
        Concepts" are the Cloud Adoption Framework's perspectives), else None."""
        if len(terms) < 3:
            return None
        named = []
        for term in terms:
            slug = self.sub_topic(topic, term) or self.catalog.context_lookup(term)
            named.append(slug if slug and self.catalog.is_ancestor(topic, slug) else None)
        best = max(set(named) - {None}, key=named.count, default=None)
        if best and named.count(best) * 2 >= len(terms):
            return best
        return self.catalog.parts_named(terms)

    def sub_topic(self, topic: str, term: str) -> str | None:
        """The descendant of ``topic`` that a bullet's term names, if any."""
        entry = self.catalog.topics[topic]
        for text in (term, f"{entry.short or entry.name} {term}"):
            found = self.catalog.find(text)
            if len(found) == 1 and self.catalog.is_ancestor(topic, found[0]):
                return found[0]
        return None

    # -- routing the blocks of a multi-service, summary or topic-less section ---------

    def route(
        self, blocks: list[Block], *, group: tuple[str, ...] | None, default: tuple[str, ...], passing: bool = False
    ) -> tuple[dict[str, list[Block]], list[Block]]:
        """Each block to the topics it names (its term, its subject), else its named parent's, else the
        section's ``default``. ``passing``: under a heading that names no topic, a line that names one only in
        passing goes there rather than nowhere."""
        routed: dict[str, list[Block]] = {t: [] for t in default}
        unrouted: list[Block] = []
        named: dict[int, tuple[str, ...]] = {}  # depth -> topics of the latest named block there
        lead_in: dict[int, bool] = {}  # depth -> the latest named block there ends with ":" (a list follows)
        own_name: dict[int, bool] = {}  # depth -> the latest named block there names its subject, not in passing
        question: tuple[str, ...] = ()  # the topics of the question line whose options follow
        by_sentence: dict[int, bool] = {}  # depth -> the latest named block there is a sentence, not a label
        named_text: dict[int, str] = {}  # depth -> the latest named block's text
        # depth -> the topics a paragraph named there, which the bullets after it go on about; and whether a bullet
        # among them has since named another topic in passing ("**Multi-factor** authentication support" among IAM's
        # features): the bullets after that one are still the paragraph's
        said_above: dict[int, tuple[str, ...]] = {}
        aside: dict[int, bool] = {}
        paragraph_run: tuple[tuple[str, ...], int] | None = None  # a name's label paragraph's topics, the run's end
        title_over: tuple[tuple[str, ...], int] | None = None  # a bold title's topics and its line
        disclosure: tuple[str, ...] = ()  # the topics an HTML <summary> names, until its </details>
        in_summary = False
        for i, block in enumerate(blocks):
            depth = block.depth
            raw = block.text.strip()
            inside = False  # a line of text within a disclosure whose summary names a topic
            if group is None and (opened := _SUMMARY_OPEN.search(raw)):
                in_summary, disclosure = True, ()
                raw = raw[opened.end() :]
            if in_summary:
                if not disclosure and (words := _TAG.sub(" ", _SUMMARY_CLOSE.split(raw)[0]).strip()):
                    disclosure = tuple(self.catalog.find(words))
                in_summary = not _SUMMARY_CLOSE.search(raw)
            elif disclosure and _TAG.sub("", raw).strip():
                inside = True
            if _DETAILS_CLOSE.search(raw):
                named.clear()  # what follows a disclosure (an answer folded away, a summary's notes) is not in it
                disclosure, in_summary = (), False
            for d in [d for d in named if d > depth]:
                del named[d]
            if group is None and _ends_a_tight_list(blocks, i):
                # a blank line after a list whose items ran line after line: a new list starts, which goes on
                # about nothing the last one named ("**Placement groups:**" over four items, then notes on anything)
                named.pop(depth, None)
                lead_in.pop(depth, None)
                said_above.pop(depth, None)
                aside.pop(depth, None)  # (an aside is one beside what the paragraph above said: that is gone too)
            if _NAVIGATION.fullmatch(block.text.strip()):
                unrouted.append(block)  # a table of contents: links to the note's own headings, no content
                continue
            has_children = i + 1 < len(blocks) and blocks[i + 1].depth > depth
            own = self.block_names(block, group, bare_label_counts=bool(default) or has_children)
            if group is not None and not own and (concept := self._defined_concept(block, group)):
                own = (concept,)  # "vertical scaling is increasing the size of the instance" under "ELB & ASG"
            bold_title = _whole_bold(_TAG.sub("", block.text)) if group is None else None
            if bold_title and (len(bold_title.split()) > 8 or bold_title.rstrip().endswith("?")):
                bold_title = None  # a question's stem set in bold, not a title
            if not own and bold_title and (slug := self._label_name(bold_title)):
                own = (slug,)  # "***<div align="center">Amazon Fargate</div>***", a title in bold over its line
                title_over = (own, block.end_line)
            elif title_over and block.line == title_over[1] + 1 and _PREDICATE_OPENING.match(clean(block.text)):
                own = title_over[0]  # "is a serverless compute engine for containers" right under that title
                title_over = None
            else:
                title_over = None
            if paragraph_run and block.line == paragraph_run[1] + 1 and block.kind == "paragraph":
                if not (block.term and (self._name(block.term) or _only(self.catalog.find(block.term)))):
                    # (not "Amazon Macie: ..." in the run, a topic's own line) "AWS: hardware ...", "Customer: data
                    # ..." under "Shared Responsibility Model:", line after line with no blank between
                    own = paragraph_run[0]
                paragraph_run = (paragraph_run[0], block.end_line)
            else:
                paragraph_run = None
            if (
                group is None
                and block.kind == "paragraph"
                and block.term
                and not (block.definition or "").strip()
                and (slug := self._name(block.term) or _only(self.catalog.find(block.term)))
                and i + 1 < len(blocks)
                and blocks[i + 1].line == block.end_line + 1
                and blocks[i + 1].kind == "paragraph"
                and not (blocks[i + 1].term and self._name(blocks[i + 1].term))  # "Glue :" over "Athena :": names
            ):
                # a paragraph that is only a topic's name and a colon, the lines right under it going on without a
                # blank line: the heading of those lines in all but markup
                own = (slug,)
                paragraph_run = (own, block.end_line)
            if not own and group is None and has_children and not block.term and (slug := self._label_name(block.text)):
                own = (slug,)  # "* S3 Pricing", "1. [Organizations](...)" over bullets of their own: a label
            if id(block) in self.rows:
                # one row of a table of services (table_rows): the service its first cell names, else no page (it
                # does not carry on the row above)
                if not (slug := self._cell_name(block.rows[1][0])):
                    unrouted.append(block)
                    continue
                own = (slug,)
            if (
                not own
                and group is None
                and not default
                and block.term
                and (slug := self.catalog.context_lookup(block.term))
            ):
                own = (slug,)  # "Reserved Instances: 1- or 3-year terms" under a heading that names no topic
            above = [named[d] for d in sorted(named) if d < depth]
            current = above[-1] if above else named.get(depth) if lead_in.get(depth) else None
            if not own and group is None and has_children and above and len(above[-1]) == 1:
                # "- Roles" over its bullets under "- AWS IAM": the label names a part of the service above it
                label = (block.term or block.text).strip().rstrip(":").strip()
                if len(label.split()) <= _LABEL_WORDS and (
                    sub := self.sub_topic(above[-1][0], label) or self._context_part(above[-1][0], label)
                ):
                    own = (sub,)
            near = above[-1] if above else named.get(depth)
            if not own and group is None and near and len(near) == 1 and not block.term and not _LEAD_BOLD.match(raw):
                # "Protection of root accounts" among the bullets about AWS IAM: a short line that names one of the
                # service's own parts is about that part
                short = clean(block.text).strip(" *.")
                mentioned = self.catalog.mentions(short) if len(short.split()) <= 8 and "," not in short else []
                if len(mentioned) == 1 and self.catalog.is_ancestor(near[0], mentioned[0]):
                    own = (mentioned[0],)
            if current and len(current) == 1 and self.catalog.is_part(current[0], _part_text(block)):
                own = ()  # "Fault Tolerance - ..." in the list under "Trusted Advisor checks:": that list's item
            if (
                current
                and own
                and not above
                and block.kind == "bullet"
                and WORKS_WITH_LABEL.search(clean(named_text.get(depth, "")))
            ):
                own = ()  # "EBS: to encrypt volumes" in the list under "KMS is fully integrated into a lot of AWS
                # offerings:": what the lead-in's service does for EBS, not what EBS is
            plain = clean(block.text).strip(" *")
            if group is None and question and block.term and _ANSWER_LABEL.match(block.term):
                own = question  # "Answer: ..." under a question that named its topic: that topic, not a passing name
            elif group is None and _CHECKBOX.match(block.text) and question:
                own = question  # an option of the question above ("[ ] AWS Config"): the question's page
            elif not own and group is None and _QUESTION_END.search(plain):
                # a practice question written as lines, its answer below: both go where the answer points, else
                # where the question does ("Which tasks can you do with CloudTrail?" over two lines naming none)
                # options below it: what the stem asks about, else its key option's topic, else their shared one
                # (a key can be a slip of the author's, a stem naming its subject is not)
                after = blocks[i + 1 : i + 12]
                if after and _CHECKBOX.match(after[0].text) and not any(_TICKED.match(b.text) for b in after):
                    own = self._asked_about(plain) or self._answer(blocks, i)
                else:
                    own = self._answer(blocks, i) or self._asked_about(plain)
            elif not own and group is None and (lead := self._lead_in(blocks, i)):
                own = lead  # a lead-in line is a heading in all but markup: "Use cases for AWS DMS:"
            elif (
                not own
                and group is None
                and _WHOLE_BOLD.fullmatch(block.text.strip())
                and i + 1 < len(blocks)
                and blocks[i + 1].line == block.end_line + 1
            ):
                # a statement in bold whose subject is not a name, its answer on the next line ("**A startup needs
                # help ...**" over "**AWS re:Post** ..."): a question stem without its question mark
                own = self.block_names(blocks[i + 1], None) or self._lead_in(blocks, i + 1)
            question = own if _QUESTION_END.search(plain) or _CHECKBOX.match(block.text) else ()
            # a bare name in a list of them ("- S3" under "AWS Services"): a list of services, not about one
            bare_name = not (default or has_children) and (
                _bare_label(block)
                or (block.kind == "bullet" and not block.term and self._name(block.text, proper=True))
            )
            # the very next line, unlabelled or with a label that names nothing ("Compute: 40 vCPUs ..." under a
            # device's line): the same thought goes on
            adjacent = (
                i > 0
                and block.line == blocks[i - 1].end_line + 1
                and (
                    block.term is None
                    or (not self.catalog.find(block.term) and by_sentence.get(depth, False))
                    # "Term: ...", "Class: ..." under "Reserved Instances: pricing is based on Term, Class and ...":
                    # the labels the line above announced
                    or (not self.catalog.find(block.term) and _names_word(named_text.get(depth, ""), block.term))
                    # "Key: name of the object, Value: the data, VersionID: ..., Metadata: ...": the properties of
                    # what the line above named
                    or len(_PROPERTY.findall(block.text)) >= 3
                )
                and not (block.ordered and blocks[i - 1].ordered)  # "2. Spot vs Reserved" is not item 1 going on
            )
            if own:
                targets = own
                if block.kind == "paragraph":
                    said_above[depth], aside[depth] = own, False
                elif block.kind == "bullet" and depth in said_above:
                    # (not a bullet that says what its subject is, "Docker is a software development platform": the
                    # bullets after it go on about Docker)
                    aside[depth] = set(own) != set(said_above[depth]) and not _DEFINES_ITS_SUBJECT.match(clean(raw))
                named[depth] = own
                # a list it opens at its own depth ("... five categories:" over unindented items); one indented
                # under it follows it as children, and what comes after that list is not its
                # an item naming the lead-in's own topic ("Database migrations: ..." under "Use cases for AWS DMS:")
                # is still one of its items: the list goes on after it
                lead_in[depth] = (block.text.rstrip(" *").endswith(":") and not has_children) or bool(
                    current and lead_in.get(depth) and not above and set(own) <= set(current)
                )
                own_name[depth] = True
                by_sentence[depth] = block.term is None  # not a label in a list of labelled names ("SSH:", "OpsWorks:")
                named_text[depth] = block.text
            elif (
                bare_name
                and group is None
                and not block.term
                and not self.asking
                and (slug := self._bare_item_name(block.text))
            ):
                targets = (slug,)  # "- Amazon EFS" in a list of course concepts: that service's name, on its page
                # (never the topic of the item above it; the items after it do not follow it)
            elif inside:
                targets = disclosure  # "<summary>SES</summary>" over "- Email service ...": the summary is a heading
            elif above:
                targets = above[-1]  # a child bullet follows its named parent
            elif group is None and depth in named and _GIVES_ANSWER.match(plain):
                targets = named[depth]  # "Hence, the correct answer is: ...": the question's, as its explanation is
            elif current:
                targets = current  # an item of the list a named lead-in line ("... five categories:") opens
            elif (
                group is not None
                and block.kind != "code"  # (a command's words name no topic)
                and (mentioned := self._within(self.catalog.mentions(block.text), group))
            ):
                targets = mentioned
                named[depth] = mentioned
            elif group is None and adjacent and depth in named and own_name.get(depth):
                targets = named[depth]  # the next line of a thought that named its subject
            elif (
                group is None
                and passing
                and not default
                and not bare_name
                and block.kind != "code"
                # in a note without headings, a title, a score or a table of many services is about none of them
                and (not self.headless or (block.kind != "table" and len(block.text.split()) >= _SENTENCE_WORDS))
                and (mentioned := self._main_mention(block.text))
            ):
                # under no topic at all: a line that names one in passing is better on its page than on none
                targets = (mentioned,)
                named[depth] = targets
                lead_in[depth] = own_name[depth] = False
            elif (
                block.term is None
                and depth in named
                and (block.kind == "bullet" or group is not None or adjacent)
                and not (block.ordered and i > 0 and blocks[i - 1].ordered and group is None)
            ):
                targets = named[depth]  # an un-labelled continuation of a named bullet (not the next numbered item
                # of a list of separate ones: "2. Spot vs Reserved" after "1. Neptune vs DynamoDB")
            else:
                named.pop(depth, None)
                targets = default
            if not own and block.kind == "bullet" and aside.get(depth) and targets == named.get(depth):
                # past a bullet that named another topic in a list about the paragraph's: "Allows configuration of
                # temporary access" after "Multi-factor authentication support", both IAM's features
                targets = said_above[depth]
            if not targets:
                unrouted.append(block)
            for topic in targets:
                routed.setdefault(topic, []).append(block)
        return routed, unrouted

    def _answer(self, blocks: list[Block], i: int) -> tuple[str, ...]:
        """The topic of a question line's answer: its ticked option ("[x] AWS Config") or the option its key below
        gives ("Correct answer: B."), else the topic its options share, else the line after it."""
        options: dict[str, Block] = {}
        for block in blocks[i + 1 : i + 12]:
            if _QUESTION_END.search(clean(block.text)) and not _CHECKBOX.match(block.text):
                break
            if _TICKED.match(block.text):
                option = replace(block, text=_TICKED.sub("", block.text))
                mentioned = self._main_mention(option.text)
                return self.block_names(option, None) or ((mentioned,) if mentioned else ())
            if _CHECKBOX.match(block.text) and (letter := _OPTION_LETTER.match(block.text)):
                options[letter[1].upper()] = replace(block, text=block.text[letter.end() :])
            elif options and (key := _KEY_LETTER.match(clean(block.text))):
                # "Correct answer: B. ..." under the options: the key option's topic
                if chosen := options.get(key[1].upper()):
                    mentioned = self._main_mention(chosen.text)
                    if found := self.block_names(chosen, None) or ((mentioned,) if mentioned else ()):
                        return found
                break
        if options:
            # options with no key in sight: the topic they share, else none
            shared = self._shared_topic([o.text for o in options.values()])
            return (shared,) if shared else ()
        if i + 1 >= len(blocks):
            return ()
        return self.block_names(blocks[i + 1], None) or self._lead_in(blocks, i + 1)

    def _lead_in(self, blocks: list[Block], i: int) -> tuple[str, ...]:
        """The topics a short line ending with ":" that opens a list names, as a heading would ("To reach an EC2
        instance use:" over bullets). Not a bare label among its like ("Cloud 9 :" over "IAM :")."""
        block = blocks[i]
        plain = clean(block.text).strip(" *")
        if not plain.endswith(":") or len(plain.split()) > _LABEL_WORDS:
            return ()
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        opens_list = after is not None and (
            after.depth > block.depth or (block.kind != "bullet" and after.kind == "bullet")
        )
        if self._name(plain) and not opens_list:
            return ()
        return tuple(self.catalog.find(plain.rstrip(" :*")))

    def _asked_about(self, question: str) -> tuple[str, ...]:
        """What a question line asks about when its answer names nothing: the topic it names, a name too common
        to count in prose included ("Which factors matter when choosing an AWS Region?")."""
        if mentioned := self._main_mention(question):
            return (mentioned,)
        # but not a common word as someone's own thing: "your organization's data" is not AWS Organizations
        found = self.catalog.mentions(_OWNED.sub(" ", clean(question)), common=True)
        return tuple(found[:1])

    def _main_mention(self, text: str) -> str | None:
        """The first topic a line names, a sub-topic over the topic it belongs to; not a word inside a bold
        name the catalog does not know ("**Some Private Link Thing**" is not PrivateLink)."""
        bold = _LEAD_BOLD.match(text)
        if bold and not self._bold_name(bold["name"]):
            text = text[bold.end() :]
        found = self.catalog.mentions(_without_examples(clean(text))) or self.catalog.mentions(clean(text))
        found = [f for f in found if not any(o != f and self.catalog.is_ancestor(f, o) for o in found)]
        return found[0] if found else None

    def block_names(
        self, block: Block, group: tuple[str, ...] | None, *, bare_label_counts: bool = True
    ) -> tuple[str, ...]:
        """The topics a bullet is about: ``Hadoop Cluster: EMR`` -> EMR, ``EFS: ...`` -> EFS.

        ``bare_label_counts=False``: a label with nothing after it and no children
        (``Cloud 9 :`` in a list of services) names nothing.
        """
        if block.kind == "code":
            return ()  # "scp -i key.pem app ubuntu@host:~/app": a command's words name no topic (not SCPs)
        if not bare_label_counts and (
            _bare_label(block) or (block.kind == "bullet" and not block.term and self._name(block.text))
        ):
            return ()
        if block.term and _ANSWER_LABEL.match(block.term) and (block.definition or "").strip():
            # "Answer: RDS or Aurora.": what the answer names, even in passing, not the label
            unlabelled = replace(block, text=block.definition, term=None, definition=None)
            names = list(self.block_names(unlabelled, group))
            if not names and group is None and (mentioned := self._main_mention(block.definition)):
                names = [mentioned]
            return tuple(names)
        names = self.catalog.find(block.term) if block.term else []
        if not names and not block.term and group is None:
            plain = clean(block.text)
            if (lead := _LEAD_IN.match(plain)) and not lead.group(0).lower().lstrip(" *").startswith("what"):
                plain = plain[lead.end() :].split(",", 1)[-1]  # "With AWS, serverless refers to ...": after it
            subject = _SUBJECT.match(plain)
            if subject and len(subject["subject"].split()) <= _SUBJECT_WORDS:
                # the subject exactly a name, a name too common to count in passing included ("serverless refers
                # to ..."); else a name it opens with that counts in prose ("Our serverless board" is not)
                exact = self.catalog.lookup(_PARENTHESES.sub(" ", _ARTICLE.sub("", subject["subject"])))
                prose = self.catalog.mentions(subject["subject"])
                names = [exact] if exact else [n for n in self.catalog.find(subject["subject"]) if n in prose]
            if not names and (slug := self.subject_of(block, services=False, later=True)):
                names = [slug]
        if not names and (block.term or group is None):
            # "**AWS Virtual Private Network** (VPN) -- ...": the acronym the author gives after the name
            lead = f"{block.term} {(block.definition or '')[:12]}" if block.term else block.text[:60]
            acronym = _LEAD_ACRONYM.match(lead)
            slug = self.catalog.lookup(acronym[1]) if acronym else None
            names = [slug] if slug else []
        if block.term and block.definition:
            # "In-memory Database: ElastiCache": the definition is a bare service name, and
            # it names a service where the term names only a concept (or nothing).
            bare = self.catalog.lookup(_PARENTHESES.sub(" ", block.definition))
            if bare and (
                not names or (_is_service(self.catalog, bare) and not any(_is_service(self.catalog, n) for n in names))
            ):
                names = [bare]
            # "EC2 Pricing: On-Demand: charged by the second": a label inside the label, naming a part of one of the
            # first one's own sub-topics, says which
            inner = _CONTEXT_OPENING.match(clean(block.definition))
            part = self.catalog.context_lookup(inner["name"]) if inner and ":" in block.definition[:40] else None
            if part and len(names) == 1 and self.catalog.is_ancestor(names[0], part):
                names = [part]
        if group is not None:
            names = list(self._within(names, group))
        return tuple(names)

    # -- helpers ---------------------------------------------------------------------

    def _names_any(self, blocks: list[Block], topics: set[str]) -> bool:
        """Whether a line of ``blocks`` names one of ``topics``."""
        return any(topics & set(self.catalog.mentions(clean(b.text))) for b in blocks)

    def _family(self, topic: str) -> set[str]:
        """The topic, the topics above it and the topics below it."""
        return self._closure((topic,)) | {slug for slug in self.catalog.topics if self.catalog.is_ancestor(topic, slug)}

    def _lists_other_services(self, sec: Section, topics: tuple[str, ...], at_least: int = _LISTED_SERVICES) -> bool:
        """Whether a section's entries are labelled with at least ``at_least`` services outside ``topics`` (and their
        ancestors): a list of services, each line its own service's."""
        own = self._closure(topics)
        named = {
            slug
            for block in sec.blocks
            if block.term and (slug := self.catalog.lookup(clean(block.term).strip(" *:.-"))) and slug not in own
        }
        return len(named) >= at_least

    def _closure(self, topics: tuple[str, ...]) -> set[str]:
        out = set(topics)
        for topic in topics:
            out.update(self.catalog.ancestors(topic))
        return out

    def _within(self, names: list[str], group: tuple[str, ...]) -> tuple[str, ...]:
        """Map each name to the group member it is or belongs to; drop the rest."""
        out: list[str] = []
        for name in names:
            for member in group:
                if (name == member or self.catalog.is_ancestor(member, name)) and member not in out:
                    out.append(member)
        return tuple(out)


# A line that opens with a name and says what it is: "vertical scaling is increasing the size of the instance".
_DEFINES_CONCEPT = re.compile(
    r"^\W*(?P<name>[A-Za-z][A-Za-z -]{2,40}?)\s+(?:is|are|means|refers to)\s+(?:\S+\s+){2,}\S", re.I
)

# Words that open a statement with no subject of its own ("Does not apply to ..."), not a kind of a name.
_NOT_A_KIND = frozenset("not no does do doesn't don't is are isn't aren't can cannot can't only applies apply".split())


# a section on what its parent's service does with another ("Integration with Amazon S3")
_INTEGRATION = re.compile(r"^\W*(?:integrations?|integrating|integrated|interaction|working)\s+(?:with|into)\b", re.I)
# the service an activity's title does it with ("Monitoring S3 Buckets with Macie")
_WITH_TOOL = re.compile(r"^\W*[A-Za-z]+ing\b.*?\b(?:with|using|via)\s+(.+)$", re.I)


# a line that says what its subject is ("Docker is a software development platform ..."): a new subject
_DEFINES_ITS_SUBJECT = re.compile(r"^\W*[^,.;:]{1,60}?\s+(?:is|are)\s+(?:a|an|the)\b", re.I)


def _without_examples(text: str) -> str:
    """The text without the names it gives as examples: "services like Amazon S3, AWS runs ..." -> "services ,
    AWS runs ...", and a list of them ("like RDS, ElastiCache, and CloudSearch in AWS") up to its last item."""
    return _EXAMPLES.sub(" ", text)


def _looks_like_name(text: str) -> bool:
    """A name spelled out, as before its acronym: short, and most words capitalised ("Elastic Block Store")."""
    words = text.split()
    return 0 < len(words) <= _NAME_WORDS and sum(w[:1].isupper() for w in words) * 2 > len(words)


_ASIDE = re.compile(
    r"^\W*(?:i(?![.\w])|i'm|i've|i'll|i'd|my|we're|lol|note to self|todo|good luck)\b"
    r"|\bexam (?:is |was )?(?:scheduled|booked|planned|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.I,
)
_PREDICATE_OPENING = re.compile(r"^\W*(?:is|are|it is|it's|was)\s+(?:an?|the|one)\b", re.I)  # the subject left out
_PROGRESS = re.compile(
    r"^\W*(?:completed|finished|started|done with|watched|passed)\s+(?:the\s+)?(?:\w+\s+){0,2}"
    r"(?:section|module|chapter|lesson|course|video|lab|quiz|practice exam)s?\b",
    re.I,
)
_DUTY_PAGES = frozenset({"shared-responsibility-model"})  # pages whose lines list whose job each thing is
_PROPERTY = re.compile(r"(?:^|[,;]\s*)[A-Z][\w -]{0,20}:\s")  # "Key: ...", ", Value: ..." in one line


def _only(found: list[str]) -> str | None:
    """The one topic found, else None."""
    return found[0] if len(found) == 1 else None


def _whole_bold(text: str) -> str | None:
    """The words of a line that is all bold ("***Advantages of Cloud Computing***"), else None."""
    m = re.fullmatch(r"\s*(?:[-*+•]\s+)?([*_]{2,3})([^*_]+)\1\s*:?\s*", text)
    return m.group(2).strip(" :") if m else None


def _names_word(text: str, term: str) -> bool:
    """Whether ``text`` has ``term`` as whole words, past its own first words (a label it goes on to list)."""
    term = clean(term).strip(" *:")
    return bool(term) and bool(re.search(rf"\b{re.escape(term)}\b", clean(text)[len(term) + 2 :], re.I))


def _list_items(text: str) -> list[str]:
    """The items of a line read as a list: split at commas, slashes, brackets and "and"/"or", without a letter
    code ("(t)") or "etc"."""
    items = (i.strip(" .*_`") for i in re.split(r"[,;/()]|\band\b|\bor\b", clean(text)))
    return [i for i in items if len(i) > 2 and i.lower() not in ("etc", "etc.")]


def _sibling_terms(blocks: list[Block], block: Block) -> list[str]:
    """The labels of the run of labelled items ``block`` stands in (same depth, their children aside)."""
    i = next(n for n, b in enumerate(blocks) if b is block)
    run = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blocks) and blocks[j].depth >= block.depth:
            if blocks[j].depth == block.depth:
                if not blocks[j].term or _bare_label(blocks[j]):
                    break  # (a lead-in label, "**DNS Record Types:**", opens a list of its own)
                run.append(blocks[j].term)
            j += step
    return run


def _subject_opening(text: str) -> bool:
    """Whether a line opens with a subject of its own: a capitalised noun before its verb ("Instances are ...",
    "The root volume is ..."), not a verb or a fragment ("Allow your instances to ...", "can copy snapshots")."""
    words = text.split()
    if len(words) < 2:
        return False
    if words[0].lower() in ("the", "a", "an", "this", "these", "it", "they", "its"):
        return True
    return words[1].lower().strip(",") in _VERBS and words[0][:1].isupper()


def _bare_label(block: Block) -> bool:
    """Whether a line is a label with nothing after it ("**DNS Record Types:**"): it leads into what follows."""
    return bool(block.term) and not (block.definition or "").strip()


def _list_after(blocks: list[Block], i: int) -> list[int]:
    """The indexes of the list a line leads into: its own bullets (deeper), or the bullets or labelled lines right
    after a paragraph; none unless at least three of them are labelled."""
    lead, items = blocks[i], []
    for j, block in enumerate(blocks[i + 1 :], start=i + 1):
        if _bare_label(block):
            break  # the next lead-in ("**Hosted Zone Types:**") opens a list of its own
        if block.depth > lead.depth or (
            lead.kind == "paragraph"
            and block.depth == lead.depth
            and (block.kind == "bullet" or block.term)
            and (not items or block.kind == blocks[items[0]].kind)
        ):
            if block.depth == (blocks[items[0]].depth if items else block.depth):
                items.append(j)
            continue
        break
    return items if sum(1 for j in items if blocks[j].term) >= 3 else []


def _under_label(block: Block, label: Block) -> bool:
    """Whether a block is an item of the list a label line opens: nested under it, or a bullet at its depth after a
    paragraph ("KMS is fully integrated into a lot of AWS offerings:" over "- EBS: to encrypt volumes")."""
    return block.depth > label.depth or (
        block.depth == label.depth and label.kind == "paragraph" and block.kind == "bullet"
    )


# the lead-in of a list of what the section's subject has or gives ("Benefits:", "Key Features", "Limitations")
_ATTRIBUTE_LEAD = re.compile(
    r"^\W*(?:key\s+|main\s+|core\s+)?(?:benefits?|features?|advantages?|disadvantages?|considerations?|pros|cons"
    r"|limitations?|characteristics|capabilities|highlights|requirements|properties)\W*$",
    re.I,
)


def _lead_in(blocks: list[Block], i: int) -> str:
    """The line a list item hangs from: the nearest line above it nested less deeply, or a paragraph at its depth
    (a bold "**Benefits:**" over its bullets), as plain text; "" at the top of the section."""
    for block in reversed(blocks[:i]):
        if block.depth < blocks[i].depth or (block.depth == blocks[i].depth and block.kind == "paragraph"):
            return clean(block.text)
    return ""


def _parent(blocks: list[Block], i: int) -> Block:
    """The nearest item above ``blocks[i]`` that it is nested under (``blocks[i]`` itself at the top level)."""
    return next((b for b in reversed(blocks[:i]) if b.depth < blocks[i].depth), blocks[i])


def _part_text(block: Block) -> str:
    """What names a list item: its term, else its text up to a dash ("Cost Optimization – recommendations ...")."""
    text = block.term or re.split(r"\s+[-–—:]\s+", clean(block.text), maxsplit=1)[0]
    return re.sub(r"^\W*\d{1,2}[.)]\s*", "", clean(text)).strip(" *:.")


def _lines(blocks: list[Block]) -> str:
    """Every line of the blocks that landed nowhere: the report lists them all, not the first few."""
    return ("line " if len(blocks) == 1 else "lines ") + ", ".join(str(b.line) for b in blocks)


def _is_feature(catalog: Catalog, slug: str) -> bool:
    """A part of a service with a page of its own ("Security Groups" in Amazon VPC): a subject as a service is."""
    parent = catalog.topics[slug].parent
    return parent is not None and _is_service(catalog, parent)


# "Amazon Simple Workflow Service (SWF)", "7. AWS App Mesh": the maker's name, then a capitalised name
_SERVICE_TITLE = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*[.)]?\s+)?(?:Amazon|AWS)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:\s*\([A-Za-z0-9 ]+\))?\W*$"
)


# words of a chapter's title ("AWS Core Services", "AWS Cloud Practitioner Notes"), never of one service's name
_CHAPTER_WORDS = frozenset(
    """services products tools overview notes summary basics fundamentals introduction intro cloud practitioner exam
certification concepts module chapter section part essentials review questions key core other more misc
miscellaneous infrastructure security pricing billing support account accounts management compute storage database
databases networking analytics integration""".split()
)


def _unknown_service(catalog: Catalog, title: str) -> bool:
    """Whether a heading is the name of one AWS service the catalog has no topic for ("Amazon Simple Workflow
    Service (SWF)"), not a chapter's title ("AWS Core Services")."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", title)}
    return bool(_SERVICE_TITLE.match(title)) and not words & _CHAPTER_WORDS and not catalog.find(title)


def _is_service(catalog: Catalog, slug: str) -> bool:
    return catalog.topics[slug].name.startswith(("Amazon ", "AWS "))


def _file_topic(catalog: Catalog, source: str, names: tuple[str, ...] = ()) -> str | None:
    """The topic a note's file is named after ("IAM Roles.md" in an Obsidian vault, "ec2.md"), else a name its front
    matter gives it (`aliases: [Spot Instances]`), else its folder ("S3/notes", or "S3__notes" flattened): the title of
    every section that names nothing else. Failing an exact name, one that names a single service in more words
    ("Route53_Global DNS", "Relational_DataBases_Service(RDS)"), in the same order."""
    parts = re.split(r"__|/", source)
    candidates = []
    for part in [parts[-1], *names, *reversed(parts[:-1])]:
        name = re.sub(r"^[\d\s._-]*(?:module|chapter|section|lesson)?[\d\s._-]*", "", part, flags=re.I)
        name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ").strip()  # "SecurityGroups", "iam_roles"
        if name and (slug := catalog.lookup(name)) and not catalog.is_ambiguous(name):
            # (a service's or a feature's file is about it; "Cloud Concepts.md" covers a dozen concepts)
            return slug if catalog.topics[slug].category != "cloud-concepts" else None
        candidates.append(name)
    for name in candidates:
        if name and len(found := catalog.find(name)) == 1 and catalog.topics[found[0]].category != "cloud-concepts":
            return found[0]
    return None


def assign(outline: Outline, catalog: Catalog, *, source: str = "") -> tuple[list[TopicSection], list[str]]:
    """Assign every section of ``outline`` to catalog topics.

    Returns the topic sections in document order and warnings (``source:line: ...``) for
    content that could not be placed under any topic.
    """
    assigner = _Assigner(catalog, source)
    assigner.headless = not any(s.title.strip() for s in outline.walk())
    # a note with no title of its own ("# ...") is titled by its file's name; so is one whose own titles name nothing
    # the catalog knows ("# Eastic File System" in "EFS.md")
    titles = [s.title for s in outline.walk() if re.match(r"#\s", s.raw_title.lstrip())]
    named = None
    if not any(catalog.find(title) or catalog.mentions(title) for title in titles):
        named = _file_topic(catalog, source, outline.names)
    assigner.visit(outline.sections, _Ctx((named,), 0) if named else None)
    return assigner.out, assigner.warnings


def _ends_a_tight_list(blocks: list[Block], i: int) -> bool:
    """Whether a bullet comes after a blank line that ends a list of bullets at its depth written line after line
    (the two items before it had no blank line between them)."""
    if i < 2:
        return False
    block, last, before = blocks[i], blocks[i - 1], blocks[i - 2]
    return (
        block.kind == "bullet"
        and last.kind == "bullet"
        and before.kind == "bullet"
        and last.depth == block.depth == before.depth
        and block.line > last.end_line + 1
        and last.line == before.end_line + 1
    )
