"""Importing matter lists and statistic entries from CSV or XLSX: every row or none.

    result = import_statistics(agency, data, filename, actor=user)
    result.ok, result.errors -> [RowError(row, message)], result.matters, result.entries

The first row names the columns (Chinese or English, any order):

    类别 kind | 名称 name | 开始日期 start | 结束日期 end | 数值 value | 来源 source | 备注 note

类别 is a matter list (行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费: a matter row,
名称 required, 开始日期/结束日期 = 列入/移出清单日期, 数值 empty) or a statistic (行政许可处理决定数量,
其他对外管理服务事项处理决定数量, 行政处罚决定数量, 行政强制决定数量, 行政事业性收费金额（元）,
政府集中采购项目数量, 政府集中采购金额（元）: 开始日期 required, 结束日期 defaults to it, 数值 required).

Every row is checked before anything is written; one bad row and nothing is saved. Row numbers are those
of the spreadsheet (the header is row 1), so a person can find the row the message names.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gongkai import audit
from gongkai.security.archives import ArchiveRefused, check_archive
from gongkai.statistics.models import Matter, MatterKind, StatisticEntry, StatisticKind
from gongkai.statistics.services import messages_of, record_entry, record_matter

COLUMNS = {
    "kind": ("类别", "类型", "kind"),
    "name": ("名称", "事项名称", "name"),
    "start": ("开始日期", "起始日期", "日期", "列入日期", "start"),
    "end": ("结束日期", "截止日期", "移出日期", "end"),
    "value": ("数值", "数量", "金额", "value"),
    "source": ("来源", "数据来源", "source"),
    "note": ("备注", "note"),
}
REQUIRED_COLUMNS = ("kind", "start", "source")
MAX_ROWS = 20000


@dataclass(frozen=True)
class RowError:
    row: int | None  # None: the file as a whole
    message: str

    def describe(self) -> str:
        return f"第{self.row}行：{self.message}" if self.row is not None else self.message


@dataclass
class ImportResult:
    errors: list[RowError] = field(default_factory=list)
    matters: int = 0
    entries: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class FileUnreadable(ValueError):
    """The file as a whole cannot be read; the message is Chinese."""


def _kinds() -> dict[str, tuple[type, str]]:
    found: dict[str, tuple[type, str]] = {}
    for model, choices in ((Matter, MatterKind), (StatisticEntry, StatisticKind)):
        for choice in choices:
            found[choice.value] = (model, choice.value)
            found[str(choice.label)] = (model, choice.value)
            # 行政事业性收费金额（元） may be written without the unit.
            found[re.sub(r"（元）$", "", str(choice.label))] = (model, choice.value)
    return found


KINDS = _kinds()


def read_table(data: bytes, filename: str) -> list[list[object]]:
    """The rows of a CSV or XLSX file as lists of cell values (header included)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".csv":
        return _read_csv(data)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(data)
    raise FileUnreadable(f"不支持的文件类型“{suffix or filename}”：请上传 .csv 或 .xlsx 文件。")


def _read_csv(data: bytes) -> list[list[object]]:
    # Excel in Chinese Windows saves CSV as GB18030 (GBK); UTF-8 (with or without BOM) is tried first.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FileUnreadable("CSV 文件的编码无法识别：请以 UTF-8 或 GBK 编码保存。")
    try:
        return [list(row) for row in csv.reader(io.StringIO(text))]
    except csv.Error as e:
        raise FileUnreadable(f"CSV 文件格式有误：{e}") from None


def _read_xlsx(data: bytes) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        check_archive(data, "Excel 文件")
    except ArchiveRefused as e:
        raise FileUnreadable(str(e)) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 — openpyxl raises many types for a damaged file
        raise FileUnreadable(f"无法读取 Excel 文件（{type(e).__name__}）：请确认是 .xlsx 格式。") from None
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)


def cell_date(value: object, label: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    for form in DATE_FORMS:
        m = form.match(text)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                break
    raise ValueError(f"{label}“{text}”不是有效日期（应写作 2020-01-31）")


def cell_number(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("数值不是数字")
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = cell_text(value).replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"数值“{text}”不是数字") from None
    if not number.is_finite():
        raise ValueError(f"数值“{text}”不是数字")
    return number


def header_positions(row: list[object], columns: dict, required: tuple, hint: str) -> dict[str, int]:
    """Where each known column sits in a header row (by any of its aliases, case-insensitively).

    `columns` maps a key to its aliases, the first being the label named in errors; FileUnreadable when a
    `required` key is missing, with `hint` listing the expected header.
    """
    wanted = {alias.lower(): key for key, aliases in columns.items() for alias in aliases}
    positions: dict[str, int] = {}
    for i, cell in enumerate(row):
        key = wanted.get(cell_text(cell).lower())
        if key and key not in positions:
            positions[key] = i
    missing = [columns[key][0] for key in required if key not in positions]
    if missing:
        raise FileUnreadable(f"第1行应为表头，缺少列：{'、'.join(missing)}（表头：{hint}）")
    return positions


def _header(row: list[object]) -> dict[str, int]:
    return header_positions(
        row, COLUMNS, REQUIRED_COLUMNS, "类别、名称、开始日期、结束日期、数值、来源、备注"
    )


def _build(agency, cells: dict[str, object]):
    """An unsaved Matter or StatisticEntry from one row, or ValueError with the reasons."""
    kind_text = cell_text(cells.get("kind"))
    if not kind_text:
        raise ValueError("类别不能为空")
    if kind_text not in KINDS:
        raise ValueError(f"未知的类别“{kind_text}”")
    model, kind = KINDS[kind_text]
    start = cell_date(cells.get("start"), "开始日期")
    end = cell_date(cells.get("end"), "结束日期")
    value = cell_number(cells.get("value"))
    source = cell_text(cells.get("source"))
    name = cell_text(cells.get("name"))
    note = cell_text(cells.get("note"))
    problems = []
    if start is None:
        problems.append("开始日期不能为空")
    if not source:
        problems.append("来源不能为空")
    if model is Matter:
        if not name:
            problems.append("清单事项须填写名称")
        if value is not None:
            problems.append("清单事项不填数值（项目数量按清单条目计算）")
        if problems:
            raise ValueError("；".join(problems))
        return Matter(
            agency=agency, kind=kind, name=name, effective_from=start, effective_until=end, source=source
        )
    if value is None:
        problems.append("数值不能为空")
    if problems:
        raise ValueError("；".join(problems))
    # 名称, if given, is kept as the note: it says what the figure covers.
    note = "；".join(t for t in (name, note) if t)
    return StatisticEntry(
        agency=agency,
        kind=kind,
        period_start=start,
        period_end=end or start,
        value=value,
        source=source,
        note=note,
    )


def _identity(record) -> tuple:
    if isinstance(record, Matter):
        return ("matter", record.kind, record.name, record.effective_from)
    return ("entry", record.kind, record.period_start, record.period_end, record.source)


def check_rows(agency, table: list[list[object]]) -> tuple[list[tuple[int, object]], list[RowError]]:
    """Validate every row; returns the unsaved records (with their row numbers) and the errors."""
    if not table or not any(cell_text(c) for c in table[0]):
        return [], [
            RowError(None, "文件是空的：第1行应为表头（类别、名称、开始日期、结束日期、数值、来源）。")
        ]
    positions = _header(table[0])
    records, errors, seen = [], [], {}
    if len(table) - 1 > MAX_ROWS:
        return [], [RowError(None, f"文件超过 {MAX_ROWS} 行，请分批导入。")]
    for number, row in enumerate(table[1:], start=2):
        if not any(cell_text(c) for c in row):
            continue
        cells = {key: (row[i] if i < len(row) else None) for key, i in positions.items()}
        try:
            record = _build(agency, cells)
            record.full_clean(exclude=["entered_by"])
        except ValueError as e:
            errors.append(RowError(number, f"{e}。"))
            continue
        except ValidationError as e:
            errors.append(
                RowError(number, "".join(m if m.endswith("。") else m + "。" for m in messages_of(e)))
            )
            continue
        identity = _identity(record)
        if identity in seen:
            errors.append(RowError(number, f"与第{seen[identity]}行重复。"))
            continue
        seen[identity] = number
        records.append((number, record))
    if not records and not errors:
        errors.append(RowError(None, "文件中没有数据行。"))
    return records, errors


def import_statistics(agency, data: bytes, filename: str, *, actor=None) -> ImportResult:
    try:
        table = read_table(data, filename)
        records, errors = check_rows(agency, table)
    except FileUnreadable as e:
        return ImportResult(errors=[RowError(None, str(e))])
    if errors:
        return ImportResult(errors=errors)
    result = ImportResult()
    try:
        with transaction.atomic():
            for _, record in records:
                if isinstance(record, Matter):
                    record_matter(
                        agency,
                        actor=actor,
                        kind=record.kind,
                        name=record.name,
                        effective_from=record.effective_from,
                        effective_until=record.effective_until,
                        source=record.source,
                    )
                    result.matters += 1
                else:
                    record_entry(
                        agency,
                        actor=actor,
                        kind=record.kind,
                        period_start=record.period_start,
                        period_end=record.period_end,
                        value=record.value,
                        source=record.source,
                        note=record.note,
                    )
                    result.entries += 1
            audit.record(
                "statistics.import",
                actor=actor,
                agency=agency,
                details={
                    "file": PurePath(filename).name,
                    "matters": result.matters,
                    "entries": result.entries,
                },
            )
    except (ValidationError, IntegrityError):
        # Someone else saved the same figure between the check and the save: report it, keep nothing.
        return ImportResult(errors=[RowError(None, "导入期间数据已被他人修改，未保存任何记录，请重新导入。")])
    return result
