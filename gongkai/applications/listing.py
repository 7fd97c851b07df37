"""The case list of the workspace: buckets, filters and search over what was asked for.

    CaseFilters.from_query(querydict, user) -> CaseFilters
    filtered_cases(user, filters) -> QuerySet          the part the database answers (agency, department,
                                                        handler, dates, outcome, search, bucket)
    case_rows(cases, filters, as_of=None) -> list[Row] with the clock's state; the status filter is the
                                                        clock's, so it is applied here
    applicant_shown(application, may_see_personal_data) -> str   the type, and a natural person's name masked

Buckets: 新收待分办 (open, undecided, not yet given to a department or handler), 办理中 (open), 已办结 (delivered,
withdrawn), 全部.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from gongkai.rules.clock import ClockError, EventType, Status
from gongkai.rules.masking import mask_name
from gongkai.rules.outcomes import Outcome
from gongkai.rules.workdays import MissingCalendarYear

from .access import cases_visible_to
from .clock import clock_state
from .models import ApplicationEvent

BUCKETS = {"new": "新收待分办", "open": "办理中", "closed": "已办结", "all": "全部"}
STATUS_CHOICES = [(s.value, s.label) for s in Status]
OUTCOME_CHOICES = [(o.value, o.label) for o in Outcome]
SUBJECT_LENGTH = 60


@dataclass
class CaseFilters:
    bucket: str = "open"
    agency: str = ""
    status: str = ""
    outcome: str = ""
    department: int | None = None
    handler: str = ""  # "me", or empty
    received_from: date | None = None
    received_to: date | None = None
    q: str = ""

    @classmethod
    def from_query(cls, query) -> "CaseFilters":
        def day(name):
            try:
                return date.fromisoformat(query.get(name, "").strip())
            except ValueError:
                return None  # a date that cannot be read filters nothing; the form shows it empty

        department = query.get("department", "")
        return cls(
            bucket=query.get("bucket") if query.get("bucket") in BUCKETS else "open",
            agency=query.get("agency", "").strip(),
            status=query.get("status") if query.get("status") in dict(STATUS_CHOICES) else "",
            outcome=query.get("outcome") if query.get("outcome") in dict(OUTCOME_CHOICES) else "",
            department=int(department) if department.isdigit() else None,
            handler="me" if query.get("handler") == "me" else "",
            received_from=day("received_from"),
            received_to=day("received_to"),
            q=query.get("q", "").strip()[:100],
        )

    @property
    def active(self) -> bool:
        return any(
            (
                self.status,
                self.outcome,
                self.department,
                self.handler,
                self.received_from,
                self.received_to,
                self.q,
            )
        )


def closed_ids():
    return ApplicationEvent.objects.filter(type__in=[EventType.DELIVERED, EventType.WITHDRAWN]).values(
        "application_id"
    )


def filtered_cases(user, filters: CaseFilters):
    cases = cases_visible_to(user)
    if filters.agency:
        cases = cases.filter(agency__code=filters.agency)
    if filters.bucket in ("new", "open"):
        cases = cases.exclude(pk__in=closed_ids())
    elif filters.bucket == "closed":
        cases = cases.filter(pk__in=closed_ids())
    if filters.bucket == "new":
        decided = ApplicationEvent.objects.filter(type=EventType.DECIDED)
        cases = cases.filter(department__isnull=True, handler__isnull=True).exclude(
            pk__in=decided.values("application_id")
        )
    if filters.department:
        cases = cases.filter(department_id=filters.department)
    if filters.handler == "me":
        cases = cases.filter(handler=user)
    if filters.received_from:
        cases = cases.filter(received_on__gte=filters.received_from)
    if filters.received_to:
        cases = cases.filter(received_on__lte=filters.received_to)
    if filters.outcome:
        decided = ApplicationEvent.objects.filter(type=EventType.DECIDED, data__outcome=filters.outcome)
        cases = cases.filter(pk__in=decided.values("application_id"))
    if filters.q:
        words = filters.q.split()
        for word in words:
            cases = cases.filter(Q(request_description__icontains=word) | Q(reference__icontains=word))
    return (
        cases.select_related("agency", "department", "handler")
        .prefetch_related("events")
        .order_by("-received_on", "-sequence")
    )


@dataclass
class Row:
    application: object
    state: object = None
    error: str = ""

    @property
    def subject(self) -> str:
        text = " ".join(self.application.request_description.split())
        return text if len(text) <= SUBJECT_LENGTH else text[:SUBJECT_LENGTH] + "…"


def _row(application, as_of) -> Row:
    try:
        return Row(
            application, clock_state(application, max(as_of, application.received_on) if as_of else None)
        )
    except (ClockError, MissingCalendarYear) as exc:
        return Row(application, error=str(exc))


def case_rows(cases, filters: CaseFilters, as_of: date | None = None) -> list[Row]:
    """Rows with their clock on `as_of` (today); when a status is asked for, only the rows in it (computed
    from the events, not stored)."""
    rows = []
    for application in cases:
        row = _row(application, as_of)
        if filters.status and (row.state is None or row.state.status.value != filters.status):
            continue
        rows.append(row)
    return rows


def applicant_shown(application, may_see_personal_data: bool) -> str:
    """What a list shows of the applicant: the type; a natural person's name masked; an organisation's name
    (not personal data). Nothing but the type for whoever may not see personal data."""
    kind = application.get_applicant_type_display()
    if not may_see_personal_data or application.personal_data_erased_at or not application.applicant_name:
        return kind
    name = application.applicant_name
    return f"{kind}（{name if application.is_organisation else mask_name(name)}）"
