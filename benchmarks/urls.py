"""gongkai's addresses and, before them, /bench/minimal/: a view doing no work, through the same middleware."""

from django.http import HttpResponse
from django.urls import path

from gongkai.urls import urlpatterns as gongkai_urlpatterns


def minimal(request):
    return HttpResponse("<!doctype html><title>ok</title><p>ok</p>")


urlpatterns = [path("bench/minimal/", minimal), *gongkai_urlpatterns]
