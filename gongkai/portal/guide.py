"""The 政府信息公开指南 (条例 Art. 12) built from the agency's own records, never typed by hand.

Only the statutory text that is the same for every agency lives here; everything else — the office,
its address and hours, the catalogue — is read from the agency's configuration, so the guide cannot
drift from what the agency has set up.
"""

from dataclasses import dataclass

from django.urls import reverse

from gongkai.portal.catalogue import category_tree

# 条例 Art. 33: answer within 20 working days of receipt; with the office head's consent extend by at most 20.
ANSWER_WORKDAYS = 20
EXTENSION_WORKDAYS = 20
FEE_BASIS = "《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）"


@dataclass
class Guide:
    agency: object
    tree: list
    apply_url: str
    catalogue_url: str
    search_url: str
    answer_workdays: int = ANSWER_WORKDAYS
    extension_workdays: int = EXTENSION_WORKDAYS
    fee_basis: str = FEE_BASIS


def build_guide(agency) -> Guide:
    return Guide(
        agency=agency,
        tree=category_tree(agency),
        apply_url=reverse("apply:form", args=[agency.code]),
        catalogue_url=reverse("portal:catalogue", args=[agency.code]),
        search_url=reverse("portal:agency_search", args=[agency.code]),
    )
