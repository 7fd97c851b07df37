"""Files on object storage, through the browser: a registrar adds a PDF to a draft on the workspace item page,
the item is signed off and published, and a reader on the portal sees the attachment under 附件 and downloads
it under its own Chinese name — the bytes come from the bucket, through gongkai. At 1280 px and at 390 px,
every page free of axe-core violations."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from gongkai.disclosure import workflow
from gongkai.disclosure.models import DisclosureAttribute, Item
from tests.disclosure.conftest import approve
from tests.factories import PASSWORD, make_personas

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
NAME = "2026年退役军人优待证申领办法.pdf"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_reader_downloads_the_attachment_the_registrar_uploaded(
    width, browser, live_server, object_storage, assert_accessible, tmp_path
):
    people = make_personas()
    item = workflow.save_draft(
        Item(
            agency=people.agency,
            drafter=people.registrar,
            title="关于退役军人优待证申领工作的通知",
            formed_on=datetime.date(2026, 11, 20),
            attribute=DisclosureAttribute.PROACTIVE,
            body="<p>申领办法见附件。</p>",
        ),
        people.registrar,
    )
    context = browser.new_context(
        locale="zh-CN",
        base_url=live_server.url,
        viewport={"width": width, "height": 900},
        accept_downloads=True,
    )
    context.set_default_timeout(10_000)
    staff = context.new_page()
    staff.goto("/accounts/login/")
    staff.get_by_label("用户名").fill(people.registrar.username)
    staff.get_by_label("密码").fill(PASSWORD)
    staff.get_by_role("button", name="登录").click()
    staff.goto(f"/workspace/disclosure/{item.pk}/")
    upload = tmp_path / NAME
    upload.write_bytes(PDF)
    staff.locator("input[type=file]").set_input_files(str(upload))
    staff.get_by_role("button", name="上传附件").click()
    expect(staff.get_by_text("附件已上传")).to_be_visible()
    expect(staff.get_by_role("link", name=NAME)).to_be_visible()
    assert_accessible(staff, f"工作台信息页（{width}px）")
    assert [k for k in object_storage.object_keys() if k.startswith("media/items/")], (
        "the file is in the bucket"
    )

    item.refresh_from_db()
    workflow.submit(item, people.registrar)
    for reviewer in (people.department_head, people.reviewer, people.leader):
        item = approve(item, reviewer)
    context.clear_cookies()

    reader = context.new_page()
    reader.goto(f"/yqtyjrswj/items/{item.index_number}/")
    attachments = reader.get_by_role("region", name="附件")
    expect(attachments).to_be_visible()
    link = attachments.get_by_role("link", name=NAME)
    expect(link).to_be_visible()
    assert_accessible(reader, f"门户信息页（{width}px）")
    with reader.expect_download() as downloading:
        link.click()
    download = downloading.value
    assert download.suggested_filename == NAME
    assert Path(download.path()).read_bytes() == PDF
    assert re.search(r"/yqtyjrswj/files/\d+/$", download.url)
    context.close()
