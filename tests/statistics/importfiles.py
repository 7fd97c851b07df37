"""Statistics files for the import tests, written as CSV or XLSX bytes from rows of cells."""

import csv
import io

HEADER = ["类别", "名称", "开始日期", "结束日期", "数值", "来源"]

GOOD_ROWS = [
    ["其他对外管理服务事项", "烈士褒扬金的给付", "2019-03-01", "", "", "公共服务事项清单（2019年版）"],
    ["其他对外管理服务事项", "光荣牌的悬挂", "2019-03-01", "2020-07-01", "", "公共服务事项清单（2019年版）"],
    ["其他对外管理服务事项处理决定数量", "", "2020-01-01", "2020-01-31", "702", "浙江政务服务网办件统计"],
    ["行政事业性收费金额（元）", "", "2020-01-01", "2020-12-31", "12345.67", "财政非税收入系统"],
]


def csv_bytes(rows, header=HEADER, encoding="utf-8-sig") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows, header=HEADER) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
