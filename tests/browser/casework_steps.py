"""Browser steps of the disclosure office's case work, shared by the journeys that pass through them: a staff
member logs in on a page of their own, the registrar assigns a new case from the 待办, and records a
correction notice, voids it with a reason and enters it again before the corrected application arrives."""

import re

from playwright.sync_api import expect

from tests.factories import PASSWORD


def staff_page(browser, live_server, username):
    """A browser page of its own for one member of staff, logged in and on the 工作台."""
    context = browser.new_context(locale="zh-CN", base_url=live_server.url, accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("工作台")
    return page


def assign_from_the_todo(registrar, reference: str, department: str = "办公室", note: str = "请核实申请内容"):
    """From the 工作台: 新收待分办 → the queue's new section → 分办 to `department` with an internal note."""
    registrar.goto("/workspace/")
    registrar.get_by_role("link", name="新收待分办：1", exact=True).click()
    new = registrar.locator("section", has=registrar.get_by_role("heading", name="新收待分办（1 件）"))
    expect(new).to_contain_text(reference)
    new.get_by_role("link", name="分办", exact=True).click()
    registrar.get_by_label("承办科室").select_option(label=department)
    registrar.get_by_label("内部备注").fill(note)
    registrar.get_by_role("button", name="分办").click()
    expect(registrar.get_by_text("已分办。")).to_be_visible()
    expect(registrar.get_by_text(note)).to_be_visible()


def record_correction_notice(registrar, case_url: str, deadline: str, matters: str):
    registrar.goto(case_url)
    registrar.get_by_role("link", name="发出补正告知", exact=True).click()
    expect(registrar.locator("#limit")).to_contain_text("收到申请之日起 7 个工作日内")
    registrar.get_by_label("补正期限").fill(deadline)
    registrar.get_by_label("需补正的事项").fill(matters)
    registrar.get_by_role("button", name="记录").click()
    expect(registrar.get_by_text(re.compile("已记录：发出补正告知"))).to_be_visible()


def void_and_reenter_correction_notice(registrar, case_url: str, deadline: str, reason: str):
    """A correction notice recorded with the wrong matters is voided with `reason` and entered again; the
    corrected application then arrives and the reply period runs from it."""
    record_correction_notice(registrar, case_url, deadline, "请补充身份证明（误录）")
    registrar.get_by_role("link", name=re.compile("^作废 发出补正告知")).click()
    registrar.get_by_label("作废理由").fill(reason)
    registrar.get_by_role("button", name="确认作废").click()
    expect(registrar.get_by_text(re.compile("已作废：发出补正告知"))).to_be_visible()
    expect(registrar.locator("tr.voided")).to_contain_text(f"作废理由：{reason}")

    record_correction_notice(registrar, case_url, deadline, "请写明所需名单的年度和发放批次")
    expect(registrar.locator(".lead")).to_contain_text("补正中")
    registrar.get_by_role("link", name="收到补正材料", exact=True).click()
    registrar.get_by_role("button", name="记录").click()
    expect(registrar.get_by_text(re.compile("已记录：收到补正材料"))).to_be_visible()
    expect(registrar.locator(".lead")).to_contain_text("办理中")
    expect(registrar.locator("tr.voided")).to_have_count(1)
