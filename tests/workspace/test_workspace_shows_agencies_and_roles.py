import re

import pytest

from gongkai.agencies.models import Membership, Role
from tests.factories import make_person, make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def p():
    return make_personas()


def test_the_workspace_shows_the_persons_agencies_and_roles(client, p):
    Membership.objects.create(user=p.registrar, agency=p.agency, role=Role.SECRECY_REVIEWER)
    client.force_login(p.registrar)
    html = client.get("/workspace/").content.decode()
    assert re.search(r"<h1>[^<]*工作台[^<]*</h1>", html)
    assert "乐清市退役军人事务局" in html
    assert "登记员、保密审查员" in html
    assert "办公室" in html
    assert "乐清市民政局" not in html


def test_a_leader_with_nothing_to_sign_is_told_that_nothing_waits(client, p):
    client.force_login(p.leader)
    html = client.get("/workspace/").content.decode()
    assert "待办事项" in html and "目前没有等您处理的事项" in html


def test_the_navigation_has_the_users_name_password_change_and_a_log_out_form(client, p):
    p.leader.first_name = "王领导"
    p.leader.save()
    client.force_login(p.leader)
    html = client.get("/workspace/").content.decode()
    assert "王领导" in html
    assert 'href="/accounts/password_change/"' in html and "修改密码" in html
    assert re.search(r'<form[^>]*method="post"[^>]*action="/accounts/logout/"', html)
    assert "退出登录" in html
    assert "系统配置" not in html


def test_only_staff_see_the_link_to_configuration(client, p):
    client.force_login(p.admin)
    assert 'href="/admin/"' in client.get("/workspace/").content.decode()


def test_a_supervisor_sees_the_agencies_below_theirs(client, p):
    client.force_login(p.supervisor)
    html = client.get("/workspace/").content.decode()
    assert "监督范围" in html
    for agency in (p.agency, p.other_agency, p.township):
        assert agency.name in html


def test_a_person_without_any_role_is_told_whom_to_ask(client):
    client.force_login(make_person())
    assert "您尚未在任何机关担任角色" in client.get("/workspace/").content.decode()
