"""Recording Art. 20 figures and counting them for a report year.

    matters_in_force(agency, kind, on)         -> int      matters of the list in force on that day
    matter_change(agency, kind, year)          -> (previous, change)   上一年项目数量, 本年增/减
    entry_total(agency, kind, year)            -> Decimal  sum of the entries whose period ends in the year
    record_matter(agency, *, actor, **fields)  -> Matter          validated, audited
    record_entry(agency, *, actor, **fields)   -> StatisticEntry  validated, audited

A matter is in force on day d when effective_from <= d < effective_until (no effective_until: still in
force). "At the end of year Y" is 31 December of Y, so a matter removed on 1 January of Y+1 still counts
for Y, and one added on 1 January of Y+1 does not.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Q, Sum

from gongkai import audit
from gongkai.statistics.models import Matter, StatisticEntry


def year_end(year: int) -> date:
    return date(year, 12, 31)


def matters_in_force(agency, kind: str, on: date) -> int:
    return (
        Matter.objects.filter(agency=agency, kind=kind, effective_from__lte=on)
        .filter(Q(effective_until__isnull=True) | Q(effective_until__gt=on))
        .count()
    )


def matter_change(agency, kind: str, year: int) -> tuple[int, int]:
    """(matters in force at the end of the previous year, this year's end minus that)."""
    previous = matters_in_force(agency, kind, year_end(year - 1))
    return previous, matters_in_force(agency, kind, year_end(year)) - previous


def entry_total(agency, kind: str, year: int) -> Decimal:
    total = StatisticEntry.objects.filter(agency=agency, kind=kind, period_end__year=year).aggregate(
        total=Sum("value")
    )["total"]
    return total if total is not None else Decimal(0)


def _validated(instance) -> None:
    # full_clean also runs the unique constraints, so a duplicate is a Chinese message, not an IntegrityError.
    instance.full_clean(exclude=["entered_by"])


def record_matter(agency, *, actor=None, **fields) -> Matter:
    matter = Matter(agency=agency, entered_by=actor, **fields)
    _validated(matter)
    with transaction.atomic():
        matter.save()
        audit.record(
            "statistics.matter.create",
            actor=actor,
            agency=agency,
            target=matter,
            details={
                "kind": matter.kind,
                "name": matter.name,
                "effective_from": matter.effective_from.isoformat(),
                "effective_until": matter.effective_until.isoformat() if matter.effective_until else None,
                "source": matter.source,
            },
        )
    return matter


def record_entry(agency, *, actor=None, **fields) -> StatisticEntry:
    entry = StatisticEntry(agency=agency, entered_by=actor, **fields)
    if entry.period_end is None:
        entry.period_end = entry.period_start  # a figure for a single day
    _validated(entry)
    with transaction.atomic():
        entry.save()
        audit.record(
            "statistics.entry.create",
            actor=actor,
            agency=agency,
            target=entry,
            details={
                "kind": entry.kind,
                "period_start": entry.period_start.isoformat(),
                "period_end": entry.period_end.isoformat(),
                "value": str(entry.value),
                "source": entry.source,
            },
        )
    return entry


def messages_of(error: ValidationError) -> list[str]:
    """A ValidationError's messages as Chinese sentences, each naming its field by its label."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    out = []
    for field, errors in error.error_dict.items():
        label = _field_label(field)
        for message in ValidationError(errors).messages:
            out.append(f"{label}：{message}" if label else message)
    return out


def _field_label(field: str) -> str:
    for model in (StatisticEntry, Matter):
        try:
            return str(model._meta.get_field(field).verbose_name)
        except FieldDoesNotExist:  # a field of the other model, or __all__
            continue
    return ""
