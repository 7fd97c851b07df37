"""An Atom feed per catalogue category: the 20 newest public items, so readers can follow a category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from gongkai.agencies.models import Agency
from gongkai.disclosure.models import CatalogueCategory
from gongkai.portal.catalogue import category_items, item_url
from gongkai.search.segment import html_to_text

FEED_SIZE = 20


class CategoryFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, code, category_code):
        agency = get_object_or_404(Agency, code=code)
        return get_object_or_404(CatalogueCategory, agency=agency, code=category_code)

    def title(self, category):
        return f"{category.agency.name} - {category.name}"

    def subtitle(self, category):
        return f"{category.agency.name}主动公开目录“{category.name}”最新发布的政府信息"

    def link(self, category):
        return reverse("portal:category", args=[category.agency.code, category.code])

    def items(self, category):
        return category_items(category)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or html_to_text(item.body)[:200]

    def item_link(self, item):
        return item_url(item)

    def item_guid(self, item):
        return item.index_number or str(item.pk)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.publisher or item.agency.name
