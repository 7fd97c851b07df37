"""Demo 依申请公开 cases and 复议/诉讼 for 乐清市民政局 (not the seed agency, whose 2020 report has none).

Cases over 2025 and 2026 from every channel and applicant type, with several outcomes, a 补正, a third-party
consultation, an extension, a fee paid and a fee left unpaid (deemed abandoned), a withdrawal, cases carried
over from 2025 into 2026, a 行政复议 followed by a lawsuit and a lawsuit filed directly; issued letters with
their 文号, a draft awaiting the leader and a fresh draft. Everything goes through the services, so the
statutory clock checks each event and the letters go through 拟稿 → 科室负责人签字 → 领导签发 as a clerk's
would. Applicants, numbers and case numbers are invented. Each case is a DemoCase holding its events and
the appeals and letters that followed it.

load_demo_applications(agency, actor=None, signers=None) -> int   cases created; does nothing if the agency
    has any case. `signers` = (department head, leader) who sign the demo letters; without them no letters.
Steps dated after today are left out, so the demo loads on any date (and fills in as time passes only on
an empty agency).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone

from gongkai.agencies.models import Department, DepartmentKind
from gongkai.appeals.models import Appeal
from gongkai.appeals.services import close_appeal, register_appeal
from gongkai.applications import letters
from gongkai.applications.casework import assign
from gongkai.applications.letters import signing
from gongkai.applications.letters.workflow import issued_by_registrar
from gongkai.applications.models import Application, LetterSettings
from gongkai.applications.services import record_event, register_application
from gongkai.rules.identity import resident_id_check_character
from gongkai.rules.uscc import uscc_check_character

D = date
DRAFT, SIGNED = "draft", "signed"


@dataclass(frozen=True)
class DemoEvent:
    type: str
    on: date
    data: dict = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class DemoAppeal:
    kind: str  # review, litigation_direct, litigation_after_review (after the case's review)
    body: str
    case_number: str
    filed: date
    closed: date | None = None
    result: str = ""


@dataclass(frozen=True)
class DemoLetter:
    kind: str
    issued_on: date | None = None
    left_at: str = ""  # DRAFT, or SIGNED by the department head and awaiting 领导签发; unissued
    blanks: tuple[str, ...] = ()  # texts for the blanks (＿＿＿＿) the draft leaves, in order


@dataclass(frozen=True)
class DemoCase:
    channel: str
    arrived: date
    applicant: str  # the applicant's kind
    request: str
    carriers: tuple[str, ...]
    routes: tuple[str, ...]
    confirmed: date | None = None
    events: tuple[DemoEvent, ...] = ()
    appeals: tuple[DemoAppeal, ...] = ()
    letters: tuple[DemoLetter, ...] = ()


def _resident_id(first17: str) -> str:
    return first17 + resident_id_check_character(first17)


def _uscc(first17: str) -> str:
    return first17 + uscc_check_character(first17)


PERSON = "natural_person"


def _applicant(kind: str, n: int) -> dict:
    if kind == PERSON:
        return {
            "applicant_type": PERSON,
            "applicant_name": ["王某", "陈某某", "李某", "张某某", "黄某", "周某", "林某某", "郑某"][n % 8],
            "id_type": "resident_id",
            "id_number": _resident_id(f"3303821975{(n % 12) + 1:02d}1{n % 10}02{n % 9}"),
            "phone": f"1380577{n:04d}",
            "address": "浙江省乐清市城南街道演示路1号",
            "postcode": "325600",
        }
    names = {
        "commercial": "乐清市演示电气有限公司",
        "research": "温州演示社会发展研究院",
        "social": "乐清市演示助老公益服务中心",
        "legal_service": "浙江演示律师事务所",
        "other_org": "乐清市演示村股份经济合作社",
    }
    return {
        "applicant_type": kind,
        "applicant_name": names[kind],
        "uscc": _uscc(f"91330382MA2{sorted(names).index(kind):06d}"),  # one organisation per kind
        "contact_person": "赵某",
        "phone": f"0577-6199{n:04d}",
        "address": "浙江省乐清市演示大道88号",
        "postcode": "325600",
    }


# The receipt date follows from channel and dates (Art. 31). Letters are issued in date order across the cases,
# so the 文号 run in order too.
CASES = [
    DemoCase(
        channel="in_person",
        arrived=D(2025, 2, 18),
        applicant=PERSON,
        request="2024年度乐清市最低生活保障资金发放情况",
        carriers=("paper",),
        routes=("pickup",),
        events=(
            DemoEvent("decided", D(2025, 3, 5), {"outcome": "granted"}),
            DemoEvent("delivered", D(2025, 3, 6), {"method": "direct"}),
        ),
    ),
    DemoCase(
        channel="post_signed",
        arrived=D(2025, 3, 10),
        confirmed=D(2025, 3, 11),
        applicant="commercial",
        request="本公司所在地块养老服务设施规划审批材料",
        carriers=("paper",),
        routes=("post",),
        events=(
            DemoEvent("consultation_sent", D(2025, 3, 20), {"party": "third_party"}),
            DemoEvent("consultation_answered", D(2025, 4, 2), {"party": "third_party"}),
            DemoEvent("decided", D(2025, 4, 15), {"outcome": "partially_granted"}),
            DemoEvent("delivered", D(2025, 4, 16), {"method": "post"}),
        ),
    ),
    DemoCase(
        channel="online",
        arrived=D(2025, 4, 7),
        confirmed=D(2025, 4, 7),
        applicant=PERSON,
        request="某街道困难群众临时救助审批情况",
        carriers=("email",),
        routes=("email",),
        events=(
            DemoEvent(
                "correction_requested",
                D(2025, 4, 9),
                {"correction_deadline": D(2025, 4, 23)},
                note="请写明所需信息涉及的街道名称和审批时间范围。",
            ),
            DemoEvent("correction_received", D(2025, 4, 18)),
            DemoEvent("decided", D(2025, 5, 8), {"outcome": "unable_not_held"}),
            DemoEvent("delivered", D(2025, 5, 8), {"method": "post"}),
        ),
        appeals=(
            DemoAppeal(
                "review",
                "乐清市人民政府",
                "乐政复〔2025〕演示31号",
                filed=D(2025, 6, 10),
                closed=D(2025, 8, 20),
                result="upheld",
            ),
            DemoAppeal(
                "litigation_after_review",
                "乐清市人民法院",
                "（2025）浙0382行初演示118号",
                filed=D(2025, 9, 5),
                closed=D(2026, 3, 18),
                result="upheld",
            ),
        ),
        letters=(
            DemoLetter("correction", issued_on=D(2025, 4, 9)),
            DemoLetter(
                "reply_not_held",
                issued_on=D(2025, 5, 8),
                blanks=("该信息由相关街道办事处制作和保存，您可以向其咨询。",),
            ),
        ),
    ),
    DemoCase(
        channel="email",
        arrived=D(2025, 5, 12),
        applicant="research",
        request="2020年至2024年全市养老机构床位数及入住率统计",
        carriers=("email",),
        routes=("email",),
        events=(
            DemoEvent(
                "extension_approved",
                D(2025, 6, 5),
                {"workdays": 15, "approved_by": "办公室主任"},
                note="所需统计数据须向全市各养老机构逐一核实",
            ),
            DemoEvent("decided", D(2025, 6, 25), {"outcome": "granted"}),
            DemoEvent("delivered", D(2025, 6, 25), {"method": "post"}),
        ),
        letters=(DemoLetter("extension", issued_on=D(2025, 6, 5)),),
    ),
    DemoCase(
        channel="fax",
        arrived=D(2025, 6, 16),
        confirmed=D(2025, 6, 16),
        applicant="legal_service",
        request="2024年度社会组织年检结果及处罚决定书",
        carriers=("paper",),
        routes=("post",),
        events=(
            DemoEvent("fee_notice_received", D(2025, 6, 25), {"fee_method": "per_page", "pages": 160}),
            DemoEvent("fee_paid", D(2025, 7, 2)),
            DemoEvent("decided", D(2025, 7, 14), {"outcome": "granted"}),
            DemoEvent("delivered", D(2025, 7, 15), {"method": "post"}),
        ),
        letters=(
            DemoLetter("fee_notice", issued_on=D(2025, 6, 25)),
            DemoLetter("reply_granted", issued_on=D(2025, 7, 14)),
        ),
    ),
    DemoCase(
        channel="post_unsigned",
        arrived=D(2025, 7, 7),
        confirmed=D(2025, 7, 7),
        applicant="social",
        request="反映某养老院服务质量问题并要求查处",
        carriers=("paper",),
        routes=("post",),
        events=(
            DemoEvent("decided", D(2025, 7, 18), {"outcome": "rejected_petition"}),
            DemoEvent("delivered", D(2025, 7, 21), {"method": "post"}),
        ),
    ),
    DemoCase(
        channel="other",
        arrived=D(2025, 8, 4),
        confirmed=D(2025, 8, 4),
        applicant="other_org",
        request="本村土地征收安置人员社会救助名单",
        carriers=("paper",),
        routes=("pickup",),
        events=(DemoEvent("withdrawn", D(2025, 8, 12)),),
    ),
    DemoCase(
        channel="in_person",
        arrived=D(2025, 9, 1),
        applicant=PERSON,
        request="有关部门的相关文件",
        carriers=("paper",),
        routes=("pickup",),
        events=(
            DemoEvent("correction_requested", D(2025, 9, 3), {"correction_deadline": D(2025, 9, 17)}),
            DemoEvent("decided", D(2025, 10, 10), {"outcome": "other_no_correction"}),
            DemoEvent("delivered", D(2025, 10, 10), {"method": "post"}),
        ),
    ),
    DemoCase(
        channel="in_person",
        arrived=D(2025, 10, 20),
        applicant=PERSON,
        request="婚姻登记档案中本人父母的结婚登记记录",
        carriers=("paper",),
        routes=("pickup",),
        events=(
            DemoEvent("decided", D(2025, 10, 31), {"outcome": "denied_admin_query"}),
            DemoEvent("delivered", D(2025, 10, 31), {"method": "direct"}),
        ),
    ),
    # Received in December 2025, answered in January 2026: carried over.
    DemoCase(
        channel="online",
        arrived=D(2025, 12, 15),
        confirmed=D(2025, 12, 15),
        applicant=PERSON,
        request="2025年度殡葬惠民补助发放标准及依据",
        carriers=("email",),
        routes=("email",),
        events=(
            DemoEvent("decided", D(2026, 1, 8), {"outcome": "granted"}),
            DemoEvent("delivered", D(2026, 1, 8), {"method": "post"}),
        ),
    ),
    DemoCase(
        channel="post_signed",
        arrived=D(2025, 12, 22),
        confirmed=D(2025, 12, 23),
        applicant="commercial",
        request="本公司参与的居家养老服务政府采购评审情况",
        carriers=("paper",),
        routes=("post",),
        events=(
            DemoEvent("consultation_sent", D(2025, 12, 30), {"party": "agency"}),
            DemoEvent("consultation_answered", D(2026, 1, 12), {"party": "agency"}),
            DemoEvent("decided", D(2026, 1, 26), {"outcome": "denied_process_info"}),
            DemoEvent("delivered", D(2026, 1, 27), {"method": "post"}),
        ),
    ),
    DemoCase(
        channel="in_person",
        arrived=D(2026, 2, 24),
        applicant=PERSON,
        request="本人低保资格取消的审批材料",
        carriers=("paper",),
        routes=("pickup",),
        events=(
            DemoEvent("decided", D(2026, 3, 10), {"outcome": "granted"}),
            DemoEvent("delivered", D(2026, 3, 10), {"method": "direct"}),
        ),
        appeals=(
            DemoAppeal(
                "litigation_direct", "乐清市人民法院", "（2026）浙0382行初演示52号", filed=D(2026, 4, 1)
            ),
        ),
    ),
    # A fee notice never paid: deemed abandoned after 20 working days, the 其他处理 row.
    DemoCase(
        channel="in_person",
        arrived=D(2026, 3, 9),
        applicant="commercial",
        request="2025年度全市养老机构消防安全检查记录及整改通知",
        carriers=("paper",),
        routes=("pickup",),
        events=(
            DemoEvent("fee_notice_received", D(2026, 3, 24), {"fee_method": "per_page", "pages": 80}),
            DemoEvent("decided", D(2026, 4, 28), {"outcome": "other_unpaid_fee"}),
            DemoEvent("delivered", D(2026, 4, 28), {"method": "post"}),
        ),
        letters=(
            DemoLetter("fee_notice", issued_on=D(2026, 3, 24)),
            DemoLetter("notice_abandoned_unpaid_fee", issued_on=D(2026, 4, 28)),
        ),
    ),
    DemoCase(
        channel="online",
        arrived=D(2026, 3, 16),
        confirmed=D(2026, 3, 16),
        applicant=PERSON,
        request="2025年度乐清市最低生活保障资金发放情况",
        carriers=("email",),
        routes=("email",),
        events=(
            DemoEvent("decided", D(2026, 3, 27), {"outcome": "granted"}),
            DemoEvent("delivered", D(2026, 3, 27), {"method": "post"}),
        ),
    ),
    DemoCase(
        channel="email",
        arrived=D(2026, 4, 20),
        applicant="social",
        request="全市社区居家养老服务照料中心运营评估汇总表",
        carriers=("email",),
        routes=("email",),
        events=(
            DemoEvent("decided", D(2026, 5, 12), {"outcome": "unable_needs_creation"}),
            DemoEvent("delivered", D(2026, 5, 12), {"method": "post"}),
        ),
        appeals=(
            DemoAppeal(
                "review",
                "乐清市人民政府",
                "乐政复〔2026〕演示9号",
                filed=D(2026, 6, 1),
                closed=D(2026, 7, 28),
                result="corrected",
            ),
        ),
    ),
    DemoCase(
        channel="in_person",
        arrived=D(2026, 6, 8),
        applicant="legal_service",
        request="2024年度社会组织年检结果及处罚决定书",
        carriers=("paper",),
        routes=("pickup",),
        events=(
            DemoEvent("decided", D(2026, 6, 19), {"outcome": "rejected_repeat"}),
            DemoEvent("delivered", D(2026, 6, 19), {"method": "direct"}),
        ),
    ),
    DemoCase(
        channel="fax",
        arrived=D(2026, 9, 7),
        confirmed=D(2026, 9, 7),
        applicant="other_org",
        request="村级养老服务站建设补助资金拨付文件",
        carriers=("paper",),
        routes=("post",),
        events=(DemoEvent("withdrawn", D(2026, 9, 15)),),
    ),
    # Still open: carried forward to 2027.
    DemoCase(
        channel="online",
        arrived=D(2026, 11, 9),
        confirmed=D(2026, 11, 9),
        applicant=PERSON,
        request="2026年度困难残疾人生活补贴发放名单",
        carriers=("email",),
        routes=("email",),
        events=(
            DemoEvent(
                "extension_approved",
                D(2026, 11, 24),
                {"workdays": 10, "approved_by": "办公室主任"},
                note="所需名单须向各镇街核对",
            ),
        ),
        letters=(DemoLetter("extension", left_at=SIGNED),),
    ),
    DemoCase(
        channel="post_signed",
        arrived=D(2026, 11, 16),
        confirmed=D(2026, 11, 17),
        applicant="research",
        request="2025年度全市社会组织登记数量统计",
        carriers=("paper",),
        routes=("post",),
        letters=(DemoLetter("receipt", left_at=DRAFT),),
    ),
]

LETTER_SETTINGS = {
    "number_prefix": "乐民公开",
    "review_body": "乐清市人民政府",
    "court": "乐清市人民法院",
}


def _arrival(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 30)))


def _load_letters(agency, created, drafter, signers, today) -> None:
    head, leader = signers
    if not LetterSettings.objects.filter(agency=agency).exists():
        LetterSettings.objects.create(agency=agency, **LETTER_SETTINGS)
    # The demo agency signs its letters with a self-signed certificate (a real one comes from a CA).
    if signing.certificate_for(agency) is None:
        signing.install_self_signed(agency)
    for case, application in zip(CASES, created, strict=True):
        for demo in case.letters:
            if application is None or (demo.issued_on is not None and demo.issued_on > today):
                continue
            letter = letters.draft_letter(application, demo.kind, actor=drafter)
            body = letter.body
            for text in demo.blanks:
                body = body.replace(letters.BLANK, text, 1)
            if demo.blanks:
                letter = letters.edit_letter(letter, body=body, addressee=letter.addressee, actor=drafter)
            if demo.left_at == DRAFT:
                continue
            if issued_by_registrar(letter):
                if demo.issued_on is not None:
                    letters.issue_letter(letter, actor=drafter, issued_on=demo.issued_on)
                continue
            letter = letters.sign_as_head(letter, actor=head)
            if demo.issued_on is not None:
                letters.issue_letter(letter, actor=leader, issued_on=demo.issued_on)


def _load_appeals(agency, created, actor, today) -> None:
    for case, application in zip(CASES, created, strict=True):
        review = None
        for demo in case.appeals:
            if demo.filed > today or application is None:
                continue
            appeal = register_appeal(
                agency,
                data={
                    "kind": demo.kind,
                    "application": application,
                    "review": review if demo.kind == "litigation_after_review" else None,
                    "body": demo.body,
                    "case_number": demo.case_number,
                    "filed_on": demo.filed,
                    "summary": "申请人对答复不服。",
                },
                actor=actor,
            )
            if demo.kind == "review":
                review = appeal
            if demo.closed is not None and demo.closed <= today:
                close_appeal(appeal, closed_on=demo.closed, result=demo.result, note="", actor=actor)


# The 承办科室 the demo's cases are assigned to (invented, plausible for a 民政局).
CASE_DEPARTMENTS = ("社会救助科", "养老服务科", "社会事务科")


def load_demo_applications(agency, actor=None, signers=None) -> int:
    if Application.objects.filter(agency=agency).exists() or Appeal.objects.filter(agency=agency).exists():
        return 0
    today = timezone.localdate()
    departments = [
        Department.objects.get_or_create(agency=agency, name=name, defaults={"kind": DepartmentKind.SECTION})[
            0
        ]
        for name in CASE_DEPARTMENTS
    ]
    created: list[Application | None] = []
    for n, case in enumerate(CASES):
        if (case.confirmed or case.arrived) > today:
            created.append(None)
            continue
        data = {
            "channel": case.channel,
            "arrived_at": _arrival(case.arrived),
            "confirmed_on": case.confirmed,
            "request_description": case.request,
            "carriers": list(case.carriers),
            "routes": list(case.routes),
            **_applicant(case.applicant, n),
        }
        application, _ = register_application(agency, data=data, actor=actor)
        if case.events and case.events[0].on <= today:
            # A case the office has worked on was assigned first; one with nothing done yet waits in 新收.
            department = departments[n % len(departments)]
            assign(application, department=department, handler=None, actor=actor, on=application.received_on)
        for event in case.events:
            if event.on > today:
                break
            record_event(
                application, event.type, date=event.on, data=dict(event.data), note=event.note, actor=actor
            )
        created.append(application)
    _load_appeals(agency, created, actor, today)
    if signers:
        _load_letters(agency, created, actor, signers, today)
    return sum(1 for a in created if a is not None)
