"""The report's bound figures as people read them: 【本年制发公文数】 instead of {{documents_issued}}.

The text is stored with placeholders ({{name}}, gongkai.reports.narrative), which never change when a label
is reworded; people edit it with Chinese markers. A table cell's marker is put together from the labels of
the format declaration that place it (its block or row, and its column), so no official label is written
here; the figures of §一 that come from the records are named below.

    catalogue(fmt, values) -> [Group]            every marker, grouped by section, with its current value
    to_markers(text, names) -> str               {{name}} → 【label】 (an unknown name stays as it is)
    from_markers(text, names) -> str             【label】 → {{name}}; a marker nobody knows stays as typed
    unknown_markers(text) -> [label]             the 【…】 left in stored text: an error of the check
"""

import re
from dataclasses import dataclass, field

from gongkai.formats.declaration import ReportFormat
from gongkai.ledger.models import OutreachChannel
from gongkai.reports.narrative import PLACEHOLDER

MARKER = re.compile(r"【([^【】\n]{1,80})】")
SEPARATOR = "·"

# The figures of §一 gongkai takes from its own records (gongkai.reports.facts).
FACTS = {
    "documents_issued": "本年制发公文数",
    "documents_proactive": "主动公开公文数",
    "documents_not_public": "不公开公文数",
    "documents_on_request": "依申请公开公文数",
    "documents_withheld": "不予公开公文数",
    "items_published": "本年主动公开信息数",
    "other_items": "公文外主动公开信息数",
    "interpretations": "政策解读数",
    "catalogue_categories": "目录大类数",
    "catalogue_subcategories": "目录小类数",
    "catalogue_names": "目录大类名称",
    "outreach.times": "宣传推广次数",
    "outreach.materials": "宣传资料份数",
    "trainings": "业务培训次数",
    "training_participants": "参训人次",
    "meetings": "领导小组会议次数",
    "applications_settled": "本年办结申请数",
    "applications_denied": "不予公开申请数",
    "applications_unable": "无法提供申请数",
    "applications_rejected": "不予处理申请数",
    "applications_other": "其他处理申请数",
    "appeals_review": "行政复议案件数",
    "appeals_litigation": "行政诉讼案件数",
    "fees.cases": "收取信息处理费件数",
    "fees.amount": "信息处理费金额（元）",
    "fees_collected": "信息处理费收取金额（元）",
    "fees_statement": "信息处理费说明",
}
# Facts named by a prefix and a key found in the records (a 小类, an outlet, a channel).
PREFIXES = (
    ("items_by_category.", "主动公开信息数"),
    ("other_items_by_category.", "公文外主动公开信息数"),
    ("outreach.outlets.", "其他渠道发布次数"),
)
CHANNEL_MEASURES = {"times": "宣传次数", "materials": "资料份数"}


@dataclass
class Marker:
    name: str  # the placeholder, {{name}}
    label: str  # the marker, 【label】
    value: object


@dataclass
class Group:
    title: str
    markers: list[Marker] = field(default_factory=list)


def _fact_label(name: str) -> str | None:
    if name in FACTS:
        return FACTS[name]
    for prefix, label in PREFIXES:
        if name.startswith(prefix):
            return f"{label}{SEPARATOR}{name[len(prefix) :]}"
    parts = name.split(".")
    if len(parts) == 4 and parts[:2] == ["outreach", "channels"] and parts[3] in CHANNEL_MEASURES:
        channels = dict(OutreachChannel.choices)
        return f"{channels.get(parts[2], parts[2])}{SEPARATOR}{CHANNEL_MEASURES[parts[3]]}"
    return None


def cell_labels(fmt: ReportFormat) -> dict[str, tuple[str, str]]:
    """address → (section number, marker label) for every cell of the format's tables."""
    out = {}
    for place in fmt.places():
        if place.section == "三":
            row = fmt.section3.row(place.address.split(".")[1])
            parts = [row.subgroup, row.label] if row.subgroup else [row.label]
        else:
            parts = [place.group, place.row] if place.row else [place.group]
        out[place.address] = (place.section, SEPARATOR.join([*parts, place.column.label]))
    return out


def catalogue(fmt: ReportFormat, values: dict) -> list[Group]:
    """The markers an editor may insert, grouped: the records of §一, then each table section."""
    records = Group("第一部分（来自工作记录）")
    tables = {number: Group(fmt.numbered_title(number)) for number in ("二", "三", "四")}
    cells = cell_labels(fmt)
    for name, value in values.items():
        if name in cells:
            section, label = cells[name]
            tables[section].markers.append(Marker(name, label, value))
        else:
            label = _fact_label(name)
            if label is not None:
                records.markers.append(Marker(name, label, value))
    return [records, *tables.values()]


def names(fmt: ReportFormat, values: dict) -> dict[str, str]:
    """name → label of every marker of the catalogue."""
    return {m.name: m.label for group in catalogue(fmt, values) for m in group.markers}


def to_markers(text: str, labels: dict[str, str]) -> str:
    def replace(match):
        name = match.group(1)
        return f"【{labels[name]}】" if name in labels else match.group(0)

    return PLACEHOLDER.sub(replace, text or "")


def from_markers(text: str, labels: dict[str, str]) -> str:
    by_label = {label: name for name, label in labels.items()}

    def replace(match):
        label = match.group(1).strip()
        return f"{{{{{by_label[label]}}}}}" if label in by_label else match.group(0)

    return MARKER.sub(replace, text or "")


def unknown_markers(text: str) -> list[str]:
    return [m.group(1) for m in MARKER.finditer(text or "")]
