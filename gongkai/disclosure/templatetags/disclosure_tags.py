"""Template helpers of the 主动公开 screens."""

from django import template

register = template.Library()


@register.filter
def get_answer(checklist: dict, code: str):
    """The answer recorded for one question of a 保密审查 checklist."""
    return (checklist or {}).get(code)
