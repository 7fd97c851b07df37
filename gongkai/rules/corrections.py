"""Putting a case's record right, and checking a date before it is saved: the law as plain functions.

A wrong event is never edited in place. It is voided with a reason, and what really happened is entered
again as a new event; the clock is then computed from the events that stand. These functions say whether
the events that would stand still describe a real case, and which limits of the law a new event passes, so
the person is told before saving — not after.

    check_void(events, position, calendar) -> ClockState                  ClockError if the rest cannot stand
    check_replacement(events, position, new, calendar) -> ClockState      the same, with `new` in its place
    limits_passed(events, new, calendar, *, replacing=None) -> tuple[str, ...]
        each limit of the law that `new` passes and the case did not pass before (e.g. a correction notice
        after the 7 working days of Art. 30); saving such an event needs an explicit confirmation
    upcoming_limit(state, type, today) -> Limit | None
        the limit an event of `type` is held to, for the form to show before anything is typed

`position` counts from 0 in the order the events happened; the first event (收到申请) cannot be voided,
only replaced by a corrected one, since a case always starts with its receipt.
"""

from dataclasses import dataclass
from datetime import date

from gongkai.rules.clock import (
    DEFAULT_SETTINGS,
    ClockError,
    ClockSettings,
    ClockState,
    Event,
    EventType,
    compute_clock,
)
from gongkai.rules.workdays import WorkdayCalendar


def _ordered(events: list[Event]) -> list[Event]:
    # Stable: events of the same day keep the order they were recorded in.
    return sorted(events, key=lambda e: e.date)


def check_void(
    events: list[Event], position: int, calendar: WorkdayCalendar, settings: ClockSettings = DEFAULT_SETTINGS
) -> ClockState:
    """The case without its event at `position`; ClockError saying why if that cannot be."""
    events = list(events)
    if not 0 <= position < len(events):
        raise ClockError("没有这个事件")
    if position == 0:
        raise ClockError("“收到申请”是案件的起点，不能作废；收到日期有误的，请更正该事件")
    rest = events[:position] + events[position + 1 :]
    try:
        return compute_clock(_ordered(rest), calendar, settings=settings)
    except ClockError as exc:
        raise ClockError(f"作废“{events[position].type.label}”后，其余记录不成立：{exc}") from None


def check_replacement(
    events: list[Event],
    position: int,
    new: Event,
    calendar: WorkdayCalendar,
    settings: ClockSettings = DEFAULT_SETTINGS,
) -> ClockState:
    """The case with `new` in place of the event at `position`; ClockError saying why if that cannot be."""
    events = list(events)
    if not 0 <= position < len(events):
        raise ClockError("没有这个事件")
    old = events[position]
    if (old.type is EventType.RECEIVED) != (new.type is EventType.RECEIVED):
        raise ClockError("“收到申请”只能更正为另一个“收到申请”")
    rest = events[:position] + events[position + 1 :]
    ordered = [new, *_ordered(rest[1:])] if position == 0 else _ordered([*rest, new])
    try:
        return compute_clock(ordered, calendar, settings=settings)
    except ClockError as exc:
        raise ClockError(f"更正后的记录不成立：{exc}") from None


def limits_passed(
    events: list[Event],
    new: Event,
    calendar: WorkdayCalendar,
    *,
    replacing: int | None = None,
    settings: ClockSettings = DEFAULT_SETTINGS,
) -> tuple[str, ...]:
    """The warnings of the law that adding `new` (or putting it in place of the event at `replacing`) would
    add to the case: each names the limit that is passed. Empty when nothing is passed. ClockError when the
    events with `new` cannot stand at all."""
    events = list(events)
    if replacing is None:
        before = compute_clock(events, calendar, settings=settings).warnings
        after = compute_clock(_ordered([*events, new]), calendar, settings=settings).warnings
    else:
        # Compared with the case without the event being replaced: re-entering a late date is confirmed again.
        rest = events[:replacing] + events[replacing + 1 :]
        before = compute_clock(rest, calendar, settings=settings).warnings if replacing else ()
        after = check_replacement(events, replacing, new, calendar, settings).warnings
    return tuple(w for w in after if w not in before)


@dataclass(frozen=True)
class Limit:
    """The last day an event of a type is expected by, with the rule that sets it, in Chinese."""

    type: EventType
    latest: date
    rule: str
    passed: bool  # `today` is already after `latest`

    @property
    def text(self) -> str:
        when = f"{self.latest.isoformat()}前（{self.rule}）"
        if self.passed:
            return f"期限为 {when}，今天已超过该期限：如确实今天才办理，保存时须确认逾期"
        return f"期限为 {when}"


def upcoming_limit(
    state: ClockState, type: EventType | str, today: date, settings: ClockSettings = DEFAULT_SETTINGS
) -> Limit | None:
    """The limit the law sets on recording an event of `type` next, as the case stands in `state`."""
    type = EventType(type)
    if type is EventType.CORRECTION_REQUESTED:
        rule = f"收到申请之日起 {settings.correction_notice_workdays} 个工作日内一次性告知，条例第三十条"
        latest = state.correction_notice_due
    elif type is EventType.CORRECTION_RECEIVED and state.correction_due:
        rule = "补正告知书确定的补正期限，无正当理由逾期补正的视为放弃申请，条例第三十条"
        latest = state.correction_due
    elif type is EventType.EXTENSION_APPROVED and state.reply_due:
        rule = "延期须在答复期限届满前批准并告知申请人，条例第三十三条"
        latest = state.reply_due
    elif type is EventType.DECIDED and state.reply_due:
        rule = "答复期限，条例第三十三条"
        latest = state.reply_due
    else:
        return None
    return Limit(type, latest, rule, passed=today > latest)
