"""What every rendered report contains, in order: title, contact, then the six sections with their
paragraphs and (for 二, 三, 四) their table. Renderers draw this; none decides the order itself.
"""

import re
from dataclasses import dataclass

from gongkai.formats.cells import ReportCells
from gongkai.formats.declaration import SECTION_NUMBERS
from gongkai.formats.layout import Grid, report_grids

SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）\S")
CONTACT_FIELDS = {
    "office": "联系机构",
    "address": "地址",
    "postcode": "邮政编码",
    "phone": "电话",
    "fax": "传真",
    "email": "电子邮箱",
    "website": "网址",
}


@dataclass(frozen=True)
class Section:
    number: str
    heading: str
    paragraphs: list[str]
    grid: Grid | None
    charts: tuple = ()


def report_title(cells: ReportCells) -> str:
    return f"{cells.agency}{cells.year}年政府信息公开工作年度报告"


def split_paragraphs(text: str | list[str] | None) -> list[str]:
    if text is None:
        return []
    lines = text if isinstance(text, list) else text.splitlines()
    return [line.strip() for line in lines if line.strip()]


def contact_paragraphs(contact: dict | None) -> list[str]:
    """One sentence telling readers whom to ask; unknown fields are an error, not silently dropped."""
    if not contact:
        return []
    unknown = [k for k in contact if k not in CONTACT_FIELDS]
    if unknown:
        raise ValueError(f"联系信息中有未知的项“{unknown[0]}”（允许：{'、'.join(CONTACT_FIELDS)}）")
    details = "；".join(
        f"{label}：{contact[key]}"
        for key, label in CONTACT_FIELDS.items()
        if key != "office" and contact.get(key)
    )
    who = contact.get("office", "")
    if not who and not details:
        return []
    sentence = f"如对本报告有疑问，请联系{who}" + (f"（{details}）" if details else "") + "。"
    return [sentence]


def report_sections(
    cells: ReportCells, narrative: dict[str, str] | None = None, charts: dict | None = None
) -> list[Section]:
    narrative = cells.sections if narrative is None else narrative
    unknown = [k for k in narrative if k not in SECTION_NUMBERS]
    if unknown:
        raise ValueError(f"正文中有未知的部分“{unknown[0]}”（只允许 一、二、三、四、五、六）")
    grids = {g.number: g for g in report_grids(cells)}
    charts = charts or {}
    return [
        Section(
            n,
            cells.format.numbered_title(n),
            split_paragraphs(narrative.get(n)),
            grids.get(n),
            tuple(charts.get(n, ())),
        )
        for n in SECTION_NUMBERS
    ]


def is_subheading(text: str) -> bool:
    """A line such as （一）主动公开: short, opening with a bracketed numeral, no full stop."""
    return bool(SUBHEADING.match(text)) and len(text) <= 24 and not text.endswith("。")
