from django.urls import path

from gongkai.reports import public_views

app_name = "public_reports"

urlpatterns = [
    path("<slug:code>/reports/", public_views.report_list, name="list"),
    path("<slug:code>/reports/<int:year>/", public_views.report_page, name="page"),
    path("<slug:code>/reports/<int:year>/v<int:number>/<str:kind>/", public_views.report_file, name="file"),
]
