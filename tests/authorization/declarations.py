"""Who may reach each view: one declaration per URL name. tests/authorization/test_every_view_*.py visits
every view as every role, on the own agency's records and on a foreign agency's, and compares.

A new view must be declared here (the matrix fails naming it otherwise):

    "namespace:name": View(args=lambda r: {...}, allow=ROLES, method="GET", data=lambda r: {...})

- args(records) gives the URL's keyword arguments for a record set (own or foreign);
- allow: the roles that get the page (2xx, or a redirect that is not to a log-in page) on the own
  agency's records; every other role must get 403, 404 or the log-in page;
- foreign: the roles allowed on the foreign agency's records (an agency outside the supervisor's tree);
  for views without records (args None) the view is visited once;
- data(records, world, role): what a POST sends;
- allowed_if: for views that answer 200 either way, what an allowed answer contains.

Who may take an action is read from the same table the views ask, gongkai.agencies.access.ACTIONS
(may("case.handle")); what this file adds is which action guards which view, and who may merely see.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from gongkai.agencies.access import roles_for
from gongkai.agencies.models import Role

EVERYONE = frozenset(
    {
        "anonymous", "applicant", "registrar", "department_head", "secrecy_reviewer", "leader",
        "supervisor", "administrator", "other_staff",
    }
)  # fmt: skip
STAFF = EVERYONE - {"anonymous", "applicant"}  # anyone logged in
# Roles held in the own agency (the supervisor holds its role from the government above).
IN_AGENCY = frozenset({"registrar", "department_head", "secrecy_reviewer", "leader", "administrator"})
SEES_AGENCY = IN_AGENCY | {"supervisor"}
NONE = frozenset()
# The matrix's players of each role (the supervisor holds its role from the government above).
PLAYERS = {
    Role.REGISTRAR: "registrar",
    Role.DEPARTMENT_HEAD: "department_head",
    Role.SECRECY_REVIEWER: "secrecy_reviewer",
    Role.LEADER: "leader",
    Role.SUPERVISOR: "supervisor",
    Role.ADMIN: "administrator",
}


def may(action: str) -> frozenset:
    """The players whose role in the own agency allows `action` (gongkai.agencies.access.ACTIONS)."""
    return frozenset(PLAYERS[role] for role in roles_for(action))


@dataclass(frozen=True)
class View:
    allow: frozenset
    args: Callable | None = None
    method: str = "GET"
    data: Callable | None = None
    query: dict = field(default_factory=dict)
    foreign: frozenset = NONE
    allowed_if: Callable | None = None
    both_sides: bool = False  # visit with own and foreign records although the URL names none


def _case(r):
    return {"pk": r.application.pk}


def _received_event(r):
    return {"pk": r.application.pk, "event_pk": r.application.events.get(type="received").pk}


def _item(r):
    return {"pk": r.draft.pk}


def _draft_report(r):
    return {"code": r.agency.code, "year": r.draft_report.year}


def _published_file(r):
    return {"code": r.agency.code, "year": r.report.year, "number": 1, "kind": "source"}


DECLARATIONS: dict[str, View] = {
    # ---- accounts -----------------------------------------------------------------------------------
    "login": View(allow=EVERYONE),
    "logout": View(allow=EVERYONE, method="POST"),
    "password_change": View(allow=STAFF),
    "password_change_done": View(allow=STAFF),
    # The admin's password change is a redirect to the one above, which asks everyone to log in first.
    "admin_password_change": View(allow=EVERYONE),
    # ---- portal and the public forms: everyone, on every agency --------------------------------------
    "portal:home": View(allow=EVERYONE),
    "portal:search": View(allow=EVERYONE, query={"q": "工作要点"}),
    "portal:sitemap": View(allow=EVERYONE),
    "portal:agency": View(allow=EVERYONE, args=lambda r: {"code": r.agency.code}, foreign=EVERYONE),
    "portal:guide": View(allow=EVERYONE, args=lambda r: {"code": r.agency.code}, foreign=EVERYONE),
    "portal:catalogue": View(allow=EVERYONE, args=lambda r: {"code": r.agency.code}, foreign=EVERYONE),
    "portal:category": View(
        allow=EVERYONE,
        args=lambda r: {"code": r.agency.code, "category_code": r.category.code},
        foreign=EVERYONE,
    ),
    "portal:category_feed": View(
        allow=EVERYONE,
        args=lambda r: {"code": r.agency.code, "category_code": r.category.code},
        foreign=EVERYONE,
    ),
    "portal:item": View(
        allow=EVERYONE,
        args=lambda r: {"code": r.agency.code, "ref": r.published.index_number},
        foreign=EVERYONE,
    ),
    "portal:attachment": View(
        allow=EVERYONE,
        args=lambda r: {"code": r.agency.code, "pk": r.published_attachment.pk},
        foreign=EVERYONE,
    ),
    "portal:agency_search": View(
        allow=EVERYONE, args=lambda r: {"code": r.agency.code}, query={"q": "工作要点"}, foreign=EVERYONE
    ),
    "apply:form": View(allow=EVERYONE, args=lambda r: {"code": r.agency.code}, foreign=EVERYONE),
    "apply:done": View(allow=EVERYONE),
    # An issued letter is handed out only with the case's 受理编号 and query code; the matrix's letter is not
    # issued, so every role gets the tracking page's one 404 (the applicant's download is tested in
    # tests/applications with an issued, signed letter).
    "apply:track_letter": View(
        allow=NONE,
        both_sides=True,
        args=lambda r: {"letter_pk": r.letter.pk},
        method="POST",
        data=lambda r, world, role: {
            "reference": r.application.reference,
            "query_code": world.own.query_code if role == "applicant" else "AAAAA-BBBBB",
        },
    ),
    # Only the applicant holding the case's query code sees its progress: others (who hold no code, or
    # the code of another case) get the same answer as a wrong code.
    "apply:track": View(
        allow=frozenset({"applicant"}),
        both_sides=True,
        method="POST",
        data=lambda r, world, role: {
            "reference": r.application.reference,
            "query_code": world.own.query_code if role == "applicant" else "AAAAA-BBBBB",
        },
        allowed_if=lambda response: "收到申请" in response.content.decode(),
    ),
    # ---- workspace ------------------------------------------------------------------------------------
    "workspace:home": View(allow=STAFF),
    # ---- 依申请公开 -----------------------------------------------------------------------------------
    "applications:list": View(allow=STAFF),
    "applications:queues": View(allow=STAFF),
    "applications:register": View(allow=may("case.handle") | {"other_staff"}),  # for their own agency
    "applications:detail": View(allow=SEES_AGENCY, args=_case),
    "applications:reveal_id_number": View(allow=may("case.reveal"), args=_case, method="POST"),
    "applications:reveal_contact": View(allow=may("case.reveal"), args=_case, method="POST"),
    "applications:export_personal_data": View(allow=may("case.reveal"), args=_case),
    "applications:record_event": View(
        allow=may("case.handle"), args=lambda r: {"pk": r.application.pk, "type": "correction_requested"}
    ),
    "applications:upload_document": View(allow=may("case.handle"), args=_case, method="POST"),
    "applications:identity_document": View(
        allow=may("case.personal_data"),
        args=lambda r: {"pk": r.application.pk, "document_pk": r.identity_document.pk},
    ),
    "applications:letter_new": View(
        allow=may("letter.draft"),
        args=_case,
        method="POST",
        data=lambda r, world, role: {"kind": r.letter.kind},
    ),
    "applications:letter": View(
        allow=may("case.personal_data"), args=lambda r: {"pk": r.application.pk, "letter_pk": r.letter.pk}
    ),
    # Signing and issuing refuse the wrong person with a message on the letter page (services check the
    # role and the order); the view itself is open to those who may read the letter.
    "applications:letter_sign": View(
        allow=may("case.personal_data"),
        args=lambda r: {"pk": r.application.pk, "letter_pk": r.letter.pk},
        method="POST",
    ),
    "applications:letter_issue": View(
        allow=may("case.personal_data"), args=lambda r: {"pk": r.application.pk, "letter_pk": r.letter.pk}
    ),
    "applications:letter_file": View(
        allow=may("case.personal_data"),
        args=lambda r: {"pk": r.application.pk, "letter_pk": r.letter.pk, "fmt": "docx"},
    ),
    # Returning a letter and changing its attachments refuse the wrong person or step with a message on the
    # letter page, as signing does; the views are open to those who may read the letter.
    "applications:letter_return": View(
        allow=may("case.personal_data"),
        args=lambda r: {"pk": r.application.pk, "letter_pk": r.letter.pk},
        method="POST",
        data=lambda r, world, role: {"opinion": "请补充不予公开的理由。"},
    ),
    "applications:attachment_add": View(
        allow=may("case.personal_data"),
        args=lambda r: {"pk": r.application.pk, "letter_pk": r.letter.pk},
        method="POST",
    ),
    "applications:attachment_remove": View(
        allow=may("case.personal_data"),
        args=lambda r: {
            "pk": r.application.pk,
            "letter_pk": r.letter.pk,
            "attachment_pk": r.letter_attachment.pk,
        },
    ),
    "applications:attachment_file": View(
        allow=may("case.personal_data"),
        args=lambda r: {
            "pk": r.application.pk,
            "letter_pk": r.letter.pk,
            "attachment_pk": r.letter_attachment.pk,
        },
    ),
    "applications:letters_returned": View(allow=STAFF),  # each sees the letters returned to them
    "applications:certificate_install": View(
        allow=may("letter.settings"), args=lambda r: {"code": r.agency.code}, method="POST"
    ),
    "applications:delivery_proof_upload": View(allow=may("case.handle"), args=_case, method="POST"),
    "applications:delivery_proof": View(
        allow=may("case.personal_data"),
        args=lambda r: {"pk": r.application.pk, "proof_pk": r.delivery_proof.pk},
    ),
    "applications:archive": View(allow=may("case.archive"), args=_case),
    "applications:assign": View(allow=may("case.handle"), args=_case),
    "applications:add_note": View(
        allow=may("case.handle"), args=_case, method="POST", data=lambda r, world, role: {"text": "内部备注"}
    ),
    "applications:bulk_assign": View(
        allow=may("case.handle"),
        method="POST",
        data=lambda r, world, role: {"agency": r.agency.code, "cases": [r.application.pk]},
    ),
    "applications:void_event": View(allow=may("case.handle"), args=_received_event),
    "applications:correct_event": View(allow=may("case.handle"), args=_received_event),
    "applications:export": View(allow=may("case.handle") | {"other_staff"}),  # for their own agency
    "applications:letter_settings_index": View(allow=may("letter.settings")),
    "applications:letter_settings": View(
        allow=may("letter.settings"), args=lambda r: {"code": r.agency.code}
    ),
    # ---- 复议与诉讼 -----------------------------------------------------------------------------------
    "appeals:list": View(allow=STAFF),
    "appeals:register": View(allow=may("appeal.handle") | {"other_staff"}),
    "appeals:detail": View(allow=SEES_AGENCY, args=lambda r: {"pk": r.appeal.pk}),
    "appeals:close": View(allow=may("appeal.handle"), args=lambda r: {"pk": r.appeal.pk}),
    "appeals:reopen": View(allow=may("appeal.handle"), args=lambda r: {"pk": r.appeal.pk}),
    # ---- 第二十条统计 --------------------------------------------------------------------------------
    "statistics:overview": View(allow=STAFF),
    "statistics:import": View(allow=may("statistics.import") | {"other_staff"}),
    # ---- 主动公开 -------------------------------------------------------------------------------------
    "disclosure:items": View(allow=STAFF),
    "disclosure:item_new": View(allow=may("item.draft") | {"other_staff"}),
    "disclosure:item": View(allow=SEES_AGENCY, args=_item),
    # The drafter (the registrar) edits their draft, and so may whoever may tidy others' drafts.
    "disclosure:item_edit": View(allow=may("item.tidy_draft") | {"registrar"}, args=_item),
    "disclosure:item_withdraw": View(allow=may("item.withdraw"), args=lambda r: {"pk": r.published.pk}),
    "disclosure:attachment_upload": View(
        allow=may("item.tidy_draft") | {"registrar"}, args=_item, method="POST"
    ),
    "disclosure:attachment": View(
        allow=SEES_AGENCY, args=lambda r: {"pk": r.draft.pk, "attachment_pk": r.attachment.pk}
    ),
    "disclosure:attachment_delete": View(
        allow=may("item.tidy_draft") | {"registrar"},
        args=lambda r: {"pk": r.draft.pk, "attachment_pk": r.attachment.pk},
        method="POST",
    ),
    # Review steps refuse the wrong person with a message on the item page (the workflow checks roles).
    "disclosure:distribution_add": View(
        allow=SEES_AGENCY, args=lambda r: {"pk": r.published.pk}, method="POST"
    ),
    "disclosure:item_action": View(
        allow=SEES_AGENCY, args=lambda r: {"pk": r.draft.pk, "action": "submit"}, method="POST"
    ),
    "disclosure:register": View(allow=STAFF),
    "disclosure:document_new": View(allow=may("document.register") | {"other_staff"}),
    "disclosure:document_edit": View(allow=may("document.register"), args=lambda r: {"pk": r.document.pk}),
    "disclosure:catalogue_index": View(allow=STAFF),
    "disclosure:catalogue": View(allow=SEES_AGENCY, args=lambda r: {"code": r.agency.code}),
    "disclosure:category_new": View(allow=may("catalogue.edit"), args=lambda r: {"code": r.agency.code}),
    "disclosure:category_edit": View(
        allow=may("catalogue.edit"), args=lambda r: {"code": r.agency.code, "pk": r.category.pk}
    ),
    "disclosure:category_delete": View(
        allow=may("catalogue.edit"), args=lambda r: {"code": r.agency.code, "pk": r.category.pk}
    ),
    "disclosure:late": View(allow=STAFF),
    "disclosure:archive": View(allow=may("disclosure.archive")),
    # ---- 年度报告 -------------------------------------------------------------------------------------
    "reports:index": View(allow=STAFF),
    "reports:detail": View(allow=SEES_AGENCY, args=_draft_report),
    "reports:edit": View(allow=may("report.edit"), args=_draft_report),
    "reports:check": View(allow=may("report.check"), args=_draft_report, method="POST"),
    "reports:approve": View(allow=may("report.approve"), args=_draft_report, method="POST"),
    "reports:publish": View(allow=may("report.publish"), args=_draft_report),
    "reports:unlock": View(
        allow=may("report.unlock"), args=lambda r: {"code": r.agency.code, "year": r.report.year}
    ),
    "reports:redraft": View(allow=may("report.edit"), args=_draft_report),
    "reports:submit": View(allow=may("report.edit"), args=_draft_report, method="POST"),
    "reports:return": View(allow=may("report.approve"), args=_draft_report),
    "reports:early": View(allow=may("report.edit"), args=_draft_report, method="POST"),
    "reports:draft": View(allow=SEES_AGENCY, args=lambda r: {**_draft_report(r), "kind": "docx"}),
    "reports:file": View(allow=SEES_AGENCY, args=_published_file),
    "public_reports:list": View(allow=EVERYONE, args=lambda r: {"code": r.agency.code}, foreign=EVERYONE),
    "public_reports:page": View(
        allow=EVERYONE, args=lambda r: {"code": r.agency.code, "year": r.report.year}, foreign=EVERYONE
    ),
    # The uploaded original of an imported report stays with the staff unless the importer published it.
    "public_reports:file": View(allow=NONE, args=_published_file),
    # ---- 工作台账 -------------------------------------------------------------------------------------
    "ledger:index": View(allow=SEES_AGENCY, query={"agency": "yqtyjrswj"}),
    "ledger:import": View(allow=may("ledger.enter"), query={"agency": "yqtyjrswj"}),
    "ledger:delete": View(allow=may("ledger.enter"), args=lambda r: {"pk": r.ledger_entry.pk}),
    # ---- 开放数据接口: published data, open to everyone, on every agency -----------------------------
    **{
        name: View(
            allow=EVERYONE,
            args=lambda r: {"code": r.agency.code, "year": r.report.year},
            query=query,
            foreign=EVERYONE,
        )
        for name, query in (
            ("api:report", {}),
            ("api:report_csv", {"table": "3"}),
            ("api:report_xlsx", {}),
            ("api:aggregate", {}),
            ("api:aggregate_csv", {"table": "2"}),
            ("api:aggregate_xlsx", {}),
        )
    },  # fmt: skip
    "api:index": View(allow=EVERYONE),
    "api:openapi": View(allow=EVERYONE),
    "api:agencies": View(allow=EVERYONE),
    "api:agency": View(allow=EVERYONE, args=lambda r: {"code": r.agency.code}, foreign=EVERYONE),
    "api:items": View(allow=EVERYONE, args=lambda r: {"code": r.agency.code}, foreign=EVERYONE),
    "api:item": View(
        allow=EVERYONE, args=lambda r: {"index_number": r.published.index_number}, foreign=EVERYONE
    ),
    "api:reports": View(allow=EVERYONE, args=lambda r: {"code": r.agency.code}, foreign=EVERYONE),
    # Any other address below /api/ is a JSON 404 for everyone.
    "api:unknown": View(allow=NONE, args=lambda r: {"rest": "no/such/address"}),
    # ---- 导入已发布的年度报告: the disclosure office, or a supervisor above the agency ------------------
    "imports:index": View(allow=STAFF),
    "imports:review": View(allow=may("report.import"), args=lambda r: {"pk": r.pending_import.pk}),
    "imports:save": View(allow=may("report.import"), args=lambda r: {"pk": r.pending_import.pk}),
    "imports:discard": View(allow=may("report.import"), args=lambda r: {"pk": r.pending_import.pk}),
    "imports:source": View(allow=may("report.import"), args=lambda r: {"pk": r.pending_import.pk}),
    "imports:agency_new": View(allow=may("agency.add_external")),
}

# The Django admin (系统配置) has its own permission system and scoping (gongkai/agencies/admin.py and
# the tests of tests/agencies): the matrix checks that only staff accounts reach its index.
ADMIN_SITE = View(allow=frozenset({"administrator"}))

# ---- 上级监督 -----------------------------------------------------------------------------------------
# On the own agency: its supervisor (from the government above), its leader and administrator. On the
# government above it (the parent's aggregate): only the supervisor; the agency's own staff never.
SUPERVISING = may("supervision.view")


def _own(r):
    return {"code": r.agency.code}


def _parent(r):
    # The foreign agency has no parent: the view is then visited on the foreign agency itself.
    return {"code": (r.agency.parent or r.agency).code}


DECLARATIONS.update(
    {
        "supervision:index": View(allow=STAFF),
        "supervision:tree": View(allow=SUPERVISING, args=_own),
        "supervision:total": View(allow=frozenset({"supervisor"}), args=_parent),
        "supervision:compare": View(allow=SUPERVISING, args=_own),
        "supervision:total_download": View(
            allow=frozenset({"supervisor"}), args=lambda r: {**_parent(r), "year": 2025, "kind": "xlsx"}
        ),
        "supervision:agency_download": View(
            allow=SUPERVISING, args=lambda r: {**_own(r), "year": 2025, "kind": "csv"}
        ),
    }
)
