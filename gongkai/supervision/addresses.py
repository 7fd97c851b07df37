"""What people read for a cell address: section2.art20_1.regulations.made → 第二部分 第二十条第（一）项 规章 本年制发件数."""

from functools import cache

from gongkai.formats.declaration import ReportFormat


@cache
def cell_labels(fmt: ReportFormat) -> dict[str, str]:
    labels = {}
    for block in fmt.section2.blocks:
        for row in block.rows:
            for col in block.columns:
                labels[f"section2.{block.key}.{row.key}.{col.key}"] = (
                    f"第二部分 {block.caption} {row.label} {col.label}"
                )
    s3 = fmt.section3
    for row in s3.rows:
        for col in s3.columns:
            labels[f"section3.{row.key}.{col.key}"] = f"第三部分 {row.label} {col.label}"
    for block in fmt.section4.blocks:
        name = block.group + (f"（{block.subgroup}）" if block.subgroup else "")
        for col in fmt.section4.columns:
            labels[f"section4.{block.key}.{col.key}"] = f"第四部分 {name} {col.label}"
    return labels


def cell_label(fmt: ReportFormat, address: str) -> str:
    return cell_labels(fmt)[address]
