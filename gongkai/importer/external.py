"""Agencies outside gongkai whose published reports a supervisor imports: added on the fly under an agency
they supervise, validated like any agency, audited.

    supervised_parents(user) -> [Agency]       where the person may add an agency below
    create_external_agency(name=…, parent=…, actor=…, code=None, uscc=None, kind=None) -> Agency
"""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai import audit
from gongkai.agencies.access import agencies_where, require
from gongkai.agencies.models import Agency, AgencyKind
from gongkai.importer.pending import ImportRefused


def supervised_parents(user) -> list[Agency]:
    return list(agencies_where(user, "agency.add_external"))


def kind_for_name(name: str) -> str:
    """A 人民政府 reports by 31 March, a department by 31 January (条例 Art. 49): the name says which."""
    return AgencyKind.GOVERNMENT if name.endswith("人民政府") else AgencyKind.DEPARTMENT


def code_for_name(name: str) -> str:
    """A stable code for an agency added without one (the command line): its name's digest."""
    return "ext-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]


def create_external_agency(
    *,
    name: str,
    parent: Agency,
    actor,
    code: str | None = None,
    uscc: str | None = None,
    kind: str | None = None,
) -> Agency:
    """NotAllowed when the person may not add agencies there, ImportRefused (Chinese) when a field is invalid.

    `actor` None is the operator at the command line, who may add agencies anywhere.
    """
    if actor is not None:
        require(actor, "agency.add_external", parent, what="在其下新建机关")
    name = (name or "").strip()
    agency = Agency(
        name=name,
        code=(code or "").strip() or code_for_name(name),
        uscc=(uscc or "").strip() or None,
        parent=parent,
        level=parent.level,
        kind=kind or kind_for_name(name),
        external=True,
    )
    try:
        agency.full_clean()
    except ValidationError as e:
        raise ImportRefused("；".join(_describe(field, m) for field, m in e.message_dict.items())) from None
    with transaction.atomic():
        agency.save()
        audit.record(
            "agency.create_external",
            actor=actor,
            agency=agency,
            target=agency,
            details={"name": agency.name, "code": agency.code, "parent": parent.code, "uscc": agency.uscc},
        )
    return agency


def _describe(field: str, messages: list[str]) -> str:
    text = "，".join(messages)
    if field == "__all__":
        return text
    return f"{Agency._meta.get_field(field).verbose_name}：{text}"
