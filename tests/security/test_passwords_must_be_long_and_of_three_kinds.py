"""A new password needs 12 characters of at least three kinds; the reasons are given in Chinese and the old
password keeps working when the new one is refused."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "password, reason",
    [
        ("Ab1-short", "太短"),
        ("onlylowercaseletters", "至少 3 种"),
        ("lowercase-and-dashes", "至少 3 种"),
        ("738294619374", "只包含数字"),
    ],
)
def test_weak_passwords_are_refused_with_a_chinese_reason(password, reason):
    with pytest.raises(ValidationError) as caught:
        validate_password(password)
    assert any(reason in message for message in caught.value.messages), caught.value.messages


def test_a_long_mixed_password_is_accepted():
    validate_password("Qingshan-lake-2026")


def test_the_password_change_page_refuses_a_weak_one_and_keeps_the_old(client, personas):
    client.force_login(personas.registrar)
    response = client.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": "abcdefgh", "new_password2": "abcdefgh"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "密码长度太短" in html or "太短" in html
    personas.registrar.refresh_from_db()
    assert personas.registrar.check_password(PASSWORD)
