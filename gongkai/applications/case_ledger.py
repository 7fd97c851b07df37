"""The 依申请公开 台账: one row per case of an agency received in a year, as CSV or Excel.

    ledger_rows(agency, year, *, reveal=False) -> (header, rows)
    ledger_file(agency, year, fmt, *, actor=None, reveal=False) -> (file name, content type, bytes)

The outcome is the label of the §三 row that counts it in that year's report format (the format declaration
is the only source of labels). The applicant's name is masked unless `reveal` — which only someone allowed
`case.reveal` may ask for, and which is audited — and contact data and identity numbers are never written.
Every cell goes through gongkai.spreadsheets, so a name beginning with “=” stays text.
"""

import io
from datetime import date

from gongkai import audit
from gongkai.formats import format_for_year, get_format
from gongkai.rules.clock import ClockError, EventType
from gongkai.rules.masking import mask_name
from gongkai.rules.outcomes import report_row, row_label
from gongkai.rules.workdays import MissingCalendarYear
from gongkai.spreadsheets import csv_writer, defuse_workbook

from .clock import clock_state
from .models import Application

HEADER = (
    "受理编号",
    "收到申请之日",
    "申请渠道",
    "申请人类型",
    "申请人",
    "所需信息",
    "承办科室",
    "承办人",
    "补正告知日期",
    "收到补正日期",
    "征求意见日期",
    "延期批准日期",
    "答复期限",
    "答复日期",
    "办理结果",
    "送达日期",
    "信息处理费（元）",
    "行政复议、行政诉讼",
)
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def outcome_label(outcome: str, version: str) -> str:
    """The §三 row that counts `outcome`, as the format declares it; a row under a group title (（三）不予公开
    1.属于国家秘密) is named with its group, so the cell reads alone."""
    section = get_format(version).section3
    row = section.row(report_row(outcome, version))
    if row.outcome is not None and row.key != row.outcome.key:
        return f"{row.outcome.title}：{row.label}"
    return row_label(outcome, version)


def _first(events, type) -> date | None:
    return next((e.date for e in events if e.type == type), None)


def _applicant(application, reveal: bool) -> str:
    if application.personal_data_erased_at:
        return "（已删除）"
    name = application.applicant_name or ""
    if reveal or application.is_organisation:
        return name  # an organisation's name is not personal data
    return mask_name(name)


def _row(application, version: str, reveal: bool) -> list:
    events = sorted(application.events.all(), key=lambda e: (e.date, e.pk))
    try:
        state = clock_state(application)
        due = state.reply_due
    except (ClockError, MissingCalendarYear):
        due = None
    decided = next((e for e in events if e.type == EventType.DECIDED), None)
    outcome = outcome_label(decided.data["outcome"], version) if decided else ""
    fee = sum(int((e.data or {}).get("amount") or 0) for e in events if e.type == EventType.FEE_PAID)
    appeals = "；".join(
        f"{a.get_kind_display()}（{a.filed_on:%Y-%m-%d}，{a.get_result_display()}）"
        for a in sorted(application.appeals.all(), key=lambda a: (a.filed_on, a.pk))
    )
    handler = application.handler
    return [
        application.reference,
        application.received_on,
        application.get_channel_display(),
        application.get_applicant_type_display(),
        _applicant(application, reveal),
        " ".join(application.request_description.split()),
        application.department.name if application.department else "",
        (handler.get_full_name() or handler.get_username()) if handler else "",
        _first(events, EventType.CORRECTION_REQUESTED),
        _first(events, EventType.CORRECTION_RECEIVED),
        _first(events, EventType.CONSULTATION_SENT),
        _first(events, EventType.EXTENSION_APPROVED),
        due,
        decided.date if decided else None,
        outcome,
        _first(events, EventType.DELIVERED),
        fee if any(e.type == EventType.FEE_PAID for e in events) else "",
        appeals,
    ]


def ledger_rows(agency, year: int, *, reveal: bool = False) -> tuple[tuple[str, ...], list[list]]:
    version = format_for_year(year).version
    cases = (
        Application.objects.filter(agency=agency, year=year)
        .select_related("department", "handler")
        .prefetch_related("events", "appeals")
        .order_by("sequence")
    )
    return HEADER, [_row(application, version, reveal) for application in cases]


def _csv(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else (v.isoformat() if isinstance(v, date) else v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets Excel read the Chinese as UTF-8


def _xlsx(agency, year, header, rows) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"{year}年依申请公开台账"
    sheet.append([f"{agency.name}{year}年政府信息公开申请办理台账"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(header))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    widths = {1: 24, 2: 12, 5: 14, 6: 40, 15: 28, 18: 30}
    for column in range(1, len(header) + 1):
        sheet.column_dimensions[sheet.cell(row=2, column=column).column_letter].width = widths.get(column, 13)
    sheet.freeze_panes = "B3"
    wrapped = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrapped
    # Printed on A4 landscape, every column on the page, the header row repeated.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "2:2"
    defuse_workbook(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ledger_file(agency, year: int, fmt: str, *, actor=None, reveal: bool = False) -> tuple[str, str, bytes]:
    """The 台账 as a file; a ledger with full names is recorded in the audit trail before it is made."""
    if fmt not in FORMATS:
        raise ValueError(f"不支持的格式“{fmt}”（可用：csv、xlsx）")
    if reveal:
        audit.record(
            "application.ledger.export_full_names",
            actor=actor,
            agency=agency,
            details={"year": year, "format": fmt},
        )
    header, rows = ledger_rows(agency, year, reveal=reveal)
    content = _csv(header, rows) if fmt == "csv" else _xlsx(agency, year, header, rows)
    return f"{agency.code}-{year}-依申请公开台账.{fmt}", FORMATS[fmt], content
