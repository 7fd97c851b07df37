"""Work queues: which open cases need attention today, computed from the clock on every request.

build_queues(applications, as_of=None) -> Queues
queues_for(user, as_of=None) -> Queues          every agency the person may see
letters_to_sign(user) -> dict[key, list[Letter]]   drafts awaiting this person's 签字 or 签发
home_summary(user) -> dict | None               the 工作台 block (None: the person sees no agency)
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from gongkai.agencies.access import agencies_where
from gongkai.rules.clock import ClockError, EventType, Status
from gongkai.rules.workdays import MissingCalendarYear

from .access import cases_visible_to
from .clock import clock_state

DUE_SOON_WORKDAYS = 3

QUEUE_LABELS = {
    "new": "新收待分办",
    "overdue": "已超期",
    "due_soon": "3 个工作日内到期",
    "in_consultation": "征求意见中",
    "awaiting_fee": "待缴费",
    "awaiting_correction": "待补正",
    "needs_closing": "视为放弃待办结",
    "clock_errors": "事件记录需核对",
}


@dataclass
class Row:
    application: object
    state: object = None
    error: str = ""


@dataclass
class Queues:
    as_of: date
    new: list = field(default_factory=list)  # open, not yet given to a department or a handler
    overdue: list = field(default_factory=list)
    due_soon: list = field(default_factory=list)
    in_consultation: list = field(default_factory=list)
    awaiting_fee: list = field(default_factory=list)
    awaiting_correction: list = field(default_factory=list)
    needs_closing: list = field(default_factory=list)  # deemed abandoned, no outcome recorded yet
    clock_errors: list = field(default_factory=list)

    def sections(self):
        return [(key, label, getattr(self, key)) for key, label in QUEUE_LABELS.items()]

    def counts(self) -> dict:
        return {key: len(getattr(self, key)) for key in QUEUE_LABELS}


def open_cases(applications):
    """Cases still owing something: not delivered and not withdrawn."""
    from .models import ApplicationEvent

    closed = ApplicationEvent.objects.filter(type__in=[EventType.DELIVERED, EventType.WITHDRAWN])
    return (
        applications.exclude(pk__in=closed.values("application_id"))
        .select_related("agency", "department", "handler")
        .prefetch_related("events")
        .distinct()
    )


def build_queues(applications, as_of: date | None = None) -> Queues:
    as_of = as_of or timezone.localdate()
    queues = Queues(as_of=as_of)
    for application in open_cases(applications):
        try:
            state = clock_state(application, as_of)
        except (ClockError, MissingCalendarYear) as exc:
            # A calendar amendment can make stored events impossible; show them rather than hide the case.
            queues.clock_errors.append(Row(application, error=str(exc)))
            continue
        row = Row(application, state)
        decided = any(e.type == EventType.DECIDED for e in application.events.all())
        if application.department_id is None and application.handler_id is None and not decided:
            queues.new.append(row)
        if state.status in (Status.ABANDONED_NO_CORRECTION, Status.ABANDONED_UNPAID) and not decided:
            queues.needs_closing.append(row)
        if state.overdue:
            queues.overdue.append(row)
        elif state.workdays_left is not None and 0 <= state.workdays_left <= DUE_SOON_WORKDAYS:
            queues.due_soon.append(row)
        if state.status is Status.IN_CONSULTATION:
            queues.in_consultation.append(row)
        elif state.status is Status.AWAITING_FEE:
            queues.awaiting_fee.append(row)
        elif state.status is Status.AWAITING_CORRECTION:
            queues.awaiting_correction.append(row)
    for key in QUEUE_LABELS:
        getattr(queues, key).sort(key=_urgency)
    return queues


def assigned_count(user) -> int:
    """Open cases given to this person as their handler."""
    return open_cases(cases_visible_to(user).filter(handler=user)).count()


def _urgency(row: Row):
    due = row.state.reply_due if row.state and row.state.reply_due else date.max
    return (due, row.application.reference)


def queues_for(user, as_of: date | None = None) -> Queues:
    return build_queues(cases_visible_to(user), as_of)


LETTER_QUEUE_LABELS = {
    "letters_to_sign": "文书待科室负责人签字",
    "letters_to_issue": "文书待领导签发",
}


def letters_to_sign(user) -> dict:
    """Letters waiting for this person: drafts for a department head to sign, signed drafts for a leader to
    issue, in the agencies where they may take that step — never their own drafts (nobody signs those)."""
    from .models import Letter, LetterStatus

    def waiting(action, status):
        return list(
            Letter.objects.filter(application__agency__in=agencies_where(user, action), status=status)
            .exclude(drafted_by=user)
            .select_related("application__agency")
            .order_by("drafted_at", "id")
        )

    from .letters.workflow import issued_by_registrar

    return {
        # A 受理回执 the registrar issues alone (LetterSettings.receipt_issued_by_registrar) waits for nobody.
        "letters_to_sign": [
            letter for letter in waiting("letter.sign", LetterStatus.DRAFT) if not issued_by_registrar(letter)
        ],
        "letters_to_issue": waiting("letter.issue", LetterStatus.HEAD_SIGNED),
    }


def home_summary(user) -> dict | None:
    applications = cases_visible_to(user)
    if not applications.exists():
        return {"counts": None}
    counts = queues_for(user).counts()
    counts.update({key: len(rows) for key, rows in letters_to_sign(user).items()})
    return {"counts": counts, "labels": {**LETTER_QUEUE_LABELS, **QUEUE_LABELS}}
