from django.urls import path

from gongkai.importer import views

app_name = "imports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/save/", views.save, name="save"),
    path("<int:pk>/discard/", views.discard, name="discard"),
    path("<int:pk>/source/", views.source, name="source"),
    path("agencies/new/", views.agency_new, name="agency_new"),
]
