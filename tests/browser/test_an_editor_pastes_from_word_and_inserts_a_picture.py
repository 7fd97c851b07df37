"""The body editor as an editor who lives in Word or WPS uses it: a paste keeps headings, lists, tables and
bold, a picture is uploaded as an attachment and shown in the body, and the form uses the page's width."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.disclosure.models import Attachment, Item
from tests.factories import PASSWORD, make_personas

# What Word puts on the clipboard: lists as paragraphs with mso-list styles and typed markers inside
# conditional comments, h1 for the document's headings, a style sheet, a grid table and <b>.
WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head>
<body lang=ZH-CN><h1>一、申领范围</h1>
<p class=MsoNormal><b>本市户籍</b>退役军人和其他优抚对象。</p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><![endif]>居民身份证原件</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp;</span></span><![endif]>退役证件</p>
<h2>二、受理点</h2>
<table class=MsoTableGrid border=1><tr><td><p><b>受理点</b></p></td><td><p>电话</p></td></tr>
<tr><td><p>乐成街道便民服务中心</p></td><td><p>0577-62500001</p></td></tr></table>
<p class=MsoNormal><span style='font-weight:bold'>WPS 加粗</span>的说明。</p>
<p><img src="file:///C:/Users/x/AppData/Local/Temp/clip_image001.png"></p>
</body></html>"""
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def paste(page, html):
    page.get_by_role("textbox", name="正文").click()
    page.evaluate(
        """(html) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "");
            const target = document.querySelector("[role=textbox][contenteditable=true]");
            target.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        html,
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_a_word_paste_keeps_its_structure_and_a_picture_goes_in_as_an_attachment(
    page, log_in, assert_accessible, settings, tmp_path, width
):
    settings.MEDIA_ROOT = tmp_path
    people = make_personas()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(people.registrar.username, PASSWORD)

    page.goto("/workspace/disclosure/new/")
    editor = page.get_by_role("textbox", name="正文")
    expect(editor).to_be_visible()
    expect(page.get_by_role("toolbar", name="正文格式")).to_be_visible()
    if width == 1280:
        # The editor spans the form, not a narrow column.
        assert editor.bounding_box()["width"] > 900
    assert_accessible(page, "起草信息（编辑器）")

    page.get_by_label("标题").fill("关于2026年优待证申领点的公告")
    paste(page, WORD_HTML)
    expect(editor.get_by_role("heading", name="一、申领范围")).to_be_visible()
    expect(editor.get_by_role("list").first.get_by_role("listitem")).to_have_count(2)
    expect(editor.get_by_role("listitem").first).to_have_text("居民身份证原件")  # the typed "1." is gone
    expect(editor.get_by_role("table")).to_be_visible()
    expect(editor.locator("strong", has_text="本市户籍")).to_be_visible()
    expect(editor.locator("strong", has_text="WPS 加粗")).to_be_visible()
    assert_accessible(page, "粘贴后的编辑器")
    page.get_by_role("button", name="保存草稿").click()
    expect(page.get_by_text("草稿已保存")).to_be_visible()

    item = Item.objects.get()
    assert "<h2>一、申领范围</h2>" in item.body and "<h3>二、受理点</h3>" in item.body
    assert re.search(r"<ol[^>]*><li><p>居民身份证原件</p></li>", item.body)
    assert "<table>" in item.body and "<strong>本市户籍</strong>" in item.body
    assert "file:" not in item.body and "mso-" not in item.body and "style" not in item.body

    preview = page.locator(".body-preview")
    expect(preview.get_by_role("table")).to_be_visible()
    page.get_by_role("link", name="修改草稿").click()
    page.get_by_label("选择图片").set_input_files(
        {"name": "申领流程图.png", "mimeType": "image/png", "buffer": PNG}
    )
    page.get_by_label("图片说明（供读屏软件朗读）").fill("申领流程图")
    page.get_by_role("button", name="上传并插入").click()
    expect(page.get_by_role("status").filter(has_text="已插入图片")).to_be_visible()
    expect(editor.get_by_role("img", name="申领流程图")).to_be_visible()
    page.get_by_role("button", name="保存草稿").click()
    expect(page.get_by_text("草稿已保存")).to_be_visible()

    picture = Attachment.objects.get(item=item)
    assert picture.content_type == "image/png"
    expect(page.locator(".body-preview").get_by_role("img", name="申领流程图")).to_be_visible()
    expect(page.get_by_role("link", name="申领流程图.png")).to_be_visible()
    assert_accessible(page, "信息详情（含图片）")


def test_a_document_is_refused_as_a_body_picture_with_a_chinese_reason(page, log_in, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = make_personas()
    item = Item.objects.create(
        agency=people.agency,
        drafter=people.registrar,
        title="草稿",
        formed_on="2026-03-02",
        body="<p>正文</p>",
    )
    log_in(people.registrar.username, PASSWORD)
    page.goto(f"/workspace/disclosure/{item.pk}/edit/")

    page.get_by_label("选择图片").set_input_files(
        {"name": "通知.png", "mimeType": "image/png", "buffer": b"%PDF-1.7\n%%EOF\n"}
    )
    page.get_by_role("button", name="上传并插入").click()

    expect(page.get_by_role("status").filter(has_text="扩展名与内容不符")).to_be_visible()
    assert not Attachment.objects.exists()
