"""依申请公开 on the portal, through the browser: a member of the public applies online from the agency's
page, is given the 受理编号 and the query code once, and tracks the application with them. The tracking page
shows the milestones and their dates, never the applicant's name, identity number, phone or request; a
wrong query code reveals nothing."""

import base64
import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import make_personas, valid_resident_id

# The smallest PNG the upload check accepts, as a scan of an identity card would be.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
NAME = "陈晓明"
ID_NUMBER = valid_resident_id("33038219850607123")
PHONE = "13905771234"
REQUEST = "2025年度乐清市退役军人优待证申领及发放数量"


def test_the_public_applies_online_gets_a_reference_and_code_and_tracks_it(page, db):
    make_personas()

    page.goto("/yqtyjrswj/")
    page.get_by_role("link", name="网上申请政府信息公开").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("申请政府信息公开")

    # A first try without the essentials is refused field by field, in Chinese, keeping what was typed.
    page.get_by_label("姓名/名称").fill(NAME)
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("alert")).to_contain_text("请更正以下错误")
    expect(page.get_by_text("请上传身份证明").first).to_be_visible()
    expect(page.get_by_label("姓名/名称")).to_have_value(NAME)

    page.get_by_label("自然人", exact=True).check()
    page.get_by_label("证件类型").select_option(label="居民身份证")
    page.get_by_label("证件号码").fill(ID_NUMBER)
    page.get_by_label("联系电话").fill(PHONE)
    page.get_by_label("所需信息内容描述").fill(REQUEST)
    page.get_by_label("纸质").check()
    page.get_by_label("邮寄", exact=True).check()
    page.get_by_label("身份证明", exact=True).set_input_files(
        {"name": "身份证.png", "mimeType": "image/png", "buffer": PNG}
    )
    page.get_by_label(re.compile("我已阅读上述个人信息处理告知")).check()
    page.get_by_role("button", name="提交申请").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("申请已提交")
    codes = page.locator(".code-box").all_inner_texts()
    reference, query_code = codes[0].strip(), codes[1].strip()
    assert re.fullmatch(r"YQTYJRSWJ-\d{4}-\d{5}", reference)
    assert len(query_code) >= 8

    # The code is shown once: coming back to the page does not show it again.
    page.reload()
    expect(page.get_by_text(query_code)).to_have_count(0)

    page.goto("/apply/track/")
    page.get_by_label("受理编号").fill(reference)
    page.get_by_label("查询码").fill(query_code[:-1] + ("0" if query_code[-1] != "0" else "1"))
    page.get_by_role("button", name="查询").click()
    expect(page.get_by_role("alert")).to_contain_text("受理编号或查询码不正确")
    expect(page.get_by_text("收到申请")).to_have_count(0)

    page.get_by_label("受理编号").fill(reference.lower())
    page.get_by_label("查询码").fill(query_code)
    page.get_by_role("button", name="查询").click()

    expect(page.get_by_role("heading", name=reference)).to_be_visible()
    today = timezone.localdate().isoformat()
    expect(page.get_by_role("row", name=re.compile(f"{today}.*收到申请"))).to_be_visible()
    expect(page.get_by_text("乐清市退役军人事务局").first).to_be_visible()
    expect(page.get_by_text(re.compile("答复期限"))).to_be_visible()
    content = page.content()
    for secret in (NAME, ID_NUMBER, ID_NUMBER[-4:], PHONE, REQUEST):
        assert secret not in content
