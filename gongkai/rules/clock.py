"""The statutory clock of an application (依申请公开), derived from its events.

Nothing here is stored: a case keeps its events (received, 补正, 征求意见, 延期, 收费, 答复, 送达, 撤回) and
every due date is computed from them and the working-day calendar, so a calendar amendment moves the dates.

Counting convention (docs/law.md §2.2 and §4, the same as gongkai.rules.workdays):
    * N working days after a date start counting on the next day; the Nth working day is the last day.
    * Art. 33 reply period: 20 working days from receipt, or from the day the corrected application arrived
      (Art. 30); one approved extension adds at most 20 working days to the same count.
    * While a consultation runs (Art. 32 third party, Art. 34 co-producing agency), the working days after
      `consultation_sent` up to and including `consultation_answered` — or the end of the 15-working-day
      window if no answer came — are not counted: the reply due date moves later by that many working days.
      The window is counted from the sending date (the date the letter reached the party is not recorded).
    * While a fee notice is unpaid, the working days after `fee_notice_received` up to and including
      `fee_paid` (at most to the end of the 20-working-day payment period) are likewise not counted. The 109号
      text read so far does not say so (docs/law.md §5, §11), so this is the `fee_pauses_clock`
      setting of ClockSettings, on by default.
    * Art. 35: once reasons were requested, the agency may set a delayed deadline; it replaces the Art. 33
      due date (pauses and extensions no longer move it).
    * A decision closes every pause on its date; compliance is judged on the delivery date (direct delivery:
      the signing date; post: the posting date — 国办公开办函〔2016〕235号).

Due dates of things that happened stay in the state once they are met (e.g. `correction_notice_due`,
`fee_payment_due` of a paid notice), so letters and checks can quote them; the status says what is awaited.

Public API:
    EventType, Party, DeliveryMethod, Status     stable English keys (StrEnum), Chinese labels via .label
    Event(type, date, workdays=, correction_deadline=, party=, deadline=, method=)
    Event.from_dict(mapping) / parse_events(list_of_mappings)    JSON input, raises ClockError
    ClockSettings(...)                                           periods and the fee-pause flag
    compute_clock(events, calendar, *, as_of=None, settings=DEFAULT_SETTINGS) -> ClockState
    allowed_events(events, calendar, *, as_of=None, settings=DEFAULT_SETTINGS) -> tuple[NextEvent, ...]
                                                                 what may be recorded next, with its limits
    ClockError(ValueError)                                       bad input, Chinese message
"""

from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import InitVar, dataclass, field
from datetime import date
from enum import StrEnum

from gongkai.rules.workdays import WorkdayCalendar, add_workdays, count_workdays


class ClockError(ValueError):
    """The events cannot describe a real case; the message says why, in Chinese."""


class EventType(StrEnum):
    RECEIVED = "received"
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_RECEIVED = "correction_received"
    CONSULTATION_SENT = "consultation_sent"
    CONSULTATION_ANSWERED = "consultation_answered"
    EXTENSION_APPROVED = "extension_approved"
    REASONS_REQUESTED = "reasons_requested"
    DELAYED_DEADLINE_SET = "delayed_deadline_set"
    FEE_NOTICE_RECEIVED = "fee_notice_received"
    FEE_PAID = "fee_paid"
    DECIDED = "decided"
    DELIVERED = "delivered"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]


EVENT_LABELS = {
    EventType.RECEIVED: "收到申请",
    EventType.CORRECTION_REQUESTED: "发出补正告知",
    EventType.CORRECTION_RECEIVED: "收到补正材料",
    EventType.CONSULTATION_SENT: "发出征求意见书",
    EventType.CONSULTATION_ANSWERED: "收到征求意见答复",
    EventType.EXTENSION_APPROVED: "批准延期答复",
    EventType.REASONS_REQUESTED: "要求说明理由",
    EventType.DELAYED_DEADLINE_SET: "确定延迟答复期限",
    EventType.FEE_NOTICE_RECEIVED: "申请人收到收费通知",
    EventType.FEE_PAID: "缴纳信息处理费",
    EventType.DECIDED: "作出答复决定",
    EventType.DELIVERED: "送达答复",
    EventType.WITHDRAWN: "申请人撤回申请",
}


class Party(StrEnum):
    """Who is consulted: a third party (Art. 32, silence is not refusal) or a co-producing agency (Art. 34,
    silence is consent)."""

    THIRD_PARTY = "third_party"
    AGENCY = "agency"

    @property
    def label(self) -> str:
        return {Party.THIRD_PARTY: "第三方", Party.AGENCY: "其他机关"}[self]


class DeliveryMethod(StrEnum):
    DIRECT = "direct"  # the day the applicant (or agent) signs
    POST = "post"  # the day of posting (交邮之日)
    # 电子送达 (条例 Art. 40, 民事诉讼法 Art. 90): the day the letter reached the applicant's mailbox, taken as
    # the day the mail server accepted it.
    ELECTRONIC = "electronic"

    @property
    def label(self) -> str:
        return {
            DeliveryMethod.DIRECT: "直接送达",
            DeliveryMethod.POST: "邮寄送达",
            DeliveryMethod.ELECTRONIC: "电子送达（电子邮件）",
        }[self]


class Status(StrEnum):
    REGISTERED = "registered"
    AWAITING_CORRECTION = "awaiting_correction"
    IN_PROGRESS = "in_progress"
    IN_CONSULTATION = "in_consultation"
    AWAITING_FEE = "awaiting_fee"
    EXTENDED = "extended"
    DECIDED = "decided"
    DELIVERED = "delivered"
    ABANDONED_NO_CORRECTION = "abandoned_no_correction"
    ABANDONED_UNPAID = "abandoned_unpaid"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_closed(self) -> bool:
        """No reply is owed any more (delivered, deemed abandoned or withdrawn)."""
        return self in CLOSED_STATUSES


STATUS_LABELS = {
    Status.REGISTERED: "已登记",
    Status.AWAITING_CORRECTION: "补正中",
    Status.IN_PROGRESS: "办理中",
    Status.IN_CONSULTATION: "征求意见中",
    Status.AWAITING_FEE: "待缴费",
    Status.EXTENDED: "已延期",
    Status.DECIDED: "已答复",
    Status.DELIVERED: "已送达",
    Status.ABANDONED_NO_CORRECTION: "视为放弃（逾期未补正）",
    Status.ABANDONED_UNPAID: "视为放弃（逾期未缴费）",
    Status.WITHDRAWN: "已撤回",
}

CLOSED_STATUSES = frozenset(
    {Status.DELIVERED, Status.ABANDONED_NO_CORRECTION, Status.ABANDONED_UNPAID, Status.WITHDRAWN}
)


@dataclass(frozen=True)
class ClockSettings:
    """The periods of the law, and the one rule that is a policy choice (`fee_pauses_clock`)."""

    reply_workdays: int = 20  # Art. 33
    correction_notice_workdays: int = 7  # Art. 30
    consultation_workdays: int = 15  # Art. 32, 34
    max_extension_workdays: int = 20  # Art. 33
    fee_payment_workdays: int = 20  # 109号 as restated by the provinces
    # Whether the days a fee notice waits for payment are left out of the reply period (docs/law.md §11:
    # not settled by the 办法 as far as it was read).
    fee_pauses_clock: bool = True


DEFAULT_SETTINGS = ClockSettings()


# What each event type carries besides its date, and whether it must carry it. Event checks these whether it
# is built in code or read from JSON (Event.from_dict), so what an event needs is written down once.
EVENT_FIELDS: dict[EventType, dict[str, bool]] = {
    EventType.CORRECTION_REQUESTED: {"correction_deadline": True},
    EventType.CONSULTATION_SENT: {"party": True},
    EventType.CONSULTATION_ANSWERED: {"party": False},  # without it: the one open consultation
    EventType.EXTENSION_APPROVED: {"workdays": True},
    EventType.DELAYED_DEADLINE_SET: {"deadline": True},
    EventType.DELIVERED: {"method": True},
}
DATE_FIELDS = ("date", "correction_deadline", "deadline")
# How a field is named in an error, and what it should hold.
FIELD_TEXT = {
    "date": ("日期字段", "YYYY-MM-DD"),
    "correction_deadline": ("日期字段", "YYYY-MM-DD"),
    "deadline": ("日期字段", "YYYY-MM-DD"),
    "workdays": ("延长的工作日数", "整数"),
    "party": ("征求意见对象", "third_party（第三方）或 agency（其他机关）"),
    "method": ("送达方式", "direct（直接送达）、post（邮寄送达）或 electronic（电子送达）"),
}


@dataclass(frozen=True)
class Event:
    """One thing that happened to an application. Only the fields its type needs are set (EVENT_FIELDS).

    `where` names the event in error messages (e.g. "第 3 个事件"); it is not part of the event."""

    type: EventType
    date: date
    workdays: int | None = None  # extension_approved
    correction_deadline: date | None = None  # correction_requested
    party: Party | None = None  # consultation_sent, consultation_answered
    deadline: date | None = None  # delayed_deadline_set
    method: DeliveryMethod | None = None  # delivered
    where: InitVar[str] = "事件"

    def __post_init__(self, where: str):
        # Callers may pass the plain keys ("received", "post"); keep the enums inside.
        try:
            object.__setattr__(self, "type", EventType(self.type))
        except ValueError:
            known = "、".join(t.value for t in EventType)
            raise ClockError(f"{where}的类型“{self.type}”未知（可用：{known}）") from None
        where = f"{where}（{self.type.value}）"
        required = {"date": True, **EVENT_FIELDS.get(self.type, {})}
        for name, (label, expected) in FIELD_TEXT.items():
            value = getattr(self, name)
            if value is None:
                if required.get(name):
                    raise ClockError(f"{where}缺少{label} {name}（{expected}）")
                continue
            object.__setattr__(self, name, _checked_field(name, value, where))

    @classmethod
    def from_dict(cls, data: Mapping, position: int | None = None) -> "Event":
        """An event from its JSON form, e.g. {"type": "extension_approved", "date": "2026-02-20", "workdays": 10}.

        Only decodes what JSON cannot hold (dates are text there) and leaves out the fields the type does not
        carry; Event itself checks the rest."""
        where = f"第 {position} 个事件" if position is not None else "事件"
        if not isinstance(data, Mapping):
            raise ClockError(f"{where}应为对象（含 type 和 date）")
        raw_type = data.get("type")
        try:
            carried = EVENT_FIELDS.get(EventType(raw_type), {})
        except ValueError:
            carried = {}  # Event names the unknown type
        fields = {name: data.get(name) for name in ("date", *carried)}
        for name in DATE_FIELDS:
            if isinstance(fields.get(name), str):
                with suppress(ValueError):  # if not, Event says it is not a valid date
                    fields[name] = date.fromisoformat(fields[name])
        return cls(type=raw_type, where=where, **fields)


def _checked_field(name: str, value, where: str):
    """The value of an event field, as its type, or ClockError naming the field."""
    label, expected = FIELD_TEXT[name]
    if name in DATE_FIELDS:
        if isinstance(value, date):
            return value
        raise ClockError(f"{where}的 {name} 不是有效日期：“{value}”（应为 {expected}）")
    if name == "workdays":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    else:
        enum = Party if name == "party" else DeliveryMethod
        try:
            return enum(value)
        except ValueError:
            pass
    raise ClockError(f"{where}的{label} {name} 应为{expected}，实际为“{value}”")


def parse_events(items: Iterable[Mapping]) -> list[Event]:
    """Events from their JSON form, numbered from 1 in error messages."""
    return [Event.from_dict(item, position) for position, item in enumerate(items, start=1)]


@dataclass(frozen=True)
class ClockState:
    """Where an application stands. Dates are None where the case never had the step."""

    status: Status
    received_on: date
    clock_start: date | None  # receipt, or the day the corrected application arrived; None while awaiting it
    reply_due: date | None
    correction_notice_due: date
    correction_due: date | None
    consultation_answer_due: date | None
    fee_payment_due: date | None
    deadline_basis: str | None  # "art33", "art33_extended" or "art35"; None while no reply period runs
    extension_workdays: int = 0
    paused_workdays: int = 0  # consultation and fee days not counted before reply_due
    decided_on: date | None = None
    delivered_on: date | None = None
    delivery_method: DeliveryMethod | None = None
    answered_late: bool | None = None  # delivered after reply_due; None until delivered
    warnings: tuple[str, ...] = ()
    # Set only when an "as of" date was given:
    as_of: date | None = None
    overdue: bool | None = None  # a reply is still owed and reply_due has passed
    workdays_left: int | None = None  # working days from as_of to reply_due; negative once overdue

    @property
    def status_label(self) -> str:
        return self.status.label

    def as_dict(self) -> dict:
        """JSON-ready: dates as ISO strings, enums as their keys."""
        out = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        out["status_label"] = self.status_label
        return out


# --- internals ---------------------------------------------------------------------------------------


@dataclass
class _Pause:
    """Working days in (after, until] are not counted. `until` is provisional while the pause is open."""

    kind: str  # "consultation" or "fee"
    after: date
    window_end: date
    party: Party | None = None
    closed_on: date | None = None  # answer / payment date
    cut_on: date | None = None  # the decision date, if it came while the pause was open

    @property
    def until(self) -> date:
        return min(d for d in (self.closed_on, self.window_end, self.cut_on) if d is not None)


@dataclass
class _Case:
    received_on: date
    correction_notice_due: date
    last_date: date
    clock_start: date | None = None
    correction_requested_on: date | None = None
    correction_deadline: date | None = None
    correction_received_on: date | None = None
    consultations: list[_Pause] = field(default_factory=list)
    fees: list[_Pause] = field(default_factory=list)
    extension: int = 0
    reasons_requested_on: date | None = None
    delayed_deadline: date | None = None
    decided_on: date | None = None
    delivered_on: date | None = None
    delivery_method: DeliveryMethod | None = None
    withdrawn_on: date | None = None
    processing_started: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def awaiting_correction(self) -> bool:
        return self.correction_requested_on is not None and self.correction_received_on is None

    def open_consultations(self) -> list[_Pause]:
        return [p for p in self.consultations if p.closed_on is None]

    def open_fee(self) -> _Pause | None:
        return next((p for p in self.fees if p.closed_on is None), None)


def compute_clock(
    events: Iterable[Event],
    calendar: WorkdayCalendar,
    *,
    as_of: date | None = None,
    settings: ClockSettings = DEFAULT_SETTINGS,
) -> ClockState:
    """The state of an application after `events` (in the order they happened).

    Raises ClockError for events that cannot happen (see the module docstring of each rule), and
    MissingCalendarYear when a period runs into a year the calendar has no data for.
    """
    case = _replay(events, calendar, settings)
    if as_of is not None and as_of < case.last_date:
        raise ClockError(f"计算日期 {as_of.isoformat()} 早于最后一个事件的日期 {case.last_date.isoformat()}")
    return _state(case, calendar, settings, as_of)


@dataclass(frozen=True)
class NextEvent:
    """An event type that may be recorded next, with the limits the law sets on it."""

    type: EventType
    not_before: date  # events are recorded in the order they happened: not before the last one
    latest: date | None = None  # extension_approved: approved by the reply due date (Art. 33)
    max_workdays: int | None = None  # extension_approved: the most working days it may add (Art. 33)
    parties: tuple[Party, ...] = ()  # consultation_answered: whose answer is still awaited

    @property
    def label(self) -> str:
        return self.type.label


ABANDONED = (Status.ABANDONED_NO_CORRECTION, Status.ABANDONED_UNPAID)


def allowed_events(
    events: Iterable[Event],
    calendar: WorkdayCalendar,
    *,
    as_of: date | None = None,
    settings: ClockSettings = DEFAULT_SETTINGS,
) -> tuple[NextEvent, ...]:
    """Which events may come next after `events`, in the order of EventType, with their limits.

    Everything offered is accepted by compute_clock on `not_before` within its limits; what it refuses is
    not offered: a second correction notice, or one after handling began (Art. 30); a second extension, one
    after an Art. 35 deadline or after the reply period ran out (Art. 33); handling while the applicant
    corrects; a payment without an open fee notice; anything but delivery after the decision, nothing after
    delivery or withdrawal. Two choices go further than the clock: no new consultation while one is awaited
    (the answer, or its window running out, comes first), and a case deemed abandoned on `as_of` (Art. 30,
    unpaid fee) is only closed with its decision. Raises ClockError when `events` are impossible.
    """
    case = _replay(events, calendar, settings)
    if as_of is not None and as_of < case.last_date:
        raise ClockError(f"计算日期 {as_of.isoformat()} 早于最后一个事件的日期 {case.last_date.isoformat()}")
    after = case.last_date
    if case.withdrawn_on or case.delivered_on:
        return ()
    if case.decided_on:
        return (NextEvent(EventType.DELIVERED, after),)
    status = _status(case, as_of)
    if status in ABANDONED:
        return (NextEvent(EventType.DECIDED, after),)
    running = not case.awaiting_correction
    offered = []
    if case.correction_requested_on is None and not case.processing_started:
        offered.append(NextEvent(EventType.CORRECTION_REQUESTED, after))
    if case.awaiting_correction:
        offered.append(NextEvent(EventType.CORRECTION_RECEIVED, after))
    if running and status is not Status.IN_CONSULTATION:
        offered.append(NextEvent(EventType.CONSULTATION_SENT, after))
    awaited = tuple(dict.fromkeys(p.party for p in case.open_consultations()))
    if awaited:
        offered.append(NextEvent(EventType.CONSULTATION_ANSWERED, after, parties=awaited))
    if running and not case.extension and case.delayed_deadline is None:
        due = _reply_due(case, calendar, settings)[0]
        if due >= after:
            limit = settings.max_extension_workdays
            offered.append(NextEvent(EventType.EXTENSION_APPROVED, after, latest=due, max_workdays=limit))
    if running and case.reasons_requested_on is None:
        offered.append(NextEvent(EventType.REASONS_REQUESTED, after))
    if running and case.reasons_requested_on is not None and case.delayed_deadline is None:
        offered.append(NextEvent(EventType.DELAYED_DEADLINE_SET, after))
    if running and case.open_fee() is None:
        offered.append(NextEvent(EventType.FEE_NOTICE_RECEIVED, after))
    if status is Status.AWAITING_FEE:
        offered.append(NextEvent(EventType.FEE_PAID, after))
    offered += [NextEvent(EventType.DECIDED, after), NextEvent(EventType.WITHDRAWN, after)]
    order = list(EventType)
    return tuple(sorted(offered, key=lambda e: order.index(e.type)))


def _replay(events: Iterable[Event], calendar: WorkdayCalendar, settings: ClockSettings) -> "_Case":
    """The case after `events` in the order they happened; ClockError for one that cannot happen."""
    events = list(events)
    if not events:
        raise ClockError("没有事件：第一个事件必须是“收到申请”（received）")
    first = events[0]
    if first.type is not EventType.RECEIVED:
        raise ClockError(f"第一个事件必须是“收到申请”（received），实际为“{first.type.value}”")
    case = _Case(
        received_on=first.date,
        correction_notice_due=add_workdays(first.date, settings.correction_notice_workdays, calendar),
        last_date=first.date,
        clock_start=first.date,
    )
    for position, event in enumerate(events[1:], start=2):
        _apply(case, event, position, calendar, settings)
    return case


def _apply(case: _Case, event: Event, position: int, cal: WorkdayCalendar, settings: ClockSettings) -> None:
    where = f"第 {position} 个事件（{event.type.value}，{event.date.isoformat()}）"
    if event.date < case.last_date:
        raise ClockError(f"{where}的日期早于前一个事件（{case.last_date.isoformat()}），事件须按发生顺序排列")
    if case.withdrawn_on:
        raise ClockError(f"{where}：申请已于 {case.withdrawn_on.isoformat()} 撤回，其后不能再有事件")
    if case.delivered_on:
        raise ClockError(f"{where}：答复已于 {case.delivered_on.isoformat()} 送达，其后不能再有事件")
    if case.decided_on and event.type is not EventType.DELIVERED:
        raise ClockError(f"{where}：已于 {case.decided_on.isoformat()} 作出答复决定，其后只能是送达")
    handler = _HANDLERS[event.type]
    handler(case, event, where, cal, settings)
    case.last_date = event.date


def _received(case, event, where, cal, settings):
    raise ClockError(f"{where}：“收到申请”只能是第一个事件，且只能有一个")


def _correction_requested(case, event, where, cal, settings):
    if case.correction_requested_on:
        raise ClockError(
            f"{where}：补正只能一次性告知，已于 {case.correction_requested_on.isoformat()} 发出补正告知"
        )
    if case.processing_started:
        raise ClockError(f"{where}：已开始办理（征求意见、延期、收费或说明理由）后不能再要求补正")
    if event.correction_deadline < event.date:
        raise ClockError(
            f"{where}：补正期限 {event.correction_deadline.isoformat()} 早于补正告知日期 {event.date.isoformat()}"
        )
    if event.date > case.correction_notice_due:
        case.warnings.append(
            f"补正告知于 {event.date.isoformat()} 发出，晚于收到申请之日起 {settings.correction_notice_workdays} "
            f"个工作日的期限 {case.correction_notice_due.isoformat()}（条例第三十条）"
        )
    case.correction_requested_on = event.date
    case.correction_deadline = event.correction_deadline
    case.clock_start = None


def _correction_received(case, event, where, cal, settings):
    if not case.correction_requested_on:
        raise ClockError(f"{where}：尚未发出补正告知，不能收到补正材料")
    if case.correction_received_on:
        raise ClockError(f"{where}：已于 {case.correction_received_on.isoformat()} 收到补正材料")
    if event.date > case.correction_deadline:
        case.warnings.append(
            f"补正材料于 {event.date.isoformat()} 收到，晚于补正期限 {case.correction_deadline.isoformat()}；"
            "无正当理由逾期补正的视为放弃申请（条例第三十条）"
        )
    case.correction_received_on = event.date
    case.clock_start = event.date


def _require_running(case: _Case, where: str) -> None:
    if case.awaiting_correction:
        raise ClockError(f"{where}：申请正在补正中，收到补正材料前不能办理")


def _consultation_sent(case, event, where, cal, settings):
    _require_running(case, where)
    case.processing_started = True
    due = _reply_due(case, cal, settings)[0]
    if case.delayed_deadline is None and event.date >= due:
        case.warnings.append(
            f"征求意见书于 {event.date.isoformat()} 发出，答复期限 {due.isoformat()} 已到，征求意见不能再延后答复期限"
        )
    window_end = add_workdays(event.date, settings.consultation_workdays, cal)
    case.consultations.append(_Pause("consultation", event.date, window_end, party=event.party))


def _consultation_answered(case, event, where, cal, settings):
    open_ones = case.open_consultations()
    if event.party is not None:
        open_ones = [p for p in open_ones if p.party is event.party]
    if not open_ones:
        whom = f"向{event.party.label}" if event.party else ""
        raise ClockError(f"{where}：没有尚未答复的{whom}征求意见，不能收到答复")
    if event.party is None and len({p.party for p in open_ones}) > 1:
        raise ClockError(f"{where}：同时向第三方和其他机关征求意见，答复须注明 party")
    pause = open_ones[0]
    if event.date > pause.window_end:
        case.warnings.append(
            f"{pause.party.label}的意见于 {event.date.isoformat()} 收到，已超过 {settings.consultation_workdays} "
            f"个工作日的期限 {pause.window_end.isoformat()}；期限届满后的时间计入答复期限"
        )
    pause.closed_on = event.date


def _extension_approved(case, event, where, cal, settings):
    _require_running(case, where)
    case.processing_started = True
    limit = settings.max_extension_workdays
    if case.extension:
        raise ClockError(f"{where}：延期只能批准一次，已延长 {case.extension} 个工作日")
    if case.delayed_deadline is not None:
        raise ClockError(f"{where}：已依第三十五条确定延迟答复期限，不能再按第三十三条延期")
    if not 1 <= event.workdays <= limit:
        raise ClockError(f"{where}：延长期限最长不得超过 {limit} 个工作日，实际为 {event.workdays} 个")
    due = _reply_due(case, cal, settings)[0]
    if event.date > due:
        raise ClockError(f"{where}：延期须在答复期限 {due.isoformat()} 届满前批准并告知申请人")
    case.extension = event.workdays


def _reasons_requested(case, event, where, cal, settings):
    _require_running(case, where)
    case.processing_started = True
    if case.reasons_requested_on:
        raise ClockError(f"{where}：已于 {case.reasons_requested_on.isoformat()} 要求申请人说明理由")
    case.reasons_requested_on = event.date


def _delayed_deadline_set(case, event, where, cal, settings):
    _require_running(case, where)
    if not case.reasons_requested_on:
        raise ClockError(f"{where}：依第三十五条确定延迟答复期限前，须先要求申请人说明理由")
    if case.delayed_deadline is not None:
        raise ClockError(f"{where}：已确定延迟答复期限 {case.delayed_deadline.isoformat()}")
    if event.deadline <= event.date:
        raise ClockError(f"{where}：延迟答复期限 {event.deadline.isoformat()} 应晚于确定之日")
    case.delayed_deadline = event.deadline


def _fee_notice_received(case, event, where, cal, settings):
    _require_running(case, where)
    case.processing_started = True
    if case.open_fee():
        raise ClockError(f"{where}：上一份收费通知尚未缴费")
    window_end = add_workdays(event.date, settings.fee_payment_workdays, cal)
    case.fees.append(_Pause("fee", event.date, window_end))


def _fee_paid(case, event, where, cal, settings):
    pause = case.open_fee()
    if pause is None:
        raise ClockError(f"{where}：没有待缴费的收费通知，不能缴费")
    if event.date > pause.window_end:
        case.warnings.append(
            f"信息处理费于 {event.date.isoformat()} 缴纳，已超过缴费期限 {pause.window_end.isoformat()}；"
            "逾期未缴费的视为放弃申请"
        )
    pause.closed_on = event.date


def _decided(case, event, where, cal, settings):
    # An open pause ends with the decision (e.g. a third party that never answered).
    for pause in case.consultations + case.fees:
        if pause.closed_on is None:
            pause.cut_on = event.date
    case.decided_on = event.date


def _delivered(case, event, where, cal, settings):
    if not case.decided_on:
        raise ClockError(f"{where}：尚未作出答复决定，不能送达")
    case.delivered_on = event.date
    case.delivery_method = event.method


def _withdrawn(case, event, where, cal, settings):
    case.withdrawn_on = event.date


_HANDLERS = {
    EventType.RECEIVED: _received,
    EventType.CORRECTION_REQUESTED: _correction_requested,
    EventType.CORRECTION_RECEIVED: _correction_received,
    EventType.CONSULTATION_SENT: _consultation_sent,
    EventType.CONSULTATION_ANSWERED: _consultation_answered,
    EventType.EXTENSION_APPROVED: _extension_approved,
    EventType.REASONS_REQUESTED: _reasons_requested,
    EventType.DELAYED_DEADLINE_SET: _delayed_deadline_set,
    EventType.FEE_NOTICE_RECEIVED: _fee_notice_received,
    EventType.FEE_PAID: _fee_paid,
    EventType.DECIDED: _decided,
    EventType.DELIVERED: _delivered,
    EventType.WITHDRAWN: _withdrawn,
}


def _reply_due(
    case: _Case, cal: WorkdayCalendar, settings: ClockSettings
) -> tuple[date | None, int, str | None]:
    """(due date, paused working days before it, basis) for the events so far."""
    if case.clock_start is None:
        return None, 0, None
    if case.delayed_deadline is not None:
        return case.delayed_deadline, 0, "art35"
    pauses = list(case.consultations)
    if settings.fee_pauses_clock:
        pauses += case.fees
    intervals = _merge([(max(p.after, case.clock_start), p.until) for p in pauses])
    n = settings.reply_workdays + case.extension
    # The due date is the nth counted working day; each paused working day before it pushes it one further.
    # Iterating from the unpaused date upwards reaches the first date where that holds.
    paused = 0
    due = add_workdays(case.clock_start, n, cal)
    while True:
        now_paused = sum(count_workdays(a, min(b, due), cal) for a, b in intervals if a < due)
        if now_paused == paused:
            break
        paused = now_paused
        due = add_workdays(case.clock_start, n + paused, cal)
    return due, paused, "art33_extended" if case.extension else "art33"


def _merge(intervals: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Half-open intervals (a, b] merged so that no working day is counted twice."""
    merged: list[tuple[date, date]] = []
    for a, b in sorted(i for i in intervals if i[1] > i[0]):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _state(case: _Case, cal: WorkdayCalendar, settings: ClockSettings, as_of: date | None) -> ClockState:
    reply_due, paused, basis = _reply_due(case, cal, settings)
    status = _status(case, as_of)
    answered_late = None
    if case.delivered_on and reply_due:
        answered_late = case.delivered_on > reply_due
    overdue = workdays_left = None
    if as_of is not None and reply_due is not None and status not in CLOSED_STATUSES:
        overdue = as_of > reply_due
        if overdue:
            workdays_left = -count_workdays(reply_due, as_of, cal)
        else:
            workdays_left = count_workdays(as_of, reply_due, cal)
    elif as_of is not None:
        overdue = False
    return ClockState(
        status=status,
        received_on=case.received_on,
        clock_start=case.clock_start,
        reply_due=reply_due,
        correction_notice_due=case.correction_notice_due,
        correction_due=case.correction_deadline,
        consultation_answer_due=case.consultations[-1].window_end if case.consultations else None,
        fee_payment_due=case.fees[-1].window_end if case.fees else None,
        deadline_basis=basis,
        extension_workdays=case.extension,
        paused_workdays=paused,
        decided_on=case.decided_on,
        delivered_on=case.delivered_on,
        delivery_method=case.delivery_method,
        answered_late=answered_late,
        warnings=tuple(case.warnings),
        as_of=as_of,
        overdue=overdue,
        workdays_left=workdays_left,
    )


def _status(case: _Case, as_of: date | None) -> Status:
    if case.withdrawn_on:
        return Status.WITHDRAWN
    if case.delivered_on:
        return Status.DELIVERED
    if case.decided_on:
        return Status.DECIDED
    if case.awaiting_correction:
        if as_of is not None and as_of > case.correction_deadline:
            return Status.ABANDONED_NO_CORRECTION
        return Status.AWAITING_CORRECTION
    fee = case.open_fee()
    if fee is not None:
        if as_of is not None and as_of > fee.window_end:
            return Status.ABANDONED_UNPAID
        return Status.AWAITING_FEE
    consulting = case.open_consultations()
    if consulting and not (as_of is not None and all(as_of > p.window_end for p in consulting)):
        return Status.IN_CONSULTATION
    if case.extension or case.delayed_deadline is not None:
        return Status.EXTENDED
    if case.processing_started or case.correction_received_on:
        return Status.IN_PROGRESS
    return Status.REGISTERED
