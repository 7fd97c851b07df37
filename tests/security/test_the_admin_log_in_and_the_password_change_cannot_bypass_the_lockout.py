"""Attack: after five wrong passwords locked the account on /accounts/login/, try the right one on
/admin/login/ (Django admin's own form); then guess forty times on /admin/login/; then, in a session left
open, guess the current password on the password change page. The lockout lives in the authentication
backend, so the admin's log-in is refused like any other and says why, the refusal is audited as a refusal
(never as auth.login), the per-address limit stops the guessing, and the password change page refuses
after five wrong current passwords."""

import pytest
from django.contrib.auth import get_user_model

from gongkai.audit.models import AuditEntry
from gongkai.security import denials
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN, ADMIN_LOGIN = "/accounts/login/", "/admin/login/?next=/admin/"
WRONG = "wrong-password-1"


def fail(client, url, username, times):
    for _ in range(times):
        assert client.post(url, {"username": username, "password": WRONG}).status_code == 200


def test_a_lock_from_the_staff_log_in_holds_on_the_admin_log_in(client, personas):
    fail(client, LOGIN, personas.admin.username, 5)
    response = client.post(ADMIN_LOGIN, {"username": personas.admin.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "已被锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/workspace/").status_code == 302  # back to the log-in page: no session
    assert not AuditEntry.objects.filter(action="auth.login").exists()


def test_guessing_on_the_admin_log_in_locks_too(client, personas):
    fail(client, ADMIN_LOGIN, personas.admin.username, 5)
    response = client.post(LOGIN, {"username": personas.admin.username, "password": PASSWORD})
    assert "已被锁定" in response.content.decode() and "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="auth.lockout").count() == 1


def test_forty_guesses_on_the_admin_log_in_are_stopped_by_the_address_limit(client, personas, settings):
    names = [f"guess{n}" for n in range(40)]
    pages = [
        client.post(ADMIN_LOGIN, {"username": name, "password": WRONG}).content.decode() for name in names
    ]
    refused = [n for n, page in enumerate(pages) if "登录失败次数过多" in page]
    assert refused == list(range(settings.LOGIN_ADDRESS_LIMIT, 40))
    # A staff member elsewhere is not affected.
    response = client.post(
        ADMIN_LOGIN, {"username": personas.admin.username, "password": PASSWORD}, REMOTE_ADDR="203.0.113.5"
    )
    assert response.status_code == 302


def test_a_refused_admin_log_in_is_audited_as_a_refusal(client, personas):
    fail(client, LOGIN, personas.admin.username, 5)
    for _ in range(3):
        client.post(ADMIN_LOGIN, {"username": personas.admin.username, "password": PASSWORD})
    denials.flush(before=10**12)  # as the next minute would
    (entry,) = AuditEntry.objects.filter(action="security.denied")
    assert entry.details["kind"] == "auth.refused" and entry.details["count"] == 3
    assert "reason=locked" in entry.details["detail"] and personas.admin.username in entry.details["detail"]
    assert not AuditEntry.objects.filter(action="auth.login").exists()
    # The five real failures are each on record; the refusals are not written one by one.
    assert AuditEntry.objects.filter(action="auth.login_failed").count() == 5


def test_guessing_the_current_password_in_an_open_session_is_throttled(client, personas, settings):
    client.force_login(personas.registrar)
    page = "/accounts/password_change/"
    new = {"new_password1": "Xq7#mTw9!pLz", "new_password2": "Xq7#mTw9!pLz"}
    for _ in range(settings.PASSWORD_CHANGE_LIMIT):
        response = client.post(page, {"old_password": WRONG, **new})
        assert response.status_code == 200 and "原密码输错次数过多" not in response.content.decode()
    response = client.post(page, {"old_password": PASSWORD, **new})  # even the right one, now
    assert response.status_code == 200 and "原密码输错次数过多" in response.content.decode()
    personas.registrar.refresh_from_db()
    assert personas.registrar.check_password(PASSWORD)


def test_the_admin_changes_passwords_on_the_same_throttled_page(client, personas):
    client.force_login(personas.admin)
    response = client.get("/admin/password_change/")
    assert response.status_code == 302 and response["Location"] == "/accounts/password_change/"


def test_a_right_password_still_logs_in_through_both_pages(client, personas):
    assert client.post(LOGIN, {"username": "registrar", "password": PASSWORD}).status_code == 302
    client.logout()
    response = client.post(ADMIN_LOGIN, {"username": personas.admin.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert get_user_model().objects.get(pk=client.session["_auth_user_id"]) == personas.admin
