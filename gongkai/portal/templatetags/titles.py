"""{{ item.title|book_title }}: a title in 《 》, its own 《 》 as 〈 〉 (gongkai.rules.punctuation)."""

from django import template

from gongkai.rules.punctuation import book_title as quote

register = template.Library()


@register.filter
def book_title(title: str) -> str:
    return quote(title)
