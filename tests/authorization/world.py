"""The records the authorization matrix visits: for the personas' agency ("own") and for an agency outside
the supervisor's tree ("foreign"), one of each kind of record a view can address."""

from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.agencies.models import Agency, Role
from tests.applications.conftest import PDF, PNG
from tests.factories import Personas, make_agency, make_application, make_category, make_item, make_person


@dataclass
class Records:
    agency: Agency
    application: object
    query_code: str
    identity_document: object
    letter: object
    delivery_proof: object
    appeal: object
    draft: object  # a draft item of the agency's registrar
    attachment: object
    published: object
    category: object
    document: object
    report: object  # the agency's 2025 annual report, published (imported, with its source file)
    draft_report: object  # the agency's 2024 annual report, a draft
    ledger_entry: object
    pending_import: object = None  # a report uploaded by the agency's registrar, awaiting review
    published_attachment: object = None  # a file of the published item, public on the portal


def build_records(agency: Agency, registrar) -> Records:
    from gongkai.applications import archive, letters
    from gongkai.applications.services import add_identity_document
    from gongkai.disclosure import workflow
    from gongkai.disclosure.attachments import add_attachment
    from gongkai.disclosure.models import DisclosureAttribute, Item, OfficialDocument
    from tests.factories import make_appeal

    application, code = make_application(agency, received_on=date(2026, 3, 2), actor=registrar)
    document = add_identity_document(application, SimpleUploadedFile("id.png", PNG), actor=registrar)
    letter = letters.draft_letter(application, letters.kinds_for(application)[0], actor=registrar)
    proof = archive.add_delivery_proof(application, SimpleUploadedFile("p.pdf", PDF), actor=registrar)
    appeal = make_appeal(agency, filed_on=date(2026, 4, 1), actor=registrar)
    draft = workflow.save_draft(
        Item(
            agency=agency,
            drafter=registrar,
            title="关于退役军人优待证的通知（草稿）",
            formed_on=date(2026, 3, 2),
            attribute=DisclosureAttribute.PROACTIVE,
        ),
        registrar,
    )
    attachment = add_attachment(draft, SimpleUploadedFile("a.pdf", PDF), registrar)
    category = make_category(agency, "工作动态")
    published = make_item(agency, drafter=registrar, category=category, title="2026年工作要点")
    from gongkai.formats import format_for_year
    from gongkai.ledger.models import EntryKind
    from gongkai.ledger.services import record_entry
    from gongkai.reports.services import open_report, store_imported

    blank = {"format_version": format_for_year(2025).version, "agency": agency.name, "year": 2025}
    report = store_imported(
        agency, 2025, cells=blank, source_name="report.txt", source="年度报告".encode(), actor=registrar
    ).report
    draft_report = open_report(agency, 2024, actor=registrar)
    ledger_entry = record_entry(
        agency, actor=registrar, kind=EntryKind.TRAINING, date=date(2026, 3, 5), title="条例培训",
        participants=20, source="签到表",
    )  # fmt: skip
    register_entry = OfficialDocument.objects.create(
        agency=agency,
        document_number="乐退役发〔2026〕1号",
        title="关于印发2026年工作要点的通知",
        issued_on=date(2026, 3, 1),
        attribute=DisclosureAttribute.PROACTIVE,
    )
    records = Records(
        agency, application, code, document, letter, proof, appeal, draft, attachment, published, category,
        register_entry, report, draft_report, ledger_entry,
    )  # fmt: skip
    records.published_attachment = add_attachment(
        published, SimpleUploadedFile("公开附件.pdf", PDF), registrar
    )
    from gongkai.applications.letters import workflow as letter_workflow

    records.letter_attachment = letter_workflow.add_attachment(
        letter, SimpleUploadedFile("公开的材料.pdf", PDF), title="公开的材料", actor=registrar
    )
    return records


@dataclass
class World:
    people: Personas
    own: Records
    foreign: Records

    def users(self) -> dict:
        """The roles of the matrix and who plays them (None: an anonymous visitor)."""
        p = self.people
        return {
            "anonymous": None,
            "applicant": None,  # anonymous, but holding the own case's 受理编号 and query code
            "registrar": p.registrar,
            "department_head": p.department_head,
            "secrecy_reviewer": p.reviewer,
            "leader": p.leader,
            "supervisor": p.supervisor,
            "administrator": p.admin,
            "other_staff": p.other_clerk,
        }


def build_world(people: Personas) -> World:
    foreign_agency = make_agency("温州市某局")  # no parent: outside the supervisor's tree
    foreign_registrar = make_person(foreign_agency, Role.REGISTRAR)
    world = World(
        people,
        build_records(people.agency, people.registrar),
        build_records(foreign_agency, foreign_registrar),
    )
    add_pending_imports(world, foreign_registrar)
    return world


def add_pending_imports(world: World, foreign_registrar) -> None:
    from tests.factories import make_pending_import

    world.own.pending_import = make_pending_import(world.own.agency, world.people.registrar)
    world.foreign.pending_import = make_pending_import(world.foreign.agency, foreign_registrar)
