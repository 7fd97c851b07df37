"""依申请公开 answered electronically, through the browser, every person in their own session: the agency's
管理员 sets a signing certificate; a member of the public applies online choosing e-mail and gets a printable
receipt; the registrar finds it on the 工作台 under 新收待分办 and assigns it to a 承办科室 with an internal
note, records a correction notice, voids it with a reason and enters it again, records the corrected
application's arrival, then records the decision 部分公开 (what is given, what is withheld and why), drafts the
答复书 — the decision is in it — and attaches the disclosed list; the department head returns it with an
意见, the registrar finds it on the 工作台, fixes it and it is signed; the leader issues it; the letter is
mailed with its signed PDF and the list, which is the 送达; the applicant downloads the same PDF from the
tracking page, no deadline runs any more, and the PDF's signature verifies.

Each step is a function taking the pages it needs; the case-work steps come from tests/browser/casework_steps.py.
"""

import base64
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from gongkai.applications.letters import signing
from gongkai.applications.models import Application, LetterDelivery
from tests.browser.casework_steps import assign_from_the_todo, staff_page, void_and_reenter_correction_notice
from tests.factories import make_personas, valid_resident_id

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
LIST_PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EMAIL = "chen.xiaoming@example.cn"
REQUEST = "2025年度乐清市退役军人一次性补助发放名单"
# A Wednesday in a year the calendar knows: the periods below are not provisional.
NOW = datetime(2026, 6, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def public(browser, live_server):
    context = browser.new_context(locale="zh-CN", base_url=live_server.url, accept_downloads=True)
    context.set_default_timeout(15_000)
    return context.new_page()


def set_certificate(admin, assert_accessible):
    admin.goto("/workspace/applications/letter-settings/")
    expect(admin.get_by_role("heading", level=1)).to_contain_text("文书设置")
    expect(admin.get_by_text("尚未设置签名证书")).to_be_visible()
    admin.get_by_role("button", name="生成自签名证书").click()
    expect(admin.get_by_text(re.compile("已设置签名证书：乐清市退役军人事务局"))).to_be_visible()
    assert_accessible(admin)


def apply_online_by_email(applicant, assert_accessible) -> tuple[str, str]:
    applicant.goto("/yqtyjrswj/")
    applicant.get_by_role("link", name="网上申请政府信息公开").click()
    applicant.get_by_label("姓名/名称").fill("陈晓明")
    applicant.get_by_label("自然人", exact=True).check()
    applicant.get_by_label("证件类型").select_option(label="居民身份证")
    applicant.get_by_label("证件号码").fill(valid_resident_id("33038219850607123"))
    applicant.get_by_label("电子邮箱").fill(EMAIL)
    applicant.get_by_label("所需信息内容描述").fill(REQUEST)
    applicant.locator("input[name=carriers][value=email]").check()
    applicant.locator("input[name=routes][value=email]").check()
    applicant.get_by_label("身份证明", exact=True).set_input_files(
        {"name": "身份证.png", "mimeType": "image/png", "buffer": PNG}
    )
    applicant.get_by_label(re.compile("我已阅读上述个人信息处理告知")).check()
    applicant.get_by_role("button", name="提交申请").click()
    expect(applicant.get_by_role("heading", level=2, name="政府信息公开申请受理回执")).to_be_visible()
    # A receipt: what was asked, the Art. 31 date and the reply due date: 20 working days, 端午节 (19 June)
    # not counted, so 9 July 2026.
    expect(applicant.get_by_text(REQUEST)).to_be_visible()
    expect(applicant.locator("dd", has_text="第三十一条")).to_contain_text("2026年6月10日")
    expect(applicant.locator("dd", has_text="前")).to_contain_text("2026年7月9日")
    expect(applicant.get_by_text("暂定")).to_have_count(0)
    expect(applicant.get_by_role("button", name="打印本回执")).to_be_visible()
    assert_accessible(applicant)
    codes = applicant.locator(".code-box").all_inner_texts()
    return codes[0].strip(), codes[1].strip()


def case_url_of(reference) -> str:
    return f"/workspace/applications/{Application.objects.get(reference=reference).pk}/"


def decide_partly(registrar, case_url):
    registrar.goto(case_url)
    registrar.get_by_role("link", name="作出答复决定", exact=True).click()
    registrar.get_by_label("办理结果").select_option("partially_granted")
    registrar.get_by_label("提供的信息").fill("2025年度补助发放名单（共3页）")
    registrar.get_by_label("不予公开的部分").fill("名单中的身份证号码和银行账号")
    registrar.get_by_label("不予公开的理由").fill("属于个人隐私，公开会对第三方合法权益造成损害")
    registrar.get_by_role("button", name="记录").click()
    expect(registrar.get_by_text("已记录：作出答复决定。")).to_be_visible()


def draft_answer_with_attachment(registrar, case_url, assert_accessible) -> str:
    registrar.goto(case_url)
    registrar.get_by_label("拟写文书").select_option(label="答复书（部分公开）")
    registrar.get_by_role("button", name="生成草稿").click()
    body = registrar.get_by_label("正文（每行一段）")
    # The decision is in the draft, not retyped.
    expect(body).to_have_value(re.compile("名单中的身份证号码和银行账号不予公开"))
    expect(body).to_have_value(re.compile("说明理由如下：属于个人隐私"))
    registrar.get_by_label("附件名称").fill("2025年度补助发放名单")
    registrar.get_by_label("文件", exact=True).set_input_files(
        {"name": "名单.pdf", "mimeType": "application/pdf", "buffer": LIST_PDF}
    )
    registrar.get_by_role("button", name="添加附件").click()
    expect(registrar.get_by_text("已添加附件")).to_be_visible()
    expect(registrar.get_by_role("link", name="2025年度补助发放名单", exact=True)).to_be_visible()
    assert_accessible(registrar)
    return registrar.url


def head_returns(head, letter_url, opinion, head_name):
    head.get_by_role("link", name="文书待科室负责人签字：1", exact=True).click()
    head.get_by_role("link", name="答复书（部分公开）").click()
    expect(head).to_have_url(letter_url)
    head.get_by_label("退回意见").fill(opinion)
    head.get_by_role("button", name="退回修改").click()
    expect(head.get_by_text("已退回拟稿人修改")).to_be_visible()
    # The return is in the letter's history (审签记录), with who and the 意见.
    history = head.get_by_role("region", name="审签记录")
    expect(history).to_contain_text(f"科室负责人 {head_name}：退回修改。意见：{opinion}")


def drafter_fixes(registrar, letter_url, opinion):
    registrar.goto("/workspace/")
    registrar.get_by_role("link", name="退回我修改的文书：1", exact=True).click()
    expect(registrar.get_by_text(opinion)).to_be_visible()
    registrar.get_by_role("link", name=re.compile("答复书（部分公开）")).click()
    expect(registrar).to_have_url(letter_url)
    expect(registrar.get_by_text("科室负责人已退回修改")).to_be_visible()
    body = registrar.get_by_label("正文（每行一段）")
    body.fill(body.input_value().replace("（共3页）", "（共3页，按发放批次排列）"))
    registrar.get_by_role("button", name="保存修改并重新送签").click()
    expect(registrar.get_by_text("已保存草稿。")).to_be_visible()


def head_signs(head, letter_url):
    head.goto(letter_url)
    head.get_by_role("button", name="科室负责人签字").click()
    expect(head.get_by_text("科室负责人已签字。")).to_be_visible()


def leader_issues(leader, assert_accessible) -> str:
    leader.goto("/workspace/")
    leader.get_by_role("link", name="文书待领导签发：1", exact=True).click()
    leader.get_by_role("link", name="答复书（部分公开）").click()
    leader.get_by_role("link", name="领导签发").click()
    expect(leader.get_by_text("发送到申请人的电子邮箱")).to_be_visible()
    expect(leader.get_by_text(re.compile("PDF 将以“乐清市退役军人事务局”的证书签名"))).to_be_visible()
    assert_accessible(leader)
    leader.get_by_role("button", name="确认签发").click(timeout=60_000)
    issued = leader.get_by_text(re.compile(r"已签发，文号 .+〔\d{4}〕\d+号；将以电子邮件发送给申请人"))
    expect(issued).to_be_visible()
    return re.search(r"文号 (\S+?号)", issued.inner_text()).group(1)


def the_mail(mailoutbox, number):
    letters = [m for m in mailoutbox if number in m.subject]
    assert len(letters) == 1, [m.subject for m in mailoutbox]
    message = letters[0]
    assert message.to == [EMAIL]
    names = [name for name, _data, _type in message.attachments]
    assert names[0].endswith("答复书（部分公开）.pdf") and names[1] == "附件1-2025年度补助发放名单.pdf"
    assert message.attachments[1][1] == LIST_PDF
    return message.attachments[0][1]


def applicant_downloads(applicant, reference, query_code, assert_accessible) -> bytes:
    applicant.goto("/apply/track/")
    applicant.get_by_label("受理编号").fill(reference)
    applicant.get_by_label("查询码").fill(query_code)
    applicant.get_by_role("button", name="查询").click()
    expect(applicant.get_by_text("已送达", exact=True)).to_be_visible()
    # Delivered: the reply period no longer runs and is not shown as if it did.
    expect(applicant.locator("dt", has_text="答复期限")).to_have_count(0)
    expect(applicant.get_by_text("已办结，不再计算答复期限")).to_be_visible()
    applicant.get_by_text("如何核验文书的电子签名").click()
    expect(applicant.get_by_text(re.compile("打开“签名”面板"))).to_be_visible()
    assert_accessible(applicant)
    with applicant.expect_download() as download:
        applicant.get_by_role("button", name="下载 PDF：答复书（部分公开）").click()
    with open(download.value.path(), "rb") as handle:
        return handle.read()


@pytest.mark.django_db(transaction=True)
def test_an_online_application_is_answered_by_email_with_a_signed_letter(
    browser, live_server, mailoutbox, assert_accessible
):
    with time_machine.travel(NOW, tick=True):
        people = make_personas()
        set_certificate(staff_page(browser, live_server, people.admin.username), assert_accessible)

        applicant = public(browser, live_server)
        reference, query_code = apply_online_by_email(applicant, assert_accessible)
        assert any(reference in m.subject and query_code not in m.body for m in mailoutbox)

        registrar = staff_page(browser, live_server, people.registrar.username)
        case_url = case_url_of(reference)
        assign_from_the_todo(registrar, reference)
        void_and_reenter_correction_notice(registrar, case_url, "2026-06-24", "补正事项写错")
        decide_partly(registrar, case_url)
        letter_url = draft_answer_with_attachment(registrar, case_url, assert_accessible)

        head = staff_page(browser, live_server, people.department_head.username)
        opinion = "请写明名单的编排方式。"
        head_returns(head, letter_url, opinion, people.department_head.username)
        drafter_fixes(registrar, letter_url, opinion)
        head_signs(head, letter_url)

        number = leader_issues(staff_page(browser, live_server, people.leader.username), assert_accessible)
        mailed = the_mail(mailoutbox, number)
        record = LetterDelivery.objects.get()
        assert record.status == LetterDelivery.Status.SENT and record.message_id

        registrar.goto(case_url)
        expect(registrar.locator(".lead")).to_contain_text("2026-06-10 送达（在答复期限内）")
        expect(registrar.get_by_text(re.compile("剩 \\d+ 个工作日"))).to_have_count(0)
        expect(registrar.get_by_text(f"邮件标识 {record.message_id}").first).to_be_visible()

        downloaded = applicant_downloads(applicant, reference, query_code, assert_accessible)
        assert downloaded == mailed
        certificate = signing.certificate_for(people.agency)
        checked = signing.verify_pdf(downloaded, trusted_pem=certificate.certificate_pem)
        assert checked.valid and checked.signer == "乐清市退役军人事务局"
