"""The period lock: once an agency's report on a year is published, the records it was computed from are
frozen until an administrator unlocks that year with a reason.

One place decides, for every kind of record that feeds a report, what the record contributes to a given
year (`signature(record, year)`, None when it contributes nothing). A save or delete is refused when, for a
locked year of the record's agency, the contribution before differs from the contribution after — so a new
record in a locked year, a changed date, outcome, applicant type, 公开属性 or figure, or a deletion is
refused, while what does not change the report (a typo in an item's body, closing in 2021 an appeal that
2020 counted as pending, drafts) goes through.

The check runs on Django's pre_save and pre_delete signals, so every service, form, admin page and import
passes through it without calling it; `check_record(record)` is there for code that wants to ask first.
QuerySet.update() and raw SQL bypass signals; gongkai's services always save instances.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_delete, pre_save
from django.utils import timezone


class YearLocked(PermissionDenied):
    """The change would alter a published report; str() is the Chinese message for the person."""

    def __init__(self, report, what: str):
        version = report.latest_version()
        when = (
            f"（第{version.number}版，{timezone.localdate(version.published_at).isoformat()}发布）"
            if version
            else ""
        )
        super().__init__(
            f"{report.agency.name}{report.year}年政府信息公开工作年度报告已发布{when}，"
            f"{report.year}年度的记录已锁定：不能新增、修改或删除该年度的{what}。"
            f"如确需更正，请由本机关管理员在年度报告页面说明理由解锁{report.year}年度，更正后重新发布报告。"
        )
        self.report = report


def _year(value) -> int | None:
    if value is None:
        return None
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return timezone.localtime(value).year if timezone.is_aware(value) else value.year
    return value.year


# ---- what each kind of record contributes to a year ------------------------------------------------


def _item(item, year):
    from gongkai.disclosure.models import ItemStatus

    if item.status in (ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN):
        state = "public"  # a withdrawal is dated by its event, not by the item's dates
    elif item.status == ItemStatus.FILED:
        state = "filed"
    else:
        return None  # drafts and items under review count nowhere
    years = {_year(item.formed_on), _year(item.published_at), _year(item.invalid_from)}
    if year not in years:
        return None
    return (
        item.agency_id,
        state,
        item.kind,
        item.attribute,
        item.category_id,
        item.formed_on,
        item.published_at,
        item.validity,
        item.invalid_from,
    )


def _document(document, year):
    if _year(document.issued_on) != year:
        return None
    return (document.agency_id, document.issued_on, document.attribute)


def _distribution(distribution, year):
    if _year(distribution.date) != year:
        return None
    return (
        distribution.item_id,
        distribution.channel,
        distribution.outlet,
        distribution.count,
        distribution.date,
    )


def _application(application, year):
    from gongkai.applications.models import ApplicationEvent
    from gongkai.rules.clock import EventType

    if application.received_on is None or application.received_on.year > year:
        return None
    if application.pk:
        settled = (
            ApplicationEvent.objects.filter(  # live events only (the default manager)
                application_id=application.pk, type__in=[EventType.DECIDED, EventType.WITHDRAWN]
            )
            .order_by("date")
            .values_list("date", flat=True)
            .first()
        )
        if settled is not None and settled.year < year:
            return None  # settled before the year began: the year does not see it
    return (application.agency_id, application.received_on, application.applicant_type)


def _application_event(event, year):
    from gongkai.rules.clock import EventType

    if event.voided_at is not None or event.type not in set(EventType):
        return None  # voided, or internal (assignment, notes): the report does not see it
    years = {_year(event.date)}
    if event.type == EventType.CORRECTION_RECEIVED:
        # The corrected application's receipt moves to this date, out of the year it was first received in.
        years.add(event.application.received_on.year)
    if year not in years:
        return None
    return (event.application_id, event.type, event.date, (event.data or {}).get("outcome"))


def _appeal(appeal, year):
    if appeal.filed_on is None or appeal.filed_on.year > year:
        return None
    if appeal.closed_on is not None and appeal.closed_on.year < year:
        return None
    closed_in_year = appeal.closed_on is not None and appeal.closed_on.year == year
    return (appeal.agency_id, appeal.kind, appeal.result if closed_in_year else "pending")


def _matter(matter, year):
    def in_force(on: date) -> bool:
        return matter.effective_from <= on and (matter.effective_until is None or matter.effective_until > on)

    before, after = in_force(date(year - 1, 12, 31)), in_force(date(year, 12, 31))
    if not (before or after):
        return None
    return (matter.agency_id, matter.kind, before, after)


def _statistic(entry, year):
    if _year(entry.period_end) != year:
        return None
    return (entry.agency_id, entry.kind, entry.period_start, entry.period_end, entry.value)


def _ledger(entry, year):
    if _year(entry.date) != year:
        return None
    return (
        entry.agency_id,
        entry.kind,
        entry.channel,
        entry.date,
        entry.title,
        entry.times,
        entry.materials,
        entry.participants,
    )


def _agency_of_item_child(record):
    return record.item.agency_id


def _agency_of_event(record):
    return record.application.agency_id


# model label → (what it is called in the message, signature, agency id of a record)
WATCHED = {
    "disclosure.Item": ("主动公开信息", _item, None),
    "disclosure.OfficialDocument": ("公文登记", _document, None),
    "disclosure.Distribution": ("发布渠道记录", _distribution, _agency_of_item_child),
    "applications.Application": ("政府信息公开申请", _application, None),
    "applications.ApplicationEvent": ("申请办理事件", _application_event, _agency_of_event),
    "appeals.Appeal": ("行政复议、行政诉讼案件", _appeal, None),
    "statistics.Matter": ("事项清单", _matter, None),
    "statistics.StatisticEntry": ("统计数据", _statistic, None),
    "ledger.LedgerEntry": ("工作台账", _ledger, None),
}


def locked_reports(agency_id):
    """The agency's reports whose year is locked, by year."""
    from gongkai.reports.models import AnnualReport

    if agency_id is None:
        return {}
    return {
        r.year: r
        for r in AnnualReport.objects.filter(agency_id=agency_id, locked=True).select_related("agency")
    }


def _agency_id(record, agency_of):
    return agency_of(record) if agency_of else record.agency_id


def _check(label: str, before, after) -> None:
    what, signature, agency_of = WATCHED[label]
    agencies = {_agency_id(r, agency_of) for r in (before, after) if r is not None}
    for agency_id in agencies:
        for year, report in sorted(locked_reports(agency_id).items()):

            def seen(record, agency_id=agency_id, year=year):
                if record is None or _agency_id(record, agency_of) != agency_id:
                    return None
                return signature(record, year)

            if seen(before) != seen(after):
                raise YearLocked(report, what)


def check_record(record, *, deleting: bool = False) -> None:
    """Raise YearLocked if saving (or deleting) `record` would change a published year's report."""
    label = record._meta.label
    before = type(record)._default_manager.filter(pk=record.pk).first() if record.pk else None
    _check(label, before, None if deleting else record)


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:  # loading a fixture or a backup restores what was, it changes nothing
        return
    check_record(instance)


def _on_delete(sender, instance, **kwargs):
    check_record(instance, deleting=True)


def connect() -> None:
    from django.apps import apps

    for label in WATCHED:
        model = apps.get_model(label)
        pre_save.connect(_on_save, sender=model, dispatch_uid=f"report-lock-save-{label}")
        pre_delete.connect(_on_delete, sender=model, dispatch_uid=f"report-lock-delete-{label}")
