from django.urls import path

from . import casework_views, views
from .letters import views as letter_views

app_name = "applications"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("queues/", views.queues, name="queues"),
    path("new/", views.register, name="register"),
    path("letters/returned/", letter_views.letters_returned, name="letters_returned"),
    path("letter-settings/", letter_views.letter_settings_index, name="letter_settings_index"),
    path("letter-settings/<slug:code>/", letter_views.letter_settings, name="letter_settings"),
    path(
        "letter-settings/<slug:code>/certificate/",
        letter_views.certificate_install,
        name="certificate_install",
    ),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/id-number/", views.reveal_id_number, name="reveal_id_number"),
    path("<int:pk>/contact/", views.reveal_contact, name="reveal_contact"),
    path("<int:pk>/personal-data.zip", views.export_personal_data, name="export_personal_data"),
    path("assign/", casework_views.bulk_assign, name="bulk_assign"),
    path("export/", views.export_ledger, name="export"),
    path("<int:pk>/assign/", casework_views.assign, name="assign"),
    path("<int:pk>/notes/", casework_views.add_note, name="add_note"),
    path("<int:pk>/records/<int:event_pk>/void/", casework_views.void_event, name="void_event"),
    path("<int:pk>/records/<int:event_pk>/correct/", casework_views.correct_event, name="correct_event"),
    path("<int:pk>/events/<slug:type>/", views.record_event, name="record_event"),
    path("<int:pk>/documents/", views.upload_document, name="upload_document"),
    path("<int:pk>/documents/<int:document_pk>/", views.identity_document, name="identity_document"),
    path("<int:pk>/letters/new/", letter_views.letter_new, name="letter_new"),
    path("<int:pk>/letters/<int:letter_pk>/", letter_views.letter_detail, name="letter"),
    path("<int:pk>/letters/<int:letter_pk>/sign/", letter_views.letter_sign, name="letter_sign"),
    path("<int:pk>/letters/<int:letter_pk>/issue/", letter_views.letter_issue, name="letter_issue"),
    path("<int:pk>/letters/<int:letter_pk>/return/", letter_views.letter_return, name="letter_return"),
    path("<int:pk>/letters/<int:letter_pk>/attachments/", letter_views.attachment_add, name="attachment_add"),
    path(
        "<int:pk>/letters/<int:letter_pk>/attachments/<int:attachment_pk>/remove/",
        letter_views.attachment_remove,
        name="attachment_remove",
    ),
    path(
        "<int:pk>/letters/<int:letter_pk>/attachments/<int:attachment_pk>/",
        letter_views.attachment_file,
        name="attachment_file",
    ),
    path("<int:pk>/letters/<int:letter_pk>.<str:fmt>", letter_views.letter_file, name="letter_file"),
    path("<int:pk>/delivery-proofs/", letter_views.delivery_proof_upload, name="delivery_proof_upload"),
    path("<int:pk>/delivery-proofs/<int:proof_pk>/", letter_views.delivery_proof, name="delivery_proof"),
    path("<int:pk>/archive.zip", letter_views.archive_download, name="archive"),
]
