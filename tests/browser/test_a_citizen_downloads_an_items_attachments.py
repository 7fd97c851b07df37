"""Attachments as a citizen meets them on the portal: under the body with their type and size, a picture in
the body, a download under the Chinese name, and a clear notice (410) once the item is withdrawn."""

import io
import zipfile

import pytest
from playwright.sync_api import expect

from gongkai.disclosure import workflow
from tests.disclosure.conftest import published_with_attachments
from tests.factories import make_personas

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)
NAME = "附件1：优待证申领点一览表.pdf"


def xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<x/>")
        z.writestr("xl/workbook.xml", "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize("width", [1280, 390])
def test_attachments_are_listed_shown_downloaded_and_gone_after_withdrawal(
    page, assert_accessible, settings, tmp_path, width
):
    settings.MEDIA_ROOT = tmp_path
    people = make_personas()
    item, (_, _, chart) = published_with_attachments(
        people,
        "关于优待证申领点的公告",
        [(NAME, PDF), ("附件2：申领材料清单.xlsx", xlsx()), ("申领流程图.png", PNG)],
        body='<p>申领流程见下图。</p><p><img src="{image}" alt="申领流程：提交、审核、发证"></p>',
        image="申领流程图.png",
    )

    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/{people.agency.code}/items/{item.index_number}/")
    picture = page.get_by_role("img", name="申领流程：提交、审核、发证")
    expect(picture).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth", picture.element_handle()) > 0  # the file really loads
    files = page.get_by_role("region", name="附件（3）")
    expect(files.get_by_role("listitem")).to_have_count(3)
    expect(files.get_by_role("listitem").first).to_contain_text("PDF 文档")
    expect(files.get_by_role("listitem").nth(1)).to_contain_text("Excel 表格（XLSX）")
    expect(files.get_by_role("listitem").first).to_contain_text("字节")
    box = files.bounding_box()
    assert box["x"] + box["width"] <= width  # nothing runs off a phone's screen
    assert_accessible(page, "带附件的信息页")

    with page.expect_download() as download:
        files.get_by_role("link", name=NAME).click()
    assert download.value.suggested_filename == NAME
    assert download.value.path().read_bytes() == PDF

    workflow.withdraw(item, people.leader, "公告期已满")
    page.goto(f"/{people.agency.code}/files/{chart.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("附件不再公开")
    expect(page.get_by_role("status")).to_contain_text("已撤回")
    assert_accessible(page, "已撤回信息的附件")
    page.get_by_role("link", name="查看该信息的撤回说明").click()
    expect(page.get_by_text("该信息已撤回")).to_be_visible()
