"""`gongkai clock EVENTS.json` and `gongkai fee`: exit 0 with the answer, exit 2 with the reason in Chinese."""

import json

import pytest

from gongkai.cli import main

pytestmark = pytest.mark.django_db


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def events_file(tmp_path, events):
    path = tmp_path / "events.json"
    path.write_text(json.dumps({"events": events}), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([{"type": "received", "date": "2026-01-05"}], {"reply_due": "2026-02-02"}),
        (
            [{"type": "received", "date": "2026-02-06"}],
            {"reply_due": "2026-03-12", "correction_notice_due": "2026-02-24"},
        ),
        ([{"type": "received", "date": "2025-09-26"}], {"reply_due": "2025-10-30"}),
        ([{"type": "received", "date": "2025-12-31"}], {"reply_due": "2026-01-29"}),
        (
            [
                {"type": "received", "date": "2026-01-30"},
                {"type": "extension_approved", "date": "2026-02-27", "workdays": 20},
            ],
            {"reply_due": "2026-04-02", "status": "extended"},
        ),
    ],
)
def test_the_clock_command_prints_the_due_dates_as_json(capsys, tmp_path, events, expected):
    code, out, err = run(capsys, "clock", events_file(tmp_path, events))
    assert code == 0, err
    result = json.loads(out)
    for key, value in expected.items():
        assert result[key] == value
    assert {
        "reply_due",
        "correction_notice_due",
        "consultation_answer_due",
        "fee_payment_due",
        "status",
    } <= set(result)


def test_the_clock_command_prints_null_where_nothing_is_due(capsys, tmp_path):
    events = [
        {"type": "received", "date": "2026-01-05"},
        {"type": "correction_requested", "date": "2026-01-07", "correction_deadline": "2026-01-21"},
    ]
    code, out, _ = run(capsys, "clock", events_file(tmp_path, events))
    result = json.loads(out)
    assert code == 0
    assert result["reply_due"] is None
    assert result["fee_payment_due"] is None
    assert result["status"] == "awaiting_correction"


def test_the_clock_command_judges_lapses_as_of_a_date(capsys, tmp_path):
    events = [
        {"type": "received", "date": "2026-01-05"},
        {"type": "fee_notice_received", "date": "2026-01-12"},
    ]
    code, out, _ = run(capsys, "clock", events_file(tmp_path, events), "--as-of", "2026-02-10")
    assert code == 0
    assert json.loads(out)["status"] == "abandoned_unpaid"


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([{"type": "received", "date": "2026-01-05"}, {"type": "answered", "date": "2026-01-06"}], "未知"),
        ([{"type": "decided", "date": "2026-01-05"}], "第一个事件必须是"),
        (
            [
                {"type": "received", "date": "2026-01-05"},
                {"type": "correction_requested", "date": "2026-01-06", "correction_deadline": "2026-01-20"},
                {"type": "correction_received", "date": "2026-01-09"},
                {"type": "correction_requested", "date": "2026-01-12", "correction_deadline": "2026-01-26"},
            ],
            "一次性告知",
        ),
        (
            [
                {"type": "received", "date": "2026-01-05"},
                {"type": "extension_approved", "date": "2026-01-20", "workdays": 21},
            ],
            "不得超过 20 个工作日",
        ),
        (
            [
                {"type": "received", "date": "2026-01-05"},
                {"type": "extension_approved", "date": "2026-02-03", "workdays": 10},
            ],
            "届满前",
        ),
        (
            [
                {"type": "received", "date": "2026-01-05"},
                {"type": "correction_received", "date": "2026-01-08"},
            ],
            "尚未发出补正告知",
        ),
    ],
)
def test_the_clock_command_exits_2_on_impossible_events(capsys, tmp_path, events, message):
    code, out, err = run(capsys, "clock", events_file(tmp_path, events))
    assert code == 2
    assert out == ""
    assert message in err


def test_the_clock_command_exits_2_on_an_unreadable_or_malformed_file(capsys, tmp_path):
    code, _, err = run(capsys, "clock", str(tmp_path / "missing.json"))
    assert code == 2 and "无法读取" in err
    bad = tmp_path / "bad.json"
    bad.write_text('{"events": [', encoding="utf-8")
    code, _, err = run(capsys, "clock", str(bad))
    assert code == 2 and "不是有效的 JSON" in err
    bad.write_text('[{"type": "received", "date": "2026-01-05"}]', encoding="utf-8")
    code, _, err = run(capsys, "clock", str(bad))
    assert code == 2 and '{"events"' in err


def test_the_clock_command_exits_2_beyond_the_calendar(capsys, tmp_path):
    code, _, err = run(capsys, "clock", events_file(tmp_path, [{"type": "received", "date": "2030-01-07"}]))
    assert code == 2
    assert "2030" in err


@pytest.mark.parametrize(
    ("flag", "value", "total"),
    [
        ("--per-item", n, t)
        for n, t in [
            (10, 0),
            (11, 100),
            (30, 2000),
            (31, 2200),
            (35, 3000),
            (40, 4000),
            (41, 4300),
            (50, 7000),
            (51, 7400),
        ]
    ]
    + [
        ("--pages", p, t)
        for p, t in [(30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740), (250, 4700)]
    ],
)
def test_the_fee_command_prints_the_total_on_its_last_line(capsys, flag, value, total):
    code, out, _ = run(capsys, "fee", flag, str(value))
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[-1] == str(total)
    assert "超额累进" in lines[0]


def test_the_fee_command_refuses_both_methods_at_once(capsys):
    code, out, err = run(capsys, "fee", "--per-item", "12", "--pages", "40")
    assert code == 2
    assert out == ""
    assert "不能同时使用" in err


@pytest.mark.parametrize("argv", [["fee"], ["fee", "--pages", "-3"]])
def test_the_fee_command_refuses_a_missing_or_negative_figure(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err
