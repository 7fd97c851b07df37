"""Entering the work ledger and summing it per year.

record_entry(agency, *, actor=None, **fields) -> LedgerEntry   validated, audited
delete_entry(entry, *, actor)                                  audited
year_totals(agency, year) -> LedgerTotals                      the year's sums for §一
import_entries(agency, data, filename, *, actor) -> ImportResult   CSV/XLSX, every row or none
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Sum

from gongkai import audit
from gongkai.ledger.models import EntryKind, LedgerEntry, OutreachChannel
from gongkai.statistics.importing import (
    FileUnreadable,
    ImportResult,
    RowError,
    cell_date,
    cell_number,
    cell_text,
    header_positions,
    read_table,
)
from gongkai.statistics.services import messages_of


def _details(entry: LedgerEntry) -> dict:
    return {
        "kind": entry.kind,
        "date": entry.date.isoformat(),
        "channel": entry.channel,
        "title": entry.title,
        "times": entry.times,
        "materials": entry.materials,
        "participants": entry.participants,
        "source": entry.source,
    }


def record_entry(agency, *, actor=None, **fields) -> LedgerEntry:
    entry = LedgerEntry(agency=agency, entered_by=actor, **fields)
    entry.full_clean(exclude=["entered_by"])
    with transaction.atomic():
        entry.save()
        audit.record("ledger.entry.create", actor=actor, agency=agency, target=entry, details=_details(entry))
    return entry


def delete_entry(entry: LedgerEntry, *, actor) -> None:
    with transaction.atomic():
        details = _details(entry)
        audit.record("ledger.entry.delete", actor=actor, agency=entry.agency, target=entry, details=details)
        entry.delete()


@dataclass
class LedgerTotals:
    outreach: list[dict] = field(default_factory=list)  # per channel: channel, label, times, materials
    outreach_times: int = 0
    outreach_materials: int = 0
    trainings: int = 0
    training_participants: int = 0
    meetings: int = 0
    interpretations: int = 0

    def channel(self, key: str) -> dict:
        return next((row for row in self.outreach if row["channel"] == key), {"times": 0, "materials": 0})


def year_totals(agency, year: int) -> LedgerTotals:
    rows = LedgerEntry.objects.filter(agency=agency, date__year=year).order_by()
    totals = LedgerTotals()
    sums = {
        (r["kind"], r["channel"]): r
        for r in rows.values("kind", "channel").annotate(
            n=Count("pk"), times=Sum("times"), materials=Sum("materials"), participants=Sum("participants")
        )
    }
    for channel in OutreachChannel:
        found = sums.get((EntryKind.OUTREACH.value, channel.value))
        if found:
            totals.outreach.append(
                {
                    "channel": channel.value,
                    "label": channel.label,
                    "times": found["times"],
                    "materials": found["materials"],
                    "entries": found["n"],
                }
            )
    totals.outreach_times = sum(r["times"] for r in totals.outreach)
    totals.outreach_materials = sum(r["materials"] for r in totals.outreach)
    for (kind, _channel), found in sums.items():
        if kind == EntryKind.TRAINING:
            totals.trainings += found["times"]
            totals.training_participants += found["participants"]
        elif kind == EntryKind.MEETING:
            totals.meetings += found["times"]
        elif kind == EntryKind.INTERPRETATION:
            totals.interpretations += found["times"]
    return totals


# ---- import --------------------------------------------------------------------------------------

COLUMNS = {
    "kind": ("类别", "kind"),
    "date": ("日期", "date"),
    "channel": ("宣传渠道", "渠道", "channel"),
    "title": ("名称", "title"),
    "times": ("次数", "times"),
    "materials": ("发放材料", "发放材料（份）", "materials"),
    "participants": ("参加人数", "participants"),
    "source": ("来源", "source"),
    "note": ("备注", "note"),
}
REQUIRED = ("kind", "date", "title", "source")
KIND_NAMES = {str(k.label): k.value for k in EntryKind} | {k.value: k.value for k in EntryKind}
CHANNEL_NAMES = {str(c.label): c.value for c in OutreachChannel} | {c.value: c.value for c in OutreachChannel}
HEADER_HINT = "类别、日期、宣传渠道、名称、次数、发放材料、参加人数、来源、备注"


def _header(row) -> dict[str, int]:
    return header_positions(row, COLUMNS, REQUIRED, HEADER_HINT)


def _count(value, label: str) -> int | None:
    number = cell_number(value)
    if number is None:
        return None
    if number != number.to_integral_value() or number < 0:
        raise ValueError(f"{label}应为非负整数，而不是“{cell_text(value)}”")
    return int(number)


def _build(agency, cells: dict) -> LedgerEntry:
    kind_text = cell_text(cells.get("kind"))
    if kind_text not in KIND_NAMES:
        raise ValueError(f"类别“{kind_text}”不是{'、'.join(str(k.label) for k in EntryKind)}之一")
    channel_text = cell_text(cells.get("channel"))
    if channel_text and channel_text not in CHANNEL_NAMES:
        raise ValueError(
            f"宣传渠道“{channel_text}”不是{'、'.join(str(c.label) for c in OutreachChannel)}之一"
        )
    day = cell_date(cells.get("date"), "日期")
    if day is None:
        raise ValueError("日期不能为空")
    entry = LedgerEntry(
        agency=agency,
        kind=KIND_NAMES[kind_text],
        date=day,
        channel=CHANNEL_NAMES.get(channel_text, ""),
        title=cell_text(cells.get("title")),
        source=cell_text(cells.get("source")),
        note=cell_text(cells.get("note")),
    )
    for name, label in (("times", "次数"), ("materials", "发放材料"), ("participants", "参加人数")):
        value = _count(cells.get(name), label)
        if value is not None:
            setattr(entry, name, value)
    try:
        entry.full_clean(exclude=["entered_by"])
    except ValidationError as e:
        raise ValueError("；".join(messages_of(e))) from None
    return entry


def import_entries(agency, data: bytes, filename: str, *, actor=None) -> ImportResult:
    result = ImportResult()
    try:
        table = read_table(data, filename)
        if not table:
            raise FileUnreadable("文件是空的。")
        positions = _header(table[0])
    except FileUnreadable as e:
        result.errors.append(RowError(None, str(e)))
        return result
    built: list[tuple[int, LedgerEntry]] = []
    for number, row in enumerate(table[1:], start=2):
        if all(cell_text(c) == "" for c in row):
            continue
        cells = {key: row[i] if i < len(row) else None for key, i in positions.items()}
        try:
            built.append((number, _build(agency, cells)))
        except ValueError as e:
            result.errors.append(RowError(number, str(e)))
    if result.errors:
        return result
    with transaction.atomic():
        for number, entry in built:
            entry.entered_by = actor
            try:
                entry.save()
            except PermissionDenied as e:  # the row's year is locked (gongkai.reports.locks)
                result.errors.append(RowError(number, str(e)))
                transaction.set_rollback(True)
                return result
        audit.record(
            "ledger.import", actor=actor, agency=agency, details={"file": filename, "entries": len(built)}
        )
    result.entries = len(built)
    return result
