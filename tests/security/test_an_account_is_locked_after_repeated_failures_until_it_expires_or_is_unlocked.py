"""Five wrong passwords in a row lock the account for 30 minutes: even the right password is refused, the
lockout is audited, and an administrator (screen or command line) can lift it early."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from gongkai.audit.models import AuditEntry
from gongkai.cli import main
from gongkai.security.models import LoginLock
from tests.factories import PASSWORD, make_person

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def fail(client, username, times):
    for _ in range(times):
        response = client.post(LOGIN, {"username": username, "password": "wrong-password-1"})
        assert response.status_code == 200


def test_the_fifth_failure_locks_and_the_right_password_is_then_refused(client, personas):
    fail(client, "registrar", 5)
    response = client.post(LOGIN, {"username": "registrar", "password": PASSWORD})
    assert response.status_code == 200
    html = response.content.decode()
    assert "已被锁定" in html and "系统管理员解锁" in html
    assert "_auth_user_id" not in client.session
    lockouts = AuditEntry.objects.filter(action="auth.lockout")
    assert lockouts.count() == 1 and lockouts.get().details["username"] == "registrar"


def test_four_failures_then_a_success_start_the_count_again(client, personas):
    fail(client, "registrar", 4)
    assert client.post(LOGIN, {"username": "registrar", "password": PASSWORD}).status_code == 302
    client.logout()
    fail(client, "registrar", 4)
    assert client.post(LOGIN, {"username": "registrar", "password": PASSWORD}).status_code == 302


def test_the_lock_expires_after_thirty_minutes(client, personas):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        fail(client, "registrar", 5)
        traveller.shift(timedelta(minutes=29))
        assert client.post(LOGIN, {"username": "registrar", "password": PASSWORD}).status_code == 200
        traveller.shift(timedelta(minutes=2))
        assert client.post(LOGIN, {"username": "registrar", "password": PASSWORD}).status_code == 302


def test_an_unknown_name_is_locked_like_a_real_one(client, personas):
    fail(client, "nobody-here", 5)
    response = client.post(LOGIN, {"username": "nobody-here", "password": PASSWORD})
    assert "已被锁定" in response.content.decode()


def test_the_agency_administrator_unlocks_in_system_configuration(client, personas):
    fail(client, "registrar", 5)
    lock = LoginLock.objects.get(username="registrar")
    client.force_login(personas.admin)
    changelist = "/admin/security/loginlock/"
    page = client.get(changelist)
    assert page.status_code == 200 and "registrar" in page.content.decode()
    response = client.post(changelist, {"action": "unlock_selected", "_selected_action": [lock.pk]})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="auth.unlock")
    assert entry.actor_id == personas.admin.pk and entry.details["was_locked"] is True
    client.logout()
    assert client.post(LOGIN, {"username": "registrar", "password": PASSWORD}).status_code == 302


def test_an_administrator_does_not_see_lockouts_of_another_agency(client, personas):
    fail(client, "other_clerk", 5)
    client.force_login(personas.admin)
    assert "other_clerk" not in client.get("/admin/security/loginlock/").content.decode()


def test_the_command_line_unlocks_too(client, personas, capsys):
    make_person(personas.agency, "registrar", username="wang")
    fail(client, "wang", 5)
    assert main(["accounts", "locked"]) == 0
    assert "wang" in capsys.readouterr().out
    assert main(["accounts", "unlock", "wang"]) == 0
    assert client.post(LOGIN, {"username": "wang", "password": PASSWORD}).status_code == 302
    assert main(["accounts", "unlock", "never-failed"]) == 2
