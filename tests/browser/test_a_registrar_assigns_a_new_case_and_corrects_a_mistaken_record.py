"""Issue 13 items 1–3 in the browser, at 1280 px and at 390 px: the registrar's 待办 counts the new
application and leads to it; it is assigned to a 承办科室; a correction notice typed after its 7-working-day
limit is named before saving and saved only when confirmed; the mistaken record is voided with a reason and
stays on the page struck through, and the clock goes back to the receipt. Every page passes axe-core."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from gongkai.applications.clock import clock_state
from tests.factories import PASSWORD, make_application, make_personas


@pytest.mark.parametrize("width", [1280, 390])
def test_a_new_case_is_assigned_and_a_wrong_correction_notice_is_voided(
    page, log_in, assert_accessible, db, width
):
    page.set_viewport_size({"width": width, "height": 900})
    people = make_personas()
    received = timezone.localdate() - timedelta(days=20)  # past the 7 working days for a correction notice
    case, _ = make_application(
        people.agency, received_on=received, request_description="2025年度退役军人优待证发放名单"
    )
    due = clock_state(case).reply_due

    log_in(people.registrar.username, PASSWORD)
    assert_accessible(page, "工作台")
    page.get_by_role("link", name="新收待分办：1").first.click()
    new = page.locator("section", has=page.get_by_role("heading", name="新收待分办（1 件）"))
    expect(new).to_contain_text("2025年度退役军人优待证发放名单")
    assert_accessible(page, "工作队列")
    new.get_by_role("link", name="分办", exact=True).click()

    page.get_by_label("承办科室").select_option(label="办公室")
    page.get_by_label("内部备注").fill("请核对优待证台账")
    assert_accessible(page, "分办")
    page.get_by_role("button", name="分办").click()
    expect(page.get_by_text("已分办。")).to_be_visible()
    expect(page.get_by_text("请核对优待证台账")).to_be_visible()

    page.get_by_role("link", name="发出补正告知").click()
    expect(page.locator("#limit")).to_contain_text("今天已超过该期限")
    page.get_by_label("补正期限").fill((timezone.localdate() + timedelta(days=15)).isoformat())
    page.get_by_label("需补正的事项").fill("请提供身份证正反面扫描件。")
    page.get_by_role("button", name="记录").click()
    expect(page.get_by_role("heading", name="请确认逾期")).to_be_visible()
    expect(page.get_by_text(re.compile(r"晚于收到申请之日起 7 个工作日的期限"))).to_be_visible()
    expect(page.get_by_label("需补正的事项")).to_have_value("请提供身份证正反面扫描件。")  # nothing lost
    assert_accessible(page, "确认逾期")
    page.get_by_label(re.compile("我已核对")).check()
    page.get_by_role("button", name="记录").click()
    expect(page.locator(".lead")).to_contain_text("补正中")

    page.get_by_role("link", name=re.compile("^作废 发出补正告知")).click()
    assert_accessible(page, "作废记录")
    page.get_by_role("button", name="确认作废").click()
    expect(page.get_by_role("link", name="作废理由：请写明作废的理由。")).to_be_visible()
    page.get_by_label("作废理由").fill("误录：补正告知没有发出")
    page.get_by_role("button", name="确认作废").click()

    expect(page.get_by_text(re.compile("已作废：发出补正告知"))).to_be_visible()
    expect(page.locator(".lead")).to_contain_text(f"答复期限 {due.isoformat()}")
    voided = page.locator("tr.voided")
    expect(voided).to_contain_text("作废理由：误录：补正告知没有发出")
    expect(voided.locator("del").first).to_be_visible()
    assert_accessible(page, "案件页")

    page.goto("/workspace/applications/?bucket=open")
    row = page.get_by_role("row", name=re.compile(case.reference))
    expect(row).to_contain_text("办公室")
    expect(row).to_contain_text("自然人（张*）")
    assert_accessible(page, "案件列表")
    page.get_by_label("搜索所需信息或受理编号").fill("优待证")
    page.get_by_role("button", name="搜索").click()
    expect(page.get_by_text("办理中共 1 件")).to_be_visible()
