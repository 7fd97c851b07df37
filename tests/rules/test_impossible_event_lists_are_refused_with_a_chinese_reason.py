"""Bad input to the clock raises ClockError (a ValueError) saying in Chinese what is wrong."""

from datetime import date

import pytest

from gongkai.rules.clock import ClockError, Event, compute_clock, parse_events


def d(text):
    return date.fromisoformat(text)


RECEIVED = Event("received", d("2026-01-05"))


def refused(calendar, events, match):
    with pytest.raises(ClockError, match=match) as caught:
        compute_clock(events, calendar)
    assert isinstance(caught.value, ValueError)


def test_the_clock_error_is_a_value_error():
    assert issubclass(ClockError, ValueError)


def test_an_unknown_event_type_is_named():
    with pytest.raises(ClockError, match="“received_late”未知"):
        parse_events(
            [{"type": "received", "date": "2026-01-05"}, {"type": "received_late", "date": "2026-01-06"}]
        )


@pytest.mark.parametrize(
    ("item", "match"),
    [
        ({"type": "received"}, "缺少日期字段 date"),
        ({"type": "received", "date": "2026-02-30"}, "不是有效日期"),
        ({"type": "extension_approved", "date": "2026-01-06"}, "workdays"),
        ({"type": "extension_approved", "date": "2026-01-06", "workdays": "10"}, "workdays"),
        ({"type": "correction_requested", "date": "2026-01-06"}, "correction_deadline"),
        ({"type": "consultation_sent", "date": "2026-01-06", "party": "neighbour"}, "third_party"),
        ({"type": "delayed_deadline_set", "date": "2026-01-06"}, "deadline"),
        ({"type": "delivered", "date": "2026-01-06", "method": "pigeon"}, "direct"),
        ("received", "应为对象"),
    ],
)
def test_a_malformed_event_says_which_field_is_wrong(item, match):
    with pytest.raises(ClockError, match=match):
        parse_events([item])


def test_the_first_event_must_be_the_receipt(calendar):
    refused(calendar, [Event("decided", d("2026-01-05"))], "第一个事件必须是")
    refused(calendar, [], "没有事件")


def test_an_application_is_received_once(calendar):
    refused(calendar, [RECEIVED, Event("received", d("2026-01-06"))], "只能是第一个事件")


def test_events_must_be_in_date_order(calendar):
    refused(calendar, [RECEIVED, Event("reasons_requested", d("2026-01-02"))], "早于前一个事件")


def test_a_correction_cannot_arrive_before_it_was_requested(calendar):
    refused(calendar, [RECEIVED, Event("correction_received", d("2026-01-07"))], "尚未发出补正告知")


def test_a_second_correction_notice_is_refused(calendar):
    first = Event("correction_requested", d("2026-01-06"), correction_deadline=d("2026-01-20"))
    back = Event("correction_received", d("2026-01-12"))
    second = Event("correction_requested", d("2026-01-13"), correction_deadline=d("2026-01-27"))
    refused(calendar, [RECEIVED, first, back, second], "一次性告知")


def test_a_correction_deadline_before_the_notice_is_refused(calendar):
    notice = Event("correction_requested", d("2026-01-06"), correction_deadline=d("2026-01-05"))
    refused(calendar, [RECEIVED, notice], "补正期限")


def test_no_handling_while_the_applicant_corrects(calendar):
    notice = Event("correction_requested", d("2026-01-06"), correction_deadline=d("2026-01-20"))
    consult = Event("consultation_sent", d("2026-01-07"), party="third_party")
    refused(calendar, [RECEIVED, notice, consult], "补正中")


def test_no_correction_once_handling_has_begun(calendar):
    consult = Event("consultation_sent", d("2026-01-06"), party="third_party")
    notice = Event("correction_requested", d("2026-01-07"), correction_deadline=d("2026-01-20"))
    refused(calendar, [RECEIVED, consult, notice], "不能再要求补正")


def test_an_answer_to_a_consultation_never_sent_is_refused(calendar):
    refused(
        calendar, [RECEIVED, Event("consultation_answered", d("2026-01-07"), party="agency")], "没有尚未答复"
    )


def test_only_delivery_may_follow_a_decision(calendar):
    refused(
        calendar,
        [RECEIVED, Event("decided", d("2026-01-07")), Event("withdrawn", d("2026-01-08"))],
        "只能是送达",
    )


def test_events_built_in_code_are_checked_too():
    with pytest.raises(ClockError, match="不是有效日期"):
        Event("received", "2026-01-05")
    with pytest.raises(ClockError, match="应为整数"):
        Event("extension_approved", d("2026-01-06"), workdays="10")
    with pytest.raises(ClockError, match="缺少送达方式 method"):
        Event("delivered", d("2026-01-06"))
    with pytest.raises(ClockError, match="“answered”未知"):
        Event("answered", d("2026-01-06"))


@pytest.mark.parametrize(
    ("item", "built"),
    [
        ({"type": "received"}, lambda: Event("received", None)),
        ({"type": "received", "date": 20260105}, lambda: Event("received", 20260105)),
        (
            {"type": "extension_approved", "date": "2026-01-06", "workdays": True},
            lambda: Event("extension_approved", d("2026-01-06"), workdays=True),
        ),
        (
            {"type": "correction_requested", "date": "2026-01-06"},
            lambda: Event("correction_requested", d("2026-01-06")),
        ),
        (
            {"type": "consultation_sent", "date": "2026-01-06", "party": "neighbour"},
            lambda: Event("consultation_sent", d("2026-01-06"), party="neighbour"),
        ),
        ({"type": "delivered", "date": "2026-01-06"}, lambda: Event("delivered", d("2026-01-06"))),
        ({"type": "answered", "date": "2026-01-06"}, lambda: Event("answered", d("2026-01-06"))),
    ],
)
def test_an_event_read_from_json_and_one_built_in_code_are_refused_for_the_same_reason(item, built):
    with pytest.raises(ClockError) as from_json:
        parse_events([item])
    with pytest.raises(ClockError) as in_code:
        built()
    assert str(from_json.value).removeprefix("第 1 个事件") == str(in_code.value).removeprefix("事件")
