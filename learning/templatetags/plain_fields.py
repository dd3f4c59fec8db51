"""Form fields written straight into HTML where a page has many options: Django's widget templates cost a template
render per <option> (the cards browser's topic filter has 80-odd), which made up most of the page's time."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def select_field(field, choices=None) -> str:
    """A bound field's <select>, as Django's Select widget writes it (id, name, the value selected, and
    aria-invalid with the error's id when the field has errors). `choices`: (value, label) pairs, else the field's."""
    value = field.value()
    selected = "" if value is None else str(value)
    pairs = [(str(v), label) for v, label in (field.field.choices if choices is None else choices)]
    invalid = format_html(' aria-invalid="true" aria-describedby="{}_error"', field.auto_id) if field.errors else ""
    options = format_html_join(
        "", '<option value="{}"{}>{}</option>', ((v, " selected" if v == selected else "", label) for v, label in pairs)
    )
    return format_html('<select name="{}"{} id="{}">{}</select>', field.html_name, invalid, field.auto_id, options)
