"""主动公开 through the browser: a registrar drafts, three reviewers sign off in turn, the public finds
the item on the portal and in search, and a leader withdraws it again."""

import re

from playwright.sync_api import expect

from tests.factories import PASSWORD, make_personas

TITLE = "关于行政复议案件办理情况的公示"


def staff_page(browser, live_server, username):
    context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("工作台")
    return page


def sign_off(browser, live_server, username, item_url, button):
    page = staff_page(browser, live_server, username)
    page.goto(item_url)
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    page.context.close()


def test_a_draft_is_reviewed_signed_published_found_and_withdrawn(browser, live_server, page):
    people = make_personas()

    registrar = staff_page(browser, live_server, people.registrar.username)
    registrar.goto("/workspace/disclosure/new/")
    registrar.get_by_label("标题").fill(TITLE)
    registrar.get_by_label("成文日期").fill("2026-11-20")
    registrar.get_by_role("button", name="保存草稿").click()
    expect(registrar.get_by_text("草稿已保存")).to_be_visible()
    item_url = registrar.url
    registrar.get_by_role("button", name="提交审核").click()
    expect(registrar.get_by_text("待科室审核").first).to_be_visible()
    registrar.context.close()

    sign_off(browser, live_server, people.department_head.username, item_url, "审核通过")
    reviewer = staff_page(browser, live_server, people.reviewer.username)
    reviewer.goto(item_url)
    for question in reviewer.locator("fieldset.yes-no").all():
        question.get_by_label("否").check()
    reviewer.get_by_label("审查意见").fill("经审查，不涉及国家秘密和第三方权益，同意公开。")
    reviewer.get_by_role("button", name="保密审查通过").click()
    expect(reviewer.get_by_text("待领导签发").first).to_be_visible()
    reviewer.context.close()
    sign_off(browser, live_server, people.leader.username, item_url, "签发并发布")

    page.goto("/yqtyjrswj/search/?q=复议")
    expect(page.get_by_role("link", name=re.compile("行政复议案件办理情况"))).to_be_visible()
    page.get_by_role("link", name=re.compile("行政复议案件办理情况")).click()
    expect(page.get_by_text(re.compile(r"[0-9A-Z]{9}/2026-00001")).first).to_be_visible()

    leader = staff_page(browser, live_server, people.leader.username)
    leader.goto(item_url)
    leader.get_by_role("link", name="撤回…").click()
    leader.get_by_label(re.compile("理由")).fill("公示期已满")
    leader.get_by_role("button", name="确认撤回").click()
    expect(leader.get_by_text("已撤回").first).to_be_visible()
    leader.context.close()

    page.goto("/yqtyjrswj/search/?q=复议")
    expect(page.get_by_role("link", name=re.compile("行政复议案件办理情况"))).to_have_count(0)


def test_the_public_reads_the_disclosure_guide_with_the_contact_block(page, db):
    make_personas()

    page.goto("/yqtyjrswj/guide/")

    expect(page.get_by_role("heading", level=1)).to_contain_text("信息公开指南")
    expect(page.get_by_text("0577-61882068").first).to_be_visible()
    expect(page.get_by_text(re.compile("20个工作日|20 个工作日")).first).to_be_visible()
