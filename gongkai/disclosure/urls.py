from django.urls import path

from gongkai.disclosure import views

app_name = "disclosure"

urlpatterns = [
    path("", views.item_list, name="items"),
    path("new/", views.item_new, name="item_new"),
    path("<int:pk>/", views.item_detail, name="item"),
    path("<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("<int:pk>/withdraw/", views.item_withdraw, name="item_withdraw"),
    path("<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/delete/", views.attachment_delete, name="attachment_delete"
    ),
    path("<int:pk>/distributions/", views.distribution_add, name="distribution_add"),
    path("<int:pk>/<slug:action>/", views.item_action, name="item_action"),
    path("register/", views.register, name="register"),
    path("register/new/", views.document_new, name="document_new"),
    path("register/<int:pk>/", views.document_edit, name="document_edit"),
    path("catalogue/", views.catalogue_index, name="catalogue_index"),
    path("catalogue/<slug:code>/", views.catalogue, name="catalogue"),
    path("catalogue/<slug:code>/new/", views.category_edit, name="category_new"),
    path("catalogue/<slug:code>/<int:pk>/", views.category_edit, name="category_edit"),
    path("catalogue/<slug:code>/<int:pk>/delete/", views.category_delete, name="category_delete"),
    path("late/", views.late, name="late"),
    path("archive/", views.archive, name="archive"),
]
