"""依申请公开 in the workspace, through the browser: the registrar registers an application that came by post
(signed for), sends a 补正 notice, records the corrected application, records the extension approved by the
head of the disclosure office, decides the case; the 答复书 is drafted by the registrar, signed by the
department head and issued by the leader (each finding it waiting on the 工作台), and the issued letter
downloads as DOCX and PDF with its 文号."""

import io
import re
from datetime import timedelta

import pdfplumber
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from tests.browser.casework_steps import staff_page
from tests.factories import make_personas, valid_resident_id

REQUEST = "2025年度本市退役军人一次性经济补助发放名单及标准"


def record(page, case_url, event, fields, *, success):
    page.goto(case_url)
    page.get_by_role("link", name=event, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(event)
    fields(page)
    page.get_by_role("button", name="记录").click()
    expect(page.get_by_text(f"已记录：{event}。")).to_be_visible()
    expect(page.get_by_text(success).first).to_be_visible()


def test_a_postal_application_is_corrected_extended_decided_and_answered(browser, live_server, db):
    people = make_personas()
    people.agency.disclosure_office_head = "林主任"
    people.agency.save()
    today = timezone.localdate()
    arrived = today - timedelta(days=12)

    registrar = staff_page(browser, live_server, people.registrar.username)
    registrar.get_by_role("link", name="依申请公开").first.click()
    registrar.get_by_role("link", name="登记申请").click()
    registrar.get_by_label("申请渠道").select_option(label="邮寄（签收）")
    registrar.get_by_label("到达日期").fill(arrived.isoformat())
    registrar.get_by_label("签收/确认日期").fill(arrived.isoformat())
    registrar.get_by_label("自然人", exact=True).check()
    registrar.get_by_label("姓名/名称").fill("黄立新")
    registrar.get_by_label("证件类型").select_option(label="居民身份证")
    registrar.get_by_label("证件号码").fill(valid_resident_id("33038219700203005"))
    registrar.get_by_label("通信地址").fill("浙江省乐清市乐成街道示例路8号")
    registrar.get_by_label("邮政编码").fill("325600")
    registrar.get_by_label("所需信息内容描述").fill("有关补助的文件")
    registrar.get_by_label("纸质").check()
    registrar.get_by_label("邮寄", exact=True).check()
    registrar.get_by_role("button", name="登记").click()

    expect(registrar.get_by_text(re.compile(r"已登记申请 YQTYJRSWJ-\d{4}-\d{5}"))).to_be_visible()
    expect(registrar.get_by_text(re.compile("查询码（仅显示这一次"))).to_be_visible()
    expect(registrar.get_by_text(f"{arrived.isoformat()}（邮寄（签收）")).to_be_visible()
    case_url = registrar.url

    deadline = today + timedelta(days=10)
    record(
        registrar,
        case_url,
        "发出补正告知",
        lambda p: (
            p.get_by_label("日期").fill((arrived + timedelta(days=1)).isoformat()),
            p.get_by_label("补正期限").fill(deadline.isoformat()),
            p.get_by_label("需补正的事项").fill("请写明所需文件的名称或文号，以及补助的年度。"),
        ),
        success="补正中",
    )
    expect(registrar.get_by_text(f"补正期限 {deadline.isoformat()}").first).to_be_visible()
    expect(registrar.get_by_text("请在“文书”中拟写补正告知书")).to_be_visible()

    record(
        registrar,
        case_url,
        "收到补正材料",
        lambda p: p.get_by_label("日期").fill((arrived + timedelta(days=4)).isoformat()),
        success="办理中",
    )

    # The extension is recorded and its notice to the applicant drafted in the same step.
    registrar.goto(case_url)
    registrar.get_by_role("link", name="批准延期答复", exact=True).click()
    # The approver is the head of the disclosure office (Art. 33), known from the agency's settings.
    expect(registrar.get_by_label("批准人（政府信息公开工作机构负责人）")).to_have_value("林主任")
    registrar.get_by_label("延长工作日数").fill("15")
    registrar.get_by_label("延期理由").fill("所需名单涉及多个科室，需要汇总核实")
    expect(registrar.get_by_label(re.compile("记录后立即拟写延期答复告知书"))).to_be_checked()
    registrar.get_by_role("button", name="记录").click()
    expect(registrar.get_by_text("已记录：批准延期答复，并生成延期答复告知书草稿")).to_be_visible()
    notice = registrar.get_by_label("正文（每行一段）")
    expect(notice).to_have_value(re.compile("因所需名单涉及多个科室，需要汇总核实"))
    expect(notice).to_have_value(re.compile("答复期限延长15个工作日"))
    registrar.goto(case_url)
    expect(registrar.get_by_text("已延长 15 个工作日").first).to_be_visible()

    def decision(p):
        p.get_by_label("办理结果").select_option("granted")

    record(registrar, case_url, "作出答复决定", decision, success="予以公开")

    registrar.goto(case_url)
    registrar.get_by_label("拟写文书").select_option(label="答复书（予以公开）")
    registrar.get_by_role("button", name="生成草稿").click()
    expect(registrar.get_by_text("已生成答复书（予以公开）草稿，请核对正文。")).to_be_visible()
    body = registrar.get_by_label("正文（每行一段）")
    expect(body).to_have_value(re.compile("予以公开"))
    body.fill(body.input_value().replace("（见附件）", "（见附件：补助发放名单及标准，共3页）"))
    registrar.get_by_role("button", name="保存草稿").click()
    expect(registrar.get_by_text("已保存草稿。")).to_be_visible()
    expect(registrar.get_by_text("这是您拟写的文书，须由他人签字、签发。")).to_be_visible()
    letter_url = registrar.url

    # The department head and the leader find the letter waiting for them from the 工作台.
    head = staff_page(browser, live_server, people.department_head.username)
    # The extension notice drafted with the extension waits too.
    head.get_by_role("link", name="文书待科室负责人签字：2 件").click()
    head.get_by_role("link", name="答复书（予以公开）").click()
    expect(head).to_have_url(letter_url)
    head.get_by_role("button", name="科室负责人签字").click()
    expect(head.get_by_text("科室负责人已签字。")).to_be_visible()
    expect(head.get_by_role("button", name="科室负责人签字")).to_have_count(0)
    head.context.close()

    leader = staff_page(browser, live_server, people.leader.username)
    leader.get_by_role("link", name="文书待领导签发：1 件").click()
    leader.get_by_role("link", name="答复书（予以公开）").click()
    leader.get_by_role("link", name="领导签发").click()
    expect(leader.get_by_role("heading", level=1)).to_contain_text("确认签发")
    leader.get_by_role("button", name="确认签发").click()
    issued = leader.get_by_text(re.compile(r"已签发，文号 .+〔\d{4}〕\d+号"))
    expect(issued).to_be_visible()
    number = re.search(r"文号 (\S+号)", issued.inner_text()).group(1)
    leader.context.close()

    registrar.goto(letter_url)
    expect(registrar.get_by_text(f"{number} · 已签发")).to_be_visible()
    expect(registrar.get_by_role("button", name="保存草稿")).to_have_count(0)
    with registrar.expect_download() as docx_download:
        registrar.get_by_role("link", name="下载 DOCX").click()
    with registrar.expect_download() as pdf_download:
        registrar.get_by_role("link", name="下载 PDF").click()

    docx_text = "\n".join(p.text for p in Document(io.BytesIO(_read(docx_download.value))).paragraphs)
    assert number in docx_text and "补助发放名单及标准，共3页" in docx_text
    assert "60日内" in docx_text and "乐清市人民政府" in docx_text
    with pdfplumber.open(io.BytesIO(_read(pdf_download.value))) as pdf:
        pdf_text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert number in pdf_text.replace(" ", "").replace("\n", "")
    assert docx_download.value.suggested_filename.endswith("答复书（予以公开）.docx")

    record(
        registrar,
        case_url,
        "送达答复",
        lambda p: p.get_by_label("邮寄送达").check(),
        success="已送达",
    )
    registrar.context.close()


def _read(download) -> bytes:
    with open(download.path(), "rb") as handle:
        return handle.read()
