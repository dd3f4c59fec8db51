"""Turn note text (untrusted) into safe HTML: markdown for inline marks and tables, nh3 for the allow-list."""

from __future__ import annotations

import html
import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "span",
    "del",
    "sup",
    "sub",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"align"}, "th": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}

# Text with none of these characters renders to itself (escaped): no markdown parse needed.
_MARKDOWN_CHARS = re.compile(r"[*_`\[\]<>&\\!#|~]")
# Only bold, italics and code spans: a few regexes do what a full markdown parse would, 20x faster.
_NEEDS_PARSER = re.compile(r"[_\[\]<\\!#|~]|&\S+;|\*\*\*")
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_md = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists"], output_format="html")


def sanitise(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )


def render_markdown(text: str) -> str:
    _md.reset()
    return sanitise(_md.convert(text))


def render_inline(text: str) -> str:
    """One line of note text: bold, italics, code and links, never block structure."""
    if not _MARKDOWN_CHARS.search(text):
        return html.escape(text, quote=False)
    if not _NEEDS_PARSER.search(text):
        escaped = html.escape(text, quote=False)
        escaped = _CODE.sub(r"<code>\1</code>", escaped)
        escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
        return _EM.sub(r"<em>\1</em>", escaped)
    rendered = render_markdown(text.replace("\n", " "))
    # A single line comes back as <p>...</p>; the caller supplies the block element.
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered


def render_block(kind: str, text: str) -> str:
    if kind == "code":
        return f"<pre><code>{html.escape(text)}</code></pre>"
    if kind == "table":
        return render_markdown(text)
    return render_inline(text)


HIT_START, HIT_END = "\x02", "\x03"  # where a search hit starts and ends, in text that cannot contain them
_SNIPPET_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_SNIPPET_CODE = re.compile(r"`([^`]+)`")
_SNIPPET_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])")
_SNIPPET_LEFTOVER = re.compile(r"\*\*|__|`|^\s*(?:[-*•]|\d+\.)\s+", re.M)


def render_snippet(text: str, start: str = HIT_START, end: str = HIT_END) -> str:
    """A search snippet (untrusted note text, cut anywhere) as safe HTML: bold, italics and code rendered, the
    hits between ``start`` and ``end`` in <mark>, and any mark the cut left unpaired dropped, never shown."""
    text = text.replace(start, HIT_START).replace(end, HIT_END).replace("\n", " ")
    escaped = html.escape(text, quote=False)
    escaped = _SNIPPET_CODE.sub(r"<code>\1</code>", escaped)
    escaped = _SNIPPET_BOLD.sub(r"<strong>\1</strong>", escaped)
    escaped = _SNIPPET_EM.sub(r"<em>\1</em>", escaped)
    escaped = _SNIPPET_LEFTOVER.sub("", escaped)
    # A hit may cross a <strong> boundary: close and reopen the mark around each tag so the HTML stays nested.
    out, inside = [], False
    for piece in re.split(f"([{HIT_START}{HIT_END}]|</?(?:strong|em|code)>)", escaped):
        if piece == HIT_START:
            inside = True
            out.append("<mark>")
        elif piece == HIT_END:
            inside = False
            out.append("</mark>")
        elif piece.startswith("<") and inside:
            out.append(f"</mark>{piece}<mark>")
        else:
            out.append(piece)
    if inside:
        out.append("</mark>")
    return re.sub(r"<mark></mark>", "", "".join(out))
