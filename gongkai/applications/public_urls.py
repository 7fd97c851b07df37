from django.urls import path

from . import public_views

app_name = "apply"

urlpatterns = [
    path("track/", public_views.track, name="track"),
    path("done/", public_views.done, name="done"),
    path("<slug:code>/", public_views.apply, name="form"),
]
