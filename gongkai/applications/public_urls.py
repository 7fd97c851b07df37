from django.urls import path

from . import public_views

app_name = "apply"

urlpatterns = [
    path("track/", public_views.track, name="track"),
    path("track/letters/<int:letter_pk>/", public_views.track_letter, name="track_letter"),
    path("done/", public_views.done, name="done"),
    path("<slug:code>/", public_views.apply, name="form"),
]
