"""What people read for a cell address: section2.art20_1.regulations.made → 第二部分 第二十条第（一）项 规章 本年制发件数."""

from functools import cache

from gongkai.formats.declaration import ReportFormat


@cache
def cell_labels(fmt: ReportFormat) -> dict[str, str]:
    return {
        p.address: " ".join(part for part in (f"第{p.section}部分", p.group, p.row, p.column.label) if part)
        for p in fmt.places()
    }


def cell_label(fmt: ReportFormat, address: str) -> str:
    return cell_labels(fmt)[address]
