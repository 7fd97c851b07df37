"""The office's daily work on a case besides its statutory events: assigning it, internal notes, and putting a
wrong record right. Each change is one transaction, an event of the case and an audit entry.

    assign(application, *, department, handler, note="", actor, on=None) -> ApplicationEvent
    bulk_assign(applications, *, department, handler, note="", actor) -> list[ApplicationEvent]
    add_note(application, *, text, actor) -> ApplicationEvent
    handler_choices(agency) -> QuerySet[User]      the people of the agency a case can be given to
    limits_passed_by(application, type, *, date, data, replacing=None) -> tuple[str, ...]
    void_event(event, *, reason, actor) -> ApplicationEvent                       ClockError
    replace_event(event, *, date, data, note, reason, actor) -> ApplicationEvent  ClockError

Assignment and notes are internal events (models.INTERNAL_KINDS): the clock never counts them and nothing
the applicant receives shows them. Voiding keeps the event, struck through with its reason; the clock is
computed again from the events that stand (gongkai.rules.corrections decides whether they still can).
"""

from datetime import date as Date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai import audit
from gongkai.calendar.workdays import current_calendar
from gongkai.rules.clock import ClockError, EventType
from gongkai.rules.corrections import check_replacement, check_void, limits_passed

from .clock import CLOCK_KINDS, ProvisionalCalendar, clock_events, to_clock_event
from .models import Application, ApplicationEvent
from .services import event_data, record_event_data

ASSIGNED, NOTE = "assigned", "note"


def handler_choices(agency):
    """Everyone holding a role in the agency itself (not a supervisor looking on from above)."""
    from gongkai.agencies.access import IN_AGENCY

    return (
        get_user_model()
        .objects.filter(memberships__agency=agency, memberships__role__in=IN_AGENCY, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def assignment_data(department, handler) -> dict:
    data = {}
    if department is not None:
        data.update(department=department.pk, department_name=department.name)
    if handler is not None:
        data.update(handler=handler.pk, handler_name=handler.get_full_name() or handler.get_username())
    return data


def _check_assignment(application, department, handler) -> None:
    if department is None and handler is None:
        raise ClockError("请选择承办科室或承办人")
    if department is not None and department.agency_id != application.agency_id:
        raise ClockError(f"{department.name}不是{application.agency.name}的科室")
    if handler is not None and not handler_choices(application.agency).filter(pk=handler.pk).exists():
        raise ClockError(
            f"{handler.get_full_name() or handler.get_username()}不在{application.agency.name}任职"
        )


def assign(application, *, department, handler, note="", actor, on: Date | None = None) -> ApplicationEvent:
    """Give the case to a 承办科室 and/or a handler; the case's `department`/`handler` follow its last live
    assignment."""
    _check_assignment(application, department, handler)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        event = ApplicationEvent.objects.create(
            application=locked,
            type=ASSIGNED,
            date=on or timezone.localdate(),
            data=assignment_data(department, handler),
            note=note,
            actor=actor,
        )
        _follow_assignments(locked)
        audit.record(
            "application.assign",
            actor=actor,
            agency=locked.agency_id,
            target=locked,
            details={k: v for k, v in event.data.items() if not k.endswith("_name")},
        )
    application.department_id, application.handler_id = locked.department_id, locked.handler_id
    return event


def bulk_assign(applications, *, department, handler, note="", actor) -> list[ApplicationEvent]:
    """Assign every case, or none: one refusal (a department of another agency) saves nothing."""
    with transaction.atomic():
        return [
            assign(a, department=department, handler=handler, note=note, actor=actor) for a in applications
        ]


def _follow_assignments(application) -> None:
    """Set the case's department and handler from its last live assignment (the intake's department when
    none is left)."""
    last = (
        ApplicationEvent.objects.filter(application=application, type=ASSIGNED)
        .order_by("-date", "-id")
        .first()
    )
    data = last.data if last else {}
    if last is None:
        application.handler_id = None
    else:
        application.department_id = data.get("department", application.department_id)
        application.handler_id = data.get("handler", application.handler_id)
    application.save(update_fields=["department", "handler", "updated_at"])


def add_note(application, *, text, actor) -> ApplicationEvent:
    text = (text or "").strip()
    if not text:
        raise ClockError("请填写备注内容")
    with transaction.atomic():
        event = ApplicationEvent.objects.create(
            application=application, type=NOTE, date=timezone.localdate(), note=text, actor=actor
        )
        audit.record("application.note", actor=actor, agency=application.agency_id, target=application)
    return event


def _calendar():
    return ProvisionalCalendar(current_calendar())


def _position(application, event) -> int:
    live = sorted(
        (e for e in application.events.all() if e.type in CLOCK_KINDS), key=lambda e: (e.date, e.pk or 0)
    )
    return next(i for i, e in enumerate(live) if e.pk == event.pk)


def limits_passed_by(application, type, *, date, data, replacing=None) -> tuple[str, ...]:
    """The limits of the law that recording this event (or re-entering `replacing` as it) passes."""
    new = to_clock_event(ApplicationEvent(type=type, date=date, data=data))
    events = clock_events(application)
    position = _position(application, replacing) if replacing is not None else None
    return limits_passed(events, new, _calendar(), replacing=position)


def _void(event, reason, actor) -> None:
    event.voided_at = timezone.now()
    event.voided_by = actor
    event.void_reason = reason
    event.save(update_fields=["voided_at", "voided_by", "void_reason"])


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ClockError("请写明作废或更正的理由：它与原记录一并保存")
    return reason


def void_event(event, *, reason, actor) -> ApplicationEvent:
    """Void a live event with a reason; ClockError (nothing changed) if the events left cannot stand."""
    reason = _require_reason(reason)
    if event.voided_at is not None:
        raise ClockError("该记录已作废")
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=event.application_id)
        if event.type in CLOCK_KINDS:
            check_void(clock_events(application), _position(application, event), _calendar())
        _void(event, reason, actor)
        if event.type == ASSIGNED:
            _follow_assignments(application)
        audit.record(
            "application.event.void",
            actor=actor,
            agency=application.agency_id,
            target=application,
            details={"event": event.pk, "type": event.type, "date": event.date, "reason": reason},
        )
    return event


def replace_event(event, *, date, data, note="", reason, actor) -> ApplicationEvent:
    """Void `event` and enter what really happened in its place, in one step; the new event `replaces` it."""
    reason = _require_reason(reason)
    if event.voided_at is not None:
        raise ClockError("该记录已作废")
    if event.type not in CLOCK_KINDS:
        raise ClockError("分办和备注不更正：请作废后重新分办或添加备注")
    data = record_event_data(event.application, event.type, event_data(event.type, data or {}))
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=event.application_id)
        new = to_clock_event(ApplicationEvent(type=event.type, date=date, data=data))
        check_replacement(clock_events(application), _position(application, event), new, _calendar())
        _void(event, reason, actor)
        replacement = ApplicationEvent.objects.create(
            application=application,
            type=event.type,
            date=date,
            data=data,
            note=note,
            actor=actor,
            replaces=event,
        )
        if event.type == EventType.RECEIVED:
            # The Art. 31 date is the case's own field too; the 受理编号 keeps its number.
            application.received_on = date
            application.save(update_fields=["received_on", "updated_at"])
        audit.record(
            "application.event.replace",
            actor=actor,
            agency=application.agency_id,
            target=application,
            details={
                "voided": event.pk,
                "event": replacement.pk,
                "type": event.type,
                "old_date": event.date,
                "date": date,
                "reason": reason,
                **data,
            },
        )
    return replacement
