"""Attack: forms posted in GBK or Latin-1 (Django reads form bodies as UTF-8 only) and multipart bodies with
no boundary. Every public form — log-in, the admin's log-in, applying online, tracking, log-out — and every
other address of the site answers 400 with a Chinese page, never 500, and nothing is saved or audited;
the same forms in UTF-8 work as before."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from gongkai.applications.models import Application
from gongkai.audit.models import AuditEntry
from gongkai.security.models import LoginLock

pytestmark = pytest.mark.django_db

TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
PUBLIC = ["/accounts/login/", "/admin/login/", "/apply/{code}/", "/apply/track/", "/accounts/logout/"]


def bodies(token: bytes) -> dict[str, tuple[str, bytes]]:
    fields = b"csrfmiddlewaretoken=" + token + b"&username=%D5%C5%C8%FD&reference=%D6%D0&password=x"
    return {
        "gbk": ("application/x-www-form-urlencoded; charset=gbk", fields),
        "latin-1": ("application/x-www-form-urlencoded; charset=latin-1", fields),
        "multipart without boundary": ("multipart/form-data", b"--x\r\n" + fields),
    }


def strict_client(person=None) -> tuple[Client, bytes]:
    client = Client(enforce_csrf_checks=True)
    if person is not None:
        client.force_login(person)
    token = TOKEN.search(client.get("/apply/track/").content).group(1)
    return client, token


def written() -> tuple[int, int, int]:
    return Application.objects.count(), AuditEntry.objects.count(), LoginLock.objects.count()


def assert_refused_in_chinese(response, where):
    assert response.status_code == 400, f"{where}：{response.status_code}"
    assert "提交的内容无法处理" in response.content.decode(), where


def test_every_public_form_answers_400_in_chinese_and_saves_nothing(personas):
    client, token = strict_client()
    before = written()
    for path in PUBLIC:
        path = path.format(code=personas.agency.code)
        for name, (content_type, body) in bodies(token).items():
            response = client.generic("POST", path, body, content_type=content_type)
            assert_refused_in_chinese(response, f"{path} {name}")
    assert written() == before


def routes(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if isinstance(entry.pattern, RoutePattern):
                yield from routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and isinstance(entry.pattern, RoutePattern):
            yield prefix + str(entry.pattern)


def concrete(route: str, code: str) -> str:
    route = re.sub(r"<int:\w+>", "1", route)
    route = re.sub(r"<path:\w+>", "x/y", route)
    return "/" + re.sub(r"<(?:slug|str|\w+):?\w*>", code, route)


def test_every_address_of_the_site_answers_a_malformed_form_with_400(personas):
    client, token = strict_client(personas.registrar)
    paths = sorted({concrete(r, personas.agency.code) for r in routes(get_resolver().url_patterns)})
    assert len(paths) > 80
    before = written()
    for path in paths:
        for name, (content_type, body) in bodies(token).items():
            response = client.generic("POST", path, body, content_type=content_type)
            if path.startswith("/api/"):  # the open-data API answers in JSON
                assert response.status_code == 400, path
                assert "UTF-8" in response.json()["error"]["message"]
            else:
                assert_refused_in_chinese(response, f"{path} {name}")
    assert written() == before


def test_the_same_forms_in_utf8_still_work(personas):
    client, token = strict_client()
    body = f"csrfmiddlewaretoken={token.decode()}&reference=不存在&query_code=ABCD".encode()
    response = client.generic(
        "POST", "/apply/track/", body, content_type="application/x-www-form-urlencoded; charset=utf-8"
    )
    assert response.status_code == 200
    assert "提交的内容无法处理" not in response.content.decode()
