"""The online form in a browser: only the chosen applicant type's fields are shown (and sent); the privacy
notice stands before the consent box; the page's script does the proof of work by itself, so a person just
submits; the same form works with JavaScript switched off."""

import base64
import re

from playwright.sync_api import expect

from gongkai.applications.models import Application
from tests.factories import make_personas, valid_resident_id, valid_uscc

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def fill_common(page):
    page.get_by_label("联系电话").fill("13905771234")
    page.get_by_label("所需信息内容描述").fill("2025年度优待证发放数量")
    page.get_by_label("纸质").check()
    page.get_by_label("邮寄", exact=True).check()
    page.get_by_label("身份证明", exact=True).set_input_files(
        {"name": "证明.png", "mimeType": "image/png", "buffer": PNG}
    )


def test_a_company_sees_only_its_fields_reads_the_notice_and_applies(page, assert_accessible, db):
    make_personas()
    page.goto("/apply/yqtyjrswj/")
    expect(page.get_by_label("证件号码")).to_be_hidden()
    expect(page.get_by_label("统一社会信用代码")).to_be_hidden()
    page.get_by_label("自然人", exact=True).check()
    expect(page.get_by_label("证件号码")).to_be_visible()
    expect(page.get_by_label("统一社会信用代码")).to_be_hidden()
    page.get_by_label("商业企业").check()
    expect(page.get_by_label("统一社会信用代码")).to_be_visible()
    expect(page.get_by_label("证件号码")).to_be_hidden()
    notice = page.get_by_role("region", name="个人信息处理告知")
    expect(notice).to_contain_text("保存期限")
    expect(notice).to_contain_text("0577-61882068")
    assert_accessible(page)

    page.get_by_label("姓名/名称").fill("乐清某某科技有限公司")
    page.get_by_label("统一社会信用代码").fill(valid_uscc(11))
    page.get_by_label("联系人").fill("王经理")
    fill_common(page)
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("alert")).to_contain_text("请阅读个人信息处理告知并勾选同意")
    assert_accessible(page)

    # The file is not kept by a browser across a refusal: chosen again, then consent, then submitted.
    page.get_by_label("身份证明", exact=True).set_input_files(
        {"name": "证明.png", "mimeType": "image/png", "buffer": PNG}
    )
    page.get_by_label(re.compile("我已阅读上述个人信息处理告知")).check()
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("申请已提交")
    application = Application.objects.get()
    assert application.applicant_type == "commercial" and application.privacy_consented_at
    assert application.id_type == ""


def test_with_javascript_off_both_groups_show_and_a_person_can_still_apply(
    browser, live_server, assert_accessible, settings, db
):
    make_personas()
    settings.APPLY_NO_SCRIPT_MIN_SECONDS = 0
    context = browser.new_context(
        locale="zh-CN",
        base_url=live_server.url,
        java_script_enabled=False,
        viewport={"width": 390, "height": 900},
    )
    page = context.new_page()
    try:
        page.goto("/apply/yqtyjrswj/")
        expect(page.get_by_role("heading", name="自然人填写")).to_be_visible()
        expect(page.get_by_role("heading", name="法人或其他组织填写")).to_be_visible()
        expect(page.get_by_text(re.compile("未运行网页脚本"))).to_be_visible()
        page.get_by_label("自然人", exact=True).check()
        page.get_by_label("姓名/名称").fill("陈晓明")
        page.get_by_label("证件类型").select_option(label="居民身份证")
        page.get_by_label("证件号码").fill(valid_resident_id("33038219850607123"))
        fill_common(page)
        page.get_by_label(re.compile("我已阅读上述个人信息处理告知")).check()
        page.get_by_role("button", name="提交申请").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("申请已提交")
        assert Application.objects.count() == 1
    finally:
        context.close()
