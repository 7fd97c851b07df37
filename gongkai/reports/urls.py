from django.urls import path

from gongkai.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:code>/<int:year>/", views.detail, name="detail"),
    path("<slug:code>/<int:year>/edit/", views.edit, name="edit"),
    path("<slug:code>/<int:year>/check/", views.check, name="check"),
    path("<slug:code>/<int:year>/submit/", views.submit, name="submit"),
    path("<slug:code>/<int:year>/approve/", views.approve, name="approve"),
    path("<slug:code>/<int:year>/return/", views.return_report, name="return"),
    path("<slug:code>/<int:year>/early/", views.early_reason, name="early"),
    path("<slug:code>/<int:year>/draft/<str:kind>/", views.draft_download, name="draft"),
    path("<slug:code>/<int:year>/publish/", views.publish, name="publish"),
    path("<slug:code>/<int:year>/unlock/", views.unlock, name="unlock"),
    path("<slug:code>/<int:year>/redraft/", views.redraft, name="redraft"),
    path("<slug:code>/<int:year>/v<int:number>/<str:kind>/", views.version_file, name="file"),
]
