"""What people do with an uploaded report before it becomes the agency's published version.

    importing_agencies(user) -> [Agency]                where the person may import: the agency's office,
                                                        or a supervisor above it ("report.import")
    upload(agency, data, name, *, actor, read_later) -> PendingImport   stored whole or not at all, read later
    read_pending(pk) -> status                          the background reading: PENDING, or UNREADABLE with why
    cells_of(pending) -> ReportCells                    what was read, with the corrections applied
    findings_of(pending) -> [finding dict]              what the reading noted and A1–A10 as the content allows
    correct(pending, *, values, year, format_version, actor)   typed cells; a new year or format re-reads
    save(pending, *, actor, reason="") -> ReportVersion  through reports.services.store_imported
    discard(pending, *, actor)

Every step is one transaction and audited. ImportRefused carries the Chinese message for the person;
NotAllowed refuses a person whose roles do not allow the import.
"""

import hashlib
import json
import re
from datetime import date, datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from gongkai import audit
from gongkai.agencies.access import agencies_visible_to, agencies_where, require
from gongkai.formats.cells import OPTIONAL_KEYS, TOP_LEVEL_KEYS, ReportCells, cells_from_dict, dumps
from gongkai.formats.checks import check_report
from gongkai.formats.declaration import Kind
from gongkai.formats.registry import get_format
from gongkai.importer.models import ImportStatus, PendingImport
from gongkai.importer.parse import UnreadableReport, kind_of
from gongkai.importer.reading import read_upload
from gongkai.rules.report_review import under_read


class ImportRefused(Exception):
    """A step that is not allowed or cannot be done; str(error) is the message shown to the person."""


def importing_agencies(user) -> list:
    return list(agencies_where(user, "report.import"))


def imports_visible_to(user):
    return PendingImport.objects.filter(agency__in=agencies_visible_to(user)).select_related("agency")


def _require(actor, agency) -> None:
    require(actor, "report.import", agency)


def _require_pending(pending: PendingImport) -> None:
    if not pending.is_pending:
        raise ImportRefused(f"该导入已{pending.get_status_display()}，不能再修改。")


def upload(agency, data: bytes, name: str, *, actor, read_later) -> PendingImport:
    """Store the file and queue its reading; a file that is no report by its content is refused at once.

    `read_later(pk)` queues the reading (gongkai.importer.tasks); it is called inside the transaction that
    stores the import, so the worker never sees a task without its import, nor an import without a task.
    """
    _require(actor, agency)
    if not data.strip():
        raise ImportRefused(f"{name}：文件是空的")
    try:
        kind = kind_of(name, data)
    except UnreadableReport as e:
        raise ImportRefused(str(e)) from None
    pending = PendingImport(
        agency=agency,
        format_version="",
        kind=kind,
        source_name=name[:300],
        source_size=len(data),
        source_sha256=hashlib.sha256(data).hexdigest(),
        status=ImportStatus.READING,
        stage="排队等待读取",
        uploaded_by=actor,
    )
    stored = None
    try:
        with transaction.atomic():
            pending.source.save(name, ContentFile(data), save=False)
            stored = pending.source.name
            pending.save()
            audit.record(
                "import.upload",
                actor=actor,
                agency=agency,
                target=pending,
                details={"file": pending.source_name, "sha256": pending.source_sha256, "kind": pending.kind},
            )
            read_later(pending.pk)
    except BaseException:
        if stored:  # the row was not written: the file must not stay behind either
            pending.source.storage.delete(stored)
        raise
    return PendingImport.objects.select_related("agency").get(pk=pending.pk)


def _set_stage(pk: int, stage: str) -> None:
    PendingImport.objects.filter(pk=pk, status=ImportStatus.READING).update(stage=stage[:200])


def read_pending(pk: int, year: int | None = None, format_version: str | None = None) -> str:
    """Read a stored upload (the worker's task): the import then waits for review, or says why it cannot.
    `year` and `format_version` are a person's correction of what the file was judged to be.

    Any failure ends the reading with a reason: an import never stays 正在读取 after its task ran.
    """
    from gongkai.importer.ocr import PROGRESS

    pending = PendingImport.objects.select_related("agency").filter(pk=pk).first()
    if pending is None or not pending.is_reading:
        return pending.status if pending else "missing"
    _set_stage(pk, "正在读取文件")

    def progress(done: int, total: int) -> None:
        _set_stage(pk, f"正在对扫描页做文字识别：已完成 {done}/{total} 页")

    token = PROGRESS.set(progress)
    try:
        with pending.source.open("rb") as f:
            data = f.read()
        fmt = get_format(format_version) if format_version else None
        reading = read_upload(data, pending.source_name, kind=pending.kind, year=year, fmt=fmt)
        result = reading.result()
    except UnreadableReport as e:
        return _finish(pk, ImportStatus.UNREADABLE, problem=str(e))
    except Exception as e:  # a reader's bug must not leave the import reading forever
        return _finish(
            pk, ImportStatus.UNREADABLE, problem=f"{pending.source_name}：读取时出错（{type(e).__name__}）"
        )
    finally:
        PROGRESS.reset(token)
    parsed = reading.parsed
    return _finish(
        pk,
        ImportStatus.PENDING,
        corrections={a: v for a, v in pending.corrections.items() if a in parsed.cells.values},
        year=parsed.year,
        format_version=parsed.cells.format.version,
        kind=parsed.kind,
        source_lines=reading.lines,
        result=result,
        cells_read=parsed.cells_read,
    )


def _finish(pk: int, status: str, *, cells_read: int | None = None, **fields) -> str:
    with transaction.atomic():
        pending = PendingImport.objects.select_for_update().select_related("agency").get(pk=pk)
        if not pending.is_reading:  # discarded while it was being read
            return pending.status
        for name, value in fields.items():
            setattr(pending, name, value)
        pending.status, pending.stage, pending.read_at = status, "", timezone.now()
        pending.save()
        audit.record(
            "import.read",
            actor=pending.uploaded_by,
            agency=pending.agency,
            target=pending,
            details={
                "status": status,
                "year": pending.year,
                "format": pending.format_version,
                "cells_read": cells_read,
                "problem": pending.problem,
            },
        )
    return status


def _cells_data(pending: PendingImport) -> dict:
    data = {k: v for k, v in pending.result.items() if k in TOP_LEVEL_KEYS + OPTIONAL_KEYS}
    data["agency"] = pending.agency.name
    data["year"] = pending.year or 0
    data["format_version"] = pending.format_version
    return data


def read_cells(pending: PendingImport) -> ReportCells:
    """The cells as the file gave them, before any correction."""
    return cells_from_dict(_cells_data(pending))


def _value(raw, kind: Kind):
    if raw is None:
        return None
    if kind is Kind.AMOUNT:
        return Decimal(str(raw))
    return int(raw)


def cells_of(pending: PendingImport) -> ReportCells:
    cells = read_cells(pending)
    columns = dict(cells.format.cells())
    for address, raw in pending.corrections.items():
        if address in columns:
            cells.values[address] = _value(raw, columns[address].kind)
            cells.cell_text.pop(address, None)
    return cells


def previous_published(agency, year: int) -> ReportCells | None:
    """Last year's published cells, for A6 and A7; an import is never compared with computed records."""
    from gongkai.reports.models import AnnualReport

    report = AnnualReport.objects.filter(agency=agency, year=year - 1).first()
    version = report.latest_version() if report else None
    if version is None:
        return None
    cells = cells_from_dict(version.cells)
    cells.agency = agency.name
    return cells


def findings_of(pending: PendingImport) -> list[dict]:
    """What the reading noted (wrong template, extra rows …) and every check the content allows."""
    cells = cells_of(pending)
    previous = previous_published(pending.agency, pending.year) if pending.year else None
    found = [f.to_dict() for f in check_report(cells, previous)]
    if "六" not in cells.sections:  # a report cut off before §六 is not judged on it
        found = [f for f in found if f["rule"] != "A10"]
    return list(pending.result.get("findings", [])) + found


def _json_number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def correct(
    pending: PendingImport, *, values: dict, year: int, format_version: str, actor, read_later=None
) -> PendingImport:
    """Apply typed values (address → int, Decimal or None). A changed year or format reads the file again
    in the background (`read_later(pk, year, format_version)`, like the upload's reading: a scan's text
    recognition takes minutes); without `read_later` (the command line) it is read here."""
    _require(actor, pending.agency)
    _require_pending(pending)
    fmt = get_format(format_version)
    with transaction.atomic():
        pending = PendingImport.objects.select_for_update().select_related("agency").get(pk=pending.pk)
        _require_pending(pending)
        new_format = fmt.version != pending.format_version
        reread = new_format or year != pending.year
        if new_format:  # the form showed the old format's cells; earlier corrections stay where they fit
            values = {}
        original = read_cells(pending).values
        corrections = {a: v for a, v in pending.corrections.items() if a in original}
        changed = []
        for address, value in values.items():
            if address not in original:
                continue
            before = corrections.get(address, _json_number(original[address]))
            if original[address] == value:
                corrections.pop(address, None)
            else:
                corrections[address] = _json_number(value)
            if before != _json_number(value):
                changed.append(address)
        pending.corrections = corrections
        if reread:
            pending.year, pending.format_version = year, fmt.version
            pending.status, pending.stage = ImportStatus.READING, "排队等待按更正的年度和格式重新读取"
        pending.save()
        audit.record(
            "import.correct",
            actor=actor,
            agency=pending.agency,
            target=pending,
            details={
                "cells": changed,
                "year": pending.year,
                "format": pending.format_version,
                "reread": reread,
            },
        )
        if reread:
            (read_later or read_pending)(pending.pk, year, fmt.version)
    return PendingImport.objects.select_related("agency").get(pk=pending.pk)


def published_version(agency, year: int | None):
    """The agency's current published version for the year, if any: saving would replace it."""
    from gongkai.reports.models import AnnualReport

    if not year:
        return None
    report = AnnualReport.objects.filter(agency=agency, year=year).first()
    return report.latest_version() if report else None


DATE_IN_TEXT = re.compile(r"(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def stated_date(cells: ReportCells):
    """The publication date a report states (its 成文/发布日期): the first date of the year after the report's
    year found in its text — the statistical period (1月1日至12月31日 of the year itself) never matches."""
    if not cells.year:
        return None
    for number in ("一", "二", "三", "四", "五", "六"):
        for match in DATE_IN_TEXT.finditer(cells.sections.get(number, "") or ""):
            year, month, day = (int(g) for g in match.groups())
            if year == cells.year + 1:
                try:
                    return date(year, month, day)
                except ValueError:
                    continue
    return None


def read_share(cells: ReportCells) -> tuple[int, int]:
    """(cells read, cells in the format)."""
    values = list(cells.values.values())
    return sum(v is not None for v in values), len(values)


def store(
    agency,
    cells: ReportCells,
    *,
    source: bytes,
    source_name: str,
    notes: dict,
    actor,
    reason: str = "",
    published_on=None,
    confirmed_unread: bool = False,
    publish_source: bool = False,
):
    """Store read (and corrected) cells as the agency's published version for cells.year, with the source.

    Refuses to replace a published version without a reason; `notes` (provenance, unread cells,
    corrections) are kept with the version. The web review and `report import --save` both end here.
    """
    from gongkai.reports.services import ReportError, store_imported

    reason = (reason or "").strip()
    if not cells.year:
        raise ImportRefused("请先填写报告年度，再保存为已发布报告。")
    previous = published_version(agency, cells.year)
    if previous is not None and not reason:
        raise ImportRefused(
            f"{agency.name}{cells.year}年度已有发布的报告（第{previous.number}版）；替换须说明理由，原版本仍将保留。"
        )
    read, total = read_share(cells)
    if under_read(read, total) and not confirmed_unread:
        raise ImportRefused(
            f"只读到{total}个单元格中的{read}个，{total - read}个未能读取；保存为已发布报告须确认这一点。"
        )
    stated = stated_date(cells)
    day = published_on or stated
    provenance = {
        "file": source_name,
        "sha256": hashlib.sha256(source).hexdigest(),
        **notes,
        "read_cells": read,
        "unread_cells": total - read,
        "source_public": bool(publish_source),
        "published_on_from": "given" if published_on else ("source" if stated else "import"),
    }
    published_at = (
        timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=9))) if day else None
    )
    try:
        return store_imported(
            agency,
            cells.year,
            cells=cells_data_of(cells),
            sections=dict(cells.sections),
            source_name=source_name,
            source=source,
            provenance=provenance,
            published_at=published_at,
            actor=actor,
            reason=reason,
        )
    except ReportError as e:
        raise ImportRefused(str(e)) from None


def save(
    pending: PendingImport,
    *,
    actor,
    reason: str = "",
    published_on=None,
    confirmed_unread: bool = False,
    publish_source: bool = False,
):
    _require(actor, pending.agency)
    _require_pending(pending)
    with transaction.atomic():
        pending = PendingImport.objects.select_for_update().select_related("agency").get(pk=pending.pk)
        _require_pending(pending)
        previous = published_version(pending.agency, pending.year)
        with pending.source.open("rb") as f:
            source = f.read()
        notes = {
            "parser": pending.kind,
            "pending_import": pending.pk,
            "cells": pending.result.get("provenance", {}),
            "unread": pending.result.get("unread", []),
            "corrections": pending.corrections,
        }
        version = store(
            pending.agency,
            cells_of(pending),
            source=source,
            source_name=pending.source_name,
            notes=notes,
            actor=actor,
            reason=reason,
            published_on=published_on,
            confirmed_unread=confirmed_unread,
            publish_source=publish_source,
        )
        pending.status = ImportStatus.SAVED
        pending.decided_by, pending.decided_at = actor, timezone.now()
        pending.saved_version = version
        pending.save()
        audit.record(
            "import.save",
            actor=actor,
            agency=pending.agency,
            target=pending,
            details={
                "year": pending.year,
                "version": version.number,
                "replaced": previous.number if previous else None,
                "reason": version.reason if previous else "",
                "corrections": sorted(pending.corrections),
            },
        )
    return version


def cells_data_of(cells: ReportCells) -> dict:
    """The JSON of docs/report-format.md for the cells (numbers JSON-safe), without the narrative."""
    out = json.loads(dumps(cells.to_dict(sections={})))
    out.pop("sections", None)
    return out


def _require_discardable(pending: PendingImport) -> None:
    if not pending.may_discard:
        raise ImportRefused(f"该导入已{pending.get_status_display()}，不能再修改。")


def discard(pending: PendingImport, *, actor) -> PendingImport:
    _require(actor, pending.agency)
    _require_discardable(pending)
    with transaction.atomic():
        pending = PendingImport.objects.select_for_update().select_related("agency").get(pk=pending.pk)
        _require_discardable(pending)
        pending.status = ImportStatus.DISCARDED
        pending.decided_by, pending.decided_at = actor, timezone.now()
        pending.save()
        audit.record(
            "import.discard",
            actor=actor,
            agency=pending.agency,
            target=pending,
            details={"year": pending.year},
        )
    return pending
