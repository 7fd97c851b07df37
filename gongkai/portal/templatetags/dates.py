"""{{ value|ymd }}: a date as 2024-03-01, what {{ value|date:"Y-m-d" }} gives, without the general date
formatter's per-call look-ups of formats and translations (a portal page shows several dates)."""

from django import template

register = template.Library()


@register.filter(expects_localtime=True)
def ymd(value) -> str:
    """The date of a date or datetime (an aware one already in local time), or "" for anything else."""
    try:
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    except (AttributeError, TypeError, ValueError):
        return ""
