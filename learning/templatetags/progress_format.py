"""Shares as the dashboard writes them: 0.913 -> "91%" (or "91.3%" with one decimal); no figure -> a dash."""

from django import template

register = template.Library()


@register.filter
def percent(value, decimals: int = 0) -> str:
    if value is None:
        return "–"
    return f"{100 * value:.{int(decimals)}f}%"


@register.filter
def percent_number(value) -> float:
    """A share as a number from 0 to 100, for widths in SVG and CSS."""
    return round(100 * (value or 0), 1)
