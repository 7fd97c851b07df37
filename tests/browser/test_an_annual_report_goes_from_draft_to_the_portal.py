"""The annual report through the browser, as an office and its leader live it: the registrar drafts the 2025
report; the check blocks it (§五 empty, the ledger never filled — with a link to the ledger); the registrar
fills the ledger and writes §五 with a 【数据标记】 picked from the searchable list; the check passes and the
report is submitted (提请审定); the leader finds it on the 工作台 待办, downloads the 草稿 PDF and returns it
with an opinion; the registrar sees the opinion, fixes the text, checks and submits again; the leader
approves; the registrar publishes (the button disables at once) and the public downloads the PDF and the
Word file from the portal. Pages are checked with axe at each step."""

import re
from datetime import date

from playwright.sync_api import expect

from gongkai.disclosure.models import DisclosureAttribute, OfficialDocument
from tests.factories import PASSWORD, make_personas


def staff_page(browser, live_server, username, width=1280):
    context = browser.new_context(
        locale="zh-CN",
        base_url=live_server.url,
        accept_downloads=True,
        viewport={"width": width, "height": 900},
    )
    context.set_default_timeout(60_000)  # publishing renders the PDF and the Word file
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("工作台")
    return page


def fill_ledger(page, kind, title, participants="0"):
    page.get_by_label("类别").select_option(label=kind)
    page.get_by_label("日期").fill("2025-06-01")
    page.get_by_label("名称").fill(title)
    page.get_by_label("次数").fill("1")
    page.get_by_label("发放材料（份）").fill("0")
    page.get_by_label("参加人数").fill(participants)
    page.get_by_label("来源").fill("办公室台账")
    page.get_by_role("button", name="登记").click()


def test_draft_blocked_ledger_filled_returned_approved_published_and_downloaded(
    browser, live_server, page, assert_accessible
):
    people = make_personas()
    OfficialDocument.objects.create(
        agency=people.agency,
        document_number="乐退役军人〔2025〕1号",
        title="关于做好2025年度优抚对象走访慰问工作的通知",
        issued_on=date(2025, 1, 10),
        attribute=DisclosureAttribute.PROACTIVE,
    )

    registrar = staff_page(browser, live_server, people.registrar.username)
    registrar.get_by_role("link", name="年度报告", exact=True).first.click()
    registrar.get_by_label("机关").select_option(label="乐清市退役军人事务局")
    registrar.get_by_label("报告年度").fill("2025")
    registrar.get_by_role("button", name="起草或打开").click()
    expect(registrar.get_by_role("heading", level=1).first).to_contain_text("年度报告")
    report_url = registrar.url
    expect(registrar.get_by_text("全年共制发公文1件").first).to_be_visible()

    # The draft as it stands: §五 empty and no meeting or training in the ledger — the check blocks.
    registrar.get_by_role("button", name="校验").click()
    expect(registrar.get_by_text("须更正的错误").first).to_be_visible()
    expect(registrar.locator(".finding--error").filter(has_text="第五部分")).to_have_count(1)
    expect(registrar.locator(".finding--error").filter(has_text="台账未填写")).to_have_count(2)
    expect(registrar.get_by_role("button", name="提请审定")).to_have_count(0)
    assert_accessible(registrar, "blocked report")
    registrar.locator(".finding--error").filter(has_text="领导小组会议").get_by_role(
        "link", name="填写工作台账"
    ).click()
    expect(registrar.get_by_role("heading", level=1)).to_contain_text("工作台账")
    fill_ledger(registrar, "领导小组会议", "政务公开领导小组会议")
    fill_ledger(registrar, "业务培训", "政务公开业务培训", participants="30")

    # §五 written with a figure inserted from the list of markers, found by searching.
    registrar.goto(report_url)
    registrar.get_by_role("link", name="编辑正文").click()
    expect(registrar.get_by_label("一、总体情况")).to_contain_text("【本年制发公文数】")
    fifth = registrar.get_by_label("五、存在的主要问题及改进情况")
    fifth.fill("全年组织业务培训")  # the cursor stands at its end
    registrar.get_by_label("搜索数据").fill("培训次数")
    registrar.get_by_role("button", name=re.compile("插入【业务培训次数】")).click()
    fifth.press("End")
    fifth.type("次，覆盖面不广。")
    expect(fifth).to_have_value("全年组织业务培训【业务培训次数】次，覆盖面不广。")
    assert_accessible(registrar, "editor")
    registrar.get_by_role("button", name="保存正文").click()
    expect(registrar.get_by_text("正文已保存")).to_be_visible()
    expect(registrar.get_by_text("全年组织业务培训1次").first).to_be_visible()

    registrar.get_by_role("button", name="校验").click()
    expect(registrar.get_by_text("校验通过")).to_be_visible()
    registrar.get_by_role("button", name="提请审定").click()
    expect(registrar.get_by_text("已提请领导审定")).to_be_visible()
    expect(registrar.get_by_role("link", name="编辑正文")).to_have_count(0)
    registrar.context.close()

    # The leader finds it on the 待办, reads the draft and returns it with an opinion.
    leader = staff_page(browser, live_server, people.leader.username, width=390)
    leader.get_by_role("link", name=re.compile("待我审定")).click()
    with leader.expect_download() as draft:
        leader.get_by_role("link", name="草稿 PDF").click()
    assert draft.value.suggested_filename.endswith("（草稿）.pdf")
    leader.get_by_role("link", name="退回…").click()
    leader.get_by_role("button", name="确认退回").click()
    expect(leader.get_by_text("退回须填写意见").first).to_be_visible()
    leader.get_by_label("退回意见").fill("第五部分请写明下一步的改进措施。")
    leader.get_by_role("button", name="确认退回").click()
    expect(leader.get_by_text("已退回")).to_be_visible()
    assert_accessible(leader, "returned, at 390 px")
    leader.context.close()

    registrar = staff_page(browser, live_server, people.registrar.username)
    registrar.get_by_role("link", name=re.compile("领导退回")).click()
    expect(registrar.get_by_text("第五部分请写明下一步的改进措施。")).to_be_visible()
    registrar.get_by_role("link", name="编辑正文").click()
    fifth = registrar.get_by_label("五、存在的主要问题及改进情况")
    fifth.press("End")
    fifth.type("下一步将按季度组织培训。")
    registrar.get_by_role("button", name="保存正文").click()
    registrar.get_by_role("button", name="校验").click()
    expect(registrar.get_by_text("校验通过")).to_be_visible()
    registrar.get_by_role("button", name="提请审定").click()
    registrar.context.close()

    leader = staff_page(browser, live_server, people.leader.username)
    leader.goto(report_url)
    leader.get_by_role("button", name="审定").click()
    expect(leader.get_by_text("已审定，可以发布")).to_be_visible()
    leader.context.close()

    registrar = staff_page(browser, live_server, people.registrar.username)
    registrar.goto(report_url)
    registrar.get_by_role("link", name="发布…").click()
    # The click is answered at once: the button is disabled and says what is happening. (The first
    # submission is held back here so the state can be seen; then the form is sent.)
    registrar.evaluate("() => document.addEventListener('submit', (e) => e.preventDefault(), {once: true})")
    registrar.get_by_role("button", name="确认发布").click()
    busy = registrar.locator("form[data-busy] button")
    expect(busy).to_be_disabled()
    expect(busy).to_have_text("正在发布…")
    registrar.evaluate("() => document.querySelector('form[data-busy]').submit()")
    expect(registrar.get_by_text("已发布第1版")).to_be_visible(timeout=60_000)  # rendered in the request here
    expect(registrar.get_by_role("link", name="编辑正文")).to_have_count(0)
    expect(registrar.get_by_role("link", name=re.compile("按记录重新起草"))).to_have_count(0)
    assert_accessible(registrar, "published")
    registrar.context.close()

    page.goto("/yqtyjrswj/reports/")
    page.get_by_role("link", name=re.compile("2025年政府信息公开工作年度报告")).click()
    expect(page.get_by_text("下一步将按季度组织培训").first).to_be_visible()
    expect(page.get_by_text("0577-61882068").first).to_be_visible()
    with page.expect_download() as pdf:
        page.get_by_role("link", name="PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    with page.expect_download() as docx:
        page.get_by_role("link", name="Word（DOCX）").click()
    assert docx.value.suggested_filename.endswith(".docx")
    with open(pdf.value.path(), "rb") as f:
        assert f.read(4) == b"%PDF"
