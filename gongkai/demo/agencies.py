"""Demo agencies, the seed agency's departments and a log-in for every role.

Facts about the real agencies come from the seed report (telephone, e-mail, portal, the 办公室 as disclosure
office); what the report does not state (address, fax, office hours) stays blank rather than invented. The
departments, the other agencies' details and every 统一社会信用代码 are made-up demo values.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from gongkai.agencies.models import Agency, AgencyKind, Department, DepartmentKind, Level, Membership, Role
from gongkai.rules.uscc import uscc_check_character

DEMO_PASSWORD = "gongkai-demo-2026"
YUEQING_PORTAL = "http://www.yueqing.gov.cn/"


@dataclass(frozen=True)
class DemoAgency:
    code: str
    name: str
    level: Level
    kind: AgencyKind
    parent: str | None  # the parent agency's code
    uscc_first17: str  # the demo 统一社会信用代码 without its check character
    details: dict = field(default_factory=dict)  # the other fields of Agency


def demo_uscc(first17: str) -> str:
    """A made-up 统一社会信用代码 with a correct check character (登记管理部门 1 = 机构编制, 类别 1 = 机关)."""
    return first17 + uscc_check_character(first17)


AGENCIES = [
    DemoAgency(
        code="yqszf",
        name="乐清市人民政府",
        level=Level.COUNTY,
        kind=AgencyKind.GOVERNMENT,
        parent=None,
        uscc_first17="11330382002560001",
        details={
            "website": YUEQING_PORTAL,
            "disclosure_office": "乐清市人民政府办公室",
            "postcode": "325600",
        },
    ),
    DemoAgency(
        code="yqtyjrswj",
        name="乐清市退役军人事务局",
        level=Level.COUNTY,
        kind=AgencyKind.DEPARTMENT,
        parent="yqszf",
        uscc_first17="11330382MB1C42718",
        details={
            # From the contact sentence of the seed report.
            "telephone": "0577-61882068",
            "email": "1809263171@qq.com",
            "website": YUEQING_PORTAL,
            "disclosure_office": "办公室",
            "postcode": "325600",
        },
    ),
    DemoAgency(
        code="yqsmzj",
        name="乐清市民政局",
        level=Level.COUNTY,
        kind=AgencyKind.DEPARTMENT,
        parent="yqszf",
        uscc_first17="11330382002560028",
        # The telephone is invented: the letters of the demo's cases quote it.
        details={
            "website": YUEQING_PORTAL,
            "disclosure_office": "办公室",
            "postcode": "325600",
            "telephone": "0577-62000000",
        },
    ),
    DemoAgency(
        code="yqsczj",
        name="乐清市财政局",
        level=Level.COUNTY,
        kind=AgencyKind.DEPARTMENT,
        parent="yqszf",
        uscc_first17="11330382002560036",
        details={"website": YUEQING_PORTAL, "disclosure_office": "办公室", "postcode": "325600"},
    ),
    DemoAgency(
        code="yqslsz",
        name="乐清市柳市镇人民政府",
        level=Level.TOWNSHIP,
        kind=AgencyKind.GOVERNMENT,
        parent="yqszf",
        uscc_first17="11330382002560044",
        details={"website": YUEQING_PORTAL, "disclosure_office": "党政综合办公室", "postcode": "325604"},
    ),
]

SEED = "yqtyjrswj"
# The seed names 办公室, business 科室 and 局属单位 without listing them; these are plausible, invented.
SEED_DEPARTMENTS = {
    "办公室": DepartmentKind.SECTION,
    "移交安置与就业创业科": DepartmentKind.SECTION,
    "拥军优抚科": DepartmentKind.SECTION,
    "思想政治和权益维护科": DepartmentKind.SECTION,
    "乐清市退役军人服务中心": DepartmentKind.AFFILIATED_UNIT,
    "乐清市军队离退休干部休养所": DepartmentKind.AFFILIATED_UNIT,
}


@dataclass(frozen=True)
class DemoPerson:
    username: str
    display_name: str
    agency: str  # the agency's code
    role: Role
    department: str | None = None  # a department of the seed agency


PEOPLE = [
    DemoPerson("dengji", "演示登记员", "yqtyjrswj", Role.REGISTRAR, department="办公室"),
    DemoPerson("keshi", "演示科室负责人", "yqtyjrswj", Role.DEPARTMENT_HEAD, department="拥军优抚科"),
    DemoPerson("baomi", "演示保密审查员", "yqtyjrswj", Role.SECRECY_REVIEWER, department="办公室"),
    DemoPerson("lingdao", "演示领导", "yqtyjrswj", Role.LEADER),
    DemoPerson("guanli", "演示管理员", "yqtyjrswj", Role.ADMIN, department="办公室"),
    DemoPerson("jiandu", "演示监督员", "yqszf", Role.SUPERVISOR),
    DemoPerson("mzdengji", "民政局登记员", "yqsmzj", Role.REGISTRAR),
    # 乐清市民政局 holds the demo's 依申请公开 cases: someone to sign and issue its letters, and to set them up.
    DemoPerson("mzkeshi", "民政局科室负责人", "yqsmzj", Role.DEPARTMENT_HEAD),
    DemoPerson("mzlingdao", "民政局领导", "yqsmzj", Role.LEADER),
    DemoPerson("mzguanli", "民政局管理员", "yqsmzj", Role.ADMIN),
]
SUPERUSER_USERNAME = "admin"
SUPERUSER_DISPLAY_NAME = "系统管理员"

# What an agency's 管理员 may do in 系统配置 (scoped to their agency by the admin classes): "app.codename".
AGENCY_ADMIN_PERMISSIONS = [
    "agencies.view_agency",
    "agencies.change_agency",
    "agencies.view_department",
    "agencies.add_department",
    "agencies.change_department",
    "agencies.delete_department",
    "agencies.view_membership",
    "agencies.add_membership",
    "agencies.change_membership",
    "agencies.delete_membership",
    "auth.view_user",
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


def load_agencies(summary: DemoSummary) -> dict[str, Agency]:
    """The demo agencies by code, creating those that are missing."""
    agencies: dict[str, Agency] = {}
    for demo in AGENCIES:
        agency = Agency.objects.filter(code=demo.code).first()
        if agency is None:
            agency = Agency(
                code=demo.code,
                name=demo.name,
                level=demo.level,
                kind=demo.kind,
                parent=agencies.get(demo.parent),
                uscc=demo_uscc(demo.uscc_first17),
                **demo.details,
            )
            agency.full_clean()  # demo values pass the same checks as an administrator's entry
            agency.save()
            summary.agencies_created += 1
        agencies[demo.code] = agency
    return agencies


def load_seed_departments(seed: Agency) -> dict[str, Department]:
    departments = {}
    for name, kind in SEED_DEPARTMENTS.items():
        departments[name], _ = Department.objects.get_or_create(
            agency=seed, name=name, defaults={"kind": kind}
        )
    return departments


def load_people(
    agencies: dict[str, Agency], departments: dict[str, Department], summary: DemoSummary
) -> None:
    User = get_user_model()
    for person in PEOPLE:
        user, created = User.objects.get_or_create(
            username=person.username, defaults={"first_name": person.display_name}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = person.role == Role.ADMIN
            user.save()
            summary.users_created += 1
        agency = agencies[person.agency]
        Membership.objects.get_or_create(
            user=user,
            agency=agency,
            role=person.role,
            defaults={"department": departments.get(person.department)},
        )
        if person.role == Role.ADMIN:
            user.user_permissions.add(*_permissions(AGENCY_ADMIN_PERMISSIONS))
        summary.logins.append(DemoLogin(person.username, DEMO_PASSWORD, person.role.label, agency.name))


def load_superuser(summary: DemoSummary):
    User = get_user_model()
    admin, created = User.objects.get_or_create(
        username=SUPERUSER_USERNAME,
        defaults={"first_name": SUPERUSER_DISPLAY_NAME, "is_staff": True, "is_superuser": True},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
        summary.users_created += 1
    summary.logins.append(DemoLogin(SUPERUSER_USERNAME, DEMO_PASSWORD, "超级用户", "可配置全部机关"))
    return admin


def _permissions(names):
    wanted = {tuple(name.split(".")) for name in names}
    candidates = Permission.objects.filter(codename__in=[c for _, c in wanted]).select_related("content_type")
    return [p for p in candidates if (p.content_type.app_label, p.codename) in wanted]
