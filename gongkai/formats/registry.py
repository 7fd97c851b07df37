"""Which formats exist and which one a report year uses.

Formats are found by module name (`v2019`, `v2021`, …): adding a format is adding one module
that defines FORMAT.
"""

import importlib
import pkgutil
import re
from functools import cache
from pathlib import Path

from gongkai.formats.declaration import ReportFormat


@cache
def all_formats() -> tuple[ReportFormat, ...]:
    """Every declared format, oldest first."""
    found = []
    # The modules beside this one; reading the package object instead would import the package from inside it.
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if re.fullmatch(r"v\d{4}", module.name):
            found.append(importlib.import_module(f"{__package__}.{module.name}").FORMAT)
    return tuple(sorted(found, key=lambda f: f.first_year))


def get_format(version: str) -> ReportFormat:
    for fmt in all_formats():
        if fmt.version == version:
            return fmt
    known = "、".join(f.version for f in all_formats())
    raise KeyError(f"未知的报告格式版本“{version}”（已知：{known}）")


def newest_format() -> ReportFormat:
    """The format in force now: its labels name the records a report counts (appeal kinds and results)."""
    return all_formats()[-1]


def section2_row_label(key: str) -> str:
    """A §二 row's label in the newest format that has the row (其他对外管理服务事项 is in 2019's only)."""
    for fmt in reversed(all_formats()):
        for block in fmt.section2.blocks:
            for row in block.rows:
                if row.key == key:
                    return row.label
    raise KeyError(f"没有第二部分的行“{key}”")


def format_for_year(year: int) -> ReportFormat:
    """The format a report on `year` must use: the newest one in force that year."""
    usable = [f for f in all_formats() if f.first_year <= year]
    if not usable:
        raise ValueError(
            f"{year} 年没有适用的年度报告格式（最早的格式自 {all_formats()[0].first_year} 年起适用）"
        )
    return usable[-1]
