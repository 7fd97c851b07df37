"""Attack (lockout as a denial of service): five wrong passwords for a colleague's name used to lock the
colleague out. The lock now binds the account name at the address the failures came from: the colleague,
elsewhere, logs in as usual. A guessing run spread over many addresses is stopped another way: once the
account failed settings.LOGIN_ACCOUNT_LIMIT times in an hour, only addresses it logged in from before are
let in — its owner at the office is, the guessers are not."""

import pytest

from gongkai.cli import main
from gongkai.security.models import LoginLock
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
ATTACKER, OFFICE = "198.51.100.1", "203.0.113.5"


def attempt(client, username, password, address):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_the_attacker_not_the_colleague(client, personas):
    for _ in range(5):
        attempt(client, "registrar", "wrong-password-1", ATTACKER)
    assert "已被锁定" in attempt(client, "registrar", PASSWORD, ATTACKER).content.decode()
    assert attempt(client, "registrar", PASSWORD, OFFICE).status_code == 302
    lock = LoginLock.objects.get(username="registrar", address=ATTACKER)
    assert lock.locked_until is not None


def test_a_guessing_run_over_many_addresses_lets_only_known_addresses_in(client, personas, settings):
    settings.LOGIN_ACCOUNT_LIMIT = 10
    assert attempt(client, "registrar", PASSWORD, OFFICE).status_code == 302  # the office is known
    client.logout()
    for n in range(10):
        attempt(client, "registrar", "wrong-password-1", f"198.51.100.{n}")
    refused = attempt(client, "registrar", PASSWORD, "198.51.100.200")
    assert refused.status_code == 200 and "曾经成功登录过的网络地址" in refused.content.decode()
    assert attempt(client, "registrar", PASSWORD, OFFICE).status_code == 302


def test_the_command_line_lists_and_lifts_the_lock_at_each_address(client, personas, capsys):
    for address in (ATTACKER, "198.51.100.2"):
        for _ in range(5):
            attempt(client, "registrar", "wrong-password-1", address)
    assert main(["accounts", "locked"]) == 0
    listed = capsys.readouterr().out
    assert ATTACKER in listed and "198.51.100.2" in listed
    assert main(["accounts", "unlock", "registrar"]) == 0
    assert "2 个网络地址" in capsys.readouterr().out
    assert attempt(client, "registrar", PASSWORD, ATTACKER).status_code == 302
