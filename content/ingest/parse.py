"""Parse one note file into an Outline: sections and blocks, each with its physical line numbers.

Reads Markdown (ATX and setext headings, lists, pipe tables, code fences) and the plain-text habits
of real study notes: dash banners, star separators, ALL-CAPS and `TERM :` headings, numbered
headings, tab-indented nesting, `•`/`○`/`-->` bullets, unmarked sub-headings and soft-wrapped lines.
Junk (chat-assistant chatter, image links, boilerplate conclusions, duplicates, fragments, homework,
separators) is left out and listed in Outline.dropped with the reason.

The rules are heuristics tuned on the shipped notes (see shared/NOTES-ANALYSIS.md); each one says
why it exists. Everything is line based and linear, so any text parses, quickly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from content.ingest.authored import ANSWER_LINE, find_authored
from content.ingest.outline import Block, Dropped, Outline, Section

# --- line shapes -------------------------------------------------------------------------------

# (a backtick fence's info string holds no backtick: "```ls -la```" is inline code on a line of its own)
_FENCE = re.compile(r"^([ \t]*)(`{3,}(?!`)(?![^`]*`)|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_ATX_STRICT = re.compile(r"^ {0,3}#{1,6}[ \t]+\S")
_RULE = re.compile(r"^([-*_=+])(?:[ \t]*\1){2,}$")  # on stripped text: ---, *****, ===, _ _ _, ++++
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BULLET = re.compile(
    r"^([ \t]*)(?:(?P<arrow>[-=]+>|[→⇒➔➜➝➞➢➣►▶▸])|(?P<sym>[•●○◦▪▫■□◆◇❖➤✓✔∙‣⁃]|·(?=[ \t]))|[-*+](?=[ \t]))"
    r"[ \t]*(?P<rest>.*)$"
)
_ORDERED = re.compile(r"^([ \t]*)\(?(?P<num>\d{1,3}|[a-h](?=[.)][ \t]+\S{2}))[.)][ \t]+(?P<rest>.*)$")  # 1. 2) a. (b)
# GFM's delimiter row: a hyphen or more per cell ("| - | - |" too), between pipes
_TABLE_DELIM = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_LEADING_ARROWS = re.compile(r"^(?:(?:[-=]+>|[→⇒➔➜➝➞➢➣►▶▸])\s*)+")
_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)|<img\b[^<>]*>", re.I)
_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\([^()]*\)")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u3000]")
_ARROW_ANY = re.compile(r"-{1,}>|=>|<-{1,}|→|⇒")

# --- markup of note apps (Obsidian, LaTeX, emoji): rendered as text or removed, never shown raw -----

_CALLOUT = re.compile(r"^\[![A-Za-z][\w-]*\][+-]?[ \t]*")
# a note's dotted path in a Dendron vault ("general.arch.SOA.bus", "aws.CDK"): where a link points, not words to read
_NOTE_PATH = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_WIKILINK = re.compile(r"!?\[\[([^\[\]|#]*)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
_HIGHLIGHT = re.compile(r"==(?=\S)([^=]+?)(?<=\S)==")
# a highlight the author opened or closed but never finished ("##### ==Enterprise Support"): its marker alone
_HALF_HIGHLIGHT = re.compile(r"(?<![=\S])==(?=[^\s=])|(?<=[^\s=])==(?![=\S])")
# Obsidian tags (`#storage`, `#aws/ec2`: a letter after the hash, at the start or after a space, so "C#", "#1" and
# "page#part" are text) and block ids (` ^intro-1` closing a line).
_TAG = r"(?<!\S)#[A-Za-z_][\w/-]*"
_TRAILING_TAGS = re.compile(rf"(?:\s*{_TAG})+\s*$")
_INLINE_TAG = re.compile(rf"{_TAG}")
_BLOCK_ID = re.compile(r"\s+\^[A-Za-z0-9][\w-]*\s*$")
_LATEX_COMMANDS = {
    "ge": "≥", "geq": "≥", "le": "≤", "leq": "≤", "times": "×", "to": "→", "rightarrow": "→",
    "Rightarrow": "⇒", "leftarrow": "←", "approx": "≈", "neq": "≠", "ne": "≠", "pm": "±", "cdot": "·",
    "infty": "∞", "%": "%", "$": "$", "&": "&", "_": "_", "#": "#", "{": "{", "}": "}",
}  # fmt: skip
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+|[%$&_#{}])\s?")
_LATEX_TEXT = re.compile(r"\\(?:text|mathrm|mathbf|textbf|mathit|operatorname)\{([^{}]*)\}")
_MATH = re.compile(r"\$\$?([^$\n]{0,80}?\\[^$\n]{0,80}?)\$\$?")  # math has a command: "$5 and $10" is money
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u26ff\u2700-\u27bf\u2b00-\u2bff\u2300-\u23ff\ufe0f\u200d\u20e3]")
_LEADING_HASHES = re.compile(r"^#{1,6}[ \t]+(?=[A-Z0-9*_\[])")  # "# of instances" is text
_BARE_LATEX = re.compile(r"\\(ge|geq|le|leq|times|rightarrow|Rightarrow|approx|neq|infty)\b")
_CAPTION_WORD = re.compile(r"^\W*(?:fig(?:ure)?|diagram|image|picture|screenshot|illustration)\b", re.I)
_FRONT_MATTER_KEY = re.compile(r"^[\w-]+[ \t]*:")

# --- numbered outline headings: "1. AWS KMS", "1.1 What it is", "2) ...", "IV. ...", "B. ..." ---------

_OUTLINE = re.compile(
    r"^(?P<num>(?:\d{1,2}\.){1,4}\d{1,2}\.?|\d{1,2}[.)]|[IVX]{1,4}[.)]|[A-Z][.)])[ \t]+"
    r"(?:[-–—:][ \t]+)?(?P<title>\S.*)$"
)

# --- heading shapes (plain-text files only) ------------------------------------------------------

_WHOLE_BOLD = re.compile(r"^(?:\*\*|__)\s*([^*_]+?)\s*(?:\*\*|__)\s*:?\s*$")
_BARE_COLON = re.compile(r"^(.*?[^:\s])\s*[:：]\s*-?\s*$")
_NUM_SPACE = re.compile(r"^(\d{1,2})[ \t]+([A-Z*].*)$")  # "1 IAM identity access management : "
_TITLE_DOT_REST = re.compile(r"^([A-Z][\w&/+ -]{0,40}?)\.\s+(\S.*)$")  # "Lambda. it can only work ..."
_CAPS_DASHES = re.compile(r"^([^-]{2,60}?)\s*-{3,}\s*(\S.*)$")  # "DATABASE ARCHITECTURES -------  1) ..."

# --- junk ----------------------------------------------------------------------------------------

_CHAT_OPENER = re.compile(r"^(?:sure|certainly|absolutely|of course|great question|good question)\s*[!,.]\s*", re.I)
_CHAT_HERE = re.compile(r"^(?:here(?:'s|’s| is| are)|below (?:is|are))\b.*:$", re.I)
# Phrases a chat assistant closes with; narrow enough that "If you need a high-performance disk, ..."
# (a note) is not taken for one.
_CHAT_FOLLOW = re.compile(
    r"^(?:would you like|do you want (?:me|to know|more)|let me know|feel free to (?:ask|reach)"
    r"|i hope (?:this|that)|hope (?:this|that) helps|is there anything else|happy to help"
    r"|i can also (?:help|provide|explain|give)|if you (?:were referring|have (?:any )?(?:other |more |further )?"
    r"questions|need (?:any )?(?:more|further) (?:help|information|details)|want me to|would like me to))\b",
    re.I,
)
_CHAT_LET_ME_KNOW = re.compile(r"\blet me know\b[^.!?]*[.!?]?$", re.I)
_CHAT_TAIL = re.compile(r"(?<=[.!?])\s+(?:here(?:'s|’s| is| are)|below (?:is|are))\b[^.!?]*:$", re.I)
_CHAT_REFERRING = re.compile(
    r"^it seems (?:like |that )?you(?:'re|’re| are| might be| may be| were) (?:referring|asking) "
    r"(?:to|about) (.+?), which (is|are) (.+)$",
    re.I,
)
_SUMMARY_PARA = re.compile(
    r"^(?:(?:in summary|in conclusion|to summarize|to sum up|overall|all in all)\s*,"
    r"|by leveraging (?:these|this|the above)\b)",
    re.I,
)
_CONCLUSION_TITLE = re.compile(r"^(?:conclusions?|in conclusion|final thoughts|wrap[- ]?up)$", re.I)
_CHAT_SUMMARY_TITLE = re.compile(r"^(?:summary|key takeaways|takeaways|in summary|recap)$", re.I)
_HOMEWORK = re.compile(r"^(?:assignment|homework|exercise|hints?|to-?do)\s*(?:\d+|[ivx]+)?\s*[:.-]?$", re.I)
_DISCOURSE = re.compile(r"\blet[’']?s have a (?:look|glance)\b", re.I)
_PROMPT = re.compile(r"^(?:explain|describe|discuss)\b", re.I)
_DANGLING_REF = re.compile(r"^(?:review|see|refer to)\b.*\b(?:below|above)\b", re.I)
_DANGLING_TAIL = re.compile(r"(?<=[.!?])\s+(?:review|see|refer to)\b[^.!?]*\b(?:below|above)\b[^.!?]*[.!?]?$", re.I)
_BARE_URL = re.compile(r"^<?(?:https?://|www\.)\S+>?$", re.I)
_FRAGMENT = re.compile(r"[a-z]+(?: [a-z]+)?")

# --- words ---------------------------------------------------------------------------------------

# A heading that is an example or a gloss ("e.g. dev team, finance or HR", "i.e. ...", "for example: ..."): no title.
_EXAMPLE_TITLE = re.compile(
    r"^\W*(?:e\.\s?g\b|eg\.|i\.\s?e\b|ie\.|for (?:example|instance)\b|ex\.|example\s*:\s*\S)", re.I
)
# Labels that describe an attribute of their parent, never a topic of their own (NOTES-ANALYSIS 5.4.6).
_QUIZ_LABELS = {"question", "questions", "answer", "answers", "explanation", "explained", "solution", "quiz"}
_META_LABELS = {
    "advantages", "disadvantages", "benefits", "properties", "features", "key features", "example",
    "examples", "use case", "use cases", "definition", "description", "purpose", "note", "notes",
    "limitation", "limitations", "pros", "cons", "best for", "real time example", "real-time example",
    "for example",
}  # fmt: skip
# Shared-responsibility blocks split by a bare "AWS" / "You" / "User" line.
_ROLE_WORDS = {"aws", "you", "user", "users", "customer", "customers"}
_QUESTION_WORDS = {"what", "why", "how", "where", "when", "which", "who", "whose", "what's", "what’s"}
_SENTENCE_STARTS = {
    "it", "its", "it's", "it’s", "this", "these", "those", "there", "here", "we", "you", "they", "i",
    "in", "as", "so", "if", "lets", "let's", "let’s", "then", "now", "also", "and", "but", "or",
    "because", "since", "although", "once",
}  # fmt: skip
_VERBS = {
    "is", "are", "was", "were", "be", "been", "am", "can", "could", "will", "would", "shall", "should",
    "must", "may", "might", "has", "have", "had", "does", "do", "did", "include", "includes", "consists",
    "consist", "contains", "provides", "offers", "supports", "allows", "means", "helps",
}  # fmt: skip
_AUXILIARIES = {
    "is", "are", "was", "were", "be", "been", "am", "can", "could", "will", "would", "shall", "should",
    "must", "may", "might", "has", "have", "had", "does", "do", "did",
}  # fmt: skip
_DANGLING_WORDS = {
    "is", "are", "was", "were", "be", "the", "a", "an", "of", "to", "and", "or", "with", "for", "in", "on",
    "by", "as", "at", "from", "that", "which", "than",
}  # fmt: skip
_NOT_TERMS = {"in short", "for example", "e.g", "eg", "i.e", "ie", "ex", "note that", "so", "and", "but"}
_TITLE_FILLER = {"amazon", "aws", "overview", "section", "introduction", "intro"}
_HEADING_SOURCES_UNMARKED = {"plain", "bold", "numbered", "fused"}


@dataclass
class _Item:
    """One token of the file: a heading, a separator, or a content line/table/code block."""

    kind: str  # "heading" "sep" "break" "line" "bullet" "table" "code"
    line: int
    end_line: int
    indent: int = 0
    text: str = ""  # line/bullet: content without marker; heading: title as written; code: the code
    raw: str = ""  # the physical line, stripped
    ordered: bool = False
    source: str = ""  # heading: atx setext banner plain bold numbered fused
    level: int = 0
    rows: list[list[str]] | None = None
    row_lines: list[int] | None = None  # table: the line each row starts on
    blank_before: int = 0
    authored: object = None  # kind "authored": the author's own card or question (authored.Found)
    inline: _Item | None = None  # content that shares the heading's line
    arrow: bool = False  # bullet written as `-->` / `--->`
    marker: str = ""  # bullet style: "-", "•", "1.", "-->" ...


@dataclass
class _Entry:
    """A block under construction, with what its nesting and label rules need."""

    block: Block
    indent: int
    gap: bool  # a blank line before it
    last_len: int = 0  # length of its last physical line (soft-wrap test)
    parts: list[str] = field(default_factory=list)  # soft-wrapped lines, joined once at the end
    flat_child: bool = False
    arrow: bool = False
    marker: str = ""


@dataclass
class _Run:
    """An open label or lead-in whose children were written at its own indent."""

    indent: int
    kind: str  # "label" "meta" "leadin" "title"
    block: Block
    children: int = 0
    nested: bool = False  # it already had properly indented children
    child_marker: str | None = None  # children share one bullet style


@dataclass
class _State:
    dropped: list[Dropped] = field(default_factory=list)
    seen_blocks: dict[str, int] = field(default_factory=dict)
    chatty: bool = False


# An HTML disclosure's title, `<details><summary>S3 Versioning</summary>`, titles what the disclosure holds; a
# practice question's "Show answer" disclosure is not a title.
_SUMMARY = re.compile(r"^\s*(?:<details[^<>]*>\s*)?<summary[^<>]*>(?P<title>.*?)</summary>\s*$", re.I)
_DETAILS_TAG = re.compile(r"^\s*</?details[^<>]*>\s*$", re.I)
_REVEAL = re.compile(r"\b(?:show|hide|reveal|see|click)\b|^\W*(?:answers?|solutions?|explanations?|hints?)\W*$", re.I)


_INDENTED_ATX = re.compile(r"^[ \t]{4,}(?=#{2,6}[ \t]+[A-Z*_\[])")


_JSON_KEY = re.compile(r'^"[^"]+"\s*:')  # '"Effect": "Allow",', '"Principal": {'


def _with_fences(lines: list[str]):
    """Each line with whether it sits inside a fenced code block (the fence lines themselves count as outside)."""
    fence = False
    for line in lines:
        if _FENCE.match(line):
            fence = not fence
            yield line, False
        else:
            yield line, fence


_ADMONITION = re.compile(r'^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+"[^"]*")?\s*$')


def _admonitions(lines: list[str]) -> list[str]:
    """A MkDocs admonition ('??? info "Things to Know"', '!!! note') is its body, dedented from the four spaces that
    keep it inside the box (read as code, it would be lost); the box's marker line and title are markup."""
    out: list[str] = []
    inside: str | None = None  # the indent of the admonition's body, while in it
    for line, fenced in _with_fences(lines):
        if fenced:
            out.append(line)
            continue
        if inside is not None:
            if line.startswith(inside) or not line.strip():
                out.append(line[len(inside) :] if line.strip() else line)
                continue
            inside = None
        if m := _ADMONITION.match(line):
            out.append("")  # the box's title ("Things to Know") is its markup, not a note
            inside = m["indent"] + "    "
            continue
        out.append(line)
    return out


def _indented_headings(lines: list[str]) -> list[str]:
    """An outline written with its headings indented by level ("    ##### Pricing" under "  #### EC2") keeps them as
    headings: in a file with headings of its own, an indented line of two or more hashes and a capitalised title
    is one (a shell comment in indented code is one hash and lower case)."""
    if not any(_ATX_STRICT.match(line) for line in lines):
        return lines
    return [line if fenced else _INDENTED_ATX.sub("", line) for line, fenced in _with_fences(lines)]


_HTML_HEADING = re.compile(r"^\s*<h([1-6])(?:\s[^<>]*)?>(?P<title>.*?)</h\1>\s*$", re.I)
_HTML_ITEM = re.compile(r"^\s*<li(?:\s[^<>]*)?>(?P<text>.*?)(?:</li>)?\s*$", re.I)
_HTML_LIST = re.compile(r"^\s*<(?P<close>/)?(?:ul|ol)(?:\s[^<>]*)?>\s*$", re.I)
_HTML_PARAGRAPH = re.compile(r"^\s*<p(?:\s[^<>]*)?>(?P<text>.*?)</p>\s*$", re.I)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)


_UNSPACED_ATX = re.compile(r"^( {0,3}#{2,6})(?=[A-Za-z(\[*_])")


def _unspaced_headings(lines: list[str]) -> list[str]:
    """ "##Elastic Compute Cloud (EC2)", "###Pricing": two or more hashes run into a title are a heading typed without
    its space (a tag is one hash), line for line."""
    return [line if fenced else _UNSPACED_ATX.sub(r"\1 ", line) for line, fenced in _with_fences(lines)]


_UNSPACED_DASH = re.compile(r"^(\s*)-(?=[A-Za-z])")
_UNSPACED_MIN = 3  # lines: one "-based" at a line's start is a wrapped word; a run of them is the author's bullets


_LINK_OPEN_AT_END = re.compile(r"\]\([^()\s]*$")  # "![image](https://user-images.example.com/1/2" ...
_LINK_CLOSE_AT_START = re.compile(r"^[^()\s]*\)")  # ... "18302401-cf27.png)": the address broken over two lines


def _broken_links(lines: list[str]) -> list[str]:
    """A link or image whose address an editor wrapped onto the next line is one link: the line that only ends the
    address is taken back into it (left empty, so every line keeps its number)."""
    out = list(lines)
    for k in range(len(out) - 1):
        if _LINK_OPEN_AT_END.search(out[k]) and (close := _LINK_CLOSE_AT_START.match(out[k + 1].strip())):
            rest = out[k + 1].strip()[close.end() :]
            out[k] = out[k].rstrip() + close.group(0) + (" " + rest if rest else "")
            out[k + 1] = ""
    return out


_BULLETED_HEADING = re.compile(r"^\s*[-*+]\s+(#{1,6}\s+\S.*)$")  # "- ### `Security Group`"


def _bulleted_headings(lines: list[str]) -> list[str]:
    """ "- ### `Security Group`" over its indented bullets: a markdown heading written as a list item is a heading
    (one with nothing indented under it is an item of its list, its marks dropped later)."""
    out = list(lines)
    for k, (line, fenced) in enumerate(_with_fences(lines)):
        if fenced or not (m := _BULLETED_HEADING.match(line)):
            continue
        following = next((x for x in lines[k + 1 :] if x.strip()), "")
        if len(following) - len(following.lstrip()) > len(line) - len(line.lstrip()):
            out[k] = m.group(1)
    return out


def _unspaced_bullets(lines: list[str]) -> list[str]:
    """ "-can be launched at any time" under "* On-Demand Instances": in a file that writes several, a dash run into
    its text is a bullet typed without its space, line for line."""
    if sum(1 for line in lines if _UNSPACED_DASH.match(line)) < _UNSPACED_MIN:
        return lines
    return [line if fenced else _UNSPACED_DASH.sub(r"\1- ", line) for line, fenced in _with_fences(lines)]


def _html_outline(lines: list[str]) -> list[str]:
    """A note written in HTML inside Markdown ("<h4>Cloud service models</h4>", "<ul>", "<li>PaaS<br>") as the
    Markdown it means, line for line (every line keeps its number): a heading as a heading, a list item as a
    bullet indented by its list's depth, a paragraph as its text, a list's own tags as blank lines. Other HTML is
    left to the sanitiser."""
    if not any(_HTML_HEADING.match(line) or _HTML_ITEM.match(line) for line in lines):
        return lines
    out, depth = [], 0
    for line, fenced in _with_fences(lines):
        if fenced or _FENCE.match(line):
            out.append(line)
        elif heading := _HTML_HEADING.match(line):
            out.append(f"{'#' * int(heading.group(1))} {_inner_text(heading.group('title'))}".rstrip())
        elif listed := _HTML_LIST.match(line):
            depth = max(0, depth - 1) if listed.group("close") else depth + 1
            out.append("")
        elif item := _HTML_ITEM.match(line):
            text = _inner_text(item.group("text"))
            out.append(f"{'  ' * max(0, depth - 1)}- {text}" if text else "")
        elif paragraph := _HTML_PARAGRAPH.match(line):
            out.append(_inner_text(paragraph.group("text")))
        else:
            out.append(line)
    return out


def _inner_text(html: str) -> str:
    """An HTML fragment's words: line breaks as spaces, tags dropped (their text kept)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^<>]*>", "", _HTML_BREAK.sub(" ", html))).strip()


def _summaries_as_headings(lines: list[str]) -> list[str]:
    """`<summary>X</summary>` as a Markdown heading one level below the heading above it, and `<details>` tags as
    blank lines, line for line (every line keeps its number)."""
    if not any("<summary" in line.lower() for line in lines):
        return lines
    out, level, fence = [], 2, False
    for line in lines:
        if _FENCE.match(line):
            fence = not fence
        if not fence and (atx := _ATX.match(line)):
            level = len(atx.group(1))
        summary = None if fence else _SUMMARY.match(line)
        title = _clean_text(re.sub(r"<[^<>]*>", " ", summary.group("title"))).strip(" ▶►▸>") if summary else ""
        if title and not _REVEAL.search(title):
            out.append(f"{'#' * min(6, level + 1)} {title}")
        elif not fence and _DETAILS_TAG.match(line):
            out.append("")
        else:
            out.append(line)
    return out


_SOURCES_LEAD_IN = re.compile(r"^\W*\w+(?:\W+\w+){2,}\W+(?:from|with|into|to)\s*:\s*$", re.I)
# "... collects logs from various services:": what it gathers things from (each item is a source, not a feature)
_GATHERS_FROM = re.compile(
    r"\b(?:collect|gather|pull|ingest|receive|aggregate|stream|capture|import|fetch|pick|take)(?:s|es|ed|ing)?\b"
    r"[^:.;]{0,60}\bfrom\b[^:.;]{0,60}:\s*$",
    re.I,
)


def parse(text: str) -> Outline:
    """Outline of one note file's text. Never raises on any string."""
    return _Parser(text).run()


class _Parser:
    def __init__(self, text: str):
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        lines = _unspaced_bullets(_unspaced_headings(_bulleted_headings(_broken_links(text.split("\n")))))
        self.lines = _indented_headings(_summaries_as_headings(_html_outline(_admonitions(lines))))
        self.stripped = [line.strip() for line in self.lines]
        self.n = len(self.lines)
        self.removed = [False] * self.n
        self.code_line = self._code_lines()
        self.state = _State()
        self.md = self._is_markdown()
        self.names: tuple[str, ...] = ()  # what the front matter calls the note (set when it is dropped)
        # "Here's a breakdown ..." is chat filler only in a file that shows a chat assistant's tics.
        self.state.chatty = any(
            _CHAT_OPENER.match(x) or _CHAT_FOLLOW.match(x) or _CHAT_REFERRING.match(x) for x in self.stripped
        )

    # -- driver ---------------------------------------------------------------------------------

    def run(self) -> Outline:
        self._drop_front_matter()
        self._drop_repeated_runs()
        skip = [r or c for r, c in zip(self.removed, self.code_line, strict=True)]
        self.authored = find_authored(self.stripped, skip)
        items = self._tokenize()
        items = self._drop_homework(items)
        content = [it.indent for it in items if it.kind in ("line", "bullet")]
        self.baseline = min(content) if content else 0
        self._outline_headings(items)
        if not self.md:
            self._find_plain_headings(items)
        else:
            self._find_bold_subheadings(items)
        self._assign_levels(items)
        sections = self._build(items)
        sections = self._drop_conclusions(sections)
        sections = self._merge_repeated_headings(sections)
        sections = self._drop_empty_repeats(sections)
        dropped = sorted(self.state.dropped, key=lambda d: (d.line, d.end_line))
        return Outline(sections=sections, dropped=dropped, names=self.names)

    def _drop(self, line: int, end_line: int, reason: str) -> None:
        self.state.dropped.append(Dropped(line=line, end_line=end_line, reason=reason))

    def _drop_front_matter(self) -> None:
        """Obsidian/Jekyll front matter (`---` / `tags: [aws]` / `---` at the top) is metadata, not notes."""
        if not self.n or self.stripped[0] != "---":
            return
        for end in range(1, min(self.n, 60)):
            if self.stripped[end] in ("---", "..."):
                body = [x for x in self.stripped[1:end] if x]
                if body and _FRONT_MATTER_KEY.match(body[0]):
                    for k in range(end + 1):
                        self.removed[k] = True
                    self._drop(1, end + 1, "front matter")
                    self.names = _front_matter_names(body)
                return

    def _outline_headings(self, items: list[_Item]) -> None:
        """`1. AWS KMS` over `1.1 What it is` over text: numbered outline titles are headings, not list items.

        A dotted number (1.1) is always an outline; `1.`, `2)`, `IV.`, `B.` are when a title-like line is
        followed by its own content rather than by the next item of the same list (`1. S3` / `2. EC2` stays a
        list). Levels follow the order the numbering styles first appear: I. > A. > 1. > 1.1.
        """
        dotted = any(re.match(r"^\d{1,2}\.\d{1,2}\b", it.raw) for it in items if it.kind in ("line", "bullet"))
        if self.md and not dotted:
            return
        styles: list[str] = []
        found: list[tuple[_Item, str, str]] = []
        letter = last = ""  # the last lettered line's letter: "A." opens a run, "B." goes on with it
        for k, it in enumerate(items):
            if it.kind not in ("line", "bullet") or (it.kind == "bullet" and not it.ordered):
                continue
            m = _OUTLINE.match(it.raw)
            if not m:
                continue
            title, style = m.group("title").strip(), _outline_style(m.group("num"))
            if style == "letter":
                last, letter = letter, m.group("num")[0]  # (every lettered line moves the run on, a heading or not)
            if not _title_like(_clean_text(title), max_words=8) or title.endswith(":") and self._colon_label(title):
                continue
            if title.endswith(":") and not dotted:
                continue  # "1) Customer Side Notification :" is the plain numbered heading rule's
            nxt = items[k + 1] if k + 1 < len(items) else None
            prev = items[k - 1] if k else None
            prev_m = _OUTLINE.match(prev.raw) if prev is not None and prev.kind in ("line", "bullet") else None
            if not (style.startswith("d") and style != "d1") and (
                not self._outline_parent(it, style, nxt)
                or (prev_m is not None and _outline_style(prev_m.group("num")) == style)
            ):
                continue  # one item of a numbered list: its neighbour is the list's previous item
            if style == "letter" and not self._can_be_letter_heading(letter, last, prev):
                continue  # "2. A Lambda function needs ... What is the MOST secure way?" over "B. Attach an IAM role":
                # the answer the author picked, not a heading over the next question
            found.append((it, title, style))
            if style not in styles:
                styles.append(style)
        arabic = sorted(s for s in styles if s.startswith("d"))
        order = [s for s in styles if not s.startswith("d")] + arabic
        for it, title, style in found:
            it.kind, it.text, it.source, it.ordered = "heading", title, "outline", False
            it.level = order.index(style) + 1

    @staticmethod
    def _can_be_letter_heading(letter: str, last: str, prev: _Item | None) -> bool:
        """Whether a lettered line can be an outline heading: its run starts at "A." and goes on letter by letter
        (the lettered line before it, heading or not, is the letter before), and it does not come straight after a
        question or a numbered question's stem (a practice question's picked answer, "C. Store sessions in
        ElastiCache")."""
        if prev is not None and prev.kind in ("line", "bullet") and (_asks(prev) or _a_stem(prev)):
            return False
        return letter == "A" or (bool(last) and ord(letter) == ord(last) + 1)

    def _colon_label(self, title: str) -> bool:
        return _clean(title.rstrip(": ")).lower() in _META_LABELS

    def _outline_parent(self, it: _Item, style: str, nxt: _Item | None) -> bool:
        if nxt is None or nxt.kind not in ("line", "bullet", "table", "code"):
            return nxt is not None and nxt.kind == "heading"
        m = _OUTLINE.match(nxt.raw) if nxt.kind in ("line", "bullet") else None
        if m and _outline_style(m.group("num")) == style:
            return False  # the next item of the same list
        if nxt.kind == "bullet" and nxt.ordered and not m:
            return False
        return nxt.indent <= it.indent + 1 or (m is not None)

    def _is_markdown(self) -> bool:
        """Markdown files get Markdown rules only; plain notes get the heading heuristics.

        Two `#` headings make a Markdown file; one needs another Markdown sign, so that a stray
        "# of instances: 5" in plain notes does not switch the heuristics off.
        """
        in_fence, atx, signs = False, 0, 0
        for line in self.lines:
            if _FENCE.match(line):
                in_fence = not in_fence
                signs += 1
            elif not in_fence:
                if _ATX_STRICT.match(line):
                    atx += 1
                elif "**" in line or "](" in line:
                    signs += 1
            if atx >= 2 or (atx and signs):
                return True
        return False

    def _code_lines(self) -> list[bool]:
        """Which lines sit inside a code fence (a repeat may drop a whole fence, never half of one)."""
        inside, out = False, []
        for line in self.lines:
            if _FENCE.match(line):
                inside = not inside
                out.append(False)
            else:
                out.append(inside)
        return out

    # -- whole pasted-again runs (a service's block pasted twice) -----------------------------------------

    def _drop_repeated_runs(self) -> None:
        """Drop a stretch of lines that repeats an earlier stretch verbatim (3+ lines, 200+ chars)."""
        seen: dict[str, list[int]] = {}
        s = self.stripped
        i = 0
        while i < self.n:
            t = s[i]
            if len(t) >= 20 and t in seen:
                best_i, best_j, best_k = i, -1, 0
                positions = seen[t]
                for j in positions[:4] + positions[-32:]:
                    k = 0
                    while i + k < self.n and j + k < i and s[j + k] == s[i + k]:
                        k += 1
                    a, b = i, j
                    while a > 0 and b > 0 and a - 1 >= b + k and not self.removed[a - 1] and s[a - 1] == s[b - 1]:
                        a, b, k = a - 1, b - 1, k + 1
                    if k > best_k:
                        best_i, best_j, best_k = a, b, k
                start, end = best_i, best_i + best_k
                while start < end and (not s[start] or _RULE.match(s[start])):
                    start += 1  # blank lines and separators around a repeat are not part of it
                while end > start and (not s[end - 1] or _RULE.match(s[end - 1])):
                    end -= 1
                body = [x for x in s[start:end] if x]
                fences = sum(1 for x in range(start, end) if _FENCE.match(self.lines[x]))
                whole_code = fences % 2 == 0 and not (start < self.n and self.code_line[start])
                # (a practice question's answer repeated word for word is a copy slip the question reader reports)
                answers = any(ANSWER_LINE.match(x) for x in body)
                # a repeat that stops inside a list, its next line nested under it, is lines two lists share (each
                # support plan's response times), not a pasted copy: dropping it would orphan what follows
                orphans = end < self.n and s[end] and _indent(self.lines[end]) > _indent(self.lines[start])
                if (
                    best_j >= 0 and len(body) >= 3 and sum(map(len, body)) >= 200 and whole_code and not answers
                    and not orphans
                ):  # fmt: skip
                    src = best_j + (start - best_i)
                    self._drop(start + 1, end, f"duplicate of lines {src + 1}-{src + end - start}")
                    for x in range(start, end):
                        self.removed[x] = True
                    i = max(i + 1, end)
                    continue
            seen.setdefault(t, []).append(i)
            i += 1

    # -- tokens ---------------------------------------------------------------------------------

    def _tokenize(self) -> list[_Item]:
        items: list[_Item] = []
        blanks = 0
        lines, s, n = self.lines, self.stripped, self.n

        def add(item: _Item) -> None:
            nonlocal blanks
            if blanks >= 5 and not self.md and items:
                # A long run of empty lines is how some notes separate topics; treat it as a break.
                items.append(_Item("break", item.line, item.line))
            item.blank_before = blanks
            blanks = 0
            items.append(item)

        i = 0
        while i < n:
            if self.removed[i] or not s[i]:
                blanks += 1
                i += 1
                continue
            raw, text, ind = lines[i], s[i], _indent(lines[i])
            found = self.authored.get(i)
            if found is not None:
                add(_Item("authored", i + 1, found.end, indent=ind, raw=text, authored=found))
                for line, reason in found.dropped:
                    self._drop(line, line, reason)
                i = found.end
                continue
            if items and blanks <= 1 and _IMAGE.search(text) and not _IMAGE.sub("", text).strip(" \t*_"):
                prev = items[-1]
                if (
                    prev.kind == "line"
                    and len(prev.text.split()) <= 12
                    and not prev.text.endswith((".", ";", "?", "!"))
                    and (blanks == 0 or _CAPTION_WORD.match(prev.text))
                ):
                    # "Architecture diagram" right above an image captions it: not a heading, not a term.
                    items.pop()
                    self._drop(prev.line, prev.end_line, "image caption")
            fence = _FENCE.match(raw)
            if fence:
                i = self._fence(i, fence, add)
                continue
            if text in ("{", "[") and (end := self._bare_json_end(i)):
                # a JSON policy pasted without a fence ("{" / '"Effect": "Allow",' / "}"): code, not notes
                add(_Item("code", i + 1, end, indent=ind, text=_dedent(lines[i:end], base=ind), raw=text))
                i = end
                continue
            if "|" in text:
                end = self._table_end(i)
                if end:
                    rows, starts = _table_rows(lines[i:end])
                    if rows:
                        row_lines = [i + 1 + k for k in starts]
                        add(_Item("table", i + 1, end, indent=ind, rows=rows, row_lines=row_lines, raw=text))
                    else:
                        self._drop(i + 1, end, "empty table")
                    i = end
                    continue
            if _RULE.match(text):
                if self._banner_at(i):
                    add(_Item("heading", i + 2, i + 2, text=s[i + 1], raw=s[i + 1], source="banner"))
                    i += 3
                else:
                    add(_Item("sep", i + 1, i + 1, raw=text))
                    i += 1
                continue
            atx = _ATX.match(raw)
            if atx and _EXAMPLE_TITLE.match(atx.group(2) or ""):
                # "#### e.g. access to create EC2 instances" under a bullet is that bullet's example, set large: a
                # line of the section it sits in, not a section about EC2
                add(_Item("line", i + 1, i + 1, indent=ind, text=atx.group(2).strip(), raw=text))
                i += 1
                continue
            if atx and (self.md or not (atx.group(2) or "x")[0].islower()):  # plain "# of instances: 5" is text
                title = atx.group(2) or ""
                add(_Item("heading", i + 1, i + 1, text=title, raw=text, source="atx", level=len(atx.group(1))))
                i += 1
                continue
            if self._setext_at(i):
                level = 1 if s[i + 1].startswith("=") else 2
                add(_Item("heading", i + 1, i + 1, text=text, raw=text, source="setext", level=level))
                i += 2
                continue
            bullet = _BULLET.match(raw)
            ordered = None if bullet else _ORDERED.match(raw)
            if bullet or ordered:
                rest = (bullet or ordered).group("rest").strip()
                if rest:
                    arrow = bool(bullet and bullet.group("arrow"))
                    marker = "1." if ordered else "-->" if arrow else text[0]
                    add(
                        _Item(
                            "bullet",
                            i + 1,
                            i + 1,
                            indent=ind,
                            text=rest,
                            raw=text,
                            ordered=bool(ordered),
                            arrow=arrow,
                            marker=marker,
                        )
                    )
                else:
                    blanks += 1
                i += 1
                continue
            if not self.md and self._diagram_line(i):
                end = i
                while end < n and not self.removed[end] and self._diagram_line(end):
                    end += 1
                if end - i >= 2 and any(self._diagram_strong(k) for k in range(i, end)):
                    code = _dedent(lines[i:end])
                    add(_Item("code", i + 1, end, indent=ind, text=code, raw=text))
                    i = end
                    continue
            if text.startswith(">"):
                text = text.lstrip("> \t") or text
            add(_Item("line", i + 1, i + 1, indent=ind, text=text, raw=text))
            i += 1
        return items

    def _fence(self, i: int, m: re.Match, add) -> int:
        mark = m.group(2)
        close = re.compile(r"^[ \t]*" + re.escape(mark[0]) + "{" + str(len(mark)) + r",}[ \t]*$")
        j = i + 1
        while j < self.n and not close.match(self.lines[j]):
            j += 1
        end = min(j, self.n - 1)
        code = _dedent(self.lines[i + 1 : j], base=_indent(self.lines[i]))
        if code.strip():
            add(_Item("code", i + 1, end + 1, indent=_indent(self.lines[i]), text=code, raw=self.stripped[i]))
        else:
            self._drop(i + 1, end + 1, "empty code block")
        return j + 1

    def _bare_json_end(self, i: int) -> int | None:
        """The line after the bracket that closes one opened alone on line `i`, at its indent or less, when the lines
        between are JSON ('"Key": value' pairs), else None."""
        indent, closing = _indent(self.lines[i]), "}" if self.stripped[i] == "{" else "]"
        for j in range(i + 1, min(self.n, i + 200)):
            if self.stripped[j].rstrip(",") == closing and _indent(self.lines[j]) <= indent:
                body = [x for x in self.stripped[i + 1 : j] if x]
                keyed = sum(1 for x in body if _JSON_KEY.match(x))
                return j + 1 if body and keyed * 2 >= len(body) - sum(x in "{}[]," for x in body) else None
        return None

    def _table_end(self, i: int) -> int | None:
        j = i
        while j < self.n and not self.removed[j] and self.stripped[j] and "|" in self.stripped[j]:
            j += 1
        if j - i >= 2 and any(_TABLE_DELIM.match(self.stripped[k]) for k in range(i, j)):
            return j
        return None

    def _banner_at(self, i: int) -> bool:
        """A title between two rule lines of the same character (slide exports' dash banners) is one heading."""
        if i + 2 >= self.n or self.removed[i + 1] or self.removed[i + 2]:
            return False
        first, title, last = self.stripped[i], self.stripped[i + 1], self.stripped[i + 2]
        if not _RULE.match(first) or not _RULE.match(last) or first[0] != last[0]:
            return False
        return bool(title) and not _RULE.match(title) and "|" not in title and len(title.split()) <= 15

    def _setext_at(self, i: int) -> bool:
        if i + 1 >= self.n or self.removed[i + 1]:
            return False
        under = _SETEXT.match(self.lines[i + 1])
        if not under or (len(under.group(1)) < 2 and under.group(1) != "="):
            return False  # (a lone "-" is an empty bullet as often as an underline; a lone "=" is only an underline)
        line, text = self.lines[i], self.stripped[i]
        lead = line[: len(line) - len(line.lstrip())]
        if "\t" in lead or len(lead) > 3 or "|" in text or len(text.split()) > 15:
            return False
        if _BULLET.match(line) or _ORDERED.match(line):
            return False
        prev = self.stripped[i - 1] if i > 0 and not self.removed[i - 1] else ""
        if prev and not (_RULE.match(prev) or _ATX.match(self.lines[i - 1])):
            return False  # only the first line of a paragraph can be a setext title
        return not self._banner_at(i + 1)

    def _diagram_line(self, i: int) -> bool:
        text = self.stripped[i]
        if not text or _BULLET.match(self.lines[i]) or _ORDERED.match(self.lines[i]):
            return False
        return "---" in text or "|" in text

    def _diagram_strong(self, i: int) -> bool:
        line, text = self.lines[i].rstrip(), self.stripped[i]
        return bool(re.search(r"\S {3,}\S", text)) or text.endswith("|") or line.startswith(" " * 6)

    def _drop_homework(self, items: list[_Item]) -> list[_Item]:
        """Homework ("Assignment 1" / "hints") blocks are homework, not facts: drop them to the next blank."""
        out: list[_Item] = []
        k = 0
        while k < len(items):
            it = items[k]
            if it.kind == "line" and _HOMEWORK.match(it.text):
                end = k + 1
                while end < len(items) and items[end].blank_before == 0 and items[end].kind in ("line", "bullet"):
                    end += 1
                self._drop(it.line, items[end - 1].end_line, "homework")
                if end < len(items):
                    items[end].blank_before = max(items[end].blank_before, 1)
                k = end
                continue
            out.append(it)
            k += 1
        return out

    # -- headings in plain text -----------------------------------------------------------------

    def _find_plain_headings(self, items: list[_Item]) -> None:
        baseline = self.baseline
        # Backwards, so "the next thing is a heading" is already known for each line.
        for k in range(len(items) - 1, -1, -1):
            it = items[k]
            if it.kind not in ("line", "bullet"):
                continue
            prev = items[k - 1] if k > 0 else None
            nxt = items[k + 1] if k + 1 < len(items) else None
            found = self._plain_heading(it, prev, nxt, baseline)
            if found:
                title, source, inline = found
                it.kind, it.text, it.source, it.inline = "heading", title, source, inline

    def _find_bold_subheadings(self, items: list[_Item]) -> None:
        """In markdown, a line wholly in bold that stands as a paragraph of its own over prose ("**Multi AZ**", a
        blank line, then paragraphs) titles what follows: a sub-heading under the markdown heading above it. A bold
        sentence, a label ("**Note**", "**Question**"), a bold list item, or a bold line over a list (the list's label)
        is not."""
        for k, it in enumerate(items):
            if it.kind != "line" or it.indent > self.baseline + 1:
                continue
            prev = items[k - 1] if k > 0 else None
            nxt = items[k + 1] if k + 1 < len(items) else None
            m = _WHOLE_BOLD.match(it.text)
            if not m or not (it.blank_before or prev is None or prev.kind in ("heading", "sep", "break")):
                continue
            title = _clean(m.group(1))
            if (
                not title
                or len(title.split()) > 8
                or title.endswith((".", "!", "?"))
                or title.lower() in _META_LABELS
                or title.lower() in _QUIZ_LABELS
                or nxt is None
                or nxt.kind != "line"  # (over a list it is the list's label: the list says what it is)
                or _WHOLE_BOLD.match(nxt.text)  # bold lines in a row are a list of names
            ):
                continue
            it.kind, it.text, it.source = "heading", m.group(1), "mdbold"

    def _plain_heading(self, it: _Item, prev: _Item | None, nxt: _Item | None, baseline: int):
        s = it.text
        at_base = it.indent <= baseline + 1
        if it.kind == "bullet":
            if not (it.ordered and at_base):
                return None
            m = _BARE_COLON.match(s)  # a numbered title ending in a bare colon: "2) Billing Alerts :"
            if m and _title_like(m.group(1)) and _clean(m.group(1)).lower() not in _META_LABELS:
                return m.group(1), "numbered", None
            m = _TITLE_DOT_REST.match(s)  # a numbered title, a dot, then text: "4. Glacier. cheap but slow to restore"
            if m and len(m.group(1).split()) <= 3:
                return m.group(1), "numbered", self._inline(it, m.group(2))
            return None
        if _LINK.fullmatch(s.strip()):
            return None  # "[back](index.md)", a contents entry: where to go, not what the lines below are about
        # "2. A Lambda function needs permission ...", then "What is the MOST secure way?" and "B. Attach an IAM role to
        # the Lambda function": a practice question's next line and the answer its author picked
        if _after_a_stem(it, prev):
            return None
        m = _WHOLE_BOLD.match(s)  # a whole line in bold: "** Storage **"
        if m and _clean(m.group(1)).lower() not in _META_LABELS:
            return m.group(1), "bold", None
        if not at_base:
            return None
        m = _NUM_SPACE.match(s)  # a number, a space, then "Term : meaning": "3 SQS : Simple Queue Service"
        if m and ":" in m.group(2) and len(m.group(2).split()) <= 10 and not s.endswith((".", ",")):
            return m.group(2), "numbered", None
        m = _CAPS_DASHES.match(s)  # an ALL-CAPS title, dashes, then text: "NETWORKING -----  1) Subnets ..."
        if m and _is_caps(m.group(1)):
            return m.group(1), "plain", self._inline(it, m.group(2))
        m = _BARE_COLON.match(s)
        if m:
            label = _clean(m.group(1))
            if label.lower() in _META_LABELS or label.lower() in _ROLE_WORDS:
                return None  # a label; its children follow
            return (m.group(1), "plain", None) if _title_like(label) else None
        if s.lower() in _ROLE_WORDS:
            return None
        after_blank = it.blank_before > 0 or prev is None or prev.kind in ("heading", "sep", "break")
        term = _split_term(_clean_text(s))
        if term and term[1]:
            t, definition = term
            if len(definition.split()) > 4 and (
                (it.blank_before >= 2 and len(t.split()) <= 4) or (after_blank and _expands_acronym(t, definition))
            ):
                # "SNS: notification service which ..." after two empty lines, or "SQS: simple queue service:
                # Message queue." opens a topic: a heading plus its definition.
                return t, "fused", self._inline(it, s)
            if (
                after_blank
                and len(definition.split()) <= 4
                and not definition.endswith((".", ","))
                and nxt is not None
                and nxt.blank_before <= 1
                and nxt.kind in ("bullet", "heading")
            ):
                return s, "plain", None  # "VPC: Subnets & Routes", "SQS – Simple Queue Service"
            if after_blank and _SECTION_WORD.fullmatch(definition) and nxt is not None and nxt.kind == "line":
                return s, "plain", None  # "Amazon S3 (Simple Storage Service) – Summary" over its lines
            return None
        if not _title_like(s, max_words=8):
            return None
        if not after_blank and prev is not None and prev.kind == "line":
            return None  # one line of an unbulleted list, not a title
        if _is_caps(s) or s.endswith("?"):
            return s, "plain", None
        if nxt is None:
            return None
        if nxt.kind == "bullet" and nxt.blank_before <= 2:
            return s, "plain", None
        if nxt.kind in ("line", "table", "code") and nxt.indent > it.indent + 1 and nxt.blank_before <= 1:
            return s, "plain", None
        if nxt.kind == "heading" and nxt.blank_before <= 2:
            return s, "plain", None
        if nxt.kind == "line" and nxt.blank_before <= 1 and _is_label_line(nxt.text):
            return s, "plain", None  # a short title above a label line ("Benefits:", "AWS")
        if after_blank and nxt.kind == "line" and not nxt.blank_before and _titles_its_kinds(s, nxt.text):
            return s, "plain", None  # "Elastic Load Balancers" over "Application Load Balancers – Works on layer 7"
        if (
            after_blank
            and nxt.kind == "line"
            and not nxt.blank_before
            and nxt.indent <= it.indent
            and _names_a_product(s)
            and len(_words(nxt.text)) >= 4
            and not _names_a_product(nxt.text)
        ):
            return s, "plain", None  # "EC2 Reserved instances" over "Up to 72% discount compared to On-demand"
        return None

    def _inline(self, it: _Item, text: str) -> _Item:
        return _Item("line", it.line, it.end_line, indent=it.indent, text=text.strip(), raw=it.raw)

    def _assign_levels(self, items: list[_Item]) -> None:
        headings = [it for it in items if it.kind == "heading"]
        atx = [it for it in headings if it.source == "atx"]
        if atx:
            # Levels become 1, 2, 3 in order of use (`#` then `###` is 1 then 2). A level used far less
            # than the next one is the same level misspelt: e.g. hundreds of `###` and two stray `##`.
            counts = {lv: sum(1 for it in atx if it.level == lv) for lv in range(1, 7)}
            fold = {lv: lv for lv in range(1, 7)}
            for lv in range(2, 6):
                if counts[lv] and counts[lv] * 20 <= counts[lv + 1]:
                    fold[lv] = lv + 1
            used = sorted({fold[it.level] for it in atx})
            rank = {lv: used.index(fold[lv]) + 1 for lv in range(1, 7) if fold[lv] in used}
            for it in atx:
                it.level = rank[it.level]
        depth = 0  # a bold sub-heading sits one level under the markdown heading above it
        for it in items:
            if it.kind == "heading" and it.source == "atx":
                depth = it.level
            elif it.kind == "heading" and it.source == "mdbold":
                it.level = depth + 1
        banners = any(it.source == "banner" for it in headings)
        separators = any(it.kind == "sep" for it in items)
        after_sep = True
        for it in items:
            if it.kind == "sep":
                after_sep = True
            if it.kind != "heading":
                continue
            if it.source == "banner":
                it.level = 1
            elif it.source in _HEADING_SOURCES_UNMARKED:
                if banners:
                    it.level = 2  # banner titles (slide exports) on top, plain sub-headings under them
                elif separators:
                    it.level = 1 if after_sep else 2  # separator-ruled notes: the title after a separator leads
                else:
                    it.level = 1  # no banners or separators: every title line is a top-level heading
            after_sep = False

    # -- sections and blocks --------------------------------------------------------------------

    def _build(self, items: list[_Item]) -> list[Section]:
        top: list[Section] = []
        stack: list[Section] = []
        pending: dict[int, list[_Item]] = {}
        order: list[Section] = []
        untitled: set[int] = set()
        for it in items:
            if it.kind == "heading":
                title = _clean_title(it.text)
                if not title:
                    self._drop(it.line, it.end_line, "empty heading")
                    continue
                section = Section(title=title, raw_title=it.raw, level=max(1, it.level), line=it.line)
                if stack and id(stack[-1]) in untitled:
                    stack.pop()
                while stack and stack[-1].level >= section.level:
                    stack.pop()
                (stack[-1].children if stack else top).append(section)
                stack.append(section)
                order.append(section)
                pending[id(section)] = [it.inline] if it.inline else []
                continue
            if it.kind in ("sep", "break"):
                if it.kind == "sep":
                    self._drop(it.line, it.end_line, "separator")
                if not self.md:
                    stack = []  # in plain notes a separator ends the topic
                continue
            if not stack:
                section = Section(title="", raw_title="", level=1, line=it.line)
                top.append(section)
                stack.append(section)
                order.append(section)
                untitled.add(id(section))
                pending[id(section)] = []
            if it.kind == "authored":
                found = it.authored
                if found.card is not None:
                    stack[-1].cards.append(found.card)
                elif found.question is not None:  # (an answer key holds neither: its lines are only dropped)
                    stack[-1].questions.append(found.question)
                continue
            pending[id(stack[-1])].append(it)
        for section in order:
            section.blocks = self._blocks(pending[id(section)])
        return top

    def _blocks(self, items: list[_Item]) -> list[Block]:
        entries: list[_Entry] = []
        for it in items:
            gap = it.blank_before > 0
            if it.kind == "code":
                block = Block(kind="code", text=it.text, line=it.line, end_line=it.end_line)
                entries.append(_Entry(block, it.indent, gap))
                continue
            if it.kind == "table":
                rows = it.rows or []
                block = Block(
                    kind="table", text=table_text(rows), line=it.line, end_line=it.end_line, rows=rows,
                    row_lines=it.row_lines,
                )  # fmt: skip
                entries.append(_Entry(block, it.indent, gap))
                continue
            text = _clean_text(it.text)
            if not text:
                if it.text.strip():
                    self._drop(it.line, it.end_line, "image reference (the image file is not in the notes)")
                continue
            last = entries[-1] if entries else None
            if last is not None and it.kind == "line" and not gap and _soft_wrapped(last, it, text):
                last.parts.append(text)
                last.block.end_line = it.end_line
                last.last_len = len(it.text)
                continue
            kind = "bullet" if it.kind == "bullet" else "paragraph"
            block = Block(kind=kind, text=text, line=it.line, end_line=it.end_line, ordered=it.ordered)
            entry = _Entry(block, it.indent, gap, last_len=len(it.text), arrow=it.arrow, marker=it.marker, parts=[text])
            entries.append(entry)
        for entry in entries:
            if len(entry.parts) > 1:
                entry.block.text = " ".join(entry.parts)
        kept: list[_Entry] = []
        for entry in entries:
            if self._keep(entry):
                kept.append(entry)
        _lists_without_markers(kept)
        sources_of = None  # the indent of a lead-in that lists where something comes from or goes to
        gathered = False  # ... and whether it says what its subject gathers from them
        nested = False  # the list under it is indented: back at the lead-in's indent, the list has ended
        for entry in kept:
            if sources_of is not None and entry.indent > sources_of:
                nested = True
            elif entry.gap or (sources_of is not None and (entry.indent < sources_of or nested)):
                sources_of = None
            if sources_of is None:
                _set_term(entry.block, entry.arrow)
            elif gathered:
                entry.block.origin = "source"  # stays with the lead-in: no fact, no page of its own, no quote
            # "The log service pulls logs from:" then "Beanstalk: app logs": each item is a source of the
            # lead-in's subject, never a definition of its label
            gathers = bool(_GATHERS_FROM.search(entry.block.text))
            if gathers or _SOURCES_LEAD_IN.search(entry.block.text):
                sources_of, gathered, nested = entry.indent, gathers, False
        _set_depths(kept, self.baseline)
        return self._drop_empty_labels(kept)

    def _keep(self, entry: _Entry) -> bool:
        """Junk filter for one block; a block kept may come back with its text trimmed."""
        block = entry.block
        text = block.text
        line, end = block.line, block.end_line
        if block.kind in ("paragraph", "bullet"):
            tail = _DANGLING_TAIL.search(text)
            if tail:  # a closing "... see the section below for more ..." sentence
                block.text = text = text[: tail.start()].rstrip()
                self._drop(line, end, "dangling reference (closing sentence removed)")
        if block.kind == "paragraph":
            opener = _CHAT_OPENER.match(text)
            if opener:
                rest = text[opener.end() :].strip()
                rest_plain = rest.replace("**", "").replace("__", "")
                if not rest or _CHAT_HERE.match(rest_plain) or _CHAT_FOLLOW.match(rest_plain):
                    return self._junk(line, end, "chat lead-in", chat=True)
                block.text = text = rest  # "Certainly! Amazon S3 is ..." keeps its content
                self._trimmed(line, end, "chat lead-in (opening word removed)")
            plain = text.replace("**", "").replace("__", "")
            if self.state.chatty and _CHAT_HERE.match(plain):
                return self._junk(line, end, "chat lead-in", chat=True)
            if _CHAT_FOLLOW.match(plain) or (_CHAT_LET_ME_KNOW.search(plain) and len(plain) < 200):
                return self._junk(line, end, "chat follow-up", chat=True)
            m = _CHAT_REFERRING.match(text)
            if m:  # a chat reply: keep what it says about the service, lose the chat about what you meant
                block.text = text = f"{m.group(1)} {m.group(2)} {m.group(3)}"
                self._trimmed(line, end, 'chat lead-in ("It seems like you might be referring to" removed)')
            tail = _CHAT_TAIL.search(text) if self.state.chatty else None
            if tail:  # a chat reply's "... Here’s a breakdown of key details about <service>:"
                block.text = text = text[: tail.start()].rstrip()
                self._trimmed(line, end, "chat lead-in (closing sentence removed)")
            if _SUMMARY_PARA.match(plain):
                return self._junk(line, end, "boilerplate summary")
            if _BARE_URL.match(text):
                return self._junk(line, end, "bare URL")
            if _DISCOURSE.search(plain) and len(plain.split()) <= 20:
                return self._junk(line, end, "discourse")
            if _PROMPT.match(plain):
                return self._junk(line, end, "question prompt leftover")
            if _DANGLING_REF.match(plain):
                return self._junk(line, end, "dangling reference")
            if line == end and _is_truncated(plain):
                return self._junk(line, end, "truncated")
            if line == end and _FRAGMENT.fullmatch(plain) and plain not in _ROLE_WORDS:
                return self._junk(line, end, "fragment")
        key = _dedupe_key(block)
        if key and not block.text.rstrip().endswith(":"):  # a list's lead-in repeats; its items are this list's
            first = self.state.seen_blocks.get(key)
            if first is not None:
                return self._junk(line, end, f"duplicate of line {first}")
            self.state.seen_blocks[key] = line
        return True

    def _junk(self, line: int, end: int, reason: str, chat: bool = False) -> bool:
        self._drop(line, end, reason)
        if chat:
            self.state.chatty = True
        return False

    def _trimmed(self, line: int, end: int, reason: str) -> None:
        """Part of a kept block was chat; say so in `dropped`."""
        self._drop(line, end, reason)
        self.state.chatty = True

    def _drop_empty_labels(self, entries: list[_Entry]) -> list[Block]:
        """A bare `ACL:` at the end of a section labels nothing."""
        blocks = [e.block for e in entries]
        while blocks:
            last = blocks[-1]
            if last.term is not None and last.definition == "" and last.kind != "table":
                self._drop(last.line, last.end_line, "empty label")
                blocks.pop()
                continue
            break
        return blocks

    def _drop_conclusions(self, sections: list[Section], parent: Section | None = None) -> list[Section]:
        """A chat export's `### Conclusion` restates its page; a table written under it is kept for the page."""
        kept = []
        for section in sections:
            title = section.title
            boiler = _CONCLUSION_TITLE.match(title) or (self.state.chatty and _CHAT_SUMMARY_TITLE.match(title))
            if not boiler:
                section.children = self._drop_conclusions(section.children, section)
                kept.append(section)
                continue
            tables = [k for k, b in enumerate(section.blocks) if b.kind == "table"]
            if not tables or section.children:
                if tables:  # a table with sub-sections under it: keep the lot
                    kept.append(section)
                    continue
                self._drop(section.line, _last_line(section), "boilerplate conclusion")
                continue
            if parent is None:
                kept.append(section)
                continue
            # a comparison table ("Feature | EBS | EFS") can follow a conclusion with no heading of its own.
            first = tables[0]
            prose_end = section.blocks[first - 1].end_line if first else section.line
            self._drop(section.line, prose_end, "boilerplate conclusion")
            parent.blocks.extend(section.blocks[first:])
        return kept

    def _merge_repeated_headings(self, sections: list[Section]) -> list[Section]:
        """One heading written twice is one heading.

        Flat notes write a banner then the same topic as a colon heading (`ROUTE 53` / `AMAZON ROUTE 53 :`,
        `CLOUD FORMATION:` / `CloudFormation`), Markdown ones an H1 then an H3 (`# AWS Batch` /
        `### AWS Batch Overview`). Runs after junk removal, so a dropped chat line between them
        does not keep them apart.
        """
        out: list[Section] = []
        for section in sections:
            self._absorb_first_child(section)
            prev = out[-1] if out else None
            if (
                prev is not None
                and not prev.blocks
                and not prev.children
                and not _authored(prev)
                and prev.title
                and _same_topic(prev.title, section.title)
            ):
                self._absorb(prev, section)
                section = prev
                out.pop()
            section.children = self._merge_repeated_headings(section.children)
            out.append(section)
        return out

    def _absorb_first_child(self, section: Section) -> None:
        while (
            not section.blocks
            and not _authored(section)
            and section.children
            and _same_topic(section.title, section.children[0].title)
        ):
            child = section.children.pop(0)
            rest = section.children
            self._absorb(section, child)
            section.children = section.children + rest
        first = section.blocks[0] if section.blocks else None
        if (
            first is not None
            and first.kind == "paragraph"
            and first.term is None
            and _title_like(first.text, max_words=6)
            and _same_topic(section.title, first.text)
        ):
            section.blocks.pop(0)
            if _title_score(_clean_title(first.text)) > _title_score(section.title):
                section.title, section.raw_title = _clean_title(first.text), first.text
            self._drop(first.line, first.end_line, f"repeats the heading at line {section.line}")

    def _absorb(self, keep: Section, other: Section) -> None:
        if _title_score(other.title) > _title_score(keep.title):
            keep.title, keep.raw_title = other.title, other.raw_title
        keep.blocks = other.blocks
        keep.children = other.children
        keep.cards, keep.questions = keep.cards + other.cards, keep.questions + other.questions
        self._drop(other.line, other.line, f"repeats the heading at line {keep.line} (merged into it)")

    def _drop_empty_repeats(self, sections: list[Section]) -> list[Section]:
        """A slide export can end on empty copies of an earlier banner."""
        seen: dict[str, int] = {}

        def prune(group: list[Section]) -> list[Section]:
            kept = []
            for section in group:
                if not section.title and not section.blocks and not section.children and not _authored(section):
                    continue  # text before the first heading that turned out to be all junk
                key = _topic_key(section.title) or section.title.lower()
                if key and not section.blocks and not section.children and not _authored(section) and key in seen:
                    self._drop(section.line, section.line, f"empty repeat of the heading at line {seen[key]}")
                    continue
                if key:
                    seen.setdefault(key, section.line)
                section.children = prune(section.children)
                kept.append(section)
            return kept

        return prune(sections)


# --- helpers -------------------------------------------------------------------------------------


_PICKED_LETTER = re.compile(r"^[A-H][.)]\s+\S")  # "C. Store sessions in Amazon ElastiCache Redis"


def _after_a_stem(it: _Item, prev: _Item | None) -> bool:
    """Whether a plain line belongs to the numbered practice question just above it: it runs straight on from the
    numbered stem, or it is a lettered answer under the stem or its question line."""
    if prev is None or it.kind != "line" or prev.kind not in ("line", "bullet"):
        return False
    stem = _a_stem(prev)
    if stem and (not it.blank_before or _asks(it)):
        return True  # (its question line may sit a blank line below: "Which AWS service is specifically designed ...?")
    return bool(_PICKED_LETTER.match(it.text)) and (stem or _asks(prev))


def _a_stem(it: _Item) -> bool:
    """Whether an item is a numbered practice question's stem: a numbered line of a sentence, not a short title."""
    return it.kind == "bullet" and it.ordered and len(it.text.split()) >= _STEM_WORDS


def _asks(it: _Item) -> bool:
    """Whether a line is a question ("Which AWS service is BEST suited?")."""
    return it.text.rstrip(" *_\\").endswith("?")


_STEM_WORDS = 6  # words of a numbered line that make it a question's stem, not a short numbered title


def _outline_style(num: str) -> str:
    """'1.' -> d1, '1.1' -> d2, '2)' -> p1, 'IV.' -> roman, 'B.' -> letter."""
    if num[0].isdigit():
        parts = [p for p in re.split(r"[.)]", num) if p]
        return f"d{len(parts)}"
    if re.fullmatch(r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})[.)]", num) and num[0] + num[-1:] not in ("V.", "X.", "V)", "X)"):
        return "roman"
    return "letter"


def _indent(line: str) -> int:
    col = 0
    for ch in line:
        if ch == "\t":
            col = (col // 4 + 1) * 4
        elif ch in " \u00a0":
            col += 1
        else:
            break
    return col


def _dedent(lines: list[str], base: int | None = None) -> str:
    lines = [line.rstrip().expandtabs(4) for line in lines]
    if base is None:
        widths = [len(x) - len(x.lstrip()) for x in lines if x.strip()]
        base = min(widths) if widths else 0
    out = []
    for line in lines:
        lead = len(line) - len(line.lstrip())
        out.append(line[min(lead, base) :])
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return "\n".join(out)


def _clean(text: str) -> str:
    """Text without markdown emphasis and with single spaces."""
    text = text.replace("**", "").replace("__", "").replace("`", "")
    return _SPACES.sub(" ", text).strip()


def tidy_markup(text: str) -> str:
    """Obsidian callouts, wikilinks and highlights, LaTeX and emoji as plain text (or nothing)."""
    if "[!" in text:
        text = _CALLOUT.sub("", text)
    if "[[" in text:
        text = _WIKILINK.sub(_wikilink_text, text)
    if "==" in text:
        text = _HALF_HIGHLIGHT.sub("", _HIGHLIGHT.sub(r"\1", text))
    if "^" in text:
        text = _BLOCK_ID.sub("", text)
    if "#" in text and not text.startswith("#"):
        text = _TRAILING_TAGS.sub("", text)  # tags closing a line are labels: dropped
        text = _INLINE_TAG.sub(lambda m: m.group(0)[1:], text)  # a tag inside a sentence is one of its words
    if "\\" in text:
        text = _MATH.sub(lambda m: _latex(m.group(1)), text)
        text = _BARE_LATEX.sub(lambda m: _LATEX_COMMANDS[m.group(1)], text)
    if _EMOJI.search(text):
        text = _EMOJI.sub("", text)
    if text.startswith("#"):
        text = _LEADING_HASHES.sub("", text)
    return text


def _dendron_link(words: str, target: str) -> bool:
    """Whether `[[words|target]]` is Dendron's order: the target a dotted note path whose last part the words name
    (`[[event bus|general.arch.SOA.bus]]`, `[[CDK|aws.CDK]]`), not an Obsidian alias with a dot in it (`[[EC2 instance
    types|t2.micro]]`, `[[Lambda runtimes|Node.js]]`)."""
    target = target.strip()
    if not words.strip() or not _NOTE_PATH.fullmatch(target):
        return False
    last = re.sub(r"[\W_]+", "", target.rsplit(".", 1)[-1].lower())
    named = [re.sub(r"[\W_]+", "", w.lower()) for w in re.split(r"[\s/]+", words)]
    return bool(last) and (last in named or last == "".join(named))


def _wikilink_text(m: re.Match) -> str:
    """`[[Amazon S3|S3]]` reads "S3", `[[Amazon S3]]` "Amazon S3"; a link to a part of another page with no alias
    (`[[Module 4 - Security#^f5f864]]`, `[[Compute#Section 2]]`) cites where the author read it: nothing; an embed
    (`![[_icons/Shield.png]]`, `![[Other note]]`) shows a picture or another page, never words of this line."""
    if m.group(0).startswith("!"):
        return ""
    if m.group(2):
        if _dendron_link(m.group(1), m.group(2)):
            return m.group(1).strip()  # Dendron's `[[event bus|general.arch.SOA.bus]]`: the words, then the note's path
        return m.group(2).strip()
    if "#" in m.group(0):
        return ""
    return (m.group(1) or "").strip()


def _latex(text: str) -> str:
    text = _LATEX_TEXT.sub(r"\1", text)
    text = _LATEX_COMMAND.sub(lambda m: _LATEX_COMMANDS.get(m.group(1), m.group(1)) + " ", text)
    text = text.replace("{", "").replace("}", "")
    return re.sub(r"[ \t]{2,}", " ", text).strip() if text.strip() else ""


def _clean_text(text: str) -> str:
    if "![" in text or "<img" in text.lower():
        text = _IMAGE.sub("", text)
    text = tidy_markup(text)
    text = _LEADING_ARROWS.sub("", text.strip())
    text = _GLOSSARY_MARK.sub("", text)
    return _SPACES.sub(" ", text).strip()


# a glossary's marker before each term ("def ROUTE53: host your own managed dns"): the term is what follows it
# (lower-case or upper-case "def", then a capitalised term: "Definition of RTO: ..." keeps its words)
_GLOSSARY_MARK = re.compile(r"^(?:def|DEF|defn)\s+(?=[A-Z0-9][\w&/' -]{0,40}:\s)")


def _clean_title(title: str) -> str:
    t = tidy_markup(_IMAGE.sub("", title))
    t = _LINK.sub(r"\1", t)
    t = re.sub(r"_{3,}", " – ", t)  # "EKS_____Elastic Kubernetes Service": an underscore rule as a dash
    t = t.replace("**", "").replace("__", "").replace("`", "")
    t = re.sub(r"^[*_]+(?=\S)|(?<=\S)[*_]+$", "", t.strip())
    # "1.", "2)", "1.1 ", "1.1 - ", "3 - ": an outline's number, with the dash some outlines put after it
    t = re.sub(r"^\(?\d{1,3}(?:\.\d{1,3})*(?:[.)][ \t]*(?:[-–—:][ \t]+)?|[ \t]*[-–—:][ \t]+|[ \t]+(?=[A-Z]))", "", t)
    t = re.sub(r"\s*-{3,}\s*$", "", t)
    t = re.sub(r"\s*[:：]\s*-?\s*$", "", t)
    t = re.sub(r"\s+([?:])", r"\1", t)  # "How lambda works ?" -> "How lambda works?"
    t = _SPACES.sub(" ", t)
    return t.strip(" \t-–—:.,;")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'.&/+-]+", text.lower())


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_sentence(text: str) -> bool:
    words = _words(_clean(text))
    if not words:
        return False
    if words[0] in _QUESTION_WORDS:
        return len(words) > 10
    if len(words) > 10 or words[0] in _SENTENCE_STARTS:
        return True
    return any(w in _VERBS for w in words)


def _title_like(text: str, max_words: int = 10) -> bool:
    t = _clean(text)
    words = t.split()
    if not words or len(words) > max_words or not re.search(r"[A-Za-z]", t):
        return False
    if t[0].islower() or t[-1] in ".,;!" or "://" in t or _ARROW_ANY.search(t):
        return False
    return not _is_sentence(t)


# what a title says its section is, after a dash: "Amazon EC2 – Summary"
_SECTION_WORD = re.compile(r"(?:a |an |the )?(?:summary|overview|basics|introduction|intro|recap|key points)", re.I)


def _titles_its_kinds(title: str, following: str) -> bool:
    """Whether the line under a short title is the entry of one kind of what the title names: a term that ends in
    the title's last word, then what it is ("Elastic Load Balancers" over "Application Load Balancers – Works on
    OSI layer 7")."""
    entry = _split_term(_clean_text(following))
    if not entry or len(entry[1].split()) < 2:
        return False
    last = _words(_clean(title))[-1:] if _words(_clean(title)) else []
    term_words = _words(entry[0])
    return bool(last) and len(term_words) >= 2 and term_words[-1].lower() == last[0].lower() and entry[0] != title


def _names_a_product(title: str) -> bool:
    """Whether a short title is a product's name: up to four words, the first a maker's or a service's acronym or the
    title in Title Case ("EC2 Reserved instances", "Amazon EBS Snapshots", "Savings Plans"), no verb, no colon."""
    t = _clean(title)
    words = t.split()
    if not 1 <= len(words) <= 4 or not _title_like(t, max_words=4) or re.search(r"[:,;/&|()]", t):
        return False
    return bool(re.match(r"(?:AWS|Amazon|[A-Z0-9]{2,5})\b", t)) or all(w[:1].isupper() for w in words)


def _is_label_line(text: str) -> bool:
    m = _BARE_COLON.match(text)
    label = _clean(m.group(1) if m else text).lower()
    return label in _ROLE_WORDS or (m is not None and label in _META_LABELS)


def _expands_acronym(term: str, definition: str) -> bool:
    """`ECS: elastic container service ...`: the definition opens by spelling out the acronym."""
    t = _clean(term)
    if not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", t):
        return False
    letters = [c for c in t if c.isalpha()]
    words = re.findall(r"[A-Za-z]+", definition)[: len(letters)]
    return len(words) == len(letters) and all(w[0].lower() == c.lower() for w, c in zip(words, letters, strict=True))


def _topic_key(title: str) -> str:
    t = _clean_title(title).lower().replace("&", " and ")
    t = re.sub(r"\([^()]*\)", " ", t)
    return _key_words(t)


def _key_words(text: str) -> str:
    return "".join(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _TITLE_FILLER)


def _same_topic(a: str, b: str) -> bool:
    """`AWS CDK` and `AWS Cloud Development Kit (CDK) Overview` name one topic; `S3` and `S3 Pricing` do not."""

    def keys(title: str) -> set[str]:
        found = {_topic_key(title)} | {_key_words(x) for x in re.findall(r"\(([^()]*)\)", title)}
        return {k for k in found if k}

    return bool(keys(a) & keys(b))


def _title_score(title: str) -> tuple:
    """Which of two titles for the same topic to keep: the branded one, then not SHOUTED, then shorter."""
    return (bool(re.match(r"(?i)(amazon|aws)\b", title)), not _is_caps(title), -len(title.split()))


def _soft_wrapped(last: _Entry, it: _Item, text: str) -> bool:
    """A slide export can break a bullet mid-sentence; the tail starts in lower case. A long bullet broken mid-name
    ("... while the Classic Load" over an indented "Balancer does not ...") goes on however its tail starts."""
    if last.block.kind not in ("paragraph", "bullet") or not last.parts:
        return False
    prev = last.parts[-1]
    if prev.rstrip().endswith((".", "!", "?", ":", ";")):
        return False
    words = prev.split()
    tail = words[-1].lower() if words else ""
    if not text[:1].islower():
        return last.block.kind == "bullet" and it.indent > last.indent and last.last_len >= 80 and text[:1].isalpha()
    return last.last_len >= 50 or it.indent > last.indent or tail in _DANGLING_WORDS


def _is_truncated(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 4 and text[-1].isalnum() and words[-1].lower() in _DANGLING_WORDS


def _dedupe_key(block: Block) -> str | None:
    if block.kind == "code":
        return "code:" + block.text if len(block.text) >= 40 else None
    key = _SPACES.sub(" ", block.text.replace("*", "").replace("_", "").replace("`", "")).strip().lower()
    key = key.rstrip(".:;,!")
    if len(key.split()) < 8:
        return None
    return f"{block.kind}:{key}"


def _authored(section: Section) -> bool:
    return bool(section.cards or section.questions)


def _last_line(section: Section) -> int:
    last = section.line
    for s in section.walk():
        last = max([last, s.line] + [b.end_line for b in s.blocks])
    return last


# --- terms ---------------------------------------------------------------------------------------

_BOLD_TERM = re.compile(
    r"^(?:\*\*|__)(?P<t>[^*_]{1,100}?)(?P<inner>[:：])?(?:\*\*|__)[ \t]*"
    r"(?P<sep>[:：]|[-–—−](?=\s)|->|=>)?[ \t]*(?P<d>.*)$"
)
_TERM_SPAN = 160  # characters of a line that can hold a term and its separator
_COLON = re.compile(r"[:：]")
_COMMA_TERM = re.compile(r"^([A-Z][\w&/ ()-]{1,40}?)\s*,\s*([A-Z].*)$")
_TERM_SEP = re.compile(
    r"[ \t]+(?:-{1,3}>|=>|→|[–—−]|=(?!=))[ \t]*|[ \t]+-[ \t]+|[ \t]+-(?=[A-Za-z])"
    r"|(?<=\w)--+>?(?=[A-Za-z])"  # "AWS Config--audit workloads for compliance": a dash typed as two hyphens
)


def _set_term(block: Block, arrow: bool = False) -> None:
    if block.kind not in ("paragraph", "bullet"):
        return
    if block.kind == "paragraph" and block.text.lower() in _ROLE_WORDS:
        block.term, block.definition = block.text, ""
        return
    found = _split_term(block.text)
    if not found:
        # "---> Term,The sentence ..." and "ALL CAPS TERM, This sentence ...": a term fused to its text by a comma.
        m = _COMMA_TERM.match(block.text)
        if (
            m
            and (arrow or _is_caps(m.group(1)))
            and len(m.group(2).split()) >= 8
            and _term_ok(m.group(1), 4)
            and not _list_of_names(m.group(2))
        ):
            found = m.group(1).strip(), m.group(2).strip()
    if found:
        block.term, block.definition = found


def _list_of_names(text: str) -> bool:
    """Whether a text is a list of short names ("Instance type, storage, key pair, networking, and IAM role"): after
    "AMI, " it is the rest of a list the first name opens, not what that name is."""
    items = [i.strip() for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", text.rstrip(". ")) if i.strip()]
    return len(items) >= 4 and all(len(i.split()) <= 3 for i in items)


def _split_term(text: str) -> tuple[str, str] | None:
    """`Term: definition`, `**Term**: definition`, `Term - definition`, `Term -> definition`, `X : Y`."""
    s = text.strip()
    m = _BOLD_TERM.match(s)
    if m and (m.group("sep") or m.group("inner")):
        term, definition = _clean(m.group("t")), m.group("d").strip()
        if m.group("inner") and m.group("sep"):
            definition = f"{m.group('sep')} {definition}".strip()
        if _term_ok(term, 10):
            return term, definition.lstrip("-–: ").strip()
        return None
    colon = _find_colon(s)
    if colon is not None:
        term = s[:colon]
        definition = s[colon + 1 :].strip().lstrip("-–").strip()
        if _term_ok(term, 6):
            return _clean(term), definition
    head = s[: 2 * _TERM_SPAN]
    if len(_ARROW_ANY.findall(head)) > 1 or "<-" in head:
        return None  # a flow "A --> B --> C", not a definition
    for m in _TERM_SEP.finditer(s, 0, _TERM_SPAN):
        if _paren_depth(s, m.start()) == 0:
            term, definition = s[: m.start()], s[m.end() :].strip()
            if definition and _term_ok(term, 6):
                return _clean(term), definition
            return None
    return None


def _find_colon(s: str) -> int | None:
    for m in _COLON.finditer(s, 0, _TERM_SPAN):  # a term is short: only its opening can hold the colon
        i = m.start()
        after = s[i + 1 : i + 3]
        if after.startswith("//"):
            return None  # a URL comes first: not a term line
        if i > 0 and s[i - 1].isdigit() and after[:1].isdigit():
            continue  # 10:30
        if _paren_depth(s, i) == 0:
            return i
    return None


def _paren_depth(s: str, pos: int) -> int:
    head = s[:pos]
    return max(0, head.count("(") + head.count("[") - head.count(")") - head.count("]"))


def _term_ok(term: str, max_words: int) -> bool:
    t = _clean(term)
    words = re.sub(r"\([^()]*\)", " ", t).split()  # "Application Load Balancer (HTTP / HTTPS only)" is short
    if not words or len(words) > max_words or not re.search(r"\w", t):
        return False
    if t[-1] in ".,;!?" or "://" in t or "..." in t or "…" in t or t.lower() in _NOT_TERMS:
        return False
    if "," in re.sub(r"\([^()]*\)", "", t):
        return False  # "For example, t3.medium refers to:" is a sentence
    if len(words) <= 2:
        # "Provides Flexibility:" is a label; only "X is:" / "It has:" are sentences.
        low = [w.lower() for w in words]
        return low[0] not in _SENTENCE_STARTS and not any(w in _AUXILIARIES for w in low)
    return not _is_sentence(t)


# --- tables --------------------------------------------------------------------------------------


def _table_rows(lines: list[str]) -> tuple[list[list[str]], list[int]]:
    """A table's rows, header first, as cleaned cells, and the place among `lines` each row starts at: a rule row
    inside the body ("| --- |" between groups) or a row carrying on the one above takes no place of its own, so a
    row's place is counted, not inferred from its rank."""
    stripped = [line.strip() for line in lines]
    delims = [k for k, s in enumerate(stripped) if _TABLE_DELIM.match(s) and "-" in s]
    leading = bool(delims) and stripped[delims[0]].startswith("|")
    rows: list[list[str]] = []
    starts: list[int] = []
    read: list[list[str]] = []
    read_at: list[int] = []
    for k, s in enumerate(stripped):
        if k in delims:
            continue
        read_at.append(k)
        cells = _CELL_SPLIT.split(s)
        if leading and s.startswith("|"):
            cells = cells[1:]
        if s.endswith("|") and not s.endswith("\\|"):
            cells = cells[:-1]
        read.append([_clean(tidy_markup(c)).replace("\\|", "|") for c in cells])
    # a column left with nothing in it, header included, is no column; and so is a first column with nothing in its
    # body (a column of icons, `| Icon | Service |` over `![[Shield.png]]`): its header names what was a picture,
    # and its empty cells would read as rows carrying on the row above. (An empty last column under "SaaS" says
    # something: no tick.)
    width = max((len(r) for r in read), default=0)
    body = read[1:] if delims and delims[0] == 1 else read
    empty = {c for c in range(width) if len(read) > 1 and not any(c < len(r) and r[c] for r in read)}
    if len(body) > 1 and not any(r and r[0] for r in body):
        empty.add(0)
    for at, cells in zip(read_at, read, strict=True):
        cells = [v for c, v in enumerate(cells) if c not in empty]
        if not any(cells):
            continue
        wrapped = any(not v or v[:1].islower() for v in cells[1:])
        if len(rows) >= 2 and not cells[0] and wrapped:
            # a row whose first cell is empty carries on the row above; unless each of its other cells is whole
            # (a capitalised description and a service's name under a group named once: "| | Manage HSMs | AWS
            # CloudHSM |"), a row of its own
            prev = rows[-1]
            for c, value in enumerate(cells):
                if c < len(prev):
                    prev[c] = f"{prev[c]} {value}".strip()
                elif value:
                    prev.append(value)
            continue
        rows.append(cells)
        starts.append(at)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows], starts


def table_text(rows: list[list[str]]) -> str:
    if not rows:
        return ""

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(rows[0]), line(["---"] * len(rows[0]))] + [line(r) for r in rows[1:]])


# --- nesting -------------------------------------------------------------------------------------


def _lists_without_markers(entries: list[_Entry]) -> None:
    """Short lines one under the other with no marker are a list (`S3` / `ec2` / `Lambda` on lines of their own)."""

    def listy(e: _Entry) -> bool:
        b = e.block
        return (
            b.kind == "paragraph"
            and b.line == b.end_line
            and len(b.text.split()) <= 12
            and not b.text.endswith((":", "?"))
            and _split_term(b.text) is None
            and b.text.lower() not in _ROLE_WORDS
        )

    k = 0
    while k < len(entries):
        end = k + 1
        while end < len(entries) and not entries[end].gap and entries[end].indent == entries[k].indent:
            end += 1
        run = entries[k:end]
        if len(run) >= 2 and all(listy(e) for e in run):
            for e in run:
                e.block.kind = "bullet"
        k = end


def _set_depths(entries: list[_Entry], baseline: int = 0) -> None:
    """Depth from indentation, plus children a label wrote at its own indent (a `Volumes:` line, then its items).

    A plain paragraph at the file's left margin is not a parent: some notes indent every bullet by one tab,
    also under a `Term: definition ...` line, and those bullets belong to the section, not the sentence.
    """
    stack: list[float] = []
    run: _Run | None = None
    for i, entry in enumerate(entries):
        block = entry.block
        label = _label_kind(block) or _title_kind(entry, entries[i + 1] if i + 1 < len(entries) else None)
        eff: float = entry.indent
        if run is not None:
            if entry.indent > run.indent + 1:
                run.nested = True  # indented under the label: ordinary nesting
            elif abs(entry.indent - run.indent) <= 1 and _is_flat_child(entry, run):
                eff = run.indent + 2
                run.children += 1
                run.child_marker = entry.marker
                entry.flat_child = True
            else:
                run = None
        while stack and stack[-1] >= eff - 1:
            stack.pop()
        block.depth = len(stack)
        if not (block.kind == "paragraph" and not label and entry.indent <= baseline + 1):
            stack.append(eff)
        if not entry.flat_child and label:
            run = _Run(entry.indent, label, block)


def _label_kind(block: Block) -> str | None:
    if block.kind not in ("paragraph", "bullet"):
        return None
    if block.term is not None and block.definition == "":
        low = block.term.lower()
        return "meta" if low in _META_LABELS or low in _ROLE_WORDS else "label"
    if block.term is None and block.text.endswith(":"):
        return "leadin"
    return None


def _title_kind(entry: _Entry, following: _Entry | None) -> str | None:
    """ "title" for a short line naming something with a list straight under it, at its own indent ("PaaS", then
    "- Gives more control than SaaS"): the list says what it is."""
    block = entry.block
    text = block.text.strip().strip("*_").strip()  # ("**AWS Global Accelerator**")
    words = text.split()
    if (
        block.kind != "paragraph"
        or block.term is not None
        or not 1 <= len(words) <= 4
        or not text[:1].isupper()
        or text[-1:] in ".!?,;)"
        or following is None
        or (following.gap and not _WHOLE_BOLD.match(block.text))  # ("**AWS Global Accelerator**", a blank, its list)
        or following.block.kind != "bullet"
        or abs(following.indent - entry.indent) > 1
    ):
        return None
    return "title"


def _is_flat_child(entry: _Entry, run: _Run) -> bool:
    block = entry.block
    if run.nested or block.kind == "code" or _label_kind(block) in ("label", "meta", "leadin"):
        return False
    if run.child_marker is not None and entry.marker != run.child_marker:
        return False
    differs = block.kind != run.block.kind or block.ordered != run.block.ordered
    if run.kind == "title" and run.children == 0 and _WHOLE_BOLD.match(run.block.text):
        return block.kind == "bullet"  # "**AWS Global Accelerator**", a blank line, then its list
    if run.kind in ("leadin", "title"):
        return not entry.gap and block.kind == "bullet"
    if entry.gap and not (differs or (run.kind == "meta" and run.children == 0)):
        return False
    if run.kind == "label" and block.term is not None and block.term.lower() not in _META_LABELS:
        return False  # `• AMI: ...` after `• EBS volumes:` is a sibling, not a child
    return True


_FRONT_NAME_KEY = re.compile(r"^(title|aliases|alias)\s*:\s*(.*)$", re.I)


def _front_matter_names(body: list[str]) -> tuple[str, ...]:
    """The names front matter gives its note: `title: Spot Instances`, `aliases: [Spot, Spot Instance]` or an
    `aliases:` list of `- Spot Instance` lines."""
    names: list[str] = []
    listing = False
    for row in body:
        if m := _FRONT_NAME_KEY.match(row):
            value = m.group(2).strip()
            listing = m.group(1).lower() != "title" and not value
            names += [v.strip(" \"'") for v in value.strip("[]").split(",")] if value else []
        elif listing and (item := re.match(r"^-\s+(.+)$", row)):
            names.append(item.group(1).strip(" \"'"))
        else:
            listing = False
    return tuple(n for n in names if n)
