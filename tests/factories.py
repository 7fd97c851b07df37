"""Factories and personas for tests: plain functions, no fixture files. Usage:

agency = make_agency("乐清市退役军人事务局", parent=government)
person = make_person(agency, Role.REGISTRAR)
p = make_personas()  # a small hierarchy with one person per role
"""

import itertools
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency, AgencyKind, Department, DepartmentKind, Level, Membership, Role
from gongkai.rules.uscc import uscc_check_character

PASSWORD = "test-password-2026"

_numbers = itertools.count(1)


def valid_uscc(number: int | None = None) -> str:
    """A 统一社会信用代码 with a correct check character, different for every call."""
    first17 = f"11330382{number if number is not None else next(_numbers):09d}"
    return first17 + uscc_check_character(first17)


def make_agency(
    name: str | None = None,
    *,
    parent: Agency | None = None,
    level: str = Level.COUNTY,
    kind: str = AgencyKind.DEPARTMENT,
    code: str | None = None,
    **fields,
) -> Agency:
    n = next(_numbers)
    agency = Agency(
        name=name or f"测试机关{n}",
        parent=parent,
        level=level,
        kind=kind,
        code=code or f"agency{n}",
        uscc=fields.pop("uscc", None) or valid_uscc(n),
        **fields,
    )
    agency.full_clean()
    agency.save()
    return agency


def make_department(
    agency: Agency, name: str | None = None, kind: str = DepartmentKind.SECTION
) -> Department:
    return Department.objects.create(agency=agency, name=name or f"科室{next(_numbers)}", kind=kind)


def make_person(
    agency: Agency | None = None,
    role: str | None = None,
    *,
    username: str | None = None,
    department: Department | None = None,
    password: str = PASSWORD,
    **user_fields,
):
    """A user, with a role in `agency` if both are given."""
    user = get_user_model().objects.create_user(
        username=username or f"user{next(_numbers)}", password=password, **user_fields
    )
    if agency is not None and role is not None:
        Membership.objects.create(user=user, agency=agency, role=role, department=department)
    return user


@dataclass
class Personas:
    government: Agency  # 乐清市人民政府
    agency: Agency  # 乐清市退役军人事务局, where the staff personas work
    other_agency: Agency  # 乐清市民政局, a sibling department
    township: Agency  # 乐清市柳市镇人民政府
    office: Department
    registrar: object
    department_head: object
    reviewer: object
    leader: object
    admin: object
    supervisor: object  # 上级监督员 at 乐清市人民政府
    other_clerk: object  # 登记员 at 乐清市民政局


def make_personas() -> Personas:
    government = make_agency("乐清市人民政府", kind=AgencyKind.GOVERNMENT, code="yqszf")
    agency = make_agency(
        "乐清市退役军人事务局",
        parent=government,
        code="yqtyjrswj",
        telephone="0577-61882068",
        email="1809263171@qq.com",
        website="http://www.yueqing.gov.cn/",
        disclosure_office="办公室",
    )
    other_agency = make_agency("乐清市民政局", parent=government, code="yqsmzj")
    township = make_agency(
        "乐清市柳市镇人民政府",
        parent=government,
        level=Level.TOWNSHIP,
        kind=AgencyKind.GOVERNMENT,
        code="yqslsz",
    )
    office = make_department(agency, "办公室")
    return Personas(
        government=government,
        agency=agency,
        other_agency=other_agency,
        township=township,
        office=office,
        registrar=make_person(agency, Role.REGISTRAR, username="registrar", department=office),
        department_head=make_person(agency, Role.DEPARTMENT_HEAD, username="department_head"),
        reviewer=make_person(agency, Role.SECRECY_REVIEWER, username="reviewer", department=office),
        leader=make_person(agency, Role.LEADER, username="leader"),
        admin=make_person(agency, Role.ADMIN, username="agency_admin", is_staff=True),
        supervisor=make_person(government, Role.SUPERVISOR, username="supervisor"),
        other_clerk=make_person(other_agency, Role.REGISTRAR, username="other_clerk"),
    )


def valid_resident_id(first17: str = "33038219800101001") -> str:
    """A 居民身份证号码 with a correct GB 11643 check character."""
    from gongkai.rules.identity import resident_id_check_character

    return first17 + resident_id_check_character(first17)


def make_application(agency: Agency, *, received_on=None, actor=None, **fields):
    """A case registered through the service, as if handed in person on `received_on` (default today).

    Returns (application, query code). Any applicant field may be overridden in `fields`.
    """
    from datetime import datetime, time

    from django.utils import timezone

    from gongkai.applications.services import register_application

    day = received_on or timezone.localdate()
    data = {
        "channel": "in_person",
        "arrived_at": timezone.make_aware(datetime.combine(day, time(10, 0))),
        "confirmed_on": None,
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": valid_resident_id(),
        "phone": "13800000000",
        "request_description": "2025年度退役军人优待证发放情况",
        "carriers": ["paper"],
        "routes": ["post"],
    }
    data.update(fields)
    return register_application(agency, data=data, actor=actor)


def make_category(agency: Agency, name: str | None = None, *, code: str | None = None, **fields):
    """A 主动公开目录 category of `agency`."""
    from gongkai.disclosure.models import CatalogueCategory

    n = next(_numbers)
    return CatalogueCategory.objects.create(
        agency=agency, name=name or f"类目{n}", code=code or f"cat{n}", **fields
    )


def make_item(agency: Agency, *, status: str = "published", published_at=None, drafter=None, **fields):
    """An item stored directly in `status` (no workflow); a published one gets a 索引号 as publication would.

    For the review steps themselves use gongkai.disclosure.workflow (tests/disclosure/conftest.py).
    """
    import datetime

    from django.db import transaction
    from django.utils import timezone

    from gongkai.disclosure.index_numbers import assign_index_number
    from gongkai.disclosure.models import Item

    n = next(_numbers)
    item = Item(
        agency=agency,
        drafter=drafter or make_person(),
        title=fields.pop("title", f"测试信息{n}"),
        formed_on=fields.pop("formed_on", datetime.date(2026, 3, 2)),
        status=status,
        **fields,
    )
    with transaction.atomic():
        if status in ("published", "withdrawn"):
            item.published_at = published_at or timezone.now()
            assign_index_number(item, timezone.localtime(item.published_at))
        item.save()
    return item


def make_appeal(agency: Agency, *, filed_on, kind: str = "review", actor=None, **fields):
    """A 行政复议/行政诉讼 case registered through the service; close it with appeals.services.close_appeal."""
    from gongkai.appeals.services import register_appeal

    data = {"kind": kind, "body": "乐清市人民政府", "filed_on": filed_on, "application": None, "review": None}
    data.update(fields)
    return register_appeal(agency, data=data, actor=actor)


def sample_cells(agency: Agency, year: int, *, seed: int = 0, blank=()):
    """ReportCells of `agency` for `year` in the year's format, every cell a small number that differs by
    seed and address (amounts as Decimal with fractions); the addresses in `blank` left null."""
    from decimal import Decimal

    from gongkai.formats import format_for_year
    from gongkai.formats.cells import ReportCells
    from gongkai.formats.declaration import Kind

    fmt = format_for_year(year)
    cells = ReportCells.blank(fmt, agency.name, year)
    for i, (address, column) in enumerate(fmt.cells()):
        if address in blank:
            continue
        n = (seed * 7 + i * 3) % 23
        if column.kind is Kind.AMOUNT:
            cells[address] = Decimal(n) + Decimal("0.25")
        elif column.kind is Kind.SIGNED:
            cells[address] = n - 11
        else:
            cells[address] = n
    return cells


def publish_cells(agency: Agency, year: int, cells, *, imported: bool = False, number: int | None = None):
    """A published version holding `cells`: through the importer's store_imported, or as a version gongkai
    generated (stored directly, without rendering files, since only its cells matter to the caller)."""
    import json

    from django.utils import timezone

    from gongkai.formats.cells import dumps
    from gongkai.reports.models import AnnualReport, Origin, ReportStatus, ReportVersion
    from gongkai.reports.services import store_imported

    data = json.loads(dumps(cells.to_dict(sections={})))
    if imported:
        return store_imported(agency, year, cells=data, source_name="导入.pdf", source=b"%PDF-1.4 test")
    report, _ = AnnualReport.objects.get_or_create(
        agency=agency, year=year, defaults={"format_version": cells.format.version}
    )
    previous = report.latest_version()
    version = ReportVersion.objects.create(
        report=report,
        number=number or ((previous.number + 1) if previous else 1),
        origin=Origin.GENERATED,
        format_version=cells.format.version,
        cells=data,
        content_sha256="0" * 64,
        published_at=timezone.now(),
        reason="" if previous is None else "更正",
    )
    report.status = ReportStatus.PUBLISHED
    report.locked = True
    report.save()
    return version


def published_report_file(
    agency_name: str, year: int, *, output: str = "md", narrative: dict | None = None, **changes
) -> bytes:
    """A published annual report of `agency_name` as gongkai renders it (Markdown, HTML, Word or PDF): a
    balanced table, with `changes` (address → value) written over it, and a short narrative (or `narrative`)."""
    from gongkai.formats.registry import format_for_year
    from gongkai.formats.render import render
    from tests.formats.conftest import balanced_cells

    cells = balanced_cells(format_for_year(year).version, year=year, agency=agency_name)
    for address, value in changes.items():
        cells[address] = value
    narrative = narrative or {
        "一": "本年度主动公开政府信息 120 条。",
        "五": "存在的主要问题：公开内容还需丰富。",
        "六": "本年度未收取信息处理费。",
    }
    return render(output, cells, narrative, {"office": "办公室", "phone": "0577-61882068"})


def make_pending_import(agency: Agency, actor, *, year: int = 2022, name: str = "report.md", data=None):
    """An uploaded report awaiting review, read through the service as the upload screen does (the tests' task
    backend reads it at once)."""
    from gongkai.importer.pending import upload
    from gongkai.importer.tasks import read_pending_import

    data = data or published_report_file(agency.name, year)
    return upload(agency, data, name, actor=actor, read_later=read_pending_import.enqueue)


def proven_submission(agency_code: str) -> dict:
    """What the online form's script adds before submitting: consent ticked, a challenge and its proof of
    work found the way the browser finds it (gongkai.security.proof)."""
    from django.conf import settings

    from gongkai.security import proof

    token = proof.issue(f"apply:{agency_code}")
    counter = 0
    while not proof.solves(token, str(counter), settings.APPLY_PROOF_BITS):
        counter += 1
    return {"privacy_consent": "on", "challenge": token, "proof": str(counter)}
