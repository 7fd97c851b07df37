from django.urls import path

from gongkai.supervision import views

app_name = "supervision"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:code>/", views.tree, name="tree"),
    path("<slug:code>/total/", views.total, name="total"),
    path("<slug:code>/compare/", views.compare, name="compare"),
    path("<slug:code>/total/<int:year>.<str:kind>", views.total_download, name="total_download"),
    path("<slug:code>/report/<int:year>.<str:kind>", views.agency_download, name="agency_download"),
]
