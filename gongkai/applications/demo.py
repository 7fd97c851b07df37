"""Demo 依申请公开 cases and 复议/诉讼 for 乐清市民政局 (not the seed agency, whose 2020 report has none).

Cases over 2025 and 2026 from every channel and applicant type, with several outcomes, a 补正, a third-party
consultation, an extension, a fee paid and a fee left unpaid (deemed abandoned), a withdrawal, cases carried
over from 2025 into 2026, a 行政复议 followed by a lawsuit and a lawsuit filed directly; issued letters with
their 文号, a draft awaiting the leader and a fresh draft. Everything goes through the services, so the
statutory clock checks each event and the letters go through 拟稿 → 科室负责人签字 → 领导签发 as a clerk's
would. Applicants, numbers and case numbers are invented.

load_demo_applications(agency, actor=None, signers=None) -> int   cases created; does nothing if the agency
    has any case. `signers` = (department head, leader) who sign the demo letters; without them no letters.
Steps dated after today are left out, so the demo loads on any date (and fills in as time passes only on
an empty agency).
"""

from datetime import date, datetime, time

from django.utils import timezone

from gongkai.appeals.models import Appeal
from gongkai.appeals.services import close_appeal, register_appeal
from gongkai.rules.identity import resident_id_check_character
from gongkai.rules.uscc import uscc_check_character

from . import letters
from .models import Application, LetterSettings
from .services import record_event, register_application

D = date


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


# (channel, arrived, confirmed, applicant kind, request, carriers, routes, events)
# Events: (type, date, data). The receipt date follows from channel and dates (Art. 31).
CASES = [
    (
        "in_person",
        D(2025, 2, 18),
        None,
        PERSON,
        "2024年度乐清市最低生活保障资金发放情况",
        ["paper"],
        ["pickup"],
        [
            ("decided", D(2025, 3, 5), {"outcome": "granted"}),
            ("delivered", D(2025, 3, 6), {"method": "direct"}),
        ],
    ),
    (
        "post_signed",
        D(2025, 3, 10),
        D(2025, 3, 11),
        "commercial",
        "本公司所在地块养老服务设施规划审批材料",
        ["paper"],
        ["post"],
        [
            ("consultation_sent", D(2025, 3, 20), {"party": "third_party"}),
            ("consultation_answered", D(2025, 4, 2), {"party": "third_party"}),
            ("decided", D(2025, 4, 15), {"outcome": "partially_granted"}),
            ("delivered", D(2025, 4, 16), {"method": "post"}),
        ],
    ),
    (
        "online",
        D(2025, 4, 7),
        D(2025, 4, 7),
        PERSON,
        "某街道困难群众临时救助审批情况",
        ["email"],
        ["email"],
        [
            (
                "correction_requested",
                D(2025, 4, 9),
                {
                    "correction_deadline": D(2025, 4, 23),
                    "note": "请写明所需信息涉及的街道名称和审批时间范围。",
                },
            ),
            ("correction_received", D(2025, 4, 18), {}),
            ("decided", D(2025, 5, 8), {"outcome": "unable_not_held"}),
            ("delivered", D(2025, 5, 8), {"method": "post"}),
        ],
    ),
    (
        "email",
        D(2025, 5, 12),
        None,
        "research",
        "2020年至2024年全市养老机构床位数及入住率统计",
        ["email"],
        ["email"],
        [
            (
                "extension_approved",
                D(2025, 6, 5),
                {
                    "workdays": 15,
                    "approved_by": "办公室主任",
                    "note": "所需统计数据须向全市各养老机构逐一核实",
                },
            ),
            ("decided", D(2025, 6, 25), {"outcome": "granted"}),
            ("delivered", D(2025, 6, 25), {"method": "post"}),
        ],
    ),
    (
        "fax",
        D(2025, 6, 16),
        D(2025, 6, 16),
        "legal_service",
        "2024年度社会组织年检结果及处罚决定书",
        ["paper"],
        ["post"],
        [
            ("fee_notice_received", D(2025, 6, 25), {"fee_method": "per_page", "pages": 160}),
            ("fee_paid", D(2025, 7, 2), {}),
            ("decided", D(2025, 7, 14), {"outcome": "granted"}),
            ("delivered", D(2025, 7, 15), {"method": "post"}),
        ],
    ),
    (
        "post_unsigned",
        D(2025, 7, 7),
        D(2025, 7, 7),
        "social",
        "反映某养老院服务质量问题并要求查处",
        ["paper"],
        ["post"],
        [
            ("decided", D(2025, 7, 18), {"outcome": "rejected_petition"}),
            ("delivered", D(2025, 7, 21), {"method": "post"}),
        ],
    ),
    (
        "other",
        D(2025, 8, 4),
        D(2025, 8, 4),
        "other_org",
        "本村土地征收安置人员社会救助名单",
        ["paper"],
        ["pickup"],
        [
            ("withdrawn", D(2025, 8, 12), {}),
        ],
    ),
    (
        "in_person",
        D(2025, 9, 1),
        None,
        PERSON,
        "有关部门的相关文件",
        ["paper"],
        ["pickup"],
        [
            ("correction_requested", D(2025, 9, 3), {"correction_deadline": D(2025, 9, 17)}),
            ("decided", D(2025, 10, 10), {"outcome": "other_no_correction"}),
            ("delivered", D(2025, 10, 10), {"method": "post"}),
        ],
    ),
    (
        "in_person",
        D(2025, 10, 20),
        None,
        PERSON,
        "婚姻登记档案中本人父母的结婚登记记录",
        ["paper"],
        ["pickup"],
        [
            ("decided", D(2025, 10, 31), {"outcome": "denied_admin_query"}),
            ("delivered", D(2025, 10, 31), {"method": "direct"}),
        ],
    ),
    # Received in December 2025, answered in January 2026: carried over.
    (
        "online",
        D(2025, 12, 15),
        D(2025, 12, 15),
        PERSON,
        "2025年度殡葬惠民补助发放标准及依据",
        ["email"],
        ["email"],
        [
            ("decided", D(2026, 1, 8), {"outcome": "granted"}),
            ("delivered", D(2026, 1, 8), {"method": "post"}),
        ],
    ),
    (
        "post_signed",
        D(2025, 12, 22),
        D(2025, 12, 23),
        "commercial",
        "本公司参与的居家养老服务政府采购评审情况",
        ["paper"],
        ["post"],
        [
            ("consultation_sent", D(2025, 12, 30), {"party": "agency"}),
            ("consultation_answered", D(2026, 1, 12), {"party": "agency"}),
            ("decided", D(2026, 1, 26), {"outcome": "denied_process_info"}),
            ("delivered", D(2026, 1, 27), {"method": "post"}),
        ],
    ),
    (
        "in_person",
        D(2026, 2, 24),
        None,
        PERSON,
        "本人低保资格取消的审批材料",
        ["paper"],
        ["pickup"],
        [
            ("decided", D(2026, 3, 10), {"outcome": "granted"}),
            ("delivered", D(2026, 3, 10), {"method": "direct"}),
        ],
    ),
    # A fee notice never paid: deemed abandoned after 20 working days, the 其他处理 row.
    (
        "in_person",
        D(2026, 3, 9),
        None,
        "commercial",
        "2025年度全市养老机构消防安全检查记录及整改通知",
        ["paper"],
        ["pickup"],
        [
            ("fee_notice_received", D(2026, 3, 24), {"fee_method": "per_page", "pages": 80}),
            ("decided", D(2026, 4, 28), {"outcome": "other_unpaid_fee"}),
            ("delivered", D(2026, 4, 28), {"method": "post"}),
        ],
    ),
    (
        "online",
        D(2026, 3, 16),
        D(2026, 3, 16),
        PERSON,
        "2025年度乐清市最低生活保障资金发放情况",
        ["email"],
        ["email"],
        [
            ("decided", D(2026, 3, 27), {"outcome": "granted"}),
            ("delivered", D(2026, 3, 27), {"method": "post"}),
        ],
    ),
    (
        "email",
        D(2026, 4, 20),
        None,
        "social",
        "全市社区居家养老服务照料中心运营评估汇总表",
        ["email"],
        ["email"],
        [
            ("decided", D(2026, 5, 12), {"outcome": "unable_needs_creation"}),
            ("delivered", D(2026, 5, 12), {"method": "post"}),
        ],
    ),
    (
        "in_person",
        D(2026, 6, 8),
        None,
        "legal_service",
        "2024年度社会组织年检结果及处罚决定书",
        ["paper"],
        ["pickup"],
        [
            ("decided", D(2026, 6, 19), {"outcome": "rejected_repeat"}),
            ("delivered", D(2026, 6, 19), {"method": "direct"}),
        ],
    ),
    (
        "fax",
        D(2026, 9, 7),
        D(2026, 9, 7),
        "other_org",
        "村级养老服务站建设补助资金拨付文件",
        ["paper"],
        ["post"],
        [
            ("withdrawn", D(2026, 9, 15), {}),
        ],
    ),
    # Still open: carried forward to 2027.
    (
        "online",
        D(2026, 11, 9),
        D(2026, 11, 9),
        PERSON,
        "2026年度困难残疾人生活补贴发放名单",
        ["email"],
        ["email"],
        [
            (
                "extension_approved",
                D(2026, 11, 24),
                {"workdays": 10, "approved_by": "办公室主任", "note": "所需名单须向各镇街核对"},
            ),
        ],
    ),
    (
        "post_signed",
        D(2026, 11, 16),
        D(2026, 11, 17),
        "research",
        "2025年度全市社会组织登记数量统计",
        ["paper"],
        ["post"],
        [],
    ),
]

# (kind, index of the case in CASES or None, body, case number, filed, (closed, result) or None)
APPEALS = [
    ("review", 2, "乐清市人民政府", "乐政复〔2025〕演示31号", D(2025, 6, 10), (D(2025, 8, 20), "upheld")),
    (
        "litigation_after_review",
        2,
        "乐清市人民法院",
        "（2025）浙0382行初演示118号",
        D(2025, 9, 5),
        (D(2026, 3, 18), "upheld"),
    ),
    ("litigation_direct", 11, "乐清市人民法院", "（2026）浙0382行初演示52号", D(2026, 4, 1), None),
    ("review", 14, "乐清市人民政府", "乐政复〔2026〕演示9号", D(2026, 6, 1), (D(2026, 7, 28), "corrected")),
]


# (index of the case in CASES, letter kind, issued on — or "signed"/"draft" to leave it unissued —, texts for
# the blanks (＿＿＿＿) the draft leaves, in order). Issued in date order, so the 文号 run in order too.
LETTERS = [
    (2, "correction", D(2025, 4, 9), ()),
    (2, "reply_not_held", D(2025, 5, 8), ("该信息由相关街道办事处制作和保存，您可以向其咨询。",)),
    (3, "extension", D(2025, 6, 5), ()),
    (4, "fee_notice", D(2025, 6, 25), ()),
    (4, "reply_granted", D(2025, 7, 14), ()),
    (12, "fee_notice", D(2026, 3, 24), ()),
    (12, "notice_abandoned_unpaid_fee", D(2026, 4, 28), ()),
    (17, "extension", "signed", ()),  # signed by the department head, awaiting 领导签发
    (18, "receipt", "draft", ()),
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
    for case, kind, when, blanks in LETTERS:
        application = created[case]
        if application is None or (isinstance(when, date) and when > today):
            continue
        letter = letters.draft_letter(application, kind, actor=drafter)
        body = letter.body
        for text in blanks:
            body = body.replace(letters.BLANK, text, 1)
        if blanks:
            letter = letters.edit_letter(letter, body=body, addressee=letter.addressee, actor=drafter)
        if when == "draft":
            continue
        letter = letters.sign_as_head(letter, actor=head)
        if isinstance(when, date):
            letters.issue_letter(letter, actor=leader, issued_on=when)


def load_demo_applications(agency, actor=None, signers=None) -> int:
    if Application.objects.filter(agency=agency).exists() or Appeal.objects.filter(agency=agency).exists():
        return 0
    today = timezone.localdate()
    created: list[Application | None] = []
    for n, (channel, arrived, confirmed, kind, request, carriers, routes, events) in enumerate(CASES):
        if (confirmed or arrived) > today:
            created.append(None)
            continue
        data = {
            "channel": channel,
            "arrived_at": _arrival(arrived),
            "confirmed_on": confirmed,
            "request_description": request,
            "carriers": carriers,
            "routes": routes,
            **_applicant(kind, n),
        }
        application, _ = register_application(agency, data=data, actor=actor)
        for type, day, event_data in events:
            if day > today:
                break
            event_data = dict(event_data)
            note = event_data.pop("note", "")
            record_event(application, type, date=day, data=event_data, note=note, actor=actor)
        created.append(application)

    reviews = {}
    for kind, case, body, number, filed, closing in APPEALS:
        application = created[case] if case is not None else None
        if filed > today or (case is not None and application is None):
            continue
        appeal = register_appeal(
            agency,
            data={
                "kind": kind,
                "application": application,
                "review": reviews.get(case) if kind == "litigation_after_review" else None,
                "body": body,
                "case_number": number,
                "filed_on": filed,
                "summary": "申请人对答复不服。",
            },
            actor=actor,
        )
        if kind == "review":
            reviews[case] = appeal
        if closing and closing[0] <= today:
            close_appeal(appeal, closed_on=closing[0], result=closing[1], note="", actor=actor)
    if signers:
        _load_letters(agency, created, actor, signers, today)
    return sum(1 for a in created if a is not None)
