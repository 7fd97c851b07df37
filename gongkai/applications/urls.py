from django.urls import path

from . import views

app_name = "applications"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("queues/", views.queues, name="queues"),
    path("new/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/id-number/", views.reveal_id_number, name="reveal_id_number"),
    path("<int:pk>/events/<slug:type>/", views.record_event, name="record_event"),
    path("<int:pk>/documents/", views.upload_document, name="upload_document"),
    path("<int:pk>/documents/<int:document_pk>/", views.identity_document, name="identity_document"),
]
