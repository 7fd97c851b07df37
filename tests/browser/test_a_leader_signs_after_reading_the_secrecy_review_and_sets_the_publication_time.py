"""保密审查 and scheduled publication in the browser: the reviewer answers the checklist (a wrong answer keeps
what was typed), the leader reads the record before 签发 and sets a 发布时间; the public sees nothing until
the worker publishes the item, then finds it with its attachment."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from gongkai.disclosure import workflow
from gongkai.disclosure.attachments import add_attachment
from gongkai.disclosure.models import Item, ItemStatus
from tests.factories import PASSWORD, make_personas

TITLE = "关于2027年春节走访慰问优抚对象的通知"
OPINION = "经审查，不涉及国家秘密，已删除个人身份信息，同意公开。"
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def person_page(browser, live_server, username, width):
    context = browser.new_context(
        locale="zh-CN", base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.blocked = blocked
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("工作台")
    return page


@pytest.mark.parametrize("width", [1280, 390])
def test_the_checklist_is_answered_read_before_signing_and_the_item_appears_at_its_time(
    browser, live_server, page, assert_accessible, settings, tmp_path, width
):
    settings.MEDIA_ROOT = tmp_path
    people = make_personas()
    item = workflow.save_draft(
        Item(
            agency=people.agency, drafter=people.registrar, title=TITLE, formed_on=datetime.date(2026, 11, 20)
        ),
        people.registrar,
    )
    add_attachment(item, SimpleUploadedFile("慰问对象名单.pdf", PDF), people.registrar)
    workflow.submit(item, people.registrar)
    workflow.approve(item, people.department_head)
    url = f"/workspace/disclosure/{item.pk}/"

    reviewer = person_page(browser, live_server, people.reviewer.username, width)
    reviewer.goto(url)
    checklist = reviewer.get_by_role("group", name="保密审查清单")
    expect(checklist).to_be_visible()
    assert_accessible(reviewer, "保密审查")
    questions = checklist.locator("fieldset.yes-no")
    expect(questions).to_have_count(4)
    for n in range(4):
        questions.nth(n).get_by_label("否").check()
    questions.nth(0).get_by_label("是").check()  # 涉密: a 主动公开 item cannot pass
    reviewer.get_by_label("审查意见").fill(OPINION)
    reviewer.get_by_role("button", name="保密审查通过").click()
    expect(reviewer.get_by_text("涉及国家秘密的信息不予公开").first).to_be_visible()
    expect(reviewer.get_by_label("审查意见")).to_have_value(OPINION)  # nothing typed is lost
    assert_accessible(reviewer, "保密审查（有错误）")
    questions.nth(0).get_by_label("否").check()
    reviewer.get_by_role("button", name="保密审查通过").click()
    expect(reviewer.get_by_text("待领导签发").first).to_be_visible()
    assert reviewer.blocked == []
    reviewer.context.close()

    leader = person_page(browser, live_server, people.leader.username, width)
    leader.goto(url)
    record = leader.get_by_role("region", name="保密审查意见（签发前请阅）")
    expect(record).to_contain_text(OPINION)
    expect(record.get_by_role("row", name="是否涉及国家秘密？ 否")).to_be_visible()
    assert_accessible(leader, "领导签发")
    leader.get_by_label("在指定时间发布").check()
    when = (timezone.localtime() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    leader.get_by_label("指定的发布时间").fill(when.strftime("%Y-%m-%dT%H:%M"))
    leader.get_by_role("button", name="签发并发布").click()
    expect(leader.get_by_text(f"将于 {when:%Y-%m-%d %H:%M} 自动发布").first).to_be_visible()
    expect(leader.get_by_text("已签发待发布").first).to_be_visible()
    assert_accessible(leader, "已签发待发布")
    assert leader.blocked == []
    leader.context.close()

    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/{people.agency.code}/search/?q=走访慰问")
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)
    assert page.request.get(f"/{people.agency.code}/items/{item.pk}/").status == 404

    # The worker's run at the set time.
    assert [p.pk for p in workflow.publish_due(when + datetime.timedelta(seconds=30))] == [item.pk]
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED

    page.goto(f"/{people.agency.code}/search/?q=走访慰问")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("link", name="慰问对象名单.pdf")).to_be_visible()
    assert_accessible(page, "定时发布后的门户页面")
