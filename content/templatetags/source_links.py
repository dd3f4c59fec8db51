"""Links from a line of a topic page to the note lines behind it, built in Python: a topic page has a thousand."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def source_links(refs) -> str:
    """The same markup as content/_refs.html, without an include per line (which cost the S3 page ~40% of its time)."""
    if not refs:
        return format_html('<span class="refs"></span>')
    base = reverse("content:source", args=[0])[:-2]  # "/sources/"
    return format_html(
        '<span class="refs">{}</span>',
        format_html_join(
            "",
            '<a class="ref" href="{}{}/?line={}#L{}" title="{}, line {}">{}:{}</a>',
            ((base, ref[1], ref[2], ref[2], ref[0], ref[2], ref[0], ref[2]) for ref in refs),
        ),
    )


@register.simple_tag
def statement_source(statement) -> str:
    """A summary line's source: the note lines behind it, else the AWS page its reference figure comes from."""
    if statement.get("refs"):
        return source_links(statement["refs"])
    if statement.get("url"):
        return format_html(
            '<span class="refs"><a class="ref ref-aws" href="{}" rel="noopener noreferrer" '
            'title="AWS documentation">AWS docs</a></span>',
            statement["url"],
        )
    return ""
