"""Demo data: the seed agency (乐清市退役军人事务局) and a small hierarchy, with log-ins for every role.

load_demo() only creates what is missing and never overwrites, so it can run on every `gongkai demo` and
keeps whatever was changed in 系统配置 since. Facts about the real agencies come from the seed report
(telephone, e-mail, portal, the 办公室 as disclosure office); what the report does not state (address, fax,
office hours) stays blank rather than invented. The departments, the other agencies' details and every
统一社会信用代码 are made-up demo values.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction

from gongkai.agencies.models import Agency, AgencyKind, Department, DepartmentKind, Level, Membership, Role
from gongkai.rules.uscc import uscc_check_character

DEMO_PASSWORD = "gongkai-demo-2026"
YUEQING_PORTAL = "http://www.yueqing.gov.cn/"


def demo_uscc(first17: str) -> str:
    """A made-up 统一社会信用代码 with a correct check character (登记管理部门 1 = 机构编制, 类别 1 = 机关)."""
    return first17 + uscc_check_character(first17)


# (code, name, level, kind, parent code, first 17 characters of the demo USCC, other fields)
AGENCIES = [
    (
        "yqszf",
        "乐清市人民政府",
        Level.COUNTY,
        AgencyKind.GOVERNMENT,
        None,
        "11330382002560001",
        {"website": YUEQING_PORTAL, "disclosure_office": "乐清市人民政府办公室", "postcode": "325600"},
    ),
    (
        "yqtyjrswj",
        "乐清市退役军人事务局",
        Level.COUNTY,
        AgencyKind.DEPARTMENT,
        "yqszf",
        "11330382MB1C42718",
        {
            # From the contact sentence of the seed report.
            "telephone": "0577-61882068",
            "email": "1809263171@qq.com",
            "website": YUEQING_PORTAL,
            "disclosure_office": "办公室",
            "postcode": "325600",
        },
    ),
    (
        "yqsmzj",
        "乐清市民政局",
        Level.COUNTY,
        AgencyKind.DEPARTMENT,
        "yqszf",
        "11330382002560028",
        # The telephone is invented: the letters of the demo's cases quote it.
        {
            "website": YUEQING_PORTAL,
            "disclosure_office": "办公室",
            "postcode": "325600",
            "telephone": "0577-62000000",
        },
    ),
    (
        "yqsczj",
        "乐清市财政局",
        Level.COUNTY,
        AgencyKind.DEPARTMENT,
        "yqszf",
        "11330382002560036",
        {"website": YUEQING_PORTAL, "disclosure_office": "办公室", "postcode": "325600"},
    ),
    (
        "yqslsz",
        "乐清市柳市镇人民政府",
        Level.TOWNSHIP,
        AgencyKind.GOVERNMENT,
        "yqszf",
        "11330382002560044",
        {"website": YUEQING_PORTAL, "disclosure_office": "党政综合办公室", "postcode": "325604"},
    ),
]

# The seed names 办公室, business 科室 and 局属单位 without listing them; these are plausible, invented.
SEED_DEPARTMENTS = [
    ("办公室", DepartmentKind.SECTION),
    ("移交安置与就业创业科", DepartmentKind.SECTION),
    ("拥军优抚科", DepartmentKind.SECTION),
    ("思想政治和权益维护科", DepartmentKind.SECTION),
    ("乐清市退役军人服务中心", DepartmentKind.AFFILIATED_UNIT),
    ("乐清市军队离退休干部休养所", DepartmentKind.AFFILIATED_UNIT),
]

# (username, display name, agency code, role, department name)
PEOPLE = [
    ("dengji", "演示登记员", "yqtyjrswj", Role.REGISTRAR, "办公室"),
    ("keshi", "演示科室负责人", "yqtyjrswj", Role.DEPARTMENT_HEAD, "拥军优抚科"),
    ("baomi", "演示保密审查员", "yqtyjrswj", Role.SECRECY_REVIEWER, "办公室"),
    ("lingdao", "演示领导", "yqtyjrswj", Role.LEADER, None),
    ("guanli", "演示管理员", "yqtyjrswj", Role.ADMIN, "办公室"),
    ("jiandu", "演示监督员", "yqszf", Role.SUPERVISOR, None),
    ("mzdengji", "民政局登记员", "yqsmzj", Role.REGISTRAR, None),
    # 乐清市民政局 holds the demo's 依申请公开 cases: someone to sign and issue its letters, and to set them up.
    ("mzkeshi", "民政局科室负责人", "yqsmzj", Role.DEPARTMENT_HEAD, None),
    ("mzlingdao", "民政局领导", "yqsmzj", Role.LEADER, None),
    ("mzguanli", "民政局管理员", "yqsmzj", Role.ADMIN, None),
]
SUPERUSER = ("admin", "系统管理员")

# What an agency's 管理员 may do in 系统配置 (scoped to their agency by the admin classes).
AGENCY_ADMIN_PERMISSIONS = [
    ("agencies", "view_agency"),
    ("agencies", "change_agency"),
    ("agencies", "view_department"),
    ("agencies", "add_department"),
    ("agencies", "change_department"),
    ("agencies", "delete_department"),
    ("agencies", "view_membership"),
    ("agencies", "add_membership"),
    ("agencies", "change_membership"),
    ("agencies", "delete_membership"),
    ("auth", "view_user"),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    agency: str


@dataclass
class DemoSummary:
    agencies_created: int = 0
    users_created: int = 0
    logins: list[DemoLogin] = field(default_factory=list)


@transaction.atomic
def load_demo() -> DemoSummary:
    summary = DemoSummary()
    agencies: dict[str, Agency] = {}
    for code, name, level, kind, parent_code, uscc17, extra in AGENCIES:
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            agency = Agency(
                code=code,
                name=name,
                level=level,
                kind=kind,
                parent=agencies.get(parent_code),
                uscc=demo_uscc(uscc17),
                **extra,
            )
            agency.full_clean()  # demo values pass the same checks as an administrator's entry
            agency.save()
            summary.agencies_created += 1
        agencies[code] = agency

    seed = agencies["yqtyjrswj"]
    departments = {}
    for name, kind in SEED_DEPARTMENTS:
        departments[name], _ = Department.objects.get_or_create(
            agency=seed, name=name, defaults={"kind": kind}
        )

    User = get_user_model()
    for username, display_name, agency_code, role, department_name in PEOPLE:
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": display_name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = role == Role.ADMIN
            user.save()
            summary.users_created += 1
        agency = agencies[agency_code]
        Membership.objects.get_or_create(
            user=user, agency=agency, role=role, defaults={"department": departments.get(department_name)}
        )
        if role == Role.ADMIN:
            user.user_permissions.add(*_permissions(AGENCY_ADMIN_PERMISSIONS))
        summary.logins.append(DemoLogin(username, DEMO_PASSWORD, role.label, agency.name))

    from gongkai.demo.applications import load_demo_applications

    load_demo_applications(
        agencies["yqsmzj"],
        actor=User.objects.get(username="mzdengji"),
        signers=(User.objects.get(username="mzkeshi"), User.objects.get(username="mzlingdao")),
    )

    username, display_name = SUPERUSER
    admin, created = User.objects.get_or_create(
        username=username, defaults={"first_name": display_name, "is_staff": True, "is_superuser": True}
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
        summary.users_created += 1
    summary.logins.append(DemoLogin(username, DEMO_PASSWORD, "超级用户", "可配置全部机关"))

    from gongkai.demo.disclosure import load_demo_disclosure

    drafters = {
        "yqtyjrswj": User.objects.get(username="dengji"),
        "yqsmzj": User.objects.get(username="mzdengji"),
    }
    load_demo_disclosure(agencies, {code: drafters.get(code, admin) for code in agencies}, departments)

    from gongkai.demo.reports import load_demo_reports

    # Last: publishing the seed's 2020 report locks that year's records.
    load_demo_reports(
        seed, registrar=User.objects.get(username="dengji"), leader=User.objects.get(username="lingdao")
    )

    from gongkai.demo.supervision import load_demo_supervision

    load_demo_supervision(agencies, actor=admin)
    return summary


def _permissions(pairs):
    wanted = set(pairs)
    candidates = Permission.objects.filter(codename__in=[c for _, c in pairs]).select_related("content_type")
    return [p for p in candidates if (p.content_type.app_label, p.codename) in wanted]


def print_welcome(summary: DemoSummary, addr: str) -> None:
    base = f"http://{addr}"
    print()
    print("gongkai 演示数据已就绪", end="")
    if summary.agencies_created or summary.users_created:
        print(f"（本次新建机关 {summary.agencies_created} 个、账号 {summary.users_created} 个）。")
    else:
        print("（已存在，未作改动）。")
    print()
    print(f"  门户网站  {base}/")
    print(f"  工作台    {base}/workspace/")
    print(f"  系统配置  {base}/admin/")
    print(
        f"  年度报告  {base}/yqtyjrswj/reports/2020/（已发布）  {base}/workspace/reports/yqtyjrswj/2021/（草稿）"
    )
    print(f"  上级监督  {base}/workspace/supervision/yqszf/total/?year=2020（监督员 jiandu：全市汇总）")
    print()
    print("演示账号：")
    width = max(len(login.username) for login in summary.logins)
    pwidth = max(len(login.password) for login in summary.logins)
    print(f"  {'用户名'.ljust(width - 3)}  {'密码'.ljust(pwidth - 2)}  角色（机关）")
    for login in summary.logins:
        print(
            f"  {login.username.ljust(width)}  {login.password.ljust(pwidth)}  {login.role}（{login.agency}）"
        )
    print()
    print("以上均为演示账号与演示数据，请勿用于正式环境。")
