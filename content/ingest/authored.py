"""Cards and practice questions the author wrote in the notes, found before any other rule reads them.

* `Q: ... / A: ...`, `Question: ... / Answer: ...`, Anki's `Front: ... / Back: ...` and Obsidian `front::back`
  -> AuthorCard, as written.
* A practice question: a stem, two or more options (`A.`, `(b)`, `- [ ]`, `- [x]`), an answer line
  (`Answer: C`, `Correct answers: A, C`, `Ans - Glacier Deep Archive`) or ticked boxes, and an optional
  explanation -> AuthorQuestion, as written. "My answer: B" lines are the learner's slip, shown nowhere.

Plain line rules, linear in the file's length; what they claim is kept out of the ordinary blocks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from content.ingest.facts.text import IMPERATIVE
from content.ingest.outline import AuthorCard, AuthorQuestion
from content.ingest.spelling import respell_services

_LEAD = r"^(?:[-*+•][ \t]+)?(?:\*\*|__)?"
_Q_LINE = re.compile(
    _LEAD + r"(?:Q|Question|Front)(?:[ \t]*\d{1,3})?(?:\*\*|__)?[ \t]*[:.)][ \t]*(?:\*\*|__)?[ \t]*(?P<t>\S.*)$", re.I
)  # ("Front:" / "Back:" is how Anki names a card's two sides)
_A_LINE = re.compile(_LEAD + r"(?:A|Ans|Answer|Back)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(?P<t>\S.*)$", re.I)
_PAIR = re.compile(r"^(?:[-*+][ \t]+)?(?P<front>[^:`|<>]{3,200}?)[ \t]*:{2,3}[ \t]*(?P<back>[^:\s].*)$")
_OPTION = re.compile(
    r"^(?:[-*+•][ \t]+)?(?:\(?(?P<letter>[A-Ha-h])[.)][ \t]+|\[(?P<box>[ xX])\][ \t]+(?:\(?[A-H][.)][ \t]+)?)"
    r"(?P<t>\S.*)$"
)  # (a checkbox's own letter, "- [ ] A. Simple Routing Policy", is scaffolding, not the option's text)
_ANSWER = re.compile(
    _LEAD + r"(?:the[ \t]+)?(?:correct[ \t]+answers?|right[ \t]+answers?|answers?|ans|key|solution|correct|a)"
    r"(?:\*\*|__)?[ \t]*(?:is[ \t]+|are[ \t]+)?[:：=\-–—][ \t]*(?:\*\*|__)?[ \t]*(?P<t>\S.*)$",
    re.I,
)
ANSWER_LINE = _ANSWER  # what the parser's repeat remover leaves for the question reader to judge
_MINE = re.compile(
    _LEAD + r"(?:my[ \t]+(?:answer|choice|pick|guess|response)|i[ \t]+(?:chose|picked|answered|selected|said)"
    r"|your[ \t]+answer|answered)\b",
    re.I,
)
_EXPLAIN = re.compile(
    _LEAD + r"(?:explanations?|explained|reason|rationale|why)(?:\*\*|__)?"
    r"(?:[ \t]*[:：\-–—][ \t]*(?:\*\*|__)?[ \t]*(?P<t>.*)|[ \t]*)$",
    re.I,
)
_PLAIN_OPTION = re.compile(r"^[-*+•][ \t]+(?P<t>\S.*)$")
_IN_BOLD = re.compile(r"^(?:\*\*|__)(?P<t>\S.*?\S)(?:\*\*|__)$")  # a whole line in bold: "**B. Amazon S3**"


def _option(line: str) -> tuple[re.Match | None, bool]:
    """A lettered or checkbox option, and whether the author wrote it in bold (the way some quiz files mark the key)."""
    if bold := _IN_BOLD.match(line):
        m = _OPTION.match(bold["t"])
        return m, m is not None
    return _OPTION.match(line), False


# "(my choice)", "[my answer]", "<- my pick": which option the learner chose, shown nowhere
_MY_MARK = re.compile(
    r"[ \t]*(?:[(\[][ \t]*(?:my (?:choice|answer|pick|guess)|chosen|i (?:chose|picked)(?: this| it)?)[ \t]*[)\]]"
    r"|<-+[ \t]*my (?:choice|answer|pick)\b.*$)",
    re.I,
)
_STEM_NUMBER = re.compile(
    r"^(?:[-*+][ \t]+)?(?:(?:Question|Q(?![a-z]))[ \t]*\d{0,3}[ \t]*[:.)-]?|\d{1,3}[.)])[ \t]*", re.I
)  # ("Question:" whole, not its "Q"; "Quick ..." is no label)
_LETTERS = re.compile(
    r"^\(?([A-Ha-h])\)?(?:[ \t]*(?:,[ \t]*(?:and|&)|,|&|and|/|\+)[ \t]*\(?([A-Ha-h])\)?)*(?=$|[ \t.:)\-–—,])"
)  # ("B, C, and E": the last letter after a comma and "and")
_ASKS = re.compile(r"\b(?:which|what|select|choose|pick)\b", re.I)
# the title of the fold an answer hides under: "<summary>Click to reveal</summary>", "<summary>Show answer</summary>"
_FOLD_TITLE = re.compile(r"\s*<summary[^<>]*>[^<>]{0,40}</summary>\s*", re.I)
_HTML_TAGS = re.compile(
    r"(?:\s*</?(?:details|summary|p|div|br|b|strong|em|span)\b[^<>]*>"
    r"(?:\s*(?:answer|solution|show answer)\s*</summary>)?)+\s*",
    re.I,
)
_ATX = re.compile(r"^#{1,6}[ \t]")
_ANY_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_INPUT = re.compile(r"<input\b[^<>]*\btype\s*=\s*[\"']?(?:checkbox|radio)\b[^<>]*>", re.I)
# "#### Q. Which service ...?": a quiz file's stem written as a heading (only one that asks something)
_HEADED_STEM = re.compile(
    r"^#{1,6}[ \t]+(?:(?:Q|Question)[ \t]*\d{0,3}[ \t]*[:.)\-][ \t]*)?(?P<t>[^#].*\?)[ \t]*#*$", re.I
)
# "**AWS CloudTrail (Config records settings)**": the answer as a bold line, the option as written, an aside after it
_BOLD_ANSWER = re.compile(r"^(?:\*\*|__)(?P<t>[^*_].*?)(?:\*\*|__)$")
_OPTION_LETTER = re.compile(r"^\(?[A-Ha-h][.)][ \t]*(?=\S)")
_SEE_CHAPTER = re.compile(
    r"\s*\(?\b(?:see|refer to|read)\s+(?:chapter|ch\.|section|module|lesson)\s*\d+[^.)]*[.)]?", re.I
)
_ARROW_NOTE = re.compile(r"\s+(?:-+>|→|=>)\s+.*$")
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
    if any("<input" in line.lower() for line in lines):
        lines = _html_options(lines)
    keys, key_blocks = answer_key(lines, skip)
    keyed: set[int] = set()  # the numbers of the questions the key answered
    explained: dict[tuple[str, tuple[int, ...]], int] = {}  # an answer with its reason -> the line it was first given
    for start, end in key_blocks:
        out[start] = Found(end, dropped=[(k + 1, "the answer key of the file's questions") for k in range(start, end)])
    skip = list(skip)
    for start, end in key_blocks:
        skip[start:end] = [True] * (end - start)
    i = 0
    while i < n:
        if i in out:
            i = out[i].end
            continue
        if skip[i] or not lines[i]:
            i += 1
            continue
        found = _question_at(lines, skip, i, keys, keyed) or _qa_at(lines, skip, i) or _pair_at(lines[i], i)
        if found is None:
            i += 1
            continue
        start = found[0]
        question = found[1].question
        if question is not None and len(question.explanation.split()) >= 6:
            said = (_norm(question.explanation), tuple(question.correct))
            if said in explained:
                # the answer and its reason word for word as an earlier question's: pasted from it, so its key is
                # no key to this question; the question is reported, not published
                found = (start, Found(found[1].end, dropped=[
                    (start + 1, f"practice question whose answer repeats line {explained[said]}'s word for word (a "
                                "copy slip): its key cannot be trusted")]))  # fmt: skip
            else:
                explained[said] = question.explanation_line or start + 1
        out[start] = found[1]
        i = found[1].end
    if not keyed:
        for start, _ in key_blocks:
            del out[start]  # letters by numbers that answer no question here: a list like any other
    return out


_WHAT_IS = re.compile(r"^(?:what|who)\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<x>[^?]{2,60}?)\s*\??$", re.I)
_WHAT_DOES = re.compile(r"^what\s+(?:does|do)\s+(?:an?\s+|the\s+)?(?P<x>[^?]{2,60}?)\s+do\s*\??$", re.I)
_WHICH = re.compile(r"^which\s+(?:aws\s+)?(?:service|tool|feature|option)\s+(?P<rest>[a-z][^?]{5,150}?)\s*\??$", re.I)


def card_as_line(front: str, back: str) -> str | None:
    """An author's card as the statement it teaches, for quoting: "What is Site-to-Site VPN?" / "An encrypted
    connection ..." as "Site-to-Site VPN: An encrypted connection ..." ("What does X do?" likewise), "Which service
    monitors CPU metrics?" / "CloudWatch" as "CloudWatch monitors CPU metrics."; None for any other card."""
    back = back.strip()
    if not back or len(back) > 300:
        return None
    if m := _WHAT_IS.match(front.strip()) or _WHAT_DOES.match(front.strip()):
        return f"{m['x']}: {back[:1].upper()}{back[1:]}"  # ("What does weighted routing do?" / "Allows you to ...")
    if (m := _WHICH.match(front.strip())) and len(back.split()) <= 5 and not back.endswith("?"):
        return f"{back.rstrip('.')} {m['rest']}."
    return None


def tidy(text: str) -> str:
    """Question text as the learner reads it: no emphasis marks, no HTML tag (note text is untrusted), no pointer to
    a book's chapter ("See Chapter 11"), which explains nothing; Obsidian's highlights and wikilinks read as their
    words, as on a topic page."""
    from content.ingest.parse import tidy_markup  # noqa: PLC0415 (parse reads the author's cards with this module)

    text = _ANY_TAG.sub(" ", _MARKUP.sub("", tidy_markup(text)))
    return re.sub(r"[ \t]+", " ", _SEE_CHAPTER.sub("", text)).strip()


def _html_options(lines: list[str]) -> list[str]:
    """The lines with HTML form options read as options: `- <input type="checkbox" checked> B. text` as `- [x] B.`
    is not wanted, so a lettered one becomes `- B. text` (ticked ones `- [x] text`), an unlettered one `- [ ] text`;
    an option's text that runs onto the next line (`... growing user` / `demand </input>`) is joined to it."""
    out = list(lines)
    for i, line in enumerate(lines):
        m = _INPUT.search(line)
        if not m:
            continue
        rest = _ANY_TAG.sub(" ", line[m.end() :]).strip()
        lead = "- " if re.match(r"^[-*+•]", line) else ""
        if re.search(r"\bchecked\b", m.group(0), re.I):
            rest = "[x] " + _OPTION_LETTER.sub("", rest)
        elif not _OPTION_LETTER.match(rest):
            rest = "[ ] " + rest
        out[i] = lead + rest
        nxt = i + 1
        if (
            nxt < len(lines)
            and lines[nxt]
            and not _INPUT.search(lines[nxt])
            and not lines[nxt].startswith("<")
            and not _ANSWER.match(lines[nxt])
            and not _OPTION.match(lines[nxt])
            and not _PLAIN_OPTION.match(lines[nxt])
        ):
            out[i] = f"{out[i]} {_ANY_TAG.sub(' ', lines[nxt]).strip()}"
            out[nxt] = ""
    return out


_SAYS_SOMETHING = re.compile(r"[^\W_]")  # a letter or a digit
# a name glued to the next by "::" in code: a template function ("Fn::GetAtt") or "Word::CamelCase" (both sides
# one token, the right one with a capital inside it: "Fn::ImportValue", "Type::SubType")
_CODE_PATH = re.compile(
    r"(?<![\w:])(?:Fn|AWS|Alexa|Custom)::[A-Z]\w*|(?<![\w:])[A-Z]\w*::[A-Z][a-z0-9]+[A-Z]\w*(?![\w:])"
)
_IPV6 = re.compile(r"(?:^|[\s(])(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4})?/\d{1,3}\b", re.I)  # an IPv6 prefix


def _pair_at(line: str, i: int) -> tuple[int, Found] | None:
    m = _PAIR.match(line)
    if not m or "::" not in line or "arn:" in line.lower() or "http" in line.lower():
        return None
    if re.search(r"\w::\w+::\w", line):
        return None  # "AWS::Serverless::Function": a resource type's path, not a front and its back
    if _CODE_PATH.search(line):
        return None  # "Ref & Fn::GetAtt", "!Fn::ImportValue": a template function's name, not a front and its back
    if _IPV6.search(line):
        return None  # "(0.0.0.0/0 for IPv4, ::/0 for IPv6)", "from the FE80::/10 block": an address, not a pair
    front, back = tidy(m["front"]), tidy(m["back"].lstrip(":"))
    if len(re.sub(r"^\d{1,3}[.)]\s*", "", front).split()) < 2 or not _SAYS_SOMETHING.search(back):
        return None  # (a list number is no word of the front: "1. AWS"; "Memory optimized ::->" has no answer)
    return i, Found(i + 1, card=AuthorCard(front, back, i + 1, i + 1))


_ASKED_LINE = re.compile(r"^(?:[-*+•][ \t]+)?(?:\d{1,3}[.)][ \t]+)?(?:\*\*|__)?(?P<t>[A-Z][^?]{4,200}\?)(?:\*\*|__)?$")


# "- Which service ...?" with "+ AWS Config" right under it: a flash card written as a bullet and a "+" bullet
_ASKED_BULLET = re.compile(
    r"^[-*•][ \t]+(?P<t>(?:(?:what|which|who|how|why|when|where|is|are|can|does|do|true or false)\b.{8,300}"
    r"|.{8,300}\?))$",
    re.I,
)
_PLUS_ANSWER = re.compile(r"^\+[ \t]+(?P<t>\S.*)$")


def _bullet_card_at(lines: list[str], skip: list[bool], i: int) -> tuple[int, Found] | None:
    asked = _ASKED_BULLET.match(lines[i])
    nxt = i + 1
    if not asked or nxt >= len(lines) or skip[nxt] or not (answer := _PLUS_ANSWER.match(lines[nxt])):
        return None
    back = [answer["t"]]
    k = nxt + 1
    while k < len(lines) and not skip[k] and (more := _PLUS_ANSWER.match(lines[k])):
        back.append(more["t"])  # an answer in two "+" bullets
        k += 1
    return i, Found(k, card=AuthorCard(tidy(asked["t"]), tidy("; ".join(back)), i + 1, k))


def _qa_at(lines: list[str], skip: list[bool], i: int) -> tuple[int, Found] | None:
    q = _Q_LINE.match(lines[i])
    if not q and (card := _bullet_card_at(lines, skip, i)):
        return card
    if not q:
        # "3. What is AWS Config?" with "- Answer: Resource configuration tracking." right under it
        asked = _ASKED_LINE.match(lines[i])
        nxt = i + 1
        answer = _A_LINE.match(lines[nxt]) if asked and nxt < len(lines) and not skip[nxt] else None
        if not answer or _LETTERS.fullmatch(tidy(answer["t"]).rstrip(".")) or len(answer["t"].split()) < 2:
            return None  # ("Answer: B" keys a question whose options are elsewhere: no card)
        card = AuthorCard(tidy(asked["t"]), tidy(answer["t"]), i + 1, nxt + 1)
        return i, Found(nxt + 1, card=card)
    front = [q["t"]]
    j = i + 1
    while j < len(lines) and not skip[j] and lines[j] and not _A_LINE.match(lines[j]) and j - i <= 4:
        if _OPTION.match(lines[j]) or _Q_LINE.match(lines[j]):
            return None
        front.append(lines[j])
        j += 1
    if j + 1 < len(lines) and not lines[j] and not skip[j + 1] and _A_LINE.match(lines[j + 1]):
        j += 1  # "Front: ..." and "Back: ..." a blank line apart
    if j >= len(lines) or skip[j] or not _A_LINE.match(lines[j]):
        return None
    back = [_A_LINE.match(lines[j])["t"]]
    k = j + 1
    while k < len(lines) and not skip[k] and lines[k] and not _Q_LINE.match(lines[k]) and not _ATX.match(lines[k]):
        back.append(lines[k])
        k += 1
    card = AuthorCard(tidy(" ".join(front)), tidy(" ".join(back)), i + 1, k)
    return i, Found(k, card=card)


# An answer key gathered at the end of a mock exam: a table of `| Q# | Answer |` pairs (often several pairs a row),
# or a run of lines like `1. B`, `2) B, E`, `Q3: C`, `4 - D (see note)`.
_KEY_HEADER_NUMBER = re.compile(r"^(?:q|q\s*#|q\s*no\.?|#|no\.?|num(?:ber)?|question(?:\s*(?:#|no\.?|number))?)$", re.I)
_KEY_HEADER_ANSWER = re.compile(r"^(?:ans(?:wer)?s?|key|correct(?:\s+answers?)?|solution)$", re.I)
_KEY_LINE = re.compile(
    r"^(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+)?(?:\*\*|__)?(?:Q(?:uestion)?[ \t]*)?(?P<n>\d{1,3})(?:\*\*|__)?[ \t]*"
    r"[.):=\-–—][ \t]*(?:\*\*|__)?(?:(?:correct[ \t]+)?answers?[ \t]*(?:is[ \t]*)?[:\-–—]?[ \t]*)?(?:\*\*|__)?"
    r"(?P<a>[A-Ha-h](?:[ \t]*(?:,|&|and|/|\+)[ \t]*[A-Ha-h])*)(?:\*\*|__)?(?:[ \t]*\([^)]*\))?"
    r"(?:[ \t]*$|[ \t]*[.):\-–—][ \t]*(?:\*\*|__)?[ \t]*(?P<why>\S.*)$)",  # "3. B - Config records changes ..."
    re.I,
)
_QUESTION_LABEL = re.compile(
    r"^(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:Q|Question|Problem)[ \t]*#?[ \t]*(?P<n>\d{1,3})(?:\*\*|__)?[ \t:.)]*$", re.I
)


def _cells(line: str) -> list[str]:
    return [tidy(c) for c in line.strip().strip("|").split("|")]


def answer_key(lines: list[str], skip: list[bool]) -> tuple[dict[int, tuple[str, str, int]], list[tuple[int, int]]]:
    """A file's answer key, as question number -> (answer ("B", "B, E"), its reason or "", the reason's 1-based
    line), and the (start, end) line ranges it takes.

    A table qualifies when its header pairs a number column with an answer column (`| Q# | Answer | Q# | Answer |`);
    a run of three or more `1. B` lines qualifies on its own. Either is the key only where its answers are letters."""
    keys: dict[int, tuple[str, str, int]] = {}
    blocks: list[tuple[int, int]] = []
    n, i = len(lines), 0
    while i < n:
        if skip[i] or not lines[i]:
            i += 1
            continue
        line = lines[i]
        if line.startswith("|") and i + 1 < n and re.match(r"^\|?[\s:|-]+\|?$", lines[i + 1]) and "-" in lines[i + 1]:
            head = _cells(line)
            pairs = [
                k for k in range(0, len(head) - 1, 2)
                if _KEY_HEADER_NUMBER.match(head[k]) and _KEY_HEADER_ANSWER.match(head[k + 1])
            ]  # fmt: skip
            end = i + 2
            while end < n and lines[end].startswith("|"):
                end += 1
            if pairs:
                found: dict[int, tuple[str, str, int]] = {}
                for row in lines[i + 2 : end]:
                    cells = _cells(row)
                    for k in pairs:
                        if k + 1 < len(cells) and cells[k].isdigit() and _LETTERS.match(cells[k + 1]):
                            found[int(cells[k])] = (cells[k + 1], "", 0)
                if len(found) >= 2:
                    keys.update(found)
                    blocks.append((i, end))
            i = end
            continue
        if _KEY_LINE.match(line):
            # a run of key lines, each perhaps with its reason on the lines after it (up to the next key line)
            end, found, gap, current = i, {}, 0, None
            while end < n and gap <= 6 and not (_ATX.match(lines[end]) and not _KEY_LINE.match(lines[end])):
                m = _KEY_LINE.match(lines[end]) if lines[end] else None
                if m:
                    current = int(m["n"])
                    found[current] = (m["a"], m["why"] or "", end + 1)
                    gap = 0
                elif lines[end] and current is not None and not _OPTION.match(lines[end]):
                    a, why, at = found[current]
                    found[current] = (a, f"{why} {tidy(lines[end])}".strip(), at)  # the reason goes on
                    gap += 1
                elif lines[end]:
                    break
                end += 1
            while end > i and not lines[end - 1]:
                end -= 1
            if len(found) >= 3:
                keys.update(found)
                blocks.append((i, end))
            i = max(end, i + 1)
            continue
        i += 1
    return keys, blocks


def _number_of(lines: list[str], i: int) -> int | None:
    """The number a question is known by: on its stem ("12. Which ...", "Q12: ...") or on the label just above it
    ("### Question 12")."""
    m = re.match(r"^(?:[-*+][ \t]+)?(?:\*\*|__)?(?:Q(?:uestion)?[ \t]*)?(\d{1,3})[ \t]*[:.)-]", lines[i], re.I)
    if m:
        return int(m.group(1))
    for j in range(i - 1, max(-1, i - 3), -1):
        if not lines[j]:
            continue
        label = _QUESTION_LABEL.match(lines[j])
        return int(label["n"]) if label else None
    return None


def _question_at(
    lines: list[str],
    skip: list[bool],
    i: int,
    keys: dict[int, tuple[str, str, int]] | None = None,
    keyed: set[int] | None = None,
) -> tuple[int, Found] | None:
    """`i` is the first line of a stem: options follow it, then an answer (or the file's answer key gives it)."""
    n = len(lines)
    found = _stem_at(lines, skip, i)
    if found is None:
        return None
    stem, j, plain = found
    if len(stem.split()) < 3:
        return None
    options: list[str] = []
    ticked: list[int] = []
    letters: list[str] = []
    in_bold: list[int] = []  # options the author wrote in bold
    k = after_options = j
    dropped: list[tuple[int, str]] = []
    while k < n and not skip[k]:
        if not lines[k]:
            k += 1
            continue
        m, bold = (_PLAIN_OPTION.match(lines[k]), False) if plain else _option(lines[k])
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
        if bold:
            in_bold.append(len(options))
        letters.append(letter or "box")
        options.append(tidy(_MY_MARK.sub("", m["t"])))
        k += 1
        after_options = k
    if len(options) < 2:
        return None
    if not ticked and 0 < len(in_bold) < len(options):
        ticked = in_bold  # "**B. ...**" among plain options: the key, as ticked boxes are (every option bold: emphasis)
    # "Amazon S3 -> regional": the learner's note of what each option is, which would give the answer away
    if sum(bool(_ARROW_NOTE.search(o)) for o in options) * 2 >= len(options):
        options = [_ARROW_NOTE.sub("", o) for o in options]
        dropped.append((j + 1, "the learner's notes on the options"))
    k = after_options
    correct: list[int] = []
    answer_seen = False
    answer_reason = ""
    end = last = k
    while k < n and not skip[k] and k - end < 6:
        if not lines[k] or _HTML_TAGS.fullmatch(lines[k]) or _FOLD_TITLE.fullmatch(lines[k]):
            k += 1  # a blank line, or the <details><summary>Answer</summary> fold around the answer
            continue
        if _MINE.match(lines[k]):
            dropped.append((k + 1, "the learner's own answer"))
            k += 1
            last = k
            continue
        if plain and not answer_seen and (bold := _bold_answer(lines[k], options)):
            correct, aside = bold  # "**DMS (Database Migration Service)**" under plain bullet options
            answer_seen = True
            if len(aside.split()) >= 4:
                answer_reason = aside
            k += 1
            last = k
            continue
        m = _ANSWER.match(lines[k])
        if m and not answer_seen:
            correct = _resolve(m["t"], options)
            answer_seen = True
            said = _LETTERS.match(tidy(m["t"]))
            if said and len(correct) == 1 and not _HTML_TAGS.fullmatch(lines[k]):
                # "Correct answer: A. A scalable deployment grows ...": the reason follows the letter
                reason = tidy(m["t"])[said.end() :].lstrip(" .:)-–—")
                if len(reason.split()) >= 4 and _norm(reason) != _norm(options[correct[0]]):
                    answer_reason = reason
            k += 1
            last = k
            continue
        break
    k = last
    key_reason = ("", 0)
    if not answer_seen and not ticked and keys and (number := _number_of(lines, i)) in keys:
        letters, why, at = keys[number]
        correct = _resolve(letters, options)  # the answer key at the end of the file gives it, perhaps with a reason
        answer_seen = bool(correct)
        if answer_seen and keyed is not None:
            keyed.add(number)
        if answer_seen and len(why.split()) >= 4:
            key_reason = (why, at)
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
            if m and not m["t"]:
                while k < n and not lines[k] and k - start < 3:
                    k += 1  # "**Explained**", a blank line, then the reason
            while k < n and not skip[k] and lines[k] and not _ATX.match(lines[k]) and not _OPTION.match(lines[k]):
                if _ANY_TAG.fullmatch(lines[k]) or not tidy(lines[k]):
                    pass  # the closing </details> or </br> of the fold
                elif _MINE.match(lines[k]):
                    dropped.append((k + 1, "the learner's own answer"))
                else:
                    explanation.append(lines[k])
                k += 1
            if explanation:
                explanation_line = start + 1
            end = k
    if answer_reason:
        explanation.insert(0, answer_reason)
        explanation_line = explanation_line or last
    if key_reason[0] and not explanation:
        explanation, explanation_line = [key_reason[0]], key_reason[1]
    if len(correct) == len(options):
        # every option ticked ("what are two tasks ...?" with only the two answers written): no question to ask, but
        # a card the author wrote, its answers as its back
        back = "; ".join(o.rstrip(". ") for o in options) + "."
        return i, Found(end, card=AuthorCard(stem, back, i + 1, end), dropped=dropped)
    question = AuthorQuestion(
        stem=stem, options=options, correct=correct, line=i + 1, end_line=end,
        explanation=tidy(" ".join(explanation)), explanation_line=explanation_line,
    )  # fmt: skip
    return i, Found(end, question=question, dropped=dropped)


# "**Question**", "Question:", "Q3": a label over the stem, which may run to paragraphs
_BARE_LABEL = re.compile(r"^(?:\*\*|__)?(?:Q|Question)[ \t]*\d{0,3}[ \t]*[:.)]?[ \t]*(?:\*\*|__)?$", re.I)


def _stem_under_label(lines: list[str], skip: list[bool], i: int) -> tuple[str, int] | None:
    """Under a bare "Question" label, the stem's paragraphs (a scenario, then what it asks; up to six lines, blank
    lines between) up to the first lettered option: the stem and the option's index."""
    if not _BARE_LABEL.match(lines[i]):
        return None
    n, j, parts, blanks = len(lines), i + 1, [], 0
    while j < n and not skip[j] and len(parts) <= 6:
        if not lines[j]:
            blanks += 1
            if blanks > 2:
                return None
        elif _option(lines[j])[0]:
            break
        elif _ATX.match(lines[j]) or _ANSWER.match(lines[j]) or _BARE_LABEL.match(lines[j]):
            return None
        else:
            parts.append(lines[j])
            blanks = 0
        j += 1
    if not parts or j >= n or skip[j] or not _option(lines[j])[0]:
        return None
    return tidy(" ".join(parts)), j


def _stem_at(lines: list[str], skip: list[bool], i: int) -> tuple[str, int, bool] | None:
    """The stem that starts at `i`, the index of its first option, and whether the options are plain bullets: up to
    four lines then the first option, a heading that asks, or a bare "Question" label over paragraphs."""
    if _BARE_LABEL.match(lines[i]):
        labelled = _stem_under_label(lines, skip, i)
        return (*labelled, False) if labelled else None
    n = len(lines)
    j = i
    plain = False  # options written as plain bullets under a stem that asks something
    headed = _HEADED_STEM.match(lines[i])  # the stem is the heading alone, its options right under it
    while j < n and j - i < 4 and lines[j] and not skip[j] and not _option(lines[j])[0]:
        if (_ATX.match(lines[j]) and not (headed and j == i)) or _ANSWER.match(lines[j]):
            return None
        if j > i and _PLAIN_OPTION.match(lines[j]) and (lines[j - 1].rstrip().endswith("?") or _Q_LINE.match(lines[i])):
            plain = True
            break
        j += 1
    stem_end = j
    if (
        j > i
        and j + 1 < n
        and not lines[j]
        and (_STEM_NUMBER.match(lines[i]) or lines[j - 1].rstrip(" *_").endswith("?"))
        and _option(lines[j + 1])[0]
    ):
        j += 1  # "3. Which ...?" (or any stem that asks), a blank line, then its options
    if j == i or j >= n or not lines[j] or skip[j] or not (plain or _option(lines[j])[0]):
        return None
    if any(_Q_LINE.match(lines[x]) for x in range(i + 1, j)):
        return None  # the stem starts further down, at its "Q:"; what is above it is a heading or a note
    if headed and stem_end > i + 1:
        return None
    return tidy(headed["t"] if headed else _STEM_NUMBER.sub("", " ".join(lines[i:stem_end]))), j, plain


def _bold_answer(line: str, options: list[str]) -> tuple[list[int], str] | None:
    """A bold line that is one of the options as written, perhaps with an aside in brackets after it ("**RedShift
    (RDS can do OLAP too)**"): the key and the aside. Any other bold line is no answer."""
    bold = _BOLD_ANSWER.match(line)
    if not bold:
        return None
    text = tidy(bold["t"])
    for k, option in sorted(enumerate(options), key=lambda ko: -len(ko[1])):
        if _norm(text) == _norm(option):
            return [k], ""
        if text.lower().startswith(option.lower()) and (aside := re.fullmatch(r"\s*\((.+)\)\s*", text[len(option) :])):
            return [k], tidy(aside[1])
    return None


def _resolve(answer: str, options: list[str]) -> list[int]:
    """`C`, `A, C`, `C : Glacier Deep Archive`, `Glacier Deep Archive` -> option indices."""
    text = tidy(answer)
    m = _LETTERS.match(text)
    if m:
        picked = [ord(c.lower()) - ord("a") for c in re.findall(r"(?<![A-Za-z])[A-Ha-h](?![A-Za-z])", m.group(0))]
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
        self.given_away: list[tuple[str, int, str]] = []  # (label, line, the telling word) of unpublished questions

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

    def question_drafts(self, catalog, explain: OptionFacts | None = None, lines: dict | None = None) -> list:
        """The author's questions, stems and options as written; every option gets an explanation.

        The right option says why it is right: one checked sentence about it (OptionFacts: the definition of the
        topic it names, else a scenario family's fact), with the author's own explanation as its quote; wrong
        options say what they are for instead. The learner's first-person remarks ("that is why I chose it") are not an
        explanation and are left out, and an explanation that only talks about another option is not used
        for the right one.
        """
        from quizzes.evidence import clean_quote, entries_by_label, entry_named, line_about  # noqa: PLC0415
        from quizzes.generate import ChoiceDraft, QuestionDraft, giveaway_words  # noqa: PLC0415

        explain = explain or OptionFacts(catalog)
        entries = entries_by_label(lines or {})  # the notes' glossary-like lines, for options no page opens with
        out, seen = [], set()
        for topic, q, label, source_id in self.questions:
            key = _key("author-question", _norm(q.stem), *map(_norm, q.options))
            if key in seen or len(q.correct) > 2:
                continue  # the model asks for one or two right answers
            if any(catalog.topics[t].discontinued for k in q.correct for t in catalog.mentions(q.options[k])):
                continue  # its key is a service AWS has ended or closed to new customers: no right answer today
            seen.add(key)
            right = [q.options[k] for k in q.correct]
            wrong = [o for k, o in enumerate(q.options) if k not in q.correct]
            names = all(len(o.split()) <= 5 for o in q.options)  # options that are names, not sentences
            if names and (telling := giveaway_words(q.stem, right, wrong)):
                # "store a secret password ... ?" with AWS Secrets Manager the only option that says "secret": the
                # stem names its key; published, it tests reading, not knowing
                self.given_away.append((label, q.line, min(telling)))
                continue
            ref = [label, source_id, q.line]
            explanation_ref = [label, source_id, q.explanation_line] if q.explanation_line else ref
            author = impersonal(q.explanation)
            # a misspelt service name shows in the catalog's spelling ("Amazon Athen", "DynamoDb"), as on the pages
            stem, options = respell_services(q.stem), [respell_services(o) for o in q.options]
            choices = []
            for k, (text, (said, quote, from_author)) in enumerate(
                zip(options, explain_options(stem, options, q.correct, author, explain,
                                             explain.definitions.get(topic, ""),
                                             explain.stem_definitions(stem, topic)), strict=True)
            ):  # fmt: skip
                refs = [explanation_ref] if from_author else []
                if not quote and (
                    (found := line_about(text, catalog, lines or {})) or (found := entry_named(text, entries))
                ):
                    # what the notes say of the option elsewhere ("CloudFront is a CDN ..." on its page)
                    quote, refs = found.text, [list(r) for r in found.refs]
                elif not quote and refs and k in q.correct and author:
                    quote = clean_quote(author)  # the author's own explanation is the line that backs the key
                elif not quote:
                    # no line of the notes is quoted for it: nothing is said of the notes ("your notes name it without
                    # explaining it" was false about half the time, the notes explaining it elsewhere in other words)
                    refs = []
                choices.append(ChoiceDraft(option=chr(ord("a") + k), text=text, correct=k in q.correct,
                                           explanation=said, quote=quote, refs=refs))  # fmt: skip
            out.append(QuestionDraft(
                key=key, kind="multi" if len(q.correct) == 2 else "single", family=AUTHOR_FAMILY,
                requirement=_norm(q.stem)[:120], topic=topic, domain=catalog.topics[topic].domain, stem=stem,
                difficulty=2, choices=choices, related_topics=[topic],
            ))  # fmt: skip
        return out


# The asking clause of a stem that wants the odd one out: "Which of the following is NOT a benefit of S3?"
_NEGATIVE = re.compile(r"\b(?:not|except)\b", re.I)
_NOT_WHAT = re.compile(r"\b(?P<verb>is|are|does|do)\s+not\s+(?P<what>[^?]{3,80}?)\s*\?", re.I)
_ASKING = re.compile(r"[^.?!]*\b(?:which|what|select|choose)\b[^.!?]*\?", re.I)


def explain_options(
    stem: str,
    options: list[str],
    correct: list[int],
    author: str,
    explain: OptionFacts,
    topic_definition: str = "",
    stem_definitions: tuple[str, ...] = (),
) -> list[tuple[str, str, bool]]:
    """(explanation, quote, whether it is the author's words) for every option of an author's question.

    Each says why the option is right or wrong from something checked, never made up: the author's own explanation
    where a sentence of it is about that option, the reference definition or family fact of what the option names,
    or else the question's key (a wrong option is not what the stem asks for; the key is, and why).
    """
    sentences = [t for t in _SENTENCE_SPLIT.split(author) if t.strip()]
    own = [
        [t for t in _own_sentences(sentences, options, k, explain) if _says_something(t, options[k])]
        for k in range(len(options))
    ]
    facts = [explain.found(text) for text in options]
    # One service's definition under several sentence options ("Give all IAM users ...") explains none of them apart:
    # it is kept only where it is the option's own
    facts = [
        (f, mine) if f and ([g for g, _ in facts].count(f) == 1 or explain.names_one(t)) else (None, False)
        for (f, mine), t in zip(facts, options, strict=True)
    ]
    # A key that names nothing ("Each account gets volume discounts") is backed by the definition of the topic the
    # question sits in when that definition speaks of it (two or more of its words)
    # (and before the definition of a service it only mentions: "For managed services like S3, AWS patches ...")
    listing: set[str] = set()  # checked definitions that list the keys (the six pillars): a wrong option is not in them
    for k in correct:
        relevant = (
            topic_definition
            and len(_content_stems(options[k]) & _content_stems(topic_definition)) >= 2
            and not _not_the_service(options[k], any_length=True)
        )
        if relevant and not facts[k][1] and not own[k]:
            facts[k] = (topic_definition, False)
        elif not facts[k][0] and not own[k]:
            # A key named inside the checked definition of a topic the stem names ("Reliability" among the pillars
            # of the Well-Architected Framework): that definition says why it is right
            named_in = [d for d in stem_definitions if _names(d, options[k]) or _spelled_out(options[k], d)]
            if named_in:
                facts[k] = (named_in[0], False)
                listing.add(named_in[0])
            else:
                # else the sentence of those that says most of what the stem and the key say ("horizontally with more
                # instances" for "horizontal scaling" and "adding more instances of the same size")
                # (and that names something of the key's own, not only the topic's name: "Support" of "AWS Support
                # Concierge" is no reason)
                named = {w for slug in explain.catalog.mentions(stem) for w in _content_stems(" ".join(
                    explain.catalog.topics[slug].names))}  # fmt: skip
                asked = (_content_stems(stem) | _content_stems(options[k])) - _GENERIC
                mine_only = _content_stems(options[k]) - _GENERIC - named
                sentences = [t.strip() for d in stem_definitions for t in _CLAUSE_SPLIT.split(d) if t.strip()]
                scored = sorted(
                    (
                        (len(asked & _content_stems(t)), -n, t)
                        for n, t in enumerate(sentences)
                        if mine_only & _content_stems(t)
                        or not mine_only
                        and re.search(rf"\b{re.escape(options[k].strip(' .'))}\b", t, re.I)
                    ),
                    reverse=True,
                )
                if scored and scored[0][0] >= 3:
                    facts[k] = (_as_sentence(scored[0][2]), False)
        if not facts[k][1] and not own[k]:
            # else the checked sentence about the feature or concept the key names ("Concierge", "Acceptable Use
            # Policy", EBS "encrypted at rest"), found by the key's words: before the definition of a service the
            # key only mentions ("Turn on encryption for the EBS volumes" is not told what EBS is)
            reference, named = explain.key_reference(stem, options[k])
            if reference and (named or not facts[k][0]):
                facts[k] = (reference, False)
    keys = [options[k].rstrip(". ") for k in correct]
    right_facts = list(dict.fromkeys(facts[k][0] for k in correct if facts[k][0]))
    scope = _SCOPE_ASKED.search(stem) is not None
    # The author's explanation backs the key unless it only talks about wrong options (the learner's pick)
    about_wrong = {k for k in range(len(options)) if k not in correct and own[k]}
    for_key = author if author and (any(own[k] for k in correct) or not about_wrong) else ""
    if for_key and not any(_says_something(for_key, options[k]) for k in correct):
        for_key = ""  # a bare name ("CloudFront") or "just that" is no reason
    asking = (_ASKING.findall(stem) or [stem])[-1]
    negative = bool(_NEGATIVE.search(asking))
    odd = _NOT_WHAT.search(asking)
    out = []
    for k in range(len(options)):
        fact, mine = facts[k]
        if k not in correct and fact in right_facts:
            fact = None  # the key's own sentence says nothing of this option
        if negative:
            # The odd one out: the author's key says which options hold and which do not
            if k in correct:
                head = (f"Correct: this {_verb(odd)} not {odd['what']}." if odd
                        else "Correct: this is the exception the question asks for.")  # fmt: skip
                said = " ".join(x for x in (head, " ".join(own[k]) or for_key) if x)
                out.append((said, "", bool(own[k] or for_key)))
            else:
                head = f"Not this one: this {_verb(odd)} {odd['what']}" if odd else "Not this one: this one holds"
                what = " ".join(own[k]) or (fact if mine else "")
                out.append((f"{head}, and the question asks for what is not{'; ' + what if what else '.'}",
                            "", bool(own[k])))  # fmt: skip
            continue
        # The option's own checked sentence first, the author's words about it as its quote; else the author's words
        words = " ".join(own[k])
        where = explain.scope(options[k]) if scope else ""  # "regional or global?": each option says which it is
        # the checked sentence about the option that speaks to what the stem asks ("replicated across three
        # Availability Zones" for a stem about replication across Availability Zones)
        where = where or explain.pertinent(options[k], stem, 3)
        if k in correct:
            words = words or for_key
            said = (fact if mine else "") or words or fact
            if said:
                quote = words if words and said != words else ""
                out.append((_joined("Correct.", said, where), quote, bool(words)))
            else:
                # Nothing checked says why: the key rests on the author's answer line alone, and the learner is told so
                out.append((_joined("Correct: the notes' answer key gives this option; they do not say why.", where),
                            "", False))  # fmt: skip
            continue
        if fact and mine:
            # its own fact, and, where the keys' backing is a list it is not in, that list
            outside = next((d for d in listing if not _names(d, options[k])), "")
            key = " and ".join(f"“{t}”" for t in keys)
            tail = ((f"The answers are {key}: " if len(keys) > 1 else f"The answer is {key}: ") + outside
                    if outside else "")  # fmt: skip
            out.append((_joined("Not this one:", fact, where, tail), words, bool(words)))
        elif words:
            out.append((_joined("Not this one:", words, where), "", True))
        else:
            if not fact:
                # the checked sentence about the feature the option names ("An internet gateway connects a VPC to the
                # internet"), which says what it is for instead
                reference, named = explain.key_reference(stem, options[k])
                fact = reference if named and reference not in right_facts else None
            # What the option names, when that is a service it only belongs to, then why the key is the answer
            key = " and ".join(f"“{t}”" for t in keys)
            # why the key is right: the author's words, else the keys' checked sentences (both, for two keys)
            because = _first_sentence(for_key) or " ".join(right_facts)
            answer = (f"The answers are {key}" if len(keys) > 1 else f"The answer is {key}") + (
                f": {because}" if because else "."
            )
            if not answer.endswith((".", "!", "?")):
                answer += "."
            said = f"{fact} {answer}" if fact else f"{answer[0].lower()}{answer[1:]}"
            out.append((_joined("Not this one:", where, said), "", bool(for_key and not fact)))
    return out


# A stem that asks where a service lives: "Which services are global?", "... regional rather than global?"
_SCOPE_ASKED = re.compile(
    r"\b(?:are|is|be)\s+(?:global|regional|zonal)\b|\b(?:global|regional|zonal) services?\b"
    r"|\b(?:global|region|zone)[- ]scoped\b|\bglobal or regional\b|\bregional or global\b",
    re.I,
)
# A checked sentence that says so: "IAM is global", "a global service", "each bucket is in one Region"
_SCOPE_SAID = re.compile(
    r"\b(?:is|are) (?:a )?(?:global|regional)\b|\b(?:global|regional) service\b|\bin one Region\b"
    r"|\b(?:locked to|lives in|in) one Availability Zone\b|\bnot tied to a Region\b",
    re.I,
)
# A sentence that says something of the option beyond its name ("... is just that" does not)
_EMPTY_WORDS = frozenset(
    "is are was be been it its this that these those just so very the a an of to for and or as such what which "
    "one ones thing things same exactly basically simply also only here there answer correct right option".split()
)


def _says_something(sentence: str, option: str) -> bool:
    mine = {_plain(w) for w in _words(option)}
    rest = [w for w in _words(sentence) if _plain(w) not in mine and w not in _EMPTY_WORDS and len(w) > 2]
    return len(rest) >= 2


# Sentences, and the clauses a definition joins with "; " or ". "
_CLAUSE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _as_sentence(text: str) -> str:
    text = text.strip().rstrip(";,")
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def _joined(*parts: str) -> str:
    """Sentences joined with single spaces, each ending in a full stop."""
    out = []
    for part in parts:
        part = part.strip()
        if not part or any(part in o for o in out):
            continue  # a scope sentence the option's own fact already says
        if out and not out[-1].endswith((".", "!", "?", ":")):
            out[-1] += "."
        out.append(part)
    text = " ".join(out)
    return text if text.endswith((".", "!", "?")) else text + "."


def _spelled_out(option: str, text: str) -> bool:
    """Whether an abbreviation ("DaaS") is written out in the text ("desktop as a service")."""
    short = option.strip().rstrip(".")
    if not re.fullmatch(r"[A-Za-z]{2,6}", short) or short.lower() == short or short.isupper() and len(short) < 3:
        return False
    initials = [w[0] for w in re.findall(r"[a-z0-9]+", text.lower())]
    return (
        short.lower() in "".join(initials)
        and re.search(r"\b" + r"\W+".join(f"{c}[a-z0-9]*" for c in short.lower()) + r"\b", text.lower()) is not None
    )


def _verb(odd: re.Match) -> str:
    return "is" if odd["verb"].lower() in ("is", "are") else "does"


def _first_sentence(text: str) -> str:
    """The author's explanation, up to two sentences: enough to say why the key is right."""
    parts = [t for t in _SENTENCE_SPLIT.split(text or "") if t.strip()]
    return " ".join(parts[:2])


def _own_sentences(sentences: list[str], options: list[str], k: int, explain: OptionFacts) -> list[str]:
    """The sentences of the author's explanation about option k alone: they name it and no other option."""
    services = [set(explain.catalog.mentions(o)) for o in options]
    mine = services[k] - set().union(*(services[j] for j in range(len(options)) if j != k))

    def about(sentence: str, j: int) -> bool:
        if _names(sentence, options[j]):
            return True
        spoken = set(explain.catalog.mentions(sentence))
        theirs = services[j] - set().union(*(services[i] for i in range(len(options)) if i != j))
        return bool(theirs & spoken)

    if not mine and not _words(options[k]):
        return []
    return [
        t
        for t in sentences
        if len(t.split()) >= 4 and about(t, k) and not any(about(t, j) for j in range(len(options)) if j != k)
    ]  # a bare name ("CloudFront") says nothing of it


# A sentence in the learner's own voice ("I picked B because...", "my mistake", "we already know") explains their
# slip, not AWS.
_FIRST_PERSON = re.compile(r"\bI\b|\bI['’](?:m|ve|d|ll)\b|(?i:\b(?:me|my|mine|myself|we|our|ourselves)\b)")
# The learner thinking aloud: a sentence that trails off ("...") or shouts ("it COULD BE")
_ASIDE = re.compile(r"\.\.\.|…|\b(?!AWS\b)[A-Z]{2,}\b[^.]*?\b(?:BE|IS|ARE|NOT|COULD|SHOULD|ONLY|ALWAYS|NEVER)\b")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")
_FILLER = frozenset("amazon aws the a an".split())


# "And PaaS is ...", "From the docs \"The NACL acts ...\"": a sentence's link to the one before it, or its citation
_OPENER = re.compile(
    r"^(?:(?:and|but|so|also|plus)\s+|(?:from|according to|per)\s+(?:the\s+)?(?:aws\s+)?"
    r"(?:docs|documentation|faqs?|whitepaper)\b[,:]?\s*)",
    re.I,
)


def impersonal(text: str) -> str:
    """The explanation as sentences that read on their own: none in the first person, none with a misspelt word
    (the learner's slip would become ours), no opening "And" or "From the docs" and no quote marks around them."""
    from learning.generate import garbled  # noqa: PLC0415

    kept = []
    for sentence in _SENTENCE_SPLIT.split(text or ""):
        sentence = _OPENER.sub("", sentence.strip()).strip()
        if (sentence.count('"') + sentence.count("“") + sentence.count("”")) % 2:
            sentence = re.sub(r'^["“]\s*|\s*["”](?=\W*$)', "", sentence)  # a quotation that spans sentences
        quoted = re.fullmatch(r"[\"“]([^\"“”]+)[\"”]\s*([.!?]?)", sentence)
        if quoted:
            sentence = quoted[1].strip() + (quoted[2] if not quoted[1].strip().endswith((".", "!", "?")) else "")
        if not sentence or _FIRST_PERSON.search(sentence) or garbled(sentence) or _ASIDE.search(sentence):
            continue
        kept.append(sentence[:1].upper() + sentence[1:])
    return " ".join(kept).strip()


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _FILLER]


def _names(text: str, option: str) -> bool:
    """Whether ``text`` names the option (all of its distinctive words, in order, as a phrase)."""
    words = [_plain(w) for w in _words(option)]
    return bool(words) and len(words) <= 6 and re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b",
                                                          " ".join(map(_plain, _words(text)))) is not None  # fmt: skip


def _plain(word: str) -> str:
    """A word without its inflection: "Talking" and "talk", "groups" and "group" read alike."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# Words any stem and any fact share: they tell nothing of what is asked
_GENERIC = frozenset(
    w.removesuffix("s")[:6]  # as _stem reads them
    for w in (
        "service services which following use used using provide provides would could should company companies "
        "user users customer customers application applications data need needs want wants help helps"
    ).split()
)


def _content_stems(text: str) -> set[str]:
    """Stems of the words that say something ("charged", "region"), not "is", "for", "it"."""
    return {_stem(w) for w in _words(text) if len(w) > 3 and w not in _EMPTY_WORDS}


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _words(text)}


def _stem(word: str) -> str:
    return word.removesuffix("s")[:6]  # "balancer" and "balancing", "instances" and "instance", "groups" and "group"


@dataclass(frozen=True)
class _Named:
    words: frozenset[str]
    fact: str
    evidence: tuple = ()
    name: str = ""


# What may follow a shared root in two forms of one word ("balancer" and "balancing", "instance" and "instances"):
# a correctly spelled word that goes on otherwise ("Elasticity" and "ElastiCache") is another word, never a misspelt
# service name.
_ENDINGS = frozenset(
    "e s es ed d ing ings er ers or ors ion ions ation ations ance ances ence ences ment ments al".split() + [""]
)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 and a[n:] in _ENDINGS and b[n:] in _ENDINGS


def _same_words(option: str, name: str) -> bool:
    """Whether every word of the option is a form of a word of the name (compared whole, not by their first six
    letters)."""
    theirs = _words(name)
    return all(any(_same_word(w, v) for v in theirs) for w in _words(option))


@dataclass(frozen=True)
class AnswerFact:
    terms: tuple[str, ...]
    topics: frozenset[str]
    text: str
    url: str


def load_answer_reference() -> tuple[AnswerFact, ...]:
    """content/answer_reference.toml: checked sentences that explain answer keys (never shown on topic pages)."""
    import tomllib  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    data = tomllib.loads((Path(__file__).resolve().parents[1] / "answer_reference.toml").read_text())
    out = []
    for entry in data.get("fact", []):
        if not entry.get("terms") or not entry.get("text") or not entry.get("url", "").startswith("https://"):
            raise ValueError(f"answer_reference.toml: {entry!r} needs terms, text and an https url")
        out.append(AnswerFact(tuple(entry["terms"]), frozenset(entry.get("topics", ())), entry["text"], entry["url"]))
    return tuple(out)


class OptionFacts:
    """One checked sentence about an answer option that names one AWS thing, or None.

    From content/summary.toml's definition of the catalog topic the option names, else the scenario families
    (quizzes/families.toml: an option of that name, or whose evidence patterns find it in the option's words;
    their facts are framed for the family). A sentence option ("Configure AWS Budgets to alert the team") gets the
    definition of the one service it names, else the fact of the one family option it is; one naming none or
    several gets none. `own` tells whether the sentence is about the option itself, not a service it belongs to
    ("IAM users" is told what IAM is).
    """

    MAX_WORDS = 7

    def __init__(self, catalog) -> None:
        from content.summary import load_reference  # noqa: PLC0415
        from quizzes.families import load_families  # noqa: PLC0415

        self.catalog = catalog
        reference = load_reference()
        self.definitions = {slug: s.text for slug, s in reference.definitions.items()}
        # what the exam asks of each topic, checked against AWS: where a service lives is said there
        self.essentials = {slug: tuple(s.text for s in facts) for slug, facts in reference.essentials.items()}
        families = load_families().values()
        self.options = [
            _Named(frozenset(_stem(w) for w in _words(o.name)), o.fact, o.evidence, o.name)
            for family in families
            for o in family.options.values()
            if o.fact
        ]
        self._cache: dict[str, tuple[str | None, bool]] = {}
        self.answers = load_answer_reference()

    def key_reference(self, stem: str, option: str, topic: str = "") -> tuple[str, bool]:
        """The checked sentence (content/answer_reference.toml) about the feature or concept an answer key names
        ("AWS Support Concierge", "encrypted at rest" in a question about EBS), and whether the key itself names
        it; else ("", False).

        The key names one of its terms and the sentence shares a word with the question beyond that term; or the
        stem names the term ("elasticity") and the sentence says two of the key's own words ("resources", "demand").
        An entry tied to topics counts only where the stem or key names one of them (or the question sits in it).
        """
        asked = f"{stem} {option}"
        named_topics = {*self.catalog.mentions(asked), *([topic] if topic else [])}
        best: tuple = ()
        for n, entry in enumerate(self.answers):
            if entry.topics and not (named_topics & entry.topics):
                continue
            terms = {w for t in entry.terms for w in _content_stems(t)}
            said = _content_stems(entry.text) - _GENERIC - terms
            in_key = any(_names(option, t) for t in entry.terms)
            if in_key:
                if not (said & _content_stems(asked)):
                    continue
            elif not (any(_names(stem, t) for t in entry.terms) and len(said & _content_stems(option)) >= 2):
                continue
            score = (in_key, len(said & _content_stems(asked)), -n)
            if not best or score > best[0]:
                best = (score, entry.text)
        return (best[1], best[0][0]) if best else ("", False)

    def stem_definitions(self, stem: str, topic: str = "") -> tuple[str, ...]:
        """What is checked about the topics a question's stem names ("pillars of the Well-Architected Framework")
        and the topic it sits in: their definitions first, then each of their essentials."""
        # (a name too common to count in prose, "an AWS Region", "Scalability", is what a stem asks about)
        slugs = list(dict.fromkeys([*self.catalog.mentions(stem, common=True), *([topic] if topic else [])]))
        return tuple(self.definitions[s] for s in slugs if s in self.definitions) + tuple(
            sentence  # one sentence each: the one that names the option is its reason, not its neighbour
            for s in slugs
            for fact in self.essentials.get(s, ())
            for sentence in _SENTENCE_SPLIT.split(fact)
            if sentence.strip()
        )

    def pertinent(self, option: str, stem: str, least: int) -> str:
        """The essentials sentence of the one service an option names that shares most words with the stem (at
        least `least` words that say something, besides the option's own name), else ""."""
        slugs = [s for s in self.catalog.mentions(option) if s in self.essentials]
        if len(slugs) != 1:
            return ""
        asked = _content_stems(stem) - _content_stems(option) - _GENERIC
        best, shared = "", least - 1
        for fact in self.essentials[slugs[0]]:
            for sentence in _SENTENCE_SPLIT.split(fact):
                overlap = len(asked & _content_stems(sentence))
                if overlap > shared:
                    best, shared = sentence.strip(), overlap
        return best

    def scope(self, option: str) -> str:
        """A checked sentence that says whether the one service an option names is global, regional or zonal: its
        own definition or essentials, else the Global Infrastructure's rule that names it or says what most are."""
        slugs = [s for s in self.catalog.mentions(option) if s in self.definitions or s in self.essentials]
        if len(slugs) != 1:
            return ""
        slug = slugs[0]
        own = [self.definitions.get(slug, ""), *self.essentials.get(slug, ())]
        for text in own:
            for sentence in re.split(r"(?<=[.;])\s+", text):
                if _SCOPE_SAID.search(sentence):
                    sentence = sentence.rstrip(";, ")
                    return sentence[:1].upper() + sentence[1:] + ("" if sentence.endswith((".", "!", "?")) else ".")
        names = {w for n in (self.catalog.topics[slug].name, self.catalog.topics[slug].short) if n for w in [n]}
        rules = [
            t
            for facts in self.essentials.values()
            for t in facts
            if re.search(r"\bregional\b", t, re.I) and re.search(r"\bglobal\b", t, re.I)
        ]
        for rule in rules:
            if any(_names(rule, n) for n in names) or len(rules) == 1:
                return rule
        return ""

    def fact(self, option: str) -> str | None:
        return self.found(option)[0]

    def own(self, option: str) -> bool:
        return self.found(option)[1]

    def found(self, option: str) -> tuple[str | None, bool]:
        if option not in self._cache:
            self._cache[option] = self._find(option)
        return self._cache[option]

    def _find(self, option: str) -> tuple[str | None, bool]:
        words = {_stem(w) for w in _words(option)}
        if not words:
            return None, False
        if len(words) <= self.MAX_WORDS:
            slug = self.catalog.lookup(option) or self.catalog.lookup(" ".join(_words(option)))
            usable = slug and not self._a_set_by_another_name(slug, words) and slug in self.definitions
            # The topic's own name ("AWS Config", "Amazon EBS"): its definition
            if usable and words in self._own_names(slug):
                return self.definitions[slug], True
            # A family option of that very name ("IAM group", "Reserved Instances"): its fact, which is about it
            exact = [o.fact for o in self.options if o.words == words and _same_words(option, o.name)]
            if exact:
                return exact[0], True  # in several families ("Dedicated Instances"): each fact is about it
            # Named by an alias of a topic ("IAM users" of IAM): the topic's definition, which is not its own
            if usable:
                return self.definitions[slug], False
            # A family option whose name holds every word of the option; when several do ("AWS Shield" in Shield
            # Standard and Shield Advanced), none
            fits = {o.fact for o in self.options if words <= o.words and _same_words(option, o.name)}
            if len(fits) == 1 and len(words) >= 2:  # one word ("Developer") is part of too many names
                return fits.pop(), True
        # A sentence, or a name with more to it: what the one AWS service it names is for; not when the sentence is
        # an action done to the service ("Increasing the CPU power of an existing EC2 instance" is vertical scaling:
        # what EC2 is says nothing of why it is right)
        mentioned = self.catalog.mentions(option)
        if _not_the_service(option):
            mentioned = []
        named = [s for s in mentioned if not self._a_set_by_another_name(s, words)]
        if len(named) == 1 and named[0] in self.definitions:
            return self.definitions[named[0]], False
        if named:
            return None, False
        # A member of a set named by an alias ("Reserved Instances" of EC2 purchasing options): the set's definition
        # when it names the member
        sets = [s for s in mentioned if s in self.definitions and words <= _stems(self.definitions[s])]
        if len(sets) == 1 and len(words) <= self.MAX_WORDS:
            return self.definitions[sets[0]], False
        # Else the one family option whose evidence finds it in the option's words ("Patching the guest OS")
        # (a name found so is one kind of it, "Reserved Instances" by the Standard RIs' patterns: not its own fact)
        text = option.strip().rstrip(".")
        found = {o.fact for o in self.options if any(p.search(text) for p in o.evidence)}
        return (found.pop(), not self.names_one(option)) if len(found) == 1 else (None, False)

    def _own_names(self, slug: str) -> list[set[str]]:
        topic = self.catalog.topics[slug]
        return [{_stem(w) for w in _words(n)} for n in (topic.name, topic.full_name, topic.short) if n]

    def names_one(self, option: str) -> bool:
        """Whether the option is a name (a few words), not a sentence."""
        return 0 < len(_words(option)) <= self.MAX_WORDS

    def _a_set_by_another_name(self, slug: str, words: set[str]) -> bool:
        name = self.catalog.topics[slug].name
        last = name.split()[-1]
        plural = last.endswith("s") and not last.endswith(("ss", "us", "is")) and not last.isupper()  # "EBS"
        return plural and words != {_stem(w) for w in _words(name)}


# An option that describes a thing ("A snapshot of ...", "An S3 bucket that is public"), not names a service.
_A_THING = re.compile(r"^(?:an?|the)\s+\S+\s+\S+", re.I)
# An option that is an action ("Increasing ...", "Automatically adding ...", "Deploy ..."), not a thing.
_ACTION = re.compile(
    r"^(?:[A-Za-z]+ly\s+)?(?!(?:some|no|any|every)?thing\b|string\b|spring\b|ceiling\b|during\b)[A-Za-z]{2,}ing\b"
    r"|^(?:" + "|".join(sorted(IMPERATIVE)) + r")\b",
    re.I,
)


def _not_the_service(option: str, *, any_length: bool = False) -> bool:
    """Whether an option that mentions a service is an action done to it ("Increasing the CPU power of an existing EC2
    instance": vertical scaling) or a thing made with it ("A snapshot of a pre-configured EC2 instance"), so what the
    service is explains nothing of it. An action of two words or fewer counts only with ``any_length``."""
    option = option.strip()
    action = _ACTION.match(option) and (any_length or len(option.split()) >= 3)
    return bool(action or _A_THING.match(option))


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]
