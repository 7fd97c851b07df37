from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("import/", views.import_file, name="import"),
]
