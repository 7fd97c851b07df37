import pytest
from django.contrib.auth import authenticate

from gongkai.agencies.models import Role
from tests.factories import PASSWORD, make_agency, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar():
    return make_person(make_agency(), Role.REGISTRAR, username="dengji")


def test_the_login_page_has_labelled_username_and_password_fields_and_a_login_button(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'lang="zh-Hans"' in html
    assert 'name="username"' in html and 'name="password"' in html
    assert '<label for="id_username">用户名</label>' in html
    assert '<label for="id_password">密码</label>' in html
    assert '<button type="submit" class="button">登录</button>' in html
    assert "跳到主要内容" in html


def test_logging_in_leads_to_the_workspace(client, registrar):
    response = client.post("/accounts/login/", {"username": "dengji", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/workspace/"


def test_a_wrong_password_is_explained_in_chinese_and_keeps_the_username(client, registrar):
    response = client.post("/accounts/login/", {"username": "dengji", "password": "not-the-password"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "用户名或密码不正确" in html
    assert 'value="dengji"' in html


def test_log_out_is_a_post_and_returns_to_the_portal(client, registrar):
    client.force_login(registrar)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/workspace/").status_code == 302


def test_the_password_change_page_needs_log_in(client):
    response = client.get("/accounts/password_change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_password_change_errors_are_in_chinese(client, registrar):
    client.force_login(registrar)
    html = client.get("/accounts/password_change/").content.decode()
    assert "<h1>修改密码</h1>" in html and "旧密码" in html and "新密码确认" in html

    response = client.post(
        "/accounts/password_change/",
        {"old_password": "wrong-password", "new_password1": "short", "new_password2": "different"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "你的旧密码不正确" in html
    assert "输入的两个密码不一致" in html
    assert 'aria-invalid="true"' in html


def test_a_changed_password_works_at_the_next_log_in(client, registrar):
    client.force_login(registrar)
    new = "a-new-password-2026"
    response = client.post(
        "/accounts/password_change/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/password_change/done/"
    assert "密码已修改" in client.get(response["Location"]).content.decode()
    assert authenticate(username="dengji", password=new) == registrar
