"""Numbers in the report's text bound to the data.

Staff text holds placeholders — {{documents_issued}}, {{items_by_category.机构设置}},
{{section3.new_received.total}} — and is rendered with the current values each time, so when the records
change the text follows. The names are the report's cell addresses (docs/report-format.md keys) and the facts
of §一 (gongkai.reports.facts), nested facts joined with dots.

    bindings(cells, facts) -> {name: value}
    render_text(text, values) -> str         placeholders replaced by the values as a report writes them
    unknown_placeholders(text, values) -> [name]
"""

import re
from decimal import Decimal

from gongkai.formats.cells import ReportCells
from gongkai.formats.layout import format_value

PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s]+?)\s*\}\}")


def _flatten(prefix: str, value, out: dict) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), child, out)
    elif not isinstance(value, list):
        out[prefix] = value


def bindings(cells: ReportCells, facts: dict) -> dict:
    values: dict = {}
    _flatten("", facts, values)
    columns = dict(cells.format.cells())
    for address, column in columns.items():
        value = cells[address]
        # A signed 本年增/减 reads as 增5 / 减2 in a sentence as in the table; others as numbers.
        values[address] = format_value(value, column.kind) if value is not None and value != 0 else value
    return values


def show(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def render_text(text: str, values: dict) -> str:
    def replace(match):
        name = match.group(1)
        return show(values[name]) if name in values else f"〔未知数据：{name}〕"

    return PLACEHOLDER.sub(replace, text or "")


def placeholders(text: str) -> list[str]:
    return PLACEHOLDER.findall(text or "")


def unknown_placeholders(text: str, values: dict) -> list[str]:
    return [name for name in placeholders(text) if name not in values]


def render_sections(sections: dict, values: dict) -> dict:
    return {number: render_text(text, values) for number, text in sections.items()}
