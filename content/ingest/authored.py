"""Cards and practice questions the author wrote in the notes, found before any other rule reads them.

* `Q: ... / A: ...`, `Question: ... / Answer: ...` and Obsidian `front::back` -> AuthorCard, as written.
* A practice question: a stem, two or more options (`A.`, `(b)`, `- [ ]`, `- [x]`), an answer line
  (`Answer: C`, `Correct answers: A, C`, `Ans - Glacier Deep Archive`) or ticked boxes, and an optional
  explanation -> AuthorQuestion, as written. "My answer: B" lines are the learner's slip, shown nowhere.

Plain line rules, linear in the file's length; what they claim is kept out of the ordinary blocks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from content.ingest.outline import AuthorCard, AuthorQuestion

_LEAD = r"^(?:[-*+•][ \t]+)?(?:\*\*|__)?"
_Q_LINE = re.compile(
    _LEAD + r"(?:Q|Question)(?:[ \t]*\d{1,3})?(?:\*\*|__)?[ \t]*[:.)][ \t]*(?:\*\*|__)?[ \t]*(?P<t>\S.*)$", re.I
)
_A_LINE = re.compile(_LEAD + r"(?:A|Ans|Answer)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(?P<t>\S.*)$", re.I)
_PAIR = re.compile(r"^(?:[-*+][ \t]+)?(?P<front>[^:`|<>]{3,200}?)[ \t]*:{2,3}[ \t]*(?P<back>[^:\s].*)$")
_OPTION = re.compile(r"^(?:[-*+•][ \t]+)?(?:\(?(?P<letter>[A-Ha-h])[.)][ \t]+|\[(?P<box>[ xX])\][ \t]+)(?P<t>\S.*)$")
_ANSWER = re.compile(
    _LEAD + r"(?:the[ \t]+)?(?:correct[ \t]+answers?|right[ \t]+answers?|answers?|ans|key|solution|correct|a)"
    r"(?:\*\*|__)?[ \t]*(?:is[ \t]+|are[ \t]+)?[:：=\-–—][ \t]*(?:\*\*|__)?[ \t]*(?P<t>\S.*)$",
    re.I,
)
_MINE = re.compile(
    _LEAD + r"(?:my[ \t]+(?:answer|choice|pick|guess|response)|i[ \t]+(?:chose|picked|answered|selected|said)"
    r"|your[ \t]+answer|answered)\b",
    re.I,
)
_EXPLAIN = re.compile(
    _LEAD + r"(?:explanation|reason|rationale|why)(?:\*\*|__)?"
    r"(?:[ \t]*[:：\-–—][ \t]*(?:\*\*|__)?[ \t]*(?P<t>.*)|[ \t]*)$",
    re.I,
)
_PLAIN_OPTION = re.compile(r"^[-*+•][ \t]+(?P<t>\S.*)$")
# "(my choice)", "[my answer]", "<- my pick": which option the learner chose, shown nowhere
_MY_MARK = re.compile(
    r"[ \t]*(?:[(\[][ \t]*(?:my (?:choice|answer|pick|guess)|chosen|i (?:chose|picked)(?: this| it)?)[ \t]*[)\]]"
    r"|<-+[ \t]*my (?:choice|answer|pick)\b.*$)",
    re.I,
)
_STEM_NUMBER = re.compile(r"^(?:[-*+][ \t]+)?(?:(?:Q|Question)[ \t]*\d{0,3}[ \t]*[:.)-]?|\d{1,3}[.)])[ \t]*", re.I)
_LETTERS = re.compile(r"^\(?([A-Ha-h])\)?(?:[ \t]*(?:,|&|and|/|\+)[ \t]*\(?([A-Ha-h])\)?)*(?=$|[ \t.:)\-–—,])")
_ASKS = re.compile(r"\b(?:which|what|select|choose|pick)\b", re.I)
_HTML_TAGS = re.compile(
    r"(?:\s*</?(?:details|summary|p|div|br|b|strong|em|span)\b[^<>]*>"
    r"(?:\s*(?:answer|solution|show answer)\s*</summary>)?)+\s*",
    re.I,
)
_ATX = re.compile(r"^#{1,6}[ \t]")
_MARKUP = re.compile(r"\*\*|__|`")


@dataclass
class Found:
    end: int  # index after the last line it claims (0-based)
    card: AuthorCard | None = None
    question: AuthorQuestion | None = None
    dropped: list[tuple[int, str]] = field(default_factory=list)  # (1-based line, reason)


def find_authored(lines: list[str], skip: list[bool]) -> dict[int, Found]:
    """Author cards and questions by the 0-based index of their first line. `lines` are stripped."""
    n = len(lines)
    out: dict[int, Found] = {}
    i = 0
    while i < n:
        if skip[i] or not lines[i]:
            i += 1
            continue
        found = _question_at(lines, skip, i) or _qa_at(lines, skip, i) or _pair_at(lines[i], i)
        if found is None:
            i += 1
            continue
        start = found[0]
        out[start] = found[1]
        i = found[1].end
    return out


def tidy(text: str) -> str:
    return re.sub(r"[ \t]+", " ", _MARKUP.sub("", text)).strip()


def _pair_at(line: str, i: int) -> tuple[int, Found] | None:
    m = _PAIR.match(line)
    if not m or "::" not in line or "arn:" in line.lower() or "http" in line.lower():
        return None
    front, back = tidy(m["front"]), tidy(m["back"].lstrip(":"))
    if len(front.split()) < 2 or not back:
        return None
    return i, Found(i + 1, card=AuthorCard(front, back, i + 1, i + 1))


def _qa_at(lines: list[str], skip: list[bool], i: int) -> tuple[int, Found] | None:
    q = _Q_LINE.match(lines[i])
    if not q:
        return None
    front = [q["t"]]
    j = i + 1
    while j < len(lines) and not skip[j] and lines[j] and not _A_LINE.match(lines[j]) and j - i <= 4:
        if _OPTION.match(lines[j]) or _Q_LINE.match(lines[j]):
            return None
        front.append(lines[j])
        j += 1
    if j >= len(lines) or skip[j] or not _A_LINE.match(lines[j]):
        return None
    back = [_A_LINE.match(lines[j])["t"]]
    k = j + 1
    while k < len(lines) and not skip[k] and lines[k] and not _Q_LINE.match(lines[k]) and not _ATX.match(lines[k]):
        back.append(lines[k])
        k += 1
    card = AuthorCard(tidy(" ".join(front)), tidy(" ".join(back)), i + 1, k)
    return i, Found(k, card=card)


def _question_at(lines: list[str], skip: list[bool], i: int) -> tuple[int, Found] | None:
    """`i` is the first line of a stem: options follow it, then an answer."""
    n = len(lines)
    # the stem: up to four lines, then the first option
    j = i
    plain = False  # options written as plain bullets under a stem that asks something
    while j < n and j - i < 4 and lines[j] and not skip[j] and not _OPTION.match(lines[j]):
        if _ATX.match(lines[j]) or _ANSWER.match(lines[j]):
            return None
        if j > i and _PLAIN_OPTION.match(lines[j]) and (lines[j - 1].rstrip().endswith("?") or _Q_LINE.match(lines[i])):
            plain = True
            break
        j += 1
    if j == i or j >= n or not lines[j] or skip[j] or not (plain or _OPTION.match(lines[j])):
        return None
    if any(_Q_LINE.match(lines[x]) for x in range(i + 1, j)):
        return None  # the stem starts further down, at its "Q:"; what is above it is a heading or a note
    stem = tidy(_STEM_NUMBER.sub("", " ".join(lines[i:j])))
    if len(stem.split()) < 3:
        return None
    options: list[str] = []
    ticked: list[int] = []
    letters: list[str] = []
    k = after_options = j
    dropped: list[tuple[int, str]] = []
    while k < n and not skip[k]:
        if not lines[k]:
            k += 1
            continue
        m = _PLAIN_OPTION.match(lines[k]) if plain else _OPTION.match(lines[k])
        if not m:
            break
        if plain:
            text, mine = _MY_MARK.subn("", m["t"])
            if mine:
                dropped.append((k + 1, "the learner's own answer"))
            options.append(tidy(text))
            k += 1
            after_options = k
            continue
        letter = (m["letter"] or "").lower()
        expected = chr(ord("a") + len(options))
        if m["letter"] and letter != expected:
            break
        if m["t"] and _MY_MARK.search(m["t"]):
            dropped.append((k + 1, "the learner's own answer"))
        if letters and (m["box"] is None) == (letters[0] == "box"):
            break  # a checkbox list does not continue a lettered one, nor the other way round
        if m["box"] and m["box"] in "xX":
            ticked.append(len(options))
        letters.append(letter or "box")
        options.append(tidy(_MY_MARK.sub("", m["t"])))
        k += 1
        after_options = k
    if len(options) < 2:
        return None
    k = after_options
    correct: list[int] = []
    answer_seen = False
    end = last = k
    while k < n and not skip[k] and k - end < 6:
        if not lines[k] or _HTML_TAGS.fullmatch(lines[k]):
            k += 1  # a blank line, or the <details><summary>Answer</summary> fold around the answer
            continue
        if _MINE.match(lines[k]):
            dropped.append((k + 1, "the learner's own answer"))
            k += 1
            last = k
            continue
        m = _ANSWER.match(lines[k])
        if m and not answer_seen:
            correct = _resolve(m["t"], options)
            answer_seen = True
            k += 1
            last = k
            continue
        break
    k = last
    if not answer_seen:
        correct = ticked
        if not correct or not (stem.endswith("?") or _STEM_NUMBER.match(lines[i]) or _ASKS.search(stem)):
            return None  # ticked boxes under a plain line are a to-do list
    if not correct:
        return None
    while k < n and not skip[k] and lines[k] and _HTML_TAGS.fullmatch(lines[k]):
        k += 1  # the closing </details> of the fold
    end = k
    explanation, explanation_line = [], 0
    while k < n and not lines[k] and k - end < 2 and k + 1 < n and _EXPLAIN.match(lines[k + 1]):
        k += 1  # "Explanation:" after a blank line still explains this question
    if k < n and not skip[k] and lines[k]:
        m = _EXPLAIN.match(lines[k])
        start = k
        if m or answer_seen:
            if m and m["t"]:
                explanation.append(m["t"])
            elif not m:
                explanation.append(lines[k])
            k += 1
            while k < n and not skip[k] and lines[k] and not _ATX.match(lines[k]) and not _OPTION.match(lines[k]):
                if _MINE.match(lines[k]):
                    dropped.append((k + 1, "the learner's own answer"))
                else:
                    explanation.append(lines[k])
                k += 1
            if explanation:
                explanation_line = start + 1
            end = k
    question = AuthorQuestion(
        stem=stem, options=options, correct=correct, line=i + 1, end_line=end,
        explanation=tidy(" ".join(explanation)), explanation_line=explanation_line,
    )  # fmt: skip
    return i, Found(end, question=question, dropped=dropped)


def _resolve(answer: str, options: list[str]) -> list[int]:
    """`C`, `A, C`, `C : Glacier Deep Archive`, `Glacier Deep Archive` -> option indices."""
    text = tidy(answer)
    m = _LETTERS.match(text)
    if m:
        picked = [ord(c.lower()) - ord("a") for c in re.findall(r"[A-Ha-h]", m.group(0))]
        if picked and all(p < len(options) for p in picked):
            return sorted(set(picked))
    low = _norm(text)
    exact = [k for k, o in enumerate(options) if _norm(o) == low]
    if exact:
        return exact
    return [k for k, o in enumerate(options) if _norm(o) and _norm(o) in low]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


# --- what ingest writes from them (plain values; content/services.py does the writing) -----------------

AUTHOR_FAMILY = "notes"  # Question.family of a practice question the notes wrote


class AuthoredItems:
    """The author's cards and questions of one ingest, as Flashcard and QuestionDraft values, never rewritten."""

    def __init__(self) -> None:
        self.cards: list[tuple[str, AuthorCard, list]] = []  # (topic, card, ref)
        self.questions: list[tuple[str, AuthorQuestion, str, int]] = []  # (topic, question, label, source id)

    def collect(self, ts, label: str, source_id: int) -> None:
        self.cards += [(ts.topic, c, [label, source_id, c.line]) for c in getattr(ts, "cards", ())]
        self.questions += [(ts.topic, q, label, source_id) for q in getattr(ts, "questions", ())]

    def card_drafts(self, topics: dict, position: int) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for topic, card, ref in self.cards:
            key = _key("author-card", topic, _norm(card.front))
            if key in out:
                if ref not in out[key]["refs"]:
                    out[key]["refs"].append(ref)
                continue
            out[key] = {
                "fact_id": None,
                "topic_id": topics[topic].pk,
                "kind": "author",
                "front": card.front,
                "back": card.back,
                "refs": [ref],
                "position": position + len(out),
            }
        return out

    def question_drafts(self, catalog, explain: OptionFacts | None = None) -> list:
        """The author's questions, stems and options as written; every option gets an explanation.

        The right option says why it is right: one checked sentence about it (OptionFacts: the definition of the
        topic it names, else a scenario family's fact), with the author's own explanation as its quote; wrong
        options say what they are for instead. The learner's first-person remarks ("that is why I chose it") are not an
        explanation and are left out, and an explanation that only talks about another option is not used
        for the right one.
        """
        from quizzes.generate import ChoiceDraft, QuestionDraft  # noqa: PLC0415

        explain = explain or OptionFacts(catalog)
        out, seen = [], set()
        for topic, q, label, source_id in self.questions:
            key = _key("author-question", _norm(q.stem), *map(_norm, q.options))
            if key in seen or len(q.correct) > 2:
                continue  # the model asks for one or two right answers
            seen.add(key)
            ref = [label, source_id, q.line]
            explanation_ref = [label, source_id, q.explanation_line] if q.explanation_line else ref
            author = impersonal(q.explanation)
            wrong = [text for k, text in enumerate(q.options) if k not in q.correct]
            right = [text for k, text in enumerate(q.options) if k in q.correct]
            if author and not any(_names(author, text) for text in right) and any(_names(author, t) for t in wrong):
                author = ""  # it explains the learner's wrong pick, not the answer
            facts = [explain.fact(text) for text in q.options]
            # One service's definition under several sentence options ("Give all IAM users ...") explains none
            # of them apart: it is kept only where it is the option's own
            facts = [
                f if f and (facts.count(f) == 1 or explain.names_one(t)) else None
                for f, t in zip(facts, q.options, strict=True)
            ]
            choices = []
            for k, text in enumerate(q.options):
                fact = facts[k]
                if k in q.correct:
                    said = fact or author
                    explanation = f"Correct. {said}" if said else "Correct: the answer the question gives."
                    quote = author if fact and author else ""
                    refs = [explanation_ref] if author else [ref]
                else:
                    explanation, quote, refs = (f"Not this one: {fact}" if fact else ""), "", [ref]
                choices.append(ChoiceDraft(option=chr(ord("a") + k), text=text, correct=k in q.correct,
                                           explanation=explanation, quote=quote, refs=refs))  # fmt: skip
            out.append(QuestionDraft(
                key=key, kind="multi" if len(q.correct) == 2 else "single", family=AUTHOR_FAMILY,
                requirement=_norm(q.stem)[:120], topic=topic, domain=catalog.topics[topic].domain, stem=q.stem,
                difficulty=2, choices=choices, related_topics=[topic],
            ))  # fmt: skip
        return out


# A sentence in the learner's own voice ("I picked B because...", "my mistake") explains their slip, not AWS.
_FIRST_PERSON = re.compile(r"\bI\b|\bI['’](?:m|ve|d|ll)\b|(?i:\b(?:me|my|mine|myself)\b)")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")
_FILLER = frozenset("amazon aws the a an".split())


def impersonal(text: str) -> str:
    """The explanation without the sentences written in the first person."""
    kept = [s for s in _SENTENCE_SPLIT.split(text or "") if s.strip() and not _FIRST_PERSON.search(s)]
    return " ".join(kept).strip()


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _FILLER]


def _names(text: str, option: str) -> bool:
    """Whether ``text`` names the option (all of its distinctive words, in order, as a phrase)."""
    words = _words(option)
    return bool(words) and len(words) <= 6 and re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b",
                                                          " ".join(_words(text))) is not None  # fmt: skip


def _stem(word: str) -> str:
    return word[:6]  # "balancer" and "balancing", "instances" and "instance"


@dataclass(frozen=True)
class _Named:
    words: frozenset[str]
    fact: str


class OptionFacts:
    """One checked sentence about an answer option that names one AWS thing, or None.

    From content/summary.toml's definition of the catalog topic the option names, else the scenario families
    (quizzes/families.toml: an option whose name holds the option's words; their facts are framed for the
    family). A sentence option ("Configure AWS Budgets to alert the team") gets the definition of the one
    service it names; one naming none or several gets none.
    """

    MAX_WORDS = 7

    def __init__(self, catalog) -> None:
        from content.summary import load_reference  # noqa: PLC0415
        from quizzes.families import load_families  # noqa: PLC0415

        self.catalog = catalog
        self.definitions = {slug: s.text for slug, s in load_reference().definitions.items()}
        families = load_families().values()
        self.options = [
            _Named(frozenset(_stem(w) for w in _words(o.name)), o.fact)
            for family in families
            for o in family.options.values()
            if o.fact
        ]
        self._cache: dict[str, str | None] = {}

    def fact(self, option: str) -> str | None:
        if option not in self._cache:
            self._cache[option] = self._find(option)
        return self._cache[option]

    def _find(self, option: str) -> str | None:
        words = {_stem(w) for w in _words(option)}
        if not words:
            return None
        if len(words) <= self.MAX_WORDS:
            # The catalog topic the option names, when it is one thing: not a set named in the plural ("Glacier"
            # is an alias of the S3 storage classes, whose definition says nothing of Glacier itself)
            slug = self.catalog.lookup(option) or self.catalog.lookup(" ".join(_words(option)))
            if slug and not self._a_set_by_another_name(slug, words) and slug in self.definitions:
                return self.definitions[slug]
            # Else a family option whose name holds every word of the option; when several do ("AWS Shield" in
            # Shield Standard and Shield Advanced), only the one whose name is exactly the option's words
            fits = [o for o in self.options if words <= o.words]
            exact = [o for o in fits if o.words == words]
            if exact or len({o.words for o in fits}) == 1:
                return (exact or fits)[0].fact
        # A sentence, or a name with more to it ("IAM user groups"): what the one AWS service it names is for
        named = [s for s in self.catalog.mentions(option) if not self._a_set_by_another_name(s, words)]
        return self.definitions.get(named[0]) if len(named) == 1 else None

    def names_one(self, option: str) -> bool:
        """Whether the option is a name (a few words), not a sentence."""
        return 0 < len(_words(option)) <= self.MAX_WORDS

    def _a_set_by_another_name(self, slug: str, words: set[str]) -> bool:
        name = self.catalog.topics[slug].name
        last = name.split()[-1].lower()
        plural = last.endswith("s") and not last.endswith(("ss", "us", "is"))
        return plural and words != {_stem(w) for w in _words(name)}


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]
