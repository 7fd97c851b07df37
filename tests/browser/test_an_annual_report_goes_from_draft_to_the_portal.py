"""The annual report through the browser: the registrar drafts the 2025 report and writes §五 with a
figure typed by hand; the check flags it against the 公文 register; the registrar registers the missing
公文, checks again (clean), the leader approves, the registrar publishes, and the public downloads the
PDF and the Word file from the portal."""

import re
from datetime import date

from playwright.sync_api import expect

from gongkai.disclosure.models import DisclosureAttribute, OfficialDocument
from tests.factories import PASSWORD, make_personas


def staff_page(browser, live_server, username):
    context = browser.new_context(locale="zh-CN", base_url=live_server.url, accept_downloads=True)
    context.set_default_timeout(60_000)  # publishing renders the PDF and the Word file
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("工作台")
    return page


def test_draft_check_fix_approve_publish_and_download(browser, live_server, page):
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

    registrar.get_by_role("link", name="编辑正文").click()
    registrar.get_by_label("五、存在的主要问题及改进情况").fill(
        "全年共制发公文2件，个别公文登记不及时。\n下一步将健全发文登记制度。"
    )
    registrar.get_by_role("button", name="保存正文").click()
    expect(registrar.get_by_text("正文已保存")).to_be_visible()

    registrar.get_by_role("button", name="校验").click()
    finding = registrar.locator(".finding").filter(has_text="A9")
    expect(finding).to_contain_text("2")
    finding.get_by_role("link", name="第五部分正文").click()
    expect(registrar.locator("#gk-p-五-1")).to_contain_text("全年共制发公文2件")

    # The register was incomplete: the second 公文 of the year is registered.
    registrar.goto("/workspace/disclosure/register/new/")
    registrar.get_by_label("文号", exact=True).fill("乐退役军人〔2025〕2号")
    registrar.get_by_label("标题", exact=True).fill("关于开展2025年度光荣牌悬挂工作的通知")
    registrar.get_by_label("成文日期").fill("2025-03-03")
    registrar.get_by_label("公开属性", exact=True).select_option(label="主动公开")
    registrar.get_by_role("button", name="保存").click()

    registrar.goto(report_url)
    registrar.get_by_role("button", name="校验").click()
    expect(registrar.get_by_text("校验通过")).to_be_visible()
    expect(registrar.locator(".finding").filter(has_text="A9")).to_have_count(0)
    registrar.context.close()

    leader = staff_page(browser, live_server, people.leader.username)
    leader.goto(report_url)
    leader.get_by_role("button", name="审定").click()
    expect(leader.get_by_text("已审定，可以发布")).to_be_visible()
    leader.context.close()

    registrar = staff_page(browser, live_server, people.registrar.username)
    registrar.goto(report_url)
    registrar.get_by_role("link", name="发布…").click()
    registrar.get_by_role("button", name="确认发布").click()
    expect(registrar.get_by_text("已发布第1版")).to_be_visible()
    registrar.context.close()

    page.goto("/yqtyjrswj/reports/")
    page.get_by_role("link", name=re.compile("2025年政府信息公开工作年度报告")).click()
    expect(page.get_by_text("全年共制发公文2件").first).to_be_visible()
    expect(page.get_by_text("0577-61882068").first).to_be_visible()
    with page.expect_download() as pdf:
        page.get_by_role("link", name="PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    with page.expect_download() as docx:
        page.get_by_role("link", name="Word（DOCX）").click()
    assert docx.value.suggested_filename.endswith(".docx")
    with open(pdf.value.path(), "rb") as f:
        assert f.read(4) == b"%PDF"
