"""Which formats exist and which one a report year uses.

Formats are found by module name (`v2019`, `v2021`, …): adding a format is adding one module
that defines FORMAT.
"""

import importlib
import pkgutil
import re
from functools import cache

import gongkai.formats as package
from gongkai.formats.declaration import ReportFormat


@cache
def all_formats() -> tuple[ReportFormat, ...]:
    """Every declared format, oldest first."""
    found = []
    for module in pkgutil.iter_modules(package.__path__):
        if re.fullmatch(r"v\d{4}", module.name):
            found.append(importlib.import_module(f"{package.__name__}.{module.name}").FORMAT)
    return tuple(sorted(found, key=lambda f: f.first_year))


def get_format(version: str) -> ReportFormat:
    for fmt in all_formats():
        if fmt.version == version:
            return fmt
    known = "、".join(f.version for f in all_formats())
    raise KeyError(f"未知的报告格式版本“{version}”（已知：{known}）")


def format_for_year(year: int) -> ReportFormat:
    """The format a report on `year` must use: the newest one in force that year."""
    usable = [f for f in all_formats() if f.first_year <= year]
    if not usable:
        raise ValueError(
            f"{year} 年没有适用的年度报告格式（最早的格式自 {all_formats()[0].first_year} 年起适用）"
        )
    return usable[-1]
