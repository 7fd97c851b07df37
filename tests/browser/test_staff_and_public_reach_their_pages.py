"""The two shells of gongkai, driven through a real browser: staff log in to the 工作台, the public
reads the portal without logging in."""

import re

from playwright.sync_api import expect

from tests.factories import PASSWORD, make_personas


def test_a_registrar_logs_in_and_lands_on_the_workspace(page, log_in, assert_accessible, db):
    people = make_personas()
    page.goto("/accounts/login/")
    assert_accessible(page)

    log_in(people.registrar.username, PASSWORD)

    expect(page).to_have_url(re.compile(r"/workspace/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("工作台")
    expect(page.get_by_text("乐清市退役军人事务局").first).to_be_visible()
    assert_accessible(page)


def test_a_wrong_password_is_refused_with_a_chinese_message(page, log_in, db):
    people = make_personas()

    log_in(people.registrar.username, "not-the-password")

    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_text(re.compile("用户名或密码不正确"))).to_be_visible()


def test_the_workspace_sends_an_anonymous_visitor_to_the_login_page(page, db):
    page.goto("/workspace/")

    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/workspace/"))


def test_a_member_of_the_public_opens_the_portal_and_an_agency_page(page, assert_accessible, db):
    make_personas()

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("政府信息公开")
    assert_accessible(page)
    page.get_by_role("link", name="乐清市退役军人事务局").first.click()

    expect(page).to_have_url(re.compile(r"/yqtyjrswj/$"))
    expect(page.get_by_text("0577-61882068")).to_be_visible()
    assert_accessible(page)


def test_a_logged_in_person_logs_out_from_the_navigation_bar(page, log_in, db):
    people = make_personas()
    log_in(people.leader.username, PASSWORD)

    page.get_by_role("button", name="退出登录").click()

    page.goto("/workspace/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
