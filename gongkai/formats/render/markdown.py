"""The report as Markdown with GFM tables. GFM has no merged cells, so headers are flattened into
one row ("法人或其他组织·商业企业") and group labels are repeated on each row they cover."""

from gongkai.formats.cells import ReportCells
from gongkai.formats.layout import format_value
from gongkai.formats.render.document import contact_paragraphs, report_sections, report_title


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_escape(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in rows]
    return lines


def _value(cells: ReportCells, address: str, kind) -> str:
    value = cells[address]
    if value is None:
        return cells.cell_text.get(address, "")
    return format_value(value, kind)


def section2_markdown(cells: ReportCells) -> list[str]:
    s2 = cells.format.section2
    out = []
    for block in s2.blocks:
        out += [f"**{block.caption}**", ""]
        header = [s2.first_column_header] + [c.label for c in block.columns]
        rows = [
            [row.label] + [_value(cells, block.address(row, c), c.kind) for c in block.columns]
            for row in block.rows
        ]
        out += _table(header, rows) + [""]
    return out


def section3_markdown(cells: ReportCells) -> list[str]:
    s3 = cells.format.section3
    org = s3.organisation_header
    header = ["", "", s3.note]
    header += [c.label for c in s3.person_columns]
    header += [f"{org}·{c.label}" for c in s3.organisation_columns]
    header.append(s3.total_column.label)
    rows = []
    for row in s3.rows:
        labels = [row.group or "", row.subgroup or "", row.label]
        rows.append(labels + [_value(cells, s3.address(row, c), c.kind) for c in s3.columns])
    return _table(header, rows) + [""]


def section4_markdown(cells: ReportCells) -> list[str]:
    s4 = cells.format.section4
    header, values = [], []
    for block in s4.blocks:
        prefix = block.group + (f"·{block.subgroup}" if block.subgroup else "")
        for c in s4.columns:
            header.append(f"{prefix}·{c.label}")
            values.append(_value(cells, s4.address(block, c), c.kind))
    return _table(header, [values]) + [""]


TABLES = {"二": section2_markdown, "三": section3_markdown, "四": section4_markdown}


def render_markdown(
    cells: ReportCells, narrative: dict[str, str] | None = None, contact: dict | None = None
) -> str:
    lines = [f"# {report_title(cells)}", ""]
    for text in contact_paragraphs(contact):
        lines += [text, ""]
    for section in report_sections(cells, narrative):
        lines += [f"## {section.heading}", ""]
        for text in section.paragraphs:
            lines += [text, ""]
        if section.number in TABLES:
            lines += TABLES[section.number](cells)
    return "\n".join(lines).rstrip("\n") + "\n"
