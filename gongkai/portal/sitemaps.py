"""sitemap.xml: agencies, their catalogue categories and every public item (paginated by Django at 50,000)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.disclosure.models import CatalogueCategory
from gongkai.portal.catalogue import item_url
from gongkai.search.service import public_items


class AgencySitemap(Sitemap):
    def items(self):
        return Agency.objects.order_by("pk")

    def location(self, agency):
        return reverse("portal:agency", args=[agency.code])


class CategorySitemap(Sitemap):
    def items(self):
        return CatalogueCategory.objects.select_related("agency").order_by("pk")

    def location(self, category):
        return reverse("portal:category", args=[category.agency.code, category.code])


class ItemSitemap(Sitemap):
    def items(self):
        return (
            public_items()
            .select_related("agency")
            .only("pk", "index_number", "updated_at", "agency__code")
            .order_by("pk")
        )

    def location(self, item):
        return item_url(item)

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"agencies": AgencySitemap, "categories": CategorySitemap, "items": ItemSitemap}
