"""A page with an inline script that carries the nonce, to see the middleware and context processor agree."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

PAGE = engines["django"].from_string('<script nonce="{{ csp_nonce }}">document.title = "x";</script>')


def inline(request):
    return HttpResponse(PAGE.render({}, request))


urlpatterns = [path("inline/", inline)]
