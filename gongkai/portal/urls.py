from django.contrib.sitemaps.views import sitemap
from django.urls import path

from gongkai.portal import views
from gongkai.portal.feeds import CategoryFeed
from gongkai.portal.sitemaps import SITEMAPS

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    # Fixed paths before /<code>/, so no agency code can shadow them.
    path("search/", views.site_search, name="search"),
    path("search/advanced/", views.advanced_search, name="advanced_search"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # The busiest address first among an agency's. A 索引号 contains a slash (e.g. 005275134/2017-00180),
    # hence path: rather than slug:.
    path("<slug:code>/items/<path:ref>/", views.item, name="item"),
    path("<slug:code>/", views.agency, name="agency"),
    path("<slug:code>/guide/", views.guide, name="guide"),
    path("<slug:code>/catalogue/", views.catalogue, name="catalogue"),
    # The list is beside the tree, not under it, so no category code can shadow it.
    path("<slug:code>/list/", views.catalogue_list, name="catalogue_list"),
    path("<slug:code>/list.csv", views.catalogue_csv, name="catalogue_csv"),
    path("<slug:code>/catalogue/<slug:category_code>/", views.category, name="category"),
    path("<slug:code>/catalogue/<slug:category_code>/feed/", CategoryFeed(), name="category_feed"),
    path("<slug:code>/search/", views.agency_search, name="agency_search"),
    path("<slug:code>/files/<int:pk>/", views.attachment, name="attachment"),
]
