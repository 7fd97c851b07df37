from django.urls import path

from gongkai.ledger import views

app_name = "ledger"

urlpatterns = [
    path("", views.index, name="index"),
    path("import/", views.import_file, name="import"),
    path("<int:pk>/delete/", views.delete, name="delete"),
]
