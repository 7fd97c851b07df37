"""Every view of the URL configuration, visited as every role (anonymous, an applicant with a query code,
registrar, department head, secrecy reviewer, leader, supervisor of the parent government, the agency's
administrator, staff of another agency) on the own agency's records and on a foreign agency's, answers
allow or deny exactly as tests/authorization/declarations.py says. A view missing from the declarations
fails the first test, naming the file to declare it in."""

from http.cookies import SimpleCookie

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import make_personas

from .declarations import ADMIN_SITE, DECLARATIONS, EVERYONE
from .world import build_world

pytestmark = pytest.mark.django_db

ALLOW, DENY = "允许", "拒绝"


def url_names(patterns=None, namespace=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                yield "admin:*"
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}" if entry.name else f"{namespace}<{entry.pattern}>"


def test_every_view_is_declared():
    undeclared = sorted({n for n in url_names() if n != "admin:*" and n not in DECLARATIONS})
    assert not undeclared, (
        f"这些视图未在授权矩阵中声明：{undeclared}。"
        "请在 tests/authorization/declarations.py 的 DECLARATIONS 中写明各角色能否访问。"
    )
    stale = sorted(set(DECLARATIONS) - set(url_names()))
    assert not stale, f"授权矩阵声明了不存在的视图：{stale}"


def outcome(response) -> str:
    assert response.status_code < 500, response.status_code
    if response.status_code in (401, 403, 404, 405):
        return DENY
    if response.status_code in (301, 302, 303):
        location = response.get("Location", "")
        if "/accounts/login/" in location or "/admin/login/" in location:
            return DENY
    return ALLOW


def visit(client, world, view, url, records, role):
    data = view.data(records, world, role) if view.data else {}
    response = client.post(url, data) if view.method == "POST" else client.get(url, view.query)
    result = outcome(response)
    if result == ALLOW and view.allowed_if and not view.allowed_if(response):
        return DENY
    return result


# One test per part of the site, so the matrix runs in parallel under pytest -n.
GROUPS = sorted({name.split(":")[0] if ":" in name else "accounts" for name in DECLARATIONS} | {"admin"})


def declared_in(group):
    if group == "admin":
        return {"admin:index": ADMIN_SITE}
    return {
        name: view
        for name, view in DECLARATIONS.items()
        if (name.split(":")[0] if ":" in name else "accounts") == group
    }


@pytest.mark.parametrize("group", GROUPS)
def test_every_role_gets_what_is_declared(group, settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TRACK_RATE_LIMIT = settings.APPLY_RATE_LIMIT = settings.SEARCH_RATE_LIMIT = 10**6
    world = build_world(make_personas())
    clients = {}
    for role, user in world.users().items():
        clients[role] = Client()
        if user is not None:
            clients[role].force_login(user)
    mismatches = []
    for name, view in sorted(declared_in(group).items()):
        sides = [("own", world.own, view.allow)]
        if view.args is not None or view.both_sides:
            sides.append(("foreign", world.foreign, view.foreign))
        for side, records, allowed in sides:
            url = reverse(name, kwargs=view.args(records) if view.args else None)
            for role in clients:
                # Each visit is rolled back, so a POST that changes a record changes it for nobody else;
                # the cookies too (log-out, a new session), so every visit starts as the role itself.
                cookies = SimpleCookie(clients[role].cookies.output(header="", sep="\n"))
                with transaction.atomic():
                    got = visit(clients[role], world, view, url, records, role)
                    transaction.set_rollback(True)
                clients[role].cookies = cookies
                expected = ALLOW if role in allowed else DENY
                if got != expected:
                    mismatches.append(f"{name}（{side}）{role}：应{expected}，实际{got}")
    assert not mismatches, "\n".join(mismatches)


def test_the_matrix_covers_every_role_and_both_sides():
    visits = sum(
        len(EVERYONE) * (2 if view.args is not None or view.both_sides else 1)
        for view in DECLARATIONS.values()
    )
    assert visits > 500
