"""Addresses that templates would otherwise work out again on every render.

{% agency_url agency 'portal:guide' %} — an agency's portal pages, kept on the agency object, which the
portal keeps across requests while nothing it shows changes (gongkai.portal.page_cache.remembered).
{% site_url 'portal:home' %} and {% site_static 'gongkai/gongkai.css' %} — addresses without arguments,
the same for every request this process answers.
{% page_address %} — this page's full address without its query string (gongkai.portal.site.page_address).

Every agency page links to the same half-dozen pages; reversing each address on every render cost more
than a third of an item page's rendering.
"""

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse

from gongkai.portal import site

register = template.Library()


@register.simple_tag
def agency_url(agency, viewname: str, *more) -> str:
    kept = agency.__dict__.setdefault("portal_addresses", {})
    name = (viewname, agency.code, get_script_prefix(), *more)
    if name not in kept:
        kept[name] = reverse(viewname, args=[agency.code, *more])
    return kept[name]


@lru_cache(maxsize=64)
def _site_url(viewname: str, prefix: str) -> str:
    return reverse(viewname)


@register.simple_tag
def site_url(viewname: str) -> str:
    return _site_url(viewname, get_script_prefix())


@lru_cache(maxsize=64)
def _site_static(path: str) -> str:
    return static(path)


@register.simple_tag
def site_static(path: str) -> str:
    return _site_static(path)


@register.simple_tag(takes_context=True)
def page_address(context) -> str:
    return site.page_address(context["request"])


@receiver(setting_changed)
def forget_addresses(**kwargs) -> None:
    # A changed setting (the static storage, the URL configuration) may change every address kept here.
    _site_url.cache_clear()
    _site_static.cache_clear()
